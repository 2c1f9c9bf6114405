/* fuzz-strict-json.c — an independent judge of strict JSON for the fuzzers
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spanmark's files are strict JSON (RFC 8259) whose strings are valid
 * UTF-8 without NUL and whose objects name each member once; whatever a
 * reader accepts must be that.  This small recursive parser, written
 * apart from the readers on purpose, says whether an input is, and if not
 * what kind of fault it has first, so a finding can be put under the
 * issue 8 item it belongs to.  Its recursion stops at the readers' depth
 * limit, so it cannot overflow the stack either.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "spanmark-json-syntax.h"

typedef struct
{
  const char *p;
  const char *end;
  guint       depth;
  FuzzJson    fault;
} Judge;

static gboolean
fault (Judge    *judge,
       FuzzJson  kind)
{
  if (judge->fault == FUZZ_JSON_STRICT)
    judge->fault = kind;
  return FALSE;
}

static void
skip_space (Judge *judge)
{
  while (judge->p < judge->end &&
         (*judge->p == ' ' || *judge->p == '\t' || *judge->p == '\n' || *judge->p == '\r'))
    judge->p++;
}

/* Something that is not a value where one belongs: name the two kinds
 * json-glib accepts and JSON does not. */
static gboolean
unexpected (Judge *judge)
{
  if (judge->p < judge->end && *judge->p == '\'')
    return fault (judge, FUZZ_JSON_SINGLE_QUOTE);
  if (judge->end - judge->p >= 2 && judge->p[0] == '/' && (judge->p[1] == '*' || judge->p[1] == '/'))
    return fault (judge, FUZZ_JSON_COMMENT);
  return fault (judge, FUZZ_JSON_SYNTAX);
}

/* A string; its decoded value goes to @out when not NULL. */
static gboolean
string (Judge   *judge,
        GString *out)
{
  if (judge->p >= judge->end || *judge->p != '"')
    return unexpected (judge);
  judge->p++;

  while (judge->p < judge->end && *judge->p != '"')
    {
      guchar c = (guchar) *judge->p;
      gunichar u;

      if (c < 0x20)
        return fault (judge, FUZZ_JSON_SYNTAX);
      if (c != '\\')
        {
          if (out != NULL)
            g_string_append_c (out, (char) c);
          judge->p++;
          continue;
        }

      if (judge->end - judge->p < 2)
        return fault (judge, FUZZ_JSON_SYNTAX);
      switch (judge->p[1])
        {
        case '"': case '\\': case '/': u = (guchar) judge->p[1]; break;
        case 'b': u = '\b'; break;
        case 'f': u = '\f'; break;
        case 'n': u = '\n'; break;
        case 'r': u = '\r'; break;
        case 't': u = '\t'; break;
        case 'u':
          if (judge->end - judge->p < 6 || !spanmark_json_syntax_read_hex4 (judge->p + 2, &u))
            return fault (judge, FUZZ_JSON_SYNTAX);
          if (u == 0)
            return fault (judge, FUZZ_JSON_NUL_ESCAPE);
          if (u >= 0xdc00 && u <= 0xdfff)
            return fault (judge, FUZZ_JSON_LONE_SURROGATE);
          if (u >= 0xd800 && u <= 0xdbff)
            {
              gunichar low;

              if (judge->end - judge->p < 12 || judge->p[6] != '\\' || judge->p[7] != 'u' ||
                  !spanmark_json_syntax_read_hex4 (judge->p + 8, &low) || low < 0xdc00 || low > 0xdfff)
                return fault (judge, FUZZ_JSON_LONE_SURROGATE);
              u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
              judge->p += 6;
            }
          judge->p += 4;
          break;
        default:
          return fault (judge, FUZZ_JSON_SYNTAX);
        }
      judge->p += 2;
      if (out != NULL)
        g_string_append_unichar (out, u);
    }

  if (judge->p >= judge->end)
    return fault (judge, FUZZ_JSON_SYNTAX);
  judge->p++;
  return TRUE;
}

static gboolean
digits (Judge *judge)
{
  const char *start = judge->p;

  while (judge->p < judge->end && g_ascii_isdigit (*judge->p))
    judge->p++;
  return judge->p > start;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
number (Judge *judge)
{
  if (judge->p < judge->end && *judge->p == '-')
    judge->p++;
  if (judge->p < judge->end && *judge->p == '0')
    judge->p++;
  else if (!digits (judge))
    return fault (judge, FUZZ_JSON_SYNTAX);
  if (judge->p < judge->end && *judge->p == '.')
    {
      judge->p++;
      if (!digits (judge))
        return fault (judge, FUZZ_JSON_SYNTAX);
    }
  if (judge->p < judge->end && (*judge->p == 'e' || *judge->p == 'E'))
    {
      judge->p++;
      if (judge->p < judge->end && (*judge->p == '+' || *judge->p == '-'))
        judge->p++;
      if (!digits (judge))
        return fault (judge, FUZZ_JSON_SYNTAX);
    }
  return TRUE;
}

static gboolean
literal (Judge      *judge,
         const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (judge->end - judge->p) < n || memcmp (judge->p, word, n) != 0)
    return fault (judge, FUZZ_JSON_SYNTAX);
  judge->p += n;
  return TRUE;
}

static gboolean value (Judge *judge);

/* After a member or element: "," then more, or @close. */
static gboolean
next_item (Judge    *judge,
           char      close,
           gboolean *more)
{
  skip_space (judge);
  if (judge->p < judge->end && *judge->p == ',')
    {
      judge->p++;
      *more = TRUE;
      return TRUE;
    }
  if (judge->p < judge->end && *judge->p == close)
    {
      judge->p++;
      *more = FALSE;
      return TRUE;
    }
  return unexpected (judge);
}

static gboolean
object (Judge *judge)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean more = TRUE;

  judge->p++;
  skip_space (judge);
  if (judge->p < judge->end && *judge->p == '}')
    {
      judge->p++;
      return TRUE;
    }

  while (more)
    {
      g_autoptr(GString) name = g_string_new (NULL);

      skip_space (judge);
      if (!string (judge, name))
        return FALSE;
      if (!g_hash_table_add (names, g_string_free (g_steal_pointer (&name), FALSE)))
        return fault (judge, FUZZ_JSON_DUPLICATE_KEY);
      skip_space (judge);
      if (judge->p >= judge->end || *judge->p != ':')
        return unexpected (judge);
      judge->p++;
      if (!value (judge) || !next_item (judge, '}', &more))
        return FALSE;
    }
  return TRUE;
}

static gboolean
array (Judge *judge)
{
  gboolean more = TRUE;

  judge->p++;
  skip_space (judge);
  if (judge->p < judge->end && *judge->p == ']')
    {
      judge->p++;
      return TRUE;
    }

  while (more)
    if (!value (judge) || !next_item (judge, ']', &more))
      return FALSE;
  return TRUE;
}

static gboolean
value (Judge *judge)
{
  gboolean ok;

  skip_space (judge);
  if (judge->p >= judge->end)
    return fault (judge, FUZZ_JSON_SYNTAX);

  switch (*judge->p)
    {
    case '{':
    case '[':
      /* The readers refuse deeper files; one they accept is a fault. */
      if (++judge->depth > SPANMARK_JSON_MAX_DEPTH)
        return fault (judge, FUZZ_JSON_TOO_DEEP);
      ok = *judge->p == '{' ? object (judge) : array (judge);
      judge->depth--;
      return ok;
    case '"':
      return string (judge, NULL);
    case 't':
      return literal (judge, "true");
    case 'f':
      return literal (judge, "false");
    case 'n':
      return literal (judge, "null");
    default:
      if (*judge->p == '-' || g_ascii_isdigit (*judge->p))
        return number (judge);
      return unexpected (judge);
    }
}

FuzzJson
fuzz_json_judge (const char *data,
                 gsize       len)
{
  Judge judge = { data, data + len, 0, FUZZ_JSON_STRICT };

  /* g_utf8_validate_len() refuses NUL bytes too. */
  if (!g_utf8_validate_len (data, len, NULL))
    return FUZZ_JSON_BAD_UTF8;

  if (value (&judge))
    {
      skip_space (&judge);
      if (judge.p < judge.end)
        {
          unexpected (&judge);
          /* json-glib reads on into a second value. */
          if (judge.fault == FUZZ_JSON_SYNTAX)
            judge.fault = FUZZ_JSON_TRAILING;
        }
    }
  return judge.fault;
}

FuzzJson
fuzz_json_judge_lines (const char *data,
                       gsize       len)
{
  const char *p = data, *end = data + len;
  FuzzJson first = FUZZ_JSON_STRICT;

  /* As the importer reads JSON lines: a byte-order mark before the first
   * line, a CR before each LF and blank lines are not JSON. */
  if (len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize n = (nl != NULL ? nl : end) - p;
      gboolean blank = TRUE;

      if (n > 0 && p[n - 1] == '\r')
        n--;
      for (gsize i = 0; i < n && blank; i++)
        blank = g_ascii_isspace (p[i]);
      if (!blank)
        {
          FuzzJson kind = fuzz_json_judge (p, n);

          /* A known bug anywhere decides, so that it can be set aside. */
          if (fuzz_json_is_known_bug (kind))
            return kind;
          if (first == FUZZ_JSON_STRICT)
            first = kind;
        }
      p = nl != NULL ? nl + 1 : end;
    }
  return first;
}
