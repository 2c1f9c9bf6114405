/* spanmark-title-suggestion.c — the title written before an official's name
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "spanmark-history.h"
#include "spanmark-text-index.h"
#include "spanmark-title-suggestion.h"

G_DEFINE_BOXED_TYPE (SpanmarkTitleSuggestion, spanmark_title_suggestion,
                     spanmark_title_suggestion_copy, spanmark_title_suggestion_free)

SpanmarkTitleSuggestion *
spanmark_title_suggestion_copy (const SpanmarkTitleSuggestion *self)
{
  SpanmarkTitleSuggestion *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new (SpanmarkTitleSuggestion, 1);
  copy->start = self->start;
  copy->end = self->end;
  copy->title = g_strdup (self->title);
  return copy;
}

void
spanmark_title_suggestion_free (SpanmarkTitleSuggestion *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self);
}

static gboolean
is_punctuation (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether the code point at @offset is inside a span. */
static gboolean
inside_span (SpanmarkAnnotationSet *set,
             guint                  offset)
{
  return spanmark_annotation_set_get_span_at (set, offset) != NULL;
}

/* Whether the code point at @offset ends a title run before it:
 * punctuation, white space or a span. */
static gboolean
ends_run (SpanmarkAnnotationSet *set,
          SpanmarkTextIndex     *index,
          const char            *text,
          guint                  offset)
{
  gunichar c = g_utf8_get_char (text + spanmark_text_index_char_to_byte (index, offset));

  return is_punctuation (c) || spanmark_text_is_white_space (c) || inside_span (set, offset);
}

static gboolean
ends_with_title_word (const char          *run,
                      const char * const  *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && g_str_has_suffix (run, words[i]))
      return TRUE;
  return FALSE;
}

SpanmarkTitleSuggestion *
spanmark_title_suggestion_find (SpanmarkAnnotationSet *set,
                                const SpanmarkLabel   *label,
                                const char            *span_id)
{
  SpanmarkTextIndex *index;
  const SpanmarkSpan *span;
  const SpanmarkEntity *entity = NULL;
  const char *text;
  g_autofree char *run = NULL;
  SpanmarkTitleSuggestion *self;
  guint end, start;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (set), NULL);
  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (span_id != NULL, NULL);

  span = spanmark_annotation_set_lookup_span (set, span_id);
  if (span == NULL || label->title_words[0] == NULL)
    return NULL;

  index = spanmark_annotation_set_get_text_index (set);
  text = spanmark_annotation_set_get_text (set);

  /* White space between the title and the name (Mayor Tang) is skipped. */
  end = span->start;
  while (end > 0 && !inside_span (set, end - 1) &&
         spanmark_text_is_white_space (g_utf8_get_char (text + spanmark_text_index_char_to_byte (index, end - 1))))
    end--;

  for (start = end; start > 0 && !ends_run (set, index, text, start - 1); start--)
    if (end - start == SPANMARK_TITLE_MAX_LENGTH)
      return NULL;  /* a sentence, not a title */
  if (start == end)
    return NULL;

  run = g_strndup (text + spanmark_text_index_char_to_byte (index, start),
                   spanmark_text_index_char_to_byte (index, end) - spanmark_text_index_char_to_byte (index, start));
  if (!ends_with_title_word (run, (const char * const *) label->title_words))
    return NULL;

  if (span->entity != NULL)
    entity = spanmark_annotation_set_lookup_entity (set, span->entity);
  if (entity != NULL && g_strcmp0 (g_hash_table_lookup (entity->attrs, SPANMARK_TITLE_ATTRIBUTE), run) == 0)
    return NULL;

  self = g_new (SpanmarkTitleSuggestion, 1);
  self->start = start;
  self->end = end;
  self->title = g_steal_pointer (&run);
  return self;
}

gboolean
spanmark_title_suggestion_apply (const SpanmarkTitleSuggestion *self,
                                 SpanmarkAnnotationSet         *set,
                                 const char                    *span_id,
                                 GError                       **error)
{
  SpanmarkHistory *history;
  const SpanmarkSpan *span;
  g_autofree char *entity_id = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (set), FALSE);
  g_return_val_if_fail (span_id != NULL, FALSE);

  span = spanmark_annotation_set_lookup_span (set, span_id);
  if (span == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("there is no span “%s”"), span_id);
      return FALSE;
    }

  history = spanmark_annotation_set_get_history (set);
  spanmark_history_begin_group (history);
  if (span->entity != NULL && spanmark_annotation_set_lookup_entity (set, span->entity) != NULL)
    entity_id = g_strdup (span->entity);
  else
    {
      g_autofree char *label = g_strdup (span->label);
      g_autofree char *name = g_strdup (span->text);

      entity_id = g_strdup (spanmark_annotation_set_add_entity (set, label, name)->id);
      spanmark_annotation_set_set_span_entity (set, span_id, entity_id);
    }
  spanmark_annotation_set_set_entity_attr (set, entity_id, SPANMARK_TITLE_ATTRIBUTE, self->title);
  spanmark_history_end_group (history);

  return TRUE;
}
