/* window-test-fixture.c — a project and a window on it, for the window tests
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "app-test-util.h"
#include "spanmark-import.h"
#include "spanmark-settings.h"
#include "window-test-fixture.h"

gboolean
wait_for (Condition condition,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }

  return TRUE;
}

gboolean
main_loop_idle (gpointer data)
{
  return !g_main_context_pending (NULL);
}

guint
offset_of (Fixture    *fixture,
           const char *needle)
{
  return spanmark_test_offset_of (spanmark_annotation_set_get_text (spanmark_window_get_annotation_set (fixture->window)),
                                  needle, 0);
}

void
destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (wait_for (main_loop_idle, NULL));
  g_assert_finalize_object (window);
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  GSettings *settings = spanmark_settings_get_gsettings (spanmark_settings_get_default ());
  const char *names[] = { "emoji.txt", "news.txt" };
  SpanmarkImportOptions options = { NULL, SPANMARK_TEXT_ENCODING_UTF8 };

  g_settings_set_string (settings, "annotator-name", ANNOTATOR);
  g_settings_set_uint (settings, "autosave-delay", 60);
  g_settings_reset (settings, "font-size");
  g_settings_reset (settings, "line-spacing");

  /* A folder name that is not valid Pango markup: messages that name
   * files must reach the screen as plain text. */
  fixture->tmp = spanmark_test_make_project ("a&b <project>", "Fixture", &fixture->project_path, &project);
  dir = g_file_new_for_path (fixture->project_path);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "app", "fixtures", names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_cmpint (spanmark_import_file (project, file, &options, &error), ==, 1);
      g_assert_no_error (error);
    }
  spanmark_project_save (project, &error);
  g_assert_no_error (error);

  fixture->window = spanmark_test_new_window (dir);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  wait_for (main_loop_idle, NULL);
  g_assert_finalize_object (fixture->window);

  spanmark_test_remove_tree (fixture->tmp);
  g_free (fixture->project_path);
  g_free (fixture->tmp);
}

void
select_range (Fixture *fixture,
              guint    start,
              guint    end)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.select-range",
                                             "(uu)", start, end));
}

void
activate (Fixture    *fixture,
          const char *action,
          const char *label)
{
  if (label != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, "s", label));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
}

const SpanmarkSpan *
find (SpanmarkAnnotationSet *set,
      guint                  start,
      guint                  end,
      const char            *label)
{
  return spanmark_annotation_set_find_span (set, start, end, label);
}

JsonObject *
read_saved (Fixture    *fixture,
            const char *doc_id,
            JsonParser *parser)
{
  g_autofree char *name = g_strconcat (doc_id, ".json", NULL);
  g_autofree char *path = g_build_filename (fixture->project_path, "annotations", ANNOTATOR, name, NULL);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

SpanmarkDocumentRow *
row_of (Fixture    *fixture,
        const char *doc_id)
{
  SpanmarkProject *project = spanmark_window_get_project (fixture->window);
  SpanmarkDocument *document = spanmark_project_lookup_document (project, doc_id);
  SpanmarkDocumentRow *row;

  g_assert_nonnull (document);
  row = spanmark_document_list_get_row (spanmark_window_get_document_list (fixture->window), document);
  g_assert_nonnull (row);

  return row;
}

const char *
row_status (Fixture    *fixture,
            const char *doc_id)
{
  return spanmark_document_row_get_status_text (row_of (fixture, doc_id));
}

GtkWidget *
named (Fixture    *fixture,
       const char *name)
{
  return spanmark_test_find_named (GTK_WIDGET (fixture->window), name);
}

const char *
named_text (Fixture    *fixture,
            const char *name)
{
  return spanmark_test_label_text (GTK_WIDGET (fixture->window), name);
}

GtkWidget *
search_entry (Fixture *fixture)
{
  return named (fixture, "search-entry");
}

void
search_for (Fixture    *fixture,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (search_entry (fixture)), text);
  g_signal_emit_by_name (search_entry (fixture), "search-changed");
}

gboolean
press (Fixture         *fixture,
       guint            keyval,
       GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  GtkEventController *keys = NULL;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "spanmark-keys") == 0)
        keys = controller;
    }
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);

  return handled;
}

GtkWindow *
find_transient (GtkWindow *parent,
                GType      type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type)
        && gtk_window_get_transient_for (l->data) == parent
        && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

GPtrArray *
toast_labels (AdwToastOverlay *overlay)
{
  GPtrArray *labels = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != adw_toast_overlay_get_child (overlay))
      spanmark_test_collect_of_type (child, GTK_TYPE_LABEL, labels);

  return labels;
}

gboolean
toast_shown (SpanmarkWindow *window,
             const char     *text)
{
  GtkWidget *overlay = spanmark_test_find_of_type (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GPtrArray) labels = toast_labels (ADW_TOAST_OVERLAY (overlay));

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;

  return FALSE;
}
