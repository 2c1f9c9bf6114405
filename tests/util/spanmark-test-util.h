/* spanmark-test-util.h — folders and files for every test area
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small static library linked by every test executable (core, cli,
 * export, review, app): temporary folders and projects, copying and
 * removing trees, reading and writing files.  Each helper fails the test
 * (g_assert) when the file system refuses, so tests need no error checks
 * of their own.  Helpers of one area stay in that area's folder.
 */

#pragma once

#include "spanmark-core.h"

G_BEGIN_DECLS

/* A new, empty temporary folder; remove it with spanmark_test_remove_tree(). */
char            *spanmark_test_make_tmpdir      (void) G_GNUC_WARN_UNUSED_RESULT;

/* A new temporary folder holding the project folder @folder: a copy of
 * data/sample when @name is NULL, else a new empty project called @name
 * (spanmark.json written).  Returns the temporary folder; the project's
 * path goes to @project_path and the project, open, to @project (either
 * may be NULL). */
char            *spanmark_test_make_project     (const char        *folder,
                                                 const char        *name,
                                                 char             **project_path,
                                                 SpanmarkProject  **project) G_GNUC_WARN_UNUSED_RESULT;

/* Tags characters [@start, @start + 2) of document @index of the project
 * in @dir as PLACE for @annotator, sets @status and saves: a teammate's
 * edit in a clone.  Returns the annotation set saved. */
SpanmarkAnnotationSet *spanmark_test_tag_document (const char     *dir,
                                                   guint           index,
                                                   const char     *annotator,
                                                   guint           start,
                                                   SpanmarkStatus  status) G_GNUC_WARN_UNUSED_RESULT;

/* spanmark_annotation_set_add_span(), which must succeed; the span. */
const SpanmarkSpan    *spanmark_test_add_span     (SpanmarkAnnotationSet *set,
                                                   guint                  start,
                                                   guint                  end,
                                                   const char            *label);

/* Loads into @set (through the loader API, as from a file) the spans of
 * @spec: "LABEL START END [key=value…] [@NAME[:key=value]], …", ids s1,
 * s2… by position in @spec.  "@NAME" makes the span a mention of the
 * set's entity called NAME, made (with LABEL, and the attribute given
 * after ":") at its first mention, with the id @entity_prefix NAME, or
 * e1, e2… in order when @entity_prefix is NULL. */
void                   spanmark_test_load_spec    (SpanmarkAnnotationSet *set,
                                                   const char            *spec,
                                                   const char            *entity_prefix);

/* Removes @path and, for a folder, everything in it (links are removed,
 * not followed).  Nothing there is fine. */
void             spanmark_test_remove_tree      (const char        *path);
/* Copies the file or folder tree @from to @to (parents made). */
void             spanmark_test_copy_tree        (const char        *from,
                                                 const char        *to);
/* Every entry under @path, one sorted line each, named relative to @path
 * (@path itself is not listed): "rel/" for a folder,
 * "rel SHA-256" for a regular file, "rel -> target" for a link, "rel
 * (special)" for anything else (never opened, so a FIFO cannot block).
 * Two equal snapshots mean nothing in the tree changed. */
char            *spanmark_test_snapshot_tree    (const char        *path) G_GNUC_WARN_UNUSED_RESULT;

/* The contents of @path (its length in @length, may be NULL). */
char            *spanmark_test_read_file        (const char        *path,
                                                 gsize             *length) G_GNUC_WARN_UNUSED_RESULT;
/* Writes @data (@length bytes, -1: a string) to @path, making the
 * folders above it. */
void             spanmark_test_write_file       (const char        *path,
                                                 const char        *data,
                                                 gssize             length);
/* Replaces the first @from in the file @path by @to (there must be one). */
void             spanmark_test_replace_in_file  (const char        *path,
                                                 const char        *from,
                                                 const char        *to);

/* g_test_add() of @func at @path on the test file's own Fixture, set up
 * by its fixture_set_up() and torn down by its fixture_tear_down(): how
 * every test file with a fixture registers its cases. */
#define SPANMARK_TEST_ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

/* Replaces every @from in the file @path by @to (there may be none). */
void             spanmark_test_replace_all_in_file (const char     *path,
                                                    const char     *from,
                                                    const char     *to);

/* For a test whose prerequisite is missing from the machine (a locale, a
 * device that behaves as a full one): skips the running test case with
 * @reason, so a program of that case alone reports a meson skip — unless
 * SPANMARK_TESTS_REQUIRE_ALL is set (build-aux/run-tests, so CI, sets it:
 * there everything is installed, and a skip would hide a broken
 * machine), where it fails with @reason.  The caller returns after it. */
void             spanmark_test_missing_prerequisite (const char    *reason);

G_END_DECLS
