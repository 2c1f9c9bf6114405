/* spanmark-export-report-private.h — what the export run tells its report
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-export-report.h"

G_BEGIN_DECLS

SpanmarkExportReport *_spanmark_export_report_new          (const char           *annotator);
/* @document_id went to @part with @n_spans spans, @n_dropped were dropped. */
void                  _spanmark_export_report_add_document (SpanmarkExportReport *self,
                                                            SpanmarkExportPart    part,
                                                            const char           *document_id,
                                                            guint                 n_spans,
                                                            guint                 n_dropped);

G_END_DECLS
