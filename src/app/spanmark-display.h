/* spanmark-display.h — how schema names and messages are shown in the window
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spanmark-label.h"

G_BEGIN_DECLS

/* The name of an entity or span attribute as the user reads it: the
 * default schema's attributes ("title", "region", "kind") translated,
 * any other name as it is in the project.  The result is static or
 * @attr itself; never free it. */
const char *spanmark_display_attr_name (const char *attr);

/* The keys of @attrs (name -> value) that have a value, in the order
 * they are shown: @label's attributes in schema order, then any others
 * (from an older schema, say) sorted.  @label may be NULL.  The strings
 * belong to @attrs. */
GPtrArray  *spanmark_display_attr_keys (const SpanmarkLabel *label,
                                        GHashTable          *attrs) G_GNUC_WARN_UNUSED_RESULT;

/* @text (a name, an id) for a menu item's label, which reads "_" as
 * the mark of a mnemonic: each underscore doubled, so that it shows as
 * itself. */
char       *spanmark_display_menu_text (const char          *text) G_GNUC_WARN_UNUSED_RESULT;

/* A toast showing @text as it is.  A toast's title is Pango markup in
 * libadwaita 1.2, and messages carry file names, document text and what
 * the user typed. */
AdwToast   *spanmark_display_new_toast (const char          *text) G_GNUC_WARN_UNUSED_RESULT;

/* Presents @dialog with the focus on its default response, whichever
 * way its buttons are laid out, so that Enter answers with the safe
 * choice (libadwaita 1.2 can leave the focus on the first of stacked
 * buttons).  @dialog must have a default response, and it must not be
 * destructive. */
void        spanmark_display_present_dialog (AdwMessageDialog *dialog);

/* A tooltip for a widget made by the hundred (a list's rows): @text, a
 * string that outlives @widget (a translation does), is given only when
 * the tooltip is about to show, and is @widget's accessible description
 * as gtk_widget_set_tooltip_text() makes it.  That function, on a
 * visible widget, asks the display where the pointer is: a round trip
 * to the X server for each widget.  spanmark_display_get_tooltip() gives
 * @text back (NULL: none set this way). */
void        spanmark_display_set_tooltip    (GtkWidget        *widget,
                                             const char       *text);
const char *spanmark_display_get_tooltip    (GtkWidget        *widget);

/* Gives @page the icon @icon_name (static, or one that outlives @page)
 * when it is first mapped, not before.  GTK looks an icon up as soon as
 * its widget's style is computed, which a stack's hidden pages have too;
 * a status page's large icon is drawn from the theme's SVG, and the first
 * SVG loads librsvg (6.4 MiB resident) and renders it on a thread, for a
 * page (the start page, "no document") that opening a project and a
 * document never shows. */
void        spanmark_display_set_status_icon (AdwStatusPage *page,
                                              const char    *icon_name);

G_END_DECLS
