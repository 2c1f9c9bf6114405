/* spanmark-cli.c — entry point of spanmark-cli: dispatch to a command
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "init",     spanmark_cli_init,     N_("Create a new project, with the default labels or your own") },
  { "labels",   spanmark_cli_labels,   N_("List, add, change, rename, reorder and remove a project’s labels") },
  { "import",   spanmark_cli_import,   N_("Add texts, with or without their annotations, to a project") },
  { "export",   spanmark_cli_export,   N_("Write annotations as training data in one of the export formats") },
  { "validate", spanmark_cli_validate, N_("Check every file of a project") },
  { "stats",    spanmark_cli_stats,    N_("Count documents by status, spans per label and per annotator") },
  { "agree",    spanmark_cli_agree,    N_("Measure inter-annotator agreement (Cohen’s κ, span F1, Krippendorff’s α, Fleiss’ κ)") },
  { "curate",   spanmark_cli_curate,   N_("Start curated versions from the spans annotators agree on") },
  { "pretag",   spanmark_cli_pretag,   N_("Add dictionary and corpus matches as spans for an annotator to review") },
  { "check",    spanmark_cli_check,    N_("List texts tagged in one place but untagged or labelled differently in another") },
  { "entities", spanmark_cli_entities, N_("List, merge and rename the corpus-wide entities") },
  { "clean",    spanmark_cli_clean,    N_("Remove the files interrupted saves and imports left behind") },
  { "sync",     spanmark_cli_sync,     N_("Commit your annotations, fetch the team’s, merge and push (git)") },
};

static void
print_usage (FILE *out)
{
  g_autoptr(GString) usage = g_string_new (NULL);

  g_string_append_printf (usage, "%s\n  spanmark-cli %s\n\n", _("Usage:"), _("COMMAND [OPTION…]"));
  g_string_append_printf (usage, "%s\n\n", _("Spanmark’s command line: create, fill, check and export annotation projects."));
  g_string_append_printf (usage, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (usage, "  %-10s%s\n", commands[i].name, _(commands[i].summary));
  g_string_append_printf (usage, "\n%s\n", _("Options:"));
  g_string_append_printf (usage, "  %-14s%s\n", "-h, --help", _("Show this help"));
  g_string_append_printf (usage, "  %-14s%s\n", "--version", _("Show the version"));
  g_string_append (usage, "\n");
  g_string_append_printf (usage, "%s\n", _("Exit status: 0 success, 1 invalid data or a failed operation, 2 usage error."));
  g_string_append_printf (usage, _("Run “spanmark-cli COMMAND --help” for the options of a command."));
  g_string_append (usage, "\n");

  fputs (usage->str, out);
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static int
run_command (const Command *command,
             int            argc,
             char         **argv)
{
  g_autofree char *prgname = g_strdup_printf ("spanmark-cli %s", command->name);

  /* GOption prints the program name in usage lines and errors. */
  g_set_prgname (prgname);
  return command->run (argc, argv);
}

int
main (int    argc,
      char **argv)
{
  const Command *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("spanmark-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return SPANMARK_CLI_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "-?") == 0 || (strcmp (argv[1], "help") == 0 && argc == 2))
    {
      print_usage (stdout);
      return SPANMARK_CLI_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("spanmark-cli %s\n", PACKAGE_VERSION);
      return SPANMARK_CLI_EXIT_OK;
    }

  /* "spanmark-cli help COMMAND" is "spanmark-cli COMMAND --help". */
  if (strcmp (argv[1], "help") == 0)
    {
      char *help_argv[] = { argv[2], (char *) "--help", NULL };

      command = find_command (argv[2]);
      if (command == NULL)
        {
          spanmark_cli_error (_("unknown command “%s”"), argv[2]);
          print_usage (stderr);
          return SPANMARK_CLI_EXIT_USAGE;
        }
      return run_command (command, 2, help_argv);
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      if (argv[1][0] == '-')
        spanmark_cli_error (_("unknown option “%s”"), argv[1]);
      else
        spanmark_cli_error (_("unknown command “%s”"), argv[1]);
      print_usage (stderr);
      return SPANMARK_CLI_EXIT_USAGE;
    }

  return run_command (command, argc - 1, argv + 1);
}
