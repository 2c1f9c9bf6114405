/* test-window.c — the annotation window, driven through its actions
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "app-test-util.h"
#include "spanmark-history.h"
#include "spanmark-display.h"
#include "spanmark-export-dialog.h"
#include "spanmark-import.h"
#include "spanmark-label-panel.h"
#include "spanmark-resources.h"
#include "spanmark-settings.h"
#include "window-test-fixture.h"

static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  SpanmarkDocumentView *view = spanmark_window_get_document_view (fixture->window);
  SpanmarkDocumentList *list = spanmark_window_get_document_list (fixture->window);
  GtkTextView *text_view = spanmark_document_view_get_text_view (view);
  guint start = 99, end = 99;

  /* The first unfinished document is open, the caret at its start, the
   * keyboard in the text. */
  g_assert_nonnull (spanmark_window_get_document (fixture->window));
  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (fixture->window)), ==, "emoji");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (text_view));
  g_assert_false (gtk_text_view_get_editable (text_view));
  g_assert_true (gtk_text_view_get_cursor_visible (text_view));
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 0);
  g_assert_false (spanmark_window_get_read_only (fixture->window));
  {
    g_autoptr(SpanmarkProject) project = NULL;
    g_autoptr(SpanmarkDocument) document = NULL;
    gboolean read_only = TRUE, dirty = TRUE, external_change = TRUE;

    g_object_get (fixture->window, "project", &project, "document", &document, "read-only", &read_only,
                  "dirty", &dirty, "external-change", &external_change, NULL);
    g_assert_true (project == spanmark_window_get_project (fixture->window));
    g_assert_true (document == spanmark_window_get_document (fixture->window));
    g_assert_false (read_only || dirty || external_change);
  }
  g_assert_cmpstr (spanmark_document_list_get_progress (list), ==, "");
  g_assert_true (wait_for ((Condition) main_loop_idle, NULL));
  g_assert_cmpstr (spanmark_document_list_get_progress (list), ==, "0 of 2 done");
  g_assert_cmpuint (g_list_model_get_n_items (spanmark_document_list_get_shown (list)), ==, 2);

  activate (fixture, "win.open-document", "news");
  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (fixture->window)), ==, "news");
  /* The window title names the document and the project. */
  {
    g_autofree char *expected = g_strdup_printf ("%s — Fixture",
                                                 spanmark_document_get_display_title (spanmark_window_get_document (fixture->window)));

    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, expected);
  }
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (text_view));
  g_assert_true (spanmark_document_list_get_selected_document (list) == spanmark_window_get_document (fixture->window));

  /* A click (or Enter) on a row of the list opens that document. */
  g_signal_emit_by_name (spanmark_document_list_get_list_view (list), "activate", 0u);
  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (fixture->window)), ==, "emoji");
  g_assert_true (spanmark_document_list_get_selected_document (list) == spanmark_window_get_document (fixture->window));

  /* The project is first among the recent ones. */
  {
    g_auto(GStrv) recent = spanmark_settings_dup_recent_projects (spanmark_settings_get_default ());

    g_assert_cmpstr (recent[0], ==, fixture->project_path);
    g_assert_nonnull (gtk_widget_get_first_child (named (fixture, "recent-projects")));
  }

  /* Preferences apply at once: (1.5 - 1) x 24 pt at 96 dpi = 16 px leading. */
  g_settings_set_double (spanmark_settings_get_gsettings (spanmark_settings_get_default ()), "line-spacing", 1.5);
  g_settings_set_int (spanmark_settings_get_gsettings (spanmark_settings_get_default ()), "font-size", 24);
  g_assert_cmpint (gtk_text_view_get_pixels_inside_wrap (text_view), ==, 16);
}

static void
test_annotate (Fixture       *fixture,
               gconstpointer  data)
{
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  SpanmarkDocumentView *view = spanmark_window_get_document_view (fixture->window);
  const char *text = spanmark_annotation_set_get_text (set);
  guint li = spanmark_test_offset_of (text, "Li Wei", 0);
  guint li2 = spanmark_test_offset_of (text, "Li Wei", 1);
  guint harbour = spanmark_test_offset_of (text, "Harbour Town", 0);
  guint bridge = spanmark_test_offset_of (text, "Blue Bridge Plan", 0);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *spans;
  guint start, end;

  /* "Mayor Li Wei 😀 opened the 𠀀 Harbour Town": code points, not bytes
   * and not UTF-16 units. */
  g_assert_cmpuint (li, ==, 6);
  g_assert_cmpuint (harbour, ==, 28);

  /* White space around the selection is trimmed, never anything else. */
  select_range (fixture, li - 1, li + 7);
  activate (fixture, "win.tag", "OFFICIAL");
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 1);
  g_assert_nonnull (find (set, li, li + 6, "OFFICIAL"));
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, li);
  g_assert_cmpuint (end, ==, li + 6);

  select_range (fixture, harbour, harbour + 12);
  activate (fixture, "win.tag", "PLACE");
  select_range (fixture, bridge, bridge + 16);
  activate (fixture, "win.tag", "INITIATIVE");
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 3);
  g_assert_true (spanmark_window_get_dirty (fixture->window));

  /* One tag per label, applied to exactly the spans' characters. */
  g_assert_cmpuint (spanmark_document_view_count_tagged (view, "label-OFFICIAL"), ==, 6);
  g_assert_cmpuint (spanmark_document_view_count_tagged (view, "label-PLACE"), ==, 12);
  g_assert_cmpuint (spanmark_document_view_count_tagged (view, "label-INITIATIVE"), ==, 16);
  g_assert_cmpuint (spanmark_document_view_count_tagged (view, "inner-PLACE"), ==, 0);

  /* A nested span is an inner one (its lane: test-boundaries.c). */
  select_range (fixture, harbour, harbour + 7);
  activate (fixture, "win.tag", "PLACE");
  g_assert_cmpuint (spanmark_document_view_count_tagged (view, "inner-PLACE"), ==, 7);
  g_assert_cmpuint (spanmark_document_view_count_tagged (view, "label-PLACE"), ==, 12);

  /* Undo and redo, through the actions. */
  activate (fixture, "win.undo", NULL);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 3);
  g_assert_cmpuint (spanmark_document_view_count_tagged (view, "inner-PLACE"), ==, 0);
  activate (fixture, "win.undo", NULL);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 2);
  g_assert_null (find (set, bridge, bridge + 16, "INITIATIVE"));
  g_assert_cmpuint (spanmark_document_view_count_tagged (view, "label-INITIATIVE"), ==, 0);
  activate (fixture, "win.redo", NULL);
  g_assert_nonnull (find (set, bridge, bridge + 16, "INITIATIVE"));
  g_assert_cmpuint (spanmark_document_view_count_tagged (view, "label-INITIATIVE"), ==, 16);

  /* Tag all occurrences: one more "Li Wei" and one more "Harbour Town",
   * each as one undo step. */
  select_range (fixture, li, li + 6);
  activate (fixture, "win.tag-all", "OFFICIAL");
  g_assert_nonnull (find (set, li2, li2 + 6, "OFFICIAL"));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 4);
  select_range (fixture, harbour, harbour + 12);
  activate (fixture, "win.tag-all", "PLACE");
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 5);
  activate (fixture, "win.undo", NULL);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 4);
  activate (fixture, "win.redo", NULL);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 5);
  g_assert_cmpuint (spanmark_document_view_count_tagged (view, "label-OFFICIAL"), ==, 12);

  /* Tab walks the spans in order and selects each. */
  select_range (fixture, 0, 0);
  activate (fixture, "win.next-span", NULL);
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, li);
  g_assert_cmpuint (end, ==, li + 6);
  activate (fixture, "win.next-span", NULL);
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, harbour);
  activate (fixture, "win.prev-span", NULL);
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, li);

  /* Delete removes the selected span; Undo brings it back. */
  select_range (fixture, li2, li2 + 6);
  activate (fixture, "win.delete-span", NULL);
  g_assert_null (find (set, li2, li2 + 6, "OFFICIAL"));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 4);
  activate (fixture, "win.undo", NULL);
  g_assert_nonnull (find (set, li2, li2 + 6, "OFFICIAL"));
  select_range (fixture, li2 + 2, li2 + 2);
  activate (fixture, "win.delete-span", NULL);
  g_assert_null (find (set, li2, li2 + 6, "OFFICIAL"));
  g_assert_cmpuint (spanmark_document_view_count_tagged (view, "label-OFFICIAL"), ==, 6);

  /* Save, and read back what is on disk. */
  activate (fixture, "win.save", NULL);
  g_assert_false (spanmark_window_get_dirty (fixture->window));
  root = read_saved (fixture, "emoji", parser);
  g_assert_cmpstr (json_object_get_string_member (root, "annotator"), ==, ANNOTATOR);
  g_assert_cmpstr (json_object_get_string_member (root, "document"), ==, "emoji");
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "in-progress");
  spans = json_object_get_array_member (root, "spans");
  g_assert_cmpuint (json_array_get_length (spans), ==, 4);
  {
    struct { guint start, end; const char *label, *text; } expected[] = {
      { li, li + 6, "OFFICIAL", "Li Wei" },
      { harbour, harbour + 12, "PLACE", "Harbour Town" },
      { bridge, bridge + 16, "INITIATIVE", "Blue Bridge Plan" },
      { spanmark_test_offset_of (text, "Harbour Town", 1), spanmark_test_offset_of (text, "Harbour Town", 1) + 12, "PLACE", "Harbour Town" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        JsonObject *span = json_array_get_object_element (spans, i);

        g_assert_cmpint (json_object_get_int_member (span, "start"), ==, expected[i].start);
        g_assert_cmpint (json_object_get_int_member (span, "end"), ==, expected[i].end);
        g_assert_cmpstr (json_object_get_string_member (span, "label"), ==, expected[i].label);
        g_assert_cmpstr (json_object_get_string_member (span, "text"), ==, expected[i].text);
      }
  }
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  SpanmarkDocumentView *view = spanmark_window_get_document_view (fixture->window);
  const char *text = spanmark_annotation_set_get_text (set);
  guint first = spanmark_test_offset_of (text, "Harbour Town", 0);
  guint second = spanmark_test_offset_of (text, "Harbour Town", 1);
  guint start, end;

  activate (fixture, "win.search", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (named (fixture, "search-bar"))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), search_entry (fixture)));

  /* Typing selects the first match and says which of how many it is. */
  search_for (fixture, "Harbour Town");
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, first);
  g_assert_cmpuint (end, ==, first + 12);
  g_assert_cmpstr (named_text (fixture, "search-count"), ==, "1 of 2");

  /* Regression: Enter went on to the second match.  It keeps the first
   * and hands the keyboard back to the text, where it can be tagged. */
  g_signal_emit_by_name (search_entry (fixture), "activate");
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, first);
  g_assert_cmpuint (end, ==, first + 12);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window))
                 == GTK_WIDGET (spanmark_document_view_get_text_view (view)));
  activate (fixture, "win.tag", "PLACE");
  g_assert_nonnull (find (set, first, first + 12, "PLACE"));

  /* Ctrl+G goes on to the next match, then wraps round to the first. */
  activate (fixture, "win.search-next", NULL);
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, second);
  g_assert_cmpstr (named_text (fixture, "search-count"), ==, "2 of 2");
  activate (fixture, "win.search-next", NULL);
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, first);
  g_assert_cmpstr (named_text (fixture, "search-count"), ==, "1 of 2");

  /* Text that is not in the document marks the entry, until it is. */
  search_for (fixture, "Harbour Xown");
  g_assert_true (gtk_widget_has_css_class (search_entry (fixture), "error"));
  g_assert_cmpstr (named_text (fixture, "search-count"), ==, "No matches");
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, first);
  search_for (fixture, "Harbour");
  g_assert_false (gtk_widget_has_css_class (search_entry (fixture), "error"));
}

static void
test_panels (Fixture       *fixture,
             gconstpointer  data)
{
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  SpanmarkDocumentView *view = spanmark_window_get_document_view (fixture->window);
  guint harbour = spanmark_test_offset_of (spanmark_annotation_set_get_text (set), "Harbour Town", 0);
  const SpanmarkSpan *span;
  GtkWidget *places;
  GtkStackPage *page;
  guint start, end;

  /* One panel per label, titled with the label's title. */
  g_assert_nonnull (spanmark_window_get_label_panel (fixture->window, "OFFICIAL"));
  g_assert_nonnull (spanmark_window_get_label_panel (fixture->window, "INITIATIVE"));
  g_assert_null (spanmark_window_get_label_panel (fixture->window, "NONE"));
  places = GTK_WIDGET (spanmark_window_get_label_panel (fixture->window, "PLACE"));
  page = gtk_stack_get_page (GTK_STACK (gtk_widget_get_parent (places)), places);
  g_assert_cmpstr (gtk_stack_page_get_title (page), ==,
                   spanmark_label_get_display_title (spanmark_label_panel_get_label (SPANMARK_LABEL_PANEL (places))));

  /* The panel's "Tag selection" goes through win.tag. */
  select_range (fixture, harbour, harbour + 12);
  g_assert_true (gtk_widget_activate_action (places, "panel.tag-selection", NULL));
  span = find (set, harbour, harbour + 12, "PLACE");
  g_assert_nonnull (span);

  /* "jump-to-span" selects the span in the text. */
  select_range (fixture, 0, 0);
  g_signal_emit_by_name (places, "jump-to-span", span->id);
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, harbour);
  g_assert_cmpuint (end, ==, harbour + 12);
}

/* The keys an annotator uses, through the window's key handler. */
static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  SpanmarkDocumentView *view = spanmark_window_get_document_view (fixture->window);
  const char *text = spanmark_annotation_set_get_text (set);
  guint li = spanmark_test_offset_of (text, "Li Wei", 0);
  guint harbour = spanmark_test_offset_of (text, "Harbour Town", 0);
  guint start, end;

  select_range (fixture, li, li + 6);
  g_assert_true (press (fixture, GDK_KEY_1, 0));
  g_assert_nonnull (find (set, li, li + 6, "OFFICIAL"));
  select_range (fixture, harbour, harbour + 12);
  g_assert_true (press (fixture, GDK_KEY_KP_2, 0));
  g_assert_nonnull (find (set, harbour, harbour + 12, "PLACE"));

  select_range (fixture, 0, 0);
  g_assert_true (press (fixture, GDK_KEY_Tab, 0));
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, li);
  g_assert_true (press (fixture, GDK_KEY_Tab, 0));
  g_assert_true (press (fixture, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, li);

  g_assert_true (press (fixture, GDK_KEY_Delete, 0));
  g_assert_null (find (set, li, li + 6, "OFFICIAL"));
  g_assert_true (press (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_nonnull (find (set, li, li + 6, "OFFICIAL"));
  g_assert_true (press (fixture, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_null (find (set, li, li + 6, "OFFICIAL"));

  /* Keys that are no label's do nothing; with Ctrl neither, nor with Alt
   * (Alt and a label's key is Tag All, test-assist.c). */
  g_assert_false (press (fixture, GDK_KEY_9, 0));
  g_assert_false (press (fixture, GDK_KEY_1, GDK_CONTROL_MASK));
  g_assert_false (press (fixture, GDK_KEY_9, GDK_ALT_MASK));

  /* In the search entry "1" is just a character. */
  activate (fixture, "win.search", NULL);
  g_assert_false (press (fixture, GDK_KEY_1, 0));
  g_assert_false (press (fixture, GDK_KEY_Delete, 0));
}

static gboolean
saved (gpointer data)
{
  gboolean dirty = TRUE;

  g_object_get (data, "dirty", &dirty, NULL);

  return !dirty;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_autosave_and_close (Fixture       *fixture,
                         gconstpointer  data)
{
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint li = spanmark_test_offset_of (spanmark_annotation_set_get_text (set), "Li Wei", 0);
  JsonObject *root;
  guint notified = 0;

  /* A change is written by itself after the autosave delay; the window's
   * "dirty" says so both times. */
  g_signal_connect_swapped (fixture->window, "notify::dirty", G_CALLBACK (count_cb), &notified);
  g_settings_set_uint (spanmark_settings_get_gsettings (spanmark_settings_get_default ()), "autosave-delay", 1);
  select_range (fixture, li, li + 6);
  activate (fixture, "win.tag", "OFFICIAL");
  g_assert_true (spanmark_window_get_dirty (fixture->window));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (named_text (fixture, "save-state"), ==, "Unsaved changes");
  g_assert_true (wait_for (saved, fixture->window));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (named_text (fixture, "save-state"), ==, "Saved");
  g_signal_handlers_disconnect_by_func (fixture->window, count_cb, &notified);
  root = read_saved (fixture, "emoji", parser);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "spans")), ==, 1);

  /* Closing the window writes what the delay has not written yet. */
  g_settings_set_uint (spanmark_settings_get_gsettings (spanmark_settings_get_default ()), "autosave-delay", 60);
  select_range (fixture, li, li + 2);
  activate (fixture, "win.tag", "PLACE");
  g_assert_true (spanmark_window_get_dirty (fixture->window));
  gtk_window_close (GTK_WINDOW (fixture->window));
  root = read_saved (fixture, "emoji", parser);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "spans")), ==, 2);
}

static void
test_annotator_change (Fixture       *fixture,
                       gconstpointer  data)
{
  GSettings *settings = spanmark_settings_get_gsettings (spanmark_settings_get_default ());
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  guint li = spanmark_test_offset_of (spanmark_annotation_set_get_text (set), "Li Wei", 0);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *other = g_build_filename (fixture->project_path, "annotations", "other", "emoji.json", NULL);

  select_range (fixture, li, li + 6);
  activate (fixture, "win.tag", "OFFICIAL");

  /* The work so far is saved as the old annotator's; the document
   * reopens, empty, as the new one's, and is saved there. */
  g_settings_set_string (settings, "annotator-name", "other");
  read_saved (fixture, "emoji", parser);
  set = spanmark_window_get_annotation_set (fixture->window);
  g_assert_cmpstr (spanmark_annotation_set_get_annotator (set), ==, "other");
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 0);
  select_range (fixture, li, li + 6);
  activate (fixture, "win.tag", "PLACE");
  activate (fixture, "win.save", NULL);
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  g_settings_set_string (settings, "annotator-name", ANNOTATOR);
  set = spanmark_window_get_annotation_set (fixture->window);
  g_assert_nonnull (find (set, li, li + 6, "OFFICIAL"));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->tmp);
  g_autoptr(GList) toplevels = NULL;
  GtkWindow *dialog = NULL;

  activate (fixture, "win.export", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (SPANMARK_IS_EXPORT_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));

  /* The result comes back as a toast with "Open Folder"; the summary is
   * plain text. */
  g_signal_emit_by_name (dialog, "exported", folder, "Exported 2 documents <& more>");
  gtk_window_destroy (dialog);
  g_assert_true (wait_for ((Condition) main_loop_idle, NULL));
}

static gboolean
external_change_seen (gpointer data)
{
  return spanmark_window_get_external_change (data);
}

static void
count_event_cb (guint *events)
{
  (*events)++;
}

static gboolean
events_seen (gpointer data)
{
  return *(guint *) data > 0;
}

static void
test_external_change (Fixture       *fixture,
                      gconstpointer  data)
{
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  g_autofree char *path = g_build_filename (fixture->project_path, "annotations", ANNOTATOR, "emoji.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) changed = NULL;
  guint li = spanmark_test_offset_of (spanmark_annotation_set_get_text (set), "Li Wei", 0);

  guint events = 0;

  select_range (fixture, li, li + 6);
  activate (fixture, "win.tag", "OFFICIAL");
  g_signal_connect_swapped (spanmark_document_session_get_monitor (spanmark_window_get_session (fixture->window)), "changed", G_CALLBACK (count_event_cb), &events);
  activate (fixture, "win.save", NULL);

  /* Our own save (a temporary file renamed over the old one) is seen by
   * the monitor but is not an external change. */
  g_assert_true (wait_for (events_seen, &events));
  g_assert_true (wait_for ((Condition) main_loop_idle, NULL));
  g_assert_false (spanmark_window_get_external_change (fixture->window));

  /* Someone else marks the document done on disk. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  changed = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (changed, "\"in-progress\"", "\"done\"", 1), ==, 1);
  g_file_set_contents (path, changed->str, -1, &error);
  g_assert_no_error (error);

  g_assert_true (wait_for (external_change_seen, fixture->window));
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (named (fixture, "changed-banner"))));
  /* Nothing unsaved here: the banner does not warn of losing changes;
   * once there are some, it does. */
  g_assert_null (strstr (named_text (fixture, "changed-message"), "unsaved"));
  select_range (fixture, li, li + 6);
  activate (fixture, "win.tag", "PLACE");
  g_assert_nonnull (strstr (named_text (fixture, "changed-message"), "unsaved"));

  activate (fixture, "win.reload", NULL);
  g_assert_false (spanmark_window_get_external_change (fixture->window));
  set = spanmark_window_get_annotation_set (fixture->window);
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_DONE);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 1);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->project_path, "annotations", ANNOTATOR, NULL);
  g_autofree char *path = g_build_filename (folder, "news.json", NULL);
  const char *corrupt = "{ \"spanmark\": 1, \"spans\": [ oops\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  SpanmarkAnnotationSet *set;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_file_set_contents (path, corrupt, -1, &error);
  g_assert_no_error (error);

  activate (fixture, "win.open-document", "news");
  set = spanmark_window_get_annotation_set (fixture->window);
  g_assert_nonnull (set);
  g_assert_true (spanmark_window_get_read_only (fixture->window));
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (named (fixture, "read-only-banner"))));
  g_assert_nonnull (strstr (named_text (fixture, "read-only-message"), "news.json"));
  /* The text is shown all the same. */
  g_assert_cmpuint (spanmark_annotation_set_get_length (set), >, 0);
  /* The document list says the file is unreadable, not "New". */
  g_assert_cmpstr (row_status (fixture, "news"), ==, "Unreadable");

  /* Nothing can change it, and nothing is written. */
  select_range (fixture, 0, 2);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.tag", "s", "PLACE");
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 0);
  g_assert_false (spanmark_window_save (fixture->window, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  activate (fixture, "win.save", NULL);
  /* The toast naming the file is shown (and not parsed as markup). */
  g_assert_true (wait_for ((Condition) main_loop_idle, NULL));

  /* Switching away does not write it either. */
  activate (fixture, "win.open-document", "emoji");
  g_assert_false (spanmark_window_get_read_only (fixture->window));
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (named (fixture, "read-only-banner"))));

  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, corrupt);
}

/* Replaces the first @from after @after in @path by @to. */
static void
edit_file (const char *path,
           const char *after,
           const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(GError) error = NULL;
  const char *start, *at;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  start = strstr (data, after);
  g_assert_nonnull (start);
  at = strstr (start, from);
  g_assert_nonnull (at);
  changed = g_string_new_len (data, at - data);
  g_string_append (changed, to);
  g_string_append (changed, at + strlen (from));
  g_file_set_contents (path, changed->str, changed->len, &error);
  g_assert_no_error (error);
}

/* Regression: one bad entry of spanmark.json (a path leading out of the
 * folder, a colour like "red") closed the whole project.  Now it opens:
 * the broken document is listed as such, opens read-only and empty with
 * the reason, and the index is not rewritten. */
static void
test_broken_entry (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *index = g_build_filename (fixture->project_path, "spanmark.json", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->project_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SpanmarkProject *project;
  SpanmarkDocument *emoji;
  const SpanmarkLabel *place;

  edit_file (index, "\"id\": \"emoji\"", "\"documents/emoji.txt\"", "\"../emoji.txt\"");
  edit_file (index, "\"name\": \"PLACE\"", "\"color\": \"#", "\"color\": \"red\", \"x\": \"#");
  g_file_get_contents (index, &before, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (spanmark_window_open_project (fixture->window, dir, &error));
  g_assert_no_error (error);
  project = spanmark_window_get_project (fixture->window);
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, 2);
  emoji = spanmark_project_lookup_document (project, "emoji");
  g_assert_nonnull (spanmark_document_get_problem (emoji));

  /* The label still works, in the neutral colour. */
  place = spanmark_schema_lookup (spanmark_project_get_schema (project), "PLACE");
  g_assert_cmpstr (place->color, ==, "#77767b");

  /* The window starts on the good document. */
  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (fixture->window)), ==, "news");
  g_assert_false (spanmark_window_get_read_only (fixture->window));

  /* The list names the broken one and says why. */
  g_assert_true (wait_for ((Condition) main_loop_idle, NULL));
  g_assert_cmpstr (row_status (fixture, "emoji"), ==, "Broken");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row_of (fixture, "emoji"))),
                            "documents[0] (id \"emoji\"): path \"../emoji.txt\" is outside the project folder"));

  /* Opened, it is read-only and empty, and the banner says why. */
  activate (fixture, "win.open-document", "emoji");
  g_assert_true (spanmark_window_get_document (fixture->window) == emoji);
  g_assert_true (spanmark_window_get_read_only (fixture->window));
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (named (fixture, "read-only-banner"))));
  g_assert_nonnull (strstr (named_text (fixture, "read-only-message"),
                            "path \"../emoji.txt\" is outside the project folder"));
  g_assert_cmpuint (spanmark_annotation_set_get_length (spanmark_window_get_annotation_set (fixture->window)), ==, 0);
  g_assert_false (spanmark_window_save (fixture->window, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  activate (fixture, "win.open-document", "news");
  g_assert_false (spanmark_window_get_read_only (fixture->window));

  g_file_get_contents (index, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, before);
}

static void
test_done_next (Fixture       *fixture,
                gconstpointer  data)
{
  SpanmarkDocumentList *list = spanmark_window_get_document_list (fixture->window);
  GListModel *shown = spanmark_document_list_get_shown (list);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  activate (fixture, "win.done-next", NULL);
  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (fixture->window)), ==, "news");
  root = read_saved (fixture, "emoji", parser);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "done");
  g_assert_true (wait_for ((Condition) main_loop_idle, NULL));
  g_assert_cmpstr (spanmark_document_list_get_progress (list), ==, "1 of 2 done");

  /* The filter shows only done documents, or only new ones. */
  spanmark_document_list_set_filter (list, SPANMARK_DOCUMENT_FILTER_DONE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  spanmark_document_list_set_filter (list, SPANMARK_DOCUMENT_FILTER_NEW);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  spanmark_document_list_set_filter (list, SPANMARK_DOCUMENT_FILTER_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
}

/* Regression: the "Span removed" toast's Undo undoes the last step of
 * the history, so it must go once that step is no longer the removal
 * (after Ctrl+Z, another edit, or another document). */
static void
test_undo_toast (Fixture       *fixture,
                 gconstpointer  data)
{
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  const char *text = spanmark_annotation_set_get_text (set);
  guint li = spanmark_test_offset_of (text, "Li Wei", 0);
  guint harbour = spanmark_test_offset_of (text, "Harbour Town", 0);

  select_range (fixture, li, li + 6);
  activate (fixture, "win.tag", "OFFICIAL");
  select_range (fixture, harbour, harbour + 12);
  activate (fixture, "win.tag", "PLACE");
  g_assert_false (spanmark_window_has_toast (fixture->window, "Span removed"));

  activate (fixture, "win.delete-span", NULL);
  g_assert_null (find (set, harbour, harbour + 12, "PLACE"));
  g_assert_true (spanmark_window_has_toast (fixture->window, "Span removed"));

  /* Ctrl+Z brings the span back; the toast's Undo would now remove the
   * first tag, so the toast is gone. */
  activate (fixture, "win.undo", NULL);
  g_assert_nonnull (find (set, harbour, harbour + 12, "PLACE"));
  g_assert_false (spanmark_window_has_toast (fixture->window, "Span removed"));

  /* Another edit after a removal dismisses it too. */
  activate (fixture, "win.delete-span", NULL);
  g_assert_true (spanmark_window_has_toast (fixture->window, "Span removed"));
  select_range (fixture, li, li + 6);
  activate (fixture, "win.tag", "PLACE");
  g_assert_false (spanmark_window_has_toast (fixture->window, "Span removed"));

  /* And so does opening another document. */
  select_range (fixture, li, li + 6);
  activate (fixture, "win.delete-span", NULL);
  g_assert_true (spanmark_window_has_toast (fixture->window, "Span removed"));
  activate (fixture, "win.open-document", "news");
  g_assert_false (spanmark_window_has_toast (fixture->window, "Span removed"));
}

/* Regression: Tab from a bare caret (a document just opened) skipped a
 * span starting right at the caret, the first span of the text above all. */
static void
test_tab_from_caret (Fixture       *fixture,
                     gconstpointer  data)
{
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  SpanmarkDocumentView *view = spanmark_window_get_document_view (fixture->window);
  guint li = spanmark_test_offset_of (spanmark_annotation_set_get_text (set), "Li Wei", 0);
  guint start, end;

  select_range (fixture, 0, 5);
  activate (fixture, "win.tag", "OFFICIAL");
  select_range (fixture, li, li + 6);
  activate (fixture, "win.tag", "OFFICIAL");

  select_range (fixture, 0, 0);
  activate (fixture, "win.next-span", NULL);
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 5);
  /* From the selected span, on to the next one. */
  activate (fixture, "win.next-span", NULL);
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, li);

  /* A caret right at the start of a span later in the text. */
  select_range (fixture, li, li);
  activate (fixture, "win.next-span", NULL);
  spanmark_document_view_get_selection (view, &start, &end);
  g_assert_cmpuint (start, ==, li);
  g_assert_cmpuint (end, ==, li + 6);
}

/* Regression: Tab and Shift+Tab belong to the spans, and nothing took
 * the keyboard from the text to the document list; F6 and Shift+F6 go
 * round the panes. */
static void
test_panes (Fixture       *fixture,
            gconstpointer  data)
{
  GtkRoot *root = GTK_ROOT (fixture->window);
  GtkWidget *text_view = GTK_WIDGET (spanmark_document_view_get_text_view (spanmark_window_get_document_view (fixture->window)));
  GtkWidget *list = GTK_WIDGET (spanmark_document_list_get_list_view (spanmark_window_get_document_list (fixture->window)));
  GtkWidget *panel = GTK_WIDGET (spanmark_window_get_label_panel (fixture->window, "OFFICIAL"));

  g_assert_true (wait_for ((Condition) main_loop_idle, NULL));
  g_assert_true (gtk_root_get_focus (root) == text_view);

  activate (fixture, "win.next-pane", NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root), panel));
  activate (fixture, "win.next-pane", NULL);
  g_assert_true (gtk_root_get_focus (root) == list
                 || gtk_widget_is_ancestor (gtk_root_get_focus (root), list));
  activate (fixture, "win.next-pane", NULL);
  g_assert_true (gtk_root_get_focus (root) == text_view);
  activate (fixture, "win.prev-pane", NULL);
  g_assert_true (gtk_root_get_focus (root) == list
                 || gtk_widget_is_ancestor (gtk_root_get_focus (root), list));
  activate (fixture, "win.prev-pane", NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root), panel));
}

/* Waits until @widget has been laid out at least once more (two frames
 * of its clock; a broken clock fails the test rather than hang it). */
static void
wait_for_layout (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  gtk_widget_queue_resize (widget);
  while (gdk_frame_clock_get_frame_counter (clock) < frame + 2)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (wait_for ((Condition) main_loop_idle, NULL));
}

/* Regression: the side panel's switcher is as wide as its titles, so
 * labels with long titles pushed the document text into a narrow strip
 * (or the window off the screen).  Titles are ellipsized in a switcher of
 * bounded width: the text keeps its width. */
static void
test_long_label_titles (Fixture       *fixture,
                        gconstpointer  data)
{
  SpanmarkProject *project = spanmark_window_get_project (fixture->window);
  SpanmarkSchema *schema = spanmark_project_get_schema (project);
  GtkWidget *view = GTK_WIDGET (spanmark_window_get_document_view (fixture->window));
  int window_width, view_width;

  wait_for_layout (GTK_WIDGET (fixture->window));
  window_width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  view_width = gtk_widget_get_width (view);
  g_test_message ("before: window %d, document view %d", window_width, view_width);
  g_assert_cmpint (view_width, >, 300);

  for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
    {
      g_autoptr(SpanmarkLabel) label = spanmark_label_copy (spanmark_schema_get_label (schema, i));
      g_autoptr(GError) error = NULL;

      g_free (label->title);
      /* 60 characters. */
      label->title = g_strdup_printf ("%u: A very long title for a label, far wider than any tab!!!!", i);
      g_assert_cmpuint (g_utf8_strlen (label->title, -1), ==, 60);
      g_assert_true (spanmark_label_ops_update (project, label->name, label, &error));
      g_assert_no_error (error);
    }

  wait_for_layout (GTK_WIDGET (fixture->window));
  g_test_message ("after: window %d, document view %d", gtk_widget_get_width (GTK_WIDGET (fixture->window)),
                  gtk_widget_get_width (view));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, window_width);
  g_assert_cmpint (gtk_widget_get_width (view), ==, view_width);
}

static void
test_create_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "app", "fixtures", NULL);
  g_autofree char *project_path = g_build_filename (tmp, "new", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (project_path);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) folder = g_file_new_for_path (fixtures);
  SpanmarkWindow *window;

  g_assert_no_error (error);
  g_list_store_append (files, folder);

  window = spanmark_test_new_window (NULL);
  spanmark_window_create_project (window, dir, G_LIST_MODEL (files), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spanmark_project_get_n_documents (spanmark_window_get_project (window)), ==, 2);
  g_assert_nonnull (spanmark_project_lookup_document (spanmark_window_get_project (window), "emoji"));
  g_assert_nonnull (spanmark_window_get_document (window));

  /* A folder with nothing to import: said, and no project is made. */
  {
    g_autofree char *notes = g_build_filename (tmp, "notes", NULL);
    g_autofree char *other_path = g_build_filename (tmp, "other", NULL);
    g_autofree char *readme = g_build_filename (notes, "readme.md", NULL);
    g_autoptr(GFile) notes_dir = g_file_new_for_path (notes);
    g_autoptr(GFile) other = g_file_new_for_path (other_path);

    spanmark_test_write_file (readme, "not a text\n", -1);
    g_list_store_remove_all (files);
    g_list_store_append (files, notes_dir);
    g_assert_false (spanmark_window_create_project (window, other, G_LIST_MODEL (files), &error));
    g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_FORMAT);
    g_assert_false (g_file_query_exists (other, NULL));
    g_assert_true (spanmark_window_get_project (window) != NULL);
    g_clear_error (&error);
  }

  destroy_window (window);
  spanmark_test_remove_tree (tmp);
}

/* Regression: opening a folder that is no project (or is gone) said
 * "Error opening file …/spanmark.json: No such file or directory"; the
 * message now says what is wrong, and the window stays as it was. */
static void
test_open_not_a_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *text = NULL;
  g_autofree char *gone = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) gone_dir = NULL;
  SpanmarkWindow *window;

  g_assert_no_error (error);
  text = g_build_filename (tmp, "article.txt", NULL);
  g_file_set_contents (text, "Mayor Li Wei\n", -1, &error);
  g_assert_no_error (error);
  dir = g_file_new_for_path (tmp);
  gone = g_build_filename (tmp, "gone", NULL);
  gone_dir = g_file_new_for_path (gone);

  window = spanmark_test_new_window (NULL);

  g_assert_false (spanmark_window_open_project (window, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "is not a Spanmark project"));
  g_assert_nonnull (strstr (error->message, tmp));
  g_assert_null (spanmark_window_get_project (window));
  g_clear_error (&error);

  g_assert_false (spanmark_window_open_project (window, gone_dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  destroy_window (window);
  spanmark_test_remove_tree (tmp);
}

static void
test_accessible_labels (Fixture       *fixture,
                        gconstpointer  data)
{
  SpanmarkDocumentView *view = spanmark_window_get_document_view (fixture->window);

  gtk_test_accessible_assert_property (spanmark_document_view_get_text_view (view),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Document text");
  gtk_test_accessible_assert_property (spanmark_document_list_get_list_view (spanmark_window_get_document_list (fixture->window)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Documents");
}

/* Whether @model or one of its sections has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

/* Label chips: a check in the primary menu, the show-label-chips key
 * behind it (which Preferences shows too), the document view following. */
static void
test_label_chips (Fixture       *fixture,
                  gconstpointer  data)
{
  GSettings *settings = spanmark_settings_get_gsettings (spanmark_settings_get_default ());
  SpanmarkDocumentView *view = spanmark_window_get_document_view (fixture->window);
  g_autoptr(GPtrArray) buttons = spanmark_test_collect_of_type (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON,
                                                                g_ptr_array_new ());
  g_autoptr(GVariant) state = NULL;
  gboolean in_menu = FALSE;

  for (guint i = 0; i < buttons->len; i++)
    {
      GMenuModel *model = gtk_menu_button_get_menu_model (g_ptr_array_index (buttons, i));

      in_menu |= model != NULL && menu_has_action (model, "win.show-label-chips");
    }
  g_assert_true (in_menu);

  /* Off at first: the colours and brackets say where spans are. */
  g_assert_false (g_settings_get_boolean (settings, "show-label-chips"));
  g_assert_false (spanmark_document_view_get_show_label_chips (view));
  state = g_action_group_get_action_state (G_ACTION_GROUP (fixture->window), "show-label-chips");
  g_assert_false (g_variant_get_boolean (state));

  activate (fixture, "win.show-label-chips", NULL);
  g_assert_true (g_settings_get_boolean (settings, "show-label-chips"));
  g_assert_true (spanmark_document_view_get_show_label_chips (view));

  /* From elsewhere (Preferences): the menu's check follows. */
  g_settings_set_boolean (settings, "show-label-chips", FALSE);
  g_assert_false (spanmark_document_view_get_show_label_chips (view));
  g_clear_pointer (&state, g_variant_unref);
  state = g_action_group_get_action_state (G_ACTION_GROUP (fixture->window), "show-label-chips");
  g_assert_false (g_variant_get_boolean (state));
  g_settings_reset (settings, "show-label-chips");
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* A status page's icon is looked up only once the page shows: GTK looks
 * an icon up as soon as the style of its widget is known, hidden stack
 * pages' too, and the large icon of a status page comes from the
 * theme's SVG, which loads librsvg.  Opening a project and a document
 * (as "spanmark PATH" does: opened, then presented) shows none of the
 * window's own status pages. */
static void
test_status_icons (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->project_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  SpanmarkWindow *window = spanmark_window_new (NULL);
  GtkWidget *stack, *shown, *page, *other;
  guint n_hidden = 0;

  g_object_ref_sink (window);
  g_assert_true (spanmark_window_open_project (window, dir, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for ((Condition) main_loop_idle, NULL));
  g_assert_nonnull (spanmark_window_get_document (window));

  pages = spanmark_test_collect_of_type (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, g_ptr_array_new ());
  /* The start page, "no document", and two of each label panel. */
  g_assert_cmpuint (pages->len, >=, 2 + 2 * 3);
  for (guint i = 0; i < pages->len; i++)
    {
      AdwStatusPage *status = g_ptr_array_index (pages, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (status)))
        g_assert_nonnull (adw_status_page_get_icon_name (status));
      else
        {
          g_assert_null (adw_status_page_get_icon_name (status));
          n_hidden++;
        }
    }
  g_assert_cmpuint (n_hidden, >=, 2);
  destroy_window (g_steal_pointer (&window));

  /* A page given its icon this way gets it when it shows. */
  stack = gtk_stack_new ();
  shown = gtk_label_new ("shown");
  gtk_stack_add_named (GTK_STACK (stack), shown, "shown");
  page = adw_status_page_new ();
  gtk_stack_add_named (GTK_STACK (stack), page, "page");
  other = spanmark_test_present (stack, 0, 0);
  spanmark_display_set_status_icon (ADW_STATUS_PAGE (page), "view-list-symbolic");
  g_assert_true (wait_for ((Condition) main_loop_idle, NULL));
  g_assert_null (adw_status_page_get_icon_name (ADW_STATUS_PAGE (page)));
  gtk_stack_set_visible_child (GTK_STACK (stack), page);
  g_assert_true (wait_for (widget_mapped, page));
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (page)), ==, "view-list-symbolic");
  /* Set again while it shows, at once. */
  spanmark_display_set_status_icon (ADW_STATUS_PAGE (page), "document-open-symbolic");
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (page)), ==, "document-open-symbolic");
  spanmark_test_destroy_window (other, stack);
}

/* Every key the window handles is listed in the Keyboard Shortcuts window. */
static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *expected[] = {
    "1...9", "Delete", "Tab", "<Shift>Tab", "<Control>z", "<Control><Shift>z",
    "<Control>Return", "<Control>f", "<Control>g", "<Control>s", "<Control>o",
    "<Control>n", "<Control>e", "<Control><Shift>s", "<Control>question", "<Control>q", "<Control>comma",
    "F6", "<Shift>F6",
    "<Alt>Left <Alt>Right", "<Alt><Shift>Left <Alt><Shift>Right", "<Control><Shift>Return",
    /* Suggestions; reopening moved off Ctrl+Shift+Return. */
    "Return", "<Shift>Return", "BackSpace x", "t", "<Control><Shift>t",
    /* Review mode. */
    "<Control>r", "<Alt>1...<Alt>9", "a", "x", "bracketright", "bracketleft", "n", "<Shift>n",
    "<Shift>a", "<Alt><Shift>1...<Alt><Shift>9",
    /* Corpus-wide entities. */
    "<Control>k",
    "<Shift>F10 Menu",
  };

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;

        g_object_get (l->data, "accelerator", &accelerator, NULL);
        g_hash_table_add (listed, g_steal_pointer (&accelerator));
      }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_hash_table_contains (listed, expected[i]));
  g_assert_cmpuint (g_hash_table_size (listed), ==, G_N_ELEMENTS (expected));

  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

int
main (int   argc,
      char *argv[])
{
  spanmark_test_init (&argc, &argv);

  SPANMARK_TEST_ADD ("/window/open", test_open);
  SPANMARK_TEST_ADD ("/window/annotate", test_annotate);
  SPANMARK_TEST_ADD ("/window/search", test_search);
  SPANMARK_TEST_ADD ("/window/panels", test_panels);
  SPANMARK_TEST_ADD ("/window/keys", test_keys);
  SPANMARK_TEST_ADD ("/window/autosave-and-close", test_autosave_and_close);
  SPANMARK_TEST_ADD ("/window/annotator-change", test_annotator_change);
  SPANMARK_TEST_ADD ("/window/export", test_export);
  SPANMARK_TEST_ADD ("/window/external-change", test_external_change);
  SPANMARK_TEST_ADD ("/window/read-only", test_read_only);
  SPANMARK_TEST_ADD ("/window/broken-entry", test_broken_entry);
  SPANMARK_TEST_ADD ("/window/done-next", test_done_next);
  SPANMARK_TEST_ADD ("/window/accessible-labels", test_accessible_labels);
  SPANMARK_TEST_ADD ("/window/undo-toast", test_undo_toast);
  SPANMARK_TEST_ADD ("/window/tab-from-caret", test_tab_from_caret);
  SPANMARK_TEST_ADD ("/window/panes", test_panes);
  SPANMARK_TEST_ADD ("/window/label-chips", test_label_chips);
  SPANMARK_TEST_ADD ("/window/long-label-titles", test_long_label_titles);
  SPANMARK_TEST_ADD ("/window/status-icons", test_status_icons);
  g_test_add_func ("/window/create-project", test_create_project);
  g_test_add_func ("/window/open-not-a-project", test_open_not_a_project);
  g_test_add_func ("/window/help-overlay", test_help_overlay);

  return g_test_run ();
}
