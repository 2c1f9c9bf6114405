/* fuzz-import-spacy.c — importing spaCy-style JSON lines
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as pre.jsonl, seeded with {"text", "spans": [{"start", "end",
 * "label"}], "entities"} lines (the jsonl export's own shape).  The
 * importer reads doccano's shape from the same lines; fuzz-import-doccano
 * starts from those.  Both also read every input with the importer's
 * fast reader and without it, which must agree (fuzz-import-jsonl.h).
 */

#include "config.h"

#include "fuzz-common.h"
#include "fuzz-import-jsonl.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_init ();
  fuzz_check_import ("pre.jsonl", (const char *) data, size, NULL, 0, SPANMARK_TEXT_ENCODING_UTF8);
  /* The fast reader and the slow path agree. */
  fuzz_check_jsonl_paths ("pre.jsonl", (const char *) data, size);
  return 0;
}
