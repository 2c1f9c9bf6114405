/* spanmark-text.h — UTF-8 text helpers and code-point offsets
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offsets everywhere in Spanmark are Unicode code points, end-exclusive.
 * Byte offsets appear only inside these helpers.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SPANMARK_TEXT_ERROR (spanmark_text_error_quark ())

typedef enum
{
  SPANMARK_TEXT_ERROR_INVALID_UTF8,  /* message names the byte offset of the first bad sequence */
  SPANMARK_TEXT_ERROR_NUL,           /* message names the byte offset of the NUL */
  SPANMARK_TEXT_ERROR_CONVERSION,    /* GB18030 input could not be converted */
} SpanmarkTextError;

typedef enum
{
  SPANMARK_TEXT_ENCODING_UTF8,
  SPANMARK_TEXT_ENCODING_GB18030,    /* also reads GBK and GB2312 */
} SpanmarkTextEncoding;

GQuark    spanmark_text_error_quark    (void);

/* Checks that @data is valid UTF-8 without NUL bytes.  On failure sets
 * @error (SPANMARK_TEXT_ERROR_INVALID_UTF8 or _NUL) with a message such as
 * "invalid UTF-8 at byte 1234" and stores that byte offset in @bad_offset. */
gboolean  spanmark_text_validate       (const char  *data,
                                        gsize        len,
                                        gsize       *bad_offset,
                                        GError     **error);

/* Import normalisation: decodes @data (converting from GB18030 when
 * @encoding says so), refuses NUL and invalid UTF-8, removes the BOMs at
 * the start (one or more) and turns CRLF and lone CR into LF.
 *
 * If @removed is not %NULL it receives a sorted array of guint: the
 * code-point positions, in the decoded original text, of every code point
 * that was deleted (the BOMs, the CR of each CRLF).  Pass it to
 * spanmark_text_remap_offset() to move offsets of spans that were made
 * against the original text.  Returns a newly allocated NUL-terminated
 * string. */
char     *spanmark_text_normalize      (const char            *data,
                                        gsize                  len,
                                        SpanmarkTextEncoding   encoding,
                                        GArray               **removed,
                                        GError               **error) G_GNUC_WARN_UNUSED_RESULT;

/* Maps a code-point offset into the original text to the offset into the
 * normalised text: @offset minus the number of removed positions < @offset.
 * @removed may be %NULL (identity).  O(log n). */
guint     spanmark_text_remap_offset   (GArray      *removed,
                                        guint        offset);

/* The one SHA-256 of the code base: nettle's when it was found at build
 * time (it uses the processor's SHA instructions), GChecksum otherwise. */
#define SPANMARK_TEXT_SHA256_SIZE 32
void      spanmark_text_sha256_digest  (const char  *data,
                                        gsize        len,
                                        guint8       digest[SPANMARK_TEXT_SHA256_SIZE]);
/* Lowercase hex SHA-256 of the UTF-8 bytes (all of @text when @len < 0). */
char     *spanmark_text_sha256         (const char  *text,
                                        gssize       len) G_GNUC_WARN_UNUSED_RESULT;

/* White space, the one rule for every part of Spanmark that tells white
 * space from other characters: what a token is in the flat exports (a
 * character that is not white space), and the ends of a selection.  It is exactly Python's str.isspace(), which str.split() and
 * so the CoNLL readers of NLTK and spaCy use: the Unicode White_Space
 * property (U+0009..U+000D, U+0020, U+0085, U+00A0, U+1680,
 * U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) and the
 * information separators U+001C..U+001F.  No character above U+3000 and
 * none in U+0021..U+007F is white space. */
gboolean  spanmark_text_is_white_space (gunichar     c);

/* A copy of @str (@len bytes of valid UTF-8, all of it when negative)
 * without the white space (spanmark_text_is_white_space()) at its ends. */
char     *spanmark_text_strip_white_space (const char *str,
                                           gssize      len) G_GNUC_WARN_UNUSED_RESULT;

/* Whether @c belongs to the user-perceived character before it (a
 * combining mark, the zero width joiner U+200D, an emoji skin tone
 * modifier U+1F3FB..U+1F3FF): an occurrence of a string that ends just
 * before @c would cut that character in two, so searches (tag all,
 * dictionary matches) do not take it.  One rule for both. */
gboolean  spanmark_text_continues_cluster (gunichar  c);

/* Checks that @data (@len bytes, less than 4 GiB) is valid UTF-8 without
 * NUL, as spanmark_text_validate() does, and in the same pass stores in
 * @offsets (a GArray of guint32, resized) the byte offset of each code
 * point and then @len: offsets[i] is where code point i starts.  For
 * what visits every character of a text, such as the export.  FALSE,
 * and @offsets unspecified, when the text is not valid. */
gboolean  spanmark_text_code_point_offsets (const char  *data,
                                            gsize        len,
                                            GArray      *offsets);

/* Narrows [*start, *end) (code points) so it neither starts nor ends with
 * white space.  Returns %FALSE if nothing but white space is left. */
gboolean  spanmark_text_trim_range     (const char  *text,
                                        guint       *start,
                                        guint       *end);

/* strcmp() of the strings two elements of a GPtrArray of char * point
 * to: a GCompareFunc for g_ptr_array_sort() and qsort(). */
/* The decimal digits of @value (what printf's "%u" writes, without its
 * cost), NUL-terminated at the end of @buf, which holds at least
 * SPANMARK_TEXT_UINT_SIZE bytes; returns the first digit.  A prefix fits
 * before it: the digits start no earlier than @buf + 1. */
#define SPANMARK_TEXT_UINT_SIZE 12
char     *spanmark_text_format_uint    (char         buf[SPANMARK_TEXT_UINT_SIZE],
                                        guint        value);

int       spanmark_text_compare_strings (gconstpointer a,
                                         gconstpointer b);

G_END_DECLS

/* Most users of the text helpers use the index too. */
#include "spanmark-text-index.h"
