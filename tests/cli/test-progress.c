/* test-progress.c — the export's progress line: on a terminal only
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spanmark-cli runs with its standard error on a pseudo-terminal, as in
 * a shell, and on a pipe, as in a script.
 */

/* posix_openpt(), grantpt(), unlockpt(), ptsname() */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli-test-util.h"

static const char *docs[] = {
  "a", "市长王小明在杭州发言。\n",
  "b", "Nothing tagged here.\n",
  "c", "Third.\n",
  NULL,
};

/* The project "p" in @tmp, with alice's work on one document. */
static void
make_project (const char *tmp)
{
  g_autofree char *dir = g_build_filename (tmp, "p", NULL);

  cli_make_project (tmp, docs);
  cli_write_annotations (dir, "alice", "a", "done", "OFFICIAL 0 2, PLACE 5 7");
}

/* Runs spanmark-cli with @args (NULL-terminated, after the program) in
 * @cwd, its standard error a new pseudo-terminal; returns what it wrote
 * there and stores its exit status. */
static char *
run_on_terminal (const char  *cwd,
                 const char **args,
                 int         *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GPid pid;
  int master, slave, wait_status = 0;
  char buffer[4096];

  master = posix_openpt (O_RDWR | O_NOCTTY | O_CLOEXEC);
  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  slave = open (ptsname (master), O_RDWR | O_NOCTTY | O_CLOEXEC);
  g_assert_cmpint (slave, >=, 0);

  g_ptr_array_add (argv, (char *) g_getenv ("SPANMARK_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_async_with_fds (cwd, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                          &pid, -1, -1, slave, &error);
  g_assert_no_error (error);
  close (slave);

  /* Until the child is gone: then reading the master fails (EIO). */
  for (;;)
    {
      gssize n = read (master, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (out, buffer, n);
    }
  close (master);

  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (wait_status));
  *status = WEXITSTATUS (wait_status);

  g_test_message ("on the terminal: %s", out->str);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_terminal (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  const char *args[] = { "export", "p", "--format", "conll", "-o", "out.conll", NULL };
  const char *last = "Exporting: 3 of 3 documents (100%)";
  g_autofree char *blank = g_strnfill (strlen (last), ' ');
  g_autofree char *erased = g_strdup_printf ("\r%s\rExported 3 documents by alice", blank);
  g_autofree char *seen = NULL;
  int status;

  make_project (tmp);
  seen = run_on_terminal (tmp, args, &status);
  g_assert_cmpint (status, ==, 0);

  /* Rewritten in place: the first and the last state, each after a "\r",
   * then erased before the summary. */
  g_assert_nonnull (strstr (seen, "\rExporting: 0 of 3 documents (0%)"));
  g_assert_nonnull (strstr (seen, "\rExporting: 3 of 3 documents (100%)"));
  g_assert_nonnull (strstr (seen, erased));

  spanmark_test_remove_tree (tmp);
}

static void
test_quiet (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  const char *args[] = { "export", "p", "--format", "conll", "-o", "out.conll", "--quiet", NULL };
  g_autofree char *seen = NULL;
  int status;

  make_project (tmp);
  seen = run_on_terminal (tmp, args, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (strstr (seen, "Exporting"));
  g_assert_nonnull (strstr (seen, "Exported 3 documents by alice"));

  spanmark_test_remove_tree (tmp);
}

/* On a pipe (a script, a log): no progress, no "\r". */
static void
test_pipe (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *err = NULL;

  make_project (tmp);
  g_assert_cmpint (cli_run (tmp, NULL, &err, "export", "p", "--format", "conll", "-o", "out.conll", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "Exported 3 documents by alice\n");

  spanmark_test_remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/progress/terminal", test_terminal);
  g_test_add_func ("/cli/progress/quiet", test_quiet);
  g_test_add_func ("/cli/progress/pipe", test_pipe);

  return g_test_run ();
}
