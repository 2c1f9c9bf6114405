/* test-window-saving.c — autosave, conflicts and failed saves in the window
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Autosave runs on a test clock here (spanmark_window_set_test_clock):
 * the tests move time themselves, so nothing depends on how fast the
 * machine is.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "app-test-util.h"
#include "spanmark-settings.h"
#include "window-test-fixture.h"

/* Any start will do; not 0, which means "none" for the due time. */
#define T0 (1000 * G_USEC_PER_SEC)
#define MS (G_USEC_PER_SEC / 1000)

static char *
annotation_path (Fixture    *fixture,
                 const char *doc_id)
{
  g_autofree char *name = g_strconcat (doc_id, ".json", NULL);

  return g_build_filename (fixture->project_path, "annotations", ANNOTATOR, name, NULL);
}

/* The number of spans in the saved file of @doc_id; -1 when there is none. */
static int
saved_spans (Fixture    *fixture,
             const char *doc_id)
{
  g_autofree char *path = annotation_path (fixture, doc_id);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return -1;

  return (int) json_array_get_length (json_object_get_array_member (read_saved (fixture, doc_id, parser),
                                                                    "spans"));
}

static void
add_span (Fixture *fixture,
          guint    start)
{
  g_autoptr(GError) error = NULL;

  spanmark_annotation_set_add_span (spanmark_window_get_annotation_set (fixture->window),
                                    start, start + 1, "PLACE", &error);
  g_assert_no_error (error);
}

static void
set_delays (guint delay,
            guint max_delay)
{
  GSettings *settings = spanmark_settings_get_gsettings (spanmark_settings_get_default ());

  g_settings_set_uint (settings, "autosave-delay", delay);
  g_settings_set_uint (settings, "autosave-max-delay", max_delay);
}

/* The message dialog over the window, if one is shown. */
static AdwMessageDialog *
find_dialog (Fixture *fixture)
{
  return (AdwMessageDialog *) find_transient (GTK_WINDOW (fixture->window), ADW_TYPE_MESSAGE_DIALOG);
}

static void
close_dialog (Fixture *fixture)
{
  AdwMessageDialog *dialog = find_dialog (fixture);

  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Whether @window is still a toplevel (the test's reference keeps the
 * object after it is destroyed). */
static gboolean
is_open (SpanmarkWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  return g_list_find (toplevels, window) != NULL;
}

/* Makes every save of the annotator fail the way a full disk does: their
 * folder is a file, so nothing can be written into it. */
static void
block_saving (Fixture  *fixture,
              gboolean  blocked)
{
  g_autofree char *folder = g_build_filename (fixture->project_path, "annotations", ANNOTATOR, NULL);
  g_autoptr(GError) error = NULL;

  spanmark_test_remove_tree (folder);
  if (blocked)
    {
      g_file_set_contents (folder, "in the way\n", -1, &error);
      g_assert_no_error (error);
    }
}

/* Another annotator's version of @doc_id, written by a second project on
 * the same folder: a valid file with @n_spans spans. */
static char *
write_other_version (Fixture    *fixture,
                     const char *doc_id,
                     guint       n_spans)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->project_path);
  g_autoptr(SpanmarkProject) other = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = annotation_path (fixture, doc_id);
  char *contents = NULL;

  other = spanmark_project_open (dir, &error);
  g_assert_no_error (error);
  set = spanmark_project_load_annotations (other, spanmark_project_lookup_document (other, doc_id),
                                           ANNOTATOR, &error);
  g_assert_no_error (error);
  while (spanmark_annotation_set_get_n_spans (set) > 0)
    spanmark_annotation_set_remove_span (set, spanmark_annotation_set_get_span (set, 0)->id);
  for (guint i = 0; i < n_spans; i++)
    spanmark_annotation_set_add_span (set, 40 + i, 41 + i, "OFFICIAL", NULL);
  spanmark_project_save_annotations (other, set, &error);
  g_assert_no_error (error);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Regression: the autosave timer restarted at every change with no upper
 * bound, so tagging every 0.75 s for 25 s never saved and a crash lost
 * all 32 edits.  Now a save comes at most autosave-max-delay (3 s) after
 * the first unsaved change, whatever the rhythm. */
static void
test_max_delay (Fixture       *fixture,
                gconstpointer  data)
{
  SpanmarkWindow *window = fixture->window;
  gint64 now = T0;
  guint saves = 0;
  int last = -1;

  set_delays (2, 3);
  spanmark_window_set_test_clock (window, now);
  g_assert_cmpint (spanmark_window_get_autosave_due (window), ==, 0);

  /* A burst is saved 2 s after its last change. */
  add_span (fixture, 0);
  g_assert_cmpint (spanmark_window_get_autosave_due (window), ==, T0 + 2 * G_USEC_PER_SEC);
  spanmark_window_set_test_clock (window, T0 + 750 * MS);
  add_span (fixture, 1);
  g_assert_cmpint (spanmark_window_get_autosave_due (window), ==, T0 + 2750 * MS);
  /* But never later than 3 s after the first one. */
  spanmark_window_set_test_clock (window, T0 + 1500 * MS);
  add_span (fixture, 2);
  g_assert_cmpint (spanmark_window_get_autosave_due (window), ==, T0 + 3 * G_USEC_PER_SEC);
  spanmark_window_set_test_clock (window, T0 + 2999 * MS);
  g_assert_cmpint (saved_spans (fixture, "emoji"), ==, -1);
  g_assert_true (spanmark_window_get_dirty (window));
  spanmark_window_set_test_clock (window, T0 + 3 * G_USEC_PER_SEC);
  g_assert_false (spanmark_window_get_dirty (window));
  g_assert_cmpint (saved_spans (fixture, "emoji"), ==, 3);
  g_assert_cmpint (spanmark_window_get_autosave_due (window), ==, 0);

  /* The rhythm of the report: a tag every 0.75 s, 32 of them.  At every
   * moment the file lacks at most the edits of the last 3 s. */
  now = T0 + 10 * G_USEC_PER_SEC;
  for (guint i = 0; i < 32; i++)
    {
      int on_disk;

      spanmark_window_set_test_clock (window, now);
      add_span (fixture, 10 + i);
      on_disk = saved_spans (fixture, "emoji");
      if (on_disk != last)
        saves++;
      last = on_disk;
      /* 3 already there, i + 1 tagged now; 3 s hold at most 5 tags. */
      g_assert_cmpint (on_disk, >=, 3 + (int) i + 1 - 5);
      g_assert_cmpint (spanmark_window_get_autosave_due (window), <=, now + 3 * G_USEC_PER_SEC);
      now += 750 * MS;
    }
  g_assert_cmpuint (saves, >=, 6);
}

/* Regression: with the "changed on disk" banner showing, the next
 * autosave replaced the other version and the header said "Saved".
 * Now no save path writes over it: the work stays in the window and the
 * banner offers reload, keep mine, or a copy. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  SpanmarkWindow *window = fixture->window;
  g_autofree char *path = annotation_path (fixture, "emoji");
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) conflicts = NULL;
  SpanmarkAnnotationSet *set;

  set_delays (2, 3);
  spanmark_window_set_test_clock (window, T0);
  add_span (fixture, 0);
  activate (fixture, "win.save", NULL);
  g_assert_false (spanmark_window_get_dirty (window));

  /* Another version lands on disk, and the annotator goes on tagging
   * before the monitor has said anything. */
  theirs = write_other_version (fixture, "emoji", 2);
  add_span (fixture, 1);
  spanmark_window_set_test_clock (window, T0 + 3 * G_USEC_PER_SEC);

  after = spanmark_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (spanmark_window_get_dirty (window));
  g_assert_true (spanmark_window_get_external_change (window));
  g_assert_cmpstr (named_text (fixture, "save-state"), ==, "Not saved");
  g_assert_nonnull (strstr (named_text (fixture, "changed-message"), "unsaved"));
  g_assert_true (gtk_widget_is_visible (spanmark_test_find_action (GTK_WIDGET (window), "win.keep-mine")));
  g_assert_true (gtk_widget_is_visible (spanmark_test_find_action (GTK_WIDGET (window), "win.save-copy")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (spanmark_test_find_action (GTK_WIDGET (window), "win.reload"))), ==, "_Reload (Discard Mine)");
  /* No retry of its own: only the annotator can choose. */
  g_assert_cmpint (spanmark_window_get_autosave_due (window), ==, 0);

  /* Every other save path refuses too: Ctrl+S, another change, another
   * document, another project, closing. */
  activate (fixture, "win.save", NULL);
  add_span (fixture, 2);
  g_assert_cmpint (spanmark_window_get_autosave_due (window), ==, 0);
  activate (fixture, "win.open-document", "news");
  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (window)), ==, "emoji");
  {
    g_autoptr(GFile) dir = g_file_new_for_path (fixture->project_path);
    g_autoptr(GError) error = NULL;

    g_assert_false (spanmark_window_open_project (window, dir, &error));
    g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED);
  }
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (is_open (window));
  g_assert_nonnull (find_dialog (fixture));
  adw_message_dialog_response (find_dialog (fixture), "keep");
  close_dialog (fixture);
  g_clear_pointer (&after, g_free);
  after = spanmark_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, theirs);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (spanmark_window_get_annotation_set (window)), ==, 3);

  /* Keep mine: written over theirs, the banner goes. */
  activate (fixture, "win.keep-mine", NULL);
  g_assert_false (spanmark_window_get_dirty (window));
  g_assert_false (spanmark_window_get_external_change (window));
  g_assert_cmpint (saved_spans (fixture, "emoji"), ==, 3);
  g_assert_cmpstr (named_text (fixture, "save-state"), ==, "Saved");

  /* Once more, and this time a copy: theirs stays in the file and is
   * shown, mine goes to conflicts/. */
  g_clear_pointer (&theirs, g_free);
  theirs = write_other_version (fixture, "emoji", 5);
  add_span (fixture, 3);
  activate (fixture, "win.save", NULL);
  g_assert_true (spanmark_window_get_external_change (window));
  activate (fixture, "win.save-copy", NULL);
  g_assert_false (spanmark_window_get_dirty (window));
  g_assert_false (spanmark_window_get_external_change (window));
  set = spanmark_window_get_annotation_set (window);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 5);
  g_clear_pointer (&after, g_free);
  after = spanmark_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, theirs);
  conflicts = g_file_new_build_filename (fixture->project_path, "conflicts", ANNOTATOR, NULL);
  {
    g_autoptr(GFileEnumerator) children = g_file_enumerate_children (conflicts, "standard::name", 0, NULL, NULL);
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(GFile) copy = NULL;
    GFileInfo *info = NULL;

    g_assert_nonnull (children);
    g_assert_true (g_file_enumerator_iterate (children, &info, NULL, NULL, NULL));
    g_assert_nonnull (info);
    g_assert_true (g_str_has_prefix (g_file_info_get_name (info), "emoji-"));
    copy = g_file_get_child (conflicts, g_file_info_get_name (info));
    json_parser_load_from_file (parser, g_file_peek_path (copy), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                           "spans")),
                      ==, 4);
  }

  /* And the third way: reload, discarding mine. */
  g_clear_pointer (&theirs, g_free);
  theirs = write_other_version (fixture, "emoji", 1);
  add_span (fixture, 4);
  activate (fixture, "win.save", NULL);
  g_assert_true (spanmark_window_get_external_change (window));
  activate (fixture, "win.reload", NULL);
  g_assert_false (spanmark_window_get_dirty (window));
  g_assert_false (spanmark_window_get_external_change (window));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (spanmark_window_get_annotation_set (window)), ==, 1);
  g_clear_pointer (&after, g_free);
  after = spanmark_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, theirs);
}

/* The monitor sees the other version first: the banner offers only
 * Reload while there is nothing of the annotator's to keep, and the
 * choices once there is. */
static void
test_conflict_seen_by_monitor (Fixture       *fixture,
                               gconstpointer  data)
{
  SpanmarkWindow *window = fixture->window;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = annotation_path (fixture, "emoji");

  set_delays (2, 3);
  spanmark_window_set_test_clock (window, T0);
  theirs = write_other_version (fixture, "emoji", 2);
  g_assert_true (wait_for ((Condition) spanmark_window_get_external_change, window));
  g_assert_false (gtk_widget_is_visible (spanmark_test_find_action (GTK_WIDGET (window), "win.keep-mine")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (spanmark_test_find_action (GTK_WIDGET (window), "win.reload"))), ==, "_Reload");

  add_span (fixture, 0);
  g_assert_true (gtk_widget_is_visible (spanmark_test_find_action (GTK_WIDGET (window), "win.keep-mine")));
  g_assert_cmpint (spanmark_window_get_autosave_due (window), ==, 0);
  spanmark_window_set_test_clock (window, T0 + 60 * G_USEC_PER_SEC);
  after = spanmark_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (spanmark_window_get_dirty (window));
}

/* An edit of "emoji" whose save fails (saving blocked) as the window
 * switches to "news", at T0 with both delays 60 s. */
static void
fail_save_on_switch (Fixture *fixture)
{
  set_delays (60, 60);
  spanmark_window_set_test_clock (fixture->window, T0);
  block_saving (fixture, TRUE);
  add_span (fixture, 0);
  activate (fixture, "win.open-document", "news");
}

/* Unblocks saving and runs the clock to the retry that is due: it saves. */
static void
retry_saves (Fixture *fixture)
{
  SpanmarkWindow *window = fixture->window;
  gint64 due;

  block_saving (fixture, FALSE);
  due = spanmark_window_get_autosave_due (window);
  g_assert_cmpint (due, >, T0);
  spanmark_window_set_test_clock (window, due);
  g_assert_false (spanmark_window_get_dirty (window));
}

/* Regression: when the save before switching documents failed (disk
 * full), the dialog came up and the switch went ahead, dropping the
 * edit.  Now the document stays, with its edits, and saving is retried
 * by itself. */
static void
test_failed_save_stays (Fixture       *fixture,
                        gconstpointer  data)
{
  SpanmarkWindow *window = fixture->window;
  gint64 due;

  fail_save_on_switch (fixture);
  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (window)), ==, "emoji");
  g_assert_true (spanmark_window_get_dirty (window));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (spanmark_window_get_annotation_set (window)), ==, 1);
  g_assert_true (spanmark_document_list_get_selected_document (spanmark_window_get_document_list (window))
                 == spanmark_window_get_document (window));
  g_assert_cmpstr (named_text (fixture, "save-state"), ==, "Not saved");
  close_dialog (fixture);

  /* Done and next: the same. */
  activate (fixture, "win.done-next", NULL);
  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (window)), ==, "emoji");
  close_dialog (fixture);

  /* A retry is due in a few seconds; once the disk has room, it saves. */
  due = spanmark_window_get_autosave_due (window);
  g_assert_cmpint (due, >, T0);
  g_assert_cmpint (due, <=, T0 + 5 * G_USEC_PER_SEC);
  spanmark_window_set_test_clock (window, due);
  g_assert_true (spanmark_window_get_dirty (window));
  retry_saves (fixture);
  g_assert_cmpint (saved_spans (fixture, "emoji"), ==, 1);

  activate (fixture, "win.open-document", "news");
  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (window)), ==, "news");
}

/* What Enter does in @dialog: a focused button is activated (clicked);
 * otherwise the window's default widget is. */
static void
press_enter (GtkWindow *dialog)
{
  GtkWidget *focus = gtk_window_get_focus (dialog);

  if (GTK_IS_BUTTON (focus))
    gtk_widget_activate (focus);
  else
    gtk_widget_activate_action (GTK_WIDGET (dialog), "default.activate", NULL);
}

static gboolean
no_dialog (Fixture *fixture)
{
  return find_dialog (fixture) == NULL;
}

/* Regression: the "Could Not Save" dialog stayed up after the automatic
 * retry it announces had saved, saying the opposite of the header.  The
 * retry that saves closes it, with a "Saved" toast. */
static void
test_retry_closes_dialog (Fixture       *fixture,
                          gconstpointer  data)
{
  SpanmarkWindow *window = fixture->window;

  fail_save_on_switch (fixture);
  g_assert_nonnull (find_dialog (fixture));
  g_assert_cmpstr (adw_message_dialog_get_heading (find_dialog (fixture)), ==, "Could Not Save");

  retry_saves (fixture);
  g_assert_cmpstr (named_text (fixture, "save-state"), ==, "Saved");
  g_assert_true (wait_for ((Condition) no_dialog, fixture));
  g_assert_true (toast_shown (window, "Saved"));
}

/* The buttons of @dialog labelled @label (there are two of each: one
 * for buttons side by side, one for stacked buttons). */
static GPtrArray *
find_buttons (GtkWindow  *dialog,
              const char *label)
{
  g_autoptr(GPtrArray) buttons = spanmark_test_collect_of_type (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                                g_ptr_array_new ());
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      g_ptr_array_add (found, g_ptr_array_index (buttons, i));
  g_assert_cmpuint (found->len, >, 0);
  return found;
}

/* Closes the window with the dialog asking, waits until the dialog is
 * laid out, and checks it is ready for a key: the focus on Keep Open,
 * the default response, and Discard styled as destructive. */
static GtkWindow *
close_and_wait_for_dialog (Fixture *fixture)
{
  g_autoptr(GPtrArray) discard = NULL;
  GtkWindow *dialog;
  GtkWidget *focus;

  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_true (is_open (fixture->window));
  dialog = GTK_WINDOW (find_dialog (fixture));
  g_assert_nonnull (dialog);
  g_assert_true (wait_for ((Condition) gtk_widget_get_mapped, dialog));
  wait_for (main_loop_idle, NULL);

  focus = gtk_window_get_focus (dialog);
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "_Keep Open");
  g_assert_true (focus == gtk_window_get_default_widget (dialog));
  discard = find_buttons (dialog, "_Discard and Close");
  for (guint i = 0; i < discard->len; i++)
    g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (discard, i), "destructive"));
  return dialog;
}

/* Regression: in the close dialog of a conflict, the three buttons are
 * stacked and the focus started on the first, "Discard and Close": Enter
 * closed the window and dropped the edit.  Now Enter and Escape keep the
 * window open, whichever way the buttons are laid out. */
static void
test_close_dialog_keys (Fixture       *fixture,
                        gconstpointer  data)
{
  SpanmarkWindow *window = fixture->window;
  g_autofree char *theirs = NULL;
  GtkWindow *dialog;

  spanmark_window_set_test_clock (window, T0);
  add_span (fixture, 0);
  activate (fixture, "win.save", NULL);
  theirs = write_other_version (fixture, "emoji", 2);
  add_span (fixture, 1);
  activate (fixture, "win.save", NULL);
  g_assert_true (spanmark_window_get_external_change (window));

  dialog = close_and_wait_for_dialog (fixture);
  g_ptr_array_unref (find_buttons (dialog, "Save as _Copy and Close"));
  press_enter (dialog);
  /* A button activated by a key looks pressed for a moment before it
   * acts. */
  g_assert_true (wait_for ((Condition) no_dialog, fixture));
  wait_for (main_loop_idle, NULL);
  g_assert_true (is_open (window));
  g_assert_true (spanmark_window_get_dirty (window));

  dialog = close_and_wait_for_dialog (fixture);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  g_assert_true (wait_for ((Condition) no_dialog, fixture));
  g_assert_true (is_open (window));
  g_assert_true (spanmark_window_get_dirty (window));

  /* A save that fails (two buttons) is asked about the same way. */
  activate (fixture, "win.keep-mine", NULL);
  g_assert_false (spanmark_window_get_dirty (window));
  block_saving (fixture, TRUE);
  add_span (fixture, 2);
  dialog = close_and_wait_for_dialog (fixture);
  press_enter (dialog);
  g_assert_true (wait_for ((Condition) no_dialog, fixture));
  wait_for (main_loop_idle, NULL);
  g_assert_true (is_open (window));
  g_assert_true (spanmark_window_get_dirty (window));
  block_saving (fixture, FALSE);
}

/* Closing with work that cannot be saved asks, and only an explicit
 * "Discard" drops it (it used to take just a second close). */
static void
test_close_asks (Fixture       *fixture,
                 gconstpointer  data)
{
  SpanmarkWindow *window = fixture->window;

  spanmark_window_set_test_clock (window, T0);
  block_saving (fixture, TRUE);
  add_span (fixture, 0);

  for (guint i = 0; i < 2; i++)
    {
      gtk_window_close (GTK_WINDOW (window));
      g_assert_true (is_open (window));
      g_assert_nonnull (find_dialog (fixture));
      adw_message_dialog_response (find_dialog (fixture), "keep");
      close_dialog (fixture);
      g_assert_true (spanmark_window_get_dirty (window));
    }

  gtk_window_close (GTK_WINDOW (window));
  adw_message_dialog_response (find_dialog (fixture), "discard");
  g_assert_false (is_open (window));
  close_dialog (fixture);
  g_assert_cmpint (saved_spans (fixture, "emoji"), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  spanmark_test_init (&argc, &argv);

  SPANMARK_TEST_ADD ("/window-saving/max-delay", test_max_delay);
  SPANMARK_TEST_ADD ("/window-saving/conflict", test_conflict);
  SPANMARK_TEST_ADD ("/window-saving/conflict-seen-by-monitor", test_conflict_seen_by_monitor);
  SPANMARK_TEST_ADD ("/window-saving/failed-save-stays", test_failed_save_stays);
  SPANMARK_TEST_ADD ("/window-saving/retry-closes-dialog", test_retry_closes_dialog);
  SPANMARK_TEST_ADD ("/window-saving/close-asks", test_close_asks);
  SPANMARK_TEST_ADD ("/window-saving/close-dialog-keys", test_close_dialog_keys);

  return g_test_run ();
}
