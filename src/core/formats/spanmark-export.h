/* spanmark-export.h — training-data export in the formats of the table
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formats are listed by spanmark-export-format.h; the byte layouts
 * are described in docs/formats.md.  An export streams:
 * it loads one document's text and annotations at a time, writes it and
 * drops it, so memory does not grow with the corpus.  Every file is written
 * under a temporary name and renamed into place only when the whole export
 * succeeded; a failed or cancelled export leaves nothing behind.
 */

#pragma once

#include <gio/gio.h>

#include "spanmark-export-format.h"
#include "spanmark-export-report.h"
#include "spanmark-export-split.h"
#include "spanmark-project.h"

G_BEGIN_DECLS

#define SPANMARK_EXPORT_ERROR (spanmark_export_error_quark ())

typedef enum
{
  SPANMARK_EXPORT_ERROR_OPTIONS,     /* unusable options (bad split, stdout for a folder format) */
  SPANMARK_EXPORT_ERROR_ANNOTATOR,   /* no annotator given and not exactly one in the project */
  SPANMARK_EXPORT_ERROR_LABEL,       /* a span's label is not in the schema (a format that numbers its tags) */
} SpanmarkExportError;

GQuark spanmark_export_error_quark (void);

typedef enum
{
  SPANMARK_EXPORT_SCHEME_BIO,
  SPANMARK_EXPORT_SCHEME_BIOES,
} SpanmarkExportScheme;

/* What separates a token from its tag in a line of the formats that take
 * SPANMARK_EXPORT_OPTION_DELIMITER. */
typedef enum
{
  SPANMARK_EXPORT_DELIMITER_SPACE,
  SPANMARK_EXPORT_DELIMITER_TAB,
} SpanmarkExportDelimiter;

/* "bio", "bioes". */
const char *spanmark_export_scheme_to_string      (SpanmarkExportScheme     scheme);
gboolean    spanmark_export_scheme_from_string    (const char              *str,
                                                   SpanmarkExportScheme    *scheme);
/* "space", "tab". */
const char *spanmark_export_delimiter_to_string   (SpanmarkExportDelimiter  delimiter);
gboolean    spanmark_export_delimiter_from_string (const char              *str,
                                                   SpanmarkExportDelimiter *delimiter);

/* The options a format does not take (spanmark_export_format_get_options())
 * are ignored. */
typedef struct
{
  const SpanmarkExportFormat *format;
  SpanmarkExportScheme        scheme;     /* SPANMARK_EXPORT_OPTION_SCHEME */
  gboolean                    docstart;   /* SPANMARK_EXPORT_OPTION_DOCSTART: a marker before each document */
  SpanmarkExportDelimiter     delimiter;  /* SPANMARK_EXPORT_OPTION_DELIMITER */
  const char                 *annotator;  /* an annotator or SPANMARK_CURATED_ANNOTATOR; NULL: the only one */
  gboolean                    done_only;  /* only documents with status done (reviewed for "_curated") */
  gboolean                    split;      /* write train/dev/test */
  guint                       split_percent[SPANMARK_EXPORT_N_PARTS];  /* e.g. 80, 10, 10; sums to 100 */
  guint64                     seed;
} SpanmarkExportOptions;

/* Defaults: the table's first format, bio, no markers, a space,
 * annotator NULL, all documents, no split, 80/10/10, seed 0. */
void        spanmark_export_options_init       (SpanmarkExportOptions *options);

/* The annotator an export uses when none is given: the only annotator
 * of the project other than "_curated".  Otherwise fails with
 * SPANMARK_EXPORT_ERROR_ANNOTATOR and a message listing them. */
char       *spanmark_export_pick_annotator     (SpanmarkProject       *project,
                                                GError               **error) G_GNUC_WARN_UNUSED_RESULT;

/* Called in the exporting thread after each document (and once with
 * @n_done == 0 before the first). */
typedef void (*SpanmarkExportProgressFunc) (guint       n_done,
                                            guint       n_total,
                                            const char *document_id,
                                            gpointer    user_data);

/* Exports @project as @options say.
 *
 * @destination: for a one-file format without a split
 * (spanmark_export_format_writes_folder()), the file to write (its folder
 * must exist), or %NULL for standard output.  A regular file is replaced
 * atomically, a symbolic link's target rather than the link; a FIFO or a
 * device is written into directly (and keeps what was written before an
 * error); a folder or socket is refused.  Otherwise a folder (created if
 * missing; files already in it with the same names are replaced), with
 * what the format writes there: train/dev/test + the format's extension
 * with a split, and the format's own files (docs/formats.md).
 *
 * Loads one document at a time (spanmark_project_load_annotations), so
 * memory stays flat.  Calls @progress after each document; checks
 * @cancellable between documents.  On success returns TRUE and, if @report
 * is not %NULL, stores a new report.  On error or cancellation nothing is
 * left at @destination that was not there before. */
gboolean    spanmark_export_run                (SpanmarkProject             *project,
                                                const SpanmarkExportOptions *options,
                                                GFile                       *destination,
                                                SpanmarkExportProgressFunc   progress,
                                                gpointer                     user_data,
                                                SpanmarkExportReport       **report,
                                                GCancellable                *cancellable,
                                                GError                     **error);

/* The spans a flat format keeps: outermost first — sorted by start, then
 * longest — a span is kept if it does not overlap a span already kept.
 * @spans are SpanmarkSpan* in spanmark_span_compare order; returns the
 * kept ones (borrowed pointers) and stores the number dropped. */
GPtrArray  *spanmark_export_flatten_spans      (GPtrArray             *spans,
                                                guint                 *n_dropped) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
