/* spanmark-about.h — the About window
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Presents an AdwAboutWindow (version, license, website, credits). */
void spanmark_show_about (GtkWindow *parent);

G_END_DECLS
