/* spanmark-document-view.h — the document text with its spans highlighted
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spanmark-annotation-set.h"
#include "spanmark-curation.h"
#include "spanmark-label-rules.h"
#include "spanmark-schema.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_DOCUMENT_VIEW (spanmark_document_view_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkDocumentView, spanmark_document_view, SPANMARK, DOCUMENT_VIEW, GtkWidget)

/* A read-only, wrapped GtkTextView (with a visible caret) in a scrolled
 * window.  Spans are highlighted with one text tag per label
 * ("label-<label>" for outer spans, "inner-<label>" under it for spans
 * nested in or overlapping another, see spanmark-span-levels.h) plus
 * two state tags ("next-<label>" darkens an outer span that starts where
 * one of the same label ends, "current-<label>" marks the span under
 * the caret), kept up to date incrementally from the set's span signals,
 * in the shades the label rules give for the style
 * (light, dark, high contrast; followed as it changes).  The text view,
 * a SpanmarkTextView, draws every span's boundaries over that: brackets,
 * lanes for nested and overlapping spans, and label chips when
 * "show-label-chips" is on (see there).
 *
 * The text view's accessible description says what spans the caret is
 * in: label, text, offsets and entity of each, outermost first.
 *
 * Signals:
 *   "selection-changed" (guint start, guint end)   code points
 * Property "highlighted" (boolean): TRUE once every span of the set has its
 *   tags (large documents are highlighted in idle chunks, the visible part
 *   first).
 *
 * Review mode: given a curation of the set (its curated set), the text
 * view (a SpanmarkTextView, see there) draws every annotator's lane and
 * the units' states, and "current-unit" (uint, G_MAXUINT: none) follows
 * the unit the selection starts in. */
GtkWidget             *spanmark_document_view_new               (void);
/* @set NULL clears the view.  The view keeps references to both. */
void                   spanmark_document_view_set_annotation_set (SpanmarkDocumentView  *self,
                                                                  SpanmarkSchema        *schema,
                                                                  SpanmarkAnnotationSet *set);
SpanmarkAnnotationSet *spanmark_document_view_get_annotation_set (SpanmarkDocumentView *self);
GtkTextView           *spanmark_document_view_get_text_view      (SpanmarkDocumentView *self);
/* The selection in code points (start == end: the caret). */
void                   spanmark_document_view_get_selection      (SpanmarkDocumentView *self,
                                                                  guint                *start,
                                                                  guint                *end);
/* Selects [start, end) (clamped to the text) and scrolls it into view. */
void                   spanmark_document_view_select_range       (SpanmarkDocumentView *self,
                                                                  guint                 start,
                                                                  guint                 end);
/* The style the shades and marks are drawn for (the desktop's). */
SpanmarkLabelStyle     spanmark_document_view_get_label_style    (SpanmarkDocumentView *self);
/* Property "show-label-chips" (boolean, FALSE at first): a chip with
 * its label's name above each span. */
void                   spanmark_document_view_set_show_label_chips (SpanmarkDocumentView *self,
                                                                    gboolean              show);
gboolean               spanmark_document_view_get_show_label_chips (SpanmarkDocumentView *self);
/* Font size in points and line spacing (a multiple of the font size). */
void                   spanmark_document_view_set_font           (SpanmarkDocumentView *self,
                                                                  int                   size,
                                                                  double                line_spacing);
gboolean               spanmark_document_view_get_highlighted    (SpanmarkDocumentView *self);
/* @curation: NULL, or one whose curated set is the view's set (keeps a
 * reference); cleared when the set changes. */
void                   spanmark_document_view_set_curation       (SpanmarkDocumentView *self,
                                                                  SpanmarkCuration     *curation);
SpanmarkCuration      *spanmark_document_view_get_curation       (SpanmarkDocumentView *self);
guint                  spanmark_document_view_get_current_unit   (SpanmarkDocumentView *self);
/* Number of characters currently covered by the tag of @label_name (for
 * tests). */
guint                  spanmark_document_view_count_tagged       (SpanmarkDocumentView *self,
                                                                  const char           *tag_name);

G_END_DECLS
