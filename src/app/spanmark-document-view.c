/* spanmark-document-view.c — the document text with its spans highlighted
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "spanmark-display.h"
#include "spanmark-document-view.h"
#include "spanmark-label-rules.h"
#include "spanmark-span-levels.h"
#include "spanmark-text-view.h"

/* Tags are applied to the new buffer before the view lays it out: tagging
 * after layout would make the view lay the whole text out twice (measured
 * in bench/spanmark-bench-view.c: 2.4 times the work of a bare view, against
 * 1.1 times this way; a 1,000,000-character document with 40,000 spans
 * takes about 0.2 s).  Only texts longer than this are highlighted in idle
 * chunks after the first part, so the window still appears at once. */
#define FIRST_CHUNK_CHARS 2000000
#define IDLE_CHUNK_CHARS  100000

/* Pixels above the first line (more when chips need it). */
#define TOP_MARGIN        18

/* The grey of labels the schema lacks. */
#define FALLBACK_COLOR "#808080"

/* The shades are the label rules' for the style (spanmark-label-rules.h):
 * the contrast check assumes them. */
typedef struct
{
  GtkTextTag *inner;    /* a span inside or overlapping another (level 1 or more,
                         * spanmark-span-levels.h): under the outer one's shade */
  GtkTextTag *base;     /* every character of a span of this label at level 0 */
  GtkTextTag *next;     /* a span right after one of the same label */
  GtkTextTag *current;  /* the span under the caret */
  char       *color;    /* "#rrggbb" */
} LabelTags;

struct _SpanmarkDocumentView
{
  GtkWidget              parent_instance;

  GtkWidget             *scroller;
  GtkTextView           *text_view;
  GtkTextBuffer         *buffer;
  GtkCssProvider        *css;
  int                    font_size;     /* points, for the CSS */
  SpanmarkLabelStyle     style;
  char                  *description;   /* the text view's accessible description */

  SpanmarkSchema        *schema;
  SpanmarkAnnotationSet *set;
  GHashTable            *tags;          /* label name -> LabelTags */
  LabelTags              fallback;      /* labels missing from the schema */

  /* The span that carries the "current" tag now. */
  guint                  current_start;
  guint                  current_end;
  LabelTags             *current_tags;

  guint                  highlight_pos; /* offsets below are highlighted */
  guint                  highlight_idle_id;
  gboolean               highlighted;

  guint                  last_sel_start;
  guint                  last_sel_end;

  /* Review mode: the unit under the selection's start (G_MAXUINT: none),
   * and the space below lines the font asks for (the lanes may need
   * more). */
  guint                  current_unit;
  int                    font_extra;
};

static void label_tags_free (gpointer data);
static void update_line_space (SpanmarkDocumentView *self);

G_DEFINE_FINAL_TYPE (SpanmarkDocumentView, spanmark_document_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_HIGHLIGHTED, PROP_CURRENT_UNIT, PROP_SHOW_LABEL_CHIPS, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SELECTION_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static LabelTags *
lookup_tags (SpanmarkDocumentView *self,
             const char           *label)
{
  LabelTags *tags = g_hash_table_lookup (self->tags, label);

  return tags != NULL ? tags : &self->fallback;
}

static void
get_iters (SpanmarkDocumentView *self,
           guint                 start,
           guint                 end,
           GtkTextIter          *a,
           GtkTextIter          *b)
{
  gtk_text_buffer_get_iter_at_offset (self->buffer, a, (int) start);
  *b = *a;
  gtk_text_iter_forward_chars (b, (int) (end - start));
}

/* Two spans of one label that touch ("白沙县" "鹤鸣镇") would read as one
 * span; the second is drawn a shade darker. */
static gboolean
span_follows_same_label (SpanmarkDocumentView *self,
                         const SpanmarkSpan   *span)
{
  g_autoptr(GPtrArray) before = NULL;

  if (span->start == 0)
    return FALSE;

  before = spanmark_annotation_set_get_spans_in_range (self->set, span->start - 1, span->start - 1);
  for (guint i = 0; i < before->len; i++)
    {
      const SpanmarkSpan *other = g_ptr_array_index (before, i);

      if (other->end == span->start && g_strcmp0 (other->label, span->label) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
remove_tags (SpanmarkDocumentView *self,
             guint                 start,
             guint                 end)
{
  GtkTextIter a, b;
  GHashTableIter iter;
  LabelTags *tags;

  get_iters (self, start, end, &a, &b);
  g_hash_table_iter_init (&iter, self->tags);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tags))
    {
      gtk_text_buffer_remove_tag (self->buffer, tags->inner, &a, &b);
      gtk_text_buffer_remove_tag (self->buffer, tags->base, &a, &b);
      gtk_text_buffer_remove_tag (self->buffer, tags->next, &a, &b);
    }
  gtk_text_buffer_remove_tag (self->buffer, self->fallback.inner, &a, &b);
  gtk_text_buffer_remove_tag (self->buffer, self->fallback.base, &a, &b);
  gtk_text_buffer_remove_tag (self->buffer, self->fallback.next, &a, &b);
}

/* Puts the label tags on [start, end) exactly as the set says: every
 * span overlapping the range, clipped to it; the range must be whole
 * runs of overlapping spans (spanmark_span_levels_widen()).  Each
 * character shows the shade of the outer span it is in, or of an inner
 * one where no outer span is; the text view draws the rest. */
static void
highlight_range (SpanmarkDocumentView *self,
                 guint                 start,
                 guint                 end,
                 gboolean              clear_first)
{
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) spans = NULL;

  if (start >= end)
    return;

  if (clear_first)
    remove_tags (self, start, end);

  spans = spanmark_span_levels_get (self->set, start, end, SPANMARK_TEXT_VIEW_NESTED_LANES, levels);
  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);
      LabelTags *tags = lookup_tags (self, span->label);
      guint s = MAX (span->start, start);
      guint e = MIN (span->end, end);
      GtkTextIter a, b;

      if (s >= e)
        continue;

      get_iters (self, s, e, &a, &b);
      if (g_array_index (levels, guint, i) > 0)
        {
          gtk_text_buffer_apply_tag (self->buffer, tags->inner, &a, &b);
          continue;
        }
      gtk_text_buffer_apply_tag (self->buffer, tags->base, &a, &b);
      if (span_follows_same_label (self, span))
        gtk_text_buffer_apply_tag (self->buffer, tags->next, &a, &b);
    }
}

/* What a screen reader says about the caret's place: every span holding
 * the character after it, outermost first, with its label, text, exact
 * extent (code points, as everywhere) and entity.  Plain text. */
static char *
describe_spans (SpanmarkDocumentView *self,
                guint                 offset)
{
  g_autoptr(GPtrArray) spans = spanmark_annotation_set_get_spans_in_range (self->set, offset, offset);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);
      const SpanmarkLabel *label = spanmark_schema_lookup (self->schema, span->label);
      const SpanmarkEntity *entity = NULL;
      g_autofree char *one = NULL;

      /* Translators: a span at the cursor, for screen readers: its
       * label, its text and its offsets, e.g.
       * "Places: 青溪市, characters 4–7". */
      one = g_strdup_printf (C_("span description", "%s: %s, characters %u–%u"),
                             label != NULL ? spanmark_label_get_display_title (label) : span->label,
                             span->text, span->start, span->end);
      if (span->entity != NULL)
        entity = spanmark_annotation_set_lookup_entity (self->set, span->entity);
      if (entity != NULL)
        {
          char *with_entity;

          /* Translators: a span's description (above) and the name of
           * the entity it mentions, e.g.
           * "Officials: 林振邦, characters 0–3, entity 林振邦". */
          with_entity = g_strdup_printf (C_("span description", "%s, entity %s"), one, entity->name);
          g_free (one);
          one = with_entity;
        }

      if (i > 0)
        /* Translators: between the descriptions of two spans at the
         * cursor, an outer one and one inside it. */
        g_string_append (text, C_("span description", "; "));
      g_string_append (text, one);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_description (SpanmarkDocumentView *self,
                    guint                 offset)
{
  g_autofree char *description = self->set != NULL ? describe_spans (self, offset) : g_strdup ("");

  if (g_strcmp0 (description, self->description) == 0)
    return;

  g_free (self->description);
  self->description = g_steal_pointer (&description);
  if (self->description[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
update_current (SpanmarkDocumentView *self)
{
  const SpanmarkSpan *span = NULL;
  GtkTextIter a, b;
  guint offset = 0;

  /* The span under the selection's start: the caret sits at the end of a
   * selected span (its moving end), one past its last character. */
  if (self->set != NULL)
    {
      gtk_text_buffer_get_selection_bounds (self->buffer, &a, &b);
      gtk_text_iter_order (&a, &b);
      offset = (guint) gtk_text_iter_get_offset (&a);
      span = spanmark_annotation_set_get_span_at (self->set, offset);
    }
  update_description (self, offset);
  spanmark_text_view_set_current_span (SPANMARK_TEXT_VIEW (self->text_view), span);

  if (span != NULL && self->current_tags == lookup_tags (self, span->label)
      && self->current_start == span->start && self->current_end == span->end)
    return;

  if (self->current_tags != NULL)
    {
      get_iters (self, self->current_start, self->current_end, &a, &b);
      gtk_text_buffer_remove_tag (self->buffer, self->current_tags->current, &a, &b);
      self->current_tags = NULL;
    }

  if (span != NULL)
    {
      self->current_tags = lookup_tags (self, span->label);
      self->current_start = span->start;
      self->current_end = span->end;
      get_iters (self, span->start, span->end, &a, &b);
      gtk_text_buffer_apply_tag (self->buffer, self->current_tags->current, &a, &b);
    }
}

/* A change to one span can change how every span of its run of
 * overlapping spans is drawn (the levels), and whether a span touching
 * it is right after one of the same label, so the affected range grows
 * to cover them. */
static void
refresh_around (SpanmarkDocumentView *self,
                guint                 start,
                guint                 end)
{
  start = start > 0 ? start - 1 : 0;
  end = MIN (end + 1, spanmark_annotation_set_get_length (self->set));
  spanmark_span_levels_widen (self->set, &start, &end);

  highlight_range (self, start, end, TRUE);
}

static void
span_added_cb (SpanmarkDocumentView *self,
               const SpanmarkSpan   *span)
{
  refresh_around (self, span->start, span->end);
  update_current (self);
}

static void
span_removed_cb (SpanmarkDocumentView *self,
                 const SpanmarkSpan   *span)
{
  refresh_around (self, span->start, span->end);
  update_current (self);
}

static void
span_changed_cb (SpanmarkDocumentView *self,
                 const SpanmarkSpan   *old_span,
                 const SpanmarkSpan   *new_span)
{
  refresh_around (self, old_span->start, old_span->end);
  if (old_span->start != new_span->start || old_span->end != new_span->end)
    refresh_around (self, new_span->start, new_span->end);

  /* The label may have changed under the caret. */
  if (self->current_tags != NULL)
    {
      GtkTextIter a, b;

      get_iters (self, self->current_start, self->current_end, &a, &b);
      gtk_text_buffer_remove_tag (self->buffer, self->current_tags->current, &a, &b);
      self->current_tags = NULL;
    }
  update_current (self);
}

static gboolean
highlight_idle_cb (gpointer user_data)
{
  SpanmarkDocumentView *self = user_data;
  guint length = spanmark_annotation_set_get_length (self->set);
  guint end = MIN (length, self->highlight_pos + IDLE_CHUNK_CHARS);

  highlight_range (self, self->highlight_pos, end, FALSE);
  self->highlight_pos = end;

  if (end < length)
    return G_SOURCE_CONTINUE;

  self->highlight_idle_id = 0;
  self->highlighted = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);

  return G_SOURCE_REMOVE;
}

/* The unit the selection starts in, as for the current span. */
static void
update_current_unit (SpanmarkDocumentView *self)
{
  SpanmarkCuration *curation = spanmark_text_view_get_curation (SPANMARK_TEXT_VIEW (self->text_view));
  guint unit = G_MAXUINT;

  if (curation != NULL)
    {
      guint start, index;

      spanmark_document_view_get_selection (self, &start, NULL);
      index = spanmark_curation_find_unit (curation, start);
      if (index < spanmark_curation_get_n_units (curation)
          && spanmark_curation_get_unit (curation, index)->start <= start)
        unit = index;
    }

  if (unit == self->current_unit)
    return;

  self->current_unit = unit;
  spanmark_text_view_set_current_unit (SPANMARK_TEXT_VIEW (self->text_view), unit);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_UNIT]);
}

static void
emit_selection_changed (SpanmarkDocumentView *self)
{
  guint start, end;

  spanmark_document_view_get_selection (self, &start, &end);
  if (start == self->last_sel_start && end == self->last_sel_end)
    return;

  self->last_sel_start = start;
  self->last_sel_end = end;
  g_signal_emit (self, signals[SELECTION_CHANGED], 0, start, end);
}

static void
mark_set_cb (GtkTextBuffer        *buffer,
             const GtkTextIter    *location,
             GtkTextMark          *mark,
             SpanmarkDocumentView *self)
{
  if (mark != gtk_text_buffer_get_insert (buffer)
      && mark != gtk_text_buffer_get_selection_bound (buffer))
    return;

  update_current (self);
  update_current_unit (self);
  emit_selection_changed (self);
}

static GtkTextTag *
make_tag (GtkTextBuffer *buffer,
          const char    *prefix,
          const char    *name)
{
  g_autofree char *tag_name = g_strconcat (prefix, name, NULL);

  return gtk_text_buffer_create_tag (buffer, tag_name, NULL);
}

static void
label_tags_free (gpointer data)
{
  LabelTags *tags = data;

  g_free (tags->color);
  g_free (tags);
}

/* The shades of one label for the current style: changing a tag's
 * background repaints, it never lays the text out again. */
static void
tint_tags (SpanmarkDocumentView *self,
           LabelTags            *tags)
{
  struct { GtkTextTag *tag; SpanmarkLabelShade shade; } shades[] = {
    { tags->inner, SPANMARK_LABEL_SHADE_BASE },
    { tags->base, SPANMARK_LABEL_SHADE_BASE },
    { tags->next, SPANMARK_LABEL_SHADE_NEXT },
    { tags->current, SPANMARK_LABEL_SHADE_CURRENT },
  };
  GdkRGBA color;

  gdk_rgba_parse (&color, tags->color);
  for (guint i = 0; i < G_N_ELEMENTS (shades); i++)
    {
      color.alpha = spanmark_label_rules_get_alpha (tags->color, self->style, shades[i].shade);
      g_object_set (shades[i].tag, "background-rgba", &color, NULL);
    }
}

static void
tint_all_tags (SpanmarkDocumentView *self)
{
  GHashTableIter iter;
  LabelTags *tags;

  g_hash_table_iter_init (&iter, self->tags);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tags))
    tint_tags (self, tags);
  tint_tags (self, &self->fallback);
}

static void
make_label_tags (SpanmarkDocumentView *self)
{
  guint n = self->schema != NULL ? spanmark_schema_get_n_labels (self->schema) : 0;
  g_autofree LabelTags *all = g_new0 (LabelTags, n + 1);
  const char *prefixes[] = { "inner-", "label-", "next-", "current-" };

  /* Tag priority follows creation order: the inner spans' tags first (an
   * outer span's shade covers them), every base tag, then the darker
   * "next" tags, then the "current" tags, so state always shows on top
   * of plain highlighting. */
  for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
    for (guint i = 0; i <= n; i++)
      {
        const char *name = i < n ? spanmark_schema_get_label (self->schema, i)->name : "";
        GtkTextTag *tag = make_tag (self->buffer, prefixes[p], name);

        if (p == 0)
          all[i].inner = tag;
        else if (p == 1)
          all[i].base = tag;
        else if (p == 2)
          all[i].next = tag;
        else
          all[i].current = tag;
      }

  for (guint i = 0; i <= n; i++)
    {
      const char *color = i < n ? spanmark_schema_get_label (self->schema, i)->color : NULL;

      all[i].color = color != NULL ? spanmark_label_rules_parse_color (color, NULL) : NULL;
      if (all[i].color == NULL)
        all[i].color = g_strdup (FALLBACK_COLOR);
      tint_tags (self, &all[i]);
    }

  for (guint i = 0; i < n; i++)
    {
      const char *name = spanmark_schema_get_label (self->schema, i)->name;

      g_hash_table_insert (self->tags, g_strdup (name), g_memdup2 (&all[i], sizeof (LabelTags)));
    }
  g_clear_pointer (&self->fallback.color, g_free);
  self->fallback = all[n];
}

static void
disconnect_set (SpanmarkDocumentView *self)
{
  g_clear_handle_id (&self->highlight_idle_id, g_source_remove);
  if (self->set != NULL)
    g_signal_handlers_disconnect_by_data (self->set, self);
  g_clear_object (&self->set);
  g_clear_object (&self->schema);
  g_hash_table_remove_all (self->tags);
  self->current_tags = NULL;
}

void
spanmark_document_view_set_annotation_set (SpanmarkDocumentView  *self,
                                           SpanmarkSchema        *schema,
                                           SpanmarkAnnotationSet *set)
{
  g_autoptr(GtkTextBuffer) buffer = NULL;
  GtkTextIter start;
  guint length;

  g_return_if_fail (SPANMARK_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (set == NULL || SPANMARK_IS_ANNOTATION_SET (set));
  g_return_if_fail (set == NULL || SPANMARK_IS_SCHEMA (schema));

  disconnect_set (self);
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  /* A curation belongs to one text. */
  spanmark_document_view_set_curation (self, NULL);

  /* A fresh buffer with a fresh tag table: the schema (and so the tags)
   * may differ from the last document's. */
  buffer = gtk_text_buffer_new (NULL);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  self->buffer = buffer;
  self->last_sel_start = self->last_sel_end = 0;

  if (set != NULL)
    {
      self->set = g_object_ref (set);
      self->schema = g_object_ref (schema);
      gtk_text_buffer_set_text (buffer, spanmark_annotation_set_get_text (set), -1);
    }
  make_label_tags (self);

  if (set != NULL)
    {
      length = spanmark_annotation_set_get_length (set);
      self->highlight_pos = MIN (length, FIRST_CHUNK_CHARS);
      highlight_range (self, 0, self->highlight_pos, FALSE);
      self->highlighted = self->highlight_pos >= length;
      if (!self->highlighted)
        self->highlight_idle_id = g_idle_add_full (G_PRIORITY_LOW, highlight_idle_cb, self, NULL);

      g_signal_connect_swapped (set, "span-added", G_CALLBACK (span_added_cb), self);
      g_signal_connect_swapped (set, "span-removed", G_CALLBACK (span_removed_cb), self);
      g_signal_connect_swapped (set, "span-changed", G_CALLBACK (span_changed_cb), self);
      /* An entity's new name is in the caret's description. */
      g_signal_connect_swapped (set, "entity-changed", G_CALLBACK (update_current), self);
    }
  else
    self->highlighted = TRUE;

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_signal_connect (buffer, "mark-set", G_CALLBACK (mark_set_cb), self);
  /* The marks, and the room below lines they need, before the view
   * lays the new text out. */
  spanmark_text_view_set_annotation_set (SPANMARK_TEXT_VIEW (self->text_view), schema, set);
  update_line_space (self);
  gtk_text_view_set_buffer (self->text_view, buffer);
  self->buffer = buffer;  /* the view holds the reference now */

  update_current (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0, 0u, 0u);
}

SpanmarkAnnotationSet *
spanmark_document_view_get_annotation_set (SpanmarkDocumentView *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_VIEW (self), NULL);

  return self->set;
}

GtkTextView *
spanmark_document_view_get_text_view (SpanmarkDocumentView *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_VIEW (self), NULL);

  return self->text_view;
}

void
spanmark_document_view_get_selection (SpanmarkDocumentView *self,
                                      guint                *start,
                                      guint                *end)
{
  GtkTextIter a, b;

  g_return_if_fail (SPANMARK_IS_DOCUMENT_VIEW (self));

  gtk_text_buffer_get_selection_bounds (self->buffer, &a, &b);
  gtk_text_iter_order (&a, &b);
  if (start != NULL)
    *start = (guint) gtk_text_iter_get_offset (&a);
  if (end != NULL)
    *end = (guint) gtk_text_iter_get_offset (&b);
}

void
spanmark_document_view_select_range (SpanmarkDocumentView *self,
                                     guint                 start,
                                     guint                 end)
{
  GtkTextIter a, b;
  guint length;

  g_return_if_fail (SPANMARK_IS_DOCUMENT_VIEW (self));

  length = (guint) gtk_text_buffer_get_char_count (self->buffer);
  start = MIN (start, length);
  end = CLAMP (end, start, length);

  /* The caret (the moving end) at the end: Shift+Right after Tab, a
   * search hit or tagging grows the selection, not shrinks it. */
  get_iters (self, start, end, &a, &b);
  gtk_text_buffer_select_range (self->buffer, &b, &a);
  gtk_text_view_scroll_to_mark (self->text_view,
                                gtk_text_buffer_get_insert (self->buffer),
                                0.1, FALSE, 0.0, 0.0);
}

/* The space below lines: the font's leading, or what the review lanes
 * need if that is more.  Set once per font or review mode, never per
 * line, so the text's layout only changes then. */
static void
update_line_space (SpanmarkDocumentView *self)
{
  int extra = MAX (self->font_extra, spanmark_text_view_get_lane_space (SPANMARK_TEXT_VIEW (self->text_view)));
  /* The first line's chips go into the top margin. */
  int top = MAX (TOP_MARGIN, spanmark_text_view_get_chip_space (SPANMARK_TEXT_VIEW (self->text_view)) + 2);

  if (gtk_text_view_get_top_margin (self->text_view) != top)
    gtk_text_view_set_top_margin (self->text_view, top);

  if (gtk_text_view_get_pixels_below_lines (self->text_view) == extra
      && gtk_text_view_get_pixels_inside_wrap (self->text_view) == extra)
    return;
  gtk_text_view_set_pixels_inside_wrap (self->text_view, extra);
  gtk_text_view_set_pixels_below_lines (self->text_view, extra);
}

/* The view's own CSS: the font size, and in high contrast the text in
 * full black or white (libadwaita 1.2 keeps the light style's text at
 * 80 % there; the label rules' high-contrast figures assume it opaque). */
static void
update_css (SpanmarkDocumentView *self)
{
  g_autoptr(GString) css = g_string_new (NULL);

  g_string_append_printf (css, "textview.spanmark-document { font-size: %dpt; }", self->font_size);
  if (spanmark_label_rules_is_high_contrast (self->style))
    g_string_append_printf (css, " textview.spanmark-document > text { color: %s; }",
                            spanmark_label_rules_is_dark (self->style) ? "#ffffff" : "#000000");
  gtk_css_provider_load_from_data (self->css, css->str, -1);
}

void
spanmark_document_view_set_font (SpanmarkDocumentView *self,
                                 int                   size,
                                 double                line_spacing)
{
  int extra;

  g_return_if_fail (SPANMARK_IS_DOCUMENT_VIEW (self));

  size = CLAMP (size, 6, 96);
  self->font_size = size;
  update_css (self);
  spanmark_text_view_set_font_size (SPANMARK_TEXT_VIEW (self->text_view), size);

  /* GtkTextView has no line-height: the extra leading (in pixels, at 96
   * dpi) goes between wrapped lines and below paragraphs instead. */
  extra = (int) ((MAX (line_spacing, 1.0) - 1.0) * size * 96.0 / 72.0 + 0.5);
  self->font_extra = extra;
  update_line_space (self);
}

static SpanmarkLabelStyle
style_of (AdwStyleManager *manager)
{
  gboolean dark = adw_style_manager_get_dark (manager);

  if (adw_style_manager_get_high_contrast (manager))
    return dark ? SPANMARK_LABEL_STYLE_HIGH_CONTRAST_DARK : SPANMARK_LABEL_STYLE_HIGH_CONTRAST;

  return dark ? SPANMARK_LABEL_STYLE_DARK : SPANMARK_LABEL_STYLE_LIGHT;
}

/* Light, dark or high contrast, as the desktop says at any moment: the
 * shades, the text's colour and the marks follow. */
static void
style_changed_cb (SpanmarkDocumentView *self)
{
  SpanmarkLabelStyle style = style_of (adw_style_manager_get_default ());

  if (style == self->style)
    return;

  self->style = style;
  update_css (self);
  tint_all_tags (self);
  spanmark_text_view_set_label_style (SPANMARK_TEXT_VIEW (self->text_view), style);
}

SpanmarkLabelStyle
spanmark_document_view_get_label_style (SpanmarkDocumentView *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_VIEW (self), SPANMARK_LABEL_STYLE_LIGHT);

  return self->style;
}

void
spanmark_document_view_set_show_label_chips (SpanmarkDocumentView *self,
                                             gboolean              show)
{
  SpanmarkTextView *text_view;

  g_return_if_fail (SPANMARK_IS_DOCUMENT_VIEW (self));

  text_view = SPANMARK_TEXT_VIEW (self->text_view);
  if (spanmark_text_view_get_show_chips (text_view) == !!show)
    return;

  /* The chips take room above lines: set once, when they are switched,
   * never per span. */
  spanmark_text_view_set_show_chips (text_view, show);
  update_line_space (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LABEL_CHIPS]);
}

gboolean
spanmark_document_view_get_show_label_chips (SpanmarkDocumentView *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_VIEW (self), FALSE);

  return spanmark_text_view_get_show_chips (SPANMARK_TEXT_VIEW (self->text_view));
}

void
spanmark_document_view_set_curation (SpanmarkDocumentView *self,
                                     SpanmarkCuration     *curation)
{
  g_return_if_fail (SPANMARK_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (curation == NULL || SPANMARK_IS_CURATION (curation));
  g_return_if_fail (curation == NULL
                    || spanmark_curation_get_curated (curation) == self->set);

  if (curation == spanmark_document_view_get_curation (self))
    return;

  spanmark_text_view_set_curation (SPANMARK_TEXT_VIEW (self->text_view), self->schema, curation);
  update_line_space (self);
  update_current_unit (self);
}

SpanmarkCuration *
spanmark_document_view_get_curation (SpanmarkDocumentView *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_VIEW (self), NULL);

  return spanmark_text_view_get_curation (SPANMARK_TEXT_VIEW (self->text_view));
}

guint
spanmark_document_view_get_current_unit (SpanmarkDocumentView *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_VIEW (self), G_MAXUINT);

  return self->current_unit;
}

gboolean
spanmark_document_view_get_highlighted (SpanmarkDocumentView *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_VIEW (self), FALSE);

  return self->highlighted;
}

guint
spanmark_document_view_count_tagged (SpanmarkDocumentView *self,
                                     const char           *tag_name)
{
  GtkTextTag *tag;
  GtkTextIter iter;
  guint count = 0;

  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_VIEW (self), 0);
  g_return_val_if_fail (tag_name != NULL, 0);

  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->buffer), tag_name);
  if (tag == NULL)
    return 0;

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  if (!gtk_text_iter_has_tag (&iter, tag))
    gtk_text_iter_forward_to_tag_toggle (&iter, tag);
  while (!gtk_text_iter_is_end (&iter))
    {
      int on = gtk_text_iter_get_offset (&iter);

      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      count += (guint) (gtk_text_iter_get_offset (&iter) - on);
      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
    }

  return count;
}

static void
append_attrs (GString             *out,
              const SpanmarkLabel *label,
              GHashTable          *attrs)
{
  g_autoptr(GPtrArray) keys = spanmark_display_attr_keys (label, attrs);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      g_string_append_c (out, '\n');
      /* Translators: an attribute in a span's tooltip, e.g. "region: 浙江". */
      g_string_append_printf (out, C_("attribute list", "%s: %s"), spanmark_display_attr_name (key),
                              (const char *) g_hash_table_lookup (attrs, key));
    }
}

static gboolean
query_tooltip_cb (GtkWidget            *widget,
                  int                   x,
                  int                   y,
                  gboolean              keyboard_mode,
                  GtkTooltip           *tooltip,
                  SpanmarkDocumentView *self)
{
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GString) text = NULL;
  GtkTextIter iter;
  int bx, by;

  if (self->set == NULL)
    return FALSE;

  if (keyboard_mode)
    {
      GtkTextIter other;

      /* The selection's start, as for the current span. */
      gtk_text_buffer_get_selection_bounds (self->buffer, &iter, &other);
      gtk_text_iter_order (&iter, &other);
    }
  else
    {
      gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
        return FALSE;
    }

  spans = spanmark_annotation_set_get_spans_in_range (self->set,
                                                      (guint) gtk_text_iter_get_offset (&iter),
                                                      (guint) gtk_text_iter_get_offset (&iter));
  if (spans->len == 0)
    return FALSE;

  /* Plain text only: span texts, entity names and attributes are user
   * data and must never be read as markup. */
  text = g_string_new (NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);
      const SpanmarkLabel *label = spanmark_schema_lookup (self->schema, span->label);
      const SpanmarkEntity *entity = NULL;

      if (i > 0)
        g_string_append (text, "\n\n");
      /* Translators: a span's label and text in its tooltip, e.g.
       * "Official: 李明". */
      g_string_append_printf (text, C_("span tooltip", "%s: %s"),
                              label != NULL ? spanmark_label_get_display_title (label) : span->label,
                              span->text);
      if (span->entity != NULL)
        entity = spanmark_annotation_set_lookup_entity (self->set, span->entity);
      if (entity != NULL)
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Entity: %s"), entity->name);
          append_attrs (text, label, entity->attrs);
        }
      append_attrs (text, label, span->attrs);
    }

  gtk_tooltip_set_text (tooltip, text->str);

  return TRUE;
}

static gboolean
spanmark_document_view_grab_focus (GtkWidget *widget)
{
  SpanmarkDocumentView *self = SPANMARK_DOCUMENT_VIEW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
spanmark_document_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SpanmarkDocumentView *self = SPANMARK_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHTED:
      g_value_set_boolean (value, self->highlighted);
      break;
    case PROP_CURRENT_UNIT:
      g_value_set_uint (value, self->current_unit);
      break;
    case PROP_SHOW_LABEL_CHIPS:
      g_value_set_boolean (value, spanmark_document_view_get_show_label_chips (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_document_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SpanmarkDocumentView *self = SPANMARK_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SHOW_LABEL_CHIPS:
      spanmark_document_view_set_show_label_chips (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_document_view_dispose (GObject *object)
{
  SpanmarkDocumentView *self = SPANMARK_DOCUMENT_VIEW (object);

  disconnect_set (self);
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  self->buffer = NULL;
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->css);

  G_OBJECT_CLASS (spanmark_document_view_parent_class)->dispose (object);
}

static void
spanmark_document_view_finalize (GObject *object)
{
  SpanmarkDocumentView *self = SPANMARK_DOCUMENT_VIEW (object);

  g_clear_pointer (&self->tags, g_hash_table_unref);
  g_clear_pointer (&self->fallback.color, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (spanmark_document_view_parent_class)->finalize (object);
}

static void
spanmark_document_view_class_init (SpanmarkDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = spanmark_document_view_get_property;
  object_class->set_property = spanmark_document_view_set_property;
  object_class->dispose = spanmark_document_view_dispose;
  object_class->finalize = spanmark_document_view_finalize;
  widget_class->grab_focus = spanmark_document_view_grab_focus;

  properties[PROP_HIGHLIGHTED] =
    g_param_spec_boolean ("highlighted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_UNIT] =
    g_param_spec_uint ("current-unit", NULL, NULL, 0, G_MAXUINT, G_MAXUINT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_LABEL_CHIPS] =
    g_param_spec_boolean ("show-label-chips", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "spanmark-document-view");
}

static void
spanmark_document_view_init (SpanmarkDocumentView *self)
{
  self->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, label_tags_free);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->current_unit = G_MAXUINT;
  self->text_view = GTK_TEXT_VIEW (spanmark_text_view_new ());
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_cursor_visible (self->text_view, TRUE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->text_view, 24);
  gtk_text_view_set_right_margin (self->text_view, 24);
  gtk_text_view_set_top_margin (self->text_view, TOP_MARGIN);
  gtk_text_view_set_bottom_margin (self->text_view, 18);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "spanmark-document");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->text_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document text"),
                                  -1);
  g_signal_connect (self->text_view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->text_view));

  self->style = style_of (adw_style_manager_get_default ());
  spanmark_text_view_set_label_style (SPANMARK_TEXT_VIEW (self->text_view), self->style);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->text_view)),
                                  GTK_STYLE_PROVIDER (self->css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  spanmark_document_view_set_font (self, 16, 1.6);

  self->buffer = gtk_text_view_get_buffer (self->text_view);
  make_label_tags (self);
}

GtkWidget *
spanmark_document_view_new (void)
{
  return g_object_new (SPANMARK_TYPE_DOCUMENT_VIEW, NULL);
}
