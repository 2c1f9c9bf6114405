/* spanmark-import-txt.c — plain text: a .txt file is one document
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document's id is the file's name without ".txt".  A companion file
 * beside it (brat's .ann) brings the spans, in the same encoding as the
 * text.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spanmark-import-format-private.h"

static gboolean
txt_read (Importer                  *imp,
          const SpanmarkImportInput *input,
          GError                   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autofree char *companion = NULL;

  if (input->companion == NULL)
    return _spanmark_import_build_document (imp, input->display, input->display, 0, input->stem, NULL, NULL,
                                            input->data, input->len, imp->encoding, NULL, NULL, error);

  if (imp->encoding == SPANMARK_TEXT_ENCODING_UTF8)
    {
      gsize bad = 0;

      if (!spanmark_text_validate (input->companion_data, input->companion_len, &bad, &local_error))
        {
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, input->companion_display,
                                      _spanmark_import_line_of_byte (input->companion_data, bad),
                                      "%s", local_error->message);
          return FALSE;
        }
    }
  companion = spanmark_text_normalize (input->companion_data, input->companion_len, imp->encoding,
                                       NULL, &local_error);
  if (companion == NULL)
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, input->companion_display, 0,
                                  "%s", local_error->message);
      return FALSE;
    }

  spans = g_ptr_array_new_with_free_func ((GDestroyNotify) _spanmark_import_raw_span_free);
  entities = g_ptr_array_new_with_free_func ((GDestroyNotify) _spanmark_import_raw_entity_free);
  if (!input->companion->parse_companion (imp, input->companion_display, companion, spans, entities, error))
    return FALSE;

  /* Errors about spans name the companion, where they are; errors about
   * the text name the .txt. */
  return _spanmark_import_build_document (imp, input->companion_display, input->display, 0, input->stem,
                                          NULL, NULL, input->data, input->len, imp->encoding,
                                          spans, entities, error);
}

const SpanmarkImportFormat _spanmark_import_format_txt = {
  .name = "plain-text",
  .extension = ".txt",
  .usage = "NAME.txt",
  .description = N_("one document with the id NAME"),
  .read = txt_read,
};
