/* spanmark-window-private.h — what the window's source files share
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-search-bar.h"
#include "spanmark-window.h"

G_BEGIN_DECLS

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
  SpanmarkDocumentView  *document_view;
  GtkStack              *panel_stack;

  /* Owned references */
  SpanmarkProject       *project;
  SpanmarkDocumentSession *session;      /* the open document; NULL: none */
  SpanmarkDocument      *document;       /* the session's, borrowed */
  SpanmarkAnnotationSet *set;            /* the session's, borrowed */
  SpanmarkStatusCache   *statuses;       /* of the project, for the annotator */
  GPtrArray             *panels;         /* SpanmarkLabelPanel, borrowed from panel_stack */
  AdwToast              *undo_toast;     /* "Span removed / Undo" while it is shown */
  GPtrArray             *toasts;         /* AdwToast shown or waiting */
  char                  *annotator;

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
void     spanmark_window_add_toast           (SpanmarkWindow   *self,
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
/* After a save the annotator asked for failed: a toast for a conflict
 * (the banner has the choices), a dialog for anything else. */
void     spanmark_window_report_save_error   (SpanmarkWindow   *self,
                                              const GError     *error);

/* spanmark-window-actions.c */
void     spanmark_window_class_init_actions  (GtkWidgetClass   *widget_class);
void     spanmark_window_init_actions        (SpanmarkWindow   *self);
void     spanmark_window_update_actions      (SpanmarkWindow   *self);

G_END_DECLS
