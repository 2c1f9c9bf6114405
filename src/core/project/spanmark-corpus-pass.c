/* spanmark-corpus-pass.c — every annotation file of a project, read once
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-corpus-pass.h"

/* One byte per document and annotator: 0 not seen, else ENTRY_SEEN, the
 * status in the low bits and whether there is a readable file. */
#define ENTRY_SEEN       0x80u
#define ENTRY_HAS_FILE   0x40u
#define ENTRY_STATUS(e)  ((SpanmarkStatus) ((e) & 0x0fu))
#define ENTRY_MAKE(status, has_file) \
  ((guint8) (ENTRY_SEEN | ((has_file) ? ENTRY_HAS_FILE : 0) | ((guint) (status) & 0x0fu)))

struct _SpanmarkCorpusPass
{
  gatomicrefcount  ref_count;
  GFile           *dir;
  GStrv            annotators;
  guint            n_annotators;
  GPtrArray       *document_ids;  /* char *, index order */
  GHashTable      *positions;     /* document id (borrowed) -> index + 1 */
  guint8          *entries;       /* [document * n_annotators + annotator] */
};

G_DEFINE_BOXED_TYPE (SpanmarkCorpusPass, spanmark_corpus_pass, spanmark_corpus_pass_ref,
                     spanmark_corpus_pass_unref)

SpanmarkCorpusPass *
spanmark_corpus_pass_ref (SpanmarkCorpusPass *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
spanmark_corpus_pass_unref (SpanmarkCorpusPass *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_object_unref (self->dir);
  g_strfreev (self->annotators);
  g_hash_table_unref (self->positions);
  g_ptr_array_unref (self->document_ids);
  g_free (self->entries);
  g_free (self);
}

/* What SpanmarkStatusCache reads of one file: nothing when it does not
 * exist, else the status read (spanmark_project_read_status()). */
static guint8
read_status_entry (SpanmarkProject  *project,
                   SpanmarkDocument *document,
                   const char       *annotator,
                   GFile            *file)
{
  SpanmarkStatus status = SPANMARK_STATUS_NEW;

  if (!g_file_query_exists (file, NULL)
      || !spanmark_project_read_status (project, document, annotator, &status, NULL))
    return ENTRY_MAKE (SPANMARK_STATUS_NEW, FALSE);

  return ENTRY_MAKE (status, TRUE);
}

/* One file loaded once: the set to @func, the status from it.  Which
 * files are loaded is what the corpus readers load: a file that exists,
 * or a link that leads nowhere (a bad file, reported). */
static guint8
load_entry (SpanmarkProject        *project,
            SpanmarkDocument       *document,
            const char             *annotator,
            GFile                  *file,
            SpanmarkCorpusPassFunc  func,
            gpointer                user_data,
            GPtrArray              *errors)
{
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  GError *error = NULL;
  gboolean exists = g_file_query_exists (file, NULL);

  if (!exists && g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_UNKNOWN)
    return ENTRY_MAKE (SPANMARK_STATUS_NEW, FALSE);

  set = spanmark_project_load_annotations (project, document, annotator, &error);
  if (set == NULL)
    {
      if (errors != NULL)
        g_ptr_array_add (errors, error);
      else
        g_error_free (error);
      /* The status read takes files the loader refuses (offsets out of
       * range, say) as long as their JSON is right. */
      return exists ? read_status_entry (project, document, annotator, file)
                    : ENTRY_MAKE (SPANMARK_STATUS_NEW, FALSE);
    }

  func (set, user_data);
  if (!exists)
    return ENTRY_MAKE (SPANMARK_STATUS_NEW, FALSE);

  return ENTRY_MAKE (spanmark_annotation_set_get_status (set), TRUE);
}

SpanmarkCorpusPass *
spanmark_corpus_pass_run (SpanmarkProject        *project,
                          SpanmarkCorpusPassFunc  func,
                          gpointer                user_data,
                          GPtrArray              *errors,
                          GCancellable           *cancellable,
                          GError                **error)
{
  return spanmark_corpus_pass_run_skipping (project, NULL, NULL, func, user_data, errors, cancellable, error);
}

SpanmarkCorpusPass *
spanmark_corpus_pass_run_skipping (SpanmarkProject        *project,
                                   const char             *skip_document,
                                   const char             *skip_annotator,
                                   SpanmarkCorpusPassFunc  func,
                                   gpointer                user_data,
                                   GPtrArray              *errors,
                                   GCancellable           *cancellable,
                                   GError                **error)
{
  g_autoptr(SpanmarkCorpusPass) self = NULL;
  guint n_documents;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), NULL);
  g_return_val_if_fail ((skip_document == NULL) == (skip_annotator == NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_documents = spanmark_project_get_n_documents (project);
  self = g_new0 (SpanmarkCorpusPass, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->dir = g_object_ref (spanmark_project_get_dir (project));
  self->annotators = spanmark_project_list_annotators (project);
  self->n_annotators = g_strv_length (self->annotators);
  self->document_ids = g_ptr_array_new_full (n_documents, g_free);
  self->positions = g_hash_table_new (g_str_hash, g_str_equal);
  self->entries = g_new0 (guint8, (gsize) n_documents * MAX (self->n_annotators, 1));

  for (guint d = 0; d < n_documents; d++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (project, d);
      char *id = g_strdup (spanmark_document_get_id (document));
      gboolean usable = spanmark_document_get_problem (document) == NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_free (id);
          return NULL;
        }

      g_ptr_array_add (self->document_ids, id);
      /* Ids are unique in an index that opened; the first one answers. */
      if (!g_hash_table_contains (self->positions, id))
        g_hash_table_insert (self->positions, id, GUINT_TO_POINTER (d + 1));

      for (guint a = 0; a < self->n_annotators; a++)
        {
          const char *annotator = self->annotators[a];
          g_autoptr(GFile) file = spanmark_project_get_annotation_file (project, document, annotator);
          guint8 *entry = &self->entries[(gsize) d * self->n_annotators + a];
          /* The caller has that set loaded already: only its status. */
          gboolean skipped = skip_document != NULL && g_str_equal (id, skip_document)
                             && g_str_equal (annotator, skip_annotator);

          /* A broken index entry is reported by whoever lists documents,
           * and its files never load. */
          if (func != NULL && usable && !skipped)
            *entry = load_entry (project, document, annotator, file, func, user_data, errors);
          else
            *entry = read_status_entry (project, document, annotator, file);
        }
    }

  return g_steal_pointer (&self);
}

GFile *
spanmark_corpus_pass_get_dir (SpanmarkCorpusPass *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dir;
}

const char * const *
spanmark_corpus_pass_get_annotators (SpanmarkCorpusPass *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->annotators;
}

guint
spanmark_corpus_pass_get_n_documents (SpanmarkCorpusPass *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->document_ids->len;
}

const char *
spanmark_corpus_pass_get_document_id (SpanmarkCorpusPass *self,
                                      guint               index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->document_ids->len, NULL);

  return g_ptr_array_index (self->document_ids, index);
}

static guint8
entry_at (SpanmarkCorpusPass *self,
          guint               index,
          const char         *annotator)
{
  for (guint a = 0; a < self->n_annotators; a++)
    if (g_str_equal (self->annotators[a], annotator))
      return self->entries[(gsize) index * self->n_annotators + a];

  return ENTRY_MAKE (SPANMARK_STATUS_NEW, FALSE);
}

void
spanmark_corpus_pass_get_at (SpanmarkCorpusPass *self,
                             guint               index,
                             const char         *annotator,
                             SpanmarkStatus     *status,
                             gboolean           *has_file)
{
  guint8 entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->document_ids->len);
  g_return_if_fail (annotator != NULL);

  entry = entry_at (self, index, annotator);
  if (status != NULL)
    *status = ENTRY_STATUS (entry);
  if (has_file != NULL)
    *has_file = (entry & ENTRY_HAS_FILE) != 0;
}

gboolean
spanmark_corpus_pass_lookup (SpanmarkCorpusPass *self,
                             const char         *document_id,
                             const char         *annotator,
                             SpanmarkStatus     *status,
                             gboolean           *has_file)
{
  guint position;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (document_id != NULL && annotator != NULL, FALSE);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, document_id));
  if (position == 0)
    return FALSE;

  spanmark_corpus_pass_get_at (self, position - 1, annotator, status, has_file);
  return TRUE;
}
