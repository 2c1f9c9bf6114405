/* spanmark-import-jsonl.c — JSON lines: a document a line, spaCy or doccano style
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * {"id"?, "text", "spans"?: [{"start", "end", "label", "text"?, "entity"?,
 * "attrs"?}], "entities"?: [{"id", "label", "name"?, "attrs"?}]} as
 * spaCy and Spanmark's own jsonl export write it, or doccano's
 * {"id"?, "text", "label": [[start, end, "LABEL"], …]}; "title" and "meta"
 * go to the index.  Without "id" a document is called STEM-LINE.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-attrs-private.h"
#include "spanmark-import-format-private.h"
#include "spanmark-import-jsonl-private.h"
#include "spanmark-json.h"

static gboolean
json_get_offset (JsonNode *node,
                 gint64   *value)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static const char *
json_get_string (JsonObject *object,
                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
read_attrs (JsonObject  *object,
            GHashTable **attrs,
            const char  *display,
            guint        line,
            const char  *source,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, "attrs");
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("%s: “attrs” must be an object of strings"), source);
      return FALSE;
    }

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &key, &value))
    {
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        {
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                      _("%s: attribute “%s” must be a string"), source, key);
          return FALSE;
        }
      g_hash_table_insert (_spanmark_attrs_writable (attrs), g_strdup (key), g_strdup (json_node_get_string (value)));
    }
  return TRUE;
}

/* One spaCy-style span object: {"start", "end", "label", "text"?,
 * "entity"?, "attrs"?}, or doccano's relation-style
 * {"start_offset", "end_offset", "label"}. */
static RawSpan *
read_span_object (JsonNode   *node,
                  const char *display,
                  guint       line,
                  const char *source,
                  GError    **error)
{
  g_autoptr(RawSpan) span = NULL;
  JsonObject *object;
  const char *label, *text, *entity;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("%s: expected an object with “start”, “end” and “label”"), source);
      return NULL;
    }
  object = json_node_get_object (node);

  span = _spanmark_import_raw_span_new ();
  span->line = line;
  span->source = g_strdup (source);

  if ((!json_get_offset (json_object_get_member (object, "start"), &span->start) &&
       !json_get_offset (json_object_get_member (object, "start_offset"), &span->start)) ||
      (!json_get_offset (json_object_get_member (object, "end"), &span->end) &&
       !json_get_offset (json_object_get_member (object, "end_offset"), &span->end)))
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("%s: “start” and “end” must be integers"), source);
      return NULL;
    }

  label = json_get_string (object, "label");
  if (label == NULL)
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("%s: “label” must be a string"), source);
      return NULL;
    }
  span->label = g_strdup (label);

  text = json_get_string (object, "text");
  if (text != NULL)
    span->expected = g_strdup (text);

  entity = json_get_string (object, "entity");
  if (entity != NULL)
    span->entity = g_strdup (entity);
  else if (json_object_has_member (object, "entity") &&
           !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "entity")))
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("%s: “entity” must be a string"), source);
      return NULL;
    }

  if (!read_attrs (object, &span->attrs, display, line, source, error))
    return NULL;

  return g_steal_pointer (&span);
}

static gboolean
import_jsonl_line (Importer   *imp,
                   const char *display,
                   const char *stem,
                   guint       line,
                   const char *data,
                   gsize       len,
                   guint      *relations,
                   GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) _spanmark_import_raw_span_free);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func ((GDestroyNotify) _spanmark_import_raw_entity_free);
  g_autofree char *id = NULL;
  JsonObject *object, *meta = NULL;
  JsonNode *node;
  const char *text, *title = NULL;

  /* spaCy style's "spans": [{"start", "end"}]: a number written as
   * "5.0" is named as written, not as 5. */
  static const SpanmarkJsonIntegerKey integer_keys[] = { { "start", 3 }, { "end", 3 }, { NULL, 0 } };
  SpanmarkJsonSyntax syntax = { .first_line = line, .integer_keys = integer_keys };

  /* The strict check every reader runs: without it json-glib would take
   * comments, crash on deep nesting and cut texts at "\u0000". */
  if (!spanmark_json_syntax_check (&syntax, data, len))
    {
      g_autofree char *location = g_strdup_printf (_("line %u, column %u"), syntax.line, syntax.column);

      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, 0, "%s: %s", location, syntax.message);
      spanmark_json_syntax_clear (&syntax);
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      /* Not reached for what the check accepts; json-glib's message
       * ("<data>:1:22: Parse error: …") is not for users. */
      g_debug ("%s:%u: json-glib refused what the syntax check accepted: %s",
               display, line, local_error->message);
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line, _("not valid JSON"));
      return FALSE;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("expected a JSON object with a “text”"));
      return FALSE;
    }
  object = json_node_get_object (node);

  text = json_get_string (object, "text");
  if (text == NULL)
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("“text” is missing or not a string"));
      return FALSE;
    }

  node = json_object_get_member (object, "id");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    id = g_strdup_printf ("%s-%u", stem, line);
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    id = g_strdup (json_node_get_string (node));
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    id = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("“id” must be a string or an integer"));
      return FALSE;
    }

  if (json_object_has_member (object, "title"))
    {
      title = json_get_string (object, "title");
      if (title == NULL && !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "title")))
        {
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                      _("“title” must be a string"));
          return FALSE;
        }
    }

  node = json_object_get_member (object, "meta");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    meta = json_node_get_object (node);

  /* spaCy style (and Spanmark's own jsonl export). */
  node = json_object_get_member (object, "spans");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                      _("“spans” must be an array"));
          return FALSE;
        }
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *source = g_strdup_printf ("spans[%u]", i);
          RawSpan *span = read_span_object (json_array_get_element (array, i),
                                            display, line, source, error);

          if (span == NULL)
            return FALSE;
          g_ptr_array_add (spans, span);
        }
    }

  /* doccano style: "label" (or older "labels") as [[start, end, "LABEL"], …]. */
  node = json_object_get_member (object, "label");
  if (node == NULL)
    node = json_object_get_member (object, "labels");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                      _("“label” must be an array of [start, end, \"LABEL\"]"));
          return FALSE;
        }
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonArray *triple;
          RawSpan *span;

          if (!JSON_NODE_HOLDS_ARRAY (element) ||
              json_array_get_length (triple = json_node_get_array (element)) != 3)
            {
              _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                          _("label[%u]: expected [start, end, \"LABEL\"]"), i);
              return FALSE;
            }

          span = _spanmark_import_raw_span_new ();
          span->line = line;
          span->source = g_strdup_printf ("label[%u]", i);
          g_ptr_array_add (spans, span);
          if (!json_get_offset (json_array_get_element (triple, 0), &span->start) ||
              !json_get_offset (json_array_get_element (triple, 1), &span->end))
            {
              _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                          _("%s: start and end must be integers"), span->source);
              return FALSE;
            }
          element = json_array_get_element (triple, 2);
          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
            {
              _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                          _("%s: the label must be a string"), span->source);
              return FALSE;
            }
          span->label = g_strdup (json_node_get_string (element));
        }
    }

  /* "entities": Spanmark's entity objects {"id","label","name","attrs"};
   * doccano's relation export puts spans here instead
   * ({"id","label","start_offset","end_offset"}). */
  node = json_object_get_member (object, "entities");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                      _("“entities” must be an array"));
          return FALSE;
        }
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *source = g_strdup_printf ("entities[%u]", i);
          JsonObject *eo;
          RawEntity *entity;
          const char *value;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                          _("%s: expected an object"), source);
              return FALSE;
            }
          eo = json_node_get_object (element);

          if (json_object_has_member (eo, "start_offset"))
            {
              RawSpan *span = read_span_object (element, display, line, source, error);

              if (span == NULL)
                return FALSE;
              g_ptr_array_add (spans, span);
              continue;
            }

          entity = _spanmark_import_raw_entity_new ();
          entity->line = line;
          entity->source = g_steal_pointer (&source);
          g_ptr_array_add (entities, entity);

          value = json_get_string (eo, "id");
          if (value == NULL)
            {
              _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                          _("%s: “id” must be a string"), entity->source);
              return FALSE;
            }
          entity->id = g_strdup (value);
          value = json_get_string (eo, "label");
          if (value == NULL)
            {
              _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                          _("%s: “label” must be a string"), entity->source);
              return FALSE;
            }
          entity->label = g_strdup (value);
          entity->name = g_strdup (json_get_string (eo, "name"));
          if (!read_attrs (eo, &entity->attrs, display, line, entity->source, error))
            return FALSE;
        }
    }

  if (!_spanmark_import_build_document (imp, display, display, line, id, title, meta, text, strlen (text),
                                        SPANMARK_TEXT_ENCODING_UTF8, spans, entities, error))
    return FALSE;

  /* doccano's relation export: the entities are spans (above); the
   * relations between them have nowhere to go yet, which the report says. */
  node = json_object_get_member (object, "relations");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    *relations += json_array_get_length (json_node_get_array (node));
  return TRUE;
}

/* With --skip-invalid a bad line is skipped with a warning instead of
 * stopping the import. */
static gboolean
skip_or_fail (Importer    *imp,
              GError     **line_error,
              guint       *skipped,
              GError     **error)
{
  if (!imp->options->skip_invalid)
    {
      g_propagate_error (error, g_steal_pointer (line_error));
      return FALSE;
    }

  /* TRANSLATORS: the error ("FILE: line N: what is wrong"), then this */
  g_ptr_array_add (imp->warnings, g_strdup_printf (_("%s (line skipped)"), (*line_error)->message));
  g_clear_error (line_error);
  (*skipped)++;
  return TRUE;
}

/* What the lines of one JSON lines file add up to. */
typedef struct
{
  const SpanmarkImportInput *input;
  guint                      relations;
  guint                      skipped;
  JsonlLine                  fast;      /* the fast reader's line, reused */
} JsonlRead;

/* One line of a JSON lines file, read as the file streams by: memory
 * holds one line and its document, whatever the size of the file. */
static gboolean
jsonl_line_cb (Importer    *imp,
               const char  *p,
               gsize        n,
               guint        line,
               gpointer     user_data,
               GError     **error)
{
  JsonlRead *read = user_data;
  const char *display = read->input->display;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) line_error = NULL;
  gboolean blank = TRUE;
  gsize bad = 0;

  /* A byte-order mark before the first line is not part of the JSON. */
  if (line == 1 && n >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    {
      p += 3;
      n -= 3;
    }

  /* Blank lines (often a final one) hold no document. */
  for (gsize i = 0; i < n && blank; i++)
    blank = g_ascii_isspace (p[i]);
  if (blank)
    return TRUE;

  /* Most lines are of the shape training code writes, which the fast
   * reader takes without a tree; it leaves anything else, and so every
   * error, to the reading below.  It checks the UTF-8 of each string it
   * takes (and nothing else in a line it takes is beyond ASCII), so only
   * the lines it leaves are checked whole. */
  if (_spanmark_import_jsonl_get_fast () &&
      _spanmark_import_jsonl_read_fast (p, n, read->input->stem, line, &read->fast))
    _spanmark_import_build_document (imp, display, display, line, read->fast.id, read->fast.title, NULL,
                                     read->fast.text, read->fast.text_len, SPANMARK_TEXT_ENCODING_UTF8,
                                     read->fast.spans, read->fast.entities, &line_error);
  else if (!spanmark_text_validate (p, n, &bad, &local_error))
    _spanmark_import_set_error (&line_error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                "%s", local_error->message);
  else
    import_jsonl_line (imp, display, read->input->stem, line, p, n, &read->relations, &line_error);
  return line_error == NULL || skip_or_fail (imp, &line_error, &read->skipped, error);
}

/* The lines of a JSON lines file, a block at a time; documents without
 * an id are named after the file's stem and their line. */
static gboolean
jsonl_read (Importer                  *imp,
            const SpanmarkImportInput *input,
            GError                   **error)
{
  JsonlRead read = { input, 0, 0, { 0 } };
  gboolean ok;

  _spanmark_import_jsonl_line_init (&read.fast);
  ok = _spanmark_import_read_lines (imp, input, 0, 1, jsonl_line_cb, &read, error);
  _spanmark_import_jsonl_line_clear (&read.fast);
  if (!ok)
    return FALSE;

  if (read.relations > 0)
    _spanmark_import_add_warning (imp, input->display, 0,
                                  ngettext ("%u relation not imported (Spanmark has no relations yet)",
                                            "%u relations not imported (Spanmark has no relations yet)", read.relations),
                                  read.relations);
  if (read.skipped > 0)
    _spanmark_import_add_warning (imp, input->display, 0,
                                  ngettext ("skipped %u invalid line (--skip-invalid); the others are imported",
                                            "skipped %u invalid lines (--skip-invalid); the others are imported", read.skipped),
                                  read.skipped);
  return TRUE;
}

const SpanmarkImportFormat _spanmark_import_format_jsonl = {
  .name = "jsonl",
  .extension = ".jsonl",
  .usage = "NAME.jsonl",
  .description = N_("one document per line, spaCy style\n"
                    "{\"id\", \"text\", \"spans\": [{\"start\", \"end\", \"label\"}]}\n"
                    "or doccano style\n"
                    "{\"id\", \"text\", \"label\": [[start, end, \"LABEL\"]]};\n"
                    "without \"id\" a document is called NAME-LINE;\n"
                    "spans may have \"entity\" and \"attrs\", and\n"
                    "\"entities\": [{\"id\", \"label\", \"name\", \"attrs\"}]"),
  .sniff = "{",
  .streams = TRUE,
  .read = jsonl_read,
};
