/* spanmark-cli-entities.c — spanmark-cli entities: the corpus-wide entity registry
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"

typedef struct
{
  char     *label;
  char     *annotator;
  gboolean  json;
} Options;

/* Prints the registry's problems; TRUE if there were none. */
static gboolean
print_problems (SpanmarkRegistry *registry)
{
  GPtrArray *problems = spanmark_registry_get_problems (registry);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = spanmark_problem_to_string (g_ptr_array_index (problems, i));

      g_printerr ("%s\n", line);
    }

  return problems->len == 0;
}

static SpanmarkRegistry *
load (SpanmarkProject *project)
{
  g_autoptr(GError) error = NULL;
  SpanmarkRegistry *registry = spanmark_registry_load (project, &error);

  if (registry == NULL)
    spanmark_cli_error ("%s", error->message);

  return registry;
}

static void
append_json (GString                      *out,
             SpanmarkRegistry             *registry,
             const SpanmarkRegistryEntity *entity)
{
  g_autoptr(GPtrArray) documents = spanmark_registry_get_documents (registry, entity->id);

  g_string_append_c (out, '{');
  spanmark_registry_entity_append_summary (entity, out);
  g_string_append_printf (out, ",\"mentions\":%u,\"documents\":%u}",
                          spanmark_registry_get_n_mentions (registry, entity->id), documents->len);
}

static GString *
join_aliases (const SpanmarkRegistryEntity *entity)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < entity->aliases->len; i++)
    {
      if (i > 0)
        g_string_append (joined, " / ");
      g_string_append (joined, g_ptr_array_index (entity->aliases, i));
    }

  return joined;
}

static int
run_list (SpanmarkProject *project,
          const Options   *options)
{
  g_autoptr(SpanmarkRegistry) registry = load (project);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *entities;
  gboolean ok;
  guint n = 0;

  if (registry == NULL)
    return SPANMARK_CLI_EXIT_FAILED;

  if (options->label != NULL &&
      spanmark_schema_lookup (spanmark_project_get_schema (project), options->label) == NULL)
    {
      spanmark_cli_error (_("%s: no label “%s” in the project"), "spanmark.json", options->label);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  ok = print_problems (registry);
  spanmark_registry_count_mentions (registry, options->annotator, errors);
  for (guint i = 0; i < errors->len; i++)
    spanmark_cli_error ("%s", ((GError *) g_ptr_array_index (errors, i))->message);
  ok = ok && errors->len == 0;

  entities = spanmark_registry_get_entities (registry);
  g_ptr_array_add (rows, g_strdupv ((char *[]) { _("ID"), _("LABEL"), _("NAME"), _("MENTIONS"),
                                                 _("DOCUMENTS"), _("ALIASES"), NULL }));
  if (options->json)
    g_string_append (out, "{\"entities\":[");
  for (guint i = 0; i < entities->len; i++)
    {
      const SpanmarkRegistryEntity *entity = g_ptr_array_index (entities, i);
      g_autoptr(GPtrArray) documents = NULL;
      GStrv row;

      if (options->label != NULL && g_strcmp0 (entity->label, options->label) != 0)
        continue;

      if (options->json)
        {
          if (n > 0)
            g_string_append_c (out, ',');
          append_json (out, registry, entity);
          n++;
          continue;
        }

      documents = spanmark_registry_get_documents (registry, entity->id);
      row = g_new0 (char *, 7);
      row[0] = g_strdup (entity->id);
      row[1] = g_strdup (entity->label);
      row[2] = g_strdup (entity->name);
      row[3] = g_strdup_printf ("%u", spanmark_registry_get_n_mentions (registry, entity->id));
      row[4] = g_strdup_printf ("%u", documents->len);
      row[5] = g_string_free (join_aliases (entity), FALSE);
      g_ptr_array_add (rows, row);
      n++;
    }

  if (options->json)
    {
      g_string_append (out, "]}\n");
      fputs (out->str, stdout);
    }
  else if (n == 0)
    g_print (_("No entities in the registry.\n"));
  else
    spanmark_cli_print_table (rows);

  return ok ? SPANMARK_CLI_EXIT_OK : SPANMARK_CLI_EXIT_FAILED;
}

static int
run_merge (SpanmarkProject *project,
           const char      *keep,
           const char      *gone)
{
  g_autoptr(SpanmarkRegistry) registry = load (project);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n_files = 0;
  gboolean ok;

  if (registry == NULL)
    return SPANMARK_CLI_EXIT_FAILED;

  ok = spanmark_registry_merge (registry, keep, gone, conflicts, &n_files, &error);
  for (guint i = 0; i < conflicts->len; i++)
    spanmark_cli_warning ("%s", (const char *) g_ptr_array_index (conflicts, i));
  if (!ok)
    {
      spanmark_cli_error ("%s", error->message);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  g_print (ngettext ("Merged %s into %s: %u annotation file rewritten\n",
                     "Merged %s into %s: %u annotation files rewritten\n", n_files),
           gone, keep, n_files);

  return SPANMARK_CLI_EXIT_OK;
}

static int
run_rename (SpanmarkProject *project,
            const char      *id,
            const char      *name)
{
  g_autoptr(SpanmarkRegistry) registry = load (project);
  g_autoptr(GError) error = NULL;

  if (registry == NULL)
    return SPANMARK_CLI_EXIT_FAILED;

  if (!spanmark_registry_rename (registry, id, name, &error))
    {
      spanmark_cli_error ("%s", error->message);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  g_print (_("Renamed %s to “%s”\n"), id, name);

  return SPANMARK_CLI_EXIT_OK;
}

int
spanmark_cli_entities (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autofree char *label = NULL, *annotator = NULL;
  Options options = { 0 };
  const char *command = NULL;
  guint n_args = 1;
  const GOptionEntry entries[] = {
    { "label", 0, 0, G_OPTION_ARG_STRING, &label,
      N_("List only the entities of LABEL"), N_("LABEL") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator,
      N_("Count only the mentions in NAME’s files (default: every annotator’s)"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json,
      N_("Print the list as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("DIR | merge DIR KEEP GONE | rename DIR ID NAME"));
  g_option_context_set_summary (context,
                                _("The project’s corpus-wide entities (entities/<id>.json): each official,\n"
                                  "place or initiative once, with the mentions linked to it in every\n"
                                  "document.\n"
                                  "\n"
                                  "  DIR                    list them with their mentions and documents\n"
                                  "  merge DIR KEEP GONE    merge GONE into KEEP: names, aliases and\n"
                                  "                         attributes join KEEP, every annotation file's\n"
                                  "                         mentions of GONE move to KEEP; differing\n"
                                  "                         attributes are reported (both kept)\n"
                                  "  rename DIR ID NAME     rename an entity (the old name becomes an alias)\n"
                                  "\n"
                                  "Exit status 0: done; 1: a file could not be read or written (named\n"
                                  "with its place); 2: usage error."));
  g_option_context_set_description (context,
                                    _("Examples:\n"
                                      "  spanmark-cli entities corpus --label OFFICIAL\n"
                                      "  spanmark-cli entities merge corpus wang-5f3a09c1d2 zhao-0b71e4a9c3"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!spanmark_cli_parse_options (context, &argc, &argv))
    return SPANMARK_CLI_EXIT_USAGE;

  if (argc >= 2 && (g_str_equal (argv[1], "merge") || g_str_equal (argv[1], "rename")))
    {
      command = argv[1];
      n_args = 3;
      argc--;
      argv++;
    }

  if (argc < 2)
    {
      spanmark_cli_usage_error ("%s", _("missing the project folder DIR"));
      return SPANMARK_CLI_EXIT_USAGE;
    }
  if ((guint) argc - 1 != n_args)
    {
      if (command == NULL)
        spanmark_cli_usage_error ("%s", _("too many arguments: entities takes one folder"));
      else if (g_str_equal (command, "merge"))
        spanmark_cli_usage_error ("%s", _("merge takes DIR KEEP GONE"));
      else
        spanmark_cli_usage_error ("%s", _("rename takes DIR ID NAME"));
      return SPANMARK_CLI_EXIT_USAGE;
    }
  if (command != NULL && (label != NULL || annotator != NULL || options.json))
    {
      spanmark_cli_usage_error (_("--label, --annotator and --json are options of the list, not of %s"),
                                command);
      return SPANMARK_CLI_EXIT_USAGE;
    }

  project = spanmark_cli_open_project (argv[1]);
  if (project == NULL)
    return SPANMARK_CLI_EXIT_FAILED;

  if (command == NULL)
    {
      options.label = label;
      options.annotator = annotator;
      return run_list (project, &options);
    }
  if (g_str_equal (command, "merge"))
    return run_merge (project, argv[2], argv[3]);

  return run_rename (project, argv[2], argv[3]);
}
