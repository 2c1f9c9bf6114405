/* spanmark-cli-curate.c — spanmark-cli curate: start curated versions
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"

typedef struct
{
  guint n_curated;
  guint n_kept;
  guint n_without;
  guint n_agreed;
  guint n_open;
} Totals;

static void
report_cb (const char           *document_id,
           SpanmarkCurateResult  result,
           guint                 n_agreed,
           guint                 n_open,
           gpointer              user_data)
{
  Totals *totals = user_data;
  g_autofree char *agreed = NULL;
  g_autofree char *open = NULL;

  switch (result)
    {
    case SPANMARK_CURATE_KEPT:
      totals->n_kept++;
      /* TRANSLATORS: %s is a document id */
      g_print (_("%s: kept: it has a curated version already (--replace starts it again)\n"), document_id);
      return;

    case SPANMARK_CURATE_NO_ANNOTATIONS:
      totals->n_without++;
      /* TRANSLATORS: %s is a document id */
      g_print (_("%s: skipped: none of these annotators has annotations for it\n"), document_id);
      return;

    case SPANMARK_CURATE_CREATED:
    case SPANMARK_CURATE_REPLACED:
    default:
      break;
    }

  totals->n_curated++;
  totals->n_agreed += n_agreed;
  totals->n_open += n_open;
  agreed = g_strdup_printf (ngettext ("%u span agreed", "%u spans agreed", n_agreed), n_agreed);
  open = g_strdup_printf (ngettext ("%u conflict left", "%u conflicts left", n_open), n_open);
  if (result == SPANMARK_CURATE_REPLACED)
    /* TRANSLATORS: document id: "3 spans agreed", "2 conflicts left" */
    g_print (_("%s (replaced): %s, %s\n"), document_id, agreed, open);
  else
    /* TRANSLATORS: document id: "3 spans agreed", "2 conflicts left" */
    g_print (_("%s: %s, %s\n"), document_id, agreed, open);
}

int
spanmark_cli_curate (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *annotator_list = NULL;
  g_autofree char *min_agree_text = NULL;
  g_auto(GStrv) document_options = NULL;
  g_auto(GStrv) requested = NULL;
  g_auto(GStrv) annotators = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) documents = NULL;
  g_autofree char *joined = NULL;
  gboolean replace = FALSE;
  guint64 min_agree;
  guint n_annotators;
  Totals totals = { 0 };
  const GOptionEntry entries[] = {
    { "annotators", 'a', 0, G_OPTION_ARG_STRING, &annotator_list,
      N_("Curate from these annotators, separated by commas (required)"), N_("A,B,…") },
    { "min-agree", 'n', 0, G_OPTION_ARG_STRING, &min_agree_text,
      N_("Take a span when at least N of them have it exactly (default: a majority)"), N_("N") },
    { "documents", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &document_options,
      N_("Only these documents (default: all); more ids may follow DIR"), N_("ID…") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Start again documents that have a curated version (its work is lost)"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("DIR [ID…]"));
  g_option_context_set_summary (context,
    _("Start the curated (adjudicated) version of the documents of the project in\n"
      "DIR: for each document that has no curated version yet, write\n"
      "annotations/_curated/ID.json with the spans at least N of the annotators\n"
      "have exactly (same start, end and label), status in-progress.  A span\n"
      "keeps the attributes its annotators agree on, and an entity when they all\n"
      "link it to one of the same label and name.  Each document’s line says how\n"
      "many spans were agreed and how many units still have a version left out:\n"
      "the conflicts for a reviewer to decide."));
  g_option_context_set_description (context,
    _("An existing curated version is a reviewer’s work: it is never overwritten\n"
      "unless --replace is given, and never if it does not load.  Every file is\n"
      "read and checked before anything is written; files are written atomically.\n"
      "\n"
      "Exit status: 0 success; 1 a file could not be read or written (the message\n"
      "names it; nothing is written when a file does not read); 2 a usage error,\n"
      "including an annotator without annotations, fewer than two annotators,\n"
      "“_curated” among them, an unknown document, or --min-agree not between 1\n"
      "and the number of annotators.\n"
      "\n"
      "Examples:\n"
      "  spanmark-cli curate corpus --annotators alice,bob,carol\n"
      "  spanmark-cli curate corpus --annotators alice,bob --min-agree 1 --documents news-001 news-002"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!spanmark_cli_parse_dir_options (context, &argc, &argv, NULL))
    return SPANMARK_CLI_EXIT_USAGE;
  if (annotator_list == NULL)
    {
      spanmark_cli_usage_error ("%s", _("missing --annotators: name the annotators to curate from"));
      return SPANMARK_CLI_EXIT_USAGE;
    }
  annotators = spanmark_cli_split_annotators (annotator_list);
  if (annotators == NULL)
    return SPANMARK_CLI_EXIT_USAGE;
  if (g_strv_contains ((const char * const *) annotators, SPANMARK_CURATED_ANNOTATOR))
    {
      spanmark_cli_usage_error (_("“%s” is the curated version, not an annotator to curate from"),
                                SPANMARK_CURATED_ANNOTATOR);
      return SPANMARK_CLI_EXIT_USAGE;
    }

  n_annotators = g_strv_length (annotators);
  min_agree = n_annotators / 2 + 1;
  if (min_agree_text != NULL &&
      !g_ascii_string_to_unsigned (min_agree_text, 10, 1, MAX (n_annotators, 1), &min_agree, NULL))
    {
      spanmark_cli_usage_error (_("--min-agree must be a whole number from 1 to %u (the number of annotators), "
                                  "not “%s”"), n_annotators, min_agree_text);
      return SPANMARK_CLI_EXIT_USAGE;
    }

  project = spanmark_cli_open_project (argv[1]);
  if (project == NULL)
    return SPANMARK_CLI_EXIT_FAILED;

  names = spanmark_agreement_resolve_annotators (project, (const char * const *) annotators, &error);
  if (names == NULL)
    {
      spanmark_cli_usage_error ("%s: %s", argv[1], error->message);
      return SPANMARK_CLI_EXIT_USAGE;
    }

  /* Ids after DIR, with or without --documents (as the usage line says). */
  if (document_options != NULL || argc > 2)
    {
      documents = spanmark_cli_collect_documents (project, argv[1], document_options, argv + 2);
      if (documents == NULL)
        return SPANMARK_CLI_EXIT_USAGE;
    }

  if (!spanmark_curation_curate_project (project, (const char * const *) names, (guint) min_agree,
                                         (const char * const *) documents, replace, report_cb, &totals,
                                         &error))
    {
      spanmark_cli_error ("%s", error->message);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  joined = g_strjoinv (", ", names);
  /* TRANSLATORS: "Curated 3 documents from alice, bob (a span needs 2 of 2)." */
  g_print (ngettext ("Curated %u document from %s (a span needs %u of %u).\n",
                     "Curated %u documents from %s (a span needs %u of %u).\n", totals.n_curated),
           totals.n_curated, joined, (guint) min_agree, n_annotators);
  g_print (_("Spans agreed: %u; conflicts left: %u; documents kept: %u; without annotations: %u\n"),
           totals.n_agreed, totals.n_open, totals.n_kept, totals.n_without);

  return SPANMARK_CLI_EXIT_OK;
}
