/* spanmark-status-cache.h — every document's status for one annotator, read once
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Document lists show and filter by status, "Done and Next" looks for
 * the next unfinished document and `spanmark-cli stats` counts them: all
 * of them ask for many statuses, and reading an annotation file is the
 * cost.  The cache reads each file's status once, cheaply
 * (spanmark_project_read_status() does not build the spans), when it is
 * first asked for or a chunk at a time (spanmark_status_cache_read_some(),
 * for an idle handler), and then keeps what it is told the open document
 * says (spanmark_status_cache_set()).
 *
 * A file that cannot be read counts as "new", as no file does.
 *
 * The window reads every file once off the main thread when a project
 * opens (SpanmarkCorpusPass): the cache is told to expect it, and takes
 * what the pass read (spanmark_status_cache_fill()) where it knows
 * nothing newer.
 *
 * Signals:
 *   "changed" (SpanmarkDocument *document)  what the cache says of
 *             @document changed (set to another status, or forgotten)
 *   "filled"  the pass the cache expected came (or will not come)
 */

#pragma once

#include "spanmark-corpus-pass.h"
#include "spanmark-project.h"

G_BEGIN_DECLS

#define SPANMARK_N_STATUSES (SPANMARK_STATUS_REVIEWED + 1)

/* What spanmark_status_cache_count() finds. */
typedef struct
{
  guint n_documents;
  guint n_files;                         /* documents with a readable annotation file */
  guint n_status[SPANMARK_N_STATUSES];   /* documents by status */
} SpanmarkStatusCounts;

#define SPANMARK_TYPE_STATUS_CACHE (spanmark_status_cache_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkStatusCache, spanmark_status_cache, SPANMARK, STATUS_CACHE, GObject)

/* The statuses of @annotator's files in @project; nothing is read yet. */
SpanmarkStatusCache *spanmark_status_cache_new              (SpanmarkProject      *project,
                                                             const char           *annotator);
SpanmarkProject     *spanmark_status_cache_get_project      (SpanmarkStatusCache  *self);
const char          *spanmark_status_cache_get_annotator    (SpanmarkStatusCache  *self);

/* @document's status, read from its file the first time. */
SpanmarkStatus       spanmark_status_cache_get              (SpanmarkStatusCache  *self,
                                                             SpanmarkDocument     *document);
/* Whether @document's status is done or reviewed. */
gboolean             spanmark_status_cache_is_finished      (SpanmarkStatusCache  *self,
                                                             SpanmarkDocument     *document);
/* What the document says now (the open one, edited): kept instead of
 * what its file says.  Emits "changed" when that is another status. */
void                 spanmark_status_cache_set              (SpanmarkStatusCache  *self,
                                                             SpanmarkDocument     *document,
                                                             SpanmarkStatus        status);
/* Drops what is known of @document (its file was replaced, say): the
 * next question reads the file again.  Emits "changed". */
void                 spanmark_status_cache_forget           (SpanmarkStatusCache  *self,
                                                             SpanmarkDocument     *document);

/* Reads the statuses of the next @max documents in index order not read
 * yet (from where the last call stopped).  TRUE once every document has
 * been passed: an idle handler calls it until then. */
gboolean             spanmark_status_cache_read_some        (SpanmarkStatusCache  *self,
                                                             guint                 max);
/* Whether spanmark_status_cache_read_some() has passed every document. */
gboolean             spanmark_status_cache_is_complete      (SpanmarkStatusCache  *self);

/* A pass over the corpus is on its way: spanmark_status_cache_fill()
 * will follow.  Until then readers in idle chunks wait for it. */
void                 spanmark_status_cache_expect_fill      (SpanmarkStatusCache  *self);
gboolean             spanmark_status_cache_get_expecting_fill (SpanmarkStatusCache *self);
/* Takes every status @pass read of a document the cache knows nothing
 * of yet (a status set, or read, or forgotten since the pass was
 * expected stays so: it is newer), and goes on from there; @pass NULL
 * when it will not come.  Emits "filled". */
void                 spanmark_status_cache_fill             (SpanmarkStatusCache  *self,
                                                             SpanmarkCorpusPass   *pass);

/* Counts every document (reading what is not known yet). */
void                 spanmark_status_cache_count            (SpanmarkStatusCache  *self,
                                                             SpanmarkStatusCounts *counts);

/* The first unfinished document (neither done nor reviewed, and without
 * a problem in the index) after @after, going round past the end and
 * stopping before @after again; from the first document when @after is
 * NULL.  Looks at @max documents at most (0: no limit), so a large
 * finished corpus is not read through at once.  NULL when there is none. */
SpanmarkDocument    *spanmark_status_cache_find_unfinished  (SpanmarkStatusCache  *self,
                                                             SpanmarkDocument     *after,
                                                             guint                 max);

G_END_DECLS
