/* spanmark-bench-entity-panel.c — the corpus-wide panel with 50,000 registry entities
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spanmark-bench-entity-panel DIR [N] makes a project with one document
 * and N registry files (default 50,000, all OFFICIAL: one panel holds
 * them all; each with an alias; written without fsync), opens it in the
 * real window and prints: the time spanmark_window_open_project() takes
 * (the main thread), the time until the registry, read in its thread,
 * is listed in the panel, and for every key of a typed search ("林",
 * "林振", … and back, then an alias) the time from the key to the list
 * filtered and the main loop idle again (the rows drawn), the median
 * and the worst; the filtering alone (the key to the model's new
 * length); the most CPU time one main loop iteration took after a key
 * until the list was complete (the list learns of new positions a few
 * a frame: what a frame costs); and, for comparison, a redraw of the
 * unchanged window.  Run
 * under Xvfb (docs/benchmarks.md, "Entity panel").
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "spanmark-resources.h"
#include "spanmark-settings.h"
#include "spanmark-window.h"

static const char * const surnames[] = { "林", "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周" };
static const char * const given[] = { "振", "邦", "伟", "芳", "明", "华", "强", "军", "平", "红",
                                      "国", "建", "文", "海", "丽", "春", "东", "志", "勇", "霞" };

static void
die (const GError *error)
{
  g_printerr ("%s\n", error->message);
  exit (1);
}

static void
make_project (const char *path,
              guint       n)
{
  g_autoptr(GFile) dir = g_file_new_for_commandline_arg (path);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *entities = NULL;

  project = spanmark_project_create (dir, "Entity panel bench", &error);
  if (project == NULL ||
      spanmark_project_add_document (project, "d1", "林振邦在青溪市调研。\n", NULL, &error) == NULL ||
      !spanmark_project_save (project, &error))
    die (error);

  entities = g_build_filename (path, SPANMARK_REGISTRY_DIR, NULL);
  g_mkdir_with_parents (entities, 0755);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("bench-%010x", i);
      g_autofree char *name = g_strdup_printf ("%s%s%s%u", surnames[i % 10], given[(i / 10) % 20],
                                               given[(i / 200) % 20], i);
      g_autofree char *alias = g_strdup_printf ("%s书记%u", surnames[i % 10], i);
      g_autoptr(SpanmarkRegistryEntity) entity = spanmark_registry_entity_new (id, "OFFICIAL", name);
      g_autofree char *file = g_strconcat (id, ".json", NULL);
      g_autofree char *file_path = g_build_filename (entities, file, NULL);
      g_autofree char *data = NULL;
      gsize length;

      spanmark_registry_entity_add_alias (entity, alias);
      spanmark_registry_entity_add_attr (entity, "title", "某市市长", "d1");
      data = spanmark_registry_entity_to_json (entity, &length);
      if (!g_file_set_contents (file_path, data, length, &error))
        die (error);
    }
}

static void
run_until_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The main thread's CPU time, in µs: what a key costs, whatever else
 * the machine runs (the wall clock is given too). */
static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Changes the entry's text to @text as typing does: the characters
 * after the common beginning deleted (Backspace), the new ones inserted
 * at the end (a key, or an input method's commit).  Not
 * gtk_editable_set_text(), which empties the entry first: a search entry
 * searches at once for "" and the bench would time two searches a key. */
static void
type_key (GtkEditable *editable,
          const char  *text)
{
  const char *old = gtk_editable_get_text (editable);
  const char *a = old, *b = text;
  int position;

  while (*a != '\0' && *a == *b)
    a++, b++;
  /* Back to the start of the character both began. */
  while (a > old && (*a & 0xc0) == 0x80)
    a--, b--;
  gtk_editable_delete_text (editable, (int) g_utf8_pointer_to_offset (old, a), -1);
  position = (int) g_utf8_strlen (gtk_editable_get_text (editable), -1);
  gtk_editable_insert_text (editable, b, -1, &position);
}

/* Runs the main loop until it is idle and the panel's list is told of
 * every match (a few positions a frame); returns the most CPU time one
 * iteration took on the main thread (a frame's work), in ms. */
static double
settle (SpanmarkLabelPanel *panel)
{
  double longest = 0;

  while (spanmark_label_panel_is_listing (panel) || g_main_context_pending (NULL))
    {
      gint64 start = cpu_now ();

      g_main_context_iteration (NULL, TRUE);
      longest = MAX (longest, (cpu_now () - start) / 1e3);
    }

  return longest;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  static const char * const keys[] = { "林", "林振", "林振邦", "林振", "林", "", "王", "王书", "王书记",
                                        "王书记1", "王书记12", "王书记123", "王书记12", "", "z", "" };
  guint n = argc > 2 ? (guint) atoi (argv[2]) : 50000;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) redraw_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) handler_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  SpanmarkWindow *window;
  SpanmarkLabelPanel *panel;
  GtkWidget *entry;
  GListModel *model;
  gint64 start, opened, listed;

  if (argc < 2)
    {
      g_printerr ("usage: %s DIR [N]\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();
  /* Referencing the resource links it in, with the window's template. */
  if (spanmark_get_resource () == NULL)
    g_error ("no resources");
  g_settings_set_string (spanmark_settings_get_gsettings (spanmark_settings_get_default ()),
                         "annotator-name", "bench");

  make_project (argv[1], n);
  dir = g_file_new_for_commandline_arg (argv[1]);

  window = spanmark_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  run_until_idle ();

  start = g_get_monotonic_time ();
  if (!spanmark_window_open_project (window, dir, &error))
    die (error);
  opened = g_get_monotonic_time ();
  while (spanmark_window_get_registry (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  panel = spanmark_window_get_label_panel (window, "OFFICIAL");
  settle (panel);
  listed = g_get_monotonic_time ();

  model = spanmark_label_panel_get_registry_model (panel);
  entry = spanmark_label_panel_get_search_entry (panel);
  if (g_list_model_get_n_items (model) != n)
    g_error ("the panel lists %u entities, not %u", g_list_model_get_n_items (model), n);

  for (guint round = 0; round < 3; round++)
    for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
      {
        gint64 key_start = g_get_monotonic_time ();
        gint64 cpu_start = cpu_now ();
        gint64 filtered, typed;
        double ms;

        type_key (GTK_EDITABLE (entry), keys[k]);
        typed = g_get_monotonic_time ();
        g_signal_emit_by_name (entry, "search-changed");
        (void) g_list_model_get_n_items (model);
        filtered = g_get_monotonic_time ();
        ms = (filtered - typed) / 1e3;
        g_array_append_val (handler_times, ms);
        ms = (cpu_now () - cpu_start) / 1e3;
        g_array_append_val (cpu_times, ms);
        /* The handler is the first iteration's work. */
        ms = MAX (ms, settle (panel));
        g_array_append_val (frame_times, ms);
        ms = (g_get_monotonic_time () - key_start) / 1e3;
        g_array_append_val (times, ms);
        ms = (filtered - key_start) / 1e3;
        g_array_append_val (filter_times, ms);
        if (g_getenv ("SPANMARK_BENCH_EACH_KEY") != NULL)
          fprintf (stderr, "key \"%s\": %u matches, filtered %.2f ms, idle %.2f ms, longest iteration %.2f ms CPU\n",
                   keys[k], g_list_model_get_n_items (model), ms,
                   g_array_index (times, double, times->len - 1),
                   g_array_index (frame_times, double, frame_times->len - 1));

        /* The same window drawn again with nothing changed: what a
         * frame of the software renderer costs under Xvfb. */
        key_start = g_get_monotonic_time ();
        gtk_widget_queue_draw (GTK_WIDGET (window));
        run_until_idle ();
        ms = (g_get_monotonic_time () - key_start) / 1e3;
        g_array_append_val (redraw_times, ms);
      }
  g_array_sort (times, compare_doubles);
  g_array_sort (filter_times, compare_doubles);
  g_array_sort (redraw_times, compare_doubles);
  g_array_sort (cpu_times, compare_doubles);
  g_array_sort (handler_times, compare_doubles);
  g_array_sort (frame_times, compare_doubles);

  printf ("entities %u\nopen_project_s %.4f\nregistry_listed_s %.3f\n"
          "filter_key_median_ms %.2f\nfilter_key_worst_ms %.2f\n"
          "key_to_idle_median_ms %.2f\nkey_to_idle_worst_ms %.2f\n"
          "filter_key_cpu_median_ms %.2f\nfilter_key_cpu_worst_ms %.2f\n"
          "filter_only_median_ms %.2f\nfilter_only_worst_ms %.2f\n"
          "longest_iteration_cpu_median_ms %.2f\nlongest_iteration_cpu_worst_ms %.2f\n"
          "redraw_unchanged_median_ms %.2f\nkeys %u\n",
          n, (opened - start) / 1e6, (listed - opened) / 1e6,
          g_array_index (filter_times, double, filter_times->len / 2),
          g_array_index (filter_times, double, filter_times->len - 1),
          g_array_index (times, double, times->len / 2), g_array_index (times, double, times->len - 1),
          g_array_index (cpu_times, double, cpu_times->len / 2),
          g_array_index (cpu_times, double, cpu_times->len - 1),
          g_array_index (handler_times, double, handler_times->len / 2),
          g_array_index (handler_times, double, handler_times->len - 1),
          g_array_index (frame_times, double, frame_times->len / 2),
          g_array_index (frame_times, double, frame_times->len - 1),
          g_array_index (redraw_times, double, redraw_times->len / 2), times->len);

  gtk_window_destroy (GTK_WINDOW (window));
  run_until_idle ();

  return 0;
}
