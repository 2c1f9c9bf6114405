/* spanmark-index.c — reading and writing spanmark.json
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-index.h"
#include "spanmark-json-reader.h"
#include "spanmark-json-syntax.h"
#include "spanmark-json-writer.h"
#include "spanmark-label-rules.h"
#include "spanmark-project-error.h"
#include "spanmark-project-ids.h"

#define DEFAULT_LABEL_COLOR "#77767b"

void
spanmark_index_clear (SpanmarkIndex *index)
{
  g_clear_pointer (&index->name, g_free);
  g_clear_object (&index->schema);
  g_clear_pointer (&index->documents, g_ptr_array_unref);
  g_clear_pointer (&index->locations, g_ptr_array_unref);
  g_clear_pointer (&index->bad_ids, g_hash_table_unref);
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

/* A label's optional "title_words": a bad word is reported and left
 * out, and the label works on with the others. */
static void
read_title_words (SpanmarkJsonPlace *place,
                  JsonObject        *object,
                  SpanmarkLabel     *label)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) words = NULL;
  JsonArray *array = NULL;

  if (json_object_has_member (object, "title_words"))
    array = spanmark_json_get_array (place, object, "title_words", FALSE);

  for (guint j = 0; array != NULL && j < json_array_get_length (array); j++)
    {
      JsonNode *element = json_array_get_element (array, j);
      g_autofree char *word_key = g_strdup_printf ("title_words[%u]", j);
      g_autoptr(GError) error = NULL;
      const char *word;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, word_key,
                                       _("must be a string, not %s"), spanmark_json_describe_node (element));
          continue;
        }

      word = json_node_get_string (element);
      if (!spanmark_label_rules_check_title_word (word, &error))
        {
          spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, word_key, "%s", error->message);
          continue;
        }
      if (!g_hash_table_add (seen, (gpointer) word))
        {
          spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, word_key,
                                       _("“%s” is listed twice"), word);
          continue;
        }
      g_strv_builder_add (builder, word);
    }

  words = g_strv_builder_end (builder);
  spanmark_label_set_title_words (label, (const char * const *) words);
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
  SpanmarkJsonPlace place = { checker, "spanmark.json", NULL };
  gboolean name_ok = TRUE;

  object = spanmark_json_item_object (checker, "spanmark.json", node, "labels", i, "name", &location);
  if (object == NULL)
    return;
  place.location = location;

  /* Only a problem with the name leaves the label out: with a bad colour
   * or key it still checks the annotation files that use it, so one
   * mistake does not bring a flood of "unknown label" problems. */
  name_ok = spanmark_json_get_string (&place, object, "name", TRUE, FALSE, &name) && name != NULL;
  if (!spanmark_json_get_string (&place, object, "title", FALSE, FALSE, &title))
    title = NULL;
  if (!spanmark_json_get_string (&place, object, "color", FALSE, FALSE, &color))
    color = NULL;
  if (!spanmark_json_get_string (&place, object, "key", FALSE, TRUE, &key))
    key = NULL;

  if (name != NULL && name[0] == '\0')
    {
      spanmark_json_place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "name", _("is empty"));
      name_ok = FALSE;
    }

  if (name != NULL && name[0] != '\0' && spanmark_schema_lookup (schema, name) != NULL)
    {
      spanmark_json_place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "name",
                                   _("\"%s\" is used by another label too"), name);
      name_ok = FALSE;
    }

  if (color != NULL && !is_color (color))
    {
      spanmark_json_place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "color",
                                   _("\"%s\" is not a colour of the form #rrggbb"), color);
      color = NULL;
    }

  if (key != NULL && key[0] == '\0')
    key = NULL;

  if (key != NULL && g_utf8_strlen (key, -1) != 1)
    {
      spanmark_json_place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "key",
                                   _("\"%s\" must be a single character"), key);
      key = NULL;
    }
  else if (key != NULL && g_hash_table_contains (keys, key))
    {
      spanmark_json_place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "key",
                                   _("\"%s\" is the shortcut of another label too"), key);
      key = NULL;
    }

  if (json_object_has_member (object, "attrs"))
    array = spanmark_json_get_array (&place, object, "attrs", FALSE);

  for (guint j = 0; array != NULL && j < json_array_get_length (array); j++)
    {
      JsonNode *element = json_array_get_element (array, j);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_autofree char *attr_key = g_strdup_printf ("attrs[%u]", j);

          spanmark_json_place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, attr_key,
                                       _("must be a string, not %s"), spanmark_json_describe_node (element));
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
  read_title_words (&place, object, label);
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
  SpanmarkJsonPlace place = { checker, "spanmark.json", NULL };
  guint first = spanmark_checker_get_n_problems (checker);
  gboolean ok = TRUE;

  object = spanmark_json_item_object (checker, "spanmark.json", node, "documents", i, "id", &location);
  if (object == NULL)
    {
      add_broken_document (index, checker, first, NULL, NULL, NULL, g_steal_pointer (&location));
      return;
    }
  place.location = location;

  /* Only the id and the path decide whether the document can be used;
   * a bad title or meta is reported and left out. */
  ok &= spanmark_json_get_string (&place, object, "id", TRUE, FALSE, &id);
  ok &= spanmark_json_get_string (&place, object, "path", TRUE, FALSE, &path);
  if (!spanmark_json_get_string (&place, object, "title", FALSE, TRUE, &title))
    title = NULL;

  if (id != NULL && !spanmark_project_is_valid_id (id))
    {
      spanmark_json_place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "id",
                                   _("\"%s\" is not a valid document id (letters, digits, \"-\", \"_\" and \".\", not starting with \".\")"),
                                   id);
      ok = FALSE;
    }
  else if (id != NULL && g_hash_table_contains (ids, id))
    {
      spanmark_json_place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "id",
                                   _("\"%s\" is used by another document too"), id);
      ok = FALSE;
    }

  if (path != NULL && !spanmark_project_is_inside_path (path))
    {
      spanmark_json_place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "path",
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
          spanmark_json_place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "meta",
                                       _("must be an object, not %s"), spanmark_json_describe_node (meta));
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

/* The fast way through "documents".  An index of ten thousand documents
 * is most of a project's opening, and most of that is json-glib building
 * a tree of the document list: the list as Spanmark writes it (entries
 * with an "id", a "path" and perhaps a "title", all strings) is read
 * here without one.  Anything else, and any entry with a problem, makes
 * the whole index go the way of read_document(), so that the documents,
 * problems and places are exactly what that gives. */

typedef struct
{
  const char *p;
  const char *end;
} Cursor;

static inline void
cursor_skip_space (Cursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\t' || *c->p == '\r'))
    c->p++;
}

static inline gboolean
cursor_take (Cursor *c,
             char    ch)
{
  cursor_skip_space (c);
  if (c->p < c->end && *c->p == ch)
    {
      c->p++;
      return TRUE;
    }
  return FALSE;
}

/* A string of input the syntax check accepted, decoded into @out. */
static gboolean
cursor_string (Cursor  *c,
               GString *out)
{
  const char *start;
  gboolean escaped = FALSE;

  if (!cursor_take (c, '"'))
    return FALSE;
  for (start = c->p; c->p < c->end && *c->p != '"'; c->p++)
    if (*c->p == '\\')
      {
        escaped = TRUE;
        c->p++;
      }
  if (c->p >= c->end)
    return FALSE;

  if (escaped)
    spanmark_json_syntax_decode (start, c->p - start, out);
  else
    {
      g_string_truncate (out, 0);
      g_string_append_len (out, start, c->p - start);
    }
  c->p++;
  return TRUE;
}

static gboolean
read_documents_fast (const char    *data,
                     gsize          length,
                     SpanmarkIndex *index)
{
  /* The ids of the documents made, which outlive the table. */
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) id = g_string_new (NULL);
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GString) title = g_string_new (NULL);
  Cursor c = { data, data + length };

  if (!cursor_take (&c, '['))
    return FALSE;
  if (cursor_take (&c, ']'))
    return TRUE;

  do
    {
      gboolean has_id = FALSE, has_path = FALSE, has_title = FALSE;
      guint i = index->documents->len;
      SpanmarkDocument *document;

      if (!cursor_take (&c, '{'))
        return FALSE;
      do
        {
          GString *value;

          /* The check refused a name given twice. */
          if (!cursor_string (&c, key) || !cursor_take (&c, ':'))
            return FALSE;
          if (g_str_equal (key->str, "id"))
            value = id, has_id = TRUE;
          else if (g_str_equal (key->str, "path"))
            value = path, has_path = TRUE;
          else if (g_str_equal (key->str, "title"))
            value = title, has_title = TRUE;
          else
            return FALSE;
          if (!cursor_string (&c, value))
            return FALSE;
        }
      while (cursor_take (&c, ','));
      if (!cursor_take (&c, '}'))
        return FALSE;

      /* read_document()'s checks: a problem is for it to report. */
      if (!has_id || !has_path || !spanmark_project_is_valid_id (id->str) ||
          g_hash_table_contains (ids, id->str) || !spanmark_project_is_inside_path (path->str))
        return FALSE;
      document = spanmark_document_new (id->str, path->str, has_title ? title->str : NULL);
      g_hash_table_add (ids, (char *) spanmark_document_get_id (document));
      g_ptr_array_add (index->documents, document);
      g_ptr_array_add (index->locations, g_strdup_printf ("documents[%u] (id \"%s\")", i, id->str));
    }
  while (cursor_take (&c, ','));

  if (!cursor_take (&c, ']'))
    return FALSE;
  cursor_skip_space (&c);
  return c.p == c.end;
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
  g_autoptr(GPtrArray) fast_documents = NULL;
  g_autoptr(GPtrArray) fast_locations = NULL;
  g_autoptr(GString) rest = NULL;
  JsonObject *object;
  JsonArray *labels, *documents;
  const char *name;
  SpanmarkJsonPlace place = { checker, "spanmark.json", NULL };

  memset (index, 0, sizeof *index);

  /* The document list read the fast way when it can be; the rest of the
   * index, with an empty list in its place, the usual way. */
  if (g_getenv ("SPANMARK_INDEX_SLOW") == NULL)
    {
      SpanmarkJsonSyntax syntax = { .find_key = "documents" };

      if (spanmark_json_syntax_check (&syntax, data, length) && syntax.found != NULL)
        {
          SpanmarkIndex fast = { NULL, };

          fast.documents = g_ptr_array_new_with_free_func (g_object_unref);
          fast.locations = g_ptr_array_new_with_free_func (g_free);
          if (read_documents_fast (syntax.found, syntax.found_length, &fast))
            {
              gsize before = (gsize) (syntax.found - data);

              rest = g_string_sized_new (length - syntax.found_length + 2);
              g_string_append_len (rest, data, before);
              g_string_append (rest, "[]");
              g_string_append_len (rest, syntax.found + syntax.found_length,
                                   length - before - syntax.found_length);
            }
          fast_documents = g_steal_pointer (&fast.documents);
          fast_locations = g_steal_pointer (&fast.locations);
        }
      spanmark_json_syntax_clear (&syntax);
    }

  root = rest != NULL ? spanmark_json_parse (checker, "spanmark.json", rest->str, rest->len, NULL)
                      : spanmark_json_parse (checker, "spanmark.json", data, length, NULL);
  if (root == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_INVALID, "spanmark.json", NULL,
                            _("must hold a JSON object, not %s"), spanmark_json_describe_node (root));
      return FALSE;
    }

  object = json_node_get_object (root);
  if (!spanmark_json_check_version (&place, object))
    return FALSE;

  /* A problem here is not one entry's: the index as a whole is wrong. */
  index->top_level_ok = spanmark_json_get_string (&place, object, "name", TRUE, FALSE, &name);
  labels = spanmark_json_get_array (&place, object, "labels", TRUE);
  documents = spanmark_json_get_array (&place, object, "documents", TRUE);
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

  if (rest != NULL && documents != NULL)
    {
      g_ptr_array_extend_and_steal (index->documents, g_steal_pointer (&fast_documents));
      g_ptr_array_extend_and_steal (index->locations, g_steal_pointer (&fast_locations));
    }

  return TRUE;
}

void
spanmark_json_append_label_lists (GString             *out,
                                  const SpanmarkLabel *label)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (label != NULL);

  g_string_append (out, ", \"attrs\": ");
  spanmark_json_append_strv (out, (const char * const *) label->attrs);
  /* Only when there are some, so that files without them are what they
   * were before title words existed. */
  if (label->title_words[0] != NULL)
    {
      g_string_append (out, ", \"title_words\": ");
      spanmark_json_append_strv (out, (const char * const *) label->title_words);
    }
}

void
spanmark_json_append_index_head (GString        *out,
                                 const char     *name,
                                 SpanmarkSchema *schema)
{
  guint n_labels;

  g_return_if_fail (out != NULL);
  g_return_if_fail (SPANMARK_IS_SCHEMA (schema));

  n_labels = spanmark_schema_get_n_labels (schema);
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
      spanmark_json_append_label_lists (out, label);
      g_string_append_c (out, '}');
    }
  g_string_append (out, n_labels > 0 ? "\n  ],\n  \"documents\": [" : "],\n  \"documents\": [");
}

void
spanmark_json_append_index_document (GString          *out,
                                     SpanmarkDocument *document,
                                     gboolean          first)
{
  const char *title;
  JsonObject *meta;

  g_return_if_fail (out != NULL);
  g_return_if_fail (SPANMARK_IS_DOCUMENT (document));

  title = spanmark_document_get_title (document);
  meta = spanmark_document_get_meta (document);
  g_string_append (out, first ? "\n    {\"id\": " : ",\n    {\"id\": ");
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

void
spanmark_json_append_index_tail (GString *out,
                                 guint    n_documents)
{
  g_return_if_fail (out != NULL);

  g_string_append (out, n_documents > 0 ? "\n  ]\n}\n" : "]\n}\n");
}

char *
spanmark_json_write_index (const char     *name,
                           SpanmarkSchema *schema,
                           GListModel     *documents,
                           gsize          *length)
{
  GString *out = g_string_new (NULL);
  guint n_documents = g_list_model_get_n_items (documents);

  spanmark_json_append_index_head (out, name, schema);
  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(SpanmarkDocument) document = g_list_model_get_item (documents, i);

      spanmark_json_append_index_document (out, document, i == 0);
    }
  spanmark_json_append_index_tail (out, n_documents);

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}
