/* spanmark-json.h — the private readers and writers of a project's files, all at once
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not installed and not part of spanmark-core.h.  Each concern has its
 * own header; this one includes them all for the callers that use
 * several (the project, the validator, the fuzzers).
 */

#pragma once

#include "spanmark-annotation-file.h"
#include "spanmark-checker.h"
#include "spanmark-index.h"
#include "spanmark-json-reader.h"
#include "spanmark-json-syntax.h"
#include "spanmark-json-writer.h"
#include "spanmark-text-file.h"
