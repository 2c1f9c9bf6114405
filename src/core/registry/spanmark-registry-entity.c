/* spanmark-registry-entity.c — one entity of the corpus-wide registry
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-json-reader.h"
#include "spanmark-json-writer.h"
#include "spanmark-project-error.h"
#include "spanmark-project-ids.h"
#include "spanmark-registry-entity.h"
#include "spanmark-text.h"

#define ID_HEX_DIGITS 10

G_DEFINE_BOXED_TYPE (SpanmarkRegistryEntity, spanmark_registry_entity,
                     spanmark_registry_entity_copy, spanmark_registry_entity_free)

static void
attr_free (SpanmarkRegistryAttr *attr)
{
  g_free (attr->key);
  g_free (attr->value);
  g_free (attr->document);
  g_free (attr);
}

static SpanmarkRegistryEntity *
entity_alloc (const char *id)
{
  SpanmarkRegistryEntity *self = g_new0 (SpanmarkRegistryEntity, 1);

  self->id = g_strdup (id);
  self->aliases = g_ptr_array_new_with_free_func (g_free);
  self->attrs = g_ptr_array_new_with_free_func ((GDestroyNotify) attr_free);
  self->notes = g_strdup ("");

  return self;
}

SpanmarkRegistryEntity *
spanmark_registry_entity_new (const char *id,
                              const char *label,
                              const char *name)
{
  SpanmarkRegistryEntity *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = entity_alloc (id);
  self->label = g_strdup (label);
  self->name = g_strdup (name);

  return self;
}

SpanmarkRegistryEntity *
spanmark_registry_entity_copy (const SpanmarkRegistryEntity *self)
{
  SpanmarkRegistryEntity *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = spanmark_registry_entity_new (self->id, self->label, self->name);
  for (guint i = 0; i < self->aliases->len; i++)
    g_ptr_array_add (copy->aliases, g_strdup (g_ptr_array_index (self->aliases, i)));
  for (guint i = 0; i < self->attrs->len; i++)
    {
      const SpanmarkRegistryAttr *attr = g_ptr_array_index (self->attrs, i);

      spanmark_registry_entity_add_attr (copy, attr->key, attr->value, attr->document);
    }
  g_free (copy->notes);
  copy->notes = g_strdup (self->notes);
  copy->merged_into = g_strdup (self->merged_into);

  return copy;
}

void
spanmark_registry_entity_free (SpanmarkRegistryEntity *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->label);
  g_free (self->name);
  g_clear_pointer (&self->aliases, g_ptr_array_unref);
  g_clear_pointer (&self->attrs, g_ptr_array_unref);
  g_free (self->notes);
  g_free (self->merged_into);
  g_free (self);
}

gboolean
spanmark_registry_entity_add_alias (SpanmarkRegistryEntity *self,
                                    const char             *alias)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  if (spanmark_registry_entity_has_name (self, alias))
    return FALSE;

  /* Sorted, so that two annotators adding aliases write lines a line-wise
   * merge can put together. */
  g_ptr_array_add (self->aliases, g_strdup (alias));
  g_ptr_array_sort (self->aliases, spanmark_text_compare_strings);

  return TRUE;
}

gboolean
spanmark_registry_entity_add_attr (SpanmarkRegistryEntity *self,
                                   const char             *key,
                                   const char             *value,
                                   const char             *document)
{
  SpanmarkRegistryAttr *attr;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  for (guint i = 0; i < self->attrs->len; i++)
    {
      const SpanmarkRegistryAttr *old = g_ptr_array_index (self->attrs, i);

      if (g_str_equal (old->key, key) && g_str_equal (old->value, value) &&
          g_strcmp0 (old->document, document) == 0)
        return FALSE;
    }

  attr = g_new0 (SpanmarkRegistryAttr, 1);
  attr->key = g_strdup (key);
  attr->value = g_strdup (value);
  attr->document = g_strdup (document);
  g_ptr_array_add (self->attrs, attr);

  return TRUE;
}

const char *
spanmark_registry_entity_get_attr (const SpanmarkRegistryEntity *self,
                                   const char                   *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = self->attrs->len; i > 0; i--)
    {
      const SpanmarkRegistryAttr *attr = g_ptr_array_index (self->attrs, i - 1);

      if (g_str_equal (attr->key, key))
        return attr->value;
    }

  return NULL;
}

gboolean
spanmark_registry_entity_has_name (const SpanmarkRegistryEntity *self,
                                   const char                   *text)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (g_strcmp0 (self->name, text) == 0)
    return TRUE;

  for (guint i = 0; i < self->aliases->len; i++)
    if (g_str_equal (g_ptr_array_index (self->aliases, i), text))
      return TRUE;

  return FALSE;
}

void
spanmark_registry_entity_append_summary (const SpanmarkRegistryEntity *self,
                                         GString                      *out)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (self != NULL && self->merged_into == NULL);
  g_return_if_fail (out != NULL);

  g_string_append (out, "\"id\":");
  spanmark_json_append_string (out, self->id);
  g_string_append (out, ",\"label\":");
  spanmark_json_append_string (out, self->label);
  g_string_append (out, ",\"name\":");
  spanmark_json_append_string (out, self->name);
  g_string_append (out, ",\"aliases\":[");
  for (guint i = 0; i < self->aliases->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      spanmark_json_append_string (out, g_ptr_array_index (self->aliases, i));
    }

  /* Each attribute's current value; the history stays in the registry. */
  for (guint i = 0; i < self->attrs->len; i++)
    {
      SpanmarkRegistryAttr *attr = g_ptr_array_index (self->attrs, i);

      if (g_hash_table_add (seen, attr->key))
        g_ptr_array_add (keys, attr->key);
    }
  g_ptr_array_sort (keys, spanmark_text_compare_strings);
  g_string_append (out, "],\"attrs\":{");
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      if (i > 0)
        g_string_append_c (out, ',');
      spanmark_json_append_string (out, key);
      g_string_append_c (out, ':');
      spanmark_json_append_string (out, spanmark_registry_entity_get_attr (self, key));
    }
  g_string_append_c (out, '}');
}

char *
spanmark_registry_entity_new_id (const char *annotator)
{
  GString *id;

  g_return_val_if_fail (annotator != NULL, NULL);

  id = g_string_new (annotator);
  g_string_append_c (id, '-');
  for (guint i = 0; i < ID_HEX_DIGITS; i++)
    g_string_append_c (id, "0123456789abcdef"[g_random_int_range (0, 16)]);

  return g_string_free (id, FALSE);
}

gboolean
spanmark_registry_entity_is_registry_id (const char *id)
{
  const char *dash;
  gsize len;

  if (id == NULL || !spanmark_project_is_valid_id (id))
    return FALSE;

  len = strlen (id);
  if (len < ID_HEX_DIGITS + 2)
    return FALSE;

  dash = id + len - ID_HEX_DIGITS - 1;
  if (*dash != '-')
    return FALSE;

  for (const char *p = dash + 1; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}

/* g_ptr_array_sort() is stable (GLib 2.32), so the history of one key
 * keeps its order. */
static int
compare_attr_keys (gconstpointer a,
                   gconstpointer b)
{
  const SpanmarkRegistryAttr *x = *(SpanmarkRegistryAttr * const *) a;
  const SpanmarkRegistryAttr *y = *(SpanmarkRegistryAttr * const *) b;

  return strcmp (x->key, y->key);
}

static void
append_member (GString    *out,
               const char *key,
               const char *value,
               gboolean    last)
{
  g_string_append (out, "  ");
  spanmark_json_append_string (out, key);
  g_string_append (out, ": ");
  if (value != NULL)
    spanmark_json_append_string (out, value);
  else
    g_string_append (out, "null");
  g_string_append (out, last ? "\n" : ",\n");
}

char *
spanmark_registry_entity_to_json (const SpanmarkRegistryEntity *self,
                                  gsize                        *length)
{
  GString *out = g_string_new ("{\n  \"spanmark\": 1,\n");
  g_autoptr(GPtrArray) attrs = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->merged_into != NULL)
    {
      append_member (out, "id", self->id, FALSE);
      append_member (out, "merged_into", self->merged_into, TRUE);
      g_string_append (out, "}\n");
      if (length != NULL)
        *length = out->len;
      return g_string_free (out, FALSE);
    }

  append_member (out, "id", self->id, FALSE);
  append_member (out, "label", self->label, FALSE);
  append_member (out, "name", self->name, FALSE);

  g_string_append (out, "  \"aliases\": [");
  for (guint i = 0; i < self->aliases->len; i++)
    {
      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      spanmark_json_append_string (out, g_ptr_array_index (self->aliases, i));
    }
  g_string_append (out, self->aliases->len > 0 ? "\n  ],\n" : "],\n");

  /* A view of the entries in file order: the copy must not free them. */
  attrs = g_ptr_array_copy (self->attrs, NULL, NULL);
  g_ptr_array_set_free_func (attrs, NULL);
  g_ptr_array_sort (attrs, compare_attr_keys);
  g_string_append (out, "  \"attrs\": [");
  for (guint i = 0; i < attrs->len; i++)
    {
      const SpanmarkRegistryAttr *attr = g_ptr_array_index (attrs, i);

      g_string_append (out, i == 0 ? "\n    {\"key\": " : ",\n    {\"key\": ");
      spanmark_json_append_string (out, attr->key);
      g_string_append (out, ", \"value\": ");
      spanmark_json_append_string (out, attr->value);
      g_string_append (out, ", \"document\": ");
      if (attr->document != NULL)
        spanmark_json_append_string (out, attr->document);
      else
        g_string_append (out, "null");
      g_string_append_c (out, '}');
    }
  g_string_append (out, attrs->len > 0 ? "\n  ],\n" : "],\n");

  append_member (out, "notes", self->notes, TRUE);
  g_string_append (out, "}\n");

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

static const char * const known_keys[] = {
  "spanmark", "id", "label", "name", "aliases", "attrs", "notes", "merged_into",
};

static gboolean
check_known_keys (SpanmarkJsonPlace *place,
                  JsonObject        *object)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  gboolean ok = TRUE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (known_keys) && !known; i++)
        known = g_str_equal (key, known_keys[i]);

      if (!known)
        {
          /* A typo ("alias") would otherwise lose what it holds on the
           * next write. */
          spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key,
                                       _("is not a member of a registry entity"));
          ok = FALSE;
        }
    }

  return ok;
}

static gboolean
read_aliases (SpanmarkJsonPlace      *place,
              JsonObject             *object,
              SpanmarkRegistryEntity *self)
{
  JsonArray *array = spanmark_json_get_array (place, object, "aliases", FALSE);
  gboolean ok = TRUE;

  if (array == NULL)
    return json_object_get_member (object, "aliases") == NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *key = g_strdup_printf ("aliases[%u]", i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key,
                                       _("must be a string, not %s"), spanmark_json_describe_node (node));
          ok = FALSE;
          continue;
        }
      if (*json_node_get_string (node) == '\0')
        {
          spanmark_json_place_problem (place, SPANMARK_PROJECT_ERROR_INVALID, key, _("must not be empty"));
          ok = FALSE;
          continue;
        }

      spanmark_registry_entity_add_alias (self, json_node_get_string (node));
    }

  return ok;
}

static gboolean
read_attrs (SpanmarkChecker        *checker,
            const char             *file,
            JsonObject             *object,
            SpanmarkRegistryEntity *self)
{
  SpanmarkJsonPlace top = { checker, file, NULL };
  JsonArray *array = spanmark_json_get_array (&top, object, "attrs", FALSE);
  gboolean ok = TRUE;

  if (array == NULL)
    return json_object_get_member (object, "attrs") == NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *location = NULL;
      JsonObject *item = spanmark_json_item_object (checker, file, json_array_get_element (array, i),
                                                    "attrs", i, "key", &location);
      SpanmarkJsonPlace place = { checker, file, location };
      const char *key, *value, *document;

      if (item == NULL)
        {
          ok = FALSE;
          continue;
        }

      if (!spanmark_json_get_string (&place, item, "key", TRUE, FALSE, &key) ||
          !spanmark_json_get_string (&place, item, "value", TRUE, FALSE, &value) ||
          !spanmark_json_get_string (&place, item, "document", FALSE, TRUE, &document))
        {
          ok = FALSE;
          continue;
        }

      if (*key == '\0')
        {
          spanmark_json_place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "key",
                                       _("must not be empty"));
          ok = FALSE;
          continue;
        }

      spanmark_registry_entity_add_attr (self, key, value, document);
    }

  return ok;
}

/* The fast reader.
 *
 * A registry of 50,000 files is read whole when the side panels open;
 * json-glib's tree (a GObject parser, a node per value) was most of the
 * time.  Files the strict syntax check accepted and that are as the
 * writer makes them (a live entity: the known members, strings without
 * escapes, "attrs" items of "key", "value" and "document") are read here
 * straight from the bytes.  Anything else (a tombstone, an escape, a
 * member of a wrong type, a value the rules refuse) goes the slow way,
 * which says exactly what is wrong: the fast reader never reports. */

typedef struct
{
  const char *p;
  const char *end;
} Scan;

typedef struct
{
  const char *start;  /* NULL: a JSON null */
  gsize       len;
} Text;

typedef struct
{
  Text key, value, document;
} FastAttr;

static inline void
scan_space (Scan *scan)
{
  while (scan->p < scan->end && (*scan->p == ' ' || *scan->p == '\n' || *scan->p == '\r' || *scan->p == '\t'))
    scan->p++;
}

static inline gboolean
scan_char (Scan *scan,
           char  c)
{
  scan_space (scan);
  if (scan->p >= scan->end || *scan->p != c)
    return FALSE;
  scan->p++;
  return TRUE;
}

static inline gboolean
scan_peek (Scan *scan,
           char  c)
{
  scan_space (scan);
  return scan->p < scan->end && *scan->p == c;
}

/* A string without escapes (the syntax check vouches for the rest). */
static gboolean
scan_string (Scan *scan,
             Text *text)
{
  const char *quote;

  if (!scan_char (scan, '"'))
    return FALSE;
  quote = memchr (scan->p, '"', scan->end - scan->p);
  if (quote == NULL || memchr (scan->p, '\\', quote - scan->p) != NULL)
    return FALSE;
  text->start = scan->p;
  text->len = quote - scan->p;
  scan->p = quote + 1;
  return TRUE;
}

static gboolean
scan_nullable_string (Scan *scan,
                      Text *text)
{
  scan_space (scan);
  if (scan->end - scan->p >= 4 && memcmp (scan->p, "null", 4) == 0)
    {
      scan->p += 4;
      text->start = NULL;
      text->len = 0;
      return TRUE;
    }
  return scan_string (scan, text);
}

static inline gboolean
text_is (const Text *text,
         const char *str)
{
  return text->start != NULL && text->len == strlen (str) && memcmp (text->start, str, text->len) == 0;
}

/* Calls @item for each element of the array at @scan. */
static gboolean
scan_array (Scan      *scan,
            gboolean (*item) (Scan *scan, GArray *out),
            GArray    *out)
{
  if (!scan_char (scan, '['))
    return FALSE;
  if (scan_char (scan, ']'))
    return TRUE;
  do
    if (!item (scan, out))
      return FALSE;
  while (scan_char (scan, ','));
  return scan_char (scan, ']');
}

static gboolean
scan_alias (Scan   *scan,
            GArray *out)
{
  Text text;

  if (!scan_string (scan, &text) || text.len == 0)
    return FALSE;
  g_array_append_val (out, text);
  return TRUE;
}

static gboolean
scan_attr (Scan   *scan,
           GArray *out)
{
  FastAttr attr = { { NULL, 0 }, { NULL, 0 }, { NULL, 0 } };
  gboolean has_key = FALSE, has_value = FALSE;

  if (!scan_char (scan, '{'))
    return FALSE;
  if (!scan_peek (scan, '}'))
    do
      {
        Text name;

        if (!scan_string (scan, &name) || !scan_char (scan, ':'))
          return FALSE;
        if (text_is (&name, "key"))
          has_key = scan_string (scan, &attr.key);
        else if (text_is (&name, "value"))
          has_value = scan_string (scan, &attr.value);
        else if (!text_is (&name, "document") || !scan_nullable_string (scan, &attr.document))
          return FALSE;
      }
    while (scan_char (scan, ','));
  if (!scan_char (scan, '}') || !has_key || !has_value || attr.key.len == 0)
    return FALSE;
  g_array_append_val (out, attr);
  return TRUE;
}

static char *
text_dup (const Text *text)
{
  return text->start != NULL ? g_strndup (text->start, text->len) : NULL;
}

/* The entity in @data, or NULL when it must be read the slow way. */
static SpanmarkRegistryEntity *
read_fast (const char *file,
           const char *data,
           gsize       length)
{
  Scan scan = { data, data + length };
  Text id = { NULL, 0 }, label = { NULL, 0 }, name = { NULL, 0 }, notes = { NULL, 0 };
  g_autoptr(GArray) aliases = g_array_new (FALSE, FALSE, sizeof (Text));
  g_autoptr(GArray) attrs = g_array_new (FALSE, FALSE, sizeof (FastAttr));
  gboolean version = FALSE;
  g_autoptr(SpanmarkRegistryEntity) self = NULL;
  g_autofree char *id_str = NULL;
  g_autofree char *base = NULL;
  const char *slash;

  if (!scan_char (&scan, '{'))
    return NULL;
  if (!scan_peek (&scan, '}'))
    do
      {
        Text member;
        gboolean ok;

        if (!scan_string (&scan, &member) || !scan_char (&scan, ':'))
          return NULL;
        scan_space (&scan);
        if (text_is (&member, "spanmark"))
          {
            /* 1, and nothing else: not 1.0, 10 or 1e0. */
            ok = scan.p < scan.end && *scan.p == '1' &&
                 (scan.p + 1 == scan.end || strchr (" \t\r\n,}", scan.p[1]) != NULL);
            if (ok)
              scan.p++;
            version = ok;
          }
        else if (text_is (&member, "id"))
          ok = scan_string (&scan, &id);
        else if (text_is (&member, "label"))
          ok = scan_string (&scan, &label);
        else if (text_is (&member, "name"))
          ok = scan_string (&scan, &name);
        else if (text_is (&member, "notes"))
          ok = scan_string (&scan, &notes);
        else if (text_is (&member, "aliases"))
          ok = scan_array (&scan, scan_alias, aliases);
        else if (text_is (&member, "attrs"))
          ok = scan_array (&scan, scan_attr, attrs);
        else
          ok = FALSE;  /* "merged_into", or no member of an entity */
        if (!ok)
          return NULL;
      }
    while (scan_char (&scan, ','));
  if (!scan_char (&scan, '}') || !version || id.start == NULL || label.start == NULL ||
      name.start == NULL || name.len == 0)
    return NULL;

  id_str = text_dup (&id);
  slash = strrchr (file, '/');
  base = g_strconcat (id_str, ".json", NULL);
  if (!spanmark_project_is_valid_id (id_str) || !g_str_equal (slash != NULL ? slash + 1 : file, base))
    return NULL;

  /* Built as the slow way builds it. */
  self = entity_alloc (id_str);
  self->label = text_dup (&label);
  self->name = text_dup (&name);
  for (guint i = 0; i < aliases->len; i++)
    {
      g_autofree char *alias = text_dup (&g_array_index (aliases, Text, i));

      spanmark_registry_entity_add_alias (self, alias);
    }
  for (guint i = 0; i < attrs->len; i++)
    {
      const FastAttr *attr = &g_array_index (attrs, FastAttr, i);
      g_autofree char *key = text_dup (&attr->key);
      g_autofree char *value = text_dup (&attr->value);
      g_autofree char *document = text_dup (&attr->document);

      spanmark_registry_entity_add_attr (self, key, value, document);
    }
  if (notes.start != NULL)
    {
      g_free (self->notes);
      self->notes = text_dup (&notes);
    }

  return g_steal_pointer (&self);
}

SpanmarkRegistryEntity *
spanmark_registry_entity_from_json (SpanmarkChecker *checker,
                                    const char      *file,
                                    const char      *data,
                                    gsize            length)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SpanmarkRegistryEntity) self = NULL;
  g_autofree char *base = NULL;
  g_autofree char *expected = NULL;
  SpanmarkJsonPlace place = { checker, file, NULL };
  JsonObject *object;
  const char *id, *label, *name, *notes, *merged_into;
  guint n_problems;

  g_return_val_if_fail (checker != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  n_problems = spanmark_checker_get_n_problems (checker);

  if (!spanmark_json_check_syntax (checker, file, data, length, NULL))
    return NULL;
  self = read_fast (file, data, length);
  if (self != NULL)
    return g_steal_pointer (&self);

  root = spanmark_json_parse (checker, file, data, length, NULL);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      spanmark_checker_add (checker, SPANMARK_PROJECT_ERROR_INVALID, file, NULL,
                            _("must be an object, not %s"), spanmark_json_describe_node (root));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!spanmark_json_check_version (&place, object))
    return NULL;
  check_known_keys (&place, object);

  if (!spanmark_json_get_string (&place, object, "id", TRUE, FALSE, &id) ||
      !spanmark_json_get_string (&place, object, "merged_into", FALSE, FALSE, &merged_into))
    return NULL;

  /* The file's name is the id: that is what keeps two entities from
   * ever sharing a file, and what a mention's id finds. */
  base = g_path_get_basename (file);
  expected = g_strconcat (id, ".json", NULL);
  if (!spanmark_project_is_valid_id (id))
    spanmark_json_place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "id",
                                 _("\"%s\" is not a valid id"), id);
  else if (!g_str_equal (base, expected))
    spanmark_json_place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "id",
                                 _("\"%s\" does not match the file name (%s)"), id, base);

  self = entity_alloc (id);

  if (merged_into != NULL)
    {
      if (!spanmark_project_is_valid_id (merged_into) || g_str_equal (merged_into, id))
        spanmark_json_place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "merged_into",
                                     _("\"%s\" is not another entity's id"), merged_into);
      self->merged_into = g_strdup (merged_into);
    }
  else
    {
      if (spanmark_json_get_string (&place, object, "label", TRUE, FALSE, &label) &&
          spanmark_json_get_string (&place, object, "name", TRUE, FALSE, &name))
        {
          self->label = g_strdup (label);
          self->name = g_strdup (name);
          if (*name == '\0')
            spanmark_json_place_problem (&place, SPANMARK_PROJECT_ERROR_INVALID, "name",
                                         _("must not be empty"));
        }
      read_aliases (&place, object, self);
      read_attrs (checker, file, object, self);
      if (spanmark_json_get_string (&place, object, "notes", FALSE, FALSE, &notes) && notes != NULL)
        {
          g_free (self->notes);
          self->notes = g_strdup (notes);
        }
    }

  if (spanmark_checker_get_n_problems (checker) != n_problems)
    return NULL;

  return g_steal_pointer (&self);
}
