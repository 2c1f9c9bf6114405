/* test-review.c — the window's review mode, driven through its actions and keys
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three annotators (alice, bob, carol) have the fixture's "emoji"
 * document, "news" none:
 *   alice  OFFICIAL Li Wei,       PLACE Harbour Town,            INITIATIVE Blue Bridge Plan,                  PLACE Harbour Town (2nd)
 *   bob    OFFICIAL Li Wei,       PLACE Harbour Town ferry pier, INITIATIVE Blue Bridge Plan, OFFICIAL Li Wei (2nd)
 *   carol  OFFICIAL Mayor Li Wei, PLACE Harbour Town,            INITIATIVE Blue Bridge Plan,                  PLACE Harbour Town (2nd)
 * so the units are: 0 Mayor Li Wei / Li Wei (disagreed), 1 Harbour Town /
 * … ferry pier (disagreed), 2 Li Wei, 2nd (incomplete, bob only), 3 Blue
 * Bridge Plan (agreed), 4 Harbour Town, 2nd (incomplete, alice and carol).
 * The curated version starts from the majority's spans: Li Wei, Harbour
 * Town, Blue Bridge Plan, Harbour Town (2nd); units 0, 1 and 2 are open.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "app-test-util.h"
#include "spanmark-history.h"
#include "spanmark-text-view.h"
#include "window-test-fixture.h"

static const char *
text_of (Fixture *fixture)
{
  return spanmark_annotation_set_get_text (spanmark_window_get_annotation_set (fixture->window));
}

static guint
at (Fixture    *fixture,
    const char *needle,
    guint       nth)
{
  return spanmark_test_offset_of (text_of (fixture), needle, nth);
}

/* Saves @annotator's spans, "LABEL needle nth" each, on "emoji". */
static void
save_annotator (Fixture            *fixture,
                const char         *annotator,
                const char * const *spans)
{
  SpanmarkProject *project = spanmark_window_get_project (fixture->window);
  SpanmarkDocument *document = spanmark_project_lookup_document (project, "emoji");
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) error = NULL;

  set = spanmark_project_load_annotations (project, document, annotator, &error);
  g_assert_no_error (error);
  for (guint i = 0; spans[i] != NULL; i += 3)
    {
      guint start = spanmark_test_offset_of (spanmark_annotation_set_get_text (set), spans[i + 1],
                                             (guint) g_ascii_strtoull (spans[i + 2], NULL, 10));

      spanmark_annotation_set_add_span (set, start, start + g_utf8_strlen (spans[i + 1], -1), spans[i], &error);
      g_assert_no_error (error);
    }
  spanmark_annotation_set_set_status (set, SPANMARK_STATUS_DONE);
  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);
}

static void
write_annotators (Fixture *fixture)
{
  save_annotator (fixture, "alice", (const char *[]) {
    "OFFICIAL", "Li Wei", "0", "PLACE", "Harbour Town", "0", "INITIATIVE", "Blue Bridge Plan", "0",
    "PLACE", "Harbour Town", "1", NULL });
  save_annotator (fixture, "bob", (const char *[]) {
    "OFFICIAL", "Li Wei", "0", "PLACE", "Harbour Town ferry pier", "0", "INITIATIVE", "Blue Bridge Plan", "0",
    "OFFICIAL", "Li Wei", "1", NULL });
  save_annotator (fixture, "carol", (const char *[]) {
    "OFFICIAL", "Mayor Li Wei", "0", "PLACE", "Harbour Town", "0", "INITIATIVE", "Blue Bridge Plan", "0",
    "PLACE", "Harbour Town", "1", NULL });
}

static char *
curated_path (Fixture    *fixture,
              const char *doc_id)
{
  g_autofree char *name = g_strconcat (doc_id, ".json", NULL);

  return g_build_filename (fixture->project_path, "annotations", SPANMARK_CURATED_ANNOTATOR, name, NULL);
}

static gboolean
ranking_done (gpointer data)
{
  return !spanmark_window_get_ranking_pending (data);
}

static void
settle (Fixture *fixture)
{
  g_assert_true (wait_for (ranking_done, fixture->window));
  g_assert_true (wait_for (main_loop_idle, NULL));
}

/* The annotators' files, the document opened again (so the window sees
 * them), review mode on. */
static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  fixture_set_up (fixture, data);
  write_annotators (fixture);
  activate (fixture, "win.reload", NULL);
  g_assert_true (spanmark_window_set_review_mode (fixture->window, TRUE));
  settle (fixture);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  g_assert_true (wait_for (ranking_done, fixture->window));
  fixture_tear_down (fixture, data);
}

static void
activate_annotator (Fixture *fixture,
                    guint    annotator)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.review-accept-annotator", "u",
                                             annotator));
}

static void
activate_take (Fixture *fixture,
               guint    annotator)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.review-take-annotator", "u",
                                             annotator));
}

static SpanmarkAnnotationSet *
curated (Fixture *fixture)
{
  return spanmark_window_get_annotation_set (fixture->window);
}

static SpanmarkHistory *
history (Fixture *fixture)
{
  return spanmark_annotation_set_get_history (curated (fixture));
}

static void
assert_curated (Fixture    *fixture,
                const char *expected)
{
  SpanmarkAnnotationSet *set = curated (fixture);
  g_autoptr(GString) spans = g_string_new (NULL);

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);

      g_string_append_printf (spans, "%s%s %s", i > 0 ? ", " : "", span->label, span->text);
    }
  g_assert_cmpstr (spans->str, ==, expected);
}

static guint
current_unit (Fixture *fixture)
{
  return spanmark_document_view_get_current_unit (spanmark_window_get_document_view (fixture->window));
}

/* The caret inside unit @unit. */
static void
go_to_unit (Fixture *fixture,
            guint    unit)
{
  const SpanmarkUnit *u = spanmark_curation_get_unit (spanmark_window_get_curation (fixture->window), unit);

  select_range (fixture, u->start + 1, u->start + 1);
  g_assert_cmpuint (current_unit (fixture), ==, unit);
}

#define SEEDED "OFFICIAL Li Wei, PLACE Harbour Town, INITIATIVE Blue Bridge Plan, PLACE Harbour Town"

/* Review mode is offered for a document with two or more annotators; it
 * opens the curated version, seeded from the majority and not written
 * until it changes, with the annotators in lanes below the text. */
static void
test_enter (Fixture       *fixture,
            gconstpointer  data)
{
  SpanmarkWindow *window = fixture->window;
  g_autofree char *path = curated_path (fixture, "emoji");
  SpanmarkCuration *curation;
  SpanmarkDocumentSession *session;
  g_autofree char *file = NULL;

  /* Before the annotators' files: nothing to review. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-mode", NULL)
                  && spanmark_window_get_review_mode (window));
  g_assert_false (spanmark_window_get_review_mode (window));

  write_annotators (fixture);
  activate (fixture, "win.reload", NULL);
  /* Ctrl+R, as the window's key binding has it. */
  activate (fixture, "win.review-mode", NULL);
  settle (fixture);
  g_assert_true (spanmark_window_get_review_mode (window));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (named (fixture, "review-toggle"))));

  session = spanmark_window_get_session (window);
  file = g_file_get_path (spanmark_document_session_get_file (session));
  g_assert_cmpstr (file, ==, path);
  g_assert_cmpstr (spanmark_annotation_set_get_annotator (curated (fixture)), ==, SPANMARK_CURATED_ANNOTATOR);
  assert_curated (fixture, SEEDED);
  /* Seeding is no edit: nothing to save or undo, no file yet. */
  g_assert_false (spanmark_window_get_dirty (window));
  g_assert_cmpint (spanmark_window_get_autosave_due (window), ==, 0);
  g_assert_false (spanmark_history_can_undo (history (fixture)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The annotators in their order, the units and their states. */
  curation = spanmark_window_get_curation (window);
  g_assert_cmpuint (spanmark_curation_get_n_annotators (curation), ==, 3);
  g_assert_cmpstr (spanmark_annotation_set_get_annotator (spanmark_curation_get_annotator_set (curation, 0)), ==, "alice");
  g_assert_cmpstr (spanmark_annotation_set_get_annotator (spanmark_curation_get_annotator_set (curation, 2)), ==, "carol");
  g_assert_true (spanmark_document_view_get_curation (spanmark_window_get_document_view (window)) == curation);
  g_assert_cmpuint (spanmark_curation_get_n_units (curation), ==, 5);
  g_assert_cmpuint (spanmark_curation_get_n_open_units (curation), ==, 3);
  g_assert_cmpstr (named_text (fixture, "review-progress"), ==, "3 of 5 units open");

  /* The list shows the curated versions' statuses; the title says which
   * version this is. */
  g_assert_cmpstr (spanmark_document_list_get_progress (spanmark_window_get_document_list (window)), ==,
                   "0 of 2 reviewed");
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (spanmark_test_find_of_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE))),
                            "curated version"));

  /* Every control a screen reader meets has a name: the header's toggle,
   * and every button of the panel without a text of its own. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (named (fixture, "review-toggle")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Review Mode");
  {
    g_autoptr(GPtrArray) buttons = spanmark_test_collect_of_type (named (fixture, "review-panel"), GTK_TYPE_BUTTON,
                                                                  g_ptr_array_new ());

    g_assert_cmpuint (buttons->len, >, 5);
    for (guint i = 0; i < buttons->len; i++)
      {
        GtkWidget *button = g_ptr_array_index (buttons, i);

        /* A menu button's own button: the menu button has the text. */
        if (GTK_IS_MENU_BUTTON (gtk_widget_get_parent (button)))
          g_assert_nonnull (gtk_menu_button_get_label (GTK_MENU_BUTTON (gtk_widget_get_parent (button))));
        else if (gtk_button_get_label (GTK_BUTTON (button)) == NULL)
          g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL));
      }
  }

  /* Leaving: the annotator's own file again, no lanes, nothing written. */
  activate (fixture, "win.review-mode", NULL);
  g_assert_false (spanmark_window_get_review_mode (window));
  g_assert_null (spanmark_window_get_curation (window));
  g_assert_cmpstr (spanmark_annotation_set_get_annotator (spanmark_window_get_annotation_set (window)), ==, ANNOTATOR);
  g_assert_null (spanmark_document_view_get_curation (spanmark_window_get_document_view (window)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (spanmark_document_list_get_progress (spanmark_window_get_document_list (window)), ==, "");
  g_assert_true (wait_for (main_loop_idle, NULL));
  g_assert_cmpstr (spanmark_document_list_get_progress (spanmark_window_get_document_list (window)), ==,
                   "0 of 2 done");
}

/* Every annotator's spans are drawn in their lane, under the characters
 * they cover, and each unit has a badge saying its state. */
static void
test_lanes (Fixture       *fixture,
            gconstpointer  data)
{
  SpanmarkCuration *curation = spanmark_window_get_curation (fixture->window);
  GtkTextView *text_view = spanmark_document_view_get_text_view (spanmark_window_get_document_view (fixture->window));
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_lane[3] = { 0 };
  guint n_badges = 0;
  gboolean first_badge = FALSE;

  g_assert_true (SPANMARK_IS_TEXT_VIEW (text_view));
  g_assert_cmpint (gtk_text_view_get_pixels_below_lines (text_view), >=,
                   spanmark_text_view_get_lane_space (SPANMARK_TEXT_VIEW (text_view)));
  g_assert_cmpint (spanmark_text_view_get_lane_space (SPANMARK_TEXT_VIEW (text_view)), >, 3 * 3);

  marks = spanmark_text_view_collect_marks (SPANMARK_TEXT_VIEW (text_view));
  for (guint i = 0; i < marks->len; i++)
    {
      const SpanmarkMark *mark = &g_array_index (marks, SpanmarkMark, i);
      GtkTextIter first;
      GdkRectangle where;

      gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &first, (int) mark->start);
      gtk_text_view_get_iter_location (text_view, &first, &where);

      if (mark->kind == SPANMARK_MARK_LANE)
        {
          SpanmarkAnnotationSet *set = spanmark_curation_get_annotator_set (curation, mark->lane);
          g_autofree char *key = g_strdup_printf ("%u %u %u %s", mark->lane, mark->start, mark->end, mark->label);

          /* A span of that annotator; its first part drawn from its first
           * character, below its line, lower for a later lane (a span
           * that wraps has a part on the next line too). */
          g_assert_nonnull (spanmark_annotation_set_find_span (set, mark->start, mark->end, mark->label));
          g_assert_cmpint (mark->rect.y, >=, where.y + where.height + (int) mark->lane * 3);
          if (g_hash_table_add (seen, g_steal_pointer (&key)))
            {
              g_assert_cmpint (mark->rect.x, ==, where.x + 1);
              g_assert_cmpint (mark->rect.y + mark->rect.height, <=,
                               where.y + where.height + spanmark_text_view_get_lane_space (SPANMARK_TEXT_VIEW (text_view)));
              n_lane[mark->lane]++;
            }
        }
      else if (mark->kind == SPANMARK_MARK_UNIT_BADGE)
        {
          /* In the left margin, on the unit's first line. */
          g_assert_cmpint (mark->rect.x + mark->rect.width, <=, gtk_text_view_get_left_margin (text_view));
          g_assert_cmpint (mark->rect.y, >=, where.y);
          g_assert_cmpint (mark->rect.y, <, where.y + where.height);
          /* Unit 0 is the first line's most pressing state. */
          if (mark->unit == 0)
            {
              g_assert_cmpint (mark->badge, ==, SPANMARK_BADGE_DISAGREED);
              first_badge = TRUE;
            }
          n_badges++;
        }
    }

  /* Every span of each annotator (the text is short: all of it shows). */
  for (guint lane = 0; lane < 3; lane++)
    g_assert_cmpuint (n_lane[lane], ==, 4);
  /* At most one badge per line, never more than one per unit. */
  g_assert_true (first_badge);
  g_assert_cmpuint (n_badges, >=, 2);
  g_assert_cmpuint (n_badges, <=, 5);

  /* The current unit gets its box. */
  go_to_unit (fixture, 3);
  g_clear_pointer (&marks, g_array_unref);
  marks = spanmark_text_view_collect_marks (SPANMARK_TEXT_VIEW (text_view));
  g_assert_cmpint (g_array_index (marks, SpanmarkMark, 0).kind, ==, SPANMARK_MARK_CURRENT_UNIT);
  g_assert_cmpuint (g_array_index (marks, SpanmarkMark, 0).unit, ==, 3);
}

/* Alt+k, a and x decide the unit at the cursor, each one undo step. */
static void
test_decide (Fixture       *fixture,
             gconstpointer  data)
{
  SpanmarkAnnotationSet *set = curated (fixture);
  guint mayor = at (fixture, "Mayor Li Wei", 0);
  guint li = at (fixture, "Li Wei", 0);

  /* Autosave runs when this test says (below), however slow the build. */
  spanmark_window_set_test_clock (fixture->window, 1000 * G_USEC_PER_SEC);

  /* Nothing at the cursor: nothing to decide. */
  select_range (fixture, at (fixture, "opened", 0), at (fixture, "opened", 0));
  g_assert_cmpuint (current_unit (fixture), ==, G_MAXUINT);
  spanmark_window_clear_toasts (fixture->window);
  g_assert_true (press (fixture, GDK_KEY_a, 0));
  assert_curated (fixture, SEEDED);

  /* Alt+3: carol's reading of unit 0. */
  go_to_unit (fixture, 0);
  g_assert_true (press (fixture, GDK_KEY_3, GDK_ALT_MASK));
  assert_curated (fixture, "OFFICIAL Mayor Li Wei, PLACE Harbour Town, INITIATIVE Blue Bridge Plan, PLACE Harbour Town");
  g_assert_true (spanmark_annotation_set_is_rejected (set, li, li + 6, "OFFICIAL"));
  g_assert_false (spanmark_curation_is_unit_open (spanmark_window_get_curation (fixture->window), 0));
  g_assert_true (spanmark_window_get_dirty (fixture->window));
  g_assert_true (wait_for (main_loop_idle, NULL));
  g_assert_nonnull (strstr (named_text (fixture, "review-unit-state"), "decided"));
  /* Ctrl+Z undoes it whole. */
  g_assert_true (press (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
  assert_curated (fixture, SEEDED);
  g_assert_false (spanmark_annotation_set_is_rejected (set, li, li + 6, "OFFICIAL"));
  g_assert_true (spanmark_curation_is_unit_open (spanmark_window_get_curation (fixture->window), 0));
  g_assert_true (wait_for (main_loop_idle, NULL));
  g_assert_nonnull (strstr (named_text (fixture, "review-unit-state"), "open"));
  g_assert_false (spanmark_annotation_set_is_rejected (set, mayor, mayor + 12, "OFFICIAL"));

  /* The action with a number past the annotators does nothing. */
  activate_annotator (fixture, 7);
  assert_curated (fixture, SEEDED);

  /* a: the majority's reading of unit 1 (Harbour Town, the pier out). */
  go_to_unit (fixture, 1);
  g_assert_true (press (fixture, GDK_KEY_a, 0));
  assert_curated (fixture, SEEDED);
  g_assert_true (spanmark_annotation_set_is_rejected (set, at (fixture, "Harbour Town ferry pier", 0),
                                                      at (fixture, "Harbour Town ferry pier", 0) + 23, "PLACE"));
  g_assert_false (spanmark_curation_is_unit_open (spanmark_window_get_curation (fixture->window), 1));
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history (fixture)), ==, 1);

  /* x: bob's second Li Wei rejected; the unit is decided. */
  go_to_unit (fixture, 2);
  g_assert_true (press (fixture, GDK_KEY_x, 0));
  g_assert_true (spanmark_annotation_set_is_rejected (set, at (fixture, "Li Wei", 1), at (fixture, "Li Wei", 1) + 6,
                                                      "OFFICIAL"));
  g_assert_false (spanmark_curation_is_unit_open (spanmark_window_get_curation (fixture->window), 2));
  g_assert_true (wait_for (main_loop_idle, NULL));
  g_assert_cmpstr (named_text (fixture, "review-progress"), ==, "1 of 5 units open");
  /* Saved (the first save of the curated file makes it in progress):
   * Undo still undoes the last decision, not that status. */
  spanmark_window_set_test_clock (fixture->window, spanmark_window_get_autosave_due (fixture->window));
  g_assert_false (spanmark_window_get_dirty (fixture->window));
  activate (fixture, "win.undo", NULL);
  g_assert_true (spanmark_curation_is_unit_open (spanmark_window_get_curation (fixture->window), 2));
  activate (fixture, "win.undo", NULL);
  g_assert_true (spanmark_curation_is_unit_open (spanmark_window_get_curation (fixture->window), 1));
  g_assert_false (spanmark_history_can_undo (history (fixture)));

  /* A label key relabels the curated span as in any document: the
   * reviewer's own reading decides the unit. */
  go_to_unit (fixture, 0);
  select_range (fixture, li, li + 6);
  g_assert_true (press (fixture, GDK_KEY_3, 0));
  g_assert_nonnull (spanmark_annotation_set_find_span (set, li, li + 6, "INITIATIVE"));
  g_assert_false (spanmark_curation_is_unit_open (spanmark_window_get_curation (fixture->window), 0));
}

/* Accept all agreed spans and take all of one annotator: one step each. */
static void
test_bulk (Fixture       *fixture,
           gconstpointer  data)
{
  guint plan = at (fixture, "Blue Bridge Plan", 0);

  /* Without the agreed plan, Shift+A brings it back. */
  select_range (fixture, plan, plan + 16);
  activate (fixture, "win.delete-span", NULL);
  assert_curated (fixture, "OFFICIAL Li Wei, PLACE Harbour Town, PLACE Harbour Town");
  spanmark_window_clear_toasts (fixture->window);
  g_assert_true (press (fixture, GDK_KEY_A, GDK_SHIFT_MASK));
  assert_curated (fixture, SEEDED);
  g_assert_true (spanmark_window_has_toast (fixture->window, "Accepted 1 agreed span"));
  activate (fixture, "win.undo", NULL);
  assert_curated (fixture, "OFFICIAL Li Wei, PLACE Harbour Town, PLACE Harbour Town");
  activate (fixture, "win.redo", NULL);

  /* Alt+Shift+2: all of bob's spans the curated version lacks. */
  spanmark_window_clear_toasts (fixture->window);
  g_assert_true (press (fixture, GDK_KEY_2, GDK_ALT_MASK | GDK_SHIFT_MASK));
  assert_curated (fixture, "OFFICIAL Li Wei, PLACE Harbour Town ferry pier, PLACE Harbour Town, "
                           "OFFICIAL Li Wei, INITIATIVE Blue Bridge Plan, PLACE Harbour Town");
  g_assert_true (spanmark_window_has_toast (fixture->window, "Took 2 spans of bob"));
  activate (fixture, "win.undo", NULL);
  assert_curated (fixture, SEEDED);

  /* The panel's menu does the same. */
  activate_take (fixture, 0);
  assert_curated (fixture, SEEDED);
  g_assert_true (spanmark_window_has_toast (fixture->window, "Took 0 spans of alice"));
}

static const SpanmarkUnit *
selected_unit (Fixture *fixture)
{
  guint start, end;

  spanmark_document_view_get_selection (spanmark_window_get_document_view (fixture->window), &start, &end);
  g_assert_cmpuint (current_unit (fixture), !=, G_MAXUINT);
  g_assert_cmpuint (spanmark_curation_get_unit (spanmark_window_get_curation (fixture->window), current_unit (fixture))->start,
                    ==, start);
  g_assert_cmpuint (spanmark_curation_get_unit (spanmark_window_get_curation (fixture->window), current_unit (fixture))->end,
                    ==, end);
  return spanmark_curation_get_unit (spanmark_window_get_curation (fixture->window), current_unit (fixture));
}

/* ] and [ go round the open units, n and Shift+N round the disagreements,
 * each selecting the unit. */
static void
test_navigate (Fixture       *fixture,
               gconstpointer  data)
{
  select_range (fixture, 0, 0);
  g_assert_true (press (fixture, GDK_KEY_bracketright, 0));
  g_assert_cmpuint (current_unit (fixture), ==, 1);
  selected_unit (fixture);
  g_assert_true (press (fixture, GDK_KEY_bracketright, 0));
  g_assert_cmpuint (current_unit (fixture), ==, 2);
  /* Round to the first. */
  g_assert_true (press (fixture, GDK_KEY_bracketright, 0));
  g_assert_cmpuint (current_unit (fixture), ==, 0);
  g_assert_true (press (fixture, GDK_KEY_bracketleft, 0));
  g_assert_cmpuint (current_unit (fixture), ==, 2);

  /* From between units: the next one after the caret. */
  select_range (fixture, at (fixture, "would", 0), at (fixture, "would", 0));
  g_assert_true (press (fixture, GDK_KEY_bracketleft, 0));
  g_assert_cmpuint (current_unit (fixture), ==, 2);

  g_assert_true (press (fixture, GDK_KEY_n, 0));
  g_assert_cmpuint (current_unit (fixture), ==, 0);
  g_assert_true (press (fixture, GDK_KEY_n, 0));
  g_assert_cmpuint (current_unit (fixture), ==, 1);
  g_assert_true (press (fixture, GDK_KEY_N, GDK_SHIFT_MASK));
  g_assert_cmpuint (current_unit (fixture), ==, 0);

  /* Once everything is decided, ] says so. */
  g_assert_true (press (fixture, GDK_KEY_a, 0));
  activate (fixture, "win.review-next-open", NULL);
  g_assert_true (press (fixture, GDK_KEY_a, 0));
  activate (fixture, "win.review-next-open", NULL);
  g_assert_cmpuint (current_unit (fixture), ==, 2);
  g_assert_true (press (fixture, GDK_KEY_x, 0));
  spanmark_window_clear_toasts (fixture->window);
  activate (fixture, "win.review-next-open", NULL);
  g_assert_true (spanmark_window_has_toast (fixture->window,
                                            "No open units left: Ctrl+Return marks the document reviewed"));
}

static JsonObject *
read_curated (Fixture    *fixture,
              const char *doc_id,
              JsonParser *parser)
{
  g_autofree char *path = curated_path (fixture, doc_id);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* Ctrl+Return marks the curated version reviewed and saves it, with the
 * decisions (rejections too); Ctrl+Shift+Return reopens it; after
 * leaving and coming back, the rejected unit is still decided. */
static void
test_reviewed (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *news = curated_path (fixture, "news");
  JsonObject *saved;
  JsonArray *rejected;

  go_to_unit (fixture, 2);
  g_assert_true (press (fixture, GDK_KEY_x, 0));
  spanmark_window_clear_toasts (fixture->window);
  g_assert_true (press (fixture, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_cmpint (spanmark_annotation_set_get_status (curated (fixture)), ==, SPANMARK_STATUS_REVIEWED);
  g_assert_false (spanmark_window_get_dirty (fixture->window));
  /* "news" has no annotators: nothing else to review. */
  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (fixture->window)), ==, "emoji");
  g_assert_true (spanmark_window_has_toast (fixture->window, "Every document with two or more annotators is reviewed"));
  g_assert_cmpstr (row_status (fixture, "emoji"), ==, "Reviewed");
  g_assert_true (wait_for (main_loop_idle, NULL));
  g_assert_false (gtk_widget_get_visible (spanmark_test_find_action (named (fixture, "review-panel"),
                                                                     "win.mark-reviewed")));

  saved = read_curated (fixture, "emoji", parser);
  g_assert_cmpstr (json_object_get_string_member (saved, "annotator"), ==, SPANMARK_CURATED_ANNOTATOR);
  g_assert_cmpstr (json_object_get_string_member (saved, "status"), ==, "reviewed");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (saved, "spans")), ==, 4);
  rejected = json_object_get_array_member (saved, "rejected");
  g_assert_cmpuint (json_array_get_length (rejected), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rejected, 0), "text"), ==, "Li Wei");
  g_assert_cmpuint (json_object_get_int_member (json_array_get_object_element (rejected, 0), "start"), ==,
                    at (fixture, "Li Wei", 1));

  /* Reopened, as a done document is (Ctrl+Shift+T). */
  g_assert_true (press (fixture, GDK_KEY_T, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpint (spanmark_annotation_set_get_status (curated (fixture)), ==, SPANMARK_STATUS_IN_PROGRESS);
  activate (fixture, "win.save", NULL);
  g_assert_cmpstr (json_object_get_string_member (read_curated (fixture, "emoji", parser), "status"), ==,
                   "in-progress");
  g_assert_cmpstr (row_status (fixture, "emoji"), ==, "In progress");

  /* A document no annotator has: nothing to compare, review mode stays. */
  activate (fixture, "win.open-document", "news");
  g_assert_true (spanmark_window_get_review_mode (fixture->window));
  g_assert_null (spanmark_window_get_curation (fixture->window));
  g_assert_cmpstr (named_text (fixture, "review-progress"), ==, "No annotator has tagged this document yet");
  g_assert_false (g_file_test (news, G_FILE_TEST_EXISTS));
  activate (fixture, "win.open-document", "emoji");

  /* Out and in again: the file is read, not seeded, and the rejection
   * keeps unit 2 decided. */
  g_assert_true (spanmark_window_set_review_mode (fixture->window, FALSE));
  g_assert_true (spanmark_window_set_review_mode (fixture->window, TRUE));
  settle (fixture);
  assert_curated (fixture, SEEDED);
  g_assert_false (spanmark_curation_is_unit_open (spanmark_window_get_curation (fixture->window), 2));
  g_assert_cmpuint (spanmark_curation_get_n_open_units (spanmark_window_get_curation (fixture->window)), ==, 2);

  /* The list's menu reopens a reviewed document too. */
  activate (fixture, "win.mark-reviewed", NULL);
  spanmark_document_list_popup_menu (spanmark_window_get_document_list (fixture->window),
                                     spanmark_window_get_document (fixture->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (spanmark_document_list_get_menu (spanmark_window_get_document_list (fixture->window)))));
  gtk_popover_popdown (spanmark_document_list_get_menu (spanmark_window_get_document_list (fixture->window)));
  activate (fixture, "win.reopen-document", "emoji");
  g_assert_cmpint (spanmark_annotation_set_get_status (curated (fixture)), ==, SPANMARK_STATUS_IN_PROGRESS);
}

/* A curated file that does not load opens read-only: shown, never
 * written, nothing to decide. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = curated_path (fixture, "emoji");
  g_autofree char *after = NULL;

  g_assert_true (spanmark_window_set_review_mode (fixture->window, FALSE));
  spanmark_test_write_file (path, "{ not json", -1);
  g_assert_true (spanmark_window_set_review_mode (fixture->window, TRUE));
  settle (fixture);

  g_assert_true (spanmark_window_get_read_only (fixture->window));
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (named (fixture, "read-only-banner"))));
  assert_curated (fixture, "");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.review-accept-agreed", NULL)
                  && spanmark_window_get_dirty (fixture->window));
  go_to_unit (fixture, 1);
  press (fixture, GDK_KEY_a, 0);
  assert_curated (fixture, "");
  after = spanmark_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, "{ not json");
}

/* The curated version saves as any annotation file does: autosave after a
 * decision, and never over a version that landed on disk meanwhile. */
static void
test_saving (Fixture       *fixture,
             gconstpointer  data)
{
  SpanmarkWindow *window = fixture->window;
  g_autofree char *path = curated_path (fixture, "emoji");
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  gint64 t0 = 1000 * G_USEC_PER_SEC;

  spanmark_window_set_test_clock (window, t0);
  go_to_unit (fixture, 0);
  g_assert_true (press (fixture, GDK_KEY_1, GDK_ALT_MASK));
  g_assert_true (spanmark_window_get_dirty (window));
  g_assert_cmpint (spanmark_window_get_autosave_due (window), !=, 0);
  spanmark_window_set_test_clock (window, spanmark_window_get_autosave_due (window));
  g_assert_false (spanmark_window_get_dirty (window));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  /* The seed is saved with the first decision; a new file with spans is
   * in progress. */
  g_assert_cmpint (spanmark_annotation_set_get_status (curated (fixture)), ==, SPANMARK_STATUS_IN_PROGRESS);

  /* Another reviewer's version lands (a git pull), then a decision here:
   * nothing is written over theirs, the banner offers the ways out. */
  spanmark_test_replace_in_file (path, "\"status\": \"in-progress\"", "\"status\": \"reviewed\"");
  theirs = spanmark_test_read_file (path, NULL);
  go_to_unit (fixture, 1);
  g_assert_true (press (fixture, GDK_KEY_a, 0));
  spanmark_window_set_test_clock (window, t0 + 60 * G_USEC_PER_SEC);
  after = spanmark_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (spanmark_window_get_external_change (window));
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (named (fixture, "changed-banner"))));

  /* Keep mine: the reviewer's version, decisions and all. */
  activate (fixture, "win.keep-mine", NULL);
  g_assert_false (spanmark_window_get_external_change (window));
  g_clear_pointer (&after, g_free);
  after = spanmark_test_read_file (path, NULL);
  g_assert_nonnull (strstr (after, "\"rejected\": ["));
  g_assert_nonnull (strstr (after, "\"status\": \"in-progress\""));
}

/* The list offers the documents by disagreement, with their figures. */
static void
test_ranking (Fixture       *fixture,
              gconstpointer  data)
{
  SpanmarkDocumentList *list = spanmark_window_get_document_list (fixture->window);
  GListModel *shown = spanmark_document_list_get_shown (list);
  g_autoptr(SpanmarkDocument) first = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (gtk_widget_get_visible (spanmark_test_find_named (GTK_WIDGET (list), "document-order")));
  g_assert_true (g_str_has_prefix (spanmark_document_row_get_detail (row_of (fixture, "emoji")), "κ "));
  g_assert_cmpstr (spanmark_document_row_get_detail (row_of (fixture, "news")), ==, "");

  spanmark_document_list_set_order (list, SPANMARK_DOCUMENT_ORDER_DISAGREEMENT);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (spanmark_document_get_id (first), ==, "emoji");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);

  /* The panel shows this document's figures, one row per pair. */
  rows = spanmark_test_collect_of_type (named (fixture, "review-figures"), ADW_TYPE_ACTION_ROW, g_ptr_array_new ());
  g_assert_cmpuint (rows->len, ==, 3);

  /* Out of review mode, no order by disagreement. */
  g_assert_true (spanmark_window_set_review_mode (fixture->window, FALSE));
  g_assert_false (gtk_widget_get_visible (spanmark_test_find_named (GTK_WIDGET (list), "document-order")));
  g_assert_cmpstr (spanmark_document_row_get_detail (row_of (fixture, "emoji")), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  spanmark_test_init (&argc, &argv);

  g_test_add ("/review/enter", Fixture, NULL, fixture_set_up, test_enter, teardown);
  g_test_add ("/review/lanes", Fixture, NULL, setup, test_lanes, teardown);
  g_test_add ("/review/decide", Fixture, NULL, setup, test_decide, teardown);
  g_test_add ("/review/bulk", Fixture, NULL, setup, test_bulk, teardown);
  g_test_add ("/review/navigate", Fixture, NULL, setup, test_navigate, teardown);
  g_test_add ("/review/reviewed", Fixture, NULL, setup, test_reviewed, teardown);
  g_test_add ("/review/read-only", Fixture, NULL, setup, test_read_only, teardown);
  g_test_add ("/review/saving", Fixture, NULL, setup, test_saving, teardown);
  g_test_add ("/review/ranking", Fixture, NULL, setup, test_ranking, teardown);

  return g_test_run ();
}
