/* spanmark-inconsistency.c — texts tagged one way here and another way elsewhere
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-assist-private.h"
#include "spanmark-inconsistency.h"

G_DEFINE_BOXED_TYPE (SpanmarkInconsistency, spanmark_inconsistency,
                     spanmark_inconsistency_copy, spanmark_inconsistency_free)

SpanmarkInconsistency *
spanmark_inconsistency_copy (const SpanmarkInconsistency *self)
{
  SpanmarkInconsistency *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SpanmarkInconsistency, 1);
  copy->kind = self->kind;
  copy->annotator = g_strdup (self->annotator);
  copy->document = g_strdup (self->document);
  copy->start = self->start;
  copy->end = self->end;
  copy->text = g_strdup (self->text);
  copy->label = g_strdup (self->label);
  copy->other_labels = g_strdupv (self->other_labels);
  copy->other_counts = g_array_copy (self->other_counts);
  return copy;
}

void
spanmark_inconsistency_free (SpanmarkInconsistency *self)
{
  if (self == NULL)
    return;
  g_free (self->annotator);
  g_free (self->document);
  g_free (self->text);
  g_free (self->label);
  g_strfreev (self->other_labels);
  g_array_unref (self->other_counts);
  g_free (self);
}

/* A place of @set holding @term, tagged @label (NULL: untagged), with
 * the other labels the corpus gives the term and their counts; NULL
 * when it gives none (dictionaries do not count: they are no one's
 * tagging). */
static SpanmarkInconsistency *
inconsistency_new (SpanmarkAnnotationSet     *set,
                   guint                      start,
                   guint                      end,
                   const SpanmarkMatcherTerm *term,
                   const char                *label)
{
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  SpanmarkInconsistency *self;

  /* Entries are most counted first; one label may have several (other
   * entities or attributes): their counts add up. */
  for (guint i = 0; i < spanmark_matcher_term_get_n_entries (term); i++)
    {
      const char *other = spanmark_matcher_term_get_entry (term, i)->label;
      guint count = spanmark_matcher_term_get_count (term, i);
      guint j;

      if (g_strcmp0 (other, label) == 0 ||
          !g_str_equal (spanmark_matcher_term_get_entry (term, i)->source, SPANMARK_DICTIONARY_SOURCE_CORPUS))
        continue;
      for (j = 0; j < seen->len && !g_str_equal (g_ptr_array_index (seen, j), other); j++)
        ;
      if (j == seen->len)
        {
          g_ptr_array_add (seen, (gpointer) other);
          g_strv_builder_add (labels, other);
          g_array_append_val (counts, count);
        }
      else
        g_array_index (counts, guint, j) += count;
    }
  if (seen->len == 0)
    return NULL;

  self = g_new0 (SpanmarkInconsistency, 1);
  self->kind = label == NULL ? SPANMARK_INCONSISTENCY_UNTAGGED : SPANMARK_INCONSISTENCY_LABEL;
  self->annotator = g_strdup (spanmark_annotation_set_get_annotator (set));
  self->document = g_strdup (spanmark_annotation_set_get_document_id (set));
  self->start = start;
  self->end = end;
  self->text = g_strdup (spanmark_matcher_term_get_text (term));
  self->label = g_strdup (label);
  self->other_labels = g_strv_builder_end (labels);
  self->other_counts = g_steal_pointer (&counts);
  return self;
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const SpanmarkInconsistency *x = *(const SpanmarkInconsistency * const *) a;
  const SpanmarkInconsistency *y = *(const SpanmarkInconsistency * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return g_strcmp0 (x->label, y->label);
}

GPtrArray *
spanmark_inconsistency_find_in_set (SpanmarkSuggester     *suggester,
                                    SpanmarkAnnotationSet *set)
{
  g_autoptr(GPtrArray) suggestions = NULL;

  g_return_val_if_fail (SPANMARK_IS_SUGGESTER (suggester), NULL);
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (set), NULL);

  /* Untagged: what the corpus would suggest (this refreshes a followed
   * set's counts before the lookups). */
  suggestions = spanmark_suggester_suggest (suggester, set, NULL);
  return spanmark_inconsistency_find_with_suggestions (suggester, set, suggestions);
}

GPtrArray *
spanmark_inconsistency_find_with_suggestions (SpanmarkSuggester     *suggester,
                                              SpanmarkAnnotationSet *set,
                                              GPtrArray             *suggestions)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_inconsistency_free);
  SpanmarkMatcher *matcher;

  g_return_val_if_fail (SPANMARK_IS_SUGGESTER (suggester), found);
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (set), found);
  g_return_val_if_fail (suggestions != NULL, found);

  matcher = spanmark_suggester_get_matcher (suggester);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const SpanmarkSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      const SpanmarkMatcherTerm *term = spanmark_matcher_lookup (matcher, suggestion->text);
      SpanmarkInconsistency *place = inconsistency_new (set, suggestion->start, suggestion->end, term, NULL);

      if (place != NULL)
        g_ptr_array_add (found, place);
    }

  /* Tagged with one label here and another elsewhere. */
  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);
      const SpanmarkMatcherTerm *term;
      SpanmarkInconsistency *place;

      if (span->pretag != NULL || span->text == NULL)
        continue;
      term = spanmark_matcher_lookup (matcher, span->text);
      if (term == NULL)
        continue;
      place = inconsistency_new (set, span->start, span->end, term, span->label);
      if (place != NULL)
        g_ptr_array_add (found, place);
    }

  g_ptr_array_sort (found, compare_places);
  return found;
}

typedef struct
{
  SpanmarkSuggester *suggester;
  GPtrArray         *found;
} ProjectCheck;

static void
check_set_cb (SpanmarkAnnotationSet *set,
              gpointer               user_data)
{
  ProjectCheck *check = user_data;
  g_autoptr(GPtrArray) places = spanmark_inconsistency_find_in_set (check->suggester, set);

  for (guint i = 0; i < places->len; i++)
    g_ptr_array_add (check->found, g_steal_pointer (&g_ptr_array_index (places, i)));
}

GPtrArray *
spanmark_inconsistency_find_in_project (SpanmarkProject *project,
                                        GPtrArray       *problems,
                                        guint           *n_files)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_inconsistency_free);
  g_autoptr(SpanmarkSuggester) suggester = spanmark_suggester_new ();
  ProjectCheck check = { suggester, found };
  guint n_checked;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), found);
  g_return_val_if_fail (problems != NULL, found);

  /* Two passes, so that only one set is in memory at a time: the corpus
   * first, then each file against it (a file that does not load was
   * reported by the first pass). */
  spanmark_suggester_add_project (suggester, project, problems);
  n_checked = _spanmark_assist_foreach_set (project, NULL, check_set_cb, &check);

  if (n_files != NULL)
    *n_files = n_checked;
  return found;
}
