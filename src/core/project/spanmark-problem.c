/* spanmark-problem.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spanmark-problem.h"

G_DEFINE_BOXED_TYPE (SpanmarkProblem, spanmark_problem,
                     spanmark_problem_copy, spanmark_problem_free)

SpanmarkProblem *
spanmark_problem_new_full (SpanmarkProblemSeverity  severity,
                           const char              *file,
                           const char              *location,
                           const char              *message)
{
  SpanmarkProblem *self;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_new0 (SpanmarkProblem, 1);
  self->file = g_strdup (file);
  self->location = g_strdup (location);
  self->message = g_strdup (message);
  self->severity = severity;

  return self;
}

SpanmarkProblem *
spanmark_problem_new (const char *file,
                      const char *location,
                      const char *message)
{
  return spanmark_problem_new_full (SPANMARK_PROBLEM_ERROR, file, location, message);
}

SpanmarkProblem *
spanmark_problem_new_valist (SpanmarkProblemSeverity  severity,
                             const char              *file,
                             const char              *location,
                             const char              *format,
                             va_list                  args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  return spanmark_problem_new_full (severity, file, location, message);
}

SpanmarkProblem *
spanmark_problem_copy (const SpanmarkProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return spanmark_problem_new_full (self->severity, self->file, self->location, self->message);
}

void
spanmark_problem_free (SpanmarkProblem *self)
{
  if (self == NULL)
    return;

  g_free (self->file);
  g_free (self->location);
  g_free (self->message);
  g_free (self);
}

char *
spanmark_problem_to_string (const SpanmarkProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->severity != SPANMARK_PROBLEM_ERROR)
    {
      /* TRANSLATORS: a problem that does not make the project invalid:
       * "FILE: warning: MESSAGE" */
      if (self->location != NULL && self->location[0] != '\0')
        return g_strdup_printf (_("%s: warning: %s: %s"), self->file, self->location, self->message);
      return g_strdup_printf (_("%s: warning: %s"), self->file, self->message);
    }

  if (self->location != NULL && self->location[0] != '\0')
    return g_strdup_printf ("%s: %s: %s", self->file, self->location, self->message);

  return g_strdup_printf ("%s: %s", self->file, self->message);
}

char *
spanmark_problem_to_short_string (const SpanmarkProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->location != NULL && self->location[0] != '\0')
    return g_strdup_printf ("%s: %s", self->location, self->message);

  return g_strdup (self->message);
}
