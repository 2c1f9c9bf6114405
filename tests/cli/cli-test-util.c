/* cli-test-util.c — helpers for tests that run the built spanmark-cli
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include "cli-test-util.h"
#include "spanmark-core.h"

int
cli_run (const char  *cwd,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return cli_runv (cwd, out, err, (const char * const *) args->pdata);
}

int
cli_runv (const char         *cwd,
          char              **out,
          char              **err,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_data = NULL;
  g_autofree char *stderr_data = NULL;
  const char *cli = g_getenv ("SPANMARK_CLI");
  int status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (cwd, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_data, &stderr_data, &status, &error);
  g_assert_no_error (error);

  g_test_message ("spanmark-cli %s → status %d",
                  argv->len > 2 ? (const char *) argv->pdata[1] : "", status);
  if (stderr_data != NULL && stderr_data[0] != '\0')
    g_test_message ("stderr: %s", stderr_data);

  if (out != NULL)
    *out = g_steal_pointer (&stdout_data);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_data);

  if (!WIFEXITED (status))
    return -1;
  return WEXITSTATUS (status);
}

char *
cli_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "cli", "fixtures", name, NULL);
}

JsonNode *
cli_read_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

void
cli_assert_spans (const char    *dir,
                  const char    *annotator,
                  const char    *doc,
                  const CliSpan *expected,
                  guint          n)
{
  g_autofree char *name = g_strconcat (doc, ".json", NULL);
  g_autofree char *path = g_build_filename (dir, "annotations", annotator, name, NULL);
  g_autoptr(JsonNode) root = cli_read_json (path);
  JsonArray *spans;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  spans = json_object_get_array_member (json_node_get_object (root), "spans");
  g_assert_nonnull (spans);
  g_assert_cmpuint (json_array_get_length (spans), ==, n);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *span = json_array_get_object_element (spans, i);

      g_test_message ("%s span %u: %s", path, i, expected[i].text);
      g_assert_cmpint (json_object_get_int_member (span, "start"), ==, expected[i].start);
      g_assert_cmpint (json_object_get_int_member (span, "end"), ==, expected[i].end);
      g_assert_cmpstr (json_object_get_string_member (span, "label"), ==, expected[i].label);
      g_assert_cmpstr (json_object_get_string_member (span, "text"), ==, expected[i].text);
    }
}

void
cli_make_project (const char         *tmp,
                  const char * const *docs)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *project = g_build_filename (tmp, "p", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "p", NULL), ==, 0);

  g_ptr_array_add (argv, g_strdup (g_getenv ("SPANMARK_CLI")));
  g_ptr_array_add (argv, g_strdup ("import"));
  g_ptr_array_add (argv, g_strdup ("p"));
  for (guint i = 0; docs[i] != NULL; i += 2)
    {
      g_autofree char *name = g_strconcat (docs[i], ".txt", NULL);
      g_autofree char *path = g_build_filename (tmp, name, NULL);

      spanmark_test_write_file (path, docs[i + 1], -1);
      g_ptr_array_add (argv, g_steal_pointer (&name));
    }
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (tmp, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("import failed: %s", err);
}

void
cli_assert_fails (const char         *cwd,
                  const char         *project,
                  int                 status,
                  const char         *expected,
                  const char * const *args)
{
  g_autofree char *dir = g_build_filename (cwd, project, NULL);
  g_autofree char *before = spanmark_test_snapshot_tree (dir);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_runv (cwd, &out, &err, args), ==, status);
  g_assert_nonnull (strstr (err, expected));
  if (status == 2)
    g_assert_nonnull (strstr (err, "--help"));
  g_assert_cmpstr (out, ==, "");
  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (before, ==, after);
}

void
cli_make_numbered_project (const char *tmp,
                           guint       n,
                           const char *text)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_free);

  for (guint d = 0; d < n; d++)
    {
      g_ptr_array_add (docs, g_strdup_printf ("k%02u", d));
      g_ptr_array_add (docs, g_strdup (text));
    }
  g_ptr_array_add (docs, NULL);
  cli_make_project (tmp, (const char * const *) docs->pdata);
}

char *
cli_make_golden_project (const char * const *more_docs)
{
  char *tmp = spanmark_test_make_tmpdir ();
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  g_autofree char *dir = g_build_filename (tmp, "p", NULL);

  g_ptr_array_add (docs, (gpointer) "d1");
  g_ptr_array_add (docs, (gpointer) "abcdefghijkl");
  for (guint i = 0; more_docs[i] != NULL; i++)
    g_ptr_array_add (docs, (gpointer) more_docs[i]);
  g_ptr_array_add (docs, NULL);
  cli_make_project (tmp, (const char * const *) docs->pdata);
  cli_write_annotations (dir, "a", "d1", "done", "PLACE 1 3, OFFICIAL 6 9");
  cli_write_annotations (dir, "b", "d1", "done", "PLACE 1 3, OFFICIAL 6 8");
  cli_write_annotations (dir, "c", "d1", "in-progress", "PLACE 1 4, OFFICIAL 6 9, INITIATIVE 11 12");
  return tmp;
}

void
cli_run_killed (const char         *cwd,
                const char * const *args,
                guint               rounds,
                guint               max_delay_us,
                const char         *project)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new ();

  g_ptr_array_add (argv, (gpointer) g_getenv ("SPANMARK_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;
      GPid pid;
      int status;

      g_spawn_async (cwd, (char **) argv->pdata, NULL,
                     G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      g_usleep (g_rand_int_range (rand, 0, (gint32) max_delay_us));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);

      g_assert_cmpint (cli_run (cwd, NULL, &err, "validate", project, NULL), ==, 0);
    }
}

void
cli_write_annotations (const char *dir,
                       const char *annotator,
                       const char *doc,
                       const char *status,
                       const char *spec)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkProject) project = spanmark_project_open (file, &error);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autofree char *text = NULL;
  SpanmarkDocument *document;
  SpanmarkStatus value;

  g_assert_no_error (error);
  document = spanmark_project_lookup_document (project, doc);
  g_assert_nonnull (document);
  text = spanmark_project_load_text (project, document, &error);
  g_assert_no_error (error);
  set = spanmark_annotation_set_new (doc, annotator, text);

  spanmark_test_load_spec (set, spec, NULL);

  g_assert_true (spanmark_status_from_string (status, &value));
  spanmark_annotation_set_load_status (set, value);
  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);
}

JsonObject *
cli_parse_object (JsonParser *parser,
                  const char *json)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}
