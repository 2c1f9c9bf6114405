/* spanmark-cli-init.c — spanmark-cli init: create a project
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"

int
spanmark_cli_init (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) index = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  const GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name,
      N_("The project’s name (default: the folder’s name)"), N_("NAME") },
    { NULL }
  };

  context = g_option_context_new (_("DIR"));
  g_option_context_set_summary (context,
                                _("Create a new, empty project in DIR (created if needed) with the default\n"
                                  "labels OFFICIAL, PLACE and INITIATIVE. Fails if DIR already holds a project."));
  g_option_context_set_description (context,
                                    _("Example:\n"
                                      "  spanmark-cli init corpus --name \"Regional news\"\n"
                                      "  spanmark-cli import corpus articles/*.txt"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!spanmark_cli_parse_dir_options (context, &argc, &argv,
                                       _("too many arguments: init takes one folder")))
    return SPANMARK_CLI_EXIT_USAGE;

  dir = g_file_new_for_commandline_arg (argv[1]);
  display = g_file_get_parse_name (dir);
  index = g_file_get_child (dir, "spanmark.json");
  if (g_file_query_exists (index, NULL))
    {
      spanmark_cli_error (_("%s already holds a project (spanmark.json exists)"), display);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  if (name == NULL)
    name = g_file_get_basename (dir);

  project = spanmark_project_create (dir, name, &error);
  if (project == NULL)
    {
      /* The core's messages start with the path already. */
      spanmark_cli_error ("%s", error->message);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  g_print (_("Created project “%s” in %s\n"), name, display);
  return SPANMARK_CLI_EXIT_OK;
}
