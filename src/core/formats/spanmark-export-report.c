/* spanmark-export-report.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-export-report.h"
#include "spanmark-export-report-private.h"

/* A document that had spans dropped, and how many. */
typedef struct
{
  char  *document_id;
  guint  n_dropped;
} DroppedEntry;

struct _SpanmarkExportReport
{
  gatomicrefcount  ref_count;
  char            *annotator;
  guint            n_documents;
  guint            n_part_documents[SPANMARK_EXPORT_N_PARTS];
  guint            n_spans;
  guint            n_dropped;
  GArray          *dropped;  /* DroppedEntry */
};

G_DEFINE_BOXED_TYPE (SpanmarkExportReport, spanmark_export_report,
                     spanmark_export_report_ref, spanmark_export_report_unref)

static void
dropped_entry_clear (gpointer data)
{
  DroppedEntry *entry = data;

  g_clear_pointer (&entry->document_id, g_free);
}

SpanmarkExportReport *
_spanmark_export_report_new (const char *annotator)
{
  SpanmarkExportReport *self = g_new0 (SpanmarkExportReport, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->annotator = g_strdup (annotator);
  self->dropped = g_array_new (FALSE, TRUE, sizeof (DroppedEntry));
  g_array_set_clear_func (self->dropped, dropped_entry_clear);

  return self;
}

SpanmarkExportReport *
spanmark_export_report_ref (SpanmarkExportReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
spanmark_export_report_unref (SpanmarkExportReport *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->annotator);
      g_array_unref (self->dropped);
      g_free (self);
    }
}

const char *
spanmark_export_report_get_annotator (SpanmarkExportReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->annotator;
}

guint
spanmark_export_report_get_n_documents (SpanmarkExportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_documents;
}

guint
spanmark_export_report_get_n_part_documents (SpanmarkExportReport *self,
                                             SpanmarkExportPart    part)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail ((guint) part < SPANMARK_EXPORT_N_PARTS, 0);

  return self->n_part_documents[part];
}

guint
spanmark_export_report_get_n_spans (SpanmarkExportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_spans;
}

guint
spanmark_export_report_get_n_dropped (SpanmarkExportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_dropped;
}

guint
spanmark_export_report_get_n_dropped_documents (SpanmarkExportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->dropped->len;
}

const char *
spanmark_export_report_get_dropped_document (SpanmarkExportReport *self,
                                             guint                 index,
                                             guint                *n_dropped)
{
  const DroppedEntry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->dropped->len, NULL);

  entry = &g_array_index (self->dropped, DroppedEntry, index);
  if (n_dropped != NULL)
    *n_dropped = entry->n_dropped;
  return entry->document_id;
}

void
_spanmark_export_report_add_document (SpanmarkExportReport *self,
                                      SpanmarkExportPart    part,
                                      const char           *document_id,
                                      guint                 n_spans,
                                      guint                 n_dropped)
{
  self->n_documents++;
  self->n_part_documents[part]++;
  self->n_spans += n_spans;
  if (n_dropped > 0)
    {
      DroppedEntry entry = { g_strdup (document_id), n_dropped };

      g_array_append_val (self->dropped, entry);
      self->n_dropped += n_dropped;
    }
}
