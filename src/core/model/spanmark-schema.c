/* spanmark-schema.c — the label set of a project
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spanmark-schema.h"

struct _SpanmarkSchema
{
  GObject    parent_instance;

  /* SpanmarkLabel*, in the order of spanmark.json (which is also the
   * order of tag indices in exports). */
  GPtrArray *labels;
};

G_DEFINE_FINAL_TYPE (SpanmarkSchema, spanmark_schema, G_TYPE_OBJECT)

static void
spanmark_schema_finalize (GObject *object)
{
  SpanmarkSchema *self = SPANMARK_SCHEMA (object);

  g_clear_pointer (&self->labels, g_ptr_array_unref);

  G_OBJECT_CLASS (spanmark_schema_parent_class)->finalize (object);
}

static void
spanmark_schema_class_init (SpanmarkSchemaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spanmark_schema_finalize;
}

static void
spanmark_schema_init (SpanmarkSchema *self)
{
  self->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_label_free);
}

SpanmarkSchema *
spanmark_schema_new (void)
{
  return g_object_new (SPANMARK_TYPE_SCHEMA, NULL);
}

SpanmarkSchema *
spanmark_schema_new_default (void)
{
  /* The titles are stored untranslated (they are written to spanmark.json)
   * and translated for display by spanmark_label_get_display_title(). */
  static const char * const official_attrs[] = { "title", "region", NULL };
  static const char * const place_attrs[] = { "kind", NULL };
  static const struct {
    const char *name;
    const char *title;
    const char *color;
    const char *key;
    const char * const *attrs;
  } defaults[] = {
    { "OFFICIAL", N_("Officials"), "#3584e4", "1", official_attrs },
    { "PLACE", N_("Places"), "#2ec27e", "2", place_attrs },
    { "INITIATIVE", N_("Initiatives"), "#e66100", "3", NULL },
  };
  SpanmarkSchema *self = spanmark_schema_new ();

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autoptr(SpanmarkLabel) label = spanmark_label_new (defaults[i].name,
                                                           defaults[i].title,
                                                           defaults[i].color,
                                                           defaults[i].key,
                                                           defaults[i].attrs);
      spanmark_schema_add_label (self, label);
    }

  return self;
}

gboolean
spanmark_schema_add_label (SpanmarkSchema      *self,
                           const SpanmarkLabel *label)
{
  g_return_val_if_fail (SPANMARK_IS_SCHEMA (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (label->name != NULL, FALSE);

  if (spanmark_schema_lookup (self, label->name) != NULL)
    return FALSE;

  g_ptr_array_add (self->labels, spanmark_label_copy (label));
  return TRUE;
}

guint
spanmark_schema_get_n_labels (SpanmarkSchema *self)
{
  g_return_val_if_fail (SPANMARK_IS_SCHEMA (self), 0);

  return self->labels->len;
}

const SpanmarkLabel *
spanmark_schema_get_label (SpanmarkSchema *self,
                           guint           index)
{
  g_return_val_if_fail (SPANMARK_IS_SCHEMA (self), NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);

  return g_ptr_array_index (self->labels, index);
}

int
spanmark_schema_get_index (SpanmarkSchema *self,
                           const char     *name)
{
  g_return_val_if_fail (SPANMARK_IS_SCHEMA (self), -1);

  if (name == NULL)
    return -1;

  /* Schemas hold a handful of labels: a scan is the fastest lookup. */
  for (guint i = 0; i < self->labels->len; i++)
    {
      const SpanmarkLabel *label = g_ptr_array_index (self->labels, i);

      if (g_strcmp0 (label->name, name) == 0)
        return (int) i;
    }

  return -1;
}

const SpanmarkLabel *
spanmark_schema_lookup (SpanmarkSchema *self,
                        const char     *name)
{
  int index;

  g_return_val_if_fail (SPANMARK_IS_SCHEMA (self), NULL);

  index = spanmark_schema_get_index (self, name);
  return index >= 0 ? g_ptr_array_index (self->labels, index) : NULL;
}

const SpanmarkLabel *
spanmark_schema_lookup_key (SpanmarkSchema *self,
                            const char     *key)
{
  g_return_val_if_fail (SPANMARK_IS_SCHEMA (self), NULL);

  if (key == NULL || key[0] == '\0')
    return NULL;

  for (guint i = 0; i < self->labels->len; i++)
    {
      const SpanmarkLabel *label = g_ptr_array_index (self->labels, i);

      if (g_strcmp0 (label->key, key) == 0)
        return label;
    }

  return NULL;
}
