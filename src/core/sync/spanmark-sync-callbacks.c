/* spanmark-sync-callbacks.c — credentials for one talk with a remote
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spanmark-sync-callbacks.h"
#include "spanmark-sync.h"

/* libgit2's GIT_ECERTIFICATE (git2/errors.h), which libgit2-glib passes
 * on as the error's code: the server's certificate or SSH host key was
 * refused. */
#define GIT_ERROR_CODE_CERTIFICATE (-17)

struct _SpanmarkSyncCallbacks
{
  GgitRemoteCallbacks          parent_instance;

  SpanmarkSyncCredentialsFunc  func;
  gpointer                     user_data;
  gboolean                     tried_agent;
  gboolean                     tried_token;
  gboolean                     gave_up;
};

G_DEFINE_FINAL_TYPE (SpanmarkSyncCallbacks, spanmark_sync_callbacks, GGIT_TYPE_REMOTE_CALLBACKS)

static GgitCred *
spanmark_sync_callbacks_credentials (GgitRemoteCallbacks  *callbacks,
                                     const char           *url,
                                     const char           *username_from_url,
                                     GgitCredtype          allowed_types,
                                     GError              **error)
{
  SpanmarkSyncCallbacks *self = SPANMARK_SYNC_CALLBACKS (callbacks);

  /* The agent needs a user name, which libgit2-glib cannot ask for on
   * its own: it comes from the URL (git@host:…). */
  if ((allowed_types & GGIT_CREDTYPE_SSH_KEY) != 0 && !self->tried_agent && username_from_url != NULL)
    {
      self->tried_agent = TRUE;
      return GGIT_CRED (ggit_cred_ssh_key_from_agent_new (username_from_url, error));
    }

  if ((allowed_types & GGIT_CREDTYPE_USERPASS_PLAINTEXT) != 0 && !self->tried_token && self->func != NULL)
    {
      g_autofree char *username = NULL;
      g_autofree char *password = NULL;

      self->tried_token = TRUE;
      if (self->func (url, username_from_url, &username, &password, self->user_data))
        return GGIT_CRED (ggit_cred_plaintext_new (username != NULL ? username : "",
                                                   password != NULL ? password : "", error));
    }

  self->gave_up = TRUE;
  g_set_error (error, GGIT_ERROR, GGIT_ERROR_GIT_ERROR,
               _("%s refused every way of signing in that Spanmark has (SSH agent, HTTPS token)"), url);
  return NULL;
}

static void
spanmark_sync_callbacks_class_init (SpanmarkSyncCallbacksClass *klass)
{
  GgitRemoteCallbacksClass *callbacks_class = GGIT_REMOTE_CALLBACKS_CLASS (klass);

  callbacks_class->credentials = spanmark_sync_callbacks_credentials;
}

static void
spanmark_sync_callbacks_init (SpanmarkSyncCallbacks *self)
{
}

SpanmarkSyncCallbacks *
spanmark_sync_callbacks_new (SpanmarkSyncCredentialsFunc func,
                             gpointer                    user_data)
{
  SpanmarkSyncCallbacks *self = g_object_new (SPANMARK_TYPE_SYNC_CALLBACKS, NULL);

  self->func = func;
  self->user_data = user_data;
  return self;
}

gboolean
spanmark_sync_callbacks_get_gave_up (SpanmarkSyncCallbacks *self)
{
  g_return_val_if_fail (SPANMARK_IS_SYNC_CALLBACKS (self), FALSE);

  return self->gave_up;
}

void
spanmark_sync_callbacks_describe_failure (SpanmarkSyncCallbacks  *self,
                                          const char             *url,
                                          const GError           *cause,
                                          GError                **error)
{
  g_return_if_fail (SPANMARK_IS_SYNC_CALLBACKS (self));
  g_return_if_fail (cause != NULL);

  if (self->gave_up)
    g_set_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_AUTH,
                 _("%s: signing in failed: %s"), url, cause->message);
  else if (cause->domain == GGIT_ERROR && cause->code == GIT_ERROR_CODE_CERTIFICATE)
    g_set_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_HOST_KEY,
                 _("%s: the server is not known on this computer, or its key has changed (%s). "
                   "Nothing was sent. Check the server’s key with your administrator, connect once "
                   "with “ssh” to add it to ~/.ssh/known_hosts, and sync again."),
                 url, cause->message);
  else
    g_set_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_OFFLINE,
                 _("%s: offline, the remote could not be reached (%s); your work is kept and goes with the next sync"),
                 url, cause->message);
}
