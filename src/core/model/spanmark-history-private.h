/* spanmark-history-private.h — how SpanmarkAnnotationSet records commands
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-history.h"

G_BEGIN_DECLS

/* Each set creates its own history; the history does not keep the set
 * alive (the set owns it). */
SpanmarkHistory *_spanmark_history_new           (SpanmarkAnnotationSet *set);
/* Records a span command: @before NULL = added, @after NULL = removed,
 * both = changed.  Takes ownership of both. */
void             _spanmark_history_record_span   (SpanmarkHistory       *self,
                                                  SpanmarkSpan          *before,
                                                  SpanmarkSpan          *after);
/* The same for entities; @index is the entity's position in the set
 * (where it was before removal, or where it was added). */
void             _spanmark_history_record_entity (SpanmarkHistory       *self,
                                                  SpanmarkEntity        *before,
                                                  SpanmarkEntity        *after,
                                                  guint                  index);
/* A rejection added (@before NULL) or removed (@after NULL); takes both. */
void             _spanmark_history_record_rejection (SpanmarkHistory    *self,
                                                     SpanmarkSpan       *before,
                                                     SpanmarkSpan       *after);
void             _spanmark_history_record_status (SpanmarkHistory       *self,
                                                  SpanmarkStatus         before,
                                                  SpanmarkStatus         after);

/* Records a status change as part of the step just recorded (or of the
 * open group): a consequence of that edit, undone with it. */
void             _spanmark_history_amend_status  (SpanmarkHistory       *self,
                                                  SpanmarkStatus         before,
                                                  SpanmarkStatus         after);

G_END_DECLS
