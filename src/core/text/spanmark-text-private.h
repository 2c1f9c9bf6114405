/* spanmark-text-private.h — what the text helpers share between their files
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Narrows [*start, *end) (code points, whose characters @s and @e point
 * at) past white space at either side; FALSE if nothing is left. */
gboolean _spanmark_text_trim_between (const char *s,
                                      const char *e,
                                      guint      *start,
                                      guint      *end);

G_END_DECLS
