/* sync-fixture.c — a bare remote, clones and edits for the sync tests
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sync-fixture.h"

void
sync_fixture_setup (SyncFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(SpanmarkSyncReport) report = NULL;
  g_autoptr(SpanmarkSync) sync = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;

  ggit_init ();
  fixture->tmp = spanmark_test_make_project ("a", NULL, &fixture->first, NULL);
  fixture->remote = spanmark_test_git_make_bare (fixture->tmp);

  dir = g_file_new_for_path (fixture->first);
  sync = spanmark_sync_new (dir, "alice", FALSE);
  report = spanmark_sync_share (sync, fixture->remote, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report->pushed);
}

void
sync_fixture_teardown (SyncFixture   *fixture,
                       gconstpointer  data)
{
  spanmark_test_remove_tree (fixture->tmp);
  g_free (fixture->tmp);
  g_free (fixture->remote);
  g_free (fixture->first);
}

char *
sync_fixture_clone (SyncFixture *fixture,
                    const char  *name)
{
  g_autofree char *path = g_build_filename (fixture->tmp, name, NULL);
  g_autoptr(GFile) dest = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  spanmark_sync_clone (fixture->remote, dest, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

SpanmarkSyncReport *
sync_fixture_sync (const char *dir,
                   const char *annotator)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(SpanmarkSync) sync = spanmark_sync_new (folder, annotator, FALSE);
  g_autoptr(GError) error = NULL;
  SpanmarkSyncReport *report;

  report = spanmark_sync_run (sync, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

void
sync_fixture_annotate (const char     *dir,
                       guint           index,
                       const char     *annotator,
                       guint           start,
                       SpanmarkStatus  status)
{
  g_object_unref (spanmark_test_tag_document (dir, index, annotator, start, status));
}

char *
sync_fixture_read (const char *dir,
                   const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  char *data = NULL;

  if (!g_file_get_contents (path, &data, NULL, NULL))
    return NULL;
  return data;
}

static int
read_blob_cb (const char          *root,
              const GgitTreeEntry *entry,
              gpointer             user_data)
{
  GgitRepository *repository = user_data;
  g_autoptr(GgitOId) id = ggit_tree_entry_get_id ((GgitTreeEntry *) entry);
  g_autoptr(GgitObject) object = NULL;
  g_autoptr(GError) error = NULL;

  object = ggit_repository_lookup (repository, id, ggit_tree_entry_get_object_type ((GgitTreeEntry *) entry),
                                   &error);
  g_assert_no_error (error);
  return 0;
}

void
sync_fixture_check (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GgitRepository) repository = NULL;
  g_autoptr(GgitRef) head = NULL;
  g_autoptr(GgitOId) id = NULL;
  g_autoptr(GgitCommit) commit = NULL;
  g_autoptr(GgitTree) tree = NULL;
  g_autoptr(GgitIndex) index = NULL;
  g_autoptr(GError) error = NULL;

  problems = spanmark_validate_project (folder, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      const SpanmarkProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *text = spanmark_problem_to_string (problem);

      g_test_message ("problem: %s", text);
      g_assert_cmpint (problem->severity, !=, SPANMARK_PROBLEM_ERROR);
    }

  repository = ggit_repository_open (folder, &error);
  g_assert_no_error (error);
  head = ggit_repository_get_head (repository, &error);
  g_assert_no_error (error);
  id = ggit_ref_get_target (head);
  commit = ggit_repository_lookup_commit (repository, id, &error);
  g_assert_no_error (error);
  tree = ggit_commit_get_tree (commit);
  ggit_tree_walk (tree, GGIT_TREE_WALK_MODE_PRE, read_blob_cb, repository, &error);
  g_assert_no_error (error);
  index = ggit_repository_get_index (repository, &error);
  g_assert_no_error (error);
  ggit_index_read (index, TRUE, &error);
  g_assert_no_error (error);
}

gboolean
sync_fixture_remote_has (SyncFixture *fixture,
                         const char  *path)
{
  g_autofree char *data = spanmark_test_git_read_branch (fixture->remote, path);

  return data != NULL;
}
