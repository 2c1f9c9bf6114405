/* spanmark-agreement.h — inter-annotator agreement: κ, span F1, α, Fleiss' κ
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The definitions are those of docs/review.md:
 *   units      every code point of a document that is not white space (the
 *              conll export's token rule, spanmark_text_is_white_space());
 *   category   of a unit for one annotator: the label of the span the conll
 *              export keeps over it (outermost, spanmark_export_flatten_spans())
 *              or O;
 *   documents  those the annotator has a file for; for a pair, those both
 *              have; a missing file is missing data, never "all O".
 * A SpanmarkAgreement accumulates counts one document at a time and keeps
 * no text or spans, so memory does not grow with the corpus.
 */

#pragma once

#include <gio/gio.h>

#include "spanmark-project.h"

G_BEGIN_DECLS

#define SPANMARK_AGREEMENT_ERROR (spanmark_agreement_error_quark ())

typedef enum
{
  SPANMARK_AGREEMENT_ERROR_UNKNOWN_ANNOTATOR,    /* a named annotator has no folder */
  SPANMARK_AGREEMENT_ERROR_TOO_FEW_ANNOTATORS,   /* fewer than two to compare */
  SPANMARK_AGREEMENT_ERROR_DUPLICATE_ANNOTATOR,  /* the same name twice */
} SpanmarkAgreementError;

GQuark spanmark_agreement_error_quark (void);

/* Why a figure has no value. */
typedef enum
{
  SPANMARK_FIGURE_DEFINED,
  SPANMARK_FIGURE_NO_DOCUMENTS,       /* no document to compare */
  SPANMARK_FIGURE_NO_UNITS,           /* documents, but no unit in them */
  SPANMARK_FIGURE_SINGLE_CATEGORY,    /* every value is one category: chance agreement is 1 */
  SPANMARK_FIGURE_NO_SPANS,           /* F1 with no span on either side */
  SPANMARK_FIGURE_TOO_FEW_ANNOTATORS, /* Fleiss' κ needs three or more */
} SpanmarkFigureReason;

/* A figure, or the reason it is undefined (@value is then 0 and must not
 * be shown as a number). */
typedef struct
{
  double               value;
  SpanmarkFigureReason reason;
} SpanmarkFigure;

/* "no-documents", "no-units", "single-category", "no-spans",
 * "too-few-annotators"; NULL for SPANMARK_FIGURE_DEFINED. */
const char     *spanmark_figure_reason_to_string (SpanmarkFigureReason reason);

/* The formulas, on counts (tested on hand-made cases).
 *
 * Cohen's κ from an n × n confusion matrix (row: first annotator's
 * category, column: second's): (A_o − A_e) / (1 − A_e), A_e from each
 * annotator's own marginals. */
SpanmarkFigure  spanmark_agreement_cohen_kappa   (const guint64 *confusion,
                                                  guint          n_categories);
/* Exact span F1: 2·both / (2·both + a_only + b_only). */
SpanmarkFigure  spanmark_agreement_span_f1       (guint64        both,
                                                  guint64        a_only,
                                                  guint64        b_only);
/* Krippendorff's α (nominal) from the coincidence matrix: o[c][k] =
 * Σ over pairable units u of (ordered pairs of values c, k from different
 * annotators in u) / (m_u − 1). */
SpanmarkFigure  spanmark_agreement_alpha         (const double  *coincidence,
                                                  guint          n_categories);
/* Fleiss' κ from @pairs[c][k] = Σ over units of the ordered pairs of
 * values (c, k) from different annotators, every unit having
 * @n_annotators values. */
SpanmarkFigure  spanmark_agreement_fleiss_kappa  (const guint64 *pairs,
                                                  guint          n_categories,
                                                  guint          n_annotators);

/* The figures of one pair of annotators (or one label of a pair: then
 * @kappa is the binary "this label or not" κ and the span counts are
 * that label's). */
typedef struct
{
  guint          a;            /* annotator indexes, a < b */
  guint          b;
  guint          n_documents;  /* documents both have */
  guint64        n_units;
  SpanmarkFigure kappa;
  SpanmarkFigure span_f1;
  guint64        both;         /* spans equal in start, end and label */
  guint64        a_only;
  guint64        b_only;
} SpanmarkPairFigures;

typedef struct _SpanmarkAgreement SpanmarkAgreement;

#define SPANMARK_TYPE_AGREEMENT (spanmark_agreement_get_type ())

GType              spanmark_agreement_get_type        (void) G_GNUC_CONST;

/* An empty accumulator comparing @annotators (two or more names, in the
 * order to report them) over the labels of @schema.  With @by_document
 * it also keeps each document's pair figures (a few numbers per document,
 * never its text). */
SpanmarkAgreement *spanmark_agreement_new             (const char * const *annotators,
                                                       SpanmarkSchema     *schema,
                                                       gboolean            by_document);
SpanmarkAgreement *spanmark_agreement_ref             (SpanmarkAgreement  *self);
void               spanmark_agreement_unref           (SpanmarkAgreement  *self);

/* Adds one document.  @spans has one entry per annotator, in the order
 * given to spanmark_agreement_new(): a GPtrArray of SpanmarkSpan* in
 * spanmark_span_compare order (nested spans allowed), or NULL when that
 * annotator has no file for the document.  Every span must lie inside
 * the text and carry a label of the schema. */
void               spanmark_agreement_add_document    (SpanmarkAgreement  *self,
                                                       const char         *document_id,
                                                       const char         *text,
                                                       gssize              length,
                                                       GPtrArray * const  *spans);

/* The annotators to compare: @annotators, each checked to have a folder
 * in @project and to be named once, or (@annotators NULL) every annotator
 * of the project but "_curated".  Fewer than two is an error too; all
 * errors are SPANMARK_AGREEMENT_ERROR, with a message naming the
 * annotator. */
GStrv              spanmark_agreement_resolve_annotators (SpanmarkProject    *project,
                                                          const char * const *annotators,
                                                          GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* Reads @project one document at a time and adds every document.
 * @annotators: the names to compare (NULL: every annotator of the project
 * but "_curated").  @done_only: only files with status done (reviewed for
 * "_curated").  Fails with SPANMARK_AGREEMENT_ERROR for a name that has
 * no folder, the same name twice or fewer than two annotators, and with
 * the loader's error (naming the file and place) for a file that does not
 * load. */
SpanmarkAgreement *spanmark_agreement_run             (SpanmarkProject    *project,
                                                       const char * const *annotators,
                                                       gboolean            done_only,
                                                       gboolean            by_document,
                                                       GCancellable       *cancellable,
                                                       GError            **error) G_GNUC_WARN_UNUSED_RESULT;

guint              spanmark_agreement_get_n_annotators (SpanmarkAgreement *self);
const char        *spanmark_agreement_get_annotator   (SpanmarkAgreement  *self,
                                                       guint               index);
/* Documents annotator @index has a file for (with the status asked). */
guint              spanmark_agreement_get_n_annotator_documents (SpanmarkAgreement *self,
                                                                 guint              index);
guint              spanmark_agreement_get_n_labels    (SpanmarkAgreement  *self);
const char        *spanmark_agreement_get_label       (SpanmarkAgreement  *self,
                                                       guint               index);

/* Pairs in order (0,1), (0,2), … (1,2), …: n·(n−1)/2 of them. */
guint              spanmark_agreement_get_n_pairs     (SpanmarkAgreement  *self);
void               spanmark_agreement_get_pair        (SpanmarkAgreement  *self,
                                                       guint               pair,
                                                       SpanmarkPairFigures *figures);
void               spanmark_agreement_get_pair_label  (SpanmarkAgreement  *self,
                                                       guint               pair,
                                                       guint               label,
                                                       SpanmarkPairFigures *figures);

/* Krippendorff's α over every unit at least two annotators categorised;
 * stores how many units that is. */
SpanmarkFigure     spanmark_agreement_get_alpha       (SpanmarkAgreement  *self,
                                                       guint64            *n_units);
/* Fleiss' κ over the documents every annotator has (three or more
 * annotators); stores how many documents and units. */
SpanmarkFigure     spanmark_agreement_get_fleiss_kappa (SpanmarkAgreement *self,
                                                        guint             *n_documents,
                                                        guint64           *n_units);

/* With @by_document: the documents at least two annotators have, worst
 * first — by their lowest pairwise κ, then lowest span F1 (an undefined
 * figure counts as 1: both annotators used one category, or neither made
 * a span, which is full agreement), then in the order added. */
guint              spanmark_agreement_get_n_documents (SpanmarkAgreement  *self);
const char        *spanmark_agreement_get_document    (SpanmarkAgreement  *self,
                                                       guint               index);
/* FALSE if the pair does not share that document. */
gboolean           spanmark_agreement_get_document_pair (SpanmarkAgreement   *self,
                                                         guint                index,
                                                         guint                pair,
                                                         SpanmarkPairFigures *figures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkAgreement, spanmark_agreement_unref)

G_END_DECLS
