/* spanmark-suggester.c — where suggestions come from, and the suggestions for a document
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "spanmark-assist-private.h"
#include "spanmark-annotation-set-private.h"
#include "spanmark-suggester.h"

/* What one annotation set counts for the corpus. */
typedef struct
{
  GPtrArray             *entries;  /* of SpanmarkDictionaryEntry, as added to the matcher */
  SpanmarkAnnotationSet *set;      /* followed, or NULL */
  gulong                 changed_id;
  gboolean               stale;    /* the followed set changed since it was counted */
  gboolean               uncounted; /* entries made, not yet in the matcher (a followed set's) */
} Contribution;

struct _SpanmarkSuggester
{
  GObject          parent_instance;

  SpanmarkMatcher *matcher;
  GHashTable      *contributions;  /* "annotator\ndocument" -> Contribution */
  guint            generation;
};

G_DEFINE_FINAL_TYPE (SpanmarkSuggester, spanmark_suggester, G_TYPE_OBJECT)

static void
contribution_unfollow (Contribution *contribution)
{
  if (contribution->set == NULL)
    return;
  g_clear_signal_handler (&contribution->changed_id, contribution->set);
  g_clear_object (&contribution->set);
}

static void
contribution_free (Contribution *contribution)
{
  contribution_unfollow (contribution);
  g_ptr_array_unref (contribution->entries);
  g_free (contribution);
}

static void
spanmark_suggester_dispose (GObject *object)
{
  SpanmarkSuggester *self = SPANMARK_SUGGESTER (object);

  g_clear_pointer (&self->contributions, g_hash_table_unref);
  g_clear_object (&self->matcher);

  G_OBJECT_CLASS (spanmark_suggester_parent_class)->dispose (object);
}

static void
spanmark_suggester_class_init (SpanmarkSuggesterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = spanmark_suggester_dispose;
}

static void
spanmark_suggester_init (SpanmarkSuggester *self)
{
  self->matcher = spanmark_matcher_new ();
  self->contributions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) contribution_free);
}

SpanmarkSuggester *
spanmark_suggester_new (void)
{
  return g_object_new (SPANMARK_TYPE_SUGGESTER, NULL);
}

static void refresh_stale (SpanmarkSuggester *self);

SpanmarkMatcher *
spanmark_suggester_get_matcher (SpanmarkSuggester *self)
{
  g_return_val_if_fail (SPANMARK_IS_SUGGESTER (self), NULL);

  refresh_stale (self);
  return self->matcher;
}

guint
spanmark_suggester_get_generation (SpanmarkSuggester *self)
{
  g_return_val_if_fail (SPANMARK_IS_SUGGESTER (self), 0);

  return self->generation;
}

void
spanmark_suggester_add_dictionary (SpanmarkSuggester  *self,
                                   SpanmarkDictionary *dictionary)
{
  GPtrArray *entries;

  g_return_if_fail (SPANMARK_IS_SUGGESTER (self));
  g_return_if_fail (SPANMARK_IS_DICTIONARY (dictionary));

  /* A followed set not counted yet comes first, as when it was added. */
  refresh_stale (self);
  spanmark_matcher_remove_source (self->matcher, spanmark_dictionary_get_source (dictionary));
  entries = spanmark_dictionary_get_entries (dictionary);
  for (guint i = 0; i < entries->len; i++)
    spanmark_matcher_add (self->matcher, g_ptr_array_index (entries, i));
  self->generation++;
}

void
spanmark_suggester_remove_dictionary (SpanmarkSuggester *self,
                                      const char        *source)
{
  g_return_if_fail (SPANMARK_IS_SUGGESTER (self));
  g_return_if_fail (source != NULL);

  spanmark_matcher_remove_source (self->matcher, source);
  self->generation++;
}


/* The corpus */

static char *
set_key (const char *annotator,
         const char *document_id)
{
  return g_strconcat (annotator, "\n", document_id, NULL);
}

static guint
entry_hash (gconstpointer data)
{
  const SpanmarkDictionaryEntry *entry = data;

  return g_str_hash (entry->text) * 31 + g_str_hash (entry->label);
}

/* The entries @set's spans give: the annotator's own spans only, and
 * no longer than a dictionary's texts may be.  Spans that give equal
 * entries (the same text, label, entity and attributes: most repeated
 * mentions) share one, listed once a span, as the matcher counts it. */
static GPtrArray *
entries_of_set (SpanmarkAnnotationSet *set)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_dictionary_entry_unref);
  g_autoptr(GHashTable) made = g_hash_table_new (entry_hash, (GEqualFunc) spanmark_dictionary_entry_equal);

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);
      const SpanmarkEntity *entity = NULL;
      SpanmarkDictionaryEntry probe;
      SpanmarkDictionaryEntry *entry;

      if (span->pretag != NULL || span->text == NULL || span->text[0] == '\0' ||
          span->end - span->start > SPANMARK_DICTIONARY_MAX_TEXT_LENGTH)
        continue;
      if (span->entity != NULL)
        entity = spanmark_annotation_set_lookup_entity (set, span->entity);
      probe = (SpanmarkDictionaryEntry) {
        .text = span->text,
        .label = span->label,
        .name = entity != NULL ? entity->name : NULL,
        .attrs = entity != NULL ? entity->attrs : NULL,
        .span_attrs = span->attrs,
        .source = (char *) SPANMARK_DICTIONARY_SOURCE_CORPUS,
      };
      entry = g_hash_table_lookup (made, &probe);
      if (entry != NULL)
        {
          g_ptr_array_add (entries, spanmark_dictionary_entry_ref (entry));
          continue;
        }
      entry = _spanmark_dictionary_entry_new_frozen (probe.text, probe.label, probe.name, probe.source,
                                                     probe.attrs, probe.span_attrs);
      g_ptr_array_add (entries, entry);
      g_hash_table_add (made, entry);
    }
  return entries;
}

/* Takes @contribution's entries out of the matcher, if they are in. */
static void
contribution_uncount (SpanmarkSuggester *self,
                      Contribution      *contribution)
{
  if (!contribution->uncounted)
    for (guint i = 0; i < contribution->entries->len; i++)
      spanmark_matcher_remove (self->matcher, g_ptr_array_index (contribution->entries, i));
  contribution->uncounted = TRUE;
}

/* @set's entries, in place of what @contribution had, not yet in the
 * matcher: a followed set is counted at the next search (or when the
 * matcher is asked for), so a window whose list waits for the corpus
 * builds no matcher of the open document's texts meanwhile. */
static void
contribution_make (SpanmarkSuggester     *self,
                   Contribution          *contribution,
                   SpanmarkAnnotationSet *set)
{
  contribution_uncount (self, contribution);
  g_ptr_array_unref (contribution->entries);
  contribution->entries = entries_of_set (set);
  contribution->stale = FALSE;
}

static void
contribution_add_to_matcher (SpanmarkSuggester *self,
                             Contribution      *contribution)
{
  for (guint i = 0; i < contribution->entries->len; i++)
    spanmark_matcher_add (self->matcher, g_ptr_array_index (contribution->entries, i));
  contribution->uncounted = FALSE;
}

static void
contribution_count (SpanmarkSuggester     *self,
                    Contribution          *contribution,
                    SpanmarkAnnotationSet *set)
{
  contribution_make (self, contribution, set);
  contribution_add_to_matcher (self, contribution);
}

static void
followed_set_changed_cb (SpanmarkAnnotationSet *set,
                         gpointer               user_data)
{
  SpanmarkSuggester *self = user_data;
  g_autofree char *key = set_key (spanmark_annotation_set_get_annotator (set),
                                  spanmark_annotation_set_get_document_id (set));
  Contribution *contribution = g_hash_table_lookup (self->contributions, key);

  /* Counted again lazily, at the next search: a bulk edit emits
   * "changed" once per span. */
  g_assert (contribution != NULL);
  contribution->stale = TRUE;
  self->generation++;
}

void
spanmark_suggester_add_set (SpanmarkSuggester     *self,
                            SpanmarkAnnotationSet *set,
                            gboolean               follow)
{
  char *key;
  Contribution *contribution;

  g_return_if_fail (SPANMARK_IS_SUGGESTER (self));
  g_return_if_fail (SPANMARK_IS_ANNOTATION_SET (set));

  key = set_key (spanmark_annotation_set_get_annotator (set), spanmark_annotation_set_get_document_id (set));
  contribution = g_hash_table_lookup (self->contributions, key);
  if (contribution == NULL)
    {
      contribution = g_new0 (Contribution, 1);
      contribution->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_dictionary_entry_unref);
      g_hash_table_insert (self->contributions, key, contribution);
    }
  else
    g_free (key);

  if (contribution->set != set)
    contribution_unfollow (contribution);
  if (follow && contribution->set == NULL)
    {
      contribution->set = g_object_ref (set);
      contribution->changed_id = g_signal_connect (set, "changed", G_CALLBACK (followed_set_changed_cb), self);
    }
  else if (!follow)
    contribution_unfollow (contribution);

  if (follow)
    contribution_make (self, contribution, set);
  else
    contribution_count (self, contribution, set);
  self->generation++;
}

void
spanmark_suggester_remove_set (SpanmarkSuggester *self,
                               const char        *annotator,
                               const char        *document_id)
{
  g_autofree char *key = NULL;
  Contribution *contribution;

  g_return_if_fail (SPANMARK_IS_SUGGESTER (self));
  g_return_if_fail (annotator != NULL && document_id != NULL);

  key = set_key (annotator, document_id);
  contribution = g_hash_table_lookup (self->contributions, key);
  if (contribution == NULL)
    return;
  contribution_uncount (self, contribution);
  g_hash_table_remove (self->contributions, key);
  self->generation++;
}

GPtrArray *
spanmark_suggester_dup_counted (SpanmarkSuggester *self,
                                const char        *annotator,
                                const char        *document_id)
{
  g_autofree char *key = NULL;
  Contribution *contribution;

  g_return_val_if_fail (SPANMARK_IS_SUGGESTER (self), NULL);
  g_return_val_if_fail (annotator != NULL && document_id != NULL, NULL);

  key = set_key (annotator, document_id);
  contribution = g_hash_table_lookup (self->contributions, key);
  if (contribution == NULL)
    return NULL;
  if (contribution->stale)
    contribution_make (self, contribution, contribution->set);
  return g_ptr_array_copy (contribution->entries, (GCopyFunc) spanmark_dictionary_entry_ref, NULL);
}

/* The contribution of @key, made empty when new. */
static Contribution *
contribution_of (SpanmarkSuggester *self,
                 const char        *annotator,
                 const char        *document_id)
{
  char *key = set_key (annotator, document_id);
  Contribution *contribution = g_hash_table_lookup (self->contributions, key);

  if (contribution != NULL)
    {
      g_free (key);
      return contribution;
    }
  contribution = g_new0 (Contribution, 1);
  contribution->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_dictionary_entry_unref);
  g_hash_table_insert (self->contributions, key, contribution);
  return contribution;
}

/* Counts @entries (shared, not copied) as @contribution's, in place of
 * what it counted; nothing changes in the matcher when they are the
 * very entries it counted already. */
static void
contribution_take_entries (SpanmarkSuggester *self,
                           Contribution      *contribution,
                           GPtrArray         *entries)
{
  gboolean same = !contribution->uncounted && contribution->entries->len == entries->len;

  for (guint i = 0; same && i < entries->len; i++)
    same = g_ptr_array_index (contribution->entries, i) == g_ptr_array_index (entries, i);
  if (!same)
    contribution_uncount (self, contribution);
  g_ptr_array_unref (contribution->entries);
  contribution->entries = g_ptr_array_ref (entries);
  contribution->stale = FALSE;
  if (!same)
    contribution_add_to_matcher (self, contribution);
}

void
spanmark_suggester_add_counted (SpanmarkSuggester *self,
                                const char        *annotator,
                                const char        *document_id,
                                GPtrArray         *entries)
{
  Contribution *contribution;

  g_return_if_fail (SPANMARK_IS_SUGGESTER (self));
  g_return_if_fail (annotator != NULL && document_id != NULL);
  g_return_if_fail (entries != NULL);

  contribution = contribution_of (self, annotator, document_id);
  contribution_unfollow (contribution);
  contribution_take_entries (self, contribution, entries);
  self->generation++;
}

void
spanmark_suggester_follow_as (SpanmarkSuggester     *self,
                              SpanmarkAnnotationSet *set,
                              SpanmarkSuggester     *from)
{
  g_autofree char *key = NULL;
  Contribution *theirs, *contribution;

  g_return_if_fail (SPANMARK_IS_SUGGESTER (self));
  g_return_if_fail (SPANMARK_IS_ANNOTATION_SET (set));
  g_return_if_fail (SPANMARK_IS_SUGGESTER (from));

  key = set_key (spanmark_annotation_set_get_annotator (set), spanmark_annotation_set_get_document_id (set));
  theirs = g_hash_table_lookup (from->contributions, key);
  if (theirs == NULL || theirs->set != set)
    {
      spanmark_suggester_add_set (self, set, TRUE);
      return;
    }
  if (theirs->stale)
    contribution_make (from, theirs, set);

  contribution = contribution_of (self, spanmark_annotation_set_get_annotator (set),
                                  spanmark_annotation_set_get_document_id (set));
  if (contribution->set != set)
    {
      contribution_unfollow (contribution);
      contribution->set = g_object_ref (set);
      contribution->changed_id = g_signal_connect (set, "changed", G_CALLBACK (followed_set_changed_cb), self);
    }
  contribution_take_entries (self, contribution, theirs->entries);
  self->generation++;
}

static void
add_set_cb (SpanmarkAnnotationSet *set,
            gpointer               user_data)
{
  spanmark_suggester_add_set (user_data, set, FALSE);
}

guint
spanmark_suggester_add_project (SpanmarkSuggester *self,
                                SpanmarkProject   *project,
                                GPtrArray         *problems)
{
  g_return_val_if_fail (SPANMARK_IS_SUGGESTER (self), 0);
  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), 0);
  g_return_val_if_fail (problems != NULL, 0);

  return _spanmark_assist_foreach_set (project, problems, add_set_cb, self);
}

static void
refresh_stale (SpanmarkSuggester *self)
{
  GHashTableIter iter;
  Contribution *contribution;

  g_hash_table_iter_init (&iter, self->contributions);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &contribution))
    if (contribution->stale)
      contribution_count (self, contribution, contribution->set);
    else if (contribution->uncounted)
      contribution_add_to_matcher (self, contribution);
}


/* Searching */

/* One stretch of code points inside some span. */
typedef struct
{
  guint start;
  guint end;
} Covered;

typedef struct
{
  SpanmarkAnnotationSet *set;
  const Covered         *covered;         /* the spans' union: sorted, disjoint, not touching */
  guint                  n_covered;
  gboolean               has_rejections;  /* most sets have none: no lookups then */
} Search;

/* Whether [start, end) holds a code point inside a span: the first
 * stretch ending after @start, found by bisection, starts before @end. */
static gboolean
overlaps_span (const Search *search,
               guint         start,
               guint         end)
{
  guint lo = 0, hi = search->n_covered;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (search->covered[mid].end <= start)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < search->n_covered && search->covered[lo].start < end;
}

/* Whether some entry of @term has a label the set did not reject here. */
static gboolean
has_unrejected_label (const Search              *search,
                      guint                      start,
                      guint                      end,
                      const SpanmarkMatcherTerm *term)
{
  if (!search->has_rejections)
    return TRUE;
  for (guint i = 0; i < spanmark_matcher_term_get_n_entries (term); i++)
    if (!spanmark_annotation_set_is_rejected (search->set, start, end,
                                              spanmark_matcher_term_get_entry (term, i)->label))
      return TRUE;
  return FALSE;
}

static gboolean
suggestable_cb (guint                      start,
                guint                      end,
                const SpanmarkMatcherTerm *term,
                gpointer                   user_data)
{
  const Search *search = user_data;

  return !overlaps_span (search, start, end) && has_unrejected_label (search, start, end, term);
}

static int
compare_covered (gconstpointer a,
                 gconstpointer b)
{
  const Covered *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* The union of the set's spans (clamped to the text), as sorted disjoint
 * stretches: a few bytes a span, where a table over the whole text was
 * two integers a code point. */
static GArray *
covered_stretches (SpanmarkAnnotationSet *set,
                   guint                  n_chars)
{
  GArray *covered = g_array_sized_new (FALSE, FALSE, sizeof (Covered), spanmark_annotation_set_get_n_spans (set));
  guint n = 0;

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);
      Covered stretch = { MIN (span->start, n_chars), MIN (span->end, n_chars) };

      if (stretch.start < stretch.end)
        g_array_append_val (covered, stretch);
    }
  g_array_sort (covered, compare_covered);
  for (guint i = 0; i < covered->len; i++)
    {
      Covered stretch = g_array_index (covered, Covered, i);

      if (n > 0 && stretch.start <= g_array_index (covered, Covered, n - 1).end)
        g_array_index (covered, Covered, n - 1).end = MAX (g_array_index (covered, Covered, n - 1).end, stretch.end);
      else
        g_array_index (covered, Covered, n++) = stretch;
    }
  g_array_set_size (covered, n);
  return covered;
}

/* One entry per label the set did not reject at [start, end), the most
 * counted of each, most counted first. */
static GPtrArray *
suggestion_entries (const Search              *search,
                    guint                      start,
                    guint                      end,
                    const SpanmarkMatcherTerm *term)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_dictionary_entry_unref);

  for (guint i = 0; i < spanmark_matcher_term_get_n_entries (term); i++)
    {
      const SpanmarkDictionaryEntry *entry = spanmark_matcher_term_get_entry (term, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < entries->len && !seen; j++)
        seen = g_str_equal (((SpanmarkDictionaryEntry *) g_ptr_array_index (entries, j))->label, entry->label);
      if (seen || (search->has_rejections && spanmark_annotation_set_is_rejected (search->set, start, end,
                                                                                  entry->label)))
        continue;
      g_ptr_array_add (entries, spanmark_dictionary_entry_ref ((SpanmarkDictionaryEntry *) entry));
    }
  return entries;
}

static void
count_left_out (SpanmarkSuggester     *self,
                const Search          *search,
                const char            *text,
                SpanmarkSuggestCounts *counts)
{
  g_autoptr(GArray) all = spanmark_matcher_find (self->matcher, text, -1, NULL, NULL);

  counts->n_tagged = 0;
  counts->n_rejected = 0;
  for (guint i = 0; i < all->len; i++)
    {
      const SpanmarkMatch *match = &g_array_index (all, SpanmarkMatch, i);

      if (overlaps_span (search, match->start, match->end))
        counts->n_tagged++;
      else if (!has_unrejected_label (search, match->start, match->end, match->term))
        counts->n_rejected++;
    }
}

static GPtrArray *
no_suggestions (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_suggestion_free);
}

/* The suggestions of a search of @text with @search's spans. */
static GPtrArray *
suggest_in (SpanmarkSuggester *self,
            const char        *text,
            const Search      *search)
{
  GPtrArray *suggestions = no_suggestions ();
  g_autoptr(GArray) matches = NULL;

  matches = spanmark_matcher_find (self->matcher, text, -1, suggestable_cb, (gpointer) search);
  for (guint i = 0; i < matches->len; i++)
    {
      const SpanmarkMatch *match = &g_array_index (matches, SpanmarkMatch, i);

      g_ptr_array_add (suggestions,
                       spanmark_suggestion_new (match->start, match->end,
                                                spanmark_matcher_term_get_text (match->term),
                                                suggestion_entries (search, match->start, match->end, match->term)));
    }
  return suggestions;
}

GPtrArray *
spanmark_suggester_suggest (SpanmarkSuggester     *self,
                            SpanmarkAnnotationSet *set,
                            SpanmarkSuggestCounts *counts)
{
  g_autoptr(GArray) covered = NULL;
  GPtrArray *suggestions;
  const char *text;
  Search search;

  g_return_val_if_fail (SPANMARK_IS_SUGGESTER (self), no_suggestions ());
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (set), no_suggestions ());

  refresh_stale (self);
  text = spanmark_annotation_set_get_text (set);
  covered = covered_stretches (set, spanmark_annotation_set_get_length (set));
  search = (Search) { set, (const Covered *) covered->data, covered->len,
                      spanmark_annotation_set_get_n_rejections (set) > 0 };

  suggestions = suggest_in (self, text, &search);
  if (counts != NULL)
    count_left_out (self, &search, text, counts);

  return suggestions;
}

/* A search made elsewhere */

struct _SpanmarkSuggestRequest
{
  char      *text;         /* the set's (a GRefString reference: no copy), until searched */
  guint      n_chars;
  GArray    *covered;      /* of Covered: the set's spans then */
  GPtrArray *suggestions;  /* once searched */
  guint      matcher_generation;
};

SpanmarkSuggestRequest *
spanmark_suggest_request_new (SpanmarkAnnotationSet *set)
{
  SpanmarkSuggestRequest *request;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (set), NULL);

  /* Rejections are looked up in the set itself. */
  if (spanmark_annotation_set_get_n_rejections (set) > 0)
    return NULL;
  request = g_new0 (SpanmarkSuggestRequest, 1);
  request->text = _spanmark_annotation_set_ref_text (set);
  request->n_chars = spanmark_annotation_set_get_length (set);
  request->covered = covered_stretches (set, request->n_chars);
  return request;
}

void
spanmark_suggest_request_free (SpanmarkSuggestRequest *request)
{
  if (request == NULL)
    return;
  g_clear_pointer (&request->text, g_ref_string_release);
  g_array_unref (request->covered);
  g_clear_pointer (&request->suggestions, g_ptr_array_unref);
  g_free (request);
}

void
spanmark_suggester_search_request (SpanmarkSuggester      *self,
                                   SpanmarkSuggestRequest *request)
{
  Search search;

  g_return_if_fail (SPANMARK_IS_SUGGESTER (self));
  g_return_if_fail (request != NULL && request->text != NULL);

  refresh_stale (self);
  search = (Search) { NULL, (const Covered *) request->covered->data, request->covered->len, FALSE };
  request->suggestions = suggest_in (self, request->text, &search);
  g_clear_pointer (&request->text, g_ref_string_release);
  request->matcher_generation = spanmark_matcher_get_generation (self->matcher);
}

GPtrArray *
spanmark_suggester_take_request (SpanmarkSuggester      *self,
                                 SpanmarkAnnotationSet  *set,
                                 SpanmarkSuggestRequest *request)
{
  g_autoptr(GArray) covered = NULL;

  g_return_val_if_fail (SPANMARK_IS_SUGGESTER (self), NULL);
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (set), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  if (request->suggestions == NULL || spanmark_annotation_set_get_n_rejections (set) > 0
      || spanmark_annotation_set_get_length (set) != request->n_chars)
    return NULL;
  /* What the search used, the same now: the texts, entries and counts
   * of the matcher (it gives its generation at every change of them),
   * and the spans' union. */
  refresh_stale (self);
  if (spanmark_matcher_get_generation (self->matcher) != request->matcher_generation)
    return NULL;
  covered = covered_stretches (set, request->n_chars);
  if (covered->len != request->covered->len
      || (covered->len > 0 && memcmp (covered->data, request->covered->data, covered->len * sizeof (Covered)) != 0))
    return NULL;
  return g_steal_pointer (&request->suggestions);
}

static void
append_pattern (GString    *out,
                const char *label,
                const char *text)
{
  g_autoptr(JsonNode) label_node = json_node_init_string (json_node_alloc (), label);
  g_autoptr(JsonNode) text_node = json_node_init_string (json_node_alloc (), text);
  g_autofree char *quoted_label = json_to_string (label_node, FALSE);
  g_autofree char *quoted_text = json_to_string (text_node, FALSE);

  g_string_append_printf (out, "{\"label\": %s, \"pattern\": %s}\n", quoted_label, quoted_text);
}

void
spanmark_suggester_add_registry (SpanmarkSuggester *self,
                                 SpanmarkRegistry  *registry,
                                 SpanmarkSchema    *schema)
{
  g_autoptr(GString) patterns = g_string_new (NULL);
  g_autoptr(SpanmarkDictionary) dictionary = NULL;
  GPtrArray *entities;

  g_return_if_fail (SPANMARK_IS_SUGGESTER (self));
  g_return_if_fail (SPANMARK_IS_REGISTRY (registry));

  /* Patterns without an entity: an accepted suggestion is a span of the
   * label, and the window then proposes the registry entity (its name
   * or alias is the span's text), so no local entity of that name is
   * made on the way. */
  entities = spanmark_registry_get_entities (registry);
  for (guint i = 0; i < entities->len; i++)
    {
      const SpanmarkRegistryEntity *entity = g_ptr_array_index (entities, i);

      append_pattern (patterns, entity->label, entity->name);
      for (guint a = 0; a < entity->aliases->len; a++)
        append_pattern (patterns, entity->label, g_ptr_array_index (entity->aliases, a));
    }

  dictionary = spanmark_dictionary_new_from_data (SPANMARK_SUGGESTER_REGISTRY_SOURCE, patterns->str,
                                                  patterns->len, schema);
  spanmark_suggester_add_dictionary (self, dictionary);
}
