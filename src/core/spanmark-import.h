/* spanmark-import.h — bring texts and annotations into a project
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-project.h"
#include "spanmark-text.h"

G_BEGIN_DECLS

#define SPANMARK_IMPORT_ERROR (spanmark_import_error_quark ())

typedef enum
{
  SPANMARK_IMPORT_ERROR_FORMAT,       /* unknown kind of file */
  SPANMARK_IMPORT_ERROR_INVALID,      /* message: "FILE: line N: what is wrong" */
} SpanmarkImportError;

GQuark spanmark_import_error_quark (void);

typedef struct
{
  const char           *annotator;  /* owns imported spans; NULL means "imported" */
  SpanmarkTextEncoding  encoding;   /* of .txt files */
} SpanmarkImportOptions;

/* Imports one file into @project:
 *   NAME.txt                      one document, id NAME (NAME.ann beside it: brat spans)
 *   NAME.jsonl                    one document per line, spaCy style
 *                                 {"id"?, "text", "spans"?: [{"start","end","label"}]}
 *                                 or doccano style {"id"?, "text", "label": [[s,e,"L"],…]}
 * Text is normalised (spanmark_text_normalize) and imported spans are
 * remapped so each still covers the same characters.  Everything is checked
 * before anything is written: on error nothing in the project changes and
 * @error names the file and line.  Writes documents/ and annotations/ and
 * adds the documents to the index in memory; the caller then calls
 * spanmark_project_save().  Returns the number of documents added, or -1. */
int spanmark_import_file (SpanmarkProject             *project,
                          GFile                       *file,
                          const SpanmarkImportOptions *options,
                          GError                     **error);

/* brat (.txt + .ann): offsets are code points into the .txt as stored
 * (before normalisation).  "T1<TAB>LABEL START END<TAB>TEXT" is a span; a
 * discontinuous "S E;S E" one becomes one span from the first start to
 * the last end, with a warning.  "#1<TAB>AnnotatorNotes T1<TAB>key=value"
 * sets a span attribute (a note without "=" becomes attribute "note").
 * "*<TAB>Equiv T1 T3" makes one entity of its mentions: the label and text
 * of the first mention in the text, and the attributes all mentions share
 * (moved from the spans to the entity).  R, E, A, N and other lines are
 * counted in one warning and otherwise ignored. */

/* Like spanmark_import_file() for several files at once: all of them are
 * checked before anything is written, and document ids must be unique
 * across them.  A folder stands for the .txt, .ann and .jsonl files in it
 * (not recursively, sorted by name).  A brat .ann named together with its
 * .txt is read with it (an .ann alone imports its .txt); brat
 * configuration files are skipped; a file without an extension that
 * starts with "{" is read as JSON lines.
 * Notices that do not stop the import ("FILE: line N: T3 has 2
 * discontinuous fragments…", "FILE: ignored 4 lines…") are appended to
 * @warnings (char*, caller-owned, e.g. made with
 * g_ptr_array_new_with_free_func (g_free)) if it is not NULL.  Returns
 * the number of documents added, or -1. */
int spanmark_import_files (SpanmarkProject             *project,
                           GFile                      **files,
                           guint                        n_files,
                           const SpanmarkImportOptions *options,
                           GPtrArray                   *warnings,
                           GError                     **error);

/* The files spanmark_import_files() reads for @files: each file as it
 * is, each folder replaced by the .txt, .ann and .jsonl files in it (not
 * recursively, sorted by name).  NULL, with an error naming the folder,
 * when a folder cannot be read or holds none of them.  A GPtrArray of
 * GFile. */
GPtrArray *spanmark_import_expand_folders (GFile  **files,
                                           guint    n_files,
                                           GError **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
