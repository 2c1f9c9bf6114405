/* spanmark-export-pipeline.h — the next documents read while this one is written
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading and checking a document (files, JSON, hash) takes about as
 * long as writing it, so a second thread reads the next few documents
 * while the export writes: on two cores the export takes about half the
 * time.  At most SPANMARK_EXPORT_PIPELINE_DEPTH documents are in memory,
 * so memory still does not grow with the corpus.  The reader thread is
 * the only one that touches the project during the loop.  Private to the
 * export.
 */

#pragma once

#include "spanmark-export-private.h"

G_BEGIN_DECLS

#define SPANMARK_EXPORT_PIPELINE_DEPTH 4

typedef struct
{
  ExportDoc  doc;
  GError    *error;     /* set if this document failed to load */
} ExportSlot;

typedef struct
{
  SpanmarkProject *project;
  const char      *annotator;
  gboolean         allow_fast;
  GPtrArray       *documents;
  ExportSlot       slots[SPANMARK_EXPORT_PIPELINE_DEPTH];
  GMutex           mutex;
  GCond            cond;
  guint            n_loaded;     /* documents loaded so far */
  guint            n_consumed;   /* documents written so far */
  gboolean         stop;
  GThread         *thread;
} ExportPipeline;

/* Starts reading @documents (SpanmarkDocument*, borrowed) of @project by
 * @annotator, as _spanmark_export_doc_load() does. */
void       _spanmark_export_pipeline_start   (ExportPipeline   *pipeline,
                                              SpanmarkProject  *project,
                                              const char       *annotator,
                                              gboolean          allow_fast,
                                              GPtrArray        *documents);
/* Waits for document @i; returns it, or NULL with @error set. */
ExportDoc *_spanmark_export_pipeline_get     (ExportPipeline   *pipeline,
                                              guint             i,
                                              GError          **error);
/* Document @i is written: its slot may be reused. */
void       _spanmark_export_pipeline_release (ExportPipeline   *pipeline,
                                              guint             i);
/* Stops the thread and frees everything. */
void       _spanmark_export_pipeline_finish  (ExportPipeline   *pipeline);

G_END_DECLS
