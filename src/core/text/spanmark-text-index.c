/* spanmark-text-index.c — code point <-> byte offset over one text
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spanmark-text-index.h"
#include "spanmark-text-private.h"

/* One checkpoint (the byte offset of a code point) every this many code
 * points: a lookup walks at most this many characters after an O(1) jump
 * (char -> byte) or an O(log n) binary search (byte -> char). */
#define CHECKPOINT_STRIDE 64

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

  return _spanmark_text_trim_between (self->text + spanmark_text_index_char_to_byte (self, *start),
                       self->text + spanmark_text_index_char_to_byte (self, *end),
                       start, end);
}
