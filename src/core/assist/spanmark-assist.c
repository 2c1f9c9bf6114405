/* spanmark-assist.c — what the assisted-annotation files share
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-assist-private.h"

guint
_spanmark_assist_foreach_set (SpanmarkProject       *project,
                              GPtrArray             *problems,
                              SpanmarkAssistSetFunc  func,
                              gpointer               user_data)
{
  g_auto(GStrv) annotators = spanmark_project_list_annotators (project);
  guint n_sets = 0;

  for (guint d = 0; d < spanmark_project_get_n_documents (project); d++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (project, d);

      /* A broken index entry is reported by whoever lists documents. */
      if (spanmark_document_get_problem (document) != NULL)
        continue;
      for (guint a = 0; annotators[a] != NULL; a++)
        {
          g_autoptr(GFile) file = spanmark_project_get_annotation_file (project, document, annotators[a]);
          g_autoptr(SpanmarkAnnotationSet) set = NULL;
          GError *error = NULL;

          /* Missing is no file; a link that leads nowhere is a bad one. */
          if (!g_file_query_exists (file, NULL) &&
              g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_UNKNOWN)
            continue;
          set = spanmark_project_load_annotations (project, document, annotators[a], &error);
          if (set == NULL)
            {
              if (problems != NULL)
                g_ptr_array_add (problems, error);
              else
                g_error_free (error);
              continue;
            }
          func (set, user_data);
          n_sets++;
        }
    }
  return n_sets;
}
