/* spanmark-text-view.h — the document's text view, and what it draws beside the text
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spanmark-curation.h"
#include "spanmark-schema.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_TEXT_VIEW (spanmark_text_view_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkTextView, spanmark_text_view, SPANMARK, TEXT_VIEW, GtkTextView)

/* A GtkTextView that draws marks of its own in its snapshot, for the
 * lines on screen only (never a widget per span, so a 1,000,000-character
 * document with 40,000 spans scrolls as the bare view does).  The marks
 * are first collected (spanmark_text_view_collect_marks(), which tests
 * read) and then drawn, so what tests see is what is drawn.
 *
 * With a curation (review mode) it draws, below every line, one lane per
 * annotator in their order — a bar in the label's colour under each of
 * that annotator's spans — and, for each unit, its state: a badge in the
 * left margin of the line it starts on ("!" disagreed, "?" incomplete,
 * "+" agreed but not taken yet, "✓" decided; the most pressing one when
 * a line has several), a dashed (disagreed) or dotted (incomplete) line
 * under the lanes of units still open, and a faint outline around the
 * current unit.  The room for the lanes comes from the space below lines
 * (spanmark_text_view_get_lane_space()); the text's layout and offsets
 * stay as they are.  The marks are drawn in the layer above the text
 * (GtkTextView lays out the lines it shows as it draws them, after the
 * layer below), where none of them covers a character.
 *
 * Assisted annotation (docs/assist.md): the suggestions the window
 * gives it are drawn as a dotted box in the label's colour around the
 * text, never as a span, and spans still to review (added by
 * spanmark-cli pretag) get a dashed line under them in their label's
 * colour, both in the layer above the text and for the visible lines
 * only, as the lanes are.
 *
 * The geometry helpers are public so that other marks (span boundaries)
 * can be drawn the same way. */

typedef enum
{
  SPANMARK_MARK_LANE,          /* a bar: one annotator's span on one display line */
  SPANMARK_MARK_UNIT_LINE,     /* an open unit's dashed or dotted line, one display line */
  SPANMARK_MARK_UNIT_BADGE,    /* a unit's badge in the left margin */
  SPANMARK_MARK_CURRENT_UNIT,  /* the box around the current unit, one display line */
  SPANMARK_MARK_SUGGESTION,    /* a suggestion's dotted box, one display line */
  SPANMARK_MARK_TO_REVIEW,     /* the dashed line under a pretag span, one display line */
} SpanmarkMarkKind;

/* What the window asks the view to draw for assisted annotation: a
 * suggestion (SPANMARK_MARK_SUGGESTION) or a span to review
 * (SPANMARK_MARK_TO_REVIEW) on [start, end), in @label's colour (an
 * interned string, g_intern_string()). */
typedef struct
{
  SpanmarkMarkKind kind;
  guint            start;
  guint            end;
  const char      *label;
} SpanmarkAssistMark;

/* What a badge says. */
typedef enum
{
  SPANMARK_BADGE_DECIDED,      /* "✓" */
  SPANMARK_BADGE_AGREED,       /* "+": everyone agrees, not in the curated version yet */
  SPANMARK_BADGE_INCOMPLETE,   /* "?" */
  SPANMARK_BADGE_DISAGREED,    /* "!" */
} SpanmarkBadge;

typedef struct
{
  SpanmarkMarkKind kind;
  guint            lane;       /* SPANMARK_MARK_LANE: the annotator's index */
  guint            unit;       /* the unit's index (all kinds but lanes) */
  guint            start;      /* the span's (or unit's) offsets */
  guint            end;
  const char      *label;      /* SPANMARK_MARK_LANE: the span's label (the set's,
                                * valid until it changes); the assist marks':
                                * interned */
  SpanmarkBadge    badge;      /* SPANMARK_MARK_UNIT_BADGE and _UNIT_LINE */
  GdkRectangle     rect;       /* in buffer coordinates */
} SpanmarkMark;

GtkWidget        *spanmark_text_view_new                (void);

/* The offsets the visible part of the text covers, whole display lines. */
void              spanmark_text_view_get_visible_range  (SpanmarkTextView *self,
                                                         guint            *start,
                                                         guint            *end);
/* Appends to @rects (of GdkRectangle, buffer coordinates) one rectangle
 * per display line [start, end) covers: from the left of its first
 * character there to the right of its last one, the line's height.
 * Lines outside [@clip_start, @clip_end) are skipped. */
void              spanmark_text_view_get_range_rects    (SpanmarkTextView *self,
                                                         guint             start,
                                                         guint             end,
                                                         guint             clip_start,
                                                         guint             clip_end,
                                                         GArray           *rects);

/* Review mode: @curation NULL draws nothing beyond the text.  The
 * schema gives the lanes their colours.  Keeps references. */
void              spanmark_text_view_set_curation       (SpanmarkTextView *self,
                                                         SpanmarkSchema   *schema,
                                                         SpanmarkCuration *curation);
SpanmarkCuration *spanmark_text_view_get_curation       (SpanmarkTextView *self);
/* The unit with the box; G_MAXUINT for none. */
void              spanmark_text_view_set_current_unit   (SpanmarkTextView *self,
                                                         guint             unit);
guint             spanmark_text_view_get_current_unit   (SpanmarkTextView *self);
/* The pixels the lanes need below each line (0 without a curation). */
int               spanmark_text_view_get_lane_space     (SpanmarkTextView *self);
/* The assist marks (of SpanmarkAssistMark, sorted by start; NULL: none),
 * coloured by @schema's labels.  Keeps a reference to @marks, which the
 * caller no longer changes. */
void              spanmark_text_view_set_assist_marks   (SpanmarkTextView *self,
                                                         SpanmarkSchema   *schema,
                                                         GArray           *marks);
/* The marks for the visible lines, in drawing order (of SpanmarkMark). */
GArray           *spanmark_text_view_collect_marks      (SpanmarkTextView *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
