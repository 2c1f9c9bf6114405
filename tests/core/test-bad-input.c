/* test-bad-input.c — every kind of bad input gives a clear error and
 * changes nothing
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case damages one file of a valid project, then checks that loading
 * (or opening) fails with a message naming the file and the place, that
 * spanmark_validate_project() reports the same problem, that a file that
 * failed to load is not overwritten by a save, and that no file in the
 * project changed.
 */

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include "spanmark-annotation-rules.h"
#include "spanmark-core.h"
#include "spanmark-export-private.h"
#include "spanmark-json.h"
#include "project-fixture.h"

#define D1 "annotations/alice/d1.json"
#define INDEX "spanmark.json"
#define HASH "d9263e356fc8578a15cd82670b4873133cd364ba096ab2f94322ded7d639ff28"
#define ZEROS "0000000000000000000000000000000000000000000000000000000000000000"

typedef enum
{
  FAILS_LOAD,    /* spanmark_project_load_annotations (d1, alice) fails */
  FAILS_TEXT,    /* the text of d1 cannot be loaded */
  FAILS_OPEN,    /* spanmark_project_open fails */
  BROKEN_ENTRY,  /* the project opens; one document entry is broken */
  BAD_LABEL,     /* the project opens; every document loads */
} Stage;

typedef struct
{
  const char *name;
  const char *file;       /* the file to damage */
  const char *find;       /* replaced by @replace; NULL: the whole file */
  const char *replace;
  Stage       stage;
  int         code;       /* SpanmarkProjectError */
  const char *problem_file;
  const char *location;   /* NULL: none */
  gboolean    location_is_prefix;
  const char *message;    /* NULL: any */
} BadCase;

static const BadCase cases[] = {
  { "corrupt-json", D1, "\"status\": \"in-progress\",", "\"status\": \"in-progress\",,",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 6, column ", TRUE, NULL },
  { "truncated-json", D1, NULL, "{\n  \"spanmark\": 1,\n  \"document\": \"d1\",\n  \"text_sha",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line ", TRUE, NULL },
  { "empty-file", D1, NULL, "",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, NULL, FALSE, "the file is empty" },
  { "json-not-utf8", D1, "\"text\": \"杭州\"", "\"text\": \"\xe6\x9d\"",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 10, column ", TRUE, "the file is not valid UTF-8" },
  { "deep-nesting", D1, NULL, NULL,  /* see damage(): 100,000 "[" */
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 1, column 101", FALSE,
    "arrays and objects are nested more than 100 levels deep" },
  { "not-an-object", D1, NULL, "[1, 2]\n",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, NULL, FALSE, "must hold a JSON object, not an array" },
  { "wrong-version", D1, "\"spanmark\": 1,", "\"spanmark\": 2,",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "\"spanmark\"", FALSE,
    "format version 2 is not supported (this version of Spanmark reads version 1)" },
  { "wrong-type-status", D1, "\"status\": \"in-progress\"", "\"status\": 3",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "\"status\"", FALSE, "must be a string, not an integer" },
  { "wrong-type-start", D1, "\"start\": 7,", "\"start\": \"7\",",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "spans[1] (id \"s2\")", FALSE,
    "start must be a non-negative integer, not a string" },
  { "wrong-type-spans", D1, "\"spans\": [", "\"spans\": {\"a\": 1}, \"x\": [",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "\"spans\"", FALSE, "must be an array, not an object" },
  { "wrong-type-span", D1, "{\"id\": \"s3\", \"start\": 14, \"end\": 16, \"label\": \"PLACE\", \"text\": \"𠀋村\"}", "\"s3\"",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "spans[2]", FALSE, "must be an object, not a string" },
  { "wrong-type-attr", D1, "{\"kind\": \"city\"}", "{\"kind\": 5}",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "spans[1] (id \"s2\")", FALSE,
    "attrs.kind must be a string, not an integer" },
  { "fractional-offset", D1, "\"end\": 9,", "\"end\": 9.5,",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 10, column 37", FALSE,
    "“end” must be an integer, written without a fraction or an exponent, not 9.5" },
  { "missing-label", D1, "\"label\": \"PLACE\", \"text\": \"𠀋村\"", "\"text\": \"𠀋村\"",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "spans[2] (id \"s3\")", FALSE, "label is missing" },
  { "negative-offset", D1, "\"start\": 2,", "\"start\": -2,",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "spans[0] (id \"s1\")", FALSE, "start -2 is negative" },
  { "offset-out-of-range", D1, "\"start\": 26, \"end\": 36", "\"start\": 26, \"end\": 90",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "spans[3] (id \"s4\")", FALSE,
    "end 90 is past the end of the text (38 characters)" },
  { "huge-offset", D1, "\"start\": 26, \"end\": 36", "\"start\": 26, \"end\": 99999999999999",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "spans[3] (id \"s4\")", FALSE, "end 99999999999999 is too large" },
  { "end-not-after-start", D1, "\"start\": 7, \"end\": 9", "\"start\": 7, \"end\": 7",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "spans[1] (id \"s2\")", FALSE, "end 7 is not after start 7" },
  { "text-mismatch", D1, "\"text\": \"杭州\"", "\"text\": \"杭洲\"",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "spans[1] (id \"s2\")", FALSE,
    "text \"杭洲\" differs from the text at 7–9, \"杭州\"" },
  { "hash-mismatch", D1, HASH, ZEROS,
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "\"text_sha256\"", FALSE,
    "does not match the document text: the text changed after these annotations were made" },
  { "text-changed", "documents/d1.txt", "发言", "讲话",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "\"text_sha256\"", FALSE,
    "does not match the document text: the text changed after these annotations were made" },
  { "duplicate-span-id", D1, "{\"id\": \"s2\"", "{\"id\": \"s1\"",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "spans[1] (id \"s1\")", FALSE,
    "id \"s1\" is used twice (also spans[0])" },
  { "duplicate-entity-id", D1, "\"attrs\": {\"title\": \"市长\"}}\n", "\"attrs\": {\"title\": \"市长\"}},\n    {\"id\": \"e1\", \"label\": \"PLACE\", \"name\": \"杭州\"}\n",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "entities[1] (id \"e1\")", FALSE,
    "id \"e1\" is used twice (also entities[0])" },
  { "unknown-label", D1, "\"label\": \"INITIATIVE\"", "\"label\": \"PERSON\"",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "spans[3] (id \"s4\")", FALSE,
    "label \"PERSON\" is not a label of the project" },
  { "unknown-entity", D1, "\"entity\": \"e1\"", "\"entity\": \"e7\"",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "spans[0] (id \"s1\")", FALSE,
    "entity \"e7\" is not an entity of this file" },
  { "wrong-document", D1, "\"document\": \"d1\"", "\"document\": \"d2\"",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "\"document\"", FALSE,
    "\"d2\" does not match the file name (expected \"d1\")" },
  { "wrong-annotator", D1, "\"annotator\": \"alice\"", "\"annotator\": \"bob\"",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "\"annotator\"", FALSE,
    "\"bob\" does not match the folder name (expected \"alice\")" },
  { "invalid-status", D1, "\"status\": \"in-progress\"", "\"status\": \"finished\"",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "\"status\"", FALSE,
    "\"finished\" is not a status (new, in-progress, done, reviewed)" },
  { "text-invalid-utf8", "documents/d1.txt", "杭州", "\xff\xfe",
    FAILS_TEXT, SPANMARK_PROJECT_ERROR_TEXT, "documents/d1.txt", "byte 22", FALSE,
    "the text is not valid UTF-8" },
  { "text-nul", "documents/d1.txt", NULL, "ab\\0cd",  /* see damage(): "\\0" becomes a NUL byte */
    FAILS_TEXT, SPANMARK_PROJECT_ERROR_TEXT, "documents/d1.txt", "byte 2", FALSE,
    "the text contains a NUL byte" },
  { "path-relative-escape", INDEX, "\"path\": \"documents/d1.txt\"", "\"path\": \"../../etc/passwd\"",
    BROKEN_ENTRY, SPANMARK_PROJECT_ERROR_INVALID, INDEX, "documents[0] (id \"d1\")", FALSE,
    "path \"../../etc/passwd\" is outside the project folder" },
  { "path-absolute", INDEX, "\"path\": \"documents/d1.txt\"", "\"path\": \"/etc/passwd\"",
    BROKEN_ENTRY, SPANMARK_PROJECT_ERROR_INVALID, INDEX, "documents[0] (id \"d1\")", FALSE,
    "path \"/etc/passwd\" is outside the project folder" },
  { "path-symlink-escape", "documents/d1.txt", NULL, NULL,  /* see damage(): a symbolic link to /etc/passwd */
    FAILS_TEXT, SPANMARK_PROJECT_ERROR_INVALID, INDEX, "documents[0] (id \"d1\")", FALSE,
    "path \"documents/d1.txt\" leads outside the project folder (through a symbolic link)" },
  { "duplicate-document-id", INDEX, "{\"id\": \"d2\"", "{\"id\": \"d1\"",
    BROKEN_ENTRY, SPANMARK_PROJECT_ERROR_INVALID, INDEX, "documents[1] (id \"d1\")", FALSE,
    "id \"d1\" is used by another document too" },
  { "index-corrupt-json", INDEX, "\"labels\": [", "\"labels\" [",
    FAILS_OPEN, SPANMARK_PROJECT_ERROR_PARSE, INDEX, "line 4, column ", TRUE, NULL },
  { "index-wrong-type", INDEX, "\"name\": \"Sample 样例\"", "\"name\": [\"Sample\"]",
    FAILS_OPEN, SPANMARK_PROJECT_ERROR_INVALID, INDEX, "\"name\"", FALSE, "must be a string, not an array" },
  /* Not strict JSON, which json-glib takes. */
  { "comment", D1, "\"status\": \"in-progress\",", "\"status\": \"in-progress\", // edited by hand",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 6, column 28", FALSE, "comments are not allowed in JSON" },
  { "comment-hides-deep-nesting", D1, NULL, NULL,  /* see damage(): a comment with a quote, 100,000 "[" */
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 1, column 1", FALSE, "comments are not allowed in JSON" },
  { "single-quote-hides-deep-nesting", D1, NULL, NULL,  /* see damage(): ['"', then 100,000 "[" */
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 1, column 2", FALSE,
    "strings and member names must be in double quotes (\"), not single quotes" },
  { "single-quotes", D1, "\"status\": \"in-progress\"", "'status': 'in-progress'",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 6, column 3", FALSE,
    "strings and member names must be in double quotes (\"), not single quotes" },
  { "trailing-comma", D1, "\"attrs\": {\"title\": \"市长\"}}\n  ]", "\"attrs\": {\"title\": \"市长\"}},\n  ]",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 15, column 79", FALSE,
    "a comma before “]” is not allowed in JSON" },
  { "second-value", D1, "  ]\n}\n", "  ]\n}\n{}\n",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 18, column 1", FALSE,
    "unexpected “{” after the end of the JSON value" },
  { "bad-escape", D1, "\"text\": \"𠀋村\"", "\"text\": \"\\x41\"",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 11, column 69", FALSE,
    "“\\” followed by “x41” is not an escape of JSON" },
  { "raw-control-character", D1, "\"text\": \"𠀋村\"", "\"text\": \"𠀋\x01村\"",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 11, column 70", FALSE,
    "the control character U+0001 must be written as an escape (such as \\n or \\t) in a string" },
  { "leading-zero", D1, "\"start\": 7,", "\"start\": 07,",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 10, column 27", FALSE, "“07” is not a valid JSON number" },
  { "hex-number", D1, "\"start\": 2,", "\"start\": 0x2,",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 9, column 27", FALSE, "“0x2” is not a valid JSON number" },
  /* Strings json-glib decodes into invalid UTF-8 or cuts short. */
  { "lone-surrogate-name", D1, "\"name\": \"王小明\"", "\"name\": \"王\\ud800小明\"",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 15, column 49", FALSE,
    "“\\uD800” is the first half of a surrogate pair without the second" },
  { "lone-low-surrogate-attr", D1, "{\"kind\": \"city\"}", "{\"kind\": \"ci\\udc00ty\"}",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 10, column 93", FALSE,
    "“\\uDC00” is the second half of a surrogate pair without the first" },
  { "escaped-nul-attr", D1, "{\"title\": \"市长\"}}", "{\"title\": \"市\\u0000长\"}}",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 15, column 75", FALSE,
    "“\\u0000” (a NUL character) is not allowed in a string" },
  { "escaped-nul-text", D1, "\"text\": \"杭州\"", "\"text\": \"杭\\u0000州\"",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 10, column 68", FALSE,
    "“\\u0000” (a NUL character) is not allowed in a string" },
  /* The export's fast reader skipped "modified" without checking it. */
  { "modified-not-utf8", D1, "\"modified\": \"", "\"modified\": \"\xff",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 7, column 16", FALSE, "the file is not valid UTF-8" },
  { "byte-order-mark", D1, "{\n  \"spanmark\": 1,", "\xef\xbb\xbf{\n  \"spanmark\": 1,",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 1, column 1", FALSE, "expected a JSON value, not U+FEFF" },
  /* json-glib keeps the last, the status peek read the first. */
  { "duplicate-status", D1, "\"status\": \"in-progress\",", "\"status\": \"done\",\n  \"status\": \"in-progress\",",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 7, column 3", FALSE,
    "the member name “status” is given twice in this object (first at line 6, column 3)" },
  { "duplicate-span-key", D1, "{\"id\": \"s2\", \"start\": 7,", "{\"id\": \"s2\", \"start\": 7, \"start\": 8,",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 10, column 30", FALSE,
    "the member name “start” is given twice in this object (first at line 10, column 18)" },
  { "duplicate-attr", D1, "{\"kind\": \"city\"}", "{\"kind\": \"city\", \"kind\": \"town\"}",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 10, column 98", FALSE,
    "the member name “kind” is given twice in this object (first at line 10, column 82)" },
  /* json-glib read it as -1: "end -1 is negative". */
  { "huge-integer", D1, "\"start\": 26, \"end\": 36", "\"start\": 26, \"end\": 100000000000000000000000",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 12, column 38", FALSE,
    "the number 100000000000000000000000 is too large" },
  /* json-glib read these as doubles, which messages showed as "9e+22",
   * "9" and "1": the number is named as written, with its place. */
  { "exponent-offset", D1, "\"end\": 9,", "\"end\": 9e22,",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 10, column 37", FALSE,
    "“end” must be an integer, written without a fraction or an exponent, not 9e22" },
  { "fraction-zero-offset", D1, "\"end\": 9,", "\"end\": 9.0,",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 10, column 37", FALSE,
    "“end” must be an integer, written without a fraction or an exponent, not 9.0" },
  { "fraction-exponent-offset", D1, "\"start\": 7,", "\"start\": 0.7e1,",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 10, column 27", FALSE,
    "“start” must be an integer, written without a fraction or an exponent, not 0.7e1" },
  { "fraction-version", D1, "\"spanmark\": 1,", "\"spanmark\": 1.0,",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_PARSE, D1, "line 2, column 15", FALSE,
    "“spanmark” must be an integer, written without a fraction or an exponent, not 1.0" },
  { "index-fraction-version", INDEX, "\"spanmark\": 1,", "\"spanmark\": 1.0,",
    FAILS_OPEN, SPANMARK_PROJECT_ERROR_PARSE, INDEX, "line 2, column 15", FALSE,
    "“spanmark” must be an integer, written without a fraction or an exponent, not 1.0" },
  /* The same in spanmark.json closes the project: its text cannot be trusted. */
  { "index-comment-hides-deep-nesting", INDEX, NULL, NULL,  /* see damage() */
    FAILS_OPEN, SPANMARK_PROJECT_ERROR_PARSE, INDEX, "line 1, column 1", FALSE, "comments are not allowed in JSON" },
  { "index-comment", INDEX, "\"labels\": [", "\"labels\": [ /* three */",
    FAILS_OPEN, SPANMARK_PROJECT_ERROR_PARSE, INDEX, "line 4, column 15", FALSE, "comments are not allowed in JSON" },
  { "index-lone-surrogate", INDEX, "\"name\": \"Sample 样例\"", "\"name\": \"Sample \\udc00\"",
    FAILS_OPEN, SPANMARK_PROJECT_ERROR_PARSE, INDEX, "line 3, column 19", FALSE,
    "“\\uDC00” is the second half of a surrogate pair without the first" },
  { "index-duplicate-key", INDEX, "\"name\": \"Sample 样例\",", "\"name\": \"Sample 样例\",\n  \"name\": \"Other\",",
    FAILS_OPEN, SPANMARK_PROJECT_ERROR_PARSE, INDEX, "line 4, column 3", FALSE,
    "the member name “name” is given twice in this object (first at line 3, column 3)" },
  { "index-escaped-nul", INDEX, "\"title\": \"第一篇 🙂\"", "\"title\": \"第一篇\\u0000🙂\"",
    FAILS_OPEN, SPANMARK_PROJECT_ERROR_PARSE, INDEX, "line 10, column 59", FALSE,
    "“\\u0000” (a NUL character) is not allowed in a string" },
  { "index-huge-integer", INDEX, "\"spanmark\": 1,", "\"spanmark\": 100000000000000000000000,",
    FAILS_OPEN, SPANMARK_PROJECT_ERROR_PARSE, INDEX, "line 2, column 15", FALSE,
    "the number 100000000000000000000000 is too large" },
  /* A pretag mark names its source (spanmark-annotation-rules.c). */
  { "pretag-empty", D1, "\"text\": \"𠀋村\"}", "\"text\": \"𠀋村\", \"pretag\": \"\"}",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "spans[2] (id \"s3\")", FALSE,
    "pretag must name where the span came from, such as \"dict:places.tsv\", not be empty" },
  { "pretag-number", D1, "\"text\": \"𠀋村\"}", "\"text\": \"𠀋村\", \"pretag\": 1}",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "spans[2] (id \"s3\")", FALSE,
    "pretag must be a string, not an integer" },
  /* Any annotator's file may reject, as long as the items are right. */
  { "rejected-bad-text", D1, "  ]\n}\n",
    "  ],\n  \"rejected\": [{\"start\": 7, \"end\": 9, \"label\": \"PLACE\", \"text\": \"杭\"}]\n}\n",
    FAILS_LOAD, SPANMARK_PROJECT_ERROR_INVALID, D1, "rejected[0] (label \"PLACE\")", FALSE,
    "text \"杭\" differs from the text at 7–9, \"杭州\"" },
  /* One bad entry: the project still opens. */
  { "document-not-an-object", INDEX, "{\"id\": \"d2\", \"path\": \"documents/d2.txt\"}", "\"d2\"",
    BROKEN_ENTRY, SPANMARK_PROJECT_ERROR_INVALID, INDEX, "documents[1]", FALSE, "must be an object, not a string" },
  { "document-bad-id", INDEX, "{\"id\": \"d2\"", "{\"id\": \"d/2\"",
    BROKEN_ENTRY, SPANMARK_PROJECT_ERROR_INVALID, INDEX, "documents[1] (id \"d/2\")", FALSE,
    "id \"d/2\" is not a valid document id (letters, digits, \"-\", \"_\" and \".\", not starting with \".\")" },
  { "label-bad-colour", INDEX, "\"color\": \"#2ec27e\"", "\"color\": \"red\"",
    BAD_LABEL, SPANMARK_PROJECT_ERROR_INVALID, INDEX, "labels[1] (name \"PLACE\")", FALSE,
    "color \"red\" is not a colour of the form #rrggbb" },
  { "label-bad-key", INDEX, "\"key\": \"2\"", "\"key\": \"22\"",
    BAD_LABEL, SPANMARK_PROJECT_ERROR_INVALID, INDEX, "labels[1] (name \"PLACE\")", FALSE,
    "key \"22\" must be a single character" },
};

static void
damage (const char    *dir,
        const BadCase *bad)
{
  g_autofree char *path = g_build_filename (dir, bad->file, NULL);
  g_autofree char *data = NULL;
  GString *changed;

  if (g_str_equal (bad->name, "path-symlink-escape"))
    {
      g_assert_cmpint (g_unlink (path), ==, 0);
      g_assert_cmpint (symlink ("/etc/passwd", path), ==, 0);
      return;
    }

  if (g_str_has_suffix (bad->name, "deep-nesting"))
    {
      /* The old guard counted brackets outside '"' strings only: a
       * comment or single-quoted string holding a '"' hid them all. */
      const char *before = g_str_has_suffix (bad->name, "comment-hides-deep-nesting") ? "/* \" */ "
                           : g_str_equal (bad->name, "single-quote-hides-deep-nesting") ? "['\"', "
                           : "";
      g_autofree char *brackets = g_strnfill (100000, '[');
      g_autofree char *deep = g_strconcat (before, brackets, NULL);

      fixture_write (dir, bad->file, deep, -1);
      return;
    }

  if (g_str_equal (bad->name, "text-nul"))
    {
      fixture_write (dir, bad->file, "ab\0cd", 5);
      return;
    }

  if (bad->find == NULL)
    {
      fixture_write (dir, bad->file, bad->replace, -1);
      return;
    }

  data = fixture_read (dir, bad->file, NULL);
  g_assert_nonnull (strstr (data, bad->find));
  changed = g_string_new (data);
  g_assert_cmpuint (g_string_replace (changed, bad->find, bad->replace, 1), ==, 1);
  fixture_write (dir, bad->file, changed->str, changed->len);
  g_string_free (changed, TRUE);
}

static void
assert_place (const BadCase *bad,
              const char    *file,
              const char    *location,
              const char    *message)
{
  g_assert_cmpstr (file, ==, bad->problem_file);

  if (bad->location == NULL)
    g_assert_null (location);
  else if (bad->location_is_prefix)
    {
      g_assert_nonnull (location);
      g_assert_true (g_str_has_prefix (location, bad->location));
    }
  else
    g_assert_cmpstr (location, ==, bad->location);

  if (bad->message != NULL)
    g_assert_cmpstr (message, ==, bad->message);
  else
    g_assert_true (message != NULL && message[0] != '\0');
}

/* Splits "FILE: LOCATION: MESSAGE" the way the error was built, knowing
 * which file and location to expect (either may contain ": "). */
static void
assert_error_message (const BadCase *bad,
                      const char    *message,
                      const char    *file_shown)
{
  g_autofree char *head = NULL;
  const char *rest;

  g_test_message ("%s: %s", bad->name, message);

  head = g_strconcat (file_shown, ": ", NULL);
  g_assert_true (g_str_has_prefix (message, head));
  rest = message + strlen (head);

  if (bad->location != NULL)
    {
      g_assert_true (g_str_has_prefix (rest, bad->location));
      if (bad->location_is_prefix)
        return;
      rest += strlen (bad->location);
      g_assert_true (g_str_has_prefix (rest, ": "));
      rest += 2;
    }

  if (bad->message != NULL)
    g_assert_true (g_str_has_prefix (rest, bad->message));
}

/* Whether @pairs (key, value, … sorted by key; NULL when none), as the
 * fast reader keeps attributes, holds what @attrs holds. */
static void
assert_same_attrs (GPtrArray  *pairs,
                   GHashTable *attrs)
{
  guint n = pairs != NULL ? pairs->len / 2 : 0;

  g_assert_cmpuint (n, ==, g_hash_table_size (attrs));
  for (guint i = 0; i < n; i++)
    {
      const char *key = g_ptr_array_index (pairs, 2 * i);

      g_assert_cmpstr (g_ptr_array_index (pairs, 2 * i + 1), ==, g_hash_table_lookup (attrs, key));
      if (i > 0)
        g_assert_cmpint (strcmp (g_ptr_array_index (pairs, 2 * i - 2), key), <, 0);
    }
}

/* What the fast reader read into @doc is what the loader read into @set:
 * the same spans in the same order (id, offsets, label, entity,
 * attributes), the same entities and the same status. */
static void
assert_same_reading (const ExportDoc       *doc,
                     SpanmarkAnnotationSet *set)
{
  g_assert_cmpint (doc->status, ==, spanmark_annotation_set_get_status (set));
  g_assert_cmpstr (doc->text, ==, spanmark_annotation_set_get_text (set));

  g_assert_cmpuint (doc->spans->len, ==, spanmark_annotation_set_get_n_spans (set));
  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ExportSpan *fast = &g_array_index (doc->spans, ExportSpan, i);
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);

      g_assert_cmpstr (fast->id, ==, span->id);
      g_assert_cmpuint (fast->start, ==, span->start);
      g_assert_cmpuint (fast->end, ==, span->end);
      g_assert_cmpstr (fast->label, ==, span->label);
      g_assert_cmpstr (fast->entity, ==, span->entity);
      assert_same_attrs (fast->attrs, span->attrs);
    }

  g_assert_cmpuint (doc->entities->len, ==, spanmark_annotation_set_get_n_entities (set));
  for (guint i = 0; i < doc->entities->len; i++)
    {
      const ExportEntity *fast = &g_array_index (doc->entities, ExportEntity, i);
      const SpanmarkEntity *entity = spanmark_annotation_set_get_entity (set, i);

      g_assert_cmpstr (fast->id, ==, entity->id);
      g_assert_cmpstr (fast->label, ==, entity->label);
      g_assert_cmpstr (fast->name, ==, entity->name);
      assert_same_attrs (fast->attrs, entity->attrs);
    }
}

/* The export's fast reader, the project's loader and the status peek
 * give the same verdict on @document: the fast reader never accepts what
 * the loader refuses (it would export it), and reads what it accepts the
 * same way. */
static void
assert_readers_agree (SpanmarkProject  *project,
                      SpanmarkDocument *document,
                      const char       *annotator)
{
  g_autoptr(GError) fast_error = NULL;
  g_autoptr(GError) slow_error = NULL;
  g_autoptr(GError) status_error = NULL;
  ExportDoc fast, slow;
  SpanmarkStatus status;
  gboolean fast_ok, slow_ok, status_ok;

  _spanmark_export_doc_init (&fast);
  _spanmark_export_doc_init (&slow);
  fast_ok = _spanmark_export_doc_load (&fast, project, document, annotator, TRUE, &fast_error);
  slow_ok = _spanmark_export_doc_load (&slow, project, document, annotator, FALSE, &slow_error);
  status_ok = spanmark_project_read_status (project, document, annotator, &status, &status_error);

  g_assert_cmpint (fast_ok, ==, slow_ok);
  if (slow_ok)
    {
      g_assert_cmpint (fast.has_file, ==, slow.has_file);
      assert_same_reading (&fast, slow.set);

      /* A file the loader reads has the loader's status. */
      g_assert_no_error (status_error);
      g_assert_true (status_ok);
      g_assert_cmpint (status, ==, spanmark_annotation_set_get_status (slow.set));
    }
  else
    {
      g_assert_cmpstr (fast_error->message, ==, slow_error->message);
      /* A file that is not strict JSON has no status either. */
      if (g_error_matches (slow_error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_PARSE))
        {
          g_assert_false (status_ok);
          g_assert_cmpstr (status_error->message, ==, slow_error->message);
        }
    }

  _spanmark_export_doc_clear (&fast);
  _spanmark_export_doc_clear (&slow);
}

typedef enum
{
  BOTH_REFUSE,
  BOTH_ACCEPT,
  ONLY_LOADER,   /* the fast reader hands the file to the loader */
} Verdict;

/* The two readers of annotation files on the bytes @data of d1.json by
 * alice, with the document text @text: the fast reader alone
 * (_spanmark_export_doc_read_fast(), without the fallback to the loader
 * that hides its verdict in an export) against the loader
 * (spanmark_json_read_annotations()).  The fast reader may refuse what
 * the loader accepts (that only costs time), never the other way round,
 * and what both accept they read the same. */
static Verdict
assert_bytes_agree (const char     *text,
                    const char     *data,
                    gsize           length,
                    SpanmarkSchema *schema)
{
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  SpanmarkChecker checker;
  ExportDoc doc;
  gboolean fast_ok;
  Verdict verdict;

  _spanmark_export_doc_init (&doc);
  fast_ok = _spanmark_export_doc_read_fast (&doc, text, strlen (text), data, length, "d1", "alice", schema);

  spanmark_checker_init (&checker);
  set = spanmark_json_read_annotations (&checker, D1, data, length, "d1", "alice", text, schema);
  g_assert_true ((set == NULL) == (spanmark_checker_get_n_problems (&checker) > 0));

  if (fast_ok)
    {
      if (set == NULL)
        {
          g_autofree char *problem = spanmark_problem_to_string (g_ptr_array_index (checker.problems, 0));

          g_test_message ("the fast reader accepts what the loader refuses: %s", problem);
          g_assert_nonnull (set);
        }
      assert_same_reading (&doc, set);
      verdict = BOTH_ACCEPT;
    }
  else
    verdict = set != NULL ? ONLY_LOADER : BOTH_REFUSE;

  spanmark_checker_clear (&checker);
  _spanmark_export_doc_clear (&doc);
  return verdict;
}

/* The damaged d1.json of @bad through both readers on bytes: a file the
 * loader refuses, the fast reader refuses too. */
static void
assert_damage_bytes_agree (const char    *dir,
                           const BadCase *bad)
{
  g_autofree char *text_path = g_build_filename (dir, "documents", "d1.txt", NULL);
  g_autofree char *json_path = g_build_filename (dir, D1, NULL);
  g_autoptr(SpanmarkProject) fresh = NULL;
  g_autofree char *fresh_dir = NULL;
  g_autofree char *text = NULL;
  g_autofree char *data = NULL;
  gsize text_length = 0, length = 0;
  Verdict verdict;

  /* Only where there are bytes to read: not a link, a folder or a text
   * that is not UTF-8 (the readers never get those). */
  if (g_file_test (text_path, G_FILE_TEST_IS_SYMLINK) ||
      !g_file_get_contents (text_path, &text, &text_length, NULL) ||
      !spanmark_text_validate (text, text_length, NULL, NULL) ||
      !g_file_get_contents (json_path, &data, &length, NULL))
    return;

  /* The schema of an undamaged project: spanmark.json may be the
   * damaged file. */
  fresh_dir = spanmark_test_make_tmpdir ();
  fresh = fixture_make_project (fresh_dir, FALSE);
  verdict = assert_bytes_agree (text, data, length, spanmark_project_get_schema (fresh));
  if (bad->stage == FAILS_LOAD)
    g_assert_cmpint (verdict, ==, BOTH_REFUSE);
  spanmark_test_remove_tree (fresh_dir);
}

/* The problem of @bad is among the index problems the project kept. */
static void
assert_project_problem (SpanmarkProject *project,
                        const BadCase   *bad)
{
  GPtrArray *problems = spanmark_project_get_problems (project);
  gboolean found = FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      const SpanmarkProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpstr (problem->file, ==, INDEX);
      if (g_strcmp0 (problem->location, bad->location) == 0)
        {
          assert_place (bad, problem->file, problem->location, problem->message);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

/* spanmark.json with a problem is never rewritten: saving it, or an
 * import (which would save it), is refused and names the file. */
static void
assert_index_kept (SpanmarkProject *project,
                   const char      *index_path)
{
  g_autofree char *source = spanmark_test_make_tmpdir ();
  g_autofree char *txt = g_build_filename (source, "new.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (txt);
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strconcat (index_path, ": not changed, because it has ", NULL);

  g_assert_false (spanmark_project_save (project, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_test_message ("save: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);

  fixture_write (source, "new.txt", "A new text.\n", -1);
  g_assert_cmpint (spanmark_import_file (project, file, NULL, &error), ==, -1);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_null (spanmark_project_lookup_document (project, "new"));

  spanmark_test_remove_tree (source);
}

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  gboolean found = FALSE;

  g_clear_object (&project);
  project = fixture_make_project (dir, TRUE);
  g_clear_object (&project);

  damage (dir, bad);
  before = spanmark_test_snapshot_tree (dir);
  assert_damage_bytes_agree (dir, bad);

  project = spanmark_project_open (folder, &error);

  if (bad->stage == FAILS_OPEN)
    {
      const char *index_path = INDEX;  /* named relative to the project */

      g_assert_null (project);
      g_assert_error (error, SPANMARK_PROJECT_ERROR, bad->code);
      /* spanmark.json is named by its full path. */
      assert_error_message (bad, error->message, index_path);
      g_clear_error (&error);
    }
  else if (bad->stage == BROKEN_ENTRY)
    {
      const char *index_path = INDEX;  /* named relative to the project */
      g_autofree char *expected = g_strdup_printf ("%s: %s", bad->location, bad->message);
      g_autoptr(SpanmarkAnnotationSet) set = NULL;
      g_autofree char *text = NULL;
      SpanmarkDocument *broken = NULL;
      const char *id;

      g_assert_no_error (error);
      g_assert_nonnull (project);
      assert_project_problem (project, bad);

      /* The entry is listed with its problem; the others work. */
      for (guint i = 0; i < spanmark_project_get_n_documents (project); i++)
        {
          SpanmarkDocument *document = spanmark_project_get_document (project, i);
          g_autoptr(SpanmarkAnnotationSet) other = NULL;

          if (spanmark_document_get_problem (document) != NULL)
            {
              g_assert_null (broken);
              broken = document;
              continue;
            }
          other = spanmark_project_load_annotations (project, document, "alice", &error);
          g_assert_no_error (error);
          assert_readers_agree (project, document, "alice");
        }
      g_assert_nonnull (broken);
      g_assert_cmpstr (spanmark_document_get_problem (broken), ==, expected);

      /* It is neither read nor written. */
      set = spanmark_project_load_annotations (project, broken, "alice", &error);
      g_assert_null (set);
      g_assert_error (error, SPANMARK_PROJECT_ERROR, bad->code);
      assert_error_message (bad, error->message, index_path);
      g_clear_error (&error);
      text = spanmark_project_load_text (project, broken, &error);
      g_assert_null (text);
      g_assert_error (error, SPANMARK_PROJECT_ERROR, bad->code);
      assert_error_message (bad, error->message, index_path);
      g_clear_error (&error);
      assert_readers_agree (project, broken, "alice");

      id = spanmark_document_get_id (broken);
      if (spanmark_project_is_valid_id (id) && spanmark_project_lookup_document (project, id) == broken)
        {
          g_autoptr(SpanmarkAnnotationSet) fresh = spanmark_annotation_set_new (id, "alice", "text\n");

          g_assert_false (spanmark_project_save_annotations (project, fresh, &error));
          g_assert_error (error, SPANMARK_PROJECT_ERROR, bad->code);
          assert_error_message (bad, error->message, index_path);
          g_clear_error (&error);
        }

      assert_index_kept (project, index_path);
    }
  else if (bad->stage == BAD_LABEL)
    {
      const char *index_path = INDEX;  /* named relative to the project */

      g_assert_no_error (error);
      g_assert_nonnull (project);
      assert_project_problem (project, bad);

      /* The label still works: every document loads. */
      for (guint i = 0; i < spanmark_project_get_n_documents (project); i++)
        {
          SpanmarkDocument *document = spanmark_project_get_document (project, i);
          g_autoptr(SpanmarkAnnotationSet) set = NULL;

          g_assert_null (spanmark_document_get_problem (document));
          set = spanmark_project_load_annotations (project, document, "alice", &error);
          g_assert_no_error (error);
          assert_readers_agree (project, document, "alice");
        }

      assert_index_kept (project, index_path);
    }
  else
    {
      SpanmarkDocument *d1;
      g_autoptr(SpanmarkAnnotationSet) set = NULL;
      g_autoptr(SpanmarkAnnotationSet) other = NULL;
      g_autoptr(SpanmarkAnnotationSet) fresh = NULL;
      g_autoptr(GFile) file = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (project);
      d1 = spanmark_project_lookup_document (project, "d1");

      const char *index_path = INDEX;  /* named relative to the project */

      set = spanmark_project_load_annotations (project, d1, "alice", &error);
      g_assert_null (set);
      g_assert_error (error, SPANMARK_PROJECT_ERROR, bad->code);
      /* Errors name spanmark.json by its full path, other files relative. */
      assert_error_message (bad, error->message,
                            g_str_equal (bad->problem_file, INDEX) ? index_path : bad->problem_file);
      g_clear_error (&error);

      /* The rest of the project still works. */
      other = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d2"),
                                                 "alice", &error);
      g_assert_no_error (error);
      g_assert_nonnull (other);

      /* Every reader says the same. */
      assert_readers_agree (project, d1, "alice");
      assert_readers_agree (project, spanmark_project_lookup_document (project, "d2"), "alice");

      file = spanmark_project_get_annotation_file (project, d1, "alice");
      if (bad->stage == FAILS_LOAD)
        {
          /* A file that failed to load is never overwritten. */
          g_assert_true (spanmark_project_is_file_broken (project, file));
          fresh = spanmark_annotation_set_new ("d1", "alice", FIXTURE_TEXT_D1);
          g_assert_false (spanmark_project_save_annotations (project, fresh, &error));
          g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
          g_assert_true (g_str_has_prefix (error->message, D1 ": "));
          g_clear_error (&error);
        }
      else
        g_assert_false (spanmark_project_is_file_broken (project, file));
    }

  problems = spanmark_validate_project (folder, &error);
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >=, 1);
  for (guint i = 0; i < problems->len; i++)
    {
      const SpanmarkProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *text = spanmark_problem_to_string (problem);

      g_test_message ("validate: %s", text);
      if (g_strcmp0 (problem->file, bad->problem_file) == 0
          && (bad->message == NULL || g_strcmp0 (problem->message, bad->message) == 0))
        {
          assert_place (bad, problem->file, problem->location, problem->message);
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* Nothing was written. */
  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (after, ==, before);

  g_clear_object (&project);
  spanmark_test_remove_tree (dir);
}

/* Once the file is fixed and loads again, saving is allowed again. */
static void
test_broken_until_fixed (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *good = fixture_read (dir, D1, NULL);
  g_autofree char *now = NULL;
  SpanmarkDocument *d1 = spanmark_project_lookup_document (project, "d1");

  file = spanmark_project_get_annotation_file (project, d1, "alice");
  g_assert_false (spanmark_project_is_file_broken (project, file));

  fixture_write (dir, D1, "{ broken", -1);
  set = spanmark_project_load_annotations (project, d1, "alice", &error);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_PARSE);
  g_assert_null (set);
  g_clear_error (&error);
  g_assert_true (spanmark_project_is_file_broken (project, file));

  /* Someone repairs the file outside Spanmark. */
  fixture_write (dir, D1, good, -1);
  set = spanmark_project_load_annotations (project, d1, "alice", &error);
  g_assert_no_error (error);
  g_assert_false (spanmark_project_is_file_broken (project, file));

  spanmark_annotation_set_set_status (set, SPANMARK_STATUS_DONE);
  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);
  now = fixture_read (dir, D1, NULL);
  g_assert_nonnull (strstr (now, "\"status\": \"done\""));

  spanmark_test_remove_tree (dir);
}

/* A missing spanmark.json, or one of the wrong shape, is an error from
 * open naming the file. */
static void
test_open_not_a_project (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  /* Said in Spanmark's words, not GIO's "Error opening file …". */
  project = spanmark_project_open (folder, &error);
  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  /* Named relative to the project, as validate names it. */
  g_assert_cmpstr (error->message, ==, "spanmark.json: is missing: this folder is not a Spanmark project");
  g_clear_error (&error);

  {
    g_autofree char *gone = g_build_filename (dir, "gone", NULL);
    g_autoptr(GFile) gone_folder = g_file_new_for_path (gone);
    g_autofree char *expected = g_strdup_printf ("%s: there is no such folder", gone);

    project = spanmark_project_open (gone_folder, &error);
    g_assert_null (project);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_cmpstr (error->message, ==, expected);
    g_clear_error (&error);
  }

  g_free (fixture_index_problem (dir));

  /* A folder where spanmark.json should be: GIO's "Error opening file
   * …: Is a directory" is not repeated. */
  {
    g_autofree char *index = g_build_filename (dir, "spanmark.json", NULL);

    g_assert_cmpint (g_mkdir (index, 0755), ==, 0);
    project = spanmark_project_open (folder, &error);
    g_assert_null (project);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
    g_assert_cmpstr (error->message, ==, "spanmark.json: is a folder, not a file");
    g_clear_error (&error);

    message = fixture_index_problem (dir);
    g_assert_cmpstr (message, ==, "is a folder, not a file");
    g_assert_cmpint (g_rmdir (index), ==, 0);
  }

  fixture_write (dir, "spanmark.json", "{\"spanmark\": 1}\n", -1);
  project = spanmark_project_open (folder, &error);
  g_assert_null (project);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "spanmark.json: \"name\": is missing (and 2 more problems)");
  g_clear_error (&error);

  spanmark_test_remove_tree (dir);
}

/* Symbolic links under annotations/ or documents/ that lead out of the
 * project are neither read nor written through. */
static void
test_symlinks_out (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *outside = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(SpanmarkAnnotationSet) fresh = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *outside_before = NULL;
  g_autofree char *outside_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *good = fixture_read (dir, D1, NULL);
  g_autofree char *mallory = g_build_filename (dir, "annotations", "mallory", NULL);
  g_autofree char *d1_json = g_build_filename (dir, D1, NULL);
  g_autofree char *outside_json = g_build_filename (outside, "d1.json", NULL);
  g_autofree char *documents = g_build_filename (dir, "documents", NULL);
  g_autofree char *documents_moved = g_build_filename (dir, "documents-moved", NULL);
  SpanmarkDocument *d1 = spanmark_project_lookup_document (project, "d1");
  const SpanmarkProblem *problem;

  fixture_write (outside, "d1.json", good, -1);
  outside_before = spanmark_test_snapshot_tree (outside);

  /* A linked annotator folder. */
  g_assert_cmpint (symlink (outside, mallory), ==, 0);
  set = spanmark_project_load_annotations (project, d1, "mallory", &error);
  g_assert_null (set);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "annotations/mallory: is a symbolic link, not a folder; an annotator’s folder must be a real "
                   "folder, so its files are neither read nor written");
  g_clear_error (&error);
  fresh = spanmark_annotation_set_new ("d1", "mallory", FIXTURE_TEXT_D1);
  g_assert_false (spanmark_project_save_annotations (project, fresh, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&fresh);

  /* A linked annotation file. */
  g_assert_cmpint (g_unlink (d1_json), ==, 0);
  g_assert_cmpint (symlink (outside_json, d1_json), ==, 0);
  set = spanmark_project_load_annotations (project, d1, "alice", &error);
  g_assert_null (set);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, D1 ": leads outside the project folder"));
  g_clear_error (&error);
  fresh = spanmark_annotation_set_new ("d1", "alice", FIXTURE_TEXT_D1);
  g_assert_false (spanmark_project_save_annotations (project, fresh, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  problems = spanmark_validate_project (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 2);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->file, ==, D1);
  g_assert_cmpstr (problem->message, ==, "leads outside the project folder (through a symbolic link)");
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (problem->file, ==, "annotations/mallory");
  g_assert_cmpint (problem->severity, ==, SPANMARK_PROBLEM_WARNING);

  /* A linked documents folder. */
  g_assert_cmpint (g_rename (documents, documents_moved), ==, 0);
  g_assert_cmpint (symlink (outside, documents), ==, 0);
  g_assert_null (spanmark_project_add_document (project, "d3", "text\n", NULL, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  outside_after = spanmark_test_snapshot_tree (outside);
  g_assert_cmpstr (outside_after, ==, outside_before);

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (outside);
}

/* Random damage (flipped bytes, JSON punctuation inserted, ranges cut,
 * truncation): loading either succeeds or fails with a message naming
 * the file, validation agrees with loading, and a failed file is never
 * written.  The seed is in the test log (--seed to repeat). */
static void
test_mutations (void)
{
  static const char punctuation[] = "{}[],:\"\\0123456789-.e \n";
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *good = NULL;
  gsize good_length = 0;
  guint n_failed = 0;

  good = fixture_read (dir, D1, &good_length);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      g_autoptr(SpanmarkProject) project = NULL;
      g_autoptr(SpanmarkAnnotationSet) set = NULL;
      g_autoptr(SpanmarkAnnotationSet) fresh = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      guint n_changes = g_test_rand_int_range (1, 4);

      g_byte_array_append (bytes, (const guint8 *) good, good_length);
      for (guint i = 0; i < n_changes && bytes->len > 1; i++)
        {
          guint at = g_test_rand_int_range (0, bytes->len);

          switch (g_test_rand_int_range (0, 4))
            {
            case 0:
              bytes->data[at] = (guint8) g_test_rand_int_range (1, 256);
              break;

            case 1:
              bytes->data[at] = (guint8) punctuation[g_test_rand_int_range (0, sizeof punctuation - 1)];
              break;

            case 2:
              {
                guint n = g_test_rand_int_range (1, 20);

                g_byte_array_remove_range (bytes, at, MIN (n, bytes->len - at));
              }
              break;

            default:
              g_byte_array_set_size (bytes, at);
              break;
            }
        }

      fixture_write (dir, D1, (const char *) bytes->data, bytes->len);
      before = spanmark_test_snapshot_tree (dir);

      project = spanmark_project_open (folder, &error);
      g_assert_no_error (error);
      set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d1"),
                                               "alice", &error);
      assert_readers_agree (project, spanmark_project_lookup_document (project, "d1"), "alice");
      problems = spanmark_validate_project (folder, NULL);
      g_assert_nonnull (problems);

      if (set == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (g_str_has_prefix (error->message, D1 ": "));
          g_assert_cmpuint (problems->len, >=, 1);
          for (guint i = 0; i < problems->len; i++)
            g_assert_cmpstr (((SpanmarkProblem *) g_ptr_array_index (problems, i))->file, ==, D1);
          g_clear_error (&error);

          fresh = spanmark_annotation_set_new ("d1", "alice", FIXTURE_TEXT_D1);
          g_assert_false (spanmark_project_save_annotations (project, fresh, &error));
          g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
          n_failed++;
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpuint (problems->len, ==, 0);
          for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
            g_assert_cmpuint (spanmark_annotation_set_get_span (set, i)->end, <=,
                              spanmark_annotation_set_get_length (set));
        }

      after = spanmark_test_snapshot_tree (dir);
      g_assert_cmpstr (after, ==, before);
    }

  g_test_message ("%u of 300 damaged files were refused", n_failed);
  g_assert_cmpuint (n_failed, >, 0);

  spanmark_test_remove_tree (dir);
}

/* A token of a JSON file: its bytes [start, end) and its kind: 's' a
 * string, 'k' a member name, 'n' a number, 'w' a word (true, null…), 'p'
 * punctuation. */
typedef struct
{
  guint start;
  guint end;
  char  kind;
} Token;

static GArray *
tokenize (const GString *json)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = json->str;
  guint i = 0;

  while (i < json->len)
    {
      Token token = { i, i + 1, 'p' };

      if (g_ascii_isspace (p[i]))
        {
          i++;
          continue;
        }
      if (p[i] == '"')
        {
          for (token.end = i + 1; token.end < json->len && p[token.end] != '"'; token.end++)
            if (p[token.end] == '\\')
              token.end++;
          token.end = MIN (token.end + 1, json->len);
          token.kind = 's';
          for (guint j = token.end; j < json->len && (p[j] == ' ' || p[j] == ':'); j++)
            if (p[j] == ':')
              token.kind = 'k';
        }
      else if (p[i] == '-' || g_ascii_isdigit (p[i]))
        {
          while (token.end < json->len && strchr ("0123456789.eE+-", p[token.end]) != NULL)
            token.end++;
          token.kind = 'n';
        }
      else if (g_ascii_isalpha (p[i]))
        {
          while (token.end < json->len && g_ascii_isalpha (p[token.end]))
            token.end++;
          token.kind = 'w';
        }
      g_array_append_val (tokens, token);
      i = token.end;
    }

  return tokens;
}

/* A random token of @kind, or NULL when there is none. */
static const Token *
pick_token (GArray *tokens,
            char    kind)
{
  guint n = 0;
  guint chosen;

  for (guint i = 0; i < tokens->len; i++)
    n += g_array_index (tokens, Token, i).kind == kind;
  if (n == 0)
    return NULL;

  chosen = g_test_rand_int_range (0, n);
  for (guint i = 0; i < tokens->len; i++)
    if (g_array_index (tokens, Token, i).kind == kind && chosen-- == 0)
      return &g_array_index (tokens, Token, i);
  g_assert_not_reached ();
}

static const char *
pick (const char * const *choices)
{
  return choices[g_test_rand_int_range (0, g_strv_length ((char **) choices))];
}

/* A random token of @kind replaced by one of @choices. */
static void
replace_token (GString            *json,
               GArray             *tokens,
               char                kind,
               const char * const *choices)
{
  const Token *token = pick_token (tokens, kind);

  if (token == NULL)
    return;
  g_string_erase (json, token->start, token->end - token->start);
  g_string_insert (json, token->start, pick (choices));
}

/* The lines of @json holding one span or entity each ("    {"id": …},"). */
static GArray *
item_lines (const GString *json)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint));

  for (const char *p = strstr (json->str, "\n    {"); p != NULL; p = strstr (p + 1, "\n    {"))
    {
      guint at = (guint) (p - json->str) + 1;

      g_array_append_val (lines, at);
    }
  return lines;
}

static guint
line_end (const GString *json,
          guint          at)
{
  const char *end = strchr (json->str + at, '\n');

  return end != NULL ? (guint) (end - json->str) : json->len;
}

/* One change to @json of the kinds a hand edit, a merge or a bad tool
 * makes, most of which leave valid JSON: a value replaced (numbers,
 * strings, member names), an item doubled, dropped or moved, a member
 * dropped or added, the hash in capitals or one digit off, white space
 * changed. */
static void
mutate (GString *json)
{
  static const char * const numbers[] = {
    "0", "1", "2", "5", "7", "9", "14", "16", "26", "36", "37", "38", "39", "-1", "1e1",
    "4294967296", "07", "2.0", NULL
  };
  static const char * const strings[] = {
    "\"s1\"", "\"s2\"", "\"e1\"", "\"e2\"", "\"\"", "\"PLACE\"", "\"OFFICIAL\"", "\"PERSON\"",
    "\"done\"", "\"reviewed\"", "\"new\"", "\"finished\"", "\"杭州\"", "\"杭洲\"",
    "\"\\u676d\\u5dde\"", "\"\\u738b\\u5c0f\\u660e\"", "\"\\ud83d\\ude42\"", "\"d1\"", "\"alice\"",
    "\"bob\"", "null", "3", "\"\\\"hi\\\"\\tthere\"", "\"\\\"hi\\\" there\"", NULL
  };
  static const char * const names[] = {
    "\"id\"", "\"start\"", "\"end\"", "\"label\"", "\"text\"", "\"entity\"", "\"attrs\"",
    "\"name\"", "\"status\"", "\"modified\"", "\"entities\"", "\"extra\"", NULL
  };
  static const char * const members[] = {
    "\"entity\": null, ", "\"entity\": \"e1\", ", "\"attrs\": {}, ", "\"attrs\": {\"k\": \"v\"}, ",
    "\"extra\": 1, ", "\"attrs\": {\"b\": \"1\", \"a\": \"2\"}, ", NULL
  };
  g_autoptr(GArray) tokens = tokenize (json);
  g_autoptr(GArray) lines = item_lines (json);
  const Token *token = NULL;

  switch (g_test_rand_int_range (0, 10))
    {
    case 0:
      replace_token (json, tokens, 'n', numbers);
      break;

    case 1:
      replace_token (json, tokens, 's', strings);
      break;

    case 2:
      replace_token (json, tokens, 'k', names);
      break;

    case 3:  /* an item twice */
      if (lines->len > 0)
        {
          guint at = g_array_index (lines, guint, g_test_rand_int_range (0, lines->len));
          guint end = line_end (json, at);
          g_autofree char *line = g_strndup (json->str + at, end - at);
          g_autofree char *copy = g_str_has_suffix (line, ",") ? g_strconcat (line, "\n", NULL)
                                                               : g_strconcat (line, ",\n", NULL);

          g_string_insert (json, at, copy);
        }
      break;

    case 4:  /* an item dropped (one followed by another, so the commas stay right) */
      if (lines->len > 0)
        {
          guint at = g_array_index (lines, guint, g_test_rand_int_range (0, lines->len));
          guint end = line_end (json, at);

          if (end > at && json->str[end - 1] == ',')
            g_string_erase (json, at, end - at + 1);
        }
      break;

    case 5:  /* two items swapped, their commas left where they were */
      if (lines->len > 1)
        {
          guint a = g_array_index (lines, guint, 0);
          guint b = g_array_index (lines, guint, g_test_rand_int_range (1, lines->len));
          guint a_end = line_end (json, a), b_end = line_end (json, b);
          g_autofree char *first = g_strndup (json->str + a, a_end - a);
          g_autofree char *second = g_strndup (json->str + b, b_end - b);
          gboolean first_comma = g_str_has_suffix (first, ",");
          gboolean second_comma = g_str_has_suffix (second, ",");

          if (first_comma)
            first[strlen (first) - 1] = '\0';
          if (second_comma)
            second[strlen (second) - 1] = '\0';
          g_string_erase (json, b, b_end - b);
          g_string_insert (json, b, first);
          if (second_comma)
            g_string_insert_c (json, b + strlen (first), ',');
          g_string_erase (json, a, a_end - a);
          g_string_insert (json, a, second);
          if (first_comma)
            g_string_insert_c (json, a + strlen (second), ',');
        }
      break;

    case 6:  /* a member added at the start of an item */
      if (lines->len > 0)
        {
          guint at = g_array_index (lines, guint, g_test_rand_int_range (0, lines->len));

          g_string_insert (json, at + 5, pick (members));
        }
      break;

    case 7:  /* a member dropped: from its name to the next ", " */
      token = pick_token (tokens, 'k');
      if (token != NULL)
        {
          const char *next = strstr (json->str + token->end, ", \"");

          if (next != NULL && (guint) (next - json->str) < line_end (json, token->start))
            g_string_erase (json, token->start, next + 2 - (json->str + token->start));
        }
      break;

    case 8:  /* the hash, in capitals (still right) or one digit off */
      {
        char *hash = strstr (json->str, HASH);

        if (hash != NULL && g_test_rand_bit ())
          for (guint i = 0; i < strlen (HASH); i++)
            hash[i] = g_ascii_toupper (hash[i]);
        else if (hash != NULL)
          hash[g_test_rand_int_range (0, strlen (HASH))] = 'f' - g_test_rand_int_range (0, 2);
      }
      break;

    default:  /* white space: one line, or tabs */
      if (g_test_rand_bit ())
        g_string_replace (json, "\n", "", 0);
      else
        g_string_replace (json, ", ", ",\t", 0);
      break;
    }
}

/* The rules exist once (spanmark-annotation-rules.c), so the readers must
 * agree: on changes to a valid file that mostly keep it JSON — values,
 * items and members changed, dropped, doubled and moved — the fast
 * reader alone and the loader give the same verdict and, when both
 * accept, the same spans, entities and status; through the project (the
 * fast path with its fallback, and the loader) the same messages too.
 * The seed is in the test log (--seed to repeat). */
static void
test_differential (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  SpanmarkDocument *d1 = spanmark_project_lookup_document (project, "d1");
  SpanmarkSchema *schema = spanmark_project_get_schema (project);
  g_autofree char *good = fixture_read (dir, D1, NULL);
  guint counts[3] = { 0, 0, 0 };
  const guint n_rounds = 1500;

  /* What Spanmark writes, the fast reader takes: otherwise an export
   * would quietly run on the slow path. */
  g_assert_cmpint (assert_bytes_agree (FIXTURE_TEXT_D1, good, strlen (good), schema), ==, BOTH_ACCEPT);

  for (guint round = 0; round < n_rounds; round++)
    {
      g_autoptr(GString) json = g_string_new (good);
      guint n_changes = g_test_rand_int_range (1, 4);
      Verdict verdict;

      for (guint i = 0; i < n_changes; i++)
        mutate (json);

      verdict = assert_bytes_agree (FIXTURE_TEXT_D1, json->str, json->len, schema);
      counts[verdict]++;

      fixture_write (dir, D1, json->str, json->len);
      assert_readers_agree (project, d1, "alice");
    }

  g_test_message ("of %u changed files both readers took %u, both refused %u, only the loader took %u",
                  n_rounds, counts[BOTH_ACCEPT], counts[BOTH_REFUSE], counts[ONLY_LOADER]);
  /* Both verdicts are common, so both sides of the comparison ran. */
  g_assert_cmpuint (counts[BOTH_ACCEPT], >=, n_rounds / 10);
  g_assert_cmpuint (counts[BOTH_REFUSE], >=, n_rounds / 10);

  spanmark_test_remove_tree (dir);
}

/* A file's "rejected" is read by both readers with the rules of spans
 * (offsets, label, covered text) and none twice: the fast reader takes
 * exactly the files the loader takes, and an export reads the same spans
 * either way.  The same for an annotator's file (their rejected
 * suggestions) and a span's "pretag" mark. */
static void
test_curated_rejections (void)
{
  static const struct
  {
    const char *rejected;
    const char *location;  /* NULL: the file loads */
    const char *message;
  } cases[] = {
    { "{\"start\": 7, \"end\": 9, \"label\": \"PLACE\", \"text\": \"杭州\"}", NULL, NULL },
    { "{\"start\": 7, \"end\": 9, \"label\": \"PLACE\", \"text\": \"杭州\"},\n"
      "    {\"start\": 7, \"end\": 9, \"label\": \"PLACE\", \"text\": \"杭州\"}",
      "rejected[1] (label \"PLACE\")", "rejects 7–9 PLACE a second time" },
    { "{\"start\": 7, \"end\": 90, \"label\": \"PLACE\", \"text\": \"杭州\"}",
      "rejected[0] (label \"PLACE\")", "end 90 is past the end of the text (38 characters)" },
    { "{\"start\": 7, \"end\": 9, \"label\": \"PERSON\", \"text\": \"杭州\"}",
      "rejected[0] (label \"PERSON\")", "label \"PERSON\" is not a label of the project" },
    { "{\"start\": 7, \"end\": 9, \"label\": \"PLACE\", \"text\": \"杭洲\"}",
      "rejected[0] (label \"PLACE\")", "text \"杭洲\" differs from the text at 7–9, \"杭州\"" },
  };
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  SpanmarkDocument *d1 = spanmark_project_lookup_document (project, "d1");
  SpanmarkSchema *schema = spanmark_project_get_schema (project);
  g_autofree char *good = fixture_read (dir, D1, NULL);
  const char *curated = "annotations/" SPANMARK_CURATED_ANNOTATOR "/d1.json";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = g_string_new (good);
      g_autoptr(SpanmarkAnnotationSet) set = NULL;
      g_autofree char *rejected = g_strdup_printf ("  ],\n  \"rejected\": [\n    %s\n  ]\n}\n", cases[i].rejected);
      SpanmarkChecker checker;
      ExportDoc doc;

      g_assert_cmpuint (g_string_replace (json, "\"annotator\": \"alice\"",
                                          "\"annotator\": \"" SPANMARK_CURATED_ANNOTATOR "\"", 1), ==, 1);
      g_assert_cmpuint (g_string_replace (json, "  ]\n}\n", rejected, 1), ==, 1);

      spanmark_checker_init (&checker);
      set = spanmark_json_read_annotations (&checker, curated, json->str, json->len, "d1",
                                            SPANMARK_CURATED_ANNOTATOR, FIXTURE_TEXT_D1, schema);
      if (cases[i].location == NULL)
        {
          const SpanmarkSpan *rejection;

          g_assert_nonnull (set);
          g_assert_cmpuint (spanmark_annotation_set_get_n_rejections (set), ==, 1);
          rejection = spanmark_annotation_set_get_rejection (set, 0);
          g_assert_cmpuint (rejection->start, ==, 7);
          g_assert_cmpuint (rejection->end, ==, 9);
          g_assert_cmpstr (rejection->label, ==, "PLACE");
        }
      else
        {
          const SpanmarkProblem *problem;

          g_assert_null (set);
          g_assert_cmpuint (spanmark_checker_get_n_problems (&checker), ==, 1);
          problem = g_ptr_array_index (checker.problems, 0);
          g_assert_cmpstr (problem->location, ==, cases[i].location);
          g_assert_cmpstr (problem->message, ==, cases[i].message);
        }
      spanmark_checker_clear (&checker);

      /* The fast reader alone takes the same files. */
      _spanmark_export_doc_init (&doc);
      g_assert_true (_spanmark_export_doc_read_fast (&doc, FIXTURE_TEXT_D1, strlen (FIXTURE_TEXT_D1),
                                                     json->str, json->len, "d1", SPANMARK_CURATED_ANNOTATOR,
                                                     schema) == (cases[i].location == NULL));
      _spanmark_export_doc_clear (&doc);

      fixture_write (dir, curated, json->str, json->len);
      assert_readers_agree (project, d1, SPANMARK_CURATED_ANNOTATOR);

      /* An annotator's file with the same rejections, and pretag marks. */
      g_assert_cmpuint (g_string_replace (json, "\"annotator\": \"" SPANMARK_CURATED_ANNOTATOR "\"",
                                          "\"annotator\": \"alice\"", 1), ==, 1);
      g_assert_cmpuint (g_string_replace (json, "\"text\": \"𠀋村\"}",
                                          "\"text\": \"𠀋村\", \"pretag\": \"dict:places.tsv\"}", 1), ==, 1);
      fixture_write (dir, D1, json->str, json->len);
      assert_readers_agree (project, d1, "alice");
    }

  spanmark_test_remove_tree (dir);
}

/* The fast reader does not run the syntax check over a whole file first:
 * it checks the strings it uses with the check's own string scan and
 * takes nothing else the check could refuse.  So every string of a file
 * (values and member names, the names of attributes, "modified", a
 * "pretag", the items of "rejected"), broken in each way the check
 * refuses, must make the fast reader refuse the file too. */
static void
test_broken_strings (void)
{
  static const char * const breaks[] = {
    "\xff",              /* not UTF-8 */
    "\xc0\xaf",          /* an overlong "/" */
    "\xed\xa0\x80",      /* a surrogate written as UTF-8 */
    "\xf4\x90\x80\x80",  /* beyond U+10FFFF */
    "\xe6\x9d",          /* a sequence cut short */
    "\x01",              /* control characters */
    "\x1f",
    "\\x41",             /* not an escape of JSON */
    "\\u12g4",
    "\\u0000",           /* NUL */
    "\\ud800",           /* half a surrogate pair */
    "\\udc00",
    "\\ud800\\u0041",
  };
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  SpanmarkSchema *schema = spanmark_project_get_schema (project);
  g_autofree char *saved = fixture_read (dir, D1, NULL);
  g_autoptr(GString) good = g_string_new (saved);
  g_autoptr(GArray) tokens = NULL;
  guint n_files = 0;

  g_assert_cmpuint (g_string_replace (good, "\"text\": \"𠀋村\"}",
                                      "\"text\": \"𠀋村\", \"pretag\": \"dict:places.tsv\"}", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (good, "  ]\n}\n",
                                      "  ],\n  \"rejected\": [\n    {\"start\": 7, \"end\": 9, "
                                      "\"label\": \"PLACE\", \"text\": \"杭州\"}\n  ]\n}\n", 1), ==, 1);
  /* The fast reader takes the whole file: otherwise the breaks below
   * would prove nothing. */
  g_assert_cmpint (assert_bytes_agree (FIXTURE_TEXT_D1, good->str, good->len, schema), ==, BOTH_ACCEPT);

  tokens = tokenize (good);
  for (guint t = 0; t < tokens->len; t++)
    {
      const Token *token = &g_array_index (tokens, Token, t);

      if (token->kind != 's' && token->kind != 'k')
        continue;

      for (guint b = 0; b < G_N_ELEMENTS (breaks); b++)
        {
          g_autoptr(GString) json = g_string_new_len (good->str, good->len);
          SpanmarkJsonSyntax syntax = { .integer_keys = spanmark_annotation_rules_integer_keys };
          gboolean valid;
          ExportDoc doc;
          gboolean fast_ok;

          /* At the start of the string, and in the middle of a longer
           * one (after its first character). */
          for (guint at = 0; at < 2; at++)
            {
              gsize pos = token->start + 1;

              if (at == 1)
                {
                  if (token->end - token->start < 4)
                    continue;
                  pos = (gsize) (g_utf8_next_char (good->str + pos) - good->str);
                  if (pos >= token->end - 1 || good->str[pos - 1] == '\\')
                    continue;
                }

              g_string_truncate (json, 0);
              g_string_append_len (json, good->str, good->len);
              g_string_insert (json, pos, breaks[b]);

              valid = spanmark_json_syntax_check (&syntax, json->str, json->len);
              spanmark_json_syntax_clear (&syntax);
              g_assert_false (valid);

              _spanmark_export_doc_init (&doc);
              fast_ok = _spanmark_export_doc_read_fast (&doc, FIXTURE_TEXT_D1, strlen (FIXTURE_TEXT_D1),
                                                        json->str, json->len, "d1", "alice", schema);
              _spanmark_export_doc_clear (&doc);
              if (fast_ok)
                g_test_message ("the fast reader takes %s put into the string at byte %" G_GSIZE_FORMAT,
                                breaks[b], pos);
              g_assert_false (fast_ok);
              g_assert_cmpint (assert_bytes_agree (FIXTURE_TEXT_D1, json->str, json->len, schema), ==,
                               BOTH_REFUSE);
              n_files++;
            }
        }
    }

  g_test_message ("%u broken files", n_files);
  /* Every string of the file, broken every way: the file has more than
   * forty strings. */
  g_assert_cmpuint (n_files, >=, 40 * G_N_ELEMENTS (breaks));

  spanmark_test_remove_tree (dir);
}

/* An annotation file that cannot be read is named once, with the
 * system's reason, not GIO's "Error opening file /…/d1.json: …". */
static void
test_unreadable_message (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, FALSE);
  g_autofree char *path = g_build_filename (dir, D1, NULL);
  g_autofree char *expected = g_strdup (D1 ": is a folder, not a file");
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
  set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d1"),
                                           "alice", &error);
  g_assert_null (set);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);

  spanmark_test_remove_tree (dir);
}

/* A label whose colour is not #rrggbb still works, in a neutral colour,
 * and the problem is kept for the window and validate. */
static void
test_label_fallback (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autofree char *index = fixture_read (dir, INDEX, NULL);
  g_autoptr(GString) changed = g_string_new (index);
  const SpanmarkLabel *label;
  const SpanmarkProblem *problem;

  g_string_replace (changed, "\"color\": \"#2ec27e\"", "\"color\": \"red\"", 1);
  fixture_write (dir, INDEX, changed->str, changed->len);

  project = fixture_open (dir);
  label = spanmark_schema_lookup (spanmark_project_get_schema (project), "PLACE");
  g_assert_nonnull (label);
  g_assert_cmpstr (label->color, ==, "#77767b");
  g_assert_cmpstr (label->key, ==, "2");
  g_assert_cmpuint (spanmark_project_get_problems (project)->len, ==, 1);
  problem = g_ptr_array_index (spanmark_project_get_problems (project), 0);
  g_assert_cmpstr (problem->location, ==, "labels[1] (name \"PLACE\")");

  /* A project without problems has an empty list. */
  g_assert_cmpuint (spanmark_project_get_problems (created)->len, ==, 0);

  spanmark_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bad-input/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_bad_input);
    }
  g_test_add_func ("/bad-input/broken-until-fixed", test_broken_until_fixed);
  g_test_add_func ("/bad-input/not-a-project", test_open_not_a_project);
  g_test_add_func ("/bad-input/symlinks-out", test_symlinks_out);
  g_test_add_func ("/bad-input/mutations", test_mutations);
  g_test_add_func ("/bad-input/differential", test_differential);
  g_test_add_func ("/bad-input/curated-rejections", test_curated_rejections);
  g_test_add_func ("/bad-input/label-fallback", test_label_fallback);
  g_test_add_func ("/bad-input/unreadable-message", test_unreadable_message);
  g_test_add_func ("/bad-input/broken-strings", test_broken_strings);

  return g_test_run ();
}
