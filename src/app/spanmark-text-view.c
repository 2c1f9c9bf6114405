/* spanmark-text-view.c — the document's text view, and what it draws beside the text
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-span-levels.h"
#include "spanmark-text-view.h"

/* The review lanes, in pixels: a gap below the nested spans' lanes, then
 * per annotator a bar and a gap, then the open units' line. */
#define LANE_TOP       4
#define LANE_HEIGHT    3
#define LANE_GAP       2
#define UNIT_LINE      2
#define LANE_BOTTOM    5
#define BADGE_SIZE     16

/* The assist marks: the dots of a suggestion's box, the dashes under a
 * span to review. */
#define DOT            2
#define DOT_GAP        2
#define DASH           5
#define DASH_GAP       3

/* The nested spans' lanes right below the text: a gap, then per level a
 * bar and a gap.  Always there with a set, so that tagging a nested span
 * never moves the text. */
#define NESTED_TOP     2
#define NESTED_HEIGHT  3
#define NESTED_GAP     2
#define NESTED_SPACE   (NESTED_TOP + SPANMARK_TEXT_VIEW_NESTED_LANES * (NESTED_HEIGHT + NESTED_GAP))

/* A bracket: its bar's width (wider in high contrast) and how far its
 * ticks reach into the character. */
#define BRACKET_BAR    2
#define BRACKET_BAR_HC 3
#define BRACKET_TICK   5

/* Chips: the text at this share of the document's font size, padded,
 * and a gap between a chip and the line below it or the chip after it. */
#define CHIP_SCALE     0.55
#define CHIP_MIN_PX    9
#define CHIP_PAD_X     4
#define CHIP_PAD_Y     2
#define CHIP_GAP       2
#define CHIP_MIN_WIDTH 14

/* How one label's marks look in the current style. */
typedef struct
{
  GdkRGBA mark;        /* brackets, nested lanes, review lanes */
  GdkRGBA chip_fill;
  GdkRGBA chip_text;
  /* The chip's name, laid out once per style and font size (every frame
   * draws the chips on screen); NULL until needed, and always for the
   * fallback, which serves every label the schema lacks. */
  PangoLayout *chip;
} LabelLook;

struct _SpanmarkTextView
{
  GtkTextView            parent_instance;

  /* Span boundaries */
  SpanmarkAnnotationSet *set;
  SpanmarkSchema        *schema;
  GHashTable            *looks;         /* label name -> LabelLook */
  LabelLook              fallback;      /* a label the schema lacks */
  SpanmarkLabelStyle     style;
  int                    font_size;     /* points */
  gboolean               show_chips;
  guint                  current_start; /* the span at the caret; */
  guint                  current_end;   /* current_label NULL: none */
  char                  *current_label;

  /* In review mode */
  SpanmarkCuration      *curation;
  guint                  current_unit;  /* G_MAXUINT: none */

  /* Assisted annotation */
  GArray                *assist_marks;  /* of SpanmarkAssistMark, by start; NULL: none */
  guint                  assist_longest; /* the longest assist mark, in code points */

  GtkAdjustment         *vadjustment;   /* watched: see layout_changed_cb() */
};

G_DEFINE_FINAL_TYPE (SpanmarkTextView, spanmark_text_view, GTK_TYPE_TEXT_VIEW)

/* Geometry */

void
spanmark_text_view_get_visible_range (SpanmarkTextView *self,
                                      guint            *start,
                                      guint            *end)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GtkTextIter a, b;

  g_return_if_fail (SPANMARK_IS_TEXT_VIEW (self));

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &a, visible.x, visible.y);
  gtk_text_view_get_iter_at_location (view, &b, visible.x + visible.width, visible.y + visible.height);

  /* One display line more on each side: a line just above the top still
   * shows its lanes, which are drawn below it. */
  if (!gtk_text_view_starts_display_line (view, &a))
    gtk_text_view_backward_display_line_start (view, &a);
  gtk_text_view_backward_display_line (view, &a);
  gtk_text_view_forward_display_line (view, &b);
  if (!gtk_text_view_forward_display_line (view, &b))
    gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &b);

  *start = (guint) gtk_text_iter_get_offset (&a);
  *end = (guint) gtk_text_iter_get_offset (&b);
}

void
spanmark_text_view_get_range_rects (SpanmarkTextView *self,
                                    guint             start,
                                    guint             end,
                                    guint             clip_start,
                                    guint             clip_end,
                                    GArray           *rects)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  guint length;

  g_return_if_fail (SPANMARK_IS_TEXT_VIEW (self));
  g_return_if_fail (rects != NULL);

  buffer = gtk_text_view_get_buffer (view);
  length = (guint) gtk_text_buffer_get_char_count (buffer);
  start = MAX (start, clip_start);
  end = MIN (MIN (end, clip_end), length);
  if (start >= end)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start);
  while ((guint) gtk_text_iter_get_offset (&iter) < end)
    {
      GtkTextIter next = iter, last;
      GdkRectangle first_rect, last_rect, rect;
      guint at = (guint) gtk_text_iter_get_offset (&iter);
      guint segment_end;

      /* The start of the next display line (or the end of the text) ends
       * this line's part of the range. */
      if (!gtk_text_view_forward_display_line (view, &next))
        gtk_text_buffer_get_end_iter (buffer, &next);
      segment_end = MIN (end, (guint) gtk_text_iter_get_offset (&next));
      if (segment_end <= at)
        break;

      gtk_text_buffer_get_iter_at_offset (buffer, &last, (int) segment_end - 1);
      gtk_text_view_get_iter_location (view, &iter, &first_rect);
      gtk_text_view_get_iter_location (view, &last, &last_rect);
      rect.x = MIN (first_rect.x, last_rect.x);
      rect.width = MAX (first_rect.x + first_rect.width, last_rect.x + last_rect.width) - rect.x;
      rect.y = first_rect.y;
      rect.height = first_rect.height;
      g_array_append_val (rects, rect);

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) segment_end);
    }
}

/* Marks */

static int
chip_font_px (SpanmarkTextView *self)
{
  return MAX (CHIP_MIN_PX, (int) (self->font_size * 96.0 / 72.0 * CHIP_SCALE + 0.5));
}

static int
chip_height (SpanmarkTextView *self)
{
  /* The font's pixel size is its em; the line of text is about 1.3 of
   * it with a CJK font among the fallbacks. */
  return (int) (chip_font_px (self) * 1.3 + 0.5) + 2 * CHIP_PAD_Y;
}

int
spanmark_text_view_get_chip_space (SpanmarkTextView *self)
{
  g_return_val_if_fail (SPANMARK_IS_TEXT_VIEW (self), 0);

  if (!self->show_chips || self->set == NULL)
    return 0;

  return chip_height (self) + CHIP_GAP;
}

static int
nested_space (SpanmarkTextView *self)
{
  return self->set != NULL ? NESTED_SPACE : 0;
}

static int
review_space (SpanmarkTextView *self)
{
  if (self->curation == NULL)
    return 0;

  return LANE_TOP + (int) spanmark_curation_get_n_annotators (self->curation) * (LANE_HEIGHT + LANE_GAP)
         + UNIT_LINE + LANE_BOTTOM;
}

int
spanmark_text_view_get_lane_space (SpanmarkTextView *self)
{
  g_return_val_if_fail (SPANMARK_IS_TEXT_VIEW (self), 0);

  return nested_space (self) + review_space (self) + spanmark_text_view_get_chip_space (self);
}

static int
lanes_top (SpanmarkTextView   *self,
           const GdkRectangle *line)
{
  return line->y + line->height + nested_space (self) + LANE_TOP;
}

static const LabelLook *
lookup_look (SpanmarkTextView *self,
             const char       *label)
{
  const LabelLook *look = label != NULL ? g_hash_table_lookup (self->looks, label) : NULL;

  return look != NULL ? look : &self->fallback;
}

static gboolean
is_current (SpanmarkTextView   *self,
            const SpanmarkSpan *span)
{
  return self->current_label != NULL && span->start == self->current_start && span->end == self->current_end
         && g_str_equal (span->label, self->current_label);
}

static void
add_span_marks (SpanmarkTextView   *self,
                const SpanmarkSpan *span,
                guint               level,
                guint               start,
                guint               end,
                GArray             *marks,
                GArray             *rects)
{
  int bar = spanmark_label_rules_is_high_contrast (self->style) ? BRACKET_BAR_HC : BRACKET_BAR;

  g_array_set_size (rects, 0);
  spanmark_text_view_get_range_rects (self, span->start, span->end, start, end, rects);
  for (guint r = 0; r < rects->len; r++)
    {
      const GdkRectangle *line = &g_array_index (rects, GdkRectangle, r);
      SpanmarkMark mark = { SPANMARK_MARK_NESTED, 0, 0, span->start, span->end, span->label, 0, };

      mark.level = level;
      mark.current = is_current (self, span);
      mark.opens = r == 0 && span->start >= start;
      mark.closes = r == rects->len - 1 && span->end <= end;

      if (level > 0)
        {
          /* A pixel short at each true end, so that two spans in one
           * lane that touch are two bars. */
          mark.rect.x = line->x + (mark.opens ? 1 : 0);
          mark.rect.width = MAX (1, line->width - (mark.opens ? 1 : 0) - (mark.closes ? 1 : 0));
          mark.rect.y = line->y + line->height + NESTED_TOP + (int) (level - 1) * (NESTED_HEIGHT + NESTED_GAP);
          mark.rect.height = NESTED_HEIGHT;
          g_array_append_val (marks, mark);
          continue;
        }

      /* The brackets: inside the span's first and last character cells,
       * so that "][" shows between two spans that touch. */
      mark.rect.y = line->y;
      mark.rect.height = line->height;
      mark.rect.width = MIN (BRACKET_TICK, MAX (bar, line->width / 2));
      if (mark.opens)
        {
          mark.kind = SPANMARK_MARK_SPAN_START;
          mark.rect.x = line->x;
          g_array_append_val (marks, mark);
        }
      if (mark.closes)
        {
          mark.kind = SPANMARK_MARK_SPAN_END;
          mark.rect.x = line->x + line->width - mark.rect.width;
          g_array_append_val (marks, mark);
        }
    }
}

/* @label's name in a chip's font, as plain text (never markup). */
static PangoLayout *
chip_layout (SpanmarkTextView *self,
             const char       *label)
{
  LabelLook *look = label != NULL ? g_hash_table_lookup (self->looks, label) : NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  PangoLayout *layout;

  if (look != NULL && look->chip != NULL)
    return g_object_ref (look->chip);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), label);
  font = pango_font_description_new ();
  pango_font_description_set_absolute_size (font, chip_font_px (self) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  if (look != NULL)
    look->chip = g_object_ref (layout);

  return layout;
}

static int
chip_natural_width (SpanmarkTextView *self,
                    const char       *label)
{
  g_autoptr(PangoLayout) layout = chip_layout (self, label);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);

  return MAX (CHIP_MIN_WIDTH, width + 2 * CHIP_PAD_X);
}

/* Shrinks the chips @marks[first, last) to fit @width with a gap
 * between them, the widest first, none below CHIP_MIN_WIDTH, and puts
 * them side by side from @x. */
static void
fit_chips (GArray *marks,
           guint   first,
           guint   last,
           int     x,
           int     width)
{
  int total = 0;

  for (guint i = first; i < last; i++)
    total += g_array_index (marks, SpanmarkMark, i).rect.width + (i > first ? 1 : 0);

  while (total > width)
    {
      SpanmarkMark *widest = NULL;

      for (guint i = first; i < last; i++)
        {
          SpanmarkMark *mark = &g_array_index (marks, SpanmarkMark, i);

          if (mark->rect.width > CHIP_MIN_WIDTH && (widest == NULL || mark->rect.width > widest->rect.width))
            widest = mark;
        }
      if (widest == NULL)
        break;
      widest->rect.width--;
      total--;
    }

  for (guint i = first; i < last; i++)
    {
      SpanmarkMark *mark = &g_array_index (marks, SpanmarkMark, i);

      mark->rect.x = x;
      x += mark->rect.width + 1;
    }
}

/* A chip above the first character of each span starting on screen.
 * The chips of spans that start at one character (an outer span and the
 * spans inside it) sit side by side, outermost first, as one group; a
 * group is as wide as its names, or shortened (each with "…") so that it
 * ends where the next group on its line begins. */
static void
add_chips (SpanmarkTextView *self,
           GPtrArray        *spans,
           guint             start,
           guint             end,
           GArray           *marks)
{
  guint first = marks->len;
  int height = chip_height (self);

  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);
      SpanmarkMark mark = { SPANMARK_MARK_CHIP, 0, 0, span->start, span->end, span->label, 0, };
      GtkTextIter iter;
      GdkRectangle where;

      if (span->start < start || span->start >= end)
        continue;

      gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), &iter, (int) span->start);
      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &where);
      mark.current = is_current (self, span);
      mark.rect.x = where.x;
      mark.rect.y = where.y - CHIP_GAP - height;
      mark.rect.width = chip_natural_width (self, span->label);
      mark.rect.height = height;
      g_array_append_val (marks, mark);
    }

  /* The spans are in order of their starts, so on each line the groups
   * come from left to right.  A group never starts left of where the
   * one before it had to end. */
  for (guint i = first, reach = 0; i < marks->len;)
    {
      SpanmarkMark *mark = &g_array_index (marks, SpanmarkMark, i);
      int x = mark->rect.x, width = G_MAXINT;
      guint last = i + 1;

      while (last < marks->len && g_array_index (marks, SpanmarkMark, last).start == mark->start)
        last++;
      if (i > first && g_array_index (marks, SpanmarkMark, i - 1).rect.y == mark->rect.y)
        x = MAX (x, (int) reach);
      if (last < marks->len && g_array_index (marks, SpanmarkMark, last).rect.y == mark->rect.y)
        width = MAX (g_array_index (marks, SpanmarkMark, last).rect.x - CHIP_GAP - x,
                     (int) (last - i) * (CHIP_MIN_WIDTH + 1));
      fit_chips (marks, i, last, x, width);
      mark = &g_array_index (marks, SpanmarkMark, last - 1);
      reach = (guint) (mark->rect.x + mark->rect.width + CHIP_GAP);
      i = last;
    }
}

static void
add_boundary_marks (SpanmarkTextView *self,
                    guint             start,
                    guint             end,
                    GArray           *marks,
                    GArray           *chips,
                    GArray           *rects)
{
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) spans = spanmark_span_levels_get (self->set, start, end, SPANMARK_TEXT_VIEW_NESTED_LANES,
                                                         levels);

  for (guint i = 0; i < spans->len; i++)
    add_span_marks (self, g_ptr_array_index (spans, i), g_array_index (levels, guint, i), start, end, marks, rects);

  if (self->show_chips)
    add_chips (self, spans, start, end, chips);
}

static SpanmarkBadge
unit_badge (SpanmarkCuration   *curation,
            const SpanmarkUnit *unit,
            guint               index)
{
  if (!spanmark_curation_is_unit_open (curation, index))
    return SPANMARK_BADGE_DECIDED;

  switch (unit->state)
    {
    case SPANMARK_UNIT_DISAGREED:
      return SPANMARK_BADGE_DISAGREED;
    case SPANMARK_UNIT_INCOMPLETE:
      return SPANMARK_BADGE_INCOMPLETE;
    case SPANMARK_UNIT_AGREED:
    default:
      return SPANMARK_BADGE_AGREED;
    }
}

static void
add_lane_marks (SpanmarkTextView *self,
                guint             start,
                guint             end,
                GArray           *marks,
                GArray           *rects)
{
  for (guint lane = 0; lane < spanmark_curation_get_n_annotators (self->curation); lane++)
    {
      SpanmarkAnnotationSet *set = spanmark_curation_get_annotator_set (self->curation, lane);
      g_autoptr(GPtrArray) spans = spanmark_annotation_set_get_spans_in_range (set, start, end);

      for (guint i = 0; i < spans->len; i++)
        {
          const SpanmarkSpan *span = g_ptr_array_index (spans, i);

          g_array_set_size (rects, 0);
          spanmark_text_view_get_range_rects (self, span->start, span->end, start, end, rects);
          for (guint r = 0; r < rects->len; r++)
            {
              const GdkRectangle *line = &g_array_index (rects, GdkRectangle, r);
              SpanmarkMark mark = { SPANMARK_MARK_LANE, lane, 0, span->start, span->end, span->label, 0, };

              /* A pixel off each end, so that touching spans show where
               * one ends and the next begins. */
              mark.rect.x = line->x + 1;
              mark.rect.width = MAX (1, line->width - 2);
              mark.rect.y = lanes_top (self, line) + (int) lane * (LANE_HEIGHT + LANE_GAP);
              mark.rect.height = LANE_HEIGHT;
              g_array_append_val (marks, mark);
            }
        }
    }
}

static void
add_unit_marks (SpanmarkTextView *self,
                guint             start,
                guint             end,
                GArray           *marks,
                GArray           *rects)
{
  guint n_lanes = spanmark_curation_get_n_annotators (self->curation);
  guint n_units = spanmark_curation_get_n_units (self->curation);
  int left_margin = gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self));
  int badge_line = G_MININT;  /* the y of the line the last badge is on */
  guint badge_index = 0;       /* and where it is in @marks */

  for (guint u = spanmark_curation_find_unit (self->curation, start); u < n_units; u++)
    {
      const SpanmarkUnit *unit = spanmark_curation_get_unit (self->curation, u);
      SpanmarkBadge badge;

      if (unit->start >= end)
        break;
      badge = unit_badge (self->curation, unit, u);

      g_array_set_size (rects, 0);
      spanmark_text_view_get_range_rects (self, unit->start, unit->end, start, end, rects);
      for (guint r = 0; r < rects->len; r++)
        {
          const GdkRectangle *line = &g_array_index (rects, GdkRectangle, r);
          SpanmarkMark mark = { SPANMARK_MARK_UNIT_LINE, 0, u, unit->start, unit->end, NULL, badge, };

          if (u == self->current_unit)
            {
              SpanmarkMark box = mark;

              box.kind = SPANMARK_MARK_CURRENT_UNIT;
              box.rect.x = line->x - 2;
              box.rect.width = line->width + 4;
              box.rect.y = line->y;
              box.rect.height = line->height + nested_space (self) + review_space (self) - LANE_BOTTOM / 2;
              g_array_append_val (marks, box);
            }

          if (badge == SPANMARK_BADGE_DISAGREED || badge == SPANMARK_BADGE_INCOMPLETE)
            {
              mark.rect.x = line->x;
              mark.rect.width = line->width;
              mark.rect.y = lanes_top (self, line) + (int) n_lanes * (LANE_HEIGHT + LANE_GAP);
              mark.rect.height = UNIT_LINE;
              g_array_append_val (marks, mark);
            }

          /* One badge per line, on the line the unit starts on, saying
           * the most pressing state there. */
          if (r == 0 && unit->start >= start)
            {
              if (badge_line == line->y)
                {
                  SpanmarkMark *shown = &g_array_index (marks, SpanmarkMark, badge_index);

                  if (badge > shown->badge)
                    {
                      shown->badge = badge;
                      shown->unit = u;
                      shown->start = unit->start;
                      shown->end = unit->end;
                    }
                  continue;
                }
              mark.kind = SPANMARK_MARK_UNIT_BADGE;
              mark.rect.width = mark.rect.height = BADGE_SIZE;
              mark.rect.x = MAX (0, (left_margin - BADGE_SIZE) / 2);
              mark.rect.y = line->y + (line->height - BADGE_SIZE) / 2;
              badge_line = line->y;
              badge_index = marks->len;
              g_array_append_val (marks, mark);
            }
        }
    }
}

/* The first assist mark that may reach @start: marks are sorted by
 * start, and none is longer than the longest seen, so a binary search
 * for start - longest finds it. */
static guint
first_assist_mark (SpanmarkTextView *self,
                   guint             start)
{
  guint lo = 0, hi = self->assist_marks->len;
  guint from = start > self->assist_longest ? start - self->assist_longest : 0;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->assist_marks, SpanmarkAssistMark, mid).start < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The suggestions' boxes (around the text, a pixel out) and the lines
 * under spans to review (at the bottom of the nested spans' lanes, below
 * the line), on the visible lines. */
static void
add_assist_marks (SpanmarkTextView *self,
                  guint             start,
                  guint             end,
                  GArray           *marks,
                  GArray           *rects)
{
  if (self->assist_marks == NULL)
    return;

  for (guint i = first_assist_mark (self, start); i < self->assist_marks->len; i++)
    {
      const SpanmarkAssistMark *assist = &g_array_index (self->assist_marks, SpanmarkAssistMark, i);

      if (assist->start >= end)
        break;
      if (assist->end <= start)
        continue;

      g_array_set_size (rects, 0);
      spanmark_text_view_get_range_rects (self, assist->start, assist->end, start, end, rects);
      for (guint r = 0; r < rects->len; r++)
        {
          const GdkRectangle *line = &g_array_index (rects, GdkRectangle, r);
          SpanmarkMark mark = { 0, };

          mark.kind = assist->kind;
          mark.unit = i;
          mark.start = assist->start;
          mark.end = assist->end;
          mark.label = assist->label;
          if (assist->kind == SPANMARK_MARK_SUGGESTION)
            {
              mark.rect.x = line->x - 1;
              mark.rect.width = line->width + 2;
              mark.rect.y = line->y;
              mark.rect.height = line->height;
            }
          else
            {
              mark.rect.x = line->x;
              mark.rect.width = line->width;
              mark.rect.y = line->y + line->height + MAX (nested_space (self), UNIT_LINE) - UNIT_LINE;
              mark.rect.height = UNIT_LINE;
            }
          g_array_append_val (marks, mark);
        }
    }
}

GArray *
spanmark_text_view_collect_marks (SpanmarkTextView *self)
{
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (GdkRectangle));
  g_autoptr(GArray) unit_marks = g_array_new (FALSE, FALSE, sizeof (SpanmarkMark));
  g_autoptr(GArray) chips = g_array_new (FALSE, FALSE, sizeof (SpanmarkMark));
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (SpanmarkMark));
  guint start, end;

  g_return_val_if_fail (SPANMARK_IS_TEXT_VIEW (self), marks);

  if (self->curation == NULL && self->set == NULL && self->assist_marks == NULL)
    return marks;

  spanmark_text_view_get_visible_range (self, &start, &end);
  if (self->curation != NULL)
    add_unit_marks (self, start, end, unit_marks, rects);

  /* The current unit's box first (under everything), then the spans'
   * brackets and lanes, the review lanes, the unit lines and badges
   * (over the lanes), and the chips last. */
  for (guint i = 0; i < unit_marks->len; i++)
    if (g_array_index (unit_marks, SpanmarkMark, i).kind == SPANMARK_MARK_CURRENT_UNIT)
      g_array_append_val (marks, g_array_index (unit_marks, SpanmarkMark, i));
  if (self->set != NULL)
    add_boundary_marks (self, start, end, marks, chips, rects);
  if (self->curation != NULL)
    add_lane_marks (self, start, end, marks, rects);
  for (guint i = 0; i < unit_marks->len; i++)
    if (g_array_index (unit_marks, SpanmarkMark, i).kind != SPANMARK_MARK_CURRENT_UNIT)
      g_array_append_val (marks, g_array_index (unit_marks, SpanmarkMark, i));
  add_assist_marks (self, start, end, marks, rects);
  g_array_append_vals (marks, chips->data, chips->len);

  return marks;
}

/* Drawing */

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* The named colours of the style (light, dark, high contrast); GTK 4.8
   * has no other way to read them. */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    gdk_rgba_parse (color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static const char *
badge_text (SpanmarkBadge badge)
{
  switch (badge)
    {
    case SPANMARK_BADGE_DISAGREED:
      return "!";
    case SPANMARK_BADGE_INCOMPLETE:
      return "?";
    case SPANMARK_BADGE_AGREED:
      return "+";
    case SPANMARK_BADGE_DECIDED:
    default:
      return "✓";
    }
}

typedef struct
{
  GdkRGBA accent;
  GdkRGBA badge[SPANMARK_BADGE_DISAGREED + 1];
  GdkRGBA on_badge;
} Palette;

static void
get_palette (SpanmarkTextView *self,
             Palette          *palette)
{
  GtkWidget *widget = GTK_WIDGET (self);

  lookup_color (widget, "accent_color", "#1c71d8", &palette->accent);
  lookup_color (widget, "success_color", "#26a269", &palette->badge[SPANMARK_BADGE_DECIDED]);
  lookup_color (widget, "accent_color", "#1c71d8", &palette->badge[SPANMARK_BADGE_AGREED]);
  lookup_color (widget, "warning_color", "#ae7b03", &palette->badge[SPANMARK_BADGE_INCOMPLETE]);
  lookup_color (widget, "error_color", "#c01c28", &palette->badge[SPANMARK_BADGE_DISAGREED]);
  gdk_rgba_parse (&palette->on_badge, "#ffffff");
}

static void
append_rounded (GtkSnapshot        *snapshot,
                const GdkRectangle *rect,
                float               radius,
                const GdkRGBA      *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height),
                                   MIN (radius, MIN (rect->width, rect->height) / 2.f));
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height));
  gtk_snapshot_pop (snapshot);
}

static void
append_outline (GtkSnapshot        *snapshot,
                const GdkRectangle *rect,
                float               radius,
                const GdkRGBA      *color)
{
  GskRoundedRect rounded;
  const float widths[4] = { 1.5f, 1.5f, 1.5f, 1.5f };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height),
                                   radius);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

/* A dashed (disagreed) or dotted (incomplete) line: the pattern, not only
 * the colour, tells them apart. */
/* A line of dashes @dash long with @gap between, across @rect (along its
 * longer side). */
static void
append_dashes (GtkSnapshot        *snapshot,
               const GdkRectangle *rect,
               int                 dash,
               int                 gap,
               const GdkRGBA      *color)
{
  if (rect->width >= rect->height)
    for (int x = rect->x; x < rect->x + rect->width; x += dash + gap)
      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT (x, rect->y, MIN (dash, rect->x + rect->width - x), rect->height));
  else
    for (int y = rect->y; y < rect->y + rect->height; y += dash + gap)
      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT (rect->x, y, rect->width, MIN (dash, rect->y + rect->height - y)));
}

static void
append_pattern_line (GtkSnapshot        *snapshot,
                     const GdkRectangle *rect,
                     SpanmarkBadge       badge,
                     const GdkRGBA      *color)
{
  if (badge == SPANMARK_BADGE_DISAGREED)
    append_dashes (snapshot, rect, 6, 3, color);
  else
    append_dashes (snapshot, rect, 2, 2, color);
}

/* A suggestion: a dotted box, so that it reads as "not a span yet" next
 * to the spans' filled backgrounds, whatever the colour. */
static void
append_dotted_box (GtkSnapshot        *snapshot,
                   const GdkRectangle *rect,
                   const GdkRGBA      *color)
{
  GdkRectangle top = { rect->x, rect->y, rect->width, 1 };
  GdkRectangle bottom = { rect->x, rect->y + rect->height - 1, rect->width, 1 };
  GdkRectangle left = { rect->x, rect->y, 1, rect->height };
  GdkRectangle right = { rect->x + rect->width - 1, rect->y, 1, rect->height };

  append_dashes (snapshot, &top, DOT, DOT_GAP, color);
  append_dashes (snapshot, &bottom, DOT, DOT_GAP, color);
  append_dashes (snapshot, &left, DOT, DOT_GAP, color);
  append_dashes (snapshot, &right, DOT, DOT_GAP, color);
}

static void
append_badge (SpanmarkTextView   *self,
              GtkSnapshot        *snapshot,
              const SpanmarkMark *mark,
              const Palette      *palette)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), badge_text (mark->badge));
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  int width, height;

  append_rounded (snapshot, &mark->rect, BADGE_SIZE / 2.f, &palette->badge[mark->badge]);

  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (font, (BADGE_SIZE - 5) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_get_pixel_size (layout, &width, &height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (mark->rect.x + (mark->rect.width - width) / 2.f,
                                                          mark->rect.y + (mark->rect.height - height) / 2.f));
  gtk_snapshot_append_layout (snapshot, layout, &palette->on_badge);
  gtk_snapshot_restore (snapshot);
}

/* "[" or "]": a bar down the side of the character cell and ticks along
 * its top and bottom. */
static void
append_bracket (SpanmarkTextView   *self,
                GtkSnapshot        *snapshot,
                const SpanmarkMark *mark,
                const GdkRGBA      *color)
{
  const GdkRectangle *r = &mark->rect;
  int bar = spanmark_label_rules_is_high_contrast (self->style) ? BRACKET_BAR_HC : BRACKET_BAR;
  int x = mark->kind == SPANMARK_MARK_SPAN_START ? r->x : r->x + r->width - bar;

  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, r->y, bar, r->height));
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (r->x, r->y, r->width, bar));
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (r->x, r->y + r->height - bar, r->width, bar));
}

/* A nested span's underline: rounded at its true ends, square where it
 * goes on on the next line. */
static void
append_nested (GtkSnapshot        *snapshot,
               const SpanmarkMark *mark,
               const GdkRGBA      *color)
{
  const GdkRectangle *r = &mark->rect;
  graphene_size_t round = GRAPHENE_SIZE_INIT (NESTED_HEIGHT / 2.f, NESTED_HEIGHT / 2.f);
  graphene_size_t square = GRAPHENE_SIZE_INIT (0, 0);
  GskRoundedRect rounded;

  gsk_rounded_rect_init (&rounded, &GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height),
                         mark->opens ? &round : &square, mark->closes ? &round : &square,
                         mark->closes ? &round : &square, mark->opens ? &round : &square);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height));
  gtk_snapshot_pop (snapshot);
}

/* The label's name, shortened to fit. */
static void
append_chip (SpanmarkTextView   *self,
             GtkSnapshot        *snapshot,
             const SpanmarkMark *mark,
             const LabelLook    *look)
{
  g_autoptr(PangoLayout) layout = chip_layout (self, mark->label);
  const GdkRectangle *r = &mark->rect;
  int width, height;

  append_rounded (snapshot, r, 3, &look->chip_fill);

  /* Room for a letter or two and "…": shortened (on a copy: the laid-out
   * name serves every chip of the label); less: the first letter, cut
   * (an "…" alone says nothing). */
  pango_layout_get_pixel_size (layout, &width, &height);
  if (width > r->width - 2 * CHIP_PAD_X && r->width - 2 * CHIP_PAD_X >= 2 * chip_font_px (self))
    {
      PangoLayout *shorter = pango_layout_copy (layout);

      pango_layout_set_width (shorter, (r->width - 2 * CHIP_PAD_X) * PANGO_SCALE);
      pango_layout_set_ellipsize (shorter, PANGO_ELLIPSIZE_END);
      g_object_unref (layout);
      layout = shorter;
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (r->x + CHIP_PAD_X, r->y + (r->height - height) / 2.f));
  gtk_snapshot_append_layout (snapshot, layout, &look->chip_text);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
draw_marks (SpanmarkTextView *self,
            GtkSnapshot      *snapshot)
{
  g_autoptr(GArray) marks = spanmark_text_view_collect_marks (self);
  /* The span at the caret: its marks in the text's own colour, which
   * reads on its strong shade (the label rules make sure). */
  GdkRGBA ink = { 0, 0, 0, 1 };
  Palette palette;

  if (marks->len == 0)
    return;

  get_palette (self, &palette);
  if (spanmark_label_rules_is_dark (self->style))
    ink = (GdkRGBA) { 1, 1, 1, 1 };
  for (guint i = 0; i < marks->len; i++)
    {
      const SpanmarkMark *mark = &g_array_index (marks, SpanmarkMark, i);
      const LabelLook *look = lookup_look (self, mark->label);
      GdkRGBA box;

      switch (mark->kind)
        {
        case SPANMARK_MARK_CURRENT_UNIT:
          box = palette.accent;
          box.alpha = 0.07f;
          append_rounded (snapshot, &mark->rect, 4, &box);
          append_outline (snapshot, &mark->rect, 4, &palette.accent);
          break;
        case SPANMARK_MARK_LANE:
          append_rounded (snapshot, &mark->rect, 1.5f, &look->mark);
          break;
        case SPANMARK_MARK_SPAN_START:
        case SPANMARK_MARK_SPAN_END:
          append_bracket (self, snapshot, mark, mark->current ? &ink : &look->mark);
          break;
        case SPANMARK_MARK_NESTED:
          append_nested (snapshot, mark, mark->current ? &ink : &look->mark);
          break;
        case SPANMARK_MARK_CHIP:
          append_chip (self, snapshot, mark, look);
          break;
        case SPANMARK_MARK_UNIT_LINE:
          append_pattern_line (snapshot, &mark->rect, mark->badge, &palette.badge[mark->badge]);
          break;
        case SPANMARK_MARK_UNIT_BADGE:
          append_badge (self, snapshot, mark, &palette);
          break;
        case SPANMARK_MARK_SUGGESTION:
          append_dotted_box (snapshot, &mark->rect, &look->mark);
          break;
        case SPANMARK_MARK_TO_REVIEW:
          append_dashes (snapshot, &mark->rect, DASH, DASH_GAP, &look->mark);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
spanmark_text_view_snapshot_layer (GtkTextView      *text_view,
                                   GtkTextViewLayer  layer,
                                   GtkSnapshot      *snapshot)
{
  SpanmarkTextView *self = SPANMARK_TEXT_VIEW (text_view);

  /* GtkTextView itself draws nothing here (no default handler). */
  if (GTK_TEXT_VIEW_CLASS (spanmark_text_view_parent_class)->snapshot_layer != NULL)
    GTK_TEXT_VIEW_CLASS (spanmark_text_view_parent_class)->snapshot_layer (text_view, layer, snapshot);

  /* Above the text: the view lays out the lines it shows only as it
   * draws them, after the layer below, whose geometry would be that of
   * lines not laid out yet.  The marks are below the lines and in the
   * margin, and the current unit's box is a faint outline, so nothing
   * hides a character. */
  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT)
    draw_marks (self, snapshot);
}

/* Colours */

static void
make_look (SpanmarkTextView *self,
           const char       *color,
           LabelLook        *look)
{
  g_autofree char *mark = spanmark_label_rules_get_mark_color (color, self->style);
  g_autofree char *fill = NULL;
  g_autofree char *text = NULL;

  spanmark_label_rules_get_chip_colors (color, self->style, &fill, &text);
  gdk_rgba_parse (&look->mark, mark);
  gdk_rgba_parse (&look->chip_fill, fill);
  gdk_rgba_parse (&look->chip_text, text);
  g_clear_object (&look->chip);
}

static void
look_free (gpointer data)
{
  LabelLook *look = data;

  g_clear_object (&look->chip);
  g_free (look);
}

/* Every label's colours for the style, and the chips measured again. */
static void
update_looks (SpanmarkTextView *self)
{
  g_hash_table_remove_all (self->looks);
  /* The grey the document view gives labels it does not know. */
  make_look (self, "#808080", &self->fallback);

  for (guint i = 0; self->schema != NULL && i < spanmark_schema_get_n_labels (self->schema); i++)
    {
      const SpanmarkLabel *label = spanmark_schema_get_label (self->schema, i);
      g_autofree char *color = label->color != NULL ? spanmark_label_rules_parse_color (label->color, NULL) : NULL;
      LabelLook *look = g_new0 (LabelLook, 1);

      make_look (self, color != NULL ? color : "#808080", look);
      g_hash_table_insert (self->looks, g_strdup (label->name), look);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_schema (SpanmarkTextView *self,
            SpanmarkSchema   *schema)
{
  if (g_set_object (&self->schema, schema))
    update_looks (self);
}

void
spanmark_text_view_get_mark_color (SpanmarkTextView *self,
                                   const char       *label,
                                   GdkRGBA          *color)
{
  g_return_if_fail (SPANMARK_IS_TEXT_VIEW (self));
  g_return_if_fail (color != NULL);

  *color = lookup_look (self, label)->mark;
}

void
spanmark_text_view_set_label_style (SpanmarkTextView   *self,
                                    SpanmarkLabelStyle  style)
{
  g_return_if_fail (SPANMARK_IS_TEXT_VIEW (self));
  g_return_if_fail ((guint) style < SPANMARK_LABEL_N_STYLES);

  if (self->style == style)
    return;

  self->style = style;
  update_looks (self);
}

SpanmarkLabelStyle
spanmark_text_view_get_label_style (SpanmarkTextView *self)
{
  g_return_val_if_fail (SPANMARK_IS_TEXT_VIEW (self), SPANMARK_LABEL_STYLE_LIGHT);

  return self->style;
}

/* Span boundaries */

static void
set_changed_cb (SpanmarkTextView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
spanmark_text_view_set_annotation_set (SpanmarkTextView      *self,
                                       SpanmarkSchema        *schema,
                                       SpanmarkAnnotationSet *set)
{
  g_return_if_fail (SPANMARK_IS_TEXT_VIEW (self));
  g_return_if_fail (set == NULL || SPANMARK_IS_ANNOTATION_SET (set));
  g_return_if_fail (set == NULL || SPANMARK_IS_SCHEMA (schema));

  if (self->set != NULL)
    g_signal_handlers_disconnect_by_func (self->set, set_changed_cb, self);
  g_set_object (&self->set, set);
  spanmark_text_view_set_current_span (self, NULL);
  if (set != NULL)
    {
      set_schema (self, schema);
      /* Every change of spans moves boundaries; the tags the document
       * view changes with it redraw the text, and with it the marks,
       * but a change of the caret's span alone does not. */
      g_signal_connect_object (set, "changed", G_CALLBACK (set_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
spanmark_text_view_set_current_span (SpanmarkTextView   *self,
                                     const SpanmarkSpan *span)
{
  g_return_if_fail (SPANMARK_IS_TEXT_VIEW (self));

  if (span == NULL && self->current_label == NULL)
    return;
  if (span != NULL && self->current_label != NULL && is_current (self, span))
    return;

  g_clear_pointer (&self->current_label, g_free);
  if (span != NULL)
    {
      self->current_start = span->start;
      self->current_end = span->end;
      self->current_label = g_strdup (span->label);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
spanmark_text_view_set_font_size (SpanmarkTextView *self,
                                  int               points)
{
  g_return_if_fail (SPANMARK_IS_TEXT_VIEW (self));

  if (self->font_size == points)
    return;

  self->font_size = points;
  update_looks (self);
}

void
spanmark_text_view_set_show_chips (SpanmarkTextView *self,
                                   gboolean          show)
{
  g_return_if_fail (SPANMARK_IS_TEXT_VIEW (self));

  show = !!show;
  if (self->show_chips == show)
    return;

  self->show_chips = show;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
spanmark_text_view_get_show_chips (SpanmarkTextView *self)
{
  g_return_val_if_fail (SPANMARK_IS_TEXT_VIEW (self), FALSE);

  return self->show_chips;
}

/* Review mode */

static void
curated_changed_cb (SpanmarkTextView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The text view lays its lines out in idle steps after a new text, and
 * the marks' places depend on that layout: each step changes the height
 * of the text (the adjustment), and the marks are drawn again, also
 * those of lines drawn before the step. */
void
spanmark_text_view_set_assist_marks (SpanmarkTextView *self,
                                     SpanmarkSchema   *schema,
                                     GArray           *marks)
{
  g_return_if_fail (SPANMARK_IS_TEXT_VIEW (self));
  g_return_if_fail (marks == NULL || SPANMARK_IS_SCHEMA (schema));

  if (marks == NULL && self->assist_marks == NULL)
    return;

  g_clear_pointer (&self->assist_marks, g_array_unref);
  self->assist_longest = 0;
  if (marks != NULL)
    {
      self->assist_marks = g_array_ref (marks);
      for (guint i = 0; i < marks->len; i++)
        {
          const SpanmarkAssistMark *mark = &g_array_index (marks, SpanmarkAssistMark, i);

          self->assist_longest = MAX (self->assist_longest, mark->end - mark->start);
        }
      /* The marks take their labels' colours. */
      set_schema (self, schema);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
layout_changed_cb (SpanmarkTextView *self)
{
  if (self->curation != NULL || self->set != NULL || self->assist_marks != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
vadjustment_cb (SpanmarkTextView *self)
{
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, layout_changed_cb, self);
  g_set_object (&self->vadjustment, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self)));
  if (self->vadjustment != NULL)
    g_signal_connect_object (self->vadjustment, "changed", G_CALLBACK (layout_changed_cb), self, G_CONNECT_SWAPPED);
}

void
spanmark_text_view_set_curation (SpanmarkTextView *self,
                                 SpanmarkSchema   *schema,
                                 SpanmarkCuration *curation)
{
  g_return_if_fail (SPANMARK_IS_TEXT_VIEW (self));
  g_return_if_fail (curation == NULL || SPANMARK_IS_CURATION (curation));
  g_return_if_fail (curation == NULL || SPANMARK_IS_SCHEMA (schema));

  if (self->curation != NULL)
    g_signal_handlers_disconnect_by_data (spanmark_curation_get_curated (self->curation), self);
  g_set_object (&self->curation, curation);
  self->current_unit = G_MAXUINT;

  if (curation != NULL)
    {
      /* The lanes' colours. */
      set_schema (self, schema);
      /* A decision changes states and badges, not only the text's tags. */
      g_signal_connect_object (spanmark_curation_get_curated (curation), "changed",
                               G_CALLBACK (curated_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

SpanmarkCuration *
spanmark_text_view_get_curation (SpanmarkTextView *self)
{
  g_return_val_if_fail (SPANMARK_IS_TEXT_VIEW (self), NULL);

  return self->curation;
}

void
spanmark_text_view_set_current_unit (SpanmarkTextView *self,
                                     guint             unit)
{
  g_return_if_fail (SPANMARK_IS_TEXT_VIEW (self));

  if (self->current_unit == unit)
    return;

  self->current_unit = unit;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
spanmark_text_view_get_current_unit (SpanmarkTextView *self)
{
  g_return_val_if_fail (SPANMARK_IS_TEXT_VIEW (self), G_MAXUINT);

  return self->current_unit;
}

static void
spanmark_text_view_dispose (GObject *object)
{
  SpanmarkTextView *self = SPANMARK_TEXT_VIEW (object);

  if (self->curation != NULL)
    g_signal_handlers_disconnect_by_data (spanmark_curation_get_curated (self->curation), self);
  g_clear_object (&self->curation);
  if (self->set != NULL)
    g_signal_handlers_disconnect_by_func (self->set, set_changed_cb, self);
  g_clear_object (&self->set);
  g_clear_object (&self->schema);
  g_clear_pointer (&self->assist_marks, g_array_unref);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, layout_changed_cb, self);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (spanmark_text_view_parent_class)->dispose (object);
}

static void
spanmark_text_view_finalize (GObject *object)
{
  SpanmarkTextView *self = SPANMARK_TEXT_VIEW (object);

  g_clear_pointer (&self->looks, g_hash_table_unref);
  g_clear_pointer (&self->current_label, g_free);

  G_OBJECT_CLASS (spanmark_text_view_parent_class)->finalize (object);
}

static void
spanmark_text_view_class_init (SpanmarkTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = spanmark_text_view_dispose;
  object_class->finalize = spanmark_text_view_finalize;
  text_view_class->snapshot_layer = spanmark_text_view_snapshot_layer;
}

static void
spanmark_text_view_init (SpanmarkTextView *self)
{
  self->looks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, look_free);
  self->style = SPANMARK_LABEL_STYLE_LIGHT;
  self->font_size = 16;
  self->current_unit = G_MAXUINT;
  update_looks (self);
  g_signal_connect (self, "notify::vadjustment", G_CALLBACK (vadjustment_cb), NULL);
}

GtkWidget *
spanmark_text_view_new (void)
{
  return g_object_new (SPANMARK_TYPE_TEXT_VIEW, NULL);
}
