/* test-entity-matches.c — the model behind a label panel's corpus list
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SpanmarkEntityMatches against a plain filter written here: the same
 * rows in the same order for random registries and random typing, the
 * positions kept as the same objects, and every change told at the
 * list's end only (so the list view keeps its rows).
 */

#include "config.h"

#include <string.h>

#include "spanmark-entity-matches.h"
#include "spanmark-entity-slot.h"

typedef struct
{
  guint n_before;   /* the model's length before the change being told */
  guint n_changes;
} Watch;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  guint n_after = g_list_model_get_n_items (model);

  /* Only the end changes, by the difference in length. */
  g_assert_cmpuint (position, ==, MIN (watch->n_before, n_after));
  g_assert_cmpuint (removed, ==, watch->n_before > n_after ? watch->n_before - n_after : 0);
  g_assert_cmpuint (added, ==, n_after > watch->n_before ? n_after - watch->n_before : 0);
  watch->n_before = n_after;
  watch->n_changes++;
}

static SpanmarkEntityItem *
make_item (guint       i,
           const char *name,
           const char *alias)
{
  g_autofree char *id = g_strdup_printf ("test-%010x", i);
  g_autoptr(SpanmarkRegistryEntity) entity = spanmark_registry_entity_new (id, "OFFICIAL", name);

  if (alias != NULL)
    spanmark_registry_entity_add_alias (entity, alias);

  return spanmark_entity_item_new (entity, 0, 0);
}

/* What the panel must list: the items matching @key, those with
 * mentions here first, the registry's order within each part. */
static char *
expected_rows (GPtrArray  *items,
               const char *key)
{
  g_autofree char *folded = spanmark_entity_item_fold (key);
  GString *out = g_string_new (NULL);

  for (int here = 1; here >= 0; here--)
    for (guint i = 0; i < items->len; i++)
      {
        SpanmarkEntityItem *item = g_ptr_array_index (items, i);

        if ((spanmark_entity_item_get_n_here (item) > 0) == here && spanmark_entity_item_matches (item, folded))
          g_string_append_printf (out, "%s\n", spanmark_entity_item_get_id (item));
      }

  return g_string_free (out, FALSE);
}

static char *
model_rows (GListModel *model)
{
  GString *out = g_string_new (NULL);

  g_assert_true (g_list_model_get_item_type (model) == SPANMARK_TYPE_ENTITY_SLOT);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SpanmarkEntitySlot) slot = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s\n", spanmark_entity_item_get_id (spanmark_entity_slot_get_item (slot)));
    }
  g_assert_null (g_list_model_get_item (model, g_list_model_get_n_items (model)));

  return g_string_free (out, FALSE);
}

static void
set_key (SpanmarkEntityMatches *matches,
         const char            *key)
{
  g_autofree char *folded = spanmark_entity_item_fold (key);

  spanmark_entity_matches_set_key (matches, folded);
}

static void
test_filter_and_order (void)
{
  g_autoptr(SpanmarkEntityMatches) matches = spanmark_entity_matches_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (matches);
  Watch watch = { 0 };
  g_autofree char *all = NULL;
  g_autofree char *wei = NULL;
  g_autofree char *here = NULL;

  g_signal_connect (matches, "items-changed", G_CALLBACK (items_changed_cb), &watch);
  g_ptr_array_add (items, make_item (1, "李伟", "Li Wei"));
  g_ptr_array_add (items, make_item (2, "王芳", NULL));
  g_ptr_array_add (items, make_item (3, "张伟", "伟书记"));
  spanmark_entity_matches_set_items (matches, items);
  g_assert_cmpuint (spanmark_entity_matches_get_n_all (matches), ==, 3);
  all = model_rows (model);
  g_assert_cmpstr (all, ==, "test-0000000001\ntest-0000000002\ntest-0000000003\n");

  /* Case-folded, name or alias. */
  set_key (matches, "WEI");
  g_clear_pointer (&wei, g_free);
  wei = model_rows (model);
  g_assert_cmpstr (wei, ==, "test-0000000001\n");
  set_key (matches, "伟");
  g_clear_pointer (&wei, g_free);
  wei = model_rows (model);
  g_assert_cmpstr (wei, ==, "test-0000000001\ntest-0000000003\n");

  /* This document's entities first. */
  spanmark_entity_item_set_n_here (g_ptr_array_index (items, 2), 1);
  spanmark_entity_matches_refresh (matches);
  here = model_rows (model);
  g_assert_cmpstr (here, ==, "test-0000000003\ntest-0000000001\n");

  /* A new entity, and one made again (a rename), in place. */
  {
    g_autoptr(SpanmarkEntityItem) added = make_item (4, "伟民", NULL);
    g_autoptr(SpanmarkEntityItem) renamed = make_item (1, "李大伟", NULL);
    g_autofree char *rows = NULL;

    spanmark_entity_matches_append (matches, added);
    g_assert_true (spanmark_entity_matches_replace (matches, g_ptr_array_index (items, 0), renamed));
    g_assert_false (spanmark_entity_matches_replace (matches, g_ptr_array_index (items, 0), renamed));
    rows = model_rows (model);
    g_assert_cmpstr (rows, ==, "test-0000000003\ntest-0000000001\ntest-0000000004\n");
  }
  g_assert_cmpuint (watch.n_changes, >, 0);
}

/* Random names over a few characters, random typing: always what the
 * plain filter gives, the positions the same objects all along. */
static void
test_random_typing (void)
{
  static const char * const chars[] = { "林", "振", "邦", "a", "B", "书" };
  g_autoptr(SpanmarkEntityMatches) matches = spanmark_entity_matches_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (matches);
  Watch watch = { 0 };
  g_autoptr(GString) key = g_string_new (NULL);
  guint n = 400;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) name = g_string_new (NULL);
      g_autoptr(GString) alias = g_string_new (NULL);

      for (guint k = 0; k < 1 + (guint) g_test_rand_int_range (0, 4); k++)
        g_string_append (name, chars[g_test_rand_int_range (0, G_N_ELEMENTS (chars))]);
      for (guint k = 0; k < (guint) g_test_rand_int_range (0, 3); k++)
        g_string_append (alias, chars[g_test_rand_int_range (0, G_N_ELEMENTS (chars))]);
      g_ptr_array_add (items, make_item (i, name->str, alias->len > 0 ? alias->str : NULL));
      if (g_test_rand_int_range (0, 5) == 0)
        spanmark_entity_item_set_n_here (g_ptr_array_index (items, i), 1);
    }
  g_signal_connect (matches, "items-changed", G_CALLBACK (items_changed_cb), &watch);
  spanmark_entity_matches_set_items (matches, items);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (slots, g_list_model_get_item (model, i));

  for (guint step = 0; step < 300; step++)
    {
      g_autofree char *expected = NULL;
      g_autofree char *rows = NULL;

      /* Mostly typing on and deleting, now and then another key. */
      switch (g_test_rand_int_range (0, 6))
        {
        case 0:
        case 1:
        case 2:
          g_string_append (key, chars[g_test_rand_int_range (0, G_N_ELEMENTS (chars))]);
          break;
        case 3:
        case 4:
          if (key->len > 0)
            {
              const char *last = g_utf8_find_prev_char (key->str, key->str + key->len);

              g_string_truncate (key, last - key->str);
            }
          break;
        default:
          g_string_assign (key, chars[g_test_rand_int_range (0, G_N_ELEMENTS (chars))]);
          break;
        }
      set_key (matches, key->str);
      expected = expected_rows (items, key->str);
      rows = model_rows (model);
      g_assert_cmpstr (rows, ==, expected);

      /* Position i is the slot it was at the start. */
      for (guint i = 0; i < MIN (slots->len, g_list_model_get_n_items (model)); i++)
        {
          g_autoptr(GObject) slot = g_list_model_get_item (model, i);

          g_assert_true (slot == g_ptr_array_index (slots, i));
        }
    }
}

/* With a step, a list that grows is told of its first 200 positions a
 * step at a time, the rest at once; shrinking is told at once. */
static void
test_growth_step (void)
{
  g_autoptr(SpanmarkEntityMatches) matches = spanmark_entity_matches_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (matches);
  Watch watch = { 0 };
  guint calls = 0;

  for (guint i = 0; i < 500; i++)
    g_ptr_array_add (items, make_item (i, i < 10 ? "王芳" : "李伟", NULL));
  g_signal_connect (matches, "items-changed", G_CALLBACK (items_changed_cb), &watch);
  spanmark_entity_matches_set_step (matches, 50);
  spanmark_entity_matches_set_items (matches, items);
  g_assert_cmpuint (spanmark_entity_matches_get_n_matches (matches), ==, 500);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 50);
  while (spanmark_entity_matches_tell_more (matches))
    calls++;
  /* 100, 150, 200, then the 300 above 200 at once. */
  g_assert_cmpuint (calls, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 500);
  g_assert_false (spanmark_entity_matches_tell_more (matches));

  set_key (matches, "王");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
  /* Growing back while half told: the rest goes on from where it is. */
  set_key (matches, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 60);
  /* Every change tells one more step of what is left. */
  set_key (matches, "李");
  g_assert_cmpuint (spanmark_entity_matches_get_n_matches (matches), ==, 490);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 110);
  while (spanmark_entity_matches_tell_more (matches))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 490);
  {
    g_autoptr(SpanmarkEntitySlot) last = g_list_model_get_item (model, 489);

    g_assert_cmpstr (spanmark_entity_item_get_name (spanmark_entity_slot_get_item (last)), ==, "李伟");
    g_assert_null (g_list_model_get_item (model, 490));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entity-matches/filter-and-order", test_filter_and_order);
  g_test_add_func ("/entity-matches/random-typing", test_random_typing);
  g_test_add_func ("/entity-matches/growth-step", test_growth_step);

  return g_test_run ();
}
