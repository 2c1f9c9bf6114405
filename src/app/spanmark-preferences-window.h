/* spanmark-preferences-window.h — Preferences (AdwPreferencesWindow)
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPANMARK_TYPE_PREFERENCES_WINDOW (spanmark_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkPreferencesWindow, spanmark_preferences_window, SPANMARK, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Edits the GSettings keys (annotator name, font size, line spacing,
 * autosave delay) through spanmark_settings_get_default(). */
GtkWidget *spanmark_preferences_window_new (GtkWindow *parent);

G_END_DECLS
