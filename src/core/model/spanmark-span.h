/* spanmark-span.h — one annotated span
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Offsets are code points, end-exclusive: text[start:end] in Python. */
typedef struct
{
  char       *id;      /* "s1", unique within an annotation set */
  guint       start;
  guint       end;     /* > start */
  char       *label;   /* a label name, e.g. "OFFICIAL" */
  char       *text;    /* the covered text, kept as a check */
  char       *entity;  /* id of the entity this span mentions, or NULL */
  GHashTable *attrs;   /* char* -> char*, never NULL (may be empty; a copy's empty one is shared: read-only) */
  char       *pretag;  /* where a span added by spanmark-cli pretag came from
                        * ("dict:places.tsv", "corpus") until a person
                        * accepts it; NULL for a span a person made or
                        * accepted (docs/formats.md) */
} SpanmarkSpan;

#define SPANMARK_TYPE_SPAN (spanmark_span_get_type ())

GType         spanmark_span_get_type  (void) G_GNUC_CONST;
SpanmarkSpan *spanmark_span_new       (const char         *id,
                                       guint               start,
                                       guint               end,
                                       const char         *label,
                                       const char         *text);
SpanmarkSpan *spanmark_span_copy      (const SpanmarkSpan *self);
void          spanmark_span_free      (SpanmarkSpan       *self);
/* Same id, offsets, label, text, entity, attrs and pretag mark. */
gboolean      spanmark_span_equal     (const SpanmarkSpan *a,
                                       const SpanmarkSpan *b);
/* Order by start, then longer first (end descending), then id. */
int           spanmark_span_compare   (const SpanmarkSpan *a,
                                       const SpanmarkSpan *b);
/* spanmark_span_compare() of two SpanmarkSpan* in an array, for
 * g_ptr_array_sort() and qsort(). */
int           spanmark_span_compare_pointers (gconstpointer a,
                                              gconstpointer b);
/* Attribute keys sorted with strcmp, for deterministic output. */
GPtrArray    *spanmark_span_get_sorted_attr_keys (const SpanmarkSpan *self) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkSpan, spanmark_span_free)

G_END_DECLS
