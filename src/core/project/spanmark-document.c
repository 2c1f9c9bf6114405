/* spanmark-document.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-document.h"

struct _SpanmarkDocument
{
  GObject     parent_instance;

  char       *id;
  char       *path;
  char       *title;
  JsonObject *meta;
  char       *problem;
};

G_DEFINE_FINAL_TYPE (SpanmarkDocument, spanmark_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PATH,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
spanmark_document_finalize (GObject *object)
{
  SpanmarkDocument *self = (SpanmarkDocument *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->meta, json_object_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (spanmark_document_parent_class)->finalize (object);
}

static void
spanmark_document_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SpanmarkDocument *self = SPANMARK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_document_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SpanmarkDocument *self = SPANMARK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      spanmark_document_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_document_class_init (SpanmarkDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spanmark_document_finalize;
  object_class->get_property = spanmark_document_get_property;
  object_class->set_property = spanmark_document_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spanmark_document_init (SpanmarkDocument *self)
{
}

SpanmarkDocument *
spanmark_document_new (const char *id,
                       const char *path,
                       const char *title)
{
  SpanmarkDocument *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* Not through the properties: a project of 50,000 documents makes
   * them all at open, and looking the three names up for each was a
   * tenth of it. */
  self = g_object_new (SPANMARK_TYPE_DOCUMENT, NULL);
  self->id = g_strdup (id);
  self->path = g_strdup (path);
  self->title = g_strdup (title);

  return self;
}

const char *
spanmark_document_get_id (SpanmarkDocument *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT (self), NULL);

  return self->id;
}

const char *
spanmark_document_get_path (SpanmarkDocument *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT (self), NULL);

  return self->path;
}

const char *
spanmark_document_get_title (SpanmarkDocument *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT (self), NULL);

  return self->title;
}

const char *
spanmark_document_get_display_title (SpanmarkDocument *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT (self), NULL);

  if (self->title != NULL && self->title[0] != '\0')
    return self->title;

  return self->id;
}

void
spanmark_document_set_title (SpanmarkDocument *self,
                             const char       *title)
{
  g_return_if_fail (SPANMARK_IS_DOCUMENT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

JsonObject *
spanmark_document_get_meta (SpanmarkDocument *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT (self), NULL);

  return self->meta;
}

void
spanmark_document_set_meta (SpanmarkDocument *self,
                            JsonObject       *meta)
{
  g_return_if_fail (SPANMARK_IS_DOCUMENT (self));

  if (meta == self->meta)
    return;

  if (meta != NULL)
    json_object_ref (meta);
  g_clear_pointer (&self->meta, json_object_unref);
  self->meta = meta;
}

const char *
spanmark_document_get_problem (SpanmarkDocument *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT (self), NULL);

  return self->problem;
}

void
spanmark_document_set_problem (SpanmarkDocument *self,
                               const char       *problem)
{
  g_return_if_fail (SPANMARK_IS_DOCUMENT (self));

  g_free (self->problem);
  self->problem = g_strdup (problem);
}
