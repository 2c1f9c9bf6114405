/* spanmark-label.h — one label of a project's schema
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A label as stored in spanmark.json:
 *   {"name": "OFFICIAL", "title": "Officials", "color": "#3584e4",
 *    "key": "1", "attrs": ["title", "region"],
 *    "title_words": ["书记", "市长"]}
 * @name never changes and is what exports write; @title is for display
 * (see spanmark_label_get_display_title()). */
typedef struct
{
  char  *name;
  char  *title;
  char  *color;   /* "#rrggbb" */
  char  *key;     /* one character, e.g. "1"; may be NULL */
  GStrv  attrs;   /* attribute names, NULL-terminated; never NULL */
  /* Words a title before a mention ends with (书记, 市长): the text run
   * before a mention that ends with one is suggested as its entity's
   * "title" attribute (spanmark-title-suggestion.h).  NULL-terminated,
   * never NULL (empty: no title suggestions). */
  GStrv  title_words;
} SpanmarkLabel;

#define SPANMARK_TYPE_LABEL (spanmark_label_get_type ())

GType          spanmark_label_get_type          (void) G_GNUC_CONST;
SpanmarkLabel *spanmark_label_new               (const char          *name,
                                                 const char          *title,
                                                 const char          *color,
                                                 const char          *key,
                                                 const char * const  *attrs);
SpanmarkLabel *spanmark_label_copy              (const SpanmarkLabel *self);
/* Replaces the title words by a copy of @words (NULL: none). */
void           spanmark_label_set_title_words   (SpanmarkLabel       *self,
                                                 const char * const  *words);
void           spanmark_label_free              (SpanmarkLabel       *self);
/* The title translated through gettext, so the default titles
 * ("Officials", "Places", "Initiatives") show in the user's language. */
const char    *spanmark_label_get_display_title (const SpanmarkLabel *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkLabel, spanmark_label_free)

G_END_DECLS
