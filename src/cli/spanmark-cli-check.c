/* spanmark-cli-check.c — spanmark-cli check: the consistency report
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "spanmark-cli-private.h"

static char *
relative_file (SpanmarkProject             *project,
               const SpanmarkInconsistency *place)
{
  SpanmarkDocument *document = spanmark_project_lookup_document (project, place->document);
  g_autoptr(GFile) file = spanmark_project_get_annotation_file (project, document, place->annotator);

  return g_file_get_relative_path (spanmark_project_get_dir (project), file);
}

/* "OFFICIAL 3, PLACE 1" */
static char *
format_elsewhere (const SpanmarkInconsistency *place)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; place->other_labels[i] != NULL; i++)
    g_string_append_printf (out, "%s%s %u", i > 0 ? ", " : "", place->other_labels[i],
                            g_array_index (place->other_counts, guint, i));
  return g_string_free (out, FALSE);
}

static void
print_text (SpanmarkProject *project,
            GPtrArray       *places,
            guint            n_files)
{
  guint n_untagged = 0;
  g_autofree char *untagged = NULL;
  g_autofree char *labelled = NULL;
  g_autofree char *files = NULL;

  for (guint i = 0; i < places->len; i++)
    {
      const SpanmarkInconsistency *place = g_ptr_array_index (places, i);
      g_autofree char *file = relative_file (project, place);
      g_autofree char *text = spanmark_cli_escape_text (place->text);
      g_autofree char *elsewhere = format_elsewhere (place);

      if (place->kind == SPANMARK_INCONSISTENCY_UNTAGGED)
        {
          n_untagged++;
          /* TRANSLATORS: file, start-end, the text, then "OFFICIAL 3, PLACE 1" (labels and spans) */
          g_print (_("%s: %u-%u: “%s” is untagged here; tagged elsewhere: %s\n"),
                   file, place->start, place->end, text, elsewhere);
        }
      else
        /* TRANSLATORS: file, start-end, the text, its label here, then "OFFICIAL 3" (labels and spans) */
        g_print (_("%s: %u-%u: “%s” is %s here; tagged elsewhere: %s\n"),
                 file, place->start, place->end, text, place->label, elsewhere);
    }

  files = g_strdup_printf (ngettext ("%u file", "%u files", n_files), n_files);
  untagged = g_strdup_printf (ngettext ("%u place untagged", "%u places untagged", n_untagged), n_untagged);
  labelled = g_strdup_printf (ngettext ("%u place with another label", "%u places with another label",
                                        places->len - n_untagged), places->len - n_untagged);
  /* TRANSLATORS: "Checked 4 files: 2 places untagged, 1 place with another label." */
  g_print (_("Checked %s: %s, %s.\n"), files, untagged, labelled);
}

static void
print_json (SpanmarkProject *project,
            GPtrArray       *places,
            guint            n_files)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_untagged = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "files");
  json_builder_add_int_value (builder, n_files);
  json_builder_set_member_name (builder, "places");
  json_builder_begin_array (builder);
  for (guint i = 0; i < places->len; i++)
    {
      const SpanmarkInconsistency *place = g_ptr_array_index (places, i);
      g_autofree char *file = relative_file (project, place);
      gboolean untagged = place->kind == SPANMARK_INCONSISTENCY_UNTAGGED;

      n_untagged += untagged ? 1 : 0;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, untagged ? "untagged" : "label");
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, file);
      json_builder_set_member_name (builder, "annotator");
      json_builder_add_string_value (builder, place->annotator);
      json_builder_set_member_name (builder, "document");
      json_builder_add_string_value (builder, place->document);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, place->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, place->end);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, place->text);
      json_builder_set_member_name (builder, "label");
      if (untagged)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, place->label);
      json_builder_set_member_name (builder, "elsewhere");
      json_builder_begin_object (builder);
      for (guint j = 0; place->other_labels[j] != NULL; j++)
        {
          json_builder_set_member_name (builder, place->other_labels[j]);
          json_builder_add_int_value (builder, g_array_index (place->other_counts, guint, j));
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "untagged");
  json_builder_add_int_value (builder, n_untagged);
  json_builder_set_member_name (builder, "label");
  json_builder_add_int_value (builder, places->len - n_untagged);
  json_builder_end_object (builder);

  spanmark_cli_print_json (builder);
}

int
spanmark_cli_check (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) places = NULL;
  gboolean as_json = FALSE;
  guint n_files = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Write the report as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("DIR"));
  g_option_context_set_summary (context,
    _("Check that the project in DIR is tagged consistently: list every place of\n"
      "an annotation file where a text that is tagged elsewhere (in any file of\n"
      "the project) is untagged, and every span whose text is tagged with another\n"
      "label elsewhere, with its file, offsets (code points, end-exclusive) and\n"
      "the labels it has elsewhere.  Places the annotator rejected as suggestions,\n"
      "and spans still marked pretag, are not reported.  The last line counts\n"
      "them."));
  g_option_context_set_description (context,
    _("Exit status: 0 with the report, whatever it finds; 1 a file could not be\n"
      "read (each named; the others are still checked); 2 a usage error.\n"
      "\n"
      "Example:\n"
      "  spanmark-cli check corpus --json"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!spanmark_cli_parse_dir_options (context, &argc, &argv,
                                       _("too many arguments: check takes one project folder")))
    return SPANMARK_CLI_EXIT_USAGE;

  project = spanmark_cli_open_project (argv[1]);
  if (project == NULL)
    return SPANMARK_CLI_EXIT_FAILED;

  places = spanmark_inconsistency_find_in_project (project, problems, &n_files);
  for (guint i = 0; i < problems->len; i++)
    spanmark_cli_error ("%s", ((GError *) g_ptr_array_index (problems, i))->message);

  if (as_json)
    print_json (project, places, n_files);
  else
    print_text (project, places, n_files);

  return problems->len == 0 ? SPANMARK_CLI_EXIT_OK : SPANMARK_CLI_EXIT_FAILED;
}
