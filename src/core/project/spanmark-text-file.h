/* spanmark-text-file.h — reading a document's text with its checks
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "spanmark-checker.h"

G_BEGIN_DECLS

/* Reads @path (relative to @dir) and checks it stays inside @dir once
 * symbolic links are resolved, is valid UTF-8 and holds no NUL, noting
 * what is wrong in @checker.  @index_location names the document's entry
 * in spanmark.json. */
char *spanmark_json_read_text (SpanmarkChecker *checker,
                               GFile           *dir,
                               const char      *index_location,
                               const char      *path,
                               gsize           *length);

G_END_DECLS
