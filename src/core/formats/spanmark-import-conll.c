/* spanmark-import-conll.c — CoNLL style: a token and its tag a line
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "TOKEN TAG" a line, or more columns ("EU NNP B-NP B-ORG", the tag in
 * the last column unless --tag-column says another), split at tabs when
 * the first line of tokens has one, else at runs of spaces and tabs.  A
 * blank line ends a sentence; a line starting with -DOCSTART- starts a
 * document (then called NAME-1, NAME-2…; without one the file is the
 * document NAME, or every N sentences one with --sentences-per-document).
 *
 * The text is rebuilt from the tokens: joined with nothing when every
 * token of the file is one character (MSRA, Resume NER, Spanmark's own
 * export), else with a space; sentences with a line break.  Offsets are
 * those of the rebuilt text.
 *
 * Tags are O or a prefix, "-" and a label: B-, I- (IOB2 and IOB1), E-,
 * S- (BIOES) and M- (BMES, read as I-).  Spans are read from them the way
 * seqeval's get_entities() reads them, so a file that is not quite right
 * gives the spans seqeval would score: an I- that does not follow its
 * span starts one, an E- with no start is a span of its own, and a span
 * of BIOES or BMES without its E- ends at its last token.  Each kind of
 * repair is counted in a warning with its first line; never silently.
 *
 * Large files (MSRA's training set has 46,000 sentences) are read a
 * block at a time, twice when the join must be found first; only the
 * documents' texts and spans are held.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-import-format-private.h"

#define DOCSTART "-DOCSTART-"

typedef enum
{
  TAG_O,
  TAG_B,
  TAG_I,   /* and M- */
  TAG_E,
  TAG_S,
} TagKind;

/* The prefixes a file used, for telling its scheme. */
enum
{
  SEEN_B = 1 << 0,
  SEEN_I = 1 << 1,
  SEEN_M = 1 << 2,
  SEEN_E = 1 << 3,
  SEEN_S = 1 << 4,
};

typedef struct
{
  const char *str;
  gsize       len;
} Field;

/* A kind of repair: how many, and the first line. */
typedef struct
{
  guint count;
  guint line;
} Repairs;

typedef struct
{
  Importer                  *imp;
  const SpanmarkImportInput *input;

  /* The columns, as the first line of tokens has them. */
  gboolean   delimiter_known;
  gboolean   tab;
  guint      n_columns;
  guint      columns_line;
  guint      tag_column;       /* from 0 */
  GArray    *fields;           /* Field, of the current line */
  char      *converted;        /* the current line in UTF-8, when converted */

  /* The first pass: whether every token is one character. */
  gboolean   all_chars;
  gboolean   join_space;

  /* The document being read. */
  gboolean   doc_open;
  guint      doc_line;
  GString   *text;
  guint      text_chars;
  GPtrArray *spans;            /* RawSpan */
  guint      doc_sentences;
  guint      sentence_tokens;

  /* Reading spans out of the tags, as seqeval does. */
  TagKind    prev_tag;
  char      *prev_type;        /* the label of the previous tag; NULL after O */
  guint      prev_end;         /* where the previous token ends */
  guint      chunk_start;
  guint      chunk_line;
  char      *chunk_source;     /* the tag that started the span ("B-PER") */

  /* What the file holds. */
  gboolean   docstart_seen;
  guint      n_documents;
  guint      n_sentences;
  guint64    n_tokens;
  guint      seen;
  guint      b_starts;         /* B- starting a span after O or another label (IOB2, not IOB1) */
  Repairs    inside_starts;    /* I- (or M-) starting a span */
  Repairs    end_starts;       /* E- with no start */
  Repairs    unclosed;         /* B- or I- not followed by E- (BIOES, BMES) */
} Conll;

static void
conll_clear (Conll *conll)
{
  g_clear_pointer (&conll->fields, g_array_unref);
  g_clear_pointer (&conll->converted, g_free);
  if (conll->text != NULL)
    g_string_free (conll->text, TRUE);
  conll->text = NULL;
  g_clear_pointer (&conll->spans, g_ptr_array_unref);
  g_clear_pointer (&conll->prev_type, g_free);
  g_clear_pointer (&conll->chunk_source, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Conll, conll_clear)

static void
conll_reset_columns (Conll *conll)
{
  conll->delimiter_known = FALSE;
  conll->tab = FALSE;
  conll->n_columns = 0;
  conll->columns_line = 0;
}

static gboolean
is_blank (const char *line,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (line[i] != ' ' && line[i] != '\t')
      return FALSE;
  return TRUE;
}

static gboolean
is_docstart (const char *line,
             gsize       len)
{
  gsize n = strlen (DOCSTART);

  return len >= n && memcmp (line, DOCSTART, n) == 0 &&
         (len == n || line[n] == ' ' || line[n] == '\t');
}

/* The line in UTF-8, without a byte-order mark on the first line;
 * FALSE with @error naming the line when it is not text. */
static gboolean
decode_line (Conll        *conll,
             const char  **line,
             gsize        *len,
             guint         number,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize bad = 0;

  g_clear_pointer (&conll->converted, g_free);
  if (conll->imp->encoding == SPANMARK_TEXT_ENCODING_GB18030)
    {
      gsize written = 0;

      conll->converted = g_convert (*line, *len, "UTF-8", "GB18030", NULL, &written, NULL);
      if (conll->converted == NULL)
        {
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, conll->input->display, number,
                                      _("cannot be read as GB18030"));
          return FALSE;
        }
      *line = conll->converted;
      *len = written;
    }

  if (!spanmark_text_validate (*line, *len, &bad, &local_error))
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, conll->input->display, number,
                                  g_error_matches (local_error, SPANMARK_TEXT_ERROR, SPANMARK_TEXT_ERROR_NUL)
                                  ? _("a NUL character at byte %lu of the line")
                                  : _("invalid UTF-8 at byte %lu of the line"),
                                  (unsigned long) bad);
      return FALSE;
    }

  /* Lines end with LF or CRLF (the reader takes the CR off); a CR left
   * inside would be taken for part of a token, silently. */
  if (memchr (*line, '\r', *len) != NULL)
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, conll->input->display, number,
                                  _("a carriage return inside the line: lines must end with a line feed (LF or CRLF)"));
      return FALSE;
    }

  if (number == 1 && *len >= 3 && memcmp (*line, "\xef\xbb\xbf", 3) == 0)
    {
      *line += 3;
      *len -= 3;
    }
  return TRUE;
}

/* Splits a line of tokens into conll->fields: at tabs when the first
 * line of tokens had one, else at runs of spaces and tabs. */
static void
split_fields (Conll      *conll,
              const char *line,
              gsize       len)
{
  const char *p = line, *end = line + len;

  g_array_set_size (conll->fields, 0);
  if (!conll->delimiter_known)
    {
      conll->tab = memchr (line, '\t', len) != NULL;
      conll->delimiter_known = TRUE;
    }

  if (conll->tab)
    {
      for (;;)
        {
          const char *tab = memchr (p, '\t', end - p);
          const char *stop = tab != NULL ? tab : end;
          Field field = { p, stop - p };

          g_array_append_val (conll->fields, field);
          if (tab == NULL)
            break;
          p = tab + 1;
        }
      return;
    }

  while (p < end)
    {
      const char *start;
      Field field;

      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      if (p == end)
        break;
      start = p;
      while (p < end && *p != ' ' && *p != '\t')
        p++;
      field.str = start;
      field.len = p - start;
      g_array_append_val (conll->fields, field);
    }
}

/* The first pass: stops at the first token of more than one character. */
static gboolean
scan_line_cb (Importer    *imp,
              const char  *line,
              gsize        len,
              guint        number,
              gpointer     user_data,
              GError     **error)
{
  Conll *conll = user_data;
  const Field *token;

  /* Lines that are not text stop the scan; the second pass names them. */
  if (!decode_line (conll, &line, &len, number, NULL))
    return FALSE;
  if (is_blank (line, len) || is_docstart (line, len))
    return TRUE;

  split_fields (conll, line, len);
  token = &g_array_index (conll->fields, Field, 0);
  if (g_utf8_strlen (token->str, token->len) != 1)
    {
      conll->all_chars = FALSE;
      return FALSE;
    }
  return TRUE;
}

/* Reading spans */

static gboolean
same_type (const char *a,
           const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

static void
note_repair (Repairs *repairs,
             guint    line)
{
  if (repairs->count++ == 0)
    repairs->line = line;
}

/* The span that ends with the previous token. */
static void
emit_chunk (Conll *conll)
{
  RawSpan *span = _spanmark_import_raw_span_new ();

  if (conll->prev_tag == TAG_B || conll->prev_tag == TAG_I)
    note_repair (&conll->unclosed, conll->chunk_line);

  span->start = conll->chunk_start;
  span->end = conll->prev_end;
  span->label = g_strdup (conll->prev_type);
  span->line = conll->chunk_line;
  span->source = g_strdup (conll->chunk_source);
  g_ptr_array_add (conll->spans, span);
}

/* One token's tag, by seqeval's end_of_chunk() and start_of_chunk(). */
static void
read_tag (Conll      *conll,
          TagKind     tag,
          const char *type,
          gsize       type_len,
          const char *source,
          gsize       source_len,
          guint       start,
          guint       end,
          guint       line)
{
  TagKind prev = conll->prev_tag;
  g_autofree char *label = tag != TAG_O ? g_strndup (type, type_len) : NULL;
  gboolean differs = !same_type (conll->prev_type, label);
  gboolean chunk_end, chunk_start;

  chunk_end = prev == TAG_E || prev == TAG_S ||
              ((prev == TAG_B || prev == TAG_I) && (tag == TAG_B || tag == TAG_S || tag == TAG_O)) ||
              (prev != TAG_O && differs);
  chunk_start = tag == TAG_B || tag == TAG_S ||
                ((prev == TAG_E || prev == TAG_S || prev == TAG_O) && (tag == TAG_E || tag == TAG_I)) ||
                (tag != TAG_O && differs);

  if (chunk_end)
    emit_chunk (conll);
  if (chunk_start)
    {
      if (tag == TAG_I)
        note_repair (&conll->inside_starts, line);
      else if (tag == TAG_E)
        note_repair (&conll->end_starts, line);
      else if (tag == TAG_B && (prev == TAG_O || differs))
        conll->b_starts++;
      conll->chunk_start = start;
      conll->chunk_line = line;
      g_free (conll->chunk_source);
      conll->chunk_source = g_strndup (source, source_len);
    }

  conll->prev_tag = tag;
  if (differs)
    {
      g_free (conll->prev_type);
      conll->prev_type = g_steal_pointer (&label);
    }
  conll->prev_end = end;
}

/* Reads @tag ("B-PER", "O") into its kind and label; FALSE with @error
 * when it is no tag, or none of the scheme asked for. */
static gboolean
parse_tag (Conll        *conll,
           const Field  *tag,
           TagKind      *kind,
           const char  **type,
           gsize        *type_len,
           guint         line,
           GError      **error)
{
  SpanmarkImportScheme scheme = conll->imp->options->scheme;
  const char *allowed = NULL;
  guint seen = 0;

  if (tag->len == 1 && tag->str[0] == 'O')
    {
      *kind = TAG_O;
      return TRUE;
    }

  if (tag->len >= 3 && tag->str[1] == '-')
    switch (tag->str[0])
      {
      case 'B': *kind = TAG_B; seen = SEEN_B; break;
      case 'I': *kind = TAG_I; seen = SEEN_I; break;
      case 'M': *kind = TAG_I; seen = SEEN_M; break;
      case 'E': *kind = TAG_E; seen = SEEN_E; break;
      case 'S': *kind = TAG_S; seen = SEEN_S; break;
      default: break;
      }
  if (seen == 0)
    {
      g_autofree char *shown = g_strndup (tag->str, tag->len);

      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, conll->input->display, line,
                                  _("“%s” is not a tag: expected O, or B-, I-, E-, S- or M- and a label (B-PER)"),
                                  shown);
      return FALSE;
    }

  switch (scheme)
    {
    case SPANMARK_IMPORT_SCHEME_IOB1:
    case SPANMARK_IMPORT_SCHEME_IOB2:
      if ((seen & (SEEN_B | SEEN_I)) == 0)
        allowed = "B-, I-";
      break;
    case SPANMARK_IMPORT_SCHEME_BIOES:
      if ((seen & (SEEN_B | SEEN_I | SEEN_E | SEEN_S)) == 0)
        allowed = "B-, I-, E-, S-";
      break;
    case SPANMARK_IMPORT_SCHEME_BMES:
      if ((seen & (SEEN_B | SEEN_M | SEEN_E | SEEN_S)) == 0)
        allowed = "B-, M-, E-, S-";
      break;
    case SPANMARK_IMPORT_SCHEME_AUTO:
    default:
      break;
    }
  if (allowed != NULL)
    {
      g_autofree char *shown = g_strndup (tag->str, tag->len);

      /* TRANSLATORS: the tag, then the prefixes the scheme has */
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, conll->input->display, line,
                                  _("“%s” is not a tag of the scheme asked for (%s and O)"), shown, allowed);
      return FALSE;
    }

  conll->seen |= seen;
  *type = tag->str + 2;
  *type_len = tag->len - 2;
  return TRUE;
}

/* Documents and sentences */

static void
begin_document (Conll *conll,
                guint  line)
{
  conll->doc_open = TRUE;
  conll->doc_line = line;
  g_string_truncate (conll->text, 0);
  conll->text_chars = 0;
  conll->doc_sentences = 0;
}

static gboolean
end_document (Conll   *conll,
              GError **error)
{
  g_autofree char *id = NULL;
  gboolean ok;

  if (!conll->doc_open)
    return TRUE;
  conll->doc_open = FALSE;

  /* One document in the file takes its name; several are numbered. */
  conll->n_documents++;
  if (conll->docstart_seen || conll->imp->options->sentences_per_document > 0)
    id = g_strdup_printf ("%s-%u", conll->input->stem, conll->n_documents);
  else
    id = g_strdup (conll->input->stem);

  ok = _spanmark_import_build_document (conll->imp, conll->input->display, conll->input->display,
                                        conll->doc_line, id, NULL, NULL, conll->text->str, conll->text->len,
                                        SPANMARK_TEXT_ENCODING_UTF8, conll->spans, NULL, error);
  g_ptr_array_set_size (conll->spans, 0);
  return ok;
}

static gboolean
end_sentence (Conll   *conll,
              GError **error)
{
  guint per_document = conll->imp->options->sentences_per_document;

  if (conll->sentence_tokens == 0)
    return TRUE;

  /* The O that seqeval puts after every sentence. */
  if (conll->prev_tag != TAG_O)
    emit_chunk (conll);
  conll->prev_tag = TAG_O;
  g_clear_pointer (&conll->prev_type, g_free);

  conll->sentence_tokens = 0;
  conll->n_sentences++;
  conll->doc_sentences++;
  if (per_document > 0 && conll->doc_sentences == per_document)
    return end_document (conll, error);
  return TRUE;
}

/* Where the tag is: --tag-column, or the last column. */
static gboolean
check_columns (Conll   *conll,
               guint    line,
               GError **error)
{
  guint n = conll->fields->len;
  guint asked = conll->imp->options->tag_column;

  if (conll->n_columns == 0)
    {
      if (n < 2)
        {
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, conll->input->display, line,
                                      conll->tab ? _("expected a token and its tag, separated by a tab")
                                                 : _("expected a token and its tag, separated by a space"));
          return FALSE;
        }
      if (asked > n)
        {
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, conll->input->display, line,
                                      ngettext ("--tag-column %u, but the line has %u column",
                                                "--tag-column %u, but the line has %u columns", n),
                                      asked, n);
          return FALSE;
        }
      conll->n_columns = n;
      conll->columns_line = line;
      conll->tag_column = asked > 0 ? asked - 1 : n - 1;
      if (n > 2 && asked == 0)
        _spanmark_import_add_notice (conll->imp, conll->input->display, line,
                                     _("%u columns: the tokens from the first, the tags from the last (--tag-column N takes them from another)"),
                                     n);
      return TRUE;
    }

  if (n != conll->n_columns)
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, conll->input->display, line,
                                  _("expected %u columns, as on line %u, but found %u"),
                                  conll->n_columns, conll->columns_line, n);
      return FALSE;
    }
  return TRUE;
}

static gboolean
conll_line_cb (Importer    *imp,
               const char  *line,
               gsize        len,
               guint        number,
               gpointer     user_data,
               GError     **error)
{
  Conll *conll = user_data;
  const Field *token, *tag;
  const char *type = NULL;
  gsize type_len = 0;
  TagKind kind = TAG_O;
  guint start;

  if (!decode_line (conll, &line, &len, number, error))
    return FALSE;

  if (is_blank (line, len))
    return end_sentence (conll, error);

  if (is_docstart (line, len))
    {
      conll->docstart_seen = TRUE;
      if (!end_sentence (conll, error) || !end_document (conll, error))
        return FALSE;
      begin_document (conll, number);
      return TRUE;
    }

  split_fields (conll, line, len);
  if (!check_columns (conll, number, error))
    return FALSE;
  token = &g_array_index (conll->fields, Field, 0);
  tag = &g_array_index (conll->fields, Field, conll->tag_column);
  if (token->len == 0)
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, conll->input->display, number,
                                  _("the token is empty"));
      return FALSE;
    }
  if (!parse_tag (conll, tag, &kind, &type, &type_len, number, error))
    return FALSE;

  if (!conll->doc_open)
    begin_document (conll, number);

  /* Sentences are lines of the text; tokens are joined in a sentence. */
  if (conll->sentence_tokens == 0 && conll->text->len > 0)
    {
      g_string_append_c (conll->text, '\n');
      conll->text_chars++;
    }
  else if (conll->sentence_tokens > 0 && conll->join_space)
    {
      g_string_append_c (conll->text, ' ');
      conll->text_chars++;
    }
  start = conll->text_chars;
  g_string_append_len (conll->text, token->str, token->len);
  conll->text_chars += g_utf8_strlen (token->str, token->len);

  read_tag (conll, kind, type, type_len, tag->str, tag->len, start, conll->text_chars, number);
  conll->sentence_tokens++;
  conll->n_tokens++;
  return TRUE;
}

/* What was read */

static const char *
scheme_name (SpanmarkImportScheme scheme)
{
  switch (scheme)
    {
    case SPANMARK_IMPORT_SCHEME_IOB1: return "IOB1";
    case SPANMARK_IMPORT_SCHEME_BIOES: return "BIOES";
    case SPANMARK_IMPORT_SCHEME_BMES: return "BMES";
    case SPANMARK_IMPORT_SCHEME_IOB2:
    case SPANMARK_IMPORT_SCHEME_AUTO:
    default: return "IOB2";
    }
}

/* The scheme the tags were written in, when it was not given. */
static SpanmarkImportScheme
detect_scheme (Conll *conll)
{
  if (conll->imp->options->scheme != SPANMARK_IMPORT_SCHEME_AUTO)
    return conll->imp->options->scheme;
  if (conll->seen & SEEN_M)
    return SPANMARK_IMPORT_SCHEME_BMES;
  if (conll->seen & (SEEN_E | SEEN_S))
    return SPANMARK_IMPORT_SCHEME_BIOES;
  /* IOB1 starts spans with I- and has B- only right after a span of the
   * same label; a B- anywhere else is IOB2's. */
  if (conll->b_starts == 0 && conll->inside_starts.count > 0)
    return SPANMARK_IMPORT_SCHEME_IOB1;
  return SPANMARK_IMPORT_SCHEME_IOB2;
}

static void
report (Conll *conll)
{
  Importer *imp = conll->imp;
  const char *display = conll->input->display;
  SpanmarkImportScheme scheme = detect_scheme (conll);
  gboolean strict = scheme == SPANMARK_IMPORT_SCHEME_BIOES || scheme == SPANMARK_IMPORT_SCHEME_BMES;
  g_autofree char *documents = g_strdup_printf (ngettext ("%u document", "%u documents", conll->n_documents),
                                                conll->n_documents);
  g_autofree char *sentences = g_strdup_printf (ngettext ("%u sentence", "%u sentences", conll->n_sentences),
                                                conll->n_sentences);
  const char *join = conll->join_space ? _("tokens joined with a space") : _("tokens joined with nothing");

  /* TRANSLATORS: "3 documents, 120 sentences, scheme BIOES (detected), tokens joined with nothing" */
  _spanmark_import_add_notice (imp, display, 0,
                               imp->options->scheme == SPANMARK_IMPORT_SCHEME_AUTO
                               ? _("%s, %s, scheme %s (detected), %s")
                               : _("%s, %s, scheme %s, %s"),
                               documents, sentences, scheme_name (scheme), join);

  /* In IOB1 an I- is how a span starts. */
  if (conll->inside_starts.count > 0 && scheme != SPANMARK_IMPORT_SCHEME_IOB1)
    _spanmark_import_add_warning (imp, display, conll->inside_starts.line,
                                  ngettext ("repaired %u I- or M- tag that follows no B- of its label: it starts a span, as seqeval reads it (the first here)",
                                            "repaired %u I- or M- tags that follow no B- of their label: each starts a span, as seqeval reads them (the first here)",
                                            conll->inside_starts.count),
                                  conll->inside_starts.count);
  if (conll->end_starts.count > 0)
    _spanmark_import_add_warning (imp, display, conll->end_starts.line,
                                  ngettext ("repaired %u E- tag with no start: it is a span of its own, as seqeval reads it (the first here)",
                                            "repaired %u E- tags with no start: each is a span of its own, as seqeval reads them (the first here)",
                                            conll->end_starts.count),
                                  conll->end_starts.count);
  if (conll->unclosed.count > 0 && strict)
    _spanmark_import_add_warning (imp, display, conll->unclosed.line,
                                  ngettext ("repaired %u span without its E- tag: it ends at its last token, as seqeval reads it (the first here)",
                                            "repaired %u spans without their E- tag: each ends at its last token, as seqeval reads them (the first here)",
                                            conll->unclosed.count),
                                  conll->unclosed.count);
}

static gboolean
conll_read (Importer                  *imp,
            const SpanmarkImportInput *input,
            GError                   **error)
{
  g_auto(Conll) conll = { 0 };
  SpanmarkImportJoin join = imp->options->join;
  guint n_passes = join == SPANMARK_IMPORT_JOIN_AUTO ? 2 : 1;

  conll.imp = imp;
  conll.input = input;
  conll.fields = g_array_new (FALSE, FALSE, sizeof (Field));
  conll.text = g_string_new (NULL);
  conll.spans = g_ptr_array_new_with_free_func ((GDestroyNotify) _spanmark_import_raw_span_free);
  conll.prev_tag = TAG_O;

  /* The join is the file's: a first pass looks for a token of more than
   * one character. */
  if (join == SPANMARK_IMPORT_JOIN_AUTO)
    {
      conll.all_chars = TRUE;
      if (!_spanmark_import_read_lines (imp, input, 0, n_passes, scan_line_cb, &conll, error))
        return FALSE;
      conll.join_space = !conll.all_chars;
      conll_reset_columns (&conll);
    }
  else
    conll.join_space = join == SPANMARK_IMPORT_JOIN_SPACE;

  if (!_spanmark_import_read_lines (imp, input, n_passes - 1, n_passes, conll_line_cb, &conll, error) ||
      !end_sentence (&conll, error) || !end_document (&conll, error))
    return FALSE;

  /* A file with no tokens is one empty document, as an empty .txt is. */
  if (conll.n_documents == 0)
    {
      begin_document (&conll, 0);
      if (!end_document (&conll, error))
        return FALSE;
    }

  report (&conll);
  return TRUE;
}

static const char * const conll_extensions[] = { ".bio", ".bmes", ".iob", NULL };

const SpanmarkImportFormat _spanmark_import_format_conll = {
  .name = "conll",
  .extension = ".conll",
  .more_extensions = conll_extensions,
  .usage = "NAME.conll",
  .description = N_("a token and its tag a line, CoNLL style\n"
                    "(also .bio, .bmes, .iob; --format for others):\n"
                    "“TOKEN TAG” or more columns, a blank line\n"
                    "between sentences, -DOCSTART- between\n"
                    "documents (NAME-1, NAME-2…); IOB2, IOB1,\n"
                    "BIOES or BMES tags"),
  .streams = TRUE,
  .read = conll_read,
};
