/* test-cli.c — spanmark-cli: commands, --help, usage errors, init
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

static void
test_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *commands[] = { "init", "import", "export", "validate", "stats" };

  g_assert_cmpint (cli_run (NULL, &out, &err, "--help", NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (out, commands[i]));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cli_run (NULL, &out, NULL, "-h", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "validate"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cli_run (NULL, &out, NULL, "--version", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "spanmark-cli " PACKAGE_VERSION));
}

static void
test_command_help (void)
{
  const char *commands[] = { "init", "import", "export", "validate", "stats" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *usage = g_strdup_printf ("spanmark-cli %s", commands[i]);

      g_assert_cmpint (cli_run (NULL, &out, NULL, commands[i], "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (out, usage));
      g_assert_nonnull (strstr (out, "--help"));
      g_clear_pointer (&out, g_free);

      g_assert_cmpint (cli_run (NULL, &out, NULL, "help", commands[i], NULL), ==, 0);
      g_assert_nonnull (strstr (out, usage));
    }
}

static void
test_usage_errors (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* No command at all. */
  g_assert_cmpint (cli_run (NULL, &out, &err, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "COMMAND"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (NULL, &out, &err, "frobnicate", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "frobnicate"));
  g_assert_nonnull (strstr (err, "import"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli_run (NULL, NULL, &err, "--frobnicate", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--frobnicate"));
  g_clear_pointer (&err, g_free);

  /* Unknown options of each command. */
  g_assert_cmpint (cli_run (NULL, NULL, &err, "init", "--frobnicate", "x", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--frobnicate"));
  g_assert_nonnull (strstr (err, "spanmark-cli init --help"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "import", "--frobnicate", "x", "y", NULL), ==, 2);
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "validate", "--frobnicate", "x", NULL), ==, 2);
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "stats", "--frobnicate", "x", NULL), ==, 2);
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "export", "--frobnicate", "x", NULL), ==, 2);

  /* Missing arguments. */
  g_assert_cmpint (cli_run (NULL, NULL, &err, "init", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "DIR"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "import", "somewhere", NULL), ==, 2);
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "validate", NULL), ==, 2);
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "stats", NULL), ==, 2);
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "import", "x", "y.txt", "--encoding", "latin-9", NULL), ==, 2);
}

static void
test_init (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (tmp, "my corpus", NULL);
  g_autofree char *index = g_build_filename (dir, "spanmark.json", NULL);
  g_autofree char *documents = g_build_filename (dir, "documents", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *labels;

  g_assert_cmpint (cli_run (tmp, &out, &err, "init", "my corpus", NULL), ==, 0);
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (documents, G_FILE_TEST_IS_DIR));

  root = cli_read_json (index);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "spanmark"), ==, 1);
  /* The name defaults to the folder's. */
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "my corpus");
  labels = json_object_get_array_member (object, "labels");
  g_assert_cmpuint (json_array_get_length (labels), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (labels, 0), "name"), ==, "OFFICIAL");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (labels, 1), "name"), ==, "PLACE");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (labels, 2), "name"), ==, "INITIATIVE");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "documents")), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A second init over the project fails and changes nothing. */
  before = spanmark_test_snapshot_tree (dir);
  g_assert_cmpint (cli_run (tmp, &out, &err, "init", "my corpus", "--name", "Other", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "my corpus"));
  g_assert_nonnull (strstr (err, "already"));
  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --name is used as given, Unicode included. */
  g_assert_cmpint (cli_run (tmp, &out, &err, "init", "second", "--name", "云岚新闻 2026", NULL), ==, 0);
  {
    g_autofree char *path = g_build_filename (tmp, "second", "spanmark.json", NULL);
    g_autoptr(JsonNode) second = cli_read_json (path);

    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (second), "name"), ==, "云岚新闻 2026");
  }

  /* A folder with other things in it is not made a project. */
  {
    g_autofree char *busy = g_build_filename (tmp, "busy", NULL);
    g_autofree char *file = g_build_filename (busy, "notes.txt", NULL);
    g_autofree char *busy_err = NULL;

    g_mkdir (busy, 0755);
    g_file_set_contents (file, "x", -1, NULL);
    g_assert_cmpint (cli_run (tmp, NULL, &busy_err, "init", "busy", NULL), ==, 1);
    g_assert_nonnull (strstr (busy_err, "busy"));
    g_free (file);
    file = g_build_filename (busy, "spanmark.json", NULL);
    g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  }

  spanmark_test_remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/command-help", test_command_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/init", test_init);

  return g_test_run ();
}
