/* spanmark-document.h — one document of a project's index
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SPANMARK_TYPE_DOCUMENT (spanmark_document_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkDocument, spanmark_document, SPANMARK, DOCUMENT, GObject)

/* Properties: "id", "path" (relative to the project folder, e.g.
 * "documents/zjol-001.txt"), "title" (nullable). */
SpanmarkDocument *spanmark_document_new          (const char       *id,
                                                  const char       *path,
                                                  const char       *title);
const char       *spanmark_document_get_id       (SpanmarkDocument *self);
const char       *spanmark_document_get_path     (SpanmarkDocument *self);
const char       *spanmark_document_get_title    (SpanmarkDocument *self);
/* The title if set, else the id. */
const char       *spanmark_document_get_display_title (SpanmarkDocument *self);
void              spanmark_document_set_title    (SpanmarkDocument *self,
                                                  const char       *title);
/* Free-form metadata from the index ("meta"), or NULL. */
JsonObject       *spanmark_document_get_meta     (SpanmarkDocument *self);
void              spanmark_document_set_meta     (SpanmarkDocument *self,
                                                  JsonObject       *meta);

/* Why the document's entry in spanmark.json cannot be used (a path
 * leading out of the project, an id given twice…), as a full message
 * naming spanmark.json and the entry; NULL for a good entry.  Such a
 * document is listed, so nobody wonders where it went, but its text and
 * annotations are neither read nor written. */
const char       *spanmark_document_get_problem  (SpanmarkDocument *self);
void              spanmark_document_set_problem  (SpanmarkDocument *self,
                                                  const char       *problem);

G_END_DECLS
