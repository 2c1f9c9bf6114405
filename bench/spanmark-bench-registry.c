/* spanmark-bench-registry.c — how long a registry of N entities takes to load
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spanmark-bench-registry DIR [N]: makes a project in DIR with N entity
 * files (default 50,000) and prints the time to open the project
 * (spanmark.json only: the registry is never read on open) and to load
 * the registry, each the best of three runs.  Written without fsync: it
 * measures reading, not the disk.  A DIR made by an earlier run is used
 * as it is (N must be the same), so that a profiler sees the loading
 * alone.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "spanmark-core.h"

static const char * const labels[] = { "OFFICIAL", "PLACE", "INITIATIVE" };

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *entities = NULL;
  guint n = argc > 2 ? (guint) atoi (argv[2]) : 50000;
  guint n_made = 0;
  double best_open = G_MAXDOUBLE, best_load = G_MAXDOUBLE;

  if (argc < 2)
    {
      g_printerr ("usage: %s DIR [N]\n", argv[0]);
      return 2;
    }

  dir = g_file_new_for_commandline_arg (argv[1]);
  entities = g_build_filename (argv[1], SPANMARK_REGISTRY_DIR, NULL);
  if (g_file_test (entities, G_FILE_TEST_IS_DIR))
    n_made = n;
  else
    {
      project = spanmark_project_create (dir, "Registry bench", &error);
      if (project == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_mkdir_with_parents (entities, 0755);
    }
  for (guint i = 0; i < n - n_made; i++)
    {
      g_autofree char *id = g_strdup_printf ("bench-%010x", i);
      g_autofree char *name = g_strdup_printf ("官员%u", i);
      g_autoptr(SpanmarkRegistryEntity) entity = spanmark_registry_entity_new (id, labels[i % 3], name);
      g_autofree char *alias = g_strdup_printf ("%s同志", name);
      g_autofree char *file = g_strconcat (id, ".json", NULL);
      g_autofree char *path = g_build_filename (entities, file, NULL);
      g_autofree char *data = NULL;
      gsize length;

      spanmark_registry_entity_add_alias (entity, alias);
      spanmark_registry_entity_add_attr (entity, "title", "某市市长", "doc-1");
      spanmark_registry_entity_add_attr (entity, "region", "某市", NULL);
      data = spanmark_registry_entity_to_json (entity, &length);
      if (!g_file_set_contents (path, data, length, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  for (guint run = 0; run < 3; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(SpanmarkProject) opened = spanmark_project_open (dir, &error);
      gint64 opened_at = g_get_monotonic_time ();
      g_autoptr(SpanmarkRegistry) registry = NULL;

      if (opened == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      registry = spanmark_registry_load (opened, &error);
      if (registry == NULL || spanmark_registry_get_entities (registry)->len != n)
        {
          g_printerr ("the registry did not load whole\n");
          return 1;
        }
      best_open = MIN (best_open, (opened_at - start) / 1e6);
      best_load = MIN (best_load, (g_get_monotonic_time () - opened_at) / 1e6);
    }

  printf ("entities %u\nopen_s %.4f\nregistry_load_s %.3f\n", n, best_open, best_load);

  return 0;
}
