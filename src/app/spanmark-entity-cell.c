/* spanmark-entity-cell.c — a registry entity drawn in one row of a panel's list
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-entity-cell.h"

/* The aliases and counts: smaller, and this much of the text colour. */
#define SMALL_SCALE PANGO_SCALE_SMALL
#define DIM_ALPHA   0.55f
#define LINE_GAP    2

enum {
  LINE_NAME,
  LINE_ALIASES,
  LINE_COUNTS,
  N_LINES
};

struct _SpanmarkEntityCell
{
  GtkWidget    parent_instance;

  char        *texts[N_LINES];
  PangoLayout *layouts[N_LINES];  /* made when first drawn */
  /* Line heights for the context of serial @serial. */
  guint        serial;
  int          heights[2];        /* normal, small */
};

G_DEFINE_FINAL_TYPE (SpanmarkEntityCell, spanmark_entity_cell, GTK_TYPE_WIDGET)

static gboolean
has_line (SpanmarkEntityCell *self,
          guint               line)
{
  return line != LINE_ALIASES || *self->texts[LINE_ALIASES] != '\0';
}

static PangoFontDescription *
make_font (SpanmarkEntityCell *self,
           gboolean            small)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));

  if (small)
    {
      int size = pango_font_description_get_size (font);

      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (font, size * SMALL_SCALE);
      else
        pango_font_description_set_size (font, (int) (size * SMALL_SCALE));
    }

  return font;
}

/* The height of a line of Latin and Chinese text (the fallback font can
 * be the taller one) in @font.  The last two fonts asked are kept: they
 * are every cell's, so 200 new rows lay out two lines, not 400. */
typedef struct
{
  PangoFontDescription *font;
  PangoFontMap         *map;
  int                   height;
} HeightCache;

static int
line_height (PangoContext               *context,
             const PangoFontDescription *font,
             gboolean                    small)
{
  static HeightCache cache[2];
  HeightCache *entry = &cache[small ? 1 : 0];
  PangoFontMap *map = pango_context_get_font_map (context);
  g_autoptr(PangoLayout) layout = NULL;

  if (entry->font != NULL && entry->map == map && pango_font_description_equal (entry->font, font))
    return entry->height;

  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "Xg林", -1);
  pango_layout_get_pixel_size (layout, NULL, &entry->height);
  g_clear_pointer (&entry->font, pango_font_description_free);
  entry->font = pango_font_description_copy (font);
  entry->map = map;

  return entry->height;
}

/* The cell's line heights, found again when its context changed. */
static void
update_heights (SpanmarkEntityCell *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  if (self->serial != 0 && self->serial == pango_context_get_serial (context))
    return;

  for (guint i = 0; i < 2; i++)
    {
      PangoFontDescription *font = make_font (self, i == 1);

      self->heights[i] = line_height (context, font, i == 1);
      pango_font_description_free (font);
    }
  self->serial = pango_context_get_serial (context);
  for (guint line = 0; line < N_LINES; line++)
    g_clear_object (&self->layouts[line]);
}

static void
spanmark_entity_cell_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  SpanmarkEntityCell *self = SPANMARK_ENTITY_CELL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Ellipsized: as narrow as the list makes it. */
      *minimum = *natural = 0;
      return;
    }

  update_heights (self);
  *minimum = self->heights[0];
  for (guint line = LINE_ALIASES; line < N_LINES; line++)
    if (has_line (self, line))
      *minimum += LINE_GAP + self->heights[1];
  *natural = *minimum;
}

static PangoLayout *
get_layout (SpanmarkEntityCell *self,
            guint               line,
            int                 width)
{
  if (self->layouts[line] == NULL)
    {
      PangoFontDescription *font = make_font (self, line != LINE_NAME);

      self->layouts[line] = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_font_description (self->layouts[line], font);
      pango_layout_set_ellipsize (self->layouts[line], PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layouts[line], TRUE);
      pango_font_description_free (font);
      if (line == LINE_COUNTS)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
          pango_layout_set_attributes (self->layouts[line], attrs);
          pango_attr_list_unref (attrs);
        }
    }
  if (g_strcmp0 (pango_layout_get_text (self->layouts[line]), self->texts[line]) != 0)
    pango_layout_set_text (self->layouts[line], self->texts[line], -1);
  pango_layout_set_width (self->layouts[line], width * PANGO_SCALE);

  return self->layouts[line];
}

static void
spanmark_entity_cell_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  SpanmarkEntityCell *self = SPANMARK_ENTITY_CELL (widget);
  int width = gtk_widget_get_width (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GdkRGBA color;
  int y = 0;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  update_heights (self);
  for (guint line = 0; line < N_LINES; line++)
    {
      PangoLayout *layout;
      GdkRGBA line_color = color;

      if (!has_line (self, line))
        continue;
      layout = get_layout (self, line, width);
      pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      if (line != LINE_NAME)
        line_color.alpha *= DIM_ALPHA;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
      gtk_snapshot_append_layout (snapshot, layout, &line_color);
      gtk_snapshot_restore (snapshot);
      y += (line == LINE_NAME ? self->heights[0] : self->heights[1]) + LINE_GAP;
    }
}

static void
spanmark_entity_cell_finalize (GObject *object)
{
  SpanmarkEntityCell *self = SPANMARK_ENTITY_CELL (object);

  for (guint line = 0; line < N_LINES; line++)
    {
      g_free (self->texts[line]);
      g_clear_object (&self->layouts[line]);
    }

  G_OBJECT_CLASS (spanmark_entity_cell_parent_class)->finalize (object);
}

static void
spanmark_entity_cell_class_init (SpanmarkEntityCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = spanmark_entity_cell_finalize;
  widget_class->measure = spanmark_entity_cell_measure;
  widget_class->snapshot = spanmark_entity_cell_snapshot;

  gtk_widget_class_set_css_name (widget_class, "spanmark-entity-cell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
spanmark_entity_cell_init (SpanmarkEntityCell *self)
{
  for (guint line = 0; line < N_LINES; line++)
    self->texts[line] = g_strdup ("");
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
spanmark_entity_cell_new (void)
{
  return g_object_new (SPANMARK_TYPE_ENTITY_CELL, NULL);
}

void
spanmark_entity_cell_set_texts (SpanmarkEntityCell *self,
                                const char         *name,
                                const char         *aliases,
                                const char         *counts)
{
  const char *texts[N_LINES] = { name, aliases, counts };
  gboolean had_aliases, changed = FALSE;
  g_autofree char *description = NULL;

  g_return_if_fail (SPANMARK_IS_ENTITY_CELL (self));

  had_aliases = has_line (self, LINE_ALIASES);
  for (guint line = 0; line < N_LINES; line++)
    {
      const char *text = texts[line] != NULL ? texts[line] : "";

      if (g_str_equal (text, self->texts[line]))
        continue;
      g_free (self->texts[line]);
      self->texts[line] = g_strdup (text);
      changed = TRUE;
    }
  if (!changed)
    return;

  description = has_line (self, LINE_ALIASES)
                ? g_strjoin (", ", self->texts[LINE_NAME], self->texts[LINE_ALIASES], self->texts[LINE_COUNTS], NULL)
                : g_strjoin (", ", self->texts[LINE_NAME], self->texts[LINE_COUNTS], NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  /* Another number of lines is another height; otherwise only what is
   * drawn changes. */
  if (had_aliases != has_line (self, LINE_ALIASES))
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
spanmark_entity_cell_get_text (SpanmarkEntityCell *self,
                               guint               line)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_CELL (self), NULL);
  g_return_val_if_fail (line < N_LINES, NULL);

  return self->texts[line];
}
