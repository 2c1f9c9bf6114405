/* spanmark-label.c — one label of a project's schema
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spanmark-label.h"

G_DEFINE_BOXED_TYPE (SpanmarkLabel, spanmark_label,
                     spanmark_label_copy, spanmark_label_free)

SpanmarkLabel *
spanmark_label_new (const char         *name,
                    const char         *title,
                    const char         *color,
                    const char         *key,
                    const char * const *attrs)
{
  SpanmarkLabel *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_new0 (SpanmarkLabel, 1);
  self->name = g_strdup (name);
  /* A label without a title shows its name. */
  self->title = g_strdup (title != NULL ? title : name);
  self->color = g_strdup (color);
  self->key = g_strdup (key);
  self->attrs = attrs != NULL ? g_strdupv ((char **) attrs) : g_new0 (char *, 1);
  self->title_words = g_new0 (char *, 1);

  return self;
}

SpanmarkLabel *
spanmark_label_copy (const SpanmarkLabel *self)
{
  SpanmarkLabel *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = spanmark_label_new (self->name, self->title, self->color, self->key,
                             (const char * const *) self->attrs);
  spanmark_label_set_title_words (copy, (const char * const *) self->title_words);
  return copy;
}

void
spanmark_label_set_title_words (SpanmarkLabel      *self,
                                const char * const *words)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->title_words);
  self->title_words = words != NULL ? g_strdupv ((char **) words) : g_new0 (char *, 1);
}

void
spanmark_label_free (SpanmarkLabel *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->title);
  g_free (self->color);
  g_free (self->key);
  g_strfreev (self->attrs);
  g_strfreev (self->title_words);
  g_free (self);
}

const char *
spanmark_label_get_display_title (const SpanmarkLabel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* gettext of "" returns the catalogue header, so never ask for it. */
  if (self->title == NULL || self->title[0] == '\0')
    return self->name;

  return g_dgettext (GETTEXT_PACKAGE, self->title);
}
