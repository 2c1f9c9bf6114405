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

/* Editing (spanmark-label-ops.h checks names, keys and colours and
 * writes spanmark.json; these only change the set in memory).  Each
 * change emits "changed" (no arguments) once, so the window's side
 * panels and highlighting follow the schema. */
SpanmarkSchema      *spanmark_schema_copy          (SpanmarkSchema      *self) G_GNUC_WARN_UNUSED_RESULT;
/* Makes @self hold copies of @other's labels, in its order. */
void                 spanmark_schema_assign        (SpanmarkSchema      *self,
                                                    SpanmarkSchema      *other);
/* Copies @label to position @index (at most the number of labels).
 * FALSE (and no change) if its name is taken. */
gboolean             spanmark_schema_insert_label  (SpanmarkSchema      *self,
                                                    guint                index,
                                                    const SpanmarkLabel *label);
/* Replaces the label at @index by a copy of @label.  FALSE (and no
 * change) if another label has @label's name. */
gboolean             spanmark_schema_replace_label (SpanmarkSchema      *self,
                                                    guint                index,
                                                    const SpanmarkLabel *label);
void                 spanmark_schema_remove_label  (SpanmarkSchema      *self,
                                                    guint                index);
/* Moves the label at @from to @to (both below the number of labels). */
void                 spanmark_schema_move_label    (SpanmarkSchema      *self,
                                                    guint                from,
                                                    guint                to);

G_END_DECLS
