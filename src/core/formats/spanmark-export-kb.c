/* spanmark-export-kb.c — the entity registry as a knowledge base for entity linking, one entity a line
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * {"id","label","name","aliases","attrs","documents","mentions"}: every
 * live entity of the registry (docs/entities.md), with the documents and
 * the number of mentions it has in the exported annotator's work.  The
 * jsonl export carries the same ids on its spans, so mention → entity
 * pairs need no converter.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spanmark-export-format-private.h"
#include "spanmark-json-writer.h"
#include "spanmark-registry.h"

typedef struct
{
  guint      n_mentions;
  GPtrArray *documents;  /* char*, in export order */
} KbUse;

typedef struct
{
  SpanmarkRegistry *registry;
  GHashTable       *uses;  /* live id -> KbUse* */
} KbState;

static void
kb_use_free (KbUse *use)
{
  g_ptr_array_unref (use->documents);
  g_free (use);
}

static void
kb_free_state (gpointer data)
{
  KbState *state = data;

  g_clear_object (&state->registry);
  g_clear_pointer (&state->uses, g_hash_table_unref);
  g_free (state);
}

static gboolean
kb_begin (SpanmarkExportContext  *context,
          GError                **error)
{
  KbState *state = g_new0 (KbState, 1);
  GPtrArray *problems;

  context->state = state;
  state->uses = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) kb_use_free);
  state->registry = spanmark_registry_load (context->project, error);
  if (state->registry == NULL)
    return FALSE;

  /* A knowledge base missing an entity would teach a linker that its
   * mentions link nowhere: refuse, naming the file. */
  problems = spanmark_registry_get_problems (state->registry);
  if (problems->len > 0)
    {
      g_autofree char *first = spanmark_problem_to_string (g_ptr_array_index (problems, 0));

      g_set_error_literal (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID, first);
      return FALSE;
    }

  return TRUE;
}

static gboolean
kb_write_document (SpanmarkExportContext     *context,
                   const SpanmarkExportItem  *item,
                   GError                   **error)
{
  KbState *state = context->state;
  const ExportDoc *doc = item->doc;

  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ExportSpan *span = &g_array_index (doc->spans, ExportSpan, i);
      const SpanmarkRegistryEntity *entity;
      KbUse *use;

      if (span->entity == NULL ||
          (entity = spanmark_registry_resolve (state->registry, span->entity)) == NULL)
        continue;

      use = g_hash_table_lookup (state->uses, entity->id);
      if (use == NULL)
        {
          use = g_new0 (KbUse, 1);
          use->documents = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (state->uses, entity->id, use);
        }
      use->n_mentions++;
      /* Documents come one at a time: the last one is this one or none. */
      if (use->documents->len == 0 ||
          !g_str_equal (g_ptr_array_index (use->documents, use->documents->len - 1), item->id))
        g_ptr_array_add (use->documents, g_strdup (item->id));
    }

  return TRUE;
}

static void
append_entity (GString                      *out,
               const SpanmarkRegistryEntity *entity,
               const KbUse                  *use)
{
  g_string_append_c (out, '{');
  spanmark_registry_entity_append_summary (entity, out);
  g_string_append (out, ",\"documents\":[");
  for (guint i = 0; use != NULL && i < use->documents->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      spanmark_json_append_string (out, g_ptr_array_index (use->documents, i));
    }
  g_string_append_printf (out, "],\"mentions\":%u}\n", use != NULL ? use->n_mentions : 0);
}

static gboolean
kb_finish (SpanmarkExportContext  *context,
           GError                **error)
{
  KbState *state = context->state;
  GPtrArray *entities = spanmark_registry_get_entities (state->registry);

  /* With a split, each part gets the whole knowledge base: a linker
   * trained on one part still links to every entity. */
  for (guint stream = 0; stream < SPANMARK_EXPORT_N_PARTS; stream++)
    {
      GString *out = _spanmark_export_output_get_buffer (context->output, stream);

      if (out == NULL)
        continue;
      for (guint i = 0; i < entities->len; i++)
        {
          const SpanmarkRegistryEntity *entity = g_ptr_array_index (entities, i);

          append_entity (out, entity, g_hash_table_lookup (state->uses, entity->id));
        }
      if (!_spanmark_export_output_flush_if_full (context->output, stream, error))
        return FALSE;
    }

  return TRUE;
}

const SpanmarkExportFormat _spanmark_export_format_kb = {
  .name = "kb",
  .title = N_("Entity knowledge base (JSONL)"),
  .description = N_("the entity registry, one entity a line: {\"id\",\"label\",\"name\",\"aliases\",\"attrs\",\"documents\",\"mentions\"}; OUT is a file"),
  .extension = ".jsonl",
  .file_name = "kb.jsonl",
  .layout = N_("Writes kb.jsonl into the folder."),
  .split_layout = N_("Writes train.jsonl, dev.jsonl and test.jsonl into the folder, each with the whole knowledge base."),
  .begin = kb_begin,
  .write_document = kb_write_document,
  .finish = kb_finish,
  .free_state = kb_free_state,
};
