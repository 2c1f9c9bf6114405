/* test-labels.c — spanmark-cli init --labels/--schema and spanmark-cli labels
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-test-util.h"

static const char * const docs[] = {
  "a1", "林振邦到青溪市调研。",
  "a2", "青溪市在云岚省。",
  NULL
};

/* A project "p" in a new temporary folder, used by alice, bob and the
 * curated version: PLACE in 4 spans and 1 entity of 3 files. */
static char *
make_used_project (char **project)
{
  char *tmp = spanmark_test_make_tmpdir ();

  cli_make_project (tmp, docs);
  *project = g_build_filename (tmp, "p", NULL);
  cli_write_annotations (*project, "alice", "a1", "done", "OFFICIAL 0 3 @林振邦, PLACE 4 7 kind=市");
  cli_write_annotations (*project, "alice", "a2", "in-progress", "PLACE 0 3, PLACE 4 7");
  cli_write_annotations (*project, "bob", "a1", "in-progress", "OFFICIAL 0 3");
  cli_write_annotations (*project, "_curated", "a1", "reviewed", "PLACE 4 7 @青溪市");
  return tmp;
}

static char *
read_index (const char *project)
{
  g_autofree char *path = g_build_filename (project, "spanmark.json", NULL);

  return spanmark_test_read_file (path, NULL);
}

static void
assert_valid (const char *project)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "validate", project, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

static void
test_init_labels (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *index = NULL;
  g_autofree char *bad = g_build_filename (tmp, "bad", NULL);
  g_autofree char *ner = g_build_filename (tmp, "ner", NULL);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "init", "ner", "--labels", "PER, LOC,ORG", NULL), ==, 0);
  index = read_index (ner);
  g_assert_nonnull (strstr (index, "\"labels\": [\n"
                                   "    {\"name\": \"PER\", \"title\": \"PER\", \"color\": \"#3584e4\", \"key\": \"1\", \"attrs\": []},\n"
                                   "    {\"name\": \"LOC\", \"title\": \"LOC\", \"color\": \"#2ec27e\", \"key\": \"2\", \"attrs\": []},\n"
                                   "    {\"name\": \"ORG\", \"title\": \"ORG\", \"color\": \"#e66100\", \"key\": \"3\", \"attrs\": []}\n"
                                   "  ],"));

  /* A bad name is a usage error, and nothing is made. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "init", "bad", "--labels", "PER,TWO WORDS", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--labels: “TWO WORDS” cannot be a label name"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "init", "bad", "--labels", "PER,PER", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "given twice"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "init", "bad", "--labels", "A", "--schema", "x.json", NULL), ==, 2);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  spanmark_test_remove_tree (tmp);
}

static void
test_init_schema (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *schema = g_build_filename (tmp, "labels.json", NULL);
  g_autofree char *copy = g_build_filename (tmp, "copy.json", NULL);
  g_autofree char *bad = g_build_filename (tmp, "bad", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *listed = NULL;

  spanmark_test_write_file (schema,
                            "[{\"name\": \"PERSON\", \"title\": \"People\", \"key\": \"p\", \"attrs\": [\"role\"]},\n"
                            " {\"name\": \"GPE\", \"color\": \"red3\"}]\n", -1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "init", "ner", "--schema", "labels.json", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "labels", "ner", "list", "--json", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "[\n"
                   "  {\"name\": \"PERSON\", \"title\": \"People\", \"color\": \"#3584e4\", \"key\": \"p\", \"attrs\": [\"role\"]},\n"
                   "  {\"name\": \"GPE\", \"title\": \"GPE\", \"color\": \"#e01b24\", \"key\": \"1\", \"attrs\": []}\n"
                   "]\n");

  /* What list --json prints makes the same labels again. */
  spanmark_test_write_file (copy, out, -1);
  listed = g_steal_pointer (&out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "init", "again", "--schema", "copy.json", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "labels", "again", "list", "--json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, listed);

  /* A bad file: exit 1, naming the file and the place; nothing made. */
  spanmark_test_write_file (schema, "[{\"name\": \"A\"},\n {\"name\": \"B\", \"key\": \"12\"}]", -1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "init", "bad", "--schema", "labels.json", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "labels.json: labels[1] (name \"B\"): the key “12” must be a single character"));
  spanmark_test_write_file (schema, "[{\"name\": \"A\",}]", -1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "init", "bad", "--schema", "labels.json", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "labels.json: line 1, column"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "init", "bad", "--schema", "missing.json", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "missing.json"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  spanmark_test_remove_tree (tmp);
}

static void
test_list (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *project = g_build_filename (tmp, "p", NULL);
  g_autofree char *out = NULL;

  cli_make_project (tmp, docs);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli_run (NULL, &out, NULL, "labels", project, "list", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "NAME        KEY  COLOR    TITLE        ATTRIBUTES\n"
                   "OFFICIAL    1    #3584e4  Officials    title,region\n"
                   "PLACE       2    #2ec27e  Places       kind\n"
                   "INITIATIVE  3    #e66100  Initiatives  -\n");

  spanmark_test_remove_tree (tmp);
}

static void
test_add_and_set (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *project = g_build_filename (tmp, "p", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *index = NULL;

  cli_make_project (tmp, docs);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "add", "DATE", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Added the label “DATE” (key 4, colour #9141ac)\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "add", "ORG", "--key", "", "--color", "#C01C28",
                            "--title", "机构", "--attrs", "kind, level", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Added the label “ORG” (no key, colour #c01c28)\n");
  index = read_index (project);
  g_assert_nonnull (strstr (index, "{\"name\": \"DATE\", \"title\": \"DATE\", \"color\": \"#9141ac\", \"key\": \"4\", \"attrs\": []},\n"
                                   "    {\"name\": \"ORG\", \"title\": \"机构\", \"color\": \"#c01c28\", \"attrs\": [\"kind\", \"level\"]}\n"));
  assert_valid (project);

  /* Refusals change nothing. */
  before = spanmark_test_snapshot_tree (project);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "add", "PLACE", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "spanmark.json: label “PLACE”: there is a label “PLACE” already"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "add", "X", "--key", "1", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "the key “1” is the key of “OFFICIAL” already"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "add", "X", "--color", "light1", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "hard to read in the dark style"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "add", "X", "--color", "pink", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "“pink” is not a colour"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "add", "X", "--attrs", "a b", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "“a b” cannot be an attribute name"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "set", "NOPE", "--key", "9", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "label “NOPE”: there is no such label"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "set", "PLACE", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "nothing to change"));
  after = spanmark_test_snapshot_tree (project);
  g_assert_cmpstr (before, ==, after);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "set", "PLACE", "--key", "p", "--color", "green5",
                            "--title", "地点", "--attrs", "kind,level", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Changed the label “PLACE”\n");
  g_clear_pointer (&index, g_free);
  index = read_index (project);
  g_assert_nonnull (strstr (index, "{\"name\": \"PLACE\", \"title\": \"地点\", \"color\": \"#26a269\", \"key\": \"p\", \"attrs\": [\"kind\", \"level\"]}"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "move", "ORG", "1", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "list", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (strchr (out, '\n') + 1, "ORG "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "move", "ORG", "9", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "move", "ORG", "first", NULL), ==, 2);

  spanmark_test_remove_tree (tmp);
}

static void
test_rename (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = make_used_project (&project);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *index = NULL;
  const CliSpan alice_a2[] = { { 0, 3, "LOC", "青溪市" }, { 4, 7, "LOC", "云岚省" } };
  const CliSpan curated[] = { { 4, 7, "LOC", "青溪市" } };

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "rename", "PLACE", "LOC", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Renamed the label “PLACE” to “LOC”: rewrote 4 spans and 1 entity in 3 annotation files\n");
  cli_assert_spans (project, "alice", "a2", alice_a2, G_N_ELEMENTS (alice_a2));
  cli_assert_spans (project, "_curated", "a1", curated, G_N_ELEMENTS (curated));
  index = read_index (project);
  g_assert_nonnull (strstr (index, "{\"name\": \"LOC\", \"title\": \"Places\", \"color\": \"#2ec27e\", \"key\": \"2\", \"attrs\": [\"kind\"]}"));
  g_assert_null (strstr (index, "PLACE"));
  assert_valid (project);

  /* Again: done already, exit 0. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "rename", "PLACE", "LOC", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Nothing to rename: there is no label “PLACE”, and “LOC” exists (renamed before)\n");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "rename", "LOC", "OFFICIAL", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not renamed, because there is a label “OFFICIAL” already"));

  spanmark_test_remove_tree (tmp);
}

/* A file that fails to load: refused, naming it, nothing written. */
static void
test_rename_broken (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = make_used_project (&project);
  g_autofree char *broken = g_build_filename (project, "annotations", "bob", "a1.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  spanmark_test_replace_in_file (broken, "\"OFFICIAL\"", "\"NOT A LABEL\"");
  before = spanmark_test_snapshot_tree (project);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "rename", "PLACE", "LOC", NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "no label changed, because 1 annotation file fails to load"));
  g_assert_nonnull (strstr (err, "annotations/bob/a1.json: spans[0]"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "remove", "PLACE", "--delete-spans", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "annotations/bob/a1.json"));
  after = spanmark_test_snapshot_tree (project);
  g_assert_cmpstr (before, ==, after);

  spanmark_test_remove_tree (tmp);
}

static void
test_remove (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = make_used_project (&project);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *index = NULL;
  const CliSpan alice_a1[] = { { 0, 3, "OFFICIAL", "林振邦" } };

  before = spanmark_test_snapshot_tree (project);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "remove", "PLACE", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "label “PLACE”: not removed, because 4 spans and 1 entity in 3 annotation files use it"));
  g_assert_nonnull (strstr (err, "--delete-spans"));
  after = spanmark_test_snapshot_tree (project);
  g_assert_cmpstr (before, ==, after);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "remove", "PLACE", "--delete-spans", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Removed the label “PLACE” and deleted 4 spans and 1 entity in 3 annotation files\n");
  cli_assert_spans (project, "alice", "a1", alice_a1, G_N_ELEMENTS (alice_a1));
  cli_assert_spans (project, "alice", "a2", NULL, 0);
  cli_assert_spans (project, "_curated", "a1", NULL, 0);
  index = read_index (project);
  g_assert_null (strstr (index, "PLACE"));
  assert_valid (project);

  /* An unused label goes without the option. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "remove", "INITIATIVE", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Removed the label “INITIATIVE”\n");

  spanmark_test_remove_tree (tmp);
}

/* An interrupted rename holds every other change back. */
static void
test_interrupted (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = make_used_project (&project);
  g_autofree char *journal = g_build_filename (project, "spanmark-rename.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  spanmark_test_write_file (journal, "{\"spanmark\": 1, \"from\": \"PLACE\", \"to\": \"LOC\"}\n", -1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "validate", project, NULL), ==, 0);
  g_assert_nonnull (strstr (err, "spanmark-rename.json: warning: a rename of the label “PLACE” to “LOC” was interrupted"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "add", "X", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "run that rename again"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "rename", "PLACE", "LOC", NULL), ==, 0);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  assert_valid (project);

  spanmark_test_remove_tree (tmp);
}

/* spanmark.json with a problem is left as it is. */
static void
test_index_problem (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *project = g_build_filename (tmp, "p", NULL);
  g_autofree char *index = g_build_filename (project, "spanmark.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  cli_make_project (tmp, docs);
  spanmark_test_replace_in_file (index, "\"key\": \"3\"", "\"key\": \"33\"");
  before = spanmark_test_snapshot_tree (project);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, &err, "labels", project, "add", "X", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not changed, because it has 1 problem"));
  /* Listing still works. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli_run (NULL, &out, NULL, "labels", project, "list", NULL), ==, 0);
  after = spanmark_test_snapshot_tree (project);
  g_assert_cmpstr (before, ==, after);

  spanmark_test_remove_tree (tmp);
}

static void
test_usage (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *project = g_build_filename (tmp, "p", NULL);
  const char *commands[] = { "list", "add", "set", "rename", "move", "remove" };
  const struct {
    const char *args[5];
    const char *message;
  } errors[] = {
    { { NULL }, "missing the project folder DIR" },
    { { "p", NULL }, "missing the command" },
    { { "p", "delete", NULL }, "unknown command “delete”" },
    { { "p", "add", NULL }, "add takes DIR add NAME" },
    { { "p", "rename", "A", NULL }, "rename takes DIR rename OLD NEW" },
    { { "p", "list", "--delete-spans", NULL }, "--delete-spans is not an option of list" },
    { { "p", "rename", "A", "B", "--key=1" }, "--key is not an option of rename" },
    { { "p", "add", "X", "--bogus", NULL }, "Unknown option --bogus" },
  };

  cli_make_project (tmp, docs);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *usage = NULL;

      g_clear_pointer (&out, g_free);
      g_assert_cmpint (cli_run (tmp, &out, NULL, "labels", "p", commands[i], "--help", NULL), ==, 0);
      usage = g_strdup_printf ("spanmark-cli labels [OPTION…] DIR %s", commands[i]);
      g_assert_nonnull (strstr (out, usage));
    }

  {
    g_autofree char *out = NULL;

    g_clear_pointer (&out, g_free);
    g_assert_cmpint (cli_run (tmp, &out, NULL, "labels", "--help", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "rename OLD NEW"));
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (cli_run (tmp, &out, NULL, "help", "labels", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "remove NAME"));
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (cli_run (tmp, &out, NULL, "--help", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "labels"));
  }

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_autofree char *err = NULL;
      const char * const *a = errors[i].args;

      g_clear_pointer (&err, g_free);
      g_assert_cmpint (cli_run (tmp, NULL, &err, "labels", a[0], a[1], a[2], a[3], a[4], NULL), ==, 2);
      g_test_message ("%s", err);
      g_assert_nonnull (strstr (err, errors[i].message));
    }

  /* A folder that is not a project: exit 1. */
  {
    g_autofree char *err = NULL;

    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli_run (tmp, NULL, &err, "labels", tmp, "list", NULL), ==, 1);
    g_assert_nonnull (strstr (err, "spanmark.json"));
  }

  g_assert_true (g_file_test (project, G_FILE_TEST_IS_DIR));
  spanmark_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/labels/init-labels", test_init_labels);
  g_test_add_func ("/cli/labels/init-schema", test_init_schema);
  g_test_add_func ("/cli/labels/list", test_list);
  g_test_add_func ("/cli/labels/add-and-set", test_add_and_set);
  g_test_add_func ("/cli/labels/rename", test_rename);
  g_test_add_func ("/cli/labels/rename-broken", test_rename_broken);
  g_test_add_func ("/cli/labels/remove", test_remove);
  g_test_add_func ("/cli/labels/interrupted", test_interrupted);
  g_test_add_func ("/cli/labels/index-problem", test_index_problem);
  g_test_add_func ("/cli/labels/usage", test_usage);

  return g_test_run ();
}
