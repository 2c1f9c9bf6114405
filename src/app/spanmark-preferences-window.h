/* spanmark-preferences-window.h — Preferences (AdwPreferencesWindow)
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spanmark-labels-page.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_PREFERENCES_WINDOW (spanmark_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkPreferencesWindow, spanmark_preferences_window, SPANMARK, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Edits the GSettings keys (annotator name, font size, line spacing,
 * autosave delay) through spanmark_settings_get_default(); over a
 * SpanmarkWindow with a project, also that project's labels (a Labels
 * page, SpanmarkLabelsPage). */
GtkWidget          *spanmark_preferences_window_new             (GtkWindow                 *parent);
/* The Labels page, or NULL when there is none. */
SpanmarkLabelsPage *spanmark_preferences_window_get_labels_page (SpanmarkPreferencesWindow *self);

G_END_DECLS
