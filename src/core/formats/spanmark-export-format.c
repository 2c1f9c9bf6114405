/* spanmark-export-format.c — the table of export formats
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that lists the export formats.  Each is defined in its
 * own file, spanmark-export-NAME.c.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spanmark-export-format.h"
#include "spanmark-export-format-private.h"

extern const SpanmarkExportFormat _spanmark_export_format_conll;
extern const SpanmarkExportFormat _spanmark_export_format_jsonl;
extern const SpanmarkExportFormat _spanmark_export_format_doccano;
extern const SpanmarkExportFormat _spanmark_export_format_hf;
extern const SpanmarkExportFormat _spanmark_export_format_brat;
extern const SpanmarkExportFormat _spanmark_export_format_kb;

/* In the order the dialog and the help list them; the first is the
 * default. */
static const SpanmarkExportFormat * const formats[] = {
  &_spanmark_export_format_conll,
  &_spanmark_export_format_jsonl,
  &_spanmark_export_format_doccano,
  &_spanmark_export_format_hf,
  &_spanmark_export_format_brat,
  &_spanmark_export_format_kb,
};

guint
spanmark_export_format_get_n_formats (void)
{
  return G_N_ELEMENTS (formats);
}

const SpanmarkExportFormat *
spanmark_export_format_get (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (formats), NULL);

  return formats[index];
}

const SpanmarkExportFormat *
spanmark_export_format_lookup (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i]->name, name))
      return formats[i];

  return NULL;
}

char *
spanmark_export_format_list_names (SpanmarkExportOptionFlags  option,
                                   const char                *separator)
{
  GString *names = g_string_new (NULL);

  g_return_val_if_fail (separator != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (option != SPANMARK_EXPORT_OPTION_NONE && (formats[i]->options & option) == 0)
        continue;
      if (names->len > 0)
        g_string_append (names, separator);
      g_string_append (names, formats[i]->name);
    }

  return g_string_free (names, FALSE);
}

const char *
spanmark_export_format_get_name (const SpanmarkExportFormat *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

const char *
spanmark_export_format_get_title (const SpanmarkExportFormat *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return _(self->title);
}

const char *
spanmark_export_format_get_description (const SpanmarkExportFormat *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return _(self->description);
}

SpanmarkExportOptionFlags
spanmark_export_format_get_options (const SpanmarkExportFormat *self)
{
  g_return_val_if_fail (self != NULL, SPANMARK_EXPORT_OPTION_NONE);

  return self->options;
}

gboolean
spanmark_export_format_is_flat (const SpanmarkExportFormat *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return (self->flags & SPANMARK_EXPORT_FORMAT_FLAT) != 0;
}

gboolean
spanmark_export_format_writes_folder (const SpanmarkExportFormat *self,
                                      gboolean                    split)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return split || (self->flags & (SPANMARK_EXPORT_FORMAT_FOLDER | SPANMARK_EXPORT_FORMAT_PER_DOCUMENT)) != 0;
}

const char *
spanmark_export_format_get_default_file_name (const SpanmarkExportFormat *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return spanmark_export_format_writes_folder (self, FALSE) ? NULL : self->file_name;
}

const char *
spanmark_export_format_get_layout (const SpanmarkExportFormat *self,
                                   gboolean                    split)
{
  g_return_val_if_fail (self != NULL, NULL);

  return _(split ? self->split_layout : self->layout);
}

const char *
spanmark_export_format_get_example (const SpanmarkExportFormat *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->example;
}
