/* spanmark-export.h — training-data export: CoNLL, JSONL, doccano, HF, brat
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The byte layouts are described in docs/formats.md.  An export streams:
 * it loads one document's text and annotations at a time, writes it and
 * drops it, so memory does not grow with the corpus.  Every file is written
 * under a temporary name and renamed into place only when the whole export
 * succeeded; a failed or cancelled export leaves nothing behind.
 */

#pragma once

#include <gio/gio.h>

#include "spanmark-project.h"

G_BEGIN_DECLS

#define SPANMARK_EXPORT_ERROR (spanmark_export_error_quark ())

typedef enum
{
  SPANMARK_EXPORT_ERROR_OPTIONS,     /* unusable options (bad split, stdout for a folder format) */
  SPANMARK_EXPORT_ERROR_ANNOTATOR,   /* no annotator given and not exactly one in the project */
  SPANMARK_EXPORT_ERROR_LABEL,       /* a span's label is not in the schema (hf) */
} SpanmarkExportError;

GQuark spanmark_export_error_quark (void);

typedef enum
{
  SPANMARK_EXPORT_FORMAT_CONLL,
  SPANMARK_EXPORT_FORMAT_JSONL,
  SPANMARK_EXPORT_FORMAT_DOCCANO,
  SPANMARK_EXPORT_FORMAT_HF,
  SPANMARK_EXPORT_FORMAT_BRAT,
} SpanmarkExportFormat;

#define SPANMARK_EXPORT_N_FORMATS 5

typedef enum
{
  SPANMARK_EXPORT_SCHEME_BIO,
  SPANMARK_EXPORT_SCHEME_BIOES,
} SpanmarkExportScheme;

/* The three parts of a split, in file order. */
typedef enum
{
  SPANMARK_EXPORT_PART_TRAIN,
  SPANMARK_EXPORT_PART_DEV,
  SPANMARK_EXPORT_PART_TEST,
} SpanmarkExportPart;

#define SPANMARK_EXPORT_N_PARTS 3

/* "conll", "jsonl", "doccano", "hf", "brat". */
const char *spanmark_export_format_to_string   (SpanmarkExportFormat  format);
gboolean    spanmark_export_format_from_string (const char           *str,
                                                SpanmarkExportFormat *format);
/* "bio", "bioes". */
const char *spanmark_export_scheme_to_string   (SpanmarkExportScheme  scheme);
gboolean    spanmark_export_scheme_from_string (const char           *str,
                                                SpanmarkExportScheme *scheme);
/* "train", "dev", "test". */
const char *spanmark_export_part_to_string     (SpanmarkExportPart    part);

/* TRUE for the formats that cannot hold nested or overlapping spans
 * (conll, hf): they keep the outermost spans and report the rest. */
gboolean    spanmark_export_format_is_flat     (SpanmarkExportFormat  format);
/* TRUE if the export writes a folder (hf, brat, or any format with a
 * split); FALSE if it writes one file (or standard output). */
gboolean    spanmark_export_format_writes_folder (SpanmarkExportFormat format,
                                                  gboolean             split);
/* The file name used when a single-file format is written into a chosen
 * folder (the export dialog): "data.conll", "data.jsonl", "doccano.jsonl". */
const char *spanmark_export_format_get_default_file_name (SpanmarkExportFormat format);

typedef struct
{
  SpanmarkExportFormat format;
  SpanmarkExportScheme scheme;     /* conll and hf only */
  const char          *annotator;  /* an annotator or SPANMARK_CURATED_ANNOTATOR; NULL: the only one */
  gboolean             done_only;  /* only documents with status done (reviewed for "_curated") */
  gboolean             split;      /* write train/dev/test */
  guint                split_percent[SPANMARK_EXPORT_N_PARTS];  /* e.g. 80, 10, 10; sums to 100 */
  guint64              seed;
} SpanmarkExportOptions;

/* Defaults: conll, bio, annotator NULL, all documents, no split,
 * 80/10/10, seed 0. */
void        spanmark_export_options_init       (SpanmarkExportOptions *options);
/* Parses "80/10/10" (three non-negative integers summing to 100). */
gboolean    spanmark_export_parse_split        (const char            *str,
                                                guint                  percent[SPANMARK_EXPORT_N_PARTS],
                                                GError               **error);

/* The annotator an export uses when none is given: the only annotator
 * of the project other than "_curated".  Otherwise fails with
 * SPANMARK_EXPORT_ERROR_ANNOTATOR and a message listing them. */
char       *spanmark_export_pick_annotator     (SpanmarkProject       *project,
                                                GError               **error) G_GNUC_WARN_UNUSED_RESULT;

/* Which part of a split each of @document_ids goes to: the ids are ordered
 * by the first 8 bytes (big-endian) of SHA-256("<seed>:<id>"), ties by id,
 * and the first round(n * train / 100) go to train, the next
 * round(n * (train + dev) / 100) - that to dev, the rest to test.  So the
 * same seed and the same documents always give the same parts.  Returns a
 * newly allocated array of @n_documents SpanmarkExportPart. */
SpanmarkExportPart *spanmark_export_assign_parts (const char * const *document_ids,
                                                  guint               n_documents,
                                                  const guint         percent[SPANMARK_EXPORT_N_PARTS],
                                                  guint64             seed) G_GNUC_WARN_UNUSED_RESULT;

/* Called in the exporting thread after each document (and once with
 * @n_done == 0 before the first). */
typedef void (*SpanmarkExportProgressFunc) (guint       n_done,
                                            guint       n_total,
                                            const char *document_id,
                                            gpointer    user_data);

/* What an export did. */
typedef struct _SpanmarkExportReport SpanmarkExportReport;

#define SPANMARK_TYPE_EXPORT_REPORT (spanmark_export_report_get_type ())

GType                 spanmark_export_report_get_type (void) G_GNUC_CONST;
SpanmarkExportReport *spanmark_export_report_ref      (SpanmarkExportReport *self);
void                  spanmark_export_report_unref    (SpanmarkExportReport *self);
/* The annotator whose work was exported. */
const char           *spanmark_export_report_get_annotator   (SpanmarkExportReport *self);
guint                 spanmark_export_report_get_n_documents (SpanmarkExportReport *self);
/* Documents written to one part (all in TRAIN without a split). */
guint                 spanmark_export_report_get_n_part_documents (SpanmarkExportReport *self,
                                                                   SpanmarkExportPart    part);
/* Spans written (after dropping). */
guint                 spanmark_export_report_get_n_spans     (SpanmarkExportReport *self);
/* Nested or overlapping spans dropped by a flat format, in all. */
guint                 spanmark_export_report_get_n_dropped   (SpanmarkExportReport *self);
/* The documents that had spans dropped, in export order: @index <
 * get_n_dropped_documents(); returns the id and stores the count. */
guint                 spanmark_export_report_get_n_dropped_documents (SpanmarkExportReport *self);
const char           *spanmark_export_report_get_dropped_document    (SpanmarkExportReport *self,
                                                                      guint                 index,
                                                                      guint                *n_dropped);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkExportReport, spanmark_export_report_unref)

/* Exports @project as @options say.
 *
 * @destination: for conll, jsonl and doccano without a split, the file to
 * write (its folder must exist), or %NULL for standard output.  A regular
 * file is replaced atomically, a symbolic link's target rather than the
 * link; a FIFO or a device is written into directly (and keeps what was
 * written before an error); a folder or socket is refused.  For hf,
 * brat and any split, a folder (created if missing; files already in it
 * with the same names are replaced): train.conll / dev.conll / test.conll,
 * data.jsonl or train/dev/test.jsonl plus labels.json (hf), <id>.txt +
 * <id>.ann + annotation.conf (brat; with a split in train/, dev/, test/).
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
