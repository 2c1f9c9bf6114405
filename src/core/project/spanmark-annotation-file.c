/* spanmark-annotation-file.c — reading and writing annotations/<annotator>/<doc-id>.json
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-annotation-file.h"
#include "spanmark-annotation-rules.h"
#include "spanmark-attrs-private.h"
#include "spanmark-json-reader.h"
#include "spanmark-json-writer.h"
#include "spanmark-project-error.h"
#include "spanmark-text.h"

/* Whether the file must have the member KEY (SPANMARK_FILE_KEY_KEY). */
#define FILE_REQUIRED(key) SPANMARK_KEY_IS_REQUIRED (SPANMARK_FILE_REQUIRED_KEYS, SPANMARK_FILE_KEY_ ## key)
/* The same for a span's and an entity's members. */
#define SPAN_REQUIRED(key) SPANMARK_KEY_IS_REQUIRED (SPANMARK_SPAN_REQUIRED_KEYS, SPANMARK_SPAN_KEY_ ## key)
#define ENTITY_REQUIRED(key) SPANMARK_KEY_IS_REQUIRED (SPANMARK_ENTITY_REQUIRED_KEYS, SPANMARK_ENTITY_KEY_ ## key)

/* ", "attrs": {…}" in key order; nothing when there are none. */
static void
append_attrs (GString    *out,
              GHashTable *attrs)
{
  g_autoptr(GPtrArray) keys = NULL;

  if (attrs == NULL || g_hash_table_size (attrs) == 0)
    return;
  keys = _spanmark_attrs_sorted_keys (attrs);
  g_string_append (out, ", \"attrs\": {");
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      if (i > 0)
        g_string_append (out, ", ");
      spanmark_json_append_string (out, key);
      g_string_append (out, ": ");
      spanmark_json_append_string (out, g_hash_table_lookup (attrs, key));
    }
  g_string_append_c (out, '}');
}

char *
spanmark_json_write_annotation_content (const SpanmarkAnnotationContent *content,
                                        const char                      *modified,
                                        gsize                           *length)
{
  g_autofree char *sha256 = spanmark_text_sha256 (content->text, -1);
  guint n_spans = content->spans->len;
  guint n_entities = content->entities->len;
  guint n_rejections = content->rejections != NULL ? content->rejections->len : 0;
  /* About what a span without attributes takes, so that the string
   * seldom grows. */
  GString *out = g_string_sized_new (256 + 96 * (gsize) (n_spans + n_entities));
  char digits[SPANMARK_TEXT_UINT_SIZE];

  g_string_append_printf (out, "{\n  \"spanmark\": %d,\n  \"document\": ",
                          SPANMARK_PROJECT_FORMAT_VERSION);
  spanmark_json_append_string (out, content->document_id);
  g_string_append (out, ",\n  \"text_sha256\": ");
  spanmark_json_append_string (out, sha256);
  g_string_append (out, ",\n  \"annotator\": ");
  spanmark_json_append_string (out, content->annotator);
  g_string_append (out, ",\n  \"status\": ");
  spanmark_json_append_string (out, spanmark_status_to_string (content->status));
  g_string_append (out, ",\n  \"modified\": ");
  if (modified != NULL)
    spanmark_json_append_string (out, modified);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n  \"spans\": [");

  for (guint i = 0; i < n_spans; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (content->spans, i);

      g_string_append (out, i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ");
      spanmark_json_append_string (out, span->id);
      g_string_append (out, ", \"start\": ");
      g_string_append (out, spanmark_text_format_uint (digits, span->start));
      g_string_append (out, ", \"end\": ");
      g_string_append (out, spanmark_text_format_uint (digits, span->end));
      g_string_append (out, ", \"label\": ");
      spanmark_json_append_string (out, span->label);
      g_string_append (out, ", \"text\": ");
      spanmark_json_append_string (out, span->text != NULL ? span->text : "");
      if (span->entity != NULL)
        {
          g_string_append (out, ", \"entity\": ");
          spanmark_json_append_string (out, span->entity);
        }
      append_attrs (out, span->attrs);
      if (span->pretag != NULL)
        {
          g_string_append (out, ", \"pretag\": ");
          spanmark_json_append_string (out, span->pretag);
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, n_spans > 0 ? "\n  ],\n  \"entities\": [" : "],\n  \"entities\": [");

  for (guint i = 0; i < n_entities; i++)
    {
      const SpanmarkEntity *entity = g_ptr_array_index (content->entities, i);

      g_string_append (out, i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ");
      spanmark_json_append_string (out, entity->id);
      g_string_append (out, ", \"label\": ");
      spanmark_json_append_string (out, entity->label);
      g_string_append (out, ", \"name\": ");
      spanmark_json_append_string (out, entity->name != NULL ? entity->name : "");
      append_attrs (out, entity->attrs);
      g_string_append_c (out, '}');
    }
  g_string_append (out, n_entities > 0 ? "\n  ]" : "]");

  /* Without rejections the file is exactly what it was before they
   * existed (docs/formats.md). */
  for (guint i = 0; i < n_rejections; i++)
    {
      const SpanmarkSpan *rejection = g_ptr_array_index (content->rejections, i);

      g_string_append_printf (out, "%s\n    {\"start\": %u, \"end\": %u, \"label\": ",
                              i == 0 ? ",\n  \"rejected\": [" : ",", rejection->start, rejection->end);
      spanmark_json_append_string (out, rejection->label);
      g_string_append (out, ", \"text\": ");
      spanmark_json_append_string (out, rejection->text != NULL ? rejection->text : "");
      g_string_append_c (out, '}');
    }
  if (n_rejections > 0)
    g_string_append (out, "\n  ]");
  g_string_append (out, "\n}\n");

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

void
spanmark_annotation_content_init_from_set (SpanmarkAnnotationContent *content,
                                           SpanmarkAnnotationSet     *set)
{
  guint n_spans = spanmark_annotation_set_get_n_spans (set);
  guint n_entities = spanmark_annotation_set_get_n_entities (set);
  guint n_rejections = spanmark_annotation_set_get_n_rejections (set);

  g_return_if_fail (content != NULL);
  g_return_if_fail (SPANMARK_IS_ANNOTATION_SET (set));

  content->document_id = spanmark_annotation_set_get_document_id (set);
  content->annotator = spanmark_annotation_set_get_annotator (set);
  content->text = spanmark_annotation_set_get_text (set);
  content->status = spanmark_annotation_set_get_status (set);
  content->spans = g_ptr_array_sized_new (n_spans);
  content->entities = g_ptr_array_sized_new (n_entities);
  content->rejections = g_ptr_array_sized_new (n_rejections);
  for (guint i = 0; i < n_spans; i++)
    g_ptr_array_add (content->spans, (gpointer) spanmark_annotation_set_get_span (set, i));
  for (guint i = 0; i < n_entities; i++)
    g_ptr_array_add (content->entities, (gpointer) spanmark_annotation_set_get_entity (set, i));
  for (guint i = 0; i < n_rejections; i++)
    g_ptr_array_add (content->rejections, (gpointer) spanmark_annotation_set_get_rejection (set, i));
}

void
spanmark_annotation_content_clear (SpanmarkAnnotationContent *content)
{
  g_return_if_fail (content != NULL);

  g_clear_pointer (&content->spans, g_ptr_array_unref);
  g_clear_pointer (&content->entities, g_ptr_array_unref);
  g_clear_pointer (&content->rejections, g_ptr_array_unref);
}

char *
spanmark_json_write_annotations (SpanmarkAnnotationSet *set,
                                 const char            *modified,
                                 gsize                 *length)
{
  SpanmarkAnnotationContent content;
  char *data;

  spanmark_annotation_content_init_from_set (&content, set);
  data = spanmark_json_write_annotation_content (&content, modified, length);
  spanmark_annotation_content_clear (&content);
  return data;
}

/* Notes the problem a rule found with the member @key; frees the message
 * either way. */
static gboolean
note_rule (SpanmarkJsonPlace  *place,
           const char         *key,
           gboolean            ok,
           char              **message)
{
  if (!ok)
    spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key, "%s", *message);
  g_clear_pointer (message, g_free);
  return ok;
}

/* Checks an item's "id": a non-empty string not seen before in the same
 * array.  @ids maps id -> index. */
static gboolean
check_item_id (SpanmarkJsonPlace *place,
               JsonObject        *object,
               const char        *array,
               gboolean           required,
               GHashTable        *ids,
               guint              i,
               const char       **id)
{
  char *message = NULL;

  if (!spanmark_json_get_string (place, object, "id", required, FALSE, id) || *id == NULL)
    return FALSE;

  return note_rule (place, "id", spanmark_annotation_rules_check_id (ids, array, *id, i, &message), &message);
}

static gboolean
check_label (SpanmarkJsonPlace *place,
             JsonObject        *object,
             gboolean           required,
             SpanmarkSchema    *schema,
             const char       **label)
{
  char *message = NULL;

  if (!spanmark_json_get_string (place, object, "label", required, FALSE, label) || *label == NULL)
    return FALSE;

  return note_rule (place, "label",
                    spanmark_annotation_rules_check_label (schema, *label, strlen (*label), label, &message),
                    &message);
}

static SpanmarkEntity *
read_entity (SpanmarkJsonPlace *place,
             JsonObject        *object,
             guint              i,
             SpanmarkSchema    *schema,
             GHashTable        *ids)
{
  g_autoptr(SpanmarkEntity) entity = NULL;
  const char *id, *label, *name;
  gboolean ok = TRUE;

  ok &= check_item_id (place, object, "entities", ENTITY_REQUIRED (ID), ids, i, &id);
  ok &= check_label (place, object, ENTITY_REQUIRED (LABEL), schema, &label);
  ok &= spanmark_json_get_string (place, object, "name", ENTITY_REQUIRED (NAME), FALSE, &name);

  entity = spanmark_entity_new (id != NULL ? id : "", label != NULL ? label : "",
                                name != NULL ? name : "");
  ok &= spanmark_json_get_attrs (place, object, entity->attrs);

  return ok ? g_steal_pointer (&entity) : NULL;
}

/* What spans and rejections share: "start", "end", "label" and the
 * covered "text", checked against the text (when known) and the schema;
 * @required is the mask of their required members (SpanmarkSpanKey
 * bits).  Returns FALSE when a problem was noted. */
static gboolean
read_extent (SpanmarkJsonPlace  *place,
             JsonObject         *object,
             guint               required,
             SpanmarkSchema     *schema,
             SpanmarkTextIndex  *text_index,
             guint              *start,
             guint              *end,
             const char        **label,
             const char        **text)
{
  char *message = NULL;
  gboolean ok = TRUE, offsets_ok = TRUE;

  offsets_ok &= spanmark_json_get_uint (place, object, "start", start);
  offsets_ok &= spanmark_json_get_uint (place, object, "end", end);

  /* Without the text (validation of a file whose text is unreadable),
   * only the order of the offsets can be checked. */
  if (offsets_ok)
    offsets_ok = note_rule (place, "end",
                            spanmark_annotation_rules_check_offsets (*start, *end,
                                                                     text_index != NULL
                                                                     ? spanmark_text_index_get_length (text_index)
                                                                     : G_MAXUINT,
                                                                     &message),
                            &message);

  ok &= offsets_ok;
  ok &= check_label (place, object, SPANMARK_KEY_IS_REQUIRED (required, SPANMARK_SPAN_KEY_LABEL), schema, label);
  ok &= spanmark_json_get_string (place, object, "text", SPANMARK_KEY_IS_REQUIRED (required, SPANMARK_SPAN_KEY_TEXT),
                                  FALSE, text);

  if (offsets_ok && *text != NULL && text_index != NULL)
    {
      gsize from = spanmark_text_index_char_to_byte (text_index, *start);
      gsize to = spanmark_text_index_char_to_byte (text_index, *end);

      ok &= note_rule (place, "text",
                       spanmark_annotation_rules_check_span_text (*text, strlen (*text),
                                                                  spanmark_text_index_get_text (text_index) + from,
                                                                  to - from, *start, *end, &message),
                       &message);
    }

  return ok;
}

static SpanmarkSpan *
read_span (SpanmarkJsonPlace *place,
           JsonObject        *object,
           guint              i,
           SpanmarkSchema    *schema,
           SpanmarkTextIndex *text_index,
           GHashTable        *ids,
           GHashTable        *entity_ids)
{
  g_autoptr(SpanmarkSpan) span = NULL;
  char *message = NULL;
  const char *id, *label, *text, *entity, *pretag;
  guint start, end;
  gboolean ok = TRUE;

  ok &= check_item_id (place, object, "spans", SPAN_REQUIRED (ID), ids, i, &id);
  ok &= read_extent (place, object, SPANMARK_SPAN_REQUIRED_KEYS, schema, text_index, &start, &end, &label, &text);

  if (!spanmark_json_get_string (place, object, "entity", SPAN_REQUIRED (ENTITY), TRUE, &entity))
    ok = FALSE;
  else
    ok &= note_rule (place, "entity", spanmark_annotation_rules_check_mention (entity_ids, entity, &message),
                     &message);

  span = spanmark_span_new (id != NULL ? id : "", start, end,
                            label != NULL ? label : "", text != NULL ? text : "");
  span->entity = g_strdup (entity);
  ok &= spanmark_json_get_attrs (place, object, span->attrs);

  if (!spanmark_json_get_string (place, object, "pretag", SPAN_REQUIRED (PRETAG), FALSE, &pretag))
    ok = FALSE;
  else if (pretag != NULL)
    ok &= note_rule (place, "pretag", spanmark_annotation_rules_check_pretag (pretag, strlen (pretag), &message),
                     &message);
  span->pretag = g_strdup (pretag);

  return ok ? g_steal_pointer (&span) : NULL;
}

/* What the readers of a file's entities, spans and rejections share. */
typedef struct
{
  SpanmarkSchema    *schema;
  SpanmarkTextIndex *text_index;  /* NULL without the text */
  GHashTable        *entity_ids;
  GHashTable        *span_ids;
  GHashTable        *rejections_seen;
} Items;

/* Reads the object @item, item @i of its array; NULL when it is wrong. */
typedef gpointer (*ReadItemFunc) (SpanmarkJsonPlace *place,
                                  JsonObject        *item,
                                  guint              i,
                                  Items             *items);

/* Reads each item of the array @key of @object with @read (an item that
 * is no object is reported and skipped; @id_key names items in places);
 * what it read, in order, freed with @free_func. */
static GPtrArray *
read_items (SpanmarkJsonPlace *place,
            JsonObject        *object,
            const char        *key,
            gboolean           required,
            const char        *id_key,
            ReadItemFunc       read,
            GDestroyNotify     free_func,
            Items             *items)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (free_func);
  JsonArray *array = spanmark_json_get_array (place, object, key, required);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *location = NULL;
      JsonObject *item = spanmark_json_item_object (place->checker, place->file, json_array_get_element (array, i),
                                                    key, i, id_key, &location);
      SpanmarkJsonPlace item_place = { place->checker, place->file, location };
      gpointer read_item;

      if (item == NULL)
        continue;

      read_item = read (&item_place, item, i, items);
      if (read_item != NULL)
        g_ptr_array_add (out, read_item);
    }

  return out;
}

static gpointer
read_entity_item (SpanmarkJsonPlace *place,
                  JsonObject        *item,
                  guint              i,
                  Items             *items)
{
  return read_entity (place, item, i, items->schema, items->entity_ids);
}

static gpointer
read_span_item (SpanmarkJsonPlace *place,
                JsonObject        *item,
                guint              i,
                Items             *items)
{
  return read_span (place, item, i, items->schema, items->text_index, items->span_ids, items->entity_ids);
}

/* One of the optional "rejected" (docs/formats.md): {"start", "end",
 * "label", "text"}, checked as a span's are, none twice. */
static gpointer
read_rejection_item (SpanmarkJsonPlace *place,
                     JsonObject        *item,
                     guint              i,
                     Items             *items)
{
  const char *label, *text;
  guint start, end;
  char *message = NULL;

  if (!read_extent (place, item, SPANMARK_REJECTION_KEYS, items->schema, items->text_index,
                    &start, &end, &label, &text))
    return NULL;
  if (!note_rule (place, NULL,
                  spanmark_annotation_rules_check_rejection (items->rejections_seen, start, end, label, &message),
                  &message))
    return NULL;
  return spanmark_span_new (NULL, start, end, label, text);
}

SpanmarkAnnotationSet *
spanmark_json_read_annotations (SpanmarkChecker *checker,
                                const char      *file,
                                const char      *data,
                                gsize            length,
                                const char      *document_id,
                                const char      *annotator,
                                const char      *text,
                                SpanmarkSchema  *schema)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) rejections = NULL;
  g_autoptr(GHashTable) span_ids = NULL;
  g_autoptr(GHashTable) entity_ids = NULL;
  g_autoptr(GHashTable) rejections_seen = NULL;
  g_autoptr(SpanmarkTextIndex) text_index = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  SpanmarkStatus status = SPANMARK_STATUS_NEW;
  char *message = NULL;
  const char *value, *modified = NULL;
  Items items;
  JsonObject *object;
  SpanmarkJsonPlace place = { checker, file, NULL };
  guint n_before = spanmark_checker_get_n_problems (checker);

  root = spanmark_json_parse (checker, file, data, length, spanmark_annotation_rules_integer_keys);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_INVALID, file, NULL,
                            _("must hold a JSON object, not %s"), spanmark_json_describe_node (root));
      return NULL;
    }

  object = json_node_get_object (root);
  if (!spanmark_json_check_version (&place, object))
    return NULL;

  if (spanmark_json_get_string (&place, object, "document", FILE_REQUIRED (DOCUMENT), FALSE, &value)
      && value != NULL)
    note_rule (&place, "document",
               spanmark_annotation_rules_check_owner (SPANMARK_FILE_KEY_DOCUMENT, value, strlen (value), document_id,
                                                      &message),
               &message);

  if (spanmark_json_get_string (&place, object, "text_sha256", FILE_REQUIRED (TEXT_SHA256), FALSE, &value)
      && value != NULL && text != NULL)
    note_rule (&place, "text_sha256",
               spanmark_annotation_rules_check_sha256 (value, strlen (value), text, strlen (text), &message),
               &message);

  if (spanmark_json_get_string (&place, object, "annotator", FILE_REQUIRED (ANNOTATOR), FALSE, &value)
      && value != NULL)
    note_rule (&place, "annotator",
               spanmark_annotation_rules_check_owner (SPANMARK_FILE_KEY_ANNOTATOR, value, strlen (value), annotator,
                                                      &message),
               &message);

  if (spanmark_json_get_string (&place, object, "status", FILE_REQUIRED (STATUS), FALSE, &value)
      && value != NULL)
    note_rule (&place, "status",
               spanmark_annotation_rules_check_status (value, strlen (value), &status, &message),
               &message);

  spanmark_json_get_string (&place, object, "modified", FILE_REQUIRED (MODIFIED), TRUE, &modified);

  if (text != NULL)
    text_index = spanmark_text_index_new (text, -1);

  entity_ids = g_hash_table_new (g_str_hash, g_str_equal);
  span_ids = g_hash_table_new (g_str_hash, g_str_equal);
  rejections_seen = spanmark_annotation_rules_new_rejection_set ();
  items = (Items) { schema, text_index, entity_ids, span_ids, rejections_seen };
  /* Entities first, so spans can be checked against them. */
  entities = read_items (&place, object, "entities", FILE_REQUIRED (ENTITIES), "id", read_entity_item,
                         (GDestroyNotify) spanmark_entity_free, &items);
  spans = read_items (&place, object, "spans", FILE_REQUIRED (SPANS), "id", read_span_item,
                      (GDestroyNotify) spanmark_span_free, &items);
  rejections = read_items (&place, object, "rejected", FILE_REQUIRED (REJECTED), "label", read_rejection_item,
                           (GDestroyNotify) spanmark_span_free, &items);

  if (text == NULL || spanmark_checker_get_n_problems (checker) != n_before)
    return NULL;

  set = spanmark_annotation_set_new (document_id, annotator, text);
  for (guint i = 0; i < rejections->len; i++)
    {
      const SpanmarkSpan *rejection = g_ptr_array_index (rejections, i);

      spanmark_annotation_set_load_rejection (set, rejection->start, rejection->end, rejection->label);
    }
  spanmark_annotation_set_load_status (set, status);
  spanmark_annotation_set_set_modified (set, modified);
  for (guint i = 0; i < entities->len; i++)
    spanmark_annotation_set_load_entity (set, g_ptr_array_index (entities, i));
  spanmark_annotation_set_load_spans (set, (const SpanmarkSpan * const *) spans->pdata, spans->len);

  return g_steal_pointer (&set);
}
