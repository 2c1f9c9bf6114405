/* spanmark-entity-matches.c — the registry entities a label panel lists
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why not a GtkFilterListModel over a GtkSortListModel: with 50,000
 * entities a key cost 40–250 ms there, nearly all of it after the
 * filtering: GTK 4.8's list view keeps up to 200 row widgets around
 * the top row, and a new item at a position is a new row widget (a
 * row of the panel is ten widgets: 0.5 s for a key that changes the top
 * of the list).  Here the items are positions (SpanmarkEntitySlot): the
 * entity a position shows changes, the position does not, so the view's
 * rows stay and only their texts change; "items-changed" tells only
 * that the list got longer or shorter, at its end.
 */

#include "config.h"

#include <string.h>

#include "spanmark-entity-matches.h"
#include "spanmark-entity-slot.h"

struct _SpanmarkEntityMatches
{
  GObject    parent_instance;

  GPtrArray *all;       /* SpanmarkEntityItem, the registry's order (owned) */
  GPtrArray *shown;     /* the matches, here first (borrowed from all) */
  GPtrArray *slots;     /* SpanmarkEntitySlot or NULL, by position (owned),
                         * made when the list asks for the position */
  char      *key;       /* folded; "" matches every item */
  guint      n_told;    /* the positions the list has been told of */
  guint      step;      /* growth told at a time below ROWS_KEPT; 0: all */
};

/* The rows GTK 4.8's list view keeps around its top one. */
#define ROWS_KEPT 200

static void spanmark_entity_matches_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpanmarkEntityMatches, spanmark_entity_matches, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      spanmark_entity_matches_list_model_init))

static GType
spanmark_entity_matches_get_item_type (GListModel *model)
{
  return SPANMARK_TYPE_ENTITY_SLOT;
}

static guint
spanmark_entity_matches_get_n_items (GListModel *model)
{
  return SPANMARK_ENTITY_MATCHES (model)->n_told;
}

static gpointer
spanmark_entity_matches_get_item (GListModel *model,
                                  guint       position)
{
  SpanmarkEntityMatches *self = SPANMARK_ENTITY_MATCHES (model);
  SpanmarkEntitySlot *slot;

  if (position >= self->n_told)
    return NULL;

  if (position >= self->slots->len)
    g_ptr_array_set_size (self->slots, position + 1);
  slot = g_ptr_array_index (self->slots, position);
  if (slot == NULL)
    {
      slot = spanmark_entity_slot_new (g_ptr_array_index (self->shown, position));
      g_ptr_array_index (self->slots, position) = slot;
    }
  else
    spanmark_entity_slot_set_item (slot, g_ptr_array_index (self->shown, position));

  return g_object_ref (slot);
}

static void
spanmark_entity_matches_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = spanmark_entity_matches_get_item_type;
  iface->get_n_items = spanmark_entity_matches_get_n_items;
  iface->get_item = spanmark_entity_matches_get_item;
}

static void
spanmark_entity_matches_finalize (GObject *object)
{
  SpanmarkEntityMatches *self = SPANMARK_ENTITY_MATCHES (object);

  g_ptr_array_unref (self->slots);
  g_ptr_array_unref (self->shown);
  g_ptr_array_unref (self->all);
  g_free (self->key);

  G_OBJECT_CLASS (spanmark_entity_matches_parent_class)->finalize (object);
}

static void
spanmark_entity_matches_class_init (SpanmarkEntityMatchesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spanmark_entity_matches_finalize;
}

/* Positions the list never asked for hold NULL. */
static void
unref_slot (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

static void
spanmark_entity_matches_init (SpanmarkEntityMatches *self)
{
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new ();
  self->slots = g_ptr_array_new_with_free_func (unref_slot);
  self->key = g_strdup ("");
}

SpanmarkEntityMatches *
spanmark_entity_matches_new (void)
{
  return g_object_new (SPANMARK_TYPE_ENTITY_MATCHES, NULL);
}

/* Takes @shown as the new list: the positions both lists have show
 * their new entities, and the list is told only what it gained or lost
 * at its end. */
static void
take_shown (SpanmarkEntityMatches *self,
            GPtrArray             *shown)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->shown);
  guint n = MIN (self->slots->len, MIN (shown->len, self->n_told));

  self->shown = shown;
  for (guint i = 0; i < n; i++)
    {
      SpanmarkEntitySlot *slot = g_ptr_array_index (self->slots, i);

      if (slot != NULL)
        spanmark_entity_slot_set_item (slot, g_ptr_array_index (shown, i));
    }
  if (self->n_told > shown->len)
    {
      guint removed = self->n_told - shown->len;

      self->n_told = shown->len;
      g_list_model_items_changed (G_LIST_MODEL (self), shown->len, removed, 0);
    }
  else
    spanmark_entity_matches_tell_more (self);
}

static void
add_matches (GPtrArray  *shown,
             GPtrArray  *from,
             const char *key,
             int         here)  /* 1: with mentions here, 0: without, -1: both */
{
  for (guint i = 0; i < from->len; i++)
    {
      SpanmarkEntityItem *item = g_ptr_array_index (from, i);

      if ((here < 0 || (spanmark_entity_item_get_n_here (item) > 0) == here) &&
          spanmark_entity_item_matches (item, key))
        g_ptr_array_add (shown, item);
    }
}

/* Everything looked at again: here first, then the rest. */
static void
rebuild (SpanmarkEntityMatches *self)
{
  GPtrArray *shown = g_ptr_array_sized_new (self->shown->len);

  add_matches (shown, self->all, self->key, 1);
  add_matches (shown, self->all, self->key, 0);
  take_shown (self, shown);
}

void
spanmark_entity_matches_set_items (SpanmarkEntityMatches *self,
                                   GPtrArray             *items)
{
  g_autoptr(GPtrArray) old = NULL;

  g_return_if_fail (SPANMARK_IS_ENTITY_MATCHES (self));
  g_return_if_fail (items != NULL);

  /* The old items stay alive until the change is told. */
  old = g_steal_pointer (&self->all);
  self->all = g_ptr_array_new_full (items->len, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->all, g_object_ref (g_ptr_array_index (items, i)));
  rebuild (self);
}

void
spanmark_entity_matches_append (SpanmarkEntityMatches *self,
                                SpanmarkEntityItem    *item)
{
  g_return_if_fail (SPANMARK_IS_ENTITY_MATCHES (self));
  g_return_if_fail (SPANMARK_IS_ENTITY_ITEM (item));

  g_ptr_array_add (self->all, g_object_ref (item));
  rebuild (self);
}

gboolean
spanmark_entity_matches_replace (SpanmarkEntityMatches *self,
                                 SpanmarkEntityItem    *old,
                                 SpanmarkEntityItem    *item)
{
  guint position;
  g_autoptr(SpanmarkEntityItem) keep = NULL;

  g_return_val_if_fail (SPANMARK_IS_ENTITY_MATCHES (self), FALSE);
  g_return_val_if_fail (SPANMARK_IS_ENTITY_ITEM (item), FALSE);

  if (!g_ptr_array_find (self->all, old, &position))
    return FALSE;

  keep = g_object_ref (old);
  self->all->pdata[position] = g_object_ref (item);
  g_object_unref (old);
  rebuild (self);

  return TRUE;
}

void
spanmark_entity_matches_set_key (SpanmarkEntityMatches *self,
                                 const char            *folded)
{
  g_autofree char *old_key = NULL;
  GPtrArray *shown;

  g_return_if_fail (SPANMARK_IS_ENTITY_MATCHES (self));

  if (folded == NULL)
    folded = "";
  if (g_str_equal (folded, self->key))
    return;

  old_key = g_steal_pointer (&self->key);
  self->key = g_strdup (folded);
  /* A key that holds the old one can only match rows shown now, in the
   * order they are shown: only those are looked at. */
  if (strstr (self->key, old_key) == NULL)
    {
      rebuild (self);
      return;
    }
  shown = g_ptr_array_sized_new (self->shown->len);
  add_matches (shown, self->shown, self->key, -1);
  take_shown (self, shown);
}

void
spanmark_entity_matches_refresh (SpanmarkEntityMatches *self)
{
  g_return_if_fail (SPANMARK_IS_ENTITY_MATCHES (self));

  rebuild (self);
}

void
spanmark_entity_matches_set_step (SpanmarkEntityMatches *self,
                                  guint                  step)
{
  g_return_if_fail (SPANMARK_IS_ENTITY_MATCHES (self));

  self->step = step;
}

gboolean
spanmark_entity_matches_tell_more (SpanmarkEntityMatches *self)
{
  guint position, added;

  g_return_val_if_fail (SPANMARK_IS_ENTITY_MATCHES (self), FALSE);

  if (self->n_told >= self->shown->len)
    return FALSE;

  position = self->n_told;
  added = self->shown->len - position;
  /* Every position below ROWS_KEPT that the list learns of is a row
   * widget made: a few at a time.  Above, the rows are not made. */
  if (self->step > 0 && position < ROWS_KEPT)
    added = MIN (added, self->step);
  self->n_told += added;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);

  return self->n_told < self->shown->len;
}

guint
spanmark_entity_matches_get_n_matches (SpanmarkEntityMatches *self)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_MATCHES (self), 0);

  return self->shown->len;
}

guint
spanmark_entity_matches_get_n_all (SpanmarkEntityMatches *self)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_MATCHES (self), 0);

  return self->all->len;
}
