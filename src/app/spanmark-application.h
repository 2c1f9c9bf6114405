/* spanmark-application.h — the Spanmark application
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SPANMARK_TYPE_APPLICATION (spanmark_application_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkApplication, spanmark_application, SPANMARK, APPLICATION, AdwApplication)

/* App actions: app.preferences, app.shortcuts (Ctrl+?), app.about,
 * app.quit (Ctrl+Q).  `spanmark PATH` opens the project folder PATH. */
SpanmarkApplication *spanmark_application_new (void);

/* Settings of the C library's allocator for the process, before anything
 * is allocated (main() calls it; so do the benchmarks of the window). */
void                 spanmark_application_tune_malloc (void);

G_END_DECLS
