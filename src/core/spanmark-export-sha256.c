/* spanmark-export-sha256.c — SHA-256 for the export's hash checks
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checking text_sha256 of every annotation file was a quarter of an
 * export's time with GLib's portable SHA-256.  Most x86-64 processors of
 * the last years have the SHA extensions, which do it several times
 * faster; this file uses them when the processor has them and GChecksum
 * otherwise.  The result is the same lowercase hex digest in both cases
 * (the export tests compare the two on many lengths).
 */

#include "config.h"

#include <string.h>

#include "spanmark-export-private.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_SHA_NI_CODE 1
#include <cpuid.h>
#include <immintrin.h>
#endif

#ifdef HAVE_SHA_NI_CODE

static const guint32 k256[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* Compresses @n_blocks 64-byte blocks into @state (a..h). */
__attribute__ ((target ("sha,sse4.1,ssse3")))
static void
sha256_blocks_ni (guint32       state[8],
                  const guchar *data,
                  gsize         n_blocks)
{
  const __m128i byte_swap = _mm_set_epi64x (0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i state0, state1, tmp;

  /* The instructions want the state as ABEF and CDGH. */
  tmp = _mm_loadu_si128 ((const __m128i *) &state[0]);      /* DCBA */
  state1 = _mm_loadu_si128 ((const __m128i *) &state[4]);   /* HGFE */
  tmp = _mm_shuffle_epi32 (tmp, 0xb1);                       /* CDAB */
  state1 = _mm_shuffle_epi32 (state1, 0x1b);                 /* EFGH */
  state0 = _mm_alignr_epi8 (tmp, state1, 8);                 /* ABEF */
  state1 = _mm_blend_epi16 (state1, tmp, 0xf0);              /* CDGH */

  for (; n_blocks > 0; n_blocks--, data += 64)
    {
      __m128i abef = state0;
      __m128i cdgh = state1;
      __m128i w[4];

      for (guint g = 0; g < 16; g++)
        {
          __m128i m, x;

          if (g < 4)
            m = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 16 * g)), byte_swap);
          else
            {
              /* W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], four at a time. */
              m = _mm_sha256msg1_epu32 (w[(g - 4) & 3], w[(g - 3) & 3]);
              m = _mm_add_epi32 (m, _mm_alignr_epi8 (w[(g - 1) & 3], w[(g - 2) & 3], 4));
              m = _mm_sha256msg2_epu32 (m, w[(g - 1) & 3]);
            }
          w[g & 3] = m;

          x = _mm_add_epi32 (m, _mm_loadu_si128 ((const __m128i *) &k256[4 * g]));
          state1 = _mm_sha256rnds2_epu32 (state1, state0, x);
          x = _mm_shuffle_epi32 (x, 0x0e);
          state0 = _mm_sha256rnds2_epu32 (state0, state1, x);
        }

      state0 = _mm_add_epi32 (state0, abef);
      state1 = _mm_add_epi32 (state1, cdgh);
    }

  tmp = _mm_shuffle_epi32 (state0, 0x1b);                    /* FEBA */
  state1 = _mm_shuffle_epi32 (state1, 0xb1);                 /* DCHG */
  state0 = _mm_blend_epi16 (tmp, state1, 0xf0);              /* DCBA */
  state1 = _mm_alignr_epi8 (state1, tmp, 8);                 /* HGFE */
  _mm_storeu_si128 ((__m128i *) &state[0], state0);
  _mm_storeu_si128 ((__m128i *) &state[4], state1);
}

static gboolean
cpu_has_sha_ni (void)
{
  static gsize checked = 0;
  static gboolean has = FALSE;

  if (g_once_init_enter (&checked))
    {
      unsigned int a, b, c, d;

      /* SSSE3 and SSE4.1 (leaf 1, ECX bits 9 and 19), SHA (leaf 7, EBX bit 29). */
      if (__get_cpuid (1, &a, &b, &c, &d) && (c & (1u << 9)) && (c & (1u << 19)) &&
          __get_cpuid_count (7, 0, &a, &b, &c, &d) && (b & (1u << 29)))
        has = TRUE;
      g_once_init_leave (&checked, 1);
    }

  return has;
}

static char *
sha256_ni (const guchar *data,
           gsize         len)
{
  guint32 state[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };
  guchar tail[128];
  gsize n_full = len / 64;
  gsize rest = len % 64;
  gsize tail_len;
  guint64 bits = (guint64) len * 8;
  char *hex;

  sha256_blocks_ni (state, data, n_full);

  /* The padding: 0x80, zeros, the length in bits, big-endian. */
  memset (tail, 0, sizeof tail);
  memcpy (tail, data + n_full * 64, rest);
  tail[rest] = 0x80;
  tail_len = rest + 1 + 8 <= 64 ? 64 : 128;
  for (guint i = 0; i < 8; i++)
    tail[tail_len - 1 - i] = (guchar) (bits >> (8 * i));
  sha256_blocks_ni (state, tail, tail_len / 64);

  hex = g_malloc (65);
  for (guint i = 0; i < 8; i++)
    g_snprintf (hex + 8 * i, 9, "%08x", state[i]);
  return hex;
}

#endif /* HAVE_SHA_NI_CODE */

char *
_spanmark_export_sha256 (const char *data,
                         gsize       len,
                         gboolean    allow_hardware)
{
#ifdef HAVE_SHA_NI_CODE
  if (allow_hardware && cpu_has_sha_ni ())
    return sha256_ni ((const guchar *) data, len);
#endif

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

gboolean
_spanmark_export_has_hardware_sha256 (void)
{
#ifdef HAVE_SHA_NI_CODE
  return cpu_has_sha_ni ();
#else
  return FALSE;
#endif
}
