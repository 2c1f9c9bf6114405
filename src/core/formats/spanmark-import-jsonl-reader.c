/* spanmark-import-jsonl-reader.c — a JSON line as training code writes it, read fast
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON lines importer (spanmark-import-jsonl.c) runs the strict
 * syntax check over every line, then has json-glib build a tree of it:
 * two thirds of reading a line.  Most lines are of one shape, the one
 * spaCy-style training code and Spanmark's own jsonl export write:
 * {"id", "text", "title"?, "spans": [{"start", "end", "label", "text"?,
 * "entity"?, "attrs"?}], "entities": [{"id", "label", "name"?,
 * "attrs"?}]}, keys in any order.  The reader below parses that shape
 * straight into the importer's RawSpan and RawEntity, checking each
 * string with the syntax check's own scan; anything else — another key,
 * another type, a number with a fraction, an escaped key, a key twice,
 * a line that is not one object — makes it give up, and the importer
 * reads the line the slow way, which gives every error its message.  So
 * a line it takes is one the syntax check accepts, and it gives the same
 * id, title, text, spans and entities as json-glib's tree
 * (tests/core/test-import-jsonl-fast.c compares the two).
 */

#include "config.h"

#include <string.h>

#include "spanmark-attrs-private.h"
#include "spanmark-import-jsonl-private.h"
#include "spanmark-json-syntax.h"
#include "spanmark-text.h"

static gboolean fast_enabled = TRUE;

void
_spanmark_import_jsonl_set_fast (gboolean enabled)
{
  fast_enabled = enabled;
}

gboolean
_spanmark_import_jsonl_get_fast (void)
{
  return fast_enabled;
}

void
_spanmark_import_jsonl_line_init (JsonlLine *out)
{
  memset (out, 0, sizeof *out);
  out->scratch = g_string_new (NULL);
  out->strings = g_string_chunk_new (16 * 1024);
  out->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) _spanmark_import_raw_span_free);
  out->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) _spanmark_import_raw_entity_free);
}

static void
jsonl_line_reset (JsonlLine *out)
{
  g_clear_pointer (&out->id, g_free);
  g_clear_pointer (&out->title, g_free);
  g_clear_pointer (&out->text_copy, g_free);
  out->text = NULL;
  out->text_len = 0;
  g_ptr_array_set_size (out->spans, 0);
  g_ptr_array_set_size (out->entities, 0);
  if (out->strings != NULL)
    g_string_chunk_clear (out->strings);
}

void
_spanmark_import_jsonl_line_clear (JsonlLine *out)
{
  jsonl_line_reset (out);
  if (out->scratch != NULL)
    g_string_free (g_steal_pointer (&out->scratch), TRUE);
  g_clear_pointer (&out->spans, g_ptr_array_unref);
  g_clear_pointer (&out->entities, g_ptr_array_unref);
  g_clear_pointer (&out->strings, g_string_chunk_free);
}

typedef struct
{
  const char *p;
  const char *end;
} Cursor;

/* A string as written, between its quotes. */
typedef struct
{
  const char *raw;
  gsize       len;
  gboolean    escaped;
} Str;

/* JSON's white space: what the syntax check skips, nothing more. */
static inline void
skip_space (Cursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\r' || *c->p == '\n'))
    c->p++;
}

static inline gboolean
eat (Cursor *c,
     char    ch)
{
  skip_space (c);
  if (c->p < c->end && *c->p == ch)
    {
      c->p++;
      return TRUE;
    }
  return FALSE;
}

static inline char
peek (Cursor *c)
{
  skip_space (c);
  return c->p < c->end ? *c->p : '\0';
}

/* A string the syntax check takes (its own scan, for any string with an
 * escape or a byte beyond ASCII; printable ASCII needs no closer look). */
static gboolean
read_str (Cursor *c,
          Str    *s)
{
  const char *p;
  guchar high = 0;

  if (!eat (c, '"'))
    return FALSE;
  s->raw = c->p;
  s->escaped = FALSE;
  for (p = c->p; p < c->end && *p != '"'; p++)
    {
      guchar b = (guchar) *p;

      if (b < 0x20)
        return FALSE;
      high |= b;
      if (b == '\\')
        {
          s->escaped = TRUE;
          if (++p >= c->end)
            return FALSE;
        }
    }
  if (p >= c->end)
    return FALSE;

  s->len = p - s->raw;
  c->p = p + 1;
  return (!s->escaped && (high & 0x80) == 0) ||
         spanmark_json_syntax_check_string (s->raw - 1, s->len + 2);
}

/* The string's value: as written, or its escapes decoded into
 * @scratch; its length in *@len. */
static const char *
str_value (const Str *s,
           GString   *scratch,
           gsize     *len)
{
  if (!s->escaped)
    {
      *len = s->len;
      return s->raw;
    }
  spanmark_json_syntax_decode (s->raw, s->len, scratch);
  *len = scratch->len;
  return scratch->str;
}

/* A copy of the string's value, its escapes decoded. */
static char *
str_dup (const Str *s,
         GString   *scratch)
{
  gsize len;
  const char *value = str_value (s, scratch, &len);

  return g_strndup (value, len);
}

/* The same, kept in the line's chunk. */
static char *
str_keep (const Str *s,
          JsonlLine *out)
{
  gsize len;
  const char *value = str_value (s, out->scratch, &len);

  return g_string_chunk_insert_len (out->strings, value, len);
}

/* A key and its colon: the format's names, never escaped (an escaped
 * key could be a name twice, which the check refuses). */
static gboolean
read_key (Cursor *c,
          Str    *key)
{
  return read_str (c, key) && !key->escaped && eat (c, ':');
}

static inline gboolean
key_is (const Str  *key,
        const char *name)
{
  gsize n = strlen (name);

  return key->len == n && memcmp (key->raw, name, n) == 0;
}

/* An integer as json-glib reads one into a gint64: no fraction, no
 * exponent, no leading zero, not "-0", at most 18 digits (so it fits). */
static gboolean
read_int (Cursor *c,
          gint64 *value)
{
  const char *start;
  gboolean negative = FALSE;
  gint64 v = 0;

  skip_space (c);
  if (c->p < c->end && *c->p == '-')
    {
      negative = TRUE;
      c->p++;
    }
  start = c->p;
  while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
    {
      if (c->p - start >= 18)
        return FALSE;
      v = v * 10 + (*c->p - '0');
      c->p++;
    }
  if (c->p == start || (*start == '0' && c->p - start > 1) || (negative && v == 0))
    return FALSE;
  if (c->p < c->end && (*c->p == '.' || *c->p == 'e' || *c->p == 'E'))
    return FALSE;

  *value = negative ? -v : v;
  return TRUE;
}

static gboolean
read_null (Cursor *c)
{
  skip_space (c);
  if (c->end - c->p >= 4 && memcmp (c->p, "null", 4) == 0)
    {
      c->p += 4;
      return TRUE;
    }
  return FALSE;
}

/* "spans[12]": where a span came from, as the slow path names it
 * ("spans[%u]"), without printf's cost for each of a line's spans; kept
 * in the line's chunk. */
static char *
indexed_source (const char *array,
                guint       index,
                JsonlLine  *out)
{
  char digits[SPANMARK_TEXT_UINT_SIZE];

  g_string_assign (out->scratch, array);
  g_string_append_c (out->scratch, '[');
  g_string_append (out->scratch, spanmark_text_format_uint (digits, index));
  g_string_append_c (out->scratch, ']');
  return g_string_chunk_insert_len (out->strings, out->scratch->str, out->scratch->len);
}

/* {"KEY": "VALUE", …} into *@attrs (made writable); null is none. */
static gboolean
read_attrs (Cursor      *c,
            GHashTable **table,
            GString     *scratch)
{
  GHashTable *attrs;

  if (peek (c) == 'n')
    return read_null (c);
  if (!eat (c, '{'))
    return FALSE;
  if (eat (c, '}'))
    return TRUE;
  attrs = _spanmark_attrs_writable (table);
  do
    {
      Str key, value;
      char *name;

      if (!read_key (c, &key) || !read_str (c, &value))
        return FALSE;
      name = g_strndup (key.raw, key.len);
      if (g_hash_table_contains (attrs, name))
        {
          g_free (name);
          return FALSE;
        }
      g_hash_table_insert (attrs, name, str_dup (&value, scratch));
    }
  while (eat (c, ','));
  return eat (c, '}');
}

enum
{
  SPAN_START  = 1 << 0,
  SPAN_END    = 1 << 1,
  SPAN_LABEL  = 1 << 2,
  SPAN_TEXT   = 1 << 3,
  SPAN_ENTITY = 1 << 4,
  SPAN_ATTRS  = 1 << 5,
};

/* {"start", "end", "label", "text"?, "entity"?, "attrs"?} */
static RawSpan *
read_span (Cursor    *c,
           guint      index,
           guint      line,
           JsonlLine *out)
{
  g_autoptr(RawSpan) span = NULL;
  guint seen = 0;

  if (!eat (c, '{'))
    return NULL;
  span = _spanmark_import_raw_span_new ();
  span->borrowed = TRUE;
  do
    {
      Str key, value;
      guint bit;

      if (!read_key (c, &key))
        return NULL;
      if (key_is (&key, "start"))
        bit = SPAN_START;
      else if (key_is (&key, "end"))
        bit = SPAN_END;
      else if (key_is (&key, "label"))
        bit = SPAN_LABEL;
      else if (key_is (&key, "text"))
        bit = SPAN_TEXT;
      else if (key_is (&key, "entity"))
        bit = SPAN_ENTITY;
      else if (key_is (&key, "attrs"))
        bit = SPAN_ATTRS;
      else
        return NULL;
      if (seen & bit)
        return NULL;
      seen |= bit;

      switch (bit)
        {
        case SPAN_START:
          if (!read_int (c, &span->start))
            return NULL;
          break;
        case SPAN_END:
          if (!read_int (c, &span->end))
            return NULL;
          break;
        case SPAN_LABEL:
          if (!read_str (c, &value))
            return NULL;
          span->label = str_keep (&value, out);
          break;
        case SPAN_TEXT:
          if (!read_str (c, &value))
            return NULL;
          span->expected = str_keep (&value, out);
          break;
        case SPAN_ENTITY:
          if (peek (c) == 'n')
            {
              if (!read_null (c))
                return NULL;
            }
          else if (read_str (c, &value))
            span->entity = str_keep (&value, out);
          else
            return NULL;
          break;
        default:
          if (!read_attrs (c, &span->attrs, out->scratch))
            return NULL;
          break;
        }
    }
  while (eat (c, ','));
  if (!eat (c, '}') || (seen & (SPAN_START | SPAN_END | SPAN_LABEL)) != (SPAN_START | SPAN_END | SPAN_LABEL))
    return NULL;

  span->line = line;
  span->source = indexed_source ("spans", index, out);
  return g_steal_pointer (&span);
}

enum
{
  ENTITY_ID    = 1 << 0,
  ENTITY_LABEL = 1 << 1,
  ENTITY_NAME  = 1 << 2,
  ENTITY_ATTRS = 1 << 3,
};

/* {"id", "label", "name"?, "attrs"?}; doccano's entities with offsets
 * are left to the slow path. */
static RawEntity *
read_entity (Cursor    *c,
             guint      index,
             guint      line,
             JsonlLine *out)
{
  RawEntity *entity;
  guint seen = 0;

  if (!eat (c, '{'))
    return NULL;
  entity = _spanmark_import_raw_entity_new ();
  entity->borrowed = TRUE;
  do
    {
      Str key, value;
      guint bit;

      if (!read_key (c, &key))
        goto fail;
      if (key_is (&key, "id"))
        bit = ENTITY_ID;
      else if (key_is (&key, "label"))
        bit = ENTITY_LABEL;
      else if (key_is (&key, "name"))
        bit = ENTITY_NAME;
      else if (key_is (&key, "attrs"))
        bit = ENTITY_ATTRS;
      else
        goto fail;
      if (seen & bit)
        goto fail;
      seen |= bit;

      if (bit == ENTITY_ATTRS)
        {
          if (!read_attrs (c, &entity->attrs, out->scratch))
            goto fail;
        }
      else if (bit == ENTITY_NAME && peek (c) == 'n')
        {
          if (!read_null (c))
            goto fail;
        }
      else if (!read_str (c, &value))
        goto fail;
      else if (bit == ENTITY_ID)
        entity->id = str_keep (&value, out);
      else if (bit == ENTITY_LABEL)
        entity->label = str_keep (&value, out);
      else
        entity->name = str_keep (&value, out);
    }
  while (eat (c, ','));
  if (!eat (c, '}') || (seen & (ENTITY_ID | ENTITY_LABEL)) != (ENTITY_ID | ENTITY_LABEL))
    goto fail;

  entity->line = line;
  entity->source = indexed_source ("entities", index, out);
  return entity;

fail:
  _spanmark_import_raw_entity_free (entity);
  return NULL;
}

/* "[" ITEM, … "]" or null, each item read by @spans' or @entities' reader. */
static gboolean
read_array (Cursor    *c,
            gboolean   spans,
            guint      line,
            JsonlLine *out)
{
  guint i = 0;

  if (peek (c) == 'n')
    return read_null (c);
  if (!eat (c, '['))
    return FALSE;
  if (eat (c, ']'))
    return TRUE;
  do
    {
      if (spans)
        {
          RawSpan *span = read_span (c, i, line, out);

          if (span == NULL)
            return FALSE;
          g_ptr_array_add (out->spans, span);
        }
      else
        {
          RawEntity *entity = read_entity (c, i, line, out);

          if (entity == NULL)
            return FALSE;
          g_ptr_array_add (out->entities, entity);
        }
      i++;
    }
  while (eat (c, ','));
  return eat (c, ']');
}

enum
{
  LINE_ID       = 1 << 0,
  LINE_TEXT     = 1 << 1,
  LINE_TITLE    = 1 << 2,
  LINE_SPANS    = 1 << 3,
  LINE_ENTITIES = 1 << 4,
};

static gboolean
read_line (Cursor      *c,
           const char  *stem,
           guint        line,
           JsonlLine   *out)
{
  guint seen = 0;

  if (!eat (c, '{'))
    return FALSE;
  do
    {
      Str key, value;
      guint bit;

      if (!read_key (c, &key))
        return FALSE;
      if (key_is (&key, "text"))
        bit = LINE_TEXT;
      else if (key_is (&key, "id"))
        bit = LINE_ID;
      else if (key_is (&key, "title"))
        bit = LINE_TITLE;
      else if (key_is (&key, "spans"))
        bit = LINE_SPANS;
      else if (key_is (&key, "entities"))
        bit = LINE_ENTITIES;
      else
        return FALSE;
      if (seen & bit)
        return FALSE;
      seen |= bit;

      switch (bit)
        {
        case LINE_TEXT:
          if (!read_str (c, &value))
            return FALSE;
          if (value.escaped)
            {
              out->text_copy = str_dup (&value, out->scratch);
              out->text = out->text_copy;
              out->text_len = strlen (out->text_copy);
            }
          else
            {
              out->text = value.raw;
              out->text_len = value.len;
            }
          break;
        case LINE_ID:
          {
            char next = peek (c);
            gint64 number;

            if (next == 'n')
              {
                if (!read_null (c))
                  return FALSE;
              }
            else if (next == '"')
              {
                if (!read_str (c, &value))
                  return FALSE;
                out->id = str_dup (&value, out->scratch);
              }
            else if (read_int (c, &number))
              out->id = g_strdup_printf ("%" G_GINT64_FORMAT, number);
            else
              return FALSE;
          }
          break;
        case LINE_TITLE:
          if (peek (c) == 'n')
            {
              if (!read_null (c))
                return FALSE;
            }
          else if (read_str (c, &value))
            out->title = str_dup (&value, out->scratch);
          else
            return FALSE;
          break;
        case LINE_SPANS:
          if (!read_array (c, TRUE, line, out))
            return FALSE;
          break;
        default:
          if (!read_array (c, FALSE, line, out))
            return FALSE;
          break;
        }
    }
  while (eat (c, ','));
  if (!eat (c, '}'))
    return FALSE;
  skip_space (c);
  if (c->p != c->end || !(seen & LINE_TEXT))
    return FALSE;

  if (out->id == NULL)
    out->id = g_strdup_printf ("%s-%u", stem, line);
  return TRUE;
}

gboolean
_spanmark_import_jsonl_read_fast (const char *data,
                                  gsize       len,
                                  const char *stem,
                                  guint       line,
                                  JsonlLine  *out)
{
  Cursor c = { data, data + len };

  jsonl_line_reset (out);
  if (read_line (&c, stem, line, out))
    return TRUE;
  jsonl_line_reset (out);
  return FALSE;
}
