/* test-export.c — exports compared byte for byte with hand-written files
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture project is described in export-fixture.h; the expected
 * files under expected/ were written by hand from its texts and spans.
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gstdio.h>

#include "spanmark-core.h"

#include "export-fixture.h"
#include "spanmark-export-private.h"


typedef struct
{
  char            *dir;      /* temporary folder holding everything */
  SpanmarkProject *project;
  char            *out;      /* dir/out */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = spanmark_test_make_project ("project", "Fixture", NULL, &fixture->project);
  export_fixture_build (fixture->project);
  fixture->out = g_build_filename (fixture->dir, "out", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  spanmark_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->out);
}

static void
assert_file_equals (const char *actual_path,
                    const char *expected_name)
{
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "export", "expected", expected_name, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  gsize expected_len, actual_len;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (expected_path, &expected, &expected_len, &error);
  g_assert_no_error (error);
  g_file_get_contents (actual_path, &actual, &actual_len, &error);
  g_assert_no_error (error);

  /* cmpstr first: it shows the difference when there is one. */
  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpmem (actual, actual_len, expected, expected_len);
}

static SpanmarkExportReport *
run_export (Fixture                     *fixture,
            const SpanmarkExportOptions *options,
            const char                  *destination)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (destination);
  SpanmarkExportReport *report = NULL;
  gboolean ok;

  ok = spanmark_export_run (fixture->project, options, file, NULL, NULL, &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (report);
  return report;
}

static void
init_options (SpanmarkExportOptions *options,
              const char            *format)
{
  spanmark_export_options_init (options);
  options->format = spanmark_export_format_lookup (format);
  g_assert_nonnull (options->format);
  options->annotator = "alice";
}

static void
test_conll_bio (Fixture       *fixture,
                gconstpointer  data)
{
  SpanmarkExportOptions options;
  g_autoptr(SpanmarkExportReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "out.conll", NULL);
  guint n;

  init_options (&options, "conll");
  report = run_export (fixture, &options, path);
  assert_file_equals (path, "fixture-bio.conll");

  g_assert_cmpuint (spanmark_export_report_get_n_documents (report), ==, 5);
  g_assert_cmpstr (spanmark_export_report_get_annotator (report), ==, "alice");
  /* a1 loses 浙江省 and 杭州市 (inside 浙江省杭州市) and 尔到 (overlaps 陈　敏尔). */
  g_assert_cmpuint (spanmark_export_report_get_n_dropped (report), ==, 3);
  g_assert_cmpuint (spanmark_export_report_get_n_dropped_documents (report), ==, 1);
  g_assert_cmpstr (spanmark_export_report_get_dropped_document (report, 0, &n), ==, "a1");
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (spanmark_export_report_get_n_spans (report), ==, 5 + 4 + 1);
}

/* The CoNLL options: a -DOCSTART- line before each document (empty ones
 * too, so the markers count the documents) and a tab between character
 * and tag. */
static void
test_conll_options (Fixture       *fixture,
                    gconstpointer  data)
{
  struct
  {
    SpanmarkExportScheme    scheme;
    gboolean                docstart;
    SpanmarkExportDelimiter delimiter;
    const char             *expected;
  } cases[] = {
    { SPANMARK_EXPORT_SCHEME_BIO, TRUE, SPANMARK_EXPORT_DELIMITER_SPACE, "fixture-bio-docstart.conll" },
    { SPANMARK_EXPORT_SCHEME_BIO, FALSE, SPANMARK_EXPORT_DELIMITER_TAB, "fixture-bio-tab.conll" },
    { SPANMARK_EXPORT_SCHEME_BIOES, TRUE, SPANMARK_EXPORT_DELIMITER_TAB, "fixture-bioes-tab-docstart.conll" },
    { SPANMARK_EXPORT_SCHEME_BIO, FALSE, SPANMARK_EXPORT_DELIMITER_SPACE, "fixture-bio.conll" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SpanmarkExportOptions options;
      g_autoptr(SpanmarkExportReport) report = NULL;
      g_autofree char *path = g_build_filename (fixture->dir, cases[i].expected, NULL);

      init_options (&options, "conll");
      options.scheme = cases[i].scheme;
      options.docstart = cases[i].docstart;
      options.delimiter = cases[i].delimiter;
      report = run_export (fixture, &options, path);
      assert_file_equals (path, cases[i].expected);
      g_assert_cmpuint (spanmark_export_report_get_n_documents (report), ==, 5);
    }
}

/* Tag names of every length, in both schemes: the writer copies tag
 * lines in fixed-size blocks, so lines of one block, just over one and
 * of several must each end where they should. */
static void
test_conll_long_labels (void)
{
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = spanmark_test_make_project ("project", "Labels", NULL, &project);
  g_autofree char *path = g_build_filename (dir, "out.conll", NULL);
  g_autofree char *written = NULL;
  /* Tag lines of 16, 17, 4 and 44 bytes ("\tB-" NAME "\n"). */
  const char *names[] = { "ABCDEFGHIJKLM", "ABCDEFGHIJKLMN", "L", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_LONG" };
  const char *chars[] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛" };
  g_autoptr(GString) expected = g_string_new (NULL);
  SpanmarkExportOptions options;
  g_autoptr(SpanmarkExportReport) report = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SpanmarkLabel) label = spanmark_label_new (names[i], NULL, NULL, NULL, NULL);

      g_assert_true (spanmark_schema_add_label (spanmark_project_get_schema (project), label));
    }
  spanmark_project_add_document (project, "d", "甲乙丙丁戊己庚辛", NULL, &error);
  g_assert_no_error (error);
  set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d"), "alice",
                                           &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_nonnull (spanmark_annotation_set_add_span (set, 2 * i, 2 * i + 2, names[i], &error));
      g_assert_no_error (error);
    }
  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);

  /* Two characters a span: B- and E- in BIOES. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_string_append_printf (expected, "%s\tB-%s\n%s\tE-%s\n", chars[2 * i], names[i], chars[2 * i + 1], names[i]);
  g_string_append_c (expected, '\n');

  spanmark_export_options_init (&options);
  options.format = spanmark_export_format_lookup ("conll");
  options.annotator = "alice";
  options.scheme = SPANMARK_EXPORT_SCHEME_BIOES;
  options.delimiter = SPANMARK_EXPORT_DELIMITER_TAB;
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    g_assert_true (spanmark_export_run (project, &options, file, NULL, NULL, &report, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (path, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected->str);

  g_clear_object (&project);
  spanmark_test_remove_tree (dir);
}

/* More documents than the read-ahead holds, with one bad file at the
 * start, in the middle or at the end: the export reports it (it neither
 * hangs nor writes anything) whichever reader meets it and however far
 * the others have read. */
static void
test_bad_file_anywhere (void)
{
  const guint bad_ones[] = { 0, 17, 39 };

  for (guint b = 0; b < G_N_ELEMENTS (bad_ones); b++)
    {
      g_autoptr(SpanmarkProject) project = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *project_path = NULL;
      g_autofree char *dir = spanmark_test_make_project ("project", "Many", &project_path, &project);
      g_autofree char *out = g_build_filename (dir, "out.conll", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (out);
      g_autofree char *bad_id = g_strdup_printf ("d%02u", bad_ones[b]);
      g_autofree char *bad_name = g_strdup_printf ("%s.json", bad_id);
      g_autofree char *bad = g_build_filename (project_path, "annotations", "alice", bad_name, NULL);
      SpanmarkExportOptions options;
      const char *label = spanmark_schema_get_label (spanmark_project_get_schema (project), 0)->name;

      for (guint i = 0; i < 40; i++)
        {
          g_autofree char *id = g_strdup_printf ("d%02u", i);
          g_autoptr(SpanmarkAnnotationSet) set = NULL;

          spanmark_project_add_document (project, id, "甲乙", NULL, &error);
          g_assert_no_error (error);
          set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, id),
                                                   "alice", &error);
          g_assert_no_error (error);
          g_assert_nonnull (spanmark_annotation_set_add_span (set, 0, 1, label, &error));
          g_assert_no_error (error);
          spanmark_project_save_annotations (project, set, &error);
          g_assert_no_error (error);
        }
      g_assert_true (g_file_set_contents (bad, "{ not json", -1, NULL));

      spanmark_export_options_init (&options);
      options.format = spanmark_export_format_lookup ("conll");
      options.annotator = "alice";
      g_assert_false (spanmark_export_run (project, &options, file, NULL, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, bad_name));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

      g_clear_object (&project);
      spanmark_test_remove_tree (dir);
    }
}

/* Formats that do not take an option ignore it. */
static void
test_options_ignored (Fixture       *fixture,
                      gconstpointer  data)
{
  SpanmarkExportOptions options;
  g_autoptr(SpanmarkExportReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "out.jsonl", NULL);

  init_options (&options, "jsonl");
  g_assert_cmpint (spanmark_export_format_get_options (options.format), ==, SPANMARK_EXPORT_OPTION_NONE);
  options.docstart = TRUE;
  options.delimiter = SPANMARK_EXPORT_DELIMITER_TAB;
  options.scheme = SPANMARK_EXPORT_SCHEME_BIOES;
  report = run_export (fixture, &options, path);
  assert_file_equals (path, "fixture.jsonl");
}

static void
test_conll_bioes (Fixture       *fixture,
                  gconstpointer  data)
{
  SpanmarkExportOptions options;
  g_autoptr(SpanmarkExportReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "out.conll", NULL);

  init_options (&options, "conll");
  options.scheme = SPANMARK_EXPORT_SCHEME_BIOES;
  report = run_export (fixture, &options, path);
  assert_file_equals (path, "fixture-bioes.conll");
}

static void
test_jsonl (Fixture       *fixture,
            gconstpointer  data)
{
  SpanmarkExportOptions options;
  g_autoptr(SpanmarkExportReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "out.jsonl", NULL);

  init_options (&options, "jsonl");
  report = run_export (fixture, &options, path);
  assert_file_equals (path, "fixture.jsonl");
  /* Nothing is dropped: JSONL keeps nested spans. */
  g_assert_cmpuint (spanmark_export_report_get_n_dropped (report), ==, 0);
  g_assert_cmpuint (spanmark_export_report_get_n_spans (report), ==, 8 + 4 + 1);
}

static void
test_doccano (Fixture       *fixture,
              gconstpointer  data)
{
  SpanmarkExportOptions options;
  g_autoptr(SpanmarkExportReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "out.jsonl", NULL);

  init_options (&options, "doccano");
  report = run_export (fixture, &options, path);
  assert_file_equals (path, "fixture-doccano.jsonl");
  g_assert_cmpuint (spanmark_export_report_get_n_dropped (report), ==, 0);
}

static void
test_status_done (Fixture       *fixture,
                  gconstpointer  data)
{
  SpanmarkExportOptions options;
  g_autoptr(SpanmarkExportReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "out.jsonl", NULL);

  init_options (&options, "doccano");
  options.done_only = TRUE;
  report = run_export (fixture, &options, path);
  assert_file_equals (path, "fixture-done-doccano.jsonl");
  g_assert_cmpuint (spanmark_export_report_get_n_documents (report), ==, 2);
}

static void
test_hf (Fixture       *fixture,
         gconstpointer  data)
{
  SpanmarkExportOptions options;
  g_autoptr(SpanmarkExportReport) report = NULL;
  g_autoptr(SpanmarkExportReport) report2 = NULL;
  g_autofree char *data_path = g_build_filename (fixture->out, "data.jsonl", NULL);
  g_autofree char *labels_path = g_build_filename (fixture->out, "labels.json", NULL);
  g_autofree char *card_path = g_build_filename (fixture->out, "README.md", NULL);

  init_options (&options, "hf");
  report = run_export (fixture, &options, fixture->out);
  assert_file_equals (data_path, "hf-bio/data.jsonl");
  assert_file_equals (labels_path, "hf-bio/labels.json");
  /* The dataset card: the data files and the tag names as class labels. */
  assert_file_equals (card_path, "hf-bio/README.md");
  g_assert_cmpuint (spanmark_export_report_get_n_dropped (report), ==, 3);

  /* Exporting again into the same folder replaces the files. */
  options.scheme = SPANMARK_EXPORT_SCHEME_BIOES;
  report2 = run_export (fixture, &options, fixture->out);
  assert_file_equals (labels_path, "hf-bioes-labels.json");
  assert_file_equals (card_path, "hf-bioes-README.md");
}

static void
test_brat (Fixture       *fixture,
           gconstpointer  data)
{
  SpanmarkExportOptions options;
  g_autoptr(SpanmarkExportReport) report = NULL;
  const char *ids[] = { "a1", "b2", "c3", "d4", "e5" };
  g_autofree char *conf = g_build_filename (fixture->out, "annotation.conf", NULL);

  init_options (&options, "brat");
  report = run_export (fixture, &options, fixture->out);
  assert_file_equals (conf, "brat/annotation.conf");

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *ann_name = g_strconcat (ids[i], ".ann", NULL);
      g_autofree char *txt_name = g_strconcat (ids[i], ".txt", NULL);
      g_autofree char *ann = g_build_filename (fixture->out, ann_name, NULL);
      g_autofree char *txt = g_build_filename (fixture->out, txt_name, NULL);
      g_autofree char *expected_ann = g_build_filename ("brat", ann_name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *written = NULL;
      g_autoptr(GError) error = NULL;
      SpanmarkDocument *document = spanmark_project_lookup_document (fixture->project, ids[i]);

      assert_file_equals (ann, expected_ann);

      /* The .txt is the stored text, byte for byte. */
      text = spanmark_project_load_text (fixture->project, document, &error);
      g_assert_no_error (error);
      g_file_get_contents (txt, &written, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (written, ==, text);
    }
}

/* The same bytes when every file goes through the project's loader
 * rather than the exporter's fast reader. */
static void
test_slow_path (Fixture       *fixture,
                gconstpointer  data)
{
  struct { const char *format; const char *expected; } cases[] = {
    { "conll", "fixture-bio.conll" },
    { "jsonl", "fixture.jsonl" },
    { "doccano", "fixture-doccano.jsonl" },
  };
  g_autofree char *ann = g_build_filename (fixture->out, "b2.ann", NULL);

  g_setenv ("SPANMARK_EXPORT_SLOW", "1", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SpanmarkExportOptions options;
      g_autoptr(SpanmarkExportReport) report = NULL;
      g_autofree char *path = g_build_filename (fixture->dir, "slow.out", NULL);

      init_options (&options, cases[i].format);
      report = run_export (fixture, &options, path);
      assert_file_equals (path, cases[i].expected);
    }
  {
    SpanmarkExportOptions options;
    g_autoptr(SpanmarkExportReport) report = NULL;

    init_options (&options, "brat");
    report = run_export (fixture, &options, fixture->out);
    assert_file_equals (ann, "brat/b2.ann");
  }
  g_unsetenv ("SPANMARK_EXPORT_SLOW");
}

/* Annotation files written by other tools (any key order, escapes,
 * spaces, keys Spanmark does not write) read the same through the fast
 * reader and the project's loader. */
static void
test_other_writers (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *extras[] = { "", "\"comment\": \"made by hand\",\n " };
  g_autofree char *ann = g_build_filename (fixture->dir, "project", "annotations", "alice", "e5.json", NULL);
  g_autofree char *sha = spanmark_text_sha256 ("甲\n乙 丙", -1);
  const char *expected =
    "{\"id\":\"e5\",\"text\":\"甲\\n乙 丙\",\"spans\":[{\"start\":0,\"end\":5,\"label\":\"OFFICIAL\","
    "\"text\":\"甲\\n乙 丙\",\"attrs\":{\"n\xc3\xa9\":\"\\\"x\\\"\"}}],\"entities\":[]}\n";

  for (guint i = 0; i < G_N_ELEMENTS (extras); i++)
    for (guint slow = 0; slow < 2; slow++)
      {
        SpanmarkExportOptions options;
        g_autoptr(SpanmarkExportReport) report = NULL;
        g_autofree char *path = g_build_filename (fixture->dir, "other.jsonl", NULL);
        g_autofree char *json = NULL;
        g_autofree char *written = NULL;
        g_auto(GStrv) lines = NULL;

        json = g_strdup_printf ("{\n \"spans\": [ {\"text\": \"\\u7532\\n\\u4e59 \\u4e19\", \"end\": 5,"
                                " \"start\": 0, \"label\": \"OFFICIAL\", \"id\": \"z\","
                                " \"attrs\": {\"n\\u00e9\": \"\\\"x\\\"\"}} ],\n %s"
                                "\"annotator\": \"alice\", \"document\": \"e5\", \"status\": \"new\","
                                " \"spanmark\": 1, \"text_sha256\": \"%s\"\n}\n",
                                extras[i], sha);
        g_assert_true (g_file_set_contents (ann, json, -1, NULL));

        if (slow)
          g_setenv ("SPANMARK_EXPORT_SLOW", "1", TRUE);
        init_options (&options, "jsonl");
        report = run_export (fixture, &options, path);
        g_unsetenv ("SPANMARK_EXPORT_SLOW");

        g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
        lines = g_strsplit (written, "\n", -1);
        g_assert_cmpuint (g_strv_length (lines), ==, 6);
        {
          g_autofree char *last = g_strconcat (lines[4], "\n", NULL);

          g_assert_cmpstr (last, ==, expected);
        }
      }
}

static void
test_flatten (void)
{
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_span_free);
  g_autoptr(GPtrArray) kept = NULL;
  guint n_dropped = 99;

  /* In spanmark_span_compare order. */
  g_ptr_array_add (spans, spanmark_span_new ("s1", 0, 10, "PLACE", "x"));
  g_ptr_array_add (spans, spanmark_span_new ("s2", 0, 3, "PLACE", "x"));
  g_ptr_array_add (spans, spanmark_span_new ("s3", 5, 12, "PLACE", "x"));
  g_ptr_array_add (spans, spanmark_span_new ("s4", 10, 11, "PLACE", "x"));
  g_ptr_array_add (spans, spanmark_span_new ("s5", 11, 13, "PLACE", "x"));
  g_ptr_array_add (spans, spanmark_span_new ("s6", 12, 13, "PLACE", "x"));

  kept = spanmark_export_flatten_spans (spans, &n_dropped);
  g_assert_cmpuint (kept->len, ==, 3);
  g_assert_cmpstr (((SpanmarkSpan *) g_ptr_array_index (kept, 0))->id, ==, "s1");
  /* Adjacent spans are both kept. */
  g_assert_cmpstr (((SpanmarkSpan *) g_ptr_array_index (kept, 1))->id, ==, "s4");
  g_assert_cmpstr (((SpanmarkSpan *) g_ptr_array_index (kept, 2))->id, ==, "s5");
  g_assert_cmpuint (n_dropped, ==, 3);
}

/* Every entry of the table of formats says what the dialog and the
 * command line ask of it. */
static void
test_formats (void)
{
  g_autofree char *names = spanmark_export_format_list_names (SPANMARK_EXPORT_OPTION_NONE, ", ");
  g_autofree char *scheme = spanmark_export_format_list_names (SPANMARK_EXPORT_OPTION_SCHEME, " ");
  SpanmarkExportOptions options;

  for (guint i = 0; i < spanmark_export_format_get_n_formats (); i++)
    {
      const SpanmarkExportFormat *format = spanmark_export_format_get (i);
      const char *name = spanmark_export_format_get_name (format);
      const char *file = spanmark_export_format_get_default_file_name (format);

      g_assert_true (spanmark_export_format_lookup (name) == format);
      g_assert_nonnull (strstr (names, name));
      g_assert_cmpstr (spanmark_export_format_get_title (format), !=, "");
      g_assert_cmpstr (spanmark_export_format_get_description (format), !=, "");
      g_assert_cmpstr (spanmark_export_format_get_layout (format, FALSE), !=, "");
      g_assert_cmpstr (spanmark_export_format_get_layout (format, TRUE), !=, "");
      /* A split always writes a folder; a one-file format names its file. */
      g_assert_true (spanmark_export_format_writes_folder (format, TRUE));
      g_assert_true ((file == NULL) == spanmark_export_format_writes_folder (format, FALSE));
      if (file != NULL)
        g_assert_nonnull (strstr (spanmark_export_format_get_layout (format, FALSE), file));
      /* Only the flat formats have tags to scheme. */
      g_assert_cmpint ((spanmark_export_format_get_options (format) & SPANMARK_EXPORT_OPTION_SCHEME) != 0, ==,
                       spanmark_export_format_is_flat (format));
    }

  g_assert_cmpstr (names, ==, "conll, jsonl, doccano, hf, brat, kb");
  g_assert_cmpstr (scheme, ==, "conll hf");
  g_assert_null (spanmark_export_format_lookup ("xml"));
  g_assert_null (spanmark_export_format_lookup (NULL));
  g_assert_cmpstr (spanmark_export_format_get_default_file_name (spanmark_export_format_lookup ("conll")), ==,
                   "data.conll");

  /* The first format is the default. */
  spanmark_export_options_init (&options);
  g_assert_true (options.format == spanmark_export_format_get (0));
  g_assert_false (options.docstart);
  g_assert_cmpint (options.delimiter, ==, SPANMARK_EXPORT_DELIMITER_SPACE);
}

static void
test_annotator_choice (Fixture       *fixture,
                       gconstpointer  data)
{
  SpanmarkExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "out.jsonl", NULL);
  g_autofree char *picked = NULL;

  /* Two annotators: none is picked, and the error lists them. */
  picked = spanmark_export_pick_annotator (fixture->project, &error);
  g_assert_null (picked);
  g_assert_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_ANNOTATOR);
  g_assert_nonnull (strstr (error->message, "alice"));
  g_assert_nonnull (strstr (error->message, "bob"));
  g_clear_error (&error);

  init_options (&options, "jsonl");
  options.annotator = NULL;
  file = g_file_new_for_path (path);
  g_assert_false (spanmark_export_run (fixture->project, &options, file, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_ANNOTATOR);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* An annotator without annotations is an error too, not an empty export. */
  options.annotator = SPANMARK_CURATED_ANNOTATOR;
  g_assert_false (spanmark_export_run (fixture->project, &options, file, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_ANNOTATOR);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Lists a folder's entries, sorted, joined with spaces. */
static char *
list_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
} CancelData;

static void
cancel_after_first_cb (guint       n_done,
                       guint       n_total,
                       const char *document_id,
                       gpointer    user_data)
{
  CancelData *cancel = user_data;

  cancel->calls++;
  if (n_done == 1)
    g_cancellable_cancel (cancel->cancellable);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = list_folder (fixture->dir);
  g_autofree char *existing = g_build_filename (fixture->dir, "existing", NULL);
  g_autofree char *kept_file = g_build_filename (existing, "keep.txt", NULL);
  guint n_formats = spanmark_export_format_get_n_formats ();

  /* Every format of the table. */
  for (guint i = 0; i < n_formats; i++)
    for (guint split = 0; split < 2; split++)
      {
        SpanmarkExportOptions options;
        CancelData cancel = { cancellable, 0 };
        g_autoptr(GError) error = NULL;
        g_autoptr(GFile) file = NULL;
        g_autofree char *after = NULL;
        SpanmarkExportReport *report = NULL;

        init_options (&options, spanmark_export_format_get_name (spanmark_export_format_get (i)));
        options.split = split;
        g_cancellable_reset (cancellable);
        file = g_file_new_for_path (fixture->out);
        g_assert_false (spanmark_export_run (fixture->project, &options, file,
                                             cancel_after_first_cb, &cancel,
                                             &report, cancellable, &error));
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        g_assert_null (report);
        g_assert_cmpuint (cancel.calls, ==, 2);

        /* No output, no temporary file, no created folder. */
        after = list_folder (fixture->dir);
        g_assert_cmpstr (after, ==, before);
      }

  /* Into a folder that exists: it is left as it was. */
  g_assert_cmpint (g_mkdir (existing, 0700), ==, 0);
  g_assert_true (g_file_set_contents (kept_file, "keep", -1, NULL));
  for (guint i = 0; i < n_formats; i++)
    {
      SpanmarkExportOptions options;
      CancelData cancel = { cancellable, 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (existing);
      g_autofree char *after = NULL;

      init_options (&options, spanmark_export_format_get_name (spanmark_export_format_get (i)));
      options.split = TRUE;
      g_cancellable_reset (cancellable);
      g_assert_false (spanmark_export_run (fixture->project, &options, file,
                                           cancel_after_first_cb, &cancel,
                                           NULL, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      after = list_folder (existing);
      g_assert_cmpstr (after, ==, "keep.txt");
    }
}

static void
test_failure_leaves_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  SpanmarkExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->out);
  g_autofree char *before = list_folder (fixture->dir);
  g_autofree char *after = NULL;
  g_autofree char *bad = g_build_filename (fixture->dir, "project", "annotations", "alice", "e5.json", NULL);

  /* The last document's annotations are corrupt: the export fails after
   * writing the others, and takes them back. */
  g_assert_true (g_file_set_contents (bad, "{ not json", -1, NULL));
  init_options (&options, "hf");
  g_assert_false (spanmark_export_run (fixture->project, &options, file, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "e5.json"));
  after = list_folder (fixture->dir);
  g_assert_cmpstr (after, ==, before);
}

/* Links alice's entities to a registry (docs/entities.md): a1's 车俊
 * directly, b2's José through the tombstone of an entity merged into
 * his; 陈敏尔 stays a local entity, 涪陵 has no mentions. */
static void
link_registry (Fixture *fixture)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "project", NULL);
  g_autofree char *a1 = g_build_filename (dir, "annotations", "alice", "a1.json", NULL);
  g_autofree char *b2 = g_build_filename (dir, "annotations", "alice", "b2.json", NULL);
  struct { const char *id; const char *contents; } entities[] = {
    { "alice-00000000a1", "{\"spanmark\": 1, \"id\": \"alice-00000000a1\", \"label\": \"OFFICIAL\", \"name\": \"车俊\", "
                          "\"aliases\": [\"车俊同志\"], \"attrs\": [{\"key\": \"title\", \"value\": \"浙江省委书记\", \"document\": \"a1\"}]}\n" },
    { "alice-00000000b2", "{\"spanmark\": 1, \"id\": \"alice-00000000b2\", \"label\": \"OFFICIAL\", \"name\": \"Jose\xcc\x81\", "
                          "\"aliases\": [\"President Jose\xcc\x81\"], \"attrs\": [{\"key\": \"title\", \"value\": \"Minister\", \"document\": null}, "
                          "{\"key\": \"title\", \"value\": \"President\", \"document\": \"b2\"}, "
                          "{\"key\": \"region\", \"value\": \"Dili\", \"document\": \"b2\"}]}\n" },
    { "alice-00000000c3", "{\"spanmark\": 1, \"id\": \"alice-00000000c3\", \"merged_into\": \"alice-00000000b2\"}\n" },
    { "alice-00000000d4", "{\"spanmark\": 1, \"id\": \"alice-00000000d4\", \"label\": \"PLACE\", \"name\": \"涪陵\"}\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autofree char *name = g_strconcat (entities[i].id, ".json", NULL);
      g_autofree char *path = g_build_filename (dir, "entities", name, NULL);

      spanmark_test_write_file (path, entities[i].contents, -1);
    }
  spanmark_test_replace_all_in_file (a1, "\"e1\"", "\"alice-00000000a1\"");
  spanmark_test_replace_all_in_file (b2, "\"e1\"", "\"alice-00000000c3\"");
}

static void
test_kb (Fixture       *fixture,
         gconstpointer  data)
{
  SpanmarkExportOptions options;
  g_autoptr(SpanmarkExportReport) report = NULL;
  g_autoptr(SpanmarkExportReport) jsonl_report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "kb.jsonl", NULL);
  g_autofree char *jsonl_path = g_build_filename (fixture->dir, "data.jsonl", NULL);
  g_autofree char *jsonl = NULL;

  link_registry (fixture);
  init_options (&options, "kb");
  report = run_export (fixture, &options, path);
  assert_file_equals (path, "fixture-kb.jsonl");

  /* The jsonl export carries each span's registry id: mention → entity
   * pairs with no converter. */
  init_options (&options, "jsonl");
  jsonl_report = run_export (fixture, &options, jsonl_path);
  jsonl = spanmark_test_read_file (jsonl_path, NULL);
  g_assert_nonnull (strstr (jsonl, "{\"start\":0,\"end\":2,\"label\":\"OFFICIAL\",\"text\":\"车俊\",\"entity\":\"alice-00000000a1\"}"));
  g_assert_nonnull (strstr (jsonl, "\"entity\":\"alice-00000000c3\""));
}

/* A registry file that does not load stops the kb export, naming it. */
static void
test_kb_bad_registry (Fixture       *fixture,
                      gconstpointer  data)
{
  SpanmarkExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_build_filename (fixture->dir, "project", "entities", "alice-00000000e5.json", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "kb.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SpanmarkExportReport *report = NULL;

  spanmark_test_write_file (bad, "{\"spanmark\": 1, \"id\": \"alice-00000000e5\", \"label\": \"PLACE\"}\n", -1);
  init_options (&options, "kb");
  g_assert_false (spanmark_export_run (fixture->project, &options, file, NULL, NULL, &report, NULL, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "entities/alice-00000000e5.json: \"name\": is missing");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/flatten", test_flatten);
  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/conll/long-labels", test_conll_long_labels);
  g_test_add_func ("/export/bad-file-anywhere", test_bad_file_anywhere);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/conll/bio", test_conll_bio);
  ADD ("/export/conll/bioes", test_conll_bioes);
  ADD ("/export/conll/options", test_conll_options);
  ADD ("/export/options-ignored", test_options_ignored);
  ADD ("/export/jsonl", test_jsonl);
  ADD ("/export/doccano", test_doccano);
  ADD ("/export/status-done", test_status_done);
  ADD ("/export/hf", test_hf);
  ADD ("/export/brat", test_brat);
  ADD ("/export/kb", test_kb);
  ADD ("/export/kb-bad-registry", test_kb_bad_registry);
  ADD ("/export/annotator", test_annotator_choice);
  ADD ("/export/cancel", test_cancel);
  ADD ("/export/failure", test_failure_leaves_nothing);
  ADD ("/export/slow-path", test_slow_path);
  ADD ("/export/other-writers", test_other_writers);
#undef ADD

  return g_test_run ();
}
