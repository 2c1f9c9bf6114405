/* test-special-files.c — the window given a FIFO, a folder or a link out
 * of the project in place of a file
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file the window reads goes through the core's safe reader, so a
 * named pipe where an annotation file or a text should be opens the
 * document read-only, or not at all, with a message — the window used to
 * wait forever for someone to write into the pipe.
 */

#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "app-test-util.h"
#include "spanmark-import.h"
#include "spanmark-settings.h"
#include "spanmark-window.h"

#define ANNOTATOR "tester"

static gboolean
main_loop_idle (void)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_main_context_pending (NULL))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }
  return TRUE;
}

static void
test_special_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tmp = spanmark_test_make_project ("p", "Special", &path, &project);
  g_autofree char *folder = g_build_filename (path, "annotations", ANNOTATOR, NULL);
  g_autofree char *fifo_json = g_build_filename (folder, "news.json", NULL);
  g_autofree char *fifo_text = g_build_filename (path, "documents", "emoji.txt", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  SpanmarkImportOptions options = { NULL, SPANMARK_TEXT_ENCODING_UTF8 };
  GSettings *settings = spanmark_settings_get_gsettings (spanmark_settings_get_default ());
  const char *names[] = { "emoji.txt", "news.txt" };
  SpanmarkWindow *window;

  g_settings_set_string (settings, "annotator-name", ANNOTATOR);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "app", "fixtures", names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (fixture);

      g_assert_cmpint (spanmark_import_file (project, file, &options, &error), ==, 1);
      g_assert_no_error (error);
    }
  spanmark_project_save (project, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_cmpint (mkfifo (fifo_json, 0644), ==, 0);
  g_assert_cmpint (g_unlink (fifo_text), ==, 0);
  g_assert_cmpint (mkfifo (fifo_text, 0644), ==, 0);

  window = spanmark_test_new_window (dir);
  /* The document list peeks at every annotation file. */
  g_assert_true (main_loop_idle ());

  /* A FIFO for the annotations: read-only, saying so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-document", "s", "news"));
  g_assert_true (spanmark_window_get_read_only (window));
  g_assert_nonnull (strstr (spanmark_test_label_text (GTK_WIDGET (window), "read-only-message"), "named pipe"));
  g_assert_true (main_loop_idle ());

  /* A FIFO for the text: not opened, with a message. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-document", "s", "emoji"));
  g_assert_true (main_loop_idle ());

  /* Both FIFOs are still FIFOs: nothing was written over them. */
  {
    struct stat st;

    g_assert_cmpint (g_lstat (fifo_json, &st), ==, 0);
    g_assert_true (S_ISFIFO (st.st_mode));
    g_assert_cmpint (g_lstat (fifo_text, &st), ==, 0);
    g_assert_true (S_ISFIFO (st.st_mode));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (main_loop_idle ());
  g_object_unref (window);
  spanmark_test_remove_tree (tmp);
}

/* Regression: the window read the files of its annotator's folder when
 * that folder was a symbolic link (here to another annotator's), which
 * every command skips.  The core's rule holds here too: read-only, with
 * the folder named, and nothing written through the link. */
static void
test_annotator_link (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tmp = spanmark_test_make_project ("p", "Linked", &path, &project);
  g_autofree char *link = g_build_filename (path, "annotations", ANNOTATOR, NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "app", "fixtures", "news.txt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  SpanmarkImportOptions options = { NULL, SPANMARK_TEXT_ENCODING_UTF8 };
  GSettings *settings = spanmark_settings_get_gsettings (spanmark_settings_get_default ());
  SpanmarkWindow *window;

  g_settings_set_string (settings, "annotator-name", ANNOTATOR);
  g_assert_cmpint (spanmark_import_file (project, file, &options, &error), ==, 1);
  g_assert_no_error (error);
  spanmark_project_save (project, &error);
  g_assert_no_error (error);
  set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "news"),
                                           "other", &error);
  g_assert_no_error (error);
  g_assert_nonnull (spanmark_annotation_set_add_span (set, 0, 2, "PLACE", &error));
  g_assert_no_error (error);
  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink ("other", link), ==, 0);
  before = spanmark_test_snapshot_tree (path);

  window = spanmark_test_new_window (dir);
  g_assert_true (main_loop_idle ());

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-document", "s", "news"));
  g_assert_true (spanmark_window_get_read_only (window));
  g_assert_nonnull (strstr (spanmark_test_label_text (GTK_WIDGET (window), "read-only-message"),
                            "annotations/" ANNOTATOR ": is a symbolic link"));
  g_assert_true (main_loop_idle ());

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (main_loop_idle ());
  g_object_unref (window);
  after = spanmark_test_snapshot_tree (path);
  g_assert_cmpstr (before, ==, after);
  spanmark_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  spanmark_test_init (&argc, &argv);

  g_test_add_func ("/special-files/fifos", test_special_files);
  g_test_add_func ("/special-files/annotator-link", test_annotator_link);

  return g_test_run ();
}
