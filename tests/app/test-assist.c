/* test-assist.c — suggestions in the window, driven through its actions and keys
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project of two documents.  Annotator "wang" tagged "a" (车俊 OFFICIAL
 * and 涪陵区 PLACE), so the corpus suggests, in "a" for the tester,
 *   车俊 (1st) · 涪陵区 (1st) · 车俊 (2nd) · 涪陵区 (2nd)
 * and dictionaries/places.tsv gives 果园港 PLACE, found in "b", where the
 * tester's file also holds a span to review (added by pretag): 涪陵区.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "app-test-util.h"
#include "spanmark-consistency-panel.h"
#include "spanmark-history.h"
#include "spanmark-settings.h"
#include "spanmark-text-view.h"
#include "spanmark-window.h"

#define ANNOTATOR "tester"

#define TEXT_A "浙江省委书记车俊在涪陵区考察。车俊指出，涪陵区要抓好生态保护。"
#define TEXT_B "车俊来到果园港。涪陵区的发展很快。"

typedef struct
{
  char           *tmp;
  char           *project_path;
  SpanmarkWindow *window;
} Fixture;

static gboolean
corpus_read (gpointer data)
{
  Fixture *fixture = data;

  return !spanmark_window_get_corpus_pending (fixture->window) && !g_main_context_pending (NULL);
}

static void
wait_until (Fixture  *fixture,
            gboolean (*condition) (gpointer))
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (fixture))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

static gboolean
idle (gpointer data)
{
  return !g_main_context_pending (NULL);
}

static guint
at (const char *text,
    const char *needle,
    guint       nth)
{
  return spanmark_test_offset_of (text, needle, nth);
}

static void
tag (SpanmarkAnnotationSet *set,
     const char            *needle,
     guint                  nth,
     const char            *label)
{
  g_autoptr(GError) error = NULL;
  guint start = at (spanmark_annotation_set_get_text (set), needle, nth);

  g_assert_nonnull (spanmark_annotation_set_add_span (set, start, start + g_utf8_strlen (needle, -1), label, &error));
  g_assert_no_error (error);
}

static void
open_window (Fixture *fixture)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->project_path);

  fixture->window = spanmark_test_new_window (dir);
  wait_until (fixture, corpus_read);
}

static void
close_window (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  wait_until (fixture, idle);
  g_assert_finalize_object (fixture->window);
  fixture->window = NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GSettings *settings = spanmark_settings_get_gsettings (spanmark_settings_get_default ());
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkAnnotationSet) wang = NULL;
  g_autoptr(SpanmarkAnnotationSet) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dictionaries = NULL;
  g_autofree char *tsv = NULL;
  SpanmarkDocument *a, *b;
  guint start;

  g_settings_set_string (settings, "annotator-name", ANNOTATOR);
  g_settings_set_uint (settings, "autosave-delay", 60);

  fixture->tmp = spanmark_test_make_project ("assist", "Assist", &fixture->project_path, &project);
  a = spanmark_project_add_document (project, "a", TEXT_A, NULL, &error);
  g_assert_no_error (error);
  b = spanmark_project_add_document (project, "b", TEXT_B, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (spanmark_project_save (project, &error));

  wang = spanmark_project_load_annotations (project, a, "wang", &error);
  g_assert_no_error (error);
  tag (wang, "车俊", 0, "OFFICIAL");
  tag (wang, "涪陵区", 0, "PLACE");
  g_assert_true (spanmark_project_save_annotations (project, wang, &error));

  mine = spanmark_project_load_annotations (project, b, ANNOTATOR, &error);
  g_assert_no_error (error);
  tag (mine, "涪陵区", 0, "PLACE");
  start = at (TEXT_B, "涪陵区", 0);
  spanmark_annotation_set_set_span_pretag (mine, spanmark_annotation_set_get_span_at (mine, start)->id,
                                           "dict:places.tsv");
  g_assert_true (spanmark_project_save_annotations (project, mine, &error));

  dictionaries = g_build_filename (fixture->project_path, "dictionaries", NULL);
  g_assert_cmpint (g_mkdir (dictionaries, 0755), ==, 0);
  tsv = g_build_filename (dictionaries, "places.tsv", NULL);
  spanmark_test_write_file (tsv, "# places\n果园港\tPLACE\n", -1);

  open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    close_window (fixture);
  spanmark_test_remove_tree (fixture->tmp);
  g_free (fixture->project_path);
  g_free (fixture->tmp);
}

static SpanmarkAnnotationSet *
set_of (Fixture *fixture)
{
  return spanmark_window_get_annotation_set (fixture->window);
}

static const char *
doc_id (Fixture *fixture)
{
  return spanmark_document_get_id (spanmark_window_get_document (fixture->window));
}

static guint
n_undo (Fixture *fixture)
{
  return spanmark_history_get_n_undo_steps (spanmark_annotation_set_get_history (set_of (fixture)));
}

static void
open_doc (Fixture    *fixture,
          const char *id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-document", "s", id));
  g_assert_cmpstr (doc_id (fixture), ==, id);
}

static gboolean
press (Fixture         *fixture,
       guint            keyval,
       GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "spanmark-keys") == 0)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

static void
assert_selection (Fixture *fixture,
                  guint    start,
                  guint    end)
{
  guint s, e;

  spanmark_document_view_get_selection (spanmark_window_get_document_view (fixture->window), &s, &e);
  g_assert_cmpuint (s, ==, start);
  g_assert_cmpuint (e, ==, end);
}

static void
select_range (Fixture *fixture,
              guint    start,
              guint    end)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.select-range",
                                             "(uu)", start, end));
}

static guint
n_suggestions (Fixture *fixture)
{
  GPtrArray *suggestions = spanmark_window_get_suggestions (fixture->window);

  g_assert_nonnull (suggestions);
  return suggestions->len;
}

static guint
n_marks (Fixture         *fixture,
         SpanmarkMarkKind kind)
{
  GtkTextView *view = spanmark_document_view_get_text_view (spanmark_window_get_document_view (fixture->window));
  g_autoptr(GArray) marks = NULL;
  guint n = 0;

  wait_until (fixture, idle);
  marks = spanmark_text_view_collect_marks (SPANMARK_TEXT_VIEW (view));
  for (guint i = 0; i < marks->len; i++)
    if (g_array_index (marks, SpanmarkMark, i).kind == kind)
      n++;
  return n;
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return spanmark_test_label_text (GTK_WIDGET (fixture->window), name);
}

/* The corpus (another annotator's file, read off the main thread) gives
 * suggestions, drawn as marks of their own, counted in the header and
 * the Check page, and never saved as spans. */
static void
test_suggestions_shown (Fixture       *fixture,
                        gconstpointer  data)
{
  GPtrArray *suggestions;
  const SpanmarkSuggestion *first;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkAnnotationSet) saved = NULL;
  SpanmarkProject *project = spanmark_window_get_project (fixture->window);

  g_assert_cmpstr (doc_id (fixture), ==, "a");
  suggestions = spanmark_window_get_suggestions (fixture->window);
  g_assert_cmpuint (suggestions->len, ==, 4);
  first = g_ptr_array_index (suggestions, 0);
  g_assert_cmpuint (first->start, ==, at (TEXT_A, "车俊", 0));
  g_assert_cmpstr (spanmark_suggestion_get_label (first), ==, "OFFICIAL");
  g_assert_cmpstr (spanmark_suggestion_get_label (g_ptr_array_index (suggestions, 1)), ==, "PLACE");
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set_of (fixture)), ==, 0);

  g_assert_cmpuint (n_marks (fixture, SPANMARK_MARK_SUGGESTION), ==, 4);
  g_assert_cmpstr (label_text (fixture, "suggestion-count"), ==, "4 suggested");
  g_assert_true (gtk_widget_get_visible (spanmark_test_find_named (GTK_WIDGET (fixture->window), "suggestion-count")));
  g_assert_cmpstr (label_text (fixture, "assist-count"), ==, "4 suggestions");

  /* Saving writes no span. */
  spanmark_annotation_set_set_status (set_of (fixture), SPANMARK_STATUS_IN_PROGRESS);
  g_assert_true (spanmark_window_save (fixture->window, &error));
  g_assert_no_error (error);
  saved = spanmark_project_load_annotations (project, spanmark_window_get_document (fixture->window), ANNOTATOR,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (saved), ==, 0);

  /* The dictionary's entry in the other document; the span to review
   * there is drawn as one and counted. */
  open_doc (fixture, "b");
  suggestions = spanmark_window_get_suggestions (fixture->window);
  g_assert_cmpuint (suggestions->len, >=, 1);
  g_assert_cmpuint (((SpanmarkSuggestion *) g_ptr_array_index (suggestions, 1))->start, ==, at (TEXT_B, "果园港", 0));
  g_assert_cmpstr (spanmark_suggestion_get_source (g_ptr_array_index (suggestions, 1)), ==, "dict:places.tsv");
  g_assert_cmpuint (spanmark_window_get_n_to_review (fixture->window), ==, 1);
  g_assert_cmpuint (n_marks (fixture, SPANMARK_MARK_TO_REVIEW), ==, 1);
  g_assert_cmpstr (label_text (fixture, "assist-count"), ==, "2 suggestions, 1 span to review");
}

/* Return goes to the first suggestion, then accepts one a key, the caret
 * moving on by itself; each acceptance is one undo step. */
static void
test_accept_next (Fixture       *fixture,
                  gconstpointer  data)
{
  guint chejun = at (TEXT_A, "车俊", 0), fuling = at (TEXT_A, "涪陵区", 0);
  const SpanmarkSpan *span;
  guint steps = n_undo (fixture);

  assert_selection (fixture, 0, 0);
  g_assert_true (press (fixture, GDK_KEY_Return, 0));
  assert_selection (fixture, chejun, chejun + 2);
  g_assert_cmpuint (n_undo (fixture), ==, steps);

  g_assert_true (press (fixture, GDK_KEY_Return, 0));
  span = spanmark_annotation_set_find_span (set_of (fixture), chejun, chejun + 2, "OFFICIAL");
  g_assert_nonnull (span);
  g_assert_null (span->pretag);
  g_assert_cmpuint (n_undo (fixture), ==, steps + 1);
  assert_selection (fixture, fuling, fuling + 3);
  g_assert_cmpuint (n_suggestions (fixture), ==, 3);
  g_assert_cmpstr (label_text (fixture, "suggestion-count"), ==, "3 suggested");

  g_assert_true (press (fixture, GDK_KEY_Return, 0));
  g_assert_nonnull (spanmark_annotation_set_find_span (set_of (fixture), fuling, fuling + 3, "PLACE"));
  assert_selection (fixture, at (TEXT_A, "车俊", 1), at (TEXT_A, "车俊", 1) + 2);

  /* Undo takes back one acceptance at a time, and the suggestion is back. */
  g_assert_true (press (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_null (spanmark_annotation_set_find_span (set_of (fixture), fuling, fuling + 3, "PLACE"));
  g_assert_nonnull (spanmark_annotation_set_find_span (set_of (fixture), chejun, chejun + 2, "OFFICIAL"));
  g_assert_cmpuint (n_suggestions (fixture), ==, 3);
  g_assert_true (press (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set_of (fixture)), ==, 0);
  g_assert_cmpuint (n_suggestions (fixture), ==, 4);
}

/* n and Shift+N go round the suggestions, both ways. */
static void
test_next_prev (Fixture       *fixture,
                gconstpointer  data)
{
  guint last = at (TEXT_A, "涪陵区", 1);

  g_assert_true (press (fixture, GDK_KEY_n, 0));
  assert_selection (fixture, at (TEXT_A, "车俊", 0), at (TEXT_A, "车俊", 0) + 2);
  g_assert_true (press (fixture, GDK_KEY_n, 0));
  assert_selection (fixture, at (TEXT_A, "涪陵区", 0), at (TEXT_A, "涪陵区", 0) + 3);
  g_assert_true (press (fixture, GDK_KEY_N, GDK_SHIFT_MASK));
  assert_selection (fixture, at (TEXT_A, "车俊", 0), at (TEXT_A, "车俊", 0) + 2);
  g_assert_true (press (fixture, GDK_KEY_N, GDK_SHIFT_MASK));
  assert_selection (fixture, last, last + 3);
  g_assert_true (press (fixture, GDK_KEY_n, 0));
  assert_selection (fixture, at (TEXT_A, "车俊", 0), at (TEXT_A, "车俊", 0) + 2);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set_of (fixture)), ==, 0);
}

static gboolean
is_rejected (SpanmarkAnnotationSet *set,
             guint                  start,
             guint                  end,
             const char            *label)
{
  return spanmark_annotation_set_is_rejected (set, start, end, label);
}

/* Backspace and x reject: one undo step, kept in the annotator's file,
 * so the suggestion does not come back when the document is opened
 * again, nor in a new window. */
static void
test_reject_persists (Fixture       *fixture,
                      gconstpointer  data)
{
  guint fuling = at (TEXT_A, "涪陵区", 0), chejun2 = at (TEXT_A, "车俊", 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  guint steps = n_undo (fixture);

  select_range (fixture, fuling, fuling);
  g_assert_true (press (fixture, GDK_KEY_BackSpace, 0));
  g_assert_true (is_rejected (set_of (fixture), fuling, fuling + 3, "PLACE"));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set_of (fixture)), ==, 0);
  g_assert_cmpuint (n_undo (fixture), ==, steps + 1);
  g_assert_cmpuint (n_suggestions (fixture), ==, 3);
  /* The caret went on to the next suggestion. */
  assert_selection (fixture, chejun2, chejun2 + 2);

  g_assert_true (press (fixture, GDK_KEY_x, 0));
  g_assert_true (is_rejected (set_of (fixture), chejun2, chejun2 + 2, "OFFICIAL"));
  g_assert_cmpuint (n_suggestions (fixture), ==, 2);
  g_assert_true (press (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_false (is_rejected (set_of (fixture), chejun2, chejun2 + 2, "OFFICIAL"));
  g_assert_cmpuint (n_suggestions (fixture), ==, 3);

  /* Away and back: read from the file. */
  open_doc (fixture, "b");
  path = g_build_filename (fixture->project_path, "annotations", ANNOTATOR, "a.json", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "\"rejected\""));
  open_doc (fixture, "a");
  g_assert_true (is_rejected (set_of (fixture), fuling, fuling + 3, "PLACE"));
  g_assert_cmpuint (n_suggestions (fixture), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (((SpanmarkSuggestion *) g_ptr_array_index (spanmark_window_get_suggestions (fixture->window), i))->start,
                      !=, fuling);

  close_window (fixture);
  open_window (fixture);
  g_assert_cmpstr (doc_id (fixture), ==, "a");
  g_assert_cmpuint (n_suggestions (fixture), ==, 3);
}

/* Shift+Return accepts every suggestion of that text, Ctrl+Shift+Return
 * every one: one undo step each. */
static void
test_accept_same_and_all (Fixture       *fixture,
                          gconstpointer  data)
{
  guint steps = n_undo (fixture);

  select_range (fixture, at (TEXT_A, "车俊", 1), at (TEXT_A, "车俊", 1));
  g_assert_true (press (fixture, GDK_KEY_Return, GDK_SHIFT_MASK));
  g_assert_nonnull (spanmark_annotation_set_find_span (set_of (fixture), at (TEXT_A, "车俊", 0),
                                                       at (TEXT_A, "车俊", 0) + 2, "OFFICIAL"));
  g_assert_nonnull (spanmark_annotation_set_find_span (set_of (fixture), at (TEXT_A, "车俊", 1),
                                                       at (TEXT_A, "车俊", 1) + 2, "OFFICIAL"));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set_of (fixture)), ==, 2);
  g_assert_cmpuint (n_undo (fixture), ==, steps + 1);
  g_assert_cmpuint (n_suggestions (fixture), ==, 2);

  g_assert_true (press (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set_of (fixture)), ==, 0);

  g_assert_true (press (fixture, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set_of (fixture)), ==, 4);
  g_assert_cmpuint (n_undo (fixture), ==, steps + 1);
  g_assert_cmpuint (n_suggestions (fixture), ==, 0);
  g_assert_false (gtk_widget_get_visible (spanmark_test_find_named (GTK_WIDGET (fixture->window), "suggestion-count")));

  g_assert_true (press (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set_of (fixture)), ==, 0);
  g_assert_cmpuint (n_suggestions (fixture), ==, 4);
}

/* A span to review (pretag): Return makes it the annotator's, x removes
 * it and keeps it from coming back; both undoable. */
static void
test_to_review (Fixture       *fixture,
                gconstpointer  data)
{
  guint fuling = at (TEXT_B, "涪陵区", 0);
  const SpanmarkSpan *span;

  open_doc (fixture, "b");
  select_range (fixture, fuling, fuling + 3);
  g_assert_true (press (fixture, GDK_KEY_Return, 0));
  span = spanmark_annotation_set_find_span (set_of (fixture), fuling, fuling + 3, "PLACE");
  g_assert_nonnull (span);
  g_assert_null (span->pretag);
  g_assert_cmpuint (spanmark_window_get_n_to_review (fixture->window), ==, 0);
  g_assert_cmpuint (n_marks (fixture, SPANMARK_MARK_TO_REVIEW), ==, 0);
  g_assert_true (press (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (spanmark_window_get_n_to_review (fixture->window), ==, 1);

  select_range (fixture, fuling + 1, fuling + 1);
  g_assert_true (press (fixture, GDK_KEY_x, 0));
  g_assert_null (spanmark_annotation_set_find_span (set_of (fixture), fuling, fuling + 3, "PLACE"));
  g_assert_true (is_rejected (set_of (fixture), fuling, fuling + 3, "PLACE"));
  g_assert_cmpuint (spanmark_window_get_n_to_review (fixture->window), ==, 0);
  g_assert_true (press (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_nonnull (spanmark_annotation_set_find_span (set_of (fixture), fuling, fuling + 3, "PLACE"));
  g_assert_false (is_rejected (set_of (fixture), fuling, fuling + 3, "PLACE"));
}

/* An OFFICIAL after a title: the title is offered, t sets it on the
 * entity (one undo step). */
static void
test_title (Fixture       *fixture,
            gconstpointer  data)
{
  const SpanmarkTitleSuggestion *title;
  const SpanmarkSpan *span;
  const SpanmarkEntity *entity;
  guint chejun = at (TEXT_A, "车俊", 0);

  select_range (fixture, chejun, chejun);
  g_assert_true (press (fixture, GDK_KEY_Return, 0));
  title = spanmark_window_get_title_suggestion (fixture->window);
  g_assert_nonnull (title);
  g_assert_cmpstr (title->title, ==, "浙江省委书记");
  g_assert_true (press (fixture, GDK_KEY_t, 0));
  g_assert_null (spanmark_window_get_title_suggestion (fixture->window));
  span = spanmark_annotation_set_find_span (set_of (fixture), chejun, chejun + 2, "OFFICIAL");
  g_assert_nonnull (span->entity);
  entity = spanmark_annotation_set_lookup_entity (set_of (fixture), span->entity);
  g_assert_cmpstr (g_hash_table_lookup (entity->attrs, "title"), ==, "浙江省委书记");

  g_assert_true (press (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
  span = spanmark_annotation_set_find_span (set_of (fixture), chejun, chejun + 2, "OFFICIAL");
  g_assert_nonnull (span);
  entity = span->entity != NULL ? spanmark_annotation_set_lookup_entity (set_of (fixture), span->entity) : NULL;
  g_assert_true (entity == NULL || g_hash_table_lookup (entity->attrs, "title") == NULL);

  /* Nothing offered: t does nothing. */
  g_assert_false (press (fixture, GDK_KEY_t, 0));
}

/* Alt+2 tags every occurrence as the label of key 2, whatever panel is
 * showing, and that label's panel comes forward; a label key on a
 * suggestion accepts it as that label. */
static void
test_tag_all_keys (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (spanmark_window_get_label_panel (fixture->window,
                                                                                                 "OFFICIAL"))));
  guint fuling = at (TEXT_A, "涪陵区", 0), chejun = at (TEXT_A, "车俊", 0);
  guint steps = n_undo (fixture);

  gtk_stack_set_visible_child_name (stack, "INITIATIVE");
  select_range (fixture, fuling, fuling + 3);
  g_assert_true (press (fixture, GDK_KEY_2, GDK_ALT_MASK));
  g_assert_nonnull (spanmark_annotation_set_find_span (set_of (fixture), fuling, fuling + 3, "PLACE"));
  g_assert_nonnull (spanmark_annotation_set_find_span (set_of (fixture), at (TEXT_A, "涪陵区", 1),
                                                       at (TEXT_A, "涪陵区", 1) + 3, "PLACE"));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set_of (fixture)), ==, 2);
  g_assert_cmpuint (n_undo (fixture), ==, steps + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "PLACE");

  /* The caret on a suggestion: its label's key accepts it with its
   * entity, another label's key does not. */
  select_range (fixture, chejun + 1, chejun + 1);
  g_assert_true (press (fixture, GDK_KEY_2, 0));
  g_assert_null (spanmark_annotation_set_find_span (set_of (fixture), chejun, chejun + 2, "PLACE"));
  g_assert_true (press (fixture, GDK_KEY_1, 0));
  g_assert_nonnull (spanmark_annotation_set_find_span (set_of (fixture), chejun, chejun + 2, "OFFICIAL"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "PLACE");
}

/* The Check page lists what is tagged elsewhere but not here, and what
 * is tagged here with another label; a row jumps to its place. */
static void
test_consistency (Fixture       *fixture,
                  gconstpointer  data)
{
  SpanmarkConsistencyPanel *panel =
    SPANMARK_CONSISTENCY_PANEL (spanmark_test_find_named (GTK_WIDGET (fixture->window), "consistency-panel"));
  GtkWidget *list = spanmark_test_find_named (GTK_WIDGET (panel), "consistency-list");
  guint chejun = at (TEXT_A, "车俊", 0), fuling2 = at (TEXT_A, "涪陵区", 1);
  g_autofree char *first = NULL;
  GtkWidget *empty;
  guint n;

  /* 车俊 as a PLACE here, an OFFICIAL elsewhere. */
  select_range (fixture, chejun, chejun + 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.tag", "s", "PLACE"));
  wait_until (fixture, idle);
  n = spanmark_consistency_panel_get_n_places (panel);
  g_assert_cmpuint (n, >=, 3);
  first = spanmark_consistency_panel_describe (panel, 0);
  g_assert_cmpstr (first, ==, "车俊 — Places here; Officials (1 time) elsewhere");
  empty = spanmark_test_find_named (GTK_WIDGET (panel), "consistency-empty");
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (empty))) != empty);

  /* Hidden, the list has no items and so no rows; shown, it has them all. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))), ==, 0);
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (panel))), GTK_WIDGET (panel));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))), ==, n);

  gtk_widget_grab_focus (list);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", n - 1));
  assert_selection (fixture, fuling2, fuling2 + 3);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (spanmark_document_view_get_text_view (
    spanmark_window_get_document_view (fixture->window)))));
}

/* The single keys belong to typing everywhere but the text. */
static void
test_keys_leave_entries (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *entry = spanmark_test_find_named (GTK_WIDGET (fixture->window), "search-entry");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  gtk_widget_grab_focus (entry);
  g_assert_false (press (fixture, GDK_KEY_n, 0));
  g_assert_false (press (fixture, GDK_KEY_x, 0));
  g_assert_false (press (fixture, GDK_KEY_BackSpace, 0));
  g_assert_false (press (fixture, GDK_KEY_Return, 0));
  g_assert_false (press (fixture, GDK_KEY_2, GDK_ALT_MASK));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set_of (fixture)), ==, 0);
  g_assert_cmpuint (spanmark_annotation_set_get_n_rejections (set_of (fixture)), ==, 0);
}

/* The annotator tags the first 车俊 of "a" on disk, after @n_documents
 * documents are in the project (small ones added to reach it). */
static void
tag_first_on_disk (GFile *dir,
                   guint  n_documents)
{
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkAnnotationSet) mine = NULL;
  g_autoptr(GError) error = NULL;

  project = spanmark_project_open (dir, &error);
  g_assert_no_error (error);
  for (guint i = 0; spanmark_project_get_n_documents (project) < n_documents; i++)
    {
      g_autofree char *id = g_strdup_printf ("z%04u", i);

      g_assert_nonnull (spanmark_project_add_document (project, id, "某地新闻。", NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (spanmark_project_save (project, &error));
  g_assert_no_error (error);
  mine = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "a"),
                                            ANNOTATOR, &error);
  g_assert_no_error (error);
  tag (mine, "车俊", 0, "OFFICIAL");
  g_assert_true (spanmark_project_save_annotations (project, mine, &error));
  g_assert_no_error (error);
}

/* The open set while the pass over the corpus runs: the window has it
 * loaded, the pass does not read it again, and once the pass is in, the
 * window's counting of it (made before the pass) carries over and goes
 * on following its edits. */
static void
test_open_set_during_pass (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->project_path);
  g_autoptr(GError) error = NULL;
  GPtrArray *suggestions;

  close_window (fixture);
  tag_first_on_disk (dir, 0);

  fixture->window = spanmark_test_new_window (dir);
  g_assert_cmpstr (doc_id (fixture), ==, "a");
  g_assert_true (spanmark_window_get_corpus_pending (fixture->window));
  /* Asked for before the corpus is in: the open document's own. */
  g_assert_cmpuint (n_suggestions (fixture), ==, 1);

  wait_until (fixture, corpus_read);
  suggestions = spanmark_window_get_suggestions (fixture->window);
  g_assert_cmpuint (suggestions->len, ==, 3);
  g_assert_cmpuint (((SpanmarkSuggestion *) g_ptr_array_index (suggestions, 0))->start, ==, at (TEXT_A, "涪陵区", 0));
  g_assert_cmpuint (((SpanmarkSuggestion *) g_ptr_array_index (suggestions, 1))->start, ==, at (TEXT_A, "车俊", 1));
  g_assert_cmpuint (n_marks (fixture, SPANMARK_MARK_SUGGESTION), ==, 3);

  /* Still followed: tagged another way here, 涪陵区 is a tie elsewhere. */
  tag (set_of (fixture), "涪陵区", 0, "INITIATIVE");
  suggestions = spanmark_window_get_suggestions (fixture->window);
  g_assert_cmpuint (suggestions->len, ==, 2);
  g_assert_cmpuint (((SpanmarkSuggestion *) g_ptr_array_index (suggestions, 1))->start, ==, at (TEXT_A, "涪陵区", 1));
  g_assert_true (spanmark_suggestion_is_tie (g_ptr_array_index (suggestions, 1)));
}

/* In a large corpus the open document's suggestions do not wait for
 * the pass (it takes tens of seconds there): they are drawn as it
 * opens, before the pass has started. */
static void
test_large_corpus_suggests_at_once (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->project_path);
  g_autoptr(GError) error = NULL;
  GtkTextView *view;
  g_autoptr(GArray) marks = NULL;
  guint n = 0;

  /* "a" first in the list, then enough documents to be large. */
  tag_first_on_disk (dir, 1000);

  /* No main loop iteration in between: the pass has not started. */
  g_assert_true (spanmark_window_open_project (fixture->window, dir, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (doc_id (fixture), ==, "a");
  g_assert_true (spanmark_window_get_corpus_pending (fixture->window));
  view = spanmark_document_view_get_text_view (spanmark_window_get_document_view (fixture->window));
  marks = spanmark_text_view_collect_marks (SPANMARK_TEXT_VIEW (view));
  for (guint i = 0; i < marks->len; i++)
    n += g_array_index (marks, SpanmarkMark, i).kind == SPANMARK_MARK_SUGGESTION;
  /* The second 车俊, from the open document's own tagging. */
  g_assert_cmpuint (n, ==, 1);
  wait_until (fixture, corpus_read);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* A new window on @dir, once its first frame is painted: the pass over
 * the corpus starts at that frame. */
static void
open_to_first_frame (Fixture *fixture,
                     GFile   *dir)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock;
  gulong id;

  fixture->window = spanmark_test_new_window (dir);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

/* The open set edited after the pass started, before it is in: the
 * suggestions the pass searched for the set as it was are not taken,
 * the list is the set's as it is. */
static void
test_edit_during_pass (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->project_path);
  GPtrArray *suggestions;

  close_window (fixture);
  tag_first_on_disk (dir, 0);

  open_to_first_frame (fixture, dir);
  /* Started at that frame, not in yet. */
  g_assert_true (spanmark_window_get_corpus_pending (fixture->window));
  tag (set_of (fixture), "涪陵区", 0, "INITIATIVE");

  wait_until (fixture, corpus_read);
  suggestions = spanmark_window_get_suggestions (fixture->window);
  g_assert_cmpuint (suggestions->len, ==, 2);
  g_assert_cmpuint (((SpanmarkSuggestion *) g_ptr_array_index (suggestions, 0))->start, ==, at (TEXT_A, "车俊", 1));
  g_assert_cmpuint (((SpanmarkSuggestion *) g_ptr_array_index (suggestions, 1))->start, ==, at (TEXT_A, "涪陵区", 1));
  g_assert_true (spanmark_suggestion_is_tie (g_ptr_array_index (suggestions, 1)));
  g_assert_cmpuint (n_marks (fixture, SPANMARK_MARK_SUGGESTION), ==, 2);
}

/* Another document opened after the pass started: the suggestions the
 * pass searched were the first document's; the list is the new one's. */
static void
test_switch_during_pass (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->project_path);
  GPtrArray *suggestions;

  close_window (fixture);
  open_to_first_frame (fixture, dir);
  g_assert_true (spanmark_window_get_corpus_pending (fixture->window));
  open_doc (fixture, "b");

  wait_until (fixture, corpus_read);
  suggestions = spanmark_window_get_suggestions (fixture->window);
  g_assert_cmpuint (suggestions->len, ==, 2);
  g_assert_cmpuint (((SpanmarkSuggestion *) g_ptr_array_index (suggestions, 1))->start, ==, at (TEXT_B, "果园港", 0));
  g_assert_cmpstr (label_text (fixture, "assist-count"), ==, "2 suggestions, 1 span to review");
}

static gboolean
busy_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
corpus_in (gpointer data)
{
  Fixture *fixture = data;

  return !spanmark_window_get_corpus_pending (fixture->window);
}

/* The pass over the corpus starts at the window's first frame, while
 * the main loop is still busy laying out a long text (the text view does
 * it in idle chunks above the default idle priority, for seconds): it
 * used to wait for the main loop to be idle, then ran after the layout
 * instead of beside it.  A source that never lets the main loop be idle
 * stands for the layout; the window is shown once before its project is
 * opened (as the application does) and once after (as the benchmark). */
static void
test_pass_beside_layout (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->project_path);
  g_autoptr(GError) error = NULL;

  for (guint shown_first = 0; shown_first < 2; shown_first++)
    {
      guint busy;

      close_window (fixture);
      busy = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, busy_cb, NULL, NULL);
      if (shown_first)
        fixture->window = spanmark_test_new_window (dir);
      else
        {
          fixture->window = g_object_ref_sink (spanmark_window_new (NULL));
          g_assert_true (spanmark_window_open_project (fixture->window, dir, &error));
          g_assert_no_error (error);
          gtk_window_present (GTK_WINDOW (fixture->window));
        }
      g_assert_true (spanmark_window_get_corpus_pending (fixture->window));
      wait_until (fixture, corpus_in);
      g_source_remove (busy);
      /* What the pass brought is in: the corpus's suggestions. */
      wait_until (fixture, idle);
      g_assert_cmpuint (n_suggestions (fixture), >, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  spanmark_test_init (&argc, &argv);

  SPANMARK_TEST_ADD ("/assist/suggestions-shown", test_suggestions_shown);
  SPANMARK_TEST_ADD ("/assist/accept-next", test_accept_next);
  SPANMARK_TEST_ADD ("/assist/next-prev", test_next_prev);
  SPANMARK_TEST_ADD ("/assist/reject-persists", test_reject_persists);
  SPANMARK_TEST_ADD ("/assist/accept-same-and-all", test_accept_same_and_all);
  SPANMARK_TEST_ADD ("/assist/to-review", test_to_review);
  SPANMARK_TEST_ADD ("/assist/title", test_title);
  SPANMARK_TEST_ADD ("/assist/tag-all-keys", test_tag_all_keys);
  SPANMARK_TEST_ADD ("/assist/consistency", test_consistency);
  SPANMARK_TEST_ADD ("/assist/keys-leave-entries", test_keys_leave_entries);
  SPANMARK_TEST_ADD ("/assist/open-set-during-pass", test_open_set_during_pass);
  SPANMARK_TEST_ADD ("/assist/large-corpus-suggests-at-once", test_large_corpus_suggests_at_once);
  SPANMARK_TEST_ADD ("/assist/pass-beside-layout", test_pass_beside_layout);
  SPANMARK_TEST_ADD ("/assist/edit-during-pass", test_edit_during_pass);
  SPANMARK_TEST_ADD ("/assist/switch-during-pass", test_switch_during_pass);

  return g_test_run ();
}
