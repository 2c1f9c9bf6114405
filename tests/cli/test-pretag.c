/* test-pretag.c — spanmark-cli pretag and check: what they write, report and refuse
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-test-util.h"

/* d1 and d2 mention 车俊 and 涪陵区; bob tagged 车俊 in d1 (with its
 * entity) and 涪陵 as an OFFICIAL by mistake; carol tagged 涪陵 as a
 * PLACE. */
static char *
make_project (char **dir)
{
  char *tmp = spanmark_test_make_tmpdir ();
  const char *docs[] = {
    "d1", "浙江省委书记车俊在涪陵考察。",
    "d2", "车俊说：车俊到涪陵区了。果园港😀车俊",
    NULL
  };

  *dir = g_build_filename (tmp, "p", NULL);
  cli_make_project (tmp, docs);
  cli_write_annotations (*dir, "bob", "d1", "done", "OFFICIAL 6 8 @车俊 , OFFICIAL 9 11");
  cli_write_annotations (*dir, "carol", "d2", "in-progress", "PLACE 7 9");
  return tmp;
}

static void
write_dictionary (const char *dir,
                  const char *name,
                  const char *contents)
{
  g_autofree char *path = g_build_filename (dir, "dictionaries", name, NULL);

  spanmark_test_write_file (path, contents, -1);
}

static char *
annotation_path (const char *dir,
                 const char *annotator,
                 const char *doc)
{
  g_autofree char *name = g_strconcat (doc, ".json", NULL);

  return g_build_filename (dir, "annotations", annotator, name, NULL);
}

static void
test_dictionary (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = make_project (&dir);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *bob = annotation_path (dir, "bob", "d1");
  g_autofree char *alice_d2 = annotation_path (dir, "alice", "d2");
  g_autofree char *file = NULL;
  const CliSpan d1_spans[] = {
    { 9, 11, "PLACE", "涪陵" },
  };
  const CliSpan d2_spans[] = {
    { 7, 10, "PLACE", "涪陵区" },
    { 12, 15, "PLACE", "果园港" },
  };

  write_dictionary (dir, "places.tsv", "# places\n涪陵\tPLACE\n涪陵区\tPLACE\n果园港\tPLACE\tkind=港口\n");
  before = spanmark_test_read_file (bob, NULL);

  /* A dry run lists and writes nothing. */
  g_assert_cmpint (cli_run (tmp, &out, &err, "pretag", "p", "--annotator", "alice", "--dry-run", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "d1\t9\t11\tPLACE\t涪陵\tdict:places.tsv\n"
                   "d2\t7\t10\tPLACE\t涪陵区\tdict:places.tsv\n"
                   "d2\t12\t15\tPLACE\t果园港\tdict:places.tsv\n"
                   "Would pretag 3 spans in 2 documents for alice (PLACE 3); nothing was written.\n");
  g_assert_cmpstr (err, ==, "");
  g_assert_false (g_file_test (alice_d2, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The real run makes alice's files (leftmost-longest: 涪陵区, not
   * 涪陵), marks the spans, links 果园港 to an entity with its kind. */
  g_assert_cmpint (cli_run (tmp, &out, &err, "pretag", "p", "--annotator", "alice", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "d1: 1 span (PLACE 1)\n"
                   "d2: 2 spans (PLACE 2)\n"
                   "Pretagged 3 spans in 2 documents for alice (PLACE 3).\n");
  cli_assert_spans (dir, "alice", "d1", d1_spans, G_N_ELEMENTS (d1_spans));
  cli_assert_spans (dir, "alice", "d2", d2_spans, G_N_ELEMENTS (d2_spans));
  file = spanmark_test_read_file (alice_d2, NULL);
  g_assert_nonnull (strstr (file, "\"pretag\": \"dict:places.tsv\""));
  g_assert_nonnull (strstr (file, "\"attrs\": {\"kind\": \"港口\"}"));
  /* Nobody else's file is touched. */
  after = spanmark_test_read_file (bob, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&out, g_free);

  /* Again: nothing twice. */
  g_assert_cmpint (cli_run (tmp, &out, NULL, "pretag", "p", "--annotator", "alice", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Pretagged 0 spans in 0 documents for alice; left out: 3 already tagged.\n");

  spanmark_test_remove_tree (tmp);
}

/* Rejects [start, end) as @label in @annotator's file through the core,
 * as the window does. */
static void
reject (const char *dir,
        const char *annotator,
        const char *doc,
        guint       start,
        guint       end,
        const char *label)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkProject) project = spanmark_project_open (folder, &error);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;

  g_assert_no_error (error);
  set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, doc), annotator,
                                           &error);
  g_assert_no_error (error);
  g_assert_true (spanmark_annotation_set_add_rejection (set, start, end, label, &error));
  g_assert_true (spanmark_project_save_annotations (project, set, &error));
  g_assert_no_error (error);
}

static void
test_corpus (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = make_project (&dir);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *file = NULL;
  g_autofree char *d1 = annotation_path (dir, "dave", "d1");
  g_autofree char *d2 = annotation_path (dir, "dave", "d2");
  const CliSpan d2_spans[] = {
    { 4, 6, "OFFICIAL", "车俊" },
    { 16, 18, "OFFICIAL", "车俊" },
  };

  /* dave rejected 车俊 at 0-2 of d2: never proposed again.  涪陵 has
   * two labels in the corpus (bob's OFFICIAL, carol's PLACE): left out. */
  reject (dir, "dave", "d2", 0, 2, "OFFICIAL");
  g_assert_cmpint (cli_run (tmp, &out, &err, "pretag", "p", "--annotator", "dave", "--from-corpus",
                            "--documents", "d2", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "d2: 2 spans (OFFICIAL 2); left out: 1 with two labels or more\n"
                   "Pretagged 2 spans in 1 document for dave (OFFICIAL 2); left out: 1 with two labels or more, "
                   "1 rejected.\n");
  cli_assert_spans (dir, "dave", "d2", d2_spans, G_N_ELEMENTS (d2_spans));
  /* The entity comes with its attribute... */
  file = spanmark_test_read_file (d2, NULL);
  g_assert_nonnull (strstr (file, "\"pretag\": \"corpus\""));
  g_assert_nonnull (strstr (file, "\"name\": \"车俊\""));
  /* ...and --documents leaves the others alone. */
  g_assert_false (g_file_test (d1, G_FILE_TEST_EXISTS));

  spanmark_test_remove_tree (tmp);
}

static void
test_bad_input (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = make_project (&dir);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *broken = annotation_path (dir, "alice", "d1");
  g_autofree char *after = NULL;
  g_autofree char *given = NULL;
  const char *garbage = "{\"spanmark\": 1, // not JSON\n";
  const char *first;
  const CliSpan d2_spans[] = {
    { 12, 15, "PLACE", "果园港" },
  };

  /* A bad dictionary line is named with its file and line, the other
   * lines still work; alice's d1 file does not load and is left as it
   * is; the run goes on and fails at the end. */
  write_dictionary (dir, "a.tsv", "果园港\tPLACE\nno tab\n");
  write_dictionary (dir, "b.jsonl", "{\"label\": \"PLACE\", \"pattern\": [{\"TEXT\": \"x\"}]}\n");
  spanmark_test_write_file (broken, garbage, -1);
  g_assert_cmpint (cli_run (tmp, &out, &err, "pretag", "p", "--annotator", "alice", NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "dictionaries/a.tsv: line 2: expected text, a tab and a label\n"));
  g_assert_nonnull (strstr (err, "dictionaries/b.jsonl: line 1: token patterns are not supported"));
  g_assert_nonnull (strstr (err, "annotations/alice/d1.json: line 1, column "));
  after = spanmark_test_read_file (broken, NULL);
  g_assert_cmpstr (after, ==, garbage);
  cli_assert_spans (dir, "alice", "d2", d2_spans, G_N_ELEMENTS (d2_spans));
  g_clear_pointer (&err, g_free);

  /* With the corpus, the file is read (and named) once. */
  g_assert_cmpint (cli_run (tmp, NULL, &err, "pretag", "p", "--annotator", "alice", "--from-corpus", NULL), ==, 1);
  first = strstr (err, "annotations/alice/d1.json: line 1, column ");
  g_assert_nonnull (first);
  g_assert_null (strstr (first + 1, "annotations/alice/d1.json"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A dictionary given that is not a regular file. */
  given = g_build_filename (tmp, "nothing.tsv", NULL);
  g_assert_cmpint (cli_run (tmp, &out, &err, "pretag", "p", "--annotator", "bob", "--dictionary", given, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "nothing.tsv: "));

  spanmark_test_remove_tree (tmp);
}

static void
test_usage (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = make_project (&dir);
  g_autofree char *before = spanmark_test_snapshot_tree (dir);
  g_autofree char *after = NULL;
  g_autofree char *x = g_build_filename (tmp, "x.tsv", NULL);
  g_autofree char *other_x = g_build_filename (tmp, "other", "x.tsv", NULL);
  const char *cases[][6] = {
    { "pretag", "p", NULL },
    { "pretag", "p", "--annotator", "../x", NULL },
    { "pretag", "p", "--annotator", "_curated", "--from-corpus", NULL },
    { "pretag", "p", "--annotator", "alice", NULL },  /* no dictionaries, no --from-corpus */
    { "pretag", "p", "--annotator", "alice", "--from-corpus", "d1" },
    { "check", "p", "q", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      int status = cli_run (tmp, NULL, &err, cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4],
                            cases[i][5], NULL);

      g_test_message ("case %u: %s", i, err);
      g_assert_cmpint (status, ==, 2);
      g_assert_cmpstr (err, !=, "");
    }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (cli_run (tmp, NULL, &err, "pretag", "p", "--annotator", "alice", "--from-corpus",
                              "--documents", "nope", NULL), ==, 2);
    g_assert_nonnull (strstr (err, "nope"));
  }
  {
    g_autofree char *err = NULL;

    /* Two dictionaries of one name would be one source. */
    spanmark_test_write_file (x, "涪陵\tPLACE\n", -1);
    spanmark_test_write_file (other_x, "果园港\tPLACE\n", -1);
    g_assert_cmpint (cli_run (tmp, NULL, &err, "pretag", "p", "--annotator", "alice",
                              "--dictionary", x, "--dictionary", other_x, NULL), ==, 2);
    g_assert_nonnull (strstr (err, "two dictionaries are named"));
  }
  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (after, ==, before);

  spanmark_test_remove_tree (tmp);
}

static void
test_help (void)
{
  const char *commands[] = { "pretag", "check" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;

      g_assert_cmpint (cli_run (NULL, &out, NULL, commands[i], "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (out, "Exit status:"));
      g_assert_nonnull (strstr (out, "Example"));
    }
}

static void
test_check (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = make_project (&dir);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_path = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *place;
  g_autofree char *before = spanmark_test_snapshot_tree (dir);
  g_autofree char *after = NULL;

  /* bob tagged 车俊 in d1; carol has d2 with 车俊 three times untagged;
   * 涪陵 is OFFICIAL for bob and PLACE for carol. */
  g_assert_cmpint (cli_run (tmp, &out, &err, "check", "p", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "annotations/bob/d1.json: 9-11: “涪陵” is OFFICIAL here; tagged elsewhere: PLACE 1\n"
                   "annotations/carol/d2.json: 0-2: “车俊” is untagged here; tagged elsewhere: OFFICIAL 1\n"
                   "annotations/carol/d2.json: 4-6: “车俊” is untagged here; tagged elsewhere: OFFICIAL 1\n"
                   "annotations/carol/d2.json: 7-9: “涪陵” is PLACE here; tagged elsewhere: OFFICIAL 1\n"
                   "annotations/carol/d2.json: 16-18: “车俊” is untagged here; tagged elsewhere: OFFICIAL 1\n"
                   "Checked 2 files: 3 places untagged, 2 places with another label.\n");
  g_assert_cmpstr (err, ==, "");
  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (cli_run (tmp, &json, NULL, "check", "p", "--json", NULL), ==, 0);
  json_path = g_build_filename (tmp, "check.json", NULL);
  spanmark_test_write_file (json_path, json, -1);
  root = cli_read_json (json_path);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "files"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "untagged"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "label"), ==, 2);
  place = json_array_get_object_element (json_object_get_array_member (object, "places"), 4);
  g_assert_cmpstr (json_object_get_string_member (place, "kind"), ==, "untagged");
  g_assert_cmpstr (json_object_get_string_member (place, "file"), ==, "annotations/carol/d2.json");
  /* Code points: the emoji before it is one. */
  g_assert_cmpint (json_object_get_int_member (place, "start"), ==, 16);
  g_assert_true (json_object_get_null_member (place, "label"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (place, "elsewhere"), "OFFICIAL"),
                   ==, 1);
  spanmark_test_remove_tree (tmp);
}

static void
test_check_broken (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = make_project (&dir);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *broken = annotation_path (dir, "carol", "d2");

  /* A file that does not load is named, the rest still checked. */
  spanmark_test_write_file (broken, "[1, 2", -1);
  g_assert_cmpint (cli_run (tmp, &out, &err, "check", "p", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "annotations/carol/d2.json"));
  g_assert_cmpstr (out, ==, "Checked 1 file: 0 places untagged, 0 places with another label.\n");

  spanmark_test_remove_tree (tmp);
}

/* The annotation files of @annotator, without their "modified" and
 * "annotator" lines, one after another. */
static char *
annotations_without_times (const char *dir,
                           const char *annotator,
                           guint       n_docs)
{
  GString *out = g_string_new (NULL);

  for (guint d = 0; d < n_docs; d++)
    {
      g_autofree char *id = g_strdup_printf ("k%02u", d);
      g_autofree char *path = annotation_path (dir, annotator, id);
      g_autofree char *contents = spanmark_test_read_file (path, NULL);
      g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (strstr (lines[i], "\"modified\"") == NULL && strstr (lines[i], "\"annotator\"") == NULL)
          g_string_append_printf (out, "%s\n", lines[i]);
    }
  return g_string_free (out, FALSE);
}

/* Killed at any moment, pretag leaves every file whole: the project
 * validates after each kill, and a run to the end gives what a run never
 * interrupted gives. */
static void
test_killed (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "p", NULL);
  const char *args[] = { "pretag", "p", "--annotator", "model", NULL };
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  guint n_docs = 30;

  cli_make_numbered_project (tmp, n_docs, "车俊到浙江省杭州市调研，提出“八八战略”。车俊说，杭州市……\n");
  write_dictionary (dir, "d.tsv", "车俊\tOFFICIAL\ttitle=书记\n杭州市\tPLACE\n浙江省\tPLACE\n八八战略\tINITIATIVE\n");

  /* What an uninterrupted run writes, for "fresh". */
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "pretag", "p", "--annotator", "fresh", NULL), ==, 0);
  expected = annotations_without_times (dir, "fresh", n_docs);

  cli_run_killed (tmp, args, 12, 40000, "p");

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "pretag", "p", "--annotator", "model", NULL), ==, 0);
  got = annotations_without_times (dir, "model", n_docs);
  g_assert_cmpstr (got, ==, expected);

  spanmark_test_remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pretag/dictionary", test_dictionary);
  g_test_add_func ("/pretag/corpus", test_corpus);
  g_test_add_func ("/pretag/bad-input", test_bad_input);
  g_test_add_func ("/pretag/usage", test_usage);
  g_test_add_func ("/pretag/help", test_help);
  g_test_add_func ("/pretag/killed", test_killed);
  g_test_add_func ("/check/report", test_check);
  g_test_add_func ("/check/broken", test_check_broken);

  return g_test_run ();
}
