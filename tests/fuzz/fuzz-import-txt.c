/* fuzz-import-txt.c — importing a .txt file: decoding and normalisation
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as news.txt, read as UTF-8 and as GB18030: refused with an
 * error naming the file, or one document with normalised text.
 */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_init ();
  fuzz_check_import ("news.txt", (const char *) data, size, NULL, 0, SPANMARK_TEXT_ENCODING_UTF8);
  fuzz_check_import ("news.txt", (const char *) data, size, NULL, 0, SPANMARK_TEXT_ENCODING_GB18030);
  return 0;
}
