/* test-import-format.c — the table of import formats and import on bytes
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is imported by the format of its extension, and the fuzzers and
 * these tests read bytes through the same formats with
 * _spanmark_import_check_data(), which writes nothing.
 */

#include "config.h"

#include <string.h>

#include "spanmark-core.h"
#include "spanmark-import-private.h"
#include "project-fixture.h"

static void
test_table (void)
{
  g_autofree char *usages = spanmark_import_format_list_usages (", ");
  guint n = spanmark_import_format_get_n_formats ();

  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; i < n; i++)
    {
      const SpanmarkImportFormat *format = spanmark_import_format_get (i);
      g_autofree char *file = g_strconcat ("NAME", spanmark_import_format_get_extension (format), NULL);

      g_assert_true (spanmark_import_format_lookup (spanmark_import_format_get_name (format)) == format);
      g_assert_true (spanmark_import_format_for_file (file) == format);
      g_assert_true (g_str_has_prefix (spanmark_import_format_get_usage (format), "NAME."));
      g_assert_nonnull (strstr (usages, spanmark_import_format_get_usage (format)));
      g_assert_cmpstr (spanmark_import_format_get_description (format), !=, "");
    }

  /* By extension, without case; nothing for others. */
  g_assert_true (spanmark_import_format_for_file ("a.TXT") == spanmark_import_format_lookup ("plain-text"));
  g_assert_true (spanmark_import_format_for_file ("a.ann") == spanmark_import_format_lookup ("brat"));
  g_assert_null (spanmark_import_format_for_file ("a.csv"));
  g_assert_null (spanmark_import_format_for_file (".txt"));
  g_assert_null (spanmark_import_format_lookup ("csv"));
  g_assert_cmpstr (usages, ==, "NAME.txt, NAME.txt + NAME.ann, NAME.jsonl, NAME.conll");
  /* A format with several extensions. */
  g_assert_true (spanmark_import_format_for_file ("msra.BIO") == spanmark_import_format_lookup ("conll"));
  g_assert_true (spanmark_import_format_for_file ("resume.bmes") == spanmark_import_format_lookup ("conll"));
  g_assert_true (spanmark_import_format_for_file ("eng.iob") == spanmark_import_format_lookup ("conll"));
  g_assert_null (spanmark_import_format_for_file (".bio"));
  g_assert_true (spanmark_import_format_reads_alone (spanmark_import_format_lookup ("conll")));
  g_assert_false (spanmark_import_format_reads_alone (spanmark_import_format_lookup ("brat")));
}

typedef struct
{
  char            *dir;
  SpanmarkProject *project;
  GPtrArray       *documents;
  GPtrArray       *sets;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = spanmark_test_make_tmpdir ();
  fixture->project = fixture_make_project (fixture->dir, FALSE);
  fixture->documents = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->sets = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->documents, g_ptr_array_unref);
  g_clear_pointer (&fixture->sets, g_ptr_array_unref);
  g_clear_object (&fixture->project);
  spanmark_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
check (Fixture     *fixture,
       const char  *name,
       const char  *data,
       const char  *ann,
       GError     **error)
{
  SpanmarkImportOptions options = { "alice", SPANMARK_TEXT_ENCODING_UTF8 };

  return _spanmark_import_check_data (fixture->project, &options, name, data, strlen (data),
                                      ann, ann != NULL ? strlen (ann) : 0,
                                      fixture->documents, fixture->sets, NULL, NULL, error);
}

static void
test_txt_and_brat (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SpanmarkAnnotationSet *set;

  /* A text alone: one document, no spans; with a BOM and CRLF normalised. */
  g_assert_true (check (fixture, "news.txt", "\xef\xbb\xbf杭州\r\n", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->documents->len, ==, 1);
  g_assert_cmpstr (spanmark_document_get_id (g_ptr_array_index (fixture->documents, 0)), ==, "news");
  set = g_ptr_array_index (fixture->sets, 0);
  g_assert_cmpstr (spanmark_annotation_set_get_text (set), ==, "杭州\n");
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 0);

  /* With its .ann: offsets into the text as stored, moved past the BOM. */
  g_assert_true (check (fixture, "brat.txt", "\xef\xbb\xbf在杭州\n", "T1\tPLACE 2 4\t杭州\n", &error));
  g_assert_no_error (error);
  set = g_ptr_array_index (fixture->sets, 1);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 1);
  g_assert_cmpuint (spanmark_annotation_set_get_span (set, 0)->start, ==, 1);
  g_assert_cmpstr (spanmark_annotation_set_get_span (set, 0)->text, ==, "杭州");

  /* An error in the .ann names it. */
  g_assert_false (check (fixture, "bad.txt", "在杭州\n", "T1\tPERSON 1 3\t杭州\n", &error));
  g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "bad.ann: "));
}

static void
test_jsonl (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SpanmarkAnnotationSet *set;

  g_assert_true (check (fixture, "lines.jsonl",
                        "{\"text\": \"在杭州\", \"spans\": [{\"start\": 1, \"end\": 3, \"label\": \"PLACE\"}]}\n"
                        "\n"
                        "{\"id\": \"d7\", \"text\": \"李强\", \"label\": [[0, 2, \"OFFICIAL\"]]}\n",
                        NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->documents->len, ==, 2);
  /* Without an id, the file's stem and the line. */
  g_assert_cmpstr (spanmark_document_get_id (g_ptr_array_index (fixture->documents, 0)), ==, "lines-1");
  g_assert_cmpstr (spanmark_document_get_id (g_ptr_array_index (fixture->documents, 1)), ==, "d7");
  set = g_ptr_array_index (fixture->sets, 1);
  g_assert_cmpstr (spanmark_annotation_set_get_span (set, 0)->label, ==, "OFFICIAL");

  g_assert_false (check (fixture, "broken.jsonl", "{\"text\": 3}\n", NULL, &error));
  g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "broken.jsonl: line 1: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-format/table", test_table);
  g_test_add ("/import-format/txt-and-brat", Fixture, NULL, fixture_set_up, test_txt_and_brat, fixture_tear_down);
  g_test_add ("/import-format/jsonl", Fixture, NULL, fixture_set_up, test_jsonl, fixture_tear_down);

  return g_test_run ();
}
