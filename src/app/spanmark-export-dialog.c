/* spanmark-export-dialog.c — export a project as training data
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-export-dialog.h"

struct _SpanmarkExportDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  GtkButton            *export_button;
  GtkButton            *cancel_button;
  AdwPreferencesPage   *page;
  AdwComboRow          *format_row;
  AdwComboRow          *scheme_row;
  AdwComboRow          *delimiter_row;
  AdwActionRow         *docstart_row;
  GtkSwitch            *docstart_switch;
  AdwComboRow          *annotator_row;
  AdwComboRow          *documents_row;
  AdwComboRow          *split_row;
  AdwActionRow         *seed_row;
  GtkSpinButton        *seed_spin;
  AdwActionRow         *destination_row;
  GtkLabel             *layout_label;
  GtkLabel             *error_label;
  GtkProgressBar       *progress_bar;

  /* Owned references */
  SpanmarkProject      *project;
  GStrv                 annotators;   /* names, in the annotator row's order */
  GFile                *destination;  /* the chosen folder */
  GCancellable         *cancellable;  /* non-NULL while an export runs */
  GtkFileChooserNative *chooser;

  gboolean              disposed;     /* an export may finish after that */
};

G_DEFINE_FINAL_TYPE (SpanmarkExportDialog, spanmark_export_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Everything the export thread needs, copied: core objects are not
 * thread-safe, so the thread opens its own SpanmarkProject. */
typedef struct
{
  GFile                 *project_dir;
  GFile                 *destination;   /* file or folder given to the export */
  char                  *annotator;
  SpanmarkExportOptions  options;
  /* Not a reference: export_done_cb()'s user data holds one until the
   * thread has returned.  The thread may drop the task's last reference
   * after the callback has run, so the task holds nothing a widget is
   * finalized by: a dialog finalized on the export thread would crash. */
  SpanmarkExportDialog  *self;          /* for progress */
  guint                  last_permille;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->project_dir);
  g_clear_object (&job->destination);
  g_clear_pointer (&job->annotator, g_free);
  g_free (job);
}

typedef struct
{
  SpanmarkExportDialog *self;
  guint                 n_done;
  guint                 n_total;
} Progress;

/* The format row lists the table's formats in the table's order. */
static const SpanmarkExportFormat *
get_format (SpanmarkExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return spanmark_export_format_get (selected < spanmark_export_format_get_n_formats () ? selected : 0);
}

static gboolean
get_split (SpanmarkExportDialog *self)
{
  return adw_combo_row_get_selected (self->split_row) == 1;
}

static void
show_error (SpanmarkExportDialog *self,
            const char           *message)
{
  /* A plain label: messages can quote file names and document text. */
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_layout (SpanmarkExportDialog *self)
{
  const SpanmarkExportFormat *format = get_format (self);
  SpanmarkExportOptionFlags options = spanmark_export_format_get_options (format);
  gboolean split = get_split (self);
  gboolean running = self->cancellable != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->scheme_row), (options & SPANMARK_EXPORT_OPTION_SCHEME) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->delimiter_row), (options & SPANMARK_EXPORT_OPTION_DELIMITER) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->docstart_row), (options & SPANMARK_EXPORT_OPTION_DOCSTART) != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->seed_row), split);
  gtk_label_set_text (self->layout_label, spanmark_export_format_get_layout (format, split));

  gtk_widget_set_sensitive (GTK_WIDGET (self->page), !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export-dialog.export",
                                 !running && self->annotators != NULL && self->annotators[0] != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export-dialog.choose-folder", !running);
}

static void
settings_changed_cb (SpanmarkExportDialog *self)
{
  show_error (self, NULL);
  update_layout (self);
}

void
spanmark_export_dialog_set_destination (SpanmarkExportDialog *self,
                                        GFile                *folder)
{
  g_autofree char *name = NULL;

  g_return_if_fail (SPANMARK_IS_EXPORT_DIALOG (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  g_set_object (&self->destination, folder);
  if (folder != NULL)
    name = g_file_get_parse_name (folder);
  adw_action_row_set_subtitle (self->destination_row, name != NULL ? name : _("None chosen"));
  show_error (self, NULL);
}

void
spanmark_export_dialog_set_format (SpanmarkExportDialog       *self,
                                   const SpanmarkExportFormat *format)
{
  g_return_if_fail (SPANMARK_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format != NULL);

  for (guint i = 0; i < spanmark_export_format_get_n_formats (); i++)
    if (spanmark_export_format_get (i) == format)
      adw_combo_row_set_selected (self->format_row, i);
}

gboolean
spanmark_export_dialog_set_annotator (SpanmarkExportDialog *self,
                                      const char           *annotator)
{
  g_return_val_if_fail (SPANMARK_IS_EXPORT_DIALOG (self), FALSE);

  for (guint i = 0; self->annotators != NULL && self->annotators[i] != NULL; i++)
    {
      if (g_strcmp0 (self->annotators[i], annotator) == 0)
        {
          adw_combo_row_set_selected (self->annotator_row, i);
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
spanmark_export_dialog_get_running (SpanmarkExportDialog *self)
{
  g_return_val_if_fail (SPANMARK_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *progress = data;
  SpanmarkExportDialog *self = progress->self;

  if (self->cancellable != NULL && !self->disposed && progress->n_total > 0)
    {
      g_autofree char *text = NULL;

      gtk_progress_bar_set_fraction (self->progress_bar,
                                     (double) progress->n_done / progress->n_total);
      /* TRANSLATORS: export progress, e.g. "120 of 400 documents" */
      text = g_strdup_printf (ngettext ("%u of %u document", "%u of %u documents", progress->n_total),
                              progress->n_done, progress->n_total);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }

  g_object_unref (progress->self);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/* Runs in the export thread. */
static void
export_progress_cb (guint       n_done,
                    guint       n_total,
                    const char *document_id,
                    gpointer    user_data)
{
  ExportJob *job = user_data;
  guint permille = n_total > 0 ? (guint) ((guint64) n_done * 1000 / n_total) : 1000;
  Progress *progress;

  /* At most a thousand updates, however big the corpus. */
  if (n_done != 0 && n_done != n_total && permille == job->last_permille)
    return;
  job->last_permille = permille;

  progress = g_new0 (Progress, 1);
  progress->self = g_object_ref (job->self);
  progress->n_done = n_done;
  progress->n_total = n_total;
  g_main_context_invoke (NULL, progress_idle_cb, progress);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkExportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  project = spanmark_project_open (job->project_dir, &error);
  if (project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job->options.annotator = job->annotator;
  if (!spanmark_export_run (project, &job->options, job->destination,
                            export_progress_cb, job, &report, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&report),
                         (GDestroyNotify) spanmark_export_report_unref);
}

/* How many documents the summary names before "…": a toast has room for
 * one line; `spanmark-cli export` prints them all. */
#define MAX_DROPPED_DOCUMENTS_SHOWN 3

static char *
make_summary (SpanmarkExportReport *report)
{
  guint n_documents = spanmark_export_report_get_n_documents (report);
  guint n_dropped = spanmark_export_report_get_n_dropped (report);
  guint n_dropped_documents = spanmark_export_report_get_n_dropped_documents (report);
  g_autofree char *documents = NULL;
  g_autoptr(GString) where = NULL;

  documents = g_strdup_printf (ngettext ("Exported %u document", "Exported %u documents", n_documents),
                               n_documents);
  if (n_dropped == 0)
    return g_steal_pointer (&documents);

  /* Never drop silently: say where, so the annotator can look. */
  where = g_string_new (NULL);
  for (guint i = 0; i < n_dropped_documents && i < MAX_DROPPED_DOCUMENTS_SHOWN; i++)
    {
      guint n = 0;
      const char *id = spanmark_export_report_get_dropped_document (report, i, &n);

      if (i > 0)
        /* TRANSLATORS: separates "document: count" items in a list */
        g_string_append (where, _(", "));
      /* TRANSLATORS: a document id and how many nested spans it lost */
      g_string_append_printf (where, C_("dropped spans", "%s: %u"), id, n);
    }
  if (n_dropped_documents > MAX_DROPPED_DOCUMENTS_SHOWN)
    g_string_append (where, "…");

  /* TRANSLATORS: the first %s is "Exported N documents", the last a list
   * of "document: count" */
  return g_strdup_printf (ngettext ("%s; %u nested span dropped (%s)", "%s; %u nested spans dropped (%s)",
                                    n_dropped),
                          documents, n_dropped, where->str);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SpanmarkExportDialog) self = user_data;
  g_autoptr(SpanmarkExportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_object (&self->cancellable);

  if (self->disposed)
    return;  /* the dialog was closed meanwhile */

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  update_layout (self);

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Export cancelled; nothing was written."));
      else
        show_error (self, error->message);
      return;
    }

  {
    g_autofree char *summary = make_summary (report);
    g_autoptr(GFile) folder = g_object_ref (self->destination);

    g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, folder, summary);
    gtk_window_close (GTK_WINDOW (self));
  }
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SpanmarkExportDialog *self = SPANMARK_EXPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  ExportJob *job;
  const SpanmarkExportFormat *format = get_format (self);
  gboolean split = get_split (self);
  guint annotator = adw_combo_row_get_selected (self->annotator_row);

  if (self->cancellable != NULL)
    return;

  if (self->destination == NULL)
    {
      show_error (self, _("Choose a destination folder first."));
      return;
    }
  if (self->annotators == NULL || annotator >= g_strv_length (self->annotators))
    {
      show_error (self, _("The project has no annotations to export."));
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->project_dir = g_object_ref (spanmark_project_get_dir (self->project));
  job->annotator = g_strdup (self->annotators[annotator]);
  job->self = self;
  spanmark_export_options_init (&job->options);
  job->options.format = format;
  job->options.scheme = adw_combo_row_get_selected (self->scheme_row) == 1
    ? SPANMARK_EXPORT_SCHEME_BIOES : SPANMARK_EXPORT_SCHEME_BIO;
  job->options.delimiter = adw_combo_row_get_selected (self->delimiter_row) == 1
    ? SPANMARK_EXPORT_DELIMITER_TAB : SPANMARK_EXPORT_DELIMITER_SPACE;
  job->options.docstart = gtk_switch_get_active (self->docstart_switch);
  job->options.done_only = adw_combo_row_get_selected (self->documents_row) == 1;
  job->options.split = split;
  job->options.seed = (guint64) gtk_spin_button_get_value_as_int (self->seed_spin);
  job->last_permille = G_MAXUINT;

  if (spanmark_export_format_writes_folder (format, split))
    job->destination = g_object_ref (self->destination);
  else
    job->destination = g_file_get_child (self->destination,
                                         spanmark_export_format_get_default_file_name (format));

  self->cancellable = g_cancellable_new ();
  show_error (self, NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting…"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  update_layout (self);

  task = g_task_new (NULL, self->cancellable, export_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, export_action_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SpanmarkExportDialog *self = SPANMARK_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
chooser_response_cb (SpanmarkExportDialog *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (folder != NULL)
        spanmark_export_dialog_set_destination (self, folder);
    }

  g_clear_object (&self->chooser);
}

static void
choose_folder_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SpanmarkExportDialog *self = SPANMARK_EXPORT_DIALOG (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose Destination Folder"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
spanmark_export_dialog_close_request (GtkWindow *window)
{
  SpanmarkExportDialog *self = SPANMARK_EXPORT_DIALOG (window);

  /* Closing while an export runs cancels it; the thread then removes
   * what it wrote. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return FALSE;
}

static void
fill_annotators (SpanmarkExportDialog *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *only = NULL;

  self->annotators = spanmark_project_list_annotators (self->project);
  for (guint i = 0; self->annotators != NULL && self->annotators[i] != NULL; i++)
    {
      if (g_strcmp0 (self->annotators[i], SPANMARK_CURATED_ANNOTATOR) == 0)
        gtk_string_list_append (model, _("Curated version"));
      else
        gtk_string_list_append (model, self->annotators[i]);
    }
  adw_combo_row_set_model (self->annotator_row, G_LIST_MODEL (model));

  /* Start on the same annotator the command line would pick. */
  only = spanmark_export_pick_annotator (self->project, NULL);
  if (only != NULL)
    spanmark_export_dialog_set_annotator (self, only);

  if (self->annotators == NULL || self->annotators[0] == NULL)
    show_error (self, _("The project has no annotations to export."));
}

static void
spanmark_export_dialog_dispose (GObject *object)
{
  SpanmarkExportDialog *self = SPANMARK_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->disposed = TRUE;

  g_clear_object (&self->project);
  g_clear_object (&self->destination);

  G_OBJECT_CLASS (spanmark_export_dialog_parent_class)->dispose (object);
}

static void
spanmark_export_dialog_finalize (GObject *object)
{
  SpanmarkExportDialog *self = SPANMARK_EXPORT_DIALOG (object);

  g_clear_pointer (&self->annotators, g_strfreev);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (spanmark_export_dialog_parent_class)->finalize (object);
}

static void
spanmark_export_dialog_class_init (SpanmarkExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = spanmark_export_dialog_dispose;
  object_class->finalize = spanmark_export_dialog_finalize;
  window_class->close_request = spanmark_export_dialog_close_request;

  /**
   * SpanmarkExportDialog::exported:
   * @folder: the destination folder
   * @summary: a translated one-line result for a toast
   */
  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/spanmark-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, page);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, scheme_row);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, docstart_row);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, docstart_switch);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, annotator_row);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, documents_row);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, split_row);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, seed_row);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, seed_spin);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, destination_row);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, layout_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkExportDialog, progress_bar);

  gtk_widget_class_install_action (widget_class, "export-dialog.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "export-dialog.cancel", NULL, cancel_action_cb);
  gtk_widget_class_install_action (widget_class, "export-dialog.choose-folder", NULL, choose_folder_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export-dialog.cancel", NULL);
}

static void
spanmark_export_dialog_init (SpanmarkExportDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < spanmark_export_format_get_n_formats (); i++)
    gtk_string_list_append (formats, spanmark_export_format_get_title (spanmark_export_format_get (i)));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));

  g_signal_connect_object (self->format_row, "notify::selected",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->split_row, "notify::selected",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
}

SpanmarkExportDialog *
spanmark_export_dialog_new (GtkWindow       *parent,
                            SpanmarkProject *project)
{
  SpanmarkExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), NULL);

  self = g_object_new (SPANMARK_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  fill_annotators (self);
  update_layout (self);

  return self;
}
