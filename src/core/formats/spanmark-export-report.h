/* spanmark-export-report.h — what an export did
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "spanmark-export-split.h"

G_BEGIN_DECLS

/* What an export did: the annotator, the documents per part, the spans
 * written and the ones a flat format dropped, per document. */
typedef struct _SpanmarkExportReport SpanmarkExportReport;

#define SPANMARK_TYPE_EXPORT_REPORT (spanmark_export_report_get_type ())

GType                 spanmark_export_report_get_type (void) G_GNUC_CONST;
SpanmarkExportReport *spanmark_export_report_ref      (SpanmarkExportReport *self);
void                  spanmark_export_report_unref    (SpanmarkExportReport *self);
/* The annotator whose work was exported. */
const char           *spanmark_export_report_get_annotator   (SpanmarkExportReport *self);
guint                 spanmark_export_report_get_n_documents (SpanmarkExportReport *self);
/* Documents written to one part (all in TRAIN without a split). */
guint                 spanmark_export_report_get_n_part_documents (SpanmarkExportReport *self,
                                                                   SpanmarkExportPart    part);
/* Spans written (after dropping). */
guint                 spanmark_export_report_get_n_spans     (SpanmarkExportReport *self);
/* Nested or overlapping spans dropped by a flat format, in all. */
guint                 spanmark_export_report_get_n_dropped   (SpanmarkExportReport *self);
/* The documents that had spans dropped, in export order: @index <
 * get_n_dropped_documents(); returns the id and stores the count. */
guint                 spanmark_export_report_get_n_dropped_documents (SpanmarkExportReport *self);
const char           *spanmark_export_report_get_dropped_document    (SpanmarkExportReport *self,
                                                                      guint                 index,
                                                                      guint                *n_dropped);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkExportReport, spanmark_export_report_unref)

G_END_DECLS
