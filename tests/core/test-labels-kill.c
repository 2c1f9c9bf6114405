/* test-labels-kill.c — renaming or removing a label survives a kill at any moment
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process (fork()) renames a label, or removes it with its
 * spans, and ends itself with _exit() — which leaves the files as a kill
 * would — at the Nth step of its writes (each temporary file written,
 * each rename into place; spanmark_file_set_step_func()), for every N
 * until it gets to the end.  After each stop the project
 * validates (no error, whatever was written so far), and running the
 * same change again completes with exactly the files of a change that was
 * never interrupted.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spanmark-core.h"
#include "labels-fixture.h"

/* The exit status of a child that stopped itself at its step. */
#define STOPPED 77

/* In the child: the writes still allowed. */
static guint steps_left;

static void
stop_cb (const char *step,
         const char *path)
{
  /* _exit(): no clean-up, as after a kill. */
  if (--steps_left == 0)
    _exit (STOPPED);
}

/* The change under test: rename @args[0] to @args[1], or (@args[1]
 * NULL) remove @args[0] with its spans; @args[2] "registry": in the
 * project with a registry (labels_fixture_add_registry()). */
static gboolean
change (const char          *dir,
        const char * const  *args,
        GError             **error)
{
  g_autoptr(SpanmarkProject) project = fixture_open (dir);

  if (args[1] != NULL)
    return spanmark_label_ops_rename (project, args[0], args[1], NULL, NULL, error);
  return spanmark_label_ops_remove (project, args[0], TRUE, NULL, error);
}

/* Makes the change in a child process that stops itself at write step
 * @step; returns its exit status. */
static int
change_in_child (const char          *dir,
                 guint                step,
                 const char * const  *args)
{
  int status = 0;
  pid_t pid;

  /* Nothing buffered may be written twice. */
  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;

      steps_left = step;
      spanmark_file_set_step_func (stop_cb);
      if (!change (dir, args, &error))
        {
          fprintf (stderr, "label change: %s\n", error->message);
          _exit (3);
        }
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* No errors; besides the temporary files of a killed write (leftovers),
 * only the warning about the interrupted rename, when @rename_warning. */
static void
assert_valid (const char *dir,
              gboolean    rename_warning)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = spanmark_validate_project (folder, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      const SpanmarkProblem *found = g_ptr_array_index (problems, i);
      g_autofree char *base = g_path_get_basename (found->file);
      gboolean temporary = found->severity == SPANMARK_PROBLEM_LEFTOVER
                           && spanmark_file_is_temporary_name (base, NULL);
      gboolean record = rename_warning && found->severity == SPANMARK_PROBLEM_WARNING
                        && g_str_equal (found->file, SPANMARK_LABEL_OPS_RENAME_FILE);

      if (!temporary && !record)
        g_error ("not expected: %s", spanmark_problem_to_string (found));
    }
}

static SpanmarkProject *
make_project (const char         *dir,
              const char * const *args)
{
  SpanmarkProject *project = labels_fixture_make (dir);

  if (args[2] != NULL)
    labels_fixture_add_registry (project);
  return project;
}

/* The annotation files and the registry's. */
static char *
digest_project (const char *dir)
{
  g_autofree char *files = labels_fixture_digest (dir);
  g_autofree char *registry = labels_fixture_registry_digest (dir);

  return g_strconcat (files, registry, NULL);
}

static void
test_steps (gconstpointer data)
{
  const char * const *args = data;
  g_autofree char *reference = spanmark_test_make_tmpdir ();
  g_autofree char *expected = NULL;
  guint step;

  /* What a change that is never interrupted makes. */
  {
    g_autoptr(SpanmarkProject) project = make_project (reference, args);
    g_autoptr(GError) error = NULL;

    g_assert_true (change (reference, args, &error));
    g_assert_no_error (error);
    expected = digest_project (reference);
    spanmark_test_remove_tree (reference);
  }

  for (step = 1; ; step++)
    {
      g_autofree char *dir = spanmark_test_make_tmpdir ();
      g_autoptr(SpanmarkProject) made = make_project (dir, args);
      g_autoptr(GError) error = NULL;
      g_autofree char *digest = NULL;
      g_autofree char *journal = g_build_filename (dir, SPANMARK_LABEL_OPS_RENAME_FILE, NULL);
      int status;

      g_clear_object (&made);
      status = change_in_child (dir, step, args);
      if (status == 0)
        {
          spanmark_test_remove_tree (dir);
          break;
        }
      g_assert_cmpint (status, ==, STOPPED);
      g_test_message ("stopped at write step %u", step);

      /* Whatever was written so far, the project is valid. */
      assert_valid (dir, args[1] != NULL);

      /* And the same change again finishes the work.  (A removal stopped
       * after its last write is complete: again, there is no such
       * label.) */
      if (change (dir, args, &error))
        g_assert_no_error (error);
      else
        {
          g_assert_null (args[1]);
          g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_NOT_FOUND);
        }
      g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
      assert_valid (dir, FALSE);
      digest = digest_project (dir);
      g_assert_cmpstr (digest, ==, expected);

      spanmark_test_remove_tree (dir);
    }

  /* Each of the 4 files that use PLACE takes two steps, and so does
   * spanmark.json (twice for a rename, with the record too). */
  g_test_message ("%u steps", step - 1);
  /* With the registry, carol's file and one registry file more. */
  g_assert_cmpuint (step - 1, ==, (args[1] != NULL ? 14 : 10) + (args[2] != NULL ? 4 : 0));
}

int
main (int   argc,
      char *argv[])
{
  static const char * const rename_args[] = { "PLACE", "LOC", NULL };
  static const char * const remove_args[] = { "PLACE", NULL, NULL };
  static const char * const registry_args[] = { "PLACE", "LOC", "registry" };

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/labels-kill/rename-every-step", rename_args, test_steps);
  g_test_add_data_func ("/labels-kill/remove-every-step", remove_args, test_steps);
  g_test_add_data_func ("/labels-kill/rename-registry-every-step", registry_args, test_steps);

  return g_test_run ();
}
