/* spanmark-export-reader.c — read one document for an export, fast
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export reads every annotation file of the corpus once and keeps
 * nothing.  The project's loader builds a json-glib tree and an indexed,
 * undoable SpanmarkAnnotationSet for each, which is right for editing but
 * is nine tenths of an export's time.  The reader below parses the one
 * shape Spanmark writes, straight into flat arrays, and judges it by the
 * loader's own rules (spanmark-annotation-rules.c); whatever it does not
 * expect (another key order is fine, but unknown keys, escapes that make
 * lone surrogates, numbers with fractions, any broken rule) makes it give
 * up, and the loader reads the file instead.  A file's "rejected" and a
 * span's "pretag" are checked by the same rules and left out: no export
 * writes them.  So both paths accept the
 * same files and produce the same spans, and errors always carry the
 * loader's message (tests/core/test-bad-input.c compares the two).
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spanmark-annotation-rules.h"
#include "spanmark-attrs-private.h"
#include "spanmark-export-private.h"
#include "spanmark-file.h"
#include "spanmark-json.h"
#include "spanmark-json-syntax.h"
#include "spanmark-span-private.h"

void
_spanmark_export_doc_init (ExportDoc *doc)
{
  memset (doc, 0, sizeof *doc);
  doc->spans = g_array_new (FALSE, FALSE, sizeof (ExportSpan));
  doc->entities = g_array_new (FALSE, FALSE, sizeof (ExportEntity));
  doc->char_bytes = g_array_new (FALSE, FALSE, sizeof (guint32));
  doc->strings = g_string_chunk_new (16 * 1024);
  doc->attr_arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  doc->ids = g_hash_table_new (g_str_hash, g_str_equal);
  doc->entity_ids = g_hash_table_new (g_str_hash, g_str_equal);
  doc->views = g_array_new (FALSE, FALSE, sizeof (SpanmarkSpan));
  doc->view_pointers = g_ptr_array_new ();
  doc->text_folder.fd = -1;
  doc->annotation_folder.fd = -1;
}

static void
folder_clear (ExportFolder *folder)
{
  if (folder->fd >= 0)
    close (folder->fd);
  folder->fd = -1;
  g_clear_object (&folder->dir);
  g_clear_pointer (&folder->relative, g_free);
}

void
_spanmark_export_doc_reset (ExportDoc *doc)
{
  doc->text = NULL;
  doc->text_len = 0;
  doc->has_file = FALSE;
  doc->status = SPANMARK_STATUS_NEW;
  doc->modified = NULL;
  doc->has_unexported = FALSE;
  g_array_set_size (doc->spans, 0);
  g_array_set_size (doc->entities, 0);
  g_array_set_size (doc->char_bytes, 0);
  g_string_chunk_clear (doc->strings);
  g_ptr_array_set_size (doc->attr_arrays, 0);
  g_hash_table_remove_all (doc->ids);
  g_hash_table_remove_all (doc->entity_ids);
  g_array_set_size (doc->views, 0);
  g_ptr_array_set_size (doc->view_pointers, 0);
  g_clear_pointer (&doc->text_data, g_free);
  g_clear_object (&doc->set);
}

void
_spanmark_export_doc_clear (ExportDoc *doc)
{
  _spanmark_export_doc_reset (doc);
  g_clear_pointer (&doc->spans, g_array_unref);
  g_clear_pointer (&doc->entities, g_array_unref);
  g_clear_pointer (&doc->char_bytes, g_array_unref);
  g_clear_pointer (&doc->strings, g_string_chunk_free);
  g_clear_pointer (&doc->attr_arrays, g_ptr_array_unref);
  g_clear_pointer (&doc->ids, g_hash_table_unref);
  g_clear_pointer (&doc->entity_ids, g_hash_table_unref);
  g_clear_pointer (&doc->views, g_array_unref);
  g_clear_pointer (&doc->view_pointers, g_ptr_array_unref);
  folder_clear (&doc->text_folder);
  folder_clear (&doc->annotation_folder);
}

GPtrArray *
_spanmark_export_doc_get_span_views (ExportDoc *doc)
{
  /* Built on the first call after the document was read (a reset
   * empties them). */
  if (doc->view_pointers->len == doc->spans->len)
    return doc->view_pointers;

  g_array_set_size (doc->views, doc->spans->len);
  g_ptr_array_set_size (doc->view_pointers, 0);
  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ExportSpan *span = &g_array_index (doc->spans, ExportSpan, i);
      SpanmarkSpan *view = &g_array_index (doc->views, SpanmarkSpan, i);

      *view = (SpanmarkSpan) { (char *) span->id, span->start, span->end, (char *) span->label,
                               NULL, (char *) span->entity, NULL };
      g_ptr_array_add (doc->view_pointers, view);
    }

  return doc->view_pointers;
}

/* The byte offset of every code point, and of the end.  Also checks that
 * the text is valid UTF-8 without NUL (the text of a loaded set is, a
 * text read by the fast reader may not be), in the same pass. */
static gboolean
index_text (ExportDoc *doc)
{
  return spanmark_text_code_point_offsets (doc->text, doc->text_len, doc->char_bytes);
}

static GPtrArray *
sorted_attrs (ExportDoc  *doc,
              GHashTable *attrs)
{
  g_autoptr(GList) keys = NULL;
  GPtrArray *array;

  if (g_hash_table_size (attrs) == 0)
    return NULL;

  keys = g_list_sort (g_hash_table_get_keys (attrs), (GCompareFunc) strcmp);
  array = g_ptr_array_sized_new (2 * g_hash_table_size (attrs));
  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_ptr_array_add (array, l->data);
      g_ptr_array_add (array, g_hash_table_lookup (attrs, l->data));
    }
  g_ptr_array_add (doc->attr_arrays, array);

  return array;
}

/* The slow, always right path: the project's loader. */
static gboolean
load_with_project (ExportDoc        *doc,
                   SpanmarkProject  *project,
                   SpanmarkDocument *document,
                   const char       *annotator,
                   GError          **error)
{
  g_autoptr(GFile) file = spanmark_project_get_annotation_file (project, document, annotator);
  SpanmarkAnnotationSet *set;

  _spanmark_export_doc_reset (doc);
  /* The loader gives an empty set for a missing file; agreement needs to
   * tell the two apart. */
  doc->has_file = g_file_query_exists (file, NULL);
  set = spanmark_project_load_annotations (project, document, annotator, error);
  if (set == NULL)
    return FALSE;
  doc->set = set;
  doc->status = spanmark_annotation_set_get_status (set);

  doc->text = spanmark_annotation_set_get_text (set);
  doc->text_len = strlen (doc->text);
  if (!index_text (doc))
    g_return_val_if_reached (FALSE);

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);
      ExportSpan out = {
        span->id, span->start, span->end, span->label, span->entity,
        sorted_attrs (doc, span->attrs),
      };

      g_array_append_val (doc->spans, out);
    }

  for (guint i = 0; i < spanmark_annotation_set_get_n_entities (set); i++)
    {
      const SpanmarkEntity *entity = spanmark_annotation_set_get_entity (set, i);
      ExportEntity out = { entity->id, entity->label, entity->name, sorted_attrs (doc, entity->attrs) };

      g_array_append_val (doc->entities, out);
    }

  return TRUE;
}

/* The fast reader. */

typedef struct
{
  const char   *p;
  const char   *end;
  GStringChunk *strings;
  GString      *scratch;
  /* The rejections of "rejected" seen so far (the rules' rejection
   * set), made for the first; the caller owns it. */
  GHashTable  **rejections;
} Parser;

/* A string as it stands in the file, between its quotes. */
typedef struct
{
  const char *raw;
  gsize       len;
  gboolean    escaped;
  /* It has escapes or bytes beyond ASCII: what the syntax check would
   * look at closely (check_raw_string()). */
  gboolean    needs_check;
} RawString;

static inline void
skip_space (Parser *parser)
{
  while (parser->p < parser->end &&
         (*parser->p == ' ' || *parser->p == '\n' || *parser->p == '\t' || *parser->p == '\r'))
    parser->p++;
}

static inline gboolean
expect (Parser *parser,
        char    c)
{
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == c)
    {
      parser->p++;
      return TRUE;
    }
  return FALSE;
}

static inline gboolean
peek (Parser *parser,
      char    c)
{
  skip_space (parser);
  return parser->p < parser->end && *parser->p == c;
}

/* Finds the end of a string; its bytes and escapes are not checked
 * (check_raw_string() does that). */
static gboolean
parse_raw_string (Parser    *parser,
                  RawString *out)
{
  const char *p;
  guchar high = 0;

  if (!expect (parser, '"'))
    return FALSE;

  out->raw = parser->p;
  out->escaped = FALSE;
  for (p = parser->p; p < parser->end && *p != '"'; p++)
    {
      if ((guchar) *p < 0x20)
        return FALSE;
      high |= (guchar) *p;
      if (*p == '\\')
        {
          out->escaped = TRUE;
          p++;
          if (p >= parser->end)
            return FALSE;
        }
    }
  if (p >= parser->end)
    return FALSE;

  out->len = p - out->raw;
  out->needs_check = out->escaped || (high & 0x80) != 0;
  parser->p = p + 1;
  return TRUE;
}

/* Whether @string is a string the syntax check takes: this reader does
 * not run the check over the whole file first, it checks each string it
 * uses this way (with the check's own scan), and refuses anything else
 * the check could refuse by its shape (see parse_annotations()).  A
 * string of printable ASCII without escapes needs no closer look. */
static inline gboolean
check_raw_string (const RawString *string)
{
  return !string->needs_check || spanmark_json_syntax_check_string (string->raw - 1, string->len + 2);
}

/* A string, checked as the syntax check would. */
static gboolean
parse_checked_string (Parser    *parser,
                      RawString *out)
{
  return parse_raw_string (parser, out) && check_raw_string (out);
}

/* The value of @string: as written when it has no escapes, otherwise
 * decoded into @scratch (which then holds it).  Only for a string that
 * passed check_raw_string(), so the escapes are sound. */
static void
decode_raw_string (const RawString  *string,
                   GString          *scratch,
                   const char      **value,
                   gsize            *len)
{
  if (string->escaped)
    {
      spanmark_json_syntax_decode (string->raw, string->len, scratch);
      *value = scratch->str;
      *len = scratch->len;
      return;
    }

  *value = string->raw;
  *len = string->len;
}

/* A JSON string, checked, decoded and copied into the string chunk:
 * UTF-8 that decodes to UTF-8 without NUL. */
static const char *
parse_string (Parser *parser)
{
  RawString string;
  const char *data;
  gsize len;

  if (!parse_checked_string (parser, &string))
    return NULL;
  decode_raw_string (&string, parser->scratch, &data, &len);

  return g_string_chunk_insert_len (parser->strings, data, len);
}

/* A key: plain ASCII in Spanmark's files, never escaped.  Not checked:
 * the callers take only the names of the format, compared byte for byte
 * (attrs' keys, which may be anything, are parse_string()s). */
static gboolean
parse_key (Parser    *parser,
           RawString *key)
{
  return parse_raw_string (parser, key) && !key->escaped && expect (parser, ':');
}

/* A label, as the schema's own name for it; FALSE when the schema has no
 * such label.  Compared byte for byte with the schema's names, so only
 * checked when there is no schema. */
static gboolean
parse_label (Parser          *parser,
             SpanmarkSchema  *schema,
             const char     **label)
{
  RawString string;

  return parse_raw_string (parser, &string) && !string.escaped &&
         (schema != NULL || check_raw_string (&string)) &&
         spanmark_annotation_rules_check_label (schema, string.raw, string.len, label, NULL);
}

/* A non-negative integer without fraction or exponent. */
static gboolean
parse_uint (Parser *parser,
            guint  *value)
{
  guint64 v = 0;
  const char *start;

  skip_space (parser);
  start = parser->p;
  while (parser->p < parser->end && g_ascii_isdigit (*parser->p))
    {
      v = v * 10 + (guint64) (*parser->p - '0');
      if (v > G_MAXUINT)
        return FALSE;
      parser->p++;
    }
  if (parser->p == start || (parser->p - start > 1 && *start == '0'))
    return FALSE;
  if (parser->p < parser->end && (*parser->p == '.' || *parser->p == 'e' || *parser->p == 'E'))
    return FALSE;

  *value = (guint) v;
  return TRUE;
}

static gboolean
parse_null (Parser *parser)
{
  skip_space (parser);
  if (parser->end - parser->p >= 4 && memcmp (parser->p, "null", 4) == 0)
    {
      parser->p += 4;
      return TRUE;
    }
  return FALSE;
}

/* A string, or null (returns TRUE with *value NULL). */
static gboolean
parse_nullable_string (Parser      *parser,
                       const char **value)
{
  if (peek (parser, 'n'))
    {
      *value = NULL;
      return parse_null (parser);
    }
  *value = parse_string (parser);
  return *value != NULL;
}

static int
compare_attr_pairs (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* {"key": "value", …} into a sorted key, value array (NULL if empty). */
static gboolean
parse_attrs (Parser     *parser,
             ExportDoc  *doc,
             GPtrArray **out)
{
  GPtrArray *array = NULL;
  guint n;

  *out = NULL;
  if (!expect (parser, '{'))
    return FALSE;
  if (expect (parser, '}'))
    return TRUE;

  array = g_ptr_array_new ();
  g_ptr_array_add (doc->attr_arrays, array);
  do
    {
      const char *key = parse_string (parser);
      const char *value;

      if (key == NULL || !expect (parser, ':'))
        return FALSE;
      value = parse_string (parser);
      if (value == NULL)
        return FALSE;
      g_ptr_array_add (array, (gpointer) key);
      g_ptr_array_add (array, (gpointer) value);
    }
  while (expect (parser, ','));
  if (!expect (parser, '}'))
    return FALSE;

  /* Sort the pairs by key; a key given twice is left to the loader. */
  n = array->len / 2;
  qsort (array->pdata, n, 2 * sizeof (gpointer), compare_attr_pairs);
  for (guint i = 1; i < n; i++)
    if (strcmp (g_ptr_array_index (array, 2 * i - 2), g_ptr_array_index (array, 2 * i)) == 0)
      return FALSE;

  *out = array;
  return TRUE;
}

/* The bit of a member (spanmark-annotation-rules.h) the first time it is
 * seen in its object; 0 for a member given twice or one the format does
 * not have, which the loader judges. */
static guint
first_key (guint  *seen,
           guint   key)
{
  if (key == 0 || (*seen & key) != 0)
    return 0;
  *seen |= key;
  return key;
}

/* The value of the member @key (a bit of spanmark-annotation-rules.h,
 * seen for the first time in its object) into @item; FALSE for a value
 * this reader does not take. */
typedef gboolean (*MemberFunc) (Parser         *parser,
                                ExportDoc      *doc,
                                SpanmarkSchema *schema,
                                guint           key,
                                gpointer        item);

/* An object whose members @key_of knows, each read by @member; the
 * members seen go to @seen. */
static gboolean
parse_object (Parser          *parser,
              ExportDoc       *doc,
              SpanmarkSchema  *schema,
              guint          (*key_of) (const char *, gsize),
              MemberFunc       member,
              gpointer         item,
              guint           *seen)
{
  if (!expect (parser, '{'))
    return FALSE;
  if (!peek (parser, '}'))
    do
      {
        RawString key;
        guint bit;

        if (!parse_key (parser, &key))
          return FALSE;
        bit = first_key (seen, key_of (key.raw, key.len));
        if (bit == 0 || !member (parser, doc, schema, bit, item))
          return FALSE;
      }
    while (expect (parser, ','));
  return expect (parser, '}');
}

static gboolean
entity_member (Parser         *parser,
               ExportDoc      *doc,
               SpanmarkSchema *schema,
               guint           key,
               gpointer        item)
{
  ExportEntity *entity = item;

  switch (key)
    {
    case SPANMARK_ENTITY_KEY_ID:
      return (entity->id = parse_string (parser)) != NULL;
    case SPANMARK_ENTITY_KEY_LABEL:
      return parse_label (parser, schema, &entity->label);
    case SPANMARK_ENTITY_KEY_NAME:
      return (entity->name = parse_string (parser)) != NULL;
    case SPANMARK_ENTITY_KEY_ATTRS:
      return parse_attrs (parser, doc, &entity->attrs);
    default:
      return FALSE;
    }
}

static gboolean
parse_entity (Parser         *parser,
              ExportDoc      *doc,
              SpanmarkSchema *schema)
{
  ExportEntity entity = { NULL, NULL, NULL, NULL };
  guint seen = 0;

  if (!parse_object (parser, doc, schema, spanmark_annotation_rules_entity_key, entity_member, &entity, &seen))
    return FALSE;

  if ((seen & SPANMARK_ENTITY_REQUIRED_KEYS) != SPANMARK_ENTITY_REQUIRED_KEYS ||
      !spanmark_annotation_rules_check_id (doc->entity_ids, "entities", entity.id, doc->entities->len, NULL))
    return FALSE;

  g_array_append_val (doc->entities, entity);
  return TRUE;
}

/* A span as read, with its text as written (checked once all is read). */
typedef struct
{
  ExportSpan span;
  RawString  text;
} SpanItem;

static gboolean
span_member (Parser         *parser,
             ExportDoc      *doc,
             SpanmarkSchema *schema,
             guint           key,
             gpointer        data)
{
  SpanItem *item = data;

  switch (key)
    {
    case SPANMARK_SPAN_KEY_ID:
      return (item->span.id = parse_string (parser)) != NULL;
    case SPANMARK_SPAN_KEY_START:
      return parse_uint (parser, &item->span.start);
    case SPANMARK_SPAN_KEY_END:
      return parse_uint (parser, &item->span.end);
    case SPANMARK_SPAN_KEY_LABEL:
      return parse_label (parser, schema, &item->span.label);
    case SPANMARK_SPAN_KEY_TEXT:
      /* Compared byte for byte with the covered text (valid UTF-8) once
       * all is read: only its escapes need a check before decoding. */
      return parse_raw_string (parser, &item->text) && (!item->text.escaped || check_raw_string (&item->text));
    case SPANMARK_SPAN_KEY_ENTITY:
      return parse_nullable_string (parser, &item->span.entity);
    case SPANMARK_SPAN_KEY_ATTRS:
      return parse_attrs (parser, doc, &item->span.attrs);
    case SPANMARK_SPAN_KEY_PRETAG:
      {
        RawString value;

        /* Only its length matters, and an escape is never empty. */
        doc->has_unexported = TRUE;
        return parse_checked_string (parser, &value) &&
               spanmark_annotation_rules_check_pretag (value.raw, value.len, NULL);
      }
    default:
      return FALSE;
    }
}

/* A span or a rejection: its offsets in the text, and its text the
 * covered text (the exporters then write the covered text). */
static gboolean
check_extent (Parser         *parser,
              ExportDoc      *doc,
              const SpanItem *item)
{
  const guint32 *bytes = (const guint32 *) doc->char_bytes->data;
  guint length = doc->char_bytes->len - 1;
  guint start = item->span.start, end = item->span.end;
  const char *value;
  gsize value_len;

  if (!spanmark_annotation_rules_check_offsets (start, end, length, NULL))
    return FALSE;
  decode_raw_string (&item->text, parser->scratch, &value, &value_len);
  return spanmark_annotation_rules_check_span_text (value, value_len, doc->text + bytes[start],
                                                    bytes[end] - bytes[start], start, end, NULL);
}

static gboolean
parse_span (Parser         *parser,
            ExportDoc      *doc,
            SpanmarkSchema *schema)
{
  SpanItem item = { { NULL, 0, 0, NULL, NULL, NULL }, { NULL, 0, FALSE, FALSE } };
  ExportSpan span;
  guint seen = 0;

  if (!parse_object (parser, doc, schema, spanmark_annotation_rules_span_key, span_member, &item, &seen))
    return FALSE;
  span = item.span;

  if ((seen & SPANMARK_SPAN_REQUIRED_KEYS) != SPANMARK_SPAN_REQUIRED_KEYS || !check_extent (parser, doc, &item))
    return FALSE;

  if (!spanmark_annotation_rules_check_id (doc->ids, "spans", span.id, doc->spans->len, NULL))
    return FALSE;

  g_array_append_val (doc->spans, span);
  return TRUE;
}

/* An item of "rejected": checked, and left out. */
static gboolean
parse_rejection (Parser         *parser,
                 ExportDoc      *doc,
                 SpanmarkSchema *schema)
{
  SpanItem item = { { NULL, 0, 0, NULL, NULL, NULL }, { NULL, 0, FALSE, FALSE } };
  guint seen = 0;

  if (!parse_object (parser, doc, schema, spanmark_annotation_rules_span_key, span_member, &item, &seen) ||
      seen != SPANMARK_REJECTION_KEYS || !check_extent (parser, doc, &item))
    return FALSE;

  doc->has_unexported = TRUE;
  if (*parser->rejections == NULL)
    *parser->rejections = spanmark_annotation_rules_new_rejection_set ();
  return spanmark_annotation_rules_check_rejection (*parser->rejections, item.span.start, item.span.end,
                                                    item.span.label, NULL);
}

static gboolean
parse_array (Parser         *parser,
             ExportDoc      *doc,
             SpanmarkSchema *schema,
             gboolean      (*parse_item) (Parser *, ExportDoc *, SpanmarkSchema *))
{
  if (!expect (parser, '['))
    return FALSE;
  if (expect (parser, ']'))
    return TRUE;
  do
    if (!parse_item (parser, doc, schema))
      return FALSE;
  while (expect (parser, ','));
  return expect (parser, ']');
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const ExportSpan *sa = a;
  const ExportSpan *sb = b;

  /* As spanmark_span_compare: start, then longer first, then id. */
  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  if (sa->end != sb->end)
    return sa->end > sb->end ? -1 : 1;
  return strcmp (sa->id, sb->id);
}

/* What the top level of a file says that is checked once all is read,
 * and what its members are checked against. */
typedef struct
{
  const char *document_id;
  const char *annotator;
  RawString   sha256;
} FileItem;

static gboolean
file_member (Parser         *parser,
             ExportDoc      *doc,
             SpanmarkSchema *schema,
             guint           key,
             gpointer        data)
{
  FileItem *item = data;
  RawString value;
  const char *text;
  gsize text_len;
  guint version;

  switch (key)
    {
    case SPANMARK_FILE_KEY_SPANMARK:
      return parse_uint (parser, &version) && spanmark_annotation_rules_check_version (version, NULL);
    case SPANMARK_FILE_KEY_DOCUMENT:
    case SPANMARK_FILE_KEY_ANNOTATOR:
      if (!parse_checked_string (parser, &value))
        return FALSE;
      decode_raw_string (&value, parser->scratch, &text, &text_len);
      return spanmark_annotation_rules_check_owner (key, text, text_len,
                                                    key == SPANMARK_FILE_KEY_DOCUMENT ? item->document_id
                                                                                      : item->annotator,
                                                    NULL);
    case SPANMARK_FILE_KEY_TEXT_SHA256:
      /* Compared with hexadecimal digits, and status with the names of
       * the statuses: not checked. */
      return parse_raw_string (parser, &item->sha256) && !item->sha256.escaped;
    case SPANMARK_FILE_KEY_STATUS:
      return parse_raw_string (parser, &value) && !value.escaped &&
             spanmark_annotation_rules_check_status (value.raw, value.len, &doc->status, NULL);
    case SPANMARK_FILE_KEY_MODIFIED:
      return parse_nullable_string (parser, &doc->modified);
    case SPANMARK_FILE_KEY_SPANS:
      return parse_array (parser, doc, schema, parse_span);
    case SPANMARK_FILE_KEY_ENTITIES:
      return parse_array (parser, doc, schema, parse_entity);
    case SPANMARK_FILE_KEY_REJECTED:
      return parse_array (parser, doc, schema, parse_rejection);
    default:
      return FALSE;
    }
}

static gboolean
parse_annotations (ExportDoc      *doc,
                   const char     *data,
                   gsize           length,
                   const char     *document_id,
                   const char     *annotator,
                   SpanmarkSchema *schema)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GHashTable) rejections = NULL;
  Parser parser = { data, data + length, doc->strings, scratch, &rejections };
  FileItem item = { document_id, annotator, { NULL, 0, FALSE, FALSE } };
  RawString sha256;
  guint seen = 0;

  /* No file the loader's syntax check refuses may get through here (on
   * failure the loader reads the file and reports the problem), but the
   * check is not run over the whole file first, which was a fifth of the
   * reading: what this reader takes is a part of what the check takes.
   * Outside strings it takes only the structure of the format, its white
   * space, "null" and integers without sign, leading zero, fraction or
   * exponent that fit in a guint, so no comment, trailing comma, number
   * beyond 64 bits, second value or deep nesting; a member name given
   * twice is refused (first_key(), parse_attrs()); and every string the
   * reader uses goes through the check's own string scan
   * (check_raw_string()) unless it is compared byte for byte with
   * something valid: the format's names, the labels, the hash, the
   * covered text.  tests/core/test-bad-input.c breaks every string of a
   * file in every way the check refuses and makes sure this reader
   * refuses it too. */
  if (!parse_object (&parser, doc, schema, spanmark_annotation_rules_file_key, file_member, &item, &seen))
    return FALSE;
  skip_space (&parser);
  if (parser.p != parser.end)
    return FALSE;
  sha256 = item.sha256;

  if ((seen & SPANMARK_FILE_REQUIRED_KEYS) != SPANMARK_FILE_REQUIRED_KEYS ||
      !spanmark_annotation_rules_check_sha256 (sha256.raw, sha256.len, doc->text, doc->text_len, NULL))
    return FALSE;

  /* Mentions must point at entities of the file, which may come after
   * the spans. */
  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ExportSpan *span = &g_array_index (doc->spans, ExportSpan, i);

      if (!spanmark_annotation_rules_check_mention (doc->entity_ids, span->entity, NULL))
        return FALSE;
    }

  g_array_sort (doc->spans, compare_spans);
  return TRUE;
}

/* Reads @name in the folder @relative[0:@relative_len] of the project
 * @dir, @path (the same file) below @dir: through @folder, opened once
 * for all the files read from it, where it can be; by path otherwise,
 * and whenever the way through the folder fails (a link, which the
 * path's reading resolves and judges; a file missing, in case the folder
 * was replaced since it was opened). */
static gboolean
read_project_file (ExportFolder  *folder,
                   GFile         *dir,
                   const char    *relative,
                   gsize          relative_len,
                   const char    *name,
                   const char    *path,
                   char         **contents,
                   gsize         *length,
                   GError       **error)
{
  if (folder->dir != dir || strncmp (folder->relative, relative, relative_len) != 0 ||
      folder->relative[relative_len] != '\0')
    {
      folder_clear (folder);
      folder->dir = g_object_ref (dir);
      folder->relative = g_strndup (relative, relative_len);
      folder->fd = spanmark_file_open_folder_in_project (dir, folder->relative, NULL);
    }

  if (folder->fd >= 0 &&
      spanmark_file_read_at (folder->fd, name, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                             contents, length, NULL))
    return TRUE;

  return spanmark_file_read_in_project (dir, path, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                        contents, length, error);
}

static gboolean
load_fast (ExportDoc        *doc,
           SpanmarkProject  *project,
           SpanmarkDocument *document,
           const char       *annotator)
{
  GFile *dir = spanmark_project_get_dir (project);
  g_autofree char *ann_folder = NULL;
  g_autofree char *ann_name = NULL;
  g_autofree char *ann_path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *path = spanmark_document_get_path (document);
  const char *id = spanmark_document_get_id (document);
  const char *slash;
  gsize length;

  /* Only plain relative paths of good entries; the loader judges
   * anything else. */
  if (path == NULL || !spanmark_project_is_inside_path (path) || spanmark_document_get_problem (document) != NULL)
    return FALSE;

  /* The same safe reading as the loader's: anything it refuses (a link
   * out of the project, a FIFO, a huge file) goes to the loader, which
   * says what is wrong. */
  slash = strrchr (path, G_DIR_SEPARATOR);
  if (!read_project_file (&doc->text_folder, dir, path, slash != NULL ? (gsize) (slash - path) : 0,
                          slash != NULL ? slash + 1 : path, path, &doc->text_data, &length, NULL))
    return FALSE;
  doc->text = doc->text_data;
  doc->text_len = length;
  if (!index_text (doc))
    return FALSE;

  ann_folder = g_strconcat ("annotations/", annotator, NULL);
  ann_name = g_strconcat (id, ".json", NULL);
  ann_path = g_strconcat (ann_folder, "/", ann_name, NULL);
  if (!read_project_file (&doc->annotation_folder, dir, ann_folder, strlen (ann_folder), ann_name, ann_path,
                          &data, &length, &local_error))
    {
      /* No file: no annotations yet, as the loader says. */
      return g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    }
  doc->has_file = TRUE;

  return parse_annotations (doc, data, length, id, annotator, spanmark_project_get_schema (project));
}

/* @attrs (key, value pairs) into the table @into. */
static void
copy_attrs (GHashTable *into,
            GPtrArray  *attrs)
{
  for (guint i = 0; attrs != NULL && i + 1 < attrs->len; i += 2)
    g_hash_table_insert (into, g_strdup (g_ptr_array_index (attrs, i)),
                         g_strdup (g_ptr_array_index (attrs, i + 1)));
}

SpanmarkAnnotationSet *
_spanmark_export_doc_to_set (const ExportDoc *doc,
                             const char      *document_id,
                             const char      *annotator,
                             const char      *text)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new (document_id, annotator, text);
  g_autoptr(GPtrArray) spans = g_ptr_array_new_full (doc->spans->len, (GDestroyNotify) spanmark_span_free);

  spanmark_annotation_set_load_status (set, doc->status);
  spanmark_annotation_set_set_modified (set, doc->modified);

  for (guint i = 0; i < doc->entities->len; i++)
    {
      const ExportEntity *entity = &g_array_index (doc->entities, ExportEntity, i);
      g_autoptr(SpanmarkEntity) copy = spanmark_entity_new (entity->id, entity->label, entity->name);

      copy_attrs (copy->attrs, entity->attrs);
      spanmark_annotation_set_load_entity (set, copy);
    }

  /* The set takes the spans made here, not copies. */
  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ExportSpan *span = &g_array_index (doc->spans, ExportSpan, i);
      gsize len;
      const char *covered = export_doc_span_text (doc, span, &len);
      SpanmarkSpan *copy = _spanmark_span_new_shared (span->id, span->start, span->end, span->label);

      copy->text = g_strndup (covered, len);
      copy->entity = g_strdup (span->entity);
      if (span->attrs != NULL && span->attrs->len > 0)
        copy_attrs (_spanmark_attrs_writable (&copy->attrs), span->attrs);
      g_ptr_array_add (spans, copy);
    }
  spanmark_annotation_set_take_spans (set, spans);

  return g_steal_pointer (&set);
}

gboolean
_spanmark_export_doc_read_fast (ExportDoc      *doc,
                                const char     *text,
                                gsize           text_len,
                                const char     *data,
                                gsize           length,
                                const char     *document_id,
                                const char     *annotator,
                                SpanmarkSchema *schema)
{
  _spanmark_export_doc_reset (doc);
  doc->text = text;
  doc->text_len = text_len;

  return index_text (doc) && parse_annotations (doc, data, length, document_id, annotator, schema);
}

gboolean
_spanmark_export_doc_load_shared (ExportDoc        *doc,
                                  SpanmarkProject  *project,
                                  SpanmarkDocument *document,
                                  const char       *annotator,
                                  gboolean          allow_fast,
                                  GMutex           *loader_lock,
                                  GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  _spanmark_export_doc_reset (doc);

  if (allow_fast && load_fast (doc, project, document, annotator))
    return TRUE;

  if (loader_lock != NULL)
    locker = g_mutex_locker_new (loader_lock);
  return load_with_project (doc, project, document, annotator, error);
}

gboolean
_spanmark_export_doc_load (ExportDoc        *doc,
                           SpanmarkProject  *project,
                           SpanmarkDocument *document,
                           const char       *annotator,
                           gboolean          allow_fast,
                           GError          **error)
{
  return _spanmark_export_doc_load_shared (doc, project, document, annotator, allow_fast, NULL, error);
}
