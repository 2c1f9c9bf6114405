/* spanmark-project-ids.h — what a document id, an annotator name and a path may be
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ids and annotator names become file and folder names
 * (annotations/<annotator>/<doc-id>.json), and paths in spanmark.json
 * name files below the project: these rules keep every one of them
 * inside the project folder, on every system.  A leaf, like
 * spanmark-project-error.h.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Valid document ids: non-empty, at most 200 bytes, letters/digits (any
 * script) and "-_.", not starting with "."; no "/" or "\\". */
gboolean spanmark_project_is_valid_id        (const char *id);
/* Valid annotator names: like ids; "_curated" is reserved for curation. */
gboolean spanmark_project_is_valid_annotator (const char *annotator);
/* A relative path without "." or ".." components, not empty, without
 * backslashes: what a document's "path" in spanmark.json may be. */
gboolean spanmark_project_is_inside_path     (const char *path);

G_END_DECLS
