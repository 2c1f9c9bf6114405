/* spanmark-export-brat.c — brat standoff: ID.txt and ID.ann for each document, and annotation.conf
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * T lines for the spans (T1<TAB>LABEL START END<TAB>TEXT), AnnotatorNotes
 * for their attributes (an entity's too, the span's own winning), a
 * normalization line for every mention of an entity
 * (N1<TAB>Reference T1 Spanmark:ID<TAB>NAME: the entity's id and name,
 * so a one-mention entity keeps its grouping and every entity its id
 * through a round trip) and Equiv lines for the mentions of one entity.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-export-format-private.h"

/* The normalization "database" of N lines; the brat importer reads the
 * same prefix back (spanmark-import-brat.c). */
#define BRAT_NORMALIZATION_DB "Spanmark"

static void append_brat_field_len (GString *out, const char *str, gsize len);

static void
append_brat_field (GString    *out,
                   const char *str)
{
  append_brat_field_len (out, str, strlen (str));
}

/* brat's .ann is line- and tab-separated: line breaks and tabs inside a
 * field become spaces. */
static void
append_brat_field_len (GString    *out,
                       const char *str,
                       gsize       len)
{
  for (const char *p = str; p < str + len; p++)
    {
      if (*p == '\n' || *p == '\t' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

static const ExportEntity *
lookup_entity (const ExportDoc *doc,
               const char      *id)
{
  for (guint i = 0; i < doc->entities->len; i++)
    {
      const ExportEntity *entity = &g_array_index (doc->entities, ExportEntity, i);

      if (g_str_equal (entity->id, id))
        return entity;
    }
  return NULL;
}

static void
append_brat_note (GString    *out,
                  guint      *note,
                  guint       t,
                  const char *key,
                  const char *value)
{
  g_string_append_printf (out, "#%u\tAnnotatorNotes T%u\t", ++(*note), t);
  append_brat_field (out, key);
  g_string_append_c (out, '=');
  append_brat_field (out, value);
  g_string_append_c (out, '\n');
}

static void
write_brat_ann (const ExportDoc *doc,
                GString         *out)
{
  guint note = 0;

  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ExportSpan *span = &g_array_index (doc->spans, ExportSpan, i);

      g_string_append_printf (out, "T%u\t", i + 1);
      append_brat_field (out, span->label);
      g_string_append_printf (out, " %u %u\t", span->start, span->end);
      {
        gsize len;
        const char *text = export_doc_span_text (doc, span, &len);

        append_brat_field_len (out, text, len);
      }
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ExportSpan *span = &g_array_index (doc->spans, ExportSpan, i);
      const ExportEntity *entity = span->entity != NULL ? lookup_entity (doc, span->entity) : NULL;
      GPtrArray *own = span->attrs;
      GPtrArray *inherited = entity != NULL ? entity->attrs : NULL;
      guint a = 0, b = 0;

      /* Merge the two sorted lists; the span's own value wins. */
      while ((own != NULL && a + 1 < own->len) || (inherited != NULL && b + 1 < inherited->len))
        {
          const char *ka = own != NULL && a + 1 < own->len ? g_ptr_array_index (own, a) : NULL;
          const char *kb = inherited != NULL && b + 1 < inherited->len ? g_ptr_array_index (inherited, b) : NULL;
          int cmp = ka == NULL ? 1 : kb == NULL ? -1 : strcmp (ka, kb);

          if (cmp <= 0)
            {
              append_brat_note (out, &note, i + 1, ka, g_ptr_array_index (own, a + 1));
              a += 2;
              if (cmp == 0)
                b += 2;
            }
          else
            {
              append_brat_note (out, &note, i + 1, kb, g_ptr_array_index (inherited, b + 1));
              b += 2;
            }
        }
    }

  /* One normalization line per mention, in the T lines' order; brat
   * shows each as a link to the entity "Spanmark:ID". */
  for (guint i = 0, n = 0; i < doc->spans->len; i++)
    {
      const ExportSpan *span = &g_array_index (doc->spans, ExportSpan, i);
      const ExportEntity *entity = span->entity != NULL ? lookup_entity (doc, span->entity) : NULL;

      if (entity == NULL)
        continue;
      g_string_append_printf (out, "N%u\tReference T%u " BRAT_NORMALIZATION_DB ":", ++n, i + 1);
      append_brat_field (out, entity->id);
      g_string_append_c (out, '\t');
      append_brat_field (out, entity->name);
      g_string_append_c (out, '\n');
    }

  for (guint e = 0; e < doc->entities->len; e++)
    {
      const ExportEntity *entity = &g_array_index (doc->entities, ExportEntity, e);
      guint n_mentions = 0;

      for (guint i = 0; i < doc->spans->len; i++)
        if (g_strcmp0 (g_array_index (doc->spans, ExportSpan, i).entity, entity->id) == 0)
          n_mentions++;
      if (n_mentions < 2)
        continue;

      g_string_append (out, "*\tEquiv");
      for (guint i = 0; i < doc->spans->len; i++)
        if (g_strcmp0 (g_array_index (doc->spans, ExportSpan, i).entity, entity->id) == 0)
          g_string_append_printf (out, " T%u", i + 1);
      g_string_append_c (out, '\n');
    }
}

static void
brat_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static gboolean
brat_begin (SpanmarkExportContext  *context,
            GError                **error)
{
  /* The .ann of the document being written, reused. */
  context->state = g_string_new (NULL);
  return TRUE;
}

static gboolean
brat_write_document (SpanmarkExportContext     *context,
                     const SpanmarkExportItem  *item,
                     GError                   **error)
{
  const ExportDoc *doc = item->doc;
  GString *ann = context->state;
  const char *folder = context->options->split ? spanmark_export_part_to_string (item->part) : NULL;
  g_autofree char *txt_name = g_strconcat (item->id, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (item->id, ".ann", NULL);

  g_string_truncate (ann, 0);
  write_brat_ann (doc, ann);

  return _spanmark_export_output_write_file (context->output, folder, txt_name, doc->text, doc->text_len, error) &&
         _spanmark_export_output_write_file (context->output, folder, ann_name, ann->str, ann->len, error);
}

static char *
brat_annotation_conf (SpanmarkSchema *schema)
{
  GString *out = g_string_new ("[entities]\n");

  for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
    {
      g_string_append (out, spanmark_schema_get_label (schema, i)->name);
      g_string_append_c (out, '\n');
    }
  /* Declaring Equiv (entity groups) and overlaps lets brat open the
   * folder without complaining about either. */
  g_string_append (out,
                   "\n[relations]\n"
                   "# Mentions of one entity (Spanmark entities)\n"
                   "Equiv\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive\n"
                   "# Spans may nest and overlap\n"
                   "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
                   "\n[events]\n\n[attributes]\n");

  return g_string_free (out, FALSE);
}

static gboolean
brat_finish (SpanmarkExportContext  *context,
             GError                **error)
{
  g_autofree char *conf = brat_annotation_conf (context->schema);

  return _spanmark_export_output_write_file (context->output, NULL, "annotation.conf", conf, strlen (conf), error);
}

const SpanmarkExportFormat _spanmark_export_format_brat = {
  .name = "brat",
  .title = N_("brat standoff"),
  .description = N_("OUT is a folder with ID.txt and ID.ann per document and annotation.conf"),
  .layout = N_("Writes a .txt and an .ann file per document, and annotation.conf, into the folder."),
  .split_layout = N_("Writes train, dev and test folders with a .txt and an .ann file per document, and annotation.conf."),
  .flags = SPANMARK_EXPORT_FORMAT_PER_DOCUMENT,
  .begin = brat_begin,
  .write_document = brat_write_document,
  .finish = brat_finish,
  .free_state = brat_free,
};
