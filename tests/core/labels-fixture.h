/* labels-fixture.h — a project whose labels several annotators use
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by test-labels and test-labels-kill.  The project of
 * project-fixture.h (alice's d1: OFFICIAL with entity e1, two PLACE
 * spans, INITIATIVE), plus bob's d1 and d2 and a curated d1, so that a
 * label change has several annotators' files (and "_curated") to rewrite.
 */

#pragma once

#include <string.h>

#include "project-fixture.h"

/* A span of @label at @start..@end in @set, mentioning @entity (may be
 * NULL). */
static inline void
labels_fixture_tag (SpanmarkAnnotationSet *set,
                    guint                  start,
                    guint                  end,
                    const char            *label,
                    const char            *entity)
{
  const SpanmarkSpan *span = spanmark_test_add_span (set, start, end, label);

  if (entity != NULL)
    g_assert_true (spanmark_annotation_set_set_span_entity (set, span->id, entity));
}

static inline void
labels_fixture_save (SpanmarkProject       *project,
                     SpanmarkAnnotationSet *set)
{
  g_autoptr(GError) error = NULL;

  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);
}

static inline SpanmarkAnnotationSet *
labels_fixture_load (SpanmarkProject *project,
                     const char      *document,
                     const char      *annotator)
{
  g_autoptr(GError) error = NULL;
  SpanmarkAnnotationSet *set;

  set = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, document),
                                           annotator, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);
  return set;
}

/* The project in @dir (empty).  PLACE is used by 2 spans of alice's d1,
 * by bob's d1 (a span mentioning a PLACE entity) and d2 (a span), and by
 * the curated d1 (an entity with no mention): 5 spans and 2 entities in
 * 4 files.  OFFICIAL by alice's and bob's d1. */
static inline SpanmarkProject *
labels_fixture_make (const char *dir)
{
  SpanmarkProject *project = fixture_make_project (dir, TRUE);
  g_autoptr(SpanmarkAnnotationSet) bob1 = labels_fixture_load (project, "d1", "bob");
  g_autoptr(SpanmarkAnnotationSet) bob2 = labels_fixture_load (project, "d2", "bob");
  g_autoptr(SpanmarkAnnotationSet) curated = labels_fixture_load (project, "d1", SPANMARK_CURATED_ANNOTATOR);
  const SpanmarkEntity *city;

  /* 市长王小明🙂在杭州发言: 王小明 is 2..5, 杭州 7..9. */
  city = spanmark_annotation_set_add_entity (bob1, "PLACE", "杭州");
  labels_fixture_tag (bob1, 7, 9, "PLACE", city->id);
  labels_fixture_tag (bob1, 2, 5, "OFFICIAL", NULL);
  spanmark_annotation_set_set_status (bob1, SPANMARK_STATUS_DONE);
  labels_fixture_save (project, bob1);

  /* "Nothing tagged here." */
  labels_fixture_tag (bob2, 0, 7, "PLACE", NULL);
  labels_fixture_save (project, bob2);

  spanmark_annotation_set_add_entity (curated, "PLACE", "杭州");
  labels_fixture_tag (curated, 26, 36, "INITIATIVE", NULL);
  spanmark_annotation_set_set_status (curated, SPANMARK_STATUS_REVIEWED);
  labels_fixture_save (project, curated);

  return project;
}

/* Every annotation file of @dir as Spanmark writes it, with its
 * "modified" time set aside: equal digests, equal annotations. */
static inline char *
labels_fixture_digest (const char *dir)
{
  g_autoptr(SpanmarkProject) project = fixture_open (dir);
  g_auto(GStrv) annotators = spanmark_project_list_annotators (project);
  GString *out = g_string_new (NULL);
  g_autofree char *labels = spanmark_label_ops_schema_to_json (spanmark_project_get_schema (project), NULL);

  g_string_append (out, labels);
  for (guint a = 0; annotators[a] != NULL; a++)
    for (guint d = 0; d < spanmark_project_get_n_documents (project); d++)
      {
        const char *id = spanmark_document_get_id (spanmark_project_get_document (project, d));
        g_autoptr(SpanmarkAnnotationSet) set = labels_fixture_load (project, id, annotators[a]);
        g_autofree char *json = NULL;

        spanmark_annotation_set_set_modified (set, FIXTURE_MODIFIED);
        json = spanmark_annotation_set_to_json (set, NULL);
        g_string_append (out, json);
      }

  return g_string_free (out, FALSE);
}

/* Adds to the project of labels_fixture_make() a registry: the PLACE
 * entity alice-0123456789 (杭州), which carol's d1 mentions, the OFFICIAL
 * alice-abcdef0123, and the tombstone alice-1111111111 merged into the
 * first.  PLACE then has one more file (carol's: a span and an entity)
 * and one registry entity. */
static inline void
labels_fixture_add_registry (SpanmarkProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkRegistry) registry = spanmark_registry_load (project, &error);
  g_autoptr(SpanmarkRegistryEntity) place = spanmark_registry_entity_new ("alice-0123456789", "PLACE", "杭州");
  g_autoptr(SpanmarkRegistryEntity) official = spanmark_registry_entity_new ("alice-abcdef0123", "OFFICIAL", "王小明");
  g_autoptr(SpanmarkAnnotationSet) carol = labels_fixture_load (project, "d1", "carol");
  g_autoptr(SpanmarkEntity) entity = spanmark_entity_new ("alice-0123456789", "PLACE", "杭州");
  g_autofree char *tombstone = g_build_filename (g_file_peek_path (spanmark_project_get_dir (project)),
                                                 SPANMARK_REGISTRY_DIR, "alice-1111111111.json", NULL);

  g_assert_no_error (error);
  spanmark_registry_entity_add_alias (place, "杭城");
  g_assert_true (spanmark_registry_add (registry, place, &error));
  g_assert_no_error (error);
  g_assert_true (spanmark_registry_add (registry, official, &error));
  g_assert_no_error (error);
  spanmark_test_write_file (tombstone,
                            "{\"spanmark\": 1, \"id\": \"alice-1111111111\", \"merged_into\": \"alice-0123456789\"}\n", -1);

  spanmark_annotation_set_load_entity (carol, entity);
  labels_fixture_tag (carol, 7, 9, "PLACE", "alice-0123456789");
  labels_fixture_save (project, carol);
}

static inline int
labels_fixture_compare_names (gconstpointer a,
                              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The registry's files, name and contents, in name order; the temporary
 * files a kill leaves (hidden) aside. */
static inline char *
labels_fixture_registry_digest (const char *dir)
{
  g_autofree char *folder = g_build_filename (dir, SPANMARK_REGISTRY_DIR, NULL);
  g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, labels_fixture_compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autofree char *data = spanmark_test_read_file (path, NULL);

      g_string_append_printf (out, "%s\n%s", (char *) g_ptr_array_index (names, i), data);
    }

  return g_string_free (out, FALSE);
}
