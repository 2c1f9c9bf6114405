/* window-test-fixture.h — a project and a window on it, for the window tests
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "spanmark-window.h"

G_BEGIN_DECLS

#define ANNOTATOR "tester"

typedef gboolean (*Condition) (gpointer data);

typedef struct
{
  char           *tmp;
  char           *project_path;
  SpanmarkWindow *window;
} Fixture;

/* Runs the main loop until @condition holds; FALSE after 20 seconds. */
gboolean            wait_for         (Condition               condition,
                                      gpointer                data);
gboolean            main_loop_idle   (gpointer                data);
/* Destroys @window, lets the main loop settle and checks that @window
 * is finalized (the caller's reference was the last). */
void                destroy_window   (gpointer                window);
/* A project made from the fixture texts (emoji and characters outside
 * the BMP in both), in a temporary folder whose name is not valid Pango
 * markup, open in a new window as annotator ANNOTATOR, autosave-delay 60. */
void                fixture_set_up   (Fixture                *fixture,
                                      gconstpointer           data);
void                fixture_tear_down (Fixture                *fixture,
                                       gconstpointer           data);
void                select_range     (Fixture                *fixture,
                                      guint                   start,
                                      guint                   end);
/* The code-point offset of the first @needle in the open document. */
guint               offset_of        (Fixture                *fixture,
                                      const char             *needle);
/* Activates win.@action, with the string parameter @label if not NULL. */
void                activate         (Fixture                *fixture,
                                      const char             *action,
                                      const char             *label);
const SpanmarkSpan *find             (SpanmarkAnnotationSet  *set,
                                      guint                   start,
                                      guint                   end,
                                      const char             *label);
/* annotations/ANNOTATOR/@doc_id.json, parsed with @parser. */
JsonObject         *read_saved       (Fixture                *fixture,
                                      const char             *doc_id,
                                      JsonParser             *parser);
/* The document list's row showing @doc_id (there must be one), and what
 * its status says. */
SpanmarkDocumentRow *row_of          (Fixture                *fixture,
                                      const char             *doc_id);
const char         *row_status       (Fixture                *fixture,
                                      const char             *doc_id);
/* The window's widget named @name (see spanmark-window.h), and the text
 * of such a label. */
GtkWidget          *named            (Fixture                *fixture,
                                      const char             *name);
const char         *named_text       (Fixture                *fixture,
                                      const char             *name);
/* The search entry, and typing @text into it (as the entry says once the
 * typing pauses). */
GtkWidget          *search_entry     (Fixture                *fixture);
void                search_for       (Fixture                *fixture,
                                      const char             *text);
/* A key press through the window's key handler; whether it was handled. */
gboolean            press            (Fixture                *fixture,
                                      guint                   keyval,
                                      GdkModifierType         state);

/* The visible toplevel of @type transient for @parent, or NULL. */
GtkWindow          *find_transient   (GtkWindow              *parent,
                                      GType                   type);
/* The labels of the toasts in @overlay (the children besides its
 * content), those still fading out included. */
GPtrArray          *toast_labels     (AdwToastOverlay        *overlay) G_GNUC_WARN_UNUSED_RESULT;
/* Whether a toast of @window showing @text is on screen (or still fading
 * out). */
gboolean            toast_shown      (SpanmarkWindow         *window,
                                      const char             *text);

G_END_DECLS
