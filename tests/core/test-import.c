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

/* ---- the streamed index (stream_index) ---------------------------------- */

/* Every document a list shows, followed until it is finalized: a
 * streamed import keeps none. */
typedef struct
{
  guint added;
  guint finalized;
} DocumentWatch;

static void
document_finalized_cb (gpointer  data,
                       GObject  *where_the_object_was)
{
  ((DocumentWatch *) data)->finalized++;
}

static void
watch_documents_cb (GListModel *model,
                    guint       position,
                    guint       removed,
                    guint       added,
                    gpointer    data)
{
  DocumentWatch *watch = data;

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) document = g_list_model_get_item (model, position + i);

      g_object_weak_ref (document, document_finalized_cb, watch);
      watch->added++;
    }
}


/* How many temporary files (of any file) are in @dir and its folders. */
static guint
count_temporary (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        n += count_temporary (path);
      else if (spanmark_file_is_temporary_name (name, NULL))
        n++;
    }
  return n;
}

/* A new project named "New" in @dir/@name; returns the folder. */
static SpanmarkProject *
new_project (const char  *dir,
             const char  *name,
             char       **path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) root = NULL;
  SpanmarkProject *project;

  *path = g_build_filename (dir, name, "New", NULL);
  root = g_file_new_for_path (*path);
  project = spanmark_project_create (root, "New", &error);
  g_assert_no_error (error);
  return project;
}

/* The inputs of the stream tests: JSON lines with titles, meta, spans of
 * a label the project lacks and entities, and a text file. */
static GPtrArray *
stream_inputs (const char *inputs)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 1; i <= 300; i++)
    append_line (lines, i);
  g_string_append (lines,
                   "{\"id\": \"t1\", \"title\": \"第一 \\\"引\\\"\", \"meta\": {\"source\": \"wire\", \"n\": [1, 2.5]}, "
                   "\"text\": \"林振邦到青溪市。\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"PER\", \"entity\": \"e1\"}], "
                   "\"entities\": [{\"id\": \"e1\", \"label\": \"PER\", \"name\": \"林振邦\"}]}\n"
                   "{\"id\": \"t2\", \"text\": \"没有标注。\"}\n");
  fixture_write (inputs, "news.jsonl", lines->str, lines->len);
  fixture_write (inputs, "plain.txt", "Plain text,\r\nno spans.\n", -1);
  g_ptr_array_add (files, g_file_new_build_filename (inputs, "news.jsonl", NULL));
  g_ptr_array_add (files, g_file_new_build_filename (inputs, "plain.txt", NULL));
  return files;
}

/* A new document's annotation file is written straight from what the
 * import read, without a set: it must be the very file a set holding
 * the same annotations writes (span order, ties and all). */
static void
test_written_as_a_set_writes (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autofree char *project_dir = NULL;
  g_autoptr(SpanmarkProject) project = new_project (dir, "direct", &project_dir);
  g_autoptr(SpanmarkProject) reopened = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  SpanmarkImportOptions options = { .annotator = "ann", .add_labels = TRUE, .stream_index = TRUE };

  /* A byte-order mark and carriage returns (the offsets move), nested
   * spans, one place with two labels, attributes out of key order,
   * entities named and not, an escaped text. */
  g_string_append (lines,
                   "{\"id\": \"d1\", \"text\": \"\ufeffA\\r\\nB \u5317\u4eac C\\r\\n\U0001F600 D \\\"E\\\"\", \"spans\": ["
                   "{\"start\": 14, \"end\": 19, \"label\": \"PLACE\", \"text\": \"D \\\"E\\\"\"}, "
                   "{\"start\": 5, \"end\": 8, \"label\": \"PLACE\", \"entity\": \"e1\"}, "
                   "{\"start\": 5, \"end\": 8, \"label\": \"ORG\", \"attrs\": {\"z\": \"1\", \"a\": \"2\"}}, "
                   "{\"start\": 4, \"end\": 9, \"label\": \"ORG\"}, "
                   "{\"start\": 1, \"end\": 2, \"label\": \"PLACE\", \"entity\": \"e1\"}], "
                   "\"entities\": [{\"id\": \"e1\", \"label\": \"PLACE\", \"attrs\": {\"k\": \"v\"}}, "
                   "{\"id\": \"e0\", \"label\": \"ORG\", \"name\": \"x\"}]}\n");
  /* Twelve spans over the same characters: ids s1..s12, which a set
   * orders as strings (s10 before s2). */
  g_string_append (lines, "{\"id\": \"d2\", \"text\": \"ab\", \"spans\": [");
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (lines, "%s{\"start\": 0, \"end\": 2, \"label\": \"L%u\"}", i > 0 ? ", " : "", i);
  g_string_append (lines, "]}\n");
  /* The slow reader's line (a key the fast one leaves). */
  g_string_append (lines, "{\"id\": \"d3\", \"text\": \"cd\", \"label\": [[1, 2, \"PLACE\"], [0, 2, \"PLACE\"]], \"x\": 1}\n");
  fixture_write (inputs, "rich.jsonl", lines->str, lines->len);
  input = g_file_new_build_filename (inputs, "rich.jsonl", NULL);

  g_assert_true (spanmark_import_run (project, &input, 1, &options, NULL, &error));
  g_assert_no_error (error);

  reopened = fixture_open (project_dir);
  g_assert_cmpuint (spanmark_project_get_n_documents (reopened), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (reopened, i);
      g_autofree char *path = g_strdup_printf ("annotations/ann/%s.json", spanmark_document_get_id (document));
      g_autofree char *written = fixture_read (project_dir, path, NULL);
      g_autoptr(SpanmarkAnnotationSet) set = spanmark_project_load_annotations (reopened, document, "ann", &error);
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (set);
      g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, i == 0 ? 5 : i == 1 ? 12 : 2);
      again = spanmark_annotation_set_to_json (set, NULL);
      g_assert_cmpstr (written, ==, again);
    }
  {
    g_autoptr(SpanmarkAnnotationSet) set =
      spanmark_project_load_annotations (reopened, spanmark_project_lookup_document (reopened, "d1"), "ann", &error);
    const SpanmarkSpan *first = spanmark_annotation_set_get_span (set, 0);

    g_assert_no_error (error);
    /* "A" is the first character once the mark is gone. */
    g_assert_cmpuint (first->start, ==, 0);
    g_assert_cmpstr (first->text, ==, "A");
    g_assert_cmpuint (spanmark_annotation_set_get_n_entities (set), ==, 2);
    g_assert_cmpstr (spanmark_annotation_set_get_entity (set, 0)->name, ==, "A");
  }

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (inputs);
}

/* Whether `diff -r -I '"modified": '` finds the folders the same. */
static void
assert_same_but_times (const char *a,
                       const char *b)
{
  const char *argv[] = { "diff", "-r", "-I", "\"modified\": ", a, b, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (out[0] != '\0')
    g_test_message ("%s", out);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Streamed, the import writes the very spanmark.json (and files) the
 * import that keeps its documents and is saved writes; the project in
 * memory holds none of them and refuses to be saved or imported into,
 * and reopened it has them all. */
static void
test_one_pass_stream_index (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autoptr(GPtrArray) files = stream_inputs (inputs);
  g_autofree char *kept_dir = NULL;
  g_autofree char *streamed_dir = NULL;
  g_autoptr(SpanmarkProject) kept = new_project (dir, "kept", &kept_dir);
  g_autoptr(SpanmarkProject) streamed = new_project (dir, "streamed", &streamed_dir);
  g_autoptr(SpanmarkProject) reopened = NULL;
  g_auto(SpanmarkImportReport) kept_report = { 0 };
  g_auto(SpanmarkImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_index = NULL;
  g_autofree char *streamed_index = NULL;
  g_autofree char *snapshot = NULL;
  SpanmarkImportOptions options = { .annotator = "bench", .add_labels = TRUE };
  DocumentWatch watch = { 0, 0 };
  gulong handler;

  spanmark_import_report_init (&kept_report);
  g_assert_true (spanmark_import_run (kept, (GFile **) files->pdata, files->len, &options, &kept_report, &error));
  g_assert_no_error (error);
  g_assert_false (kept_report.index_written);
  g_assert_true (spanmark_project_save (kept, &error));
  g_assert_no_error (error);

  options.stream_index = TRUE;
  spanmark_import_report_init (&report);
  handler = g_signal_connect (spanmark_project_get_documents (streamed), "items-changed",
                              G_CALLBACK (watch_documents_cb), &watch);
  g_assert_true (spanmark_import_run (streamed, (GFile **) files->pdata, files->len, &options, &report, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (spanmark_project_get_documents (streamed), handler);
  /* Out of memory once streamed: none is kept, by the list or anything. */
  g_assert_cmpuint (watch.added, ==, 303);
  g_assert_cmpuint (watch.finalized, ==, watch.added);
  g_assert_true (report.index_written);
  g_assert_cmpuint (report.documents_added, ==, 303);
  g_assert_cmpuint (report.documents_added, ==, kept_report.documents_added);
  g_assert_cmpuint (report.labels_added->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report.labels_added, 0), ==, "PER");
  /* The labels are the project's; the documents are only on disk. */
  g_assert_nonnull (spanmark_schema_lookup (spanmark_project_get_schema (streamed), "PER"));
  g_assert_cmpuint (spanmark_project_get_n_documents (streamed), ==, 0);

  kept_index = fixture_read (kept_dir, "spanmark.json", NULL);
  streamed_index = fixture_read (streamed_dir, "spanmark.json", NULL);
  g_assert_cmpstr (streamed_index, ==, kept_index);
  assert_same_but_times (kept_dir, streamed_dir);
  g_assert_cmpuint (count_temporary (streamed_dir), ==, 0);

  /* Saving from memory would drop the documents: refused, and so is
   * another import through the same object. */
  snapshot = spanmark_test_snapshot_tree (streamed_dir);
  g_assert_false (spanmark_project_save (streamed, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "open the project again"));
  g_clear_error (&error);
  g_assert_false (spanmark_import_run (streamed, (GFile **) files->pdata, 1, &options, NULL, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  /* A document added would be a text file the index never names. */
  g_assert_null (spanmark_project_add_document (streamed, "late", "后来的文本", NULL, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *now = spanmark_test_snapshot_tree (streamed_dir);

    g_assert_cmpstr (now, ==, snapshot);
  }

  reopened = fixture_open (streamed_dir);
  g_assert_cmpuint (spanmark_project_get_n_documents (reopened), ==, 303);
  for (guint i = 0; i < spanmark_project_get_n_documents (reopened); i++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (reopened, i);
      g_autoptr(SpanmarkAnnotationSet) set =
        spanmark_project_load_annotations (reopened, document, "bench", &error);

      g_assert_no_error (error);
      g_assert_nonnull (set);
    }
  g_assert_cmpstr (spanmark_document_get_title (spanmark_project_lookup_document (reopened, "t1")), ==, "第一 \"引\"");
  g_assert_nonnull (spanmark_document_get_meta (spanmark_project_lookup_document (reopened, "t1")));
  /* And it saves again to the same bytes. */
  g_assert_true (spanmark_project_save (reopened, &error));
  g_assert_no_error (error);
  {
    g_autofree char *again = fixture_read (streamed_dir, "spanmark.json", NULL);

    g_assert_cmpstr (again, ==, kept_index);
  }

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (inputs);
}

/* Streamed, bad input in the last document still leaves the project as
 * it was: the index, no document files, no temporary index left. */
static void
test_one_pass_stream_bad_late (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autofree char *news = g_build_filename (inputs, "news.jsonl", NULL);
  g_autofree char *project_dir = NULL;
  g_autoptr(SpanmarkProject) project = new_project (dir, "p", &project_dir);
  g_autoptr(SpanmarkProject) reopened = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (news);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_auto(SpanmarkImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SpanmarkImportOptions options = { .annotator = "bench", .add_labels = TRUE, .stream_index = TRUE };

  for (guint i = 1; i < 600; i++)
    append_line (lines, i);
  /* The last line's span is out of range. */
  g_string_append (lines, "{\"id\": \"bad\", \"text\": \"青溪市\", \"spans\": [{\"start\": 0, \"end\": 9, \"label\": \"SITE\"}]}\n");
  fixture_write (inputs, "news.jsonl", lines->str, lines->len);
  before = spanmark_test_snapshot_tree (project_dir);

  spanmark_import_report_init (&report);
  g_assert_false (spanmark_import_run (project, &file, 1, &options, &report, &error));
  g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "news.jsonl: line 600: "));
  g_clear_error (&error);
  g_assert_false (report.index_written);
  after = spanmark_test_snapshot_tree (project_dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_temporary (project_dir), ==, 0);
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, 0);
  g_assert_null (spanmark_schema_lookup (spanmark_project_get_schema (project), "SITE"));

  /* Not streamed, the project can still be saved; made good, it imports. */
  g_assert_true (spanmark_project_save (project, &error));
  g_assert_no_error (error);
  g_string_truncate (lines, lines->len - 1);
  g_string_truncate (lines, strrchr (lines->str, '\n') + 1 - lines->str);
  fixture_write (inputs, "news.jsonl", lines->str, lines->len);
  g_assert_true (spanmark_import_run (project, &file, 1, &options, NULL, &error));
  g_assert_no_error (error);
  reopened = fixture_open (project_dir);
  g_assert_cmpuint (spanmark_project_get_n_documents (reopened), ==, 599);

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (inputs);
}

/* Without syncfs(), the batch fsyncs each file it wrote, and the folders
 * (found by name in them, not from a list of paths). */
static GHashTable *fsynced;

static void
collect_fsynced_cb (const char *step,
                    const char *path)
{
  if (g_str_equal (step, "fsynced"))
    g_hash_table_add (fsynced, g_strdup (path));
}

static void
test_one_pass_sync_fallback (gconstpointer data)
{
  gboolean stream = GPOINTER_TO_INT (data);
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autoptr(GPtrArray) files = stream_inputs (inputs);
  g_autofree char *project_dir = NULL;
  g_autoptr(SpanmarkProject) project = new_project (dir, "p", &project_dir);
  g_autoptr(SpanmarkProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  SpanmarkImportOptions options = { .annotator = "bench", .add_labels = TRUE, .stream_index = stream };
  const char *folders[] = { "documents", "annotations/bench", NULL };
  guint n_files = 0;

  fsynced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  spanmark_file_set_syncfs_disabled (TRUE);
  spanmark_file_set_step_func (collect_fsynced_cb);
  g_assert_true (spanmark_import_run (project, (GFile **) files->pdata, files->len, &options, NULL, &error));
  spanmark_file_set_step_func (NULL);
  spanmark_file_set_syncfs_disabled (FALSE);
  g_assert_no_error (error);
  if (!stream)
    {
      g_assert_true (spanmark_project_save (project, &error));
      g_assert_no_error (error);
    }

  /* Every file of both folders, and the folders. */
  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autofree char *folder = g_build_filename (project_dir, folders[i], NULL);
      g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
      const char *name;

      g_assert_nonnull (listing);
      g_assert_true (g_hash_table_contains (fsynced, folder));
      while ((name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);

          if (!g_hash_table_contains (fsynced, path))
            g_test_message ("not fsynced: %s", path);
          g_assert_true (g_hash_table_contains (fsynced, path));
          n_files++;
        }
    }
  g_assert_cmpuint (n_files, ==, 303 + 301);
  /* The batch made annotations/bench: its entry is in annotations. */
  {
    g_autofree char *parent = g_build_filename (project_dir, "annotations", NULL);

    g_assert_true (g_hash_table_contains (fsynced, parent));
  }
  g_clear_pointer (&fsynced, g_hash_table_unref);

  reopened = fixture_open (project_dir);
  g_assert_cmpuint (spanmark_project_get_n_documents (reopened), ==, 303);

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (inputs);
}

/* Undone, the documents a batch added leave the project's list in one
 * change, not one a document (the window's list follows it). */
static void
count_removals_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   gpointer    data)
{
  guint *removals = data;

  if (removed > 0)
    (*removals)++;
}

static void
test_one_pass_undo_one_change (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autofree char *news = g_build_filename (inputs, "news.jsonl", NULL);
  g_autofree char *project_dir = NULL;
  g_autoptr(SpanmarkProject) project = new_project (dir, "p", &project_dir);
  g_autoptr(GFile) file = g_file_new_for_path (news);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  SpanmarkImportOptions options = { .annotator = "bench", .add_labels = TRUE };
  GListModel *documents = spanmark_project_get_documents (project);
  guint removals = 0;
  gulong handler;

  for (guint i = 1; i < 100; i++)
    append_line (lines, i);
  g_string_append (lines, "{\"id\": \"bad\", \"text\": \"青溪市\", \"spans\": [{\"start\": 0, \"end\": 9, \"label\": \"SITE\"}]}\n");
  fixture_write (inputs, "news.jsonl", lines->str, lines->len);

  handler = g_signal_connect (documents, "items-changed", G_CALLBACK (count_removals_cb), &removals);
  g_assert_false (spanmark_import_run (project, &file, 1, &options, NULL, &error));
  g_signal_handler_disconnect (documents, handler);
  g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 0);
  g_assert_cmpuint (removals, ==, 1);

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (inputs);
}

/* An id twice — in one file, or in two — is refused naming both places,
 * before anything is kept: streamed into a new project, and in the two
 * passes into one with documents. */
static void
test_duplicate_id (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autofree char *project_dir = NULL;
  g_autofree char *fixture_dir = g_build_filename (dir, "fixture", NULL);
  g_autoptr(SpanmarkProject) project = new_project (dir, "p", &project_dir);
  g_autoptr(SpanmarkProject) with_documents = fixture_make_project (fixture_dir, TRUE);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) two = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *before = NULL;
  g_autofree char *fixture_before = NULL;
  SpanmarkImportOptions options = { .annotator = "bench", .stream_index = TRUE };
  /* The files are named by their paths (not below the working folder). */
  struct
  {
    GPtrArray  *files;
    const char *message;
    const char *first;
  } cases[] = {
    { one, "a.jsonl: line 250: document id “n0017” is used twice (also in ", "/a.jsonl, line 17)" },
    { two, "n0017.txt: document id “n0017” is used twice (also in ", "/b.jsonl, line 17)" },
  };

  for (guint i = 1; i <= 300; i++)
    append_line (lines, i == 250 ? 17 : i);
  fixture_write (inputs, "a.jsonl", lines->str, lines->len);
  g_string_truncate (lines, 0);
  for (guint i = 1; i <= 20; i++)
    append_line (lines, i);
  fixture_write (inputs, "b.jsonl", lines->str, lines->len);
  fixture_write (inputs, "n0017.txt", "青溪市\n", -1);
  g_ptr_array_add (one, g_file_new_build_filename (inputs, "a.jsonl", NULL));
  g_ptr_array_add (two, g_file_new_build_filename (inputs, "b.jsonl", NULL));
  g_ptr_array_add (two, g_file_new_build_filename (inputs, "n0017.txt", NULL));

  before = spanmark_test_snapshot_tree (project_dir);
  fixture_before = spanmark_test_snapshot_tree (fixture_dir);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint target = 0; target < 2; target++)
      {
        SpanmarkProject *into = target == 0 ? project : with_documents;
        const char *folder = target == 0 ? project_dir : fixture_dir;
        guint n = spanmark_project_get_n_documents (into);
        g_autoptr(GError) error = NULL;
        g_autofree char *after = NULL;

        g_assert_false (spanmark_import_run (into, (GFile **) cases[c].files->pdata, cases[c].files->len,
                                             &options, NULL, &error));
        g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
        g_test_message ("%s", error->message);
        g_assert_nonnull (strstr (error->message, cases[c].message));
        g_assert_true (g_str_has_suffix (error->message, cases[c].first));
        after = spanmark_test_snapshot_tree (folder);
        g_assert_cmpstr (after, ==, target == 0 ? before : fixture_before);
        g_assert_cmpuint (spanmark_project_get_n_documents (into), ==, n);
      }

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
  g_test_add_func ("/import/one-pass/stream-index", test_one_pass_stream_index);
  g_test_add_func ("/import/one-pass/written-as-a-set-writes", test_written_as_a_set_writes);
  g_test_add_func ("/import/one-pass/stream-index/bad-input-late", test_one_pass_stream_bad_late);
  g_test_add_data_func ("/import/one-pass/sync-fallback/kept", GINT_TO_POINTER (FALSE), test_one_pass_sync_fallback);
  g_test_add_data_func ("/import/one-pass/sync-fallback/streamed", GINT_TO_POINTER (TRUE), test_one_pass_sync_fallback);
  g_test_add_func ("/import/duplicate-id", test_duplicate_id);
  g_test_add_func ("/import/one-pass/undo-one-change", test_one_pass_undo_one_change);
  g_test_add_data_func ("/import/one-pass/linked-folder/documents", "documents", test_one_pass_linked_folder);
  g_test_add_data_func ("/import/one-pass/linked-folder/annotations", "annotations", test_one_pass_linked_folder);
  g_test_add_data_func ("/import/one-pass/linked-folder/annotator", "annotations/bench", test_one_pass_linked_folder);

  return g_test_run ();
}
