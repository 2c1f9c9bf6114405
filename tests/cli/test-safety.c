/* test-safety.c — spanmark-cli and the file system: interrupted imports,
 * leftovers, special files, and where export -o writes
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

/* A fresh project "p" in a new temporary folder; returns the folder. */
static char *
new_project (char **project)
{
  char *tmp = spanmark_test_make_tmpdir ();

  *project = g_build_filename (tmp, "p", NULL);
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "p", NULL), ==, 0);
  return tmp;
}

static void
write_file (const char *path,
            const char *data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
}

static guint
count_lines_with (const char *text,
                  const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      n++;
  return n;
}

/* Copies documents/ and annotations/ of @from into @to, leaving @to's
 * spanmark.json as it is: what an import killed just before it wrote the
 * index leaves behind. */
static void
copy_data_without_index (const char *from,
                         const char *to)
{
  const char *folders[] = { "documents", "annotations" };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *src = g_build_filename (from, folders[i], NULL);
      g_autofree char *dst = g_build_filename (to, folders[i], NULL);

      spanmark_test_remove_tree (dst);
      spanmark_test_copy_tree (src, dst);
    }
}

/* An import killed after writing texts and annotation files but before
 * the index: validate passes and names the leftovers with the command
 * that removes them, and the same import run again completes. */
static void
test_interrupted_import (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = new_project (&project);
  g_autofree char *other = g_build_filename (tmp, "other", NULL);
  g_autofree char *spacy = cli_fixture ("spacy.jsonl");
  g_autofree char *mixed = cli_fixture ("mixed.txt");
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *index_before = NULL;
  g_autofree char *index_path = g_build_filename (project, "spanmark.json", NULL);
  const struct { const char *from, *to; } backups[] = {
    { "spanmark.json", "spanmark.json.backup" },
    { "annotations/imported/crlf.json", "annotations/imported/crlf.json.BACKUP" },
  };

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "other", NULL), ==, 0);
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "import", other, spacy, mixed, NULL), ==, 0);
  copy_data_without_index (other, project);
  /* And a temporary file of the index write the kill interrupted. */
  index_before = spanmark_test_read_file (index_path, NULL);
  {
    g_autofree char *tmp_index = g_build_filename (project, ".spanmark.json.spanmark-Ab12Cd", NULL);

    write_file (tmp_index, "{\"spanmark\": 1, \"na");
  }

  g_assert_cmpint (cli_run (NULL, &out, &err, "validate", project, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "no problems found"));
  g_assert_nonnull (strstr (err, "documents/mixed.txt: warning: spanmark.json does not list this document"));
  g_assert_nonnull (strstr (err, "annotations/imported/crlf.json: warning: spanmark.json does not list its document"));
  g_assert_nonnull (strstr (err, ".spanmark.json.spanmark-Ab12Cd: warning: a temporary file left by an interrupted save"));
  g_assert_cmpuint (count_lines_with (err, ": warning: "), ==, count_lines_with (err, "“spanmark-cli clean”"));
  g_assert_nonnull (strstr (err, "removes them"));
  g_assert_nonnull (strstr (err, "spanmark-cli clean "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The old code said "documents/crlf.txt already exists in the project". */
  g_assert_cmpint (cli_run (NULL, &out, &err, "import", project, spacy, mixed, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Imported 5 documents"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Everything is in place; only the temporary file is left to clean.
   * Regression: the user's copies beside it, named as temporary files
   * once were, were called temporary and removed. */
  for (guint i = 0; i < G_N_ELEMENTS (backups); i++)
    {
      g_autofree char *from = g_build_filename (project, backups[i].from, NULL);
      g_autofree char *to = g_build_filename (project, backups[i].to, NULL);
      g_autofree char *contents = spanmark_test_read_file (from, NULL);

      write_file (to, contents);
    }
  g_assert_cmpint (cli_run (NULL, &out, &err, "validate", project, NULL), ==, 0);
  g_assert_cmpuint (count_lines_with (err, ": warning: "), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, &out, NULL, "clean", project, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "removed .spanmark.json.spanmark-Ab12Cd\n"));
  g_assert_true (g_str_has_suffix (out, "p: removed 1 leftover\n"));
  g_assert_cmpuint (count_lines_with (out, "removed"), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli_run (NULL, NULL, &err, "validate", project, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (backups); i++)
    {
      g_autofree char *to = g_build_filename (project, backups[i].to, NULL);

      g_assert_true (g_file_test (to, G_FILE_TEST_IS_REGULAR));
    }

  spanmark_test_remove_tree (tmp);
}

/* A leftover that is not what the import would write is refused with the
 * file and the command; clean --dry-run lists and keeps, clean removes
 * (annotation files first, then the texts, then folders left empty). */
static void
test_leftover_conflict (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = new_project (&project);
  g_autofree char *input = g_build_filename (tmp, "a.txt", NULL);
  g_autofree char *leftover = g_build_filename (project, "documents", "a.txt", NULL);
  g_autofree char *ann_dir = g_build_filename (project, "annotations", "imported", NULL);
  g_autofree char *ann = g_build_filename (ann_dir, "a.json", NULL);
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  write_file (input, "新的文本\n");
  write_file (leftover, "别的文本\n");
  g_assert_cmpint (g_mkdir (ann_dir, 0755), ==, 0);
  write_file (ann, "{}\n");

  g_assert_cmpint (cli_run (NULL, NULL, &err, "import", project, input, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "documents/a.txt: already exists with a different text, and spanmark.json does not list it"));
  g_assert_nonnull (strstr (err, "“spanmark-cli clean” removes such leftovers"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (NULL, &out, NULL, "clean", "--dry-run", project, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out,
                                   "would remove annotations/imported/a.json\n"
                                   "would remove documents/a.txt\n"
                                   "would remove annotations/imported/\n"));
  g_assert_true (g_str_has_suffix (out, "p: 3 leftovers would be removed\n"));
  g_clear_pointer (&out, g_free);
  g_assert_true (g_file_test (ann, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (leftover, G_FILE_TEST_EXISTS));

  g_assert_cmpint (cli_run (NULL, &out, NULL, "clean", project, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out,
                                   "removed annotations/imported/a.json\n"
                                   "removed documents/a.txt\n"
                                   "removed annotations/imported/\n"));
  g_clear_pointer (&out, g_free);
  g_assert_false (g_file_test (ann_dir, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));

  g_assert_cmpint (cli_run (NULL, &out, NULL, "clean", project, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "nothing to clean"));
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "import", project, input, NULL), ==, 0);

  spanmark_test_remove_tree (tmp);
}

/* Inputs that are not regular files are refused at once. */
static void
test_import_special_files (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = new_project (&project);
  g_autofree char *fifo = g_build_filename (tmp, "fifo.txt", NULL);
  g_autofree char *zero = g_build_filename (tmp, "zero.jsonl", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);

  g_assert_cmpint (cli_run (tmp, NULL, &err, "import", "p", "fifo.txt", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "fifo.txt: is a named pipe (FIFO), not a regular file"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (tmp, NULL, &err, "import", "p", "zero.jsonl", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "zero.jsonl: is a device, not a regular file"));

  spanmark_test_remove_tree (tmp);
}

/* validate, stats and export given a FIFO in place of a document and a
 * folder in place of an annotation file: exit 1, naming them. */
static void
test_special_files_in_project (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = new_project (&project);
  g_autofree char *a = g_build_filename (tmp, "a.txt", NULL);
  g_autofree char *b = g_build_filename (tmp, "b.txt", NULL);
  g_autofree char *spacy = cli_fixture ("spacy.jsonl");
  g_autofree char *text_a = g_build_filename (project, "documents", "a.txt", NULL);
  g_autofree char *ann_crlf = g_build_filename (project, "annotations", "imported", "crlf.json", NULL);
  g_autofree char *out = g_build_filename (tmp, "out.conll", NULL);
  g_autofree char *err = NULL;

  write_file (a, "甲\n");
  write_file (b, "乙\n");
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "import", project, a, b, spacy, NULL), ==, 0);
  g_assert_cmpint (g_unlink (text_a), ==, 0);
  g_assert_cmpint (mkfifo (text_a, 0644), ==, 0);
  g_assert_cmpint (g_unlink (ann_crlf), ==, 0);
  g_assert_cmpint (g_mkdir (ann_crlf, 0755), ==, 0);

  g_assert_cmpint (cli_run (NULL, NULL, &err, "validate", project, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "documents/a.txt: is a named pipe (FIFO), not a regular file\n"));
  g_assert_nonnull (strstr (err, "annotations/imported/crlf.json: is a folder, not a file\n"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (NULL, NULL, &err, "stats", project, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "documents/a.txt: is a named pipe (FIFO), not a regular file"));
  g_assert_nonnull (strstr (err, "annotations/imported/crlf.json: is a folder, not a file"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (NULL, NULL, &err, "export", project, "--format", "conll", "-o", out, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "documents/a.txt: is a named pipe (FIFO), not a regular file"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  spanmark_test_remove_tree (tmp);
}

typedef struct
{
  const char *path;
  GString    *data;
} FifoReader;

static gpointer
read_fifo_thread (gpointer user_data)
{
  FifoReader *reader = user_data;
  char buffer[4096];
  int fd = open (reader->path, O_RDONLY | O_CLOEXEC);
  gssize n;

  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (reader->data, buffer, n);
  close (fd);
  return NULL;
}

/* export -o into a FIFO, a device and through symbolic links: what is
 * there is written into (or its target replaced), never replaced by a
 * file; a write error is exit status 1. */
static void
test_export_destinations (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = new_project (&project);
  g_autofree char *input = cli_fixture ("spacy.jsonl");
  g_autofree char *reference = g_build_filename (tmp, "reference.conll", NULL);
  g_autofree char *fifo = g_build_filename (tmp, "fifo", NULL);
  g_autofree char *target = g_build_filename (tmp, "target.conll", NULL);
  g_autofree char *link = g_build_filename (tmp, "link.conll", NULL);
  g_autofree char *dangling = g_build_filename (tmp, "dangling.conll", NULL);
  g_autofree char *made = g_build_filename (tmp, "made.conll", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  FifoReader reader = { fifo, g_string_new (NULL) };
  GThread *thread;
  struct stat st;

  g_assert_cmpint (cli_run (NULL, NULL, NULL, "import", project, input, NULL), ==, 0);
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "export", project, "--format", "conll", "--annotator", "imported",
                            "-o", reference, NULL), ==, 0);
  expected = spanmark_test_read_file (reference, NULL);
  g_assert_cmpstr (expected, !=, "");

  /* A FIFO: the reader gets the data, and the FIFO stays. */
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  thread = g_thread_new ("fifo", read_fifo_thread, &reader);
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "export", project, "--format", "conll", "--annotator", "imported",
                            "-o", fifo, NULL), ==, 0);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_thread_join (thread);
  g_assert_cmpstr (reader.data->str, ==, expected);
  g_string_free (reader.data, TRUE);

  /* A link: its target is replaced, the link stays a link. */
  write_file (target, "old\n");
  g_assert_cmpint (symlink ("target.conll", link), ==, 0);
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "export", project, "--format", "conll", "--annotator", "imported",
                            "-o", link, NULL), ==, 0);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  got = spanmark_test_read_file (target, NULL);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);

  /* A link to nothing yet: its target is made. */
  g_assert_cmpint (symlink ("made.conll", dangling), ==, 0);
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "export", project, "--format", "conll", "--annotator", "imported",
                            "-o", dangling, NULL), ==, 0);
  g_assert_cmpint (g_lstat (dangling, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  got = spanmark_test_read_file (made, NULL);
  g_assert_cmpstr (got, ==, expected);

  spanmark_test_remove_tree (tmp);
}

/* Whether writing to @path fails as a full device does (ENOSPC).  Not
 * so in every sandbox: bubblewrap's /dev, or a user namespace where
 * mknod is refused. */
static gboolean
behaves_as_full_device (const char *path)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  gboolean full;

  if (fd < 0)
    return FALSE;
  full = write (fd, "x", 1) < 0 && errno == ENOSPC;
  close (fd);
  return full;
}

/* A device that is full: exit 1, and it is still the device.  Made in
 * the temporary folder where we may, so that old code (which replaced
 * the node) could not harm /dev.  $SPANMARK_TEST_FULL_DEVICE names
 * another node (the test of this test gives /dev/null, which is not
 * full: a skip). */
static void
test_export_full_device (void)
{
  g_autofree char *project = NULL;
  g_autofree char *tmp = new_project (&project);
  g_autofree char *input = cli_fixture ("spacy.jsonl");
  g_autofree char *full = NULL;
  g_autofree char *err = NULL;
  struct stat st;

  if (g_getenv ("SPANMARK_TEST_FULL_DEVICE") != NULL)
    full = g_strdup (g_getenv ("SPANMARK_TEST_FULL_DEVICE"));
  else if (geteuid () == 0)
    {
      full = g_build_filename (tmp, "full", NULL);
      if (mknod (full, S_IFCHR | 0666, makedev (1, 7)) != 0)
        g_clear_pointer (&full, g_free);
    }
  else
    full = g_strdup ("/dev/full");
  if (full == NULL || !behaves_as_full_device (full))
    {
      spanmark_test_missing_prerequisite ("no device here behaves as a full one (/dev/full, or one made with mknod as root)");
      spanmark_test_remove_tree (tmp);
      return;
    }

  g_assert_cmpint (cli_run (NULL, NULL, NULL, "import", project, input, NULL), ==, 0);
  g_assert_cmpint (cli_run (NULL, NULL, &err, "export", project, "--format", "conll", "--annotator", "imported",
                            "-o", full, NULL), ==, 1);
  g_assert_nonnull (strstr (err, ": cannot write: No space left on device"));
  g_assert_cmpint (g_lstat (full, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  spanmark_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/safety/interrupted-import", test_interrupted_import);
  g_test_add_func ("/cli/safety/leftover-conflict", test_leftover_conflict);
  g_test_add_func ("/cli/safety/import-special-files", test_import_special_files);
  g_test_add_func ("/cli/safety/special-files-in-project", test_special_files_in_project);
  g_test_add_func ("/cli/safety/export-destinations", test_export_destinations);
  g_test_add_func ("/cli/safety/export-full-device", test_export_full_device);

  return g_test_run ();
}
