/* fuzz-import-jsonl.h — the JSON lines importer read both ways
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the two JSON lines targets (fuzz-import-spacy, fuzz-import-doccano):
 * the importer reads the lines it can with its fast reader
 * (spanmark-import-jsonl-reader.c) and the others with the syntax check
 * and json-glib.  Any input must give the same outcome both ways: the
 * same error, or the same warnings, documents and annotation files.
 */

#pragma once

#include <string.h>

#include "fuzz-common.h"
#include "spanmark-annotation-file.h"
#include "spanmark-import-jsonl-private.h"
#include "spanmark-import-private.h"

/* What one way of reading gave, as text to compare. */
static inline char *
fuzz_jsonl_outcome (const char                  *name,
                    const char                  *data,
                    gsize                        len,
                    const SpanmarkImportOptions *options,
                    gboolean                     fast)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  gboolean ok;

  _spanmark_import_jsonl_set_fast (fast);
  ok = _spanmark_import_check_data (fuzz_project (), options, name, data, len, NULL, 0,
                                    documents, sets, warnings, NULL, &error);
  _spanmark_import_jsonl_set_fast (TRUE);

  if (!ok)
    g_string_append_printf (out, "error %s %d: %s\n", g_quark_to_string (error->domain), error->code, error->message);
  for (guint i = 0; i < warnings->len; i++)
    g_string_append_printf (out, "warning: %s\n", (const char *) g_ptr_array_index (warnings, i));
  for (guint i = 0; i < documents->len; i++)
    {
      SpanmarkDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *file = spanmark_json_write_annotations (g_ptr_array_index (sets, i), NULL, NULL);
      const char *title = spanmark_document_get_title (document);

      g_string_append_printf (out, "%s [%s] %s\n%s", spanmark_document_get_id (document),
                              title != NULL ? title : "(none)",
                              spanmark_document_get_meta (document) != NULL ? "meta" : "no meta", file);
    }
  return g_string_free (out, FALSE);
}

/* Both ways, plain and with --add-labels --skip-invalid: the same. */
static inline void
fuzz_check_jsonl_paths (const char *name,
                        const char *data,
                        gsize       len)
{
  const SpanmarkImportOptions plain = { .annotator = FUZZ_ANNOTATOR };
  const SpanmarkImportOptions lenient = { .annotator = FUZZ_ANNOTATOR, .add_labels = TRUE, .skip_invalid = TRUE };
  const SpanmarkImportOptions *options[] = { &plain, &lenient };

  if (fuzz_json_is_known_bug (fuzz_json_judge_lines (data, len)))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *fast = fuzz_jsonl_outcome (name, data, len, options[i], TRUE);
      g_autofree char *slow = fuzz_jsonl_outcome (name, data, len, options[i], FALSE);

      if (strcmp (fast, slow) != 0)
        fuzz_fail ("%s: the fast reader gives\n%s\nthe slow path\n%s", name, fast, slow);
    }
}
