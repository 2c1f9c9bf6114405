/* spanmark-schema.h — the label set of a project
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "spanmark-label.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_SCHEMA (spanmark_schema_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkSchema, spanmark_schema, SPANMARK, SCHEMA, GObject)

SpanmarkSchema      *spanmark_schema_new          (void);
/* OFFICIAL (key 1, attrs title, region), PLACE (key 2, attr kind),
 * INITIATIVE (key 3), titled "Officials", "Places", "Initiatives". */
SpanmarkSchema      *spanmark_schema_new_default  (void);
/* Copies @label.  Returns FALSE (and changes nothing) if a label with the
 * same name already exists. */
gboolean             spanmark_schema_add_label    (SpanmarkSchema      *self,
                                                   const SpanmarkLabel *label);
guint                spanmark_schema_get_n_labels (SpanmarkSchema      *self);
const SpanmarkLabel *spanmark_schema_get_label    (SpanmarkSchema      *self,
                                                   guint                index);
const SpanmarkLabel *spanmark_schema_lookup       (SpanmarkSchema      *self,
                                                   const char          *name);
const SpanmarkLabel *spanmark_schema_lookup_key   (SpanmarkSchema      *self,
                                                   const char          *key);
/* Index of the label called @name, or -1. */
int                  spanmark_schema_get_index    (SpanmarkSchema      *self,
                                                   const char          *name);

G_END_DECLS
