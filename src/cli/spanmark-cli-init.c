/* spanmark-cli-init.c — spanmark-cli init: create a project
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"

/* The labels of --labels or --schema, or the default; NULL after a
 * message (with *status the exit status). */
static SpanmarkSchema *
make_schema (const char *labels,
             const char *schema_file,
             int        *status)
{
  g_autoptr(GError) error = NULL;
  SpanmarkSchema *schema;

  if (labels != NULL && schema_file != NULL)
    {
      spanmark_cli_usage_error ("%s", _("--labels and --schema cannot be used together"));
      *status = SPANMARK_CLI_EXIT_USAGE;
      return NULL;
    }

  if (labels != NULL)
    {
      g_auto(GStrv) names = g_strsplit (labels, ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        g_strstrip (names[i]);
      schema = spanmark_label_ops_schema_from_names ((const char * const *) names, &error);
      if (schema == NULL)
        {
          spanmark_cli_usage_error ("--labels: %s", error->message);
          *status = SPANMARK_CLI_EXIT_USAGE;
        }
      return schema;
    }

  if (schema_file != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (schema_file);
      g_autofree char *data = NULL;
      gsize length = 0;

      *status = SPANMARK_CLI_EXIT_FAILED;
      if (!spanmark_file_read (file, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE, &data, &length, &error))
        {
          spanmark_cli_error ("%s: %s", schema_file, error->message);
          return NULL;
        }
      schema = spanmark_label_ops_schema_from_json (schema_file, data, length, &error);
      if (schema == NULL)
        spanmark_cli_error ("%s", error->message);
      return schema;
    }

  return spanmark_schema_new_default ();
}

int
spanmark_cli_init (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) index = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *schema_file = NULL;
  int status = SPANMARK_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name,
      N_("The project’s name (default: the folder’s name)"), N_("NAME") },
    { "labels", 'l', 0, G_OPTION_ARG_STRING, &labels,
      N_("The labels, separated by commas, instead of the default (keys 1…9, then a…z)"), N_("A,B,…") },
    { "schema", 's', 0, G_OPTION_ARG_FILENAME, &schema_file,
      N_("Take the labels from FILE: the “labels” array of a spanmark.json (alone or in one)"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("DIR"));
  g_option_context_set_summary (context,
                                _("Create a new, empty project in DIR (created if needed) with the default\n"
                                  "labels OFFICIAL, PLACE and INITIATIVE, or with the labels of --labels or\n"
                                  "--schema. Fails if DIR already holds a project.\n"
                                  "\n"
                                  "Label names are letters, digits, “_” and “-”. --labels gives each label\n"
                                  "the next key of 1…9, a…z and a colour of the GNOME palette; in a --schema\n"
                                  "file a label without “key” or “color” gets them the same way (\"key\": null\n"
                                  "for none). “spanmark-cli labels” changes them later."));
  g_option_context_set_description (context,
                                    _("Example:\n"
                                      "  spanmark-cli init corpus --name \"Regional news\"\n"
                                      "  spanmark-cli init ner --labels PER,LOC,ORG\n"
                                      "  spanmark-cli labels corpus list --json > labels.json\n"
                                      "  spanmark-cli init other --schema labels.json\n"
                                      "  spanmark-cli import corpus articles/*.txt"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!spanmark_cli_parse_dir_options (context, &argc, &argv,
                                       _("too many arguments: init takes one folder")))
    return SPANMARK_CLI_EXIT_USAGE;

  /* The labels are checked before anything is made. */
  schema = make_schema (labels, schema_file, &status);
  if (schema == NULL)
    return status;

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

  project = spanmark_project_create_with_schema (dir, name, schema, &error);
  if (project == NULL)
    {
      /* The core's messages start with the path already. */
      spanmark_cli_error ("%s", error->message);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  g_print (_("Created project “%s” in %s\n"), name, display);
  return SPANMARK_CLI_EXIT_OK;
}
