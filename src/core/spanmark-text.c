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

/* One checkpoint (the byte offset of a code point) every this many code
 * points: a lookup walks at most this many characters after an O(1) jump
 * (char -> byte) or an O(log n) binary search (byte -> char). */
#define CHECKPOINT_STRIDE 64

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

/* Narrows [*start, *end) (code points, whose characters @s and @e point
 * at) past white space at either side. */
static gboolean
trim_between (const char *s,
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

  return trim_between (s, e, start, end);
}


struct _SpanmarkTextIndex
{
  gatomicrefcount  ref_count;
  const char      *text;
  gsize            n_bytes;
  guint            length;
  /* checkpoints[i] is the byte offset of code point i * CHECKPOINT_STRIDE;
   * the last one may be the byte length itself. */
  gsize           *checkpoints;
  guint            n_checkpoints;
};

G_DEFINE_BOXED_TYPE (SpanmarkTextIndex, spanmark_text_index,
                     spanmark_text_index_ref, spanmark_text_index_unref)

SpanmarkTextIndex *
spanmark_text_index_new (const char *text,
                         gssize      len)
{
  SpanmarkTextIndex *self;
  gsize byte;
  guint chars = 0;
  guint capacity;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (text == NULL)
    text = "";
  if (len < 0)
    len = (gssize) strlen (text);

  self = g_new0 (SpanmarkTextIndex, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->text = text;
  self->n_bytes = (gsize) len;

  /* A code point takes at least one byte, so this many checkpoints is
   * always enough; the array is shrunk below. */
  capacity = (guint) (self->n_bytes / CHECKPOINT_STRIDE) + 2;
  self->checkpoints = g_new (gsize, capacity);

  for (byte = 0; byte < self->n_bytes; byte++)
    {
      if (((guchar) text[byte] & 0xC0) != 0x80)
        {
          if (chars % CHECKPOINT_STRIDE == 0)
            self->checkpoints[self->n_checkpoints++] = byte;
          chars++;
        }
    }
  if (chars % CHECKPOINT_STRIDE == 0)
    self->checkpoints[self->n_checkpoints++] = self->n_bytes;

  self->length = chars;
  self->checkpoints = g_renew (gsize, self->checkpoints, self->n_checkpoints);

  return self;
}

SpanmarkTextIndex *
spanmark_text_index_ref (SpanmarkTextIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
spanmark_text_index_unref (SpanmarkTextIndex *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->checkpoints);
      g_free (self);
    }
}

const char *
spanmark_text_index_get_text (SpanmarkTextIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

gsize
spanmark_text_index_get_n_bytes (SpanmarkTextIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_bytes;
}

guint
spanmark_text_index_get_length (SpanmarkTextIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->length;
}

gsize
spanmark_text_index_char_to_byte (SpanmarkTextIndex *self,
                                  guint              offset)
{
  const char *p;
  guint i;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (offset <= self->length, self->n_bytes);

  /* Pure ASCII: offsets are bytes. */
  if (self->length == self->n_bytes)
    return offset;

  if (offset == self->length)
    return self->n_bytes;

  p = self->text + self->checkpoints[offset / CHECKPOINT_STRIDE];
  for (i = offset % CHECKPOINT_STRIDE; i > 0; i--)
    p = g_utf8_next_char (p);

  return (gsize) (p - self->text);
}

guint
spanmark_text_index_byte_to_char (SpanmarkTextIndex *self,
                                  gsize              byte)
{
  const char *p;
  const char *target;
  guint lo = 0;
  guint hi;
  guint chars;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (byte <= self->n_bytes, self->length);

  if (self->length == self->n_bytes)
    return (guint) byte;

  if (byte == self->n_bytes)
    return self->length;

  /* The last checkpoint at or before @byte. */
  hi = self->n_checkpoints;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->checkpoints[mid] <= byte)
        lo = mid;
      else
        hi = mid;
    }

  chars = lo * CHECKPOINT_STRIDE;
  p = self->text + self->checkpoints[lo];
  target = self->text + byte;
  while (p < target)
    {
      p = g_utf8_next_char (p);
      chars++;
    }

  return chars;
}

char *
spanmark_text_index_slice (SpanmarkTextIndex *self,
                           guint              start,
                           guint              end)
{
  gsize start_byte;
  gsize end_byte;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail (end <= self->length, NULL);

  start_byte = spanmark_text_index_char_to_byte (self, start);
  end_byte = spanmark_text_index_char_to_byte (self, end);

  return g_strndup (self->text + start_byte, end_byte - start_byte);
}

gboolean
spanmark_text_index_trim_range (SpanmarkTextIndex *self,
                                guint             *start,
                                guint             *end)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (start != NULL, FALSE);
  g_return_val_if_fail (end != NULL, FALSE);

  if (*start >= *end || *end > self->length)
    return FALSE;

  return trim_between (self->text + spanmark_text_index_char_to_byte (self, *start),
                       self->text + spanmark_text_index_char_to_byte (self, *end),
                       start, end);
}
