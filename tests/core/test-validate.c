/* test-validate.c — spanmark_validate_project() lists every problem
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include "spanmark-core.h"
#include "project-fixture.h"

static GPtrArray *
validate (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = spanmark_validate_project (folder, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problems);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = spanmark_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("problem %u: %s", i, text);
    }

  return problems;
}

/* The problems as "file: location: message" lines. */
static char *
join_problems (GPtrArray *problems)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = spanmark_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (out, "%s\n", text);
    }

  return g_string_free (out, FALSE);
}

static void
replace_in_file (const char *dir,
                 const char *relative,
                 const char *find,
                 const char *replace)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);

  spanmark_test_replace_in_file (path, find, replace);
}

static void
test_valid_project (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkAnnotationSet) curated = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  curated = spanmark_annotation_set_new ("d2", SPANMARK_CURATED_ANNOTATOR, FIXTURE_TEXT_D2);
  spanmark_annotation_set_set_status (curated, SPANMARK_STATUS_REVIEWED);
  spanmark_project_save_annotations (project, curated, &error);
  g_assert_no_error (error);

  problems = validate (dir);
  g_assert_cmpuint (problems->len, ==, 0);

  spanmark_test_remove_tree (dir);
}

/* The sample project shipped in data/ is valid. */
static void
test_sample_project (void)
{
  const char *root = g_getenv ("SPANMARK_SOURCE_ROOT");
  g_autofree char *sample = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (root == NULL)
    {
      g_test_skip ("SPANMARK_SOURCE_ROOT is not set");
      return;
    }

  sample = g_build_filename (root, "data", "sample", NULL);
  if (!g_file_test (sample, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no data/sample");
      return;
    }

  problems = validate (sample);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Several broken files: every problem is listed, in a stable order (the
 * index, the texts, then annotation files by annotator and name), and
 * nothing is written. */
static void
test_all_problems (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *d2_path = g_build_filename (dir, "documents", "d2.txt", NULL);

  /* bob's file for d2, then d2's text disappears. */
  set = spanmark_annotation_set_new ("d2", "bob", FIXTURE_TEXT_D2);
  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);
  replace_in_file (dir, "annotations/bob/d2.json", "\"status\": \"new\"", "\"status\": \"old\"");
  g_assert_cmpint (g_unlink (d2_path), ==, 0);

  replace_in_file (dir, "spanmark.json", "\"color\": \"#2ec27e\"", "\"color\": \"green\"");
  replace_in_file (dir, "annotations/alice/d1.json", "\"start\": 26, \"end\": 36", "\"start\": 36, \"end\": 26");
  replace_in_file (dir, "annotations/alice/d1.json", "\"label\": \"INITIATIVE\"", "\"label\": \"initiative\"");
  replace_in_file (dir, "annotations/alice/d1.json", "\"text\": \"杭州\"", "\"text\": \"杭州市\"");
  fixture_write (dir, "annotations/alice/d9.json", "{}", -1);

  before = spanmark_test_snapshot_tree (dir);
  problems = validate (dir);
  joined = join_problems (problems);
  g_assert_cmpstr (joined, ==,
                   "spanmark.json: labels[1] (name \"PLACE\"): color \"green\" is not a colour of the form #rrggbb\n"
                   "documents/d2.txt: is missing\n"
                   "annotations/alice/d1.json: spans[1] (id \"s2\"): text \"杭州市\" differs from the text at 7–9, \"杭州\"\n"
                   "annotations/alice/d1.json: spans[3] (id \"s4\"): end 26 is not after start 36\n"
                   "annotations/alice/d1.json: spans[3] (id \"s4\"): label \"initiative\" is not a label of the project\n"
                   "annotations/alice/d9.json: there is no document \"d9\" in spanmark.json\n"
                   "annotations/bob/d2.json: \"status\": \"old\" is not a status (new, in-progress, done, reviewed)\n");

  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (after, ==, before);

  spanmark_test_remove_tree (dir);
}

static void
test_index_problems (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *joined = NULL;

  fixture_write (dir, "spanmark.json",
                 "{\n"
                 "  \"spanmark\": 1,\n"
                 "  \"name\": \"Broken\",\n"
                 "  \"labels\": [\n"
                 "    {\"name\": \"A\", \"color\": \"#123456\", \"key\": \"1\", \"attrs\": [\"x\", 2]},\n"
                 "    {\"name\": \"A\", \"color\": \"#12345g\", \"key\": \"1\"},\n"
                 "    {\"name\": \"\", \"key\": \"12\"},\n"
                 "    {\"name\": \"B\", \"key\": \"1\"},\n"
                 "    \"C\"\n"
                 "  ],\n"
                 "  \"documents\": [\n"
                 "    {\"id\": \"a b\", \"path\": \"documents/a.txt\"},\n"
                 "    {\"path\": \"documents/b.txt\"},\n"
                 "    {\"id\": \"c\", \"path\": \"documents/c.txt\", \"meta\": [1]},\n"
                 "    {\"id\": \"d\", \"path\": \"documents/./d.txt\"},\n"
                 "    {\"id\": \"e\", \"path\": \"documents/e.txt\", \"title\": 5},\n"
                 "    {\"id\": \"f\", \"path\": \"documents/f.txt\"}\n"
                 "  ]\n"
                 "}\n", -1);
  fixture_write (dir, "documents/f.txt", "fine\n", -1);

  problems = validate (dir);
  joined = join_problems (problems);
  g_assert_cmpstr (joined, ==,
                   "spanmark.json: labels[0] (name \"A\"): attrs[1] must be a string, not an integer\n"
                   "spanmark.json: labels[1] (name \"A\"): name \"A\" is used by another label too\n"
                   "spanmark.json: labels[1] (name \"A\"): color \"#12345g\" is not a colour of the form #rrggbb\n"
                   "spanmark.json: labels[1] (name \"A\"): key \"1\" is the shortcut of another label too\n"
                   "spanmark.json: labels[2] (name \"\"): name is empty\n"
                   "spanmark.json: labels[2] (name \"\"): key \"12\" must be a single character\n"
                   "spanmark.json: labels[3] (name \"B\"): key \"1\" is the shortcut of another label too\n"
                   "spanmark.json: labels[4]: must be an object, not a string\n"
                   "spanmark.json: documents[0] (id \"a b\"): id \"a b\" is not a valid document id (letters, digits, \"-\", \"_\" and \".\", not starting with \".\")\n"
                   "spanmark.json: documents[1]: id is missing\n"
                   "spanmark.json: documents[2] (id \"c\"): meta must be an object, not an array\n"
                   "spanmark.json: documents[3] (id \"d\"): path \"documents/./d.txt\" is outside the project folder\n"
                   "spanmark.json: documents[4] (id \"e\"): title must be a string, not an integer\n"
                   "documents/c.txt: is missing\n"
                   "documents/e.txt: is missing\n");

  spanmark_test_remove_tree (dir);
}

/* A shortcut key belongs to the first label that has it. */
static void
test_duplicate_key (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *joined = NULL;

  fixture_write (dir, "spanmark.json",
                 "{\"spanmark\": 1, \"name\": \"K\", \"documents\": [], \"labels\": ["
                 "{\"name\": \"A\", \"key\": \"1\"}, {\"name\": \"B\", \"key\": \"1\"}]}", -1);
  problems = validate (dir);
  joined = join_problems (problems);
  g_assert_cmpstr (joined, ==,
                   "spanmark.json: labels[1] (name \"B\"): key \"1\" is the shortcut of another label too\n");

  spanmark_test_remove_tree (dir);
}

/* Temporary files of an interrupted save are named as leftovers (which do
 * not make the project invalid); hidden files and other files are not
 * annotation data; folders with invalid names are reported. */
static void
test_ignored_files (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *git = g_build_filename (dir, "annotations", ".git", NULL);

  fixture_write (dir, "annotations/alice/.d1.json.spanmark-AB12CD", "{ half written", -1);
  fixture_write (dir, "annotations/alice/.d2.json", "junk", -1);
  /* The user's own copies, named as temporary files once were. */
  fixture_write (dir, "annotations/alice/d1.json.BACKUP", "{ mine", -1);
  fixture_write (dir, "spanmark.json.backup", "{ mine", -1);
  fixture_write (dir, "annotations/alice/README.md", "notes\n", -1);
  fixture_write (dir, "annotations/alice/.goutputstream-XYZ", "junk", -1);
  fixture_write (dir, "annotations/bad name/d1.json", "{}", -1);
  g_assert_cmpint (g_mkdir (git, 0755), ==, 0);

  problems = validate (dir);
  joined = join_problems (problems);
  g_assert_cmpstr (joined, ==,
                   "annotations/bad name: \"bad name\" is not a valid annotator name\n"
                   "annotations/alice/.d1.json.spanmark-AB12CD: warning: a temporary file left by an interrupted save "
                   "of d1.json, not data; “spanmark-cli clean” removes it\n");
  g_assert_cmpint (((SpanmarkProblem *) g_ptr_array_index (problems, 0))->severity, ==, SPANMARK_PROBLEM_ERROR);
  g_assert_cmpint (((SpanmarkProblem *) g_ptr_array_index (problems, 1))->severity, ==, SPANMARK_PROBLEM_LEFTOVER);

  spanmark_test_remove_tree (dir);
}

/* Validation and loading share one code path: the first problem
 * validation lists for a file is the error loading reports. */
static void
test_same_as_load (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;

  replace_in_file (dir, "annotations/alice/d1.json", "\"start\": 14, \"end\": 16", "\"start\": 14, \"end\": 17");
  replace_in_file (dir, "annotations/alice/d1.json", "\"entity\": \"e1\"", "\"entity\": 1");

  problems = validate (dir);
  g_assert_cmpuint (problems->len, ==, 2);
  first = spanmark_problem_to_string (g_ptr_array_index (problems, 0));
  g_assert_cmpstr (first, ==, "annotations/alice/d1.json: spans[0] (id \"s1\"): entity must be a string, not an integer");

  set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d1"),
                                           "alice", &error);
  g_assert_null (set);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "annotations/alice/d1.json: spans[0] (id \"s1\"): entity must be a string, not an integer"
                   " (and 1 more problem)");

  spanmark_test_remove_tree (dir);
}

/* Reverses the order of the span lines of an annotation file (one span
 * per line), keeping it valid JSON. */
static void
reverse_spans (const char *dir,
               const char *relative)
{
  g_autofree char *data = fixture_read (dir, relative, NULL);
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  g_autoptr(GPtrArray) spans = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  guint first = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "    {\"id\": \"s"))
      {
        if (spans->len == 0)
          first = i;
        if (g_str_has_suffix (lines[i], ","))
          lines[i][strlen (lines[i]) - 1] = '\0';
        g_ptr_array_add (spans, lines[i]);
      }
  g_assert_cmpuint (spans->len, >, 1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i >= first && i < first + spans->len)
        g_string_append_printf (out, "%s%s", (char *) g_ptr_array_index (spans, first + spans->len - 1 - i),
                                i + 1 < first + spans->len ? "," : "");
      else
        g_string_append (out, lines[i]);
      if (lines[i + 1] != NULL)
        g_string_append_c (out, '\n');
    }
  fixture_write (dir, relative, out->str, out->len);
}

/* Two spans on the same characters, and copies kept after a conflict,
 * are warnings: the project stays valid, and the warning names the
 * place in the file as it is written. */
static void
test_warnings (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_name = NULL;
  const SpanmarkProblem *problem;

  problems = spanmark_validate_project (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* 杭州 (s2, PLACE) tagged OFFICIAL too. */
  set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d1"),
                                           "alice", &error);
  g_assert_no_error (error);
  g_assert_nonnull (spanmark_annotation_set_add_span (set, 7, 9, "OFFICIAL", NULL));
  g_assert_true (spanmark_project_save_annotations (project, set, &error));
  /* Listed last in the file, so the places named are the file's. */
  reverse_spans (dir, "annotations/alice/d1.json");
  copy = spanmark_project_save_annotations_copy (project, set, &error);
  g_assert_no_error (error);
  copy_name = g_file_get_basename (copy);
  fixture_write (dir, "conflicts/alice/notes.txt", "mine\n", -1);

  /* All three are warnings: the project stays valid. */
  problems = spanmark_validate_project (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 3);
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpint (((SpanmarkProblem *) g_ptr_array_index (problems, i))->severity, ==,
                     SPANMARK_PROBLEM_WARNING);

  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->file, ==, "annotations/alice/d1.json");
  /* s2 is the second span in text order, but the fourth in the file. */
  g_assert_cmpstr (problem->location, ==, "spans[2] (id \"s5\")");
  g_assert_nonnull (strstr (problem->message, "7–9"));
  g_assert_nonnull (strstr (problem->message, "spans[3] (id \"s2\")"));
  g_assert_nonnull (strstr (problem->message, "PLACE"));
  g_assert_nonnull (strstr (problem->message, "OFFICIAL"));

  problem = g_ptr_array_index (problems, 1);
  g_assert_true (g_str_has_prefix (problem->file, "conflicts/alice/d1-"));
  g_assert_nonnull (strstr (problem->message, "annotations/alice/d1.json"));
  problem = g_ptr_array_index (problems, 2);
  g_assert_cmpstr (problem->file, ==, "conflicts/alice/notes.txt");

  spanmark_test_remove_tree (dir);
}

static void
test_unreadable_folder (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "nothing-here", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (missing);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  problems = spanmark_validate_project (folder, &error);
  g_assert_null (problems);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  spanmark_test_remove_tree (dir);
}

/* What an interrupted import or save leaves: listed as leftovers after the
 * errors, not errors; when spanmark.json has a problem, unlisted texts are
 * not taken for leftovers (a broken entry may be what uses them). */
static void
test_leftovers (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *fifo = g_build_filename (dir, "documents", "d7.txt", NULL);
  g_autofree char *d9 = g_build_filename (dir, "annotations", "alice", "d9.json", NULL);

  fixture_write (dir, "documents/d3.txt", "left over\n", -1);
  fixture_write (dir, "annotations/imported/d3.json", "{\"half\": ", -1);
  fixture_write (dir, "annotations/alice/d3.json", "{}", -1);
  fixture_write (dir, "documents/.d3.txt.spanmark-Ab12Cd", "left", -1);
  fixture_write (dir, ".spanmark.json.spanmark-XyZ789", "{", -1);
  fixture_write (dir, "annotations/alice/.d1.json.spanmark-000000", "", -1);
  /* Not leftovers: another kind of file, a bad id, a FIFO, an annotation
   * file of a document that has no text at all. */
  fixture_write (dir, "documents/notes.md", "mine\n", -1);
  fixture_write (dir, "documents/.hidden.txt", "mine\n", -1);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  fixture_write (dir, "annotations/alice/d9.json", "{}", -1);

  problems = validate (dir);
  joined = join_problems (problems);
  g_assert_cmpstr (joined, ==,
                   "annotations/alice/d9.json: there is no document \"d9\" in spanmark.json\n"
                   ".spanmark.json.spanmark-XyZ789: warning: a temporary file left by an interrupted save of spanmark.json, "
                   "not data; “spanmark-cli clean” removes it\n"
                   "documents/.d3.txt.spanmark-Ab12Cd: warning: a temporary file left by an interrupted save of d3.txt, "
                   "not data; “spanmark-cli clean” removes it\n"
                   "documents/d3.txt: warning: spanmark.json does not list this document: it was left by an "
                   "interrupted import; import the same files again to finish it, or “spanmark-cli clean” removes it\n"
                   "annotations/alice/.d1.json.spanmark-000000: warning: a temporary file left by an interrupted save of "
                   "d1.json, not data; “spanmark-cli clean” removes it\n"
                   "annotations/alice/d3.json: warning: spanmark.json does not list its document: it was left by "
                   "an interrupted import; import the same files again to finish it, or “spanmark-cli clean” removes it\n"
                   "annotations/imported/d3.json: warning: spanmark.json does not list its document: it was left by "
                   "an interrupted import; import the same files again to finish it, or “spanmark-cli clean” removes it\n");
  g_assert_cmpint (((SpanmarkProblem *) g_ptr_array_index (problems, 0))->severity, ==, SPANMARK_PROBLEM_ERROR);
  for (guint i = 1; i < problems->len; i++)
    g_assert_cmpint (((SpanmarkProblem *) g_ptr_array_index (problems, i))->severity, ==, SPANMARK_PROBLEM_LEFTOVER);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&joined, g_free);

  /* An index with a problem: d3 may be what a broken entry means. */
  g_assert_cmpint (g_unlink (fifo), ==, 0);
  spanmark_test_remove_tree (d9);
  {
    g_autofree char *index = fixture_read (dir, "spanmark.json", NULL);
    GString *broken = g_string_new (index);

    g_string_replace (broken, "\"color\": \"#2ec27e\"", "\"color\": \"green\"", 1);
    fixture_write (dir, "spanmark.json", broken->str, -1);
    g_string_free (broken, TRUE);
  }
  problems = validate (dir);
  joined = join_problems (problems);
  g_assert_nonnull (strstr (joined, "annotations/alice/d3.json: there is no document \"d3\" in spanmark.json\n"));
  g_assert_null (strstr (joined, "documents/d3.txt: warning"));
  g_assert_nonnull (strstr (joined, "documents/.d3.txt.spanmark-Ab12Cd: warning"));

  spanmark_test_remove_tree (dir);
}

/* entities/: clean removes the temporary files of interrupted registry
 * writes by the rule of annotations/, and nothing of the user's: another
 * name, a .txt temporary name (no registry file is one), a link or a
 * folder named like a temporary file. */
static void
test_clean_entities (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *link = g_build_filename (dir, "entities", ".b-0123456789.json.spanmark-Zz99Yy", NULL);
  g_autofree char *subfolder = g_build_filename (dir, "entities", ".c-0123456789.json.spanmark-Qq11Ww", NULL);
  const char * const kept[] = { "entities/notes.md", "entities/.a-0123456789.json.backup",
                                "entities/.a-0123456789.txt.spanmark-Ab12Cd",
                                "entities/a-0123456789.json.Ab12Cd" };

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    fixture_write (dir, kept[i], "mine\n", -1);
  fixture_write (dir, "entities/.a-0123456789.json.spanmark-Ab12Cd", "{\"spanm", -1);
  g_assert_no_errno (symlink ("notes.md", link));
  g_assert_no_errno (g_mkdir (subfolder, 0755));

  problems = validate (dir);
  joined = join_problems (problems);
  g_assert_cmpstr (joined, ==,
                   "entities/.a-0123456789.json.spanmark-Ab12Cd: warning: a temporary file left by an "
                   "interrupted save of a-0123456789.json, not data; “spanmark-cli clean” removes it\n");
  g_assert_cmpint (((SpanmarkProblem *) g_ptr_array_index (problems, 0))->severity, ==, SPANMARK_PROBLEM_LEFTOVER);

  g_assert_true (spanmark_clean_project (folder, FALSE, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (removed, 0), ==, "entities/.a-0123456789.json.spanmark-Ab12Cd");

  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = validate (dir);
  g_assert_cmpuint (problems->len, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (dir, kept[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (subfolder, G_FILE_TEST_IS_DIR));

  spanmark_test_remove_tree (dir);
}

/* clean removes exactly the leftovers, annotation files first, and the
 * annotator folders it empties; a dry run removes nothing. */
static void
test_clean (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *d1 = g_build_filename (dir, "annotations", "alice", "d1.json", NULL);
  g_autofree char *notes = g_build_filename (dir, "documents", "notes.md", NULL);
  GString *list = g_string_new (NULL);

  fixture_write (dir, "documents/d3.txt", "left over\n", -1);
  fixture_write (dir, "annotations/imported/d3.json", "{}", -1);
  fixture_write (dir, "annotations/alice/.d1.json.spanmark-Ab12Cd", "", -1);
  fixture_write (dir, "documents/notes.md", "mine\n", -1);
  /* Regression: these were taken for temporary files and removed. */
  fixture_write (dir, "spanmark.json.backup", "mine\n", -1);
  fixture_write (dir, "annotations/alice/d1.json.BACKUP", "mine\n", -1);
  fixture_write (dir, "documents/d1.txt.Ab12Cd", "mine\n", -1);

  before = spanmark_test_snapshot_tree (dir);
  g_assert_true (spanmark_clean_project (folder, TRUE, removed, &error));
  g_assert_no_error (error);
  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (removed->len, ==, 4);
  g_ptr_array_set_size (removed, 0);

  g_assert_true (spanmark_clean_project (folder, FALSE, removed, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < removed->len; i++)
    g_string_append_printf (list, "%s\n", (const char *) g_ptr_array_index (removed, i));
  joined = g_string_free (list, FALSE);
  g_assert_cmpstr (joined, ==,
                   "annotations/alice/.d1.json.spanmark-Ab12Cd\n"
                   "annotations/imported/d3.json\n"
                   "documents/d3.txt\n"
                   "annotations/imported/\n");

  problems = validate (dir);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (g_file_test (d1, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));
  {
    const char * const kept[] = { "spanmark.json.backup", "annotations/alice/d1.json.BACKUP",
                                  "documents/d1.txt.Ab12Cd" };

    for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
      {
        g_autofree char *path = g_build_filename (dir, kept[i], NULL);

        g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
      }
  }

  /* A folder that is no project: nothing there is a leftover. */
  {
    g_autofree char *documents = g_build_filename (dir, "documents", NULL);
    g_autoptr(GFile) not_project = g_file_new_for_path (documents);

    fixture_write (dir, "documents/.x.json.spanmark-Ab12Cd", "", -1);
    g_ptr_array_set_size (removed, 0);
    g_assert_false (spanmark_clean_project (not_project, FALSE, removed, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_true (g_str_has_suffix (error->message, "spanmark.json: is missing: this folder is not a Spanmark project"));
    g_assert_cmpuint (removed->len, ==, 0);
  }

  spanmark_test_remove_tree (dir);
}

/* Regression: with a spanmark.json that cannot be read, clean said
 * "nothing to clean" and succeeded, and validate did not list the
 * temporary file beside it.  Now validate lists the temporary files
 * (known by their names alone), and clean removes nothing and says why. */
static void
test_clean_unreadable_index (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fixture_write (dir, "spanmark.json", "{", -1);
  fixture_write (dir, "annotations/alice/.d1.json.spanmark-AB12CD", "{", -1);
  fixture_write (dir, "documents/d9.txt", "not listed, or is it?\n", -1);

  problems = validate (dir);
  joined = join_problems (problems);
  g_assert_cmpstr (joined, ==,
                   "spanmark.json: line 1, column 2: expected a member name in double quotes, not the end of the file\n"
                   "annotations/alice/.d1.json.spanmark-AB12CD: warning: a temporary file left by an interrupted save "
                   "of d1.json, not data; “spanmark-cli clean” removes it\n");

  before = spanmark_test_snapshot_tree (dir);
  for (guint dry_run = 0; dry_run < 2; dry_run++)
    {
      g_assert_false (spanmark_clean_project (folder, dry_run, removed, &error));
      g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "spanmark.json: line 1, column 2: expected a member name"));
      g_assert_cmpuint (removed->len, ==, 0);
      g_clear_error (&error);
    }
  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (after, ==, before);

  spanmark_test_remove_tree (dir);
}

/* The one problem of a project named @name whose spanmark.json is a
 * folder. */
static char *
unreadable_index_problem (const char *dir,
                          const char *name)
{
  g_autofree char *project = g_build_filename (dir, name, NULL);
  g_autofree char *index = g_build_filename (project, "spanmark.json", NULL);

  g_assert_cmpint (g_mkdir_with_parents (index, 0755), ==, 0);
  return fixture_index_problem (project);
}

/* A folder name is not a format: found by clang's -Wformat-security in
 * the fuzzing build (GLib's message about spanmark.json names the path).
 * Whatever the message says, a "%" in the name changes nothing but the
 * name. */
static void
test_index_unreadable_percent (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *plain = unreadable_index_problem (dir, "plain-name-of-19ch");
  g_autofree char *percent = unreadable_index_problem (dir, "100%s%s%s%s%s%s%s%s");
  g_autoptr(GString) expected = g_string_new (plain);

  g_string_replace (expected, "plain-name-of-19ch", "100%s%s%s%s%s%s%s%s", 0);
  g_assert_cmpstr (percent, ==, expected->str);

  spanmark_test_remove_tree (dir);
}

static void
test_problem_boxed (void)
{
  g_autoptr(SpanmarkProblem) problem = spanmark_problem_new ("a.json", "spans[0]", "bad");
  g_autoptr(SpanmarkProblem) copy = NULL;
  g_autoptr(SpanmarkProblem) bare = spanmark_problem_new ("b.json", NULL, "worse");
  g_autofree char *text = NULL;
  g_autofree char *bare_text = NULL;

  g_assert_true (G_TYPE_IS_BOXED (SPANMARK_TYPE_PROBLEM));
  copy = g_boxed_copy (SPANMARK_TYPE_PROBLEM, problem);
  g_assert_cmpstr (copy->file, ==, "a.json");
  g_assert_cmpstr (copy->location, ==, "spans[0]");
  text = spanmark_problem_to_string (copy);
  g_assert_cmpstr (text, ==, "a.json: spans[0]: bad");
  bare_text = spanmark_problem_to_string (bare);
  g_assert_cmpstr (bare_text, ==, "b.json: worse");
  g_assert_cmpint (copy->severity, ==, SPANMARK_PROBLEM_ERROR);

  g_clear_pointer (&copy, spanmark_problem_free);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&problem, spanmark_problem_free);
  problem = spanmark_problem_new_full (SPANMARK_PROBLEM_LEFTOVER, "c.json.Ab12Cd", NULL, "left");
  copy = spanmark_problem_copy (problem);
  g_assert_cmpint (copy->severity, ==, SPANMARK_PROBLEM_LEFTOVER);
  text = spanmark_problem_to_string (copy);
  g_assert_cmpstr (text, ==, "c.json.Ab12Cd: warning: left");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/valid-project", test_valid_project);
  g_test_add_func ("/validate/sample-project", test_sample_project);
  g_test_add_func ("/validate/all-problems", test_all_problems);
  g_test_add_func ("/validate/index-problems", test_index_problems);
  g_test_add_func ("/validate/duplicate-key", test_duplicate_key);
  g_test_add_func ("/validate/ignored-files", test_ignored_files);
  g_test_add_func ("/validate/same-as-load", test_same_as_load);
  g_test_add_func ("/validate/warnings", test_warnings);
  g_test_add_func ("/validate/unreadable-folder", test_unreadable_folder);
  g_test_add_func ("/validate/leftovers", test_leftovers);
  g_test_add_func ("/validate/clean", test_clean);
  g_test_add_func ("/validate/clean-entities", test_clean_entities);
  g_test_add_func ("/validate/clean-unreadable-index", test_clean_unreadable_index);
  g_test_add_func ("/validate/index-unreadable-percent", test_index_unreadable_percent);
  g_test_add_func ("/validate/problem-boxed", test_problem_boxed);

  return g_test_run ();
}
