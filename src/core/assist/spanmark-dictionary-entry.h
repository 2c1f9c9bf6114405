/* spanmark-dictionary-entry.h — one thing a dictionary knows: a text and its label
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a suggestion would tag: @text as @label, and when @name is set,
 * as a mention of the entity of that label and name, with its entity
 * attributes @attrs (a corpus span's entity; a dictionary line's
 * key=value columns).  @span_attrs are attributes of the span itself
 * (a corpus span's).  @source says where it came from, and is what a
 * pretagged span's mark holds: "corpus" or "dict:FILE" (FILE the
 * dictionary's file name without its folder).  @file and @line say where a dictionary gave it (NULL and 0 for
 * the corpus).  Immutable once made; reference counted. */
typedef struct
{
  char       *text;
  char       *label;
  char       *name;        /* may be NULL */
  GHashTable *attrs;       /* char* -> char*, never NULL */
  GHashTable *span_attrs;  /* char* -> char*, never NULL */
  char       *source;
  char       *file;        /* may be NULL */
  guint       line;
} SpanmarkDictionaryEntry;

#define SPANMARK_DICTIONARY_SOURCE_CORPUS "corpus"
/* The source of a dictionary file's entries: "dict:" and the file. */
#define SPANMARK_DICTIONARY_SOURCE_PREFIX "dict:"

#define SPANMARK_TYPE_DICTIONARY_ENTRY (spanmark_dictionary_entry_get_type ())

GType                    spanmark_dictionary_entry_get_type (void) G_GNUC_CONST;
/* @text and @label not empty; @source not NULL. */
SpanmarkDictionaryEntry *spanmark_dictionary_entry_new      (const char                    *text,
                                                             const char                    *label,
                                                             const char                    *name,
                                                             const char                    *source);
SpanmarkDictionaryEntry *spanmark_dictionary_entry_ref      (SpanmarkDictionaryEntry       *self);
void                     spanmark_dictionary_entry_unref    (SpanmarkDictionaryEntry       *self);
/* Same text, label, name, attributes and source (not file and line):
 * what the matcher counts as one entry. */
gboolean                 spanmark_dictionary_entry_equal    (const SpanmarkDictionaryEntry *a,
                                                             const SpanmarkDictionaryEntry *b);
/* Whether @source is a dictionary file's ("dict:…"). */
gboolean                 spanmark_dictionary_source_is_file (const char                    *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkDictionaryEntry, spanmark_dictionary_entry_unref)

G_END_DECLS
