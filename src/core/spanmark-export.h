/* spanmark-export.h
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-project.h"

G_BEGIN_DECLS

G_END_DECLS
