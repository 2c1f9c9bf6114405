/* spanmark-cli-labels.c — spanmark-cli labels: list and change a project's labels
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"

/* Which options a subcommand takes. */
enum
{
  TAKES_JSON   = 1 << 0,
  TAKES_FIELDS = 1 << 1,  /* --key, --color, --title, --attrs */
  TAKES_DELETE = 1 << 2,
};

typedef struct
{
  gboolean  help;
  gboolean  json;
  char     *key;
  char     *color;
  char     *title;
  char     *attrs;
  gboolean  delete_spans;
} Options;

typedef int (*RunFunc) (SpanmarkProject *project,
                        char           **args,
                        Options         *options);

typedef struct
{
  const char *name;
  const char *params;     /* after DIR */
  guint       n_args;
  guint       takes;
  RunFunc     run;
  const char *summary;
} Subcommand;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->key, g_free);
  g_clear_pointer (&options->color, g_free);
  g_clear_pointer (&options->title, g_free);
  g_clear_pointer (&options->attrs, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int
report (gboolean      ok,
        const GError *error)
{
  if (ok)
    return SPANMARK_CLI_EXIT_OK;

  spanmark_cli_error ("%s", error->message);
  return SPANMARK_CLI_EXIT_FAILED;
}

/* list */

/* Left-aligned columns, two spaces apart, wide characters counted
 * twice. */
static void
print_columns (GPtrArray *rows)
{
  guint widths[5] = { 0 };

  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
      widths[c] = MAX (widths[c], spanmark_cli_display_width (((GStrv) g_ptr_array_index (rows, r))[c]));

  for (guint r = 0; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
        {
          g_string_append (line, row[c]);
          for (guint i = spanmark_cli_display_width (row[c]); c + 1 < G_N_ELEMENTS (widths) && i < widths[c] + 2; i++)
            g_string_append_c (line, ' ');
        }
      g_strchomp (line->str);
      g_print ("%s\n", line->str);
    }
}

static int
run_list (SpanmarkProject *project,
          char           **args,
          Options         *options)
{
  SpanmarkSchema *schema = spanmark_project_get_schema (project);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **header;

  if (options->json)
    {
      g_autofree char *json = spanmark_label_ops_schema_to_json (schema, NULL);

      g_print ("%s", json);
      return SPANMARK_CLI_EXIT_OK;
    }

  /* TRANSLATORS: column headings of "spanmark-cli labels DIR list" */
  header = g_new0 (char *, 6);
  header[0] = g_strdup (_("NAME"));
  header[1] = g_strdup (_("KEY"));
  header[2] = g_strdup (_("COLOR"));
  header[3] = g_strdup (_("TITLE"));
  header[4] = g_strdup (_("ATTRIBUTES"));
  g_ptr_array_add (rows, header);

  for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
    {
      const SpanmarkLabel *label = spanmark_schema_get_label (schema, i);
      char **row = g_new0 (char *, 6);

      row[0] = g_strdup (label->name);
      row[1] = g_strdup (label->key != NULL ? label->key : "-");
      row[2] = g_strdup (label->color != NULL ? label->color : "-");
      row[3] = g_strdup (label->title != NULL ? label->title : label->name);
      row[4] = label->attrs[0] != NULL ? g_strjoinv (",", label->attrs) : g_strdup ("-");
      g_ptr_array_add (rows, row);
    }

  print_columns (rows);
  return SPANMARK_CLI_EXIT_OK;
}

/* add, set */

/* Puts what the options give into @label; the rest stays. */
static void
apply_fields (SpanmarkLabel  *label,
              const Options  *options)
{
  if (options->key != NULL)
    {
      g_free (label->key);
      /* --key "" takes the key away. */
      label->key = options->key[0] != '\0' ? g_strdup (options->key) : NULL;
    }
  if (options->color != NULL)
    {
      g_free (label->color);
      label->color = g_strdup (options->color);
    }
  if (options->title != NULL)
    {
      g_free (label->title);
      label->title = g_strdup (options->title[0] != '\0' ? options->title : label->name);
    }
  if (options->attrs != NULL)
    {
      g_strfreev (label->attrs);
      label->attrs = spanmark_label_rules_split_attrs (options->attrs);
    }
}

static int
run_add (SpanmarkProject *project,
         char           **args,
         Options         *options)
{
  SpanmarkSchema *schema = spanmark_project_get_schema (project);
  g_autoptr(SpanmarkLabel) label = NULL;
  g_autoptr(GError) error = NULL;
  const SpanmarkLabel *added;

  /* What is not given is chosen as init --labels chooses it. */
  label = spanmark_label_new (args[0], args[0], spanmark_label_rules_pick_color (schema), NULL, NULL);
  label->key = spanmark_label_rules_pick_key (schema);
  apply_fields (label, options);

  if (!spanmark_label_ops_add (project, label, &error))
    return report (FALSE, error);

  added = spanmark_schema_lookup (schema, args[0]);
  if (added->key != NULL)
    g_print (_("Added the label “%s” (key %s, colour %s)\n"), added->name, added->key, added->color);
  else
    g_print (_("Added the label “%s” (no key, colour %s)\n"), added->name, added->color);
  return SPANMARK_CLI_EXIT_OK;
}

static int
run_set (SpanmarkProject *project,
         char           **args,
         Options         *options)
{
  const SpanmarkLabel *old = spanmark_schema_lookup (spanmark_project_get_schema (project), args[0]);
  g_autoptr(SpanmarkLabel) label = NULL;
  g_autoptr(GError) error = NULL;

  if (options->key == NULL && options->color == NULL && options->title == NULL && options->attrs == NULL)
    {
      spanmark_cli_usage_error ("%s", _("set: nothing to change: give --key, --color, --title or --attrs"));
      return SPANMARK_CLI_EXIT_USAGE;
    }

  /* The core names the label that does not exist. */
  label = old != NULL ? spanmark_label_copy (old) : spanmark_label_new (args[0], NULL, NULL, NULL, NULL);
  apply_fields (label, options);
  if (!spanmark_label_ops_update (project, args[0], label, &error))
    return report (FALSE, error);

  g_print (_("Changed the label “%s”\n"), args[0]);
  return SPANMARK_CLI_EXIT_OK;
}

/* rename, move, remove */

static int
run_rename (SpanmarkProject *project,
            char           **args,
            Options         *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  SpanmarkLabelUses uses;
  gboolean already_done;

  if (!spanmark_label_ops_rename (project, args[0], args[1], &uses, &already_done, &error))
    return report (FALSE, error);

  if (already_done)
    {
      g_print (_("Nothing to rename: there is no label “%s”, and “%s” exists (renamed before)\n"),
               args[0], args[1]);
      return SPANMARK_CLI_EXIT_OK;
    }

  if (uses.n_files == 0)
    g_print (_("Renamed the label “%s” to “%s” (no annotation file used it)\n"), args[0], args[1]);
  else
    {
      described = spanmark_label_ops_describe_uses (&uses);
      g_print (_("Renamed the label “%s” to “%s”: rewrote %s\n"), args[0], args[1], described);
    }
  if (uses.n_registry > 0)
    g_print (ngettext ("Relabelled %u entity of the registry (entities/)\n",
                       "Relabelled %u entities of the registry (entities/)\n", uses.n_registry),
             uses.n_registry);
  return SPANMARK_CLI_EXIT_OK;
}

static int
run_move (SpanmarkProject *project,
          char           **args,
          Options         *options)
{
  g_autoptr(GError) error = NULL;
  guint64 position;

  if (!g_ascii_string_to_unsigned (args[1], 10, 1, G_MAXUINT, &position, NULL))
    {
      spanmark_cli_usage_error (_("move: “%s” is not a position (1 is the first label)"), args[1]);
      return SPANMARK_CLI_EXIT_USAGE;
    }

  if (!spanmark_label_ops_move (project, args[0], (guint) position - 1, &error))
    return report (FALSE, error);

  g_print (_("Moved the label “%s” to position %u\n"), args[0], (guint) position);
  return SPANMARK_CLI_EXIT_OK;
}

static int
run_remove (SpanmarkProject *project,
            char           **args,
            Options         *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  SpanmarkLabelUses deleted;

  if (!spanmark_label_ops_remove (project, args[0], options->delete_spans, &deleted, &error))
    {
      report (FALSE, error);
      if (g_error_matches (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_IN_USE))
        spanmark_cli_error ("%s", _("--delete-spans deletes them with the label"));
      return SPANMARK_CLI_EXIT_FAILED;
    }

  if (deleted.n_files == 0)
    {
      g_print (_("Removed the label “%s”\n"), args[0]);
      return SPANMARK_CLI_EXIT_OK;
    }

  described = spanmark_label_ops_describe_uses (&deleted);
  g_print (_("Removed the label “%s” and deleted %s\n"), args[0], described);
  return SPANMARK_CLI_EXIT_OK;
}

static const Subcommand subcommands[] = {
  { "list", "list", 0, TAKES_JSON, run_list,
    N_("List the labels in their order: name, key, colour, title, attributes.\n"
       "With --json, the labels array in the form init --schema reads.") },
  { "add", "add NAME", 1, TAKES_FIELDS, run_add,
    N_("Add a label at the end. Without --key it gets the next free key of 1…9,\n"
       "a…z (--key \"\" for none); without --color a GNOME palette colour no other\n"
       "label has; without --title its name as title.") },
  { "set", "set NAME", 1, TAKES_FIELDS, run_set,
    N_("Change a label’s key (--key \"\" for none), colour, title or attributes.\n"
       "Annotation files are not touched: attribute values already given stay.") },
  { "rename", "rename OLD NEW", 2, 0, run_rename,
    N_("Rename a label and rewrite every annotation file that uses it (every\n"
       "annotator’s and _curated) and every registry entity that has it, each\n"
       "atomically. Nothing is written when a file fails to load. Interrupted\n"
       "(a kill, a full disk), the same command again finishes the work; until\n"
       "then other label changes are refused.") },
  { "move", "move NAME POSITION", 2, 0, run_move,
    N_("Move a label to POSITION (1 is the first): the order of the window’s\n"
       "side panels and of the tags in hf exports.") },
  { "remove", "remove NAME", 1, TAKES_DELETE, run_remove,
    N_("Remove a label. Refused while spans or entities use it (the message\n"
       "counts them), unless --delete-spans: then they are deleted from every\n"
       "annotation file first. Always refused while registry entities have it\n"
       "(they would lose their names and history: rename the label instead).\n"
       "Nothing is written when a file fails to load.") },
};

static const Subcommand *
find_subcommand (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (subcommands[i].name, name))
      return &subcommands[i];
  return NULL;
}

/* The entries of the options in @takes (all of them: G_MAXUINT). */
static GOptionEntry *
make_entries (Options *options,
              guint    takes)
{
  const struct {
    guint        mask;
    GOptionEntry entry;
  } all[] = {
    { TAKES_JSON, { "json", 0, 0, G_OPTION_ARG_NONE, &options->json,
                    N_("list: print the labels as JSON"), NULL } },
    { TAKES_FIELDS, { "key", 'k', 0, G_OPTION_ARG_STRING, &options->key,
                      N_("add, set: the key that tags with the label (one character; \"\" for none)"), N_("K") } },
    { TAKES_FIELDS, { "color", 'c', 0, G_OPTION_ARG_STRING, &options->color,
                      N_("add, set: the colour, #rrggbb or a GNOME palette name such as blue3"), N_("C") } },
    { TAKES_FIELDS, { "title", 't', 0, G_OPTION_ARG_STRING, &options->title,
                      N_("add, set: the title shown in the window (default: the name)"), N_("T") } },
    { TAKES_FIELDS, { "attrs", 'a', 0, G_OPTION_ARG_STRING, &options->attrs,
                      N_("add, set: attribute names, separated by commas"), N_("a,b") } },
    { TAKES_DELETE, { "delete-spans", 0, 0, G_OPTION_ARG_NONE, &options->delete_spans,
                      N_("remove: delete the spans and entities that use the label too"), NULL } },
  };
  GOptionEntry *entries = g_new0 (GOptionEntry, G_N_ELEMENTS (all) + 2);
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if ((all[i].mask & takes) != 0)
      entries[n++] = all[i].entry;

  /* The help is ours, so that "DIR add --help" shows add's. */
  if (takes == G_MAXUINT)
    entries[n++] = (GOptionEntry) { "help", 'h', 0, G_OPTION_ARG_NONE, &options->help,
                                    N_("Show help options"), NULL };
  return entries;
}

static GOptionContext *
make_context (const Subcommand *subcommand,
              Options          *options)
{
  g_autofree GOptionEntry *entries = NULL;
  g_autoptr(GString) commands = g_string_new (_("Commands (after DIR):\n"));
  g_autofree char *params = NULL;
  GOptionContext *context;

  if (subcommand != NULL)
    {
      /* TRANSLATORS: "DIR" then, e.g., "add NAME" */
      params = g_strdup_printf (_("DIR %s"), subcommand->params);
      context = g_option_context_new (params);
      g_option_context_set_summary (context, _(subcommand->summary));
      entries = make_entries (options, subcommand->takes);
      g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
      return context;
    }

  context = g_option_context_new (_("DIR COMMAND [ARG…]"));
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context,
                                _("List or change the labels of the project in DIR (spanmark.json). Names\n"
                                  "are letters, digits, “_” and “-”; keys one character, unique; colours\n"
                                  "must keep span text readable in light and dark style. spanmark.json is\n"
                                  "written atomically, and never while it has a problem (validate lists\n"
                                  "them). Exit status 1 when a change is refused, with the reason."));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    g_string_append_printf (commands, "  %s\n", subcommands[i].params);
  g_string_append (commands, _("\n"
                               "“spanmark-cli labels DIR COMMAND --help” describes a command.\n"
                               "\n"
                               "Examples:\n"
                               "  spanmark-cli labels corpus list\n"
                               "  spanmark-cli labels corpus add DATE --title Dates --color purple3\n"
                               "  spanmark-cli labels corpus set PLACE --key p --attrs kind,level\n"
                               "  spanmark-cli labels corpus rename PLACE LOC\n"
                               "  spanmark-cli labels corpus remove DATE --delete-spans"));
  g_option_context_set_description (context, commands->str);
  entries = make_entries (options, G_MAXUINT);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

static void
print_help (const Subcommand *subcommand)
{
  Options options = { 0 };
  g_autoptr(GOptionContext) context = make_context (subcommand, &options);
  g_autofree char *help = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  help = g_option_context_get_help (context, TRUE, NULL);
  fputs (help, stdout);
}

/* The first option given that @subcommand does not take, or NULL. */
static const char *
find_stray_option (const Subcommand *subcommand,
                   const Options    *options)
{
  if ((subcommand->takes & TAKES_JSON) == 0 && options->json)
    return "--json";
  if ((subcommand->takes & TAKES_DELETE) == 0 && options->delete_spans)
    return "--delete-spans";
  if ((subcommand->takes & TAKES_FIELDS) == 0)
    {
      if (options->key != NULL)
        return "--key";
      if (options->color != NULL)
        return "--color";
      if (options->title != NULL)
        return "--title";
      if (options->attrs != NULL)
        return "--attrs";
    }
  return NULL;
}

int
spanmark_cli_labels (int    argc,
                     char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  const Subcommand *subcommand = NULL;
  g_autofree char *usage = NULL;
  const char *stray;

  context = make_context (NULL, &options);
  if (!spanmark_cli_parse_options (context, &argc, &argv))
    return SPANMARK_CLI_EXIT_USAGE;

  if (argc >= 3)
    subcommand = find_subcommand (argv[2]);

  if (options.help)
    {
      print_help (subcommand);
      return SPANMARK_CLI_EXIT_OK;
    }

  if (argc < 2)
    usage = g_strdup (_("missing the project folder DIR"));
  else if (argc < 3)
    usage = g_strdup (_("missing the command: list, add, set, rename, move or remove"));
  else if (subcommand == NULL)
    usage = g_strdup_printf (_("unknown command “%s”: use list, add, set, rename, move or remove"), argv[2]);
  else if ((guint) argc - 3 != subcommand->n_args)
    /* TRANSLATORS: e.g. "rename takes DIR rename OLD NEW" */
    usage = g_strdup_printf (_("%s takes DIR %s"), subcommand->name, subcommand->params);
  else if ((stray = find_stray_option (subcommand, &options)) != NULL)
    usage = g_strdup_printf (_("%s is not an option of %s"), stray, subcommand->name);
  if (usage != NULL)
    {
      spanmark_cli_usage_error ("%s", usage);
      return SPANMARK_CLI_EXIT_USAGE;
    }

  project = spanmark_cli_open_project (argv[1]);
  if (project == NULL)
    return SPANMARK_CLI_EXIT_FAILED;

  return subcommand->run (project, argv + 3, &options);
}
