/* spanmark-checker.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spanmark-checker.h"
#include "spanmark-project-error.h"

void
spanmark_checker_init (SpanmarkChecker *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_problem_free);
  self->codes = g_array_new (FALSE, FALSE, sizeof (int));
}

void
spanmark_checker_clear (SpanmarkChecker *self)
{
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->codes, g_array_unref);
}

void
spanmark_checker_add (SpanmarkChecker *self,
                      int              code,
                      const char      *file,
                      const char      *location,
                      const char      *format,
                      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->problems, spanmark_problem_new_valist (SPANMARK_PROBLEM_ERROR, file, location, format, args));
  va_end (args);
  g_array_append_val (self->codes, code);
}

guint
spanmark_checker_get_n_problems (SpanmarkChecker *self)
{
  return self->problems->len;
}

GPtrArray *
spanmark_checker_steal_problems (SpanmarkChecker *self)
{
  GPtrArray *problems = g_steal_pointer (&self->problems);

  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_problem_free);
  g_array_set_size (self->codes, 0);

  return problems;
}

gboolean
spanmark_checker_check (SpanmarkChecker *self,
                        const char      *index_path,
                        GError         **error)
{
  const SpanmarkProblem *first;
  g_autoptr(SpanmarkProblem) shown = NULL;
  g_autofree char *message = NULL;
  guint others;

  if (self->problems->len == 0)
    return TRUE;

  first = g_ptr_array_index (self->problems, 0);
  shown = spanmark_problem_new (index_path != NULL && g_str_equal (first->file, "spanmark.json")
                                ? index_path : first->file,
                                first->location, first->message);
  message = spanmark_problem_to_string (shown);
  others = self->problems->len - 1;

  if (others == 0)
    g_set_error_literal (error, SPANMARK_PROJECT_ERROR,
                         g_array_index (self->codes, int, 0), message);
  else
    g_set_error (error, SPANMARK_PROJECT_ERROR,
                 g_array_index (self->codes, int, 0),
                 ngettext ("%s (and %u more problem)",
                           "%s (and %u more problems)", others),
                 message, others);

  return FALSE;
}

void
spanmark_checker_add_syntax (SpanmarkChecker          *self,
                             const char               *file,
                             const SpanmarkJsonSyntax *syntax)
{
  g_autofree char *location = NULL;

  if (syntax->line > 0)
    location = g_strdup_printf (_("line %u, column %u"), syntax->line, syntax->column);
  spanmark_checker_add (self, SPANMARK_PROJECT_ERROR_PARSE, file, location, "%s", syntax->message);
}
