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
 * and entity references known, document paths inside the project, and
 * that each is a regular file (not a folder, FIFO or device) that no
 * symbolic link leads out of the project.  Never writes.
 *
 * Also lists, as SPANMARK_PROBLEM_WARNING, what is valid but worth a
 * look: two spans on exactly the same characters (flat exports keep one)
 * and copies kept under conflicts/ after a conflicting save.  And, as
 * SPANMARK_PROBLEM_LEFTOVER, what an interrupted write
 * leaves behind: temporary files of atomic saves (".NAME.json.spanmark-XXXXXX",
 * ".NAME.txt.spanmark-XXXXXX"), and — when spanmark.json itself has no problem —
 * texts in documents/ and their annotation files that the index does not
 * list (an import killed before it wrote the index).  Neither makes the
 * project invalid.  When spanmark.json cannot be read, the temporary
 * files are still listed (nothing else can be checked).
 *
 * Returns every problem found (no SPANMARK_PROBLEM_ERROR among them:
 * valid), errors first.  Returns NULL with @error only when the folder
 * itself cannot be read. */
GPtrArray *spanmark_validate_project (GFile   *dir,
                                      GError **error) G_GNUC_WARN_UNUSED_RESULT;

/* Removes what spanmark_validate_project() lists as leftovers: annotation
 * files first, then texts and temporary files, so that a clean that is
 * interrupted in turn leaves only leftovers the next one finds; then the
 * annotator folders left empty.  With @dry_run nothing is removed.
 * Appends the paths removed (or that would be), relative to @dir, to
 * @removed (char*).  FALSE with @error, removing nothing, if the project
 * cannot be opened (as spanmark_project_open() says: no spanmark.json,
 * or one that cannot be read); FALSE with @error if a file cannot be
 * removed (naming it). */
gboolean   spanmark_clean_project    (GFile      *dir,
                                      gboolean    dry_run,
                                      GPtrArray  *removed,
                                      GError    **error);

G_END_DECLS
