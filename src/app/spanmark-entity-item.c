/* spanmark-entity-item.c — one registry entity in a label panel's list
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spanmark-entity-item.h"

struct _SpanmarkEntityItem
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *aliases_text;
  char    *folded;      /* the name and the aliases, folded, one a line */
  guint    n_here;
  /* As the registry counted the saved files: every document's mentions,
   * the documents, and the open document's part of them. */
  guint    n_corpus;
  guint    n_documents;
  guint    n_saved_here;
  guint    here_is_own : 1;  /* the open set is the annotator's: it counts */
};

G_DEFINE_FINAL_TYPE (SpanmarkEntityItem, spanmark_entity_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_HERE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
spanmark_entity_item_finalize (GObject *object)
{
  SpanmarkEntityItem *self = SPANMARK_ENTITY_ITEM (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->aliases_text);
  g_free (self->folded);

  G_OBJECT_CLASS (spanmark_entity_item_parent_class)->finalize (object);
}

static void
spanmark_entity_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SpanmarkEntityItem *self = SPANMARK_ENTITY_ITEM (object);

  switch (prop_id)
    {
    case PROP_N_HERE:
      g_value_set_uint (value, self->n_here);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_entity_item_class_init (SpanmarkEntityItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spanmark_entity_item_finalize;
  object_class->get_property = spanmark_entity_item_get_property;

  properties[PROP_N_HERE] =
    g_param_spec_uint ("n-here", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spanmark_entity_item_init (SpanmarkEntityItem *self)
{
}

char *
spanmark_entity_item_fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  /* Text that is not UTF-8 never comes from the registry's reader; fold
   * it to nothing rather than fail. */
  if (normalized == NULL)
    return g_strdup ("");

  return g_utf8_casefold (normalized, -1);
}

SpanmarkEntityItem *
spanmark_entity_item_new (const SpanmarkRegistryEntity *entity,
                          guint                         n_corpus,
                          guint                         n_documents)
{
  SpanmarkEntityItem *self;
  g_autoptr(GString) folded = g_string_new (NULL);
  g_autoptr(GString) aliases = g_string_new (NULL);
  g_autofree char *name = NULL;

  g_return_val_if_fail (entity != NULL && entity->name != NULL, NULL);

  self = g_object_new (SPANMARK_TYPE_ENTITY_ITEM, NULL);
  self->here_is_own = TRUE;
  self->id = g_strdup (entity->id);
  self->name = g_strdup (entity->name);
  self->n_corpus = n_corpus;
  self->n_documents = n_documents;

  name = spanmark_entity_item_fold (entity->name);
  g_string_append (folded, name);
  for (guint i = 0; i < entity->aliases->len; i++)
    {
      const char *alias = g_ptr_array_index (entity->aliases, i);
      g_autofree char *folded_alias = spanmark_entity_item_fold (alias);

      g_string_append_c (folded, '\n');
      g_string_append (folded, folded_alias);
      if (aliases->len > 0)
        g_string_append (aliases, " · ");
      g_string_append (aliases, alias);
    }
  self->folded = g_string_free (g_steal_pointer (&folded), FALSE);
  self->aliases_text = g_string_free (g_steal_pointer (&aliases), FALSE);

  return self;
}

const char *
spanmark_entity_item_get_id (SpanmarkEntityItem *self)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_ITEM (self), NULL);

  return self->id;
}

const char *
spanmark_entity_item_get_name (SpanmarkEntityItem *self)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_ITEM (self), NULL);

  return self->name;
}

const char *
spanmark_entity_item_get_aliases_text (SpanmarkEntityItem *self)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_ITEM (self), NULL);

  return self->aliases_text;
}

guint
spanmark_entity_item_get_n_here (SpanmarkEntityItem *self)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_ITEM (self), 0);

  return self->n_here;
}

void
spanmark_entity_item_set_n_here (SpanmarkEntityItem *self,
                                 guint               n_here)
{
  g_return_if_fail (SPANMARK_IS_ENTITY_ITEM (self));

  if (self->n_here == n_here)
    return;

  self->n_here = n_here;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_HERE]);
}

/* The open document counts with its mentions now, not as saved. */
guint
spanmark_entity_item_get_n_corpus (SpanmarkEntityItem *self)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_ITEM (self), 0);

  if (!self->here_is_own)
    return self->n_corpus;

  return self->n_corpus - MIN (self->n_saved_here, self->n_corpus) + self->n_here;
}

guint
spanmark_entity_item_get_n_documents (SpanmarkEntityItem *self)
{
  guint n;

  g_return_val_if_fail (SPANMARK_IS_ENTITY_ITEM (self), 0);

  if (!self->here_is_own)
    return self->n_documents;
  n = self->n_documents;
  if (self->n_saved_here > 0 && n > 0)
    n--;

  return n + (self->n_here > 0);
}

void
spanmark_entity_item_set_n_saved_here (SpanmarkEntityItem *self,
                                       guint               n_saved_here,
                                       gboolean            own)
{
  g_return_if_fail (SPANMARK_IS_ENTITY_ITEM (self));

  if (self->n_saved_here == n_saved_here && self->here_is_own == !!own)
    return;

  self->n_saved_here = n_saved_here;
  self->here_is_own = !!own;
  /* The counts shown changed, as with "n-here". */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_HERE]);
}

void
spanmark_entity_item_copy_counts (SpanmarkEntityItem *self,
                                  SpanmarkEntityItem *from)
{
  g_return_if_fail (SPANMARK_IS_ENTITY_ITEM (self));
  g_return_if_fail (SPANMARK_IS_ENTITY_ITEM (from));

  self->n_corpus = from->n_corpus;
  self->n_documents = from->n_documents;
  self->n_saved_here = from->n_saved_here;
  self->here_is_own = from->here_is_own;
  self->n_here = from->n_here;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_HERE]);
}

void
spanmark_entity_item_leave_document (SpanmarkEntityItem *self)
{
  g_return_if_fail (SPANMARK_IS_ENTITY_ITEM (self));

  self->n_corpus = spanmark_entity_item_get_n_corpus (self);
  self->n_documents = spanmark_entity_item_get_n_documents (self);
  self->n_saved_here = 0;
  self->here_is_own = TRUE;
  spanmark_entity_item_set_n_here (self, 0);
}

char *
spanmark_entity_item_format_counts (SpanmarkEntityItem *self)
{
  guint n_documents;

  g_return_val_if_fail (SPANMARK_IS_ENTITY_ITEM (self), NULL);

  n_documents = spanmark_entity_item_get_n_documents (self);
  /* Translators: a registry entity's counts in a side panel: mentions in
   * the open document, in every document, and the number of documents,
   * e.g. "2 here · 5 in corpus · 2 documents". */
  return g_strdup_printf (ngettext ("%u here · %u in corpus · %u document",
                                    "%u here · %u in corpus · %u documents",
                                    n_documents),
                          self->n_here, spanmark_entity_item_get_n_corpus (self), n_documents);
}

gboolean
spanmark_entity_item_matches (SpanmarkEntityItem *self,
                              const char         *folded)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_ITEM (self), FALSE);
  g_return_val_if_fail (folded != NULL, FALSE);

  /* A key never holds a newline (the entry is one line), so a match
   * never spans two names. */
  return *folded == '\0' || strstr (self->folded, folded) != NULL;
}
