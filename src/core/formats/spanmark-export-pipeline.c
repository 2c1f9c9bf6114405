/* spanmark-export-pipeline.c — the next documents read while this one is written
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spanmark-export-pipeline.h"

typedef struct
{
  ExportPipeline *pipeline;
  guint           first;  /* this reader reads documents first, first + n_readers… */
} Reader;

/* Whether the slot of document @i is free: the document DEPTH before it
 * is written. */
static inline gboolean
slot_is_free (ExportPipeline *pipeline,
              guint           i)
{
  return i < (guint) g_atomic_int_get (&pipeline->n_consumed) + SPANMARK_EXPORT_PIPELINE_DEPTH;
}

static gpointer
reader_thread (gpointer data)
{
  g_autofree Reader *reader = data;
  ExportPipeline *pipeline = reader->pipeline;

  for (guint i = reader->first; i < pipeline->documents->len; i += pipeline->n_readers)
    {
      ExportSlot *slot = &pipeline->slots[i % SPANMARK_EXPORT_PIPELINE_DEPTH];
      gboolean ok;

      /* A reader that has to wait waits for half the slots to be free,
       * so that it is woken once for several documents, not for each. */
      if (!slot_is_free (pipeline, i) && !g_atomic_int_get (&pipeline->stop))
        {
          guint target = i + 1 - SPANMARK_EXPORT_PIPELINE_DEPTH / 2;

          g_mutex_lock (&pipeline->mutex);
          g_atomic_int_inc (&pipeline->readers_waiting);
          while (!g_atomic_int_get (&pipeline->stop) &&
                 (guint) g_atomic_int_get (&pipeline->n_consumed) < target)
            {
              pipeline->readers_wake_at = MIN (pipeline->readers_wake_at, target);
              g_cond_wait (&pipeline->freed, &pipeline->mutex);
            }
          g_atomic_int_add (&pipeline->readers_waiting, -1);
          g_mutex_unlock (&pipeline->mutex);
        }
      if (g_atomic_int_get (&pipeline->stop))
        break;

      g_clear_error (&slot->error);
      ok = _spanmark_export_doc_load_shared (&slot->doc, pipeline->project,
                                             g_ptr_array_index (pipeline->documents, i),
                                             pipeline->annotator, pipeline->allow_fast,
                                             &pipeline->loader_lock, &slot->error);

      if (!ok)
        g_atomic_int_inc (&pipeline->n_failed);
      /* Published after the document (the atomic store orders it). */
      g_atomic_int_set (&slot->loaded, (gint) i + 1);
      if (g_atomic_int_get (&pipeline->writer_waits))
        {
          g_mutex_lock (&pipeline->mutex);
          if (g_atomic_int_get (&pipeline->writer_waits) &&
              (i == pipeline->writer_needs || i >= pipeline->writer_wake_at || !ok))
            g_cond_signal (&pipeline->loaded);
          g_mutex_unlock (&pipeline->mutex);
        }

      if (!ok)
        break;
    }

  return NULL;
}

void
_spanmark_export_pipeline_start (ExportPipeline  *pipeline,
                                 SpanmarkProject *project,
                                 const char      *annotator,
                                 gboolean         allow_fast,
                                 GPtrArray       *documents)
{
  memset (pipeline, 0, sizeof *pipeline);
  pipeline->project = project;
  pipeline->annotator = annotator;
  pipeline->allow_fast = allow_fast;
  pipeline->documents = documents;
  for (guint i = 0; i < SPANMARK_EXPORT_PIPELINE_DEPTH; i++)
    _spanmark_export_doc_init (&pipeline->slots[i].doc);
  g_mutex_init (&pipeline->mutex);
  g_cond_init (&pipeline->loaded);
  g_cond_init (&pipeline->freed);
  g_mutex_init (&pipeline->loader_lock);
  pipeline->readers_wake_at = G_MAXUINT;

  /* A second reader only helps where there is a core for it. */
  pipeline->n_readers = CLAMP (g_get_num_processors (), 1, SPANMARK_EXPORT_PIPELINE_MAX_READERS);
  for (guint r = 0; r < pipeline->n_readers && r < documents->len; r++)
    {
      Reader *reader = g_new0 (Reader, 1);

      reader->pipeline = pipeline;
      reader->first = r;
      pipeline->readers[r] = g_thread_new ("spanmark-export-reader", reader_thread, reader);
    }
}

/* Waits for document @i; returns it, or NULL with @error set. */
ExportDoc *
_spanmark_export_pipeline_get (ExportPipeline *pipeline,
                               guint           i,
                               GError        **error)
{
  ExportSlot *slot = &pipeline->slots[i % SPANMARK_EXPORT_PIPELINE_DEPTH];

  if ((guint) g_atomic_int_get (&slot->loaded) != i + 1)
    {
      /* The writer that has to wait waits for a few documents more than
       * the one it needs (the readers take them in turn, so they come in
       * order, give or take one), to be woken once for several; a
       * reader that failed stops, and wakes it at once. */
      guint last = MIN (i + SPANMARK_EXPORT_PIPELINE_DEPTH / 4, pipeline->documents->len - 1);
      ExportSlot *last_slot = &pipeline->slots[last % SPANMARK_EXPORT_PIPELINE_DEPTH];

      g_mutex_lock (&pipeline->mutex);
      pipeline->writer_needs = i;
      pipeline->writer_wake_at = last;
      g_atomic_int_set (&pipeline->writer_waits, TRUE);
      while ((guint) g_atomic_int_get (&slot->loaded) != i + 1 ||
             ((guint) g_atomic_int_get (&last_slot->loaded) != last + 1 &&
              g_atomic_int_get (&pipeline->n_failed) == 0))
        g_cond_wait (&pipeline->loaded, &pipeline->mutex);
      g_atomic_int_set (&pipeline->writer_waits, FALSE);
      g_mutex_unlock (&pipeline->mutex);
    }

  if (slot->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&slot->error));
      return NULL;
    }
  return &slot->doc;
}

/* Document @i is written: its slot may be reused. */
void
_spanmark_export_pipeline_release (ExportPipeline *pipeline,
                                   guint           i)
{
  g_atomic_int_set (&pipeline->n_consumed, (gint) i + 1);
  if (g_atomic_int_get (&pipeline->readers_waiting) > 0)
    {
      g_mutex_lock (&pipeline->mutex);
      if (i + 1 >= pipeline->readers_wake_at)
        {
          /* Those still short of their mark set it again. */
          pipeline->readers_wake_at = G_MAXUINT;
          g_cond_broadcast (&pipeline->freed);
        }
      g_mutex_unlock (&pipeline->mutex);
    }
}

void
_spanmark_export_pipeline_finish (ExportPipeline *pipeline)
{
  g_mutex_lock (&pipeline->mutex);
  g_atomic_int_set (&pipeline->stop, TRUE);
  g_cond_broadcast (&pipeline->freed);
  g_mutex_unlock (&pipeline->mutex);

  for (guint r = 0; r < SPANMARK_EXPORT_PIPELINE_MAX_READERS; r++)
    if (pipeline->readers[r] != NULL)
      g_thread_join (g_steal_pointer (&pipeline->readers[r]));

  for (guint i = 0; i < SPANMARK_EXPORT_PIPELINE_DEPTH; i++)
    {
      _spanmark_export_doc_clear (&pipeline->slots[i].doc);
      g_clear_error (&pipeline->slots[i].error);
    }
  g_mutex_clear (&pipeline->mutex);
  g_cond_clear (&pipeline->loaded);
  g_cond_clear (&pipeline->freed);
  g_mutex_clear (&pipeline->loader_lock);
}
