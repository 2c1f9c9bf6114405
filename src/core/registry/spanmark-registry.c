/* spanmark-registry.c — the corpus-wide entity registry of a project
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-file.h"
#include "spanmark-registry.h"
#include "spanmark-text.h"

/* An entity file is a few hundred bytes; this only keeps a stray large
 * file from being read whole. */
#define ENTITY_MAX_SIZE ((gsize) 4 * 1024 * 1024)

typedef struct
{
  guint       n_mentions;
  GHashTable *documents;  /* char* document id -> its mentions (GUINT_TO_POINTER) */
} Use;

struct _SpanmarkRegistry
{
  GObject          parent_instance;

  SpanmarkProject *project;
  GHashTable      *entities;  /* id -> SpanmarkRegistryEntity* (tombstones too) */
  GHashTable      *broken;    /* set of ids whose file failed to load */
  GPtrArray       *problems;  /* SpanmarkProblem* */
  GPtrArray       *sorted;    /* live entities, sorted; NULL when out of date */
  GHashTable      *uses;      /* live id -> Use* */
};

G_DEFINE_FINAL_TYPE (SpanmarkRegistry, spanmark_registry, G_TYPE_OBJECT)

static void
use_free (Use *use)
{
  g_hash_table_unref (use->documents);
  g_free (use);
}

static void
spanmark_registry_dispose (GObject *object)
{
  SpanmarkRegistry *self = SPANMARK_REGISTRY (object);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (spanmark_registry_parent_class)->dispose (object);
}

static void
spanmark_registry_finalize (GObject *object)
{
  SpanmarkRegistry *self = SPANMARK_REGISTRY (object);

  g_clear_pointer (&self->entities, g_hash_table_unref);
  g_clear_pointer (&self->broken, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  g_clear_pointer (&self->uses, g_hash_table_unref);

  G_OBJECT_CLASS (spanmark_registry_parent_class)->finalize (object);
}

static void
spanmark_registry_class_init (SpanmarkRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = spanmark_registry_dispose;
  object_class->finalize = spanmark_registry_finalize;
}

static void
spanmark_registry_init (SpanmarkRegistry *self)
{
  self->entities = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) spanmark_registry_entity_free);
  self->broken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_problem_free);
  self->uses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) use_free);
}

static char *
entity_path (const char *id)
{
  return g_strconcat (SPANMARK_REGISTRY_DIR, "/", id, ".json", NULL);
}

static void
load_file (SpanmarkRegistry *self,
           GFile            *dir,
           const char       *name)
{
  g_autofree char *relative = g_strconcat (SPANMARK_REGISTRY_DIR, "/", name, NULL);
  g_autofree char *id = g_strndup (name, strlen (name) - strlen (".json"));
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  SpanmarkRegistryEntity *entity;
  SpanmarkChecker checker;
  gsize length;

  if (!spanmark_file_read_in_project (dir, relative, ENTITY_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                      &data, &length, &error))
    {
      g_ptr_array_add (self->problems,
                       spanmark_problem_new (relative, NULL, spanmark_file_describe_error (error)));
      g_hash_table_add (self->broken, g_steal_pointer (&id));
      return;
    }

  spanmark_checker_init (&checker);
  entity = spanmark_registry_entity_from_json (&checker, relative, data, length);
  problems = spanmark_checker_steal_problems (&checker);
  spanmark_checker_clear (&checker);

  if (entity == NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        g_ptr_array_add (self->problems, spanmark_problem_copy (g_ptr_array_index (problems, i)));
      g_hash_table_add (self->broken, g_steal_pointer (&id));
      return;
    }

  g_hash_table_replace (self->entities, entity->id, entity);
}

/* Every tombstone must lead, maybe through others, to a live entity. */
static void
check_tombstones (SpanmarkRegistry *self)
{
  GHashTableIter iter;
  SpanmarkRegistryEntity *entity;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_hash_table_iter_init (&iter, self->entities);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entity))
    if (entity->merged_into != NULL)
      g_ptr_array_add (ids, entity->id);

  g_ptr_array_sort (ids, spanmark_text_compare_strings);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (spanmark_registry_resolve (self, id) == NULL && !g_hash_table_contains (self->broken, id))
        {
          g_autofree char *relative = entity_path (id);
          const SpanmarkRegistryEntity *tombstone = g_hash_table_lookup (self->entities, id);
          g_autofree char *message = g_strdup_printf (_("\"%s\" leads to no entity of the registry"),
                                                      tombstone->merged_into);

          g_ptr_array_add (self->problems, spanmark_problem_new (relative, "\"merged_into\"", message));
        }
    }
}

SpanmarkRegistry *
spanmark_registry_load (SpanmarkProject  *project,
                        GError          **error)
{
  g_autoptr(SpanmarkRegistry) self = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  const char *name;
  GFile *dir;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), NULL);

  self = g_object_new (SPANMARK_TYPE_REGISTRY, NULL);
  self->project = g_object_ref (project);
  dir = spanmark_project_get_dir (project);
  folder = g_file_get_child (dir, SPANMARK_REGISTRY_DIR);

  /* GDir, not a GFileEnumerator: a GFileInfo per name was a good part
   * of loading 50,000 files.  Names only; each file is opened with the
   * project's checks (no link, no FIFO) when it is read. */
  path = g_file_get_path (folder);
  listing = g_dir_open (path, 0, &local_error);
  if (listing == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&self);

      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
                   "%s: %s", SPANMARK_REGISTRY_DIR, spanmark_file_describe_error (local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      /* A temporary file of an interrupted write is no entity; clean
       * removes it. */
      if (g_str_has_suffix (name, ".json") && name[0] != '.' &&
          !spanmark_file_is_temporary_name (name, NULL))
        g_ptr_array_add (names, g_strdup (name));
    }

  /* Sorted, so problems come in the same order on every system. */
  g_ptr_array_sort (names, spanmark_text_compare_strings);
  for (guint i = 0; i < names->len; i++)
    load_file (self, dir, g_ptr_array_index (names, i));

  check_tombstones (self);

  return g_steal_pointer (&self);
}

GPtrArray *
spanmark_registry_get_problems (SpanmarkRegistry *self)
{
  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), NULL);

  return self->problems;
}

static int
compare_entities (gconstpointer a,
                  gconstpointer b)
{
  const SpanmarkRegistryEntity *x = *(SpanmarkRegistryEntity * const *) a;
  const SpanmarkRegistryEntity *y = *(SpanmarkRegistryEntity * const *) b;
  int cmp;

  if ((cmp = strcmp (x->label, y->label)) != 0)
    return cmp;
  if ((cmp = strcmp (x->name, y->name)) != 0)
    return cmp;
  return strcmp (x->id, y->id);
}

GPtrArray *
spanmark_registry_get_entities (SpanmarkRegistry *self)
{
  GHashTableIter iter;
  SpanmarkRegistryEntity *entity;

  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), NULL);

  if (self->sorted != NULL)
    return self->sorted;

  self->sorted = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->entities);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entity))
    if (entity->merged_into == NULL)
      g_ptr_array_add (self->sorted, entity);
  g_ptr_array_sort (self->sorted, compare_entities);

  return self->sorted;
}

const SpanmarkRegistryEntity *
spanmark_registry_lookup (SpanmarkRegistry *self,
                          const char       *id)
{
  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->entities, id);
}

const SpanmarkRegistryEntity *
spanmark_registry_resolve (SpanmarkRegistry *self,
                           const char       *id)
{
  const SpanmarkRegistryEntity *entity;
  guint steps = 0;

  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  entity = g_hash_table_lookup (self->entities, id);
  /* More steps than entities means a circle (two opposite merges). */
  while (entity != NULL && entity->merged_into != NULL &&
         steps++ <= g_hash_table_size (self->entities))
    entity = g_hash_table_lookup (self->entities, entity->merged_into);

  return entity != NULL && entity->merged_into == NULL ? entity : NULL;
}

static gboolean
write_entity (SpanmarkRegistry             *self,
              const SpanmarkRegistryEntity *entity,
              GError                      **error)
{
  GFile *dir = spanmark_project_get_dir (self->project);
  g_autofree char *relative = entity_path (entity->id);
  g_autoptr(GFile) folder = g_file_get_child (dir, SPANMARK_REGISTRY_DIR);
  g_autoptr(GFile) file = g_file_resolve_relative_path (dir, relative);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if (g_hash_table_contains (self->broken, entity->id))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
                   _("%s: failed to load, so it is not written over; fix it first"), relative);
      return FALSE;
    }

  if (!spanmark_file_check_inside (dir, relative))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("%s: leads outside the project"), relative);
      return FALSE;
    }

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                   SPANMARK_REGISTRY_DIR, spanmark_file_describe_error (local_error));
      return FALSE;
    }

  data = spanmark_registry_entity_to_json (entity, &length);

  return spanmark_file_write_atomic (path, data, length, TRUE, error);
}

/* Stores @entity (taking it) as the registry's entity for its id. */
static void
replace_entity (SpanmarkRegistry       *self,
                SpanmarkRegistryEntity *entity)
{
  g_hash_table_replace (self->entities, entity->id, entity);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
}

gboolean
spanmark_registry_add (SpanmarkRegistry             *self,
                       const SpanmarkRegistryEntity *entity,
                       GError                      **error)
{
  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (entity != NULL && entity->label != NULL && entity->name != NULL, FALSE);

  if (g_hash_table_contains (self->entities, entity->id) || g_hash_table_contains (self->broken, entity->id))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS,
                   _("The registry already has an entity “%s”"), entity->id);
      return FALSE;
    }

  if (!write_entity (self, entity, error))
    return FALSE;

  replace_entity (self, spanmark_registry_entity_copy (entity));

  return TRUE;
}

static const SpanmarkRegistryEntity *
lookup_live (SpanmarkRegistry *self,
             const char       *id,
             GError          **error)
{
  const SpanmarkRegistryEntity *entity = g_hash_table_lookup (self->entities, id);
  g_autofree char *relative = entity_path (id);

  if (entity == NULL)
    {
      if (g_hash_table_contains (self->broken, id))
        g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
                     _("%s: failed to load, so it is not written over; fix it first"),
                     relative);
      else
        g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_NOT_FOUND,
                     _("The registry has no entity “%s”"), id);
      return NULL;
    }

  if (entity->merged_into != NULL)
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_NOT_FOUND,
                   _("The entity “%s” was merged into “%s”"), id, entity->merged_into);
      return NULL;
    }

  return entity;
}

gboolean
spanmark_registry_rename (SpanmarkRegistry *self,
                          const char       *id,
                          const char       *name,
                          GError          **error)
{
  const SpanmarkRegistryEntity *entity;
  g_autoptr(SpanmarkRegistryEntity) renamed = NULL;

  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (id != NULL && name != NULL, FALSE);

  if (*name == '\0')
    {
      g_set_error_literal (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
                           _("An entity’s name must not be empty"));
      return FALSE;
    }

  entity = lookup_live (self, id, error);
  if (entity == NULL)
    return FALSE;

  renamed = spanmark_registry_entity_copy (entity);
  g_free (renamed->name);
  renamed->name = g_strdup (name);
  /* The old name stays a name this entity goes by. */
  for (guint i = 0; i < renamed->aliases->len; i++)
    if (g_str_equal (g_ptr_array_index (renamed->aliases, i), name))
      g_ptr_array_remove_index (renamed->aliases, i--);
  spanmark_registry_entity_add_alias (renamed, entity->name);

  if (!write_entity (self, renamed, error))
    return FALSE;

  replace_entity (self, g_steal_pointer (&renamed));

  return TRUE;
}

static gboolean
has_attr_entry (const SpanmarkRegistryEntity *entity,
                const SpanmarkRegistryAttr   *attr)
{
  for (guint i = 0; i < entity->attrs->len; i++)
    {
      const SpanmarkRegistryAttr *other = g_ptr_array_index (entity->attrs, i);

      if (g_str_equal (other->key, attr->key) && g_str_equal (other->value, attr->value) &&
          g_strcmp0 (other->document, attr->document) == 0)
        return TRUE;
    }

  return FALSE;
}

/* @keep with everything @gone knew added; conflicts to @conflicts. */
static SpanmarkRegistryEntity *
merge_entities (const SpanmarkRegistryEntity *keep,
                const SpanmarkRegistryEntity *gone,
                GPtrArray                    *conflicts)
{
  SpanmarkRegistryEntity *merged = spanmark_registry_entity_copy (keep);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  /* Reported once per key, on the current values only: older values
   * differing is what a history is for. */
  for (guint i = 0; i < gone->attrs->len && conflicts != NULL; i++)
    {
      const SpanmarkRegistryAttr *attr = g_ptr_array_index (gone->attrs, i);
      const char *ours = spanmark_registry_entity_get_attr (keep, attr->key);
      const char *theirs = spanmark_registry_entity_get_attr (gone, attr->key);

      if (!g_hash_table_add (keys, attr->key) || ours == NULL || g_str_equal (ours, theirs))
        continue;

      g_ptr_array_add (conflicts,
                       g_strdup_printf (_("%s: “%s” (%s) or “%s” (%s); both kept, “%s” is current"),
                                        attr->key, ours, keep->id, theirs, gone->id, ours));
    }

  /* The other's history first, so the kept entity's current values stay
   * current. */
  g_ptr_array_set_size (merged->attrs, 0);
  for (guint i = 0; i < gone->attrs->len; i++)
    {
      const SpanmarkRegistryAttr *attr = g_ptr_array_index (gone->attrs, i);

      if (!has_attr_entry (keep, attr))
        spanmark_registry_entity_add_attr (merged, attr->key, attr->value, attr->document);
    }
  for (guint i = 0; i < keep->attrs->len; i++)
    {
      const SpanmarkRegistryAttr *attr = g_ptr_array_index (keep->attrs, i);

      spanmark_registry_entity_add_attr (merged, attr->key, attr->value, attr->document);
    }

  spanmark_registry_entity_add_alias (merged, gone->name);
  for (guint i = 0; i < gone->aliases->len; i++)
    spanmark_registry_entity_add_alias (merged, g_ptr_array_index (gone->aliases, i));

  if (*gone->notes != '\0' && strstr (merged->notes, gone->notes) == NULL)
    {
      char *notes = *merged->notes != '\0'
                    ? g_strconcat (merged->notes, "\n", gone->notes, NULL)
                    : g_strdup (gone->notes);

      g_free (merged->notes);
      merged->notes = notes;
    }

  return merged;
}

/* Moves the mentions of @gone in @set to @keep (the file's own entity
 * of that id, made from @gone's if the file had none). */
static void
move_mentions (SpanmarkAnnotationSet *set,
               const char            *keep,
               const char            *gone)
{
  const SpanmarkEntity *old = spanmark_annotation_set_lookup_entity (set, gone);
  g_autoptr(GPtrArray) mentions = spanmark_annotation_set_get_mentions (set, gone);
  g_autoptr(GPtrArray) span_ids = g_ptr_array_new_with_free_func (g_free);

  if (spanmark_annotation_set_lookup_entity (set, keep) == NULL)
    {
      g_autoptr(SpanmarkEntity) entity = spanmark_entity_copy (old);

      g_free (entity->id);
      entity->id = g_strdup (keep);
      spanmark_annotation_set_load_entity (set, entity);
    }

  /* Ids copied first: each change replaces the span. */
  for (guint i = 0; i < mentions->len; i++)
    g_ptr_array_add (span_ids, g_strdup (((const SpanmarkSpan *) g_ptr_array_index (mentions, i))->id));
  for (guint i = 0; i < span_ids->len; i++)
    spanmark_annotation_set_set_span_entity (set, g_ptr_array_index (span_ids, i), keep);

  spanmark_annotation_set_remove_entity (set, gone);
}

/* Whether the annotation file's bytes name @id at all: most files of a
 * corpus do not, and are not parsed. */
static gboolean
file_mentions (SpanmarkProject *project,
               const char      *relative,
               const char      *id)
{
  g_autofree char *data = NULL;
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", id);
  gsize length;

  if (!spanmark_file_read_in_project (spanmark_project_get_dir (project), relative,
                                      SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                      &data, &length, NULL))
    return FALSE;

  return strstr (data, quoted) != NULL;
}

/* Calls @func on every annotation file's set that @filter_id (unless
 * NULL) appears in; load errors go to @errors.  Returns FALSE when any
 * file failed to load or @func failed. */
typedef gboolean (*SetFunc) (SpanmarkRegistry      *self,
                             SpanmarkAnnotationSet *set,
                             gpointer               user_data,
                             GError               **error);

static gboolean
foreach_set (SpanmarkRegistry *self,
             const char       *annotator,
             const char       *filter_id,
             SetFunc           func,
             gpointer          user_data,
             GPtrArray        *errors)
{
  g_auto(GStrv) annotators = NULL;
  guint n_documents = spanmark_project_get_n_documents (self->project);
  gboolean ok = TRUE;

  if (annotator != NULL)
    annotators = g_strdupv ((char *[]) { (char *) annotator, NULL });
  else
    annotators = spanmark_project_list_annotators (self->project);

  for (guint d = 0; d < n_documents; d++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (self->project, d);

      for (guint a = 0; annotators[a] != NULL; a++)
        {
          g_autofree char *relative = g_strdup_printf ("annotations/%s/%s.json", annotators[a],
                                                       spanmark_document_get_id (document));
          g_autoptr(SpanmarkAnnotationSet) set = NULL;
          g_autoptr(GError) error = NULL;

          if (filter_id != NULL && !file_mentions (self->project, relative, filter_id))
            continue;
          if (filter_id == NULL)
            {
              g_autoptr(GFile) file = spanmark_project_get_annotation_file (self->project, document,
                                                                            annotators[a]);

              if (!g_file_query_exists (file, NULL))
                continue;
            }

          set = spanmark_project_load_annotations (self->project, document, annotators[a], &error);
          if (set == NULL || !func (self, set, user_data, &error))
            {
              if (errors != NULL)
                g_ptr_array_add (errors, g_steal_pointer (&error));
              ok = FALSE;
            }
        }
    }

  return ok;
}

typedef struct
{
  const char *keep;
  const char *gone;
  guint       n_files;
} MergeRun;

static gboolean
merge_set_cb (SpanmarkRegistry      *self,
              SpanmarkAnnotationSet *set,
              gpointer               user_data,
              GError               **error)
{
  MergeRun *run = user_data;

  if (spanmark_annotation_set_lookup_entity (set, run->gone) == NULL)
    return TRUE;

  move_mentions (set, run->keep, run->gone);
  if (!spanmark_project_save_annotations_full (self->project, set, SPANMARK_SAVE_IF_UNCHANGED, error))
    return FALSE;

  run->n_files++;

  return TRUE;
}

gboolean
spanmark_registry_merge (SpanmarkRegistry *self,
                         const char       *keep,
                         const char       *gone,
                         GPtrArray        *conflicts,
                         guint            *n_files,
                         GError          **error)
{
  const SpanmarkRegistryEntity *kept, *other;
  g_autoptr(SpanmarkRegistryEntity) merged = NULL;
  g_autoptr(SpanmarkRegistryEntity) tombstone = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  MergeRun run = { keep, gone, 0 };

  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (keep != NULL && gone != NULL, FALSE);

  if (n_files != NULL)
    *n_files = 0;

  if (g_str_equal (keep, gone))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
                   _("An entity cannot be merged into itself (“%s”)"), keep);
      return FALSE;
    }

  kept = lookup_live (self, keep, error);
  if (kept == NULL)
    return FALSE;
  other = lookup_live (self, gone, error);
  if (other == NULL)
    return FALSE;

  if (!g_str_equal (kept->label, other->label))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
                   _("“%s” is %s and “%s” is %s: only entities of one label can be merged"),
                   keep, kept->label, gone, other->label);
      return FALSE;
    }

  /* The kept entity first, a superset of both: a crash after it loses
   * nothing, and running the merge again finishes it. */
  merged = merge_entities (kept, other, conflicts);
  if (!write_entity (self, merged, error))
    return FALSE;
  replace_entity (self, g_steal_pointer (&merged));

  if (!foreach_set (self, NULL, gone, merge_set_cb, &run, errors))
    {
      const GError *first = g_ptr_array_index (errors, 0);

      if (n_files != NULL)
        *n_files = run.n_files;
      /* No tombstone yet: the merge is finished by running it again
       * once the file is fixed. */
      g_set_error (error, first->domain, first->code,
                   ngettext ("%s (and %u more file); the merge is not finished, run it again once fixed",
                             "%s (and %u more files); the merge is not finished, run it again once fixed",
                             errors->len - 1),
                   first->message, errors->len - 1);
      return FALSE;
    }

  if (n_files != NULL)
    *n_files = run.n_files;

  tombstone = spanmark_registry_entity_new (gone, NULL, NULL);
  tombstone->merged_into = g_strdup (keep);
  if (!write_entity (self, tombstone, error))
    return FALSE;
  replace_entity (self, g_steal_pointer (&tombstone));

  return TRUE;
}

char *
spanmark_registry_check_entity (SpanmarkRegistry *self,
                                const char       *id,
                                const char       *label,
                                gboolean         *is_error)
{
  const SpanmarkRegistryEntity *entity;

  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (id != NULL && label != NULL, NULL);
  g_return_val_if_fail (is_error != NULL, NULL);

  *is_error = FALSE;

  /* A file that failed to load, or a tombstone leading nowhere, was
   * reported as the registry's own problem. */
  if (g_hash_table_contains (self->broken, id) ||
      (g_hash_table_contains (self->entities, id) && spanmark_registry_resolve (self, id) == NULL))
    return NULL;

  entity = spanmark_registry_resolve (self, id);
  if (entity == NULL)
    {
      /* Not a registry id: a local entity, as in every v1 file. */
      if (!spanmark_registry_entity_is_registry_id (id))
        return NULL;
      return g_strdup_printf (_("\"%s\" is not in the registry (there is no %s/%s.json)"),
                              id, SPANMARK_REGISTRY_DIR, id);
    }

  *is_error = TRUE;
  if (!g_str_equal (entity->label, label))
    return g_strdup_printf (_("label %s, but the registry’s entity \"%s\" (%s) is %s"),
                            label, entity->id, entity->name, entity->label);

  return NULL;
}

static gboolean
count_set_cb (SpanmarkRegistry      *self,
              SpanmarkAnnotationSet *set,
              gpointer               user_data,
              GError               **error)
{
  guint n_entities = spanmark_annotation_set_get_n_entities (set);

  for (guint i = 0; i < n_entities; i++)
    {
      const SpanmarkEntity *local = spanmark_annotation_set_get_entity (set, i);
      const SpanmarkRegistryEntity *entity = spanmark_registry_resolve (self, local->id);
      guint n = spanmark_annotation_set_get_n_mentions (set, local->id);
      Use *use;

      if (entity == NULL || n == 0)
        continue;

      use = g_hash_table_lookup (self->uses, entity->id);
      if (use == NULL)
        {
          use = g_new0 (Use, 1);
          use->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (self->uses, g_strdup (entity->id), use);
        }
      use->n_mentions += n;
      {
        const char *document = spanmark_annotation_set_get_document_id (set);
        guint before = GPOINTER_TO_UINT (g_hash_table_lookup (use->documents, document));

        g_hash_table_insert (use->documents, g_strdup (document), GUINT_TO_POINTER (before + n));
      }
    }

  return TRUE;
}

void
spanmark_registry_count_mentions (SpanmarkRegistry *self,
                                  const char       *annotator,
                                  GPtrArray        *errors)
{
  g_return_if_fail (SPANMARK_IS_REGISTRY (self));

  g_hash_table_remove_all (self->uses);
  foreach_set (self, annotator, NULL, count_set_cb, NULL, errors);
}

void
spanmark_registry_add_mentions (SpanmarkRegistry      *self,
                                SpanmarkAnnotationSet *set)
{
  g_return_if_fail (SPANMARK_IS_REGISTRY (self));
  g_return_if_fail (SPANMARK_IS_ANNOTATION_SET (set));

  count_set_cb (self, set, NULL, NULL);
}

guint
spanmark_registry_get_n_mentions (SpanmarkRegistry *self,
                                  const char       *id)
{
  Use *use;

  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), 0);

  use = g_hash_table_lookup (self->uses, id);

  return use != NULL ? use->n_mentions : 0;
}

guint
spanmark_registry_get_n_mentions_in (SpanmarkRegistry *self,
                                     const char       *id,
                                     const char       *document)
{
  Use *use;

  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), 0);
  g_return_val_if_fail (document != NULL, 0);

  use = g_hash_table_lookup (self->uses, id);

  return use != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (use->documents, document)) : 0;
}

GPtrArray *
spanmark_registry_get_documents (SpanmarkRegistry *self,
                                 const char       *id)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_free);
  Use *use;

  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), documents);

  use = g_hash_table_lookup (self->uses, id);
  if (use != NULL)
    {
      GHashTableIter iter;
      const char *document;

      g_hash_table_iter_init (&iter, use->documents);
      while (g_hash_table_iter_next (&iter, (gpointer *) &document, NULL))
        g_ptr_array_add (documents, g_strdup (document));
      g_ptr_array_sort (documents, spanmark_text_compare_strings);
    }

  return documents;
}

guint
spanmark_registry_get_n_broken (SpanmarkRegistry *self)
{
  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), 0);

  return g_hash_table_size (self->broken);
}

/* The ids of the live entities of @label, sorted (copies: writing
 * replaces the entities). */
static GPtrArray *
ids_of_label (SpanmarkRegistry *self,
              const char       *label)
{
  GPtrArray *entities = spanmark_registry_get_entities (self);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < entities->len; i++)
    {
      const SpanmarkRegistryEntity *entity = g_ptr_array_index (entities, i);

      if (g_str_equal (entity->label, label))
        g_ptr_array_add (ids, g_strdup (entity->id));
    }

  return ids;
}

guint
spanmark_registry_count_label (SpanmarkRegistry *self,
                               const char       *label)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  ids = ids_of_label (self, label);

  return ids->len;
}

gboolean
spanmark_registry_relabel (SpanmarkRegistry *self,
                           const char       *label,
                           const char       *new_label,
                           guint            *n_written,
                           GError          **error)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (label != NULL && new_label != NULL, FALSE);

  if (n_written != NULL)
    *n_written = 0;

  ids = ids_of_label (self, label);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SpanmarkRegistryEntity) relabelled = NULL;

      relabelled = spanmark_registry_entity_copy (g_hash_table_lookup (self->entities, g_ptr_array_index (ids, i)));
      g_free (relabelled->label);
      relabelled->label = g_strdup (new_label);
      if (!write_entity (self, relabelled, error))
        return FALSE;
      replace_entity (self, g_steal_pointer (&relabelled));
      if (n_written != NULL)
        (*n_written)++;
    }

  return TRUE;
}

guint
spanmark_registry_count_documents (SpanmarkRegistry *self,
                                   const char       *id)
{
  Use *use;

  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), 0);

  use = g_hash_table_lookup (self->uses, id);

  return use != NULL ? g_hash_table_size (use->documents) : 0;
}

gboolean
spanmark_registry_set_attr (SpanmarkRegistry *self,
                            const char       *id,
                            const char       *key,
                            const char       *value,
                            const char       *document,
                            GError          **error)
{
  const SpanmarkRegistryEntity *entity;
  g_autoptr(SpanmarkRegistryEntity) changed = NULL;

  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (id != NULL && key != NULL && value != NULL, FALSE);

  if (*key == '\0' || *value == '\0')
    {
      g_set_error_literal (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
                           _("An attribute needs a name and a value"));
      return FALSE;
    }

  entity = lookup_live (self, id, error);
  if (entity == NULL)
    return FALSE;
  if (g_strcmp0 (spanmark_registry_entity_get_attr (entity, key), value) == 0)
    return TRUE;

  /* The history keeps the old value: the new one is appended, so it is
   * the current one. */
  changed = spanmark_registry_entity_copy (entity);
  for (guint i = 0; i < changed->attrs->len; i++)
    {
      SpanmarkRegistryAttr *attr = g_ptr_array_index (changed->attrs, i);

      /* The same entry seen again moves to the end, where current is. */
      if (g_str_equal (attr->key, key) && g_str_equal (attr->value, value) &&
          g_strcmp0 (attr->document, document) == 0)
        g_ptr_array_remove_index (changed->attrs, i--);
    }
  spanmark_registry_entity_add_attr (changed, key, value, document);

  if (!write_entity (self, changed, error))
    return FALSE;

  replace_entity (self, g_steal_pointer (&changed));

  return TRUE;
}

/* Undoing a merge (the window): the files a merge changes, as they were
 * before it and as it left them; restoring puts back the first where the
 * second is still there. */

static void
snapshot_add (SpanmarkRegistry *self,
              GHashTable       *snapshot,
              const char       *relative)
{
  g_autofree char *data = NULL;
  gsize length;

  if (spanmark_file_read_in_project (spanmark_project_get_dir (self->project), relative,
                                     SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE, &data, &length, NULL))
    g_hash_table_insert (snapshot, g_strdup (relative), g_bytes_new_take (g_steal_pointer (&data), length));
  else
    g_hash_table_insert (snapshot, g_strdup (relative), NULL);
}

GHashTable *
spanmark_registry_snapshot_merge (SpanmarkRegistry *self,
                                  const char       *keep,
                                  const char       *gone)
{
  GHashTable *snapshot;
  g_auto(GStrv) annotators = NULL;
  g_autofree char *keep_path = NULL;
  g_autofree char *gone_path = NULL;
  guint n_documents;

  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (keep != NULL && gone != NULL, NULL);

  snapshot = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  keep_path = entity_path (keep);
  gone_path = entity_path (gone);
  snapshot_add (self, snapshot, keep_path);
  snapshot_add (self, snapshot, gone_path);

  annotators = spanmark_project_list_annotators (self->project);
  n_documents = spanmark_project_get_n_documents (self->project);
  for (guint d = 0; d < n_documents; d++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (self->project, d);

      for (guint a = 0; annotators[a] != NULL; a++)
        {
          g_autofree char *relative = g_strdup_printf ("annotations/%s/%s.json", annotators[a],
                                                       spanmark_document_get_id (document));

          /* The merge rewrites exactly the files that name @gone. */
          if (file_mentions (self->project, relative, gone))
            snapshot_add (self, snapshot, relative);
        }
    }

  return snapshot;
}

GHashTable *
spanmark_registry_snapshot_files (SpanmarkRegistry *self,
                                  GHashTable       *like)
{
  GHashTable *snapshot;
  GHashTableIter iter;
  const char *relative;

  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), NULL);
  g_return_val_if_fail (like != NULL, NULL);

  snapshot = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  g_hash_table_iter_init (&iter, like);
  while (g_hash_table_iter_next (&iter, (gpointer *) &relative, NULL))
    snapshot_add (self, snapshot, relative);

  return snapshot;
}

static gboolean
same_bytes (GBytes *a,
            GBytes *b)
{
  return (a == NULL && b == NULL) || (a != NULL && b != NULL && g_bytes_equal (a, b));
}

gboolean
spanmark_registry_restore (SpanmarkRegistry *self,
                           GHashTable       *before,
                           GHashTable       *after,
                           GPtrArray        *kept,
                           GError          **error)
{
  GFile *dir;
  g_autoptr(GHashTable) now = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  GHashTableIter iter;
  const char *relative;

  g_return_val_if_fail (SPANMARK_IS_REGISTRY (self), FALSE);
  g_return_val_if_fail (before != NULL && after != NULL, FALSE);

  dir = spanmark_project_get_dir (self->project);
  now = spanmark_registry_snapshot_files (self, before);
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, (gpointer *) &relative, NULL))
    g_ptr_array_add (paths, (gpointer) relative);
  /* Entities last: a failure part way leaves the kept entity a
   * superset, as during the merge. */
  g_ptr_array_sort (paths, spanmark_text_compare_strings);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      GBytes *old = g_hash_table_lookup (before, path);
      GBytes *merged = g_hash_table_lookup (after, path);
      g_autoptr(GFile) file = g_file_resolve_relative_path (dir, path);
      g_autofree char *local = g_file_get_path (file);
      g_autoptr(GError) local_error = NULL;

      /* Changed since the merge (edited, pulled): that work wins, and the
       * file is named. */
      if (!same_bytes (g_hash_table_lookup (now, path), merged))
        {
          if (kept != NULL)
            g_ptr_array_add (kept, g_strdup (path));
          continue;
        }
      if (same_bytes (old, merged))
        continue;
      if (!spanmark_file_check_inside (dir, path))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, _("%s: leads outside the project"), path);
          return FALSE;
        }

      if (old == NULL)
        {
          if (!g_file_delete (file, NULL, &local_error) &&
              !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            {
              g_set_error (error, local_error->domain, local_error->code, "%s: %s", path,
                           spanmark_file_describe_error (local_error));
              return FALSE;
            }
        }
      else if (!spanmark_file_write_atomic (local, g_bytes_get_data (old, NULL), g_bytes_get_size (old),
                                            TRUE, error))
        return FALSE;

      if (g_str_has_prefix (path, SPANMARK_REGISTRY_DIR "/"))
        {
          const char *name = path + strlen (SPANMARK_REGISTRY_DIR "/");
          g_autofree char *id = g_strndup (name, strlen (name) - strlen (".json"));

          g_hash_table_remove (self->entities, id);
          g_hash_table_remove (self->broken, id);
          g_clear_pointer (&self->sorted, g_ptr_array_unref);
          if (old != NULL)
            load_file (self, dir, name);
        }
    }

  return TRUE;
}
