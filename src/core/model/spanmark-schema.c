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

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

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

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
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
  /* What the titles of Chinese officials end with (副书记 and 市委书记
   * end with 书记), for the title suggestions
   * (spanmark-title-suggestion.h); a project changes them in
   * spanmark.json. */
  static const char * const official_title_words[] = {
    "书记", "省长", "市长", "区长", "县长", "主任", "主席", "部长", "厅长", "局长", NULL
  };
  static const struct {
    const char *name;
    const char *title;
    const char *color;
    const char *key;
    const char * const *attrs;
    const char * const *title_words;
  } defaults[] = {
    { "OFFICIAL", N_("Officials"), "#3584e4", "1", official_attrs, official_title_words },
    { "PLACE", N_("Places"), "#2ec27e", "2", place_attrs, NULL },
    { "INITIATIVE", N_("Initiatives"), "#e66100", "3", NULL, NULL },
  };
  SpanmarkSchema *self = spanmark_schema_new ();

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autoptr(SpanmarkLabel) label = spanmark_label_new (defaults[i].name,
                                                           defaults[i].title,
                                                           defaults[i].color,
                                                           defaults[i].key,
                                                           defaults[i].attrs);
      spanmark_label_set_title_words (label, defaults[i].title_words);
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
  g_signal_emit (self, signals[CHANGED], 0);
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

SpanmarkSchema *
spanmark_schema_copy (SpanmarkSchema *self)
{
  SpanmarkSchema *copy;

  g_return_val_if_fail (SPANMARK_IS_SCHEMA (self), NULL);

  copy = spanmark_schema_new ();
  for (guint i = 0; i < self->labels->len; i++)
    g_ptr_array_add (copy->labels, spanmark_label_copy (g_ptr_array_index (self->labels, i)));

  return copy;
}

void
spanmark_schema_assign (SpanmarkSchema *self,
                        SpanmarkSchema *other)
{
  g_autoptr(GPtrArray) labels = NULL;

  g_return_if_fail (SPANMARK_IS_SCHEMA (self));
  g_return_if_fail (SPANMARK_IS_SCHEMA (other));

  /* Copied before the old labels go: @other may be @self. */
  labels = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_label_free);
  for (guint i = 0; i < other->labels->len; i++)
    g_ptr_array_add (labels, spanmark_label_copy (g_ptr_array_index (other->labels, i)));

  g_ptr_array_unref (self->labels);
  self->labels = g_steal_pointer (&labels);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
spanmark_schema_insert_label (SpanmarkSchema      *self,
                              guint                index,
                              const SpanmarkLabel *label)
{
  g_return_val_if_fail (SPANMARK_IS_SCHEMA (self), FALSE);
  g_return_val_if_fail (label != NULL && label->name != NULL, FALSE);
  g_return_val_if_fail (index <= self->labels->len, FALSE);

  if (spanmark_schema_lookup (self, label->name) != NULL)
    return FALSE;

  g_ptr_array_insert (self->labels, (int) index, spanmark_label_copy (label));
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
spanmark_schema_replace_label (SpanmarkSchema      *self,
                               guint                index,
                               const SpanmarkLabel *label)
{
  int existing;

  g_return_val_if_fail (SPANMARK_IS_SCHEMA (self), FALSE);
  g_return_val_if_fail (label != NULL && label->name != NULL, FALSE);
  g_return_val_if_fail (index < self->labels->len, FALSE);

  existing = spanmark_schema_get_index (self, label->name);
  if (existing >= 0 && (guint) existing != index)
    return FALSE;

  spanmark_label_free (g_ptr_array_index (self->labels, index));
  g_ptr_array_index (self->labels, index) = spanmark_label_copy (label);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

void
spanmark_schema_remove_label (SpanmarkSchema *self,
                              guint           index)
{
  g_return_if_fail (SPANMARK_IS_SCHEMA (self));
  g_return_if_fail (index < self->labels->len);

  g_ptr_array_remove_index (self->labels, index);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
spanmark_schema_move_label (SpanmarkSchema *self,
                            guint           from,
                            guint           to)
{
  SpanmarkLabel *label;

  g_return_if_fail (SPANMARK_IS_SCHEMA (self));
  g_return_if_fail (from < self->labels->len && to < self->labels->len);

  if (from == to)
    return;

  label = g_ptr_array_steal_index (self->labels, from);
  g_ptr_array_insert (self->labels, (int) to, label);
  g_signal_emit (self, signals[CHANGED], 0);
}
