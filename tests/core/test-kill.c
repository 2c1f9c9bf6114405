/* test-kill.c — killing a process in the middle of saving corrupts nothing
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test binary runs itself as a child ("--save-loop DIR") that loads
 * annotations, changes them and saves them (and the index) as fast as it
 * can.  The parent kills it with SIGKILL at a random moment, many times
 * over, and after each kill checks that every file still loads and the
 * whole project validates: each write is all or nothing, and the
 * temporary files a killed write leaves behind are never taken for data.
 *
 * Imports and exports are stopped deterministically instead: the child
 * ("--import-step", "--export-step") ends itself with _exit() — which
 * leaves the files as a kill would — at the Nth step of its writes (each
 * temporary file written, each rename), for every N until it gets to the
 * end.  After each, every data file parses, the project validates, and
 * running the same command again completes with exactly the result of an
 * import or export that was never interrupted.
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spanmark-core.h"
#include "project-fixture.h"

#define N_ROUNDS 40
#define MAX_SPANS 60
/* The exit status of a child that stopped itself at the step it was
 * given. */
#define STOPPED 77

static const char * const labels[] = { "OFFICIAL", "PLACE", "INITIATIVE" };

/* The child: never returns. */
static int
save_loop (const char *dir)
{
  g_autoptr(SpanmarkProject) project = fixture_open (dir);
  g_autoptr(GRand) rand = g_rand_new ();
  const char *annotators[] = { "alice", "bob" };

  for (guint round = 0; ; round++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (project, round % 2);
      g_autoptr(SpanmarkAnnotationSet) set = NULL;
      g_autoptr(GError) error = NULL;
      guint length;

      set = spanmark_project_load_annotations (project, document, annotators[round % 2], &error);
      if (set == NULL)
        {
          fprintf (stderr, "save-loop: %s\n", error->message);
          return 3;
        }

      length = spanmark_annotation_set_get_length (set);
      if (spanmark_annotation_set_get_n_spans (set) >= MAX_SPANS)
        {
          g_autofree char *id = g_strdup (spanmark_annotation_set_get_span (set, 0)->id);

          spanmark_annotation_set_remove_span (set, id);
        }
      else
        {
          guint start = g_rand_int_range (rand, 0, length - 1);
          guint end = start + 1 + g_rand_int_range (rand, 0, MIN (6, length - start - 1) + 1);

          end = MIN (end, length);
          spanmark_annotation_set_add_span (set, start, end,
                                            labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))],
                                            NULL);
        }
      spanmark_annotation_set_set_status (set, round % 3 == 0 ? SPANMARK_STATUS_DONE
                                                              : SPANMARK_STATUS_IN_PROGRESS);

      if (!spanmark_project_save_annotations (project, set, &error))
        {
          fprintf (stderr, "save-loop: %s\n", error->message);
          return 4;
        }

      if (round % 5 == 0)
        {
          g_autofree char *name = g_strdup_printf ("Round %u", round);

          spanmark_project_set_name (project, name);
          if (!spanmark_project_save (project, &error))
            {
              fprintf (stderr, "save-loop: %s\n", error->message);
              return 5;
            }
        }

      /* Tell the parent the loop runs, so kills land in the middle of it
       * rather than during start-up. */
      if (round == 1)
        {
          fputs ("ready\n", stdout);
          fflush (stdout);
        }
    }
}

static void
wait_until_ready (int fd)
{
  char c = 0;

  for (;;)
    {
      ssize_t n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, ==, 1);
      if (c == '\n')
        return;
    }
}

static void
check_project (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_auto(GStrv) annotators = NULL;

  problems = spanmark_validate_project (folder, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      const SpanmarkProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *text = spanmark_problem_to_string (problem);
      g_autofree char *base = g_path_get_basename (problem->file);

      /* The project is valid; a kill may only leave temporary files,
       * which validation names as leftovers.  (The edits themselves put
       * two labels on one range, which validation warns about.) */
      g_test_message ("problem: %s", text);
      g_assert_cmpint (problem->severity, !=, SPANMARK_PROBLEM_ERROR);
      if (problem->severity == SPANMARK_PROBLEM_LEFTOVER)
        g_assert_true (spanmark_file_is_temporary_name (base, NULL));
    }

  /* And the project itself loads everything. */
  project = fixture_open (dir);
  g_assert_cmpuint (spanmark_project_get_n_documents (project), ==, 2);
  annotators = spanmark_project_list_annotators (project);
  for (guint i = 0; annotators[i] != NULL; i++)
    for (guint j = 0; j < spanmark_project_get_n_documents (project); j++)
      {
        g_autoptr(SpanmarkAnnotationSet) set = NULL;

        set = spanmark_project_load_annotations (project, spanmark_project_get_document (project, j),
                                                 annotators[i], &error);
        g_assert_no_error (error);
        g_assert_nonnull (set);
      }
}

static void
test_kill (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *self = NULL;
  g_autoptr(SpanmarkProject) project = fixture_make_project (dir, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) alice = NULL;
  g_autofree char *alice_path = g_build_filename (dir, "annotations", "alice", NULL);
  const char *name;
  guint n_temporary = 0;

  g_clear_object (&project);

  self = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      const char *argv[] = { self, "--save-loop", dir, NULL };
      GPid pid;
      int out_fd = -1;
      int status = 0;
      int delay_ms = g_test_rand_int_range (2, 50);

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      wait_until_ready (out_fd);
      g_usleep (delay_ms * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      close (out_fd);
      g_spawn_close_pid (pid);

      g_test_message ("round %u: killed after %d ms", round, delay_ms);
      check_project (dir);

      /* The child was still saving when it died, not stopped by an error. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
    }

  /* Whatever the kills left behind besides the data is a temporary file
   * of an atomic write, which validation above named as a leftover. */
  alice = g_dir_open (alice_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (alice)) != NULL)
    {
      if (g_str_equal (name, "d1.json"))
        continue;
      g_assert_true (g_str_has_prefix (name, ".d1.json.spanmark-"));
      n_temporary++;
    }
  g_test_message ("%u temporary files left by killed writes", n_temporary);

  spanmark_test_remove_tree (dir);
}

/* Stopping at a step */

static guint stop_at;
static gint n_steps;

static void
stop_at_step_cb (const char *step,
                 const char *path)
{
  /* _exit(): no clean-up, no atexit handlers, as after a kill.  A
   * streamed import takes steps on two threads (its index entries here,
   * the files on the writer's): each is counted once. */
  if ((guint) g_atomic_int_add (&n_steps, 1) + 1 == stop_at)
    _exit (STOPPED);
}

/* What "--import-onto-step" imports as: bob, adding his labels. */
static const SpanmarkImportOptions onto_options = { .annotator = "bob", .add_labels = TRUE };
/* What "--import-stream-step" imports as: the index streamed, as the CLI does. */
static const SpanmarkImportOptions stream_options = { .stream_index = TRUE };

/* Imports @files into @project and saves it, unless the import wrote the
 * index itself (streamed).  The number of documents added, or -1. */
static int
import_and_save (SpanmarkProject             *project,
                 GPtrArray                   *files,
                 const SpanmarkImportOptions *options,
                 GError                     **error)
{
  g_auto(SpanmarkImportReport) report = { 0 };

  spanmark_import_report_init (&report);
  if (!spanmark_import_run (project, (GFile **) files->pdata, files->len, options, &report, error))
    return -1;
  if (!report.index_written && !spanmark_project_save (project, error))
    return -1;
  return (int) report.documents_added;
}

/* The child: imports @files into @dir with @options and saves the index,
 * stopping at write step @stop. */
static int
import_child (const char                  *dir,
              const char                  *stop,
              const SpanmarkImportOptions *options,
              int                          n_files,
              char                       **paths)
{
  g_autoptr(SpanmarkProject) project = fixture_open (dir);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));

  stop_at = (guint) g_ascii_strtoull (stop, NULL, 10);
  spanmark_file_set_step_func (stop_at_step_cb);

  if (import_and_save (project, files, options, &error) < 0)
    {
      fprintf (stderr, "import-step: %s\n", error->message);
      return 3;
    }
  return 0;
}

static gboolean
export_to (const char  *dir,
           const char  *format,
           const char  *out,
           GError     **error)
{
  g_autoptr(SpanmarkProject) project = fixture_open (dir);
  g_autoptr(GFile) destination = g_file_new_for_path (out);
  SpanmarkExportOptions options;

  spanmark_export_options_init (&options);
  options.format = spanmark_export_format_lookup (format);
  g_assert_nonnull (options.format);
  options.annotator = "alice";

  return spanmark_export_run (project, &options, destination, NULL, NULL, NULL, NULL, error);
}

static int
export_child (const char *dir,
              const char *stop,
              const char *format,
              const char *out)
{
  g_autoptr(GError) error = NULL;

  stop_at = (guint) g_ascii_strtoull (stop, NULL, 10);
  spanmark_file_set_step_func (stop_at_step_cb);

  if (!export_to (dir, format, out, &error))
    {
      fprintf (stderr, "export-step: %s\n", error->message);
      return 3;
    }
  return 0;
}

/* Runs this binary with @args; returns its exit status. */
static int
run_child (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_ptr_array_add (argv, g_file_read_link ("/proc/self/exe", &error));
  g_assert_no_error (error);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (err != NULL && err[0] != '\0')
    g_test_message ("child: %s", err);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* Everything a project holds, apart from the "modified" times: equal
 * digests mean the same documents, texts and annotations. */
static char *
project_digest (const char *dir)
{
  g_autoptr(SpanmarkProject) project = fixture_open (dir);
  g_auto(GStrv) annotators = spanmark_project_list_annotators (project);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spanmark_project_get_n_documents (project); i++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (project, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = spanmark_project_load_text (project, document, &error);

      g_assert_no_error (error);
      const char *title = spanmark_document_get_title (document);

      g_string_append_printf (out, "%s %s %s\n%s\n", spanmark_document_get_id (document),
                              spanmark_document_get_path (document), title != NULL ? title : "-", text);

      for (guint a = 0; annotators[a] != NULL; a++)
        {
          g_autoptr(SpanmarkAnnotationSet) set = NULL;

          set = spanmark_project_load_annotations (project, document, annotators[a], &error);
          g_assert_no_error (error);
          g_string_append_printf (out, "  %s: %s\n", annotators[a],
                                  spanmark_status_to_string (spanmark_annotation_set_get_status (set)));
          for (guint k = 0; k < spanmark_annotation_set_get_n_spans (set); k++)
            {
              const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, k);

              g_string_append_printf (out, "    %s %u %u %s %s %s\n", span->id, span->start, span->end,
                                      span->label, span->text, span->entity != NULL ? span->entity : "-");
            }
        }
    }

  return g_string_free (out, FALSE);
}

/* Every data file parses: the index and each annotation file as JSON,
 * each text as UTF-8.  (Temporary files are not data.) */
static void
assert_files_parse (const char *dir,
                    const char *relative)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);
  g_autoptr(GDir) folder = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *child = g_build_filename (relative, name, NULL);
      g_autofree char *full = g_build_filename (dir, child, NULL);
      g_autofree char *data = NULL;
      gsize length = 0;

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        {
          assert_files_parse (dir, child);
          continue;
        }
      if (spanmark_file_is_temporary_name (name, NULL))
        continue;

      data = fixture_read (dir, child, &length);
      if (g_str_has_suffix (name, ".json"))
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GError) error = NULL;

          json_parser_load_from_data (parser, data, length, &error);
          g_assert_no_error (error);
        }
      else
        g_assert_true (g_utf8_validate (data, length, NULL));
    }
}

/* Validation finds no error, only leftovers; clean removes them all. */
static void
assert_valid_and_clean (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n_leftovers = 0;

  problems = spanmark_validate_project (folder, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      const SpanmarkProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *text = spanmark_problem_to_string (problem);

      g_test_message ("  %s", text);
      g_assert_cmpint (problem->severity, ==, SPANMARK_PROBLEM_LEFTOVER);
      n_leftovers++;
    }
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_true (spanmark_clean_project (folder, FALSE, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed->len, >=, n_leftovers);

  problems = spanmark_validate_project (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
make_inputs (const char *dir)
{
  fixture_write (dir, "news.jsonl",
                 "{\"id\": \"n1\", \"text\": \"林振邦到青溪市。\", \"spans\": "
                 "[{\"start\": 0, \"end\": 3, \"label\": \"OFFICIAL\"}, {\"start\": 4, \"end\": 7, \"label\": \"PLACE\"}]}\n"
                 "{\"id\": \"n2\", \"text\": \"没有标注。\"}\n"
                 "{\"id\": \"n3\", \"title\": \"第三\", \"text\": \"“八八战略”\\r\\n在云岚省。\", \"spans\": "
                 "[{\"start\": 1, \"end\": 5, \"label\": \"INITIATIVE\"}]}\n", -1);
  fixture_write (dir, "plain.txt", "Plain text, no spans.\n", -1);
}

/* The project an import goes into: the fixture project, or with @empty a
 * new one without documents (which an import reads once, checking and
 * writing as it reads). */
static SpanmarkProject *
make_target (const char *dir,
             gboolean    empty)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  SpanmarkProject *project;

  if (!empty)
    return fixture_make_project (dir, TRUE);
  project = spanmark_project_create (file, "New", &error);
  g_assert_no_error (error);
  return project;
}

/* Imports @paths into a fresh copy of the fixture project (or a new
 * empty project, @empty) (with @options, as the child @mode does), once without a stop, then in the
 * child stopped at each write step in turn: after each stop every file
 * parses, and the same import again (adding @n_added documents unless
 * the index lists them already) ends with the project the uninterrupted
 * import made, valid, with @label in its schema if not NULL.  Returns
 * the number of write steps. */
static guint
stop_at_every_step (const char                  *mode,
                    const char * const          *paths,
                    const SpanmarkImportOptions *options,
                    int                          n_added,
                    const char                  *label,
                    gboolean                     empty)
{
  g_autofree char *reference = spanmark_test_make_tmpdir ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *expected = NULL;
  guint n_before, step;

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));

  /* What an import that is never interrupted makes. */
  {
    g_autoptr(SpanmarkProject) project = make_target (reference, empty);
    g_autoptr(GError) error = NULL;

    n_before = spanmark_project_get_n_documents (project);
    g_assert_cmpint (import_and_save (project, files, options, &error), ==, n_added);
    g_assert_no_error (error);
    expected = project_digest (reference);
  }

  for (step = 1; ; step++)
    {
      g_autofree char *dir = spanmark_test_make_tmpdir ();
      g_autofree char *stop = g_strdup_printf ("%u", step);
      g_autoptr(SpanmarkProject) created = make_target (dir, empty);
      g_autoptr(SpanmarkProject) project = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *digest = NULL;
      gboolean indexed;
      int status;
      int added;

      g_ptr_array_add (args, (char *) mode);
      g_ptr_array_add (args, dir);
      g_ptr_array_add (args, stop);
      for (guint i = 0; paths[i] != NULL; i++)
        g_ptr_array_add (args, (char *) paths[i]);
      g_ptr_array_add (args, NULL);

      g_clear_object (&created);
      status = run_child ((const char * const *) args->pdata);
      if (status == 0)
        {
          spanmark_test_remove_tree (dir);
          break;
        }
      g_assert_cmpint (status, ==, STOPPED);
      g_test_message ("stopped at write step %u", step);

      assert_files_parse (dir, "");

      /* Run again: it completes — or, when the index was written, finds
       * every document there with the same text and annotations, and
       * adds nothing. */
      project = fixture_open (dir);
      indexed = spanmark_project_get_n_documents (project) > n_before;
      added = import_and_save (project, files, options, &error);
      g_assert_no_error (error);
      g_assert_cmpint (added, ==, indexed ? 0 : n_added);
      if (label != NULL)
        g_assert_nonnull (spanmark_schema_lookup (spanmark_project_get_schema (project), label));

      digest = project_digest (dir);
      g_assert_cmpstr (digest, ==, expected);
      assert_valid_and_clean (dir);

      spanmark_test_remove_tree (dir);
    }

  g_test_message ("%u write steps", step - 1);
  spanmark_test_remove_tree (reference);
  return step - 1;
}

/* An import stopped at every step of its writes. */
static void
test_import_steps (void)
{
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autofree char *news = g_build_filename (inputs, "news.jsonl", NULL);
  g_autofree char *plain = g_build_filename (inputs, "plain.txt", NULL);
  const char *paths[] = { news, plain, NULL };

  make_inputs (inputs);

  /* Four documents, two of them with spans: a text each and an
   * annotation file each (written and renamed), then the index. */
  g_assert_cmpuint (stop_at_every_step ("--import-step", paths, NULL, 4, NULL, FALSE), ==, 4 * 2 + 2 * 2 + 2);

  spanmark_test_remove_tree (inputs);
}

/* The same into a new project, which the import reads once, writing
 * each document as it checks it, on a writer thread: the same steps. */
static void
test_import_new_project_steps (void)
{
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autofree char *news = g_build_filename (inputs, "news.jsonl", NULL);
  g_autofree char *plain = g_build_filename (inputs, "plain.txt", NULL);
  const char *paths[] = { news, plain, NULL };

  make_inputs (inputs);
  g_assert_cmpuint (stop_at_every_step ("--import-step", paths, NULL, 4, NULL, TRUE), ==, 4 * 2 + 2 * 2 + 2);

  spanmark_test_remove_tree (inputs);
}

/* The same with the index streamed (the CLI's way): each document's
 * entry appended to a temporary index as it is made, then, once every
 * file is durable, the index written whole to another and renamed.
 * Stopped anywhere, the old index stands (and names nothing missing) or
 * the new one does with every file it names. */
static void
test_import_new_project_stream_steps (void)
{
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autofree char *news = g_build_filename (inputs, "news.jsonl", NULL);
  g_autofree char *plain = g_build_filename (inputs, "plain.txt", NULL);
  const char *paths[] = { news, plain, NULL };

  make_inputs (inputs);
  /* The files as above; an entry appended for each of the four
   * documents; the index: its head, the entries, its tail appended,
   * written and renamed. */
  g_assert_cmpuint (stop_at_every_step ("--import-stream-step", paths, &stream_options, 4, NULL, TRUE),
                    ==, 4 * 2 + 2 * 2 + 4 + 3 + 2);

  spanmark_test_remove_tree (inputs);
}

/* A CoNLL file and a folder of texts, the formats that stream, stopped
 * at every step: the second pass writes what the first checked. */
static void
test_import_streamed_steps (void)
{
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autofree char *tags = g_build_filename (inputs, "tags.conll", NULL);
  g_autofree char *texts = g_build_filename (inputs, "texts", NULL);
  const char *paths[] = { tags, texts, NULL };

  fixture_write (inputs, "tags.conll",
                 "-DOCSTART- O\n\n林 B-OFFICIAL\n振 I-OFFICIAL\n邦 I-OFFICIAL\n。 O\n\n"
                 "-DOCSTART- O\n\n青 B-PLACE\n溪 I-PLACE\n市 I-PLACE\n", -1);
  fixture_write (inputs, "texts/a.txt", "甲\n", -1);
  fixture_write (inputs, "texts/b.txt", "乙\n", -1);

  /* Two documents with spans (a text and an annotation file each), two
   * texts, each written and renamed, then the index. */
  g_assert_cmpuint (stop_at_every_step ("--import-step", paths, NULL, 4, NULL, FALSE), ==, 4 * 2 + 2 * 2 + 2);

  spanmark_test_remove_tree (inputs);
}

/* bob's work onto the project's d1 and d2, with a label the project
 * lacks (added to spanmark.json first), stopped at every step. */
static void
test_import_onto_steps (void)
{
  g_autofree char *inputs = spanmark_test_make_tmpdir ();
  g_autofree char *bob = g_build_filename (inputs, "bob.jsonl", NULL);
  const char *paths[] = { bob, NULL };

  fixture_write (inputs, "bob.jsonl",
                 "{\"id\": \"d1\", \"text\": \"" "市长王小明🙂在杭州发言，提到𠀋村。\\nHe said \\\"hi\\\"\\tthere.\\n" "\", "
                 "\"label\": [[2, 5, \"PER\"], [7, 9, \"PLACE\"]]}\n"
                 "{\"id\": \"d2\", \"text\": \"Nothing tagged here.\\n\", \"label\": [[0, 7, \"PER\"]]}\n", -1);

  /* spanmark.json with the label, bob's two files, the index again:
   * each written and renamed. */
  g_assert_cmpuint (stop_at_every_step ("--import-onto-step", paths, &onto_options, 0, "PER", FALSE), ==, 4 * 2);

  spanmark_test_remove_tree (inputs);
}

/* The output of an export: the bytes of @path, or of each file of a
 * folder ("name\nbytes\n…"). */
static char *
read_output (const char *path)
{
  g_autofree char *snapshot = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *data = NULL;

      g_file_get_contents (path, &data, NULL, NULL);
      return g_steal_pointer (&data);
    }

  snapshot = spanmark_test_snapshot_tree (path);
  lines = g_strsplit (snapshot, "\n", -1);
  out = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '.' && lines[i][0] != '\0')  /* temporary files */
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (out, FALSE);
}

static void
write_old_output (const char *out,
                  const char *format)
{
  if (g_str_equal (format, "conll"))
    fixture_write (out, "", "old\n", -1);
  else if (g_str_equal (format, "brat"))
    {
      fixture_write (out, "d1.ann", "old\n", -1);
      fixture_write (out, "annotation.conf", "old\n", -1);
    }
  else
    {
      fixture_write (out, "data.jsonl", "old\n", -1);
      fixture_write (out, "labels.json", "old\n", -1);
    }
}

/* An export stopped at every step of its writes: each output file is the
 * old or the new one, and the export run again writes the new ones. */
static void
test_export_steps (gconstpointer data)
{
  const char *format = data;
  gboolean folder = !g_str_equal (format, "conll");
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *outputs = spanmark_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (outputs, folder ? format : "data.conll", NULL);
  g_autofree char *old = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);
  g_autoptr(GError) error = NULL;
  guint step;

  if (folder)
    g_assert_cmpint (g_mkdir (out, 0755), ==, 0);
  write_old_output (out, format);
  old = read_output (out);
  g_assert_true (export_to (dir, format, out, &error));
  g_assert_no_error (error);
  expected = read_output (out);

  for (step = 1; ; step++)
    {
      g_autofree char *stop = g_strdup_printf ("%u", step);
      g_autofree char *now = NULL;
      const char *args[] = { "--export-step", dir, stop, format, out, NULL };
      int status;

      write_old_output (out, format);
      status = run_child (args);
      if (status == 0)
        break;
      g_assert_cmpint (status, ==, STOPPED);

      now = read_output (out);
      if (!folder)
        g_assert_true (g_str_equal (now, old) || g_str_equal (now, expected));
      else
        {
          /* File by file. */
          g_auto(GStrv) lines = g_strsplit (now, "\n", -1);

          for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
            g_assert_true (strstr (old, lines[i]) != NULL || strstr (expected, lines[i]) != NULL);
        }
      g_clear_pointer (&now, g_free);

      g_assert_true (export_to (dir, format, out, &error));
      g_assert_no_error (error);
      now = read_output (out);
      g_assert_cmpstr (now, ==, expected);
    }

  /* The temporary file written, then renamed; for the folders, the
   * whole files synced at once (one step), then all moved one by one:
   * hf's data.jsonl, labels.json and README.md, brat's text and
   * annotations of each document and its annotation.conf. */
  g_test_message ("%u write steps", step - 1);
  if (g_str_equal (format, "hf"))
    g_assert_cmpuint (step - 1, ==, 1 + 1 + 3);
  else if (g_str_equal (format, "brat"))
    g_assert_cmpuint (step - 1, ==, 1 + 1 + 2 * spanmark_project_get_n_documents (created) + 1);
  else
    g_assert_cmpuint (step - 1, ==, 2);

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (outputs);
}

/* A folder export to a folder that is not there yet is made beside it
 * and renamed into place whole: stopped at any step, the folder is not
 * there or it is complete. */
static void
test_export_new_folder_steps (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autofree char *outputs = spanmark_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (outputs, "brat", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(SpanmarkProject) created = fixture_make_project (dir, TRUE);
  g_autoptr(GError) error = NULL;
  guint step;

  g_assert_true (export_to (dir, "brat", out, &error));
  g_assert_no_error (error);
  expected = read_output (out);
  g_assert_nonnull (strstr (expected, "annotation.conf "));

  for (step = 1; ; step++)
    {
      g_autofree char *stop = g_strdup_printf ("%u", step);
      const char *args[] = { "--export-step", dir, stop, "brat", out, NULL };
      int status;

      spanmark_test_remove_tree (out);
      status = run_child (args);
      if (status == 0)
        break;
      g_assert_cmpint (status, ==, STOPPED);

      if (g_file_test (out, G_FILE_TEST_EXISTS))
        {
          g_autofree char *now = read_output (out);

          g_assert_cmpstr (now, ==, expected);
        }
    }

  /* Synced, then the one rename. */
  g_test_message ("%u write steps", step - 1);
  g_assert_cmpuint (step - 1, ==, 1 + 1 + 1);
  {
    g_autofree char *now = read_output (out);

    g_assert_cmpstr (now, ==, expected);
  }

  spanmark_test_remove_tree (dir);
  spanmark_test_remove_tree (outputs);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--save-loop"))
    return save_loop (argv[2]);
  if (argc >= 4 && g_str_equal (argv[1], "--import-step"))
    return import_child (argv[2], argv[3], NULL, argc - 4, argv + 4);
  if (argc >= 4 && g_str_equal (argv[1], "--import-stream-step"))
    return import_child (argv[2], argv[3], &stream_options, argc - 4, argv + 4);
  if (argc >= 4 && g_str_equal (argv[1], "--import-onto-step"))
    return import_child (argv[2], argv[3], &onto_options, argc - 4, argv + 4);
  if (argc == 6 && g_str_equal (argv[1], "--export-step"))
    return export_child (argv[2], argv[3], argv[4], argv[5]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kill/save-loop", test_kill);
  g_test_add_func ("/kill/import-every-step", test_import_steps);
  g_test_add_func ("/kill/import-onto-documents-every-step", test_import_onto_steps);
  g_test_add_func ("/kill/import-streamed-every-step", test_import_streamed_steps);
  g_test_add_func ("/kill/import-new-project-every-step", test_import_new_project_steps);
  g_test_add_func ("/kill/import-new-project-streamed-index-every-step", test_import_new_project_stream_steps);
  g_test_add_data_func ("/kill/export-every-step/conll", "conll", test_export_steps);
  g_test_add_data_func ("/kill/export-every-step/hf", "hf", test_export_steps);
  g_test_add_data_func ("/kill/export-every-step/brat", "brat", test_export_steps);
  g_test_add_func ("/kill/export-every-step/brat-new-folder", test_export_new_folder_steps);

  return g_test_run ();
}
