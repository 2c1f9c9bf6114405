/* spanmark-window.h — the annotation window
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spanmark-document-list.h"
#include "spanmark-document-session.h"
#include "spanmark-document-view.h"
#include "spanmark-label-panel.h"
#include "spanmark-project.h"
#include "spanmark-title-suggestion.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_WINDOW (spanmark_window_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkWindow, spanmark_window, SPANMARK, WINDOW, AdwApplicationWindow)

/* Window actions (tests drive the window through them):
 *   win.tag (s: label name)        tag the selection (white space trimmed);
 *                                  on exactly a span of another label, relabel it
 *   win.tag-all (s: label name)    tag every occurrence of the selected text
 *   win.delete-span                remove the innermost span at the caret
 *   win.move-span-start / win.move-span-end (i: -1 or 1)
 *                                  move that span's start / end by a character
 *   win.next-span / win.prev-span  select the next / previous span
 *   win.undo / win.redo
 *   win.search                     show the search bar
 *   win.search-next                select the next match of the search text
 *   win.done-next                  mark done, save, open the next unfinished
 *   win.reopen-document (s: id, "" for the open one)
 *                                  a done document back to in progress
 *   win.save / win.reload / win.export
 *   win.keep-mine / win.save-copy  settle a conflict (the file changed on disk)
 *   win.open-project / win.new-project
 *   win.open-recent (s: path)      open that project folder
 *   win.open-document (s: id)
 *   win.select-range ((uu))        select start..end (code points)
 *   win.open-folder (s: uri)       show a folder in the file manager
 *   win.sync                       team sync (Ctrl+Shift+S); for a project
 *                                  not shared yet, the "Share with a Team"
 *                                  dialog (docs/sync.md)
 *   win.share / win.share-to (s: remote URL)
 *                                  share the project: the dialog, or at once
 *   win.clone / win.clone-from (s: remote URL)
 *                                  open a team's project from its remote:
 *                                  the dialog, or at once (cloned under
 *                                  $XDG_DATA_HOME/spanmark/projects/)
 *
 *   win.reopen-document is Ctrl+Shift+T (Ctrl+Shift+Return accepts
 *   every suggestion).
 *
 * Assisted annotation (docs/assist.md; not in review mode).  The open
 * document's suggestions and its spans to review (added by spanmark-cli
 * pretag) are its "items"; each action below is one undo step, and the
 * caret then goes to the next item, so each mention costs one key:
 *   win.accept-suggestion          the item at the caret (Return): the
 *                                  suggestion becomes a span, a span to
 *                                  review becomes the annotator's; on
 *                                  none, the caret goes to the next item
 *   win.reject-suggestion          the item at the caret (Backspace, x):
 *                                  recorded as rejected in the annotator's
 *                                  file, never suggested again (a span to
 *                                  review is removed)
 *   win.next-suggestion / win.prev-suggestion   (n, Shift+N)
 *   win.accept-same-suggestions    every item with the text of the one at
 *                                  the caret (Shift+Return)
 *   win.accept-all-suggestions     every item of the document but ties
 *                                  (Ctrl+Shift+Return)
 *   win.accept-title               set the title offered for the span just
 *                                  tagged or accepted as its entity's
 *                                  "title" (t)
 * A label key on a suggestion accepts it as that label (a tie, one key);
 * Alt+label key is win.tag-all with that label.
 *
 * Review mode (spanmark_window_set_review_mode(), docs/review.md): the
 * open document shows every annotator's spans as lanes below the text and
 * opens its curated version ("_curated") as the layer to edit; the
 * editing actions above act on it.  Its actions:
 *   win.review-mode                toggles it (the "review-mode" property;
 *                                  enabled when the document has two or
 *                                  more annotators, or to leave)
 *   win.review-accept-annotator (u: annotator index)
 *                                  the unit at the cursor as that
 *                                  annotator has it (the others rejected)
 *   win.review-accept-agreed       the unit as the majority has it
 *   win.review-reject              reject every version of the unit
 *   win.review-accept-all-agreed   every span a majority agrees on, one step
 *   win.review-take-annotator (u)  every span of that annotator, one step
 *   win.review-next-open / win.review-prev-open
 *   win.review-next-disagreement / win.review-prev-disagreement
 *                                  select the next / previous such unit
 *   win.mark-reviewed              mark reviewed, save, open the next one
 *                                  to review (win.reopen-document reopens)
 *
 * Properties (read-only, notified): "project", "document" (the open one,
 * or NULL), "read-only", "dirty" and "external-change" (see the getters
 * below); "review-mode" (read-write).
 *
 * Widgets found by name (gtk_widget_get_name(); for tests and themes):
 *   "save-state"           the header's "Saved" / "Unsaved changes" /
 *                          "Not saved" / "Read-only"
 *   "read-only-banner", "read-only-message"
 *                          shown when the annotation file failed to load
 *   "changed-banner", "changed-message"
 *                          shown when the file changed on disk; its
 *                          buttons activate win.reload, win.keep-mine and
 *                          win.save-copy
 *   "search-bar", "search-entry", "search-count"
 *                          the search bar, its entry, and "2 of 5"
 *   "recent-projects"      the start page's list of recent projects
 *   "review-toggle"        the header's review mode button
 *   "review-panel"         review mode's side panel (SpanmarkReviewPanel)
 *   "sync-button", "sync-state"
 *                          the header's Sync button and its state: "3
 *                          unsynced documents", "Synced 2 minutes ago",
 *                          "Offline", "Not shared"…
 *   "share-dialog", "clone-dialog", "sync-url"
 *                          the sharing and cloning dialogs, their URL row
 *   "suggestion-count"     the header's "12 suggested · 3 to review"
 *   "consistency-panel"    the side panel's Check page
 *                          (SpanmarkConsistencyPanel)
 * The keyboard handler is the event controller named "spanmark-keys".
 *
 * @application may be NULL (tests). */
SpanmarkWindow        *spanmark_window_new                   (GtkApplication   *application);
/* Opens the project folder @dir; on failure the window is unchanged. */
gboolean               spanmark_window_open_project          (SpanmarkWindow   *self,
                                                              GFile            *dir,
                                                              GError          **error);
/* Creates a project in @dir (which may exist if empty) from @files (.txt
 * files, or folders whose .txt files are imported) and opens it.  Files
 * that cannot be imported are listed in a dialog; the others make the
 * project. */
gboolean               spanmark_window_create_project        (SpanmarkWindow   *self,
                                                              GFile            *dir,
                                                              GListModel       *files,
                                                              GError          **error);
SpanmarkProject       *spanmark_window_get_project           (SpanmarkWindow   *self);
SpanmarkDocument      *spanmark_window_get_document          (SpanmarkWindow   *self);
SpanmarkAnnotationSet *spanmark_window_get_annotation_set    (SpanmarkWindow   *self);
SpanmarkDocumentView  *spanmark_window_get_document_view     (SpanmarkWindow   *self);
SpanmarkDocumentList  *spanmark_window_get_document_list     (SpanmarkWindow   *self);
/* The open document's session (its saving, autosave and conflicts);
 * NULL when no document is open. */
SpanmarkDocumentSession *spanmark_window_get_session         (SpanmarkWindow   *self);
/* The side panel of the label called @label; NULL when there is none. */
SpanmarkLabelPanel    *spanmark_window_get_label_panel       (SpanmarkWindow   *self,
                                                              const char       *label);
/* Review mode.  Turning it on or off saves the open document's work
 * first and reopens the document as the curated version (or as the
 * annotator's); FALSE (the mode unchanged) when that work could not be
 * saved or there is no document with two annotators to review. */
gboolean               spanmark_window_set_review_mode       (SpanmarkWindow   *self,
                                                              gboolean          review_mode);
gboolean               spanmark_window_get_review_mode       (SpanmarkWindow   *self);
/* In review mode, the open document's curation (its annotators in lane
 * order and the curated set); NULL otherwise. */
SpanmarkCuration      *spanmark_window_get_curation          (SpanmarkWindow   *self);
/* The documents' figures (for the list's order) are read off the main
 * thread when review mode starts; TRUE while they are. */
gboolean               spanmark_window_get_ranking_pending   (SpanmarkWindow   *self);

/* The open document's suggestions as they are now (of
 * SpanmarkSuggestion, text order; NULL when there is no document or
 * assistance is off: review mode, read-only), and how many of its spans
 * are still to review. */
GPtrArray             *spanmark_window_get_suggestions       (SpanmarkWindow   *self);
guint                  spanmark_window_get_n_to_review       (SpanmarkWindow   *self);
/* TRUE while the project's corpus and dictionaries are read (off the
 * main thread); until then only the open document counts. */
gboolean               spanmark_window_get_corpus_pending    (SpanmarkWindow   *self);
/* The title offered for the span last tagged or accepted, or NULL. */
const SpanmarkTitleSuggestion *spanmark_window_get_title_suggestion (SpanmarkWindow *self);

/* Dismisses every toast shown or waiting to be. */
void                   spanmark_window_clear_toasts          (SpanmarkWindow   *self);
/* Whether a toast saying @title is shown or waiting to be. */
gboolean               spanmark_window_has_toast             (SpanmarkWindow   *self,
                                                              const char       *title);
/* TRUE when the current document's annotation file failed to load. */
gboolean               spanmark_window_get_read_only         (SpanmarkWindow   *self);
/* TRUE when there are changes not written yet. */
gboolean               spanmark_window_get_dirty             (SpanmarkWindow   *self);
/* TRUE when the "file changed on disk" banner is shown. */
gboolean               spanmark_window_get_external_change   (SpanmarkWindow   *self);
/* Writes the current annotations now; FALSE (with @error) when read-only
 * or the write failed.  Refuses with SPANMARK_PROJECT_ERROR_CHANGED (and
 * shows the banner) when the file changed on disk since it was opened. */
gboolean               spanmark_window_save                  (SpanmarkWindow   *self,
                                                              GError          **error);
/* The ways out of that conflict (win.keep-mine, win.save-copy; win.reload
 * discards): write this version over the other, or write it to a copy
 * under conflicts/ and show the other. */
gboolean               spanmark_window_keep_mine             (SpanmarkWindow   *self,
                                                              GError          **error);
gboolean               spanmark_window_save_copy             (SpanmarkWindow   *self,
                                                              GError          **error);
/* Tests: the autosave of every document opened in the window reads this
 * clock (microseconds, like g_get_monotonic_time()) from now on and arms
 * no real timer; setting a time at or past the due time runs the pending
 * autosave (see spanmark_document_session_set_test_clock()). */
void                   spanmark_window_set_test_clock        (SpanmarkWindow   *self,
                                                              gint64            now);
/* When the pending autosave runs, on that clock; 0: none pending. */
gint64                 spanmark_window_get_autosave_due      (SpanmarkWindow   *self);
/* Team sync: whether a sync runs, whether the last one found the remote
 * unreachable, and how many sync operations (status reads included) have
 * not finished yet (tests wait for 0). */
gboolean               spanmark_window_get_sync_busy         (SpanmarkWindow   *self);
gboolean               spanmark_window_get_sync_offline      (SpanmarkWindow   *self);
guint                  spanmark_window_get_sync_pending      (SpanmarkWindow   *self);
/* A modal message dialog over the window: @heading, then @error's
 * message as plain text. */
void                   spanmark_window_show_error            (SpanmarkWindow   *self,
                                                              const char       *heading,
                                                              const GError     *error);

/* The project's entity registry with the annotator's mention counts
 * (read off the main thread), or NULL until it is read.  The window's
 * corpus-wide actions: "win.find-entity" (Ctrl+K: the search of the
 * label panel in front), "win.focus-text" and "win.open-mention" (ss)
 * (document id, registry id: opens the document with the entity's first
 * mention selected). */
SpanmarkRegistry      *spanmark_window_get_registry          (SpanmarkWindow   *self);

G_END_DECLS
