/* spanmark-pretag.c — suggestions written as spans to review (spanmark-cli pretag)
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-pretag.h"

void
spanmark_pretag_result_clear (SpanmarkPretagResult *result)
{
  g_return_if_fail (result != NULL);

  g_clear_pointer (&result->added, g_ptr_array_unref);
  result->n_ties = result->n_tagged = result->n_rejected = 0;
}

gboolean
spanmark_pretag_document (SpanmarkProject      *project,
                          SpanmarkDocument     *document,
                          const char           *annotator,
                          SpanmarkSuggester    *suggester,
                          gboolean              dry_run,
                          SpanmarkPretagResult *result,
                          GError              **error)
{
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  SpanmarkSuggestCounts counts;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (spanmark_project_is_valid_annotator (annotator), FALSE);
  g_return_val_if_fail (SPANMARK_IS_SUGGESTER (suggester), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  *result = (SpanmarkPretagResult) { g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_suggestion_free) };

  /* A missing file is an empty set; a file that does not load is left
   * alone (and the project remembers not to write over it). */
  set = spanmark_project_load_annotations (project, document, annotator, error);
  if (set == NULL)
    return FALSE;

  suggestions = spanmark_suggester_suggest (suggester, set, &counts);
  result->n_tagged = counts.n_tagged;
  result->n_rejected = counts.n_rejected;
  for (guint i = 0; i < suggestions->len; i++)
    {
      SpanmarkSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (spanmark_suggestion_is_tie (suggestion))
        {
          result->n_ties++;
          continue;
        }
      /* Suggestions of one search overlap neither each other nor a span:
       * applying cannot fail. */
      if (!dry_run && spanmark_suggestion_apply (suggestion, set, NULL, TRUE, error) == NULL)
        return FALSE;
      g_ptr_array_add (result->added, spanmark_suggestion_copy (suggestion));
    }

  if (dry_run || result->added->len == 0)
    return TRUE;
  return spanmark_project_save_annotations_full (project, set, SPANMARK_SAVE_IF_UNCHANGED, error);
}
