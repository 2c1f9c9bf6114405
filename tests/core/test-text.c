/* test-text.c — UTF-8 validation, normalisation and offsets
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spanmark-text.h"

#define EMOJI "\xF0\x9F\x98\x80"          /* U+1F600, 4 bytes */
#define EXT_B "\xF0\xA0\x80\x80"          /* U+20000, 4 bytes */
#define ACUTE "\xCC\x81"                  /* U+0301 combining acute */
#define IDEO_SPACE "\xE3\x80\x80"         /* U+3000 */
#define NBSP "\xC2\xA0"                   /* U+00A0 */
#define BOM "\xEF\xBB\xBF"

static void
assert_removed (GArray      *removed,
                const guint *expected,
                guint        n_expected)
{
  g_assert_nonnull (removed);
  g_assert_cmpuint (removed->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpuint (g_array_index (removed, guint, i), ==, expected[i]);
}

/* Normalises the UTF-8 @text: it must succeed, giving @expected with
 * the @n_removed code points @removed_expected removed; returns the
 * removed positions, for their remapping. */
static GArray *
assert_normalizes (const char  *text,
                   const char  *expected,
                   const guint *removed_expected,
                   guint        n_removed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GArray *removed = NULL;

  out = spanmark_text_normalize (text, strlen (text), SPANMARK_TEXT_ENCODING_UTF8, &removed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, expected);
  assert_removed (removed, removed_expected, n_removed);
  return removed;
}

static void
test_validate_ok (void)
{
  const char *good = "abc " EMOJI EXT_B " e" ACUTE " 中文" IDEO_SPACE NBSP;
  g_autoptr(GError) error = NULL;
  gsize bad = 12345;

  g_assert_true (spanmark_text_validate (good, strlen (good), &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bad, ==, 12345);

  /* Empty input is valid, even with a NULL pointer. */
  g_assert_true (spanmark_text_validate ("", 0, NULL, &error));
  g_assert_true (spanmark_text_validate (NULL, 0, NULL, &error));
  g_assert_no_error (error);
}

static void
test_validate_invalid (void)
{
  static const struct {
    const char *data;
    gsize len;
    gsize offset;
  } cases[] = {
    /* 17 good ASCII bytes, then a byte that never occurs in UTF-8. */
    { "0123456789abcdefg\xFFzz", 20, 17 },
    /* A lone continuation byte after a 3-byte character. */
    { "中\x80", 4, 3 },
    /* A sequence cut short at the end of the data. */
    { "ab" EMOJI "\xE4\xB8", 8, 6 },
    /* An overlong encoding of '/'. */
    { "x\xC0\xAF", 3, 1 },
    /* A UTF-16 surrogate encoded in UTF-8. */
    { EMOJI "\xED\xA0\x80", 7, 4 },
    /* Beyond U+10FFFF. */
    { "\xF4\x90\x80\x80", 4, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("invalid UTF-8 at byte %" G_GSIZE_FORMAT,
                                                   cases[i].offset);
      gsize bad = 0;

      g_assert_false (spanmark_text_validate (cases[i].data, cases[i].len, &bad, &error));
      g_assert_error (error, SPANMARK_TEXT_ERROR, SPANMARK_TEXT_ERROR_INVALID_UTF8);
      g_assert_cmpuint (bad, ==, cases[i].offset);
      g_assert_nonnull (strstr (error->message, expected));
    }
}

static void
test_validate_nul (void)
{
  const char data[] = "ab" EMOJI "\0cd";
  g_autoptr(GError) error = NULL;
  gsize bad = 0;

  g_assert_false (spanmark_text_validate (data, sizeof data - 1, &bad, &error));
  g_assert_error (error, SPANMARK_TEXT_ERROR, SPANMARK_TEXT_ERROR_NUL);
  g_assert_cmpuint (bad, ==, 6);
  g_assert_nonnull (strstr (error->message, "byte 6"));
}

static void
test_normalize_plain (void)
{
  const char *text = "车俊 " EMOJI " e" ACUTE "\n";
  g_autoptr(GArray) removed = assert_normalizes (text, text, NULL, 0);

  g_assert_cmpuint (spanmark_text_remap_offset (removed, 5), ==, 5);
}

static void
test_normalize_bom_crlf_cr (void)
{
  /* Code points of the input: BOM 0, a 1, CR 2, LF 3, b 4, CR 5, c 6,
   * CR 7, LF 8; the BOM and the CRs of the two CRLFs go. */
  const char *text = BOM "a\r\nb\rc\r\n";
  static const guint expected[] = { 0, 2, 7 };
  g_autoptr(GArray) removed = assert_normalizes (text, "a\nb\nc\n", expected, G_N_ELEMENTS (expected));

  /* Each character keeps covering the same character. */
  g_assert_cmpuint (spanmark_text_remap_offset (removed, 1), ==, 0);  /* a */
  g_assert_cmpuint (spanmark_text_remap_offset (removed, 4), ==, 2);  /* b */
  g_assert_cmpuint (spanmark_text_remap_offset (removed, 5), ==, 3);  /* lone CR -> LF */
  g_assert_cmpuint (spanmark_text_remap_offset (removed, 6), ==, 4);  /* c */
  g_assert_cmpuint (spanmark_text_remap_offset (removed, 8), ==, 5);  /* LF */
  g_assert_cmpuint (spanmark_text_remap_offset (removed, 9), ==, 6);  /* end */
  g_assert_cmpuint (spanmark_text_remap_offset (removed, 0), ==, 0);
  g_assert_cmpuint (spanmark_text_remap_offset (NULL, 9), ==, 9);
}

static void
test_normalize_non_bmp (void)
{
  /* Removed positions count code points, not bytes or UTF-16 units. */
  const char *text = EMOJI EXT_B "\r\n" EMOJI "e" ACUTE "\r\r\n";
  static const guint expected[] = { 2, 8 };
  g_autoptr(GArray) removed = assert_normalizes (text, EMOJI EXT_B "\n" EMOJI "e" ACUTE "\n\n",
                                                 expected, G_N_ELEMENTS (expected));

  /* The emoji after the first line break: 4 -> 3. */
  g_assert_cmpuint (spanmark_text_remap_offset (removed, 4), ==, 3);
  g_assert_cmpuint (spanmark_text_remap_offset (removed, 10), ==, 8);
}

static void
test_normalize_only_bom (void)
{
  static const guint expected[] = { 0 };
  g_autoptr(GArray) removed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *empty = NULL;

  out = spanmark_text_normalize (BOM, 3, SPANMARK_TEXT_ENCODING_UTF8, &removed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "");
  assert_removed (removed, expected, 1);

  /* A BOM in the middle is text, not a mark, and stays. */
  g_clear_pointer (&out, g_free);
  out = spanmark_text_normalize ("a" BOM, 4, SPANMARK_TEXT_ENCODING_UTF8, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "a" BOM);

  empty = spanmark_text_normalize ("", 0, SPANMARK_TEXT_ENCODING_UTF8, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (empty, ==, "");
}

/* Found by fuzzing the importers: with one of two leading BOMs removed,
 * the stored text began with U+FEFF, which any BOM-aware reader of
 * documents/ID.txt drops (so its offsets are one off) and which the next
 * normalisation removes. */
static void
test_normalize_double_bom (void)
{
  static const guint expected[] = { 0, 1, 3 };
  g_autoptr(GArray) removed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;

  out = spanmark_text_normalize (BOM BOM "a\r\n", 9, SPANMARK_TEXT_ENCODING_UTF8, &removed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "a\n");
  assert_removed (removed, expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (spanmark_text_remap_offset (removed, 2), ==, 0);

  again = spanmark_text_normalize (out, strlen (out), SPANMARK_TEXT_ENCODING_UTF8, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, out);
}

/* Normalising @len bytes of @data read as @encoding fails with @code,
 * the message saying @part, and gives no text and no removed positions. */
static void
assert_normalize_refuses (const char           *data,
                          gsize                 len,
                          SpanmarkTextEncoding  encoding,
                          int                   code,
                          const char           *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) removed = NULL;
  char *out;

  out = spanmark_text_normalize (data, len, encoding, &removed, &error);
  g_assert_null (out);
  g_assert_null (removed);
  g_assert_error (error, SPANMARK_TEXT_ERROR, code);
  g_assert_nonnull (strstr (error->message, part));
}

static void
test_normalize_refuses (void)
{
  const char nul[] = "line\r\nx\0y";

  assert_normalize_refuses (nul, sizeof nul - 1, SPANMARK_TEXT_ENCODING_UTF8, SPANMARK_TEXT_ERROR_NUL, "byte 7");
  assert_normalize_refuses ("0123456789abcdefg\xFE", 18, SPANMARK_TEXT_ENCODING_UTF8,
                            SPANMARK_TEXT_ERROR_INVALID_UTF8, "invalid UTF-8 at byte 17");
}

static void
test_normalize_gb18030 (void)
{
  const char *utf8 = "浙江省委书记车俊\r\n" EMOJI " 涪陵区";
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) removed = NULL;
  g_autofree char *gb = NULL;
  g_autofree char *out = NULL;
  gsize gb_len = 0;

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gb);

  /* As UTF-8 the GB18030 bytes are refused (the first one, 0xD5, starts a
   * 2-byte sequence that 0xE3 cannot continue). */
  assert_normalize_refuses (gb, gb_len, SPANMARK_TEXT_ENCODING_UTF8, SPANMARK_TEXT_ERROR_INVALID_UTF8, "byte 0");

  /* Converted when asked, and normalised like any other text. */
  out = spanmark_text_normalize (gb, gb_len, SPANMARK_TEXT_ENCODING_GB18030,
                                 &removed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "浙江省委书记车俊\n" EMOJI " 涪陵区");
  g_assert_cmpuint (removed->len, ==, 1);
  g_assert_cmpuint (g_array_index (removed, guint, 0), ==, 8);
}

static void
test_normalize_gb18030_bad (void)
{
  /* 0x81 opens a 2- or 4-byte GB18030 sequence; 0x20 cannot follow it. */
  const char bad[] = "ok\x81\x20";

  assert_normalize_refuses (bad, sizeof bad - 1, SPANMARK_TEXT_ENCODING_GB18030, SPANMARK_TEXT_ERROR_CONVERSION,
                            "byte 2");
}

/* Random texts of BOMs, CRs, LFs, emoji and CJK: the output and the
 * removed positions against a code-point-by-code-point model. */
static void
test_normalize_random (void)
{
  static const gunichar pool[] = { '\r', '\n', 'a', 0xFEFF, 0x4E2D, 0x1F600, 0x20000, 0x0301, 0x3000 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1128);

  for (guint round = 0; round < 500; round++)
    {
      guint n = (guint) g_rand_int_range (rand, 0, 40);
      g_autofree gunichar *chars = g_new (gunichar, n + 1);
      g_autoptr(GString) input = g_string_new (NULL);
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autoptr(GArray) expected_removed = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) removed = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree gunichar *out_chars = NULL;
      glong n_out = 0;
      gboolean leading;

      for (guint i = 0; i < n; i++)
        {
          chars[i] = pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))];
          g_string_append_unichar (input, chars[i]);
        }

      /* The model: the BOMs at the start go, a CR before LF goes, a lone
       * CR is LF. */
      leading = TRUE;
      for (guint i = 0; i < n; i++)
        {
          leading = leading && chars[i] == 0xFEFF;
          if (leading ||
              (chars[i] == '\r' && i + 1 < n && chars[i + 1] == '\n'))
            g_array_append_val (expected_removed, i);
          else
            g_string_append_unichar (expected, chars[i] == '\r' ? '\n' : chars[i]);
        }

      out = spanmark_text_normalize (input->str, input->len, SPANMARK_TEXT_ENCODING_UTF8,
                                     &removed, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, expected->str);
      assert_removed (removed, (const guint *) (gpointer) expected_removed->data, expected_removed->len);

      /* Every kept character is found where remap says it is. */
      out_chars = g_utf8_to_ucs4_fast (out, -1, &n_out);
      for (guint i = 0, removed_i = 0; i < n; i++)
        {
          guint mapped = spanmark_text_remap_offset (removed, i);

          if (removed_i < removed->len && g_array_index (removed, guint, removed_i) == i)
            {
              removed_i++;
              continue;
            }
          g_assert_cmpuint (mapped, <, (guint) n_out);
          g_assert_cmpuint (out_chars[mapped], ==, chars[i] == '\r' ? '\n' : chars[i]);
        }
      g_assert_cmpuint (spanmark_text_remap_offset (removed, n), ==, (guint) n_out);
    }
}

/* Random bytes: refused exactly when GLib refuses them, at the same byte. */
static void
test_validate_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);

  for (guint round = 0; round < 2000; round++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 12);
      g_autofree char *bytes = g_malloc (n);
      g_autoptr(GError) error = NULL;
      const char *end = NULL;
      gboolean glib_ok;
      gsize bad = G_MAXSIZE;

      for (guint i = 0; i < n; i++)
        {
          /* Mostly lead and continuation bytes, so some sequences are valid. */
          static const guchar likely[] = { 'a', 0x00, 0x80, 0xBF, 0xC3, 0xE4, 0xF0, 0x9F, 0xFF };

          bytes[i] = (char) likely[g_rand_int_range (rand, 0, G_N_ELEMENTS (likely))];
        }

      glib_ok = g_utf8_validate_len (bytes, n, &end);
      g_assert_cmpint (spanmark_text_validate (bytes, n, &bad, &error), ==, glib_ok);
      if (!glib_ok)
        {
          g_autofree char *where = g_strdup_printf ("at byte %" G_GSIZE_FORMAT, (gsize) (end - bytes));

          g_assert_cmpuint (bad, ==, (gsize) (end - bytes));
          g_assert_true (g_error_matches (error, SPANMARK_TEXT_ERROR,
                                          *end == '\0' ? SPANMARK_TEXT_ERROR_NUL
                                                        : SPANMARK_TEXT_ERROR_INVALID_UTF8));
          g_assert_nonnull (strstr (error->message, where));
        }
    }
}

static void
test_remap_many (void)
{
  g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (guint));
  guint brute = 0;

  for (guint i = 0; i < 1000; i += 3)
    g_array_append_val (removed, i);

  /* Against counting removed positions below the offset. */
  for (guint offset = 0; offset < 1100; offset++)
    {
      while (brute < removed->len && g_array_index (removed, guint, brute) < offset)
        brute++;
      g_assert_cmpuint (spanmark_text_remap_offset (removed, offset), ==, offset - brute);
    }
}

static void
test_sha256 (void)
{
  g_autofree char *empty = spanmark_text_sha256 ("", -1);
  g_autofree char *abc = spanmark_text_sha256 ("abcdef", 3);
  g_autofree char *cjk = spanmark_text_sha256 ("中", -1);
  g_autofree char *cjk_bytes = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                           (const guchar *) "\xE4\xB8\xAD", 3);

  g_assert_cmpstr (empty, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_assert_cmpstr (abc, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (cjk, ==, cjk_bytes);
}

/* nettle (when built with it) against GChecksum, on every length around
 * the 64-byte block boundaries. */
static void
test_sha256_lengths (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guchar data[1100];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = (guchar) g_rand_int_range (rand, 0, 256);

  for (gsize len = 0; len <= sizeof data; len += (len < 300 ? 1 : 37))
    {
      g_autofree char *expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
      g_autofree char *actual = spanmark_text_sha256 ((const char *) data, (gssize) len);

      g_assert_cmpstr (actual, ==, expected);
    }
}

static void
test_white_space (void)
{
  /* Python's str.isspace(), all of it:
   *   [c for c in range (0x110000) if chr (c).isspace ()]
   * (tests/export/check-white-space.py checks the exports against
   * Python itself). */
  static const gunichar white[] = {
    0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680,
    0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
    0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
  };
  guint next = 0;

  for (gunichar c = 0; c <= 0x10FFFF; c++)
    {
      gboolean expected = next < G_N_ELEMENTS (white) && white[next] == c;

      if (expected)
        next++;
      if (spanmark_text_is_white_space (c) != expected)
        g_error ("U+%04X: spanmark_text_is_white_space says %s, str.isspace() %s",
                 c, expected ? "no" : "yes", expected ? "yes" : "no");
    }
  g_assert_cmpuint (next, ==, G_N_ELEMENTS (white));
}

static void
test_trim_range (void)
{
  /* 0 U+3000, 1 U+00A0, 2 车, 3 俊, 4 ' ', 5 U+3000, 6 emoji, 7 e, 8 acute,
   * 9 '\n', 10 U+3000 */
  const char *text = IDEO_SPACE NBSP "车俊 " IDEO_SPACE EMOJI "e" ACUTE "\n" IDEO_SPACE;
  static const struct
  {
    guint start, end;
    gboolean kept;
    guint trimmed_start, trimmed_end;
  } cases[] = {
    { 0, 4, TRUE, 2, 4 },
    /* Inner white space stays; the combining mark is not white space. */
    { 1, 11, TRUE, 2, 9 },
    /* Nothing to trim. */
    { 6, 9, TRUE, 6, 9 },
    /* Only white space: FALSE, offsets unchanged. */
    { 4, 6, FALSE, 4, 6 },
    { 3, 3, FALSE, 3, 3 },
  };
  guint start = 0;
  guint end = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      start = cases[i].start;
      end = cases[i].end;
      g_assert_cmpint (spanmark_text_trim_range (text, &start, &end), ==, cases[i].kept);
      g_assert_cmpuint (start, ==, cases[i].trimmed_start);
      g_assert_cmpuint (end, ==, cases[i].trimmed_end);
    }

  start = 0, end = 0;
  g_assert_false (spanmark_text_trim_range ("", &start, &end));
}

static void
test_index_trim_range (void)
{
  /* The same text as above, through the index, against the plain one. */
  const char *text = IDEO_SPACE NBSP "车俊 " IDEO_SPACE EMOJI "e" ACUTE "\n" IDEO_SPACE;
  g_autoptr(SpanmarkTextIndex) index = spanmark_text_index_new (text, -1);
  guint start;
  guint end;

  for (guint a = 0; a <= 11; a++)
    for (guint b = a; b <= 11; b++)
      {
        guint plain_start = a, plain_end = b;
        gboolean plain = spanmark_text_trim_range (text, &plain_start, &plain_end);

        start = a, end = b;
        g_assert_cmpint (spanmark_text_index_trim_range (index, &start, &end), ==, plain);
        g_assert_cmpuint (start, ==, plain_start);
        g_assert_cmpuint (end, ==, plain_end);
      }

  /* Past the end of the text. */
  start = 2, end = 12;
  g_assert_false (spanmark_text_index_trim_range (index, &start, &end));
  g_assert_cmpuint (end, ==, 12);
}

static void
test_index_small (void)
{
  /* 0 a, 1 emoji, 2 U+20000, 3 e, 4 acute, 5 中 ; bytes 0 1 5 9 10 12 15 */
  const char *text = "a" EMOJI EXT_B "e" ACUTE "中";
  static const gsize bytes[] = { 0, 1, 5, 9, 10, 12, 15 };
  g_autoptr(SpanmarkTextIndex) index = spanmark_text_index_new (text, -1);
  SpanmarkTextIndex *copy;
  g_autofree char *slice = NULL;

  g_assert_cmpuint (spanmark_text_index_get_length (index), ==, 6);
  g_assert_cmpuint (spanmark_text_index_get_n_bytes (index), ==, 15);
  g_assert_true (spanmark_text_index_get_text (index) == text);

  for (guint i = 0; i < G_N_ELEMENTS (bytes); i++)
    {
      g_assert_cmpuint (spanmark_text_index_char_to_byte (index, i), ==, bytes[i]);
      g_assert_cmpuint (spanmark_text_index_byte_to_char (index, bytes[i]), ==, i);
    }

  slice = spanmark_text_index_slice (index, 1, 3);
  g_assert_cmpstr (slice, ==, EMOJI EXT_B);
  g_clear_pointer (&slice, g_free);
  slice = spanmark_text_index_slice (index, 3, 5);
  g_assert_cmpstr (slice, ==, "e" ACUTE);
  g_clear_pointer (&slice, g_free);
  slice = spanmark_text_index_slice (index, 6, 6);
  g_assert_cmpstr (slice, ==, "");

  /* A boxed, reference-counted type. */
  g_assert_true (G_TYPE_IS_BOXED (SPANMARK_TYPE_TEXT_INDEX));
  copy = g_boxed_copy (SPANMARK_TYPE_TEXT_INDEX, index);
  g_assert_true (copy == index);
  g_boxed_free (SPANMARK_TYPE_TEXT_INDEX, copy);
  g_assert_true (spanmark_text_index_ref (index) == index);
  spanmark_text_index_unref (index);
}

static void
test_index_empty_and_ascii (void)
{
  g_autoptr(SpanmarkTextIndex) empty = spanmark_text_index_new ("", 0);
  g_autoptr(SpanmarkTextIndex) ascii = spanmark_text_index_new ("hello world", 5);
  g_autofree char *slice = NULL;

  g_assert_cmpuint (spanmark_text_index_get_length (empty), ==, 0);
  g_assert_cmpuint (spanmark_text_index_get_n_bytes (empty), ==, 0);
  g_assert_cmpuint (spanmark_text_index_char_to_byte (empty, 0), ==, 0);
  g_assert_cmpuint (spanmark_text_index_byte_to_char (empty, 0), ==, 0);

  /* @len limits the indexed text. */
  g_assert_cmpuint (spanmark_text_index_get_length (ascii), ==, 5);
  g_assert_cmpuint (spanmark_text_index_char_to_byte (ascii, 3), ==, 3);
  g_assert_cmpuint (spanmark_text_index_byte_to_char (ascii, 5), ==, 5);
  slice = spanmark_text_index_slice (ascii, 1, 5);
  g_assert_cmpstr (slice, ==, "ello");
}

/* Builds a text of @n_chars code points mixing 1-, 2-, 3- and 4-byte
 * characters, combining marks and line breaks. */
static char *
make_big_text (GRand *rand,
               guint  n_chars)
{
  static const gunichar pool[] = {
    'a', 'Z', ' ', '\n', 0xE9, 0x0301, 0x00A0, 0x4E2D, 0x6587, 0x3000,
    0x1F600, 0x20000, 0x1F44D, 0x1F3FD,
  };
  GString *s = g_string_sized_new (n_chars * 3);

  for (guint i = 0; i < n_chars; i++)
    {
      /* Runs of ASCII too, so checkpoints span mixed byte widths. */
      if (g_rand_int_range (rand, 0, 4) == 0)
        g_string_append_c (s, 'x');
      else
        g_string_append_unichar (s, pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))]);
    }

  return g_string_free (s, FALSE);
}

static void
test_index_million (void)
{
  const guint n_chars = 1000000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  g_autofree char *text = make_big_text (rand, n_chars);
  g_autoptr(SpanmarkTextIndex) index = spanmark_text_index_new (text, -1);
  g_autofree gsize *reference = g_new (gsize, n_chars + 1);
  const char *p = text;

  g_assert_cmpuint (spanmark_text_index_get_length (index), ==, n_chars);
  g_assert_cmpuint (spanmark_text_index_get_n_bytes (index), ==, strlen (text));

  /* Every position against one plain walk through the text. */
  for (guint i = 0; i <= n_chars; i++)
    {
      reference[i] = (gsize) (p - text);
      if (i < n_chars)
        p = g_utf8_next_char (p);
    }
  for (guint i = 0; i <= n_chars; i++)
    {
      g_assert_cmpuint (spanmark_text_index_char_to_byte (index, i), ==, reference[i]);
      g_assert_cmpuint (spanmark_text_index_byte_to_char (index, reference[i]), ==, i);
    }

  /* And random positions against GLib's own offset function. */
  for (guint i = 0; i < 200; i++)
    {
      guint offset = (guint) g_rand_int_range (rand, 0, (gint32) n_chars + 1);
      gsize byte = (gsize) (g_utf8_offset_to_pointer (text, offset) - text);

      g_assert_cmpuint (spanmark_text_index_char_to_byte (index, offset), ==, byte);
      g_assert_cmpuint (spanmark_text_index_byte_to_char (index, byte), ==, offset);
    }

  {
    g_autofree char *slice = spanmark_text_index_slice (index, 999990, 1000000);
    g_autofree char *expected = g_strdup (text + reference[999990]);

    g_assert_cmpstr (slice, ==, expected);
  }
}

/* spanmark_text_code_point_offsets() takes exactly what
 * g_utf8_validate_len() takes, and its offsets are those of the
 * characters. */
static void
assert_offsets_like_glib (const guchar *data,
                          gsize         len)
{
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  gboolean valid = g_utf8_validate_len ((const char *) data, len, NULL);
  guint n = 0;

  g_assert_cmpint (spanmark_text_code_point_offsets ((const char *) data, len, offsets), ==, valid);
  if (!valid)
    return;

  for (const char *p = (const char *) data; p < (const char *) data + len; p = g_utf8_next_char (p))
    g_assert_cmpuint (g_array_index (offsets, guint32, n++), ==, p - (const char *) data);
  g_assert_cmpuint (g_array_index (offsets, guint32, n), ==, len);
  g_assert_cmpuint (offsets->len, ==, n + 1);
}

static void
test_code_point_offsets (void)
{
  static const guchar edges[] = {
    0x00, 0x01, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf,
    0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff,
  };
  const char *text = "车俊😀在浙江省 e\xcc\x81 \xef\xbf\xbe.\n";
  guchar buf[4];

  assert_offsets_like_glib ((const guchar *) "", 0);
  assert_offsets_like_glib ((const guchar *) text, strlen (text));

  /* Every one and two bytes, and every three and four of the bytes where
   * the rules change: overlong forms, surrogates, U+10FFFF, cut short. */
  for (guint a = 0; a < 256; a++)
    {
      buf[0] = (guchar) a;
      assert_offsets_like_glib (buf, 1);
      for (guint b = 0; b < 256; b++)
        {
          buf[1] = (guchar) b;
          assert_offsets_like_glib (buf, 2);
        }
    }
  for (guint a = 0; a < G_N_ELEMENTS (edges); a++)
    for (guint b = 0; b < G_N_ELEMENTS (edges); b++)
      for (guint c = 0; c < G_N_ELEMENTS (edges); c++)
        for (guint d = 0; d < G_N_ELEMENTS (edges); d++)
          {
            buf[0] = edges[a];
            buf[1] = edges[b];
            buf[2] = edges[c];
            buf[3] = edges[d];
            assert_offsets_like_glib (buf, 3);
            assert_offsets_like_glib (buf, 4);
          }

  /* A text with a byte changed here and there. */
  for (guint round = 0; round < 2000; round++)
    {
      g_autofree guchar *copy = (guchar *) g_strdup (text);

      copy[g_test_rand_int_range (0, strlen (text))] = (guchar) g_test_rand_int_range (0, 256);
      assert_offsets_like_glib (copy, strlen (text));
    }
}

static void
test_strip_white_space (void)
{
  static const struct {
    const char *in;
    gssize len;
    const char *out;
  } cases[] = {
    { "  车俊\t", -1, "车俊" },
    { IDEO_SPACE NBSP "a b" IDEO_SPACE, -1, "a b" },
    { " \n\t" IDEO_SPACE, -1, "" },
    { "", -1, "" },
    { EMOJI " ", -1, EMOJI },
    /* Only @len bytes count: the rest is not looked at. */
    { " ab cd", 3, "ab" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = spanmark_text_strip_white_space (cases[i].in, cases[i].len);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

/* The digits printf writes, with room for a prefix before them. */
static void
test_format_uint (void)
{
  static const guint values[] = { 0, 7, 9, 10, 99, 100, 12345, 1000000000, G_MAXUINT };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      char buf[SPANMARK_TEXT_UINT_SIZE];
      g_autofree char *expected = g_strdup_printf ("%u", values[i]);
      char *digits = spanmark_text_format_uint (buf, values[i]);

      g_assert_cmpstr (digits, ==, expected);
      g_assert_true (digits > buf);
      *--digits = 's';
      g_assert_cmpstr (digits + 1, ==, expected);
      g_assert_cmpint (digits[0], ==, 's');
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/validate/ok", test_validate_ok);
  g_test_add_func ("/text/validate/invalid", test_validate_invalid);
  g_test_add_func ("/text/validate/nul", test_validate_nul);
  g_test_add_func ("/text/normalize/plain", test_normalize_plain);
  g_test_add_func ("/text/normalize/bom-crlf-cr", test_normalize_bom_crlf_cr);
  g_test_add_func ("/text/normalize/non-bmp", test_normalize_non_bmp);
  g_test_add_func ("/text/normalize/only-bom-and-empty", test_normalize_only_bom);
  g_test_add_func ("/text/normalize/double-bom", test_normalize_double_bom);
  g_test_add_func ("/text/normalize/refuses", test_normalize_refuses);
  g_test_add_func ("/text/normalize/gb18030", test_normalize_gb18030);
  g_test_add_func ("/text/normalize/gb18030-bad", test_normalize_gb18030_bad);
  g_test_add_func ("/text/normalize/random", test_normalize_random);
  g_test_add_func ("/text/validate/random", test_validate_random);
  g_test_add_func ("/text/remap", test_remap_many);
  g_test_add_func ("/text/sha256", test_sha256);
  g_test_add_func ("/text/sha256/lengths", test_sha256_lengths);
  g_test_add_func ("/text/white-space", test_white_space);
  g_test_add_func ("/text/trim-range", test_trim_range);
  g_test_add_func ("/text/index/trim-range", test_index_trim_range);
  g_test_add_func ("/text/index/small", test_index_small);
  g_test_add_func ("/text/index/empty-and-ascii", test_index_empty_and_ascii);
  g_test_add_func ("/text/index/million", test_index_million);
  g_test_add_func ("/text/code-point-offsets", test_code_point_offsets);
  g_test_add_func ("/text/strip-white-space", test_strip_white_space);
  g_test_add_func ("/text/format-uint", test_format_uint);

  return g_test_run ();
}
