/* spanmark-corpus-pass.h — every annotation file of a project, read once
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a project needs, from every annotation file, several things:
 * each annotator's status of each document (the document list, the
 * team's progress), and the spans and entities (the registry's mention
 * counts, the corpus the suggester learns from).  Read separately, each
 * file was read, checked and parsed four times.  The pass visits every
 * document of the index and every annotator with a folder once, in index
 * order then annotator order, and
 *
 *  - with a @func, loads each file once (spanmark_project_load_annotations(),
 *    the same set and the same errors as _spanmark_assist_foreach_set()
 *    and the registry's reading) and hands the set to @func; the status
 *    is then the set's, or, when the file did not load, what
 *    spanmark_project_read_status() says of it;
 *  - without, reads the statuses only (spanmark_project_read_status()).
 *
 * The result is an immutable snapshot (safe to hand from a worker thread
 * to the main thread) that answers, by document id and annotator, what
 * SpanmarkStatusCache would have read: the status and whether there is a
 * readable file.  Core objects are not thread-safe: run it on a project
 * only that thread uses.
 */

#pragma once

#include "spanmark-annotation-set.h"
#include "spanmark-project.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_CORPUS_PASS (spanmark_corpus_pass_get_type ())

typedef struct _SpanmarkCorpusPass SpanmarkCorpusPass;

/* Called once for every annotation file that loaded (a document without
 * a file for a listed annotator, when the link to it leads nowhere, is
 * read as the loader says: an empty set). */
typedef void (*SpanmarkCorpusPassFunc) (SpanmarkAnnotationSet *set,
                                        gpointer               user_data);

GType               spanmark_corpus_pass_get_type          (void) G_GNUC_CONST;
SpanmarkCorpusPass *spanmark_corpus_pass_ref               (SpanmarkCorpusPass *self);
void                spanmark_corpus_pass_unref             (SpanmarkCorpusPass *self);

/* Reads @project once.  Files that failed to load go to @errors (GError,
 * may be NULL) when @func is set.  NULL (and @error set) when cancelled. */
SpanmarkCorpusPass *spanmark_corpus_pass_run               (SpanmarkProject        *project,
                                                            SpanmarkCorpusPassFunc  func,
                                                            gpointer                user_data,
                                                            GPtrArray              *errors,
                                                            GCancellable           *cancellable,
                                                            GError                **error) G_GNUC_WARN_UNUSED_RESULT;

/* The same, except that the file of @skip_document by @skip_annotator
 * (both NULL: none) is not loaded: @func does not get it and its status
 * is what spanmark_project_read_status() says, as without @func.  For a
 * window, which has that set open (and loaded) already. */
SpanmarkCorpusPass *spanmark_corpus_pass_run_skipping      (SpanmarkProject        *project,
                                                            const char             *skip_document,
                                                            const char             *skip_annotator,
                                                            SpanmarkCorpusPassFunc  func,
                                                            gpointer                user_data,
                                                            GPtrArray              *errors,
                                                            GCancellable           *cancellable,
                                                            GError                **error) G_GNUC_WARN_UNUSED_RESULT;

/* The project folder it read. */
GFile              *spanmark_corpus_pass_get_dir           (SpanmarkCorpusPass *self);
/* The annotators with a folder (the curated version included), sorted. */
const char * const *spanmark_corpus_pass_get_annotators    (SpanmarkCorpusPass *self);
guint               spanmark_corpus_pass_get_n_documents   (SpanmarkCorpusPass *self);
/* The document ids of the index, in its order. */
const char         *spanmark_corpus_pass_get_document_id   (SpanmarkCorpusPass *self,
                                                            guint               index);
/* What @annotator's file of the document at @index said. */
void                spanmark_corpus_pass_get_at            (SpanmarkCorpusPass *self,
                                                            guint               index,
                                                            const char         *annotator,
                                                            SpanmarkStatus     *status,
                                                            gboolean           *has_file);
/* What @annotator's file of @document_id said: FALSE when the pass did
 * not see that document.  An annotator without a folder has no file. */
gboolean            spanmark_corpus_pass_lookup            (SpanmarkCorpusPass *self,
                                                            const char         *document_id,
                                                            const char         *annotator,
                                                            SpanmarkStatus     *status,
                                                            gboolean           *has_file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkCorpusPass, spanmark_corpus_pass_unref)

G_END_DECLS
