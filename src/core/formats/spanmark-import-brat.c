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
 * the spans to the entity).  R, E, A, N and other lines are counted in one
 * warning and otherwise ignored.
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-attrs-private.h"
#include "spanmark-import-format-private.h"

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

/* Reads the T, # and * lines of a .ann file into spans and entities. */
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
                  _spanmark_import_set_error (error, SPANMARK_IMPORT_ERROR_INVALID, display, i + 1,
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
        RawEntity *entity = _spanmark_import_raw_entity_new ();
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

static const char * const brat_configuration[] = {
  "annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf", NULL
};

const SpanmarkImportFormat _spanmark_import_format_brat = {
  .name = "brat",
  .extension = ".ann",
  .usage = "NAME.txt + NAME.ann",
  .description = N_("brat: the text and its spans; AnnotatorNotes\n"
                    "“key=value” become attributes, Equiv groups\n"
                    "become entities"),
  .companion_of = ".txt",
  .missing_message = N_("a brat .ann file needs its .txt beside it (%s)"),
  .ignored_files = brat_configuration,
  .ignored_message = N_("brat configuration ignored; the project’s schema decides the labels"),
  .parse_companion = brat_parse_companion,
};
