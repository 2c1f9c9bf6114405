/* spanmark-attrs-private.h — string attribute tables of spans and entities
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spans and entities both carry a GHashTable of char* -> char*; these
 * helpers, defined in spanmark-span.c, keep the two in step.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GHashTable *_spanmark_attrs_new         (void);
/* Sets @key to a copy of @value, or removes it when @value is NULL. */
void        _spanmark_attrs_set         (GHashTable *attrs,
                                         const char *key,
                                         const char *value);
GHashTable *_spanmark_attrs_copy        (GHashTable *attrs);
/* A copy of @attrs (may be NULL), or, when it has none, a reference to
 * one empty table shared by everything without attributes (a corpus has
 * a span and a suggester entry for each mention, and most have none).
 * Nothing may insert into the shared table: spanmark_span_copy() gives
 * it, so a copy is written through _spanmark_attrs_writable().  Its
 * reference count is atomic: worker threads share it too. */
GHashTable *_spanmark_attrs_copy_or_shared (GHashTable *attrs);
/* @attrs itself, or a new empty table in its place when it is the shared
 * one. */
GHashTable *_spanmark_attrs_writable    (GHashTable **attrs);
/* Copies every key and value of @from (may be NULL) into @attrs. */
void        _spanmark_attrs_insert_all  (GHashTable *attrs,
                                         GHashTable *from);
gboolean    _spanmark_attrs_equal       (GHashTable *a,
                                         GHashTable *b);
GPtrArray  *_spanmark_attrs_sorted_keys (GHashTable *attrs);

G_END_DECLS
