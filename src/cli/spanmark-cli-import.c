/* spanmark-cli-import.c — spanmark-cli import: add files to a project
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"

int
spanmark_cli_import (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *encoding = NULL;
  SpanmarkImportOptions options = { 0 };
  int added;
  const GOptionEntry entries[] = {
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator,
      N_("Annotator who owns the imported spans (default: imported)"), N_("NAME") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding,
      N_("Encoding of .txt and .ann files: utf-8 (default) or gb18030 (reads GBK too)"), N_("ENCODING") },
    { NULL }
  };

  context = g_option_context_new (_("DIR FILE…"));
  g_option_context_set_summary (context,
                                _("Add documents to the project in DIR.\n"
                                  "\n"
                                  "  NAME.txt              one document with the id NAME\n"
                                  "  NAME.txt + NAME.ann   brat: the text and its spans; AnnotatorNotes\n"
                                  "                        “key=value” become attributes, Equiv groups\n"
                                  "                        become entities\n"
                                  "  NAME.jsonl            one document per line, spaCy style\n"
                                  "                        {\"id\", \"text\", \"spans\": [{\"start\", \"end\", \"label\"}]}\n"
                                  "                        or doccano style\n"
                                  "                        {\"id\", \"text\", \"label\": [[start, end, \"LABEL\"]]};\n"
                                  "                        without \"id\" a document is called NAME-LINE;\n"
                                  "                        spans may have \"entity\" and \"attrs\", and\n"
                                  "                        \"entities\": [{\"id\", \"label\", \"name\", \"attrs\"}]\n"
                                  "  FOLDER                the .txt, .ann and .jsonl files in it\n"
                                  "\n"
                                  "Offsets are Unicode code points. Text is normalised (byte-order mark\n"
                                  "removed, CRLF and CR turned into LF) and spans are moved so they cover the\n"
                                  "same characters. Labels must be in the project’s schema. Imported spans\n"
                                  "belong to the annotator, with the status “in-progress”. Every file is\n"
                                  "checked before anything is written: on any error nothing changes.\n"
                                  "\n"
                                  "spanmark.json is written last: an import that is interrupted (killed, a\n"
                                  "crash) leaves the project as it was, with texts that “spanmark-cli\n"
                                  "validate” lists as leftovers. Running the same import again finishes it;\n"
                                  "“spanmark-cli clean DIR” removes them instead."));
  g_option_context_set_description (context,
                                    _("Examples:\n"
                                      "  spanmark-cli import corpus articles/*.txt\n"
                                      "  spanmark-cli import corpus --annotator alice brat/*.txt\n"
                                      "  spanmark-cli import corpus --encoding gb18030 old/*.txt"));
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

  project = spanmark_cli_open_project (argv[1]);
  if (project == NULL)
    return SPANMARK_CLI_EXIT_FAILED;

  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 2; i < argc; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));

  warnings = g_ptr_array_new_with_free_func (g_free);
  added = spanmark_import_files (project, (GFile **) files->pdata, files->len,
                                 &options, warnings, &error);

  for (guint i = 0; i < warnings->len; i++)
    spanmark_cli_warning ("%s", (const char *) g_ptr_array_index (warnings, i));

  if (added < 0)
    {
      spanmark_cli_error ("%s", error->message);
      spanmark_cli_error (_("nothing was imported"));
      return SPANMARK_CLI_EXIT_FAILED;
    }

  if (!spanmark_project_save (project, &error))
    {
      spanmark_cli_error ("%s", error->message);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  g_print (ngettext ("Imported %d document into %s\n",
                     "Imported %d documents into %s\n", added),
           added, argv[1]);
  return SPANMARK_CLI_EXIT_OK;
}
