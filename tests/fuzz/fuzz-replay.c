/* fuzz-replay.c — a main for the fuzz targets without libFuzzer
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The normal (gcc) build links each fuzz target with this file and runs
 * it as a test: every file in the folders given as arguments is one test
 * case, fed to LLVMFuzzerTestOneInput().  So the targets keep compiling
 * and the seeds (and the inputs that once crashed) stay regression
 * inputs, under ASan too.  The first folder must exist and hold inputs;
 * the others (regressions/TARGET) may be missing.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"

static void
replay (gconstpointer user_data)
{
  const char *path = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree uint8_t *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, &error));
  g_assert_no_error (error);

  /* Exactly @size bytes, as libFuzzer gives them, so ASan sees a read
   * past the end (g_file_get_contents adds a NUL). */
  data = g_malloc (MAX (size, 1));
  memcpy (data, contents, size);
  g_assert_cmpint (LLVMFuzzerTestOneInput (data, size), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Adds a test per file of @dir; returns how many. */
static guint
add_folder (const char *dir,
            gboolean    required)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) handle = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folder = g_path_get_basename (dir);
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *kind = g_path_get_basename (parent);
  const char *name;

  if (handle == NULL)
    {
      if (required)
        g_error ("cannot read the seed folder: %s", error->message);
      return 0;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test = g_strdup_printf ("/%s/%s/%s", kind, folder, (char *) g_ptr_array_index (names, i));

      g_test_add_data_func_full (test, g_build_filename (dir, g_ptr_array_index (names, i), NULL),
                                 replay, g_free);
    }
  return names->len;
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: %s SEED-FOLDER [MORE-FOLDERS…]", argv[0]);
  if (add_folder (argv[1], TRUE) == 0)
    g_error ("%s holds no seed", argv[1]);
  for (int i = 2; i < argc; i++)
    add_folder (argv[i], FALSE);

  return g_test_run ();
}
