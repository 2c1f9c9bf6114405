/* spanmark-json-reader.h — JSON read with the place of every problem
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the readers of spanmark.json and of annotation files share: the
 * strict syntax check before json-glib, and members read by type, each
 * problem noted in a SpanmarkChecker with its file and place ("spans[3]
 * (id \"s4\")", or the member's name at the top level).
 */

#pragma once

#include <json-glib/json-glib.h>

#include "spanmark-checker.h"

G_BEGIN_DECLS

/* Where in a file a problem is: the file, and the object being read
 * (NULL for the top level, whose members are then named as the place). */
typedef struct
{
  SpanmarkChecker *checker;
  const char      *file;
  const char      *location;
} SpanmarkJsonPlace;

/* Notes a problem with the member @key (or the object itself when @key
 * is NULL): "KEY MESSAGE" at the object's place, or MESSAGE at "\"KEY\""
 * at the top level. */
void        spanmark_json_place_problem (SpanmarkJsonPlace *place,
                                         int                code,
                                         const char        *key,
                                         const char        *format,
                                         ...) G_GNUC_PRINTF (4, 5);
/* "an object", "a string"…, for "must be X, not Y". */
const char *spanmark_json_describe_node (JsonNode          *node);

/* The member @key of @object, or NULL (a problem when @required). */
JsonNode   *spanmark_json_get_member    (SpanmarkJsonPlace *place,
                                         JsonObject        *object,
                                         const char        *key,
                                         gboolean           required);
/* Stores NULL in @out when the member is absent (or null, if @nullable).
 * Returns FALSE when a problem was noted. */
gboolean    spanmark_json_get_string    (SpanmarkJsonPlace *place,
                                         JsonObject        *object,
                                         const char        *key,
                                         gboolean           required,
                                         gboolean           nullable,
                                         const char       **out);
/* A required non-negative integer that fits a guint. */
gboolean    spanmark_json_get_uint      (SpanmarkJsonPlace *place,
                                         JsonObject        *object,
                                         const char        *key,
                                         guint             *out);
/* Optional "attrs": an object of strings, copied into @attrs (when not
 * NULL). */
gboolean    spanmark_json_get_attrs     (SpanmarkJsonPlace *place,
                                         JsonObject        *object,
                                         GHashTable        *attrs);
JsonArray  *spanmark_json_get_array     (SpanmarkJsonPlace *place,
                                         JsonObject        *object,
                                         const char        *key,
                                         gboolean           required);
/* "spanmark": SPANMARK_PROJECT_FORMAT_VERSION */
gboolean    spanmark_json_check_version (SpanmarkJsonPlace *place,
                                         JsonObject        *object);

/* The object that is item @i of the array @array; sets @location to the
 * place to name for it: "ARRAY[i]", with the item's @key ("id" or
 * "name") when that is a string.  Notes a problem and returns NULL when
 * the item is not an object. */
JsonObject *spanmark_json_item_object   (SpanmarkChecker   *checker,
                                         const char        *file,
                                         JsonNode          *node,
                                         const char        *array,
                                         guint              i,
                                         const char        *key,
                                         char             **location);

/* The strict syntax check (spanmark-json-syntax.h), as a problem of @file
 * at "line N, column C"; @integer_keys: the members that must hold
 * integers as written (spanmark_json_version_keys when NULL). */
gboolean    spanmark_json_check_syntax  (SpanmarkChecker              *checker,
                                         const char                   *file,
                                         const char                   *data,
                                         gsize                         length,
                                         const SpanmarkJsonIntegerKey *integer_keys);
/* The check above, then json-glib. */
JsonNode   *spanmark_json_parse         (SpanmarkChecker              *checker,
                                         const char                   *file,
                                         const char                   *data,
                                         gsize                         length,
                                         const SpanmarkJsonIntegerKey *integer_keys);

G_END_DECLS
