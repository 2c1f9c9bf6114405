/* spanmark-matcher.h — every dictionary text found in a document at once
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One Aho–Corasick automaton over code points for all the entries of all
 * sources (dictionary files, the corpus).  Matching is exact and
 * case-sensitive, with no word boundaries (Chinese has none), so 车俊 is
 * found inside 浙江省委书记车俊; only a user-perceived character is never
 * cut in two (spanmark_text_continues_cluster()).  A search reports the
 * leftmost-longest matches that do not overlap: from left to right, at
 * the first place where some text starts, the longest text starting
 * there, then on after its end.
 *
 * Entries with the same text share one term, which counts how often each
 * was added (the corpus adds one per span): a term with entries of two
 * labels is a tie, and the matcher reports both, never one of them.
 *
 * The automaton is built on the first search after texts were added
 * (O(total length of the texts)); removing entries, or adding entries to
 * a text it has, needs no rebuild.  Each node's edges are a sorted array
 * of code points searched by bisection, so a CJK alphabet of thousands
 * of characters costs a few comparisons per character.
 */

#pragma once

#include <glib-object.h>

#include "spanmark-dictionary-entry.h"

G_BEGIN_DECLS

/* The entries of one text.  Borrowed from the matcher: valid until the
 * matcher next changes. */
typedef struct _SpanmarkMatcherTerm SpanmarkMatcherTerm;

const char                    *spanmark_matcher_term_get_text      (const SpanmarkMatcherTerm *term);
/* Entries in order of count (most often added first), then of first
 * addition. */
guint                          spanmark_matcher_term_get_n_entries (const SpanmarkMatcherTerm *term);
const SpanmarkDictionaryEntry *spanmark_matcher_term_get_entry     (const SpanmarkMatcherTerm *term,
                                                                    guint                      index);
guint                          spanmark_matcher_term_get_count     (const SpanmarkMatcherTerm *term,
                                                                    guint                      index);
/* Whether the entries have two labels or more. */
gboolean                       spanmark_matcher_term_is_tie        (const SpanmarkMatcherTerm *term);

/* One match: code points, end-exclusive. */
typedef struct
{
  guint                      start;
  guint                      end;
  const SpanmarkMatcherTerm *term;
} SpanmarkMatch;

/* Whether the match [@start, @end) of @term may be taken (a search then
 * takes the longest such match at each start). */
typedef gboolean (*SpanmarkMatchFilter) (guint                      start,
                                         guint                      end,
                                         const SpanmarkMatcherTerm *term,
                                         gpointer                   user_data);

#define SPANMARK_TYPE_MATCHER (spanmark_matcher_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkMatcher, spanmark_matcher, SPANMARK, MATCHER, GObject)

SpanmarkMatcher *spanmark_matcher_new             (void);
/* Adds @entry (a reference is taken); the same entry again (equal by
 * spanmark_dictionary_entry_equal()) only counts once more. */
void             spanmark_matcher_add             (SpanmarkMatcher               *self,
                                                   SpanmarkDictionaryEntry       *entry);
/* Counts one addition of an entry equal to @entry less, and drops it at
 * zero.  FALSE if there is no such entry. */
gboolean         spanmark_matcher_remove          (SpanmarkMatcher               *self,
                                                   const SpanmarkDictionaryEntry *entry);
/* Drops every entry of @source. */
void             spanmark_matcher_remove_source   (SpanmarkMatcher               *self,
                                                   const char                    *source);
/* Texts with at least one entry; distinct entries. */
guint            spanmark_matcher_get_n_terms     (SpanmarkMatcher               *self);
guint            spanmark_matcher_get_n_entries   (SpanmarkMatcher               *self);
/* The term of @text, or NULL. */
const SpanmarkMatcherTerm *spanmark_matcher_lookup (SpanmarkMatcher              *self,
                                                    const char                   *text);
/* Increases whenever an entry is added or removed: a window compares it
 * to know its suggestions are stale. */
guint            spanmark_matcher_get_generation  (SpanmarkMatcher               *self);

/* The leftmost-longest, non-overlapping matches in @text (@len bytes of
 * valid UTF-8, all of it when negative) that @filter takes (all when
 * NULL), in order: a GArray of SpanmarkMatch.  @filter is asked about
 * every text found where it keeps the characters whole, in the order of
 * their ends; the search keeps only what it takes.  The automaton is
 * (re)built first when texts were added, even for an empty @text. */
GArray          *spanmark_matcher_find            (SpanmarkMatcher               *self,
                                                   const char                    *text,
                                                   gssize                         len,
                                                   SpanmarkMatchFilter            filter,
                                                   gpointer                       user_data) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
