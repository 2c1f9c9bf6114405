/* spanmark-dictionary.c — a dictionary file: TSV lines or spaCy patterns
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "spanmark-attrs-private.h"
#include "spanmark-dictionary.h"
#include "spanmark-file.h"
#include "spanmark-json-syntax.h"
#include "spanmark-text.h"

struct _SpanmarkDictionary
{
  GObject    parent_instance;

  char      *name;
  char      *source;
  GPtrArray *entries;   /* of SpanmarkDictionaryEntry */
  GPtrArray *problems;  /* of SpanmarkProblem */
  guint      n_bad_lines;
};

G_DEFINE_FINAL_TYPE (SpanmarkDictionary, spanmark_dictionary, G_TYPE_OBJECT)

static void
spanmark_dictionary_finalize (GObject *object)
{
  SpanmarkDictionary *self = SPANMARK_DICTIONARY (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (spanmark_dictionary_parent_class)->finalize (object);
}

static void
spanmark_dictionary_class_init (SpanmarkDictionaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = spanmark_dictionary_finalize;
}

static void
spanmark_dictionary_init (SpanmarkDictionary *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_dictionary_entry_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_problem_free);
}

static SpanmarkDictionary *
dictionary_new (const char *name)
{
  SpanmarkDictionary *self = g_object_new (SPANMARK_TYPE_DICTIONARY, NULL);
  g_autofree char *basename = g_path_get_basename (name);

  self->name = g_strdup (name);
  /* The mark pretagged spans keep: short, and the same wherever the
   * file was given from. */
  self->source = g_strconcat (SPANMARK_DICTIONARY_SOURCE_PREFIX, basename, NULL);
  return self;
}

/* Records a bad line (@column 0: the line as a whole). */
static void
add_problem (SpanmarkDictionary *self,
             guint               line,
             guint               column,
             const char         *message)
{
  g_autofree char *location = NULL;

  self->n_bad_lines++;
  if (self->problems->len >= SPANMARK_DICTIONARY_MAX_PROBLEMS)
    return;
  if (column > 0)
    location = g_strdup_printf (_("line %u, column %u"), line, column);
  else
    location = g_strdup_printf (_("line %u"), line);
  g_ptr_array_add (self->problems, spanmark_problem_new (self->name, location, message));
}

/* Checks @label and the attribute keys of @entry against @schema: a
 * message saying what is wrong, or NULL. */
static char *
check_entry (SpanmarkSchema                *schema,
             const SpanmarkDictionaryEntry *entry)
{
  const SpanmarkLabel *label;
  GHashTableIter iter;
  const char *key;

  if (schema == NULL)
    return NULL;
  label = spanmark_schema_lookup (schema, entry->label);
  if (label == NULL)
    return g_strdup_printf (_("the project has no label “%s”"), entry->label);

  g_hash_table_iter_init (&iter, entry->attrs);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!g_strv_contains ((const char * const *) label->attrs, key))
      return g_strdup_printf (_("label %s has no attribute “%s”"), entry->label, key);
  return NULL;
}

static void
add_entry (SpanmarkDictionary      *self,
           SpanmarkSchema          *schema,
           SpanmarkDictionaryEntry *entry,
           guint                    line)
{
  g_autofree char *message = check_entry (schema, entry);

  if (message == NULL && g_utf8_strlen (entry->text, -1) > SPANMARK_DICTIONARY_MAX_TEXT_LENGTH)
    message = g_strdup_printf (_("the text is longer than %u characters"), SPANMARK_DICTIONARY_MAX_TEXT_LENGTH);
  if (message != NULL)
    {
      add_problem (self, line, 0, message);
      spanmark_dictionary_entry_unref (entry);
      return;
    }
  entry->file = g_strdup (self->name);
  entry->line = line;
  g_ptr_array_add (self->entries, entry);
}

/* text<TAB>LABEL[<TAB>key=value…] */
static void
parse_tsv_line (SpanmarkDictionary *self,
                SpanmarkSchema     *schema,
                guint               line,
                const char         *data,
                gsize               length)
{
  g_autofree char *copy = g_strndup (data, length);
  g_auto(GStrv) fields = g_strsplit (copy, "\t", -1);
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  SpanmarkDictionaryEntry *entry;

  if (fields[0] == NULL || fields[1] == NULL)
    {
      add_problem (self, line, 0, _("expected text, a tab and a label"));
      return;
    }
  text = spanmark_text_strip_white_space (fields[0], -1);
  label = spanmark_text_strip_white_space (fields[1], -1);
  if (text[0] == '\0')
    {
      add_problem (self, line, 0, _("the text before the first tab is empty"));
      return;
    }
  if (label[0] == '\0')
    {
      add_problem (self, line, 0, _("the label after the first tab is empty"));
      return;
    }

  entry = spanmark_dictionary_entry_new (text, label, NULL, self->source);
  for (guint i = 2; fields[i] != NULL; i++)
    {
      g_autofree char *field = spanmark_text_strip_white_space (fields[i], -1);
      char *eq = strchr (field, '=');
      g_autofree char *key = NULL;

      if (field[0] == '\0')
        continue;
      if (eq == NULL || eq == field)
        {
          g_autofree char *message = g_strdup_printf (_("column %u: expected key=value, not “%s”"), i + 1, field);

          add_problem (self, line, 0, message);
          spanmark_dictionary_entry_unref (entry);
          return;
        }
      key = spanmark_text_strip_white_space (field, eq - field);
      _spanmark_attrs_set (entry->attrs, key, eq + 1);
    }
  /* Attributes are an entity's: the entry names one, by its text. */
  if (g_hash_table_size (entry->attrs) > 0)
    entry->name = g_strdup (text);

  add_entry (self, schema, entry, line);
}

static const char *
json_string_member (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* {"label": "PLACE", "pattern": "涪陵区"} */
static void
parse_jsonl_line (SpanmarkDictionary *self,
                  SpanmarkSchema     *schema,
                  guint               line,
                  const char         *data,
                  gsize               length)
{
  SpanmarkJsonSyntax syntax = { .first_line = line };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *pattern = NULL;
  JsonObject *object;
  JsonNode *node;
  const char *label;

  /* The strict check every reader of JSON runs first (comments, lone
   * surrogates, "\u0000", deep nesting). */
  if (!spanmark_json_syntax_check (&syntax, data, length))
    {
      add_problem (self, syntax.line, syntax.column, syntax.message);
      spanmark_json_syntax_clear (&syntax);
      return;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, NULL))
    {
      add_problem (self, line, 0, _("not valid JSON"));
      return;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (self, line, 0, _("expected a JSON object with a “label” and a “pattern”"));
      return;
    }
  object = json_node_get_object (node);

  label = json_string_member (object, "label");
  if (label == NULL || label[0] == '\0')
    {
      add_problem (self, line, 0, _("“label” is missing or not a string"));
      return;
    }
  node = json_object_get_member (object, "pattern");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      add_problem (self, line, 0, _("token patterns are not supported, only a string “pattern”"));
      return;
    }
  if (json_string_member (object, "pattern") == NULL)
    {
      add_problem (self, line, 0, _("“pattern” is missing or not a string"));
      return;
    }
  pattern = spanmark_text_strip_white_space (json_string_member (object, "pattern"), -1);
  if (pattern[0] == '\0')
    {
      add_problem (self, line, 0, _("“pattern” is empty"));
      return;
    }

  add_entry (self, schema, spanmark_dictionary_entry_new (pattern, label, NULL, self->source), line);
}

gboolean
spanmark_dictionary_is_dictionary_name (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return g_str_has_suffix (name, ".tsv") || g_str_has_suffix (name, ".jsonl");
}

SpanmarkDictionary *
spanmark_dictionary_new_from_data (const char     *name,
                                   const char     *data,
                                   gsize           length,
                                   SpanmarkSchema *schema)
{
  g_autoptr(SpanmarkDictionary) self = NULL;
  gboolean jsonl;
  const char *end, *p;
  guint line = 0;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = dictionary_new (name);
  jsonl = g_str_has_suffix (name, ".jsonl");
  if (!jsonl && !g_str_has_suffix (name, ".tsv"))
    {
      g_ptr_array_add (self->problems,
                       spanmark_problem_new (name, NULL, _("not a dictionary: the name must end in .tsv or .jsonl")));
      return g_steal_pointer (&self);
    }

  end = data + length;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3;
  for (p = data; p < end; )
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      const char *next = eol != NULL ? eol + 1 : end;
      gsize len = (gsize) ((eol != NULL ? eol : end) - p);
      const char *bad = NULL;
      const char *first;

      line++;
      if (len > 0 && p[len - 1] == '\r')
        len--;

      /* (g_utf8_validate_len() takes NUL for invalid UTF-8.) */
      if (memchr (p, '\0', len) != NULL)
        add_problem (self, line, 0, _("contains a NUL character"));
      else if (!g_utf8_validate_len (p, len, &bad))
        {
          g_autofree char *message = g_strdup_printf (_("not valid UTF-8 at byte %u of the line"),
                                                      (guint) (bad - p) + 1);
          add_problem (self, line, 0, message);
        }
      else
        {
          /* Blank lines, and in TSV "#" comment lines, are skipped. */
          for (first = p; first < p + len && spanmark_text_is_white_space (g_utf8_get_char (first));)
            first = g_utf8_next_char (first);
          if (first == p + len || (!jsonl && *first == '#'))
            ;
          else if (jsonl)
            parse_jsonl_line (self, schema, line, p, len);
          else
            parse_tsv_line (self, schema, line, p, len);
        }
      p = next;
    }

  if (self->n_bad_lines > self->problems->len)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%u more bad line left out",
                                                            "%u more bad lines left out",
                                                            self->n_bad_lines - self->problems->len),
                                                  self->n_bad_lines - self->problems->len);

      g_ptr_array_add (self->problems, spanmark_problem_new (self->name, NULL, message));
    }

  return g_steal_pointer (&self);
}

/* A dictionary with no entries and one problem: why @name could not be read. */
static SpanmarkDictionary *
unreadable (const char   *name,
            const GError *error)
{
  SpanmarkDictionary *self = dictionary_new (name);

  g_ptr_array_add (self->problems,
                   spanmark_problem_new (name, NULL, spanmark_file_describe_error (error)));
  return self;
}

SpanmarkDictionary *
spanmark_dictionary_load (GFile          *file,
                          const char     *name,
                          SpanmarkSchema *schema)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!spanmark_file_read (file, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE, &contents, &length, &error))
    return unreadable (name, error);
  return spanmark_dictionary_new_from_data (name, contents, length, schema);
}

GPtrArray *
spanmark_dictionary_load_folder (GFile          *dir,
                                 SpanmarkSchema *schema)
{
  g_autoptr(GPtrArray) dictionaries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  /* A link that leads the folder out of the project is refused by the
   * read of each file below; a missing folder is no dictionaries. */
  folder = g_file_get_child (dir, SPANMARK_DICTIONARY_DIR);
  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE,
                                        NULL, NULL);
  if (children == NULL)
    return g_steal_pointer (&dictionaries);
  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (name[0] != '.' && spanmark_dictionary_is_dictionary_name (name))
        g_ptr_array_add (names, g_strdup (name));
      g_object_unref (info);
    }
  g_ptr_array_sort (names, spanmark_text_compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *relative = g_build_filename (SPANMARK_DICTIONARY_DIR, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!spanmark_file_read_in_project (dir, relative, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                          &contents, &length, &error))
        g_ptr_array_add (dictionaries, unreadable (relative, error));
      else
        g_ptr_array_add (dictionaries, spanmark_dictionary_new_from_data (relative, contents, length, schema));
    }

  return g_steal_pointer (&dictionaries);
}

const char *
spanmark_dictionary_get_name (SpanmarkDictionary *self)
{
  g_return_val_if_fail (SPANMARK_IS_DICTIONARY (self), NULL);

  return self->name;
}

const char *
spanmark_dictionary_get_source (SpanmarkDictionary *self)
{
  g_return_val_if_fail (SPANMARK_IS_DICTIONARY (self), NULL);

  return self->source;
}

GPtrArray *
spanmark_dictionary_get_entries (SpanmarkDictionary *self)
{
  g_return_val_if_fail (SPANMARK_IS_DICTIONARY (self), NULL);

  return self->entries;
}

GPtrArray *
spanmark_dictionary_get_problems (SpanmarkDictionary *self)
{
  g_return_val_if_fail (SPANMARK_IS_DICTIONARY (self), NULL);

  return self->problems;
}
