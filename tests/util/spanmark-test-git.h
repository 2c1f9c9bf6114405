/* spanmark-test-git.h — bare remotes for the team sync tests
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync tests of the core (tests/sync), the CLI and the window each
 * share a project to a bare repository on a local path (no network, no
 * git binary).  Linked through test_git_dep, which brings libgit2-glib;
 * the helpers fail the test (g_assert) when libgit2 refuses.
 */

#pragma once

#include "spanmark-test-util.h"

G_BEGIN_DECLS

/* A new bare repository @folder/remote.git whose HEAD is the branch
 * "main" (no commit yet); its path. */
char            *spanmark_test_git_make_bare   (const char *folder) G_GNUC_WARN_UNUSED_RESULT;
/* The file @path on the branch "main" of the repository @repository,
 * which must exist; NULL when the branch has no such file. */
char            *spanmark_test_git_read_branch (const char *repository,
                                                const char *path) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
