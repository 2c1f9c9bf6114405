/* spanmark-export-doccano.c — doccano's JSON lines: a document a line, spans as [start, end, label]
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
doccano_write_document (SpanmarkExportContext     *context,
                        const SpanmarkExportItem  *item,
                        GError                   **error)
{
  const ExportDoc *doc = item->doc;
  GString *out = item->out;
  _spanmark_export_append_doc_start (out, doc, item->id, "label");
  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ExportSpan *span = &g_array_index (doc->spans, ExportSpan, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (out, "[%u,%u,", span->start, span->end);
      spanmark_json_append_string (out, span->label);
      g_string_append_c (out, ']');
    }
  g_string_append (out, "]}\n");
  return TRUE;
}

const SpanmarkExportFormat _spanmark_export_format_doccano = {
  .name = "doccano",
  .title = N_("doccano JSONL"),
  .description = N_("one document a line: {\"id\",\"text\",\"label\":[[start,end,\"LABEL\"],…]}; OUT is a file"),
  .extension = ".jsonl",
  .file_name = "doccano.jsonl",
  .layout = N_("Writes doccano.jsonl into the folder."),
  .split_layout = N_("Writes train.jsonl, dev.jsonl and test.jsonl into the folder."),
  .write_document = doccano_write_document,
};
