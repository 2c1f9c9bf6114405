/* spanmark-text.c — UTF-8 text helpers and code-point offsets
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#ifdef HAVE_NETTLE
#include <nettle/sha2.h>
#endif

#include "spanmark-text.h"
#include "spanmark-text-private.h"

G_DEFINE_QUARK (spanmark-text-error-quark, spanmark_text_error)

gboolean
spanmark_text_validate (const char  *data,
                        gsize        len,
                        gsize       *bad_offset,
                        GError     **error)
{
  g_autofree char *position = NULL;
  const char *end = NULL;
  gsize offset;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (len == 0)
    return TRUE;

  /* g_utf8_validate_len() stops at a NUL byte as well as at a bad
   * sequence, which tells the two cases apart. */
  if (g_utf8_validate_len (data, len, &end))
    return TRUE;

  offset = (gsize) (end - data);
  if (bad_offset != NULL)
    *bad_offset = offset;

  /* The number is formatted apart: xgettext cannot read G_GSIZE_FORMAT
   * inside a translatable string. */
  position = g_strdup_printf ("%" G_GSIZE_FORMAT, offset);
  if (*end == '\0')
    {
      /* Translators: %s is a byte offset into the file, e.g. "1234". */
      g_set_error (error, SPANMARK_TEXT_ERROR, SPANMARK_TEXT_ERROR_NUL,
                   _("NUL character at byte %s"), position);
    }
  else
    {
      /* Translators: %s is a byte offset into the file, e.g. "1234". */
      g_set_error (error, SPANMARK_TEXT_ERROR, SPANMARK_TEXT_ERROR_INVALID_UTF8,
                   _("invalid UTF-8 at byte %s"), position);
    }

  return FALSE;
}

char *
spanmark_text_normalize (const char            *data,
                         gsize                  len,
                         SpanmarkTextEncoding   encoding,
                         GArray               **removed,
                         GError               **error)
{
  g_autofree char *converted = NULL;
  g_autoptr(GArray) positions = NULL;
  const char *p;
  const char *end;
  GString *out;
  guint position = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (encoding == SPANMARK_TEXT_ENCODING_GB18030 && len > 0)
    {
      g_autoptr(GError) local_error = NULL;
      gsize bytes_read = 0;
      gsize bytes_written = 0;

      converted = g_convert (data, len, "UTF-8", "GB18030",
                             &bytes_read, &bytes_written, &local_error);
      if (converted == NULL)
        {
          g_autofree char *position = g_strdup_printf ("%" G_GSIZE_FORMAT, bytes_read);

          /* Translators: the first %s is a byte offset into the file, the
           * second the reason given by the converter. */
          g_set_error (error, SPANMARK_TEXT_ERROR, SPANMARK_TEXT_ERROR_CONVERSION,
                       _("cannot convert from GB18030 at byte %s: %s"),
                       position, local_error->message);
          return NULL;
        }
      data = converted;
      len = bytes_written;
    }

  if (!spanmark_text_validate (data, len, NULL, error))
    return NULL;

  positions = g_array_new (FALSE, FALSE, sizeof (guint));
  out = g_string_sized_new (len + 1);
  p = data;
  end = data + len;

  /* A leading byte order mark says nothing about the text itself.  All
   * of them go (files passed through two BOM-adding tools have two):
   * a stored text starting with U+FEFF would lose it to the next
   * BOM-aware reader and no longer match its offsets. */
  while (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    {
      g_array_append_val (positions, position);
      position++;
      p += 3;
    }

  while (p < end)
    {
      /* Copy the run up to the next CR in one go. */
      const char *cr = memchr (p, '\r', (gsize) (end - p));
      const char *stop = cr != NULL ? cr : end;
      const char *q;

      for (q = p; q < stop; q++)
        {
          /* Count code points by their lead bytes. */
          if (((guchar) *q & 0xC0) != 0x80)
            position++;
        }
      g_string_append_len (out, p, stop - p);
      p = stop;

      if (cr == NULL)
        break;

      if (cr + 1 < end && cr[1] == '\n')
        {
          /* CRLF: the CR goes, the LF stays. */
          g_array_append_val (positions, position);
          position++;
          p = cr + 1;
        }
      else
        {
          /* A lone CR (old Mac line end) becomes LF in place. */
          g_string_append_c (out, '\n');
          position++;
          p = cr + 1;
        }
    }

  if (removed != NULL)
    *removed = g_steal_pointer (&positions);

  return g_string_free (out, FALSE);
}

guint
spanmark_text_remap_offset (GArray *removed,
                            guint   offset)
{
  guint lo = 0;
  guint hi;

  if (removed == NULL)
    return offset;

  /* Count the removed positions below @offset: the first index whose
   * value is >= @offset. */
  hi = removed->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (removed, guint, mid) < offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return offset - lo;
}

void
spanmark_text_sha256_digest (const char *data,
                             gsize       len,
                             guint8      digest[SPANMARK_TEXT_SHA256_SIZE])
{
#ifdef HAVE_NETTLE
  /* nettle picks the processor's SHA instructions when it has them:
   * hashing every text is a large part of an export or validate run. */
  struct sha256_ctx ctx;

  sha256_init (&ctx);
  sha256_update (&ctx, len, (const guint8 *) data);
  sha256_digest (&ctx, SPANMARK_TEXT_SHA256_SIZE, digest);
#else
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize digest_len = SPANMARK_TEXT_SHA256_SIZE;

  g_checksum_update (checksum, (const guchar *) data, len);
  g_checksum_get_digest (checksum, digest, &digest_len);
#endif
}

char *
spanmark_text_sha256 (const char *text,
                      gssize      len)
{
  static const char hex[] = "0123456789abcdef";
  guint8 digest[SPANMARK_TEXT_SHA256_SIZE];
  char *out;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = (gssize) strlen (text);

  spanmark_text_sha256_digest (text != NULL ? text : "", (gsize) len, digest);
  out = g_malloc (2 * SPANMARK_TEXT_SHA256_SIZE + 1);
  for (guint i = 0; i < SPANMARK_TEXT_SHA256_SIZE; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 0xf];
    }
  out[2 * SPANMARK_TEXT_SHA256_SIZE] = '\0';

  return out;
}

gboolean
spanmark_text_is_white_space (gunichar c)
{
  switch (c)
    {
    case 0x0009: case 0x000A: case 0x000B: case 0x000C: case 0x000D:
    /* Not White_Space in Unicode, but Python splits on them: a CoNLL
     * line "\x1c O" would read as one field. */
    case 0x001C: case 0x001D: case 0x001E: case 0x001F:
    case 0x0020:
    case 0x0085:
    case 0x00A0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return TRUE;
    default:
      return c >= 0x2000 && c <= 0x200A;
    }
}

char *
spanmark_text_strip_white_space (const char *str,
                                 gssize      len)
{
  const char *start, *end;

  g_return_val_if_fail (str != NULL, NULL);

  start = str;
  end = str + (len < 0 ? strlen (str) : (gsize) len);
  while (start < end && spanmark_text_is_white_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *last = g_utf8_prev_char (end);

      if (!spanmark_text_is_white_space (g_utf8_get_char (last)))
        break;
      end = last;
    }

  return g_strndup (start, (gsize) (end - start));
}

gboolean
spanmark_text_continues_cluster (gunichar c)
{
  return g_unichar_ismark (c) ||
         c == 0x200D ||                  /* ZERO WIDTH JOINER */
         (c >= 0x1F3FB && c <= 0x1F3FF); /* emoji skin tone modifiers */
}

gboolean
_spanmark_text_trim_between (const char *s,
                             const char *e,
                             guint      *start,
                             guint      *end)
{
  guint first = *start;
  guint last = *end;

  while (first < last && spanmark_text_is_white_space (g_utf8_get_char (s)))
    {
      s = g_utf8_next_char (s);
      first++;
    }

  while (last > first)
    {
      const char *prev = g_utf8_prev_char (e);

      if (!spanmark_text_is_white_space (g_utf8_get_char (prev)))
        break;
      e = prev;
      last--;
    }

  if (first >= last)
    return FALSE;

  *start = first;
  *end = last;
  return TRUE;
}

gboolean
spanmark_text_code_point_offsets (const char *data,
                                  gsize       len,
                                  GArray     *offsets)
{
  const guchar *p = (const guchar *) data;
  const guchar *end = p + len;
  guint32 *out;
  guint n = 0;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (offsets != NULL && g_array_get_element_size (offsets) == sizeof (guint32), FALSE);

  if (len >= G_MAXUINT32)
    return FALSE;

  /* At most one code point per byte, and the end. */
  g_array_set_size (offsets, len + 1);
  out = (guint32 *) (void *) offsets->data;

  /* The well-formed sequences of Unicode's table 3-7, what
   * g_utf8_validate_len() takes: no overlong forms, no surrogates,
   * nothing above U+10FFFF, and no NUL. */
  while (p < end)
    {
      guchar c;
      gsize n_bytes;
      guchar lo = 0x80, hi = 0xbf;

      /* Runs of three-byte sequences without a special case (E1–EC,
       * EE, EF: U+1000 to U+FFFF but the surrogates and U+D000–U+DFFF),
       * which is most of a CJK text, in a loop of their own. */
      while ((gsize) (end - p) >= 3 && (guchar) (p[0] - 0xe1) <= 0xef - 0xe1 && p[0] != 0xed &&
             (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80)
        {
          out[n++] = (guint32) (p - (const guchar *) data);
          p += 3;
        }
      if (p >= end)
        break;

      c = p[0];
      out[n++] = (guint32) (p - (const guchar *) data);
      if (c >= 0x01 && c < 0x80)
        {
          p++;
          continue;
        }
      if (c >= 0xc2 && c < 0xe0)
        n_bytes = 2;
      else if (c >= 0xe0 && c < 0xf0)
        {
          n_bytes = 3;
          if (c == 0xe0)
            lo = 0xa0;
          else if (c == 0xed)
            hi = 0x9f;
        }
      else if (c >= 0xf0 && c < 0xf5)
        {
          n_bytes = 4;
          if (c == 0xf0)
            lo = 0x90;
          else if (c == 0xf4)
            hi = 0x8f;
        }
      else
        return FALSE;

      if ((gsize) (end - p) < n_bytes || p[1] < lo || p[1] > hi)
        return FALSE;
      for (gsize k = 2; k < n_bytes; k++)
        if ((p[k] & 0xc0) != 0x80)
          return FALSE;
      p += n_bytes;
    }

  out[n] = (guint32) len;
  g_array_set_size (offsets, n + 1);
  return TRUE;
}

gboolean
spanmark_text_trim_range (const char *text,
                          guint      *start,
                          guint      *end)
{
  const char *s;
  const char *e;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (end != NULL, FALSE);

  if (*start >= *end)
    return FALSE;

  s = g_utf8_offset_to_pointer (text, *start);
  e = g_utf8_offset_to_pointer (s, *end - *start);

  return _spanmark_text_trim_between (s, e, start, end);
}

char *
spanmark_text_format_uint (char  buf[SPANMARK_TEXT_UINT_SIZE],
                           guint value)
{
  char *p = buf + SPANMARK_TEXT_UINT_SIZE;

  G_STATIC_ASSERT (G_MAXUINT <= 4294967295u);  /* 10 digits */
  *--p = '\0';
  do
    *--p = (char) ('0' + value % 10);
  while ((value /= 10) > 0);

  return p;
}

int
spanmark_text_compare_strings (gconstpointer a,
                               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}
