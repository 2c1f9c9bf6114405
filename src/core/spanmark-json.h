/* spanmark-json.h — private JSON helpers (reading with positions, deterministic writing)
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

G_END_DECLS
