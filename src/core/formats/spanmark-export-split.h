/* spanmark-export-split.h — train, dev and test parts, the same every time
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The three parts of a split, in file order. */
typedef enum
{
  SPANMARK_EXPORT_PART_TRAIN,
  SPANMARK_EXPORT_PART_DEV,
  SPANMARK_EXPORT_PART_TEST,
} SpanmarkExportPart;

#define SPANMARK_EXPORT_N_PARTS 3

/* "train", "dev", "test". */
const char         *spanmark_export_part_to_string (SpanmarkExportPart  part);

/* Parses "80/10/10" (three non-negative integers summing to 100). */
gboolean            spanmark_export_parse_split    (const char         *str,
                                                    guint               percent[SPANMARK_EXPORT_N_PARTS],
                                                    GError            **error);

/* Which part of a split each of @document_ids goes to: the ids are ordered
 * by the first 8 bytes (big-endian) of SHA-256("<seed>:<id>"), ties by id,
 * and the first round(n * train / 100) go to train, the next
 * round(n * (train + dev) / 100) - that to dev, the rest to test.  So the
 * same seed and the same documents always give the same parts.  Returns a
 * newly allocated array of @n_documents SpanmarkExportPart. */
SpanmarkExportPart *spanmark_export_assign_parts   (const char * const *document_ids,
                                                    guint               n_documents,
                                                    const guint         percent[SPANMARK_EXPORT_N_PARTS],
                                                    guint64             seed) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
