/* test-import-fuzz.c — spanmark_import_file(s) in process: the API the
 * window uses, and mutated inputs that must fail cleanly or succeed
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spanmark-core.h"
#include "cli-test-util.h"

static SpanmarkProject *
new_project (const char *tmp,
             const char *name)
{
  g_autofree char *path = g_build_filename (tmp, name, NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SpanmarkProject *project = spanmark_project_create (dir, name, &error);

  g_assert_no_error (error);
  return project;
}

/* Logs every problem and counts those that make the project invalid. */
static guint
count_errors (GPtrArray *problems)
{
  guint n_errors = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      const SpanmarkProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = spanmark_problem_to_string (problem);

      g_test_message ("%s", line);
      if (problem->severity == SPANMARK_PROBLEM_ERROR)
        n_errors++;
    }

  return n_errors;
}

/* Saves @project and validates its folder @dir: no error-severity
 * problem.  Returns the problems (warnings are allowed). */
static GPtrArray *
save_and_validate (SpanmarkProject *project,
                   GFile           *dir)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  g_assert_true (spanmark_project_save (project, &error));
  g_assert_no_error (error);
  problems = spanmark_validate_project (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_errors (problems), ==, 0);
  return problems;
}

static void
test_api (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = new_project (tmp, "p");
  g_autofree char *mixed = cli_fixture ("mixed.txt");
  g_autofree char *news = cli_fixture ("brat/news.txt");
  g_autoptr(GFile) file = g_file_new_for_path (mixed);
  g_autoptr(GFile) brat = g_file_new_for_path (news);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  SpanmarkImportOptions options = { .annotator = "alice" };
  GFile *files[] = { brat };
  SpanmarkDocument *document;

  g_assert_cmpint (spanmark_import_file (project, file, NULL, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, 1);
  document = spanmark_project_lookup_document (project, "mixed");
  g_assert_nonnull (document);

  /* The same file again: already there, nothing added, not an error. */
  g_assert_cmpint (spanmark_import_file (project, file, NULL, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, 1);

  g_assert_cmpint (spanmark_import_files (project, files, 1, &options, warnings, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 2);
  document = spanmark_project_lookup_document (project, "news");
  set = spanmark_project_load_annotations (project, document, "alice", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 6);
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (set), ==, 1);
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_IN_PROGRESS);

  /* An unknown kind of file. */
  {
    g_autoptr(GFile) conf = g_file_new_for_path (tmp);
    g_autoptr(GFile) csv = g_file_get_child (conf, "x.csv");

    g_file_replace_contents (csv, "a,b", 3, NULL, FALSE, 0, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (spanmark_import_file (project, csv, NULL, &error), ==, -1);
    g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_FORMAT);
    g_clear_error (&error);
  }

  g_assert_true (spanmark_project_save (project, &error));
  g_assert_no_error (error);
  spanmark_test_remove_tree (tmp);
}

/* Two spans on the same characters (a mutation the fuzz test met with
 * seed R02Sb7d237f7b877b4b44839f8a16dad782d): accepted, and the project
 * validates with a warning, not an error. */
static void
test_same_range (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = new_project (tmp, "p");
  g_autofree char *input = g_build_filename (tmp, "same.jsonl", NULL);
  g_autofree char *path = g_build_filename (tmp, "p", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const char *jsonl =
    "{\"id\": \"same\", \"text\": \"云岚省青溪市\", \"spans\": ["
    "{\"start\": 0, \"end\": 6, \"label\": \"PLACE\", \"attrs\": {\"kind\": \"省\"}}, "
    "{\"start\": 0, \"end\": 6, \"label\": \"PLACE\"}]}\n";

  g_assert_true (g_file_set_contents (input, jsonl, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (spanmark_import_file (project, file, NULL, &error), ==, 1);
  g_assert_no_error (error);

  problems = save_and_validate (project, dir);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (((SpanmarkProblem *) g_ptr_array_index (problems, 0))->severity, ==, SPANMARK_PROBLEM_WARNING);
  spanmark_test_remove_tree (tmp);
}

/* Changes a few bytes of @data the way broken files differ from good
 * ones: flipped bytes, digits, quotes, tabs and line breaks, cut ends. */
static void
mutate (GString *data)
{
  static const char pieces[] = "0123456789\t\n\r\"{}[],: -;=TR#*\xff\xe4";
  guint n = g_test_rand_int_range (1, 4);

  for (guint i = 0; i < n && data->len > 0; i++)
    {
      guint at = g_test_rand_int_range (0, data->len);

      switch (g_test_rand_int_range (0, 4))
        {
        case 0:
          data->str[at] = pieces[g_test_rand_int_range (0, sizeof pieces - 1)];
          break;
        case 1:
          g_string_insert_c (data, at, pieces[g_test_rand_int_range (0, sizeof pieces - 1)]);
          break;
        case 2:
          {
            gsize count = g_test_rand_int_range (1, 8);

            g_string_erase (data, at, MIN (data->len - at, count));
          }
          break;
        default:
          g_string_truncate (data, at);
          break;
        }
    }
}

static guint n_accepted, n_refused;

static void
fuzz_one (const char *tmp,
          guint       round,
          const char *fixture,
          const char *name,
          const char *companion)
{
  g_autofree char *path = cli_fixture (fixture);
  g_autofree char *original = spanmark_test_read_file (path, NULL);
  g_autoptr(GString) data = g_string_new (original);
  g_autofree char *folder = g_strdup_printf ("%s/in-%u", tmp, round);
  g_autofree char *target = g_build_filename (folder, name, NULL);
  g_autofree char *project_name = g_strdup_printf ("p-%u", round);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GError) error = NULL;
  g_autofree char *documents = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  GFile *files[1];
  int added;

  g_mkdir_with_parents (folder, 0755);
  if (companion != NULL)
    {
      g_autofree char *cpath = cli_fixture (companion);
      g_autofree char *cdata = spanmark_test_read_file (cpath, NULL);
      g_autofree char *cbase = g_path_get_basename (cpath);
      g_autofree char *ctarget = g_build_filename (folder, cbase, NULL);

      g_file_set_contents (ctarget, cdata, -1, NULL);
    }
  mutate (data);
  g_file_set_contents (target, data->str, data->len, NULL);

  project = new_project (tmp, project_name);
  files[0] = file;
  added = spanmark_import_files (project, files, 1, NULL, warnings, &error);
  if (added < 0)
    {
      g_autofree char *base = g_path_get_basename (fixture);
      g_autofree char *stem = g_strndup (base, strcspn (base, "."));
      g_autoptr(GDir) dir = NULL;

      /* The error names the file (the .txt or its .ann), and nothing
       * was written. */
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, stem));
      n_refused++;
      documents = g_build_filename (tmp, project_name, "documents", NULL);
      dir = g_dir_open (documents, 0, NULL);
      g_assert_nonnull (dir);
      g_assert_null (g_dir_read_name (dir));
      g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, 0);
    }
  else
    {
      g_autofree char *project_path = g_build_filename (tmp, project_name, NULL);
      g_autoptr(GFile) dir = g_file_new_for_path (project_path);
      g_autoptr(GPtrArray) problems = NULL;

      /* Whatever was accepted is a valid project.  A warning is not an
       * error: a mutation can give two spans the same characters, which
       * validate reports as worth a look (the project stays valid). */
      g_assert_no_error (error);
      problems = save_and_validate (project, dir);
      n_accepted++;
    }
}

static void
test_fuzz (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  guint rounds = g_test_slow () ? 2000 : 150;

  for (guint i = 0; i < rounds; i++)
    {
      switch (i % 4)
        {
        case 0:
          fuzz_one (tmp, i, "spacy.jsonl", "spacy.jsonl", NULL);
          break;
        case 1:
          fuzz_one (tmp, i, "doccano.jsonl", "doccano.jsonl", NULL);
          break;
        case 2:
          fuzz_one (tmp, i, "brat/news.ann", "news.ann", "brat/news.txt");
          break;
        default:
          fuzz_one (tmp, i, "mixed.txt", "mixed.txt", NULL);
          break;
        }
    }

  g_test_message ("%u mutated files accepted, %u refused", n_accepted, n_refused);
  g_assert_cmpuint (n_refused, >, 0);
  spanmark_test_remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/api", test_api);
  g_test_add_func ("/import/same-range", test_same_range);
  g_test_add_func ("/import/fuzz", test_fuzz);

  return g_test_run ();
}
