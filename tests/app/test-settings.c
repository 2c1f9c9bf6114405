/* test-settings.c — SpanmarkSettings: annotator name, override, recent projects
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "spanmark-settings.h"

static void
test_annotator_default_and_key (void)
{
  SpanmarkSettings *settings = spanmark_settings_get_default ();
  GSettings *gsettings = spanmark_settings_get_gsettings (settings);
  g_autofree char *from_login = NULL;
  g_autofree char *from_key = NULL;
  g_autofree char *cleaned = NULL;

  g_settings_set_string (gsettings, "annotator-name", "");
  from_login = spanmark_settings_dup_annotator (settings);
  g_assert_nonnull (from_login);
  g_assert_cmpstr (from_login, !=, "");

  g_settings_set_string (gsettings, "annotator-name", "  alice ");
  from_key = spanmark_settings_dup_annotator (settings);
  g_assert_cmpstr (from_key, ==, "alice");

  /* A name that cannot be a folder name is made into one. */
  g_settings_set_string (gsettings, "annotator-name", "a/b");
  cleaned = spanmark_settings_dup_annotator (settings);
  g_assert_null (strchr (cleaned, '/'));

  g_settings_reset (gsettings, "annotator-name");
}

static void
test_annotator_override (void)
{
  SpanmarkSettings *settings = spanmark_settings_get_default ();
  GSettings *gsettings = spanmark_settings_get_gsettings (settings);
  g_autofree char *overridden = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *key = NULL;

  g_settings_set_string (gsettings, "annotator-name", "alice");
  spanmark_settings_set_annotator_override (settings, "sample");
  overridden = spanmark_settings_dup_annotator (settings);
  g_assert_cmpstr (overridden, ==, "sample");

  /* The override is for this run only: the key is untouched. */
  key = g_settings_get_string (gsettings, "annotator-name");
  g_assert_cmpstr (key, ==, "alice");

  spanmark_settings_set_annotator_override (settings, NULL);
  restored = spanmark_settings_dup_annotator (settings);
  g_assert_cmpstr (restored, ==, "alice");
  g_settings_reset (gsettings, "annotator-name");
}

static void
test_recent_projects (void)
{
  SpanmarkSettings *settings = spanmark_settings_get_default ();
  g_auto(GStrv) recent = NULL;
  g_auto(GStrv) after_remove = NULL;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *path = g_strdup_printf ("/projects/p%u", i);
      spanmark_settings_add_recent_project (settings, path);
    }
  /* Opening one again moves it to the front without a duplicate. */
  spanmark_settings_add_recent_project (settings, "/projects/p5");

  recent = spanmark_settings_dup_recent_projects (settings);
  g_assert_cmpuint (g_strv_length (recent), ==, 10);
  g_assert_cmpstr (recent[0], ==, "/projects/p5");
  g_assert_cmpstr (recent[1], ==, "/projects/p11");
  for (guint i = 1; recent[i] != NULL; i++)
    g_assert_cmpstr (recent[i], !=, "/projects/p5");

  spanmark_settings_remove_recent_project (settings, "/projects/p5");
  after_remove = spanmark_settings_dup_recent_projects (settings);
  g_assert_cmpstr (after_remove[0], ==, "/projects/p11");
  g_assert_false (g_strv_contains ((const char * const *) after_remove, "/projects/p5"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/settings/annotator", test_annotator_default_and_key);
  g_test_add_func ("/settings/annotator-override", test_annotator_override);
  g_test_add_func ("/settings/recent-projects", test_recent_projects);

  return g_test_run ();
}
