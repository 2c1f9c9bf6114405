/* spanmark-settings.h — the app's GSettings, in one object
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys (schema io.github.spanmark.Spanmark): annotator-name (s),
 * font-size (i), line-spacing (d), show-label-chips (b),
 * autosave-delay (u, seconds),
 * autosave-max-delay (u, seconds), recent-projects (as), window-width (i), window-height (i),
 * window-maximized (b).  Bind widgets with g_settings_bind() on
 * spanmark_settings_get_gsettings().
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SPANMARK_TYPE_SETTINGS (spanmark_settings_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkSettings, spanmark_settings, SPANMARK, SETTINGS, GObject)

SpanmarkSettings *spanmark_settings_get_default         (void);
GSettings        *spanmark_settings_get_gsettings       (SpanmarkSettings *self);
/* The annotator-name key, or the login name when it is empty, made a
 * valid annotator name (spanmark_project_is_valid_annotator). */
char             *spanmark_settings_dup_annotator       (SpanmarkSettings *self) G_GNUC_WARN_UNUSED_RESULT;
/* `spanmark --annotator NAME`: annotate as NAME for this run, whatever
 * the key says (NULL: back to the key).  NAME must be valid. */
void              spanmark_settings_set_annotator_override (SpanmarkSettings *self,
                                                            const char       *annotator);
int               spanmark_settings_get_font_size       (SpanmarkSettings *self);
double            spanmark_settings_get_line_spacing    (SpanmarkSettings *self);
/* Autosave runs autosave-delay seconds after the last change, and never
 * later than autosave-max-delay seconds after the first unsaved one. */
guint             spanmark_settings_get_autosave_delay  (SpanmarkSettings *self);
guint             spanmark_settings_get_autosave_max_delay (SpanmarkSettings *self);
GStrv             spanmark_settings_dup_recent_projects (SpanmarkSettings *self) G_GNUC_WARN_UNUSED_RESULT;
/* Moves @path to the front; keeps at most 10. */
void              spanmark_settings_add_recent_project  (SpanmarkSettings *self,
                                                         const char       *path);
void              spanmark_settings_remove_recent_project (SpanmarkSettings *self,
                                                           const char       *path);

G_END_DECLS
