/* spanmark-dictionary-entry.c — one thing a dictionary knows: a text and its label
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spanmark-assist-private.h"
#include "spanmark-attrs-private.h"
#include "spanmark-dictionary-entry.h"

/* The reference count lives before the entry (g_rc_box). */
G_DEFINE_BOXED_TYPE (SpanmarkDictionaryEntry, spanmark_dictionary_entry,
                     spanmark_dictionary_entry_ref, spanmark_dictionary_entry_unref)

/* An entry with @attrs and @span_attrs as they are (taken). */
static SpanmarkDictionaryEntry *
entry_new (const char *text,
           const char *label,
           const char *name,
           const char *source,
           GHashTable *attrs,
           GHashTable *span_attrs)
{
  SpanmarkDictionaryEntry *self = g_rc_box_new0 (SpanmarkDictionaryEntry);

  self->text = g_strdup (text);
  self->label = g_strdup (label);
  self->name = g_strdup (name);
  self->attrs = attrs;
  self->span_attrs = span_attrs;
  self->source = g_strdup (source);

  return self;
}

SpanmarkDictionaryEntry *
spanmark_dictionary_entry_new (const char *text,
                               const char *label,
                               const char *name,
                               const char *source)
{
  g_return_val_if_fail (text != NULL && text[0] != '\0', NULL);
  g_return_val_if_fail (label != NULL && label[0] != '\0', NULL);
  g_return_val_if_fail (source != NULL, NULL);

  return entry_new (text, label, name, source, _spanmark_attrs_new (), _spanmark_attrs_new ());
}

/* Copies @string (may be NULL) to @at, which it moves past the copy. */
static char *
put_string (char       **at,
            const char  *string)
{
  char *copy = *at;
  gsize size;

  if (string == NULL)
    return NULL;
  size = strlen (string) + 1;
  memcpy (copy, string, size);
  *at += size;
  return copy;
}

SpanmarkDictionaryEntry *
_spanmark_dictionary_entry_new_frozen (const char *text,
                                       const char *label,
                                       const char *name,
                                       const char *source,
                                       GHashTable *attrs,
                                       GHashTable *span_attrs)
{
  SpanmarkDictionaryEntry *self;
  char *at;

  g_return_val_if_fail (text != NULL && text[0] != '\0', NULL);
  g_return_val_if_fail (label != NULL && label[0] != '\0', NULL);
  g_return_val_if_fail (source != NULL, NULL);

  /* One block, the strings after the entry (the corpus makes one entry
   * a span): entry_clear() frees only what is not in it. */
  self = g_rc_box_alloc0 (sizeof (SpanmarkDictionaryEntry) + strlen (text) + strlen (label) +
                          (name != NULL ? strlen (name) + 1 : 0) + strlen (source) + 3);
  at = (char *) (self + 1);
  self->text = put_string (&at, text);
  self->label = put_string (&at, label);
  self->name = put_string (&at, name);
  self->source = put_string (&at, source);
  self->attrs = _spanmark_attrs_copy_or_shared (attrs);
  self->span_attrs = _spanmark_attrs_copy_or_shared (span_attrs);

  return self;
}

SpanmarkDictionaryEntry *
spanmark_dictionary_entry_ref (SpanmarkDictionaryEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

/* Frees @string unless it is in @self's own block (a frozen entry's). */
static void
free_string (SpanmarkDictionaryEntry *self,
             char                    *string)
{
  guintptr block = (guintptr) self;

  if ((guintptr) string < block || (guintptr) string >= block + g_rc_box_get_size (self))
    g_free (string);
}

static void
entry_clear (SpanmarkDictionaryEntry *self)
{
  free_string (self, self->text);
  free_string (self, self->label);
  free_string (self, self->name);
  g_clear_pointer (&self->attrs, g_hash_table_unref);
  g_clear_pointer (&self->span_attrs, g_hash_table_unref);
  free_string (self, self->source);
  free_string (self, self->file);
}

void
spanmark_dictionary_entry_unref (SpanmarkDictionaryEntry *self)
{
  if (self != NULL)
    g_rc_box_release_full (self, (GDestroyNotify) entry_clear);
}

gboolean
spanmark_dictionary_entry_equal (const SpanmarkDictionaryEntry *a,
                                 const SpanmarkDictionaryEntry *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return g_str_equal (a->text, b->text) &&
         g_str_equal (a->label, b->label) &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_str_equal (a->source, b->source) &&
         _spanmark_attrs_equal (a->attrs, b->attrs) &&
         _spanmark_attrs_equal (a->span_attrs, b->span_attrs);
}

gboolean
spanmark_dictionary_source_is_file (const char *source)
{
  return source != NULL && g_str_has_prefix (source, SPANMARK_DICTIONARY_SOURCE_PREFIX);
}
