/* spanmark-corpus-counts.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counting used to load every file through the project's loader (a
 * json-glib tree and an indexed annotation set per file), several times
 * the export's time for the same files.  Here each file is read as the
 * export reads it, by as many workers as the export has readers, each
 * taking every n-th document and keeping counts of its own, added up at
 * the end.  Only the failures are kept per document, so that they come
 * out in the order a single pass would find them.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "spanmark-corpus-counts.h"
#include "spanmark-export-pipeline.h"

typedef struct
{
  guint   document;  /* its position in the index */
  guint   order;     /* among the failures of that document */
  GError *error;
} Failure;

typedef struct
{
  SpanmarkProject           *project;
  GPtrArray                 *documents;  /* borrowed SpanmarkDocument*, in index order */
  const char * const        *annotators;
  guint                      n_annotators;
  guint                      first;   /* documents first, first + step… */
  guint                      step;
  GMutex                    *loader_lock;

  ExportDoc                  doc;
  guint64                    n_characters;
  SpanmarkAnnotatorCounts  **counts;  /* one per annotator */
  SpanmarkAnnotatorCounts   *total;
  GArray                    *failures;
} Worker;

static SpanmarkAnnotatorCounts *
annotator_counts_new (const char *annotator)
{
  SpanmarkAnnotatorCounts *counts = g_new0 (SpanmarkAnnotatorCounts, 1);

  counts->annotator = g_strdup (annotator);
  counts->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return counts;
}

static void
annotator_counts_free (SpanmarkAnnotatorCounts *counts)
{
  g_free (counts->annotator);
  g_hash_table_unref (counts->labels);
  g_free (counts);
}

guint
spanmark_annotator_counts_get_label (const SpanmarkAnnotatorCounts *counts,
                                     const char                    *label)
{
  const guint *n;

  g_return_val_if_fail (counts != NULL, 0);
  g_return_val_if_fail (label != NULL, 0);

  n = g_hash_table_lookup (counts->labels, label);
  return n != NULL ? *n : 0;
}

/* The counter of @label in @counts, made at zero the first time: one
 * string copy per label, not one per span. */
static guint *
label_counter (SpanmarkAnnotatorCounts *counts,
               const char              *label)
{
  guint *n = g_hash_table_lookup (counts->labels, label);

  if (n == NULL)
    {
      n = g_new0 (guint, 1);
      g_hash_table_insert (counts->labels, g_strdup (label), n);
    }
  return n;
}

/* Adds the spans, labels and entities of @from to @to. */
static void
add_counts (SpanmarkAnnotatorCounts       *to,
            const SpanmarkAnnotatorCounts *from)
{
  GHashTableIter iter;
  gpointer label, n;

  for (guint s = 0; s < SPANMARK_N_STATUSES; s++)
    to->n_status[s] += from->n_status[s];
  to->n_spans += from->n_spans;
  to->n_entities += from->n_entities;

  g_hash_table_iter_init (&iter, from->labels);
  while (g_hash_table_iter_next (&iter, &label, &n))
    *label_counter (to, label) += *(guint *) n;
}

/* What @worker's document holds, counted for annotator @a. */
static void
count_doc (Worker *worker,
           guint   a)
{
  const ExportDoc *doc = &worker->doc;
  SpanmarkAnnotatorCounts *counts = worker->counts[a];

  counts->n_status[doc->status]++;
  for (guint i = 0; i < doc->spans->len; i++)
    {
      const char *label = g_array_index (doc->spans, ExportSpan, i).label;

      (*label_counter (counts, label))++;
      (*label_counter (worker->total, label))++;
    }
  counts->n_spans += doc->spans->len;
  worker->total->n_spans += doc->spans->len;
  counts->n_entities += doc->entities->len;
  worker->total->n_entities += doc->entities->len;
}

static void
add_failure (Worker  *worker,
             guint    document,
             guint   *order,
             GError  *error)
{
  Failure failure = { document, (*order)++, error };

  g_array_append_val (worker->failures, failure);
}

/* Reads the text of @document alone: its length, or its error (then the
 * document is left out entirely, as its annotations cannot be judged). */
static gboolean
count_text (Worker           *worker,
            SpanmarkDocument *document,
            guint             index,
            guint            *order)
{
  GError *error = NULL;
  g_autofree char *text = spanmark_project_load_text (worker->project, document, &error);

  if (text == NULL)
    {
      add_failure (worker, index, order, error);
      return FALSE;
    }
  worker->n_characters += g_utf8_strlen (text, -1);
  return TRUE;
}

static void
count_document (Worker *worker,
                guint   index)
{
  SpanmarkDocument *document = g_ptr_array_index (worker->documents, index);
  gboolean text_counted = FALSE;
  guint order = 0;

  for (guint a = 0; a < worker->n_annotators; a++)
    {
      const char *annotator = worker->annotators[a];
      g_autoptr(GFile) file = NULL;
      GError *error = NULL;

      if (_spanmark_export_doc_load_shared (&worker->doc, worker->project, document, annotator,
                                            TRUE, worker->loader_lock, &error))
        {
          if (!text_counted)
            worker->n_characters += worker->doc.char_bytes->len - 1;
          text_counted = TRUE;
          count_doc (worker, a);
          continue;
        }

      /* Whether the text is what failed: then that alone is said. */
      if (!text_counted)
        {
          if (!count_text (worker, document, index, &order))
            {
              g_error_free (error);
              return;
            }
          text_counted = TRUE;
        }

      /* Whatever the reader says of a name that leads nowhere (a
       * dangling link), there is no file to count: the document is new. */
      file = spanmark_project_get_annotation_file (worker->project, document, annotator);
      if (!g_file_query_exists (file, NULL))
        {
          g_error_free (error);
          worker->counts[a]->n_status[SPANMARK_STATUS_NEW]++;
          continue;
        }
      add_failure (worker, index, &order, error);
    }

  if (!text_counted)
    count_text (worker, document, index, &order);
}

static gpointer
worker_run (gpointer data)
{
  Worker *worker = data;

  for (guint i = worker->first; i < worker->documents->len; i += worker->step)
    count_document (worker, i);
  _spanmark_export_doc_reset (&worker->doc);

  return NULL;
}

static int
compare_failures (gconstpointer a,
                  gconstpointer b)
{
  const Failure *fa = a;
  const Failure *fb = b;

  if (fa->document != fb->document)
    return fa->document < fb->document ? -1 : 1;
  return fa->order < fb->order ? -1 : fa->order > fb->order;
}

SpanmarkCorpusCounts *
spanmark_corpus_counts_new (SpanmarkProject    *project,
                            const char * const *annotators)
{
  g_autoptr(SpanmarkCorpusCounts) self = g_new0 (SpanmarkCorpusCounts, 1);
  g_autoptr(GArray) failures = g_array_new (FALSE, FALSE, sizeof (Failure));
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  Worker workers[SPANMARK_EXPORT_PIPELINE_MAX_READERS];
  GThread *threads[SPANMARK_EXPORT_PIPELINE_MAX_READERS] = { NULL, };
  GMutex loader_lock;
  guint n_annotators, n_workers;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (annotators != NULL, NULL);

  n_annotators = g_strv_length ((char **) annotators);
  self->n_documents = spanmark_project_get_n_documents (project);
  /* The list store is not to be read from several threads at once. */
  for (guint d = 0; d < self->n_documents; d++)
    g_ptr_array_add (documents, spanmark_project_get_document (project, d));
  self->annotators = g_ptr_array_new_with_free_func ((GDestroyNotify) annotator_counts_free);
  for (guint a = 0; a < n_annotators; a++)
    g_ptr_array_add (self->annotators, annotator_counts_new (annotators[a]));
  self->total = annotator_counts_new (NULL);
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  /* As many workers as the export has readers: a second one only helps
   * where there is a core for it. */
  n_workers = CLAMP (g_get_num_processors (), 1, SPANMARK_EXPORT_PIPELINE_MAX_READERS);
  n_workers = MIN (n_workers, MAX (self->n_documents, 1));
  g_mutex_init (&loader_lock);
  for (guint w = 0; w < n_workers; w++)
    {
      Worker *worker = &workers[w];

      *worker = (Worker) { project, documents, annotators, n_annotators, w, n_workers, &loader_lock, };
      _spanmark_export_doc_init (&worker->doc);
      worker->counts = g_new0 (SpanmarkAnnotatorCounts *, MAX (n_annotators, 1));
      for (guint a = 0; a < n_annotators; a++)
        worker->counts[a] = annotator_counts_new (annotators[a]);
      worker->total = annotator_counts_new (NULL);
      worker->failures = g_array_new (FALSE, FALSE, sizeof (Failure));
    }

  /* The calling thread is the first worker. */
  for (guint w = 1; w < n_workers; w++)
    threads[w] = g_thread_new ("spanmark-counts", worker_run, &workers[w]);
  worker_run (&workers[0]);

  for (guint w = 0; w < n_workers; w++)
    {
      Worker *worker = &workers[w];

      if (threads[w] != NULL)
        g_thread_join (threads[w]);

      self->n_characters += worker->n_characters;
      for (guint a = 0; a < n_annotators; a++)
        {
          add_counts (g_ptr_array_index (self->annotators, a), worker->counts[a]);
          annotator_counts_free (worker->counts[a]);
        }
      add_counts (self->total, worker->total);
      annotator_counts_free (worker->total);
      g_free (worker->counts);
      g_array_append_vals (failures, worker->failures->data, worker->failures->len);
      g_array_unref (worker->failures);
      _spanmark_export_doc_clear (&worker->doc);
    }
  g_mutex_clear (&loader_lock);

  g_array_sort (failures, compare_failures);
  for (guint i = 0; i < failures->len; i++)
    g_ptr_array_add (self->errors, g_array_index (failures, Failure, i).error);

  return g_steal_pointer (&self);
}

void
spanmark_corpus_counts_free (SpanmarkCorpusCounts *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->annotators, g_ptr_array_unref);
  g_clear_pointer (&self->total, annotator_counts_free);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_free (self);
}
