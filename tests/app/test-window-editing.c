/* test-window-editing.c — the editing keys: relabel, boundaries, the caret,
 * the Undo toast, reopening a done document
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "app-test-util.h"
#include "spanmark-history.h"
#include "window-test-fixture.h"

static void
get_selection (Fixture *fixture,
               guint   *start,
               guint   *end)
{
  spanmark_document_view_get_selection (spanmark_window_get_document_view (fixture->window), start, end);
}

/* Selects "Harbour Town" and tags it PLACE with its key; the new span's
 * id. */
static char *
tag_harbour_town (Fixture *fixture)
{
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  guint harbour = offset_of (fixture, "Harbour Town");
  const SpanmarkSpan *span;

  select_range (fixture, harbour, harbour + 12);
  g_assert_true (press (fixture, GDK_KEY_2, 0));
  span = find (set, harbour, harbour + 12, "PLACE");
  g_assert_nonnull (span);
  return g_strdup (span->id);
}

/* Regression: pressing 1 with a PLACE span selected added an OFFICIAL
 * span on the same characters.  It relabels the span (one undo step);
 * the same key again is refused. */
static void
test_relabel_key (Fixture       *fixture,
                  gconstpointer  data)
{
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  guint harbour = offset_of (fixture, "Harbour Town");
  g_autofree char *id = tag_harbour_town (fixture);
  const SpanmarkSpan *span;

  g_assert_true (press (fixture, GDK_KEY_1, 0));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 1);
  span = find (set, harbour, harbour + 12, "OFFICIAL");
  g_assert_nonnull (span);
  g_assert_cmpstr (span->id, ==, id);

  g_assert_true (press (fixture, GDK_KEY_1, 0));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 1);

  activate (fixture, "win.undo", NULL);
  g_assert_nonnull (find (set, harbour, harbour + 12, "PLACE"));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 1);
}

/* Regression: the label key on a span of another label kept the old
 * label's attributes (a PLACE's "kind" on an OFFICIAL).  The window
 * passes the new label's attribute names: "kind" goes, "region" (which
 * OFFICIAL has too) stays, and Undo gives "kind" back. */
static void
test_relabel_attrs (Fixture       *fixture,
                    gconstpointer  data)
{
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  guint harbour = offset_of (fixture, "Harbour Town");
  g_autofree char *id = tag_harbour_town (fixture);
  const SpanmarkSpan *span;

  g_assert_true (spanmark_annotation_set_set_span_attr (set, id, "kind", "town"));
  g_assert_true (spanmark_annotation_set_set_span_attr (set, id, "region", "south"));

  g_assert_true (press (fixture, GDK_KEY_1, 0));
  span = find (set, harbour, harbour + 12, "OFFICIAL");
  g_assert_nonnull (span);
  g_assert_null (g_hash_table_lookup (span->attrs, "kind"));
  g_assert_cmpstr (g_hash_table_lookup (span->attrs, "region"), ==, "south");

  activate (fixture, "win.undo", NULL);
  span = find (set, harbour, harbour + 12, "PLACE");
  g_assert_nonnull (span);
  g_assert_cmpstr (g_hash_table_lookup (span->attrs, "kind"), ==, "town");
  g_assert_cmpstr (g_hash_table_lookup (span->attrs, "region"), ==, "south");
}

/* Shift+Right as the text view does it. */
static void
extend_right (Fixture *fixture)
{
  g_signal_emit_by_name (spanmark_document_view_get_text_view (spanmark_window_get_document_view (fixture->window)),
                         "move-cursor", GTK_MOVEMENT_VISUAL_POSITIONS, 1, TRUE);
}

/* Regression: after Tab, a search hit or tagging the caret sat at the
 * start of the selection, so Shift+Right shrank it from the left.  The
 * caret is its end now: Shift+Right grows it. */
static void
test_caret_at_end (Fixture       *fixture,
                   gconstpointer  data)
{
  guint li = offset_of (fixture, "Li Wei");
  guint start, end;

  /* Tagging (trimming the white space). */
  select_range (fixture, li - 1, li + 6);
  activate (fixture, "win.tag", "OFFICIAL");
  extend_right (fixture);
  get_selection (fixture, &start, &end);
  g_assert_cmpuint (start, ==, li);
  g_assert_cmpuint (end, ==, li + 7);

  /* Tab. */
  select_range (fixture, 0, 0);
  activate (fixture, "win.next-span", NULL);
  extend_right (fixture);
  get_selection (fixture, &start, &end);
  g_assert_cmpuint (start, ==, li);
  g_assert_cmpuint (end, ==, li + 7);

  /* A search hit. */
  select_range (fixture, 0, 0);
  activate (fixture, "win.search", NULL);
  search_for (fixture, "Li W");
  g_signal_emit_by_name (search_entry (fixture), "activate");
  extend_right (fixture);
  extend_right (fixture);
  get_selection (fixture, &start, &end);
  g_assert_cmpuint (start, ==, li);
  g_assert_cmpuint (end, ==, li + 6);
}

/* Alt+Left/Right move a span's start, Alt+Shift+Left/Right its end, one
 * character at a time, undoably; the span stays selected. */
static void
test_boundary_keys (Fixture       *fixture,
                    gconstpointer  data)
{
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  SpanmarkHistory *history = spanmark_annotation_set_get_history (set);
  guint li = offset_of (fixture, "Li Wei");
  g_autofree char *id = NULL;
  const SpanmarkSpan *span;
  guint start, end, steps;

  select_range (fixture, li, li + 2);
  activate (fixture, "win.tag", "OFFICIAL");
  id = g_strdup (find (set, li, li + 2, "OFFICIAL")->id);
  steps = spanmark_history_get_n_undo_steps (history);

  /* "Li" → "Li Wei": the end four characters right. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (press (fixture, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK));
  span = spanmark_annotation_set_lookup_span (set, id);
  g_assert_cmpuint (span->start, ==, li);
  g_assert_cmpuint (span->end, ==, li + 6);
  g_assert_cmpstr (span->text, ==, "Li Wei");
  get_selection (fixture, &start, &end);
  g_assert_cmpuint (start, ==, li);
  g_assert_cmpuint (end, ==, li + 6);

  /* The start: one right, one left ("i Wei", then "Li Wei" again), and
   * one left more ("yor Li Wei" would start with a space: " Li Wei"). */
  g_assert_true (press (fixture, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, id)->text, ==, "i Wei");
  g_assert_true (press (fixture, GDK_KEY_KP_Left, GDK_ALT_MASK));
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, id)->text, ==, "Li Wei");
  g_assert_true (press (fixture, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK));
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, id)->text, ==, "Li We");
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, steps + 7);

  /* The caret inside a span is enough. */
  select_range (fixture, li + 2, li + 2);
  g_assert_true (press (fixture, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK));
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, id)->text, ==, "Li Wei");

  /* Each step undoes on its own. */
  activate (fixture, "win.undo", NULL);
  activate (fixture, "win.undo", NULL);
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, id)->text, ==, "Li Wei");
  activate (fixture, "win.undo", NULL);
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (set, id)->text, ==, "i Wei");

  /* A span cannot lose its last character, nor pass the text's start. */
  select_range (fixture, 0, 1);
  activate (fixture, "win.tag", "PLACE");
  steps = spanmark_history_get_n_undo_steps (history);
  g_assert_true (press (fixture, GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_true (press (fixture, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK));
  g_assert_true (press (fixture, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, steps);
  g_assert_nonnull (find (set, 0, 1, "PLACE"));

  /* Alt with other keys is not ours. */
  g_assert_false (press (fixture, GDK_KEY_Up, GDK_ALT_MASK));
}

/* Regression: "Span removed — Undo" waited about 3 s behind the "Saved"
 * toast.  Ctrl+S shows no toast (the header says "Saved"), and the Undo
 * toast goes before any notice shown or waiting. */
static void
test_undo_toast_at_once (Fixture       *fixture,
                         gconstpointer  data)
{
  guint li = offset_of (fixture, "Li Wei");

  select_range (fixture, li, li + 6);
  activate (fixture, "win.tag", "OFFICIAL");
  activate (fixture, "win.save", NULL);
  g_assert_false (toast_shown (fixture->window, "Saved"));
  g_assert_cmpstr (named_text (fixture, "save-state"), ==, "Saved");

  /* Two notices, one on screen and one waiting. */
  activate (fixture, "win.tag-all", "OFFICIAL");
  activate (fixture, "win.tag", "OFFICIAL");
  g_assert_true (toast_shown (fixture->window, "Tagged 1 occurrence"));

  select_range (fixture, li, li + 6);
  activate (fixture, "win.delete-span", NULL);
  g_assert_true (toast_shown (fixture->window, "Span removed"));

  /* Gone again at once (undo), with the notice it pushed aside still
   * fading out: nothing comes back, nothing breaks. */
  activate (fixture, "win.undo", NULL);
  g_assert_false (spanmark_window_has_toast (fixture->window, "Span removed"));
  activate (fixture, "win.delete-span", NULL);
  g_assert_true (toast_shown (fixture->window, "Span removed"));
  g_assert_true (wait_for (main_loop_idle, NULL));
}

/* A done document can be reopened from the list's context menu or with
 * Ctrl+Shift+T (Ctrl+Shift+Return accepts every suggestion), and editing
 * it reopens it too. */
static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  SpanmarkDocumentList *list = spanmark_window_get_document_list (fixture->window);
  GtkPopover *popover = spanmark_document_list_get_menu (list);
  GMenuModel *menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  SpanmarkProject *project = spanmark_window_get_project (fixture->window);
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  SpanmarkAnnotationSet *set;
  guint li = offset_of (fixture, "Li Wei");

  g_assert_true (wait_for (main_loop_idle, NULL));
  select_range (fixture, li, li + 6);
  activate (fixture, "win.tag", "OFFICIAL");
  activate (fixture, "win.done-next", NULL);
  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (fixture->window)), ==, "news");
  g_assert_cmpstr (row_status (fixture, "emoji"), ==, "Done");

  /* The menu of a document not done offers nothing; of a done one,
   * Reopen, for that document. */
  spanmark_document_list_popup_menu (list, spanmark_project_lookup_document (project, "news"));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  spanmark_document_list_popup_menu (list, spanmark_project_lookup_document (project, "emoji"));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "win.reopen-document");
  target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "emoji");
  gtk_popover_popdown (popover);

  /* What the item does: open it, in progress again. */
  activate (fixture, "win.reopen-document", "emoji");
  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (fixture->window)), ==, "emoji");
  set = spanmark_window_get_annotation_set (fixture->window);
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_cmpstr (row_status (fixture, "emoji"), ==, "In progress");
  g_assert_true (spanmark_window_get_dirty (fixture->window));

  /* The key, on the open document. */
  spanmark_annotation_set_set_status (set, SPANMARK_STATUS_DONE);
  g_assert_true (press (fixture, GDK_KEY_T, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_IN_PROGRESS);

  /* Editing a done document: in progress, in the list too; undo makes it
   * done again. */
  spanmark_annotation_set_set_status (set, SPANMARK_STATUS_DONE);
  g_assert_cmpstr (row_status (fixture, "emoji"), ==, "Done");
  select_range (fixture, li + 3, li + 6);
  activate (fixture, "win.tag", "PLACE");
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_cmpstr (row_status (fixture, "emoji"), ==, "In progress");
  activate (fixture, "win.undo", NULL);
  g_assert_cmpint (spanmark_annotation_set_get_status (set), ==, SPANMARK_STATUS_DONE);
  g_assert_cmpstr (row_status (fixture, "emoji"), ==, "Done");
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

static gboolean
toast_gone (gpointer data)
{
  return !toast_shown (data, "Span removed");
}

/* Regression: libadwaita 1.2 frees a toast's record when its hide
 * animation ends but lets its show animation (500 ms when it replaced
 * another toast) fire later on that freed record, so "Span removed"
 * gone by Ctrl+Z within 200 ms crashed the app a moment later.  A toast
 * now goes only once its show animation is over; the list of notices
 * forgets it at once, and it goes a moment later. */
static void
test_undo_toast_quick_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  guint li = offset_of (fixture, "Li Wei");
  gint64 until;

  for (guint round = 0; round < 3; round++)
    {
      select_range (fixture, li, li + 6);
      activate (fixture, "win.tag-all", "OFFICIAL");
      select_range (fixture, li, li + 6);
      activate (fixture, "win.delete-span", NULL);
      g_assert_true (spanmark_window_has_toast (fixture->window, "Span removed"));
      activate (fixture, "win.undo", NULL);
      g_assert_false (spanmark_window_has_toast (fixture->window, "Span removed"));

      /* Long enough for the animations that crashed to end; then the
       * toast goes (a second after it came up, and its own animation,
       * slower under a sanitizer). */
      until = g_get_monotonic_time () + 900 * G_TIME_SPAN_MILLISECOND;
      g_assert_true (wait_for (time_passed, &until));
      g_assert_true (wait_for (toast_gone, fixture->window));
    }
}

int
main (int   argc,
      char *argv[])
{
  spanmark_test_init (&argc, &argv);
#ifdef __GLIBC__
  /* Freed memory filled, so that a use after free in a library crashes
   * every time instead of now and then. */
  mallopt (M_PERTURB, 0x5a);
#endif

  SPANMARK_TEST_ADD ("/window-editing/relabel-key", test_relabel_key);
  SPANMARK_TEST_ADD ("/window-editing/relabel-attrs", test_relabel_attrs);
  SPANMARK_TEST_ADD ("/window-editing/caret-at-end", test_caret_at_end);
  SPANMARK_TEST_ADD ("/window-editing/boundary-keys", test_boundary_keys);
  SPANMARK_TEST_ADD ("/window-editing/undo-toast-at-once", test_undo_toast_at_once);
  SPANMARK_TEST_ADD ("/window-editing/undo-toast-quick-undo", test_undo_toast_quick_undo);
  SPANMARK_TEST_ADD ("/window-editing/reopen", test_reopen);

  return g_test_run ();
}
