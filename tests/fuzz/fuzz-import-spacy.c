/* fuzz-import-spacy.c — importing spaCy-style JSON lines
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as pre.jsonl, seeded with {"text", "spans": [{"start", "end",
 * "label"}], "entities"} lines (the jsonl export's own shape).  The
 * importer reads doccano's shape from the same lines; fuzz-import-doccano
 * starts from those.
 */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_init ();
  fuzz_check_import ("pre.jsonl", (const char *) data, size, NULL, 0, SPANMARK_TEXT_ENCODING_UTF8);
  return 0;
}
