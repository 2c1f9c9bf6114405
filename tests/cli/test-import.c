/* test-import.c — spanmark-cli import: .txt, spaCy and doccano .jsonl, brat, bad input
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-test-util.h"

/* A fresh project "p" in a new temporary folder; returns the folder. */
static char *
new_project (char **project)
{
  char *tmp = spanmark_test_make_tmpdir ();

  *project = g_build_filename (tmp, "p", NULL);
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "p", NULL), ==, 0);
  return tmp;
}

static char *
project_file (const char *project,
              const char *rel)
{
  return g_build_filename (project, rel, NULL);
}

static void
assert_text (const char *project,
             const char *doc,
             const char *expected)
{
  g_autofree char *name = g_strconcat (doc, ".txt", NULL);
  g_autofree char *path = g_build_filename (project, "documents", name, NULL);
  g_autofree char *text = spanmark_test_read_file (path, NULL);

  g_assert_cmpstr (text, ==, expected);
}

static gboolean
has_annotations (const char *project,
                 const char *annotator,
                 const char *doc)
{
  g_autofree char *name = g_strconcat (doc, ".json", NULL);
  g_autofree char *path = g_build_filename (project, "annotations", annotator, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The ids in spanmark.json's index, in order, joined by spaces. */
static char *
index_ids (const char *project)
{
  g_autofree char *path = project_file (project, "spanmark.json");
  g_autoptr(JsonNode) root = cli_read_json (path);
  JsonArray *documents = json_object_get_array_member (json_node_get_object (root), "documents");
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, json_object_get_string_member (json_array_get_object_element (documents, i), "id"));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static JsonObject *
annotation_object (JsonNode **root,
                   const char *project,
                   const char *annotator,
                   const char *doc)
{
  g_autofree char *name = g_strconcat (doc, ".json", NULL);
  g_autofree char *path = g_build_filename (project, "annotations", annotator, name, NULL);

  *root = cli_read_json (path);
  return json_node_get_object (*root);
}

static void
assert_validates (const char *project)
{
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "validate", project, NULL), ==, 0);
}

static void
test_txt (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = new_project (&project);
  g_autofree char *mixed = cli_fixture ("mixed.txt");
  g_autofree char *empty = cli_fixture ("empty.txt");
  g_autofree char *out = NULL;
  g_autofree char *ids = NULL;

  g_assert_cmpint (cli_run (tmp, &out, NULL, "import", "p", mixed, empty, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2"));

  /* CRLF became LF; ideographic, no-break spaces, combining marks,
   * emoji and characters outside the BMP are kept as they are. */
  assert_text (project, "mixed",
               "云岚省\u3000青溪市\n周海燕说：“好👍！”\nCafe\u0301\u00a0𠮷岭村\n");
  assert_text (project, "empty", "");
  ids = index_ids (project);
  g_assert_cmpstr (ids, ==, "mixed empty");
  /* Plain text brings no annotations. */
  g_assert_false (has_annotations (project, "imported", "mixed"));
  assert_validates (project);

  spanmark_test_remove_tree (tmp);
}

static void
test_spacy (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = new_project (&project);
  g_autofree char *spacy = cli_fixture ("spacy.jsonl");
  g_autofree char *ids = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *entity, *span;
  JsonArray *entities;
  /* Offsets after the CRLFs moved back by one per removed CR. */
  const CliSpan crlf[] = {
    { 0, 6, "PLACE", "云岚省青溪市" },
    { 0, 3, "PLACE", "云岚省" },
    { 3, 6, "PLACE", "青溪市" },
    { 7, 10, "OFFICIAL", "林振邦" },
    { 15, 23, "INITIATIVE", "“清水绕村工程”" },
    { 16, 22, "INITIATIVE", "清水绕村工程" },
    { 24, 26, "PLACE", "e\u0301" },
    { 27, 30, "PLACE", "𠮷岭村" },
  };
  const CliSpan line3[] = {
    { 0, 3, "OFFICIAL", "周海燕" },
    { 4, 7, "PLACE", "临江区" },
  };

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "import", "p", "--annotator", "alice", spacy, NULL), ==, 0);

  ids = index_ids (project);
  /* Ids default to FILE-LINE; the blank line 4 holds no document. */
  g_assert_cmpstr (ids, ==, "crlf blank spacy-3 spacy-5");
  assert_text (project, "crlf", "云岚省青溪市\n林振邦说：好👍\n“清水绕村工程”\u3000e\u0301\u00a0𠮷岭村");
  assert_text (project, "blank", "");
  cli_assert_spans (project, "alice", "crlf", crlf, G_N_ELEMENTS (crlf));
  cli_assert_spans (project, "alice", "spacy-3", line3, G_N_ELEMENTS (line3));
  g_assert_false (has_annotations (project, "alice", "blank"));
  g_assert_false (has_annotations (project, "alice", "spacy-5"));

  object = annotation_object (&root, project, "alice", "crlf");
  g_assert_cmpstr (json_object_get_string_member (object, "annotator"), ==, "alice");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "in-progress");
  entities = json_object_get_array_member (object, "entities");
  g_assert_cmpuint (json_array_get_length (entities), ==, 1);
  entity = json_array_get_object_element (entities, 0);
  g_assert_cmpstr (json_object_get_string_member (entity, "id"), ==, "e1");
  g_assert_cmpstr (json_object_get_string_member (entity, "name"), ==, "林振邦");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entity, "attrs"), "title"),
                   ==, "云岚省委书记");
  span = json_array_get_object_element (json_object_get_array_member (object, "spans"), 3);
  g_assert_cmpstr (json_object_get_string_member (span, "entity"), ==, "e1");
  span = json_array_get_object_element (json_object_get_array_member (object, "spans"), 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (span, "attrs"), "kind"), ==, "省");

  /* "title" and "meta" go to the index. */
  {
    g_autofree char *path = project_file (project, "spanmark.json");
    g_autoptr(JsonNode) index = cli_read_json (path);
    JsonArray *documents = json_object_get_array_member (json_node_get_object (index), "documents");
    JsonObject *first = json_array_get_object_element (documents, 0);
    JsonObject *third = json_array_get_object_element (documents, 2);

    g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "标题 Title");
    g_assert_true (json_object_has_member (third, "meta"));
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (third, "meta"), "source"),
                     ==, "fixture");
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (third, "meta"), "page"), ==, 3);
  }

  assert_validates (project);
  spanmark_test_remove_tree (tmp);
}

static void
test_doccano (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = new_project (&project);
  g_autofree char *doccano = cli_fixture ("doccano.jsonl");
  g_autofree char *ids = NULL;
  const CliSpan seven[] = {
    { 0, 3, "OFFICIAL", "苏明远" },
    { 4, 8, "PLACE", "雁回湾港" },
  };
  const CliSpan three[] = {
    { 3, 6, "OFFICIAL", "顾晓岚" },
  };
  const CliSpan four[] = {
    { 0, 3, "OFFICIAL", "韩立群" },
  };

  /* The file has CRLF line ends, as files made on Windows do. */
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "import", "p", doccano, NULL), ==, 0);
  ids = index_ids (project);
  g_assert_cmpstr (ids, ==, "7 doccano-2 doccano-3 doccano-4");
  cli_assert_spans (project, "imported", "7", seven, G_N_ELEMENTS (seven));
  cli_assert_spans (project, "imported", "doccano-3", three, G_N_ELEMENTS (three));
  cli_assert_spans (project, "imported", "doccano-4", four, G_N_ELEMENTS (four));
  g_assert_false (has_annotations (project, "imported", "doccano-2"));
  assert_text (project, "doccano-2", "Ａ\u00a0B 云岚");
  assert_text (project, "doccano-3", "前言\n顾晓岚");

  assert_validates (project);
  spanmark_test_remove_tree (tmp);
}

static void
test_brat (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = new_project (&project);
  g_autofree char *txt = cli_fixture ("brat/news.txt");
  g_autofree char *ann = cli_fixture ("brat/news.ann");
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *entity, *attrs;
  JsonArray *spans, *entities;
  /* BOM and three CRs removed; the discontinuous T6 (5–7;19–20) is
   * one span over its whole extent. */
  const CliSpan expected[] = {
    { 0, 3, "OFFICIAL", "林振邦" },
    { 4, 18, "PLACE", "青溪市。\n周海燕陪同调研“清" },
    { 4, 7, "PLACE", "青溪市" },
    { 9, 12, "OFFICIAL", "周海燕" },
    { 16, 24, "INITIATIVE", "“清水绕村工程”" },
    { 26, 29, "OFFICIAL", "林振邦" },
  };

  /* Naming both halves of the pair imports it once. */
  g_assert_cmpint (cli_run (tmp, NULL, &err, "import", "p", txt, ann, NULL), ==, 0);
  assert_text (project, "news", "林振邦在青溪市。\n周海燕陪同调研“清水绕村工程”。\n林振邦说👍好。\n");
  cli_assert_spans (project, "imported", "news", expected, G_N_ELEMENTS (expected));

  /* Warnings: one for the fragments, one counting the ignored R/A/N lines. */
  g_assert_nonnull (strstr (err, "news.ann: line 6"));
  g_assert_nonnull (strstr (err, "T6"));
  g_assert_nonnull (strstr (err, "ignored 3 lines"));

  object = annotation_object (&root, project, "imported", "news");
  spans = json_object_get_array_member (object, "spans");
  entities = json_object_get_array_member (object, "entities");

  /* Equiv T1 T5: one entity named after the first mention, holding the
   * attribute both mentions share; T1 keeps its own "region". */
  g_assert_cmpuint (json_array_get_length (entities), ==, 1);
  entity = json_array_get_object_element (entities, 0);
  g_assert_cmpstr (json_object_get_string_member (entity, "label"), ==, "OFFICIAL");
  g_assert_cmpstr (json_object_get_string_member (entity, "name"), ==, "林振邦");
  attrs = json_object_get_object_member (entity, "attrs");
  g_assert_cmpuint (json_object_get_size (attrs), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (attrs, "title"), ==, "云岚省委书记");

  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (spans, 0), "entity"),
                   ==, json_object_get_string_member (entity, "id"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (spans, 5), "entity"),
                   ==, json_object_get_string_member (entity, "id"));
  attrs = json_object_get_object_member (json_array_get_object_element (spans, 0), "attrs");
  g_assert_cmpuint (json_object_get_size (attrs), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (attrs, "region"), ==, "云岚省");
  /* A note without "=" is the attribute "note". */
  attrs = json_object_get_object_member (json_array_get_object_element (spans, 2), "attrs");
  g_assert_cmpstr (json_object_get_string_member (attrs, "note"), ==, "地级市");

  assert_validates (project);
  spanmark_test_remove_tree (tmp);
}

/* Runs an import that must fail: exit 1, every @needle in stderr, and
 * not one file of the project changed. */
static void
assert_import_fails (const char  *tmp,
                     const char  *project,
                     const char **needles,
                     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *before = spanmark_test_snapshot_tree (project);
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  const char *arg;
  va_list ap;
  int status;

  va_start (ap, needles);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_assert_cmpuint (args->len, <=, 3);
  while (args->len < 3)
    g_ptr_array_add (args, NULL);

  status = cli_run (tmp, &out, &err, "import", "p",
                    args->pdata[0], args->pdata[1], args->pdata[2], NULL);
  g_assert_cmpint (status, ==, 1);
  for (guint i = 0; needles[i] != NULL; i++)
    {
      g_test_message ("expecting “%s” in: %s", needles[i], err);
      g_assert_nonnull (strstr (err, needles[i]));
    }

  after = spanmark_test_snapshot_tree (project);
  g_assert_cmpstr (before, ==, after);
}

static char *
write_file (const char *tmp,
            const char *name,
            const char *data,
            gssize      len)
{
  char *path = g_build_filename (tmp, name, NULL);

  spanmark_test_write_file (path, data, len);
  return path;
}

static void
test_bad_input (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = new_project (&project);
  g_autofree char *good = write_file (tmp, "good.txt", "周海燕到临江区。\n", -1);
  g_autofree char *bad_json = write_file (tmp, "bad.jsonl",
                                          "{\"text\": \"好\"}\n"
                                          "{\"text\": \"x\", \"spans\": [\n", -1);
  g_autofree char *unknown = write_file (tmp, "unknown.jsonl",
                                         "\n{\"text\": \"林振邦\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"PERSON\"}]}\n", -1);
  g_autofree char *range = write_file (tmp, "range.jsonl",
                                       "{\"text\": \"abc\", \"label\": [[1, 9, \"PLACE\"]]}\n", -1);
  g_autofree char *reversed = write_file (tmp, "reversed.jsonl",
                                          "{\"text\": \"abc\", \"spans\": [{\"start\": 2, \"end\": 1, \"label\": \"PLACE\"}]}\n", -1);
  g_autofree char *negative = write_file (tmp, "negative.jsonl",
                                          "{\"text\": \"abc\", \"spans\": [{\"start\": -1, \"end\": 1, \"label\": \"PLACE\"}]}\n", -1);
  /* UTF-16 offsets, as JavaScript tools count: the text check catches them. */
  g_autofree char *utf16 = write_file (tmp, "utf16.jsonl",
                                       "{\"text\": \"👍林振邦说\", \"spans\": [{\"start\": 2, \"end\": 5, \"label\": \"OFFICIAL\", \"text\": \"林振邦\"}]}\n", -1);
  g_autofree char *types = write_file (tmp, "types.jsonl",
                                       "{\"text\": \"abc\", \"spans\": [{\"start\": \"0\", \"end\": 1, \"label\": \"PLACE\"}]}\n", -1);
  /* Regression: "integers" without the number; now as written, with its place. */
  g_autofree char *fraction = write_file (tmp, "fraction.jsonl",
                                          "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1.0, \"label\": \"PLACE\"}]}\n", -1);
  g_autofree char *no_text = write_file (tmp, "notext.jsonl", "{\"id\": \"a\"}\n", -1);
  g_autofree char *dup = write_file (tmp, "dup.jsonl",
                                     "{\"id\": \"d\", \"text\": \"a\"}\n{\"id\": \"d\", \"text\": \"b\"}\n", -1);
  g_autofree char *bad_id = write_file (tmp, "badid.jsonl", "{\"id\": \"../x\", \"text\": \"a\"}\n", -1);
  g_autofree char *bad_utf8 = write_file (tmp, "bad.txt", "line one\nline two\n\xff bad\n", -1);
  g_autofree char *nul = write_file (tmp, "nul.txt", "ab\0cd", 5);
  g_autofree char *csv = write_file (tmp, "notes.csv", "a,b\n", -1);
  g_autofree char *entity = write_file (tmp, "entity.jsonl",
                                        "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"PLACE\", \"entity\": \"e9\"}]}\n", -1);
  g_autofree char *brat_txt = write_file (tmp, "brat/x.txt", "林振邦在青溪市\n", -1);
  g_autofree char *brat_ann = write_file (tmp, "brat/x.ann",
                                          "T1\tOFFICIAL 0 3\t林振邦\nT2\tPERSON 4 7\t青溪市\n", -1);
  g_autofree char *brat2_txt = write_file (tmp, "brat2/y.txt", "林振邦在青溪市\n", -1);
  g_autofree char *brat2_ann = write_file (tmp, "brat2/y.ann", "T1\tOFFICIAL zero 3\t林振邦\n", -1);
  g_autofree char *brat3_txt = write_file (tmp, "brat3/z.txt", "林振邦\n", -1);
  g_autofree char *brat3_ann = write_file (tmp, "brat3/z.ann", "T1\tOFFICIAL 0 30\t林振邦\n", -1);

  assert_import_fails (tmp, project, (const char *[]) { "bad.jsonl: line 2", "JSON", NULL }, good, bad_json, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "unknown.jsonl: line 2", "PERSON", NULL }, good, unknown, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "range.jsonl: line 1", "out of range", NULL }, range, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "reversed.jsonl: line 1", "out of range", NULL }, reversed, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "negative.jsonl: line 1", NULL }, negative, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "utf16.jsonl: line 1", "林振邦", NULL }, utf16, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "types.jsonl: line 1", "integers", NULL }, types, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "fraction.jsonl: line 1, column 47: “end” must be an integer, "
                                                        "written without a fraction or an exponent, not 1.0", NULL },
                       fraction, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "notext.jsonl: line 1", "text", NULL }, no_text, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "dup.jsonl: line 2", "“d”", NULL }, dup, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "badid.jsonl: line 1", "../x", NULL }, bad_id, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "bad.txt: line 3", "byte 18", NULL }, good, bad_utf8, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "nul.txt", "byte 2", NULL }, nul, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "notes.csv", NULL }, csv, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "entity.jsonl: line 1", "e9", NULL }, entity, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "x.ann: line 2", "PERSON", NULL }, good, brat_txt, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "y.ann: line 1", "zero", NULL }, brat2_txt, NULL);
  assert_import_fails (tmp, project, (const char *[]) { "z.ann: line 1", "out of range", NULL }, brat3_txt, NULL);
  /* The same id twice in one run, then again over the project. */
  assert_import_fails (tmp, project, (const char *[]) { "good", "twice", NULL }, good, good, NULL);
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "import", "p", good, NULL), ==, 0);
  /* The same text again adds nothing and says so; another text for the
   * same id is refused, naming both hashes. */
  {
    g_autofree char *err = NULL;
    g_autofree char *before = spanmark_test_snapshot_tree (project);
    g_autofree char *after = NULL;

    g_assert_cmpint (cli_run (tmp, NULL, &err, "import", "p", good, NULL), ==, 0);
    g_assert_nonnull (strstr (err, "already in the project with this text"));
    after = spanmark_test_snapshot_tree (project);
    g_assert_cmpstr (before, ==, after);
  }
  {
    g_autofree char *changed_dir = g_build_filename (tmp, "changed", NULL);
    g_autofree char *changed = g_build_filename (changed_dir, "good.txt", NULL);

    g_assert_no_errno (g_mkdir_with_parents (changed_dir, 0755));
    spanmark_test_write_file (changed, "Another text.\n", -1);
    assert_import_fails (tmp, project, (const char *[]) { "good.txt", "“good”", "another text", NULL }, changed, NULL);
  }
  /* Not a project. */
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (cli_run (tmp, NULL, &err, "import", "brat", good, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "spanmark.json"));
  }

  (void) brat_ann;
  (void) brat2_ann;
  (void) brat3_ann;
  spanmark_test_remove_tree (tmp);
}

static void
test_gb18030 (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = new_project (&project);
  const char *utf8 = "白沙县万亩茶园\r\n迎来丰收季𠮷\n";
  g_autofree char *gb = NULL;
  g_autofree char *path = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  path = write_file (tmp, "gb.txt", gb, len);

  /* Read as UTF-8 it is refused, naming the file and byte. */
  g_assert_cmpint (cli_run (tmp, NULL, &err, "import", "p", path, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "gb.txt: line 1"));
  g_assert_nonnull (strstr (err, "byte 0"));

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "import", "p", "--encoding", "gb18030", path, NULL), ==, 0);
  assert_text (project, "gb", "白沙县万亩茶园\n迎来丰收季𠮷\n");
  assert_validates (project);
  spanmark_test_remove_tree (tmp);
}

static void
test_folder (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = new_project (&project);
  g_autofree char *a = write_file (tmp, "in/b.txt", "乙", -1);
  g_autofree char *b = write_file (tmp, "in/a.txt", "甲", -1);
  g_autofree char *c = write_file (tmp, "in/c.jsonl", "{\"id\": \"c\", \"text\": \"丙\"}\n", -1);
  g_autofree char *d = write_file (tmp, "in/readme.md", "not imported", -1);
  /* No extension, JSON lines inside: what "export -o out" writes. */
  g_autofree char *e = write_file (tmp, "out", "{\"id\": \"e\", \"text\": \"戊\"}\n", -1);
  g_autofree char *ids = NULL;

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "import", "p", "in", "out", NULL), ==, 0);
  ids = index_ids (project);
  g_assert_cmpstr (ids, ==, "a b c e");
  assert_validates (project);
  spanmark_test_remove_tree (tmp);
}

/* Spanmark's N lines (what its brat export writes): a mention linked to
 * an entity id is that entity, alone or with others, and keeps the id
 * (a registry id too); other databases' N lines are ignored; a bad N
 * line of Spanmark's fails with its line. */
static void
test_brat_links (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = new_project (&project);
  g_autofree char *txt = write_file (tmp, "ok/news.txt", "林振邦在青溪市。林书记说好。周海燕、周海燕\n", -1);
  g_autofree char *ann = write_file (tmp, "ok/news.ann",
                                     "T1\tOFFICIAL 0 3\t林振邦\n"
                                     "T2\tPLACE 4 7\t青溪市\n"
                                     "T3\tOFFICIAL 8 11\t林书记\n"
                                     "T4\tOFFICIAL 14 17\t周海燕\n"
                                     "T5\tOFFICIAL 18 21\t周海燕\n"
                                     "N1\tReference T1 Spanmark:wang-5f3a09c1d2\t林振邦\n"
                                     "N2\tReference T3 Spanmark:wang-5f3a09c1d2\t林振邦\n"
                                     "N3\tReference T2 Spanmark:e1\t青溪市\n"
                                     "N4\tReference T4 Wikidata:Q1\t周海燕\n"
                                     "N5\tReference T4 Wikidata:Q2\tSpanmark:e9\n"
                                     "*\tEquiv T4 T5\n", -1);
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *entity;
  JsonArray *spans, *entities;
  struct { const char *dir, *ann, *needle; } bad[] = {
    { "ref", "N1\tReference T9 Spanmark:e1\t林振邦\n", "“T9”" },
    { "notext", "R1\tLocated Arg1:T1 Arg2:T1\nN1\tReference R1 Spanmark:e1\t林振邦\n", "“R1”" },
    { "tab", "N1\tReference T1 Spanmark:e1 林振邦\n", "Spanmark:ENTITY" },
    { "tab2", "N1 Reference T1 Spanmark:e1\t林振邦\n", "Spanmark:ENTITY" },
    { "empty", "N1\tReference T1 Spanmark:\t林振邦\n", "empty" },
    { "two", "N1\tReference T1 Spanmark:e1\t林振邦\nN2\tReference T1 Spanmark:e2\t林振邦\n", "line 2" },
    { "equiv", "T2\tOFFICIAL 0 3\t林振邦\nN1\tReference T1 Spanmark:e1\t林振邦\n"
               "N2\tReference T2 Spanmark:e2\t林振邦\n*\tEquiv T1 T2\n", "“e2”, not “e1”" },
  };

  g_assert_cmpint (cli_run (tmp, NULL, &err, "import", "p", txt, NULL), ==, 0);
  /* Only the Wikidata lines are ignored, "Spanmark:" in a name or not. */
  g_assert_nonnull (strstr (err, "ignored 2 lines"));

  object = annotation_object (&root, project, "imported", "news");
  spans = json_object_get_array_member (object, "spans");
  entities = json_object_get_array_member (object, "entities");
  g_assert_cmpuint (json_array_get_length (entities), ==, 3);

  /* T1 and T3, with no Equiv line: the registry entity, its name from
   * the N line.  T2 alone: an entity of one mention, "e1".  The Equiv
   * group gets the first free e<n>. */
  entity = json_array_get_object_element (entities, 0);
  g_assert_cmpstr (json_object_get_string_member (entity, "id"), ==, "wang-5f3a09c1d2");
  g_assert_cmpstr (json_object_get_string_member (entity, "name"), ==, "林振邦");
  entity = json_array_get_object_element (entities, 1);
  g_assert_cmpstr (json_object_get_string_member (entity, "id"), ==, "e1");
  g_assert_cmpstr (json_object_get_string_member (entity, "name"), ==, "青溪市");
  g_assert_cmpstr (json_object_get_string_member (entity, "label"), ==, "PLACE");
  entity = json_array_get_object_element (entities, 2);
  g_assert_cmpstr (json_object_get_string_member (entity, "id"), ==, "e2");
  g_assert_cmpstr (json_object_get_string_member (entity, "name"), ==, "周海燕");

  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (spans, 0), "entity"), ==, "wang-5f3a09c1d2");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (spans, 1), "entity"), ==, "e1");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (spans, 2), "entity"), ==, "wang-5f3a09c1d2");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (spans, 3), "entity"), ==, "e2");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (spans, 4), "entity"), ==, "e2");
  assert_validates (project);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *name = g_strconcat (bad[i].dir, "/x.txt", NULL);
      g_autofree char *ann_name = g_strconcat (bad[i].dir, "/x.ann", NULL);
      g_autofree char *ann_data = g_strconcat ("T1\tOFFICIAL 0 3\t林振邦\n", bad[i].ann, NULL);
      g_autofree char *bad_txt = write_file (tmp, name, "林振邦\n", -1);
      g_autofree char *bad_ann = write_file (tmp, ann_name, ann_data, -1);

      assert_import_fails (tmp, project, (const char *[]) { "x.ann: line", bad[i].needle, NULL }, bad_txt, NULL);
    }
  spanmark_test_remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/import/txt", test_txt);
  g_test_add_func ("/cli/import/spacy", test_spacy);
  g_test_add_func ("/cli/import/doccano", test_doccano);
  g_test_add_func ("/cli/import/brat", test_brat);
  g_test_add_func ("/cli/import/brat-links", test_brat_links);
  g_test_add_func ("/cli/import/gb18030", test_gb18030);
  g_test_add_func ("/cli/import/folder", test_folder);
  g_test_add_func ("/cli/import/bad-input", test_bad_input);

  return g_test_run ();
}
