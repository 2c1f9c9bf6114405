/* spanmark-cli-import.c — spanmark-cli import: add files to a project
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"

/* The progress line (spanmark-cli-progress.c): reading each file, then
 * writing the documents. */
static void
progress_cb (SpanmarkImportStage  stage,
             const char          *file,
             guint64              done,
             guint64              total,
             gpointer             user_data)
{
  SpanmarkCliProgress *progress = user_data;
  g_autofree char *line = NULL;

  if (!spanmark_cli_progress_due (progress, done >= total))
    return;

  if (stage == SPANMARK_IMPORT_STAGE_READ)
    /* TRANSLATORS: a progress line: the file, then how much of it is read */
    line = g_strdup_printf (_("Reading %s: %u%%"), file,
                            total > 0 ? (guint) (done * 100 / total) : 100);
  else
    /* TRANSLATORS: a progress line while the documents are written */
    line = g_strdup_printf (_("Writing: %u of %u documents"), (guint) done, (guint) total);
  spanmark_cli_progress_show (progress, line);
}

/* --scheme NAME; FALSE for a name it does not know. */
static gboolean
parse_scheme (const char           *name,
              SpanmarkImportScheme *scheme)
{
  static const struct { const char *name; SpanmarkImportScheme scheme; } schemes[] = {
    { "auto", SPANMARK_IMPORT_SCHEME_AUTO },
    { "iob2", SPANMARK_IMPORT_SCHEME_IOB2 },
    { "bio", SPANMARK_IMPORT_SCHEME_IOB2 },
    { "iob1", SPANMARK_IMPORT_SCHEME_IOB1 },
    { "bioes", SPANMARK_IMPORT_SCHEME_BIOES },
    { "iobes", SPANMARK_IMPORT_SCHEME_BIOES },
    { "bmes", SPANMARK_IMPORT_SCHEME_BMES },
    { "bmeos", SPANMARK_IMPORT_SCHEME_BMES },
  };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (schemes); i++)
    if (g_ascii_strcasecmp (name, schemes[i].name) == 0)
      {
        *scheme = schemes[i].scheme;
        return TRUE;
      }
  return name == NULL;
}

/* The formats --format can name, for its message: "a, b, c". */
static char *
list_format_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < spanmark_import_format_get_n_formats (); i++)
    {
      const SpanmarkImportFormat *format = spanmark_import_format_get (i);

      if (!spanmark_import_format_reads_alone (format))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, spanmark_import_format_get_name (format));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* A count option (--tag-column, --sentences-per-document): at least
 * @min; -1 (not given) stays 0. */
static gboolean
check_count (const char *option,
             int         value,
             int         min,
             guint      *out)
{
  if (value == -1)
    return TRUE;
  if (value < min)
    {
      spanmark_cli_usage_error (_("%s must be a number of at least %d"), option, min);
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

static void
print_report (const SpanmarkImportReport *report,
              SpanmarkProject            *project,
              const char                 *dir,
              const char                 *annotator)
{
  SpanmarkSchema *schema = spanmark_project_get_schema (project);

  for (guint i = 0; i < report->notices->len; i++)
    g_printerr ("spanmark-cli: %s\n", (const char *) g_ptr_array_index (report->notices, i));
  for (guint i = 0; i < report->warnings->len; i++)
    spanmark_cli_warning ("%s", (const char *) g_ptr_array_index (report->warnings, i));

  for (guint i = 0; i < report->labels_added->len; i++)
    {
      const SpanmarkLabel *label = spanmark_schema_lookup (schema, g_ptr_array_index (report->labels_added, i));

      if (label == NULL)
        continue;
      if (label->key != NULL)
        /* TRANSLATORS: a label --add-labels added, its key and colour */
        g_print (_("Added the label %s (key %s, colour %s)\n"), label->name, label->key, label->color);
      else
        g_print (_("Added the label %s (no key, colour %s)\n"), label->name, label->color);
    }

  g_print (ngettext ("Imported %u document into %s\n",
                     "Imported %u documents into %s\n", report->documents_added),
           report->documents_added, dir);
  if (report->annotations_added > 0)
    {
      /* TRANSLATORS: the annotator, then how many documents the project had */
      g_print (ngettext ("Added %s’s annotations to %u document the project had",
                         "Added %s’s annotations to %u documents the project had", report->annotations_added),
               annotator, report->annotations_added);
      if (report->annotations_replaced > 0)
        g_print (ngettext (" (%u replaced)", " (%u replaced)", report->annotations_replaced),
                 report->annotations_replaced);
      g_print ("\n");
    }
  if (report->already_there > 0)
    g_print (ngettext ("%u document was in the project already, with nothing new\n",
                       "%u documents were in the project already, with nothing new\n", report->already_there),
             report->already_there);
}

/* The help's summary: every import format of the table with what it
 * reads, then what an import does. */
static char *
describe_formats (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n\n", _("Add documents to the project in DIR."));
  for (guint i = 0; i < spanmark_import_format_get_n_formats (); i++)
    {
      const SpanmarkImportFormat *format = spanmark_import_format_get (i);
      g_auto(GStrv) lines = g_strsplit (spanmark_import_format_get_description (format), "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        g_string_append_printf (out, "  %-21s %s\n", j == 0 ? spanmark_import_format_get_usage (format) : "",
                                lines[j]);
    }
  /* TRANSLATORS: FOLDER stands for a folder given on the command line */
  g_string_append_printf (out, "  %-21s %s\n\n", "FOLDER", _("the files of these kinds in it"));
  g_string_append (out,
                   _("Offsets are Unicode code points. Text is normalised (byte-order mark\n"
                     "removed, CRLF and CR turned into LF) and spans are moved so they cover the\n"
                     "same characters. Labels must be in the project’s schema (--add-labels adds\n"
                     "them). Imported spans belong to the annotator, with the status\n"
                     "“in-progress”. A document the project has already (the same id and, once\n"
                     "normalised, the same text) gets the annotator’s work added; another text\n"
                     "for its id is an error, and so is the annotator’s own file for it, unless\n"
                     "--replace. Every file is checked before anything is written: on any error\n"
                     "nothing changes.\n"
                     "\n"
                     "spanmark.json is written last: an import that is interrupted (killed, a\n"
                     "crash) leaves the project as it was, with texts that “spanmark-cli\n"
                     "validate” lists as leftovers. Running the same import again finishes it;\n"
                     "“spanmark-cli clean DIR” removes them instead."));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

int
spanmark_cli_import (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SpanmarkImportReport) report = { 0 };
  g_autofree char *annotator = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *format = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *join = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  SpanmarkImportOptions options = { 0 };
  SpanmarkCliProgress progress = { 0 };
  gboolean replace = FALSE, add_labels = FALSE, skip_invalid = FALSE, quiet = FALSE;
  int tag_column = -1, per_document = -1;
  const GOptionEntry entries[] = {
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator,
      N_("Annotator who owns the imported spans (default: imported)"), N_("NAME") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace the annotator’s own files of documents the project has"), NULL },
    { "add-labels", 0, 0, G_OPTION_ARG_NONE, &add_labels,
      N_("Add the labels the files use that the project lacks"), NULL },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid,
      N_("JSON lines: import the valid lines, list the others"), NULL },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding,
      N_("Encoding of .txt, .ann and column files: utf-8 (default) or gb18030 (reads GBK too)"), N_("ENCODING") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Read every file as this format, whatever its name"), N_("FORMAT") },
    { "scheme", 0, 0, G_OPTION_ARG_STRING, &scheme,
      N_("Tags of column files: iob2 (bio), iob1, bioes, bmes (bmeos) or auto (default)"), N_("SCHEME") },
    { "join", 0, 0, G_OPTION_ARG_STRING, &join,
      N_("Join the tokens of column files with none or a space (default: none when every token is one character)"), N_("JOIN") },
    { "tag-column", 0, 0, G_OPTION_ARG_INT, &tag_column,
      N_("Column files: the column of the tags, from 1 (default: the last)"), N_("N") },
    { "sentences-per-document", 0, 0, G_OPTION_ARG_INT, &per_document,
      N_("Column files: a document every N sentences (default: by -DOCSTART-, else the file)"), N_("N") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("No progress line (shown only on a terminal)"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("DIR FILE…"));
  summary = describe_formats ();
  g_option_context_set_summary (context, summary);
  description = g_strdup_printf ("%s\n\n%s",
                                 _("Column files (CoNLL, BIO, IOB, BMES): the columns are split at tabs when\n"
                                   "the first line of tokens has one, else at spaces. The scheme is told from\n"
                                   "the tags (M- is BMES; E- or S- BIOES; spans that start with I-, with B-\n"
                                   "only right after a span of its label, IOB1; else IOB2) unless --scheme.\n"
                                   "Tags out of order (an I- with no B-, an E- with no start, a span without\n"
                                   "its E-) are read as seqeval reads them, and each kind of repair is\n"
                                   "reported with its count and first line.\n"
                                   "Tokens are joined with nothing when every token is one character (Chinese\n"
                                   "a character a line), else with a space; each sentence becomes a line.\n"
                                   "\n"
                                   "doccano’s relations are counted and reported, not imported. On a terminal\n"
                                   "a progress line shows how far the reading and writing are."),
                                 _("Examples:\n"
                                      "  spanmark-cli import corpus articles/*.txt\n"
                                      "  spanmark-cli import corpus --annotator alice brat/*.txt\n"
                                      "  spanmark-cli import corpus --annotator bob --replace bob.jsonl\n"
                                      "  spanmark-cli import corpus --add-labels resume.bmes\n"
                                      "  spanmark-cli import corpus --add-labels --sentences-per-document 100 msra.bio\n"
                                      "  spanmark-cli import corpus --encoding gb18030 old/*.txt"));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!spanmark_cli_parse_options (context, &argc, &argv))
    return SPANMARK_CLI_EXIT_USAGE;

  if (argc < 3)
    {
      spanmark_cli_usage_error (argc < 2 ? _("missing the project folder DIR and the files to import")
                                         : _("missing the files to import"));
      return SPANMARK_CLI_EXIT_USAGE;
    }

  if (encoding == NULL || g_ascii_strcasecmp (encoding, "utf-8") == 0 ||
      g_ascii_strcasecmp (encoding, "utf8") == 0)
    options.encoding = SPANMARK_TEXT_ENCODING_UTF8;
  else if (g_ascii_strcasecmp (encoding, "gb18030") == 0 || g_ascii_strcasecmp (encoding, "gbk") == 0 ||
           g_ascii_strcasecmp (encoding, "gb2312") == 0)
    options.encoding = SPANMARK_TEXT_ENCODING_GB18030;
  else
    {
      spanmark_cli_usage_error (_("unknown encoding “%s” (use utf-8 or gb18030)"), encoding);
      return SPANMARK_CLI_EXIT_USAGE;
    }

  if (annotator != NULL && !spanmark_project_is_valid_annotator (annotator))
    {
      spanmark_cli_usage_error (_("“%s” is not a valid annotator name (letters, digits and “-_.”)"), annotator);
      return SPANMARK_CLI_EXIT_USAGE;
    }
  options.annotator = annotator;

  if (format != NULL)
    {
      options.format = spanmark_import_format_lookup (format);
      if (options.format == NULL || !spanmark_import_format_reads_alone (options.format))
        {
          g_autofree char *names = list_format_names ();

          spanmark_cli_usage_error (_("unknown format “%s” for --format (use one of %s)"), format, names);
          return SPANMARK_CLI_EXIT_USAGE;
        }
    }
  if (!parse_scheme (scheme, &options.scheme))
    {
      spanmark_cli_usage_error (_("unknown scheme “%s” (use iob2, iob1, bioes, bmes or auto)"), scheme);
      return SPANMARK_CLI_EXIT_USAGE;
    }
  if (join == NULL)
    options.join = SPANMARK_IMPORT_JOIN_AUTO;
  else if (g_ascii_strcasecmp (join, "none") == 0)
    options.join = SPANMARK_IMPORT_JOIN_NONE;
  else if (g_ascii_strcasecmp (join, "space") == 0)
    options.join = SPANMARK_IMPORT_JOIN_SPACE;
  else
    {
      spanmark_cli_usage_error (_("unknown --join “%s” (use none or space)"), join);
      return SPANMARK_CLI_EXIT_USAGE;
    }
  /* Column 1 is the token. */
  if (!check_count ("--tag-column", tag_column, 2, &options.tag_column) ||
      !check_count ("--sentences-per-document", per_document, 1, &options.sentences_per_document))
    return SPANMARK_CLI_EXIT_USAGE;

  options.replace = replace;
  options.add_labels = add_labels;
  options.skip_invalid = skip_invalid;
  /* The command ends with the import: into a new project, it need not
   * keep the documents it adds, only write their index entries. */
  options.stream_index = TRUE;
  spanmark_cli_progress_init (&progress, quiet);
  if (progress.enabled)
    {
      options.progress = progress_cb;
      options.progress_data = &progress;
    }

  project = spanmark_cli_open_project (argv[1]);
  if (project == NULL)
    return SPANMARK_CLI_EXIT_FAILED;

  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 2; i < argc; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));

  spanmark_import_report_init (&report);
  if (!spanmark_import_run (project, (GFile **) files->pdata, files->len, &options, &report, &error))
    {
      spanmark_cli_progress_clear (&progress);
      for (guint i = 0; i < report.warnings->len; i++)
        spanmark_cli_warning ("%s", (const char *) g_ptr_array_index (report.warnings, i));
      spanmark_cli_error ("%s", error->message);
      spanmark_cli_error (_("nothing was imported"));
      return SPANMARK_CLI_EXIT_FAILED;
    }

  /* A streamed import wrote the index itself, which the project, not
   * holding the documents, would write without them. */
  if (!report.index_written && !spanmark_project_save (project, &error))
    {
      spanmark_cli_progress_clear (&progress);
      spanmark_cli_error ("%s", error->message);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  spanmark_cli_progress_clear (&progress);
  print_report (&report, project, argv[1], annotator != NULL ? annotator : "imported");
  return SPANMARK_CLI_EXIT_OK;
}
