/* spanmark-span-levels.c — how deep each span is drawn among the spans it overlaps
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-span-levels.h"

/* The start of the run @offset is in: no span crosses it. */
static guint
run_start (SpanmarkAnnotationSet *set,
           guint                  offset)
{
  while (offset > 0)
    {
      g_autoptr(GPtrArray) crossing = spanmark_annotation_set_get_spans_in_range (set, offset - 1, offset - 1);
      guint left = offset;

      for (guint i = 0; i < crossing->len; i++)
        {
          const SpanmarkSpan *span = g_ptr_array_index (crossing, i);

          if (span->end > offset)
            left = MIN (left, span->start);
        }
      if (left == offset)
        break;
      offset = left;
    }

  return offset;
}

/* The end of the run the character before @offset is in. */
static guint
run_end (SpanmarkAnnotationSet *set,
         guint                  offset)
{
  guint length = spanmark_annotation_set_get_length (set);

  while (offset > 0 && offset < length)
    {
      g_autoptr(GPtrArray) crossing = spanmark_annotation_set_get_spans_in_range (set, offset - 1, offset - 1);
      guint right = offset;

      for (guint i = 0; i < crossing->len; i++)
        right = MAX (right, ((const SpanmarkSpan *) g_ptr_array_index (crossing, i))->end);
      if (right == offset)
        break;
      offset = right;
    }

  return offset;
}

void
spanmark_span_levels_widen (SpanmarkAnnotationSet *set,
                            guint                 *start,
                            guint                 *end)
{
  g_return_if_fail (SPANMARK_IS_ANNOTATION_SET (set));
  g_return_if_fail (start != NULL && end != NULL && *start <= *end);

  *start = run_start (set, *start);
  *end = run_end (set, *end);
}

GPtrArray *
spanmark_span_levels_get (SpanmarkAnnotationSet *set,
                          guint                  start,
                          guint                  end,
                          guint                  max_level,
                          GArray                *levels)
{
  g_autofree guint *level_end = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  GPtrArray *shown = g_ptr_array_new ();
  guint from;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (set), shown);
  g_return_val_if_fail (levels != NULL, shown);

  if (start >= end)
    return shown;

  /* Levels are counted from the start of the run, where they start
   * again from nothing. */
  from = run_start (set, start);
  level_end = g_new0 (guint, max_level + 1);
  spans = spanmark_annotation_set_get_spans_in_range (set, from, end);
  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);
      guint level = 0;

      while (level < max_level && level_end[level] > span->start)
        level++;
      level_end[level] = MAX (level_end[level], span->end);

      if (span->end > start)
        {
          g_ptr_array_add (shown, (gpointer) span);
          g_array_append_val (levels, level);
        }
    }

  return shown;
}
