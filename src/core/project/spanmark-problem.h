/* spanmark-problem.h — one problem found by validation
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdarg.h>

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SPANMARK_PROBLEM_ERROR,     /* the project is not valid */
  SPANMARK_PROBLEM_WARNING,   /* worth a look, but the project is valid */
  SPANMARK_PROBLEM_LEFTOVER,  /* a file left by an interrupted save or import; the project is
                               * valid, and spanmark_clean_project() removes it */
} SpanmarkProblemSeverity;

typedef struct
{
  char *file;      /* relative to the project folder, e.g. "annotations/alice/d1.json" */
  char *location;  /* "line 3, column 7", "spans[2] (id \"s3\")", "documents[4]"; may be NULL */
  char *message;   /* what is wrong, e.g. "end 90 is past the end of the text (88 characters)" */
  SpanmarkProblemSeverity severity;
} SpanmarkProblem;

#define SPANMARK_TYPE_PROBLEM (spanmark_problem_get_type ())

GType            spanmark_problem_get_type  (void) G_GNUC_CONST;
SpanmarkProblem *spanmark_problem_new       (const char            *file,
                                             const char            *location,
                                             const char            *message);
/* A problem of another severity than SPANMARK_PROBLEM_ERROR. */
SpanmarkProblem *spanmark_problem_new_full  (SpanmarkProblemSeverity  severity,
                                             const char              *file,
                                             const char              *location,
                                             const char              *message);
/* A problem whose message is @format printed with @args. */
SpanmarkProblem *spanmark_problem_new_valist (SpanmarkProblemSeverity  severity,
                                              const char              *file,
                                              const char              *location,
                                              const char              *format,
                                              va_list                  args) G_GNUC_PRINTF (4, 0);
SpanmarkProblem *spanmark_problem_copy      (const SpanmarkProblem *self);
void             spanmark_problem_free      (SpanmarkProblem       *self);
/* "file: location: message" (or "file: message"); "file: warning: …"
 * for anything but an error. */
char            *spanmark_problem_to_string (const SpanmarkProblem *self) G_GNUC_WARN_UNUSED_RESULT;
/* "location: message" (or "message"), for where the file is known. */
char            *spanmark_problem_to_short_string (const SpanmarkProblem *self) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkProblem, spanmark_problem_free)

G_END_DECLS
