/* spanmark-sync-status.c — the state of a project's clone, and what a sync did
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-sync-status.h"

SpanmarkSyncStatus *
spanmark_sync_status_new (void)
{
  return g_new0 (SpanmarkSyncStatus, 1);
}

void
spanmark_sync_status_free (SpanmarkSyncStatus *status)
{
  if (status == NULL)
    return;

  g_clear_pointer (&status->last_sync, g_date_time_unref);
  g_free (status->remote_url);
  g_free (status->branch);
  g_free (status);
}

SpanmarkSyncReport *
spanmark_sync_report_new (void)
{
  SpanmarkSyncReport *report = g_new0 (SpanmarkSyncReport, 1);

  report->changed = g_ptr_array_new_with_free_func (g_free);
  report->conflicts = g_ptr_array_new_with_free_func (g_free);
  report->done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return report;
}

void
spanmark_sync_report_free (SpanmarkSyncReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->changed);
  g_ptr_array_unref (report->conflicts);
  g_hash_table_unref (report->done);
  g_free (report);
}
