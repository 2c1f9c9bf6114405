/* spanmark-annotation-set.c — one annotator's work on one document
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The spans live in one array sorted by spanmark_span_compare(), so every
 * position query starts with a binary search on the start offset.  Which
 * of the spans starting before a position also end after it is answered
 * by a max-segment tree over the span ends (in array order): a subtree
 * whose largest end is <= the position is skipped whole, so a query costs
 * O(log n) per span it returns instead of a walk over all spans.  The tree
 * is rebuilt lazily (O(n)) after changes, which matches the O(n) memmove of
 * an insertion into the array.
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "spanmark-annotation-set-private.h"
#include "spanmark-attrs-private.h"
#include "spanmark-history-private.h"

struct _SpanmarkAnnotationSet
{
  GObject            parent_instance;

  char              *document_id;
  char              *annotator;
  char              *text;
  SpanmarkTextIndex *index;
  SpanmarkStatus     status;
  char              *modified;
  SpanmarkHistory   *history;

  /* Owned SpanmarkSpan*, in spanmark_span_compare() order. */
  GPtrArray         *spans;
  /* Set of the SpanmarkSpan* (borrowed), hashed and compared by id:
   * span_by_id().  One pointer a span, where id -> span took two. */
  GHashTable        *span_ids;
  /* entity id (owned) -> GHashTable set of SpanmarkSpan* mentioning it */
  GHashTable        *mentions;

  /* Owned SpanmarkEntity*, in order of creation. */
  GPtrArray         *entities;
  /* id (borrowed) -> SpanmarkEntity* */
  GHashTable        *entity_ids;

  /* Owned SpanmarkSpan* (no id), in compare_rejections() order. */
  GPtrArray         *rejections;

  /* New ids count up from here and never go back, so an id is never
   * given twice in a session, even after undo. */
  guint64            next_span_number;
  guint64            next_entity_number;

  /* Max-segment tree over span ends: leaves at tree[tree_size + i]. */
  guint             *tree;
  guint              tree_size;
  gboolean           tree_dirty;
};

G_DEFINE_FINAL_TYPE (SpanmarkAnnotationSet, spanmark_annotation_set, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT_ID,
  PROP_ANNOTATOR,
  PROP_TEXT,
  PROP_STATUS,
  PROP_MODIFIED,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SPAN_ADDED,
  SPAN_REMOVED,
  SPAN_CHANGED,
  ENTITY_ADDED,
  ENTITY_REMOVED,
  ENTITY_CHANGED,
  REJECTION_ADDED,
  REJECTION_REMOVED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


/* g_set_str() arrived in GLib 2.76. */
static gboolean
set_str (char       **str,
         const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}


/* Status helpers */

static const struct {
  const char *id;
  const char *title;
} status_names[] = {
  [SPANMARK_STATUS_NEW] = { "new", N_("New") },
  [SPANMARK_STATUS_IN_PROGRESS] = { "in-progress", N_("In progress") },
  [SPANMARK_STATUS_DONE] = { "done", N_("Done") },
  [SPANMARK_STATUS_REVIEWED] = { "reviewed", N_("Reviewed") },
};

const char *
spanmark_status_to_string (SpanmarkStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status].id;
}

gboolean
spanmark_status_from_string (const char     *str,
                             SpanmarkStatus *status)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (strcmp (str, status_names[i].id) == 0)
        {
          if (status != NULL)
            *status = (SpanmarkStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
spanmark_status_get_title (SpanmarkStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);

  return g_dgettext (GETTEXT_PACKAGE, status_names[status].title);
}


/* Ids */

/* The number at the end of an id ("s12" -> 12), or 0. */
static guint64
id_number (const char *id)
{
  const char *p;

  if (id == NULL)
    return 0;

  p = id + strlen (id);
  while (p > id && g_ascii_isdigit (p[-1]))
    p--;

  /* Longer runs of digits than fit are no threat to uniqueness: new ids
   * are checked against the ids in use anyway. */
  if (*p == '\0' || strlen (p) > 18)
    return 0;

  return g_ascii_strtoull (p, NULL, 10);
}

static guint
span_id_hash (gconstpointer span)
{
  return g_str_hash (((const SpanmarkSpan *) span)->id);
}

static gboolean
span_id_equal (gconstpointer a,
               gconstpointer b)
{
  return strcmp (((const SpanmarkSpan *) a)->id, ((const SpanmarkSpan *) b)->id) == 0;
}

static SpanmarkSpan *
span_by_id (SpanmarkAnnotationSet *self,
            const char            *id)
{
  SpanmarkSpan probe = { .id = (char *) id };
  gpointer span;

  return g_hash_table_lookup_extended (self->span_ids, &probe, &span, NULL) ? span : NULL;
}

/* A new span id ('s') or entity id ('e'). */
static char *
new_id (SpanmarkAnnotationSet *self,
        char                   prefix,
        guint64               *next)
{
  for (;;)
    {
      char *id = g_strdup_printf ("%c%" G_GUINT64_FORMAT, prefix, (*next)++);

      if (prefix == 's' ? span_by_id (self, id) == NULL : !g_hash_table_contains (self->entity_ids, id))
        return id;
      g_free (id);
    }
}


/* Span storage */

/* First index whose span starts after @offset, or at it too unless
 * @after is TRUE. */
static guint
bound_start (SpanmarkAnnotationSet *self,
             guint                  offset,
             gboolean               after)
{
  guint lo = 0;
  guint hi = self->spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const SpanmarkSpan *span = g_ptr_array_index (self->spans, mid);

      if (span->start < offset || (after && span->start == offset))
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* First index whose span starts at or after @offset. */
static guint
lower_bound_start (SpanmarkAnnotationSet *self,
                   guint                  offset)
{
  return bound_start (self, offset, FALSE);
}

/* First index whose span starts after @offset. */
static guint
upper_bound_start (SpanmarkAnnotationSet *self,
                   guint                  offset)
{
  return bound_start (self, offset, TRUE);
}

/* First index whose span does not sort before @key. */
static guint
lower_bound_span (SpanmarkAnnotationSet *self,
                  const SpanmarkSpan    *key)
{
  guint lo = 0;
  guint hi = self->spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (spanmark_span_compare (g_ptr_array_index (self->spans, mid), key) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static guint
span_index (SpanmarkAnnotationSet *self,
            const SpanmarkSpan    *span)
{
  guint index = lower_bound_span (self, span);

  g_assert (index < self->spans->len);
  g_assert (g_ptr_array_index (self->spans, index) == span);

  return index;
}

/* The spans that mention @span's entity; NULL when it names none or
 * none is indexed yet. */
static GHashTable *
mentions_lookup (SpanmarkAnnotationSet *self,
                 SpanmarkSpan          *span)
{
  if (span->entity == NULL)
    return NULL;
  return g_hash_table_lookup (self->mentions, span->entity);
}

static void
mentions_add (SpanmarkAnnotationSet *self,
              SpanmarkSpan          *span)
{
  GHashTable *set;

  if (span->entity == NULL)
    return;

  set = mentions_lookup (self, span);
  if (set == NULL)
    {
      set = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (self->mentions, g_strdup (span->entity), set);
    }
  g_hash_table_add (set, span);
}

static void
mentions_remove (SpanmarkAnnotationSet *self,
                 SpanmarkSpan          *span)
{
  GHashTable *set = mentions_lookup (self, span);

  if (set == NULL)
    return;

  g_hash_table_remove (set, span);
  if (g_hash_table_size (set) == 0)
    g_hash_table_remove (self->mentions, span->entity);
}

/* Indexes a span that has just gone into the array. */
static void
register_span (SpanmarkAnnotationSet *self,
               SpanmarkSpan          *span)
{
  guint64 number = id_number (span->id);

  g_hash_table_add (self->span_ids, span);
  mentions_add (self, span);
  if (number >= self->next_span_number)
    self->next_span_number = number + 1;

  self->tree_dirty = TRUE;
}

/* Takes ownership of @span. */
static void
insert_span (SpanmarkAnnotationSet *self,
             SpanmarkSpan          *span)
{
  g_ptr_array_insert (self->spans, (int) lower_bound_span (self, span), span);
  register_span (self, span);
}

/* Returns the span, now owned by the caller. */
static SpanmarkSpan *
steal_span (SpanmarkAnnotationSet *self,
            SpanmarkSpan          *span)
{
  guint index = span_index (self, span);

  g_ptr_array_steal_index (self->spans, index);
  g_hash_table_remove (self->span_ids, span);
  mentions_remove (self, span);
  self->tree_dirty = TRUE;

  return span;
}

/* Adds many spans (owned by @spans, which is emptied) in one merge pass,
 * O(n + k log k), where k insertions one by one would memmove O(n k). */
static void
insert_spans (SpanmarkAnnotationSet *self,
              GPtrArray             *spans)
{
  GPtrArray *merged;
  guint i = 0;
  guint j = 0;

  g_ptr_array_sort (spans, spanmark_span_compare_pointers);
  merged = g_ptr_array_new_full (self->spans->len + spans->len,
                                 (GDestroyNotify) spanmark_span_free);

  while (i < self->spans->len || j < spans->len)
    {
      if (j == spans->len ||
          (i < self->spans->len &&
           spanmark_span_compare (g_ptr_array_index (self->spans, i),
                                  g_ptr_array_index (spans, j)) < 0))
        g_ptr_array_add (merged, g_ptr_array_index (self->spans, i++));
      else
        g_ptr_array_add (merged, g_ptr_array_index (spans, j++));
    }

  /* The spans now belong to @merged. */
  g_ptr_array_set_free_func (self->spans, NULL);
  g_ptr_array_unref (self->spans);
  self->spans = merged;

  for (j = 0; j < spans->len; j++)
    register_span (self, g_ptr_array_index (spans, j));

  g_ptr_array_set_free_func (spans, NULL);
  g_ptr_array_set_size (spans, 0);
}

/* Takes many spans out of the set in one compacting pass; they are
 * left in @spans, now owned by the caller. */
static void
steal_spans (SpanmarkAnnotationSet *self,
             GPtrArray             *spans)
{
  g_autoptr(GHashTable) gone = g_hash_table_new (NULL, NULL);
  guint kept = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      SpanmarkSpan *span = g_ptr_array_index (spans, i);

      g_hash_table_add (gone, span);
      g_hash_table_remove (self->span_ids, span);
      mentions_remove (self, span);
    }

  for (guint i = 0; i < self->spans->len; i++)
    {
      gpointer span = g_ptr_array_index (self->spans, i);

      if (!g_hash_table_contains (gone, span))
        self->spans->pdata[kept++] = span;
    }

  /* Shrink without freeing: the tail slots are stale copies. */
  g_ptr_array_set_free_func (self->spans, NULL);
  g_ptr_array_set_size (self->spans, kept);
  g_ptr_array_set_free_func (self->spans, (GDestroyNotify) spanmark_span_free);
  self->tree_dirty = TRUE;
}

static void
ensure_tree (SpanmarkAnnotationSet *self)
{
  guint n = self->spans->len;
  guint size = 1;

  if (!self->tree_dirty)
    return;

  while (size < n)
    size *= 2;

  if (size != self->tree_size)
    {
      g_free (self->tree);
      self->tree = g_new (guint, 2 * size);
      self->tree_size = size;
    }

  for (guint i = 0; i < size; i++)
    {
      const SpanmarkSpan *span = i < n ? g_ptr_array_index (self->spans, i) : NULL;

      /* Real spans end after 0, so an empty leaf never matches. */
      self->tree[size + i] = span != NULL ? span->end : 0;
    }
  for (guint i = size - 1; i > 0; i--)
    self->tree[i] = MAX (self->tree[2 * i], self->tree[2 * i + 1]);

  self->tree_dirty = FALSE;
}

/* Appends, in order, the spans with index < @limit whose end is greater
 * than @threshold, visiting only subtrees that hold one. */
static void
collect_spans (SpanmarkAnnotationSet *self,
               guint                  node,
               guint                  node_lo,
               guint                  node_hi,
               guint                  limit,
               guint                  threshold,
               GPtrArray             *out)
{
  guint mid;

  if (node_lo >= limit || self->tree[node] <= threshold)
    return;

  if (node >= self->tree_size)
    {
      g_ptr_array_add (out, g_ptr_array_index (self->spans, node - self->tree_size));
      return;
    }

  mid = node_lo + (node_hi - node_lo) / 2;
  collect_spans (self, 2 * node, node_lo, mid, limit, threshold, out);
  collect_spans (self, 2 * node + 1, mid, node_hi, limit, threshold, out);
}

static GPtrArray *
spans_overlapping (SpanmarkAnnotationSet *self,
                   guint                  start,
                   guint                  end)
{
  GPtrArray *out = g_ptr_array_new ();
  guint limit;

  if (self->spans->len == 0)
    return out;

  ensure_tree (self);

  /* A span overlaps [start, end) if it starts before end and ends after
   * start; an empty range asks for the spans containing start. */
  limit = start == end ? upper_bound_start (self, start) : lower_bound_start (self, end);
  collect_spans (self, 1, 0, self->tree_size, limit, start, out);

  return out;
}


/* Entity storage */

static guint
entity_index (SpanmarkAnnotationSet *self,
              const char            *id)
{
  for (guint i = 0; i < self->entities->len; i++)
    {
      const SpanmarkEntity *entity = g_ptr_array_index (self->entities, i);

      if (strcmp (entity->id, id) == 0)
        return i;
    }

  g_assert_not_reached ();
  return 0;
}

static void
insert_entity (SpanmarkAnnotationSet *self,
               SpanmarkEntity        *entity,
               guint                  index)
{
  guint64 number;

  g_ptr_array_insert (self->entities, (int) MIN (index, self->entities->len), entity);
  g_hash_table_insert (self->entity_ids, entity->id, entity);

  number = id_number (entity->id);
  if (number >= self->next_entity_number)
    self->next_entity_number = number + 1;
}


/* Private API for SpanmarkHistory */

void
_spanmark_annotation_set_apply_span (SpanmarkAnnotationSet *self,
                                     const SpanmarkSpan    *before,
                                     const SpanmarkSpan    *after)
{
  g_assert (SPANMARK_IS_ANNOTATION_SET (self));
  g_assert (before != NULL || after != NULL);

  if (before == NULL)
    {
      SpanmarkSpan *span = spanmark_span_copy (after);

      insert_span (self, span);
      g_signal_emit (self, signals[SPAN_ADDED], 0, span);
    }
  else if (after == NULL)
    {
      SpanmarkSpan *span = span_by_id (self, before->id);
      g_autoptr(SpanmarkSpan) removed = NULL;

      g_return_if_fail (span != NULL);

      removed = steal_span (self, span);
      g_signal_emit (self, signals[SPAN_REMOVED], 0, removed);
    }
  else
    {
      SpanmarkSpan *span = span_by_id (self, before->id);
      g_autoptr(SpanmarkSpan) old_span = NULL;
      SpanmarkSpan *new_span;

      g_return_if_fail (span != NULL);
      g_return_if_fail (g_strcmp0 (before->id, after->id) == 0);

      new_span = spanmark_span_copy (after);

      if (span->start == after->start && span->end == after->end)
        {
          /* Same place in the order: swap in place, no memmove. */
          guint index = span_index (self, span);

          mentions_remove (self, span);
          old_span = span;
          self->spans->pdata[index] = new_span;
          g_hash_table_add (self->span_ids, new_span);
          mentions_add (self, new_span);
        }
      else
        {
          old_span = steal_span (self, span);
          insert_span (self, new_span);
        }

      g_signal_emit (self, signals[SPAN_CHANGED], 0, old_span, new_span);
    }
}

void
_spanmark_annotation_set_add_spans (SpanmarkAnnotationSet    *self,
                                    const SpanmarkSpan *const *spans,
                                    guint                     n_spans)
{
  g_autoptr(GPtrArray) copies = NULL;

  g_assert (SPANMARK_IS_ANNOTATION_SET (self));

  copies = g_ptr_array_new_full (n_spans, (GDestroyNotify) spanmark_span_free);
  for (guint i = 0; i < n_spans; i++)
    {
      g_return_if_fail (!g_hash_table_contains (self->span_ids, spans[i]));
      g_ptr_array_add (copies, spanmark_span_copy (spans[i]));
    }

  insert_spans (self, copies);

  /* Signals only once every span is in, in the order given. */
  for (guint i = 0; i < n_spans; i++)
    g_signal_emit (self, signals[SPAN_ADDED], 0,
                   span_by_id (self, spans[i]->id));
}

void
_spanmark_annotation_set_remove_spans (SpanmarkAnnotationSet    *self,
                                       const SpanmarkSpan *const *spans,
                                       guint                     n_spans)
{
  g_autoptr(GPtrArray) removed = NULL;

  g_assert (SPANMARK_IS_ANNOTATION_SET (self));

  /* No free function until the spans are out of the set. */
  removed = g_ptr_array_sized_new (n_spans);
  for (guint i = 0; i < n_spans; i++)
    {
      SpanmarkSpan *span = span_by_id (self, spans[i]->id);

      g_return_if_fail (span != NULL);
      g_ptr_array_add (removed, span);
    }

  steal_spans (self, removed);
  g_ptr_array_set_free_func (removed, (GDestroyNotify) spanmark_span_free);

  for (guint i = 0; i < removed->len; i++)
    g_signal_emit (self, signals[SPAN_REMOVED], 0, g_ptr_array_index (removed, i));
}

void
_spanmark_annotation_set_apply_entity (SpanmarkAnnotationSet *self,
                                       const SpanmarkEntity  *before,
                                       const SpanmarkEntity  *after,
                                       guint                  index)
{
  g_assert (SPANMARK_IS_ANNOTATION_SET (self));
  g_assert (before != NULL || after != NULL);

  if (before == NULL)
    {
      SpanmarkEntity *entity = spanmark_entity_copy (after);

      insert_entity (self, entity, index);
      g_signal_emit (self, signals[ENTITY_ADDED], 0, entity);
    }
  else if (after == NULL)
    {
      g_autoptr(SpanmarkEntity) removed = NULL;

      g_return_if_fail (g_hash_table_contains (self->entity_ids, before->id));

      removed = g_ptr_array_steal_index (self->entities, entity_index (self, before->id));
      g_hash_table_remove (self->entity_ids, removed->id);
      g_signal_emit (self, signals[ENTITY_REMOVED], 0, removed);
    }
  else
    {
      g_autoptr(SpanmarkEntity) old_entity = NULL;
      SpanmarkEntity *new_entity;
      guint i;

      g_return_if_fail (g_hash_table_contains (self->entity_ids, before->id));
      g_return_if_fail (g_strcmp0 (before->id, after->id) == 0);

      i = entity_index (self, before->id);
      old_entity = g_ptr_array_index (self->entities, i);
      new_entity = spanmark_entity_copy (after);
      self->entities->pdata[i] = new_entity;
      g_hash_table_replace (self->entity_ids, new_entity->id, new_entity);

      g_signal_emit (self, signals[ENTITY_CHANGED], 0, old_entity, new_entity);
    }
}

void
_spanmark_annotation_set_apply_status (SpanmarkAnnotationSet *self,
                                       SpanmarkStatus         status)
{
  g_assert (SPANMARK_IS_ANNOTATION_SET (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

void
_spanmark_annotation_set_emit_changed (SpanmarkAnnotationSet *self)
{
  g_assert (SPANMARK_IS_ANNOTATION_SET (self));

  g_signal_emit (self, signals[CHANGED], 0);
}


/* GObject */

static void
spanmark_annotation_set_constructed (GObject *object)
{
  SpanmarkAnnotationSet *self = SPANMARK_ANNOTATION_SET (object);

  G_OBJECT_CLASS (spanmark_annotation_set_parent_class)->constructed (object);

  if (self->text == NULL)
    self->text = g_ref_string_new ("");
  if (self->document_id == NULL)
    self->document_id = g_strdup ("");
  if (self->annotator == NULL)
    self->annotator = g_strdup ("");

  self->index = spanmark_text_index_new (self->text, -1);
  self->history = _spanmark_history_new (self);
}

static void
spanmark_annotation_set_dispose (GObject *object)
{
  SpanmarkAnnotationSet *self = SPANMARK_ANNOTATION_SET (object);

  g_clear_object (&self->history);

  G_OBJECT_CLASS (spanmark_annotation_set_parent_class)->dispose (object);
}

static void
spanmark_annotation_set_finalize (GObject *object)
{
  SpanmarkAnnotationSet *self = SPANMARK_ANNOTATION_SET (object);

  g_clear_pointer (&self->span_ids, g_hash_table_unref);
  g_clear_pointer (&self->mentions, g_hash_table_unref);
  g_clear_pointer (&self->spans, g_ptr_array_unref);
  g_clear_pointer (&self->entity_ids, g_hash_table_unref);
  g_clear_pointer (&self->entities, g_ptr_array_unref);
  g_clear_pointer (&self->rejections, g_ptr_array_unref);
  g_clear_pointer (&self->tree, g_free);
  g_clear_pointer (&self->index, spanmark_text_index_unref);
  g_clear_pointer (&self->document_id, g_free);
  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->text, g_ref_string_release);
  g_clear_pointer (&self->modified, g_free);

  G_OBJECT_CLASS (spanmark_annotation_set_parent_class)->finalize (object);
}

static void
spanmark_annotation_set_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SpanmarkAnnotationSet *self = SPANMARK_ANNOTATION_SET (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      g_value_set_string (value, self->document_id);
      break;
    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotator);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_annotation_set_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SpanmarkAnnotationSet *self = SPANMARK_ANNOTATION_SET (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      self->document_id = g_value_dup_string (value);
      break;
    case PROP_ANNOTATOR:
      self->annotator = g_value_dup_string (value);
      break;
    case PROP_TEXT:
      if (g_value_get_string (value) != NULL)
        self->text = g_ref_string_new (g_value_get_string (value));
      break;
    case PROP_STATUS:
      spanmark_annotation_set_set_status (self, g_value_get_uint (value));
      break;
    case PROP_MODIFIED:
      spanmark_annotation_set_set_modified (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_annotation_set_class_init (SpanmarkAnnotationSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GType span_type = SPANMARK_TYPE_SPAN | G_SIGNAL_TYPE_STATIC_SCOPE;
  GType entity_type = SPANMARK_TYPE_ENTITY | G_SIGNAL_TYPE_STATIC_SCOPE;

  object_class->constructed = spanmark_annotation_set_constructed;
  object_class->dispose = spanmark_annotation_set_dispose;
  object_class->finalize = spanmark_annotation_set_finalize;
  object_class->get_property = spanmark_annotation_set_get_property;
  object_class->set_property = spanmark_annotation_set_set_property;

  properties[PROP_DOCUMENT_ID] =
    g_param_spec_string ("document-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL,
                       SPANMARK_STATUS_NEW, SPANMARK_STATUS_REVIEWED, SPANMARK_STATUS_NEW,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_string ("modified", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, SPANMARK_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SPAN_ADDED] =
    g_signal_new ("span-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, span_type);
  signals[SPAN_REMOVED] =
    g_signal_new ("span-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, span_type);
  signals[SPAN_CHANGED] =
    g_signal_new ("span-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, span_type, span_type);
  signals[ENTITY_ADDED] =
    g_signal_new ("entity-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, entity_type);
  signals[ENTITY_REMOVED] =
    g_signal_new ("entity-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, entity_type);
  signals[ENTITY_CHANGED] =
    g_signal_new ("entity-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, entity_type, entity_type);
  signals[REJECTION_ADDED] =
    g_signal_new ("rejection-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, span_type);
  signals[REJECTION_REMOVED] =
    g_signal_new ("rejection-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, span_type);
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
spanmark_annotation_set_init (SpanmarkAnnotationSet *self)
{
  self->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_span_free);
  self->span_ids = g_hash_table_new (span_id_hash, span_id_equal);
  self->mentions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_hash_table_unref);
  self->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_entity_free);
  self->entity_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_span_free);
  self->next_span_number = 1;
  self->next_entity_number = 1;
  self->status = SPANMARK_STATUS_NEW;
  self->tree_dirty = TRUE;
}

SpanmarkAnnotationSet *
spanmark_annotation_set_new (const char *document_id,
                             const char *annotator,
                             const char *text)
{
  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), NULL);

  return g_object_new (SPANMARK_TYPE_ANNOTATION_SET,
                       "document-id", document_id,
                       "annotator", annotator,
                       "text", text,
                       NULL);
}

const char *
spanmark_annotation_set_get_document_id (SpanmarkAnnotationSet *self)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);

  return self->document_id;
}

const char *
spanmark_annotation_set_get_annotator (SpanmarkAnnotationSet *self)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);

  return self->annotator;
}

const char *
spanmark_annotation_set_get_text (SpanmarkAnnotationSet *self)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);

  return self->text;
}

guint
spanmark_annotation_set_get_length (SpanmarkAnnotationSet *self)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), 0);

  return spanmark_text_index_get_length (self->index);
}

SpanmarkTextIndex *
spanmark_annotation_set_get_text_index (SpanmarkAnnotationSet *self)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);

  return self->index;
}

SpanmarkHistory *
spanmark_annotation_set_get_history (SpanmarkAnnotationSet *self)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);

  return self->history;
}

SpanmarkStatus
spanmark_annotation_set_get_status (SpanmarkAnnotationSet *self)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), SPANMARK_STATUS_NEW);

  return self->status;
}

const char *
spanmark_annotation_set_get_modified (SpanmarkAnnotationSet *self)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);

  return self->modified;
}

void
spanmark_annotation_set_set_modified (SpanmarkAnnotationSet *self,
                                      const char            *modified)
{
  g_return_if_fail (SPANMARK_IS_ANNOTATION_SET (self));

  if (set_str (&self->modified, modified))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}


/* Queries */

guint
spanmark_annotation_set_get_n_spans (SpanmarkAnnotationSet *self)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), 0);

  return self->spans->len;
}

const SpanmarkSpan *
spanmark_annotation_set_get_span (SpanmarkAnnotationSet *self,
                                  guint                  index)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);
  g_return_val_if_fail (index < self->spans->len, NULL);

  return g_ptr_array_index (self->spans, index);
}

const SpanmarkSpan *
spanmark_annotation_set_lookup_span (SpanmarkAnnotationSet *self,
                                     const char            *id)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);

  if (id == NULL)
    return NULL;

  return span_by_id (self, id);
}

GPtrArray *
spanmark_annotation_set_get_spans_in_range (SpanmarkAnnotationSet *self,
                                            guint                  start,
                                            guint                  end)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  return spans_overlapping (self, start, end);
}

const SpanmarkSpan *
spanmark_annotation_set_get_span_at (SpanmarkAnnotationSet *self,
                                     guint                  offset)
{
  g_autoptr(GPtrArray) found = NULL;
  const SpanmarkSpan *best = NULL;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);

  found = spans_overlapping (self, offset, offset);

  /* The shortest wins; among equally long spans, the first in order. */
  for (guint i = 0; i < found->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (found, i);

      if (best == NULL || span->end - span->start < best->end - best->start)
        best = span;
    }

  return best;
}

const SpanmarkSpan *
spanmark_annotation_set_get_next_span (SpanmarkAnnotationSet *self,
                                       guint                  offset)
{
  guint index;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);

  index = upper_bound_start (self, offset);
  return index < self->spans->len ? g_ptr_array_index (self->spans, index) : NULL;
}

const SpanmarkSpan *
spanmark_annotation_set_get_prev_span (SpanmarkAnnotationSet *self,
                                       guint                  offset)
{
  guint index;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);

  index = lower_bound_start (self, offset);
  return index > 0 ? g_ptr_array_index (self->spans, index - 1) : NULL;
}

const SpanmarkSpan *
spanmark_annotation_set_find_span (SpanmarkAnnotationSet *self,
                                   guint                  start,
                                   guint                  end,
                                   const char            *label)
{
  SpanmarkSpan key = { .id = (char *) "", .start = start, .end = end };

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);

  if (label == NULL)
    return NULL;

  /* "" sorts before every id, so this is the first span at these
   * offsets; the few spans sharing them differ by label. */
  for (guint i = lower_bound_span (self, &key); i < self->spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (self->spans, i);

      if (span->start != start || span->end != end)
        break;
      if (g_strcmp0 (span->label, label) == 0)
        return span;
    }

  return NULL;
}

guint
spanmark_annotation_set_get_n_entities (SpanmarkAnnotationSet *self)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), 0);

  return self->entities->len;
}

const SpanmarkEntity *
spanmark_annotation_set_get_entity (SpanmarkAnnotationSet *self,
                                    guint                  index)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);
  g_return_val_if_fail (index < self->entities->len, NULL);

  return g_ptr_array_index (self->entities, index);
}

const SpanmarkEntity *
spanmark_annotation_set_lookup_entity (SpanmarkAnnotationSet *self,
                                       const char            *id)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->entity_ids, id);
}

GPtrArray *
spanmark_annotation_set_get_mentions (SpanmarkAnnotationSet *self,
                                      const char            *entity_id)
{
  GPtrArray *out;
  GHashTable *set;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);

  out = g_ptr_array_new ();
  if (entity_id == NULL)
    return out;

  set = g_hash_table_lookup (self->mentions, entity_id);
  if (set != NULL)
    {
      GHashTableIter iter;
      gpointer span;

      g_hash_table_iter_init (&iter, set);
      while (g_hash_table_iter_next (&iter, &span, NULL))
        g_ptr_array_add (out, span);
      g_ptr_array_sort (out, spanmark_span_compare_pointers);
    }

  return out;
}

/**
 * spanmark_annotation_set_get_n_mentions:
 *
 * The number of spans whose entity is @entity_id, in O(1): cheaper than
 * spanmark_annotation_set_get_mentions() for a count in a list row.
 */
guint
spanmark_annotation_set_get_n_mentions (SpanmarkAnnotationSet *self,
                                        const char            *entity_id)
{
  GHashTable *set;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), 0);

  if (entity_id == NULL)
    return 0;

  set = g_hash_table_lookup (self->mentions, entity_id);
  return set != NULL ? g_hash_table_size (set) : 0;
}


/* Mutators */

static gboolean
check_span_offsets (SpanmarkAnnotationSet  *self,
                    guint                   start,
                    guint                   end,
                    const char             *label,
                    GError                **error)
{
  guint length = spanmark_text_index_get_length (self->index);

  if (start >= end || end > length)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Span %u–%u is outside the text (length %u) or empty"),
                   start, end, length);
      return FALSE;
    }

  if (label == NULL || label[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A span needs a label"));
      return FALSE;
    }

  return TRUE;
}

/* Adds a new span, recorded; returns the set's copy.  Emits no
 * "changed": the public caller does, once. */
static const SpanmarkSpan *
add_span_recorded (SpanmarkAnnotationSet *self,
                   guint                  start,
                   guint                  end,
                   const char            *label,
                   const char            *entity_id)
{
  g_autofree char *id = new_id (self, 's', &self->next_span_number);
  g_autofree char *text = spanmark_text_index_slice (self->index, start, end);
  SpanmarkSpan *span = spanmark_span_new (id, start, end, label, text);

  span->entity = g_strdup (entity_id);
  _spanmark_annotation_set_apply_span (self, NULL, span);
  _spanmark_history_record_span (self->history, NULL, span);

  return span_by_id (self, id);
}

/* Replaces @current with @after (same id), or removes it when @after is
 * NULL, recorded; takes @after. */
static void
change_span_recorded (SpanmarkAnnotationSet *self,
                      const SpanmarkSpan    *current,
                      SpanmarkSpan          *after)
{
  SpanmarkSpan *before = spanmark_span_copy (current);

  _spanmark_annotation_set_apply_span (self, before, after);
  _spanmark_history_record_span (self->history, before, after);
}

/* As change_span_recorded(), for an entity. */
static void
change_entity_recorded (SpanmarkAnnotationSet *self,
                        const SpanmarkEntity  *current,
                        SpanmarkEntity        *after)
{
  SpanmarkEntity *before = spanmark_entity_copy (current);
  guint index = entity_index (self, current->id);

  _spanmark_annotation_set_apply_entity (self, before, after, index);
  _spanmark_history_record_entity (self->history, before, after, index);
}

/* Every edit of spans or entities ends here: a document marked done (or
 * a curated one marked reviewed) that is edited is in progress again — in
 * the same undo step, so undo gives back its status with the old state —
 * and then "changed" is emitted. */
static void
finish_edit (SpanmarkAnnotationSet *self)
{
  if (self->status == SPANMARK_STATUS_DONE || self->status == SPANMARK_STATUS_REVIEWED)
    {
      SpanmarkStatus before = self->status;

      _spanmark_annotation_set_apply_status (self, SPANMARK_STATUS_IN_PROGRESS);
      _spanmark_history_amend_status (self->history, before, SPANMARK_STATUS_IN_PROGRESS);
    }

  _spanmark_annotation_set_emit_changed (self);
}

static gboolean
attr_not_defined_cb (gpointer key,
                     gpointer value,
                     gpointer user_data)
{
  const char * const *label_attrs = user_data;

  return label_attrs == NULL || !g_strv_contains (label_attrs, key);
}

/* Gives @span the label @label, recorded.  The link to an entity goes
 * only if the entity has another label: an OFFICIAL span cannot mention
 * a PLACE.  So do the attributes @label does not define (@label_attrs):
 * a PLACE's "kind" means nothing on an OFFICIAL, and would be exported
 * and saved as if it did.  Undo brings both back with the old label. */
static void
relabel_recorded (SpanmarkAnnotationSet *self,
                  const SpanmarkSpan    *span,
                  const char            *label,
                  const char * const    *label_attrs)
{
  SpanmarkSpan *after = spanmark_span_copy (span);
  const SpanmarkEntity *entity = span->entity != NULL ? g_hash_table_lookup (self->entity_ids, span->entity) : NULL;

  set_str (&after->label, label);
  if (entity != NULL && g_strcmp0 (entity->label, label) != 0)
    g_clear_pointer (&after->entity, g_free);
  if (g_hash_table_size (after->attrs) > 0)
    g_hash_table_foreach_remove (after->attrs, attr_not_defined_cb, (gpointer) label_attrs);
  change_span_recorded (self, span, after);
}

const SpanmarkSpan *
spanmark_annotation_set_add_span (SpanmarkAnnotationSet  *self,
                                  guint                   start,
                                  guint                   end,
                                  const char             *label,
                                  GError                **error)
{
  const SpanmarkSpan *span;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_span_offsets (self, start, end, label, error))
    return NULL;

  span = add_span_recorded (self, start, end, label, NULL);
  finish_edit (self);

  return span;
}

gboolean
spanmark_annotation_set_remove_span (SpanmarkAnnotationSet *self,
                                     const char            *span_id)
{
  SpanmarkSpan *span;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), FALSE);

  span = span_id != NULL ? span_by_id (self, span_id) : NULL;
  if (span == NULL)
    return FALSE;

  change_span_recorded (self, span, NULL);
  finish_edit (self);

  return TRUE;
}

gboolean
spanmark_annotation_set_set_span_label (SpanmarkAnnotationSet *self,
                                        const char            *span_id,
                                        const char            *label,
                                        const char * const    *label_attrs)
{
  const SpanmarkSpan *span;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), FALSE);

  span = spanmark_annotation_set_lookup_span (self, span_id);
  if (span == NULL || label == NULL || label[0] == '\0')
    return FALSE;
  if (strcmp (span->label, label) == 0)
    return TRUE;

  relabel_recorded (self, span, label, label_attrs);
  finish_edit (self);

  return TRUE;
}

/* The first span with exactly these offsets, whatever its label. */
static const SpanmarkSpan *
find_span_at_range (SpanmarkAnnotationSet *self,
                    guint                  start,
                    guint                  end)
{
  SpanmarkSpan key = { .id = (char *) "", .start = start, .end = end };
  guint i = lower_bound_span (self, &key);
  const SpanmarkSpan *span = i < self->spans->len ? g_ptr_array_index (self->spans, i) : NULL;

  return span != NULL && span->start == start && span->end == end ? span : NULL;
}

const SpanmarkSpan *
spanmark_annotation_set_tag_range (SpanmarkAnnotationSet  *self,
                                   guint                   start,
                                   guint                   end,
                                   const char             *label,
                                   const char * const     *label_attrs,
                                   GError                **error)
{
  const SpanmarkSpan *span;
  g_autofree char *id = NULL;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_span_offsets (self, start, end, label, error))
    return NULL;

  if (spanmark_annotation_set_find_span (self, start, end, label) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%u–%u is already tagged %s"), start, end, label);
      return NULL;
    }

  /* Another label's key on exactly a span means "this is a PLACE, not an
   * OFFICIAL": a second span on the same characters would only be
   * dropped by the flat exports as nested. */
  span = find_span_at_range (self, start, end);
  if (span == NULL)
    return spanmark_annotation_set_add_span (self, start, end, label, error);

  id = g_strdup (span->id);
  relabel_recorded (self, span, label, label_attrs);
  finish_edit (self);

  return span_by_id (self, id);
}

gboolean
spanmark_annotation_set_set_span_range (SpanmarkAnnotationSet  *self,
                                        const char             *span_id,
                                        guint                   start,
                                        guint                   end,
                                        GError                **error)
{
  const SpanmarkSpan *span, *same;
  SpanmarkSpan *after;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  span = spanmark_annotation_set_lookup_span (self, span_id);
  if (span == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no span \"%s\""), span_id != NULL ? span_id : "");
      return FALSE;
    }

  if (!check_span_offsets (self, start, end, span->label, error))
    return FALSE;
  if (span->start == start && span->end == end)
    return TRUE;

  same = spanmark_annotation_set_find_span (self, start, end, span->label);
  if (same != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%u–%u is already tagged %s"), start, end, span->label);
      return FALSE;
    }

  after = spanmark_span_copy (span);
  after->start = start;
  after->end = end;
  g_free (after->text);
  after->text = spanmark_text_index_slice (self->index, start, end);
  change_span_recorded (self, span, after);
  finish_edit (self);

  return TRUE;
}

gboolean
spanmark_annotation_set_set_span_entity (SpanmarkAnnotationSet *self,
                                         const char            *span_id,
                                         const char            *entity_id)
{
  const SpanmarkSpan *span;
  SpanmarkSpan *after;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), FALSE);

  span = spanmark_annotation_set_lookup_span (self, span_id);
  if (span == NULL)
    return FALSE;
  if (entity_id != NULL && !g_hash_table_contains (self->entity_ids, entity_id))
    return FALSE;
  if (g_strcmp0 (span->entity, entity_id) == 0)
    return TRUE;

  after = spanmark_span_copy (span);
  set_str (&after->entity, entity_id);
  change_span_recorded (self, span, after);
  finish_edit (self);

  return TRUE;
}

gboolean
spanmark_annotation_set_set_span_attr (SpanmarkAnnotationSet *self,
                                       const char            *span_id,
                                       const char            *key,
                                       const char            *value)
{
  const SpanmarkSpan *span;
  SpanmarkSpan *after;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), FALSE);

  span = spanmark_annotation_set_lookup_span (self, span_id);
  if (span == NULL || key == NULL || key[0] == '\0')
    return FALSE;
  if (g_strcmp0 (g_hash_table_lookup (span->attrs, key), value) == 0)
    return TRUE;

  after = spanmark_span_copy (span);
  _spanmark_attrs_set (_spanmark_attrs_writable (&after->attrs), key, value);
  change_span_recorded (self, span, after);
  finish_edit (self);

  return TRUE;
}

gboolean
spanmark_annotation_set_set_span_pretag (SpanmarkAnnotationSet *self,
                                         const char            *span_id,
                                         const char            *pretag)
{
  const SpanmarkSpan *span;
  SpanmarkSpan *after;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), FALSE);
  g_return_val_if_fail (pretag == NULL || pretag[0] != '\0', FALSE);

  span = spanmark_annotation_set_lookup_span (self, span_id);
  if (span == NULL)
    return FALSE;
  if (g_strcmp0 (span->pretag, pretag) == 0)
    return TRUE;

  after = spanmark_span_copy (span);
  set_str (&after->pretag, pretag);
  change_span_recorded (self, span, after);
  finish_edit (self);

  return TRUE;
}

const SpanmarkEntity *
spanmark_annotation_set_add_entity (SpanmarkAnnotationSet *self,
                                    const char            *label,
                                    const char            *name)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);

  if (label == NULL || label[0] == '\0')
    return NULL;

  /* A new id is never taken, so this always adds. */
  id = new_id (self, 'e', &self->next_entity_number);
  return spanmark_annotation_set_add_entity_with_id (self, id, label, name);
}

gboolean
spanmark_annotation_set_remove_entity (SpanmarkAnnotationSet *self,
                                       const char            *entity_id)
{
  g_autoptr(GPtrArray) mentions = NULL;
  const SpanmarkEntity *entity;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), FALSE);

  entity = spanmark_annotation_set_lookup_entity (self, entity_id);
  if (entity == NULL)
    return FALSE;

  spanmark_history_begin_group (self->history);

  /* Detach the mentions first, so that no span ever names a missing
   * entity, and undo re-attaches them after the entity is back. */
  mentions = spanmark_annotation_set_get_mentions (self, entity_id);
  for (guint i = 0; i < mentions->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (mentions, i);
      SpanmarkSpan *after = spanmark_span_copy (span);

      g_clear_pointer (&after->entity, g_free);
      change_span_recorded (self, span, after);
    }

  change_entity_recorded (self, entity, NULL);

  spanmark_history_end_group (self->history);
  finish_edit (self);

  return TRUE;
}

gboolean
spanmark_annotation_set_set_entity_name (SpanmarkAnnotationSet *self,
                                         const char            *entity_id,
                                         const char            *name)
{
  const SpanmarkEntity *entity;
  SpanmarkEntity *after;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), FALSE);

  entity = spanmark_annotation_set_lookup_entity (self, entity_id);
  if (entity == NULL || name == NULL)
    return FALSE;
  if (g_strcmp0 (entity->name, name) == 0)
    return TRUE;

  after = spanmark_entity_copy (entity);
  set_str (&after->name, name);
  change_entity_recorded (self, entity, after);
  finish_edit (self);

  return TRUE;
}

gboolean
spanmark_annotation_set_set_entity_attr (SpanmarkAnnotationSet *self,
                                         const char            *entity_id,
                                         const char            *key,
                                         const char            *value)
{
  const SpanmarkEntity *entity;
  SpanmarkEntity *after;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), FALSE);

  entity = spanmark_annotation_set_lookup_entity (self, entity_id);
  if (entity == NULL || key == NULL || key[0] == '\0')
    return FALSE;
  if (g_strcmp0 (g_hash_table_lookup (entity->attrs, key), value) == 0)
    return TRUE;

  after = spanmark_entity_copy (entity);
  _spanmark_attrs_set (after->attrs, key, value);
  change_entity_recorded (self, entity, after);
  finish_edit (self);

  return TRUE;
}

void
spanmark_annotation_set_set_status (SpanmarkAnnotationSet *self,
                                    SpanmarkStatus         status)
{
  SpanmarkStatus before;

  g_return_if_fail (SPANMARK_IS_ANNOTATION_SET (self));
  g_return_if_fail ((guint) status <= SPANMARK_STATUS_REVIEWED);

  if (self->status == status)
    return;

  before = self->status;
  _spanmark_annotation_set_apply_status (self, status);
  _spanmark_history_record_status (self->history, before, status);
  _spanmark_annotation_set_emit_changed (self);
}

void
spanmark_annotation_set_settle_status (SpanmarkAnnotationSet *self,
                                       SpanmarkStatus         status)
{
  g_return_if_fail (SPANMARK_IS_ANNOTATION_SET (self));
  g_return_if_fail ((guint) status <= SPANMARK_STATUS_REVIEWED);

  _spanmark_annotation_set_apply_status (self, status);
}

/* memmem(), which is not in C11. */
static const char *
find_bytes (const char *haystack,
            gsize       haystack_len,
            const char *needle,
            gsize       needle_len)
{
  const char *p = haystack;
  const char *last;

  if (needle_len == 0 || needle_len > haystack_len)
    return NULL;

  last = haystack + (haystack_len - needle_len);
  while (p <= last)
    {
      p = memchr (p, needle[0], (gsize) (last - p) + 1);
      if (p == NULL)
        return NULL;
      if (memcmp (p, needle, needle_len) == 0)
        return p;
      p++;
    }

  return NULL;
}

guint
spanmark_annotation_set_tag_all (SpanmarkAnnotationSet *self,
                                 guint                  start,
                                 guint                  end,
                                 const char            *label,
                                 const char            *entity_id)
{
  const char *text;
  gsize n_bytes;
  gsize needle_start;
  gsize needle_len;
  guint needle_chars;
  g_autofree char *needle = NULL;
  g_autoptr(GPtrArray) added = NULL;
  const char *hit;
  gsize pos = 0;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), 0);

  if (!check_span_offsets (self, start, end, label, NULL))
    return 0;
  if (entity_id != NULL && !g_hash_table_contains (self->entity_ids, entity_id))
    return 0;

  text = self->text;
  n_bytes = spanmark_text_index_get_n_bytes (self->index);
  needle_start = spanmark_text_index_char_to_byte (self->index, start);
  needle_len = spanmark_text_index_char_to_byte (self->index, end) - needle_start;
  needle_chars = end - start;

  needle = spanmark_text_index_slice (self->index, start, end);
  added = g_ptr_array_new ();

  /* A left-to-right scan for non-overlapping occurrences, on bytes (valid
   * UTF-8 only matches at character boundaries), converting each hit to
   * code points through the index. */
  while ((hit = find_bytes (text + pos, n_bytes - pos,
                            text + needle_start, needle_len)) != NULL)
    {
      gsize hit_byte = (gsize) (hit - text);
      guint hit_start;

      if ((hit_byte + needle_len < n_bytes &&
           spanmark_text_continues_cluster (g_utf8_get_char (hit + needle_len))) ||
          (hit_byte > 0 &&
           g_utf8_get_char (g_utf8_prev_char (hit)) == 0x200D))
        {
          pos = (gsize) (g_utf8_next_char (hit) - text);
          continue;
        }

      hit_start = spanmark_text_index_byte_to_char (self->index, hit_byte);
      if (spanmark_annotation_set_find_span (self, hit_start, hit_start + needle_chars, label) == NULL)
        {
          g_autofree char *id = new_id (self, 's', &self->next_span_number);
          SpanmarkSpan *span = spanmark_span_new (id, hit_start, hit_start + needle_chars,
                                                  label, needle);

          span->entity = g_strdup (entity_id);
          g_ptr_array_add (added, span);
        }

      pos = hit_byte + needle_len;
    }

  if (added->len == 0)
    return 0;

  /* Occurrences do not overlap, so the new spans are distinct and can go
   * in together: one merge, however many there are. */
  _spanmark_annotation_set_add_spans (self, (const SpanmarkSpan * const *) added->pdata,
                                      added->len);

  spanmark_history_begin_group (self->history);
  for (guint i = 0; i < added->len; i++)
    _spanmark_history_record_span (self->history, NULL, g_ptr_array_index (added, i));
  spanmark_history_end_group (self->history);

  finish_edit (self);

  return added->len;
}


/* Rejections */

static int
compare_rejection (const SpanmarkSpan *span,
                   guint               start,
                   guint               end,
                   const char         *label)
{
  if (span->start != start)
    return span->start < start ? -1 : 1;
  if (span->end != end)
    return span->end > end ? -1 : 1;
  return strcmp (span->label, label);
}

/* Where the rejection (@start, @end, @label) is or would go. */
static guint
rejection_index (SpanmarkAnnotationSet *self,
                 guint                  start,
                 guint                  end,
                 const char            *label,
                 gboolean              *found)
{
  guint lo = 0, hi = self->rejections->len;

  *found = FALSE;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int order = compare_rejection (g_ptr_array_index (self->rejections, mid), start, end, label);

      if (order == 0)
        {
          *found = TRUE;
          return mid;
        }
      if (order < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

void
_spanmark_annotation_set_apply_rejection (SpanmarkAnnotationSet *self,
                                          const SpanmarkSpan    *before,
                                          const SpanmarkSpan    *after)
{
  const SpanmarkSpan *which = after != NULL ? after : before;
  gboolean found;
  guint index;

  g_assert (SPANMARK_IS_ANNOTATION_SET (self));
  g_assert ((before == NULL) != (after == NULL));

  index = rejection_index (self, which->start, which->end, which->label, &found);
  if (after != NULL && !found)
    {
      g_ptr_array_insert (self->rejections, (int) index, spanmark_span_copy (after));
      g_signal_emit (self, signals[REJECTION_ADDED], 0, g_ptr_array_index (self->rejections, index));
    }
  else if (after == NULL && found)
    {
      g_autoptr(SpanmarkSpan) removed = g_ptr_array_steal_index (self->rejections, index);

      g_signal_emit (self, signals[REJECTION_REMOVED], 0, removed);
    }
}

guint
spanmark_annotation_set_get_n_rejections (SpanmarkAnnotationSet *self)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), 0);

  return self->rejections->len;
}

const SpanmarkSpan *
spanmark_annotation_set_get_rejection (SpanmarkAnnotationSet *self,
                                       guint                  index)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);
  g_return_val_if_fail (index < self->rejections->len, NULL);

  return g_ptr_array_index (self->rejections, index);
}

gboolean
spanmark_annotation_set_is_rejected (SpanmarkAnnotationSet *self,
                                     guint                  start,
                                     guint                  end,
                                     const char            *label)
{
  gboolean found;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), FALSE);

  if (label == NULL)
    return FALSE;

  rejection_index (self, start, end, label, &found);
  return found;
}

gboolean
spanmark_annotation_set_add_rejection (SpanmarkAnnotationSet  *self,
                                       guint                   start,
                                       guint                   end,
                                       const char             *label,
                                       GError                **error)
{
  g_autofree char *text = NULL;
  SpanmarkSpan *rejection;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_span_offsets (self, start, end, label, error))
    return FALSE;
  if (spanmark_annotation_set_is_rejected (self, start, end, label))
    return FALSE;

  text = spanmark_text_index_slice (self->index, start, end);
  rejection = spanmark_span_new (NULL, start, end, label, text);
  _spanmark_annotation_set_apply_rejection (self, NULL, rejection);
  _spanmark_history_record_rejection (self->history, NULL, rejection);
  finish_edit (self);

  return TRUE;
}

gboolean
spanmark_annotation_set_remove_rejection (SpanmarkAnnotationSet *self,
                                          guint                  start,
                                          guint                  end,
                                          const char            *label)
{
  SpanmarkSpan *before;
  gboolean found;
  guint index;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), FALSE);

  if (label == NULL)
    return FALSE;
  index = rejection_index (self, start, end, label, &found);
  if (!found)
    return FALSE;

  before = spanmark_span_copy (g_ptr_array_index (self->rejections, index));
  _spanmark_annotation_set_apply_rejection (self, before, NULL);
  _spanmark_history_record_rejection (self->history, before, NULL);
  finish_edit (self);

  return TRUE;
}


/* Loading */

/* @span, to go into the set: a span read without its covered text gets
 * it from the document, and one without attributes the table that all
 * such spans share. */
static SpanmarkSpan *
adopt_loaded_span (SpanmarkAnnotationSet *self,
                   SpanmarkSpan          *span)
{
  if (span->text == NULL)
    span->text = spanmark_text_index_slice (self->index, span->start, span->end);
  if (g_hash_table_size (span->attrs) == 0)
    {
      g_hash_table_unref (span->attrs);
      span->attrs = _spanmark_attrs_copy_or_shared (NULL);
    }
  return span;
}

void
spanmark_annotation_set_load_span (SpanmarkAnnotationSet *self,
                                   const SpanmarkSpan    *span)
{
  g_return_if_fail (SPANMARK_IS_ANNOTATION_SET (self));
  g_return_if_fail (span != NULL);
  g_return_if_fail (span->id != NULL);
  g_return_if_fail (span->start < span->end);
  g_return_if_fail (span->end <= spanmark_text_index_get_length (self->index));
  g_return_if_fail (!g_hash_table_contains (self->span_ids, span));

  insert_span (self, adopt_loaded_span (self, spanmark_span_copy (span)));
}

/* Whether every one of @spans may be loaded (checked first, so that a
 * bad span changes nothing). */
static gboolean
check_loaded_spans (SpanmarkAnnotationSet     *self,
                    const SpanmarkSpan *const *spans,
                    guint                      n_spans)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint length = spanmark_text_index_get_length (self->index);

  for (guint i = 0; i < n_spans; i++)
    {
      const SpanmarkSpan *span = spans[i];

      g_return_val_if_fail (span != NULL, FALSE);
      g_return_val_if_fail (span->id != NULL, FALSE);
      g_return_val_if_fail (span->start < span->end, FALSE);
      g_return_val_if_fail (span->end <= length, FALSE);
      g_return_val_if_fail (!g_hash_table_contains (self->span_ids, span), FALSE);
      g_return_val_if_fail (g_hash_table_add (ids, span->id), FALSE);
    }
  return TRUE;
}

void
spanmark_annotation_set_load_spans (SpanmarkAnnotationSet     *self,
                                    const SpanmarkSpan *const *spans,
                                    guint                      n_spans)
{
  g_autoptr(GPtrArray) copies = NULL;

  g_return_if_fail (SPANMARK_IS_ANNOTATION_SET (self));
  g_return_if_fail (spans != NULL || n_spans == 0);

  if (!check_loaded_spans (self, spans, n_spans))
    return;

  copies = g_ptr_array_new_full (n_spans, (GDestroyNotify) spanmark_span_free);
  for (guint i = 0; i < n_spans; i++)
    g_ptr_array_add (copies, adopt_loaded_span (self, spanmark_span_copy (spans[i])));

  insert_spans (self, copies);
}

void
spanmark_annotation_set_take_spans (SpanmarkAnnotationSet *self,
                                    GPtrArray             *spans)
{
  g_autoptr(GPtrArray) taken = NULL;

  g_return_if_fail (SPANMARK_IS_ANNOTATION_SET (self));
  g_return_if_fail (spans != NULL);

  if (!check_loaded_spans (self, (const SpanmarkSpan * const *) spans->pdata, spans->len))
    return;

  taken = g_ptr_array_new_full (spans->len, (GDestroyNotify) spanmark_span_free);
  for (guint i = 0; i < spans->len; i++)
    g_ptr_array_add (taken, adopt_loaded_span (self, g_ptr_array_index (spans, i)));
  g_free (g_ptr_array_steal (spans, NULL));

  insert_spans (self, taken);
}

void
spanmark_annotation_set_load_entity (SpanmarkAnnotationSet *self,
                                     const SpanmarkEntity  *entity)
{
  g_return_if_fail (SPANMARK_IS_ANNOTATION_SET (self));
  g_return_if_fail (entity != NULL);
  g_return_if_fail (entity->id != NULL);
  g_return_if_fail (!g_hash_table_contains (self->entity_ids, entity->id));

  insert_entity (self, spanmark_entity_copy (entity), self->entities->len);
}

void
spanmark_annotation_set_load_status (SpanmarkAnnotationSet *self,
                                     SpanmarkStatus         status)
{
  g_return_if_fail (SPANMARK_IS_ANNOTATION_SET (self));
  g_return_if_fail ((guint) status <= SPANMARK_STATUS_REVIEWED);

  self->status = status;
}

void
spanmark_annotation_set_load_rejection (SpanmarkAnnotationSet *self,
                                        guint                  start,
                                        guint                  end,
                                        const char            *label)
{
  g_autofree char *text = NULL;
  g_autoptr(SpanmarkSpan) rejection = NULL;
  gboolean found;
  guint index;

  g_return_if_fail (SPANMARK_IS_ANNOTATION_SET (self));
  g_return_if_fail (start < end && end <= spanmark_text_index_get_length (self->index));
  g_return_if_fail (label != NULL);

  text = spanmark_text_index_slice (self->index, start, end);
  rejection = spanmark_span_new (NULL, start, end, label, text);
  index = rejection_index (self, start, end, label, &found);
  if (!found)
    g_ptr_array_insert (self->rejections, (int) index, g_steal_pointer (&rejection));
}

const SpanmarkEntity *
spanmark_annotation_set_add_entity_with_id (SpanmarkAnnotationSet *self,
                                            const char            *id,
                                            const char            *label,
                                            const char            *name)
{
  SpanmarkEntity *entity;
  guint index;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (label == NULL || label[0] == '\0' || *id == '\0' ||
      g_hash_table_contains (self->entity_ids, id))
    return NULL;

  entity = spanmark_entity_new (id, label, name != NULL ? name : "");
  index = self->entities->len;

  _spanmark_annotation_set_apply_entity (self, NULL, entity, index);
  _spanmark_history_record_entity (self->history, NULL, entity, index);
  finish_edit (self);

  return g_hash_table_lookup (self->entity_ids, id);
}

char *
_spanmark_annotation_set_ref_text (SpanmarkAnnotationSet *self)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (self), NULL);

  return g_ref_string_acquire (self->text);
}
