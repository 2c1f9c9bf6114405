/* spanmark-sync.h — team sync of a project folder through git
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sync commits the annotator's own work — annotations/<annotator>/,
 * plus annotations/_curated/ for a reviewer, and the shared
 * spanmark.json and the texts it lists (an import) — and nothing else
 * (never another annotator's folder, conflicts/, temporary files), then
 * fetches "origin", merges the remote branch (spanmark-sync-merge.h:
 * whole files; a file both sides changed keeps both versions), pushes,
 * and checks that the remote took the push.  Each annotator writes only
 * their own folder, so annotators never conflict with each other.
 *
 * libgit2 only, never a git binary (the Flatpak runtime has none).  The
 * synchronous calls are for the CLI and tests; the window uses the
 * _async ones, which run on a worker thread (one operation at a time per
 * SpanmarkSync: a libgit2 repository belongs to one thread).
 *
 * Crash safety: objects and the merge commit are written first, then the
 * folder is checked out, then the branch moves; a kill at any moment
 * leaves a repository git reads and files that are each one version or
 * the other.
 */

#pragma once

#include <gio/gio.h>

#include "spanmark-sync-callbacks.h"
#include "spanmark-sync-status.h"

G_BEGIN_DECLS

#define SPANMARK_SYNC_ERROR (spanmark_sync_error_quark ())

typedef enum
{
  SPANMARK_SYNC_ERROR_NOT_REPOSITORY,  /* the folder is not a clone (share it first) */
  SPANMARK_SYNC_ERROR_NO_REMOTE,       /* no remote "origin" */
  SPANMARK_SYNC_ERROR_OFFLINE,         /* the remote could not be reached; work kept, retry later */
  SPANMARK_SYNC_ERROR_AUTH,            /* the remote refused every credential */
  SPANMARK_SYNC_ERROR_REJECTED,        /* the remote did not take the push */
  SPANMARK_SYNC_ERROR_FAILED,          /* anything else (message says what) */
  SPANMARK_SYNC_ERROR_HOST_KEY,        /* the SSH server's host key is unknown or does not match */
} SpanmarkSyncError;

GQuark spanmark_sync_error_quark (void);

/* The remote every sync talks to. */
#define SPANMARK_SYNC_REMOTE "origin"

#define SPANMARK_TYPE_SYNC (spanmark_sync_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkSync, spanmark_sync, SPANMARK, SYNC, GObject)

/* Sync of the project folder @dir as @annotator; a @reviewer also syncs
 * annotations/_curated/. */
SpanmarkSync       *spanmark_sync_new              (GFile                        *dir,
                                                    const char                   *annotator,
                                                    gboolean                      reviewer);
/* Where HTTPS tokens come from (called on the worker thread). */
void                spanmark_sync_set_credentials_func (SpanmarkSync             *self,
                                                        SpanmarkSyncCredentialsFunc func,
                                                        gpointer                  user_data,
                                                        GDestroyNotify            destroy);
GFile              *spanmark_sync_get_dir          (SpanmarkSync                 *self);
const char         *spanmark_sync_get_annotator    (SpanmarkSync                 *self);

/* Reads the clone's state without the network (never fails: a folder
 * that is not a repository says so in the state). */
SpanmarkSyncStatus *spanmark_sync_get_status       (SpanmarkSync                 *self) G_GNUC_WARN_UNUSED_RESULT;
/* Commit, fetch, merge, push.  @message replaces the commit message
 * ("alice: 3 documents annotated, 1 done").  On SPANMARK_SYNC_ERROR_OFFLINE
 * the commit stays in the clone and the next sync pushes it. */
SpanmarkSyncReport *spanmark_sync_run              (SpanmarkSync                 *self,
                                                    const char                   *message,
                                                    GCancellable                 *cancellable,
                                                    GError                      **error) G_GNUC_WARN_UNUSED_RESULT;
/* Makes the folder a repository if it is not one, sets "origin" to @url,
 * commits the whole project (every annotator's folder) and syncs. */
SpanmarkSyncReport *spanmark_sync_share            (SpanmarkSync                 *self,
                                                    const char                   *url,
                                                    GCancellable                 *cancellable,
                                                    GError                      **error) G_GNUC_WARN_UNUSED_RESULT;
/* Clones @url into @dest (absent or an empty folder). */
gboolean            spanmark_sync_clone            (const char                   *url,
                                                    GFile                        *dest,
                                                    SpanmarkSyncCredentialsFunc   func,
                                                    gpointer                      user_data,
                                                    GCancellable                 *cancellable,
                                                    GError                      **error);

void                spanmark_sync_run_async        (SpanmarkSync                 *self,
                                                    const char                   *message,
                                                    GCancellable                 *cancellable,
                                                    GAsyncReadyCallback           callback,
                                                    gpointer                      user_data);
SpanmarkSyncReport *spanmark_sync_run_finish       (SpanmarkSync                 *self,
                                                    GAsyncResult                 *result,
                                                    GError                      **error) G_GNUC_WARN_UNUSED_RESULT;
void                spanmark_sync_share_async      (SpanmarkSync                 *self,
                                                    const char                   *url,
                                                    GCancellable                 *cancellable,
                                                    GAsyncReadyCallback           callback,
                                                    gpointer                      user_data);
SpanmarkSyncReport *spanmark_sync_share_finish     (SpanmarkSync                 *self,
                                                    GAsyncResult                 *result,
                                                    GError                      **error) G_GNUC_WARN_UNUSED_RESULT;
void                spanmark_sync_get_status_async (SpanmarkSync                 *self,
                                                    GCancellable                 *cancellable,
                                                    GAsyncReadyCallback           callback,
                                                    gpointer                      user_data);
SpanmarkSyncStatus *spanmark_sync_get_status_finish (SpanmarkSync                *self,
                                                     GAsyncResult                *result,
                                                     GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
/* Clones on a worker thread; @self supplies only the credentials. */
void                spanmark_sync_clone_async      (SpanmarkSync                 *self,
                                                    const char                   *url,
                                                    GFile                        *dest,
                                                    GCancellable                 *cancellable,
                                                    GAsyncReadyCallback           callback,
                                                    gpointer                      user_data);
gboolean            spanmark_sync_clone_finish     (SpanmarkSync                 *self,
                                                    GAsyncResult                 *result,
                                                    GError                      **error);

G_END_DECLS
