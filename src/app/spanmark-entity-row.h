/* spanmark-entity-row.h — one entity in a label panel
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spanmark-entity.h"
#include "spanmark-label.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_ENTITY_ROW (spanmark_entity_row_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkEntityRow, spanmark_entity_row, SPANMARK, ENTITY_ROW, GtkListBoxRow)

/* A row for a boxed list, looking and working like an AdwExpanderRow
 * (click, Enter or Space on its header expands it), showing an entity's name, its number of mentions and its
 * attributes, all as plain text (never markup).  Expanded, it offers the
 * name and one entry per attribute of the label, previous / next mention,
 * "Attach Selection" and "Delete Entity".  It edits nothing itself: every
 * button and entry goes through the "panel.*" actions of the enclosing
 * SpanmarkLabelPanel, so the row must live inside one. */
GtkWidget  *spanmark_entity_row_new             (const SpanmarkLabel  *label,
                                                 const SpanmarkEntity *entity);
const char *spanmark_entity_row_get_entity_id   (SpanmarkEntityRow    *self);
/* Shows the entity's current name and attributes.  An entry whose text
 * already equals the new value is left alone, so typing elsewhere keeps
 * its focus and its cursor. */
void        spanmark_entity_row_update          (SpanmarkEntityRow    *self,
                                                 const SpanmarkEntity *entity);
guint       spanmark_entity_row_get_n_mentions  (SpanmarkEntityRow    *self);
void        spanmark_entity_row_set_n_mentions  (SpanmarkEntityRow    *self,
                                                 guint                 n_mentions);
/* FALSE makes the name and attribute entries insensitive. */
void        spanmark_entity_row_set_editable    (SpanmarkEntityRow    *self,
                                                 gboolean              editable);
gboolean    spanmark_entity_row_get_expanded    (SpanmarkEntityRow    *self);
void        spanmark_entity_row_set_expanded    (SpanmarkEntityRow    *self,
                                                 gboolean              expanded);
/* The texts shown: the name (or "Unnamed"), "11 mentions", and "title 浙江省委书记 · region 浙江"
 * (empty when the entity has no attributes). */
const char *spanmark_entity_row_get_title       (SpanmarkEntityRow    *self);
const char *spanmark_entity_row_get_mentions_text (SpanmarkEntityRow  *self);
const char *spanmark_entity_row_get_attrs_text  (SpanmarkEntityRow    *self);
/* The entry row of attribute @key (NULL: the name), created when the row
 * is first expanded; NULL before that or for an unknown key. */
AdwEntryRow *spanmark_entity_row_get_entry      (SpanmarkEntityRow    *self,
                                                 const char           *key);

G_END_DECLS
