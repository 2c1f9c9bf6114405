/* spanmark-label-ops.c — changing a project's labels on disk
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "spanmark-file.h"
#include "spanmark-json.h"
#include "spanmark-label-ops.h"
#include "spanmark-registry.h"

/* The failures named in one message; the others are counted. */
#define MAX_NAMED_FAILURES 5
/* spanmark-rename.json holds two names. */
#define MAX_JOURNAL_SIZE 4096

/* An annotation file that uses the label. */
typedef struct
{
  SpanmarkDocument *document;  /* borrowed from the project */
  char             *annotator;
} FileUse;

static void
file_use_free (FileUse *use)
{
  g_free (use->annotator);
  g_free (use);
}

/* Named relative to the project, as validation names it. */
#define INDEX_DISPLAY "spanmark.json"

/* "spanmark.json: label “PER”: " in front of @error's message. */
static void
prefix_error (GError          **error,
              SpanmarkProject  *project,
              const char       *name)
{
  const char *display = INDEX_DISPLAY;

  if (error == NULL || *error == NULL)
    return;
  /* TRANSLATORS: the file, then the label name, before what is wrong */
  g_prefix_error (error, _("%s: label “%s”: "), display, name);
}

/* The interrupted rename */

static char *
journal_path (GFile *dir)
{
  g_autoptr(GFile) file = g_file_get_child (dir, SPANMARK_LABEL_OPS_RENAME_FILE);

  return g_file_get_path (file);
}

/* The string @object has as @name, or NULL. */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The names spanmark-rename.json holds (both NULL without one).  FALSE
 * when it exists but cannot be used: then nobody knows what it was
 * doing, and no label change may start. */
static gboolean
read_journal (GFile   *dir,
              char   **from,
              char   **to,
              GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  SpanmarkChecker checker;
  JsonObject *object = NULL;
  gsize length = 0;

  *from = *to = NULL;

  if (!spanmark_file_read_in_project (dir, SPANMARK_LABEL_OPS_RENAME_FILE, MAX_JOURNAL_SIZE,
                                      SPANMARK_FILE_READ_NONE, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INTERRUPTED, "%s: %s",
                   SPANMARK_LABEL_OPS_RENAME_FILE, spanmark_file_describe_error (local_error));
      return FALSE;
    }

  spanmark_checker_init (&checker);
  root = spanmark_json_parse (&checker, SPANMARK_LABEL_OPS_RENAME_FILE, data, length, NULL);
  if (root == NULL)
    {
      spanmark_checker_check (&checker, NULL, &local_error);
      spanmark_checker_clear (&checker);
      g_set_error_literal (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INTERRUPTED,
                           local_error->message);
      return FALSE;
    }
  spanmark_checker_clear (&checker);

  if (JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);
  *from = g_strdup (object != NULL ? string_member (object, "from") : NULL);
  *to = g_strdup (object != NULL ? string_member (object, "to") : NULL);
  if (*from != NULL && *to != NULL)
    return TRUE;

  g_clear_pointer (from, g_free);
  g_clear_pointer (to, g_free);
  g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INTERRUPTED,
               _("%s: must hold {\"from\": OLD, \"to\": NEW}, the names of a label rename"),
               SPANMARK_LABEL_OPS_RENAME_FILE);
  return FALSE;
}

static gboolean
write_journal (SpanmarkProject  *project,
               const char       *from,
               const char       *to,
               GError          **error)
{
  GFile *dir = spanmark_project_get_dir (project);
  g_autofree char *path = journal_path (dir);
  g_autoptr(GString) out = g_string_new ("{\"spanmark\": 1, \"from\": ");

  spanmark_json_append_string (out, from);
  g_string_append (out, ", \"to\": ");
  spanmark_json_append_string (out, to);
  g_string_append (out, "}\n");

  if (!spanmark_file_check_inside (dir, SPANMARK_LABEL_OPS_RENAME_FILE))
    {
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                   _("%s: not written, because the path leads outside the project folder (through a symbolic link)"),
                   SPANMARK_LABEL_OPS_RENAME_FILE);
      return FALSE;
    }

  return spanmark_file_write_atomic (path, out->str, out->len, TRUE, error);
}

static gboolean
remove_journal (SpanmarkProject  *project,
                GError          **error)
{
  g_autoptr(GFile) file = g_file_get_child (spanmark_project_get_dir (project), SPANMARK_LABEL_OPS_RENAME_FILE);
  g_autoptr(GError) local_error = NULL;

  if (g_file_delete (file, NULL, &local_error)
      || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", SPANMARK_LABEL_OPS_RENAME_FILE);
  return FALSE;
}

static void
set_interrupted_error (GError          **error,
                       SpanmarkProject  *project,
                       const char       *from,
                       const char       *to)
{
  const char *display = INDEX_DISPLAY;

  g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INTERRUPTED,
               _("%s: a rename of the label “%s” to “%s” was interrupted (%s); "
                 "run that rename again to finish it before other label changes"),
               display, from, to, SPANMARK_LABEL_OPS_RENAME_FILE);
}

/* What every change needs: a spanmark.json that can be rewritten, and no
 * rename left half done. */
static gboolean
check_can_change (SpanmarkProject  *project,
                  GError          **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!spanmark_project_check_can_save (project, error))
    return FALSE;
  if (!read_journal (spanmark_project_get_dir (project), &from, &to, error))
    return FALSE;
  if (from != NULL)
    {
      set_interrupted_error (error, project, from, to);
      return FALSE;
    }

  return TRUE;
}

/* Writes spanmark.json with @schema's labels; only then does the
 * project's schema take them (and say so). */
static gboolean
save_schema (SpanmarkProject  *project,
             SpanmarkSchema   *schema,
             GError          **error)
{
  SpanmarkSchema *current = spanmark_project_get_schema (project);
  g_autoptr(SpanmarkSchema) backup = spanmark_schema_copy (current);

  spanmark_schema_assign (current, schema);
  if (spanmark_project_save (project, error))
    return TRUE;

  spanmark_schema_assign (current, backup);
  return FALSE;
}

static const SpanmarkLabel *
lookup_label (SpanmarkProject  *project,
              const char       *name,
              GError          **error)
{
  const SpanmarkLabel *label = spanmark_schema_lookup (spanmark_project_get_schema (project), name);

  if (label == NULL)
    {
      g_set_error_literal (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_NOT_FOUND,
                           _("there is no such label"));
      prefix_error (error, project, name);
    }
  return label;
}

/* The start of a change to the label called @name: a copy of the
 * schema to change, and the label's index in it (-1 with @error when
 * the change cannot be made). */
static int
begin_change (SpanmarkProject  *project,
              const char       *name,
              SpanmarkSchema  **schema,
              GError          **error)
{
  if (!check_can_change (project, error) || lookup_label (project, name, error) == NULL)
    return -1;

  *schema = spanmark_schema_copy (spanmark_project_get_schema (project));
  return spanmark_schema_get_index (*schema, name);
}

/* A copy of @label with its colour as "#rrggbb" (it may be given as a
 * palette name). */
static SpanmarkLabel *
normalise_color (SpanmarkProject      *project,
                 const SpanmarkLabel  *label,
                 GError              **error)
{
  g_autoptr(SpanmarkLabel) copy = spanmark_label_copy (label);

  if (copy->color != NULL)
    {
      g_autofree char *color = spanmark_label_rules_parse_color (copy->color, error);

      if (color == NULL)
        {
          prefix_error (error, project, label->name);
          return NULL;
        }
      g_free (copy->color);
      copy->color = g_steal_pointer (&color);
    }

  return g_steal_pointer (&copy);
}

gboolean
spanmark_label_ops_add (SpanmarkProject      *project,
                        const SpanmarkLabel  *label,
                        GError              **error)
{
  g_autoptr(SpanmarkSchema) schema = NULL;
  g_autoptr(SpanmarkLabel) normalised = NULL;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (label != NULL && label->name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_can_change (project, error))
    return FALSE;

  schema = spanmark_schema_copy (spanmark_project_get_schema (project));
  normalised = normalise_color (project, label, error);
  if (normalised == NULL)
    return FALSE;
  if (!spanmark_label_rules_check (schema, normalised, NULL, error))
    {
      prefix_error (error, project, label->name);
      return FALSE;
    }

  spanmark_schema_add_label (schema, normalised);
  return save_schema (project, schema, error);
}

gboolean
spanmark_label_ops_add_to_schema (SpanmarkProject  *project,
                                  SpanmarkSchema   *schema,
                                  const char       *name,
                                  GError          **error)
{
  g_autoptr(SpanmarkLabel) label = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (SPANMARK_IS_SCHEMA (schema), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_can_change (project, error))
    return FALSE;

  /* As "spanmark-cli labels add NAME" makes it. */
  key = spanmark_label_rules_pick_key (schema);
  label = spanmark_label_new (name, name, spanmark_label_rules_pick_color (schema), key, NULL);
  if (!spanmark_label_rules_check (schema, label, NULL, error))
    {
      prefix_error (error, project, name);
      return FALSE;
    }

  spanmark_schema_add_label (schema, label);
  return TRUE;
}

gboolean
spanmark_label_ops_update (SpanmarkProject      *project,
                           const char           *name,
                           const SpanmarkLabel  *label,
                           GError              **error)
{
  g_autoptr(SpanmarkSchema) schema = NULL;
  g_autoptr(SpanmarkLabel) normalised = NULL;
  const SpanmarkLabel *old;
  int index;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (label != NULL && label->name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  index = begin_change (project, name, &schema, error);
  if (index < 0)
    return FALSE;
  old = spanmark_schema_get_label (schema, index);

  if (!g_str_equal (label->name, name))
    {
      g_set_error_literal (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                           _("a label’s name changes only by renaming it (which rewrites its annotations)"));
      prefix_error (error, project, name);
      return FALSE;
    }

  normalised = normalise_color (project, label, error);
  if (normalised == NULL)
    return FALSE;
  if (!spanmark_label_rules_check (schema, normalised, old, error))
    {
      prefix_error (error, project, name);
      return FALSE;
    }

  spanmark_schema_replace_label (schema, index, normalised);
  return save_schema (project, schema, error);
}

gboolean
spanmark_label_ops_move (SpanmarkProject  *project,
                         const char       *name,
                         guint             index,
                         GError          **error)
{
  g_autoptr(SpanmarkSchema) schema = NULL;
  int from;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  from = begin_change (project, name, &schema, error);
  if (from < 0)
    return FALSE;

  if (index >= spanmark_schema_get_n_labels (schema))
    {
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                   _("position %u is past the last label (%u)"),
                   index + 1, spanmark_schema_get_n_labels (schema));
      prefix_error (error, project, name);
      return FALSE;
    }

  if ((guint) from == index)
    return TRUE;

  spanmark_schema_move_label (schema, (guint) from, index);
  return save_schema (project, schema, error);
}

/* Finding and rewriting the annotation files */

static void
count_set (SpanmarkAnnotationSet *set,
           const char            *name,
           guint                 *n_spans,
           guint                 *n_entities,
           guint                 *n_rejections)
{
  *n_spans = *n_entities = *n_rejections = 0;

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    if (g_str_equal (spanmark_annotation_set_get_span (set, i)->label, name))
      (*n_spans)++;
  for (guint i = 0; i < spanmark_annotation_set_get_n_entities (set); i++)
    if (g_str_equal (spanmark_annotation_set_get_entity (set, i)->label, name))
      (*n_entities)++;
  for (guint i = 0; i < spanmark_annotation_set_get_n_rejections (set); i++)
    if (g_str_equal (spanmark_annotation_set_get_rejection (set, i)->label, name))
      (*n_rejections)++;
}

/* "N annotation files fail to load, so nothing was changed: A; B (and 3 more)". */
static void
set_files_error (GError          **error,
                 SpanmarkProject  *project,
                 GPtrArray        *failures)
{
  g_autoptr(GString) list = g_string_new (NULL);
  const char *display = INDEX_DISPLAY;

  for (guint i = 0; i < failures->len && i < MAX_NAMED_FAILURES; i++)
    {
      if (i > 0)
        g_string_append (list, "; ");
      g_string_append (list, g_ptr_array_index (failures, i));
    }
  if (failures->len > MAX_NAMED_FAILURES)
    {
      guint more = failures->len - MAX_NAMED_FAILURES;

      g_string_append_c (list, ' ');
      g_string_append_printf (list, ngettext ("(and %u more)", "(and %u more)", more), more);
    }

  g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_FILES,
               ngettext ("%s: no label changed, because %u annotation file fails to load "
                         "(fix it first; spanmark-cli validate lists every problem): %s",
                         "%s: no label changed, because %u annotation files fail to load "
                         "(fix them first; spanmark-cli validate lists every problem): %s",
                         failures->len),
               display, failures->len, list->str);
}

/* Loads every annotation file of every annotator; returns the files that
 * use @name (FileUse) and counts them in @uses.  NULL when any file
 * fails to load: nothing may be rewritten then, as a file we cannot read
 * might use the label too. */
static GPtrArray *
find_uses (SpanmarkProject    *project,
           const char         *name,
           SpanmarkLabelUses  *uses,
           GError            **error)
{
  g_auto(GStrv) annotators = spanmark_project_list_annotators (project);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) file_use_free);
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  guint n_documents = spanmark_project_get_n_documents (project);

  memset (uses, 0, sizeof *uses);

  for (guint a = 0; annotators[a] != NULL; a++)
    for (guint d = 0; d < n_documents; d++)
      {
        SpanmarkDocument *document = spanmark_project_get_document (project, d);
        g_autoptr(SpanmarkAnnotationSet) set = NULL;
        g_autoptr(GFile) file = NULL;
        g_autoptr(GError) local_error = NULL;
        FileUse *use;
        guint n_spans, n_entities, n_rejections;

        /* A broken entry in spanmark.json has no files to read; the
         * changes that write refuse such an index before they get here. */
        if (spanmark_document_get_problem (document) != NULL)
          continue;

        file = spanmark_project_get_annotation_file (project, document, annotators[a]);
        if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_UNKNOWN)
          continue;

        set = spanmark_project_load_annotations (project, document, annotators[a], &local_error);
        if (set == NULL)
          {
            g_ptr_array_add (failures, g_strdup (local_error->message));
            continue;
          }

        /* A curated file that only rejects versions with the label must
         * be rewritten too: a rejection of a label the project no longer
         * has does not load. */
        count_set (set, name, &n_spans, &n_entities, &n_rejections);
        if (n_spans == 0 && n_entities == 0 && n_rejections == 0)
          continue;

        use = g_new0 (FileUse, 1);
        use->document = document;
        use->annotator = g_strdup (annotators[a]);
        g_ptr_array_add (found, use);
        if (n_spans > 0 || n_entities > 0)
          uses->n_files++;
        uses->n_spans += n_spans;
        uses->n_entities += n_entities;
        uses->n_rejections += n_rejections;
      }

  if (failures->len > 0)
    {
      set_files_error (error, project, failures);
      return NULL;
    }

  return g_steal_pointer (&found);
}

/* The project's registry, to be changed with a label: NULL when
 * entities/ cannot be listed or any of its files fails to load (it might
 * have the label, and nothing may be written then). */
static SpanmarkRegistry *
load_registry (SpanmarkProject  *project,
               GError          **error)
{
  g_autoptr(SpanmarkRegistry) registry = spanmark_registry_load (project, error);
  g_autoptr(GString) list = NULL;
  GPtrArray *problems;
  guint n_broken;

  if (registry == NULL)
    return NULL;

  n_broken = spanmark_registry_get_n_broken (registry);
  if (n_broken == 0)
    return g_steal_pointer (&registry);

  list = g_string_new (NULL);
  problems = spanmark_registry_get_problems (registry);
  for (guint i = 0; i < problems->len && i < MAX_NAMED_FAILURES; i++)
    {
      g_autofree char *described = spanmark_problem_to_string (g_ptr_array_index (problems, i));

      if (i > 0)
        g_string_append (list, "; ");
      g_string_append (list, described);
    }
  g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_FILES,
               ngettext ("%s: no label changed, because %u file of the entity registry fails to load "
                         "(fix it first; spanmark-cli validate lists every problem): %s",
                         "%s: no label changed, because %u files of the entity registry fail to load "
                         "(fix them first; spanmark-cli validate lists every problem): %s",
                         n_broken),
               INDEX_DISPLAY, n_broken, list->str);

  return NULL;
}

/* A copy of @set with @old's spans, entities and rejections relabelled
 * @new_name, or dropped when @new_name is NULL (with the links to dropped
 * entities).
 * Built the way a loader builds a set, so nothing goes into its undo
 * history and the status stays. */
static SpanmarkAnnotationSet *
rewrite_set (SpanmarkAnnotationSet *set,
             const char            *old,
             const char            *new_name)
{
  g_autoptr(SpanmarkAnnotationSet) copy = NULL;
  g_autoptr(GHashTable) dropped = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_span_free);

  copy = spanmark_annotation_set_new (spanmark_annotation_set_get_document_id (set),
                                      spanmark_annotation_set_get_annotator (set),
                                      spanmark_annotation_set_get_text (set));

  for (guint i = 0; i < spanmark_annotation_set_get_n_entities (set); i++)
    {
      const SpanmarkEntity *entity = spanmark_annotation_set_get_entity (set, i);
      g_autoptr(SpanmarkEntity) changed = NULL;

      if (!g_str_equal (entity->label, old))
        {
          spanmark_annotation_set_load_entity (copy, entity);
          continue;
        }
      if (new_name == NULL)
        {
          g_hash_table_add (dropped, entity->id);
          continue;
        }
      changed = spanmark_entity_copy (entity);
      g_free (changed->label);
      changed->label = g_strdup (new_name);
      spanmark_annotation_set_load_entity (copy, changed);
    }

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);
      SpanmarkSpan *changed;

      if (new_name == NULL && g_str_equal (span->label, old))
        continue;

      changed = spanmark_span_copy (span);
      if (g_str_equal (changed->label, old))
        {
          g_free (changed->label);
          changed->label = g_strdup (new_name);
        }
      if (changed->entity != NULL && g_hash_table_contains (dropped, changed->entity))
        g_clear_pointer (&changed->entity, g_free);
      g_ptr_array_add (spans, changed);
    }

  spanmark_annotation_set_load_spans (copy, (const SpanmarkSpan * const *) spans->pdata, spans->len);

  /* The reviewer's decisions go with the label; the set keeps one of two
   * that the rename makes equal. */
  for (guint i = 0; i < spanmark_annotation_set_get_n_rejections (set); i++)
    {
      const SpanmarkSpan *rejection = spanmark_annotation_set_get_rejection (set, i);
      gboolean relabel = g_str_equal (rejection->label, old);

      if (relabel && new_name == NULL)
        continue;
      spanmark_annotation_set_load_rejection (copy, rejection->start, rejection->end,
                                              relabel ? new_name : rejection->label);
    }

  spanmark_annotation_set_load_status (copy, spanmark_annotation_set_get_status (set));
  spanmark_annotation_set_set_modified (copy, spanmark_annotation_set_get_modified (set));

  return g_steal_pointer (&copy);
}

/* Rewrites each file of @found, each atomically.  A file that no longer
 * loads (changed since find_uses()) stops the work there; every file is
 * valid still, and running the change again goes on. */
static gboolean
rewrite_files (SpanmarkProject  *project,
               GPtrArray        *found,
               const char       *old,
               const char       *new_name,
               GError          **error)
{
  for (guint i = 0; i < found->len; i++)
    {
      FileUse *use = g_ptr_array_index (found, i);
      g_autoptr(SpanmarkAnnotationSet) set = NULL;
      g_autoptr(SpanmarkAnnotationSet) rewritten = NULL;

      set = spanmark_project_load_annotations (project, use->document, use->annotator, error);
      if (set == NULL)
        return FALSE;

      rewritten = rewrite_set (set, old, new_name);
      if (!spanmark_project_save_annotations (project, rewritten, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
spanmark_label_ops_count_uses (SpanmarkProject    *project,
                               const char         *name,
                               SpanmarkLabelUses  *uses,
                               GError            **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (uses != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  found = find_uses (project, name, uses, error);
  return found != NULL;
}

char *
spanmark_label_ops_describe_uses (const SpanmarkLabelUses *uses)
{
  g_autofree char *spans = NULL;
  g_autofree char *entities = NULL;

  g_return_val_if_fail (uses != NULL, NULL);

  spans = g_strdup_printf (ngettext ("%u span", "%u spans", uses->n_spans), uses->n_spans);
  entities = g_strdup_printf (ngettext ("%u entity", "%u entities", uses->n_entities), uses->n_entities);
  if (uses->n_entities == 0)
    /* TRANSLATORS: "12 spans in 3 annotation files" */
    return g_strdup_printf (ngettext ("%s in %u annotation file", "%s in %u annotation files", uses->n_files),
                            spans, uses->n_files);

  /* TRANSLATORS: "12 spans and 2 entities in 3 annotation files" */
  return g_strdup_printf (ngettext ("%s and %s in %u annotation file", "%s and %s in %u annotation files",
                                    uses->n_files),
                          spans, entities, uses->n_files);
}

gboolean
spanmark_label_ops_remove (SpanmarkProject    *project,
                           const char         *name,
                           gboolean            delete_uses,
                           SpanmarkLabelUses  *deleted,
                           GError            **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SpanmarkSchema) schema = NULL;
  g_autoptr(SpanmarkRegistry) registry = NULL;
  SpanmarkLabelUses uses;
  guint n_registry;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (deleted != NULL)
    memset (deleted, 0, sizeof *deleted);

  if (!check_can_change (project, error) || lookup_label (project, name, error) == NULL)
    return FALSE;

  found = find_uses (project, name, &uses, error);
  if (found == NULL)
    return FALSE;

  /* Registry entities are never deleted with a label: each holds names,
   * aliases and a history that no annotation file has. */
  registry = load_registry (project, error);
  if (registry == NULL)
    return FALSE;
  n_registry = spanmark_registry_count_label (registry, name);
  if (n_registry > 0)
    {
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_IN_REGISTRY,
                   ngettext ("not removed, because %u entity of the registry (%s/) has it and would lose its "
                             "names and history; rename the label instead",
                             "not removed, because %u entities of the registry (%s/) have it and would lose their "
                             "names and history; rename the label instead",
                             n_registry),
                   n_registry, SPANMARK_REGISTRY_DIR);
      prefix_error (error, project, name);
      return FALSE;
    }

  if (uses.n_files > 0 && !delete_uses)
    {
      g_autofree char *described = spanmark_label_ops_describe_uses (&uses);

      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_IN_USE,
                   _("not removed, because %s use it"), described);
      prefix_error (error, project, name);
      return FALSE;
    }

  /* The files first: until spanmark.json drops the label, a file that
   * still has it (a kill in between) is valid, and a second run goes on. */
  if (!rewrite_files (project, found, name, NULL, error))
    return FALSE;

  schema = spanmark_schema_copy (spanmark_project_get_schema (project));
  spanmark_schema_remove_label (schema, (guint) spanmark_schema_get_index (schema, name));
  if (!save_schema (project, schema, error))
    return FALSE;

  if (deleted != NULL)
    *deleted = uses;
  return TRUE;
}

/* Step 2 of a rename: @schema with @new_name right after @old_name,
 * looking the same, and with its key. */
static void
add_new_name (SpanmarkSchema *schema,
              const char     *old_name,
              const char     *new_name)
{
  guint index = (guint) spanmark_schema_get_index (schema, old_name);
  g_autoptr(SpanmarkLabel) old = spanmark_label_copy (spanmark_schema_get_label (schema, index));
  g_autoptr(SpanmarkLabel) label = spanmark_label_copy (old);

  g_free (label->name);
  label->name = g_strdup (new_name);
  /* A label titled by its name (as --labels makes them) follows it. */
  if (label->title == NULL || g_str_equal (label->title, old_name))
    {
      g_free (label->title);
      label->title = g_strdup (new_name);
    }

  /* Keys are unique: the key goes with the name that stays. */
  g_clear_pointer (&old->key, g_free);
  spanmark_schema_replace_label (schema, index, old);
  spanmark_schema_insert_label (schema, index + 1, label);
}

gboolean
spanmark_label_ops_rename (SpanmarkProject    *project,
                           const char         *old_name,
                           const char         *new_name,
                           SpanmarkLabelUses  *rewritten,
                           gboolean           *already_done,
                           GError            **error)
{
  SpanmarkSchema *current;
  g_autoptr(SpanmarkSchema) schema = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SpanmarkRegistry) registry = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  SpanmarkLabelUses uses;
  gboolean resuming;
  int old_index, new_index;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (old_name != NULL && new_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rewritten != NULL)
    memset (rewritten, 0, sizeof *rewritten);
  if (already_done != NULL)
    *already_done = FALSE;

  if (!spanmark_project_check_can_save (project, error)
      || !read_journal (spanmark_project_get_dir (project), &from, &to, error))
    return FALSE;

  if (from != NULL && !(g_str_equal (from, old_name) && g_str_equal (to, new_name)))
    {
      set_interrupted_error (error, project, from, to);
      return FALSE;
    }
  resuming = from != NULL;

  current = spanmark_project_get_schema (project);
  old_index = spanmark_schema_get_index (current, old_name);
  new_index = spanmark_schema_get_index (current, new_name);

  if (old_index < 0 && new_index >= 0)
    {
      /* Done before, perhaps all but removing the record. */
      if (already_done != NULL)
        *already_done = TRUE;
      return !resuming || remove_journal (project, error);
    }
  if (old_index < 0)
    return lookup_label (project, old_name, error) != NULL;

  if (g_str_equal (old_name, new_name))
    {
      g_set_error_literal (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                           _("the new name is the same as the old one"));
      prefix_error (error, project, old_name);
      return FALSE;
    }

  /* Both names listed is the state a rename leaves after step 2; without
   * the record, NEW is another label that happens to exist. */
  if (new_index >= 0 && !resuming)
    {
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_EXISTS,
                   _("not renamed, because there is a label “%s” already"), new_name);
      prefix_error (error, project, old_name);
      return FALSE;
    }

  if (new_index < 0 && !spanmark_label_rules_check_name (new_name, error))
    {
      prefix_error (error, project, old_name);
      return FALSE;
    }

  /* Every file is read before anything is written, the registry's too. */
  found = find_uses (project, old_name, &uses, error);
  if (found == NULL)
    return FALSE;
  registry = load_registry (project, error);
  if (registry == NULL)
    return FALSE;

  if (!resuming && !write_journal (project, old_name, new_name, error))
    return FALSE;

  if (new_index < 0)
    {
      schema = spanmark_schema_copy (current);
      add_new_name (schema, old_name, new_name);
      if (!save_schema (project, schema, error))
        return FALSE;
      g_clear_object (&schema);
    }

  if (!rewrite_files (project, found, old_name, new_name, error) ||
      !spanmark_registry_relabel (registry, old_name, new_name, &uses.n_registry, error))
    return FALSE;

  schema = spanmark_schema_copy (current);
  spanmark_schema_remove_label (schema, (guint) spanmark_schema_get_index (schema, old_name));
  if (!save_schema (project, schema, error) || !remove_journal (project, error))
    return FALSE;

  if (rewritten != NULL)
    *rewritten = uses;
  return TRUE;
}

/* Schemas for new projects */

/* Gives each label of @labels without a colour (NULL) or a key (@no_key
 * FALSE and NULL) the first free one, in order, once every label given
 * one is known: a later label's own key is never handed out before. */
static SpanmarkSchema *
complete_schema (GPtrArray *labels,
                 GArray    *key_given)
{
  g_autoptr(SpanmarkSchema) schema = spanmark_schema_new ();

  for (guint i = 0; i < labels->len; i++)
    spanmark_schema_add_label (schema, g_ptr_array_index (labels, i));

  for (guint i = 0; i < labels->len; i++)
    {
      g_autoptr(SpanmarkLabel) label = spanmark_label_copy (spanmark_schema_get_label (schema, i));

      if (label->color == NULL)
        label->color = g_strdup (spanmark_label_rules_pick_color (schema));
      if (label->key == NULL && !g_array_index (key_given, gboolean, i))
        label->key = spanmark_label_rules_pick_key (schema);
      spanmark_schema_replace_label (schema, i, label);
    }

  return g_steal_pointer (&schema);
}

SpanmarkSchema *
spanmark_label_ops_schema_from_names (const char * const  *names,
                                      GError             **error)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_label_free);
  g_autoptr(GArray) key_given = g_array_new (FALSE, TRUE, sizeof (gboolean));

  g_return_val_if_fail (names != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (names[0] == NULL)
    {
      g_set_error_literal (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                           _("no label names given"));
      return NULL;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean no = FALSE;

      if (!spanmark_label_rules_check_name (names[i], error))
        return NULL;
      for (guint j = 0; j < i; j++)
        if (g_str_equal (names[i], names[j]))
          {
            g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_EXISTS,
                         _("the label “%s” is given twice"), names[i]);
            return NULL;
          }

      g_ptr_array_add (labels, spanmark_label_new (names[i], names[i], NULL, NULL, NULL));
      g_array_append_val (key_given, no);
    }

  return complete_schema (labels, key_given);
}

/* The optional array of strings @member of a label of a schema file
 * (@what says what they are, for the error); NULL with @error when it is
 * not one. */
static GStrv
read_schema_strings (JsonObject  *object,
                     const char  *member_name,
                     const char  *what,
                     const char  *place,
                     GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *member = json_object_get_member (object, member_name);

  if (member != NULL && !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                   /* TRANSLATORS: "labels.json: labels[0]: attrs: must be an array of attribute names" */
                   _("%s: %s: must be an array of %s"), place, member_name, what);
      return NULL;
    }
  for (guint i = 0; member != NULL && i < json_array_get_length (json_node_get_array (member)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (member), i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                       _("%s: %s[%u]: must be a string"), place, member_name, i);
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

/* Reading a label of a schema file: @place is "FILE: labels[2] (name \"X\")". */
static gboolean
read_schema_label (JsonNode       *node,
                   const char     *place,
                   SpanmarkSchema *so_far,
                   SpanmarkLabel **label_out,
                   gboolean       *key_given,
                   GError        **error)
{
  static const char * const known[] = { "name", "title", "color", "key", "attrs", "title_words", NULL };
  g_autoptr(GList) members = NULL;
  g_auto(GStrv) attr_names = NULL;
  g_auto(GStrv) title_words = NULL;
  g_autoptr(SpanmarkLabel) label = NULL;
  g_autofree char *color = NULL;
  const char *strings[4] = { NULL };  /* name, title, color, key */
  JsonObject *object;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                   _("%s: must be an object such as {\"name\": \"PER\"}"), place);
      return FALSE;
    }
  object = json_node_get_object (node);

  /* A misspelt member ("colour") would otherwise be left out without a
   * word. */
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                     _("%s: unknown member “%s” (a label has name, title, color, key, attrs and title_words)"),
                     place, (const char *) l->data);
        return FALSE;
      }

  for (guint i = 0; i < 4; i++)
    {
      member = json_object_get_member (object, known[i]);
      if (member == NULL || (i == 3 && JSON_NODE_HOLDS_NULL (member)))
        continue;
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
        {
          g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                       _("%s: %s: must be a string"), place, known[i]);
          return FALSE;
        }
      strings[i] = json_node_get_string (member);
    }
  *key_given = json_object_has_member (object, "key");

  if (strings[0] == NULL)
    {
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                   _("%s: the label has no “name”"), place);
      return FALSE;
    }

  attr_names = read_schema_strings (object, "attrs", _("attribute names"), place, error);
  if (attr_names == NULL)
    return FALSE;
  title_words = read_schema_strings (object, "title_words", _("title words"), place, error);
  if (title_words == NULL)
    return FALSE;

  if (strings[2] != NULL)
    {
      color = spanmark_label_rules_parse_color (strings[2], error);
      if (color == NULL)
        {
          g_prefix_error (error, "%s: ", place);
          return FALSE;
        }
    }

  label = spanmark_label_new (strings[0],
                              strings[1] != NULL && strings[1][0] != '\0' ? strings[1] : strings[0],
                              color, strings[3] != NULL && strings[3][0] != '\0' ? strings[3] : NULL,
                              (const char * const *) attr_names);
  spanmark_label_set_title_words (label, (const char * const *) title_words);

  /* A colour to come from the palette passes the check as it is. */
  if (label->color == NULL)
    label->color = g_strdup (spanmark_label_rules_get_palette ()[0]);
  if (!spanmark_label_rules_check (so_far, label, NULL, error))
    {
      g_prefix_error (error, "%s: ", place);
      return FALSE;
    }
  if (color == NULL)
    g_clear_pointer (&label->color, g_free);

  *label_out = g_steal_pointer (&label);
  return TRUE;
}

SpanmarkSchema *
spanmark_label_ops_schema_from_json (const char  *file,
                                     const char  *data,
                                     gsize        length,
                                     GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_label_free);
  g_autoptr(GArray) key_given = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr(SpanmarkSchema) so_far = spanmark_schema_new ();
  SpanmarkChecker checker;
  JsonNode *array_node = NULL;
  JsonArray *array;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  spanmark_checker_init (&checker);
  root = spanmark_json_parse (&checker, file, data != NULL ? data : "", length, NULL);
  if (root == NULL)
    {
      spanmark_checker_check (&checker, NULL, error);
      spanmark_checker_clear (&checker);
      return NULL;
    }
  spanmark_checker_clear (&checker);

  if (JSON_NODE_HOLDS_ARRAY (root))
    array_node = root;
  else if (JSON_NODE_HOLDS_OBJECT (root))
    array_node = json_object_get_member (json_node_get_object (root), "labels");
  if (array_node == NULL || !JSON_NODE_HOLDS_ARRAY (array_node))
    {
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                   _("%s: must hold a labels array ([{\"name\": \"PER\"}, …]) or a spanmark.json with one"),
                   file);
      return NULL;
    }
  array = json_node_get_array (array_node);

  if (json_array_get_length (array) == 0)
    {
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                   _("%s: holds no labels"), file);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonNode *name = JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), "name") : NULL;
      g_autofree char *place = NULL;
      SpanmarkLabel *label = NULL;
      gboolean given = FALSE;

      if (name != NULL && JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING)
        place = g_strdup_printf ("%s: labels[%u] (name \"%s\")", file, i, json_node_get_string (name));
      else
        place = g_strdup_printf ("%s: labels[%u]", file, i);

      if (!read_schema_label (node, place, so_far, &label, &given, error))
        return NULL;

      spanmark_schema_add_label (so_far, label);
      g_ptr_array_add (labels, label);
      g_array_append_val (key_given, given);
    }

  return complete_schema (labels, key_given);
}

char *
spanmark_label_ops_schema_to_json (SpanmarkSchema *schema,
                                   gsize          *length)
{
  GString *out = g_string_new ("[");
  guint n;

  g_return_val_if_fail (SPANMARK_IS_SCHEMA (schema), NULL);

  n = spanmark_schema_get_n_labels (schema);
  for (guint i = 0; i < n; i++)
    {
      const SpanmarkLabel *label = spanmark_schema_get_label (schema, i);

      g_string_append (out, i == 0 ? "\n  {\"name\": " : ",\n  {\"name\": ");
      spanmark_json_append_string (out, label->name);
      g_string_append (out, ", \"title\": ");
      spanmark_json_append_string (out, label->title != NULL ? label->title : label->name);
      g_string_append (out, ", \"color\": ");
      spanmark_json_append_string (out, label->color != NULL ? label->color : "");
      g_string_append (out, ", \"key\": ");
      if (label->key != NULL && label->key[0] != '\0')
        spanmark_json_append_string (out, label->key);
      else
        g_string_append (out, "null");
      spanmark_json_append_label_lists (out, label);
      g_string_append_c (out, '}');
    }
  g_string_append (out, n > 0 ? "\n]\n" : "]\n");

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

SpanmarkProblem *
spanmark_label_ops_check_interrupted (GFile *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  if (!read_journal (dir, &from, &to, &error))
    return spanmark_problem_new_full (SPANMARK_PROBLEM_WARNING, SPANMARK_LABEL_OPS_RENAME_FILE, NULL,
                                      error->message);
  if (from == NULL)
    return NULL;

  message = g_strdup_printf (_("a rename of the label “%s” to “%s” was interrupted: "
                               "run “spanmark-cli labels DIR rename %s %s” to finish it"),
                             from, to, from, to);
  return spanmark_problem_new_full (SPANMARK_PROBLEM_WARNING, SPANMARK_LABEL_OPS_RENAME_FILE, NULL, message);
}

gboolean
spanmark_label_ops_get_interrupted (GFile  *dir,
                                    char  **from,
                                    char  **to)
{
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  return read_journal (dir, from, to, NULL) && *from != NULL;
}
