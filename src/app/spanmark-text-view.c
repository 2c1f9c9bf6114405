/* spanmark-text-view.c — the document's text view, and what it draws beside the text
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-text-view.h"

/* The lanes, in pixels: a gap below the line, then per annotator a bar
 * and a gap, then the open units' line. */
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

struct _SpanmarkTextView
{
  GtkTextView       parent_instance;

  SpanmarkCuration *curation;
  GArray           *assist_marks; /* of SpanmarkAssistMark, by start; NULL: none */
  guint             assist_longest; /* the longest assist mark, in code points */
  GHashTable       *colors;       /* label name -> GdkRGBA, the marks' colours */
  guint             current_unit; /* G_MAXUINT: none */
  GtkAdjustment    *vadjustment;  /* watched: see layout_changed_cb() */
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

int
spanmark_text_view_get_lane_space (SpanmarkTextView *self)
{
  g_return_val_if_fail (SPANMARK_IS_TEXT_VIEW (self), 0);

  if (self->curation == NULL)
    return 0;

  return LANE_TOP + (int) spanmark_curation_get_n_annotators (self->curation) * (LANE_HEIGHT + LANE_GAP)
         + UNIT_LINE + LANE_BOTTOM;
}

static int
lanes_top (const GdkRectangle *line)
{
  return line->y + line->height + LANE_TOP;
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
              mark.rect.y = lanes_top (line) + (int) lane * (LANE_HEIGHT + LANE_GAP);
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
              box.rect.height = line->height + spanmark_text_view_get_lane_space (self) - LANE_BOTTOM / 2;
              g_array_append_val (marks, box);
            }

          if (badge == SPANMARK_BADGE_DISAGREED || badge == SPANMARK_BADGE_INCOMPLETE)
            {
              mark.rect.x = line->x;
              mark.rect.width = line->width;
              mark.rect.y = lanes_top (line) + (int) n_lanes * (LANE_HEIGHT + LANE_GAP);
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
 * under spans to review (in the space below the line, where the lanes of
 * review mode would be), on the visible lines. */
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
          SpanmarkMark mark = { assist->kind, 0, i, assist->start, assist->end, assist->label, 0, };

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
              mark.rect.y = line->y + line->height;
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
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (SpanmarkMark));
  GArray *unit_marks;
  guint start, end;

  g_return_val_if_fail (SPANMARK_IS_TEXT_VIEW (self), marks);

  if (self->curation == NULL && self->assist_marks == NULL)
    return marks;

  spanmark_text_view_get_visible_range (self, &start, &end);
  if (self->curation == NULL)
    {
      add_assist_marks (self, start, end, marks, rects);
      return marks;
    }

  unit_marks = g_array_new (FALSE, FALSE, sizeof (SpanmarkMark));
  add_unit_marks (self, start, end, unit_marks, rects);
  add_lane_marks (self, start, end, marks, rects);

  /* The current unit's box first (under everything), the unit lines and
   * badges last (over the lanes). */
  for (guint i = 0; i < unit_marks->len; i++)
    if (g_array_index (unit_marks, SpanmarkMark, i).kind == SPANMARK_MARK_CURRENT_UNIT)
      g_array_prepend_val (marks, g_array_index (unit_marks, SpanmarkMark, i));
  for (guint i = 0; i < unit_marks->len; i++)
    if (g_array_index (unit_marks, SpanmarkMark, i).kind != SPANMARK_MARK_CURRENT_UNIT)
      g_array_append_val (marks, g_array_index (unit_marks, SpanmarkMark, i));
  g_array_unref (unit_marks);
  add_assist_marks (self, start, end, marks, rects);

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

/* A dashed (disagreed) or dotted (incomplete) line: the pattern, not only
 * the colour, tells them apart. */
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

static void
draw_marks (SpanmarkTextView *self,
            GtkSnapshot      *snapshot)
{
  g_autoptr(GArray) marks = spanmark_text_view_collect_marks (self);
  GdkRGBA grey = { 0.5, 0.5, 0.5, 1.0 };
  Palette palette;

  if (marks->len == 0)
    return;

  get_palette (self, &palette);
  for (guint i = 0; i < marks->len; i++)
    {
      const SpanmarkMark *mark = &g_array_index (marks, SpanmarkMark, i);
      const GdkRGBA *color;
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
          color = g_hash_table_lookup (self->colors, mark->label);
          append_rounded (snapshot, &mark->rect, 1.5f, color != NULL ? color : &grey);
          break;
        case SPANMARK_MARK_UNIT_LINE:
          append_pattern_line (snapshot, &mark->rect, mark->badge, &palette.badge[mark->badge]);
          break;
        case SPANMARK_MARK_UNIT_BADGE:
          append_badge (self, snapshot, mark, &palette);
          break;
        case SPANMARK_MARK_SUGGESTION:
          color = g_hash_table_lookup (self->colors, mark->label);
          append_dotted_box (snapshot, &mark->rect, color != NULL ? color : &grey);
          break;
        case SPANMARK_MARK_TO_REVIEW:
          color = g_hash_table_lookup (self->colors, mark->label);
          append_dashes (snapshot, &mark->rect, DASH, DASH_GAP, color != NULL ? color : &grey);
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

/* The labels' colours, for the lanes and the assist marks. */
static void
set_colors (SpanmarkTextView *self,
            SpanmarkSchema   *schema)
{
  g_hash_table_remove_all (self->colors);
  for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
    {
      const SpanmarkLabel *label = spanmark_schema_get_label (schema, i);
      GdkRGBA color;

      if (gdk_rgba_parse (&color, label->color))
        g_hash_table_insert (self->colors, g_strdup (label->name), gdk_rgba_copy (&color));
    }
}

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
      set_colors (self, schema);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
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
static void
layout_changed_cb (SpanmarkTextView *self)
{
  if (self->curation != NULL || self->assist_marks != NULL)
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
      set_colors (self, schema);
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

  g_clear_pointer (&self->colors, g_hash_table_unref);

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
  self->colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) gdk_rgba_free);
  self->current_unit = G_MAXUINT;
  g_signal_connect (self, "notify::vadjustment", G_CALLBACK (vadjustment_cb), NULL);
}

GtkWidget *
spanmark_text_view_new (void)
{
  return g_object_new (SPANMARK_TYPE_TEXT_VIEW, NULL);
}
