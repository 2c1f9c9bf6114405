/* spanmark-curation.c — one document's annotators side by side, and the
 * curated version built from them
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "spanmark-curation.h"
#include "spanmark-history.h"

struct _SpanmarkCuration
{
  GObject                parent_instance;

  SpanmarkAnnotationSet *curated;
  GPtrArray             *sets;          /* SpanmarkAnnotationSet* */
  GArray                *handlers;      /* gulong, one "changed" handler per set, curated last */

  /* The units, rebuilt when an annotator's set changed (dirty); when
   * only the curated set did, the versions' flags are read again
   * (flags_dirty): the units themselves are the annotators'. */
  gboolean               dirty;
  gboolean               flags_dirty;
  GArray                *units;         /* SpanmarkUnit */
  GArray                *versions;      /* SpanmarkUnitVersion, all units' */
  GArray                *holders;       /* guint: the versions' annotators */
  GPtrArray             *holder_spans;  /* const SpanmarkSpan*: and their spans */
};

G_DEFINE_FINAL_TYPE (SpanmarkCuration, spanmark_curation, G_TYPE_OBJECT)

static void
set_changed_cb (SpanmarkAnnotationSet *set,
                SpanmarkCuration      *self)
{
  if (set == self->curated)
    self->flags_dirty = TRUE;
  else
    self->dirty = TRUE;
}

static void
spanmark_curation_dispose (GObject *object)
{
  SpanmarkCuration *self = SPANMARK_CURATION (object);

  for (guint i = 0; self->handlers != NULL && i < self->handlers->len; i++)
    {
      gpointer set = i < self->sets->len ? g_ptr_array_index (self->sets, i) : self->curated;

      g_signal_handler_disconnect (set, g_array_index (self->handlers, gulong, i));
    }
  g_clear_pointer (&self->handlers, g_array_unref);
  g_clear_pointer (&self->sets, g_ptr_array_unref);
  g_clear_object (&self->curated);

  G_OBJECT_CLASS (spanmark_curation_parent_class)->dispose (object);
}

static void
spanmark_curation_finalize (GObject *object)
{
  SpanmarkCuration *self = SPANMARK_CURATION (object);

  g_array_unref (self->units);
  g_array_unref (self->versions);
  g_array_unref (self->holders);
  g_ptr_array_unref (self->holder_spans);

  G_OBJECT_CLASS (spanmark_curation_parent_class)->finalize (object);
}

static void
spanmark_curation_class_init (SpanmarkCurationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = spanmark_curation_dispose;
  object_class->finalize = spanmark_curation_finalize;
}

static void
spanmark_curation_init (SpanmarkCuration *self)
{
  self->dirty = TRUE;
  self->units = g_array_new (FALSE, FALSE, sizeof (SpanmarkUnit));
  self->versions = g_array_new (FALSE, FALSE, sizeof (SpanmarkUnitVersion));
  self->holders = g_array_new (FALSE, FALSE, sizeof (guint));
  self->holder_spans = g_ptr_array_new ();
}

static void
watch (SpanmarkCuration      *self,
       SpanmarkAnnotationSet *set)
{
  gulong id = g_signal_connect (set, "changed", G_CALLBACK (set_changed_cb), self);

  g_array_append_val (self->handlers, id);
}

SpanmarkCuration *
spanmark_curation_new (SpanmarkAnnotationSet        *curated,
                       SpanmarkAnnotationSet * const *sets,
                       guint                         n_sets)
{
  SpanmarkCuration *self;
  const char *text;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (curated), NULL);
  g_return_val_if_fail (sets != NULL && n_sets > 0, NULL);

  text = spanmark_annotation_set_get_text (curated);
  for (guint i = 0; i < n_sets; i++)
    {
      g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (sets[i]), NULL);
      g_return_val_if_fail (g_strcmp0 (spanmark_annotation_set_get_text (sets[i]), text) == 0, NULL);
    }

  self = g_object_new (SPANMARK_TYPE_CURATION, NULL);
  self->curated = g_object_ref (curated);
  self->sets = g_ptr_array_new_with_free_func (g_object_unref);
  self->handlers = g_array_new (FALSE, FALSE, sizeof (gulong));
  for (guint i = 0; i < n_sets; i++)
    {
      g_ptr_array_add (self->sets, g_object_ref (sets[i]));
      watch (self, sets[i]);
    }
  watch (self, curated);

  return self;
}

SpanmarkAnnotationSet *
spanmark_curation_get_curated (SpanmarkCuration *self)
{
  g_return_val_if_fail (SPANMARK_IS_CURATION (self), NULL);

  return self->curated;
}

guint
spanmark_curation_get_n_annotators (SpanmarkCuration *self)
{
  g_return_val_if_fail (SPANMARK_IS_CURATION (self), 0);

  return self->sets->len;
}

SpanmarkAnnotationSet *
spanmark_curation_get_annotator_set (SpanmarkCuration *self,
                                     guint             index)
{
  g_return_val_if_fail (SPANMARK_IS_CURATION (self), NULL);
  g_return_val_if_fail (index < self->sets->len, NULL);

  return g_ptr_array_index (self->sets, index);
}

/* Units. */

typedef struct
{
  const SpanmarkSpan *span;
  guint               annotator;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;
  int order;

  if (ea->span->start != eb->span->start)
    return ea->span->start < eb->span->start ? -1 : 1;
  if (ea->span->end != eb->span->end)
    return ea->span->end > eb->span->end ? -1 : 1;
  order = strcmp (ea->span->label, eb->span->label);
  if (order != 0)
    return order;
  return ea->annotator < eb->annotator ? -1 : ea->annotator > eb->annotator;
}

static gboolean
same_version (const SpanmarkSpan *a,
              const SpanmarkSpan *b)
{
  return a->start == b->start && a->end == b->end && strcmp (a->label, b->label) == 0;
}

/* The versions of the unit made of @entries[first, last), appended to
 * self->versions (holder lists by offset for now); returns its state. */
static SpanmarkUnitState
add_unit_versions (SpanmarkCuration *self,
                   const Entry      *entries,
                   guint             first,
                   guint             last,
                   gboolean         *seen)
{
  guint n_readers = 0;
  gboolean all_readers = TRUE;
  guint first_version = self->versions->len;

  memset (seen, 0, self->sets->len * sizeof (gboolean));
  for (guint i = first; i < last;)
    {
      SpanmarkUnitVersion version = { 0 };
      const SpanmarkSpan *span = entries[i].span;
      guint holders_at = self->holders->len;

      version.start = span->start;
      version.end = span->end;
      version.label = span->label;
      for (; i < last && same_version (entries[i].span, span); i++)
        {
          /* An annotator with the same span twice holds it once. */
          if (version.n_annotators > 0 &&
              g_array_index (self->holders, guint, self->holders->len - 1) == entries[i].annotator)
            continue;
          g_array_append_val (self->holders, entries[i].annotator);
          g_ptr_array_add (self->holder_spans, (gpointer) entries[i].span);
          version.n_annotators++;
          if (!seen[entries[i].annotator])
            n_readers++;
          seen[entries[i].annotator] = TRUE;
        }
      version.annotators = GUINT_TO_POINTER (holders_at);
      g_array_append_val (self->versions, version);
    }

  /* Two annotators read the unit alike when every version is held by
   * everyone who has anything here. */
  for (guint v = first_version; v < self->versions->len; v++)
    if (g_array_index (self->versions, SpanmarkUnitVersion, v).n_annotators != n_readers)
      all_readers = FALSE;

  if (!all_readers)
    return SPANMARK_UNIT_DISAGREED;
  return n_readers == self->sets->len ? SPANMARK_UNIT_AGREED : SPANMARK_UNIT_INCOMPLETE;
}

/* What the curated set says of each version. */
static void
update_flags (SpanmarkCuration *self)
{
  for (guint v = 0; v < self->versions->len; v++)
    {
      SpanmarkUnitVersion *version = &g_array_index (self->versions, SpanmarkUnitVersion, v);

      version->curated = spanmark_annotation_set_find_span (self->curated, version->start, version->end,
                                                            version->label) != NULL;
      version->rejected = spanmark_annotation_set_is_rejected (self->curated, version->start, version->end,
                                                               version->label);
    }
  self->flags_dirty = FALSE;
}

static void
ensure_units (SpanmarkCuration *self)
{
  g_autoptr(GArray) entries = NULL;
  g_autofree gboolean *seen = NULL;
  const Entry *e;

  if (!self->dirty)
    {
      if (self->flags_dirty)
        update_flags (self);
      return;
    }

  entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  g_array_set_size (self->units, 0);
  g_array_set_size (self->versions, 0);
  g_array_set_size (self->holders, 0);
  g_ptr_array_set_size (self->holder_spans, 0);

  for (guint a = 0; a < self->sets->len; a++)
    {
      SpanmarkAnnotationSet *set = g_ptr_array_index (self->sets, a);

      for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
        {
          Entry entry = { spanmark_annotation_set_get_span (set, i), a };

          g_array_append_val (entries, entry);
        }
    }
  g_array_sort (entries, compare_entries);
  e = (const Entry *) entries->data;
  seen = g_new0 (gboolean, self->sets->len);

  /* A unit: spans sorted by start, each starting before the end of the
   * ones before it. */
  for (guint i = 0; i < entries->len;)
    {
      SpanmarkUnit unit = { e[i].span->start, e[i].span->end, SPANMARK_UNIT_AGREED, 0, NULL };
      guint first = i;
      guint first_version = self->versions->len;

      for (i++; i < entries->len && e[i].span->start < unit.end; i++)
        unit.end = MAX (unit.end, e[i].span->end);

      unit.state = add_unit_versions (self, e, first, i, seen);
      unit.n_versions = self->versions->len - first_version;
      unit.versions = GUINT_TO_POINTER (first_version);
      g_array_append_val (self->units, unit);
    }

  /* The arrays are complete: turn the offsets into pointers. */
  for (guint u = 0; u < self->units->len; u++)
    {
      SpanmarkUnit *unit = &g_array_index (self->units, SpanmarkUnit, u);

      unit->versions = &g_array_index (self->versions, SpanmarkUnitVersion, GPOINTER_TO_UINT (unit->versions));
    }
  for (guint v = 0; v < self->versions->len; v++)
    {
      SpanmarkUnitVersion *version = &g_array_index (self->versions, SpanmarkUnitVersion, v);
      guint at = GPOINTER_TO_UINT (version->annotators);

      version->annotators = &g_array_index (self->holders, guint, at);
      version->spans = (const SpanmarkSpan * const *) &self->holder_spans->pdata[at];
    }

  update_flags (self);
  self->dirty = FALSE;
}

guint
spanmark_curation_get_n_units (SpanmarkCuration *self)
{
  g_return_val_if_fail (SPANMARK_IS_CURATION (self), 0);

  ensure_units (self);
  return self->units->len;
}

const SpanmarkUnit *
spanmark_curation_get_unit (SpanmarkCuration *self,
                            guint             index)
{
  g_return_val_if_fail (SPANMARK_IS_CURATION (self), NULL);

  ensure_units (self);
  g_return_val_if_fail (index < self->units->len, NULL);
  return &g_array_index (self->units, SpanmarkUnit, index);
}

/* Whether one annotator has every curated version of @unit. */
static gboolean
curated_is_one_reading (SpanmarkCuration   *self,
                        const SpanmarkUnit *unit)
{
  for (guint a = 0; a < self->sets->len; a++)
    {
      gboolean all = TRUE;

      for (guint v = 0; all && v < unit->n_versions; v++)
        {
          const SpanmarkUnitVersion *version = &unit->versions[v];
          gboolean has = FALSE;

          for (guint i = 0; !has && i < version->n_annotators; i++)
            has = version->annotators[i] == a;
          all = !version->curated || has;
        }
      if (all)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_version_of (const SpanmarkUnit *unit,
               const SpanmarkSpan *span)
{
  for (guint v = 0; v < unit->n_versions; v++)
    if (unit->versions[v].start == span->start && unit->versions[v].end == span->end
        && strcmp (unit->versions[v].label, span->label) == 0)
      return TRUE;
  return FALSE;
}

/* The curated spans overlapping @unit that are none of its versions
 * (the reviewer's own), those inside it only with @inside. */
static GPtrArray *
own_spans (SpanmarkCuration   *self,
           const SpanmarkUnit *unit,
           gboolean            inside)
{
  g_autoptr(GPtrArray) spans = spanmark_annotation_set_get_spans_in_range (self->curated, unit->start, unit->end);
  GPtrArray *own = g_ptr_array_new ();

  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);

      if (!is_version_of (unit, span) && (!inside || (span->start >= unit->start && span->end <= unit->end)))
        g_ptr_array_add (own, (gpointer) span);
    }
  return own;
}

static gboolean
unit_is_open (SpanmarkCuration   *self,
              const SpanmarkUnit *unit)
{
  g_autoptr(GPtrArray) own = NULL;
  gboolean undecided = FALSE;

  for (guint v = 0; v < unit->n_versions; v++)
    undecided |= !unit->versions[v].curated && !unit->versions[v].rejected;
  if (!undecided && curated_is_one_reading (self, unit))
    return FALSE;

  own = own_spans (self, unit, FALSE);
  return own->len == 0;
}

guint
spanmark_curation_find_unit (SpanmarkCuration *self,
                             guint             offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (SPANMARK_IS_CURATION (self), 0);

  ensure_units (self);
  hi = self->units->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->units, SpanmarkUnit, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gboolean
spanmark_curation_is_unit_open (SpanmarkCuration *self,
                                guint             index)
{
  g_return_val_if_fail (SPANMARK_IS_CURATION (self), FALSE);

  ensure_units (self);
  g_return_val_if_fail (index < self->units->len, FALSE);
  return unit_is_open (self, &g_array_index (self->units, SpanmarkUnit, index));
}

guint
spanmark_curation_get_n_open_units (SpanmarkCuration *self)
{
  guint n = 0;

  g_return_val_if_fail (SPANMARK_IS_CURATION (self), 0);

  ensure_units (self);
  for (guint u = 0; u < self->units->len; u++)
    if (unit_is_open (self, &g_array_index (self->units, SpanmarkUnit, u)))
      n++;
  return n;
}

guint
spanmark_curation_get_majority (SpanmarkCuration *self)
{
  g_return_val_if_fail (SPANMARK_IS_CURATION (self), 1);

  return self->sets->len / 2 + 1;
}

/* Changing the curated set. */

/* The value every one of @n objects' @attrs gives @key, or NULL. */
static const char *
agreed_value (GHashTable * const *attrs,
              guint               n,
              const char         *key)
{
  const char *value = g_hash_table_lookup (attrs[0], key);

  for (guint i = 1; value != NULL && i < n; i++)
    if (g_strcmp0 (g_hash_table_lookup (attrs[i], key), value) != 0)
      return NULL;
  return value;
}

/* The curated entity for the mentions @spans (one per annotator in
 * @annotators) link to, made if needed; NULL unless they all link to an
 * entity of the same label and name. */
static const char *
merged_entity (SpanmarkCuration           *self,
               const guint                *annotators,
               const SpanmarkSpan * const *spans,
               guint                       n)
{
  g_autofree const SpanmarkEntity **entities = g_new0 (const SpanmarkEntity *, n);
  g_autofree GHashTable **attrs = g_new0 (GHashTable *, n);
  const SpanmarkEntity *curated = NULL;
  g_autoptr(GPtrArray) keys = NULL;

  for (guint i = 0; i < n; i++)
    {
      SpanmarkAnnotationSet *set = g_ptr_array_index (self->sets, annotators[i]);

      entities[i] = spans[i]->entity != NULL ? spanmark_annotation_set_lookup_entity (set, spans[i]->entity) : NULL;
      if (entities[i] == NULL ||
          g_strcmp0 (entities[i]->label, entities[0]->label) != 0 ||
          g_strcmp0 (entities[i]->name, entities[0]->name) != 0)
        return NULL;
      attrs[i] = entities[i]->attrs;
    }

  /* One curated entity per label and name. */
  for (guint e = 0; curated == NULL && e < spanmark_annotation_set_get_n_entities (self->curated); e++)
    {
      const SpanmarkEntity *entity = spanmark_annotation_set_get_entity (self->curated, e);

      if (g_strcmp0 (entity->label, entities[0]->label) == 0 && g_strcmp0 (entity->name, entities[0]->name) == 0)
        curated = entity;
    }
  if (curated == NULL)
    curated = spanmark_annotation_set_add_entity (self->curated, entities[0]->label, entities[0]->name);

  keys = spanmark_entity_get_sorted_attr_keys (entities[0]);
  for (guint k = 0; k < keys->len; k++)
    {
      const char *key = g_ptr_array_index (keys, k);
      const char *value = agreed_value (attrs, n, key);

      /* An attribute the curated entity has already stays as it is. */
      if (value != NULL && !g_hash_table_contains (curated->attrs, key))
        {
          g_autofree char *id = g_strdup (curated->id);

          spanmark_annotation_set_set_entity_attr (self->curated, id, key, value);
          curated = spanmark_annotation_set_lookup_entity (self->curated, id);
        }
    }

  return curated->id;
}

/* Adds the span @spans[0..n) of @annotators have in common to the
 * curated set, with what they agree on; FALSE if it is there already. */
static gboolean
add_merged (SpanmarkCuration           *self,
            const guint                *annotators,
            const SpanmarkSpan * const *spans,
            guint                       n)
{
  const SpanmarkSpan *first = spans[0];
  g_autofree GHashTable **attrs = g_new0 (GHashTable *, n);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const SpanmarkSpan *added;
  const char *entity;

  if (spanmark_annotation_set_find_span (self->curated, first->start, first->end, first->label) != NULL)
    return FALSE;

  added = spanmark_annotation_set_add_span (self->curated, first->start, first->end, first->label, &error);
  if (added == NULL)
    {
      /* The sets share the curated set's text, so this is a bug. */
      g_critical ("Cannot add a curated span: %s", error->message);
      return FALSE;
    }
  id = g_strdup (added->id);

  for (guint i = 0; i < n; i++)
    attrs[i] = spans[i]->attrs;
  keys = spanmark_span_get_sorted_attr_keys (first);
  for (guint k = 0; k < keys->len; k++)
    {
      const char *value = agreed_value (attrs, n, g_ptr_array_index (keys, k));

      if (value != NULL)
        spanmark_annotation_set_set_span_attr (self->curated, id, g_ptr_array_index (keys, k), value);
    }

  entity = merged_entity (self, annotators, spans, n);
  if (entity != NULL)
    {
      g_autofree char *entity_id = g_strdup (entity);

      spanmark_annotation_set_set_span_entity (self->curated, id, entity_id);
    }

  return TRUE;
}

static void
begin (SpanmarkCuration *self)
{
  spanmark_history_begin_group (spanmark_annotation_set_get_history (self->curated));
}

static void
end (SpanmarkCuration *self)
{
  spanmark_history_end_group (spanmark_annotation_set_get_history (self->curated));
}

guint
spanmark_curation_accept_agreed (SpanmarkCuration *self,
                                 guint             min_agree)
{
  guint n_added = 0;

  g_return_val_if_fail (SPANMARK_IS_CURATION (self), 0);
  g_return_val_if_fail (min_agree >= 1, 0);

  /* The units stay as they are while the curated set changes: they are
   * rebuilt only when asked for next. */
  ensure_units (self);
  begin (self);
  for (guint v = 0; v < self->versions->len; v++)
    {
      const SpanmarkUnitVersion *version = &g_array_index (self->versions, SpanmarkUnitVersion, v);

      if (!version->curated && !version->rejected && version->n_annotators >= min_agree &&
          add_merged (self, version->annotators, version->spans, version->n_annotators))
        n_added++;
    }
  end (self);

  return n_added;
}

static const SpanmarkUnitVersion *
get_version (SpanmarkCuration *self,
             guint             unit,
             guint             version)
{
  const SpanmarkUnit *u;

  ensure_units (self);
  g_return_val_if_fail (unit < self->units->len, NULL);
  u = &g_array_index (self->units, SpanmarkUnit, unit);
  g_return_val_if_fail (version < u->n_versions, NULL);
  return &u->versions[version];
}

/* Accepting a version takes back its rejection; rejecting one takes its
 * curated copies out.  Inside an open group: the caller's one step. */
static gboolean
accept_one (SpanmarkCuration          *self,
            const SpanmarkUnitVersion *v)
{
  gboolean added = add_merged (self, v->annotators, v->spans, v->n_annotators);

  return spanmark_annotation_set_remove_rejection (self->curated, v->start, v->end, v->label) || added;
}

static guint
reject_one (SpanmarkCuration          *self,
            const SpanmarkUnitVersion *v,
            gboolean                  *changed)
{
  const SpanmarkSpan *span;
  guint n_removed = 0;

  while ((span = spanmark_annotation_set_find_span (self->curated, v->start, v->end, v->label)) != NULL)
    {
      g_autofree char *id = g_strdup (span->id);

      spanmark_annotation_set_remove_span (self->curated, id);
      n_removed++;
    }
  /* The sets share the curated set's text, so the offsets are good. */
  *changed |= spanmark_annotation_set_add_rejection (self->curated, v->start, v->end, v->label, NULL);
  *changed |= n_removed > 0;
  return n_removed;
}

gboolean
spanmark_curation_accept_version (SpanmarkCuration *self,
                                  guint             unit,
                                  guint             version)
{
  const SpanmarkUnitVersion *v;
  gboolean added;

  g_return_val_if_fail (SPANMARK_IS_CURATION (self), FALSE);

  v = get_version (self, unit, version);
  if (v == NULL)
    return FALSE;

  begin (self);
  added = add_merged (self, v->annotators, v->spans, v->n_annotators);
  spanmark_annotation_set_remove_rejection (self->curated, v->start, v->end, v->label);
  end (self);
  return added;
}

guint
spanmark_curation_reject_version (SpanmarkCuration *self,
                                  guint             unit,
                                  guint             version)
{
  const SpanmarkUnitVersion *v;
  gboolean changed = FALSE;
  guint n_removed;

  g_return_val_if_fail (SPANMARK_IS_CURATION (self), 0);

  v = get_version (self, unit, version);
  if (v == NULL)
    return 0;

  begin (self);
  n_removed = reject_one (self, v, &changed);
  end (self);
  return n_removed;
}

gboolean
spanmark_unit_version_has_annotator (const SpanmarkUnitVersion *version,
                                     guint                      annotator)
{
  g_return_val_if_fail (version != NULL, FALSE);

  for (guint i = 0; i < version->n_annotators; i++)
    if (version->annotators[i] == annotator)
      return TRUE;
  return FALSE;
}

/* Makes @unit hold exactly the versions @accept says (the others
 * rejected, the reviewer's own spans inside it gone), one step. */
static gboolean
decide_unit (SpanmarkCuration   *self,
             const SpanmarkUnit *unit,
             const gboolean     *accept)
{
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GPtrArray) own_ids = g_ptr_array_new_with_free_func (g_free);
  gboolean changed = FALSE;

  /* Taken before anything changes: the unit's arrays stay as they are
   * until the units are asked for again, the set's spans do not. */
  own = own_spans (self, unit, TRUE);
  for (guint i = 0; i < own->len; i++)
    g_ptr_array_add (own_ids, g_strdup (((const SpanmarkSpan *) g_ptr_array_index (own, i))->id));

  begin (self);
  for (guint i = 0; i < own_ids->len; i++)
    changed |= spanmark_annotation_set_remove_span (self->curated, g_ptr_array_index (own_ids, i));
  for (guint v = 0; v < unit->n_versions; v++)
    {
      if (accept[v])
        changed |= accept_one (self, &unit->versions[v]);
      else
        reject_one (self, &unit->versions[v], &changed);
    }
  end (self);
  return changed;
}

static const SpanmarkUnit *
get_unit_checked (SpanmarkCuration *self,
                  guint             unit)
{
  ensure_units (self);
  g_return_val_if_fail (unit < self->units->len, NULL);
  return &g_array_index (self->units, SpanmarkUnit, unit);
}

gboolean
spanmark_curation_choose_annotator (SpanmarkCuration *self,
                                    guint             unit,
                                    guint             annotator)
{
  const SpanmarkUnit *u;
  g_autofree gboolean *accept = NULL;

  g_return_val_if_fail (SPANMARK_IS_CURATION (self), FALSE);
  g_return_val_if_fail (annotator < self->sets->len, FALSE);

  u = get_unit_checked (self, unit);
  if (u == NULL)
    return FALSE;

  accept = g_new0 (gboolean, u->n_versions);
  for (guint v = 0; v < u->n_versions; v++)
    accept[v] = spanmark_unit_version_has_annotator (&u->versions[v], annotator);
  return decide_unit (self, u, accept);
}

gboolean
spanmark_curation_choose_majority (SpanmarkCuration *self,
                                   guint             unit,
                                   guint             min_agree)
{
  const SpanmarkUnit *u;
  g_autofree gboolean *accept = NULL;
  g_autofree gboolean *seen = NULL;
  guint n_with = 0;
  gboolean majority = FALSE;

  g_return_val_if_fail (SPANMARK_IS_CURATION (self), FALSE);
  g_return_val_if_fail (min_agree >= 1, FALSE);

  u = get_unit_checked (self, unit);
  if (u == NULL)
    return FALSE;

  accept = g_new0 (gboolean, u->n_versions);
  seen = g_new0 (gboolean, self->sets->len);
  for (guint v = 0; v < u->n_versions; v++)
    {
      accept[v] = u->versions[v].n_annotators >= min_agree;
      majority |= accept[v];
      for (guint i = 0; i < u->versions[v].n_annotators; i++)
        {
          n_with += !seen[u->versions[v].annotators[i]];
          seen[u->versions[v].annotators[i]] = TRUE;
        }
    }

  /* Nothing here is a reading too, when enough annotators agree on it. */
  if (!majority && self->sets->len - n_with < min_agree)
    return FALSE;

  decide_unit (self, u, accept);
  return TRUE;
}

gboolean
spanmark_curation_reject_unit (SpanmarkCuration *self,
                               guint             unit)
{
  const SpanmarkUnit *u;
  gboolean changed = FALSE;

  g_return_val_if_fail (SPANMARK_IS_CURATION (self), FALSE);

  u = get_unit_checked (self, unit);
  if (u == NULL)
    return FALSE;

  begin (self);
  for (guint v = 0; v < u->n_versions; v++)
    reject_one (self, &u->versions[v], &changed);
  end (self);
  return changed;
}

guint
spanmark_curation_take_annotator (SpanmarkCuration *self,
                                  guint             index)
{
  SpanmarkAnnotationSet *set;
  guint n_added = 0;

  g_return_val_if_fail (SPANMARK_IS_CURATION (self), 0);
  g_return_val_if_fail (index < self->sets->len, 0);

  set = g_ptr_array_index (self->sets, index);
  begin (self);
  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);

      if (add_merged (self, &index, &span, 1))
        n_added++;
      /* Taking everything of one annotator overrides what was rejected. */
      spanmark_annotation_set_remove_rejection (self->curated, span->start, span->end, span->label);
    }
  end (self);
  return n_added;
}

/* Curating a project. */

/* Whether anything is at @file: a link to nothing, a FIFO or a folder is,
 * and the loader says what is wrong with it. */
static gboolean
file_is_there (GFile *file)
{
  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) != G_FILE_TYPE_UNKNOWN;
}

/* The sets of @annotators that have a file for @document, loaded; an
 * empty array if none has.  NULL with @error if one does not load. */
static GPtrArray *
load_annotator_sets (SpanmarkProject    *project,
                     SpanmarkDocument   *document,
                     const char * const *annotators,
                     GError            **error)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint a = 0; annotators[a] != NULL; a++)
    {
      g_autoptr(GFile) file = spanmark_project_get_annotation_file (project, document, annotators[a]);
      SpanmarkAnnotationSet *set;

      if (!file_is_there (file))
        continue;
      set = spanmark_project_load_annotations (project, document, annotators[a], error);
      if (set == NULL)
        return NULL;
      g_ptr_array_add (sets, set);
    }
  return g_steal_pointer (&sets);
}

/* What to do with @document; loads (so checks) every file it involves.
 * FALSE with @error if one does not load. */
static gboolean
plan_document (SpanmarkProject       *project,
               SpanmarkDocument      *document,
               const char * const    *annotators,
               gboolean               replace,
               SpanmarkCurateResult  *result,
               GPtrArray            **sets,
               GError               **error)
{
  g_autoptr(GFile) curated = spanmark_project_get_annotation_file (project, document,
                                                                   SPANMARK_CURATED_ANNOTATOR);

  *result = SPANMARK_CURATE_CREATED;
  if (file_is_there (curated))
    {
      g_autoptr(SpanmarkAnnotationSet) existing = NULL;

      /* A reviewer's file is kept, or replaced, only if it reads: one
       * that does not (a FIFO, a folder, a link, bad JSON) is an error,
       * never counted as kept nor written over. */
      existing = spanmark_project_load_annotations (project, document, SPANMARK_CURATED_ANNOTATOR, error);
      if (existing == NULL)
        return FALSE;
      if (!replace)
        {
          *result = SPANMARK_CURATE_KEPT;
          return TRUE;
        }
      *result = SPANMARK_CURATE_REPLACED;
    }

  *sets = load_annotator_sets (project, document, annotators, error);
  if (*sets == NULL)
    return FALSE;
  if ((*sets)->len == 0)
    *result = SPANMARK_CURATE_NO_ANNOTATIONS;
  return TRUE;
}

gboolean
spanmark_curation_curate_project (SpanmarkProject    *project,
                                  const char * const *annotators,
                                  guint               min_agree,
                                  const char * const *document_ids,
                                  gboolean            replace,
                                  SpanmarkCurateFunc  func,
                                  gpointer            user_data,
                                  GError            **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (annotators != NULL && annotators[0] != NULL, FALSE);
  g_return_val_if_fail (!g_strv_contains (annotators, SPANMARK_CURATED_ANNOTATOR), FALSE);
  g_return_val_if_fail (min_agree >= 1, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (document_ids != NULL)
    for (guint i = 0; document_ids[i] != NULL; i++)
      {
        SpanmarkDocument *document = spanmark_project_lookup_document (project, document_ids[i]);

        g_return_val_if_fail (document != NULL, FALSE);
        g_ptr_array_add (documents, document);
      }
  else
    for (guint i = 0; i < spanmark_project_get_n_documents (project); i++)
      g_ptr_array_add (documents, spanmark_project_get_document (project, i));

  /* First every file is read and checked, one document at a time, so
   * that nothing is written when one of them is bad. */
  for (guint d = 0; d < documents->len; d++)
    {
      g_autoptr(GPtrArray) sets = NULL;
      SpanmarkCurateResult result;

      if (!plan_document (project, g_ptr_array_index (documents, d), annotators, replace, &result, &sets, error))
        return FALSE;
    }

  /* Then they are read again and written. */
  for (guint d = 0; d < documents->len; d++)
    {
      SpanmarkDocument *document = g_ptr_array_index (documents, d);
      g_autoptr(GPtrArray) sets = NULL;
      g_autoptr(SpanmarkAnnotationSet) curated = NULL;
      g_autoptr(SpanmarkCuration) curation = NULL;
      SpanmarkCurateResult result;
      guint n_agreed;

      if (!plan_document (project, document, annotators, replace, &result, &sets, error))
        return FALSE;
      if (result == SPANMARK_CURATE_KEPT || result == SPANMARK_CURATE_NO_ANNOTATIONS)
        {
          if (func != NULL)
            func (spanmark_document_get_id (document), result, 0, 0, user_data);
          continue;
        }

      curated = spanmark_annotation_set_new (spanmark_document_get_id (document), SPANMARK_CURATED_ANNOTATOR,
                                             spanmark_annotation_set_get_text (g_ptr_array_index (sets, 0)));
      curation = spanmark_curation_new (curated, (SpanmarkAnnotationSet * const *) sets->pdata, sets->len);
      n_agreed = spanmark_curation_accept_agreed (curation, min_agree);
      spanmark_annotation_set_load_status (curated, SPANMARK_STATUS_IN_PROGRESS);

      if (!spanmark_project_save_annotations (project, curated, error))
        return FALSE;
      if (func != NULL)
        func (spanmark_document_get_id (document), result, n_agreed,
              spanmark_curation_get_n_open_units (curation), user_data);
    }

  return TRUE;
}
