/* spanmark-cli-clean.c — spanmark-cli clean: remove what interrupted writes left
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"

int
spanmark_cli_clean (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean dry_run = FALSE;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("List what would be removed, and remove nothing"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("DIR"));
  g_option_context_set_summary (context,
                                _("Remove the leftovers that “spanmark-cli validate” lists as warnings:\n"
                                  "\n"
                                  "  .NAME.json.spanmark-XXXXXX, .NAME.txt.spanmark-XXXXXX\n"
                                  "        hidden temporary files of a save that was interrupted (the\n"
                                  "        file NAME itself is whole: the old or the new version), in\n"
                                  "        the project folder, documents/, annotations/ and entities/\n"
                                  "  documents/ID.txt and annotations/*/ID.json that spanmark.json does not list\n"
                                  "        what an import that was interrupted wrote before the index;\n"
                                  "        running the same import again finishes it instead\n"
                                  "\n"
                                  "Annotator folders left empty are removed too. Nothing else is touched\n"
                                  "(a copy of your own such as NAME.json.backup is not a temporary file),\n"
                                  "and documents are only taken for leftovers when spanmark.json has no\n"
                                  "problem. Run it when no import and no save is under way. Each path\n"
                                  "removed is printed, relative to DIR."));
  g_option_context_set_description (context,
                                    _("Examples:\n"
                                      "  spanmark-cli validate corpus\n"
                                      "  spanmark-cli clean --dry-run corpus\n"
                                      "  spanmark-cli clean corpus"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!spanmark_cli_parse_dir_options (context, &argc, &argv,
                                       _("too many arguments: clean takes one folder")))
    return SPANMARK_CLI_EXIT_USAGE;

  dir = g_file_new_for_commandline_arg (argv[1]);
  ok = spanmark_clean_project (dir, dry_run, removed, &error);

  for (guint i = 0; i < removed->len; i++)
    {
      const char *path = g_ptr_array_index (removed, i);

      if (dry_run)
        /* TRANSLATORS: %s is a path relative to the project folder */
        g_print (_("would remove %s\n"), path);
      else
        /* TRANSLATORS: %s is a path relative to the project folder */
        g_print (_("removed %s\n"), path);
    }

  if (!ok)
    {
      spanmark_cli_error ("%s", error->message);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  if (removed->len == 0)
    g_print (_("%s: nothing to clean\n"), argv[1]);
  else if (dry_run)
    g_print (ngettext ("%s: %u leftover would be removed\n",
                       "%s: %u leftovers would be removed\n", removed->len),
             argv[1], removed->len);
  else
    g_print (ngettext ("%s: removed %u leftover\n",
                       "%s: removed %u leftovers\n", removed->len),
             argv[1], removed->len);

  return SPANMARK_CLI_EXIT_OK;
}
