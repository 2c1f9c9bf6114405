/* spanmark-annotation-rules.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-annotation-rules.h"
#include "spanmark-project-error.h"
#include "spanmark-text.h"

const SpanmarkJsonIntegerKey spanmark_annotation_rules_integer_keys[] = {
  { "spanmark", 1 },
  { "start", 3 },
  { "end", 3 },
  { NULL, 0 },
};

static void set_message (char       **message,
                         const char  *format,
                         ...) G_GNUC_PRINTF (2, 3);

static void
set_message (char       **message,
             const char  *format,
             ...)
{
  va_list args;

  if (message == NULL)
    return;

  va_start (args, format);
  *message = g_strdup_vprintf (format, args);
  va_end (args);
}

/* Long strings are cut in messages so a message stays one line. */
static char *
shorten (const char *str,
         gsize       len)
{
  GString *out = g_string_new_len (str, len);

  if (g_utf8_strlen (out->str, out->len) > 40)
    {
      g_string_truncate (out, g_utf8_offset_to_pointer (out->str, 40) - out->str);
      g_string_append (out, "…");
    }

  g_string_replace (out, "\n", "\\n", 0);

  return g_string_free (out, FALSE);
}

/* Whether @value[0:@len] is the string @expected.  Byte by byte, never
 * reading @expected past its end: the fast reader compares every span's
 * label with the schema's names this way, and a strlen() of each name
 * for each span cost more than the comparison. */
static gboolean
equals (const char *value,
        gsize       len,
        const char *expected)
{
  for (gsize i = 0; i < len; i++)
    if (expected[i] != value[i] || expected[i] == '\0')
      return FALSE;
  return expected[len] == '\0';
}

/* A member's name with its length, so that the fast reader's lookup for
 * every member of every span compares lengths before bytes. */
typedef struct
{
  const char *name;
  gsize       len;
  guint       key;
} Key;

#define KEY(name, key) { name, sizeof (name) - 1, key }

static const Key file_keys[] = {
  KEY ("spanmark", SPANMARK_FILE_KEY_SPANMARK),
  KEY ("document", SPANMARK_FILE_KEY_DOCUMENT),
  KEY ("text_sha256", SPANMARK_FILE_KEY_TEXT_SHA256),
  KEY ("annotator", SPANMARK_FILE_KEY_ANNOTATOR),
  KEY ("status", SPANMARK_FILE_KEY_STATUS),
  KEY ("modified", SPANMARK_FILE_KEY_MODIFIED),
  KEY ("spans", SPANMARK_FILE_KEY_SPANS),
  KEY ("entities", SPANMARK_FILE_KEY_ENTITIES),
  KEY ("rejected", SPANMARK_FILE_KEY_REJECTED),
};

static const Key span_keys[] = {
  KEY ("id", SPANMARK_SPAN_KEY_ID),
  KEY ("start", SPANMARK_SPAN_KEY_START),
  KEY ("end", SPANMARK_SPAN_KEY_END),
  KEY ("label", SPANMARK_SPAN_KEY_LABEL),
  KEY ("text", SPANMARK_SPAN_KEY_TEXT),
  KEY ("entity", SPANMARK_SPAN_KEY_ENTITY),
  KEY ("attrs", SPANMARK_SPAN_KEY_ATTRS),
  KEY ("pretag", SPANMARK_SPAN_KEY_PRETAG),
};

static const Key entity_keys[] = {
  KEY ("id", SPANMARK_ENTITY_KEY_ID),
  KEY ("label", SPANMARK_ENTITY_KEY_LABEL),
  KEY ("name", SPANMARK_ENTITY_KEY_NAME),
  KEY ("attrs", SPANMARK_ENTITY_KEY_ATTRS),
};

static guint
lookup_key (const Key  *keys,
            guint       n_keys,
            const char *name,
            gsize       len)
{
  /* The first byte before memcmp(): "start" and "label" are as long. */
  for (guint i = 0; i < n_keys; i++)
    if (keys[i].len == len && len > 0 && keys[i].name[0] == name[0] && memcmp (keys[i].name, name, len) == 0)
      return keys[i].key;

  return 0;
}

guint
spanmark_annotation_rules_file_key (const char *name,
                                    gsize       len)
{
  return lookup_key (file_keys, G_N_ELEMENTS (file_keys), name, len);
}

guint
spanmark_annotation_rules_span_key (const char *name,
                                    gsize       len)
{
  return lookup_key (span_keys, G_N_ELEMENTS (span_keys), name, len);
}

guint
spanmark_annotation_rules_entity_key (const char *name,
                                      gsize       len)
{
  return lookup_key (entity_keys, G_N_ELEMENTS (entity_keys), name, len);
}

gboolean
spanmark_annotation_rules_check_version (gint64   version,
                                         char   **message)
{
  if (version == SPANMARK_PROJECT_FORMAT_VERSION)
    return TRUE;

  set_message (message, _("format version %lld is not supported (this version of Spanmark reads version %d)"),
               (long long) version, SPANMARK_PROJECT_FORMAT_VERSION);
  return FALSE;
}

gboolean
spanmark_annotation_rules_check_owner (SpanmarkFileKey   key,
                                       const char       *value,
                                       gsize             len,
                                       const char       *expected,
                                       char            **message)
{
  g_autofree char *shown = NULL;

  g_return_val_if_fail (key == SPANMARK_FILE_KEY_DOCUMENT || key == SPANMARK_FILE_KEY_ANNOTATOR, FALSE);

  if (equals (value, len, expected))
    return TRUE;

  shown = g_strndup (value, len);
  if (key == SPANMARK_FILE_KEY_DOCUMENT)
    set_message (message, _("\"%s\" does not match the file name (expected \"%s\")"), shown, expected);
  else
    set_message (message, _("\"%s\" does not match the folder name (expected \"%s\")"), shown, expected);
  return FALSE;
}

gboolean
spanmark_annotation_rules_check_sha256 (const char  *value,
                                        gsize        len,
                                        const char  *text,
                                        gsize        text_len,
                                        char       **message)
{
  g_autofree char *actual = spanmark_text_sha256 (text, (gssize) text_len);

  /* Hex digits in either case: a hand-edited file may have either. */
  if (len == strlen (actual) && g_ascii_strncasecmp (actual, value, len) == 0)
    return TRUE;

  set_message (message, "%s",
               _("does not match the document text: the text changed after these annotations were made"));
  return FALSE;
}

gboolean
spanmark_annotation_rules_check_status (const char      *value,
                                        gsize            len,
                                        SpanmarkStatus  *status,
                                        char           **message)
{
  g_autofree char *name = g_strndup (value, len);

  /* A NUL inside would make the name look shorter than it is. */
  if (strlen (name) == len && spanmark_status_from_string (name, status))
    return TRUE;

  set_message (message, _("\"%s\" is not a status (new, in-progress, done, reviewed)"), name);
  return FALSE;
}

gboolean
spanmark_annotation_rules_check_id (GHashTable  *ids,
                                    const char  *array,
                                    const char  *id,
                                    guint        index,
                                    char       **message)
{
  gpointer other;

  if (id[0] == '\0')
    {
      set_message (message, "%s", _("is empty"));
      return FALSE;
    }

  /* Only the verdict (the export's fast reader, for every span): one
   * look into the table, not two.  A second time overwrites the first's
   * index, which the caller, giving up on the file, never reads. */
  if (message == NULL)
    return g_hash_table_insert (ids, (char *) id, GUINT_TO_POINTER (index));

  if (g_hash_table_lookup_extended (ids, id, NULL, &other))
    {
      set_message (message, _("\"%s\" is used twice (also %s[%u])"), id, array, GPOINTER_TO_UINT (other));
      return FALSE;
    }

  g_hash_table_insert (ids, (char *) id, GUINT_TO_POINTER (index));
  return TRUE;
}

gboolean
spanmark_annotation_rules_check_offsets (guint   start,
                                         guint   end,
                                         guint   length,
                                         char  **message)
{
  if (end <= start)
    {
      set_message (message, _("%u is not after start %u"), end, start);
      return FALSE;
    }

  if (end > length)
    {
      set_message (message, _("%u is past the end of the text (%u characters)"), end, length);
      return FALSE;
    }

  return TRUE;
}

gboolean
spanmark_annotation_rules_check_label (SpanmarkSchema  *schema,
                                       const char      *label,
                                       gsize            len,
                                       const char     **name,
                                       char           **message)
{
  g_autofree char *shown = NULL;
  guint n;

  if (schema == NULL)
    {
      *name = label;
      return TRUE;
    }

  n = spanmark_schema_get_n_labels (schema);
  for (guint i = 0; i < n; i++)
    {
      const char *known = spanmark_schema_get_label (schema, i)->name;

      if (equals (label, len, known))
        {
          *name = known;
          return TRUE;
        }
    }

  shown = g_strndup (label, len);
  set_message (message, _("\"%s\" is not a label of the project"), shown);
  return FALSE;
}

gboolean
spanmark_annotation_rules_check_span_text (const char  *text,
                                           gsize        len,
                                           const char  *covered,
                                           gsize        covered_len,
                                           guint        start,
                                           guint        end,
                                           char       **message)
{
  g_autofree char *short_text = NULL;
  g_autofree char *short_covered = NULL;

  /* Byte for byte: the exports write the covered text, so it must be
   * the text the file says. */
  if (len == covered_len && memcmp (text, covered, len) == 0)
    return TRUE;

  if (message == NULL)
    return FALSE;

  short_text = shorten (text, len);
  short_covered = shorten (covered, covered_len);
  set_message (message, _("\"%s\" differs from the text at %u–%u, \"%s\""),
               short_text, start, end, short_covered);
  return FALSE;
}

gboolean
spanmark_annotation_rules_check_mention (GHashTable  *entity_ids,
                                         const char  *entity,
                                         char       **message)
{
  if (entity == NULL || g_hash_table_contains (entity_ids, entity))
    return TRUE;

  set_message (message, _("\"%s\" is not an entity of this file"), entity);
  return FALSE;
}

gboolean
spanmark_annotation_rules_check_pretag (const char  *pretag,
                                        gsize        len,
                                        char       **message)
{
  if (len > 0)
    return TRUE;

  set_message (message, _("must name where the span came from, such as \"dict:places.tsv\", not be empty"));
  return FALSE;
}

GHashTable *
spanmark_annotation_rules_new_rejection_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

gboolean
spanmark_annotation_rules_check_rejection (GHashTable  *seen,
                                           guint        start,
                                           guint        end,
                                           const char  *label,
                                           char       **message)
{
  if (g_hash_table_add (seen, g_strdup_printf ("%u %u %s", start, end, label)))
    return TRUE;

  set_message (message, _("rejects %u–%u %s a second time"), start, end, label);
  return FALSE;
}
