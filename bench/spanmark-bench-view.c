/* spanmark-bench-view.c — a 1,000,000-character document with 40,000 spans
 * in the real document view, against a bare GtkTextView
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports, for SpanmarkDocumentView:
 *   shown     time from setting the document to the first frame painted
 *   settled   time until it is fully highlighted and the main loop is idle
 *             (layout of the whole text done)
 *   tag       time from adding a span (what the tag key does) to the next
 *             frame painted, median of 20
 * and "shown" / "settled" for a bare wrapped GtkTextView with the same
 * text and 40,000 tagged ranges (three tags).  Run it under Xvfb, see
 * docs/benchmarks.md.  Usage: spanmark-bench-view [view|chips|bare|review]
 * ("chips": the document view with label chips on; the span boundaries
 * are always drawn)
 *
 * spanmark-bench-view open DIR [ANNOTATOR] instead times opening the
 * project DIR (e.g. made by spanmark-bench-corpus) in the real window.
 *
 * spanmark-bench-view window opens a project holding that one document
 * and its 40,000 spans (written to a temporary folder first, not timed)
 * in the whole SpanmarkWindow — document list, side panels with their
 * entity rows, everything that runs at open — and reports "shown", "main
 * loop idle" (with the peak resident memory then) and "settled" (the pass
 * over the corpus, on its worker thread, in the window too) from before
 * the window is made; run it next to "bare" (each in a fresh process),
 * which is what the window is held to.  Every mode also prints the
 * process's peak resident memory.  "window" and "bare" print the width
 * the text is wrapped at (the text view's, less its margins); "bare WIDTH"
 * makes the bare window WIDTH pixels wide (1000 by default), so that it
 * can wrap the text at the width the window's document view does (the
 * same lines to lay out); "bare WIDTH WINDOW" wraps at WIDTH in a window
 * WINDOW pixels wide (a right margin takes the rest), so that the window
 * drawn is as large as SpanmarkWindow's (1200).
 *
 * spanmark-bench-view review shows the same document in review mode:
 * three annotators (the 40,000 spans and two perturbed copies) in lanes
 * below the text, the curated version seeded from the majority, and
 * reports "shown" and "settled" as above, "scroll to frame" (a jump to
 * another part of the text, to the next frame painted, median of 20) and
 * "decide to frame" (a unit decided, what the a key does, median of 20).
 */

#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include <adwaita.h>

#include "spanmark-annotation-set.h"
#include "spanmark-application.h"
#include "spanmark-curation.h"
#include "spanmark-document-list.h"
#include "spanmark-document-view.h"
#include "spanmark-project.h"
#include "spanmark-resources.h"
#include "spanmark-schema.h"
#include "spanmark-settings.h"
#include "spanmark-window.h"

#define N_CHARS 1000000
#define N_SPANS 40000
#define N_TAG_RUNS 20

static guint32 seed = 12345;

static guint32
next_random (void)
{
  /* A fixed linear congruential generator: the same document every run. */
  seed = seed * 1103515245u + 12345u;
  return (seed >> 8) & 0xffffff;
}

/* Chinese-like text: CJK ideographs, some ASCII words and digits, commas
 * and full stops, a paragraph break about every 300 characters. */
static char *
make_text (void)
{
  GString *text = g_string_sized_new (N_CHARS * 3);
  guint n = 0;

  while (n < N_CHARS)
    {
      guint r = next_random () % 100;

      if (n % 300 == 299)
        g_string_append_c (text, '\n');
      else if (r < 3)
        g_string_append_unichar (text, 0xFF0C);  /* ， */
      else if (r < 5)
        g_string_append_unichar (text, 0x3002);  /* 。 */
      else if (r < 8)
        g_string_append_c (text, (char) ('a' + next_random () % 26));
      else if (r < 9)
        g_string_append_unichar (text, 0x1F600 + next_random () % 40);  /* emoji */
      else
        g_string_append_unichar (text, 0x4E00 + next_random () % 3000);
      n++;
    }

  return g_string_free (text, FALSE);
}

typedef struct
{
  guint start;
  guint end;
  guint label;
} Range;

/* 40,000 spans, one every 25 characters, 2 to 9 characters long; every
 * tenth one has a nested span inside it (counted in the 40,000). */
static GArray *
make_ranges (void)
{
  GArray *ranges = g_array_sized_new (FALSE, FALSE, sizeof (Range), N_SPANS);
  guint pos = 0;

  while (ranges->len < N_SPANS)
    {
      Range r = { pos, pos + 2 + next_random () % 8, next_random () % 3 };

      g_array_append_val (ranges, r);
      if (ranges->len % 10 == 0 && r.end - r.start >= 4 && ranges->len < N_SPANS)
        {
          Range inner = { r.start + 1, r.end - 1, (r.label + 1) % 3 };

          g_array_append_val (ranges, inner);
        }
      pos += N_CHARS / N_SPANS;
    }

  return ranges;
}

static const char *label_names[] = { "OFFICIAL", "PLACE", "INITIATIVE" };

static SpanmarkAnnotationSet *
make_set (const char *text,
          GArray     *ranges)
{
  SpanmarkAnnotationSet *set = spanmark_annotation_set_new ("bench", "bench", text);
  SpanmarkTextIndex *index = spanmark_annotation_set_get_text_index (set);

  for (guint i = 0; i < ranges->len; i++)
    {
      Range *r = &g_array_index (ranges, Range, i);
      g_autofree char *id = g_strdup_printf ("s%u", i + 1);
      g_autofree char *covered = spanmark_text_index_slice (index, r->start, r->end);
      g_autoptr(SpanmarkSpan) span = spanmark_span_new (id, r->start, r->end, label_names[r->label], covered);

      spanmark_annotation_set_load_span (set, span);
    }

  return set;
}

/* The width @view wraps its text at: its own, less its margins. */
static int
wrap_width (GtkTextView *view)
{
  return gtk_widget_get_width (GTK_WIDGET (view)) - gtk_text_view_get_left_margin (view)
         - gtk_text_view_get_right_margin (view);
}

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  painted = TRUE;
}

static void
wait_painted (GtkWidget *window)
{
  GdkFrameClock *clock;
  gulong id;

  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (window);
  painted = FALSE;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static void
wait_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* With SPANMARK_BENCH_STOP set, the process stops itself (SIGSTOP) once
 * a run has printed its figures, so that its mappings can be read from
 * /proc/PID/smaps before anything is freed. */
static void
maybe_stop (void)
{
  if (g_getenv ("SPANMARK_BENCH_STOP") != NULL)
    raise (SIGSTOP);
}

/* The peak resident memory of the process so far, in MiB. */
static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  /* KiB on Linux */
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Shows @window and waits: "shown" at the first frame, "settled" once
 * @view is highlighted and the main loop idle, both since @start. */
static void
show_and_settle (GtkWidget            *window,
                 SpanmarkDocumentView *view,
                 gint64                start,
                 double               *shown,
                 double               *settled)
{
  gtk_window_present (GTK_WINDOW (window));
  wait_painted (window);
  *shown = ms_since (start);
  while (!spanmark_document_view_get_highlighted (view))
    g_main_context_iteration (NULL, TRUE);
  wait_idle ();
  *settled = ms_since (start);
}

static void
bench_view (const char *text,
            GArray     *ranges,
            gboolean    chips)
{
  g_autoptr(SpanmarkSchema) schema = spanmark_schema_new_default ();
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  GtkWidget *window, *view;
  double shown, settled, tag_times[N_TAG_RUNS];
  gint64 start;

  set = make_set (text, ranges);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  view = spanmark_document_view_new ();
  /* Chips change the room between lines, so they are set before the
   * text is laid out, as the window does from GSettings. */
  spanmark_document_view_set_show_label_chips (SPANMARK_DOCUMENT_VIEW (view), chips);
  gtk_window_set_child (GTK_WINDOW (window), view);

  start = g_get_monotonic_time ();
  spanmark_document_view_set_annotation_set (SPANMARK_DOCUMENT_VIEW (view), schema, set);
  show_and_settle (window, SPANMARK_DOCUMENT_VIEW (view), start, &shown, &settled);

  g_assert (spanmark_document_view_count_tagged (SPANMARK_DOCUMENT_VIEW (view), "label-OFFICIAL") > 0);

  /* Tag a selection near the top (what the "1" key does), then wait for
   * the next frame. */
  for (guint i = 0; i < N_TAG_RUNS; i++)
    {
      guint s = 3 + i * 25 + 10;
      GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
      gulong id;

      painted = FALSE;
      id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
      start = g_get_monotonic_time ();
      spanmark_document_view_select_range (SPANMARK_DOCUMENT_VIEW (view), s, s + 4);
      spanmark_annotation_set_add_span (set, s, s + 4, "PLACE", NULL);
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      tag_times[i] = ms_since (start);
      g_signal_handler_disconnect (clock, id);
      wait_idle ();
    }
  qsort (tag_times, N_TAG_RUNS, sizeof (double), compare_doubles);

  g_print ("SpanmarkDocumentView%s: shown %.0f ms, settled %.0f ms, tag to frame %.1f ms (median of %d, max %.1f), "
           "peak RSS %.0f MiB\n",
           chips ? " (chips)" : "", shown, settled, tag_times[N_TAG_RUNS / 2], N_TAG_RUNS, tag_times[N_TAG_RUNS - 1],
           peak_rss_mib ());

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

static void
bench_bare (const char *text,
            GArray     *ranges,
            int         width,
            int         window_width)
{
  GtkWidget *window, *scroller, *view;
  g_autoptr(GtkCssProvider) css = NULL;
  GtkTextBuffer *buffer;
  GtkTextTag *tags[3];
  double shown, settled;
  gint64 start;

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), MAX (width, window_width), 800);
  scroller = gtk_scrolled_window_new ();
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* In a wider window, the text still wraps at @width. */
  if (window_width > width)
    gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), window_width - width);
  /* The same font size as the document view's default, so both lay out
   * the same number of lines. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (css, "textview { font-size: 16pt; }", -1);
  gtk_style_context_add_provider (gtk_widget_get_style_context (view), GTK_STYLE_PROVIDER (css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);

  start = g_get_monotonic_time ();
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, text, -1);
  for (guint i = 0; i < 3; i++)
    tags[i] = gtk_text_buffer_create_tag (buffer, NULL, "background", i == 0 ? "#f6d32d" : i == 1 ? "#8ff0a4" : "#99c1f1", NULL);
  for (guint i = 0; i < ranges->len; i++)
    {
      Range *r = &g_array_index (ranges, Range, i);
      GtkTextIter a, b;

      gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) r->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) r->end);
      gtk_text_buffer_apply_tag (buffer, tags[r->label], &a, &b);
    }
  gtk_window_present (GTK_WINDOW (window));
  wait_painted (window);
  shown = ms_since (start);
  wait_idle ();
  settled = ms_since (start);

  g_print ("bare GtkTextView:     shown %.0f ms, settled %.0f ms, peak RSS %.0f MiB (text %d px wide)\n",
           shown, settled, peak_rss_mib (), wrap_width (GTK_TEXT_VIEW (view)));
  maybe_stop ();

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

/* A perturbed copy of @ranges, as another annotator's work: some spans
 * left out, some one character shorter, some with another label. */
static SpanmarkAnnotationSet *
make_other_set (const char *text,
                GArray     *ranges,
                guint       salt)
{
  g_autoptr(GArray) other = g_array_new (FALSE, FALSE, sizeof (Range));

  for (guint i = 0; i < ranges->len; i++)
    {
      Range r = g_array_index (ranges, Range, i);

      if ((i + salt) % 11 == 0)
        continue;
      if ((i + salt) % 7 == 0 && r.end - r.start > 2)
        r.end--;
      if ((i + salt) % 5 == 0)
        r.label = (r.label + 1) % 3;
      g_array_append_val (other, r);
    }
  return make_set (text, other);
}

/* Runs @step, then the main loop until the next frame is painted;
 * returns the time that took. */
static double
time_to_frame (GtkWidget *window,
               void     (*step) (gpointer data, guint i),
               gpointer   data,
               guint      i)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gint64 start;
  gulong id;
  double ms;

  painted = FALSE;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  start = g_get_monotonic_time ();
  step (data, i);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  ms = ms_since (start);
  g_signal_handler_disconnect (clock, id);
  wait_idle ();
  return ms;
}

static void
scroll_step (gpointer data,
             guint    i)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (data));
  double span = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  /* Far apart, so every jump shows lines not drawn before. */
  gtk_adjustment_set_value (adjustment, span * ((i * 7) % N_TAG_RUNS) / N_TAG_RUNS);
}

static void
decide_step (gpointer data,
             guint    i)
{
  SpanmarkCuration *curation = data;

  spanmark_curation_choose_annotator (curation, 2 + i, 1);
}

static void
bench_review (const char *text,
              GArray     *ranges)
{
  g_autoptr(SpanmarkSchema) schema = spanmark_schema_new_default ();
  g_autoptr(SpanmarkAnnotationSet) curated = NULL;
  g_autoptr(SpanmarkCuration) curation = NULL;
  SpanmarkAnnotationSet *sets[3];
  double shown, settled, scroll_times[N_TAG_RUNS], decide_times[N_TAG_RUNS];
  GtkWidget *window, *view;
  gint64 start;

  sets[0] = make_set (text, ranges);
  sets[1] = make_other_set (text, ranges, 3);
  sets[2] = make_other_set (text, ranges, 6);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  view = spanmark_document_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);

  start = g_get_monotonic_time ();
  /* What the window does: the curated set seeded, shown, the lanes on. */
  curated = spanmark_annotation_set_new ("bench", SPANMARK_CURATED_ANNOTATOR, text);
  curation = spanmark_curation_new (curated, sets, 3);
  spanmark_curation_accept_agreed (curation, spanmark_curation_get_majority (curation));
  spanmark_document_view_set_annotation_set (SPANMARK_DOCUMENT_VIEW (view), schema, curated);
  spanmark_document_view_set_curation (SPANMARK_DOCUMENT_VIEW (view), curation);
  show_and_settle (window, SPANMARK_DOCUMENT_VIEW (view), start, &shown, &settled);

  for (guint i = 0; i < N_TAG_RUNS; i++)
    scroll_times[i] = time_to_frame (window, scroll_step,
                                     spanmark_document_view_get_text_view (SPANMARK_DOCUMENT_VIEW (view)), i);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (spanmark_document_view_get_text_view (SPANMARK_DOCUMENT_VIEW (view)))), 0);
  wait_idle ();
  for (guint i = 0; i < N_TAG_RUNS; i++)
    decide_times[i] = time_to_frame (window, decide_step, curation, i);
  qsort (scroll_times, N_TAG_RUNS, sizeof (double), compare_doubles);
  qsort (decide_times, N_TAG_RUNS, sizeof (double), compare_doubles);

  g_print ("review mode (%u units, %u open): shown %.0f ms, settled %.0f ms, "
           "scroll to frame %.1f ms (median of %d, max %.1f), decide to frame %.1f ms (median, max %.1f)\n",
           spanmark_curation_get_n_units (curation), spanmark_curation_get_n_open_units (curation),
           shown, settled, scroll_times[N_TAG_RUNS / 2], N_TAG_RUNS, scroll_times[N_TAG_RUNS - 1],
           decide_times[N_TAG_RUNS / 2], decide_times[N_TAG_RUNS - 1]);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    g_object_unref (sets[i]);
}

/* Whether everything the window reads off the main thread at open is in:
 * the corpus for suggestions, the registry's counts, the team's progress
 * (counted in the sync operations) and the list's statuses. */
static gboolean
background_done (SpanmarkWindow *window)
{
  SpanmarkDocumentList *list = spanmark_window_get_document_list (window);

  return !spanmark_window_get_corpus_pending (window)
         && spanmark_window_get_sync_pending (window) == 0
         && spanmark_window_get_registry (window) != NULL
         && *spanmark_document_list_get_progress (list) != '\0';
}

/* Opening a large project in the real window: the index is read, the list
 * filled and the first unfinished document shown ("shown"); then the main
 * loop is idle, and later still every background read is done ("settled":
 * the statuses of the progress label, the team's progress, the registry's
 * counts, the corpus for suggestions). */
static void
bench_open (const char *path,
            const char *annotator)
{
  g_autoptr(GFile) dir = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  SpanmarkWindow *window;
  double shown, idle, settled;
  gint64 start;

  g_settings_set_string (spanmark_settings_get_gsettings (spanmark_settings_get_default ()),
                         "annotator-name", annotator);
  window = spanmark_window_new (NULL);

  start = g_get_monotonic_time ();
  if (!spanmark_window_open_project (window, dir, &error))
    g_error ("%s", error->message);
  gtk_window_present (GTK_WINDOW (window));
  wait_painted (GTK_WIDGET (window));
  shown = ms_since (start);
  wait_idle ();
  idle = ms_since (start);
  /* The main loop can be idle while worker threads still read the
   * corpus: settled is when every read that opening started is done
   * and its result is in the window. */
  while (!background_done (window))
    g_main_context_iteration (NULL, TRUE);
  wait_idle ();
  settled = ms_since (start);

  g_print ("open project (%u documents): shown %.0f ms, main loop idle %.0f ms, settled %.0f ms, "
           "peak RSS %.0f MiB\n",
           spanmark_project_get_n_documents (spanmark_window_get_project (window)), shown, idle, settled,
           peak_rss_mib ());

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

/* The document in the whole window: a project with it is written first
 * (not timed), then the window made, the project opened and the document
 * shown, as when a user opens the project. */
static void
bench_window (const char *text,
              GArray     *ranges)
{
  g_autofree char *tmp = g_dir_make_tmp ("spanmark-bench-window-XXXXXX", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(GError) error = NULL;
  double shown, idle, idle_rss, settled;
  gint64 start;

  {
    g_autoptr(SpanmarkProject) project = spanmark_project_create (dir, "Window benchmark", &error);
    g_autoptr(SpanmarkAnnotationSet) set = NULL;

    if (project == NULL || spanmark_project_add_document (project, "bench", text, NULL, &error) == NULL)
      g_error ("%s", error->message);
    set = make_set (text, ranges);
    spanmark_annotation_set_load_status (set, SPANMARK_STATUS_IN_PROGRESS);
    if (!spanmark_project_save_annotations (project, set, &error) || !spanmark_project_save (project, &error))
      g_error ("%s", error->message);
  }
  g_settings_set_string (spanmark_settings_get_gsettings (spanmark_settings_get_default ()),
                         "annotator-name", "bench");

  start = g_get_monotonic_time ();
  {
    SpanmarkWindow *window = spanmark_window_new (NULL);
    SpanmarkDocumentView *view = spanmark_window_get_document_view (window);

    if (!spanmark_window_open_project (window, dir, &error))
      g_error ("%s", error->message);
    show_and_settle (GTK_WIDGET (window), view, start, &shown, &idle);
    idle_rss = peak_rss_mib ();
    /* The main loop can be idle while the pass over the corpus still runs
     * on its thread: settled is when it is done and in the window too. */
    while (!background_done (window))
      g_main_context_iteration (NULL, TRUE);
    wait_idle ();
    settled = ms_since (start);

    g_print ("SpanmarkWindow:       shown %.0f ms, main loop idle %.0f ms (peak RSS %.0f MiB), settled %.0f ms, "
             "peak RSS %.0f MiB (%u spans, text %d px wide)\n",
             shown, idle, idle_rss, settled, peak_rss_mib (),
             spanmark_annotation_set_get_n_spans (spanmark_window_get_annotation_set (window)),
             wrap_width (spanmark_document_view_get_text_view (view)));
    maybe_stop ();

    gtk_window_destroy (GTK_WINDOW (window));
    wait_idle ();
  }

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp);

    if (system (command) != 0)
      g_warning ("could not remove %s", tmp);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) ranges = NULL;
  /* "view" or "bare" runs one of the two: each in a fresh process is the
   * fair comparison (the second run in a process is slower for both). */
  const char *only = argc > 1 ? argv[1] : NULL;

  /* As the application's main() does (the bare view is measured the same
   * way: it changes nothing there, 116 MiB either way). */
  spanmark_application_tune_malloc ();
  gtk_init ();
  adw_init ();
  /* Referencing the resource links it in, with the window's template. */
  if (spanmark_get_resource () == NULL)
    g_error ("no resources");

  if (only != NULL && g_str_equal (only, "open"))
    {
      if (argc < 3)
        g_error ("usage: spanmark-bench-view open PROJECT-DIR [ANNOTATOR]");
      bench_open (argv[2], argc > 3 ? argv[3] : "bench");
      return 0;
    }

  text = make_text ();
  ranges = make_ranges ();
  g_print ("document: %d characters, %u spans\n", N_CHARS, ranges->len);

  if (only == NULL || g_str_equal (only, "view"))
    bench_view (text, ranges, FALSE);
  if (only != NULL && g_str_equal (only, "chips"))
    bench_view (text, ranges, TRUE);
  if (only == NULL || g_str_equal (only, "bare"))
    bench_bare (text, ranges, only != NULL && argc > 2 ? atoi (argv[2]) : 1000,
                only != NULL && argc > 3 ? atoi (argv[3]) : 0);
  if (only != NULL && g_str_equal (only, "review"))
    bench_review (text, ranges);
  if (only != NULL && g_str_equal (only, "window"))
    bench_window (text, ranges);

  return 0;
}
