/* spanmark-export-pipeline.h — the next documents read while this one is written
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading and checking a document (files, JSON, hash) takes about twice
 * as long as writing it, so reader threads read the next few documents
 * while the export writes: two of them, on a machine with two cores or
 * more, take documents in turn.  At most SPANMARK_EXPORT_PIPELINE_DEPTH
 * documents are in memory, so memory still does not grow with the
 * corpus.  Only the readers touch the project during the loop, and the
 * project's loader (the fast reader's fallback, which records what it
 * read) only one reader at a time.  Private to the export.
 */

#pragma once

#include "spanmark-export-private.h"

G_BEGIN_DECLS

#define SPANMARK_EXPORT_PIPELINE_DEPTH 16

#define SPANMARK_EXPORT_PIPELINE_MAX_READERS 2

typedef struct
{
  ExportDoc  doc;
  GError    *error;     /* set if this document failed to load */
  guint      loaded;    /* index + 1 of the document it holds, 0 for none */
} ExportSlot;

typedef struct
{
  SpanmarkProject *project;
  const char      *annotator;
  gboolean         allow_fast;
  GPtrArray       *documents;
  ExportSlot       slots[SPANMARK_EXPORT_PIPELINE_DEPTH];
  GMutex           mutex;
  GCond            loaded;       /* a document was read: the writer may go on */
  GCond            freed;        /* a document was written: its slot is free */
  /* Who waits, so that nobody is woken for nothing: a wake-up for every
   * document was a tenth of the export's time. */
  gboolean         writer_waits;
  guint            writer_needs;     /* the document the waiting writer needs */
  guint            writer_wake_at;   /* and the one it waits for last */
  guint            n_failed;         /* readers stopped by a document that failed */
  guint            readers_waiting;
  guint            readers_wake_at;  /* n_consumed the first waiting reader needs */
  GMutex           loader_lock;  /* around the project's loader */
  guint            n_consumed;   /* documents written so far */
  gboolean         stop;
  guint            n_readers;
  GThread         *readers[SPANMARK_EXPORT_PIPELINE_MAX_READERS];
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
