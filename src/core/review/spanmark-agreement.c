/* spanmark-agreement.c — inter-annotator agreement: κ, span F1, α, Fleiss' κ
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure comes from integer counts gathered one document at a time:
 * for each pair of annotators the confusion matrix of unit categories and
 * the span matches.  Krippendorff's α and Fleiss' κ need no more than
 * that: the ordered pairs of values inside a unit are exactly the cells
 * of the pairwise confusion matrices, grouped by how many annotators the
 * unit has (every annotator with a file categorises every unit of the
 * document, so that number is the same for all units of a document).
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "spanmark-agreement.h"
#include "spanmark-export.h"
#include "spanmark-export-private.h"
#include "spanmark-text.h"

G_DEFINE_QUARK (spanmark-agreement-error-quark, spanmark_agreement_error)

const char *
spanmark_figure_reason_to_string (SpanmarkFigureReason reason)
{
  switch (reason)
    {
    case SPANMARK_FIGURE_DEFINED: return NULL;
    case SPANMARK_FIGURE_NO_DOCUMENTS: return "no-documents";
    case SPANMARK_FIGURE_NO_UNITS: return "no-units";
    case SPANMARK_FIGURE_SINGLE_CATEGORY: return "single-category";
    case SPANMARK_FIGURE_NO_SPANS: return "no-spans";
    case SPANMARK_FIGURE_TOO_FEW_ANNOTATORS: return "too-few-annotators";
    default: g_return_val_if_reached (NULL);
    }
}

static SpanmarkFigure
figure_defined (double value)
{
  return (SpanmarkFigure) { value, SPANMARK_FIGURE_DEFINED };
}

static SpanmarkFigure
figure_undefined (SpanmarkFigureReason reason)
{
  return (SpanmarkFigure) { 0.0, reason };
}

/* The formulas. */

SpanmarkFigure
spanmark_agreement_cohen_kappa (const guint64 *confusion,
                                guint          n_categories)
{
  g_autofree guint64 *rows = NULL;
  g_autofree guint64 *columns = NULL;
  guint64 total = 0;
  guint64 diagonal = 0;
  double expected = 0.0;
  double observed;

  g_return_val_if_fail (confusion != NULL || n_categories == 0, figure_undefined (SPANMARK_FIGURE_NO_UNITS));

  rows = g_new0 (guint64, n_categories + 1);
  columns = g_new0 (guint64, n_categories + 1);
  for (guint c = 0; c < n_categories; c++)
    for (guint k = 0; k < n_categories; k++)
      {
        guint64 n = confusion[c * n_categories + k];

        rows[c] += n;
        columns[k] += n;
        total += n;
        if (c == k)
          diagonal += n;
      }

  if (total == 0)
    return figure_undefined (SPANMARK_FIGURE_NO_UNITS);

  /* Chance agreement is 1 only when both put every unit in the same one
   * category; κ is 0/0 then, and the result says so instead of NaN. */
  for (guint c = 0; c < n_categories; c++)
    if (rows[c] == total && columns[c] == total)
      return figure_undefined (SPANMARK_FIGURE_SINGLE_CATEGORY);

  for (guint c = 0; c < n_categories; c++)
    expected += ((double) rows[c] / (double) total) * ((double) columns[c] / (double) total);
  observed = (double) diagonal / (double) total;

  return figure_defined ((observed - expected) / (1.0 - expected));
}

SpanmarkFigure
spanmark_agreement_span_f1 (guint64 both,
                            guint64 a_only,
                            guint64 b_only)
{
  double denominator = 2.0 * (double) both + (double) a_only + (double) b_only;

  if (denominator == 0.0)
    return figure_undefined (SPANMARK_FIGURE_NO_SPANS);
  return figure_defined (2.0 * (double) both / denominator);
}

SpanmarkFigure
spanmark_agreement_alpha (const double *coincidence,
                          guint         n_categories)
{
  g_autofree double *values = NULL;
  double total = 0.0;
  double diagonal = 0.0;
  double squares = 0.0;
  guint n_used = 0;

  g_return_val_if_fail (coincidence != NULL || n_categories == 0, figure_undefined (SPANMARK_FIGURE_NO_UNITS));

  values = g_new0 (double, n_categories + 1);
  for (guint c = 0; c < n_categories; c++)
    {
      for (guint k = 0; k < n_categories; k++)
        values[c] += coincidence[c * n_categories + k];
      diagonal += coincidence[c * n_categories + c];
      total += values[c];
      squares += values[c] * values[c];
      if (values[c] > 0.0)
        n_used++;
    }

  if (total == 0.0)
    return figure_undefined (SPANMARK_FIGURE_NO_UNITS);
  /* One category only: expected disagreement is 0, α is 0/0. */
  if (n_used < 2)
    return figure_undefined (SPANMARK_FIGURE_SINGLE_CATEGORY);

  /* α = 1 − D_o / D_e, D_o = Σ_{c≠k} o_ck / n and
   * D_e = Σ_{c≠k} n_c n_k / (n (n − 1)). */
  return figure_defined (1.0 - (total - 1.0) * (total - diagonal) / (total * total - squares));
}

SpanmarkFigure
spanmark_agreement_fleiss_kappa (const guint64 *pairs,
                                 guint          n_categories,
                                 guint          n_annotators)
{
  g_autofree guint64 *rows = NULL;
  guint64 total = 0;
  guint64 diagonal = 0;
  double expected = 0.0;
  double observed;

  g_return_val_if_fail (pairs != NULL || n_categories == 0, figure_undefined (SPANMARK_FIGURE_NO_UNITS));
  if (n_annotators < 2)
    return figure_undefined (SPANMARK_FIGURE_TOO_FEW_ANNOTATORS);

  rows = g_new0 (guint64, n_categories + 1);
  for (guint c = 0; c < n_categories; c++)
    {
      for (guint k = 0; k < n_categories; k++)
        rows[c] += pairs[c * n_categories + k];
      diagonal += pairs[c * n_categories + c];
      total += rows[c];
    }

  if (total == 0)
    return figure_undefined (SPANMARK_FIGURE_NO_UNITS);
  for (guint c = 0; c < n_categories; c++)
    if (rows[c] == total)
      return figure_undefined (SPANMARK_FIGURE_SINGLE_CATEGORY);

  /* Each unit has r (r − 1) ordered pairs: P̄ is the share of agreeing
   * pairs, and p_c (the pooled share of category c) is row c's share. */
  observed = (double) diagonal / (double) total;
  for (guint c = 0; c < n_categories; c++)
    {
      double p = (double) rows[c] / (double) total;

      expected += p * p;
    }

  return figure_defined ((observed - expected) / (1.0 - expected));
}

/* The accumulator. */

/* One pair's figures on one document (with by_document). */
typedef struct
{
  gboolean       shared;
  guint64        n_units;
  SpanmarkFigure kappa;
  SpanmarkFigure span_f1;
  guint64        both;
  guint64        a_only;
  guint64        b_only;
} DocPair;

typedef struct
{
  const char *id;      /* in the string chunk */
  guint       order;
  double      worst_kappa;
  double      worst_f1;
  DocPair    *pairs;   /* into doc_pairs, n_pairs of them; set when sorting */
} DocRow;

/* A span as F1 compares them. */
typedef struct
{
  guint start;
  guint end;
  guint label;
} SpanKey;

struct _SpanmarkAgreement
{
  grefcount     ref_count;

  GPtrArray    *annotators;      /* char* */
  GPtrArray    *labels;          /* char*, the schema's labels */
  GHashTable   *label_index;     /* name -> GUINT_TO_POINTER (index + 1) */
  guint         n_annotators;
  guint         n_categories;    /* O + the labels */
  guint         n_pairs;

  guint        *annotator_documents;
  guint        *pair_documents;
  guint64      *confusion;       /* n_pairs × K × K */
  guint64      *span_counts;     /* n_pairs × labels × {both, a only, b only} */
  guint64      *value_pairs;     /* (n_annotators + 1) × K × K: ordered pairs of values in
                                  * units with m values, by m */
  guint         compared_documents;  /* documents at least two annotators have */
  guint         full_documents;      /* documents every annotator has */

  gboolean      by_document;
  GArray       *rows;            /* DocRow */
  GArray       *doc_pairs;       /* DocPair, n_pairs per row */
  GStringChunk *ids;
  gboolean      sorted;

  /* Scratch, reused from one document to the next. */
  GArray       *unit_of;         /* gint32 per code point: its unit, or -1 */
  GPtrArray    *categories;      /* GArray of guint32 per annotator: a category per unit */
  GPtrArray    *keys;            /* GArray of SpanKey per annotator, sorted */
  guint64      *scratch;         /* K × K: one pair's confusion on this document */
};

G_DEFINE_BOXED_TYPE (SpanmarkAgreement, spanmark_agreement,
                     spanmark_agreement_ref, spanmark_agreement_unref)

static guint
pair_index (SpanmarkAgreement *self,
            guint              a,
            guint              b)
{
  /* Pairs (0,1), (0,2), … (0,n−1), (1,2), … */
  return a * self->n_annotators - a * (a + 1) / 2 + (b - a - 1);
}

SpanmarkAgreement *
spanmark_agreement_new (const char * const *annotators,
                        SpanmarkSchema     *schema,
                        gboolean            by_document)
{
  SpanmarkAgreement *self;
  guint n_labels;
  guint k;

  g_return_val_if_fail (annotators != NULL, NULL);
  g_return_val_if_fail (g_strv_length ((char **) annotators) >= 2, NULL);
  g_return_val_if_fail (SPANMARK_IS_SCHEMA (schema), NULL);

  self = g_new0 (SpanmarkAgreement, 1);
  g_ref_count_init (&self->ref_count);

  self->annotators = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; annotators[i] != NULL; i++)
    g_ptr_array_add (self->annotators, g_strdup (annotators[i]));
  self->n_annotators = self->annotators->len;
  self->n_pairs = self->n_annotators * (self->n_annotators - 1) / 2;

  n_labels = spanmark_schema_get_n_labels (schema);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->label_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_labels; i++)
    {
      char *name = g_strdup (spanmark_schema_get_label (schema, i)->name);

      g_ptr_array_add (self->labels, name);
      g_hash_table_insert (self->label_index, name, GUINT_TO_POINTER (i + 1));
    }
  self->n_categories = k = n_labels + 1;

  self->annotator_documents = g_new0 (guint, self->n_annotators);
  self->pair_documents = g_new0 (guint, self->n_pairs);
  self->confusion = g_new0 (guint64, (gsize) self->n_pairs * k * k);
  self->span_counts = g_new0 (guint64, (gsize) self->n_pairs * n_labels * 3 + 1);
  self->value_pairs = g_new0 (guint64, (gsize) (self->n_annotators + 1) * k * k);

  self->by_document = by_document;
  self->rows = g_array_new (FALSE, FALSE, sizeof (DocRow));
  self->doc_pairs = g_array_new (FALSE, FALSE, sizeof (DocPair));
  self->ids = g_string_chunk_new (4096);

  self->unit_of = g_array_new (FALSE, FALSE, sizeof (gint32));
  self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < self->n_annotators; i++)
    {
      g_ptr_array_add (self->categories, g_array_new (FALSE, FALSE, sizeof (guint32)));
      g_ptr_array_add (self->keys, g_array_new (FALSE, FALSE, sizeof (SpanKey)));
    }
  self->scratch = g_new0 (guint64, (gsize) k * k);

  return self;
}

SpanmarkAgreement *
spanmark_agreement_ref (SpanmarkAgreement *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
spanmark_agreement_unref (SpanmarkAgreement *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->annotators);
  g_ptr_array_unref (self->labels);
  g_hash_table_unref (self->label_index);
  g_free (self->annotator_documents);
  g_free (self->pair_documents);
  g_free (self->confusion);
  g_free (self->span_counts);
  g_free (self->value_pairs);
  g_array_unref (self->rows);
  g_array_unref (self->doc_pairs);
  g_string_chunk_free (self->ids);
  g_array_unref (self->unit_of);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->keys);
  g_free (self->scratch);
  g_free (self);
}

/* Marks every code point of @text that is a unit and returns how many
 * there are; fills self->unit_of. */
static guint
index_units (SpanmarkAgreement *self,
             const char        *text,
             gsize              length)
{
  const char *end = text + length;
  guint n_units = 0;
  guint n = 0;
  gint32 *unit_of;

  /* At most one code point per byte. */
  g_array_set_size (self->unit_of, length);
  unit_of = (gint32 *) self->unit_of->data;
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      /* The conll export's token rule, whatever it becomes. */
      unit_of[n++] = spanmark_text_is_white_space (g_utf8_get_char (p)) ? -1 : (gint32) n_units++;
    }
  g_array_set_size (self->unit_of, n);

  return n_units;
}

static guint
label_of (SpanmarkAgreement  *self,
          const SpanmarkSpan *span)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->label_index, span->label));
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const SpanKey *ka = a;
  const SpanKey *kb = b;

  if (ka->start != kb->start)
    return ka->start < kb->start ? -1 : 1;
  if (ka->end != kb->end)
    return ka->end < kb->end ? -1 : 1;
  if (ka->label != kb->label)
    return ka->label < kb->label ? -1 : 1;
  return 0;
}

/* One annotator's categories (a unit's category: the label of the span
 * the conll export keeps over it, or 0 for O) and span keys. */
static void
read_annotator (SpanmarkAgreement *self,
                guint              annotator,
                GPtrArray         *spans,
                guint              n_units)
{
  GArray *categories = g_ptr_array_index (self->categories, annotator);
  GArray *keys = g_ptr_array_index (self->keys, annotator);
  const gint32 *unit_of = (const gint32 *) self->unit_of->data;
  g_autoptr(GPtrArray) kept = NULL;
  guint32 *category;

  g_array_set_size (categories, n_units);
  category = (guint32 *) categories->data;
  /* An empty GArray's data may be NULL, which memset must not get. */
  if (n_units > 0)
    memset (category, 0, n_units * sizeof (guint32));

  kept = spanmark_export_flatten_spans (spans, NULL);
  for (guint i = 0; i < kept->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (kept, i);
      guint label = label_of (self, span);

      for (guint p = span->start; p < span->end; p++)
        if (unit_of[p] >= 0)
          category[unit_of[p]] = label;
    }

  g_array_set_size (keys, spans->len);
  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);

      g_array_index (keys, SpanKey, i) = (SpanKey) { span->start, span->end, label_of (self, span) - 1 };
    }
  g_array_sort (keys, compare_keys);
}

/* Counts the spans of @a and @b equal in start, end and label (as
 * multisets), per label, into @counts (labels × 3). */
static void
match_spans (GArray  *a,
             GArray  *b,
             guint64 *counts)
{
  guint i = 0, j = 0;

  while (i < a->len || j < b->len)
    {
      const SpanKey *ka = i < a->len ? &g_array_index (a, SpanKey, i) : NULL;
      const SpanKey *kb = j < b->len ? &g_array_index (b, SpanKey, j) : NULL;
      int order = ka == NULL ? 1 : kb == NULL ? -1 : compare_keys (ka, kb);

      if (order == 0)
        {
          counts[ka->label * 3]++;
          i++, j++;
        }
      else if (order < 0)
        {
          counts[ka->label * 3 + 1]++;
          i++;
        }
      else
        {
          counts[kb->label * 3 + 2]++;
          j++;
        }
    }
}

/* Adds the document's confusion of one pair (in self->scratch, @n_values
 * annotators on the document) to the pooled counts. */
static void
add_pair_counts (SpanmarkAgreement *self,
                 guint              pair,
                 guint              n_values)
{
  guint k = self->n_categories;
  guint64 *pooled = self->confusion + (gsize) pair * k * k;
  guint64 *values = self->value_pairs + (gsize) n_values * k * k;

  for (guint c = 0; c < k; c++)
    for (guint d = 0; d < k; d++)
      {
        guint64 n = self->scratch[c * k + d];

        pooled[c * k + d] += n;
        /* Both orders of the pair of values. */
        values[c * k + d] += n;
        values[d * k + c] += n;
      }
}

static void
add_document_indexed (SpanmarkAgreement *self,
                      const char        *document_id,
                      const char        *text,
                      gsize              length,
                      GPtrArray * const *spans)
{
  guint n_labels = self->labels->len;
  guint k = self->n_categories;
  g_autofree guint64 *span_counts = g_new0 (guint64, n_labels * 3 + 1);
  guint n_units;
  guint n_values = 0;
  DocRow row = { NULL, self->rows->len, 1.0, 1.0, NULL };

  n_units = index_units (self, text, length);

  for (guint a = 0; a < self->n_annotators; a++)
    if (spans[a] != NULL)
      {
        read_annotator (self, a, spans[a], n_units);
        self->annotator_documents[a]++;
        n_values++;
      }

  if (n_values >= 2)
    self->compared_documents++;
  if (n_values == self->n_annotators)
    self->full_documents++;

  for (guint a = 0; a < self->n_annotators; a++)
    for (guint b = a + 1; b < self->n_annotators; b++)
      {
        guint pair = pair_index (self, a, b);
        DocPair doc_pair = { FALSE, 0, { 0.0, SPANMARK_FIGURE_NO_DOCUMENTS },
                             { 0.0, SPANMARK_FIGURE_NO_DOCUMENTS }, 0, 0, 0 };

        if (spans[a] != NULL && spans[b] != NULL)
          {
            const guint32 *ca = (const guint32 *) ((GArray *) g_ptr_array_index (self->categories, a))->data;
            const guint32 *cb = (const guint32 *) ((GArray *) g_ptr_array_index (self->categories, b))->data;

            memset (self->scratch, 0, (gsize) k * k * sizeof (guint64));
            for (guint u = 0; u < n_units; u++)
              self->scratch[ca[u] * k + cb[u]]++;
            add_pair_counts (self, pair, n_values);
            self->pair_documents[pair]++;

            memset (span_counts, 0, (n_labels * 3 + 1) * sizeof (guint64));
            match_spans (g_ptr_array_index (self->keys, a), g_ptr_array_index (self->keys, b), span_counts);

            doc_pair.shared = TRUE;
            doc_pair.n_units = n_units;
            doc_pair.kappa = spanmark_agreement_cohen_kappa (self->scratch, k);
            for (guint l = 0; l < n_labels; l++)
              {
                guint64 *pooled = self->span_counts + ((gsize) pair * n_labels + l) * 3;

                for (guint i = 0; i < 3; i++)
                  pooled[i] += span_counts[l * 3 + i];
                doc_pair.both += span_counts[l * 3];
                doc_pair.a_only += span_counts[l * 3 + 1];
                doc_pair.b_only += span_counts[l * 3 + 2];
              }
            doc_pair.span_f1 = spanmark_agreement_span_f1 (doc_pair.both, doc_pair.a_only, doc_pair.b_only);

            /* Undefined figures here mean full agreement (one category,
             * or no spans on either side). */
            if (doc_pair.kappa.reason == SPANMARK_FIGURE_DEFINED)
              row.worst_kappa = MIN (row.worst_kappa, doc_pair.kappa.value);
            if (doc_pair.span_f1.reason == SPANMARK_FIGURE_DEFINED)
              row.worst_f1 = MIN (row.worst_f1, doc_pair.span_f1.value);
          }

        if (self->by_document && n_values >= 2)
          g_array_append_val (self->doc_pairs, doc_pair);
      }

  if (self->by_document && n_values >= 2)
    {
      row.id = g_string_chunk_insert (self->ids, document_id);
      g_array_append_val (self->rows, row);
      self->sorted = FALSE;
    }
}

void
spanmark_agreement_add_document (SpanmarkAgreement *self,
                                 const char        *document_id,
                                 const char        *text,
                                 gssize             length,
                                 GPtrArray * const *spans)
{
  gsize len;
  glong n_chars;

  g_return_if_fail (self != NULL);
  g_return_if_fail (document_id != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (spans != NULL);

  len = length < 0 ? strlen (text) : (gsize) length;
  g_return_if_fail (g_utf8_validate_len (text, len, NULL));
  n_chars = g_utf8_strlen (text, len);

  for (guint a = 0; a < self->n_annotators; a++)
    for (guint i = 0; spans[a] != NULL && i < spans[a]->len; i++)
      {
        const SpanmarkSpan *span = g_ptr_array_index (spans[a], i);

        g_return_if_fail (span->start < span->end && span->end <= (guint) n_chars);
        g_return_if_fail (label_of (self, span) != 0);
      }

  add_document_indexed (self, document_id, text, len, spans);
}

/* Reading a project. */

static gboolean
is_finished (SpanmarkStatus status)
{
  return status == SPANMARK_STATUS_DONE || status == SPANMARK_STATUS_REVIEWED;
}

GStrv
spanmark_agreement_resolve_annotators (SpanmarkProject     *project,
                                       const char * const  *annotators,
                                       GError             **error)
{
  g_auto(GStrv) known = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  known = spanmark_project_list_annotators (project);
  builder = g_strv_builder_new ();

  if (annotators == NULL)
    {
      for (guint i = 0; known[i] != NULL; i++)
        if (!g_str_equal (known[i], SPANMARK_CURATED_ANNOTATOR))
          g_strv_builder_add (builder, known[i]);
    }
  else
    for (guint i = 0; annotators[i] != NULL; i++)
      {
        if (!g_strv_contains ((const char * const *) known, annotators[i]))
          {
            g_autofree char *list = g_strjoinv (", ", known);

            if (known[0] != NULL)
              g_set_error (error, SPANMARK_AGREEMENT_ERROR, SPANMARK_AGREEMENT_ERROR_UNKNOWN_ANNOTATOR,
                           _("there are no annotations by “%s” (annotators: %s)"), annotators[i], list);
            else
              g_set_error (error, SPANMARK_AGREEMENT_ERROR, SPANMARK_AGREEMENT_ERROR_UNKNOWN_ANNOTATOR,
                           _("there are no annotations by “%s” (the project has no annotations yet)"),
                           annotators[i]);
            return NULL;
          }
        for (guint j = 0; j < i; j++)
          if (g_str_equal (annotators[i], annotators[j]))
            {
              g_set_error (error, SPANMARK_AGREEMENT_ERROR, SPANMARK_AGREEMENT_ERROR_DUPLICATE_ANNOTATOR,
                           _("“%s” is named twice"), annotators[i]);
              return NULL;
            }
        g_strv_builder_add (builder, annotators[i]);
      }

  names = g_strv_builder_end (builder);
  if (g_strv_length (names) < 2)
    {
      if (names[0] != NULL)
        g_set_error (error, SPANMARK_AGREEMENT_ERROR, SPANMARK_AGREEMENT_ERROR_TOO_FEW_ANNOTATORS,
                     _("agreement needs at least two annotators, and there is only “%s”"), names[0]);
      else
        g_set_error (error, SPANMARK_AGREEMENT_ERROR, SPANMARK_AGREEMENT_ERROR_TOO_FEW_ANNOTATORS,
                     _("agreement needs at least two annotators, and there are none"));
      return NULL;
    }

  return g_steal_pointer (&names);
}

SpanmarkAgreement *
spanmark_agreement_run (SpanmarkProject    *project,
                        const char * const *annotators,
                        gboolean            done_only,
                        gboolean            by_document,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_autoptr(SpanmarkAgreement) self = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree ExportDoc *docs = NULL;
  g_autofree GPtrArray **present = NULL;
  gboolean allow_fast = g_getenv ("SPANMARK_EXPORT_SLOW") == NULL;
  guint n_documents;
  guint n;
  gboolean ok = TRUE;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  names = spanmark_agreement_resolve_annotators (project, annotators, error);
  if (names == NULL)
    return NULL;

  self = spanmark_agreement_new ((const char * const *) names, spanmark_project_get_schema (project),
                                 by_document);
  n = self->n_annotators;
  docs = g_new0 (ExportDoc, n);
  present = g_new0 (GPtrArray *, n);
  for (guint a = 0; a < n; a++)
    _spanmark_export_doc_init (&docs[a]);

  /* One document at a time: each annotator's file is read, the counts
   * added, and the storage reused for the next document. */
  n_documents = spanmark_project_get_n_documents (project);
  for (guint d = 0; ok && d < n_documents; d++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (project, d);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      for (guint a = 0; ok && a < n; a++)
        {
          ok = _spanmark_export_doc_load (&docs[a], project, document, names[a], allow_fast, error);
          if (!ok)
            break;

          present[a] = NULL;
          if (docs[a].has_file && (!done_only || is_finished (docs[a].status)))
            present[a] = _spanmark_export_doc_get_span_views (&docs[a]);
        }

      if (ok)
        add_document_indexed (self, spanmark_document_get_id (document), docs[0].text, docs[0].text_len,
                              present);
    }

  for (guint a = 0; a < n; a++)
    _spanmark_export_doc_clear (&docs[a]);

  if (!ok)
    return NULL;
  return g_steal_pointer (&self);
}

/* Results. */

guint
spanmark_agreement_get_n_annotators (SpanmarkAgreement *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_annotators;
}

const char *
spanmark_agreement_get_annotator (SpanmarkAgreement *self,
                                  guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_annotators, NULL);

  return g_ptr_array_index (self->annotators, index);
}

guint
spanmark_agreement_get_n_annotator_documents (SpanmarkAgreement *self,
                                              guint              index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->n_annotators, 0);

  return self->annotator_documents[index];
}

guint
spanmark_agreement_get_n_labels (SpanmarkAgreement *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->labels->len;
}

const char *
spanmark_agreement_get_label (SpanmarkAgreement *self,
                              guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);

  return g_ptr_array_index (self->labels, index);
}

guint
spanmark_agreement_get_n_pairs (SpanmarkAgreement *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pairs;
}

static void
pair_annotators (SpanmarkAgreement *self,
                 guint              pair,
                 guint             *a,
                 guint             *b)
{
  guint first = 0;

  while (pair >= self->n_annotators - 1 - first)
    {
      pair -= self->n_annotators - 1 - first;
      first++;
    }
  *a = first;
  *b = first + 1 + pair;
}

/* A figure of a pair with no shared document says that, rather than
 * "no units". */
static SpanmarkFigure
unless_no_documents (guint          n_documents,
                     SpanmarkFigure figure)
{
  return n_documents == 0 ? figure_undefined (SPANMARK_FIGURE_NO_DOCUMENTS) : figure;
}

static void
init_pair_figures (SpanmarkAgreement   *self,
                   guint                pair,
                   SpanmarkPairFigures *figures)
{
  guint k = self->n_categories;
  const guint64 *confusion = self->confusion + (gsize) pair * k * k;

  memset (figures, 0, sizeof *figures);
  pair_annotators (self, pair, &figures->a, &figures->b);
  figures->n_documents = self->pair_documents[pair];
  for (guint i = 0; i < k * k; i++)
    figures->n_units += confusion[i];
}

void
spanmark_agreement_get_pair (SpanmarkAgreement   *self,
                             guint                pair,
                             SpanmarkPairFigures *figures)
{
  guint k;

  g_return_if_fail (self != NULL);
  g_return_if_fail (pair < self->n_pairs);
  g_return_if_fail (figures != NULL);

  k = self->n_categories;
  init_pair_figures (self, pair, figures);
  for (guint l = 0; l < self->labels->len; l++)
    {
      const guint64 *counts = self->span_counts + ((gsize) pair * self->labels->len + l) * 3;

      figures->both += counts[0];
      figures->a_only += counts[1];
      figures->b_only += counts[2];
    }
  figures->kappa = unless_no_documents (figures->n_documents,
                                        spanmark_agreement_cohen_kappa (self->confusion + (gsize) pair * k * k, k));
  figures->span_f1 = unless_no_documents (figures->n_documents,
                                          spanmark_agreement_span_f1 (figures->both, figures->a_only,
                                                                      figures->b_only));
}

void
spanmark_agreement_get_pair_label (SpanmarkAgreement   *self,
                                   guint                pair,
                                   guint                label,
                                   SpanmarkPairFigures *figures)
{
  const guint64 *confusion;
  const guint64 *counts;
  guint64 binary[4];
  guint64 row = 0, column = 0;
  guint k, c;

  g_return_if_fail (self != NULL);
  g_return_if_fail (pair < self->n_pairs);
  g_return_if_fail (label < self->labels->len);
  g_return_if_fail (figures != NULL);

  k = self->n_categories;
  c = label + 1;
  confusion = self->confusion + (gsize) pair * k * k;
  init_pair_figures (self, pair, figures);

  /* "This label or not": a 2 × 2 matrix folded out of the full one. */
  for (guint i = 0; i < k; i++)
    {
      row += confusion[c * k + i];
      column += confusion[i * k + c];
    }
  binary[0] = confusion[c * k + c];
  binary[1] = row - binary[0];
  binary[2] = column - binary[0];
  binary[3] = figures->n_units - row - column + binary[0];
  figures->kappa = unless_no_documents (figures->n_documents, spanmark_agreement_cohen_kappa (binary, 2));

  counts = self->span_counts + ((gsize) pair * self->labels->len + label) * 3;
  figures->both = counts[0];
  figures->a_only = counts[1];
  figures->b_only = counts[2];
  figures->span_f1 = unless_no_documents (figures->n_documents,
                                          spanmark_agreement_span_f1 (counts[0], counts[1], counts[2]));
}

SpanmarkFigure
spanmark_agreement_get_alpha (SpanmarkAgreement *self,
                              guint64           *n_units)
{
  g_autofree double *coincidence = NULL;
  guint k;
  double units = 0.0;

  g_return_val_if_fail (self != NULL, figure_undefined (SPANMARK_FIGURE_NO_UNITS));

  k = self->n_categories;
  coincidence = g_new0 (double, (gsize) k * k);
  for (guint m = 2; m <= self->n_annotators; m++)
    {
      const guint64 *values = self->value_pairs + (gsize) m * k * k;
      guint64 total = 0;

      for (guint i = 0; i < k * k; i++)
        {
          coincidence[i] += (double) values[i] / (double) (m - 1);
          total += values[i];
        }
      /* A unit with m values has m (m − 1) ordered pairs. */
      units += (double) (total / ((guint64) m * (m - 1)));
    }

  if (n_units != NULL)
    *n_units = (guint64) units;

  if (self->compared_documents == 0)
    return figure_undefined (SPANMARK_FIGURE_NO_DOCUMENTS);
  return spanmark_agreement_alpha (coincidence, k);
}

SpanmarkFigure
spanmark_agreement_get_fleiss_kappa (SpanmarkAgreement *self,
                                     guint             *n_documents,
                                     guint64           *n_units)
{
  guint k, n;
  const guint64 *values;
  guint64 total = 0;

  g_return_val_if_fail (self != NULL, figure_undefined (SPANMARK_FIGURE_NO_UNITS));

  k = self->n_categories;
  n = self->n_annotators;
  values = self->value_pairs + (gsize) n * k * k;
  for (guint i = 0; i < k * k; i++)
    total += values[i];

  if (n_documents != NULL)
    *n_documents = n >= 3 ? self->full_documents : 0;
  if (n_units != NULL)
    *n_units = n >= 3 ? total / ((guint64) n * (n - 1)) : 0;

  if (n < 3)
    return figure_undefined (SPANMARK_FIGURE_TOO_FEW_ANNOTATORS);
  if (self->full_documents == 0)
    return figure_undefined (SPANMARK_FIGURE_NO_DOCUMENTS);
  return spanmark_agreement_fleiss_kappa (values, k, n);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const DocRow *ra = a;
  const DocRow *rb = b;

  if (ra->worst_kappa != rb->worst_kappa)
    return ra->worst_kappa < rb->worst_kappa ? -1 : 1;
  if (ra->worst_f1 != rb->worst_f1)
    return ra->worst_f1 < rb->worst_f1 ? -1 : 1;
  return ra->order < rb->order ? -1 : ra->order > rb->order;
}

static void
ensure_sorted (SpanmarkAgreement *self)
{
  if (self->sorted)
    return;

  /* Rows refer to their pairs by their order of adding, which sorting
   * keeps in the row. */
  for (guint i = 0; i < self->rows->len; i++)
    g_array_index (self->rows, DocRow, i).pairs = NULL;
  g_array_sort (self->rows, compare_rows);
  for (guint i = 0; i < self->rows->len; i++)
    {
      DocRow *row = &g_array_index (self->rows, DocRow, i);

      row->pairs = &g_array_index (self->doc_pairs, DocPair, (gsize) row->order * self->n_pairs);
    }
  self->sorted = TRUE;
}

guint
spanmark_agreement_get_n_documents (SpanmarkAgreement *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

const char *
spanmark_agreement_get_document (SpanmarkAgreement *self,
                                 guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  ensure_sorted (self);
  return g_array_index (self->rows, DocRow, index).id;
}

gboolean
spanmark_agreement_get_document_pair (SpanmarkAgreement   *self,
                                      guint                index,
                                      guint                pair,
                                      SpanmarkPairFigures *figures)
{
  const DocPair *doc_pair;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->rows->len, FALSE);
  g_return_val_if_fail (pair < self->n_pairs, FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  ensure_sorted (self);
  doc_pair = &g_array_index (self->rows, DocRow, index).pairs[pair];

  memset (figures, 0, sizeof *figures);
  pair_annotators (self, pair, &figures->a, &figures->b);
  if (!doc_pair->shared)
    return FALSE;

  figures->n_documents = 1;
  figures->n_units = doc_pair->n_units;
  figures->kappa = doc_pair->kappa;
  figures->span_f1 = doc_pair->span_f1;
  figures->both = doc_pair->both;
  figures->a_only = doc_pair->a_only;
  figures->b_only = doc_pair->b_only;
  return TRUE;
}
