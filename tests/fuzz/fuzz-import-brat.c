/* fuzz-import-brat.c — importing brat standoff: a .txt with its .ann
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is news.txt, a NUL byte, then news.ann (a NUL cannot be in
 * a text that imports, so nothing is lost by splitting there; without a
 * NUL the .ann is empty).  Both halves are read as UTF-8 and as GB18030.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *txt = (const char *) data;
  const char *nul = memchr (txt, '\0', size);
  gsize txt_len = nul != NULL ? (gsize) (nul - txt) : size;
  const char *ann = nul != NULL ? nul + 1 : txt + size;
  gsize ann_len = size - txt_len - (nul != NULL ? 1 : 0);

  fuzz_init ();
  fuzz_check_import ("news.txt", txt, txt_len, ann, ann_len, SPANMARK_TEXT_ENCODING_UTF8);
  fuzz_check_import ("news.txt", txt, txt_len, ann, ann_len, SPANMARK_TEXT_ENCODING_GB18030);
  return 0;
}
