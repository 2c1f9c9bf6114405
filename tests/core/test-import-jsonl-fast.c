/* test-import-jsonl-fast.c — the JSON lines importer's fast reader and
 * its slow path give the same documents, spans and errors
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spanmark-import-jsonl-reader.c reads the lines of the shape training
 * code writes without json-glib and leaves every other line to the slow
 * path (the syntax check, then json-glib's tree).  Each input below —
 * the jsonl import's fixtures and fuzz seeds, the bad lines its tests
 * use, lines of every shape the fast reader takes or must refuse, and
 * random mutations of valid lines — is read by the import both ways:
 * the same success or the same error (domain, code, message), the same
 * warnings, documents and annotation files.
 */

#include "config.h"

#include <string.h>

#include "spanmark-annotation-file.h"
#include "spanmark-core.h"
#include "spanmark-import-jsonl-private.h"
#include "spanmark-import-private.h"
#include "project-fixture.h"

/* Valid lines of the shape the fast reader takes (it must take each). */
static const char * const fast_lines[] = {
  "{\"id\":\"n1\",\"text\":\"林振邦在青溪市。\",\"spans\":[{\"start\":0,\"end\":3,\"label\":\"OFFICIAL\",\"text\":\"林振邦\"},"
  "{\"start\":4,\"end\":7,\"label\":\"PLACE\",\"text\":\"青溪市\"}],\"entities\":[]}",
  "{\"text\": \"周海燕到临江区。\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"OFFICIAL\"}, "
  "{\"start\": 4, \"end\": 7, \"label\": \"PLACE\", \"attrs\": {\"kind\": \"区\"}}]}",
  "{\"spans\": [{\"label\": \"PLACE\", \"end\": 3, \"start\": 0, \"entity\": \"e1\"}], \"text\": \"云岚省\", "
  "\"id\": 42, \"title\": \"标题\", \"entities\": [{\"id\": \"e1\", \"label\": \"PLACE\", \"name\": \"云岚\", \"attrs\": {\"kind\": \"省\"}}]}",
  "{\"id\": null, \"title\": null, \"text\": \"a\\\"b\\\\c\\n\\u00e9\\ud83d\\udc4d\\/x\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"PLACE\", "
  "\"text\": \"a\\\"b\", \"entity\": null, \"attrs\": null}], \"entities\": null}",
  "{\"id\": \"crlf\", \"text\": \"云岚省\\r\\n林振邦\", \"spans\": [{\"start\": 5, \"end\": 8, \"label\": \"OFFICIAL\", \"text\": \"林振邦\"}]}",
  "{\"id\": \"bom\", \"text\": \"\\ufeff林振邦\", \"spans\": [{\"start\": 0, \"end\": 4, \"label\": \"OFFICIAL\", \"text\": \"\\ufeff林振邦\"}]}",
  "  {\"text\": \"\", \"spans\": [], \"entities\": []}  \t",
  "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"PERSON\"}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": 2, \"end\": 1, \"label\": \"PLACE\"}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": -1, \"end\": 1, \"label\": \"PLACE\"}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 99999999999, \"label\": \"PLACE\"}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"PLACE\", \"text\": \"b\"}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"PLACE\", \"entity\": \"e9\"}]}",
  "{\"text\": \"abc\", \"entities\": [{\"id\": \"e1\", \"label\": \"PLACE\"}, {\"id\": \"e1\", \"label\": \"PLACE\"}]}",
  "{\"id\": \"../x\", \"text\": \"a\"}",
  "{\"id\": \"d1\", \"text\": \"other text\"}",
  "{\"id\": -7, \"text\": \"a\"}",
  "{\"text\": \"PER.NOM\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"PER.NOM\"}]}",
  /* A label renamed on spans and an entity (the fast reader's strings
   * are its own: the renamed label is the import's). */
  "{\"text\": \"PER.NOM x\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"PER.NOM\", \"entity\": \"e1\"}, "
  "{\"start\": 4, \"end\": 5, \"label\": \"PER.NOM\"}], \"entities\": [{\"id\": \"e1\", \"label\": \"PER.NOM\"}]}",
};

/* Lines the fast reader must leave to the slow path. */
static const char * const slow_lines[] = {
  "{\"text\": \"abc\", \"label\": [[0, 1, \"PLACE\"]]}",
  "{\"text\": \"abc\", \"meta\": {\"source\": \"x\"}}",
  "{\"text\": \"abc\", \"other\": 1}",
  "{\"text\": \"abc\", \"text\": \"abd\"}",
  "{\"te\\u0078t\": \"abc\"}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1.0, \"label\": \"PLACE\"}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1e0, \"label\": \"PLACE\"}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": 00, \"end\": 1, \"label\": \"PLACE\"}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": -0, \"end\": 1, \"label\": \"PLACE\"}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": \"0\", \"end\": 1, \"label\": \"PLACE\"}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start_offset\": 0, \"end_offset\": 1, \"label\": \"PLACE\"}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"PLACE\", \"label\": \"PLACE\"}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"PLACE\", \"attrs\": {\"k\": \"a\", \"k\": \"b\"}}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"PLACE\", \"attrs\": {\"k\": 1}}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"PLACE\", \"attrs\": {\"\\u006b\": \"a\"}}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1}]}",
  "{\"text\": \"abc\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"PLACE\"},]}",
  "{\"text\": \"abc\", \"spans\": {}}",
  "{\"text\": \"abc\", \"entities\": [{\"id\": \"e1\", \"label\": \"PLACE\", \"start_offset\": 0, \"end_offset\": 1}], \"relations\": []}",
  "{\"text\": \"abc\", \"entities\": [{\"id\": 1, \"label\": \"PLACE\"}]}",
  "{\"text\": \"a\\u0000b\"}",
  "{\"text\": \"a\\ud800b\"}",
  "{\"text\": \"a\\xb\"}",
  "{\"text\": \"abc\"} x",
  "{\"text\": \"abc\"}{}",
  "{\"text\": \"abc\",}",
  "{\"text\": 3}",
  "{\"id\": true, \"text\": \"a\"}",
  "{\"id\": 1234567890123456789, \"text\": \"a\"}",
  "{\"title\": 5, \"text\": \"a\"}",
  "{}",
  "[]",
  "\"text\"",
  "{\"text\": \"abc\" /* c */}",
  "{'text': 'abc'}",
  "{\"text\": \"abc\"\x0b}",
};

/* Characters a mutation puts in. */
static const char * const inserts[] = {
  "{", "}", "[", "]", ":", ",", "\"", "\\", " ", "0", "1", "-", ".", "e", "n", "null", "\\u", "\\ud800",
  "\\u0000", "\\n", "\\r", "\r", "\t", "x", "é", "林", "\xff", "\xef\xbb\xbf", "\"text\": \"\"", "\"spans\": []",
  "{\"start\": 0, \"end\": 1, \"label\": \"PLACE\"}", "99999999999999999999",
};

typedef struct
{
  gboolean   ok;
  GError    *error;
  GPtrArray *warnings;
  GString   *result;   /* documents and annotation files, written out */
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_error (&outcome->error);
  g_clear_pointer (&outcome->warnings, g_ptr_array_unref);
  if (outcome->result != NULL)
    g_string_free (g_steal_pointer (&outcome->result), TRUE);
}

/* The import of @data as @name, one way (@fast); @mode 1 with
 * --add-labels, 2 with --skip-invalid too. */
static void
import_data (SpanmarkProject *project,
             const char      *name,
             const char      *data,
             gsize            len,
             int              mode,
             gboolean         fast,
             Outcome         *outcome)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SpanmarkSchema) schema = NULL;
  SpanmarkImportOptions options = { .annotator = "alice", .add_labels = mode >= 1, .skip_invalid = mode >= 2 };

  outcome->warnings = g_ptr_array_new_with_free_func (g_free);
  outcome->result = g_string_new (NULL);
  _spanmark_import_jsonl_set_fast (fast);
  outcome->ok = _spanmark_import_check_data (project, &options, name, data, len, NULL, 0,
                                             documents, sets, outcome->warnings, &schema, &outcome->error);
  _spanmark_import_jsonl_set_fast (TRUE);

  for (guint i = 0; i < documents->len; i++)
    {
      SpanmarkDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *file = spanmark_json_write_annotations (g_ptr_array_index (sets, i), NULL, NULL);
      JsonObject *meta = spanmark_document_get_meta (document);
      g_autofree char *meta_json = NULL;

      if (meta != NULL)
        {
          g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

          json_node_set_object (node, meta);
          meta_json = json_to_string (node, FALSE);
        }
      g_string_append_printf (outcome->result, "%s %s [%s] %s\n%s",
                              spanmark_document_get_id (document), spanmark_document_get_path (document),
                              spanmark_document_get_title (document) != NULL ? spanmark_document_get_title (document) : "(none)",
                              meta_json != NULL ? meta_json : "(no meta)", file);
    }
  if (schema != NULL)
    for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
      g_string_append_printf (outcome->result, "label %s\n",
                              spanmark_schema_get_label (schema, i)->name);
}

/* Both paths, with each set of options: the same outcome. */
static void
assert_same (SpanmarkProject *project,
             const char      *name,
             const char      *data,
             gsize            len)
{
  for (int mode = 0; mode <= 2; mode++)
    {
      Outcome fast = { 0 }, slow = { 0 };

      import_data (project, name, data, len, mode, TRUE, &fast);
      import_data (project, name, data, len, mode, FALSE, &slow);

      if (fast.ok != slow.ok || (fast.error == NULL) != (slow.error == NULL) ||
          (fast.error != NULL && (fast.error->domain != slow.error->domain || fast.error->code != slow.error->code ||
                                  strcmp (fast.error->message, slow.error->message) != 0)))
        g_error ("%s: fast path %s, slow path %s, for: %.*s", name,
                 fast.error != NULL ? fast.error->message : "succeeds",
                 slow.error != NULL ? slow.error->message : "succeeds", (int) len, data);
      g_assert_cmpuint (fast.warnings->len, ==, slow.warnings->len);
      for (guint i = 0; i < fast.warnings->len; i++)
        g_assert_cmpstr (g_ptr_array_index (fast.warnings, i), ==, g_ptr_array_index (slow.warnings, i));
      if (strcmp (fast.result->str, slow.result->str) != 0)
        g_error ("%s: fast path gives\n%s\nslow path\n%s\nfor: %.*s", name,
                 fast.result->str, slow.result->str, (int) len, data);

      outcome_clear (&fast);
      outcome_clear (&slow);
    }
}

/* Whether the fast reader takes @line. */
static gboolean
fast_takes (const char *line)
{
  JsonlLine out;
  gboolean taken;

  _spanmark_import_jsonl_line_init (&out);
  taken = _spanmark_import_jsonl_read_fast (line, strlen (line), "stem", 1, &out);
  if (!taken)
    {
      g_assert_null (out.id);
      g_assert_cmpuint (out.spans->len, ==, 0);
      g_assert_cmpuint (out.entities->len, ==, 0);
    }
  _spanmark_import_jsonl_line_clear (&out);
  return taken;
}

typedef struct
{
  char            *dir;
  SpanmarkProject *project;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = spanmark_test_make_tmpdir ();
  fixture->project = fixture_make_project (fixture->dir, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  spanmark_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Each line alone, and all of them as one file (ids twice, lines after
 * a bad one). */
static void
test_lines (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fast_lines); i++)
    {
      g_test_message ("fast: %s", fast_lines[i]);
      g_assert_true (fast_takes (fast_lines[i]));
      assert_same (fixture->project, "lines.jsonl", fast_lines[i], strlen (fast_lines[i]));
      g_string_append_printf (all, "%s\n", fast_lines[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (slow_lines); i++)
    {
      g_test_message ("slow: %s", slow_lines[i]);
      g_assert_false (fast_takes (slow_lines[i]));
      assert_same (fixture->project, "lines.jsonl", slow_lines[i], strlen (slow_lines[i]));
      g_string_append_printf (all, "%s\r\n", slow_lines[i]);
    }
  assert_same (fixture->project, "all.jsonl", all->str, all->len);
}

/* The jsonl import's own inputs: the CLI tests' fixtures and the fuzz
 * seeds of both JSON lines targets. */
static void
test_files (Fixture       *fixture,
            gconstpointer  data)
{
  const char *folders[] = { "fuzz/corpus/import-spacy", "fuzz/corpus/import-doccano", "fuzz/regressions/import-spacy",
                            "fuzz/regressions/import-doccano" };
  const char *fixtures[] = { "spacy.jsonl", "doccano.jsonl" };
  guint n_files = 0, n_taken = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "cli", "fixtures", fixtures[i], NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      assert_same (fixture->project, fixtures[i], contents, len);
      n_files++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, folders[i], NULL);
      g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
      const char *name;

      while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autofree char *contents = NULL;
          g_auto(GStrv) lines = NULL;
          gsize len = 0;

          g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
          g_test_message ("%s", path);
          assert_same (fixture->project, "seed.jsonl", contents, len);
          n_files++;
          lines = g_strsplit (contents, "\n", -1);
          for (guint j = 0; lines[j] != NULL; j++)
            n_taken += lines[j][0] != '\0' && fast_takes (lines[j]);
        }
    }
  /* The seeds hold lines of the fast shape (the export's own). */
  g_assert_cmpuint (n_files, >=, 10);
  g_assert_cmpuint (n_taken, >, 0);
}

/* Random edits of the valid lines: deleted, replaced and inserted
 * bytes, one to three a line. */
static void
test_mutations (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint n_fast = 0, n_slow = 0;

  for (guint round = 0; round < 4000; round++)
    {
      g_autoptr(GString) line = g_string_new (fast_lines[g_rand_int_range (rand, 0, G_N_ELEMENTS (fast_lines))]);
      guint n_edits = g_rand_int_range (rand, 1, 4);

      for (guint e = 0; e < n_edits; e++)
        {
          guint at = g_rand_int_range (rand, 0, line->len + 1);
          gsize n = g_rand_int_range (rand, 1, 8);

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              if (at < line->len)
                g_string_erase (line, at, MIN (n, line->len - at));
              break;
            case 1:
              if (at < line->len)
                line->str[at] = "{}[]:,\"\\ 0123456789-.eEnul"[g_rand_int_range (rand, 0, 27)];
              break;
            default:
              g_string_insert (line, at, inserts[g_rand_int_range (rand, 0, G_N_ELEMENTS (inserts))]);
              break;
            }
        }

      if (fast_takes (line->str))
        n_fast++;
      else
        n_slow++;
      assert_same (fixture->project, "mutated.jsonl", line->str, line->len);
    }
  g_test_message ("%u mutated lines taken by the fast reader, %u left to the slow path", n_fast, n_slow);
  /* Both paths were exercised. */
  g_assert_cmpuint (n_fast, >, 100);
  g_assert_cmpuint (n_slow, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import-jsonl-fast/lines", Fixture, NULL, fixture_set_up, test_lines, fixture_tear_down);
  g_test_add ("/import-jsonl-fast/files", Fixture, NULL, fixture_set_up, test_files, fixture_tear_down);
  g_test_add ("/import-jsonl-fast/mutations", Fixture, NULL, fixture_set_up, test_mutations, fixture_tear_down);

  return g_test_run ();
}
