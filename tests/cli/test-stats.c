/* test-stats.c — spanmark-cli stats, as text and as JSON
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

/* A project from the fixtures: spacy.jsonl as alice (4 documents, 10
 * spans, 1 entity), doccano.jsonl as bob (4 documents, 4 spans). */
static char *
make_project (void)
{
  char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *spacy = cli_fixture ("spacy.jsonl");
  g_autofree char *doccano = cli_fixture ("doccano.jsonl");

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "p", "--name", "Stats", NULL), ==, 0);
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "import", "p", "-a", "alice", spacy, NULL), ==, 0);
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "import", "p", "-a", "bob", doccano, NULL), ==, 0);
  return tmp;
}

static gint64
member_int (JsonObject *object,
            const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);

  for (guint i = 0; parts[i + 1] != NULL; i++)
    {
      g_assert_true (json_object_has_member (object, parts[i]));
      object = json_object_get_object_member (object, parts[i]);
    }
  g_assert_true (json_object_has_member (object, parts[g_strv_length (parts) - 1]));
  return json_object_get_int_member (object, parts[g_strv_length (parts) - 1]);
}

static void
test_json (void)
{
  g_autofree char *tmp = make_project ();
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *stats;
  JsonObject *labels;

  g_assert_cmpint (cli_run (tmp, &out, NULL, "stats", "p", "--json", NULL), ==, 0);
  stats = cli_parse_object (parser, out);

  g_assert_cmpstr (json_object_get_string_member (stats, "project"), ==, "Stats");
  g_assert_cmpint (member_int (stats, "documents"), ==, 8);
  g_assert_cmpint (member_int (stats, "characters"), ==, 75);

  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (stats, "annotators")), ==, 2);
  g_assert_cmpint (member_int (stats, "annotators.alice.status.new"), ==, 6);
  g_assert_cmpint (member_int (stats, "annotators.alice.status.in-progress"), ==, 2);
  g_assert_cmpint (member_int (stats, "annotators.alice.status.done"), ==, 0);
  g_assert_cmpint (member_int (stats, "annotators.alice.status.reviewed"), ==, 0);
  g_assert_cmpint (member_int (stats, "annotators.alice.spans"), ==, 10);
  g_assert_cmpint (member_int (stats, "annotators.alice.labels.OFFICIAL"), ==, 2);
  g_assert_cmpint (member_int (stats, "annotators.alice.labels.PLACE"), ==, 6);
  g_assert_cmpint (member_int (stats, "annotators.alice.labels.INITIATIVE"), ==, 2);
  g_assert_cmpint (member_int (stats, "annotators.alice.entities"), ==, 1);

  g_assert_cmpint (member_int (stats, "annotators.bob.status.new"), ==, 5);
  g_assert_cmpint (member_int (stats, "annotators.bob.status.in-progress"), ==, 3);
  g_assert_cmpint (member_int (stats, "annotators.bob.spans"), ==, 4);
  g_assert_cmpint (member_int (stats, "annotators.bob.labels.OFFICIAL"), ==, 3);
  g_assert_cmpint (member_int (stats, "annotators.bob.labels.PLACE"), ==, 1);
  g_assert_cmpint (member_int (stats, "annotators.bob.labels.INITIATIVE"), ==, 0);
  g_assert_cmpint (member_int (stats, "annotators.bob.entities"), ==, 0);

  g_assert_cmpint (member_int (stats, "spans"), ==, 14);
  g_assert_cmpint (member_int (stats, "labels.OFFICIAL"), ==, 5);
  g_assert_cmpint (member_int (stats, "labels.PLACE"), ==, 7);
  g_assert_cmpint (member_int (stats, "labels.INITIATIVE"), ==, 2);
  g_assert_cmpint (member_int (stats, "entities"), ==, 1);

  /* Labels in schema order. */
  labels = json_object_get_object_member (stats, "labels");
  {
    g_autoptr(GList) names = json_object_get_members (labels);

    g_assert_cmpstr (g_list_nth_data (names, 0), ==, "OFFICIAL");
    g_assert_cmpstr (g_list_nth_data (names, 1), ==, "PLACE");
    g_assert_cmpstr (g_list_nth_data (names, 2), ==, "INITIATIVE");
  }

  /* Deterministic: the same bytes twice. */
  g_assert_cmpint (cli_run (tmp, &again, NULL, "stats", "p", "--json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, again);

  spanmark_test_remove_tree (tmp);
}

static void
test_one_annotator (void)
{
  g_autofree char *tmp = make_project ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *stats;

  g_assert_cmpint (cli_run (tmp, &out, NULL, "stats", "p", "--json", "--annotator", "bob", NULL), ==, 0);
  stats = cli_parse_object (parser, out);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (stats, "annotators")), ==, 1);
  g_assert_cmpint (member_int (stats, "annotators.bob.spans"), ==, 4);
  g_assert_cmpint (member_int (stats, "spans"), ==, 4);
  g_assert_cmpint (member_int (stats, "labels.OFFICIAL"), ==, 3);
  g_assert_cmpint (member_int (stats, "entities"), ==, 0);

  /* An annotator with no work is an error that lists those who have. */
  g_assert_cmpint (cli_run (tmp, NULL, &err, "stats", "p", "--annotator", "carol", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "carol"));
  g_assert_nonnull (strstr (err, "alice, bob"));

  spanmark_test_remove_tree (tmp);
}

static void
test_text (void)
{
  g_autofree char *tmp = make_project ();
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (cli_run (tmp, &out, NULL, "stats", "p", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Stats"));
  g_assert_nonnull (strstr (out, "8 documents"));

  /* The label table is aligned: numbers end in the same columns. */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "OFFICIAL"))
      {
        g_assert_cmpstr (lines[i], ==, "OFFICIAL        2    3      5");
        g_assert_cmpstr (lines[i + 1], ==, "PLACE           6    1      7");
        g_assert_cmpstr (lines[i + 2], ==, "INITIATIVE      2    0      2");
        found = TRUE;
      }
  g_assert_true (found);

  spanmark_test_remove_tree (tmp);
}

/* Columns line up by display width, with CJK names taking two columns
 * a character. */
static void
test_wide_names (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *doccano = cli_fixture ("doccano.jsonl");
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "p", NULL), ==, 0);
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "import", "p", "-a", "小王", doccano, NULL), ==, 0);
  g_assert_cmpint (cli_run (tmp, &out, NULL, "stats", "p", NULL), ==, 0);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Label"))
      {
        /* "小王" is four columns wide: the counts end under its last one. */
        g_assert_cmpstr (lines[i], ==, "Label       小王");
        g_assert_cmpstr (lines[i + 1], ==, "OFFICIAL       3");
        found = TRUE;
      }
  g_assert_true (found);

  spanmark_test_remove_tree (tmp);
}

/* Curated and reviewed counts, whichever annotators are counted. */
static void
test_curated (void)
{
  g_autofree char *tmp = make_project ();
  g_autofree char *dir = g_build_filename (tmp, "p", NULL);
  g_autofree char *out = NULL;
  g_autofree char *only = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) only_parser = json_parser_new ();
  JsonObject *stats;

  g_assert_cmpint (cli_run (tmp, &out, NULL, "stats", "p", "--json", NULL), ==, 0);
  stats = cli_parse_object (parser, out);
  g_assert_cmpint (member_int (stats, "curated.documents"), ==, 0);
  g_assert_cmpint (member_int (stats, "curated.reviewed"), ==, 0);

  cli_write_annotations (dir, "_curated", "crlf", "reviewed", "PLACE 0 3");
  cli_write_annotations (dir, "_curated", "blank", "in-progress", "");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli_run (tmp, &out, NULL, "stats", "p", "--json", NULL), ==, 0);
  g_clear_object (&parser);
  parser = json_parser_new ();
  stats = cli_parse_object (parser, out);
  g_assert_cmpint (member_int (stats, "curated.documents"), ==, 2);
  g_assert_cmpint (member_int (stats, "curated.reviewed"), ==, 1);
  g_assert_cmpint (member_int (stats, "annotators._curated.status.reviewed"), ==, 1);

  g_assert_cmpint (cli_run (tmp, &only, NULL, "stats", "p", "--json", "--annotator", "bob", NULL), ==, 0);
  stats = cli_parse_object (only_parser, only);
  g_assert_cmpint (member_int (stats, "curated.documents"), ==, 2);
  g_assert_cmpint (member_int (stats, "curated.reviewed"), ==, 1);

  g_assert_cmpint (cli_run (tmp, &text, NULL, "stats", "p", NULL), ==, 0);
  g_assert_nonnull (strstr (text, "Curated: 2 of 8 documents, 1 reviewed\n"));

  spanmark_test_remove_tree (tmp);
}

static void
test_sample (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *stats;

  g_assert_cmpint (cli_run (NULL, &out, NULL, "stats", sample, "--json", NULL), ==, 0);
  stats = cli_parse_object (parser, out);
  g_assert_cmpint (member_int (stats, "documents"), ==, 5);
  g_assert_cmpint (member_int (stats, "annotators.sample.status.new"), ==, 3);
  g_assert_cmpint (member_int (stats, "annotators.sample.status.in-progress"), ==, 1);
  g_assert_cmpint (member_int (stats, "annotators.sample.status.done"), ==, 1);
  /* yunlan-001's 林振邦, 周海燕, 苏明远 and 清水绕村工程; yunlan-002's 韩立群,
   * 林振邦 and 清水绕村工程. */
  g_assert_cmpint (member_int (stats, "annotators.sample.entities"), ==, 7);
  /* The registry: 林振邦 and 清水绕村工程, each in both documents. */
  g_assert_cmpint (member_int (stats, "registry.OFFICIAL"), ==, 1);
  g_assert_cmpint (member_int (stats, "registry.PLACE"), ==, 0);
  g_assert_cmpint (member_int (stats, "registry.INITIATIVE"), ==, 1);
}

/* Runs the command of @args (up to six words) in @tmp, which must fail
 * with exit status 1, and returns what it wrote to stderr. */
static char *
run_failing (const char        *tmp,
             const char * const args[6])
{
  char *err = NULL;

  g_assert_cmpint (cli_run (tmp, NULL, &err, args[0], args[1], args[2], args[3], args[4], args[5], NULL), ==, 1);
  g_test_message ("%s: %s", args[0], err);
  return err;
}

/* Regression: stats, export and clean named spanmark.json by its
 * absolute path, and a text that is not there "cannot be read: No such
 * file or directory".  Files are named as the user knows them, relative
 * to the project, and a missing one "is missing". */
static void
test_messages (void)
{
  static const char * const docs[] = { "d1", "one two\n", "d2", "three\n", NULL };
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *project = g_build_filename (tmp, "p", NULL);
  g_autofree char *text = g_build_filename (project, "documents", "d2.txt", NULL);
  g_autofree char *index = g_build_filename (project, "spanmark.json", NULL);
  const char *commands[][6] = {
    { "stats", project, NULL },
    { "export", project, "--format", "jsonl", "-o", "out.jsonl" },
    { "clean", project, NULL },
  };

  cli_make_project (tmp, docs);
  cli_write_annotations (project, "alice", "d1", "done", "PLACE 0 3");
  g_assert_cmpint (g_unlink (text), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *err = NULL;

      err = run_failing (tmp, commands[i]);
      g_assert_nonnull (strstr (err, "spanmark-cli: documents/d2.txt: is missing\n"));
      g_assert_null (strstr (err, "cannot be read"));
      g_assert_null (strstr (err, tmp));
    }

  /* spanmark.json there but unreadable: every command names it the same
   * way, with the reason. */
  g_assert_cmpint (g_unlink (index), ==, 0);
  g_assert_cmpint (g_mkdir (index, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *err = NULL;

      err = run_failing (tmp, commands[i]);
      g_assert_cmpstr (err, ==, "spanmark-cli: spanmark.json: is a folder, not a file\n");
    }

  spanmark_test_remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/stats/json", test_json);
  g_test_add_func ("/cli/stats/one-annotator", test_one_annotator);
  g_test_add_func ("/cli/stats/text", test_text);
  g_test_add_func ("/cli/stats/wide-names", test_wide_names);
  g_test_add_func ("/cli/stats/curated", test_curated);
  g_test_add_func ("/cli/stats/sample", test_sample);
  g_test_add_func ("/cli/stats/messages", test_messages);

  return g_test_run ();
}
