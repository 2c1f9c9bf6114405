/* spanmark-checker.h — the problems found while reading a project's files
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The readers never stop at the first problem: they note each one (file,
 * place, what is wrong) and go on, so that validation can list everything
 * at once while loading reports the first.
 */

#pragma once

#include <glib.h>

#include "spanmark-json-syntax.h"
#include "spanmark-problem.h"

G_BEGIN_DECLS

/* Problems collected while reading, each with the SpanmarkProjectError
 * code a GError about it would carry. */
typedef struct
{
  GPtrArray *problems;  /* of SpanmarkProblem */
  GArray    *codes;     /* of int, parallel to @problems */
} SpanmarkChecker;

void       spanmark_checker_init           (SpanmarkChecker *self);
void       spanmark_checker_clear          (SpanmarkChecker *self);
void       spanmark_checker_add            (SpanmarkChecker *self,
                                            int              code,
                                            const char      *file,
                                            const char      *location,
                                            const char      *format,
                                            ...) G_GNUC_PRINTF (5, 6);
guint      spanmark_checker_get_n_problems (SpanmarkChecker *self);
/* Moves the problems out (the checker stays usable, empty). */
GPtrArray *spanmark_checker_steal_problems (SpanmarkChecker *self);
/* TRUE if there is no problem; otherwise sets @error from the first
 * problem (with a count of the others).  Messages name spanmark.json by
 * @index_path (its full path) when not NULL. */
gboolean   spanmark_checker_check          (SpanmarkChecker *self,
                                            const char      *index_path,
                                            GError         **error);
/* A failed syntax check as a problem of @file at "line N, column C". */
void       spanmark_checker_add_syntax     (SpanmarkChecker          *self,
                                            const char               *file,
                                            const SpanmarkJsonSyntax *syntax);

G_END_DECLS
