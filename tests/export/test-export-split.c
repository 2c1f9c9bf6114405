/* test-export-split.c — train/dev/test splits: deterministic, by document
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "spanmark-core.h"

#include "export-fixture.h"

#define N_DOCUMENTS 20

typedef struct
{
  char            *dir;
  SpanmarkProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = spanmark_test_make_project ("project", "Split", NULL, &fixture->project);

  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      g_autofree char *id = g_strdup_printf ("doc-%02u", i);
      g_autofree char *text = g_strdup_printf ("第%u篇：张三到了北京。", i);
      g_autoptr(SpanmarkAnnotationSet) set = NULL;
      SpanmarkDocument *document;

      document = spanmark_project_add_document (fixture->project, id, text, NULL, &error);
      g_assert_no_error (error);
      set = spanmark_project_load_annotations (fixture->project, document, "alice", &error);
      g_assert_no_error (error);
      /* "北京" is the last two characters but the "。". */
      {
        guint length = spanmark_annotation_set_get_length (set);

        spanmark_annotation_set_add_span (set, length - 3, length - 1, "PLACE", &error);
        g_assert_no_error (error);
      }
      spanmark_annotation_set_set_status (set, SPANMARK_STATUS_DONE);
      spanmark_project_save_annotations (fixture->project, set, &error);
      g_assert_no_error (error);
    }
  spanmark_project_save (fixture->project, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  spanmark_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
test_assign_parts (void)
{
  const char *ids[] = { "d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9" };
  const char *reversed[G_N_ELEMENTS (ids)];
  const guint percent[3] = { 80, 10, 10 };
  g_autofree SpanmarkExportPart *a = NULL;
  g_autofree SpanmarkExportPart *b = NULL;
  g_autofree SpanmarkExportPart *c = NULL;
  g_autofree SpanmarkExportPart *r = NULL;
  guint counts[3] = { 0, 0, 0 };
  gboolean differs = FALSE;

  a = spanmark_export_assign_parts (ids, G_N_ELEMENTS (ids), percent, 1);
  b = spanmark_export_assign_parts (ids, G_N_ELEMENTS (ids), percent, 1);
  c = spanmark_export_assign_parts (ids, G_N_ELEMENTS (ids), percent, 2);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    reversed[i] = ids[G_N_ELEMENTS (ids) - 1 - i];
  r = spanmark_export_assign_parts (reversed, G_N_ELEMENTS (ids), percent, 1);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpint (a[i], ==, b[i]);
      /* The order of the documents does not matter, only their ids. */
      g_assert_cmpint (a[i], ==, r[G_N_ELEMENTS (ids) - 1 - i]);
      counts[a[i]]++;
      if (a[i] != c[i])
        differs = TRUE;
    }
  g_assert_cmpuint (counts[SPANMARK_EXPORT_PART_TRAIN], ==, 8);
  g_assert_cmpuint (counts[SPANMARK_EXPORT_PART_DEV], ==, 1);
  g_assert_cmpuint (counts[SPANMARK_EXPORT_PART_TEST], ==, 1);
  g_assert_true (differs);
}

static void
test_parse_split (void)
{
  guint percent[3] = { 0, 0, 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (spanmark_export_parse_split ("70/20/10", percent, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (percent[0], ==, 70);
  g_assert_cmpuint (percent[1], ==, 20);
  g_assert_cmpuint (percent[2], ==, 10);

  g_assert_false (spanmark_export_parse_split ("80/10", percent, &error));
  g_assert_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_OPTIONS);
  g_clear_error (&error);
  g_assert_false (spanmark_export_parse_split ("80/10/20", percent, &error));
  g_assert_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_OPTIONS);
  g_clear_error (&error);
  g_assert_false (spanmark_export_parse_split ("a/b/c", percent, &error));
  g_assert_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_OPTIONS);
  g_clear_error (&error);
  /* Nothing was changed by the failures. */
  g_assert_cmpuint (percent[0], ==, 70);
}

static SpanmarkExportReport *
export_split (Fixture    *fixture,
              const char *format,
              guint64     seed,
              const char *name)
{
  SpanmarkExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  SpanmarkExportReport *report = NULL;

  spanmark_export_options_init (&options);
  options.format = spanmark_export_format_lookup (format);
  g_assert_nonnull (options.format);
  options.split = TRUE;
  options.seed = seed;
  g_assert_true (spanmark_export_run (fixture->project, &options, out, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  return report;
}

static char *
read_file (Fixture    *fixture,
           const char *folder,
           const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, folder, name, NULL);

  return spanmark_test_read_file (path, NULL);
}

/* The document ids of one JSONL part, in order. */
static GPtrArray *
read_ids (Fixture    *fixture,
          const char *folder,
          const char *name)
{
  g_autofree char *contents = read_file (fixture, folder, name);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      if (lines[i][0] == '\0')
        continue;
      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      g_ptr_array_add (ids, g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "id")));
    }

  return ids;
}

static void
test_split_files (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SpanmarkExportReport) r1 = export_split (fixture, "jsonl", 7, "one");
  g_autoptr(SpanmarkExportReport) r2 = export_split (fixture, "jsonl", 7, "two");
  g_autoptr(SpanmarkExportReport) r3 = export_split (fixture, "jsonl", 8, "three");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *names[] = { "train.jsonl", "dev.jsonl", "test.jsonl" };
  const guint expected_counts[] = { 16, 2, 2 };
  gboolean differs = FALSE;

  for (guint part = 0; part < 3; part++)
    {
      g_autofree char *a = read_file (fixture, "one", names[part]);
      g_autofree char *b = read_file (fixture, "two", names[part]);
      g_autofree char *c = read_file (fixture, "three", names[part]);
      g_autoptr(GPtrArray) ids = read_ids (fixture, "one", names[part]);

      /* Same seed, same files. */
      g_assert_cmpstr (a, ==, b);
      if (g_strcmp0 (a, c) != 0)
        differs = TRUE;

      g_assert_cmpuint (spanmark_export_report_get_n_part_documents (r1, part), ==, expected_counts[part]);
      g_assert_cmpuint (spanmark_export_report_get_n_part_documents (r3, part), ==, expected_counts[part]);
      g_assert_cmpuint (ids->len, ==, expected_counts[part]);
      for (guint i = 0; i < ids->len; i++)
        {
          /* Every document lands in exactly one part, and parts keep the
           * project's document order. */
          g_assert_false (g_hash_table_contains (seen, g_ptr_array_index (ids, i)));
          g_hash_table_add (seen, g_strdup (g_ptr_array_index (ids, i)));
          if (i > 0)
            g_assert_cmpint (strcmp (g_ptr_array_index (ids, i - 1), g_ptr_array_index (ids, i)), <, 0);
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, N_DOCUMENTS);
  g_assert_cmpuint (spanmark_export_report_get_n_documents (r2), ==, N_DOCUMENTS);
  /* Another seed, another assignment. */
  g_assert_true (differs);
}

static void
test_split_folders (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SpanmarkExportReport) hf = export_split (fixture, "hf", 3, "hf");
  g_autoptr(SpanmarkExportReport) brat = export_split (fixture, "brat", 3, "brat");
  g_autoptr(SpanmarkExportReport) conll = export_split (fixture, "conll", 3, "conll");
  const char *hf_files[] = { "train.jsonl", "dev.jsonl", "test.jsonl", "labels.json", "README.md" };
  const char *conll_files[] = { "train.conll", "dev.conll", "test.conll" };
  const char *parts[] = { "train", "dev", "test" };
  g_autofree char *conf = g_build_filename (fixture->dir, "brat", "annotation.conf", NULL);
  guint n_brat = 0;

  for (guint i = 0; i < G_N_ELEMENTS (hf_files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, "hf", hf_files[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  /* The dataset card names the three files, dev as the datasets
   * library's "validation". */
  {
    g_autofree char *card = read_file (fixture, "hf", "README.md");

    g_assert_nonnull (strstr (card, "  data_files:\n"
                                    "  - split: train\n    path: train.jsonl\n"
                                    "  - split: validation\n    path: dev.jsonl\n"
                                    "  - split: test\n    path: test.jsonl\n"));
  }
  for (guint i = 0; i < G_N_ELEMENTS (conll_files); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, "conll", conll_files[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  g_assert_true (g_file_test (conf, G_FILE_TEST_IS_REGULAR));
  for (guint part = 0; part < 3; part++)
    {
      g_autofree char *folder = g_build_filename (fixture->dir, "brat", parts[part], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;
      guint n = 0;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        n++;
      /* A .txt and an .ann per document. */
      g_assert_cmpuint (n, ==, 2 * spanmark_export_report_get_n_part_documents (brat, part));
      /* hf, brat and conll with the same seed split the same way. */
      g_assert_cmpuint (spanmark_export_report_get_n_part_documents (brat, part), ==,
                        spanmark_export_report_get_n_part_documents (hf, part));
      n_brat += n / 2;
    }
  g_assert_cmpuint (n_brat, ==, N_DOCUMENTS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/split/assign", test_assign_parts);
  g_test_add_func ("/export/split/parse", test_parse_split);
  g_test_add ("/export/split/files", Fixture, NULL, fixture_set_up, test_split_files, fixture_tear_down);
  g_test_add ("/export/split/folders", Fixture, NULL, fixture_set_up, test_split_folders, fixture_tear_down);

  return g_test_run ();
}
