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
#include "spanmark-text-view.h"

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
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->schema = spanmark_schema_new_default ();
  fixture->set = spanmark_annotation_set_new ("doc", "tester", TEXT);
  fixture->view = SPANMARK_DOCUMENT_VIEW (spanmark_document_view_new ());
  fixture->window = spanmark_test_present (GTK_WIDGET (fixture->view), 0, 0);
  spanmark_document_view_set_annotation_set (fixture->view, fixture->schema, fixture->set);
}

static void
fixture_tear_down (Fixture       *fixture,
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

static gboolean
idle (void)
{
  return !g_main_context_pending (NULL);
}

/* Suggestions and spans to review are marks of the text view's own,
 * collected (and so drawn) for the visible lines only, each in its
 * label's colour, whatever their number. */
static void
test_assist_marks_visible_only (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(SpanmarkSchema) schema = spanmark_schema_new_default ();
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GArray) assist = g_array_new (FALSE, FALSE, sizeof (SpanmarkAssistMark));
  g_autoptr(GArray) marks = NULL;
  GtkWidget *window = gtk_window_new ();
  SpanmarkDocumentView *view = SPANMARK_DOCUMENT_VIEW (spanmark_document_view_new ());
  SpanmarkTextView *text_view = SPANMARK_TEXT_VIEW (spanmark_document_view_get_text_view (view));
  guint n_lines = 2000, visible_start, visible_end, n_suggestions = 0, n_to_review = 0;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  /* Each sentence: 李伟 (0-1) suggested, 港湾镇 (3-5) to review; one
   * paragraph, wrapped into many display lines. */
  for (guint i = 0; i < n_lines; i++)
    {
      SpanmarkAssistMark suggestion = { SPANMARK_MARK_SUGGESTION, i * 7, i * 7 + 2, g_intern_string ("OFFICIAL") };
      SpanmarkAssistMark review = { SPANMARK_MARK_TO_REVIEW, i * 7 + 3, i * 7 + 6, g_intern_string ("PLACE") };

      g_string_append (text, "李伟在港湾镇。");
      g_array_append_val (assist, suggestion);
      g_array_append_val (assist, review);
    }
  set = spanmark_annotation_set_new ("doc", "tester", text->str);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  spanmark_document_view_set_annotation_set (view, schema, set);
  spanmark_text_view_set_assist_marks (text_view, schema, assist);
  gtk_window_present (GTK_WINDOW (window));
  while (!idle ())
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }

  marks = spanmark_text_view_collect_marks (text_view);
  spanmark_text_view_get_visible_range (text_view, &visible_start, &visible_end);
  g_assert_cmpuint (visible_end, <, n_lines * 7 / 2);
  for (guint i = 0; i < marks->len; i++)
    {
      const SpanmarkMark *mark = &g_array_index (marks, SpanmarkMark, i);

      g_assert_cmpuint (mark->end, >, visible_start);
      g_assert_cmpuint (mark->start, <, visible_end);
      g_assert_cmpint (mark->rect.width, >, 0);
      g_assert_cmpint (mark->rect.height, >, 0);
      if (mark->kind == SPANMARK_MARK_SUGGESTION)
        {
          g_assert_cmpstr (mark->label, ==, "OFFICIAL");
          g_assert_cmpuint (mark->start % 7, ==, 0);
          n_suggestions++;
        }
      else
        {
          g_assert_cmpint (mark->kind, ==, SPANMARK_MARK_TO_REVIEW);
          g_assert_cmpstr (mark->label, ==, "PLACE");
          g_assert_cmpuint (mark->start % 7, ==, 3);
          n_to_review++;
        }
    }
  g_assert_cmpuint (n_suggestions, >, 0);
  g_assert_cmpuint (n_to_review, >, 0);
  g_assert_cmpuint (n_suggestions + n_to_review, <, 200);

  /* None: nothing drawn. */
  spanmark_text_view_set_assist_marks (text_view, NULL, NULL);
  g_clear_pointer (&marks, g_array_unref);
  marks = spanmark_text_view_collect_marks (text_view);
  g_assert_cmpuint (marks->len, ==, 0);

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  spanmark_test_init (&argc, &argv);

  SPANMARK_TEST_ADD ("/document-view/code-points", test_code_points);
  SPANMARK_TEST_ADD ("/document-view/nested-and-overlapping", test_nested_and_overlapping);
  SPANMARK_TEST_ADD ("/document-view/adjacent", test_adjacent);
  SPANMARK_TEST_ADD ("/document-view/label-change-and-current", test_label_change_and_current);
  SPANMARK_TEST_ADD ("/document-view/selection-signal", test_selection_signal);
  g_test_add_func ("/document-view/assist-marks-visible-only", test_assist_marks_visible_only);

  return g_test_run ();
}
