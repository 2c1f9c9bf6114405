/* fuzz-export-reader.c — the export's fast reader against the loader
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export reads each annotation file with its own small reader and
 * hands whatever that reader does not take to the project's loader.  So
 * the export accepts exactly what the loader accepts only if the fast
 * reader never takes a file the loader refuses, and reads the same spans
 * and entities from every file it takes.  This target checks both on any
 * bytes (refusing what the loader accepts is allowed: it only costs
 * time).
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "spanmark-export-private.h"

/* Whether @pairs (key, value, … sorted by key; NULL when none) holds
 * what @attrs holds. */
static gboolean
attrs_equal (GPtrArray  *pairs,
             GHashTable *attrs)
{
  guint n = pairs != NULL ? pairs->len / 2 : 0;

  if (n != g_hash_table_size (attrs))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const char *key = g_ptr_array_index (pairs, 2 * i);

      if (g_strcmp0 (g_ptr_array_index (pairs, 2 * i + 1), g_hash_table_lookup (attrs, key)) != 0 ||
          (i > 0 && strcmp (g_ptr_array_index (pairs, 2 * i - 2), key) >= 0))
        return FALSE;
    }
  return TRUE;
}

static void
compare (const ExportDoc       *doc,
         SpanmarkAnnotationSet *set)
{
  if (doc->spans->len != spanmark_annotation_set_get_n_spans (set))
    fuzz_fail ("the fast reader read %u spans, the loader %u",
               doc->spans->len, spanmark_annotation_set_get_n_spans (set));
  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ExportSpan *fast = &g_array_index (doc->spans, ExportSpan, i);
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);

      if (g_strcmp0 (fast->id, span->id) != 0 || fast->start != span->start ||
          fast->end != span->end || g_strcmp0 (fast->label, span->label) != 0 ||
          g_strcmp0 (fast->entity, span->entity) != 0 || !attrs_equal (fast->attrs, span->attrs))
        fuzz_fail ("span %u: the fast reader read %s %u–%u %s, the loader %s %u–%u %s (or their entities or attributes differ)",
                   i, fast->id, fast->start, fast->end, fast->label,
                   span->id, span->start, span->end, span->label);
    }

  if (doc->entities->len != spanmark_annotation_set_get_n_entities (set))
    fuzz_fail ("the fast reader read %u entities, the loader %u",
               doc->entities->len, spanmark_annotation_set_get_n_entities (set));
  for (guint i = 0; i < doc->entities->len; i++)
    {
      const ExportEntity *fast = &g_array_index (doc->entities, ExportEntity, i);
      const SpanmarkEntity *entity = spanmark_annotation_set_get_entity (set, i);

      if (g_strcmp0 (fast->id, entity->id) != 0 || g_strcmp0 (fast->label, entity->label) != 0 ||
          g_strcmp0 (fast->name, entity->name) != 0 || !attrs_equal (fast->attrs, entity->attrs))
        fuzz_fail ("entity %u: the fast reader read %s (%s), the loader %s (%s) (or their attributes differ)",
                   i, fast->id, fast->name, entity->id, entity->name);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  const char *text = fuzz_text ();
  SpanmarkChecker checker;
  ExportDoc doc;
  FuzzJson kind;
  gboolean fast;

  if (!fuzz_begin_json ((const char *) data, size, &kind))
    return 0;

  _spanmark_export_doc_init (&doc);
  fast = _spanmark_export_doc_read_fast (&doc, text, strlen (text), (const char *) data, size,
                                         FUZZ_DOCUMENT_ID, FUZZ_ANNOTATOR, fuzz_schema ());

  spanmark_checker_init (&checker);
  set = spanmark_json_read_annotations (&checker, FUZZ_FILE, (const char *) data, size,
                                        FUZZ_DOCUMENT_ID, FUZZ_ANNOTATOR, text, fuzz_schema ());
  if (fast)
    {
      if (set == NULL)
        {
          g_autofree char *problem = spanmark_problem_to_string (g_ptr_array_index (checker.problems, 0));

          fuzz_fail ("the fast reader accepts a file the loader refuses: %s", problem);
        }
      fuzz_check_strict ("the fast reader", kind);
      compare (&doc, set);
    }

  spanmark_checker_clear (&checker);
  _spanmark_export_doc_clear (&doc);
  return 0;
}
