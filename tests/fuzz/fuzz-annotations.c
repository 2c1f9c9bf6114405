/* fuzz-annotations.c — the annotation file loader
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as annotations/alice/doc-1.json over a fixed text and the
 * default schema: the loader either accepts them, giving a set that
 * holds together and survives being saved and loaded again, or refuses
 * them with at least one problem that names the file.
 */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  SpanmarkChecker checker;
  FuzzJson kind;

  if (!fuzz_begin_json ((const char *) data, size, &kind))
    return 0;

  spanmark_checker_init (&checker);
  set = spanmark_json_read_annotations (&checker, FUZZ_FILE, (const char *) data, size,
                                        FUZZ_DOCUMENT_ID, FUZZ_ANNOTATOR, fuzz_text (), fuzz_schema ());
  fuzz_check_problems (&checker, FUZZ_FILE);
  if (set != NULL)
    {
      g_assert_cmpuint (spanmark_checker_get_n_problems (&checker), ==, 0);
      fuzz_check_strict (FUZZ_FILE, kind);
      fuzz_check_set (set, fuzz_schema ());
    }
  else
    g_assert_cmpuint (spanmark_checker_get_n_problems (&checker), >, 0);

  spanmark_checker_clear (&checker);
  return 0;
}
