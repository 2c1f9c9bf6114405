/* spanmark-export-split.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-export.h"
#include "spanmark-text.h"

static const char *part_names[SPANMARK_EXPORT_N_PARTS] = {
  "train", "dev", "test",
};

const char *
spanmark_export_part_to_string (SpanmarkExportPart part)
{
  g_return_val_if_fail ((guint) part < SPANMARK_EXPORT_N_PARTS, NULL);

  return part_names[part];
}

gboolean
spanmark_export_parse_split (const char  *str,
                             guint        percent[SPANMARK_EXPORT_N_PARTS],
                             GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint values[SPANMARK_EXPORT_N_PARTS];
  guint sum = 0;

  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (percent != NULL, FALSE);

  parts = g_strsplit (str, "/", -1);
  if (g_strv_length (parts) != SPANMARK_EXPORT_N_PARTS)
    goto bad;

  for (guint i = 0; i < SPANMARK_EXPORT_N_PARTS; i++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, 100, &value, NULL))
        goto bad;
      values[i] = (guint) value;
      sum += values[i];
    }

  if (sum != 100)
    goto bad;

  memcpy (percent, values, sizeof values);
  return TRUE;

bad:
  g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_OPTIONS,
               _("Invalid split “%s”: give three percentages that sum to 100, such as 80/10/10"),
               str);
  return FALSE;
}

typedef struct
{
  guint64     key;
  const char *id;
  guint       index;
} SplitEntry;

static int
split_entry_compare (gconstpointer a,
                     gconstpointer b)
{
  const SplitEntry *ea = a;
  const SplitEntry *eb = b;

  if (ea->key != eb->key)
    return ea->key < eb->key ? -1 : 1;
  return strcmp (ea->id, eb->id);
}

static guint64
split_key (guint64     seed,
           const char *id)
{
  g_autofree char *input = g_strdup_printf ("%" G_GUINT64_FORMAT ":%s", seed, id);
  guint8 digest[SPANMARK_TEXT_SHA256_SIZE];
  guint64 key = 0;

  spanmark_text_sha256_digest (input, strlen (input), digest);
  for (guint i = 0; i < 8; i++)
    key = (key << 8) | digest[i];

  return key;
}

SpanmarkExportPart *
spanmark_export_assign_parts (const char * const *document_ids,
                              guint               n_documents,
                              const guint         percent[SPANMARK_EXPORT_N_PARTS],
                              guint64             seed)
{
  g_autofree SplitEntry *entries = NULL;
  SpanmarkExportPart *parts;
  guint n_train, n_train_dev;

  g_return_val_if_fail (document_ids != NULL || n_documents == 0, NULL);
  g_return_val_if_fail (percent != NULL, NULL);

  entries = g_new0 (SplitEntry, MAX (n_documents, 1));
  for (guint i = 0; i < n_documents; i++)
    {
      entries[i].key = split_key (seed, document_ids[i]);
      entries[i].id = document_ids[i];
      entries[i].index = i;
    }
  qsort (entries, n_documents, sizeof (SplitEntry), split_entry_compare);

  /* Rounding the cumulative shares keeps the three counts summing to n. */
  n_train = (guint) (((guint64) n_documents * percent[0] + 50) / 100);
  n_train_dev = (guint) (((guint64) n_documents * (percent[0] + percent[1]) + 50) / 100);

  parts = g_new0 (SpanmarkExportPart, MAX (n_documents, 1));
  for (guint rank = 0; rank < n_documents; rank++)
    {
      SpanmarkExportPart part;

      if (rank < n_train)
        part = SPANMARK_EXPORT_PART_TRAIN;
      else if (rank < n_train_dev)
        part = SPANMARK_EXPORT_PART_DEV;
      else
        part = SPANMARK_EXPORT_PART_TEST;
      parts[entries[rank].index] = part;
    }

  return parts;
}
