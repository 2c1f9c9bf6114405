/* spanmark-export-pipeline.c — the next documents read while this one is written
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spanmark-export-pipeline.h"

static gpointer
pipeline_thread (gpointer data)
{
  ExportPipeline *pipeline = data;

  for (guint i = 0; i < pipeline->documents->len; i++)
    {
      ExportSlot *slot = &pipeline->slots[i % SPANMARK_EXPORT_PIPELINE_DEPTH];
      gboolean ok;

      g_mutex_lock (&pipeline->mutex);
      while (!pipeline->stop && i - pipeline->n_consumed >= SPANMARK_EXPORT_PIPELINE_DEPTH)
        g_cond_wait (&pipeline->cond, &pipeline->mutex);
      if (pipeline->stop)
        {
          g_mutex_unlock (&pipeline->mutex);
          break;
        }
      g_mutex_unlock (&pipeline->mutex);

      g_clear_error (&slot->error);
      ok = _spanmark_export_doc_load (&slot->doc, pipeline->project,
                                      g_ptr_array_index (pipeline->documents, i),
                                      pipeline->annotator, pipeline->allow_fast, &slot->error);

      g_mutex_lock (&pipeline->mutex);
      pipeline->n_loaded = i + 1;
      g_cond_broadcast (&pipeline->cond);
      g_mutex_unlock (&pipeline->mutex);

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
  g_cond_init (&pipeline->cond);
  if (documents->len > 0)
    pipeline->thread = g_thread_new ("spanmark-export-reader", pipeline_thread, pipeline);
}

/* Waits for document @i; returns it, or NULL with @error set. */
ExportDoc *
_spanmark_export_pipeline_get (ExportPipeline *pipeline,
                               guint           i,
                               GError        **error)
{
  ExportSlot *slot = &pipeline->slots[i % SPANMARK_EXPORT_PIPELINE_DEPTH];

  g_mutex_lock (&pipeline->mutex);
  while (pipeline->n_loaded <= i)
    g_cond_wait (&pipeline->cond, &pipeline->mutex);
  g_mutex_unlock (&pipeline->mutex);

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
  g_mutex_lock (&pipeline->mutex);
  pipeline->n_consumed = i + 1;
  g_cond_broadcast (&pipeline->cond);
  g_mutex_unlock (&pipeline->mutex);
}

void
_spanmark_export_pipeline_finish (ExportPipeline *pipeline)
{
  g_mutex_lock (&pipeline->mutex);
  pipeline->stop = TRUE;
  g_cond_broadcast (&pipeline->cond);
  g_mutex_unlock (&pipeline->mutex);

  if (pipeline->thread != NULL)
    g_thread_join (pipeline->thread);
  pipeline->thread = NULL;

  for (guint i = 0; i < SPANMARK_EXPORT_PIPELINE_DEPTH; i++)
    {
      _spanmark_export_doc_clear (&pipeline->slots[i].doc);
      g_clear_error (&pipeline->slots[i].error);
    }
  g_mutex_clear (&pipeline->mutex);
  g_cond_clear (&pipeline->cond);
}
