/* test-history.c — undo and redo of every annotation set change
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spanmark-annotation-set.h"
#include "spanmark-history.h"

#define EMOJI "\xF0\x9F\x98\x80"  /* U+1F600 */

/* 0 车 1 俊 2 在 3 浙 4 江 5 ， 6 车 7 俊 8 emoji 9 车 10 俊 */
static const char *text = "车俊在浙江，车俊" EMOJI "车俊";

/* Everything the set holds, as one string, for before/after comparisons. */
static char *
snapshot (SpanmarkAnnotationSet *set)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "status=%s\n",
                          spanmark_status_to_string (spanmark_annotation_set_get_status (set)));

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);
      g_autoptr(GPtrArray) keys = spanmark_span_get_sorted_attr_keys (span);

      g_string_append_printf (s, "span %s %u %u %s %s %s", span->id, span->start, span->end,
                              span->label, span->text, span->entity ? span->entity : "-");
      for (guint k = 0; k < keys->len; k++)
        g_string_append_printf (s, " %s=%s", (char *) g_ptr_array_index (keys, k),
                                (char *) g_hash_table_lookup (span->attrs, g_ptr_array_index (keys, k)));
      g_string_append_c (s, '\n');
    }

  for (guint i = 0; i < spanmark_annotation_set_get_n_entities (set); i++)
    {
      const SpanmarkEntity *entity = spanmark_annotation_set_get_entity (set, i);
      g_autoptr(GPtrArray) keys = spanmark_entity_get_sorted_attr_keys (entity);

      g_string_append_printf (s, "entity %s %s %s mentions=%u", entity->id, entity->label,
                              entity->name, spanmark_annotation_set_get_n_mentions (set, entity->id));
      for (guint k = 0; k < keys->len; k++)
        g_string_append_printf (s, " %s=%s", (char *) g_ptr_array_index (keys, k),
                                (char *) g_hash_table_lookup (entity->attrs, g_ptr_array_index (keys, k)));
      g_string_append_c (s, '\n');
    }

  return g_string_free (s, FALSE);
}


/* Signal counting */

typedef struct
{
  guint span_added;
  guint span_removed;
  guint span_changed;
  guint entity_added;
  guint entity_removed;
  guint entity_changed;
  guint changed;
  guint status;
  guint can_undo;
  guint can_redo;
} Counts;

static void
count_cb (gpointer  instance,
          gpointer  a,
          gpointer  b,
          guint    *counter)
{
  (*counter)++;
}

static void
count1_cb (gpointer  instance,
           gpointer  a,
           guint    *counter)
{
  (*counter)++;
}

static void
count0_cb (gpointer  instance,
           guint    *counter)
{
  (*counter)++;
}

static void
counts_connect (SpanmarkAnnotationSet *set,
                Counts                *counts)
{
  SpanmarkHistory *history = spanmark_annotation_set_get_history (set);

  memset (counts, 0, sizeof *counts);
  g_signal_connect (set, "span-added", G_CALLBACK (count1_cb), &counts->span_added);
  g_signal_connect (set, "span-removed", G_CALLBACK (count1_cb), &counts->span_removed);
  g_signal_connect (set, "span-changed", G_CALLBACK (count_cb), &counts->span_changed);
  g_signal_connect (set, "entity-added", G_CALLBACK (count1_cb), &counts->entity_added);
  g_signal_connect (set, "entity-removed", G_CALLBACK (count1_cb), &counts->entity_removed);
  g_signal_connect (set, "entity-changed", G_CALLBACK (count_cb), &counts->entity_changed);
  g_signal_connect (set, "changed", G_CALLBACK (count0_cb), &counts->changed);
  g_signal_connect (set, "notify::status", G_CALLBACK (count1_cb), &counts->status);
  g_signal_connect (history, "notify::can-undo", G_CALLBACK (count1_cb), &counts->can_undo);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (count1_cb), &counts->can_redo);
}

static void
assert_counts (const Counts *counts,
               guint         span_added,
               guint         span_removed,
               guint         span_changed,
               guint         entity_added,
               guint         entity_removed,
               guint         entity_changed,
               guint         changed)
{
  g_assert_cmpuint (counts->span_added, ==, span_added);
  g_assert_cmpuint (counts->span_removed, ==, span_removed);
  g_assert_cmpuint (counts->span_changed, ==, span_changed);
  g_assert_cmpuint (counts->entity_added, ==, entity_added);
  g_assert_cmpuint (counts->entity_removed, ==, entity_removed);
  g_assert_cmpuint (counts->entity_changed, ==, entity_changed);
  g_assert_cmpuint (counts->changed, ==, changed);
}

/* A set with two spans, an entity they mention, attributes. */
static SpanmarkAnnotationSet *
make_set (void)
{
  SpanmarkAnnotationSet *set = spanmark_annotation_set_new ("zjol-001", "alice", text);
  g_autoptr(SpanmarkSpan) che = spanmark_span_new ("s1", 0, 2, "OFFICIAL", "车俊");
  g_autoptr(SpanmarkSpan) place = spanmark_span_new ("s2", 3, 5, "PLACE", "浙江");
  g_autoptr(SpanmarkEntity) entity = spanmark_entity_new ("e1", "OFFICIAL", "车俊");

  che->entity = g_strdup ("e1");
  g_hash_table_insert (place->attrs, g_strdup ("kind"), g_strdup ("省"));
  g_hash_table_insert (entity->attrs, g_strdup ("title"), g_strdup ("浙江省委书记"));
  spanmark_annotation_set_load_entity (set, entity);
  spanmark_annotation_set_load_span (set, che);
  spanmark_annotation_set_load_span (set, place);
  spanmark_annotation_set_load_status (set, SPANMARK_STATUS_IN_PROGRESS);

  return set;
}

typedef void (*Mutation) (SpanmarkAnnotationSet *set);

static void
mutate_add_span (SpanmarkAnnotationSet *set)
{
  g_assert_nonnull (spanmark_annotation_set_add_span (set, 6, 9, "OFFICIAL", NULL));
}

static void
mutate_remove_span (SpanmarkAnnotationSet *set)
{
  g_assert_true (spanmark_annotation_set_remove_span (set, "s1"));
}

static void
mutate_set_label (SpanmarkAnnotationSet *set)
{
  g_assert_true (spanmark_annotation_set_set_span_label (set, "s2", "INITIATIVE", NULL));
}

static void
mutate_set_entity (SpanmarkAnnotationSet *set)
{
  g_assert_true (spanmark_annotation_set_set_span_entity (set, "s2", "e1"));
}

static void
mutate_detach_entity (SpanmarkAnnotationSet *set)
{
  g_assert_true (spanmark_annotation_set_set_span_entity (set, "s1", NULL));
}

static void
mutate_set_attr (SpanmarkAnnotationSet *set)
{
  g_assert_true (spanmark_annotation_set_set_span_attr (set, "s2", "kind", "省份"));
}

static void
mutate_unset_attr (SpanmarkAnnotationSet *set)
{
  g_assert_true (spanmark_annotation_set_set_span_attr (set, "s2", "kind", NULL));
}

static void
mutate_add_entity (SpanmarkAnnotationSet *set)
{
  g_assert_nonnull (spanmark_annotation_set_add_entity (set, "PLACE", "浙江"));
}

static void
mutate_remove_entity (SpanmarkAnnotationSet *set)
{
  g_assert_true (spanmark_annotation_set_remove_entity (set, "e1"));
}

static void
mutate_entity_name (SpanmarkAnnotationSet *set)
{
  g_assert_true (spanmark_annotation_set_set_entity_name (set, "e1", "车俊同志"));
}

static void
mutate_entity_attr (SpanmarkAnnotationSet *set)
{
  g_assert_true (spanmark_annotation_set_set_entity_attr (set, "e1", "region", "浙江"));
}

static void
mutate_status (SpanmarkAnnotationSet *set)
{
  spanmark_annotation_set_set_status (set, SPANMARK_STATUS_DONE);
}

static void
mutate_tag_all (SpanmarkAnnotationSet *set)
{
  /* 车俊 at 0 is already tagged OFFICIAL: two new spans, one step. */
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 0, 2, "OFFICIAL", "e1"), ==, 2);
}

static void
test_every_mutator (void)
{
  static const struct {
    const char *name;
    Mutation mutate;
  } mutations[] = {
    { "add-span", mutate_add_span },
    { "remove-span", mutate_remove_span },
    { "set-span-label", mutate_set_label },
    { "set-span-entity", mutate_set_entity },
    { "detach-span-entity", mutate_detach_entity },
    { "set-span-attr", mutate_set_attr },
    { "unset-span-attr", mutate_unset_attr },
    { "add-entity", mutate_add_entity },
    { "remove-entity", mutate_remove_entity },
    { "set-entity-name", mutate_entity_name },
    { "set-entity-attr", mutate_entity_attr },
    { "set-status", mutate_status },
    { "tag-all", mutate_tag_all },
  };

  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autoptr(SpanmarkAnnotationSet) set = make_set ();
      SpanmarkHistory *history = spanmark_annotation_set_get_history (set);
      g_autofree char *before = snapshot (set);
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;
      g_autofree char *undone_again = NULL;

      g_test_message ("mutation %s", mutations[i].name);

      mutations[i].mutate (set);
      after = snapshot (set);
      g_assert_cmpstr (before, !=, after);
      /* Every mutator, tag-all and remove-entity included, is one step. */
      g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 1);

      g_assert_true (spanmark_history_undo (history));
      undone = snapshot (set);
      g_assert_cmpstr (undone, ==, before);
      g_assert_false (spanmark_history_can_undo (history));
      g_assert_true (spanmark_history_can_redo (history));

      g_assert_true (spanmark_history_redo (history));
      redone = snapshot (set);
      g_assert_cmpstr (redone, ==, after);

      g_assert_true (spanmark_history_undo (history));
      undone_again = snapshot (set);
      g_assert_cmpstr (undone_again, ==, before);
    }
}

static void
test_signals_on_undo_redo (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = make_set ();
  SpanmarkHistory *history = spanmark_annotation_set_get_history (set);
  Counts counts;

  counts_connect (set, &counts);

  /* add span: undo removes, redo adds, one "changed" each. */
  mutate_add_span (set);
  assert_counts (&counts, 1, 0, 0, 0, 0, 0, 1);
  spanmark_history_undo (history);
  assert_counts (&counts, 1, 1, 0, 0, 0, 0, 2);
  spanmark_history_redo (history);
  assert_counts (&counts, 2, 1, 0, 0, 0, 0, 3);

  /* tag all (two spans): every span signalled, one "changed". */
  memset (&counts, 0, sizeof counts);
  mutate_tag_all (set);
  assert_counts (&counts, 2, 0, 0, 0, 0, 0, 1);
  spanmark_history_undo (history);
  assert_counts (&counts, 2, 2, 0, 0, 0, 0, 2);
  spanmark_history_redo (history);
  assert_counts (&counts, 4, 2, 0, 0, 0, 0, 3);

  /* remove entity (three mentions now): entity and mention changes. */
  memset (&counts, 0, sizeof counts);
  mutate_remove_entity (set);
  assert_counts (&counts, 0, 0, 3, 0, 1, 0, 1);
  spanmark_history_undo (history);
  assert_counts (&counts, 0, 0, 6, 1, 1, 0, 2);
  g_assert_cmpuint (spanmark_annotation_set_get_n_mentions (set, "e1"), ==, 3);
  spanmark_history_redo (history);
  assert_counts (&counts, 0, 0, 9, 1, 2, 0, 3);

  /* A span change and an entity change. */
  memset (&counts, 0, sizeof counts);
  mutate_set_label (set);
  spanmark_history_undo (history);
  spanmark_history_redo (history);
  assert_counts (&counts, 0, 0, 3, 0, 0, 0, 3);
  spanmark_history_undo (history);
  spanmark_history_undo (history);
  memset (&counts, 0, sizeof counts);
  mutate_entity_name (set);
  spanmark_history_undo (history);
  spanmark_history_redo (history);
  assert_counts (&counts, 0, 0, 0, 0, 0, 3, 3);

  /* Status: notify::status and "changed" each time. */
  memset (&counts, 0, sizeof counts);
  mutate_status (set);
  spanmark_history_undo (history);
  spanmark_history_redo (history);
  g_assert_cmpuint (counts.status, ==, 3);
  g_assert_cmpuint (counts.changed, ==, 3);
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_DONE);
}

static void
test_groups (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = make_set ();
  SpanmarkHistory *history = spanmark_annotation_set_get_history (set);
  g_autofree char *before = snapshot (set);
  g_autofree char *after = NULL;
  g_autofree char *state = NULL;
  Counts counts;

  counts_connect (set, &counts);

  /* An empty group records nothing. */
  spanmark_history_begin_group (history);
  spanmark_history_end_group (history);
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 0);
  g_assert_false (spanmark_history_can_undo (history));

  /* Nested groups are one step, closed by the outermost end. */
  spanmark_history_begin_group (history);
  mutate_add_span (set);
  spanmark_history_begin_group (history);
  mutate_set_label (set);
  mutate_tag_all (set);
  spanmark_history_end_group (history);
  g_assert_false (spanmark_history_can_undo (history));
  mutate_status (set);
  mutate_add_entity (set);
  spanmark_history_end_group (history);
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 1);
  g_assert_true (spanmark_history_can_undo (history));
  g_assert_cmpuint (counts.can_undo, ==, 1);
  after = snapshot (set);

  counts.changed = 0;
  g_assert_true (spanmark_history_undo (history));
  state = snapshot (set);
  g_assert_cmpstr (state, ==, before);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_clear_pointer (&state, g_free);

  g_assert_true (spanmark_history_redo (history));
  state = snapshot (set);
  g_assert_cmpstr (state, ==, after);
  g_assert_cmpuint (counts.changed, ==, 2);
}

static void
test_redo_cleared (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = make_set ();
  SpanmarkHistory *history = spanmark_annotation_set_get_history (set);
  Counts counts;

  counts_connect (set, &counts);
  g_assert_false (spanmark_history_undo (history));
  g_assert_false (spanmark_history_redo (history));

  mutate_add_span (set);
  mutate_set_label (set);
  g_assert_cmpuint (counts.can_undo, ==, 1);
  g_assert_true (spanmark_history_undo (history));
  g_assert_true (spanmark_history_can_redo (history));
  g_assert_cmpuint (counts.can_redo, ==, 1);

  /* A new edit drops what was undone. */
  mutate_status (set);
  g_assert_false (spanmark_history_can_redo (history));
  g_assert_cmpuint (counts.can_redo, ==, 2);
  g_assert_false (spanmark_history_redo (history));
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, "s2")->label, ==, "PLACE");
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 2);

  /* Undo down to nothing, then clear. */
  g_assert_true (spanmark_history_undo (history));
  g_assert_true (spanmark_history_undo (history));
  g_assert_false (spanmark_history_can_undo (history));
  g_assert_cmpuint (counts.can_undo, ==, 2);
  g_assert_true (spanmark_history_can_redo (history));
  spanmark_history_clear (history);
  g_assert_false (spanmark_history_can_redo (history));
  g_assert_cmpuint (counts.can_redo, ==, 4);
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 0);
}

static void
test_properties (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = make_set ();
  SpanmarkHistory *history = spanmark_annotation_set_get_history (set);
  gboolean can_undo = TRUE;
  gboolean can_redo = TRUE;

  g_object_get (history, "can-undo", &can_undo, "can-redo", &can_redo, NULL);
  g_assert_false (can_undo);
  g_assert_false (can_redo);

  mutate_add_span (set);
  spanmark_history_undo (history);
  g_object_get (history, "can-undo", &can_undo, "can-redo", &can_redo, NULL);
  g_assert_false (can_undo);
  g_assert_true (can_redo);
}

static void
test_outlives_set (void)
{
  SpanmarkAnnotationSet *set = make_set ();
  SpanmarkHistory *history = g_object_ref (spanmark_annotation_set_get_history (set));

  mutate_add_span (set);
  g_assert_finalize_object (set);

  /* The steps are still there, but there is nothing to apply them to. */
  g_assert_false (spanmark_history_undo (history));
  g_assert_finalize_object (history);
}

static void
test_random_sequence (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(SpanmarkAnnotationSet) set = make_set ();
  SpanmarkHistory *history = spanmark_annotation_set_get_history (set);
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  static const char *labels[] = { "OFFICIAL", "PLACE", "INITIATIVE" };
  guint length = spanmark_annotation_set_get_length (set);

  g_ptr_array_add (states, snapshot (set));

  /* Random edits, remembering the state after each step. */
  for (guint step = 0; step < 300; step++)
    {
      guint n_spans = spanmark_annotation_set_get_n_spans (set);
      guint n_entities = spanmark_annotation_set_get_n_entities (set);
      const SpanmarkSpan *span = n_spans > 0 ? spanmark_annotation_set_get_span (set, (guint) g_rand_int_range (rand, 0, (gint32) n_spans)) : NULL;
      const SpanmarkEntity *entity = n_entities > 0 ? spanmark_annotation_set_get_entity (set, (guint) g_rand_int_range (rand, 0, (gint32) n_entities)) : NULL;
      g_autofree char *span_id = span != NULL ? g_strdup (span->id) : NULL;
      g_autofree char *entity_id = entity != NULL ? g_strdup (entity->id) : NULL;
      const char *label = labels[g_rand_int_range (rand, 0, 3)];
      guint start = (guint) g_rand_int_range (rand, 0, (gint32) length);
      guint end = start + 1 + (guint) g_rand_int_range (rand, 0, (gint32) (length - start));
      guint before_steps = spanmark_history_get_n_undo_steps (history);

      switch (g_rand_int_range (rand, 0, 9))
        {
        case 0:
        case 1:
          spanmark_annotation_set_add_span (set, start, end, label, NULL);
          break;
        case 2:
          if (span_id != NULL)
            spanmark_annotation_set_remove_span (set, span_id);
          break;
        case 3:
          if (span_id != NULL)
            spanmark_annotation_set_set_span_label (set, span_id, label, NULL);
          break;
        case 4:
          if (span_id != NULL)
            spanmark_annotation_set_set_span_entity (set, span_id, entity_id);
          break;
        case 5:
          if (span_id != NULL)
            spanmark_annotation_set_set_span_attr (set, span_id, label, g_rand_boolean (rand) ? "x" : NULL);
          break;
        case 6:
          if (g_rand_boolean (rand) || entity_id == NULL)
            spanmark_annotation_set_add_entity (set, label, "名");
          else
            spanmark_annotation_set_remove_entity (set, entity_id);
          break;
        case 7:
          spanmark_annotation_set_tag_all (set, start, MIN (end, start + 2), label,
                                           g_rand_boolean (rand) ? entity_id : NULL);
          break;
        case 8:
          spanmark_annotation_set_set_status (set, (SpanmarkStatus) g_rand_int_range (rand, 0, 4));
          break;
        default:
          g_assert_not_reached ();
        }

      /* Only steps that changed something are recorded. */
      if (spanmark_history_get_n_undo_steps (history) > before_steps)
        g_ptr_array_add (states, snapshot (set));
      else
        {
          g_autofree char *now = snapshot (set);

          g_assert_cmpstr (now, ==, g_ptr_array_index (states, states->len - 1));
        }
    }

  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, states->len - 1);

  /* Walk all the way back, then all the way forward. */
  for (guint i = states->len - 1; i > 0; i--)
    {
      g_autofree char *now = NULL;

      g_assert_true (spanmark_history_undo (history));
      now = snapshot (set);
      g_assert_cmpstr (now, ==, g_ptr_array_index (states, i - 1));
    }
  g_assert_false (spanmark_history_can_undo (history));

  for (guint i = 1; i < states->len; i++)
    {
      g_autofree char *now = NULL;

      g_assert_true (spanmark_history_redo (history));
      now = snapshot (set);
      g_assert_cmpstr (now, ==, g_ptr_array_index (states, i));
    }
  g_assert_false (spanmark_history_can_redo (history));
}

static void
test_bulk (void)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  SpanmarkHistory *history;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *now = NULL;
  Counts counts;
  guint n;

  /* 2,000 occurrences of 车俊 among other spans, some of them loaded
   * between the occurrences, so merges interleave. */
  for (guint i = 0; i < 2000; i++)
    g_string_append (big, i % 5 == 0 ? "浙江车俊，" : "车俊" EMOJI "。");
  set = spanmark_annotation_set_new ("big", "alice", big->str);
  history = spanmark_annotation_set_get_history (set);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      g_autoptr(SpanmarkSpan) span = spanmark_span_new (id, i * 20, i * 20 + 3, "PLACE", NULL);

      spanmark_annotation_set_load_span (set, span);
    }
  counts_connect (set, &counts);
  before = snapshot (set);

  /* One group: tag all, then remove some of the new spans and an old
   * one, then tag again with another label. */
  spanmark_history_begin_group (history);
  n = spanmark_annotation_set_tag_all (set, 2, 4, "OFFICIAL", NULL);
  g_assert_cmpuint (n, ==, 2000);
  g_assert_cmpuint (counts.span_added, ==, 2000);
  g_assert_true (spanmark_annotation_set_remove_span (set, "s401"));
  g_assert_true (spanmark_annotation_set_remove_span (set, "s402"));
  g_assert_true (spanmark_annotation_set_remove_span (set, "s2400"));
  g_assert_true (spanmark_annotation_set_remove_span (set, "s7"));
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 0, 2, "PLACE", NULL), ==, 400);
  spanmark_history_end_group (history);
  after = snapshot (set);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 400 + 2000 - 4 + 400);
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 1);

  memset (&counts, 0, sizeof counts);
  g_assert_true (spanmark_history_undo (history));
  now = snapshot (set);
  g_assert_cmpstr (now, ==, before);
  /* 400 + 2000 removed (the three re-added on the way too), 4 re-added. */
  g_assert_cmpuint (counts.span_removed, ==, 2400);
  g_assert_cmpuint (counts.span_added, ==, 4);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_clear_pointer (&now, g_free);

  g_assert_true (spanmark_history_redo (history));
  now = snapshot (set);
  g_assert_cmpstr (now, ==, after);
  g_assert_cmpuint (counts.span_added, ==, 4 + 2000 + 400);
  g_assert_cmpuint (counts.span_removed, ==, 2400 + 4);
  g_clear_pointer (&now, g_free);

  /* Positions still answer from the rebuilt index. */
  g_assert_cmpstr (spanmark_annotation_set_get_span_at (set, 2)->id, ==, "s1");
  g_assert_cmpstr (spanmark_annotation_set_get_span_at (set, 9)->id, ==, "s403");
  g_assert_null (spanmark_annotation_set_get_span_at (set, 5));
  g_assert_null (spanmark_annotation_set_find_span (set, 120, 123, "PLACE"));
  g_assert_nonnull (spanmark_annotation_set_find_span (set, 140, 143, "PLACE"));
  g_assert_nonnull (spanmark_annotation_set_lookup_span (set, "s2401"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/every-mutator", test_every_mutator);
  g_test_add_func ("/history/signals", test_signals_on_undo_redo);
  g_test_add_func ("/history/groups", test_groups);
  g_test_add_func ("/history/redo-cleared", test_redo_cleared);
  g_test_add_func ("/history/properties", test_properties);
  g_test_add_func ("/history/outlives-set", test_outlives_set);
  g_test_add_func ("/history/random-sequence", test_random_sequence);
  g_test_add_func ("/history/bulk", test_bulk);

  return g_test_run ();
}
