/* spanmark-cli-private.h — the commands of spanmark-cli
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each command parses its own options (GOptionContext, so --help works)
 * and returns the process exit status: 0 success, 1 invalid data or failed
 * operation (message on stderr naming the file and what is wrong), 2 usage
 * error.
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "spanmark-core.h"

G_BEGIN_DECLS

#define SPANMARK_CLI_EXIT_OK      0
#define SPANMARK_CLI_EXIT_FAILED  1
#define SPANMARK_CLI_EXIT_USAGE   2

int spanmark_cli_init     (int argc, char **argv);
int spanmark_cli_import   (int argc, char **argv);
int spanmark_cli_export   (int argc, char **argv);
int spanmark_cli_validate (int argc, char **argv);
int spanmark_cli_stats    (int argc, char **argv);
int spanmark_cli_agree    (int argc, char **argv);
int spanmark_cli_curate   (int argc, char **argv);
int spanmark_cli_clean    (int argc, char **argv);
int spanmark_cli_labels   (int argc, char **argv);
int spanmark_cli_sync     (int argc, char **argv);
int spanmark_cli_pretag   (int argc, char **argv);
int spanmark_cli_check    (int argc, char **argv);
int spanmark_cli_entities (int argc, char **argv);

/* Shared helpers (spanmark-cli-common.c). */

/* Parses @argv with @context; on a usage error prints it with the
 * command's --help hint and returns FALSE.  main() sets the program name
 * to "spanmark-cli COMMAND" and passes argv[0] = COMMAND, so usage lines
 * read "spanmark-cli import [OPTION…] DIR FILE…".  --help prints and
 * exits 0 (GOption's default). */
gboolean spanmark_cli_parse_options (GOptionContext *context,
                                     int            *argc,
                                     char         ***argv);
/* spanmark_cli_parse_options() for a command that takes a project
 * folder DIR: a missing DIR, or more arguments (@too_many says so; NULL
 * for a command that takes more), is a usage error too.  Afterwards
 * (*argv)[1] is DIR. */
gboolean spanmark_cli_parse_dir_options (GOptionContext *context,
                                         int            *argc,
                                         char         ***argv,
                                         const char     *too_many);
/* Prints "spanmark-cli: MESSAGE" on stderr. */
void     spanmark_cli_error         (const char     *format,
                                     ...) G_GNUC_PRINTF (1, 2);
/* Prints "spanmark-cli: warning: MESSAGE" on stderr. */
void     spanmark_cli_warning       (const char     *format,
                                     ...) G_GNUC_PRINTF (1, 2);
/* For usage errors found after option parsing (missing DIR, bad value):
 * prints "spanmark-cli COMMAND: MESSAGE" and the --help hint on stderr.
 * Returns FALSE so callers can write
 *   if (argc < 2) { spanmark_cli_usage_error (…); return SPANMARK_CLI_EXIT_USAGE; } */
gboolean spanmark_cli_usage_error   (const char     *format,
                                     ...) G_GNUC_PRINTF (1, 2);
/* The width of @str on a terminal: East Asian wide characters take two
 * columns, combining marks none. */
guint    spanmark_cli_display_width (const char     *str);
/* Prints @rows (GStrv each, same length) as a table on standard output:
 * the first column left-aligned, the others right-aligned, two spaces
 * between columns. */
void     spanmark_cli_print_table   (GPtrArray      *rows);
/* --annotators "a,b,c" as names (spaces around them dropped); an empty
 * name prints a usage error and returns NULL. */
GStrv    spanmark_cli_split_annotators (const char  *list);
/* Opens the project in @path (as given on the command line); on failure
 * prints the error (naming the file) and returns NULL. */
SpanmarkProject *spanmark_cli_open_project (const char *path);

/* A progress line on standard error, rewritten in place ("\r"), shown
 * only when standard error is a terminal and not @quiet
 * (spanmark-cli-progress.c). */
typedef struct
{
  gboolean enabled;
  gint64   last_redraw;  /* monotonic time, µs */
  guint    width;        /* columns of the line shown, 0 for none */
} SpanmarkCliProgress;

void     spanmark_cli_progress_init   (SpanmarkCliProgress *self,
                                       gboolean             quiet);
/* Shows "Exporting: N of TOTAL documents (P%)", at most ten times a
 * second (always the first and the last). */
void     spanmark_cli_progress_update (SpanmarkCliProgress *self,
                                       guint                n_done,
                                       guint                n_total);
/* Whether a line is due now (at most ten a second, or @always), for a
 * caller that makes its own line; FALSE when not enabled. */
gboolean spanmark_cli_progress_due    (SpanmarkCliProgress *self,
                                       gboolean             always);
/* Shows @line in place of the one before, when enabled. */
void     spanmark_cli_progress_show   (SpanmarkCliProgress *self,
                                       const char          *line);
/* Erases the line, so that messages after it start at the left. */
void     spanmark_cli_progress_clear  (SpanmarkCliProgress *self);
/* The document ids of --documents (each may list several, comma-separated)
 * and the arguments after DIR (@rest), each once; after a usage error (an
 * unknown document, printed) NULL. */
GStrv    spanmark_cli_collect_documents (SpanmarkProject  *project,
                                         const char       *dir,
                                         char            **options,
                                         char            **rest);
/* Prints the value @builder holds on standard output as pretty JSON
 * (two-space indent) and a line break: every command's --json. */
void     spanmark_cli_print_json    (JsonBuilder    *builder);
/* @text with tab, line breaks and backslash written as \t, \n, \r,
 * \\: one line of a tab-separated listing whatever the text holds. */
char    *spanmark_cli_escape_text   (const char     *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
