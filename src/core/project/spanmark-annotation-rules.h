/* spanmark-annotation-rules.h — what makes an annotation file right, once
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three readers take annotations/<annotator>/<doc-id>.json apart, each
 * its own way: the project's loader (spanmark-annotation-file.c, a
 * json-glib tree, every problem noted with its place), the export's fast
 * reader (formats/spanmark-export-reader.c, straight from the bytes) and
 * the status read (spanmark_project_read_status(), one member).  How they
 * parse differs; what a value must be to be right is decided here, once,
 * so that the readers cannot drift apart.
 *
 * Each rule returns whether the value is right.  When it is not and
 * @message is not NULL, *@message gets the one text of that problem
 * (newly allocated), without the member's name: the loader puts the name
 * or the place in front ("spans[3] (id \"s4\"): end 90 is past the end of
 * the text (38 characters)").  The fast reader passes NULL, which costs
 * nothing, and leaves a file it refuses to the loader, so that every
 * message about a file, and the count of its other problems, is the
 * loader's.
 */

#pragma once

#include <glib.h>

#include "spanmark-annotation-set.h"
#include "spanmark-json-syntax.h"
#include "spanmark-schema.h"

G_BEGIN_DECLS

/* The members of an annotation file that hold integers: "spanmark", and
 * "start" and "end" of spans and rejections.  The syntax check refuses a
 * number written any other way there, quoting it. */
extern const SpanmarkJsonIntegerKey spanmark_annotation_rules_integer_keys[];

/* The members of an annotation file, as bits: a reader notes which it has
 * seen. */
typedef enum
{
  SPANMARK_FILE_KEY_SPANMARK    = 1 << 0,
  SPANMARK_FILE_KEY_DOCUMENT    = 1 << 1,
  SPANMARK_FILE_KEY_TEXT_SHA256 = 1 << 2,
  SPANMARK_FILE_KEY_ANNOTATOR   = 1 << 3,
  SPANMARK_FILE_KEY_STATUS      = 1 << 4,
  SPANMARK_FILE_KEY_MODIFIED    = 1 << 5,
  SPANMARK_FILE_KEY_SPANS       = 1 << 6,
  SPANMARK_FILE_KEY_ENTITIES    = 1 << 7,
  SPANMARK_FILE_KEY_REJECTED    = 1 << 8,
} SpanmarkFileKey;

/* Everything but "modified", "entities" and "rejected". */
#define SPANMARK_FILE_REQUIRED_KEYS (SPANMARK_FILE_KEY_SPANMARK | SPANMARK_FILE_KEY_DOCUMENT | \
                                     SPANMARK_FILE_KEY_TEXT_SHA256 | SPANMARK_FILE_KEY_ANNOTATOR | \
                                     SPANMARK_FILE_KEY_STATUS | SPANMARK_FILE_KEY_SPANS)

/* The members of a span. */
typedef enum
{
  SPANMARK_SPAN_KEY_ID     = 1 << 0,
  SPANMARK_SPAN_KEY_START  = 1 << 1,
  SPANMARK_SPAN_KEY_END    = 1 << 2,
  SPANMARK_SPAN_KEY_LABEL  = 1 << 3,
  SPANMARK_SPAN_KEY_TEXT   = 1 << 4,
  SPANMARK_SPAN_KEY_ENTITY = 1 << 5,
  SPANMARK_SPAN_KEY_ATTRS  = 1 << 6,
  SPANMARK_SPAN_KEY_PRETAG = 1 << 7,
} SpanmarkSpanKey;

/* Everything but "entity", "attrs" and "pretag". */
#define SPANMARK_SPAN_REQUIRED_KEYS (SPANMARK_SPAN_KEY_ID | SPANMARK_SPAN_KEY_START | SPANMARK_SPAN_KEY_END | \
                                     SPANMARK_SPAN_KEY_LABEL | SPANMARK_SPAN_KEY_TEXT)

/* The members of an item of a file's "rejected" (a span's bits): all
 * required, and no other. */
#define SPANMARK_REJECTION_KEYS (SPANMARK_SPAN_KEY_START | SPANMARK_SPAN_KEY_END | SPANMARK_SPAN_KEY_LABEL | \
                                 SPANMARK_SPAN_KEY_TEXT)

/* The members of an entity. */
typedef enum
{
  SPANMARK_ENTITY_KEY_ID    = 1 << 0,
  SPANMARK_ENTITY_KEY_LABEL = 1 << 1,
  SPANMARK_ENTITY_KEY_NAME  = 1 << 2,
  SPANMARK_ENTITY_KEY_ATTRS = 1 << 3,
} SpanmarkEntityKey;

/* Everything but "attrs". */
#define SPANMARK_ENTITY_REQUIRED_KEYS (SPANMARK_ENTITY_KEY_ID | SPANMARK_ENTITY_KEY_LABEL | \
                                       SPANMARK_ENTITY_KEY_NAME)

/* Whether the member @key (a bit above) is one a file must have, given
 * the mask of the required ones. */
#define SPANMARK_KEY_IS_REQUIRED(required_keys, key) (((required_keys) & (key)) != 0)

/* The bit of the member @name (@len bytes, not NUL-terminated) of a file,
 * a span or an entity; 0 when the format has no such member. */
guint     spanmark_annotation_rules_file_key     (const char      *name,
                                                  gsize            len);
guint     spanmark_annotation_rules_span_key     (const char      *name,
                                                  gsize            len);
guint     spanmark_annotation_rules_entity_key   (const char      *name,
                                                  gsize            len);

/* "spanmark": the format version this Spanmark reads. */
gboolean  spanmark_annotation_rules_check_version   (gint64           version,
                                                     char           **message);
/* "document" (@key SPANMARK_FILE_KEY_DOCUMENT) and "annotator"
 * (SPANMARK_FILE_KEY_ANNOTATOR): the file's own document id and
 * annotator, which its name and folder say (@expected). */
gboolean  spanmark_annotation_rules_check_owner     (SpanmarkFileKey  key,
                                                     const char      *value,
                                                     gsize            len,
                                                     const char      *expected,
                                                     char           **message);
/* "text_sha256": the SHA-256 of the document text's UTF-8 bytes, in hex
 * (either case). */
gboolean  spanmark_annotation_rules_check_sha256    (const char      *value,
                                                     gsize            len,
                                                     const char      *text,
                                                     gsize            text_len,
                                                     char           **message);
/* "status": a status name; stores it in @status. */
gboolean  spanmark_annotation_rules_check_status    (const char      *value,
                                                     gsize            len,
                                                     SpanmarkStatus  *status,
                                                     char           **message);

/* "id" of item @index of @array ("spans" or "entities"): not empty, and
 * not the id of an earlier item.  @ids maps the ids seen so far in that
 * array to their index; the id (borrowed: it must outlive @ids) is added
 * when it is right.  Without @message (a reader that only wants the
 * verdict), @ids is not to be used after FALSE. */
gboolean  spanmark_annotation_rules_check_id        (GHashTable      *ids,
                                                     const char      *array,
                                                     const char      *id,
                                                     guint            index,
                                                     char           **message);
/* "start" and "end" of a span over a text of @length code points: end
 * after start, and not past the end.  The message is about "end". */
gboolean  spanmark_annotation_rules_check_offsets   (guint            start,
                                                     guint            end,
                                                     guint            length,
                                                     char           **message);
/* "label" of a span or an entity: a label of @schema (any label when
 * @schema is NULL); stores the schema's own copy of the name in @name
 * (@label itself when @schema is NULL). */
gboolean  spanmark_annotation_rules_check_label     (SpanmarkSchema  *schema,
                                                     const char      *label,
                                                     gsize            len,
                                                     const char     **name,
                                                     char           **message);
/* "text" of a span: exactly the text it covers, @covered (@start to @end,
 * code points). */
gboolean  spanmark_annotation_rules_check_span_text (const char      *text,
                                                     gsize            len,
                                                     const char      *covered,
                                                     gsize            covered_len,
                                                     guint            start,
                                                     guint            end,
                                                     char           **message);
/* "entity" of a span: the id of an entity of the same file (@entity_ids,
 * as spanmark_annotation_rules_check_id() fills it), or none. */
gboolean  spanmark_annotation_rules_check_mention   (GHashTable      *entity_ids,
                                                     const char      *entity,
                                                     char           **message);

/* "pretag" of a span (where spanmark-cli pretag took it from, until a
 * person accepts it): a string that is not empty. */
gboolean  spanmark_annotation_rules_check_pretag    (const char      *pretag,
                                                     gsize            len,
                                                     char           **message);

/* "rejected" (the versions of a span a reviewer decided against, in the
 * curated version; the suggestions an annotator rejected, in theirs):
 * any annotator's file may have it. */
/* Item @start, @end, @label of "rejected" (its offsets, label and text
 * checked as a span's are): not a rejection of the same extent and label
 * as an earlier item.  @seen, from
 * spanmark_annotation_rules_new_rejection_set(), holds the earlier ones;
 * the item is added when it is right. */
GHashTable *spanmark_annotation_rules_new_rejection_set (void);
gboolean  spanmark_annotation_rules_check_rejection (GHashTable  *seen,
                                                     guint        start,
                                                     guint        end,
                                                     const char  *label,
                                                     char       **message);

G_END_DECLS
