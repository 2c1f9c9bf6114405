/* sync-fixture.h — a bare remote, clones and edits for the sync tests
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-core.h"
#include "spanmark-sync.h"
#include "spanmark-test-git.h"

G_BEGIN_DECLS

typedef struct
{
  char *tmp;     /* everything below it */
  char *remote;  /* the bare repository, tmp/remote.git */
  char *first;   /* tmp/a: the sample project, shared by alice */
} SyncFixture;

/* A bare remote (branch "main") and the sample project shared to it. */
void             sync_fixture_setup     (SyncFixture  *fixture,
                                         gconstpointer data);
void             sync_fixture_teardown  (SyncFixture  *fixture,
                                         gconstpointer data);
/* A clone of the remote in tmp/@name; its path. */
char            *sync_fixture_clone     (SyncFixture  *fixture,
                                         const char   *name) G_GNUC_WARN_UNUSED_RESULT;
/* Syncs @dir as @annotator; the sync must succeed. */
SpanmarkSyncReport *sync_fixture_sync   (const char   *dir,
                                         const char   *annotator) G_GNUC_WARN_UNUSED_RESULT;
/* Tags characters [@start, @start + 2) of document @index with PLACE as
 * @annotator, and sets the status; saves. */
void             sync_fixture_annotate  (const char   *dir,
                                         guint         index,
                                         const char   *annotator,
                                         guint         start,
                                         SpanmarkStatus status);
/* The file @relative of @dir, read (NULL if absent). */
char            *sync_fixture_read      (const char   *dir,
                                         const char   *relative) G_GNUC_WARN_UNUSED_RESULT;
/* Asserts that @dir validates (leftovers and warnings allowed) and that
 * libgit2 reads its repository: HEAD, its commit and every file of its
 * tree. */
void             sync_fixture_check     (const char   *dir);
/* Whether the remote's branch has @path. */
gboolean         sync_fixture_remote_has (SyncFixture *fixture,
                                          const char  *path);

G_END_DECLS
