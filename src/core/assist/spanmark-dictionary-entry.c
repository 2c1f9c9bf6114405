/* spanmark-dictionary-entry.c — one thing a dictionary knows: a text and its label
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

SpanmarkDictionaryEntry *
_spanmark_dictionary_entry_new_frozen (const char *text,
                                       const char *label,
                                       const char *name,
                                       const char *source,
                                       GHashTable *attrs,
                                       GHashTable *span_attrs)
{
  g_return_val_if_fail (text != NULL && text[0] != '\0', NULL);
  g_return_val_if_fail (label != NULL && label[0] != '\0', NULL);
  g_return_val_if_fail (source != NULL, NULL);

  return entry_new (text, label, name, source,
                    _spanmark_attrs_copy_or_shared (attrs), _spanmark_attrs_copy_or_shared (span_attrs));
}

SpanmarkDictionaryEntry *
spanmark_dictionary_entry_ref (SpanmarkDictionaryEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

static void
entry_clear (SpanmarkDictionaryEntry *self)
{
  g_free (self->text);
  g_free (self->label);
  g_free (self->name);
  g_clear_pointer (&self->attrs, g_hash_table_unref);
  g_clear_pointer (&self->span_attrs, g_hash_table_unref);
  g_free (self->source);
  g_free (self->file);
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
