/* test-agree.c — spanmark-cli agree: figures, output and errors
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

/* The golden case of tests/review/test-agreement.c as a project: d1 has
 * the twelve units (A, B, C as there), d2 is a second document only a
 * and b have, in full agreement. */
static char *
make_golden (void)
{
  const char *docs[] = { "d2", "车俊到杭州。\n", NULL };
  char *tmp = cli_make_golden_project (docs);
  g_autofree char *dir = g_build_filename (tmp, "p", NULL);

  cli_write_annotations (dir, "a", "d2", "in-progress", "OFFICIAL 0 2, PLACE 3 5");
  cli_write_annotations (dir, "b", "d2", "done", "OFFICIAL 0 2, PLACE 3 5");
  return tmp;
}

static JsonObject *
find_pair (JsonObject *agreement,
           const char *a,
           const char *b)
{
  JsonArray *pairs = json_object_get_array_member (agreement, "pairs");

  for (guint i = 0; i < json_array_get_length (pairs); i++)
    {
      JsonObject *pair = json_array_get_object_element (pairs, i);

      if (g_str_equal (json_object_get_string_member (pair, "a"), a) &&
          g_str_equal (json_object_get_string_member (pair, "b"), b))
        return pair;
    }
  g_assert_not_reached ();
}

static void
assert_double (JsonObject *object,
               const char *member,
               double      expected)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *reason_name = g_strconcat (member, "_reason", NULL);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat_with_epsilon (json_node_get_double (node), expected, 1e-12);
  g_assert_false (json_object_has_member (object, reason_name));
}

static void
assert_null (JsonObject *object,
             const char *member,
             const char *reason)
{
  g_autofree char *reason_name = g_strconcat (member, "_reason", NULL);

  g_assert_true (json_object_has_member (object, member));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (object, member)));
  g_assert_cmpstr (json_object_get_string_member (object, reason_name), ==, reason);
}

static void
test_json (void)
{
  g_autofree char *tmp = make_golden ();
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *agreement, *pair, *label;
  JsonArray *annotators;

  g_assert_cmpint (cli_run (tmp, &out, NULL, "agree", "p", "--json", NULL), ==, 0);
  agreement = cli_parse_object (parser, out);

  annotators = json_object_get_array_member (agreement, "annotators");
  g_assert_cmpuint (json_array_get_length (annotators), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (annotators, 0), ==, "a");
  g_assert_cmpstr (json_array_get_string_element (annotators, 2), ==, "c");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (agreement, "pairs")), ==, 3);

  /* a and b: d1 (κ 11/13 on its own) and d2 in full agreement. */
  pair = find_pair (agreement, "a", "b");
  g_assert_cmpint (json_object_get_int_member (pair, "documents"), ==, 2);
  /* d2: 车俊到杭州。 is six units. */
  g_assert_cmpint (json_object_get_int_member (pair, "units"), ==, 18);
  g_assert_cmpint (json_object_get_int_member (pair, "both"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (pair, "a_only"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (pair, "b_only"), ==, 1);
  assert_double (pair, "span_f1", 6.0 / 8.0);
  /* A = O P P O O O F F F O O O F F O P P O, B the same but unit 8 O:
   * A_o = 17/18, A_e = (9·10 + 4·4 + 5·4)/324, κ = (306 − 126)/(324 − 126). */
  assert_double (pair, "kappa", 180.0 / 198.0);

  label = json_object_get_object_member (json_object_get_object_member (pair, "labels"), "INITIATIVE");
  assert_null (label, "kappa", "single-category");
  assert_null (label, "f1", "no-spans");
  g_assert_cmpint (json_object_get_int_member (label, "both"), ==, 0);
  label = json_object_get_object_member (json_object_get_object_member (pair, "labels"), "PLACE");
  assert_double (label, "kappa", 1.0);
  assert_double (label, "f1", 1.0);
  g_assert_cmpint (json_object_get_int_member (label, "both"), ==, 2);

  pair = find_pair (agreement, "a", "c");
  g_assert_cmpint (json_object_get_int_member (pair, "documents"), ==, 1);
  assert_double (pair, "kappa", 70.0 / 94.0);
  assert_double (pair, "span_f1", 0.4);
  pair = find_pair (agreement, "b", "c");
  assert_double (pair, "kappa", 56.0 / 92.0);
  assert_double (pair, "span_f1", 0.0);

  /* Fleiss' κ over d1 only, the one document all three have. */
  assert_double (agreement, "fleiss_kappa", 0.7237851662404093);
  g_assert_cmpint (json_object_get_int_member (agreement, "fleiss_documents"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (agreement, "fleiss_units"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (agreement, "alpha_units"), ==, 18);
  g_assert_true (json_object_has_member (agreement, "alpha"));
  g_assert_false (json_object_has_member (agreement, "documents"));

  spanmark_test_remove_tree (tmp);
}

static void
test_status_done (void)
{
  g_autofree char *tmp = make_golden ();
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *agreement, *pair;

  /* Done: a and b on d1; c has nothing done. */
  g_assert_cmpint (cli_run (tmp, &out, NULL, "agree", "p", "--json", "--status", "done", NULL), ==, 0);
  agreement = cli_parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (agreement, "status"), ==, "done");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (agreement, "annotator_documents"),
                                               "c"), ==, 0);
  pair = find_pair (agreement, "a", "b");
  g_assert_cmpint (json_object_get_int_member (pair, "documents"), ==, 1);
  assert_double (pair, "kappa", 11.0 / 13.0);
  pair = find_pair (agreement, "a", "c");
  g_assert_cmpint (json_object_get_int_member (pair, "documents"), ==, 0);
  assert_null (pair, "kappa", "no-documents");
  assert_null (pair, "span_f1", "no-documents");
  assert_null (agreement, "fleiss_kappa", "no-documents");

  spanmark_test_remove_tree (tmp);
}

static void
test_by_document (void)
{
  g_autofree char *tmp = make_golden ();
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *agreement, *document;
  JsonArray *documents, *pairs;

  g_assert_cmpint (cli_run (tmp, &out, NULL, "agree", "p", "--json", "--by-document", NULL), ==, 0);
  agreement = cli_parse_object (parser, out);
  documents = json_object_get_array_member (agreement, "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 2);

  /* d1 disagrees, d2 does not: d1 first. */
  document = json_array_get_object_element (documents, 0);
  g_assert_cmpstr (json_object_get_string_member (document, "id"), ==, "d1");
  pairs = json_object_get_array_member (document, "pairs");
  g_assert_cmpuint (json_array_get_length (pairs), ==, 3);
  assert_double (json_array_get_object_element (pairs, 0), "kappa", 11.0 / 13.0);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (pairs, 0), "units"), ==, 12);

  document = json_array_get_object_element (documents, 1);
  g_assert_cmpstr (json_object_get_string_member (document, "id"), ==, "d2");
  pairs = json_object_get_array_member (document, "pairs");
  /* Only a and b have d2. */
  g_assert_cmpuint (json_array_get_length (pairs), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (pairs, 0), "b"), ==, "b");
  assert_double (json_array_get_object_element (pairs, 0), "kappa", 1.0);

  /* The table lists the same order. */
  g_assert_cmpint (cli_run (tmp, &text, NULL, "agree", "p", "--by-document", NULL), ==, 0);
  g_assert_nonnull (strstr (text, "\nd1 "));
  g_assert_true (strstr (text, "\nd1 ") < strstr (text, "\nd2 "));

  spanmark_test_remove_tree (tmp);
}

static void
test_text (void)
{
  g_autofree char *tmp = make_golden ();
  g_autofree char *out = NULL;

  g_assert_cmpint (cli_run (tmp, &out, NULL, "agree", "p", "--annotators", "a,c", NULL), ==, 0);
  g_test_message ("%s", out);
  /* The pair row: 1 document, 12 units, κ, F1, spans both / a / c only. */
  g_assert_nonnull (strstr (out, "a · c          1     12      0.745    0.400     1           1            2\n"));
  /* Undefined figures say why, never "nan". */
  g_assert_nonnull (strstr (out, "— (needs three annotators)"));
  g_assert_null (strstr (out, "nan"));
  g_assert_null (strstr (out, "b ·"));

  spanmark_test_remove_tree (tmp);
}

/* _curated is not an annotator unless it is named. */
static void
test_curated (void)
{
  g_autofree char *tmp = make_golden ();
  g_autofree char *dir = g_build_filename (tmp, "p", NULL);
  g_autofree char *out = NULL;
  g_autofree char *named = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) named_parser = json_parser_new ();
  JsonArray *annotators;

  cli_write_annotations (dir, "_curated", "d1", "reviewed", "PLACE 1 3, OFFICIAL 6 9");

  g_assert_cmpint (cli_run (tmp, &out, NULL, "agree", "p", "--json", NULL), ==, 0);
  annotators = json_object_get_array_member (cli_parse_object (parser, out), "annotators");
  g_assert_cmpuint (json_array_get_length (annotators), ==, 3);

  g_assert_cmpint (cli_run (tmp, &named, NULL, "agree", "p", "--json", "--annotators", "a,_curated",
                            "--status", "done", NULL), ==, 0);
  {
    JsonObject *agreement = cli_parse_object (named_parser, named);
    JsonObject *pair = find_pair (agreement, "a", "_curated");

    /* Reviewed counts as finished for the curated version. */
    g_assert_cmpint (json_object_get_int_member (pair, "documents"), ==, 1);
    assert_double (pair, "kappa", 1.0);
  }

  spanmark_test_remove_tree (tmp);
}

static void
assert_usage_error (const char *tmp,
                    const char *expected,
                    ...)
{
  const char *args[8] = { "agree", "p" };
  const char *arg;
  guint n = 2;
  va_list ap;

  va_start (ap, expected);
  while ((arg = va_arg (ap, const char *)) != NULL && n < G_N_ELEMENTS (args) - 1)
    args[n++] = arg;
  va_end (ap);

  cli_assert_fails (tmp, "p", 2, expected, args);
}

static void
test_usage_errors (void)
{
  g_autofree char *tmp = make_golden ();
  g_autofree char *help = NULL;

  assert_usage_error (tmp, "“zoe”", "--annotators", "a,zoe", NULL, NULL);
  assert_usage_error (tmp, "annotators: a, b, c", "--annotators", "a,zoe", NULL, NULL);
  assert_usage_error (tmp, "at least two annotators", "--annotators", "b", NULL, NULL);
  assert_usage_error (tmp, "named twice", "--annotators", "a,b,a", NULL, NULL);
  assert_usage_error (tmp, "separated by commas", "--annotators", "a,,b", NULL, NULL);
  assert_usage_error (tmp, "unknown status", "--status", "finished", NULL, NULL);
  assert_usage_error (tmp, "too many arguments", "q", NULL, NULL, NULL);

  g_assert_cmpint (cli_run (tmp, &help, NULL, "agree", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (help, "--annotators"));
  g_assert_nonnull (strstr (help, "an annotator without annotations"));

  spanmark_test_remove_tree (tmp);
}

/* A project with one annotator has nobody to compare. */
static void
test_one_annotator (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  const char *docs[] = { "d1", "abc", NULL };
  g_autofree char *dir = g_build_filename (tmp, "p", NULL);
  g_autofree char *err = NULL;

  cli_make_project (tmp, docs);
  cli_write_annotations (dir, "alice", "d1", "done", "PLACE 0 2");
  cli_write_annotations (dir, "_curated", "d1", "reviewed", "PLACE 0 2");
  g_assert_cmpint (cli_run (tmp, NULL, &err, "agree", "p", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "at least two annotators, and there is only “alice”"));

  spanmark_test_remove_tree (tmp);
}

/* An annotator with a folder but no files, and empty documents: the
 * figures say why they are undefined. */
static void
test_no_files (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  const char *docs[] = { "d1", " \n", "d2", "ab", NULL };
  g_autofree char *dir = g_build_filename (tmp, "p", NULL);
  g_autofree char *carol = g_build_filename (dir, "annotations", "carol", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *agreement;

  cli_make_project (tmp, docs);
  cli_write_annotations (dir, "alice", "d1", "done", "");
  cli_write_annotations (dir, "bob", "d1", "done", "");
  g_assert_cmpint (g_mkdir (carol, 0755), ==, 0);

  g_assert_cmpint (cli_run (tmp, &out, NULL, "agree", "p", "--json", "--by-document", NULL), ==, 0);
  agreement = cli_parse_object (parser, out);
  assert_null (find_pair (agreement, "alice", "bob"), "kappa", "no-units");
  assert_null (find_pair (agreement, "alice", "bob"), "span_f1", "no-spans");
  assert_null (find_pair (agreement, "alice", "carol"), "kappa", "no-documents");
  assert_null (agreement, "alpha", "no-units");
  assert_null (agreement, "fleiss_kappa", "no-documents");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (agreement, "annotator_documents"),
                                               "carol"), ==, 0);
  g_assert_null (strstr (out, "nan"));
  g_assert_null (strstr (out, "NaN"));

  spanmark_test_remove_tree (tmp);
}

/* A file that does not load: exit 1, the message names it and the
 * place; nothing is written. */
static void
test_bad_file (void)
{
  struct {
    const char *data;
    const char *expected;
  } cases[] = {
    { "{\"spanmark\": 1, \"document\": \"d1\", \"annotator\": \"b\",", "annotations/b/d1.json: " },
    { "[1, 2]", "annotations/b/d1.json: " },
    { "{\"spanmark\": 1, \"document\": \"d1\", \"text_sha256\": \"00\", \"annotator\": \"b\", "
      "\"status\": \"done\", \"spans\": []}", "text_sha256" },
    { "{\"spanmark\": 1, \"document\": \"d1\", \"text_sha256\": \"SHA\", \"annotator\": \"b\", "
      "\"status\": \"done\", \"spans\": [{\"id\": \"s1\", \"start\": 3, \"end\": 99, \"label\": \"PLACE\", "
      "\"text\": \"x\"}]}", "spans[0] (id \"s1\")" },
    { "{\"spanmark\": 1, \"document\": \"d1\", \"text_sha256\": \"SHA\", \"annotator\": \"b\", "
      "\"status\": \"done\", \"spans\": [{\"id\": \"s1\", \"start\": 0, \"end\": 1, \"label\": \"\\ud800\", "
      "\"text\": \"a\"}]}", "annotations/b/d1.json: " },
    { "{\"spanmark\": 1, \"document\": \"d1\", \"text_sha256\": \"SHA\", \"annotator\": \"b\", "
      "\"status\": \"done\", \"spans\": [{\"id\": \"s1\", \"start\": 0, \"end\": 1, \"label\": \"PLACE\", "
      "\"text\": \"\xff\"}]}", "annotations/b/d1.json: " },
  };
  g_autofree char *tmp = make_golden ();
  g_autofree char *dir = g_build_filename (tmp, "p", NULL);
  g_autofree char *path = g_build_filename (dir, "annotations", "b", "d1.json", NULL);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "abcdefghijkl", -1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) data = g_string_new (cases[i].data);
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_string_replace (data, "SHA", sha, 1);
      g_file_set_contents (path, data->str, data->len, &error);
      g_assert_no_error (error);

      before = spanmark_test_snapshot_tree (dir);
      g_assert_cmpint (cli_run (tmp, &out, &err, "agree", "p", "--json", NULL), ==, 1);
      g_assert_nonnull (strstr (err, cases[i].expected));
      g_assert_cmpstr (out, ==, "");
      after = spanmark_test_snapshot_tree (dir);
      g_assert_cmpstr (before, ==, after);
    }

  spanmark_test_remove_tree (tmp);
}

/* The fast reader and the project's loader give the same figures. */
static void
test_slow_path (void)
{
  g_autofree char *tmp = make_golden ();
  g_autofree char *fast = NULL;
  g_autofree char *slow = NULL;

  g_assert_cmpint (cli_run (tmp, &fast, NULL, "agree", "p", "--json", "--by-document", NULL), ==, 0);
  g_setenv ("SPANMARK_EXPORT_SLOW", "1", TRUE);
  g_assert_cmpint (cli_run (tmp, &slow, NULL, "agree", "p", "--json", "--by-document", NULL), ==, 0);
  g_unsetenv ("SPANMARK_EXPORT_SLOW");
  g_assert_cmpstr (fast, ==, slow);

  spanmark_test_remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/agree/json", test_json);
  g_test_add_func ("/cli/agree/status-done", test_status_done);
  g_test_add_func ("/cli/agree/by-document", test_by_document);
  g_test_add_func ("/cli/agree/text", test_text);
  g_test_add_func ("/cli/agree/curated", test_curated);
  g_test_add_func ("/cli/agree/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/agree/one-annotator", test_one_annotator);
  g_test_add_func ("/cli/agree/no-files", test_no_files);
  g_test_add_func ("/cli/agree/bad-file", test_bad_file);
  g_test_add_func ("/cli/agree/slow-path", test_slow_path);

  return g_test_run ();
}
