/* spanmark-annotation-file.h — one annotator's work on one document, as a file
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not installed: the project's loader, the validator and the fuzzers
 * read annotation files through spanmark_json_read_annotations(), so
 * loading a file and validating it run exactly the same checks.
 */

#pragma once

#include "spanmark-annotation-set.h"
#include "spanmark-checker.h"
#include "spanmark-schema.h"

G_BEGIN_DECLS

/* What an annotation file holds: a set's content, or what an import
 * built for a new document, written without making a set of it.  The
 * arrays (of SpanmarkSpan*, SpanmarkEntity*) are in the order the file
 * lists them: the spans and rejections in spanmark_span_compare()
 * order, the entities as they were added; @rejections may be NULL. */
typedef struct
{
  const char     *document_id;
  const char     *annotator;
  const char     *text;
  SpanmarkStatus  status;
  GPtrArray      *spans;
  GPtrArray      *entities;
  GPtrArray      *rejections;
} SpanmarkAnnotationContent;

/* Fills @content with @set's (borrowed strings, arrays of its own). */
void                   spanmark_annotation_content_init_from_set (SpanmarkAnnotationContent *content,
                                                                  SpanmarkAnnotationSet     *set);
/* Drops @content's arrays (and so what they own). */
void                   spanmark_annotation_content_clear (SpanmarkAnnotationContent *content);

/* The file as the project writes it: keys in a fixed order, one span and
 * one entity a line, a trailing newline; "modified" is @modified (null
 * when NULL). */
char                  *spanmark_json_write_annotations (SpanmarkAnnotationSet *set,
                                                        const char            *modified,
                                                        gsize                 *length);
/* The same for @content. */
char                  *spanmark_json_write_annotation_content (const SpanmarkAnnotationContent *content,
                                                               const char                      *modified,
                                                               gsize                           *length);

/* Checks one annotation file (named @file, relative to the project) of
 * @document_id by @annotator, noting every problem in @checker.  With
 * @text NULL the checks that need the text are skipped and NULL is
 * returned.  Returns the set only if nothing was wrong. */
SpanmarkAnnotationSet *spanmark_json_read_annotations  (SpanmarkChecker       *checker,
                                                        const char            *file,
                                                        const char            *data,
                                                        gsize                  length,
                                                        const char            *document_id,
                                                        const char            *annotator,
                                                        const char            *text,
                                                        SpanmarkSchema        *schema);

G_END_DECLS
