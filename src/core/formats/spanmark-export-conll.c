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

typedef struct
{
  ExportTags *tags;
  /* For each tag name, what follows a token: the delimiter, the tag and
   * a line break (" B-PLACE\n"). */
  GPtrArray  *tag_lines;
  char        delimiter;
  GString    *docstart;
} Conll;

static void
free_gstring (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
conll_free (gpointer data)
{
  Conll *conll = data;

  _spanmark_export_tags_free (conll->tags);
  g_ptr_array_unref (conll->tag_lines);
  g_string_free (conll->docstart, TRUE);
  g_free (conll);
}

static gboolean
conll_begin (SpanmarkExportContext  *context,
             GError                **error)
{
  Conll *conll = g_new0 (Conll, 1);

  /* A label outside the schema still has a name to write. */
  conll->tags = _spanmark_export_tags_new (context->schema, FALSE);
  conll->tag_lines = g_ptr_array_new_with_free_func (free_gstring);
  conll->delimiter = context->options->delimiter == SPANMARK_EXPORT_DELIMITER_TAB ? '\t' : ' ';
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

  for (guint i = conll->tag_lines->len; i < names->len; i++)
    {
      GString *line = g_string_new (NULL);

      g_string_append_c (line, conll->delimiter);
      g_string_append (line, g_ptr_array_index (names, i));
      g_string_append_c (line, '\n');
      g_ptr_array_add (conll->tag_lines, line);
    }
}

static gboolean
conll_write_document (SpanmarkExportContext     *context,
                      const SpanmarkExportItem  *item,
                      GError                   **error)
{
  const ExportDoc *doc = item->doc;
  GString *out = item->out;
  Conll *conll = context->state;
  const char *text = doc->text;
  guint n = doc->char_bytes->len - 1;
  const guint32 *bytes = (const guint32 *) doc->char_bytes->data;
  const gint32 *tags;
  const char o_line[] = { conll->delimiter, 'O', '\n' };
  gsize old_len;
  gsize longest_tag = sizeof o_line;
  guint n_tokens = 0;
  char *w;

  if (!_spanmark_export_tags_compute (conll->tags, doc, item->kept, context->options->scheme, error))
    return FALSE;
  tags = (const gint32 *) conll->tags->tags->data;
  update_tag_lines (conll);

  if (context->options->docstart)
    g_string_append_len (out, conll->docstart->str, conll->docstart->len);
  old_len = out->len;

  for (guint i = 0; i < conll->tag_lines->len; i++)
    longest_tag = MAX (longest_tag, ((GString *) g_ptr_array_index (conll->tag_lines, i))->len);

  /* Every character gives at most itself, a tag line and a blank line:
   * grow once and write with a pointer, which is several times faster
   * than appending piece by piece. */
  g_string_set_size (out, old_len + doc->text_len + (gsize) n * (longest_tag + 1) + 1);
  w = out->str + old_len;

  for (guint i = 0; i < n; i++)
    {
      gunichar c = export_doc_char (doc, i);

      if (c == '\n')
        {
          if (n_tokens > 0)
            *w++ = '\n';
          n_tokens = 0;
          continue;
        }
      if (export_is_white_space (c))
        continue;

      memcpy (w, text + bytes[i], bytes[i + 1] - bytes[i]);
      w += bytes[i + 1] - bytes[i];
      if (tags[i] < 0)
        {
          memcpy (w, o_line, sizeof o_line);
          w += sizeof o_line;
        }
      else
        {
          const GString *tag = g_ptr_array_index (conll->tag_lines, tags[i]);

          memcpy (w, tag->str, tag->len);
          w += tag->len;
        }
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
