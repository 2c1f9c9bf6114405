/* spanmark-bench-matcher.c — the dictionary matcher on a big dictionary and corpus
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   spanmark-bench-matcher generate DIR [N_ENTRIES [N_DOCUMENTS]]
 *     writes DIR/dictionary.txt (one text a line; 100,000 by default) and
 *     DIR/corpus.txt (one document of about 2,000 characters a line;
 *     10,000 by default), deterministically;
 *   spanmark-bench-matcher run DIR
 *     builds the matcher from the dictionary, finds the leftmost-longest
 *     matches in every document and prints the counts, a checksum of the
 *     matches (bench/matcher_ahocorasick.py computes the same one) and the
 *     times of building and searching.
 *
 * The texts are CJK ideographs drawn with a skew (a few thousand common
 * characters, as in news), dictionary entries 2 to 6 characters long;
 * each document mixes such characters with about 90 mentions of the
 * commoner entries.  Run by bench/run-matcher-bench.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "spanmark-matcher.h"

#define ALPHABET 3000
#define DOCUMENT_LENGTH 2000
#define MENTIONS 90

static gunichar
skewed_char (GRand *rand)
{
  double r = g_rand_double (rand);

  return 0x4E00 + (gunichar) (ALPHABET * r * r * r);
}

static void
append_random (GString *out,
               GRand   *rand,
               guint    length)
{
  for (guint i = 0; i < length; i++)
    g_string_append_unichar (out, skewed_char (rand));
}

static int
generate (const char *dir,
          guint       n_entries,
          guint       n_documents)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261201);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GString) dictionary = g_string_new (NULL);
  g_autoptr(GString) corpus = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dictionary_path = g_build_filename (dir, "dictionary.txt", NULL);
  g_autofree char *corpus_path = g_build_filename (dir, "corpus.txt", NULL);

  g_mkdir_with_parents (dir, 0755);
  while (entries->len < n_entries)
    {
      static const guint lengths[] = { 2, 2, 3, 3, 3, 4, 4, 5, 6 };
      GString *text = g_string_new (NULL);

      append_random (text, rand, lengths[g_rand_int_range (rand, 0, G_N_ELEMENTS (lengths))]);
      if (g_hash_table_contains (seen, text->str))
        {
          g_string_free (text, TRUE);
          continue;
        }
      g_hash_table_add (seen, text->str);
      g_ptr_array_add (entries, text->str);
      g_string_append_printf (dictionary, "%s\n", text->str);
      g_string_free (text, FALSE);
    }

  for (guint d = 0; d < n_documents; d++)
    {
      guint length = 0;

      for (guint m = 0; m < MENTIONS && length < DOCUMENT_LENGTH; m++)
        {
          /* Commoner entries come up more, as the same officials do. */
          double r = g_rand_double (rand);
          const char *mention = g_ptr_array_index (entries, (guint) (MIN (n_entries, 5000) * r * r));
          guint filler = (guint) g_rand_int_range (rand, 10, 34);

          append_random (corpus, rand, filler);
          g_string_append (corpus, mention);
          length += filler + (guint) g_utf8_strlen (mention, -1);
        }
      if (length < DOCUMENT_LENGTH)
        append_random (corpus, rand, DOCUMENT_LENGTH - length);
      g_string_append_c (corpus, '\n');
    }

  if (!g_file_set_contents (dictionary_path, dictionary->str, (gssize) dictionary->len, &error) ||
      !g_file_set_contents (corpus_path, corpus->str, (gssize) corpus->len, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* The checksum bench/matcher_ahocorasick.py computes the same way. */
static guint64
mix (guint64 hash,
     guint   document,
     guint   start,
     guint   end)
{
  return (hash ^ (((guint64) document << 42) | ((guint64) start << 21) | end)) * G_GUINT64_CONSTANT (1099511628211);
}

static int
run (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dictionary_path = g_build_filename (dir, "dictionary.txt", NULL);
  g_autofree char *corpus_path = g_build_filename (dir, "corpus.txt", NULL);
  g_autofree char *dictionary = NULL;
  g_autofree char *corpus = NULL;
  g_autoptr(SpanmarkMatcher) matcher = spanmark_matcher_new ();
  g_autoptr(GArray) none = NULL;
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);
  guint64 n_chars = 0, n_matches = 0;
  guint n_documents = 0;
  gint64 t0, t1, t2;
  char *line, *next;

  if (!g_file_get_contents (dictionary_path, &dictionary, NULL, &error) ||
      !g_file_get_contents (corpus_path, &corpus, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  t0 = g_get_monotonic_time ();
  for (line = dictionary; *line != '\0'; line = next)
    {
      g_autoptr(SpanmarkDictionaryEntry) entry = NULL;

      next = strchr (line, '\n');
      *next++ = '\0';
      entry = spanmark_dictionary_entry_new (line, "X", NULL, "dict:bench.txt");
      spanmark_matcher_add (matcher, entry);
    }
  /* The automaton is built by the first search. */
  none = spanmark_matcher_find (matcher, "", 0, NULL, NULL);
  t1 = g_get_monotonic_time ();

  for (line = corpus; *line != '\0'; line = next, n_documents++)
    {
      g_autoptr(GArray) matches = NULL;
      glong length;

      next = strchr (line, '\n');
      length = next - line;
      *next++ = '\0';
      matches = spanmark_matcher_find (matcher, line, length, NULL, NULL);
      n_chars += (guint64) g_utf8_strlen (line, length);
      n_matches += matches->len;
      for (guint i = 0; i < matches->len; i++)
        {
          const SpanmarkMatch *match = &g_array_index (matches, SpanmarkMatch, i);

          hash = mix (hash, n_documents, match->start, match->end);
        }
    }
  t2 = g_get_monotonic_time ();

  printf ("entries %u\ndocuments %u\ncharacters %" G_GUINT64_FORMAT "\nmatches %" G_GUINT64_FORMAT
          "\nchecksum %016" G_GINT64_MODIFIER "x\nbuild %.3f s\nsearch %.3f s\n",
          spanmark_matcher_get_n_terms (matcher), n_documents, n_chars, n_matches, hash,
          (double) (t1 - t0) / G_USEC_PER_SEC, (double) (t2 - t1) / G_USEC_PER_SEC);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc >= 3 && strcmp (argv[1], "generate") == 0)
    return generate (argv[2], argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 100000,
                     argc > 4 ? (guint) g_ascii_strtoull (argv[4], NULL, 10) : 10000);
  if (argc == 3 && strcmp (argv[1], "run") == 0)
    return run (argv[2]);

  g_printerr ("Usage: spanmark-bench-matcher generate DIR [N_ENTRIES [N_DOCUMENTS]]\n"
              "       spanmark-bench-matcher run DIR\n");
  return 2;
}
