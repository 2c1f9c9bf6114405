/* spanmark-annotation-set.h — one annotator's work on one document
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Holds the spans and entities, kept sorted (spanmark_span_compare) and
 * indexed so position queries stay fast with 40,000 spans.  Every public
 * mutator below is recorded in the set's SpanmarkHistory as one undoable
 * step (group several with spanmark_history_begin_group()).  Spans may nest
 * and overlap.
 */

#pragma once

#include <glib-object.h>

#include "spanmark-entity.h"
#include "spanmark-span.h"
#include "spanmark-text.h"

G_BEGIN_DECLS

typedef enum
{
  SPANMARK_STATUS_NEW,
  SPANMARK_STATUS_IN_PROGRESS,
  SPANMARK_STATUS_DONE,
  SPANMARK_STATUS_REVIEWED,   /* the curated version ("_curated") only */
} SpanmarkStatus;

/* "new", "in-progress", "done", "reviewed" */
const char *spanmark_status_to_string   (SpanmarkStatus  status);
gboolean    spanmark_status_from_string (const char     *str,
                                         SpanmarkStatus *status);
/* Translated, for display: "New", "In progress", "Done", "Reviewed". */
const char *spanmark_status_get_title   (SpanmarkStatus  status);

#define SPANMARK_CURATED_ANNOTATOR "_curated"

typedef struct _SpanmarkHistory SpanmarkHistory;

#define SPANMARK_TYPE_ANNOTATION_SET (spanmark_annotation_set_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkAnnotationSet, spanmark_annotation_set, SPANMARK, ANNOTATION_SET, GObject)

/* Signals (all emitted after the change is made):
 *   "span-added"     (const SpanmarkSpan *span)
 *   "span-removed"   (const SpanmarkSpan *span)   the removed span, valid during emission
 *   "span-changed"   (const SpanmarkSpan *old_span, const SpanmarkSpan *new_span)
 *                    same id; label, offsets, entity or attrs changed
 *   "entity-added" / "entity-removed" (const SpanmarkEntity *entity)
 *   "entity-changed" (const SpanmarkEntity *old_entity, const SpanmarkEntity *new_entity)
 *   "rejection-added" / "rejection-removed" (const SpanmarkSpan *rejection)
 *                    see spanmark_annotation_set_get_rejection(); also on
 *                    undo and redo
 *   "changed"        ()  after any of the above and after a status change;
 *                    use it to mark the set dirty (autosave)
 * Properties: "document-id", "annotator", "text" (construct-only),
 *   "status" (SpanmarkStatus as uint), "modified" (string, ISO 8601 UTC),
 *   "history" (SpanmarkHistory, read-only). */

SpanmarkAnnotationSet *spanmark_annotation_set_new             (const char            *document_id,
                                                                const char            *annotator,
                                                                const char            *text);
const char            *spanmark_annotation_set_get_document_id (SpanmarkAnnotationSet *self);
const char            *spanmark_annotation_set_get_annotator   (SpanmarkAnnotationSet *self);
const char            *spanmark_annotation_set_get_text        (SpanmarkAnnotationSet *self);
/* Length of the text in code points. */
guint                  spanmark_annotation_set_get_length      (SpanmarkAnnotationSet *self);
SpanmarkTextIndex     *spanmark_annotation_set_get_text_index  (SpanmarkAnnotationSet *self);
SpanmarkHistory       *spanmark_annotation_set_get_history     (SpanmarkAnnotationSet *self);
SpanmarkStatus         spanmark_annotation_set_get_status      (SpanmarkAnnotationSet *self);
/* ISO 8601 UTC, e.g. "2026-11-28T05:00:00Z"; NULL if never saved. */
const char            *spanmark_annotation_set_get_modified    (SpanmarkAnnotationSet *self);
void                   spanmark_annotation_set_set_modified    (SpanmarkAnnotationSet *self,
                                                                const char            *modified);

/* Queries.  Spans are in spanmark_span_compare order. */
guint                  spanmark_annotation_set_get_n_spans     (SpanmarkAnnotationSet *self);
const SpanmarkSpan    *spanmark_annotation_set_get_span        (SpanmarkAnnotationSet *self,
                                                                guint                  index);
const SpanmarkSpan    *spanmark_annotation_set_lookup_span     (SpanmarkAnnotationSet *self,
                                                                const char            *id);
/* Spans overlapping [start, end), in order; borrowed pointers, valid until
 * the next change.  With start == end: the spans containing that offset
 * (span.start <= offset < span.end).  O(log n + k). */
GPtrArray             *spanmark_annotation_set_get_spans_in_range (SpanmarkAnnotationSet *self,
                                                                   guint                  start,
                                                                   guint                  end) G_GNUC_WARN_UNUSED_RESULT;
/* The innermost (shortest) span containing @offset, or NULL. */
const SpanmarkSpan    *spanmark_annotation_set_get_span_at     (SpanmarkAnnotationSet *self,
                                                                guint                  offset);
/* First span whose start is > @offset (Tab), last span whose start is
 * < @offset (Shift+Tab); NULL at the ends. */
const SpanmarkSpan    *spanmark_annotation_set_get_next_span   (SpanmarkAnnotationSet *self,
                                                                guint                  offset);
const SpanmarkSpan    *spanmark_annotation_set_get_prev_span   (SpanmarkAnnotationSet *self,
                                                                guint                  offset);
/* A span with exactly these offsets and label, or NULL. */
const SpanmarkSpan    *spanmark_annotation_set_find_span       (SpanmarkAnnotationSet *self,
                                                                guint                  start,
                                                                guint                  end,
                                                                const char            *label);

guint                  spanmark_annotation_set_get_n_entities  (SpanmarkAnnotationSet *self);
/* Entities in id order of creation (as loaded / added). */
const SpanmarkEntity  *spanmark_annotation_set_get_entity      (SpanmarkAnnotationSet *self,
                                                                guint                  index);
const SpanmarkEntity  *spanmark_annotation_set_lookup_entity   (SpanmarkAnnotationSet *self,
                                                                const char            *id);
/* Spans whose entity is @entity_id, in text order; borrowed pointers. */
GPtrArray             *spanmark_annotation_set_get_mentions    (SpanmarkAnnotationSet *self,
                                                                const char            *entity_id) G_GNUC_WARN_UNUSED_RESULT;
/* Number of spans whose entity is @entity_id, O(1). */
guint                  spanmark_annotation_set_get_n_mentions  (SpanmarkAnnotationSet *self,
                                                                const char            *entity_id);

/* Mutators: each one is one undo step (unless inside a group) and emits
 * the signals above.  Offsets are validated against the text; the span's
 * text is filled in from the document.  Return NULL / FALSE and set @error
 * (G_IO_ERROR_INVALID_ARGUMENT) on bad input.  Editing spans or entities
 * of a set whose status is "done" sets it back to "in-progress", in the
 * same undo step (a reviewed one too). */
const SpanmarkSpan    *spanmark_annotation_set_add_span        (SpanmarkAnnotationSet *self,
                                                                guint                  start,
                                                                guint                  end,
                                                                const char            *label,
                                                                GError               **error);
gboolean               spanmark_annotation_set_remove_span     (SpanmarkAnnotationSet *self,
                                                                const char            *span_id);
/* What a label's key does on a selection: refused (G_IO_ERROR_EXISTS)
 * when a span with exactly these offsets already has @label; when one
 * has another label, that span is relabelled (see set_span_label); only
 * otherwise is a span added.  Returns the span tagged @label. */
const SpanmarkSpan    *spanmark_annotation_set_tag_range       (SpanmarkAnnotationSet *self,
                                                                guint                  start,
                                                                guint                  end,
                                                                const char            *label,
                                                                const char * const    *label_attrs,
                                                                GError               **error);
/* The span's entity link is dropped when the entity has another label,
 * and its attributes that @label does not define: @label_attrs, the
 * label's attribute names (NULL-terminated; NULL when it has none).
 * One undo step, which restores both. */
gboolean               spanmark_annotation_set_set_span_label  (SpanmarkAnnotationSet *self,
                                                                const char            *span_id,
                                                                const char            *label,
                                                                const char * const    *label_attrs);
/* Moves a span's boundaries (its text follows).  Refused with
 * G_IO_ERROR_EXISTS when another span with its label has exactly those
 * offsets, G_IO_ERROR_NOT_FOUND for an unknown span. */
gboolean               spanmark_annotation_set_set_span_range  (SpanmarkAnnotationSet *self,
                                                                const char            *span_id,
                                                                guint                  start,
                                                                guint                  end,
                                                                GError               **error);
/* @entity_id NULL detaches. */
gboolean               spanmark_annotation_set_set_span_entity (SpanmarkAnnotationSet *self,
                                                                const char            *span_id,
                                                                const char            *entity_id);
/* @value NULL removes the attribute. */
gboolean               spanmark_annotation_set_set_span_attr   (SpanmarkAnnotationSet *self,
                                                                const char            *span_id,
                                                                const char            *key,
                                                                const char            *value);
/* The span's pretag mark (SpanmarkSpan.pretag): @pretag NULL accepts a
 * span spanmark-cli pretag added (it becomes the annotator's own); not
 * NULL, not empty, marks it as added from that source. */
gboolean               spanmark_annotation_set_set_span_pretag (SpanmarkAnnotationSet *self,
                                                                const char            *span_id,
                                                                const char            *pretag);
const SpanmarkEntity  *spanmark_annotation_set_add_entity      (SpanmarkAnnotationSet *self,
                                                                const char            *label,
                                                                const char            *name);
/* Also detaches the entity's mentions (same undo step). */
gboolean               spanmark_annotation_set_remove_entity   (SpanmarkAnnotationSet *self,
                                                                const char            *entity_id);
gboolean               spanmark_annotation_set_set_entity_name (SpanmarkAnnotationSet *self,
                                                                const char            *entity_id,
                                                                const char            *name);
gboolean               spanmark_annotation_set_set_entity_attr (SpanmarkAnnotationSet *self,
                                                                const char            *entity_id,
                                                                const char            *key,
                                                                const char            *value);
void                   spanmark_annotation_set_set_status      (SpanmarkAnnotationSet *self,
                                                                SpanmarkStatus         status);
/* A status that follows from saving (a new document with spans is in
 * progress once saved), not an edit: notified ("notify::status"), but
 * not an undo step, so Undo still undoes the annotator's last edit. */
void                   spanmark_annotation_set_settle_status   (SpanmarkAnnotationSet *self,
                                                                SpanmarkStatus         status);
/* Tags every occurrence of text[start:end] in the document with @label
 * (and @entity_id if not NULL), skipping occurrences already tagged with
 * that label at those offsets — one undo step.  Returns the number of
 * spans added. */
guint                  spanmark_annotation_set_tag_all         (SpanmarkAnnotationSet *self,
                                                                guint                  start,
                                                                guint                  end,
                                                                const char            *label,
                                                                const char            *entity_id);

/* Rejections: versions of a span (start, end, label) the owner of the
 * set decided against.  In the curated version ("_curated") they are the
 * reviewer's, so that a unit whose versions were all rejected counts as
 * settled when the document is opened again (docs/review.md); in an
 * annotator's set they are the suggestions the annotator rejected, so
 * that they are not suggested again (spanmark-suggestion.h).  Each is held as a
 * SpanmarkSpan with only start, end, label and text set (id NULL), in
 * order of start, longer first, then label.  Adding and removing one are
 * edits like the mutators above: one undo step each, and a done or
 * reviewed set becomes in progress.  Both return FALSE when there is
 * nothing to do (already rejected, not rejected) or, with @error, on bad
 * offsets. */
guint                  spanmark_annotation_set_get_n_rejections (SpanmarkAnnotationSet *self);
const SpanmarkSpan    *spanmark_annotation_set_get_rejection    (SpanmarkAnnotationSet *self,
                                                                 guint                  index);
gboolean               spanmark_annotation_set_is_rejected      (SpanmarkAnnotationSet *self,
                                                                 guint                  start,
                                                                 guint                  end,
                                                                 const char            *label);
gboolean               spanmark_annotation_set_add_rejection    (SpanmarkAnnotationSet *self,
                                                                 guint                  start,
                                                                 guint                  end,
                                                                 const char            *label,
                                                                 GError               **error);
gboolean               spanmark_annotation_set_remove_rejection (SpanmarkAnnotationSet *self,
                                                                 guint                  start,
                                                                 guint                  end,
                                                                 const char            *label);

/* For loaders and importers: insert a fully formed span or entity as it
 * is (keeps its id), without recording history.  The caller has validated
 * it. */
void                   spanmark_annotation_set_load_span       (SpanmarkAnnotationSet *self,
                                                                const SpanmarkSpan    *span);
/* The same for many spans at once: one sort and merge, O(n + k log k),
 * whatever order they come in (one by one, spans out of order cost a
 * memmove each). */
void                   spanmark_annotation_set_load_spans      (SpanmarkAnnotationSet     *self,
                                                                const SpanmarkSpan *const *spans,
                                                                guint                      n_spans);
/* spanmark_annotation_set_load_spans() taking the spans themselves
 * (SpanmarkSpan*, not copied): @spans is left empty. */
void                   spanmark_annotation_set_take_spans      (SpanmarkAnnotationSet     *self,
                                                                GPtrArray                 *spans);
void                   spanmark_annotation_set_load_entity     (SpanmarkAnnotationSet *self,
                                                                const SpanmarkEntity  *entity);
void                   spanmark_annotation_set_load_status     (SpanmarkAnnotationSet *self,
                                                                SpanmarkStatus         status);
/* A rejection as read from a file (no history, no signal). */
void                   spanmark_annotation_set_load_rejection  (SpanmarkAnnotationSet *self,
                                                                guint                  start,
                                                                guint                  end,
                                                                const char            *label);

/* As spanmark_annotation_set_add_entity(), with the id @id (a registry
 * entity's appearance in this document, docs/entities.md): one undo step;
 * NULL when the set already has an entity @id. */
const SpanmarkEntity  *spanmark_annotation_set_add_entity_with_id (SpanmarkAnnotationSet *self,
                                                                   const char            *id,
                                                                   const char            *label,
                                                                   const char            *name);

G_END_DECLS
