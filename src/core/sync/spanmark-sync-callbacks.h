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
 *
 * SSH host keys: libgit2-glib has no certificate-check callback, so
 * libgit2 checks the server's key itself against ~/.ssh/known_hosts
 * (libgit2 1.4 and later, with libssh2) and refuses a host that is not
 * there or whose key differs; an unknown host is never accepted.  In the
 * Flatpak that file is granted read-only (flatpak/, docs/flatpak.md).
 * spanmark_sync_callbacks_describe_failure() tells that refusal apart,
 * with what to do about it.
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

/* Sets @error from @cause, libgit2's failure to talk to @url:
 * SPANMARK_SYNC_ERROR_AUTH when every credential was refused,
 * SPANMARK_SYNC_ERROR_HOST_KEY when the server's SSH host key is unknown
 * or does not match the known one, otherwise SPANMARK_SYNC_ERROR_OFFLINE;
 * the message keeps libgit2's words. */
void                   spanmark_sync_callbacks_describe_failure (SpanmarkSyncCallbacks  *self,
                                                                 const char             *url,
                                                                 const GError           *cause,
                                                                 GError                **error);

G_END_DECLS
