/* spanmark-import-brat.c — brat standoff: the .ann beside a .txt
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offsets are code points into the .txt as stored (before normalisation).
 * "T1<TAB>LABEL START END<TAB>TEXT" is a span; a discontinuous "S E;S E"
 * one becomes one span from the first start to the last end, with a
 * warning.  "#1<TAB>AnnotatorNotes T1<TAB>key=value" sets a span attribute
 * (a note without "=" becomes attribute "note").  "*<TAB>Equiv T1 T3"
 * makes one entity of its mentions: the label and text of the first
 * mention in the text, and the attributes all mentions share (moved from
 * the spans to the entity).  "N1<TAB>Reference T1 Spanmark:ID<TAB>NAME"
 * (what Spanmark's brat export writes for every mention of an entity)
 * links the mention to the entity ID named NAME: mentions linked to one
 * ID are one entity, with that id (a registry id stays one), even a
 * single mention.  R, E, A, N lines of other databases and other lines
 * are counted in one warning and otherwise ignored.
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-attrs-private.h"
#include "spanmark-import-format-private.h"

/* The normalization "database" of the N lines Spanmark writes
 * (spanmark-export-brat.c). */
#define BRAT_NORMALIZATION_PREFIX "Spanmark:"

/* What an N line of Spanmark's says about one mention. */
typedef struct
{
  char  *id;
  char  *name;
  guint  line;
} Link;

static void
link_free (Link *link)
{
  g_free (link->id);
  g_free (link->name);
  g_free (link);
}

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

  return _spanmark_import_raw_span_compare (&g_ptr_array_index (ga, 0), &g_ptr_array_index (gb, 0));
}

/* Puts @span into *@group (a new group when NULL), merging the group
 * @span is in already: equivalence is transitive, so two lines sharing
 * a mention make one entity. */
static void
join_group (GPtrArray   *groups,
            GHashTable  *group_of,
            GPtrArray  **group,
            RawSpan     *span)
{
  GPtrArray *other = g_hash_table_lookup (group_of, span);

  if (*group == NULL)
    {
      *group = other;
      if (*group == NULL)
        {
          *group = g_ptr_array_new ();
          g_ptr_array_add (groups, *group);
          g_ptr_array_add (*group, span);
          g_hash_table_insert (group_of, span, *group);
        }
    }
  else if (other == NULL)
    {
      g_ptr_array_add (*group, span);
      g_hash_table_insert (group_of, span, *group);
    }
  else if (other != *group)
    {
      for (guint m = 0; m < other->len; m++)
        {
          g_ptr_array_add (*group, g_ptr_array_index (other, m));
          g_hash_table_insert (group_of, g_ptr_array_index (other, m), *group);
        }
      g_ptr_array_set_size (other, 0);
    }
}

/* Reads "N1<TAB>Reference T1 Spanmark:ID<TAB>NAME" into @links (span ->
 * Link); a line that names Spanmark's database before its last field
 * must have that shape. */
static gboolean
parse_link (const char  *display,
            guint        line,
            const char  *text,
            GHashTable  *by_id,
            GHashTable  *links,
            GError     **error)
{
  g_auto(GStrv) fields = g_strsplit (text, "\t", 3);
  g_auto(GStrv) words = NULL;
  RawSpan *span;
  Link *link;
  const char *id;

  if (g_strv_length (fields) != 3 ||
      g_strv_length (words = g_strsplit (fields[1], " ", 3)) != 3 ||
      !g_str_equal (words[0], "Reference") || !g_str_has_prefix (words[2], BRAT_NORMALIZATION_PREFIX))
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("expected “N1<TAB>Reference T1 Spanmark:ENTITY<TAB>NAME”"));
      return FALSE;
    }

  span = g_hash_table_lookup (by_id, words[1]);
  if (span == NULL)
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("%s refers to “%s”, which is not a text annotation (T…)"),
                                  fields[0], words[1]);
      return FALSE;
    }

  id = words[2] + strlen (BRAT_NORMALIZATION_PREFIX);
  if (*id == '\0' || fields[2][0] == '\0')
    {
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("%s: the entity’s id or name is empty"), fields[0]);
      return FALSE;
    }

  link = g_hash_table_lookup (links, span);
  if (link != NULL)
    {
      if (g_str_equal (link->id, id))
        return TRUE;
      _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, line,
                                  _("%s links %s to the entity “%s”, but line %u links it to “%s”"),
                                  fields[0], words[1], id, link->line, link->id);
      return FALSE;
    }

  link = g_new0 (Link, 1);
  link->id = g_strdup (id);
  /* A .ann with CRLF line ends. */
  link->name = g_strndup (fields[2], strcspn (fields[2], "\r"));
  link->line = line;
  g_hash_table_insert (links, span, link);

  return TRUE;
}

/* The id of @group's entity: the one its mentions' N lines give (they
 * must agree), or NULL. */
static gboolean
group_link (const char  *display,
            GPtrArray   *group,
            GHashTable  *links,
            const Link **found,
            GError     **error)
{
  *found = NULL;
  for (guint m = 0; m < group->len; m++)
    {
      const Link *link = g_hash_table_lookup (links, g_ptr_array_index (group, m));

      if (link == NULL)
        continue;
      if (*found != NULL && !g_str_equal ((*found)->id, link->id))
        {
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, link->line,
                                      _("%s is one entity with %s (Equiv), but is linked to “%s”, not “%s”"),
                                      ((RawSpan *) g_ptr_array_index (group, m))->source,
                                      ((RawSpan *) g_ptr_array_index (group, 0))->source,
                                      link->id, (*found)->id);
          return FALSE;
        }
      *found = link;
    }

  return TRUE;
}

/* Reads the T, #, * and Spanmark's N lines of a .ann file into spans and
 * entities. */
static gboolean
brat_parse_companion (Importer   *imp,
                      const char *display,
                      const char *ann,
                      GPtrArray  *spans,
                      GPtrArray  *entities,
                      GError    **error)
{
  g_auto(GStrv) lines = g_strsplit (ann, "\n", -1);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) group_of = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) links = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                       (GDestroyNotify) link_free);
  /* Entity id -> its first mention. */
  g_autoptr(GHashTable) first_of_id = g_hash_table_new (g_str_hash, g_str_equal);
  guint ignored = 0;
  guint next_id = 0;

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
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, i + 1,
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
              _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, i + 1,
                                          _("%s: cannot read the offsets “%s”"), fields[0], space + 1);
              return FALSE;
            }
          min = MIN (min, s);
          max = MAX (max, e);
        }

      if (g_hash_table_contains (by_id, fields[0]))
        {
          _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, i + 1,
                                      _("annotation id “%s” is used twice"), fields[0]);
          return FALSE;
        }

      span = _spanmark_import_raw_span_new ();
      span->start = min;
      span->end = max;
      span->label = g_strndup (fields[1], space - fields[1]);
      span->line = i + 1;
      span->source = g_strdup (fields[0]);
      if (n_fragments > 1)
        _spanmark_import_add_warning (imp, display, i + 1,
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
            g_hash_table_insert (_spanmark_attrs_writable (&span->attrs), g_strndup (note, eq - note), g_strdup (eq + 1));
          else if (*note != '\0')
            {
              const char *old = g_hash_table_lookup (span->attrs, "note");

              /* Several free-form notes on one span are kept together. */
              g_hash_table_insert (_spanmark_attrs_writable (&span->attrs), g_strdup ("note"),
                                   old != NULL ? g_strconcat (old, "; ", note, NULL) : g_strdup (note));
            }
        }
      else if (lines[i][0] == 'N' &&
               (strstr (fields[0], BRAT_NORMALIZATION_PREFIX) != NULL ||
                (fields[1] != NULL && strstr (fields[1], BRAT_NORMALIZATION_PREFIX) != NULL)))
        {
          if (!parse_link (display, i + 1, lines[i], by_id, links, error))
            return FALSE;
        }
      else if (lines[i][0] == '*' && g_strcmp0 (words[0], "Equiv") == 0)
        {
          GPtrArray *group = NULL;

          for (guint w = 1; words[w] != NULL; w++)
            {
              RawSpan *span;

              if (words[w][0] == '\0')
                continue;
              span = g_hash_table_lookup (by_id, words[w]);
              if (span == NULL)
                {
                  _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, i + 1,
                                              _("Equiv refers to “%s”, which is not a text annotation (T…)"),
                                              words[w]);
                  return FALSE;
                }

              join_group (groups, group_of, &group, span);
            }
        }
      else
        ignored++;
    }

  /* Mentions linked to one entity id are one entity, even without an
   * Equiv line; a mention linked alone is an entity of one mention.
   * Spans in text order, so groups are made in the same order on every
   * run. */
  for (guint s = 0; s < spans->len; s++)
    {
      RawSpan *span = g_ptr_array_index (spans, s);
      const Link *link = g_hash_table_lookup (links, span);
      RawSpan *first;
      GPtrArray *group = NULL;

      if (link == NULL)
        continue;
      /* Through the first mention: joining may empty its old group. */
      first = g_hash_table_lookup (first_of_id, link->id);
      if (first != NULL)
        join_group (groups, group_of, &group, first);
      else
        g_hash_table_insert (first_of_id, link->id, span);
      join_group (groups, group_of, &group, span);
    }

  if (ignored > 0)
    _spanmark_import_add_warning (imp, display, 0,
                                  ngettext ("ignored %u line that Spanmark cannot hold (relations, events, attributes, normalisations or other notes)",
                                            "ignored %u lines that Spanmark cannot hold (relations, events, attributes, normalisations or other notes)",
                                            ignored),
                                  ignored);

  /* Groups in text order of their first mention; each becomes an entity
   * with the label and text of that mention and the attributes all its
   * mentions share (moved from the mentions to the entity). */
  for (guint g = 0; g < groups->len; g++)
    g_ptr_array_sort (g_ptr_array_index (groups, g), _spanmark_import_raw_span_compare);

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
        RawEntity *entity;
        const Link *link;
        GHashTableIter iter;
        gpointer key, value;

        if (!group_link (display, group, links, &link, error))
          return FALSE;

        entity = _spanmark_import_raw_entity_new ();
        g_ptr_array_add (entities, entity);
        if (link != NULL)
          {
            entity->id = g_strdup (link->id);
            entity->name = g_strdup (link->name);
          }
        else
          {
            /* e1, e2… as Spanmark numbers entities, skipping the ids
             * the N lines give. */
            do
              {
                g_free (entity->id);
                entity->id = g_strdup_printf ("e%u", ++next_id);
              }
            while (g_hash_table_contains (first_of_id, entity->id));
          }
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
              g_hash_table_insert (_spanmark_attrs_writable (&entity->attrs), g_strdup (key), g_strdup (value));
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
      }
  }

  return TRUE;
}

static const char * const brat_configuration[] = {
  "annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf", NULL
};

const SpanmarkImportFormat _spanmark_import_format_brat = {
  .name = "brat",
  .extension = ".ann",
  .usage = "NAME.txt + NAME.ann",
  .description = N_("brat: the text and its spans; AnnotatorNotes\n"
                    "“key=value” become attributes, Equiv groups\n"
                    "and Spanmark’s N lines become entities"),
  .companion_of = ".txt",
  .missing_message = N_("a brat .ann file needs its .txt beside it (%s)"),
  .ignored_files = brat_configuration,
  .ignored_message = N_("brat configuration ignored; the project’s schema decides the labels"),
  .parse_companion = brat_parse_companion,
};
