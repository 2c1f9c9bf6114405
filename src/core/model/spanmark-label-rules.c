/* spanmark-label-rules.c — what makes a label's name, key, colour and attributes valid
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-label-rules.h"
#include "spanmark-text.h"

G_DEFINE_QUARK (spanmark-label-error-quark, spanmark_label_error)

/* The GNOME palette (the HIG's colours, as GNOME's own apps use them),
 * so a colour can be given by name: --color blue3. */
static const struct {
  const char *name;
  const char *color;
} gnome_palette[] = {
  { "blue1", "#99c1f1" }, { "blue2", "#62a0ea" }, { "blue3", "#3584e4" }, { "blue4", "#1c71d8" }, { "blue5", "#1a5fb4" },
  { "green1", "#8ff0a4" }, { "green2", "#57e389" }, { "green3", "#33d17a" }, { "green4", "#2ec27e" }, { "green5", "#26a269" },
  { "yellow1", "#f9f06b" }, { "yellow2", "#f8e45c" }, { "yellow3", "#f6d32d" }, { "yellow4", "#f5c211" }, { "yellow5", "#e5a50a" },
  { "orange1", "#ffbe6f" }, { "orange2", "#ffa348" }, { "orange3", "#ff7800" }, { "orange4", "#e66100" }, { "orange5", "#c64600" },
  { "red1", "#f66151" }, { "red2", "#ed333b" }, { "red3", "#e01b24" }, { "red4", "#c01c28" }, { "red5", "#a51d2d" },
  { "purple1", "#dc8add" }, { "purple2", "#c061cb" }, { "purple3", "#9141ac" }, { "purple4", "#813d9c" }, { "purple5", "#613583" },
  { "brown1", "#cdab8f" }, { "brown2", "#b5835a" }, { "brown3", "#986a44" }, { "brown4", "#865e3c" }, { "brown5", "#63452c" },
  { "light1", "#ffffff" }, { "light2", "#f6f5f4" }, { "light3", "#deddda" }, { "light4", "#c0bfbc" }, { "light5", "#9a9996" },
  { "dark1", "#77767b" }, { "dark2", "#5e5c64" }, { "dark3", "#3d3846" }, { "dark4", "#241f31" }, { "dark5", "#000000" },
};

/* What new labels get, in order: the default schema's three first (so
 * "init --labels A,B,C" looks like the default), then the other hues,
 * then their lighter and darker shades.  No grey: grey is how the window
 * draws a label it does not know.  Each passes the contrast check (a
 * test makes sure). */
static const char * const assign_palette[] = {
  "#3584e4", "#2ec27e", "#e66100", "#9141ac", "#e01b24", "#e5a50a", "#986a44",  /* blue3 green4 orange4 purple3 red3 yellow5 brown3 */
  "#99c1f1", "#57e389", "#ffa348", "#dc8add", "#f66151", "#f5c211", "#cdab8f",  /* blue1 green2 orange2 purple1 red1 yellow4 brown1 */
  "#1a5fb4", "#26a269", "#c64600", "#613583", "#a51d2d", "#63452c",             /* blue5 green5 orange5 purple5 red5 brown5 */
  NULL
};

/* The keys new labels get, in order. */
static const char assign_keys[] = "123456789abcdefghijklmnopqrstuvwxyz";

/* The colours span text is drawn on: libadwaita's @view_bg_color and
 * @view_fg_color in each style (the document view's text area uses them,
 * src/app/style.css).  libadwaita 1.2 keeps both in high contrast, and
 * the document view makes its text fully opaque there (the
 * "high-contrast" class in style.css). */
static const struct {
  const char *bg_hex;
  double      bg[3];
  double      fg[3];
  double      fg_alpha;
} styles[] = {
  [SPANMARK_LABEL_STYLE_LIGHT] = { "#ffffff", { 1.0, 1.0, 1.0 }, { 0.0, 0.0, 0.0 }, 0.8 },
  [SPANMARK_LABEL_STYLE_DARK] = { "#1e1e1e", { 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0 }, { 1.0, 1.0, 1.0 }, 1.0 },
  [SPANMARK_LABEL_STYLE_HIGH_CONTRAST] = { "#ffffff", { 1.0, 1.0, 1.0 }, { 0.0, 0.0, 0.0 }, 1.0 },
  [SPANMARK_LABEL_STYLE_HIGH_CONTRAST_DARK] = { "#1e1e1e", { 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0 }, { 1.0, 1.0, 1.0 }, 1.0 },
};

static const double shade_alphas[] = {
  [SPANMARK_LABEL_SHADE_BASE] = SPANMARK_LABEL_ALPHA_BASE,
  [SPANMARK_LABEL_SHADE_NEXT] = SPANMARK_LABEL_ALPHA_NEXT,
  [SPANMARK_LABEL_SHADE_CURRENT] = SPANMARK_LABEL_ALPHA_CURRENT,
};

/* Letters and digits of any script, "_" and "-": what a label name or an
 * attribute name may hold.  Marks combine with the letter before them
 * (Hindi, Thai and many more need them), so never come first. */
static gboolean
is_word_char (gunichar c,
              gboolean first)
{
  if (c == '_' || (c == '-' && !first))
    return TRUE;
  if (g_unichar_isalpha (c) || g_unichar_isdigit (c))
    return TRUE;
  return !first && g_unichar_ismark (c);
}

/* Names and titles come from the command line and from files. */
static gboolean
check_utf8 (const char  *str,
            GError     **error)
{
  if (g_utf8_validate (str, -1, NULL))
    return TRUE;

  g_set_error_literal (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                       _("names and titles must be valid UTF-8"));
  return FALSE;
}

/* The rule for names and attribute names; @attr picks the wording. */
static gboolean
check_word (const char  *word,
            gboolean     attr,
            GError     **error)
{
  gboolean first = TRUE;

  if (word == NULL || word[0] == '\0')
    {
      g_set_error_literal (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                           attr ? _("an attribute name cannot be empty")
                                : _("a label name cannot be empty"));
      return FALSE;
    }

  if (!check_utf8 (word, error))
    return FALSE;

  if (g_utf8_strlen (word, -1) > SPANMARK_LABEL_MAX_NAME_CHARS)
    {
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                   attr ? _("“%s” cannot be an attribute name: it is longer than %d characters")
                        : _("“%s” cannot be a label name: it is longer than %d characters"),
                   word, SPANMARK_LABEL_MAX_NAME_CHARS);
      return FALSE;
    }

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p), first = FALSE)
    {
      gunichar c = g_utf8_get_char (p);
      char bad[8] = { 0 };

      if (is_word_char (c, first))
        continue;

      if (c == '-')
        {
          g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                       attr ? _("“%s” cannot be an attribute name: it starts with “-”")
                            : _("“%s” cannot be a label name: it starts with “-”"),
                       word);
          return FALSE;
        }

      /* Show the character itself unless it is invisible. */
      if (g_unichar_isgraph (c))
        g_unichar_to_utf8 (c, bad);
      else
        g_snprintf (bad, sizeof bad, "U+%04X", c);
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                   attr ? _("“%s” cannot be an attribute name: use letters, digits, “_” and “-” only (not “%s”)")
                        : _("“%s” cannot be a label name: use letters, digits, “_” and “-” only (not “%s”)"),
                   word, bad);
      return FALSE;
    }

  return TRUE;
}

gboolean
spanmark_label_rules_check_name (const char  *name,
                                 GError     **error)
{
  return check_word (name, FALSE, error);
}

char *
spanmark_label_rules_make_name (const char *name)
{
  g_autoptr(GString) out = NULL;
  gboolean first = TRUE;

  g_return_val_if_fail (name != NULL, NULL);

  if (name[0] == '\0' || !g_utf8_validate (name, -1, NULL) ||
      g_utf8_strlen (name, -1) > SPANMARK_LABEL_MAX_NAME_CHARS)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p), first = FALSE)
    {
      gunichar c = g_utf8_get_char (p);

      if (is_word_char (c, first))
        g_string_append_unichar (out, c);
      else
        g_string_append_c (out, '_');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
spanmark_label_rules_check_attr (const char  *attr,
                                 GError     **error)
{
  return check_word (attr, TRUE, error);
}

gboolean
spanmark_label_rules_check_key (const char  *key,
                                GError     **error)
{
  gunichar c;

  if (key == NULL || key[0] == '\0')
    return TRUE;

  if (!g_utf8_validate (key, -1, NULL) || g_utf8_strlen (key, -1) != 1)
    {
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                   _("the key “%s” must be a single character, such as “1” or “p”"), key);
      return FALSE;
    }

  /* The window takes a key from what the keyboard types (with or without
   * Shift): white space and control characters would be taken for text
   * navigation or never arrive, and a lone mark cannot be typed. */
  c = g_utf8_get_char (key);
  if (!g_unichar_isgraph (c) || g_unichar_ismark (c))
    {
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                   _("U+%04X cannot be a key: use a letter, a digit or a punctuation mark"), c);
      return FALSE;
    }

  return TRUE;
}

gboolean
spanmark_label_rules_check_title (const char  *title,
                                  GError     **error)
{
  if (title == NULL)
    return TRUE;

  if (!check_utf8 (title, error))
    return FALSE;

  if (g_utf8_strlen (title, -1) > SPANMARK_LABEL_MAX_TITLE_CHARS)
    {
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                   _("the title is longer than %d characters"), SPANMARK_LABEL_MAX_TITLE_CHARS);
      return FALSE;
    }

  /* A title is one line in the side panel's switcher and in tables. */
  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error_literal (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                             _("a title cannot hold line breaks, tabs or other control characters"));
        return FALSE;
      }

  return TRUE;
}

/* "#" and six hexadecimal digits. */
static gboolean
is_hex_color (const char *color)
{
  return color[0] == '#' && strlen (color) == 7 && strspn (color + 1, "0123456789abcdefABCDEF") == 6;
}

char *
spanmark_label_rules_parse_color (const char  *color,
                                  GError     **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (color != NULL, NULL);

  lower = g_strstrip (g_ascii_strdown (color, -1));
  if (is_hex_color (lower))
    return g_steal_pointer (&lower);

  for (guint i = 0; i < G_N_ELEMENTS (gnome_palette); i++)
    if (g_str_equal (lower, gnome_palette[i].name))
      return g_strdup (gnome_palette[i].color);

  g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
               _("“%s” is not a colour: use #rrggbb or a GNOME palette name such as blue3"), color);
  return NULL;
}

/* sRGB to linear light, for the relative luminance of WCAG 2. */
static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const double rgb[3])
{
  return 0.2126 * linear (rgb[0]) + 0.7152 * linear (rgb[1]) + 0.0722 * linear (rgb[2]);
}

static void
parse_rgb (const char *color,
           double      rgb[3])
{
  for (guint i = 0; i < 3; i++)
    {
      char hex[3] = { color[1 + 2 * i], color[2 + 2 * i], '\0' };

      rgb[i] = g_ascii_strtoull (hex, NULL, 16) / 255.0;
    }
}

static char *
format_rgb (const double rgb[3])
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) CLAMP (rgb[0] * 255.0 + 0.5, 0, 255),
                          (guint) CLAMP (rgb[1] * 255.0 + 0.5, 0, 255),
                          (guint) CLAMP (rgb[2] * 255.0 + 0.5, 0, 255));
}

static double
ratio (const double a[3],
       const double b[3])
{
  double la = luminance (a) + 0.05;
  double lb = luminance (b) + 0.05;

  return la > lb ? la / lb : lb / la;
}

/* @a over @b at @alpha. */
static void
mix (const double a[3],
     const double b[3],
     double       alpha,
     double       out[3])
{
  for (guint i = 0; i < 3; i++)
    out[i] = alpha * a[i] + (1.0 - alpha) * b[i];
}

/* A colour as the screen shows it: "#rrggbb" goes through 8 bits, so the
 * checks measure what is drawn. */
static void
quantize (double rgb[3])
{
  for (guint i = 0; i < 3; i++)
    rgb[i] = CLAMP (floor (rgb[i] * 255.0 + 0.5), 0, 255) / 255.0;
}

static double
shade_contrast (const double       color[3],
                SpanmarkLabelStyle style,
                double             alpha)
{
  double span[3], text[3];

  /* The span's background is the colour over the view's; the text is
   * the view's text colour (translucent in the light style) over that. */
  mix (color, styles[style].bg, alpha, span);
  mix (styles[style].fg, span, styles[style].fg_alpha, text);

  return ratio (span, text);
}

static gboolean
is_style (SpanmarkLabelStyle style)
{
  return (guint) style < SPANMARK_LABEL_N_STYLES;
}

double
spanmark_label_rules_get_contrast (const char         *color,
                                   SpanmarkLabelStyle  style,
                                   double              alpha)
{
  double rgb[3];

  g_return_val_if_fail (color != NULL && is_hex_color (color), 1.0);
  g_return_val_if_fail (is_style (style), 1.0);

  parse_rgb (color, rgb);

  return shade_contrast (rgb, style, alpha);
}

gboolean
spanmark_label_rules_is_high_contrast (SpanmarkLabelStyle style)
{
  return style == SPANMARK_LABEL_STYLE_HIGH_CONTRAST || style == SPANMARK_LABEL_STYLE_HIGH_CONTRAST_DARK;
}

gboolean
spanmark_label_rules_is_dark (SpanmarkLabelStyle style)
{
  return style == SPANMARK_LABEL_STYLE_DARK || style == SPANMARK_LABEL_STYLE_HIGH_CONTRAST_DARK;
}

double
spanmark_label_rules_get_min_contrast (SpanmarkLabelStyle style,
                                       SpanmarkLabelShade shade)
{
  gboolean current = shade == SPANMARK_LABEL_SHADE_CURRENT;

  g_return_val_if_fail (is_style (style), SPANMARK_LABEL_MIN_CONTRAST);

  if (spanmark_label_rules_is_high_contrast (style))
    return current ? SPANMARK_LABEL_MIN_CONTRAST_CURRENT_HC : SPANMARK_LABEL_MIN_CONTRAST_HC;

  return current ? SPANMARK_LABEL_MIN_CONTRAST_CURRENT : SPANMARK_LABEL_MIN_CONTRAST;
}

static double
shade_alpha (const double       color[3],
             SpanmarkLabelStyle style,
             SpanmarkLabelShade shade)
{
  double min = spanmark_label_rules_get_min_contrast (style, shade);
  double alpha = shade_alphas[shade];

  if (!spanmark_label_rules_is_high_contrast (style))
    return alpha;

  /* The shade gets lighter until the text reads at its contrast; at 0
   * (no shade at all) it is the plain text, 21:1 or 16.7:1, so this
   * ends.  Nothing else changes: the span's extent is drawn by its
   * boundary marks. */
  while (alpha > 0.0 && shade_contrast (color, style, alpha) < min)
    alpha = MAX (0.0, alpha - 0.01);

  return alpha;
}

double
spanmark_label_rules_get_alpha (const char         *color,
                                SpanmarkLabelStyle  style,
                                SpanmarkLabelShade  shade)
{
  double rgb[3];

  g_return_val_if_fail (color != NULL && is_hex_color (color), SPANMARK_LABEL_ALPHA_BASE);
  g_return_val_if_fail (is_style (style), SPANMARK_LABEL_ALPHA_BASE);
  g_return_val_if_fail ((guint) shade < SPANMARK_LABEL_N_SHADES, SPANMARK_LABEL_ALPHA_BASE);

  parse_rgb (color, rgb);

  return shade_alpha (rgb, style, shade);
}

const char *
spanmark_label_rules_get_background (SpanmarkLabelStyle style)
{
  g_return_val_if_fail (is_style (style), styles[0].bg_hex);

  return styles[style].bg_hex;
}

double
spanmark_label_rules_get_color_contrast (const char *a,
                                         const char *b)
{
  double x[3], y[3];

  g_return_val_if_fail (a != NULL && is_hex_color (a), 1.0);
  g_return_val_if_fail (b != NULL && is_hex_color (b), 1.0);

  parse_rgb (a, x);
  parse_rgb (b, y);

  return ratio (x, y);
}

/* The smallest contrast of @mark against the background and the plain
 * shades of @color.  Not the current span's shade: that one is nearly
 * the colour itself, and a mark standing out on it would lose its hue;
 * the current span's marks are drawn in the text's colour instead. */
static double
mark_contrast (const double       mark[3],
               const double       color[3],
               SpanmarkLabelStyle style)
{
  double worst = ratio (mark, styles[style].bg);

  for (guint shade = 0; shade < SPANMARK_LABEL_SHADE_CURRENT; shade++)
    {
      double span[3];

      mix (color, styles[style].bg, shade_alpha (color, style, shade), span);
      quantize (span);
      worst = MIN (worst, ratio (mark, span));
    }

  return worst;
}

char *
spanmark_label_rules_get_mark_color (const char         *color,
                                     SpanmarkLabelStyle  style)
{
  static const double black[3] = { 0.0, 0.0, 0.0 }, white[3] = { 1.0, 1.0, 1.0 };
  double min, rgb[3], mark[3];

  g_return_val_if_fail (color != NULL && is_hex_color (color), g_strdup ("#808080"));
  g_return_val_if_fail (is_style (style), g_strdup (color));

  min = spanmark_label_rules_is_high_contrast (style) ? SPANMARK_LABEL_MIN_CONTRAST_MARK_HC
                                                      : SPANMARK_LABEL_MIN_CONTRAST_MARK;
  parse_rgb (color, rgb);

  /* Towards the text's colour (black on light, white on dark), in 5 %
   * steps, until it stands out: the hue stays recognisable.  The text
   * itself reaches at least as much on every shade (the contrast
   * check), so the last step always does for a colour that passes it. */
  for (guint step = 0; step <= 20; step++)
    {
      mix (spanmark_label_rules_is_dark (style) ? white : black, rgb, step / 20.0, mark);
      quantize (mark);
      if (mark_contrast (mark, rgb, style) >= min)
        break;
    }

  return format_rgb (mark);
}

void
spanmark_label_rules_get_chip_colors (const char          *color,
                                      SpanmarkLabelStyle   style,
                                      char               **fill,
                                      char               **text)
{
  static const double black[3] = { 0.0, 0.0, 0.0 }, white[3] = { 1.0, 1.0, 1.0 };
  const double *ink;
  double min, rgb[3], chip[3];

  g_return_if_fail (color != NULL && is_hex_color (color));
  g_return_if_fail (is_style (style));
  g_return_if_fail (fill != NULL && text != NULL);

  min = spanmark_label_rules_is_high_contrast (style) ? SPANMARK_LABEL_MIN_CONTRAST_HC : SPANMARK_LABEL_MIN_CONTRAST;
  parse_rgb (color, rgb);

  /* Black or white, whichever reads better: one of them always reaches
   * 4.58:1 (they are equal at the luminance where both do). */
  ink = ratio (rgb, black) >= ratio (rgb, white) ? black : white;

  /* High contrast: the fill moves away from the ink until 7:1. */
  for (guint step = 0; step <= 20; step++)
    {
      mix (ink == black ? white : black, rgb, step / 20.0, chip);
      quantize (chip);
      if (ratio (chip, ink) >= min)
        break;
    }

  *fill = format_rgb (chip);
  *text = format_rgb (ink);
}

gboolean
spanmark_label_rules_check_contrast (const char  *color,
                                     GError     **error)
{
  g_return_val_if_fail (color != NULL && is_hex_color (color), FALSE);

  /* The high-contrast styles adapt the shades instead. */
  for (guint style = SPANMARK_LABEL_STYLE_LIGHT; style <= SPANMARK_LABEL_STYLE_DARK; style++)
    for (guint shade = 0; shade < SPANMARK_LABEL_N_SHADES; shade++)
      {
        double min = spanmark_label_rules_get_min_contrast (style, shade);
        double contrast = spanmark_label_rules_get_contrast (color, style, shade_alphas[shade]);

        if (contrast >= min)
          continue;

        /* Dark text on a dark colour (light style) needs a lighter one;
         * light text on a light colour (dark style) a darker one. */
        g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_UNREADABLE,
                     style == SPANMARK_LABEL_STYLE_LIGHT
                     ? _("the colour %s makes span text hard to read in the light style "
                         "(contrast %.1f:1, at least %.1f:1 needed): choose a lighter colour")
                     : _("the colour %s makes span text hard to read in the dark style "
                         "(contrast %.1f:1, at least %.1f:1 needed): choose a darker colour"),
                     color, contrast, min);
        return FALSE;
      }

  return TRUE;
}

GStrv
spanmark_label_rules_split_attrs (const char *list)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (list == NULL)
    return g_strv_builder_end (builder);

  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

const char * const *
spanmark_label_rules_get_palette (void)
{
  return assign_palette;
}

static gboolean
color_is_taken (SpanmarkSchema *schema,
                const char     *color)
{
  for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
    {
      const SpanmarkLabel *label = spanmark_schema_get_label (schema, i);

      if (label->color != NULL && g_ascii_strcasecmp (label->color, color) == 0)
        return TRUE;
    }

  return FALSE;
}

const char *
spanmark_label_rules_pick_color (SpanmarkSchema *schema)
{
  guint n = g_strv_length ((char **) assign_palette);

  g_return_val_if_fail (SPANMARK_IS_SCHEMA (schema), assign_palette[0]);

  for (guint i = 0; i < n; i++)
    if (!color_is_taken (schema, assign_palette[i]))
      return assign_palette[i];

  return assign_palette[spanmark_schema_get_n_labels (schema) % n];
}

char *
spanmark_label_rules_pick_key (SpanmarkSchema *schema)
{
  g_return_val_if_fail (SPANMARK_IS_SCHEMA (schema), NULL);

  for (guint i = 0; assign_keys[i] != '\0'; i++)
    {
      char key[2] = { assign_keys[i], '\0' };

      if (spanmark_schema_lookup_key (schema, key) == NULL)
        return g_strdup (key);
    }

  return NULL;
}

static gboolean
strv_equal (char **a,
            char **b)
{
  guint n = a != NULL ? g_strv_length (a) : 0;

  if (n != (b != NULL ? g_strv_length (b) : 0))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!g_str_equal (a[i], b[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_attrs (char   **attrs,
             GError **error)
{
  for (guint i = 0; attrs != NULL && attrs[i] != NULL; i++)
    {
      if (!spanmark_label_rules_check_attr (attrs[i], error))
        return FALSE;

      for (guint j = 0; j < i; j++)
        if (g_str_equal (attrs[i], attrs[j]))
          {
            g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                         _("the attribute “%s” is listed twice"), attrs[i]);
            return FALSE;
          }
    }

  return TRUE;
}

gboolean
spanmark_label_rules_check_title_word (const char  *word,
                                       GError     **error)
{
  g_return_val_if_fail (word != NULL, FALSE);

  if (!check_utf8 (word, error))
    return FALSE;

  if (word[0] == '\0' || g_utf8_strlen (word, -1) > SPANMARK_LABEL_MAX_TITLE_WORD_CHARS)
    {
      g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                   _("the title word “%s” must have 1 to %d characters"), word,
                   SPANMARK_LABEL_MAX_TITLE_WORD_CHARS);
      return FALSE;
    }

  /* A title is looked for in the run of text between the previous
   * punctuation or space and the mention, which never holds one. */
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_ispunct (c) || spanmark_text_is_white_space (c))
        {
          g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                       _("the title word “%s” cannot hold spaces, punctuation or control characters"), word);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_title_words (char   **words,
                   GError **error)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      if (!spanmark_label_rules_check_title_word (words[i], error))
        return FALSE;

      for (guint j = 0; j < i; j++)
        if (g_str_equal (words[i], words[j]))
          {
            g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                         _("the title word “%s” is listed twice"), words[i]);
            return FALSE;
          }
    }

  return TRUE;
}

gboolean
spanmark_label_rules_check (SpanmarkSchema       *schema,
                            const SpanmarkLabel  *label,
                            const SpanmarkLabel  *old,
                            GError              **error)
{
  const SpanmarkLabel *other;

  g_return_val_if_fail (SPANMARK_IS_SCHEMA (schema), FALSE);
  g_return_val_if_fail (label != NULL && label->name != NULL, FALSE);

  if (old == NULL || !g_str_equal (label->name, old->name))
    {
      if (!spanmark_label_rules_check_name (label->name, error))
        return FALSE;

      /* A new name (or a new label): no other label may have it. */
      if (spanmark_schema_lookup (schema, label->name) != NULL)
        {
          g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_EXISTS,
                       _("there is a label “%s” already"), label->name);
          return FALSE;
        }
    }

  if (old == NULL || g_strcmp0 (label->key, old->key) != 0)
    {
      if (!spanmark_label_rules_check_key (label->key, error))
        return FALSE;

      other = spanmark_schema_lookup_key (schema, label->key);
      if (other != NULL && (old == NULL || !g_str_equal (other->name, old->name)))
        {
          g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_EXISTS,
                       _("the key “%s” is the key of “%s” already"), label->key, other->name);
          return FALSE;
        }
    }

  if (old == NULL || g_strcmp0 (label->color, old->color) != 0)
    {
      if (label->color == NULL || !is_hex_color (label->color))
        {
          g_set_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID,
                       _("“%s” is not a colour: use #rrggbb or a GNOME palette name such as blue3"),
                       label->color != NULL ? label->color : "");
          return FALSE;
        }
      if (!spanmark_label_rules_check_contrast (label->color, error))
        return FALSE;
    }

  if ((old == NULL || g_strcmp0 (label->title, old->title) != 0)
      && !spanmark_label_rules_check_title (label->title, error))
    return FALSE;

  if ((old == NULL || !strv_equal (label->attrs, old->attrs)) && !check_attrs (label->attrs, error))
    return FALSE;

  if ((old == NULL || !strv_equal (label->title_words, old->title_words)) &&
      !check_title_words (label->title_words, error))
    return FALSE;

  return TRUE;
}
