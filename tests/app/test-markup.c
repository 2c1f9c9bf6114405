/* test-markup.c — text from documents and users is never read as markup
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One string that is not valid Pango markup goes through every place the
 * window shows names and text: project and folder names, document titles
 * and text, entity names and attributes, file paths in banners, toasts
 * and dialogs, the export dialog's destination and the Preferences
 * toast.  Each must show it as it is; read as markup it would show
 * something else, or (with G_DEBUG=fatal-warnings) abort the test.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "app-test-util.h"
#include "spanmark-export-dialog.h"
#include "spanmark-preferences-window.h"
#include "spanmark-settings.h"
#include "window-test-fixture.h"

#define NASTY "<b>x</b> & <span>"
#define TEXT "Mayor " NASTY " spoke in " NASTY ".\n"

/* How many of @labels show NASTY (within their text or, when @exact, as
 * all of it). */
static guint
count_in (GPtrArray *labels,
          gboolean   exact)
{
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      if (exact ? g_str_equal (text, NASTY) : strstr (text, NASTY) != NULL)
        n++;
    }

  return n;
}

static guint
count_shown (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = spanmark_test_collect_of_type (widget, GTK_TYPE_LABEL, g_ptr_array_new ());

  return count_in (labels, FALSE);
}

static guint
count_in_toasts (AdwToastOverlay *overlay,
                 gboolean         exact)
{
  g_autoptr(GPtrArray) labels = toast_labels (overlay);

  return count_in (labels, exact);
}

/* A project in a folder named NASTY, named NASTY, with a document titled
 * NASTY holding NASTY, tagged, with an entity named NASTY, and a second
 * document whose annotation file is broken. */
static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *span_id = NULL;
  g_autofree char *entity_id = NULL;
  const SpanmarkSpan *span;

  g_settings_set_string (spanmark_settings_get_gsettings (spanmark_settings_get_default ()),
                         "annotator-name", ANNOTATOR);
  fixture->tmp = spanmark_test_make_project (NASTY, NASTY, &fixture->project_path, &project);
  dir = g_file_new_for_path (fixture->project_path);
  spanmark_project_add_document (project, "d1", TEXT, NASTY, &error);
  g_assert_no_error (error);
  spanmark_project_add_document (project, "d2", TEXT, NULL, &error);
  g_assert_no_error (error);
  spanmark_project_save (project, &error);
  g_assert_no_error (error);

  set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d1"),
                                           ANNOTATOR, &error);
  g_assert_no_error (error);
  span = spanmark_annotation_set_add_span (set, 6, 6 + g_utf8_strlen (NASTY, -1), "OFFICIAL", &error);
  g_assert_no_error (error);
  span_id = g_strdup (span->id);
  entity_id = g_strdup (spanmark_annotation_set_add_entity (set, "OFFICIAL", NASTY)->id);
  spanmark_annotation_set_set_entity_attr (set, entity_id, "title", NASTY);
  spanmark_annotation_set_set_span_entity (set, span_id, entity_id);
  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);

  broken = g_build_filename (fixture->project_path, "annotations", ANNOTATOR, "d2.json", NULL);
  g_file_set_contents (broken, "{ not json", -1, &error);
  g_assert_no_error (error);

  fixture->window = spanmark_test_new_window (dir);
}

static void
test_window (Fixture       *fixture,
             gconstpointer  data)
{
  SpanmarkWindow *window = fixture->window;
  g_autofree char *gone = g_build_filename (fixture->tmp, NASTY " gone", NULL);
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (spanmark_test_find_of_type (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY));
  GtkWidget *panel;

  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (window)), ==, "d1");

  /* The title and subtitle (project name, document title), and the
   * window's own title. */
  g_assert_cmpuint (count_shown (spanmark_test_find_of_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE)), ==, 2);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), NASTY));

  /* The document list. */
  g_assert_cmpuint (count_shown (GTK_WIDGET (spanmark_window_get_document_list (window))), ==, 1);

  /* The Officials panel: the entity's name and its attribute. */
  panel = GTK_WIDGET (spanmark_window_get_label_panel (window, "OFFICIAL"));
  g_assert_cmpuint (count_shown (panel), >=, 2);

  /* The search count and the text are no markup either. */
  activate (fixture, "win.search", NULL);
  search_for (fixture, NASTY);
  g_assert_cmpstr (named_text (fixture, "search-count"), ==, "1 of 2");

  /* The toast saying why nothing is saved names the file's full path. */
  activate (fixture, "win.open-document", "d2");
  g_assert_true (spanmark_window_get_read_only (window));
  spanmark_window_clear_toasts (window);
  activate (fixture, "win.save", NULL);
  g_assert_cmpuint (count_in_toasts (overlay, FALSE), ==, 1);

  /* The export dialog's destination row names the folder; its result
   * comes back as a toast. */
  spanmark_window_clear_toasts (window);
  activate (fixture, "win.export", NULL);
  {
    SpanmarkExportDialog *dialog = SPANMARK_EXPORT_DIALOG (find_transient (GTK_WINDOW (window), SPANMARK_TYPE_EXPORT_DIALOG));
    g_autoptr(GFile) folder = g_file_new_for_path (fixture->project_path);

    g_assert_nonnull (dialog);
    spanmark_export_dialog_set_destination (dialog, folder);
    g_assert_cmpuint (count_shown (GTK_WIDGET (dialog)), ==, 1);
    g_signal_emit_by_name (dialog, "exported", folder, NASTY);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_assert_cmpuint (count_in_toasts (overlay, TRUE), ==, 1);

  /* The dialog saying a folder cannot be opened. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", gone));
  {
    GtkWindow *dialog = find_transient (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (dialog);
    g_assert_cmpuint (count_shown (GTK_WIDGET (dialog)), ==, 1);
    gtk_window_destroy (dialog);
  }

  /* The start page's recent projects: the folder's name and path (NASTY
   * holds a "/": the folder is "b> & <span>" inside "<b>x<"). */
  g_assert_cmpuint (count_shown (named (fixture, "recent-projects")), ==, 1);
  {
    g_autoptr(GPtrArray) labels = spanmark_test_collect_of_type (named (fixture, "recent-projects"),
                                                                 GTK_TYPE_LABEL, g_ptr_array_new ());
    guint n = 0;

    for (guint i = 0; i < labels->len; i++)
      if (g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), "b> & <span>"))
        n++;
    g_assert_cmpuint (n, ==, 1);
  }
  g_assert_true (wait_for (main_loop_idle, NULL));
}

/* Review mode's panel shows a unit's text and every version as plain
 * text: a second annotator has the same span as ANNOTATOR. */
static void
test_review (Fixture       *fixture,
             gconstpointer  data)
{
  SpanmarkWindow *window = fixture->window;
  SpanmarkProject *project = spanmark_window_get_project (window);
  SpanmarkDocument *d1 = spanmark_project_lookup_document (project, "d1");
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) error = NULL;

  set = spanmark_project_load_annotations (project, d1, "other", &error);
  g_assert_no_error (error);
  spanmark_annotation_set_add_span (set, 6, 6 + g_utf8_strlen (NASTY, -1), "OFFICIAL", &error);
  g_assert_no_error (error);
  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);

  activate (fixture, "win.reload", NULL);
  g_assert_true (spanmark_window_set_review_mode (window, TRUE));
  select_range (fixture, 7, 7);
  /* The unit's text, each annotator's version and the curated one. */
  g_assert_cmpuint (count_shown (named (fixture, "review-panel")), >=, 4);
  while (spanmark_window_get_ranking_pending (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (wait_for (main_loop_idle, NULL));
}

/* Regression: the Preferences toast put the typed name into markup. */
static void
test_preferences (void)
{
  GtkWidget *window = spanmark_preferences_window_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  AdwEntryRow *row;
  AdwToastOverlay *overlay;

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  rows = spanmark_test_collect_of_type (window, ADW_TYPE_ENTRY_ROW, g_ptr_array_new ());
  row = g_ptr_array_index (rows, 0);
  gtk_editable_set_text (GTK_EDITABLE (row), NASTY);
  g_signal_emit_by_name (row, "apply");

  overlay = ADW_TOAST_OVERLAY (spanmark_test_find_of_type (window, ADW_TYPE_TOAST_OVERLAY));
  g_assert_cmpuint (count_in_toasts (overlay, FALSE), ==, 1);

  destroy_window (window);
  g_settings_reset (spanmark_settings_get_gsettings (spanmark_settings_get_default ()), "annotator-name");
}

int
main (int   argc,
      char *argv[])
{
  spanmark_test_init (&argc, &argv);

  g_test_add ("/markup/window", Fixture, NULL, setup, test_window, fixture_tear_down);
  g_test_add ("/markup/review", Fixture, NULL, setup, test_review, fixture_tear_down);
  g_test_add_func ("/markup/preferences", test_preferences);

  return g_test_run ();
}
