/* test-validate.c — spanmark-cli validate on the sample project and broken copies
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

static void
test_sample (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_run (NULL, &out, &err, "validate", sample, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "no problems"));
  g_assert_cmpstr (err, ==, "");
}

static void
test_broken_span (void)
{
  g_autofree char *tmp = spanmark_test_make_project ("sample", NULL, NULL, NULL);
  g_autofree char *file = g_build_filename (tmp, "sample", "annotations", "sample", "yunlan-001.json", NULL);
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *project = g_build_filename (tmp, "sample", NULL);

  spanmark_test_replace_in_file (file, "\"text\": \"林振邦\"", "\"text\": \"林振国\"");
  before = spanmark_test_snapshot_tree (project);
  g_assert_cmpint (cli_run (tmp, NULL, &err, "validate", "sample", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "annotations/sample/yunlan-001.json: spans[0]"));
  g_assert_nonnull (strstr (err, "林振国"));
  g_assert_nonnull (strstr (err, "1 problem"));
  /* Validation never writes. */
  after = spanmark_test_snapshot_tree (project);
  g_assert_cmpstr (before, ==, after);

  spanmark_test_remove_tree (tmp);
}

static void
test_broken_files (void)
{
  g_autofree char *tmp = spanmark_test_make_project ("sample", NULL, NULL, NULL);
  g_autofree char *annotation = g_build_filename (tmp, "sample", "annotations", "sample", "yunlan-002.json", NULL);
  g_autofree char *text = g_build_filename (tmp, "sample", "documents", "yunlan-003.txt", NULL);
  g_autofree char *index = g_build_filename (tmp, "sample", "spanmark.json", NULL);
  g_autofree char *err = NULL;

  /* Two problems in two files: both reported, each naming its file. */
  spanmark_test_replace_in_file (annotation, "\"end\": 3,", "\"end\": 3000,");
  g_file_set_contents (text, "\xff\xfe", 2, NULL);
  g_assert_cmpint (cli_run (tmp, NULL, &err, "validate", "sample", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "annotations/sample/yunlan-002.json: spans["));
  g_assert_nonnull (strstr (err, "documents/yunlan-003.txt"));
  g_clear_pointer (&err, g_free);

  /* A path escaping the project. */
  spanmark_test_replace_in_file (index, "\"documents/yunlan-005.txt\"", "\"../../etc/passwd\"");
  g_assert_cmpint (cli_run (tmp, NULL, &err, "validate", "sample", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "spanmark.json"));
  g_assert_nonnull (strstr (err, "documents[4]"));
  g_clear_pointer (&err, g_free);

  /* Not JSON at all. */
  g_file_set_contents (index, "{\"spanmark\": 1,", -1, NULL);
  g_assert_cmpint (cli_run (tmp, NULL, &err, "validate", "sample", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "spanmark.json"));

  spanmark_test_remove_tree (tmp);
}

/* Two spans on the same characters are a warning: reported with the
 * place, but the project is valid (exit 0). */
static void
test_warning (void)
{
  g_autofree char *tmp = spanmark_test_make_project ("sample", NULL, NULL, NULL);
  g_autofree char *file = g_build_filename (tmp, "sample", "annotations", "sample", "yunlan-001.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  spanmark_test_replace_in_file (file, "\"spans\": [\n",
                   "\"spans\": [\n    {\"id\": \"s999\", \"start\": 0, \"end\": 3, \"label\": \"PLACE\", \"text\": \"林振邦\"},\n");
  g_assert_cmpint (cli_run (tmp, &out, &err, "validate", "sample", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "annotations/sample/yunlan-001.json: warning: spans[0] (id \"s999\"): "));
  g_assert_nonnull (strstr (err, "(id \"s1\")"));
  g_assert_nonnull (strstr (out, "no problems found, 1 warning"));

  spanmark_test_remove_tree (tmp);
}

/* Regression: with spanmark.json broken ("{"), clean said "nothing to
 * clean" and exited 0, and validate did not list the temporary file of
 * an annotation file.  Now validate lists it, and clean exits 1 naming
 * spanmark.json's problem and removes nothing. */
static void
test_clean_unreadable_index (void)
{
  g_autofree char *tmp = spanmark_test_make_project ("sample", NULL, NULL, NULL);
  g_autofree char *project = g_build_filename (tmp, "sample", NULL);
  g_autofree char *index = g_build_filename (project, "spanmark.json", NULL);
  g_autofree char *folder = g_build_filename (project, "annotations", "x", NULL);
  g_autofree char *temporary = g_build_filename (folder, ".yunlan-001.json.spanmark-AB12CD", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_file_set_contents (temporary, "{\"spanmark\": 1, \"doc", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (index, "{", -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (cli_run (tmp, NULL, &err, "validate", "sample", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "spanmark.json: line 1, column 2: "));
  g_assert_nonnull (strstr (err, "annotations/x/.yunlan-001.json.spanmark-AB12CD: warning: a temporary file"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (tmp, &out, &err, "clean", "sample", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "spanmark.json: line 1, column 2: "));
  g_assert_true (g_file_test (temporary, G_FILE_TEST_IS_REGULAR));

  spanmark_test_remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/validate/sample", test_sample);
  g_test_add_func ("/cli/validate/broken-span", test_broken_span);
  g_test_add_func ("/cli/validate/broken-files", test_broken_files);
  g_test_add_func ("/cli/validate/warning", test_warning);
  g_test_add_func ("/cli/validate/clean-unreadable-index", test_clean_unreadable_index);

  return g_test_run ();
}
