/* spanmark-text-view.h — the document's text view, and what it draws beside the text
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

#define SPANMARK_TYPE_TEXT_VIEW (spanmark_text_view_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkTextView, spanmark_text_view, SPANMARK, TEXT_VIEW, GtkTextView)

/* A GtkTextView that draws marks of its own in its snapshot, for the
 * lines on screen only (never a widget per span, so a 1,000,000-character
 * document with 40,000 spans scrolls as the bare view does).  The marks
 * are first collected (spanmark_text_view_collect_marks(), which tests
 * read) and then drawn, so what tests see is what is drawn.
 *
 * Span boundaries (spanmark_text_view_set_annotation_set()): the spans
 * are stacked in levels, in the set's order, each on the first level
 * where it overlaps no earlier span (so an outer span is at level 0, a
 * span inside it or overlapping it from the right at level 1, one inside
 * that at level 2).  A span at level 0 gets a bracket at its first
 * character ("[": a bar down the left of the character with short ticks
 * along its top and bottom) and one at its last ("]"), in a darker
 * (light style) or lighter (dark style) version of its label's colour,
 * or in the text's colour for the span at the caret; two spans that
 * touch show "][" between them whatever their labels.  A span at level
 * 1 or deeper is drawn as an underline in a lane of its own below the
 * line (level 1 just below the text, level 2 below that; deeper ones
 * share the last lane), rounded and a pixel short at its true ends and
 * square where it wraps on to the next line, so both extents of
 * overlapping spans show.  A span that wraps has no bracket where the
 * line breaks.  With chips on (spanmark_text_view_set_show_chips()),
 * each span also gets a chip with its label's name above its first
 * character, in the label's colour, shortened with "…" where the next
 * chip on the line starts.
 *
 * With a curation (review mode) it draws, below every line, one lane per
 * annotator in their order — a bar in the label's colour under each of
 * that annotator's spans — and, for each unit, its state: a badge in the
 * left margin of the line it starts on ("!" disagreed, "?" incomplete,
 * "+" agreed but not taken yet, "✓" decided; the most pressing one when
 * a line has several), a dashed (disagreed) or dotted (incomplete) line
 * under the lanes of units still open, and a faint outline around the
 * current unit.
 *
 * The room for all of it comes from the space below lines
 * (spanmark_text_view_get_lane_space(): the nested spans' lanes, then the
 * review lanes, then the next line's chips) and, for the first line's
 * chips, the top margin (spanmark_text_view_get_chip_space()); the
 * text's layout and offsets stay as they are.  The marks are drawn in
 * the layer above the text (GtkTextView lays out the lines it shows as
 * it draws them, after the layer below), where none of them covers more
 * than the edge of a character cell.
 *
 * Colours follow the label rules (spanmark-label-rules.h) for the style
 * given with spanmark_text_view_set_label_style().
 *
 * The geometry helpers are public so that other marks can be drawn the
 * same way.
 *
 * Assisted annotation (docs/assist.md): the suggestions the window
 * gives it are drawn as a dotted box in the label's colour around the
 * text, never as a span, and spans still to review (added by
 * spanmark-cli pretag) get a dashed line under them in their label's
 * colour, both in the layer above the text and for the visible lines
 * only, as the lanes are. */

typedef enum
{
  SPANMARK_MARK_LANE,          /* a bar: one annotator's span on one display line */
  SPANMARK_MARK_UNIT_LINE,     /* an open unit's dashed or dotted line, one display line */
  SPANMARK_MARK_UNIT_BADGE,    /* a unit's badge in the left margin */
  SPANMARK_MARK_CURRENT_UNIT,  /* the box around the current unit, one display line */
  SPANMARK_MARK_SPAN_START,    /* "[" at the first character of a level-0 span */
  SPANMARK_MARK_SPAN_END,      /* "]" at the last character of a level-0 span */
  SPANMARK_MARK_NESTED,        /* the underline of a span at level 1 or more, one display line */
  SPANMARK_MARK_CHIP,          /* a span's label chip, above its first character */
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
  guint            unit;       /* the unit's index (unit kinds); the assist
                                * mark's index (assist kinds) */
  guint            start;      /* the span's (or unit's) offsets */
  guint            end;
  const char      *label;      /* lanes and span marks: the span's label (the
                                * set's, valid until it changes); the assist
                                * marks': interned */
  SpanmarkBadge    badge;      /* SPANMARK_MARK_UNIT_BADGE and _UNIT_LINE */
  GdkRectangle     rect;       /* in buffer coordinates */
  guint            level;      /* span marks: the span's level */
  gboolean         opens;      /* SPANMARK_MARK_NESTED: this part holds the span's */
  gboolean         closes;     /*   first / last character (rounded, a pixel short) */
  gboolean         current;    /* span marks: the span at the caret */
} SpanmarkMark;

/* The lanes nested spans get (levels 1 and 2; deeper ones share the last). */
#define SPANMARK_TEXT_VIEW_NESTED_LANES 2

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

/* The spans whose boundaries are drawn (@set NULL: none); the schema
 * gives their colours.  Keeps references. */
void              spanmark_text_view_set_annotation_set (SpanmarkTextView      *self,
                                                         SpanmarkSchema        *schema,
                                                         SpanmarkAnnotationSet *set);
/* The span at the caret (@span NULL: none): its marks are drawn in the
 * text's colour.  Copied. */
void              spanmark_text_view_set_current_span   (SpanmarkTextView      *self,
                                                         const SpanmarkSpan    *span);
/* The style the marks' colours are for. */
void              spanmark_text_view_set_label_style    (SpanmarkTextView      *self,
                                                         SpanmarkLabelStyle     style);
SpanmarkLabelStyle spanmark_text_view_get_label_style   (SpanmarkTextView      *self);
/* The text's font size in points (the chips' size follows it). */
void              spanmark_text_view_set_font_size      (SpanmarkTextView      *self,
                                                         int                    points);
/* Label chips above spans; off at first. */
void              spanmark_text_view_set_show_chips     (SpanmarkTextView      *self,
                                                         gboolean               show);
gboolean          spanmark_text_view_get_show_chips     (SpanmarkTextView      *self);
/* The pixels chips need above a line (0 with chips off). */
int               spanmark_text_view_get_chip_space     (SpanmarkTextView      *self);
/* The colour the marks of @label's spans are drawn in (the schema's
 * colour made to stand out, or grey for a label it lacks). */
void              spanmark_text_view_get_mark_color     (SpanmarkTextView      *self,
                                                         const char            *label,
                                                         GdkRGBA               *color);

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
/* The pixels the marks need below each line: the nested spans' lanes
 * (with a set), the review lanes (with a curation) and the next line's
 * chips (with chips on). */
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
