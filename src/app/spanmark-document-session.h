/* spanmark-document-session.h — one open document: its annotations, saving, conflicts
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "spanmark-history.h"
#include "spanmark-project.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_DOCUMENT_SESSION (spanmark_document_session_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkDocumentSession, spanmark_document_session, SPANMARK, DOCUMENT_SESSION, GObject)

/* The work of one annotator on one open document, and how it reaches the
 * disk; the window shows it (GLib and GIO only, so it is tested without
 * a display).
 *
 * A change is written autosave-delay seconds after the last change, and
 * never later than autosave-max-delay seconds after the first unsaved
 * one, so steady tagging is saved as well as bursts.  Every save is a
 * checked one (SPANMARK_SAVE_IF_UNCHANGED): when the file changed on
 * disk (another annotator, a git pull) nothing is written and
 * "external-change" becomes TRUE until the annotator chooses (save over
 * it, save a copy, or reload).  A file monitor notices such changes
 * between saves too.  A save that fails otherwise (disk full) is tried
 * again every few seconds and on the next change.  An annotation file
 * that fails to load opens read-only and is never written.
 *
 * Properties (read-only unless said):
 *   "dirty" (gboolean)             changes not written yet
 *   "external-change" (gboolean)   the file on disk is not the version here
 *   "save-failing" (gboolean)      the last save failed (not a conflict): retrying
 *   "autosave-delay", "autosave-max-delay" (guint, seconds; read-write)
 * Signals:
 *   "edited" ()                    the annotator changed the set (not the
 *                                  status and time a save records)
 *   "autosave-failed" (GError *)   an autosave failed for another reason
 *                                  than a conflict; said once, not at
 *                                  every retry */

/* Loads @annotator's work on @document.  When the annotation file (or the
 * index entry) is unusable the session is read-only, its text shown
 * alone, and spanmark_document_session_get_load_error() says why; NULL,
 * with @error, only when the text itself cannot be read. */
SpanmarkDocumentSession *spanmark_document_session_new                 (SpanmarkProject          *project,
                                                                        SpanmarkDocument         *document,
                                                                        const char               *annotator,
                                                                        GError                  **error) G_GNUC_WARN_UNUSED_RESULT;
SpanmarkProject         *spanmark_document_session_get_project         (SpanmarkDocumentSession  *self);
SpanmarkDocument        *spanmark_document_session_get_document        (SpanmarkDocumentSession  *self);
SpanmarkAnnotationSet   *spanmark_document_session_get_annotation_set  (SpanmarkDocumentSession  *self);
/* annotations/<annotator>/<doc-id>.json */
GFile                   *spanmark_document_session_get_file            (SpanmarkDocumentSession  *self);
gboolean                 spanmark_document_session_get_read_only       (SpanmarkDocumentSession  *self);
/* Why the session is read-only; NULL when it is not. */
const GError            *spanmark_document_session_get_load_error      (SpanmarkDocumentSession  *self);
gboolean                 spanmark_document_session_get_dirty           (SpanmarkDocumentSession  *self);
gboolean                 spanmark_document_session_get_external_change (SpanmarkDocumentSession  *self);
gboolean                 spanmark_document_session_get_save_failing    (SpanmarkDocumentSession  *self);

/* Writes the annotations now, unless the file changed on disk
 * (SPANMARK_PROJECT_ERROR_CHANGED) or the session is read-only
 * (G_IO_ERROR_PERMISSION_DENIED).  A new document with spans is marked
 * in progress first. */
gboolean                 spanmark_document_session_save                (SpanmarkDocumentSession  *self,
                                                                        GError                  **error);
/* The way out of a conflict that keeps this version: write it over the
 * other. */
gboolean                 spanmark_document_session_keep_mine           (SpanmarkDocumentSession  *self,
                                                                        GError                  **error);
/* The way out that loses neither: this version goes to a new file under
 * conflicts/, which is returned; the annotation file is left as the
 * other wrote it (open a new session to show it). */
GFile                   *spanmark_document_session_save_copy           (SpanmarkDocumentSession  *self,
                                                                        GError                  **error) G_GNUC_WARN_UNUSED_RESULT;

/* For a document whose annotation file does not exist yet: fills the
 * new, empty set as if it had been loaded that way (review mode seeds the
 * curated version from what the annotators agree on).  @func runs on the
 * set, and what it does is no edit: nothing to save until the first real
 * change (so no file appears for a document only looked at), no undo
 * step.  Does nothing and returns FALSE when the file exists, the session
 * is read-only or it has changes already. */
typedef void (*SpanmarkDocumentSessionSeedFunc) (SpanmarkAnnotationSet *set,
                                                 gpointer               user_data);
gboolean                 spanmark_document_session_seed                (SpanmarkDocumentSession  *self,
                                                                        SpanmarkDocumentSessionSeedFunc func,
                                                                        gpointer                  user_data);

/* Tests: autosave reads this clock (microseconds, like
 * g_get_monotonic_time()) from now on and arms no real timer; setting a
 * time at or past the due time runs the pending autosave. */
void                     spanmark_document_session_set_test_clock      (SpanmarkDocumentSession  *self,
                                                                        gint64                    now);
/* When the pending autosave runs, on that clock; 0: none pending. */
gint64                   spanmark_document_session_get_autosave_due    (SpanmarkDocumentSession  *self);
/* The monitor on the annotation file (tests wait for its events); NULL
 * when the file cannot be watched. */
GFileMonitor            *spanmark_document_session_get_monitor         (SpanmarkDocumentSession  *self);

G_END_DECLS
