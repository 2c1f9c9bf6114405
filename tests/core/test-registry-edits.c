/* test-registry-edits.c — what the window adds to the registry core:
 * appearances with a registry id, attribute edits for every document,
 * the document count, undoing a merge from saved copies, the registry's
 * names in the suggester
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-core.h"
#include "project-fixture.h"

#define TEXT_A "林振邦在青溪市调研。林书记说，要推进工程。\n"
#define TEXT_B "省委书记林振邦来到果园港。\n"
#define LIN "wang-00000000a1"
#define LIN2 "wang-00000000b2"

typedef struct
{
  char             *tmp;
  char             *dir;
  SpanmarkProject  *project;
  SpanmarkRegistry *registry;
} Fixture;

static void
add_entity (Fixture    *fixture,
            const char *id,
            const char *name,
            const char *title)
{
  g_autoptr(SpanmarkRegistryEntity) entity = spanmark_registry_entity_new (id, "OFFICIAL", name);
  g_autoptr(GError) error = NULL;

  spanmark_registry_entity_add_attr (entity, "title", title, NULL);
  g_assert_true (spanmark_registry_add (fixture->registry, entity, &error));
  g_assert_no_error (error);
}

/* In document @doc, every "林振邦" tagged and linked to @id. */
static void
link_mentions (Fixture    *fixture,
               const char *doc,
               const char *id)
{
  SpanmarkDocument *document = spanmark_project_lookup_document (fixture->project, doc);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  guint start;

  set = spanmark_project_load_annotations (fixture->project, document, "wang", &error);
  g_assert_no_error (error);
  text = spanmark_annotation_set_get_text (set);
  start = g_utf8_pointer_to_offset (text, strstr (text, "林振邦"));
  g_assert_nonnull (spanmark_annotation_set_add_entity_with_id (set, id, "OFFICIAL", "林振邦"));
  spanmark_annotation_set_set_span_entity (set, spanmark_annotation_set_tag_range (set, start, start + 3, "OFFICIAL",
                                                                                    NULL, &error)->id, id);
  g_assert_no_error (error);
  g_assert_true (spanmark_project_save_annotations (fixture->project, set, &error));
  g_assert_no_error (error);
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmp = spanmark_test_make_project ("p", "Registry", &fixture->dir, &fixture->project);
  g_assert_nonnull (spanmark_project_add_document (fixture->project, "a", TEXT_A, NULL, &error));
  g_assert_nonnull (spanmark_project_add_document (fixture->project, "b", TEXT_B, NULL, &error));
  g_assert_true (spanmark_project_save (fixture->project, &error));
  g_assert_no_error (error);
  fixture->registry = spanmark_registry_load (fixture->project, &error);
  g_assert_no_error (error);
  add_entity (fixture, LIN, "林振邦", "青溪市委书记");
  add_entity (fixture, LIN2, "林书记", "云岚省委书记");
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  g_clear_object (&fixture->registry);
  g_clear_object (&fixture->project);
  spanmark_test_remove_tree (fixture->tmp);
  g_free (fixture->tmp);
  g_free (fixture->dir);
}

/* An appearance keeps the registry's id, is one undo step, and an id
 * the set has already is refused. */
static void
test_add_entity_with_id (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("a", "wang", TEXT_A);
  const SpanmarkEntity *entity;

  entity = spanmark_annotation_set_add_entity_with_id (set, LIN, "OFFICIAL", "林振邦");
  g_assert_nonnull (entity);
  g_assert_cmpstr (entity->id, ==, LIN);
  g_assert_null (spanmark_annotation_set_add_entity_with_id (set, LIN, "OFFICIAL", "again"));
  g_assert_null (spanmark_annotation_set_add_entity_with_id (set, "x", "", "no label"));
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (set), ==, 1);
  g_assert_true (spanmark_history_undo (spanmark_annotation_set_get_history (set)));
  g_assert_null (spanmark_annotation_set_lookup_entity (set, LIN));
}

static void
test_count_documents (Fixture       *fixture,
                      gconstpointer  data)
{
  link_mentions (fixture, "a", LIN);
  link_mentions (fixture, "b", LIN);
  spanmark_registry_count_mentions (fixture->registry, NULL, NULL);
  g_assert_cmpuint (spanmark_registry_count_documents (fixture->registry, LIN), ==, 2);
  g_assert_cmpuint (spanmark_registry_count_documents (fixture->registry, LIN2), ==, 0);
  g_assert_cmpuint (spanmark_registry_count_documents (fixture->registry, "nobody-0000000000"), ==, 0);
}

/* A new value becomes current, the old one stays in the history, the
 * file is written; an unchanged value writes nothing; bad input is
 * refused. */
static void
test_set_attr (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SpanmarkRegistry) again = NULL;
  g_autoptr(GError) error = NULL;
  const SpanmarkRegistryEntity *entity;
  const SpanmarkRegistryAttr *last;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (spanmark_registry_set_attr (fixture->registry, LIN, "title", "云岚省委书记", "b", &error));
  g_assert_no_error (error);
  again = spanmark_registry_load (fixture->project, &error);
  g_assert_no_error (error);
  entity = spanmark_registry_lookup (again, LIN);
  g_assert_cmpstr (spanmark_registry_entity_get_attr (entity, "title"), ==, "云岚省委书记");
  g_assert_cmpuint (entity->attrs->len, ==, 2);
  last = g_ptr_array_index (entity->attrs, 1);
  g_assert_cmpstr (last->document, ==, "b");

  before = fixture_read (fixture->dir, "entities/" LIN ".json", NULL);
  g_assert_true (spanmark_registry_set_attr (fixture->registry, LIN, "title", "云岚省委书记", "a", &error));
  after = fixture_read (fixture->dir, "entities/" LIN ".json", NULL);
  g_assert_cmpstr (before, ==, after);

  g_assert_false (spanmark_registry_set_attr (fixture->registry, LIN, "title", "", "a", &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spanmark_registry_set_attr (fixture->registry, "wang-ffffffffff", "title", "x", "a", &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_NOT_FOUND);
}

/* The copies before and after a merge put every file back; a file
 * changed since the merge is left as it is and named. */
static void
test_restore_merge (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *lin_before = NULL;
  g_autofree char *lin2_before = NULL;
  g_autofree char *a_before = NULL;
  g_autofree char *b_merged = NULL;
  g_autofree char *text = NULL;

  link_mentions (fixture, "a", LIN2);
  link_mentions (fixture, "b", LIN2);
  lin_before = fixture_read (fixture->dir, "entities/" LIN ".json", NULL);
  lin2_before = fixture_read (fixture->dir, "entities/" LIN2 ".json", NULL);
  a_before = fixture_read (fixture->dir, "annotations/wang/a.json", NULL);

  before = spanmark_registry_snapshot_merge (fixture->registry, LIN, LIN2);
  /* Both entity files and both annotation files naming LIN2. */
  g_assert_cmpuint (g_hash_table_size (before), ==, 4);
  g_assert_true (spanmark_registry_merge (fixture->registry, LIN, LIN2, NULL, NULL, &error));
  g_assert_no_error (error);
  after = spanmark_registry_snapshot_files (fixture->registry, before);
  g_assert_nonnull (spanmark_registry_lookup (fixture->registry, LIN2)->merged_into);

  /* Someone edits b after the merge: that work stays. */
  b_merged = fixture_read (fixture->dir, "annotations/wang/b.json", NULL);
  fixture_write (fixture->dir, "annotations/wang/b.json", "{\"edited\": true}\n", -1);

  g_assert_true (spanmark_registry_restore (fixture->registry, before, after, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (kept, 0), ==, "annotations/wang/b.json");

  text = fixture_read (fixture->dir, "entities/" LIN ".json", NULL);
  g_assert_cmpstr (text, ==, lin_before);
  g_clear_pointer (&text, g_free);
  text = fixture_read (fixture->dir, "entities/" LIN2 ".json", NULL);
  g_assert_cmpstr (text, ==, lin2_before);
  g_clear_pointer (&text, g_free);
  text = fixture_read (fixture->dir, "annotations/wang/a.json", NULL);
  g_assert_cmpstr (text, ==, a_before);
  g_clear_pointer (&text, g_free);
  text = fixture_read (fixture->dir, "annotations/wang/b.json", NULL);
  g_assert_cmpstr (text, ==, "{\"edited\": true}\n");

  /* The registry read its restored files again. */
  g_assert_null (spanmark_registry_lookup (fixture->registry, LIN2)->merged_into);
  g_assert_cmpstr (spanmark_registry_lookup (fixture->registry, LIN2)->name, ==, "林书记");
  g_assert_false (spanmark_registry_entity_has_name (spanmark_registry_lookup (fixture->registry, LIN), "林书记"));
}

/* Names and aliases are suggested where untagged, with their label; a
 * name with quotes and a tab goes through as it is. */
static void
test_suggester (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SpanmarkSuggester) suggester = spanmark_suggester_new ();
  g_autoptr(SpanmarkAnnotationSet) set = spanmark_annotation_set_new ("a", "wang", "他说\"调\"\t研，林书记。");
  g_autoptr(SpanmarkRegistryEntity) odd = spanmark_registry_entity_new ("wang-00000000c3", "OFFICIAL", "\"调\"\t研");
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  const SpanmarkSuggestion *first, *second;

  g_assert_true (spanmark_registry_add (fixture->registry, odd, &error));
  g_assert_no_error (error);
  spanmark_suggester_add_registry (suggester, fixture->registry, spanmark_project_get_schema (fixture->project));
  suggestions = spanmark_suggester_suggest (suggester, set, NULL);
  g_assert_cmpuint (suggestions->len, ==, 2);
  first = g_ptr_array_index (suggestions, 0);
  second = g_ptr_array_index (suggestions, 1);
  g_assert_cmpuint (first->start, ==, 2);
  g_assert_cmpuint (first->end, ==, 7);
  g_assert_cmpuint (second->start, ==, 8);
  g_assert_cmpuint (second->end, ==, 11);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/registry-edits/add-entity-with-id", Fixture, NULL, setup, test_add_entity_with_id, teardown);
  g_test_add ("/registry-edits/count-documents", Fixture, NULL, setup, test_count_documents, teardown);
  g_test_add ("/registry-edits/set-attr", Fixture, NULL, setup, test_set_attr, teardown);
  g_test_add ("/registry-edits/restore-merge", Fixture, NULL, setup, test_restore_merge, teardown);
  g_test_add ("/registry-edits/suggester", Fixture, NULL, setup, test_suggester, teardown);

  return g_test_run ();
}
