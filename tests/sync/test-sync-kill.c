/* test-sync-kill.c — a kill -9 in the middle of a sync corrupts nothing
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A forked child annotates and syncs alice's clone as fast as it can;
 * between kills another clone (bob's) pushes, so the child's syncs
 * fetch, merge and push for real.  The parent kills the child with
 * SIGKILL at a random moment, many times over, and after each kill
 * checks that libgit2 still reads the clone (HEAD, its commit, every
 * object of its tree, the index) and the project validates.  At the end
 * a plain sync of alice's clone succeeds and brings both clones level:
 * retrying after a kill works.
 *
 * The remote is a folder, so the child itself writes into it when it
 * pushes (a server does that in its own process, and drops a dead
 * connection's lock): the parent removes the stale ref lock a killed
 * push leaves there, as a server would.
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sync-fixture.h"

#define N_ROUNDS 25
/* Kills land within this many microseconds of the child's start. */
#define MAX_DELAY 400000

static G_NORETURN void
sync_loop (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(SpanmarkSync) sync = spanmark_sync_new (folder, "alice", FALSE);

  for (guint round = 0; ; round++)
    {
      g_autoptr(SpanmarkSyncReport) report = NULL;

      sync_fixture_annotate (dir, round % 5, "alice", (round * 3) % 40, SPANMARK_STATUS_IN_PROGRESS);
      report = spanmark_sync_run (sync, NULL, NULL, NULL);
    }
}

static void
remove_remote_locks (SyncFixture *fixture)
{
  g_autofree char *lock = g_build_filename (fixture->remote, "refs", "heads", "main.lock", NULL);

  g_unlink (lock);
}

static void
test_kill_loop (SyncFixture   *fixture,
                gconstpointer  data)
{
  g_autofree char *first = g_strdup (fixture->first);
  g_autofree char *second = sync_fixture_clone (fixture, "b");
  g_autoptr(SpanmarkSyncReport) last = NULL;
  g_autoptr(SpanmarkSyncReport) level = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  guint killed = 0;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(SpanmarkSyncReport) bob = NULL;
      pid_t pid;
      int status = 0;

      /* Bob's push makes the child's next sync a merge. */
      sync_fixture_annotate (second, round % 5, "bob", (round * 5) % 40, SPANMARK_STATUS_IN_PROGRESS);
      bob = sync_fixture_sync (second, "bob");

      fflush (NULL);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        sync_loop (first);

      g_usleep (g_random_int_range (1000, MAX_DELAY));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
        killed++;
      remove_remote_locks (fixture);

      sync_fixture_check (first);
    }
  g_test_message ("%u of %u children killed while running", killed, N_ROUNDS);
  g_assert_cmpuint (killed, ==, N_ROUNDS);

  /* After all that, a sync still works, and both clones end level. */
  last = sync_fixture_sync (first, "alice");
  g_assert_true (last->pushed);
  level = sync_fixture_sync (second, "bob");
  mine = sync_fixture_read (first, "annotations/bob/yunlan-001.json");
  theirs = sync_fixture_read (second, "annotations/alice/yunlan-001.json");
  g_assert_nonnull (mine);
  g_assert_nonnull (theirs);
  {
    g_autofree char *a = sync_fixture_read (first, "annotations/alice/yunlan-001.json");

    g_assert_cmpstr (a, ==, theirs);
  }
  sync_fixture_check (first);
  sync_fixture_check (second);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sync/kill-loop", SyncFixture, NULL, sync_fixture_setup, test_kill_loop, sync_fixture_teardown);

  return g_test_run ();
}
