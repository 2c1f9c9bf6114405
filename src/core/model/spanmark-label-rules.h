/* spanmark-label-rules.h — what makes a label's name, key, colour and attributes valid
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules every label made or changed by Spanmark follows (init
 * --labels/--schema, the labels command, the window's Preferences):
 *
 *   name   1 to 64 characters: letters and digits of any script, "_" and
 *          "-" (and combining marks after the first character); not
 *          starting with "-"; unique in the schema.  It is what exports
 *          write ("B-PER"), so no spaces.
 *   key    empty (no key) or one character you type, such as "1" or "p":
 *          no white space, no control character, no lone combining mark;
 *          unique.  The window's own single keys (Tab, Shift+Tab, Delete)
 *          are not characters, so no character clashes with them.
 *   color  "#rrggbb", or a GNOME palette name ("blue3"), stored as
 *          lower-case "#rrggbb".  The document view draws a span's text
 *          on the label's colour blended over the view's background (see
 *          SPANMARK_LABEL_ALPHA_*); the blend must keep the text readable
 *          in the light and the dark style: a contrast of at least 4.5:1
 *          (WCAG AA) on a span's plain shades and 3:1 on the stronger
 *          shade of the span at the caret.  In high contrast the shades
 *          are lighter, so that the text reaches 7:1 (4.5:1 at the caret);
 *          the marks drawn in a label's colour (boundaries, lanes) get a
 *          darker or lighter version of it that stands out 3:1 (4.5:1 in
 *          high contrast) against the background and the span's shades;
 *          label chips keep their text at 4.5:1 (7:1).
 *   attrs  attribute names, each like a name (1 to 64 letters, digits,
 *          "_" or "-"), unique within the label.
 *   title  any text of up to 100 characters without control characters;
 *          empty means the name.
 *   title_words  words a title ends with (书记, 市长; see SpanmarkLabel),
 *          each 1 to 32 characters without white space, punctuation or
 *          control characters (the text run a title is looked for in
 *          never holds any), unique within the label.
 *
 * Labels read from an existing spanmark.json are not held to these rules
 * (older projects keep working); only what is being made or changed is.
 */

#pragma once

#include <glib.h>

#include "spanmark-label.h"
#include "spanmark-schema.h"

G_BEGIN_DECLS

#define SPANMARK_LABEL_ERROR (spanmark_label_error_quark ())

typedef enum
{
  SPANMARK_LABEL_ERROR_INVALID,      /* a name, key, colour, title or attribute breaks the rules */
  SPANMARK_LABEL_ERROR_UNREADABLE,   /* a colour that leaves span text hard to read */
  SPANMARK_LABEL_ERROR_EXISTS,       /* the name or key belongs to another label */
  SPANMARK_LABEL_ERROR_NOT_FOUND,    /* no label of that name */
  SPANMARK_LABEL_ERROR_IN_USE,       /* spans or entities use the label */
  SPANMARK_LABEL_ERROR_INTERRUPTED,  /* a rename was interrupted and must be finished first */
  SPANMARK_LABEL_ERROR_FILES,        /* annotation files fail to load */
  SPANMARK_LABEL_ERROR_IN_REGISTRY,  /* entities of the registry (entities/) have the label */
} SpanmarkLabelError;

GQuark spanmark_label_error_quark (void);

#define SPANMARK_LABEL_MAX_NAME_CHARS  64
#define SPANMARK_LABEL_MAX_TITLE_CHARS 100
#define SPANMARK_LABEL_MAX_TITLE_WORD_CHARS 32

/* The shades the document view draws a span with: the label's colour at
 * this opacity over the view's background (src/app/spanmark-document-view.c
 * uses these).  BASE: every span; NEXT: a span right after one of the
 * same label; CURRENT: the span at the caret. */
#define SPANMARK_LABEL_ALPHA_BASE    0.30
#define SPANMARK_LABEL_ALPHA_NEXT    0.48
#define SPANMARK_LABEL_ALPHA_CURRENT 0.68

/* Contrast ratios (WCAG 2) the blends must reach. */
#define SPANMARK_LABEL_MIN_CONTRAST         4.5
#define SPANMARK_LABEL_MIN_CONTRAST_CURRENT 3.0

/* The styles the document view draws in: libadwaita's light and dark
 * styles, and each with high contrast (where the view's text is fully
 * opaque, span shades are as light as it takes to keep 7:1 and every
 * mark 4.5:1). */
typedef enum
{
  SPANMARK_LABEL_STYLE_LIGHT,
  SPANMARK_LABEL_STYLE_DARK,
  SPANMARK_LABEL_STYLE_HIGH_CONTRAST,
  SPANMARK_LABEL_STYLE_HIGH_CONTRAST_DARK,
} SpanmarkLabelStyle;

#define SPANMARK_LABEL_N_STYLES (SPANMARK_LABEL_STYLE_HIGH_CONTRAST_DARK + 1)

/* The shades of a span (SPANMARK_LABEL_ALPHA_*). */
typedef enum
{
  SPANMARK_LABEL_SHADE_BASE,
  SPANMARK_LABEL_SHADE_NEXT,
  SPANMARK_LABEL_SHADE_CURRENT,
} SpanmarkLabelShade;

#define SPANMARK_LABEL_N_SHADES (SPANMARK_LABEL_SHADE_CURRENT + 1)

/* Contrast ratios in the high-contrast styles: text on a span's plain
 * shades (WCAG AAA), text on the current span's shade, and the marks. */
#define SPANMARK_LABEL_MIN_CONTRAST_HC         7.0
#define SPANMARK_LABEL_MIN_CONTRAST_CURRENT_HC 4.5
/* What a mark drawn in a label's colour (a span's boundary, the lane of
 * a nested span, a review lane) must reach against the view's background
 * and the plain shades of its label: WCAG's 3:1 for graphics, more in
 * high contrast. */
#define SPANMARK_LABEL_MIN_CONTRAST_MARK       3.0
#define SPANMARK_LABEL_MIN_CONTRAST_MARK_HC    4.5

gboolean    spanmark_label_rules_check_name     (const char          *name,
                                                 GError             **error);
/* @name made a name the rules take, for labels from other tools
 * (Weibo NER's "PER.NOM" gives "PER_NOM"): each character they refuse
 * becomes "_".  NULL when no name can be made (empty, too long, not
 * UTF-8).  Two names may give the same one. */
char       *spanmark_label_rules_make_name      (const char          *name) G_GNUC_WARN_UNUSED_RESULT;
gboolean    spanmark_label_rules_check_attr     (const char          *attr,
                                                 GError             **error);
/* NULL or "" (no key) is valid. */
gboolean    spanmark_label_rules_check_key      (const char          *key,
                                                 GError             **error);
gboolean    spanmark_label_rules_check_title    (const char          *title,
                                                 GError             **error);
gboolean    spanmark_label_rules_check_title_word (const char        *word,
                                                   GError           **error);
/* "#RRGGBB" (any case) or a GNOME palette name as lower-case "#rrggbb";
 * NULL with @error for anything else.  Does not check the contrast. */
char       *spanmark_label_rules_parse_color    (const char          *color,
                                                 GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* The contrast ratio (1 to 21) between span text and a span of @color
 * ("#rrggbb") drawn at @alpha in @style (any of the four). */
double      spanmark_label_rules_get_contrast   (const char          *color,
                                                 SpanmarkLabelStyle   style,
                                                 double               alpha);
/* Whether every shade of @color ("#rrggbb") reaches its contrast in the
 * light and the dark style; the error says which style fails and what to
 * do.  The high-contrast styles never refuse a colour: they lighten its
 * shades instead (spanmark_label_rules_get_alpha()). */
gboolean    spanmark_label_rules_check_contrast (const char          *color,
                                                 GError             **error);

/* Whether @style is one of the high-contrast ones, one of the dark ones. */
gboolean    spanmark_label_rules_is_high_contrast (SpanmarkLabelStyle style);
gboolean    spanmark_label_rules_is_dark        (SpanmarkLabelStyle   style);
/* The contrast text must reach on @shade in @style. */
double      spanmark_label_rules_get_min_contrast (SpanmarkLabelStyle style,
                                                   SpanmarkLabelShade shade);
/* The opacity @shade of @color ("#rrggbb") is drawn with in @style: the
 * SPANMARK_LABEL_ALPHA_* in the light and dark styles; in high contrast
 * at most those, as much lower as the text needs to reach its contrast. */
double      spanmark_label_rules_get_alpha      (const char          *color,
                                                 SpanmarkLabelStyle   style,
                                                 SpanmarkLabelShade   shade);
/* The view's background in @style, "#rrggbb" (static). */
const char *spanmark_label_rules_get_background (SpanmarkLabelStyle   style);
/* The contrast ratio (1 to 21) of two opaque colours ("#rrggbb"). */
double      spanmark_label_rules_get_color_contrast (const char      *a,
                                                     const char      *b);
/* The colour marks of @color's spans are drawn in, "#rrggbb": @color
 * darkened (light styles) or lightened (dark styles) just enough to
 * reach SPANMARK_LABEL_MIN_CONTRAST_MARK(_HC) against the background and
 * against the base and next shades of @color in @style.  (On the current
 * span's shade, marks take the text's colour, which reaches its
 * contrast there by the rules above.) */
char       *spanmark_label_rules_get_mark_color (const char          *color,
                                                 SpanmarkLabelStyle   style) G_GNUC_WARN_UNUSED_RESULT;
/* A label chip: its fill, @color (moved away from the text colour in
 * high contrast until it reaches 7:1), and its text, black or white,
 * whichever contrasts more (at least 4.5:1 in the other styles). */
void        spanmark_label_rules_get_chip_colors (const char         *color,
                                                  SpanmarkLabelStyle  style,
                                                  char              **fill,
                                                  char              **text);

/* "a, b,c" as attribute names: split at commas, white space around each
 * removed, empty ones dropped.  Not checked. */
GStrv       spanmark_label_rules_split_attrs    (const char          *list) G_GNUC_WARN_UNUSED_RESULT;

/* The colours new labels get, in order: distinct colours of the GNOME
 * palette that pass the contrast check, NULL-terminated. */
const char * const *spanmark_label_rules_get_palette (void);
/* The first palette colour no label of @schema has (once all are taken,
 * they come round again). */
const char *spanmark_label_rules_pick_color     (SpanmarkSchema      *schema);
/* The first of 1…9, then a…z, that no label of @schema has; NULL when
 * all are taken. */
char       *spanmark_label_rules_pick_key       (SpanmarkSchema      *schema) G_GNUC_WARN_UNUSED_RESULT;

/* Whether @label may take the place of @old in @schema (@old NULL: be
 * added): of @label's name, key, colour, title and attributes, those
 * that differ from @old's are checked, uniqueness against the other
 * labels.  @label's colour must be "#rrggbb" already. */
gboolean    spanmark_label_rules_check          (SpanmarkSchema      *schema,
                                                 const SpanmarkLabel *label,
                                                 const SpanmarkLabel *old,
                                                 GError             **error);

G_END_DECLS
