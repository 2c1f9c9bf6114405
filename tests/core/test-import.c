/* test-import.c — what an import reads from the files and folders it is given
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formats themselves are tested through spanmark-cli import
 * (tests/cli/test-import.c); this is the part the window shares.
 */

#include "config.h"

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
  const char *expected[] = { "loose.md", "texts/a.ann", "texts/a.txt", "texts/b.jsonl", "texts/c.txt", NULL };
  const char *empty[] = { "notes", NULL };

  fixture_write (dir, "loose.md", "not a text\n", -1);
  fixture_write (dir, "texts/c.txt", "C\n", -1);
  fixture_write (dir, "texts/a.txt", "A\n", -1);
  fixture_write (dir, "texts/a.ann", "", -1);
  fixture_write (dir, "texts/b.jsonl", "{\"text\": \"B\"}\n", -1);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/expand-folders", test_expand_folders);

  return g_test_run ();
}
