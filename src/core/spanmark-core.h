/* spanmark-core.h — everything libspanmark-core offers
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-agreement.h"
#include "spanmark-annotation-set.h"
#include "spanmark-corpus-counts.h"
#include "spanmark-curation.h"
#include "spanmark-dictionary.h"
#include "spanmark-document.h"
#include "spanmark-entity.h"
#include "spanmark-export.h"
#include "spanmark-file.h"
#include "spanmark-history.h"
#include "spanmark-import.h"
#include "spanmark-inconsistency.h"
#include "spanmark-label.h"
#include "spanmark-label-ops.h"
#include "spanmark-label-rules.h"
#include "spanmark-matcher.h"
#include "spanmark-pretag.h"
#include "spanmark-problem.h"
#include "spanmark-project.h"
#include "spanmark-registry.h"
#include "spanmark-registry-entity.h"
#include "spanmark-schema.h"
#include "spanmark-span.h"
#include "spanmark-corpus-pass.h"
#include "spanmark-status-cache.h"
#include "spanmark-team-progress.h"
#include "spanmark-suggester.h"
#include "spanmark-suggestion.h"
#include "spanmark-text.h"
#include "spanmark-title-suggestion.h"
#include "spanmark-validate.h"
