/* spanmark-export-conll.c — CoNLL: one character per line, "CHAR TAG"
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every character but white space is a token, on a line of its own with
 * its tag (B-X/I-X/O, or B/I/E/S-X in BIOES) after a space or a tab; a
 * line break in the text ends a sentence (a blank line).  With
 * -DOCSTART- markers each document starts with the line CoNLL-2003 and
 * spaCy's converter use to tell documents apart, and a blank line.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-export-format-private.h"
#include "spanmark-export-tags.h"

/* CoNLL-2003's columns (token, part of speech, chunk, entity) with no
 * part of speech and no chunk.  With a space between them it is byte
 * for byte the line spaCy's converter splits documents at. */
static const char * const docstart_fields[] = { "-DOCSTART-", "-X-", "O", "O" };

/* The writer copies tag lines in blocks of this many bytes, whatever
 * their length: a fixed-size copy is a few instructions, a call to
 * memcpy() with a length known only at run time costs more than the
 * line.  Each line's storage is padded to whole blocks. */
#define TAG_BLOCK 16

/* What follows a token: the delimiter, the tag and a line break
 * (" B-PLACE\n"). */
typedef struct
{
  char  *str;   /* padded to whole TAG_BLOCKs */
  gsize  len;
} TagLine;

typedef struct
{
  ExportTags *tags;
  /* The line of "O" first, then one for each tag name. */
  GArray     *tag_lines;
  gsize       longest_line;
  char        delimiter;
  GString    *docstart;
} Conll;

static void
tag_line_clear (gpointer data)
{
  g_free (((TagLine *) data)->str);
}

static void
conll_free (gpointer data)
{
  Conll *conll = data;

  _spanmark_export_tags_free (conll->tags);
  g_array_unref (conll->tag_lines);
  g_string_free (conll->docstart, TRUE);
  g_free (conll);
}

static void
add_tag_line (Conll      *conll,
              const char *tag)
{
  gsize tag_len = strlen (tag);
  TagLine line = { NULL, tag_len + 2 };

  line.str = g_malloc0 ((line.len + TAG_BLOCK - 1) / TAG_BLOCK * TAG_BLOCK);
  line.str[0] = conll->delimiter;
  memcpy (line.str + 1, tag, tag_len);
  line.str[tag_len + 1] = '\n';
  conll->longest_line = MAX (conll->longest_line, line.len);
  g_array_append_val (conll->tag_lines, line);
}

static gboolean
conll_begin (SpanmarkExportContext  *context,
             GError                **error)
{
  Conll *conll = g_new0 (Conll, 1);

  /* A label outside the schema still has a name to write. */
  conll->tags = _spanmark_export_tags_new (context->schema, FALSE);
  conll->tag_lines = g_array_new (FALSE, FALSE, sizeof (TagLine));
  g_array_set_clear_func (conll->tag_lines, tag_line_clear);
  conll->delimiter = context->options->delimiter == SPANMARK_EXPORT_DELIMITER_TAB ? '\t' : ' ';
  add_tag_line (conll, "O");
  conll->docstart = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (docstart_fields); i++)
    {
      if (i > 0)
        g_string_append_c (conll->docstart, conll->delimiter);
      g_string_append (conll->docstart, docstart_fields[i]);
    }
  g_string_append (conll->docstart, "\n\n");

  context->state = conll;
  return TRUE;
}

/* A line for every tag name, including those of labels the last document
 * brought. */
static void
update_tag_lines (Conll *conll)
{
  GPtrArray *names = conll->tags->tag_names;

  for (guint i = conll->tag_lines->len - 1; i < names->len; i++)
    add_tag_line (conll, g_ptr_array_index (names, i));
}

/* Whether the code point at @p, @n bytes long, is white space (the
 * token rule): ASCII is decoded for free, and nothing from U+4000 on,
 * where the first byte is E4 or more, is white space. */
static inline gboolean
is_white_space_at (const guchar *p,
                   guint         n)
{
  if (n == 1)
    return export_is_white_space (p[0]);
  if (n == 3 && p[0] >= 0xe4)
    return FALSE;
  /* CJK punctuation (U+3000–U+303F, E3 80 xx) is common: decoded here,
   * not by a call. */
  if (n == 3)
    return export_is_white_space (((gunichar) (p[0] & 0x0f) << 12) | ((gunichar) (p[1] & 0x3f) << 6) | (p[2] & 0x3f));
  return export_is_white_space (g_utf8_get_char ((const char *) p));
}

static gboolean
conll_write_document (SpanmarkExportContext     *context,
                      const SpanmarkExportItem  *item,
                      GError                   **error)
{
  const ExportDoc *doc = item->doc;
  GString *out = item->out;
  Conll *conll = context->state;
  const guchar *p = (const guchar *) doc->text;
  guint n = doc->char_bytes->len - 1;
  const gint32 *tags;
  const TagLine *lines;
  gsize old_len;
  guint n_tokens = 0;
  char *w;

  if (!_spanmark_export_tags_compute (conll->tags, doc, item->kept, context->options->scheme, error))
    return FALSE;
  tags = (const gint32 *) conll->tags->tags->data;
  update_tag_lines (conll);
  /* tags[i] + 1: the "O" line is the first. */
  lines = (const TagLine *) conll->tag_lines->data;

  if (context->options->docstart)
    g_string_append_len (out, conll->docstart->str, conll->docstart->len);
  old_len = out->len;

  /* Every character gives at most itself, a tag line and a blank line,
   * and the last block copied may pass the line's end: grow once and
   * write with a pointer, which is several times faster than appending
   * piece by piece. */
  g_string_set_size (out, old_len + doc->text_len + (gsize) n * (conll->longest_line + 1) + TAG_BLOCK + 1);
  w = out->str + old_len;

  /* Walk the text itself (valid UTF-8: the reader checked) rather than
   * the table of code point offsets. */
  for (guint i = 0; i < n; i++)
    {
      guint len = p[0] < 0x80 ? 1 : p[0] < 0xe0 ? 2 : p[0] < 0xf0 ? 3 : 4;
      const TagLine *line;

      if (p[0] == '\n')
        {
          if (n_tokens > 0)
            *w++ = '\n';
          n_tokens = 0;
          p++;
          continue;
        }
      if (is_white_space_at (p, len))
        {
          p += len;
          continue;
        }

      switch (len)
        {
        case 1: *w = (char) p[0]; break;
        case 2: memcpy (w, p, 2); break;
        case 3: memcpy (w, p, 3); break;
        default: memcpy (w, p, 4); break;
        }
      w += len;
      p += len;

      line = &lines[tags[i] + 1];
      for (gsize k = 0; k < line->len; k += TAG_BLOCK)
        memcpy (w + k, line->str + k, TAG_BLOCK);
      w += line->len;
      n_tokens++;
    }

  if (n_tokens > 0)
    *w++ = '\n';

  g_string_truncate (out, w - out->str);
  return TRUE;
}

const SpanmarkExportFormat _spanmark_export_format_conll = {
  .name = "conll",
  .title = N_("CoNLL — one character per line"),
  .description = N_("one character per line, “CHAR TAG”, a blank line after each sentence\n"
                    "and document; OUT is a file (standard output without -o or with -o -)"),
  .example = "--format conll --scheme bioes -o corpus.conll",
  .extension = ".conll",
  .file_name = "data.conll",
  .layout = N_("Writes data.conll into the folder."),
  .split_layout = N_("Writes train.conll, dev.conll and test.conll into the folder."),
  .flags = SPANMARK_EXPORT_FORMAT_FLAT,
  .options = SPANMARK_EXPORT_OPTION_SCHEME | SPANMARK_EXPORT_OPTION_DOCSTART | SPANMARK_EXPORT_OPTION_DELIMITER,
  .begin = conll_begin,
  .write_document = conll_write_document,
  .free_state = conll_free,
};
