/* spanmark-validate-private.h — validation with or without the fast reader
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-validate.h"

G_BEGIN_DECLS

/* spanmark_validate_project(), which reads the annotation files it can
 * with the export's fast reader (@allow_fast TRUE), or every file with
 * the loader's reader: the tests compare the two. */
GPtrArray *_spanmark_validate_project_full (GFile     *dir,
                                            gboolean   allow_fast,
                                            GError   **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
