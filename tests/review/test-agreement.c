/* test-agreement.c — agreement figures on hand-computed cases
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The golden case: twelve units and three annotators,
 *   A = O P P O O O F F F O O O
 *   B = O P P O O O F F O O O O
 *   C = O P P P O O F F F O O I
 * Cohen's κ of A and B: 11 of 12 units agree (A_o = 132/144), the
 * marginals O 7/8, P 2/2, F 3/2 give A_e = 66/144, so κ = 66/78 = 11/13.
 * The other figures were worked out the same way and agree with
 * scikit-learn, NLTK and statsmodels (tests/review/crosscheck-agreement.py
 * compares the whole command with them on generated projects).
 */

#include "config.h"

#include <stdlib.h>

#include "spanmark-core.h"

#define EPSILON 1e-12

/* Labels P, F, I, as in the golden case. */
static SpanmarkSchema *
make_schema (void)
{
  SpanmarkSchema *schema = spanmark_schema_new ();
  const char *names[] = { "P", "F", "I" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SpanmarkLabel) label = spanmark_label_new (names[i], names[i], "#3584e4", NULL, NULL);

      g_assert_true (spanmark_schema_add_label (schema, label));
    }
  return schema;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return spanmark_span_compare (*(SpanmarkSpan * const *) a, *(SpanmarkSpan * const *) b);
}

/* "P 1 3, F 6 9": spans sorted as an annotation set keeps them. */
static GPtrArray *
make_spans (const char *spec)
{
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_span_free);
  g_auto(GStrv) items = g_strsplit (spec, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_strstrip (items[i]), " ", -1);
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);

      if (parts[0] == NULL || parts[0][0] == '\0')
        continue;
      g_assert_cmpuint (g_strv_length (parts), ==, 3);
      g_ptr_array_add (spans, spanmark_span_new (id, atoi (parts[1]), atoi (parts[2]), parts[0], NULL));
    }
  g_ptr_array_sort (spans, compare_spans);
  return spans;
}

/* Adds a document; @specs has one entry per annotator, NULL for "no
 * file". */
static void
add (SpanmarkAgreement  *agreement,
     const char         *id,
     const char         *text,
     const char * const *specs)
{
  guint n = spanmark_agreement_get_n_annotators (agreement);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree GPtrArray **spans = g_new0 (GPtrArray *, n);

  for (guint a = 0; a < n; a++)
    if (specs[a] != NULL)
      {
        spans[a] = make_spans (specs[a]);
        g_ptr_array_add (owned, spans[a]);
      }
  spanmark_agreement_add_document (agreement, id, text, -1, spans);
}

static SpanmarkAgreement *
new_agreement (const char * const *annotators,
               gboolean            by_document)
{
  g_autoptr(SpanmarkSchema) schema = make_schema ();

  return spanmark_agreement_new (annotators, schema, by_document);
}

static void
assert_figure (SpanmarkFigure figure,
               double         expected)
{
  g_assert_cmpint (figure.reason, ==, SPANMARK_FIGURE_DEFINED);
  g_assert_cmpfloat_with_epsilon (figure.value, expected, EPSILON);
}

static void
assert_undefined (SpanmarkFigure       figure,
                  SpanmarkFigureReason reason)
{
  g_assert_cmpint (figure.reason, ==, reason);
}

#define GOLDEN_TEXT "abcdefghijkl"
#define GOLDEN_A    "P 1 3, F 6 9"
#define GOLDEN_B    "P 1 3, F 6 8"
#define GOLDEN_C    "P 1 4, F 6 9, I 11 12"

static void
test_golden (void)
{
  const char *names[] = { "a", "b", "c", NULL };
  const char *specs[] = { GOLDEN_A, GOLDEN_B, GOLDEN_C };
  g_autoptr(SpanmarkAgreement) agreement = new_agreement (names, FALSE);
  SpanmarkPairFigures figures;
  guint n_documents;
  guint64 n_units;

  add (agreement, "d1", GOLDEN_TEXT, specs);

  g_assert_cmpuint (spanmark_agreement_get_n_pairs (agreement), ==, 3);

  spanmark_agreement_get_pair (agreement, 0, &figures);
  g_assert_cmpuint (figures.a, ==, 0);
  g_assert_cmpuint (figures.b, ==, 1);
  g_assert_cmpuint (figures.n_documents, ==, 1);
  g_assert_cmpuint (figures.n_units, ==, 12);
  assert_figure (figures.kappa, 11.0 / 13.0);
  /* One of two spans each in common. */
  assert_figure (figures.span_f1, 0.5);
  g_assert_cmpuint (figures.both, ==, 1);
  g_assert_cmpuint (figures.a_only, ==, 1);
  g_assert_cmpuint (figures.b_only, ==, 1);

  spanmark_agreement_get_pair (agreement, 1, &figures);
  g_assert_cmpuint (figures.a, ==, 0);
  g_assert_cmpuint (figures.b, ==, 2);
  /* A_o = 10/12; C has O 5, P 3, F 3, I 1, so A_e = (7·5 + 2·3 + 3·3)/144
   * = 50/144 and κ = 70/94. */
  assert_figure (figures.kappa, 70.0 / 94.0);
  assert_figure (figures.span_f1, 0.4);

  spanmark_agreement_get_pair (agreement, 2, &figures);
  g_assert_cmpuint (figures.a, ==, 1);
  g_assert_cmpuint (figures.b, ==, 2);
  /* A_o = 9/12, A_e = (8·5 + 2·3 + 2·3)/144 = 52/144: κ = 56/92. */
  assert_figure (figures.kappa, 56.0 / 92.0);
  /* Spans exist on both sides, none equal: 0, not undefined. */
  assert_figure (figures.span_f1, 0.0);

  /* Per label, A and B: P in full agreement; F binary: 2 both, 1 A only,
   * 9 neither, so A_o = 11/12, A_e = (3·2 + 9·10)/144, κ = 36/48. */
  spanmark_agreement_get_pair_label (agreement, 0, 0, &figures);
  assert_figure (figures.kappa, 1.0);
  assert_figure (figures.span_f1, 1.0);
  g_assert_cmpuint (figures.both, ==, 1);
  spanmark_agreement_get_pair_label (agreement, 0, 1, &figures);
  assert_figure (figures.kappa, 0.75);
  assert_figure (figures.span_f1, 0.0);
  g_assert_cmpuint (figures.a_only, ==, 1);
  g_assert_cmpuint (figures.b_only, ==, 1);
  /* Neither A nor B used I: one category ("not I"), no spans. */
  spanmark_agreement_get_pair_label (agreement, 0, 2, &figures);
  assert_undefined (figures.kappa, SPANMARK_FIGURE_SINGLE_CATEGORY);
  assert_undefined (figures.span_f1, SPANMARK_FIGURE_NO_SPANS);

  assert_figure (spanmark_agreement_get_alpha (agreement, &n_units), 0.731457800511509);
  g_assert_cmpuint (n_units, ==, 12);
  assert_figure (spanmark_agreement_get_fleiss_kappa (agreement, &n_documents, &n_units), 0.7237851662404093);
  g_assert_cmpuint (n_documents, ==, 1);
  g_assert_cmpuint (n_units, ==, 12);
}

/* The golden case with C missing on the first four units: they are a
 * document C has no file for.  α then counts those units with two values;
 * Fleiss' κ only sees the second document. */
static void
test_missing_values (void)
{
  const char *names[] = { "a", "b", "c", NULL };
  const char *first[] = { "P 1 3", "P 1 3", NULL };
  const char *second[] = { "F 2 5", "F 2 4", "F 2 5, I 7 8" };
  g_autoptr(SpanmarkAgreement) agreement = new_agreement (names, FALSE);
  SpanmarkPairFigures figures;
  guint n_documents;
  guint64 n_units;

  add (agreement, "d1", "abcd", first);
  add (agreement, "d2", "efghijkl", second);

  assert_figure (spanmark_agreement_get_alpha (agreement, &n_units), 0.7869415807560137);
  g_assert_cmpuint (n_units, ==, 12);

  spanmark_agreement_get_fleiss_kappa (agreement, &n_documents, &n_units);
  g_assert_cmpuint (n_documents, ==, 1);
  g_assert_cmpuint (n_units, ==, 8);

  /* The pairs with C have one document of eight units. */
  spanmark_agreement_get_pair (agreement, 1, &figures);
  g_assert_cmpuint (figures.n_documents, ==, 1);
  g_assert_cmpuint (figures.n_units, ==, 8);
  spanmark_agreement_get_pair (agreement, 0, &figures);
  g_assert_cmpuint (figures.n_documents, ==, 2);
  g_assert_cmpuint (figures.n_units, ==, 12);
  assert_figure (figures.kappa, 11.0 / 13.0);

  g_assert_cmpuint (spanmark_agreement_get_n_annotator_documents (agreement, 0), ==, 2);
  g_assert_cmpuint (spanmark_agreement_get_n_annotator_documents (agreement, 2), ==, 1);
}

/* White space is no unit; a span's category covers the units inside it. */
static void
test_units_skip_white_space (void)
{
  const char *names[] = { "a", "b", NULL };
  /* a, U+3000, b, space, c, tab, d, line break, e: five units. */
  const char *specs[] = { "P 0 3", "P 2 5" };
  g_autoptr(SpanmarkAgreement) agreement = new_agreement (names, FALSE);
  SpanmarkPairFigures figures;

  add (agreement, "d1", "a\xe3\x80\x80" "b c\td\ne", specs);

  spanmark_agreement_get_pair (agreement, 0, &figures);
  g_assert_cmpuint (figures.n_units, ==, 5);
  /* A = P P O O O, B = O P P O O: A_o = 3/5, A_e = (2·2 + 3·3)/25. */
  assert_figure (figures.kappa, (3.0 / 5 - 13.0 / 25) / (1 - 13.0 / 25));
}

/* Categories come from the outermost span, as the conll export keeps it;
 * F1 compares every span, nested ones included. */
static void
test_nested (void)
{
  const char *names[] = { "a", "b", NULL };
  const char *specs[] = { "P 0 4, F 1 3, F 1 3", "P 0 4, F 1 3" };
  g_autoptr(SpanmarkAgreement) agreement = new_agreement (names, FALSE);
  SpanmarkPairFigures figures;

  add (agreement, "d1", "abcdef", specs);

  spanmark_agreement_get_pair (agreement, 0, &figures);
  /* Both P P P P O O. */
  assert_figure (figures.kappa, 1.0);
  /* A's duplicate of F 1 3 has no partner: spans match as multisets. */
  g_assert_cmpuint (figures.both, ==, 2);
  g_assert_cmpuint (figures.a_only, ==, 1);
  g_assert_cmpuint (figures.b_only, ==, 0);
  assert_figure (figures.span_f1, 4.0 / 5.0);

  /* Per label F: the nested spans count, though no unit is F. */
  spanmark_agreement_get_pair_label (agreement, 0, 1, &figures);
  assert_undefined (figures.kappa, SPANMARK_FIGURE_SINGLE_CATEGORY);
  assert_figure (figures.span_f1, 2.0 / 3.0);

  /* A span overlapping a kept one is dropped for categories as well:
   * F 2 5 starts inside P 0 3, so a's units are P P P O O O like b's. */
  {
    g_autoptr(SpanmarkAgreement) overlap = new_agreement (names, FALSE);

    add (overlap, "d1", "abcdef", (const char *[]) { "P 0 3, F 2 5", "P 0 3" });
    spanmark_agreement_get_pair (overlap, 0, &figures);
    assert_figure (figures.kappa, 1.0);
    g_assert_cmpuint (figures.both, ==, 1);
    g_assert_cmpuint (figures.a_only, ==, 1);
  }
}

/* κ when both use one category, empty documents, an annotator with no
 * files: defined results with a reason, never NaN. */
static void
test_degenerate (void)
{
  const char *names[] = { "a", "b", "c", NULL };
  g_autoptr(SpanmarkAgreement) agreement = new_agreement (names, TRUE);
  SpanmarkPairFigures figures;
  guint n_documents;

  /* Nobody tagged anything: all O. */
  add (agreement, "plain", "abc", (const char *[]) { "", "", NULL });
  /* Empty and white-space-only documents: no units. */
  add (agreement, "empty", "", (const char *[]) { "", "", NULL });
  add (agreement, "blank", " \n\t", (const char *[]) { "", "", NULL });

  spanmark_agreement_get_pair (agreement, 0, &figures);
  g_assert_cmpuint (figures.n_documents, ==, 3);
  g_assert_cmpuint (figures.n_units, ==, 3);
  assert_undefined (figures.kappa, SPANMARK_FIGURE_SINGLE_CATEGORY);
  assert_undefined (figures.span_f1, SPANMARK_FIGURE_NO_SPANS);

  /* C has no file at all. */
  g_assert_cmpuint (spanmark_agreement_get_n_annotator_documents (agreement, 2), ==, 0);
  spanmark_agreement_get_pair (agreement, 1, &figures);
  g_assert_cmpuint (figures.n_documents, ==, 0);
  assert_undefined (figures.kappa, SPANMARK_FIGURE_NO_DOCUMENTS);
  assert_undefined (figures.span_f1, SPANMARK_FIGURE_NO_DOCUMENTS);

  assert_undefined (spanmark_agreement_get_alpha (agreement, NULL), SPANMARK_FIGURE_SINGLE_CATEGORY);
  assert_undefined (spanmark_agreement_get_fleiss_kappa (agreement, &n_documents, NULL),
                    SPANMARK_FIGURE_NO_DOCUMENTS);
  g_assert_cmpuint (n_documents, ==, 0);

  /* Per document: an empty one has no units. */
  g_assert_cmpuint (spanmark_agreement_get_n_documents (agreement), ==, 3);
  for (guint i = 0; i < 3; i++)
    if (g_str_equal (spanmark_agreement_get_document (agreement, i), "empty"))
      {
        g_assert_true (spanmark_agreement_get_document_pair (agreement, i, 0, &figures));
        assert_undefined (figures.kappa, SPANMARK_FIGURE_NO_UNITS);
        g_assert_false (spanmark_agreement_get_document_pair (agreement, i, 1, &figures));
      }

  g_assert_cmpstr (spanmark_figure_reason_to_string (SPANMARK_FIGURE_SINGLE_CATEGORY), ==, "single-category");
  g_assert_null (spanmark_figure_reason_to_string (SPANMARK_FIGURE_DEFINED));
}

/* Only empty documents: no units for α either. */
static void
test_no_units (void)
{
  const char *names[] = { "a", "b", NULL };
  g_autoptr(SpanmarkAgreement) agreement = new_agreement (names, FALSE);
  g_autoptr(SpanmarkAgreement) nothing = new_agreement (names, FALSE);
  SpanmarkPairFigures figures;

  add (agreement, "empty", "", (const char *[]) { "", "" });
  assert_undefined (spanmark_agreement_get_alpha (agreement, NULL), SPANMARK_FIGURE_NO_UNITS);
  spanmark_agreement_get_pair (agreement, 0, &figures);
  assert_undefined (figures.kappa, SPANMARK_FIGURE_NO_UNITS);
  /* Two annotators: Fleiss' κ is for three or more. */
  assert_undefined (spanmark_agreement_get_fleiss_kappa (agreement, NULL, NULL),
                    SPANMARK_FIGURE_TOO_FEW_ANNOTATORS);

  /* Nothing added at all. */
  assert_undefined (spanmark_agreement_get_alpha (nothing, NULL), SPANMARK_FIGURE_NO_DOCUMENTS);
  spanmark_agreement_get_pair (nothing, 0, &figures);
  assert_undefined (figures.kappa, SPANMARK_FIGURE_NO_DOCUMENTS);
}

/* With by_document, the documents come worst first. */
static void
test_by_document (void)
{
  const char *names[] = { "a", "b", NULL };
  g_autoptr(SpanmarkAgreement) agreement = new_agreement (names, TRUE);
  g_autoptr(SpanmarkAgreement) pooled = new_agreement (names, FALSE);
  SpanmarkPairFigures figures;

  /* κ 1 (same spans). */
  add (agreement, "same", "abcdef", (const char *[]) { "P 0 2", "P 0 2" });
  /* Both all O: undefined, counts as full agreement; after "same" by order. */
  add (agreement, "untagged", "abcdef", (const char *[]) { "", "" });
  /* κ < 0 and F1 0. */
  add (agreement, "opposite", "abcdef", (const char *[]) { "P 0 3", "P 3 6" });
  /* Same κ as "same" but lower F1: a boundary differs only in white space. */
  add (agreement, "boundary", "ab cdef", (const char *[]) { "P 0 2", "P 0 3" });
  /* Only a has it: not compared. */
  add (agreement, "alone", "abcdef", (const char *[]) { "P 0 2", NULL });
  add (pooled, "alone", "abcdef", (const char *[]) { "P 0 2", NULL });

  g_assert_cmpuint (spanmark_agreement_get_n_documents (agreement), ==, 4);
  g_assert_cmpstr (spanmark_agreement_get_document (agreement, 0), ==, "opposite");
  g_assert_cmpstr (spanmark_agreement_get_document (agreement, 1), ==, "boundary");
  g_assert_cmpstr (spanmark_agreement_get_document (agreement, 2), ==, "same");
  g_assert_cmpstr (spanmark_agreement_get_document (agreement, 3), ==, "untagged");

  g_assert_true (spanmark_agreement_get_document_pair (agreement, 0, 0, &figures));
  g_assert_cmpuint (figures.n_units, ==, 6);
  /* A = P P P O O O, B = O O O P P P: A_o = 0, A_e = 1/2, κ = −1. */
  assert_figure (figures.kappa, -1.0);
  assert_figure (figures.span_f1, 0.0);
  g_assert_true (spanmark_agreement_get_document_pair (agreement, 1, 0, &figures));
  assert_figure (figures.kappa, 1.0);
  assert_figure (figures.span_f1, 0.0);
  g_assert_cmpuint (figures.a_only, ==, 1);

  /* Without by_document nothing is kept per document. */
  g_assert_cmpuint (spanmark_agreement_get_n_documents (pooled), ==, 0);
}

/* The formulas on their own. */
static void
test_formulas (void)
{
  /* Landis & Koch style 2 × 2: 20 both yes, 5 / 10 split, 15 both no. */
  const guint64 two[] = { 20, 5, 10, 15 };
  const guint64 single[] = { 0, 0, 0, 7 };
  const guint64 empty[] = { 0, 0, 0, 0 };
  /* Three annotators agreeing on every one of 4 units, two categories:
   * 2 units all X (6 ordered pairs each), 2 units all Y. */
  const guint64 fleiss_full[] = { 12, 0, 0, 12 };
  const guint64 fleiss_single[] = { 12, 0, 0, 0 };
  const double alpha_single[] = { 0, 0, 0, 8 };
  const double alpha_perfect[] = { 4, 0, 0, 6 };

  /* A_o = 35/50, A_e = (25·30 + 25·20)/2500 = 0.5: κ = 0.4. */
  assert_figure (spanmark_agreement_cohen_kappa (two, 2), 0.4);
  assert_undefined (spanmark_agreement_cohen_kappa (single, 2), SPANMARK_FIGURE_SINGLE_CATEGORY);
  assert_undefined (spanmark_agreement_cohen_kappa (empty, 2), SPANMARK_FIGURE_NO_UNITS);

  assert_figure (spanmark_agreement_span_f1 (3, 1, 2), 6.0 / 9.0);
  assert_figure (spanmark_agreement_span_f1 (0, 1, 0), 0.0);
  assert_undefined (spanmark_agreement_span_f1 (0, 0, 0), SPANMARK_FIGURE_NO_SPANS);

  assert_figure (spanmark_agreement_fleiss_kappa (fleiss_full, 2, 3), 1.0);
  assert_undefined (spanmark_agreement_fleiss_kappa (fleiss_single, 2, 3), SPANMARK_FIGURE_SINGLE_CATEGORY);
  assert_undefined (spanmark_agreement_fleiss_kappa (empty, 2, 3), SPANMARK_FIGURE_NO_UNITS);

  assert_figure (spanmark_agreement_alpha (alpha_perfect, 2), 1.0);
  assert_undefined (spanmark_agreement_alpha (alpha_single, 2), SPANMARK_FIGURE_SINGLE_CATEGORY);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreement/golden", test_golden);
  g_test_add_func ("/agreement/missing-values", test_missing_values);
  g_test_add_func ("/agreement/units-skip-white-space", test_units_skip_white_space);
  g_test_add_func ("/agreement/nested", test_nested);
  g_test_add_func ("/agreement/degenerate", test_degenerate);
  g_test_add_func ("/agreement/no-units", test_no_units);
  g_test_add_func ("/agreement/by-document", test_by_document);
  g_test_add_func ("/agreement/formulas", test_formulas);

  return g_test_run ();
}
