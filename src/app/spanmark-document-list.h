/* spanmark-document-list.h — the project's documents, by status
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "spanmark-document-row.h"
#include "spanmark-status-cache.h"

G_BEGIN_DECLS

/* Which documents the list shows (its drop-down, in this order). */
typedef enum
{
  SPANMARK_DOCUMENT_FILTER_ALL,
  SPANMARK_DOCUMENT_FILTER_NEW,
  SPANMARK_DOCUMENT_FILTER_IN_PROGRESS,
  SPANMARK_DOCUMENT_FILTER_DONE,        /* done or reviewed */
} SpanmarkDocumentFilter;

#define SPANMARK_TYPE_DOCUMENT_FILTER (spanmark_document_filter_get_type ())
GType spanmark_document_filter_get_type (void) G_GNUC_CONST;

/* How the list is ordered (its second drop-down, offered once a ranking
 * is set). */
typedef enum
{
  SPANMARK_DOCUMENT_ORDER_PROJECT,       /* as the project lists them */
  SPANMARK_DOCUMENT_ORDER_DISAGREEMENT,  /* the ranking's order, worst first */
} SpanmarkDocumentOrder;

#define SPANMARK_TYPE_DOCUMENT_ORDER (spanmark_document_order_get_type ())
GType spanmark_document_order_get_type (void) G_GNUC_CONST;

#define SPANMARK_TYPE_DOCUMENT_LIST (spanmark_document_list_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkDocumentList, spanmark_document_list, SPANMARK, DOCUMENT_LIST, GtkWidget)

/* The window's sidebar: a drop-down that filters by status, how many
 * documents are done ("12 of 40 done"), and a row per document
 * (SpanmarkDocumentRow).  A right click on a row offers what can be done
 * to that document: "Reopen (Mark In Progress)" for a done (or, in the
 * curated statuses, reviewed) one, which activates win.reopen-document
 * with its id.  With the statuses of "_curated" the count says "3 of 40
 * reviewed".
 *
 * The statuses come from a SpanmarkStatusCache, which also names the
 * project and the annotator: given one, the list reads the statuses not
 * known yet a chunk at a time while idle (the rows show at once, the
 * count once all are read) and follows the cache's "changed" signal.
 *
 * Properties:
 *   "statuses" (SpanmarkStatusCache)        what is listed; NULL: nothing
 *   "filter" (SpanmarkDocumentFilter)       which documents are shown
 *   "order" (SpanmarkDocumentOrder)         in which order
 *   "selected-document" (SpanmarkDocument)  the highlighted row; NULL: none
 * Signals:
 *   "document-activated" (SpanmarkDocument *document)
 *                                           a row was clicked (or Enter) */
GtkWidget              *spanmark_document_list_new                   (void);
SpanmarkStatusCache    *spanmark_document_list_get_statuses          (SpanmarkDocumentList   *self);
void                    spanmark_document_list_set_statuses          (SpanmarkDocumentList   *self,
                                                                      SpanmarkStatusCache    *statuses);
/* Teammates' progress shown on each row (spanmark_document_row_set_team());
 * NULL: none. */
void                    spanmark_document_list_set_team              (SpanmarkDocumentList   *self,
                                                                      SpanmarkTeamProgress   *team);
SpanmarkTeamProgress   *spanmark_document_list_get_team              (SpanmarkDocumentList   *self);
SpanmarkDocumentFilter  spanmark_document_list_get_filter            (SpanmarkDocumentList   *self);
void                    spanmark_document_list_set_filter            (SpanmarkDocumentList   *self,
                                                                      SpanmarkDocumentFilter  filter);
SpanmarkDocumentOrder   spanmark_document_list_get_order             (SpanmarkDocumentList   *self);
void                    spanmark_document_list_set_order             (SpanmarkDocumentList   *self,
                                                                      SpanmarkDocumentOrder   order);
/* Review mode: the documents by disagreement, @ids worst first (documents
 * not among them come after, in the project's order), each with a
 * @detail its row shows (parallel to @ids, may be NULL).  NULL: none (the
 * order drop-down is hidden).  Dropped when the statuses go to another
 * project. */
void                    spanmark_document_list_set_ranking           (SpanmarkDocumentList   *self,
                                                                      const char * const     *ids,
                                                                      const char * const     *details);
SpanmarkDocument       *spanmark_document_list_get_selected_document (SpanmarkDocumentList   *self);
/* Highlights @document's row (none when the filter hides it). */
void                    spanmark_document_list_set_selected_document (SpanmarkDocumentList   *self,
                                                                      SpanmarkDocument       *document);
/* Shows every row's status again: after an annotation file failed to
 * load, which the cache does not know of. */
void                    spanmark_document_list_refresh               (SpanmarkDocumentList   *self);

/* The documents the filter lets through, in the list's order. */
GListModel             *spanmark_document_list_get_shown             (SpanmarkDocumentList   *self);
/* "12 of 40 done"; "" while statuses are still being read. */
const char             *spanmark_document_list_get_progress          (SpanmarkDocumentList   *self);
/* Shows the context menu of @document's row, as a right click does
 * (nothing when there is nothing to offer). */
void                    spanmark_document_list_popup_menu            (SpanmarkDocumentList   *self,
                                                                      SpanmarkDocument       *document);

/* The drop-downs are named "document-filter" and "document-order".
 * The widgets inside, for the window's keyboard panes and for tests: the
 * list view (it has the keyboard focus), the row showing @document (NULL
 * when none does) and the context menu (a GtkPopoverMenu). */
GtkListView            *spanmark_document_list_get_list_view         (SpanmarkDocumentList   *self);
SpanmarkDocumentRow    *spanmark_document_list_get_row               (SpanmarkDocumentList   *self,
                                                                      SpanmarkDocument       *document);
GtkPopover             *spanmark_document_list_get_menu              (SpanmarkDocumentList   *self);

G_END_DECLS
