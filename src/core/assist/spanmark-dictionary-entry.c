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

/* What lives before an entry: 8 bytes, where a GRcBox takes 32 (the
 * corpus makes one entry a distinct span).  @size is the whole block's,
 * so that free_string() knows the strings inside it. */
typedef struct
{
  gatomicrefcount ref_count;
  guint32         size : 31;
  guint32         shared_strings : 1;  /* label and source are interned */
} EntryBox;

G_STATIC_ASSERT (sizeof (EntryBox) == 8);

#define ENTRY_BOX(entry) ((EntryBox *) (entry) - 1)

G_DEFINE_BOXED_TYPE (SpanmarkDictionaryEntry, spanmark_dictionary_entry,
                     spanmark_dictionary_entry_ref, spanmark_dictionary_entry_unref)

/* A zeroed entry with @extra bytes after it. */
static SpanmarkDictionaryEntry *
entry_alloc (gsize extra)
{
  gsize size = sizeof (EntryBox) + sizeof (SpanmarkDictionaryEntry) + extra;
  EntryBox *box;

  g_assert (size <= G_MAXINT32);
  box = g_malloc0 (size);
  g_atomic_ref_count_init (&box->ref_count);
  box->size = (guint32) size;
  return (SpanmarkDictionaryEntry *) (box + 1);
}

/* An entry with @attrs and @span_attrs as they are (taken). */
static SpanmarkDictionaryEntry *
entry_new (const char *text,
           const char *label,
           const char *name,
           const char *source,
           GHashTable *attrs,
           GHashTable *span_attrs)
{
  SpanmarkDictionaryEntry *self = entry_alloc (0);

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

  /* One block, the text and name after the entry; the label and the
   * source are one of a few, interned (never freed): entry_clear()
   * frees only what is neither. */
  self = entry_alloc (strlen (text) + 1 + (name != NULL ? strlen (name) + 1 : 0));
  ENTRY_BOX (self)->shared_strings = TRUE;
  at = (char *) (self + 1);
  self->text = put_string (&at, text);
  self->name = put_string (&at, name);
  self->label = (char *) g_intern_string (label);
  self->source = (char *) g_intern_string (source);
  self->attrs = _spanmark_attrs_copy_or_shared (attrs);
  self->span_attrs = _spanmark_attrs_copy_or_shared (span_attrs);

  return self;
}

SpanmarkDictionaryEntry *
spanmark_dictionary_entry_ref (SpanmarkDictionaryEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&ENTRY_BOX (self)->ref_count);
  return self;
}

/* Frees @string unless it is in @self's own block (a frozen entry's). */
static void
free_string (SpanmarkDictionaryEntry *self,
             char                    *string)
{
  guintptr block = (guintptr) ENTRY_BOX (self);

  if ((guintptr) string < block || (guintptr) string >= block + ENTRY_BOX (self)->size)
    g_free (string);
}

static void
entry_clear (SpanmarkDictionaryEntry *self)
{
  free_string (self, self->text);
  if (!ENTRY_BOX (self)->shared_strings)
    {
      g_free (self->label);
      g_free (self->source);
    }
  free_string (self, self->name);
  g_clear_pointer (&self->attrs, g_hash_table_unref);
  g_clear_pointer (&self->span_attrs, g_hash_table_unref);
  free_string (self, self->file);
}

void
spanmark_dictionary_entry_unref (SpanmarkDictionaryEntry *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&ENTRY_BOX (self)->ref_count))
    return;
  entry_clear (self);
  g_free (ENTRY_BOX (self));
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
