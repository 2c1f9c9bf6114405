/* spanmark-validate.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the same readers as SpanmarkProject (spanmark-json.h) over every
 * file, but keeps going after a problem, so one run lists them all.
 */

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "spanmark-annotation-rules.h"
#include "spanmark-export-private.h"
#include "spanmark-file.h"
#include "spanmark-json.h"
#include "spanmark-label-ops.h"
#include "spanmark-project.h"
#include "spanmark-registry.h"
#include "spanmark-validate-private.h"

typedef struct
{
  char     *name;
  gboolean  is_dir;
  gboolean  is_regular;  /* not through a symbolic link */
  gboolean  is_link;
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
      entry->is_regular = g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR;
      entry->is_link = g_file_info_get_file_type (info) == G_FILE_TYPE_SYMBOLIC_LINK;
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_entries);

  return g_steal_pointer (&entries);
}

/* What one run of the validator knows. */
typedef struct
{
  GFile           *dir;
  SpanmarkChecker  checker;
  SpanmarkIndex    index;
  GHashTable      *documents;   /* id -> SpanmarkDocument, borrowed from the index */
  GHashTable      *good_texts;  /* ids whose text read well */
  /* Documents whose text is in documents/ but which spanmark.json does
   * not list: left by an interrupted import.  Only known when the index
   * read without any problem; otherwise nothing is taken for a leftover,
   * since a broken entry may be what uses the file. */
  GHashTable      *orphans;     /* id set, owned */
  /* Whether spanmark.json could be read at all.  When it could not, no
   * file can be checked against it, and only the temporary files, which
   * are known by their names alone, are listed. */
  gboolean         index_read;
  /* What does not make the project invalid: SpanmarkProblem of
   * SPANMARK_PROBLEM_WARNING or _LEFTOVER, in the order found. */
  GPtrArray       *notes;
  /* The export's fast reader, for the files it takes: most of them. */
  ExportDoc        doc;
  gboolean         allow_fast;
  /* The entity registry, when the index read well; NULL otherwise. */
  SpanmarkRegistry *registry;
  /* The names of an interrupted label rename, or NULL. */
  char             *rename_from;
  char             *rename_to;
} Validation;

static void G_GNUC_PRINTF (5, 6)
add_problem (Validation              *v,
             SpanmarkProblemSeverity  severity,
             const char              *file,
             const char              *location,
             const char              *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (v->notes, spanmark_problem_new_valist (severity, file, location, format, args));
  va_end (args);
}

#define add_leftover(v, file, ...) add_problem ((v), SPANMARK_PROBLEM_LEFTOVER, (file), NULL, __VA_ARGS__)

/* A temporary file of an interrupted atomic write in @folder (relative to
 * the project, "" for its top), if @entry is one whose target belongs
 * there. */
static gboolean
check_temporary (Validation  *v,
                 const char  *folder,
                 const Entry *entry,
                 const char  *suffix)
{
  g_autofree char *target = NULL;
  g_autofree char *path = NULL;

  if (!entry->is_regular || !spanmark_file_is_temporary_name (entry->name, &target))
    return FALSE;
  if (folder[0] == '\0'
      ? !g_str_equal (target, "spanmark.json") && !g_str_equal (target, SPANMARK_LABEL_OPS_RENAME_FILE)
      : !g_str_has_suffix (target, suffix))
    return FALSE;

  path = folder[0] == '\0' ? g_strdup (entry->name) : g_strconcat (folder, "/", entry->name, NULL);
  add_leftover (v, path, _("a temporary file left by an interrupted save of %s, not data; "
                           "“spanmark-cli clean” removes it"), target);
  return TRUE;
}

/* The top folder and documents/: temporary files, and texts no entry of
 * the index uses. */
static void
find_leftover_texts (Validation *v,
                     GPtrArray  *top,
                     gboolean    index_ok)
{
  g_autoptr(GFile) folder = g_file_get_child (v->dir, "documents");
  g_autoptr(GHashTable) paths = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) entries = NULL;

  for (guint i = 0; i < top->len; i++)
    check_temporary (v, "", g_ptr_array_index (top, i), NULL);

  entries = list_sorted (folder, NULL);
  if (entries == NULL)
    return;

  for (guint i = 0; v->index_read && i < v->index.documents->len; i++)
    g_hash_table_add (paths, (char *) spanmark_document_get_path (g_ptr_array_index (v->index.documents, i)));

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autofree char *path = g_strconcat ("documents/", entry->name, NULL);
      g_autofree char *id = NULL;

      if (check_temporary (v, "documents", entry, ".txt"))
        continue;
      if (!index_ok || !entry->is_regular || !g_str_has_suffix (entry->name, ".txt") ||
          g_hash_table_contains (paths, path))
        continue;

      id = g_strndup (entry->name, strlen (entry->name) - strlen (".txt"));
      if (!spanmark_project_is_valid_id (id) || g_hash_table_contains (v->documents, id))
        continue;

      add_leftover (v, path, _("spanmark.json does not list this document: it was left by an interrupted "
                               "import; import the same files again to finish it, or "
                               "“spanmark-cli clean” removes it"));
      g_hash_table_add (v->orphans, g_steal_pointer (&id));
    }
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
  root = spanmark_json_parse (&quiet, path, data, length, spanmark_annotation_rules_integer_keys);
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
warn_same_range (Validation *v,
                 const char *path,
                 const char *data,
                 gsize       length,
                 GPtrArray  *spans)
{
  g_autoptr(GHashTable) positions = NULL;
  const SpanmarkSpan *first = NULL;

  /* Spans sort by start, then end, so those on the same characters are
   * neighbours; each is reported against the first of its run. */
  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);
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
      add_problem (v, SPANMARK_PROBLEM_WARNING, path, location,
                   _("covers the same characters %u–%u as spans[%u] (id \"%s\"), "
                     "tagged %s there and %s here; flat exports keep only one of them"),
                   span->start, span->end,
                   GPOINTER_TO_UINT (g_hash_table_lookup (positions, first->id)), first->id,
                   first->label, span->label);
    }
}

/* Each per-document entity against the registry (docs/entities.md). */
static void
check_registry_links (Validation *v,
                      const char *path,
                      guint       index,
                      const char *id,
                      const char *label)
{
  g_autofree char *message = NULL;
  g_autofree char *location = NULL;
  gboolean is_error;

  if (v->registry == NULL)
    return;

  message = spanmark_registry_check_entity (v->registry, id, label, &is_error);
  /* A rename killed half way (spanmark-label-ops.h) has rewritten some
   * files and not others: its two names are one label until it is run
   * again, which validate asks for. */
  if (message != NULL && is_error && v->rename_from != NULL &&
      (g_str_equal (label, v->rename_from) || g_str_equal (label, v->rename_to)))
    {
      const char *other = g_str_equal (label, v->rename_from) ? v->rename_to : v->rename_from;
      g_autofree char *again = spanmark_registry_check_entity (v->registry, id, other, &is_error);

      if (again == NULL)
        return;
    }
  if (message == NULL)
    return;

  location = g_strdup_printf ("entities[%u] (id \"%s\")", index, id);
  if (is_error)
    spanmark_checker_add (&v->checker, SPANMARK_PROJECT_ERROR_INVALID, path, location, "%s", message);
  else
    add_problem (v, SPANMARK_PROBLEM_WARNING, path, location, "%s", message);
}

/* The registry's files: their own problems, and labels the schema has. */
static void
validate_registry (Validation *v)
{
  g_autoptr(SpanmarkProject) project = NULL;
  GPtrArray *problems, *entities;

  project = spanmark_project_open (v->dir, NULL);
  if (project != NULL)
    v->registry = spanmark_registry_load (project, NULL);
  if (v->registry == NULL)
    return;
  spanmark_label_ops_get_interrupted (v->dir, &v->rename_from, &v->rename_to);

  problems = spanmark_registry_get_problems (v->registry);
  for (guint i = 0; i < problems->len; i++)
    {
      const SpanmarkProblem *problem = g_ptr_array_index (problems, i);

      spanmark_checker_add (&v->checker, SPANMARK_PROJECT_ERROR_INVALID, problem->file,
                            problem->location, "%s", problem->message);
    }

  entities = spanmark_registry_get_entities (v->registry);
  for (guint i = 0; i < entities->len; i++)
    {
      const SpanmarkRegistryEntity *entity = g_ptr_array_index (entities, i);
      g_autofree char *file = g_strdup_printf ("%s/%s.json", SPANMARK_REGISTRY_DIR, entity->id);

      if (spanmark_schema_lookup (v->index.schema, entity->label) == NULL)
        spanmark_checker_add (&v->checker, SPANMARK_PROJECT_ERROR_INVALID, file, "\"label\"",
                              _("\"%s\" is not a label of the project"), entity->label);
    }
}

/* entities/: the temporary files of interrupted registry writes, by the
 * rule of annotations/ (a regular file named .<id>.json.spanmark-XXXXXX;
 * a link, a folder or any other name is not ours and stays). */
static void
find_leftover_entities (Validation *v)
{
  g_autoptr(GFile) folder = g_file_get_child (v->dir, SPANMARK_REGISTRY_DIR);
  g_autoptr(GPtrArray) entries = list_sorted (folder, NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    check_temporary (v, SPANMARK_REGISTRY_DIR, g_ptr_array_index (entries, i), ".json");
}

static void
validate_annotation_file (Validation  *v,
                          const char  *annotator,
                          const Entry *entry)
{
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("annotations/%s/%s", annotator, entry->name);
  g_autofree char *document_id = g_strndup (entry->name, strlen (entry->name) - strlen (".json"));
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  SpanmarkDocument *document;
  gsize length = 0;

  document = g_hash_table_lookup (v->documents, document_id);

  /* A document whose index entry is wrong was reported already. */
  if (document == NULL && g_hash_table_contains (v->index.bad_ids, document_id))
    return;

  if (document == NULL && entry->is_regular && g_hash_table_contains (v->orphans, document_id))
    {
      add_leftover (v, path, _("spanmark.json does not list its document: it was left by an interrupted "
                               "import; import the same files again to finish it, or "
                               "“spanmark-cli clean” removes it"));
      return;
    }

  if (document == NULL)
    {
      spanmark_checker_add (&v->checker, SPANMARK_PROJECT_ERROR_NOT_FOUND, path, NULL,
                            _("there is no document \"%s\" in spanmark.json"), document_id);
      return;
    }

  if (!spanmark_file_read_in_project (v->dir, path, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                      &data, &length, &error))
    {
      spanmark_checker_add (&v->checker, SPANMARK_PROJECT_ERROR_INVALID, path, NULL, "%s", error->message);
      return;
    }

  /* The text's own problems were reported once already; here a text that
   * cannot be read only means the checks that need it are skipped. */
  if (g_hash_table_contains (v->good_texts, document_id))
    {
      SpanmarkChecker quiet;
      gsize text_len = 0;

      spanmark_checker_init (&quiet);
      text = spanmark_json_read_text (&quiet, v->dir, NULL,
                                      spanmark_document_get_path (document), &text_len);
      spanmark_checker_clear (&quiet);

      /* A file the fast reader takes has no problem the loader would
       * find (tests/core/test-bad-input.c holds them to that); anything
       * else is read by the loader's reader below, for its messages. */
      if (text != NULL && v->allow_fast &&
          _spanmark_export_doc_read_fast (&v->doc, text, text_len, data, length, document_id,
                                          annotator, v->index.schema))
        {
          warn_same_range (v, path, data, length, _spanmark_export_doc_get_span_views (&v->doc));
          for (guint i = 0; i < v->doc.entities->len; i++)
            {
              const ExportEntity *entity = &g_array_index (v->doc.entities, ExportEntity, i);

              check_registry_links (v, path, i, entity->id, entity->label);
            }
          _spanmark_export_doc_reset (&v->doc);
          return;
        }
      _spanmark_export_doc_reset (&v->doc);
    }

  set = spanmark_json_read_annotations (&v->checker, path, data, length, document_id,
                                        annotator, text, v->index.schema);
  if (set != NULL)
    {
      g_autoptr(GPtrArray) spans = g_ptr_array_sized_new (spanmark_annotation_set_get_n_spans (set));

      for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
        g_ptr_array_add (spans, (gpointer) spanmark_annotation_set_get_span (set, i));
      warn_same_range (v, path, data, length, spans);
      for (guint i = 0; i < spanmark_annotation_set_get_n_entities (set); i++)
        {
          const SpanmarkEntity *entity = spanmark_annotation_set_get_entity (set, i);

          check_registry_links (v, path, i, entity->id, entity->label);
        }
    }
}

/* Copies kept by "Save mine as a copy" are valid data outside the
 * project's model: each is listed, naming the file it is a version of,
 * so it is merged or deleted rather than forgotten. */
static void
warn_conflict_copies (Validation *v)
{
  g_autoptr(GFile) conflicts = g_file_get_child (v->dir, SPANMARK_PROJECT_CONFLICTS_DIR);
  g_autoptr(GPtrArray) annotators = list_sorted (conflicts, NULL);
  g_autoptr(GRegex) pattern = g_regex_new ("^(.+)-[0-9]{8}T[0-9]{6}Z(-[0-9]+)?\\.json$", 0, 0, NULL);

  for (guint i = 0; annotators != NULL && i < annotators->len; i++)
    {
      Entry *annotator = g_ptr_array_index (annotators, i);
      g_autoptr(GFile) folder = NULL;
      g_autoptr(GPtrArray) files = NULL;
      g_autofree char *folder_path = NULL;

      if (!annotator->is_dir || annotator->name[0] == '.')
        continue;

      folder_path = g_strdup_printf (SPANMARK_PROJECT_CONFLICTS_DIR "/%s", annotator->name);
      folder = g_file_get_child (conflicts, annotator->name);
      files = list_sorted (folder, NULL);
      for (guint j = 0; files != NULL && j < files->len; j++)
        {
          Entry *file = g_ptr_array_index (files, j);
          g_autoptr(GMatchInfo) match = NULL;
          g_autofree char *path = NULL;
          g_autofree char *document_id = NULL;

          if (check_temporary (v, folder_path, file, ".json") || file->is_dir || file->name[0] == '.')
            continue;

          path = g_strdup_printf ("%s/%s", folder_path, file->name);
          if (g_regex_match (pattern, file->name, 0, &match))
            document_id = g_match_info_fetch (match, 1);
          if (document_id != NULL)
            add_problem (v, SPANMARK_PROBLEM_WARNING, path, NULL,
                         _("a copy of %s's version of annotations/%s/%s.json, kept when that "
                           "file had changed on disk; merge what is needed into it, then delete this copy"),
                         annotator->name, annotator->name, document_id);
          else
            add_problem (v, SPANMARK_PROBLEM_WARNING, path, NULL,
                         _("not a copy made by Spanmark; nothing reads it"));
        }
    }
}

/* Every annotation file, and the temporary files among them.  Hidden
 * entries and other names are not data and are left alone. */
static void
validate_annotations (Validation *v)
{
  g_autoptr(GFile) annotations = g_file_get_child (v->dir, "annotations");
  g_autoptr(GPtrArray) annotators = list_sorted (annotations, NULL);
  g_autoptr(GError) local_error = NULL;

  for (guint i = 0; annotators != NULL && i < annotators->len; i++)
    {
      Entry *annotator = g_ptr_array_index (annotators, i);
      g_autoptr(GFile) folder = NULL;
      g_autoptr(GPtrArray) files = NULL;
      g_autofree char *folder_path = NULL;

      folder_path = g_strdup_printf ("annotations/%s", annotator->name);

      /* A link named like an annotator is skipped by every command and
       * the window, so say so rather than pass over someone's work. */
      if (annotator->is_link && spanmark_project_is_valid_annotator (annotator->name))
        {
          g_autoptr(GError) link_error = NULL;

          if (!spanmark_project_check_annotator_folder (v->dir, annotator->name, &link_error))
            add_problem (v, SPANMARK_PROBLEM_WARNING, folder_path, NULL, "%s", link_error->message);
          continue;
        }
      if (!annotator->is_dir || annotator->name[0] == '.')
        continue;

      if (!spanmark_project_is_valid_annotator (annotator->name))
        {
          spanmark_checker_add (&v->checker, SPANMARK_PROJECT_ERROR_INVALID, folder_path, NULL,
                                _("\"%s\" is not a valid annotator name"), annotator->name);
          continue;
        }

      folder = g_file_get_child (annotations, annotator->name);
      files = list_sorted (folder, &local_error);
      if (files == NULL)
        {
          spanmark_checker_add (&v->checker, SPANMARK_PROJECT_ERROR_INVALID, folder_path, NULL,
                                _("cannot be read: %s"), local_error->message);
          g_clear_error (&local_error);
          continue;
        }

      for (guint j = 0; j < files->len; j++)
        {
          Entry *file = g_ptr_array_index (files, j);

          if (check_temporary (v, folder_path, file, ".json"))
            continue;
          /* A folder, FIFO or link named like an annotation file is read
           * (and refused) like one, rather than passed over. */
          if (!v->index_read || file->name[0] == '.' || !g_str_has_suffix (file->name, ".json"))
            continue;

          validate_annotation_file (v, annotator->name, file);
        }
    }
}

static void
validation_clear (Validation *v)
{
  spanmark_index_clear (&v->index);
  spanmark_checker_clear (&v->checker);
  g_clear_pointer (&v->documents, g_hash_table_unref);
  g_clear_pointer (&v->good_texts, g_hash_table_unref);
  g_clear_pointer (&v->orphans, g_hash_table_unref);
  g_clear_pointer (&v->notes, g_ptr_array_unref);
  _spanmark_export_doc_clear (&v->doc);
  g_clear_object (&v->registry);
  g_clear_pointer (&v->rename_from, g_free);
  g_clear_pointer (&v->rename_to, g_free);
}

/* The errors first (index, texts, annotation files), then the warnings
 * and leftovers in the order they are found: top folder, documents/,
 * annotations/, conflicts/. */
static GPtrArray *
validation_steal_problems (Validation *v)
{
  GPtrArray *problems = spanmark_checker_steal_problems (&v->checker);

  for (guint i = 0; i < v->notes->len; i++)
    g_ptr_array_add (problems, spanmark_problem_copy (g_ptr_array_index (v->notes, i)));

  return problems;
}

GPtrArray *
spanmark_validate_project (GFile   *dir,
                           GError **error)
{
  return _spanmark_validate_project_full (dir, TRUE, error);
}

GPtrArray *
_spanmark_validate_project_full (GFile     *dir,
                                 gboolean   allow_fast,
                                 GError   **error)
{
  g_autoptr(GPtrArray) top = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  Validation v = { 0 };
  GPtrArray *problems;
  SpanmarkProblem *problem;
  gsize length = 0;
  gboolean index_ok;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Only a folder that cannot be listed at all is an error; everything
   * else is a problem in the list. */
  top = list_sorted (dir, &local_error);
  if (top == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (dir);

      /* Not GIO's "Error opening directory '…': …": the path once. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, local_error->code, _("%s: there is no such folder"), name);
      else
        g_set_error (error, local_error->domain, local_error->code, _("%s: cannot be read: %s"),
                     name, spanmark_file_describe_error (local_error));
      return NULL;
    }
  g_clear_error (&local_error);

  v.dir = dir;
  v.allow_fast = allow_fast;
  spanmark_checker_init (&v.checker);
  v.documents = g_hash_table_new (g_str_hash, g_str_equal);
  v.good_texts = g_hash_table_new (g_str_hash, g_str_equal);
  v.orphans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  v.notes = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_problem_free);
  _spanmark_export_doc_init (&v.doc);

  if (!spanmark_file_read_in_project (dir, "spanmark.json", SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                      &data, &length, &local_error))
    {
      gboolean missing = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

      spanmark_checker_add (&v.checker, SPANMARK_PROJECT_ERROR_NOT_FOUND, "spanmark.json", NULL, "%s",
                            missing ? _("is missing: this folder is not a Spanmark project")
                                    : local_error->message);
      /* A folder that is no project has no leftovers, only files. */
      if (missing)
        {
          problems = validation_steal_problems (&v);
          validation_clear (&v);
          return problems;
        }
    }
  else
    v.index_read = spanmark_json_read_index (&v.checker, data, length, &v.index);
  index_ok = v.index_read && spanmark_checker_get_n_problems (&v.checker) == 0;

  /* Every document's text, once. */
  for (guint i = 0; v.index_read && i < v.index.documents->len; i++)
    {
      SpanmarkDocument *document = g_ptr_array_index (v.index.documents, i);
      const char *id = spanmark_document_get_id (document);
      g_autofree char *text = NULL;

      /* Its entry's problem is in the list already. */
      if (spanmark_document_get_problem (document) != NULL)
        continue;

      g_hash_table_insert (v.documents, (char *) id, document);
      text = spanmark_json_read_text (&v.checker, dir, g_ptr_array_index (v.index.locations, i),
                                      spanmark_document_get_path (document), NULL);
      if (text != NULL)
        g_hash_table_add (v.good_texts, (char *) id);
    }

  find_leftover_texts (&v, top, index_ok);
  /* The registry is checked against a good index only: a schema with
   * problems would make every entity's label look wrong. */
  if (index_ok)
    validate_registry (&v);
  find_leftover_entities (&v);
  validate_annotations (&v);
  warn_conflict_copies (&v);
  /* A label rename killed half way leaves a valid project, but a second
   * run should finish it. */
  problem = spanmark_label_ops_check_interrupted (dir);
  if (problem != NULL)
    g_ptr_array_add (v.notes, problem);

  problems = validation_steal_problems (&v);
  validation_clear (&v);

  return problems;
}

/* Annotation files, then texts, then the top folder. */
static int
leftover_rank (const char *path)
{
  if (g_str_has_prefix (path, "annotations/"))
    return 0;
  if (g_str_has_prefix (path, "documents/") || g_str_has_prefix (path, SPANMARK_REGISTRY_DIR "/"))
    return 1;
  return 2;
}

static int
compare_leftovers (gconstpointer a,
                   gconstpointer b)
{
  const SpanmarkProblem *pa = *(const SpanmarkProblem * const *) a;
  const SpanmarkProblem *pb = *(const SpanmarkProblem * const *) b;
  int ra = leftover_rank (pa->file), rb = leftover_rank (pb->file);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return strcmp (pa->file, pb->file);
}

static gboolean
remove_path (GFile       *dir,
             const char  *relative,
             gboolean     folder,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (dir, relative);
  g_autofree char *path = g_file_get_path (file);

  if ((folder ? g_rmdir (path) : g_unlink (path)) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot remove: %s"), relative, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Whether every entry of annotations/<@annotator> is in @removing. */
static gboolean
folder_emptied (GFile      *dir,
                const char *folder_path,
                GHashTable *removing)
{
  g_autoptr(GFile) folder = g_file_resolve_relative_path (dir, folder_path);
  g_autoptr(GPtrArray) entries = list_sorted (folder, NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autofree char *path = g_strconcat (folder_path, "/", entry->name, NULL);

      if (!g_hash_table_contains (removing, path))
        return FALSE;
    }
  return entries != NULL;
}

gboolean
spanmark_clean_project (GFile      *dir,
                        gboolean    dry_run,
                        GPtrArray  *removed,
                        GError    **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) leftovers = g_ptr_array_new ();
  g_autoptr(GHashTable) removing = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) folders = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) folder_list = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (removed != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A folder that is no project has no leftovers, only files.  Nor is
   * anything removed from a project whose spanmark.json cannot be read
   * (every other command refuses it the same way): whatever broke it,
   * the files beside it may be what is needed to mend it. */
  {
    g_autoptr(SpanmarkProject) project = spanmark_project_open (dir, error);

    if (project == NULL)
      return FALSE;
  }

  /* The very rules of validation decide what is a leftover, so clean
   * never removes a file validate does not name. */
  problems = spanmark_validate_project (dir, error);
  if (problems == NULL)
    return FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      SpanmarkProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity != SPANMARK_PROBLEM_LEFTOVER)
        continue;
      g_ptr_array_add (leftovers, problem);
      g_hash_table_add (removing, problem->file);
    }
  g_ptr_array_sort (leftovers, compare_leftovers);

  /* Which annotator folders end up empty is decided before anything
   * goes, so that a dry run says the same as a real one. */
  for (guint i = 0; i < leftovers->len; i++)
    {
      const SpanmarkProblem *problem = g_ptr_array_index (leftovers, i);
      g_autofree char *folder = NULL;

      if (!g_str_has_prefix (problem->file, "annotations/"))
        continue;
      folder = g_path_get_dirname (problem->file);
      if (g_hash_table_contains (folders, folder) || !folder_emptied (dir, folder, removing))
        continue;
      g_hash_table_add (folders, folder);
      g_ptr_array_add (folder_list, g_steal_pointer (&folder));
    }

  for (guint i = 0; i < leftovers->len; i++)
    {
      const SpanmarkProblem *problem = g_ptr_array_index (leftovers, i);

      if (!dry_run && !remove_path (dir, problem->file, FALSE, error))
        return FALSE;
      g_ptr_array_add (removed, g_strdup (problem->file));
    }

  for (guint i = 0; i < folder_list->len; i++)
    {
      const char *folder = g_ptr_array_index (folder_list, i);

      if (!dry_run && !remove_path (dir, folder, TRUE, error))
        return FALSE;
      g_ptr_array_add (removed, g_strconcat (folder, "/", NULL));
    }

  return TRUE;
}
