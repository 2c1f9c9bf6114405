/* spanmark-test-util.c — folders and files for every test area
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "spanmark-test-util.h"

char *
spanmark_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("spanmark-test-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

char *
spanmark_test_make_project (const char       *folder,
                            const char       *name,
                            char            **project_path,
                            SpanmarkProject **project)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmp, folder, NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(SpanmarkProject) made = NULL;
  g_autoptr(GError) error = NULL;

  if (name == NULL)
    {
      g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample", NULL);

      spanmark_test_copy_tree (sample, path);
      if (project != NULL)
        made = spanmark_project_open (dir, &error);
    }
  else
    made = spanmark_project_create (dir, name, &error);
  g_assert_no_error (error);

  if (project_path != NULL)
    *project_path = g_steal_pointer (&path);
  if (project != NULL)
    *project = g_steal_pointer (&made);

  return g_steal_pointer (&tmp);
}

const SpanmarkSpan *
spanmark_test_add_span (SpanmarkAnnotationSet *set,
                        guint                  start,
                        guint                  end,
                        const char            *label)
{
  g_autoptr(GError) error = NULL;
  const SpanmarkSpan *span = spanmark_annotation_set_add_span (set, start, end, label, &error);

  g_assert_no_error (error);
  g_assert_nonnull (span);
  return span;
}

/* The entity of @set called @name, made at the first call. */
static const SpanmarkEntity *
spec_entity (SpanmarkAnnotationSet *set,
             const char            *label,
             const char            *mention,
             const char            *entity_prefix)
{
  g_auto(GStrv) parts = g_strsplit (mention, ":", 2);
  g_autofree char *id = NULL;
  g_autoptr(SpanmarkEntity) made = NULL;

  for (guint e = 0; e < spanmark_annotation_set_get_n_entities (set); e++)
    if (g_str_equal (spanmark_annotation_set_get_entity (set, e)->name, parts[0]))
      return spanmark_annotation_set_get_entity (set, e);

  if (entity_prefix != NULL)
    id = g_strconcat (entity_prefix, parts[0], NULL);
  else
    id = g_strdup_printf ("e%u", spanmark_annotation_set_get_n_entities (set) + 1);
  made = spanmark_entity_new (id, label, parts[0]);
  if (parts[1] != NULL)
    {
      g_auto(GStrv) pair = g_strsplit (parts[1], "=", 2);

      g_assert_nonnull (pair[1]);
      g_hash_table_insert (made->attrs, g_strdup (pair[0]), g_strdup (pair[1]));
    }
  spanmark_annotation_set_load_entity (set, made);
  return spanmark_annotation_set_lookup_entity (set, id);
}

void
spanmark_test_load_spec (SpanmarkAnnotationSet *set,
                         const char            *spec,
                         const char            *entity_prefix)
{
  g_auto(GStrv) items = g_strsplit (spec, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (g_strstrip (items[i]), " ", -1);
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      g_autoptr(SpanmarkSpan) span = NULL;

      if (words[0] == NULL || words[0][0] == '\0')
        continue;
      g_assert_cmpuint (g_strv_length (words), >=, 3);
      span = spanmark_span_new (id, atoi (words[1]), atoi (words[2]), words[0], NULL);
      for (guint w = 3; words[w] != NULL; w++)
        {
          char *equals = strchr (words[w], '=');

          if (words[w][0] == '@')
            {
              const SpanmarkEntity *entity = spec_entity (set, words[0], words[w] + 1, entity_prefix);

              span->entity = g_strdup (entity->id);
            }
          else
            {
              g_assert_nonnull (equals);
              g_hash_table_insert (span->attrs, g_strndup (words[w], equals - words[w]), g_strdup (equals + 1));
            }
        }
      spanmark_annotation_set_load_span (set, span);
    }
}

SpanmarkAnnotationSet *
spanmark_test_tag_document (const char     *dir,
                            guint           index,
                            const char     *annotator,
                            guint           start,
                            SpanmarkStatus  status)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) error = NULL;

  project = spanmark_project_open (folder, &error);
  g_assert_no_error (error);
  set = spanmark_project_load_annotations (project, spanmark_project_get_document (project, index),
                                           annotator, &error);
  g_assert_no_error (error);
  spanmark_annotation_set_add_span (set, start, start + 2, "PLACE", &error);
  g_assert_no_error (error);
  spanmark_annotation_set_set_status (set, status);
  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&set);
}

/* Whether @path is a folder itself, not a link to one. */
static gboolean
is_real_dir (const char *path)
{
  return g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK);
}

void
spanmark_test_remove_tree (const char *path)
{
  if (is_real_dir (path))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          spanmark_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
spanmark_test_copy_tree (const char *from,
                         const char *to)
{
  if (g_file_test (from, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *a = g_build_filename (from, name, NULL);
          g_autofree char *b = g_build_filename (to, name, NULL);

          spanmark_test_copy_tree (a, b);
        }
    }
  else
    {
      gsize length = 0;
      g_autofree char *data = spanmark_test_read_file (from, &length);

      spanmark_test_write_file (to, data, (gssize) length);
    }
}

static void
snapshot_into (const char *root,
               const char *relative,
               GPtrArray  *lines)
{
  g_autofree char *path = relative[0] != '\0' ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autofree char *target = NULL;

  if (is_real_dir (path))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      if (relative[0] != '\0')
        g_ptr_array_add (lines, g_strdup_printf ("%s/", relative));
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = relative[0] != '\0' ? g_build_filename (relative, name, NULL) : g_strdup (name);

          snapshot_into (root, child, lines);
        }
    }
  else if ((target = g_file_read_link (path, NULL)) != NULL)
    g_ptr_array_add (lines, g_strdup_printf ("%s -> %s", relative, target));
  else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      gsize length = 0;
      g_autofree char *data = spanmark_test_read_file (path, &length);
      g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);

      g_ptr_array_add (lines, g_strdup_printf ("%s %s", relative, sum));
    }
  else
    g_ptr_array_add (lines, g_strdup_printf ("%s (special)", relative));
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
spanmark_test_snapshot_tree (const char *path)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  snapshot_into (path, "", lines);
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **) lines->pdata);
}

char *
spanmark_test_read_file (const char *path,
                         gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);

  return data;
}

void
spanmark_test_write_file (const char *path,
                          const char *data,
                          gssize      length)
{
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

void
spanmark_test_replace_in_file (const char *path,
                               const char *from,
                               const char *to)
{
  g_autofree char *data = spanmark_test_read_file (path, NULL);
  g_autoptr(GString) string = g_string_new (data);

  g_assert_cmpuint (g_string_replace (string, from, to, 1), ==, 1);
  spanmark_test_write_file (path, string->str, (gssize) string->len);
}

void
spanmark_test_replace_all_in_file (const char *path,
                                   const char *from,
                                   const char *to)
{
  g_autofree char *data = spanmark_test_read_file (path, NULL);
  g_autoptr(GString) string = g_string_new (data);

  g_assert_true (from[0] != '\0');
  g_string_replace (string, from, to, 0);
  spanmark_test_write_file (path, string->str, (gssize) string->len);
}

void
spanmark_test_missing_prerequisite (const char *reason)
{
  const char *strict = g_getenv ("SPANMARK_TESTS_REQUIRE_ALL");

  if (strict != NULL && *strict != '\0' && g_strcmp0 (strict, "0") != 0)
    {
      g_test_fail_printf ("%s (SPANMARK_TESTS_REQUIRE_ALL is set: nothing may be skipped)", reason);
      return;
    }
  g_test_skip (reason);
}
