/* spanmark-import-private.h — import on bytes, for the fuzzers
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-import.h"

G_BEGIN_DECLS

/* Phase one of an import, on bytes instead of files: reads and checks
 * @data as the file @name would be read ("NAME.jsonl" as JSON lines,
 * anything else as a .txt, with @ann_data, when not NULL, as the brat
 * .ann beside it) and writes nothing.  On success appends what phase two
 * would write: to @documents a SpanmarkDocument per document (its index
 * entry) and to @sets, in parallel, its SpanmarkAnnotationSet (with the
 * normalised text; without spans when the input had none); warnings and
 * notices go to @warnings (may be NULL), and @schema (may be NULL) gets
 * the project's labels with those the import adds (@options->add_labels).
 * @options->format, when set, is the format instead of @name's. */
gboolean _spanmark_import_check_data (SpanmarkProject             *project,
                                      const SpanmarkImportOptions *options,
                                      const char                  *name,
                                      const char                  *data,
                                      gsize                        len,
                                      const char                  *ann_data,
                                      gsize                        ann_len,
                                      GPtrArray                   *documents,
                                      GPtrArray                   *sets,
                                      GPtrArray                   *warnings,
                                      SpanmarkSchema             **schema,
                                      GError                     **error);

G_END_DECLS
