/* spanmark-span.c — one annotated span
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spanmark-attrs-private.h"
#include "spanmark-span-private.h"
#include "spanmark-text.h"

G_DEFINE_BOXED_TYPE (SpanmarkSpan, spanmark_span,
                     spanmark_span_copy, spanmark_span_free)

GHashTable *
_spanmark_attrs_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
_spanmark_attrs_insert_all (GHashTable *attrs,
                            GHashTable *from)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  if (from == NULL)
    return;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (attrs, g_strdup (key), g_strdup (value));
}

void
_spanmark_attrs_set (GHashTable *attrs,
                     const char *key,
                     const char *value)
{
  if (value != NULL)
    g_hash_table_insert (attrs, g_strdup (key), g_strdup (value));
  else
    g_hash_table_remove (attrs, key);
}

GHashTable *
_spanmark_attrs_copy (GHashTable *attrs)
{
  GHashTable *copy = _spanmark_attrs_new ();

  _spanmark_attrs_insert_all (copy, attrs);
  return copy;
}

static GHashTable *
shared_empty_attrs (void)
{
  static GHashTable *empty;

  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, _spanmark_attrs_new ());
  return empty;
}

GHashTable *
_spanmark_attrs_copy_or_shared (GHashTable *attrs)
{
  if (attrs == NULL || g_hash_table_size (attrs) == 0)
    return g_hash_table_ref (shared_empty_attrs ());
  return _spanmark_attrs_copy (attrs);
}

GHashTable *
_spanmark_attrs_writable (GHashTable **attrs)
{
  if (*attrs == shared_empty_attrs ())
    {
      g_hash_table_unref (*attrs);
      *attrs = _spanmark_attrs_new ();
    }
  return *attrs;
}

gboolean
_spanmark_attrs_equal (GHashTable *a,
                       GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;
  guint n_a = a != NULL ? g_hash_table_size (a) : 0;
  guint n_b = b != NULL ? g_hash_table_size (b) : 0;

  if (n_a != n_b)
    return FALSE;
  if (n_a == 0)
    return TRUE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer other;

      if (!g_hash_table_lookup_extended (b, key, NULL, &other))
        return FALSE;
      if (g_strcmp0 (value, other) != 0)
        return FALSE;
    }

  return TRUE;
}

GPtrArray *
_spanmark_attrs_sorted_keys (GHashTable *attrs)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  if (attrs == NULL)
    return keys;

  g_hash_table_iter_init (&iter, attrs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, spanmark_text_compare_strings);

  return keys;
}

/* A span with @attrs (taken) and no entity. */
static SpanmarkSpan *
span_new (const char *id,
          guint       start,
          guint       end,
          const char *label,
          const char *text,
          GHashTable *attrs)
{
  SpanmarkSpan *self = g_new0 (SpanmarkSpan, 1);

  self->id = g_strdup (id);
  self->start = start;
  self->end = end;
  self->label = g_strdup (label);
  self->text = g_strdup (text);
  self->attrs = attrs;

  return self;
}

SpanmarkSpan *
spanmark_span_new (const char *id,
                   guint       start,
                   guint       end,
                   const char *label,
                   const char *text)
{
  return span_new (id, start, end, label, text, _spanmark_attrs_new ());
}

SpanmarkSpan *
_spanmark_span_new_shared (const char *id,
                           guint       start,
                           guint       end,
                           const char *label)
{
  return span_new (id, start, end, label, NULL, _spanmark_attrs_copy_or_shared (NULL));
}

SpanmarkSpan *
spanmark_span_copy (const SpanmarkSpan *self)
{
  SpanmarkSpan *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SpanmarkSpan, 1);
  copy->id = g_strdup (self->id);
  copy->start = self->start;
  copy->end = self->end;
  copy->label = g_strdup (self->label);
  copy->text = g_strdup (self->text);
  copy->entity = g_strdup (self->entity);
  copy->attrs = _spanmark_attrs_copy_or_shared (self->attrs);
  copy->pretag = g_strdup (self->pretag);

  return copy;
}

void
spanmark_span_free (SpanmarkSpan *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->label);
  g_free (self->text);
  g_free (self->entity);
  g_free (self->pretag);
  g_clear_pointer (&self->attrs, g_hash_table_unref);
  g_free (self);
}

gboolean
spanmark_span_equal (const SpanmarkSpan *a,
                     const SpanmarkSpan *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->start == b->start &&
         a->end == b->end &&
         g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->label, b->label) == 0 &&
         g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->entity, b->entity) == 0 &&
         g_strcmp0 (a->pretag, b->pretag) == 0 &&
         _spanmark_attrs_equal (a->attrs, b->attrs);
}

int
spanmark_span_compare (const SpanmarkSpan *a,
                       const SpanmarkSpan *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  /* Outer spans before the spans nested in them. */
  if (a->end != b->end)
    return a->end > b->end ? -1 : 1;
  return g_strcmp0 (a->id, b->id);
}

int
spanmark_span_compare_pointers (gconstpointer a,
                                gconstpointer b)
{
  return spanmark_span_compare (*(const SpanmarkSpan * const *) a,
                                *(const SpanmarkSpan * const *) b);
}

GPtrArray *
spanmark_span_get_sorted_attr_keys (const SpanmarkSpan *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return _spanmark_attrs_sorted_keys (self->attrs);
}
