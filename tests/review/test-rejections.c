/* test-rejections.c — the versions a reviewer rejected, in the curated set
 * and its file
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "../core/project-fixture.h"

/* 杭州 is 7–9 and 𠀋村 14–16 in FIXTURE_TEXT_D1. */

static void
test_set (void)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("d1", SPANMARK_CURATED_ANNOTATOR,
                                                                      FIXTURE_TEXT_D1);
  SpanmarkHistory *history = spanmark_annotation_set_get_history (set);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (spanmark_annotation_set_get_n_rejections (set), ==, 0);
  g_assert_true (spanmark_annotation_set_add_rejection (set, 14, 16, "PLACE", NULL));
  g_assert_true (spanmark_annotation_set_add_rejection (set, 7, 9, "PLACE", NULL));
  g_assert_true (spanmark_annotation_set_add_rejection (set, 7, 9, "OFFICIAL", NULL));
  g_assert_true (spanmark_annotation_set_add_rejection (set, 7, 10, "PLACE", NULL));
  /* Twice is nothing new. */
  g_assert_false (spanmark_annotation_set_add_rejection (set, 7, 9, "PLACE", NULL));
  g_assert_false (spanmark_annotation_set_add_rejection (set, 9, 9, "PLACE", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  /* By start, longer first, then by label; each carries its text. */
  g_assert_cmpuint (spanmark_annotation_set_get_n_rejections (set), ==, 4);
  g_assert_cmpuint (spanmark_annotation_set_get_rejection (set, 0)->end, ==, 10);
  g_assert_cmpstr (spanmark_annotation_set_get_rejection (set, 1)->label, ==, "OFFICIAL");
  g_assert_cmpstr (spanmark_annotation_set_get_rejection (set, 2)->label, ==, "PLACE");
  g_assert_cmpstr (spanmark_annotation_set_get_rejection (set, 2)->text, ==, "杭州");
  g_assert_cmpuint (spanmark_annotation_set_get_rejection (set, 3)->start, ==, 14);
  g_assert_true (spanmark_annotation_set_is_rejected (set, 7, 9, "OFFICIAL"));
  g_assert_false (spanmark_annotation_set_is_rejected (set, 7, 9, "INITIATIVE"));

  /* Each is an undo step. */
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 4);
  g_assert_true (spanmark_annotation_set_remove_rejection (set, 7, 9, "OFFICIAL"));
  g_assert_false (spanmark_annotation_set_remove_rejection (set, 7, 9, "OFFICIAL"));
  g_assert_false (spanmark_annotation_set_is_rejected (set, 7, 9, "OFFICIAL"));
  g_assert_true (spanmark_history_undo (history));
  g_assert_true (spanmark_annotation_set_is_rejected (set, 7, 9, "OFFICIAL"));
  g_assert_true (spanmark_history_undo (history));
  g_assert_false (spanmark_annotation_set_is_rejected (set, 7, 10, "PLACE"));
  g_assert_true (spanmark_history_redo (history));
  g_assert_true (spanmark_annotation_set_is_rejected (set, 7, 10, "PLACE"));

  /* A decision on a reviewed document puts it back in progress, as
   * editing a done one does; undo gives "reviewed" back. */
  spanmark_annotation_set_set_status (set, SPANMARK_STATUS_REVIEWED);
  g_assert_true (spanmark_annotation_set_remove_rejection (set, 14, 16, "PLACE"));
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_true (spanmark_history_undo (history));
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_REVIEWED);
  g_assert_nonnull (spanmark_annotation_set_add_span (set, 0, 2, "OFFICIAL", NULL));
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_IN_PROGRESS);
}

/* The file keeps them in "rejected", after "entities"; without any the
 * file has no such key, as before rejections existed. */
static void
test_file (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, FALSE);
  SpanmarkDocument *d1 = spanmark_project_lookup_document (project, "d1");
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(SpanmarkAnnotationSet) loaded = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  set = spanmark_project_load_annotations (project, d1, SPANMARK_CURATED_ANNOTATOR, &error);
  g_assert_no_error (error);
  spanmark_annotation_set_add_span (set, 7, 9, "PLACE", NULL);
  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);
  data = fixture_read (dir, "annotations/_curated/d1.json", NULL);
  g_assert_null (strstr (data, "rejected"));
  g_assert_true (g_str_has_suffix (data, "\"entities\": []\n}\n"));
  g_clear_pointer (&data, g_free);

  spanmark_annotation_set_add_rejection (set, 14, 16, "PLACE", NULL);
  spanmark_annotation_set_add_rejection (set, 2, 5, "OFFICIAL", NULL);
  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);
  data = fixture_read (dir, "annotations/_curated/d1.json", NULL);
  g_assert_true (g_str_has_suffix (data,
                                   "\"entities\": [],\n"
                                   "  \"rejected\": [\n"
                                   "    {\"start\": 2, \"end\": 5, \"label\": \"OFFICIAL\", \"text\": \"王小明\"},\n"
                                   "    {\"start\": 14, \"end\": 16, \"label\": \"PLACE\", \"text\": \"𠀋村\"}\n"
                                   "  ]\n"
                                   "}\n"));

  loaded = spanmark_project_load_annotations (project, d1, SPANMARK_CURATED_ANNOTATOR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (loaded), ==, 1);
  g_assert_cmpuint (spanmark_annotation_set_get_n_rejections (loaded), ==, 2);
  g_assert_true (spanmark_annotation_set_is_rejected (loaded, 14, 16, "PLACE"));
  g_assert_true (spanmark_annotation_set_is_rejected (loaded, 2, 5, "OFFICIAL"));
  /* Loading is not an edit. */
  g_assert_false (spanmark_history_can_undo (spanmark_annotation_set_get_history (loaded)));

  problems = spanmark_validate_project (file, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpint (((SpanmarkProblem *) g_ptr_array_index (problems, i))->severity, !=, SPANMARK_PROBLEM_ERROR);

  spanmark_test_remove_tree (dir);
}

static void
assert_load_fails (const char *dir,
                   const char *annotator,
                   const char *rejected,
                   const char *message)
{
  g_autoptr(SpanmarkProject) project = fixture_open (dir);
  g_autofree char *sha256 = spanmark_text_sha256 (FIXTURE_TEXT_D1, -1);
  g_autofree char *relative = g_strdup_printf ("annotations/%s/d1.json", annotator);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;

  data = g_strdup_printf ("{\"spanmark\": 1, \"document\": \"d1\", \"text_sha256\": \"%s\", "
                          "\"annotator\": \"%s\", \"status\": \"in-progress\", \"modified\": null, "
                          "\"spans\": [], \"entities\": [], \"rejected\": %s}\n",
                          sha256, annotator, rejected);
  fixture_write (dir, relative, data, -1);
  set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d1"),
                                           annotator, &error);
  g_assert_null (set);
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, relative));
  g_assert_nonnull (strstr (error->message, message));
}

/* Bad rejections are refused like bad spans, naming the place.  Any
 * annotator's file may have them: an annotator's are the suggestions they
 * rejected (docs/formats.md). */
static void
test_bad (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, FALSE);

  assert_load_fails (dir, "alice", "{}", "\"rejected\": must be an array");
  assert_load_fails (dir, "alice",
                     "[{\"start\": 7, \"end\": 9, \"label\": \"PLACE\", \"text\": \"杭州\"}, "
                     "{\"start\": 7, \"end\": 9, \"label\": \"PLACE\", \"text\": \"杭州\"}]",
                     "rejected[1] (label \"PLACE\"): rejects 7–9 PLACE a second time");
  assert_load_fails (dir, SPANMARK_CURATED_ANNOTATOR, "{}", "\"rejected\": must be an array");
  assert_load_fails (dir, SPANMARK_CURATED_ANNOTATOR, "[3]", "rejected[0]: must be an object");
  assert_load_fails (dir, SPANMARK_CURATED_ANNOTATOR,
                     "[{\"start\": 7, \"end\": 9, \"label\": \"PLACE\", \"text\": \"杭\"}]",
                     "rejected[0] (label \"PLACE\"): text \"杭\" differs from the text at 7–9, \"杭州\"");
  assert_load_fails (dir, SPANMARK_CURATED_ANNOTATOR,
                     "[{\"start\": 7, \"end\": 900, \"label\": \"PLACE\", \"text\": \"杭州\"}]",
                     "end 900 is past the end of the text");
  assert_load_fails (dir, SPANMARK_CURATED_ANNOTATOR,
                     "[{\"start\": 7, \"end\": 9, \"label\": \"TOWN\", \"text\": \"杭州\"}]",
                     "label \"TOWN\" is not a label of the project");
  assert_load_fails (dir, SPANMARK_CURATED_ANNOTATOR,
                     "[{\"start\": 7, \"end\": 9, \"label\": \"PLACE\", \"text\": \"杭州\"}, "
                     "{\"start\": 7, \"end\": 9, \"label\": \"PLACE\", \"text\": \"杭州\"}]",
                     "rejected[1] (label \"PLACE\"): rejects 7–9 PLACE a second time");

  spanmark_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rejections/set", test_set);
  g_test_add_func ("/rejections/file", test_file);
  g_test_add_func ("/rejections/bad", test_bad);

  return g_test_run ();
}
