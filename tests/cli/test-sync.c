/* test-sync.c — spanmark-cli sync: the exit-status contract, --help
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The remote is a bare repository in a temporary folder (no network);
 * what a sync merges is tested in tests/sync.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "spanmark-test-git.h"

static void
test_share_and_sync (void)
{
  g_autofree char *tmp = spanmark_test_make_project ("corpus", NULL, NULL, NULL);
  g_autofree char *remote = spanmark_test_git_make_bare (tmp);
  g_autofree char *away = g_strconcat (remote, ".away", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *err3 = NULL;
  g_autofree char *out4 = NULL;
  g_autofree char *err4 = NULL;
  g_autofree char *file = g_build_filename (tmp, "corpus", "annotations", "wang", "yunlan-004.json", NULL);
  g_autofree char *source = g_build_filename (tmp, "corpus", "annotations", "wang", "yunlan-003.json", NULL);
  g_autofree char *data = NULL;

  /* Not shared yet: 1, naming the folder. */
  g_assert_cmpint (cli_run (tmp, &out, &err, "sync", "--annotator", "wang", "corpus", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "corpus"));
  g_assert_nonnull (strstr (err, "not a git repository"));

  g_assert_cmpint (cli_run (tmp, &out2, &err2, "sync", "--annotator", "wang", "--share", remote, "corpus", NULL), ==, 0);
  g_test_message ("%s", out2);
  g_assert_nonnull (strstr (out2, "documents committed"));

  /* A change of wang's, then the remote gone: 1, "offline", work kept. */
  data = spanmark_test_read_file (source, NULL);
  spanmark_test_write_file (file, data, -1);
  spanmark_test_replace_in_file (file, "yunlan-003", "yunlan-004");
  g_assert_cmpint (g_rename (remote, away), ==, 0);
  g_assert_cmpint (cli_run (tmp, &out3, &err3, "sync", "--annotator", "wang", "-m", "wang: one more", "corpus", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err3, "offline"));
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (g_rename (away, remote), ==, 0);
  g_assert_cmpint (cli_run (tmp, &out4, &err4, "sync", "--annotator", "wang", "corpus", NULL), ==, 0);
  g_assert_cmpstr (err4, ==, "");
  spanmark_test_remove_tree (tmp);
}

static void
test_usage (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *err3 = NULL;
  g_autofree char *help = NULL;
  g_autofree char *help_err = NULL;

  g_assert_cmpint (cli_run (tmp, &out, &err, "sync", NULL), ==, 2);
  g_assert_cmpint (cli_run (tmp, &out2, &err2, "sync", "a", "b", NULL), ==, 2);
  g_assert_nonnull (strstr (err2, "too many arguments"));
  g_assert_cmpint (cli_run (tmp, &out3, &err3, "sync", "--annotator", "../x", "a", NULL), ==, 2);
  g_assert_nonnull (strstr (err3, "../x"));

  g_assert_cmpint (cli_run (tmp, &help, &help_err, "sync", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (help, "--message"));
  g_assert_nonnull (strstr (help, "--annotator"));
  g_assert_nonnull (strstr (help, "conflicts/"));
  spanmark_test_remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/sync/share-sync-offline", test_share_and_sync);
  g_test_add_func ("/cli/sync/usage", test_usage);

  return g_test_run ();
}
