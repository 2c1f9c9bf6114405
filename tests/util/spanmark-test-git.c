/* spanmark-test-git.c — bare remotes for the team sync tests
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libgit2-glib/ggit.h>

#include "spanmark-test-git.h"

char *
spanmark_test_git_make_bare (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "remote.git", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GgitRepository) bare = NULL;
  g_autoptr(GError) error = NULL;

  ggit_init ();
  bare = ggit_repository_init_repository (file, TRUE, &error);
  g_assert_no_error (error);
  ggit_repository_set_head (bare, "refs/heads/main", &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

char *
spanmark_test_git_read_branch (const char *repository,
                               const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (repository);
  g_autoptr(GgitRepository) opened = NULL;
  g_autoptr(GgitObject) object = NULL;
  g_autoptr(GgitOId) blob_id = NULL;
  g_autoptr(GgitTree) tree = NULL;
  g_autoptr(GgitTreeEntry) entry = NULL;
  g_autoptr(GgitBlob) blob = NULL;
  g_autoptr(GError) error = NULL;
  const guchar *data;
  gsize length = 0;

  ggit_init ();
  opened = ggit_repository_open (file, &error);
  g_assert_no_error (error);
  /* revparse: libgit2-glib 1.1's reference lookups leak. */
  object = ggit_repository_revparse (opened, "refs/heads/main", &error);
  g_assert_no_error (error);
  tree = ggit_commit_get_tree (GGIT_COMMIT (object));
  entry = ggit_tree_get_by_path (tree, path, NULL);
  if (entry == NULL)
    return NULL;
  blob_id = ggit_tree_entry_get_id (entry);
  blob = ggit_repository_lookup_blob (opened, blob_id, &error);
  g_assert_no_error (error);
  data = ggit_blob_get_raw_content (blob, &length);
  return g_strndup ((const char *) data, length);
}
