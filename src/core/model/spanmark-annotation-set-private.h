/* spanmark-annotation-set-private.h — what SpanmarkHistory and the suggester need of the set
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo and redo put recorded states back through these functions: they
 * change the set and emit the usual signals, but record no history.
 */

#pragma once

#include "spanmark-annotation-set.h"

G_BEGIN_DECLS

/* @before NULL: add @after; @after NULL: remove @before; otherwise the
 * span with that id becomes a copy of @after.  Emits "span-added",
 * "span-removed" or "span-changed" (not "changed"). */
void _spanmark_annotation_set_apply_span   (SpanmarkAnnotationSet *self,
                                            const SpanmarkSpan    *before,
                                            const SpanmarkSpan    *after);
/* Many additions or removals at once (a "tag all" step): one O(n) pass
 * instead of one memmove per span.  Emits "span-added" / "span-removed"
 * for each, in the order given, after all of them are made. */
void _spanmark_annotation_set_add_spans    (SpanmarkAnnotationSet    *self,
                                            const SpanmarkSpan *const *spans,
                                            guint                     n_spans);
void _spanmark_annotation_set_remove_spans (SpanmarkAnnotationSet    *self,
                                            const SpanmarkSpan *const *spans,
                                            guint                     n_spans);
/* The same for entities; @index is where an added entity goes (the
 * position it had when it was removed). */
void _spanmark_annotation_set_apply_entity (SpanmarkAnnotationSet *self,
                                            const SpanmarkEntity  *before,
                                            const SpanmarkEntity  *after,
                                            guint                  index);
/* The same for a rejection (see spanmark_annotation_set_get_rejection());
 * emits nothing. */
void _spanmark_annotation_set_apply_rejection (SpanmarkAnnotationSet *self,
                                               const SpanmarkSpan    *before,
                                               const SpanmarkSpan    *after);
/* Sets the status and notifies "status" (not "changed"). */
void _spanmark_annotation_set_apply_status (SpanmarkAnnotationSet *self,
                                            SpanmarkStatus         status);
/* Emits "changed". */
void _spanmark_annotation_set_emit_changed (SpanmarkAnnotationSet *self);

/* The set's text (which never changes) as a GRefString: a reference that
 * another thread may hold and read (a search of it) while the set goes
 * on changing, or goes.  Release it with g_ref_string_release(). */
char *_spanmark_annotation_set_ref_text     (SpanmarkAnnotationSet *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
