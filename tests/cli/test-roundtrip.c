/* test-roundtrip.c — import reads what export writes (jsonl, doccano, brat, conll)
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-test-util.h"

static char *
sample_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "sample", NULL);
}

static JsonObject *
load_set (JsonNode  **root,
          const char *project,
          const char *doc)
{
  g_autofree char *name = g_strconcat (doc, ".json", NULL);
  g_autofree char *path = g_build_filename (project, "annotations", "sample", name, NULL);

  *root = cli_read_json (path);
  return json_node_get_object (*root);
}

static gboolean
attrs_equal (JsonObject *a,
             JsonObject *b)
{
  g_autoptr(GList) members = NULL;

  if (a == NULL || b == NULL)
    return (a == NULL || json_object_get_size (a) == 0) && (b == NULL || json_object_get_size (b) == 0);
  if (json_object_get_size (a) != json_object_get_size (b))
    return FALSE;
  members = json_object_get_members (a);
  for (GList *l = members; l != NULL; l = l->next)
    if (g_strcmp0 (json_object_get_string_member (a, l->data),
                   json_object_get_string_member_with_default (b, l->data, NULL)) != 0)
      return FALSE;
  return TRUE;
}

static JsonObject *
maybe_object (JsonObject *object,
              const char *member)
{
  return json_object_has_member (object, member) ? json_object_get_object_member (object, member) : NULL;
}

/* Compares the spans of the sample's @doc with the re-imported one:
 * offsets, labels and text always; entities and attributes when
 * @with_entities. */
static void
compare (const char *project,
         const char *doc,
         gboolean    with_entities)
{
  g_autofree char *sample = sample_dir ();
  g_autoptr(JsonNode) a_root = NULL;
  g_autoptr(JsonNode) b_root = NULL;
  JsonObject *a = load_set (&a_root, sample, doc);
  JsonObject *b = load_set (&b_root, project, doc);
  JsonArray *a_spans = json_object_get_array_member (a, "spans");
  JsonArray *b_spans = json_object_get_array_member (b, "spans");

  g_assert_cmpstr (json_object_get_string_member (a, "text_sha256"), ==,
                   json_object_get_string_member (b, "text_sha256"));
  g_assert_cmpuint (json_array_get_length (a_spans), ==, json_array_get_length (b_spans));
  for (guint i = 0; i < json_array_get_length (a_spans); i++)
    {
      JsonObject *x = json_array_get_object_element (a_spans, i);
      JsonObject *y = json_array_get_object_element (b_spans, i);

      g_assert_cmpint (json_object_get_int_member (x, "start"), ==, json_object_get_int_member (y, "start"));
      g_assert_cmpint (json_object_get_int_member (x, "end"), ==, json_object_get_int_member (y, "end"));
      g_assert_cmpstr (json_object_get_string_member (x, "label"), ==, json_object_get_string_member (y, "label"));
      g_assert_cmpstr (json_object_get_string_member (x, "text"), ==, json_object_get_string_member (y, "text"));
      if (with_entities)
        {
          g_assert_cmpstr (json_object_get_string_member_with_default (x, "entity", NULL), ==,
                           json_object_get_string_member_with_default (y, "entity", NULL));
          g_assert_true (attrs_equal (maybe_object (x, "attrs"), maybe_object (y, "attrs")));
        }
    }

  if (with_entities)
    {
      JsonArray *a_entities = json_object_get_array_member (a, "entities");
      JsonArray *b_entities = json_object_get_array_member (b, "entities");

      g_assert_cmpuint (json_array_get_length (a_entities), ==, json_array_get_length (b_entities));
      for (guint i = 0; i < json_array_get_length (a_entities); i++)
        {
          JsonObject *x = json_array_get_object_element (a_entities, i);
          JsonObject *y = json_array_get_object_element (b_entities, i);

          g_assert_cmpstr (json_object_get_string_member (x, "id"), ==, json_object_get_string_member (y, "id"));
          g_assert_cmpstr (json_object_get_string_member (x, "name"), ==, json_object_get_string_member (y, "name"));
          g_assert_true (attrs_equal (maybe_object (x, "attrs"), maybe_object (y, "attrs")));
        }
    }
}

static void
roundtrip (const char *format,
           gboolean    with_entities)
{
  g_autofree char *sample = sample_dir ();
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *project = g_build_filename (tmp, "p", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "export", sample, "--format", format,
                            "-o", "out", "--annotator", "sample", NULL), ==, 0);
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "p", NULL), ==, 0);
  g_assert_cmpint (cli_run (tmp, NULL, &err, "import", "p", "--annotator", "sample", "out", NULL), ==, 0);

  compare (project, "yunlan-001", with_entities);
  compare (project, "yunlan-002", with_entities);
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "validate", "p", NULL), ==, 0);

  spanmark_test_remove_tree (tmp);
}

static void
test_jsonl (void)
{
  roundtrip ("jsonl", TRUE);
}

static void
test_doccano (void)
{
  /* doccano holds offsets and labels only. */
  roundtrip ("doccano", FALSE);
}

static void
test_brat (void)
{
  /* brat holds offsets, labels and notes, and entities as Spanmark's
   * normalization lines (N1<TAB>Reference T1 Spanmark:ID<TAB>NAME): every
   * entity comes back whole with its id and name, the registry's and one
   * of a single mention (yunlan-001's 苏明远) too; attributes all
   * mentions share become the entity's again. */
  g_autofree char *sample = sample_dir ();
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *project = g_build_filename (tmp, "p", NULL);

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "export", sample, "--format", "brat",
                            "-o", "out", "--annotator", "sample", NULL), ==, 0);
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "p", NULL), ==, 0);
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "import", "p", "--annotator", "sample", "out", NULL), ==, 0);

  compare (project, "yunlan-001", TRUE);
  compare (project, "yunlan-002", TRUE);
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "validate", "p", NULL), ==, 0);

  spanmark_test_remove_tree (tmp);
}

/* The spans of @annotator's file of @doc in @project, "START-END LABEL
 * TEXT" a line, and the document's text. */
static char *
describe (const char *project,
          const char *annotator,
          const char *doc)
{
  g_autofree char *name = g_strconcat (doc, ".json", NULL);
  g_autofree char *path = g_build_filename (project, "annotations", annotator, name, NULL);
  g_autofree char *text_name = g_strconcat (doc, ".txt", NULL);
  g_autofree char *text_path = g_build_filename (project, "documents", text_name, NULL);
  g_autofree char *text = spanmark_test_read_file (text_path, NULL);
  g_autoptr(JsonNode) root = cli_read_json (path);
  JsonArray *spans = json_object_get_array_member (json_node_get_object (root), "spans");
  GString *out = g_string_new (text);

  g_string_append (out, "\n--\n");
  for (guint i = 0; i < json_array_get_length (spans); i++)
    {
      JsonObject *span = json_array_get_object_element (spans, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT " %s %s\n",
                              json_object_get_int_member (span, "start"), json_object_get_int_member (span, "end"),
                              json_object_get_string_member (span, "label"),
                              json_object_get_string_member (span, "text"));
    }
  return g_string_free (out, FALSE);
}

/* Spanmark's own conll export (with -DOCSTART-, each scheme and
 * delimiter) imported into a fresh project gives the same texts and
 * spans, offsets in code points: Chinese, characters beyond the BMP,
 * emoji with a joiner, one-character spans and spans side by side.
 * Texts without white space but single line breaks, which the export
 * keeps. */
static void
test_conll (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *source = g_build_filename (tmp, "p", NULL);
  const char *docs[] = {
    "d1", "林振邦到青溪市🙂调研。\n𠀋村的“八八战略”👍",
    "d2", "👨‍👩‍👧家庭在𠮷野家\n周海燕青溪市云岚省",
    "d3", "市",
    NULL,
  };
  const char *specs[] = {
    "OFFICIAL 0 3, PLACE 4 7, PLACE 12 14, INITIATIVE 15 21",
    "INITIATIVE 0 5, PLACE 8 11, OFFICIAL 12 15, PLACE 15 18, PLACE 18 21",
    "PLACE 0 1",
  };
  const char *variants[][4] = {
    { "bio", "space" }, { "bioes", "space" }, { "bio", "tab" }, { "bioes", "tab" },
  };

  cli_make_project (tmp, docs);
  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    cli_write_annotations (source, "alice", docs[2 * i], "done", specs[i]);

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autofree char *dir = g_strdup_printf ("fresh-%u", v);
      g_autofree char *fresh = g_build_filename (tmp, dir, NULL);
      g_autofree char *err = NULL;

      g_test_message ("--scheme %s --delimiter %s", variants[v][0], variants[v][1]);
      g_assert_cmpint (cli_run (tmp, NULL, NULL, "export", "p", "--format", "conll", "--annotator", "alice",
                                "--docstart", "--scheme", variants[v][0], "--delimiter", variants[v][1],
                                "-o", "out.conll", NULL), ==, 0);
      g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", dir, NULL), ==, 0);
      g_assert_cmpint (cli_run (tmp, NULL, &err, "import", dir, "--annotator", "alice", "out.conll", NULL), ==, 0);
      g_test_message ("%s", err);
      /* Nothing was repaired: the export's tags are well formed. */
      g_assert_null (strstr (err, "repaired"));
      g_assert_nonnull (strstr (err, "3 documents"));

      for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
        {
          g_autofree char *id = g_strdup_printf ("out-%u", i + 1);
          g_autofree char *expected = describe (source, "alice", docs[2 * i]);
          g_autofree char *got = describe (fresh, "alice", id);

          g_assert_cmpstr (got, ==, expected);
        }
      g_assert_cmpint (cli_run (tmp, NULL, NULL, "validate", dir, NULL), ==, 0);
    }

  spanmark_test_remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/roundtrip/jsonl", test_jsonl);
  g_test_add_func ("/cli/roundtrip/doccano", test_doccano);
  g_test_add_func ("/cli/roundtrip/brat", test_brat);
  g_test_add_func ("/cli/roundtrip/conll", test_conll);

  return g_test_run ();
}
