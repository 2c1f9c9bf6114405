/* spanmark-matcher.c — every dictionary text found in a document at once
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The automaton is laid out once from the texts sorted by code points
 * (their UTF-8 bytes' order): the texts below a node are a contiguous run
 * of that order, so its children are found by splitting the run at the
 * next code point, and nodes made breadth first get their edges in one
 * contiguous, sorted stretch of an array of code points, each edge's
 * child the node made with it.  The order also gives the number of nodes
 * before any is made, so the arrays are allocated once at their size.
 * Failure links follow in the same order, each node's "output" link
 * pointing at the nearest node down its failure chain that ends a text.
 *
 * A search walks the UTF-8 text once.  At each end position the output
 * chain gives every text ending there; each one the filter takes is kept
 * with its start.  A last pass then takes, from left to right, the
 * longest match of each start that is not inside the previous one:
 * leftmost-longest, and exact even where a greedy walk of the trie would
 * miss a shorter text inside a longer one that fails (abcd / bc over
 * "abcx").
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

/* One allocation a text, with the text and, while it has one entry
 * (most texts of a corpus), that entry in it too. */
struct _SpanmarkMatcherTerm
{
  Counted *items;      /* n_items, most counted first: &one, or an array of n_allocated */
  guint    n_items;
  guint    n_allocated;
  guint32  length;     /* in code points, set when the automaton is built */
  Counted  one;
  char     text[];
};

/* A node's edges are [its first_edge, the next node's first_edge) of
 * edge_chars, sorted; the child of edge e is node e + 1.  16 bytes: a
 * node that ends a text has its index in the sorted texts, whose length
 * is its depth. */
typedef struct
{
  guint32 first_edge;
  guint32 fail;
  guint32 out;   /* nearest node down the failure chain that ends a text */
  guint32 term;  /* index in sorted_terms of the text ending here, or NONE */
} Node;

struct _SpanmarkMatcher
{
  GObject     parent_instance;

  /* Set of the terms' texts (owned: term_of_text() gives the term, one
   * pointer a text where a table of values would take two); empty ones
   * stay until the next build. */
  GHashTable *terms;
  guint       n_terms;    /* with entries */
  guint       n_entries;
  guint       next_order;
  guint       generation;
  gboolean    dirty;      /* a text without a node was added */

  Node       *nodes;      /* [0] the root, and one past the last edge; NULL until built */
  guint32    *edge_chars; /* one less than the nodes */
  GPtrArray  *sorted_terms; /* the texts with entries at the last build, sorted: the nodes' terms */
  guint32    *root_table; /* ROOT_TABLE_SIZE children of the root, NONE where there is no edge */
};

G_DEFINE_FINAL_TYPE (SpanmarkMatcher, spanmark_matcher, G_TYPE_OBJECT)


/* Terms */

static void
term_free (SpanmarkMatcherTerm *term)
{
  for (guint i = 0; i < term->n_items; i++)
    spanmark_dictionary_entry_unref (term->items[i].entry);
  if (term->items != &term->one)
    g_free (term->items);
  g_free (term);
}

/* The term whose text @text is (a key of the matcher's terms). */
static SpanmarkMatcherTerm *
term_of_text (gpointer text)
{
  return (SpanmarkMatcherTerm *) ((char *) text - G_STRUCT_OFFSET (SpanmarkMatcherTerm, text));
}

static void
term_free_text (gpointer text)
{
  term_free (term_of_text (text));
}

static SpanmarkMatcherTerm *
lookup_term (SpanmarkMatcher *self,
             const char      *text)
{
  gpointer key;

  return g_hash_table_lookup_extended (self->terms, text, &key, NULL) ? term_of_text (key) : NULL;
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

  return term->n_items;
}

const SpanmarkDictionaryEntry *
spanmark_matcher_term_get_entry (const SpanmarkMatcherTerm *term,
                                 guint                      index)
{
  g_return_val_if_fail (term != NULL, NULL);
  g_return_val_if_fail (index < term->n_items, NULL);

  return term->items[index].entry;
}

guint
spanmark_matcher_term_get_count (const SpanmarkMatcherTerm *term,
                                 guint                      index)
{
  g_return_val_if_fail (term != NULL, 0);
  g_return_val_if_fail (index < term->n_items, 0);

  return term->items[index].count;
}

gboolean
spanmark_matcher_term_is_tie (const SpanmarkMatcherTerm *term)
{
  g_return_val_if_fail (term != NULL, FALSE);

  for (guint i = 1; i < term->n_items; i++)
    if (!g_str_equal (term->items[i].entry->label,
                      term->items[0].entry->label))
      return TRUE;
  return FALSE;
}

/* Puts the entry at @i back in order after its count changed. */
static void
term_reorder (SpanmarkMatcherTerm *term,
              guint                i)
{
  Counted *items = term->items;

  while (i > 0 && (items[i - 1].count < items[i].count ||
                   (items[i - 1].count == items[i].count && items[i - 1].order > items[i].order)))
    {
      Counted swap = items[i - 1];

      items[i - 1] = items[i];
      items[i] = swap;
      i--;
    }
  while (i + 1 < term->n_items &&
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
  for (guint i = 0; i < term->n_items; i++)
    if (spanmark_dictionary_entry_equal (term->items[i].entry, entry))
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
  Counted *item = &term->items[i];

  g_assert (count <= item->count);
  item->count -= count;
  if (item->count > 0)
    {
      term_reorder (term, i);
      return;
    }

  spanmark_dictionary_entry_unref (item->entry);
  term->n_items--;
  memmove (term->items + i, term->items + i + 1, (term->n_items - i) * sizeof (Counted));
  self->n_entries--;
  if (term->n_items == 0)
    self->n_terms--;
}


/* The object */

static void
spanmark_matcher_finalize (GObject *object)
{
  SpanmarkMatcher *self = SPANMARK_MATCHER (object);

  g_clear_pointer (&self->terms, g_hash_table_unref);
  g_clear_pointer (&self->nodes, g_free);
  g_clear_pointer (&self->edge_chars, g_free);
  g_clear_pointer (&self->sorted_terms, g_ptr_array_unref);
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
  self->terms = g_hash_table_new_full (g_str_hash, g_str_equal, term_free_text, NULL);
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
  term = lookup_term (self, entry->text);
  if (term == NULL)
    {
      gsize size = strlen (entry->text) + 1;

      term = g_malloc0 (sizeof (SpanmarkMatcherTerm) + size);
      memcpy (term->text, entry->text, size);
      term->items = &term->one;
      term->n_allocated = 1;
      g_hash_table_add (self->terms, term->text);
      self->dirty = TRUE;
    }

  i = term_find (term, entry);
  if (i >= 0)
    {
      term->items[i].count++;
      term_reorder (term, (guint) i);
      return;
    }

  if (term->n_items == 0)
    self->n_terms++;
  item = (Counted) { spanmark_dictionary_entry_ref (entry), 1, self->next_order++ };
  if (term->n_items == term->n_allocated)
    {
      term->n_allocated *= 2;
      if (term->items == &term->one)
        {
          term->items = g_new (Counted, term->n_allocated);
          term->items[0] = term->one;
        }
      else
        term->items = g_renew (Counted, term->items, term->n_allocated);
    }
  term->items[term->n_items++] = item;
  term_reorder (term, term->n_items - 1);
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

  term = lookup_term (self, entry->text);
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
  gpointer key;

  g_return_if_fail (SPANMARK_IS_MATCHER (self));
  g_return_if_fail (source != NULL);

  self->generation++;
  g_hash_table_iter_init (&iter, self->terms);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      term = term_of_text (key);
      for (guint i = term->n_items; i-- > 0;)
        {
          Counted *item = &term->items[i];

          if (g_str_equal (item->entry->source, source))
            term_drop (self, term, i, item->count);
        }
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

  term = lookup_term (self, text);
  return term != NULL && term->n_items > 0 ? term : NULL;
}

guint
spanmark_matcher_get_generation (SpanmarkMatcher *self)
{
  g_return_val_if_fail (SPANMARK_IS_MATCHER (self), 0);

  return self->generation;
}


/* Building the automaton */

static int
compare_terms (const void *a,
               const void *b)
{
  const SpanmarkMatcherTerm *x = *(SpanmarkMatcherTerm * const *) a;
  const SpanmarkMatcherTerm *y = *(SpanmarkMatcherTerm * const *) b;

  /* UTF-8's byte order is its code points' order. */
  return strcmp (x->text, y->text);
}

/* The code points @a and @b start with in common. */
static guint32
common_prefix (const char *a,
               const char *b)
{
  guint32 n = 0;

  for (; *a != '\0' && g_utf8_get_char (a) == g_utf8_get_char (b); n++)
    {
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
  return n;
}

/* The keys below a node: [lo, hi) of the sorted keys, which all start
 * with its path, the first @offset bytes of each. */
typedef struct
{
  guint lo;
  guint hi;
  gsize offset;
} Range;

/* The child of @node on @c, or NONE. */
static inline guint32
find_edge (const Node    *nodes,
           const guint32 *chars,
           guint32        node,
           gunichar       c)
{
  guint32 lo = nodes[node].first_edge, hi = nodes[node + 1].first_edge;

  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;

      if (chars[mid] < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < nodes[node + 1].first_edge && chars[lo] == c ? lo + 1 : NONE;
}

static void
build (SpanmarkMatcher *self)
{
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (self->terms));
  g_autoptr(GArray) level = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (Range));
  SpanmarkMatcherTerm **terms;
  GHashTableIter iter;
  SpanmarkMatcherTerm *term;
  gpointer key;
  Range range = { 0, 0, 0 };
  guint32 n_nodes = 1, n_edges = 0, v = 0;
  Node *nodes;
  guint32 *chars;

  /* Texts that lost all their entries go now: nothing points at them
   * once the last build's nodes and sorted texts are gone. */
  g_clear_pointer (&self->sorted_terms, g_ptr_array_unref);
  g_hash_table_iter_init (&iter, self->terms);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      term = term_of_text (key);
      if (term->n_items == 0)
        g_hash_table_iter_remove (&iter);
      else
        g_ptr_array_add (keys, term);
    }
  qsort (keys->pdata, keys->len, sizeof (gpointer), compare_terms);
  terms = (SpanmarkMatcherTerm **) keys->pdata;

  /* A node for each prefix of a text: in sorted order, each text adds
   * those past what it shares with the text before it.  So the arrays
   * are made at their size once, not grown. */
  for (guint i = 0; i < keys->len; i++)
    {
      terms[i]->length = (guint32) g_utf8_strlen (terms[i]->text, -1);
      n_nodes += terms[i]->length - (i > 0 ? common_prefix (terms[i - 1]->text, terms[i]->text) : 0);
    }
  self->sorted_terms = keys;
  g_free (self->nodes);
  g_free (self->edge_chars);
  /* One more node at the end, past the last edge (find_edge()). */
  self->nodes = nodes = g_new0 (Node, n_nodes + 1);
  self->edge_chars = chars = g_new (guint32, n_nodes);
  nodes[ROOT] = (Node) { 0, ROOT, NONE, NONE };

  /* Breadth first, a level at a time: node v holds the run of the sorted
   * keys that have its path as a prefix; the one as long as the path ends
   * there, the others are split by their next code point.  Each child is
   * made with its edge, so the child of edge e is node e + 1. */
  range.hi = keys->len;
  g_array_append_val (level, range);
  while (level->len > 0)
    {
      GArray *swap;

      for (guint k = 0; k < level->len; k++, v++)
        {
          Range r = g_array_index (level, Range, k);

          nodes[v].first_edge = n_edges;
          if (r.lo < r.hi && terms[r.lo]->text[r.offset] == '\0')
            nodes[v].term = r.lo++;

          while (r.lo < r.hi)
            {
              const char *at = terms[r.lo]->text + r.offset;
              gunichar c = g_utf8_get_char (at);
              guint end = r.lo + 1;
              Range child;

              while (end < r.hi && g_utf8_get_char (terms[end]->text + r.offset) == c)
                end++;
              child = (Range) { r.lo, end, r.offset + (gsize) (g_utf8_next_char (at) - at) };
              chars[n_edges] = c;
              nodes[n_edges + 1] = (Node) { 0, ROOT, NONE, NONE };
              n_edges++;
              g_array_append_val (next, child);
              r.lo = end;
            }
        }
      swap = level;
      level = next;
      next = swap;
      g_array_set_size (next, 0);
    }
  g_assert (v == n_nodes && n_edges + 1 == n_nodes);
  nodes[n_nodes].first_edge = n_edges;

  /* Failure and output links, breadth first: a node's failure target is
   * shallower, so it is done before the node's children are. */
  for (v = 0; v < n_nodes; v++)
    for (guint32 e = nodes[v].first_edge; e < nodes[v + 1].first_edge; e++)
      {
        guint32 child = e + 1;
        guint32 fail = ROOT;

        if (v != ROOT)
          for (guint32 f = nodes[v].fail; ; f = nodes[f].fail)
            {
              guint32 found = find_edge (nodes, chars, f, chars[e]);

              if (found != NONE)
                {
                  fail = found;
                  break;
                }
              if (f == ROOT)
                break;
            }

        nodes[child].fail = fail;
        nodes[child].out = nodes[fail].term != NONE ? fail : nodes[fail].out;
      }

  if (self->root_table == NULL)
    self->root_table = g_new (guint32, ROOT_TABLE_SIZE);
  memset (self->root_table, 0xFF, ROOT_TABLE_SIZE * sizeof (guint32));
  for (guint32 e = nodes[ROOT].first_edge; e < nodes[ROOT + 1].first_edge; e++)
    if (chars[e] < ROOT_TABLE_SIZE)
      self->root_table[chars[e]] = e + 1;

  self->dirty = FALSE;
}


/* Searching */

/* A text found, which the filter took: where it starts, in code points,
 * its length and its node. */
typedef struct
{
  guint   start;
  guint32 length;
  guint32 node;
} Found;

static int
compare_found (const void *a,
               const void *b)
{
  const Found *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* The longest first. */
  return x->length > y->length ? -1 : x->length < y->length;
}

/* Whether the text of @length code points that ends at @end (of @text,
 * @text_end) keeps every user-perceived character whole
 * (spanmark_text_continues_cluster()); @last is the code point before
 * @end. */
static gboolean
keeps_clusters (const char *text,
                const char *text_end,
                const char *end,
                gunichar    last,
                guint32     length)
{
  const char *start = end;

  if (end < text_end && (spanmark_text_continues_cluster (g_utf8_get_char (end)) || last == 0x200D))
    return FALSE;
  for (guint32 i = 0; i < length; i++)
    start = g_utf8_prev_char (start);
  return !spanmark_text_continues_cluster (g_utf8_get_char (start)) &&
         (start == text || g_utf8_get_char (g_utf8_prev_char (start)) != 0x200D);
}

GArray *
spanmark_matcher_find (SpanmarkMatcher     *self,
                       const char          *text,
                       gssize               len,
                       SpanmarkMatchFilter  filter,
                       gpointer             user_data)
{
  GArray *matches;
  g_autoptr(GArray) found = NULL;
  const Node *nodes;
  SpanmarkMatcherTerm **terms;
  const guint32 *chars, *root_table;
  const char *at, *text_end;
  guint32 state = ROOT;
  guint i, next_start;

  g_return_val_if_fail (SPANMARK_IS_MATCHER (self), NULL);
  g_return_val_if_fail (text != NULL || len == 0, NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (SpanmarkMatch));
  if (self->dirty)
    build (self);
  text_end = text + (len < 0 ? strlen (text) : (gsize) len);
  if (self->n_terms == 0 || text_end == text)
    return matches;

  nodes = self->nodes;
  terms = (SpanmarkMatcherTerm **) self->sorted_terms->pdata;
  chars = self->edge_chars;
  root_table = self->root_table;
  /* Only what the filter takes is kept, not a slot for each start. */
  found = g_array_new (FALSE, FALSE, sizeof (Found));

  for (at = text, i = 0; at < text_end; i++)
    {
      gunichar c = g_utf8_get_char (at);
      guint32 v;

      at = g_utf8_next_char (at);
      for (;;)
        {
          guint32 child = state == ROOT && c < ROOT_TABLE_SIZE ? root_table[c]
                                                               : find_edge (nodes, chars, state, c);

          if (child != NONE)
            {
              state = child;
              break;
            }
          if (state == ROOT)
            break;
          state = nodes[state].fail;
        }

      /* Every text ending here.  One starting where another ended
       * earlier is longer: each start's are found shortest first. */
      for (v = nodes[state].term != NONE ? state : nodes[state].out; v != NONE; v = nodes[v].out)
        {
          SpanmarkMatcherTerm *term = terms[nodes[v].term];
          guint start = i + 1 - term->length;
          Found item = { start, term->length, v };

          if (term->n_items == 0 || !keeps_clusters (text, text_end, at, c, term->length) ||
              (filter != NULL && !filter (start, i + 1, term, user_data)))
            continue;
          g_array_append_val (found, item);
        }
    }

  /* From left to right, the longest of each start not inside the match
   * before it. */
  if (found->len > 1)
    qsort (found->data, found->len, sizeof (Found), compare_found);
  next_start = 0;
  for (guint k = 0; k < found->len; k++)
    {
      const Found *item = &g_array_index (found, Found, k);
      SpanmarkMatch match;

      if (item->start < next_start)
        continue;
      match = (SpanmarkMatch) { item->start, item->start + item->length, terms[nodes[item->node].term] };
      g_array_append_val (matches, match);
      next_start = match.end;
    }

  return matches;
}
