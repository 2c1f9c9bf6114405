/* spanmark-export-json.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-export-json.h"
#include "spanmark-json-writer.h"

void
_spanmark_export_append_attrs (GString   *out,
                               GPtrArray *attrs)
{
  g_string_append_c (out, '{');
  for (guint i = 0; attrs != NULL && i + 1 < attrs->len; i += 2)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      spanmark_json_append_string (out, g_ptr_array_index (attrs, i));
      g_string_append_c (out, ':');
      spanmark_json_append_string (out, g_ptr_array_index (attrs, i + 1));
    }
  g_string_append_c (out, '}');
}

void
_spanmark_export_append_doc_start (GString         *out,
                                   const ExportDoc *doc,
                                   const char      *document_id,
                                   const char      *spans_key)
{
  g_string_append (out, "{\"id\":");
  spanmark_json_append_string (out, document_id);
  g_string_append (out, ",\"text\":");
  spanmark_json_append_string_len (out, doc->text, doc->text_len);
  g_string_append (out, ",\"");
  g_string_append (out, spans_key);
  g_string_append (out, "\":[");
}

