/* spanmark-review-panel.h — review mode's side panel: the unit at the cursor, the document's figures
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spanmark-agreement.h"
#include "spanmark-curation.h"
#include "spanmark-schema.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_REVIEW_PANEL (spanmark_review_panel_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkReviewPanel, spanmark_review_panel, SPANMARK, REVIEW_PANEL, GtkWidget)

/* What a reviewer needs beside the text, kept up to date as the curated
 * set changes:
 *   - how many units are still open, with buttons to the previous and
 *     next one (win.review-prev-open, win.review-next-open);
 *   - the unit at the cursor: its state (an icon and words, never colour
 *     alone), its text and extent, one row per annotator in lane order
 *     with the versions they have there (label, offsets, covered text) and
 *     a button taking that reading (win.review-accept-annotator, u: the
 *     annotator's index), what the curated version has there, and buttons
 *     to accept the majority (win.review-accept-agreed) or reject the
 *     unit (win.review-reject);
 *   - the document's buttons: accept all agreed spans
 *     (win.review-accept-all-agreed), take all of one annotator
 *     (win.review-take-annotator, u), mark reviewed (win.mark-reviewed)
 *     or reopen (win.reopen-document "");
 *   - the document's figures: κ and span F1 for each pair of annotators.
 * Every text shown from documents or names is plain text.  After a change
 * of the curated set the panel follows in an idle callback (before the
 * next frame): one refresh for a decision's several changes.
 *
 * Widgets found by name: "review-progress", "review-unit-state",
 * "review-unit-text", "review-curated" (what the curated version has at
 * the unit), "review-annotators" (the list of annotator rows),
 * "review-figures" (the list of pairs), "review-status". */
GtkWidget *spanmark_review_panel_new          (void);
/* @curation NULL: nothing to show.  Keeps references. */
void       spanmark_review_panel_set_curation (SpanmarkReviewPanel *self,
                                               SpanmarkSchema      *schema,
                                               SpanmarkCuration    *curation);
/* The unit at the cursor; G_MAXUINT: none. */
void       spanmark_review_panel_set_unit     (SpanmarkReviewPanel *self,
                                               guint                unit);
/* The team's progress after a sync: @done maps each annotator (char*)
 * to the documents they marked done (GUINT_TO_POINTER), out of
 * @n_documents; each annotator's row says it ("Done: 12 of 40", a label
 * named "review-annotator-progress").  NULL: not shown.  Keeps a
 * reference. */
void       spanmark_review_panel_set_progress (SpanmarkReviewPanel *self,
                                               GHashTable          *done,
                                               guint                n_documents);
/* The figures of this document alone (annotators in the curation's
 * order); NULL: none to show. */
void       spanmark_review_panel_set_figures  (SpanmarkReviewPanel *self,
                                               SpanmarkAgreement   *agreement);

G_END_DECLS
