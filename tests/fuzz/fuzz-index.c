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

/* The index read again the usual way (json-glib for the document list
 * too): the fast way through the list gives exactly the same. */
static void
check_slow_reading (const uint8_t   *data,
                    size_t           size,
                    SpanmarkChecker *checker,
                    gboolean         ok,
                    SpanmarkIndex   *index)
{
  SpanmarkChecker slow_checker;
  SpanmarkIndex slow;
  gboolean slow_ok;

  g_setenv ("SPANMARK_INDEX_SLOW", "1", TRUE);
  spanmark_checker_init (&slow_checker);
  slow_ok = spanmark_json_read_index (&slow_checker, (const char *) data, size, &slow);
  g_unsetenv ("SPANMARK_INDEX_SLOW");

  g_assert_cmpint (ok, ==, slow_ok);
  g_assert_cmpuint (spanmark_checker_get_n_problems (checker), ==, spanmark_checker_get_n_problems (&slow_checker));
  for (guint i = 0; i < spanmark_checker_get_n_problems (checker); i++)
    {
      g_autofree char *a = spanmark_problem_to_string (g_ptr_array_index (checker->problems, i));
      g_autofree char *b = spanmark_problem_to_string (g_ptr_array_index (slow_checker.problems, i));

      g_assert_cmpstr (a, ==, b);
    }

  if (ok)
    {
      g_assert_cmpstr (index->name, ==, slow.name);
      g_assert_cmpint (index->top_level_ok, ==, slow.top_level_ok);
      g_assert_cmpuint (spanmark_schema_get_n_labels (index->schema), ==, spanmark_schema_get_n_labels (slow.schema));
      g_assert_cmpuint (index->documents->len, ==, slow.documents->len);
      for (guint i = 0; i < index->documents->len; i++)
        {
          SpanmarkDocument *a = g_ptr_array_index (index->documents, i);
          SpanmarkDocument *b = g_ptr_array_index (slow.documents, i);

          g_assert_cmpstr (spanmark_document_get_id (a), ==, spanmark_document_get_id (b));
          g_assert_cmpstr (spanmark_document_get_path (a), ==, spanmark_document_get_path (b));
          g_assert_cmpstr (spanmark_document_get_title (a), ==, spanmark_document_get_title (b));
          g_assert_cmpstr (spanmark_document_get_problem (a), ==, spanmark_document_get_problem (b));
          g_assert_true ((spanmark_document_get_meta (a) == NULL) == (spanmark_document_get_meta (b) == NULL));
          g_assert_cmpstr (g_ptr_array_index (index->locations, i), ==, g_ptr_array_index (slow.locations, i));
        }
      g_assert_cmpuint (g_hash_table_size (index->bad_ids), ==, g_hash_table_size (slow.bad_ids));
    }

  spanmark_index_clear (&slow);
  spanmark_checker_clear (&slow_checker);
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
  check_slow_reading (data, size, &checker, ok, &index);

  spanmark_index_clear (&index);
  spanmark_checker_clear (&checker);
  return 0;
}
