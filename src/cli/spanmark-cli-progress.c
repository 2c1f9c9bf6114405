/* spanmark-cli-progress.c — a progress line on a terminal
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A long export or import says how far it is, on one line of standard error that
 * "\r" rewrites.  Only on a terminal: a pipe or a log file would fill
 * with lines nobody reads, and scripts that read standard error would
 * see them.
 */

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"

/* Redrawn at most this often (µs): a terminal is slower than the export. */
#define REDRAW_INTERVAL (100 * 1000)

void
spanmark_cli_progress_init (SpanmarkCliProgress *self,
                            gboolean             quiet)
{
  *self = (SpanmarkCliProgress) { !quiet && isatty (STDERR_FILENO), 0, 0 };
}

gboolean
spanmark_cli_progress_due (SpanmarkCliProgress *self,
                           gboolean             always)
{
  gint64 now;

  if (!self->enabled)
    return FALSE;

  now = g_get_monotonic_time ();
  if (!always && now - self->last_redraw < REDRAW_INTERVAL)
    return FALSE;
  self->last_redraw = now;
  return TRUE;
}

void
spanmark_cli_progress_show (SpanmarkCliProgress *self,
                            const char          *line)
{
  guint width;

  if (!self->enabled)
    return;

  width = spanmark_cli_display_width (line);
  /* Spaces over what a longer line before left: no escape codes. */
  g_printerr ("\r%s%*s", line, (int) (self->width > width ? self->width - width : 0), "");
  self->width = width;
}

void
spanmark_cli_progress_update (SpanmarkCliProgress *self,
                              guint                n_done,
                              guint                n_total)
{
  g_autofree char *line = NULL;

  if (!spanmark_cli_progress_due (self, n_done == 0 || n_done == n_total))
    return;

  /* TRANSLATORS: the progress line of a long export: "Exporting: 1200 of 50000 documents (2%)" */
  line = g_strdup_printf (ngettext ("Exporting: %u of %u document (%u%%)",
                                    "Exporting: %u of %u documents (%u%%)", n_total),
                          n_done, n_total, n_total > 0 ? (guint) ((guint64) n_done * 100 / n_total) : 100);
  spanmark_cli_progress_show (self, line);
}

void
spanmark_cli_progress_clear (SpanmarkCliProgress *self)
{
  if (!self->enabled || self->width == 0)
    return;

  /* The messages that follow start on a clean line. */
  g_printerr ("\r%*s\r", (int) self->width, "");
  self->width = 0;
}
