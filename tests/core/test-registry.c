/* test-registry.c — the corpus-wide entity registry: files, merge, rename
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-core.h"
#include "project-fixture.h"

#define TEXT_A "林振邦在青溪市调研。林书记说，要推进工程。\n"
#define TEXT_B "省委书记林振邦来到果园港。\n"

#define EXPECTED_ENTITY \
  "{\n" \
  "  \"spanmark\": 1,\n" \
  "  \"id\": \"wang-00000000a1\",\n" \
  "  \"label\": \"OFFICIAL\",\n" \
  "  \"name\": \"林振邦\",\n" \
  "  \"aliases\": [\n" \
  "    \"林书记\",\n" \
  "    \"林振邦同志\"\n" \
  "  ],\n" \
  "  \"attrs\": [\n" \
  "    {\"key\": \"region\", \"value\": \"云岚省\", \"document\": null},\n" \
  "    {\"key\": \"title\", \"value\": \"青溪市委书记\", \"document\": \"a\"},\n" \
  "    {\"key\": \"title\", \"value\": \"云岚省委书记\", \"document\": \"b\"}\n" \
  "  ],\n" \
  "  \"notes\": \"\\\"Lin\\\" in English\"\n" \
  "}\n"

/* A project with documents a and b, and no annotations. */
static SpanmarkProject *
make_project (char **tmp,
              char **dir)
{
  SpanmarkProject *project = NULL;
  g_autoptr(GError) error = NULL;

  *tmp = spanmark_test_make_project ("p", "Registry", dir, &project);
  g_assert_nonnull (spanmark_project_add_document (project, "a", TEXT_A, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (spanmark_project_add_document (project, "b", TEXT_B, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (spanmark_project_save (project, &error));
  g_assert_no_error (error);

  return project;
}

static SpanmarkRegistry *
load_registry (SpanmarkProject *project)
{
  g_autoptr(GError) error = NULL;
  SpanmarkRegistry *registry = spanmark_registry_load (project, &error);

  g_assert_no_error (error);
  g_assert_nonnull (registry);

  return registry;
}

static SpanmarkRegistryEntity *
lin (const char *id)
{
  SpanmarkRegistryEntity *entity = spanmark_registry_entity_new (id, "OFFICIAL", "林振邦");

  spanmark_registry_entity_add_alias (entity, "林振邦同志");
  spanmark_registry_entity_add_alias (entity, "林书记");
  spanmark_registry_entity_add_alias (entity, "林振邦");  /* the name: not an alias */
  spanmark_registry_entity_add_attr (entity, "title", "青溪市委书记", "a");
  spanmark_registry_entity_add_attr (entity, "region", "云岚省", NULL);
  spanmark_registry_entity_add_attr (entity, "title", "云岚省委书记", "b");
  spanmark_registry_entity_add_attr (entity, "title", "云岚省委书记", "b");  /* already there */
  g_free (entity->notes);
  entity->notes = g_strdup ("\"Lin\" in English");

  return entity;
}

/* @annotator's file for @document_id, with a mention of the registry
 * entity @entity_id at [@start, @end). */
static void
annotate (SpanmarkProject *project,
          const char      *document_id,
          const char      *annotator,
          const char      *entity_id,
          guint            start,
          guint            end,
          const char      *text)
{
  SpanmarkDocument *document = spanmark_project_lookup_document (project, document_id);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(SpanmarkEntity) entity = spanmark_entity_new (entity_id, "OFFICIAL", "林振邦");
  g_autoptr(SpanmarkSpan) span = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *span_id = NULL;

  set = spanmark_project_load_annotations (project, document, annotator, &error);
  g_assert_no_error (error);
  span_id = g_strdup_printf ("s%u", spanmark_annotation_set_get_n_spans (set) + 1);
  span = spanmark_span_new (span_id, start, end, "OFFICIAL", text);
  span->entity = g_strdup (entity_id);
  if (spanmark_annotation_set_lookup_entity (set, entity_id) == NULL)
    spanmark_annotation_set_load_entity (set, entity);
  spanmark_annotation_set_load_span (set, span);
  g_assert_true (spanmark_project_save_annotations (project, set, &error));
  g_assert_no_error (error);
}

static void
test_ids (void)
{
  g_autofree char *id = spanmark_registry_entity_new_id ("wang");
  g_autofree char *other = spanmark_registry_entity_new_id ("wang");

  g_assert_true (g_str_has_prefix (id, "wang-"));
  g_assert_cmpuint (strlen (id), ==, strlen ("wang-") + 10);
  g_assert_cmpstr (id, !=, other);
  g_assert_true (spanmark_registry_entity_is_registry_id (id));
  g_assert_true (spanmark_project_is_valid_id (id));
  /* What v1 files call their entities never looks like a registry id. */
  g_assert_false (spanmark_registry_entity_is_registry_id ("e1"));
  g_assert_false (spanmark_registry_entity_is_registry_id ("e12"));
  g_assert_false (spanmark_registry_entity_is_registry_id ("wang-00000000A1"));
  g_assert_false (spanmark_registry_entity_is_registry_id ("-00000000a1"));
}

static void
test_save_load (void)
{
  g_autofree char *tmp = NULL, *dir = NULL, *data = NULL, *missing = NULL;
  g_autoptr(SpanmarkProject) project = make_project (&tmp, &dir);
  g_autoptr(SpanmarkRegistry) registry = load_registry (project);
  g_autoptr(SpanmarkRegistry) again = NULL;
  g_autoptr(SpanmarkRegistryEntity) entity = lin ("wang-00000000a1");
  const SpanmarkRegistryEntity *loaded;
  g_autoptr(GError) error = NULL;

  /* No entities/ folder: an empty registry, and opening made none. */
  g_assert_cmpuint (spanmark_registry_get_entities (registry)->len, ==, 0);
  g_assert_cmpuint (spanmark_registry_get_problems (registry)->len, ==, 0);
  missing = g_build_filename (dir, "entities", NULL);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_true (spanmark_registry_add (registry, entity, &error));
  g_assert_no_error (error);
  data = fixture_read (dir, "entities/wang-00000000a1.json", NULL);
  g_assert_cmpstr (data, ==, EXPECTED_ENTITY);

  /* The same id twice is refused. */
  g_assert_false (spanmark_registry_add (registry, entity, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS);

  again = load_registry (project);
  g_assert_cmpuint (spanmark_registry_get_problems (again)->len, ==, 0);
  loaded = spanmark_registry_lookup (again, "wang-00000000a1");
  g_assert_nonnull (loaded);
  g_assert_cmpstr (loaded->name, ==, "林振邦");
  g_assert_cmpuint (loaded->aliases->len, ==, 2);
  g_assert_cmpstr (spanmark_registry_entity_get_attr (loaded, "title"), ==, "云岚省委书记");
  g_assert_cmpstr (loaded->notes, ==, "\"Lin\" in English");
  g_assert_true (spanmark_registry_entity_has_name (loaded, "林书记"));
  g_assert_false (spanmark_registry_entity_has_name (loaded, "林"));
  {
    g_autofree char *written = spanmark_registry_entity_to_json (loaded, NULL);

    g_assert_cmpstr (written, ==, EXPECTED_ENTITY);
  }

  spanmark_test_remove_tree (tmp);
}

/* Two annotators add entities offline; git's merge of their folders is
 * the union of their entities/ files. */
static void
test_concurrent_additions (void)
{
  g_autofree char *tmp = NULL, *dir = NULL;
  g_autoptr(SpanmarkProject) project = make_project (&tmp, &dir);
  g_autofree char *alice_dir = g_build_filename (tmp, "alice", NULL);
  g_autofree char *bob_dir = g_build_filename (tmp, "bob", NULL);
  g_autoptr(SpanmarkProject) alice = NULL, bob = NULL;
  g_autoptr(SpanmarkRegistry) merged = NULL;
  g_autoptr(GPtrArray) alice_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bob_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  g_autofree char *from = NULL, *entities = NULL;
  const char *name;

  spanmark_test_copy_tree (dir, alice_dir);
  spanmark_test_copy_tree (dir, bob_dir);
  alice = fixture_open (alice_dir);
  bob = fixture_open (bob_dir);

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(SpanmarkRegistry) ra = load_registry (alice);
      g_autoptr(SpanmarkRegistry) rb = load_registry (bob);
      g_autofree char *a_name = g_strdup_printf ("官员甲%u", i);
      g_autofree char *b_name = g_strdup_printf ("官员乙%u", i);
      g_autofree char *a_id = spanmark_registry_entity_new_id ("alice");
      g_autofree char *b_id = spanmark_registry_entity_new_id ("bob");
      g_autoptr(SpanmarkRegistryEntity) a = spanmark_registry_entity_new (a_id, "OFFICIAL", a_name);
      g_autoptr(SpanmarkRegistryEntity) b = spanmark_registry_entity_new (b_id, "PLACE", b_name);
      g_autoptr(GError) error = NULL;

      g_assert_true (spanmark_registry_add (ra, a, &error));
      g_assert_no_error (error);
      g_assert_true (spanmark_registry_add (rb, b, &error));
      g_assert_no_error (error);
      g_ptr_array_add (alice_ids, g_strdup (a->id));
      g_ptr_array_add (bob_ids, g_strdup (b->id));
    }

  /* git pull both ways: every file of both folders, none in common. */
  entities = g_build_filename (dir, "entities", NULL);
  for (guint side = 0; side < 2; side++)
    {
      g_clear_pointer (&from, g_free);
      from = g_build_filename (side == 0 ? alice_dir : bob_dir, "entities", NULL);
      g_clear_pointer (&listing, g_dir_close);
      listing = g_dir_open (from, 0, NULL);
      while ((name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *source = g_build_filename (from, name, NULL);
          g_autofree char *target = g_build_filename (entities, name, NULL);

          g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
          spanmark_test_copy_tree (source, target);
        }
    }

  merged = load_registry (project);
  g_assert_cmpuint (spanmark_registry_get_problems (merged)->len, ==, 0);
  g_assert_cmpuint (spanmark_registry_get_entities (merged)->len, ==, 40);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *a_name = g_strdup_printf ("官员甲%u", i);

      g_assert_cmpstr (spanmark_registry_lookup (merged, g_ptr_array_index (alice_ids, i))->name, ==, a_name);
      g_assert_cmpstr (spanmark_registry_lookup (merged, g_ptr_array_index (bob_ids, i))->label, ==, "PLACE");
    }
  /* Sorted by label, then name. */
  g_assert_cmpstr (((SpanmarkRegistryEntity *) g_ptr_array_index (spanmark_registry_get_entities (merged), 0))->label,
                   ==, "OFFICIAL");
  g_assert_cmpstr (((SpanmarkRegistryEntity *) g_ptr_array_index (spanmark_registry_get_entities (merged), 39))->label,
                   ==, "PLACE");

  spanmark_test_remove_tree (tmp);
}

typedef struct
{
  const char *name;      /* file under entities/ */
  const char *contents;
  const char *expected;  /* the problem as a string */
} BadCase;

static const BadCase bad_cases[] = {
  { "x-00000000b1.json", "{\"spanmark\": 1, \"id\": \"x-00000000b1\",\n  \"name\": }\n",
    "entities/x-00000000b1.json: line 2, column 11: " },
  { "x-00000000b2.json", "{\"spanmark\": 1, \"id\": \"x-00000000b2\", \"label\": \"OFFICIAL\"}\n",
    "entities/x-00000000b2.json: \"name\": is missing" },
  { "x-00000000b3.json", "{\"spanmark\": 1, \"id\": \"x-00000000b3\", \"label\": \"OFFICIAL\", \"name\": 7}\n",
    "entities/x-00000000b3.json: \"name\": must be a string, not an integer" },
  { "x-00000000b4.json", "{\"spanmark\": 1, \"id\": \"x-00000000zz\", \"label\": \"OFFICIAL\", \"name\": \"甲\"}\n",
    "entities/x-00000000b4.json: \"id\": \"x-00000000zz\" does not match the file name (x-00000000b4.json)" },
  { "x-00000000b5.json", "{\"spanmark\": 1, \"id\": \"x-00000000b5\", \"label\": \"OFFICIAL\", \"name\": \"甲\", \"alias\": []}\n",
    "entities/x-00000000b5.json: \"alias\": is not a member of a registry entity" },
  { "x-00000000b6.json", "{\"spanmark\": 1, \"id\": \"x-00000000b6\", \"label\": \"OFFICIAL\", \"name\": \"甲\", \"attrs\": [{\"key\": \"title\"}]}\n",
    "entities/x-00000000b6.json: attrs[0] (key \"title\"): value is missing" },
  { "x-00000000b7.json", "{\"spanmark\": 1, \"id\": \"x-00000000b7\", \"label\": \"OFFICIAL\", \"name\": \"甲\", \"aliases\": [\"\"]}\n",
    "entities/x-00000000b7.json: \"aliases[0]\": must not be empty" },
  { "x-00000000b8.json", "{\"spanmark\": 2, \"id\": \"x-00000000b8\", \"label\": \"OFFICIAL\", \"name\": \"甲\"}\n",
    "entities/x-00000000b8.json: \"spanmark\": " },
  { "x-00000000b9.json", "[]\n",
    "entities/x-00000000b9.json: must be an object, not an array" },
  { "x-00000000c3.json", "<<<<<<< HEAD\n{\"spanmark\": 1}\n=======\n",
    "entities/x-00000000c3.json: line 1, column 1: " },
  /* What the fast reader leaves to the slow one, which names it. */
  { "x-00000000d1.json", "{\"spanmark\": 10, \"id\": \"x-00000000d1\", \"label\": \"OFFICIAL\", \"name\": \"甲\"}\n",
    "entities/x-00000000d1.json: \"spanmark\": " },
  { "x-00000000d2.json", "{\"spanmark\": 1, \"id\": \"x-00000000d2\", \"label\": \"OFFICIAL\", \"name\": \"\"}\n",
    "entities/x-00000000d2.json: \"name\": must not be empty" },
  { "x-00000000d3.json", "{\"spanmark\": 1, \"id\": \"x-00000000d3\", \"label\": null, \"name\": \"甲\"}\n",
    "entities/x-00000000d3.json: \"label\": " },
  { "x-00000000d4.json", "{\"spanmark\": 1, \"id\": \"x-00000000d4\", \"label\": \"OFFICIAL\", \"name\": \"甲\", \"aliases\": [\"乙\", 3]}\n",
    "entities/x-00000000d4.json: \"aliases[1]\": must be a string, not an integer" },
  { "x-00000000d5.json", "{\"spanmark\": 1, \"id\": \"x-00000000d5\", \"label\": \"OFFICIAL\", \"name\": \"甲\", \"attrs\": [{\"key\": \"\", \"value\": \"乙\"}]}\n",
    "entities/x-00000000d5.json: attrs[0] (key \"\"): key must not be empty" },
  { "x-00000000d6.json", "{\"spanmark\": 1, \"id\": \"x-00000000d6\", \"label\": \"OFFICIAL\", \"name\": \"甲\", \"notes\": 5}\n",
    "entities/x-00000000d6.json: \"notes\": must be a string, not an integer" },
  { "x-00000000d7.json", "{\"spanmark\": 1, \"id\": \"../x\", \"label\": \"OFFICIAL\", \"name\": \"甲\"}\n",
    "entities/x-00000000d7.json: \"id\": \"../x\" is not a valid id" },
  /* Tombstones are checked once every file is read: last. */
  { "x-00000000c1.json", "{\"spanmark\": 1, \"id\": \"x-00000000c1\", \"merged_into\": \"x-00000000c2\"}\n",
    "entities/x-00000000c1.json: \"merged_into\": \"x-00000000c2\" leads to no entity of the registry" },
};

static void
test_bad_input (void)
{
  g_autofree char *tmp = NULL, *dir = NULL, *before = NULL, *after = NULL;
  g_autoptr(SpanmarkProject) project = make_project (&tmp, &dir);
  g_autoptr(SpanmarkRegistry) registry = NULL;
  g_autoptr(SpanmarkRegistryEntity) good = lin ("wang-00000000a1");
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  {
    g_autoptr(SpanmarkRegistry) first = load_registry (project);

    g_assert_true (spanmark_registry_add (first, good, &error));
    g_assert_no_error (error);
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *relative = g_strconcat ("entities/", bad_cases[i].name, NULL);

      fixture_write (dir, relative, bad_cases[i].contents, -1);
    }

  registry = load_registry (project);
  problems = spanmark_registry_get_problems (registry);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (bad_cases));
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *text = spanmark_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("%s", text);
      g_assert_true (g_str_has_prefix (text, bad_cases[i].expected));
    }

  /* The good one still loads; the broken ones are neither entities nor
   * written over. */
  g_assert_cmpuint (spanmark_registry_get_entities (registry)->len, ==, 1);
  g_assert_null (spanmark_registry_lookup (registry, "x-00000000b2"));
  before = spanmark_test_snapshot_tree (dir);
  g_assert_false (spanmark_registry_rename (registry, "x-00000000b2", "乙", &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "entities/x-00000000b2.json"));
  g_clear_error (&error);
  {
    g_autoptr(SpanmarkRegistryEntity) clash = spanmark_registry_entity_new ("x-00000000b2", "OFFICIAL", "乙");

    g_assert_false (spanmark_registry_add (registry, clash, &error));
    g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS);
    g_clear_error (&error);
  }
  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (before, ==, after);

  spanmark_test_remove_tree (tmp);
}

static void
test_rename (void)
{
  g_autofree char *tmp = NULL, *dir = NULL;
  g_autoptr(SpanmarkProject) project = make_project (&tmp, &dir);
  g_autoptr(SpanmarkRegistry) registry = load_registry (project);
  g_autoptr(SpanmarkRegistry) again = NULL;
  g_autoptr(SpanmarkRegistryEntity) entity = lin ("wang-00000000a1");
  const SpanmarkRegistryEntity *renamed;
  g_autoptr(GError) error = NULL;

  g_assert_true (spanmark_registry_add (registry, entity, &error));
  g_assert_true (spanmark_registry_rename (registry, "wang-00000000a1", "林书记", &error));
  g_assert_no_error (error);

  again = load_registry (project);
  renamed = spanmark_registry_lookup (again, "wang-00000000a1");
  g_assert_cmpstr (renamed->name, ==, "林书记");
  /* The old name is an alias now, the new one no longer. */
  g_assert_cmpuint (renamed->aliases->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (renamed->aliases, 0), ==, "林振邦");
  g_assert_cmpstr (g_ptr_array_index (renamed->aliases, 1), ==, "林振邦同志");

  g_assert_false (spanmark_registry_rename (again, "nobody-0000000000", "甲", &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (spanmark_registry_rename (again, "wang-00000000a1", "", &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);

  spanmark_test_remove_tree (tmp);
}

static void
add_pair (SpanmarkRegistry *registry)
{
  g_autoptr(SpanmarkRegistryEntity) keep = spanmark_registry_entity_new ("wang-00000000a1", "OFFICIAL", "林振邦");
  g_autoptr(SpanmarkRegistryEntity) gone = spanmark_registry_entity_new ("zhao-00000000b1", "OFFICIAL", "林振邦同志");
  g_autoptr(GError) error = NULL;

  spanmark_registry_entity_add_attr (keep, "title", "青溪市委书记", "a");
  spanmark_registry_entity_add_attr (gone, "title", "云岚省委书记", "b");
  spanmark_registry_entity_add_attr (gone, "region", "云岚省", "b");
  spanmark_registry_entity_add_alias (gone, "林书记");
  g_free (gone->notes);
  gone->notes = g_strdup ("zhao's");
  g_assert_true (spanmark_registry_add (registry, keep, &error));
  g_assert_true (spanmark_registry_add (registry, gone, &error));
  g_assert_no_error (error);
}

static void
test_merge (void)
{
  g_autofree char *tmp = NULL, *dir = NULL, *file_a = NULL, *file_b = NULL, *tombstone = NULL;
  g_autoptr(SpanmarkProject) project = make_project (&tmp, &dir);
  g_autoptr(SpanmarkRegistry) registry = load_registry (project);
  g_autoptr(SpanmarkRegistry) again = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) documents = NULL;
  const SpanmarkRegistryEntity *merged;
  g_autoptr(GError) error = NULL;
  guint n_files = 0;

  add_pair (registry);
  /* Wang linked document a to his entity, Zhao both to hers; in a, Wang's
   * file has both. */
  annotate (project, "a", "wang", "wang-00000000a1", 0, 3, "林振邦");
  annotate (project, "a", "wang", "zhao-00000000b1", 10, 13, "林书记");
  annotate (project, "b", "zhao", "zhao-00000000b1", 4, 7, "林振邦");
  annotate (project, "a", "zhao", "zhao-00000000b1", 0, 3, "林振邦");

  spanmark_registry_count_mentions (registry, NULL, NULL);
  g_assert_cmpuint (spanmark_registry_get_n_mentions (registry, "wang-00000000a1"), ==, 1);
  g_assert_cmpuint (spanmark_registry_get_n_mentions (registry, "zhao-00000000b1"), ==, 3);
  /* Per document: a has two of Zhao's (Wang's file and her own), b one. */
  g_assert_cmpuint (spanmark_registry_get_n_mentions_in (registry, "zhao-00000000b1", "a"), ==, 2);
  g_assert_cmpuint (spanmark_registry_get_n_mentions_in (registry, "zhao-00000000b1", "b"), ==, 1);
  g_assert_cmpuint (spanmark_registry_get_n_mentions_in (registry, "wang-00000000a1", "b"), ==, 0);
  g_assert_cmpuint (spanmark_registry_get_n_mentions_in (registry, "nobody-0000000000", "a"), ==, 0);
  g_assert_cmpuint (spanmark_registry_count_documents (registry, "zhao-00000000b1"), ==, 2);

  g_assert_true (spanmark_registry_merge (registry, "wang-00000000a1", "zhao-00000000b1",
                                          conflicts, &n_files, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_files, ==, 3);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (conflicts, 0), ==,
                   "title: “青溪市委书记” (wang-00000000a1) or “云岚省委书记” (zhao-00000000b1); both kept, “青溪市委书记” is current");

  /* Every file now names the kept entity only. */
  file_a = fixture_read (dir, "annotations/wang/a.json", NULL);
  file_b = fixture_read (dir, "annotations/zhao/b.json", NULL);
  g_assert_null (strstr (file_a, "zhao-00000000b1"));
  g_assert_null (strstr (file_b, "zhao-00000000b1"));
  g_assert_nonnull (strstr (file_a, "\"start\": 10, \"end\": 13, \"label\": \"OFFICIAL\", \"text\": \"林书记\", \"entity\": \"wang-00000000a1\"}"));
  g_assert_nonnull (strstr (file_b, "\"entity\": \"wang-00000000a1\""));
  g_assert_nonnull (strstr (file_b, "{\"id\": \"wang-00000000a1\", \"label\": \"OFFICIAL\""));
  tombstone = fixture_read (dir, "entities/zhao-00000000b1.json", NULL);
  g_assert_cmpstr (tombstone, ==,
                   "{\n  \"spanmark\": 1,\n  \"id\": \"zhao-00000000b1\",\n  \"merged_into\": \"wang-00000000a1\"\n}\n");

  again = load_registry (project);
  g_assert_cmpuint (spanmark_registry_get_problems (again)->len, ==, 0);
  g_assert_cmpuint (spanmark_registry_get_entities (again)->len, ==, 1);
  merged = spanmark_registry_resolve (again, "zhao-00000000b1");
  g_assert_nonnull (merged);
  g_assert_cmpstr (merged->id, ==, "wang-00000000a1");
  g_assert_cmpstr (merged->name, ==, "林振邦");
  g_assert_cmpuint (merged->aliases->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (merged->aliases, 0), ==, "林书记");
  g_assert_cmpstr (g_ptr_array_index (merged->aliases, 1), ==, "林振邦同志");
  g_assert_cmpuint (merged->attrs->len, ==, 3);
  g_assert_cmpstr (spanmark_registry_entity_get_attr (merged, "title"), ==, "青溪市委书记");
  g_assert_cmpstr (spanmark_registry_entity_get_attr (merged, "region"), ==, "云岚省");
  g_assert_cmpstr (merged->notes, ==, "zhao's");

  spanmark_registry_count_mentions (again, NULL, NULL);
  g_assert_cmpuint (spanmark_registry_get_n_mentions (again, "wang-00000000a1"), ==, 4);
  documents = spanmark_registry_get_documents (again, "wang-00000000a1");
  g_assert_cmpuint (documents->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (documents, 0), ==, "a");
  g_assert_cmpstr (g_ptr_array_index (documents, 1), ==, "b");

  /* Merged already, into itself, across labels: refused. */
  g_assert_false (spanmark_registry_merge (again, "wang-00000000a1", "zhao-00000000b1", NULL, NULL, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (spanmark_registry_merge (again, "wang-00000000a1", "wang-00000000a1", NULL, NULL, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(SpanmarkRegistryEntity) place = spanmark_registry_entity_new ("wang-00000000c1", "PLACE", "青溪市");

    g_assert_true (spanmark_registry_add (again, place, &error));
    g_assert_false (spanmark_registry_merge (again, "wang-00000000a1", "wang-00000000c1", NULL, NULL, &error));
    g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  }

  spanmark_test_remove_tree (tmp);
}

/* A mention made offline of an entity someone else merged away still
 * counts, for the kept entity. */
static void
test_merge_offline_mention (void)
{
  g_autofree char *tmp = NULL, *dir = NULL;
  g_autoptr(SpanmarkProject) project = make_project (&tmp, &dir);
  g_autoptr(SpanmarkRegistry) registry = load_registry (project);
  g_autoptr(GError) error = NULL;

  add_pair (registry);
  g_assert_true (spanmark_registry_merge (registry, "wang-00000000a1", "zhao-00000000b1", NULL, NULL, &error));
  g_assert_no_error (error);
  /* Pulled later: Zhao's file still names her entity. */
  annotate (project, "b", "zhao", "zhao-00000000b1", 4, 7, "林振邦");

  spanmark_registry_count_mentions (registry, NULL, NULL);
  g_assert_cmpuint (spanmark_registry_get_n_mentions (registry, "wang-00000000a1"), ==, 1);
  g_assert_cmpuint (spanmark_registry_get_n_mentions (registry, "zhao-00000000b1"), ==, 0);

  spanmark_test_remove_tree (tmp);
}

/* A file that does not load stops the merge short of its tombstone, is
 * not written, and a second run finishes the merge once it is fixed. */
static void
test_merge_broken_file (void)
{
  g_autofree char *tmp = NULL, *dir = NULL, *broken = NULL, *tombstone = NULL;
  g_autoptr(SpanmarkProject) project = make_project (&tmp, &dir);
  g_autoptr(SpanmarkRegistry) registry = load_registry (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n_files = 0;

  add_pair (registry);
  annotate (project, "a", "wang", "zhao-00000000b1", 0, 3, "林振邦");
  annotate (project, "b", "zhao", "zhao-00000000b1", 4, 7, "林振邦");
  path = g_build_filename (dir, "annotations/zhao/b.json", NULL);
  spanmark_test_replace_in_file (path, "\"spans\": [", "\"spans\": [,");
  broken = fixture_read (dir, "annotations/zhao/b.json", NULL);

  g_assert_false (spanmark_registry_merge (registry, "wang-00000000a1", "zhao-00000000b1", NULL, &n_files, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "annotations/zhao/b.json: line "));
  g_assert_nonnull (strstr (error->message, "run it again"));
  g_clear_error (&error);
  g_assert_cmpuint (n_files, ==, 1);
  {
    g_autofree char *now = fixture_read (dir, "annotations/zhao/b.json", NULL);
    g_autofree char *gone = fixture_read (dir, "entities/zhao-00000000b1.json", NULL);

    g_assert_cmpstr (now, ==, broken);
    g_assert_null (strstr (gone, "merged_into"));
  }

  spanmark_test_replace_in_file (path, "\"spans\": [,", "\"spans\": [");
  g_assert_true (spanmark_registry_merge (registry, "wang-00000000a1", "zhao-00000000b1", NULL, &n_files, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_files, ==, 1);
  tombstone = fixture_read (dir, "entities/zhao-00000000b1.json", NULL);
  g_assert_nonnull (strstr (tombstone, "\"merged_into\": \"wang-00000000a1\""));

  spanmark_test_remove_tree (tmp);
}

/* Tombstones pointing at each other (two opposite merges on two
 * machines) resolve to nothing and are reported. */
static void
test_tombstone_cycle (void)
{
  g_autofree char *tmp = NULL, *dir = NULL;
  g_autoptr(SpanmarkProject) project = make_project (&tmp, &dir);
  g_autoptr(SpanmarkRegistry) registry = NULL;
  GPtrArray *problems;

  fixture_write (dir, "entities/a-00000000a1.json",
                 "{\"spanmark\": 1, \"id\": \"a-00000000a1\", \"merged_into\": \"b-00000000b1\"}\n", -1);
  fixture_write (dir, "entities/b-00000000b1.json",
                 "{\"spanmark\": 1, \"id\": \"b-00000000b1\", \"merged_into\": \"a-00000000a1\"}\n", -1);
  registry = load_registry (project);
  g_assert_null (spanmark_registry_resolve (registry, "a-00000000a1"));
  problems = spanmark_registry_get_problems (registry);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (((SpanmarkProblem *) g_ptr_array_index (problems, 0))->file, ==, "entities/a-00000000a1.json");

  spanmark_test_remove_tree (tmp);
}

/* The fast reader (valid files as the writer makes them) and the slow
 * one (json-glib, for everything else: here escapes and a member order of
 * the reader's own) read the same entity. */
static void
test_fast_reader (void)
{
  static const char * const pairs[][2] = {
    { "{\"spanmark\": 1, \"id\": \"x-00000000a1\", \"label\": \"OFFICIAL\", \"name\": \"林振邦\",\n"
      " \"aliases\": [\"林书记\", \"林振邦\", \"老林\", \"林书记\"],\n"
      " \"attrs\": [{\"key\": \"title\", \"value\": \"副市长\", \"document\": \"d1\"},\n"
      "           {\"document\": null, \"value\": \"市委书记\", \"key\": \"title\"},\n"
      "           {\"key\": \"title\", \"value\": \"副市长\", \"document\": \"d1\"}],\n"
      " \"notes\": \"云岚 \"}\n",
      "{\"notes\": \"\\u4e91\\u5c9a \", \"attrs\": [{\"key\": \"title\", \"value\": \"\\u526f市长\", \"document\": \"d1\"},"
      " {\"key\": \"title\", \"value\": \"市委书记\", \"document\": null},"
      " {\"key\": \"title\", \"value\": \"副市长\", \"document\": \"d1\"}],"
      " \"aliases\": [\"\\u6797书记\", \"林振邦\", \"老林\", \"林书记\"], \"name\": \"林振邦\","
      " \"label\": \"OFFICIAL\", \"id\": \"x-00000000a1\", \"spanmark\": 1}" },
    { "{\"spanmark\": 1, \"id\": \"x-00000000a1\", \"label\": \"PLACE\", \"name\": \"果园港\", \"aliases\": [], \"attrs\": []}",
      "{\"spanmark\": 1, \"id\": \"x-00000000a1\", \"label\": \"PLACE\", \"name\": \"\\u679c园港\"}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *texts[2] = { NULL, NULL };

      for (guint k = 0; k < 2; k++)
        {
          SpanmarkChecker checker;
          g_autoptr(SpanmarkRegistryEntity) entity = NULL;
          g_autoptr(GPtrArray) problems = NULL;

          spanmark_checker_init (&checker);
          entity = spanmark_registry_entity_from_json (&checker, "entities/x-00000000a1.json",
                                                       pairs[i][k], strlen (pairs[i][k]));
          problems = spanmark_checker_steal_problems (&checker);
          spanmark_checker_clear (&checker);
          g_assert_cmpuint (problems->len, ==, 0);
          g_assert_nonnull (entity);
          texts[k] = spanmark_registry_entity_to_json (entity, NULL);
        }
      g_test_message ("%s", texts[0]);
      g_assert_cmpstr (texts[0], ==, texts[1]);
      g_free (texts[0]);
      g_free (texts[1]);
      texts[0] = texts[1] = NULL;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/registry/ids", test_ids);
  g_test_add_func ("/registry/save-load", test_save_load);
  g_test_add_func ("/registry/concurrent-additions", test_concurrent_additions);
  g_test_add_func ("/registry/bad-input", test_bad_input);
  g_test_add_func ("/registry/fast-reader", test_fast_reader);
  g_test_add_func ("/registry/rename", test_rename);
  g_test_add_func ("/registry/merge", test_merge);
  g_test_add_func ("/registry/merge-offline-mention", test_merge_offline_mention);
  g_test_add_func ("/registry/merge-broken-file", test_merge_broken_file);
  g_test_add_func ("/registry/tombstone-cycle", test_tombstone_cycle);

  return g_test_run ();
}
