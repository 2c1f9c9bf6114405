/* spanmark-suggestion.h — a span the matcher proposes, and accepting or rejecting it
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A suggestion is never a span until it is accepted: the window draws
 * it, spanmark_suggestion_apply() makes it one (one undo step, with its
 * entity and attributes), spanmark_suggestion_reject() records in the
 * annotator's set that it is not wanted, so it is not proposed again
 * (the file keeps it, "rejected" in docs/formats.md).
 */

#pragma once

#include <glib-object.h>

#include "spanmark-annotation-set.h"
#include "spanmark-dictionary-entry.h"

G_BEGIN_DECLS

/* [@start, @end) in code points of the document's text @text.  @entries
 * holds one entry for each label the text could have there (the most
 * counted entry of that label; labels the annotator rejected at this
 * place left out), most counted first: @entries[0] is the proposal, and
 * with two or more the suggestion is a tie, which nothing accepts
 * without being told the label. */
typedef struct
{
  guint      start;
  guint      end;
  char      *text;
  GPtrArray *entries;  /* of SpanmarkDictionaryEntry, at least one */
} SpanmarkSuggestion;

#define SPANMARK_TYPE_SUGGESTION (spanmark_suggestion_get_type ())

GType               spanmark_suggestion_get_type  (void) G_GNUC_CONST;
/* Takes @entries (not empty). */
SpanmarkSuggestion *spanmark_suggestion_new       (guint                     start,
                                                   guint                     end,
                                                   const char               *text,
                                                   GPtrArray                *entries);
SpanmarkSuggestion *spanmark_suggestion_copy      (const SpanmarkSuggestion *self);
void                spanmark_suggestion_free      (SpanmarkSuggestion       *self);
/* The proposed label: @entries[0]'s. */
const char         *spanmark_suggestion_get_label (const SpanmarkSuggestion *self);
/* Where the proposal comes from: "corpus" or "dict:FILE". */
const char         *spanmark_suggestion_get_source (const SpanmarkSuggestion *self);
/* Whether it has entries of two labels or more. */
gboolean            spanmark_suggestion_is_tie    (const SpanmarkSuggestion *self);
/* The entry of @label, or NULL. */
const SpanmarkDictionaryEntry *spanmark_suggestion_lookup_entry (const SpanmarkSuggestion *self,
                                                                 const char               *label);

/* In @suggestions (text order, not overlapping, as
 * spanmark_suggester_suggest() gives them), by bisection: the one that
 * holds @offset (start <= offset < end; the caret's, for Return), the
 * first that starts after @offset and the last that starts before it
 * (N and Shift+N); NULL when there is none. */
const SpanmarkSuggestion *spanmark_suggestion_find_at   (GPtrArray *suggestions,
                                                         guint      offset);
const SpanmarkSuggestion *spanmark_suggestion_find_next (GPtrArray *suggestions,
                                                         guint      offset);
const SpanmarkSuggestion *spanmark_suggestion_find_prev (GPtrArray *suggestions,
                                                         guint      offset);

/* Accepts @self in @set as @label (NULL: the proposed label, refused
 * with G_IO_ERROR_INVALID_ARGUMENT for a tie): adds the span, its
 * attributes and, when the entry names an entity, links it to the
 * set's entity of that label and name (made, with the entry's
 * attributes, when there is none), all in one undo step.  With
 * @mark_pretag the span is marked as added from the entry's source
 * (spanmark-cli pretag), to be reviewed.  Returns the new span. */
const SpanmarkSpan *spanmark_suggestion_apply     (const SpanmarkSuggestion *self,
                                                   SpanmarkAnnotationSet    *set,
                                                   const char               *label,
                                                   gboolean                  mark_pretag,
                                                   GError                  **error);
/* Accepts, in one undo step, every suggestion of @suggestions (in text
 * order, as spanmark_suggester_suggest() gives them) whose text is @text
 * (NULL: all of them), leaving out ties and any that overlap a span made
 * before it.  Returns how many became spans. */
guint               spanmark_suggestion_apply_all (GPtrArray                *suggestions,
                                                   SpanmarkAnnotationSet    *set,
                                                   const char               *text,
                                                   gboolean                  mark_pretag);
/* Rejects @self in @set: every label it proposes there becomes a
 * rejection of the set (one undo step). */
gboolean            spanmark_suggestion_reject    (const SpanmarkSuggestion *self,
                                                   SpanmarkAnnotationSet    *set,
                                                   GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkSuggestion, spanmark_suggestion_free)

G_END_DECLS
