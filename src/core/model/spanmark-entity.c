/* spanmark-entity.c — an entity that groups mentions (spans)
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-attrs-private.h"
#include "spanmark-entity.h"

G_DEFINE_BOXED_TYPE (SpanmarkEntity, spanmark_entity,
                     spanmark_entity_copy, spanmark_entity_free)

SpanmarkEntity *
spanmark_entity_new (const char *id,
                     const char *label,
                     const char *name)
{
  SpanmarkEntity *self = g_new0 (SpanmarkEntity, 1);

  self->id = g_strdup (id);
  self->label = g_strdup (label);
  self->name = g_strdup (name);
  self->attrs = _spanmark_attrs_new ();

  return self;
}

SpanmarkEntity *
spanmark_entity_copy (const SpanmarkEntity *self)
{
  SpanmarkEntity *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (SpanmarkEntity, 1);
  copy->id = g_strdup (self->id);
  copy->label = g_strdup (self->label);
  copy->name = g_strdup (self->name);
  copy->attrs = _spanmark_attrs_copy (self->attrs);

  return copy;
}

void
spanmark_entity_free (SpanmarkEntity *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->label);
  g_free (self->name);
  g_clear_pointer (&self->attrs, g_hash_table_unref);
  g_free (self);
}

gboolean
spanmark_entity_equal (const SpanmarkEntity *a,
                       const SpanmarkEntity *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->label, b->label) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         _spanmark_attrs_equal (a->attrs, b->attrs);
}

GPtrArray *
spanmark_entity_get_sorted_attr_keys (const SpanmarkEntity *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return _spanmark_attrs_sorted_keys (self->attrs);
}
