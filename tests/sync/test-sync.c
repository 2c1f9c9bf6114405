/* test-sync.c — team sync against a bare repository on a local path
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test starts from the sample project shared by alice to a new bare
 * remote (sync-fixture.c), clones it as other machines would, and checks
 * what issue 14's "Done means" lists: two annotators see each other's
 * folders, the same annotator on two machines loses nothing, two
 * imports' indexes merge as a union, an unreachable remote is "offline"
 * and the next sync catches up.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>
#include <glib/gstdio.h>

#include "sync-fixture.h"
#include "spanmark-sync-merge.h"

static void
test_two_annotators (SyncFixture   *fixture,
                     gconstpointer  data)
{
  g_autofree char *second = sync_fixture_clone (fixture, "b");
  g_autofree char *stray = g_build_filename (fixture->first, "annotations", "carol", "yunlan-001.json", NULL);
  g_autoptr(SpanmarkSyncReport) bob = NULL;
  g_autoptr(SpanmarkSyncReport) alice = NULL;
  g_autoptr(SpanmarkSyncReport) again = NULL;
  g_autofree char *bobs_here = NULL;
  g_autofree char *bobs_there = NULL;
  g_autofree char *alices_here = NULL;
  g_autofree char *alices_there = NULL;

  sync_fixture_annotate (second, 0, "bob", 0, SPANMARK_STATUS_DONE);
  sync_fixture_annotate (second, 1, "bob", 4, SPANMARK_STATUS_IN_PROGRESS);
  bob = sync_fixture_sync (second, "bob");
  g_assert_cmpuint (bob->n_committed, ==, 2);
  g_assert_cmpuint (bob->n_done, ==, 1);
  g_assert_true (bob->pushed);

  /* Alice's sync takes only her folder: not a file someone left in
   * another annotator's folder on her machine. */
  sync_fixture_annotate (fixture->first, 2, "alice", 6, SPANMARK_STATUS_DONE);
  spanmark_test_write_file (stray, "{}\n", -1);
  alice = sync_fixture_sync (fixture->first, "alice");
  g_assert_cmpuint (alice->n_committed, ==, 1);
  g_assert_cmpuint (alice->conflicts->len, ==, 0);
  g_assert_false (sync_fixture_remote_has (fixture, "annotations/carol/yunlan-001.json"));
  g_assert_true (sync_fixture_remote_has (fixture, "annotations/alice/yunlan-003.json"));
  g_assert_cmpint (g_unlink (stray), ==, 0);

  /* Alice now has Bob's folder, and Bob, after his next sync, hers. */
  bobs_here = sync_fixture_read (fixture->first, "annotations/bob/yunlan-001.json");
  bobs_there = sync_fixture_read (second, "annotations/bob/yunlan-001.json");
  g_assert_nonnull (bobs_here);
  g_assert_cmpstr (bobs_here, ==, bobs_there);
  again = sync_fixture_sync (second, "bob");
  g_assert_cmpuint (again->n_committed, ==, 0);
  alices_here = sync_fixture_read (fixture->first, "annotations/alice/yunlan-003.json");
  alices_there = sync_fixture_read (second, "annotations/alice/yunlan-003.json");
  g_assert_nonnull (alices_there);
  g_assert_cmpstr (alices_here, ==, alices_there);
  g_assert_cmpuint (again->conflicts->len, ==, 0);

  /* The team's progress: bob's one document done, alice's one. */
  g_assert_cmpuint (again->n_documents, ==, 5);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (again->done, "bob")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (again->done, "alice")), ==, 1);
  g_assert_true (g_hash_table_contains (again->done, "wang"));

  sync_fixture_check (fixture->first);
  sync_fixture_check (second);
}

/* The same annotator changed the same document on two machines: the
 * second sync keeps its own version and the other beside it, under
 * conflicts/ where validate and the window find it. */
static void
test_same_annotator (SyncFixture   *fixture,
                     gconstpointer  data)
{
  g_autofree char *laptop = sync_fixture_clone (fixture, "laptop");
  g_autoptr(SpanmarkSyncReport) first = NULL;
  g_autoptr(SpanmarkSyncReport) second = NULL;
  g_autoptr(SpanmarkSyncReport) third = NULL;
  g_autofree char *desktop_version = NULL;
  g_autofree char *laptop_version = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *now_desktop = NULL;
  g_autofree char *now_laptop = NULL;
  const char *copy;

  sync_fixture_annotate (fixture->first, 0, "alice", 0, SPANMARK_STATUS_IN_PROGRESS);
  sync_fixture_annotate (laptop, 0, "alice", 10, SPANMARK_STATUS_DONE);
  desktop_version = sync_fixture_read (fixture->first, "annotations/alice/yunlan-001.json");
  laptop_version = sync_fixture_read (laptop, "annotations/alice/yunlan-001.json");
  g_assert_cmpstr (desktop_version, !=, laptop_version);

  first = sync_fixture_sync (fixture->first, "alice");
  g_assert_cmpuint (first->conflicts->len, ==, 0);
  second = sync_fixture_sync (laptop, "alice");
  g_assert_cmpuint (second->conflicts->len, ==, 1);
  copy = g_ptr_array_index (second->conflicts, 0);
  g_assert_true (g_str_has_prefix (copy, "conflicts/alice/yunlan-001-"));

  /* Nothing lost: the laptop's version where it was, the desktop's beside it. */
  now_laptop = sync_fixture_read (laptop, "annotations/alice/yunlan-001.json");
  g_assert_cmpstr (now_laptop, ==, laptop_version);
  kept = sync_fixture_read (laptop, copy);
  g_assert_cmpstr (kept, ==, desktop_version);

  /* The desktop then takes the merged result. */
  third = sync_fixture_sync (fixture->first, "alice");
  now_desktop = sync_fixture_read (fixture->first, "annotations/alice/yunlan-001.json");
  g_assert_cmpstr (now_desktop, ==, laptop_version);
  sync_fixture_check (fixture->first);
  sync_fixture_check (laptop);
}

static void
import_document (const char *dir,
                 const char *id,
                 const char *text)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(SpanmarkProject) project = spanmark_project_open (folder, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (project);
  spanmark_project_add_document (project, id, text, NULL, &error);
  g_assert_no_error (error);
  spanmark_project_save (project, &error);
  g_assert_no_error (error);
}

/* Two imports on two machines both changed spanmark.json: the index
 * becomes the union of their documents. */
static void
test_index_union (SyncFixture   *fixture,
                  gconstpointer  data)
{
  g_autofree char *second = sync_fixture_clone (fixture, "b");
  g_autoptr(SpanmarkSyncReport) a = NULL;
  g_autoptr(SpanmarkSyncReport) b = NULL;
  g_autoptr(SpanmarkSyncReport) c = NULL;
  g_autoptr(SpanmarkProject) merged = NULL;
  g_autoptr(SpanmarkProject) other = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) second_folder = NULL;

  import_document (fixture->first, "new-a", "第一篇新闻。\n");
  import_document (second, "new-b", "第二篇新闻。\n");
  a = sync_fixture_sync (fixture->first, "alice");
  b = sync_fixture_sync (second, "bob");
  g_assert_true (b->index_merged);
  g_assert_cmpuint (b->conflicts->len, ==, 0);
  c = sync_fixture_sync (fixture->first, "alice");

  folder = g_file_new_for_path (fixture->first);
  merged = spanmark_project_open (folder, NULL);
  second_folder = g_file_new_for_path (second);
  other = spanmark_project_open (second_folder, NULL);
  g_assert_cmpuint (spanmark_project_get_n_documents (merged), ==, 7);
  g_assert_cmpuint (spanmark_project_get_n_documents (other), ==, 7);
  g_assert_nonnull (spanmark_project_lookup_document (merged, "new-a"));
  g_assert_nonnull (spanmark_project_lookup_document (merged, "new-b"));
  g_assert_nonnull (spanmark_project_lookup_document (other, "new-a"));
  sync_fixture_check (fixture->first);
  sync_fixture_check (second);
}

/* Both changed the labels differently: no union; the other index is
 * kept beside, this one stays, and the project still validates. */
static void
test_index_kept_beside (SyncFixture   *fixture,
                        gconstpointer  data)
{
  g_autofree char *second = sync_fixture_clone (fixture, "b");
  g_autofree char *index_a = g_build_filename (fixture->first, "spanmark.json", NULL);
  g_autofree char *index_b = g_build_filename (second, "spanmark.json", NULL);
  g_autoptr(SpanmarkSyncReport) a = NULL;
  g_autoptr(SpanmarkSyncReport) b = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *now = NULL;
  g_autofree char *copy = NULL;

  spanmark_test_replace_in_file (index_a, "\"title\": \"Places\"", "\"title\": \"Places (A)\"");
  spanmark_test_replace_in_file (index_b, "\"title\": \"Places\"", "\"title\": \"Places (B)\"");
  theirs = sync_fixture_read (fixture->first, "spanmark.json");
  ours = sync_fixture_read (second, "spanmark.json");
  a = sync_fixture_sync (fixture->first, "alice");
  b = sync_fixture_sync (second, "bob");
  g_assert_false (b->index_merged);
  g_assert_cmpuint (b->conflicts->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (b->conflicts, 0), "conflicts/spanmark.json-"));
  now = sync_fixture_read (second, "spanmark.json");
  g_assert_cmpstr (now, ==, ours);
  copy = sync_fixture_read (second, g_ptr_array_index (b->conflicts, 0));
  g_assert_cmpstr (copy, ==, theirs);
  sync_fixture_check (second);
}

/* A FIFO and a link out of the project in the annotator's own folder:
 * never read (a FIFO would block), never committed. */
static void
test_special_files (SyncFixture   *fixture,
                    gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->first, "annotations", "alice", "fifo.json", NULL);
  g_autofree char *link = g_build_filename (fixture->first, "annotations", "alice", "link.json", NULL);
  g_autoptr(SpanmarkSyncReport) report = NULL;
  g_autoptr(SpanmarkSyncStatus) status = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->first);
  g_autoptr(SpanmarkSync) sync = spanmark_sync_new (folder, "alice", FALSE);

  sync_fixture_annotate (fixture->first, 0, "alice", 0, SPANMARK_STATUS_DONE);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("/etc/passwd", link), ==, 0);
  status = spanmark_sync_get_status (sync);
  g_assert_cmpuint (status->n_unsynced, ==, 1);
  report = sync_fixture_sync (fixture->first, "alice");
  g_assert_cmpuint (report->n_committed, ==, 1);
  g_assert_true (sync_fixture_remote_has (fixture, "annotations/alice/yunlan-001.json"));
  g_assert_false (sync_fixture_remote_has (fixture, "annotations/alice/fifo.json"));
  g_assert_false (sync_fixture_remote_has (fixture, "annotations/alice/link.json"));
  g_assert_cmpint (g_unlink (fifo), ==, 0);
  g_assert_cmpint (g_unlink (link), ==, 0);
}

static void
test_merge_index (void)
{
  const char *head = "{\"spanmark\": 1, \"name\": \"p\", \"labels\": [{\"name\": \"PLACE\", \"color\": \"#2ec27e\"}], "
                     "\"documents\": [";
  g_autofree char *ours = g_strconcat (head, "{\"id\": \"a\", \"path\": \"documents/a.txt\"}]}\n", NULL);
  g_autofree char *theirs = g_strconcat (head, "{\"id\": \"b\", \"path\": \"documents/b.txt\"}, "
                                         "{\"id\": \"a\", \"path\": \"documents/a.txt\"}]}\n", NULL);
  g_autofree char *clash = g_strconcat (head, "{\"id\": \"a\", \"path\": \"documents/other.txt\"}]}\n", NULL);
  g_autofree char *relabelled = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *different = NULL;
  gsize length = 0;

  merged = spanmark_sync_merge_index (ours, strlen (ours), theirs, strlen (theirs), &length);
  g_assert_nonnull (merged);
  g_assert_cmpuint (length, ==, strlen (merged));
  /* Ours first, in order, then what only theirs has. */
  g_assert_nonnull (strstr (merged, "\"a\""));
  g_assert_true (strstr (merged, "\"a\"") < strstr (merged, "\"b\""));

  /* The same id with another entry, another label set, broken JSON:
   * no union (the other version is then kept beside). */
  refused = spanmark_sync_merge_index (ours, strlen (ours), clash, strlen (clash), NULL);
  g_assert_null (refused);
  relabelled = g_strdup (theirs);
  memcpy (strstr (relabelled, "PLACE"), "PLACX", 5);
  different = spanmark_sync_merge_index (ours, strlen (ours), relabelled, strlen (relabelled), NULL);
  g_assert_null (different);
  broken = spanmark_sync_merge_index (ours, strlen (ours), "{\"spanmark\": 1,", 15, NULL);
  g_assert_null (broken);
}

/* The remote cannot be reached: "offline", the commit stays here, and
 * the next sync, with the remote back, pushes it. */
static void
test_offline (SyncFixture   *fixture,
              gconstpointer  data)
{
  g_autofree char *away = g_strconcat (fixture->remote, ".away", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->first);
  g_autoptr(SpanmarkSync) sync = spanmark_sync_new (folder, "alice", FALSE);
  g_autoptr(SpanmarkSyncReport) failed = NULL;
  g_autoptr(SpanmarkSyncReport) later = NULL;
  g_autoptr(SpanmarkSyncStatus) before = NULL;
  g_autoptr(SpanmarkSyncStatus) offline = NULL;
  g_autoptr(SpanmarkSyncStatus) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  before = spanmark_sync_get_status (sync);
  g_assert_cmpint (before->state, ==, SPANMARK_SYNC_STATE_READY);
  g_assert_cmpuint (before->n_unsynced, ==, 0);
  g_assert_nonnull (before->last_sync);

  sync_fixture_annotate (fixture->first, 0, "alice", 0, SPANMARK_STATUS_DONE);
  saved = sync_fixture_read (fixture->first, "annotations/alice/yunlan-001.json");
  g_assert_cmpint (g_rename (fixture->remote, away), ==, 0);
  failed = spanmark_sync_run (sync, NULL, NULL, &error);
  g_assert_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_OFFLINE);
  g_assert_null (failed);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "offline"));

  offline = spanmark_sync_get_status (sync);
  g_assert_cmpuint (offline->n_unsynced, ==, 1);
  {
    g_autofree char *still = sync_fixture_read (fixture->first, "annotations/alice/yunlan-001.json");

    g_assert_cmpstr (still, ==, saved);
  }

  g_assert_cmpint (g_rename (away, fixture->remote), ==, 0);
  g_clear_error (&error);
  later = spanmark_sync_run (sync, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (later->pushed);
  g_assert_cmpuint (later->n_committed, ==, 0);  /* committed by the failed sync */
  after = spanmark_sync_get_status (sync);
  g_assert_cmpuint (after->n_unsynced, ==, 0);
  g_assert_true (sync_fixture_remote_has (fixture, "annotations/alice/yunlan-001.json"));
}

/* A project outside git is told so without libgit2 being set up (the
 * window makes a SpanmarkSync for every project it opens): in a fresh
 * process, the first git_libgit2_init() after its status is the first. */
static void
test_no_git_no_libgit2 (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *tmp = spanmark_test_make_project ("p", NULL, NULL, NULL);
      g_autofree char *path = g_build_filename (tmp, "p", NULL);
      g_autoptr(GFile) folder = g_file_new_for_path (path);
      g_autoptr(SpanmarkSync) sync = spanmark_sync_new (folder, "alice", FALSE);
      g_autoptr(SpanmarkSyncStatus) status = spanmark_sync_get_status (sync);
      g_autoptr(SpanmarkSyncReport) report = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (status->state, ==, SPANMARK_SYNC_STATE_NOT_REPOSITORY);
      report = spanmark_sync_run (sync, NULL, NULL, &error);
      g_assert_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_NOT_REPOSITORY);
      g_assert_cmpint (git_libgit2_init (), ==, 1);
      git_libgit2_shutdown ();
      spanmark_test_remove_tree (tmp);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_states (void)
{
  g_autofree char *tmp = spanmark_test_make_project ("p", NULL, NULL, NULL);
  g_autofree char *path = g_build_filename (tmp, "p", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(SpanmarkSync) sync = spanmark_sync_new (folder, "alice", FALSE);
  g_autoptr(SpanmarkSyncStatus) plain = NULL;
  g_autoptr(SpanmarkSyncStatus) local = NULL;
  g_autoptr(SpanmarkSyncReport) report = NULL;
  g_autoptr(GgitRepository) repository = NULL;
  g_autoptr(GError) error = NULL;

  plain = spanmark_sync_get_status (sync);
  g_assert_cmpint (plain->state, ==, SPANMARK_SYNC_STATE_NOT_REPOSITORY);
  report = spanmark_sync_run (sync, NULL, NULL, &error);
  g_assert_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_NOT_REPOSITORY);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  ggit_init ();
  repository = ggit_repository_init_repository (folder, FALSE, &error);
  g_assert_no_error (error);
  local = spanmark_sync_get_status (sync);
  g_assert_cmpint (local->state, ==, SPANMARK_SYNC_STATE_NO_REMOTE);
  report = spanmark_sync_run (sync, NULL, NULL, &error);
  g_assert_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_NO_REMOTE);
  g_assert_null (report);
  spanmark_test_remove_tree (tmp);
}

/* The asynchronous call gives what the synchronous one does. */
static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SpanmarkSyncReport **report = user_data;
  g_autoptr(GError) error = NULL;

  *report = spanmark_sync_run_finish (SPANMARK_SYNC (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (SyncFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->first);
  g_autoptr(SpanmarkSync) sync = spanmark_sync_new (folder, "alice", FALSE);
  SpanmarkSyncReport *report = NULL;

  sync_fixture_annotate (fixture->first, 1, "alice", 0, SPANMARK_STATUS_DONE);
  spanmark_sync_run_async (sync, "alice: checked one", NULL, run_done_cb, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (report->n_committed, ==, 1);
  g_assert_cmpuint (report->n_done, ==, 1);
  g_assert_true (report->pushed);
  spanmark_sync_report_free (report);
}

/* Regression: the folder moved to the merged version through libgit2's
 * checkout, which writes each file in place, so a kill left a teammate's
 * file empty (test-sync-kill.c saw it one run in four).  Files are now
 * written whole; one that holds neither version — what a killed move or
 * a local label rename leaves — is kept under conflicts/ and replaced. */
static void
test_teammate_file_changed_here (SyncFixture   *fixture,
                                 gconstpointer  data)
{
  g_autofree char *second = sync_fixture_clone (fixture, "b");
  g_autofree char *bobs = g_build_filename (fixture->first, "annotations", "bob", "yunlan-001.json", NULL);
  g_autofree char *conflicts = g_build_filename (fixture->first, "conflicts", "bob", NULL);
  g_autoptr(SpanmarkSyncReport) first = NULL;
  g_autoptr(SpanmarkSyncReport) second_bob = NULL;
  g_autoptr(SpanmarkSyncReport) alice = NULL;
  g_autoptr(GDir) kept = NULL;
  g_autofree char *here = NULL;
  g_autofree char *there = NULL;
  g_autofree char *copy = NULL;
  const char *name;

  sync_fixture_annotate (second, 0, "bob", 2, SPANMARK_STATUS_IN_PROGRESS);
  first = sync_fixture_sync (second, "bob");
  g_clear_pointer (&first, spanmark_sync_report_free);
  first = sync_fixture_sync (fixture->first, "alice");

  /* Bob goes on; on Alice's machine his file is half written. */
  sync_fixture_annotate (second, 0, "bob", 5, SPANMARK_STATUS_DONE);
  second_bob = sync_fixture_sync (second, "bob");
  spanmark_test_write_file (bobs, "{\n  \"spanmark\": 1,", -1);

  alice = sync_fixture_sync (fixture->first, "alice");
  here = sync_fixture_read (fixture->first, "annotations/bob/yunlan-001.json");
  there = sync_fixture_read (second, "annotations/bob/yunlan-001.json");
  g_assert_cmpstr (here, ==, there);

  kept = g_dir_open (conflicts, 0, NULL);
  g_assert_nonnull (kept);
  name = g_dir_read_name (kept);
  g_assert_nonnull (name);
  g_assert_true (g_str_has_prefix (name, "yunlan-001-"));
  copy = g_build_filename ("conflicts", "bob", name, NULL);
  g_clear_pointer (&here, g_free);
  here = sync_fixture_read (fixture->first, copy);
  g_assert_cmpstr (here, ==, "{\n  \"spanmark\": 1,");
}

/* How many times the sync read each file it changes in the folder. */
static GHashTable *reads;

static void
count_reads_cb (const char *step,
                const char *path)
{
  if (g_strcmp0 (step, "sync-read") == 0)
    g_hash_table_insert (reads, g_strdup (path),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (reads, path)) + 1));
}

/* The move to the merged version reads each changed file once, even
 * one holding neither version (which it compares with both, keeps under
 * conflicts/ and replaces): it used to read that one four times. */
static void
test_reads_each_file_once (SyncFixture   *fixture,
                           gconstpointer  data)
{
  g_autofree char *second = sync_fixture_clone (fixture, "b");
  g_autofree char *bobs = g_build_filename (fixture->first, "annotations", "bob", "yunlan-001.json", NULL);
  g_autoptr(SpanmarkSyncReport) first = NULL;
  g_autoptr(SpanmarkSyncReport) bob = NULL;
  g_autoptr(SpanmarkSyncReport) alice = NULL;
  g_autofree char *here = NULL;
  g_autofree char *there = NULL;
  GHashTableIter iter;
  gpointer key, value;

  sync_fixture_annotate (second, 0, "bob", 2, SPANMARK_STATUS_IN_PROGRESS);
  first = sync_fixture_sync (second, "bob");
  g_clear_pointer (&first, spanmark_sync_report_free);
  first = sync_fixture_sync (fixture->first, "alice");

  sync_fixture_annotate (second, 0, "bob", 5, SPANMARK_STATUS_DONE);
  sync_fixture_annotate (second, 1, "bob", 5, SPANMARK_STATUS_IN_PROGRESS);
  bob = sync_fixture_sync (second, "bob");
  spanmark_test_write_file (bobs, "{\n  \"spanmark\": 1,", -1);

  reads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  spanmark_file_set_step_func (count_reads_cb);
  alice = sync_fixture_sync (fixture->first, "alice");
  spanmark_file_set_step_func (NULL);

  /* Bob's changed file and his new one. */
  g_assert_cmpuint (g_hash_table_size (reads), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (reads, "annotations/bob/yunlan-001.json")), ==, 1);
  g_hash_table_iter_init (&iter, reads);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_test_message ("%s read %u times", (const char *) key, GPOINTER_TO_UINT (value));
      g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, 1);
    }
  g_clear_pointer (&reads, g_hash_table_unref);

  here = sync_fixture_read (fixture->first, "annotations/bob/yunlan-001.json");
  there = sync_fixture_read (second, "annotations/bob/yunlan-001.json");
  g_assert_cmpstr (here, ==, there);
  sync_fixture_check (fixture->first);
}

/* A FIFO where a teammate's file arrives is never opened for reading
 * (nobody writes to it: the read would block the sync for ever): the
 * file replaces it.  The alarm turns such a hang into a failure. */
static void
test_fifo_where_file_arrives (SyncFixture   *fixture,
                              gconstpointer  data)
{
  g_autofree char *second = sync_fixture_clone (fixture, "b");
  g_autofree char *folder = g_build_filename (fixture->first, "annotations", "bob", NULL);
  g_autofree char *fifo = g_build_filename (folder, "yunlan-001.json", NULL);
  g_autoptr(SpanmarkSyncReport) bob = NULL;
  g_autoptr(SpanmarkSyncReport) alice = NULL;
  g_autofree char *here = NULL;
  g_autofree char *there = NULL;

  sync_fixture_annotate (second, 0, "bob", 2, SPANMARK_STATUS_DONE);
  bob = sync_fixture_sync (second, "bob");
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);

  alarm (60);
  alice = sync_fixture_sync (fixture->first, "alice");
  alarm (0);
  g_assert_true (g_file_test (fifo, G_FILE_TEST_IS_REGULAR));
  here = sync_fixture_read (fixture->first, "annotations/bob/yunlan-001.json");
  there = sync_fixture_read (second, "annotations/bob/yunlan-001.json");
  g_assert_cmpstr (here, ==, there);
  sync_fixture_check (fixture->first);
}

/* An SSH server whose host key is not in known_hosts (or changed) is
 * refused by libgit2 with GIT_ECERTIFICATE: that is said as such, with
 * what to do, never as "offline"; other failures stay offline, and
 * refused credentials stay a sign-in failure. */
static void
test_host_key_failure (void)
{
  g_autoptr(SpanmarkSyncCallbacks) callbacks = spanmark_sync_callbacks_new (NULL, NULL);
  g_autoptr(GError) hostkey = g_error_new_literal (GGIT_ERROR, -17, "invalid or unknown remote ssh hostkey");
  g_autoptr(GError) network = g_error_new_literal (GGIT_ERROR, GGIT_ERROR_GIT_ERROR, "failed to resolve address");
  g_autoptr(GError) error = NULL;
  g_autoptr(GgitCred) cred = NULL;
  GError *refused = NULL;

  spanmark_sync_callbacks_describe_failure (callbacks, "git@example.org:team/corpus.git", hostkey, &error);
  g_assert_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_HOST_KEY);
  g_assert_true (g_str_has_prefix (error->message, "git@example.org:team/corpus.git: "));
  g_assert_nonnull (strstr (error->message, "invalid or unknown remote ssh hostkey"));
  g_assert_nonnull (strstr (error->message, "known_hosts"));
  g_clear_error (&error);

  spanmark_sync_callbacks_describe_failure (callbacks, "git@example.org:team/corpus.git", network, &error);
  g_assert_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_OFFLINE);
  g_clear_error (&error);

  /* No agent user name and no token: the callbacks give up. */
  cred = GGIT_REMOTE_CALLBACKS_GET_CLASS (callbacks)->credentials (GGIT_REMOTE_CALLBACKS (callbacks), "https://example.org/c.git",
                                                                   NULL, GGIT_CREDTYPE_USERPASS_PLAINTEXT, &refused);
  g_assert_null (cred);
  g_clear_error (&refused);
  spanmark_sync_callbacks_describe_failure (callbacks, "https://example.org/c.git", hostkey, &error);
  g_assert_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_AUTH);
}

/* Teammates' progress read from a clone after a sync: each annotator's
 * done count and per-document statuses; the curated version and
 * documents nobody started are nobody's. */
static void
test_team_progress (SyncFixture   *fixture,
                    gconstpointer  data)
{
  g_autofree char *second = sync_fixture_clone (fixture, "b");
  g_autoptr(SpanmarkSyncReport) bob = NULL;
  g_autoptr(SpanmarkSyncReport) alice = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->first);
  g_autoptr(SpanmarkProject) project = spanmark_project_open (dir, NULL);
  g_autoptr(SpanmarkTeamProgress) team = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;
  const char *one = spanmark_document_get_id (spanmark_project_get_document (project, 0));
  const char *two = spanmark_document_get_id (spanmark_project_get_document (project, 1));
  SpanmarkStatus status;
  guint alice_index = G_MAXUINT;
  guint bob_index = G_MAXUINT;

  sync_fixture_annotate (second, 0, "bob", 2, SPANMARK_STATUS_DONE);
  sync_fixture_annotate (second, 1, "bob", 2, SPANMARK_STATUS_IN_PROGRESS);
  bob = sync_fixture_sync (second, "bob");
  sync_fixture_annotate (fixture->first, 0, "alice", 4, SPANMARK_STATUS_IN_PROGRESS);
  sync_fixture_annotate (fixture->first, 0, "_curated", 4, SPANMARK_STATUS_REVIEWED);
  alice = sync_fixture_sync (fixture->first, "alice");

  team = spanmark_team_progress_read (dir, NULL, &error);
  g_assert_no_error (error);
  for (guint a = 0; a < spanmark_team_progress_get_n_annotators (team); a++)
    {
      const char *name = spanmark_team_progress_get_annotator (team, a);

      g_assert_cmpstr (name, !=, "_curated");
      if (g_str_equal (name, "alice"))
        alice_index = a;
      else if (g_str_equal (name, "bob"))
        bob_index = a;
    }
  g_assert_cmpuint (alice_index, <, bob_index);
  g_assert_cmpuint (bob_index, <, G_MAXUINT);
  g_assert_cmpuint (spanmark_team_progress_get_n_documents (team), ==, spanmark_project_get_n_documents (project));
  g_assert_cmpuint (spanmark_team_progress_get_n_done (team, bob_index), ==, 1);
  g_assert_cmpuint (spanmark_team_progress_get_n_done (team, alice_index), ==, 0);
  g_assert_true (spanmark_team_progress_get_status (team, two, bob_index, &status));
  g_assert_cmpint (status, ==, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_false (spanmark_team_progress_get_status (team, two, alice_index, &status));
  g_assert_false (spanmark_team_progress_get_status (team, "no-such-document", bob_index, &status));
  text = spanmark_team_progress_describe_document (team, one);
  g_assert_nonnull (strstr (text, "alice: In progress"));
  g_assert_nonnull (strstr (text, "bob: Done"));
  count = spanmark_team_progress_describe_annotator (team, bob_index);
  g_assert_true (g_str_has_prefix (count, "1 of "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync/two-annotators", SyncFixture, NULL, sync_fixture_setup, test_two_annotators,
              sync_fixture_teardown);
  g_test_add ("/sync/same-annotator-two-clones", SyncFixture, NULL, sync_fixture_setup, test_same_annotator,
              sync_fixture_teardown);
  g_test_add ("/sync/index-union", SyncFixture, NULL, sync_fixture_setup, test_index_union,
              sync_fixture_teardown);
  g_test_add ("/sync/index-kept-beside", SyncFixture, NULL, sync_fixture_setup, test_index_kept_beside,
              sync_fixture_teardown);
  g_test_add ("/sync/special-files", SyncFixture, NULL, sync_fixture_setup, test_special_files,
              sync_fixture_teardown);
  g_test_add ("/sync/teammate-file-changed-here", SyncFixture, NULL, sync_fixture_setup,
              test_teammate_file_changed_here, sync_fixture_teardown);
  g_test_add ("/sync/reads-each-file-once", SyncFixture, NULL, sync_fixture_setup,
              test_reads_each_file_once, sync_fixture_teardown);
  g_test_add ("/sync/fifo-where-file-arrives", SyncFixture, NULL, sync_fixture_setup,
              test_fifo_where_file_arrives, sync_fixture_teardown);
  g_test_add_func ("/sync/host-key-failure", test_host_key_failure);
  g_test_add ("/sync/team-progress", SyncFixture, NULL, sync_fixture_setup, test_team_progress,
              sync_fixture_teardown);
  g_test_add_func ("/sync/merge-index", test_merge_index);
  g_test_add ("/sync/offline", SyncFixture, NULL, sync_fixture_setup, test_offline, sync_fixture_teardown);
  g_test_add_func ("/sync/states", test_states);
  g_test_add_func ("/sync/no-git-no-libgit2", test_no_git_no_libgit2);
  g_test_add ("/sync/async", SyncFixture, NULL, sync_fixture_setup, test_async, sync_fixture_teardown);

  return g_test_run ();
}
