/* spanmark-cli-sync.c — spanmark-cli sync: team sync through git
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"
#include "spanmark-sync.h"

/* HTTPS tokens for jobs: SPANMARK_GIT_TOKEN (and SPANMARK_GIT_USER),
 * never a file in the project. */
static gboolean
token_from_environment (const char  *url,
                        const char  *username_from_url,
                        char       **username,
                        char       **password,
                        gpointer     user_data)
{
  const char *token = g_getenv ("SPANMARK_GIT_TOKEN");
  const char *user = g_getenv ("SPANMARK_GIT_USER");

  if (token == NULL || *token == '\0')
    return FALSE;
  *username = g_strdup (user != NULL ? user : username_from_url != NULL ? username_from_url : "git");
  *password = g_strdup (token);
  return TRUE;
}

int
spanmark_cli_sync (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(SpanmarkSync) sync = NULL;
  g_autoptr(SpanmarkSyncReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *share = NULL;
  gboolean reviewer = FALSE;
  const GOptionEntry entries[] = {
    { "message", 'm', 0, G_OPTION_ARG_STRING, &message,
      N_("The commit message (default: “NAME: 3 documents annotated, 1 done”)"), N_("M") },
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator,
      N_("Whose folder to commit, annotations/NAME/ (default: your user name)"), N_("NAME") },
    { "reviewer", 0, 0, G_OPTION_ARG_NONE, &reviewer,
      N_("Commit annotations/_curated/ too"), NULL },
    { "share", 0, 0, G_OPTION_ARG_STRING, &share,
      N_("First make DIR a repository (if it is not one), with URL as its remote, and commit the whole project"),
      N_("URL") },
    { NULL }
  };

  context = g_option_context_new (_("DIR"));
  g_option_context_set_summary (context,
                                _("Sync a project with its team through git: commit your own folder\n"
                                  "annotations/NAME/ (and the index and texts an import added), fetch\n"
                                  "the remote “origin”, merge the team’s work and push.\n"
                                  "\n"
                                  "Another annotator’s folder is never committed. A file changed both\n"
                                  "here and on the remote keeps this version, and the other one is kept\n"
                                  "beside it under conflicts/ (spanmark-cli validate lists it).\n"
                                  "spanmark.json changed on both sides is merged as a union of documents\n"
                                  "when both have the same labels.\n"
                                  "\n"
                                  "SSH remotes use the SSH agent (name the user: git@host:team/corpus.git).\n"
                                  "HTTPS remotes take a token from SPANMARK_GIT_TOKEN (and SPANMARK_GIT_USER)."));
  g_option_context_set_description (context,
                                    _("Examples:\n"
                                      "  spanmark-cli sync --share git@example.org:team/corpus.git corpus\n"
                                      "  spanmark-cli sync --annotator alice corpus\n"
                                      "  spanmark-cli sync --annotator bob --reviewer -m \"Curated 12 documents\" corpus"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!spanmark_cli_parse_dir_options (context, &argc, &argv,
                                       _("too many arguments: sync takes one folder")))
    return SPANMARK_CLI_EXIT_USAGE;

  if (annotator == NULL)
    annotator = g_strdup (g_get_user_name ());
  if (!spanmark_project_is_valid_annotator (annotator))
    {
      spanmark_cli_usage_error (_("“%s” is not a valid annotator name"), annotator);
      return SPANMARK_CLI_EXIT_USAGE;
    }

  dir = g_file_new_for_commandline_arg (argv[1]);
  sync = spanmark_sync_new (dir, annotator, reviewer);
  spanmark_sync_set_credentials_func (sync, token_from_environment, NULL, NULL);
  if (share != NULL)
    report = spanmark_sync_share (sync, share, NULL, &error);
  else
    report = spanmark_sync_run (sync, message, NULL, &error);

  if (report == NULL)
    {
      spanmark_cli_error ("%s", error->message);
      return SPANMARK_CLI_EXIT_FAILED;
    }

  for (guint i = 0; i < report->conflicts->len; i++)
    /* TRANSLATORS: %s is a path relative to the project folder */
    spanmark_cli_warning (_("%s: the other version of a file changed on both sides, kept beside yours"),
                          (const char *) g_ptr_array_index (report->conflicts, i));
  if (report->index_merged)
    g_print (_("spanmark.json changed on both sides: merged (every document of both kept)\n"));
  g_print (ngettext ("%s: %u document committed (%u done)\n",
                     "%s: %u documents committed (%u done)\n", report->n_committed),
           argv[1], report->n_committed, report->n_done);
  g_print (ngettext ("%u file received from the team\n",
                     "%u files received from the team\n", report->changed->len),
           report->changed->len);
  return SPANMARK_CLI_EXIT_OK;
}
