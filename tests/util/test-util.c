/* test-util.c — the shared test helpers do what the tests rely on
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "spanmark-test-util.h"

static void
test_trees (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *a = g_build_filename (tmp, "a", NULL);
  g_autofree char *b = g_build_filename (tmp, "b", NULL);
  g_autofree char *file = g_build_filename (a, "sub", "file.txt", NULL);
  g_autofree char *link = g_build_filename (a, "link", NULL);
  g_autofree char *fifo = g_build_filename (a, "fifo", NULL);
  g_autofree char *empty = g_build_filename (a, "empty", NULL);
  g_autofree char *before = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *after = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  /* Folders above a file are made; what is written is read back. */
  spanmark_test_write_file (file, "one\0two", 7);
  data = spanmark_test_read_file (file, &length);
  g_assert_cmpmem (data, length, "one\0two", 7);
  spanmark_test_write_file (file, "one two two", -1);
  spanmark_test_replace_in_file (file, "two", "2");
  g_clear_pointer (&data, g_free);
  data = spanmark_test_read_file (file, NULL);
  g_assert_cmpstr (data, ==, "one 2 two");
  spanmark_test_write_file (file, "two, two two; twofold", -1);
  spanmark_test_replace_all_in_file (file, "two", "2");
  g_clear_pointer (&data, g_free);
  data = spanmark_test_read_file (file, NULL);
  g_assert_cmpstr (data, ==, "2, 2 2; 2fold");
  spanmark_test_replace_all_in_file (file, "three", "3");
  g_clear_pointer (&data, g_free);
  data = spanmark_test_read_file (file, NULL);
  g_assert_cmpstr (data, ==, "2, 2 2; 2fold");

  /* The snapshot names every entry, relative, sorted; a link by its
   * target; a FIFO without opening it (which would block). */
  g_assert_cmpint (symlink ("sub/file.txt", link), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  before = spanmark_test_snapshot_tree (a);
  g_assert_true (g_str_has_prefix (before, "fifo (special)\nlink -> sub/file.txt\nsub/\nsub/file.txt "));
  g_assert_cmpuint (strlen (strrchr (before, ' ') + 1), ==, 64);

  /* Any change shows: an empty folder too. */
  g_assert_cmpint (g_mkdir (empty, 0755), ==, 0);
  after = spanmark_test_snapshot_tree (a);
  g_assert_cmpstr (after, !=, before);
  g_assert_cmpint (g_rmdir (empty), ==, 0);
  g_clear_pointer (&after, g_free);
  after = spanmark_test_snapshot_tree (a);
  g_assert_cmpstr (after, ==, before);

  /* A copy has the same regular files. */
  g_assert_cmpint (g_unlink (fifo), ==, 0);
  g_assert_cmpint (g_unlink (link), ==, 0);
  spanmark_test_copy_tree (a, b);
  g_clear_pointer (&after, g_free);
  after = spanmark_test_snapshot_tree (a);
  copied = spanmark_test_snapshot_tree (b);
  g_assert_cmpstr (copied, ==, after);

  /* Removing does not follow links out of the tree. */
  g_assert_cmpint (symlink (b, link), ==, 0);
  spanmark_test_remove_tree (a);
  g_assert_false (g_file_test (a, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (b, G_FILE_TEST_IS_DIR));
  spanmark_test_remove_tree (tmp);
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
}

static void
test_projects (void)
{
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkProject) sample = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sample_path = NULL;
  g_autofree char *tmp = spanmark_test_make_project ("p", "Made", &path, &project);
  g_autofree char *sample_tmp = spanmark_test_make_project ("sample", NULL, &sample_path, &sample);
  g_autofree char *index = g_build_filename (path, "spanmark.json", NULL);

  g_assert_true (g_str_has_prefix (path, tmp));
  g_assert_cmpstr (spanmark_project_get_name (project), ==, "Made");
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, 0);
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));

  /* The sample, as bundled. */
  g_assert_true (g_str_has_suffix (sample_path, "/sample"));
  g_assert_cmpuint (spanmark_project_get_n_documents (sample), >, 0);

  spanmark_test_remove_tree (tmp);
  spanmark_test_remove_tree (sample_tmp);
}

/* A teammate's edit: two characters tagged PLACE, the status set, saved
 * where a fresh open of the project reads it. */
static void
test_tag_document (void)
{
  g_autofree char *path = NULL;
  g_autofree char *tmp = spanmark_test_make_project ("sample", NULL, &path, NULL);
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_test_tag_document (path, 1, "bob", 3,
                                                                     SPANMARK_STATUS_DONE);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkAnnotationSet) read = NULL;
  g_autoptr(GError) error = NULL;
  SpanmarkDocument *document;
  const SpanmarkSpan *span;

  project = spanmark_project_open (dir, &error);
  g_assert_no_error (error);
  document = spanmark_project_get_document (project, 1);
  g_assert_cmpstr (spanmark_annotation_set_get_document_id (set), ==, spanmark_document_get_id (document));
  read = spanmark_project_load_annotations (project, document, "bob", &error);
  g_assert_no_error (error);
  g_assert_cmpint (spanmark_annotation_set_get_status (read), ==, SPANMARK_STATUS_DONE);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (read), ==, 1);
  span = spanmark_annotation_set_get_span (read, 0);
  g_assert_cmpuint (span->start, ==, 3);
  g_assert_cmpuint (span->end, ==, 5);
  g_assert_cmpstr (span->label, ==, "PLACE");

  spanmark_test_remove_tree (tmp);
}

/* Spans, attributes and mentions from a spec; an entity made at its
 * first mention, with the id asked for. */
static void
test_load_spec (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d1", "a", "车俊到杭州市。车俊说");
  g_autoptr(SpanmarkAnnotationSet) named = spanmark_annotation_set_new ("d1", "b", "车俊到杭州市。车俊说");
  const SpanmarkSpan *span;
  const SpanmarkEntity *entity;

  spanmark_test_load_spec (set, "OFFICIAL 0 2 @车俊, PLACE 3 6 kind=市 note=a, , OFFICIAL 7 9 @车俊", NULL);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 3);
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (set), ==, 1);
  span = spanmark_annotation_set_lookup_span (set, "s2");
  g_assert_cmpuint (span->start, ==, 3);
  g_assert_cmpuint (span->end, ==, 6);
  g_assert_cmpstr (span->label, ==, "PLACE");
  g_assert_cmpstr (span->text, ==, "杭州市");
  g_assert_cmpstr (g_hash_table_lookup (span->attrs, "kind"), ==, "市");
  g_assert_cmpstr (g_hash_table_lookup (span->attrs, "note"), ==, "a");
  g_assert_null (span->entity);
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, "s1")->entity, ==, "e1");
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, "s4")->entity, ==, "e1");
  entity = spanmark_annotation_set_lookup_entity (set, "e1");
  g_assert_cmpstr (entity->name, ==, "车俊");
  g_assert_cmpstr (entity->label, ==, "OFFICIAL");

  spanmark_test_load_spec (named, "OFFICIAL 0 2 @车俊:title=书记, PLACE 3 6 @杭州市", "e-");
  entity = spanmark_annotation_set_lookup_entity (named, "e-车俊");
  g_assert_cmpstr (g_hash_table_lookup (entity->attrs, "title"), ==, "书记");
  g_assert_cmpstr (spanmark_annotation_set_lookup_entity (named, "e-杭州市")->label, ==, "PLACE");
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (named, "s2")->entity, ==, "e-杭州市");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/util/trees", test_trees);
  g_test_add_func ("/util/projects", test_projects);
  g_test_add_func ("/util/tag-document", test_tag_document);
  g_test_add_func ("/util/load-spec", test_load_spec);

  return g_test_run ();
}
