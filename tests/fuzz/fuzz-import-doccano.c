/* fuzz-import-doccano.c — importing doccano JSON lines
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as doccano.jsonl, seeded with {"text", "label": [[start,
 * end, "LABEL"]]} lines and doccano's relation export ("entities" with
 * "start_offset" and "end_offset").
 */

#include "config.h"

#include "fuzz-common.h"
#include "fuzz-import-jsonl.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_init ();
  fuzz_check_import ("doccano.jsonl", (const char *) data, size, NULL, 0, SPANMARK_TEXT_ENCODING_UTF8);
  /* The fast reader and the slow path agree. */
  fuzz_check_jsonl_paths ("doccano.jsonl", (const char *) data, size);
  return 0;
}
