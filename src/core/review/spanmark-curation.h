/* spanmark-curation.h — one document's annotators side by side, and the
 * curated version built from them
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A curation holds the annotation sets of one document by several
 * annotators (read-only) and the curated set ("_curated") being built.
 * It groups the annotators' spans into units — clusters of spans that
 * overlap, across annotators — and says for each unit which versions
 * (start, end, label) exist, who has each, and whether the curated set has
 * it.  Everything that changes the curated set goes through its public
 * mutators, each call one undoable step.  Units are recomputed after any
 * change to the sets; pointers into them are valid until then.
 */

#pragma once

#include <glib-object.h>

#include "spanmark-annotation-set.h"
#include "spanmark-project.h"

G_BEGIN_DECLS

typedef enum
{
  SPANMARK_UNIT_AGREED,      /* every annotator has the same spans here */
  SPANMARK_UNIT_INCOMPLETE,  /* those with spans here agree, but some have none */
  SPANMARK_UNIT_DISAGREED,   /* annotators have different spans here */
} SpanmarkUnitState;

/* One version of a unit: a span by start, end and label. */
typedef struct
{
  guint                       start;
  guint                       end;
  const char                 *label;
  guint                       n_annotators;  /* how many have it */
  const guint                *annotators;    /* their indexes, ascending */
  const SpanmarkSpan * const *spans;         /* each one's span, same order */
  gboolean                    curated;       /* the curated set has this exactly */
  gboolean                    rejected;      /* the curated set rejects it */
} SpanmarkUnitVersion;

typedef struct
{
  guint                      start;          /* from the first span's start */
  guint                      end;            /* to the last end */
  SpanmarkUnitState          state;
  guint                      n_versions;
  const SpanmarkUnitVersion *versions;       /* by start, longer first, then label */
} SpanmarkUnit;

/* Whether annotator @annotator has @version. */
gboolean               spanmark_unit_version_has_annotator (const SpanmarkUnitVersion *version,
                                                            guint                      annotator);

#define SPANMARK_TYPE_CURATION (spanmark_curation_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkCuration, spanmark_curation, SPANMARK, CURATION, GObject)

/* @sets: the annotators' sets for one document (at least one), all with
 * the text of @curated.  They are only read.  Keeps references. */
SpanmarkCuration      *spanmark_curation_new            (SpanmarkAnnotationSet        *curated,
                                                         SpanmarkAnnotationSet * const *sets,
                                                         guint                         n_sets);
SpanmarkAnnotationSet *spanmark_curation_get_curated    (SpanmarkCuration *self);
guint                  spanmark_curation_get_n_annotators (SpanmarkCuration *self);
SpanmarkAnnotationSet *spanmark_curation_get_annotator_set (SpanmarkCuration *self,
                                                            guint             index);

/* Units in text order. */
guint                  spanmark_curation_get_n_units    (SpanmarkCuration *self);
const SpanmarkUnit    *spanmark_curation_get_unit       (SpanmarkCuration *self,
                                                         guint             index);
/* The index of the first unit that ends after @offset (so the unit
 * containing it, if one does); the number of units if none.  Units do
 * not overlap, so this is a binary search. */
guint                  spanmark_curation_find_unit      (SpanmarkCuration *self,
                                                         guint             offset);
/* Whether a unit is left to decide: it has a version the curated set
 * neither has nor rejects, or its curated versions are not something one
 * annotator has together (two annotators' conflicting spans both taken).
 * A unit where the curated set has a span of its own (one no annotator
 * has: relabelled, moved or new) is decided: the reviewer made it. */
gboolean               spanmark_curation_is_unit_open   (SpanmarkCuration *self,
                                                         guint             index);
/* How many units are open. */
guint                  spanmark_curation_get_n_open_units (SpanmarkCuration *self);
/* A majority of the annotators: n / 2 + 1 (2 of 2, 2 of 3, 3 of 4). */
guint                  spanmark_curation_get_majority   (SpanmarkCuration *self);

/* Adds to the curated set every version at least @min_agree annotators
 * have that it neither has nor rejects, in one undo step, and returns
 * how many.
 * Each span gets the attributes its annotators agree on (all of them give
 * the same value) and, when they all link it to an entity of the same
 * label and name, that entity (one curated entity per label and name,
 * with the attributes their entities agree on). */
guint                  spanmark_curation_accept_agreed  (SpanmarkCuration *self,
                                                         guint             min_agree);
/* Adds one version (merged from its annotators as above) and drops its
 * rejection if it had one, one undo step.  Returns FALSE if the curated
 * set has it already. */
gboolean               spanmark_curation_accept_version (SpanmarkCuration *self,
                                                         guint             unit,
                                                         guint             version);
/* Removes the curated spans equal to one version and records it as
 * rejected, one undo step; returns how many spans went. */
guint                  spanmark_curation_reject_version (SpanmarkCuration *self,
                                                         guint             unit,
                                                         guint             version);
/* Adds every span of annotator @index the curated set does not have yet,
 * with that annotator's attributes and entities (and drops rejections of
 * them), one undo step; returns how many. */
guint                  spanmark_curation_take_annotator (SpanmarkCuration *self,
                                                         guint             index);

/* Decisions on one unit, each one undo step; afterwards the unit is not
 * open.  Choosing annotator @annotator makes the unit what that annotator
 * has there: their versions accepted, every other version rejected, and
 * curated spans of the reviewer's own inside the unit removed (an
 * annotator with nothing there: everything rejected).  Returns whether
 * anything changed. */
gboolean               spanmark_curation_choose_annotator (SpanmarkCuration *self,
                                                           guint             unit,
                                                           guint             annotator);
/* The same with the majority's reading: the versions at least
 * @min_agree annotators have accepted, the others rejected — or all
 * rejected when at least @min_agree annotators have nothing there.
 * FALSE, and nothing changed, when there is no such majority. */
gboolean               spanmark_curation_choose_majority (SpanmarkCuration *self,
                                                          guint             unit,
                                                          guint             min_agree);
/* Rejects every version of the unit (spans of the reviewer's own stay);
 * returns whether anything changed. */
gboolean               spanmark_curation_reject_unit    (SpanmarkCuration *self,
                                                         guint             unit);

/* What spanmark_curation_curate_project() did with one document. */
typedef enum
{
  SPANMARK_CURATE_CREATED,         /* a new curated file */
  SPANMARK_CURATE_REPLACED,        /* an existing curated file, replaced */
  SPANMARK_CURATE_KEPT,            /* it has a curated file, left alone */
  SPANMARK_CURATE_NO_ANNOTATIONS,  /* none of the annotators has a file */
} SpanmarkCurateResult;

typedef void (*SpanmarkCurateFunc) (const char           *document_id,
                                    SpanmarkCurateResult  result,
                                    guint                 n_agreed,
                                    guint                 n_open,
                                    gpointer              user_data);

/* Starts the curated version of documents: for each of @document_ids
 * (NULL: every document of @project, in order) that has no curated file
 * yet — or any, with @replace — and that at least one of @annotators
 * has a file for, a curated set seeded with spanmark_curation_accept_agreed
 * (@min_agree), status in-progress, saved with
 * spanmark_project_save_annotations() (atomic).  @func is called for
 * every document with what was done, the spans agreed and the units left
 * open.
 *
 * Every file involved is loaded and checked before anything is written,
 * so a file that does not load (annotator's, or a curated file @replace
 * would overwrite) fails the whole call with the loader's error and
 * nothing written.  @annotators must be names with folders
 * (spanmark_agreement_resolve_annotators()), not "_curated". */
gboolean               spanmark_curation_curate_project (SpanmarkProject    *project,
                                                         const char * const *annotators,
                                                         guint               min_agree,
                                                         const char * const *document_ids,
                                                         gboolean            replace,
                                                         SpanmarkCurateFunc  func,
                                                         gpointer            user_data,
                                                         GError            **error);

G_END_DECLS
