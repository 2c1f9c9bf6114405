/* spanmark-project-error.h — the error domain and format version of project files
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A leaf: the project, the readers and writers of its files and the
 * export's fast reader all use these, and none of them needs the others
 * for it.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The version in the "spanmark" member of spanmark.json and of every
 * annotation file; files of another version are refused. */
#define SPANMARK_PROJECT_FORMAT_VERSION 1

#define SPANMARK_PROJECT_ERROR (spanmark_project_error_quark ())

typedef enum
{
  SPANMARK_PROJECT_ERROR_PARSE,      /* not JSON; message has line:column */
  SPANMARK_PROJECT_ERROR_INVALID,    /* JSON of the wrong shape or values */
  SPANMARK_PROJECT_ERROR_TEXT,       /* document text unreadable or not UTF-8 */
  SPANMARK_PROJECT_ERROR_EXISTS,     /* create/import over something that exists */
  SPANMARK_PROJECT_ERROR_NOT_FOUND,  /* unknown document or annotator */
  SPANMARK_PROJECT_ERROR_CHANGED,    /* the file changed on disk since it was loaded or saved */
} SpanmarkProjectError;

GQuark spanmark_project_error_quark (void);

G_END_DECLS
