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

/* The help's description: every format of the table with what it writes,
 * what the options apply to, and examples. */
static char *
describe_formats (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *flat = NULL;
  g_autofree char *scheme = spanmark_export_format_list_names (SPANMARK_EXPORT_OPTION_SCHEME, ", ");
  g_autofree char *docstart = spanmark_export_format_list_names (SPANMARK_EXPORT_OPTION_DOCSTART, ", ");
  g_autofree char *delimiter = spanmark_export_format_list_names (SPANMARK_EXPORT_OPTION_DELIMITER, ", ");
  g_autoptr(GString) flat_names = g_string_new (NULL);
  guint n = spanmark_export_format_get_n_formats ();

  g_string_append_printf (out, "%s\n", _("Formats and what -o OUT names:"));
  for (guint i = 0; i < n; i++)
    {
      const SpanmarkExportFormat *format = spanmark_export_format_get (i);
      g_auto(GStrv) lines = g_strsplit (spanmark_export_format_get_description (format), "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        g_string_append_printf (out, "  %-8s %s\n", j == 0 ? spanmark_export_format_get_name (format) : "",
                                lines[j]);
      if (spanmark_export_format_is_flat (format))
        g_string_append_printf (flat_names, "%s%s", flat_names->len > 0 ? ", " : "",
                                spanmark_export_format_get_name (format));
    }
  flat = g_string_free (g_steal_pointer (&flat_names), FALSE);

  g_string_append_printf (out,
    _("With --split, OUT is a folder with train, dev and test parts, split by\n"
      "document: train, dev and test files, or for the formats that write files\n"
      "of their own per document, the folders train/, dev/, test/.\n"
      "Offsets are Unicode code points.  The flat formats (%s) cannot hold\n"
      "nested or overlapping spans: they keep the outermost (earliest start, then\n"
      "longest) and report the dropped spans per document on standard error.\n"
      "--scheme applies to %s; --docstart to %s; --delimiter to %s.\n"
      "Files are written under temporary names and moved into place only when\n"
      "the export succeeded.  See docs/formats.md for the exact layouts.\n"),
    flat, scheme, docstart, delimiter);

  g_string_append_printf (out, "\n%s", _("Examples:"));
  for (guint i = 0; i < n; i++)
    {
      const char *example = spanmark_export_format_get_example (spanmark_export_format_get (i));

      if (example != NULL)
        g_string_append_printf (out, "\n  spanmark-cli export corpus %s", example);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
progress_cb (guint       n_done,
             guint       n_total,
             const char *document_id,
             gpointer    user_data)
{
  spanmark_cli_progress_update (user_data, n_done, n_total);
}

/* A usage error when @given but @format does not take @option. */
static gboolean
check_option (const SpanmarkExportFormat *format,
              gboolean                    given,
              SpanmarkExportOptionFlags   option,
              const char                 *name)
{
  g_autofree char *formats = NULL;

  if (!given || (spanmark_export_format_get_options (format) & option) != 0)
    return TRUE;

  formats = spanmark_export_format_list_names (option, ", ");
  /* TRANSLATORS: "--scheme applies to these formats only: NAME, NAME" */
  return spanmark_cli_usage_error (_("%s applies to these formats only: %s"), name, formats);
}

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
  g_autofree char *delimiter_name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *names = spanmark_export_format_list_names (SPANMARK_EXPORT_OPTION_NONE, ", ");
  gint64 seed = 0;
  gboolean seed_given = FALSE;
  gboolean curated = FALSE;
  gboolean docstart = FALSE;
  gboolean quiet = FALSE;
  SpanmarkCliProgress progress;
  SpanmarkExportOptions options;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format (the list below)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Output file, or folder for the folder formats and --split (default: standard output)"), N_("OUT") },
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
      N_("Tag scheme: bio (default) or bioes"), N_("SCHEME") },
    { "docstart", 0, 0, G_OPTION_ARG_NONE, &docstart,
      N_("Begin each document with a “-DOCSTART- -X- O O” line and a blank line"), NULL },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter_name,
      N_("Between a token and its tag: space (default) or tab"), N_("DELIMITER") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("No progress line on a terminal"), NULL },
    { NULL }
  };

  seed = G_MININT64;

  context = g_option_context_new (_("DIR"));
  g_option_context_set_summary (context,
                                _("Write one annotator’s spans in the project DIR as training data."));
  description = describe_formats ();
  g_option_context_set_description (context, description);
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
      spanmark_cli_usage_error (_("missing --format (%s)"), names);
      return SPANMARK_CLI_EXIT_USAGE;
    }
  options.format = spanmark_export_format_lookup (format_name);
  if (options.format == NULL)
    {
      spanmark_cli_usage_error (_("unknown format “%s”: use %s"), format_name, names);
      return SPANMARK_CLI_EXIT_USAGE;
    }
  if (scheme_name != NULL && !spanmark_export_scheme_from_string (scheme_name, &options.scheme))
    {
      spanmark_cli_usage_error (_("unknown scheme “%s”: use bio or bioes"), scheme_name);
      return SPANMARK_CLI_EXIT_USAGE;
    }
  if (delimiter_name != NULL && !spanmark_export_delimiter_from_string (delimiter_name, &options.delimiter))
    {
      spanmark_cli_usage_error (_("unknown delimiter “%s”: use space or tab"), delimiter_name);
      return SPANMARK_CLI_EXIT_USAGE;
    }
  options.docstart = docstart;
  if (!check_option (options.format, scheme_name != NULL, SPANMARK_EXPORT_OPTION_SCHEME, "--scheme") ||
      !check_option (options.format, docstart, SPANMARK_EXPORT_OPTION_DOCSTART, "--docstart") ||
      !check_option (options.format, delimiter_name != NULL, SPANMARK_EXPORT_OPTION_DELIMITER, "--delimiter"))
    return SPANMARK_CLI_EXIT_USAGE;
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

  /* How far a long export is, on a terminal only. */
  spanmark_cli_progress_init (&progress, quiet);
  ok = spanmark_export_run (project, &options, destination, progress_cb, &progress, &report, NULL, &error);
  spanmark_cli_progress_clear (&progress);
  if (!ok)
    {
      spanmark_cli_error ("%s", error->message);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  if (spanmark_export_format_is_flat (options.format))
    {
      guint n_dropped = spanmark_export_report_get_n_dropped (report);
      guint n_documents = spanmark_export_report_get_n_dropped_documents (report);
      g_autoptr(GString) lines = g_string_new (NULL);

      /* One write for all the lines: standard error is unbuffered, and a
       * line a document was a tenth of a large export's time. */
      for (guint i = 0; i < n_documents; i++)
        {
          guint n;
          const char *id = spanmark_export_report_get_dropped_document (report, i, &n);

          /* TRANSLATORS: %s is a document id */
          g_string_append_printf (lines, ngettext ("%s: dropped %u nested span\n",
                                                   "%s: dropped %u nested spans\n", n), id, n);
        }
      if (lines->len > 0)
        g_printerr ("%s", lines->str);
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
