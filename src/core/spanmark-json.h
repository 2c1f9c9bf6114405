/* spanmark-json.h — private JSON helpers (reading with positions, deterministic writing)
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not installed and not part of spanmark-core.h: the project and the
 * validator share these readers, so that loading a file and validating it
 * run exactly the same checks.
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "spanmark-annotation-set.h"
#include "spanmark-document.h"
#include "spanmark-json-syntax.h"
#include "spanmark-problem.h"
#include "spanmark-schema.h"

G_BEGIN_DECLS

/* Problems collected while reading, each with the SpanmarkProjectError
 * code a GError about it would carry. */
typedef struct
{
  GPtrArray *problems;  /* of SpanmarkProblem */
  GArray    *codes;     /* of int, parallel to @problems */
} SpanmarkChecker;

void       spanmark_checker_init           (SpanmarkChecker *self);
void       spanmark_checker_clear          (SpanmarkChecker *self);
void       spanmark_checker_add            (SpanmarkChecker *self,
                                            int              code,
                                            const char      *file,
                                            const char      *location,
                                            const char      *format,
                                            ...) G_GNUC_PRINTF (5, 6);
guint      spanmark_checker_get_n_problems (SpanmarkChecker *self);
/* Moves the problems out (the checker stays usable, empty). */
GPtrArray *spanmark_checker_steal_problems (SpanmarkChecker *self);
/* TRUE if there is no problem; otherwise sets @error from the first
 * problem (with a count of the others).  Messages name spanmark.json by
 * @index_path (its full path) when not NULL. */
gboolean   spanmark_checker_check          (SpanmarkChecker *self,
                                            const char      *index_path,
                                            GError         **error);

/* Why a file could not be read, without GIO's "Error opening file PATH"
 * (messages name the file first already). */
const char *spanmark_json_describe_io_error (const GError *error);

/* Writing. */
/* A JSON string: '"', '\\' and control characters escaped, everything
 * else (non-ASCII UTF-8 included) as it is.  The _len variant takes the
 * first @len bytes of @str (all of it when @len is negative). */
void       spanmark_json_append_string     (GString         *out,
                                            const char      *str);
void       spanmark_json_append_string_len (GString         *out,
                                            const char      *str,
                                            gssize           len);
/* Any JSON value on one line: {"a": 1, "b": [true, null]}. */
void       spanmark_json_append_node       (GString         *out,
                                            JsonNode        *node);
char      *spanmark_json_write_index       (const char      *name,
                                            SpanmarkSchema  *schema,
                                            GListModel      *documents,
                                            gsize           *length);
char      *spanmark_json_write_annotations (SpanmarkAnnotationSet *set,
                                            const char      *modified,
                                            gsize           *length);

/* Reading.  Every function adds what it finds wrong to @checker. */
/* A failed syntax check as a problem of @file at "line N, column C". */
void       spanmark_checker_add_syntax     (SpanmarkChecker          *self,
                                            const char               *file,
                                            const SpanmarkJsonSyntax *syntax);
/* The strict syntax check (spanmark-json-syntax.h), as such a problem. */
gboolean   spanmark_json_check_syntax      (SpanmarkChecker *checker,
                                            const char      *file,
                                            const char      *data,
                                            gsize            length);
/* The check above, then json-glib. */
JsonNode  *spanmark_json_parse             (SpanmarkChecker *checker,
                                            const char      *file,
                                            const char      *data,
                                            gsize            length);

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

void       spanmark_index_clear            (SpanmarkIndex   *index);
/* FALSE if the index cannot be used at all (not JSON, not an object,
 * unknown version).  A label with a problem is left out, or kept with
 * the default colour or no key when only those are wrong; a document
 * entry with a problem is kept with it. */
gboolean   spanmark_json_read_index        (SpanmarkChecker *checker,
                                            const char      *data,
                                            gsize            length,
                                            SpanmarkIndex   *index);

/* A relative path without "." or ".." components, not empty. */
gboolean   spanmark_json_is_inside_path    (const char      *path);
/* Reads @path (relative to @dir) and checks it stays inside @dir once
 * symbolic links are resolved, is valid UTF-8 and holds no NUL.
 * @index_location names the document's entry in spanmark.json. */
char      *spanmark_json_read_text         (SpanmarkChecker *checker,
                                            GFile           *dir,
                                            const char      *index_location,
                                            const char      *path,
                                            gsize           *length);

/* Checks one annotation file (named @file, relative to the project) of
 * @document_id by @annotator.  With @text NULL the checks that need the
 * text are skipped and NULL is returned.  Returns the set only if
 * nothing was wrong. */
SpanmarkAnnotationSet *spanmark_json_read_annotations (SpanmarkChecker *checker,
                                                       const char      *file,
                                                       const char      *data,
                                                       gsize            length,
                                                       const char      *document_id,
                                                       const char      *annotator,
                                                       const char      *text,
                                                       SpanmarkSchema  *schema);

G_END_DECLS
