/* spanmark-entity-slot.h — one row of a label panel's entity list
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "spanmark-entity-item.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_ENTITY_SLOT (spanmark_entity_slot_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkEntitySlot, spanmark_entity_slot, SPANMARK, ENTITY_SLOT, GObject)

/* What a SpanmarkEntityMatches holds at one position: the position stays
 * the same object while the entity shown there changes with the search
 * ("item", notified), so the list view keeps its row widgets and only
 * their texts change. */
SpanmarkEntitySlot *spanmark_entity_slot_new      (SpanmarkEntityItem *item);
SpanmarkEntityItem *spanmark_entity_slot_get_item (SpanmarkEntitySlot *self);
void                spanmark_entity_slot_set_item (SpanmarkEntitySlot *self,
                                                   SpanmarkEntityItem *item);

G_END_DECLS
