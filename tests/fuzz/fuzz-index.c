/* fuzz-index.c — the project index loader (spanmark.json)
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as spanmark.json: refused as a whole with a problem, or read
 * with the bad entries left out (each named in a problem), and what was
 * read, saved and read again, is the same and has no problem.
 */

#include "config.h"

#include "fuzz-common.h"

static void
check (SpanmarkChecker *checker,
       gboolean         ok,
       SpanmarkIndex   *index,
       FuzzJson         kind)
{
  fuzz_check_problems (checker, "spanmark.json");

  if (ok)
    {
      g_assert_cmpuint (index->documents->len, ==, index->locations->len);
      for (guint i = 0; i < index->locations->len; i++)
        fuzz_check_message ("a document's location", g_ptr_array_index (index->locations, i));
      /* Bad entries are left out with a problem each; a file without a
       * problem must have been strict JSON. */
      if (spanmark_checker_get_n_problems (checker) == 0)
        fuzz_check_strict ("spanmark.json", kind);
      fuzz_check_index (index->name, index->schema, index->documents);
    }
  else
    g_assert_cmpuint (spanmark_checker_get_n_problems (checker), >, 0);

  /* What a project shows the user: the first problem, with a count. */
  if (spanmark_checker_get_n_problems (checker) > 0)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (spanmark_checker_check (checker, "/p/spanmark.json", &error));
      fuzz_check_message ("the error", error->message);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  SpanmarkChecker checker;
  SpanmarkIndex index;
  FuzzJson kind;
  gboolean ok;

  fuzz_init ();
  kind = fuzz_json_judge ((const char *) data, size);
  if (fuzz_json_is_known_bug (kind))
    return 0;

  spanmark_checker_init (&checker);
  ok = spanmark_json_read_index (&checker, (const char *) data, size, &index);
  check (&checker, ok, &index, kind);

  spanmark_index_clear (&index);
  spanmark_checker_clear (&checker);
  return 0;
}
