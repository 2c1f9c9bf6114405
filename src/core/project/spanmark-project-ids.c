/* spanmark-project-ids.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spanmark-project-ids.h"

#define MAX_ID_LENGTH 200

gboolean
spanmark_project_is_valid_id (const char *id)
{
  const char *p;

  if (id == NULL || id[0] == '\0' || id[0] == '.')
    return FALSE;

  if (strlen (id) > MAX_ID_LENGTH || !g_utf8_validate (id, -1, NULL))
    return FALSE;

  for (p = id; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' || c == '_' || c == '.')
        continue;

      switch (g_unichar_type (c))
        {
        /* Letters and digits of any script, and the marks that some
         * scripts need to spell a letter. */
        case G_UNICODE_LOWERCASE_LETTER:
        case G_UNICODE_MODIFIER_LETTER:
        case G_UNICODE_OTHER_LETTER:
        case G_UNICODE_TITLECASE_LETTER:
        case G_UNICODE_UPPERCASE_LETTER:
        case G_UNICODE_DECIMAL_NUMBER:
        case G_UNICODE_LETTER_NUMBER:
        case G_UNICODE_OTHER_NUMBER:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          break;

        default:
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
spanmark_project_is_valid_annotator (const char *annotator)
{
  return spanmark_project_is_valid_id (annotator);
}

gboolean
spanmark_project_is_inside_path (const char *path)
{
  const char *part;

  if (path == NULL || path[0] == '\0' || g_path_is_absolute (path) || path[0] == '/')
    return FALSE;

  /* A backslash is a separator on Windows: refuse it everywhere so a
   * project means the same on every system. */
  if (strchr (path, '\\') != NULL)
    return FALSE;

  /* No part empty, "." or "..", walked in place: an export asks this of
   * every document. */
  for (part = path;; )
    {
      const char *slash = strchr (part, '/');
      gsize n = slash != NULL ? (gsize) (slash - part) : strlen (part);

      if (n == 0 || (n == 1 && part[0] == '.') || (n == 2 && part[0] == '.' && part[1] == '.'))
        return FALSE;
      if (slash == NULL)
        return TRUE;
      part = slash + 1;
    }
}
