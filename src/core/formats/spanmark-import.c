/* spanmark-import.c — bring texts and annotations into a project
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import runs in two passes over its input.  First every file is read,
 * decoded, normalised and checked, one document at a time, and nothing is
 * kept of a document but its id (and the labels it adds); only when all
 * of them are good does the second pass read the files again and write
 * each document's text and annotation file as it is built.  So a bad line
 * anywhere leaves the project exactly as it was, and memory holds one
 * document, not the input (a 50,000-line JSON lines file is 100 MB and
 * more).  The formats (spanmark-import-format.c and the files it lists)
 * read their files the same way in both passes: each turns a file's
 * bytes into documents with _spanmark_import_build_document().
 */

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-annotation-file.h"
#include "spanmark-attrs-private.h"
#include "spanmark-file.h"
#include "spanmark-import.h"
#include "spanmark-import-format-private.h"
#include "spanmark-import-private.h"
#include "spanmark-label-ops.h"
#include "spanmark-project-private.h"
#include "spanmark-span-private.h"
#include "spanmark-text.h"

/* How much of a streamed input is read at once. */
#define READ_BLOCK_SIZE (256 * 1024)

G_DEFINE_QUARK (spanmark-import-error-quark, spanmark_import_error)

void
spanmark_import_report_init (SpanmarkImportReport *report)
{
  g_return_if_fail (report != NULL);

  memset (report, 0, sizeof *report);
  report->labels_added = g_ptr_array_new_with_free_func (g_free);
  report->warnings = g_ptr_array_new_with_free_func (g_free);
  report->notices = g_ptr_array_new_with_free_func (g_free);
}

void
spanmark_import_report_clear (SpanmarkImportReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->labels_added, g_ptr_array_unref);
  g_clear_pointer (&report->warnings, g_ptr_array_unref);
  g_clear_pointer (&report->notices, g_ptr_array_unref);
}

void
_spanmark_import_raw_span_free (RawSpan *span)
{
  if (!span->borrowed)
    {
      g_free (span->label);
      g_free (span->entity);
      g_free (span->expected);
      g_free (span->source);
    }
  g_clear_pointer (&span->attrs, g_hash_table_unref);
  g_free (span);
}

RawSpan *
_spanmark_import_raw_span_new (void)
{
  RawSpan *span = g_new0 (RawSpan, 1);

  /* Most have none: written through _spanmark_attrs_writable(). */
  span->attrs = _spanmark_attrs_copy_or_shared (NULL);
  return span;
}

void
_spanmark_import_raw_entity_free (RawEntity *entity)
{
  if (!entity->borrowed)
    {
      g_free (entity->id);
      g_free (entity->label);
      g_free (entity->name);
      g_free (entity->source);
    }
  g_clear_pointer (&entity->attrs, g_hash_table_unref);
  g_free (entity);
}

RawEntity *
_spanmark_import_raw_entity_new (void)
{
  RawEntity *entity = g_new0 (RawEntity, 1);

  entity->attrs = _spanmark_attrs_copy_or_shared (NULL);
  return entity;
}

static void
pending_doc_free (PendingDoc *doc)
{
  g_free (doc->id);
  g_free (doc->title);
  g_clear_pointer (&doc->meta, json_object_unref);
  g_free (doc->text);
  g_clear_object (&doc->set);
  g_free (doc);
}

/* Files under the current folder are named relative to it, as a user
 * typing "spanmark-cli import corpus news/a.txt" expects to read them. */
static char *
file_display_name (GFile *file)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GFile) here = g_file_new_for_path (cwd);
  char *relative = g_file_get_relative_path (here, file);

  if (relative != NULL)
    return relative;
  return g_file_get_parse_name (file);
}

/* "FILE: line N: MESSAGE", or "FILE: MESSAGE" when @line is 0: the form
 * every import error and warning takes. */
static char * G_GNUC_PRINTF (3, 0)
format_located (const char *file,
                guint       line,
                const char *format,
                va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (line > 0)
    /* TRANSLATORS: "FILE: line N: what is wrong" */
    return g_strdup_printf (_("%s: line %u: %s"), file, line, message);
  return g_strdup_printf ("%s: %s", file, message);
}

void
_spanmark_import_set_error (GError    **error,
                            int         code,
                            const char *file,
                            guint       line,
                            const char *format,
                            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = format_located (file, line, format, args);
  va_end (args);

  g_set_error_literal (error, SPANMARK_IMPORT_ERROR, code, message);
}

void
_spanmark_import_add_warning (Importer   *imp,
                              const char *file,
                              guint       line,
                              const char *format,
                              ...)
{
  va_list args;

  if (imp->warnings == NULL)
    return;

  va_start (args, format);
  g_ptr_array_add (imp->warnings, format_located (file, line, format, args));
  va_end (args);
}

void
_spanmark_import_add_notice (Importer   *imp,
                             const char *file,
                             guint       line,
                             const char *format,
                             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (imp->notices, format_located (file, line, format, args));
  va_end (args);
}

void
_spanmark_import_progress_read (Importer                  *imp,
                                const SpanmarkImportInput *input,
                                guint64                    done,
                                guint64                    total)
{
  /* The second pass reports the documents it writes instead. */
  if (imp->options->progress != NULL && (!imp->writing || imp->one_pass))
    imp->options->progress (SPANMARK_IMPORT_STAGE_READ, input->display, done, total,
                            imp->options->progress_data);
}

/* Lines of an input, read in blocks or from its bytes. */
typedef struct
{
  Importer                  *imp;
  const SpanmarkImportInput *input;
  SpanmarkImportLineFunc     func;
  gpointer                   user_data;
  GString                   *carry;     /* the start of a line a block cut */
  guint                      number;
  guint                      pass;
  guint                      n_passes;
  gboolean                   stopped;   /* @func stopped without an error */
} LineReader;

static gboolean
line_reader_line (LineReader  *reader,
                  const char  *line,
                  gsize        len,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (len > 0 && line[len - 1] == '\r')
    len--;
  reader->number++;
  if (reader->func (reader->imp, line, len, reader->number, reader->user_data, &local_error))
    return TRUE;

  if (local_error == NULL)
    reader->stopped = TRUE;
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
line_reader_feed (LineReader  *reader,
                  const char  *data,
                  gsize        len,
                  GError     **error)
{
  const char *p = data;
  const char *end = data + len;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      gboolean ok;

      if (nl == NULL)
        {
          g_string_append_len (reader->carry, p, end - p);
          break;
        }
      if (reader->carry->len > 0)
        {
          g_string_append_len (reader->carry, p, nl - p);
          ok = line_reader_line (reader, reader->carry->str, reader->carry->len, error);
          g_string_truncate (reader->carry, 0);
        }
      else
        ok = line_reader_line (reader, p, nl - p, error);
      if (!ok)
        return FALSE;
      p = nl + 1;
    }
  return TRUE;
}

static void
line_reader_progress (LineReader *reader,
                      guint64     done,
                      guint64     total)
{
  _spanmark_import_progress_read (reader->imp, reader->input,
                                  reader->pass * total + done, reader->n_passes * total);
}

static gboolean
line_reader_block_cb (const char  *data,
                      gsize        length,
                      guint64      done,
                      guint64      size,
                      gpointer     user_data,
                      GError     **error)
{
  LineReader *reader = user_data;

  if (!line_reader_feed (reader, data, length, error))
    return FALSE;
  line_reader_progress (reader, done, size);
  return TRUE;
}

gboolean
_spanmark_import_read_lines (Importer                   *imp,
                             const SpanmarkImportInput  *input,
                             guint                       pass,
                             guint                       n_passes,
                             SpanmarkImportLineFunc      func,
                             gpointer                    user_data,
                             GError                    **error)
{
  g_autoptr(GString) carry = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  LineReader reader = { imp, input, func, user_data, carry, 0, pass, MAX (n_passes, 1), FALSE };
  gboolean ok;

  if (input->data != NULL)
    {
      ok = line_reader_feed (&reader, input->data, input->len, &local_error);
      if (ok)
        line_reader_progress (&reader, input->len, input->len);
    }
  else
    {
      ok = spanmark_file_read_blocks (input->file, SPANMARK_FILE_MAX_IMPORT_SIZE, READ_BLOCK_SIZE,
                                      line_reader_block_cb, &reader, &local_error);
      /* The file system's errors do not name the file yet. */
      if (!ok && local_error != NULL && local_error->domain != SPANMARK_IMPORT_ERROR)
        {
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, input->display, 0,
                                      "%s", local_error->message);
          return FALSE;
        }
    }

  if (ok && carry->len > 0)
    ok = line_reader_line (&reader, carry->str, carry->len, &local_error);

  if (!ok && !reader.stopped)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

guint
_spanmark_import_line_of_byte (const char *data,
                               gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* Compares brat's copy of a span's text with the document text, treating
 * any two white-space characters as equal: brat writes a line break
 * inside a span as a space. */
static gboolean
loose_text_equal (const char *a,
                  const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      gunichar ca = g_utf8_get_char (a);
      gunichar cb = g_utf8_get_char (b);

      if (ca != cb && !(spanmark_text_is_white_space (ca) && spanmark_text_is_white_space (cb)))
        return FALSE;
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
  return *a == '\0' && *b == '\0';
}

/* Byte offsets of the spans' ends, found walking from the last span's
 * start: spans come in text order, so the walk is one pass over the text
 * instead of two index look-ups a span. */
typedef struct
{
  SpanmarkTextIndex *index;
  const char        *text;
  guint              offset;
  gsize              byte;
} TextWalk;

/* How far a walk goes before a look-up in the index is cheaper. */
#define WALK_MAX 64

static gsize
walk_from (const char *text,
           gsize       byte,
           guint       n)
{
  const char *p = text + byte;

  for (; n > 0; n--)
    p = g_utf8_next_char (p);
  return p - text;
}

static void
text_walk_span (TextWalk *walk,
                guint     start,
                guint     end,
                gsize    *from,
                gsize    *to)
{
  if (start < walk->offset || start - walk->offset > WALK_MAX)
    walk->byte = spanmark_text_index_char_to_byte (walk->index, start);
  else
    walk->byte = walk_from (walk->text, walk->byte, start - walk->offset);
  walk->offset = start;

  *from = walk->byte;
  *to = end - start > WALK_MAX ? spanmark_text_index_char_to_byte (walk->index, end)
                               : walk_from (walk->text, walk->byte, end - start);
}

/* Whether @expected is the text @text[@from:@to] byte for byte and would
 * stay so normalised (no carriage return, no leading byte-order mark). */
static gboolean
expected_in_place (const char *text,
                   gsize       from,
                   gsize       to,
                   const char *expected)
{
  gsize len = to - from;

  return strncmp (expected, text + from, len) == 0 &&
         expected[len] == '\0' &&
         memchr (expected, '\r', len) == NULL &&
         !g_str_has_prefix (expected, "\xEF\xBB\xBF");
}

int
_spanmark_import_raw_span_compare (gconstpointer a,
                                   gconstpointer b)
{
  const RawSpan *sa = *(RawSpan * const *) a;
  const RawSpan *sb = *(RawSpan * const *) b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  if (sa->end != sb->end)
    return sa->end > sb->end ? -1 : 1;
  return 0;
}

/* Checks that @id can be added: valid, not earlier in this batch (and
 * the project's documents are checked once the text is known:
 * check_existing()).  Whether its file may be written is checked once
 * the text is known too (_spanmark_import_build_document). */
static gboolean
check_document_id (Importer   *imp,
                   const char *id,
                   const char *display,
                   guint       line,
                   GError    **error)
{
  gpointer key;

  if (!spanmark_project_is_valid_id (id))
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("“%s” is not a valid document id (letters, digits and “-_.”, not starting with “.”)"),
                                  id);
      return FALSE;
    }

  if (g_hash_table_lookup_extended (imp->ids, id, &key, NULL))
    {
      const char *at = (const char *) key + strlen (key) + 1;
      guint32 file, first_line;
      g_autofree char *where = NULL;

      memcpy (&file, at, sizeof file);
      memcpy (&first_line, at + sizeof file, sizeof first_line);
      where = first_line > 0
              ? g_strdup_printf (_("%s, line %u"), (const char *) g_ptr_array_index (imp->id_files, file), first_line)
              : g_strdup (g_ptr_array_index (imp->id_files, file));
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("document id “%s” is used twice (also in %s)"), id, where);
      return FALSE;
    }

  return TRUE;
}

/* Notes that @id was read at @display, @line (check_document_id()). */
static void
add_document_id (Importer   *imp,
                 const char *id,
                 const char *display,
                 guint       line)
{
  guint32 file, at_line = line;

  if (imp->id_files->len == 0 ||
      strcmp (g_ptr_array_index (imp->id_files, imp->id_files->len - 1), display) != 0)
    g_ptr_array_add (imp->id_files, g_strdup (display));
  file = imp->id_files->len - 1;

  g_string_assign (imp->id_key, id);
  g_string_append_len (imp->id_key, "", 1);
  g_string_append_len (imp->id_key, (const char *) &file, sizeof file);
  g_string_append_len (imp->id_key, (const char *) &at_line, sizeof at_line);
  g_hash_table_add (imp->ids, g_string_chunk_insert_len (imp->id_chunk, imp->id_key->str, imp->id_key->len));
}

static gboolean
label_known (Importer   *imp,
             const char *label,
             GPtrArray  *new_labels)
{
  return spanmark_schema_lookup (imp->schema, label) != NULL ||
         g_ptr_array_find_with_equal_func (new_labels, label, g_str_equal, NULL);
}

/* Whether *@label is in the schema, or may be added (@new_labels, in
 * order of first use, gets it).  A name the label rules refuse (Weibo
 * NER's "PER.NOM") is read as the one they take ("PER_NOM"): *@label is
 * replaced, with a warning the first time. */
static gboolean
check_label (Importer    *imp,
             char       **label,
             gboolean     borrowed,
             GPtrArray   *new_labels,
             const char  *display,
             guint        line,
             const char  *source,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *made = NULL;

  if (label_known (imp, *label, new_labels))
    return TRUE;

  if (!spanmark_label_rules_check_name (*label, NULL) &&
      (made = spanmark_label_rules_make_name (*label)) != NULL)
    {
      if (!g_hash_table_contains (imp->renamed, *label))
        {
          _spanmark_import_add_warning (imp, display, line,
                                        _("%s: the label “%s” is read as “%s” (label names are letters, digits, “_” and “-”)"),
                                        source, *label, made);
          g_hash_table_insert (imp->renamed, g_strdup (*label), g_strdup (made));
        }
      /* A borrowed label is not the span's to free: it takes the
       * table's name, which lasts as long as the import. */
      if (borrowed)
        *label = g_hash_table_lookup (imp->renamed, *label);
      else
        {
          g_free (*label);
          *label = g_steal_pointer (&made);
        }
      if (label_known (imp, *label, new_labels))
        return TRUE;
    }

  if (!imp->options->add_labels)
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("%s: unknown label “%s” (not in the project’s schema; --add-labels adds the labels an import uses)"),
                                  source, *label);
      return FALSE;
    }
  if (!spanmark_label_rules_check_name (*label, &local_error))
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("%s: the label “%s” cannot be added: %s"), source, *label, local_error->message);
      return FALSE;
    }

  g_ptr_array_add (new_labels, g_strdup (*label));
  return TRUE;
}

/* Whether two annotation sets hold the same spans, entities, status and
 * rejections: whether they would be written the same but for the time. */
static gboolean
same_annotations (SpanmarkAnnotationSet *a,
                  SpanmarkAnnotationSet *b)
{
  gsize len_a = 0, len_b = 0;
  g_autofree char *json_a = spanmark_json_write_annotations (a, "", &len_a);
  g_autofree char *json_b = spanmark_json_write_annotations (b, "", &len_b);

  return len_a == len_b && memcmp (json_a, json_b, len_a) == 0;
}

/* For a document the project has: the text must be the same (else an
 * error naming @text_display, the file the text came from), and the
 * annotator's own file for it may only be replaced when asked to (or
 * when it holds what @set holds already: an import run again).  Sets
 * *@nothing_new when there is nothing to write (counted and noted),
 * *@replaces when the annotator's file is written over. */
static gboolean
check_existing (Importer               *imp,
                SpanmarkDocument       *existing,
                const char             *display,
                const char             *text_display,
                guint                   line,
                const char             *text,
                SpanmarkAnnotationSet  *set,
                gboolean               *nothing_new,
                gboolean               *replaces,
                GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SpanmarkAnnotationSet) current = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *path = NULL;
  const char *id = spanmark_document_get_id (existing);

  *nothing_new = *replaces = FALSE;

  /* Loads the project's text and the annotator's file for it, checked
   * as the window would load them: a file that does not load is never
   * written over. */
  current = spanmark_project_load_annotations (imp->project, existing, imp->annotator, &local_error);
  if (current == NULL)
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("the document “%s” is in the project, but %s"), id, local_error->message);
      return FALSE;
    }

  ours = spanmark_text_sha256 (text, -1);
  theirs = spanmark_text_sha256 (spanmark_annotation_set_get_text (current), -1);
  if (!g_str_equal (ours, theirs))
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, text_display, line,
                                  _("the project already has a document “%s” with another text "
                                    "(SHA-256 %.12s… in the project, %.12s… here); "
                                    "annotations can only be added to the same text"),
                                  id, theirs, ours);
      return FALSE;
    }

  if (spanmark_annotation_set_get_n_spans (set) == 0 && spanmark_annotation_set_get_n_entities (set) == 0)
    {
      _spanmark_import_add_notice (imp, display, line,
                                   _("the document “%s” is already in the project with this text; nothing to add"), id);
      if (!imp->writing)
        imp->report->already_there++;
      *nothing_new = TRUE;
      return TRUE;
    }

  file = spanmark_project_get_annotation_file (imp->project, existing, imp->annotator);
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_UNKNOWN)
    return TRUE;

  path = g_file_get_relative_path (spanmark_project_get_dir (imp->project), file);
  if (same_annotations (current, set))
    {
      _spanmark_import_add_notice (imp, display, line,
                                   _("%s already holds these annotations of “%s”; nothing to add"), path, id);
      if (!imp->writing)
        imp->report->already_there++;
      *nothing_new = TRUE;
      return TRUE;
    }
  if (!imp->options->replace)
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("%s already has annotations of the document “%s” (%s); --replace replaces them"),
                                  imp->annotator, id, path);
      return FALSE;
    }

  *replaces = TRUE;
  return TRUE;
}

/* The second pass: writes a document that both passes built, in the
 * batch spanmark_import_run() opened.  Its annotations are @set or, for
 * a new document, @content; both are NULL when it has none to write. */
static gboolean
write_document (Importer                        *imp,
                const char                      *id,
                const char                      *title,
                JsonObject                      *meta,
                SpanmarkDocument                *existing,
                gboolean                         replaces,
                gboolean                         adopt,
                const char                      *text,
                SpanmarkAnnotationSet           *set,
                const SpanmarkAnnotationContent *content,
                GError                         **error)
{
  SpanmarkImportReport *report = imp->report;
  SpanmarkDocument *document = NULL;

  if (existing == NULL)
    {
      /* Checked (and found free, or to take over) just before. */
      document = _spanmark_project_add_new_document (imp->project, id, text, title, adopt, error);
      if (document == NULL)
        return FALSE;
      if (meta != NULL)
        spanmark_document_set_meta (document, meta);
      report->documents_added++;
    }
  else
    {
      report->annotations_added++;
      if (replaces)
        report->annotations_replaced++;
    }

  if (set != NULL && !spanmark_project_save_annotations (imp->project, set, error))
    return FALSE;
  if (content != NULL && !_spanmark_project_save_annotation_content (imp->project, content, error))
    return FALSE;

  /* Its entry to the streamed index, and the document out of memory. */
  if (imp->streamed && document != NULL && !_spanmark_project_stream_document (imp->project, document, error))
    return FALSE;

  imp->n_written++;
  if (imp->options->progress != NULL && !imp->one_pass)
    imp->options->progress (SPANMARK_IMPORT_STAGE_WRITE, NULL, imp->n_written, MAX (imp->n_to_write, imp->n_written),
                            imp->options->progress_data);
  return TRUE;
}

/* Normalises the text, checks and remaps the spans, and then: in the
 * first pass counts the document (or queues it, @imp->keep), in the
 * second writes it.  @raw_spans and @raw_entities may be NULL. */
gboolean
_spanmark_import_build_document (Importer            *imp,
                                 const char          *display,
                                 const char          *text_display,
                                 guint                line,
                                 const char          *id,
                                 const char          *title,
                                 JsonObject          *meta,
                                 const char          *data,
                                 gsize                len,
                                 SpanmarkTextEncoding encoding,
                                 GPtrArray           *raw_spans,
                                 GPtrArray           *raw_entities,
                                 GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) removed = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SpanmarkTextIndex) index = NULL;
  TextWalk walk;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GHashTable) entity_ids = NULL;
  g_autoptr(GHashTable) entity_names = NULL;
  g_autoptr(GPtrArray) new_labels = g_ptr_array_new_with_free_func (g_free);
  SpanmarkDocument *existing = spanmark_project_lookup_document (imp->project, id);
  gboolean nothing_new = FALSE, replaces = FALSE, adopt = FALSE, has_work, build, direct;
  SpanmarkStatus status;
  guint length, original_length;
  PendingDoc *doc;

  if (!check_document_id (imp, id, display, line, error))
    return FALSE;

  /* Normalising checks the UTF-8 first. */
  text = spanmark_text_normalize (data, len, encoding, &removed, &local_error);
  if (text == NULL)
    {
      guint at = line;

      /* A .txt file has no line of its own: name the line of the text. */
      if (at == 0 && encoding == SPANMARK_TEXT_ENCODING_UTF8 && local_error->domain == SPANMARK_TEXT_ERROR &&
          local_error->code != SPANMARK_TEXT_ERROR_CONVERSION)
        {
          gsize bad = 0;

          spanmark_text_validate (data, len, &bad, NULL);
          at = _spanmark_import_line_of_byte (data, bad);
        }
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, text_display, at, "%s", local_error->message);
      return FALSE;
    }

  /* Nothing is written that could not be read back. */
  if (strlen (text) > SPANMARK_FILE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (SPANMARK_FILE_MAX_SIZE);

      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, text_display, line,
                                  _("the document “%s” is longer than %s, the most Spanmark reads; split it into several"),
                                  id, size);
      return FALSE;
    }

  index = spanmark_text_index_new (text, -1);
  length = spanmark_text_index_get_length (index);
  original_length = length + (removed != NULL ? removed->len : 0);

  entity_ids = g_hash_table_new (g_str_hash, g_str_equal);
  if (raw_entities != NULL)
    for (guint i = 0; i < raw_entities->len; i++)
      {
        RawEntity *entity = g_ptr_array_index (raw_entities, i);

        if (!check_label (imp, &entity->label, entity->borrowed, new_labels, display, entity->line, entity->source, error))
          return FALSE;
        if (g_hash_table_contains (entity_ids, entity->id))
          {
            _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, entity->line,
                                        _("%s: entity id “%s” is used twice"), entity->source, entity->id);
            return FALSE;
          }
        g_hash_table_add (entity_ids, entity->id);
      }

  if (raw_spans != NULL)
    {
      for (guint i = 0; i < raw_spans->len; i++)
        {
          RawSpan *span = g_ptr_array_index (raw_spans, i);

          if (!check_label (imp, &span->label, span->borrowed, new_labels, display, span->line, span->source, error))
            return FALSE;
          if (span->start < 0 || span->end <= span->start || span->end > original_length)
            {
              _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, span->line,
                                          _("%s: offsets %lld–%lld are out of range (the text has %u characters; start must be less than end)"),
                                          span->source, (long long) span->start, (long long) span->end, original_length);
              return FALSE;
            }
          if (span->entity != NULL && !g_hash_table_contains (entity_ids, span->entity))
            {
              _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, span->line,
                                          _("%s: unknown entity “%s”"), span->source, span->entity);
              return FALSE;
            }
        }

      /* Ids follow text order, so s1 is the first span of the document. */
      g_ptr_array_sort (raw_spans, _spanmark_import_raw_span_compare);
    }
  /* The first pass checks a new document without building it (a third
   * of its time): only the second pass writes it.  A document the
   * project has is compared with what would be written. */
  build = existing != NULL || imp->writing || imp->keep;
  /* A new document being written needs no set: its file is written
   * straight from the spans and entities (the same bytes, a quarter of
   * the time an import takes). */
  direct = imp->writing && existing == NULL;
  if (build)
    {
      spans = g_ptr_array_new_full (raw_spans != NULL ? raw_spans->len : 0, (GDestroyNotify) spanmark_span_free);
      entities = g_ptr_array_new_full (raw_entities != NULL ? raw_entities->len : 0, (GDestroyNotify) spanmark_entity_free);
    }
  if (build && !direct)
    set = spanmark_annotation_set_new (id, imp->annotator, text);
  entity_names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  walk = (TextWalk) { index, text, 0, 0 };

  if (raw_spans != NULL)
    for (guint i = 0; i < raw_spans->len; i++)
      {
        RawSpan *raw = g_ptr_array_index (raw_spans, i);
        g_autoptr(SpanmarkSpan) span = NULL;
        char id_buf[SPANMARK_TEXT_UINT_SIZE];
        char *span_id;
        g_autofree char *covered = NULL;
        guint start = spanmark_text_remap_offset (removed, (guint) raw->start);
        guint end = spanmark_text_remap_offset (removed, (guint) raw->end);
        gsize from, to;

        if (end <= start)
          {
            _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, raw->line,
                                        _("%s: the span %lld–%lld covers only characters that import removes (a byte-order mark or a carriage return)"),
                                        raw->source, (long long) raw->start, (long long) raw->end);
            return FALSE;
          }
        if (!build && raw->expected == NULL)
          continue;

        text_walk_span (&walk, start, end, &from, &to);

        /* The input's copy of the text, as a training script writes it:
         * the very bytes of the document (no carriage return or
         * byte-order mark, which normalising would change), compared in
         * place.  Anything else is compared as below. */
        if (raw->expected != NULL &&
            (raw->loose || !expected_in_place (text, from, to, raw->expected)))
          {
            g_autofree char *expected = NULL;

            covered = g_strndup (text + from, to - from);
            /* The input's copy of the text went through no normalisation;
             * give it the same treatment as the document. */
            expected = spanmark_text_normalize (raw->expected, strlen (raw->expected),
                                                SPANMARK_TEXT_ENCODING_UTF8, NULL, NULL);
            if (raw->loose)
              {
                if (expected == NULL || !loose_text_equal (expected, covered))
                  _spanmark_import_add_warning (imp, display, raw->line,
                                                _("%s: the text “%s” differs from the document’s “%s” at %lld–%lld; using the offsets"),
                                                raw->source, raw->expected, covered, (long long) raw->start, (long long) raw->end);
              }
            else if (expected == NULL || strcmp (expected, covered) != 0)
              {
                _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, raw->line,
                                            _("%s: the span’s text “%s” does not match the document’s text “%s” at %lld–%lld (offsets must be Unicode code points)"),
                                            raw->source, raw->expected, covered, (long long) raw->start, (long long) raw->end);
                return FALSE;
              }
          }
        if (!build)
          continue;

        if (covered == NULL)
          covered = g_strndup (text + from, to - from);
        span_id = spanmark_text_format_uint (id_buf, i + 1);
        *--span_id = 's';
        span = _spanmark_span_new_shared (span_id, start, end, raw->label);
        if (raw->entity != NULL)
          {
            span->entity = g_strdup (raw->entity);
            if (!g_hash_table_contains (entity_names, raw->entity))
              g_hash_table_insert (entity_names, raw->entity, g_strdup (covered));
          }
        span->text = g_steal_pointer (&covered);
        if (raw->attrs != NULL && g_hash_table_size (raw->attrs) > 0)
          _spanmark_attrs_insert_all (_spanmark_attrs_writable (&span->attrs), raw->attrs);
        g_ptr_array_add (spans, g_steal_pointer (&span));
      }

  if (raw_entities != NULL && build)
    for (guint i = 0; i < raw_entities->len; i++)
      {
        RawEntity *raw = g_ptr_array_index (raw_entities, i);
        SpanmarkEntity *entity;
        const char *name = raw->name;

        if (name == NULL)
          name = g_hash_table_lookup (entity_names, raw->id);
        if (name == NULL)
          name = raw->id;

        entity = spanmark_entity_new (raw->id, raw->label, name);
        _spanmark_attrs_insert_all (entity->attrs, raw->attrs);
        g_ptr_array_add (entities, entity);
      }

  /* Every span and entity read is in the file. */
  has_work = (raw_spans != NULL && raw_spans->len > 0) || (raw_entities != NULL && raw_entities->len > 0);
  status = g_strcmp0 (imp->annotator, SPANMARK_CURATED_ANNOTATOR) == 0 ? SPANMARK_STATUS_REVIEWED
                                                                      : SPANMARK_STATUS_IN_PROGRESS;
  if (direct)
    /* In the order a set keeps them. */
    g_ptr_array_sort (spans, spanmark_span_compare_pointers);
  else if (set != NULL)
    {
      /* Taken whole, not copied one at a time. */
      if (spans->len > 0)
        spanmark_annotation_set_take_spans (set, spans);
      for (guint i = 0; i < entities->len; i++)
        spanmark_annotation_set_load_entity (set, g_ptr_array_index (entities, i));
      if (has_work)
        spanmark_annotation_set_load_status (set, status);
    }

  if (existing != NULL)
    {
      if (!check_existing (imp, existing, display, text_display, line, text, set, &nothing_new, &replaces, error))
        return FALSE;
    }
  /* documents/<id>.txt must be free, or left over from an interrupted
   * import of this very text, which is then taken over. */
  else if (!_spanmark_project_check_new_document (imp->project, id, text, has_work ? imp->annotator : NULL,
                                                  &adopt, &local_error))
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line, "%s", local_error->message);
      return FALSE;
    }

  /* The labels last, once the document is known to be good. */
  if (!nothing_new)
    for (guint i = 0; i < new_labels->len; i++)
      {
        const char *name = g_ptr_array_index (new_labels, i);

        if (!spanmark_label_ops_add_to_schema (imp->project, imp->schema, name, &local_error))
          {
            _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line, "%s", local_error->message);
            return FALSE;
          }
        g_ptr_array_add (imp->report->labels_added, g_strdup (name));
      }

  add_document_id (imp, id, display, line);
  if (nothing_new)
    return TRUE;

  if (imp->writing)
    {
      SpanmarkAnnotationContent content = {
        .document_id = id,
        .annotator = imp->annotator,
        .text = text,
        .status = status,
        .spans = spans,
        .entities = entities,
      };

      return write_document (imp, id, title, meta, existing, replaces, adopt, text,
                             has_work && !direct ? set : NULL,
                             has_work && direct ? &content : NULL, error);
    }
  imp->n_to_write++;
  if (!imp->keep)
    return TRUE;

  doc = g_new0 (PendingDoc, 1);
  doc->id = g_strdup (id);
  doc->title = g_strdup (title);
  doc->meta = meta != NULL ? json_object_ref (meta) : NULL;
  doc->existing = existing;
  doc->replaces = replaces;
  /* The text is held once: by the set, when there is one. */
  if (has_work)
    doc->set = g_steal_pointer (&set);
  else
    doc->text = g_steal_pointer (&text);

  g_ptr_array_add (imp->docs, doc);
  return TRUE;
}

static gboolean
load_file (GFile      *file,
           const char *display,
           char      **data,
           gsize      *len,
           GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Only regular files: a FIFO would hang the import, /dev/zero fill the
   * memory. */
  if (!spanmark_file_read (file, SPANMARK_FILE_MAX_IMPORT_SIZE, SPANMARK_FILE_READ_NONE,
                           data, len, &local_error))
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, 0, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* "NAME.ext" -> "NAME" (ext compared without case). */
static char *
file_stem (GFile      *file,
           const char *ext)
{
  g_autofree char *base = g_file_get_basename (file);
  gsize n = strlen (base), e = strlen (ext);

  if (n > e && g_ascii_strcasecmp (base + n - e, ext) == 0)
    base[n - e] = '\0';
  return g_steal_pointer (&base);
}

/* The document name a file of @format gives: its name without the
 * extension, or, read as a format it has no extension of (a forced
 * format), without its last extension. */
static char *
format_stem (GFile                      *file,
             const SpanmarkImportFormat *format)
{
  g_autofree char *base = g_file_get_basename (file);
  gsize n = strlen (base);
  gsize e = _spanmark_import_format_match_extension (format, base);
  char *dot;

  if (e > 0)
    base[n - e] = '\0';
  else if ((dot = strrchr (base, '.')) != NULL && dot > base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* ---- entry points ------------------------------------------------------ */

static gboolean
file_in_list (GFile  *file,
              GFile **files,
              guint   n_files)
{
  for (guint i = 0; i < n_files; i++)
    if (g_file_equal (file, files[i]))
      return TRUE;
  return FALSE;
}

/* The file of @format that @file, whose extension is @extension, stands
 * beside: NAME.EXT -> NAME + @format's extension. */
static GFile *
beside (GFile      *file,
        const char *extension,
        const char *other_extension)
{
  g_autofree char *stem = file_stem (file, extension);
  g_autofree char *name = g_strconcat (stem, other_extension, NULL);
  g_autoptr(GFile) parent = g_file_get_parent (file);

  return g_file_get_child (parent, name);
}

/* Reads @file as @format, with the file of a companion format beside it
 * when there is one. */
static gboolean
read_file (Importer                   *imp,
           const SpanmarkImportFormat *format,
           GFile                      *file,
           GError                    **error)
{
  g_autofree char *display = file_display_name (file);
  g_autofree char *stem = format_stem (file, format);
  g_autofree char *data = NULL;
  g_autofree char *companion_display = NULL;
  g_autofree char *companion_data = NULL;
  SpanmarkImportInput input = { display, stem, NULL, 0, NULL, NULL, NULL, 0, NULL };

  /* A format that streams reads the file itself, in blocks. */
  if (format->streams)
    {
      input.file = file;
      return format->read (imp, &input, error);
    }

  if (!load_file (file, display, &data, &input.len, error))
    return FALSE;
  input.data = data;
  _spanmark_import_progress_read (imp, &input, input.len, input.len);

  for (guint i = 0; i < spanmark_import_format_get_n_formats (); i++)
    {
      const SpanmarkImportFormat *companion = spanmark_import_format_get (i);
      g_autoptr(GFile) other = NULL;

      if (g_strcmp0 (companion->companion_of, format->extension) != 0)
        continue;
      other = beside (file, format->extension, companion->extension);
      if (!g_file_query_exists (other, NULL))
        continue;

      companion_display = file_display_name (other);
      if (!load_file (other, companion_display, &companion_data, &input.companion_len, error))
        return FALSE;
      input.companion = companion;
      input.companion_display = companion_display;
      input.companion_data = companion_data;
      break;
    }

  return format->read (imp, &input, error);
}

static gboolean
check_file (Importer *imp,
            GFile    *file,
            GFile   **files,
            guint     n_files,
            GError  **error)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *display = file_display_name (file);
  const SpanmarkImportFormat *format = spanmark_import_format_for_file (base);
  g_autofree char *usages = NULL;

  /* --format: every file is read as that format, whatever its name. */
  if (imp->options->format != NULL)
    return read_file (imp, imp->options->format, file, error);

  if (format != NULL && format->companion_of == NULL)
    return read_file (imp, format, file, error);

  if (format != NULL)
    {
      /* "import DIR export/NAME.*" names both halves of a pair. */
      g_autoptr(GFile) main_file = beside (file, format->extension, format->companion_of);
      g_autofree char *main_name = g_file_get_basename (main_file);

      if (file_in_list (main_file, files, n_files))
        return TRUE;
      if (!g_file_query_exists (main_file, NULL))
        {
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_FORMAT, display, 0,
                                      _(format->missing_message), main_name);
          return FALSE;
        }
      return read_file (imp, spanmark_import_format_for_file (main_name), main_file, error);
    }

  for (guint i = 0; i < spanmark_import_format_get_n_formats (); i++)
    {
      const SpanmarkImportFormat *other = spanmark_import_format_get (i);

      if (other->ignored_files != NULL && g_strv_contains (other->ignored_files, base))
        {
          _spanmark_import_add_warning (imp, display, 0, "%s", _(other->ignored_message));
          return TRUE;
        }
    }

  /* A file without any extension (say "spanmark-cli export -o out") is
   * taken for the format it starts like. */
  if (strchr (base, '.') == NULL)
    {
      g_autofree char *head = NULL;
      const char *p;

      for (guint i = 0; i < spanmark_import_format_get_n_formats (); i++)
        {
          const SpanmarkImportFormat *other = spanmark_import_format_get (i);

          if (other->sniff == NULL)
            continue;
          /* Unreadable: the format's reader says what is wrong with it. */
          if (head == NULL && !spanmark_file_read (file, 64, SPANMARK_FILE_READ_HEAD, &head, NULL, NULL))
            return read_file (imp, other, file, error);
          for (p = head; *p != '\0' && g_ascii_isspace (*p); p++)
            ;
          if (g_str_has_prefix (p, other->sniff))
            return read_file (imp, other, file, error);
        }
    }

  usages = spanmark_import_format_list_usages (", ");
  _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_FORMAT, display, 0,
                              _("unknown kind of file (expected %s)"), usages);
  return FALSE;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *pa = g_file_get_path (*(GFile * const *) a);
  g_autofree char *pb = g_file_get_path (*(GFile * const *) b);

  return g_strcmp0 (pa, pb);
}

GPtrArray *
spanmark_import_expand_folders (GFile  **files,
                                guint    n_files,
                                GError **error)
{
  g_autoptr(GPtrArray) result = NULL;

  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GFileEnumerator) children = NULL;
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *display = NULL;
      GFileInfo *info;

      if (g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
        {
          g_ptr_array_add (result, g_object_ref (files[i]));
          continue;
        }

      display = file_display_name (files[i]);
      children = g_file_enumerate_children (files[i], G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
      if (children == NULL)
        {
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, 0,
                                      _("cannot read the folder: %s"), local_error->message);
          return NULL;
        }

      found = g_ptr_array_new_with_free_func (g_object_unref);
      while ((info = g_file_enumerator_next_file (children, NULL, &local_error)) != NULL)
        {
          g_autoptr(GFileInfo) owned = info;
          g_autoptr(GFile) child = g_file_get_child (files[i], g_file_info_get_name (owned));

          if (g_file_info_get_file_type (owned) == G_FILE_TYPE_REGULAR &&
              spanmark_import_format_for_file (g_file_info_get_name (owned)) != NULL)
            g_ptr_array_add (found, g_steal_pointer (&child));
        }
      if (local_error != NULL)
        {
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, 0,
                                      _("cannot read the folder: %s"), local_error->message);
          return NULL;
        }
      if (found->len == 0)
        {
          g_autofree char *usages = spanmark_import_format_list_usages (", ");

          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_FORMAT, display, 0,
                                      _("the folder holds no files to import (%s)"), usages);
          return NULL;
        }

      g_ptr_array_sort (found, compare_files);
      for (guint j = 0; j < found->len; j++)
        g_ptr_array_add (result, g_object_ref (g_ptr_array_index (found, j)));
    }

  return g_steal_pointer (&result);
}

/* Sets up @imp for one import into @project, noting what it finds in
 * @report; FALSE when the annotator name is not valid.  importer_clear()
 * frees it either way. */
static gboolean
importer_init (Importer                     *imp,
               SpanmarkProject              *project,
               const SpanmarkImportOptions  *options,
               SpanmarkImportReport         *report,
               GError                      **error)
{
  static const SpanmarkImportOptions defaults = { 0 };

  imp->project = project;
  imp->options = options != NULL ? options : &defaults;
  imp->annotator = imp->options->annotator != NULL ? imp->options->annotator : "imported";
  imp->encoding = imp->options->encoding;
  imp->schema = spanmark_schema_copy (spanmark_project_get_schema (project));
  imp->docs = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_doc_free);
  imp->ids = g_hash_table_new (g_str_hash, g_str_equal);
  imp->id_chunk = g_string_chunk_new (64 * 1024);
  imp->id_files = g_ptr_array_new_with_free_func (g_free);
  imp->id_key = g_string_new (NULL);
  imp->renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->report = report;
  imp->warnings = report->warnings;
  imp->notices = report->notices;

  if (!spanmark_project_is_valid_annotator (imp->annotator))
    {
      g_set_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID,
                   _("“%s” is not a valid annotator name"), imp->annotator);
      return FALSE;
    }
  if (imp->options->format != NULL && imp->options->format->read == NULL)
    {
      g_set_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_FORMAT,
                   _("files of the format “%s” are read with the file they go with"),
                   imp->options->format->name);
      return FALSE;
    }
  return TRUE;
}

static void
importer_clear (Importer *imp)
{
  g_clear_object (&imp->schema);
  g_clear_pointer (&imp->docs, g_ptr_array_unref);
  g_clear_pointer (&imp->ids, g_hash_table_unref);
  g_clear_pointer (&imp->id_chunk, g_string_chunk_free);
  g_clear_pointer (&imp->id_files, g_ptr_array_unref);
  if (imp->id_key != NULL)
    g_string_free (g_steal_pointer (&imp->id_key), TRUE);
  g_clear_pointer (&imp->renamed, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Importer, importer_clear)

/* Pass two: the labels the input added (spanmark.json, before any file
 * that uses them), then every file of @files read again, each document
 * written as it is built, in one batch.  With @imp->one_pass the files
 * are read for the first time, checked as they are written, and the
 * labels they add go into the index the caller writes last. */
static gboolean
write_documents (Importer   *imp,
                 GPtrArray  *files,
                 GError    **error)
{
  SpanmarkProject *project = imp->project;
  SpanmarkSchema *schema = spanmark_project_get_schema (project);
  SpanmarkImportReport *report = imp->report;
  g_autoptr(SpanmarkSchema) backup = NULL;
  g_autoptr(SpanmarkSchema) streamed_backup = NULL;
  gboolean began = TRUE;
  g_autoptr(GPtrArray) repeated = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;

  /* Labels without spans leave a valid project, so a kill after this
   * write leaves one; run again, the import finds the labels there. */
  if (report->labels_added->len > 0 && !imp->one_pass)
    {
      backup = spanmark_schema_copy (schema);
      spanmark_schema_assign (schema, imp->schema);
      if (!spanmark_project_save (project, error))
        {
          spanmark_schema_assign (schema, backup);
          return FALSE;
        }
    }

  /* The same input read again gives the same documents, ids and
   * messages: the ids are checked afresh, the messages were said. */
  imp->writing = TRUE;
  if (!imp->one_pass)
    {
      g_hash_table_remove_all (imp->ids);
      g_string_chunk_clear (imp->id_chunk);
      g_ptr_array_set_size (imp->id_files, 0);
      imp->warnings = imp->notices = repeated;
    }

  /* The texts and annotation files, without an fsync each, then made
   * durable all at once; the caller then writes the index (streamed, the
   * batch writes it: its entries kept on disk as they are made, not the
   * documents in the project).  A kill before
   * that leaves the old index and documents it does not list, which the
   * same import takes over when run again (annotation files added to the
   * project's documents are then found holding what it would write).
   * Should the disk fail half-way, or a file change between the passes
   * so that it no longer reads, the files made are removed again, the
   * documents taken out of the index and the labels too. */
  imp->streamed = imp->one_pass && imp->options->stream_index;
  if (imp->streamed)
    began = ok = _spanmark_project_begin_streamed_batch (project, error);
  else
    _spanmark_project_begin_batch (project);
  for (guint i = 0; i < files->len && ok; i++)
    ok = check_file (imp, g_ptr_array_index (files, i), (GFile **) files->pdata, files->len, error);

  /* Without a batch (its temporary index could not be made), nothing
   * was written. */
  if (began && !ok)
    _spanmark_project_end_batch (project, FALSE, NULL);
  else if (began)
    {
      /* The streamed index is written with the schema as it is then. */
      if (imp->streamed && report->labels_added->len > 0)
        {
          streamed_backup = spanmark_schema_copy (schema);
          spanmark_schema_assign (schema, imp->schema);
        }
      ok = _spanmark_project_end_batch (project, TRUE, error);
    }

  imp->writing = FALSE;
  imp->warnings = report->warnings;
  imp->notices = report->notices;

  if (!ok)
    {
      report->documents_added = report->annotations_added = report->annotations_replaced = 0;
      if (streamed_backup != NULL)
        spanmark_schema_assign (schema, streamed_backup);
      if (backup != NULL)
        {
          spanmark_schema_assign (schema, backup);
          spanmark_project_save (project, NULL);
        }
    }
  else if (imp->one_pass && report->labels_added->len > 0)
    spanmark_schema_assign (schema, imp->schema);
  report->index_written = ok && imp->streamed;
  return ok;
}

gboolean
spanmark_import_run (SpanmarkProject             *project,
                     GFile                      **files,
                     guint                        n_files,
                     const SpanmarkImportOptions *options,
                     SpanmarkImportReport        *report,
                     GError                     **error)
{
  g_auto(SpanmarkImportReport) own_report = { 0 };
  g_autoptr(GPtrArray) expanded = NULL;
  g_auto(Importer) imp = { 0 };

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (report == NULL)
    {
      spanmark_import_report_init (&own_report);
      report = &own_report;
    }

  if (!importer_init (&imp, project, options, report, error))
    return FALSE;

  /* Import ends by rewriting spanmark.json: with entries it could not
   * read, that would drop them.  Refuse before writing anything. */
  if (!spanmark_project_check_can_save (project, error))
    return FALSE;

  expanded = spanmark_import_expand_folders (files, n_files, error);
  if (expanded == NULL)
    return FALSE;

  /* A project without documents has none that an import could add to,
   * so nothing that was there is written over: undoing the batch, should
   * the input turn out wrong half-way, removes all it wrote.  Its input
   * is read once, each document checked and written as it is read. */
  if (spanmark_project_get_n_documents (project) == 0)
    {
      imp.one_pass = TRUE;
      return write_documents (&imp, expanded, error);
    }

  /* Pass one: read and check everything, keeping nothing. */
  for (guint i = 0; i < expanded->len; i++)
    if (!check_file (&imp, g_ptr_array_index (expanded, i),
                     (GFile **) expanded->pdata, expanded->len, error))
      return FALSE;

  return write_documents (&imp, expanded, error);
}

/* Copies the messages of @from to @to (NULL: nowhere). */
static void
append_messages (GPtrArray *to,
                 GPtrArray *from)
{
  for (guint i = 0; to != NULL && i < from->len; i++)
    g_ptr_array_add (to, g_strdup (g_ptr_array_index (from, i)));
}

int
spanmark_import_files (SpanmarkProject             *project,
                       GFile                      **files,
                       guint                        n_files,
                       const SpanmarkImportOptions *options,
                       GPtrArray                   *warnings,
                       GError                     **error)
{
  g_auto(SpanmarkImportReport) report = { 0 };

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), -1);
  g_return_val_if_fail (files != NULL || n_files == 0, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  spanmark_import_report_init (&report);
  if (!spanmark_import_run (project, files, n_files, options, &report, error))
    {
      append_messages (warnings, report.warnings);
      return -1;
    }

  append_messages (warnings, report.warnings);
  append_messages (warnings, report.notices);
  return (int) report.documents_added;
}

int
spanmark_import_file (SpanmarkProject             *project,
                      GFile                       *file,
                      const SpanmarkImportOptions *options,
                      GError                     **error)
{
  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), -1);
  g_return_val_if_fail (G_IS_FILE (file), -1);

  return spanmark_import_files (project, &file, 1, options, NULL, error);
}

gboolean
_spanmark_import_check_data (SpanmarkProject             *project,
                             const SpanmarkImportOptions *options,
                             const char                  *name,
                             const char                  *data,
                             gsize                        len,
                             const char                  *ann_data,
                             gsize                        ann_len,
                             GPtrArray                   *documents,
                             GPtrArray                   *sets,
                             GPtrArray                   *warnings,
                             SpanmarkSchema             **schema,
                             GError                     **error)
{
  g_auto(SpanmarkImportReport) report = { 0 };
  g_auto(Importer) imp = { 0 };
  const SpanmarkImportFormat *format;
  const SpanmarkImportFormat *txt = spanmark_import_format_lookup ("plain-text");
  g_autofree char *stem = NULL;
  g_autofree char *ann_display = NULL;
  SpanmarkImportInput input = { name, NULL, data, len, NULL, NULL, NULL, 0, NULL };
  gsize e;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (name != NULL && data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  spanmark_import_report_init (&report);
  if (!importer_init (&imp, project, options, &report, error))
    return FALSE;
  imp.keep = TRUE;

  /* Anything but a format's own file is read as a .txt, with @ann_data
   * as its brat .ann. */
  format = imp.options->format != NULL ? imp.options->format : spanmark_import_format_for_file (name);
  if (format == NULL || format->read == NULL)
    format = txt;
  e = _spanmark_import_format_match_extension (format, name);
  stem = g_strndup (name, strlen (name) - e);
  input.stem = stem;
  if (format == txt && ann_data != NULL)
    {
      ann_display = g_strconcat (stem, ".ann", NULL);
      input.companion = spanmark_import_format_lookup ("brat");
      input.companion_display = ann_display;
      input.companion_data = ann_data;
      input.companion_len = ann_len;
    }
  if (!format->read (&imp, &input, error))
    return FALSE;

  append_messages (warnings, report.warnings);
  append_messages (warnings, report.notices);
  if (schema != NULL)
    *schema = g_object_ref (imp.schema);

  /* What phase two would write: the index entries and annotation sets. */
  for (guint i = 0; i < imp.docs->len; i++)
    {
      PendingDoc *doc = g_ptr_array_index (imp.docs, i);
      g_autofree char *path = g_strconcat ("documents/", doc->id, ".txt", NULL);
      SpanmarkDocument *document = spanmark_document_new (doc->id, path, doc->title);

      spanmark_document_set_meta (document, doc->meta);
      g_ptr_array_add (documents, document);
      g_ptr_array_add (sets, doc->set != NULL
                             ? g_object_ref (doc->set)
                             : spanmark_annotation_set_new (doc->id, imp.annotator, doc->text));
    }
  return TRUE;
}
