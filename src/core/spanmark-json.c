/* spanmark-json.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The readers here never stop at the first problem: they note each one
 * (file, place, what is wrong) and go on, so that validation can list
 * everything at once while loading reports the first.  The writers lay
 * out JSON by hand because JsonGenerator cannot put one span per line.
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-file.h"
#include "spanmark-json.h"
#include "spanmark-project.h"
#include "spanmark-text.h"

#define DEFAULT_LABEL_COLOR "#77767b"

/* Checker */

void
spanmark_checker_init (SpanmarkChecker *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_problem_free);
  self->codes = g_array_new (FALSE, FALSE, sizeof (int));
}

void
spanmark_checker_clear (SpanmarkChecker *self)
{
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->codes, g_array_unref);
}

void
spanmark_checker_add (SpanmarkChecker *self,
                      int              code,
                      const char      *file,
                      const char      *location,
                      const char      *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->problems, spanmark_problem_new (file, location, message));
  g_array_append_val (self->codes, code);
}

guint
spanmark_checker_get_n_problems (SpanmarkChecker *self)
{
  return self->problems->len;
}

GPtrArray *
spanmark_checker_steal_problems (SpanmarkChecker *self)
{
  GPtrArray *problems = g_steal_pointer (&self->problems);

  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_problem_free);
  g_array_set_size (self->codes, 0);

  return problems;
}

gboolean
spanmark_checker_check (SpanmarkChecker *self,
                        const char      *index_path,
                        GError         **error)
{
  const SpanmarkProblem *first;
  g_autoptr(SpanmarkProblem) shown = NULL;
  g_autofree char *message = NULL;
  guint others;

  if (self->problems->len == 0)
    return TRUE;

  first = g_ptr_array_index (self->problems, 0);
  shown = spanmark_problem_new (index_path != NULL && g_str_equal (first->file, "spanmark.json")
                                ? index_path : first->file,
                                first->location, first->message);
  message = spanmark_problem_to_string (shown);
  others = self->problems->len - 1;

  if (others == 0)
    g_set_error_literal (error, SPANMARK_PROJECT_ERROR,
                         g_array_index (self->codes, int, 0), message);
  else
    g_set_error (error, SPANMARK_PROJECT_ERROR,
                 g_array_index (self->codes, int, 0),
                 ngettext ("%s (and %u more problem)",
                           "%s (and %u more problems)", others),
                 message, others);

  return FALSE;
}

const char *
spanmark_json_describe_io_error (const GError *error)
{
  /* GIO's messages repeat the path ("Error opening file /…: …"), which
   * ours give first already. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return g_strerror (EACCES);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return g_strerror (EISDIR);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_strerror (ENOENT);
  return error->message;
}

/* Writing */

void
spanmark_json_append_string_len (GString    *out,
                                 const char *str,
                                 gssize      len)
{
  const char *p = str;
  const char *end = len < 0 ? str + strlen (str) : str + len;
  const char *run = p;

  g_string_append_c (out, '"');
  for (; p < end; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

void
spanmark_json_append_string (GString    *out,
                             const char *str)
{
  spanmark_json_append_string_len (out, str, -1);
}

void
spanmark_json_append_node (GString  *out,
                           JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &key, &member))
          {
            if (!first)
              g_string_append (out, ", ");
            first = FALSE;
            spanmark_json_append_string (out, key);
            g_string_append (out, ": ");
            spanmark_json_append_node (out, member);
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            spanmark_json_append_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          spanmark_json_append_string (out, json_node_get_string (node));
        else if (type == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else if (type == G_TYPE_DOUBLE && isfinite (json_node_get_double (node)))
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            g_string_append (out, g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
          }
        else
          g_string_append (out, "null");
      }
      break;
    }
}

static void
append_attrs (GString    *out,
              GHashTable *attrs,
              GPtrArray  *keys)
{
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
spanmark_json_write_index (const char     *name,
                           SpanmarkSchema *schema,
                           GListModel     *documents,
                           gsize          *length)
{
  GString *out = g_string_new (NULL);
  guint n_labels = spanmark_schema_get_n_labels (schema);
  guint n_documents = g_list_model_get_n_items (documents);

  g_string_append_printf (out, "{\n  \"spanmark\": %d,\n  \"name\": ",
                          SPANMARK_PROJECT_FORMAT_VERSION);
  spanmark_json_append_string (out, name != NULL ? name : "");
  g_string_append (out, ",\n  \"labels\": [");

  for (guint i = 0; i < n_labels; i++)
    {
      const SpanmarkLabel *label = spanmark_schema_get_label (schema, i);

      g_string_append (out, i == 0 ? "\n    {\"name\": " : ",\n    {\"name\": ");
      spanmark_json_append_string (out, label->name);
      if (label->title != NULL)
        {
          g_string_append (out, ", \"title\": ");
          spanmark_json_append_string (out, label->title);
        }
      g_string_append (out, ", \"color\": ");
      spanmark_json_append_string (out, label->color != NULL ? label->color : DEFAULT_LABEL_COLOR);
      if (label->key != NULL && label->key[0] != '\0')
        {
          g_string_append (out, ", \"key\": ");
          spanmark_json_append_string (out, label->key);
        }
      g_string_append (out, ", \"attrs\": [");
      for (guint j = 0; label->attrs != NULL && label->attrs[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (out, ", ");
          spanmark_json_append_string (out, label->attrs[j]);
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, n_labels > 0 ? "\n  ],\n  \"documents\": [" : "],\n  \"documents\": [");

  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(SpanmarkDocument) document = g_list_model_get_item (documents, i);
      const char *title = spanmark_document_get_title (document);
      JsonObject *meta = spanmark_document_get_meta (document);

      g_string_append (out, i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ");
      spanmark_json_append_string (out, spanmark_document_get_id (document));
      g_string_append (out, ", \"path\": ");
      spanmark_json_append_string (out, spanmark_document_get_path (document));
      if (title != NULL)
        {
          g_string_append (out, ", \"title\": ");
          spanmark_json_append_string (out, title);
        }
      if (meta != NULL)
        {
          g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

          json_node_set_object (node, meta);
          g_string_append (out, ", \"meta\": ");
          spanmark_json_append_node (out, node);
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, n_documents > 0 ? "\n  ]\n}\n" : "]\n}\n");

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

char *
spanmark_json_write_annotations (SpanmarkAnnotationSet *set,
                                 const char            *modified,
                                 gsize                 *length)
{
  GString *out = g_string_new (NULL);
  const char *text = spanmark_annotation_set_get_text (set);
  g_autofree char *sha256 = spanmark_text_sha256 (text, -1);
  guint n_spans = spanmark_annotation_set_get_n_spans (set);
  guint n_entities = spanmark_annotation_set_get_n_entities (set);

  g_string_append_printf (out, "{\n  \"spanmark\": %d,\n  \"document\": ",
                          SPANMARK_PROJECT_FORMAT_VERSION);
  spanmark_json_append_string (out, spanmark_annotation_set_get_document_id (set));
  g_string_append (out, ",\n  \"text_sha256\": ");
  spanmark_json_append_string (out, sha256);
  g_string_append (out, ",\n  \"annotator\": ");
  spanmark_json_append_string (out, spanmark_annotation_set_get_annotator (set));
  g_string_append (out, ",\n  \"status\": ");
  spanmark_json_append_string (out, spanmark_status_to_string (spanmark_annotation_set_get_status (set)));
  g_string_append (out, ",\n  \"modified\": ");
  if (modified != NULL)
    spanmark_json_append_string (out, modified);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\n  \"spans\": [");

  for (guint i = 0; i < n_spans; i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);
      g_autoptr(GPtrArray) keys = spanmark_span_get_sorted_attr_keys (span);

      g_string_append (out, i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ");
      spanmark_json_append_string (out, span->id);
      g_string_append_printf (out, ", \"start\": %u, \"end\": %u, \"label\": ",
                              span->start, span->end);
      spanmark_json_append_string (out, span->label);
      g_string_append (out, ", \"text\": ");
      spanmark_json_append_string (out, span->text != NULL ? span->text : "");
      if (span->entity != NULL)
        {
          g_string_append (out, ", \"entity\": ");
          spanmark_json_append_string (out, span->entity);
        }
      if (keys != NULL && keys->len > 0)
        append_attrs (out, span->attrs, keys);
      g_string_append_c (out, '}');
    }
  g_string_append (out, n_spans > 0 ? "\n  ],\n  \"entities\": [" : "],\n  \"entities\": [");

  for (guint i = 0; i < n_entities; i++)
    {
      const SpanmarkEntity *entity = spanmark_annotation_set_get_entity (set, i);
      g_autoptr(GPtrArray) keys = spanmark_entity_get_sorted_attr_keys (entity);

      g_string_append (out, i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ");
      spanmark_json_append_string (out, entity->id);
      g_string_append (out, ", \"label\": ");
      spanmark_json_append_string (out, entity->label);
      g_string_append (out, ", \"name\": ");
      spanmark_json_append_string (out, entity->name != NULL ? entity->name : "");
      if (keys != NULL && keys->len > 0)
        append_attrs (out, entity->attrs, keys);
      g_string_append_c (out, '}');
    }
  g_string_append (out, n_entities > 0 ? "\n  ]" : "]");

  /* Only curated files have rejections (docs/formats.md); without any,
   * the file is exactly what it was before they existed. */
  for (guint i = 0; i < spanmark_annotation_set_get_n_rejections (set); i++)
    {
      const SpanmarkSpan *rejection = spanmark_annotation_set_get_rejection (set, i);

      g_string_append_printf (out, "%s\n    {\"start\": %u, \"end\": %u, \"label\": ",
                              i == 0 ? ",\n  \"rejected\": [" : ",", rejection->start, rejection->end);
      spanmark_json_append_string (out, rejection->label);
      g_string_append (out, ", \"text\": ");
      spanmark_json_append_string (out, rejection->text != NULL ? rejection->text : "");
      g_string_append_c (out, '}');
    }
  if (spanmark_annotation_set_get_n_rejections (set) > 0)
    g_string_append (out, "\n  ]");
  g_string_append (out, "\n}\n");

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/* Reading */

/* Where in a file a problem is: the file, and the object being read
 * (NULL for the top level, whose members are then named as the place). */
typedef struct
{
  SpanmarkChecker *checker;
  const char      *file;
  const char      *location;
} Place;

static void place_problem (Place      *place,
                           int         code,
                           const char *key,
                           const char *format,
                           ...) G_GNUC_PRINTF (4, 5);

static void
place_problem (Place      *place,
               int         code,
               const char *key,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (place->location == NULL && key != NULL)
    {
      g_autofree char *location = g_strdup_printf ("\"%s\"", key);

      spanmark_checker_add (place->checker, code, place->file, location, "%s", message);
    }
  else if (key != NULL)
    spanmark_checker_add (place->checker, code, place->file, place->location,
                          "%s %s", key, message);
  else
    spanmark_checker_add (place->checker, code, place->file, place->location,
                          "%s", message);
}

static const char *
describe_node (JsonNode *node)
{
  GType type;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      type = json_node_get_value_type (node);
      if (type == G_TYPE_STRING)
        return _("a string");
      if (type == G_TYPE_BOOLEAN)
        return _("a boolean");
      if (type == G_TYPE_INT64)
        return _("an integer");
      return _("a number");
    }
}

/* Long strings are cut in messages so a message stays one line. */
static char *
shorten (const char *str)
{
  GString *out;
  glong n = g_utf8_strlen (str, -1);

  if (n <= 40)
    out = g_string_new (str);
  else
    {
      const char *end = g_utf8_offset_to_pointer (str, 40);

      out = g_string_new_len (str, end - str);
      g_string_append (out, "…");
    }

  g_string_replace (out, "\n", "\\n", 0);

  return g_string_free (out, FALSE);
}

static JsonNode *
get_member (Place      *place,
            JsonObject *object,
            const char *key,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL && required)
    place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key, _("is missing"));

  return node;
}

/* Stores NULL in @out when the member is absent (or null, if @nullable).
 * Returns FALSE when a problem was noted. */
static gboolean
get_string (Place       *place,
            JsonObject  *object,
            const char  *key,
            gboolean     required,
            gboolean     nullable,
            const char **out)
{
  JsonNode *node = get_member (place, object, key, required);

  *out = NULL;

  if (node == NULL)
    return !required;

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key,
                     _("must be a string, not %s"), describe_node (node));
      return FALSE;
    }

  *out = json_node_get_string (node);

  return TRUE;
}

static gboolean
get_uint (Place      *place,
          JsonObject *object,
          const char *key,
          guint      *out)
{
  JsonNode *node = get_member (place, object, key, TRUE);
  gint64 value;

  *out = 0;

  if (node == NULL)
    return FALSE;

  /* Say which number: "end must be a non-negative integer, not 1e+23". */
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (number, sizeof number, "%.15g", json_node_get_double (node));
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key,
                     _("must be a non-negative integer, not %s"), number);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key,
                     _("must be a non-negative integer, not %s"), describe_node (node));
      return FALSE;
    }

  value = json_node_get_int (node);
  if (value < 0)
    {
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key,
                     _("%lld is negative"), (long long) value);
      return FALSE;
    }

  if (value > G_MAXUINT)
    {
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key,
                     _("%lld is too large"), (long long) value);
      return FALSE;
    }

  *out = (guint) value;

  return TRUE;
}

/* Optional "attrs": an object of strings, copied into @attrs. */
static gboolean
get_attrs (Place      *place,
           JsonObject *object,
           GHashTable *attrs)
{
  JsonNode *node = get_member (place, object, "attrs", FALSE);
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  gboolean ok = TRUE;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, "attrs",
                     _("must be an object, not %s"), describe_node (node));
      return FALSE;
    }

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
        {
          g_autofree char *name = g_strdup_printf ("attrs.%s", key);

          place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, name,
                         _("must be a string, not %s"), describe_node (member));
          ok = FALSE;
          continue;
        }

      if (attrs != NULL)
        g_hash_table_insert (attrs, g_strdup (key), g_strdup (json_node_get_string (member)));
    }

  return ok;
}

static JsonArray *
get_array (Place      *place,
           JsonObject *object,
           const char *key,
           gboolean    required)
{
  JsonNode *node = get_member (place, object, key, required);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key,
                     _("must be an array, not %s"), describe_node (node));
      return NULL;
    }

  return json_node_get_array (node);
}

/* "spanmark": 1 */
static gboolean
check_version (Place      *place,
               JsonObject *object)
{
  JsonNode *node = get_member (place, object, "spanmark", TRUE);

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, "spanmark",
                     _("must be the format version %d, not %s"),
                     SPANMARK_PROJECT_FORMAT_VERSION, describe_node (node));
      return FALSE;
    }

  if (json_node_get_int (node) != SPANMARK_PROJECT_FORMAT_VERSION)
    {
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, "spanmark",
                     _("format version %lld is not supported (this version of Spanmark reads version %d)"),
                     (long long) json_node_get_int (node), SPANMARK_PROJECT_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

void
spanmark_checker_add_syntax (SpanmarkChecker          *self,
                             const char               *file,
                             const SpanmarkJsonSyntax *syntax)
{
  g_autofree char *location = NULL;

  if (syntax->line > 0)
    location = g_strdup_printf (_("line %u, column %u"), syntax->line, syntax->column);
  spanmark_checker_add (self, SPANMARK_PROJECT_ERROR_PARSE, file, location, "%s", syntax->message);
}

gboolean
spanmark_json_check_syntax (SpanmarkChecker *checker,
                            const char      *file,
                            const char      *data,
                            gsize            length)
{
  SpanmarkJsonSyntax syntax = { NULL, };

  if (spanmark_json_syntax_check (&syntax, data, length))
    return TRUE;

  spanmark_checker_add_syntax (checker, file, &syntax);
  spanmark_json_syntax_clear (&syntax);

  return FALSE;
}

JsonNode *
spanmark_json_parse (SpanmarkChecker *checker,
                     const char      *file,
                     const char      *data,
                     gsize            length)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  /* The strict check first: json-glib would accept what other readers
   * refuse, decode some strings wrongly and crash on deep nesting. */
  if (!spanmark_json_check_syntax (checker, file, data, length))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      /* Not reached for input the check accepts; json-glib's own message
       * ("<data>:1:22: Parse error: …") is not for users. */
      g_debug ("%s: json-glib refused what the syntax check accepted: %s", file, error->message);
      spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_PARSE, file, NULL,
                            _("not valid JSON"));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_PARSE, file, NULL,
                            _("the file is empty"));
      return NULL;
    }

  return json_node_ref (root);
}

void
spanmark_index_clear (SpanmarkIndex *index)
{
  g_clear_pointer (&index->name, g_free);
  g_clear_object (&index->schema);
  g_clear_pointer (&index->documents, g_ptr_array_unref);
  g_clear_pointer (&index->locations, g_ptr_array_unref);
  g_clear_pointer (&index->bad_ids, g_hash_table_unref);
}

/* The object that is item @i of the array @array; sets @location to the
 * place to name for it: "ARRAY[i]", with the item's @key ("id" or
 * "name") when that is a string.  Notes a problem and returns NULL when
 * the item is not an object. */
static JsonObject *
item_object (SpanmarkChecker  *checker,
             const char       *file,
             JsonNode         *node,
             const char       *array,
             guint             i,
             const char       *key,
             char            **location)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *name = object != NULL ? json_object_get_member (object, key) : NULL;

  if (name != NULL && JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING)
    *location = g_strdup_printf ("%s[%u] (%s \"%s\")", array, i, key, json_node_get_string (name));
  else
    *location = g_strdup_printf ("%s[%u]", array, i);

  if (object == NULL)
    spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_INVALID, file, *location,
                          _("must be an object, not %s"), describe_node (node));

  return object;
}

static gboolean
is_color (const char *color)
{
  if (strlen (color) != 7 || color[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

static void
read_label (SpanmarkChecker *checker,
            JsonNode        *node,
            guint            i,
            SpanmarkSchema  *schema,
            GHashTable      *keys)
{
  g_autofree char *location = NULL;
  g_autoptr(GStrvBuilder) attrs = g_strv_builder_new ();
  g_auto(GStrv) attr_names = NULL;
  g_autoptr(SpanmarkLabel) label = NULL;
  const char *name, *title, *color, *key;
  JsonArray *array = NULL;
  JsonObject *object;
  Place place = { checker, "spanmark.json", NULL };
  gboolean name_ok = TRUE;

  object = item_object (checker, "spanmark.json", node, "labels", i, "name", &location);
  if (object == NULL)
    return;
  place.location = location;

  /* Only a problem with the name leaves the label out: with a bad colour
   * or key it still checks the annotation files that use it, so one
   * mistake does not bring a flood of "unknown label" problems. */
  name_ok = get_string (&place, object, "name", TRUE, FALSE, &name) && name != NULL;
  if (!get_string (&place, object, "title", FALSE, FALSE, &title))
    title = NULL;
  if (!get_string (&place, object, "color", FALSE, FALSE, &color))
    color = NULL;
  if (!get_string (&place, object, "key", FALSE, TRUE, &key))
    key = NULL;

  if (name != NULL && name[0] == '\0')
    {
      place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "name", _("is empty"));
      name_ok = FALSE;
    }

  if (name != NULL && name[0] != '\0' && spanmark_schema_lookup (schema, name) != NULL)
    {
      place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "name",
                     _("\"%s\" is used by another label too"), name);
      name_ok = FALSE;
    }

  if (color != NULL && !is_color (color))
    {
      place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "color",
                     _("\"%s\" is not a colour of the form #rrggbb"), color);
      color = NULL;
    }

  if (key != NULL && key[0] == '\0')
    key = NULL;

  if (key != NULL && g_utf8_strlen (key, -1) != 1)
    {
      place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "key",
                     _("\"%s\" must be a single character"), key);
      key = NULL;
    }
  else if (key != NULL && g_hash_table_contains (keys, key))
    {
      place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "key",
                     _("\"%s\" is the shortcut of another label too"), key);
      key = NULL;
    }

  if (json_object_has_member (object, "attrs"))
    array = get_array (&place, object, "attrs", FALSE);

  for (guint j = 0; array != NULL && j < json_array_get_length (array); j++)
    {
      JsonNode *element = json_array_get_element (array, j);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_autofree char *attr_key = g_strdup_printf ("attrs[%u]", j);

          place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, attr_key,
                         _("must be a string, not %s"), describe_node (element));
          continue;
        }

      g_strv_builder_add (attrs, json_node_get_string (element));
    }

  if (!name_ok)
    return;

  attr_names = g_strv_builder_end (attrs);
  label = spanmark_label_new (name, title != NULL ? title : name,
                              color != NULL ? color : DEFAULT_LABEL_COLOR,
                              key, (const char * const *) attr_names);
  spanmark_schema_add_label (schema, label);
  if (key != NULL)
    g_hash_table_add (keys, g_strdup (key));
}

/* "documents[3] (id \"d4\"): path … (and 1 more problem)": the problems
 * noted since @first, as one line. */
static char *
describe_problems (SpanmarkChecker *checker,
                   guint            first)
{
  const SpanmarkProblem *problem = g_ptr_array_index (checker->problems, first);
  guint others = checker->problems->len - first - 1;
  g_autofree char *text = spanmark_problem_to_short_string (problem);

  if (others == 0)
    return g_steal_pointer (&text);

  return g_strdup_printf (ngettext ("%s (and %u more problem)",
                                    "%s (and %u more problems)", others),
                          text, others);
}

/* An entry that cannot be used is still listed, with its problem, so
 * that the project opens and shows what is wrong where. */
static void
add_broken_document (SpanmarkIndex   *index,
                     SpanmarkChecker *checker,
                     guint            first,
                     const char      *id,
                     const char      *path,
                     const char      *title,
                     char            *location)
{
  g_autofree char *problem = describe_problems (checker, first);
  SpanmarkDocument *document;

  /* Without an id, the place in the index is the best name there is. */
  document = spanmark_document_new (id != NULL ? id : "", path != NULL ? path : "",
                                    title != NULL || id != NULL ? title : location);
  spanmark_document_set_problem (document, problem);
  g_ptr_array_add (index->documents, document);
  g_ptr_array_add (index->locations, location);
}

static void
read_document (SpanmarkChecker *checker,
               JsonNode        *node,
               guint            i,
               SpanmarkIndex   *index,
               GHashTable      *ids)
{
  g_autofree char *location = NULL;
  SpanmarkDocument *document;
  const char *id, *path, *title;
  JsonNode *meta = NULL;
  JsonObject *object;
  Place place = { checker, "spanmark.json", NULL };
  guint first = spanmark_checker_get_n_problems (checker);
  gboolean ok = TRUE;

  object = item_object (checker, "spanmark.json", node, "documents", i, "id", &location);
  if (object == NULL)
    {
      add_broken_document (index, checker, first, NULL, NULL, NULL, g_steal_pointer (&location));
      return;
    }
  place.location = location;

  /* Only the id and the path decide whether the document can be used;
   * a bad title or meta is reported and left out. */
  ok &= get_string (&place, object, "id", TRUE, FALSE, &id);
  ok &= get_string (&place, object, "path", TRUE, FALSE, &path);
  if (!get_string (&place, object, "title", FALSE, TRUE, &title))
    title = NULL;

  if (id != NULL && !spanmark_project_is_valid_id (id))
    {
      place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "id",
                     _("\"%s\" is not a valid document id (letters, digits, \"-\", \"_\" and \".\", not starting with \".\")"),
                     id);
      ok = FALSE;
    }
  else if (id != NULL && g_hash_table_contains (ids, id))
    {
      place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "id",
                     _("\"%s\" is used by another document too"), id);
      ok = FALSE;
    }

  if (path != NULL && !spanmark_json_is_inside_path (path))
    {
      place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "path",
                     _("\"%s\" is outside the project folder"), path);
      ok = FALSE;
    }

  if (json_object_has_member (object, "meta"))
    {
      meta = json_object_get_member (object, "meta");
      if (JSON_NODE_HOLDS_NULL (meta))
        meta = NULL;
      else if (!JSON_NODE_HOLDS_OBJECT (meta))
        {
          place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "meta",
                         _("must be an object, not %s"), describe_node (meta));
          meta = NULL;
        }
    }

  if (id != NULL)
    g_hash_table_add (ids, g_strdup (id));

  if (!ok)
    {
      if (id != NULL)
        g_hash_table_add (index->bad_ids, g_strdup (id));
      add_broken_document (index, checker, first, id, path, title, g_steal_pointer (&location));
      return;
    }

  document = spanmark_document_new (id, path, title);
  if (meta != NULL)
    {
      /* A copy of its own, detached from the parsed tree. */
      g_autoptr(JsonNode) copy = json_node_copy (meta);

      spanmark_document_set_meta (document, json_node_get_object (copy));
    }
  g_ptr_array_add (index->documents, document);
  g_ptr_array_add (index->locations, g_steal_pointer (&location));
}

gboolean
spanmark_json_read_index (SpanmarkChecker *checker,
                          const char      *data,
                          gsize            length,
                          SpanmarkIndex   *index)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(GHashTable) ids = NULL;
  JsonObject *object;
  JsonArray *labels, *documents;
  const char *name;
  Place place = { checker, "spanmark.json", NULL };

  memset (index, 0, sizeof *index);

  root = spanmark_json_parse (checker, "spanmark.json", data, length);
  if (root == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_INVALID, "spanmark.json", NULL,
                            _("must hold a JSON object, not %s"), describe_node (root));
      return FALSE;
    }

  object = json_node_get_object (root);
  if (!check_version (&place, object))
    return FALSE;

  /* A problem here is not one entry's: the index as a whole is wrong. */
  index->top_level_ok = get_string (&place, object, "name", TRUE, FALSE, &name);
  labels = get_array (&place, object, "labels", TRUE);
  documents = get_array (&place, object, "documents", TRUE);
  index->top_level_ok &= labels != NULL && documents != NULL;

  index->name = g_strdup (name != NULL ? name : "");
  index->schema = spanmark_schema_new ();
  index->documents = g_ptr_array_new_with_free_func (g_object_unref);
  index->locations = g_ptr_array_new_with_free_func (g_free);
  index->bad_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; labels != NULL && i < json_array_get_length (labels); i++)
    read_label (checker, json_array_get_element (labels, i), i, index->schema, keys);

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; documents != NULL && i < json_array_get_length (documents); i++)
    read_document (checker, json_array_get_element (documents, i), i, index, ids);

  return TRUE;
}

gboolean
spanmark_json_is_inside_path (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || path[0] == '\0' || g_path_is_absolute (path) || path[0] == '/')
    return FALSE;

  /* A backslash is a separator on Windows: refuse it everywhere so a
   * project means the same on every system. */
  if (strchr (path, '\\') != NULL)
    return FALSE;

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      return FALSE;

  return TRUE;
}

char *
spanmark_json_read_text (SpanmarkChecker *checker,
                         GFile           *dir,
                         const char      *index_location,
                         const char      *path,
                         gsize           *length)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0, bad = 0;

  if (!spanmark_json_is_inside_path (path))
    {
      spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_INVALID, "spanmark.json", index_location,
                            _("path \"%s\" is outside the project folder"), path);
      return NULL;
    }

  if (!spanmark_file_read_in_project (dir, path, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                      &data, &len, &error))
    {
      /* A link out is the index entry's fault: name the entry. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_INVALID, "spanmark.json", index_location,
                              _("path \"%s\" leads outside the project folder (through a symbolic link)"),
                              path);
      else
        spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_TEXT, path, NULL, "%s", error->message);
      return NULL;
    }

  if (!spanmark_text_validate (data, len, &bad, &error))
    {
      g_autofree char *location = g_strdup_printf (_("byte %zu"), bad);

      spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_TEXT, path, location,
                            g_error_matches (error, SPANMARK_TEXT_ERROR, SPANMARK_TEXT_ERROR_NUL)
                            ? _("the text contains a NUL byte")
                            : _("the text is not valid UTF-8"));
      return NULL;
    }

  if (length != NULL)
    *length = len;

  return g_steal_pointer (&data);
}

/* Annotation files */

/* Checks an item's "id": a non-empty string not seen before in the same
 * array.  @ids maps id -> index. */
static gboolean
check_item_id (Place       *place,
               JsonObject  *object,
               const char  *array,
               GHashTable  *ids,
               guint        i,
               const char **id)
{
  gpointer other;

  if (!get_string (place, object, "id", TRUE, FALSE, id))
    return FALSE;

  if ((*id)[0] == '\0')
    {
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, "id", _("is empty"));
      return FALSE;
    }

  if (g_hash_table_lookup_extended (ids, *id, NULL, &other))
    {
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, "id",
                     _("\"%s\" is used twice (also %s[%u])"),
                     *id, array, GPOINTER_TO_UINT (other));
      return FALSE;
    }

  g_hash_table_insert (ids, (char *) *id, GUINT_TO_POINTER (i));

  return TRUE;
}

static gboolean
check_label (Place          *place,
             JsonObject     *object,
             SpanmarkSchema *schema,
             const char    **label)
{
  if (!get_string (place, object, "label", TRUE, FALSE, label))
    return FALSE;

  if (schema != NULL && spanmark_schema_lookup (schema, *label) == NULL)
    {
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, "label",
                     _("\"%s\" is not a label of the project"), *label);
      return FALSE;
    }

  return TRUE;
}

static SpanmarkEntity *
read_entity (Place          *place,
             JsonObject     *object,
             guint           i,
             SpanmarkSchema *schema,
             GHashTable     *ids)
{
  g_autoptr(SpanmarkEntity) entity = NULL;
  const char *id, *label, *name;
  gboolean ok = TRUE;

  ok &= check_item_id (place, object, "entities", ids, i, &id);
  ok &= check_label (place, object, schema, &label);
  ok &= get_string (place, object, "name", TRUE, FALSE, &name);

  entity = spanmark_entity_new (id != NULL ? id : "", label != NULL ? label : "",
                                name != NULL ? name : "");
  ok &= get_attrs (place, object, entity->attrs);

  return ok ? g_steal_pointer (&entity) : NULL;
}

/* What spans and rejections share: "start", "end", "label" and the
 * covered "text", checked against the text (when known) and the schema.
 * Returns FALSE when a problem was noted. */
static gboolean
read_extent (Place              *place,
             JsonObject         *object,
             SpanmarkSchema     *schema,
             SpanmarkTextIndex  *text_index,
             guint              *start,
             guint              *end,
             const char        **label,
             const char        **text)
{
  gboolean ok = TRUE, offsets_ok = TRUE;

  offsets_ok &= get_uint (place, object, "start", start);
  offsets_ok &= get_uint (place, object, "end", end);

  if (offsets_ok && *end <= *start)
    {
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, "end",
                     _("%u is not after start %u"), *end, *start);
      offsets_ok = FALSE;
    }

  if (offsets_ok && text_index != NULL && *end > spanmark_text_index_get_length (text_index))
    {
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, "end",
                     _("%u is past the end of the text (%u characters)"),
                     *end, spanmark_text_index_get_length (text_index));
      offsets_ok = FALSE;
    }

  ok &= offsets_ok;
  ok &= check_label (place, object, schema, label);
  ok &= get_string (place, object, "text", TRUE, FALSE, text);

  if (offsets_ok && *text != NULL && text_index != NULL)
    {
      g_autofree char *covered = spanmark_text_index_slice (text_index, *start, *end);

      if (!g_str_equal (covered, *text))
        {
          g_autofree char *short_text = shorten (*text);
          g_autofree char *short_covered = shorten (covered);

          place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, "text",
                         _("\"%s\" differs from the text at %u–%u, \"%s\""),
                         short_text, *start, *end, short_covered);
          ok = FALSE;
        }
    }

  return ok;
}

static SpanmarkSpan *
read_span (Place             *place,
           JsonObject        *object,
           guint              i,
           SpanmarkSchema    *schema,
           SpanmarkTextIndex *text_index,
           GHashTable        *ids,
           GHashTable        *entity_ids)
{
  g_autoptr(SpanmarkSpan) span = NULL;
  const char *id, *label, *text, *entity;
  guint start, end;
  gboolean ok;

  ok = check_item_id (place, object, "spans", ids, i, &id);
  ok &= read_extent (place, object, schema, text_index, &start, &end, &label, &text);

  if (!get_string (place, object, "entity", FALSE, TRUE, &entity))
    ok = FALSE;
  else if (entity != NULL && !g_hash_table_contains (entity_ids, entity))
    {
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, "entity",
                     _("\"%s\" is not an entity of this file"), entity);
      ok = FALSE;
    }

  span = spanmark_span_new (id != NULL ? id : "", start, end,
                            label != NULL ? label : "", text != NULL ? text : "");
  span->entity = g_strdup (entity);
  ok &= get_attrs (place, object, span->attrs);

  return ok ? g_steal_pointer (&span) : NULL;
}

/* The optional "rejected" of a curated file (the versions a reviewer
 * decided against, docs/formats.md): each {"start", "end", "label",
 * "text"}, checked as a span's are, none twice.  Any other annotator's
 * file with one is a problem: only the curated version makes decisions. */
static GPtrArray *
read_rejections (Place             *place,
                 JsonObject        *object,
                 const char        *annotator,
                 SpanmarkSchema    *schema,
                 SpanmarkTextIndex *text_index)
{
  GPtrArray *rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_span_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array = get_array (place, object, "rejected", FALSE);

  if (array != NULL && g_strcmp0 (annotator, SPANMARK_CURATED_ANNOTATOR) != 0)
    {
      place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, "rejected",
                     _("is only allowed in the curated version (%s)"), SPANMARK_CURATED_ANNOTATOR);
      return rejections;
    }

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *location = NULL;
      g_autofree char *key = NULL;
      JsonObject *item = item_object (place->checker, place->file, json_array_get_element (array, i),
                                      "rejected", i, "label", &location);
      Place item_place = { place->checker, place->file, location };
      const char *label, *text;
      guint start, end;

      if (item == NULL || !read_extent (&item_place, item, schema, text_index, &start, &end, &label, &text))
        continue;

      key = g_strdup_printf ("%u %u %s", start, end, label);
      if (!g_hash_table_add (seen, g_steal_pointer (&key)))
        {
          place_problem (&item_place, SPANMARK_PROJECT_ERROR_INVALID, NULL,
                         _("rejects %u–%u %s a second time"), start, end, label);
          continue;
        }
      g_ptr_array_add (rejections, spanmark_span_new (NULL, start, end, label, text));
    }

  return rejections;
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
  g_autoptr(SpanmarkTextIndex) text_index = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  SpanmarkStatus status = SPANMARK_STATUS_NEW;
  const char *value, *modified = NULL;
  JsonArray *span_array, *entity_array;
  JsonObject *object;
  Place place = { checker, file, NULL };
  guint n_before = spanmark_checker_get_n_problems (checker);

  root = spanmark_json_parse (checker, file, data, length);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_INVALID, file, NULL,
                            _("must hold a JSON object, not %s"), describe_node (root));
      return NULL;
    }

  object = json_node_get_object (root);
  if (!check_version (&place, object))
    return NULL;

  if (get_string (&place, object, "document", TRUE, FALSE, &value)
      && value != NULL && !g_str_equal (value, document_id))
    place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "document",
                   _("\"%s\" does not match the file name (expected \"%s\")"),
                   value, document_id);

  if (get_string (&place, object, "text_sha256", TRUE, FALSE, &value)
      && value != NULL && text != NULL)
    {
      g_autofree char *sha256 = spanmark_text_sha256 (text, -1);

      if (g_ascii_strcasecmp (value, sha256) != 0)
        place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "text_sha256",
                       _("does not match the document text: the text changed after these annotations were made"));
    }

  if (get_string (&place, object, "annotator", TRUE, FALSE, &value)
      && value != NULL && !g_str_equal (value, annotator))
    place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "annotator",
                   _("\"%s\" does not match the folder name (expected \"%s\")"),
                   value, annotator);

  if (get_string (&place, object, "status", TRUE, FALSE, &value)
      && value != NULL && !spanmark_status_from_string (value, &status))
    place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "status",
                   _("\"%s\" is not a status (new, in-progress, done, reviewed)"), value);

  get_string (&place, object, "modified", FALSE, TRUE, &modified);

  if (text != NULL)
    text_index = spanmark_text_index_new (text, -1);

  /* Entities first, so spans can be checked against them. */
  entity_ids = g_hash_table_new (g_str_hash, g_str_equal);
  entities = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_entity_free);
  entity_array = get_array (&place, object, "entities", FALSE);
  for (guint i = 0; entity_array != NULL && i < json_array_get_length (entity_array); i++)
    {
      g_autofree char *location = NULL;
      JsonObject *item = item_object (checker, file, json_array_get_element (entity_array, i),
                                      "entities", i, "id", &location);
      Place item_place = { checker, file, location };
      SpanmarkEntity *entity;

      if (item == NULL)
        continue;

      entity = read_entity (&item_place, item, i, schema, entity_ids);
      if (entity != NULL)
        g_ptr_array_add (entities, entity);
    }

  span_ids = g_hash_table_new (g_str_hash, g_str_equal);
  spans = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_span_free);
  span_array = get_array (&place, object, "spans", TRUE);
  for (guint i = 0; span_array != NULL && i < json_array_get_length (span_array); i++)
    {
      g_autofree char *location = NULL;
      JsonObject *item = item_object (checker, file, json_array_get_element (span_array, i),
                                      "spans", i, "id", &location);
      Place item_place = { checker, file, location };
      SpanmarkSpan *span;

      if (item == NULL)
        continue;

      span = read_span (&item_place, item, i, schema, text_index, span_ids, entity_ids);
      if (span != NULL)
        g_ptr_array_add (spans, span);
    }

  rejections = read_rejections (&place, object, annotator, schema, text_index);

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
