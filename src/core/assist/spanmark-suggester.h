/* spanmark-suggester.h — where suggestions come from, and the suggestions for a document
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One matcher (spanmark-matcher.h) fed by every source: dictionary files
 * (spanmark-dictionary.h) and the corpus, that is every span any
 * annotator has made (spans still marked pretag are not the annotator's
 * yet and do not count, nor do spans longer than a dictionary text may
 * be, SPANMARK_DICTIONARY_MAX_TEXT_LENGTH), with its label, its entity's
 * name and attributes and its own attributes.  Each annotation set counts under
 * its annotator and document: adding the same one again replaces what it
 * counted, so a window adds every file of the project once and then the
 * open document's set with @follow, whose edits then count as they are
 * made (at the next spanmark_suggester_suggest()).
 *
 * A document's suggestions are the leftmost-longest matches that overlap
 * no span of the document's set and that the set has not rejected with
 * every label they could have.  A search is one pass of the automaton
 * over the text, so a window can ask again after every edit.
 */

#pragma once

#include <glib-object.h>

#include "spanmark-annotation-set.h"
#include "spanmark-dictionary.h"
#include "spanmark-matcher.h"
#include "spanmark-project.h"
#include "spanmark-registry.h"
#include "spanmark-suggestion.h"

G_BEGIN_DECLS

/* What a search left out (spanmark_suggester_suggest()): leftmost-longest
 * matches of the unfiltered search that overlap a span of the set, and
 * those the set rejected with every label. */
typedef struct
{
  guint n_tagged;
  guint n_rejected;
} SpanmarkSuggestCounts;

#define SPANMARK_TYPE_SUGGESTER (spanmark_suggester_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkSuggester, spanmark_suggester, SPANMARK, SUGGESTER, GObject)

SpanmarkSuggester *spanmark_suggester_new               (void);
SpanmarkMatcher   *spanmark_suggester_get_matcher       (SpanmarkSuggester     *self);
/* Adds every entry of @dictionary (replacing an earlier dictionary of the
 * same source). */
void               spanmark_suggester_add_dictionary    (SpanmarkSuggester     *self,
                                                         SpanmarkDictionary    *dictionary);
void               spanmark_suggester_remove_dictionary (SpanmarkSuggester     *self,
                                                         const char            *source);
/* Counts the spans of @set for the corpus, in place of what its
 * annotator and document counted before.  With @follow the set is kept
 * (a reference) and its changes count too, until it is added again
 * without @follow or removed. */
void               spanmark_suggester_add_set           (SpanmarkSuggester     *self,
                                                         SpanmarkAnnotationSet *set,
                                                         gboolean               follow);
void               spanmark_suggester_remove_set        (SpanmarkSuggester     *self,
                                                         const char            *annotator,
                                                         const char            *document_id);
/* What the set of @annotator and @document_id counts now (a followed
 * set's edits counted first): a new array of references to the entries
 * themselves, or NULL when it counts nothing.  Entries are immutable and
 * their references atomic, so the array may go to another thread. */
GPtrArray         *spanmark_suggester_dup_counted       (SpanmarkSuggester     *self,
                                                         const char            *annotator,
                                                         const char            *document_id) G_GNUC_WARN_UNUSED_RESULT;
/* Counts @entries (as spanmark_suggester_dup_counted() gave them) for the
 * set of @annotator and @document_id, in place of what it counted, not
 * followed: a corpus read elsewhere takes the open set's entries without
 * loading its file again. */
void               spanmark_suggester_add_counted       (SpanmarkSuggester     *self,
                                                         const char            *annotator,
                                                         const char            *document_id,
                                                         GPtrArray             *entries);
/* spanmark_suggester_add_set (@self, @set, TRUE), taking what @from,
 * which follows @set, counts for it (the same entries, nothing made
 * again; when they are what @self counts already, the matcher does not
 * change).  @from is left as it is.  When @from does not follow @set, the
 * same as spanmark_suggester_add_set(). */
void               spanmark_suggester_follow_as         (SpanmarkSuggester     *self,
                                                         SpanmarkAnnotationSet *set,
                                                         SpanmarkSuggester     *from);
/* Adds every annotation file of @project (every annotator's, the curated
 * versions' too) as spanmark_suggester_add_set() without @follow: the
 * corpus.  A file that does not load adds nothing and its error goes to
 * @problems (GPtrArray of GError).  Returns the number of files added. */
guint              spanmark_suggester_add_project       (SpanmarkSuggester     *self,
                                                         SpanmarkProject       *project,
                                                         GPtrArray             *problems);
/* The suggestions for @set's document, in text order: a GPtrArray of
 * SpanmarkSuggestion.  With @counts, also what was left out (a second
 * pass). */
GPtrArray         *spanmark_suggester_suggest           (SpanmarkSuggester     *self,
                                                         SpanmarkAnnotationSet *set,
                                                         SpanmarkSuggestCounts *counts) G_GNUC_WARN_UNUSED_RESULT;
/* A search of a set's text made away from the set (in another thread):
 * spanmark_suggest_request_new() takes what the search needs of @set
 * (its text and its spans; NULL when the set has rejections, which the
 * search looks up in the set); spanmark_suggester_search_request()
 * searches, wherever @self is used; spanmark_suggester_take_request()
 * gives the suggestions, as spanmark_suggester_suggest (@self, @set, NULL)
 * would now, or NULL when that might differ (@self's matcher or @set's
 * spans changed since) — then search again. */
typedef struct _SpanmarkSuggestRequest SpanmarkSuggestRequest;

SpanmarkSuggestRequest *spanmark_suggest_request_new     (SpanmarkAnnotationSet  *set);
void               spanmark_suggest_request_free        (SpanmarkSuggestRequest *request);
void               spanmark_suggester_search_request    (SpanmarkSuggester      *self,
                                                         SpanmarkSuggestRequest *request);
GPtrArray         *spanmark_suggester_take_request      (SpanmarkSuggester      *self,
                                                         SpanmarkAnnotationSet  *set,
                                                         SpanmarkSuggestRequest *request) G_GNUC_WARN_UNUSED_RESULT;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkSuggestRequest, spanmark_suggest_request_free)

/* Whether anything a search uses changed since the last suggest(): a
 * window keeps its list until then. */
guint              spanmark_suggester_get_generation    (SpanmarkSuggester     *self);

/* The name of the dictionary made of the registry. */
#define SPANMARK_SUGGESTER_REGISTRY_SOURCE "entities.jsonl"

/* Every name and alias of @registry's entities, as a dictionary of
 * patterns with their entity's label (replacing the registry's earlier
 * one): untagged occurrences are suggested.  With @schema, the entities
 * of a label the schema lacks are left out. */
void               spanmark_suggester_add_registry      (SpanmarkSuggester     *self,
                                                         SpanmarkRegistry      *registry,
                                                         SpanmarkSchema        *schema);

G_END_DECLS
