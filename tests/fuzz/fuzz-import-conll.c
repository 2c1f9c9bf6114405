/* fuzz-import-conll.c — importing CoNLL-style files: columns, tags, schemes
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the options (the scheme, the join, the tag
 * column, sentences per document, the encoding, --add-labels), as the
 * command line would set them; the rest is news.conll.  Refused with an
 * error naming the file, or documents whose spans fit their texts.
 */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  SpanmarkImportOptions options = { .annotator = "model" };
  guint8 pick;

  if (size == 0)
    return 0;
  pick = data[0];

  /* Bits 0-2: the scheme (5, 6, 7 are auto); 3-4: the join (3 is auto);
   * 5: a tag column of 2 (else the last); 6: two sentences a document;
   * 7: GB18030.  Labels are added unless the scheme is auto and the
   * join space, so that refusals of unknown labels are reached too. */
  options.scheme = (pick & 7) <= SPANMARK_IMPORT_SCHEME_BMES ? (SpanmarkImportScheme) (pick & 7)
                                                             : SPANMARK_IMPORT_SCHEME_AUTO;
  options.join = ((pick >> 3) & 3) <= SPANMARK_IMPORT_JOIN_SPACE ? (SpanmarkImportJoin) ((pick >> 3) & 3)
                                                                 : SPANMARK_IMPORT_JOIN_AUTO;
  options.tag_column = (pick & 0x20) ? 2 : 0;
  options.sentences_per_document = (pick & 0x40) ? 2 : 0;
  options.encoding = (pick & 0x80) ? SPANMARK_TEXT_ENCODING_GB18030 : SPANMARK_TEXT_ENCODING_UTF8;
  options.add_labels = !(options.scheme == SPANMARK_IMPORT_SCHEME_AUTO && options.join == SPANMARK_IMPORT_JOIN_SPACE);

  fuzz_init ();
  fuzz_check_import_with ("news.conll", (const char *) data + 1, size - 1, NULL, 0, &options);
  return 0;
}
