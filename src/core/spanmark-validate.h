/* spanmark-validate.h — check every file of a project
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "spanmark-problem.h"

G_BEGIN_DECLS

/* Checks spanmark.json, every document text and every annotation file
 * under annotations/: JSON shape and types, offsets in range, end > start,
 * `text` equals the covered text, text_sha256 matches, ids unique, labels
 * and entity references known, document paths inside the project.  Never
 * writes.  Returns every problem found (empty array: valid).  Returns NULL
 * with @error only when the folder itself cannot be read. */
GPtrArray *spanmark_validate_project      (GFile       *dir,
                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* The same, and, when @warnings is not NULL, sets it to what is valid but
 * worth a look (an array of SpanmarkProblem, possibly empty): two spans
 * on exactly the same characters (flat exports keep one), and copies
 * kept under conflicts/ after a conflicting save.  Warnings never make
 * a project invalid. */
GPtrArray *spanmark_validate_project_full (GFile       *dir,
                                           GPtrArray  **warnings,
                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
