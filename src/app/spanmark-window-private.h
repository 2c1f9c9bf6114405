/* spanmark-window-private.h — what the window's source files share
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-consistency-panel.h"
#include "spanmark-review-panel.h"
#include "spanmark-registry.h"
#include "spanmark-suggester.h"
#include "spanmark-title-suggestion.h"
#include "spanmark-search-bar.h"
#include "spanmark-sync.h"
#include "spanmark-team-progress.h"
#include "spanmark-window.h"

/* From how many documents the pass over the corpus takes long enough to
 * matter: the list's statuses come from it instead of the list's own
 * reading in idle chunks (a thousand statuses read in a few tens of
 * milliseconds), and the open document's suggestions do not wait for it. */
#define PASS_STATUSES_MIN_DOCUMENTS 1000

G_BEGIN_DECLS

/* What the pass over the corpus is given (spanmark-window-assist.c). */
typedef struct _SpanmarkCorpusTask CorpusTask;

struct _SpanmarkWindow
{
  AdwApplicationWindow   parent_instance;

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  AdwWindowTitle        *window_title;
  GtkLabel              *save_state_label;
  GtkStack              *main_stack;
  GtkListBox            *recent_list;
  GtkLabel              *recent_heading;
  SpanmarkDocumentList  *document_list;
  GtkInfoBar            *read_only_bar;
  GtkLabel              *read_only_label;
  GtkInfoBar            *changed_bar;
  GtkLabel              *changed_label;
  GtkButton             *reload_button;
  GtkButton             *keep_mine_button;
  GtkButton             *save_copy_button;
  SpanmarkSearchBar     *search_bar;
  GtkStack              *document_stack;
  AdwStatusPage         *status_page;
  AdwStatusPage         *no_document_status;
  SpanmarkDocumentView  *document_view;
  GtkStackSwitcher      *panel_switcher;
  GtkStack              *panel_stack;
  SpanmarkReviewPanel   *review_panel;
  GtkButton             *sync_button;
  GtkLabel              *sync_state_label;
  GtkLabel              *suggestion_count_label;
  SpanmarkConsistencyPanel *consistency_panel;

  /* Owned references */
  SpanmarkProject       *project;
  SpanmarkDocumentSession *session;      /* the open document; NULL: none */
  SpanmarkDocument      *document;       /* the session's, borrowed */
  SpanmarkAnnotationSet *set;            /* the session's, borrowed */
  SpanmarkStatusCache   *statuses;       /* of the project, for the annotator */
  GPtrArray             *panels;         /* SpanmarkLabelPanel, borrowed from panel_stack */
  AdwToast              *undo_toast;     /* "Span removed / Undo" while it is shown */
  GPtrArray             *toasts;         /* AdwToast shown or waiting */
  gint64                 toast_head_since; /* when the first of toasts came on screen */
  AdwToast              *leaving_toast;  /* dismissed, going once it has been up long enough */
  guint                  leaving_toast_id;
  char                  *annotator;
  /* "Could Not Save" while it is shown (a weak pointer): a retry that
   * saves closes it. */
  GtkWidget             *save_error_dialog;

  /* Review mode (spanmark-window-review.c) */
  gboolean               review_mode;
  SpanmarkStatusCache   *curated_statuses; /* of the project, for "_curated" */
  SpanmarkCuration      *curation;         /* the open document's; NULL: none */
  guint                  document_annotators; /* annotators with a file for the open document */
  GCancellable          *ranking_cancellable; /* the documents' figures being read */

  /* Team sync (spanmark-window-sync.c) */
  SpanmarkSync          *sync;             /* of the project; NULL: none */
  SpanmarkSyncStatus    *sync_status;      /* the last one read; NULL: not yet */
  char                  *sync_conflict;    /* the other version of the open document, shown in the banner */
  gboolean               sync_busy;
  gboolean               sync_offline;     /* the last sync could not reach the remote */
  guint                  sync_pending;     /* worker operations not finished */
  guint                  sync_auto_id;
  guint                  sync_tick_id;
  guint                  sync_refresh_id;
  /* Assisted annotation (spanmark-window-assist.c) */
  SpanmarkSuggester     *suggester;        /* the project's corpus and dictionaries; NULL: none */
  GCancellable          *corpus_cancellable; /* the corpus being read off the main thread (the pass) */
  gboolean               pass_holds_sync;  /* the pass brings the team's progress, counted in sync_pending */
  CorpusTask            *pass_data;        /* the pass not started yet */
  guint                  pass_start_id;
  guint                  pass_timeout_id;
  GdkFrameClock         *pass_clock;       /* whose first frame the pass waits for */
  gulong                 pass_paint_id;
  gulong                 pass_realize_id;  /* the window's, until it has a frame clock */
  GPtrArray             *left_sets;        /* SpanmarkAnnotationSet left while it was read */
  SpanmarkAnnotationSet *pass_skipped_set; /* open when the pass started: not read again by it */
  GPtrArray             *suggestions;      /* the open document's; NULL: to compute */
  GArray                *assist_items;     /* SpanmarkAssistMark: suggestions and spans to review */
  guint                  suggestions_generation;
  guint                  n_to_review;
  gboolean               assist_following; /* the suggester follows the open set */
  guint                  assist_idle_id;
  SpanmarkTitleSuggestion *title;          /* offered for the span title_span_id */
  char                  *title_span_id;

  /* Corpus-wide entities (spanmark-window-entities.c) */
  SpanmarkRegistry      *registry;         /* NULL until read off the main thread */
  GCancellable          *registry_cancellable;
  gboolean               registry_from_pass; /* the pass at open brings it */
  /* The last merge, for undo: its files before and after, the registry
   * that made it, the document open then. */
  GHashTable            *merge_before;
  GHashTable            *merge_after;
  SpanmarkRegistry      *merge_registry;
  SpanmarkDocument      *merge_document;

  guint                  annotator_idle_id;
  /* The test clock's time, for the sessions, once tests drive it. */
  gint64                 test_now;
  gboolean               use_test_clock;
  gboolean               close_anyway;  /* the annotator chose to close without saving */
};

/* spanmark-window.c */
AdwToast *spanmark_window_new_toast          (const char       *text);
void     spanmark_window_toast               (SpanmarkWindow   *self,
                                              const char       *title);
/* Every toast of the window goes through here (takes @toast). */
AdwToast *spanmark_window_add_toast          (SpanmarkWindow   *self,
                                              AdwToast         *toast);
/* Saves the current work, then opens @document; FALSE (the current
 * document still open, the reason shown) when the work could not be
 * saved, or when @document failed to open. */
gboolean spanmark_window_open_document       (SpanmarkWindow   *self,
                                              SpanmarkDocument *document);
void     spanmark_window_reload              (SpanmarkWindow   *self);
void     spanmark_window_set_status          (SpanmarkWindow   *self,
                                              SpanmarkStatus    status);
void     spanmark_window_forget_recent       (SpanmarkWindow   *self,
                                              const char       *path);
void     spanmark_window_dismiss_undo_toast  (SpanmarkWindow   *self);
AdwToast *spanmark_window_show_toast_now     (SpanmarkWindow   *self,
                                              const char       *text,
                                              const char       *button_label,
                                              const char       *action_name);
/* After a save the annotator asked for failed: a toast for a conflict
 * (the banner has the choices), a dialog for anything else. */
void     spanmark_window_report_save_error   (SpanmarkWindow   *self,
                                              const GError     *error);

/* The statuses the list shows and the open document follows: the
 * annotator's, or the curated version's in review mode. */
SpanmarkStatusCache *spanmark_window_get_statuses (SpanmarkWindow *self);
/* After review mode changed: the title and "review-mode" follow. */
void     spanmark_window_notify_review_mode  (SpanmarkWindow   *self);
/* Saves the open document's work before it is left; FALSE (the reason
 * shown) when that failed. */
gboolean spanmark_window_save_before_leaving (SpanmarkWindow  *self);
/* Opens @document as the annotator of the mode (the work was saved). */
void     spanmark_window_open_document_now   (SpanmarkWindow   *self,
                                              SpanmarkDocument *document);
/* spanmark-window-review.c */
void     spanmark_window_class_init_review   (GtkWidgetClass   *widget_class);
/* The annotator whose file a document opens: "_curated" in review mode. */
const char *spanmark_window_review_get_annotator (SpanmarkWindow *self);
/* After the session of the open document is made, before it is shown:
 * in review mode, the other annotators' sets and the curation, the
 * curated set seeded when it has no file yet. */
void     spanmark_window_review_load         (SpanmarkWindow   *self);
/* Once the document is shown: the lanes, the panel, the figures. */
void     spanmark_window_review_show         (SpanmarkWindow   *self);
void     spanmark_window_review_close        (SpanmarkWindow   *self);
/* A new project: review mode off, the curated statuses of it. */
void     spanmark_window_review_reset        (SpanmarkWindow   *self);
void     spanmark_window_review_update_actions (SpanmarkWindow *self);
/* The side panel's Review page: shown, and in front, in review mode only. */
void     spanmark_window_review_show_page    (SpanmarkWindow   *self);
/* The window goes: the figures being read are not waited for. */
void     spanmark_window_review_dispose      (SpanmarkWindow   *self);
/* Review mode's keys; TRUE if handled. */
gboolean spanmark_window_review_key_pressed  (SpanmarkWindow   *self,
                                              guint             keyval,
                                              guint             keycode,
                                              GdkModifierType   mods);
/* Marks the curated version reviewed, saves, opens the next document to
 * review (Ctrl+Return in review mode). */
void     spanmark_window_review_mark_reviewed (SpanmarkWindow  *self);

/* spanmark-window-sync.c */
void     spanmark_window_class_init_sync     (GtkWidgetClass   *widget_class);
void     spanmark_window_sync_init           (SpanmarkWindow   *self);
/* A project was opened (or closed): its sync, its state. */
void     spanmark_window_sync_project_opened (SpanmarkWindow   *self);
void     spanmark_window_sync_update_actions (SpanmarkWindow   *self);
/* The open document was saved: the unsynced count is read again. */
void     spanmark_window_sync_saved          (SpanmarkWindow   *self);
/* Whether the banner shows a sync's conflict (not a file changed on
 * disk), and hiding it (the document is left). */
gboolean spanmark_window_sync_has_conflict   (SpanmarkWindow   *self);
void     spanmark_window_sync_clear_conflict (SpanmarkWindow   *self);
void     spanmark_window_sync_dispose        (SpanmarkWindow   *self);
/* The team's progress read (by a sync's refresh or the pass at open):
 * the document list and review mode's annotator rows show it. */
void     spanmark_window_sync_take_team      (SpanmarkWindow       *self,
                                              SpanmarkTeamProgress *team);
/* spanmark-window-assist.c */
void     spanmark_window_class_init_assist   (GtkWidgetClass   *widget_class);
/* A new project (or none): its corpus is read off the main thread, once
 * (SpanmarkCorpusPass): the suggester's corpus, the registry's counts
 * (spanmark_window_entities_expect_pass()), the statuses of the caches
 * that expect them, the team's progress. */
void     spanmark_window_assist_set_project  (SpanmarkWindow   *self);
/* Once a document is open (and shown), and before it is closed. */
void     spanmark_window_assist_open         (SpanmarkWindow   *self);
void     spanmark_window_assist_close        (SpanmarkWindow   *self);
void     spanmark_window_assist_dispose      (SpanmarkWindow   *self);
void     spanmark_window_assist_update_actions (SpanmarkWindow *self);
/* The assist keys (Return, Backspace, x, n, N, t, Alt+digit); TRUE if
 * handled.  Called after the label keys. */
gboolean spanmark_window_assist_key_pressed  (SpanmarkWindow   *self,
                                              guint             keyval,
                                              GdkModifierType   mods);
/* The label key @label on a suggestion: accepts it as @label when the
 * selection is empty or exactly the suggestion, and it proposes @label;
 * TRUE if it did. */
gboolean spanmark_window_assist_tag          (SpanmarkWindow   *self,
                                              const char       *label);
/* After the annotator tagged the span @span_id: offers its title. */
void     spanmark_window_assist_offer_title  (SpanmarkWindow   *self,
                                              const char       *span_id);

/* spanmark-window-entities.c */
void     spanmark_window_class_init_entities (GtkWidgetClass   *widget_class);
/* A new project or annotator (or none): the registry and its counts are
 * read off the main thread; the panels get it when it is read. */
void     spanmark_window_entities_set_project (SpanmarkWindow  *self);
/* At open: the registry and its counts come with the pass over the
 * corpus (spanmark_window_entities_pass_done(), which takes @registry;
 * NULL and @error when it did not load).  TRUE when the window took
 * @registry (not when another was read since). */
void     spanmark_window_entities_expect_pass (SpanmarkWindow  *self);
gboolean spanmark_window_entities_pass_done  (SpanmarkWindow   *self,
                                              SpanmarkRegistry *registry,
                                              const GError     *error);
void     spanmark_window_entities_dispose    (SpanmarkWindow   *self);
/* Ctrl+Z right after a merge (nothing done in the document since):
 * puts back the files the merge changed; TRUE if it did. */
gboolean spanmark_window_entities_can_undo   (SpanmarkWindow   *self);
/* The registry's names and aliases into the suggester (once both are
 * there, whichever came first). */
void     spanmark_window_entities_feed_suggester (SpanmarkWindow *self);
/* Return on a span with a proposed registry entity accepts it; TRUE if
 * handled.  Called after the assist keys. */
gboolean spanmark_window_entities_key_pressed (SpanmarkWindow  *self,
                                              guint            keyval,
                                              GdkModifierType  mods);
gboolean spanmark_window_entities_undo       (SpanmarkWindow   *self);

/* spanmark-window-actions.c */
void     spanmark_window_class_init_actions  (GtkWidgetClass   *widget_class);
void     spanmark_window_init_actions        (SpanmarkWindow   *self);
void     spanmark_window_update_actions      (SpanmarkWindow   *self);

G_END_DECLS
