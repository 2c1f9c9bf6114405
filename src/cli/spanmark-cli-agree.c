/* spanmark-cli-agree.c — spanmark-cli agree: inter-annotator agreement
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"

/* A figure for a table: "0.846", or a dash with why it has no value. */
static char *
figure_text (SpanmarkFigure figure)
{
  switch (figure.reason)
    {
    case SPANMARK_FIGURE_DEFINED:
      return g_strdup_printf ("%.3f", figure.value);
    case SPANMARK_FIGURE_NO_DOCUMENTS:
      /* TRANSLATORS: an agreement figure without a value: no shared document */
      return g_strdup (_("— (no documents)"));
    case SPANMARK_FIGURE_NO_UNITS:
      /* TRANSLATORS: an agreement figure without a value: the documents have no characters */
      return g_strdup (_("— (no units)"));
    case SPANMARK_FIGURE_SINGLE_CATEGORY:
      /* TRANSLATORS: κ without a value: every unit has the same category */
      return g_strdup (_("— (one category)"));
    case SPANMARK_FIGURE_NO_SPANS:
      /* TRANSLATORS: F1 without a value: neither annotator made a span */
      return g_strdup (_("— (no spans)"));
    case SPANMARK_FIGURE_TOO_FEW_ANNOTATORS:
      /* TRANSLATORS: Fleiss' κ without a value */
      return g_strdup (_("— (needs three annotators)"));
    default:
      g_return_val_if_reached (g_strdup ("—"));
    }
}

/* "κ / F1", for the label and document tables. */
static char *
kappa_f1_text (const SpanmarkPairFigures *figures)
{
  g_autofree char *kappa = figure_text (figures->kappa);
  g_autofree char *f1 = figure_text (figures->span_f1);

  return g_strdup_printf ("%s / %s", kappa, f1);
}

static char *
pair_name (SpanmarkAgreement         *agreement,
           const SpanmarkPairFigures *figures)
{
  return g_strdup_printf ("%s · %s",
                          spanmark_agreement_get_annotator (agreement, figures->a),
                          spanmark_agreement_get_annotator (agreement, figures->b));
}

static GStrv
row_new (guint n_columns)
{
  return g_new0 (char *, n_columns + 1);
}

/* A header row with @first and then one column per pair. */
static GStrv
pairs_header (SpanmarkAgreement *agreement,
              const char        *first)
{
  guint n_pairs = spanmark_agreement_get_n_pairs (agreement);
  GStrv row = row_new (1 + n_pairs);

  row[0] = g_strdup (first);
  for (guint p = 0; p < n_pairs; p++)
    {
      SpanmarkPairFigures figures;

      spanmark_agreement_get_pair (agreement, p, &figures);
      row[1 + p] = pair_name (agreement, &figures);
    }
  return row;
}

static void
print_text (SpanmarkAgreement *agreement,
            gboolean           done_only,
            gboolean           by_document)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *alpha_text = NULL;
  g_autofree char *fleiss_text = NULL;
  g_autofree char *units_text = NULL;
  guint n_pairs = spanmark_agreement_get_n_pairs (agreement);
  guint n_labels = spanmark_agreement_get_n_labels (agreement);
  SpanmarkFigure alpha, fleiss;
  guint fleiss_documents;
  guint64 alpha_units, fleiss_units;
  GStrv row;

  for (guint a = 0; a < spanmark_agreement_get_n_annotators (agreement); a++)
    g_strv_builder_add (names, spanmark_agreement_get_annotator (agreement, a));
  list = g_strv_builder_end (names);
  joined = g_strjoinv (", ", list);

  if (done_only)
    g_print (_("Agreement of %s, on the documents they marked done.\n"), joined);
  else
    g_print (_("Agreement of %s, on the documents they have files for.\n"), joined);
  g_print ("%s\n\n", _("Units are the characters that are not white space; see docs/review.md."));

  row = row_new (8);
  row[0] = g_strdup (_("Pair"));
  row[1] = g_strdup (_("Documents"));
  row[2] = g_strdup (_("Units"));
  row[3] = g_strdup (_("Cohen’s κ"));
  row[4] = g_strdup (_("Span F1"));
  row[5] = g_strdup (_("Both"));
  /* TRANSLATORS: spans only the first annotator of a pair has */
  row[6] = g_strdup (_("First only"));
  /* TRANSLATORS: spans only the second annotator of a pair has */
  row[7] = g_strdup (_("Second only"));
  g_ptr_array_add (rows, row);
  for (guint p = 0; p < n_pairs; p++)
    {
      SpanmarkPairFigures figures;

      spanmark_agreement_get_pair (agreement, p, &figures);
      row = row_new (8);
      row[0] = pair_name (agreement, &figures);
      row[1] = g_strdup_printf ("%u", figures.n_documents);
      row[2] = g_strdup_printf ("%" G_GUINT64_FORMAT, figures.n_units);
      row[3] = figure_text (figures.kappa);
      row[4] = figure_text (figures.span_f1);
      row[5] = g_strdup_printf ("%" G_GUINT64_FORMAT, figures.both);
      row[6] = g_strdup_printf ("%" G_GUINT64_FORMAT, figures.a_only);
      row[7] = g_strdup_printf ("%" G_GUINT64_FORMAT, figures.b_only);
      g_ptr_array_add (rows, row);
    }
  spanmark_cli_print_table (rows);
  g_ptr_array_set_size (rows, 0);

  g_print ("\n%s\n", _("Per label, Cohen’s κ (this label or not) / span F1:"));
  g_ptr_array_add (rows, pairs_header (agreement, _("Label")));
  for (guint l = 0; l < n_labels; l++)
    {
      row = row_new (1 + n_pairs);
      row[0] = g_strdup (spanmark_agreement_get_label (agreement, l));
      for (guint p = 0; p < n_pairs; p++)
        {
          SpanmarkPairFigures figures;

          spanmark_agreement_get_pair_label (agreement, p, l, &figures);
          row[1 + p] = kappa_f1_text (&figures);
        }
      g_ptr_array_add (rows, row);
    }
  spanmark_cli_print_table (rows);
  g_ptr_array_set_size (rows, 0);

  alpha = spanmark_agreement_get_alpha (agreement, &alpha_units);
  alpha_text = figure_text (alpha);
  g_print ("\n");
  units_text = g_strdup_printf ("%" G_GUINT64_FORMAT, alpha_units);
  /* TRANSLATORS: the first %s is α (or why it is undefined), the second a number of units */
  g_print (ngettext ("Krippendorff’s α: %s (%s unit at least two annotators have)\n",
                     "Krippendorff’s α: %s (%s units at least two annotators have)\n",
                     (gulong) MIN (alpha_units, G_MAXULONG)),
           alpha_text, units_text);
  fleiss = spanmark_agreement_get_fleiss_kappa (agreement, &fleiss_documents, &fleiss_units);
  fleiss_text = figure_text (fleiss);
  g_print (ngettext ("Fleiss’ κ: %s (%u document every annotator has)\n",
                     "Fleiss’ κ: %s (%u documents every annotator has)\n", fleiss_documents),
           fleiss_text, fleiss_documents);

  if (!by_document)
    return;

  if (spanmark_agreement_get_n_documents (agreement) == 0)
    {
      g_print ("\n%s\n", _("No document has files by two of these annotators."));
      return;
    }
  g_print ("\n%s\n", _("Documents, most disagreement first (Cohen’s κ / span F1 per pair):"));
  g_ptr_array_add (rows, pairs_header (agreement, _("Document")));
  for (guint d = 0; d < spanmark_agreement_get_n_documents (agreement); d++)
    {
      row = row_new (1 + n_pairs);
      row[0] = g_strdup (spanmark_agreement_get_document (agreement, d));
      for (guint p = 0; p < n_pairs; p++)
        {
          SpanmarkPairFigures figures;

          if (spanmark_agreement_get_document_pair (agreement, d, p, &figures))
            row[1 + p] = kappa_f1_text (&figures);
          else
            row[1 + p] = g_strdup ("");
        }
      g_ptr_array_add (rows, row);
    }
  spanmark_cli_print_table (rows);
}

/* "NAME": a number, or null and "NAME_reason". */
static void
add_figure (JsonBuilder    *builder,
            const char     *name,
            SpanmarkFigure  figure)
{
  json_builder_set_member_name (builder, name);
  if (figure.reason == SPANMARK_FIGURE_DEFINED)
    json_builder_add_double_value (builder, figure.value);
  else
    {
      g_autofree char *reason_name = g_strconcat (name, "_reason", NULL);

      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, reason_name);
      json_builder_add_string_value (builder, spanmark_figure_reason_to_string (figure.reason));
    }
}

static void
add_count (JsonBuilder *builder,
           const char  *name,
           guint64      value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, (gint64) value);
}

/* The members a pair's figures share everywhere. */
static void
add_pair_members (JsonBuilder               *builder,
                  SpanmarkAgreement         *agreement,
                  const SpanmarkPairFigures *figures,
                  const char                *f1_name)
{
  if (agreement != NULL)
    {
      json_builder_set_member_name (builder, "a");
      json_builder_add_string_value (builder, spanmark_agreement_get_annotator (agreement, figures->a));
      json_builder_set_member_name (builder, "b");
      json_builder_add_string_value (builder, spanmark_agreement_get_annotator (agreement, figures->b));
      add_count (builder, "units", figures->n_units);
    }
  add_figure (builder, "kappa", figures->kappa);
  add_figure (builder, f1_name, figures->span_f1);
  add_count (builder, "both", figures->both);
  add_count (builder, "a_only", figures->a_only);
  add_count (builder, "b_only", figures->b_only);
}

static void
print_json (SpanmarkAgreement *agreement,
            gboolean           done_only,
            gboolean           by_document)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_annotators = spanmark_agreement_get_n_annotators (agreement);
  guint n_pairs = spanmark_agreement_get_n_pairs (agreement);
  guint n_labels = spanmark_agreement_get_n_labels (agreement);
  guint fleiss_documents;
  guint64 n_units;
  SpanmarkFigure figure;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "annotators");
  json_builder_begin_array (builder);
  for (guint a = 0; a < n_annotators; a++)
    json_builder_add_string_value (builder, spanmark_agreement_get_annotator (agreement, a));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, done_only ? "done" : "all");

  json_builder_set_member_name (builder, "annotator_documents");
  json_builder_begin_object (builder);
  for (guint a = 0; a < n_annotators; a++)
    add_count (builder, spanmark_agreement_get_annotator (agreement, a),
               spanmark_agreement_get_n_annotator_documents (agreement, a));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "labels");
  json_builder_begin_array (builder);
  for (guint l = 0; l < n_labels; l++)
    json_builder_add_string_value (builder, spanmark_agreement_get_label (agreement, l));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "pairs");
  json_builder_begin_array (builder);
  for (guint p = 0; p < n_pairs; p++)
    {
      SpanmarkPairFigures figures;

      spanmark_agreement_get_pair (agreement, p, &figures);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "a");
      json_builder_add_string_value (builder, spanmark_agreement_get_annotator (agreement, figures.a));
      json_builder_set_member_name (builder, "b");
      json_builder_add_string_value (builder, spanmark_agreement_get_annotator (agreement, figures.b));
      add_count (builder, "documents", figures.n_documents);
      add_count (builder, "units", figures.n_units);
      add_pair_members (builder, NULL, &figures, "span_f1");

      json_builder_set_member_name (builder, "labels");
      json_builder_begin_object (builder);
      for (guint l = 0; l < n_labels; l++)
        {
          spanmark_agreement_get_pair_label (agreement, p, l, &figures);
          json_builder_set_member_name (builder, spanmark_agreement_get_label (agreement, l));
          json_builder_begin_object (builder);
          add_pair_members (builder, NULL, &figures, "f1");
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  figure = spanmark_agreement_get_alpha (agreement, &n_units);
  add_figure (builder, "alpha", figure);
  add_count (builder, "alpha_units", n_units);

  figure = spanmark_agreement_get_fleiss_kappa (agreement, &fleiss_documents, &n_units);
  add_figure (builder, "fleiss_kappa", figure);
  add_count (builder, "fleiss_documents", fleiss_documents);
  add_count (builder, "fleiss_units", n_units);

  if (by_document)
    {
      json_builder_set_member_name (builder, "documents");
      json_builder_begin_array (builder);
      for (guint d = 0; d < spanmark_agreement_get_n_documents (agreement); d++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, spanmark_agreement_get_document (agreement, d));
          json_builder_set_member_name (builder, "pairs");
          json_builder_begin_array (builder);
          for (guint p = 0; p < n_pairs; p++)
            {
              SpanmarkPairFigures figures;

              if (!spanmark_agreement_get_document_pair (agreement, d, p, &figures))
                continue;
              json_builder_begin_object (builder);
              add_pair_members (builder, agreement, &figures, "span_f1");
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);

  spanmark_cli_print_json (builder);
}

int
spanmark_cli_agree (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *annotator_list = NULL;
  g_autofree char *status = NULL;
  g_auto(GStrv) annotators = NULL;
  gboolean json = FALSE;
  gboolean by_document = FALSE;
  gboolean done_only = FALSE;
  const GOptionEntry entries[] = {
    { "annotators", 'a', 0, G_OPTION_ARG_STRING, &annotator_list,
      N_("Compare these annotators, separated by commas (default: all but _curated)"), N_("A,B,…") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Only documents with this status: done (or all, the default)"), N_("STATUS") },
    { "by-document", 'd', 0, G_OPTION_ARG_NONE, &by_document,
      N_("Also show each document’s figures, most disagreement first"), NULL },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object instead of tables"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("DIR"));
  g_option_context_set_summary (context,
    _("Measure how far the annotators of the project in DIR agree: Cohen’s κ and\n"
      "exact span F1 for each pair (overall and per label), Krippendorff’s α over\n"
      "all of them and Fleiss’ κ over the documents every one of them has.\n"
      "\n"
      "Units are the characters that are not white space; a unit’s category is the\n"
      "label of the outermost span over it (as the conll export keeps it), or O.\n"
      "An annotator’s documents are those they have a file for (any status, or\n"
      "done with --status done); a pair is compared on the documents both have.\n"
      "Nothing is written."));
  g_option_context_set_description (context,
    _("A figure that is undefined (both annotators used one category only, no\n"
      "units, no spans, no shared document, Fleiss’ κ with two annotators) shows\n"
      "as “—” with the reason, and as null with a NAME_reason member in JSON.\n"
      "\n"
      "With --json the output is one JSON object: annotators, status,\n"
      "annotator_documents, labels, pairs (each with a, b, documents, units,\n"
      "kappa, span_f1, both, a_only, b_only and labels: {LABEL: {kappa, f1, both,\n"
      "a_only, b_only}}), alpha, alpha_units, fleiss_kappa, fleiss_documents,\n"
      "fleiss_units, and with --by-document documents (worst first, each with id\n"
      "and pairs).  docs/review.md has the exact definitions.\n"
      "\n"
      "Exit status: 0 success; 1 a file could not be read (the message names it);\n"
      "2 a usage error, including an annotator without annotations, a name given\n"
      "twice, or fewer than two annotators to compare.\n"
      "\n"
      "Examples:\n"
      "  spanmark-cli agree corpus\n"
      "  spanmark-cli agree corpus --annotators alice,bob --status done --by-document\n"
      "  spanmark-cli agree corpus --json | jq '.pairs[] | {a, b, kappa}'"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!spanmark_cli_parse_dir_options (context, &argc, &argv,
                                       _("too many arguments: agree takes one project folder")))
    return SPANMARK_CLI_EXIT_USAGE;

  if (status != NULL)
    {
      if (g_str_equal (status, "done"))
        done_only = TRUE;
      else if (!g_str_equal (status, "all"))
        {
          spanmark_cli_usage_error (_("unknown status “%s”: use done or all"), status);
          return SPANMARK_CLI_EXIT_USAGE;
        }
    }

  if (annotator_list != NULL)
    {
      annotators = spanmark_cli_split_annotators (annotator_list);
      if (annotators == NULL)
        return SPANMARK_CLI_EXIT_USAGE;
    }

  project = spanmark_cli_open_project (argv[1]);
  if (project == NULL)
    return SPANMARK_CLI_EXIT_FAILED;

  agreement = spanmark_agreement_run (project, (const char * const *) annotators, done_only, by_document,
                                      NULL, &error);
  if (agreement == NULL)
    {
      if (error->domain == SPANMARK_AGREEMENT_ERROR)
        {
          spanmark_cli_usage_error ("%s: %s", argv[1], error->message);
          return SPANMARK_CLI_EXIT_USAGE;
        }
      spanmark_cli_error ("%s", error->message);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  if (json)
    print_json (agreement, done_only, by_document);
  else
    print_text (agreement, done_only, by_document);

  return SPANMARK_CLI_EXIT_OK;
}
