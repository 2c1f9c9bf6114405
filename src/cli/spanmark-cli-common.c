/* spanmark-cli-common.c — helpers shared by the spanmark-cli commands
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"

gboolean
spanmark_cli_parse_options (GOptionContext *context,
                            int            *argc,
                            char         ***argv)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (context != NULL, FALSE);

  /* Option descriptions are marked with N_() and translated here. */
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    return spanmark_cli_usage_error ("%s", error->message);
  return TRUE;
}

gboolean
spanmark_cli_parse_dir_options (GOptionContext *context,
                                int            *argc,
                                char         ***argv,
                                const char     *too_many)
{
  if (!spanmark_cli_parse_options (context, argc, argv))
    return FALSE;
  if (*argc < 2)
    return spanmark_cli_usage_error ("%s", _("missing the project folder DIR"));
  if (*argc > 2 && too_many != NULL)
    return spanmark_cli_usage_error ("%s", too_many);
  return TRUE;
}

/* @format and @args printed into @line, which has one %s. */
static void
print_line (const char *line,
            const char *format,
            va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_printerr (line, message);
}

void
spanmark_cli_error (const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  print_line ("spanmark-cli: %s\n", format, args);
  va_end (args);
}

void
spanmark_cli_warning (const char *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  /* TRANSLATORS: the prefix of a warning that does not stop the command */
  print_line (_("spanmark-cli: warning: %s\n"), format, args);
  va_end (args);
}

gboolean
spanmark_cli_usage_error (const char *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", g_get_prgname (), message);
  /* TRANSLATORS: %s is the command, e.g. "spanmark-cli import" */
  g_printerr (_("Try “%s --help” for more information.\n"), g_get_prgname ());
  return FALSE;
}

SpanmarkProject *
spanmark_cli_open_project (const char *path)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;
  SpanmarkProject *project;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_file_new_for_commandline_arg (path);
  project = spanmark_project_open (dir, &error);
  if (project == NULL)
    spanmark_cli_error ("%s", error->message);
  return project;
}

guint
spanmark_cli_display_width (const char *str)
{
  guint width = 0;

  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

void
spanmark_cli_print_table (GPtrArray *rows)
{
  g_autofree guint *widths = NULL;
  guint n_columns;

  if (rows->len == 0)
    return;

  n_columns = g_strv_length (g_ptr_array_index (rows, 0));
  widths = g_new0 (guint, n_columns);
  for (guint r = 0; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], spanmark_cli_display_width (row[c]));
    }

  for (guint r = 0; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          guint pad = widths[c] - spanmark_cli_display_width (row[c]);

          if (c > 0)
            {
              g_string_append (line, "  ");
              for (guint i = 0; i < pad; i++)
                g_string_append_c (line, ' ');
            }
          g_string_append (line, row[c]);
          if (c == 0 && n_columns > 1)
            for (guint i = 0; i < pad; i++)
              g_string_append_c (line, ' ');
        }
      g_print ("%s\n", line->str);
    }
}

GStrv
spanmark_cli_split_annotators (const char *list)
{
  g_auto(GStrv) names = g_strsplit (list, ",", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_strstrip (names[i]);
      if (names[i][0] == '\0')
        {
          spanmark_cli_usage_error (_("--annotators needs names separated by commas, e.g. alice,bob"));
          return NULL;
        }
    }
  return g_steal_pointer (&names);
}

/* The documents of --documents (each may list several, comma-separated)
 * and the arguments after DIR; NULL after a usage error. */
GStrv
spanmark_cli_collect_documents (SpanmarkProject  *project,
                                const char       *dir,
                                char            **options,
                                char            **rest)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  char **lists[] = { options, rest };
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && lists[l][i] != NULL; i++)
      {
        GStrv ids = g_strsplit (lists[l][i], ",", -1);

        g_ptr_array_add (parts, ids);
        for (guint j = 0; ids[j] != NULL; j++)
          {
            g_strstrip (ids[j]);
            if (spanmark_project_lookup_document (project, ids[j]) == NULL)
              {
                spanmark_cli_usage_error (_("%s: there is no document “%s”"), dir, ids[j]);
                return NULL;
              }
            if (g_hash_table_add (seen, ids[j]))
              g_strv_builder_add (builder, ids[j]);
          }
      }

  return g_strv_builder_end (builder);
}

char *
spanmark_cli_escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\t')
        g_string_append (out, "\\t");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\r')
        g_string_append (out, "\\r");
      else if (*p == '\\')
        g_string_append (out, "\\\\");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

void
spanmark_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  g_return_if_fail (JSON_IS_BUILDER (builder));

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);
}
