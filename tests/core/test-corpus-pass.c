/* test-corpus-pass.c — one pass over the corpus gives what the separate readers gave
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window reads every annotation file once at open (SpanmarkCorpusPass)
 * instead of once for each of the document list's statuses, the team's
 * progress, the registry's mention counts and the suggester's corpus.
 * Here both ways run on a project with every kind of trouble — several
 * annotators and the curated version, bad JSON, a file the loader refuses
 * whose JSON is right, a FIFO, a folder, a link that leads nowhere,
 * missing files, a broken index entry, an annotator without a folder —
 * and must agree on everything.
 */

#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include "spanmark-core.h"
#include "project-fixture.h"

#define TEXT "林振邦在青溪市调研。林书记说，要推进工程。\n"

static const char *all_annotators[] = { "alice", "bob", "_curated", "carol", NULL };

/* One file: @annotator's work on @id, with a mention of 林振邦 (the
 * registry's entity @entity_id, or a local "e1") and a place. */
static void
annotate (SpanmarkProject *project,
          const char      *id,
          const char      *annotator,
          SpanmarkStatus   status,
          const char      *entity_id,
          const char      *place_label)
{
  SpanmarkDocument *document = spanmark_project_lookup_document (project, id);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(SpanmarkEntity) entity = spanmark_entity_new (entity_id, "OFFICIAL", "林振邦");
  g_autoptr(SpanmarkSpan) name = spanmark_span_new ("s1", 0, 3, "OFFICIAL", "林振邦");
  g_autoptr(SpanmarkSpan) place = spanmark_span_new ("s2", 4, 7, place_label, "青溪市");
  g_autoptr(GError) error = NULL;

  set = spanmark_project_load_annotations (project, document, annotator, &error);
  g_assert_no_error (error);
  /* Written again: the status changes only. */
  if (spanmark_annotation_set_get_n_spans (set) == 0)
    {
      name->entity = g_strdup (entity_id);
      spanmark_annotation_set_load_entity (set, entity);
      spanmark_annotation_set_load_span (set, name);
      spanmark_annotation_set_load_span (set, place);
    }
  spanmark_annotation_set_load_status (set, status);
  g_assert_true (spanmark_project_save_annotations (project, set, &error));
  g_assert_no_error (error);
}

static SpanmarkProject *
make_project (char **tmp,
              char **dir)
{
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkRegistry) registry = NULL;
  g_autoptr(SpanmarkRegistryEntity) lin = spanmark_registry_entity_new ("wang-00000000a1", "OFFICIAL", "林振邦");
  g_autoptr(GError) error = NULL;
  g_autofree char *index = NULL, *fifo = NULL, *folder = NULL, *link = NULL;

  *tmp = spanmark_test_make_project ("p", "Pass", dir, &project);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%02u", i);

      g_assert_nonnull (spanmark_project_add_document (project, id, TEXT, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (spanmark_project_save (project, &error));
  g_assert_no_error (error);
  registry = spanmark_registry_load (project, &error);
  g_assert_no_error (error);
  g_assert_true (spanmark_registry_add (registry, lin, &error));
  g_assert_no_error (error);

  annotate (project, "d00", "alice", SPANMARK_STATUS_DONE, "wang-00000000a1", "PLACE");
  annotate (project, "d01", "alice", SPANMARK_STATUS_IN_PROGRESS, "wang-00000000a1", "PLACE");
  annotate (project, "d02", "alice", SPANMARK_STATUS_NEW, "e1", "PLACE");
  annotate (project, "d03", "alice", SPANMARK_STATUS_DONE, "e1", "INITIATIVE");
  annotate (project, "d00", "bob", SPANMARK_STATUS_IN_PROGRESS, "wang-00000000a1", "INITIATIVE");
  annotate (project, "d02", "bob", SPANMARK_STATUS_DONE, "wang-00000000a1", "PLACE");
  annotate (project, "d05", "bob", SPANMARK_STATUS_DONE, "e1", "PLACE");
  annotate (project, "d00", "_curated", SPANMARK_STATUS_REVIEWED, "wang-00000000a1", "PLACE");
  annotate (project, "d03", "_curated", SPANMARK_STATUS_IN_PROGRESS, "e1", "PLACE");
  /* Files the loader refuses; the status read takes the first, whose
   * JSON is right (its span's offsets are past the text's end). */
  annotate (project, "d06", "alice", SPANMARK_STATUS_DONE, "wang-00000000a1", "PLACE");
  {
    g_autofree char *path = g_build_filename (*dir, "annotations", "alice", "d06.json", NULL);

    spanmark_test_replace_in_file (path, "\"start\": 4, \"end\": 7", "\"start\": 400, \"end\": 403");
  }
  fixture_write (*dir, "annotations/alice/d07.json", "{ \"spanmark\": 1, \"status\": \"done\",", -1);
  fixture_write (*dir, "annotations/bob/d07.json", "[]\n", -1);
  /* A FIFO, a folder and a link that leads nowhere where files should be. */
  fifo = g_build_filename (*dir, "annotations", "alice", "d08.json", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  folder = g_build_filename (*dir, "annotations", "bob", "d08.json", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  link = g_build_filename (*dir, "annotations", "alice", "d09.json", NULL);
  g_assert_cmpint (symlink ("nowhere.json", link), ==, 0);
  /* d10 and d11: nobody's.  d11's index entry leaves the folder. */
  index = g_build_filename (*dir, "spanmark.json", NULL);
  spanmark_test_replace_in_file (index, "\"documents/d11.txt\"", "\"../d11.txt\"");

  return fixture_open (*dir);
}

static SpanmarkCorpusPass *
run_pass (SpanmarkProject        *project,
          SpanmarkCorpusPassFunc  func,
          gpointer                user_data,
          GPtrArray              *errors)
{
  g_autoptr(GError) error = NULL;
  SpanmarkCorpusPass *pass = spanmark_corpus_pass_run (project, func, user_data, errors, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pass);

  return pass;
}

/* Every annotator's statuses: a cache reading the files (as the document
 * list did), against one filled from @pass. */
static void
assert_statuses (const char         *dir,
                 SpanmarkCorpusPass *pass)
{
  for (guint a = 0; all_annotators[a] != NULL; a++)
    {
      g_autoptr(SpanmarkProject) reading = fixture_open (dir);
      g_autoptr(SpanmarkProject) filling = fixture_open (dir);
      g_autoptr(SpanmarkStatusCache) read = spanmark_status_cache_new (reading, all_annotators[a]);
      g_autoptr(SpanmarkStatusCache) filled = spanmark_status_cache_new (filling, all_annotators[a]);
      SpanmarkStatusCounts read_counts, filled_counts;
      g_autoptr(SpanmarkProject) probe = fixture_open (dir);

      spanmark_status_cache_expect_fill (filled);
      g_assert_true (spanmark_status_cache_get_expecting_fill (filled));
      spanmark_status_cache_fill (filled, pass);
      g_assert_false (spanmark_status_cache_get_expecting_fill (filled));
      /* Everything came with the pass: nothing is left to read. */
      g_assert_true (spanmark_status_cache_is_complete (filled));

      /* Counted before anything is asked for one by one: what the
       * filled cache counts is what the pass brought. */
      spanmark_status_cache_count (filled, &filled_counts);
      spanmark_status_cache_count (read, &read_counts);
      g_test_message ("%s: %u files, %u new, %u in progress, %u done, %u reviewed", all_annotators[a],
                      read_counts.n_files, read_counts.n_status[SPANMARK_STATUS_NEW],
                      read_counts.n_status[SPANMARK_STATUS_IN_PROGRESS], read_counts.n_status[SPANMARK_STATUS_DONE],
                      read_counts.n_status[SPANMARK_STATUS_REVIEWED]);
      g_assert_cmpmem (&filled_counts, sizeof filled_counts, &read_counts, sizeof read_counts);

      for (guint d = 0; d < spanmark_project_get_n_documents (probe); d++)
        {
          SpanmarkDocument *document = spanmark_project_get_document (probe, d);
          const char *id = spanmark_document_get_id (document);
          SpanmarkStatus status = SPANMARK_STATUS_NEW;

          g_assert_true (spanmark_corpus_pass_lookup (pass, id, all_annotators[a], &status, NULL));
          g_assert_cmpint (status, ==, spanmark_status_cache_get (read, spanmark_project_lookup_document (reading, id)));
          g_assert_cmpint (spanmark_status_cache_get (filled, spanmark_project_lookup_document (filling, id)), ==, status);
        }
    }
}

/* The team's progress as the old reader made it: every annotator's
 * status of every usable document, read one by one. */
static void
assert_team (SpanmarkProject      *project,
             SpanmarkTeamProgress *team)
{
  g_auto(GStrv) names = spanmark_project_list_annotators (project);
  guint n = 0;

  g_assert_cmpuint (spanmark_team_progress_get_n_documents (team), ==, spanmark_project_get_n_documents (project));
  for (guint a = 0; names[a] != NULL; a++)
    {
      guint n_done = 0;

      if (g_str_equal (names[a], SPANMARK_CURATED_ANNOTATOR))
        continue;
      g_assert_cmpuint (n, <, spanmark_team_progress_get_n_annotators (team));
      g_assert_cmpstr (spanmark_team_progress_get_annotator (team, n), ==, names[a]);
      for (guint d = 0; d < spanmark_project_get_n_documents (project); d++)
        {
          SpanmarkDocument *document = spanmark_project_get_document (project, d);
          SpanmarkStatus expected = SPANMARK_STATUS_NEW, status;
          gboolean theirs;

          if (spanmark_document_get_problem (document) == NULL)
            expected = spanmark_project_peek_status (project, document, names[a]);
          if (expected == SPANMARK_STATUS_DONE || expected == SPANMARK_STATUS_REVIEWED)
            n_done++;
          theirs = spanmark_team_progress_get_status (team, spanmark_document_get_id (document), n, &status);
          g_assert_cmpint (theirs, ==, expected != SPANMARK_STATUS_NEW);
          if (theirs)
            g_assert_cmpint (status, ==, expected);
        }
      g_assert_cmpuint (spanmark_team_progress_get_n_done (team, n), ==, n_done);
      n++;
    }
  g_assert_cmpuint (spanmark_team_progress_get_n_annotators (team), ==, n);
}

typedef struct
{
  SpanmarkSuggester *suggester;
  SpanmarkRegistry  *registry;
  const char        *annotator;
  guint              n_sets;
} Consumers;

static void
consume_cb (SpanmarkAnnotationSet *set,
            gpointer               user_data)
{
  Consumers *consumers = user_data;

  spanmark_suggester_add_set (consumers->suggester, set, FALSE);
  if (g_str_equal (spanmark_annotation_set_get_annotator (set), consumers->annotator))
    spanmark_registry_add_mentions (consumers->registry, set);
  consumers->n_sets++;
}

static void
assert_same_terms (SpanmarkMatcher *expected,
                   SpanmarkMatcher *got,
                   const char      *text)
{
  const SpanmarkMatcherTerm *a = spanmark_matcher_lookup (expected, text);
  const SpanmarkMatcherTerm *b = spanmark_matcher_lookup (got, text);

  g_assert_true ((a == NULL) == (b == NULL));
  if (a == NULL)
    return;
  g_assert_cmpuint (spanmark_matcher_term_get_n_entries (a), ==, spanmark_matcher_term_get_n_entries (b));
  for (guint i = 0; i < spanmark_matcher_term_get_n_entries (a); i++)
    {
      g_assert_cmpstr (spanmark_matcher_term_get_entry (a, i)->label, ==, spanmark_matcher_term_get_entry (b, i)->label);
      g_assert_cmpuint (spanmark_matcher_term_get_count (a, i), ==, spanmark_matcher_term_get_count (b, i));
    }
}

static void
test_same_as_readers (void)
{
  g_autofree char *tmp = NULL, *dir = NULL;
  g_autoptr(SpanmarkProject) project = make_project (&tmp, &dir);
  g_autoptr(SpanmarkCorpusPass) statuses_only = run_pass (project, NULL, NULL, NULL);
  g_autoptr(SpanmarkProject) separate = fixture_open (dir);
  g_autoptr(SpanmarkProject) once = fixture_open (dir);
  g_autoptr(GPtrArray) expected_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(SpanmarkSuggester) expected_suggester = spanmark_suggester_new ();
  g_autoptr(SpanmarkRegistry) expected_registry = NULL;
  g_autoptr(SpanmarkCorpusPass) pass = NULL;
  g_autoptr(SpanmarkTeamProgress) team = NULL;
  g_autoptr(SpanmarkTeamProgress) team_read = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  Consumers consumers = { spanmark_suggester_new (), NULL, "alice", 0 };
  guint n_sets;
  const char * const *annotators;

  /* The separate readers, as the window ran them. */
  n_sets = spanmark_suggester_add_project (expected_suggester, separate, expected_errors);
  expected_registry = spanmark_registry_load (separate, &error);
  g_assert_no_error (error);
  spanmark_registry_count_mentions (expected_registry, "alice", NULL);

  /* The pass, feeding the same consumers. */
  consumers.registry = spanmark_registry_load (once, &error);
  g_assert_no_error (error);
  pass = run_pass (once, consume_cb, &consumers, errors);

  annotators = spanmark_corpus_pass_get_annotators (pass);
  g_assert_cmpuint (g_strv_length ((GStrv) annotators), ==, 3);
  g_assert_cmpstr (annotators[0], ==, "_curated");
  g_assert_cmpuint (spanmark_corpus_pass_get_n_documents (pass), ==, 12);
  g_assert_false (spanmark_corpus_pass_lookup (pass, "nope", "alice", NULL, NULL));

  /* Statuses, with and without the sets. */
  assert_statuses (dir, pass);
  assert_statuses (dir, statuses_only);

  /* The team's progress: from the pass, and read on its own. */
  team = spanmark_team_progress_new_from_pass (pass);
  assert_team (separate, team);
  team_read = spanmark_team_progress_read (folder, NULL, &error);
  g_assert_no_error (error);
  assert_team (separate, team_read);
  /* alice: d00, d03, and d06, whose status reads though it does not load. */
  g_assert_cmpuint (spanmark_team_progress_get_n_done (team, 0), ==, 3);

  /* The suggester's corpus: the same sets, the same problems in the same
   * order, the same terms. */
  g_assert_cmpuint (consumers.n_sets, ==, n_sets);
  g_assert_cmpuint (errors->len, ==, expected_errors->len);
  g_assert_cmpuint (errors->len, >=, 5);  /* d06, d07 twice, d08 twice, d09 */
  for (guint i = 0; i < errors->len; i++)
    g_assert_cmpstr (((GError *) g_ptr_array_index (errors, i))->message, ==,
                     ((GError *) g_ptr_array_index (expected_errors, i))->message);
  g_assert_cmpuint (spanmark_matcher_get_n_terms (spanmark_suggester_get_matcher (consumers.suggester)), ==,
                    spanmark_matcher_get_n_terms (spanmark_suggester_get_matcher (expected_suggester)));
  g_assert_cmpuint (spanmark_matcher_get_n_entries (spanmark_suggester_get_matcher (consumers.suggester)), ==,
                    spanmark_matcher_get_n_entries (spanmark_suggester_get_matcher (expected_suggester)));
  assert_same_terms (spanmark_suggester_get_matcher (expected_suggester),
                     spanmark_suggester_get_matcher (consumers.suggester), "林振邦");
  assert_same_terms (spanmark_suggester_get_matcher (expected_suggester),
                     spanmark_suggester_get_matcher (consumers.suggester), "青溪市");

  /* The registry's counts for alice: d00 and d01 (d06 does not load). */
  g_assert_cmpuint (spanmark_registry_get_n_mentions (consumers.registry, "wang-00000000a1"), ==,
                    spanmark_registry_get_n_mentions (expected_registry, "wang-00000000a1"));
  g_assert_cmpuint (spanmark_registry_get_n_mentions (consumers.registry, "wang-00000000a1"), ==, 2);
  g_assert_cmpuint (spanmark_registry_count_documents (consumers.registry, "wang-00000000a1"), ==,
                    spanmark_registry_count_documents (expected_registry, "wang-00000000a1"));

  g_object_unref (consumers.suggester);
  g_object_unref (consumers.registry);
  spanmark_test_remove_tree (tmp);
}

/* What the cache knows newer than the pass stays: a status set (the
 * open document), one read since, and a document forgotten (its file
 * replaced) while the pass ran; nothing is known of a pass not come. */
static void
count_cb (guint *n)
{
  (*n)++;
}

static void
test_fill_keeps_newer (void)
{
  g_autofree char *tmp = NULL, *dir = NULL;
  g_autoptr(SpanmarkProject) project = make_project (&tmp, &dir);
  g_autoptr(SpanmarkCorpusPass) pass = run_pass (project, NULL, NULL, NULL);
  g_autoptr(SpanmarkStatusCache) cache = spanmark_status_cache_new (project, "alice");
  g_autoptr(SpanmarkStatusCache) none = spanmark_status_cache_new (project, "alice");
  SpanmarkDocument *d00 = spanmark_project_lookup_document (project, "d00");
  SpanmarkDocument *d01 = spanmark_project_lookup_document (project, "d01");
  SpanmarkDocument *d03 = spanmark_project_lookup_document (project, "d03");
  SpanmarkStatusCounts counts;
  guint n_filled = 0;

  spanmark_status_cache_expect_fill (cache);
  g_signal_connect_swapped (cache, "filled", G_CALLBACK (count_cb), &n_filled);
  spanmark_status_cache_set (cache, d00, SPANMARK_STATUS_IN_PROGRESS);
  /* Forgotten, then written anew: the pass read the file before. */
  spanmark_status_cache_forget (cache, d03);
  annotate (project, "d03", "alice", SPANMARK_STATUS_IN_PROGRESS, "e1", "PLACE");
  spanmark_status_cache_fill (cache, pass);
  g_assert_cmpuint (n_filled, ==, 1);

  g_assert_cmpint (spanmark_status_cache_get (cache, d00), ==, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_cmpint (spanmark_status_cache_get (cache, d01), ==, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_cmpint (spanmark_status_cache_get (cache, d03), ==, SPANMARK_STATUS_IN_PROGRESS);
  spanmark_status_cache_count (cache, &counts);
  /* Done: d06 only now (d00 set, d03 written in progress). */
  g_assert_cmpuint (counts.n_status[SPANMARK_STATUS_DONE], ==, 1);

  /* The pass did not come: the cache reads as before. */
  spanmark_status_cache_expect_fill (none);
  spanmark_status_cache_fill (none, NULL);
  g_assert_false (spanmark_status_cache_is_complete (none));
  g_assert_cmpint (spanmark_status_cache_get (none, d00), ==, SPANMARK_STATUS_DONE);

  spanmark_test_remove_tree (tmp);
}

static void
test_cancelled (void)
{
  g_autofree char *tmp = NULL, *dir = NULL;
  g_autoptr(SpanmarkProject) project = make_project (&tmp, &dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (spanmark_corpus_pass_run (project, NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  spanmark_test_remove_tree (tmp);
}

static void
count_set_cb (SpanmarkAnnotationSet *set,
              gpointer               user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, g_strconcat (spanmark_annotation_set_get_annotator (set), "/",
                                      spanmark_annotation_set_get_document_id (set), NULL));
}

/* The window has the open set loaded: the pass skips that one file (it
 * does not reach @func) and still says its status, as the full pass does. */
static void
test_skipping (void)
{
  g_autofree char *tmp = NULL, *dir = NULL;
  g_autoptr(SpanmarkProject) project = make_project (&tmp, &dir);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) some = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SpanmarkCorpusPass) full = run_pass (project, count_set_cb, all, NULL);
  g_autoptr(SpanmarkCorpusPass) skipping = NULL;
  g_autoptr(GError) error = NULL;

  skipping = spanmark_corpus_pass_run_skipping (project, "d01", "alice", count_set_cb, some, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (skipping);

  g_assert_true (g_ptr_array_find_with_equal_func (all, "alice/d01", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (some, "alice/d01", g_str_equal, NULL));
  /* Every other file, and bob's d00 next to alice's. */
  g_assert_cmpuint (some->len, ==, all->len - 1);
  g_assert_true (g_ptr_array_find_with_equal_func (some, "alice/d00", g_str_equal, NULL));

  for (guint d = 0; d < spanmark_corpus_pass_get_n_documents (full); d++)
    for (guint a = 0; all_annotators[a] != NULL; a++)
      {
        SpanmarkStatus status_full, status_skipping;
        gboolean file_full, file_skipping;

        spanmark_corpus_pass_get_at (full, d, all_annotators[a], &status_full, &file_full);
        spanmark_corpus_pass_get_at (skipping, d, all_annotators[a], &status_skipping, &file_skipping);
        g_assert_cmpint (status_full, ==, status_skipping);
        g_assert_cmpint (file_full, ==, file_skipping);
      }
  {
    SpanmarkStatus status;
    gboolean has_file;

    g_assert_true (spanmark_corpus_pass_lookup (skipping, "d01", "alice", &status, &has_file));
    g_assert_cmpint (status, ==, SPANMARK_STATUS_IN_PROGRESS);
    g_assert_true (has_file);
  }

  spanmark_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corpus-pass/same-as-readers", test_same_as_readers);
  g_test_add_func ("/corpus-pass/fill-keeps-newer", test_fill_keeps_newer);
  g_test_add_func ("/corpus-pass/cancelled", test_cancelled);
  g_test_add_func ("/corpus-pass/skipping", test_skipping);

  return g_test_run ();
}
