/* spanmark-entity-matches.h — the registry entities a label panel lists
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "spanmark-entity-item.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_ENTITY_MATCHES (spanmark_entity_matches_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkEntityMatches, spanmark_entity_matches, SPANMARK, ENTITY_MATCHES, GObject)

/* A GListModel of SpanmarkEntitySlot: of all the items it holds (one
 * label's registry entities, in the registry's order), those whose name
 * or an alias contains the search key, the ones with mentions in the
 * open document first, each shown by the slot of its position.  A new
 * key, or new counts, changes the slots' items and tells only how many
 * positions the list gained or lost at its end. */
SpanmarkEntityMatches *spanmark_entity_matches_new          (void);
/* Replaces every item with @items (references are taken). */
void                   spanmark_entity_matches_set_items    (SpanmarkEntityMatches *self,
                                                             GPtrArray             *items);
void                   spanmark_entity_matches_append       (SpanmarkEntityMatches *self,
                                                             SpanmarkEntityItem    *item);
/* Puts @item where @old was; FALSE when @old is not held. */
gboolean               spanmark_entity_matches_replace      (SpanmarkEntityMatches *self,
                                                             SpanmarkEntityItem    *old,
                                                             SpanmarkEntityItem    *item);
/* @folded: made with spanmark_entity_item_fold(); "" or NULL matches
 * every item. */
void                   spanmark_entity_matches_set_key      (SpanmarkEntityMatches *self,
                                                             const char            *folded);
/* Orders the rows again after the items' "n-here" changed. */
void                   spanmark_entity_matches_refresh      (SpanmarkEntityMatches *self);
/* With @step > 0, a list that grows is told of at most @step new
 * positions below the first 200 at a time (the rows GTK 4.8's list view
 * keeps: each is a row widget to make); spanmark_entity_matches_tell_more()
 * tells the next ones (call it once a frame) and says whether more are
 * left.  0 (the default): the whole growth at once. */
void                   spanmark_entity_matches_set_step     (SpanmarkEntityMatches *self,
                                                             guint                  step);
gboolean               spanmark_entity_matches_tell_more    (SpanmarkEntityMatches *self);
/* The matches, told yet or not (g_list_model_get_n_items() gives those
 * told). */
guint                  spanmark_entity_matches_get_n_matches (SpanmarkEntityMatches *self);
/* Every item held, matching or not. */
guint                  spanmark_entity_matches_get_n_all    (SpanmarkEntityMatches *self);

G_END_DECLS
