/* export-fixture.h — the fixture project shared by the export tests
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture project (built with the core API) has five documents,
 * annotated by "alice" (and one span by "bob"):
 *
 *   a1  "车俊😀在浙江省杭州市。\n陈　敏尔到了涪陵。"  (emoji outside the BMP,
 *       an ideographic space inside a span, nested, overlapping, adjacent
 *       and single-character spans), status done
 *   b2  "José in São Paulo\r\nJosé met 车俊.\r\n" imported: CRLF became LF, the
 *       é is e + U+0301 (a combining mark), one entity with two mentions,
 *       status done
 *   c3  ""  (empty)
 *   d4  " \n\u3000\n"  (white space only)
 *   e5  "甲\n乙 丙"  (a span across a line break)
 *
 * The expected files under expected/ were written by hand from these
 * texts and spans.
 */

#pragma once

#include "spanmark-core.h"
#include "spanmark-test-util.h"

G_BEGIN_DECLS

/* Adds the five documents and their annotations to an empty project. */
void export_fixture_build (SpanmarkProject *project);

G_END_DECLS
