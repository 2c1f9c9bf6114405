/* spanmark-window-assist.c — suggestions in the window: drawn, accepted, rejected
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window keeps one SpanmarkSuggester for the project.  Its corpus
 * (every annotation file) and its dictionaries are read off the main
 * thread when the project opens, so opening stays as fast as before;
 * until then the suggester knows the open document only, which it
 * follows as the annotator tags (a name tagged once is suggested at its
 * other places in the same document at once).  The open document's
 * suggestions are asked for again when the set changed, at most once
 * per main loop turn (a bulk edit changes the set once per span), and
 * whenever an action needs them.
 *
 * What the keys go through, "items", are the suggestions and the spans
 * still to review (marked by spanmark-cli pretag), in text order: the
 * same array the text view draws (SpanmarkAssistMark).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-dictionary.h"
#include "spanmark-history.h"
#include "spanmark-inconsistency.h"
#include "spanmark-settings.h"
#include "spanmark-text-view.h"
#include "spanmark-window-private.h"

static gboolean
assist_active (SpanmarkWindow *self)
{
  return self->suggester != NULL && self->set != NULL && !self->review_mode
         && !spanmark_window_get_read_only (self);
}

static SpanmarkTextView *
text_view (SpanmarkWindow *self)
{
  return SPANMARK_TEXT_VIEW (spanmark_document_view_get_text_view (self->document_view));
}

/* The corpus, off the main thread.  Opening a project reads every
 * annotation file once, on one worker thread (SpanmarkCorpusPass): the
 * sets teach the suggester, the annotator's count the registry's
 * mentions, and the statuses read on the way are the document list's
 * and the team's progress.  Each used to be a read of its own. */

struct _SpanmarkCorpusTask
{
  GFile     *dir;
  char      *annotator;      /* whose mentions the registry counts */
  /* The open set, which the window has loaded already: the pass reads
   * only its status, and the suggester counts what the window's counts
   * for it (the same entries, immutable; NULL: nothing skipped). */
  char      *skip_document;
  GPtrArray *skip_entries;
  /* Its suggestions, searched with the new suggester once it is made
   * (NULL: searched on the main thread, once the pass is in). */
  SpanmarkSuggestRequest *request;
};

static void
corpus_task_free (CorpusTask *task)
{
  g_object_unref (task->dir);
  g_free (task->annotator);
  g_free (task->skip_document);
  g_clear_pointer (&task->skip_entries, g_ptr_array_unref);
  g_clear_pointer (&task->request, spanmark_suggest_request_free);
  g_free (task);
}

typedef struct
{
  SpanmarkSuggester  *suggester;
  GPtrArray          *problems;  /* of char *: what did not load, said once */
  SpanmarkRegistry   *registry;  /* NULL: did not load, registry_error says why */
  GError             *registry_error;
  SpanmarkCorpusPass *pass;
  const char         *annotator; /* the task's, while the pass runs */
  SpanmarkSuggestRequest *request; /* the task's, searched */
} CorpusResult;

static void
corpus_result_free (CorpusResult *result)
{
  g_clear_object (&result->suggester);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_object (&result->registry);
  g_clear_error (&result->registry_error);
  g_clear_pointer (&result->pass, spanmark_corpus_pass_unref);
  g_clear_pointer (&result->request, spanmark_suggest_request_free);
  g_free (result);
}

static void
corpus_set_cb (SpanmarkAnnotationSet *set,
               gpointer               user_data)
{
  CorpusResult *result = user_data;

  spanmark_suggester_add_set (result->suggester, set, FALSE);
  /* The annotator's files: the counts say what the annotator sees when
   * opening those documents. */
  if (result->registry != NULL && g_strcmp0 (spanmark_annotation_set_get_annotator (set), result->annotator) == 0)
    spanmark_registry_add_mentions (result->registry, set);
}

static void
corpus_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CorpusTask *data = task_data;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) dictionaries = NULL;
  g_autoptr(GError) error = NULL;
  CorpusResult *result;

  /* Core objects are not thread-safe: the thread reads its own project,
   * and what it makes is the main thread's once returned. */
  project = spanmark_project_open (data->dir, &error);
  if (project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (CorpusResult, 1);
  result->suggester = spanmark_suggester_new ();
  result->problems = g_ptr_array_new_with_free_func (g_free);
  result->registry = spanmark_registry_load (project, &result->registry_error);
  result->annotator = data->annotator;
  result->pass = spanmark_corpus_pass_run_skipping (project, data->skip_document,
                                                    data->skip_document != NULL ? data->annotator : NULL,
                                                    corpus_set_cb, result, errors, cancellable, NULL);
  result->annotator = NULL;
  if (result->pass == NULL)
    {
      corpus_result_free (result);
      g_task_return_error_if_cancelled (task);
      return;
    }
  for (guint i = 0; i < errors->len; i++)
    g_ptr_array_add (result->problems, g_strdup (((GError *) g_ptr_array_index (errors, i))->message));

  dictionaries = spanmark_dictionary_load_folder (spanmark_project_get_dir (project),
                                                  spanmark_project_get_schema (project));
  for (guint i = 0; i < dictionaries->len; i++)
    {
      SpanmarkDictionary *dictionary = g_ptr_array_index (dictionaries, i);
      GPtrArray *problems = spanmark_dictionary_get_problems (dictionary);

      spanmark_suggester_add_dictionary (result->suggester, dictionary);
      for (guint p = 0; p < problems->len; p++)
        g_ptr_array_add (result->problems, spanmark_problem_to_short_string (g_ptr_array_index (problems, p)));
    }
  /* The registry's names too, in the order the main thread used to add
   * them (corpus, dictionaries, registry; an empty registry adds nothing,
   * and would cost a walk over every term); then the matcher's automaton
   * is built here: for a large corpus that is seconds the window would
   * otherwise stand still for at the first suggestions. */
  if (result->registry != NULL && spanmark_registry_get_entities (result->registry)->len > 0)
    spanmark_suggester_add_registry (result->suggester, result->registry, spanmark_project_get_schema (project));
  /* The open set last, where the window used to count it again once the
   * pass was in (ties of equal counts keep their order). */
  if (data->skip_entries != NULL)
    spanmark_suggester_add_counted (result->suggester, data->annotator, data->skip_document, data->skip_entries);
  /* The open document's suggestions are searched here too: on a long
   * text that is a walk of the automaton over every character, which the
   * main thread would make after the text's layout. */
  if (data->request != NULL)
    {
      spanmark_suggester_search_request (result->suggester, data->request);
      result->request = g_steal_pointer (&data->request);
    }
  else
    g_array_unref (spanmark_matcher_find (spanmark_suggester_get_matcher (result->suggester), "", 0, NULL, NULL));

  if (g_task_return_error_if_cancelled (task))
    corpus_result_free (result);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) corpus_result_free);
}

static void invalidate (SpanmarkWindow *self);

/* The statuses the pass read go to the caches that wait for them (the
 * annotator's and the curated ones; NULL: none will come). */
static void
fill_statuses (SpanmarkWindow     *self,
               SpanmarkCorpusPass *pass)
{
  if (self->statuses != NULL && spanmark_status_cache_get_expecting_fill (self->statuses))
    spanmark_status_cache_fill (self->statuses, pass);
  if (self->curated_statuses != NULL && spanmark_status_cache_get_expecting_fill (self->curated_statuses))
    spanmark_status_cache_fill (self->curated_statuses, pass);
}

/* The pass will not bring the team's progress: the sync operation it
 * counted for is over. */
static void
release_team (SpanmarkWindow *self)
{
  if (!self->pass_holds_sync)
    return;
  self->pass_holds_sync = FALSE;
  self->sync_pending--;
}

/* As for review mode's figures: the task holds no reference to the
 * window; closing it or another project cancels the task, and then
 * @user_data is not looked at. */
static void
corpus_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  SpanmarkWindow *self;
  CorpusResult *result;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkSuggester) old = NULL;
  g_autoptr(SpanmarkAnnotationSet) skipped = NULL;
  gboolean registry_fed;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SPANMARK_WINDOW (user_data);
  g_clear_object (&self->corpus_cancellable);
  skipped = g_steal_pointer (&self->pass_skipped_set);
  if (result == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Suggestions from the corpus are off: %s"), error->message);

      fill_statuses (self, NULL);
      release_team (self);
      spanmark_window_entities_pass_done (self, NULL, error);
      spanmark_window_toast (self, message);
      return;
    }

  /* The statuses, the team's progress and the registry first: they do
   * not depend on the suggester. */
  fill_statuses (self, result->pass);
  if (self->pass_holds_sync)
    {
      g_autoptr(SpanmarkTeamProgress) team = spanmark_team_progress_new_from_pass (result->pass);

      spanmark_window_sync_take_team (self, team);
      release_team (self);
    }
  /* The open set was not read by the pass: its mentions as it is now. */
  if (skipped != NULL && result->registry != NULL)
    spanmark_registry_add_mentions (result->registry, skipped);
  /* The old suggester goes: the registry is not fed to it on the way. */
  old = g_steal_pointer (&self->suggester);
  registry_fed = spanmark_window_entities_pass_done (self, g_steal_pointer (&result->registry),
                                                     result->registry_error);

  /* What the thread read, plus what changed here since: the documents
   * left meanwhile (saved, so the thread may or may not have read them
   * as they are now) and the open one, followed.  The thread fed it the
   * registry the window now has, unless another was read since. */
  self->suggester = g_object_ref (result->suggester);
  if (registry_fed)
    spanmark_window_assist_update_actions (self);
  else
    spanmark_window_entities_feed_suggester (self);
  for (guint i = 0; i < self->left_sets->len; i++)
    spanmark_suggester_add_set (self->suggester, g_ptr_array_index (self->left_sets, i), FALSE);
  g_ptr_array_set_size (self->left_sets, 0);
  /* The open set as the old suggester counts it: no entry made again. */
  if (self->assist_following && old != NULL)
    spanmark_suggester_follow_as (self->suggester, self->set, old);
  else if (self->assist_following)
    spanmark_suggester_add_set (self->suggester, self->set, TRUE);
  g_clear_object (&old);
  /* Another suggester: its generation says nothing about the list.  The
   * list the thread searched is the one when nothing changed since. */
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  if (result->request != NULL && self->assist_following && skipped == self->set)
    self->suggestions = spanmark_suggester_take_request (self->suggester, self->set, result->request);
  if (self->suggestions != NULL)
    {
      self->suggestions_generation = spanmark_suggester_get_generation (self->suggester);
      g_clear_pointer (&self->assist_items, g_array_unref);  /* shown at the next refresh */
    }

  if (result->problems->len > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Dictionaries: %u line did not load: %s",
                                                            "Dictionaries: %u lines did not load, the first: %s",
                                                            result->problems->len),
                                                  result->problems->len,
                                                  (const char *) g_ptr_array_index (result->problems, 0));

      spanmark_window_toast (self, message);
    }
  corpus_result_free (result);

  /* No spanmark_window_update_actions(): nothing it says changed, and
   * changing actions while a toast moves in or out trips libadwaita 1.2
   * (test-markup caught it). */
  invalidate (self);
}

/* Starting the pass.  On two cores its thread would share them with the
 * main thread while the window is first laid out and painted: it waits
 * for the first frame after the project opened, then runs beside the
 * rest of the text's layout (which goes on in idle chunks for seconds
 * on a long document).  A window not realized by the time the main loop
 * is idle (one not shown, as in some tests) starts it then; a frame
 * that does not come within PASS_START_TIMEOUT_MS does not hold it back
 * longer. */

#define PASS_START_TIMEOUT_MS 500

static void
start_pass (SpanmarkWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_clear_handle_id (&self->pass_start_id, g_source_remove);
  g_clear_handle_id (&self->pass_timeout_id, g_source_remove);
  g_clear_signal_handler (&self->pass_realize_id, self);
  /* The clock may have dropped its handlers already (the window went). */
  if (self->pass_clock != NULL && g_signal_handler_is_connected (self->pass_clock, self->pass_paint_id))
    g_signal_handler_disconnect (self->pass_clock, self->pass_paint_id);
  self->pass_paint_id = 0;
  g_clear_object (&self->pass_clock);
  if (self->pass_data == NULL)
    return;

  /* The open set, if the window follows it, is not read again. */
  if (self->assist_following && self->suggester != NULL
      && g_strcmp0 (spanmark_annotation_set_get_annotator (self->set), self->pass_data->annotator) == 0)
    {
      const char *document_id = spanmark_annotation_set_get_document_id (self->set);

      self->pass_data->skip_entries = spanmark_suggester_dup_counted (self->suggester, self->pass_data->annotator,
                                                                      document_id);
      if (self->pass_data->skip_entries != NULL)
        {
          self->pass_data->skip_document = g_strdup (document_id);
          g_set_object (&self->pass_skipped_set, self->set);
          self->pass_data->request = spanmark_suggest_request_new (self->set);
        }
    }

  task = g_task_new (NULL, self->corpus_cancellable, corpus_done_cb, self);
  g_task_set_task_data (task, g_steal_pointer (&self->pass_data), (GDestroyNotify) corpus_task_free);
  g_task_run_in_thread (task, corpus_thread);
}

static void
pass_after_paint_cb (SpanmarkWindow *self)
{
  start_pass (self);
}

static gboolean
pass_timeout_cb (gpointer user_data)
{
  SpanmarkWindow *self = user_data;

  self->pass_timeout_id = 0;
  start_pass (self);
  return G_SOURCE_REMOVE;
}

/* The first frame of the realized window starts the pass. */
static void
wait_for_first_frame (SpanmarkWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_clear_signal_handler (&self->pass_realize_id, self);
  if (clock == NULL)
    {
      start_pass (self);
      return;
    }
  self->pass_clock = g_object_ref (clock);
  self->pass_paint_id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (pass_after_paint_cb), self);
  self->pass_timeout_id = g_timeout_add (PASS_START_TIMEOUT_MS, pass_timeout_cb, self);
}

static void
realize_cb (GtkWidget *widget,
            gpointer   user_data)
{
  wait_for_first_frame (SPANMARK_WINDOW (widget));
}

/* Not realized yet when the main loop went idle: not shown, so nothing
 * to wait for. */
static gboolean
pass_start_cb (gpointer user_data)
{
  SpanmarkWindow *self = user_data;

  self->pass_start_id = 0;
  if (self->pass_clock == NULL)
    start_pass (self);
  return G_SOURCE_REMOVE;
}

/* Stops the pass under way, if any: what it was to bring comes no more. */
static void
cancel_pass (SpanmarkWindow *self)
{
  g_clear_pointer (&self->pass_data, corpus_task_free);
  start_pass (self);  /* nothing to start now: clears what waited */
  if (self->corpus_cancellable != NULL)
    g_cancellable_cancel (self->corpus_cancellable);
  g_clear_object (&self->corpus_cancellable);
  g_clear_object (&self->pass_skipped_set);
  release_team (self);
}

void
spanmark_window_assist_set_project (SpanmarkWindow *self)
{
  cancel_pass (self);
  g_clear_object (&self->suggester);
  g_ptr_array_set_size (self->left_sets, 0);
  if (self->project == NULL)
    return;

  self->suggester = spanmark_suggester_new ();
  self->corpus_cancellable = g_cancellable_new ();
  /* The team's progress comes with the pass: a sync operation until then
   * (tests wait for none). */
  self->pass_holds_sync = TRUE;
  self->sync_pending++;
  self->pass_data = g_new0 (CorpusTask, 1);
  self->pass_data->dir = g_object_ref (spanmark_project_get_dir (self->project));
  self->pass_data->annotator = spanmark_settings_dup_annotator (spanmark_settings_get_default ());
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      wait_for_first_frame (self);
      return;
    }
  self->pass_realize_id = g_signal_connect_after (self, "realize", G_CALLBACK (realize_cb), NULL);
  self->pass_start_id = g_idle_add_full (G_PRIORITY_LOW, pass_start_cb, self, NULL);
}

gboolean
spanmark_window_get_corpus_pending (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);

  return self->corpus_cancellable != NULL;
}

/* The open document's suggestions */

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SpanmarkAssistMark *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->kind < y->kind ? -1 : x->kind > y->kind;
}

static void
clear_title (SpanmarkWindow *self)
{
  g_clear_pointer (&self->title, spanmark_title_suggestion_free);
  g_clear_pointer (&self->title_span_id, g_free);
}

static GHashTable *
label_titles (SpanmarkWindow *self)
{
  SpanmarkSchema *schema = spanmark_project_get_schema (self->project);
  GHashTable *titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Copies: the panel keeps them, and the labels change with the schema. */
  for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
    {
      const SpanmarkLabel *label = spanmark_schema_get_label (schema, i);

      g_hash_table_insert (titles, g_strdup (label->name), g_strdup (spanmark_label_get_display_title (label)));
    }
  return titles;
}

static void
show_counts (SpanmarkWindow *self)
{
  guint n = self->suggestions != NULL ? self->suggestions->len : 0;
  g_autofree char *text = NULL;

  spanmark_consistency_panel_set_counts (self->consistency_panel, n, self->n_to_review);
  if (n == 0 && self->n_to_review == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->suggestion_count_label), FALSE);
      return;
    }

  if (self->n_to_review > 0)
    /* Translators: in the header bar: suggestions and spans to review
     * of the open document, e.g. "12 suggested · 3 to review". */
    text = g_strdup_printf (C_("header", "%u suggested · %u to review"), n, self->n_to_review);
  else
    /* Translators: in the header bar, e.g. "12 suggested". */
    text = g_strdup_printf (C_("header", "%u suggested"), n);
  gtk_label_set_text (self->suggestion_count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_count_label), TRUE);
}

/* Asks the suggester again if anything it uses changed; the items, the
 * marks, the counts and the consistency list follow. */
static void
refresh (SpanmarkWindow *self)
{
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GHashTable) titles = NULL;

  if (!assist_active (self))
    return;
  if (self->suggestions == NULL
      || self->suggestions_generation != spanmark_suggester_get_generation (self->suggester))
    {
      g_clear_pointer (&self->suggestions, g_ptr_array_unref);
      g_clear_pointer (&self->assist_items, g_array_unref);
      self->suggestions = spanmark_suggester_suggest (self->suggester, self->set, NULL);
      self->suggestions_generation = spanmark_suggester_get_generation (self->suggester);
    }
  else if (self->assist_items != NULL)
    return;  /* shown already */

  self->assist_items = g_array_new (FALSE, FALSE, sizeof (SpanmarkAssistMark));
  for (guint i = 0; i < self->suggestions->len; i++)
    {
      const SpanmarkSuggestion *suggestion = g_ptr_array_index (self->suggestions, i);
      SpanmarkAssistMark item = { SPANMARK_MARK_SUGGESTION, suggestion->start, suggestion->end,
                                  g_intern_string (spanmark_suggestion_get_label (suggestion)) };

      g_array_append_val (self->assist_items, item);
    }
  self->n_to_review = 0;
  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (self->set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (self->set, i);
      SpanmarkAssistMark item = { SPANMARK_MARK_TO_REVIEW, span->start, span->end, g_intern_string (span->label) };

      if (span->pretag == NULL)
        continue;
      g_array_append_val (self->assist_items, item);
      self->n_to_review++;
    }
  g_array_sort (self->assist_items, compare_items);

  spanmark_text_view_set_assist_marks (text_view (self), spanmark_project_get_schema (self->project),
                                       self->assist_items);
  show_counts (self);

  /* The suggestions just made: the text is searched once. */
  places = spanmark_inconsistency_find_with_suggestions (self->suggester, self->set, self->suggestions);
  titles = label_titles (self);
  spanmark_consistency_panel_set_places (self->consistency_panel, places, titles);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  SpanmarkWindow *self = user_data;

  self->assist_idle_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Something the suggestions depend on changed: computed again soon, or
 * at once when an action asks (refresh() sees the suggester's new
 * generation).  The list itself stays until then: an action may be
 * going through it. */
static void
invalidate (SpanmarkWindow *self)
{
  if (self->assist_idle_id == 0)
    self->assist_idle_id = g_idle_add (refresh_idle_cb, self);
}

static void
set_changed_cb (SpanmarkWindow *self)
{
  invalidate (self);
}

static void
clear_shown (SpanmarkWindow *self)
{
  g_clear_handle_id (&self->assist_idle_id, g_source_remove);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->assist_items, g_array_unref);
  self->n_to_review = 0;
  clear_title (self);
  spanmark_text_view_set_assist_marks (text_view (self), NULL, NULL);
  spanmark_consistency_panel_set_places (self->consistency_panel, NULL, NULL);
  show_counts (self);
}

void
spanmark_window_assist_open (SpanmarkWindow *self)
{
  clear_shown (self);
  if (!assist_active (self))
    return;

  spanmark_suggester_add_set (self->suggester, self->set, TRUE);
  self->assist_following = TRUE;
  g_signal_connect_swapped (self->set, "changed", G_CALLBACK (set_changed_cb), self);
  /* While the pass over the corpus runs, the list waits for it (it asks
   * again when it is in), unless an edit or an action asks first: a
   * search now, of the open document's own texts, would build a matcher
   * and search the whole text before the first frame, only to be
   * replaced seconds later.  Not in a large corpus, whose pass takes
   * long enough (40 s for 50,000 documents) that the document would
   * show no suggestions all that time. */
  if (self->corpus_cancellable == NULL ||
      spanmark_project_get_n_documents (self->project) >= PASS_STATUSES_MIN_DOCUMENTS)
    refresh (self);
}

void
spanmark_window_assist_close (SpanmarkWindow *self)
{
  if (self->set != NULL)
    g_signal_handlers_disconnect_by_func (self->set, set_changed_cb, self);
  /* Its spans still count for the corpus, as saved; no longer followed
   * (review mode may have been turned on since it was opened). */
  if (self->assist_following && self->suggester != NULL && self->set != NULL)
    {
      spanmark_suggester_add_set (self->suggester, self->set, FALSE);
      if (self->corpus_cancellable != NULL)
        g_ptr_array_add (self->left_sets, g_object_ref (self->set));
    }
  self->assist_following = FALSE;
  clear_shown (self);
}

void
spanmark_window_assist_dispose (SpanmarkWindow *self)
{
  cancel_pass (self);
  g_clear_handle_id (&self->assist_idle_id, g_source_remove);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->assist_items, g_array_unref);
  g_clear_pointer (&self->left_sets, g_ptr_array_unref);
  clear_title (self);
  g_clear_object (&self->suggester);
}

GPtrArray *
spanmark_window_get_suggestions (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), NULL);

  refresh (self);
  return self->suggestions;
}

guint
spanmark_window_get_n_to_review (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), 0);

  refresh (self);
  return self->n_to_review;
}

const SpanmarkTitleSuggestion *
spanmark_window_get_title_suggestion (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), NULL);

  return self->title;
}

/* Items under and after the caret */

/* The item the annotator means: the one exactly selected, else the one
 * the selection starts in; -1 for none. */
static int
item_at_selection (SpanmarkWindow *self)
{
  guint start, end;
  int inside = -1;

  spanmark_document_view_get_selection (self->document_view, &start, &end);
  for (guint i = 0; self->assist_items != NULL && i < self->assist_items->len; i++)
    {
      const SpanmarkAssistMark *item = &g_array_index (self->assist_items, SpanmarkAssistMark, i);

      if (item->start > start)
        break;
      if (item->start == start && item->end == end)
        return (int) i;
      if (start < item->end && inside < 0)
        inside = (int) i;
    }
  return inside;
}

/* The first item starting at or after @from, wrapping round to the first
 * one; -1 when there are none. */
static int
item_from (SpanmarkWindow *self,
           guint           from)
{
  if (self->assist_items == NULL || self->assist_items->len == 0)
    return -1;
  for (guint i = 0; i < self->assist_items->len; i++)
    if (g_array_index (self->assist_items, SpanmarkAssistMark, i).start >= from)
      return (int) i;
  return 0;
}

static void
select_item (SpanmarkWindow *self,
             int             index)
{
  const SpanmarkAssistMark *item = &g_array_index (self->assist_items, SpanmarkAssistMark, index);

  spanmark_document_view_select_range (self->document_view, item->start, item->end);
}

/* After an item was decided: the caret goes to the next one, from
 * @from, so that deciding every mention is one key each.  With none
 * left, the caret stays where it is. */
static void
go_on (SpanmarkWindow *self,
       guint           from)
{
  int next;

  refresh (self);
  next = item_from (self, from);
  if (next >= 0)
    select_item (self, next);
}

static const SpanmarkSuggestion *
suggestion_of (SpanmarkWindow           *self,
               const SpanmarkAssistMark *item)
{
  for (guint i = 0; i < self->suggestions->len; i++)
    {
      const SpanmarkSuggestion *suggestion = g_ptr_array_index (self->suggestions, i);

      if (suggestion->start == item->start && suggestion->end == item->end)
        return suggestion;
    }
  g_assert_not_reached ();
}

/* The span to review at @item (its id, newly allocated). */
static char *
pretag_span_of (SpanmarkWindow           *self,
                const SpanmarkAssistMark *item)
{
  g_autoptr(GPtrArray) spans = spanmark_annotation_set_get_spans_in_range (self->set, item->start, item->start);

  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);

      if (span->pretag != NULL && span->start == item->start && span->end == item->end
          && g_str_equal (span->label, item->label))
        return g_strdup (span->id);
    }
  g_assert_not_reached ();
}

/* The item under the caret, or, with none there, the caret goes to the
 * next one (so Return from anywhere starts the round); -1 then. */
static int
item_or_go_on (SpanmarkWindow *self)
{
  int index;
  guint start;

  refresh (self);
  index = item_at_selection (self);
  if (index >= 0)
    return index;

  spanmark_document_view_get_selection (self->document_view, &start, NULL);
  index = item_from (self, start);
  if (index >= 0)
    select_item (self, index);
  else
    spanmark_window_toast (self, _("No suggestions in this document"));
  return -1;
}

/* Accepting and rejecting */

static gboolean
accept_item (SpanmarkWindow           *self,
             const SpanmarkAssistMark *item,
             const char               *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *span_id = NULL;
  guint end = item->end;

  if (item->kind == SPANMARK_MARK_TO_REVIEW)
    {
      g_autofree char *id = pretag_span_of (self, item);

      if (label != NULL && !g_str_equal (label, item->label))
        return FALSE;
      spanmark_annotation_set_set_span_pretag (self->set, id, NULL);
      span_id = g_steal_pointer (&id);
    }
  else
    {
      const SpanmarkSpan *span = spanmark_suggestion_apply (suggestion_of (self, item), self->set, label, FALSE, &error);

      if (span == NULL)
        {
          spanmark_window_toast (self, error->message);
          return FALSE;
        }
      span_id = g_strdup (span->id);
    }

  go_on (self, end);
  spanmark_window_assist_offer_title (self, span_id);
  return TRUE;
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  int index;

  if (!assist_active (self) || (index = item_or_go_on (self)) < 0)
    return;

  accept_item (self, &g_array_index (self->assist_items, SpanmarkAssistMark, index), NULL);
}

gboolean
spanmark_window_assist_tag (SpanmarkWindow *self,
                            const char     *label)
{
  const SpanmarkAssistMark *item;
  guint start, end;
  int index;

  if (!assist_active (self))
    return FALSE;

  refresh (self);
  spanmark_document_view_get_selection (self->document_view, &start, &end);
  index = item_at_selection (self);
  if (index < 0)
    return FALSE;
  item = &g_array_index (self->assist_items, SpanmarkAssistMark, index);
  if (start != end && (start != item->start || end != item->end))
    return FALSE;
  if (item->kind == SPANMARK_MARK_SUGGESTION
      && spanmark_suggestion_lookup_entry (suggestion_of (self, item), label) == NULL)
    return FALSE;

  return accept_item (self, item, label);
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const SpanmarkAssistMark *item;
  guint start;
  int index;

  if (!assist_active (self) || (index = item_or_go_on (self)) < 0)
    return;

  item = &g_array_index (self->assist_items, SpanmarkAssistMark, index);
  start = item->start;
  if (item->kind == SPANMARK_MARK_TO_REVIEW)
    {
      SpanmarkHistory *history = spanmark_annotation_set_get_history (self->set);
      g_autofree char *id = pretag_span_of (self, item);
      const char *label = item->label;
      guint end = item->end;

      /* Not the annotator's: it goes, and is not proposed again. */
      spanmark_history_begin_group (history);
      spanmark_annotation_set_remove_span (self->set, id);
      spanmark_annotation_set_add_rejection (self->set, start, end, label, &error);
      spanmark_history_end_group (history);
    }
  else
    spanmark_suggestion_reject (suggestion_of (self, item), self->set, &error);

  if (error != NULL)
    {
      spanmark_window_toast (self, error->message);
      return;
    }
  go_on (self, start);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  gboolean forward = g_str_equal (action_name, "win.next-suggestion");
  guint start, end;
  int index = -1;

  if (!assist_active (self))
    return;

  refresh (self);
  if (self->assist_items == NULL || self->assist_items->len == 0)
    {
      gtk_widget_error_bell (widget);
      spanmark_window_toast (self, _("No suggestions in this document"));
      return;
    }

  /* As Tab does for spans: from a bare caret an item starting right
   * there is the next one; both ways wrap round. */
  spanmark_document_view_get_selection (self->document_view, &start, &end);
  if (forward)
    index = item_from (self, start < end ? start + 1 : start);
  else
    {
      for (guint i = self->assist_items->len; i > 0 && index < 0; i--)
        if (g_array_index (self->assist_items, SpanmarkAssistMark, i - 1).start < start)
          index = (int) i - 1;
      if (index < 0)
        index = (int) self->assist_items->len - 1;
    }
  select_item (self, index);
}

/* Accepts the spans to review of @text (NULL: all of them), inside the
 * caller's undo step. */
static guint
accept_to_review (SpanmarkWindow *self,
                  const char     *text)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (self->set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (self->set, i);

      if (span->pretag != NULL && (text == NULL || g_strcmp0 (span->text, text) == 0))
        g_ptr_array_add (ids, g_strdup (span->id));
    }
  /* Each change replaces the span: ids, not pointers. */
  for (guint i = 0; i < ids->len; i++)
    spanmark_annotation_set_set_span_pretag (self->set, g_ptr_array_index (ids, i), NULL);
  return ids->len;
}

static void
accept_many_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  gboolean same = g_str_equal (action_name, "win.accept-same-suggestions");
  g_autoptr(GPtrArray) suggestions = NULL;
  SpanmarkHistory *history;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  guint start, end, n;

  if (!assist_active (self))
    return;

  refresh (self);
  suggestions = g_ptr_array_ref (self->suggestions);
  spanmark_document_view_get_selection (self->document_view, &start, &end);
  if (same)
    {
      int index = item_or_go_on (self);

      if (index < 0)
        return;
      start = g_array_index (self->assist_items, SpanmarkAssistMark, index).start;
      end = g_array_index (self->assist_items, SpanmarkAssistMark, index).end;
      text = spanmark_text_index_slice (spanmark_annotation_set_get_text_index (self->set), start, end);
    }

  history = spanmark_annotation_set_get_history (self->set);
  spanmark_history_begin_group (history);
  n = spanmark_suggestion_apply_all (suggestions, self->set, text, FALSE);
  n += accept_to_review (self, text);
  spanmark_history_end_group (history);

  message = g_strdup_printf (ngettext ("Accepted %u suggestion", "Accepted %u suggestions", n), n);
  spanmark_window_toast (self, message);
  go_on (self, same ? end : 0);
}

/* Titles */

void
spanmark_window_assist_offer_title (SpanmarkWindow *self,
                                    const char     *span_id)
{
  const SpanmarkSpan *span = spanmark_annotation_set_lookup_span (self->set, span_id);
  const SpanmarkLabel *label;
  g_autofree char *message = NULL;
  AdwToast *toast;

  clear_title (self);
  if (span == NULL)
    return;
  label = spanmark_schema_lookup (spanmark_project_get_schema (self->project), span->label);
  if (label == NULL)
    return;
  self->title = spanmark_title_suggestion_find (self->set, label, span_id);
  if (self->title == NULL)
    return;
  self->title_span_id = g_strdup (span_id);

  /* Translators: a title found before a name, offered as the entity's
   * "title" attribute, e.g. "Title of 车俊: 浙江省委书记 (T sets it)". */
  message = g_strdup_printf (_("Title of %s: %s (T sets it)"), span->text, self->title->title);
  toast = spanmark_window_new_toast (message);
  adw_toast_set_button_label (toast, _("Set _Title"));
  adw_toast_set_action_name (toast, "win.accept-title");
  spanmark_window_add_toast (self, toast);
}

static void
accept_title_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->title == NULL || self->set == NULL || spanmark_window_get_read_only (self))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (!spanmark_title_suggestion_apply (self->title, self->set, self->title_span_id, &error))
    spanmark_window_toast (self, error->message);
  clear_title (self);
}

/* Keys */

static const SpanmarkLabel *
label_of_key (SpanmarkWindow *self,
              guint           keyval)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char key[8] = { 0 };

  if (c == 0 || g_unichar_iscntrl (c))
    return NULL;
  g_unichar_to_utf8 (c, key);
  return spanmark_schema_lookup_key (spanmark_project_get_schema (self->project), key);
}

gboolean
spanmark_window_assist_key_pressed (SpanmarkWindow  *self,
                                    guint            keyval,
                                    GdkModifierType  mods)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean is_return = keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter;

  if (self->review_mode)
    return FALSE;

  /* Alt+key: Tag All as the label of that key. */
  if (mods == GDK_ALT_MASK)
    {
      const SpanmarkLabel *label = label_of_key (self, keyval);

      if (label != NULL)
        return gtk_widget_activate_action (widget, "win.tag-all", "s", label->name);
      return FALSE;
    }

  if (is_return && mods == 0)
    return gtk_widget_activate_action (widget, "win.accept-suggestion", NULL);
  if (is_return && mods == GDK_SHIFT_MASK)
    return gtk_widget_activate_action (widget, "win.accept-same-suggestions", NULL);
  if (is_return && mods == (GDK_CONTROL_MASK | GDK_SHIFT_MASK))
    return gtk_widget_activate_action (widget, "win.accept-all-suggestions", NULL);
  if ((mods & ~GDK_SHIFT_MASK) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_BackSpace:
    case GDK_KEY_x:
    case GDK_KEY_X:
      return gtk_widget_activate_action (widget, "win.reject-suggestion", NULL);
    case GDK_KEY_n:
      return gtk_widget_activate_action (widget, "win.next-suggestion", NULL);
    case GDK_KEY_N:
      return gtk_widget_activate_action (widget, "win.prev-suggestion", NULL);
    case GDK_KEY_t:
    case GDK_KEY_T:
      /* Only while a title is offered: the key means nothing else. */
      return self->title != NULL && gtk_widget_activate_action (widget, "win.accept-title", NULL);
    default:
      return FALSE;
    }
}

void
spanmark_window_assist_update_actions (SpanmarkWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean active = assist_active (self);

  gtk_widget_action_set_enabled (widget, "win.accept-suggestion", active);
  gtk_widget_action_set_enabled (widget, "win.reject-suggestion", active);
  gtk_widget_action_set_enabled (widget, "win.next-suggestion", active);
  gtk_widget_action_set_enabled (widget, "win.prev-suggestion", active);
  gtk_widget_action_set_enabled (widget, "win.accept-same-suggestions", active);
  gtk_widget_action_set_enabled (widget, "win.accept-all-suggestions", active);
  /* Enabled whether or not a title is offered (it rings the bell then):
   * changing the action of a toast's button while the toast moves in
   * or out trips libadwaita 1.2 (a use after free in its animation). */
  gtk_widget_action_set_enabled (widget, "win.accept-title",
                                 self->set != NULL && !spanmark_window_get_read_only (self));
}

void
spanmark_window_class_init_assist (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.accept-suggestion", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "win.reject-suggestion", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "win.next-suggestion", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.prev-suggestion", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.accept-same-suggestions", NULL, accept_many_action);
  gtk_widget_class_install_action (widget_class, "win.accept-all-suggestions", NULL, accept_many_action);
  gtk_widget_class_install_action (widget_class, "win.accept-title", NULL, accept_title_action);
}
