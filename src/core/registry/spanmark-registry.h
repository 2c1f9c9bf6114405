/* spanmark-registry.h — the corpus-wide entity registry of a project
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * entities/<id>.json, one entity a file (docs/entities.md).  Read when
 * asked, never when the project opens.  A mention is linked to a registry
 * entity when its per-document entity has the registry entity's id.
 */

#pragma once

#include <gio/gio.h>

#include "spanmark-project.h"
#include "spanmark-registry-entity.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_REGISTRY (spanmark_registry_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkRegistry, spanmark_registry, SPANMARK, REGISTRY, GObject)

/* Reads every entities/<id>.json of @project (none if the folder is
 * missing).  A file that does not load is left out and listed in
 * spanmark_registry_get_problems(), and never written over; only a
 * folder that cannot be listed fails. */
SpanmarkRegistry             *spanmark_registry_load           (SpanmarkProject  *project,
                                                                GError          **error) G_GNUC_WARN_UNUSED_RESULT;
/* SpanmarkProblem*: the files left out, and tombstones leading nowhere
 * or in a circle. */
GPtrArray                    *spanmark_registry_get_problems   (SpanmarkRegistry *self);
/* The live entities (no tombstones), by label, then name, then id. */
GPtrArray                    *spanmark_registry_get_entities   (SpanmarkRegistry *self);
/* The entity or tombstone stored as @id, or NULL. */
const SpanmarkRegistryEntity *spanmark_registry_lookup         (SpanmarkRegistry *self,
                                                                const char       *id);
/* The live entity @id stands for, following tombstones; NULL when @id is
 * not in the registry or its tombstones lead nowhere. */
const SpanmarkRegistryEntity *spanmark_registry_resolve        (SpanmarkRegistry *self,
                                                                const char       *id);
/* Adds a copy of @entity (a new id) and writes its file. */
gboolean                      spanmark_registry_add            (SpanmarkRegistry             *self,
                                                                const SpanmarkRegistryEntity *entity,
                                                                GError                      **error);
/* The entity's name becomes @name and the old name an alias; writes its
 * file. */
gboolean                      spanmark_registry_rename         (SpanmarkRegistry *self,
                                                                const char       *id,
                                                                const char       *name,
                                                                GError          **error);
/* Merges @gone into @keep (docs/entities.md): @keep takes the names,
 * aliases, attribute histories and notes of both; every annotation file
 * with @gone is rewritten to @keep; @gone becomes a tombstone.  Adds to
 * @conflicts (char*, may be NULL) one line for each attribute whose
 * current values differ.  A run that failed part way is finished by
 * running it again. */
gboolean                      spanmark_registry_merge          (SpanmarkRegistry *self,
                                                                const char       *keep,
                                                                const char       *gone,
                                                                GPtrArray        *conflicts,
                                                                guint            *n_files,
                                                                GError          **error);

/* For validate: what is wrong with a per-document entity @id of @label,
 * or NULL.  A registry entity with another label is an error
 * (@is_error TRUE); a registry id the registry does not have is a
 * warning: the entity still works as a local one (a jsonl export
 * imported into another project, entities/ not committed yet). */
char                         *spanmark_registry_check_entity   (SpanmarkRegistry *self,
                                                                const char       *id,
                                                                const char       *label,
                                                                gboolean         *is_error) G_GNUC_WARN_UNUSED_RESULT;

/* Counts the mentions of every registry entity in the annotation files
 * of @annotator (all annotators when NULL): a per-document entity with
 * a registry id (or a tombstone's) counts for the live entity.  The
 * files that fail to load go to @errors (GError*, may be NULL). */
void                          spanmark_registry_count_mentions (SpanmarkRegistry *self,
                                                                const char       *annotator,
                                                                GPtrArray        *errors);
/* Adds the mentions in @set to the counts, as spanmark_registry_count_mentions()
 * does for each file it reads: a pass that reads the files itself
 * (SpanmarkCorpusPass) counts with it, on a registry with no counts yet. */
void                          spanmark_registry_add_mentions   (SpanmarkRegistry      *self,
                                                                SpanmarkAnnotationSet *set);
/* After spanmark_registry_count_mentions(): the mentions of @id, and
 * the ids of the documents with one, sorted (never NULL). */
guint                         spanmark_registry_get_n_mentions (SpanmarkRegistry *self,
                                                                const char       *id);
GPtrArray                    *spanmark_registry_get_documents  (SpanmarkRegistry *self,
                                                                const char       *id);
/* After spanmark_registry_count_mentions(): the mentions of @id in the
 * document @document. */
guint                         spanmark_registry_get_n_mentions_in (SpanmarkRegistry *self,
                                                                   const char       *id,
                                                                   const char       *document);

/* For label changes (spanmark-label-ops.c), which write nothing while a
 * registry file fails to load: it might have the label.  The number of
 * such files (their problems are in spanmark_registry_get_problems()). */
guint                         spanmark_registry_get_n_broken   (SpanmarkRegistry *self);
/* The live entities whose label is @label. */
guint                         spanmark_registry_count_label    (SpanmarkRegistry *self,
                                                                const char       *label);
/* Gives every live entity of @label the label @new_label, rewriting its
 * file (atomically, one at a time: a kill leaves every file whole, and
 * running it again goes on).  @n_written (may be NULL) counts the files
 * written, also when it fails part way. */
gboolean                      spanmark_registry_relabel        (SpanmarkRegistry *self,
                                                                const char       *label,
                                                                const char       *new_label,
                                                                guint            *n_written,
                                                                GError          **error);

/* After spanmark_registry_count_mentions(): the number of documents
 * with a mention of @id, without listing them. */
guint                         spanmark_registry_count_documents (SpanmarkRegistry *self,
                                                                 const char       *id);

/* Edits the attribute @key of the live entity @id once for every
 * document: (@key, @value, @document) becomes its current value (the
 * older values stay in the history); writes its file.  Nothing to do
 * when @value is already current. */
gboolean                      spanmark_registry_set_attr       (SpanmarkRegistry *self,
                                                                const char       *id,
                                                                const char       *key,
                                                                const char       *value,
                                                                const char       *document,
                                                                GError          **error);

/* Undoing a merge (the window).  Before spanmark_registry_merge():
 * the bytes of every file a merge of @gone into @keep changes
 * (entities/KEEP.json, entities/GONE.json, each annotation file naming
 * @gone), relative path -> GBytes* (NULL: no file).  After it, the same
 * files again with spanmark_registry_snapshot_files().  Restoring writes
 * each file of @before back (atomically) where it still holds what
 * @after says (the merge's result); a file changed since is left alone
 * and its path added to @kept (char*, may be NULL), so no later work is
 * lost.  The registry's entities are read again from the restored
 * files. */
GHashTable                   *spanmark_registry_snapshot_merge (SpanmarkRegistry *self,
                                                                const char       *keep,
                                                                const char       *gone) G_GNUC_WARN_UNUSED_RESULT;
GHashTable                   *spanmark_registry_snapshot_files (SpanmarkRegistry *self,
                                                                GHashTable       *like) G_GNUC_WARN_UNUSED_RESULT;
gboolean                      spanmark_registry_restore        (SpanmarkRegistry *self,
                                                                GHashTable       *before,
                                                                GHashTable       *after,
                                                                GPtrArray        *kept,
                                                                GError          **error);

G_END_DECLS
