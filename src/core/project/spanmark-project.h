/* spanmark-project.h — a project folder: index, texts, annotations
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout (format version 1):
 *   spanmark.json                          name, label schema, document index
 *   documents/<doc-id>.txt                 the text, UTF-8, as imported
 *   annotations/<annotator>/<doc-id>.json  one annotator's work on one document
 *
 * Opening reads spanmark.json only; texts and annotations load when asked.
 * Every write is atomic (temporary file in the same folder, fsync,
 * rename) and serialisation is deterministic (fixed key order, one span
 * per line, trailing newline).
 */

#pragma once

#include <gio/gio.h>

#include "spanmark-annotation-set.h"
#include "spanmark-document.h"
#include "spanmark-project-error.h"
#include "spanmark-project-ids.h"
#include "spanmark-schema.h"

G_BEGIN_DECLS

/* How spanmark_project_save_annotations_full() treats the file on disk. */
typedef enum
{
  /* Refuse with SPANMARK_PROJECT_ERROR_CHANGED when the file is not what
   * this project last loaded or saved (or exists, when it was never
   * loaded): someone else wrote it, and writing would lose their work. */
  SPANMARK_SAVE_IF_UNCHANGED = 0,
  /* Write whatever is there (the user chose to keep their version). */
  SPANMARK_SAVE_OVERWRITE    = 1 << 0,
} SpanmarkSaveFlags;

/* Where copies made by spanmark_project_save_annotations_copy() go:
 * conflicts/<annotator>/<doc-id>-<YYYYMMDDTHHMMSSZ>.json.  Outside
 * annotations/, so no loader or export ever takes a copy for a document's
 * annotations; validate lists each copy as a warning. */
#define SPANMARK_PROJECT_CONFLICTS_DIR "conflicts"

#define SPANMARK_TYPE_PROJECT (spanmark_project_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkProject, spanmark_project, SPANMARK, PROJECT, GObject)

/* Error messages always start with the file's path relative to the
 * project folder (or the absolute path for spanmark.json), then the place
 * (line:column, or "spans[3] (id \"s4\")"), then what is wrong:
 *   "annotations/alice/doc1.json: spans[3] (id "s4"): end 90 is past the end of the text (88 characters)"
 */

/* Creates DIR (may exist if empty) with spanmark.json, documents/ and
 * annotations/; the default schema. */
SpanmarkProject  *spanmark_project_create           (GFile            *dir,
                                                     const char       *name,
                                                     GError          **error);
/* The same with the labels of @schema (copied) instead of the default. */
SpanmarkProject  *spanmark_project_create_with_schema (GFile          *dir,
                                                       const char     *name,
                                                       SpanmarkSchema *schema,
                                                       GError        **error);
/* Reads and validates spanmark.json only. */
SpanmarkProject  *spanmark_project_open             (GFile            *dir,
                                                     GError          **error);
/* Writes spanmark.json (atomic).  Refuses, as
 * spanmark_project_check_can_save() says, when it had problems. */
gboolean          spanmark_project_save             (SpanmarkProject  *self,
                                                     GError          **error);
/* What was wrong in spanmark.json when it was opened (SpanmarkProblem,
 * file "spanmark.json"; empty if nothing).  A project whose index has a
 * bad label or document entry still opens: a label with a bad colour or
 * key gets the default colour or no key, a label without a usable name is
 * left out, and a document entry that cannot be used is listed with its
 * problem (spanmark_document_get_problem()) but neither read nor
 * written. */
GPtrArray        *spanmark_project_get_problems     (SpanmarkProject  *self);
/* FALSE, with an error naming the first problem, when spanmark.json had
 * problems: writing it from memory would drop or change the entries in
 * question, so it is left as it is until someone fixes it (import
 * refuses to start for the same reason). */
gboolean          spanmark_project_check_can_save   (SpanmarkProject  *self,
                                                     GError          **error);

GFile            *spanmark_project_get_dir          (SpanmarkProject  *self);
const char       *spanmark_project_get_name         (SpanmarkProject  *self);
void              spanmark_project_set_name         (SpanmarkProject  *self,
                                                     const char       *name);
SpanmarkSchema   *spanmark_project_get_schema       (SpanmarkProject  *self);
/* The documents in index order, a GListModel of SpanmarkDocument. */
GListModel       *spanmark_project_get_documents    (SpanmarkProject  *self);
guint             spanmark_project_get_n_documents  (SpanmarkProject  *self);
SpanmarkDocument *spanmark_project_get_document     (SpanmarkProject  *self,
                                                     guint             index);
SpanmarkDocument *spanmark_project_lookup_document  (SpanmarkProject  *self,
                                                     const char       *id);

/* Adds a document with already-normalised @text: writes
 * documents/<id>.txt (atomic) and appends to the index in memory (call
 * spanmark_project_save() after).  Fails with _EXISTS if the id is taken. */
SpanmarkDocument *spanmark_project_add_document     (SpanmarkProject  *self,
                                                     const char       *id,
                                                     const char       *text,
                                                     const char       *title,
                                                     GError          **error);
/* Reads and checks a document's text (valid UTF-8, no NUL, inside the
 * project).  Newly allocated. */
char             *spanmark_project_load_text        (SpanmarkProject  *self,
                                                     SpanmarkDocument *document,
                                                     GError          **error) G_GNUC_WARN_UNUSED_RESULT;

/* Annotator names that have a folder under annotations/, sorted;
 * includes "_curated" if present.  A symbolic link (or anything but a
 * folder) there is no annotator: see
 * spanmark_project_check_annotator_folder(). */
GStrv             spanmark_project_list_annotators  (SpanmarkProject  *self) G_GNUC_WARN_UNUSED_RESULT;
/* The one rule on annotator folders, for every reader and writer: the
 * annotations/<@annotator> of the project in @dir is a folder, or not
 * there.  A symbolic link (even to another annotator's folder, which would
 * mix two people's work) or a file there fails with
 * SPANMARK_PROJECT_ERROR_INVALID saying so (the caller names the folder);
 * its files are neither read nor written, and validate warns about it. */
gboolean          spanmark_project_check_annotator_folder (GFile       *dir,
                                                           const char  *annotator,
                                                           GError     **error);
/* annotations/<annotator>/<doc-id>.json (may not exist). */
GFile            *spanmark_project_get_annotation_file (SpanmarkProject  *self,
                                                        SpanmarkDocument *document,
                                                        const char       *annotator) G_GNUC_WARN_UNUSED_RESULT;
/* Whether @file is an annotation file that failed to load in this
 * session: spanmark_project_save_annotations() refuses to overwrite it
 * until it loads successfully again. */
gboolean          spanmark_project_is_file_broken   (SpanmarkProject  *self,
                                                     GFile            *file);
/* Loads the text and that annotator's annotations of @document, fully
 * validated.  A missing file gives an empty set with status "new".  On any
 * problem returns NULL with an error naming the file and place. */
SpanmarkAnnotationSet *spanmark_project_load_annotations (SpanmarkProject  *self,
                                                          SpanmarkDocument *document,
                                                          const char       *annotator,
                                                          GError          **error) G_GNUC_WARN_UNUSED_RESULT;
/* Serialises @set (deterministic) and writes it atomically; sets its
 * "modified" to now.  Creates annotations/<annotator>/ if needed.
 * Writes over whatever is on disk (SPANMARK_SAVE_OVERWRITE), except a
 * file that failed to load. */
gboolean          spanmark_project_save_annotations (SpanmarkProject       *self,
                                                     SpanmarkAnnotationSet *set,
                                                     GError               **error);
/* The same, but with SPANMARK_SAVE_IF_UNCHANGED it first checks that the
 * file on disk holds exactly the bytes this project last loaded from it
 * or wrote to it (or is absent, as it was then), and otherwise refuses
 * with SPANMARK_PROJECT_ERROR_CHANGED, writing nothing.  Every interactive
 * save should use this: an annotator's autosave must never silently
 * replace a version another annotator or a `git pull` put there.  (The
 * check and the rename are not one atomic step: a write landing in
 * between, within microseconds, is not detected.) */
gboolean          spanmark_project_save_annotations_full (SpanmarkProject       *self,
                                                          SpanmarkAnnotationSet *set,
                                                          SpanmarkSaveFlags      flags,
                                                          GError               **error);
/* Whether the annotation file @file differs from what this project last
 * loaded from it or wrote to it (for a file never loaded: whether it
 * exists).  Reads the file; anything but a regular file counts as
 * changed. */
gboolean          spanmark_project_is_file_changed  (SpanmarkProject       *self,
                                                     GFile                 *file);
/* Writes @set, as it is, to a new file under conflicts/ (see
 * SPANMARK_PROJECT_CONFLICTS_DIR) and returns that file; the annotation
 * file itself is left alone.  The way out of a conflict that loses
 * neither version. */
GFile            *spanmark_project_save_annotations_copy (SpanmarkProject       *self,
                                                          SpanmarkAnnotationSet *set,
                                                          GError               **error) G_GNUC_WARN_UNUSED_RESULT;
/* A new, unused path under conflicts/ in the project folder @dir for a
 * copy of @annotator's file of @document_id (relative, newly allocated),
 * and, if @file is not NULL, that file.  With @annotator NULL, a copy of
 * another project file called @document_id, at the top of conflicts/.  Used by
 * spanmark_project_save_annotations_copy() and by sync, which keeps the
 * other clone's version there. */
char             *spanmark_project_new_conflict_path (GFile        *dir,
                                                      const char   *annotator,
                                                      const char   *document_id,
                                                      GFile       **file) G_GNUC_WARN_UNUSED_RESULT;
/* The status recorded in an annotation file, read cheaply (without
 * building the spans) for document lists and filters: SPANMARK_STATUS_NEW
 * if the file does not exist.  The file passes the loader's syntax check
 * or the loader's error is returned, so a file the loader refuses never
 * counts with a status. */
gboolean          spanmark_project_read_status      (SpanmarkProject  *self,
                                                     SpanmarkDocument *document,
                                                     const char       *annotator,
                                                     SpanmarkStatus   *status,
                                                     GError          **error);
/* The same, SPANMARK_STATUS_NEW if the file cannot be read. */
SpanmarkStatus    spanmark_project_peek_status      (SpanmarkProject  *self,
                                                     SpanmarkDocument *document,
                                                     const char       *annotator);

/* The deterministic serialisation used by save_annotations. */
char             *spanmark_annotation_set_to_json   (SpanmarkAnnotationSet *set,
                                                     gsize                 *length) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
