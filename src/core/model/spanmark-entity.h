/* spanmark-entity.h — an entity that groups mentions (spans)
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* E.g. the official 车俊 with attrs {"title": "浙江省委书记"}. */
typedef struct
{
  char       *id;     /* "e1", unique within an annotation set */
  char       *label;
  char       *name;
  GHashTable *attrs;  /* char* -> char*, never NULL */
} SpanmarkEntity;

#define SPANMARK_TYPE_ENTITY (spanmark_entity_get_type ())

GType           spanmark_entity_get_type  (void) G_GNUC_CONST;
SpanmarkEntity *spanmark_entity_new       (const char           *id,
                                           const char           *label,
                                           const char           *name);
SpanmarkEntity *spanmark_entity_copy      (const SpanmarkEntity *self);
void            spanmark_entity_free      (SpanmarkEntity       *self);
gboolean        spanmark_entity_equal     (const SpanmarkEntity *a,
                                           const SpanmarkEntity *b);
GPtrArray      *spanmark_entity_get_sorted_attr_keys (const SpanmarkEntity *self) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkEntity, spanmark_entity_free)

G_END_DECLS
