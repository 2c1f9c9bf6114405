/* spanmark-export-jsonl.c — JSON lines, spaCy style: a document a line with its spans and entities
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spanmark-export-format-private.h"
#include "spanmark-export-json.h"
#include "spanmark-json-writer.h"

static gboolean
jsonl_write_document (SpanmarkExportContext     *context,
                      const SpanmarkExportItem  *item,
                      GError                   **error)
{
  const ExportDoc *doc = item->doc;
  GString *out = item->out;
  _spanmark_export_append_doc_start (out, doc, item->id, "spans");
  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ExportSpan *span = &g_array_index (doc->spans, ExportSpan, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (out, "{\"start\":%u,\"end\":%u,\"label\":", span->start, span->end);
      spanmark_json_append_string (out, span->label);
      g_string_append (out, ",\"text\":");
      {
        gsize len;
        const char *text = export_doc_span_text (doc, span, &len);

        spanmark_json_append_string_len (out, text, len);
      }
      if (span->entity != NULL)
        {
          g_string_append (out, ",\"entity\":");
          spanmark_json_append_string (out, span->entity);
        }
      if (span->attrs != NULL && span->attrs->len > 0)
        {
          g_string_append (out, ",\"attrs\":");
          _spanmark_export_append_attrs (out, span->attrs);
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"entities\":[");
  for (guint i = 0; i < doc->entities->len; i++)
    {
      const ExportEntity *entity = &g_array_index (doc->entities, ExportEntity, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"id\":");
      spanmark_json_append_string (out, entity->id);
      g_string_append (out, ",\"label\":");
      spanmark_json_append_string (out, entity->label);
      g_string_append (out, ",\"name\":");
      spanmark_json_append_string (out, entity->name);
      g_string_append (out, ",\"attrs\":");
      _spanmark_export_append_attrs (out, entity->attrs);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
  return TRUE;
}

const SpanmarkExportFormat _spanmark_export_format_jsonl = {
  .name = "jsonl",
  .title = N_("JSONL — spaCy-style spans"),
  .description = N_("one document a line: {\"id\",\"text\",\"spans\",\"entities\"}; OUT is a file"),
  .extension = ".jsonl",
  .file_name = "data.jsonl",
  .layout = N_("Writes data.jsonl into the folder."),
  .split_layout = N_("Writes train.jsonl, dev.jsonl and test.jsonl into the folder."),
  .write_document = jsonl_write_document,
};
