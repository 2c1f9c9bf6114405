/* test-sync-window.c — the window's team sync, against a bare remote
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture's project is shared from the window (win.share-to) to a
 * bare repository in the test's folder, then synced with win.sync; a
 * second clone, driven through the core, plays the annotator's other
 * computer and a teammate.  Every wait is for the worker to finish
 * (spanmark_window_get_sync_pending()), never for a time.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "app-test-util.h"
#include "spanmark-review-panel.h"
#include "spanmark-sync.h"
#include "spanmark-test-git.h"
#include "window-test-fixture.h"

static gboolean
sync_settled (gpointer data)
{
  SpanmarkWindow *window = data;

  return spanmark_window_get_sync_pending (window) == 0 && !spanmark_window_get_sync_busy (window);
}

static void
settle (Fixture *fixture)
{
  g_assert_true (wait_for (sync_settled, fixture->window));
}

static gboolean
remote_has (const char *remote,
            const char *path)
{
  g_autofree char *data = spanmark_test_git_read_branch (remote, path);

  return data != NULL;
}

/* Whether the remote has the project's file @path as it is here. */
static gboolean
remote_has_local (Fixture    *fixture,
                  const char *remote,
                  const char *path)
{
  g_autofree char *there = spanmark_test_git_read_branch (remote, path);
  g_autofree char *full = g_build_filename (fixture->project_path, path, NULL);
  g_autofree char *here = spanmark_test_read_file (full, NULL);

  return g_strcmp0 (there, here) == 0;
}

/* Tags characters [@start, @start + 2) of the open document and saves. */
static void
tag_and_save (Fixture *fixture,
              guint    start)
{
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  g_autoptr(GError) error = NULL;

  spanmark_annotation_set_add_span (set, start, start + 2, "PLACE", &error);
  g_assert_no_error (error);
  spanmark_window_save (fixture->window, &error);
  g_assert_no_error (error);
}

static char *
open_file (Fixture *fixture)
{
  SpanmarkDocument *document = spanmark_window_get_document (fixture->window);
  g_autofree char *name = g_strconcat (spanmark_document_get_id (document), ".json", NULL);

  return g_build_filename ("annotations", ANNOTATOR, name, NULL);
}

static char *
share (Fixture *fixture)
{
  char *remote = spanmark_test_git_make_bare (fixture->tmp);

  settle (fixture);
  g_assert_cmpstr (named_text (fixture, "sync-state"), ==, "Not shared");
  g_assert_true (gtk_widget_get_visible (named (fixture, "sync-button")));
  activate (fixture, "win.share-to", remote);
  settle (fixture);
  g_assert_true (remote_has (remote, "spanmark.json"));
  g_assert_cmpstr (named_text (fixture, "sync-state"), ==, "Synced just now");
  return remote;
}

static void
test_share_and_sync (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *remote = share (fixture);
  g_autofree char *away = g_strconcat (remote, ".away", NULL);
  g_autofree char *file = open_file (fixture);

  /* A save: one document not on the remote yet, then Ctrl+Shift+S's action. */
  tag_and_save (fixture, 0);
  settle (fixture);
  g_assert_cmpstr (named_text (fixture, "sync-state"), ==, "1 unsynced document");
  g_assert_false (remote_has_local (fixture, remote, file));
  activate (fixture, "win.sync", NULL);
  g_assert_true (spanmark_window_get_sync_busy (fixture->window));
  g_assert_cmpstr (named_text (fixture, "sync-state"), ==, "Syncing…");
  settle (fixture);
  g_assert_true (remote_has_local (fixture, remote, file));
  g_assert_cmpstr (named_text (fixture, "sync-state"), ==, "Synced just now");

  /* The remote gone: "Offline", the work kept; back, and the retry sends it. */
  tag_and_save (fixture, 4);
  g_assert_cmpint (g_rename (remote, away), ==, 0);
  activate (fixture, "win.sync", NULL);
  settle (fixture);
  g_assert_true (spanmark_window_get_sync_offline (fixture->window));
  g_assert_cmpstr (named_text (fixture, "sync-state"), ==, "Offline");
  g_assert_cmpint (g_rename (away, remote), ==, 0);
  activate (fixture, "win.sync", NULL);
  settle (fixture);
  g_assert_false (spanmark_window_get_sync_offline (fixture->window));
  g_assert_true (remote_has_local (fixture, remote, file));
  g_assert_cmpstr (named_text (fixture, "sync-state"), ==, "Synced just now");
}

static SpanmarkAnnotationSet *
edit_in_clone (const char     *clone,
               const char     *annotator,
               guint           start,
               SpanmarkStatus  status)
{
  return spanmark_test_tag_document (clone, 0, annotator, start, status);
}

static void
sync_clone (const char *clone,
            const char *annotator)
{
  g_autoptr(GFile) dir = g_file_new_for_path (clone);
  g_autoptr(SpanmarkSync) sync = spanmark_sync_new (dir, annotator, FALSE);
  g_autoptr(SpanmarkSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = spanmark_sync_run (sync, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* The annotator's other computer changed the open document too: after
 * the sync the banner says both versions are kept, and where. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *remote = share (fixture);
  g_autofree char *clone = g_build_filename (fixture->tmp, "laptop", NULL);
  g_autoptr(GFile) clone_dir = g_file_new_for_path (clone);
  g_autoptr(GError) error = NULL;
  g_autofree char *file = open_file (fixture);
  g_autofree char *path = g_build_filename (fixture->project_path, file, NULL);
  g_autofree char *laptop_path = g_build_filename (clone, file, NULL);
  g_autofree char *laptop = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *now = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(SpanmarkAnnotationSet) other = NULL;
  GtkWidget *banner;
  const char *message;
  const char *copy_name;

  spanmark_sync_clone (remote, clone_dir, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  other = edit_in_clone (clone, ANNOTATOR, 10, SPANMARK_STATUS_IN_PROGRESS);
  sync_clone (clone, ANNOTATOR);
  laptop = spanmark_test_read_file (laptop_path, NULL);

  tag_and_save (fixture, 0);
  mine = spanmark_test_read_file (path, NULL);
  activate (fixture, "win.sync", NULL);
  settle (fixture);

  banner = named (fixture, "changed-banner");
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (banner)));
  message = named_text (fixture, "changed-message");
  g_test_message ("%s", message);
  copy_name = strstr (message, "conflicts/" ANNOTATOR "/");
  g_assert_nonnull (copy_name);
  g_assert_false (spanmark_window_get_external_change (fixture->window));

  /* Nothing lost: mine in its place (and on screen), the laptop's in the copy. */
  now = spanmark_test_read_file (path, NULL);
  g_assert_cmpstr (now, ==, mine);
  copy_path = g_build_filename (fixture->project_path, "conflicts", ANNOTATOR, NULL);
  {
    g_autoptr(GDir) folder = g_dir_open (copy_path, 0, NULL);
    const char *name = folder != NULL ? g_dir_read_name (folder) : NULL;
    g_autofree char *full = NULL;

    g_assert_nonnull (name);
    full = g_build_filename (copy_path, name, NULL);
    copy = spanmark_test_read_file (full, NULL);
  }
  g_assert_cmpstr (copy, ==, laptop);

  /* Leaving the document puts the banner away. */
  gtk_info_bar_response (GTK_INFO_BAR (banner), GTK_RESPONSE_CLOSE);
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (banner)));
}

/* A teammate's work arrives; review mode's annotator list then says how
 * far each annotator is. */
static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *remote = share (fixture);
  g_autofree char *clone = g_build_filename (fixture->tmp, "bob", NULL);
  g_autoptr(GFile) clone_dir = g_file_new_for_path (clone);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkAnnotationSet) bob = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  SpanmarkProject *project;
  GtkWidget *progress;
  GtkWidget *panel;
  g_autofree char *bobs = NULL;

  spanmark_sync_clone (remote, clone_dir, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  bob = edit_in_clone (clone, "bob", 0, SPANMARK_STATUS_DONE);
  sync_clone (clone, "bob");

  tag_and_save (fixture, 0);
  activate (fixture, "win.sync", NULL);
  settle (fixture);
  bobs = g_build_filename (fixture->project_path, "annotations", "bob",
                           spanmark_document_get_id (spanmark_window_get_document (fixture->window)), NULL);
  {
    g_autofree char *json = g_strconcat (bobs, ".json", NULL);

    g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
  }

  project = spanmark_window_get_project (fixture->window);
  g_assert_true (spanmark_window_set_review_mode (fixture->window, TRUE));
  select_range (fixture, 0, 0);
  wait_for (main_loop_idle, NULL);
  panel = named (fixture, "review-panel");
  progress = spanmark_test_find_named (panel, "review-annotator-progress");
  g_assert_nonnull (progress);
  labels = spanmark_test_collect_of_type (panel, GTK_TYPE_LABEL, g_ptr_array_new ());
  {
    g_autofree char *expected = g_strdup_printf ("Done: 1 of %u", spanmark_project_get_n_documents (project));
    gboolean found = FALSE;

    for (guint i = 0; i < labels->len; i++)
      if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (labels, i)), "review-annotator-progress") == 0
          && g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), expected))
        found = TRUE;
    g_assert_true (found);
  }
  g_assert_true (spanmark_window_set_review_mode (fixture->window, FALSE));
}

/* The avatars of @row's box: their style classes, "bob=team-done tester=team-in-progress". */
static char *
row_avatars (SpanmarkDocumentRow *row)
{
  GtkWidget *box = spanmark_document_row_get_team_box (row);
  g_autoptr(GString) text = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      g_assert_true (ADW_IS_AVATAR (child));
      g_assert_true (adw_avatar_get_show_initials (ADW_AVATAR (child)));
      g_string_append_printf (text, "%s%s=%s", text->len > 0 ? " " : "", adw_avatar_get_text (ADW_AVATAR (child)),
                              gtk_widget_has_css_class (child, "team-done") ? "team-done"
                              : gtk_widget_has_css_class (child, "team-in-progress") ? "team-in-progress" : "?");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Teammates' progress in the document list: an avatar per annotator who
 * has the document, done or in progress, named in the tooltip and the
 * accessible label; what a later sync brings shows after it. */
static void
test_team_marks (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *remote = share (fixture);
  g_autofree char *clone = g_build_filename (fixture->tmp, "bob", NULL);
  g_autoptr(GFile) clone_dir = g_file_new_for_path (clone);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkAnnotationSet) first = NULL;
  g_autoptr(SpanmarkAnnotationSet) second = NULL;
  SpanmarkProject *project = spanmark_window_get_project (fixture->window);
  const char *one = spanmark_document_get_id (spanmark_project_get_document (project, 0));
  g_autofree char *two = g_strdup (spanmark_document_get_id (spanmark_project_get_document (project, 1)));
  g_autofree char *avatars = NULL;
  SpanmarkDocumentRow *row;
  GtkWidget *box;

  spanmark_sync_clone (remote, clone_dir, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  first = spanmark_test_tag_document (clone, 0, "bob", 0, SPANMARK_STATUS_DONE);
  sync_clone (clone, "bob");

  /* Nobody has started the second document: no marks. */
  settle (fixture);
  g_assert_null (spanmark_document_row_get_team_text (row_of (fixture, two)));

  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (fixture->window)), ==, one);
  tag_and_save (fixture, 0);
  activate (fixture, "win.sync", NULL);
  settle (fixture);
  row = row_of (fixture, one);
  g_assert_cmpstr (spanmark_document_row_get_team_text (row), ==, "bob: Done, tester: In progress");
  box = spanmark_document_row_get_team_box (row);
  g_assert_true (gtk_widget_get_visible (box));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (box), ==, "bob: Done, tester: In progress");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "bob: Done, tester: In progress");
  avatars = row_avatars (row);
  g_assert_cmpstr (avatars, ==, "bob=team-done tester=team-in-progress");
  g_assert_null (spanmark_document_row_get_team_text (row_of (fixture, two)));

  /* Bob starts the second document: the window's next sync shows it. */
  second = spanmark_test_tag_document (clone, 1, "bob", 2, SPANMARK_STATUS_IN_PROGRESS);
  sync_clone (clone, "bob");
  g_assert_null (spanmark_document_row_get_team_text (row_of (fixture, two)));
  activate (fixture, "win.sync", NULL);
  settle (fixture);
  g_assert_cmpstr (spanmark_document_row_get_team_text (row_of (fixture, two)), ==, "bob: In progress");
  g_clear_pointer (&avatars, g_free);
  avatars = row_avatars (row_of (fixture, two));
  g_assert_cmpstr (avatars, ==, "bob=team-in-progress");
  g_assert_cmpstr (spanmark_document_row_get_team_text (row_of (fixture, one)), ==, "bob: Done, tester: In progress");
}

/* Open from URL: the remote is cloned into the app's data folder and opened. */
static void
test_clone (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *remote = share (fixture);
  g_autofree char *projects = g_build_filename (g_get_user_data_dir (), "spanmark", "projects", NULL);
  g_autofree char *path = NULL;
  GFile *dir;

  activate (fixture, "win.clone-from", remote);
  settle (fixture);
  dir = spanmark_project_get_dir (spanmark_window_get_project (fixture->window));
  path = g_file_get_path (dir);
  g_test_message ("cloned into %s", path);
  g_assert_true (g_str_has_prefix (path, projects));
  g_assert_cmpuint (spanmark_project_get_n_documents (spanmark_window_get_project (fixture->window)), ==, 2);
  settle (fixture);
  g_assert_cmpstr (named_text (fixture, "sync-state"), ==, "Not synced yet");
  spanmark_test_remove_tree (path);
}

int
main (int   argc,
      char *argv[])
{
  spanmark_test_init (&argc, &argv);

  SPANMARK_TEST_ADD ("/sync-window/share-and-sync", test_share_and_sync);
  SPANMARK_TEST_ADD ("/sync-window/conflict", test_conflict);
  SPANMARK_TEST_ADD ("/sync-window/progress", test_progress);
  SPANMARK_TEST_ADD ("/sync-window/clone", test_clone);
  SPANMARK_TEST_ADD ("/sync-window/team-marks", test_team_marks);

  return g_test_run ();
}
