/* spanmark-cli-stats.c — spanmark-cli stats: count documents, spans, entities
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"
#include "spanmark-text.h"

/* What both printers show. */
typedef struct
{
  SpanmarkProject *project;
  guint            n_documents;
  guint64          n_characters;
  guint            n_curated;    /* documents with a curated version */
  guint            n_reviewed;   /* of them, reviewed */
  GPtrArray       *annotators;  /* SpanmarkAnnotatorCounts, in name order */
  SpanmarkAnnotatorCounts *total;  /* spans, labels and entities of them all */
  GPtrArray       *labels;      /* names, in the order to show */
  GHashTable      *registry;    /* label name -> guint*: registry entities */
  guint            n_registry;
} Stats;

static GStrv
row_new (guint n_columns)
{
  return g_new0 (char *, n_columns + 1);
}

/* Label names in schema order, then any others found, sorted. */
static GPtrArray *
collect_labels (SpanmarkSchema *schema,
                GHashTable     *totals)
{
  g_autoptr(GPtrArray) extra = g_ptr_array_new ();
  GPtrArray *labels = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
    g_ptr_array_add (labels, spanmark_schema_get_label (schema, i)->name);

  g_hash_table_iter_init (&iter, totals);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (spanmark_schema_lookup (schema, key) == NULL)
      g_ptr_array_add (extra, key);
  g_ptr_array_sort (extra, spanmark_text_compare_strings);
  for (guint i = 0; i < extra->len; i++)
    g_ptr_array_add (labels, g_ptr_array_index (extra, i));

  return labels;
}

/* The members "spans", "labels" ({LABEL: spans}) and "entities". */
static void
add_counts (JsonBuilder                   *builder,
            GPtrArray                     *labels,
            const SpanmarkAnnotatorCounts *stats)
{
  json_builder_set_member_name (builder, "spans");
  json_builder_add_int_value (builder, stats->n_spans);
  json_builder_set_member_name (builder, "labels");
  json_builder_begin_object (builder);
  for (guint i = 0; i < labels->len; i++)
    {
      json_builder_set_member_name (builder, g_ptr_array_index (labels, i));
      json_builder_add_int_value (builder, spanmark_annotator_counts_get_label (stats, g_ptr_array_index (labels, i)));
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "entities");
  json_builder_add_int_value (builder, stats->n_entities);
}

/* The registry's entities of @label. */
static guint
registry_count (const Stats *stats,
                const char  *label)
{
  const guint *n = g_hash_table_lookup (stats->registry, label);

  return n != NULL ? *n : 0;
}

static void
print_json (const Stats *stats)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "project");
  json_builder_add_string_value (builder, spanmark_project_get_name (stats->project));
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, stats->n_documents);
  json_builder_set_member_name (builder, "characters");
  json_builder_add_int_value (builder, (gint64) stats->n_characters);
  json_builder_set_member_name (builder, "curated");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, stats->n_curated);
  json_builder_set_member_name (builder, "reviewed");
  json_builder_add_int_value (builder, stats->n_reviewed);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "annotators");
  json_builder_begin_object (builder);
  for (guint a = 0; a < stats->annotators->len; a++)
    {
      SpanmarkAnnotatorCounts *annotator = g_ptr_array_index (stats->annotators, a);

      json_builder_set_member_name (builder, annotator->annotator);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_begin_object (builder);
      for (guint s = 0; s < SPANMARK_N_STATUSES; s++)
        {
          json_builder_set_member_name (builder, spanmark_status_to_string (s));
          json_builder_add_int_value (builder, annotator->n_status[s]);
        }
      json_builder_end_object (builder);
      add_counts (builder, stats->labels, annotator);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  add_counts (builder, stats->labels, stats->total);
  json_builder_set_member_name (builder, "registry");
  json_builder_begin_object (builder);
  for (guint i = 0; i < stats->labels->len; i++)
    {
      const char *label = g_ptr_array_index (stats->labels, i);

      json_builder_set_member_name (builder, label);
      json_builder_add_int_value (builder, registry_count (stats, label));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  spanmark_cli_print_json (builder);
}

/* The spans of @label, or of all labels when @label is NULL. */
static guint
label_count (const SpanmarkAnnotatorCounts *stats,
             const char                    *label)
{
  return label != NULL ? spanmark_annotator_counts_get_label (stats, label) : stats->n_spans;
}

static void
print_text (const Stats *stats)
{
  GPtrArray *annotators = stats->annotators;
  GPtrArray *labels = stats->labels;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean with_total = annotators->len > 1;
  guint n_columns;
  GStrv row;

  g_print (_("Project: %s\n"), spanmark_project_get_name (stats->project));
  g_print (ngettext ("%u document, %llu characters\n",
                     "%u documents, %llu characters\n", stats->n_documents),
           stats->n_documents, (unsigned long long) stats->n_characters);
  /* TRANSLATORS: "Curated: 3 of 8 documents, 1 reviewed" */
  g_print (ngettext ("Curated: %u of %u document, %u reviewed\n",
                     "Curated: %u of %u documents, %u reviewed\n", stats->n_documents),
           stats->n_curated, stats->n_documents, stats->n_reviewed);

  if (annotators->len == 0)
    {
      g_print (_("No annotations yet.\n"));
      return;
    }

  g_print ("\n%s\n", _("Documents by status, spans and entities per annotator:"));
  row = row_new (7);
  row[0] = g_strdup (_("Annotator"));
  for (guint s = 0; s < SPANMARK_N_STATUSES; s++)
    row[1 + s] = g_strdup (spanmark_status_get_title (s));
  row[5] = g_strdup (_("Spans"));
  row[6] = g_strdup (_("Entities"));
  g_ptr_array_add (rows, row);
  for (guint a = 0; a < annotators->len; a++)
    {
      SpanmarkAnnotatorCounts *annotator = g_ptr_array_index (annotators, a);

      row = row_new (7);
      row[0] = g_strdup (annotator->annotator);
      for (guint s = 0; s < SPANMARK_N_STATUSES; s++)
        row[1 + s] = g_strdup_printf ("%u", annotator->n_status[s]);
      row[5] = g_strdup_printf ("%u", annotator->n_spans);
      row[6] = g_strdup_printf ("%u", annotator->n_entities);
      g_ptr_array_add (rows, row);
    }
  spanmark_cli_print_table (rows);
  g_ptr_array_set_size (rows, 0);

  g_print ("\n%s\n", _("Spans per label:"));
  n_columns = 1 + annotators->len + (with_total ? 1 : 0);
  row = row_new (n_columns);
  row[0] = g_strdup (_("Label"));
  for (guint a = 0; a < annotators->len; a++)
    row[1 + a] = g_strdup (((SpanmarkAnnotatorCounts *) g_ptr_array_index (annotators, a))->annotator);
  if (with_total)
    row[n_columns - 1] = g_strdup (_("Total"));
  g_ptr_array_add (rows, row);

  for (guint l = 0; l <= labels->len; l++)
    {
      const char *label = l < labels->len ? g_ptr_array_index (labels, l) : NULL;

      row = row_new (n_columns);
      row[0] = g_strdup (label != NULL ? label : _("Total"));
      for (guint a = 0; a < annotators->len; a++)
        row[1 + a] = g_strdup_printf ("%u", label_count (g_ptr_array_index (annotators, a), label));
      if (with_total)
        row[n_columns - 1] = g_strdup_printf ("%u", label_count (stats->total, label));
      g_ptr_array_add (rows, row);
    }
  spanmark_cli_print_table (rows);

  if (with_total)
    g_print ("\n%s %u\n", _("Entities in total:"), stats->total->n_entities);

  if (stats->n_registry > 0)
    {
      g_ptr_array_set_size (rows, 0);
      g_print ("\n%s\n", _("Registry entities per label:"));
      row = row_new (2);
      row[0] = g_strdup (_("Label"));
      row[1] = g_strdup (_("Entities"));
      g_ptr_array_add (rows, row);
      for (guint l = 0; l < labels->len; l++)
        {
          row = row_new (2);
          row[0] = g_strdup (g_ptr_array_index (labels, l));
          row[1] = g_strdup_printf ("%u", registry_count (stats, g_ptr_array_index (labels, l)));
          g_ptr_array_add (rows, row);
        }
      spanmark_cli_print_table (rows);
    }
}

/* The registry's live entities by label, into @stats; FALSE (with the
 * problems printed) when some of its files could not be read. */
static gboolean
count_registry (SpanmarkProject *project,
                Stats           *stats)
{
  g_autoptr(SpanmarkRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entities, *problems;

  stats->registry = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  registry = spanmark_registry_load (project, &error);
  if (registry == NULL)
    {
      spanmark_cli_error ("%s", error->message);
      return FALSE;
    }

  problems = spanmark_registry_get_problems (registry);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = spanmark_problem_to_string (g_ptr_array_index (problems, i));

      spanmark_cli_error ("%s", line);
    }

  entities = spanmark_registry_get_entities (registry);
  for (guint i = 0; i < entities->len; i++)
    {
      const SpanmarkRegistryEntity *entity = g_ptr_array_index (entities, i);
      guint *n = g_hash_table_lookup (stats->registry, entity->label);

      if (n == NULL)
        {
          n = g_new0 (guint, 1);
          g_hash_table_insert (stats->registry, g_strdup (entity->label), n);
        }
      (*n)++;
    }
  stats->n_registry = entities->len;

  return problems->len == 0;
}

int
spanmark_cli_stats (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkCorpusCounts) counts = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *only = NULL;
  gboolean json = FALSE;
  g_autoptr(SpanmarkStatusCache) curated = NULL;
  SpanmarkStatusCounts curated_counts;
  Stats stats;
  gboolean registry_ok;
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object instead of tables"), NULL },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &only,
      N_("Count only this annotator’s work"), N_("NAME") },
    { NULL }
  };

  context = g_option_context_new (_("DIR"));
  g_option_context_set_summary (context,
                                _("Count the documents of the project in DIR by status, and the spans per\n"
                                  "label and the entities of each annotator (a document without an\n"
                                  "annotation file counts as “new”)."));
  g_option_context_set_description (context,
                                    _("With --json the output is one JSON object with the keys in this order:\n"
                                      "  project      the project’s name\n"
                                      "  documents    number of documents\n"
                                      "  characters   their length in Unicode code points\n"
                                      "  curated      {\"documents\": with a curated version, \"reviewed\": of them reviewed}\n"
                                      "  annotators   {NAME: {\"status\": {\"new\", \"in-progress\", \"done\", \"reviewed\"},\n"
                                      "                       \"spans\", \"labels\": {LABEL: spans}, \"entities\"}},\n"
                                      "               annotators sorted by name\n"
                                      "  spans        all spans of the annotators shown\n"
                                      "  labels       {LABEL: spans}, every label of the schema in schema order\n"
                                      "  entities     all entities of the annotators shown\n"
                                      "  registry     {LABEL: entities of the corpus-wide registry}\n"
                                      "\n"
                                      "Examples:\n"
                                      "  spanmark-cli stats corpus\n"
                                      "  spanmark-cli stats corpus --json --annotator alice | jq .annotators.alice.status"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!spanmark_cli_parse_dir_options (context, &argc, &argv,
                                       _("too many arguments: stats takes one folder")))
    return SPANMARK_CLI_EXIT_USAGE;

  project = spanmark_cli_open_project (argv[1]);
  if (project == NULL)
    return SPANMARK_CLI_EXIT_FAILED;

  names = spanmark_project_list_annotators (project);
  if (only != NULL && !g_strv_contains ((const char * const *) names, only))
    {
      g_autofree char *list = g_strjoinv (", ", names);

      if (names[0] != NULL)
        spanmark_cli_error (_("%s: no annotations by “%s” (annotators: %s)"), argv[1], only, list);
      else
        spanmark_cli_error (_("%s: no annotations by “%s” (the project has no annotations yet)"), argv[1], only);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  if (only != NULL)
    {
      const char *one[] = { only, NULL };

      counts = spanmark_corpus_counts_new (project, one);
    }
  else
    counts = spanmark_corpus_counts_new (project, (const char * const *) names);
  for (guint i = 0; i < counts->errors->len; i++)
    spanmark_cli_error ("%s", ((GError *) g_ptr_array_index (counts->errors, i))->message);

  labels = collect_labels (spanmark_project_get_schema (project), counts->total->labels);

  /* The curated versions, whichever annotators are counted: their
   * statuses, read cheaply. */
  curated = spanmark_status_cache_new (project, SPANMARK_CURATED_ANNOTATOR);
  spanmark_status_cache_count (curated, &curated_counts);

  stats = (Stats) { project, counts->n_documents, counts->n_characters, curated_counts.n_files,
                    curated_counts.n_status[SPANMARK_STATUS_REVIEWED], counts->annotators, counts->total,
                    labels, NULL, 0 };
  registry_ok = count_registry (project, &stats);
  if (json)
    print_json (&stats);
  else
    print_text (&stats);
  g_clear_pointer (&stats.registry, g_hash_table_unref);

  if (counts->errors->len > 0 || !registry_ok)
    {
      spanmark_cli_error (_("some files could not be read; the counts above leave them out"));
      return SPANMARK_CLI_EXIT_FAILED;
    }
  return SPANMARK_CLI_EXIT_OK;
}
