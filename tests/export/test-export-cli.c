/* test-export-cli.c — spanmark-cli export: output, messages, exit status
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include "spanmark-core.h"

#include "export-fixture.h"

typedef struct
{
  char *dir;
  char *project;
  char *out;     /* captured standard output */
  char *err;     /* captured standard error */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SpanmarkProject) project = NULL;

  fixture->dir = spanmark_test_make_project ("project", "Fixture", &fixture->project, &project);
  export_fixture_build (project);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  spanmark_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->project);
  g_free (fixture->out);
  g_free (fixture->err);
}

/* Runs "spanmark-cli export PROJECT ARGS…" and returns its exit status. */
static int
run_cli (Fixture    *fixture,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("SPANMARK_CLI");
  const char *arg;
  int status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "export");
  g_ptr_array_add (argv, fixture->project);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &fixture->out, &fixture->err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("stderr: %s", fixture->err);

  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
read_expected (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "export", "expected", name, NULL);

  return spanmark_test_read_file (path, NULL);
}

static void
test_stdout (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *expected = read_expected ("fixture-bio.conll");

  g_assert_cmpint (run_cli (fixture, "--format", "conll", "--annotator", "alice", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, expected);
  /* The dropped spans are reported per document and in all. */
  g_assert_nonnull (strstr (fixture->err, "a1: dropped 3 nested spans\n"));
  g_assert_null (strstr (fixture->err, "b2:"));
  g_assert_nonnull (strstr (fixture->err, "Dropped 3 nested or overlapping spans in all"));

  /* "-o -" is standard output too. */
  g_assert_cmpint (run_cli (fixture, "--format", "conll", "--annotator", "alice", "-o", "-", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, expected);
}

static void
test_output_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.conll", NULL);
  g_autofree char *expected = read_expected ("fixture-bioes.conll");
  g_autofree char *expected_doccano = read_expected ("fixture-done-doccano.jsonl");
  g_autofree char *written = NULL;

  g_assert_cmpint (run_cli (fixture, "--format", "conll", "--scheme", "bioes", "-a", "alice",
                            "-o", path, NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "");
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);

  /* Non-flat formats drop nothing and say nothing about it. */
  g_assert_cmpint (run_cli (fixture, "--format", "doccano", "--annotator", "alice",
                            "--status", "done", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, expected_doccano);
  g_assert_null (strstr (fixture->err, "dropped"));
}

/* --docstart and --delimiter, byte for byte the core's files. */
static void
test_conll_options (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *docstart = read_expected ("fixture-bio-docstart.conll");
  g_autofree char *tab = read_expected ("fixture-bioes-tab-docstart.conll");

  g_assert_cmpint (run_cli (fixture, "--format", "conll", "-a", "alice", "--docstart", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, docstart);
  g_assert_cmpint (run_cli (fixture, "--format", "conll", "-a", "alice", "--docstart",
                            "--delimiter", "tab", "--scheme", "bioes", NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, tab);
}

static void
test_folders (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *hf = g_build_filename (fixture->dir, "hf", NULL);
  g_autofree char *labels = g_build_filename (hf, "labels.json", NULL);
  g_autofree char *split = g_build_filename (fixture->dir, "split", NULL);
  g_autofree char *train = g_build_filename (split, "train.jsonl", NULL);
  g_autofree char *expected = read_expected ("hf-bio/labels.json");
  g_autofree char *written = NULL;

  g_assert_cmpint (run_cli (fixture, "--format", "hf", "--annotator", "alice", "-o", hf, NULL), ==, 0);
  g_assert_true (g_file_get_contents (labels, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);

  g_assert_cmpint (run_cli (fixture, "--format", "jsonl", "--annotator", "alice",
                            "--split", "60/20/20", "--seed", "5", "-o", split, NULL), ==, 0);
  g_assert_true (g_file_test (train, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (fixture->err, "3 train, 1 dev, 1 test"));
}

static void
test_annotator_errors (Fixture       *fixture,
                       gconstpointer  data)
{
  /* Two annotators and none chosen: exit 1, listing them. */
  g_assert_cmpint (run_cli (fixture, "--format", "conll", NULL), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "alice"));
  g_assert_nonnull (strstr (fixture->err, "bob"));
  g_assert_cmpstr (fixture->out, ==, "");

  g_assert_cmpint (run_cli (fixture, "--format", "conll", "--curated", NULL), ==, 1);
  g_assert_cmpint (run_cli (fixture, "--format", "conll", "--annotator", "carol", NULL), ==, 1);
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_cmpint (run_cli (fixture, NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, "--format", "xml", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, "--format", "conll", "--scheme", "iob", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, "--format", "jsonl", "--scheme", "bioes", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, "--format", "hf", "-a", "alice", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, "--format", "conll", "--split", "80/10", "-o", "x", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, "--format", "conll", "--seed", "3", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, "--format", "conll", "--status", "new", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, "--format", "conll", "-a", "alice", "--curated", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, "--format", "conll", "--bogus", NULL), ==, 2);
  /* An option of another format, named with the formats that take it. */
  g_assert_cmpint (run_cli (fixture, "--format", "jsonl", "-a", "alice", "--docstart", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "--docstart applies to these formats only: conll\n"));
  g_assert_cmpint (run_cli (fixture, "--format", "hf", "-a", "alice", "--delimiter", "tab", "-o", "x", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "--delimiter applies to these formats only: conll\n"));
  g_assert_cmpint (run_cli (fixture, "--format", "conll", "--delimiter", "comma", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "unknown delimiter “comma”: use space or tab"));
  g_assert_cmpint (run_cli (fixture, "--format", "xml", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "unknown format “xml”: use conll, jsonl, doccano, hf, brat, kb\n"));
  g_assert_cmpstr (fixture->out, ==, "");
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_cmpint (run_cli (fixture, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "--format"));
  g_assert_nonnull (strstr (fixture->out, "labels.json"));
  g_assert_nonnull (strstr (fixture->out, "annotation.conf"));
  /* Every format of the table is listed, with what its options apply to. */
  for (guint i = 0; i < spanmark_export_format_get_n_formats (); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %-8s ",
                                               spanmark_export_format_get_name (spanmark_export_format_get (i)));

      g_assert_nonnull (strstr (fixture->out, line));
    }
  g_assert_nonnull (strstr (fixture->out, "--scheme applies to conll, hf; --docstart to conll; --delimiter to conll."));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/cli/stdout", test_stdout);
  ADD ("/export/cli/output-file", test_output_file);
  ADD ("/export/cli/conll-options", test_conll_options);
  ADD ("/export/cli/folders", test_folders);
  ADD ("/export/cli/annotator-errors", test_annotator_errors);
  ADD ("/export/cli/usage-errors", test_usage_errors);
  ADD ("/export/cli/help", test_help);
#undef ADD

  return g_test_run ();
}
