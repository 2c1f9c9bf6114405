/* spanmark-sync-merge.h — the three-way merge of a project's trees
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sync merges whole files, never lines: a line merge of two versions of
 * one annotation file can be valid text and invalid JSON (two spans "s5").
 * A file changed on one side only takes that side; a file both sides
 * changed keeps the local version and the other one beside it, under
 * conflicts/ (spanmark.json is first merged as a union of documents when
 * both sides have the same name and labels).  Everything is built in the
 * object database; the folder is touched only to write the copies.
 */

#pragma once

#include <libgit2-glib/ggit.h>

#include "spanmark-sync-status.h"

G_BEGIN_DECLS

/* The tree of the merge of @ours and @theirs over @base (NULL: no common
 * ancestor); the copies kept and whether the index was merged go into
 * @report.  @dir is the project folder (where copies are written). */
GgitOId  *spanmark_sync_merge_trees (GgitRepository      *repository,
                                     GFile               *dir,
                                     GgitTree            *base,
                                     GgitTree            *ours,
                                     GgitTree            *theirs,
                                     SpanmarkSyncReport  *report,
                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* Adds to @paths (char*) every file that differs between @a and @b. */
gboolean  spanmark_sync_diff_trees  (GgitTree            *a,
                                     GgitTree            *b,
                                     GPtrArray           *paths,
                                     GError             **error);

/* Two versions of spanmark.json as one: @ours with the documents only
 * @theirs lists appended.  NULL when they cannot be merged that way
 * (either has a problem, the names or the labels differ, or one document
 * id has different entries). */
char     *spanmark_sync_merge_index (const char          *ours,
                                     gsize                ours_length,
                                     const char          *theirs,
                                     gsize                theirs_length,
                                     gsize               *length) G_GNUC_WARN_UNUSED_RESULT;

/* Writes @data[0:@length], a version of the project file @path (relative)
 * that must not be lost, under conflicts/ as validate and the window list
 * such copies; the copy's relative path in @copy_out if not NULL. */
gboolean spanmark_sync_keep_beside (GFile       *dir,
                                    const char  *path,
                                    const char  *data,
                                    gsize        length,
                                    char       **copy_out,
                                    GError     **error);

G_END_DECLS
