/* spanmark-export-tags.h — a tag for every character, for the flat formats
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flat formats (conll, hf) write one tag per token: B-X, I-X (and
 * E-X, S-X in BIOES) or O.  Private to the export (formats/).
 */

#pragma once

#include "spanmark-export.h"
#include "spanmark-export-private.h"

G_BEGIN_DECLS

/* The kinds of tag of one label, in the order of ExportTags.tag_names. */
enum
{
  EXPORT_TAG_B,
  EXPORT_TAG_I,
  EXPORT_TAG_E,
  EXPORT_TAG_S,
  EXPORT_N_TAG_KINDS
};

typedef struct
{
  /* Tag names and label indices: schema labels first, then any label a
   * span uses that the schema does not know (unless @schema_only). */
  GHashTable *label_index;  /* name -> index + 1 */
  GPtrArray  *label_names;
  GPtrArray  *tag_names;    /* EXPORT_N_TAG_KINDS per label: B-X, I-X, E-X, S-X */
  /* The last document's tags, one per code point: -1 for O, otherwise
   * label * EXPORT_N_TAG_KINDS + kind. */
  GArray     *tags;         /* gint32 */
  gboolean    schema_only;  /* a label outside the schema is an error */
} ExportTags;

ExportTags *_spanmark_export_tags_new     (SpanmarkSchema        *schema,
                                           gboolean               schema_only);
void        _spanmark_export_tags_free    (ExportTags            *self);
/* Computes each code point's tag from the spans @kept (const
 * SpanmarkSpan*, flat: none overlaps another).  A span's tokens are its
 * characters but white space; a line break inside a span starts a new
 * piece, since a sentence never continues an entity from the one before.
 * Fails on a label outside the schema when @schema_only. */
gboolean    _spanmark_export_tags_compute (ExportTags            *self,
                                           const ExportDoc       *doc,
                                           GPtrArray             *kept,
                                           SpanmarkExportScheme   scheme,
                                           GError               **error);

G_END_DECLS
