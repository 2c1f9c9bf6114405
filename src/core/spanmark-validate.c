/* spanmark-validate.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the same readers as SpanmarkProject (spanmark-json.c) over every
 * file, but keeps going after a problem, so one run lists them all.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-json.h"
#include "spanmark-project.h"
#include "spanmark-validate.h"

typedef struct
{
  char     *name;
  gboolean  is_dir;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(const Entry * const *) a;
  const Entry *eb = *(const Entry * const *) b;

  return strcmp (ea->name, eb->name);
}

/* The children of @dir sorted by name, so problems come in a stable
 * order; NULL with @error if @dir cannot be listed. */
static GPtrArray *
list_sorted (GFile   *dir,
             GError **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          NULL, error);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info = NULL;
      Entry *entry;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, error))
        return NULL;
      if (info == NULL)
        break;

      entry = g_new0 (Entry, 1);
      entry->name = g_strdup (g_file_info_get_name (info));
      entry->is_dir = g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY;
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_entries);

  return g_steal_pointer (&entries);
}

static void
validate_annotation_file (SpanmarkChecker *checker,
                          GFile           *dir,
                          SpanmarkIndex   *index,
                          GHashTable      *documents,
                          GHashTable      *good_texts,
                          const char      *annotator,
                          const char      *name)
{
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("annotations/%s/%s", annotator, name);
  g_autofree char *document_id = g_strndup (name, strlen (name) - strlen (".json"));
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  SpanmarkDocument *document;
  gsize length = 0;

  document = g_hash_table_lookup (documents, document_id);

  /* A document whose index entry is wrong was reported already. */
  if (document == NULL && g_hash_table_contains (index->bad_ids, document_id))
    return;

  if (document == NULL)
    {
      spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_NOT_FOUND, path, NULL,
                            _("there is no document \"%s\" in spanmark.json"), document_id);
      return;
    }

  file = g_file_resolve_relative_path (dir, path);
  if (!spanmark_json_check_inside (dir, path))
    {
      spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_INVALID, path, NULL,
                            _("leads outside the project folder (through a symbolic link)"));
      return;
    }

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error))
    {
      spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_INVALID, path, NULL,
                            _("cannot be read: %s"), error->message);
      return;
    }

  /* The text's own problems were reported once already; here a text that
   * cannot be read only means the checks that need it are skipped. */
  if (g_hash_table_contains (good_texts, document_id))
    {
      SpanmarkChecker quiet;

      spanmark_checker_init (&quiet);
      text = spanmark_json_read_text (&quiet, dir, NULL,
                                      spanmark_document_get_path (document), NULL);
      spanmark_checker_clear (&quiet);
    }

  set = spanmark_json_read_annotations (checker, path, data, length, document_id,
                                        annotator, text, index->schema);
}

GPtrArray *
spanmark_validate_project (GFile   *dir,
                           GError **error)
{
  g_autoptr(GFile) index_file = NULL;
  g_autoptr(GFile) annotations = NULL;
  g_autoptr(GPtrArray) annotators = NULL;
  g_autoptr(GHashTable) documents = NULL;
  g_autoptr(GHashTable) good_texts = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  SpanmarkChecker checker;
  SpanmarkIndex index;
  GPtrArray *problems;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Only a folder that cannot be listed at all is an error; everything
   * else is a problem in the list. */
  {
    g_autoptr(GPtrArray) top = list_sorted (dir, error);

    if (top == NULL)
      return NULL;
  }

  spanmark_checker_init (&checker);
  memset (&index, 0, sizeof index);

  index_file = g_file_get_child (dir, "spanmark.json");
  if (!g_file_load_contents (index_file, NULL, &data, &length, NULL, &local_error))
    {
      /* GLib's message names the path, which may hold a "%". */
      spanmark_checker_add (&checker, SPANMARK_PROJECT_ERROR_NOT_FOUND, "spanmark.json", NULL, "%s",
                            g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                            ? _("is missing: this folder is not a Spanmark project")
                            : local_error->message);
      problems = spanmark_checker_steal_problems (&checker);
      spanmark_checker_clear (&checker);
      return problems;
    }

  if (!spanmark_json_read_index (&checker, data, length, &index))
    {
      spanmark_index_clear (&index);
      problems = spanmark_checker_steal_problems (&checker);
      spanmark_checker_clear (&checker);
      return problems;
    }

  /* Every document's text, once. */
  documents = g_hash_table_new (g_str_hash, g_str_equal);
  good_texts = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < index.documents->len; i++)
    {
      SpanmarkDocument *document = g_ptr_array_index (index.documents, i);
      const char *id = spanmark_document_get_id (document);
      g_autofree char *text = NULL;

      g_hash_table_insert (documents, (char *) id, document);
      text = spanmark_json_read_text (&checker, dir, g_ptr_array_index (index.locations, i),
                                      spanmark_document_get_path (document), NULL);
      if (text != NULL)
        g_hash_table_add (good_texts, (char *) id);
    }

  /* Then every annotation file.  Hidden entries and names not ending in
   * ".json" (such as the temporary files of an interrupted atomic write)
   * are not data. */
  annotations = g_file_get_child (dir, "annotations");
  annotators = list_sorted (annotations, NULL);
  for (guint i = 0; annotators != NULL && i < annotators->len; i++)
    {
      Entry *annotator = g_ptr_array_index (annotators, i);
      g_autoptr(GFile) folder = NULL;
      g_autoptr(GPtrArray) files = NULL;

      if (!annotator->is_dir || annotator->name[0] == '.')
        continue;

      if (!spanmark_project_is_valid_annotator (annotator->name))
        {
          g_autofree char *path = g_strdup_printf ("annotations/%s", annotator->name);

          spanmark_checker_add (&checker, SPANMARK_PROJECT_ERROR_INVALID, path, NULL,
                                _("\"%s\" is not a valid annotator name"), annotator->name);
          continue;
        }

      folder = g_file_get_child (annotations, annotator->name);
      files = list_sorted (folder, &local_error);
      if (files == NULL)
        {
          g_autofree char *path = g_strdup_printf ("annotations/%s", annotator->name);

          spanmark_checker_add (&checker, SPANMARK_PROJECT_ERROR_INVALID, path, NULL,
                                _("cannot be read: %s"), local_error->message);
          g_clear_error (&local_error);
          continue;
        }

      for (guint j = 0; j < files->len; j++)
        {
          Entry *file = g_ptr_array_index (files, j);

          if (file->is_dir || file->name[0] == '.' || !g_str_has_suffix (file->name, ".json"))
            continue;

          validate_annotation_file (&checker, dir, &index, documents, good_texts,
                                    annotator->name, file->name);
        }
    }

  spanmark_index_clear (&index);
  problems = spanmark_checker_steal_problems (&checker);
  spanmark_checker_clear (&checker);

  return problems;
}
