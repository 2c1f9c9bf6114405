/* spanmark-json-syntax.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A strict JSON checker that builds nothing.  It walks the input once
 * with an explicit stack (never recursion, so no input can overflow the C
 * stack), validates UTF-8 as it goes and remembers only the member names
 * of the objects that are open, to find a name given twice.
 */

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-json-syntax.h"

/* Up to this many members an object's names are compared one by one;
 * beyond it they go into a hash table, so a hostile object of a million
 * members costs a million lookups, not half a million million compares. */
#define LINEAR_KEYS 16

/* Numbers longer than this are copied to the heap to be converted. */
#define NUMBER_BUFFER 64

typedef struct
{
  gsize    offset;   /* of the first byte after the opening quote */
  gsize    length;   /* up to the closing quote */
  gboolean escaped;
} Key;

typedef struct
{
  gboolean    is_object;
  guint       first_key;  /* this object's names are keys[first_key…] */
  GHashTable *key_set;    /* decoded name -> Key index + 1, for big objects */
} Level;

/* Spanmark's files never have more member names open at once. */
#define STACK_KEYS 64

typedef struct
{
  SpanmarkJsonSyntax *result;
  const char         *data;
  gsize               length;
  gsize               pos;
  Level               levels[SPANMARK_JSON_MAX_DEPTH];
  guint               depth;
  Key                *keys;       /* of every open object: stack_keys, or on the heap */
  guint               n_keys;
  guint               keys_size;
  Key                 stack_keys[STACK_KEYS];
  GString            *scratch[2]; /* decoded names, to compare escaped ones */
  const char         *integer_key; /* the next value's name, if it must be an integer */
  gboolean            capture;    /* the next value is the one to find */
  gboolean            capturing;
  gsize               capture_start;
} Scanner;

/* Bytes a string can hold without a closer look: printable ASCII other
 * than '"' and '\\'. */
static const guint8 plain[256] = {
#define ROW(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x
  ROW (0), ROW (0),
  1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* '"' */
  ROW (1), ROW (1),
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,  /* '\\' */
  ROW (1),
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* DEL is allowed by JSON */
  ROW (0), ROW (0), ROW (0), ROW (0), ROW (0), ROW (0), ROW (0), ROW (0),
#undef ROW
};

/* Byte tricks on eight bytes at once: the high bit of each byte of the
 * result is set where the byte of @x is zero, or less than @n (@n ≤ 128).
 * False positives above a true one do not matter here. */
#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HAS_ZERO(x) (((x) - ONES) & ~(x))
#define HAS_LESS(x, n) (((x) - ONES * (n)) & ~(x))

/* The length of the UTF-8 sequence at @p, or 0 if it is not valid UTF-8
 * (overlong forms, surrogates and code points beyond U+10FFFF are not,
 * as for g_utf8_validate()). */
static inline gsize
utf8_sequence (const guchar *p,
               gsize         available)
{
  guchar c = p[0];

  if (c < 0x80)
    return c != 0 ? 1 : 0;
  if (c < 0xc2)
    return 0;
  if (c < 0xe0)
    return available >= 2 && (p[1] & 0xc0) == 0x80 ? 2 : 0;
  if (c < 0xf0)
    {
      guchar low = c == 0xe0 ? 0xa0 : 0x80;
      guchar high = c == 0xed ? 0x9f : 0xbf;

      return available >= 3 && p[1] >= low && p[1] <= high && (p[2] & 0xc0) == 0x80 ? 3 : 0;
    }
  if (c < 0xf5)
    {
      guchar low = c == 0xf0 ? 0x90 : 0x80;
      guchar high = c == 0xf4 ? 0x8f : 0xbf;

      return available >= 4 && p[1] >= low && p[1] <= high
             && (p[2] & 0xc0) == 0x80 && (p[3] & 0xc0) == 0x80 ? 4 : 0;
    }
  return 0;
}

static void
set_place (Scanner *s,
           gsize    offset)
{
  gsize line_start = 0;

  /* Every byte before @offset was checked to be valid UTF-8. */
  s->result->line = MAX (s->result->first_line, 1);
  for (gsize i = 0; i < offset; i++)
    if (s->data[i] == '\n')
      {
        s->result->line++;
        line_start = i + 1;
      }
  s->result->column = (guint) g_utf8_strlen (s->data + line_start, offset - line_start) + 1;
}

static gboolean fail (Scanner    *s,
                      gsize       offset,
                      const char *format,
                      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Scanner    *s,
      gsize       offset,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_free (s->result->message);
  s->result->message = g_strdup_vprintf (format, args);
  va_end (args);

  set_place (s, offset);
  return FALSE;
}

static inline gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$';
}

/* What stands at @offset, for "expected …, not %s": a word, one
 * character in quotes, U+XXXX for an invisible one, or the end of the
 * file.  NULL when the bytes there are not UTF-8 (or a NUL), which is the
 * problem to report instead. */
static char *
describe (Scanner *s,
          gsize    offset)
{
  const guchar *p = (const guchar *) s->data + offset;
  gsize n;
  gunichar c;

  if (offset >= s->length)
    return g_strdup (_("the end of the file"));

  if (is_word_char (*p))
    {
      gsize end = offset;

      while (end < s->length && end - offset < 24 && is_word_char (s->data[end]))
        end++;
      return g_strdup_printf ("“%.*s”", (int) (end - offset), s->data + offset);
    }

  n = utf8_sequence (p, s->length - offset);
  if (n == 0)
    return NULL;

  c = g_utf8_get_char ((const char *) p);
  if (!g_unichar_isgraph (c))
    return g_strdup_printf ("U+%04X", c);

  return g_strdup_printf ("“%.*s”", (int) n, (const char *) p);
}

/* What the scanner wanted where it found something else. */
typedef enum
{
  EXPECT_VALUE,
  EXPECT_NAME,
  EXPECT_COLON,
  EXPECT_OBJECT_NEXT,
  EXPECT_ARRAY_NEXT,
  EXPECT_END,
} Expected;

static gboolean
fail_unexpected (Scanner  *s,
                 gsize     offset,
                 Expected  expected)
{
  g_autofree char *what = NULL;

  if (offset < s->length)
    {
      char c = s->data[offset];

      /* The two ways people write JSON that is not: say so plainly. */
      if (c == '/' && offset + 1 < s->length
          && (s->data[offset + 1] == '/' || s->data[offset + 1] == '*'))
        return fail (s, offset, "%s", _("comments are not allowed in JSON"));
      if (c == '\'')
        return fail (s, offset, "%s", _("strings and member names must be in double quotes (\"), not single quotes"));
      if (c == '\0')
        return fail (s, offset, "%s", _("the file contains a NUL byte"));
    }

  what = describe (s, offset);
  if (what == NULL)
    return fail (s, offset, "%s", _("the file is not valid UTF-8"));

  switch (expected)
    {
    case EXPECT_VALUE:
      return fail (s, offset, _("expected a JSON value, not %s"), what);
    case EXPECT_NAME:
      return fail (s, offset, _("expected a member name in double quotes, not %s"), what);
    case EXPECT_COLON:
      return fail (s, offset, _("expected “:” after the member name, not %s"), what);
    case EXPECT_OBJECT_NEXT:
      return fail (s, offset, _("expected “,” or “}”, not %s"), what);
    case EXPECT_ARRAY_NEXT:
      return fail (s, offset, _("expected “,” or “]”, not %s"), what);
    case EXPECT_END:
    default:
      return fail (s, offset, _("unexpected %s after the end of the JSON value"), what);
    }
}

static inline void
skip_space (Scanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];

      if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
        break;
      s->pos++;
    }
}

gboolean
spanmark_json_syntax_read_hex4 (const char *p,
                                gunichar   *value)
{
  *value = 0;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + (gunichar) digit;
    }
  return TRUE;
}

/* Checks the escape at @p (a backslash); returns its length. */
static gsize
check_escape (Scanner *s,
              gsize    p)
{
  gunichar c, low;

  if (p + 1 >= s->length)
    return 0;

  switch (s->data[p + 1])
    {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      return 2;

    case 'u':
      if (p + 6 > s->length || !spanmark_json_syntax_read_hex4 (s->data + p + 2, &c))
        {
          fail (s, p, "%s", _("“\\u” must be followed by four hexadecimal digits"));
          return 0;
        }
      if (c == 0)
        {
          fail (s, p, "%s", _("“\\u0000” (a NUL character) is not allowed in a string"));
          return 0;
        }
      if (c >= 0xdc00 && c <= 0xdfff)
        {
          fail (s, p, _("“\\u%04X” is the second half of a surrogate pair without the first"), c);
          return 0;
        }
      if (c < 0xd800 || c > 0xdbff)
        return 6;
      if (p + 12 > s->length || s->data[p + 6] != '\\' || s->data[p + 7] != 'u'
          || !spanmark_json_syntax_read_hex4 (s->data + p + 8, &low) || low < 0xdc00 || low > 0xdfff)
        {
          fail (s, p, _("“\\u%04X” is the first half of a surrogate pair without the second"), c);
          return 0;
        }
      return 12;

    default:
      {
        g_autofree char *what = describe (s, p + 1);

        if (what == NULL)
          fail (s, p + 1, "%s", _("the file is not valid UTF-8"));
        else
          fail (s, p, _("“\\” followed by %s is not an escape of JSON"), what);
        return 0;
      }
    }
}

/* The string whose opening quote is at s->pos; leaves s->pos after the
 * closing quote.  Inlined: most strings are a few bytes long, and the
 * call would cost more than the scan. */
G_ALWAYS_INLINE static inline gboolean
scan_string (Scanner *s,
             Key     *key)
{
  const guchar *data = (const guchar *) s->data;
  gsize open = s->pos;
  gsize p = open + 1;

  key->offset = p;
  key->escaped = FALSE;

  for (;;)
    {
      guchar c;
      gsize n;

      /* Eight bytes at a time while none needs a closer look: ids,
       * hashes and dates are long runs of plain ASCII. */
      while (p + 8 <= s->length)
        {
          guint64 x;

          memcpy (&x, data + p, 8);
          if (((x | HAS_LESS (x, 0x20) | HAS_ZERO (x ^ ONES * '"') | HAS_ZERO (x ^ ONES * '\\'))
               & ONES * 0x80) != 0)
            break;
          p += 8;
        }
      while (p < s->length && plain[data[p]])
        p++;
      if (p >= s->length)
        return fail (s, open, "%s", _("the string is not closed"));

      c = data[p];
      if (c == '"')
        break;

      if (c == '\\')
        {
          if (p + 1 >= s->length)
            return fail (s, open, "%s", _("the string is not closed"));
          n = check_escape (s, p);
          if (n == 0)
            return FALSE;
          key->escaped = TRUE;
          p += n;
          continue;
        }

      if (c == 0)
        return fail (s, p, "%s", _("the file contains a NUL byte"));
      if (c < 0x20)
        return fail (s, p, _("the control character U+%04X must be written as an escape (such as \\n or \\t) in a string"),
                     (guint) c);

      /* Runs of non-ASCII text (a Chinese "text") in a tight loop. */
      do
        {
          n = utf8_sequence (data + p, s->length - p);
          if (n == 0)
            return fail (s, p, "%s", _("the file is not valid UTF-8"));
          p += n;
        }
      while (p < s->length && data[p] >= 0x80);
    }

  key->length = p - key->offset;
  s->pos = p + 1;
  return TRUE;
}

gboolean
spanmark_json_syntax_check_string (const char *string,
                                   gsize       length)
{
  SpanmarkJsonSyntax result = { 0 };
  /* Only what scan_string() and its failure reads is set: clearing the
   * whole scanner (its stack of levels) would cost more than the scan. */
  Scanner s;
  Key key;
  gboolean ok;

  g_return_val_if_fail (string != NULL && length >= 2 && string[0] == '"', FALSE);

  s.result = &result;
  s.data = string;
  s.length = length;
  s.pos = 0;
  ok = scan_string (&s, &key) && s.pos == length;
  spanmark_json_syntax_clear (&result);

  return ok;
}

void
spanmark_json_syntax_decode (const char *raw,
                             gsize       length,
                             GString    *out)
{
  const char *p = raw;
  const char *end = raw + length;

  g_string_truncate (out, 0);
  while (p < end)
    {
      const char *run = p;
      gunichar c, low;

      while (p < end && *p != '\\')
        p++;
      g_string_append_len (out, run, p - run);
      if (p >= end)
        break;

      switch (p[1])
        {
        case 'b': g_string_append_c (out, '\b'); p += 2; break;
        case 'f': g_string_append_c (out, '\f'); p += 2; break;
        case 'n': g_string_append_c (out, '\n'); p += 2; break;
        case 'r': g_string_append_c (out, '\r'); p += 2; break;
        case 't': g_string_append_c (out, '\t'); p += 2; break;
        case 'u':
          spanmark_json_syntax_read_hex4 (p + 2, &c);
          p += 6;
          if (c >= 0xd800 && c <= 0xdbff)
            {
              spanmark_json_syntax_read_hex4 (p + 2, &low);
              p += 6;
              c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
            }
          g_string_append_unichar (out, c);
          break;
        default:  /* '"', '\\', '/' */
          g_string_append_c (out, p[1]);
          p += 2;
          break;
        }
    }
}

/* The decoded text of a checked string. */
static const char *
decode (Scanner   *s,
        const Key *key,
        guint      which)
{
  GString *out = s->scratch[which];

  if (out == NULL)
    out = s->scratch[which] = g_string_new (NULL);
  spanmark_json_syntax_decode (s->data + key->offset, key->length, out);

  return out->str;
}

static inline gboolean
keys_equal (Scanner   *s,
            const Key *a,
            const Key *b)
{
  if (!a->escaped && !b->escaped)
    return a->length == b->length
           && (a->length == 0 || s->data[a->offset] == s->data[b->offset])
           && memcmp (s->data + a->offset, s->data + b->offset, a->length) == 0;

  return strcmp (decode (s, a, 0), decode (s, b, 1)) == 0;
}

static gboolean
fail_duplicate (Scanner   *s,
                const Key *key,
                const Key *first)
{
  g_autofree char *name = g_strdup (decode (s, key, 0));
  guint line, column;

  set_place (s, first->offset - 1);
  line = s->result->line;
  column = s->result->column;

  return fail (s, key->offset - 1,
               _("the member name “%s” is given twice in this object (first at line %u, column %u)"),
               name, line, column);
}

/* Adds @key to the names of the innermost object; FALSE if it is there
 * already. */
static void
append_key (Scanner   *s,
            const Key *key)
{
  if (s->n_keys == s->keys_size)
    {
      s->keys_size *= 2;
      if (s->keys == s->stack_keys)
        s->keys = g_memdup2 (s->stack_keys, sizeof s->stack_keys);
      s->keys = g_renew (Key, s->keys, s->keys_size);
    }
  s->keys[s->n_keys++] = *key;
}

static gboolean
add_key (Scanner   *s,
         const Key *key)
{
  Level *level = &s->levels[s->depth - 1];
  const Key *keys = s->keys;
  guint n = s->n_keys;
  gpointer other;

  if (level->key_set == NULL && n - level->first_key < LINEAR_KEYS)
    {
      for (guint i = level->first_key; i < n; i++)
        if (keys_equal (s, &keys[i], key))
          return fail_duplicate (s, key, &keys[i]);
      append_key (s, key);
      return TRUE;
    }

  if (level->key_set == NULL)
    {
      level->key_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = level->first_key; i < n; i++)
        g_hash_table_insert (level->key_set, g_strdup (decode (s, &keys[i], 0)), GUINT_TO_POINTER (i + 1));
    }

  if (g_hash_table_lookup_extended (level->key_set, decode (s, key, 0), NULL, &other))
    return fail_duplicate (s, key, &keys[GPOINTER_TO_UINT (other) - 1]);

  g_hash_table_insert (level->key_set, g_strdup (decode (s, key, 0)), GUINT_TO_POINTER (n + 1));
  append_key (s, key);
  return TRUE;
}

/* Whether the member name @key is @name. */
static gboolean
key_is (Scanner    *s,
        const Key  *key,
        const char *name)
{
  const char *decoded = key->escaped ? decode (s, key, 0) : NULL;

  if (decoded != NULL)
    return strcmp (decoded, name) == 0;
  return strlen (name) == key->length && memcmp (s->data + key->offset, name, key->length) == 0;
}

/* A member name and its ":", at s->pos. */
static gboolean
scan_member_name (Scanner *s)
{
  Key key;

  if (s->pos >= s->length || s->data[s->pos] != '"')
    return fail_unexpected (s, s->pos, EXPECT_NAME);

  if (!scan_string (s, &key) || !add_key (s, &key))
    return FALSE;

  if (s->depth == 1 && s->result->find_key != NULL)
    s->capture = key_is (s, &key, s->result->find_key);

  s->integer_key = NULL;
  for (const SpanmarkJsonIntegerKey *k = s->result->integer_keys; k != NULL && k->name != NULL; k++)
    if (k->depth == s->depth && key_is (s, &key, k->name))
      {
        s->integer_key = k->name;
        break;
      }

  skip_space (s);
  if (s->pos >= s->length || s->data[s->pos] != ':')
    return fail_unexpected (s, s->pos, EXPECT_COLON);
  s->pos++;

  return TRUE;
}

static gboolean
fail_number (Scanner *s,
             gsize    start)
{
  gsize end = start;

  while (end < s->length && end - start < 40
         && (g_ascii_isalnum (s->data[end]) || s->data[end] == '.'
             || s->data[end] == '-' || s->data[end] == '+'))
    end++;

  return fail (s, start, _("“%.*s” is not a valid JSON number"), (int) (end - start), s->data + start);
}

static gboolean
scan_number (Scanner *s)
{
  const char *d = s->data;
  gsize start = s->pos, p = s->pos, digits;
  gboolean negative = FALSE, integer = TRUE;

  if (d[p] == '-')
    {
      negative = TRUE;
      p++;
    }
  digits = p;

  if (p < s->length && d[p] == '0')
    p++;
  else if (p < s->length && d[p] >= '1' && d[p] <= '9')
    while (p < s->length && g_ascii_isdigit (d[p]))
      p++;
  else
    return fail_number (s, start);

  if (p < s->length && d[p] == '.')
    {
      integer = FALSE;
      p++;
      if (p >= s->length || !g_ascii_isdigit (d[p]))
        return fail_number (s, start);
      while (p < s->length && g_ascii_isdigit (d[p]))
        p++;
    }

  if (p < s->length && (d[p] == 'e' || d[p] == 'E'))
    {
      integer = FALSE;
      p++;
      if (p < s->length && (d[p] == '+' || d[p] == '-'))
        p++;
      if (p >= s->length || !g_ascii_isdigit (d[p]))
        return fail_number (s, start);
      while (p < s->length && g_ascii_isdigit (d[p]))
        p++;
    }

  /* "007", "0x10", "1.2.3", "12abc". */
  if (p < s->length && (is_word_char (d[p]) || d[p] == '.'))
    return fail_number (s, start);

  /* Valid JSON, but json-glib would make it a double, which no message
   * could show as it was written. */
  if (!integer && s->integer_key != NULL)
    return fail (s, start, _("“%s” must be an integer, written without a fraction or an exponent, not %.*s"),
                 s->integer_key, (int) (p - start), d + start);

  if (integer)
    {
      /* json-glib turns integers beyond 64 bits into -1 or worse. */
      const char *limit = negative ? "9223372036854775808" : "9223372036854775807";
      gsize n = p - digits;

      if (n > 19 || (n == 19 && memcmp (d + digits, limit, 19) > 0))
        return fail (s, start, _("the number %.*s is too large"), (int) (p - start), d + start);
    }
  else
    {
      char buffer[NUMBER_BUFFER];
      g_autofree char *heap = NULL;
      char *copy = buffer;

      if (p - start >= sizeof buffer)
        copy = heap = g_malloc (p - start + 1);
      memcpy (copy, d + start, p - start);
      copy[p - start] = '\0';

      if (isinf (g_ascii_strtod (copy, NULL)))
        return fail (s, start, _("the number %.*s is too large"), (int) (p - start), d + start);
    }

  s->pos = p;
  return TRUE;
}

static gboolean
scan_word (Scanner    *s,
           const char *word)
{
  gsize n = strlen (word);
  gsize end = s->pos;

  if (s->length - s->pos >= n && memcmp (s->data + s->pos, word, n) == 0
      && (s->pos + n == s->length || !is_word_char (s->data[s->pos + n])))
    {
      s->pos += n;
      return TRUE;
    }

  while (end < s->length && end - s->pos < 24 && is_word_char (s->data[end]))
    end++;

  return fail (s, s->pos, _("“%.*s” is not a JSON value (expected a string, a number, an object, an array, true, false or null)"),
               (int) (end - s->pos), s->data + s->pos);
}

/* A string, number, true, false or null at s->pos. */
static gboolean
scan_scalar (Scanner *s)
{
  char c = s->data[s->pos];
  Key ignored;

  switch (c)
    {
    case '"':
      return scan_string (s, &ignored);
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (s);
    default:
      if (g_ascii_isalpha (c) || c == '_' || c == '$')
        return scan_word (s, c == 't' ? "true" : c == 'f' ? "false" : "null");
      return fail_unexpected (s, s->pos, EXPECT_VALUE);
    }
}

static void
push (Scanner  *s,
      gboolean  is_object)
{
  Level *level = &s->levels[s->depth++];

  level->is_object = is_object;
  level->first_key = s->n_keys;
  level->key_set = NULL;
}

static void
pop (Scanner *s)
{
  Level *level = &s->levels[--s->depth];

  s->n_keys = level->first_key;
  g_clear_pointer (&level->key_set, g_hash_table_unref);
}

static gboolean
scan (Scanner *s)
{
  gboolean want_value = TRUE;

  skip_space (s);
  if (s->pos >= s->length)
    {
      g_free (s->result->message);
      s->result->message = g_strdup (_("the file is empty"));
      s->result->line = s->result->column = 0;
      return FALSE;
    }

  for (;;)
    {
      Level *level;
      char close;

      if (want_value)
        {
          char c;

          skip_space (s);
          if (s->capture)
            {
              s->capture = FALSE;
              s->capturing = TRUE;
              s->capture_start = s->pos;
            }
          if (s->pos >= s->length)
            return fail_unexpected (s, s->pos, EXPECT_VALUE);

          c = s->data[s->pos];
          if (c != '{' && c != '[')
            {
              if (!scan_scalar (s))
                return FALSE;
              s->integer_key = NULL;
              want_value = FALSE;
              continue;
            }
          s->integer_key = NULL;

          if (s->depth == SPANMARK_JSON_MAX_DEPTH)
            return fail (s, s->pos, _("arrays and objects are nested more than %d levels deep"),
                         SPANMARK_JSON_MAX_DEPTH);
          push (s, c == '{');
          s->pos++;
          skip_space (s);
          if (s->pos < s->length && s->data[s->pos] == (c == '{' ? '}' : ']'))
            {
              s->pos++;
              pop (s);
              want_value = FALSE;
            }
          else if (c == '{' && !scan_member_name (s))
            return FALSE;
          continue;
        }

      /* After a value. */
      if (s->capturing && s->depth == 1)
        {
          s->capturing = FALSE;
          s->result->found = s->data + s->capture_start;
          s->result->found_length = s->pos - s->capture_start;
        }

      skip_space (s);
      if (s->depth == 0)
        {
          if (s->pos < s->length)
            return fail_unexpected (s, s->pos, EXPECT_END);
          return TRUE;
        }

      level = &s->levels[s->depth - 1];
      close = level->is_object ? '}' : ']';
      if (s->pos < s->length && s->data[s->pos] == close)
        {
          s->pos++;
          pop (s);
          continue;
        }

      if (s->pos >= s->length || s->data[s->pos] != ',')
        return fail_unexpected (s, s->pos, level->is_object ? EXPECT_OBJECT_NEXT : EXPECT_ARRAY_NEXT);

      {
        gsize comma = s->pos;

        s->pos++;
        skip_space (s);
        if (s->pos < s->length && s->data[s->pos] == close)
          return fail (s, comma, _("a comma before “%c” is not allowed in JSON"), close);
      }

      if (level->is_object && !scan_member_name (s))
        return FALSE;
      want_value = TRUE;
    }
}

const SpanmarkJsonIntegerKey spanmark_json_version_keys[] = {
  { "spanmark", 1 },
  { NULL, 0 },
};

gboolean
spanmark_json_syntax_check (SpanmarkJsonSyntax *self,
                            const char         *data,
                            gsize               length)
{
  Scanner s = { .result = self, .data = data, .length = length };
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  self->found = NULL;
  self->found_length = 0;
  self->line = self->column = 0;
  g_clear_pointer (&self->message, g_free);

  s.keys = s.stack_keys;
  s.keys_size = STACK_KEYS;
  ok = scan (&s);

  while (s.depth > 0)
    pop (&s);
  if (s.keys != s.stack_keys)
    g_free (s.keys);
  for (guint i = 0; i < G_N_ELEMENTS (s.scratch); i++)
    if (s.scratch[i] != NULL)
      g_string_free (s.scratch[i], TRUE);

  if (!ok)
    {
      self->found = NULL;
      self->found_length = 0;
    }

  return ok;
}

void
spanmark_json_syntax_clear (SpanmarkJsonSyntax *self)
{
  g_clear_pointer (&self->message, g_free);
}
