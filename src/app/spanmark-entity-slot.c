/* spanmark-entity-slot.c — one row of a label panel's entity list
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-entity-slot.h"

struct _SpanmarkEntitySlot
{
  GObject             parent_instance;

  SpanmarkEntityItem *item;
};

G_DEFINE_FINAL_TYPE (SpanmarkEntitySlot, spanmark_entity_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
spanmark_entity_slot_finalize (GObject *object)
{
  SpanmarkEntitySlot *self = SPANMARK_ENTITY_SLOT (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (spanmark_entity_slot_parent_class)->finalize (object);
}

static void
spanmark_entity_slot_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SpanmarkEntitySlot *self = SPANMARK_ENTITY_SLOT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_entity_slot_class_init (SpanmarkEntitySlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spanmark_entity_slot_finalize;
  object_class->get_property = spanmark_entity_slot_get_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SPANMARK_TYPE_ENTITY_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spanmark_entity_slot_init (SpanmarkEntitySlot *self)
{
}

SpanmarkEntitySlot *
spanmark_entity_slot_new (SpanmarkEntityItem *item)
{
  SpanmarkEntitySlot *self;

  g_return_val_if_fail (SPANMARK_IS_ENTITY_ITEM (item), NULL);

  self = g_object_new (SPANMARK_TYPE_ENTITY_SLOT, NULL);
  self->item = g_object_ref (item);

  return self;
}

SpanmarkEntityItem *
spanmark_entity_slot_get_item (SpanmarkEntitySlot *self)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_SLOT (self), NULL);

  return self->item;
}

void
spanmark_entity_slot_set_item (SpanmarkEntitySlot *self,
                               SpanmarkEntityItem *item)
{
  g_return_if_fail (SPANMARK_IS_ENTITY_SLOT (self));
  g_return_if_fail (SPANMARK_IS_ENTITY_ITEM (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
