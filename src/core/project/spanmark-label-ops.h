/* spanmark-label-ops.h — changing a project's labels on disk
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What spanmark-cli labels, init --labels/--schema and the window's
 * Preferences do to a project's label schema.  Every change is checked
 * against the rules of spanmark-label-rules.h, refused while spanmark.json
 * has problems (spanmark_project_check_can_save(): rewriting it would lose
 * them), written to spanmark.json atomically, and made to the project's
 * schema in memory only once written (so its "changed" signal tells the
 * window).  Errors name spanmark.json (its full path) and the label.
 *
 * Renaming a label and removing one with its spans also rewrite the
 * annotation files that use it: every annotator's (and "_curated"), each
 * atomically.  First every annotation file of the project is loaded; if
 * any fails to load, nothing at all is written and the error names them.
 * Then the change is made in an order that keeps the project valid after
 * a kill at any moment, and that a second run of the same command
 * completes:
 *
 *   rename OLD NEW   1. spanmark-rename.json records {"from": OLD, "to": NEW};
 *                    2. spanmark.json lists NEW right after OLD (same title,
 *                       colour and attributes; OLD's key moves to NEW), so
 *                       files with either label are valid;
 *                    3. each annotation file using OLD is rewritten with NEW,
 *                       then each registry entity of OLD (entities/<id>.json,
 *                       its "label" line);
 *                    4. spanmark.json without OLD;
 *                    5. spanmark-rename.json is removed.
 *                    While spanmark-rename.json exists, every other label
 *                    change is refused until the same rename is run again
 *                    (validate warns about it).
 *   remove NAME with its spans
 *                    1. each annotation file using NAME is rewritten without
 *                       its spans and entities (mentions of those entities
 *                       with another label lose the link);
 *                    2. spanmark.json without NAME.
 *                    Refused while entities of the registry have NAME,
 *                    with or without its spans: a registry entity's names,
 *                    aliases and history are in no annotation file, so
 *                    removing it would lose them (rename the label instead).
 *
 * Registry files count as annotation files for the rule above: if one
 * fails to load, no label is renamed or removed.
 */

#pragma once

#include <gio/gio.h>

#include "spanmark-label-rules.h"
#include "spanmark-problem.h"
#include "spanmark-project.h"

G_BEGIN_DECLS

/* Beside spanmark.json while a rename is under way. */
#define SPANMARK_LABEL_OPS_RENAME_FILE "spanmark-rename.json"

/* How much of the project uses a label. */
typedef struct
{
  guint n_files;     /* annotation files with a span or entity of the label */
  guint n_spans;
  guint n_entities;
  /* A curated file's "rejected" versions with the label: rewritten with
   * the spans (renamed, or dropped with the label), but no use that keeps
   * a label from being removed, since they hold no annotation. */
  guint n_rejections;
  /* Registry entities (entities/<id>.json) with the label: rewritten by
   * a rename; a remove is refused while there are any. */
  guint n_registry;
} SpanmarkLabelUses;

/* Appends a copy of @label (colour "#rrggbb" or a palette name, see
 * spanmark_label_rules_parse_color(); key NULL for none; see
 * spanmark_label_rules_pick_color() / _pick_key() for defaults). */
gboolean        spanmark_label_ops_add           (SpanmarkProject      *project,
                                                  const SpanmarkLabel  *label,
                                                  GError              **error);
/* For an import, which writes spanmark.json itself once its checks are
 * done: adds to @schema (a copy of @project's; nothing is written) a
 * label called @name, titled @name, with the next free key (none when
 * all are taken) and a palette colour no label of @schema has, held to
 * the rules like spanmark_label_ops_add().  Refused, like every label
 * change, while @project's spanmark.json cannot be rewritten or a rename
 * is unfinished. */
gboolean        spanmark_label_ops_add_to_schema (SpanmarkProject      *project,
                                                  SpanmarkSchema       *schema,
                                                  const char           *name,
                                                  GError              **error);
/* Replaces the label called @name by @label, which must have the same
 * name (renaming is spanmark_label_ops_rename()).  Only what changed is
 * checked. */
gboolean        spanmark_label_ops_update        (SpanmarkProject      *project,
                                                  const char           *name,
                                                  const SpanmarkLabel  *label,
                                                  GError              **error);
/* Moves the label called @name to position @index (the order of the
 * side panels, and of tag indices in exports). */
gboolean        spanmark_label_ops_move          (SpanmarkProject      *project,
                                                  const char           *name,
                                                  guint                 index,
                                                  GError              **error);
/* Loads every annotation file and counts what uses @name.  FALSE with
 * SPANMARK_LABEL_ERROR_FILES when files fail to load (naming them). */
gboolean        spanmark_label_ops_count_uses    (SpanmarkProject      *project,
                                                  const char           *name,
                                                  SpanmarkLabelUses    *uses,
                                                  GError              **error);
/* "4 spans and 2 entities in 3 annotation files" ("4 spans in 3
 * annotation files" without entities), for messages. */
char           *spanmark_label_ops_describe_uses (const SpanmarkLabelUses *uses) G_GNUC_WARN_UNUSED_RESULT;
/* Removes the label called @name.  While spans or entities use it,
 * refused with SPANMARK_LABEL_ERROR_IN_USE (the message counts them),
 * unless @delete_uses: then they are deleted first.  @deleted (may be
 * NULL) says what was deleted. */
gboolean        spanmark_label_ops_remove        (SpanmarkProject      *project,
                                                  const char           *name,
                                                  gboolean              delete_uses,
                                                  SpanmarkLabelUses    *deleted,
                                                  GError              **error);
/* Renames @old_name to @new_name everywhere (see above).  Run again after
 * an interruption, it finishes the work.  When there is no @old_name but
 * a @new_name, the rename was done before: TRUE, with @rewritten all 0
 * and @already_done set.  @rewritten and @already_done may be NULL. */
gboolean        spanmark_label_ops_rename        (SpanmarkProject      *project,
                                                  const char           *old_name,
                                                  const char           *new_name,
                                                  SpanmarkLabelUses    *rewritten,
                                                  gboolean             *already_done,
                                                  GError              **error);

/* A schema of labels called @names, in order, with keys 1…9 then a…z and
 * colours of spanmark_label_rules_get_palette().  Names are checked and
 * must be unique; at least one is needed. */
SpanmarkSchema *spanmark_label_ops_schema_from_names (const char * const *names,
                                                      GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* A schema from @data, the contents of @file (as the user named it, for
 * messages): the "labels" array of spanmark.json, alone or in a whole
 * spanmark.json.  Each label: "name" (required), "title", "color", "key",
 * "attrs", nothing else.  A label without "color" gets a palette colour
 * no other label has; one without "key" the next free key of 1…9, a…z;
 * "key": null or "" means no key.  Everything is checked as for new
 * labels. */
SpanmarkSchema *spanmark_label_ops_schema_from_json  (const char         *file,
                                                      const char         *data,
                                                      gsize               length,
                                                      GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* The labels of @schema as a JSON array, one label a line, in the form
 * schema_from_json() reads (every member written; "key": null for none). */
char           *spanmark_label_ops_schema_to_json    (SpanmarkSchema     *schema,
                                                      gsize              *length) G_GNUC_WARN_UNUSED_RESULT;

/* For spanmark_validate_project(): a warning about an interrupted rename
 * in @dir (or about a spanmark-rename.json that cannot be read), or NULL. */
SpanmarkProblem *spanmark_label_ops_check_interrupted (GFile             *dir) G_GNUC_WARN_UNUSED_RESULT;
/* The names of the rename interrupted in @dir: TRUE with @from and @to
 * set while spanmark-rename.json holds them, FALSE (both NULL)
 * otherwise.  During such a rename, files may have either name (validate
 * takes them as one label when it compares mentions with the registry). */
gboolean         spanmark_label_ops_get_interrupted   (GFile             *dir,
                                                       char             **from,
                                                       char             **to);

G_END_DECLS
