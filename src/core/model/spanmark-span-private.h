/* spanmark-span-private.h — spans made by the readers that make many
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-span.h"

G_BEGIN_DECLS

/* A span as spanmark_span_new() makes it without a text, but with the
 * empty attribute table every span without attributes shares
 * (_spanmark_attrs_copy_or_shared()) instead of its own: a reader of a
 * document with tens of thousands of spans then allocates no table for
 * most of them.  Its attributes are written through
 * _spanmark_attrs_writable(). */
SpanmarkSpan *_spanmark_span_new_shared (const char *id,
                                         guint       start,
                                         guint       end,
                                         const char *label);

G_END_DECLS
