/* test-suggestions.c — suggestions from the corpus and dictionaries,
 * accepting and rejecting them, titles of officials
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spanmark-history.h"
#include "spanmark-inconsistency.h"
#include "spanmark-suggester.h"
#include "spanmark-test-util.h"
#include "spanmark-title-suggestion.h"

/* "start-end:LABEL:text" for each suggestion, ties as "LABEL|LABEL". */
static char *
describe (GPtrArray *suggestions)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < suggestions->len; i++)
    {
      const SpanmarkSuggestion *s = g_ptr_array_index (suggestions, i);

      g_string_append_printf (out, "%s%u-%u:", i > 0 ? " " : "", s->start, s->end);
      for (guint j = 0; j < s->entries->len; j++)
        g_string_append_printf (out, "%s%s", j > 0 ? "|" : "",
                                ((SpanmarkDictionaryEntry *) g_ptr_array_index (s->entries, j))->label);
      g_string_append_printf (out, ":%s", s->text);
    }
  return g_string_free (out, FALSE);
}

static void
assert_suggestions (SpanmarkSuggester     *suggester,
                    SpanmarkAnnotationSet *set,
                    const char            *expected)
{
  g_autoptr(GPtrArray) suggestions = spanmark_suggester_suggest (suggester, set, NULL);
  g_autofree char *got = describe (suggestions);

  g_assert_cmpstr (got, ==, expected);
}

static SpanmarkDictionary *
dictionary (const char *name,
            const char *data)
{
  return spanmark_dictionary_new_from_data (name, data, strlen (data), NULL);
}

/* Document 1 of alice: 车俊 tagged, as a mention of the official 车俊. */
static SpanmarkAnnotationSet *
first_document (void)
{
  SpanmarkAnnotationSet *set = spanmark_annotation_set_new ("d1", "alice", "浙江省委书记车俊在涪陵区。");
  const SpanmarkSpan *span = spanmark_test_add_span (set, 6, 8, "OFFICIAL");
  g_autofree char *span_id = g_strdup (span->id);
  const SpanmarkEntity *entity = spanmark_annotation_set_add_entity (set, "OFFICIAL", "车俊");
  g_autofree char *entity_id = g_strdup (entity->id);

  spanmark_annotation_set_set_entity_attr (set, entity_id, "title", "浙江省委书记");
  spanmark_annotation_set_set_span_entity (set, span_id, entity_id);
  spanmark_test_add_span (set, 9, 12, "PLACE");
  return set;
}

static void
test_corpus (void)
{
  g_autoptr(SpanmarkSuggester) suggester = spanmark_suggester_new ();
  g_autoptr(SpanmarkAnnotationSet) d1 = first_document ();
  g_autoptr(SpanmarkAnnotationSet) d2 = spanmark_annotation_set_new ("d2", "bob", "车俊说：车俊到涪陵区了。涪陵");
  g_autoptr(GPtrArray) suggestions = NULL;
  const SpanmarkSuggestion *first;
  const SpanmarkSpan *span;
  const SpanmarkEntity *entity;
  SpanmarkSuggestCounts counts;

  spanmark_suggester_add_set (suggester, d1, FALSE);
  /* What alice tagged in d1 is suggested wherever it is untagged, in d1
   * itself too (nothing is untagged there). */
  assert_suggestions (suggester, d2, "0-2:OFFICIAL:车俊 4-6:OFFICIAL:车俊 7-10:PLACE:涪陵区");
  assert_suggestions (suggester, d1, "");

  /* A span of the set hides what overlaps it. */
  spanmark_test_add_span (d2, 8, 10, "PLACE");
  suggestions = spanmark_suggester_suggest (suggester, d2, &counts);
  g_assert_cmpuint (suggestions->len, ==, 2);
  g_assert_cmpuint (counts.n_tagged, ==, 1);
  g_assert_cmpuint (counts.n_rejected, ==, 0);

  /* Accepting links the span to an entity like the corpus one, made
   * with its attributes, in one undo step. */
  first = g_ptr_array_index (suggestions, 0);
  g_assert_cmpstr (spanmark_suggestion_get_label (first), ==, "OFFICIAL");
  g_assert_cmpstr (spanmark_suggestion_get_source (first), ==, "corpus");
  g_assert_false (spanmark_suggestion_is_tie (first));
  span = spanmark_suggestion_apply (first, d2, NULL, FALSE, NULL);
  g_assert_nonnull (span);
  g_assert_cmpuint (span->start, ==, 0);
  g_assert_null (span->pretag);
  entity = spanmark_annotation_set_lookup_entity (d2, span->entity);
  g_assert_cmpstr (entity->name, ==, "车俊");
  g_assert_cmpstr (g_hash_table_lookup (entity->attrs, "title"), ==, "浙江省委书记");
  g_assert_true (spanmark_history_undo (spanmark_annotation_set_get_history (d2)));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (d2), ==, 1);
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (d2), ==, 0);

  /* Accepting all of one text: both 车俊, one step, one entity. */
  g_assert_cmpuint (spanmark_suggestion_apply_all (suggestions, d2, "车俊", FALSE), ==, 2);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (d2), ==, 3);
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (d2), ==, 1);
  g_assert_true (spanmark_history_undo (spanmark_annotation_set_get_history (d2)));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (d2), ==, 1);

  /* Marked as pretag, a span says where it came from. */
  span = spanmark_suggestion_apply (first, d2, NULL, TRUE, NULL);
  g_assert_cmpstr (span->pretag, ==, "corpus");
}

static void
test_reject (void)
{
  g_autoptr(SpanmarkSuggester) suggester = spanmark_suggester_new ();
  g_autoptr(SpanmarkDictionary) places = dictionary ("p.tsv", "浙江省\tPLACE\n浙江\tPLACE\n");
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "alice", "浙江省的浙江省");
  g_autoptr(GPtrArray) suggestions = NULL;
  SpanmarkSuggestCounts counts;

  spanmark_suggester_add_dictionary (suggester, places);
  suggestions = spanmark_suggester_suggest (suggester, set, NULL);
  g_assert_cmpuint (suggestions->len, ==, 2);

  /* A rejected suggestion does not come back; what it hid (the shorter
   * 浙江) is suggested in its place; undo brings it back. */
  g_assert_true (spanmark_suggestion_reject (g_ptr_array_index (suggestions, 0), set, NULL));
  g_assert_true (spanmark_annotation_set_is_rejected (set, 0, 3, "PLACE"));
  g_clear_pointer (&suggestions, g_ptr_array_unref);
  suggestions = spanmark_suggester_suggest (suggester, set, &counts);
  {
    g_autofree char *got = describe (suggestions);

    g_assert_cmpstr (got, ==, "0-2:PLACE:浙江 4-7:PLACE:浙江省");
  }
  g_assert_cmpuint (counts.n_rejected, ==, 1);
  g_assert_cmpuint (counts.n_tagged, ==, 0);
  g_assert_true (spanmark_history_undo (spanmark_annotation_set_get_history (set)));
  assert_suggestions (suggester, set, "0-3:PLACE:浙江省 4-7:PLACE:浙江省");

  /* Rejecting it again after a stale list is no failure. */
  g_assert_true (spanmark_suggestion_reject (g_ptr_array_index (suggestions, 1), set, NULL));
  g_assert_true (spanmark_suggestion_reject (g_ptr_array_index (suggestions, 1), set, NULL));
}

static void
test_tie (void)
{
  g_autoptr(SpanmarkSuggester) suggester = spanmark_suggester_new ();
  g_autoptr(SpanmarkDictionary) a = dictionary ("a.tsv", "涪陵\tPLACE\n");
  g_autoptr(SpanmarkDictionary) b = dictionary ("b.jsonl", "{\"label\": \"OFFICIAL\", \"pattern\": \"涪陵\"}\n"
                                                           "{\"label\": \"OFFICIAL\", \"pattern\": \"涪陵\"}\n");
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "alice", "涪陵，涪陵");
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  const SpanmarkSuggestion *tie;

  spanmark_suggester_add_dictionary (suggester, a);
  spanmark_suggester_add_dictionary (suggester, b);
  /* Two labels: both are offered, the most counted first; nothing takes
   * one without being told which. */
  suggestions = spanmark_suggester_suggest (suggester, set, NULL);
  tie = g_ptr_array_index (suggestions, 0);
  g_assert_true (spanmark_suggestion_is_tie (tie));
  {
    g_autofree char *got = describe (suggestions);

    g_assert_cmpstr (got, ==, "0-2:OFFICIAL|PLACE:涪陵 3-5:OFFICIAL|PLACE:涪陵");
  }
  g_assert_null (spanmark_suggestion_apply (tie, set, NULL, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (spanmark_suggestion_apply (tie, set, "INITIATIVE", FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (spanmark_suggestion_apply_all (suggestions, set, NULL, FALSE), ==, 0);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 0);
  g_assert_cmpstr (spanmark_suggestion_apply (tie, set, "PLACE", FALSE, NULL)->label, ==, "PLACE");

  /* Rejecting one label of the second leaves the other, no tie. */
  g_assert_true (spanmark_annotation_set_add_rejection (set, 3, 5, "OFFICIAL", NULL));
  assert_suggestions (suggester, set, "3-5:PLACE:涪陵");

  /* A dictionary goes as a whole. */
  spanmark_suggester_remove_dictionary (suggester, spanmark_dictionary_get_source (a));
  assert_suggestions (suggester, set, "");
}

static void
test_follow (void)
{
  g_autoptr(SpanmarkSuggester) suggester = spanmark_suggester_new ();
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "alice", "唐良智和唐良智");
  g_autoptr(SpanmarkAnnotationSet) snapshot = NULL;
  g_autoptr(SpanmarkAnnotationSet) other = spanmark_annotation_set_new ("e", "bob", "唐良智");
  const SpanmarkSpan *span;
  g_autofree char *span_id = NULL;
  guint generation;

  spanmark_suggester_add_set (suggester, set, TRUE);
  assert_suggestions (suggester, other, "");

  /* Tagging in the followed set counts at the next search. */
  generation = spanmark_suggester_get_generation (suggester);
  span = spanmark_test_add_span (set, 0, 3, "OFFICIAL");
  span_id = g_strdup (span->id);
  g_assert_cmpuint (spanmark_suggester_get_generation (suggester), >, generation);
  assert_suggestions (suggester, set, "4-7:OFFICIAL:唐良智");
  assert_suggestions (suggester, other, "0-3:OFFICIAL:唐良智");

  /* A pretag span is not the annotator's yet: it does not count. */
  spanmark_annotation_set_set_span_pretag (set, span_id, "dict:x.tsv");
  assert_suggestions (suggester, other, "");
  spanmark_annotation_set_set_span_pretag (set, span_id, NULL);
  assert_suggestions (suggester, other, "0-3:OFFICIAL:唐良智");

  /* Nor does a span longer than a dictionary text may be. */
  {
    g_autoptr(GString) text = g_string_new ("唐良智");
    g_autoptr(SpanmarkAnnotationSet) long_set = NULL;
    g_autoptr(SpanmarkAnnotationSet) long_other = NULL;
    g_autofree char *expected = NULL;
    g_autofree char *too_long = NULL;

    for (guint i = 0; i < SPANMARK_DICTIONARY_MAX_TEXT_LENGTH; i++)
      g_string_append_c (text, 'x');
    long_set = spanmark_annotation_set_new ("long", "alice", text->str);
    long_other = spanmark_annotation_set_new ("long2", "bob", text->str);
    spanmark_test_add_span (long_set, 0, SPANMARK_DICTIONARY_MAX_TEXT_LENGTH + 1, "PLACE");
    spanmark_test_add_span (long_set, 0, SPANMARK_DICTIONARY_MAX_TEXT_LENGTH, "PLACE");
    spanmark_suggester_add_set (suggester, long_set, FALSE);
    /* (The longest is 1,000 code points: the three ideographs and 997 x.) */
    expected = g_strdup_printf ("0-%u:PLACE:%.*s", SPANMARK_DICTIONARY_MAX_TEXT_LENGTH,
                                (int) strlen ("唐良智") + SPANMARK_DICTIONARY_MAX_TEXT_LENGTH - 3, text->str);
    assert_suggestions (suggester, long_other, expected);
    too_long = g_strndup (text->str, strlen ("唐良智") + SPANMARK_DICTIONARY_MAX_TEXT_LENGTH - 2);
    g_assert_null (spanmark_matcher_lookup (spanmark_suggester_get_matcher (suggester), too_long));
    spanmark_suggester_remove_set (suggester, "alice", "long");
  }

  /* The same annotator and document again replaces what it counted: a
   * snapshot without the span, then not followed any more. */
  snapshot = spanmark_annotation_set_new ("d", "alice", "唐良智和唐良智");
  spanmark_suggester_add_set (suggester, snapshot, FALSE);
  assert_suggestions (suggester, other, "");
  spanmark_test_add_span (set, 4, 7, "OFFICIAL");
  assert_suggestions (suggester, other, "");
  spanmark_suggester_add_set (suggester, set, FALSE);
  assert_suggestions (suggester, other, "0-3:OFFICIAL:唐良智");
  g_assert_cmpuint (spanmark_matcher_term_get_count (spanmark_matcher_lookup (spanmark_suggester_get_matcher (suggester),
                                                                               "唐良智"), 0), ==, 2);
  spanmark_suggester_remove_set (suggester, "alice", "d");
  assert_suggestions (suggester, other, "");
  g_assert_cmpuint (spanmark_matcher_get_n_entries (spanmark_suggester_get_matcher (suggester)), ==, 0);
}

static void
test_navigation (void)
{
  g_autoptr(SpanmarkSuggester) suggester = spanmark_suggester_new ();
  g_autoptr(SpanmarkDictionary) places = dictionary ("p.tsv", "涪陵\tPLACE\n果园港\tPLACE\n");
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "alice", "涪陵和果园港，涪陵");
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  static const struct {
    guint offset;
    int at, next, prev;  /* the start of the one found, -1 for none */
  } cases[] = {
    { 0, 0, 3, -1 },
    { 1, 0, 3, 0 },
    { 2, -1, 3, 0 },
    { 3, 3, 7, 0 },
    { 5, 3, 7, 3 },
    { 6, -1, 7, 3 },
    { 7, 7, -1, 3 },
    { 8, 7, -1, 7 },
    { 9, -1, -1, 7 },
  };

  spanmark_suggester_add_dictionary (suggester, places);
  suggestions = spanmark_suggester_suggest (suggester, set, NULL);
  g_assert_cmpuint (suggestions->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const SpanmarkSuggestion *at = spanmark_suggestion_find_at (suggestions, cases[i].offset);
      const SpanmarkSuggestion *next = spanmark_suggestion_find_next (suggestions, cases[i].offset);
      const SpanmarkSuggestion *prev = spanmark_suggestion_find_prev (suggestions, cases[i].offset);

      g_test_message ("offset %u", cases[i].offset);
      g_assert_cmpint (at != NULL ? (int) at->start : -1, ==, cases[i].at);
      g_assert_cmpint (next != NULL ? (int) next->start : -1, ==, cases[i].next);
      g_assert_cmpint (prev != NULL ? (int) prev->start : -1, ==, cases[i].prev);
    }
  g_assert_null (spanmark_suggestion_find_at (none, 0));
  g_assert_null (spanmark_suggestion_find_next (none, 0));
  g_assert_null (spanmark_suggestion_find_prev (none, 5));
}

static SpanmarkLabel *
official (const char * const *words)
{
  const char *attrs[] = { "title", "region", NULL };
  SpanmarkLabel *label = spanmark_label_new ("OFFICIAL", "Officials", "#3584e4", "1", attrs);

  spanmark_label_set_title_words (label, words);
  return label;
}

/* The title found before the span [start, end) of @text, or NULL. */
static char *
title_before (const char *text,
              guint       start,
              guint       end,
              int         place_start,
              int         place_end)
{
  const char *words[] = { "书记", "市长", "Mayor", NULL };
  g_autoptr(SpanmarkLabel) label = official (words);
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "alice", text);
  g_autoptr(SpanmarkTitleSuggestion) title = NULL;
  const SpanmarkSpan *span = spanmark_test_add_span (set, start, end, "OFFICIAL");
  g_autofree char *span_id = g_strdup (span->id);

  if (place_start >= 0)
    spanmark_test_add_span (set, (guint) place_start, (guint) place_end, "PLACE");
  title = spanmark_title_suggestion_find (set, label, span_id);
  return title != NULL ? g_strdup_printf ("%u-%u:%s", title->start, title->end, title->title) : NULL;
}

static void
test_titles (void)
{
  static const struct {
    const char *text;
    guint start, end;
    int place_start, place_end;
    const char *expected;
  } cases[] = {
    { "浙江省委书记车俊说", 6, 8, -1, -1, "0-6:浙江省委书记" },
    { "据悉，重庆市委书记陈敏尔", 9, 12, -1, -1, "3-9:重庆市委书记" },
    /* Back to the previous span only. */
    { "重庆市委书记陈敏尔", 6, 9, 0, 2, "2-6:市委书记" },
    { "，市长唐良智", 3, 6, -1, -1, "1-3:市长" },
    /* White space before the name is skipped, not before the title. */
    { "said Mayor Tang", 11, 15, -1, -1, "5-10:Mayor" },
    /* No title word at the end of the run: no title. */
    { "浙江省委车俊", 4, 6, -1, -1, NULL },
    { "车俊", 0, 2, -1, -1, NULL },
    { "书记员车俊", 3, 5, -1, -1, NULL },
    /* A run longer than a title is a sentence. */
    { "一二三四五六七八九十一二三四五六七八九十一二三四五市长唐良智", 27, 30, -1, -1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = title_before (cases[i].text, cases[i].start, cases[i].end,
                                           cases[i].place_start, cases[i].place_end);

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_title_apply (void)
{
  const char *words[] = { "书记", NULL };
  const char *none[] = { NULL };
  g_autoptr(SpanmarkLabel) label = official (words);
  g_autoptr(SpanmarkLabel) without = official (none);
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "alice", "浙江省委书记车俊");
  g_autoptr(SpanmarkTitleSuggestion) title = NULL;
  g_autoptr(SpanmarkTitleSuggestion) again = NULL;
  g_autofree char *span_id = g_strdup (spanmark_test_add_span (set, 6, 8, "OFFICIAL")->id);
  const SpanmarkSpan *span;
  const SpanmarkEntity *entity;

  g_assert_null (spanmark_title_suggestion_find (set, without, span_id));
  title = spanmark_title_suggestion_find (set, label, span_id);
  g_assert_nonnull (title);

  /* The span had no entity: one is made, named by the span, with the
   * title — one undo step. */
  g_assert_true (spanmark_title_suggestion_apply (title, set, span_id, NULL));
  span = spanmark_annotation_set_lookup_span (set, span_id);
  entity = spanmark_annotation_set_lookup_entity (set, span->entity);
  g_assert_cmpstr (entity->name, ==, "车俊");
  g_assert_cmpstr (g_hash_table_lookup (entity->attrs, "title"), ==, "浙江省委书记");
  /* Once it has the title, it is not suggested again. */
  again = spanmark_title_suggestion_find (set, label, span_id);
  g_assert_null (again);
  g_assert_true (spanmark_history_undo (spanmark_annotation_set_get_history (set)));
  g_assert_null (spanmark_annotation_set_lookup_span (set, span_id)->entity);
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (set), ==, 0);
  g_assert_false (spanmark_title_suggestion_apply (title, set, "s999", NULL));
}

/* What a window does when the pass over the corpus is in: the pass
 * counted the open set with the window's own entries, and the new
 * suggester follows the set with them, nothing made again; edits after
 * that still count. */
static void
test_follow_as (void)
{
  g_autoptr(SpanmarkSuggester) window = spanmark_suggester_new ();
  g_autoptr(SpanmarkSuggester) pass = spanmark_suggester_new ();
  g_autoptr(SpanmarkAnnotationSet) d1 = first_document ();
  g_autoptr(SpanmarkAnnotationSet) d2 = spanmark_annotation_set_new ("d2", "bob", "车俊说：车俊到涪陵区了。浙江");
  g_autoptr(GPtrArray) counted = NULL;
  const SpanmarkDictionaryEntry *before;

  g_assert_null (spanmark_suggester_dup_counted (window, "alice", "d1"));
  spanmark_suggester_add_set (window, d1, TRUE);
  counted = spanmark_suggester_dup_counted (window, "alice", "d1");
  g_assert_nonnull (counted);
  g_assert_cmpuint (counted->len, ==, 2);
  before = spanmark_matcher_term_get_entry (spanmark_matcher_lookup (spanmark_suggester_get_matcher (window), "车俊"), 0);

  spanmark_suggester_add_counted (pass, "alice", "d1", counted);
  assert_suggestions (pass, d2, "0-2:OFFICIAL:车俊 4-6:OFFICIAL:车俊 7-10:PLACE:涪陵区");
  spanmark_suggester_follow_as (pass, d1, window);
  assert_suggestions (pass, d2, "0-2:OFFICIAL:车俊 4-6:OFFICIAL:车俊 7-10:PLACE:涪陵区");
  /* The very entry the window made, with the entity's attribute. */
  g_assert_true (spanmark_matcher_term_get_entry (spanmark_matcher_lookup (spanmark_suggester_get_matcher (pass), "车俊"), 0)
                 == before);
  g_assert_cmpstr (g_hash_table_lookup (before->attrs, "title"), ==, "浙江省委书记");
  g_assert_cmpuint (spanmark_matcher_term_get_count (spanmark_matcher_lookup (spanmark_suggester_get_matcher (pass), "车俊"), 0), ==, 1);

  /* Followed: a new span counts at the next search. */
  spanmark_test_add_span (d1, 0, 2, "PLACE");
  assert_suggestions (pass, d2, "0-2:OFFICIAL:车俊 4-6:OFFICIAL:车俊 7-10:PLACE:涪陵区 12-14:PLACE:浙江");

  /* A set the other does not follow is counted afresh. */
  {
    g_autoptr(SpanmarkSuggester) other = spanmark_suggester_new ();
    g_autoptr(SpanmarkSuggester) fresh = spanmark_suggester_new ();

    spanmark_suggester_follow_as (fresh, d1, other);
    assert_suggestions (fresh, d2, "0-2:OFFICIAL:车俊 4-6:OFFICIAL:车俊 7-10:PLACE:涪陵区 12-14:PLACE:浙江");
  }
}

/* Corpus entries without attributes share one empty table; with them,
 * each has its own copy. */
static void
test_entry_attrs (void)
{
  g_autoptr(SpanmarkSuggester) suggester = spanmark_suggester_new ();
  g_autoptr(SpanmarkAnnotationSet) d1 = first_document ();
  SpanmarkMatcher *matcher = spanmark_suggester_get_matcher (suggester);
  const SpanmarkDictionaryEntry *official, *place, *initiative;

  spanmark_test_add_span (d1, 0, 2, "INITIATIVE");
  spanmark_suggester_add_set (suggester, d1, FALSE);
  official = spanmark_matcher_term_get_entry (spanmark_matcher_lookup (matcher, "车俊"), 0);
  place = spanmark_matcher_term_get_entry (spanmark_matcher_lookup (matcher, "涪陵区"), 0);
  initiative = spanmark_matcher_term_get_entry (spanmark_matcher_lookup (matcher, "浙江"), 0);
  g_assert_cmpuint (g_hash_table_size (official->attrs), ==, 1);
  g_assert_cmpuint (g_hash_table_size (place->attrs), ==, 0);
  g_assert_cmpuint (g_hash_table_size (place->span_attrs), ==, 0);
  g_assert_true (place->attrs == initiative->attrs);
  g_assert_true (place->span_attrs == official->span_attrs);
  g_assert_false (official->attrs == place->attrs);
  g_assert_cmpstr (g_hash_table_lookup (official->attrs, "title"), ==, "浙江省委书记");
}

/* The consistency list from suggestions already made is the list made
 * by searching again. */
static void
test_inconsistency_with_suggestions (void)
{
  g_autoptr(SpanmarkSuggester) suggester = spanmark_suggester_new ();
  g_autoptr(SpanmarkAnnotationSet) d1 = first_document ();
  g_autoptr(SpanmarkAnnotationSet) d2 = spanmark_annotation_set_new ("d2", "bob", "车俊说：车俊到涪陵区了。");
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) searched = NULL;
  g_autoptr(GPtrArray) reused = NULL;

  spanmark_test_add_span (d2, 4, 6, "PLACE");
  spanmark_suggester_add_set (suggester, d1, FALSE);
  spanmark_suggester_add_set (suggester, d2, TRUE);
  suggestions = spanmark_suggester_suggest (suggester, d2, NULL);
  searched = spanmark_inconsistency_find_in_set (suggester, d2);
  reused = spanmark_inconsistency_find_with_suggestions (suggester, d2, suggestions);
  /* 车俊 untagged at 0, tagged PLACE at 4 where alice says OFFICIAL,
   * 涪陵区 untagged at 7. */
  g_assert_cmpuint (searched->len, ==, 3);
  g_assert_cmpuint (reused->len, ==, searched->len);
  for (guint i = 0; i < searched->len; i++)
    {
      const SpanmarkInconsistency *a = g_ptr_array_index (searched, i), *b = g_ptr_array_index (reused, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpuint (a->start, ==, b->start);
      g_assert_cmpuint (a->end, ==, b->end);
      g_assert_cmpstr (a->label, ==, b->label);
      g_assert_cmpstrv (a->other_labels, b->other_labels);
    }
}

/* What overlaps a span is not suggested, whether the spans touch, nest
 * or stand alone; what only touches one is. */
static void
test_overlap (void)
{
  g_autoptr(SpanmarkSuggester) suggester = spanmark_suggester_new ();
  g_autoptr(SpanmarkDictionary) places = dictionary ("p.tsv", "甲乙\tPLACE\n丙丁\tPLACE\n戊己\tPLACE\n"
                                                              "己庚\tPLACE\n庚辛\tPLACE\n");
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d", "alice", "甲乙丙丁戊己庚辛");
  g_autoptr(GPtrArray) suggestions = NULL;
  SpanmarkSuggestCounts counts;

  spanmark_suggester_add_dictionary (suggester, places);
  spanmark_test_add_span (set, 1, 2, "PLACE");
  spanmark_test_add_span (set, 0, 1, "PLACE");
  spanmark_test_add_span (set, 4, 6, "PLACE");
  spanmark_test_add_span (set, 4, 5, "OFFICIAL");
  suggestions = spanmark_suggester_suggest (suggester, set, &counts);
  {
    g_autofree char *got = describe (suggestions);

    g_assert_cmpstr (got, ==, "2-4:PLACE:丙丁 6-8:PLACE:庚辛");
  }
  g_assert_cmpuint (counts.n_tagged, ==, 2);
}

static gpointer
search_thread (gpointer data)
{
  gpointer *args = data;

  spanmark_suggester_search_request (args[0], args[1]);
  return NULL;
}

/* A request for @set, searched by @suggester. */
/* Spans that give equal entries share one: the matcher counts it once
 * a span, and a span edited away takes one count off (issue 10: one
 * entry a span was about 6 MB for 40,000 spans). */
static void
test_shared_entries (void)
{
  g_autoptr(SpanmarkSuggester) suggester = spanmark_suggester_new ();
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d1", "alice", "车俊车俊车俊车俊涪陵");
  g_autoptr(SpanmarkAnnotationSet) other = spanmark_annotation_set_new ("d2", "bob", "车俊");
  g_autoptr(GPtrArray) counted = NULL;
  g_autofree char *with_attr = NULL;
  g_autofree char *removed = NULL;
  const SpanmarkMatcherTerm *term;

  spanmark_test_add_span (set, 0, 2, "OFFICIAL");
  removed = g_strdup (spanmark_test_add_span (set, 2, 4, "OFFICIAL")->id);
  spanmark_test_add_span (set, 4, 6, "OFFICIAL");
  with_attr = g_strdup (spanmark_test_add_span (set, 6, 8, "OFFICIAL")->id);
  g_assert_true (spanmark_annotation_set_set_span_attr (set, with_attr, "role", "host"));
  spanmark_test_add_span (set, 8, 10, "PLACE");
  spanmark_suggester_add_set (suggester, set, TRUE);

  counted = spanmark_suggester_dup_counted (suggester, "alice", "d1");
  g_assert_cmpuint (counted->len, ==, 5);
  g_assert_true (g_ptr_array_index (counted, 0) == g_ptr_array_index (counted, 1));
  g_assert_true (g_ptr_array_index (counted, 0) == g_ptr_array_index (counted, 2));
  g_assert_true (g_ptr_array_index (counted, 0) != g_ptr_array_index (counted, 3));
  g_assert_true (g_ptr_array_index (counted, 0) != g_ptr_array_index (counted, 4));
  g_assert_cmpstr (((SpanmarkDictionaryEntry *) g_ptr_array_index (counted, 3))->label, ==, "OFFICIAL");
  g_assert_cmpstr (g_hash_table_lookup (((SpanmarkDictionaryEntry *) g_ptr_array_index (counted, 3))->span_attrs,
                                        "role"), ==, "host");
  g_assert_cmpstr (((SpanmarkDictionaryEntry *) g_ptr_array_index (counted, 4))->label, ==, "PLACE");

  term = spanmark_matcher_lookup (spanmark_suggester_get_matcher (suggester), "车俊");
  g_assert_cmpuint (spanmark_matcher_term_get_n_entries (term), ==, 2);
  g_assert_true (spanmark_matcher_term_get_entry (term, 0) == g_ptr_array_index (counted, 0));
  g_assert_cmpuint (spanmark_matcher_term_get_count (term, 0), ==, 3);
  assert_suggestions (suggester, other, "0-2:OFFICIAL:车俊");

  /* An edit makes the entries again: one fewer, still shared. */
  g_assert_true (spanmark_annotation_set_remove_span (set, removed));
  assert_suggestions (suggester, other, "0-2:OFFICIAL:车俊");
  term = spanmark_matcher_lookup (spanmark_suggester_get_matcher (suggester), "车俊");
  g_assert_cmpuint (spanmark_matcher_term_get_count (term, 0), ==, 2);
  g_clear_pointer (&counted, g_ptr_array_unref);
  counted = spanmark_suggester_dup_counted (suggester, "alice", "d1");
  g_assert_cmpuint (counted->len, ==, 4);
  g_assert_true (g_ptr_array_index (counted, 0) == g_ptr_array_index (counted, 1));
}

static SpanmarkSuggestRequest *
searched_request (SpanmarkSuggester     *suggester,
                  SpanmarkAnnotationSet *set)
{
  SpanmarkSuggestRequest *request = spanmark_suggest_request_new (set);

  g_assert_nonnull (request);
  spanmark_suggester_search_request (suggester, request);
  return request;
}

/* What @request gives for @set is what a search gives now, @expected. */
static void
assert_taken (SpanmarkSuggester      *suggester,
              SpanmarkAnnotationSet  *set,
              SpanmarkSuggestRequest *request,
              const char             *expected)
{
  g_autoptr(GPtrArray) taken = spanmark_suggester_take_request (suggester, set, request);
  g_autoptr(GPtrArray) suggested = NULL;
  g_autofree char *got = NULL;
  g_autofree char *searched = NULL;

  g_assert_nonnull (taken);
  suggested = spanmark_suggester_suggest (suggester, set, NULL);
  got = describe (taken);
  searched = describe (suggested);
  g_assert_cmpstr (got, ==, searched);
  g_assert_cmpstr (got, ==, expected);
}

/* The open set's suggestions searched in another thread (the window's
 * pass over the corpus), handed over only while what the search used is
 * the same: the matcher, and the set's spans. */
static void
test_request (void)
{
  g_autoptr(SpanmarkSuggester) window = spanmark_suggester_new ();
  g_autoptr(SpanmarkSuggester) pass = spanmark_suggester_new ();
  /* Counts the first document only, following no set. */
  g_autoptr(SpanmarkSuggester) plain = spanmark_suggester_new ();
  g_autoptr(SpanmarkAnnotationSet) d1 = first_document ();
  g_autoptr(SpanmarkAnnotationSet) open = spanmark_annotation_set_new ("d2", "alice", "车俊说：车俊到涪陵区了。浙江");
  g_autoptr(GPtrArray) counted = NULL;

  spanmark_test_add_span (open, 0, 2, "OFFICIAL");
  spanmark_suggester_add_set (window, open, TRUE);
  counted = spanmark_suggester_dup_counted (window, "alice", "d2");
  spanmark_suggester_add_set (pass, d1, FALSE);
  spanmark_suggester_add_counted (pass, "alice", "d2", counted);
  spanmark_suggester_add_set (plain, d1, FALSE);

  /* Nothing changed: the very list a search gives now. */
  {
    g_autoptr(SpanmarkSuggestRequest) request = spanmark_suggest_request_new (open);
    gpointer args[] = { pass, request };

    g_thread_join (g_thread_new ("search", search_thread, args));
    spanmark_suggester_follow_as (pass, open, window);
    assert_taken (pass, open, request, "4-6:OFFICIAL:车俊 7-10:PLACE:涪陵区");
    /* Given once. */
    g_assert_null (spanmark_suggester_take_request (pass, open, request));
  }

  /* A followed set tagged since: its entries, so the matcher, changed. */
  {
    g_autoptr(SpanmarkSuggestRequest) request = searched_request (pass, open);

    spanmark_test_add_span (open, 7, 10, "PLACE");
    g_assert_null (spanmark_suggester_take_request (pass, open, request));
  }

  /* Another set counted since: the matcher changed. */
  {
    g_autoptr(SpanmarkSuggestRequest) request = searched_request (pass, open);
    g_autoptr(SpanmarkAnnotationSet) d3 = spanmark_annotation_set_new ("d3", "bob", "浙江很美。");

    spanmark_test_add_span (d3, 0, 2, "PLACE");
    spanmark_suggester_add_set (pass, d3, FALSE);
    g_assert_null (spanmark_suggester_take_request (pass, open, request));
  }

  /* Spans changed, the matcher not (the set is not followed there). */
  {
    g_autoptr(SpanmarkSuggestRequest) request = searched_request (plain, open);

    spanmark_test_add_span (open, 4, 6, "OFFICIAL");
    g_assert_null (spanmark_suggester_take_request (plain, open, request));
  }

  /* A set without spans: the same list. */
  {
    g_autoptr(SpanmarkAnnotationSet) bare = spanmark_annotation_set_new ("d4", "alice", "车俊在涪陵区。");
    g_autoptr(SpanmarkSuggestRequest) request = searched_request (plain, bare);

    assert_taken (plain, bare, request, "0-2:OFFICIAL:车俊 3-6:PLACE:涪陵区");
  }

  /* The set goes before its request is searched (the window left the
   * document while the pass ran): the request holds the text. */
  {
    SpanmarkAnnotationSet *gone = spanmark_annotation_set_new ("d5", "alice", "涪陵区的车俊");
    g_autoptr(SpanmarkSuggestRequest) request = spanmark_suggest_request_new (gone);
    gpointer args[] = { plain, request };

    g_assert_finalize_object (gone);
    g_thread_join (g_thread_new ("search", search_thread, args));
  }

  /* A set with rejections is searched where it is. */
  {
    g_autoptr(SpanmarkSuggestRequest) request = searched_request (plain, open);
    g_autoptr(GError) error = NULL;

    g_assert_true (spanmark_annotation_set_add_rejection (open, 12, 14, "PLACE", &error));
    g_assert_no_error (error);
    g_assert_null (spanmark_suggester_take_request (plain, open, request));
    g_assert_null (spanmark_suggest_request_new (open));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggestions/corpus", test_corpus);
  g_test_add_func ("/suggestions/reject", test_reject);
  g_test_add_func ("/suggestions/tie", test_tie);
  g_test_add_func ("/suggestions/follow", test_follow);
  g_test_add_func ("/suggestions/navigation", test_navigation);
  g_test_add_func ("/suggestions/titles", test_titles);
  g_test_add_func ("/suggestions/title-apply", test_title_apply);
  g_test_add_func ("/suggestions/follow-as", test_follow_as);
  g_test_add_func ("/suggestions/overlap", test_overlap);
  g_test_add_func ("/suggestions/entry-attrs", test_entry_attrs);
  g_test_add_func ("/suggestions/inconsistency-with-suggestions", test_inconsistency_with_suggestions);
  g_test_add_func ("/suggestions/request", test_request);
  g_test_add_func ("/suggestions/shared-entries", test_shared_entries);

  return g_test_run ();
}
