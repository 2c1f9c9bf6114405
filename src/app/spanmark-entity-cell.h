/* spanmark-entity-cell.h — a registry entity drawn in one row of a panel's list
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SPANMARK_TYPE_ENTITY_CELL (spanmark_entity_cell_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkEntityCell, spanmark_entity_cell, SPANMARK, ENTITY_CELL, GtkWidget)

/* One widget that draws three lines — the name, then the aliases (left
 * out when there are none) and the counts, dimmed and smaller — each
 * ellipsized.  Its height comes from the font alone, so new texts of the
 * same shape cost no layout until the row is drawn: the list view keeps
 * 200 rows and a search gives most of them new texts, a few are seen. */
GtkWidget  *spanmark_entity_cell_new        (void);
void        spanmark_entity_cell_set_texts  (SpanmarkEntityCell *self,
                                             const char         *name,
                                             const char         *aliases,
                                             const char         *counts);
const char *spanmark_entity_cell_get_text   (SpanmarkEntityCell *self,
                                             guint               line);

G_END_DECLS
