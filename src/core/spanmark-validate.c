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

/* The position of each span in the file's "spans" array, by id: the
 * set keeps spans in text order, but a problem names the file's place. */
static GHashTable *
span_positions (const char *path,
                const char *data,
                gsize       length)
{
  GHashTable *positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) root = NULL;
  SpanmarkChecker quiet;
  JsonArray *spans = NULL;

  spanmark_checker_init (&quiet);
  root = spanmark_json_parse (&quiet, path, data, length);
  spanmark_checker_clear (&quiet);

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *node = json_object_get_member (json_node_get_object (root), "spans");

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        spans = json_node_get_array (node);
    }

  for (guint i = 0; spans != NULL && i < json_array_get_length (spans); i++)
    {
      JsonNode *item = json_array_get_element (spans, i);
      JsonNode *id;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      id = json_object_get_member (json_node_get_object (item), "id");
      if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
        g_hash_table_insert (positions, g_strdup (json_node_get_string (id)), GUINT_TO_POINTER (i));
    }

  return positions;
}

/* Spans may nest and overlap, but two on exactly the same characters are
 * almost always a slip (a label key pressed on a tagged span): a flat
 * export keeps only one of them. */
static void
warn_same_range (SpanmarkChecker       *warnings,
                 const char            *path,
                 const char            *data,
                 gsize                  length,
                 SpanmarkAnnotationSet *set)
{
  g_autoptr(GHashTable) positions = NULL;
  const SpanmarkSpan *first = NULL;

  /* Spans sort by start, then end, so those on the same characters are
   * neighbours; each is reported against the first of its run. */
  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);
      g_autofree char *location = NULL;

      if (first == NULL || first->start != span->start || first->end != span->end)
        {
          first = span;
          continue;
        }

      if (positions == NULL)
        positions = span_positions (path, data, length);
      location = g_strdup_printf ("spans[%u] (id \"%s\")",
                                  GPOINTER_TO_UINT (g_hash_table_lookup (positions, span->id)), span->id);
      spanmark_checker_add (warnings, SPANMARK_PROJECT_ERROR_INVALID, path, location,
                            _("covers the same characters %u–%u as spans[%u] (id \"%s\"), "
                              "tagged %s there and %s here; flat exports keep only one of them"),
                            span->start, span->end,
                            GPOINTER_TO_UINT (g_hash_table_lookup (positions, first->id)), first->id,
                            first->label, span->label);
    }
}

static void
validate_annotation_file (SpanmarkChecker *checker,
                          SpanmarkChecker *warnings,
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
                            _("cannot be read: %s"), spanmark_json_describe_io_error (error));
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
  if (set != NULL)
    warn_same_range (warnings, path, data, length, set);
}

/* Copies kept by "Save mine as a copy" are valid data outside the
 * project's model: each is listed, naming the file it is a version of,
 * so it is merged or deleted rather than forgotten. */
static void
warn_conflict_copies (SpanmarkChecker *warnings,
                      GFile           *dir)
{
  g_autoptr(GFile) conflicts = g_file_get_child (dir, SPANMARK_PROJECT_CONFLICTS_DIR);
  g_autoptr(GPtrArray) annotators = list_sorted (conflicts, NULL);
  g_autoptr(GRegex) pattern = g_regex_new ("^(.+)-[0-9]{8}T[0-9]{6}Z(-[0-9]+)?\\.json$", 0, 0, NULL);

  for (guint i = 0; annotators != NULL && i < annotators->len; i++)
    {
      Entry *annotator = g_ptr_array_index (annotators, i);
      g_autoptr(GFile) folder = NULL;
      g_autoptr(GPtrArray) files = NULL;

      if (!annotator->is_dir || annotator->name[0] == '.')
        continue;

      folder = g_file_get_child (conflicts, annotator->name);
      files = list_sorted (folder, NULL);
      for (guint j = 0; files != NULL && j < files->len; j++)
        {
          Entry *file = g_ptr_array_index (files, j);
          g_autoptr(GMatchInfo) match = NULL;
          g_autofree char *path = NULL;
          g_autofree char *document_id = NULL;

          if (file->is_dir || file->name[0] == '.')
            continue;

          path = g_strdup_printf (SPANMARK_PROJECT_CONFLICTS_DIR "/%s/%s", annotator->name, file->name);
          if (g_regex_match (pattern, file->name, 0, &match))
            document_id = g_match_info_fetch (match, 1);
          if (document_id != NULL)
            spanmark_checker_add (warnings, SPANMARK_PROJECT_ERROR_CHANGED, path, NULL,
                                  _("a copy of %s's version of annotations/%s/%s.json, kept when that "
                                    "file had changed on disk; merge what is needed into it, then delete this copy"),
                                  annotator->name, annotator->name, document_id);
          else
            spanmark_checker_add (warnings, SPANMARK_PROJECT_ERROR_CHANGED, path, NULL,
                                  _("not a copy made by Spanmark; nothing reads it"));
        }
    }
}

/* Hands out the problems (and the warnings, if asked for) and frees the
 * rest. */
static GPtrArray *
finish (SpanmarkChecker  *checker,
        SpanmarkChecker  *warnings,
        SpanmarkIndex    *index,
        GPtrArray       **warnings_out)
{
  GPtrArray *problems = spanmark_checker_steal_problems (checker);

  if (warnings_out != NULL)
    *warnings_out = spanmark_checker_steal_problems (warnings);
  spanmark_checker_clear (checker);
  spanmark_checker_clear (warnings);
  spanmark_index_clear (index);

  return problems;
}

GPtrArray *
spanmark_validate_project (GFile   *dir,
                           GError **error)
{
  return spanmark_validate_project_full (dir, NULL, error);
}

GPtrArray *
spanmark_validate_project_full (GFile      *dir,
                                GPtrArray **warnings_out,
                                GError    **error)
{
  g_autoptr(GFile) index_file = NULL;
  g_autoptr(GFile) annotations = NULL;
  g_autoptr(GPtrArray) annotators = NULL;
  g_autoptr(GHashTable) documents = NULL;
  g_autoptr(GHashTable) good_texts = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  SpanmarkChecker checker;
  SpanmarkChecker warnings;
  SpanmarkIndex index;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (warnings_out != NULL)
    *warnings_out = NULL;

  /* Only a folder that cannot be listed at all is an error; everything
   * else is a problem in the list. */
  {
    g_autoptr(GPtrArray) top = list_sorted (dir, &local_error);

    if (top == NULL)
      {
        g_autofree char *name = g_file_get_parse_name (dir);

        /* Not GIO's "Error opening directory '…': …": the path once. */
        if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
          g_set_error (error, G_IO_ERROR, local_error->code, _("%s: there is no such folder"), name);
        else
          g_set_error (error, local_error->domain, local_error->code, _("%s: cannot be read: %s"),
                       name, spanmark_json_describe_io_error (local_error));
        return NULL;
      }
  }

  spanmark_checker_init (&checker);
  spanmark_checker_init (&warnings);
  memset (&index, 0, sizeof index);

  index_file = g_file_get_child (dir, "spanmark.json");
  if (!g_file_load_contents (index_file, NULL, &data, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        spanmark_checker_add (&checker, SPANMARK_PROJECT_ERROR_NOT_FOUND, "spanmark.json", NULL,
                              _("is missing: this folder is not a Spanmark project"));
      else
        spanmark_checker_add (&checker, SPANMARK_PROJECT_ERROR_NOT_FOUND, "spanmark.json", NULL,
                              _("cannot be read: %s"), spanmark_json_describe_io_error (local_error));
      return finish (&checker, &warnings, &index, warnings_out);
    }

  if (!spanmark_json_read_index (&checker, data, length, &index))
    return finish (&checker, &warnings, &index, warnings_out);

  /* Every document's text, once. */
  documents = g_hash_table_new (g_str_hash, g_str_equal);
  good_texts = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < index.documents->len; i++)
    {
      SpanmarkDocument *document = g_ptr_array_index (index.documents, i);
      const char *id = spanmark_document_get_id (document);
      g_autofree char *text = NULL;

      /* Its entry's problem is in the list already. */
      if (spanmark_document_get_problem (document) != NULL)
        continue;

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

          validate_annotation_file (&checker, &warnings, dir, &index, documents, good_texts,
                                    annotator->name, file->name);
        }
    }

  warn_conflict_copies (&warnings, dir);

  return finish (&checker, &warnings, &index, warnings_out);
}
