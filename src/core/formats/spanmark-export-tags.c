/* spanmark-export-tags.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-export-tags.h"

static void
add_label (ExportTags *self,
           const char *name)
{
  char *owned = g_strdup (name);

  g_ptr_array_add (self->label_names, owned);
  g_hash_table_insert (self->label_index, owned, GUINT_TO_POINTER (self->label_names->len));
  g_ptr_array_add (self->tag_names, g_strconcat ("B-", name, NULL));
  g_ptr_array_add (self->tag_names, g_strconcat ("I-", name, NULL));
  g_ptr_array_add (self->tag_names, g_strconcat ("E-", name, NULL));
  g_ptr_array_add (self->tag_names, g_strconcat ("S-", name, NULL));
}

ExportTags *
_spanmark_export_tags_new (SpanmarkSchema *schema,
                           gboolean        schema_only)
{
  ExportTags *self = g_new0 (ExportTags, 1);

  self->label_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->label_names = g_ptr_array_new_with_free_func (g_free);
  self->tag_names = g_ptr_array_new_with_free_func (g_free);
  self->tags = g_array_new (FALSE, FALSE, sizeof (gint32));
  self->schema_only = schema_only;
  for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
    add_label (self, spanmark_schema_get_label (schema, i)->name);

  return self;
}

void
_spanmark_export_tags_free (ExportTags *self)
{
  g_hash_table_unref (self->label_index);
  g_ptr_array_unref (self->label_names);
  g_ptr_array_unref (self->tag_names);
  g_array_unref (self->tags);
  g_free (self);
}

/* Index of @name among the labels, or -1 with an error. */
static int
label_index (ExportTags  *self,
             const char  *name,
             GError     **error)
{
  gpointer value;

  /* A schema has a few labels: comparing with each is cheaper than
   * hashing the name, for every span. */
  if (self->label_names->len <= 8)
    {
      for (guint i = 0; i < self->label_names->len; i++)
        if (strcmp (g_ptr_array_index (self->label_names, i), name) == 0)
          return (int) i;
    }
  else if ((value = g_hash_table_lookup (self->label_index, name)) != NULL)
    return GPOINTER_TO_INT (value) - 1;

  if (self->schema_only)
    {
      g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_LABEL,
                   _("Label “%s” is not in the project’s schema, so it has no tag number"),
                   name);
      return -1;
    }

  add_label (self, name);
  return (int) self->label_names->len - 1;
}

gboolean
_spanmark_export_tags_compute (ExportTags            *self,
                               const ExportDoc       *doc,
                               GPtrArray             *kept,
                               SpanmarkExportScheme   scheme,
                               GError               **error)
{
  gboolean bioes = scheme == SPANMARK_EXPORT_SCHEME_BIOES;
  guint n = doc->char_bytes->len - 1;
  gint32 *tags;

  g_array_set_size (self->tags, n);
  tags = (gint32 *) self->tags->data;
  for (guint i = 0; i < n; i++)
    tags[i] = -1;

  for (guint k = 0; k < kept->len; k++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (kept, k);
      int label = label_index (self, span->label, error);
      guint end = MIN (span->end, n);
      gint32 first = -1;
      gint32 last = -1;

      if (label < 0)
        return FALSE;
      label *= EXPORT_N_TAG_KINDS;

      for (guint i = span->start; i <= end; i++)
        {
          gunichar c = i < end ? export_doc_char (doc, i) : '\n';

          if (c == '\n')
            {
              /* Close the current piece. */
              if (first >= 0)
                {
                  if (first == last)
                    tags[first] = label + (bioes ? EXPORT_TAG_S : EXPORT_TAG_B);
                  else
                    {
                      /* White space in between gets a tag too, but is
                       * never written. */
                      tags[first] = label + EXPORT_TAG_B;
                      for (gint32 j = first + 1; j < last; j++)
                        tags[j] = label + EXPORT_TAG_I;
                      tags[last] = label + (bioes ? EXPORT_TAG_E : EXPORT_TAG_I);
                    }
                }
              first = last = -1;
              continue;
            }

          if (export_is_white_space (c))
            continue;

          if (first < 0)
            first = (gint32) i;
          last = (gint32) i;
        }
    }

  return TRUE;
}
