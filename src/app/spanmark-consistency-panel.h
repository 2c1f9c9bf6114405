/* spanmark-consistency-panel.h — the side panel of suggestions and inconsistent places
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SPANMARK_TYPE_CONSISTENCY_PANEL (spanmark_consistency_panel_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkConsistencyPanel, spanmark_consistency_panel, SPANMARK, CONSISTENCY_PANEL, GtkWidget)

/* The "Check" page of the side panels: how many suggestions and spans to
 * review the open document has, and the places of it that are
 * inconsistent with the corpus (spanmark-inconsistency.h): texts tagged
 * elsewhere but untagged here, texts tagged here with another label than
 * elsewhere.  The list is a GtkListView (one row widget per visible row
 * only, whatever the number of places); activating a row emits
 *   "jump" (guint start, guint end)   the place, in code points.
 *
 * Widgets found by name: "assist-count" (the counts), "consistency-list"
 * (the GtkListView), "consistency-empty" (shown when there is nothing
 * to list). */
GtkWidget *spanmark_consistency_panel_new          (void);
/* @inconsistencies: of SpanmarkInconsistency (a reference is kept; NULL:
 * no document); @label_titles maps label names to what the annotator
 * reads (the schema's titles). */
void       spanmark_consistency_panel_set_places   (SpanmarkConsistencyPanel *self,
                                                    GPtrArray                *inconsistencies,
                                                    GHashTable               *label_titles);
void       spanmark_consistency_panel_set_counts   (SpanmarkConsistencyPanel *self,
                                                    guint                     n_suggestions,
                                                    guint                     n_to_review);
guint      spanmark_consistency_panel_get_n_places (SpanmarkConsistencyPanel *self);
/* What row @position says (for tests). */
char      *spanmark_consistency_panel_describe     (SpanmarkConsistencyPanel *self,
                                                    guint                     position) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
