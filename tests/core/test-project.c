/* test-project.c — project create, open, save and load
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include "spanmark-core.h"
#include "spanmark-project-private.h"
#include "project-fixture.h"

static char *
expected_file (const char *name,
               gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "expected", name, NULL);

  return spanmark_test_read_file (path, length);
}

static void
test_create_layout (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *sub = g_build_filename (dir, "new", "project", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sub);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *index = NULL;
  g_autofree char *documents = g_build_filename (sub, "documents", NULL);
  g_autofree char *annotations = g_build_filename (sub, "annotations", NULL);

  project = spanmark_project_create (file, "New", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spanmark_project_get_name (project), ==, "New");
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, 0);
  g_assert_cmpuint (spanmark_schema_get_n_labels (spanmark_project_get_schema (project)), ==, 3);
  g_assert_true (g_file_test (documents, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (annotations, G_FILE_TEST_IS_DIR));

  index = fixture_read (sub, "spanmark.json", NULL);
  g_assert_true (g_str_has_prefix (index, "{\n  \"spanmark\": 1,\n  \"name\": \"New\",\n  \"labels\": [\n    {\"name\": \"OFFICIAL\""));
  g_assert_true (g_str_has_suffix (index, "\n  ],\n  \"documents\": []\n}\n"));

  /* A folder that is not empty is refused, and left alone. */
  again = spanmark_project_create (file, "Again", &error);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS);
  g_assert_null (again);
  g_clear_pointer (&index, g_free);
  index = fixture_read (sub, "spanmark.json", NULL);
  g_assert_nonnull (strstr (index, "\"New\""));

  spanmark_test_remove_tree (dir);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkProject) project = fixture_open (dir);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(SpanmarkAnnotationSet) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const SpanmarkSpan *span;
  const SpanmarkEntity *entity;
  SpanmarkDocument *d1, *d2;
  SpanmarkSchema *schema;
  JsonObject *meta;

  g_assert_cmpstr (spanmark_project_get_name (project), ==, "Sample 样例");
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (spanmark_project_get_documents (project)), ==, 2);

  schema = spanmark_project_get_schema (project);
  g_assert_cmpuint (spanmark_schema_get_n_labels (schema), ==, 3);
  g_assert_cmpstr (spanmark_schema_get_label (schema, 0)->name, ==, "OFFICIAL");
  g_assert_cmpstr (spanmark_schema_get_label (schema, 0)->key, ==, "1");
  g_assert_cmpstr (spanmark_schema_get_label (schema, 0)->attrs[1], ==, "region");
  g_assert_cmpstr (spanmark_schema_get_label (schema, 2)->color, ==, "#e66100");

  d1 = spanmark_project_get_document (project, 0);
  d2 = spanmark_project_get_document (project, 1);
  g_assert_null (spanmark_project_get_document (project, 2));
  g_assert_true (spanmark_project_lookup_document (project, "d1") == d1);
  g_assert_null (spanmark_project_lookup_document (project, "d3"));
  g_assert_cmpstr (spanmark_document_get_id (d1), ==, "d1");
  g_assert_cmpstr (spanmark_document_get_path (d1), ==, "documents/d1.txt");
  g_assert_cmpstr (spanmark_document_get_title (d1), ==, "第一篇 🙂");
  g_assert_cmpstr (spanmark_document_get_display_title (d2), ==, "d2");
  g_assert_null (spanmark_document_get_meta (d2));
  meta = spanmark_document_get_meta (d1);
  g_assert_nonnull (meta);
  g_assert_cmpstr (json_object_get_string_member (meta, "source"), ==, "hand-written");
  g_assert_cmpint (json_object_get_int_member (meta, "n"), ==, 2);
  /* The metadata of an opened project can be edited. */
  json_object_set_string_member (meta, "edited", "yes");
  g_assert_cmpstr (json_object_get_string_member (spanmark_document_get_meta (d1), "edited"), ==, "yes");

  text = spanmark_project_load_text (project, d1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, FIXTURE_TEXT_D1);

  set = spanmark_project_load_annotations (project, d1, "alice", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spanmark_annotation_set_get_document_id (set), ==, "d1");
  g_assert_cmpstr (spanmark_annotation_set_get_annotator (set), ==, "alice");
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_nonnull (spanmark_annotation_set_get_modified (set));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 4);
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (set), ==, 1);
  /* Loading is not an edit. */
  g_assert_false (spanmark_history_can_undo (spanmark_annotation_set_get_history (set)));

  span = spanmark_annotation_set_lookup_span (set, "s1");
  g_assert_cmpuint (span->start, ==, 2);
  g_assert_cmpuint (span->end, ==, 5);
  g_assert_cmpstr (span->label, ==, "OFFICIAL");
  g_assert_cmpstr (span->text, ==, "王小明");
  g_assert_cmpstr (span->entity, ==, "e1");
  g_assert_cmpstr (g_hash_table_lookup (span->attrs, "region"), ==, "杭州");
  span = spanmark_annotation_set_lookup_span (set, "s3");
  g_assert_cmpstr (span->text, ==, "𠀋村");
  span = spanmark_annotation_set_lookup_span (set, "s4");
  g_assert_cmpstr (span->text, ==, "\"hi\"\tthere");
  entity = spanmark_annotation_set_lookup_entity (set, "e1");
  g_assert_cmpstr (entity->name, ==, "王小明");
  g_assert_cmpstr (g_hash_table_lookup (entity->attrs, "title"), ==, "市长");

  /* No file: an empty set with status new. */
  empty = spanmark_project_load_annotations (project, d2, "bob", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (empty), ==, 0);
  g_assert_cmpint (spanmark_annotation_set_get_status (empty), ==, SPANMARK_STATUS_NEW);
  g_assert_null (spanmark_annotation_set_get_modified (empty));
  g_assert_cmpint (spanmark_project_peek_status (project, d2, "bob"), ==, SPANMARK_STATUS_NEW);

  /* Saving sets "modified" and writes the file; peek finds the status. */
  spanmark_annotation_set_set_status (empty, SPANMARK_STATUS_DONE);
  spanmark_project_save_annotations (project, empty, &error);
  g_assert_no_error (error);
  g_assert_nonnull (spanmark_annotation_set_get_modified (empty));
  g_assert_true (g_str_has_suffix (spanmark_annotation_set_get_modified (empty), "Z"));
  g_assert_cmpint (spanmark_project_peek_status (project, d2, "bob"), ==, SPANMARK_STATUS_DONE);
  g_assert_cmpint (spanmark_project_peek_status (project, d1, "alice"), ==, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_cmpint (spanmark_project_peek_status (project, d1, "nobody"), ==, SPANMARK_STATUS_NEW);

  spanmark_test_remove_tree (dir);
}

/* Saving the same content twice, and loading and saving again, gives
 * the same bytes, equal to files written by hand. */
static void
test_deterministic (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, FALSE);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(SpanmarkAnnotationSet) loaded = NULL;
  g_autoptr(SpanmarkAnnotationSet) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_index = expected_file ("spanmark.json", NULL);
  g_autofree char *expected_d1 = expected_file ("d1.json", NULL);
  g_autofree char *expected_empty = expected_file ("empty.json", NULL);
  g_autofree char *index1 = NULL, *index2 = NULL, *index3 = NULL;
  g_autofree char *json1 = NULL, *json2 = NULL, *json3 = NULL, *json4 = NULL;
  g_autofree char *saved = NULL;
  gsize length;

  index1 = fixture_read (dir, "spanmark.json", NULL);
  g_assert_cmpstr (index1, ==, expected_index);
  spanmark_project_save (created, &error);
  g_assert_no_error (error);
  index2 = fixture_read (dir, "spanmark.json", NULL);
  g_assert_cmpstr (index2, ==, expected_index);

  project = fixture_open (dir);
  spanmark_project_save (project, &error);
  g_assert_no_error (error);
  index3 = fixture_read (dir, "spanmark.json", NULL);
  g_assert_cmpstr (index3, ==, expected_index);

  set = fixture_annotate_d1 (project);
  spanmark_annotation_set_set_modified (set, FIXTURE_MODIFIED);
  json1 = spanmark_annotation_set_to_json (set, &length);
  g_assert_cmpuint (length, ==, strlen (json1));
  g_assert_cmpstr (json1, ==, expected_d1);
  json2 = spanmark_annotation_set_to_json (set, NULL);
  g_assert_cmpstr (json2, ==, expected_d1);

  /* Through the disk: save, load, serialise again. */
  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);
  saved = fixture_read (dir, "annotations/alice/d1.json", NULL);
  g_assert_true (g_str_has_suffix (saved, "}\n"));
  loaded = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d1"),
                                              "alice", &error);
  g_assert_no_error (error);
  json3 = spanmark_annotation_set_to_json (loaded, NULL);
  g_assert_cmpstr (json3, ==, saved);
  spanmark_annotation_set_set_modified (loaded, FIXTURE_MODIFIED);
  json4 = spanmark_annotation_set_to_json (loaded, NULL);
  g_assert_cmpstr (json4, ==, expected_d1);

  /* Empty arrays are written as []. */
  empty = spanmark_annotation_set_new ("d2", "bob", FIXTURE_TEXT_D2);
  spanmark_annotation_set_set_modified (empty, FIXTURE_MODIFIED);
  g_clear_pointer (&json1, g_free);
  json1 = spanmark_annotation_set_to_json (empty, NULL);
  g_assert_cmpstr (json1, ==, expected_empty);

  spanmark_test_remove_tree (dir);
}

/* Opening reads spanmark.json only: broken annotation files do not stop
 * it, and only the document asked for reports its problem. */
static void
test_lazy_open (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) annotators = NULL;

  fixture_write (dir, "annotations/alice/d1.json", "{ this is not JSON", -1);
  fixture_write (dir, "annotations/bob/d2.json", "\x00\x01\x02", 3);
  fixture_write (dir, "documents/d2.txt", "bad \xff text", -1);

  project = fixture_open (dir);
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, 2);

  annotators = spanmark_project_list_annotators (project);
  g_assert_cmpuint (g_strv_length (annotators), ==, 2);
  g_assert_cmpstr (annotators[0], ==, "alice");
  g_assert_cmpstr (annotators[1], ==, "bob");

  g_assert_cmpint (spanmark_project_peek_status (project, spanmark_project_lookup_document (project, "d1"), "alice"),
                   ==, SPANMARK_STATUS_NEW);

  set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d1"),
                                           "alice", &error);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_PARSE);
  g_assert_null (set);
  g_assert_true (g_str_has_prefix (error->message, "annotations/alice/d1.json: line 1, column "));

  spanmark_test_remove_tree (dir);
}

static void
test_load_text_checks (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *outside_dir = spanmark_test_make_tmpdir ();
  g_autofree char *outside = g_build_filename (outside_dir, "secret.txt", NULL);
  g_autofree char *link = g_build_filename (dir, "documents", "d2.txt", NULL);
  const char *index_path = "spanmark.json";  /* named relative to the project */
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, FALSE);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SpanmarkDocument *d1, *d2;

  /* A symbolic link leading out of the project. */
  fixture_write (outside_dir, "secret.txt", "secret\n", -1);
  g_assert_cmpint (g_unlink (link), ==, 0);
  g_assert_cmpint (symlink (outside, link), ==, 0);

  project = fixture_open (dir);
  d1 = spanmark_project_lookup_document (project, "d1");
  d2 = spanmark_project_lookup_document (project, "d2");

  text = spanmark_project_load_text (project, d2, &error);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_assert_null (text);
  g_assert_true (g_str_has_prefix (error->message, index_path));
  g_assert_true (g_str_has_prefix (error->message + strlen (index_path), ": documents[1] (id \"d2\"): "));
  g_assert_nonnull (strstr (error->message, "outside the project"));
  g_clear_error (&error);

  /* A link that stays inside is fine. */
  g_assert_cmpint (g_unlink (link), ==, 0);
  g_assert_cmpint (symlink ("d1.txt", link), ==, 0);
  text = spanmark_project_load_text (project, d2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, FIXTURE_TEXT_D1);
  g_clear_pointer (&text, g_free);

  /* Invalid UTF-8, with the byte. */
  fixture_write (dir, "documents/d1.txt", "abc\xc3(", -1);
  text = spanmark_project_load_text (project, d1, &error);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_TEXT);
  g_assert_cmpstr (error->message, ==, "documents/d1.txt: byte 3: the text is not valid UTF-8");
  g_clear_error (&error);

  /* A NUL byte. */
  fixture_write (dir, "documents/d1.txt", "ab\0c", 4);
  text = spanmark_project_load_text (project, d1, &error);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_TEXT);
  g_assert_cmpstr (error->message, ==, "documents/d1.txt: byte 2: the text contains a NUL byte");
  g_clear_error (&error);

  /* A missing file. */
  g_assert_cmpint (g_unlink (link), ==, 0);
  text = spanmark_project_load_text (project, d2, &error);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_TEXT);
  g_assert_true (g_str_has_prefix (error->message, "documents/d2.txt: "));
  g_clear_error (&error);

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (outside_dir);
}

static void
test_add_document (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, FALSE);
  g_autoptr(SpanmarkProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  SpanmarkDocument *document;
  g_autofree char *stored = NULL;

  document = spanmark_project_add_document (project, "d1", "again", NULL, &error);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS);
  g_assert_null (document);
  g_clear_error (&error);

  document = spanmark_project_add_document (project, "../x", "text", NULL, &error);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_assert_null (document);
  g_clear_error (&error);

  document = spanmark_project_add_document (project, "新闻-3", "第三篇。\n", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spanmark_document_get_path (document), ==, "documents/新闻-3.txt");
  stored = fixture_read (dir, "documents/新闻-3.txt", NULL);
  g_assert_cmpstr (stored, ==, "第三篇。\n");

  /* In memory until saved. */
  reopened = fixture_open (dir);
  g_assert_cmpuint (spanmark_project_get_n_documents (reopened), ==, 2);
  g_clear_object (&reopened);
  spanmark_project_save (project, &error);
  g_assert_no_error (error);
  reopened = fixture_open (dir);
  g_assert_cmpuint (spanmark_project_get_n_documents (reopened), ==, 3);
  g_assert_nonnull (spanmark_project_lookup_document (reopened, "新闻-3"));

  spanmark_test_remove_tree (dir);
}

/* A text left by an interrupted import (documents/<id>.txt, not in the
 * index) is taken over by a new document with the same text; any other
 * file there is refused, naming it. */
static void
test_add_over_leftover (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *d3 = g_build_filename (dir, "documents", "d3.txt", NULL);
  g_autofree char *d4 = g_build_filename (dir, "documents", "d4.txt", NULL);
  struct stat before, after;
  SpanmarkDocument *document;
  gboolean adopt = FALSE;

  fixture_write (dir, "documents/d3.txt", "第三篇。\n", -1);
  g_assert_cmpint (g_stat (d3, &before), ==, 0);
  document = spanmark_project_add_document (project, "d3", "第三篇。\n", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  /* Taken over as it is, not written again. */
  g_assert_cmpint (g_stat (d3, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);

  fixture_write (dir, "documents/d4.txt", "别的。\n", -1);
  g_assert_null (spanmark_project_add_document (project, "d4", "第四篇。\n", NULL, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==,
                   "documents/d4.txt: already exists with a different text, and spanmark.json does not list it "
                   "(left over from an interrupted import?); “spanmark-cli clean” removes such leftovers");
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (d4), ==, 0);
  g_assert_cmpint (g_mkdir (d4, 0755), ==, 0);
  g_assert_null (spanmark_project_add_document (project, "d4", "第四篇。\n", NULL, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "documents/d4.txt: already exists, and is a folder, not a file");
  g_clear_error (&error);

  /* Another annotator's file beside the leftover may be someone's work:
   * an import may take the text over only if it writes the only
   * annotation file itself. */
  fixture_write (dir, "documents/d5.txt", "第五篇。\n", -1);
  fixture_write (dir, "annotations/bob/d5.json", "{}", -1);
  g_assert_true (_spanmark_project_check_new_document (project, "d5", "第五篇。\n", "bob", &adopt, &error));
  g_assert_no_error (error);
  g_assert_true (adopt);
  g_assert_true (_spanmark_project_check_new_document (project, "d6", "第六篇。\n", "bob", &adopt, &error));
  g_assert_no_error (error);
  g_assert_false (adopt);
  g_assert_false (_spanmark_project_check_new_document (project, "d5", "第五篇。\n", "imported", &adopt, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS);
  g_assert_true (g_str_has_prefix (error->message, "annotations/bob/d5.json: already exists, and spanmark.json "
                                                   "does not list its document"));
  g_clear_error (&error);
  g_assert_false (_spanmark_project_check_new_document (project, "d5", "第五篇。\n", NULL, &adopt, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS);

  spanmark_test_remove_tree (dir);
}

/* The text file of a listed document is never taken over, whatever its
 * id. */
static void
test_add_over_listed_path (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *index = fixture_read (dir, "spanmark.json", NULL);
  g_autoptr(SpanmarkProject) reopened = NULL;
  GString *changed = g_string_new (index);

  /* d2 stored in documents/d9.txt. */
  g_string_replace (changed, "documents/d2.txt", "documents/d9.txt", 1);
  fixture_write (dir, "spanmark.json", changed->str, -1);
  fixture_write (dir, "documents/d9.txt", FIXTURE_TEXT_D2, -1);
  g_string_free (changed, TRUE);

  reopened = fixture_open (dir);
  g_assert_null (spanmark_project_add_document (reopened, "d9", FIXTURE_TEXT_D2, NULL, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "documents/d9.txt: the file already exists");

  spanmark_test_remove_tree (dir);
}

/* An import whose writes fail half-way leaves the project as it was, on
 * disk and in memory, so that saving the index afterwards (as the window
 * does after each file) lists no document without its text. */
static void
test_import_rollback (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autofree char *input = g_build_filename (inputs, "news.jsonl", NULL);
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, FALSE);
  g_autoptr(SpanmarkProject) reopened = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  fixture_write (inputs, "news.jsonl",
                 "{\"id\": \"n1\", \"text\": \"没有标注。\"}\n"
                 "{\"id\": \"n2\", \"text\": \"林振邦\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"OFFICIAL\"}]}\n",
                 -1);
  /* annotations/imported cannot be made: a file is in the way. */
  fixture_write (dir, "annotations/imported", "in the way", -1);
  before = spanmark_test_snapshot_tree (dir);

  g_assert_cmpint (spanmark_import_file (project, file, NULL, &error), ==, -1);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, 2);
  g_assert_null (spanmark_project_lookup_document (project, "n1"));

  spanmark_project_save (project, &error);
  g_assert_no_error (error);
  reopened = fixture_open (dir);
  g_assert_cmpuint (spanmark_project_get_n_documents (reopened), ==, 2);

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (inputs);
}

static void
test_valid_names (void)
{
  g_assert_true (spanmark_project_is_valid_id ("zjol-001"));
  g_assert_true (spanmark_project_is_valid_id ("新闻_2.v1"));
  g_assert_true (spanmark_project_is_valid_id ("हिन्दी"));
  g_assert_false (spanmark_project_is_valid_id (""));
  g_assert_false (spanmark_project_is_valid_id (NULL));
  g_assert_false (spanmark_project_is_valid_id (".hidden"));
  g_assert_false (spanmark_project_is_valid_id (".."));
  g_assert_false (spanmark_project_is_valid_id ("a/b"));
  g_assert_false (spanmark_project_is_valid_id ("a\\b"));
  g_assert_false (spanmark_project_is_valid_id ("a b"));
  g_assert_false (spanmark_project_is_valid_id ("a\"b"));
  g_assert_false (spanmark_project_is_valid_id ("bad\xff"));
  {
    g_autofree char *long_id = g_strnfill (201, 'a');

    g_assert_false (spanmark_project_is_valid_id (long_id));
    long_id[200] = '\0';
    g_assert_true (spanmark_project_is_valid_id (long_id));
  }

  g_assert_true (spanmark_project_is_valid_annotator ("alice"));
  g_assert_true (spanmark_project_is_valid_annotator (SPANMARK_CURATED_ANNOTATOR));
  g_assert_false (spanmark_project_is_valid_annotator (".git"));
  g_assert_false (spanmark_project_is_valid_annotator ("bad name"));
}

static void
test_list_annotators (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, FALSE);
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) annotators = NULL;
  const char *folders[] = { "zoe", "alice", "_curated", ".git", "bad name", "Bob" };

  none = spanmark_project_list_annotators (project);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_build_filename (dir, "annotations", folders[i], NULL);

      g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
    }
  fixture_write (dir, "annotations/notes.txt", "not a folder\n", -1);

  annotators = spanmark_project_list_annotators (project);
  g_assert_cmpuint (g_strv_length (annotators), ==, 4);
  g_assert_cmpstr (annotators[0], ==, "Bob");
  g_assert_cmpstr (annotators[1], ==, "_curated");
  g_assert_cmpstr (annotators[2], ==, "alice");
  g_assert_cmpstr (annotators[3], ==, "zoe");

  spanmark_test_remove_tree (dir);
}

static void
test_escaping (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, FALSE);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(SpanmarkAnnotationSet) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  SpanmarkDocument *d2 = spanmark_project_lookup_document (project, "d2");
  const SpanmarkSpan *span;
  const char *value = "quote \" backslash \\ newline \n tab \t bell \a unit \x1f del \x7f 中 🙂";

  set = spanmark_project_load_annotations (project, d2, "alice", &error);
  g_assert_no_error (error);
  span = spanmark_annotation_set_add_span (set, 0, 7, "PLACE", &error);
  g_assert_no_error (error);
  g_assert_true (spanmark_annotation_set_set_span_attr (set, span->id, "kind", value));

  json = spanmark_annotation_set_to_json (set, NULL);
  g_assert_nonnull (strstr (json, "\"kind\": \"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 unit \\u001f del \x7f 中 🙂\""));

  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);
  loaded = spanmark_project_load_annotations (project, d2, "alice", &error);
  g_assert_no_error (error);
  span = spanmark_annotation_set_get_span (loaded, 0);
  g_assert_cmpstr (g_hash_table_lookup (span->attrs, "kind"), ==, value);

  spanmark_test_remove_tree (dir);
}

/* The annotator's folder appears on first save; a document outside the
 * project cannot be saved. */
static void
test_save_annotations (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, FALSE);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(SpanmarkAnnotationSet) stray = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  set = spanmark_annotation_set_new ("d2", SPANMARK_CURATED_ANNOTATOR, FIXTURE_TEXT_D2);
  spanmark_annotation_set_set_status (set, SPANMARK_STATUS_REVIEWED);
  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);
  file = spanmark_project_get_annotation_file (project, spanmark_project_lookup_document (project, "d2"),
                                               SPANMARK_CURATED_ANNOTATOR);
  path = g_file_get_path (file);
  g_assert_true (g_str_has_suffix (path, "/annotations/_curated/d2.json"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (spanmark_project_peek_status (project, spanmark_project_lookup_document (project, "d2"),
                                                 SPANMARK_CURATED_ANNOTATOR),
                   ==, SPANMARK_STATUS_REVIEWED);

  stray = spanmark_annotation_set_new ("d9", "alice", "text");
  g_assert_false (spanmark_project_save_annotations (project, stray, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_NOT_FOUND);

  spanmark_test_remove_tree (dir);
}

/* A document's path stays inside the project: relative, each part
 * neither empty nor "." nor "..", no backslash. */
static void
test_inside_path (void)
{
  static const struct
  {
    const char *path;
    gboolean    inside;
  } cases[] = {
    { "a", TRUE }, { "a/b", TRUE }, { "documents/d1.txt", TRUE }, { "...", TRUE }, { ".a", TRUE },
    { "a/.b", TRUE }, { "a..b/c", TRUE }, { "中文/文.txt", TRUE },
    { "", FALSE }, { "/a", FALSE }, { "a/", FALSE }, { "a//b", FALSE }, { "./a", FALSE }, { "a/.", FALSE },
    { "a/../b", FALSE }, { "..", FALSE }, { ".", FALSE }, { "a\\b", FALSE }, { "/", FALSE }, { "a/..", FALSE },
  };

  g_assert_false (spanmark_project_is_inside_path (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].path);
      g_assert_cmpint (spanmark_project_is_inside_path (cases[i].path), ==, cases[i].inside);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/create-layout", test_create_layout);
  g_test_add_func ("/project/inside-path", test_inside_path);
  g_test_add_func ("/project/round-trip", test_round_trip);
  g_test_add_func ("/project/deterministic", test_deterministic);
  g_test_add_func ("/project/lazy-open", test_lazy_open);
  g_test_add_func ("/project/load-text-checks", test_load_text_checks);
  g_test_add_func ("/project/add-document", test_add_document);
  g_test_add_func ("/project/add-over-leftover", test_add_over_leftover);
  g_test_add_func ("/project/add-over-listed-path", test_add_over_listed_path);
  g_test_add_func ("/project/import-rollback", test_import_rollback);
  g_test_add_func ("/project/valid-names", test_valid_names);
  g_test_add_func ("/project/list-annotators", test_list_annotators);
  g_test_add_func ("/project/escaping", test_escaping);
  g_test_add_func ("/project/save-annotations", test_save_annotations);

  return g_test_run ();
}
