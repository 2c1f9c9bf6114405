/* test-dictionary.c — the dictionary loaders (TSV, spaCy JSONL) and their errors
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spanmark-assist-private.h"
#include "spanmark-dictionary.h"
#include "spanmark-test-util.h"

static SpanmarkDictionary *
parse (const char *name,
       const char *data,
       gssize      length)
{
  g_autoptr(SpanmarkSchema) schema = spanmark_schema_new_default ();

  return spanmark_dictionary_new_from_data (name, data, length < 0 ? strlen (data) : (gsize) length, schema);
}

static const SpanmarkDictionaryEntry *
entry_at (SpanmarkDictionary *dictionary,
          guint               index)
{
  GPtrArray *entries = spanmark_dictionary_get_entries (dictionary);

  g_assert_cmpuint (index, <, entries->len);
  return g_ptr_array_index (entries, index);
}

/* The problems as "file: location: message" lines. */
static char *
problems_of (SpanmarkDictionary *dictionary)
{
  GPtrArray *problems = spanmark_dictionary_get_problems (dictionary);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = spanmark_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

static void
test_tsv (void)
{
  const char *data =
    "\xEF\xBB\xBF# officials and places\n"
    "车俊\tOFFICIAL\ttitle=浙江省委书记\tregion=浙江\r\n"
    "\n"
    "   \n"
    "  涪陵区 \tPLACE\n"
    "  # an indented comment\n"
    "果园港\tPLACE\tkind=港口\t\n"
    "一带一路\tINITIATIVE";
  g_autoptr(SpanmarkDictionary) dictionary = parse ("dictionaries/news.tsv", data, -1);
  const SpanmarkDictionaryEntry *entry;

  g_autofree char *problems = problems_of (dictionary);

  g_assert_cmpstr (problems, ==, "");
  g_assert_cmpuint (spanmark_dictionary_get_entries (dictionary)->len, ==, 4);
  g_assert_cmpstr (spanmark_dictionary_get_source (dictionary), ==, "dict:news.tsv");

  entry = entry_at (dictionary, 0);
  g_assert_cmpstr (entry->text, ==, "车俊");
  g_assert_cmpstr (entry->label, ==, "OFFICIAL");
  /* Attributes are an entity's, so the entry names it. */
  g_assert_cmpstr (entry->name, ==, "车俊");
  g_assert_cmpstr (g_hash_table_lookup (entry->attrs, "title"), ==, "浙江省委书记");
  g_assert_cmpstr (g_hash_table_lookup (entry->attrs, "region"), ==, "浙江");
  g_assert_cmpstr (entry->file, ==, "dictionaries/news.tsv");
  g_assert_cmpuint (entry->line, ==, 2);

  entry = entry_at (dictionary, 1);
  g_assert_cmpstr (entry->text, ==, "涪陵区");
  g_assert_null (entry->name);
  g_assert_cmpuint (g_hash_table_size (entry->attrs), ==, 0);
  g_assert_cmpuint (entry->line, ==, 5);
  g_assert_cmpuint (entry_at (dictionary, 2)->line, ==, 7);
  g_assert_cmpstr (entry_at (dictionary, 3)->text, ==, "一带一路");
  g_assert_cmpuint (entry_at (dictionary, 3)->line, ==, 8);
}

static void
test_tsv_bad_lines (void)
{
  /* Each bad line is named; the good lines around them still load. */
  static const char data[] =
    "涪陵区\tPLACE\n"
    "no tab here\n"
    "\tPLACE\n"
    "车俊\t \n"
    "车俊\tPERSON\n"
    "车俊\tOFFICIAL\tbad column\n"
    "车俊\tOFFICIAL\t=x\n"
    "车俊\tOFFICIAL\tcolour=red\n"
    "bad \xFF byte\tPLACE\n"
    "nul \0 byte\tPLACE\n"
    "果园港\tPLACE\n";
  g_autoptr(SpanmarkDictionary) dictionary = parse ("d.tsv", data, sizeof data - 1);
  g_autofree char *problems = problems_of (dictionary);

  g_assert_cmpstr (problems, ==,
                   "d.tsv: line 2: expected text, a tab and a label\n"
                   "d.tsv: line 3: the text before the first tab is empty\n"
                   "d.tsv: line 4: the label after the first tab is empty\n"
                   "d.tsv: line 5: the project has no label “PERSON”\n"
                   "d.tsv: line 6: column 3: expected key=value, not “bad column”\n"
                   "d.tsv: line 7: column 3: expected key=value, not “=x”\n"
                   "d.tsv: line 8: label OFFICIAL has no attribute “colour”\n"
                   "d.tsv: line 9: not valid UTF-8 at byte 5 of the line\n"
                   "d.tsv: line 10: contains a NUL character\n");
  g_assert_cmpuint (spanmark_dictionary_get_entries (dictionary)->len, ==, 2);
  g_assert_cmpstr (entry_at (dictionary, 1)->text, ==, "果园港");
}

static void
test_jsonl (void)
{
  const char *data =
    "{\"label\": \"PLACE\", \"pattern\": \"涪陵区\"}\n"
    "{\"label\": \"OFFICIAL\", \"pattern\": \"车俊\", \"id\": \"che-jun\"}\r\n"
    "\n"
    "{\"label\": \"PLACE\", \"pattern\": [{\"LOWER\": \"fuling\"}]}\n"
    "{\"label\": \"PLACE\", \"pattern\": \"a\"} // a comment\n"
    "{\"label\": \"PLACE\", \"pattern\": \"\\ud800\"}\n"
    "{\"label\": \"PLACE\", \"pattern\": \"a\\u0000b\"}\n"
    "[\"PLACE\", \"涪陵\"]\n"
    "{\"pattern\": \"涪陵\"}\n"
    "{\"label\": \"PLACE\", \"pattern\": 7}\n"
    "{\"label\": \"PLACE\", \"pattern\": \" \"}\n"
    "{\"label\": \"PERSON\", \"pattern\": \"x\"}\n"
    "{\"label\": \"PLACE\", \"pattern\": \"果园港\"}\n";
  g_autoptr(SpanmarkDictionary) dictionary = parse ("rules.jsonl", data, -1);
  g_autofree char *problems = problems_of (dictionary);

  g_assert_cmpstr (problems, ==,
                   "rules.jsonl: line 4: token patterns are not supported, only a string “pattern”\n"
                   "rules.jsonl: line 5, column 36: comments are not allowed in JSON\n"
                   "rules.jsonl: line 6, column 32: “\\uD800” is the first half of a surrogate pair without the second\n"
                   "rules.jsonl: line 7, column 33: “\\u0000” (a NUL character) is not allowed in a string\n"
                   "rules.jsonl: line 8: expected a JSON object with a “label” and a “pattern”\n"
                   "rules.jsonl: line 9: “label” is missing or not a string\n"
                   "rules.jsonl: line 10: “pattern” is missing or not a string\n"
                   "rules.jsonl: line 11: “pattern” is empty\n"
                   "rules.jsonl: line 12: the project has no label “PERSON”\n");
  g_assert_cmpuint (spanmark_dictionary_get_entries (dictionary)->len, ==, 3);
  g_assert_cmpstr (entry_at (dictionary, 0)->text, ==, "涪陵区");
  g_assert_cmpstr (entry_at (dictionary, 1)->label, ==, "OFFICIAL");
  g_assert_cmpuint (entry_at (dictionary, 2)->line, ==, 13);
}

static void
test_many_bad_lines (void)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(SpanmarkDictionary) dictionary = NULL;
  GPtrArray *problems;
  g_autofree char *last = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append (data, "garbage\n");
  g_string_append (data, "涪陵区\tPLACE\n");
  dictionary = parse ("big.tsv", data->str, (gssize) data->len);

  /* The first hundred are kept, one line says how many more. */
  problems = spanmark_dictionary_get_problems (dictionary);
  g_assert_cmpuint (problems->len, ==, SPANMARK_DICTIONARY_MAX_PROBLEMS + 1);
  last = spanmark_problem_to_string (g_ptr_array_index (problems, problems->len - 1));
  g_assert_cmpstr (last, ==, "big.tsv: 4900 more bad lines left out");
  g_assert_cmpuint (spanmark_dictionary_get_entries (dictionary)->len, ==, 1);
}

static void
test_long_text (void)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(SpanmarkDictionary) dictionary = NULL;
  g_autofree char *problems = NULL;

  /* A name, not a paragraph: 1,000 characters are fine, 1,001 are not. */
  for (guint i = 0; i < SPANMARK_DICTIONARY_MAX_TEXT_LENGTH; i++)
    g_string_append (data, "长");
  g_string_append (data, "\tPLACE\n长");
  for (guint i = 0; i < SPANMARK_DICTIONARY_MAX_TEXT_LENGTH; i++)
    g_string_append (data, "长");
  g_string_append (data, "\tPLACE\n");
  dictionary = parse ("long.tsv", data->str, (gssize) data->len);
  problems = problems_of (dictionary);
  g_assert_cmpstr (problems, ==, "long.tsv: line 2: the text is longer than 1000 characters\n");
  g_assert_cmpuint (spanmark_dictionary_get_entries (dictionary)->len, ==, 1);
}

static void
test_not_a_dictionary (void)
{
  g_autoptr(SpanmarkDictionary) dictionary = parse ("words.txt", "a\tPLACE\n", -1);
  g_autofree char *problems = problems_of (dictionary);

  g_assert_cmpstr (problems, ==, "words.txt: not a dictionary: the name must end in .tsv or .jsonl\n");
  g_assert_cmpuint (spanmark_dictionary_get_entries (dictionary)->len, ==, 0);
}

static void
test_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = spanmark_test_make_project ("p", "test", &dir, NULL);
  g_autofree char *folder = g_build_filename (dir, "dictionaries", NULL);
  g_autofree char *fifo = g_build_filename (folder, "d-fifo.tsv", NULL);
  g_autofree char *link = g_build_filename (folder, "e-link.tsv", NULL);
  g_autofree char *outside = g_build_filename (tmp, "outside.tsv", NULL);
  g_autofree char *a = g_build_filename (folder, "a.tsv", NULL);
  g_autofree char *b = g_build_filename (folder, "b.jsonl", NULL);
  g_autofree char *c = g_build_filename (folder, "c.txt", NULL);
  g_autoptr(GFile) project_dir = g_file_new_for_path (dir);
  g_autoptr(SpanmarkSchema) schema = spanmark_schema_new_default ();
  g_autoptr(GPtrArray) dictionaries = NULL;
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(SpanmarkDictionary) given = NULL;
  g_autofree char *fifo_problems = NULL;

  /* No folder: no dictionaries. */
  dictionaries = spanmark_dictionary_load_folder (project_dir, schema);
  g_assert_cmpuint (dictionaries->len, ==, 0);
  g_clear_pointer (&dictionaries, g_ptr_array_unref);

  spanmark_test_write_file (a, "涪陵区\tPLACE\n", -1);
  spanmark_test_write_file (b, "{\"label\": \"PLACE\", \"pattern\": \"果园港\"}\n", -1);
  spanmark_test_write_file (c, "not\tread\n", -1);
  spanmark_test_write_file (outside, "secret\tPLACE\n", -1);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (outside, link), ==, 0);

  /* A FIFO is refused without blocking, a link out of the project is
   * refused, a .txt is not a dictionary. */
  dictionaries = spanmark_dictionary_load_folder (project_dir, schema);
  g_assert_cmpuint (dictionaries->len, ==, 4);
  g_assert_cmpstr (spanmark_dictionary_get_name (g_ptr_array_index (dictionaries, 0)), ==, "dictionaries/a.tsv");
  g_assert_cmpuint (spanmark_dictionary_get_entries (g_ptr_array_index (dictionaries, 0))->len, ==, 1);
  g_assert_cmpstr (spanmark_dictionary_get_name (g_ptr_array_index (dictionaries, 1)), ==, "dictionaries/b.jsonl");
  g_assert_cmpuint (spanmark_dictionary_get_entries (g_ptr_array_index (dictionaries, 1))->len, ==, 1);
  for (guint i = 2; i < 4; i++)
    {
      SpanmarkDictionary *bad = g_ptr_array_index (dictionaries, i);
      g_autofree char *problems = problems_of (bad);

      g_test_message ("%s", problems);
      g_assert_cmpuint (spanmark_dictionary_get_entries (bad)->len, ==, 0);
      g_assert_cmpuint (spanmark_dictionary_get_problems (bad)->len, ==, 1);
      g_assert_true (g_str_has_prefix (problems, spanmark_dictionary_get_name (bad)));
    }
  fifo_problems = problems_of (g_ptr_array_index (dictionaries, 2));
  g_assert_nonnull (strstr (fifo_problems, "FIFO"));

  /* A file given on the command line is read the same safe way. */
  given = spanmark_dictionary_load (fifo_file, "d-fifo.tsv", schema);
  g_assert_cmpuint (spanmark_dictionary_get_problems (given)->len, ==, 1);

  spanmark_test_remove_tree (tmp);
}

/* A frozen entry holds copies of what it was made from, equal to the
 * same entry made field by field, and a field replaced later by a string
 * of its own is freed with it (under ASan, a wrong free fails here). */
static void
test_frozen (void)
{
  g_autoptr(GHashTable) attrs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = g_strdup ("青溪市");
  g_autoptr(SpanmarkDictionaryEntry) plain = spanmark_dictionary_entry_new (text, "PLACE", NULL, "corpus");
  g_autoptr(SpanmarkDictionaryEntry) frozen = _spanmark_dictionary_entry_new_frozen (text, "PLACE", NULL, "corpus", NULL, NULL);
  g_autoptr(SpanmarkDictionaryEntry) named = NULL;

  text[0] = 'x';
  g_assert_cmpstr (frozen->text, ==, "青溪市");
  g_assert_cmpstr (frozen->label, ==, "PLACE");
  g_assert_null (frozen->name);
  g_assert_cmpstr (frozen->source, ==, "corpus");
  g_assert_true (spanmark_dictionary_entry_equal (plain, frozen));

  g_hash_table_insert (attrs, "title", "市长");
  named = _spanmark_dictionary_entry_new_frozen ("林振邦", "OFFICIAL", "林振邦市长", "corpus", attrs, NULL);
  g_assert_cmpstr (named->name, ==, "林振邦市长");
  g_assert_cmpstr (g_hash_table_lookup (named->attrs, "title"), ==, "市长");
  g_assert_cmpuint (g_hash_table_size (named->span_attrs), ==, 0);
  named->file = g_strdup ("names.tsv");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dictionary/tsv", test_tsv);
  g_test_add_func ("/dictionary/frozen", test_frozen);
  g_test_add_func ("/dictionary/tsv-bad-lines", test_tsv_bad_lines);
  g_test_add_func ("/dictionary/jsonl", test_jsonl);
  g_test_add_func ("/dictionary/many-bad-lines", test_many_bad_lines);
  g_test_add_func ("/dictionary/long-text", test_long_text);
  g_test_add_func ("/dictionary/not-a-dictionary", test_not_a_dictionary);
  g_test_add_func ("/dictionary/folder", test_folder);

  return g_test_run ();
}
