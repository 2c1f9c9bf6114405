/* spanmark-import-format-private.h — what an import format is made of
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import runs in two passes (spanmark-import.c): first every file is
 * read and checked; then, if all were good, every file is read again and
 * each document written as it is built.  A format reads its files the
 * same way in both: it turns their bytes into documents with
 * _spanmark_import_build_document(), which normalises the text, checks
 * and remaps the spans and, in the second pass, writes the document.
 * So a format holds one document at a time, never its whole file.
 *
 * A format that reads lines (large files) sets .streams and reads them
 * with _spanmark_import_read_lines(), which streams a file in blocks.
 *
 * To add a format: a file spanmark-import-NAME.c defining
 * _spanmark_import_format_NAME, its entry in the table
 * (spanmark-import-format.c), the file in formats/meson.build and
 * po/POTFILES.in, and tests.  Private to the import (formats/).
 */

#pragma once

#include <json-glib/json-glib.h>

#include "spanmark-import.h"
#include "spanmark-import-format.h"

G_BEGIN_DECLS

/* A span as read from the input, with offsets into the original
 * (not yet normalised) text. */
typedef struct
{
  gint64      start;
  gint64      end;
  char       *label;
  char       *entity;     /* entity id within the document, or NULL */
  GHashTable *attrs;      /* char* -> char* */
  char       *expected;   /* covered text given by the input, or NULL */
  gboolean    loose;      /* brat: compare text loosely, warn only */
  guint       line;
  char       *source;     /* "spans[2]", "T3": where it came from */
  /* Its strings (not @attrs) belong to its reader, which frees them:
   * the fast JSON lines reader keeps a line's in one string chunk. */
  gboolean    borrowed;
} RawSpan;

typedef struct
{
  char       *id;
  char       *label;
  char       *name;       /* NULL: the text of the first mention */
  GHashTable *attrs;
  guint       line;
  char       *source;
  gboolean    borrowed;   /* as RawSpan's */
} RawEntity;

typedef struct
{
  char                  *id;
  char                  *title;
  JsonObject            *meta;
  char                  *text;      /* normalised; NULL when @set holds it */
  SpanmarkAnnotationSet *set;       /* NULL when there is nothing to save */
  /* The project's document this adds the annotator's work to (borrowed),
   * or NULL for a new document. */
  SpanmarkDocument      *existing;
  gboolean               replaces;  /* over the annotator's own file */
} PendingDoc;

typedef struct
{
  SpanmarkProject             *project;
  const SpanmarkImportOptions *options;   /* never NULL */
  const char                  *annotator;
  SpanmarkTextEncoding         encoding;
  SpanmarkSchema              *schema;    /* the project's labels and those added */
  GPtrArray                   *docs;      /* PendingDoc */
  /* The document ids of this batch, each where it was read: a set of
   * keys in @id_chunk, "ID", a NUL, then the index in @id_files of the
   * file and the line, 32 bits each (not an allocation or two an id). */
  GHashTable                  *ids;
  GStringChunk                *id_chunk;
  GPtrArray                   *id_files;  /* char*: the files ids came from, as messages name them */
  GString                     *id_key;    /* a key being made */
  GHashTable                  *renamed;   /* a label as read -> the name the rules take it as */
  SpanmarkImportReport        *report;    /* never NULL */
  GPtrArray                   *warnings;  /* the report's */
  GPtrArray                   *notices;   /* the report's */
  /* An import reads its input twice, never holding more than one
   * document: the first pass checks every document and keeps only what
   * the checks of later ones need (@ids, @schema); the second
   * (@writing) reads the same documents again and writes each as it is
   * built.  Only _spanmark_import_check_data() keeps the documents
   * (@keep: in @docs).  Into a project without documents, the one
   * pass (@one_pass, @writing) checks and writes as it reads. */
  gboolean                     keep;
  gboolean                     writing;
  gboolean                     one_pass;
  /* The one pass, its index written as it goes (stream_index). */
  gboolean                     streamed;
  guint                        n_to_write;  /* documents the first pass found to write */
  guint                        n_written;
} Importer;

/* The bytes a format reads: one file, and for a format that has
 * companions (a .txt and brat's .ann beside it) the companion's.  A
 * format that streams gets @file and no @data when it reads a file
 * (_spanmark_import_read_lines() reads either). */
typedef struct
{
  const char                 *display;            /* the file as messages name it */
  const char                 *stem;               /* its name without the extension */
  const char                 *data;
  gsize                       len;
  const SpanmarkImportFormat *companion;          /* NULL: no companion file */
  const char                 *companion_display;
  const char                 *companion_data;
  gsize                       companion_len;
  GFile                      *file;               /* a streaming format's file, or NULL */
} SpanmarkImportInput;

struct _SpanmarkImportFormat
{
  const char          *name;            /* "plain-text" */
  const char          *extension;       /* ".txt" (compared without case) */
  /* More extensions of its files (".bio"), NULL-terminated, or NULL. */
  const char * const  *more_extensions;
  const char          *usage;           /* "NAME.txt": import --help and messages */
  const char          *description;     /* N_(): import --help, lines of at most 50 columns */
  /* A companion format: its files go with a file of the format whose
   * extension this is (brat: an .ann with its .txt), which reads them
   * through parse_companion; such a format has no read.  One named
   * without that file is an error, @missing_message (N_(), "%s": the
   * file's name). */
  const char          *companion_of;
  const char          *missing_message;
  /* Files of the format's own tool that hold no documents ("annotation.conf"):
   * skipped with ignored_message (N_()) as a warning. */
  const char * const  *ignored_files;
  const char          *ignored_message;
  /* A file without an extension is taken for this format when it
   * starts, after white space, with @sniff. */
  const char          *sniff;

  /* Reads its files a line at a time, never whole: @read gets the
   * file in the input, not its bytes. */
  gboolean             streams;

  gboolean (*read)            (Importer                   *imp,
                               const SpanmarkImportInput  *input,
                               GError                    **error);
  /* Reads a companion's text (decoded and normalised like its file's)
   * into RawSpan and RawEntity. */
  gboolean (*parse_companion) (Importer                   *imp,
                               const char                 *display,
                               const char                 *text,
                               GPtrArray                  *spans,
                               GPtrArray                  *entities,
                               GError                    **error);
};

/* The length of @basename's extension if it is one of @format's
 * (without case), else 0. */
gsize      _spanmark_import_format_match_extension (const SpanmarkImportFormat *format,
                                                    const char                 *basename);

RawSpan   *_spanmark_import_raw_span_new     (void);
void       _spanmark_import_raw_span_free    (RawSpan      *span);
RawEntity *_spanmark_import_raw_entity_new   (void);
void       _spanmark_import_raw_entity_free  (RawEntity    *entity);
/* Text order: by start, then longest first. */
int        _spanmark_import_raw_span_compare (gconstpointer a,
                                              gconstpointer b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RawSpan, _spanmark_import_raw_span_free)

/* "FILE: line N: MESSAGE" (or "FILE: MESSAGE" when @line is 0), the form
 * of every import error and warning. */
void       _spanmark_import_set_error        (GError     **error,
                                              int          code,
                                              const char  *file,
                                              guint        line,
                                              const char  *format,
                                              ...) G_GNUC_PRINTF (5, 6);
void       _spanmark_import_add_warning      (Importer    *imp,
                                              const char  *file,
                                              guint        line,
                                              const char  *format,
                                              ...) G_GNUC_PRINTF (4, 5);
/* A notice about what was found ("3 documents, IOB2"), "FILE: …". */
void       _spanmark_import_add_notice       (Importer    *imp,
                                              const char  *file,
                                              guint        line,
                                              const char  *format,
                                              ...) G_GNUC_PRINTF (4, 5);
/* Says how far the reading of @input has come: @done of @total. */
void       _spanmark_import_progress_read    (Importer                  *imp,
                                              const SpanmarkImportInput *input,
                                              guint64                    done,
                                              guint64                    total);

/* One line of the input, without its "\n" (and a "\r" before it);
 * @number counts from 1.  Return FALSE with @error to stop, or FALSE
 * without an error to stop early without one. */
typedef gboolean (*SpanmarkImportLineFunc) (Importer    *imp,
                                            const char  *line,
                                            gsize        len,
                                            guint        number,
                                            gpointer     user_data,
                                            GError     **error);
/* Calls @func for every line of @input: of its bytes, or read from its
 * file in blocks (a streaming format's).  Progress is reported as pass
 * @pass (from 0) of @n_passes over the input.  FALSE when @func set an
 * error or the file cannot be read (the error names it). */
gboolean   _spanmark_import_read_lines       (Importer                   *imp,
                                              const SpanmarkImportInput  *input,
                                              guint                       pass,
                                              guint                       n_passes,
                                              SpanmarkImportLineFunc      func,
                                              gpointer                    user_data,
                                              GError                    **error);

/* The line (from 1) of the byte @offset of @data. */
guint      _spanmark_import_line_of_byte     (const char  *data,
                                              gsize        offset);

/* Normalises the text @data (@len bytes in @encoding; errors about it
 * name @text_display), checks and remaps the spans (errors name @display
 * and @line) and queues the document @id: a new one, or, when the project
 * has @id with the same text, the annotator's work on it.  @raw_spans and
 * @raw_entities may be NULL. */
gboolean   _spanmark_import_build_document   (Importer             *imp,
                                              const char           *display,
                                              const char           *text_display,
                                              guint                 line,
                                              const char           *id,
                                              const char           *title,
                                              JsonObject           *meta,
                                              const char           *data,
                                              gsize                 len,
                                              SpanmarkTextEncoding  encoding,
                                              GPtrArray            *raw_spans,
                                              GPtrArray            *raw_entities,
                                              GError              **error);

G_END_DECLS
