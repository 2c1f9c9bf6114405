/* spanmark-export-format-private.h — what an export format is made of
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A format is a SpanmarkExportFormat: its names and words, what it
 * writes, the options it takes, and three functions the run calls —
 * begin once, write_document for each document, finish once — with a
 * SpanmarkExportContext.  The run reads the documents, splits them,
 * flattens the spans for a flat format, keeps the report and owns the
 * output files; a format only turns a document into bytes.
 *
 * To add a format: a file spanmark-export-NAME.c defining
 * _spanmark_export_format_NAME, its entry in the table
 * (spanmark-export-format.c), the file in formats/meson.build and
 * po/POTFILES.in, and expected files in tests/export/expected/.
 */

#pragma once

#include "spanmark-export.h"
#include "spanmark-export-output.h"
#include "spanmark-export-private.h"

G_BEGIN_DECLS

typedef enum
{
  /* Cannot hold nested or overlapping spans: the run keeps the
   * outermost (spanmark_export_flatten_spans()) and reports the rest. */
  SPANMARK_EXPORT_FORMAT_FLAT         = 1 << 0,
  /* Writes a folder even without a split. */
  SPANMARK_EXPORT_FORMAT_FOLDER       = 1 << 1,
  /* Writes files of its own for each document instead of one stream of
   * bytes (with a split, into a folder per part). */
  SPANMARK_EXPORT_FORMAT_PER_DOCUMENT = 1 << 2,
} SpanmarkExportFormatFlags;

/* One export in progress, as a format sees it. */
typedef struct
{
  const SpanmarkExportFormat  *format;
  const SpanmarkExportOptions *options;
  SpanmarkProject             *project;
  SpanmarkSchema              *schema;
  const char                  *annotator;
  /* Where it goes: streams 0..2 are the parts of a split (or stream 0
   * alone); per-document formats write files, with a split into the
   * part's folder (spanmark_export_part_to_string()). */
  SpanmarkExportOutput        *output;
  /* The format's own, made by begin () and freed by free_state (). */
  gpointer                     state;
} SpanmarkExportContext;

/* One document handed to a format. */
typedef struct
{
  const ExportDoc    *doc;
  const char         *id;
  SpanmarkExportPart  part;
  /* The spans to write for a flat format (const SpanmarkSpan*, the
   * outermost), NULL otherwise (then all of doc->spans). */
  GPtrArray          *kept;
  /* The part's stream; NULL for a per-document format. */
  GString            *out;
} SpanmarkExportItem;

struct _SpanmarkExportFormat
{
  const char                *name;          /* --format NAME */
  const char                *title;         /* N_(): a list of formats (the dialog) */
  const char                *description;   /* N_(): export --help */
  const char                *example;       /* export --help: "--format NAME …", or NULL */
  /* The stream's file: in a folder of a split, PART + extension; without
   * a split, file_name (hf: inside its folder; a one-file format: the
   * name the dialog gives it in the chosen folder).  Both NULL for a
   * per-document format. */
  const char                *extension;
  const char                *file_name;
  const char                *layout;        /* N_(): what the chosen folder gets (the dialog) */
  const char                *split_layout;  /* N_(): the same with a split */
  SpanmarkExportFormatFlags  flags;
  SpanmarkExportOptionFlags  options;

  /* begin: after the output is ready, before the first document
   * (NULL: nothing to do).  write_document: each document, in order.
   * finish: after the last document, before the files are moved into
   * place: the files beside the data, labels or configuration (NULL:
   * none). */
  gboolean (*begin)          (SpanmarkExportContext     *context,
                              GError                   **error);
  gboolean (*write_document) (SpanmarkExportContext     *context,
                              const SpanmarkExportItem  *item,
                              GError                   **error);
  gboolean (*finish)         (SpanmarkExportContext     *context,
                              GError                   **error);
  void     (*free_state)     (gpointer                   state);
};

G_END_DECLS
