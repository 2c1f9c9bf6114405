/* spanmark-window-sync.c — the window's team sync: the Sync button, its state, sharing, cloning
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The git work runs on a worker thread (SpanmarkSync's _async calls);
 * this file only starts it, says where it stands in the header ("3
 * unsynced documents", "Synced 2 minutes ago", "Offline") and shows what
 * it did: documents reloaded, the project reopened when spanmark.json
 * changed, both versions of a document changed on two machines in the
 * conflict banner, the team's progress in review mode's annotator list.
 * HTTPS tokens come from libsecret when the build has it (the Secret
 * portal in the Flatpak); they never go into the project.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#ifdef HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

#include "spanmark-settings.h"
#include "spanmark-window-private.h"

/* The header's "N minutes ago" is rewritten this often (no file is read). */
#define TICK_SECONDS 30
/* After a save, the unsynced count is read again this much later: one
 * read for a burst of saves. */
#define REFRESH_DELAY_SECONDS 1

#ifdef HAVE_LIBSECRET
static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "io.github.spanmark.Spanmark.GitToken", SECRET_SCHEMA_NONE,
    { { "host", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
    0, 0, 0, 0, 0, 0, 0, 0
  };

  return &schema;
}

/* The host of an https:// URL, NULL for anything else (SSH needs no
 * token: the agent signs in). */
static char *
url_host (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 || g_uri_get_host (uri) == NULL)
    return NULL;
  return g_strdup (g_uri_get_host (uri));
}
#endif

/* On the worker thread: the token stored for the remote's host. */
static gboolean
token_lookup (const char  *url,
              const char  *username_from_url,
              char       **username,
              char       **password,
              gpointer     user_data)
{
#ifdef HAVE_LIBSECRET
  g_autofree char *host = url_host (url);
  char *token;

  if (host == NULL)
    return FALSE;
  token = secret_password_lookup_sync (token_schema (), NULL, NULL, "host", host, NULL);
  if (token == NULL)
    return FALSE;
  *username = g_strdup (username_from_url != NULL ? username_from_url : "git");
  *password = g_strdup (token);
  secret_password_free (token);
  return TRUE;
#else
  return FALSE;
#endif
}

static void
token_store (const char *url,
             const char *token)
{
#ifdef HAVE_LIBSECRET
  g_autofree char *host = url_host (url);
  g_autofree char *label = NULL;

  if (host == NULL || token == NULL || *token == '\0')
    return;
  /* TRANSLATORS: the name of a stored password; %s is a host name */
  label = g_strdup_printf (_("Spanmark team sync token for %s"), host);
  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, token, NULL, NULL, NULL,
                         "host", host, NULL);
#endif
}

static SpanmarkSync *
new_sync (SpanmarkWindow *self,
          GFile          *dir)
{
  /* The window stages _curated too: whoever edited it used review mode. */
  SpanmarkSync *sync = spanmark_sync_new (dir, self->annotator, TRUE);

  spanmark_sync_set_credentials_func (sync, token_lookup, NULL, NULL);
  return sync;
}

/* The header */

static char *
describe_last_sync (GDateTime *last)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan ago = g_date_time_difference (now, last);
  guint minutes = (guint) MAX (ago / G_TIME_SPAN_MINUTE, 0);
  guint hours = minutes / 60;
  guint days = hours / 24;

  if (minutes == 0)
    return g_strdup (_("Synced just now"));
  if (hours == 0)
    return g_strdup_printf (ngettext ("Synced %u minute ago", "Synced %u minutes ago", minutes), minutes);
  if (days == 0)
    return g_strdup_printf (ngettext ("Synced %u hour ago", "Synced %u hours ago", hours), hours);
  return g_strdup_printf (ngettext ("Synced %u day ago", "Synced %u days ago", days), days);
}

static void
update_state (SpanmarkWindow *self)
{
  SpanmarkSyncStatus *status = self->sync_status;
  g_autofree char *text = NULL;
  const char *tooltip = _("Sync with the team: send your annotations, get theirs (Ctrl+Shift+S)");

  if (self->project == NULL || status == NULL)
    text = g_strdup ("");
  else if (self->sync_busy)
    text = g_strdup (_("Syncing…"));
  else if (status->state == SPANMARK_SYNC_STATE_NOT_REPOSITORY)
    {
      text = g_strdup (_("Not shared"));
      tooltip = _("Share with a team… (Ctrl+Shift+S)");
    }
  else if (status->state == SPANMARK_SYNC_STATE_NO_REMOTE)
    {
      text = g_strdup (_("No remote"));
      tooltip = _("Share with a team… (Ctrl+Shift+S)");
    }
  else if (self->sync_offline)
    text = g_strdup (_("Offline"));
  else if (status->n_unsynced > 0)
    text = g_strdup_printf (ngettext ("%u unsynced document", "%u unsynced documents", status->n_unsynced),
                            status->n_unsynced);
  else if (status->last_sync != NULL)
    text = describe_last_sync (status->last_sync);
  else
    text = g_strdup (_("Not synced yet"));

  gtk_label_set_text (self->sync_state_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_state_label), *text != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->sync_button), self->project != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sync_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sync_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
  spanmark_window_sync_update_actions (self);
}

/* The status is read on a worker thread, which must not keep a closed
 * window alive: the callback gets the window through a weak reference. */
static void
status_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(SpanmarkWindow) self = g_weak_ref_get (weak);
  g_autoptr(SpanmarkSyncStatus) status = spanmark_sync_get_status_finish (SPANMARK_SYNC (source), result, NULL);

  g_weak_ref_clear (weak);
  g_free (weak);
  if (self == NULL)
    return;

  /* A status of a project the window has left since is dropped. */
  if (status != NULL && SPANMARK_SYNC (source) == self->sync)
    {
      g_clear_pointer (&self->sync_status, spanmark_sync_status_free);
      self->sync_status = g_steal_pointer (&status);
      update_state (self);
    }
  self->sync_pending--;
}

static void
refresh_status (SpanmarkWindow *self)
{
  GWeakRef *weak;

  if (self->sync == NULL)
    return;
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  self->sync_pending++;
  spanmark_sync_get_status_async (self->sync, NULL, status_done_cb, weak);
}

/* Teammates' progress for the document list and review mode's annotator
 * list: read on a worker thread (one status per annotator per document),
 * so a large corpus never stalls the window; a snapshot of a project the
 * window has left since is dropped. */
static void
team_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(SpanmarkWindow) self = g_weak_ref_get (weak);
  g_autoptr(SpanmarkTeamProgress) team = spanmark_team_progress_read_finish (result, NULL);

  g_weak_ref_clear (weak);
  g_free (weak);
  if (self == NULL)
    return;

  spanmark_window_sync_take_team (self, team);
  self->sync_pending--;
}

void
spanmark_window_sync_take_team (SpanmarkWindow       *self,
                                SpanmarkTeamProgress *team)
{
  if (team != NULL && self->project != NULL && g_file_equal (spanmark_team_progress_get_dir (team), spanmark_project_get_dir (self->project)))
    {
      g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint a = 0; a < spanmark_team_progress_get_n_annotators (team); a++)
        g_hash_table_insert (done, g_strdup (spanmark_team_progress_get_annotator (team, a)),
                             GUINT_TO_POINTER (spanmark_team_progress_get_n_done (team, a)));
      spanmark_document_list_set_team (self->document_list, team);
      /* Review mode's annotator rows: "Done: 12 of 40" from the first
       * look, not only after a sync. */
      spanmark_review_panel_set_progress (self->review_panel, done, spanmark_team_progress_get_n_documents (team));
    }
}

static void
refresh_team (SpanmarkWindow *self)
{
  GWeakRef *weak;

  if (self->project == NULL)
    return;
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  self->sync_pending++;
  spanmark_team_progress_read_async (spanmark_project_get_dir (self->project), NULL, team_done_cb, weak);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  SpanmarkWindow *self = user_data;

  self->sync_refresh_id = 0;
  self->sync_pending--;
  refresh_status (self);
  return G_SOURCE_REMOVE;
}

void
spanmark_window_sync_saved (SpanmarkWindow *self)
{
  if (self->sync != NULL && self->sync_refresh_id == 0)
    {
      self->sync_pending++;
      self->sync_refresh_id = g_timeout_add_seconds (REFRESH_DELAY_SECONDS, refresh_timeout_cb, self);
    }
}

static gboolean
tick_cb (gpointer user_data)
{
  update_state (user_data);
  return G_SOURCE_CONTINUE;
}

/* What a sync did */

/* The banner, as for a file changed on disk, but nothing to choose: both
 * versions are kept, the other one in @copy. */
static void
show_conflict (SpanmarkWindow *self,
               const char     *copy)
{
  g_autofree char *text = NULL;

  g_free (self->sync_conflict);
  self->sync_conflict = g_strdup (copy);
  text = g_strdup_printf (_("This document was changed on another computer too. Both versions are kept: yours "
                            "here, the other in %s. Merge what you need from it, then delete the copy."),
                          copy);
  gtk_label_set_text (self->changed_label, text);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->reload_button)), FALSE);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->keep_mine_button)), FALSE);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->save_copy_button)), FALSE);
  gtk_info_bar_set_show_close_button (self->changed_bar, TRUE);
  gtk_info_bar_set_revealed (self->changed_bar, TRUE);
}

void
spanmark_window_sync_clear_conflict (SpanmarkWindow *self)
{
  if (self->sync_conflict == NULL)
    return;

  g_clear_pointer (&self->sync_conflict, g_free);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->reload_button)), TRUE);
  gtk_info_bar_set_show_close_button (self->changed_bar, FALSE);
  gtk_info_bar_set_revealed (self->changed_bar, spanmark_window_get_external_change (self));
}

gboolean
spanmark_window_sync_has_conflict (SpanmarkWindow *self)
{
  return self->sync_conflict != NULL;
}

static void
changed_bar_response_cb (SpanmarkWindow *self,
                         int             response)
{
  if (response == GTK_RESPONSE_CLOSE)
    spanmark_window_sync_clear_conflict (self);
}

static gboolean
contains (GPtrArray  *paths,
          const char *path)
{
  for (guint i = 0; i < paths->len; i++)
    if (g_str_equal (g_ptr_array_index (paths, i), path))
      return TRUE;
  return FALSE;
}

static gboolean
changed_document (GPtrArray  *paths,
                  const char *id)
{
  g_autofree char *name = g_strconcat ("/", id, ".json", NULL);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      if (g_str_has_prefix (path, "annotations/") && g_str_has_suffix (path, name))
        return TRUE;
    }
  return FALSE;
}

/* The open document as the sync left it: the project again when its
 * index changed, the document again when its file did. */
static void
show_result (SpanmarkWindow     *self,
             SpanmarkSyncReport *report)
{
  g_autofree char *open_id = self->document != NULL ? g_strdup (spanmark_document_get_id (self->document)) : NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *summary = NULL;
  const char *mine = NULL;
  guint others = 0;

  if (open_id != NULL)
    {
      prefix = g_strdup_printf (SPANMARK_PROJECT_CONFLICTS_DIR "/%s/%s-",
                                spanmark_window_review_get_annotator (self), open_id);
    }
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      const char *copy = g_ptr_array_index (report->conflicts, i);

      if (prefix != NULL && g_str_has_prefix (copy, prefix))
        mine = copy;
      else
        others++;
    }

  if (contains (report->changed, "spanmark.json"))
    {
      g_autoptr(GFile) dir = g_object_ref (spanmark_project_get_dir (self->project));
      g_autoptr(GError) error = NULL;

      if (!spanmark_window_open_project (self, dir, &error))
        spanmark_window_show_error (self, _("Could Not Open the Synced Project"), error);
      else if (open_id != NULL && spanmark_project_lookup_document (self->project, open_id) != NULL)
        spanmark_window_open_document (self, spanmark_project_lookup_document (self->project, open_id));
    }
  else
    {
      g_autofree char *own = g_strdup_printf ("annotations/%s/", spanmark_window_review_get_annotator (self));

      /* The list shows what the annotator's files say now (the same
       * annotator's work from another computer). */
      for (guint i = 0; i < report->changed->len; i++)
        {
          const char *path = g_ptr_array_index (report->changed, i);
          g_autofree char *id = NULL;
          SpanmarkDocument *document;

          if (!g_str_has_prefix (path, own) || !g_str_has_suffix (path, ".json"))
            continue;
          id = g_strndup (path + strlen (own), strlen (path) - strlen (own) - strlen (".json"));
          document = spanmark_project_lookup_document (self->project, id);
          if (document != NULL)
            spanmark_status_cache_forget (spanmark_window_get_statuses (self), document);
        }
      /* Any annotator's file of the open document: its lanes in review
       * mode, how many annotators it has, or the annotator's own work
       * from another computer. */
      if (open_id != NULL && changed_document (report->changed, open_id))
        spanmark_window_reload (self);
    }

  if (mine != NULL)
    show_conflict (self, mine);
  if (others > 0)
    spanmark_window_toast (self, _("Some documents were changed on two computers: both versions are kept, "
                                   "the other ones under conflicts/"));

  spanmark_review_panel_set_progress (self->review_panel, report->done, report->n_documents);

  summary = g_strdup_printf (ngettext ("Synced: %u document sent", "Synced: %u documents sent", report->n_committed),
                             report->n_committed);
  spanmark_window_toast (self, summary);
}

static void
set_busy (SpanmarkWindow *self,
          gboolean        busy)
{
  self->sync_busy = busy;
  update_state (self);
}

static void
finish_sync (SpanmarkWindow     *self,
             SpanmarkSync       *sync,
             SpanmarkSyncReport *report,
             GError             *error)
{
  self->sync_pending--;
  /* The window left that project meanwhile: nothing of it to show. */
  if (sync != self->sync)
    return;

  self->sync_offline = g_error_matches (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_OFFLINE);
  set_busy (self, FALSE);
  if (report != NULL)
    show_result (self, report);
  else if (self->sync_offline)
    spanmark_window_toast (self, error->message);
  else
    spanmark_window_show_error (self, _("Could Not Sync"), error);
  refresh_status (self);
  if (report != NULL)
    refresh_team (self);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SpanmarkWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkSyncReport) report = spanmark_sync_run_finish (SPANMARK_SYNC (source), result, &error);

  finish_sync (self, SPANMARK_SYNC (source), report, error);
}

static void
share_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SpanmarkWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkSyncReport) report = spanmark_sync_share_finish (SPANMARK_SYNC (source), result, &error);

  finish_sync (self, SPANMARK_SYNC (source), report, error);
}

/* The work on screen goes first, so the sync commits it. */
static gboolean
save_for_sync (SpanmarkWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (spanmark_window_get_read_only (self) || spanmark_window_save (self, &error))
    return TRUE;
  spanmark_window_report_save_error (self, error);
  return FALSE;
}

static void
start (SpanmarkWindow *self,
       const char     *share_url)
{
  if (self->sync == NULL || self->sync_busy || !save_for_sync (self))
    return;

  set_busy (self, TRUE);
  self->sync_pending++;
  if (share_url != NULL)
    spanmark_sync_share_async (self->sync, share_url, NULL, share_done_cb, g_object_ref (self));
  else
    spanmark_sync_run_async (self->sync, NULL, NULL, run_done_cb, g_object_ref (self));
}

/* Share and clone dialogs */

typedef struct
{
  SpanmarkWindow *window;
  GtkWidget      *url_row;
  GtkWidget      *token_row;
  gboolean        clone;
} Dialog;

static void
dialog_free (Dialog *dialog)
{
  g_object_unref (dialog->window);
  g_free (dialog);
}

static void
share_to (SpanmarkWindow *self,
          const char     *url)
{
  start (self, url);
}

static void clone_from (SpanmarkWindow *self,
                        const char     *url);

static void
dialog_response_cb (AdwMessageDialog *message_dialog,
                    const char       *response,
                    gpointer          user_data)
{
  Dialog *dialog = user_data;
  const char *url = gtk_editable_get_text (GTK_EDITABLE (dialog->url_row));
  const char *token = gtk_editable_get_text (GTK_EDITABLE (dialog->token_row));

  if (!g_str_equal (response, "go") || *url == '\0')
    return;

  token_store (url, token);
  if (dialog->clone)
    clone_from (dialog->window, url);
  else
    share_to (dialog->window, url);
}

static void
show_dialog (SpanmarkWindow *self,
             gboolean        clone)
{
  Dialog *dialog = g_new0 (Dialog, 1);
  GtkWidget *message;
  GtkWidget *list = gtk_list_box_new ();

  dialog->window = g_object_ref (self);
  dialog->clone = clone;
  message = adw_message_dialog_new (GTK_WINDOW (self),
                                    clone ? _("Open a Team’s Project") : _("Share with a Team"),
                                    clone ? _("The project is copied from its git remote into your files, and "
                                              "opened. Sync sends your annotations and brings your team’s.")
                                          : _("The project folder becomes a git repository with this remote, "
                                              "and everything in it is sent there. A server, a shared folder, "
                                              "GitHub or GitLab: create an empty repository there first."));
  gtk_widget_set_name (message, clone ? "clone-dialog" : "share-dialog");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  dialog->url_row = adw_entry_row_new ();
  gtk_widget_set_name (dialog->url_row, "sync-url");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->url_row),
                                 _("Remote address (git@host:team/corpus.git or https://…)"));
  dialog->token_row = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->token_row),
                                 _("Access token, for https:// (kept in your keyring)"));
#ifndef HAVE_LIBSECRET
  gtk_widget_set_visible (dialog->token_row, FALSE);
#endif
  gtk_list_box_append (GTK_LIST_BOX (list), dialog->url_row);
  gtk_list_box_append (GTK_LIST_BOX (list), dialog->token_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (message), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "cancel", _("_Cancel"),
                                    "go", clone ? _("_Open") : _("_Share"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "go", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "go");
  g_signal_connect_data (message, "response", G_CALLBACK (dialog_response_cb), dialog,
                         (GClosureNotify) dialog_free, 0);
  gtk_window_present (GTK_WINDOW (message));
}

/* Cloning: into the app's own data folder (a folder the document portal
 * hands the sandbox breaks git's file locking), one folder per remote. */
static GFile *
clone_destination (const char *url)
{
  g_autofree char *trimmed = g_strdup (url);
  g_autofree char *base = NULL;
  g_autofree char *root = g_build_filename (g_get_user_data_dir (), "spanmark", "projects", NULL);
  char *slash;

  g_strchomp (trimmed);
  while (g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';
  if (g_str_has_suffix (trimmed, ".git"))
    trimmed[strlen (trimmed) - 4] = '\0';
  slash = strrchr (trimmed, '/');
  if (slash == NULL)
    slash = strrchr (trimmed, ':');
  base = g_strdup (slash != NULL && slash[1] != '\0' ? slash + 1 : "project");
  /* Never "." or "..", nor a hidden folder. */
  if (base[0] == '.')
    base[0] = '_';

  for (guint i = 1; ; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, i);
      g_autofree char *path = g_build_filename (root, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_mkdir_with_parents (root, 0700);
          return g_file_new_for_path (path);
        }
    }
}

static void
clone_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SpanmarkWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GFile *dest = g_object_get_data (G_OBJECT (source), "spanmark-dest");

  self->sync_pending--;
  if (!spanmark_sync_clone_finish (SPANMARK_SYNC (source), result, &error)
      || !spanmark_window_open_project (self, dest, &error))
    spanmark_window_show_error (self, _("Could Not Open the Team’s Project"), error);
  g_object_unref (source);
}

static void
clone_from (SpanmarkWindow *self,
            const char     *url)
{
  g_autoptr(GFile) dest = clone_destination (url);
  SpanmarkSync *sync = new_sync (self, dest);

  g_object_set_data_full (G_OBJECT (sync), "spanmark-dest", g_object_ref (dest), g_object_unref);
  self->sync_pending++;
  spanmark_sync_clone_async (sync, url, dest, NULL, clone_done_cb, g_object_ref (self));
}

/* Actions */

static void
sync_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  SpanmarkSyncStatus *status = self->sync_status;

  if (status != NULL && status->state != SPANMARK_SYNC_STATE_READY)
    show_dialog (self, FALSE);
  else
    start (self, NULL);
}

static void
share_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);

  if (parameter != NULL)
    share_to (self, g_variant_get_string (parameter, NULL));
  else
    show_dialog (self, FALSE);
}

static void
clone_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);

  if (parameter != NULL)
    clone_from (self, g_variant_get_string (parameter, NULL));
  else
    show_dialog (self, TRUE);
}

void
spanmark_window_class_init_sync (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_action);
  gtk_widget_class_install_action (widget_class, "win.share", NULL, share_action);
  gtk_widget_class_install_action (widget_class, "win.share-to", "s", share_action);
  gtk_widget_class_install_action (widget_class, "win.clone", NULL, clone_action);
  gtk_widget_class_install_action (widget_class, "win.clone-from", "s", clone_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.sync", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.sync", NULL);
}

void
spanmark_window_sync_update_actions (SpanmarkWindow *self)
{
  gboolean ready = self->sync != NULL && !self->sync_busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.share", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.share-to", ready);
}

/* Automatic sync */

static gboolean
auto_sync_cb (gpointer user_data)
{
  SpanmarkWindow *self = user_data;

  /* Only a clone with a remote syncs by itself; a share is asked for. */
  if (self->sync_status != NULL && self->sync_status->state == SPANMARK_SYNC_STATE_READY)
    start (self, NULL);
  return G_SOURCE_CONTINUE;
}

static void
auto_sync_changed_cb (SpanmarkWindow *self)
{
  GSettings *settings = spanmark_settings_get_gsettings (spanmark_settings_get_default ());
  guint minutes = g_settings_get_uint (settings, "auto-sync-minutes");

  g_clear_handle_id (&self->sync_auto_id, g_source_remove);
  if (minutes > 0 && self->sync != NULL)
    self->sync_auto_id = g_timeout_add_seconds (minutes * 60, auto_sync_cb, self);
}

void
spanmark_window_sync_init (SpanmarkWindow *self)
{
  GSettings *settings = spanmark_settings_get_gsettings (spanmark_settings_get_default ());

  g_signal_connect_object (settings, "changed::auto-sync-minutes",
                           G_CALLBACK (auto_sync_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->changed_bar, "response",
                           G_CALLBACK (changed_bar_response_cb), self, G_CONNECT_SWAPPED);
  self->sync_tick_id = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
  update_state (self);
}

void
spanmark_window_sync_project_opened (SpanmarkWindow *self)
{
  g_clear_object (&self->sync);
  g_clear_pointer (&self->sync_status, spanmark_sync_status_free);
  self->sync_offline = FALSE;
  self->sync_busy = FALSE;
  spanmark_window_sync_clear_conflict (self);
  if (self->project != NULL)
    self->sync = new_sync (self, spanmark_project_get_dir (self->project));
  auto_sync_changed_cb (self);
  update_state (self);
  refresh_status (self);
  spanmark_document_list_set_team (self->document_list, NULL);
  /* At open the pass over the corpus brings it (spanmark-window-assist.c). */
  if (!self->pass_holds_sync)
    refresh_team (self);
}

void
spanmark_window_sync_dispose (SpanmarkWindow *self)
{
  g_clear_handle_id (&self->sync_auto_id, g_source_remove);
  g_clear_handle_id (&self->sync_tick_id, g_source_remove);
  if (self->sync_refresh_id != 0)
    self->sync_pending--;
  g_clear_handle_id (&self->sync_refresh_id, g_source_remove);
  g_clear_object (&self->sync);
  g_clear_pointer (&self->sync_status, spanmark_sync_status_free);
  g_clear_pointer (&self->sync_conflict, g_free);
}

gboolean
spanmark_window_get_sync_busy (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);

  return self->sync_busy;
}

gboolean
spanmark_window_get_sync_offline (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);

  return self->sync_offline;
}

guint
spanmark_window_get_sync_pending (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), 0);

  return self->sync_pending;
}
