/* spanmark-window-actions.c — the window's actions, keys and drops
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-export-dialog.h"
#include "spanmark-history.h"
#include "spanmark-settings.h"
#include "spanmark-window-private.h"

static gboolean
can_edit (SpanmarkWindow *self)
{
  return self->set != NULL && !spanmark_window_get_read_only (self);
}

/* The selection, trimmed of white space at both ends (never widened or
 * snapped to words: the annotator's characters are what is tagged). */
static gboolean
get_trimmed_selection (SpanmarkWindow *self,
                       guint          *start,
                       guint          *end)
{
  spanmark_document_view_get_selection (self->document_view, start, end);
  if (*start >= *end)
    return FALSE;

  return spanmark_text_index_trim_range (spanmark_annotation_set_get_text_index (self->set), start, end);
}

/* What win.tag and win.tag-all act on: the trimmed selection, when the
 * document can be edited and @label is in the schema.  Tells the
 * annotator when there is nothing to tag. */
static gboolean
get_tag_range (SpanmarkWindow *self,
               const char     *label,
               guint          *start,
               guint          *end)
{
  if (!can_edit (self))
    return FALSE;

  if (spanmark_schema_lookup (spanmark_project_get_schema (self->project), label) == NULL)
    {
      g_warning ("Unknown label %s", label);
      return FALSE;
    }

  if (!get_trimmed_selection (self, start, end))
    {
      spanmark_window_toast (self, _("Select the text to tag first"));
      return FALSE;
    }

  return TRUE;
}

/* The side panel follows the label the annotator chose, not the other
 * way round (review mode keeps its own page in front). */
static void
show_label_panel (SpanmarkWindow *self,
                  const char     *label)
{
  if (!self->review_mode && gtk_stack_get_child_by_name (self->panel_stack, label) != NULL)
    gtk_stack_set_visible_child_name (self->panel_stack, label);
}

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  const char *label = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  const SpanmarkLabel *defined;
  const SpanmarkSpan *span;
  guint start, end;

  /* On a suggestion (the caret in it, or it selected) the label key
   * accepts it as that label, with its entity: one key for a tie. */
  if (spanmark_schema_lookup (spanmark_project_get_schema (self->project), label) != NULL
      && spanmark_window_assist_tag (self, label))
    return;

  if (!get_tag_range (self, label, &start, &end))
    return;

  /* On exactly a span of another label this relabels it, keeping only
   * the attributes the new label has. */
  defined = spanmark_schema_lookup (spanmark_project_get_schema (self->project), label);
  if (spanmark_annotation_set_tag_range (self->set, start, end, label,
                                         (const char * const *) defined->attrs, &error) == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        spanmark_window_toast (self, _("Already tagged"));
      else
        spanmark_window_toast (self, error->message);
      return;
    }

  /* Keep the tagged characters selected, so the panels can attach the
   * new span to an entity straight away, and show the panel of the
   * label chosen. */
  spanmark_document_view_select_range (self->document_view, start, end);
  show_label_panel (self, label);
  if ((span = spanmark_annotation_set_get_span_at (self->set, start)) != NULL)
    spanmark_window_assist_offer_title (self, span->id);
}

static void
tag_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  const char *label = g_variant_get_string (parameter, NULL);
  g_autofree char *message = NULL;
  guint start, end, n;

  if (!get_tag_range (self, label, &start, &end))
    return;

  n = spanmark_annotation_set_tag_all (self->set, start, end, label, NULL);
  show_label_panel (self, label);
  message = g_strdup_printf (ngettext ("Tagged %u occurrence", "Tagged %u occurrences", n), n);
  spanmark_window_toast (self, message);
}

/* The span the annotator means: the one exactly selected if there is
 * one (Tab selects spans), else the innermost span at the caret. */
static const SpanmarkSpan *
get_target_span (SpanmarkWindow *self)
{
  g_autoptr(GPtrArray) spans = NULL;
  guint start, end;

  spanmark_document_view_get_selection (self->document_view, &start, &end);
  if (start < end)
    {
      spans = spanmark_annotation_set_get_spans_in_range (self->set, start, start);
      for (guint i = spans->len; i > 0; i--)
        {
          const SpanmarkSpan *span = g_ptr_array_index (spans, i - 1);

          if (span->start == start && span->end == end)
            return span;
        }
    }

  return spanmark_annotation_set_get_span_at (self->set, start);
}

static void
undo_toast_dismissed_cb (SpanmarkWindow *self,
                         AdwToast       *toast)
{
  if (self->undo_toast == toast)
    {
      g_signal_handlers_disconnect_by_data (toast, self);
      g_clear_object (&self->undo_toast);
    }
}

static void
delete_span_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  const SpanmarkSpan *span;
  g_autofree char *id = NULL;
  AdwToast *toast;

  if (!can_edit (self))
    return;

  span = get_target_span (self);
  if (span == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  id = g_strdup (span->id);
  if (!spanmark_annotation_set_remove_span (self->set, id))
    return;

  /* Undo is only worth something now: it shows at once, not behind a
   * notice still on screen or waiting. */
  toast = spanmark_window_show_toast_now (self, _("Span removed"), _("_Undo"), "win.undo");
  self->undo_toast = g_object_ref (toast);
  g_signal_connect_swapped (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self);
}

/* Tab from a selected span goes to the next one; from a bare caret (a
 * document just opened, a click) a span starting right at the caret is
 * the next one, so the first span of a text is not skipped. */
static const SpanmarkSpan *
get_next_span_from (SpanmarkWindow *self,
                    guint           start,
                    guint           end)
{
  g_autoptr(GPtrArray) spans = NULL;

  if (start < end)
    return spanmark_annotation_set_get_next_span (self->set, start);
  if (start > 0)
    return spanmark_annotation_set_get_next_span (self->set, start - 1);

  spans = spanmark_annotation_set_get_spans_in_range (self->set, 0, 0);
  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);

      if (span->start == 0)
        return span;
    }

  return spanmark_annotation_set_get_next_span (self->set, 0);
}

static void
move_span_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  const SpanmarkSpan *span;
  guint start, end;

  if (self->set == NULL)
    return;

  spanmark_document_view_get_selection (self->document_view, &start, &end);
  if (g_str_equal (action_name, "win.next-span"))
    span = get_next_span_from (self, start, end);
  else
    span = spanmark_annotation_set_get_prev_span (self->set, start);

  if (span != NULL)
    spanmark_document_view_select_range (self->document_view, span->start, span->end);
  else
    gtk_widget_error_bell (widget);
}

/* Alt(+Shift)+Left/Right: fix a boundary of the span the annotator
 * means by one character, the span staying selected so the key can be
 * pressed again.  The parameter is the step: -1 or 1. */
static void
move_boundary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  gboolean at_end = g_str_equal (action_name, "win.move-span-end");
  int step = g_variant_get_int32 (parameter);
  g_autofree char *id = NULL;
  const SpanmarkSpan *span;
  gint64 start, end;

  if (!can_edit (self))
    return;

  span = get_target_span (self);
  if (span == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  id = g_strdup (span->id);
  start = (gint64) span->start + (at_end ? 0 : step);
  end = (gint64) span->end + (at_end ? step : 0);
  if (start < 0 || end > spanmark_annotation_set_get_length (self->set) || start >= end
      || !spanmark_annotation_set_set_span_range (self->set, id, (guint) start, (guint) end, NULL))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  spanmark_document_view_select_range (self->document_view, (guint) start, (guint) end);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  SpanmarkHistory *history;

  if (!can_edit (self))
    return;

  history = spanmark_annotation_set_get_history (self->set);
  if (g_str_equal (action_name, "win.undo") && spanmark_window_entities_undo (self))
    return;
  if (g_str_equal (action_name, "win.undo"))
    spanmark_history_undo (history);
  else
    spanmark_history_redo (history);
}

/* Search */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);

  if (self->set != NULL)
    spanmark_search_bar_start (self->search_bar);
}

static void
search_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  spanmark_search_bar_find_next (SPANMARK_WINDOW (widget)->search_bar);
}

/* F6 and Shift+F6 move the keyboard between the panes (document list,
 * text, side panel), as in other GNOME apps: Tab belongs to the spans in
 * the text, so without them the list is out of reach of the keyboard. */
static void
focus_pane_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  GtkWidget *panes[] = {
    GTK_WIDGET (spanmark_document_list_get_list_view (self->document_list)),
    GTK_WIDGET (self->document_view),
    gtk_stack_get_visible_child (self->panel_stack),
  };
  const int n = G_N_ELEMENTS (panes);
  int step = g_str_equal (action_name, "win.next-pane") ? 1 : -1;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int current = step > 0 ? n - 1 : 0;

  for (int i = 0; i < n; i++)
    if (focus != NULL && panes[i] != NULL
        && (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i])))
      current = i;

  for (int k = 1; k <= n; k++)
    {
      GtkWidget *pane = panes[(current + step * k + n) % n];

      if (pane == NULL || !gtk_widget_get_mapped (pane) || !gtk_widget_is_sensitive (pane))
        continue;
      /* The panel is a plain container: focus its first control. */
      if (pane == panes[2] ? gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD)
                           : gtk_widget_grab_focus (pane))
        return;
    }

  gtk_widget_error_bell (widget);
}

/* Saving and documents */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->set == NULL)
    return;

  /* No "Saved" toast: the header says it, and a toast would only hold
   * up the next one that matters (Undo). */
  if (!spanmark_window_save (self, &error))
    spanmark_window_toast (self, error->message);
}

static void
done_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  SpanmarkDocument *next;

  if (!can_edit (self))
    return;

  /* Ctrl+Return in review mode: the curated version is reviewed. */
  if (self->review_mode)
    {
      spanmark_window_review_mark_reviewed (self);
      return;
    }

  spanmark_window_set_status (self, SPANMARK_STATUS_DONE);
  if (!spanmark_window_save (self, &error))
    {
      spanmark_window_report_save_error (self, error);
      return;
    }

  next = spanmark_status_cache_find_unfinished (spanmark_window_get_statuses (self), self->document, 0);
  if (next != NULL)
    {
      spanmark_window_open_document (self, next);
      return;
    }

  spanmark_window_toast (self, _("All documents are done"));
}

/* A done document back to work: "" is the open one, else the id of
 * one in the list (its context menu), which opens first. */
static void
reopen_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  SpanmarkDocument *document = self->document;

  if (self->project == NULL)
    return;

  if (id[0] != '\0')
    document = spanmark_project_lookup_document (self->project, id);
  if (document == NULL)
    return;

  if (document != self->document && !spanmark_window_open_document (self, document))
    return;

  /* A done document, or a reviewed curated version in review mode. */
  if (!can_edit (self)
      || (spanmark_annotation_set_get_status (self->set) != SPANMARK_STATUS_DONE
          && spanmark_annotation_set_get_status (self->set) != SPANMARK_STATUS_REVIEWED))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  spanmark_window_set_status (self, SPANMARK_STATUS_IN_PROGRESS);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (action_name, "win.keep-mine"))
    ok = spanmark_window_keep_mine (self, &error);
  else
    ok = spanmark_window_save_copy (self, &error);

  if (!ok)
    spanmark_window_show_error (self, _("Could Not Save"), error);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  spanmark_window_reload (SPANMARK_WINDOW (widget));
}

static void
open_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  SpanmarkDocument *document;

  if (self->project == NULL)
    return;

  document = spanmark_project_lookup_document (self->project, g_variant_get_string (parameter, NULL));
  if (document == NULL)
    {
      g_warning ("No document %s", g_variant_get_string (parameter, NULL));
      return;
    }

  if (document != self->document)
    spanmark_window_open_document (self, document);
}

static void
select_range_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  guint start, end;

  if (self->set == NULL)
    return;

  g_variant_get (parameter, "(uu)", &start, &end);
  spanmark_document_view_select_range (self->document_view, start, end);
}

/* Export */

static void
exported_cb (SpanmarkExportDialog *dialog,
             GFile                *folder,
             const char           *summary,
             SpanmarkWindow       *self)
{
  AdwToast *toast = spanmark_window_new_toast (summary);
  g_autofree char *uri = g_file_get_uri (folder);

  adw_toast_set_button_label (toast, _("Open Folder"));
  adw_toast_set_action_name (toast, "win.open-folder");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  spanmark_window_add_toast (self, toast);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  SpanmarkExportDialog *dialog;

  if (self->project == NULL)
    return;

  /* Export reads the files: write the current work first. */
  if (spanmark_window_get_dirty (self) && !spanmark_window_save (self, &error))
    spanmark_window_toast (self, error->message);

  dialog = spanmark_export_dialog_new (GTK_WINDOW (self), self->project);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* Opening and creating projects */

/* A modal chooser for the window; the caller adds what it needs and
 * shows it.  @response_cb gets the window and unrefs the chooser. */
static GtkFileChooserNative *
new_chooser (SpanmarkWindow       *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label,
             GCallback             response_cb)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", response_cb, self);

  return chooser;
}

static void
open_project_path (SpanmarkWindow *self,
                   GFile          *dir)
{
  g_autoptr(GError) error = NULL;

  if (!spanmark_window_open_project (self, dir, &error))
    spanmark_window_show_error (self, _("Could Not Open Project"), error);
}

static void
open_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          SpanmarkWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) dir = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (dir != NULL)
        open_project_path (self, dir);
    }

  g_object_unref (chooser);
}

static void
open_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkFileChooserNative *chooser;

  chooser = new_chooser (SPANMARK_WINDOW (widget), _("Open Project"),
                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Open"),
                         G_CALLBACK (open_chooser_response_cb));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  g_autoptr(GFile) dir = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;

  if (!spanmark_window_open_project (self, dir, &error))
    {
      /* A folder that is gone leaves the list; one that failed to load
       * stays, so it can be tried again once fixed. */
      if (!g_file_query_exists (dir, NULL))
        spanmark_window_forget_recent (self, g_variant_get_string (parameter, NULL));
      spanmark_window_show_error (self, _("Could Not Open Project"), error);
    }
}

/* The new project goes into a fresh folder inside the one the user
 * chooses, named after the dropped folder (or "New Project"), so the
 * user's own files are never mixed with the project's. */
static void
create_in_parent (SpanmarkWindow *self,
                  GFile          *parent,
                  GListModel     *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *base = NULL;

  if (g_list_model_get_n_items (files) == 1)
    {
      g_autoptr(GFile) only = g_list_model_get_item (files, 0);

      if (g_file_query_file_type (only, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        {
          g_autofree char *folder = g_file_get_basename (only);

          /* Translators: the name of a project made from a folder. */
          base = g_strdup_printf (_("%s Project"), folder);
        }
    }
  if (base == NULL)
    base = g_strdup (_("New Project"));

  dir = g_file_get_child (parent, base);
  for (guint i = 2; g_file_query_exists (dir, NULL) && i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", base, i);

      g_object_unref (dir);
      dir = g_file_get_child (parent, name);
    }

  if (!spanmark_window_create_project (self, dir, files, &error))
    spanmark_window_show_error (self, _("Could Not Create Project"), error);
}

static void
parent_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            SpanmarkWindow  *self)
{
  GListModel *files = g_object_get_data (G_OBJECT (chooser), "files");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) parent = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (parent != NULL)
        create_in_parent (self, parent, files);
    }

  g_object_unref (chooser);
}

static void
ask_where_to_create (SpanmarkWindow *self,
                     GListModel     *files)
{
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("Choose Where to Create the Project"),
                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Create Here"),
                         G_CALLBACK (parent_chooser_response_cb));
  g_object_set_data_full (G_OBJECT (chooser), "files", g_object_ref (files), g_object_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
texts_chooser_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           SpanmarkWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      if (g_list_model_get_n_items (files) > 0)
        ask_where_to_create (self, files);
    }

  g_object_unref (chooser);
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = new_chooser (SPANMARK_WINDOW (widget), _("Choose Text Files"),
                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                         G_CALLBACK (texts_chooser_response_cb));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Text files"));
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         SpanmarkWindow *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  GSList *items;

  if (list == NULL)
    return FALSE;

  items = gdk_file_list_get_files (list);
  for (GSList *l = items; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  g_slist_free (items);

  if (g_list_model_get_n_items (G_LIST_MODEL (files)) == 0)
    return FALSE;

  /* A dropped project folder opens; anything else becomes a new project. */
  if (g_list_model_get_n_items (G_LIST_MODEL (files)) == 1)
    {
      g_autoptr(GFile) only = g_list_model_get_item (G_LIST_MODEL (files), 0);
      g_autoptr(GFile) index = g_file_get_child (only, "spanmark.json");

      if (g_file_query_exists (index, NULL))
        {
          open_project_path (self, only);
          return TRUE;
        }
    }

  ask_where_to_create (self, G_LIST_MODEL (files));

  return TRUE;
}

/* Keys.  Single keys (the label keys, Delete, Tab) act only while the
 * text has the focus, so "1" still types in the search entry; they are
 * caught in the capture phase because the text view would otherwise use
 * Tab and Delete itself. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SpanmarkWindow        *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gunichar c;

  if (self->set == NULL || focus == NULL
      || focus != GTK_WIDGET (spanmark_document_view_get_text_view (self->document_view)))
    return FALSE;

  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_z || keyval == GDK_KEY_Z))
    return gtk_widget_activate_action (GTK_WIDGET (self), "win.undo", NULL);
  if (mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK) && (keyval == GDK_KEY_z || keyval == GDK_KEY_Z))
    return gtk_widget_activate_action (GTK_WIDGET (self), "win.redo", NULL);
  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter))
    return gtk_widget_activate_action (GTK_WIDGET (self), "win.done-next", NULL);
  /* Ctrl+Shift+Return accepts every suggestion (the assist keys below);
   * reopening, rarer, is Ctrl+Shift+T. */
  if (mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK) && (keyval == GDK_KEY_t || keyval == GDK_KEY_T))
    return gtk_widget_activate_action (GTK_WIDGET (self), "win.reopen-document", "s", "");

  /* Alt+Left/Right move the start of the span, Alt+Shift+Left/Right its
   * end (Shift, as Shift+arrows move the selection's end). */
  if ((mods & ~GDK_SHIFT_MASK) == GDK_ALT_MASK)
    {
      int step = 0;

      if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
        step = -1;
      else if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
        step = 1;
      if (step != 0)
        return gtk_widget_activate_action (GTK_WIDGET (self),
                                           (mods & GDK_SHIFT_MASK) != 0 ? "win.move-span-end" : "win.move-span-start",
                                           "i", step);
    }

  if ((mods & ~GDK_SHIFT_MASK) != 0)
    return spanmark_window_assist_key_pressed (self, keyval, mods)
           || spanmark_window_review_key_pressed (self, keyval, keycode, mods);
  /* A proposed registry entity is on a span, a suggestion never is:
   * Return means one or the other. */
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_BackSpace)
    return spanmark_window_entities_key_pressed (self, keyval, mods)
           || spanmark_window_assist_key_pressed (self, keyval, mods);

  if (keyval == GDK_KEY_ISO_Left_Tab || ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && mods == GDK_SHIFT_MASK))
    return gtk_widget_activate_action (GTK_WIDGET (self), "win.prev-span", NULL);
  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && mods == 0)
    return gtk_widget_activate_action (GTK_WIDGET (self), "win.next-span", NULL);
  if ((keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete) && mods == 0)
    return gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-span", NULL);

  c = gdk_keyval_to_unicode (keyval);
  if (c != 0 && !g_unichar_iscntrl (c))
    {
      char key[8] = { 0 };
      const SpanmarkLabel *label;

      g_unichar_to_utf8 (c, key);
      label = spanmark_schema_lookup_key (spanmark_project_get_schema (self->project), key);
      if (label != NULL)
        return gtk_widget_activate_action (GTK_WIDGET (self), "win.tag", "s", label->name);
    }

  /* After the label keys: a schema that gives a label the key "a" keeps
   * it; the review panel's buttons still do what "a" would. */
  return spanmark_window_assist_key_pressed (self, keyval, mods)
         || spanmark_window_review_key_pressed (self, keyval, keycode, mods);
}

void
spanmark_window_update_actions (SpanmarkWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_project = self->project != NULL;
  gboolean has_document = self->set != NULL;
  gboolean editable = can_edit (self);
  SpanmarkHistory *history = has_document ? spanmark_annotation_set_get_history (self->set) : NULL;

  gtk_widget_action_set_enabled (widget, "win.tag", editable);
  gtk_widget_action_set_enabled (widget, "win.tag-all", editable);
  gtk_widget_action_set_enabled (widget, "win.delete-span", editable);
  gtk_widget_action_set_enabled (widget, "win.next-span", has_document);
  gtk_widget_action_set_enabled (widget, "win.prev-span", has_document);
  gtk_widget_action_set_enabled (widget, "win.undo", editable && (spanmark_history_can_undo (history) ||
                                                                  spanmark_window_entities_can_undo (self)));
  gtk_widget_action_set_enabled (widget, "win.redo", editable && spanmark_history_can_redo (history));
  gtk_widget_action_set_enabled (widget, "win.search", has_document);
  gtk_widget_action_set_enabled (widget, "win.search-next", has_document);
  gtk_widget_action_set_enabled (widget, "win.done-next", editable);
  gtk_widget_action_set_enabled (widget, "win.save", has_document);
  gtk_widget_action_set_enabled (widget, "win.reload", has_document);
  gtk_widget_action_set_enabled (widget, "win.keep-mine", editable && spanmark_window_get_external_change (self));
  gtk_widget_action_set_enabled (widget, "win.save-copy", editable && spanmark_window_get_external_change (self));
  gtk_widget_action_set_enabled (widget, "win.reopen-document", has_project);
  gtk_widget_action_set_enabled (widget, "win.move-span-start", editable);
  gtk_widget_action_set_enabled (widget, "win.move-span-end", editable);
  gtk_widget_action_set_enabled (widget, "win.export", has_project);
  gtk_widget_action_set_enabled (widget, "win.open-document", has_project);
  gtk_widget_action_set_enabled (widget, "win.select-range", has_document);
  spanmark_window_review_update_actions (self);
  spanmark_window_sync_update_actions (self);
  spanmark_window_assist_update_actions (self);
}

void
spanmark_window_init_actions (SpanmarkWindow *self)
{
  GSettings *settings = spanmark_settings_get_gsettings (spanmark_settings_get_default ());
  g_autoptr(GAction) chips = NULL;
  GtkEventController *keys;
  GtkDropTarget *drop;

  /* A view option of the primary menu: the key itself, so the menu's
   * check, Preferences and every window agree. */
  chips = g_settings_create_action (settings, "show-label-chips");
  g_action_map_add_action (G_ACTION_MAP (self), chips);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "spanmark-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

void
spanmark_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.tag", "s", tag_action);
  gtk_widget_class_install_action (widget_class, "win.tag-all", "s", tag_all_action);
  gtk_widget_class_install_action (widget_class, "win.delete-span", NULL, delete_span_action);
  gtk_widget_class_install_action (widget_class, "win.next-span", NULL, move_span_action);
  gtk_widget_class_install_action (widget_class, "win.prev-span", NULL, move_span_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.search-next", NULL, search_next_action);
  gtk_widget_class_install_action (widget_class, "win.done-next", NULL, done_next_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, resolve_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, resolve_action);
  gtk_widget_class_install_action (widget_class, "win.reopen-document", "s", reopen_document_action);
  gtk_widget_class_install_action (widget_class, "win.move-span-start", "i", move_boundary_action);
  gtk_widget_class_install_action (widget_class, "win.move-span-end", "i", move_boundary_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, open_project_action);
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-document", "s", open_document_action);
  gtk_widget_class_install_action (widget_class, "win.select-range", "(uu)", select_range_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.next-pane", NULL, focus_pane_action);
  gtk_widget_class_install_action (widget_class, "win.prev-pane", NULL, focus_pane_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.search-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "win.done-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.reopen-document", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_T, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.reopen-document", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.next-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, "win.prev-pane", NULL);
}
