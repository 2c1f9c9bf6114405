/* test-bad-json.c — spanmark-cli on JSON that is not strict, or an index with a bad entry
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command that reads a damaged file exits with status 1 and a
 * message naming the file and the place, and writes nothing.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

#define ANNOTATIONS "sample/annotations/sample/yunlan-001.json"
#define SHOWN "annotations/sample/yunlan-001.json"

typedef struct
{
  const char *name;
  const char *file;     /* below the temporary folder */
  const char *find;
  const char *replace;
  const char *message;  /* in the error of every command */
} BadFile;

static const BadFile bad_files[] = {
  { "comment", ANNOTATIONS, "\"status\": \"done\",", "\"status\": \"done\", /* checked */",
    SHOWN ": line 6, column 21: comments are not allowed in JSON" },
  { "duplicate-status", ANNOTATIONS, "\"status\": \"done\",", "\"status\": \"in-progress\",\n  \"status\": \"done\",",
    SHOWN ": line 7, column 3: the member name “status” is given twice in this object (first at line 6, column 3)" },
  { "lone-surrogate", ANNOTATIONS, "\"attrs\": {\"kind\": \"市\"}", "\"attrs\": {\"kind\": \"\\ud800市\"}",
    SHOWN ": line 10, column 92: “\\uD800” is the first half of a surrogate pair without the second" },
  { "escaped-nul", ANNOTATIONS, "\"attrs\": {\"kind\": \"市\"}", "\"attrs\": {\"kind\": \"市\\u0000\"}",
    SHOWN ": line 10, column 93: “\\u0000” (a NUL character) is not allowed in a string" },
  { "modified-not-utf8", ANNOTATIONS, "\"modified\": \"", "\"modified\": \"\xff",
    SHOWN ": line 7, column 16: the file is not valid UTF-8" },
  { "huge-integer", ANNOTATIONS, "\"start\": 4, \"end\": 7", "\"start\": 4, \"end\": 100000000000000000000000",
    SHOWN ": line 10, column 37: the number 100000000000000000000000 is too large" },
  { "index-comment", "sample/spanmark.json", "\"labels\": [", "\"labels\": [ // three",
    "spanmark.json: line 4, column 15: comments are not allowed in JSON" },
};

/* The command exited with status 1 and said @bad's message. */
static void
assert_refused (const BadFile *bad,
                int            status,
                char          *err)
{
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, bad->message));
  g_free (err);
}

/* validate, stats, export and export --status done all refuse it. */
static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *tmp = spanmark_test_make_project ("sample", NULL, NULL, NULL);
  g_autofree char *path = g_build_filename (tmp, bad->file, NULL);
  g_autofree char *project = g_build_filename (tmp, "sample", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = g_build_filename (tmp, "out.jsonl", NULL);
  char *err = NULL;
  int status;

  spanmark_test_replace_in_file (path, bad->find, bad->replace);
  before = spanmark_test_snapshot_tree (project);

  status = cli_run (tmp, NULL, &err, "validate", "sample", NULL);
  assert_refused (bad, status, g_steal_pointer (&err));
  status = cli_run (tmp, NULL, &err, "stats", "sample", NULL);
  assert_refused (bad, status, g_steal_pointer (&err));
  /* The sample has three annotators' work: the export names the one. */
  status = cli_run (tmp, NULL, &err, "export", "sample", "--annotator", "sample", "--format", "jsonl", "-o", out, NULL);
  assert_refused (bad, status, g_steal_pointer (&err));
  /* Regression: the status peek read the first of two "status" (or any
   * status from a broken file) and export skipped or took the document. */
  status = cli_run (tmp, NULL, &err, "export", "sample", "--annotator", "sample", "--format", "jsonl", "--status", "done",
                    "-o", out, NULL);
  assert_refused (bad, status, g_steal_pointer (&err));

  after = spanmark_test_snapshot_tree (project);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  spanmark_test_remove_tree (tmp);
}

/* JSON lines that json-glib would take: the line and column are named
 * and nothing is imported (an escaped NUL used to cut the text short). */
static void
test_import_jsonl (void)
{
  static const struct
  {
    const char *line;
    const char *message;
  } cases[] = {
    { "{\"text\": \"ab\\u0000cd\"}", "bad.jsonl: line 2, column 13: “\\u0000” (a NUL character) is not allowed in a string" },
    { "{\"text\": \"\\ud800x\"}", "bad.jsonl: line 2, column 11: “\\uD800” is the first half of a surrogate pair without the second" },
    { "{\"text\": \"x\", \"text\": \"y\"}", "bad.jsonl: line 2, column 15: the member name “text” is given twice in this object (first at line 2, column 2)" },
    { "{\"text\": \"x\" /* note */}", "bad.jsonl: line 2, column 14: comments are not allowed in JSON" },
    { "{'text': 'x'}", "bad.jsonl: line 2, column 2: strings and member names must be in double quotes (\"), not single quotes" },
    { "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 100000000000000000000000, \"label\": \"PLACE\"}]}",
      "bad.jsonl: line 2, column 47: the number 100000000000000000000000 is too large" },
    { "{\"text\": \"x\", \"meta\": {\"a\": 1,}}", "bad.jsonl: line 2, column 30: a comma before “}” is not allowed in JSON" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tmp = spanmark_test_make_tmpdir ();
      g_autofree char *project = g_build_filename (tmp, "p", NULL);
      g_autofree char *jsonl = g_build_filename (tmp, "bad.jsonl", NULL);
      g_autofree char *data = g_strconcat ("{\"id\": \"good\", \"text\": \"fine\"}\n", cases[i].line, "\n", NULL);
      g_autofree char *err = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "p", NULL), ==, 0);
      g_file_set_contents (jsonl, data, -1, &error);
      g_assert_no_error (error);
      before = spanmark_test_snapshot_tree (project);

      g_assert_cmpint (cli_run (tmp, NULL, &err, "import", "p", "bad.jsonl", NULL), ==, 1);
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_nonnull (strstr (err, "nothing was imported"));
      g_assert_null (strstr (err, "<data>"));
      after = spanmark_test_snapshot_tree (project);
      g_assert_cmpstr (before, ==, after);

      spanmark_test_remove_tree (tmp);
    }
}

/* Regression: one bad document entry or label colour closed the whole
 * project for every command.  Now stats still counts the rest (and
 * exits 1 naming the entry), validate lists both problems, and import
 * refuses to rewrite spanmark.json, which would drop the entry. */
static void
test_broken_entry (void)
{
  g_autofree char *tmp = spanmark_test_make_project ("sample", NULL, NULL, NULL);
  g_autofree char *index = g_build_filename (tmp, "sample", "spanmark.json", NULL);
  g_autofree char *project = g_build_filename (tmp, "sample", NULL);
  g_autofree char *txt = g_build_filename (tmp, "new.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const char *entry = "spanmark.json: documents[4] (id \"yunlan-005\"): path \"../../etc/passwd\" is outside the project folder";

  spanmark_test_replace_in_file (index, "\"documents/yunlan-005.txt\"", "\"../../etc/passwd\"");
  spanmark_test_replace_in_file (index, "\"color\": \"#2ec27e\"", "\"color\": \"red\"");
  g_file_set_contents (txt, "A new text.\n", -1, &error);
  g_assert_no_error (error);
  before = spanmark_test_snapshot_tree (project);

  g_assert_cmpint (cli_run (tmp, NULL, &err, "validate", "sample", NULL), ==, 1);
  g_assert_nonnull (strstr (err, entry));
  g_assert_nonnull (strstr (err, "spanmark.json: labels[1] (name \"PLACE\"): color \"red\" is not a colour of the form #rrggbb"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (tmp, &out, &err, "stats", "sample", "--json", NULL), ==, 1);
  g_assert_nonnull (strstr (err, entry));
  g_assert_nonnull (strstr (out, "\"documents\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (tmp, NULL, &err, "export", "sample", "--annotator", "sample", "--format", "jsonl",
                            "-o", "out.jsonl", NULL), ==, 1);
  g_assert_nonnull (strstr (err, entry));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (tmp, NULL, &err, "import", "sample", "new.txt", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "spanmark-cli: spanmark.json: not changed, because it has 2 problems that rewriting it would lose "
                                 "(the first: labels[1] (name \"PLACE\"): color \"red\" is not a colour of the form #rrggbb)"));
  g_assert_nonnull (strstr (err, "nothing was imported"));

  after = spanmark_test_snapshot_tree (project);
  g_assert_cmpstr (before, ==, after);

  spanmark_test_remove_tree (tmp);
}

/* Regression: "Error opening file /…/spanmark.json: No such file or
 * directory" for a folder that is not a project. */
static void
test_not_a_project (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *folder = g_build_filename (tmp, "texts", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (cli_run (tmp, NULL, &err, "stats", "texts", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "spanmark-cli: spanmark.json: is missing: this folder is not a Spanmark project"));
  g_assert_null (strstr (err, "Error opening file"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (tmp, NULL, &err, "export", "gone", "--format", "conll", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "/gone: there is no such folder"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (tmp, NULL, &err, "validate", "gone", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "/gone: there is no such folder"));
  g_assert_null (strstr (err, "Error opening"));

  spanmark_test_remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/bad-json/%s", bad_files[i].name);

      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/cli/bad-json/import-jsonl", test_import_jsonl);
  g_test_add_func ("/cli/bad-json/broken-entry", test_broken_entry);
  g_test_add_func ("/cli/bad-json/not-a-project", test_not_a_project);

  return g_test_run ();
}
