/* test-document-session.c — one open document: autosave, conflicts, failed saves
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No display: the session is GLib and GIO only.  Autosave runs on the
 * test clock (spanmark_document_session_set_test_clock), so nothing
 * depends on how fast the machine is.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "spanmark-document-session.h"
#include "spanmark-test-util.h"

/* Any start will do; not 0, which means "none" for the due time. */
#define T0 (1000 * G_USEC_PER_SEC)
#define S  G_USEC_PER_SEC

typedef struct
{
  char                    *tmp;
  char                    *path;      /* the project */
  char                    *file;      /* annotations/alice/d1.json */
  SpanmarkProject         *project;
  SpanmarkDocumentSession *session;   /* alice on d1 */
  guint                    edited;
  guint                    dirty_notified;
  guint                    failed;
} Fixture;

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
failed_cb (SpanmarkDocumentSession *session,
           const GError            *error,
           Fixture                 *fixture)
{
  g_assert_nonnull (error);
  fixture->failed++;
}

static SpanmarkDocumentSession *
open_session (Fixture    *fixture,
              const char *doc_id)
{
  g_autoptr(GError) error = NULL;
  SpanmarkDocumentSession *session;

  session = spanmark_document_session_new (fixture->project,
                                           spanmark_project_lookup_document (fixture->project, doc_id),
                                           "alice", &error);
  g_assert_no_error (error);
  g_object_set (session, "autosave-delay", 2, "autosave-max-delay", 3, NULL);
  spanmark_document_session_set_test_clock (session, T0);

  return session;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmp = spanmark_test_make_project ("project", "Session", &fixture->path, &fixture->project);
  spanmark_project_add_document (fixture->project, "d1", "Mayor Li Wei opened the Harbour Town bridge.\n", NULL, &error);
  g_assert_no_error (error);
  spanmark_project_add_document (fixture->project, "d2", "Nothing here.\n", NULL, &error);
  g_assert_no_error (error);
  spanmark_project_save (fixture->project, &error);
  g_assert_no_error (error);
  fixture->file = g_build_filename (fixture->path, "annotations", "alice", "d1.json", NULL);

  fixture->session = open_session (fixture, "d1");
  g_signal_connect_swapped (fixture->session, "edited", G_CALLBACK (count_cb), &fixture->edited);
  g_signal_connect_swapped (fixture->session, "notify::dirty", G_CALLBACK (count_cb), &fixture->dirty_notified);
  g_signal_connect (fixture->session, "autosave-failed", G_CALLBACK (failed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->session);
  g_assert_finalize_object (fixture->project);
  spanmark_test_remove_tree (fixture->tmp);
  g_free (fixture->tmp);
  g_free (fixture->path);
  g_free (fixture->file);
}

static SpanmarkAnnotationSet *
set_of (Fixture *fixture)
{
  return spanmark_document_session_get_annotation_set (fixture->session);
}

static void
add_span (Fixture *fixture,
          guint    start)
{
  g_autoptr(GError) error = NULL;

  spanmark_annotation_set_add_span (set_of (fixture), start, start + 1, "PLACE", &error);
  g_assert_no_error (error);
}

/* The spans in the file; -1 when there is none. */
static int
saved_spans (Fixture *fixture)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->path);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (fixture->file, G_FILE_TEST_EXISTS))
    return -1;

  project = spanmark_project_open (dir, &error);
  g_assert_no_error (error);
  set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d1"),
                                           "alice", &error);
  g_assert_no_error (error);

  return (int) spanmark_annotation_set_get_n_spans (set);
}

/* Another version of d1, written by a second project on the folder. */
static char *
write_other_version (Fixture *fixture,
                     guint    n_spans)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->path);
  g_autoptr(SpanmarkProject) other = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) error = NULL;

  other = spanmark_project_open (dir, &error);
  g_assert_no_error (error);
  set = spanmark_annotation_set_new ("d1", "alice", "Mayor Li Wei opened the Harbour Town bridge.\n");
  for (guint i = 0; i < n_spans; i++)
    spanmark_annotation_set_add_span (set, 20 + i, 21 + i, "OFFICIAL", NULL);
  spanmark_project_save_annotations (other, set, &error);
  g_assert_no_error (error);

  return spanmark_test_read_file (fixture->file, NULL);
}

static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GFile) expected = g_file_new_for_path (fixture->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkDocumentSession) missing = NULL;
  g_autofree char *text = g_build_filename (fixture->path, "documents", "d2.txt", NULL);
  guint autosave_delay = 0;

  g_assert_true (spanmark_document_session_get_project (fixture->session) == fixture->project);
  g_assert_cmpstr (spanmark_document_get_id (spanmark_document_session_get_document (fixture->session)), ==, "d1");
  g_assert_cmpstr (spanmark_annotation_set_get_annotator (set_of (fixture)), ==, "alice");
  g_assert_true (g_file_equal (spanmark_document_session_get_file (fixture->session), expected));
  g_assert_false (spanmark_document_session_get_read_only (fixture->session));
  g_assert_null (spanmark_document_session_get_load_error (fixture->session));
  g_assert_false (spanmark_document_session_get_dirty (fixture->session));
  g_assert_nonnull (spanmark_document_session_get_monitor (fixture->session));
  g_object_get (fixture->session, "autosave-delay", &autosave_delay, NULL);
  g_assert_cmpuint (autosave_delay, ==, 2);

  /* A text that cannot be read opens nothing. */
  g_assert_cmpint (g_unlink (text), ==, 0);
  missing = spanmark_document_session_new (fixture->project, spanmark_project_lookup_document (fixture->project, "d2"),
                                           "alice", &error);
  g_assert_null (missing);
  g_assert_nonnull (error);
}

/* A change is saved autosave-delay after the last one, and never later
 * than autosave-max-delay after the first. */
static void
test_autosave (Fixture       *fixture,
               gconstpointer  data)
{
  SpanmarkDocumentSession *session = fixture->session;

  g_assert_cmpint (spanmark_document_session_get_autosave_due (session), ==, 0);
  add_span (fixture, 0);
  g_assert_true (spanmark_document_session_get_dirty (session));
  g_assert_cmpuint (fixture->edited, ==, 1);
  g_assert_cmpuint (fixture->dirty_notified, ==, 1);
  g_assert_cmpint (spanmark_document_session_get_autosave_due (session), ==, T0 + 2 * S);

  spanmark_document_session_set_test_clock (session, T0 + 1 * S);
  add_span (fixture, 1);
  g_assert_cmpint (spanmark_document_session_get_autosave_due (session), ==, T0 + 3 * S);
  spanmark_document_session_set_test_clock (session, T0 + 2 * S);
  add_span (fixture, 2);
  /* Not T0 + 4 s: the first change was at T0. */
  g_assert_cmpint (spanmark_document_session_get_autosave_due (session), ==, T0 + 3 * S);
  g_assert_cmpuint (fixture->dirty_notified, ==, 1);

  spanmark_document_session_set_test_clock (session, T0 + 3 * S - 1);
  g_assert_cmpint (saved_spans (fixture), ==, -1);
  spanmark_document_session_set_test_clock (session, T0 + 3 * S);
  g_assert_cmpint (saved_spans (fixture), ==, 3);
  g_assert_false (spanmark_document_session_get_dirty (session));
  g_assert_cmpuint (fixture->dirty_notified, ==, 2);
  g_assert_cmpint (spanmark_document_session_get_autosave_due (session), ==, 0);

  /* The save marked the new document in progress, which is no edit. */
  g_assert_cmpint (spanmark_annotation_set_get_status (set_of (fixture)), ==, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_cmpuint (fixture->edited, ==, 3);
  g_assert_cmpint (spanmark_document_session_get_autosave_due (session), ==, 0);
  g_assert_cmpuint (fixture->failed, ==, 0);
}

/* Another version on disk: nothing is written over it until the
 * annotator chooses. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  SpanmarkDocumentSession *session = fixture->session;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GFile) conflicts = g_file_new_build_filename (fixture->path, "conflicts", NULL);
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;

  add_span (fixture, 0);
  g_assert_true (spanmark_document_session_save (session, &error));
  g_assert_no_error (error);

  theirs = write_other_version (fixture, 2);
  add_span (fixture, 1);
  g_assert_false (spanmark_document_session_save (session, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_true (spanmark_document_session_get_external_change (session));
  g_assert_true (spanmark_document_session_get_dirty (session));
  g_assert_false (spanmark_document_session_get_save_failing (session));
  after = spanmark_test_read_file (fixture->file, NULL);
  g_assert_cmpstr (after, ==, theirs);

  /* No autosave of its own, not even after the next change. */
  g_assert_cmpint (spanmark_document_session_get_autosave_due (session), ==, 0);
  add_span (fixture, 2);
  g_assert_cmpint (spanmark_document_session_get_autosave_due (session), ==, 0);

  /* A copy keeps the file as the other wrote it. */
  copy = spanmark_document_session_save_copy (session, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_has_prefix (copy, conflicts));
  g_clear_pointer (&after, g_free);
  after = spanmark_test_read_file (fixture->file, NULL);
  g_assert_cmpstr (after, ==, theirs);

  /* Keep mine: written over theirs, the conflict is settled. */
  g_assert_true (spanmark_document_session_keep_mine (session, &error));
  g_assert_no_error (error);
  g_assert_false (spanmark_document_session_get_external_change (session));
  g_assert_false (spanmark_document_session_get_dirty (session));
  g_assert_cmpint (saved_spans (fixture), ==, 3);
}

/* Makes saving fail as a full disk does: alice's folder is a file. */
static void
block_saving (Fixture  *fixture,
              gboolean  blocked)
{
  g_autofree char *folder = g_path_get_dirname (fixture->file);

  spanmark_test_remove_tree (folder);
  if (blocked)
    spanmark_test_write_file (folder, "in the way\n", -1);
}

static void
test_failed_save (Fixture       *fixture,
                  gconstpointer  data)
{
  SpanmarkDocumentSession *session = fixture->session;
  gint64 due;

  block_saving (fixture, TRUE);
  add_span (fixture, 0);
  spanmark_document_session_set_test_clock (session, T0 + 2 * S);

  /* Said once; tried again a few seconds later, and said no more. */
  g_assert_cmpuint (fixture->failed, ==, 1);
  g_assert_true (spanmark_document_session_get_save_failing (session));
  g_assert_true (spanmark_document_session_get_dirty (session));
  due = spanmark_document_session_get_autosave_due (session);
  g_assert_cmpint (due, >, T0 + 2 * S);
  g_assert_cmpint (due, <=, T0 + 7 * S);
  spanmark_document_session_set_test_clock (session, due);
  g_assert_cmpuint (fixture->failed, ==, 1);
  g_assert_true (spanmark_document_session_get_save_failing (session));

  /* Once the disk has room, the retry saves. */
  block_saving (fixture, FALSE);
  due = spanmark_document_session_get_autosave_due (session);
  spanmark_document_session_set_test_clock (session, due);
  g_assert_false (spanmark_document_session_get_save_failing (session));
  g_assert_false (spanmark_document_session_get_dirty (session));
  g_assert_cmpint (saved_spans (fixture), ==, 1);
}

/* A file that does not load: read-only, and never written. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  const char *corrupt = "{ \"spanmark\": 1, \"spans\": [ oops\n";
  g_autoptr(SpanmarkDocumentSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  spanmark_test_write_file (fixture->file, corrupt, -1);
  g_clear_object (&fixture->session);
  session = open_session (fixture, "d1");
  fixture->session = g_object_ref (session);

  g_assert_true (spanmark_document_session_get_read_only (session));
  g_assert_nonnull (strstr (spanmark_document_session_get_load_error (session)->message, "d1.json"));
  /* The text is there all the same. */
  g_assert_cmpuint (spanmark_annotation_set_get_length (spanmark_document_session_get_annotation_set (session)), >, 0);

  g_assert_false (spanmark_document_session_save (session, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "d1.json"));
  g_assert_true (spanmark_document_session_keep_mine (session, NULL));

  /* Nothing comes to write it later either. */
  spanmark_annotation_set_add_span (spanmark_document_session_get_annotation_set (session), 0, 1, "PLACE", NULL);
  g_assert_cmpint (spanmark_document_session_get_autosave_due (session), ==, 0);
  spanmark_document_session_set_test_clock (session, T0 + 60 * S);
  after = spanmark_test_read_file (fixture->file, NULL);
  g_assert_cmpstr (after, ==, corrupt);
}

static void
seed_cb (SpanmarkAnnotationSet *set,
         gpointer               user_data)
{
  guint *calls = user_data;

  (*calls)++;
  g_assert_nonnull (spanmark_annotation_set_add_span (set, 0, 5, "OFFICIAL", NULL));
  g_assert_nonnull (spanmark_annotation_set_add_span (set, 6, 12, "OFFICIAL", NULL));
}

/* A document without a file can start from a seed (review mode's
 * curated version): no edit, so nothing to save or undo until the first
 * real change, which saves the seed with it. */
static void
test_seed (Fixture       *fixture,
           gconstpointer  data)
{
  SpanmarkDocumentSession *session = fixture->session;
  SpanmarkAnnotationSet *set = spanmark_document_session_get_annotation_set (session);
  guint calls = 0;

  g_assert_true (spanmark_document_session_seed (session, seed_cb, &calls));
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 2);
  g_assert_false (spanmark_document_session_get_dirty (session));
  g_assert_cmpuint (fixture->edited, ==, 0);
  g_assert_cmpint (spanmark_document_session_get_autosave_due (session), ==, 0);
  g_assert_false (spanmark_history_can_undo (spanmark_annotation_set_get_history (set)));
  spanmark_document_session_set_test_clock (session, T0 + 60 * S);
  g_assert_false (g_file_test (fixture->file, G_FILE_TEST_EXISTS));

  /* Not twice, and not once there are changes. */
  add_span (fixture, 20);
  g_assert_false (spanmark_document_session_seed (session, seed_cb, &calls));
  g_assert_cmpuint (calls, ==, 1);
  spanmark_document_session_set_test_clock (session, T0 + 120 * S);
  g_assert_cmpint (saved_spans (fixture), ==, 3);

  /* A file that exists is never seeded over. */
  g_clear_object (&fixture->session);
  fixture->session = open_session (fixture, "d1");
  g_assert_false (spanmark_document_session_seed (fixture->session, seed_cb, &calls));
  g_assert_cmpuint (calls, ==, 1);
}

/* The status a first save sets is no undo step: Undo after an autosave
 * undoes the annotator's last edit. */
static void
test_save_is_not_an_edit (Fixture       *fixture,
                          gconstpointer  data)
{
  SpanmarkAnnotationSet *set = set_of (fixture);
  SpanmarkHistory *history = spanmark_annotation_set_get_history (set);
  guint status_notified = 0;

  g_signal_connect_swapped (set, "notify::status", G_CALLBACK (count_cb), &status_notified);
  add_span (fixture, 0);
  add_span (fixture, 6);
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 2);
  spanmark_document_session_set_test_clock (fixture->session, spanmark_document_session_get_autosave_due (fixture->session));
  g_assert_cmpint (saved_spans (fixture), ==, 2);
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_cmpuint (status_notified, ==, 1);

  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 2);
  g_assert_true (spanmark_history_undo (history));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SPANMARK_TEST_ADD ("/document-session/open", test_open);
  SPANMARK_TEST_ADD ("/document-session/autosave", test_autosave);
  SPANMARK_TEST_ADD ("/document-session/conflict", test_conflict);
  SPANMARK_TEST_ADD ("/document-session/failed-save", test_failed_save);
  SPANMARK_TEST_ADD ("/document-session/read-only", test_read_only);
  SPANMARK_TEST_ADD ("/document-session/seed", test_seed);
  SPANMARK_TEST_ADD ("/document-session/save-is-not-an-edit", test_save_is_not_an_edit);

  return g_test_run ();
}
