/* test-conflict.c — a save never silently replaces someone else's version
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project remembers what it last read from or wrote to each
 * annotation file; a checked save (SPANMARK_SAVE_IF_UNCHANGED) refuses
 * with SPANMARK_PROJECT_ERROR_CHANGED when the file on disk is something
 * else, and writes nothing.  Overwriting and saving a copy are explicit.
 */

#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "spanmark-core.h"
#include "project-fixture.h"

#define D1_FILE "annotations/alice/d1.json"
#define D2_FILE "annotations/alice/d2.json"
/* What another annotator (or a git pull) leaves there. */
#define OTHER_VERSION "{\"spanmark\": 1, \"other\": \"version\"}\n"

static SpanmarkAnnotationSet *
load (SpanmarkProject *project,
      const char      *id)
{
  g_autoptr(GError) error = NULL;
  SpanmarkAnnotationSet *set;

  set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, id),
                                           "alice", &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);

  return set;
}

static GFile *
annotation_file (SpanmarkProject *project,
                 const char      *id)
{
  return spanmark_project_get_annotation_file (project, spanmark_project_lookup_document (project, id),
                                               "alice");
}

static void
add_span (SpanmarkAnnotationSet *set)
{
  g_autoptr(GError) error = NULL;

  spanmark_annotation_set_add_span (set, 0, 2, "PLACE", &error);
  g_assert_no_error (error);
}

/* Our own saves, one after another, are no conflict. */
static void
test_own_saves (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkProject) project = fixture_open (dir);
  g_autoptr(SpanmarkAnnotationSet) set = load (project, "d1");
  g_autoptr(SpanmarkAnnotationSet) fresh = load (project, "d2");
  g_autoptr(GFile) file = annotation_file (project, "d1");
  g_autoptr(GError) error = NULL;

  g_assert_false (spanmark_project_is_file_changed (project, file));
  add_span (set);
  g_assert_true (spanmark_project_save_annotations_full (project, set, SPANMARK_SAVE_IF_UNCHANGED, &error));
  g_assert_no_error (error);
  add_span (set);
  g_assert_true (spanmark_project_save_annotations_full (project, set, SPANMARK_SAVE_IF_UNCHANGED, &error));
  g_assert_no_error (error);
  g_assert_false (spanmark_project_is_file_changed (project, file));

  /* A document without a file yet: the first save creates it. */
  add_span (fresh);
  g_assert_true (spanmark_project_save_annotations_full (project, fresh, SPANMARK_SAVE_IF_UNCHANGED, &error));
  g_assert_no_error (error);
  g_assert_true (spanmark_project_save_annotations_full (project, fresh, SPANMARK_SAVE_IF_UNCHANGED, &error));
  g_assert_no_error (error);

  spanmark_test_remove_tree (dir);
}

/* Regression: autosave replaced a file that another annotator had
 * changed.  The checked save refuses and leaves their bytes; only an
 * explicit overwrite replaces them. */
static void
test_external_write (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkProject) project = fixture_open (dir);
  g_autoptr(SpanmarkAnnotationSet) set = load (project, "d1");
  g_autoptr(SpanmarkAnnotationSet) again = NULL;
  g_autoptr(GFile) file = annotation_file (project, "d1");
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  add_span (set);
  fixture_write (dir, D1_FILE, OTHER_VERSION, -1);
  g_assert_true (spanmark_project_is_file_changed (project, file));

  g_assert_false (spanmark_project_save_annotations_full (project, set, SPANMARK_SAVE_IF_UNCHANGED, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, D1_FILE));
  g_clear_error (&error);
  after = fixture_read (dir, D1_FILE, NULL);
  g_assert_cmpstr (after, ==, OTHER_VERSION);
  /* Asking again changes nothing: it is still their version. */
  g_assert_false (spanmark_project_save_annotations_full (project, set, SPANMARK_SAVE_IF_UNCHANGED, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED);
  g_clear_error (&error);

  g_assert_true (spanmark_project_save_annotations_full (project, set, SPANMARK_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  g_assert_false (spanmark_project_is_file_changed (project, file));
  again = load (created, "d1");
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (again), ==, 5);

  spanmark_test_remove_tree (dir);
}

/* The same bytes written again (a checkout, a copy back) are no change;
 * a file created or deleted behind our back is one. */
static void
test_created_deleted_rewritten (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkProject) project = fixture_open (dir);
  g_autoptr(SpanmarkAnnotationSet) d1 = load (project, "d1");
  g_autoptr(SpanmarkAnnotationSet) d2 = load (project, "d2");
  g_autoptr(GFile) file = annotation_file (project, "d1");
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *path = g_file_get_path (file);
  gsize length;

  bytes = fixture_read (dir, D1_FILE, &length);
  g_assert_cmpint (g_unlink (path), ==, 0);
  fixture_write (dir, D1_FILE, bytes, (gssize) length);
  g_assert_false (spanmark_project_is_file_changed (project, file));
  add_span (d1);
  g_assert_true (spanmark_project_save_annotations_full (project, d1, SPANMARK_SAVE_IF_UNCHANGED, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (spanmark_project_is_file_changed (project, file));
  g_assert_false (spanmark_project_save_annotations_full (project, d1, SPANMARK_SAVE_IF_UNCHANGED, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* d2 had no file when it was loaded; now someone made one. */
  fixture_write (dir, D2_FILE, OTHER_VERSION, -1);
  add_span (d2);
  g_assert_false (spanmark_project_save_annotations_full (project, d2, SPANMARK_SAVE_IF_UNCHANGED, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED);
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_free);
  bytes = fixture_read (dir, D2_FILE, NULL);
  g_assert_cmpstr (bytes, ==, OTHER_VERSION);

  spanmark_test_remove_tree (dir);
}

/* A set this project never loaded expects no file: an existing one is
 * someone's work. */
static void
test_never_loaded (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkProject) project = fixture_open (dir);
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d1", "alice", FIXTURE_TEXT_D1);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = spanmark_test_snapshot_tree (dir);
  g_autofree char *after = NULL;

  g_assert_false (spanmark_project_save_annotations_full (project, set, SPANMARK_SAVE_IF_UNCHANGED, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED);
  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (after, ==, before);

  spanmark_test_remove_tree (dir);
}

/* A folder or a FIFO where the file was: changed, refused, and nothing
 * blocks reading the FIFO. */
static void
test_special_files (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkProject) project = fixture_open (dir);
  g_autoptr(SpanmarkAnnotationSet) set = load (project, "d1");
  g_autoptr(GFile) file = annotation_file (project, "d1");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *elsewhere = g_build_filename (dir, "elsewhere", NULL);

  add_span (set);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (mkfifo (path, 0644), ==, 0);
  g_assert_true (spanmark_project_is_file_changed (project, file));
  g_assert_false (spanmark_project_save_annotations_full (project, set, SPANMARK_SAVE_IF_UNCHANGED, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_true (spanmark_project_is_file_changed (project, file));
  g_assert_false (spanmark_project_save_annotations_full (project, set, SPANMARK_SAVE_IF_UNCHANGED, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpint (g_rmdir (path), ==, 0);

  /* A huge file (sparse: 8 GiB of nothing) is told apart by its size,
   * without being read. */
  {
    int fd = g_open (path, O_WRONLY | O_CREAT, 0644);

    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (ftruncate (fd, (off_t) 8 << 30), ==, 0);
    g_assert_cmpint (close (fd), ==, 0);
  }
  g_assert_true (spanmark_project_is_file_changed (project, file));
  g_assert_false (spanmark_project_save_annotations_full (project, set, SPANMARK_SAVE_IF_UNCHANGED, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (path), ==, 0);

  /* A dangling link is something, too. */
  g_assert_cmpint (symlink (elsewhere, path), ==, 0);
  g_assert_true (spanmark_project_is_file_changed (project, file));
  g_assert_false (spanmark_project_save_annotations_full (project, set, SPANMARK_SAVE_IF_UNCHANGED, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED);
  g_assert_false (g_file_test (elsewhere, G_FILE_TEST_EXISTS));

  spanmark_test_remove_tree (dir);
}

/* "Save mine as a copy": a new file under conflicts/ each time, the
 * annotation file left as it is, and the copy a complete annotation file. */
static void
test_copy (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkProject) project = fixture_open (dir);
  g_autoptr(SpanmarkAnnotationSet) set = load (project, "d1");
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(GFile) conflicts = NULL;
  g_autoptr(GFile) project_dir = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *relative = NULL;
  g_autofree char *name = NULL;
  g_autofree char *after = NULL;
  g_autofree char *outside = spanmark_test_make_tmpdir ();
  g_autofree char *conflicts_path = NULL;
  JsonObject *root;

  add_span (set);
  fixture_write (dir, D1_FILE, OTHER_VERSION, -1);

  first = spanmark_project_save_annotations_copy (project, set, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  second = spanmark_project_save_annotations_copy (project, set, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_equal (first, second));

  relative = g_file_get_relative_path (project_dir, first);
  g_assert_true (g_str_has_prefix (relative, "conflicts/alice/d1-"));
  g_assert_true (g_str_has_suffix (relative, "Z.json"));
  name = g_file_get_basename (first);
  /* d1-YYYYMMDDTHHMMSSZ.json */
  g_assert_cmpuint (strlen (name), ==, strlen ("d1-20261128T050000Z.json"));

  after = fixture_read (dir, D1_FILE, NULL);
  g_assert_cmpstr (after, ==, OTHER_VERSION);

  json_parser_load_from_file (parser, g_file_peek_path (first), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "document"), ==, "d1");
  g_assert_cmpstr (json_object_get_string_member (root, "annotator"), ==, "alice");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "spans")), ==, 5);

  /* A linked folder leading out of the project is not written through. */
  conflicts_path = g_build_filename (dir, "conflicts", NULL);
  spanmark_test_remove_tree (conflicts_path);
  g_assert_cmpint (symlink (outside, conflicts_path), ==, 0);
  g_clear_object (&first);
  first = spanmark_project_save_annotations_copy (project, set, &error);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_assert_null (first);
  conflicts = g_file_new_for_path (outside);
  {
    g_autoptr(GFileEnumerator) children = g_file_enumerate_children (conflicts, "standard::name", 0, NULL, NULL);
    GFileInfo *info = NULL;

    g_assert_nonnull (children);
    g_assert_true (g_file_enumerator_iterate (children, &info, NULL, NULL, NULL));
    g_assert_null (info);
  }

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (outside);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/conflict/own-saves", test_own_saves);
  g_test_add_func ("/conflict/external-write", test_external_write);
  g_test_add_func ("/conflict/created-deleted-rewritten", test_created_deleted_rewritten);
  g_test_add_func ("/conflict/never-loaded", test_never_loaded);
  g_test_add_func ("/conflict/special-files", test_special_files);
  g_test_add_func ("/conflict/copy", test_copy);

  return g_test_run ();
}
