/* spanmark-cli-validate.c — spanmark-cli validate: check a project
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"

/* @arg as one would type it in a shell: quoted only if it needs to be. */
static char *
shell_word (const char *arg)
{
  for (const char *p = arg; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_./+,:@%", *p) == NULL && (guchar) *p < 0x80)
      return g_shell_quote (arg);
  return arg[0] != '\0' ? g_strdup (arg) : g_shell_quote (arg);
}

int
spanmark_cli_validate (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_errors = 0, n_warnings = 0, n_leftovers = 0;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = g_option_context_new (_("DIR"));
  g_option_context_set_summary (context,
                                _("Check every file of the project in DIR: JSON shape and types, offsets in\n"
                                  "range, span text matching the document, text hashes, label names, unique\n"
                                  "ids, document paths inside the project, and that each file is a regular\n"
                                  "file no symbolic link leads out of the project. Nothing is written.\n"
                                  "\n"
                                  "Each problem is printed on stderr as “FILE: PLACE: MESSAGE”, with FILE\n"
                                  "relative to DIR. Exit status 0: no problem; 1: problems found.\n"
                                  "\n"
                                  "Leftovers of interrupted saves and imports (temporary files, documents\n"
                                  "that spanmark.json does not list) are printed as “FILE: warning: …” and\n"
                                  "do not make the project invalid; “spanmark-cli clean DIR” removes them.\n"
                                  "So are two spans on exactly the same characters and copies kept in\n"
                                  "conflicts/ after a conflicting save: worth a look, but valid."));
  g_option_context_set_description (context,
                                    _("Example:\n"
                                      "  spanmark-cli validate corpus && git commit -a -m \"More annotations\""));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!spanmark_cli_parse_dir_options (context, &argc, &argv,
                                       _("too many arguments: validate takes one folder")))
    return SPANMARK_CLI_EXIT_USAGE;

  dir = g_file_new_for_commandline_arg (argv[1]);
  problems = spanmark_validate_project (dir, &error);
  if (problems == NULL)
    {
      spanmark_cli_error ("%s", error->message);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      const SpanmarkProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = spanmark_problem_to_string (problem);

      g_printerr ("%s\n", line);
      if (problem->severity == SPANMARK_PROBLEM_ERROR)
        n_errors++;
      else if (problem->severity == SPANMARK_PROBLEM_LEFTOVER)
        n_leftovers++;
      else
        n_warnings++;
    }

  if (n_leftovers > 0)
    {
      g_autofree char *quoted = shell_word (argv[1]);

      g_printerr (ngettext ("%s: %u file is left over from an interrupted save or import; "
                            "“spanmark-cli clean %s” removes it\n",
                            "%s: %u files are left over from interrupted saves or imports; "
                            "“spanmark-cli clean %s” removes them\n", n_leftovers),
                  argv[1], n_leftovers, quoted);
    }

  if (n_errors > 0)
    {
      g_printerr (ngettext ("%s: %u problem found\n", "%s: %u problems found\n", n_errors),
                  argv[1], n_errors);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  if (n_warnings > 0)
    g_print (ngettext ("%s: no problems found, %u warning\n", "%s: no problems found, %u warnings\n",
                       n_warnings),
             argv[1], n_warnings);
  else
    g_print (_("%s: no problems found\n"), argv[1]);
  return SPANMARK_CLI_EXIT_OK;
}
