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
 * the corpus counts are read with the registry and follow "n-here". */
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
/* Mentions in every document and the documents with one, the open
 * document counted as it is now: the registry's counts of the saved
 * files, less the open document's saved part ("n-saved-here"), plus
 * "n-here". */
guint               spanmark_entity_item_get_n_corpus    (SpanmarkEntityItem *self);
guint               spanmark_entity_item_get_n_documents (SpanmarkEntityItem *self);
/* The open document's mentions in the registry's counts (its saved
 * file), and whether the open set is the annotator's whose files the
 * registry counted (when not — another annotator's, in review — its
 * mentions are shown as here but not added to the corpus); notified as
 * "n-here". */
void                spanmark_entity_item_set_n_saved_here (SpanmarkEntityItem *self,
                                                          guint               n_saved_here,
                                                          gboolean            own);
/* @from's counts, all of them (an entity made again after a rename). */
void                spanmark_entity_item_copy_counts     (SpanmarkEntityItem *self,
                                                          SpanmarkEntityItem *from);
/* Another document opens: the counts shown so far become the corpus
 * counts, with nothing here. */
void                spanmark_entity_item_leave_document  (SpanmarkEntityItem *self);
/* "2 here · 5 in corpus · 2 documents" */
char               *spanmark_entity_item_format_counts   (SpanmarkEntityItem *self) G_GNUC_WARN_UNUSED_RESULT;
/* Whether the name or an alias contains @folded (made with
 * spanmark_entity_item_fold()); "" matches everything. */
gboolean            spanmark_entity_item_matches         (SpanmarkEntityItem *self,
                                                          const char         *folded);
/* Case-folded and normalized, as the items keep their names. */
char               *spanmark_entity_item_fold            (const char         *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
