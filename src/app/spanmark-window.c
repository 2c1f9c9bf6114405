/* spanmark-window.c — the annotation window: project, documents, what they say
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-display.h"
#include "spanmark-history.h"
#include "spanmark-import.h"
#include "spanmark-label-panel.h"
#include "spanmark-problem.h"
#include "spanmark-settings.h"
#include "spanmark-window-private.h"

/* How many documents a project that opens looks through for the first
 * one not done yet: a large finished corpus still opens at once. */
#define OPEN_LOOKAHEAD 200
/* About "Initiatives" or "重大项目和工程" before a side panel title is cut. */
#define MAX_SWITCHER_TITLE_CHARS 14

G_DEFINE_FINAL_TYPE (SpanmarkWindow, spanmark_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_DOCUMENT,
  PROP_READ_ONLY,
  PROP_DIRTY,
  PROP_EXTERNAL_CHANGE,
  PROP_REVIEW_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void close_document (SpanmarkWindow *self);
static void open_document_now (SpanmarkWindow   *self,
                               SpanmarkDocument *document);
static gboolean save_before_leaving (SpanmarkWindow *self);

AdwToast *
spanmark_window_new_toast (const char *text)
{
  return spanmark_display_new_toast (text);
}

/* libadwaita 1.2 (Debian 12) frees its record of a toast when the toast's
 * hide animation ends, yet lets the show animation fire on that record
 * later when it has not ended by then (fixed in libadwaita 1.3,
 * "toast-overlay: Prevent show_done from firing after hide_done"): a toast
 * dismissed while it was still coming up (500 ms when it replaced
 * another, and the animations start at the first frame after they are
 * asked for, late on a busy machine) crashed the app a moment after.  So
 * a toast on screen goes only once it has been up for a second — its
 * button gone meanwhile — while the list of notices (self->toasts,
 * spanmark_window_has_toast()) forgets it at once; and a notice that must
 * show at once (spanmark_window_show_toast_now()) takes over the young
 * toast on screen instead of replacing it. */
#define TOAST_UNSAFE_MS 1000

static void
toast_head_changed (SpanmarkWindow *self)
{
  self->toast_head_since = g_get_monotonic_time ();
}

static void
toast_dismissed_cb (SpanmarkWindow *self,
                    AdwToast       *toast)
{
  gboolean was_head = self->toasts->len > 0 && g_ptr_array_index (self->toasts, 0) == toast;

  g_signal_handlers_disconnect_by_func (toast, toast_dismissed_cb, self);
  g_ptr_array_remove (self->toasts, toast);
  if (was_head && self->leaving_toast == NULL)
    toast_head_changed (self);
}

static gboolean
dismiss_leaving_toast_cb (gpointer data)
{
  SpanmarkWindow *self = data;
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->leaving_toast);

  self->leaving_toast_id = 0;
  adw_toast_dismiss (toast);
  toast_head_changed (self);

  return G_SOURCE_REMOVE;
}

static void
dismiss_toast (SpanmarkWindow *self,
               AdwToast       *toast)
{
  g_autoptr(AdwToast) held = g_object_ref (toast);
  gboolean on_screen = self->leaving_toast == NULL && self->toasts->len > 0
                       && g_ptr_array_index (self->toasts, 0) == toast;
  gint64 shown_ms = (g_get_monotonic_time () - self->toast_head_since) / G_TIME_SPAN_MILLISECOND;

  if (toast == self->undo_toast)
    {
      g_signal_handlers_disconnect_by_data (toast, self);
      g_clear_object (&self->undo_toast);
    }
  g_signal_handlers_disconnect_by_func (toast, toast_dismissed_cb, self);
  g_ptr_array_remove (self->toasts, toast);

  if (!on_screen || shown_ms >= TOAST_UNSAFE_MS)
    {
      adw_toast_dismiss (toast);
      if (on_screen)
        toast_head_changed (self);
      return;
    }

  adw_toast_set_action_name (toast, NULL);
  adw_toast_set_button_label (toast, NULL);
  self->leaving_toast = g_steal_pointer (&held);
  self->leaving_toast_id = g_timeout_add (TOAST_UNSAFE_MS - shown_ms, dismiss_leaving_toast_cb, self);
}

/* Takes @toast (transfer full) and returns the toast that shows it,
 * owned by the window: @toast, or the toast still on screen that was
 * dismissed a moment ago (see above), which then says what @toast says. */
AdwToast *
spanmark_window_add_toast (SpanmarkWindow *self,
                           AdwToast       *toast)
{
  AdwToast *shown = toast;

  if (self->leaving_toast != NULL && self->toasts->len == 0)
    {
      shown = g_steal_pointer (&self->leaving_toast);
      g_clear_handle_id (&self->leaving_toast_id, g_source_remove);
      adw_toast_set_title (shown, adw_toast_get_title (toast));
      adw_toast_set_button_label (shown, adw_toast_get_button_label (toast));
      /* The target before the name: a name without its target warns. */
      adw_toast_set_action_name (shown, NULL);
      adw_toast_set_action_target_value (shown, adw_toast_get_action_target_value (toast));
      adw_toast_set_action_name (shown, adw_toast_get_action_name (toast));
      g_object_unref (toast);
    }
  else
    {
      if (self->toasts->len == 0 && self->leaving_toast == NULL)
        toast_head_changed (self);
      g_object_ref (toast);
      /* The overlay takes the caller's reference. */
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  g_ptr_array_add (self->toasts, shown);
  g_signal_connect_swapped (shown, "dismissed", G_CALLBACK (toast_dismissed_cb), self);

  return shown;
}

/* Dismisses every toast shown or waiting.  Newest first: the queue is
 * emptied before the one on screen goes, so nothing else comes up in its
 * place.  (ADW_TOAST_PRIORITY_HIGH would do this job, but libadwaita 1.2
 * aborts when the high-priority toast goes while the one it pushed aside
 * is still fading out.) */
void
spanmark_window_clear_toasts (SpanmarkWindow *self)
{
  g_return_if_fail (SPANMARK_IS_WINDOW (self));

  while (self->toasts->len > 0)
    dismiss_toast (self, g_ptr_array_index (self->toasts, self->toasts->len - 1));
}

/* Shows a notice at once, whatever is on screen or waiting, and returns
 * the toast that shows it (owned by the window). */
AdwToast *
spanmark_window_show_toast_now (SpanmarkWindow *self,
                                const char     *text,
                                const char     *button_label,
                                const char     *action_name)
{
  AdwToast *toast;

  spanmark_window_clear_toasts (self);
  toast = spanmark_window_new_toast (text);
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, action_name);

  return spanmark_window_add_toast (self, toast);
}

void
spanmark_window_toast (SpanmarkWindow *self,
                       const char     *title)
{
  g_autoptr(AdwToast) toast = spanmark_window_new_toast (title);

  spanmark_window_add_toast (self, g_steal_pointer (&toast));
}

/* The Undo button of "Span removed" undoes the last step of the history:
 * once anything else changes the set (Ctrl+Z included) or another
 * document opens, that step is no longer the removal, so the toast goes. */
void
spanmark_window_dismiss_undo_toast (SpanmarkWindow *self)
{
  if (self->undo_toast != NULL)
    dismiss_toast (self, self->undo_toast);
}

static GtkWidget *
present_error (SpanmarkWindow *self,
               const char     *heading,
               const GError   *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  spanmark_display_present_dialog (ADW_MESSAGE_DIALOG (dialog));
  return dialog;
}

void
spanmark_window_show_error (SpanmarkWindow *self,
                            const char     *heading,
                            const GError   *error)
{
  present_error (self, heading, error);
}

static void
clear_save_error_dialog (SpanmarkWindow *self)
{
  if (self->save_error_dialog == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (self->save_error_dialog), (gpointer *) &self->save_error_dialog);
  gtk_window_destroy (GTK_WINDOW (self->save_error_dialog));
  self->save_error_dialog = NULL;
}

static void
update_title (SpanmarkWindow *self)
{
  const char *title = self->project != NULL ? spanmark_project_get_name (self->project) : _("Spanmark");
  g_autofree char *subtitle = NULL;

  if (self->document != NULL && self->review_mode)
    /* Translators: the subtitle in review mode, a document's title. */
    subtitle = g_strdup_printf (_("%s — curated version"), spanmark_document_get_display_title (self->document));
  else if (self->document != NULL)
    subtitle = g_strdup (spanmark_document_get_display_title (self->document));
  if (subtitle != NULL && spanmark_window_get_read_only (self))
    {
      g_autofree char *plain = g_steal_pointer (&subtitle);

      subtitle = g_strdup_printf (_("%s (read-only)"), plain);
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");

  /* Window lists and the task switcher show this one line: name the
   * document there too. */
  if (self->document != NULL)
    {
      /* Translators: the window title, a document and its project,
       * e.g. "白沙县万亩茶园迎来丰收季 — Regional news". */
      g_autofree char *full = g_strdup_printf (C_("window title", "%s — %s"),
                                               spanmark_document_get_display_title (self->document),
                                               title);

      gtk_window_set_title (GTK_WINDOW (self), full);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_save_state (SpanmarkWindow *self)
{
  const char *text;

  if (self->session == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->save_state_label), FALSE);
      return;
    }

  if (spanmark_document_session_get_read_only (self->session))
    text = _("Read-only");
  else if (spanmark_document_session_get_dirty (self->session)
           && (spanmark_document_session_get_save_failing (self->session)
               || spanmark_document_session_get_external_change (self->session)))
    text = _("Not saved");
  else if (spanmark_document_session_get_dirty (self->session))
    text = _("Unsaved changes");
  else
    text = _("Saved");

  gtk_label_set_text (self->save_state_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->save_state_label), TRUE);
}

void
spanmark_window_set_status (SpanmarkWindow *self,
                            SpanmarkStatus  status)
{
  g_assert (SPANMARK_IS_WINDOW (self));

  /* The list follows (sync_status). */
  if (self->set != NULL)
    spanmark_annotation_set_set_status (self->set, status);
}

static void
document_activated_cb (SpanmarkDocumentList *list,
                       SpanmarkDocument     *document,
                       SpanmarkWindow       *self)
{
  if (document != self->document)
    spanmark_window_open_document (self, document);
}

static void
refresh_recent (SpanmarkWindow *self)
{
  g_auto(GStrv) recent = spanmark_settings_dup_recent_projects (spanmark_settings_get_default ());
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = g_path_get_basename (recent[i]);

      /* Folder names and paths are user data: plain text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), recent[i]);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", recent[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->recent_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_heading), recent[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), recent[0] != NULL);
}

void
spanmark_window_forget_recent (SpanmarkWindow *self,
                               const char     *path)
{
  spanmark_settings_remove_recent_project (spanmark_settings_get_default (), path);
  refresh_recent (self);
}

static void
jump_to_span_cb (SpanmarkLabelPanel *panel,
                 const char         *span_id,
                 SpanmarkWindow     *self)
{
  const SpanmarkSpan *span;

  if (self->set == NULL)
    return;

  span = spanmark_annotation_set_lookup_span (self->set, span_id);
  if (span == NULL)
    return;

  spanmark_document_view_select_range (self->document_view, span->start, span->end);
  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

static void
clear_panels (SpanmarkWindow *self)
{
  for (guint i = 0; i < self->panels->len; i++)
    {
      GtkWidget *panel = g_ptr_array_index (self->panels, i);

      g_signal_handlers_disconnect_by_data (panel, self);
      gtk_stack_remove (self->panel_stack, panel);
    }
  g_ptr_array_set_size (self->panels, 0);
}

/* A GtkStackSwitcher's button is as wide as its title, so long label
 * titles would widen the side panel and leave the document text a narrow
 * strip: each title is ellipsized to a bounded width, and shown whole in
 * the button's tooltip (plain text, never markup). */
static void
cap_switcher_titles (SpanmarkWindow *self)
{
  for (GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->panel_switcher));
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      GtkWidget *child = GTK_IS_BUTTON (button) ? gtk_button_get_child (GTK_BUTTON (button)) : NULL;

      if (!GTK_IS_LABEL (child))
        continue;
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (child), MAX_SWITCHER_TITLE_CHARS);
      gtk_widget_set_tooltip_text (button, gtk_label_get_text (GTK_LABEL (child)));
    }
}

static void
make_panels (SpanmarkWindow *self)
{
  SpanmarkSchema *schema = spanmark_project_get_schema (self->project);

  for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
    {
      const SpanmarkLabel *label = spanmark_schema_get_label (schema, i);
      GtkWidget *panel = spanmark_label_panel_new (label);

      gtk_stack_add_titled (self->panel_stack, panel, label->name,
                            spanmark_label_get_display_title (label));
      g_signal_connect (panel, "jump-to-span", G_CALLBACK (jump_to_span_cb), self);
      spanmark_label_panel_set_registry (SPANMARK_LABEL_PANEL (panel), self->registry, self->annotator);
      g_signal_connect_swapped (panel, "registry-error", G_CALLBACK (spanmark_window_toast), self);
      g_ptr_array_add (self->panels, panel);
    }
  /* The Check page after the labels' pages, in the switcher too. */
  g_object_ref (self->consistency_panel);
  gtk_stack_remove (self->panel_stack, GTK_WIDGET (self->consistency_panel));
  gtk_stack_add_titled (self->panel_stack, GTK_WIDGET (self->consistency_panel), "check",
                        C_("side panel", "Check"));
  g_object_unref (self->consistency_panel);
  spanmark_window_review_show_page (self);
  cap_switcher_titles (self);
}

/* The labels changed (Preferences): the side panels follow the schema's
 * order, titles and attributes, and the highlighting its colours. */
static void
schema_changed_cb (SpanmarkWindow *self)
{
  g_autofree char *visible = g_strdup (gtk_stack_get_visible_child_name (self->panel_stack));
  gboolean editable = self->set != NULL && !spanmark_window_get_read_only (self);
  guint start = 0, end = 0;

  clear_panels (self);
  make_panels (self);
  if (visible != NULL && gtk_stack_get_child_by_name (self->panel_stack, visible) != NULL)
    gtk_stack_set_visible_child_name (self->panel_stack, visible);
  if (self->set == NULL)
    return;

  spanmark_document_view_get_selection (self->document_view, &start, &end);
  spanmark_document_view_set_annotation_set (self->document_view, spanmark_project_get_schema (self->project),
                                             self->set);
  spanmark_document_view_select_range (self->document_view, start, end);
  for (guint i = 0; i < self->panels->len; i++)
    {
      spanmark_label_panel_set_annotation_set (g_ptr_array_index (self->panels, i), self->set, editable);
      spanmark_label_panel_set_selection (g_ptr_array_index (self->panels, i), start, end);
    }
}

/* A new project or annotator: statuses from other files. */
static void
set_statuses (SpanmarkWindow *self)
{
  g_clear_object (&self->statuses);
  self->statuses = spanmark_status_cache_new (self->project, self->annotator);
  if (self->curated_statuses == NULL
      || spanmark_status_cache_get_project (self->curated_statuses) != self->project)
    {
      g_clear_object (&self->curated_statuses);
      self->curated_statuses = spanmark_status_cache_new (self->project, SPANMARK_CURATED_ANNOTATOR);
    }
  /* The pass over the corpus under way reads every annotator's statuses:
   * a large project takes them from it.  A small one reads them in the
   * list's first idle chunks, as before, which is sooner. */
  if (self->corpus_cancellable != NULL
      && spanmark_project_get_n_documents (self->project) >= PASS_STATUSES_MIN_DOCUMENTS)
    {
      spanmark_status_cache_expect_fill (self->statuses);
      if (!spanmark_status_cache_is_complete (self->curated_statuses))
        spanmark_status_cache_expect_fill (self->curated_statuses);
    }
  spanmark_document_list_set_statuses (self->document_list, spanmark_window_get_statuses (self));
}

SpanmarkStatusCache *
spanmark_window_get_statuses (SpanmarkWindow *self)
{
  return self->review_mode ? self->curated_statuses : self->statuses;
}

void
spanmark_window_notify_review_mode (SpanmarkWindow *self)
{
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_MODE]);
}

/* "Error opening file …/spanmark.json: No such file or directory" says
 * little to someone who picked a folder of texts, or a recent project
 * that has moved: say what is wrong in their terms. */
static void
explain_open_error (GFile   *dir,
                    GError **error)
{
  g_autoptr(GFile) index = g_file_get_child (dir, "spanmark.json");
  g_autofree char *name = g_file_get_parse_name (dir);
  GFileType type = g_file_query_file_type (dir, G_FILE_QUERY_INFO_NONE, NULL);

  if (type == G_FILE_TYPE_UNKNOWN)
    {
      g_clear_error (error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The folder %s does not exist."), name);
    }
  else if (type == G_FILE_TYPE_DIRECTORY && !g_file_query_exists (index, NULL))
    {
      g_clear_error (error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s is not a Spanmark project: it has no spanmark.json. "
                     "To annotate the text files in it, use New Project from Text Files."),
                   name);
    }
}

gboolean
spanmark_window_open_project (SpanmarkWindow  *self,
                              GFile           *dir,
                              GError         **error)
{
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  SpanmarkDocument *first;
  GPtrArray *problems;

  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);

  project = spanmark_project_open (dir, &local_error);
  if (project == NULL)
    {
      explain_open_error (dir, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The current work first: if it cannot be saved, the window stays. */
  if (!save_before_leaving (self))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED,
                   _("%s was not opened, because your changes to the current document are not saved yet"),
                   g_file_peek_path (dir));
      return FALSE;
    }

  close_document (self);
  clear_panels (self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (spanmark_project_get_schema (self->project), self);
  spanmark_window_review_reset (self);
  g_set_object (&self->project, project);
  spanmark_window_assist_set_project (self);
  g_signal_connect_object (spanmark_project_get_schema (project), "changed",
                           G_CALLBACK (schema_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);

  g_free (self->annotator);
  self->annotator = spanmark_settings_dup_annotator (spanmark_settings_get_default ());
  set_statuses (self);
  spanmark_window_entities_expect_pass (self);

  make_panels (self);
  spanmark_window_sync_project_opened (self);

  path = g_file_get_path (dir);
  if (path != NULL)
    spanmark_settings_add_recent_project (spanmark_settings_get_default (), path);
  refresh_recent (self);

  gtk_stack_set_visible_child_name (self->main_stack, "project");
  gtk_stack_set_visible_child_name (self->document_stack, "none");
  update_title (self);
  update_save_state (self);

  /* Start where the work is: the first document not done yet (looking at
   * a bounded number, so a large finished corpus still opens at once). */
  first = spanmark_status_cache_find_unfinished (self->statuses, NULL, OPEN_LOOKAHEAD);
  if (first == NULL && spanmark_project_get_n_documents (project) > 0)
    first = spanmark_project_get_document (project, 0);
  if (first != NULL)
    open_document_now (self, first);

  spanmark_window_update_actions (self);

  /* The project opened in spite of problems in spanmark.json: say so
   * (broken documents also say so in the list). */
  problems = spanmark_project_get_problems (project);
  if (problems->len > 0)
    {
      const SpanmarkProblem *first = g_ptr_array_index (problems, 0);
      g_autofree char *problem = spanmark_problem_to_short_string (first);
      g_autofree char *text = g_strdup_printf (ngettext ("spanmark.json has %u problem: %s",
                                                         "spanmark.json has %u problems, the first: %s",
                                                         problems->len),
                                               problems->len, problem);

      spanmark_window_toast (self, text);
    }

  return TRUE;
}

/* Saving: the session saves and says how it went (see
 * spanmark-document-session.h); the window shows it and never lets the
 * work go (another document, another project, closing) before it is
 * saved or the annotator chose to drop it. */

void
spanmark_window_set_test_clock (SpanmarkWindow *self,
                                gint64          now)
{
  g_return_if_fail (SPANMARK_IS_WINDOW (self));

  /* Kept for the sessions of documents opened later. */
  self->use_test_clock = TRUE;
  self->test_now = now;
  if (self->session != NULL)
    spanmark_document_session_set_test_clock (self->session, now);
}

gint64
spanmark_window_get_autosave_due (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), 0);

  return self->session != NULL ? spanmark_document_session_get_autosave_due (self->session) : 0;
}

/* The document list shows the status the set has now (an edit reopens
 * a done document, undo can make it done again, a save marks a new one
 * in progress). */
static void
sync_status (SpanmarkWindow *self)
{
  spanmark_status_cache_set (spanmark_window_get_statuses (self), self->document,
                             spanmark_annotation_set_get_status (self->set));
}

/* A new annotator name waits while the work cannot be saved under the old
 * one (see annotator_changed_cb); once it is saved, the switch happens. */
static void annotator_changed_cb (SpanmarkWindow *self);

static gboolean
annotator_idle_cb (gpointer user_data)
{
  SpanmarkWindow *self = user_data;

  self->annotator_idle_id = 0;
  annotator_changed_cb (self);

  return G_SOURCE_REMOVE;
}

/* Once nothing unsaved holds the old name, a pending new one applies. */
static void
check_annotator (SpanmarkWindow *self)
{
  g_autofree char *annotator = spanmark_settings_dup_annotator (spanmark_settings_get_default ());

  if (g_strcmp0 (annotator, self->annotator) != 0 && self->annotator_idle_id == 0)
    self->annotator_idle_id = g_idle_add (annotator_idle_cb, self);
}

/* The banner says what happened and, when the annotator has changes of
 * their own, that they are kept until a choice is made. */
static void
update_changed_label (SpanmarkWindow *self)
{
  GFile *file = spanmark_document_session_get_file (self->session);
  g_autofree char *relative = g_file_get_relative_path (spanmark_project_get_dir (self->project), file);
  const char *name = relative != NULL ? relative : g_file_peek_path (file);
  g_autofree char *text = NULL;
  gboolean mine = spanmark_window_get_dirty (self) && !spanmark_window_get_read_only (self);

  if (mine)
    text = g_strdup_printf (_("%s changed on disk while you had unsaved changes. Your version is kept here, "
                              "and not saved, until you choose what to do with it."),
                            name);
  else
    text = g_strdup_printf (_("%s changed on disk. Reload it to see the other version."), name);
  gtk_label_set_text (self->changed_label, text);
  gtk_button_set_label (self->reload_button, mine ? _("_Reload (Discard Mine)") : _("_Reload"));
  /* The flow box lays out its own child around each button. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->keep_mine_button)), mine);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->save_copy_button)), mine);
}

/* Dirty, the file changed on disk, saving failing: the header, the
 * banner and the actions say it. */
static void
session_state_cb (SpanmarkWindow *self,
                  GParamSpec     *pspec)
{
  gboolean changed = spanmark_document_session_get_external_change (self->session);

  /* The window's own properties say what the session's do. */
  if (g_strcmp0 (pspec->name, "dirty") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  else if (g_strcmp0 (pspec->name, "external-change") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTERNAL_CHANGE]);

  /* A change on disk takes the banner over from a sync's conflict. */
  if (changed)
    {
      spanmark_window_sync_clear_conflict (self);
      update_changed_label (self);
    }
  gtk_info_bar_set_revealed (self->changed_bar, changed || spanmark_window_sync_has_conflict (self));
  update_save_state (self);
  spanmark_window_update_actions (self);
  if (!spanmark_document_session_get_dirty (self->session))
    {
      /* A retry saved what the dialog said was not saved: a dialog left
       * up would say the opposite of the header. */
      if (self->save_error_dialog != NULL)
        {
          clear_save_error_dialog (self);
          spanmark_window_toast (self, _("Saved"));
        }
      check_annotator (self);
      spanmark_window_sync_saved (self);
    }
}

static void
session_edited_cb (SpanmarkWindow *self)
{
  spanmark_window_dismiss_undo_toast (self);
}

static void
autosave_failed_cb (SpanmarkWindow *self,
                    const GError   *error)
{
  /* Said once, not at every retry; the header keeps saying it. */
  spanmark_window_toast (self, error->message);
}

gboolean
spanmark_window_save (SpanmarkWindow  *self,
                      GError         **error)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);

  if (self->session == NULL)
    return TRUE;

  return spanmark_document_session_save (self->session, error);
}

static void
history_notify_cb (SpanmarkWindow *self)
{
  spanmark_window_update_actions (self);
}

/* Says why the work could not be saved when the annotator wanted to
 * leave the document (or mark it done): the banner already offers the
 * ways out of a conflict; anything else gets a dialog. */
void
spanmark_window_report_save_error (SpanmarkWindow *self,
                                   const GError   *error)
{
  g_autoptr(GError) explained = NULL;

  if (g_error_matches (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED))
    {
      spanmark_window_toast (self, _("Your changes are not saved yet: choose what to do with them above the text"));
      return;
    }

  explained = g_error_new (error->domain, error->code, "%s\n\n%s", error->message,
                           _("The document stays open with your changes, and saving is tried again every few seconds."));
  /* One at a time: a newer failure replaces the older dialog. */
  clear_save_error_dialog (self);
  self->save_error_dialog = present_error (self, _("Could Not Save"), explained);
  g_object_add_weak_pointer (G_OBJECT (self->save_error_dialog), (gpointer *) &self->save_error_dialog);
}

gboolean
spanmark_window_save_before_leaving (SpanmarkWindow *self)
{
  return save_before_leaving (self);
}

/* Saves the work before the document is left; when that fails, says so
 * and returns FALSE: the document stays open, with its changes. */
static gboolean
save_before_leaving (SpanmarkWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || !spanmark_window_get_dirty (self) || spanmark_window_get_read_only (self))
    return TRUE;

  if (spanmark_window_save (self, &error))
    return TRUE;

  spanmark_window_report_save_error (self, error);
  /* The list may show the row that was clicked: show ours again. */
  spanmark_document_list_set_selected_document (self->document_list, self->document);

  return FALSE;
}

/* Another document (or none): every property about it changes. */
static void
notify_document (SpanmarkWindow *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTERNAL_CHANGE]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
close_document (SpanmarkWindow *self)
{
  gboolean had_document = self->session != NULL;

  spanmark_window_dismiss_undo_toast (self);
  spanmark_window_assist_close (self);
  spanmark_window_review_close (self);
  spanmark_window_sync_clear_conflict (self);

  for (guint i = 0; i < self->panels->len; i++)
    spanmark_label_panel_set_annotation_set (g_ptr_array_index (self->panels, i), NULL, FALSE);
  spanmark_document_view_set_annotation_set (self->document_view, NULL, NULL);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (self->set, self);
      g_signal_handlers_disconnect_by_data (spanmark_annotation_set_get_history (self->set), self);
    }
  /* Its autosave and file monitor go with it. */
  g_clear_object (&self->session);
  self->set = NULL;
  self->document = NULL;
  gtk_info_bar_set_revealed (self->read_only_bar, FALSE);
  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
  if (had_document)
    notify_document (self);
}

/* Opens @document after the current one is closed (its work discarded:
 * callers save first). */
static void
open_document_now (SpanmarkWindow   *self,
                   SpanmarkDocument *document)
{
  GSettings *settings = spanmark_settings_get_gsettings (spanmark_settings_get_default ());
  g_autoptr(SpanmarkDocument) doc = g_object_ref (document);
  g_autoptr(GError) error = NULL;
  const GError *load_error;
  gboolean read_only;

  close_document (self);

  self->session = spanmark_document_session_new (self->project, doc, spanmark_window_review_get_annotator (self),
                                                 &error);
  if (self->session == NULL)
    {
      spanmark_window_show_error (self, _("Could Not Open Document"), error);
      update_title (self);
      update_save_state (self);
      spanmark_window_update_actions (self);
      return;
    }
  self->document = spanmark_document_session_get_document (self->session);
  self->set = spanmark_document_session_get_annotation_set (self->session);
  if (self->use_test_clock)
    spanmark_document_session_set_test_clock (self->session, self->test_now);
  g_settings_bind (settings, "autosave-delay", self->session, "autosave-delay", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "autosave-max-delay", self->session, "autosave-max-delay", G_SETTINGS_BIND_GET);

  /* Review mode: the annotators' sets, the curated one seeded. */
  spanmark_window_review_load (self);

  load_error = spanmark_document_session_get_load_error (self->session);
  read_only = load_error != NULL;
  if (read_only)
    {
      g_autofree char *message = g_strdup_printf (_("Read-only: %s"), load_error->message);

      gtk_label_set_text (self->read_only_label, message);
    }
  gtk_info_bar_set_revealed (self->read_only_bar, read_only);

  spanmark_document_view_set_annotation_set (self->document_view,
                                             spanmark_project_get_schema (self->project),
                                             self->set);
  spanmark_window_review_show (self);
  spanmark_window_assist_open (self);
  for (guint i = 0; i < self->panels->len; i++)
    {
      spanmark_label_panel_set_annotation_set (g_ptr_array_index (self->panels, i), self->set, !read_only);
      spanmark_label_panel_set_selection (g_ptr_array_index (self->panels, i), 0, 0);
    }

  g_signal_connect_swapped (self->session, "notify::dirty", G_CALLBACK (session_state_cb), self);
  g_signal_connect_swapped (self->session, "notify::external-change", G_CALLBACK (session_state_cb), self);
  g_signal_connect_swapped (self->session, "notify::save-failing", G_CALLBACK (session_state_cb), self);
  g_signal_connect_swapped (self->session, "edited", G_CALLBACK (session_edited_cb), self);
  g_signal_connect_swapped (self->session, "autosave-failed", G_CALLBACK (autosave_failed_cb), self);
  g_signal_connect_swapped (self->set, "notify::status", G_CALLBACK (sync_status), self);
  g_signal_connect_swapped (spanmark_annotation_set_get_history (self->set), "notify::can-undo",
                            G_CALLBACK (history_notify_cb), self);
  g_signal_connect_swapped (spanmark_annotation_set_get_history (self->set), "notify::can-redo",
                            G_CALLBACK (history_notify_cb), self);

  gtk_stack_set_visible_child_name (self->document_stack, "document");
  spanmark_document_list_set_selected_document (self->document_list, self->document);
  if (read_only)
    spanmark_document_list_refresh (self->document_list);
  update_title (self);
  update_save_state (self);
  spanmark_window_update_actions (self);
  notify_document (self);

  /* Keyboard first: the caret sits at the start of the text. */
  spanmark_document_view_select_range (self->document_view, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

void
spanmark_window_open_document_now (SpanmarkWindow   *self,
                                   SpanmarkDocument *document)
{
  open_document_now (self, document);
}

gboolean
spanmark_window_open_document (SpanmarkWindow   *self,
                               SpanmarkDocument *document)
{
  g_assert (SPANMARK_IS_WINDOW (self));

  if (!save_before_leaving (self))
    return FALSE;

  open_document_now (self, document);

  return self->document == document;
}

void
spanmark_window_reload (SpanmarkWindow *self)
{
  g_autoptr(SpanmarkDocument) document = NULL;

  if (self->document == NULL)
    return;

  /* Reload means "take the version on disk": drop unsaved edits. */
  document = g_object_ref (self->document);
  open_document_now (self, document);
  check_annotator (self);
  /* The list shows what the file says now. */
  spanmark_status_cache_forget (spanmark_window_get_statuses (self), document);
}

gboolean
spanmark_window_keep_mine (SpanmarkWindow  *self,
                           GError         **error)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);

  if (self->session == NULL)
    return TRUE;

  return spanmark_document_session_keep_mine (self->session, error);
}

gboolean
spanmark_window_save_copy (SpanmarkWindow  *self,
                           GError         **error)
{
  g_autoptr(GFile) copy = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);

  if (self->session == NULL || spanmark_window_get_read_only (self))
    return TRUE;

  copy = spanmark_document_session_save_copy (self->session, error);
  if (copy == NULL)
    return FALSE;

  /* Theirs is the file now, ours the copy: show theirs. */
  relative = g_file_get_relative_path (spanmark_project_get_dir (self->project), copy);
  spanmark_window_reload (self);
  /* Translators: %s is a file in the project, e.g.
   * "conflicts/alice/doc-20261128T050000Z.json". */
  message = g_strdup_printf (_("Your version was saved as %s"), relative != NULL ? relative : g_file_peek_path (copy));
  spanmark_window_toast (self, message);

  return TRUE;
}

static void
selection_changed_cb (SpanmarkDocumentView *view,
                      guint                 start,
                      guint                 end,
                      SpanmarkWindow       *self)
{
  for (guint i = 0; i < self->panels->len; i++)
    spanmark_label_panel_set_selection (g_ptr_array_index (self->panels, i), start, end);
}

/* A place of the consistency list: the caret goes there. */
static void
consistency_jump_cb (SpanmarkConsistencyPanel *panel,
                     guint                     start,
                     guint                     end,
                     SpanmarkWindow           *self)
{
  if (self->set == NULL)
    return;

  spanmark_document_view_select_range (self->document_view, start, end);
  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

/* Creating projects */

/* The .txt files among @files, with folders replaced by their .txt files
 * (sorted, so documents get a predictable order); a text's brat .ann is
 * read with it by the import. */
static GPtrArray *
collect_texts (GListModel  *files,
               GError     **error)
{
  g_autoptr(GPtrArray) given = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) expanded = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (given, g_list_model_get_item (files, i));

  expanded = spanmark_import_expand_folders ((GFile **) given->pdata, given->len, error);
  if (expanded == NULL)
    return NULL;

  for (guint i = 0; i < expanded->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (expanded, i));

      if (name != NULL && g_str_has_suffix (name, ".txt"))
        g_ptr_array_add (texts, g_object_ref (g_ptr_array_index (expanded, i)));
    }

  if (texts->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("There are no .txt files to import"));
      return NULL;
    }

  return g_steal_pointer (&texts);
}

gboolean
spanmark_window_create_project (SpanmarkWindow  *self,
                                GFile           *dir,
                                GListModel      *files,
                                GError         **error)
{
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GString) failures = NULL;
  g_autofree char *name = NULL;
  SpanmarkImportOptions options = { NULL, SPANMARK_TEXT_ENCODING_UTF8 };

  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), FALSE);

  texts = collect_texts (files, error);
  if (texts == NULL)
    return FALSE;

  name = g_file_get_basename (dir);
  project = spanmark_project_create (dir, name, error);
  if (project == NULL)
    return FALSE;

  /* One bad file (not UTF-8, say) should not stop the others: import what
   * can be imported and list the rest afterwards. */
  failures = g_string_new (NULL);
  for (guint i = 0; i < texts->len; i++)
    {
      g_autoptr(GError) import_error = NULL;

      if (spanmark_import_file (project, g_ptr_array_index (texts, i), &options, &import_error) < 0)
        g_string_append_printf (failures, "%s%s", failures->len > 0 ? "\n" : "", import_error->message);
    }

  if (!spanmark_project_save (project, error))
    return FALSE;

  if (!spanmark_window_open_project (self, dir, error))
    return FALSE;

  if (failures->len > 0)
    {
      g_autoptr(GError) import_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, failures->str);

      spanmark_window_show_error (self, _("Some Files Were Not Imported"), import_error);
    }

  return TRUE;
}

/* Accessors */

SpanmarkProject *
spanmark_window_get_project (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), NULL);
  return self->project;
}

SpanmarkDocument *
spanmark_window_get_document (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), NULL);
  return self->document;
}

SpanmarkAnnotationSet *
spanmark_window_get_annotation_set (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), NULL);
  return self->set;
}

SpanmarkDocumentView *
spanmark_window_get_document_view (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), NULL);
  return self->document_view;
}

SpanmarkDocumentSession *
spanmark_window_get_session (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), NULL);
  return self->session;
}

SpanmarkDocumentList *
spanmark_window_get_document_list (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), NULL);
  return self->document_list;
}

SpanmarkLabelPanel *
spanmark_window_get_label_panel (SpanmarkWindow *self,
                                 const char     *label)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  for (guint i = 0; i < self->panels->len; i++)
    {
      SpanmarkLabelPanel *panel = g_ptr_array_index (self->panels, i);

      if (g_str_equal (spanmark_label_panel_get_label (panel)->name, label))
        return panel;
    }

  return NULL;
}

gboolean
spanmark_window_has_toast (SpanmarkWindow *self,
                           const char     *title)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  /* Toast titles are markup: spanmark_display_new_toast() escapes them. */
  escaped = g_markup_escape_text (title, -1);
  for (guint i = 0; i < self->toasts->len; i++)
    if (g_strcmp0 (adw_toast_get_title (g_ptr_array_index (self->toasts, i)), escaped) == 0)
      return TRUE;

  return FALSE;
}

gboolean
spanmark_window_get_read_only (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);
  return self->session != NULL && spanmark_document_session_get_read_only (self->session);
}

gboolean
spanmark_window_get_dirty (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);
  return self->session != NULL && spanmark_document_session_get_dirty (self->session);
}

gboolean
spanmark_window_get_external_change (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);
  return self->session != NULL && spanmark_document_session_get_external_change (self->session);
}

/* Life cycle */

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SpanmarkWindow   *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "copy") && !spanmark_window_save_copy (self, &error))
    {
      spanmark_window_show_error (self, _("Could Not Save"), error);
      return;
    }
  if (!g_str_equal (response, "copy") && !g_str_equal (response, "discard"))
    return;

  self->close_anyway = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Work that cannot be saved is never dropped by closing: the annotator
 * decides, and keeping the window open is the default. */
static void
ask_before_closing (SpanmarkWindow *self,
                    const GError   *error)
{
  gboolean conflict = g_error_matches (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Your Changes Are Not Saved"), NULL));
  adw_message_dialog_format_body (dialog, "%s\n\n%s", error->message,
                                  conflict
                                  ? _("Keep the window open to choose in the banner, save your version as a copy, or discard it.")
                                  : _("Keep the window open to try again (saving is retried every few seconds), or discard your changes."));
  adw_message_dialog_add_response (dialog, "keep", _("_Keep Open"));
  if (conflict)
    adw_message_dialog_add_response (dialog, "copy", _("Save as _Copy and Close"));
  adw_message_dialog_add_response (dialog, "discard", _("_Discard and Close"));
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  spanmark_display_present_dialog (dialog);
}

static gboolean
spanmark_window_close_request (GtkWindow *window)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (window);
  GSettings *settings = spanmark_settings_get_gsettings (spanmark_settings_get_default ());
  g_autoptr(GError) error = NULL;
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));

  if (!self->close_anyway && spanmark_window_get_dirty (self) && !spanmark_window_get_read_only (self)
      && !spanmark_window_save (self, &error))
    {
      ask_before_closing (self, error);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (spanmark_window_parent_class)->close_request (window);
}

static void
spanmark_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, spanmark_window_get_read_only (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, spanmark_window_get_dirty (self));
      break;
    case PROP_EXTERNAL_CHANGE:
      g_value_set_boolean (value, spanmark_window_get_external_change (self));
      break;
    case PROP_REVIEW_MODE:
      g_value_set_boolean (value, self->review_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REVIEW_MODE:
      spanmark_window_set_review_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_window_dispose (GObject *object)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (object);

  /* Destroyed without being closed: save what can be saved, quietly. */
  if (self->panels != NULL && self->document_view != NULL)
    {
      if (spanmark_window_get_dirty (self) && !spanmark_window_get_read_only (self))
        spanmark_window_save (self, NULL);
      close_document (self);
    }
  if (self->undo_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_toast, self);
  g_clear_object (&self->undo_toast);
  for (guint i = 0; self->toasts != NULL && i < self->toasts->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->toasts, i), toast_dismissed_cb, self);
  g_clear_pointer (&self->toasts, g_ptr_array_unref);
  g_clear_handle_id (&self->leaving_toast_id, g_source_remove);
  g_clear_object (&self->leaving_toast);
  if (self->save_error_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->save_error_dialog), (gpointer *) &self->save_error_dialog);
  self->save_error_dialog = NULL;
  g_clear_handle_id (&self->annotator_idle_id, g_source_remove);
  if (self->panels != NULL && self->panel_stack != NULL)
    clear_panels (self);
  if (self->document_list != NULL)
    spanmark_document_list_set_statuses (self->document_list, NULL);
  spanmark_window_review_dispose (self);
  spanmark_window_sync_dispose (self);
  spanmark_window_assist_dispose (self);
  spanmark_window_entities_dispose (self);
  g_clear_object (&self->statuses);
  g_clear_object (&self->project);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPANMARK_TYPE_WINDOW);

  G_OBJECT_CLASS (spanmark_window_parent_class)->dispose (object);
}

static void
spanmark_window_finalize (GObject *object)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (object);

  g_clear_pointer (&self->panels, g_ptr_array_unref);
  g_clear_pointer (&self->annotator, g_free);

  G_OBJECT_CLASS (spanmark_window_parent_class)->finalize (object);
}

static void
spanmark_window_class_init (SpanmarkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = spanmark_window_get_property;
  object_class->set_property = spanmark_window_set_property;
  object_class->dispose = spanmark_window_dispose;
  object_class->finalize = spanmark_window_finalize;
  window_class->close_request = spanmark_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, SPANMARK_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SPANMARK_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXTERNAL_CHANGE] =
    g_param_spec_boolean ("external-change", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Notified by spanmark_window_set_review_mode() once the switch is made
   * (a switch refused, work unsaved, notifies nothing). */
  properties[PROP_REVIEW_MODE] =
    g_param_spec_boolean ("review-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SPANMARK_TYPE_DOCUMENT_LIST);
  g_type_ensure (SPANMARK_TYPE_DOCUMENT_VIEW);
  g_type_ensure (SPANMARK_TYPE_SEARCH_BAR);
  g_type_ensure (SPANMARK_TYPE_REVIEW_PANEL);
  g_type_ensure (SPANMARK_TYPE_CONSISTENCY_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/spanmark-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, save_state_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, document_list);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, changed_bar);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, changed_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, reload_button);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, keep_mine_button);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, save_copy_button);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, document_stack);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, no_document_status);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, document_view);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, panel_switcher);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, review_panel);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, sync_state_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, suggestion_count_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, consistency_panel);
  gtk_widget_class_bind_template_callback (widget_class, document_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, consistency_jump_cb);

  spanmark_window_class_init_actions (widget_class);
  spanmark_window_class_init_review (widget_class);
  spanmark_window_class_init_sync (widget_class);
  spanmark_window_class_init_assist (widget_class);
  spanmark_window_class_init_entities (widget_class);
}

static void
font_settings_changed_cb (SpanmarkWindow *self)
{
  SpanmarkSettings *settings = spanmark_settings_get_default ();

  spanmark_document_view_set_font (self->document_view,
                                   spanmark_settings_get_font_size (settings),
                                   spanmark_settings_get_line_spacing (settings));
}

/* A new annotator name means other files: the current work is saved under
 * the old name, then the document reopens as the new annotator's. */
static void
annotator_changed_cb (SpanmarkWindow *self)
{
  g_autofree char *annotator = spanmark_settings_dup_annotator (spanmark_settings_get_default ());
  g_autoptr(SpanmarkDocument) document = NULL;

  if (g_strcmp0 (annotator, self->annotator) == 0)
    return;

  /* Until the work is saved under the old name, the old name stays; the
   * next successful autosave comes back here. */
  if (!save_before_leaving (self))
    return;

  if (self->document != NULL)
    document = g_object_ref (self->document);
  close_document (self);

  g_free (self->annotator);
  self->annotator = g_steal_pointer (&annotator);

  if (self->project == NULL)
    return;

  set_statuses (self);
  spanmark_window_entities_set_project (self);
  /* A sync commits the annotator's folder: the new one from now on. */
  spanmark_window_sync_project_opened (self);

  if (document != NULL)
    open_document_now (self, document);
  else
    {
      update_title (self);
      update_save_state (self);
      spanmark_window_update_actions (self);
    }
}

static void
spanmark_window_init (SpanmarkWindow *self)
{
  GSettings *settings = spanmark_settings_get_gsettings (spanmark_settings_get_default ());

  gtk_widget_init_template (GTK_WIDGET (self));
  spanmark_display_set_status_icon (self->status_page, "accessories-text-editor-symbolic");
  spanmark_display_set_status_icon (self->no_document_status, "view-list-symbolic");

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->panels = g_ptr_array_new ();
  self->left_sets = g_ptr_array_new_with_free_func (g_object_unref);
  self->annotator = spanmark_settings_dup_annotator (spanmark_settings_get_default ());

  g_signal_connect_object (settings, "changed::font-size",
                           G_CALLBACK (font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::line-spacing",
                           G_CALLBACK (font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  font_settings_changed_cb (self);
  g_settings_bind (settings, "show-label-chips", self->document_view, "show-label-chips", G_SETTINGS_BIND_GET);
  g_signal_connect_object (settings, "changed::annotator-name",
                           G_CALLBACK (annotator_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  refresh_recent (self);
  spanmark_window_review_show_page (self);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  update_title (self);
  update_save_state (self);
  spanmark_window_init_actions (self);
  spanmark_window_sync_init (self);
  spanmark_window_update_actions (self);
}

SpanmarkWindow *
spanmark_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (SPANMARK_TYPE_WINDOW, "application", application, NULL);
}
