/* spanmark-window.c — the annotation window: project, documents, saving
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-file.h"
#include "spanmark-history.h"
#include "spanmark-import.h"
#include "spanmark-label-panel.h"
#include "spanmark-settings.h"
#include "spanmark-window-private.h"

/* How many documents' status files are peeked at per idle iteration when
 * a project opens: the list shows at once, the progress label follows. */
#define STATUS_CHUNK 200

G_DEFINE_FINAL_TYPE (SpanmarkWindow, spanmark_window, ADW_TYPE_APPLICATION_WINDOW)

static void close_document (SpanmarkWindow *self);
static void update_changed_label (SpanmarkWindow *self);

/* AdwToast titles are Pango markup in libadwaita 1.2; messages carry file
 * names and document text, so they are always escaped. */
AdwToast *
spanmark_window_new_toast (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

void
spanmark_window_toast (SpanmarkWindow *self,
                       const char     *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, spanmark_window_new_toast (title));
}

/* The Undo button of "Span removed" undoes the last step of the history:
 * once anything else changes the set (Ctrl+Z included) or another
 * document opens, that step is no longer the removal, so the toast goes. */
void
spanmark_window_dismiss_undo_toast (SpanmarkWindow *self)
{
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->undo_toast);

  if (toast == NULL)
    return;

  g_signal_handlers_disconnect_by_data (toast, self);
  adw_toast_dismiss (toast);
}

void
spanmark_window_show_error (SpanmarkWindow *self,
                            const char     *heading,
                            const GError   *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_title (SpanmarkWindow *self)
{
  const char *title = self->project != NULL ? spanmark_project_get_name (self->project) : _("Spanmark");
  g_autofree char *subtitle = NULL;

  if (self->document != NULL && self->read_only)
    subtitle = g_strdup_printf (_("%s (read-only)"), spanmark_document_get_display_title (self->document));
  else if (self->document != NULL)
    subtitle = g_strdup (spanmark_document_get_display_title (self->document));

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

  if (self->set == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->save_state_label), FALSE);
      return;
    }

  if (self->read_only)
    text = _("Read-only");
  else if (self->dirty)
    text = _("Unsaved changes");
  else
    text = _("Saved");

  gtk_label_set_text (self->save_state_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->save_state_label), TRUE);
}

/* Status cache.  Values are stored as status + 1 so that 0 means "not
 * known yet". */

SpanmarkStatus
spanmark_window_get_status_of (SpanmarkWindow   *self,
                               SpanmarkDocument *document)
{
  const char *id = spanmark_document_get_id (document);
  gpointer value = g_hash_table_lookup (self->statuses, id);
  SpanmarkStatus status;

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;

  status = spanmark_project_peek_status (self->project, document, self->annotator);
  g_hash_table_insert (self->statuses, g_strdup (id), GUINT_TO_POINTER (status + 1));

  return status;
}

static void
update_progress (SpanmarkWindow *self)
{
  guint n, done = 0;
  g_autofree char *text = NULL;

  if (self->project == NULL || self->status_idle_id != 0)
    {
      gtk_label_set_text (self->progress_label, "");
      return;
    }

  n = spanmark_project_get_n_documents (self->project);
  for (guint i = 0; i < n; i++)
    {
      SpanmarkStatus status = spanmark_window_get_status_of (self, spanmark_project_get_document (self->project, i));

      if (status == SPANMARK_STATUS_DONE || status == SPANMARK_STATUS_REVIEWED)
        done++;
    }

  /* Translators: "12 of 40 done", the documents the annotator finished. */
  text = g_strdup_printf (ngettext ("%u of %u done", "%u of %u done", n), done, n);
  gtk_label_set_text (self->progress_label, text);
}

static gboolean
status_idle_cb (gpointer user_data)
{
  SpanmarkWindow *self = user_data;
  guint n = spanmark_project_get_n_documents (self->project);
  guint end = MIN (n, self->status_idle_pos + STATUS_CHUNK);

  for (guint i = self->status_idle_pos; i < end; i++)
    spanmark_window_get_status_of (self, spanmark_project_get_document (self->project, i));
  self->status_idle_pos = end;

  if (end < n)
    return G_SOURCE_CONTINUE;

  self->status_idle_id = 0;
  update_progress (self);

  return G_SOURCE_REMOVE;
}

static void
update_row (SpanmarkWindow *self,
            GtkWidget      *row)
{
  static const char * const status_classes[] = {
    "status-new", "status-in-progress", "status-done", "status-reviewed", "status-unreadable",
  };
  SpanmarkDocument *document = g_object_get_data (G_OBJECT (row), "document");
  GtkLabel *status_label = g_object_get_data (G_OBJECT (row), "status-label");
  g_autoptr(GFile) file = NULL;
  g_autofree char *css_class = NULL;
  SpanmarkStatus status;

  if (document == NULL || self->project == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (status_label), status_classes[i]);

  /* A file that failed to load says so in the list too, not "New": a
   * reviewer scanning the list must see that work is there but unreadable. */
  file = spanmark_project_get_annotation_file (self->project, document, self->annotator);
  if (spanmark_project_is_file_broken (self->project, file))
    {
      gtk_label_set_text (status_label, C_("document status", "Unreadable"));
      gtk_widget_add_css_class (GTK_WIDGET (status_label), "status-unreadable");
      return;
    }

  status = spanmark_window_get_status_of (self, document);
  gtk_label_set_text (status_label, spanmark_status_get_title (status));
  css_class = g_strconcat ("status-", spanmark_status_to_string (status), NULL);
  gtk_widget_add_css_class (GTK_WIDGET (status_label), css_class);
}

void
spanmark_window_set_status (SpanmarkWindow *self,
                            SpanmarkStatus  status)
{
  g_assert (SPANMARK_IS_WINDOW (self));

  if (self->set == NULL)
    return;

  if (spanmark_annotation_set_get_status (self->set) != status)
    spanmark_annotation_set_set_status (self->set, status);
  g_hash_table_insert (self->statuses,
                       g_strdup (spanmark_document_get_id (self->document)),
                       GUINT_TO_POINTER (status + 1));
  for (guint i = 0; i < self->rows->len; i++)
    update_row (self, g_ptr_array_index (self->rows, i));
  update_progress (self);
  if (self->status_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->status_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
status_filter_func (gpointer item,
                    gpointer user_data)
{
  SpanmarkWindow *self = user_data;
  guint wanted = gtk_drop_down_get_selected (self->filter_dropdown);
  SpanmarkStatus status;

  if (wanted == 0 || wanted == GTK_INVALID_LIST_POSITION || self->project == NULL)
    return TRUE;

  status = spanmark_window_get_status_of (self, item);
  switch (wanted)
    {
    case 1:
      return status == SPANMARK_STATUS_NEW;
    case 2:
      return status == SPANMARK_STATUS_IN_PROGRESS;
    default:
      return status == SPANMARK_STATUS_DONE || status == SPANMARK_STATUS_REVIEWED;
    }
}

static void
filter_changed_cb (SpanmarkWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->status_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SpanmarkWindow           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_add_css_class (status, "document-status");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), status);
  g_object_set_data (G_OBJECT (box), "title-label", title);
  g_object_set_data (G_OBJECT (box), "status-label", status);
  gtk_list_item_set_child (item, box);
  g_ptr_array_add (self->rows, box);
}

static void
row_teardown_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 SpanmarkWindow           *self)
{
  g_ptr_array_remove (self->rows, gtk_list_item_get_child (item));
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SpanmarkWindow           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  SpanmarkDocument *document = gtk_list_item_get_item (item);

  g_object_set_data_full (G_OBJECT (box), "document", g_object_ref (document), g_object_unref);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title-label"),
                      spanmark_document_get_display_title (document));
  update_row (self, box);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SpanmarkWindow           *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "document", NULL);
}

static void
document_activated_cb (GtkListView    *list,
                       guint           position,
                       SpanmarkWindow *self)
{
  g_autoptr(SpanmarkDocument) document = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (document != NULL && document != self->document)
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
      g_ptr_array_add (self->panels, panel);
    }
}

static void
select_in_list (SpanmarkWindow   *self,
                SpanmarkDocument *document)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpanmarkDocument) item = g_list_model_get_item (model, i);

      if (item == document)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
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
  guint n;

  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);

  project = spanmark_project_open (dir, &local_error);
  if (project == NULL)
    {
      explain_open_error (dir, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  close_document (self);
  clear_panels (self);
  g_clear_handle_id (&self->status_idle_id, g_source_remove);
  g_hash_table_remove_all (self->statuses);
  gtk_list_view_set_model (self->document_list, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_set_object (&self->project, project);

  g_free (self->annotator);
  self->annotator = spanmark_settings_dup_annotator (spanmark_settings_get_default ());

  self->filter_model = gtk_filter_list_model_new (g_object_ref (spanmark_project_get_documents (project)),
                                                  g_object_ref (GTK_FILTER (self->status_filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->document_list, GTK_SELECTION_MODEL (self->selection));

  make_panels (self);

  self->status_idle_pos = 0;
  self->status_idle_id = g_idle_add (status_idle_cb, self);
  update_progress (self);

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
  n = spanmark_project_get_n_documents (project);
  for (guint i = 0; i < MIN (n, STATUS_CHUNK); i++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (project, i);
      SpanmarkStatus status = spanmark_window_get_status_of (self, document);

      if (status != SPANMARK_STATUS_DONE && status != SPANMARK_STATUS_REVIEWED)
        {
          spanmark_window_open_document (self, document);
          break;
        }
    }
  if (self->document == NULL && n > 0)
    spanmark_window_open_document (self, spanmark_project_get_document (project, 0));

  spanmark_window_update_actions (self);

  return TRUE;
}

/* Saving */

static GBytes *
read_file_bytes (GFile *file)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* Through the core's safe reader: a FIFO in place of the file would
   * hang the window, /dev/zero fill the memory. */
  if (!spanmark_file_read (file, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE, &contents, &length, NULL))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

gboolean
spanmark_window_save (SpanmarkWindow  *self,
                      GError         **error)
{
  g_autoptr(GFile) file = NULL;
  gboolean ok;

  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);

  g_clear_handle_id (&self->autosave_id, g_source_remove);

  if (self->set == NULL)
    return TRUE;

  file = spanmark_project_get_annotation_file (self->project, self->document, self->annotator);
  if (self->read_only)
    {
      g_autofree char *path = g_file_get_path (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("%s failed to load, so the document is read-only and was not saved"),
                   path != NULL ? path : spanmark_document_get_id (self->document));
      return FALSE;
    }

  /* Status and "modified" change as part of saving: that is not a new
   * edit, so the "changed" they cause must not schedule another save. */
  self->saving = TRUE;
  if (spanmark_annotation_set_get_status (self->set) == SPANMARK_STATUS_NEW
      && spanmark_annotation_set_get_n_spans (self->set) > 0)
    spanmark_window_set_status (self, SPANMARK_STATUS_IN_PROGRESS);
  ok = spanmark_project_save_annotations (self->project, self->set, error);
  self->saving = FALSE;

  if (ok)
    {
      self->dirty = FALSE;
      g_clear_pointer (&self->disk_contents, g_bytes_unref);
      self->disk_contents = read_file_bytes (file);
    }
  update_save_state (self);

  return ok;
}

static gboolean
autosave_cb (gpointer user_data)
{
  SpanmarkWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  self->autosave_id = 0;
  if (!spanmark_window_save (self, &error))
    spanmark_window_toast (self, error->message);

  return G_SOURCE_REMOVE;
}

static void
set_changed_cb (SpanmarkWindow *self)
{
  if (self->saving)
    return;

  spanmark_window_dismiss_undo_toast (self);
  self->dirty = TRUE;
  update_save_state (self);
  if (gtk_info_bar_get_revealed (self->changed_bar))
    update_changed_label (self);

  if (self->read_only)
    return;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add_seconds (spanmark_settings_get_autosave_delay (spanmark_settings_get_default ()),
                                             autosave_cb, self);
}

static void
history_notify_cb (SpanmarkWindow *self)
{
  spanmark_window_update_actions (self);
}

/* Only warn about losing changes when there are some to lose. */
static void
update_changed_label (SpanmarkWindow *self)
{
  GFile *file = self->annotation_file;
  g_autofree char *relative = g_file_get_relative_path (spanmark_project_get_dir (self->project), file);
  const char *name = relative != NULL ? relative : g_file_peek_path (file);
  g_autofree char *text = NULL;

  if (self->dirty)
    text = g_strdup_printf (_("%s changed on disk. Reload it to see the other version; your unsaved changes would be lost."),
                            name);
  else
    text = g_strdup_printf (_("%s changed on disk. Reload it to see the other version."), name);
  gtk_label_set_text (self->changed_label, text);
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    SpanmarkWindow    *self)
{
  g_autoptr(GBytes) contents = NULL;
  gboolean same;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT
      && event != G_FILE_MONITOR_EVENT_CREATED
      && event != G_FILE_MONITOR_EVENT_DELETED
      && event != G_FILE_MONITOR_EVENT_MOVED_IN
      && event != G_FILE_MONITOR_EVENT_RENAMED)
    return;

  /* Atomic writes (ours and others') show up as a temporary file renamed
   * over ours: only events that touch our file itself count. */
  if (!g_file_equal (file, self->annotation_file)
      && (other_file == NULL || !g_file_equal (other_file, self->annotation_file)))
    return;

  /* Our own saves show up here too; only contents that differ from what we
   * last read or wrote are someone else's change. */
  file = self->annotation_file;
  contents = read_file_bytes (file);
  if (contents == NULL || self->disk_contents == NULL)
    same = contents == self->disk_contents;
  else
    same = g_bytes_equal (contents, self->disk_contents);
  if (same)
    return;

  update_changed_label (self);
  gtk_info_bar_set_revealed (self->changed_bar, TRUE);
}

static void
close_document (SpanmarkWindow *self)
{
  g_autoptr(GError) error = NULL;

  spanmark_window_dismiss_undo_toast (self);
  if (self->set != NULL && self->dirty && !self->read_only
      && !spanmark_window_save (self, &error))
    spanmark_window_show_error (self, _("Could Not Save"), error);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->annotation_file);
  g_clear_pointer (&self->disk_contents, g_bytes_unref);

  for (guint i = 0; i < self->panels->len; i++)
    spanmark_label_panel_set_annotation_set (g_ptr_array_index (self->panels, i), NULL, FALSE);
  spanmark_document_view_set_annotation_set (self->document_view, NULL, NULL);

  if (self->set != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->set, self);
      g_signal_handlers_disconnect_by_data (spanmark_annotation_set_get_history (self->set), self);
    }
  g_clear_object (&self->set);
  g_clear_object (&self->document);
  self->dirty = FALSE;
  self->read_only = FALSE;
  gtk_info_bar_set_revealed (self->read_only_bar, FALSE);
  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
}

void
spanmark_window_open_document (SpanmarkWindow   *self,
                               SpanmarkDocument *document)
{
  g_autoptr(SpanmarkDocument) doc = g_object_ref (document);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean read_only = FALSE;

  g_assert (SPANMARK_IS_WINDOW (self));

  close_document (self);

  set = spanmark_project_load_annotations (self->project, doc, self->annotator, &error);
  if (set == NULL)
    {
      g_autoptr(GError) text_error = NULL;
      g_autofree char *text = spanmark_project_load_text (self->project, doc, &text_error);
      g_autofree char *message = NULL;

      if (text == NULL)
        {
          spanmark_window_show_error (self, _("Could Not Open Document"), text_error);
          update_title (self);
          update_save_state (self);
          spanmark_window_update_actions (self);
          return;
        }

      /* Show the text, but never write over the file that failed. */
      read_only = TRUE;
      set = spanmark_annotation_set_new (spanmark_document_get_id (doc), self->annotator, text);
      message = g_strdup_printf (_("Read-only: %s"), error->message);
      gtk_label_set_text (self->read_only_label, message);
    }

  self->document = g_steal_pointer (&doc);
  self->set = g_object_ref (set);
  self->read_only = read_only;
  self->dirty = FALSE;
  gtk_info_bar_set_revealed (self->read_only_bar, read_only);

  file = spanmark_project_get_annotation_file (self->project, self->document, self->annotator);
  self->disk_contents = read_file_bytes (file);
  self->annotation_file = g_object_ref (file);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);

  spanmark_document_view_set_annotation_set (self->document_view,
                                             spanmark_project_get_schema (self->project),
                                             set);
  for (guint i = 0; i < self->panels->len; i++)
    {
      spanmark_label_panel_set_annotation_set (g_ptr_array_index (self->panels, i), set, !read_only);
      spanmark_label_panel_set_selection (g_ptr_array_index (self->panels, i), 0, 0);
    }

  g_signal_connect_swapped (set, "changed", G_CALLBACK (set_changed_cb), self);
  g_signal_connect_swapped (spanmark_annotation_set_get_history (set), "notify::can-undo",
                            G_CALLBACK (history_notify_cb), self);
  g_signal_connect_swapped (spanmark_annotation_set_get_history (set), "notify::can-redo",
                            G_CALLBACK (history_notify_cb), self);

  gtk_stack_set_visible_child_name (self->document_stack, "document");
  select_in_list (self, self->document);
  if (read_only)
    for (guint i = 0; i < self->rows->len; i++)
      update_row (self, g_ptr_array_index (self->rows, i));
  update_title (self);
  update_save_state (self);
  spanmark_window_update_actions (self);

  /* Keyboard first: the caret sits at the start of the text. */
  spanmark_document_view_select_range (self->document_view, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

void
spanmark_window_reload (SpanmarkWindow *self)
{
  g_autoptr(SpanmarkDocument) document = NULL;

  if (self->document == NULL)
    return;

  /* Reload means "take the version on disk": drop unsaved edits. */
  document = g_object_ref (self->document);
  self->dirty = FALSE;
  spanmark_window_open_document (self, document);
  g_hash_table_remove (self->statuses, spanmark_document_get_id (document));
  for (guint i = 0; i < self->rows->len; i++)
    update_row (self, g_ptr_array_index (self->rows, i));
  update_progress (self);
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

/* Creating projects */

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (g_file_peek_path (*(GFile **) a), g_file_peek_path (*(GFile **) b));
}

static gboolean
is_txt (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".txt");
}

/* The .txt files among @files, with folders replaced by their .txt files
 * (sorted, so documents get a predictable order). */
static GPtrArray *
collect_text_files (GListModel  *files,
                    GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GFileEnumerator) children = NULL;
          g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
          GFileInfo *info;

          children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                G_FILE_QUERY_INFO_NONE, NULL, error);
          if (children == NULL)
            return NULL;
          while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
            {
              g_autoptr(GFileInfo) owned = info;
              g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

              if (is_txt (child))
                g_ptr_array_add (found, g_steal_pointer (&child));
            }
          g_ptr_array_sort (found, compare_files);
          for (guint j = 0; j < found->len; j++)
            g_ptr_array_add (result, g_object_ref (g_ptr_array_index (found, j)));
        }
      else if (is_txt (file))
        g_ptr_array_add (result, g_steal_pointer (&file));
    }

  if (result->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("There are no .txt files to import"));
      return NULL;
    }

  return g_steal_pointer (&result);
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

  texts = collect_text_files (files, error);
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

gboolean
spanmark_window_get_read_only (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);
  return self->read_only;
}

gboolean
spanmark_window_get_dirty (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);
  return self->dirty;
}

gboolean
spanmark_window_get_external_change (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);
  return gtk_info_bar_get_revealed (self->changed_bar);
}

/* Life cycle */

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

  if (self->set != NULL && self->dirty && !self->read_only
      && !spanmark_window_save (self, &error))
    {
      g_autoptr(GError) explained = NULL;

      /* Keep the window (and the work) when the save failed; a second
       * close goes through, as the dialog says. */
      self->dirty = FALSE;
      explained = g_error_new (error->domain, error->code, "%s\n\n%s", error->message,
                               _("The window stays open so you can try again. Close it once more to discard the changes."));
      spanmark_window_show_error (self, _("Could Not Save Your Changes"), explained);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (spanmark_window_parent_class)->close_request (window);
}

static void
spanmark_window_dispose (GObject *object)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (object);

  if (self->panels != NULL && self->document_view != NULL)
    close_document (self);
  if (self->undo_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_toast, self);
  g_clear_object (&self->undo_toast);
  g_clear_handle_id (&self->status_idle_id, g_source_remove);
  if (self->panels != NULL && self->panel_stack != NULL)
    clear_panels (self);
  if (self->document_list != NULL)
    gtk_list_view_set_model (self->document_list, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->status_filter);
  g_clear_object (&self->project);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPANMARK_TYPE_WINDOW);

  G_OBJECT_CLASS (spanmark_window_parent_class)->dispose (object);
}

static void
spanmark_window_finalize (GObject *object)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (object);

  g_clear_pointer (&self->statuses, g_hash_table_unref);
  g_clear_pointer (&self->panels, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->annotator, g_free);

  G_OBJECT_CLASS (spanmark_window_parent_class)->finalize (object);
}

static void
spanmark_window_class_init (SpanmarkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = spanmark_window_dispose;
  object_class->finalize = spanmark_window_finalize;
  window_class->close_request = spanmark_window_close_request;

  g_type_ensure (SPANMARK_TYPE_DOCUMENT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/spanmark-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, save_state_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, document_list);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, changed_bar);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, changed_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, document_stack);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, document_view);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkWindow, panel_stack);
  gtk_widget_class_bind_template_callback (widget_class, document_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);

  spanmark_window_class_init_actions (widget_class);
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

  if (self->document != NULL)
    document = g_object_ref (self->document);
  close_document (self);

  g_free (self->annotator);
  self->annotator = g_steal_pointer (&annotator);
  g_hash_table_remove_all (self->statuses);

  if (self->project == NULL)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    update_row (self, g_ptr_array_index (self->rows, i));
  g_clear_handle_id (&self->status_idle_id, g_source_remove);
  self->status_idle_pos = 0;
  self->status_idle_id = g_idle_add (status_idle_cb, self);
  update_progress (self);
  gtk_filter_changed (GTK_FILTER (self->status_filter), GTK_FILTER_CHANGE_DIFFERENT);

  if (document != NULL)
    spanmark_window_open_document (self, document);
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
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->panels = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
  self->status_filter = gtk_custom_filter_new (status_filter_func, self, NULL);
  self->annotator = spanmark_settings_dup_annotator (spanmark_settings_get_default ());

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (row_teardown_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), self);
  gtk_list_view_set_factory (self->document_list, factory);
  g_object_unref (factory);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->document_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Documents"),
                                  -1);

  g_signal_connect_swapped (self->filter_dropdown, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_object (settings, "changed::font-size",
                           G_CALLBACK (font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::line-spacing",
                           G_CALLBACK (font_settings_changed_cb), self, G_CONNECT_SWAPPED);
  font_settings_changed_cb (self);
  g_signal_connect_object (settings, "changed::annotator-name",
                           G_CALLBACK (annotator_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  refresh_recent (self);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  update_title (self);
  update_save_state (self);
  spanmark_window_init_actions (self);
  spanmark_window_update_actions (self);
}

SpanmarkWindow *
spanmark_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (SPANMARK_TYPE_WINDOW, "application", application, NULL);
}
