/* spanmark-import.h — bring texts and annotations into a project
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-import-format.h"
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

/* Imports one file into @project, as the format of its extension
 * (spanmark-import-format.h; a file of a companion format, such as brat's
 * .ann, with the file it goes with).  Text is normalised
 * (spanmark_text_normalize) and imported spans are remapped so each still
 * covers the same characters.  Everything is checked
 * before anything is written: on error nothing in the project changes and
 * @error names the file and line.  Writes documents/ and annotations/ and
 * adds the documents to the index in memory; the caller then calls
 * spanmark_project_save().  Returns the number of documents added, or -1. */
int spanmark_import_file (SpanmarkProject             *project,
                          GFile                       *file,
                          const SpanmarkImportOptions *options,
                          GError                     **error);

/* Like spanmark_import_file() for several files at once: all of them are
 * checked before anything is written, and document ids must be unique
 * across them.  A folder stands for the files of the import formats in it
 * (not recursively, sorted by name).  A companion file named together
 * with its file is read with it (alone, it imports its file); the
 * configuration files of a format's tool are skipped; a file without an
 * extension is read as the format it starts like.
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
 * is, each folder replaced by the files in it that an import format
 * reads (spanmark_import_format_for_file(); not recursively, sorted by
 * name).  NULL, with an error naming the folder,
 * when a folder cannot be read or holds none of them.  A GPtrArray of
 * GFile. */
GPtrArray *spanmark_import_expand_folders (GFile  **files,
                                           guint    n_files,
                                           GError **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
