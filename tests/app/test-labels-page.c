/* test-labels-page.c — editing the project's labels in Preferences, and the
 * window following them
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "app-test-util.h"
#include "spanmark-label-ops.h"
#include "spanmark-preferences-window.h"
#include "window-test-fixture.h"

/* Preferences over the fixture's window, and its Labels page. */
static SpanmarkLabelsPage *
open_page (Fixture    *fixture,
           GtkWidget **preferences)
{
  SpanmarkLabelsPage *page;

  *preferences = spanmark_preferences_window_new (GTK_WINDOW (fixture->window));
  gtk_window_present (GTK_WINDOW (*preferences));
  page = spanmark_preferences_window_get_labels_page (SPANMARK_PREFERENCES_WINDOW (*preferences));
  g_assert_nonnull (page);
  return page;
}

static void
close_page (GtkWidget *preferences)
{
  gtk_window_destroy (GTK_WINDOW (preferences));
  wait_for (main_loop_idle, NULL);
}

/* Runs labels.@action with @format and its values on the page, then the
 * main loop until the page has made its rows again. */
static void
page_do (SpanmarkLabelsPage *page,
         const char         *action,
         const char         *format,
         ...)
{
  va_list args;
  GVariant *parameter;

  va_start (args, format);
  parameter = g_variant_new_va (format, NULL, &args);
  va_end (args);

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (page), action, parameter));
  wait_for (main_loop_idle, NULL);
}

static SpanmarkSchema *
schema_of (Fixture *fixture)
{
  return spanmark_project_get_schema (spanmark_window_get_project (fixture->window));
}

/* The labels as spanmark.json has them now, "A,B,C". */
static char *
names_on_disk (Fixture *fixture)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->project_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkProject) project = spanmark_project_open (dir, &error);
  g_autoptr(GString) names = g_string_new (NULL);
  SpanmarkSchema *schema;

  g_assert_no_error (error);
  schema = spanmark_project_get_schema (project);
  for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
    g_string_append_printf (names, i > 0 ? ",%s" : "%s", spanmark_schema_get_label (schema, i)->name);
  return g_strdup (names->str);
}

/* The window's side panels in their order, "A,B,C". */
static char *
panel_names (Fixture *fixture)
{
  SpanmarkLabelPanel *first = spanmark_window_get_label_panel (fixture->window,
                                                               spanmark_schema_get_label (schema_of (fixture), 0)->name);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_nonnull (first);
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (first)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SPANMARK_IS_LABEL_PANEL (child))
      g_string_append_printf (names, names->len > 0 ? ",%s" : "%s",
                              spanmark_label_panel_get_label (SPANMARK_LABEL_PANEL (child))->name);
  return g_strdup (names->str);
}

static void
test_no_project (void)
{
  GtkWidget *preferences = spanmark_preferences_window_new (NULL);

  g_object_ref_sink (preferences);
  g_assert_null (spanmark_preferences_window_get_labels_page (SPANMARK_PREFERENCES_WINDOW (preferences)));
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_assert_finalize_object (preferences);
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *preferences;
  SpanmarkLabelsPage *page = open_page (fixture, &preferences);
  GtkWidget *row = spanmark_labels_page_get_row (page, "PLACE");
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GdkRGBA rgba;

  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Places");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "PLACE · key 2");
  spanmark_test_collect_of_type (row, GTK_TYPE_COLOR_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (buttons->pdata[0]), &rgba);
  g_assert_cmpint ((int) (rgba.green * 255 + 0.5), ==, 0xc2);
  g_assert_nonnull (spanmark_labels_page_get_row (page, "OFFICIAL"));
  g_assert_nonnull (spanmark_labels_page_get_row (page, "INITIATIVE"));
  g_assert_null (spanmark_labels_page_get_row (page, "NOPE"));

  close_page (preferences);
}

/* Adding a label: a row, spanmark.json, a side panel, and its key tags. */
static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  GtkWidget *preferences;
  SpanmarkLabelsPage *page = open_page (fixture, &preferences);
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  g_autofree char *names = NULL;
  guint pier;
  const SpanmarkLabel *label;

  page_do (page, "labels.add", "s", " FACILITY ");
  label = spanmark_schema_lookup (schema_of (fixture), "FACILITY");
  g_assert_nonnull (label);
  g_assert_cmpstr (label->key, ==, "4");
  g_assert_cmpstr (label->color, ==, spanmark_label_rules_get_palette ()[3]);
  g_assert_nonnull (spanmark_labels_page_get_row (page, "FACILITY"));
  /* The new row is open, to be filled in. */
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (spanmark_labels_page_get_row (page, "FACILITY"))));
  names = names_on_disk (fixture);
  g_assert_cmpstr (names, ==, "OFFICIAL,PLACE,INITIATIVE,FACILITY");
  g_assert_nonnull (spanmark_window_get_label_panel (fixture->window, "FACILITY"));

  pier = offset_of (fixture, "ferry pier");
  select_range (fixture, pier, pier + 10);
  gtk_widget_grab_focus (GTK_WIDGET (spanmark_document_view_get_text_view (spanmark_window_get_document_view (fixture->window))));
  g_assert_true (press (fixture, GDK_KEY_4, 0));
  g_assert_nonnull (find (set, pier, pier + 10, "FACILITY"));

  /* A name taken or against the rules: a toast says why. */
  page_do (page, "labels.add", "s", "PLACE");
  g_assert_nonnull (strstr (spanmark_labels_page_get_message (page), "there is a label “PLACE” already"));
  page_do (page, "labels.add", "s", "TWO WORDS");
  g_assert_nonnull (strstr (spanmark_labels_page_get_message (page), "cannot be a label name"));
  g_assert_cmpuint (spanmark_schema_get_n_labels (schema_of (fixture)), ==, 4);

  close_page (preferences);
}

/* Title, key, colour and attributes, through the actions and through
 * the row's own widgets. */
static void
test_set_fields (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *preferences;
  SpanmarkLabelsPage *page = open_page (fixture, &preferences);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *row;
  const SpanmarkLabel *place;
  GtkStack *stack;
  GdkRGBA rgba;

  page_do (page, "labels.set-title", "(ss)", "PLACE", "地点");
  page_do (page, "labels.set-key", "(ss)", "PLACE", "p");
  page_do (page, "labels.set-color", "(ss)", "PLACE", "green5");
  page_do (page, "labels.set-attrs", "(ss)", "PLACE", "kind, level");
  place = spanmark_schema_lookup (schema_of (fixture), "PLACE");
  g_assert_cmpstr (place->title, ==, "地点");
  g_assert_cmpstr (place->key, ==, "p");
  g_assert_cmpstr (place->color, ==, "#26a269");
  g_assert_cmpuint (g_strv_length (place->attrs), ==, 2);
  row = spanmark_labels_page_get_row (page, "PLACE");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "地点");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "PLACE · key p");
  /* The side panel's title follows. */
  stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (spanmark_window_get_label_panel (fixture->window, "PLACE"))));
  g_assert_cmpstr (gtk_stack_page_get_title (gtk_stack_get_page (stack, GTK_WIDGET (spanmark_window_get_label_panel (fixture->window, "PLACE")))),
                   ==, "地点");

  /* Refused: another label's key, a colour text cannot be read on. */
  page_do (page, "labels.set-key", "(ss)", "PLACE", "1");
  g_assert_nonnull (strstr (spanmark_labels_page_get_message (page), "the key “1” is the key of “OFFICIAL” already"));
  page_do (page, "labels.set-color", "(ss)", "PLACE", "#f9f06b");
  g_assert_nonnull (strstr (spanmark_labels_page_get_message (page), "hard to read in the dark style"));
  place = spanmark_schema_lookup (schema_of (fixture), "PLACE");
  g_assert_cmpstr (place->key, ==, "p");
  g_assert_cmpstr (place->color, ==, "#26a269");

  /* The title entry, as the user types and applies. */
  row = spanmark_labels_page_get_row (page, "PLACE");
  spanmark_test_collect_of_type (row, ADW_TYPE_ENTRY_ROW, entries);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entries->pdata[1])), ==, "地点");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entries->pdata[3])), ==, "kind, level");
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[1]), "Places & <Towns>");
  g_signal_emit_by_name (entries->pdata[1], "apply");
  wait_for (main_loop_idle, NULL);
  g_assert_cmpstr (spanmark_schema_lookup (schema_of (fixture), "PLACE")->title, ==, "Places & <Towns>");

  /* The colour button, as the chooser sets it. */
  row = spanmark_labels_page_get_row (page, "PLACE");
  spanmark_test_collect_of_type (row, GTK_TYPE_COLOR_BUTTON, buttons);
  gdk_rgba_parse (&rgba, "#c01c28");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (buttons->pdata[0]), &rgba);
  g_signal_emit_by_name (buttons->pdata[0], "color-set");
  wait_for (main_loop_idle, NULL);
  g_assert_cmpstr (spanmark_schema_lookup (schema_of (fixture), "PLACE")->color, ==, "#c01c28");

  close_page (preferences);
}

/* Moving a label moves its side panel. */
static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *preferences;
  SpanmarkLabelsPage *page = open_page (fixture, &preferences);
  g_autofree char *panels = NULL;
  g_autofree char *names = NULL;
  GtkWidget *up;

  page_do (page, "labels.move", "(si)", "INITIATIVE", -1);
  page_do (page, "labels.move", "(si)", "INITIATIVE", -1);
  /* Past the top: nothing. */
  page_do (page, "labels.move", "(si)", "INITIATIVE", -1);
  names = names_on_disk (fixture);
  g_assert_cmpstr (names, ==, "INITIATIVE,OFFICIAL,PLACE");
  panels = panel_names (fixture);
  g_assert_cmpstr (panels, ==, "INITIATIVE,OFFICIAL,PLACE");

  /* The first row's Move Up is off; the button moves the next one up. */
  up = spanmark_test_find_named (spanmark_labels_page_get_row (page, "INITIATIVE"), "move-up");
  g_assert_false (gtk_widget_get_sensitive (up));
  g_assert_false (gtk_widget_get_sensitive (spanmark_test_find_named (spanmark_labels_page_get_row (page, "PLACE"),
                                                                      "move-down")));
  up = spanmark_test_find_named (spanmark_labels_page_get_row (page, "PLACE"), "move-up");
  g_assert_true (gtk_widget_get_sensitive (up));
  g_signal_emit_by_name (up, "clicked");
  wait_for (main_loop_idle, NULL);
  g_clear_pointer (&panels, g_free);
  panels = panel_names (fixture);
  g_assert_cmpstr (panels, ==, "INITIATIVE,PLACE,OFFICIAL");

  close_page (preferences);
}

/* Renaming saves the open document first, rewrites the files and shows
 * the document again with the new name. */
static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *preferences;
  SpanmarkLabelsPage *page = open_page (fixture, &preferences);
  g_autoptr(JsonParser) parser = json_parser_new ();
  SpanmarkAnnotationSet *set;
  JsonObject *saved;
  JsonArray *spans;
  guint harbour = offset_of (fixture, "Harbour Town");
  const char *doc_id = spanmark_document_get_id (spanmark_window_get_document (fixture->window));

  select_range (fixture, harbour, harbour + 12);
  activate (fixture, "win.tag", "PLACE");
  g_assert_true (spanmark_window_get_dirty (fixture->window));

  page_do (page, "labels.rename", "(ss)", "PLACE", "LOC");
  g_assert_cmpstr (spanmark_labels_page_get_message (page), ==,
                   "Renamed “PLACE” to “LOC”: rewrote 1 span in 1 annotation file");
  g_assert_false (spanmark_window_get_dirty (fixture->window));
  saved = read_saved (fixture, doc_id, parser);
  spans = json_object_get_array_member (saved, "spans");
  g_assert_cmpuint (json_array_get_length (spans), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (spans, 0), "label"), ==, "LOC");

  /* The window shows the file as it is now. */
  set = spanmark_window_get_annotation_set (fixture->window);
  g_assert_nonnull (find (set, harbour, harbour + 12, "LOC"));
  g_assert_nonnull (spanmark_window_get_label_panel (fixture->window, "LOC"));
  g_assert_null (spanmark_window_get_label_panel (fixture->window, "PLACE"));
  g_assert_nonnull (spanmark_labels_page_get_row (page, "LOC"));
  g_assert_null (spanmark_labels_page_get_row (page, "PLACE"));

  page_do (page, "labels.rename", "(ss)", "LOC", "OFFICIAL");
  g_assert_nonnull (strstr (spanmark_labels_page_get_message (page), "there is a label “OFFICIAL” already"));

  close_page (preferences);
}

/* A label in use goes only when the user agrees to delete its spans. */
static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *preferences;
  SpanmarkLabelsPage *page = open_page (fixture, &preferences);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *names = NULL;
  SpanmarkAnnotationSet *set;
  GtkWidget *dialog;
  GtkWidget *focus;
  guint harbour = offset_of (fixture, "Harbour Town");
  guint li = offset_of (fixture, "Li Wei");
  const char *doc_id = spanmark_document_get_id (spanmark_window_get_document (fixture->window));

  select_range (fixture, harbour, harbour + 12);
  activate (fixture, "win.tag", "PLACE");
  select_range (fixture, li, li + 6);
  activate (fixture, "win.tag", "OFFICIAL");

  page_do (page, "labels.remove", "s", "PLACE");
  dialog = spanmark_labels_page_get_dialog (page);
  g_assert_nonnull (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "1 span in 1 annotation file"));
  g_assert_nonnull (spanmark_schema_lookup (schema_of (fixture), "PLACE"));
  /* Enter answers Cancel, whichever way the buttons are laid out. */
  g_assert_true (wait_for ((Condition) gtk_widget_get_mapped, dialog));
  wait_for (main_loop_idle, NULL);
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_true (GTK_IS_BUTTON (focus) && gtk_widget_get_mapped (focus));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "_Cancel");
  g_assert_true (focus == gtk_window_get_default_widget (GTK_WINDOW (dialog)));

  /* Cancel keeps everything. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for (main_loop_idle, NULL);
  g_assert_null (spanmark_labels_page_get_dialog (page));
  g_assert_nonnull (spanmark_schema_lookup (schema_of (fixture), "PLACE"));

  /* The row's remove button, this time. */
  g_signal_emit_by_name (spanmark_test_find_named (spanmark_labels_page_get_row (page, "PLACE"), "remove"), "clicked");
  wait_for (main_loop_idle, NULL);
  dialog = spanmark_labels_page_get_dialog (page);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for (main_loop_idle, NULL);
  g_assert_null (spanmark_schema_lookup (schema_of (fixture), "PLACE"));
  g_assert_cmpstr (spanmark_labels_page_get_message (page), ==,
                   "Removed “PLACE” and deleted 1 span in 1 annotation file");
  names = names_on_disk (fixture);
  g_assert_cmpstr (names, ==, "OFFICIAL,INITIATIVE");
  set = spanmark_window_get_annotation_set (fixture->window);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 1);
  g_assert_nonnull (find (set, li, li + 6, "OFFICIAL"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (read_saved (fixture, doc_id, parser), "spans")),
                    ==, 1);
  g_assert_null (spanmark_window_get_label_panel (fixture->window, "PLACE"));

  /* Unused: at once, no question. */
  page_do (page, "labels.remove", "s", "INITIATIVE");
  g_assert_null (spanmark_labels_page_get_dialog (page));
  g_assert_null (spanmark_schema_lookup (schema_of (fixture), "INITIATIVE"));
  g_assert_cmpstr (spanmark_labels_page_get_message (page), ==, "Removed “INITIATIVE”");

  close_page (preferences);
}

typedef void (*FixtureTest) (Fixture *fixture, gconstpointer data);

int
main (int   argc,
      char *argv[])
{
  /* Each on a window of its own (window-test-fixture.h). */
  static const struct {
    const char  *path;
    FixtureTest  func;
  } window_tests[] = {
    { "/labels-page/rows", test_rows },
    { "/labels-page/add", test_add },
    { "/labels-page/set-fields", test_set_fields },
    { "/labels-page/move", test_move },
    { "/labels-page/rename", test_rename },
    { "/labels-page/remove", test_remove },
  };

  spanmark_test_init (&argc, &argv);

  g_test_add_func ("/labels-page/no-project", test_no_project);
  for (guint i = 0; i < G_N_ELEMENTS (window_tests); i++)
    g_test_add (window_tests[i].path, Fixture, NULL, fixture_set_up, window_tests[i].func, fixture_tear_down);

  return g_test_run ();
}
