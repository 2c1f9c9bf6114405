/* spanmark-inconsistency.h — texts tagged one way here and another way elsewhere
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What spanmark-cli check reports, and what the window's consistency list
 * shows: with the corpus as the dictionary (every text an annotator
 * tagged, spanmark-suggester.h), a place of an annotation file is
 * inconsistent when
 *   - the text is untagged there but tagged elsewhere (an occurrence the
 *     suggester would propose: not overlapping a span, not rejected), or
 *   - it is tagged there with a label while the same text is tagged with
 *     another label elsewhere.
 * Spans still marked pretag are not the annotator's yet: they are not
 * reported, and they count nowhere.
 */

#pragma once

#include "spanmark-project.h"
#include "spanmark-suggester.h"

G_BEGIN_DECLS

typedef enum
{
  SPANMARK_INCONSISTENCY_UNTAGGED,  /* untagged here, tagged elsewhere */
  SPANMARK_INCONSISTENCY_LABEL,     /* tagged here with another label than elsewhere */
} SpanmarkInconsistencyKind;

/* One place: [@start, @end) of @document in @annotator's file, holding
 * @text, tagged @label there (NULL when untagged).  @other_labels are
 * the labels the text has elsewhere (@label left out), most used first,
 * and @other_counts (guint) how many spans have each. */
typedef struct
{
  SpanmarkInconsistencyKind kind;
  char      *annotator;
  char      *document;
  guint      start;
  guint      end;
  char      *text;
  char      *label;
  GStrv      other_labels;
  GArray    *other_counts;
} SpanmarkInconsistency;

#define SPANMARK_TYPE_INCONSISTENCY (spanmark_inconsistency_get_type ())

GType                  spanmark_inconsistency_get_type (void) G_GNUC_CONST;
SpanmarkInconsistency *spanmark_inconsistency_copy     (const SpanmarkInconsistency *self);
void                   spanmark_inconsistency_free     (SpanmarkInconsistency       *self);

/* The inconsistent places of @set, in text order, with @suggester
 * holding the corpus (for a window: the project's files and the open set
 * followed).  A GPtrArray of SpanmarkInconsistency. */
GPtrArray             *spanmark_inconsistency_find_in_set  (SpanmarkSuggester     *suggester,
                                                            SpanmarkAnnotationSet *set) G_GNUC_WARN_UNUSED_RESULT;
/* The same, with @suggestions what spanmark_suggester_suggest() just gave
 * for @set (nothing changed since): a window that has them saves a second
 * search of the whole text. */
GPtrArray             *spanmark_inconsistency_find_with_suggestions (SpanmarkSuggester     *suggester,
                                                                     SpanmarkAnnotationSet *set,
                                                                     GPtrArray             *suggestions) G_GNUC_WARN_UNUSED_RESULT;
/* Every inconsistent place of every annotation file of @project, by
 * document (index order), annotator, then offset.  Files that do not
 * load are left out, their errors added to @problems (GPtrArray of
 * GError); @n_files says how many were checked. */
GPtrArray             *spanmark_inconsistency_find_in_project (SpanmarkProject     *project,
                                                               GPtrArray           *problems,
                                                               guint               *n_files) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkInconsistency, spanmark_inconsistency_free)

G_END_DECLS
