/* spanmark-project-error.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-project-error.h"

G_DEFINE_QUARK (spanmark-project-error-quark, spanmark_project_error)
