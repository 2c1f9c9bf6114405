/* spanmark-json-syntax.h — the one strict JSON syntax check every reader runs first
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not installed.  json-glib accepts much that is not JSON (comments,
 * single quotes, "\x41", 0x10, 007, a second value after the first) and
 * turns some valid JSON into something else (lone surrogate escapes into
 * invalid UTF-8, "\u0000" into a cut string, the last of two equal keys,
 * huge integers into -1).  Every reader of Spanmark's JSON — the project
 * loader, the status peek and the importers — runs this check before
 * json-glib or its own parsing, so they accept exactly the same files and
 * name the same place when they refuse one.  The export's fast reader,
 * which hands whatever it does not take to the loader, takes only a part
 * of what the check takes and checks its strings with
 * spanmark_json_syntax_check_string() instead.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Spanmark's files nest four levels deep; json-glib parses recursively
 * and overflows the stack on deeply nested input. */
#define SPANMARK_JSON_MAX_DEPTH 100

/* A member whose value, when it is a number, must be written as an
 * integer ("1", not "1.0", "1e0" or "0.1e1", which json-glib reads as a
 * double and a message could only show as "1"): the member @name of an
 * object at @depth (1: the top-level object; 3: an object in an array
 * there, as in "spans": [{"start": 0}]).  A list ends with a NULL name. */
typedef struct
{
  const char *name;
  guint       depth;
} SpanmarkJsonIntegerKey;

/* "spanmark" at the top: the format version, in every project file. */
extern const SpanmarkJsonIntegerKey spanmark_json_version_keys[];

typedef struct
{
  /* In: the name of a member of the top-level object to find, or NULL. */
  const char *find_key;
  /* In: the number of the first line of the input (0 counts as 1), for
   * input that is one line of a bigger file. */
  guint       first_line;
  /* In: the members that must hold integers as written, or NULL. */
  const SpanmarkJsonIntegerKey *integer_keys;

  /* Out: that member's value as written (a string with its quotes), or
   * NULL when the top level has no such member. */
  const char *found;
  gsize       found_length;

  /* Out, when the check fails: where (line and column from 1, the column
   * in characters; line 0 when there is no place, as in an empty file)
   * and what is wrong, translated. */
  guint       line;
  guint       column;
  char       *message;
} SpanmarkJsonSyntax;

/* Checks that @data[0:@length] is one strict JSON value (RFC 8259) that
 * every reader can take as it is: valid UTF-8 without NUL, no comments,
 * no single quotes or trailing commas, no escape that decodes to NUL or
 * to half a surrogate pair, no integer beyond 64 bits nor number beyond
 * a double, no member name twice in one object, no number with a
 * fraction or an exponent as the value of one of @integer_keys (the
 * message quotes it as written), arrays and objects
 * nested at most SPANMARK_JSON_MAX_DEPTH deep.  Fast enough to run over
 * every file of an export (one pass, no allocation per value).
 * Returns FALSE with @self's line, column and message set. */
gboolean spanmark_json_syntax_check (SpanmarkJsonSyntax *self,
                                     const char         *data,
                                     gsize               length);
void     spanmark_json_syntax_clear (SpanmarkJsonSyntax *self);

/* Whether the JSON string @string[0:@length] — from its opening quote
 * to its closing quote, both included, with no closing quote in between
 * — is one spanmark_json_syntax_check() accepts as a string (the same
 * scan: valid UTF-8 without NUL, no control character, only escapes
 * that decode to a character other than NUL and not to half a surrogate
 * pair).  For a reader that parses a shape of its own and checks its
 * strings this way instead of running the whole check first; no
 * allocation unless it fails. */
gboolean spanmark_json_syntax_check_string (const char *string,
                                            gsize       length);

/* Reads the four hexadecimal digits at @p (the digits of a "\uXXXX"
 * escape; @p must have four bytes) into @value. */
gboolean spanmark_json_syntax_read_hex4 (const char *p,
                                         gunichar   *value);

/* Puts into @out the text of the string @raw[0:@length] (what stands
 * between its quotes) with its escapes decoded.  Only for a string of
 * input spanmark_json_syntax_check() accepted: the escapes are not
 * checked again. */
void     spanmark_json_syntax_decode    (const char *raw,
                                         gsize       length,
                                         GString    *out);

G_END_DECLS
