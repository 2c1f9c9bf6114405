/* test-matcher.c — the Aho–Corasick matcher: leftmost-longest, overlaps,
 * code point offsets, counting, empty and huge dictionaries
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spanmark-matcher.h"

#define EMOJI "\xF0\x9F\x98\x80"          /* U+1F600 */
#define EXT_B "\xF0\xA0\x80\x80"          /* U+20000 */
#define ACUTE "\xCC\x81"                  /* U+0301 combining acute */
#define ZWJ "\xE2\x80\x8D"                /* U+200D */

static void
add (SpanmarkMatcher *matcher,
     const char      *text,
     const char      *label,
     const char      *source)
{
  g_autoptr(SpanmarkDictionaryEntry) entry = spanmark_dictionary_entry_new (text, label, NULL, source);

  spanmark_matcher_add (matcher, entry);
}

static SpanmarkMatcher *
matcher_of (const char * const *texts)
{
  SpanmarkMatcher *matcher = spanmark_matcher_new ();

  for (guint i = 0; texts[i] != NULL; i++)
    add (matcher, texts[i], "X", "dict:test.tsv");
  return matcher;
}

/* The matches as "start-end:text start-end:text", to compare whole. */
static char *
describe (GArray *matches)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      const SpanmarkMatch *m = &g_array_index (matches, SpanmarkMatch, i);

      g_string_append_printf (out, "%s%u-%u:%s", i > 0 ? " " : "", m->start, m->end,
                              spanmark_matcher_term_get_text (m->term));
    }
  return g_string_free (out, FALSE);
}

static void
assert_matches (SpanmarkMatcher *matcher,
                const char      *text,
                const char      *expected)
{
  g_autoptr(GArray) matches = spanmark_matcher_find (matcher, text, -1, NULL, NULL);
  g_autofree char *got = describe (matches);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_leftmost_longest (void)
{
  static const struct {
    const char *patterns[5];
    const char *text;
    const char *expected;
  } cases[] = {
    /* The longest at the leftmost start wins, then on after its end. */
    { { "a", "ab", "abc", NULL }, "abcd", "0-3:abc" },
    { { "he", "she", "hers", NULL }, "ushers", "1-4:she" },
    /* A longer text that starts later never beats an earlier start. */
    { { "ab", "bcd", NULL }, "abcd", "0-2:ab" },
    /* A shorter text inside a longer one that fails is still found
     * (a greedy walk of the trie would lose it). */
    { { "abcd", "bc", NULL }, "abcx", "1-3:bc" },
    { { "abcd", "bcx", "c", NULL }, "abcxabcd", "1-4:bcx 4-8:abcd" },
    /* Adjacent matches, repeated matches. */
    { { "aa", NULL }, "aaaaa", "0-2:aa 2-4:aa" },
    { { "浙江", "浙江省委书记", "车俊", "书记车", NULL }, "浙江省委书记车俊同志",
      "0-6:浙江省委书记 6-8:车俊" },
    /* No word boundaries: found inside other text, case-sensitive. */
    { { "Chen", NULL }, "xChenx chen CHEN Chen", "1-5:Chen 17-21:Chen" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SpanmarkMatcher) matcher = matcher_of (cases[i].patterns);

      g_test_message ("case %u: %s", i, cases[i].text);
      assert_matches (matcher, cases[i].text, cases[i].expected);
    }
}

static void
test_code_points (void)
{
  const char *patterns[] = { "车俊", EMOJI, EXT_B "x", NULL };
  g_autoptr(SpanmarkMatcher) matcher = matcher_of (patterns);

  /* Offsets count code points: an emoji and an Extension B ideograph
   * are one each (not 2 UTF-16 units, not 4 bytes). */
  assert_matches (matcher, EMOJI "车俊" EMOJI EXT_B "x车俊",
                  "0-1:" EMOJI " 1-3:车俊 3-4:" EMOJI " 4-6:" EXT_B "x 6-8:车俊");
}

static void
test_clusters (void)
{
  const char *patterns[] = { "e", "e" ACUTE, "x", NULL };
  g_autoptr(SpanmarkMatcher) matcher = matcher_of (patterns);
  const char *zwj_patterns[] = { EMOJI, NULL };
  g_autoptr(SpanmarkMatcher) zwj_matcher = matcher_of (zwj_patterns);

  /* "e" never matches the first half of é written with a combining mark,
   * but the whole cluster does. */
  assert_matches (matcher, "e" ACUTE " e x" ACUTE, "0-2:e" ACUTE " 3-4:e");
  /* An emoji joined to another by U+200D is part of one character. */
  assert_matches (zwj_matcher, EMOJI ZWJ EMOJI " " EMOJI, "4-5:" EMOJI);
}

static void
test_empty (void)
{
  const char *none[] = { NULL };
  const char *some[] = { "a", NULL };
  g_autoptr(SpanmarkMatcher) empty = matcher_of (none);
  g_autoptr(SpanmarkMatcher) matcher = matcher_of (some);

  g_assert_cmpuint (spanmark_matcher_get_n_terms (empty), ==, 0);
  assert_matches (empty, "abc", "");
  assert_matches (empty, "", "");
  assert_matches (matcher, "", "");
  g_assert_null (spanmark_matcher_lookup (empty, "a"));
}

/* With a length, the search stops there: a text running past it is not
 * found, and a NUL byte inside is a character like any other. */
static void
test_length (void)
{
  const char *patterns[] = { "甲乙", "乙丙", "b", NULL };
  g_autoptr(SpanmarkMatcher) matcher = matcher_of (patterns);
  g_autoptr(GArray) prefix = spanmark_matcher_find (matcher, "甲乙丙", strlen ("甲乙"), NULL, NULL);
  g_autoptr(GArray) cut = spanmark_matcher_find (matcher, "丁乙丙", strlen ("丁乙"), NULL, NULL);
  g_autoptr(GArray) nul = spanmark_matcher_find (matcher, "a\0b甲乙", 3 + strlen ("甲乙"), NULL, NULL);
  g_autofree char *got_prefix = describe (prefix);
  g_autofree char *got_cut = describe (cut);
  g_autofree char *got_nul = describe (nul);

  g_assert_cmpstr (got_prefix, ==, "0-2:甲乙");
  g_assert_cmpstr (got_cut, ==, "");
  g_assert_cmpstr (got_nul, ==, "2-3:b 3-5:甲乙");
}

static void
test_counting (void)
{
  g_autoptr(SpanmarkMatcher) matcher = spanmark_matcher_new ();
  g_autoptr(SpanmarkDictionaryEntry) place = spanmark_dictionary_entry_new ("涪陵", "PLACE", NULL, "corpus");
  g_autoptr(SpanmarkDictionaryEntry) official = spanmark_dictionary_entry_new ("涪陵", "OFFICIAL", NULL, "corpus");
  g_autoptr(SpanmarkDictionaryEntry) dict = spanmark_dictionary_entry_new ("涪陵", "PLACE", NULL, "dict:a.tsv");
  const SpanmarkMatcherTerm *term;
  guint generation;

  spanmark_matcher_add (matcher, official);
  spanmark_matcher_add (matcher, place);
  spanmark_matcher_add (matcher, place);
  g_assert_cmpuint (spanmark_matcher_get_n_terms (matcher), ==, 1);
  g_assert_cmpuint (spanmark_matcher_get_n_entries (matcher), ==, 2);

  /* Most counted first, and two labels make a tie. */
  term = spanmark_matcher_lookup (matcher, "涪陵");
  g_assert_nonnull (term);
  g_assert_cmpuint (spanmark_matcher_term_get_n_entries (term), ==, 2);
  g_assert_cmpstr (spanmark_matcher_term_get_entry (term, 0)->label, ==, "PLACE");
  g_assert_cmpuint (spanmark_matcher_term_get_count (term, 0), ==, 2);
  g_assert_cmpuint (spanmark_matcher_term_get_count (term, 1), ==, 1);
  g_assert_true (spanmark_matcher_term_is_tie (term));
  assert_matches (matcher, "在涪陵", "1-3:涪陵");

  /* Removing counts down; the order follows the counts. */
  generation = spanmark_matcher_get_generation (matcher);
  g_assert_true (spanmark_matcher_remove (matcher, place));
  g_assert_cmpuint (spanmark_matcher_get_generation (matcher), >, generation);
  g_assert_true (spanmark_matcher_remove (matcher, place));
  g_assert_false (spanmark_matcher_remove (matcher, place));
  term = spanmark_matcher_lookup (matcher, "涪陵");
  g_assert_cmpuint (spanmark_matcher_term_get_n_entries (term), ==, 1);
  g_assert_cmpstr (spanmark_matcher_term_get_entry (term, 0)->label, ==, "OFFICIAL");
  g_assert_false (spanmark_matcher_term_is_tie (term));

  /* A source goes as a whole; a text without entries matches nothing,
   * without a rebuild and after one. */
  spanmark_matcher_add (matcher, dict);
  spanmark_matcher_remove_source (matcher, "corpus");
  term = spanmark_matcher_lookup (matcher, "涪陵");
  g_assert_cmpuint (spanmark_matcher_term_get_n_entries (term), ==, 1);
  g_assert_cmpstr (spanmark_matcher_term_get_entry (term, 0)->source, ==, "dict:a.tsv");
  spanmark_matcher_remove_source (matcher, "dict:a.tsv");
  g_assert_null (spanmark_matcher_lookup (matcher, "涪陵"));
  g_assert_cmpuint (spanmark_matcher_get_n_terms (matcher), ==, 0);
  g_assert_cmpuint (spanmark_matcher_get_n_entries (matcher), ==, 0);
  assert_matches (matcher, "在涪陵", "");
  add (matcher, "在", "X", "corpus");
  assert_matches (matcher, "在涪陵", "0-1:在");
}

static void
test_add_after_search (void)
{
  const char *patterns[] = { "ab", NULL };
  g_autoptr(SpanmarkMatcher) matcher = matcher_of (patterns);

  assert_matches (matcher, "abcabc", "0-2:ab 3-5:ab");
  /* A new text rebuilds the automaton on the next search. */
  add (matcher, "abc", "X", "corpus");
  assert_matches (matcher, "abcabc", "0-3:abc 3-6:abc");
  add (matcher, "cab", "X", "corpus");
  assert_matches (matcher, "abcabc", "0-3:abc 3-6:abc");
  assert_matches (matcher, "xcabc", "1-4:cab");
}

static gboolean
refuse_long_cb (guint                      start,
                guint                      end,
                const SpanmarkMatcherTerm *term,
                gpointer                   user_data)
{
  guint *calls = user_data;

  (*calls)++;
  return end - start < 3;
}

static void
test_filter (void)
{
  const char *patterns[] = { "ab", "abc", "cd", NULL };
  g_autoptr(SpanmarkMatcher) matcher = matcher_of (patterns);
  g_autoptr(GArray) matches = NULL;
  g_autofree char *got = NULL;
  guint calls = 0;

  /* The filter refuses abc (overlapping a span, say): ab is the longest
   * taken at 0, and cd, no longer inside a match, is found after it. */
  matches = spanmark_matcher_find (matcher, "abcd", -1, refuse_long_cb, &calls);
  got = describe (matches);
  g_assert_cmpstr (got, ==, "0-2:ab 2-4:cd");
  g_assert_cmpuint (calls, ==, 3);
}

/* What leftmost-longest means, the slow way: at each position from the
 * left, the longest pattern starting there. */
static char *
reference_matches (GHashTable *patterns,
                   guint       max_length,
                   const char *text)
{
  g_autofree gunichar *chars = NULL;
  GString *out = g_string_new (NULL);
  glong n = 0;

  chars = g_utf8_to_ucs4_fast (text, -1, &n);
  for (glong i = 0; i < n;)
    {
      guint best = 0;

      for (guint length = 1; length <= max_length && i + (glong) length <= n; length++)
        {
          g_autofree char *candidate = g_ucs4_to_utf8 (chars + i, length, NULL, NULL, NULL);

          if (g_hash_table_contains (patterns, candidate))
            best = length;
        }
      if (best == 0)
        {
          i++;
          continue;
        }
      {
        g_autofree char *found = g_ucs4_to_utf8 (chars + i, best, NULL, NULL, NULL);

        g_string_append_printf (out, "%s%ld-%ld:%s", out->len > 0 ? " " : "", i, i + best, found);
      }
      i += best;
    }
  return g_string_free (out, FALSE);
}

static char *
random_string (GRand              *rand,
               const char * const *alphabet,
               guint               n_letters,
               guint               length)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < length; i++)
    g_string_append (out, alphabet[g_rand_int_range (rand, 0, n_letters)]);
  return g_string_free (out, FALSE);
}

static void
test_huge_against_reference (void)
{
  /* A small alphabet of 1- to 4-byte characters makes many overlapping
   * patterns; 100,000 entries as in the benchmark. */
  static const char * const alphabet[] = { "a", "b", "é", "车", "俊", EMOJI, EXT_B };
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  g_autoptr(GHashTable) patterns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(SpanmarkMatcher) matcher = spanmark_matcher_new ();
  const guint max_length = 12;

  while (g_hash_table_size (patterns) < 100000)
    {
      char *pattern = random_string (rand, alphabet, G_N_ELEMENTS (alphabet),
                                     (guint) g_rand_int_range (rand, 1, max_length + 1));

      if (!g_hash_table_add (patterns, pattern))
        continue;
      add (matcher, pattern, "X", "dict:huge.tsv");
    }
  g_assert_cmpuint (spanmark_matcher_get_n_terms (matcher), ==, 100000);

  for (guint round = 0; round < 20; round++)
    {
      g_autofree char *text = random_string (rand, alphabet, G_N_ELEMENTS (alphabet), 2000);
      g_autofree char *expected = reference_matches (patterns, max_length, text);
      g_autoptr(GArray) matches = spanmark_matcher_find (matcher, text, -1, NULL, NULL);
      g_autofree char *got = describe (matches);

      g_assert_cmpuint (matches->len, >, 100);
      g_assert_cmpstr (got, ==, expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/matcher/leftmost-longest", test_leftmost_longest);
  g_test_add_func ("/matcher/code-points", test_code_points);
  g_test_add_func ("/matcher/clusters", test_clusters);
  g_test_add_func ("/matcher/empty", test_empty);
  g_test_add_func ("/matcher/length", test_length);
  g_test_add_func ("/matcher/counting", test_counting);
  g_test_add_func ("/matcher/add-after-search", test_add_after_search);
  g_test_add_func ("/matcher/filter", test_filter);
  g_test_add_func ("/matcher/huge-against-reference", test_huge_against_reference);

  return g_test_run ();
}
