/* spanmark-window-private.h — what the window's source files share
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

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
  GtkDropDown           *filter_dropdown;
  GtkLabel              *progress_label;
  GtkListView           *document_list;
  GtkInfoBar            *read_only_bar;
  GtkLabel              *read_only_label;
  GtkInfoBar            *changed_bar;
  GtkLabel              *changed_label;
  GtkSearchBar          *search_bar;
  GtkSearchEntry        *search_entry;
  GtkStack              *document_stack;
  SpanmarkDocumentView  *document_view;
  GtkStack              *panel_stack;

  /* Owned references */
  SpanmarkProject       *project;
  SpanmarkDocument      *document;
  SpanmarkAnnotationSet *set;
  GtkFilterListModel    *filter_model;
  GtkSingleSelection    *selection;
  GtkCustomFilter       *status_filter;
  GHashTable            *statuses;       /* doc id -> SpanmarkStatus + 1 */
  GPtrArray             *panels;         /* SpanmarkLabelPanel, borrowed from panel_stack */
  GPtrArray             *rows;           /* row widgets of the list, borrowed */
  GtkEventController    *key_controller; /* owned by the window */
  GFileMonitor          *monitor;
  GFile                 *annotation_file; /* of the current document */
  GBytes                *disk_contents;  /* what we last read or wrote; NULL: no file */
  AdwToast              *undo_toast;     /* "Span removed / Undo" while it is shown */
  char                  *annotator;

  guint                  autosave_id;
  guint                  status_idle_id;
  guint                  status_idle_pos;
  gboolean               read_only;
  gboolean               dirty;
  gboolean               saving;
};

/* spanmark-window.c */
AdwToast *spanmark_window_new_toast          (const char       *text);
void     spanmark_window_toast               (SpanmarkWindow   *self,
                                              const char       *title);
void     spanmark_window_open_document       (SpanmarkWindow   *self,
                                              SpanmarkDocument *document);
void     spanmark_window_reload              (SpanmarkWindow   *self);
void     spanmark_window_set_status          (SpanmarkWindow   *self,
                                              SpanmarkStatus    status);
SpanmarkStatus spanmark_window_get_status_of (SpanmarkWindow   *self,
                                              SpanmarkDocument *document);
void     spanmark_window_forget_recent       (SpanmarkWindow   *self,
                                              const char       *path);
void     spanmark_window_dismiss_undo_toast  (SpanmarkWindow   *self);

/* spanmark-window-actions.c */
void     spanmark_window_class_init_actions  (GtkWidgetClass   *widget_class);
void     spanmark_window_init_actions        (SpanmarkWindow   *self);
void     spanmark_window_update_actions      (SpanmarkWindow   *self);

G_END_DECLS
