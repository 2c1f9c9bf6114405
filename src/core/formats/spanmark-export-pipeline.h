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

#define SPANMARK_EXPORT_PIPELINE_DEPTH 32

#define SPANMARK_EXPORT_PIPELINE_MAX_READERS 2

typedef struct
{
  ExportDoc  doc;
  GError    *error;     /* set if this document failed to load */
  gint       loaded;    /* index + 1 of the document it holds, 0 for none (atomic) */
} ExportSlot;

typedef struct
{
  SpanmarkProject *project;
  const char      *annotator;
  gboolean         allow_fast;
  GPtrArray       *documents;
  ExportSlot       slots[SPANMARK_EXPORT_PIPELINE_DEPTH];
  /* The mutex and the conditions are for waiting only: a thread that
   * finds what it needs (a document read, a slot free) goes on without
   * them, reading the fields marked atomic; a thread that must wait says
   * so in an atomic field first (writer_waits, readers_waiting) and
   * checks again, and the other side takes the mutex only when someone
   * waits.  Taking the mutex four times a document was three futex
   * calls a document, and a wake-up for every document a tenth of the
   * export's time. */
  GMutex           mutex;
  GCond            loaded;       /* a document was read: the writer may go on */
  GCond            freed;        /* a document was written: its slot is free */
  gint             writer_waits;     /* atomic */
  guint            writer_needs;     /* the document the waiting writer needs */
  guint            writer_wake_at;   /* and the one it waits for last */
  gint             n_failed;         /* readers stopped by a document that failed (atomic) */
  gint             readers_waiting;  /* atomic */
  guint            readers_wake_at;  /* n_consumed the first waiting reader needs */
  GMutex           loader_lock;  /* around the project's loader */
  gint             n_consumed;   /* documents written so far (atomic) */
  gint             stop;         /* atomic */
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
