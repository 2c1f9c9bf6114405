/* spanmark-json-writer.h — JSON written by hand, byte for byte
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JsonGenerator cannot put one span per line, and the exports promise
 * exact bytes: every JSON Spanmark writes goes through these.
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A JSON string: '"', '\\' and control characters escaped, everything
 * else (non-ASCII UTF-8 included) as it is.  The _len variant takes the
 * first @len bytes of @str (all of it when @len is negative). */
void spanmark_json_append_string     (GString    *out,
                                      const char *str);
void spanmark_json_append_string_len (GString    *out,
                                      const char *str,
                                      gssize      len);
/* An array of strings on one line: ["a", "b"] (@strv may be NULL: []). */
void spanmark_json_append_strv       (GString            *out,
                                      const char * const *strv);
/* Any JSON value on one line: {"a": 1, "b": [true, null]}. */
void spanmark_json_append_node       (GString    *out,
                                      JsonNode   *node);

G_END_DECLS
