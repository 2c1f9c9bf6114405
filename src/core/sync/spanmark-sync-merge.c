/* spanmark-sync-merge.c — the three-way merge of a project's trees
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "spanmark-file.h"
#include "spanmark-index.h"
#include "spanmark-project.h"
#include "spanmark-sync-merge.h"

#define INDEX_PATH "spanmark.json"
#define ANNOTATIONS_PREFIX "annotations/"

typedef struct
{
  GgitOId      *id;
  GgitFileMode  mode;
} TreeFile;

static void
tree_file_free (TreeFile *file)
{
  g_clear_pointer (&file->id, ggit_oid_free);
  g_free (file);
}

static int
flatten_cb (const char          *root,
            const GgitTreeEntry *const_entry,
            gpointer             user_data)
{
  GgitTreeEntry *entry = (GgitTreeEntry *) const_entry;
  GHashTable *files = user_data;
  TreeFile *file;

  if (ggit_tree_entry_get_object_type (entry) != GGIT_TYPE_BLOB)
    return 0;

  file = g_new0 (TreeFile, 1);
  file->id = ggit_tree_entry_get_id (entry);
  file->mode = ggit_tree_entry_get_file_mode (entry);
  g_hash_table_insert (files, g_strconcat (root, ggit_tree_entry_get_name (entry), NULL), file);
  return 0;
}

/* Path → TreeFile of every file in @tree (empty for NULL). */
static GHashTable *
flatten (GgitTree  *tree,
         GError   **error)
{
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) tree_file_free);
  GError *local_error = NULL;

  if (tree != NULL)
    {
      ggit_tree_walk (tree, GGIT_TREE_WALK_MODE_PRE, flatten_cb, files, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }
  return g_steal_pointer (&files);
}

static gboolean
same_file (TreeFile *a,
           TreeFile *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->mode == b->mode && ggit_oid_equal (a->id, b->id);
}

gboolean
spanmark_sync_diff_trees (GgitTree   *a,
                          GgitTree   *b,
                          GPtrArray  *paths,
                          GError    **error)
{
  g_autoptr(GHashTable) files_a = flatten (a, error);
  g_autoptr(GHashTable) files_b = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (files_a == NULL || (files_b = flatten (b, error)) == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, files_a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!same_file (value, g_hash_table_lookup (files_b, key)))
      g_ptr_array_add (paths, g_strdup (key));
  g_hash_table_iter_init (&iter, files_b);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (files_a, key))
      g_ptr_array_add (paths, g_strdup (key));
  return TRUE;
}

/* The index, as written with no documents: what both sides must share
 * for a union of their documents to make sense. */
static char *
index_header (SpanmarkIndex *index)
{
  g_autoptr(GListStore) none = g_list_store_new (SPANMARK_TYPE_DOCUMENT);

  return spanmark_json_write_index (index->name, index->schema, G_LIST_MODEL (none), NULL);
}

static char *
document_entry (SpanmarkIndex    *index,
                SpanmarkDocument *document)
{
  g_autoptr(GListStore) one = g_list_store_new (SPANMARK_TYPE_DOCUMENT);

  g_list_store_append (one, document);
  return spanmark_json_write_index (index->name, index->schema, G_LIST_MODEL (one), NULL);
}

static gboolean
read_clean_index (const char    *data,
                  gsize          length,
                  SpanmarkIndex *index)
{
  SpanmarkChecker checker;
  gboolean ok;

  spanmark_checker_init (&checker);
  ok = spanmark_json_read_index (&checker, data, length, index);
  ok = ok && index->top_level_ok && spanmark_checker_get_n_problems (&checker) == 0;
  spanmark_checker_clear (&checker);
  return ok;
}

char *
spanmark_sync_merge_index (const char *ours,
                           gsize       ours_length,
                           const char *theirs,
                           gsize       theirs_length,
                           gsize      *length)
{
  g_autoptr(GListStore) documents = g_list_store_new (SPANMARK_TYPE_DOCUMENT);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *ours_header = NULL;
  g_autofree char *theirs_header = NULL;
  SpanmarkIndex a, b;
  char *result = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ours != NULL && theirs != NULL, NULL);

  if (!read_clean_index (ours, ours_length, &a))
    {
      spanmark_index_clear (&a);
      return NULL;
    }
  if (!read_clean_index (theirs, theirs_length, &b))
    {
      spanmark_index_clear (&a);
      spanmark_index_clear (&b);
      return NULL;
    }

  ours_header = index_header (&a);
  theirs_header = index_header (&b);
  ok = g_str_equal (ours_header, theirs_header);

  for (guint i = 0; ok && i < a.documents->len; i++)
    {
      SpanmarkDocument *document = g_ptr_array_index (a.documents, i);

      g_hash_table_insert (by_id, (gpointer) spanmark_document_get_id (document), document);
      g_list_store_append (documents, document);
    }
  for (guint i = 0; ok && i < b.documents->len; i++)
    {
      SpanmarkDocument *document = g_ptr_array_index (b.documents, i);
      SpanmarkDocument *mine = g_hash_table_lookup (by_id, spanmark_document_get_id (document));

      if (mine == NULL)
        g_list_store_append (documents, document);
      else
        {
          g_autofree char *x = document_entry (&a, mine);
          g_autofree char *y = document_entry (&a, document);

          ok = g_str_equal (x, y);
        }
    }

  if (ok)
    result = spanmark_json_write_index (a.name, a.schema, G_LIST_MODEL (documents), length);
  spanmark_index_clear (&a);
  spanmark_index_clear (&b);
  return result;
}

static gboolean
read_blob (GgitRepository  *repository,
           TreeFile        *file,
           GBytes         **bytes,
           GError         **error)
{
  g_autoptr(GgitBlob) blob = ggit_repository_lookup_blob (repository, file->id, error);
  const guchar *data;
  gsize length = 0;

  if (blob == NULL)
    return FALSE;
  data = ggit_blob_get_raw_content (blob, &length);
  *bytes = g_bytes_new (data, length);
  return TRUE;
}

/* Where the other version of @path goes: an annotation file as the
 * window's "Save mine as a copy" keeps one (validate lists those),
 * anything else at the top of conflicts/ under its path's name. */
static char *
conflict_path (GFile      *dir,
               const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);

  if (g_str_has_prefix (path, ANNOTATIONS_PREFIX) && g_strv_length (parts) == 3
      && g_str_has_suffix (parts[2], ".json"))
    {
      g_autofree char *document_id = g_strndup (parts[2], strlen (parts[2]) - strlen (".json"));

      return spanmark_project_new_conflict_path (dir, parts[1], document_id, NULL);
    }
  else
    {
      g_autofree char *flat = g_strjoinv ("-", parts);

      /* "conflicts/spanmark.json-STAMP.json", "conflicts/documents-d1.txt-STAMP.json" */
      return spanmark_project_new_conflict_path (dir, NULL, flat, NULL);
    }
}

gboolean
spanmark_sync_keep_beside (GFile       *dir,
                           const char  *path,
                           const char  *data,
                           gsize        length,
                           char       **copy_out,
                           GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *copy = conflict_path (dir, path);

  file = g_file_resolve_relative_path (dir, copy);
  parent = g_file_get_parent (file);
  if (g_mkdir_with_parents (g_file_peek_path (parent), 0755) != 0 || !spanmark_file_check_inside (dir, copy))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s: the other version of %s could not be kept there"), copy, path);
      return FALSE;
    }
  if (!spanmark_file_write_atomic (g_file_peek_path (file), data, length, TRUE, error))
    return FALSE;

  if (copy_out != NULL)
    *copy_out = g_steal_pointer (&copy);
  return TRUE;
}

static gboolean
keep_beside (GgitRepository      *repository,
             GFile               *dir,
             const char          *path,
             TreeFile            *theirs,
             SpanmarkSyncReport  *report,
             GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  char *copy = NULL;
  gsize length;
  const char *data;

  if (!read_blob (repository, theirs, &bytes, error))
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (!spanmark_sync_keep_beside (dir, path, data, length, &copy, error))
    return FALSE;

  g_ptr_array_add (report->conflicts, copy);
  return TRUE;
}

/* Both sides changed spanmark.json: the union, as a new blob, or NULL. */
static TreeFile *
union_index (GgitRepository  *repository,
             TreeFile        *ours,
             TreeFile        *theirs,
             GError         **error)
{
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autofree char *merged = NULL;
  gsize la, lb, length = 0;
  const char *da, *db;
  TreeFile *file;

  if (!read_blob (repository, ours, &a, error) || !read_blob (repository, theirs, &b, error))
    return NULL;

  da = g_bytes_get_data (a, &la);
  db = g_bytes_get_data (b, &lb);
  merged = spanmark_sync_merge_index (da, la, db, lb, &length);
  if (merged == NULL)
    return NULL;

  file = g_new0 (TreeFile, 1);
  file->mode = GGIT_FILE_MODE_BLOB;
  file->id = ggit_repository_create_blob_from_buffer (repository, merged, length, error);
  if (file->id == NULL)
    g_clear_pointer (&file, tree_file_free);
  return file;
}

static GgitOId *
build_tree (GgitRepository  *repository,
            GPtrArray       *paths,
            guint           *pos,
            const char      *prefix,
            GHashTable      *files,
            GError         **error)
{
  g_autoptr(GgitTreeBuilder) builder = ggit_repository_create_tree_builder (repository, error);
  gsize prefix_length = strlen (prefix);

  if (builder == NULL)
    return NULL;

  /* Sorted paths keep every folder's files together. */
  while (*pos < paths->len)
    {
      const char *path = g_ptr_array_index (paths, *pos);
      const char *rest = path + prefix_length;
      const char *slash = strchr (rest, '/');
      g_autoptr(GgitTreeEntry) entry = NULL;

      if (!g_str_has_prefix (path, prefix))
        break;

      if (slash == NULL)
        {
          TreeFile *file = g_hash_table_lookup (files, path);

          entry = ggit_tree_builder_insert (builder, rest, file->id, file->mode, error);
          (*pos)++;
        }
      else
        {
          g_autofree char *folder = g_strndup (path, slash - path + 1);
          g_autofree char *name = g_strndup (rest, slash - rest);
          g_autoptr(GgitOId) id = build_tree (repository, paths, pos, folder, files, error);

          if (id == NULL)
            return NULL;
          entry = ggit_tree_builder_insert (builder, name, id, GGIT_FILE_MODE_TREE, error);
        }
      if (entry == NULL)
        return NULL;
    }

  return ggit_tree_builder_write (builder, error);
}

static gint
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

GgitOId *
spanmark_sync_merge_trees (GgitRepository      *repository,
                           GFile               *dir,
                           GgitTree            *base,
                           GgitTree            *ours,
                           GgitTree            *theirs,
                           SpanmarkSyncReport  *report,
                           GError             **error)
{
  g_autoptr(GHashTable) base_files = NULL;
  g_autoptr(GHashTable) our_files = NULL;
  g_autoptr(GHashTable) their_files = NULL;
  g_autoptr(GHashTable) result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func ((GDestroyNotify) tree_file_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;
  guint pos = 0;

  g_return_val_if_fail (GGIT_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (GGIT_IS_TREE (ours) && GGIT_IS_TREE (theirs), NULL);

  if ((base_files = flatten (base, error)) == NULL
      || (our_files = flatten (ours, error)) == NULL
      || (their_files = flatten (theirs, error)) == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, our_files);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (all, key);
  g_hash_table_iter_init (&iter, their_files);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (all, key);

  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *path = key;
      TreeFile *b = g_hash_table_lookup (base_files, path);
      TreeFile *o = g_hash_table_lookup (our_files, path);
      TreeFile *t = g_hash_table_lookup (their_files, path);
      TreeFile *take;

      if (same_file (o, t) || same_file (t, b))
        take = o;
      else if (same_file (o, b))
        take = t;
      else if (o == NULL || t == NULL)
        /* Deleted on one side, changed on the other: keep the work. */
        take = o != NULL ? o : t;
      else
        {
          GError *local_error = NULL;

          take = g_str_equal (path, INDEX_PATH) ? union_index (repository, o, t, &local_error) : NULL;
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return NULL;
            }
          if (take != NULL)
            {
              g_ptr_array_add (owned, take);
              report->index_merged = TRUE;
            }
          else
            {
              take = o;
              if (!keep_beside (repository, dir, path, t, report, error))
                return NULL;
            }
        }

      if (take != NULL)
        g_hash_table_insert (result, g_strdup (path), take);
    }

  g_hash_table_iter_init (&iter, result);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (paths, key);
  g_ptr_array_sort (paths, compare_paths);

  return build_tree (repository, paths, &pos, "", result, error);
}
