/* fuzz-dictionary.c — dictionary files (TSV and spaCy JSONL) and the matcher over them
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as dictionaries/d.tsv and as dictionaries/d.jsonl.  Every
 * problem names the file; every entry has a non-empty text without white
 * space at its ends and a label of the schema; and the entries, put in a
 * matcher, find in the same bytes (when they are text) only matches that
 * are what they say, in order, without overlapping.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "spanmark-dictionary.h"
#include "spanmark-matcher.h"

static void
check_matches (SpanmarkMatcher *matcher,
               const char      *data,
               size_t           size)
{
  g_autofree gunichar *chars = NULL;
  g_autoptr(GArray) matches = NULL;
  glong n_chars = 0;
  guint last_end = 0;

  if (!g_utf8_validate_len (data, size, NULL))
    return;
  chars = g_utf8_to_ucs4_fast (data, (glong) size, &n_chars);
  matches = spanmark_matcher_find (matcher, data, (gssize) size, NULL, NULL);
  for (guint i = 0; i < matches->len; i++)
    {
      const SpanmarkMatch *match = &g_array_index (matches, SpanmarkMatch, i);
      g_autofree char *found = NULL;

      if (match->start < last_end || match->end <= match->start || match->end > (guint) n_chars)
        fuzz_fail ("match %u-%u after %u in %ld characters", match->start, match->end, last_end, n_chars);
      found = g_ucs4_to_utf8 (chars + match->start, match->end - match->start, NULL, NULL, NULL);
      if (g_strcmp0 (found, spanmark_matcher_term_get_text (match->term)) != 0)
        fuzz_fail ("match %u-%u is “%s”, not “%s”", match->start, match->end, found,
                   spanmark_matcher_term_get_text (match->term));
      last_end = match->end;
    }
}

static void
check_dictionary (const char *name,
                  const char *data,
                  size_t      size)
{
  g_autoptr(SpanmarkDictionary) dictionary = spanmark_dictionary_new_from_data (name, data, size, fuzz_schema ());
  g_autoptr(SpanmarkMatcher) matcher = spanmark_matcher_new ();
  GPtrArray *problems = spanmark_dictionary_get_problems (dictionary);
  GPtrArray *entries = spanmark_dictionary_get_entries (dictionary);

  if (problems->len > SPANMARK_DICTIONARY_MAX_PROBLEMS + 1)
    fuzz_fail ("%u problems kept", problems->len);
  for (guint i = 0; i < problems->len; i++)
    {
      const SpanmarkProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->file, name) != 0)
        fuzz_fail ("a problem names “%s”, not %s", problem->file, name);
      fuzz_check_message ("problem", problem->message);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      SpanmarkDictionaryEntry *entry = g_ptr_array_index (entries, i);
      gunichar first, last;

      fuzz_check_message ("entry text", entry->text);
      first = g_utf8_get_char (entry->text);
      last = g_utf8_get_char (g_utf8_find_prev_char (entry->text, entry->text + strlen (entry->text)));
      if (spanmark_text_is_white_space (first) || spanmark_text_is_white_space (last))
        fuzz_fail ("entry “%s” has white space at an end", entry->text);
      if (spanmark_schema_lookup (fuzz_schema (), entry->label) == NULL)
        fuzz_fail ("entry label “%s” is not in the schema", entry->label);
      if (entry->line == 0 || g_strcmp0 (entry->file, name) != 0)
        fuzz_fail ("entry “%s” says it is from %s:%u", entry->text, entry->file, entry->line);
      spanmark_matcher_add (matcher, entry);
    }

  check_matches (matcher, data, size);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_init ();
  check_dictionary ("dictionaries/d.tsv", (const char *) data, size);
  check_dictionary ("dictionaries/d.jsonl", (const char *) data, size);
  return 0;
}
