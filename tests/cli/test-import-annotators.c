/* test-import-annotators.c — spanmark-cli import onto the project's documents
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A second annotator's (or a model's) work imported as their folder of
 * documents the project has: matched by id and text, --replace, and the
 * import options of issue 15 (--add-labels, --skip-invalid, doccano's
 * relations, --format and the CoNLL options' usage errors).
 */

/* posix_openpt() and its kin. */
#define _GNU_SOURCE

#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

#define TEXT_D1 "林振邦到青溪市。\n"
#define TEXT_D2 "周海燕说：“好👍！”"

static char *
write_input (const char *tmp,
             const char *name,
             const char *data)
{
  char *path = g_build_filename (tmp, name, NULL);

  spanmark_test_write_file (path, data, -1);
  return path;
}

static gboolean
has_annotations (const char *tmp,
                 const char *annotator,
                 const char *doc)
{
  g_autofree char *name = g_strconcat (doc, ".json", NULL);
  g_autofree char *path = g_build_filename (tmp, "p", "annotations", annotator, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Runs an import that must fail with status @status, every one of
 * @needles in its errors, and the project unchanged. */
static void
assert_refused (const char         *tmp,
                int                 status,
                const char * const *needles,
                const char * const *args)
{
  g_autofree char *project = g_build_filename (tmp, "p", NULL);
  g_autofree char *before = spanmark_test_snapshot_tree (project);
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  const char *a[8] = { NULL };

  for (guint i = 0; args[i] != NULL; i++)
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (a) - 1);
      a[i] = args[i];
    }
  g_assert_cmpint (cli_run (tmp, NULL, &err, "import", "p", a[0], a[1], a[2], a[3], a[4], a[5], a[6], NULL),
                   ==, status);
  for (guint i = 0; needles[i] != NULL; i++)
    {
      g_test_message ("expecting “%s” in: %s", needles[i], err);
      g_assert_nonnull (strstr (err, needles[i]));
    }
  after = spanmark_test_snapshot_tree (project);
  g_assert_cmpstr (before, ==, after);
}

static void
assert_validates (const char *tmp)
{
  g_autofree char *project = g_build_filename (tmp, "p", NULL);
  g_autofree char *out = NULL;

  g_assert_cmpint (cli_run (NULL, &out, NULL, "validate", project, NULL), ==, 0);
}

/* bob's JSON lines onto d1 and d2 the project has: his folder, no new
 * document; then the same again, a changed version, and --replace. */
static void
test_second_annotator (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  const char *docs[] = { "d1", TEXT_D1, "d2", TEXT_D2, NULL };
  /* d1 with CRLF and a BOM: the same text once normalised. */
  g_autofree char *bob = write_input (tmp, "bob.jsonl",
                                      "{\"id\": \"d1\", \"text\": \"\\ufeff林振邦到青溪市。\\r\\n\", "
                                      "\"spans\": [{\"start\": 1, \"end\": 4, \"label\": \"OFFICIAL\"}]}\n"
                                      "{\"id\": \"d2\", \"text\": \"周海燕说：“好👍！”\", \"label\": [[0, 3, \"OFFICIAL\"]]}\n");
  g_autofree char *bob2 = write_input (tmp, "bob2.jsonl",
                                       "{\"id\": \"d2\", \"text\": \"周海燕说：“好👍！”\", \"label\": [[0, 2, \"OFFICIAL\"]]}\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *index_before = NULL;
  g_autofree char *index_after = NULL;
  g_autofree char *index = g_build_filename (tmp, "p", "spanmark.json", NULL);

  cli_make_project (tmp, docs);
  index_before = spanmark_test_read_file (index, NULL);

  g_assert_cmpint (cli_run (tmp, &out, NULL, "import", "p", "--annotator", "bob", bob, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Imported 0 documents into p"));
  g_assert_nonnull (strstr (out, "Added bob’s annotations to 2 documents the project had"));
  {
    /* Offsets into the text as given, moved past the BOM. */
    const CliSpan d1[] = { { 0, 3, "OFFICIAL", "林振邦" } };
    const CliSpan d2[] = { { 0, 3, "OFFICIAL", "周海燕" } };
    g_autofree char *project = g_build_filename (tmp, "p", NULL);

    cli_assert_spans (project, "bob", "d1", d1, 1);
    cli_assert_spans (project, "bob", "d2", d2, 1);
  }
  /* The index is as it was: no document added, none changed. */
  index_after = spanmark_test_read_file (index, NULL);
  g_assert_cmpstr (index_after, ==, index_before);
  assert_validates (tmp);

  /* The same import again: nothing new, and it says so. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "import", "p", "--annotator", "bob", bob, NULL), ==, 0);
  g_assert_nonnull (strstr (err, "annotations/bob/d1.json already holds these annotations of “d1”; nothing to add"));
  g_assert_nonnull (strstr (out, "2 documents were in the project already, with nothing new"));

  /* Other spans for d2: refused without --replace, naming the flag. */
  assert_refused (tmp, 1,
                  (const char *[]) { "bob2.jsonl: line 1: bob already has annotations of the document “d2” "
                                     "(annotations/bob/d2.json); --replace replaces them",
                                     "nothing was imported", NULL },
                  (const char *[]) { "--annotator", "bob", bob2, NULL });
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli_run (tmp, &out, NULL, "import", "p", "--annotator", "bob", "--replace", bob2, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Added bob’s annotations to 1 document the project had (1 replaced)"));
  {
    const CliSpan d2[] = { { 0, 2, "OFFICIAL", "周海" } };
    g_autofree char *project = g_build_filename (tmp, "p", NULL);

    cli_assert_spans (project, "bob", "d2", d2, 1);
  }
  assert_validates (tmp);

  spanmark_test_remove_tree (tmp);
}

/* Another text under a document's id: an error naming the file, the
 * line and the document, and nothing written (not even the good lines). */
static void
test_text_mismatch (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  const char *docs[] = { "d1", TEXT_D1, "d2", TEXT_D2, NULL };
  g_autofree char *carol = write_input (tmp, "carol.jsonl",
                                        "{\"id\": \"d1\", \"text\": \"林振邦到青溪市。\\n\", \"label\": [[0, 3, \"OFFICIAL\"]]}\n"
                                        "{\"id\": \"new\", \"text\": \"新文档\"}\n"
                                        "{\"id\": \"d2\", \"text\": \"周海燕说：“好！”\", \"label\": [[0, 3, \"OFFICIAL\"]]}\n");
  g_autofree char *brat_dir = g_build_filename (tmp, "brat", NULL);
  g_autofree char *brat_txt = g_build_filename (brat_dir, "d1.txt", NULL);
  g_autofree char *brat_ann = g_build_filename (brat_dir, "d1.ann", NULL);

  cli_make_project (tmp, docs);
  assert_refused (tmp, 1,
                  (const char *[]) { "carol.jsonl: line 3: the project already has a document “d2” with another text",
                                     "nothing was imported", NULL },
                  (const char *[]) { "--annotator", "carol", carol, NULL });
  g_assert_false (has_annotations (tmp, "carol", "d1"));

  /* A brat folder is matched the same way: a changed text is refused,
   * the same text gets the annotator's file. */
  g_assert_no_errno (g_mkdir_with_parents (brat_dir, 0755));
  spanmark_test_write_file (brat_txt, "林振邦到青溪市!\n", -1);
  spanmark_test_write_file (brat_ann, "T1\tOFFICIAL 0 3\t林振邦\n", -1);
  assert_refused (tmp, 1,
                  (const char *[]) { "d1.txt", "“d1”", "another text", NULL },
                  (const char *[]) { "--annotator", "dave", brat_dir, NULL });
  spanmark_test_write_file (brat_txt, TEXT_D1, -1);
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "import", "p", "--annotator", "dave", brat_dir, NULL), ==, 0);
  g_assert_true (has_annotations (tmp, "dave", "d1"));
  assert_validates (tmp);

  spanmark_test_remove_tree (tmp);
}

/* bob's file of d1 does not load (corrupt JSON), or is a link out of
 * the project: never written over, even with --replace. */
static void
test_broken_file (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  const char *docs[] = { "d1", TEXT_D1, NULL };
  g_autofree char *bob = write_input (tmp, "bob.jsonl",
                                      "{\"id\": \"d1\", \"text\": \"林振邦到青溪市。\\n\", \"label\": [[0, 3, \"OFFICIAL\"]]}\n");
  g_autofree char *folder = g_build_filename (tmp, "p", "annotations", "bob", NULL);
  g_autofree char *file = g_build_filename (folder, "d1.json", NULL);
  g_autofree char *outside = write_input (tmp, "outside.json", "{}\n");
  g_autofree char *kept = NULL;

  cli_make_project (tmp, docs);
  g_assert_no_errno (g_mkdir_with_parents (folder, 0755));
  spanmark_test_write_file (file, "{\"spanmark\": 1, // bob's\n", -1);
  assert_refused (tmp, 1,
                  (const char *[]) { "bob.jsonl: line 1: the document “d1” is in the project, but annotations/bob/d1.json: line 1",
                                     "nothing was imported", NULL },
                  (const char *[]) { "--annotator", "bob", "--replace", bob, NULL });
  kept = spanmark_test_read_file (file, NULL);
  g_assert_cmpstr (kept, ==, "{\"spanmark\": 1, // bob's\n");

  g_assert_no_errno (g_unlink (file));
  g_assert_no_errno (symlink (outside, file));
  assert_refused (tmp, 1, (const char *[]) { "annotations/bob/d1.json", "nothing was imported", NULL },
                  (const char *[]) { "--annotator", "bob", "--replace", bob, NULL });
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_SYMLINK));
  g_clear_pointer (&kept, g_free);
  kept = spanmark_test_read_file (outside, NULL);
  g_assert_cmpstr (kept, ==, "{}\n");

  spanmark_test_remove_tree (tmp);
}

/* doccano's own example: labels the project lacks are refused, the
 * message naming --add-labels, and added with it. */
static void
test_add_labels (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *doccano = write_input (tmp, "doccano.jsonl",
                                          "{\"text\": \"EU rejects German call to boycott British lamb.\", "
                                          "\"label\": [[0, 2, \"ORG\"], [11, 17, \"MISC\"]]}\n"
                                          "{\"text\": \"Peter Blackburn\", \"label\": [[0, 15, \"PERSON\"]]}\n");
  g_autofree char *out = NULL;
  g_autofree char *list = NULL;

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "p", NULL), ==, 0);
  assert_refused (tmp, 1,
                  (const char *[]) { "doccano.jsonl: line 1: label[0]", "unknown label “ORG”", "--add-labels", NULL },
                  (const char *[]) { doccano, NULL });

  g_assert_cmpint (cli_run (tmp, &out, NULL, "import", "p", "--add-labels", doccano, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Added the label ORG (key 4, colour "));
  g_assert_nonnull (strstr (out, "Added the label MISC (key 5, colour "));
  g_assert_nonnull (strstr (out, "Added the label PERSON (key 6, colour "));
  g_assert_nonnull (strstr (out, "Imported 2 documents into p"));
  g_assert_cmpint (cli_run (tmp, &list, NULL, "labels", "p", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (list, "ORG"));
  g_assert_nonnull (strstr (list, "PERSON"));
  assert_validates (tmp);

  spanmark_test_remove_tree (tmp);
}

/* Into a new project the command streams the index: it writes
 * spanmark.json itself and does not save the project after (which would
 * refuse, or write it without the documents); nothing temporary is left,
 * the index lists every document, and the same import run again finds
 * them all there. */
static void
test_new_project_streamed (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *lines = write_input (tmp, "lines.jsonl",
                                        "{\"id\": \"a\", \"title\": \"甲\", \"text\": \"青溪市\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"SITE\"}]}\n"
                                        "{\"id\": \"b\", \"text\": \"云岚省\"}\n");
  g_autofree char *project = g_build_filename (tmp, "p", NULL);
  g_autofree char *index_path = g_build_filename (project, "spanmark.json", NULL);
  g_autofree char *index = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "p", NULL), ==, 0);
  g_assert_cmpint (cli_run (tmp, &out, NULL, "import", "p", "--add-labels", lines, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Added the label SITE (key 4, colour "));
  g_assert_nonnull (strstr (out, "Imported 2 documents into p"));

  dir = g_dir_open (project, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (name[0] == '.');
  index = spanmark_test_read_file (index_path, NULL);
  g_assert_nonnull (strstr (index, "{\"name\": \"SITE\", \"title\": \"SITE\""));
  g_assert_nonnull (strstr (index, "\n    {\"id\": \"a\", \"path\": \"documents/a.txt\", \"title\": \"甲\"},\n"
                                   "    {\"id\": \"b\", \"path\": \"documents/b.txt\"}\n  ]\n}\n"));
  assert_validates (tmp);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli_run (tmp, &out, &err, "import", "p", lines, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Imported 0 documents into p"));
  g_assert_nonnull (strstr (out, "2 documents were in the project already, with nothing new"));
  g_assert_nonnull (strstr (err, "already holds these annotations"));

  spanmark_test_remove_tree (tmp);
}

/* A line without "text" stops the import, unless --skip-invalid, which
 * imports the others and names each skipped line. */
static void
test_skip_invalid (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *lines = write_input (tmp, "lines.jsonl",
                                        "{\"id\": \"a\", \"text\": \"青溪市\", \"label\": [[0, 3, \"PLACE\"]]}\n"
                                        "{\"id\": \"b\", \"label\": [[0, 3, \"PLACE\"]]}\n"
                                        "{\"id\": \"c\", \"text\": \"x\", \"label\": [[0, 9, \"PLACE\"]]}\n"
                                        "\xff\n"
                                        "{\"id\": \"d\", \"text\": \"云岚省\"}\n");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *d = g_build_filename (tmp, "p", "documents", "d.txt", NULL);

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "p", NULL), ==, 0);
  /* Without it the first bad line stops everything: the file streams,
   * so that is the first in the file, whatever is wrong with it. */
  assert_refused (tmp, 1, (const char *[]) { "lines.jsonl: line 2: ", "“text” is missing", NULL },
                  (const char *[]) { lines, NULL });

  g_assert_cmpint (cli_run (tmp, &out, &err, "import", "p", "--skip-invalid", lines, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Imported 2 documents into p"));
  g_assert_nonnull (strstr (err, "warning: lines.jsonl: line 2: "));
  g_assert_nonnull (strstr (err, "warning: lines.jsonl: line 3: "));
  g_assert_nonnull (strstr (err, "warning: lines.jsonl: line 4: "));
  g_assert_nonnull (strstr (err, "(line skipped)"));
  g_assert_nonnull (strstr (err, "lines.jsonl: skipped 3 invalid lines (--skip-invalid); the others are imported"));
  g_assert_true (has_annotations (tmp, "imported", "a"));
  g_assert_true (g_file_test (d, G_FILE_TEST_EXISTS));
  assert_validates (tmp);

  spanmark_test_remove_tree (tmp);
}

/* doccano's relation export: entities imported, relations counted. */
static void
test_relations (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *rel = write_input (tmp, "rel.jsonl",
                                      "{\"id\": 1, \"text\": \"林振邦到青溪市\", "
                                      "\"entities\": [{\"id\": 1, \"label\": \"OFFICIAL\", \"start_offset\": 0, \"end_offset\": 3}, "
                                      "{\"id\": 2, \"label\": \"PLACE\", \"start_offset\": 4, \"end_offset\": 7}], "
                                      "\"relations\": [{\"id\": 1, \"from_id\": 1, \"to_id\": 2, \"type\": \"visits\"}]}\n"
                                      "{\"id\": 2, \"text\": \"云岚省\", "
                                      "\"entities\": [{\"id\": 3, \"label\": \"PLACE\", \"start_offset\": 0, \"end_offset\": 3}], "
                                      "\"relations\": [{\"id\": 2, \"from_id\": 3, \"to_id\": 3, \"type\": \"x\"}]}\n");
  g_autofree char *err = NULL;
  g_autofree char *project = g_build_filename (tmp, "p", NULL);
  const CliSpan spans[] = { { 0, 3, "OFFICIAL", "林振邦" }, { 4, 7, "PLACE", "青溪市" } };

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "p", NULL), ==, 0);
  g_assert_cmpint (cli_run (tmp, NULL, &err, "import", "p", rel, NULL), ==, 0);
  g_assert_nonnull (strstr (err, "warning: rel.jsonl: 2 relations not imported (Spanmark has no relations yet)"));
  cli_assert_spans (project, "imported", "1", spans, 2);

  spanmark_test_remove_tree (tmp);
}

/* --format reads a file of any name; the CoNLL options' bad values are
 * usage errors (status 2), nothing written. */
static void
test_options (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autofree char *tags = write_input (tmp, "tags.tsv", "青\tB-PLACE\n溪\tI-PLACE\n市\tI-PLACE\n");
  g_autofree char *project = g_build_filename (tmp, "p", NULL);
  g_autofree char *err = NULL;
  g_autofree char *help = NULL;
  const CliSpan spans[] = { { 0, 3, "PLACE", "青溪市" } };

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "p", NULL), ==, 0);
  assert_refused (tmp, 2, (const char *[]) { "unknown scheme “bogus”", NULL },
                  (const char *[]) { "--scheme", "bogus", tags, NULL });
  assert_refused (tmp, 2, (const char *[]) { "--join", NULL }, (const char *[]) { "--join", "tab", tags, NULL });
  assert_refused (tmp, 2, (const char *[]) { "--tag-column must be a number of at least 2", NULL },
                  (const char *[]) { "--tag-column", "1", tags, NULL });
  assert_refused (tmp, 2, (const char *[]) { "--sentences-per-document must be a number of at least 1", NULL },
                  (const char *[]) { "--sentences-per-document", "0", tags, NULL });
  assert_refused (tmp, 2, (const char *[]) { "unknown format “brat” for --format (use one of plain-text, jsonl, conll)", NULL },
                  (const char *[]) { "--format", "brat", tags, NULL });
  /* Without --format a .tsv is no kind of file it knows. */
  assert_refused (tmp, 1, (const char *[]) { "tags.tsv", NULL }, (const char *[]) { tags, NULL });

  g_assert_cmpint (cli_run (tmp, NULL, &err, "import", "p", "--format", "conll", tags, NULL), ==, 0);
  g_assert_nonnull (strstr (err, "tags.tsv: 1 document, 1 sentence, scheme IOB2 (detected), tokens joined with nothing"));
  cli_assert_spans (project, "imported", "tags", spans, 1);
  /* No progress line when stderr is not a terminal. */
  g_assert_null (strstr (err, "Reading"));

  /* Every option is in the help. */
  g_assert_cmpint (cli_run (tmp, &help, NULL, "import", "--help", NULL), ==, 0);
  for (const char * const *o = (const char *[]) { "--annotator", "--replace", "--add-labels", "--skip-invalid",
                                                  "--encoding", "--format", "--scheme", "--join", "--tag-column",
                                                  "--sentences-per-document", "--quiet", "NAME.conll",
                                                  "-DOCSTART-", NULL };
       *o != NULL; o++)
    {
      g_test_message ("expecting %s in the help", *o);
      g_assert_nonnull (strstr (help, *o));
    }

  spanmark_test_remove_tree (tmp);
}

/* Runs an import with its standard error on a terminal (a pseudo
 * terminal this test reads) and returns what it wrote there. */
static char *
import_on_terminal (const char *tmp,
                    const char *project,
                    const char *extra,
                    const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  const char *argv[] = { g_getenv ("SPANMARK_CLI"), "import", project, "--add-labels", file, extra, NULL };
  GPid pid;
  int master, slave, status = 0;
  char buffer[4096];
  gssize n;

  master = posix_openpt (O_RDWR | O_NOCTTY);
  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  slave = open (ptsname (master), O_RDWR | O_NOCTTY);
  g_assert_cmpint (slave, >=, 0);

  /* Standard output to /dev/null: it is not a terminal, and the TAP
   * output of this test must not get it. */
  g_assert_true (g_spawn_async_with_pipes_and_fds (tmp, argv, NULL,
                                                   G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                                   NULL, NULL, -1, -1, slave, NULL, NULL, 0,
                                                   &pid, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  close (slave);
  /* Until the child is gone: then the master reads EIO. */
  while ((n = read (master, buffer, sizeof buffer)) > 0)
    g_string_append_len (seen, buffer, n);
  close (master);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_test_message ("on the terminal: %s", seen->str);
  return g_string_free (g_steal_pointer (&seen), FALSE);
}

/* A progress line on a terminal only, and not with --quiet.  Into a new
 * project the input is read once, written as it is read: the line says
 * how much is read; into one with documents, the reading, then the
 * writing of a second pass. */
static void
test_progress (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autoptr(GString) big = g_string_new (NULL);
  g_autofree char *path = g_build_filename (tmp, "big.bio", NULL);
  g_autofree char *one = g_build_filename (tmp, "one.txt", NULL);
  g_autofree char *seen = NULL;
  g_autofree char *again = NULL;
  g_autofree char *quiet = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (big, "-DOCSTART-\n云 B-LOC\n岚 I-LOC\n%u O\n\n", i % 10);
  spanmark_test_write_file (path, big->str, big->len);
  spanmark_test_write_file (one, "一\n", -1);
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "p", NULL), ==, 0);

  seen = import_on_terminal (tmp, "p", NULL, "big.bio");
  g_assert_nonnull (strstr (seen, "\rReading big.bio: 100%"));
  g_assert_null (strstr (seen, "Writing"));
  /* Cleared (spaces over it, back to the start) before the report. */
  g_assert_nonnull (strstr (seen, " \rspanmark-cli: big.bio: 1000 documents"));

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "r", NULL), ==, 0);
  g_assert_cmpint (cli_run (tmp, NULL, NULL, "import", "r", "one.txt", NULL), ==, 0);
  again = import_on_terminal (tmp, "r", NULL, "big.bio");
  g_assert_nonnull (strstr (again, "\rReading big.bio: 100%"));
  g_assert_nonnull (strstr (again, "\rWriting: 1000 of 1000 documents"));

  g_assert_cmpint (cli_run (tmp, NULL, NULL, "init", "q", NULL), ==, 0);
  quiet = import_on_terminal (tmp, "q", "--quiet", "big.bio");
  g_assert_null (strstr (quiet, "Reading"));
  g_assert_nonnull (strstr (quiet, "big.bio: 1000 documents"));

  spanmark_test_remove_tree (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/import-annotators/second-annotator", test_second_annotator);
  g_test_add_func ("/cli/import-annotators/text-mismatch", test_text_mismatch);
  g_test_add_func ("/cli/import-annotators/broken-file", test_broken_file);
  g_test_add_func ("/cli/import-annotators/add-labels", test_add_labels);
  g_test_add_func ("/cli/import-annotators/new-project-streamed", test_new_project_streamed);
  g_test_add_func ("/cli/import-annotators/skip-invalid", test_skip_invalid);
  g_test_add_func ("/cli/import-annotators/relations", test_relations);
  g_test_add_func ("/cli/import-annotators/options", test_options);
  g_test_add_func ("/cli/import-annotators/progress", test_progress);

  return g_test_run ();
}
