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
      g_autofree char *text = spanmark_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("problem: %s", text);
    }
  g_assert_cmpuint (problems->len, ==, 0);

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
   * of an atomic write, and validation above ignored it. */
  alice = g_dir_open (alice_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (alice)) != NULL)
    {
      if (g_str_equal (name, "d1.json"))
        continue;
      g_assert_true (g_str_has_prefix (name, "d1.json."));
      n_temporary++;
    }
  g_test_message ("%u temporary files left by killed writes", n_temporary);

  spanmark_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--save-loop"))
    return save_loop (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kill/save-loop", test_kill);

  return g_test_run ();
}
