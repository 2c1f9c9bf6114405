/* spanmark-import-format.c — the table of import formats
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that lists the import formats.  Each is defined in its
 * own file, spanmark-import-NAME.c.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-import-format.h"
#include "spanmark-import-format-private.h"

extern const SpanmarkImportFormat _spanmark_import_format_txt;
extern const SpanmarkImportFormat _spanmark_import_format_brat;
extern const SpanmarkImportFormat _spanmark_import_format_jsonl;
extern const SpanmarkImportFormat _spanmark_import_format_conll;

/* In the order the help lists them. */
static const SpanmarkImportFormat * const formats[] = {
  &_spanmark_import_format_txt,
  &_spanmark_import_format_brat,
  &_spanmark_import_format_jsonl,
  &_spanmark_import_format_conll,
};

guint
spanmark_import_format_get_n_formats (void)
{
  return G_N_ELEMENTS (formats);
}

const SpanmarkImportFormat *
spanmark_import_format_get (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (formats), NULL);

  return formats[index];
}

const SpanmarkImportFormat *
spanmark_import_format_lookup (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i]->name, name))
      return formats[i];

  return NULL;
}

/* The length of @basename's extension when it is one of @format's (a
 * longer name than the extension alone, compared without case), else 0. */
gsize
_spanmark_import_format_match_extension (const SpanmarkImportFormat *format,
                                         const char                 *basename)
{
  gsize n = strlen (basename);
  gsize e = strlen (format->extension);

  if (n > e && g_ascii_strcasecmp (basename + n - e, format->extension) == 0)
    return e;
  for (guint i = 0; format->more_extensions != NULL && format->more_extensions[i] != NULL; i++)
    {
      e = strlen (format->more_extensions[i]);
      if (n > e && g_ascii_strcasecmp (basename + n - e, format->more_extensions[i]) == 0)
        return e;
    }
  return 0;
}

const SpanmarkImportFormat *
spanmark_import_format_for_file (const char *basename)
{
  g_return_val_if_fail (basename != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (_spanmark_import_format_match_extension (formats[i], basename) > 0)
      return formats[i];

  return NULL;
}

gboolean
spanmark_import_format_reads_alone (const SpanmarkImportFormat *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->read != NULL;
}

const char *
spanmark_import_format_get_name (const SpanmarkImportFormat *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

const char *
spanmark_import_format_get_extension (const SpanmarkImportFormat *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->extension;
}

const char *
spanmark_import_format_get_usage (const SpanmarkImportFormat *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->usage;
}

const char *
spanmark_import_format_get_description (const SpanmarkImportFormat *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return _(self->description);
}

char *
spanmark_import_format_list_usages (const char *separator)
{
  GString *usages = g_string_new (NULL);

  g_return_val_if_fail (separator != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (i > 0)
        g_string_append (usages, separator);
      g_string_append (usages, formats[i]->usage);
    }

  return g_string_free (usages, FALSE);
}
