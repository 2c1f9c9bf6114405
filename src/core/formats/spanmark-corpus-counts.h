/* spanmark-corpus-counts.h — documents, characters, statuses and spans of a whole corpus
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What `spanmark-cli stats` shows.  The files are read as an export reads
 * them (the fast reader of spanmark-export-reader.c, which applies the
 * loader's rules, in reader threads), and nothing is kept but the counts,
 * so time grows linearly with the corpus and memory does not.  A file
 * that cannot be read is left out of the counts and its error, the
 * loader's own message, is listed.
 */

#pragma once

#include "spanmark-project.h"
#include "spanmark-status-cache.h"

G_BEGIN_DECLS

typedef struct
{
  char       *annotator;                      /* NULL for the total */
  guint       n_status[SPANMARK_N_STATUSES];  /* documents by status; no file counts as new */
  guint       n_spans;
  guint       n_entities;
  GHashTable *labels;                         /* label name -> guint* (spans) */
} SpanmarkAnnotatorCounts;

typedef struct
{
  guint                    n_documents;
  guint64                  n_characters;  /* of the texts that could be read, in code points */
  GPtrArray               *annotators;    /* SpanmarkAnnotatorCounts*, in the order asked for */
  SpanmarkAnnotatorCounts *total;         /* spans, labels and entities of them all (no statuses) */
  GPtrArray               *errors;        /* GError*: the files left out, by document, then annotator */
} SpanmarkCorpusCounts;

/* Counts every document of @project and the work of each of @annotators
 * (NULL-terminated) on it. */
SpanmarkCorpusCounts *spanmark_corpus_counts_new  (SpanmarkProject          *project,
                                                   const char * const       *annotators) G_GNUC_WARN_UNUSED_RESULT;
/* The spans of @label in @counts. */
guint                 spanmark_annotator_counts_get_label (const SpanmarkAnnotatorCounts *counts,
                                                           const char                    *label);
void                  spanmark_corpus_counts_free (SpanmarkCorpusCounts     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkCorpusCounts, spanmark_corpus_counts_free)

G_END_DECLS
