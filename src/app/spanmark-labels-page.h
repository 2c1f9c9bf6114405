/* spanmark-labels-page.h — the Labels page of Preferences: edit the project's labels
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spanmark-window.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_LABELS_PAGE (spanmark_labels_page_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkLabelsPage, spanmark_labels_page, SPANMARK, LABELS_PAGE, AdwPreferencesPage)

/* Edits the labels of @window's project through spanmark-label-ops.h: one
 * expandable row per label, in the schema's order, with its colour (a
 * colour button), name, title, key and attribute names; move up and
 * down, remove; a row to add a label.  Every change is written to
 * spanmark.json at once; the window's side panels and highlighting
 * follow the schema.  A refused change shows a toast saying why.
 * Renaming a label, and removing one with its spans, first save the
 * window's open document and afterwards load it again, since they
 * rewrite annotation files.
 *
 * Actions (tests drive the page through them; its widgets use the same):
 *   labels.add (s: name)              a label with the next free key and
 *                                     palette colour
 *   labels.rename ((ss): old, new)
 *   labels.set-title / labels.set-key / labels.set-color / labels.set-attrs
 *                ((ss): name, value)  key "" for none; attrs separated by
 *                                     commas; colour "#rrggbb" or a palette
 *                                     name
 *   labels.move ((si): name, -1 or 1) one place up or down
 *   labels.remove (s: name)           at once when nothing uses the label;
 *                                     else asks, in a dialog, whether to
 *                                     delete its spans too
 *   labels.remove-with-spans (s: name)
 */
GtkWidget      *spanmark_labels_page_new         (SpanmarkWindow     *window);

/* For tests: the row of the label called @name (an AdwExpanderRow), or
 * NULL; the message of the last toast ("" when none yet); the dialog
 * asking whether to delete a label's spans, while it is shown. */
GtkWidget      *spanmark_labels_page_get_row     (SpanmarkLabelsPage *self,
                                                  const char         *name);
const char     *spanmark_labels_page_get_message (SpanmarkLabelsPage *self);
GtkWidget      *spanmark_labels_page_get_dialog  (SpanmarkLabelsPage *self);

G_END_DECLS
