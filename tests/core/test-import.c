/* test-import.c — what an import reads from the files and folders it is given
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formats themselves are tested through spanmark-cli import
 * (tests/cli/test-import.c) and on bytes (test-import-format.c,
 * test-import-conll.c); this is the part the window shares, and the
 * report of spanmark_import_run().
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "spanmark-core.h"
#include "project-fixture.h"

static GPtrArray *
expand (const char  *dir,
        const char **names,
        GError     **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_build_filename (dir, names[i], NULL));

  return spanmark_import_expand_folders ((GFile **) files->pdata, files->len, error);
}

static void
assert_names (GPtrArray   *files,
              const char  *dir,
              const char **expected)
{
  g_assert_nonnull (files);
  g_assert_cmpuint (files->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) root = g_file_new_for_path (dir);
      g_autofree char *relative = g_file_get_relative_path (root, g_ptr_array_index (files, i));

      g_assert_cmpstr (relative, ==, expected[i]);
    }
}

static void
test_expand_folders (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  const char *given[] = { "loose.md", "texts", NULL };
  const char *expected[] = { "loose.md", "texts/a.ann", "texts/a.txt", "texts/b.jsonl", "texts/c.txt",
                             "texts/d.BIO", "texts/e.conll", NULL };
  const char *empty[] = { "notes", NULL };

  fixture_write (dir, "loose.md", "not a text\n", -1);
  fixture_write (dir, "texts/c.txt", "C\n", -1);
  fixture_write (dir, "texts/a.txt", "A\n", -1);
  fixture_write (dir, "texts/a.ann", "", -1);
  fixture_write (dir, "texts/b.jsonl", "{\"text\": \"B\"}\n", -1);
  /* CoNLL-style files by any of their extensions. */
  fixture_write (dir, "texts/d.BIO", "D O\n", -1);
  fixture_write (dir, "texts/e.conll", "E O\n", -1);
  fixture_write (dir, "texts/readme.md", "skipped\n", -1);
  fixture_write (dir, "texts/sub/d.txt", "not recursive\n", -1);
  fixture_write (dir, "notes/readme.md", "nothing to import\n", -1);

  /* A file stays as it is given; a folder gives its importable files,
   * sorted, not those of its subfolders. */
  files = expand (dir, given, &error);
  g_assert_no_error (error);
  assert_names (files, dir, expected);
  g_clear_pointer (&files, g_ptr_array_unref);

  /* A folder with nothing to import says so, by its name. */
  files = expand (dir, empty, &error);
  g_assert_null (files);
  g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "notes"));

  spanmark_test_remove_tree (dir);
}

static gboolean
import_one (SpanmarkProject              *project,
            const char                   *path,
            const SpanmarkImportOptions  *options,
            SpanmarkImportReport         *report,
            GError                      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  spanmark_import_report_clear (report);
  spanmark_import_report_init (report);
  return spanmark_import_run (project, &file, 1, options, report, error);
}

/* What spanmark_import_run() reports: documents added, an annotator's
 * files added to the project's documents and replaced, documents with
 * nothing new, labels added. */
static void
test_report (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autofree char *bob = g_build_filename (inputs, "bob.jsonl", NULL);
  g_autofree char *bob2 = g_build_filename (inputs, "bob2.jsonl", NULL);
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  g_auto(SpanmarkImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  SpanmarkImportOptions options = { .annotator = "bob", .add_labels = TRUE };

  fixture_write (inputs, "bob.jsonl",
                 "{\"id\": \"d2\", \"text\": \"Nothing tagged here.\\n\", \"label\": [[0, 7, \"PER\"]]}\n"
                 "{\"id\": \"d3\", \"text\": \"新的\", \"label\": [[0, 2, \"ORG\"]]}\n", -1);
  fixture_write (inputs, "bob2.jsonl",
                 "{\"id\": \"d2\", \"text\": \"Nothing tagged here.\\n\", \"label\": [[8, 14, \"PER\"]]}\n"
                 "{\"id\": \"d3\", \"text\": \"新的\", \"label\": [[0, 2, \"ORG\"]]}\n", -1);

  spanmark_import_report_init (&report);
  g_assert_true (import_one (project, bob, &options, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.documents_added, ==, 1);
  g_assert_cmpuint (report.annotations_added, ==, 1);
  g_assert_cmpuint (report.annotations_replaced, ==, 0);
  g_assert_cmpuint (report.already_there, ==, 0);
  g_assert_cmpuint (report.labels_added->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (report.labels_added, 0), ==, "PER");
  g_assert_cmpstr (g_ptr_array_index (report.labels_added, 1), ==, "ORG");
  g_assert_cmpuint (report.warnings->len, ==, 0);
  g_assert_nonnull (spanmark_schema_lookup (spanmark_project_get_schema (project), "PER"));

  /* Again: nothing new, nothing added. */
  g_assert_true (import_one (project, bob, &options, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.documents_added, ==, 0);
  g_assert_cmpuint (report.annotations_added, ==, 0);
  g_assert_cmpuint (report.already_there, ==, 2);
  g_assert_cmpuint (report.labels_added->len, ==, 0);
  g_assert_cmpuint (report.notices->len, ==, 2);

  /* Another reading of d2: refused, then replaced with replace. */
  g_assert_false (import_one (project, bob2, &options, &report, &error));
  g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "--replace"));
  g_clear_error (&error);
  options.replace = TRUE;
  g_assert_true (import_one (project, bob2, &options, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.annotations_added, ==, 1);
  g_assert_cmpuint (report.annotations_replaced, ==, 1);
  g_assert_cmpuint (report.already_there, ==, 1);
  {
    g_autoptr(SpanmarkAnnotationSet) set = NULL;

    set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d2"), "bob", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 1);
    g_assert_cmpstr (spanmark_annotation_set_get_span (set, 0)->text, ==, "tagged");
  }

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (inputs);
}

/* One JSON line of about 1,000 bytes: document @i, one PLACE span. */
static void
append_line (GString *out,
             guint    i)
{
  g_string_append_printf (out, "{\"id\": \"n%04u\", \"text\": \"青溪市", i);
  for (guint k = 0; k < 100; k++)
    g_string_append (out, "发展");
  g_string_append (out, "。\\n\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"PLACE\"}]}\n");
}

/* Imports @paths into @dir's project and expects it refused with a
 * message holding every one of @needles, the project's folder and its
 * index (in memory too) as they were. */
static void
assert_refused_unchanged (const char         *dir,
                          const char * const *paths,
                          const char * const *needles)
{
  g_autoptr(SpanmarkProject) project = fixture_open (dir);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = spanmark_test_snapshot_tree (dir);
  g_autofree char *after = NULL;
  guint n = spanmark_project_get_n_documents (project);

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));

  g_assert_false (spanmark_import_run (project, (GFile **) files->pdata, files->len, NULL, NULL, &error));
  g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (error->message, needles[i]) == NULL)
      g_error ("expected “%s” in: %s", needles[i], error->message);

  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, n);
}

/* Bad input far into a streamed file, or in a late file of a folder,
 * stops the import before anything is written, naming the file and the
 * line: every document is checked before the first is written. */
static void
test_stream_bad_late (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autofree char *news = g_build_filename (inputs, "news.jsonl", NULL);
  g_autofree char *tags = g_build_filename (inputs, "tags.conll", NULL);
  g_autofree char *texts = g_build_filename (inputs, "texts", NULL);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GString) conll = g_string_new (NULL);
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);

  /* 600 lines (600 KB: more than one block of the reader), the 590th
   * with a label the project lacks. */
  for (guint i = 1; i <= 600; i++)
    if (i == 590)
      g_string_append (lines, "{\"id\": \"bad\", \"text\": \"青溪市\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"ORG\"}]}\n");
    else
      append_line (lines, i);
  fixture_write (inputs, "news.jsonl", lines->str, lines->len);
  assert_refused_unchanged (dir, (const char *[]) { news, NULL },
                            (const char *[]) { "news.jsonl: line 590: ", "“ORG”", NULL });

  /* The same file with the line made good, then a CoNLL file whose third
   * document has a tag of no scheme. */
  g_string_truncate (lines, 0);
  for (guint i = 1; i <= 600; i++)
    append_line (lines, i);
  fixture_write (inputs, "news.jsonl", lines->str, lines->len);
  for (guint d = 0; d < 3; d++)
    g_string_append (conll, "-DOCSTART- O\n\n青 B-PLACE\n溪 I-PLACE\n市 I-PLACE\n。 O\n\n");
  g_string_append (conll, "-DOCSTART- O\n\n青 X-PLACE\n");
  fixture_write (inputs, "tags.conll", conll->str, conll->len);
  assert_refused_unchanged (dir, (const char *[]) { news, tags, NULL },
                            (const char *[]) { "tags.conll: line 24: ", "X-PLACE", NULL });

  /* A folder of texts, the last not UTF-8. */
  fixture_write (inputs, "texts/a.txt", "甲\n", -1);
  fixture_write (inputs, "texts/b.txt", "乙\n", -1);
  fixture_write (inputs, "texts/c.txt", "丙\n\xff\n", -1);
  assert_refused_unchanged (dir, (const char *[]) { news, texts, NULL },
                            (const char *[]) { "c.txt: line 2: ", NULL });

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (inputs);
}

/* Into a project without documents the input is read once, each
 * document checked and written as it is read.  Bad input late in it
 * still leaves the project as it was: the documents written before are
 * removed again, and the labels the import added, which only the index
 * written last holds, are not in it. */
static void
test_one_pass_bad_late (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autofree char *news = g_build_filename (inputs, "news.jsonl", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path (news);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  SpanmarkImportOptions options = { .annotator = "bench", .add_labels = TRUE };
  guint n_written = 0;

  project = spanmark_project_create (root, "New", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, 0);

  /* The 590th line's span is out of range; every line adds the label
   * SITE, which the project lacks. */
  for (guint i = 1; i <= 600; i++)
    if (i == 590)
      g_string_append (lines, "{\"id\": \"bad\", \"text\": \"青溪市\", \"spans\": [{\"start\": 0, \"end\": 9, \"label\": \"SITE\"}]}\n");
    else
      {
        append_line (lines, i);
        g_string_truncate (lines, lines->len - strlen ("PLACE\"}]}\n"));
        g_string_append (lines, "SITE\"}]}\n");
      }
  fixture_write (inputs, "news.jsonl", lines->str, lines->len);
  before = spanmark_test_snapshot_tree (dir);

  g_assert_false (spanmark_import_run (project, &file, 1, &options, NULL, &error));
  g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "news.jsonl: line 590: "));
  g_clear_error (&error);
  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, 0);
  g_assert_null (spanmark_schema_lookup (spanmark_project_get_schema (project), "SITE"));

  /* Made good, it imports; the label is in the index saved after it. */
  g_string_truncate (lines, 0);
  for (guint i = 1; i <= 600; i++)
    {
      append_line (lines, i);
      g_string_truncate (lines, lines->len - strlen ("PLACE\"}]}\n"));
      g_string_append (lines, "SITE\"}]}\n");
    }
  fixture_write (inputs, "news.jsonl", lines->str, lines->len);
  g_assert_true (spanmark_import_run (project, &file, 1, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (spanmark_project_save (project, &error));
  g_assert_no_error (error);
  reopened = fixture_open (dir);
  g_assert_cmpuint (spanmark_project_get_n_documents (reopened), ==, 600);
  g_assert_nonnull (spanmark_schema_lookup (spanmark_project_get_schema (reopened), "SITE"));
  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(SpanmarkAnnotationSet) set =
        spanmark_project_load_annotations (reopened, spanmark_project_get_document (reopened, i), "bench", &error);

      g_assert_no_error (error);
      g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 1);
      n_written++;
    }
  g_assert_cmpuint (n_written, ==, 600);
  text = fixture_read (dir, "documents/n0600.txt", NULL);
  g_assert_true (g_str_has_prefix (text, "青溪市发展"));

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (inputs);
}

/* An import into a new project whose documents/ (then annotations/, then
 * the annotator's folder) is a link out of the project writes nothing
 * there: the batch writes by name only in folders it opened without
 * links, and any other goes the checked way, which refuses it. */
static void
test_one_pass_linked_folder (gconstpointer data)
{
  const char *linked = data;
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autofree char *outside = spanmark_test_make_tmpdir ();
  g_autofree char *news = g_build_filename (inputs, "news.jsonl", NULL);
  g_autofree char *link = g_build_filename (dir, linked, NULL);
  g_autofree char *folder = g_path_get_dirname (link);
  g_autofree char *listing = NULL;
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path (news);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  SpanmarkImportOptions options = { .annotator = "bench" };

  project = spanmark_project_create (root, "New", &error);
  g_assert_no_error (error);
  for (guint i = 1; i <= 3; i++)
    append_line (lines, i);
  fixture_write (inputs, "news.jsonl", lines->str, lines->len);
  g_mkdir_with_parents (folder, 0755);
  spanmark_test_remove_tree (link);
  g_assert_cmpint (symlink (outside, link), ==, 0);

  g_assert_false (spanmark_import_run (project, &file, 1, &options, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", linked, error->message);
  g_assert_nonnull (strstr (error->message, "news.jsonl: "));
  g_assert_nonnull (strstr (error->message, "symbolic link"));
  listing = spanmark_test_snapshot_tree (outside);
  g_assert_cmpstr (listing, ==, "");
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, 0);

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (inputs);
  spanmark_test_remove_tree (outside);
}

typedef struct
{
  const char *path;
  gsize       offset;     /* of the bytes to write over */
  const char *bytes;
  gboolean    done;
} Changer;

/* After the first document is written, writes over the input in place,
 * as an editor saving it would: the second pass reads the change. */
static void
change_input_cb (SpanmarkImportStage  stage,
                 const char          *file,
                 guint64              done,
                 guint64              total,
                 gpointer             user_data)
{
  Changer *changer = user_data;
  FILE *out;

  if (stage != SPANMARK_IMPORT_STAGE_WRITE || changer->done)
    return;
  changer->done = TRUE;
  out = fopen (changer->path, "r+");
  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, (long) changer->offset, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (changer->bytes, 1, strlen (changer->bytes), out), ==, strlen (changer->bytes));
  g_assert_cmpint (fclose (out), ==, 0);
}

/* An input that changes while the documents are written, so that a late
 * document no longer reads, stops the import: the documents written are
 * removed again, the index and the folder are as before. */
static void
test_stream_changed_while_writing (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autofree char *news = g_build_filename (inputs, "news.jsonl", NULL);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  g_autoptr(GFile) file = g_file_new_for_path (news);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Changer changer = { news, 0, NULL, FALSE };
  SpanmarkImportOptions options = { .progress = change_input_cb, .progress_data = &changer };
  guint n = spanmark_project_get_n_documents (project);
  const char *label;

  for (guint i = 1; i <= 600; i++)
    append_line (lines, i);
  /* The label of the 590th line, made one the project lacks. */
  label = strstr (strstr (lines->str, "\"id\": \"n0590\""), "PLACE");
  changer.offset = label - lines->str;
  changer.bytes = "PLAXE";
  fixture_write (inputs, "news.jsonl", lines->str, lines->len);
  before = spanmark_test_snapshot_tree (dir);

  g_assert_false (spanmark_import_run (project, &file, 1, &options, NULL, &error));
  g_assert_true (changer.done);
  g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "news.jsonl: line 590: "));
  g_assert_nonnull (strstr (error->message, "“PLAXE”"));
  g_clear_error (&error);

  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, n);
  g_assert_null (spanmark_project_lookup_document (project, "n0001"));

  /* Made good again, the whole file imports, each line a document. */
  fixture_write (inputs, "news.jsonl", lines->str, lines->len);
  g_assert_true (spanmark_import_run (project, &file, 1, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, n + 600);
  g_assert_nonnull (spanmark_project_lookup_document (project, "n0600"));

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (inputs);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/expand-folders", test_expand_folders);
  g_test_add_func ("/import/report", test_report);
  g_test_add_func ("/import/stream/bad-input-late", test_stream_bad_late);
  g_test_add_func ("/import/stream/changed-while-writing", test_stream_changed_while_writing);
  g_test_add_func ("/import/one-pass/bad-input-late", test_one_pass_bad_late);
  g_test_add_data_func ("/import/one-pass/linked-folder/documents", "documents", test_one_pass_linked_folder);
  g_test_add_data_func ("/import/one-pass/linked-folder/annotations", "annotations", test_one_pass_linked_folder);
  g_test_add_data_func ("/import/one-pass/linked-folder/annotator", "annotations/bench", test_one_pass_linked_folder);

  return g_test_run ();
}
