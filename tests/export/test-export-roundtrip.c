/* test-export-roundtrip.c — import(export(x)) has the same spans
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture project (export-fixture.h) is exported as jsonl, doccano
 * and brat, the output imported into a new project, and every document's
 * spans compared: same offsets and labels, and for jsonl the same entities
 * and attributes too; brat keeps every entity, its id and its name, a
 * registry entity of one mention too.
 */

#include "config.h"

#include <string.h>

#include "spanmark-core.h"

#include "export-fixture.h"

typedef struct
{
  char            *dir;
  SpanmarkProject *project;
  SpanmarkProject *copy;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = NULL;
  g_autoptr(GFile) copy_dir = NULL;

  fixture->dir = spanmark_test_make_project ("project", "Original", NULL, &fixture->project);
  export_fixture_build (fixture->project);

  copy_path = g_build_filename (fixture->dir, "copy", NULL);
  copy_dir = g_file_new_for_path (copy_path);
  fixture->copy = spanmark_project_create (copy_dir, "Copy", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  g_clear_object (&fixture->copy);
  spanmark_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
export_to (Fixture    *fixture,
           const char *format,
           const char *path)
{
  SpanmarkExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  spanmark_export_options_init (&options);
  options.format = spanmark_export_format_lookup (format);
  g_assert_nonnull (options.format);
  options.annotator = "alice";
  g_assert_true (spanmark_export_run (fixture->project, &options, file, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
import_file (Fixture    *fixture,
             const char *path)
{
  SpanmarkImportOptions options = { "imported", SPANMARK_TEXT_ENCODING_UTF8 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  int n;

  n = spanmark_import_file (fixture->copy, file, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, >=, 0);
}

/* "start end label" per span, in order, one string. */
static char *
describe_spans (SpanmarkAnnotationSet *set,
                gboolean               with_details)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);

      g_string_append_printf (out, "%u %u %s", span->start, span->end, span->label);
      if (with_details)
        {
          g_autoptr(GPtrArray) keys = spanmark_span_get_sorted_attr_keys (span);

          if (span->entity != NULL)
            {
              const SpanmarkEntity *entity = spanmark_annotation_set_lookup_entity (set, span->entity);

              g_assert_nonnull (entity);
              g_string_append_printf (out, " entity=%s", entity->name);
            }
          for (guint k = 0; k < keys->len; k++)
            g_string_append_printf (out, " %s=%s", (char *) g_ptr_array_index (keys, k),
                                    (char *) g_hash_table_lookup (span->attrs, g_ptr_array_index (keys, k)));
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* Each span's entity id, then each entity's id, label and name. */
static char *
describe_entities (SpanmarkAnnotationSet *set)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);

      g_string_append_printf (out, "%u %u %s\n", span->start, span->end,
                              span->entity != NULL ? span->entity : "-");
    }
  for (guint i = 0; i < spanmark_annotation_set_get_n_entities (set); i++)
    {
      const SpanmarkEntity *entity = spanmark_annotation_set_get_entity (set, i);

      g_string_append_printf (out, "%s %s %s\n", entity->id, entity->label, entity->name);
    }

  return g_string_free (out, FALSE);
}

static void
assert_same (Fixture  *fixture,
             gboolean  with_details,
             gboolean  with_entities)
{
  guint n = spanmark_project_get_n_documents (fixture->project);
  guint compared = 0;

  for (guint i = 0; i < n; i++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (fixture->project, i);
      const char *id = spanmark_document_get_id (document);
      SpanmarkDocument *copy_document = spanmark_project_lookup_document (fixture->copy, id);
      g_autoptr(SpanmarkAnnotationSet) original = NULL;
      g_autoptr(SpanmarkAnnotationSet) imported = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      original = spanmark_project_load_annotations (fixture->project, document, "alice", &error);
      g_assert_no_error (error);

      if (copy_document == NULL)
        {
          /* Only a document with no text may be missing: importers do not
           * make documents out of nothing. */
          g_assert_cmpuint (spanmark_annotation_set_get_length (original), ==, 0);
          continue;
        }

      imported = spanmark_project_load_annotations (fixture->copy, copy_document, "imported", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (spanmark_annotation_set_get_text (imported), ==,
                       spanmark_annotation_set_get_text (original));

      a = describe_spans (original, with_details);
      b = describe_spans (imported, with_details);
      g_test_message ("%s:\n%s", id, a);
      g_assert_cmpstr (b, ==, a);
      if (with_entities)
        {
          g_autofree char *ea = describe_entities (original);
          g_autofree char *eb = describe_entities (imported);

          g_test_message ("%s:\n%s", id, ea);
          g_assert_cmpstr (eb, ==, ea);
        }
      compared++;
    }

  g_assert_cmpuint (compared, >=, 4);
}

static void
assert_same_spans (Fixture  *fixture,
                   gboolean  with_details)
{
  assert_same (fixture, with_details, FALSE);
}

static void
test_jsonl (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "export.jsonl", NULL);

  export_to (fixture, "jsonl", path);
  import_file (fixture, path);
  assert_same_spans (fixture, TRUE);
}

static void
test_doccano (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "doccano.jsonl", NULL);

  export_to (fixture, "doccano", path);
  import_file (fixture, path);
  assert_same_spans (fixture, FALSE);
}

static void
export_import_brat (Fixture *fixture)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "brat", NULL);
  const char *ids[] = { "a1", "b2", "c3", "d4", "e5" };

  export_to (fixture, "brat", folder);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strconcat (ids[i], ".txt", NULL);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      import_file (fixture, path);
    }
}

static void
test_brat (Fixture       *fixture,
           gconstpointer  data)
{
  export_import_brat (fixture);
  assert_same_spans (fixture, FALSE);
}

/* Every entity keeps its id and name: a1's two entities of one mention
 * each (e2's name is not its mention's text), b2's entity of two, and
 * e5's registry entity of one mention. */
static void
test_brat_entities (Fixture       *fixture,
                    gconstpointer  data)
{
  SpanmarkDocument *document = spanmark_project_lookup_document (fixture->project, "e5");
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(SpanmarkEntity) entity = spanmark_entity_new ("wang-5f3a09c1d2", "OFFICIAL", "林振邦");
  g_autoptr(GError) error = NULL;

  set = spanmark_project_load_annotations (fixture->project, document, "alice", &error);
  g_assert_no_error (error);
  spanmark_annotation_set_load_entity (set, entity);
  spanmark_annotation_set_set_span_entity (set, spanmark_annotation_set_get_span (set, 0)->id,
                                           "wang-5f3a09c1d2");
  spanmark_project_save_annotations (fixture->project, set, &error);
  g_assert_no_error (error);

  export_import_brat (fixture);
  assert_same (fixture, FALSE, TRUE);

  {
    SpanmarkDocument *copy = spanmark_project_lookup_document (fixture->copy, "e5");
    g_autoptr(SpanmarkAnnotationSet) imported = NULL;

    imported = spanmark_project_load_annotations (fixture->copy, copy, "imported", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (spanmark_annotation_set_get_span (imported, 0)->entity, ==, "wang-5f3a09c1d2");
    g_assert_cmpstr (spanmark_annotation_set_lookup_entity (imported, "wang-5f3a09c1d2")->name, ==, "林振邦");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/roundtrip/jsonl", Fixture, NULL, fixture_set_up, test_jsonl, fixture_tear_down);
  g_test_add ("/export/roundtrip/doccano", Fixture, NULL, fixture_set_up, test_doccano, fixture_tear_down);
  g_test_add ("/export/roundtrip/brat", Fixture, NULL, fixture_set_up, test_brat, fixture_tear_down);
  g_test_add ("/export/roundtrip/brat-entities", Fixture, NULL, fixture_set_up, test_brat_entities,
              fixture_tear_down);

  return g_test_run ();
}
