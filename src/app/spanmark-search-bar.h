/* spanmark-search-bar.h — find text in the open document
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spanmark-document-view.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_SEARCH_BAR (spanmark_search_bar_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkSearchBar, spanmark_search_bar, SPANMARK, SEARCH_BAR, GtkWidget)

/* The search bar above the text: typing selects the first match at the
 * selection and says which of how many it is ("2 of 5"; overlapping
 * matches count), Enter keeps that match and hands the keyboard to the
 * text (so it can be tagged with its key at once), Escape closes the bar.
 * Text that is not in the document rings the bell and marks the entry.
 * Its widgets are named "search-bar", "search-entry" and "search-count".
 *
 * Properties:
 *   "view" (SpanmarkDocumentView)  the text searched and selected in */
GtkWidget            *spanmark_search_bar_new       (void);
SpanmarkDocumentView *spanmark_search_bar_get_view  (SpanmarkSearchBar    *self);
void                  spanmark_search_bar_set_view  (SpanmarkSearchBar    *self,
                                                     SpanmarkDocumentView *view);
/* Shows the bar with the keyboard in its entry. */
void                  spanmark_search_bar_start     (SpanmarkSearchBar    *self);
/* Selects the match after the selection (Ctrl+G), going round at the
 * end; FALSE when there is none. */
gboolean              spanmark_search_bar_find_next (SpanmarkSearchBar    *self);

G_END_DECLS
