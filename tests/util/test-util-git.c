/* test-util-git.c — the bare remotes the sync tests share to
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-sync.h"
#include "spanmark-test-git.h"

/* The sample project shared to a new bare remote: the remote's branch
 * holds its files as they are here, and nothing else. */
static void
test_bare_remote (void)
{
  g_autofree char *project_path = NULL;
  g_autofree char *tmp = spanmark_test_make_project ("a", NULL, &project_path, NULL);
  g_autofree char *remote = spanmark_test_git_make_bare (tmp);
  g_autofree char *expected_path = g_build_filename (tmp, "remote.git", NULL);
  g_autofree char *head_path = g_build_filename (remote, "HEAD", NULL);
  g_autofree char *head = spanmark_test_read_file (head_path, NULL);
  g_autofree char *index_path = g_build_filename (project_path, "spanmark.json", NULL);
  g_autofree char *index = spanmark_test_read_file (index_path, NULL);
  g_autofree char *shared = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *work_tree = g_build_filename (remote, "spanmark.json", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (project_path);
  g_autoptr(SpanmarkSync) sync = spanmark_sync_new (dir, "alice", FALSE);
  g_autoptr(SpanmarkSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* Bare (no work tree, no .git inside) and on "main", so that a share
   * pushes to the branch every test reads. */
  g_assert_cmpstr (remote, ==, expected_path);
  g_assert_cmpstr (head, ==, "ref: refs/heads/main\n");
  g_assert_false (g_file_test (work_tree, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (head_path, G_FILE_TEST_IS_REGULAR));

  report = spanmark_sync_share (sync, remote, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report->pushed);

  shared = spanmark_test_git_read_branch (remote, "spanmark.json");
  g_assert_cmpstr (shared, ==, index);
  missing = spanmark_test_git_read_branch (remote, "annotations/nobody/none.json");
  g_assert_null (missing);

  spanmark_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/util/git/bare-remote", test_bare_remote);

  return g_test_run ();
}
