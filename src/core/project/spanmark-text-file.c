/* spanmark-text-file.c — reading documents/<doc-id>.txt with its checks
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spanmark-file.h"
#include "spanmark-project-error.h"
#include "spanmark-project-ids.h"
#include "spanmark-text.h"
#include "spanmark-text-file.h"

char *
spanmark_json_read_text (SpanmarkChecker *checker,
                         GFile           *dir,
                         const char      *index_location,
                         const char      *path,
                         gsize           *length)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0, bad = 0;

  if (!spanmark_project_is_inside_path (path))
    {
      spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_INVALID, "spanmark.json", index_location,
                            _("path \"%s\" is outside the project folder"), path);
      return NULL;
    }

  if (!spanmark_file_read_in_project (dir, path, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                      &data, &len, &error))
    {
      /* A link out is the index entry's fault: name the entry. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_INVALID, "spanmark.json", index_location,
                              _("path \"%s\" leads outside the project folder (through a symbolic link)"),
                              path);
      else
        spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_TEXT, path, NULL, "%s", error->message);
      return NULL;
    }

  if (!spanmark_text_validate (data, len, &bad, &error))
    {
      g_autofree char *location = g_strdup_printf (_("byte %zu"), bad);

      spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_TEXT, path, location,
                            g_error_matches (error, SPANMARK_TEXT_ERROR, SPANMARK_TEXT_ERROR_NUL)
                            ? _("the text contains a NUL byte")
                            : _("the text is not valid UTF-8"));
      return NULL;
    }

  if (length != NULL)
    *length = len;

  return g_steal_pointer (&data);
}
