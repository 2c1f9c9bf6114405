/* spanmark-team-progress.c — every annotator's progress, read off the main thread
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spanmark-team-progress.h"

struct _SpanmarkTeamProgress
{
  gatomicrefcount  ref_count;
  GFile           *dir;
  GPtrArray       *annotators;  /* char * */
  guint           *n_done;      /* one per annotator */
  guint            n_documents;
  /* document id -> guint8 array, one status per annotator, 0xff: not
   * theirs.  One small block per document, so 50,000 documents and a
   * few annotators stay a few megabytes. */
  GHashTable      *documents;
};

#define NOT_THEIRS 0xff

G_DEFINE_BOXED_TYPE (SpanmarkTeamProgress, spanmark_team_progress, spanmark_team_progress_ref,
                     spanmark_team_progress_unref)

SpanmarkTeamProgress *
spanmark_team_progress_ref (SpanmarkTeamProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
spanmark_team_progress_unref (SpanmarkTeamProgress *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_object_unref (self->dir);
  g_ptr_array_unref (self->annotators);
  g_free (self->n_done);
  g_hash_table_unref (self->documents);
  g_free (self);
}

SpanmarkTeamProgress *
spanmark_team_progress_new_from_pass (SpanmarkCorpusPass *pass)
{
  SpanmarkTeamProgress *self;
  const char * const *names;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_annotators;

  g_return_val_if_fail (pass != NULL, NULL);

  self = g_new0 (SpanmarkTeamProgress, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->dir = g_object_ref (spanmark_corpus_pass_get_dir (pass));
  self->annotators = g_ptr_array_new_with_free_func (g_free);
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  names = spanmark_corpus_pass_get_annotators (pass);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], SPANMARK_CURATED_ANNOTATOR) != 0)
      g_ptr_array_add (self->annotators, g_strdup (names[i]));
  n_annotators = self->annotators->len;
  self->n_done = g_new0 (guint, MAX (n_annotators, 1));
  self->n_documents = spanmark_corpus_pass_get_n_documents (pass);

  /* A document with a problem in the index has no status anyone can
   * read (the pass reads it as new): nobody's. */
  for (guint d = 0; d < self->n_documents && n_annotators > 0; d++)
    {
      const char *id = spanmark_corpus_pass_get_document_id (pass, d);
      g_autofree guint8 *statuses = g_new (guint8, n_annotators);
      gboolean any = FALSE;

      for (guint a = 0; a < n_annotators; a++)
        {
          SpanmarkStatus status = SPANMARK_STATUS_NEW;

          spanmark_corpus_pass_get_at (pass, d, g_ptr_array_index (self->annotators, a), &status, NULL);
          statuses[a] = status == SPANMARK_STATUS_NEW ? NOT_THEIRS : (guint8) status;
          any |= status != SPANMARK_STATUS_NEW;
          if (status == SPANMARK_STATUS_DONE || status == SPANMARK_STATUS_REVIEWED)
            self->n_done[a]++;
        }
      if (any)
        g_hash_table_insert (self->documents, g_strdup (id), g_steal_pointer (&statuses));
    }

  return self;
}

SpanmarkTeamProgress *
spanmark_team_progress_read (GFile         *dir,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkCorpusPass) pass = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  project = spanmark_project_open (dir, error);
  if (project == NULL)
    return NULL;
  pass = spanmark_corpus_pass_run (project, NULL, NULL, NULL, cancellable, error);
  if (pass == NULL)
    return NULL;

  return spanmark_team_progress_new_from_pass (pass);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  SpanmarkTeamProgress *self = spanmark_team_progress_read (task_data, cancellable, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, (GDestroyNotify) spanmark_team_progress_unref);
}

void
spanmark_team_progress_read_async (GFile               *dir,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (dir));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, spanmark_team_progress_read_async);
  g_task_set_task_data (task, g_object_ref (dir), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

SpanmarkTeamProgress *
spanmark_team_progress_read_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
spanmark_team_progress_get_dir (SpanmarkTeamProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dir;
}

guint
spanmark_team_progress_get_n_annotators (SpanmarkTeamProgress *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->annotators->len;
}

const char *
spanmark_team_progress_get_annotator (SpanmarkTeamProgress *self,
                                      guint                 index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->annotators->len, NULL);

  return g_ptr_array_index (self->annotators, index);
}

guint
spanmark_team_progress_get_n_documents (SpanmarkTeamProgress *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_documents;
}

guint
spanmark_team_progress_get_n_done (SpanmarkTeamProgress *self,
                                   guint                 index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->annotators->len, 0);

  return self->n_done[index];
}

char *
spanmark_team_progress_describe_annotator (SpanmarkTeamProgress *self,
                                           guint                 index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->annotators->len, NULL);

  /* Translators: "12 of 40 done", the documents the annotator finished. */
  return g_strdup_printf (ngettext ("%u of %u done", "%u of %u done", self->n_documents),
                          self->n_done[index], self->n_documents);
}

gboolean
spanmark_team_progress_get_status (SpanmarkTeamProgress *self,
                                   const char           *document_id,
                                   guint                 index,
                                   SpanmarkStatus       *status)
{
  const guint8 *statuses;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);

  statuses = g_hash_table_lookup (self->documents, document_id);
  if (statuses == NULL || index >= self->annotators->len || statuses[index] == NOT_THEIRS)
    return FALSE;
  if (status != NULL)
    *status = (SpanmarkStatus) statuses[index];
  return TRUE;
}

char *
spanmark_team_progress_describe_document (SpanmarkTeamProgress *self,
                                          const char           *document_id)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (document_id != NULL, NULL);

  for (guint a = 0; a < self->annotators->len; a++)
    {
      SpanmarkStatus status;

      if (!spanmark_team_progress_get_status (self, document_id, a, &status))
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      else
        /* Translators: between two annotators' statuses, "alice: Done, bob: In progress". */
        g_string_append (text, _(", "));
      /* Translators: an annotator and their status of a document, "alice: Done". */
      g_string_append_printf (text, C_("annotator status", "%s: %s"), (const char *) g_ptr_array_index (self->annotators, a),
                              spanmark_status_get_title (status));
    }

  return text != NULL ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}
