/* spanmark-cli-export.c — spanmark-cli export: write training data
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"
#include "spanmark-export.h"
#include "spanmark-project.h"

int
spanmark_cli_export (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkExportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *status = NULL;
  g_autofree char *split = NULL;
  g_autofree char *scheme_name = NULL;
  gint64 seed = 0;
  gboolean seed_given = FALSE;
  gboolean curated = FALSE;
  SpanmarkExportOptions options;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: conll, jsonl, doccano, hf or brat"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Output file, or folder for hf, brat and --split (default: standard output)"), N_("OUT") },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator,
      N_("Export this annotator’s work (default: the only annotator)"), N_("NAME") },
    { "curated", 0, 0, G_OPTION_ARG_NONE, &curated,
      N_("Export the curated (adjudicated) version"), NULL },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Only documents with this status: done (or all, the default)"), N_("STATUS") },
    { "split", 0, 0, G_OPTION_ARG_STRING, &split,
      N_("Split by document into train/dev/test, e.g. 80/10/10"), N_("T/D/T") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("Seed of the split (default 0); the same seed gives the same split"), N_("N") },
    { "scheme", 0, 0, G_OPTION_ARG_STRING, &scheme_name,
      N_("Tag scheme of conll and hf: bio (default) or bioes"), N_("SCHEME") },
    { NULL }
  };

  seed = G_MININT64;

  context = g_option_context_new (_("DIR"));
  g_option_context_set_summary (context,
                                _("Write one annotator’s spans in the project DIR as training data."));
  g_option_context_set_description (context,
    _("Formats and what -o OUT names:\n"
      "  conll    one character per line, “CHAR TAG”, a blank line after each sentence\n"
      "           and document; OUT is a file (standard output without -o or with -o -)\n"
      "  jsonl    one document a line: {\"id\",\"text\",\"spans\",\"entities\"}; OUT is a file\n"
      "  doccano  one document a line: {\"id\",\"text\",\"label\":[[start,end,\"LABEL\"],…]}; OUT is a file\n"
      "  hf       OUT is a folder with data.jsonl (one sentence a line:\n"
      "           {\"id\",\"tokens\",\"ner_tags\"}) and labels.json (the tag names)\n"
      "  brat     OUT is a folder with ID.txt and ID.ann per document and annotation.conf\n"
      "With --split, OUT is a folder with train, dev and test files (train.conll,\n"
      "train.jsonl, or for brat the folders train/, dev/, test/), split by document.\n"
      "Offsets are Unicode code points.  conll and hf cannot hold nested or\n"
      "overlapping spans: they keep the outermost (earliest start, then longest) and\n"
      "report the dropped spans per document on standard error.  Files are written\n"
      "under temporary names and moved into place only when the export succeeded.\n"
      "See docs/formats.md for the exact layouts.\n"
      "\n"
      "Examples:\n"
      "  spanmark-cli export corpus --format conll --scheme bioes -o corpus.conll\n"
      "  spanmark-cli export corpus --format hf --curated --status done \\\n"
      "      --split 80/10/10 --seed 42 -o hf-data"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!spanmark_cli_parse_dir_options (context, &argc, &argv,
                                       _("too many arguments: export takes one project folder")))
    return SPANMARK_CLI_EXIT_USAGE;

  seed_given = seed != G_MININT64;
  if (!seed_given)
    seed = 0;

  spanmark_export_options_init (&options);

  if (format_name == NULL)
    {
      spanmark_cli_usage_error (_("missing --format (conll, jsonl, doccano, hf or brat)"));
      return SPANMARK_CLI_EXIT_USAGE;
    }
  if (!spanmark_export_format_from_string (format_name, &options.format))
    {
      spanmark_cli_usage_error (_("unknown format “%s”: use conll, jsonl, doccano, hf or brat"), format_name);
      return SPANMARK_CLI_EXIT_USAGE;
    }
  if (scheme_name != NULL)
    {
      if (!spanmark_export_scheme_from_string (scheme_name, &options.scheme))
        {
          spanmark_cli_usage_error (_("unknown scheme “%s”: use bio or bioes"), scheme_name);
          return SPANMARK_CLI_EXIT_USAGE;
        }
      if (!spanmark_export_format_is_flat (options.format))
        {
          spanmark_cli_usage_error (_("--scheme applies to the conll and hf formats only"));
          return SPANMARK_CLI_EXIT_USAGE;
        }
    }
  if (annotator != NULL && curated)
    {
      spanmark_cli_usage_error (_("give either --annotator or --curated, not both"));
      return SPANMARK_CLI_EXIT_USAGE;
    }
  if (status != NULL)
    {
      if (g_str_equal (status, "done"))
        options.done_only = TRUE;
      else if (!g_str_equal (status, "all"))
        {
          spanmark_cli_usage_error (_("unknown status “%s”: use done or all"), status);
          return SPANMARK_CLI_EXIT_USAGE;
        }
    }
  if (split != NULL)
    {
      if (!spanmark_export_parse_split (split, options.split_percent, &error))
        {
          spanmark_cli_usage_error ("%s", error->message);
          return SPANMARK_CLI_EXIT_USAGE;
        }
      options.split = TRUE;
      options.seed = (guint64) seed;
    }
  else if (seed_given)
    {
      spanmark_cli_usage_error (_("--seed needs --split"));
      return SPANMARK_CLI_EXIT_USAGE;
    }

  if (output != NULL && !g_str_equal (output, "-"))
    destination = g_file_new_for_commandline_arg (output);
  else if (spanmark_export_format_writes_folder (options.format, options.split))
    {
      spanmark_cli_usage_error (_("this export writes a folder: give it with -o OUT"));
      return SPANMARK_CLI_EXIT_USAGE;
    }

  if (curated)
    options.annotator = SPANMARK_CURATED_ANNOTATOR;
  else
    options.annotator = annotator;

  project = spanmark_cli_open_project (argv[1]);
  if (project == NULL)
    return SPANMARK_CLI_EXIT_FAILED;

  if (!spanmark_export_run (project, &options, destination, NULL, NULL, &report, NULL, &error))
    {
      spanmark_cli_error ("%s", error->message);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  if (spanmark_export_format_is_flat (options.format))
    {
      guint n_dropped = spanmark_export_report_get_n_dropped (report);
      guint n_documents = spanmark_export_report_get_n_dropped_documents (report);

      for (guint i = 0; i < n_documents; i++)
        {
          guint n;
          const char *id = spanmark_export_report_get_dropped_document (report, i, &n);

          /* TRANSLATORS: %s is a document id */
          g_printerr (ngettext ("%s: dropped %u nested span\n",
                                "%s: dropped %u nested spans\n", n), id, n);
        }
      if (n_dropped > 0)
        g_printerr (ngettext ("Dropped %u nested or overlapping span in all (the format keeps the outermost)\n",
                              "Dropped %u nested or overlapping spans in all (the format keeps the outermost)\n",
                              n_dropped), n_dropped);
    }

  if (options.split)
    g_printerr (_("Exported %u documents by %s: %u train, %u dev, %u test\n"),
                spanmark_export_report_get_n_documents (report),
                spanmark_export_report_get_annotator (report),
                spanmark_export_report_get_n_part_documents (report, SPANMARK_EXPORT_PART_TRAIN),
                spanmark_export_report_get_n_part_documents (report, SPANMARK_EXPORT_PART_DEV),
                spanmark_export_report_get_n_part_documents (report, SPANMARK_EXPORT_PART_TEST));
  else
    g_printerr (ngettext ("Exported %u document by %s\n", "Exported %u documents by %s\n",
                          spanmark_export_report_get_n_documents (report)),
                spanmark_export_report_get_n_documents (report),
                spanmark_export_report_get_annotator (report));

  return SPANMARK_CLI_EXIT_OK;
}
