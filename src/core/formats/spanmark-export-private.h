/* spanmark-export-private.h — one document as the exporters see it
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-project.h"

G_BEGIN_DECLS

/* Borrowed strings: they live in the ExportDoc's string chunk, its
 * annotation set or the schema.  A span's text is not kept: it was checked
 * to be the covered text, which export_doc_span_text() gives. */
typedef struct
{
  const char *id;
  guint       start;
  guint       end;
  const char *label;
  const char *entity;   /* NULL if none */
  GPtrArray  *attrs;    /* key, value, key, value… sorted by key; NULL if none */
} ExportSpan;

typedef struct
{
  const char *id;
  const char *label;
  const char *name;
  GPtrArray  *attrs;    /* as above; NULL if none */
} ExportEntity;

/* A folder of the project held open while its files are read, so that
 * reading one is an openat() and an fstat(), not a walk down its path
 * (see load_fast()). */
typedef struct
{
  GFile *dir;        /* the project folder (a reference); NULL: none yet */
  char  *relative;   /* the folder, below it */
  int    fd;         /* -1 when it could not be opened: files are read by path */
} ExportFolder;

typedef struct
{
  const char            *text;
  gsize                  text_len;
  GArray                *spans;       /* ExportSpan, in spanmark_span_compare order */
  GArray                *entities;    /* ExportEntity, in file order */
  GArray                *char_bytes;  /* guint32: byte offset of each code point, then the length */
  gboolean               has_file;    /* the annotator has a file for the document */
  SpanmarkStatus         status;      /* its status (new without a file) */
  const char            *modified;    /* its "modified", NULL if null or not read */
  /* The file has what no export writes and this reader leaves out (a
   * span's "pretag", "rejected" items): the project's loader, which
   * must keep them, then reads it the slow way. */
  gboolean               has_unexported;

  /* Storage, reused from one document to the next. */
  char                  *text_data;
  GStringChunk          *strings;
  GPtrArray             *attr_arrays; /* GPtrArray*, freed on reset */
  SpanmarkAnnotationSet *set;         /* when read by the project's loader */
  GHashTable            *ids;         /* scratch for the fast reader: span id -> index */
  GHashTable            *entity_ids;  /* and entity id -> index */
  GArray                *views;       /* SpanmarkSpan, see _spanmark_export_doc_get_span_views() */
  GPtrArray             *view_pointers;
  ExportFolder           text_folder;        /* the folder of the last text read */
  ExportFolder           annotation_folder;  /* and of the last annotation file */
} ExportDoc;

/* The covered text of @span: a pointer into the document text and its
 * length in bytes (not NUL-terminated). */
static inline const char *
export_doc_span_text (const ExportDoc  *doc,
                      const ExportSpan *span,
                      gsize            *len)
{
  const guint32 *bytes = (const guint32 *) doc->char_bytes->data;

  *len = bytes[span->end] - bytes[span->start];
  return doc->text + bytes[span->start];
}

/* The code point @i of the text. */
static inline gunichar
export_doc_char (const ExportDoc *doc,
                 guint            i)
{
  const guint32 *bytes = (const guint32 *) doc->char_bytes->data;
  const guchar *p = (const guchar *) doc->text + bytes[i];

  /* Most characters of most corpora are ASCII or in the BMP: decode
   * those inline. */
  if (p[0] < 0x80)
    return p[0];
  if ((p[0] & 0xf0) == 0xe0)
    return ((gunichar) (p[0] & 0x0f) << 12) | ((gunichar) (p[1] & 0x3f) << 6) | (p[2] & 0x3f);
  return g_utf8_get_char ((const char *) p);
}

/* spanmark_text_is_white_space(), the token rule, with the common
 * characters answered inline: none above U+3000 (CJK) and no printable
 * ASCII character but the space is white space. */
static inline gboolean
export_is_white_space (gunichar c)
{
  if (c > 0x3000 || (c > 0x20 && c < 0x7f))
    return FALSE;
  return spanmark_text_is_white_space (c);
}

void     _spanmark_export_doc_init  (ExportDoc *doc);
void     _spanmark_export_doc_reset (ExportDoc *doc);
void     _spanmark_export_doc_clear (ExportDoc *doc);

/* Reads @document's text and @annotator's annotations into @doc.
 *
 * Well-formed files as Spanmark writes them are read by a small, strict
 * reader written for this one shape: it checks what the project's loader
 * checks (offsets, covered text, hash, labels, ids) but without building
 * a JSON tree and an indexed annotation set, which is most of an export's
 * time.  Anything the fast reader does not expect is handed to
 * spanmark_project_load_annotations(), so a valid file reads the same
 * either way and an invalid one fails with the loader's own message. */
gboolean _spanmark_export_doc_load  (ExportDoc        *doc,
                                     SpanmarkProject  *project,
                                     SpanmarkDocument *document,
                                     const char       *annotator,
                                     gboolean          allow_fast,
                                     GError          **error);

/* The same, for readers that share @project: the project's loader (which
 * records what it read in @project) runs under @loader_lock; the fast
 * reader only reads. */
gboolean _spanmark_export_doc_load_shared (ExportDoc        *doc,
                                           SpanmarkProject  *project,
                                           SpanmarkDocument *document,
                                           const char       *annotator,
                                           gboolean          allow_fast,
                                           GMutex           *loader_lock,
                                           GError          **error);

/* The fast reader alone, on bytes (the differential tests and the
 * fuzzers): @text (borrowed; it must outlive @doc's use of it) is the
 * document's text and @data the annotation file of @document_id by
 * @annotator.  FALSE when the fast reader would hand the file to the
 * loader; @doc is then to be reset. */
gboolean _spanmark_export_doc_read_fast (ExportDoc      *doc,
                                         const char     *text,
                                         gsize           text_len,
                                         const char     *data,
                                         gsize           length,
                                         const char     *document_id,
                                         const char     *annotator,
                                         SpanmarkSchema *schema);

/* What the fast reader read into @doc, as the annotation set the
 * project's loader would make of the same file: the spans with their
 * covered text, entities, attributes, status and "modified".  @text is
 * the document's text, which the set copies. */
SpanmarkAnnotationSet *_spanmark_export_doc_to_set (const ExportDoc *doc,
                                                    const char      *document_id,
                                                    const char      *annotator,
                                                    const char      *text) G_GNUC_WARN_UNUSED_RESULT;

/* The spans of @doc as SpanmarkSpan* (views: id, offsets, label and entity,
 * with borrowed strings; no text, no attributes), in @doc's order, for
 * what takes SpanmarkSpan such as spanmark_export_flatten_spans().  Owned
 * by @doc, until it is reset. */
GPtrArray *_spanmark_export_doc_get_span_views (ExportDoc *doc);

G_END_DECLS
