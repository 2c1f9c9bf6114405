/* test-readme.c — the README's walk-throughs run as written
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every ```sh block of README.md after a "<!-- readme-flow -->" line
 * (the reviewer's) or a "<!-- readme-import -->" line (other tools'
 * files) is run, line by line and in order, in a new folder holding a
 * copy of the checkout's data/examples/ (the commands name
 * data/examples/…), with "spanmark-cli" replaced by the built one.  Each
 * must succeed; then what the walk-through promises is checked.
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "cli-test-util.h"

/* The command lines of the blocks marked with @marker, without their
 * comments. */
static GPtrArray *
readme_commands (const char *readme,
                 const char *marker)
{
  GPtrArray *commands = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (readme, "\n", -1);
  gboolean marked = FALSE, inside = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, marker))
        marked = TRUE;
      else if (marked && !inside && g_str_has_prefix (line, "```sh"))
        inside = TRUE;
      else if (inside && g_str_has_prefix (line, "```"))
        inside = marked = FALSE;
      else if (inside)
        {
          /* A comment starts at "  #", outside the command's quotes. */
          const char *comment = strstr (line, "  #");
          g_autofree char *command = comment != NULL ? g_strndup (line, comment - line) : g_strdup (line);

          g_strstrip (command);
          if (command[0] != '\0')
            g_ptr_array_add (commands, g_steal_pointer (&command));
        }
    }
  g_assert_false (inside);
  return commands;
}

/* Runs one command line of the README in @cwd; returns its output. */
static char *
run_line (const char *cwd,
          const char *line)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_test_message ("$ %s", line);
  g_assert_true (g_shell_parse_argv (line, NULL, &argv, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (argv[0], ==, "spanmark-cli");
  g_free (argv[0]);
  argv[0] = g_strdup (g_getenv ("SPANMARK_CLI"));

  g_spawn_sync (cwd, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return g_steal_pointer (&out);
}

static void
assert_file (const char *tmp,
             const char *relative)
{
  g_autofree char *path = g_build_filename (tmp, relative, NULL);

  g_test_message ("expecting %s", relative);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* Runs the blocks marked with @marker in a new folder (returned) that
 * holds a copy of the examples: @n_commands lines in all, their outputs
 * appended to @output. */
static char *
run_marked (const char *marker,
            guint       n_commands,
            GString    *output)
{
  const char *root = g_getenv ("SPANMARK_SOURCE_ROOT");
  g_autofree char *readme_path = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *source_examples = NULL;
  g_autoptr(GPtrArray) commands = NULL;
  char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *examples = g_build_filename (tmp, "data", "examples", NULL);

  g_assert_nonnull (root);
  readme_path = g_build_filename (root, "README.md", NULL);
  source_examples = g_build_filename (root, "data", "examples", NULL);
  readme = spanmark_test_read_file (readme_path, NULL);
  commands = readme_commands (readme, marker);
  g_assert_cmpuint (commands->len, ==, n_commands);

  spanmark_test_copy_tree (source_examples, examples);
  for (guint i = 0; i < commands->len; i++)
    {
      g_autofree char *out = run_line (tmp, g_ptr_array_index (commands, i));

      g_string_append (output, out);
    }
  return tmp;
}

static void
test_reviewer_flow (void)
{
  g_autoptr(GString) output = g_string_new (NULL);
  /* init, three imports, validate, agree, curate, stats, export. */
  g_autofree char *tmp = run_marked ("<!-- readme-flow -->", 9, output);
  g_autofree char *conll_path = g_build_filename (tmp, "curated.conll", NULL);
  g_autofree char *conll = NULL;

  /* Each annotator's folder on the documents alice's file brought, and
   * the curated versions. */
  for (const char * const *who = (const char *[]) { "alice", "bob", "carol", "_curated", NULL }; *who != NULL; who++)
    for (guint d = 1; d <= 3; d++)
      {
        g_autofree char *relative = g_strdup_printf ("review/annotations/%s/rev-00%u.json", *who, d);

        assert_file (tmp, relative);
      }
  g_assert_nonnull (strstr (output->str, "Imported 3 documents into review"));
  g_assert_nonnull (strstr (output->str, "Added bob’s annotations to 3 documents the project had"));
  g_assert_nonnull (strstr (output->str, "Added carol’s annotations to 3 documents the project had"));
  g_assert_nonnull (strstr (output->str, "alice · bob"));
  g_assert_nonnull (strstr (output->str, "rev-001: 6 spans agreed, 1 conflict left"));
  g_assert_nonnull (strstr (output->str, "Curated: 3 of 3 documents"));

  conll = spanmark_test_read_file (conll_path, NULL);
  g_assert_true (g_str_has_prefix (conll, "云 B-PLACE\n岚 I-PLACE\n省 I-PLACE\n"));

  spanmark_test_remove_tree (tmp);
}

/* Other tools' files with labels of their own, imported and exported. */
static void
test_import_flow (void)
{
  g_autoptr(GString) output = g_string_new (NULL);
  /* init, four imports, labels list, export. */
  g_autofree char *tmp = run_marked ("<!-- readme-import -->", 7, output);
  g_autofree char *conll_path = g_build_filename (tmp, "ner.conll", NULL);
  g_autofree char *conll = NULL;

  for (const char * const *label = (const char *[]) { "MISC", "DATE", "PERSON", "NAME", "CONT", "TITLE", NULL };
       *label != NULL; label++)
    {
      g_autofree char *added = g_strdup_printf ("Added the label %s (key ", *label);

      g_assert_nonnull (strstr (output->str, added));
    }
  /* 3 doccano lines, 2 with relations, 1 BMES file, 2 CoNLL documents. */
  g_assert_nonnull (strstr (output->str, "Imported 3 documents into ner"));
  g_assert_nonnull (strstr (output->str, "Imported 2 documents into ner"));
  g_assert_nonnull (strstr (output->str, "Imported 1 document into ner"));
  for (guint d = 1; d <= 2; d++)
    {
      g_autofree char *relative = g_strdup_printf ("ner/annotations/imported/conll2003-%u.json", d);

      assert_file (tmp, relative);
    }
  assert_file (tmp, "ner/annotations/imported/resume.json");

  conll = spanmark_test_read_file (conll_path, NULL);
  g_assert_nonnull (strstr (conll, "高 B-NAME\n勇 E-NAME\n"));
  g_assert_nonnull (strstr (conll, "华 B-ORG\n为 E-ORG\n"));
  g_assert_nonnull (strstr (conll, "E B-ORG\nU E-ORG\n"));

  spanmark_test_remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/readme/reviewer-flow", test_reviewer_flow);
  g_test_add_func ("/cli/readme/import-flow", test_import_flow);

  return g_test_run ();
}
