/* test-corpus-readers.c — stats and validate with the fast reader, against the loader
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spanmark_corpus_counts_new() (stats) reads with the export's fast
 * reader in worker threads, and so does validation where the fast reader
 * takes a file.  These tests generate a project with several annotators,
 * nested and repeated spans, entities, missing files and broken ones;
 * count it the way `stats` used to (the loader, one file after another)
 * and compare every figure and every error message, in order; and
 * validate it with and without the fast reader and compare every line.
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "project-fixture.h"
#include "spanmark-json.h"
#include "spanmark-validate-private.h"

#define N_DOCUMENTS 60

static const char *annotators[] = { "_curated", "alice", "bob", "carol", NULL };
static const char *labels[] = { "OFFICIAL", "PLACE", "INITIATIVE" };
static const char *pieces[] = { "市", "长", "王", "小", "明", "🙂", "𠀋", "a", "b", " ", "\n", "，", "é" };

static char *
make_text (GRand *rand,
           guint *length)
{
  GString *text = g_string_new (NULL);

  *length = g_rand_int_range (rand, 20, 120);
  for (guint i = 0; i < *length; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return g_string_free (text, FALSE);
}

static void
save_set (SpanmarkProject *project,
          const char      *id,
          const char      *annotator,
          const char      *text,
          guint            length,
          GRand           *rand)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new (id, annotator, text);
  g_autoptr(GError) error = NULL;
  guint n_entities = g_rand_int_range (rand, 0, 3);
  guint n_spans = g_rand_int_range (rand, 0, 12);

  for (guint e = 0; e < n_entities; e++)
    {
      g_autofree char *entity_id = g_strdup_printf ("e%u", e + 1);
      g_autoptr(SpanmarkEntity) entity = spanmark_entity_new (entity_id, labels[e % 3], "王小明");

      if (e == 0)
        g_hash_table_insert (entity->attrs, g_strdup ("title"), g_strdup ("市长 \"quoted\""));
      spanmark_annotation_set_load_entity (set, entity);
    }
  for (guint s = 0; s < n_spans; s++)
    {
      g_autofree char *span_id = g_strdup_printf ("s%u", s + 1);
      guint start = g_rand_int_range (rand, 0, length - 1);
      guint end = g_rand_int_range (rand, start + 1, MIN (length, start + 6) + 1);
      g_autoptr(SpanmarkSpan) span = spanmark_span_new (span_id, start, end,
                                                        labels[g_rand_int_range (rand, 0, 3)], NULL);

      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          g_hash_table_insert (span->attrs, g_strdup ("kind"), g_strdup ("县\t级"));
          g_hash_table_insert (span->attrs, g_strdup ("a"), g_strdup (""));
        }
      /* Some mentions of the entities, some spans nested or repeated. */
      if (n_entities > 0 && g_rand_int_range (rand, 0, 3) == 0)
        {
          g_free (span->entity);
          span->entity = g_strdup_printf ("e%u", g_rand_int_range (rand, 0, n_entities) + 1);
        }
      spanmark_annotation_set_load_span (set, span);
    }
  spanmark_annotation_set_load_status (set, g_rand_int_range (rand, 0, SPANMARK_N_STATUSES));
  /* A curated file with rejections: valid, but one the fast reader
   * leaves to the loader. */
  if (g_str_equal (annotator, SPANMARK_CURATED_ANNOTATOR))
    spanmark_annotation_set_load_rejection (set, 0, 1, "PLACE");

  g_assert_true (spanmark_project_save_annotations (project, set, &error));
  g_assert_no_error (error);
}

/* A project of N_DOCUMENTS documents in @tmp/p, each annotator having
 * worked on most of them. */
static char *
make_corpus (const char *tmp)
{
  g_autofree char *dir = g_build_filename (tmp, "p", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1128);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkProject) project = spanmark_project_create (file, "Counts", &error);

  g_assert_no_error (error);
  for (guint d = 0; d < N_DOCUMENTS; d++)
    {
      g_autofree char *id = g_strdup_printf ("d%03u", d);
      guint length;
      g_autofree char *text = make_text (rand, &length);

      g_assert_nonnull (spanmark_project_add_document (project, id, text, NULL, &error));
      g_assert_no_error (error);
      for (guint a = 0; annotators[a] != NULL; a++)
        if (g_rand_int_range (rand, 0, 5) != 0)
          save_set (project, id, annotators[a], text, length, rand);
    }
  g_assert_true (spanmark_project_save (project, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&dir);
}

/* Every kind of file the counts must leave out or take as new. */
static void
break_corpus (const char *dir)
{
  g_autofree char *fifo = g_build_filename (dir, "annotations/bob/d011.json", NULL);
  g_autofree char *dangling = g_build_filename (dir, "annotations/carol/d012.json", NULL);
  g_autofree char *link_out = g_build_filename (dir, "documents/d045.txt", NULL);

  /* A text that is not UTF-8, one that a link leads out of the project. */
  fixture_write (dir, "documents/d003.txt", "\xff\xfe broken", -1);
  g_assert_cmpint (g_unlink (link_out), ==, 0);
  g_assert_cmpint (symlink ("/etc/hostname", link_out), ==, 0);
  /* Corrupt JSON, a hash that does not match, a span out of range. */
  fixture_write (dir, "annotations/alice/d007.json", "{\"spanmark\": 1, \"document\": ", -1);
  fixture_write (dir, "documents/d008.txt", "another text\n", -1);
  fixture_write (dir, "annotations/alice/d020.json",
                 "{\"spanmark\": 1, \"document\": \"d020\", \"annotator\": \"alice\", "
                 "\"text_sha256\": \"00\", \"status\": \"done\", \"spans\": [], \"entities\": []}\n", -1);
  /* A FIFO where a file should be (an error), a link to nothing (no file). */
  g_unlink (fifo);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_unlink (dangling);
  g_assert_cmpint (symlink ("nowhere.json", dangling), ==, 0);
}

typedef struct
{
  guint64     n_characters;
  guint       n_status[G_N_ELEMENTS (annotators) - 1][SPANMARK_N_STATUSES];
  guint       n_spans[G_N_ELEMENTS (annotators) - 1];
  guint       n_entities[G_N_ELEMENTS (annotators) - 1];
  GHashTable *labels[G_N_ELEMENTS (annotators) - 1];  /* label -> count */
  GPtrArray  *errors;
} Expected;

/* The counts as `stats` made them before: the project's loader, one
 * document and one file after another. */
static void
count_with_loader (SpanmarkProject *project,
                   Expected        *expected)
{
  expected->errors = g_ptr_array_new_with_free_func (g_free);
  for (guint a = 0; annotators[a] != NULL; a++)
    expected->labels[a] = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint d = 0; d < spanmark_project_get_n_documents (project); d++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (project, d);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = spanmark_project_load_text (project, document, &error);

      if (text == NULL)
        {
          g_ptr_array_add (expected->errors, g_strdup (error->message));
          continue;
        }
      expected->n_characters += g_utf8_strlen (text, -1);

      for (guint a = 0; annotators[a] != NULL; a++)
        {
          g_autoptr(GFile) file = spanmark_project_get_annotation_file (project, document, annotators[a]);
          g_autoptr(SpanmarkAnnotationSet) set = NULL;

          if (!g_file_query_exists (file, NULL))
            {
              expected->n_status[a][SPANMARK_STATUS_NEW]++;
              continue;
            }
          set = spanmark_project_load_annotations (project, document, annotators[a], &error);
          if (set == NULL)
            {
              g_ptr_array_add (expected->errors, g_strdup (error->message));
              g_clear_error (&error);
              continue;
            }
          expected->n_status[a][spanmark_annotation_set_get_status (set)]++;
          expected->n_spans[a] += spanmark_annotation_set_get_n_spans (set);
          expected->n_entities[a] += spanmark_annotation_set_get_n_entities (set);
          for (guint s = 0; s < spanmark_annotation_set_get_n_spans (set); s++)
            {
              const char *label = spanmark_annotation_set_get_span (set, s)->label;
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (expected->labels[a], label));

              g_hash_table_insert (expected->labels[a], (char *) spanmark_schema_lookup (
                                     spanmark_project_get_schema (project), label)->name,
                                   GUINT_TO_POINTER (n + 1));
            }
        }
    }
}

static void
expected_clear (Expected *expected)
{
  for (guint a = 0; annotators[a] != NULL; a++)
    g_clear_pointer (&expected->labels[a], g_hash_table_unref);
  g_clear_pointer (&expected->errors, g_ptr_array_unref);
}

static void
assert_counts_equal (SpanmarkProject            *project,
                     const SpanmarkCorpusCounts *counts,
                     const Expected             *expected)
{
  guint total_spans = 0, total_entities = 0;

  g_assert_cmpuint (counts->n_documents, ==, spanmark_project_get_n_documents (project));
  g_assert_cmpuint (counts->n_characters, ==, expected->n_characters);
  g_assert_cmpuint (counts->annotators->len, ==, g_strv_length ((char **) annotators));

  for (guint a = 0; annotators[a] != NULL; a++)
    {
      const SpanmarkAnnotatorCounts *got = g_ptr_array_index (counts->annotators, a);

      g_assert_cmpstr (got->annotator, ==, annotators[a]);
      for (guint s = 0; s < SPANMARK_N_STATUSES; s++)
        g_assert_cmpuint (got->n_status[s], ==, expected->n_status[a][s]);
      g_assert_cmpuint (got->n_spans, ==, expected->n_spans[a]);
      g_assert_cmpuint (got->n_entities, ==, expected->n_entities[a]);
      g_assert_cmpuint (g_hash_table_size (got->labels), ==, g_hash_table_size (expected->labels[a]));
      for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
        g_assert_cmpuint (spanmark_annotator_counts_get_label (got, labels[l]), ==,
                          GPOINTER_TO_UINT (g_hash_table_lookup (expected->labels[a], labels[l])));
      total_spans += expected->n_spans[a];
      total_entities += expected->n_entities[a];
    }
  g_assert_cmpuint (counts->total->n_spans, ==, total_spans);
  g_assert_cmpuint (counts->total->n_entities, ==, total_entities);

  g_assert_cmpuint (counts->errors->len, ==, expected->errors->len);
  for (guint i = 0; i < counts->errors->len; i++)
    g_assert_cmpstr (((GError *) g_ptr_array_index (counts->errors, i))->message, ==,
                     g_ptr_array_index (expected->errors, i));
}

static void
check_corpus (gboolean broken)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *dir = make_corpus (tmp);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkProject) loader_project = NULL;
  g_autoptr(SpanmarkCorpusCounts) counts = NULL;
  Expected expected = { 0, };

  if (broken)
    break_corpus (dir);

  /* Two projects, so that neither reading sees what the other recorded. */
  project = fixture_open (dir);
  loader_project = fixture_open (dir);
  counts = spanmark_corpus_counts_new (project, annotators);
  count_with_loader (loader_project, &expected);

  /* The generated corpus has something of each kind to count. */
  g_assert_cmpuint (expected.n_spans[1], >, 100);
  g_assert_cmpuint (expected.n_entities[1], >, 10);
  g_assert_cmpuint (expected.n_status[1][SPANMARK_STATUS_NEW], >, 0);
  g_assert_cmpuint (expected.n_status[1][SPANMARK_STATUS_DONE], >, 0);
  if (broken)
    {
      /* Two texts and five annotation files: the FIFO, the corrupt file,
       * the hash mismatch, and the files of d008 whose text changed. */
      g_assert_cmpuint (expected.errors->len, >=, 5);
      g_assert_nonnull (strstr (g_ptr_array_index (expected.errors, 0), "documents/d003.txt"));
      g_test_message ("%u errors, the first: %s", expected.errors->len,
                      (char *) g_ptr_array_index (expected.errors, 0));
    }
  else
    g_assert_cmpuint (expected.errors->len, ==, 0);

  assert_counts_equal (project, counts, &expected);

  expected_clear (&expected);
  spanmark_test_remove_tree (tmp);
}

static void
test_generated (void)
{
  check_corpus (FALSE);
}

static void
test_broken (void)
{
  check_corpus (TRUE);
}

/* The error of a text names its entry by its position in the index,
 * found without a scan of the list (which made stats quadratic): the
 * last document's too, and after documents were added. */
static void
test_text_error_location (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *dir = make_corpus (tmp);
  g_autofree char *link_out = g_build_filename (dir, "documents/d059.txt", NULL);
  g_autofree char *added_path = g_build_filename (dir, "documents/zz.txt", NULL);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SpanmarkDocument *added;

  g_assert_cmpint (g_unlink (link_out), ==, 0);
  g_assert_cmpint (symlink ("/etc/hostname", link_out), ==, 0);
  project = fixture_open (dir);

  text = spanmark_project_load_text (project, spanmark_project_get_document (project, 59), &error);
  g_assert_null (text);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "spanmark.json: documents[59] (id \"d059\"): "));
  g_clear_error (&error);

  added = spanmark_project_add_document (project, "zz", "new text\n", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, 61);
  g_assert_true (spanmark_project_get_document (project, 60) == added);
  text = spanmark_project_load_text (project, added, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "new text\n");
  g_clear_pointer (&text, g_free);

  g_assert_cmpint (g_unlink (added_path), ==, 0);
  g_assert_cmpint (symlink ("/etc/hostname", added_path), ==, 0);
  text = spanmark_project_load_text (project, added, &error);
  g_assert_null (text);
  g_assert_nonnull (strstr (error->message, "spanmark.json: documents[60] (id \"zz\"): "));

  spanmark_test_remove_tree (tmp);
}

/* The set the project's loader gives (through the fast reader where it
 * takes the file) is the one the loader's own JSON reader makes: the same
 * file written back, for every file of the corpus. */
static void
test_load_generated (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *dir = make_corpus (tmp);
  g_autoptr(SpanmarkProject) project = fixture_open (dir);
  guint n_files = 0;

  for (guint d = 0; d < spanmark_project_get_n_documents (project); d++)
    for (guint a = 0; annotators[a] != NULL; a++)
      {
        SpanmarkDocument *document = spanmark_project_get_document (project, d);
        const char *id = spanmark_document_get_id (document);
        g_autofree char *relative = g_strdup_printf ("annotations/%s/%s.json", annotators[a], id);
        g_autofree char *path = g_build_filename (dir, relative, NULL);
        g_autofree char *data = NULL;
        g_autofree char *text = NULL;
        g_autofree char *loaded_json = NULL;
        g_autofree char *read_json = NULL;
        g_autoptr(SpanmarkAnnotationSet) loaded = NULL;
        g_autoptr(SpanmarkAnnotationSet) read = NULL;
        g_autoptr(GError) error = NULL;
        SpanmarkChecker checker;
        gsize length;

        if (!g_file_test (path, G_FILE_TEST_EXISTS))
          continue;
        data = spanmark_test_read_file (path, &length);
        text = spanmark_project_load_text (project, document, &error);
        g_assert_no_error (error);

        loaded = spanmark_project_load_annotations (project, document, annotators[a], &error);
        g_assert_no_error (error);
        spanmark_checker_init (&checker);
        read = spanmark_json_read_annotations (&checker, relative, data, length, id, annotators[a], text,
                                               spanmark_project_get_schema (project));
        g_assert_cmpuint (spanmark_checker_get_n_problems (&checker), ==, 0);
        spanmark_checker_clear (&checker);
        g_assert_nonnull (read);

        loaded_json = spanmark_annotation_set_to_json (loaded, NULL);
        read_json = spanmark_annotation_set_to_json (read, NULL);
        g_assert_cmpstr (loaded_json, ==, read_json);
        /* And what was saved is what is read back. */
        g_assert_cmpstr (loaded_json, ==, data);
        g_assert_cmpstr (spanmark_annotation_set_get_modified (loaded), ==,
                         spanmark_annotation_set_get_modified (read));
        g_assert_cmpstr (spanmark_annotation_set_get_text (loaded), ==, text);
        n_files++;
      }
  g_assert_cmpuint (n_files, >, 100);

  spanmark_test_remove_tree (tmp);
}

static char *
validate_lines (const char *dir,
                gboolean    allow_fast,
                guint      *n_warnings)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = _spanmark_validate_project_full (folder, allow_fast, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  *n_warnings = 0;
  for (guint i = 0; i < problems->len; i++)
    {
      const SpanmarkProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = spanmark_problem_to_string (problem);

      g_string_append_printf (out, "%s\n", line);
      if (problem->severity == SPANMARK_PROBLEM_WARNING)
        (*n_warnings)++;
    }
  return g_string_free (out, FALSE);
}

/* Validation says the same, line for line, whichever reader reads the
 * annotation files: the warnings about spans on the same characters
 * (which name places in the file) and, in the broken corpus, every error. */
static void
check_validate (gboolean broken)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *dir = make_corpus (tmp);
  g_autofree char *fast = NULL;
  g_autofree char *loader = NULL;
  guint n_fast_warnings, n_loader_warnings;

  if (broken)
    break_corpus (dir);

  fast = validate_lines (dir, TRUE, &n_fast_warnings);
  loader = validate_lines (dir, FALSE, &n_loader_warnings);
  g_test_message ("%s", loader);

  g_assert_cmpuint (n_loader_warnings, >, 3);
  g_assert_cmpuint (n_fast_warnings, ==, n_loader_warnings);
  if (broken)
    {
      g_assert_nonnull (strstr (loader, "annotations/alice/d007.json: "));
      g_assert_nonnull (strstr (loader, "annotations/alice/d020.json: "));
      g_assert_nonnull (strstr (loader, "documents/d003.txt: "));
    }
  g_assert_cmpstr (fast, ==, loader);

  spanmark_test_remove_tree (tmp);
}

static void
test_validate_generated (void)
{
  check_validate (FALSE);
}

static void
test_validate_broken (void)
{
  check_validate (TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corpus-counts/generated", test_generated);
  g_test_add_func ("/corpus-counts/broken", test_broken);
  g_test_add_func ("/corpus-counts/text-error-location", test_text_error_location);
  g_test_add_func ("/corpus-load/generated", test_load_generated);
  g_test_add_func ("/corpus-validate/generated", test_validate_generated);
  g_test_add_func ("/corpus-validate/broken", test_validate_broken);

  return g_test_run ();
}
