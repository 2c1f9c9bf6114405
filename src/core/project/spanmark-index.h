/* spanmark-index.h — spanmark.json: the project's name, schema and documents
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not installed: the project and the validator share this reader, so
 * that opening a project and validating it run exactly the same checks.
 */

#pragma once

#include <gio/gio.h>

#include "spanmark-checker.h"
#include "spanmark-document.h"
#include "spanmark-schema.h"

G_BEGIN_DECLS

typedef struct
{
  char           *name;
  SpanmarkSchema *schema;
  /* Of SpanmarkDocument, in index order; an entry that cannot be used
   * has a problem (spanmark_document_get_problem()). */
  GPtrArray      *documents;
  GPtrArray      *locations;  /* of char*, "documents[3] (id \"d4\")", parallel */
  GHashTable     *bad_ids;    /* ids of entries with a problem */
  gboolean        top_level_ok;  /* "name", "labels" and "documents" are right */
} SpanmarkIndex;

void      spanmark_index_clear       (SpanmarkIndex   *index);
/* FALSE if the index cannot be used at all (not JSON, not an object,
 * unknown version).  A label with a problem is left out, or kept with
 * the default colour or no key when only those are wrong; a document
 * entry with a problem is kept with it.  Every problem goes to
 * @checker. */
gboolean  spanmark_json_read_index   (SpanmarkChecker *checker,
                                      const char      *data,
                                      gsize            length,
                                      SpanmarkIndex   *index);
/* A label's lists as its JSON object in spanmark.json ends them:
 * ", \"attrs\": [...]" and, only when it has some, ", \"title_words\":
 * [...]".  The labels a rename or removal backs up are written the same
 * way. */
void      spanmark_json_append_label_lists (GString             *out,
                                            const SpanmarkLabel *label);
/* spanmark.json as the project writes it: keys in a fixed order, one
 * label and one document a line.  It is made of the three parts below,
 * so that a writer of many documents (a streamed import) can write the
 * same bytes an entry at a time: the head (up to the documents' "["),
 * each document's entry (@first for the first), the tail. */
void      spanmark_json_append_index_head     (GString          *out,
                                               const char       *name,
                                               SpanmarkSchema   *schema);
void      spanmark_json_append_index_document (GString          *out,
                                               SpanmarkDocument *document,
                                               gboolean          first);
void      spanmark_json_append_index_tail     (GString          *out,
                                               guint             n_documents);
char     *spanmark_json_write_index  (const char      *name,
                                      SpanmarkSchema  *schema,
                                      GListModel      *documents,
                                      gsize           *length);

G_END_DECLS
