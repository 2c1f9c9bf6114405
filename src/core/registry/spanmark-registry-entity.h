/* spanmark-registry-entity.h — one entity of the corpus-wide registry
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stored as entities/<id>.json (docs/entities.md).  A per-document entity
 * whose id is a registry id is this entity's appearance in that document.
 */

#pragma once

#include <glib-object.h>

#include "spanmark-checker.h"

G_BEGIN_DECLS

/* The folder of the registry, below the project folder. */
#define SPANMARK_REGISTRY_DIR "entities"

/* One value an attribute had, and the document where it was seen. */
typedef struct
{
  char *key;
  char *value;
  char *document;  /* a document id, or NULL (set by hand) */
} SpanmarkRegistryAttr;

typedef struct
{
  char      *id;           /* "wang-5f3a09c1d2", the file's name without ".json" */
  char      *label;        /* NULL in a tombstone */
  char      *name;         /* NULL in a tombstone */
  GPtrArray *aliases;      /* of char*, sorted, no duplicates, never NULL */
  GPtrArray *attrs;        /* of SpanmarkRegistryAttr*, in the order seen, never NULL */
  char      *notes;        /* never NULL, may be "" */
  char      *merged_into;  /* a tombstone: the id this entity was merged into; else NULL */
} SpanmarkRegistryEntity;

#define SPANMARK_TYPE_REGISTRY_ENTITY (spanmark_registry_entity_get_type ())

GType                   spanmark_registry_entity_get_type   (void) G_GNUC_CONST;
SpanmarkRegistryEntity *spanmark_registry_entity_new        (const char                   *id,
                                                             const char                   *label,
                                                             const char                   *name);
SpanmarkRegistryEntity *spanmark_registry_entity_copy       (const SpanmarkRegistryEntity *self);
void                    spanmark_registry_entity_free       (SpanmarkRegistryEntity       *self);
/* Adds @alias unless it is the name or already an alias; TRUE if added. */
gboolean                spanmark_registry_entity_add_alias  (SpanmarkRegistryEntity       *self,
                                                             const char                   *alias);
/* Appends (@key, @value, @document) unless that very entry is there;
 * TRUE if added. */
gboolean                spanmark_registry_entity_add_attr   (SpanmarkRegistryEntity       *self,
                                                             const char                   *key,
                                                             const char                   *value,
                                                             const char                   *document);
/* The current value of @key (its last entry), or NULL. */
const char             *spanmark_registry_entity_get_attr   (const SpanmarkRegistryEntity *self,
                                                             const char                   *key);
/* Whether @text is the name or one of the aliases. */
gboolean                spanmark_registry_entity_has_name   (const SpanmarkRegistryEntity *self,
                                                             const char                   *text);

/* The members "id", "label", "name", "aliases" and "attrs" (each key's
 * current value, keys sorted) on one line, without the braces: what the
 * kb export and `entities --json` write for an entity. */
void                    spanmark_registry_entity_append_summary (const SpanmarkRegistryEntity *self,
                                                                 GString                      *out);

/* A registry id that needs no coordination: "<annotator>-<10 hex digits>"
 * (40 random bits). */
char                   *spanmark_registry_entity_new_id     (const char                   *annotator) G_GNUC_WARN_UNUSED_RESULT;
/* Whether @id has the form of a registry id (so an "e1" never does). */
gboolean                spanmark_registry_entity_is_registry_id (const char               *id);

/* The file's contents, deterministic: keys in a fixed order, one alias
 * and one attribute entry a line, aliases sorted, attributes sorted by
 * key (stably, so the history of a key keeps its order), a trailing
 * newline. */
char                   *spanmark_registry_entity_to_json    (const SpanmarkRegistryEntity *self,
                                                             gsize                        *length) G_GNUC_WARN_UNUSED_RESULT;
/* Reads the contents of @file ("entities/<id>.json"): the strict syntax
 * check, then the shape; problems go to @checker with the file and the
 * place.  NULL when there was any. */
SpanmarkRegistryEntity *spanmark_registry_entity_from_json  (SpanmarkChecker              *checker,
                                                             const char                   *file,
                                                             const char                   *data,
                                                             gsize                         length) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkRegistryEntity, spanmark_registry_entity_free)

G_END_DECLS
