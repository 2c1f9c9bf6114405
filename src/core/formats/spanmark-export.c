/* spanmark-export.c — the export run: documents, split, flattening, report
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The run is the same for every format: it picks the documents, splits
 * them, reads them ahead in reader threads (spanmark-export-pipeline.c),
 * keeps the outermost spans for a flat format, hands each document to the
 * format (spanmark-export-format.c and the files it lists) and keeps the
 * report; the files go through spanmark-export-output.c.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-export.h"
#include "spanmark-export-format-private.h"
#include "spanmark-export-pipeline.h"
#include "spanmark-export-report-private.h"

G_DEFINE_QUARK (spanmark-export-error-quark, spanmark_export_error)

const char *
spanmark_export_scheme_to_string (SpanmarkExportScheme scheme)
{
  return scheme == SPANMARK_EXPORT_SCHEME_BIOES ? "bioes" : "bio";
}

gboolean
spanmark_export_scheme_from_string (const char           *str,
                                    SpanmarkExportScheme *scheme)
{
  g_return_val_if_fail (scheme != NULL, FALSE);

  if (g_strcmp0 (str, "bio") == 0)
    *scheme = SPANMARK_EXPORT_SCHEME_BIO;
  else if (g_strcmp0 (str, "bioes") == 0)
    *scheme = SPANMARK_EXPORT_SCHEME_BIOES;
  else
    return FALSE;

  return TRUE;
}

const char *
spanmark_export_delimiter_to_string (SpanmarkExportDelimiter delimiter)
{
  return delimiter == SPANMARK_EXPORT_DELIMITER_TAB ? "tab" : "space";
}

gboolean
spanmark_export_delimiter_from_string (const char              *str,
                                       SpanmarkExportDelimiter *delimiter)
{
  g_return_val_if_fail (delimiter != NULL, FALSE);

  if (g_strcmp0 (str, "space") == 0)
    *delimiter = SPANMARK_EXPORT_DELIMITER_SPACE;
  else if (g_strcmp0 (str, "tab") == 0)
    *delimiter = SPANMARK_EXPORT_DELIMITER_TAB;
  else
    return FALSE;

  return TRUE;
}

void
spanmark_export_options_init (SpanmarkExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = spanmark_export_format_get (0);
  options->scheme = SPANMARK_EXPORT_SCHEME_BIO;
  options->delimiter = SPANMARK_EXPORT_DELIMITER_SPACE;
  options->split_percent[SPANMARK_EXPORT_PART_TRAIN] = 80;
  options->split_percent[SPANMARK_EXPORT_PART_DEV] = 10;
  options->split_percent[SPANMARK_EXPORT_PART_TEST] = 10;
}

static gboolean
is_exportable_annotator (const char *name)
{
  return g_strcmp0 (name, SPANMARK_CURATED_ANNOTATOR) != 0;
}

char *
spanmark_export_pick_annotator (SpanmarkProject  *project,
                                GError          **error)
{
  g_auto(GStrv) annotators = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  const char *only = NULL;
  guint n = 0;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), NULL);

  annotators = spanmark_project_list_annotators (project);
  for (guint i = 0; annotators != NULL && annotators[i] != NULL; i++)
    {
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, annotators[i]);

      if (is_exportable_annotator (annotators[i]))
        {
          only = annotators[i];
          n++;
        }
    }

  if (n == 1)
    return g_strdup (only);

  if (list->len == 0)
    g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_ANNOTATOR,
                 _("The project has no annotations yet"));
  else
    g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_ANNOTATOR,
                 _("Choose an annotator (--annotator NAME or --curated); the project has: %s"),
                 list->str);
  return NULL;
}

GPtrArray *
spanmark_export_flatten_spans (GPtrArray *spans,
                               guint     *n_dropped)
{
  GPtrArray *kept;
  guint kept_end = 0;
  guint dropped = 0;

  g_return_val_if_fail (spans != NULL, NULL);

  kept = g_ptr_array_sized_new (spans->len);
  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);

      /* Spans come sorted by start, then longest first, so the first span
       * at any place is the outermost one; anything starting before the
       * end of the last kept span overlaps it. */
      if (kept->len > 0 && span->start < kept_end)
        {
          dropped++;
          continue;
        }

      g_ptr_array_add (kept, (gpointer) span);
      kept_end = span->end;
    }

  if (n_dropped != NULL)
    *n_dropped = dropped;
  return kept;
}

static gboolean
is_finished (SpanmarkStatus status)
{
  return status == SPANMARK_STATUS_DONE || status == SPANMARK_STATUS_REVIEWED;
}

static gboolean
check_annotator (SpanmarkProject  *project,
                 const char       *annotator,
                 GError          **error)
{
  g_auto(GStrv) annotators = spanmark_project_list_annotators (project);

  if (annotators != NULL && g_strv_contains ((const char * const *) annotators, annotator))
    return TRUE;

  if (annotators == NULL || annotators[0] == NULL)
    g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_ANNOTATOR,
                 _("No annotations by “%s”: the project has no annotations yet"), annotator);
  else
    {
      g_autofree char *list = g_strjoinv (", ", annotators);

      g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_ANNOTATOR,
                   _("No annotations by “%s”; the project has: %s"), annotator, list);
    }
  return FALSE;
}

/* Sets up where the export goes: one file, or a folder with a stream per
 * part, or with a folder per part for a per-document format. */
static SpanmarkExportOutput *
open_output (const SpanmarkExportOptions  *options,
             GFile                        *destination,
             GError                      **error)
{
  const SpanmarkExportFormat *format = options->format;
  g_autoptr(SpanmarkExportOutput) output = NULL;

  if (!spanmark_export_format_writes_folder (format, options->split))
    return _spanmark_export_output_new_file (destination, error);

  if (destination == NULL)
    {
      g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_OPTIONS,
                   _("The %s format writes a folder: give an output folder"), format->name);
      return NULL;
    }

  output = _spanmark_export_output_new_folder (destination, error);
  if (output == NULL)
    return NULL;

  if (!options->split)
    {
      if (format->file_name != NULL &&
          !_spanmark_export_output_add_stream (output, 0, format->file_name, error))
        return NULL;
      return g_steal_pointer (&output);
    }

  for (guint part = 0; part < SPANMARK_EXPORT_N_PARTS; part++)
    {
      const char *name = spanmark_export_part_to_string (part);
      g_autofree char *file = g_strconcat (name, format->extension, NULL);

      if ((format->flags & SPANMARK_EXPORT_FORMAT_PER_DOCUMENT) != 0
          ? !_spanmark_export_output_add_folder (output, name, error)
          : !_spanmark_export_output_add_stream (output, part, file, error))
        return NULL;
    }

  return g_steal_pointer (&output);
}

/* Hands @doc to the format and notes it in the report. */
static gboolean
export_document (SpanmarkExportContext  *context,
                 SpanmarkExportReport   *report,
                 ExportDoc              *doc,
                 const char             *document_id,
                 SpanmarkExportPart      part,
                 GError                **error)
{
  const SpanmarkExportFormat *format = context->format;
  guint stream = context->options->split ? part : 0;
  g_autoptr(GPtrArray) kept = NULL;
  SpanmarkExportItem item;
  guint n_dropped = 0;

  if (spanmark_export_format_is_flat (format))
    kept = spanmark_export_flatten_spans (_spanmark_export_doc_get_span_views (doc), &n_dropped);

  item = (SpanmarkExportItem) { doc, document_id, part, kept,
                                _spanmark_export_output_get_buffer (context->output, stream) };
  if (!format->write_document (context, &item, error) ||
      !_spanmark_export_output_flush_if_full (context->output, stream, error))
    return FALSE;

  _spanmark_export_report_add_document (report, context->options->split ? part : SPANMARK_EXPORT_PART_TRAIN,
                                        document_id, kept != NULL ? kept->len : doc->spans->len, n_dropped);
  return TRUE;
}

gboolean
spanmark_export_run (SpanmarkProject             *project,
                     const SpanmarkExportOptions *options,
                     GFile                       *destination,
                     SpanmarkExportProgressFunc   progress,
                     gpointer                     user_data,
                     SpanmarkExportReport       **report,
                     GCancellable                *cancellable,
                     GError                     **error)
{
  SpanmarkExportContext context = { 0 };
  g_autoptr(SpanmarkExportReport) done = NULL;
  g_autoptr(SpanmarkExportOutput) output = NULL;
  ExportPipeline pipeline;
  gboolean pipeline_started = FALSE;
  g_autofree char *picked = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree SpanmarkExportPart *parts = NULL;
  const SpanmarkExportFormat *format;
  guint n_documents;
  gboolean ok = FALSE;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->format != NULL, FALSE);
  g_return_val_if_fail (destination == NULL || G_IS_FILE (destination), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (report == NULL || *report == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  format = options->format;

  if (options->split)
    {
      guint sum = 0;

      for (guint i = 0; i < SPANMARK_EXPORT_N_PARTS; i++)
        sum += options->split_percent[i];
      if (sum != 100)
        {
          g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_OPTIONS,
                       _("The split percentages must sum to 100"));
          return FALSE;
        }
    }

  context.format = format;
  context.options = options;
  context.project = project;
  context.schema = spanmark_project_get_schema (project);

  if (options->annotator != NULL)
    {
      if (!check_annotator (project, options->annotator, error))
        return FALSE;
      context.annotator = options->annotator;
    }
  else
    {
      picked = spanmark_export_pick_annotator (project, error);
      if (picked == NULL)
        return FALSE;
      context.annotator = picked;
    }

  /* Which documents, decided up front from the index and the cheap status
   * peek, so a split knows the whole set before writing. */
  n_documents = spanmark_project_get_n_documents (project);
  documents = g_ptr_array_new ();
  for (guint i = 0; i < n_documents; i++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (project, i);
      SpanmarkStatus status;

      /* A file that cannot be read is an error, never silently "not
       * done": the loader would refuse it too. */
      if (options->done_only &&
          !spanmark_project_read_status (project, document, context.annotator, &status, error))
        return FALSE;
      if (options->done_only && !is_finished (status))
        continue;
      g_ptr_array_add (documents, document);
    }

  if (options->split)
    {
      g_autofree const char **ids = g_new0 (const char *, documents->len + 1);

      for (guint i = 0; i < documents->len; i++)
        ids[i] = spanmark_document_get_id (g_ptr_array_index (documents, i));
      parts = spanmark_export_assign_parts (ids, documents->len, options->split_percent, options->seed);
    }

  output = open_output (options, destination, error);
  if (output == NULL)
    return FALSE;
  context.output = output;
  done = _spanmark_export_report_new (context.annotator);

  if (format->begin != NULL && !format->begin (&context, error))
    goto out;

  if (progress != NULL)
    progress (0, documents->len, NULL, user_data);

  /* SPANMARK_EXPORT_SLOW=1 reads every file with the project's loader
   * (tests compare both ways). */
  _spanmark_export_pipeline_start (&pipeline, project, context.annotator,
                                   g_getenv ("SPANMARK_EXPORT_SLOW") == NULL, documents);
  pipeline_started = TRUE;
  for (guint i = 0; i < documents->len; i++)
    {
      SpanmarkDocument *document = g_ptr_array_index (documents, i);
      ExportDoc *doc;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      doc = _spanmark_export_pipeline_get (&pipeline, i, error);
      if (doc == NULL ||
          !export_document (&context, done, doc, spanmark_document_get_id (document),
                            parts != NULL ? parts[i] : SPANMARK_EXPORT_PART_TRAIN, error))
        goto out;
      _spanmark_export_pipeline_release (&pipeline, i);

      if (progress != NULL)
        progress (i + 1, documents->len, spanmark_document_get_id (document), user_data);
    }
  _spanmark_export_pipeline_finish (&pipeline);
  pipeline_started = FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  if ((format->finish != NULL && !format->finish (&context, error)) ||
      !_spanmark_export_output_commit (output, error))
    goto out;

  if (report != NULL)
    *report = g_steal_pointer (&done);
  ok = TRUE;

out:
  if (pipeline_started)
    _spanmark_export_pipeline_finish (&pipeline);
  if (context.state != NULL)
    format->free_state (context.state);
  return ok;
}
