/* spanmark-text-index.h — code point <-> byte offset over one text
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* SpanmarkTextIndex: code point <-> byte offset mapping over one text,
 * O(1) setup per 64 code points and O(log n) per lookup, so a 1,000,000
 * character document never needs an O(n) walk per lookup.  The index keeps
 * a reference-free pointer to the text: the text must outlive it. */
typedef struct _SpanmarkTextIndex SpanmarkTextIndex;

#define SPANMARK_TYPE_TEXT_INDEX (spanmark_text_index_get_type ())

GType              spanmark_text_index_get_type      (void) G_GNUC_CONST;
SpanmarkTextIndex *spanmark_text_index_new           (const char        *text,
                                                      gssize             len);
SpanmarkTextIndex *spanmark_text_index_ref           (SpanmarkTextIndex *self);
void               spanmark_text_index_unref         (SpanmarkTextIndex *self);
const char        *spanmark_text_index_get_text      (SpanmarkTextIndex *self);
gsize              spanmark_text_index_get_n_bytes   (SpanmarkTextIndex *self);
/* Number of code points. */
guint              spanmark_text_index_get_length    (SpanmarkTextIndex *self);
/* @offset may equal the length (returns the byte length). */
gsize              spanmark_text_index_char_to_byte  (SpanmarkTextIndex *self,
                                                      guint              offset);
/* @byte must be at a character boundary, <= the byte length. */
guint              spanmark_text_index_byte_to_char  (SpanmarkTextIndex *self,
                                                      gsize              byte);
/* Newly allocated copy of text[start:end] (code points). */
char              *spanmark_text_index_slice         (SpanmarkTextIndex *self,
                                                      guint              start,
                                                      guint              end) G_GNUC_WARN_UNUSED_RESULT;
/* spanmark_text_trim_range() without the walk from the start of the text:
 * what the window uses on a long document.  Also %FALSE if *end is past
 * the end of the text. */
gboolean           spanmark_text_index_trim_range    (SpanmarkTextIndex *self,
                                                      guint             *start,
                                                      guint             *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkTextIndex, spanmark_text_index_unref)

G_END_DECLS
