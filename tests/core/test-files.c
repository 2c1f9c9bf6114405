/* test-files.c — every reader reads only regular files inside the project,
 * never blocks and never reads without bound
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The safe reader (spanmark-file.c) is tried on each kind of thing that
 * can stand where a file is expected — a folder, a named pipe, a device,
 * a symbolic link out of the project or to nothing, a file over the size
 * cap — and then each reader of the project (loader, fast export reader,
 * status peek, validation) is given each of them in place of a document
 * text and of an annotation file.  A reader that followed the old rules
 * would hang on the FIFO (the test then times out), read /dev/zero until
 * memory ran out, or export the text of a file outside the project.
 */

#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spanmark-core.h"
#include "spanmark-export-private.h"
#include "project-fixture.h"

#define D1_TEXT "documents/d1.txt"
#define D1_JSON "annotations/alice/d1.json"

static void
assert_read_fails (GFile      *dir,
                   const char *relative,
                   int         code,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  g_assert_false (spanmark_file_read_in_project (dir, relative, SPANMARK_FILE_MAX_SIZE,
                                                 SPANMARK_FILE_READ_NONE, &data, NULL, &error));
  g_assert_error (error, G_IO_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_null (data);
}

static void
test_read (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *link = g_build_filename (dir, "b.txt", NULL);
  char *data = NULL;
  gsize length = 0;

  fixture_write (dir, "a.txt", "hello\0world", 11);

  g_assert_true (spanmark_file_read_in_project (folder, "a.txt", SPANMARK_FILE_MAX_SIZE,
                                                SPANMARK_FILE_READ_NONE, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 11);
  g_assert_cmpmem (data, 12, "hello\0world", 12);  /* NUL-terminated too */
  g_clear_pointer (&data, g_free);

  /* Exactly at the cap is fine, one byte over is not. */
  g_assert_true (spanmark_file_read_in_project (folder, "a.txt", 11, SPANMARK_FILE_READ_NONE,
                                                &data, &length, &error));
  g_assert_no_error (error);
  g_clear_pointer (&data, g_free);
  g_assert_false (spanmark_file_read_in_project (folder, "a.txt", 10, SPANMARK_FILE_READ_NONE,
                                                 &data, &length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "is larger than 10 bytes, the most Spanmark reads");
  g_clear_error (&error);

  /* The head of a longer file. */
  g_assert_true (spanmark_file_read_in_project (folder, "a.txt", 5, SPANMARK_FILE_READ_HEAD,
                                                &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 5);
  g_assert_cmpstr (data, ==, "hello");
  g_clear_pointer (&data, g_free);

  /* A link that stays inside is followed. */
  g_assert_cmpint (symlink ("a.txt", link), ==, 0);
  g_assert_true (spanmark_file_read_in_project (folder, "b.txt", SPANMARK_FILE_MAX_SIZE,
                                                SPANMARK_FILE_READ_NONE, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 11);
  g_clear_pointer (&data, g_free);

  /* And anywhere, for import inputs. */
  file = g_file_new_for_path (link);
  g_assert_true (spanmark_file_read (file, SPANMARK_FILE_MAX_IMPORT_SIZE, SPANMARK_FILE_READ_NONE,
                                     &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 11);
  g_clear_pointer (&data, g_free);

  assert_read_fails (folder, "missing.txt", G_IO_ERROR_NOT_FOUND,
                     "is missing");

  spanmark_test_remove_tree (dir);
}

/* Each kind of thing that is not a regular file inside the project. */
typedef enum
{
  BAD_FOLDER,
  BAD_FIFO,
  BAD_LINK_OUT,
  BAD_LINK_TO_DEVICE,
  BAD_DANGLING_LINK,
  BAD_TOO_LARGE,
  N_BAD_KINDS
} BadKind;

static const char * const bad_names[N_BAD_KINDS] = {
  "folder", "fifo", "link-out", "link-to-device", "dangling-link", "too-large",
};

static const char * const bad_messages[N_BAD_KINDS] = {
  "is a folder, not a file",
  "is a named pipe (FIFO), not a regular file",
  "leads outside the project folder (through a symbolic link)",
  "leads outside the project folder (through a symbolic link)",
  "is a symbolic link that leads nowhere",
  "is larger than 256 MiB, the most Spanmark reads",
};

static const int bad_codes[N_BAD_KINDS] = {
  G_IO_ERROR_IS_DIRECTORY,
  G_IO_ERROR_NOT_REGULAR_FILE,
  G_IO_ERROR_PERMISSION_DENIED,
  G_IO_ERROR_PERMISSION_DENIED,
  G_IO_ERROR_NOT_REGULAR_FILE,
  G_IO_ERROR_MESSAGE_TOO_LARGE,
};

/* Puts a @kind where @relative (a file) is; @outside is a folder outside
 * the project holding "secret.txt". */
static void
make_bad (const char *dir,
          const char *relative,
          BadKind     kind,
          const char *outside)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autofree char *secret = g_build_filename (outside, "secret.txt", NULL);

  g_unlink (path);
  switch (kind)
    {
    case BAD_FOLDER:
      g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
      break;

    case BAD_FIFO:
      g_assert_cmpint (mkfifo (path, 0644), ==, 0);
      break;

    case BAD_LINK_OUT:
      g_assert_cmpint (symlink (secret, path), ==, 0);
      break;

    case BAD_LINK_TO_DEVICE:
      g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
      break;

    case BAD_DANGLING_LINK:
      g_assert_cmpint (symlink ("nothing-here", path), ==, 0);
      break;

    case BAD_TOO_LARGE:
      /* Sparse: no disk space, and refused before a byte is read. */
      fixture_write (dir, relative, "", 0);
      g_assert_cmpint (truncate (path, SPANMARK_FILE_MAX_SIZE + 1), ==, 0);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_read_bad (gconstpointer data)
{
  BadKind kind = GPOINTER_TO_INT (data);
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *outside = spanmark_test_make_tmpdir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  fixture_write (outside, "secret.txt", "secret\n", -1);
  make_bad (dir, "x.txt", kind, outside);
  assert_read_fails (folder, "x.txt", bad_codes[kind], bad_messages[kind]);

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (outside);
}

/* Reading through a folder held open takes the same files as reading by
 * path, and refuses the same things; a link is not followed but left to
 * the reading by path, which judges where it leads. */
static const int read_at_codes[N_BAD_KINDS] = {
  G_IO_ERROR_IS_DIRECTORY,
  G_IO_ERROR_NOT_REGULAR_FILE,
  G_IO_ERROR_TOO_MANY_LINKS,
  G_IO_ERROR_TOO_MANY_LINKS,
  G_IO_ERROR_TOO_MANY_LINKS,
  G_IO_ERROR_MESSAGE_TOO_LARGE,
};

static void
test_read_at (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *outside = spanmark_test_make_tmpdir ();
  g_autofree char *link = g_build_filename (dir, "annotations", "bob", NULL);
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = fixture_read (dir, D1_JSON, NULL);
  g_autofree char *bad_path = g_build_filename (dir, D1_JSON, NULL);
  static const char * const not_names[] = { "", ".", "..", "alice/d1.json" };
  static const char * const not_folders[] = { "..", "annotations/..", "annotations/./alice", "annotations//alice",
                                              "annotations/bob", "annotations/nobody" };
  char *data = NULL;
  gsize length = 0;
  int fd;

  fd = spanmark_file_open_folder_in_project (folder, "annotations/alice", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd, >=, 0);
  g_assert_true (spanmark_file_read_at (fd, "d1.json", SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                        &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (data, ==, expected);
  g_assert_cmpuint (length, ==, strlen (expected));
  g_clear_pointer (&data, g_free);

  g_assert_false (spanmark_file_read_at (fd, "d2.json", SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                         &data, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "is missing");
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (not_names); i++)
    {
      g_assert_false (spanmark_file_read_at (fd, not_names[i], SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                             &data, NULL, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_assert_null (data);
    }

  /* Each bad kind where the file is. */
  fixture_write (outside, "secret.txt", expected, -1);
  for (guint kind = 0; kind < N_BAD_KINDS; kind++)
    {
      make_bad (dir, D1_JSON, kind, outside);
      g_assert_false (spanmark_file_read_at (fd, "d1.json", SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                             &data, NULL, &error));
      g_test_message ("%s: %s", bad_names[kind], error->message);
      g_assert_error (error, G_IO_ERROR, read_at_codes[kind]);
      g_clear_error (&error);
      g_assert_null (data);
      if (kind == BAD_FOLDER)
        g_assert_cmpint (g_rmdir (bad_path), ==, 0);
    }
  close (fd);

  /* The project folder itself, and no folder that is a link, not there,
   * or reached through "." or "..". */
  fd = spanmark_file_open_folder_in_project (folder, "", &error);
  g_assert_no_error (error);
  g_assert_true (spanmark_file_read_at (fd, "spanmark.json", SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                        &data, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (data, "{"));
  g_clear_pointer (&data, g_free);
  close (fd);

  g_assert_cmpint (symlink ("alice", link), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (not_folders); i++)
    {
      fd = spanmark_file_open_folder_in_project (folder, not_folders[i], &error);
      g_test_message ("%s: %s", not_folders[i], error != NULL ? error->message : "opened");
      g_assert_cmpint (fd, ==, -1);
      g_assert_nonnull (error);
      g_clear_error (&error);
    }

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (outside);
}

/* The export's reader keeps the folders it reads from open; a file
 * missing there is looked for by path again, in case the folder was
 * replaced since (here by one that has the file), and never taken for a
 * document without annotations unless it is missing by path too. */
static void
test_read_replaced_folder (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  SpanmarkDocument *d1 = spanmark_project_lookup_document (project, "d1");
  g_autofree char *annotations = fixture_read (dir, D1_JSON, NULL);
  g_autofree char *alice = g_build_filename (dir, "annotations", "alice", NULL);
  g_autofree char *moved = g_build_filename (dir, "annotations", "alice-before", NULL);
  g_autofree char *moved_d1 = g_build_filename (moved, "d1.json", NULL);
  g_autofree char *d1_json = g_build_filename (dir, D1_JSON, NULL);
  g_autoptr(GError) error = NULL;
  ExportDoc doc;

  _spanmark_export_doc_init (&doc);
  g_assert_true (_spanmark_export_doc_load (&doc, project, d1, "alice", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (doc.has_file);
  g_assert_cmpuint (doc.spans->len, ==, 4);
  g_assert_cmpint (doc.annotation_folder.fd, >=, 0);

  g_assert_cmpint (g_rename (alice, moved), ==, 0);
  g_assert_cmpint (g_unlink (moved_d1), ==, 0);
  fixture_write (dir, D1_JSON, annotations, -1);
  g_assert_true (_spanmark_export_doc_load (&doc, project, d1, "alice", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (doc.has_file);
  g_assert_cmpuint (doc.spans->len, ==, 4);

  g_assert_cmpint (g_unlink (d1_json), ==, 0);
  g_assert_true (_spanmark_export_doc_load (&doc, project, d1, "alice", TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (doc.has_file);
  g_assert_cmpuint (doc.spans->len, ==, 0);

  _spanmark_export_doc_clear (&doc);
  spanmark_test_remove_tree (dir);
}

/* What reading in blocks has handed on. */
typedef struct
{
  GString *data;
  guint64  last_done;
  guint    n_blocks;
  guint    stop_after;   /* 0: never */
} Blocks;

static gboolean
never_called_cb (const char  *data,
                 gsize        length,
                 guint64      done,
                 guint64      size,
                 gpointer     user_data,
                 GError     **error)
{
  g_assert_not_reached ();
  return FALSE;
}

static gboolean
block_cb (const char  *data,
          gsize        length,
          guint64      done,
          guint64      size,
          gpointer     user_data,
          GError     **error)
{
  Blocks *blocks = user_data;

  g_assert_cmpuint (length, >, 0);
  g_assert_cmpuint (length, <=, 7);
  g_assert_cmpuint (done, ==, blocks->last_done + length);
  g_assert_cmpuint (done, <=, size);
  g_string_append_len (blocks->data, data, length);
  blocks->last_done = done;
  if (++blocks->n_blocks == blocks->stop_after)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
      return FALSE;
    }
  return TRUE;
}

/* Import inputs may be anywhere, through any link, but must be regular
 * files too. */
static void
test_read_anywhere (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.txt", NULL);
  g_autofree char *big = g_build_filename (dir, "big.txt", NULL);
  struct { const char *path; int code; const char *message; } cases[] = {
    { "/dev/zero", G_IO_ERROR_NOT_REGULAR_FILE, "is a device, not a regular file" },
    { fifo, G_IO_ERROR_NOT_REGULAR_FILE, "is a named pipe (FIFO), not a regular file" },
    { dir, G_IO_ERROR_IS_DIRECTORY, "is a folder, not a file" },
    { big, G_IO_ERROR_MESSAGE_TOO_LARGE, "is larger than 1024 MiB, the most Spanmark reads" },
  };

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  fixture_write (dir, "big.txt", "", 0);
  g_assert_cmpint (truncate (big, SPANMARK_FILE_MAX_IMPORT_SIZE + 1), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;

      g_assert_false (spanmark_file_read (file, SPANMARK_FILE_MAX_IMPORT_SIZE, SPANMARK_FILE_READ_NONE,
                                          &data, NULL, &error));
      g_assert_error (error, G_IO_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_clear_error (&error);

      /* Read in blocks (a streaming import): the same rules, and not a
       * block handed on. */
      g_assert_false (spanmark_file_read_blocks (file, SPANMARK_FILE_MAX_IMPORT_SIZE, 16, never_called_cb,
                                                 NULL, &error));
      g_assert_error (error, G_IO_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  spanmark_test_remove_tree (dir);
}

/* Every byte once, in order, in blocks of at most the size asked for;
 * the function's error stops the reading; the cap holds. */
static void
test_read_blocks (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "in.conll", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *text = "林 B-PER\n振 I-PER\n\n🙂 O\n";
  Blocks blocks = { g_string_new (NULL), 0, 0, 0 };

  fixture_write (dir, "in.conll", text, -1);
  g_assert_true (spanmark_file_read_blocks (file, SPANMARK_FILE_MAX_IMPORT_SIZE, 7, block_cb, &blocks, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (blocks.data->str, ==, text);
  g_assert_cmpuint (blocks.n_blocks, ==, (strlen (text) + 6) / 7);

  g_string_truncate (blocks.data, 0);
  blocks.last_done = blocks.n_blocks = 0;
  blocks.stop_after = 2;
  g_assert_false (spanmark_file_read_blocks (file, SPANMARK_FILE_MAX_IMPORT_SIZE, 7, block_cb, &blocks, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (blocks.n_blocks, ==, 2);
  g_clear_error (&error);

  /* A smaller cap than the file. */
  g_assert_false (spanmark_file_read_blocks (file, 10, 7, never_called_cb, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);

  g_string_free (blocks.data, TRUE);
  spanmark_test_remove_tree (dir);
}

/* A linked annotator folder leading out: even a file missing there is not
 * taken for "no annotations yet". */
static void
test_missing_behind_link_out (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *outside = spanmark_test_make_tmpdir ();
  g_autofree char *link = g_build_filename (dir, "annotations", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  g_assert_cmpint (symlink (outside, link), ==, 0);
  assert_read_fails (folder, "annotations/d1.json", G_IO_ERROR_PERMISSION_DENIED,
                     "leads outside the project folder (through a symbolic link)");

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (outside);
}

/* Regression: a symbolic link as an annotator's folder
 * (annotations/bob -> alice, or out of the project) was skipped by the
 * commands, which list annotators without following links, but read by
 * the window, which loads its annotator's files by name, and a save
 * wrote through it into alice's folder.  One rule now: such a folder is
 * no annotator; loading and saving refuse it, naming it, the status peek
 * shows nothing of it, and validate warns about it. */
static void
test_annotator_link (gconstpointer data)
{
  gboolean out_of_project = GPOINTER_TO_INT (data);
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *outside = spanmark_test_make_tmpdir ();
  g_autofree char *link = g_build_filename (dir, "annotations", "bob", NULL);
  g_autofree char *target = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) annotators = NULL;
  SpanmarkDocument *d1;
  const SpanmarkProblem *problem;

  if (out_of_project)
    {
      g_autofree char *annotations = fixture_read (dir, D1_JSON, NULL);

      fixture_write (outside, "d1.json", annotations, -1);
      target = g_strdup (outside);
    }
  else
    target = g_strdup ("alice");
  g_assert_cmpint (symlink (target, link), ==, 0);
  before = spanmark_test_snapshot_tree (dir);

  project = fixture_open (dir);
  d1 = spanmark_project_lookup_document (project, "d1");
  annotators = spanmark_project_list_annotators (project);
  g_assert_cmpuint (g_strv_length (annotators), ==, 1);
  g_assert_cmpstr (annotators[0], ==, "alice");

  set = spanmark_project_load_annotations (project, d1, "bob", &error);
  g_assert_null (set);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "annotations/bob: is a symbolic link, not a folder; an annotator’s folder must be a real folder, "
                   "so its files are neither read nor written");
  g_clear_error (&error);
  g_assert_cmpint (spanmark_project_peek_status (project, d1, "bob"), ==, SPANMARK_STATUS_NEW);

  /* Nothing written through it, even a new set. */
  set = spanmark_annotation_set_new ("d1", "bob", FIXTURE_TEXT_D1);
  g_assert_nonnull (spanmark_annotation_set_add_span (set, 0, 2, "PLACE", &error));
  g_assert_no_error (error);
  g_assert_false (spanmark_project_save_annotations (project, set, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "annotations/bob: is a symbolic link"));
  g_clear_error (&error);
  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (before, ==, after);

  /* Validation names it, as a warning: alice's work is fine. */
  problems = spanmark_validate_project (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->severity, ==, SPANMARK_PROBLEM_WARNING);
  g_assert_cmpstr (problem->file, ==, "annotations/bob");
  g_assert_true (g_str_has_prefix (problem->message, "is a symbolic link, not a folder"));

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (outside);
}

/* Every reader of the project, given each bad kind in place of d1's text
 * or of alice's annotations of d1: a clear error naming the file, no hang,
 * nothing read from outside, and the rest of the project still works. */
static void
test_project_readers (gconstpointer data)
{
  BadKind kind = GPOINTER_TO_INT (data) % N_BAD_KINDS;
  gboolean in_text = GPOINTER_TO_INT (data) / N_BAD_KINDS == 0;
  const char *bad_file = in_text ? D1_TEXT : D1_JSON;
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *outside = spanmark_test_make_tmpdir ();
  g_autofree char *out = spanmark_test_make_tmpdir ();
  g_autofree char *conll = g_build_filename (out, "data.conll", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *annotations = NULL;
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(SpanmarkAnnotationSet) other = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) destination = g_file_new_for_path (conll);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  SpanmarkExportOptions options;
  gboolean found = FALSE;

  /* The file outside holds what the link would show: the same text, and
   * annotations that would pass every check. */
  annotations = fixture_read (dir, D1_JSON, NULL);
  fixture_write (outside, "secret.txt", in_text ? FIXTURE_TEXT_D1 : annotations, -1);
  make_bad (dir, bad_file, kind, outside);

  /* In the text, the message is the index entry's when a link leads out. */
  if (in_text && bad_codes[kind] == G_IO_ERROR_PERMISSION_DENIED)
    expected = g_strdup ("path \"documents/d1.txt\" leads outside the project folder (through a symbolic link)");
  else
    expected = g_strdup (bad_messages[kind]);

  project = fixture_open (dir);

  /* The loader. */
  set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d1"),
                                           "alice", &error);
  g_assert_null (set);
  g_test_message ("load: %s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
  if (!in_text || bad_codes[kind] != G_IO_ERROR_PERMISSION_DENIED)
    g_assert_true (g_str_has_prefix (error->message, bad_file));
  g_clear_error (&error);

  other = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d2"),
                                             "alice", &error);
  g_assert_no_error (error);
  g_assert_nonnull (other);

  /* The status peek of the document list (which reads no text). */
  g_assert_cmpint (spanmark_project_peek_status (project, spanmark_project_lookup_document (project, "d1"),
                                                 "alice"), ==,
                   in_text ? SPANMARK_STATUS_IN_PROGRESS : SPANMARK_STATUS_NEW);

  /* Validation. */
  problems = spanmark_validate_project (folder, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      const SpanmarkProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = spanmark_problem_to_string (problem);

      g_test_message ("validate: %s", line);
      if (g_str_equal (problem->message, expected))
        {
          g_assert_cmpint (problem->severity, ==, SPANMARK_PROBLEM_ERROR);
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* The export, whose fast reader used to follow the link out. */
  spanmark_export_options_init (&options);
  options.annotator = "alice";
  g_assert_false (spanmark_export_run (project, &options, destination, NULL, NULL, NULL, NULL, &error));
  g_test_message ("export: %s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_false (g_file_test (conll, G_FILE_TEST_EXISTS));

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (outside);
  spanmark_test_remove_tree (out);
}

/* spanmark.json itself: opening and validating say what it is. */
static void
test_index_not_regular (gconstpointer data)
{
  BadKind kind = GPOINTER_TO_INT (data);
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *outside = spanmark_test_make_tmpdir ();
  const char *index_path = "spanmark.json";  /* named relative to the project */
  g_autofree char *expected = NULL;
  g_autofree char *index = NULL;
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, FALSE);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  index = fixture_read (dir, "spanmark.json", NULL);
  fixture_write (outside, "secret.txt", index, -1);
  make_bad (dir, "spanmark.json", kind, outside);

  project = spanmark_project_open (folder, &error);
  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, bad_codes[kind]);
  expected = g_strdup_printf ("%s: %s", index_path, bad_messages[kind]);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  message = fixture_index_problem (dir);
  g_assert_cmpstr (message, ==, bad_messages[kind]);

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (outside);
}

/* Nothing is written that could not be read back. */
static void
test_write_cap (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GError) error = NULL;
  /* Never touched, so it costs no memory. */
  g_autofree char *data = g_malloc (SPANMARK_FILE_MAX_SIZE + 1);

  g_assert_false (spanmark_file_write_atomic (path, data, SPANMARK_FILE_MAX_SIZE + 1, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  spanmark_test_remove_tree (dir);
}

static const char *current_step;

static void
record_step_cb (const char *step,
                const char *path)
{
  g_autofree char *tmp = NULL;
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (parent, 0, NULL);
  const char *name;
  guint n_temporary = 0;

  current_step = step;

  /* "written": the temporary file beside it is complete; "renamed": it
   * is gone. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *target = NULL;

      if (spanmark_file_is_temporary_name (name, &target) && g_str_equal (target, base))
        n_temporary++;
    }
  g_assert_cmpuint (n_temporary, ==, g_str_equal (step, "written") ? 1 : 0);
}

static GPtrArray *steps_seen;

static void
collect_step_cb (const char *step,
                 const char *path)
{
  g_ptr_array_add (steps_seen, g_strdup_printf ("%s %s", step, path));
}

/* Writing by name in an open folder: a link at the name is replaced, not
 * written through; the writer thread writes in the order given, and after
 * a write that fails says so, naming the file. */
static void
test_write_at (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *outside = spanmark_test_make_tmpdir ();
  g_autofree char *target = g_build_filename (outside, "secret.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autofree char *gone = g_build_filename (dir, "gone", NULL);
  g_autofree char *data = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  SpanmarkFileWriter *writer;
  struct stat st;
  int fd, gone_fd;

  fixture_write (outside, "secret.json", "theirs\n", -1);
  g_assert_cmpint (symlink (target, link), ==, 0);
  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);

  g_assert_true (spanmark_file_write_atomic_at (fd, "link.json", link, "ours\n", 5, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  data = fixture_read (dir, "link.json", NULL);
  g_assert_cmpstr (data, ==, "ours\n");
  kept = fixture_read (outside, "secret.json", NULL);
  g_assert_cmpstr (kept, ==, "theirs\n");

  /* In order, each file whole. */
  steps_seen = g_ptr_array_new_with_free_func (g_free);
  spanmark_file_set_step_func (collect_step_cb);
  writer = spanmark_file_writer_new ();
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("f%03u.txt", i);
      char *contents = g_strdup_printf ("%u\n", i);

      g_assert_true (spanmark_file_writer_add (writer, fd, name, name, contents, strlen (contents), &error));
      g_assert_no_error (error);
    }
  g_assert_true (spanmark_file_writer_finish (writer, &error));
  g_assert_no_error (error);
  spanmark_file_set_step_func (NULL);
  g_assert_cmpuint (steps_seen->len, ==, 200);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *written = g_strdup_printf ("written f%03u.txt", i);
      g_autofree char *renamed = g_strdup_printf ("renamed f%03u.txt", i);
      g_autofree char *name = g_strdup_printf ("f%03u.txt", i);
      g_autofree char *expected = g_strdup_printf ("%u\n", i);
      g_autofree char *contents = fixture_read (dir, name, NULL);

      g_assert_cmpstr (g_ptr_array_index (steps_seen, 2 * i), ==, written);
      g_assert_cmpstr (g_ptr_array_index (steps_seen, 2 * i + 1), ==, renamed);
      g_assert_cmpstr (contents, ==, expected);
    }
  g_clear_pointer (&steps_seen, g_ptr_array_unref);

  /* Fewer files than the writer waits for before it wakes: written at
   * the end all the same. */
  writer = spanmark_file_writer_new ();
  g_assert_true (spanmark_file_writer_add (writer, fd, "few.txt", "few.txt", g_strdup ("few\n"), 4, &error));
  g_assert_no_error (error);
  g_assert_true (spanmark_file_writer_finish (writer, &error));
  g_assert_no_error (error);
  {
    g_autofree char *few = fixture_read (dir, "few.txt", NULL);

    g_assert_cmpstr (few, ==, "few\n");
  }

  /* A folder removed while open: the write fails, and so does the end. */
  g_assert_cmpint (g_mkdir (gone, 0755), ==, 0);
  gone_fd = open (gone, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  g_assert_cmpint (gone_fd, >=, 0);
  g_assert_cmpint (g_rmdir (gone), ==, 0);
  writer = spanmark_file_writer_new ();
  g_assert_true (spanmark_file_writer_add (writer, gone_fd, "a.json", "gone/a.json", g_strdup ("{}"), 2, &error));
  g_assert_no_error (error);
  g_assert_false (spanmark_file_writer_finish (writer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "gone/a.json: cannot write: "));

  close (gone_fd);
  close (fd);
  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (outside);
}

/* The stream: nothing at the name changes until the commit, which puts
 * every byte appended there at once; an abort leaves nothing; a link at
 * the name is replaced and one at the temporary name never written
 * through; a folder that is gone fails. */
static guint n_appended;

static void
count_appended_cb (const char *step,
                   const char *path)
{
  if (g_str_equal (step, "stream-appended"))
    n_appended++;
}

/* How many temporary files of @target are in @dir. */
static guint
count_temporary_of (const char *dir,
                    const char *target)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *meant = NULL;

      if (spanmark_file_is_temporary_name (name, &meant) && g_str_equal (meant, target))
        n++;
    }
  return n;
}

static void
test_write_stream (void)
{
  static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *outside = spanmark_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "index.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autofree char *secret = g_build_filename (outside, "secret.json", NULL);
  g_autofree char *planted = g_build_filename (outside, "planted.json", NULL);
  g_autofree char *gone = g_build_filename (dir, "gone", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  SpanmarkFileStream *stream, *body;
  struct stat st;
  int fd, gone_fd;

  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  fixture_write (dir, "index.json", "old\n", -1);

  /* Committed: the old file until then, one temporary file beside it. */
  n_appended = 0;
  spanmark_file_set_step_func (count_appended_cb);
  stream = spanmark_file_stream_new (fd, "index.json", path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stream);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *line = g_strdup_printf ("line %u\n", i);

      g_assert_true (spanmark_file_stream_append (stream, line, strlen (line), &error));
      g_assert_no_error (error);
      g_string_append (expected, line);
    }
  spanmark_file_set_step_func (NULL);
  g_assert_cmpuint (n_appended, ==, 1000);
  g_assert_cmpuint (spanmark_file_stream_get_length (stream), ==, expected->len);
  data = fixture_read (dir, "index.json", NULL);
  g_assert_cmpstr (data, ==, "old\n");
  g_clear_pointer (&data, g_free);
  g_assert_cmpuint (count_temporary_of (dir, "index.json"), ==, 1);
  spanmark_file_set_step_func (record_step_cb);
  g_assert_true (spanmark_file_stream_commit (stream, &error));
  spanmark_file_set_step_func (NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (current_step, ==, "renamed");
  data = fixture_read (dir, "index.json", NULL);
  g_assert_cmpstr (data, ==, expected->str);
  g_clear_pointer (&data, g_free);
  g_assert_cmpuint (count_temporary_of (dir, "index.json"), ==, 0);

  /* One stream copied into another, with appends larger than its buffer
   * and a file larger than a block; the first then aborted. */
  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (big, "%05u,", i);
  body = spanmark_file_stream_new (fd, "index.json", path, &error);
  g_assert_no_error (error);
  g_assert_true (spanmark_file_stream_append (body, big->str, big->len, &error));
  g_assert_true (spanmark_file_stream_append (body, "end", 3, &error));
  g_assert_no_error (error);
  stream = spanmark_file_stream_new (fd, "index.json", path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_temporary_of (dir, "index.json"), ==, 2);
  g_assert_true (spanmark_file_stream_append (stream, "[", 1, &error));
  g_assert_true (spanmark_file_stream_append_stream (stream, body, &error));
  g_assert_true (spanmark_file_stream_append (stream, "]", 1, &error));
  g_assert_no_error (error);
  g_assert_true (spanmark_file_stream_commit (stream, &error));
  g_assert_no_error (error);
  spanmark_file_stream_abort (body);
  g_assert_cmpuint (count_temporary_of (dir, "index.json"), ==, 0);
  g_string_prepend_c (big, '[');
  g_string_append (big, "end]");
  data = fixture_read (dir, "index.json", NULL);
  g_assert_cmpstr (data, ==, big->str);
  g_clear_pointer (&data, g_free);

  /* Aborted: nothing changes, nothing is left. */
  stream = spanmark_file_stream_new (fd, "index.json", path, &error);
  g_assert_no_error (error);
  g_assert_true (spanmark_file_stream_append (stream, "lost", 4, &error));
  spanmark_file_stream_abort (stream);
  data = fixture_read (dir, "index.json", NULL);
  g_assert_cmpstr (data, ==, big->str);
  g_clear_pointer (&data, g_free);

  /* A stream whose temporary file came back shorter than written: the
   * error names that file, not the target (which it leaves alone). */
  body = spanmark_file_stream_new (fd, "index.json", path, &error);
  g_assert_no_error (error);
  /* Larger than the stream's buffer: written at once, nothing buffered. */
  g_assert_true (spanmark_file_stream_append (body, big->str, big->len, &error));
  stream = spanmark_file_stream_new (fd, "index.json", path, &error);
  g_assert_no_error (error);
  g_assert_true (spanmark_file_stream_append (stream, "[", 1, &error));
  {
    int tmp_fd = openat (fd, spanmark_file_stream_get_temporary_name (body), O_WRONLY | O_CLOEXEC);
    g_autofree char *tmp_path = g_build_filename (dir, spanmark_file_stream_get_temporary_name (body), NULL);

    g_assert_cmpint (tmp_fd, >=, 0);
    g_assert_cmpint (ftruncate (tmp_fd, 0), ==, 0);
    close (tmp_fd);
    g_assert_false (spanmark_file_stream_append_stream (stream, body, &error));
    g_assert_nonnull (error);
    g_assert_true (g_str_has_prefix (error->message, tmp_path));
    g_clear_error (&error);
  }
  spanmark_file_stream_abort (stream);
  spanmark_file_stream_abort (body);
  data = fixture_read (dir, "index.json", NULL);
  g_assert_cmpstr (data, ==, big->str);
  g_clear_pointer (&data, g_free);
  g_assert_cmpuint (count_temporary_of (dir, "index.json"), ==, 0);

  /* A link at the name is replaced by the file, not written through. */
  fixture_write (outside, "secret.json", "theirs\n", -1);
  g_assert_cmpint (symlink (secret, link), ==, 0);
  stream = spanmark_file_stream_new (fd, "link.json", link, &error);
  g_assert_no_error (error);
  g_assert_true (spanmark_file_stream_append (stream, "ours\n", 5, &error));
  g_assert_true (spanmark_file_stream_commit (stream, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  data = fixture_read (outside, "secret.json", NULL);
  g_assert_cmpstr (data, ==, "theirs\n");
  g_clear_pointer (&data, g_free);

  /* A link planted at the temporary name the stream would take first
   * (the names come from g_random: seeded, the test knows it) leading
   * out of the folder: never followed (O_EXCL, O_NOFOLLOW), another name
   * taken, nothing made outside. */
  {
    g_autoptr(GString) name = g_string_new (".index.json.spanmark-");
    g_autofree char *planted_link = NULL;

    g_random_set_seed (20261202);
    for (guint i = 0; i < 6; i++)
      g_string_append_c (name, letters[g_random_int_range (0, sizeof letters - 1)]);
    planted_link = g_build_filename (dir, name->str, NULL);
    g_assert_cmpint (symlink (planted, planted_link), ==, 0);

    g_random_set_seed (20261202);
    stream = spanmark_file_stream_new (fd, "index.json", path, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (spanmark_file_stream_get_temporary_name (stream), !=, name->str);
    g_assert_true (spanmark_file_stream_append (stream, "new\n", 4, &error));
    g_assert_true (spanmark_file_stream_commit (stream, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (planted, G_FILE_TEST_EXISTS));
    g_assert_cmpint (lstat (planted_link, &st), ==, 0);
    g_assert_true (S_ISLNK (st.st_mode));
    data = fixture_read (dir, "index.json", NULL);
    g_assert_cmpstr (data, ==, "new\n");
    g_clear_pointer (&data, g_free);
  }

  /* A folder that is gone: no stream. */
  g_assert_cmpint (g_mkdir (gone, 0755), ==, 0);
  gone_fd = open (gone, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  g_assert_cmpint (gone_fd, >=, 0);
  g_assert_cmpint (g_rmdir (gone), ==, 0);
  g_assert_null (spanmark_file_stream_new (gone_fd, "index.json", "gone/index.json", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "gone/index.json: cannot write: "));
  g_clear_error (&error);

  close (gone_fd);
  close (fd);
  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (outside);
}

/* The atomic write: a temporary file of the documented name, renamed. */
static void
test_write_atomic (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "d1.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;
  char *target = NULL;
  mode_t mask = umask (0);

  umask (mask);

  fixture_write (dir, "d1.json", "old\n", -1);

  spanmark_file_set_step_func (record_step_cb);
  g_assert_true (spanmark_file_write_atomic (path, "new\n", 4, FALSE, &error));
  spanmark_file_set_step_func (NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (current_step, ==, "renamed");

  data = fixture_read (dir, "d1.json", NULL);
  g_assert_cmpstr (data, ==, "new\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644 & ~mask);

  /* The names validation takes for temporary files. */
  g_assert_true (spanmark_file_is_temporary_name (".d1.json.spanmark-AbC123", &target));
  g_assert_cmpstr (target, ==, "d1.json");
  g_free (target);
  g_assert_true (spanmark_file_is_temporary_name (".新闻-1.txt.spanmark-z9Z9z9", NULL));
  g_assert_true (spanmark_file_is_temporary_name (".spanmark.json.spanmark-000000", NULL));
  g_assert_false (spanmark_file_is_temporary_name ("d1.json", NULL));
  g_assert_false (spanmark_file_is_temporary_name (".d1.json.spanmark-AbC12", NULL));
  g_assert_false (spanmark_file_is_temporary_name (".d1.json.spanmark-AbC1234", NULL));
  g_assert_false (spanmark_file_is_temporary_name (".d1.json.spanmark-AbC-12", NULL));
  g_assert_false (spanmark_file_is_temporary_name (".notes.md.spanmark-AbC123", NULL));
  g_assert_false (spanmark_file_is_temporary_name (".json.spanmark-AbC123", NULL));
  g_assert_false (spanmark_file_is_temporary_name ("..d1.json.spanmark-AbC123", NULL));
  g_assert_false (spanmark_file_is_temporary_name ("d1.json.spanmark-AbC123", NULL));
  g_assert_false (spanmark_file_is_temporary_name (".d1.json.Spanmark-AbC123", NULL));
  /* Regression: names a user gives a copy were taken for temporary
   * files, and clean removed them. */
  g_assert_false (spanmark_file_is_temporary_name ("d1.json.AbC123", NULL));
  g_assert_false (spanmark_file_is_temporary_name ("spanmark.json.backup", NULL));
  g_assert_false (spanmark_file_is_temporary_name ("yunlan-001.json.BACKUP", NULL));
  g_assert_false (spanmark_file_is_temporary_name (".d1.json.backup", NULL));

  spanmark_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/files/read", test_read);
  for (int kind = 0; kind < N_BAD_KINDS; kind++)
    {
      g_autofree char *path = g_strdup_printf ("/files/read/%s", bad_names[kind]);

      g_test_add_data_func (path, GINT_TO_POINTER (kind), test_read_bad);
    }
  g_test_add_func ("/files/read-at", test_read_at);
  g_test_add_func ("/files/read-replaced-folder", test_read_replaced_folder);
  g_test_add_func ("/files/read-anywhere", test_read_anywhere);
  g_test_add_func ("/files/read-blocks", test_read_blocks);
  g_test_add_func ("/files/missing-behind-link-out", test_missing_behind_link_out);
  g_test_add_data_func ("/files/annotator-link/inside", GINT_TO_POINTER (FALSE), test_annotator_link);
  g_test_add_data_func ("/files/annotator-link/outside", GINT_TO_POINTER (TRUE), test_annotator_link);
  for (int place = 0; place < 2; place++)
    for (int kind = 0; kind < N_BAD_KINDS; kind++)
      {
        g_autofree char *path = g_strdup_printf ("/files/project/%s/%s", place == 0 ? "text" : "annotations",
                                                 bad_names[kind]);

        g_test_add_data_func (path, GINT_TO_POINTER (place * N_BAD_KINDS + kind), test_project_readers);
      }
  for (int kind = 0; kind < N_BAD_KINDS; kind++)
    {
      g_autofree char *path = g_strdup_printf ("/files/index/%s", bad_names[kind]);

      g_test_add_data_func (path, GINT_TO_POINTER (kind), test_index_not_regular);
    }
  g_test_add_func ("/files/write-cap", test_write_cap);
  g_test_add_func ("/files/write-atomic", test_write_atomic);
  g_test_add_func ("/files/write-at", test_write_at);
  g_test_add_func ("/files/write-stream", test_write_stream);

  return g_test_run ();
}
