/* spanmark-project-private.h — what import needs of a project beyond its API
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-annotation-file.h"
#include "spanmark-project.h"

G_BEGIN_DECLS

/* A batch of new documents (an import).  While a batch is open, texts and
 * annotation files are written atomically but without an fsync each, and
 * remembered.  _spanmark_project_end_batch() with @commit makes them all
 * durable at once (one syncfs(), else an fsync() of each); the caller then saves the
 * index, so a kill at any moment leaves either the old index, with
 * documents it does not list (which the next import of the same files
 * takes over, and spanmark_clean_project() removes), or the new one with
 * every file in place.  Without @commit, the files and folders the batch
 * made (not those it wrote over) are removed and the documents added are
 * taken out of the index again.  For files of documents added in the batch, and
 * annotation files an import adds to documents the project had. */
void     _spanmark_project_begin_batch        (SpanmarkProject  *self);
gboolean _spanmark_project_end_batch          (SpanmarkProject  *self,
                                               gboolean          commit,
                                               GError          **error);

/* A batch into a project without documents that does not keep them: each
 * document added, once its files are written (its annotation file too),
 * is handed to _spanmark_project_stream_document(), which appends its
 * index entry (the bytes spanmark_project_save() would write for it) to
 * a temporary file beside spanmark.json and drops the document from the
 * project.  _spanmark_project_end_batch() with @commit then makes the
 * files durable and only then writes spanmark.json (its head from the
 * project's name and schema as they are then, the entries, the tail) to
 * another temporary file, fsynced and renamed over it: a kill at any
 * moment leaves the old index, or the new one with every file it names.
 * Committed, the project refuses to be saved (it lacks those documents:
 * open it again); undone, the temporary files go with the rest.  FALSE
 * when the temporary file cannot be made, or the index could not be
 * saved anyway (spanmark_project_check_can_save()). */
gboolean _spanmark_project_begin_streamed_batch (SpanmarkProject  *self,
                                                 GError          **error);
gboolean _spanmark_project_stream_document    (SpanmarkProject   *self,
                                               SpanmarkDocument  *document,
                                               GError           **error);

/* Whether spanmark_project_add_document (@id, @text) would succeed and,
 * when documents/<id>.txt is left over from an interrupted import
 * (*@adopt), whether taking it over is safe: the leftover must hold @text, and the only
 * annotation file left for it may be @annotator's (which the import
 * rewrites; NULL when the import writes none for the document). */
gboolean _spanmark_project_check_new_document (SpanmarkProject  *self,
                                               const char       *id,
                                               const char       *text,
                                               const char       *annotator,
                                               gboolean         *adopt,
                                               GError          **error);
/* spanmark_project_add_document() of a document just checked by the
 * above, which said whether its text is taken over (@adopt): its id
 * and text (valid UTF-8, no NUL) are not checked again, nor whether the
 * project may still be saved (an import checks that before it starts:
 * spanmark_project_check_can_save()). */
SpanmarkDocument *_spanmark_project_add_new_document (SpanmarkProject  *self,
                                                      const char       *id,
                                                      const char       *text,
                                                      const char       *title,
                                                      gboolean          adopt,
                                                      GError          **error);

/* spanmark_project_save_annotations() of what an import built for a new
 * document, without a set made of it (the same checks and bytes). */
gboolean _spanmark_project_save_annotation_content (SpanmarkProject                  *self,
                                                    const SpanmarkAnnotationContent  *content,
                                                    GError                          **error);

G_END_DECLS
