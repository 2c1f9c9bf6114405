/* spanmark-document-row.h — one document in the document list
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spanmark-status-cache.h"
#include "spanmark-team-progress.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_DOCUMENT_ROW (spanmark_document_row_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkDocumentRow, spanmark_document_row, SPANMARK, DOCUMENT_ROW, GtkWidget)

/* A document's title and status: "New", "In progress", "Done",
 * "Reviewed"; "Broken" (the reason as tooltip) for an index entry that
 * cannot be used, "Unreadable" for an annotation file that failed to
 * load.  Each status has its style class ("status-done", …,
 * "status-unreadable"). */
GtkWidget        *spanmark_document_row_new             (void);
SpanmarkDocument *spanmark_document_row_get_document    (SpanmarkDocumentRow *self);
/* Shows @document (NULL: none, while the row is not bound). */
void              spanmark_document_row_set_document    (SpanmarkDocumentRow *self,
                                                         SpanmarkDocument    *document);
/* Shows the status @statuses knows for the document. */
void              spanmark_document_row_update          (SpanmarkDocumentRow *self,
                                                         SpanmarkStatusCache *statuses);
/* What the status label says. */
const char       *spanmark_document_row_get_status_text (SpanmarkDocumentRow *self);
/* A short note beside the status (review mode's figures, "κ 0.42 ·
 * F1 0.35"); NULL or "" shows none. */
void              spanmark_document_row_set_detail      (SpanmarkDocumentRow *self,
                                                         const char          *detail);
const char       *spanmark_document_row_get_detail      (SpanmarkDocumentRow *self);

/* Shows, for each annotator who has started the document, a small
 * avatar with their initials (style class "team-done" or
 * "team-in-progress"), and "alice: Done, bob: In progress" as the
 * tooltip and accessible label; NULL (or nobody) shows none. */
void              spanmark_document_row_set_team        (SpanmarkDocumentRow  *self,
                                                         SpanmarkTeamProgress *team);
/* What the avatars say ("alice: Done, bob: In progress"), NULL: none. */
const char       *spanmark_document_row_get_team_text   (SpanmarkDocumentRow  *self);
/* The box of avatars (AdwAvatar children, in annotator order). */
GtkWidget        *spanmark_document_row_get_team_box    (SpanmarkDocumentRow  *self);

G_END_DECLS
