/* test-curate.c — spanmark-cli curate: what it writes, what it never overwrites
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

/* d1: the golden case (a, b, c), d2: a and b with attributes and an
 * entity, d3: nobody. */
static char *
make_project (void)
{
  const char *docs[] = { "d2", "车俊到杭州市。\n", "d3", "nobody", NULL };
  char *tmp = cli_make_golden_project (docs);
  g_autofree char *dir = g_build_filename (tmp, "p", NULL);

  cli_write_annotations (dir, "a", "d2", "done", "OFFICIAL 0 2 @车俊, PLACE 3 6 kind=市 note=a");
  cli_write_annotations (dir, "b", "d2", "done", "OFFICIAL 0 2 @车俊, PLACE 3 6 kind=市 note=b");
  return tmp;
}

static char *
curated_path (const char *tmp,
              const char *doc)
{
  g_autofree char *name = g_strconcat (doc, ".json", NULL);

  return g_build_filename (tmp, "p", "annotations", "_curated", name, NULL);
}

static void
test_creates (void)
{
  g_autofree char *tmp = make_project ();
  g_autofree char *dir = g_build_filename (tmp, "p", NULL);
  g_autofree char *out = NULL;
  g_autofree char *d2 = curated_path (tmp, "d2");
  g_autofree char *d3 = curated_path (tmp, "d3");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *file, *span;
  JsonArray *entities;
  const CliSpan d1_spans[] = {
    { 1, 3, "PLACE", "bc" },
    { 6, 9, "OFFICIAL", "ghi" },
  };

  g_assert_cmpint (cli_run (tmp, &out, NULL, "curate", "p", "--annotators", "a,b,c", NULL), ==, 0);
  g_test_message ("%s", out);
  /* d1: P 1 3 (a, b) and F 6 9 (a, c) agreed; [1,4), [6,9) and [11,12)
   * still have a version left out. */
  g_assert_nonnull (strstr (out, "d1: 2 spans agreed, 3 conflicts left\n"));
  g_assert_nonnull (strstr (out, "d2: 2 spans agreed, 0 conflicts left\n"));
  g_assert_nonnull (strstr (out, "d3: skipped: none of these annotators has annotations for it\n"));
  g_assert_nonnull (strstr (out, "Curated 2 documents from a, b, c (a span needs 2 of 3).\n"));
  g_assert_nonnull (strstr (out, "Spans agreed: 4; conflicts left: 3; documents kept: 0; without annotations: 1\n"));

  cli_assert_spans (dir, "_curated", "d1", d1_spans, G_N_ELEMENTS (d1_spans));
  g_assert_false (g_file_test (d3, G_FILE_TEST_EXISTS));

  /* d2: the entity both linked, the attribute both gave, status
   * in-progress, and a file that validates. */
  root = cli_read_json (d2);
  file = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (file, "status"), ==, "in-progress");
  g_assert_cmpstr (json_object_get_string_member (file, "annotator"), ==, "_curated");
  entities = json_object_get_array_member (file, "entities");
  g_assert_cmpuint (json_array_get_length (entities), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entities, 0), "name"), ==, "车俊");
  span = json_array_get_object_element (json_object_get_array_member (file, "spans"), 0);
  g_assert_cmpstr (json_object_get_string_member (span, "entity"), ==,
                   json_object_get_string_member (json_array_get_object_element (entities, 0), "id"));
  span = json_array_get_object_element (json_object_get_array_member (file, "spans"), 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (span, "attrs"), "kind"), ==, "市");
  g_assert_false (json_object_has_member (json_object_get_object_member (span, "attrs"), "note"));
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "validate", "p", NULL), ==, 0);

  spanmark_test_remove_tree (tmp);
}

/* A curated file is a reviewer's work: kept, byte for byte, unless
 * --replace. */
static void
test_never_overwrites (void)
{
  g_autofree char *tmp = make_project ();
  g_autofree char *dir = g_build_filename (tmp, "p", NULL);
  g_autofree char *d1 = curated_path (tmp, "d1");
  g_autofree char *out = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const CliSpan reviewed[] = { { 0, 1, "OFFICIAL", "a" } };

  cli_write_annotations (dir, "_curated", "d1", "reviewed", "OFFICIAL 0 1");
  before = spanmark_test_read_file (d1, NULL);

  g_assert_cmpint (cli_run (tmp, &out, NULL, "curate", "p", "--annotators", "a,b,c", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "d1: kept: it has a curated version already (--replace starts it again)\n"));
  g_assert_nonnull (strstr (out, "documents kept: 1;"));
  after = spanmark_test_read_file (d1, NULL);
  g_assert_cmpstr (before, ==, after);
  cli_assert_spans (dir, "_curated", "d1", reviewed, 1);

  /* --replace, only d1, everything b or c has: the two versions of
   * [1,4) and of [6,9) are both in, so those stay conflicts. */
  g_assert_cmpint (cli_run (tmp, &replaced, NULL, "curate", "p", "--annotators", "b,c", "--min-agree", "1",
                            "--documents", "d1", "--replace", NULL), ==, 0);
  g_assert_nonnull (strstr (replaced, "d1 (replaced): 5 spans agreed, 2 conflicts left\n"));
  g_assert_null (strstr (replaced, "d2"));
  g_clear_pointer (&after, g_free);
  after = spanmark_test_read_file (d1, NULL);
  g_assert_cmpstr (before, !=, after);

  spanmark_test_remove_tree (tmp);
}

static void
test_documents (void)
{
  g_autofree char *tmp = make_project ();
  g_autofree char *out = NULL;
  g_autofree char *d1 = curated_path (tmp, "d1");
  g_autofree char *d2 = curated_path (tmp, "d2");

  /* Ids after --documents and after DIR, commas too, repeated ones once. */
  g_assert_cmpint (cli_run (tmp, &out, NULL, "curate", "p", "--annotators", "a,b", "--documents", "d2,d3",
                            "d2", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "d2: 2 spans agreed"));
  g_assert_nonnull (strstr (out, "d3: skipped"));
  g_assert_null (strstr (out, "d1"));
  g_assert_false (g_file_test (d1, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (d2, G_FILE_TEST_EXISTS));

  spanmark_test_remove_tree (tmp);
}

static void
assert_fails (const char *tmp,
              int         status,
              const char *expected,
              ...)
{
  const char *args[10] = { "curate" };
  const char *arg;
  guint n = 1;
  va_list ap;

  va_start (ap, expected);
  while ((arg = va_arg (ap, const char *)) != NULL && n < G_N_ELEMENTS (args) - 1)
    args[n++] = arg;
  va_end (ap);

  cli_assert_fails (tmp, "p", status, expected, args);
}

static void
test_usage_errors (void)
{
  g_autofree char *tmp = make_project ();
  g_autofree char *help = NULL;

  assert_fails (tmp, 2, "missing --annotators", "p", NULL);
  assert_fails (tmp, 2, "“zoe”", "p", "--annotators", "a,zoe", NULL);
  assert_fails (tmp, 2, "at least two annotators", "p", "--annotators", "a", NULL);
  assert_fails (tmp, 2, "named twice", "p", "--annotators", "a,a", NULL);
  assert_fails (tmp, 2, "curated version, not an annotator", "p", "--annotators", "a,_curated", NULL);
  assert_fails (tmp, 2, "from 1 to 3", "p", "--annotators", "a,b,c", "--min-agree", "0", NULL);
  assert_fails (tmp, 2, "from 1 to 3", "p", "--annotators", "a,b,c", "--min-agree", "4", NULL);
  assert_fails (tmp, 2, "not “2x”", "p", "--annotators", "a,b,c", "--min-agree", "2x", NULL);
  assert_fails (tmp, 2, "not “-1”", "p", "--annotators", "a,b,c", "--min-agree", "-1", NULL);
  assert_fails (tmp, 2, "no document “d9”", "p", "--annotators", "a,b", "--documents", "d9", NULL);
  /* Words after DIR are document ids. */
  assert_fails (tmp, 2, "no document “q”", "p", "q", "--annotators", "a,b", NULL);
  assert_fails (tmp, 2, "missing the project folder", "--annotators", "a,b", NULL);

  g_assert_cmpint (cli_run (tmp, &help, NULL, "curate", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (help, "--min-agree"));
  g_assert_nonnull (strstr (help, "never overwritten"));

  spanmark_test_remove_tree (tmp);
}

/* Bad files: exit 1 naming the file, nothing written at all. */
static void
test_bad_files (void)
{
  g_autofree char *tmp = make_project ();
  g_autofree char *dir = g_build_filename (tmp, "p", NULL);
  g_autofree char *b_d2 = g_build_filename (dir, "annotations", "b", "d2.json", NULL);
  g_autofree char *good = spanmark_test_read_file (b_d2, NULL);
  g_autofree char *d1 = curated_path (tmp, "d1");
  g_autoptr(GError) error = NULL;

  /* d2 breaks: d1, which comes first, is not written either. */
  g_file_set_contents (b_d2, "{\"spanmark\": 1, \"document\": \"d2\"", -1, &error);
  g_assert_no_error (error);
  assert_fails (tmp, 1, "annotations/b/d2.json: ", "p", "--annotators", "a,b,c", NULL);

  /* A curated file that does not load is never replaced. */
  g_file_set_contents (b_d2, good, -1, &error);
  g_assert_no_error (error);
  cli_write_annotations (dir, "_curated", "d1", "reviewed", "OFFICIAL 0 1");
  g_file_set_contents (d1, "{\"spanmark\": 1, \"spans\": [\xff]}", -1, &error);
  g_assert_no_error (error);
  assert_fails (tmp, 1, "annotations/_curated/d1.json: ", "p", "--annotators", "a,b,c", "--replace", NULL);

  spanmark_test_remove_tree (tmp);
}

/* Regression: "curate DIR ID…" said "too many arguments" unless
 * --documents was given too, though the usage line, --help and
 * docs/review.md give ids after DIR. */
static void
test_ids_after_dir (void)
{
  g_autofree char *tmp = make_project ();
  g_autofree char *out = NULL;
  g_autofree char *d1 = curated_path (tmp, "d1");
  g_autofree char *d2 = curated_path (tmp, "d2");
  g_autofree char *help = NULL;

  g_assert_cmpint (cli_run (tmp, &out, NULL, "curate", "p", "d2", "d3", "--annotators", "a,b", NULL), ==, 0);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "d2: 2 spans agreed"));
  g_assert_nonnull (strstr (out, "d3: skipped"));
  g_assert_null (strstr (out, "d1"));
  g_assert_false (g_file_test (d1, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (d2, G_FILE_TEST_EXISTS));

  g_assert_cmpint (cli_run (tmp, &help, NULL, "curate", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (help, "DIR [ID…]"));

  spanmark_test_remove_tree (tmp);
}

/* Regression: a FIFO, a folder or a link in place of a curated file was
 * counted as a document "kept" (curate exited 0).  It is an error naming
 * the file, and nothing is written. */
static void
test_bad_curated_files (void)
{
  enum { FIFO, FOLDER, LINK_IN, LINK_NOWHERE, N_KINDS };
  static const char * const expected[] = {
    "annotations/_curated/d1.json: is a named pipe (FIFO), not a regular file",
    "annotations/_curated/d1.json: is a folder, not a file",
    "annotations/_curated/d1.json: ",
    "annotations/_curated/d1.json: is a symbolic link that leads nowhere",
  };

  for (guint kind = 0; kind < N_KINDS; kind++)
    {
      g_autofree char *tmp = make_project ();
      g_autofree char *dir = g_build_filename (tmp, "p", NULL);
      g_autofree char *d1 = curated_path (tmp, "d1");

      /* d2's curated file is a good one, so the run has something to keep. */
      cli_write_annotations (dir, "_curated", "d2", "reviewed", "OFFICIAL 0 2");
      switch (kind)
        {
        case FIFO:
          g_assert_cmpint (mkfifo (d1, 0644), ==, 0);
          break;
        case FOLDER:
          g_assert_cmpint (g_mkdir (d1, 0755), ==, 0);
          break;
        case LINK_IN:
          /* Another document's curated file: not d1's. */
          g_assert_cmpint (symlink ("d2.json", d1), ==, 0);
          break;
        case LINK_NOWHERE:
        default:
          g_assert_cmpint (symlink ("gone.json", d1), ==, 0);
          break;
        }

      assert_fails (tmp, 1, expected[kind], "p", "--annotators", "a,b,c", NULL);
      spanmark_test_remove_tree (tmp);
    }
}

/* What a reviewer does next: validate, agree with the curated version,
 * export it. */
static void
test_then_export (void)
{
  g_autofree char *tmp = make_project ();
  g_autofree char *out = NULL;
  g_autofree char *agree = NULL;

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "curate", "p", "--annotators", "a,b,c", NULL), ==, 0);
  g_assert_cmpint (cli_run (tmp, &out, NULL, "export", "p", "--curated", "--format", "doccano", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "{\"id\":\"d1\",\"text\":\"abcdefghijkl\",\"label\":[[1,3,\"PLACE\"],[6,9,\"OFFICIAL\"]]}"));
  g_assert_cmpint (cli_run (tmp, &agree, NULL, "agree", "p", "--annotators", "a,_curated", NULL), ==, 0);
  g_assert_nonnull (strstr (agree, "a · _curated"));

  spanmark_test_remove_tree (tmp);
}

/* Killed at any moment, curate leaves every file whole: the project
 * validates after each kill, and a run to the end finishes the job. */
static void
test_killed (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "p", NULL);
  const char *args[] = { "curate", "p", "--annotators", "a,b,c", "--replace", NULL };
  g_autofree char *out = NULL;
  guint n_docs = 30;

  cli_make_numbered_project (tmp, n_docs, "车俊到浙江省杭州市调研，提出“八八战略”。\n");
  for (guint d = 0; d < n_docs; d++)
    {
      g_autofree char *id = g_strdup_printf ("k%02u", d);

      cli_write_annotations (dir, "a", id, "done", "OFFICIAL 0 2 @车俊, PLACE 3 6, PLACE 6 9, INITIATIVE 15 19");
      cli_write_annotations (dir, "b", id, "done", "OFFICIAL 0 2 @车俊, PLACE 3 9, INITIATIVE 15 19");
      cli_write_annotations (dir, "c", id, "done", "OFFICIAL 0 2, PLACE 3 6, INITIATIVE 14 20");
    }

  cli_run_killed (tmp, args, 12, 60000, "p");

  g_assert_cmpint (cli_run (tmp, &out, NULL, "curate", "p", "--annotators", "a,b,c", "--replace", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Curated 30 documents"));
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "validate", "p", NULL), ==, 0);

  spanmark_test_remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/curate/creates", test_creates);
  g_test_add_func ("/cli/curate/never-overwrites", test_never_overwrites);
  g_test_add_func ("/cli/curate/documents", test_documents);
  g_test_add_func ("/cli/curate/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/curate/bad-files", test_bad_files);
  g_test_add_func ("/cli/curate/bad-curated-files", test_bad_curated_files);
  g_test_add_func ("/cli/curate/ids-after-dir", test_ids_after_dir);
  g_test_add_func ("/cli/curate/then-export", test_then_export);
  g_test_add_func ("/cli/curate/killed", test_killed);

  return g_test_run ();
}
