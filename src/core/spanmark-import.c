/* spanmark-import.c — bring texts and annotations into a project
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import runs in two phases.  First every file is read, decoded,
 * normalised and checked, and each document becomes a PendingDoc held in
 * memory; only when all of them are good does the second phase write the
 * texts and annotation files.  So a bad line anywhere leaves the project
 * exactly as it was.
 */

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-attrs-private.h"
#include "spanmark-file.h"
#include "spanmark-import.h"
#include "spanmark-import-private.h"
#include "spanmark-json.h"
#include "spanmark-project-private.h"

G_DEFINE_QUARK (spanmark-import-error-quark, spanmark_import_error)

/* A span as read from the input, with offsets into the original
 * (not yet normalised) text. */
typedef struct
{
  gint64      start;
  gint64      end;
  char       *label;
  char       *entity;     /* entity id within the document, or NULL */
  GHashTable *attrs;      /* char* -> char* */
  char       *expected;   /* covered text given by the input, or NULL */
  gboolean    loose;      /* brat: compare text loosely, warn only */
  guint       line;
  char       *source;     /* "spans[2]", "T3": where it came from */
} RawSpan;

typedef struct
{
  char       *id;
  char       *label;
  char       *name;       /* NULL: the text of the first mention */
  GHashTable *attrs;
  guint       line;
  char       *source;
} RawEntity;

typedef struct
{
  char                  *id;
  char                  *title;
  JsonObject            *meta;
  char                  *text;   /* normalised */
  SpanmarkAnnotationSet *set;    /* NULL when there is nothing to save */
} PendingDoc;

typedef struct
{
  SpanmarkProject      *project;
  const char           *annotator;
  SpanmarkTextEncoding  encoding;
  GPtrArray            *docs;      /* PendingDoc */
  GHashTable           *ids;       /* document ids of this batch */
  GPtrArray            *warnings;  /* char*, may be NULL */
} Importer;

static void
raw_span_free (RawSpan *span)
{
  g_free (span->label);
  g_free (span->entity);
  g_clear_pointer (&span->attrs, g_hash_table_unref);
  g_free (span->expected);
  g_free (span->source);
  g_free (span);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RawSpan, raw_span_free)

static RawSpan *
raw_span_new (void)
{
  RawSpan *span = g_new0 (RawSpan, 1);

  span->attrs = _spanmark_attrs_new ();
  return span;
}

static void
raw_entity_free (RawEntity *entity)
{
  g_free (entity->id);
  g_free (entity->label);
  g_free (entity->name);
  g_clear_pointer (&entity->attrs, g_hash_table_unref);
  g_free (entity->source);
  g_free (entity);
}

static RawEntity *
raw_entity_new (void)
{
  RawEntity *entity = g_new0 (RawEntity, 1);

  entity->attrs = _spanmark_attrs_new ();
  return entity;
}

static void
pending_doc_free (PendingDoc *doc)
{
  g_free (doc->id);
  g_free (doc->title);
  g_clear_pointer (&doc->meta, json_object_unref);
  g_free (doc->text);
  g_clear_object (&doc->set);
  g_free (doc);
}

/* Files under the current folder are named relative to it, as a user
 * typing "spanmark-cli import corpus news/a.txt" expects to read them. */
static char *
file_display_name (GFile *file)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GFile) here = g_file_new_for_path (cwd);
  char *relative = g_file_get_relative_path (here, file);

  if (relative != NULL)
    return relative;
  return g_file_get_parse_name (file);
}

/* "FILE: line N: MESSAGE", or "FILE: MESSAGE" when @line is 0: the form
 * every import error and warning takes. */
static char * G_GNUC_PRINTF (3, 0)
format_located (const char *file,
                guint       line,
                const char *format,
                va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (line > 0)
    /* TRANSLATORS: "FILE: line N: what is wrong" */
    return g_strdup_printf (_("%s: line %u: %s"), file, line, message);
  return g_strdup_printf ("%s: %s", file, message);
}

static void G_GNUC_PRINTF (5, 6)
set_error (GError    **error,
           int         code,
           const char *file,
           guint       line,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = format_located (file, line, format, args);
  va_end (args);

  g_set_error_literal (error, SPANMARK_IMPORT_ERROR, code, message);
}

static void G_GNUC_PRINTF (4, 5)
add_warning (Importer   *imp,
             const char *file,
             guint       line,
             const char *format,
             ...)
{
  va_list args;

  if (imp->warnings == NULL)
    return;

  va_start (args, format);
  g_ptr_array_add (imp->warnings, format_located (file, line, format, args));
  va_end (args);
}

static guint
line_of_byte (const char *data,
              gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* Compares brat's copy of a span's text with the document text, treating
 * any two white-space characters as equal: brat writes a line break
 * inside a span as a space. */
static gboolean
loose_text_equal (const char *a,
                  const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      gunichar ca = g_utf8_get_char (a);
      gunichar cb = g_utf8_get_char (b);

      if (ca != cb && !(spanmark_text_is_white_space (ca) && spanmark_text_is_white_space (cb)))
        return FALSE;
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
  return *a == '\0' && *b == '\0';
}

static int
raw_span_compare (gconstpointer a,
                  gconstpointer b)
{
  const RawSpan *sa = *(RawSpan * const *) a;
  const RawSpan *sb = *(RawSpan * const *) b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  if (sa->end != sb->end)
    return sa->end > sb->end ? -1 : 1;
  return 0;
}

/* Checks that @id can be added: valid, not in the project, not earlier in
 * this batch.  Whether its file may be written is checked once the text
 * is known (build_document). */
static gboolean
check_document_id (Importer   *imp,
                   const char *id,
                   const char *display,
                   guint       line,
                   GError    **error)
{
  if (!spanmark_project_is_valid_id (id))
    {
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                 _("“%s” is not a valid document id (letters, digits and “-_.”, not starting with “.”)"),
                 id);
      return FALSE;
    }

  if (spanmark_project_lookup_document (imp->project, id) != NULL)
    {
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                 _("the project already has a document “%s”"), id);
      return FALSE;
    }

  if (g_hash_table_contains (imp->ids, id))
    {
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                 _("document id “%s” is used twice (also in %s)"),
                 id, (const char *) g_hash_table_lookup (imp->ids, id));
      return FALSE;
    }

  return TRUE;
}

/* Normalises the text, checks and remaps the spans, and queues the
 * document.  @raw_spans and @raw_entities may be NULL. */
static gboolean
build_document (Importer             *imp,
                const char           *display,
                const char           *text_display,
                guint                 line,
                const char           *id,
                const char           *title,
                JsonObject           *meta,
                const char           *data,
                gsize                 len,
                SpanmarkTextEncoding  encoding,
                GPtrArray            *raw_spans,
                GPtrArray            *raw_entities,
                GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) removed = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SpanmarkTextIndex) index = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GHashTable) entity_ids = NULL;
  g_autoptr(GHashTable) entity_names = NULL;
  SpanmarkSchema *schema = spanmark_project_get_schema (imp->project);
  guint length, original_length;
  PendingDoc *doc;

  if (!check_document_id (imp, id, display, line, error))
    return FALSE;

  if (encoding == SPANMARK_TEXT_ENCODING_UTF8)
    {
      gsize bad = 0;

      if (!spanmark_text_validate (data, len, &bad, &local_error))
        {
          /* A .txt file has no line of its own: name the line of the text. */
          set_error (error, SPANMARK_IMPORT_ERROR_INVALID, text_display,
                     line > 0 ? line : line_of_byte (data, bad),
                     "%s", local_error->message);
          return FALSE;
        }
    }

  text = spanmark_text_normalize (data, len, encoding, &removed, &local_error);
  if (text == NULL)
    {
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, text_display, line, "%s", local_error->message);
      return FALSE;
    }

  index = spanmark_text_index_new (text, -1);
  length = spanmark_text_index_get_length (index);
  original_length = length + (removed != NULL ? removed->len : 0);

  entity_ids = g_hash_table_new (g_str_hash, g_str_equal);
  if (raw_entities != NULL)
    for (guint i = 0; i < raw_entities->len; i++)
      {
        RawEntity *entity = g_ptr_array_index (raw_entities, i);

        if (spanmark_schema_lookup (schema, entity->label) == NULL)
          {
            set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, entity->line,
                       _("%s: unknown label “%s” (not in the project’s schema)"),
                       entity->source, entity->label);
            return FALSE;
          }
        if (g_hash_table_contains (entity_ids, entity->id))
          {
            set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, entity->line,
                       _("%s: entity id “%s” is used twice"), entity->source, entity->id);
            return FALSE;
          }
        g_hash_table_add (entity_ids, entity->id);
      }

  if (raw_spans != NULL)
    {
      for (guint i = 0; i < raw_spans->len; i++)
        {
          RawSpan *span = g_ptr_array_index (raw_spans, i);

          if (spanmark_schema_lookup (schema, span->label) == NULL)
            {
              set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, span->line,
                         _("%s: unknown label “%s” (not in the project’s schema)"),
                         span->source, span->label);
              return FALSE;
            }
          if (span->start < 0 || span->end <= span->start || span->end > original_length)
            {
              set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, span->line,
                         _("%s: offsets %lld–%lld are out of range (the text has %u characters; start must be less than end)"),
                         span->source, (long long) span->start, (long long) span->end, original_length);
              return FALSE;
            }
          if (span->entity != NULL && !g_hash_table_contains (entity_ids, span->entity))
            {
              set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, span->line,
                         _("%s: unknown entity “%s”"), span->source, span->entity);
              return FALSE;
            }
        }

      /* Ids follow text order, so s1 is the first span of the document. */
      g_ptr_array_sort (raw_spans, raw_span_compare);
    }

  set = spanmark_annotation_set_new (id, imp->annotator, text);
  entity_names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (raw_spans != NULL)
    for (guint i = 0; i < raw_spans->len; i++)
      {
        RawSpan *raw = g_ptr_array_index (raw_spans, i);
        g_autoptr(SpanmarkSpan) span = NULL;
        g_autofree char *span_id = NULL;
        g_autofree char *covered = NULL;
        guint start = spanmark_text_remap_offset (removed, (guint) raw->start);
        guint end = spanmark_text_remap_offset (removed, (guint) raw->end);

        if (end <= start)
          {
            set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, raw->line,
                       _("%s: the span %lld–%lld covers only characters that import removes (a byte-order mark or a carriage return)"),
                       raw->source, (long long) raw->start, (long long) raw->end);
            return FALSE;
          }

        covered = spanmark_text_index_slice (index, start, end);

        if (raw->expected != NULL)
          {
            g_autofree char *expected = NULL;

            /* The input's copy of the text went through no normalisation;
             * give it the same treatment as the document. */
            expected = spanmark_text_normalize (raw->expected, strlen (raw->expected),
                                                SPANMARK_TEXT_ENCODING_UTF8, NULL, NULL);
            if (raw->loose)
              {
                if (expected == NULL || !loose_text_equal (expected, covered))
                  add_warning (imp, display, raw->line,
                               _("%s: the text “%s” differs from the document’s “%s” at %lld–%lld; using the offsets"),
                               raw->source, raw->expected, covered, (long long) raw->start, (long long) raw->end);
              }
            else if (expected == NULL || strcmp (expected, covered) != 0)
              {
                set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, raw->line,
                           _("%s: the span’s text “%s” does not match the document’s text “%s” at %lld–%lld (offsets must be Unicode code points)"),
                           raw->source, raw->expected, covered, (long long) raw->start, (long long) raw->end);
                return FALSE;
              }
          }

        span_id = g_strdup_printf ("s%u", i + 1);
        span = spanmark_span_new (span_id, start, end, raw->label, covered);
        if (raw->entity != NULL)
          {
            span->entity = g_strdup (raw->entity);
            if (!g_hash_table_contains (entity_names, raw->entity))
              g_hash_table_insert (entity_names, raw->entity, g_strdup (covered));
          }
        _spanmark_attrs_insert_all (span->attrs, raw->attrs);
        spanmark_annotation_set_load_span (set, span);
      }

  if (raw_entities != NULL)
    for (guint i = 0; i < raw_entities->len; i++)
      {
        RawEntity *raw = g_ptr_array_index (raw_entities, i);
        g_autoptr(SpanmarkEntity) entity = NULL;
        const char *name = raw->name;

        if (name == NULL)
          name = g_hash_table_lookup (entity_names, raw->id);
        if (name == NULL)
          name = raw->id;

        entity = spanmark_entity_new (raw->id, raw->label, name);
        _spanmark_attrs_insert_all (entity->attrs, raw->attrs);
        spanmark_annotation_set_load_entity (set, entity);
      }

  /* documents/<id>.txt must be free, or left over from an interrupted
   * import of this very text, which is then taken over. */
  if (!_spanmark_project_check_new_document (imp->project, id, text,
                                             spanmark_annotation_set_get_n_spans (set) > 0 ||
                                             spanmark_annotation_set_get_n_entities (set) > 0
                                             ? imp->annotator : NULL,
                                             &local_error))
    {
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line, "%s", local_error->message);
      return FALSE;
    }

  doc = g_new0 (PendingDoc, 1);
  doc->id = g_strdup (id);
  doc->title = g_strdup (title);
  doc->meta = meta != NULL ? json_object_ref (meta) : NULL;
  doc->text = g_steal_pointer (&text);

  if (spanmark_annotation_set_get_n_spans (set) > 0 ||
      spanmark_annotation_set_get_n_entities (set) > 0)
    {
      spanmark_annotation_set_load_status (set,
                                           g_strcmp0 (imp->annotator, SPANMARK_CURATED_ANNOTATOR) == 0
                                             ? SPANMARK_STATUS_REVIEWED
                                             : SPANMARK_STATUS_IN_PROGRESS);
      doc->set = g_steal_pointer (&set);
    }

  g_hash_table_insert (imp->ids, g_strdup (id),
                       line > 0 ? g_strdup_printf (_("%s, line %u"), display, line) : g_strdup (display));
  g_ptr_array_add (imp->docs, doc);
  return TRUE;
}

static gboolean
load_file (GFile       *file,
           const char  *display,
           char       **data,
           gsize       *len,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Only regular files: a FIFO would hang the import, /dev/zero fill the
   * memory. */
  if (!spanmark_file_read (file, SPANMARK_FILE_MAX_IMPORT_SIZE, SPANMARK_FILE_READ_NONE,
                           data, len, &local_error))
    {
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, 0, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* "NAME.ext" -> "NAME" (ext compared without case). */
static char *
file_stem (GFile      *file,
           const char *ext)
{
  g_autofree char *base = g_file_get_basename (file);
  gsize n = strlen (base), e = strlen (ext);

  if (n > e && g_ascii_strcasecmp (base + n - e, ext) == 0)
    base[n - e] = '\0';
  return g_steal_pointer (&base);
}

static gboolean
has_extension (GFile      *file,
               const char *ext)
{
  g_autofree char *base = g_file_get_basename (file);
  gsize n, e = strlen (ext);

  if (base == NULL)
    return FALSE;
  n = strlen (base);
  return n > e && g_ascii_strcasecmp (base + n - e, ext) == 0;
}

/* ---- brat ------------------------------------------------------------ */

static gboolean
parse_uint (const char *str,
            gint64     *value)
{
  char *end = NULL;
  guint64 v;

  if (!g_ascii_isdigit (*str))
    return FALSE;
  errno = 0;
  v = g_ascii_strtoull (str, &end, 10);
  if (errno != 0 || *end != '\0' || v > G_MAXUINT32)
    return FALSE;
  *value = (gint64) v;
  return TRUE;
}

/* Orders sorted, non-empty groups of mentions by their first mention. */
static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  GPtrArray *ga = *(GPtrArray * const *) a;
  GPtrArray *gb = *(GPtrArray * const *) b;

  return raw_span_compare (&g_ptr_array_index (ga, 0), &g_ptr_array_index (gb, 0));
}

/* Reads the T, # and * lines of a .ann file into spans and entities. */
static gboolean
parse_brat (Importer    *imp,
            const char  *display,
            const char  *ann,
            GPtrArray   *spans,
            GPtrArray   *entities,
            GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (ann, "\n", -1);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) group_of = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint ignored = 0;

  /* First the text-bound annotations, so notes and equivalences may
   * refer to them in any order. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) fragments = NULL;
      const char *space;
      RawSpan *span;
      gint64 min = G_MAXINT64, max = -1;
      guint n_fragments;

      if (lines[i][0] != 'T')
        continue;

      fields = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (fields) < 2 || (space = strchr (fields[1], ' ')) == NULL)
        {
          set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, i + 1,
                     _("expected “ID<TAB>LABEL START END<TAB>TEXT”"));
          return FALSE;
        }

      fragments = g_strsplit (space + 1, ";", -1);
      n_fragments = g_strv_length (fragments);
      for (guint f = 0; fragments[f] != NULL; f++)
        {
          g_auto(GStrv) pair = g_strsplit (g_strstrip (fragments[f]), " ", -1);
          gint64 s, e;

          if (g_strv_length (pair) != 2 || !parse_uint (pair[0], &s) || !parse_uint (pair[1], &e))
            {
              set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, i + 1,
                         _("%s: cannot read the offsets “%s”"), fields[0], space + 1);
              return FALSE;
            }
          min = MIN (min, s);
          max = MAX (max, e);
        }

      if (g_hash_table_contains (by_id, fields[0]))
        {
          set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, i + 1,
                     _("annotation id “%s” is used twice"), fields[0]);
          return FALSE;
        }

      span = raw_span_new ();
      span->start = min;
      span->end = max;
      span->label = g_strndup (fields[1], space - fields[1]);
      span->line = i + 1;
      span->source = g_strdup (fields[0]);
      if (n_fragments > 1)
        add_warning (imp, display, i + 1,
                     _("%s has %u discontinuous fragments; imported as one span %lld–%lld"),
                     fields[0], n_fragments, (long long) min, (long long) max);
      else if (fields[2] != NULL)
        {
          span->expected = g_strdup (fields[2]);
          span->loose = TRUE;
        }
      g_ptr_array_add (spans, span);
      g_hash_table_insert (by_id, span->source, span);
    }

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) words = NULL;

      if (lines[i][0] == 'T' || lines[i][0] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", 3);
      words = g_strsplit (fields[1] != NULL ? fields[1] : "", " ", -1);

      if (lines[i][0] == '#' && g_strcmp0 (words[0], "AnnotatorNotes") == 0 &&
          words[1] != NULL && g_hash_table_contains (by_id, words[1]))
        {
          RawSpan *span = g_hash_table_lookup (by_id, words[1]);
          const char *note = fields[2] != NULL ? fields[2] : "";
          const char *eq = strchr (note, '=');

          if (eq != NULL && eq > note)
            g_hash_table_insert (span->attrs, g_strndup (note, eq - note), g_strdup (eq + 1));
          else if (*note != '\0')
            {
              const char *old = g_hash_table_lookup (span->attrs, "note");

              /* Several free-form notes on one span are kept together. */
              g_hash_table_insert (span->attrs, g_strdup ("note"),
                                   old != NULL ? g_strconcat (old, "; ", note, NULL) : g_strdup (note));
            }
        }
      else if (lines[i][0] == '*' && g_strcmp0 (words[0], "Equiv") == 0)
        {
          GPtrArray *group = NULL;

          for (guint w = 1; words[w] != NULL; w++)
            {
              RawSpan *span;
              GPtrArray *other;

              if (words[w][0] == '\0')
                continue;
              span = g_hash_table_lookup (by_id, words[w]);
              if (span == NULL)
                {
                  set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, i + 1,
                             _("Equiv refers to “%s”, which is not a text annotation (T…)"),
                             words[w]);
                  return FALSE;
                }

              other = g_hash_table_lookup (group_of, span);
              if (group == NULL)
                {
                  group = other;
                  if (group == NULL)
                    {
                      group = g_ptr_array_new ();
                      g_ptr_array_add (groups, group);
                      g_ptr_array_add (group, span);
                      g_hash_table_insert (group_of, span, group);
                    }
                }
              else if (other == NULL)
                {
                  g_ptr_array_add (group, span);
                  g_hash_table_insert (group_of, span, group);
                }
              else if (other != group)
                {
                  /* Equivalence is transitive: two lines sharing a
                   * mention make one entity. */
                  for (guint m = 0; m < other->len; m++)
                    {
                      g_ptr_array_add (group, g_ptr_array_index (other, m));
                      g_hash_table_insert (group_of, g_ptr_array_index (other, m), group);
                    }
                  g_ptr_array_set_size (other, 0);
                }
            }
        }
      else
        ignored++;
    }

  if (ignored > 0)
    add_warning (imp, display, 0,
                 ngettext ("ignored %u line that Spanmark cannot hold (relations, events, attributes, normalisations or other notes)",
                           "ignored %u lines that Spanmark cannot hold (relations, events, attributes, normalisations or other notes)",
                           ignored),
                 ignored);

  /* Groups in text order of their first mention; each becomes an entity
   * with the label and text of that mention and the attributes all its
   * mentions share (moved from the mentions to the entity). */
  for (guint g = 0; g < groups->len; g++)
    g_ptr_array_sort (g_ptr_array_index (groups, g), raw_span_compare);

  {
    g_autoptr(GPtrArray) ordered = g_ptr_array_new ();

    for (guint g = 0; g < groups->len; g++)
      if (((GPtrArray *) g_ptr_array_index (groups, g))->len > 0)
        g_ptr_array_add (ordered, g_ptr_array_index (groups, g));

    g_ptr_array_sort (ordered, compare_groups);

    for (guint g = 0; g < ordered->len; g++)
      {
        GPtrArray *group = g_ptr_array_index (ordered, g);
        RawSpan *first = g_ptr_array_index (group, 0);
        RawEntity *entity = raw_entity_new ();
        GHashTableIter iter;
        gpointer key, value;

        entity->id = g_strdup_printf ("e%u", g + 1);
        entity->label = g_strdup (first->label);
        entity->line = first->line;
        entity->source = g_strdup_printf ("Equiv (%s)", first->source);

        g_hash_table_iter_init (&iter, first->attrs);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            gboolean shared = TRUE;

            for (guint m = 1; m < group->len && shared; m++)
              {
                RawSpan *mention = g_ptr_array_index (group, m);

                shared = g_strcmp0 (g_hash_table_lookup (mention->attrs, key), value) == 0;
              }
            if (shared)
              g_hash_table_insert (entity->attrs, g_strdup (key), g_strdup (value));
          }

        g_hash_table_iter_init (&iter, entity->attrs);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          for (guint m = 0; m < group->len; m++)
            g_hash_table_remove (((RawSpan *) g_ptr_array_index (group, m))->attrs, key);

        for (guint m = 0; m < group->len; m++)
          {
            RawSpan *mention = g_ptr_array_index (group, m);

            mention->entity = g_strdup (entity->id);
          }
        g_ptr_array_add (entities, entity);
      }
  }

  return TRUE;
}

/* A .txt file's bytes @data, named @display, and when @ann_data is not
 * NULL the bytes of its brat .ann, named @ann_display. */
static gboolean
import_txt_data (Importer    *imp,
                 const char  *display,
                 const char  *id,
                 const char  *data,
                 gsize        len,
                 const char  *ann_display,
                 const char  *ann_data,
                 gsize        ann_len,
                 GError     **error)
{
  g_autofree char *ann = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GError) local_error = NULL;

  if (ann_data == NULL)
    return build_document (imp, display, display, 0, id, NULL, NULL, data, len,
                           imp->encoding, NULL, NULL, error);

  if (imp->encoding == SPANMARK_TEXT_ENCODING_UTF8)
    {
      gsize bad = 0;

      if (!spanmark_text_validate (ann_data, ann_len, &bad, &local_error))
        {
          set_error (error, SPANMARK_IMPORT_ERROR_INVALID, ann_display,
                     line_of_byte (ann_data, bad), "%s", local_error->message);
          return FALSE;
        }
    }
  /* The .ann file is in the same encoding as its .txt. */
  ann = spanmark_text_normalize (ann_data, ann_len, imp->encoding, NULL, &local_error);
  if (ann == NULL)
    {
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, ann_display, 0, "%s", local_error->message);
      return FALSE;
    }

  spans = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_span_free);
  entities = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_entity_free);
  if (!parse_brat (imp, ann_display, ann, spans, entities, error))
    return FALSE;

  /* Errors about spans name the .ann file, where they are; errors
   * about the text name the .txt. */
  return build_document (imp, ann_display, display, 0, id, NULL, NULL, data, len,
                         imp->encoding, spans, entities, error);
}

static gboolean
import_txt (Importer  *imp,
            GFile     *file,
            GError   **error)
{
  g_autofree char *display = file_display_name (file);
  g_autofree char *id = file_stem (file, ".txt");
  g_autofree char *data = NULL;
  g_autofree char *ann_name = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) ann_file = NULL;
  gsize len = 0;

  if (!load_file (file, display, &data, &len, error))
    return FALSE;

  ann_name = g_strconcat (id, ".ann", NULL);
  ann_file = g_file_get_child (parent, ann_name);
  if (g_file_query_exists (ann_file, NULL))
    {
      g_autofree char *ann_display = file_display_name (ann_file);
      g_autofree char *ann_data = NULL;
      gsize ann_len = 0;

      if (!load_file (ann_file, ann_display, &ann_data, &ann_len, error))
        return FALSE;
      return import_txt_data (imp, display, id, data, len, ann_display, ann_data, ann_len, error);
    }

  return import_txt_data (imp, display, id, data, len, NULL, NULL, 0, error);
}

/* ---- JSON lines -------------------------------------------------------- */

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
            GHashTable  *attrs,
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
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                 _("%s: “attrs” must be an object of strings"), source);
      return FALSE;
    }

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &key, &value))
    {
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        {
          set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                     _("%s: attribute “%s” must be a string"), source, key);
          return FALSE;
        }
      g_hash_table_insert (attrs, g_strdup (key), g_strdup (json_node_get_string (value)));
    }
  return TRUE;
}

/* One spaCy-style span object: {"start", "end", "label", "text"?,
 * "entity"?, "attrs"?}, or doccano's relation-style
 * {"start_offset", "end_offset", "label"}. */
static RawSpan *
read_span_object (JsonNode    *node,
                  const char  *display,
                  guint        line,
                  const char  *source,
                  GError     **error)
{
  g_autoptr(RawSpan) span = NULL;
  JsonObject *object;
  const char *label, *text, *entity;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                 _("%s: expected an object with “start”, “end” and “label”"), source);
      return NULL;
    }
  object = json_node_get_object (node);

  span = raw_span_new ();
  span->line = line;
  span->source = g_strdup (source);

  if ((!json_get_offset (json_object_get_member (object, "start"), &span->start) &&
       !json_get_offset (json_object_get_member (object, "start_offset"), &span->start)) ||
      (!json_get_offset (json_object_get_member (object, "end"), &span->end) &&
       !json_get_offset (json_object_get_member (object, "end_offset"), &span->end)))
    {
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                 _("%s: “start” and “end” must be integers"), source);
      return NULL;
    }

  label = json_get_string (object, "label");
  if (label == NULL)
    {
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
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
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                 _("%s: “entity” must be a string"), source);
      return NULL;
    }

  if (!read_attrs (object, span->attrs, display, line, source, error))
    return NULL;

  return g_steal_pointer (&span);
}

static gboolean
import_jsonl_line (Importer    *imp,
                   const char  *display,
                   const char  *stem,
                   guint        line,
                   const char  *data,
                   gsize        len,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_span_free);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_entity_free);
  g_autofree char *id = NULL;
  JsonObject *object, *meta = NULL;
  JsonNode *node;
  const char *text, *title = NULL;

  SpanmarkJsonSyntax syntax = { .first_line = line };

  /* The strict check every reader runs: without it json-glib would take
   * comments, crash on deep nesting and cut texts at "\u0000". */
  if (!spanmark_json_syntax_check (&syntax, data, len))
    {
      g_autofree char *location = g_strdup_printf (_("line %u, column %u"), syntax.line, syntax.column);

      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, 0, "%s: %s", location, syntax.message);
      spanmark_json_syntax_clear (&syntax);
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      /* Not reached for what the check accepts; json-glib's message
       * ("<data>:1:22: Parse error: …") is not for users. */
      g_debug ("%s:%u: json-glib refused what the syntax check accepted: %s",
               display, line, local_error->message);
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line, _("not valid JSON"));
      return FALSE;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                 _("expected a JSON object with a “text”"));
      return FALSE;
    }
  object = json_node_get_object (node);

  text = json_get_string (object, "text");
  if (text == NULL)
    {
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
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
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                 _("“id” must be a string or an integer"));
      return FALSE;
    }

  if (json_object_has_member (object, "title"))
    {
      title = json_get_string (object, "title");
      if (title == NULL && !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "title")))
        {
          set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
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
          set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
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
          set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
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
              set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                         _("label[%u]: expected [start, end, \"LABEL\"]"), i);
              return FALSE;
            }

          span = raw_span_new ();
          span->line = line;
          span->source = g_strdup_printf ("label[%u]", i);
          g_ptr_array_add (spans, span);
          if (!json_get_offset (json_array_get_element (triple, 0), &span->start) ||
              !json_get_offset (json_array_get_element (triple, 1), &span->end))
            {
              set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                         _("%s: start and end must be integers"), span->source);
              return FALSE;
            }
          element = json_array_get_element (triple, 2);
          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
            {
              set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
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
          set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
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
              set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
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

          entity = raw_entity_new ();
          entity->line = line;
          entity->source = g_steal_pointer (&source);
          g_ptr_array_add (entities, entity);

          value = json_get_string (eo, "id");
          if (value == NULL)
            {
              set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                         _("%s: “id” must be a string"), entity->source);
              return FALSE;
            }
          entity->id = g_strdup (value);
          value = json_get_string (eo, "label");
          if (value == NULL)
            {
              set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                         _("%s: “label” must be a string"), entity->source);
              return FALSE;
            }
          entity->label = g_strdup (value);
          entity->name = g_strdup (json_get_string (eo, "name"));
          if (!read_attrs (eo, entity->attrs, display, line, entity->source, error))
            return FALSE;
        }
    }

  return build_document (imp, display, display, line, id, title, meta, text, strlen (text),
                         SPANMARK_TEXT_ENCODING_UTF8, spans, entities, error);
}

/* The bytes @data of a JSON lines file named @display; documents without
 * an id are named after @stem and their line. */
static gboolean
import_jsonl_data (Importer    *imp,
                   const char  *display,
                   const char  *stem,
                   const char  *data,
                   gsize        len,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *p;
  gsize bad = 0;
  guint line = 0;

  if (!spanmark_text_validate (data, len, &bad, &local_error))
    {
      set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line_of_byte (data, bad),
                 "%s", local_error->message);
      return FALSE;
    }

  p = data;
  /* A byte-order mark before the first line is not part of the JSON. */
  if (len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < data + len)
    {
      const char *nl = memchr (p, '\n', data + len - p);
      const char *end = nl != NULL ? nl : data + len;
      gsize n = end - p;

      line++;
      if (n > 0 && p[n - 1] == '\r')
        n--;

      /* Blank lines (often a final one) hold no document. */
      {
        gboolean blank = TRUE;

        for (gsize i = 0; i < n && blank; i++)
          blank = g_ascii_isspace (p[i]);
        if (!blank && !import_jsonl_line (imp, display, stem, line, p, n, error))
          return FALSE;
      }

      p = nl != NULL ? nl + 1 : data + len;
    }

  return TRUE;
}

static gboolean
import_jsonl (Importer  *imp,
              GFile     *file,
              GError   **error)
{
  g_autofree char *display = file_display_name (file);
  g_autofree char *stem = file_stem (file, ".jsonl");
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!load_file (file, display, &data, &len, error))
    return FALSE;

  return import_jsonl_data (imp, display, stem, data, len, error);
}

/* ---- entry points ------------------------------------------------------ */

static gboolean
file_in_list (GFile  *file,
              GFile **files,
              guint   n_files)
{
  for (guint i = 0; i < n_files; i++)
    if (g_file_equal (file, files[i]))
      return TRUE;
  return FALSE;
}

static gboolean
check_file (Importer  *imp,
            GFile     *file,
            GFile    **files,
            guint      n_files,
            GError   **error)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *display = file_display_name (file);

  if (has_extension (file, ".txt"))
    return import_txt (imp, file, error);

  if (has_extension (file, ".jsonl"))
    return import_jsonl (imp, file, error);

  if (has_extension (file, ".ann"))
    {
      /* "import DIR export/NAME.*" names both halves of a brat pair. */
      g_autofree char *stem = file_stem (file, ".ann");
      g_autofree char *txt_name = g_strconcat (stem, ".txt", NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autoptr(GFile) txt = g_file_get_child (parent, txt_name);

      if (file_in_list (txt, files, n_files))
        return TRUE;
      if (!g_file_query_exists (txt, NULL))
        {
          set_error (error, SPANMARK_IMPORT_ERROR_FORMAT, display, 0,
                     _("a brat .ann file needs its .txt beside it (%s)"), txt_name);
          return FALSE;
        }
      return import_txt (imp, txt, error);
    }

  if (g_strcmp0 (base, "annotation.conf") == 0 || g_strcmp0 (base, "visual.conf") == 0 ||
      g_strcmp0 (base, "tools.conf") == 0 || g_strcmp0 (base, "kb_shortcuts.conf") == 0)
    {
      add_warning (imp, display, 0, _("brat configuration ignored; the project’s schema decides the labels"));
      return TRUE;
    }

  /* A file without any extension (say "spanmark-cli export -o out") is
   * taken as JSON lines if it starts like them. */
  if (strchr (base, '.') == NULL)
    {
      g_autofree char *head = NULL;
      const char *p;

      if (!spanmark_file_read (file, 64, SPANMARK_FILE_READ_HEAD, &head, NULL, NULL))
        return import_jsonl (imp, file, error);  /* which says what is wrong with it */
      for (p = head; *p != '\0' && g_ascii_isspace (*p); p++)
        ;
      if (*p == '{')
        return import_jsonl (imp, file, error);
    }

  set_error (error, SPANMARK_IMPORT_ERROR_FORMAT, display, 0,
             _("unknown kind of file (expected .txt, .txt with .ann, or .jsonl)"));
  return FALSE;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *pa = g_file_get_path (*(GFile * const *) a);
  g_autofree char *pb = g_file_get_path (*(GFile * const *) b);

  return g_strcmp0 (pa, pb);
}

GPtrArray *
spanmark_import_expand_folders (GFile  **files,
                                guint    n_files,
                                GError **error)
{
  g_autoptr(GPtrArray) result = NULL;

  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GFileEnumerator) children = NULL;
      g_autoptr(GPtrArray) found = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *display = NULL;
      GFileInfo *info;

      if (g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
        {
          g_ptr_array_add (result, g_object_ref (files[i]));
          continue;
        }

      display = file_display_name (files[i]);
      children = g_file_enumerate_children (files[i], G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
      if (children == NULL)
        {
          set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, 0,
                     _("cannot read the folder: %s"), local_error->message);
          return NULL;
        }

      found = g_ptr_array_new_with_free_func (g_object_unref);
      while ((info = g_file_enumerator_next_file (children, NULL, &local_error)) != NULL)
        {
          g_autoptr(GFileInfo) owned = info;
          g_autoptr(GFile) child = g_file_get_child (files[i], g_file_info_get_name (owned));

          if (g_file_info_get_file_type (owned) == G_FILE_TYPE_REGULAR &&
              (has_extension (child, ".txt") || has_extension (child, ".ann") || has_extension (child, ".jsonl")))
            g_ptr_array_add (found, g_steal_pointer (&child));
        }
      if (local_error != NULL)
        {
          set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, 0,
                     _("cannot read the folder: %s"), local_error->message);
          return NULL;
        }
      if (found->len == 0)
        {
          set_error (error, SPANMARK_IMPORT_ERROR_FORMAT, display, 0,
                     _("the folder holds no .txt or .jsonl files"));
          return NULL;
        }

      g_ptr_array_sort (found, compare_files);
      for (guint j = 0; j < found->len; j++)
        g_ptr_array_add (result, g_object_ref (g_ptr_array_index (found, j)));
    }

  return g_steal_pointer (&result);
}

/* Sets up @imp for one import into @project; FALSE when the annotator
 * name is not valid.  importer_clear() frees it either way. */
static gboolean
importer_init (Importer                    *imp,
               SpanmarkProject             *project,
               const SpanmarkImportOptions *options,
               GPtrArray                   *warnings,
               GError                     **error)
{
  imp->project = project;
  imp->annotator = options != NULL && options->annotator != NULL ? options->annotator : "imported";
  imp->encoding = options != NULL ? options->encoding : SPANMARK_TEXT_ENCODING_UTF8;
  imp->docs = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_doc_free);
  imp->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->warnings = warnings;

  if (!spanmark_project_is_valid_annotator (imp->annotator))
    {
      g_set_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID,
                   _("“%s” is not a valid annotator name"), imp->annotator);
      return FALSE;
    }
  return TRUE;
}

static void
importer_clear (Importer *imp)
{
  g_clear_pointer (&imp->docs, g_ptr_array_unref);
  g_clear_pointer (&imp->ids, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Importer, importer_clear)

int
spanmark_import_files (SpanmarkProject             *project,
                       GFile                      **files,
                       guint                        n_files,
                       const SpanmarkImportOptions *options,
                       GPtrArray                   *warnings,
                       GError                     **error)
{
  g_autoptr(GPtrArray) expanded = NULL;
  g_auto(Importer) imp = { 0 };
  GPtrArray *docs;
  gboolean ok = TRUE;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), -1);
  g_return_val_if_fail (files != NULL || n_files == 0, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!importer_init (&imp, project, options, warnings, error))
    return -1;
  docs = imp.docs;

  /* Import ends by rewriting spanmark.json: with entries it could not
   * read, that would drop them.  Refuse before writing anything. */
  if (!spanmark_project_check_can_save (project, error))
    return -1;

  expanded = spanmark_import_expand_folders (files, n_files, error);
  if (expanded == NULL)
    return -1;

  /* Phase one: read and check everything. */
  for (guint i = 0; i < expanded->len; i++)
    if (!check_file (&imp, g_ptr_array_index (expanded, i),
                     (GFile **) expanded->pdata, expanded->len, error))
      return -1;

  /* Phase two: write the texts and annotation files, without an fsync
   * each, then make them all durable at once; the caller then writes the
   * index.  A kill before that leaves the old index and documents it does
   * not list, which the same import takes over when run again.  Should
   * the disk fail half-way, the files already written are removed again
   * and the documents taken out of the index. */
  _spanmark_project_begin_batch (project);
  for (guint i = 0; i < docs->len && ok; i++)
    {
      PendingDoc *doc = g_ptr_array_index (docs, i);
      SpanmarkDocument *document;

      document = spanmark_project_add_document (project, doc->id, doc->text, doc->title, error);
      ok = document != NULL;
      if (ok && doc->meta != NULL)
        spanmark_document_set_meta (document, doc->meta);

      if (ok && doc->set != NULL)
        ok = spanmark_project_save_annotations (project, doc->set, error);
    }

  if (!ok)
    {
      _spanmark_project_end_batch (project, FALSE, NULL);
      return -1;
    }

  if (!_spanmark_project_end_batch (project, TRUE, error))
    return -1;

  return (int) docs->len;
}

int
spanmark_import_file (SpanmarkProject             *project,
                      GFile                       *file,
                      const SpanmarkImportOptions *options,
                      GError                     **error)
{
  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), -1);
  g_return_val_if_fail (G_IS_FILE (file), -1);

  return spanmark_import_files (project, &file, 1, options, NULL, error);
}

gboolean
_spanmark_import_check_data (SpanmarkProject             *project,
                             const SpanmarkImportOptions *options,
                             const char                  *name,
                             const char                  *data,
                             gsize                        len,
                             const char                  *ann_data,
                             gsize                        ann_len,
                             GPtrArray                   *documents,
                             GPtrArray                   *sets,
                             GPtrArray                   *warnings,
                             GError                     **error)
{
  g_auto(Importer) imp = { 0 };
  gboolean ok;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (name != NULL && data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!importer_init (&imp, project, options, warnings, error))
    return FALSE;

  if (g_str_has_suffix (name, ".jsonl"))
    {
      g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".jsonl"));

      ok = import_jsonl_data (&imp, name, stem, data, len, error);
    }
  else
    {
      g_autofree char *id = g_str_has_suffix (name, ".txt")
                            ? g_strndup (name, strlen (name) - strlen (".txt"))
                            : g_strdup (name);
      g_autofree char *ann_display = g_strconcat (id, ".ann", NULL);

      ok = import_txt_data (&imp, name, id, data, len, ann_display, ann_data, ann_len, error);
    }
  if (!ok)
    return FALSE;

  /* What phase two would write: the index entries and annotation sets. */
  for (guint i = 0; i < imp.docs->len; i++)
    {
      PendingDoc *doc = g_ptr_array_index (imp.docs, i);
      g_autofree char *path = g_strconcat ("documents/", doc->id, ".txt", NULL);
      SpanmarkDocument *document = spanmark_document_new (doc->id, path, doc->title);

      spanmark_document_set_meta (document, doc->meta);
      g_ptr_array_add (documents, document);
      g_ptr_array_add (sets, doc->set != NULL
                             ? g_object_ref (doc->set)
                             : spanmark_annotation_set_new (doc->id, imp.annotator, doc->text));
    }
  return TRUE;
}
