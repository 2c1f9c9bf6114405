/* spanmark-history.h — undo and redo for an annotation set
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every mutator of SpanmarkAnnotationSet records a command here; undo and
 * redo re-apply the recorded before/after states through the set, which
 * emits its usual signals.  Bulk edits (tag all occurrences, or any group
 * the caller brackets with begin/end_group) are a single step.
 */

#pragma once

#include <glib-object.h>

#include "spanmark-annotation-set.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_HISTORY (spanmark_history_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkHistory, spanmark_history, SPANMARK, HISTORY, GObject)

/* Properties "can-undo", "can-redo" (notify on change). */

gboolean    spanmark_history_can_undo         (SpanmarkHistory *self);
gboolean    spanmark_history_can_redo         (SpanmarkHistory *self);
gboolean    spanmark_history_undo             (SpanmarkHistory *self);
gboolean    spanmark_history_redo             (SpanmarkHistory *self);
/* Groups nest; the outermost end_group closes one undo step.  An empty
 * group records nothing. */
void        spanmark_history_begin_group      (SpanmarkHistory *self);
void        spanmark_history_end_group        (SpanmarkHistory *self);
void        spanmark_history_clear            (SpanmarkHistory *self);
guint       spanmark_history_get_n_undo_steps (SpanmarkHistory *self);

G_END_DECLS
