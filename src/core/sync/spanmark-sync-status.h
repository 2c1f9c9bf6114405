/* spanmark-sync-status.h — the state of a project's clone, and what a sync did
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain structures handed from the worker thread to the caller (no
 * libgit2 object in them, so they may cross threads).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SPANMARK_SYNC_STATE_NOT_REPOSITORY,  /* the folder is not a git clone: "Share with a team…" */
  SPANMARK_SYNC_STATE_NO_REMOTE,       /* a repository without a remote named "origin" */
  SPANMARK_SYNC_STATE_READY,           /* a clone with a remote */
} SpanmarkSyncState;

typedef struct
{
  SpanmarkSyncState  state;
  /* The annotator's documents (and _curated's, for a reviewer) whose
   * file differs from what the remote had at the last fetch, committed
   * or not. */
  guint              n_unsynced;
  GDateTime         *last_sync;   /* the last sync that pushed; NULL: never */
  char              *remote_url;  /* NULL without a remote */
  char              *branch;
} SpanmarkSyncStatus;

typedef struct
{
  guint      n_committed;  /* own documents in this sync's commit */
  guint      n_done;       /* of those, marked done */
  /* Files the sync changed in the folder (others' work), relative to
   * the project, so a window reloads what it shows. */
  GPtrArray *changed;
  /* Copies of the other version kept beside the local one (relative
   * paths under conflicts/): a file both clones changed. */
  GPtrArray *conflicts;
  gboolean   index_merged; /* spanmark.json changed on both sides, merged as a union */
  gboolean   pushed;
  /* The team's progress after the sync: annotator (char*) → documents
   * they marked done (GUINT_TO_POINTER), every annotator with a folder;
   * out of @n_documents in the index. */
  GHashTable *done;
  guint       n_documents;
} SpanmarkSyncReport;

SpanmarkSyncStatus *spanmark_sync_status_new  (void);
void                spanmark_sync_status_free (SpanmarkSyncStatus *status);
SpanmarkSyncReport *spanmark_sync_report_new  (void);
void                spanmark_sync_report_free (SpanmarkSyncReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkSyncStatus, spanmark_sync_status_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkSyncReport, spanmark_sync_report_free)

G_END_DECLS
