/* spanmark-team-progress.h — every annotator's progress, read off the main thread
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After a sync brings teammates' folders, the document list shows who
 * has worked on each document (done or in progress) and review mode's
 * annotator list shows each one's count ("12 of 40 done").  That is one
 * status read per annotator per document: for 50,000 documents, far too
 * many for the main thread.  spanmark_team_progress_read_async() reads
 * them on a worker thread, from its own copy of the project opened from
 * the folder (the window's project is not touched there), and hands back
 * an immutable snapshot that answers by document id without reading
 * anything.  A document an annotator has not started (no file, status
 * "new", or a file that cannot be read) is not theirs.  The curated
 * version ("_curated") is not an annotator here.
 */

#pragma once

#include "spanmark-corpus-pass.h"
#include "spanmark-project.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_TEAM_PROGRESS (spanmark_team_progress_get_type ())

typedef struct _SpanmarkTeamProgress SpanmarkTeamProgress;

GType                 spanmark_team_progress_get_type        (void) G_GNUC_CONST;
SpanmarkTeamProgress *spanmark_team_progress_ref             (SpanmarkTeamProgress *self);
void                  spanmark_team_progress_unref           (SpanmarkTeamProgress *self);

/* Reads the project in @dir (synchronously: on a worker thread). */
SpanmarkTeamProgress *spanmark_team_progress_read            (GFile                *dir,
                                                              GCancellable         *cancellable,
                                                              GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void                  spanmark_team_progress_read_async      (GFile                *dir,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
SpanmarkTeamProgress *spanmark_team_progress_read_finish     (GAsyncResult         *result,
                                                              GError              **error) G_GNUC_WARN_UNUSED_RESULT;

/* The team's progress as @pass read it (on whichever thread). */
SpanmarkTeamProgress *spanmark_team_progress_new_from_pass   (SpanmarkCorpusPass   *pass) G_GNUC_WARN_UNUSED_RESULT;

/* The project folder it was read from. */
GFile                *spanmark_team_progress_get_dir         (SpanmarkTeamProgress *self);
/* The annotators, sorted by name; the documents of the index. */
guint                 spanmark_team_progress_get_n_annotators (SpanmarkTeamProgress *self);
const char           *spanmark_team_progress_get_annotator   (SpanmarkTeamProgress *self,
                                                              guint                 index);
guint                 spanmark_team_progress_get_n_documents (SpanmarkTeamProgress *self);
/* How many documents annotator @index has done. */
guint                 spanmark_team_progress_get_n_done      (SpanmarkTeamProgress *self,
                                                              guint                 index);
/* "12 of 40 done" for annotator @index (translated; newly allocated). */
char                 *spanmark_team_progress_describe_annotator (SpanmarkTeamProgress *self,
                                                              guint                 index) G_GNUC_WARN_UNUSED_RESULT;
/* Annotator @index's status of @document_id: FALSE when it is not theirs
 * (not started, or not in the snapshot). */
gboolean              spanmark_team_progress_get_status      (SpanmarkTeamProgress *self,
                                                              const char           *document_id,
                                                              guint                 index,
                                                              SpanmarkStatus       *status);
/* "alice: Done, bob: In progress" for @document_id, or NULL when nobody
 * has started it (translated; newly allocated). */
char                 *spanmark_team_progress_describe_document (SpanmarkTeamProgress *self,
                                                              const char           *document_id) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkTeamProgress, spanmark_team_progress_unref)

G_END_DECLS
