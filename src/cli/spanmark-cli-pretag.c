/* spanmark-cli-pretag.c — spanmark-cli pretag: suggestions as spans to review
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spanmark-cli-private.h"
#include "spanmark-text.h"

typedef struct
{
  GHashTable *labels;      /* label -> count (GUINT_TO_POINTER) */
  guint       n_spans;
  guint       n_documents;
  guint       n_ties;
  guint       n_tagged;
  guint       n_rejected;
} Counts;

static void
counts_clear (Counts *counts)
{
  g_clear_pointer (&counts->labels, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Counts, counts_clear)

static void
counts_add_label (Counts     *counts,
                  const char *label)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts->labels, label));

  g_hash_table_insert (counts->labels, g_strdup (label), GUINT_TO_POINTER (n + 1));
}

/* " (OFFICIAL 3, PLACE 2)", by label name, or "" for no labels. */
static char *
format_labels (GHashTable *labels)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GString *out = g_string_new (NULL);
  GHashTableIter iter;
  gpointer name;

  /* (g_hash_table_get_keys_as_ptr_array() is GLib 2.76.) */
  g_hash_table_iter_init (&iter, labels);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (names, name);
  if (names->len == 0)
    return g_string_free (out, FALSE);
  g_ptr_array_sort (names, spanmark_text_compare_strings);
  g_string_append (out, " (");
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s%s %u", i > 0 ? ", " : "", (const char *) g_ptr_array_index (names, i),
                            GPOINTER_TO_UINT (g_hash_table_lookup (labels, g_ptr_array_index (names, i))));
  g_string_append (out, ")");
  return g_string_free (out, FALSE);
}

/* "; left out: 1 with two labels or more, 2 already tagged, 1 rejected",
 * or "" when nothing was. */
static char *
format_left_out (guint n_ties,
                 guint n_tagged,
                 guint n_rejected)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (n_ties > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u with two labels or more", "%u with two labels or more",
                                                       n_ties), n_ties));
  if (n_tagged > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u already tagged", "%u already tagged", n_tagged),
                                             n_tagged));
  if (n_rejected > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u rejected", "%u rejected", n_rejected), n_rejected));
  if (parts->len == 0)
    return g_strdup ("");
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (", ", (char **) parts->pdata);
  /* TRANSLATORS: what follows a document's counts; %s is "2 already tagged, 1 rejected" */
  return g_strdup_printf (_("; left out: %s"), joined);
}

/* Spans are marked with their dictionary's file name, folder left out
 * (spanmark_dictionary_get_source()): two files given with one name
 * would be one source.  FALSE, after a usage error, if they are. */
static gboolean
check_dictionary_names (char **files)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (files[i]);

      if (g_hash_table_contains (names, name))
        {
          spanmark_cli_usage_error (_("two dictionaries are named “%s”: spans are marked with the file name, "
                                      "so give them different names"), name);
          return FALSE;
        }
      g_hash_table_add (names, g_steal_pointer (&name));
    }
  return TRUE;
}

/* The dictionaries to use: the files given, or else the project's
 * dictionaries/ folder; their problems printed.  FALSE if any had one. */
static gboolean
add_dictionaries (SpanmarkSuggester  *suggester,
                  SpanmarkProject    *project,
                  char              **files,
                  guint              *n_entries)
{
  SpanmarkSchema *schema = spanmark_project_get_schema (project);
  g_autoptr(GPtrArray) dictionaries = NULL;
  gboolean ok = TRUE;

  if (files != NULL)
    {
      dictionaries = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; files[i] != NULL; i++)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);

          g_ptr_array_add (dictionaries, spanmark_dictionary_load (file, files[i], schema));
        }
    }
  else
    dictionaries = spanmark_dictionary_load_folder (spanmark_project_get_dir (project), schema);

  *n_entries = 0;
  for (guint i = 0; i < dictionaries->len; i++)
    {
      SpanmarkDictionary *dictionary = g_ptr_array_index (dictionaries, i);
      GPtrArray *problems = spanmark_dictionary_get_problems (dictionary);

      for (guint j = 0; j < problems->len; j++)
        {
          g_autofree char *message = spanmark_problem_to_string (g_ptr_array_index (problems, j));

          spanmark_cli_error ("%s", message);
          ok = FALSE;
        }
      spanmark_suggester_add_dictionary (suggester, dictionary);
      *n_entries += spanmark_dictionary_get_entries (dictionary)->len;
    }
  return ok;
}

/* Prints one suggestion of a dry run: DOC START END LABEL TEXT SOURCE,
 * tab-separated (a tab or line break in the text written as \t, \n). */
static void
print_suggestion (const char               *document_id,
                  const SpanmarkSuggestion *suggestion)
{
  g_autofree char *text = spanmark_cli_escape_text (suggestion->text);

  g_print ("%s\t%u\t%u\t%s\t%s\t%s\n", document_id, suggestion->start, suggestion->end,
           spanmark_suggestion_get_label (suggestion), text, spanmark_suggestion_get_source (suggestion));
}

static void
report_document (const char                 *document_id,
                 const SpanmarkPretagResult *result,
                 gboolean                    dry_run,
                 Counts                     *totals)
{
  g_auto(Counts) counts = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  g_autofree char *labels = NULL;
  g_autofree char *left_out = NULL;
  g_autofree char *spans = NULL;

  for (guint i = 0; i < result->added->len; i++)
    {
      const SpanmarkSuggestion *suggestion = g_ptr_array_index (result->added, i);

      if (dry_run)
        print_suggestion (document_id, suggestion);
      counts_add_label (&counts, spanmark_suggestion_get_label (suggestion));
      counts_add_label (totals, spanmark_suggestion_get_label (suggestion));
    }
  totals->n_spans += result->added->len;
  totals->n_ties += result->n_ties;
  totals->n_tagged += result->n_tagged;
  totals->n_rejected += result->n_rejected;
  if (result->added->len > 0)
    totals->n_documents++;

  if (dry_run || (result->added->len == 0 && result->n_ties == 0))
    return;
  labels = format_labels (counts.labels);
  left_out = format_left_out (result->n_ties, 0, 0);
  if (result->added->len == 0)
    /* TRANSLATORS: a document id, then "; left out: 1 with two labels or more" */
    g_print (_("%s: no spans%s\n"), document_id, left_out);
  else
    {
      spans = g_strdup_printf (ngettext ("%u span", "%u spans", result->added->len), result->added->len);
      /* TRANSLATORS: a document id, "3 spans", " (OFFICIAL 2, PLACE 1)", "; left out: …" */
      g_print (_("%s: %s%s%s\n"), document_id, spans, labels, left_out);
    }
}

int
spanmark_cli_pretag (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkSuggester) suggester = NULL;
  g_autoptr(GPtrArray) load_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autofree char *annotator = NULL;
  g_auto(GStrv) dictionary_files = NULL;
  g_auto(GStrv) document_options = NULL;
  g_auto(GStrv) documents = NULL;
  g_auto(Counts) totals = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  g_autofree char *labels = NULL;
  g_autofree char *left_out = NULL;
  g_autofree char *spans = NULL;
  gboolean from_corpus = FALSE;
  gboolean dry_run = FALSE;
  gboolean ok = TRUE;
  guint n_entries = 0;
  const GOptionEntry entries[] = {
    { "annotator", 'a', 0, G_OPTION_ARG_STRING, &annotator,
      N_("Add the spans to this annotator’s files (required)"), N_("NAME") },
    { "dictionary", 'D', 0, G_OPTION_ARG_FILENAME_ARRAY, &dictionary_files,
      N_("Match this dictionary (.tsv or .jsonl; repeat for more; default: DIR/dictionaries/)"), N_("FILE") },
    { "from-corpus", 'c', 0, G_OPTION_ARG_NONE, &from_corpus,
      N_("Also match every text already tagged in the project, with its label"), NULL },
    { "documents", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &document_options,
      N_("Only these documents (default: all); more ids may follow DIR"), N_("ID…") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("List what would be added (DOC, START, END, LABEL, TEXT, SOURCE, tab-separated) and write nothing"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("DIR [ID…]"));
  g_option_context_set_summary (context,
    _("Pre-annotate the documents of the project in DIR for one annotator: every\n"
      "match of the dictionaries (and, with --from-corpus, of the texts tagged\n"
      "anywhere in the project) becomes a span of that annotator, marked as\n"
      "pretagged so that the window shows it as one to review.  Matching is\n"
      "exact and case-sensitive, leftmost-longest, with no word boundaries.\n"
      "A match is left out where the annotator already has a span overlapping\n"
      "it, where they rejected it, and where its text has two labels (a person\n"
      "chooses).  Each document’s line counts its spans per label; the last\n"
      "lines count them all."));
  g_option_context_set_description (context,
    _("Dictionaries: text<TAB>LABEL[<TAB>key=value…] lines (.tsv, “#” starts a\n"
      "comment) or spaCy EntityRuler patterns (.jsonl, {\"label\": …, \"pattern\": …}\n"
      "with a string pattern).  A bad line is reported with its file and line; the\n"
      "other lines are still used.\n"
      "\n"
      "Only the annotator’s files are written (made when missing), atomically,\n"
      "and never a file that does not load or changed while pretag ran.  Running\n"
      "pretag again adds nothing twice.\n"
      "\n"
      "Exit status: 0 success; 1 a dictionary line or a file was bad, or a file\n"
      "could not be written (each named; the rest is done); 2 a usage error.\n"
      "\n"
      "Examples:\n"
      "  spanmark-cli pretag corpus --annotator alice --from-corpus\n"
      "  spanmark-cli pretag corpus --annotator model --dictionary places.tsv --dry-run"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!spanmark_cli_parse_dir_options (context, &argc, &argv, NULL))
    return SPANMARK_CLI_EXIT_USAGE;
  if (argc > 2 && document_options == NULL)
    {
      spanmark_cli_usage_error ("%s", _("too many arguments: pretag takes one project folder (and with "
                                        "--documents, document ids)"));
      return SPANMARK_CLI_EXIT_USAGE;
    }
  if (annotator == NULL)
    {
      spanmark_cli_usage_error ("%s", _("missing --annotator: name the annotator whose files get the spans"));
      return SPANMARK_CLI_EXIT_USAGE;
    }
  if (!spanmark_project_is_valid_annotator (annotator) || g_str_equal (annotator, SPANMARK_CURATED_ANNOTATOR))
    {
      spanmark_cli_usage_error (_("“%s” is not a valid annotator name (letters, digits and “-_.”)"), annotator);
      return SPANMARK_CLI_EXIT_USAGE;
    }

  if (!check_dictionary_names (dictionary_files))
    return SPANMARK_CLI_EXIT_USAGE;

  project = spanmark_cli_open_project (argv[1]);
  if (project == NULL)
    return SPANMARK_CLI_EXIT_FAILED;
  if (document_options != NULL)
    {
      documents = spanmark_cli_collect_documents (project, argv[1], document_options, argv + 2);
      if (documents == NULL)
        return SPANMARK_CLI_EXIT_USAGE;
    }

  suggester = spanmark_suggester_new ();
  ok = add_dictionaries (suggester, project, dictionary_files, &n_entries);
  if (from_corpus)
    {
      spanmark_suggester_add_project (suggester, project, load_problems);
      for (guint i = 0; i < load_problems->len; i++)
        spanmark_cli_error ("%s", ((GError *) g_ptr_array_index (load_problems, i))->message);
      ok = ok && load_problems->len == 0;
    }
  if (n_entries == 0 && !from_corpus && ok)
    {
      spanmark_cli_usage_error (_("%s: nothing to match: give --dictionary FILE or --from-corpus, or put "
                                  "dictionaries in %s/%s/"), argv[1], argv[1], SPANMARK_DICTIONARY_DIR);
      return SPANMARK_CLI_EXIT_USAGE;
    }

  for (guint d = 0; d < spanmark_project_get_n_documents (project); d++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (project, d);
      const char *id = spanmark_document_get_id (document);
      g_autoptr(GFile) file = spanmark_project_get_annotation_file (project, document, annotator);
      g_autoptr(GError) error = NULL;
      SpanmarkPretagResult result = { NULL };

      if (documents != NULL && !g_strv_contains ((const char * const *) documents, id))
        continue;
      if (spanmark_document_get_problem (document) != NULL)
        {
          /* TRANSLATORS: a document id, then what is wrong with its entry in spanmark.json */
          spanmark_cli_error (_("%s: skipped: %s"), id, spanmark_document_get_problem (document));
          ok = FALSE;
          continue;
        }
      /* Read for the corpus already, it failed and was reported. */
      if (from_corpus && spanmark_project_is_file_broken (project, file))
        continue;
      if (!spanmark_pretag_document (project, document, annotator, suggester, dry_run, &result, &error))
        {
          spanmark_cli_error ("%s", error->message);
          ok = FALSE;
        }
      else
        report_document (id, &result, dry_run, &totals);
      spanmark_pretag_result_clear (&result);
    }

  labels = format_labels (totals.labels);
  left_out = format_left_out (totals.n_ties, totals.n_tagged, totals.n_rejected);
  spans = g_strdup_printf (ngettext ("%u span", "%u spans", totals.n_spans), totals.n_spans);
  if (dry_run)
    /* TRANSLATORS: "Would pretag 3 spans in 2 documents for alice (OFFICIAL 2, PLACE 1)" */
    g_print (ngettext ("Would pretag %s in %u document for %s%s%s; nothing was written.\n",
                       "Would pretag %s in %u documents for %s%s%s; nothing was written.\n",
                       totals.n_documents),
             spans, totals.n_documents, annotator, labels, left_out);
  else
    /* TRANSLATORS: "Pretagged 3 spans in 2 documents for alice (OFFICIAL 2, PLACE 1)" */
    g_print (ngettext ("Pretagged %s in %u document for %s%s%s.\n",
                       "Pretagged %s in %u documents for %s%s%s.\n",
                       totals.n_documents),
             spans, totals.n_documents, annotator, labels, left_out);

  return ok ? SPANMARK_CLI_EXIT_OK : SPANMARK_CLI_EXIT_FAILED;
}
