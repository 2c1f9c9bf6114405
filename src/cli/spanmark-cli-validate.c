/* spanmark-cli-validate.c — spanmark-cli validate: check a project
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"

int
spanmark_cli_validate (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = g_option_context_new (_("DIR"));
  g_option_context_set_summary (context,
                                _("Check every file of the project in DIR: JSON shape and types, offsets in\n"
                                  "range, span text matching the document, text hashes, label names, unique\n"
                                  "ids, document paths inside the project. Nothing is written.\n"
                                  "\n"
                                  "Each problem is printed on stderr as “FILE: PLACE: MESSAGE”, with FILE\n"
                                  "relative to DIR. Exit status 0: no problem; 1: problems found."));
  g_option_context_set_description (context,
                                    _("Example:\n"
                                      "  spanmark-cli validate corpus && git commit -a -m \"More annotations\""));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!spanmark_cli_parse_dir_options (context, &argc, &argv,
                                       _("too many arguments: validate takes one folder")))
    return SPANMARK_CLI_EXIT_USAGE;

  dir = g_file_new_for_commandline_arg (argv[1]);
  problems = spanmark_validate_project_full (dir, &warnings, &error);
  if (problems == NULL)
    {
      spanmark_cli_error ("%s", error->message);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = spanmark_problem_to_string (g_ptr_array_index (problems, i));

      g_printerr ("%s\n", line);
    }

  /* Warnings (valid, but worth a look) go with the problems, marked,
   * and do not fail the run: a pipeline gates on real problems. */
  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *line = spanmark_problem_to_string (g_ptr_array_index (warnings, i));

      /* Translators: the start of a line of validate output that is a
       * warning, not a problem: "warning: FILE: PLACE: MESSAGE". */
      g_printerr (_("warning: %s\n"), line);
    }

  if (problems->len > 0)
    {
      g_printerr (ngettext ("%s: %u problem found\n", "%s: %u problems found\n", problems->len),
                  argv[1], problems->len);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  if (warnings->len > 0)
    g_print (ngettext ("%s: no problems found, %u warning\n", "%s: no problems found, %u warnings\n",
                       warnings->len),
             argv[1], warnings->len);
  else
    g_print (_("%s: no problems found\n"), argv[1]);
  return SPANMARK_CLI_EXIT_OK;
}
