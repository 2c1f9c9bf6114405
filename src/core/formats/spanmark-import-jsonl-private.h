/* spanmark-import-jsonl-private.h — the JSON lines importer's fast reader
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the import (formats/) and its tests: the reader of the one
 * shape training code writes (spanmark-import-jsonl-reader.c), which
 * gives up on anything else so the slow path reads it.
 */

#pragma once

#include "spanmark-import-format-private.h"

G_BEGIN_DECLS

/* What the fast reader took from one line, as json-glib's tree would
 * give it to _spanmark_import_build_document(). */
typedef struct
{
  char       *id;         /* as given, or STEM-LINE */
  char       *title;      /* or NULL */
  const char *text;       /* into the line, or @text_copy */
  gsize       text_len;
  char       *text_copy;  /* the text when it had escapes */
  GPtrArray  *spans;      /* RawSpan, borrowing @strings' */
  GPtrArray  *entities;   /* RawEntity, the same */
  /* The spans' and entities' strings: one allocation a line, not one a
   * string (a line has hundreds). */
  GStringChunk *strings;
  GString    *scratch;
} JsonlLine;

void     _spanmark_import_jsonl_line_init  (JsonlLine  *out);
void     _spanmark_import_jsonl_line_clear (JsonlLine  *out);

/* Reads the line @data[0:@len] (no line break) into @out when it is one
 * object of the shape above that the syntax check accepts (so valid
 * UTF-8: each string is checked, and nothing else may be beyond ASCII);
 * FALSE (and @out empty) for anything else, which the slow path then
 * reads. */
gboolean _spanmark_import_jsonl_read_fast  (const char *data,
                                            gsize       len,
                                            const char *stem,
                                            guint       line,
                                            JsonlLine  *out);

/* Whether the importer tries the fast reader first (TRUE unless a test,
 * comparing both paths, turns it off). */
void     _spanmark_import_jsonl_set_fast   (gboolean    enabled);
gboolean _spanmark_import_jsonl_get_fast   (void);

G_END_DECLS
