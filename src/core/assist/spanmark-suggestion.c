/* spanmark-suggestion.c — a span the matcher proposes, and accepting or rejecting it
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "spanmark-history.h"
#include "spanmark-suggestion.h"

G_DEFINE_BOXED_TYPE (SpanmarkSuggestion, spanmark_suggestion, spanmark_suggestion_copy, spanmark_suggestion_free)

SpanmarkSuggestion *
spanmark_suggestion_new (guint       start,
                         guint       end,
                         const char *text,
                         GPtrArray  *entries)
{
  SpanmarkSuggestion *self;

  g_return_val_if_fail (start < end, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (entries != NULL && entries->len > 0, NULL);

  self = g_new0 (SpanmarkSuggestion, 1);
  self->start = start;
  self->end = end;
  self->text = g_strdup (text);
  self->entries = entries;
  return self;
}

SpanmarkSuggestion *
spanmark_suggestion_copy (const SpanmarkSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return spanmark_suggestion_new (self->start, self->end, self->text, g_ptr_array_ref (self->entries));
}

void
spanmark_suggestion_free (SpanmarkSuggestion *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_ptr_array_unref (self->entries);
  g_free (self);
}

static const SpanmarkDictionaryEntry *
proposal (const SpanmarkSuggestion *self)
{
  return g_ptr_array_index (self->entries, 0);
}

const char *
spanmark_suggestion_get_label (const SpanmarkSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return proposal (self)->label;
}

const char *
spanmark_suggestion_get_source (const SpanmarkSuggestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return proposal (self)->source;
}

gboolean
spanmark_suggestion_is_tie (const SpanmarkSuggestion *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->entries->len > 1;
}

const SpanmarkDictionaryEntry *
spanmark_suggestion_lookup_entry (const SpanmarkSuggestion *self,
                                  const char               *label)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const SpanmarkDictionaryEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_str_equal (entry->label, label))
        return entry;
    }
  return NULL;
}

/* The number of suggestions that start at or before @offset. */
static guint
count_starting_by (GPtrArray *suggestions,
                   guint      offset)
{
  guint lo = 0, hi = suggestions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((const SpanmarkSuggestion *) g_ptr_array_index (suggestions, mid))->start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

const SpanmarkSuggestion *
spanmark_suggestion_find_at (GPtrArray *suggestions,
                             guint      offset)
{
  guint n;
  const SpanmarkSuggestion *last;

  g_return_val_if_fail (suggestions != NULL, NULL);

  n = count_starting_by (suggestions, offset);
  if (n == 0)
    return NULL;
  last = g_ptr_array_index (suggestions, n - 1);
  return offset < last->end ? last : NULL;
}

const SpanmarkSuggestion *
spanmark_suggestion_find_next (GPtrArray *suggestions,
                               guint      offset)
{
  guint n;

  g_return_val_if_fail (suggestions != NULL, NULL);

  n = count_starting_by (suggestions, offset);
  return n < suggestions->len ? g_ptr_array_index (suggestions, n) : NULL;
}

const SpanmarkSuggestion *
spanmark_suggestion_find_prev (GPtrArray *suggestions,
                               guint      offset)
{
  guint n;

  g_return_val_if_fail (suggestions != NULL, NULL);

  n = count_starting_by (suggestions, offset);
  /* Skip the one starting at @offset itself. */
  if (n > 0 && ((const SpanmarkSuggestion *) g_ptr_array_index (suggestions, n - 1))->start == offset)
    n--;
  return n > 0 ? g_ptr_array_index (suggestions, n - 1) : NULL;
}

/* The set's entity of @label named @name, made with @attrs when there is
 * none.  Its id. */
static char *
find_or_add_entity (SpanmarkAnnotationSet *set,
                    const char            *label,
                    const char            *name,
                    GHashTable            *attrs)
{
  GHashTableIter iter;
  const char *key, *value;
  char *id;

  for (guint i = 0; i < spanmark_annotation_set_get_n_entities (set); i++)
    {
      const SpanmarkEntity *candidate = spanmark_annotation_set_get_entity (set, i);

      if (g_str_equal (candidate->label, label) && g_strcmp0 (candidate->name, name) == 0)
        return g_strdup (candidate->id);
    }

  /* Each change replaces the entity: keep its id, not the pointer. */
  id = g_strdup (spanmark_annotation_set_add_entity (set, label, name)->id);
  g_hash_table_iter_init (&iter, attrs);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    spanmark_annotation_set_set_entity_attr (set, id, key, value);
  return id;
}

/* apply() inside the caller's history group. */
static const SpanmarkSpan *
apply_in_group (const SpanmarkSuggestion      *self,
                const SpanmarkDictionaryEntry *entry,
                SpanmarkAnnotationSet         *set,
                gboolean                       mark_pretag,
                GError                       **error)
{
  const SpanmarkSpan *span;
  g_autofree char *id = NULL;
  GHashTableIter iter;
  const char *key, *value;

  span = spanmark_annotation_set_add_span (set, self->start, self->end, entry->label, error);
  if (span == NULL)
    return NULL;
  id = g_strdup (span->id);

  g_hash_table_iter_init (&iter, entry->span_attrs);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    spanmark_annotation_set_set_span_attr (set, id, key, value);
  if (entry->name != NULL)
    {
      g_autofree char *entity_id = find_or_add_entity (set, entry->label, entry->name, entry->attrs);

      spanmark_annotation_set_set_span_entity (set, id, entity_id);
    }
  if (mark_pretag)
    spanmark_annotation_set_set_span_pretag (set, id, entry->source);

  return spanmark_annotation_set_lookup_span (set, id);
}

const SpanmarkSpan *
spanmark_suggestion_apply (const SpanmarkSuggestion *self,
                           SpanmarkAnnotationSet    *set,
                           const char               *label,
                           gboolean                  mark_pretag,
                           GError                  **error)
{
  SpanmarkHistory *history;
  const SpanmarkDictionaryEntry *entry;
  const SpanmarkSpan *span;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (set), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (label == NULL && spanmark_suggestion_is_tie (self))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” could be %s or %s: choose the label"), self->text,
                   proposal (self)->label,
                   ((const SpanmarkDictionaryEntry *) g_ptr_array_index (self->entries, 1))->label);
      return NULL;
    }
  entry = label != NULL ? spanmark_suggestion_lookup_entry (self, label) : proposal (self);
  if (entry == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not suggested as %s"), self->text, label);
      return NULL;
    }

  history = spanmark_annotation_set_get_history (set);
  spanmark_history_begin_group (history);
  span = apply_in_group (self, entry, set, mark_pretag, error);
  spanmark_history_end_group (history);

  return span;
}

guint
spanmark_suggestion_apply_all (GPtrArray             *suggestions,
                               SpanmarkAnnotationSet *set,
                               const char            *text,
                               gboolean               mark_pretag)
{
  SpanmarkHistory *history;
  guint n_applied = 0;

  g_return_val_if_fail (suggestions != NULL, 0);
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (set), 0);

  history = spanmark_annotation_set_get_history (set);
  spanmark_history_begin_group (history);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const SpanmarkSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      g_autoptr(GPtrArray) overlapping = NULL;

      if (spanmark_suggestion_is_tie (suggestion) ||
          (text != NULL && !g_str_equal (suggestion->text, text)))
        continue;
      /* Suggestions of one search never overlap, but a list the window
       * kept while the annotator tagged may overlap spans made since. */
      overlapping = spanmark_annotation_set_get_spans_in_range (set, suggestion->start, suggestion->end);
      if (overlapping->len > 0 ||
          apply_in_group (suggestion, proposal (suggestion), set, mark_pretag, NULL) == NULL)
        continue;
      n_applied++;
    }
  spanmark_history_end_group (history);

  return n_applied;
}

gboolean
spanmark_suggestion_reject (const SpanmarkSuggestion *self,
                            SpanmarkAnnotationSet    *set,
                            GError                  **error)
{
  SpanmarkHistory *history;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (set), FALSE);

  history = spanmark_annotation_set_get_history (set);
  spanmark_history_begin_group (history);
  for (guint i = 0; i < self->entries->len && ok; i++)
    {
      const SpanmarkDictionaryEntry *entry = g_ptr_array_index (self->entries, i);
      g_autoptr(GError) local_error = NULL;

      /* Already rejected (a stale list) is no failure. */
      if (!spanmark_annotation_set_add_rejection (set, self->start, self->end, entry->label, &local_error) &&
          local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }
  spanmark_history_end_group (history);

  return ok;
}
