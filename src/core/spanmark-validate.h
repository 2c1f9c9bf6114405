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
GPtrArray *spanmark_validate_project (GFile   *dir,
                                      GError **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
