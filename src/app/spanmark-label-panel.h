/* spanmark-label-panel.h — the side panel for one label
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spanmark-annotation-set.h"
#include "spanmark-label.h"
#include "spanmark-registry.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_LABEL_PANEL (spanmark_label_panel_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkLabelPanel, spanmark_label_panel, SPANMARK, LABEL_PANEL, GtkWidget)

/* One panel per label of the schema ("Officials", "Places",
 * "Initiatives"): lists the entities of that label in the current document
 * (name, number of mentions, attributes), and offers "Tag selection",
 * "Tag all occurrences", create an entity / attach the selection to an
 * existing one, edit attributes, jump through an entity's mentions.
 *
 * The panel edits the annotation set directly (so every edit is undoable)
 * and asks the window for what only the window knows through signals:
 *   "jump-to-span" (const char *span_id)   select and scroll to that span
 * and through the selection it is told with set_selection().
 *
 * Widget actions (for tests and key bindings), installed on the class;
 * the panel's buttons use the same ones:
 *   "panel.tag-selection"        tag the current selection with this label
 *                                (activates the window's "win.tag")
 *   "panel.tag-all"              tag all occurrences of the selected text
 *                                (activates the window's "win.tag-all")
 *   "panel.new-entity"           create an entity from the selection's text
 *                                (and attach the span at the selection,
 *                                tagging it first if needed; one undo step)
 *   "panel.attach" (s)           attach the span under the selection to entity
 *                                id (tagging it first if needed; one undo step)
 *   "panel.next-mention" (s)     jump to the next mention of entity id
 *   "panel.prev-mention" (s)     jump to the previous mention of entity id
 *   "panel.next-unlinked" (s)    jump to the next mention with that text that
 *                                belongs to no entity
 *   "panel.delete-entity" (s)    remove entity id (its mentions stay, detached)
 *   "panel.rename-entity" (ss)   entity id, new name (empty: refused)
 *   "panel.set-entity-attr" (sss) entity id, attribute name, value (empty
 *                                removes the attribute)
 *   "panel.create-entity-from-text" (s)
 *                                create an entity named by that text and attach
 *                                every mention of it that belongs to no entity
 *                                (one undo step)
 * Jumps continue from the mention last jumped to while the selection stays
 * on it, else from the selection, and wrap around.
 */
GtkWidget  *spanmark_label_panel_new           (const SpanmarkLabel   *label);
const SpanmarkLabel *spanmark_label_panel_get_label (SpanmarkLabelPanel *self);
/* NULL clears the panel (no document open, or read-only when
 * @editable is FALSE). */
void        spanmark_label_panel_set_annotation_set (SpanmarkLabelPanel    *self,
                                                     SpanmarkAnnotationSet *set,
                                                     gboolean               editable);
/* The window's current selection in code points (start == end: just the
 * caret). */
void        spanmark_label_panel_set_selection (SpanmarkLabelPanel    *self,
                                                guint                  start,
                                                guint                  end);


/* For tests: the row of an entity of this label (a SpanmarkEntityRow); the
 * row grouping the unlinked mentions with @text (a GtkListBoxRow; NULL for
 * groups past the first 100, which are only counted) and their number;
 * the page shown: "no-document", "empty" or "list". */
GtkWidget  *spanmark_label_panel_get_entity_row   (SpanmarkLabelPanel *self,
                                                   const char         *entity_id);
GtkWidget  *spanmark_label_panel_get_unlinked_row (SpanmarkLabelPanel *self,
                                                   const char         *text);
guint       spanmark_label_panel_get_n_unlinked   (SpanmarkLabelPanel *self,
                                                   const char         *text);
const char *spanmark_label_panel_get_page         (SpanmarkLabelPanel *self);

/* The corpus-wide part (docs/entities.md, "In the window"): the
 * registry's entities of this label, this document's first, filtered by
 * the search entry (name and aliases), each with its mentions here, in
 * the corpus and its number of documents, an attach button
 * ("panel.attach-registry" (s): attach the selection to that registry
 * entity, giving the document its appearance; one undo step) and "Show
 * Mentions" (the documents, each "win.open-mention" (ss)).  Return in
 * the search attaches the selected match and goes back to the text
 * ("win.focus-text"), Escape goes back.  With a registry, a new entity
 * is a registry entity of an id made for @annotator.  NULL: not loaded
 * (yet); the document's own entities are shown anyway. */
void        spanmark_label_panel_set_registry      (SpanmarkLabelPanel *self,
                                                    SpanmarkRegistry   *registry,
                                                    const char         *annotator);
void        spanmark_label_panel_focus_search      (SpanmarkLabelPanel *self);
/* The registry entity proposed for the selected span of this label
 * (its text is the entity's name or an alias, and the span is linked to
 * no registry entity), or NULL; accepting it attaches the span ("panel.
 * accept-proposal"); FALSE when there was none. */
const char *spanmark_label_panel_get_proposal      (SpanmarkLabelPanel *self);
gboolean    spanmark_label_panel_accept_proposal   (SpanmarkLabelPanel *self);
/* For tests: the list view's model (SpanmarkEntityItem, as shown), the
 * search entry. */
GListModel *spanmark_label_panel_get_registry_model (SpanmarkLabelPanel *self);
/* Whether the list is still being told of matches, a few a frame (a
 * search that made it longer). */
gboolean    spanmark_label_panel_is_listing        (SpanmarkLabelPanel *self);
GtkWidget  *spanmark_label_panel_get_search_entry  (SpanmarkLabelPanel *self);

G_END_DECLS
