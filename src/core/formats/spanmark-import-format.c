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

/* In the order the help lists them. */
static const SpanmarkImportFormat * const formats[] = {
  &_spanmark_import_format_txt,
  &_spanmark_import_format_brat,
  &_spanmark_import_format_jsonl,
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

const SpanmarkImportFormat *
spanmark_import_format_for_file (const char *basename)
{
  gsize n;

  g_return_val_if_fail (basename != NULL, NULL);

  n = strlen (basename);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      gsize e = strlen (formats[i]->extension);

      if (n > e && g_ascii_strcasecmp (basename + n - e, formats[i]->extension) == 0)
        return formats[i];
    }

  return NULL;
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
