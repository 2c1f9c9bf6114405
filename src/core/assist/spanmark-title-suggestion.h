/* spanmark-title-suggestion.h — the title written before an official's name
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 浙江省委书记车俊, 重庆市委书记陈敏尔, 市长唐良智: when a mention follows
 * a title, the title is suggested as the "title" attribute of the
 * mention's entity.  The rule knows no language: the text run before the
 * mention (white space just before it skipped), back to the previous
 * punctuation, white space or span, is a title when it ends with one of
 * the title words of the mention's label (SpanmarkLabel.title_words, from
 * spanmark.json: 书记, 市长, 省长 … or Mayor, Secretary).
 */

#pragma once

#include <glib-object.h>

#include "spanmark-annotation-set.h"
#include "spanmark-label.h"

G_BEGIN_DECLS

/* The longest title looked for, in code points: a run without
 * punctuation longer than this is a sentence, not a title. */
#define SPANMARK_TITLE_MAX_LENGTH 24

/* The attribute a title goes to. */
#define SPANMARK_TITLE_ATTRIBUTE "title"

/* [@start, @end) of the document holds @title. */
typedef struct
{
  guint  start;
  guint  end;
  char  *title;
} SpanmarkTitleSuggestion;

#define SPANMARK_TYPE_TITLE_SUGGESTION (spanmark_title_suggestion_get_type ())

GType                    spanmark_title_suggestion_get_type (void) G_GNUC_CONST;
SpanmarkTitleSuggestion *spanmark_title_suggestion_copy     (const SpanmarkTitleSuggestion *self);
void                     spanmark_title_suggestion_free     (SpanmarkTitleSuggestion       *self);
/* The title before the span @span_id of @set by the rule above, with
 * @label's title words, or NULL (none, or the entity has that title
 * already). */
SpanmarkTitleSuggestion *spanmark_title_suggestion_find     (SpanmarkAnnotationSet         *set,
                                                             const SpanmarkLabel           *label,
                                                             const char                    *span_id) G_GNUC_WARN_UNUSED_RESULT;
/* Sets the title as the "title" attribute of the entity of @span_id
 * (made, named by the span's text, when it has none) — one undo step. */
gboolean                 spanmark_title_suggestion_apply    (const SpanmarkTitleSuggestion *self,
                                                             SpanmarkAnnotationSet         *set,
                                                             const char                    *span_id,
                                                             GError                       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkTitleSuggestion, spanmark_title_suggestion_free)

G_END_DECLS
