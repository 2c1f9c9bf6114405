/* spanmark-pretag.h — suggestions written as spans to review (spanmark-cli pretag)
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For one annotator and one document: the suggester's suggestions
 * (spanmark-suggester.h: never where the annotator has a span or rejected
 * the suggestion) become spans of the annotator, each marked with its
 * source (SpanmarkSpan.pretag) so the window shows it as "to review".
 * Ties (a text with two labels) are left out: a person chooses.  The
 * annotator's file is written atomically, only when spans were added,
 * and never when it did not load or changed on disk since it was read;
 * no other annotator's file is touched.
 */

#pragma once

#include "spanmark-project.h"
#include "spanmark-suggester.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray *added;       /* of SpanmarkSuggestion: what became spans (or would, in a dry run) */
  guint      n_ties;      /* left out: two labels or more */
  guint      n_tagged;    /* left out: the annotator has a span there */
  guint      n_rejected;  /* left out: the annotator rejected it */
} SpanmarkPretagResult;

/* Pretags @document for @annotator; with @dry_run nothing is written.
 * @result is filled (clear it with spanmark_pretag_result_clear()).
 * FALSE, with an error naming the file, when the annotator's file does
 * not load or could not be written. */
gboolean spanmark_pretag_document     (SpanmarkProject      *project,
                                       SpanmarkDocument     *document,
                                       const char           *annotator,
                                       SpanmarkSuggester    *suggester,
                                       gboolean              dry_run,
                                       SpanmarkPretagResult *result,
                                       GError              **error);
void     spanmark_pretag_result_clear (SpanmarkPretagResult *result);

G_END_DECLS
