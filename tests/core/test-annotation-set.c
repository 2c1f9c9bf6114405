/* test-annotation-set.c — spans, entities, status and the annotation set
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "spanmark-annotation-set.h"
#include "spanmark-attrs-private.h"
#include "spanmark-history.h"
#include "spanmark-span-private.h"

#define EMOJI "\xF0\x9F\x98\x80"          /* U+1F600 */
#define EXT_B "\xF0\xA0\x80\x80"          /* U+20000 */
#define ACUTE "\xCC\x81"                  /* U+0301 */
#define SKIN "\xF0\x9F\x8F\xBD"           /* U+1F3FD skin tone modifier */
#define THUMBS "\xF0\x9F\x91\x8D"         /* U+1F44D */


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
  guint status_notify;
  /* Copies of the last span-changed arguments. */
  SpanmarkSpan *old_span;
  SpanmarkSpan *new_span;
} Counts;

static void
span_added_cb (SpanmarkAnnotationSet *set,
               const SpanmarkSpan    *span,
               Counts                *counts)
{
  /* The span is already in the set when the signal runs. */
  g_assert_true (spanmark_annotation_set_lookup_span (set, span->id) == span);
  counts->span_added++;
}

static void
span_removed_cb (SpanmarkAnnotationSet *set,
                 const SpanmarkSpan    *span,
                 Counts                *counts)
{
  g_assert_null (spanmark_annotation_set_lookup_span (set, span->id));
  counts->span_removed++;
}

static void
span_changed_cb (SpanmarkAnnotationSet *set,
                 const SpanmarkSpan    *old_span,
                 const SpanmarkSpan    *new_span,
                 Counts                *counts)
{
  g_assert_cmpstr (old_span->id, ==, new_span->id);
  g_assert_true (spanmark_annotation_set_lookup_span (set, new_span->id) == new_span);
  g_clear_pointer (&counts->old_span, spanmark_span_free);
  g_clear_pointer (&counts->new_span, spanmark_span_free);
  counts->old_span = spanmark_span_copy (old_span);
  counts->new_span = spanmark_span_copy (new_span);
  counts->span_changed++;
}

static void
entity_cb (SpanmarkAnnotationSet *set,
           const SpanmarkEntity  *entity,
           guint                 *count)
{
  (*count)++;
}

static void
entity_changed_cb (SpanmarkAnnotationSet *set,
                   const SpanmarkEntity  *old_entity,
                   const SpanmarkEntity  *new_entity,
                   Counts                *counts)
{
  g_assert_cmpstr (old_entity->id, ==, new_entity->id);
  counts->entity_changed++;
}

static void
changed_cb (SpanmarkAnnotationSet *set,
            Counts                *counts)
{
  counts->changed++;
}

static void
status_notify_cb (GObject    *object,
                  GParamSpec *pspec,
                  Counts     *counts)
{
  counts->status_notify++;
}

static void
counts_connect (SpanmarkAnnotationSet *set,
                Counts                *counts)
{
  memset (counts, 0, sizeof *counts);
  g_signal_connect (set, "span-added", G_CALLBACK (span_added_cb), counts);
  g_signal_connect (set, "span-removed", G_CALLBACK (span_removed_cb), counts);
  g_signal_connect (set, "span-changed", G_CALLBACK (span_changed_cb), counts);
  g_signal_connect (set, "entity-added", G_CALLBACK (entity_cb), &counts->entity_added);
  g_signal_connect (set, "entity-removed", G_CALLBACK (entity_cb), &counts->entity_removed);
  g_signal_connect (set, "entity-changed", G_CALLBACK (entity_changed_cb), counts);
  g_signal_connect (set, "changed", G_CALLBACK (changed_cb), counts);
  g_signal_connect (set, "notify::status", G_CALLBACK (status_notify_cb), counts);
}

static void
counts_clear (Counts *counts)
{
  g_clear_pointer (&counts->old_span, spanmark_span_free);
  g_clear_pointer (&counts->new_span, spanmark_span_free);
}

/* Checks the spans are strictly in spanmark_span_compare order and each
 * covers the text it claims. */
static void
assert_consistent (SpanmarkAnnotationSet *set)
{
  SpanmarkTextIndex *index = spanmark_annotation_set_get_text_index (set);
  guint n = spanmark_annotation_set_get_n_spans (set);

  for (guint i = 0; i < n; i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);
      g_autofree char *covered = spanmark_text_index_slice (index, span->start, span->end);

      g_assert_cmpuint (span->start, <, span->end);
      g_assert_cmpstr (span->text, ==, covered);
      g_assert_true (spanmark_annotation_set_lookup_span (set, span->id) == span);
      if (i > 0)
        g_assert_cmpint (spanmark_span_compare (spanmark_annotation_set_get_span (set, i - 1), span), <, 0);
    }
}


/* Status */

static void
test_status (void)
{
  static const struct {
    SpanmarkStatus status;
    const char *id;
    const char *title;
  } cases[] = {
    { SPANMARK_STATUS_NEW, "new", "New" },
    { SPANMARK_STATUS_IN_PROGRESS, "in-progress", "In progress" },
    { SPANMARK_STATUS_DONE, "done", "Done" },
    { SPANMARK_STATUS_REVIEWED, "reviewed", "Reviewed" },
  };
  SpanmarkStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (spanmark_status_to_string (cases[i].status), ==, cases[i].id);
      g_assert_cmpstr (spanmark_status_get_title (cases[i].status), ==, cases[i].title);
      status = SPANMARK_STATUS_NEW;
      g_assert_true (spanmark_status_from_string (cases[i].id, &status));
      g_assert_cmpint (status, ==, cases[i].status);
    }

  status = SPANMARK_STATUS_DONE;
  g_assert_false (spanmark_status_from_string ("in_progress", &status));
  g_assert_false (spanmark_status_from_string ("Done", &status));
  g_assert_false (spanmark_status_from_string ("", &status));
  g_assert_false (spanmark_status_from_string (NULL, &status));
  g_assert_cmpint (status, ==, SPANMARK_STATUS_DONE);
}


/* Span and entity boxed types */

static void
test_span_boxed (void)
{
  g_autoptr(SpanmarkSpan) span = spanmark_span_new ("s1", 2, 4, "OFFICIAL", "车俊");
  g_autoptr(SpanmarkSpan) copy = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  SpanmarkSpan *boxed;

  g_assert_nonnull (span->attrs);
  g_assert_cmpuint (g_hash_table_size (span->attrs), ==, 0);
  g_assert_null (span->entity);

  g_hash_table_insert (span->attrs, g_strdup ("title"), g_strdup ("浙江省委书记"));
  g_hash_table_insert (span->attrs, g_strdup ("region"), g_strdup ("浙江"));
  g_hash_table_insert (span->attrs, g_strdup ("Zeta"), g_strdup (""));
  span->entity = g_strdup ("e1");

  copy = spanmark_span_copy (span);
  g_assert_true (copy->attrs != span->attrs);
  g_assert_true (spanmark_span_equal (span, copy));
  g_assert_cmpint (spanmark_span_compare (span, copy), ==, 0);

  boxed = g_boxed_copy (SPANMARK_TYPE_SPAN, span);
  g_assert_true (spanmark_span_equal (boxed, span));
  g_boxed_free (SPANMARK_TYPE_SPAN, boxed);

  /* Every field takes part in equality. */
  g_hash_table_insert (copy->attrs, g_strdup ("region"), g_strdup ("重庆"));
  g_assert_false (spanmark_span_equal (span, copy));
  g_hash_table_insert (copy->attrs, g_strdup ("region"), g_strdup ("浙江"));
  g_assert_true (spanmark_span_equal (span, copy));
  g_hash_table_remove (copy->attrs, "Zeta");
  g_assert_false (spanmark_span_equal (span, copy));
  g_clear_pointer (&copy, spanmark_span_free);

  copy = spanmark_span_copy (span);
  g_clear_pointer (&copy->entity, g_free);
  g_assert_false (spanmark_span_equal (span, copy));
  g_clear_pointer (&copy, spanmark_span_free);

  copy = spanmark_span_copy (span);
  copy->end = 5;
  g_assert_false (spanmark_span_equal (span, copy));
  g_clear_pointer (&copy, spanmark_span_free);

  copy = spanmark_span_copy (span);
  g_free (copy->label);
  copy->label = g_strdup ("PLACE");
  g_assert_false (spanmark_span_equal (span, copy));

  keys = spanmark_span_get_sorted_attr_keys (span);
  g_assert_cmpuint (keys->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, "Zeta");
  g_assert_cmpstr (g_ptr_array_index (keys, 1), ==, "region");
  g_assert_cmpstr (g_ptr_array_index (keys, 2), ==, "title");
}

static void
test_span_compare (void)
{
  g_autoptr(SpanmarkSpan) outer = spanmark_span_new ("s9", 0, 10, "A", NULL);
  g_autoptr(SpanmarkSpan) inner = spanmark_span_new ("s1", 0, 4, "A", NULL);
  g_autoptr(SpanmarkSpan) later = spanmark_span_new ("s0", 1, 2, "A", NULL);
  g_autoptr(SpanmarkSpan) twin = spanmark_span_new ("s2", 0, 4, "B", NULL);

  /* Start ascending, then longer first, then id. */
  g_assert_cmpint (spanmark_span_compare (outer, inner), <, 0);
  g_assert_cmpint (spanmark_span_compare (inner, outer), >, 0);
  g_assert_cmpint (spanmark_span_compare (inner, later), <, 0);
  g_assert_cmpint (spanmark_span_compare (outer, later), <, 0);
  g_assert_cmpint (spanmark_span_compare (inner, twin), <, 0);
  g_assert_cmpint (spanmark_span_compare (twin, inner), >, 0);
}

static void
test_entity_boxed (void)
{
  g_autoptr(SpanmarkEntity) entity = spanmark_entity_new ("e1", "OFFICIAL", "陈敏尔");
  g_autoptr(SpanmarkEntity) copy = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  SpanmarkEntity *boxed;

  g_assert_nonnull (entity->attrs);
  g_hash_table_insert (entity->attrs, g_strdup ("title"), g_strdup ("重庆市委书记"));
  g_hash_table_insert (entity->attrs, g_strdup ("region"), g_strdup ("重庆"));

  copy = spanmark_entity_copy (entity);
  g_assert_true (spanmark_entity_equal (entity, copy));
  g_free (copy->name);
  copy->name = g_strdup ("其他");
  g_assert_false (spanmark_entity_equal (entity, copy));

  boxed = g_boxed_copy (SPANMARK_TYPE_ENTITY, entity);
  g_assert_true (spanmark_entity_equal (boxed, entity));
  g_hash_table_remove (boxed->attrs, "title");
  g_assert_false (spanmark_entity_equal (boxed, entity));
  g_boxed_free (SPANMARK_TYPE_ENTITY, boxed);

  keys = spanmark_entity_get_sorted_attr_keys (entity);
  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, "region");
  g_assert_cmpstr (g_ptr_array_index (keys, 1), ==, "title");
}


/* The set */

static void
test_properties (void)
{
  const char *text = "a" EMOJI "b";
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("zjol-001", "alice", text);
  g_autofree char *document_id = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *prop_text = NULL;
  g_autoptr(SpanmarkHistory) history = NULL;
  guint status = 99;

  g_object_get (set,
                "document-id", &document_id,
                "annotator", &annotator,
                "text", &prop_text,
                "status", &status,
                "history", &history,
                NULL);
  g_assert_cmpstr (document_id, ==, "zjol-001");
  g_assert_cmpstr (annotator, ==, "alice");
  g_assert_cmpstr (prop_text, ==, text);
  g_assert_cmpuint (status, ==, SPANMARK_STATUS_NEW);
  g_assert_true (history == spanmark_annotation_set_get_history (set));
  g_assert_false (spanmark_history_can_undo (history));

  g_assert_cmpstr (spanmark_annotation_set_get_document_id (set), ==, "zjol-001");
  g_assert_cmpstr (spanmark_annotation_set_get_annotator (set), ==, "alice");
  g_assert_cmpstr (spanmark_annotation_set_get_text (set), ==, text);
  g_assert_cmpuint (spanmark_annotation_set_get_length (set), ==, 3);
  g_assert_cmpuint (spanmark_text_index_get_length (spanmark_annotation_set_get_text_index (set)), ==, 3);

  g_assert_null (spanmark_annotation_set_get_modified (set));
  spanmark_annotation_set_set_modified (set, "2026-11-28T05:00:00Z");
  g_assert_cmpstr (spanmark_annotation_set_get_modified (set), ==, "2026-11-28T05:00:00Z");

  /* Setting the status property goes through the history. */
  g_object_set (set, "status", SPANMARK_STATUS_DONE, NULL);
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_DONE);
  g_assert_true (spanmark_history_can_undo (history));
}

static void
test_empty_document (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("empty", "alice", "");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_assert_cmpuint (spanmark_annotation_set_get_length (set), ==, 0);
  g_assert_null (spanmark_annotation_set_add_span (set, 0, 0, "PLACE", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (spanmark_annotation_set_add_span (set, 0, 1, "PLACE", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 0);
  found = spanmark_annotation_set_get_spans_in_range (set, 0, 0);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_null (spanmark_annotation_set_get_span_at (set, 0));
  g_assert_null (spanmark_annotation_set_get_next_span (set, 0));
  g_assert_null (spanmark_annotation_set_get_prev_span (set, 0));
  g_assert_null (spanmark_annotation_set_find_span (set, 0, 1, "PLACE"));
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 0, 0, "PLACE", NULL), ==, 0);

  /* A NULL text is an empty document too. */
  g_clear_object (&set);
  set = spanmark_annotation_set_new ("empty", "alice", NULL);
  g_assert_cmpstr (spanmark_annotation_set_get_text (set), ==, "");
  g_assert_cmpuint (spanmark_annotation_set_get_length (set), ==, 0);
}

static void
test_add_span_validation (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", "abcdef");
  g_autoptr(GError) error = NULL;
  Counts counts;

  counts_connect (set, &counts);

  g_assert_null (spanmark_annotation_set_add_span (set, 3, 3, "PLACE", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (spanmark_annotation_set_add_span (set, 4, 2, "PLACE", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (spanmark_annotation_set_add_span (set, 5, 7, "PLACE", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (spanmark_annotation_set_add_span (set, 0, 2, "", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (spanmark_annotation_set_add_span (set, 0, 2, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  /* Without an error argument too. */
  g_assert_null (spanmark_annotation_set_add_span (set, 0, 9, "PLACE", NULL));

  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 0);
  g_assert_cmpuint (counts.changed, ==, 0);
  g_assert_cmpuint (counts.span_added, ==, 0);
  g_assert_false (spanmark_history_can_undo (spanmark_annotation_set_get_history (set)));

  /* The whole text is a valid span. */
  g_assert_nonnull (spanmark_annotation_set_add_span (set, 0, 6, "PLACE", &error));
  g_assert_no_error (error);
  counts_clear (&counts);
}

static void
test_add_span_text (void)
{
  /* 0 车 1 俊 2 ' ' 3 emoji 4 U+20000 5 e 6 acute 7 ' ' 8 U+3000 9 x */
  const char *text = "车俊 " EMOJI EXT_B "e" ACUTE " \xE3\x80\x80x";
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", text);
  g_autoptr(GError) error = NULL;
  const SpanmarkSpan *span;
  Counts counts;

  counts_connect (set, &counts);

  span = spanmark_annotation_set_add_span (set, 3, 5, "INITIATIVE", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (span->id, ==, "s1");
  g_assert_cmpstr (span->text, ==, EMOJI EXT_B);
  g_assert_cmpstr (span->label, ==, "INITIATIVE");
  g_assert_null (span->entity);
  g_assert_nonnull (span->attrs);

  span = spanmark_annotation_set_add_span (set, 5, 7, "PLACE", &error);
  g_assert_cmpstr (span->id, ==, "s2");
  g_assert_cmpstr (span->text, ==, "e" ACUTE);

  span = spanmark_annotation_set_add_span (set, 8, 10, "PLACE", &error);
  g_assert_cmpstr (span->text, ==, "\xE3\x80\x80x");

  span = spanmark_annotation_set_add_span (set, 0, 2, "OFFICIAL", &error);
  g_assert_cmpstr (span->text, ==, "车俊");
  g_assert_true (spanmark_annotation_set_get_span (set, 0) == span);

  g_assert_cmpuint (counts.span_added, ==, 4);
  g_assert_cmpuint (counts.changed, ==, 4);
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (spanmark_annotation_set_get_history (set)), ==, 4);
  assert_consistent (set);
  counts_clear (&counts);
}

static void
test_nested_and_adjacent (void)
{
  /* "浙江省杭州市西湖区" : 0..9 */
  const char *text = "浙江省杭州市西湖区";
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", text);
  g_autoptr(GPtrArray) found = NULL;
  const SpanmarkSpan *province;
  const SpanmarkSpan *city;
  const SpanmarkSpan *district;
  const SpanmarkSpan *whole;
  const SpanmarkSpan *city_district;

  /* Added out of order on purpose. */
  district = spanmark_annotation_set_add_span (set, 6, 9, "PLACE", NULL);
  whole = spanmark_annotation_set_add_span (set, 0, 9, "PLACE", NULL);
  city = spanmark_annotation_set_add_span (set, 3, 6, "PLACE", NULL);
  province = spanmark_annotation_set_add_span (set, 0, 3, "PLACE", NULL);
  city_district = spanmark_annotation_set_add_span (set, 3, 9, "PLACE", NULL);
  assert_consistent (set);

  /* Outer spans sort before the spans nested in them. */
  g_assert_true (spanmark_annotation_set_get_span (set, 0) == whole);
  g_assert_true (spanmark_annotation_set_get_span (set, 1) == province);
  g_assert_true (spanmark_annotation_set_get_span (set, 2) == city_district);
  g_assert_true (spanmark_annotation_set_get_span (set, 3) == city);
  g_assert_true (spanmark_annotation_set_get_span (set, 4) == district);

  /* Innermost at a position; adjacent spans do not share their border. */
  g_assert_true (spanmark_annotation_set_get_span_at (set, 0) == province);
  g_assert_true (spanmark_annotation_set_get_span_at (set, 2) == province);
  g_assert_true (spanmark_annotation_set_get_span_at (set, 3) == city);
  g_assert_true (spanmark_annotation_set_get_span_at (set, 5) == city);
  g_assert_true (spanmark_annotation_set_get_span_at (set, 6) == district);
  g_assert_null (spanmark_annotation_set_get_span_at (set, 9));

  found = spanmark_annotation_set_get_spans_in_range (set, 3, 3);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_true (g_ptr_array_index (found, 0) == whole);
  g_assert_true (g_ptr_array_index (found, 1) == city_district);
  g_assert_true (g_ptr_array_index (found, 2) == city);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* [3, 6) touches province and district only at their borders. */
  found = spanmark_annotation_set_get_spans_in_range (set, 3, 6);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_false (g_ptr_array_find (found, province, NULL));
  g_assert_false (g_ptr_array_find (found, district, NULL));
  g_clear_pointer (&found, g_ptr_array_unref);

  found = spanmark_annotation_set_get_spans_in_range (set, 9, 9);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Tab and Shift+Tab. */
  g_assert_true (spanmark_annotation_set_get_next_span (set, 0) == city_district);
  g_assert_true (spanmark_annotation_set_get_next_span (set, 3) == district);
  g_assert_null (spanmark_annotation_set_get_next_span (set, 6));
  g_assert_true (spanmark_annotation_set_get_prev_span (set, 6) == city);
  g_assert_true (spanmark_annotation_set_get_prev_span (set, 3) == province);
  g_assert_null (spanmark_annotation_set_get_prev_span (set, 0));

  g_assert_true (spanmark_annotation_set_find_span (set, 3, 6, "PLACE") == city);
  g_assert_null (spanmark_annotation_set_find_span (set, 3, 6, "OFFICIAL"));
  g_assert_null (spanmark_annotation_set_find_span (set, 3, 7, "PLACE"));
  g_assert_null (spanmark_annotation_set_find_span (set, 3, 6, NULL));
}

static void
test_ids (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", "abcdefghij");
  g_autoptr(SpanmarkSpan) loaded = spanmark_span_new ("s7", 0, 1, "PLACE", "a");
  g_autoptr(SpanmarkSpan) odd = spanmark_span_new ("T3", 1, 2, "PLACE", "b");
  g_autoptr(SpanmarkEntity) entity = spanmark_entity_new ("e4", "PLACE", "a");
  SpanmarkHistory *history = spanmark_annotation_set_get_history (set);
  const SpanmarkSpan *span;
  const SpanmarkEntity *added;

  spanmark_annotation_set_load_span (set, loaded);
  spanmark_annotation_set_load_span (set, odd);
  spanmark_annotation_set_load_entity (set, entity);

  /* One more than the largest number in use. */
  span = spanmark_annotation_set_add_span (set, 2, 3, "PLACE", NULL);
  g_assert_cmpstr (span->id, ==, "s8");
  added = spanmark_annotation_set_add_entity (set, "PLACE", "b");
  g_assert_cmpstr (added->id, ==, "e5");

  /* Never again, even after the span is removed or its adding undone. */
  g_assert_true (spanmark_annotation_set_remove_span (set, "s8"));
  span = spanmark_annotation_set_add_span (set, 2, 3, "PLACE", NULL);
  g_assert_cmpstr (span->id, ==, "s9");
  g_assert_true (spanmark_history_undo (history));
  g_assert_null (spanmark_annotation_set_lookup_span (set, "s9"));
  span = spanmark_annotation_set_add_span (set, 2, 3, "PLACE", NULL);
  g_assert_cmpstr (span->id, ==, "s10");

  /* Redo of the undone step would now bring back s9, but the new edit
   * cleared it; undo and redo of s10 keep its id. */
  g_assert_false (spanmark_history_can_redo (history));
  g_assert_true (spanmark_history_undo (history));
  g_assert_true (spanmark_history_redo (history));
  g_assert_nonnull (spanmark_annotation_set_lookup_span (set, "s10"));
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, "T3")->text, ==, "b");
}

static void
test_loaders (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", "重庆市委书记陈敏尔");
  g_autoptr(SpanmarkSpan) span = spanmark_span_new ("s1", 6, 9, "OFFICIAL", NULL);
  g_autoptr(SpanmarkSpan) nested = spanmark_span_new ("s2", 0, 2, "PLACE", "重庆");
  g_autoptr(SpanmarkEntity) entity = spanmark_entity_new ("e1", "OFFICIAL", "陈敏尔");
  g_autoptr(GPtrArray) mentions = NULL;
  Counts counts;

  counts_connect (set, &counts);

  g_hash_table_insert (entity->attrs, g_strdup ("title"), g_strdup ("重庆市委书记"));
  span->entity = g_strdup ("e1");
  spanmark_annotation_set_load_entity (set, entity);
  spanmark_annotation_set_load_span (set, span);
  spanmark_annotation_set_load_span (set, nested);
  spanmark_annotation_set_load_status (set, SPANMARK_STATUS_DONE);

  /* Nothing emitted, nothing recorded. */
  g_assert_cmpuint (counts.span_added + counts.entity_added + counts.changed + counts.status_notify, ==, 0);
  g_assert_false (spanmark_history_can_undo (spanmark_annotation_set_get_history (set)));

  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_DONE);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 2);
  g_assert_cmpstr (spanmark_annotation_set_get_span (set, 0)->id, ==, "s2");
  /* A loaded span without text gets it from the document. */
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, "s1")->text, ==, "陈敏尔");
  g_assert_true (spanmark_entity_equal (spanmark_annotation_set_lookup_entity (set, "e1"), entity));

  mentions = spanmark_annotation_set_get_mentions (set, "e1");
  g_assert_cmpuint (mentions->len, ==, 1);
  g_assert_cmpuint (spanmark_annotation_set_get_n_mentions (set, "e1"), ==, 1);
  assert_consistent (set);
  counts_clear (&counts);
}

static void
test_load_spans (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", "浙江省杭州市" EMOJI "西湖区");
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_span_free);
  g_autoptr(SpanmarkSpan) later = spanmark_span_new ("s20", 1, 2, "PLACE", NULL);
  Counts counts;

  counts_connect (set, &counts);

  /* Out of order, nested, some without text. */
  g_ptr_array_add (spans, spanmark_span_new ("s3", 7, 10, "PLACE", NULL));
  g_ptr_array_add (spans, spanmark_span_new ("s1", 0, 10, "PLACE", NULL));
  g_ptr_array_add (spans, spanmark_span_new ("s2", 3, 7, "PLACE", "杭州市" EMOJI));
  g_ptr_array_add (spans, spanmark_span_new ("s4", 0, 3, "PLACE", NULL));
  spanmark_annotation_set_load_spans (set, (const SpanmarkSpan * const *) spans->pdata, spans->len);
  spanmark_annotation_set_load_spans (set, NULL, 0);
  spanmark_annotation_set_load_span (set, later);

  g_assert_cmpuint (counts.span_added + counts.changed, ==, 0);
  g_assert_false (spanmark_history_can_undo (spanmark_annotation_set_get_history (set)));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 5);
  g_assert_cmpstr (spanmark_annotation_set_get_span (set, 0)->id, ==, "s1");
  g_assert_cmpstr (spanmark_annotation_set_get_span (set, 1)->id, ==, "s4");
  g_assert_cmpstr (spanmark_annotation_set_get_span (set, 2)->id, ==, "s20");
  g_assert_cmpstr (spanmark_annotation_set_get_span (set, 3)->id, ==, "s2");
  g_assert_cmpstr (spanmark_annotation_set_get_span (set, 4)->id, ==, "s3");
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, "s3")->text, ==, "西湖区");
  g_assert_true (spanmark_annotation_set_get_span_at (set, 6) == spanmark_annotation_set_lookup_span (set, "s2"));
  assert_consistent (set);

  /* New ids go on from the largest loaded one. */
  g_assert_cmpstr (spanmark_annotation_set_add_span (set, 8, 9, "PLACE", NULL)->id, ==, "s21");
  counts_clear (&counts);
}

static void
test_span_mutators (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", "车俊在浙江");
  const SpanmarkSpan *span;
  const SpanmarkEntity *entity;
  Counts counts;

  counts_connect (set, &counts);
  span = spanmark_annotation_set_add_span (set, 0, 2, "PLACE", NULL);
  entity = spanmark_annotation_set_add_entity (set, "OFFICIAL", "车俊");
  g_assert_cmpuint (counts.entity_added, ==, 1);

  g_assert_true (spanmark_annotation_set_set_span_label (set, "s1", "OFFICIAL", NULL));
  g_assert_cmpuint (counts.span_changed, ==, 1);
  g_assert_cmpstr (counts.old_span->label, ==, "PLACE");
  g_assert_cmpstr (counts.new_span->label, ==, "OFFICIAL");
  span = spanmark_annotation_set_lookup_span (set, "s1");
  g_assert_cmpstr (span->label, ==, "OFFICIAL");

  /* Refused: unknown span, empty label, unknown entity, empty key. */
  g_assert_false (spanmark_annotation_set_set_span_label (set, "s99", "PLACE", NULL));
  g_assert_false (spanmark_annotation_set_set_span_label (set, "s1", "", NULL));
  g_assert_false (spanmark_annotation_set_set_span_entity (set, "s1", "e99"));
  g_assert_false (spanmark_annotation_set_set_span_attr (set, "s1", "", "x"));
  g_assert_false (spanmark_annotation_set_remove_span (set, "s99"));
  g_assert_false (spanmark_annotation_set_remove_span (set, NULL));
  g_assert_cmpuint (counts.span_changed, ==, 1);

  /* No change: TRUE, but nothing emitted or recorded. */
  g_assert_true (spanmark_annotation_set_set_span_label (set, "s1", "OFFICIAL", NULL));
  g_assert_true (spanmark_annotation_set_set_span_entity (set, "s1", NULL));
  g_assert_true (spanmark_annotation_set_set_span_attr (set, "s1", "title", NULL));
  g_assert_cmpuint (counts.span_changed, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 3);

  g_assert_true (spanmark_annotation_set_set_span_entity (set, "s1", entity->id));
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, "s1")->entity, ==, "e1");
  g_assert_cmpuint (spanmark_annotation_set_get_n_mentions (set, "e1"), ==, 1);

  g_assert_true (spanmark_annotation_set_set_span_attr (set, "s1", "title", "浙江省委书记"));
  g_assert_cmpstr (g_hash_table_lookup (spanmark_annotation_set_lookup_span (set, "s1")->attrs, "title"),
                   ==, "浙江省委书记");
  g_assert_null (g_hash_table_lookup (counts.old_span->attrs, "title"));
  g_assert_true (spanmark_annotation_set_set_span_attr (set, "s1", "title", NULL));
  g_assert_cmpuint (g_hash_table_size (spanmark_annotation_set_lookup_span (set, "s1")->attrs), ==, 0);

  g_assert_true (spanmark_annotation_set_set_span_entity (set, "s1", NULL));
  g_assert_null (spanmark_annotation_set_lookup_span (set, "s1")->entity);
  g_assert_cmpuint (spanmark_annotation_set_get_n_mentions (set, "e1"), ==, 0);

  g_assert_true (spanmark_annotation_set_remove_span (set, "s1"));
  g_assert_cmpuint (counts.span_removed, ==, 1);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 0);

  /* add, add entity, label, entity, attr set, attr unset, detach, remove. */
  g_assert_cmpuint (counts.span_changed, ==, 5);
  g_assert_cmpuint (counts.changed, ==, 8);
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (spanmark_annotation_set_get_history (set)), ==, 8);
  counts_clear (&counts);
}

static void
test_entities (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", "车俊，车俊，陈敏尔。车俊");
  g_autoptr(GPtrArray) mentions = NULL;
  const SpanmarkEntity *che;
  const SpanmarkEntity *chen;
  Counts counts;

  counts_connect (set, &counts);
  che = spanmark_annotation_set_add_entity (set, "OFFICIAL", "车俊");
  chen = spanmark_annotation_set_add_entity (set, "OFFICIAL", "陈敏尔");
  g_assert_cmpstr (che->id, ==, "e1");
  g_assert_cmpstr (chen->id, ==, "e2");
  g_assert_null (spanmark_annotation_set_add_entity (set, "", "x"));
  g_assert_null (spanmark_annotation_set_add_entity (set, NULL, "x"));
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (set), ==, 2);
  g_assert_true (spanmark_annotation_set_get_entity (set, 0) == che);
  g_assert_true (spanmark_annotation_set_lookup_entity (set, "e2") == chen);
  g_assert_null (spanmark_annotation_set_lookup_entity (set, "e3"));

  /* Mentions come back in text order whatever the order of tagging. */
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 0, 2, "OFFICIAL", "e1"), ==, 3);
  spanmark_annotation_set_add_span (set, 6, 9, "OFFICIAL", NULL);
  spanmark_annotation_set_set_span_entity (set, "s4", "e2");
  mentions = spanmark_annotation_set_get_mentions (set, "e1");
  g_assert_cmpuint (mentions->len, ==, 3);
  g_assert_cmpuint (((SpanmarkSpan *) g_ptr_array_index (mentions, 0))->start, ==, 0);
  g_assert_cmpuint (((SpanmarkSpan *) g_ptr_array_index (mentions, 1))->start, ==, 3);
  g_assert_cmpuint (((SpanmarkSpan *) g_ptr_array_index (mentions, 2))->start, ==, 10);
  g_clear_pointer (&mentions, g_ptr_array_unref);

  g_assert_true (spanmark_annotation_set_set_entity_name (set, "e2", "陈敏尔同志"));
  g_assert_cmpuint (counts.entity_changed, ==, 1);
  g_assert_true (spanmark_annotation_set_set_entity_attr (set, "e2", "title", "重庆市委书记"));
  g_assert_cmpuint (counts.entity_changed, ==, 2);
  chen = spanmark_annotation_set_lookup_entity (set, "e2");
  g_assert_cmpstr (chen->name, ==, "陈敏尔同志");
  g_assert_cmpstr (g_hash_table_lookup (chen->attrs, "title"), ==, "重庆市委书记");
  g_assert_false (spanmark_annotation_set_set_entity_name (set, "e9", "x"));
  g_assert_false (spanmark_annotation_set_set_entity_attr (set, "e2", NULL, "x"));

  /* Removing an entity detaches its mentions in the same step. */
  counts.changed = 0;
  g_assert_true (spanmark_annotation_set_remove_entity (set, "e1"));
  g_assert_false (spanmark_annotation_set_remove_entity (set, "e1"));
  g_assert_cmpuint (counts.entity_removed, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (set), ==, 1);
  mentions = spanmark_annotation_set_get_mentions (set, "e1");
  g_assert_cmpuint (mentions->len, ==, 0);
  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    g_assert_cmpstr (spanmark_annotation_set_get_span (set, i)->entity, !=, "e1");
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, "s4")->entity, ==, "e2");

  /* One undo brings back the entity and its three mentions. */
  g_assert_true (spanmark_history_undo (spanmark_annotation_set_get_history (set)));
  g_assert_cmpuint (spanmark_annotation_set_get_n_mentions (set, "e1"), ==, 3);
  g_assert_cmpstr (spanmark_annotation_set_get_entity (set, 0)->id, ==, "e1");
  counts_clear (&counts);
}

static void
test_status_change (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", "x");
  Counts counts;

  counts_connect (set, &counts);
  spanmark_annotation_set_set_status (set, SPANMARK_STATUS_IN_PROGRESS);
  spanmark_annotation_set_set_status (set, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_cmpuint (counts.status_notify, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_IN_PROGRESS);
  counts_clear (&counts);
}

/* Regression: pressing 1 with a PLACE span selected added an OFFICIAL
 * span on the same characters (which flat exports drop as nested).  Now
 * it relabels that span, in one undo step; the entity link goes only
 * when the entity has another label; the same label twice is refused. */
static void
test_tag_range (void)
{
  /* 0 车 1 俊 2 在 3 涪 4 陵 */
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", "车俊在涪陵");
  SpanmarkHistory *history = spanmark_annotation_set_get_history (set);
  g_autoptr(GError) error = NULL;
  const SpanmarkEntity *place, *official;
  const SpanmarkSpan *span;
  Counts counts;

  place = spanmark_annotation_set_add_entity (set, "PLACE", "涪陵");
  official = spanmark_annotation_set_add_entity (set, "OFFICIAL", "车俊");
  span = spanmark_annotation_set_tag_range (set, 3, 5, "PLACE", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (span);
  g_assert_cmpstr (span->id, ==, "s1");
  g_assert_true (spanmark_annotation_set_set_span_entity (set, "s1", place->id));
  spanmark_annotation_set_add_span (set, 0, 2, "PLACE", NULL);
  g_assert_true (spanmark_annotation_set_set_span_entity (set, "s2", official->id));
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 6);

  counts_connect (set, &counts);

  /* Another label on exactly a span: that span changes, nothing is added. */
  span = spanmark_annotation_set_tag_range (set, 3, 5, "OFFICIAL", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (span->id, ==, "s1");
  g_assert_cmpstr (span->label, ==, "OFFICIAL");
  /* The PLACE entity cannot be an OFFICIAL's: the link goes. */
  g_assert_null (span->entity);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 2);
  g_assert_cmpuint (counts.span_added, ==, 0);
  g_assert_cmpuint (counts.span_changed, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 7);

  /* A PLACE span linked to an OFFICIAL entity keeps the link when it
   * becomes an OFFICIAL. */
  span = spanmark_annotation_set_tag_range (set, 0, 2, "OFFICIAL", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (span->id, ==, "s2");
  g_assert_cmpstr (span->entity, ==, official->id);

  /* The same range and label again is refused and changes nothing. */
  g_assert_null (spanmark_annotation_set_tag_range (set, 0, 2, "OFFICIAL", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 8);
  g_assert_cmpuint (counts.changed, ==, 2);

  /* One undo gives the PLACE span back with its entity. */
  g_assert_true (spanmark_history_undo (history));
  g_assert_true (spanmark_history_undo (history));
  span = spanmark_annotation_set_lookup_span (set, "s1");
  g_assert_cmpstr (span->label, ==, "PLACE");
  g_assert_cmpstr (span->entity, ==, place->id);

  /* Elsewhere a span is added as before; bad offsets are refused. */
  span = spanmark_annotation_set_tag_range (set, 3, 4, "PLACE", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 3);
  g_assert_null (spanmark_annotation_set_tag_range (set, 4, 9, "PLACE", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  assert_consistent (set);
  counts_clear (&counts);
}

/* Regression: relabelling a span (another label's key on exactly it)
 * kept the old label's attributes: a PLACE's "kind" went on as an
 * OFFICIAL's, saved and exported.  Only the attributes the new label
 * defines stay; one undo brings the others back with the old label. */
static void
test_relabel_attrs (void)
{
  static const char * const official_attrs[] = { "title", "region", NULL };
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", "车俊在涪陵");
  SpanmarkHistory *history = spanmark_annotation_set_get_history (set);
  g_autoptr(GError) error = NULL;
  const SpanmarkSpan *span;

  span = spanmark_annotation_set_add_span (set, 3, 5, "PLACE", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (span->id, ==, "s1");
  g_assert_true (spanmark_annotation_set_set_span_attr (set, "s1", "kind", "区"));
  g_assert_true (spanmark_annotation_set_set_span_attr (set, "s1", "region", "重庆"));

  span = spanmark_annotation_set_tag_range (set, 3, 5, "OFFICIAL", official_attrs, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (span->label, ==, "OFFICIAL");
  g_assert_cmpuint (g_hash_table_size (span->attrs), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (span->attrs, "region"), ==, "重庆");
  g_assert_null (g_hash_table_lookup (span->attrs, "kind"));

  g_assert_true (spanmark_history_undo (history));
  span = spanmark_annotation_set_lookup_span (set, "s1");
  g_assert_cmpstr (span->label, ==, "PLACE");
  g_assert_cmpuint (g_hash_table_size (span->attrs), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (span->attrs, "kind"), ==, "区");

  g_assert_true (spanmark_history_redo (history));
  span = spanmark_annotation_set_lookup_span (set, "s1");
  g_assert_cmpuint (g_hash_table_size (span->attrs), ==, 1);

  /* A label without attributes keeps none; set_span_label does the same. */
  g_assert_true (spanmark_history_undo (history));
  g_assert_true (spanmark_annotation_set_set_span_label (set, "s1", "INITIATIVE", NULL));
  span = spanmark_annotation_set_lookup_span (set, "s1");
  g_assert_cmpuint (g_hash_table_size (span->attrs), ==, 0);
  g_assert_true (spanmark_history_undo (history));
  span = spanmark_annotation_set_lookup_span (set, "s1");
  g_assert_cmpuint (g_hash_table_size (span->attrs), ==, 2);
  assert_consistent (set);
}

/* A span's boundaries move by themselves (the keys that fix a boundary
 * from the keyboard), one undo step each, the text following. */
static void
test_span_range (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", "车俊在涪陵" EMOJI "区");
  SpanmarkHistory *history = spanmark_annotation_set_get_history (set);
  g_autoptr(GError) error = NULL;
  const SpanmarkSpan *span;

  spanmark_annotation_set_add_span (set, 3, 5, "PLACE", NULL);
  spanmark_annotation_set_add_span (set, 3, 7, "OFFICIAL", NULL);

  g_assert_true (spanmark_annotation_set_set_span_range (set, "s1", 3, 7, &error));
  g_assert_no_error (error);
  span = spanmark_annotation_set_lookup_span (set, "s1");
  g_assert_cmpuint (span->end, ==, 7);
  g_assert_cmpstr (span->text, ==, "涪陵" EMOJI "区");
  g_assert_true (spanmark_annotation_set_set_span_range (set, "s1", 4, 7, &error));
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, "s1")->text, ==, "陵" EMOJI "区");
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 4);

  /* Onto a span of another label is fine (s2 is OFFICIAL); onto one of
   * the same label, refused. */
  g_assert_true (spanmark_annotation_set_set_span_range (set, "s2", 4, 7, &error));
  g_assert_no_error (error);
  spanmark_annotation_set_add_span (set, 0, 2, "PLACE", NULL);
  g_assert_false (spanmark_annotation_set_set_span_range (set, "s3", 4, 7, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* Empty, reversed, past the end, unknown: refused. */
  g_assert_false (spanmark_annotation_set_set_span_range (set, "s1", 5, 5, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (spanmark_annotation_set_set_span_range (set, "s1", 4, 8, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (spanmark_annotation_set_set_span_range (set, "s9", 0, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo walks the boundary back. */
  g_assert_true (spanmark_history_undo (history));
  g_assert_true (spanmark_history_undo (history));
  span = spanmark_annotation_set_lookup_span (set, "s2");
  g_assert_cmpuint (span->start, ==, 3);
  g_assert_cmpuint (span->end, ==, 7);
  g_assert_true (spanmark_history_undo (history));
  span = spanmark_annotation_set_lookup_span (set, "s1");
  g_assert_cmpuint (span->start, ==, 3);
  g_assert_cmpuint (span->end, ==, 7);
  g_assert_true (spanmark_history_undo (history));
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, "s1")->text, ==, "涪陵");
  assert_consistent (set);
}

/* Editing a document marked done (or reviewed) makes it in progress
 * again, undone together with the edit. */
static void
test_done_reopens (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", "车俊在涪陵");
  g_autoptr(SpanmarkAnnotationSet) curated = spanmark_annotation_set_new ("d", "_curated", "车俊在涪陵");
  SpanmarkHistory *history = spanmark_annotation_set_get_history (set);

  spanmark_annotation_set_add_span (set, 0, 2, "OFFICIAL", NULL);
  spanmark_annotation_set_set_status (set, SPANMARK_STATUS_DONE);
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 2);

  spanmark_annotation_set_add_span (set, 3, 5, "PLACE", NULL);
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 3);
  g_assert_true (spanmark_history_undo (history));
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_DONE);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 1);
  g_assert_true (spanmark_history_redo (history));
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_IN_PROGRESS);

  /* Every kind of edit does it, a grouped one once. */
  spanmark_annotation_set_set_status (set, SPANMARK_STATUS_DONE);
  spanmark_annotation_set_add_entity (set, "PLACE", "涪陵");
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_IN_PROGRESS);
  spanmark_annotation_set_set_status (set, SPANMARK_STATUS_DONE);
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 3, 5, "INITIATIVE", NULL), ==, 1);
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_true (spanmark_history_undo (history));
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_DONE);

  /* A reviewed (curated) version edited in review mode is in progress
   * again too, and undo makes it reviewed again. */
  spanmark_annotation_set_set_status (curated, SPANMARK_STATUS_REVIEWED);
  spanmark_annotation_set_add_span (curated, 0, 2, "OFFICIAL", NULL);
  g_assert_cmpint (spanmark_annotation_set_get_status (curated), ==, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_true (spanmark_history_undo (spanmark_annotation_set_get_history (curated)));
  g_assert_cmpint (spanmark_annotation_set_get_status (curated), ==, SPANMARK_STATUS_REVIEWED);
}

static void
test_tag_all (void)
{
  /* 0 车 1 俊 2 ， 3 车 4 俊 5 ！ 6 车 7 俊 */
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", "车俊，车俊！车俊");
  Counts counts;

  counts_connect (set, &counts);
  spanmark_annotation_set_add_span (set, 3, 5, "OFFICIAL", NULL);
  counts.changed = 0;

  /* Skips the occurrence already tagged with that label. */
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 0, 2, "OFFICIAL", NULL), ==, 2);
  g_assert_cmpuint (counts.span_added, ==, 3);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_nonnull (spanmark_annotation_set_find_span (set, 0, 2, "OFFICIAL"));
  g_assert_nonnull (spanmark_annotation_set_find_span (set, 6, 8, "OFFICIAL"));

  /* Another label is tagged on top; a second run finds nothing new. */
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 6, 8, "PLACE", NULL), ==, 3);
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 6, 8, "PLACE", NULL), ==, 0);
  g_assert_cmpuint (counts.changed, ==, 2);

  /* Bad arguments. */
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 2, 2, "PLACE", NULL), ==, 0);
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 0, 9, "PLACE", NULL), ==, 0);
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 0, 2, "", NULL), ==, 0);
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 0, 2, "X", "e1"), ==, 0);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 6);
  assert_consistent (set);
  counts_clear (&counts);
}

static void
test_tag_all_non_overlapping (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", "aaaaaaa");

  /* "aa" in "aaaaaaa": at 0, 2, 4 — scanning left to right, no overlap. */
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 1, 3, "X", NULL), ==, 3);
  g_assert_nonnull (spanmark_annotation_set_find_span (set, 0, 2, "X"));
  g_assert_nonnull (spanmark_annotation_set_find_span (set, 2, 4, "X"));
  g_assert_nonnull (spanmark_annotation_set_find_span (set, 4, 6, "X"));
  g_assert_null (spanmark_annotation_set_find_span (set, 1, 3, "X"));
}

static void
test_tag_all_clusters (void)
{
  /* 0 e 1 ' ' 2 e 3 acute 4 ' ' 5 thumbs 6 ' ' 7 thumbs 8 skin 9 ' ' 10 e
   * 11 emoji 12 U+20000 13 ' ' 14 emoji 15 U+20000 */
  const char *text = "e e" ACUTE " " THUMBS " " THUMBS SKIN " e" EMOJI EXT_B " " EMOJI EXT_B;
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", text);
  const SpanmarkSpan *span;

  /* "e" is not the e of "é" written with a combining accent. */
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 0, 1, "X", NULL), ==, 2);
  g_assert_nonnull (spanmark_annotation_set_find_span (set, 0, 1, "X"));
  g_assert_nonnull (spanmark_annotation_set_find_span (set, 10, 11, "X"));
  g_assert_null (spanmark_annotation_set_find_span (set, 2, 3, "X"));

  /* The decomposed "é" itself is found as a whole. */
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 2, 4, "Y", NULL), ==, 1);

  /* A plain thumbs-up is not the first half of a skin-toned one. */
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 5, 6, "Z", NULL), ==, 1);
  g_assert_null (spanmark_annotation_set_find_span (set, 7, 8, "Z"));

  /* Characters outside the BMP: code-point offsets. */
  g_assert_cmpuint (spanmark_annotation_set_tag_all (set, 11, 13, "W", NULL), ==, 2);
  span = spanmark_annotation_set_find_span (set, 14, 16, "W");
  g_assert_nonnull (span);
  g_assert_cmpstr (span->text, ==, EMOJI EXT_B);
  assert_consistent (set);
}


/* Position queries against brute force */

static GPtrArray *
brute_in_range (SpanmarkAnnotationSet *set,
                guint                  start,
                guint                  end)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);
      gboolean hit = start == end ? (span->start <= start && start < span->end)
                                  : (span->start < end && span->end > start);

      if (hit)
        g_ptr_array_add (out, (gpointer) span);
    }

  return out;
}

static const SpanmarkSpan *
brute_span_at (SpanmarkAnnotationSet *set,
               guint                  offset)
{
  const SpanmarkSpan *best = NULL;

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);

      if (span->start <= offset && offset < span->end &&
          (best == NULL || span->end - span->start < best->end - best->start))
        best = span;
    }

  return best;
}

static const SpanmarkSpan *
brute_next (SpanmarkAnnotationSet *set,
            guint                  offset)
{
  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);

      if (span->start > offset)
        return span;
    }

  return NULL;
}

static const SpanmarkSpan *
brute_prev (SpanmarkAnnotationSet *set,
            guint                  offset)
{
  const SpanmarkSpan *last = NULL;

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);

      if (span->start < offset)
        last = span;
    }

  return last;
}

static void
check_queries (SpanmarkAnnotationSet *set,
               GRand                 *rand,
               guint                  n_queries)
{
  guint length = spanmark_annotation_set_get_length (set);

  assert_consistent (set);

  for (guint q = 0; q < n_queries; q++)
    {
      guint a = (guint) g_rand_int_range (rand, 0, (gint32) length + 1);
      guint b = MIN (length, a + (guint) g_rand_int_range (rand, 0, 300));
      g_autoptr(GPtrArray) got = NULL;
      g_autoptr(GPtrArray) want = NULL;

      /* Ranges, then points. */
      got = spanmark_annotation_set_get_spans_in_range (set, a, b);
      want = brute_in_range (set, a, b);
      g_assert_cmpuint (got->len, ==, want->len);
      for (guint i = 0; i < got->len; i++)
        g_assert_true (g_ptr_array_index (got, i) == g_ptr_array_index (want, i));
      g_clear_pointer (&got, g_ptr_array_unref);
      g_clear_pointer (&want, g_ptr_array_unref);

      got = spanmark_annotation_set_get_spans_in_range (set, a, a);
      want = brute_in_range (set, a, a);
      g_assert_cmpuint (got->len, ==, want->len);
      for (guint i = 0; i < got->len; i++)
        g_assert_true (g_ptr_array_index (got, i) == g_ptr_array_index (want, i));

      g_assert_true (spanmark_annotation_set_get_span_at (set, a) == brute_span_at (set, a));
      g_assert_true (spanmark_annotation_set_get_next_span (set, a) == brute_next (set, a));
      g_assert_true (spanmark_annotation_set_get_prev_span (set, a) == brute_prev (set, a));

      /* find_span for an existing span and for offsets that may not be. */
      if (spanmark_annotation_set_get_n_spans (set) > 0)
        {
          guint i = (guint) g_rand_int_range (rand, 0, (gint32) spanmark_annotation_set_get_n_spans (set));
          const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);
          const SpanmarkSpan *found = spanmark_annotation_set_find_span (set, span->start, span->end, span->label);

          g_assert_nonnull (found);
          g_assert_cmpuint (found->start, ==, span->start);
          g_assert_cmpuint (found->end, ==, span->end);
          g_assert_cmpstr (found->label, ==, span->label);
        }
    }
}

/* A random span: mostly short, some long enough to nest many others. */
static void
random_offsets (GRand *rand,
                guint  length,
                guint *start,
                guint *end)
{
  guint max_len = g_rand_int_range (rand, 0, 20) == 0 ? 5000 : 12;
  guint len = (guint) g_rand_int_range (rand, 1, (gint32) max_len + 1);

  *start = (guint) g_rand_int_range (rand, 0, (gint32) length);
  *end = MIN (length, *start + len);
}

static char *
make_text (guint length)
{
  GString *s = g_string_sized_new (length * 2);

  /* Mixed widths so byte and code-point offsets differ. */
  for (guint i = 0; i < length; i++)
    g_string_append (s, i % 7 == 0 ? "中" : i % 11 == 0 ? EMOJI : "x");

  return g_string_free (s, FALSE);
}

static const char *labels[] = { "OFFICIAL", "PLACE", "INITIATIVE" };

static void
test_queries_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *text = make_text (20000);
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "a", text);

  /* Several rounds of adds and removes, each followed by queries, so the
   * index is checked after every kind of change. */
  for (guint round = 0; round < 6; round++)
    {
      for (guint i = 0; i < 600; i++)
        {
          guint start, end;

          random_offsets (rand, 20000, &start, &end);
          g_assert_nonnull (spanmark_annotation_set_add_span (set, start, end,
                                                              labels[g_rand_int_range (rand, 0, 3)],
                                                              NULL));
        }
      for (guint i = 0; i < 150; i++)
        {
          guint n = spanmark_annotation_set_get_n_spans (set);
          const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, (guint) g_rand_int_range (rand, 0, (gint32) n));
          g_autofree char *id = g_strdup (span->id);

          g_assert_true (spanmark_annotation_set_remove_span (set, id));
        }
      check_queries (set, rand, 300);
    }

  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 6 * 450);

  /* Bulk additions ("x中" occurs hundreds of times) merge into the
   * existing spans; their undo removes them in one pass. */
  {
    guint n = spanmark_annotation_set_tag_all (set, 6, 8, "OFFICIAL", NULL);

    g_assert_cmpuint (n, >, 500);
    g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 6 * 450 + n);
    check_queries (set, rand, 200);
    g_assert_true (spanmark_history_undo (spanmark_annotation_set_get_history (set)));
    g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 6 * 450);
    check_queries (set, rand, 100);
    g_assert_true (spanmark_history_redo (spanmark_annotation_set_get_history (set)));
    g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 6 * 450 + n);
    check_queries (set, rand, 100);
  }

  /* Undo everything: the set is empty again and still answers right. */
  while (spanmark_history_undo (spanmark_annotation_set_get_history (set)))
    ;
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 0);
  check_queries (set, rand, 20);
}

static void
test_queries_40000 (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (40000);
  g_autofree char *text = make_text (1000000);
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("big", "a", text);

  /* Loaded the way a loader does, in file (sorted) order... */
  for (guint i = 0; i < 40000; i++)
    {
      g_autoptr(SpanmarkSpan) span = NULL;
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      guint start = i * 25;
      guint end = start + 1 + (guint) g_rand_int_range (rand, 0, 30);

      span = spanmark_span_new (id, start, MIN (end, 1000000), labels[i % 3], NULL);
      spanmark_annotation_set_load_span (set, span);
    }
  /* ...plus long spans that nest thousands of others. */
  for (guint i = 0; i < 20; i++)
    {
      guint start, end;

      start = (guint) g_rand_int_range (rand, 0, 990000);
      end = start + (guint) g_rand_int_range (rand, 1, 10000);
      g_assert_nonnull (spanmark_annotation_set_add_span (set, start, end, "PLACE", NULL));
    }

  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 40020);
  check_queries (set, rand, 500);
}

/* Spans without attributes (most of a corpus's) share one empty table
 * once in a set; setting an attribute on one gives it a table of its
 * own and leaves the others without; undo brings back none. */
static void
test_shared_empty_attrs (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "alice", "青溪市和临江区和云岚省");
  g_autoptr(SpanmarkSpan) a = spanmark_span_new ("s1", 0, 3, "PLACE", "青溪市");
  g_autoptr(SpanmarkSpan) b = spanmark_span_new ("s2", 4, 7, "PLACE", "临江区");
  g_autoptr(SpanmarkSpan) c = spanmark_span_new ("s3", 8, 11, "PLACE", "云岚省");
  const SpanmarkSpan *first, *second, *third;

  spanmark_annotation_set_load_span (set, a);
  spanmark_annotation_set_load_span (set, b);
  g_hash_table_insert (c->attrs, g_strdup ("kind"), g_strdup ("province"));
  spanmark_annotation_set_load_span (set, c);
  first = spanmark_annotation_set_lookup_span (set, "s1");
  second = spanmark_annotation_set_lookup_span (set, "s2");
  third = spanmark_annotation_set_lookup_span (set, "s3");
  g_assert_true (first->attrs == second->attrs);
  g_assert_true (third->attrs != first->attrs);
  g_assert_cmpstr (g_hash_table_lookup (third->attrs, "kind"), ==, "province");

  g_assert_true (spanmark_annotation_set_set_span_attr (set, "s1", "kind", "city"));
  first = spanmark_annotation_set_lookup_span (set, "s1");
  second = spanmark_annotation_set_lookup_span (set, "s2");
  g_assert_cmpstr (g_hash_table_lookup (first->attrs, "kind"), ==, "city");
  g_assert_cmpuint (g_hash_table_size (second->attrs), ==, 0);
  /* A relabel drops what the new label lacks: nothing, on the shared one. */
  g_assert_true (spanmark_annotation_set_set_span_label (set, "s2", "INITIATIVE", NULL));
  g_assert_cmpuint (g_hash_table_size (spanmark_annotation_set_lookup_span (set, "s2")->attrs), ==, 0);
  g_assert_cmpuint (g_hash_table_size (spanmark_annotation_set_lookup_span (set, "s1")->attrs), ==, 1);

  g_assert_true (spanmark_history_undo (spanmark_annotation_set_get_history (set)));
  g_assert_true (spanmark_history_undo (spanmark_annotation_set_get_history (set)));
  first = spanmark_annotation_set_lookup_span (set, "s1");
  second = spanmark_annotation_set_lookup_span (set, "s2");
  g_assert_cmpuint (g_hash_table_size (first->attrs), ==, 0);
  g_assert_cmpuint (g_hash_table_size (second->attrs), ==, 0);
  g_assert_cmpstr (second->label, ==, "PLACE");
}

/* The readers' spans come with the shared empty table, not a table of
 * their own; taken into a set they keep it, and an attribute set on one
 * goes to a table of its own, the others and the shared one staying
 * empty. */
static void
test_shared_from_reader (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "alice", "青溪市和临江区");
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_span_free);
  g_autoptr(GHashTable) shared = _spanmark_attrs_copy_or_shared (NULL);
  SpanmarkSpan *a = _spanmark_span_new_shared ("s1", 0, 3, "PLACE");
  SpanmarkSpan *b = _spanmark_span_new_shared ("s2", 4, 7, "PLACE");
  const SpanmarkSpan *first, *second;

  g_assert_true (a->attrs == shared);
  g_assert_true (b->attrs == shared);
  g_assert_null (a->text);
  g_ptr_array_add (spans, a);
  g_ptr_array_add (spans, b);
  spanmark_annotation_set_take_spans (set, spans);
  g_assert_cmpuint (spans->len, ==, 0);

  first = spanmark_annotation_set_lookup_span (set, "s1");
  second = spanmark_annotation_set_lookup_span (set, "s2");
  g_assert_true (first == a && second == b);
  g_assert_cmpstr (first->text, ==, "青溪市");
  g_assert_true (first->attrs == shared && second->attrs == shared);

  g_assert_true (spanmark_annotation_set_set_span_attr (set, "s1", "kind", "city"));
  first = spanmark_annotation_set_lookup_span (set, "s1");
  second = spanmark_annotation_set_lookup_span (set, "s2");
  g_assert_true (first->attrs != shared);
  g_assert_cmpstr (g_hash_table_lookup (first->attrs, "kind"), ==, "city");
  g_assert_cmpuint (g_hash_table_size (second->attrs), ==, 0);
  g_assert_cmpuint (g_hash_table_size (shared), ==, 0);
}

/* Loading spans by taking them: the very spans go in, in text order,
 * with their covered text from the document where they lack it; the
 * array is left empty.  A bad span (a second one with an id) loads none. */
static void
test_take_spans (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "alice", "青溪市和临江区和云岚省");
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_span_free);
  SpanmarkSpan *late = spanmark_span_new ("s3", 8, 11, "PLACE", NULL);
  SpanmarkSpan *early = spanmark_span_new ("s1", 0, 3, "PLACE", "青溪市");

  g_ptr_array_add (spans, late);
  g_ptr_array_add (spans, early);
  spanmark_annotation_set_take_spans (set, spans);
  g_assert_cmpuint (spans->len, ==, 0);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 2);
  g_assert_true (spanmark_annotation_set_get_span (set, 0) == early);
  g_assert_true (spanmark_annotation_set_get_span (set, 1) == late);
  g_assert_cmpstr (late->text, ==, "云岚省");
  g_assert_true (spanmark_annotation_set_lookup_span (set, "s3") == late);

  /* s1 again: refused, nothing loaded, the caller keeps its spans. */
  g_ptr_array_add (spans, spanmark_span_new ("s2", 4, 7, "PLACE", "临江区"));
  g_ptr_array_add (spans, spanmark_span_new ("s1", 4, 7, "INITIATIVE", "临江区"));
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  spanmark_annotation_set_take_spans (set, spans);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (spans->len, ==, 2);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 2);
  g_assert_null (spanmark_annotation_set_lookup_span (set, "s2"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annotation-set/status", test_status);
  g_test_add_func ("/annotation-set/span-boxed", test_span_boxed);
  g_test_add_func ("/annotation-set/span-compare", test_span_compare);
  g_test_add_func ("/annotation-set/entity-boxed", test_entity_boxed);
  g_test_add_func ("/annotation-set/properties", test_properties);
  g_test_add_func ("/annotation-set/empty-document", test_empty_document);
  g_test_add_func ("/annotation-set/add-span/validation", test_add_span_validation);
  g_test_add_func ("/annotation-set/add-span/text", test_add_span_text);
  g_test_add_func ("/annotation-set/nested-and-adjacent", test_nested_and_adjacent);
  g_test_add_func ("/annotation-set/ids", test_ids);
  g_test_add_func ("/annotation-set/loaders", test_loaders);
  g_test_add_func ("/annotation-set/load-spans", test_load_spans);
  g_test_add_func ("/annotation-set/span-mutators", test_span_mutators);
  g_test_add_func ("/annotation-set/entities", test_entities);
  g_test_add_func ("/annotation-set/status-change", test_status_change);
  g_test_add_func ("/annotation-set/tag-range", test_tag_range);
  g_test_add_func ("/annotation-set/relabel-attrs", test_relabel_attrs);
  g_test_add_func ("/annotation-set/span-range", test_span_range);
  g_test_add_func ("/annotation-set/done-reopens", test_done_reopens);
  g_test_add_func ("/annotation-set/tag-all/basic", test_tag_all);
  g_test_add_func ("/annotation-set/tag-all/non-overlapping", test_tag_all_non_overlapping);
  g_test_add_func ("/annotation-set/tag-all/clusters", test_tag_all_clusters);
  g_test_add_func ("/annotation-set/queries/random", test_queries_random);
  g_test_add_func ("/annotation-set/queries/40000", test_queries_40000);
  g_test_add_func ("/annotation-set/shared-empty-attrs", test_shared_empty_attrs);
  g_test_add_func ("/annotation-set/take-spans", test_take_spans);
  g_test_add_func ("/annotation-set/shared-from-reader", test_shared_from_reader);

  return g_test_run ();
}
