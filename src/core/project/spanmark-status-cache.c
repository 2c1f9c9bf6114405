/* spanmark-status-cache.c — every document's status for one annotator, read once
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-status-cache.h"

/* An entry packs what is known of a document into a pointer-sized
 * integer, so 10,000 documents cost one small hash table.  0 (absent)
 * means not read yet. */
#define ENTRY_KNOWN     (1u << 0)
#define ENTRY_HAS_FILE  (1u << 1)
#define ENTRY_STATUS(e) ((SpanmarkStatus) ((e) >> 2))
#define ENTRY_MAKE(status, has_file) \
  (ENTRY_KNOWN | ((has_file) ? ENTRY_HAS_FILE : 0) | ((guint) (status) << 2))

struct _SpanmarkStatusCache
{
  GObject          parent_instance;

  SpanmarkProject *project;
  char            *annotator;
  GHashTable      *entries;   /* document id -> entry */
  guint            read_pos;  /* where spanmark_status_cache_read_some() goes on */
  gboolean         expecting_fill;
  GHashTable      *forgotten; /* ids forgotten while a fill was expected */
};

G_DEFINE_FINAL_TYPE (SpanmarkStatusCache, spanmark_status_cache, G_TYPE_OBJECT)

enum
{
  CHANGED,
  FILLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
spanmark_status_cache_finalize (GObject *object)
{
  SpanmarkStatusCache *self = SPANMARK_STATUS_CACHE (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->forgotten, g_hash_table_unref);
  g_clear_object (&self->project);
  g_clear_pointer (&self->annotator, g_free);

  G_OBJECT_CLASS (spanmark_status_cache_parent_class)->finalize (object);
}

static void
spanmark_status_cache_class_init (SpanmarkStatusCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spanmark_status_cache_finalize;

  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, SPANMARK_TYPE_DOCUMENT);
  signals[FILLED] = g_signal_new ("filled",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
}

static void
spanmark_status_cache_init (SpanmarkStatusCache *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->forgotten = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

SpanmarkStatusCache *
spanmark_status_cache_new (SpanmarkProject *project,
                           const char      *annotator)
{
  SpanmarkStatusCache *self;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (annotator != NULL, NULL);

  self = g_object_new (SPANMARK_TYPE_STATUS_CACHE, NULL);
  self->project = g_object_ref (project);
  self->annotator = g_strdup (annotator);

  return self;
}

SpanmarkProject *
spanmark_status_cache_get_project (SpanmarkStatusCache *self)
{
  g_return_val_if_fail (SPANMARK_IS_STATUS_CACHE (self), NULL);

  return self->project;
}

const char *
spanmark_status_cache_get_annotator (SpanmarkStatusCache *self)
{
  g_return_val_if_fail (SPANMARK_IS_STATUS_CACHE (self), NULL);

  return self->annotator;
}

/* Reads @document's entry from its file.  A missing file is looked for
 * first: it is the common case in a fresh corpus, and costs one stat. */
static guint
read_entry (SpanmarkStatusCache *self,
            SpanmarkDocument    *document)
{
  g_autoptr(GFile) file = NULL;
  SpanmarkStatus status = SPANMARK_STATUS_NEW;

  if (!spanmark_project_is_valid_annotator (self->annotator))
    return ENTRY_MAKE (SPANMARK_STATUS_NEW, FALSE);

  file = spanmark_project_get_annotation_file (self->project, document, self->annotator);
  if (!g_file_query_exists (file, NULL)
      || !spanmark_project_read_status (self->project, document, self->annotator, &status, NULL))
    return ENTRY_MAKE (SPANMARK_STATUS_NEW, FALSE);

  return ENTRY_MAKE (status, TRUE);
}

static guint
get_entry (SpanmarkStatusCache *self,
           SpanmarkDocument    *document)
{
  const char *id = spanmark_document_get_id (document);
  guint entry = GPOINTER_TO_UINT (g_hash_table_lookup (self->entries, id));

  if (entry == 0)
    {
      entry = read_entry (self, document);
      g_hash_table_insert (self->entries, g_strdup (id), GUINT_TO_POINTER (entry));
    }

  return entry;
}

SpanmarkStatus
spanmark_status_cache_get (SpanmarkStatusCache *self,
                           SpanmarkDocument    *document)
{
  g_return_val_if_fail (SPANMARK_IS_STATUS_CACHE (self), SPANMARK_STATUS_NEW);
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT (document), SPANMARK_STATUS_NEW);

  return ENTRY_STATUS (get_entry (self, document));
}

gboolean
spanmark_status_cache_is_finished (SpanmarkStatusCache *self,
                                   SpanmarkDocument    *document)
{
  SpanmarkStatus status = spanmark_status_cache_get (self, document);

  return status == SPANMARK_STATUS_DONE || status == SPANMARK_STATUS_REVIEWED;
}

void
spanmark_status_cache_set (SpanmarkStatusCache *self,
                           SpanmarkDocument    *document,
                           SpanmarkStatus       status)
{
  const char *id;
  guint entry;

  g_return_if_fail (SPANMARK_IS_STATUS_CACHE (self));
  g_return_if_fail (SPANMARK_IS_DOCUMENT (document));
  g_return_if_fail ((guint) status < SPANMARK_N_STATUSES);

  id = spanmark_document_get_id (document);
  entry = GPOINTER_TO_UINT (g_hash_table_lookup (self->entries, id));
  if (entry != 0 && ENTRY_STATUS (entry) == status)
    return;

  /* Whether there is a file is what was read, if anything: a status set
   * here is not written yet. */
  g_hash_table_insert (self->entries, g_strdup (id),
                       GUINT_TO_POINTER (ENTRY_MAKE (status, (entry & ENTRY_HAS_FILE) != 0)));
  g_signal_emit (self, signals[CHANGED], 0, document);
}

void
spanmark_status_cache_forget (SpanmarkStatusCache *self,
                              SpanmarkDocument    *document)
{
  g_return_if_fail (SPANMARK_IS_STATUS_CACHE (self));
  g_return_if_fail (SPANMARK_IS_DOCUMENT (document));

  g_hash_table_remove (self->entries, spanmark_document_get_id (document));
  /* The file was replaced: what a pass under way read of it is older. */
  if (self->expecting_fill)
    g_hash_table_add (self->forgotten, g_strdup (spanmark_document_get_id (document)));
  g_signal_emit (self, signals[CHANGED], 0, document);
}

gboolean
spanmark_status_cache_read_some (SpanmarkStatusCache *self,
                                 guint                max)
{
  guint n, end;

  g_return_val_if_fail (SPANMARK_IS_STATUS_CACHE (self), TRUE);

  n = spanmark_project_get_n_documents (self->project);
  end = MIN (n, self->read_pos + max);
  for (; self->read_pos < end; self->read_pos++)
    get_entry (self, spanmark_project_get_document (self->project, self->read_pos));

  return self->read_pos >= n;
}

gboolean
spanmark_status_cache_is_complete (SpanmarkStatusCache *self)
{
  g_return_val_if_fail (SPANMARK_IS_STATUS_CACHE (self), FALSE);

  return self->read_pos >= spanmark_project_get_n_documents (self->project);
}

void
spanmark_status_cache_expect_fill (SpanmarkStatusCache *self)
{
  g_return_if_fail (SPANMARK_IS_STATUS_CACHE (self));

  self->expecting_fill = TRUE;
}

gboolean
spanmark_status_cache_get_expecting_fill (SpanmarkStatusCache *self)
{
  g_return_val_if_fail (SPANMARK_IS_STATUS_CACHE (self), FALSE);

  return self->expecting_fill;
}

void
spanmark_status_cache_fill (SpanmarkStatusCache *self,
                            SpanmarkCorpusPass  *pass)
{
  guint n;

  g_return_if_fail (SPANMARK_IS_STATUS_CACHE (self));

  n = spanmark_project_get_n_documents (self->project);
  for (guint i = 0; pass != NULL && i < n; i++)
    {
      const char *id = spanmark_document_get_id (spanmark_project_get_document (self->project, i));
      SpanmarkStatus status;
      gboolean has_file;

      if (g_hash_table_contains (self->entries, id) || g_hash_table_contains (self->forgotten, id)
          || !spanmark_corpus_pass_lookup (pass, id, self->annotator, &status, &has_file))
        continue;
      /* An invalid name has no files, whatever is on disk (read_entry()). */
      if (!spanmark_project_is_valid_annotator (self->annotator))
        status = SPANMARK_STATUS_NEW, has_file = FALSE;
      g_hash_table_insert (self->entries, g_strdup (id), GUINT_TO_POINTER (ENTRY_MAKE (status, has_file)));
    }

  /* What is known needs no reading again. */
  while (self->read_pos < n
         && g_hash_table_contains (self->entries,
                                   spanmark_document_get_id (spanmark_project_get_document (self->project,
                                                                                             self->read_pos))))
    self->read_pos++;

  self->expecting_fill = FALSE;
  g_hash_table_remove_all (self->forgotten);
  g_signal_emit (self, signals[FILLED], 0);
}

void
spanmark_status_cache_count (SpanmarkStatusCache  *self,
                             SpanmarkStatusCounts *counts)
{
  g_return_if_fail (SPANMARK_IS_STATUS_CACHE (self));
  g_return_if_fail (counts != NULL);

  *counts = (SpanmarkStatusCounts) { 0 };
  counts->n_documents = spanmark_project_get_n_documents (self->project);
  for (guint i = 0; i < counts->n_documents; i++)
    {
      guint entry = get_entry (self, spanmark_project_get_document (self->project, i));

      counts->n_status[ENTRY_STATUS (entry)]++;
      if ((entry & ENTRY_HAS_FILE) != 0)
        counts->n_files++;
    }
}

SpanmarkDocument *
spanmark_status_cache_find_unfinished (SpanmarkStatusCache *self,
                                       SpanmarkDocument    *after,
                                       guint                max)
{
  guint n, first = 0, count;

  g_return_val_if_fail (SPANMARK_IS_STATUS_CACHE (self), NULL);
  g_return_val_if_fail (after == NULL || SPANMARK_IS_DOCUMENT (after), NULL);

  n = count = spanmark_project_get_n_documents (self->project);
  for (guint i = 0; after != NULL && i < n; i++)
    if (spanmark_project_get_document (self->project, i) == after)
      {
        first = i + 1;
        count = n - 1;
      }
  if (max > 0)
    count = MIN (count, max);

  for (guint k = 0; k < count; k++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (self->project, (first + k) % n);

      if (spanmark_document_get_problem (document) == NULL
          && !spanmark_status_cache_is_finished (self, document))
        return document;
    }

  return NULL;
}
