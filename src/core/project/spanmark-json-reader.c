/* spanmark-json-reader.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "spanmark-annotation-rules.h"
#include "spanmark-json-reader.h"
#include "spanmark-project-error.h"

void
spanmark_json_place_problem (SpanmarkJsonPlace *place,
                             int                code,
                             const char        *key,
                             const char        *format,
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

const char *
spanmark_json_describe_node (JsonNode *node)
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

JsonNode *
spanmark_json_get_member (SpanmarkJsonPlace *place,
                          JsonObject        *object,
                          const char        *key,
                          gboolean           required)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL && required)
    spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key, _("is missing"));

  return node;
}

/* Stores NULL in @out when the member is absent (or null, if @nullable).
 * Returns FALSE when a problem was noted. */
gboolean
spanmark_json_get_string (SpanmarkJsonPlace *place,
                          JsonObject        *object,
                          const char        *key,
                          gboolean           required,
                          gboolean           nullable,
                          const char       **out)
{
  JsonNode *node = spanmark_json_get_member (place, object, key, required);

  *out = NULL;

  if (node == NULL)
    return !required;

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key,
                                   _("must be a string, not %s"), spanmark_json_describe_node (node));
      return FALSE;
    }

  *out = json_node_get_string (node);

  return TRUE;
}

gboolean
spanmark_json_get_uint (SpanmarkJsonPlace *place,
                        JsonObject        *object,
                        const char        *key,
                        guint             *out)
{
  JsonNode *node = spanmark_json_get_member (place, object, key, TRUE);
  gint64 value;

  *out = 0;

  if (node == NULL)
    return FALSE;

  /* Say which number: "end must be a non-negative integer, not 1e+23". */
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (number, sizeof number, "%.15g", json_node_get_double (node));
      spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key,
                                   _("must be a non-negative integer, not %s"), number);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key,
                                   _("must be a non-negative integer, not %s"), spanmark_json_describe_node (node));
      return FALSE;
    }

  value = json_node_get_int (node);
  if (value < 0)
    {
      spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key,
                                   _("%lld is negative"), (long long) value);
      return FALSE;
    }

  if (value > G_MAXUINT)
    {
      spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key,
                                   _("%lld is too large"), (long long) value);
      return FALSE;
    }

  *out = (guint) value;

  return TRUE;
}

/* Optional "attrs": an object of strings, copied into @attrs. */
gboolean
spanmark_json_get_attrs (SpanmarkJsonPlace *place,
                         JsonObject        *object,
                         GHashTable        *attrs)
{
  JsonNode *node = spanmark_json_get_member (place, object, "attrs", FALSE);
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  gboolean ok = TRUE;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, "attrs",
                                   _("must be an object, not %s"), spanmark_json_describe_node (node));
      return FALSE;
    }

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
        {
          g_autofree char *name = g_strdup_printf ("attrs.%s", key);

          spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, name,
                                       _("must be a string, not %s"), spanmark_json_describe_node (member));
          ok = FALSE;
          continue;
        }

      if (attrs != NULL)
        g_hash_table_insert (attrs, g_strdup (key), g_strdup (json_node_get_string (member)));
    }

  return ok;
}

JsonArray *
spanmark_json_get_array (SpanmarkJsonPlace *place,
                         JsonObject        *object,
                         const char        *key,
                         gboolean           required)
{
  JsonNode *node = spanmark_json_get_member (place, object, key, required);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key,
                                   _("must be an array, not %s"), spanmark_json_describe_node (node));
      return NULL;
    }

  return json_node_get_array (node);
}

/* "spanmark": 1, in spanmark.json and annotation files alike. */
gboolean
spanmark_json_check_version (SpanmarkJsonPlace *place,
                             JsonObject        *object)
{
  JsonNode *node = spanmark_json_get_member (place, object, "spanmark", TRUE);
  g_autofree char *message = NULL;

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, "spanmark",
                                   _("must be the format version %d, not %s"),
                                   SPANMARK_PROJECT_FORMAT_VERSION, spanmark_json_describe_node (node));
      return FALSE;
    }

  if (!spanmark_annotation_rules_check_version (json_node_get_int (node), &message))
    {
      spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, "spanmark", "%s", message);
      return FALSE;
    }

  return TRUE;
}

gboolean
spanmark_json_check_syntax (SpanmarkChecker              *checker,
                            const char                   *file,
                            const char                   *data,
                            gsize                         length,
                            const SpanmarkJsonIntegerKey *integer_keys)
{
  SpanmarkJsonSyntax syntax = {
    .integer_keys = integer_keys != NULL ? integer_keys : spanmark_json_version_keys,
  };

  if (spanmark_json_syntax_check (&syntax, data, length))
    return TRUE;

  spanmark_checker_add_syntax (checker, file, &syntax);
  spanmark_json_syntax_clear (&syntax);

  return FALSE;
}

JsonNode *
spanmark_json_parse (SpanmarkChecker              *checker,
                     const char                   *file,
                     const char                   *data,
                     gsize                         length,
                     const SpanmarkJsonIntegerKey *integer_keys)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  /* The strict check first: json-glib would accept what other readers
   * refuse, decode some strings wrongly and crash on deep nesting. */
  if (!spanmark_json_check_syntax (checker, file, data, length, integer_keys))
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

/* The object that is item @i of the array @array; sets @location to the
 * place to name for it: "ARRAY[i]", with the item's @key ("id" or
 * "name") when that is a string.  Notes a problem and returns NULL when
 * the item is not an object. */
JsonObject *
spanmark_json_item_object (SpanmarkChecker *checker,
                           const char      *file,
                           JsonNode        *node,
                           const char      *array,
                           guint            i,
                           const char      *key,
                           char           **location)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *name = object != NULL ? json_object_get_member (object, key) : NULL;

  if (name != NULL && JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING)
    *location = g_strdup_printf ("%s[%u] (%s \"%s\")", array, i, key, json_node_get_string (name));
  else
    *location = g_strdup_printf ("%s[%u]", array, i);

  if (object == NULL)
    spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_INVALID, file, *location,
                          _("must be an object, not %s"), spanmark_json_describe_node (node));

  return object;
}
