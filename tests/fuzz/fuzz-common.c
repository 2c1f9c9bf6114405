/* fuzz-common.c — the fixed document, schema and project of the fuzz
 * targets, and the checks they share
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "fuzz-common.h"
#include "spanmark-import-private.h"

/* make-seeds.py writes the seeds over the same text (the combining acute
 * and the ideographic space are escaped to be seen). */
static const char document_text[] =
  "林振邦在青溪市调研“清水绕村工程”。\n"
  "Alice met 🙂 Bob in Paris, cafe\xcc\x81 𠮷岭村.\n"
  "\t周海燕\xe3\x80\x80说：好👍\n";

static char *project_path;
static guint known_bugs;  /* bit N: issue 8 item N */

void
fuzz_fail (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  fputs ("fuzz: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  abort ();
}

static void
remove_project (void)
{
  const char *parts[] = { "spanmark.json", "documents", "annotations" };

  if (project_path == NULL)
    return;
  /* The importers write nothing: the folder holds what
   * spanmark_project_create() made, and only that. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *path = g_build_filename (project_path, parts[i], NULL);

      g_remove (path);
    }
  g_rmdir (project_path);
  g_clear_pointer (&project_path, g_free);
}

void
fuzz_init (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      const char *list = g_getenv ("SPANMARK_FUZZ_KNOWN_BUGS");
      g_auto(GStrv) items = g_strsplit (list != NULL ? list : "", ",", -1);

      g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      for (guint i = 0; items[i] != NULL; i++)
        {
          guint64 item = 0;

          if (items[i][0] != '\0' &&
              (!g_ascii_string_to_unsigned (items[i], 10, 1, 31, &item, NULL)))
            fuzz_fail ("SPANMARK_FUZZ_KNOWN_BUGS: “%s” is not an item number", items[i]);
          known_bugs |= 1u << item;
        }
      g_once_init_leave (&once, 1);
    }
}

/* The issue 8 item a kind of fault falls under. */
static guint
json_fault_item (FuzzJson kind)
{
  switch (kind)
    {
    case FUZZ_JSON_COMMENT:
    case FUZZ_JSON_SINGLE_QUOTE:
    case FUZZ_JSON_TOO_DEEP:
    case FUZZ_JSON_TRAILING:
    case FUZZ_JSON_SYNTAX:
      return 6;
    case FUZZ_JSON_LONE_SURROGATE:
      return 7;
    case FUZZ_JSON_NUL_ESCAPE:
      return 8;
    case FUZZ_JSON_BAD_UTF8:
      return 11;
    case FUZZ_JSON_DUPLICATE_KEY:
      return 12;
    case FUZZ_JSON_STRICT:
    default:
      return 0;
    }
}

gboolean
fuzz_json_is_known_bug (FuzzJson kind)
{
  guint item = json_fault_item (kind);

  return item != 0 && (known_bugs & (1u << item)) != 0;
}

gboolean
fuzz_begin_json (const char *data,
                 gsize       len,
                 FuzzJson   *kind)
{
  fuzz_init ();
  *kind = fuzz_json_judge (data, len);
  return !fuzz_json_is_known_bug (*kind);
}

void
fuzz_check_strict (const char *what,
                   FuzzJson    kind)
{
  static const char * const faults[] = {
    [FUZZ_JSON_COMMENT] = "a comment",
    [FUZZ_JSON_SINGLE_QUOTE] = "single quotes",
    [FUZZ_JSON_TOO_DEEP] = "nesting too deep",
    [FUZZ_JSON_TRAILING] = "a second value",
    [FUZZ_JSON_SYNTAX] = "syntax that is not JSON",
    [FUZZ_JSON_LONE_SURROGATE] = "a lone surrogate escape",
    [FUZZ_JSON_NUL_ESCAPE] = "a \\u0000 escape",
    [FUZZ_JSON_BAD_UTF8] = "invalid UTF-8 or a NUL byte",
    [FUZZ_JSON_DUPLICATE_KEY] = "a member name given twice",
  };

  if (kind != FUZZ_JSON_STRICT)
    fuzz_fail ("%s was accepted with %s in it (issue 8 item %u)", what, faults[kind], json_fault_item (kind));
}

const char *
fuzz_text (void)
{
  return document_text;
}

SpanmarkSchema *
fuzz_schema (void)
{
  static SpanmarkSchema *schema;

  if (schema == NULL)
    schema = spanmark_schema_new_default ();
  return schema;
}

SpanmarkProject *
fuzz_project (void)
{
  static SpanmarkProject *project;

  if (project == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) dir = NULL;

      project_path = g_dir_make_tmp ("spanmark-fuzz-XXXXXX", &error);
      if (project_path == NULL)
        fuzz_fail ("cannot make a temporary folder: %s", error->message);
      atexit (remove_project);

      dir = g_file_new_for_path (project_path);
      project = spanmark_project_create (dir, "fuzz", &error);
      if (project == NULL)
        fuzz_fail ("cannot make a project: %s", error->message);
    }
  return project;
}

void
fuzz_check_message (const char *what,
                    const char *message)
{
  if (message == NULL || message[0] == '\0')
    fuzz_fail ("%s: empty message", what);
  if (!g_utf8_validate (message, -1, NULL))
    fuzz_fail ("%s: the message is not valid UTF-8: \"%s\"", what, message);
}

void
fuzz_check_problems (SpanmarkChecker *checker,
                     const char      *file)
{
  for (guint i = 0; i < checker->problems->len; i++)
    {
      const SpanmarkProblem *problem = g_ptr_array_index (checker->problems, i);

      if (g_strcmp0 (problem->file, file) != 0)
        fuzz_fail ("a problem names \"%s\", not %s: %s", problem->file, file, problem->message);
      if (problem->location != NULL)
        fuzz_check_message ("problem location", problem->location);
      fuzz_check_message ("problem", problem->message);
    }
}

static void
check_string (const char *what,
              const char *str)
{
  if (str == NULL || !g_utf8_validate (str, -1, NULL))
    fuzz_fail ("%s is not valid UTF-8", what);
}

static void
check_attrs (const char *what,
             GHashTable *attrs)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, attrs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      check_string (what, key);
      check_string (what, value);
    }
}

/* Offsets, covered text, labels, ids and strings of @set. */
static void
check_set_contents (SpanmarkAnnotationSet *set,
                    SpanmarkSchema        *schema)
{
  SpanmarkTextIndex *index = spanmark_annotation_set_get_text_index (set);
  guint length = spanmark_text_index_get_length (index);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  check_string ("the text", spanmark_annotation_set_get_text (set));
  check_string ("the document id", spanmark_annotation_set_get_document_id (set));
  check_string ("the annotator", spanmark_annotation_set_get_annotator (set));

  for (guint i = 0; i < spanmark_annotation_set_get_n_entities (set); i++)
    {
      const SpanmarkEntity *entity = spanmark_annotation_set_get_entity (set, i);

      check_string ("an entity id", entity->id);
      check_string ("an entity name", entity->name);
      check_attrs ("an entity attribute", entity->attrs);
      if (entity->id[0] == '\0' || !g_hash_table_add (ids, entity->id))
        fuzz_fail ("entity id \"%s\" is empty or used twice", entity->id);
      if (spanmark_schema_lookup (schema, entity->label) == NULL)
        fuzz_fail ("entity %s has the unknown label \"%s\"", entity->id, entity->label);
    }

  g_hash_table_remove_all (ids);
  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);
      g_autofree char *covered = NULL;

      check_string ("a span id", span->id);
      check_string ("a span's text", span->text);
      check_attrs ("a span attribute", span->attrs);
      if (span->id[0] == '\0' || !g_hash_table_add (ids, span->id))
        fuzz_fail ("span id \"%s\" is empty or used twice", span->id);
      if (span->start >= span->end || span->end > length)
        fuzz_fail ("span %s: %u–%u in a text of %u characters", span->id, span->start, span->end, length);
      covered = spanmark_text_index_slice (index, span->start, span->end);
      if (g_strcmp0 (covered, span->text) != 0)
        fuzz_fail ("span %s: text \"%s\" is not the covered \"%s\"", span->id, span->text, covered);
      if (spanmark_schema_lookup (schema, span->label) == NULL)
        fuzz_fail ("span %s has the unknown label \"%s\"", span->id, span->label);
      if (span->entity != NULL && spanmark_annotation_set_lookup_entity (set, span->entity) == NULL)
        fuzz_fail ("span %s mentions the unknown entity \"%s\"", span->id, span->entity);
    }
}

static void
fail_with_problems (SpanmarkChecker *checker,
                    const char      *what,
                    const char      *json)
{
  g_autofree char *first = checker->problems->len > 0
                           ? spanmark_problem_to_string (g_ptr_array_index (checker->problems, 0))
                           : g_strdup ("(no problem noted)");

  fuzz_fail ("%s: %s\n--- as written:\n%s", what, first, json);
}

void
fuzz_check_set (SpanmarkAnnotationSet *set,
                SpanmarkSchema        *schema)
{
  const char *text = spanmark_annotation_set_get_text (set);
  const char *document_id = spanmark_annotation_set_get_document_id (set);
  const char *annotator = spanmark_annotation_set_get_annotator (set);
  const char *modified = spanmark_annotation_set_get_modified (set);
  g_autoptr(SpanmarkAnnotationSet) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  gsize len = 0, len_again = 0;
  SpanmarkChecker checker;

  check_set_contents (set, schema);
  if (modified != NULL)
    check_string ("\"modified\"", modified);

  json = spanmark_json_write_annotations (set, modified, &len);
  spanmark_checker_init (&checker);
  again = spanmark_json_read_annotations (&checker, "round-trip.json", json, len,
                                          document_id, annotator, text, schema);
  if (again == NULL)
    fail_with_problems (&checker, "what Spanmark writes does not load again", json);
  spanmark_checker_clear (&checker);

  if (spanmark_annotation_set_get_status (again) != spanmark_annotation_set_get_status (set) ||
      g_strcmp0 (spanmark_annotation_set_get_modified (again), modified) != 0 ||
      spanmark_annotation_set_get_n_spans (again) != spanmark_annotation_set_get_n_spans (set) ||
      spanmark_annotation_set_get_n_entities (again) != spanmark_annotation_set_get_n_entities (set))
    fuzz_fail ("read back, the status, \"modified\" or the number of spans or entities changed:\n%s", json);
  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    if (!spanmark_span_equal (spanmark_annotation_set_get_span (set, i),
                              spanmark_annotation_set_get_span (again, i)))
      fuzz_fail ("read back, spans[%u] changed:\n%s", i, json);
  for (guint i = 0; i < spanmark_annotation_set_get_n_entities (set); i++)
    if (!spanmark_entity_equal (spanmark_annotation_set_get_entity (set, i),
                                spanmark_annotation_set_get_entity (again, i)))
      fuzz_fail ("read back, entities[%u] changed:\n%s", i, json);

  json_again = spanmark_json_write_annotations (again, modified, &len_again);
  if (len != len_again || memcmp (json, json_again, len) != 0)
    fuzz_fail ("written twice, the file differs:\n%s\n---\n%s", json, json_again);
}

static char *
meta_to_string (SpanmarkDocument *document)
{
  JsonObject *meta = spanmark_document_get_meta (document);
  g_autoptr(JsonNode) node = NULL;
  GString *out;

  if (meta == NULL)
    return NULL;
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, meta);
  out = g_string_new (NULL);
  spanmark_json_append_node (out, node);
  return g_string_free (out, FALSE);
}

static gboolean
labels_equal (const SpanmarkLabel *a,
              const SpanmarkLabel *b)
{
  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->color, b->color) == 0 &&
         g_strcmp0 (a->key, b->key) == 0 &&
         g_strv_equal ((const char * const *) a->attrs, (const char * const *) b->attrs);
}

/* spanmark.json for @documents, as spanmark_project_save() writes it. */
static char *
write_index (const char     *name,
             SpanmarkSchema *schema,
             GPtrArray      *documents,
             gsize          *len)
{
  g_autoptr(GListStore) store = g_list_store_new (SPANMARK_TYPE_DOCUMENT);

  for (guint i = 0; i < documents->len; i++)
    g_list_store_append (store, g_ptr_array_index (documents, i));
  return spanmark_json_write_index (name, schema, G_LIST_MODEL (store), len);
}

void
fuzz_check_index (const char     *name,
                  SpanmarkSchema *schema,
                  GPtrArray      *documents)
{
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  gsize len = 0, len_again = 0;
  SpanmarkChecker checker;
  SpanmarkIndex index;

  check_string ("the project name", name);
  for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
    {
      const SpanmarkLabel *label = spanmark_schema_get_label (schema, i);

      check_string ("a label name", label->name);
      check_string ("a label title", label->title);
      for (guint j = 0; label->attrs[j] != NULL; j++)
        check_string ("a label's attribute", label->attrs[j]);
    }
  for (guint i = 0; i < documents->len; i++)
    {
      SpanmarkDocument *document = g_ptr_array_index (documents, i);
      const char *title = spanmark_document_get_title (document);
      g_autofree char *meta = meta_to_string (document);

      check_string ("a document id", spanmark_document_get_id (document));
      check_string ("a document path", spanmark_document_get_path (document));
      if (title != NULL)
        check_string ("a document title", title);
      if (meta != NULL)
        check_string ("a document's meta", meta);
    }

  json = write_index (name, schema, documents, &len);
  spanmark_checker_init (&checker);
  if (!spanmark_json_read_index (&checker, json, len, &index) ||
      spanmark_checker_get_n_problems (&checker) > 0)
    fail_with_problems (&checker, "the spanmark.json Spanmark writes does not load again", json);
  spanmark_checker_clear (&checker);

  if (g_strcmp0 (index.name, name) != 0 ||
      spanmark_schema_get_n_labels (index.schema) != spanmark_schema_get_n_labels (schema) ||
      index.documents->len != documents->len)
    fuzz_fail ("read back, the name or the number of labels or documents changed:\n%s", json);
  for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
    if (!labels_equal (spanmark_schema_get_label (schema, i), spanmark_schema_get_label (index.schema, i)))
      fuzz_fail ("read back, labels[%u] changed:\n%s", i, json);
  for (guint i = 0; i < documents->len; i++)
    {
      SpanmarkDocument *a = g_ptr_array_index (documents, i);
      SpanmarkDocument *b = g_ptr_array_index (index.documents, i);
      g_autofree char *meta_a = meta_to_string (a);
      g_autofree char *meta_b = meta_to_string (b);

      if (g_strcmp0 (spanmark_document_get_id (a), spanmark_document_get_id (b)) != 0 ||
          g_strcmp0 (spanmark_document_get_path (a), spanmark_document_get_path (b)) != 0 ||
          g_strcmp0 (spanmark_document_get_title (a), spanmark_document_get_title (b)) != 0 ||
          g_strcmp0 (meta_a, meta_b) != 0)
        fuzz_fail ("read back, documents[%u] changed:\n%s", i, json);
    }

  json_again = write_index (index.name, index.schema, index.documents, &len_again);
  if (len != len_again || memcmp (json, json_again, len) != 0)
    fuzz_fail ("written twice, spanmark.json differs:\n%s\n---\n%s", json, json_again);
  spanmark_index_clear (&index);
}

/* An import message starts with the file it is about. */
static void
check_import_message (const char *what,
                      const char *message,
                      const char *name,
                      const char *ann_name)
{
  fuzz_check_message (what, message);
  if (!g_str_has_prefix (message, name) && (ann_name == NULL || !g_str_has_prefix (message, ann_name)))
    fuzz_fail ("%s does not name the file: %s", what, message);
}

void
fuzz_check_import (const char           *name,
                   const char           *data,
                   gsize                 len,
                   const char           *ann_data,
                   gsize                 ann_len,
                   SpanmarkTextEncoding  encoding)
{
  SpanmarkImportOptions options = { .annotator = "model", .encoding = encoding };

  fuzz_check_import_with (name, data, len, ann_data, ann_len, &options);
}

void
fuzz_check_import_with (const char                  *name,
                        const char                  *data,
                        gsize                        len,
                        const char                  *ann_data,
                        gsize                        ann_len,
                        const SpanmarkImportOptions *options)
{
  SpanmarkProject *project = fuzz_project ();
  g_autoptr(SpanmarkSchema) schema = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *ann_name = NULL;
  FuzzJson kind = FUZZ_JSON_STRICT;

  if (g_str_has_suffix (name, ".jsonl"))
    kind = fuzz_json_judge_lines (data, len);
  if (fuzz_json_is_known_bug (kind))
    return;

  if (ann_data != NULL)
    {
      g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".txt"));

      ann_name = g_strconcat (stem, ".ann", NULL);
    }

  /* The schema the documents are held to: the project's, with the
   * labels the import adds (add_labels). */
  if (!_spanmark_import_check_data (project, options, name, data, len, ann_data, ann_len,
                                    documents, sets, warnings, &schema, &error))
    {
      g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
      g_assert_cmpuint (documents->len, ==, 0);
      check_import_message ("the error", error->message, name, ann_name);
      return;
    }

  fuzz_check_strict (name, kind);
  for (guint i = 0; i < warnings->len; i++)
    check_import_message ("a warning", g_ptr_array_index (warnings, i), name, ann_name);

  g_assert_cmpuint (documents->len, ==, sets->len);
  for (guint i = 0; i < sets->len; i++)
    {
      SpanmarkAnnotationSet *set = g_ptr_array_index (sets, i);
      SpanmarkDocument *document = g_ptr_array_index (documents, i);
      const char *text = spanmark_annotation_set_get_text (set);
      g_autofree char *again = NULL;

      if (!spanmark_project_is_valid_id (spanmark_document_get_id (document)) ||
          g_strcmp0 (spanmark_document_get_id (document), spanmark_annotation_set_get_document_id (set)) != 0)
        fuzz_fail ("import made a document with the id \"%s\"", spanmark_document_get_id (document));

      /* Normalised once, for good: no byte-order mark, no CR. */
      check_string ("the imported text", text);
      if (g_str_has_prefix (text, "\xef\xbb\xbf") || strchr (text, '\r') != NULL)
        fuzz_fail ("the imported text \"%s\" is not normalised", text);
      again = spanmark_text_normalize (text, strlen (text), SPANMARK_TEXT_ENCODING_UTF8, NULL, NULL);
      if (g_strcmp0 (again, text) != 0)
        fuzz_fail ("normalised again, the imported text \"%s\" changes", text);

      fuzz_check_set (set, schema);
    }

  fuzz_check_index ("fuzz", schema, documents);
}
