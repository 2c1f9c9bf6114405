/* test-status-cache.c — each document's status, read once per annotator
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-core.h"
#include "project-fixture.h"

/* Five documents for alice: d0 none of her work, d1 in progress, d2
 * done, d3 a file that is no JSON, d4 done; d5 is a broken index entry
 * (its path leaves the folder). */
static SpanmarkProject *
make_project (const char *dir)
{
  const SpanmarkStatus statuses[] = {
    SPANMARK_STATUS_NEW, SPANMARK_STATUS_IN_PROGRESS, SPANMARK_STATUS_DONE,
    SPANMARK_STATUS_NEW, SPANMARK_STATUS_DONE,
  };
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *index = g_build_filename (dir, "spanmark.json", NULL);

  project = spanmark_project_create (file, "Statuses", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i);

      spanmark_project_add_document (project, id, "Mayor Li Wei.\n", NULL, &error);
      g_assert_no_error (error);
    }
  spanmark_project_save (project, &error);
  g_assert_no_error (error);

  for (guint i = 1; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i);
      g_autoptr(SpanmarkAnnotationSet) set = NULL;

      set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, id),
                                               "alice", &error);
      g_assert_no_error (error);
      spanmark_annotation_set_set_status (set, statuses[i]);
      spanmark_project_save_annotations (project, set, &error);
      g_assert_no_error (error);
    }
  fixture_write (dir, "annotations/alice/d3.json", "{ not json", -1);
  spanmark_test_replace_in_file (index, "\"documents/d5.txt\"", "\"../d5.txt\"");

  return fixture_open (dir);
}

static SpanmarkDocument *
doc (SpanmarkProject *project,
     const char      *id)
{
  SpanmarkDocument *document = spanmark_project_lookup_document (project, id);

  g_assert_nonnull (document);

  return document;
}

typedef struct
{
  char                *dir;
  SpanmarkProject     *project;
  SpanmarkStatusCache *cache;    /* alice's */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = spanmark_test_make_tmpdir ();
  fixture->project = make_project (fixture->dir);
  fixture->cache = spanmark_status_cache_new (fixture->project, "alice");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->cache);
  g_assert_finalize_object (fixture->project);
  spanmark_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
changed_cb (SpanmarkStatusCache *cache,
            SpanmarkDocument    *document,
            GPtrArray           *seen)
{
  g_ptr_array_add (seen, document);
}

static void
test_read (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SpanmarkStatusCache) bob = spanmark_status_cache_new (fixture->project, "bob");
  g_autoptr(SpanmarkStatusCache) nobody = spanmark_status_cache_new (fixture->project, "");
  g_autofree char *d1_path = g_build_filename (fixture->dir, "annotations", "alice", "d1.json", NULL);
  g_autofree char *done = NULL;

  g_assert_true (spanmark_status_cache_get_project (fixture->cache) == fixture->project);
  g_assert_cmpstr (spanmark_status_cache_get_annotator (fixture->cache), ==, "alice");

  g_assert_cmpint (spanmark_status_cache_get (fixture->cache, doc (fixture->project, "d0")), ==, SPANMARK_STATUS_NEW);
  g_assert_cmpint (spanmark_status_cache_get (fixture->cache, doc (fixture->project, "d1")), ==, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_cmpint (spanmark_status_cache_get (fixture->cache, doc (fixture->project, "d2")), ==, SPANMARK_STATUS_DONE);
  /* A file that does not load and a broken entry have no status of their own. */
  g_assert_cmpint (spanmark_status_cache_get (fixture->cache, doc (fixture->project, "d3")), ==, SPANMARK_STATUS_NEW);
  g_assert_cmpint (spanmark_status_cache_get (fixture->cache, doc (fixture->project, "d5")), ==, SPANMARK_STATUS_NEW);
  g_assert_true (spanmark_status_cache_is_finished (fixture->cache, doc (fixture->project, "d2")));
  g_assert_false (spanmark_status_cache_is_finished (fixture->cache, doc (fixture->project, "d1")));

  /* Another annotator's files are others; an annotator name that cannot
   * name a folder has none. */
  g_assert_cmpint (spanmark_status_cache_get (bob, doc (fixture->project, "d2")), ==, SPANMARK_STATUS_NEW);
  g_assert_cmpint (spanmark_status_cache_get (nobody, doc (fixture->project, "d2")), ==, SPANMARK_STATUS_NEW);

  /* Read once: what changes on disk later is not seen until forgotten. */
  done = fixture_read (fixture->dir, "annotations/alice/d2.json", NULL);
  fixture_write (fixture->dir, "annotations/alice/d1.json", done, -1);
  spanmark_test_replace_in_file (d1_path, "\"document\": \"d2\"", "\"document\": \"d1\"");
  g_assert_cmpint (spanmark_status_cache_get (fixture->cache, doc (fixture->project, "d1")), ==, SPANMARK_STATUS_IN_PROGRESS);
  spanmark_status_cache_forget (fixture->cache, doc (fixture->project, "d1"));
  g_assert_cmpint (spanmark_status_cache_get (fixture->cache, doc (fixture->project, "d1")), ==, SPANMARK_STATUS_DONE);

}

static void
test_set (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  SpanmarkDocument *d1 = doc (fixture->project, "d1");

  g_signal_connect (fixture->cache, "changed", G_CALLBACK (changed_cb), seen);

  /* What the open document says wins over its file, and is said once. */
  spanmark_status_cache_set (fixture->cache, d1, SPANMARK_STATUS_DONE);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_true (g_ptr_array_index (seen, 0) == d1);
  g_assert_cmpint (spanmark_status_cache_get (fixture->cache, d1), ==, SPANMARK_STATUS_DONE);
  spanmark_status_cache_set (fixture->cache, d1, SPANMARK_STATUS_DONE);
  g_assert_cmpuint (seen->len, ==, 1);

  /* Forgotten, the file speaks again. */
  spanmark_status_cache_forget (fixture->cache, d1);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpint (spanmark_status_cache_get (fixture->cache, d1), ==, SPANMARK_STATUS_IN_PROGRESS);

}

static void
test_read_some_and_count (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SpanmarkStatusCache) empty_cache = NULL;
  SpanmarkStatusCounts counts;
  guint calls = 0;

  /* Two at a time: three calls pass the six documents. */
  g_assert_false (spanmark_status_cache_is_complete (fixture->cache));
  while (!spanmark_status_cache_read_some (fixture->cache, 2))
    calls++;
  g_assert_cmpuint (calls, ==, 2);
  g_assert_true (spanmark_status_cache_is_complete (fixture->cache));
  g_assert_true (spanmark_status_cache_read_some (fixture->cache, 2));

  /* The files are read: changing one now does not change the counts. */
  fixture_write (fixture->dir, "annotations/alice/d4.json", "{ not json", -1);
  spanmark_status_cache_count (fixture->cache, &counts);
  g_assert_cmpuint (counts.n_documents, ==, 6);
  g_assert_cmpuint (counts.n_files, ==, 3);
  g_assert_cmpuint (counts.n_status[SPANMARK_STATUS_NEW], ==, 3);
  g_assert_cmpuint (counts.n_status[SPANMARK_STATUS_IN_PROGRESS], ==, 1);
  g_assert_cmpuint (counts.n_status[SPANMARK_STATUS_DONE], ==, 2);
  g_assert_cmpuint (counts.n_status[SPANMARK_STATUS_REVIEWED], ==, 0);

  /* A status set here is counted; it is no file (yet). */
  spanmark_status_cache_set (fixture->cache, doc (fixture->project, "d0"), SPANMARK_STATUS_IN_PROGRESS);
  spanmark_status_cache_count (fixture->cache, &counts);
  g_assert_cmpuint (counts.n_files, ==, 3);
  g_assert_cmpuint (counts.n_status[SPANMARK_STATUS_IN_PROGRESS], ==, 2);

  /* A fresh cache reads what is there now. */
  empty_cache = spanmark_status_cache_new (fixture->project, "alice");
  spanmark_status_cache_count (empty_cache, &counts);
  g_assert_cmpuint (counts.n_files, ==, 2);
  g_assert_cmpuint (counts.n_status[SPANMARK_STATUS_DONE], ==, 1);

}

static void
assert_next (SpanmarkStatusCache *cache,
             const char          *after,
             guint                max,
             const char          *expected)
{
  SpanmarkProject *project = spanmark_status_cache_get_project (cache);
  SpanmarkDocument *found;

  found = spanmark_status_cache_find_unfinished (cache, after != NULL ? doc (project, after) : NULL, max);
  if (expected == NULL)
    g_assert_null (found);
  else
    {
      g_assert_nonnull (found);
      g_assert_cmpstr (spanmark_document_get_id (found), ==, expected);
    }
}

static void
test_find_unfinished (Fixture       *fixture,
                      gconstpointer  data)
{

  assert_next (fixture->cache, NULL, 0, "d0");
  assert_next (fixture->cache, "d0", 0, "d1");
  /* Past the done ones. */
  assert_next (fixture->cache, "d1", 0, "d3");
  /* Past the broken entry, round to the start. */
  assert_next (fixture->cache, "d4", 0, "d0");
  /* Only so many are looked at. */
  assert_next (fixture->cache, "d1", 1, NULL);
  assert_next (fixture->cache, "d1", 2, "d3");

  /* The document itself is not its own next one. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i);

      spanmark_status_cache_set (fixture->cache, doc (fixture->project, id), SPANMARK_STATUS_DONE);
    }
  spanmark_status_cache_set (fixture->cache, doc (fixture->project, "d2"), SPANMARK_STATUS_IN_PROGRESS);
  assert_next (fixture->cache, "d2", 0, NULL);
  assert_next (fixture->cache, "d3", 0, "d2");
  assert_next (fixture->cache, NULL, 0, "d2");
  assert_next (fixture->cache, NULL, 2, NULL);

}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  SPANMARK_TEST_ADD ("/status-cache/read", test_read);
  SPANMARK_TEST_ADD ("/status-cache/set", test_set);
  SPANMARK_TEST_ADD ("/status-cache/read-some-and-count", test_read_some_and_count);
  SPANMARK_TEST_ADD ("/status-cache/find-unfinished", test_find_unfinished);

  return g_test_run ();
}
