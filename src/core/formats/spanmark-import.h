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

/* How CoNLL-style tags mark spans (--scheme). */
typedef enum
{
  SPANMARK_IMPORT_SCHEME_AUTO,   /* told from the tags the file uses */
  SPANMARK_IMPORT_SCHEME_IOB2,   /* B- starts every span, I- goes on */
  SPANMARK_IMPORT_SCHEME_IOB1,   /* I- starts a span, B- only right after one of the same label */
  SPANMARK_IMPORT_SCHEME_BIOES,  /* B-, I-, E- ends, S- a span of one token */
  SPANMARK_IMPORT_SCHEME_BMES,   /* B-, M-, E-, S- (and O: BMEOS), as Resume NER writes it */
} SpanmarkImportScheme;

/* How the tokens of a sentence are joined into the text (--join). */
typedef enum
{
  SPANMARK_IMPORT_JOIN_AUTO,     /* nothing when every token is one character, else a space */
  SPANMARK_IMPORT_JOIN_NONE,
  SPANMARK_IMPORT_JOIN_SPACE,
} SpanmarkImportJoin;

typedef enum
{
  SPANMARK_IMPORT_STAGE_READ,    /* reading @file: @done of @total bytes */
  SPANMARK_IMPORT_STAGE_WRITE,   /* writing: @done of @total documents */
} SpanmarkImportStage;

/* Called now and then during an import (after each block read, each
 * document written), for a progress line.  @file is NULL when writing. */
typedef void (*SpanmarkImportProgressFunc) (SpanmarkImportStage  stage,
                                            const char          *file,
                                            guint64              done,
                                            guint64              total,
                                            gpointer             user_data);

/* Zero is the default of every member. */
typedef struct
{
  const char           *annotator;  /* owns imported spans; NULL means "imported" */
  SpanmarkTextEncoding  encoding;   /* of .txt files */
  /* For a document the project has already (same text): replace the
   * annotator's own file for it instead of refusing. */
  gboolean              replace;
  /* Add the labels the input uses that the schema lacks, instead of
   * refusing (each with a key and colour by the label rules). */
  gboolean              add_labels;
  /* JSON lines: import the valid lines, warning about each one skipped. */
  gboolean              skip_invalid;
  /* Read every file as this format, whatever its name; NULL: by name. */
  const SpanmarkImportFormat *format;
  /* CoNLL-style files (the format with columns of tokens and tags). */
  SpanmarkImportScheme  scheme;
  SpanmarkImportJoin    join;
  guint                 tag_column;              /* from 1; 0: the last column */
  guint                 sentences_per_document;  /* 0: by -DOCSTART-, else the file */
  SpanmarkImportProgressFunc progress;
  gpointer              progress_data;
  /* Into a project without documents only (elsewhere ignored): each added
   * document's index entry is written to a temporary file beside
   * spanmark.json as it is made, instead of being kept in the project,
   * and the import ends by writing spanmark.json itself (the same bytes
   * spanmark_project_save() would write), after every document file is
   * durable: memory does not grow with the number of documents.  The
   * report then says @index_written, and the project, which does not hold
   * those documents, refuses to be saved: open it again to use it. */
  gboolean              stream_index;
} SpanmarkImportOptions;

/* What an import did, beyond the documents it added. */
typedef struct
{
  guint      documents_added;       /* new documents */
  guint      annotations_added;     /* files added to documents the project had */
  guint      annotations_replaced;  /* of those, replacing the annotator's own (replace) */
  guint      already_there;         /* documents the project had with nothing new for them */
  GPtrArray *labels_added;          /* char*: names of the labels add_labels added, in order */
  GPtrArray *warnings;              /* char*: "FILE: line N: …", what did not stop the import */
  GPtrArray *notices;               /* char*: "FILE: …", what was found (schemes, joins, documents already there) */
  /* The import wrote spanmark.json itself (SpanmarkImportOptions's
   * stream_index): the caller must not save the project. */
  gboolean   index_written;
} SpanmarkImportReport;

void spanmark_import_report_init  (SpanmarkImportReport *report);
void spanmark_import_report_clear (SpanmarkImportReport *report);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpanmarkImportReport, spanmark_import_report_clear)

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

/* spanmark_import_files() with the whole report: also adds @options'
 * annotator's work to documents the project has when the text is the
 * same (SHA-256 of the normalised text): a different text for an
 * existing id is an error, and so is an annotator's own file for such a
 * document unless @options->replace (or it already holds exactly what
 * would be written).  Labels the input adds (@options->add_labels) are
 * written to spanmark.json before any annotation file, so the project
 * stays valid after a kill.  @report may be NULL.  FALSE with @error,
 * nothing written, when any file is bad. */
gboolean spanmark_import_run (SpanmarkProject             *project,
                              GFile                      **files,
                              guint                        n_files,
                              const SpanmarkImportOptions *options,
                              SpanmarkImportReport        *report,
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
