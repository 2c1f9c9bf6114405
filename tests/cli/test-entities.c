/* test-entities.c — spanmark-cli entities, and the registry in validate and stats
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

#define LIN  "sample-00000000a1"
#define LIN2 "wang-00000000b2"
#define PORT "sample-00000000c3"
#define MID  "wang-00000000d4"

static const char * const docs[] = {
  "d1", "林振邦在青溪市调研。林书记说，要推进工程。\n",
  "d2", "省委书记林振邦来到果园港。\n",
  NULL,
};

static void
write_entity (const char *dir,
              const char *id,
              const char *contents)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (dir, "entities", name, NULL);

  spanmark_test_write_file (path, contents, -1);
}

/* Project p: sample's files link d1 and d2 to 林振邦 in the registry,
 * wang's d1 to a second entry for the same man; 果园港 is a registry
 * place nobody mentions. */
static char *
make_project (char **dir)
{
  char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *sample_d1 = NULL, *sample_d2 = NULL, *wang_d1 = NULL;

  cli_make_project (tmp, (const char * const *) docs);
  *dir = g_build_filename (tmp, "p", NULL);
  cli_write_annotations (*dir, "sample", "d1", "done", "OFFICIAL 0 3 @林振邦, OFFICIAL 10 13 @林振邦, PLACE 4 7");
  cli_write_annotations (*dir, "sample", "d2", "done", "OFFICIAL 4 7 @林振邦");
  cli_write_annotations (*dir, "wang", "d1", "in-progress", "OFFICIAL 0 3 @林振邦");
  sample_d1 = g_build_filename (*dir, "annotations", "sample", "d1.json", NULL);
  sample_d2 = g_build_filename (*dir, "annotations", "sample", "d2.json", NULL);
  wang_d1 = g_build_filename (*dir, "annotations", "wang", "d1.json", NULL);
  spanmark_test_replace_all_in_file (sample_d1, "\"e1\"", "\"" LIN "\"");
  spanmark_test_replace_all_in_file (sample_d2, "\"e1\"", "\"" LIN "\"");
  spanmark_test_replace_all_in_file (wang_d1, "\"e1\"", "\"" LIN2 "\"");

  write_entity (*dir, LIN,
                "{\"spanmark\": 1, \"id\": \"" LIN "\", \"label\": \"OFFICIAL\", \"name\": \"林振邦\",\n"
                " \"aliases\": [\"林书记\"],\n"
                " \"attrs\": [{\"key\": \"title\", \"value\": \"云岚省委书记\", \"document\": \"d2\"}]}\n");
  write_entity (*dir, LIN2,
                "{\"spanmark\": 1, \"id\": \"" LIN2 "\", \"label\": \"OFFICIAL\", \"name\": \"林振邦同志\",\n"
                " \"attrs\": [{\"key\": \"title\", \"value\": \"青溪市委书记\", \"document\": \"d1\"}]}\n");
  write_entity (*dir, PORT,
                "{\"spanmark\": 1, \"id\": \"" PORT "\", \"label\": \"PLACE\", \"name\": \"果园港\"}\n");

  return tmp;
}

static void
test_list (void)
{
  g_autofree char *dir = NULL, *out = NULL, *err = NULL;
  g_autofree char *tmp = make_project (&dir);

  g_assert_cmpint (cli_run (tmp, &out, &err, "entities", "p", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==,
                   "ID                    LABEL        NAME  MENTIONS  DOCUMENTS  ALIASES\n"
                   "sample-00000000a1  OFFICIAL      林振邦         3          2   林书记\n"
                   "wang-00000000b2    OFFICIAL  林振邦同志         1          1         \n"
                   "sample-00000000c3     PLACE      果园港         0          0         \n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (tmp, &out, &err, "entities", "p", "--label", "OFFICIAL", "--json",
                            "--annotator", "sample", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "{\"entities\":["
                   "{\"id\":\"sample-00000000a1\",\"label\":\"OFFICIAL\",\"name\":\"林振邦\",\"aliases\":[\"林书记\"],"
                   "\"attrs\":{\"title\":\"云岚省委书记\"},\"mentions\":3,\"documents\":2},"
                   "{\"id\":\"wang-00000000b2\",\"label\":\"OFFICIAL\",\"name\":\"林振邦同志\",\"aliases\":[],"
                   "\"attrs\":{\"title\":\"青溪市委书记\"},\"mentions\":0,\"documents\":0}]}\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (tmp, &out, &err, "entities", "p", "--label", "PERSON", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "PERSON"));

  spanmark_test_remove_tree (tmp);
}

static void
test_merge_rename (void)
{
  g_autofree char *dir = NULL, *out = NULL, *err = NULL, *wang = NULL, *tombstone = NULL;
  g_autofree char *tmp = make_project (&dir);
  g_autofree char *wang_path = g_build_filename (dir, "annotations", "wang", "d1.json", NULL);
  g_autofree char *tombstone_path = g_build_filename (dir, "entities", LIN2 ".json", NULL);

  g_assert_cmpint (cli_run (tmp, &out, &err, "entities", "merge", "p", LIN, LIN2, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Merged wang-00000000b2 into sample-00000000a1: 1 annotation file rewritten\n");
  g_assert_cmpstr (err, ==,
                   "spanmark-cli: warning: title: “云岚省委书记” (sample-00000000a1) or “青溪市委书记” "
                   "(wang-00000000b2); both kept, “云岚省委书记” is current\n");
  wang = spanmark_test_read_file (wang_path, NULL);
  g_assert_null (strstr (wang, LIN2));
  g_assert_nonnull (strstr (wang, "\"entity\": \"" LIN "\""));
  tombstone = spanmark_test_read_file (tombstone_path, NULL);
  g_assert_nonnull (strstr (tombstone, "\"merged_into\": \"" LIN "\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (tmp, &out, &err, "entities", "rename", "p", LIN, "林振邦书记", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "entities", "p", "--label", "OFFICIAL", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "ID                    LABEL        NAME  MENTIONS  DOCUMENTS                       ALIASES\n"
                   "sample-00000000a1  OFFICIAL  林振邦书记         4          2  林书记 / 林振邦 / 林振邦同志\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The data is wrong: 1, with the reason. */
  g_assert_cmpint (cli_run (tmp, &out, &err, "entities", "merge", "p", LIN, LIN2, NULL), ==, 1);
  g_assert_cmpstr (err, ==, "spanmark-cli: The entity “wang-00000000b2” was merged into “sample-00000000a1”\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "entities", "merge", "p", LIN, PORT, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "only entities of one label can be merged"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "entities", "rename", "p", "nobody-0000000000", "甲", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "spanmark-cli: The registry has no entity “nobody-0000000000”\n");

  spanmark_test_remove_tree (tmp);
}

static void
test_usage (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = make_project (&dir);
  const char * const *cases[] = {
    (const char *[]) { "entities", NULL },
    (const char *[]) { "entities", "p", "q", NULL },
    (const char *[]) { "entities", "merge", "p", LIN, NULL },
    (const char *[]) { "entities", "rename", "p", LIN, NULL },
    (const char *[]) { "entities", "merge", "p", LIN, LIN2, "--json", NULL },
    (const char *[]) { "entities", "p", "--frobnicate", NULL },
  };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *before = spanmark_test_snapshot_tree (dir);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char * const *a = cases[i];
      int status;

      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      status = cli_run (tmp, &out, &err, a[0], a[1], a[1] ? a[2] : NULL, a[1] && a[2] ? a[3] : NULL,
                        a[1] && a[2] && a[3] ? a[4] : NULL, a[1] && a[2] && a[3] && a[4] ? a[5] : NULL, NULL);
      g_test_message ("%s", err);
      g_assert_cmpint (status, ==, 2);
      g_assert_nonnull (strstr (err, "Try “spanmark-cli entities --help”"));
    }
  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (before, ==, after);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli_run (tmp, &out, NULL, "entities", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "merge DIR KEEP GONE"));
  g_assert_nonnull (strstr (out, "--label"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli_run (tmp, &out, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "  entities  "));

  spanmark_test_remove_tree (tmp);
}

static void
test_bad_registry_file (void)
{
  g_autofree char *dir = NULL, *out = NULL, *err = NULL, *before = NULL, *after = NULL;
  g_autofree char *tmp = make_project (&dir);

  write_entity (dir, LIN2, "{\"spanmark\": 1, \"id\": \"" LIN2 "\",\n\"name\": \"林\",, }\n");
  before = spanmark_test_snapshot_tree (dir);
  g_assert_cmpint (cli_run (tmp, &out, &err, "entities", "p", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "entities/wang-00000000b2.json: line 2, column 13: "));
  /* The rest is still listed. */
  g_assert_nonnull (strstr (out, LIN));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Never written over, not even by a merge that would. */
  g_assert_cmpint (cli_run (tmp, &out, &err, "entities", "merge", "p", LIN, LIN2, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "entities/wang-00000000b2.json: failed to load"));
  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (before, ==, after);

  spanmark_test_remove_tree (tmp);
}

static void
test_validate_stats (void)
{
  g_autofree char *dir = NULL, *out = NULL, *err = NULL;
  g_autofree char *tmp = make_project (&dir);
  g_autofree char *lin2 = g_build_filename (dir, "entities", LIN2 ".json", NULL);
  g_autofree char *d2 = g_build_filename (dir, "annotations", "sample", "d2.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *stats, *registry;

  g_assert_cmpint (cli_run (tmp, &out, &err, "validate", "p", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (tmp, &out, &err, "stats", "p", "--json", NULL), ==, 0);
  stats = cli_parse_object (parser, out);
  registry = json_object_get_object_member (stats, "registry");
  g_assert_cmpint (json_object_get_int_member (registry, "OFFICIAL"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (registry, "PLACE"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (registry, "INITIATIVE"), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "stats", "p", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Registry entities per label:\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A mention of a registry entity that is gone still works as a local
   * entity: a warning.  One whose label disagrees with the registry's
   * is an error. */
  g_assert_cmpint (g_unlink (lin2), ==, 0);
  g_assert_cmpint (cli_run (tmp, &out, &err, "validate", "p", NULL), ==, 0);
  g_assert_cmpstr (err, ==,
                   "annotations/wang/d1.json: warning: entities[0] (id \"wang-00000000b2\"): \"wang-00000000b2\" "
                   "is not in the registry (there is no entities/wang-00000000b2.json)\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  spanmark_test_replace_in_file (d2, "\"" LIN "\", \"label\"", "\"" PORT "\", \"label\"");
  spanmark_test_replace_all_in_file (d2, "\"entity\": \"" LIN "\"", "\"entity\": \"" PORT "\"");
  g_assert_cmpint (cli_run (tmp, &out, &err, "validate", "p", NULL), ==, 1);
  g_assert_cmpstr (err, ==,
                   "annotations/sample/d2.json: entities[0] (id \"sample-00000000c3\"): label OFFICIAL, "
                   "but the registry’s entity \"sample-00000000c3\" (果园港) is PLACE\n"
                   "annotations/wang/d1.json: warning: entities[0] (id \"wang-00000000b2\"): \"wang-00000000b2\" "
                   "is not in the registry (there is no entities/wang-00000000b2.json)\n"
                   "p: 1 problem found\n");

  spanmark_test_remove_tree (tmp);
}

/* The registry's edge cases as validate and stats see them: a chain of
 * tombstones resolves to its end (whose label counts), a cycle is the
 * registry's own problem (its mentions are not reported again), a file
 * with git's conflict markers is refused with its place and the rest of
 * the registry loads. */
static void
test_validate_edge_cases (void)
{
  g_autofree char *dir = NULL, *out = NULL, *err = NULL;
  g_autofree char *tmp = make_project (&dir);
  g_autofree char *mid_path = g_build_filename (dir, "entities", MID ".json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *registry;

  /* wang's mention: LIN2 → MID → LIN. */
  write_entity (dir, LIN2, "{\"spanmark\": 1, \"id\": \"" LIN2 "\", \"merged_into\": \"" MID "\"}\n");
  write_entity (dir, MID, "{\"spanmark\": 1, \"id\": \"" MID "\", \"merged_into\": \"" LIN "\"}\n");
  g_assert_cmpint (cli_run (tmp, &out, &err, "validate", "p", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "stats", "p", "--json", NULL), ==, 0);
  registry = json_object_get_object_member (cli_parse_object (parser, out), "registry");
  g_assert_cmpint (json_object_get_int_member (registry, "OFFICIAL"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (registry, "PLACE"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* All four mentions count for LIN, wang's through the chain. */
  g_assert_cmpint (cli_run (tmp, &out, &err, "entities", "p", "--label", "OFFICIAL", "--json", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "{\"entities\":["
                   "{\"id\":\"" LIN "\",\"label\":\"OFFICIAL\",\"name\":\"林振邦\",\"aliases\":[\"林书记\"],"
                   "\"attrs\":{\"title\":\"云岚省委书记\"},\"mentions\":4,\"documents\":2}]}\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The chain's end is a place: the official's mention disagrees. */
  write_entity (dir, MID, "{\"spanmark\": 1, \"id\": \"" MID "\", \"merged_into\": \"" PORT "\"}\n");
  g_assert_cmpint (cli_run (tmp, &out, &err, "validate", "p", NULL), ==, 1);
  g_assert_cmpstr (err, ==,
                   "annotations/wang/d1.json: entities[0] (id \"" LIN2 "\"): label OFFICIAL, "
                   "but the registry’s entity \"" PORT "\" (果园港) is PLACE\n"
                   "p: 1 problem found\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A cycle (two opposite merges): each tombstone leads nowhere, and
   * the mention is not a third problem. */
  write_entity (dir, MID, "{\"spanmark\": 1, \"id\": \"" MID "\", \"merged_into\": \"" LIN2 "\"}\n");
  g_assert_cmpint (cli_run (tmp, &out, &err, "validate", "p", NULL), ==, 1);
  g_assert_cmpstr (err, ==,
                   "entities/" LIN2 ".json: \"merged_into\": \"" MID "\" leads to no entity of the registry\n"
                   "entities/" MID ".json: \"merged_into\": \"" LIN2 "\" leads to no entity of the registry\n"
                   "p: 2 problems found\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Conflict markers in LIN's file: refused with the place; its
   * mentions are not reported again; the other files load. */
  g_assert_cmpint (g_unlink (mid_path), ==, 0);
  write_entity (dir, LIN2, "{\"spanmark\": 1, \"id\": \"" LIN2 "\", \"label\": \"OFFICIAL\", \"name\": \"林振邦\"}\n");
  write_entity (dir, LIN,
                "{\"spanmark\": 1, \"id\": \"" LIN "\", \"label\": \"OFFICIAL\",\n"
                "<<<<<<< HEAD\n \"name\": \"林振邦\"}\n=======\n \"name\": \"林振邦书记\"}\n>>>>>>> theirs\n");
  g_assert_cmpint (cli_run (tmp, &out, &err, "validate", "p", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "entities/" LIN ".json: line 2, column 1: "));
  g_assert_true (g_str_has_suffix (err, "\np: 1 problem found\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* stats counts what loads, names the file and fails. */
  g_assert_cmpint (cli_run (tmp, &out, &err, "stats", "p", "--json", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "spanmark-cli: entities/" LIN ".json: line 2, column 1: "));
  registry = json_object_get_object_member (cli_parse_object (parser, out), "registry");
  g_assert_cmpint (json_object_get_int_member (registry, "OFFICIAL"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (registry, "PLACE"), ==, 1);

  spanmark_test_remove_tree (tmp);
}

/* The bundled sample: one 林振邦 and one 清水绕村工程, each with mentions
 * in both articles (林振邦 under his alias 林书记 too), and it validates. */
static void
test_sample (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (cli_run (NULL, &out, &err, "validate", sample, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (NULL, &out, &err, "entities", sample, "--json", "--annotator", "sample", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "{\"entities\":["
                   "{\"id\":\"sample-8c41d7e2b0\",\"label\":\"INITIATIVE\",\"name\":\"清水绕村工程\","
                   "\"aliases\":[\"清水工程\"],\"attrs\":{},\"mentions\":5,\"documents\":2},"
                   "{\"id\":\"sample-5f3a09c1d2\",\"label\":\"OFFICIAL\",\"name\":\"林振邦\","
                   "\"aliases\":[\"林书记\"],\"attrs\":{\"region\":\"云岚省\",\"title\":\"云岚省委书记\"},"
                   "\"mentions\":8,\"documents\":2}]}\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entities/list", test_list);
  g_test_add_func ("/entities/merge-rename", test_merge_rename);
  g_test_add_func ("/entities/usage", test_usage);
  g_test_add_func ("/entities/bad-registry-file", test_bad_registry_file);
  g_test_add_func ("/entities/validate-stats", test_validate_stats);
  g_test_add_func ("/entities/validate-edge-cases", test_validate_edge_cases);
  g_test_add_func ("/entities/sample", test_sample);

  return g_test_run ();
}
