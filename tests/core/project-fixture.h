/* project-fixture.h — a small sample project for the project tests
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by test-project, test-validate, test-bad-input and test-kill.
 * Everything is static inline so a test that uses part of it builds
 * without warnings.
 */

#pragma once

#include <string.h>

#include <glib/gstdio.h>

#include "spanmark-core.h"
#include "spanmark-test-util.h"

/* Texts written for these tests: CJK, an emoji, a character outside the
 * Basic Multilingual Plane (𠀋), quotes and a tab. */
#define FIXTURE_TEXT_D1 "市长王小明🙂在杭州发言，提到𠀋村。\nHe said \"hi\"\tthere.\n"
#define FIXTURE_TEXT_D2 "Nothing tagged here.\n"
#define FIXTURE_MODIFIED "2026-11-28T05:00:00Z"

/* @dir/@relative, written (folders made) or read: the paths these tests
 * name are relative to a project. */
static inline void
fixture_write (const char *dir,
               const char *relative,
               const char *data,
               gssize      length)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);

  spanmark_test_write_file (path, data, length);
}

static inline char *
fixture_read (const char *dir,
              const char *relative,
              gsize      *length)
{
  g_autofree char *path = g_build_filename (dir, relative, NULL);

  return spanmark_test_read_file (path, length);
}

static inline SpanmarkProject *
fixture_open (const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  SpanmarkProject *project = spanmark_project_open (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

/* Validates the project in @dir, which must have exactly one problem,
 * in spanmark.json; returns its message. */
static inline char *
fixture_index_problem (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  const SpanmarkProblem *problem;

  problems = spanmark_validate_project (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->file, ==, "spanmark.json");
  return g_strdup (problem->message);
}

/* Alice's work on d1, as in expected/d1.json, built the way a loader
 * builds it (load_span / load_entity). */
static inline SpanmarkAnnotationSet *
fixture_annotate_d1 (SpanmarkProject *project)
{
  SpanmarkDocument *d1 = spanmark_project_lookup_document (project, "d1");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkEntity) entity = spanmark_entity_new ("e1", "OFFICIAL", "王小明");
  g_autoptr(SpanmarkSpan) s1 = spanmark_span_new ("s1", 2, 5, "OFFICIAL", "王小明");
  g_autoptr(SpanmarkSpan) s2 = spanmark_span_new ("s2", 7, 9, "PLACE", "杭州");
  g_autoptr(SpanmarkSpan) s3 = spanmark_span_new ("s3", 14, 16, "PLACE", "𠀋村");
  g_autoptr(SpanmarkSpan) s4 = spanmark_span_new ("s4", 26, 36, "INITIATIVE", "\"hi\"\tthere");
  SpanmarkAnnotationSet *set;

  set = spanmark_project_load_annotations (project, d1, "alice", &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);

  g_hash_table_insert (entity->attrs, g_strdup ("title"), g_strdup ("市长"));
  s1->entity = g_strdup ("e1");
  /* Inserted out of order: the file lists attributes sorted. */
  g_hash_table_insert (s1->attrs, g_strdup ("title"), g_strdup ("市长"));
  g_hash_table_insert (s1->attrs, g_strdup ("region"), g_strdup ("杭州"));
  g_hash_table_insert (s2->attrs, g_strdup ("kind"), g_strdup ("city"));

  spanmark_annotation_set_load_entity (set, entity);
  /* Out of order too: the file lists spans by position. */
  spanmark_annotation_set_load_span (set, s4);
  spanmark_annotation_set_load_span (set, s2);
  spanmark_annotation_set_load_span (set, s1);
  spanmark_annotation_set_load_span (set, s3);
  spanmark_annotation_set_set_status (set, SPANMARK_STATUS_IN_PROGRESS);

  return set;
}

/* A project in @dir (which must be empty) with documents d1 and d2 and,
 * if @with_annotations, alice's annotations of d1 saved. */
static inline SpanmarkProject *
fixture_make_project (const char *dir,
                      gboolean    with_annotations)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) meta = json_object_new ();
  g_autoptr(JsonArray) tags = json_array_new ();
  SpanmarkProject *project;
  SpanmarkDocument *document;

  project = spanmark_project_create (file, "Sample 样例", &error);
  g_assert_no_error (error);

  document = spanmark_project_add_document (project, "d1", FIXTURE_TEXT_D1, "第一篇 🙂", &error);
  g_assert_no_error (error);
  json_object_set_string_member (meta, "source", "hand-written");
  json_object_set_int_member (meta, "n", 2);
  json_array_add_string_element (tags, "a");
  json_array_add_string_element (tags, "b\\c");
  json_object_set_array_member (meta, "tags", g_steal_pointer (&tags));
  spanmark_document_set_meta (document, meta);

  spanmark_project_add_document (project, "d2", FIXTURE_TEXT_D2, NULL, &error);
  g_assert_no_error (error);

  spanmark_project_save (project, &error);
  g_assert_no_error (error);

  if (with_annotations)
    {
      g_autoptr(SpanmarkAnnotationSet) set = fixture_annotate_d1 (project);

      spanmark_project_save_annotations (project, set, &error);
      g_assert_no_error (error);
    }

  return project;
}
