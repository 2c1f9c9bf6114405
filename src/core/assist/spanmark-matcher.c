/* spanmark-matcher.c — every dictionary text found in a document at once
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The automaton is laid out once from the texts sorted by code points:
 * the texts below a node are a contiguous run of that order, so its
 * children are found by splitting the run at the next code point, and
 * nodes made breadth first get their edges in one contiguous, sorted
 * stretch of two arrays (code points, children).  Failure links follow in
 * the same order, each node's "output" link pointing at the nearest node
 * down its failure chain that ends a text.
 *
 * A search walks the text once.  At each end position the output chain
 * gives every text ending there, longest first; each one, if the filter
 * takes it, may become the longest match known for its start.  A last
 * pass then takes, from left to right, the longest match of each start
 * that is not inside the previous one: leftmost-longest, and exact even
 * where a greedy walk of the trie would miss a shorter text inside a
 * longer one that fails (abcd / bc over "abcx").
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "spanmark-matcher.h"
#include "spanmark-text.h"

#define NONE G_MAXUINT32
#define ROOT 0
/* The root's edges are also a table for the Basic Multilingual Plane:
 * a search is back at the root at most characters of a text, and the
 * root has an edge for every character any text starts with (thousands,
 * for Chinese), so bisection there was most of the time. */
#define ROOT_TABLE_SIZE 0x10000

typedef struct
{
  SpanmarkDictionaryEntry *entry;
  guint                    count;
  guint                    order;  /* of first addition, for ties of count */
} Counted;

struct _SpanmarkMatcherTerm
{
  char    *text;
  GArray  *entries;  /* of Counted, most counted first */
};

typedef struct
{
  guint32              first_edge;
  guint32              n_edges;
  guint32              fail;
  guint32              out;    /* nearest node down the failure chain that ends a text */
  guint32              depth;  /* code points from the root */
  SpanmarkMatcherTerm *term;   /* the text ending here, or NULL */
} Node;

struct _SpanmarkMatcher
{
  GObject     parent_instance;

  GHashTable *terms;      /* text -> SpanmarkMatcherTerm (owned); empty ones stay until the next build */
  guint       n_terms;    /* with entries */
  guint       n_entries;
  guint       next_order;
  guint       generation;
  gboolean    dirty;      /* a text without a node was added */

  GArray     *nodes;      /* of Node; [0] is the root */
  GArray     *edge_chars; /* of guint32 */
  GArray     *edge_nodes; /* of guint32 */
  guint32    *root_table; /* ROOT_TABLE_SIZE children of the root, NONE where there is no edge */
};

G_DEFINE_FINAL_TYPE (SpanmarkMatcher, spanmark_matcher, G_TYPE_OBJECT)


/* Terms */

static void
term_free (SpanmarkMatcherTerm *term)
{
  for (guint i = 0; i < term->entries->len; i++)
    spanmark_dictionary_entry_unref (g_array_index (term->entries, Counted, i).entry);
  g_array_unref (term->entries);
  g_free (term->text);
  g_free (term);
}

const char *
spanmark_matcher_term_get_text (const SpanmarkMatcherTerm *term)
{
  g_return_val_if_fail (term != NULL, NULL);

  return term->text;
}

guint
spanmark_matcher_term_get_n_entries (const SpanmarkMatcherTerm *term)
{
  g_return_val_if_fail (term != NULL, 0);

  return term->entries->len;
}

const SpanmarkDictionaryEntry *
spanmark_matcher_term_get_entry (const SpanmarkMatcherTerm *term,
                                 guint                      index)
{
  g_return_val_if_fail (term != NULL, NULL);
  g_return_val_if_fail (index < term->entries->len, NULL);

  return g_array_index (term->entries, Counted, index).entry;
}

guint
spanmark_matcher_term_get_count (const SpanmarkMatcherTerm *term,
                                 guint                      index)
{
  g_return_val_if_fail (term != NULL, 0);
  g_return_val_if_fail (index < term->entries->len, 0);

  return g_array_index (term->entries, Counted, index).count;
}

gboolean
spanmark_matcher_term_is_tie (const SpanmarkMatcherTerm *term)
{
  g_return_val_if_fail (term != NULL, FALSE);

  for (guint i = 1; i < term->entries->len; i++)
    if (!g_str_equal (g_array_index (term->entries, Counted, i).entry->label,
                      g_array_index (term->entries, Counted, 0).entry->label))
      return TRUE;
  return FALSE;
}

/* Puts the entry at @i back in order after its count changed. */
static void
term_reorder (SpanmarkMatcherTerm *term,
              guint                i)
{
  Counted *items = (Counted *) term->entries->data;

  while (i > 0 && (items[i - 1].count < items[i].count ||
                   (items[i - 1].count == items[i].count && items[i - 1].order > items[i].order)))
    {
      Counted swap = items[i - 1];

      items[i - 1] = items[i];
      items[i] = swap;
      i--;
    }
  while (i + 1 < term->entries->len &&
         (items[i + 1].count > items[i].count ||
          (items[i + 1].count == items[i].count && items[i + 1].order < items[i].order)))
    {
      Counted swap = items[i + 1];

      items[i + 1] = items[i];
      items[i] = swap;
      i++;
    }
}

static int
term_find (const SpanmarkMatcherTerm     *term,
           const SpanmarkDictionaryEntry *entry)
{
  for (guint i = 0; i < term->entries->len; i++)
    if (spanmark_dictionary_entry_equal (g_array_index (term->entries, Counted, i).entry, entry))
      return (int) i;
  return -1;
}

/* Takes away @count additions of the entry at @i. */
static void
term_drop (SpanmarkMatcher     *self,
           SpanmarkMatcherTerm *term,
           guint                i,
           guint                count)
{
  Counted *item = &g_array_index (term->entries, Counted, i);

  g_assert (count <= item->count);
  item->count -= count;
  if (item->count > 0)
    {
      term_reorder (term, i);
      return;
    }

  spanmark_dictionary_entry_unref (item->entry);
  g_array_remove_index (term->entries, i);
  self->n_entries--;
  if (term->entries->len == 0)
    self->n_terms--;
}


/* The object */

static void
spanmark_matcher_finalize (GObject *object)
{
  SpanmarkMatcher *self = SPANMARK_MATCHER (object);

  g_clear_pointer (&self->terms, g_hash_table_unref);
  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_pointer (&self->edge_chars, g_array_unref);
  g_clear_pointer (&self->edge_nodes, g_array_unref);
  g_clear_pointer (&self->root_table, g_free);

  G_OBJECT_CLASS (spanmark_matcher_parent_class)->finalize (object);
}

static void
spanmark_matcher_class_init (SpanmarkMatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spanmark_matcher_finalize;
}

static void
spanmark_matcher_init (SpanmarkMatcher *self)
{
  Node root = { 0, 0, ROOT, NONE, 0, NULL };

  self->terms = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) term_free);
  self->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  self->edge_chars = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->edge_nodes = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (self->nodes, root);
}

SpanmarkMatcher *
spanmark_matcher_new (void)
{
  return g_object_new (SPANMARK_TYPE_MATCHER, NULL);
}

void
spanmark_matcher_add (SpanmarkMatcher         *self,
                      SpanmarkDictionaryEntry *entry)
{
  SpanmarkMatcherTerm *term;
  Counted item;
  int i;

  g_return_if_fail (SPANMARK_IS_MATCHER (self));
  g_return_if_fail (entry != NULL && entry->text != NULL && entry->text[0] != '\0');

  self->generation++;
  term = g_hash_table_lookup (self->terms, entry->text);
  if (term == NULL)
    {
      term = g_new0 (SpanmarkMatcherTerm, 1);
      term->text = g_strdup (entry->text);
      term->entries = g_array_new (FALSE, FALSE, sizeof (Counted));
      g_hash_table_insert (self->terms, term->text, term);
      self->dirty = TRUE;
    }

  i = term_find (term, entry);
  if (i >= 0)
    {
      g_array_index (term->entries, Counted, i).count++;
      term_reorder (term, (guint) i);
      return;
    }

  if (term->entries->len == 0)
    self->n_terms++;
  item = (Counted) { spanmark_dictionary_entry_ref (entry), 1, self->next_order++ };
  g_array_append_val (term->entries, item);
  term_reorder (term, term->entries->len - 1);
  self->n_entries++;
}

gboolean
spanmark_matcher_remove (SpanmarkMatcher               *self,
                         const SpanmarkDictionaryEntry *entry)
{
  SpanmarkMatcherTerm *term;
  int i;

  g_return_val_if_fail (SPANMARK_IS_MATCHER (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  term = g_hash_table_lookup (self->terms, entry->text);
  i = term != NULL ? term_find (term, entry) : -1;
  if (i < 0)
    return FALSE;

  self->generation++;
  term_drop (self, term, (guint) i, 1);
  return TRUE;
}

void
spanmark_matcher_remove_source (SpanmarkMatcher *self,
                                const char      *source)
{
  GHashTableIter iter;
  SpanmarkMatcherTerm *term;

  g_return_if_fail (SPANMARK_IS_MATCHER (self));
  g_return_if_fail (source != NULL);

  self->generation++;
  g_hash_table_iter_init (&iter, self->terms);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &term))
    for (guint i = term->entries->len; i-- > 0;)
      {
        Counted *item = &g_array_index (term->entries, Counted, i);

        if (g_str_equal (item->entry->source, source))
          term_drop (self, term, i, item->count);
      }
}

guint
spanmark_matcher_get_n_terms (SpanmarkMatcher *self)
{
  g_return_val_if_fail (SPANMARK_IS_MATCHER (self), 0);

  return self->n_terms;
}

guint
spanmark_matcher_get_n_entries (SpanmarkMatcher *self)
{
  g_return_val_if_fail (SPANMARK_IS_MATCHER (self), 0);

  return self->n_entries;
}

const SpanmarkMatcherTerm *
spanmark_matcher_lookup (SpanmarkMatcher *self,
                         const char      *text)
{
  SpanmarkMatcherTerm *term;

  g_return_val_if_fail (SPANMARK_IS_MATCHER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  term = g_hash_table_lookup (self->terms, text);
  return term != NULL && term->entries->len > 0 ? term : NULL;
}

guint
spanmark_matcher_get_generation (SpanmarkMatcher *self)
{
  g_return_val_if_fail (SPANMARK_IS_MATCHER (self), 0);

  return self->generation;
}


/* Building the automaton */

typedef struct
{
  gunichar            *chars;
  glong                length;
  SpanmarkMatcherTerm *term;
} Key;

static int
compare_keys (const void *a,
              const void *b)
{
  const Key *ka = a;
  const Key *kb = b;
  glong n = MIN (ka->length, kb->length);

  for (glong i = 0; i < n; i++)
    if (ka->chars[i] != kb->chars[i])
      return ka->chars[i] < kb->chars[i] ? -1 : 1;
  return ka->length < kb->length ? -1 : ka->length > kb->length;
}

/* The keys below a node: [lo, hi) of the sorted keys. */
typedef struct
{
  guint lo;
  guint hi;
} Range;

static inline guint32
find_edge (const Node    *node,
           const guint32 *chars,
           const guint32 *children,
           gunichar       c)
{
  guint32 lo = node->first_edge, hi = node->first_edge + node->n_edges;

  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;

      if (chars[mid] < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < node->first_edge + node->n_edges && chars[lo] == c ? children[lo] : NONE;
}

static void
build (SpanmarkMatcher *self)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  GHashTableIter iter;
  SpanmarkMatcherTerm *term;
  Node root = { 0, 0, ROOT, NONE, 0, NULL };
  Range range = { 0, 0 };
  Node *nodes;
  const guint32 *chars, *children;

  /* Texts that lost all their entries go now: nothing points at them. */
  g_hash_table_iter_init (&iter, self->terms);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &term))
    if (term->entries->len == 0)
      g_hash_table_iter_remove (&iter);
    else
      {
        Key key = { g_utf8_to_ucs4_fast (term->text, -1, NULL), 0, term };

        key.length = (glong) g_utf8_strlen (term->text, -1);
        g_array_append_val (keys, key);
      }
  qsort (keys->data, keys->len, sizeof (Key), compare_keys);

  g_array_set_size (self->nodes, 0);
  g_array_set_size (self->edge_chars, 0);
  g_array_set_size (self->edge_nodes, 0);
  g_array_append_val (self->nodes, root);
  range.hi = keys->len;
  g_array_append_val (ranges, range);

  /* Breadth first: node v holds the run ranges[v] of the sorted keys,
   * which all have its path as a prefix; the one as long as the path
   * ends there, the others are split by their next code point. */
  for (guint v = 0; v < self->nodes->len; v++)
    {
      guint lo = g_array_index (ranges, Range, v).lo;
      guint hi = g_array_index (ranges, Range, v).hi;
      guint32 depth = g_array_index (self->nodes, Node, v).depth;
      guint32 first_edge = self->edge_chars->len;

      if (lo < hi && g_array_index (keys, Key, lo).length == depth)
        g_array_index (self->nodes, Node, v).term = g_array_index (keys, Key, lo++).term;

      while (lo < hi)
        {
          gunichar c = g_array_index (keys, Key, lo).chars[depth];
          guint end = lo + 1;
          Node child = { 0, 0, ROOT, NONE, depth + 1, NULL };
          guint32 child_index = self->nodes->len;

          while (end < hi && g_array_index (keys, Key, end).chars[depth] == c)
            end++;
          g_array_append_val (self->edge_chars, c);
          g_array_append_val (self->edge_nodes, child_index);
          g_array_append_val (self->nodes, child);
          range = (Range) { lo, end };
          g_array_append_val (ranges, range);
          lo = end;
        }

      g_array_index (self->nodes, Node, v).first_edge = first_edge;
      g_array_index (self->nodes, Node, v).n_edges = self->edge_chars->len - first_edge;
    }

  /* Failure and output links, breadth first: a node's failure target is
   * shallower, so it is done before the node's children are. */
  nodes = (Node *) self->nodes->data;
  chars = (const guint32 *) self->edge_chars->data;
  children = (const guint32 *) self->edge_nodes->data;
  for (guint v = 0; v < self->nodes->len; v++)
    for (guint32 e = nodes[v].first_edge; e < nodes[v].first_edge + nodes[v].n_edges; e++)
      {
        guint32 child = children[e];
        guint32 fail = ROOT;

        if (v != ROOT)
          for (guint32 f = nodes[v].fail; ; f = nodes[f].fail)
            {
              guint32 next = find_edge (&nodes[f], chars, children, chars[e]);

              if (next != NONE)
                {
                  fail = next;
                  break;
                }
              if (f == ROOT)
                break;
            }

        nodes[child].fail = fail;
        nodes[child].out = nodes[fail].term != NULL ? fail : nodes[fail].out;
      }

  if (self->root_table == NULL)
    self->root_table = g_new (guint32, ROOT_TABLE_SIZE);
  memset (self->root_table, 0xFF, ROOT_TABLE_SIZE * sizeof (guint32));
  for (guint32 e = nodes[ROOT].first_edge; e < nodes[ROOT].first_edge + nodes[ROOT].n_edges; e++)
    if (chars[e] < ROOT_TABLE_SIZE)
      self->root_table[chars[e]] = children[e];

  for (guint i = 0; i < keys->len; i++)
    g_free (g_array_index (keys, Key, i).chars);
  self->dirty = FALSE;
}


/* Searching */

/* Whether [@start, @end) of @text keeps every user-perceived character
 * whole (spanmark_text_continues_cluster()). */
static inline gboolean
keeps_clusters (const gunichar *text,
                guint           n_chars,
                guint           start,
                guint           end)
{
  if (spanmark_text_continues_cluster (text[start]) || (start > 0 && text[start - 1] == 0x200D))
    return FALSE;
  return end == n_chars || (!spanmark_text_continues_cluster (text[end]) && text[end - 1] != 0x200D);
}

GArray *
spanmark_matcher_find_code_points (SpanmarkMatcher     *self,
                                   const gunichar      *text,
                                   guint                n_chars,
                                   SpanmarkMatchFilter  filter,
                                   gpointer             user_data)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (SpanmarkMatch));
  /* The node of the longest match known at each start (NONE: none yet);
   * its depth is the length, its term the text: one array, not two. */
  g_autofree guint32 *longest = NULL;
  const Node *nodes;
  const guint32 *chars, *children, *root_table;
  guint32 state = ROOT;

  g_return_val_if_fail (SPANMARK_IS_MATCHER (self), matches);
  g_return_val_if_fail (text != NULL || n_chars == 0, matches);

  if (self->dirty)
    build (self);
  if (self->n_terms == 0 || n_chars == 0)
    return matches;

  nodes = (const Node *) self->nodes->data;
  chars = (const guint32 *) self->edge_chars->data;
  children = (const guint32 *) self->edge_nodes->data;
  root_table = self->root_table;
  longest = g_new (guint32, n_chars);
  memset (longest, 0xFF, n_chars * sizeof (guint32));

  for (guint i = 0; i < n_chars; i++)
    {
      gunichar c = text[i];
      guint32 v;

      for (;;)
        {
          guint32 next = state == ROOT && c < ROOT_TABLE_SIZE ? root_table[c]
                                                              : find_edge (&nodes[state], chars, children, c);

          if (next != NONE)
            {
              state = next;
              break;
            }
          if (state == ROOT)
            break;
          state = nodes[state].fail;
        }

      /* Every text ending here, longest first. */
      for (v = nodes[state].term != NULL ? state : nodes[state].out; v != NONE; v = nodes[v].out)
        {
          SpanmarkMatcherTerm *term = nodes[v].term;
          guint32 length = nodes[v].depth;
          guint start = i + 1 - length;

          if ((longest[start] != NONE && length <= nodes[longest[start]].depth) || term->entries->len == 0 ||
              !keeps_clusters (text, n_chars, start, i + 1) ||
              (filter != NULL && !filter (start, i + 1, term, user_data)))
            continue;
          longest[start] = v;
        }
    }

  for (guint start = 0; start < n_chars;)
    {
      SpanmarkMatch match;

      if (longest[start] == NONE)
        {
          start++;
          continue;
        }
      match = (SpanmarkMatch) { start, start + nodes[longest[start]].depth, nodes[longest[start]].term };
      g_array_append_val (matches, match);
      start = match.end;
    }

  return matches;
}

GArray *
spanmark_matcher_find (SpanmarkMatcher     *self,
                       const char          *text,
                       gssize               len,
                       SpanmarkMatchFilter  filter,
                       gpointer             user_data)
{
  g_autofree gunichar *chars = NULL;
  glong n_chars = 0;

  g_return_val_if_fail (SPANMARK_IS_MATCHER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  chars = g_utf8_to_ucs4_fast (text, len, &n_chars);
  return spanmark_matcher_find_code_points (self, chars, (guint) n_chars, filter, user_data);
}
