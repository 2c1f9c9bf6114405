/* spanmark-entity-item.h — one registry entity in a label panel's list
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "spanmark-registry-entity.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_ENTITY_ITEM (spanmark_entity_item_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkEntityItem, spanmark_entity_item, SPANMARK, ENTITY_ITEM, GObject)

/* What a corpus-wide panel's GtkListView shows of one registry entity:
 * its id, name and aliases (folded once, so filtering a key is a
 * substring search and nothing else), and three counts.  "n-here" (the
 * open document's mentions) changes with the document and is notified;
 * the corpus counts are read with the registry. */
SpanmarkEntityItem *spanmark_entity_item_new             (const SpanmarkRegistryEntity *entity,
                                                          guint                         n_corpus,
                                                          guint                         n_documents);
const char         *spanmark_entity_item_get_id          (SpanmarkEntityItem *self);
const char         *spanmark_entity_item_get_name        (SpanmarkEntityItem *self);
/* The aliases joined with " · " ("" when none). */
const char         *spanmark_entity_item_get_aliases_text (SpanmarkEntityItem *self);
guint               spanmark_entity_item_get_n_here      (SpanmarkEntityItem *self);
void                spanmark_entity_item_set_n_here      (SpanmarkEntityItem *self,
                                                          guint               n_here);
guint               spanmark_entity_item_get_n_corpus    (SpanmarkEntityItem *self);
guint               spanmark_entity_item_get_n_documents (SpanmarkEntityItem *self);
/* "2 here · 5 in corpus · 2 documents" */
char               *spanmark_entity_item_format_counts   (SpanmarkEntityItem *self) G_GNUC_WARN_UNUSED_RESULT;
/* Whether the name or an alias contains @folded (made with
 * spanmark_entity_item_fold()); "" matches everything. */
gboolean            spanmark_entity_item_matches         (SpanmarkEntityItem *self,
                                                          const char         *folded);
/* Case-folded and normalized, as the items keep their names. */
char               *spanmark_entity_item_fold            (const char         *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
