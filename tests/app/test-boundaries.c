/* test-boundaries.c — every span's boundaries drawn where the span is
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text view's marks (spanmark_text_view_collect_marks(), the list it
 * draws) checked against the spans and the characters' places on screen:
 * brackets at the ends of outer spans, lanes under nested and
 * overlapping ones, chips above; after edits, undo, line wraps, chips
 * switched and style changes; and what the caret's spans say to a screen
 * reader.  The document is the one of the screenshots in docs/
 * (tests/app/fixtures/boundaries, annotator "sample").
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "app-test-util.h"
#include "spanmark-document-view.h"
#include "spanmark-history.h"
#include "spanmark-label-rules.h"
#include "spanmark-project.h"
#include "spanmark-text-view.h"

/* The fixture's text: adjacent places (0–12), a place, an initiative
 * with places nested two deep (34–47), an overlap of a place and an
 * official (74–84) and an official with a place inside (87–96). */
#define TEXT \
  "云岚省青溪市松桥区柳湾镇的村民，上周在双溪移民小区门口排起长队。\n" \
  "“松桥区柳湾镇乡村振兴示范带”建设已进入第二年，沿河新修的步道把六个村连在一起。\n" \
  "松桥区柳湾镇长陈思远介绍，云岚省委书记林振邦曾三次到镇上调研。\n"

/* Its spans. */
#define N_SPANS 13

typedef struct
{
  SpanmarkSchema        *schema;
  SpanmarkAnnotationSet *set;
  GtkWidget             *window;
  SpanmarkDocumentView  *view;
  SpanmarkTextView      *text_view;
} Fixture;

static guint
offset_of (const char *needle,
           guint       nth)
{
  return spanmark_test_offset_of (TEXT, needle, nth);
}

/* The main loop until nothing is left to do: the text laid out, the
 * view drawn. */
static void
settle (Fixture *fixture)
{
  for (guint i = 0; i < 3; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      gtk_widget_queue_draw (GTK_WIDGET (fixture->text_view));
      g_main_context_iteration (NULL, TRUE);
    }
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
load_fixture (Fixture *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "app", "fixtures", "boundaries", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkProject) project = spanmark_project_open (dir, &error);

  g_assert_no_error (error);
  fixture->schema = g_object_ref (spanmark_project_get_schema (project));
  fixture->set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "boundaries-001"),
                                                    "sample", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spanmark_annotation_set_get_text (fixture->set), ==, TEXT);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (fixture->set), ==, N_SPANS);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  load_fixture (fixture);
  fixture->view = SPANMARK_DOCUMENT_VIEW (spanmark_document_view_new ());
  fixture->text_view = SPANMARK_TEXT_VIEW (spanmark_document_view_get_text_view (fixture->view));
  /* Wide enough for each paragraph on two lines at most, unless the
   * test asks for a narrower one. */
  fixture->window = spanmark_test_present (GTK_WIDGET (fixture->view),
                                           GPOINTER_TO_INT (data) > 0 ? GPOINTER_TO_INT (data) : 900, 600);
  spanmark_document_view_set_annotation_set (fixture->view, fixture->schema, fixture->set);
  settle (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The view and the set go with the window; the schema was the
   * project's, which others may still hold. */
  spanmark_test_destroy_window (fixture->window, fixture->view);
  g_assert_finalize_object (fixture->set);
  g_clear_object (&fixture->schema);
}

/* Where the character at @offset is drawn, buffer coordinates. */
static GdkRectangle
char_rect (Fixture *fixture,
           guint    offset)
{
  GtkTextView *view = GTK_TEXT_VIEW (fixture->text_view);
  GtkTextIter iter;
  GdkRectangle rect;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, (int) offset);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  return rect;
}

static GArray *
collect (Fixture *fixture)
{
  return spanmark_text_view_collect_marks (fixture->text_view);
}

/* The marks of @kind for the span [start, end) of @label, in order. */
static GArray *
marks_for (GArray           *marks,
           SpanmarkMarkKind  kind,
           guint             start,
           guint             end,
           const char       *label)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (SpanmarkMark));

  for (guint i = 0; i < marks->len; i++)
    {
      const SpanmarkMark *mark = &g_array_index (marks, SpanmarkMark, i);

      if (mark->kind == kind && mark->start == start && mark->end == end && g_str_equal (mark->label, label))
        g_array_append_val (found, *mark);
    }

  return found;
}

static guint
count_kind (GArray           *marks,
            SpanmarkMarkKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < marks->len; i++)
    n += g_array_index (marks, SpanmarkMark, i).kind == kind;
  return n;
}

/* The levels the spans must be drawn at, worked out here the slow way:
 * in the set's order, the first level no earlier span that overlaps it
 * is on (two lanes below the text, so deeper ones share level 2). */
static guint *
reference_levels (SpanmarkAnnotationSet *set)
{
  guint n = spanmark_annotation_set_get_n_spans (set);
  guint *levels = g_new0 (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);
      gboolean taken[SPANMARK_TEXT_VIEW_NESTED_LANES + 1] = { FALSE };

      for (guint j = 0; j < i; j++)
        {
          const SpanmarkSpan *other = spanmark_annotation_set_get_span (set, j);

          if (other->start < span->end && span->start < other->end)
            taken[levels[j]] = TRUE;
        }
      while (levels[i] < SPANMARK_TEXT_VIEW_NESTED_LANES && taken[levels[i]])
        levels[i]++;
    }

  return levels;
}

/* The heart of it: for every span of the set, the marks drawn are where
 * its characters are.  An outer span has one "[" at its first character
 * and one "]" at its last, whatever lines they are on, and nothing
 * else; a nested one has one underline per display line it covers, in
 * its level's lane, from its first character's left to its last one's
 * right (a pixel short at the true ends), and no bracket.  No mark
 * belongs to no span.  Returns how many spans were at each level. */
static void
assert_marks_match_spans (Fixture *fixture,
                          guint    per_level[SPANMARK_TEXT_VIEW_NESTED_LANES + 1])
{
  g_autoptr(GArray) marks = collect (fixture);
  g_autofree guint *levels = reference_levels (fixture->set);
  guint n = spanmark_annotation_set_get_n_spans (fixture->set);
  guint brackets = 0, lanes = 0;

  memset (per_level, 0, sizeof (guint) * (SPANMARK_TEXT_VIEW_NESTED_LANES + 1));
  for (guint i = 0; i < n; i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (fixture->set, i);
      g_autoptr(GArray) starts = marks_for (marks, SPANMARK_MARK_SPAN_START, span->start, span->end, span->label);
      g_autoptr(GArray) ends = marks_for (marks, SPANMARK_MARK_SPAN_END, span->start, span->end, span->label);
      g_autoptr(GArray) nested = marks_for (marks, SPANMARK_MARK_NESTED, span->start, span->end, span->label);
      GdkRectangle first = char_rect (fixture, span->start);
      GdkRectangle last = char_rect (fixture, span->end - 1);

      per_level[levels[i]]++;
      if (levels[i] == 0)
        {
          const SpanmarkMark *open, *close;

          g_assert_cmpuint (starts->len, ==, 1);
          g_assert_cmpuint (ends->len, ==, 1);
          g_assert_cmpuint (nested->len, ==, 0);
          open = &g_array_index (starts, SpanmarkMark, 0);
          close = &g_array_index (ends, SpanmarkMark, 0);
          g_assert_cmpuint (open->level, ==, 0);
          /* Inside the first and last character cells, their height. */
          g_assert_cmpint (open->rect.x, ==, first.x);
          g_assert_cmpint (open->rect.y, ==, first.y);
          g_assert_cmpint (open->rect.height, ==, first.height);
          g_assert_cmpint (open->rect.width, >=, 2);
          g_assert_cmpint (open->rect.width, <=, first.width);
          g_assert_cmpint (close->rect.x + close->rect.width, ==, last.x + last.width);
          g_assert_cmpint (close->rect.y, ==, last.y);
          g_assert_cmpint (close->rect.width, <=, last.width);
          brackets += 2;
        }
      else
        {
          const SpanmarkMark *head, *tail;

          g_assert_cmpuint (starts->len, ==, 0);
          g_assert_cmpuint (ends->len, ==, 0);
          g_assert_cmpuint (nested->len, >=, 1);
          head = &g_array_index (nested, SpanmarkMark, 0);
          tail = &g_array_index (nested, SpanmarkMark, nested->len - 1);
          g_assert_true (head->opens);
          g_assert_true (tail->closes);
          g_assert_cmpint (head->rect.x, ==, first.x + 1);
          g_assert_cmpint (tail->rect.x + tail->rect.width, ==, last.x + last.width - 1);
          for (guint k = 0; k < nested->len; k++)
            {
              const SpanmarkMark *part = &g_array_index (nested, SpanmarkMark, k);
              GdkRectangle line = char_rect (fixture, k == 0 ? span->start : span->end - 1);

              g_assert_cmpuint (part->level, ==, levels[i]);
              g_assert_true (part->opens == (k == 0));
              g_assert_true (part->closes == (k == nested->len - 1));
              /* Below the text, lower for a deeper level, inside the
               * room below the line. */
              if (k == 0 || k == nested->len - 1)
                {
                  g_assert_cmpint (part->rect.y, >=, line.y + line.height + 1 + 5 * (int) (levels[i] - 1));
                  g_assert_cmpint (part->rect.y + part->rect.height, <=,
                                   line.y + line.height + spanmark_text_view_get_lane_space (fixture->text_view));
                }
            }
          /* One part per display line the span covers. */
          if (first.y == last.y)
            g_assert_cmpuint (nested->len, ==, 1);
          else
            g_assert_cmpuint (nested->len, >=, 2);
          lanes += nested->len;
        }
    }

  g_assert_cmpuint (count_kind (marks, SPANMARK_MARK_SPAN_START) + count_kind (marks, SPANMARK_MARK_SPAN_END), ==,
                    brackets);
  g_assert_cmpuint (count_kind (marks, SPANMARK_MARK_NESTED), ==, lanes);
}

static void
test_all_spans (Fixture       *fixture,
                gconstpointer  data)
{
  guint per_level[SPANMARK_TEXT_VIEW_NESTED_LANES + 1];
  GtkTextView *view = GTK_TEXT_VIEW (fixture->text_view);

  assert_marks_match_spans (fixture, per_level);
  /* 5 + 1 + 1 + 1 outer spans; 松桥区柳湾镇, 柳湾镇长陈思远 and 云岚省
   * one level in; 松桥区 and 柳湾镇 two. */
  g_assert_cmpuint (per_level[0], ==, 8);
  g_assert_cmpuint (per_level[1], ==, 3);
  g_assert_cmpuint (per_level[2], ==, 2);

  /* The lanes have their room below every line, whatever the font asks
   * for. */
  g_assert_cmpint (gtk_text_view_get_pixels_below_lines (view), >=,
                   spanmark_text_view_get_lane_space (fixture->text_view));
  g_assert_cmpint (gtk_text_view_get_pixels_inside_wrap (view), >=,
                   spanmark_text_view_get_lane_space (fixture->text_view));
  spanmark_document_view_set_font (fixture->view, 16, 1.0);
  g_assert_cmpint (gtk_text_view_get_pixels_below_lines (view), ==,
                   spanmark_text_view_get_lane_space (fixture->text_view));
  settle (fixture);
  assert_marks_match_spans (fixture, per_level);
}

/* 云岚省青溪市松桥区柳湾镇: four places side by side, one label — four
 * pairs of brackets, and between two of them "][" with room between the
 * halves. */
static void
test_adjacent (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GArray) marks = collect (fixture);
  const char *names[] = { "云岚省", "青溪市", "松桥区", "柳湾镇" };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (names); i++)
    {
      guint a = offset_of (names[i], 0), b = offset_of (names[i + 1], 0);
      g_autoptr(GArray) close = marks_for (marks, SPANMARK_MARK_SPAN_END, a, a + 3, "PLACE");
      g_autoptr(GArray) open = marks_for (marks, SPANMARK_MARK_SPAN_START, b, b + 3, "PLACE");
      const SpanmarkMark *left, *right;

      g_assert_cmpuint (b, ==, a + 3);
      g_assert_cmpuint (close->len, ==, 1);
      g_assert_cmpuint (open->len, ==, 1);
      left = &g_array_index (close, SpanmarkMark, 0);
      right = &g_array_index (open, SpanmarkMark, 0);
      /* The end of one and the start of the next meet at the boundary
       * without covering each other. */
      g_assert_cmpint (left->rect.x + left->rect.width, ==, right->rect.x);
      g_assert_cmpint (left->rect.y, ==, right->rect.y);
    }

  /* The second of two touching places is also a shade darker. */
  g_assert_cmpuint (spanmark_document_view_count_tagged (fixture->view, "next-PLACE"), ==, 9);
}

/* “松桥区柳湾镇乡村振兴示范带”: the initiative has brackets, 松桥区柳湾镇
 * the first lane, 松桥区 and 柳湾镇 the second, as two bars. */
static void
test_nested (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GArray) marks = collect (fixture);
  guint s = offset_of ("松桥区柳湾镇乡村振兴示范带", 0);
  g_autoptr(GArray) outer = marks_for (marks, SPANMARK_MARK_SPAN_START, s, s + 13, "INITIATIVE");
  g_autoptr(GArray) one = marks_for (marks, SPANMARK_MARK_NESTED, s, s + 6, "PLACE");
  g_autoptr(GArray) left = marks_for (marks, SPANMARK_MARK_NESTED, s, s + 3, "PLACE");
  g_autoptr(GArray) right = marks_for (marks, SPANMARK_MARK_NESTED, s + 3, s + 6, "PLACE");
  const SpanmarkMark *l1, *l2a, *l2b;

  g_assert_cmpuint (outer->len, ==, 1);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpuint (right->len, ==, 1);
  l1 = &g_array_index (one, SpanmarkMark, 0);
  l2a = &g_array_index (left, SpanmarkMark, 0);
  l2b = &g_array_index (right, SpanmarkMark, 0);
  g_assert_cmpuint (l1->level, ==, 1);
  g_assert_cmpuint (l2a->level, ==, 2);
  g_assert_cmpuint (l2b->level, ==, 2);
  /* The second lane is below the first, not touching it. */
  g_assert_cmpint (l2a->rect.y, >, l1->rect.y + l1->rect.height);
  g_assert_cmpint (l2a->rect.y, ==, l2b->rect.y);
  /* Two bars with a gap where 松桥区 ends and 柳湾镇 begins. */
  g_assert_cmpint (l2a->rect.x + l2a->rect.width, <, l2b->rect.x);
  g_assert_cmpint (l1->rect.x, ==, l2a->rect.x);
  g_assert_cmpint (l1->rect.x + l1->rect.width, ==, l2b->rect.x + l2b->rect.width);

  /* The outer span's shade covers the inner ones. */
  g_assert_cmpuint (spanmark_document_view_count_tagged (fixture->view, "label-INITIATIVE"), ==, 13);
  g_assert_cmpuint (spanmark_document_view_count_tagged (fixture->view, "inner-PLACE"), ==, 6 + 3);
}

/* 松桥区柳湾镇长陈思远: the place [74, 80) and the official [77, 84)
 * share 柳湾镇; the place's end bracket and the official's lane both
 * show, so where each one ends can be read. */
static void
test_overlapping (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GArray) marks = collect (fixture);
  guint place = offset_of ("松桥区柳湾镇长", 0);
  guint official = offset_of ("柳湾镇长陈思远", 0);
  g_autoptr(GArray) place_end = marks_for (marks, SPANMARK_MARK_SPAN_END, place, place + 6, "PLACE");
  g_autoptr(GArray) lane = marks_for (marks, SPANMARK_MARK_NESTED, official, official + 7, "OFFICIAL");
  GdkRectangle place_last = char_rect (fixture, place + 5);
  GdkRectangle official_last = char_rect (fixture, official + 6);

  g_assert_cmpuint (official, ==, place + 3);
  g_assert_cmpuint (place_end->len, ==, 1);
  g_assert_cmpuint (lane->len, ==, 1);
  /* The place ends inside the official's lane, the lane goes on. */
  g_assert_cmpint (g_array_index (place_end, SpanmarkMark, 0).rect.x + g_array_index (place_end, SpanmarkMark, 0).rect.width,
                   ==, place_last.x + place_last.width);
  g_assert_cmpint (g_array_index (lane, SpanmarkMark, 0).rect.x, <, place_last.x);
  g_assert_cmpint (g_array_index (lane, SpanmarkMark, 0).rect.x + g_array_index (lane, SpanmarkMark, 0).rect.width,
                   ==, official_last.x + official_last.width - 1);
  /* Where only the official is, its own shade. */
  g_assert_cmpuint (spanmark_document_view_count_tagged (fixture->view, "inner-OFFICIAL"), ==, 7);
}

/* A narrow window: spans wrap.  No bracket where a line breaks; a lane
 * goes on square to the line's end and on from the next line's start. */
static void
test_wrap (Fixture       *fixture,
           gconstpointer  data)
{
  guint per_level[SPANMARK_TEXT_VIEW_NESTED_LANES + 1];
  guint s = offset_of ("松桥区柳湾镇乡村振兴示范带", 0);
  const SpanmarkSpan *inner;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GArray) parts = NULL;
  g_autoptr(GArray) starts = NULL;
  gboolean wrapped = FALSE;

  /* A long span overlapping the initiative from its 乡村振兴示范带 on,
   * longer than the narrow window's lines (about 13 characters). */
  inner = spanmark_annotation_set_add_span (fixture->set, s + 6, s + 22, "OFFICIAL", NULL);
  g_assert_nonnull (inner);
  settle (fixture);
  assert_marks_match_spans (fixture, per_level);

  marks = collect (fixture);
  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (fixture->set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (fixture->set, i);

      if (char_rect (fixture, span->start).y != char_rect (fixture, span->end - 1).y)
        wrapped = TRUE;
    }
  g_assert_true (wrapped);

  parts = marks_for (marks, SPANMARK_MARK_NESTED, s + 6, s + 22, "OFFICIAL");
  g_assert_cmpuint (parts->len, ==, 2);
  g_assert_true (g_array_index (parts, SpanmarkMark, 0).opens);
  g_assert_false (g_array_index (parts, SpanmarkMark, 0).closes);
  g_assert_false (g_array_index (parts, SpanmarkMark, 1).opens);
  g_assert_true (g_array_index (parts, SpanmarkMark, 1).closes);
  g_assert_cmpint (g_array_index (parts, SpanmarkMark, 1).rect.y, >, g_array_index (parts, SpanmarkMark, 0).rect.y);

  /* The initiative wraps too: one "[" and one "]" all the same. */
  starts = marks_for (marks, SPANMARK_MARK_SPAN_START, s, s + 13, "INITIATIVE");
  g_assert_cmpuint (starts->len, ==, 1);
}

/* Tagging, moving a boundary, removing, undo and redo: the marks follow
 * every change, and the text never moves. */
static void
test_edit_undo (Fixture       *fixture,
                gconstpointer  data)
{
  SpanmarkHistory *history = spanmark_annotation_set_get_history (fixture->set);
  guint per_level[SPANMARK_TEXT_VIEW_NESTED_LANES + 1];
  guint s = offset_of ("双溪移民小区", 0);
  GdkRectangle before = char_rect (fixture, s);
  const SpanmarkSpan *span;
  g_autofree char *id = NULL;

  /* 双溪 inside 双溪移民小区: a lane. */
  span = spanmark_annotation_set_add_span (fixture->set, s, s + 2, "PLACE", NULL);
  id = g_strdup (span->id);
  settle (fixture);
  assert_marks_match_spans (fixture, per_level);
  g_assert_cmpuint (per_level[1], ==, 4);

  /* Its end one character on, then its start one back: it sticks out
   * of the outer span to the left, and is still drawn as it is. */
  g_assert_true (spanmark_annotation_set_set_span_range (fixture->set, id, s, s + 3, NULL));
  g_assert_true (spanmark_annotation_set_set_span_range (fixture->set, id, s - 1, s + 3, NULL));
  settle (fixture);
  assert_marks_match_spans (fixture, per_level);
  /* Starting first, it is the outer one now and 双溪移民小区 the inner. */
  g_assert_cmpuint (per_level[0], ==, 8);
  g_assert_cmpuint (per_level[1], ==, 4);

  g_assert_true (spanmark_annotation_set_remove_span (fixture->set, id));
  settle (fixture);
  assert_marks_match_spans (fixture, per_level);
  g_assert_cmpuint (per_level[1], ==, 3);

  while (spanmark_history_can_undo (history))
    {
      g_assert_true (spanmark_history_undo (history));
      settle (fixture);
      assert_marks_match_spans (fixture, per_level);
    }
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (fixture->set), ==, N_SPANS);
  while (spanmark_history_can_redo (history))
    g_assert_true (spanmark_history_redo (history));
  settle (fixture);
  assert_marks_match_spans (fixture, per_level);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (fixture->set), ==, N_SPANS);

  /* The marks are drawn over the text, never into its layout. */
  g_assert_cmpint (char_rect (fixture, s).x, ==, before.x);
  g_assert_cmpint (char_rect (fixture, s).y, ==, before.y);
}

static void
notified_cb (gboolean *notified)
{
  *notified = TRUE;
}

/* Chips on and off: one chip per span, above its first character, none
 * covering another; the room they need is set once, and the text's
 * offsets stay. */
static void
test_chips (Fixture       *fixture,
            gconstpointer  data)
{
  GtkTextView *view = GTK_TEXT_VIEW (fixture->text_view);
  guint per_level[SPANMARK_TEXT_VIEW_NESTED_LANES + 1];
  int lanes_only = spanmark_text_view_get_lane_space (fixture->text_view);
  g_autoptr(GArray) marks = collect (fixture);
  guint n = spanmark_annotation_set_get_n_spans (fixture->set);
  gboolean notified = FALSE;

  g_assert_false (spanmark_document_view_get_show_label_chips (fixture->view));
  g_assert_cmpuint (count_kind (marks, SPANMARK_MARK_CHIP), ==, 0);
  g_assert_cmpint (spanmark_text_view_get_chip_space (fixture->text_view), ==, 0);

  g_signal_connect_swapped (fixture->view, "notify::show-label-chips", G_CALLBACK (notified_cb), &notified);
  g_object_set (fixture->view, "show-label-chips", TRUE, NULL);
  g_assert_true (notified);
  g_assert_true (spanmark_text_view_get_show_chips (fixture->text_view));
  g_assert_cmpint (spanmark_text_view_get_chip_space (fixture->text_view), >, 10);
  g_assert_cmpint (spanmark_text_view_get_lane_space (fixture->text_view), ==,
                   lanes_only + spanmark_text_view_get_chip_space (fixture->text_view));
  g_assert_cmpint (gtk_text_view_get_pixels_below_lines (view), >=,
                   spanmark_text_view_get_lane_space (fixture->text_view));
  g_assert_cmpint (gtk_text_view_get_top_margin (view), >=, spanmark_text_view_get_chip_space (fixture->text_view));
  settle (fixture);

  g_clear_pointer (&marks, g_array_unref);
  marks = collect (fixture);
  g_assert_cmpuint (count_kind (marks, SPANMARK_MARK_CHIP), ==, n);
  for (guint i = 0; i < marks->len; i++)
    {
      const SpanmarkMark *chip = &g_array_index (marks, SpanmarkMark, i);
      GdkRectangle first;

      if (chip->kind != SPANMARK_MARK_CHIP)
        continue;
      first = char_rect (fixture, chip->start);
      g_assert_nonnull (spanmark_annotation_set_find_span (fixture->set, chip->start, chip->end, chip->label));
      /* Above the line, below the lanes of the line before. */
      g_assert_cmpint (chip->rect.y + chip->rect.height, <=, first.y);
      g_assert_cmpint (chip->rect.y, >=, first.y - spanmark_text_view_get_chip_space (fixture->text_view));
      /* From its span's first character on, never over another chip. */
      g_assert_cmpint (chip->rect.x, >=, first.x);
      g_assert_cmpint (chip->rect.width, >=, 14);
      for (guint j = 0; j < i; j++)
        {
          const SpanmarkMark *other = &g_array_index (marks, SpanmarkMark, j);

          if (other->kind == SPANMARK_MARK_CHIP && other->rect.y == chip->rect.y)
            g_assert_cmpint (other->rect.x + other->rect.width, <=, chip->rect.x);
        }
    }

  /* Spans starting at one character: their chips side by side, outer
   * first, the first right at the character. */
  {
    guint s = offset_of ("松桥区柳湾镇乡村振兴示范带", 0);
    g_autoptr(GArray) initiative = marks_for (marks, SPANMARK_MARK_CHIP, s, s + 13, "INITIATIVE");
    g_autoptr(GArray) place = marks_for (marks, SPANMARK_MARK_CHIP, s, s + 6, "PLACE");

    g_assert_cmpint (g_array_index (initiative, SpanmarkMark, 0).rect.x, ==, char_rect (fixture, s).x);
    g_assert_cmpint (g_array_index (place, SpanmarkMark, 0).rect.x, >,
                     g_array_index (initiative, SpanmarkMark, 0).rect.x);
  }

  /* The boundaries are where they were, relative to the characters. */
  assert_marks_match_spans (fixture, per_level);

  notified = FALSE;
  spanmark_document_view_set_show_label_chips (fixture->view, FALSE);
  g_assert_true (notified);
  settle (fixture);
  g_clear_pointer (&marks, g_array_unref);
  marks = collect (fixture);
  g_assert_cmpuint (count_kind (marks, SPANMARK_MARK_CHIP), ==, 0);
  g_assert_cmpint (spanmark_text_view_get_lane_space (fixture->text_view), ==, lanes_only);
  assert_marks_match_spans (fixture, per_level);
}

/* The span at the caret: its marks in the text's colour, and its label,
 * text, extent and entity in the text view's accessible description. */
static void
test_caret (Fixture       *fixture,
            gconstpointer  data)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (fixture->text_view);
  guint official = offset_of ("云岚省委书记林振邦", 0);
  guint s = offset_of ("松桥区柳湾镇乡村振兴示范带", 0);
  const SpanmarkSpan *span;
  const SpanmarkEntity *entity;
  g_autoptr(GArray) marks = NULL;
  g_autofree char *expected = NULL;
  guint current = 0;

  spanmark_document_view_select_range (fixture->view, 0, 0);
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Places: 云岚省, characters 0–3");
  marks = collect (fixture);
  for (guint i = 0; i < marks->len; i++)
    {
      const SpanmarkMark *mark = &g_array_index (marks, SpanmarkMark, i);

      if (mark->current)
        {
          g_assert_cmpuint (mark->start, ==, 0);
          g_assert_cmpuint (mark->end, ==, 3);
          current++;
        }
    }
  g_assert_cmpuint (current, ==, 2);

  /* Nested: every span at the caret, outermost first. */
  spanmark_document_view_select_range (fixture->view, s + 1, s + 1);
  expected = g_strdup_printf ("Initiatives: 松桥区柳湾镇乡村振兴示范带, characters %u–%u; "
                              "Places: 松桥区柳湾镇, characters %u–%u; Places: 松桥区, characters %u–%u",
                              s, s + 13, s, s + 6, s, s + 3);
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);

  /* With an entity, its name. */
  span = spanmark_annotation_set_find_span (fixture->set, official, official + 9, "OFFICIAL");
  entity = spanmark_annotation_set_add_entity (fixture->set, "OFFICIAL", "林振邦");
  g_assert_true (spanmark_annotation_set_set_span_entity (fixture->set, span->id, entity->id));
  spanmark_document_view_select_range (fixture->view, official + 5, official + 5);
  g_free (expected);
  expected = g_strdup_printf ("Officials: 云岚省委书记林振邦, characters %u–%u, entity 林振邦",
                              official, official + 9);
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  /* The entity renamed: said at once. */
  g_assert_true (spanmark_annotation_set_set_entity_name (fixture->set, entity->id, "林振邦同志"));
  g_free (expected);
  expected = g_strdup_printf ("Officials: 云岚省委书记林振邦, characters %u–%u, entity 林振邦同志",
                              official, official + 9);
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);

  /* Outside every span: nothing to say. */
  spanmark_document_view_select_range (fixture->view, official - 1, official - 1);
  g_assert_false (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

static void
assert_tints (Fixture            *fixture,
              SpanmarkLabelStyle  style)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->text_view));
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  for (guint i = 0; i < spanmark_schema_get_n_labels (fixture->schema); i++)
    {
      const SpanmarkLabel *label = spanmark_schema_get_label (fixture->schema, i);
      const char *prefixes[] = { "label-", "next-", "current-" };
      g_autofree char *mark = spanmark_label_rules_get_mark_color (label->color, style);
      GdkRGBA expected, drawn;

      for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
        {
          g_autofree char *name = g_strconcat (prefixes[p], label->name, NULL);
          g_autoptr(GdkRGBA) background = NULL;

          g_object_get (gtk_text_tag_table_lookup (table, name), "background-rgba", &background, NULL);
          g_assert_cmpfloat_with_epsilon (background->alpha, spanmark_label_rules_get_alpha (label->color, style, p),
                                          0.001);
        }
      gdk_rgba_parse (&expected, mark);
      spanmark_text_view_get_mark_color (fixture->text_view, label->name, &drawn);
      g_assert_true (gdk_rgba_equal (&expected, &drawn));
    }
}

/* Light and dark, switched while the document is open: shades and mark
 * colours follow the label rules for the new style. */
static void
test_styles (Fixture       *fixture,
             gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  guint per_level[SPANMARK_TEXT_VIEW_NESTED_LANES + 1];
  GdkRGBA light, dark;

  g_assert_cmpint (spanmark_document_view_get_label_style (fixture->view), ==, SPANMARK_LABEL_STYLE_LIGHT);
  assert_tints (fixture, SPANMARK_LABEL_STYLE_LIGHT);
  spanmark_text_view_get_mark_color (fixture->text_view, "PLACE", &light);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpint (spanmark_document_view_get_label_style (fixture->view), ==, SPANMARK_LABEL_STYLE_DARK);
  g_assert_cmpint (spanmark_text_view_get_label_style (fixture->text_view), ==, SPANMARK_LABEL_STYLE_DARK);
  assert_tints (fixture, SPANMARK_LABEL_STYLE_DARK);
  spanmark_text_view_get_mark_color (fixture->text_view, "PLACE", &dark);
  /* Darker than the label's green in light, lighter in dark. */
  g_assert_cmpfloat (light.green, <, dark.green);
  settle (fixture);
  assert_marks_match_spans (fixture, per_level);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpint (spanmark_document_view_get_label_style (fixture->view), ==, SPANMARK_LABEL_STYLE_LIGHT);
  assert_tints (fixture, SPANMARK_LABEL_STYLE_LIGHT);
}

/* High contrast can only be chosen before libadwaita starts (its
 * ADW_DEBUG_HIGH_CONTRAST), so in a child process of its own. */
static void
test_high_contrast (void)
{
  if (g_test_subprocess ())
    {
      Fixture fixture;

      fixture_set_up (&fixture, NULL);
      g_assert_true (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
      g_assert_cmpint (spanmark_document_view_get_label_style (fixture.view), ==, SPANMARK_LABEL_STYLE_HIGH_CONTRAST);
      assert_tints (&fixture, SPANMARK_LABEL_STYLE_HIGH_CONTRAST);

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      g_assert_cmpint (spanmark_document_view_get_label_style (fixture.view), ==,
                       SPANMARK_LABEL_STYLE_HIGH_CONTRAST_DARK);
      assert_tints (&fixture, SPANMARK_LABEL_STYLE_HIGH_CONTRAST_DARK);
      fixture_tear_down (&fixture, NULL);
      return;
    }

  g_setenv ("ADW_DEBUG_HIGH_CONTRAST", "1", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("ADW_DEBUG_HIGH_CONTRAST");
  g_test_trap_assert_passed ();
}

/* The tests on the fixture, and the window width they need (0: wide). */
static const struct {
  const char *path;
  void      (*func) (Fixture *fixture, gconstpointer data);
  int         width;
} tests[] = {
  { "/boundaries/all-spans", test_all_spans, 0 },
  { "/boundaries/adjacent", test_adjacent, 0 },
  { "/boundaries/nested", test_nested, 0 },
  { "/boundaries/overlapping", test_overlapping, 0 },
  { "/boundaries/wrap", test_wrap, 330 },
  { "/boundaries/edit-undo", test_edit_undo, 0 },
  { "/boundaries/chips", test_chips, 0 },
  { "/boundaries/caret", test_caret, 0 },
  { "/boundaries/styles", test_styles, 0 },
};

int
main (int   argc,
      char *argv[])
{
  spanmark_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    g_test_add (tests[i].path, Fixture, GINT_TO_POINTER (tests[i].width), fixture_set_up, tests[i].func,
                fixture_tear_down);
  g_test_add_func ("/boundaries/high-contrast", test_high_contrast);

  return g_test_run ();
}
