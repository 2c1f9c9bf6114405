/* spanmark-assist-private.h — what the assisted-annotation files share
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "spanmark-dictionary-entry.h"
#include "spanmark-project.h"

G_BEGIN_DECLS

typedef void (*SpanmarkAssistSetFunc) (SpanmarkAnnotationSet *set,
                                       gpointer               user_data);

/* Loads every annotation file of @project, document by document (index
 * order, broken index entries left out), then annotator, and calls
 * @func on each set, one set in memory at a time.  A file that does not
 * load is left out, its error added to @problems (GPtrArray of GError;
 * NULL: dropped).  Returns the number of sets @func got. */
guint _spanmark_assist_foreach_set (SpanmarkProject       *project,
                                    GPtrArray             *problems,
                                    SpanmarkAssistSetFunc  func,
                                    gpointer               user_data);

/* An entry made whole at once, with copies of @attrs and @span_attrs (may
 * be NULL): without attributes, the tables are one shared empty table, so
 * nothing may be inserted into them afterwards (entries are immutable).
 * Its strings are in the entry's own block; one may still be replaced by
 * a string of its own (spanmark_dictionary_entry_unref() frees only
 * those). */
SpanmarkDictionaryEntry *_spanmark_dictionary_entry_new_frozen (const char *text,
                                                                const char *label,
                                                                const char *name,
                                                                const char *source,
                                                                GHashTable *attrs,
                                                                GHashTable *span_attrs);

G_END_DECLS
