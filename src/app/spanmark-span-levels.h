/* spanmark-span-levels.h — how deep each span is drawn among the spans it overlaps
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-annotation-set.h"

G_BEGIN_DECLS

/* The document view and its text view draw each span at a level: in the
 * set's order, every span takes the first level where it overlaps no
 * span placed before it.  So an outer span is at level 0, a span inside
 * it, or overlapping it from the right, at level 1, one inside that at
 * level 2; spans of one level never overlap (levels above @max_level
 * are folded into it, and those may).  Level 0 is drawn with the
 * label's shade and brackets, deeper levels with a lighter-priority
 * shade and a lane below the line (spanmark-text-view.h).
 *
 * A span's level depends on the spans before it that it overlaps, and on
 * theirs: on the run of overlapping spans it is part of (the spans
 * between two places no span crosses).  Both functions work on whole
 * runs, so a level is the same whatever part of the text is asked for. */

/* The spans of @set overlapping [start, end) (start < end), in the set's
 * order (borrowed, valid until the set changes), with their levels
 * appended to @levels (of guint). */
GPtrArray *spanmark_span_levels_get        (SpanmarkAnnotationSet *set,
                                            guint                  start,
                                            guint                  end,
                                            guint                  max_level,
                                            GArray                *levels) G_GNUC_WARN_UNUSED_RESULT;
/* Widens [*start, *end) to whole runs: back to a place no span crosses
 * (none holds both the character before it and the one at it), and on
 * to one.  A change of spans inside [*start, *end) can change levels in
 * the widened range only. */
void       spanmark_span_levels_widen      (SpanmarkAnnotationSet *set,
                                            guint                 *start,
                                            guint                 *end);

G_END_DECLS
