/* test-json-syntax.c — the strict JSON check every reader runs first
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each bad input is one that json-glib accepts, decodes wrongly or
 * crashes on, or a common mistake whose message must name the place.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-json.h"
#include "spanmark-json-syntax.h"
#include "spanmark-test-util.h"

typedef struct
{
  const char *name;
  const char *input;
  guint       line;     /* 0: no place */
  guint       column;
  const char *message;
} BadSyntax;

static const BadSyntax bad_cases[] = {
  { "empty", "", 0, 0, "the file is empty" },
  { "blank", "  \n\t ", 0, 0, "the file is empty" },
  { "comment-block", "/* \" */ [1]", 1, 1, "comments are not allowed in JSON" },
  { "comment-line", "{\"a\": 1 // one\n}", 1, 9, "comments are not allowed in JSON" },
  { "single-quoted-name", "{'a': 1}", 1, 2,
    "strings and member names must be in double quotes (\"), not single quotes" },
  { "single-quoted-value", "{\"a\": 'x'}", 1, 7,
    "strings and member names must be in double quotes (\"), not single quotes" },
  { "trailing-comma-object", "{\"a\": 1,}", 1, 8, "a comma before “}” is not allowed in JSON" },
  { "trailing-comma-array", "[1,\n ]", 1, 3, "a comma before “]” is not allowed in JSON" },
  { "trailing-comma-lines", "{\n  \"a\": 1,\n  \"b\": 2,\n}", 3, 9, "a comma before “}” is not allowed in JSON" },
  { "second-value", "[1] [2]", 1, 5, "unexpected “[” after the end of the JSON value" },
  { "trailing-word", "{\"a\": 1} x", 1, 10, "unexpected “x” after the end of the JSON value" },
  { "lone-high-surrogate", "{\"a\": \"\\ud800x\"}", 1, 8,
    "“\\uD800” is the first half of a surrogate pair without the second" },
  { "high-surrogate-at-end", "[\"\\uDBFF\"]", 1, 3,
    "“\\uDBFF” is the first half of a surrogate pair without the second" },
  { "two-high-surrogates", "[\"\\ud800\\ud800\"]", 1, 3,
    "“\\uD800” is the first half of a surrogate pair without the second" },
  { "lone-low-surrogate", "[\"ab\\udc00\"]", 1, 5,
    "“\\uDC00” is the second half of a surrogate pair without the first" },
  { "escaped-nul", "{\"a\": \"x\\u0000y\"}", 1, 9, "“\\u0000” (a NUL character) is not allowed in a string" },
  { "short-unicode-escape", "[\"\\u12\"]", 1, 3, "“\\u” must be followed by four hexadecimal digits" },
  { "bad-escape", "{\"a\": \"\\x41\"}", 1, 8, "“\\” followed by “x41” is not an escape of JSON" },
  { "raw-tab", "{\"a\": \"x\ty\"}", 1, 9,
    "the control character U+0009 must be written as an escape (such as \\n or \\t) in a string" },
  { "unclosed-string", "{\"a\": \"abc", 1, 7, "the string is not closed" },
  { "leading-zero", "{\"a\": 007}", 1, 7, "“007” is not a valid JSON number" },
  { "hex-number", "{\"a\": 0x10}", 1, 7, "“0x10” is not a valid JSON number" },
  { "no-digit-after-point", "[1.]", 1, 2, "“1.” is not a valid JSON number" },
  { "no-digit-before-point", "[.5]", 1, 2, "expected a JSON value, not “.”" },
  { "plus-sign", "[+1]", 1, 2, "expected a JSON value, not “+”" },
  { "minus-alone", "[-]", 1, 2, "“-” is not a valid JSON number" },
  { "huge-integer", "{\"end\": 100000000000000000000000}", 1, 9,
    "the number 100000000000000000000000 is too large" },
  { "int64-max-plus-one", "[9223372036854775808]", 1, 2, "the number 9223372036854775808 is too large" },
  { "int64-min-minus-one", "[-9223372036854775809]", 1, 2, "the number -9223372036854775809 is too large" },
  { "huge-double", "[1e400]", 1, 2, "the number 1e400 is too large" },
  { "nan", "{\"a\": NaN}", 1, 7,
    "“NaN” is not a JSON value (expected a string, a number, an object, an array, true, false or null)" },
  { "partial-literal", "[tru]", 1, 2,
    "“tru” is not a JSON value (expected a string, a number, an object, an array, true, false or null)" },
  { "capital-literal", "[True]", 1, 2,
    "“True” is not a JSON value (expected a string, a number, an object, an array, true, false or null)" },
  { "duplicate-key", "{\"status\": \"a\", \"status\": \"b\"}", 1, 17,
    "the member name “status” is given twice in this object (first at line 1, column 2)" },
  { "duplicate-key-escaped", "{\"ab\": 1,\n \"\\u0061b\": 2}", 2, 2,
    "the member name “ab” is given twice in this object (first at line 1, column 2)" },
  { "duplicate-key-nested", "[{\"x\": {\"k\": 1, \"k\": 2}}]", 1, 17,
    "the member name “k” is given twice in this object (first at line 1, column 9)" },
  { "duplicate-key-many",
    "{\"a\":0,\"b\":0,\"c\":0,\"d\":0,\"e\":0,\"f\":0,\"g\":0,\"h\":0,\"i\":0,\"j\":0,"
    "\"k\":0,\"l\":0,\"m\":0,\"n\":0,\"o\":0,\"p\":0,\"q\":0,\"r\":0,\"c\":1}", 1, 110,
    "the member name “c” is given twice in this object (first at line 1, column 14)" },
  { "truncated", "{\"a\": 1", 1, 8, "expected “,” or “}”, not the end of the file" },
  { "truncated-after-colon", "{\"a\":", 1, 6, "expected a JSON value, not the end of the file" },
  { "missing-comma", "[1 2]", 1, 4, "expected “,” or “]”, not “2”" },
  { "missing-colon", "{\"a\" 1}", 1, 6, "expected “:” after the member name, not “1”" },
  { "unquoted-name", "{a: 1}", 1, 2, "expected a member name in double quotes, not “a”" },
  { "mismatched-bracket", "{\"a\": [1}", 1, 9, "expected “,” or “]”, not “}”" },
  { "invalid-utf8", "{\"a\": \"\xe6\x9d\"}", 1, 8, "the file is not valid UTF-8" },
  { "encoded-surrogate", "[\"\xed\xa0\x80\"]", 1, 3, "the file is not valid UTF-8" },
  { "overlong-utf8", "[\"\xc0\xaf\"]", 1, 3, "the file is not valid UTF-8" },
  { "invalid-utf8-outside", "[1, \xff]", 1, 5, "the file is not valid UTF-8" },
  { "byte-order-mark", "\xef\xbb\xbf{}", 1, 1, "expected a JSON value, not U+FEFF" },
  { "column-in-characters", "{\"名字\": 1,}", 1, 9, "a comma before “}” is not allowed in JSON" },
};

static void
test_bad (gconstpointer data)
{
  const BadSyntax *bad = data;
  SpanmarkJsonSyntax syntax = { NULL, };

  g_assert_false (spanmark_json_syntax_check (&syntax, bad->input, strlen (bad->input)));
  g_test_message ("%s: %u:%u: %s", bad->name, syntax.line, syntax.column, syntax.message);
  g_assert_cmpstr (syntax.message, ==, bad->message);
  g_assert_cmpuint (syntax.line, ==, bad->line);
  g_assert_cmpuint (syntax.column, ==, bad->column);
  g_assert_null (syntax.found);
  spanmark_json_syntax_clear (&syntax);
  g_assert_null (syntax.message);
}

/* A NUL byte, in a string and between values: the length, not the NUL,
 * ends the input. */
static void
test_nul_byte (void)
{
  SpanmarkJsonSyntax syntax = { NULL, };

  g_assert_false (spanmark_json_syntax_check (&syntax, "[\"a\0b\"]", 7));
  g_assert_cmpstr (syntax.message, ==, "the file contains a NUL byte");
  g_assert_cmpuint (syntax.column, ==, 4);

  g_assert_false (spanmark_json_syntax_check (&syntax, "[1,\0 2]", 7));
  g_assert_cmpstr (syntax.message, ==, "the file contains a NUL byte");
  g_assert_cmpuint (syntax.column, ==, 4);

  /* Not NUL-terminated: nothing past the length is read. */
  g_assert_true (spanmark_json_syntax_check (&syntax, "[1]garbage", 3));
  spanmark_json_syntax_clear (&syntax);
}

static void
test_good (void)
{
  static const char * const good[] = {
    "{}",
    "[]",
    " \r\n\t{ } ",
    "\"just a string\"",
    "0",
    "-0",
    "null",
    "{\"a\": [1, -0, 0.5, 1e5, 1E-5, -2.5e+3, true, false, null]}",
    "[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00 \\uffff\"]",
    "[\"市长🙂𠀋\x7f\"]",
    "[9223372036854775807, -9223372036854775808, 1e308, 1e-400]",
    "{\"a\": {\"a\": 1}, \"b\": [{\"a\": 1}, {\"a\": 1}]}",
    "{\"a\": 1, \"A\": 2, \"a \": 3, \"\\u00e9\": 4, \"é\\u0301\": 5}",
    "{\"a\":0,\"b\":0,\"c\":0,\"d\":0,\"e\":0,\"f\":0,\"g\":0,\"h\":0,\"i\":0,\"j\":0,"
    "\"k\":0,\"l\":0,\"m\":0,\"n\":0,\"o\":0,\"p\":0,\"q\":0,\"r\":0,\"s\":0}",
    "[[{}], {\"x\": []}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      SpanmarkJsonSyntax syntax = { NULL, };
      gboolean ok = spanmark_json_syntax_check (&syntax, good[i], strlen (good[i]));

      if (!ok)
        g_test_message ("%s: %u:%u: %s", good[i], syntax.line, syntax.column, syntax.message);
      g_assert_true (ok);
      g_assert_null (syntax.message);
    }
}

/* spanmark_json_syntax_check_string() takes exactly the strings the
 * whole check takes as a value ("[" STRING "]"), and only a string that
 * ends at the end of what it is given. */
static void
test_check_string (void)
{
  static const char * const strings[] = {
    "\"\"", "\"abc\"", "\"杭州 🙂\"", "\"a\\\"b\"", "\"\\n\\t\\/\\\\\"", "\"\\u00e9\\ud83d\\ude42\"",
    "\"\x7f\"", "\"\xff\"", "\"\xc0\xaf\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xe6\x9d\"",
    "\"a\x01\"", "\"\t\"", "\"\\x41\"", "\"\\u12\"", "\"\\u12g4\"", "\"\\u0000\"", "\"\\ud800\"",
    "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\\"", "\"abc",
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autofree char *array = g_strdup_printf ("[%s]", strings[i]);
      SpanmarkJsonSyntax syntax = { NULL, };
      gboolean whole = spanmark_json_syntax_check (&syntax, array, strlen (array));
      gboolean alone = spanmark_json_syntax_check_string (strings[i], strlen (strings[i]));
      g_autofree char *shown = g_strescape (strings[i], NULL);

      spanmark_json_syntax_clear (&syntax);
      g_test_message ("%s: %s", shown, whole ? "valid" : "refused");
      g_assert_cmpint (alone, ==, whole);
    }

  /* Good strings, but not one string from quote to quote. */
  g_assert_false (spanmark_json_syntax_check_string ("\"a\"b\"", 5));
  g_assert_false (spanmark_json_syntax_check_string ("\"abc\"", 4));
  g_assert_true (spanmark_json_syntax_check_string ("\"abc\"", 5));
}

/* Exactly SPANMARK_JSON_MAX_DEPTH levels are fine, one more is not, and
 * nothing before the brackets hides them (comments and single quotes are
 * refused, so no string can seem to open where none does). */
static void
test_depth (void)
{
  g_autoptr(GString) input = g_string_new (NULL);
  SpanmarkJsonSyntax syntax = { NULL, };

  for (guint i = 0; i < SPANMARK_JSON_MAX_DEPTH; i++)
    g_string_append (input, i % 2 == 0 ? "[" : "{\"k\": ");
  g_string_append (input, "0");
  for (guint i = SPANMARK_JSON_MAX_DEPTH; i > 0; i--)
    g_string_append (input, (i - 1) % 2 == 0 ? "]" : "}");
  g_assert_true (spanmark_json_syntax_check (&syntax, input->str, input->len));

  g_string_assign (input, "");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (input, '[');
  g_assert_false (spanmark_json_syntax_check (&syntax, input->str, input->len));
  g_assert_cmpstr (syntax.message, ==, "arrays and objects are nested more than 100 levels deep");
  g_assert_cmpuint (syntax.line, ==, 1);
  g_assert_cmpuint (syntax.column, ==, 101);

  g_string_prepend (input, "/* \" */ ");
  g_assert_false (spanmark_json_syntax_check (&syntax, input->str, input->len));
  g_assert_cmpstr (syntax.message, ==, "comments are not allowed in JSON");

  g_string_erase (input, 0, strlen ("/* \" */ "));
  g_string_prepend (input, "['\"', ");
  g_assert_false (spanmark_json_syntax_check (&syntax, input->str, input->len));
  g_assert_cmpstr (syntax.message, ==,
                   "strings and member names must be in double quotes (\"), not single quotes");
  g_assert_cmpuint (syntax.column, ==, 2);
  spanmark_json_syntax_clear (&syntax);
}

/* A member of the top-level object is found as written, never one of a
 * nested object. */
static void
test_find (void)
{
  static const struct
  {
    const char *input;
    const char *found;  /* NULL: not found */
  } cases[] = {
    { "{\"spanmark\": 1, \"meta\": {\"status\": \"x\"}, \"status\": \"done\", \"z\": 2}", "\"done\"" },
    { "{\"status\" : \"in-progress\"}", "\"in-progress\"" },
    { "{\"st\\u0061tus\": \"new\"}", "\"new\"" },
    { "{\"status\": {\"a\": [1, {}]}, \"b\": 1}", "{\"a\": [1, {}]}" },
    { "{\"status\": []}", "[]" },
    { "{\"status\": null}", "null" },
    { "[{\"status\": \"done\"}]", NULL },
    { "{\"a\": {\"status\": \"done\"}}", NULL },
    { "{\"statuses\": \"done\"}", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SpanmarkJsonSyntax syntax = { .find_key = "status" };

      g_assert_true (spanmark_json_syntax_check (&syntax, cases[i].input, strlen (cases[i].input)));
      if (cases[i].found == NULL)
        g_assert_null (syntax.found);
      else
        {
          g_autofree char *found = g_strndup (syntax.found, syntax.found_length);

          g_assert_cmpstr (found, ==, cases[i].found);
        }
    }

  /* A file that fails the check finds nothing. */
  {
    SpanmarkJsonSyntax syntax = { .find_key = "status" };
    const char *input = "{\"status\": \"done\", \"status\": \"new\"}";

    g_assert_false (spanmark_json_syntax_check (&syntax, input, strlen (input)));
    g_assert_null (syntax.found);
    spanmark_json_syntax_clear (&syntax);
  }
}

/* Regression: "end": 1.0, 1e23 or 0.3e1 passed the check and json-glib
 * read them as doubles, which the messages then showed as "1", "1e+23"
 * and "3".  A member listed as an integer must hold one as written; the
 * same name elsewhere, and every other number, is left alone. */
static void
test_integer_keys (void)
{
  static const SpanmarkJsonIntegerKey keys[] = { { "spanmark", 1 }, { "end", 3 }, { NULL, 0 } };
  static const struct
  {
    const char *input;
    guint       column;   /* 0: accepted */
    const char *message;
  } cases[] = {
    { "{\"spanmark\": 1, \"spans\": [{\"end\": 12}, {\"end\": -3}]}", 0, NULL },
    { "{\"spanmark\": 1.0}", 14, "“spanmark” must be an integer, written without a fraction or an exponent, not 1.0" },
    { "{\"spans\": [{\"end\": 1e23}]}", 20, "“end” must be an integer, written without a fraction or an exponent, not 1e23" },
    { "{\"spans\": [{\"end\": 0.3e1}]}", 20, "“end” must be an integer, written without a fraction or an exponent, not 0.3e1" },
    { "{\"spans\": [{\"\\u0065nd\": 2E0}]}", 25, "“end” must be an integer, written without a fraction or an exponent, not 2E0" },
    /* Not at the depth listed, or not a number: other rules judge it. */
    { "{\"end\": 1.5, \"spans\": [{\"meta\": {\"end\": 2.5}, \"x\": [1.5]}]}", 0, NULL },
    { "{\"spans\": [{\"end\": \"1.5\", \"start\": 1.5}]}", 0, NULL },
    { "{\"spanmark\": [1.5], \"a\": 2.5}", 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SpanmarkJsonSyntax syntax = { .integer_keys = keys };
      gboolean ok = spanmark_json_syntax_check (&syntax, cases[i].input, strlen (cases[i].input));

      g_test_message ("%s: %s", cases[i].input, ok ? "accepted" : syntax.message);
      g_assert_cmpint (ok, ==, cases[i].column == 0);
      if (!ok)
        {
          g_assert_cmpuint (syntax.line, ==, 1);
          g_assert_cmpuint (syntax.column, ==, cases[i].column);
          g_assert_cmpstr (syntax.message, ==, cases[i].message);
        }
      spanmark_json_syntax_clear (&syntax);
    }
}

/* An object with very many members, one given twice at the end: found
 * (through the hash table), in a test that would take hours if every
 * pair were compared. */
static void
test_many_members (void)
{
  g_autoptr(GString) input = g_string_new ("{");
  SpanmarkJsonSyntax syntax = { NULL, };

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (input, "\"k%u\": %u, ", i, i);
  g_string_append (input, "\"k7\": 0}");

  g_assert_false (spanmark_json_syntax_check (&syntax, input->str, input->len));
  g_assert_true (g_str_has_prefix (syntax.message, "the member name “k7” is given twice in this object (first at line 1, column "));
  spanmark_json_syntax_clear (&syntax);
}

/* Regression: json-glib's "<data>:1:22: Parse error: invalid string
 * constant" stayed English in the Chinese interface.  Place and problem
 * come in the user's language, here the build's Chinese catalogue. */
static void
test_translated (void)
{
  g_autofree char *mo = g_build_filename (SPANMARK_BUILD_LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);
  SpanmarkChecker checker;
  const SpanmarkProblem *problem;
  const char *input = "{\"a\": 1, // x\n}";

  /* The catalogue is built with the project: not optional.  The locale
   * is the machine's (build-aux/setup-debian makes it; a Flatpak SDK may
   * not have it): its own meson test, skipped where it is missing. */
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    g_error ("%s is missing: the zh_CN catalogue was not built", mo);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      spanmark_test_missing_prerequisite ("no zh_CN.UTF-8 locale: run build-aux/setup-debian (or locale-gen)");
      return;
    }
  g_unsetenv ("LANGUAGE");
  bindtextdomain (GETTEXT_PACKAGE, SPANMARK_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  spanmark_checker_init (&checker);
  g_assert_false (spanmark_json_check_syntax (&checker, "d1.json", input, strlen (input), NULL));
  problem = g_ptr_array_index (checker.problems, 0);
  g_assert_cmpstr (problem->file, ==, "d1.json");
  g_assert_cmpstr (problem->location, ==, "第 1 行，第 10 列");
  g_assert_cmpstr (problem->message, ==, "JSON 中不允许注释");
  spanmark_checker_clear (&checker);

  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json-syntax/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }
  g_test_add_func ("/json-syntax/nul-byte", test_nul_byte);
  g_test_add_func ("/json-syntax/good", test_good);
  g_test_add_func ("/json-syntax/check-string", test_check_string);
  g_test_add_func ("/json-syntax/depth", test_depth);
  g_test_add_func ("/json-syntax/find", test_find);
  g_test_add_func ("/json-syntax/integer-keys", test_integer_keys);
  g_test_add_func ("/json-syntax/many-members", test_many_members);
  g_test_add_func ("/json-syntax/translated", test_translated);

  return g_test_run ();
}
