/* test-document-view.c — highlighting in the document view
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "app-test-util.h"
#include "spanmark-document-view.h"
#include "spanmark-history.h"
#include "spanmark-resources.h"

/* Offsets: 😀 0 (outside the BMP), a..j 1-10, space 11, 李 12, 伟 13,
 * 在 14, 𠀀 15 (outside the BMP), 港 16, 湾 17, 镇 18, 。 19. */
#define TEXT "😀abcdefghij 李伟在𠀀港湾镇。"

typedef struct
{
  SpanmarkSchema        *schema;
  SpanmarkAnnotationSet *set;
  GtkWidget             *window;
  SpanmarkDocumentView  *view;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->schema = spanmark_schema_new_default ();
  fixture->set = spanmark_annotation_set_new ("doc", "tester", TEXT);
  fixture->view = SPANMARK_DOCUMENT_VIEW (spanmark_document_view_new ());
  fixture->window = spanmark_test_present (GTK_WIDGET (fixture->view), 0, 0);
  spanmark_document_view_set_annotation_set (fixture->view, fixture->schema, fixture->set);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  spanmark_test_destroy_window (fixture->window, fixture->view);
  g_assert_finalize_object (fixture->set);
  g_assert_finalize_object (fixture->schema);
}

static guint
count (Fixture    *fixture,
       const char *tag)
{
  return spanmark_document_view_count_tagged (fixture->view, tag);
}

/* The text covered by @tag_name's first range. */
static char *
tagged_text (Fixture    *fixture,
             const char *tag_name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (spanmark_document_view_get_text_view (fixture->view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter start, end;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_starts_tag (&start, tag))
    g_assert_true (gtk_text_iter_forward_to_tag_toggle (&start, tag));
  end = start;
  gtk_text_iter_forward_to_tag_toggle (&end, tag);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_code_points (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *text = NULL;
  guint start, end;

  /* Offsets are code points: the emoji is one character. */
  g_assert_nonnull (spanmark_annotation_set_add_span (fixture->set, 1, 3, "OFFICIAL", NULL));
  text = tagged_text (fixture, "label-OFFICIAL");
  g_assert_cmpstr (text, ==, "ab");

  g_assert_nonnull (spanmark_annotation_set_add_span (fixture->set, 15, 18, "PLACE", NULL));
  g_free (text);
  text = tagged_text (fixture, "label-PLACE");
  g_assert_cmpstr (text, ==, "𠀀港湾");

  spanmark_document_view_select_range (fixture->view, 13, 15);
  spanmark_document_view_get_selection (fixture->view, &start, &end);
  g_assert_cmpuint (start, ==, 13);
  g_assert_cmpuint (end, ==, 15);
}

static void
test_nested_and_overlapping (Fixture       *fixture,
                             gconstpointer  data)
{
  const SpanmarkSpan *outer, *inner;
  g_autofree char *outer_id = NULL;

  outer = spanmark_annotation_set_add_span (fixture->set, 1, 6, "OFFICIAL", NULL);
  outer_id = g_strdup (outer->id);
  /* Overlapping, starting later: the later one is an inner span, under
   * the outer one's shade where they overlap and in its own beyond. */
  g_assert_nonnull (spanmark_annotation_set_add_span (fixture->set, 4, 9, "PLACE", NULL));
  g_assert_cmpuint (count (fixture, "label-OFFICIAL"), ==, 5);
  g_assert_cmpuint (count (fixture, "label-PLACE"), ==, 0);
  g_assert_cmpuint (count (fixture, "inner-PLACE"), ==, 5);
  g_assert_cmpuint (count (fixture, "inner-OFFICIAL"), ==, 0);

  /* Nested inside the first one. */
  inner = spanmark_annotation_set_add_span (fixture->set, 2, 3, "INITIATIVE", NULL);
  g_assert_nonnull (inner);
  g_assert_cmpuint (count (fixture, "inner-INITIATIVE"), ==, 1);

  /* Removing the outer span makes the others outer ones, and only it is
   * untagged. */
  g_assert_true (spanmark_annotation_set_remove_span (fixture->set, outer_id));
  g_assert_cmpuint (count (fixture, "label-OFFICIAL"), ==, 0);
  g_assert_cmpuint (count (fixture, "inner-PLACE"), ==, 0);
  g_assert_cmpuint (count (fixture, "inner-INITIATIVE"), ==, 0);
  g_assert_cmpuint (count (fixture, "label-PLACE"), ==, 5);
  g_assert_cmpuint (count (fixture, "label-INITIATIVE"), ==, 1);

  /* Undo puts everything back as it was. */
  g_assert_true (spanmark_history_undo (spanmark_annotation_set_get_history (fixture->set)));
  g_assert_cmpuint (count (fixture, "label-OFFICIAL"), ==, 5);
  g_assert_cmpuint (count (fixture, "inner-PLACE"), ==, 5);
  g_assert_cmpuint (count (fixture, "inner-INITIATIVE"), ==, 1);
  g_assert_cmpuint (count (fixture, "label-PLACE"), ==, 0);
}

static void
test_adjacent (Fixture       *fixture,
               gconstpointer  data)
{
  const SpanmarkSpan *first;
  g_autofree char *first_id = NULL;

  /* "港湾" then "镇" as two places: the second is drawn darker, so the two
   * do not read as one span. */
  first = spanmark_annotation_set_add_span (fixture->set, 16, 18, "PLACE", NULL);
  first_id = g_strdup (first->id);
  g_assert_nonnull (spanmark_annotation_set_add_span (fixture->set, 18, 19, "PLACE", NULL));
  g_assert_cmpuint (count (fixture, "label-PLACE"), ==, 3);
  g_assert_cmpuint (count (fixture, "next-PLACE"), ==, 1);

  /* Different labels side by side differ anyway. */
  g_assert_nonnull (spanmark_annotation_set_add_span (fixture->set, 12, 14, "OFFICIAL", NULL));
  g_assert_nonnull (spanmark_annotation_set_add_span (fixture->set, 14, 15, "PLACE", NULL));
  g_assert_cmpuint (count (fixture, "next-PLACE"), ==, 1);
  g_assert_cmpuint (count (fixture, "next-OFFICIAL"), ==, 0);

  /* Removing the first one of the pair makes the second plain again. */
  g_assert_true (spanmark_annotation_set_remove_span (fixture->set, first_id));
  g_assert_cmpuint (count (fixture, "next-PLACE"), ==, 0);
  g_assert_true (spanmark_history_undo (spanmark_annotation_set_get_history (fixture->set)));
  g_assert_cmpuint (count (fixture, "next-PLACE"), ==, 1);
}

static void
test_label_change_and_current (Fixture       *fixture,
                               gconstpointer  data)
{
  const SpanmarkSpan *span = spanmark_annotation_set_add_span (fixture->set, 13, 15, "INITIATIVE", NULL);
  g_autofree char *id = g_strdup (span->id);

  /* The span under the caret carries the "current" tag. */
  spanmark_document_view_select_range (fixture->view, 14, 14);
  g_assert_cmpuint (count (fixture, "current-INITIATIVE"), ==, 2);
  spanmark_document_view_select_range (fixture->view, 0, 0);
  g_assert_cmpuint (count (fixture, "current-INITIATIVE"), ==, 0);

  spanmark_document_view_select_range (fixture->view, 13, 13);
  g_assert_true (spanmark_annotation_set_set_span_label (fixture->set, id, "OFFICIAL", NULL));
  g_assert_cmpuint (count (fixture, "label-INITIATIVE"), ==, 0);
  g_assert_cmpuint (count (fixture, "label-OFFICIAL"), ==, 2);
  g_assert_cmpuint (count (fixture, "current-INITIATIVE"), ==, 0);
  g_assert_cmpuint (count (fixture, "current-OFFICIAL"), ==, 2);
}

static void
selection_cb (SpanmarkDocumentView *view,
              guint                 start,
              guint                 end,
              guint                *out)
{
  out[0] = start;
  out[1] = end;
  out[2]++;
}

static void
test_selection_signal (Fixture       *fixture,
                       gconstpointer  data)
{
  guint seen[3] = { 0, 0, 0 };

  g_signal_connect (fixture->view, "selection-changed", G_CALLBACK (selection_cb), seen);
  spanmark_document_view_select_range (fixture->view, 3, 7);
  g_assert_cmpuint (seen[0], ==, 3);
  g_assert_cmpuint (seen[1], ==, 7);
  g_assert_cmpuint (seen[2], >, 0);

  /* Past the end is clamped. */
  spanmark_document_view_select_range (fixture->view, 20, 500);
  g_assert_cmpuint (seen[1], ==, spanmark_annotation_set_get_length (fixture->set));

  /* Clearing the view leaves an empty, read-only text. */
  spanmark_document_view_set_annotation_set (fixture->view, NULL, NULL);
  g_assert_null (spanmark_document_view_get_annotation_set (fixture->view));
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (spanmark_document_view_get_text_view (fixture->view))), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  spanmark_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)

  ADD ("/document-view/code-points", test_code_points);
  ADD ("/document-view/nested-and-overlapping", test_nested_and_overlapping);
  ADD ("/document-view/adjacent", test_adjacent);
  ADD ("/document-view/label-change-and-current", test_label_change_and_current);
  ADD ("/document-view/selection-signal", test_selection_signal);

  return g_test_run ();
}
