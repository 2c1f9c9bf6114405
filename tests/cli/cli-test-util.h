/* cli-test-util.h — helpers for tests that run the built spanmark-cli
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "spanmark-test-util.h"

G_BEGIN_DECLS

/* Runs $SPANMARK_CLI with the NULL-terminated arguments in @cwd and
 * returns its exit status (-1 if it did not exit normally, e.g. a
 * sanitizer abort).  @out and @err (may be NULL) receive its output. */
int         cli_run           (const char  *cwd,
                               char       **out,
                               char       **err,
                               ...) G_GNUC_NULL_TERMINATED;
/* cli_run() with the arguments in @args (NULL-terminated). */
int         cli_runv          (const char         *cwd,
                               char              **out,
                               char              **err,
                               const char * const *args);
/* Runs spanmark-cli with @args in @cwd: it must exit with @status,
 * print nothing on standard output and @expected on standard error (and
 * the --help hint, for a usage error: 2), and leave the project
 * @project (in @cwd) as it was. */
void        cli_assert_fails  (const char         *cwd,
                               const char         *project,
                               int                 status,
                               const char         *expected,
                               const char * const *args);
/* tests/cli/fixtures/NAME in the source tree. */
char       *cli_fixture       (const char  *name);
/* Parses a JSON file (asserting it is valid); free with json_node_unref. */
JsonNode   *cli_read_json     (const char  *path);

typedef struct
{
  guint       start;
  guint       end;
  const char *label;
  const char *text;
} CliSpan;

/* Checks the spans of @dir/annotations/@annotator/@doc.json, in file
 * order, against @expected (n of them): offsets, label and "text". */
void        cli_assert_spans  (const char    *dir,
                               const char    *annotator,
                               const char    *doc,
                               const CliSpan *expected,
                               guint          n);

/* A project "p" in @tmp, made with spanmark-cli init and import: one
 * document per pair of @docs entries (id, text), NULL-terminated. */
void        cli_make_project  (const char          *tmp,
                               const char * const  *docs);
/* Writes @annotator's work on @doc in the project @dir through the core
 * (spanmark_project_save_annotations): @spec lists the spans as
 * "LABEL START END, …" ("" for none), with optional "attr=VALUE" and
 * "@ENTITY_NAME" words after the offsets (the entity is made with the
 * span's label, one per name). */
void        cli_write_annotations (const char      *dir,
                                   const char      *annotator,
                                   const char      *doc,
                                   const char      *status,
                                   const char      *spec);

/* Parses @json (a command's --json output) with @parser, asserting it is
 * an object; the object belongs to @parser. */
/* cli_make_project() with @n documents k00, k01, … each holding @text. */
void        cli_make_numbered_project (const char  *tmp,
                                       guint        n,
                                       const char  *text);
/* A new temporary folder with the project "p" (cli_make_project()): d1
 * "abcdefghijkl" with the golden case of tests/review/test-agreement.c
 * (a and b done, c in progress), then @more_docs (id, text pairs,
 * NULL-terminated).  Returns the temporary folder. */
char       *cli_make_golden_project (const char * const *more_docs) G_GNUC_WARN_UNUSED_RESULT;
/* Starts spanmark-cli with @args (NULL-terminated, the program left out)
 * in @cwd @rounds times, and kills each run (SIGKILL) after a random
 * time under @max_delay_us; after each kill the project @project (in
 * @cwd) must validate. */
void        cli_run_killed    (const char         *cwd,
                               const char * const *args,
                               guint               rounds,
                               guint               max_delay_us,
                               const char         *project);

JsonObject *cli_parse_object  (JsonParser  *parser,
                               const char  *json);

G_END_DECLS
