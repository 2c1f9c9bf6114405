/* spanmark-export-json.h — the pieces the JSON lines formats share
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports write JSON by hand so the bytes are exactly the documented
 * ones: compact separators, keys in a fixed order, strings through
 * spanmark_json_append_string() (non-ASCII characters as UTF-8, control
 * characters escaped).  Private to the export (formats/).
 */

#pragma once

#include "spanmark-export-private.h"

G_BEGIN_DECLS

/* {"key":"value",…} from attributes as ExportSpan keeps them (sorted
 * key, value pairs; NULL for none). */
void _spanmark_export_append_attrs     (GString         *out,
                                        GPtrArray       *attrs);
/* The start of a document's line: {"id":ID,"text":TEXT,"KEY":[ */
void _spanmark_export_append_doc_start (GString         *out,
                                        const ExportDoc *doc,
                                        const char      *document_id,
                                        const char      *spans_key);

G_END_DECLS
