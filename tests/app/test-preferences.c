/* test-preferences.c — the Preferences and About windows
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "app-test-util.h"
#include "spanmark-about.h"
#include "spanmark-preferences-window.h"
#include "spanmark-resources.h"
#include "spanmark-settings.h"

static GSettings *
get_gsettings (void)
{
  return spanmark_settings_get_gsettings (spanmark_settings_get_default ());
}

static void
reset_settings (void)
{
  GSettings *gsettings = get_gsettings ();

  g_settings_reset (gsettings, "annotator-name");
  g_settings_reset (gsettings, "font-size");
  g_settings_reset (gsettings, "line-spacing");
  g_settings_reset (gsettings, "autosave-delay");
  g_settings_reset (gsettings, "auto-sync-minutes");
}

/* Finds the @nth descendant of @widget of @type, depth first: the
 * template's widgets come in a fixed order. */
static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type,
                    guint      nth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          if (nth == 0)
            return child;
          nth--;
        }
      found = find_child_of_type (child, type, nth);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_preferences_spin_buttons (void)
{
  GSettings *gsettings = get_gsettings ();
  GtkWidget *window;
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  GtkSpinButton *font_size, *line_spacing, *autosave, *auto_sync;

  reset_settings ();
  g_settings_set_int (gsettings, "font-size", 20);

  window = spanmark_preferences_window_new (NULL);
  g_object_ref_sink (window);
  spanmark_test_collect_of_type (window, GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 4);
  font_size = spins->pdata[0];
  line_spacing = spins->pdata[1];
  autosave = spins->pdata[2];
  auto_sync = spins->pdata[3];
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (auto_sync)), ==, "auto-sync-minutes");

  /* Settings → widgets, at creation and afterwards. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (font_size), ==, 20);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (line_spacing), 1.6, 1e-9);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (autosave), ==, 2);
  /* Team sync: off until asked for. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (auto_sync), ==, 0);
  g_settings_set_double (gsettings, "line-spacing", 2.5);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (line_spacing), 2.5, 1e-9);

  /* Widgets → settings. */
  gtk_spin_button_set_value (font_size, 13);
  g_assert_cmpint (g_settings_get_int (gsettings, "font-size"), ==, 13);
  gtk_spin_button_set_value (autosave, 30);
  g_assert_cmpuint (g_settings_get_uint (gsettings, "autosave-delay"), ==, 30);
  gtk_spin_button_set_value (auto_sync, 15);
  g_assert_cmpuint (g_settings_get_uint (gsettings, "auto-sync-minutes"), ==, 15);
  gtk_spin_button_set_value (line_spacing, 1.2);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (gsettings, "line-spacing"), 1.2, 1e-9);

  /* The adjustments keep values inside the schema's ranges. */
  gtk_spin_button_set_value (font_size, 200);
  g_assert_cmpint (g_settings_get_int (gsettings, "font-size"), ==, 48);
  gtk_spin_button_set_value (autosave, 0);
  g_assert_cmpuint (g_settings_get_uint (gsettings, "autosave-delay"), ==, 1);
  gtk_spin_button_set_value (auto_sync, 1000);
  g_assert_cmpuint (g_settings_get_uint (gsettings, "auto-sync-minutes"), ==, 240);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  reset_settings ();
}

/* Label chips: the switch and the key, both ways. */
static void
test_preferences_label_chips (void)
{
  GSettings *gsettings = get_gsettings ();
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();
  GtkWidget *window;
  GtkSwitch *chips;

  g_settings_reset (gsettings, "show-label-chips");
  window = spanmark_preferences_window_new (NULL);
  g_object_ref_sink (window);
  spanmark_test_collect_of_type (window, GTK_TYPE_SWITCH, switches);
  g_assert_cmpuint (switches->len, ==, 1);
  chips = switches->pdata[0];
  g_assert_false (gtk_switch_get_active (chips));
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (chips), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       gtk_widget_get_ancestor (GTK_WIDGET (chips), ADW_TYPE_ACTION_ROW), NULL);

  gtk_switch_set_active (chips, TRUE);
  g_assert_true (g_settings_get_boolean (gsettings, "show-label-chips"));
  g_settings_set_boolean (gsettings, "show-label-chips", FALSE);
  g_assert_false (gtk_switch_get_active (chips));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_settings_reset (gsettings, "show-label-chips");
}

static void
assert_annotator_name (const char *expected)
{
  g_autofree char *name = g_settings_get_string (get_gsettings (), "annotator-name");

  g_assert_cmpstr (name, ==, expected);
}

static void
test_preferences_annotator_name (void)
{
  GSettings *gsettings = get_gsettings ();
  GtkWidget *window;
  AdwEntryRow *row;
  AdwPreferencesGroup *group;
  const char *description;

  reset_settings ();
  g_settings_set_string (gsettings, "annotator-name", "alice");

  window = spanmark_preferences_window_new (NULL);
  g_object_ref_sink (window);
  row = ADW_ENTRY_ROW (find_child_of_type (window, ADW_TYPE_ENTRY_ROW, 0));
  group = ADW_PREFERENCES_GROUP (find_child_of_type (window, ADW_TYPE_PREFERENCES_GROUP, 0));
  g_assert_nonnull (row);
  g_assert_nonnull (group);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "alice");
  description = adw_preferences_group_get_description (group);
  g_assert_nonnull (strstr (description, "annotations/alice/"));

  /* Typing alone does not change the folder work is saved to. */
  gtk_editable_set_text (GTK_EDITABLE (row), "张伟");
  assert_annotator_name ("alice");
  g_signal_emit_by_name (row, "apply");
  assert_annotator_name ("张伟");
  description = adw_preferences_group_get_description (group);
  g_assert_nonnull (strstr (description, "annotations/张伟/"));

  /* A name that would escape the annotations folder is refused and
   * marked as an error; the stored name stays. */
  gtk_editable_set_text (GTK_EDITABLE (row), "../bob");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_signal_emit_by_name (row, "apply");
  assert_annotator_name ("张伟");
  gtk_editable_set_text (GTK_EDITABLE (row), "bob");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  /* Changes made elsewhere show in the row. */
  g_settings_set_string (gsettings, "annotator-name", "carol");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "carol");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  reset_settings ();
}

static void
test_about (void)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  AdwAboutWindow *about = NULL;

  spanmark_show_about (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (item))
        about = ADW_ABOUT_WINDOW (item);
    }
  g_assert_nonnull (about);
  g_object_ref (about);

  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Spanmark");
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APPLICATION_ID);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, PACKAGE_WEBSITE);
  g_assert_true (g_str_has_prefix (adw_about_window_get_issue_url (about), PACKAGE_WEBSITE));
  g_assert_cmpstr (adw_about_window_get_developers (about)[0], ==, "The Spanmark authors");
  g_assert_nonnull (strstr (adw_about_window_get_release_notes (about), "<li>"));

  gtk_window_destroy (GTK_WINDOW (about));
  g_assert_finalize_object (about);
}

int
main (int   argc,
      char *argv[])
{
  spanmark_test_init (&argc, &argv);

  g_test_add_func ("/preferences/spin-buttons", test_preferences_spin_buttons);
  g_test_add_func ("/preferences/annotator-name", test_preferences_annotator_name);
  g_test_add_func ("/preferences/label-chips", test_preferences_label_chips);
  g_test_add_func ("/about/properties", test_about);

  return g_test_run ();
}
