/* app-test-util.h — helpers the widget tests share
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spanmark-test-util.h"
#include "spanmark-window.h"

G_BEGIN_DECLS

/* gtk_test_init() and adw_init() with the test accessibility context
 * (it records accessible properties for tests to check and needs no
 * session bus), and the app's resources registered. */
void       spanmark_test_init            (int        *argc,
                                          char     ***argv);

/* Code-point offset of the @nth (from 0) occurrence of @needle in @text;
 * fails the test when there are fewer. */
guint      spanmark_test_offset_of       (const char *text,
                                          const char *needle,
                                          guint       nth);

/* The first descendant of @root, depth first, named @name (the .ui's
 * "name" property), of @type, or activating @action (a GtkActionable);
 * each fails the test when there is none. */
GtkWidget *spanmark_test_find_named      (GtkWidget  *root,
                                          const char *name);
GtkWidget *spanmark_test_find_of_type    (GtkWidget  *root,
                                          GType       type);
GtkWidget *spanmark_test_find_action     (GtkWidget  *root,
                                          const char *action);
/* The text of the label named @name in @root. */
const char *spanmark_test_label_text     (GtkWidget  *root,
                                          const char *name);

/* A new window of @width × @height (the default size for 0) showing
 * @child, presented; and destroying it, checking that @child (which it
 * showed) is finalized with it. */
GtkWidget *spanmark_test_present         (GtkWidget  *child,
                                          int         width,
                                          int         height);
void       spanmark_test_destroy_window  (GtkWidget  *window,
                                          gpointer    child);

/* A new window (the floating reference sunk), presented, showing the
 * project in @dir, which must open (none when @dir is NULL). */
SpanmarkWindow *spanmark_test_new_window (GFile      *dir) G_GNUC_WARN_UNUSED_RESULT;

/* Appends the descendants of @widget of @type to @out, depth first, and
 * returns @out. */
GPtrArray *spanmark_test_collect_of_type (GtkWidget  *widget,
                                          GType       type,
                                          GPtrArray  *out);

G_END_DECLS
