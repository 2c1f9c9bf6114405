/* spanmark-sync-callbacks.h — credentials for one talk with a remote
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libgit2 asks for credentials again after each failure, so an SSH agent
 * without a usable key would loop for ever (libgit2 #3471).  These
 * callbacks offer each kind once: the SSH agent, then the token the
 * caller's function gives (HTTPS); then they give up, and say so
 * (spanmark_sync_callbacks_get_gave_up()), which tells an authentication
 * failure from an unreachable remote.
 */

#pragma once

#include <libgit2-glib/ggit.h>

G_BEGIN_DECLS

/* Called on the worker thread that talks to @url, at most once per
 * operation, for an HTTPS user name and token (never stored in the
 * project).  Returns FALSE when it has none. */
typedef gboolean (*SpanmarkSyncCredentialsFunc) (const char  *url,
                                                 const char  *username_from_url,
                                                 char       **username,
                                                 char       **password,
                                                 gpointer     user_data);

#define SPANMARK_TYPE_SYNC_CALLBACKS (spanmark_sync_callbacks_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkSyncCallbacks, spanmark_sync_callbacks, SPANMARK, SYNC_CALLBACKS, GgitRemoteCallbacks)

SpanmarkSyncCallbacks *spanmark_sync_callbacks_new          (SpanmarkSyncCredentialsFunc  func,
                                                             gpointer                     user_data);
/* Whether the remote asked for credentials after every kind was tried. */
gboolean               spanmark_sync_callbacks_get_gave_up  (SpanmarkSyncCallbacks       *self);

G_END_DECLS
