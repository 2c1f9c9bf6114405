/* fuzz-index.c — the project index loader (spanmark.json)
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes as spanmark.json: refused with a problem, or read, with a
 * problem for each bad entry; read without a problem, it is the same
 * once saved and read again.
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
      /* A bad entry comes with a problem and Spanmark does not write
       * such an index back; one without a problem must have been strict
       * JSON and must survive being saved and read again. */
      if (spanmark_checker_get_n_problems (checker) == 0)
        {
          fuzz_check_strict ("spanmark.json", kind);
          fuzz_check_index (index->name, index->schema, index->documents);
        }
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

  if (!fuzz_begin_json ((const char *) data, size, &kind))
    return 0;

  spanmark_checker_init (&checker);
  ok = spanmark_json_read_index (&checker, (const char *) data, size, &index);
  check (&checker, ok, &index, kind);

  spanmark_index_clear (&index);
  spanmark_checker_clear (&checker);
  return 0;
}
