/* fuzz-index-union.c — sync's union of two spanmark.json versions
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is two indexes, "OURS\0THEIRS" (no NUL: the same one twice),
 * as a sync meets them when both sides changed spanmark.json.  Either
 * there is no union (NULL: the other version is kept beside), or the
 * union reads back without a problem, with this side's documents first,
 * in order, then the other side's that this side lacks, and nothing else.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "spanmark-sync-merge.h"

static void
add_ids (const char *data,
         gsize       length,
         GPtrArray  *ids)
{
  SpanmarkChecker checker;
  SpanmarkIndex index;

  spanmark_checker_init (&checker);
  if (spanmark_json_read_index (&checker, data, length, &index))
    for (guint i = 0; i < index.documents->len; i++)
      {
        const char *id = spanmark_document_get_id (g_ptr_array_index (index.documents, i));

        if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
          g_ptr_array_add (ids, g_strdup (id));
      }
  spanmark_index_clear (&index);
  spanmark_checker_clear (&checker);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *ours = (const char *) data;
  const char *nul = memchr (data, '\0', size);
  gsize ours_length = nul != NULL ? (gsize) (nul - ours) : size;
  const char *theirs = nul != NULL ? nul + 1 : ours;
  gsize theirs_length = nul != NULL ? size - ours_length - 1 : size;
  g_autofree char *merged = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  SpanmarkChecker checker;
  SpanmarkIndex index;
  gsize length = 0;

  fuzz_init ();
  if (fuzz_json_is_known_bug (fuzz_json_judge (ours, ours_length))
      || fuzz_json_is_known_bug (fuzz_json_judge (theirs, theirs_length)))
    return 0;

  merged = spanmark_sync_merge_index (ours, ours_length, theirs, theirs_length, &length);
  if (merged == NULL)
    return 0;

  g_assert_cmpuint (length, ==, strlen (merged));
  spanmark_checker_init (&checker);
  if (!spanmark_json_read_index (&checker, merged, length, &index) || spanmark_checker_get_n_problems (&checker) > 0)
    fuzz_fail ("the union does not read back:\n%s", merged);

  add_ids (ours, ours_length, expected);
  add_ids (theirs, theirs_length, expected);
  g_assert_cmpuint (index.documents->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (spanmark_document_get_id (g_ptr_array_index (index.documents, i)), ==,
                     g_ptr_array_index (expected, i));

  spanmark_index_clear (&index);
  spanmark_checker_clear (&checker);
  return 0;
}
