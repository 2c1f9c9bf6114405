/* spanmark-label-panel.c — the side panel for one label
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spanmark-display.h"
#include "spanmark-entity-cell.h"
#include "spanmark-entity-item.h"
#include "spanmark-entity-matches.h"
#include "spanmark-entity-slot.h"
#include "spanmark-entity-row.h"
#include "spanmark-history.h"
#include "spanmark-label-panel.h"
#include "spanmark-text.h"

/* Mentions of the panel's label that belong to no entity, grouped by
 * their text: one row "涪陵区 ×3, no entity" per group. */
typedef struct
{
  char       *text;
  char       *collate_key;  /* made with the row: only rows are sorted */
  /* How many of the set's spans of the label have the text and no
   * entity: the spans themselves are looked up when asked for (a
   * document may have tens of thousands of such texts). */
  guint       n_mentions;
  GtkWidget  *row;       /* GtkListBoxRow, owned by the list; NULL past the cap */
  GtkLabel   *subtitle;  /* in the row */
} UnlinkedGroup;

/* A generated or machine-tagged document may have thousands of distinct
 * texts without an entity: this many get a row at first, and each "Show
 * More" this many more; the rest are counted in a line below the list
 * (and still reachable through the actions).  A row is a few widgets,
 * some 20 KB with its styles. */
#define UNLINKED_ROWS_STEP 25

struct _SpanmarkLabelPanel
{
  GtkWidget              parent_instance;

  /* Template widgets */
  GtkDrawingArea        *swatch;
  GtkLabel              *title_label;
  GtkLabel              *summary_label;
  GtkButton             *tag_button;
  GtkButton             *tag_all_button;
  GtkWidget             *tag_box;
  GtkButton             *new_entity_button;
  GtkStack              *stack;
  AdwStatusPage         *no_document_page;
  AdwStatusPage         *empty_page;
  GtkWidget             *entity_box;
  GtkListBox            *entity_list;
  GtkWidget             *unlinked_box;
  GtkListBox            *unlinked_list;
  GtkLabel              *unlinked_more_label;
  GtkWidget             *unlinked_more_button;
  GtkLabel              *corpus_status_label;
  GtkSearchEntry        *entity_search;
  GtkListView           *registry_view;
  GtkButton             *attach_selected_button;
  GtkMenuButton         *entity_menu_button;
  GtkWidget             *row_popover;   /* a row's context menu, made on the first right click */
  GtkButton             *proposal_button;

  /* The registry's entities of this label (spanmark-entity-item.h):
   * matches (the search, this document's first) -> selection ->
   * registry_view.  The order changes when which entities the document
   * has changes, the matches on every key. */
  SpanmarkEntityMatches *matches;
  guint                  listing_id;    /* tick callback telling the list of more matches */
  GtkSingleSelection    *selection;
  GHashTable            *items;         /* registry id -> SpanmarkEntityItem (matches owns it) */
  GPtrArray             *here_items;    /* SpanmarkEntityItem with mentions in the open set */
  GPtrArray             *saved_items;   /* SpanmarkEntityItem given the open document's saved counts */
  GHashTable            *left;          /* document id -> (registry id -> mentions it had when left),
                                         * since the registry was read */
  SpanmarkRegistry      *registry;
  char                  *annotator;
  GHashTable            *names;         /* name or alias -> registry id (owned) */
  char                  *proposal_id;   /* proposed for the selected span; NULL: none */

  /* Owned references */
  SpanmarkLabel         *label;
  SpanmarkAnnotationSet *set;
  GHashTable            *entity_rows;   /* entity id -> SpanmarkEntityRow (the list owns it) */
  GHashTable            *unlinked;      /* span text -> UnlinkedGroup */
  char                  *empty_description;  /* markup: how to tag with this label */
  char                  *jump_span_id;  /* the mention we last jumped to */
  guint                  n_unlinked_rows;
  guint                  max_unlinked_rows;  /* UNLINKED_ROWS_STEP, more with each "Show More" */
  guint                  populated : 1;  /* rows show the set */
  guint                  holding_rows : 1;  /* populate() makes them at the end */

  guint                  sel_start;
  guint                  sel_end;
  guint                  editable : 1;
};

G_DEFINE_FINAL_TYPE (SpanmarkLabelPanel, spanmark_label_panel, GTK_TYPE_WIDGET)

enum {
  JUMP_TO_SPAN,
  REGISTRY_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
unlinked_group_free (UnlinkedGroup *group)
{
  g_free (group->text);
  g_free (group->collate_key);
  g_free (group);
}

static gboolean
is_own_label (SpanmarkLabelPanel *self,
              const char         *label)
{
  return g_strcmp0 (label, self->label->name) == 0;
}

/* Whether @span is one of the panel's mentions without entity. */
static gboolean
is_unlinked_mention (SpanmarkLabelPanel *self,
                     const SpanmarkSpan *span)
{
  return span->entity == NULL && is_own_label (self, span->label);
}

/* The spans of @text in the group, in text order. */
static GPtrArray *
unlinked_group_get_spans (SpanmarkLabelPanel *self,
                          const char         *text)
{
  GPtrArray *spans = g_ptr_array_new ();
  guint n_spans = spanmark_annotation_set_get_n_spans (self->set);

  for (guint i = 0; i < n_spans; i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (self->set, i);

      if (is_unlinked_mention (self, span) && g_strcmp0 (span->text, text) == 0)
        g_ptr_array_add (spans, (gpointer) span);
    }
  return spans;
}

/* Selection helpers */

/* The selection without leading and trailing white space; FALSE when
 * there is no document, only a caret, or only white space selected. */
static gboolean
get_trimmed_selection (SpanmarkLabelPanel *self,
                       guint              *start,
                       guint              *end)
{
  if (self->set == NULL || self->sel_start >= self->sel_end)
    return FALSE;

  *start = self->sel_start;
  *end = self->sel_end;
  return spanmark_text_index_trim_range (spanmark_annotation_set_get_text_index (self->set), start, end);
}

/* The span of this label the selection designates: with text selected,
 * the span covering exactly the trimmed selection (NULL while untagged);
 * with just a caret, the innermost span of this label containing it. */
static const SpanmarkSpan *
get_selected_span (SpanmarkLabelPanel *self)
{
  g_autoptr(GPtrArray) spans = NULL;
  const SpanmarkSpan *best = NULL;
  guint start, end;

  if (self->set == NULL)
    return NULL;

  if (get_trimmed_selection (self, &start, &end))
    return spanmark_annotation_set_find_span (self->set, start, end, self->label->name);

  if (self->sel_start != self->sel_end)
    return NULL;

  spans = spanmark_annotation_set_get_spans_in_range (self->set, self->sel_start, self->sel_start);
  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);

      if (is_own_label (self, span->label)
          && (best == NULL || span->end - span->start < best->end - best->start))
        best = span;
    }

  return best;
}

/* Returns the id of the selected span, tagging the trimmed selection
 * first when it is not tagged with this label yet.  Call inside a
 * history group so tagging and what follows are one undo step. */
static char *
ensure_selected_span (SpanmarkLabelPanel *self)
{
  g_autoptr(GError) error = NULL;
  const SpanmarkSpan *span = get_selected_span (self);
  guint start, end;

  if (span != NULL)
    return g_strdup (span->id);

  if (!get_trimmed_selection (self, &start, &end))
    return NULL;

  /* A span of another label on exactly these characters is relabelled,
   * as the label's key does, not doubled. */
  span = spanmark_annotation_set_tag_range (self->set, start, end, self->label->name,
                                            (const char * const *) self->label->attrs, &error);
  if (span == NULL)
    {
      g_warning ("Could not tag %u–%u as %s: %s",
                 start, end, self->label->name, error->message);
      return NULL;
    }

  return g_strdup (span->id);
}

/* Unlinked mentions */

static void
unlinked_group_update_row (UnlinkedGroup *group)
{
  guint n = group->n_mentions;
  g_autofree char *subtitle = NULL;

  if (group->row == NULL)
    return;

  /* Translators: the number of times a text is tagged without being
   * attached to an entity, e.g. "×3, no entity". */
  subtitle = g_strdup_printf (ngettext ("×%u, no entity", "×%u, no entity", n), n);
  gtk_label_set_text (group->subtitle, subtitle);
}

static UnlinkedGroup *
unlinked_group_new (const char *text)
{
  UnlinkedGroup *group = g_new0 (UnlinkedGroup, 1);

  group->text = g_strdup (text);

  return group;
}

static void
unlinked_group_add_row (SpanmarkLabelPanel *self,
                        UnlinkedGroup      *group)
{
  const char *text = group->text;
  g_autofree char *button_label = NULL;
  GtkWidget *header;
  GtkWidget *title_box;
  GtkWidget *title;
  GtkWidget *button;

  g_assert (group->row == NULL);

  /* A collation key costs more than the rest of a group, and a document
   * with tens of thousands of distinct texts shows only a few of them. */
  if (group->collate_key == NULL)
    group->collate_key = g_utf8_collate_key (text, -1);

  /* Laid out and styled like an AdwActionRow (row > box.header > box.title),
   * from plain widgets, which are much cheaper to make by the hundred. */
  group->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (group->row), TRUE);
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (header, "header");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (group->row), header);

  title_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (title_box, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (title_box, TRUE);
  gtk_widget_add_css_class (title_box, "title");
  gtk_box_append (GTK_BOX (header), title_box);

  title = gtk_label_new (text);
  gtk_label_set_use_markup (GTK_LABEL (title), FALSE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "title");
  gtk_box_append (GTK_BOX (title_box), title);

  group->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_use_markup (group->subtitle, FALSE);
  gtk_label_set_xalign (group->subtitle, 0);
  gtk_widget_add_css_class (GTK_WIDGET (group->subtitle), "subtitle");
  gtk_box_append (GTK_BOX (title_box), GTK_WIDGET (group->subtitle));

  spanmark_display_set_tooltip (group->row, _("Go to the next of these mentions"));
  g_object_set_data_full (G_OBJECT (group->row), "spanmark-text", g_strdup (text), g_free);

  button = gtk_button_new_with_label (_("Create Entity"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_focus_on_click (button, FALSE);
  spanmark_display_set_tooltip (button, _("Create an entity with this name and attach all these mentions to it"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "panel.create-entity-from-text");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", text);
  /* Translators: %s is a tagged text, e.g. "Create entity “涪陵区”". */
  button_label = g_strdup_printf (_("Create entity “%s”"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                  -1);
  gtk_box_append (GTK_BOX (header), button);

  gtk_list_box_append (self->unlinked_list, group->row);
  self->n_unlinked_rows++;
  unlinked_group_update_row (group);
}

static void
unlinked_group_remove_row (SpanmarkLabelPanel *self,
                           UnlinkedGroup      *group)
{
  if (group->row == NULL)
    return;

  gtk_list_box_remove (self->unlinked_list, group->row);
  group->row = NULL;
  group->subtitle = NULL;
  self->n_unlinked_rows--;
}

/* Gives rows to groups without one while there is room under the cap. */
static void
unlinked_fill_rows (SpanmarkLabelPanel *self)
{
  guint n_groups = g_hash_table_size (self->unlinked);
  GHashTableIter iter;
  gpointer value;

  if (self->n_unlinked_rows >= MIN (n_groups, self->max_unlinked_rows))
    return;

  g_hash_table_iter_init (&iter, self->unlinked);
  while (self->n_unlinked_rows < self->max_unlinked_rows
         && g_hash_table_iter_next (&iter, NULL, &value))
    if (((UnlinkedGroup *) value)->row == NULL)
      unlinked_group_add_row (self, value);
}

static void
unlinked_add (SpanmarkLabelPanel *self,
              const SpanmarkSpan *span)
{
  UnlinkedGroup *group = g_hash_table_lookup (self->unlinked, span->text);

  if (group == NULL)
    {
      group = unlinked_group_new (span->text);
      g_hash_table_insert (self->unlinked, group->text, group);
      group->n_mentions = 1;
      if (!self->holding_rows && self->n_unlinked_rows < self->max_unlinked_rows)
        unlinked_group_add_row (self, group);
      return;
    }

  group->n_mentions++;
  unlinked_group_update_row (group);
}

static void
unlinked_remove (SpanmarkLabelPanel *self,
                 const SpanmarkSpan *span)
{
  UnlinkedGroup *group = g_hash_table_lookup (self->unlinked, span->text);

  /* The set's signals give each span's going once, after its coming. */
  if (group == NULL)
    return;

  if (--group->n_mentions == 0)
    {
      unlinked_group_remove_row (self, group);
      g_hash_table_remove (self->unlinked, span->text);
    }
  else
    unlinked_group_update_row (group);
}

static int
unlinked_sort_func (GtkListBoxRow *row1,
                    GtkListBoxRow *row2,
                    gpointer       user_data)
{
  SpanmarkLabelPanel *self = user_data;
  UnlinkedGroup *group1 = g_hash_table_lookup (self->unlinked,
                                               g_object_get_data (G_OBJECT (row1), "spanmark-text"));
  UnlinkedGroup *group2 = g_hash_table_lookup (self->unlinked,
                                               g_object_get_data (G_OBJECT (row2), "spanmark-text"));

  /* A row is inserted before its group is in the table. */
  if (group1 == NULL || group2 == NULL)
    return 0;

  return strcmp (group1->collate_key, group2->collate_key);
}

/* State */

static gboolean
can_edit (SpanmarkLabelPanel *self)
{
  return self->set != NULL && self->editable;
}

static void update_selected_actions (SpanmarkLabelPanel *self);

static void
update_actions (SpanmarkLabelPanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_set = self->set != NULL;
  gboolean editable = can_edit (self);
  gboolean has_selection = has_set && self->sel_start < self->sel_end;
  gboolean has_mention = editable && (has_selection || get_selected_span (self) != NULL);

  gtk_widget_action_set_enabled (widget, "panel.tag-selection", editable && has_selection);
  gtk_widget_action_set_enabled (widget, "panel.tag-all", editable && has_selection);
  gtk_widget_action_set_enabled (widget, "panel.new-entity", has_mention);
  gtk_widget_action_set_enabled (widget, "panel.attach", has_mention);
  gtk_widget_action_set_enabled (widget, "panel.next-mention", has_set);
  gtk_widget_action_set_enabled (widget, "panel.prev-mention", has_set);
  gtk_widget_action_set_enabled (widget, "panel.next-unlinked", has_set);
  gtk_widget_action_set_enabled (widget, "panel.delete-entity", editable);
  gtk_widget_action_set_enabled (widget, "panel.rename-entity", editable);
  gtk_widget_action_set_enabled (widget, "panel.set-entity-attr", editable);
  gtk_widget_action_set_enabled (widget, "panel.create-entity-from-text", editable);

  /* The tag buttons go through the window's actions, which know nothing
   * of this panel's editability; their own sensitivity belongs to the
   * action, so the box around them carries ours. */
  gtk_widget_set_sensitive (self->tag_box, editable && has_selection);
  update_selected_actions (self);
}

static void
update_state (SpanmarkLabelPanel *self)
{
  guint n_entities = g_hash_table_size (self->entity_rows);
  guint n_unlinked = g_hash_table_size (self->unlinked);

  unlinked_fill_rows (self);
  if (n_unlinked > self->n_unlinked_rows)
    {
      guint n_more = n_unlinked - self->n_unlinked_rows;
      g_autofree char *more = NULL;

      more = g_strdup_printf (ngettext ("%u more text without entity",
                                        "%u more texts without entity", n_more),
                              n_more);
      gtk_label_set_text (self->unlinked_more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unlinked_more_label),
                          n_unlinked > self->n_unlinked_rows);
  gtk_widget_set_visible (self->unlinked_more_button, n_unlinked > self->n_unlinked_rows);

  gtk_widget_set_visible (self->entity_box, n_entities > 0);
  gtk_widget_set_visible (self->unlinked_box, n_unlinked > 0);

  if (self->set == NULL)
    gtk_stack_set_visible_child_name (self->stack, "no-document");
  else if (n_entities == 0 && n_unlinked == 0)
    {
      /* A read-only document cannot be tagged: do not say how to. */
      adw_status_page_set_description (self->empty_page,
                                       self->editable ? self->empty_description
                                                      : _("This document is read-only"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  if (self->set != NULL)
    {
      g_autofree char *summary = g_strdup_printf (ngettext ("%u entity", "%u entities", n_entities),
                                                  n_entities);
      gtk_label_set_text (self->summary_label, summary);
    }
  else
    gtk_label_set_text (self->summary_label, "");

  update_actions (self);
}

/* Entities */

static int
compare_ids (const char *a,
             const char *b)
{
  gsize len_a = strlen (a);
  gsize len_b = strlen (b);

  /* "e9" before "e10": ids are handed out in creation order. */
  if (len_a != len_b)
    return len_a < len_b ? -1 : 1;
  return strcmp (a, b);
}

static int
entity_sort_func (GtkListBoxRow *row1,
                  GtkListBoxRow *row2,
                  gpointer       user_data)
{
  return compare_ids (spanmark_entity_row_get_entity_id (SPANMARK_ENTITY_ROW (row1)),
                      spanmark_entity_row_get_entity_id (SPANMARK_ENTITY_ROW (row2)));
}

static SpanmarkEntityRow *
add_entity_row (SpanmarkLabelPanel   *self,
                const SpanmarkEntity *entity,
                guint                 n_mentions)
{
  SpanmarkEntityRow *row = g_hash_table_lookup (self->entity_rows, entity->id);

  if (row == NULL)
    {
      row = SPANMARK_ENTITY_ROW (spanmark_entity_row_new (self->label, entity));
      spanmark_entity_row_set_editable (row, self->editable);
      g_hash_table_insert (self->entity_rows, g_strdup (entity->id), row);
      gtk_list_box_append (self->entity_list, GTK_WIDGET (row));
    }
  else
    spanmark_entity_row_update (row, entity);

  spanmark_entity_row_set_n_mentions (row, n_mentions);
  return row;
}

/* Keeps the mention counts and the unlinked groups in step with one span
 * appearing (@delta 1) or disappearing (-1): O(1), so bulk edits such as
 * "tag all occurrences" stay cheap. */
static void
track_span (SpanmarkLabelPanel *self,
            const SpanmarkSpan *span,
            int                 delta)
{
  if (span->entity != NULL)
    {
      SpanmarkEntityRow *row = g_hash_table_lookup (self->entity_rows, span->entity);
      guint n;

      if (row == NULL)
        return;
      n = spanmark_entity_row_get_n_mentions (row);
      if (delta < 0 && n == 0)
        return;
      spanmark_entity_row_set_n_mentions (row, delta > 0 ? n + 1 : n - 1);
    }
  else if (is_own_label (self, span->label))
    {
      if (delta > 0)
        unlinked_add (self, span);
      else
        unlinked_remove (self, span);
    }
}

static void
span_added_cb (SpanmarkAnnotationSet *set,
               const SpanmarkSpan    *span,
               SpanmarkLabelPanel    *self)
{
  if (!self->populated)
    return;

  track_span (self, span, 1);
  update_state (self);
}

static void
span_removed_cb (SpanmarkAnnotationSet *set,
                 const SpanmarkSpan    *span,
                 SpanmarkLabelPanel    *self)
{
  if (!self->populated)
    return;

  track_span (self, span, -1);
  update_state (self);
}

static void
span_changed_cb (SpanmarkAnnotationSet *set,
                 const SpanmarkSpan    *old_span,
                 const SpanmarkSpan    *new_span,
                 SpanmarkLabelPanel    *self)
{
  if (!self->populated)
    return;

  track_span (self, old_span, -1);
  track_span (self, new_span, 1);
  update_state (self);
}

static void
entity_added_cb (SpanmarkAnnotationSet *set,
                 const SpanmarkEntity  *entity,
                 SpanmarkLabelPanel    *self)
{
  if (!self->populated || !is_own_label (self, entity->label))
    return;

  /* Its mentions may have been attached before it came back (redo, undo
   * of a removal): count them now; later attachments count themselves. */
  add_entity_row (self, entity, spanmark_annotation_set_get_n_mentions (set, entity->id));
  update_state (self);
}

static void
entity_removed_cb (SpanmarkAnnotationSet *set,
                   const SpanmarkEntity  *entity,
                   SpanmarkLabelPanel    *self)
{
  GtkWidget *row = g_hash_table_lookup (self->entity_rows, entity->id);

  if (!self->populated || row == NULL)
    return;

  gtk_list_box_remove (self->entity_list, row);
  g_hash_table_remove (self->entity_rows, entity->id);
  update_state (self);
}

static void
entity_changed_cb (SpanmarkAnnotationSet *set,
                   const SpanmarkEntity  *old_entity,
                   const SpanmarkEntity  *new_entity,
                   SpanmarkLabelPanel    *self)
{
  SpanmarkEntityRow *row = g_hash_table_lookup (self->entity_rows, new_entity->id);

  if (self->populated && row != NULL)
    spanmark_entity_row_update (row, new_entity);
}

static void
clear_rows (SpanmarkLabelPanel *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->entity_rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_list_box_remove (self->entity_list, value);
  g_hash_table_remove_all (self->entity_rows);

  g_hash_table_iter_init (&iter, self->unlinked);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    unlinked_group_remove_row (self, value);
  g_hash_table_remove_all (self->unlinked);
  self->populated = FALSE;
}

/* One pass over the entities and one over the spans, so opening a
 * document with tens of thousands of spans stays fast. */
static void
populate (SpanmarkLabelPanel *self)
{
  guint n_entities;
  guint n_spans;

  g_assert (self->set != NULL);
  g_assert (!self->populated);

  self->populated = TRUE;
  self->max_unlinked_rows = UNLINKED_ROWS_STEP;
  n_entities = spanmark_annotation_set_get_n_entities (self->set);
  n_spans = spanmark_annotation_set_get_n_spans (self->set);

  /* Spans first, while there are no rows: the groups of unlinked mentions
   * fill up without touching a widget, and each entity row is then made
   * once with its final count. */
  self->holding_rows = TRUE;
  for (guint i = 0; i < n_spans; i++)
    track_span (self, spanmark_annotation_set_get_span (self->set, i), 1);
  self->holding_rows = FALSE;

  for (guint i = 0; i < n_entities; i++)
    {
      const SpanmarkEntity *entity = spanmark_annotation_set_get_entity (self->set, i);

      if (is_own_label (self, entity->label))
        add_entity_row (self, entity,
                        spanmark_annotation_set_get_n_mentions (self->set, entity->id));
    }

  /* Rows for the groups met first in the text, up to the cap. */
  for (guint i = 0; i < n_spans && self->n_unlinked_rows < self->max_unlinked_rows; i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (self->set, i);
      UnlinkedGroup *group = is_unlinked_mention (self, span) ? g_hash_table_lookup (self->unlinked, span->text) : NULL;

      if (group != NULL && group->row == NULL)
        unlinked_group_add_row (self, group);
    }
}

/* Jumping through mentions */

/* Emits "jump-to-span" for the mention after (or before) the one we last
 * jumped to, or, when the user has moved since, after (before) the
 * selection; wraps around at the ends.  @spans is in text order. */
static void
jump_through (SpanmarkLabelPanel *self,
              GPtrArray          *spans,
              gboolean            forward)
{
  const SpanmarkSpan *target = NULL;
  g_autofree char *id = NULL;
  guint n = spans->len;

  if (n == 0)
    return;

  if (self->jump_span_id != NULL)
    for (guint i = 0; i < n; i++)
      {
        const SpanmarkSpan *span = g_ptr_array_index (spans, i);

        if (g_str_equal (span->id, self->jump_span_id))
          {
            target = g_ptr_array_index (spans, forward ? (i + 1) % n : (i + n - 1) % n);
            break;
          }
      }

  if (target == NULL && forward)
    {
      for (guint i = 0; i < n && target == NULL; i++)
        {
          const SpanmarkSpan *span = g_ptr_array_index (spans, i);

          /* With only a caret, a mention starting right there is next. */
          if (self->sel_start < self->sel_end ? span->start > self->sel_start
                                              : span->start >= self->sel_start)
            target = span;
        }
      if (target == NULL)
        target = g_ptr_array_index (spans, 0);
    }
  else if (target == NULL)
    {
      for (guint i = n; i > 0 && target == NULL; i--)
        {
          const SpanmarkSpan *span = g_ptr_array_index (spans, i - 1);

          if (span->start < self->sel_start)
            target = span;
        }
      if (target == NULL)
        target = g_ptr_array_index (spans, n - 1);
    }

  /* A handler may move the selection, which can clear jump_span_id. */
  id = g_strdup (target->id);
  g_free (self->jump_span_id);
  self->jump_span_id = g_strdup (id);
  g_signal_emit (self, signals[JUMP_TO_SPAN], 0, id);
}

static void
jump_mention (SpanmarkLabelPanel *self,
              const char         *entity_id,
              gboolean            forward)
{
  g_autoptr(GPtrArray) mentions = NULL;

  if (self->set == NULL)
    return;

  mentions = spanmark_annotation_set_get_mentions (self->set, entity_id);
  jump_through (self, mentions, forward);
}

/* Actions */

/* "Tag Selection" and "Tag All Occurrences" are the window's actions
 * with this panel's label. */
static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  SpanmarkLabelPanel *self = SPANMARK_LABEL_PANEL (widget);
  const char *window_action = g_str_equal (action_name, "panel.tag-all") ? "win.tag-all" : "win.tag";

  gtk_widget_activate_action (widget, window_action, "s", self->label->name);
}

/* A new entity named @name: a registry entity (its file written, so
 * the next document sees it) and its appearance here when the registry
 * is loaded, else a local one.  Returns its id. */
static void add_item (SpanmarkLabelPanel *self, const SpanmarkRegistryEntity *entity);
static void refresh_item (SpanmarkLabelPanel *self, const char *id);
static void update_registry (SpanmarkLabelPanel *self, const char *entity_id, const char *key,
                             const char *value);

static char *
add_new_entity (SpanmarkLabelPanel *self,
                const char         *name)
{
  if (self->registry != NULL && self->annotator != NULL)
    {
      g_autofree char *id = spanmark_registry_entity_new_id (self->annotator);
      g_autoptr(SpanmarkRegistryEntity) entity = spanmark_registry_entity_new (id, self->label->name, name);
      g_autoptr(GError) error = NULL;

      if (spanmark_registry_add (self->registry, entity, &error))
        {
          add_item (self, entity);
          spanmark_annotation_set_add_entity_with_id (self->set, id, self->label->name, name);
          return g_steal_pointer (&id);
        }
      /* The registry cannot take it (a folder that cannot be written):
       * the entity still works in this document. */
      g_signal_emit (self, signals[REGISTRY_ERROR], 0, error->message);
    }

  return g_strdup (spanmark_annotation_set_add_entity (self->set, self->label->name, name)->id);
}

/* Attaches the selected span (tagging the selection first if needed) to
 * @entity_id, or to a new entity named after the span when @entity_id is
 * NULL, as one undo step.  Returns the id of the entity, or NULL when
 * nothing is selected. */
static char *
attach_selection (SpanmarkLabelPanel *self,
                  const char         *entity_id)
{
  SpanmarkHistory *history = spanmark_annotation_set_get_history (self->set);
  g_autofree char *span_id = NULL;
  char *attached_id = NULL;

  spanmark_history_begin_group (history);
  span_id = ensure_selected_span (self);
  if (span_id != NULL)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_lookup_span (self->set, span_id);

      /* Only the span's fields are read before the set changes: a change
       * may move what @span points to. */
      gboolean unchanged = entity_id != NULL && g_strcmp0 (span->entity, entity_id) == 0;

      if (entity_id == NULL)
        attached_id = add_new_entity (self, span->text);
      else
        attached_id = g_strdup (entity_id);
      if (!unchanged)
        spanmark_annotation_set_set_span_entity (self->set, span_id, attached_id);
    }
  spanmark_history_end_group (history);

  return attached_id;
}

static void
new_entity_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SpanmarkLabelPanel *self = SPANMARK_LABEL_PANEL (widget);
  g_autofree char *entity_id = NULL;
  SpanmarkEntityRow *row;

  if (!can_edit (self))
    return;

  entity_id = attach_selection (self, NULL);

  /* Open the new entity so its attributes can be filled in right away,
   * with the keyboard in the first one (the name when there is none). */
  row = entity_id != NULL ? g_hash_table_lookup (self->entity_rows, entity_id) : NULL;
  if (row != NULL)
    {
      AdwEntryRow *entry;

      spanmark_entity_row_set_expanded (row, TRUE);
      entry = spanmark_entity_row_get_entry (row, self->label->attrs[0]);
      gtk_widget_grab_focus (GTK_WIDGET (entry));
    }
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  SpanmarkLabelPanel *self = SPANMARK_LABEL_PANEL (widget);
  const char *entity_id = g_variant_get_string (param, NULL);

  if (!can_edit (self)
      || spanmark_annotation_set_lookup_entity (self->set, entity_id) == NULL)
    return;

  g_free (attach_selection (self, entity_id));
}

static void
mention_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  jump_mention (SPANMARK_LABEL_PANEL (widget), g_variant_get_string (param, NULL),
                g_str_equal (action_name, "panel.next-mention"));
}

static void
next_unlinked_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SpanmarkLabelPanel *self = SPANMARK_LABEL_PANEL (widget);
  UnlinkedGroup *group = g_hash_table_lookup (self->unlinked, g_variant_get_string (param, NULL));
  g_autoptr(GPtrArray) spans = NULL;

  if (group == NULL)
    return;

  spans = unlinked_group_get_spans (self, group->text);
  jump_through (self, spans, TRUE);
}

static void
delete_entity_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SpanmarkLabelPanel *self = SPANMARK_LABEL_PANEL (widget);

  if (!can_edit (self))
    return;

  spanmark_annotation_set_remove_entity (self->set, g_variant_get_string (param, NULL));
}

static void
rename_entity_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SpanmarkLabelPanel *self = SPANMARK_LABEL_PANEL (widget);
  const SpanmarkEntity *entity;
  const char *entity_id;
  const char *name;

  if (!can_edit (self))
    return;

  g_variant_get (param, "(&s&s)", &entity_id, &name);

  entity = spanmark_annotation_set_lookup_entity (self->set, entity_id);
  if (entity == NULL || g_str_equal (entity->name, name))
    return;

  if (*name == '\0')
    {
      /* An entity needs a name: put the old one back in the entry. */
      SpanmarkEntityRow *row = g_hash_table_lookup (self->entity_rows, entity_id);
      AdwEntryRow *entry = row != NULL ? spanmark_entity_row_get_entry (row, NULL) : NULL;

      if (entry != NULL)
        gtk_editable_set_text (GTK_EDITABLE (entry), entity->name);
      return;
    }

  spanmark_annotation_set_set_entity_name (self->set, entity_id, name);
  update_registry (self, entity_id, NULL, name);
}

/* An edit of a registry entity's appearance is an edit of the entity,
 * for every document: its file gets the value (an attribute, with this
 * document in its history; @key NULL: the name).  A local entity has no
 * file. */
static void
update_registry (SpanmarkLabelPanel *self,
                 const char         *entity_id,
                 const char         *key,
                 const char         *value)
{
  const SpanmarkRegistryEntity *entity;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gboolean ok;

  if (self->registry == NULL)
    return;
  entity = spanmark_registry_resolve (self->registry, entity_id);
  if (entity == NULL)
    return;
  /* A write replaces the entity @entity points to. */
  id = g_strdup (entity->id);

  if (key == NULL)
    ok = g_str_equal (entity->name, value) || spanmark_registry_rename (self->registry, id, value, &error);
  else
    ok = spanmark_registry_set_attr (self->registry, id, key, value,
                                     spanmark_annotation_set_get_document_id (self->set), &error);
  if (!ok)
    g_signal_emit (self, signals[REGISTRY_ERROR], 0, error->message);
  else
    refresh_item (self, id);
}

static void
set_entity_attr_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SpanmarkLabelPanel *self = SPANMARK_LABEL_PANEL (widget);
  const SpanmarkEntity *entity;
  const char *entity_id;
  const char *key;
  const char *value;

  if (!can_edit (self))
    return;

  g_variant_get (param, "(&s&s&s)", &entity_id, &key, &value);

  entity = spanmark_annotation_set_lookup_entity (self->set, entity_id);
  if (entity == NULL || *key == '\0')
    return;

  /* An empty value removes the attribute; an unchanged one records no
   * undo step. */
  if (*value == '\0')
    value = NULL;
  if (g_strcmp0 (g_hash_table_lookup (entity->attrs, key), value) == 0)
    return;

  spanmark_annotation_set_set_entity_attr (self->set, entity_id, key, value);
  if (value != NULL)
    update_registry (self, entity_id, key, value);
}

static void
create_entity_from_text_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  SpanmarkLabelPanel *self = SPANMARK_LABEL_PANEL (widget);
  SpanmarkHistory *history;
  const char *text = g_variant_get_string (param, NULL);
  UnlinkedGroup *group = g_hash_table_lookup (self->unlinked, text);
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GPtrArray) span_ids = NULL;
  g_autofree char *entity_id = NULL;

  if (!can_edit (self) || group == NULL)
    return;

  /* Attaching empties the group (and frees it), and changes the spans:
   * their ids first. */
  spans = unlinked_group_get_spans (self, text);
  span_ids = g_ptr_array_new_full (spans->len, g_free);
  for (guint i = 0; i < spans->len; i++)
    g_ptr_array_add (span_ids, g_strdup (((const SpanmarkSpan *) g_ptr_array_index (spans, i))->id));

  history = spanmark_annotation_set_get_history (self->set);
  spanmark_history_begin_group (history);
  entity_id = add_new_entity (self, text);
  for (guint i = 0; i < span_ids->len; i++)
    spanmark_annotation_set_set_span_entity (self->set, g_ptr_array_index (span_ids, i), entity_id);
  spanmark_history_end_group (history);
}

/* Rows for more of the texts without entity, each where its name sorts. */
static void
unlinked_more_clicked_cb (SpanmarkLabelPanel *self)
{
  self->max_unlinked_rows += UNLINKED_ROWS_STEP;
  update_state (self);
}

static void
unlinked_row_activated_cb (SpanmarkLabelPanel *self,
                           GtkListBoxRow      *row)
{
  const char *text = g_object_get_data (G_OBJECT (row), "spanmark-text");

  gtk_widget_activate_action (GTK_WIDGET (self), "panel.next-unlinked", "s", text);
}

/* The colour swatch */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  SpanmarkLabelPanel *self = user_data;
  GdkRGBA rgba;

  if (self->label == NULL || self->label->color == NULL
      || !gdk_rgba_parse (&rgba, self->label->color))
    return;

  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_fill (cr);
}

/* The registry's entities (corpus-wide) */

/* The item of the registry entity the open set's @entity stands for:
 * an entity merged away (a tombstone's id, offline work) counts for the
 * one it was merged into.  NULL when the registry has none. */
static SpanmarkEntityItem *
item_of_entity (SpanmarkLabelPanel    *self,
                const SpanmarkEntity  *entity)
{
  const SpanmarkRegistryEntity *live = self->registry != NULL
                                       ? spanmark_registry_resolve (self->registry, entity->id)
                                       : NULL;

  return live != NULL ? g_hash_table_lookup (self->items, live->id) : NULL;
}

/* Whether the open set is the annotator's whose files the registry
 * counted (not another annotator's, in review). */
static gboolean
set_is_own (SpanmarkLabelPanel *self)
{
  return self->set != NULL && g_strcmp0 (spanmark_annotation_set_get_annotator (self->set), self->annotator) == 0;
}

/* The mentions here of every registry entity the open set has; the
 * list is ordered again only when which entities are here changed. */
static void
refresh_here (SpanmarkLabelPanel *self)
{
  g_autoptr(GPtrArray) here = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  gboolean moved = FALSE;
  guint n_entities = self->set != NULL ? spanmark_annotation_set_get_n_entities (self->set) : 0;

  for (guint i = 0; i < n_entities; i++)
    {
      const SpanmarkEntity *entity = spanmark_annotation_set_get_entity (self->set, i);
      SpanmarkEntityItem *item = item_of_entity (self, entity);
      guint n;

      if (item == NULL)
        continue;
      n = spanmark_annotation_set_get_n_mentions (self->set, entity->id);
      /* An appearance without mentions (its last one removed) is not
       * this document's entity any more. */
      if (n == 0)
        continue;
      if (g_hash_table_contains (seen, item))
        n += spanmark_entity_item_get_n_here (item);
      else if (spanmark_entity_item_get_n_here (item) == 0)
        moved = TRUE;
      spanmark_entity_item_set_n_here (item, n);
      if (g_hash_table_add (seen, item))
        g_ptr_array_add (here, g_object_ref (item));
    }

  for (guint i = 0; i < self->here_items->len; i++)
    {
      SpanmarkEntityItem *item = g_ptr_array_index (self->here_items, i);

      if (!g_hash_table_contains (seen, item))
        {
          spanmark_entity_item_set_n_here (item, 0);
          moved = TRUE;
        }
    }

  g_ptr_array_unref (self->here_items);
  self->here_items = g_steal_pointer (&here);

  if (moved)
    spanmark_entity_matches_refresh (self->matches);
}

/* What @document had of @id when it was saved: when it was left if it
 * was open since the registry was read, else the registry's count. */
static guint
saved_mentions (SpanmarkLabelPanel *self,
                const char         *id,
                const char         *document)
{
  GHashTable *left = g_hash_table_lookup (self->left, document);

  if (left != NULL)
    return GPOINTER_TO_UINT (g_hash_table_lookup (left, id));

  return spanmark_registry_get_n_mentions_in (self->registry, id, document);
}

/* The registry's counts of the open document's saved file, so that the
 * corpus counts follow the document as it is now (the registry counted
 * the files when it was read). */
static void
load_saved_here (SpanmarkLabelPanel *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  const char *document;
  gboolean own;
  guint n_entities;

  for (guint i = 0; i < self->saved_items->len; i++)
    spanmark_entity_item_set_n_saved_here (g_ptr_array_index (self->saved_items, i), 0, TRUE);
  g_ptr_array_set_size (self->saved_items, 0);
  if (self->registry == NULL || self->set == NULL)
    return;

  document = spanmark_annotation_set_get_document_id (self->set);
  own = set_is_own (self);
  n_entities = spanmark_annotation_set_get_n_entities (self->set);
  for (guint i = 0; i < n_entities; i++)
    {
      SpanmarkEntityItem *item = item_of_entity (self, spanmark_annotation_set_get_entity (self->set, i));
      const char *id;

      if (item == NULL || !g_hash_table_add (seen, item))
        continue;
      id = spanmark_entity_item_get_id (item);
      spanmark_entity_item_set_n_saved_here (item, own ? saved_mentions (self, id, document) : 0, own);
      g_ptr_array_add (self->saved_items, g_object_ref (item));
    }
}

/* Another document opens: what this one has now stays in the counts. */
static void
leave_document (SpanmarkLabelPanel *self)
{
  GHashTable *left = NULL;

  if (self->registry != NULL && set_is_own (self))
    {
      left = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_replace (self->left, g_strdup (spanmark_annotation_set_get_document_id (self->set)), left);
    }
  /* What each had, then the counts folded (an item can be in both). */
  for (GPtrArray **array = (GPtrArray *[]) { self->here_items, self->saved_items, NULL }; *array != NULL; array++)
    for (guint i = 0; i < (*array)->len && left != NULL; i++)
      {
        SpanmarkEntityItem *item = g_ptr_array_index (*array, i);

        g_hash_table_replace (left, g_strdup (spanmark_entity_item_get_id (item)),
                              GUINT_TO_POINTER (spanmark_entity_item_get_n_here (item)));
      }
  for (GPtrArray **array = (GPtrArray *[]) { self->here_items, self->saved_items, NULL }; *array != NULL; array++)
    for (guint i = 0; i < (*array)->len; i++)
      spanmark_entity_item_leave_document (g_ptr_array_index (*array, i));
  g_ptr_array_set_size (self->saved_items, 0);
}

static void update_proposal (SpanmarkLabelPanel *self);

static void
set_changed_cb (SpanmarkLabelPanel *self)
{
  refresh_here (self);
  update_proposal (self);
}

static void
update_corpus_status (SpanmarkLabelPanel *self)
{
  g_autofree char *text = NULL;

  if (self->registry == NULL)
    text = g_strdup (_("Loading…"));
  else
    {
      guint n = spanmark_entity_matches_get_n_matches (self->matches);

      text = g_strdup_printf (ngettext ("%u entity", "%u entities", n), n);
    }
  gtk_label_set_text (self->corpus_status_label, text);
}

static void
entity_search_changed_cb (SpanmarkLabelPanel *self)
{
  g_autofree char *key = spanmark_entity_item_fold (gtk_editable_get_text (GTK_EDITABLE (self->entity_search)));

  spanmark_entity_matches_set_key (self->matches, key);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->matches)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  update_corpus_status (self);
}

/* Attaches the selection to the registry entity @id: the document gets
 * the entity's appearance (its id, name and current attributes) when it
 * has none yet.  One undo step. */
static gboolean
attach_registry (SpanmarkLabelPanel *self,
                 const char         *id)
{
  const SpanmarkRegistryEntity *entity;
  SpanmarkHistory *history;
  g_autofree char *attached = NULL;
  guint start, end;

  if (!can_edit (self) || self->registry == NULL)
    return FALSE;
  entity = spanmark_registry_resolve (self->registry, id);
  if (entity == NULL || !is_own_label (self, entity->label))
    return FALSE;
  if (get_selected_span (self) == NULL && !get_trimmed_selection (self, &start, &end))
    return FALSE;

  history = spanmark_annotation_set_get_history (self->set);
  spanmark_history_begin_group (history);
  if (spanmark_annotation_set_lookup_entity (self->set, entity->id) == NULL)
    {
      g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

      spanmark_annotation_set_add_entity_with_id (self->set, entity->id, entity->label, entity->name);
      for (guint i = 0; i < entity->attrs->len; i++)
        {
          const SpanmarkRegistryAttr *attr = g_ptr_array_index (entity->attrs, i);

          if (g_hash_table_add (keys, attr->key))
            spanmark_annotation_set_set_entity_attr (self->set, entity->id, attr->key,
                                                     spanmark_registry_entity_get_attr (entity, attr->key));
        }
    }
  attached = attach_selection (self, entity->id);
  spanmark_history_end_group (history);

  return attached != NULL;
}

static void
attach_registry_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  attach_registry (SPANMARK_LABEL_PANEL (widget), g_variant_get_string (param, NULL));
}

static SpanmarkEntityItem *get_selected_entity (SpanmarkLabelPanel *self);

static void
attach_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SpanmarkLabelPanel *self = SPANMARK_LABEL_PANEL (widget);
  SpanmarkEntityItem *item = get_selected_entity (self);

  if (item != NULL && attach_registry (self, spanmark_entity_item_get_id (item)))
    gtk_widget_activate_action (widget, "win.focus-text", NULL);
}

static void
entity_menu_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SpanmarkLabelPanel *self = SPANMARK_LABEL_PANEL (widget);

  if (get_selected_entity (self) != NULL)
    gtk_menu_button_popup (self->entity_menu_button);
}

/* The heading's buttons act on the selected row: usable while there is
 * one (attaching also needs a selection in an editable document). */
static void
update_selected_actions (SpanmarkLabelPanel *self)
{
  gboolean selected = get_selected_entity (self) != NULL;
  guint start, end;

  gtk_widget_set_sensitive (GTK_WIDGET (self->entity_menu_button), selected && self->registry != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.attach-selected",
                                 selected && can_edit (self) &&
                                 (get_selected_span (self) != NULL || get_trimmed_selection (self, &start, &end)));
}

/* The entity shown in the list's selected row, or NULL. */
static SpanmarkEntityItem *
get_selected_entity (SpanmarkLabelPanel *self)
{
  SpanmarkEntitySlot *slot = gtk_single_selection_get_selected_item (self->selection);

  return slot != NULL ? spanmark_entity_slot_get_item (slot) : NULL;
}

/* Return in the search: the entity selected in the list (the first
 * match unless the arrows moved), then back to the text. */
static void
entity_search_activate_cb (SpanmarkLabelPanel *self)
{
  SpanmarkEntityItem *item = get_selected_entity (self);

  if (item == NULL)
    return;
  if (attach_registry (self, spanmark_entity_item_get_id (item)))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.focus-text", NULL);
}

static void
entity_search_stop_cb (SpanmarkLabelPanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.focus-text", NULL);
}

static void
registry_view_activate_cb (SpanmarkLabelPanel *self,
                           guint               position)
{
  g_autoptr(SpanmarkEntitySlot) slot = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  SpanmarkEntityItem *item = slot != NULL ? spanmark_entity_slot_get_item (slot) : NULL;

  if (item != NULL && attach_registry (self, spanmark_entity_item_get_id (item)))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.focus-text", NULL);
}

/* Rows of the list view: made once per visible row, bound to a
 * position (SpanmarkEntitySlot) as the list scrolls, and showing the
 * entity at that position as the search changes it.  A row is one
 * widget (SpanmarkEntityCell): GTK 4.8's list view keeps 200 rows
 * around the top one, and a row of ten widgets (labels in boxes, two
 * buttons) cost 0.5 s a key whenever the list grew back.  What the row's buttons did is in the
 * list's heading, for the selected row, and in a row's context menu. */

typedef struct
{
  SpanmarkLabelPanel *panel;
  SpanmarkEntitySlot *slot;     /* bound; NULL while unbound */
  SpanmarkEntityItem *item;     /* shown (owned); NULL while unbound */
  SpanmarkEntityCell *cell;
} RegistryRow;

static void
registry_row_update (RegistryRow *row)
{
  g_autofree char *counts = row->item != NULL ? spanmark_entity_item_format_counts (row->item) : NULL;

  spanmark_entity_cell_set_texts (row->cell,
                                  row->item != NULL ? spanmark_entity_item_get_name (row->item) : "",
                                  row->item != NULL ? spanmark_entity_item_get_aliases_text (row->item) : "",
                                  counts);
}

static void
registry_row_set_item (RegistryRow        *row,
                       SpanmarkEntityItem *item)
{
  if (row->item != NULL)
    g_signal_handlers_disconnect_by_data (row->item, row);
  g_set_object (&row->item, item);
  if (item != NULL)
    g_signal_connect_swapped (item, "notify::n-here", G_CALLBACK (registry_row_update), row);
}

/* The slot's entity, in the row's cell. */
static void
registry_row_show (RegistryRow *row)
{
  SpanmarkEntityItem *item = spanmark_entity_slot_get_item (row->slot);

  if (item == row->item)
    return;
  registry_row_set_item (row, item);
  registry_row_update (row);
}

static void
registry_row_unbind (RegistryRow *row)
{
  if (row->slot != NULL)
    g_signal_handlers_disconnect_by_data (row->slot, row);
  g_clear_object (&row->slot);
  registry_row_set_item (row, NULL);
}

static void
registry_row_free (RegistryRow *row)
{
  registry_row_unbind (row);
  g_free (row);
}

static GMenuModel *make_mentions_menu (SpanmarkLabelPanel *self, const char *id);

/* An entity's menu: the documents of its mentions, and merging it
 * into the entity selected in the list (when that is another). */
static GMenuModel *
make_entity_menu (SpanmarkLabelPanel *self,
                  SpanmarkEntityItem *item)
{
  SpanmarkEntityItem *target = get_selected_entity (self);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuModel) mentions = NULL;

  mentions = make_mentions_menu (self, spanmark_entity_item_get_id (item));
  g_menu_append_section (menu, _("Show Mentions"), mentions);
  if (target != NULL && target != item)
    {
      g_autoptr(GMenu) merge = g_menu_new ();
      /* Translators: merge this entity into the entity selected in the
       * list, e.g. "Merge Into “李伟”". */
      g_autofree char *name = spanmark_display_menu_text (spanmark_entity_item_get_name (target));
      g_autofree char *title = g_strdup_printf (_("Merge Into “%s”"), name);
      g_autoptr(GMenuItem) menu_item = g_menu_item_new (title, NULL);

      g_menu_item_set_action_and_target_value (menu_item, "win.merge-entities",
                                               g_variant_new ("(ss)", spanmark_entity_item_get_id (target),
                                                              spanmark_entity_item_get_id (item)));
      g_menu_append_item (merge, menu_item);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (merge));
    }

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* The heading's menu button: the selected entity's menu. */
static void
entity_menu_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  SpanmarkLabelPanel *self = user_data;
  SpanmarkEntityItem *item = get_selected_entity (self);
  g_autoptr(GMenuModel) menu = NULL;

  if (item == NULL || self->registry == NULL)
    {
      gtk_menu_button_set_menu_model (button, NULL);
      return;
    }
  menu = make_entity_menu (self, item);
  gtk_menu_button_set_menu_model (button, menu);
}

/* A right click on a row: that row's menu at the pointer, the list's
 * selection kept (it is what "Merge Into" merges into). */
static void
registry_view_pressed_cb (GtkGestureClick    *gesture,
                          int                 n_press,
                          double              x,
                          double              y,
                          SpanmarkLabelPanel *self)
{
  GtkWidget *view = GTK_WIDGET (self->registry_view);
  GtkWidget *picked = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
  RegistryRow *row = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  graphene_point_t point;

  for (; picked != NULL && picked != view && row == NULL; picked = gtk_widget_get_parent (picked))
    row = g_object_get_data (G_OBJECT (picked), "spanmark-row");
  if (row == NULL || row->item == NULL || self->registry == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  if (!gtk_widget_compute_point (view, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    return;
  menu = make_entity_menu (self, row->item);
  if (self->row_popover == NULL)
    {
      self->row_popover = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->row_popover, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->row_popover), FALSE);
      gtk_widget_set_halign (self->row_popover, GTK_ALIGN_START);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->row_popover), menu);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_popover),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_popover));
}

static void
registry_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  RegistryRow *row = g_new0 (RegistryRow, 1);

  row->panel = user_data;
  row->cell = SPANMARK_ENTITY_CELL (spanmark_entity_cell_new ());
  g_object_set_data (G_OBJECT (row->cell), "spanmark-row", row);
  g_object_set_data_full (G_OBJECT (list_item), "spanmark-row", row, (GDestroyNotify) registry_row_free);
  gtk_list_item_set_child (list_item, GTK_WIDGET (row->cell));
}

/* The documents with a mention of @id, sorted, and how many each has:
 * as the registry counted the files, with the documents opened since
 * counted as they were left and the open one as it is now. */
static GPtrArray *
get_mention_documents (SpanmarkLabelPanel *self,
                       const char         *id,
                       GArray             *counts)
{
  g_autoptr(GPtrArray) counted = spanmark_registry_get_documents (self->registry, id);
  g_autoptr(GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_free);
  SpanmarkEntityItem *item = g_hash_table_lookup (self->items, id);
  const char *open = NULL;
  GHashTableIter iter;
  gpointer document, left;

  if (set_is_own (self))
    open = spanmark_annotation_set_get_document_id (self->set);
  for (guint i = 0; i < counted->len; i++)
    g_hash_table_add (all, g_ptr_array_index (counted, i));
  g_hash_table_iter_init (&iter, self->left);
  while (g_hash_table_iter_next (&iter, &document, &left))
    if (g_hash_table_contains (left, id))
      g_hash_table_add (all, document);
  if (open != NULL)
    g_hash_table_add (all, (gpointer) open);

  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, &document, NULL))
    g_ptr_array_add (names, document);
  g_ptr_array_sort (names, spanmark_text_compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      guint n = g_strcmp0 (name, open) == 0 && item != NULL ? spanmark_entity_item_get_n_here (item)
                                                           : saved_mentions (self, id, name);

      if (n > 0)
        {
          g_ptr_array_add (documents, g_strdup (name));
          g_array_append_val (counts, n);
        }
    }

  return documents;
}

static GMenuModel *
make_mentions_menu (SpanmarkLabelPanel *self,
                    const char         *id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) documents = get_mention_documents (self, id, counts);

  for (guint i = 0; i < documents->len; i++)
    {
      const char *document = g_ptr_array_index (documents, i);
      guint n = g_array_index (counts, guint, i);
      /* Translators: a document in an entity's Show Mentions menu and
       * its mentions of the entity, e.g. "yunlan-002 · 3 mentions". */
      g_autofree char *shown = spanmark_display_menu_text (document);
      g_autofree char *title = g_strdup_printf (ngettext ("%s · %u mention", "%s · %u mentions", n), shown, n);
      g_autoptr(GMenuItem) menu_item = g_menu_item_new (title, NULL);

      g_menu_item_set_action_and_target_value (menu_item, "win.open-mention",
                                               g_variant_new ("(ss)", document, id));
      g_menu_append_item (menu, menu_item);
    }
  if (documents->len == 0)
    {
      g_autoptr(GMenuItem) menu_item = g_menu_item_new (_("No mentions saved in any document"), "panel.none");

      g_menu_append_item (menu, menu_item);
    }

  return G_MENU_MODEL (menu);
}

static void
registry_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  RegistryRow *row = g_object_get_data (G_OBJECT (list_item), "spanmark-row");

  row->slot = g_object_ref (gtk_list_item_get_item (list_item));
  g_signal_connect_swapped (row->slot, "notify::item", G_CALLBACK (registry_row_show), row);
  registry_row_show (row);
}

static void
registry_unbind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  registry_row_unbind (g_object_get_data (G_OBJECT (list_item), "spanmark-row"));
}

/* Once a frame, the list learns of a few more matches (each one of its
 * first 200 positions is a row widget to make: all at once, a key that
 * makes the list grow back took 20–26 ms). */
static gboolean
listing_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  SpanmarkLabelPanel *self = user_data;

  if (spanmark_entity_matches_tell_more (self->matches))
    return G_SOURCE_CONTINUE;
  self->listing_id = 0;

  return G_SOURCE_REMOVE;
}

static void
matches_changed_cb (SpanmarkLabelPanel *self)
{
  GtkWidget *view = GTK_WIDGET (self->registry_view);

  if (self->listing_id != 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (self->matches)) == spanmark_entity_matches_get_n_matches (self->matches))
    return;
  /* A list nobody sees makes no rows: all of it at once. */
  if (!gtk_widget_get_mapped (view))
    {
      while (spanmark_entity_matches_tell_more (self->matches))
        ;
      return;
    }
  self->listing_id = gtk_widget_add_tick_callback (view, listing_tick_cb, self, NULL);
}

static void
setup_registry_view (SpanmarkLabelPanel *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkGesture *gesture;

  self->matches = spanmark_entity_matches_new ();
  spanmark_entity_matches_set_step (self->matches, 25);
  g_signal_connect_swapped (self->matches, "items-changed", G_CALLBACK (matches_changed_cb), self);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->matches)));
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (update_selected_actions), self);
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (registry_view_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->registry_view), GTK_EVENT_CONTROLLER (gesture));
  gtk_menu_button_set_create_popup_func (self->entity_menu_button, entity_menu_popup_cb, self, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (registry_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (registry_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (registry_unbind_cb), self);
  gtk_list_view_set_factory (self->registry_view, factory);
  gtk_list_view_set_model (self->registry_view, GTK_SELECTION_MODEL (self->selection));
}

/* Entity suggestions: the selected span of this label, not linked to
 * a registry entity, whose text is a registry entity's name or alias,
 * gets that entity proposed (the button, and Return in the text). */
static void
update_proposal (SpanmarkLabelPanel *self)
{
  const SpanmarkSpan *span = self->registry != NULL && can_edit (self) ? get_selected_span (self) : NULL;
  const char *id = NULL;

  if (span != NULL && (span->entity == NULL || spanmark_registry_resolve (self->registry, span->entity) == NULL))
    id = g_hash_table_lookup (self->names, span->text);

  if (g_strcmp0 (id, self->proposal_id) == 0)
    return;
  g_free (self->proposal_id);
  self->proposal_id = g_strdup (id);
  gtk_widget_set_visible (GTK_WIDGET (self->proposal_button), id != NULL);
  if (id != NULL)
    {
      const SpanmarkRegistryEntity *entity = spanmark_registry_lookup (self->registry, id);
      /* Translators: the entity of the registry proposed for the
       * selected mention, e.g. "Attach to 李伟 (Return)". */
      g_autofree char *text = g_strdup_printf (_("Attach to %s (Return)"), entity->name);

      gtk_button_set_label (self->proposal_button, text);
      /* A name from the corpus: plain text. */
      gtk_label_set_use_markup (GTK_LABEL (gtk_button_get_child (self->proposal_button)), FALSE);
    }
}

static void
accept_proposal_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  spanmark_label_panel_accept_proposal (SPANMARK_LABEL_PANEL (widget));
}

/* GObject */

static void
spanmark_label_panel_map (GtkWidget *widget)
{
  SpanmarkLabelPanel *self = SPANMARK_LABEL_PANEL (widget);

  GTK_WIDGET_CLASS (spanmark_label_panel_parent_class)->map (widget);

  if (self->set != NULL && !self->populated)
    {
      populate (self);
      update_state (self);
    }
}

static void
spanmark_label_panel_dispose (GObject *object)
{
  SpanmarkLabelPanel *self = (SpanmarkLabelPanel *) object;
  GtkWidget *child;

  if (self->set != NULL)
    g_signal_handlers_disconnect_by_data (self->set, self);
  g_clear_object (&self->set);
  g_clear_object (&self->registry);
  if (self->listing_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->registry_view), self->listing_id);
  self->listing_id = 0;
  if (self->matches != NULL)
    g_signal_handlers_disconnect_by_data (self->matches, self);
  if (self->registry_view != NULL)
    gtk_list_view_set_model (self->registry_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->row_popover, gtk_widget_unparent);
  g_hash_table_remove_all (self->items);
  g_ptr_array_set_size (self->here_items, 0);
  g_ptr_array_set_size (self->saved_items, 0);
  g_clear_object (&self->matches);

  /* The rows die with the lists; forget them first. */
  g_hash_table_remove_all (self->entity_rows);
  g_hash_table_remove_all (self->unlinked);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPANMARK_TYPE_LABEL_PANEL);
  /* dispose_template() only unparents the children bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (spanmark_label_panel_parent_class)->dispose (object);
}

static void
spanmark_label_panel_finalize (GObject *object)
{
  SpanmarkLabelPanel *self = (SpanmarkLabelPanel *) object;

  g_clear_pointer (&self->label, spanmark_label_free);
  g_clear_pointer (&self->entity_rows, g_hash_table_unref);
  g_clear_pointer (&self->unlinked, g_hash_table_unref);
  g_clear_pointer (&self->jump_span_id, g_free);
  g_clear_pointer (&self->empty_description, g_free);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->proposal_id, g_free);
  g_clear_pointer (&self->here_items, g_ptr_array_unref);
  g_clear_pointer (&self->saved_items, g_ptr_array_unref);
  g_clear_pointer (&self->left, g_hash_table_unref);
  g_clear_pointer (&self->annotator, g_free);

  G_OBJECT_CLASS (spanmark_label_panel_parent_class)->finalize (object);
}

static void
spanmark_label_panel_class_init (SpanmarkLabelPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spanmark_label_panel_dispose;
  object_class->finalize = spanmark_label_panel_finalize;
  widget_class->map = spanmark_label_panel_map;

  /**
   * SpanmarkLabelPanel::jump-to-span:
   * @span_id: the span to select and scroll to
   */
  signals[JUMP_TO_SPAN] =
    g_signal_new ("jump-to-span",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * SpanmarkLabelPanel::registry-error:
   * @message: what failed, naming the file
   *
   * A write to the registry failed (the document's edit is kept).
   */
  signals[REGISTRY_ERROR] =
    g_signal_new ("registry-error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/spanmark-label-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, swatch);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, tag_button);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, tag_all_button);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, tag_box);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, new_entity_button);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, no_document_page);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, entity_box);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, entity_list);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, unlinked_box);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, unlinked_list);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, unlinked_more_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, unlinked_more_button);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, corpus_status_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, entity_search);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, attach_selected_button);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, entity_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, registry_view);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelPanel, proposal_button);
  gtk_widget_class_bind_template_callback (widget_class, unlinked_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, unlinked_more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entity_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entity_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entity_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, registry_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "panel.tag-selection", NULL, tag_action);
  gtk_widget_class_install_action (widget_class, "panel.tag-all", NULL, tag_action);
  gtk_widget_class_install_action (widget_class, "panel.new-entity", NULL, new_entity_action);
  gtk_widget_class_install_action (widget_class, "panel.attach", "s", attach_action);
  gtk_widget_class_install_action (widget_class, "panel.next-mention", "s", mention_action);
  gtk_widget_class_install_action (widget_class, "panel.prev-mention", "s", mention_action);
  gtk_widget_class_install_action (widget_class, "panel.next-unlinked", "s", next_unlinked_action);
  gtk_widget_class_install_action (widget_class, "panel.delete-entity", "s", delete_entity_action);
  gtk_widget_class_install_action (widget_class, "panel.rename-entity", "(ss)", rename_entity_action);
  gtk_widget_class_install_action (widget_class, "panel.set-entity-attr", "(sss)", set_entity_attr_action);
  gtk_widget_class_install_action (widget_class, "panel.create-entity-from-text", "s",
                                   create_entity_from_text_action);
  gtk_widget_class_install_action (widget_class, "panel.attach-registry", "s", attach_registry_action);
  gtk_widget_class_install_action (widget_class, "panel.attach-selected", NULL, attach_selected_action);
  gtk_widget_class_install_action (widget_class, "panel.entity-menu", NULL, entity_menu_action);
  /* The selected entity's menu from the keyboard, as a context menu. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "panel.entity-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "panel.entity-menu", NULL);
  gtk_widget_class_install_action (widget_class, "panel.accept-proposal", NULL, accept_proposal_action);

  gtk_widget_class_set_css_name (widget_class, "labelpanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
spanmark_label_panel_init (SpanmarkLabelPanel *self)
{
  self->entity_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->unlinked = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) unlinked_group_free);
  self->max_unlinked_rows = UNLINKED_ROWS_STEP;

  self->items = g_hash_table_new (g_str_hash, g_str_equal);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->here_items = g_ptr_array_new_with_free_func (g_object_unref);
  self->saved_items = g_ptr_array_new_with_free_func (g_object_unref);
  self->left = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  spanmark_display_set_status_icon (self->no_document_page, "document-open-symbolic");
  spanmark_display_set_status_icon (self->empty_page, "bookmark-new-symbolic");
  setup_registry_view (self);

  gtk_drawing_area_set_draw_func (self->swatch, draw_swatch, self, NULL);
  /* The swatch only repeats the title in colour. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->swatch),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_list_box_set_sort_func (self->entity_list, entity_sort_func, NULL, NULL);
  gtk_list_box_set_sort_func (self->unlinked_list, unlinked_sort_func, self, NULL);
}

GtkWidget *
spanmark_label_panel_new (const SpanmarkLabel *label)
{
  SpanmarkLabelPanel *self;
  const char *title;
  g_autofree char *title_down = NULL;
  g_autofree char *tag_label = NULL;
  g_autofree char *tag_all_label = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *no_document = NULL;
  g_autofree char *empty_title = NULL;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (label->name != NULL, NULL);

  self = g_object_new (SPANMARK_TYPE_LABEL_PANEL, NULL);
  self->label = spanmark_label_copy (label);

  title = spanmark_label_get_display_title (self->label);
  title_down = g_utf8_strdown (title, -1);

  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  /* Translators: %s is a label's title, e.g. "Tag selection as Officials". */
  tag_label = g_strdup_printf (_("Tag selection as %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tag_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tag_label,
                                  -1);
  if (label->key != NULL && *label->key != '\0')
    {
      g_autofree char *tooltip = NULL;

      /* Translators: %s is a label's title, %s its key, e.g.
       * "Tag the selection as Officials (1)". */
      tooltip = g_strdup_printf (_("Tag the selection as %s (%s)"), title, label->key);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->tag_button), tooltip);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->tag_button), tag_label);

  /* Translators: %s is a label's title, e.g. "Tag all occurrences as Officials". */
  tag_all_label = g_strdup_printf (_("Tag all occurrences as %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tag_all_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tag_all_label,
                                  -1);

  /* The target first, so the action is never looked up without one. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->tag_button), "s", label->name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->tag_button), "win.tag");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->tag_all_button), "s", label->name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->tag_all_button), "win.tag-all");

  /* A status page's description is always Pango markup, and the title
   * and key come from the project's schema: escape them. */
  title_markup = g_markup_escape_text (title_down, -1);
  /* Translators: %s is a label's title in lower case, e.g. "officials". */
  no_document = g_strdup_printf (_("Open a document to see its %s"), title_markup);
  adw_status_page_set_description (self->no_document_page, no_document);

  /* Translators: %s is a label's title, e.g. "No Officials Yet". */
  empty_title = g_strdup_printf (_("No %s Yet"), title);
  adw_status_page_set_title (self->empty_page, empty_title);
  if (label->key != NULL && *label->key != '\0')
    {
      g_autofree char *key_markup = g_markup_escape_text (label->key, -1);

      /* Translators: %s is the key that tags a selection, e.g. "1". */
      self->empty_description = g_strdup_printf (_("Select text and press %s to tag it"), key_markup);
    }
  else
    self->empty_description = g_markup_escape_text (_("Select text and use “Tag Selection” to tag it"), -1);
  adw_status_page_set_description (self->empty_page, self->empty_description);

  update_state (self);
  update_corpus_status (self);

  return GTK_WIDGET (self);
}

const SpanmarkLabel *
spanmark_label_panel_get_label (SpanmarkLabelPanel *self)
{
  g_return_val_if_fail (SPANMARK_IS_LABEL_PANEL (self), NULL);

  return self->label;
}

void
spanmark_label_panel_set_annotation_set (SpanmarkLabelPanel    *self,
                                         SpanmarkAnnotationSet *set,
                                         gboolean               editable)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (SPANMARK_IS_LABEL_PANEL (self));
  g_return_if_fail (set == NULL || SPANMARK_IS_ANNOTATION_SET (set));

  if (self->set != set)
    {
      if (self->set != NULL)
        g_signal_handlers_disconnect_by_data (self->set, self);
      clear_rows (self);
      leave_document (self);
      g_set_object (&self->set, set);
      load_saved_here (self);
      g_clear_pointer (&self->jump_span_id, g_free);
      self->sel_start = self->sel_end = 0;

      if (set != NULL)
        {
          g_signal_connect_object (set, "span-added", G_CALLBACK (span_added_cb), self, 0);
          g_signal_connect_object (set, "span-removed", G_CALLBACK (span_removed_cb), self, 0);
          g_signal_connect_object (set, "span-changed", G_CALLBACK (span_changed_cb), self, 0);
          g_signal_connect_object (set, "entity-added", G_CALLBACK (entity_added_cb), self, 0);
          g_signal_connect_object (set, "entity-removed", G_CALLBACK (entity_removed_cb), self, 0);
          g_signal_connect_object (set, "entity-changed", G_CALLBACK (entity_changed_cb), self, 0);
          g_signal_connect_object (set, "changed", G_CALLBACK (set_changed_cb), self, G_CONNECT_SWAPPED);
          /* The panels the view stack hides wait to be shown, so opening
           * a document builds the rows of one panel, not of all. */
          if (gtk_widget_get_mapped (GTK_WIDGET (self)))
            populate (self);
        }
    }

  refresh_here (self);

  self->editable = set != NULL && editable;
  g_hash_table_iter_init (&iter, self->entity_rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    spanmark_entity_row_set_editable (value, self->editable);

  update_state (self);
}

void
spanmark_label_panel_set_selection (SpanmarkLabelPanel *self,
                                    guint               start,
                                    guint               end)
{
  g_return_if_fail (SPANMARK_IS_LABEL_PANEL (self));
  g_return_if_fail (start <= end);

  self->sel_start = start;
  self->sel_end = end;

  /* Once the user moves away from the mention we jumped to, the next
   * jump starts from the selection again. */
  if (self->jump_span_id != NULL)
    {
      const SpanmarkSpan *span = self->set != NULL
        ? spanmark_annotation_set_lookup_span (self->set, self->jump_span_id)
        : NULL;

      if (span == NULL || span->start != start || (span->end != end && start != end))
        g_clear_pointer (&self->jump_span_id, g_free);
    }

  update_actions (self);
  update_proposal (self);
}

GtkWidget *
spanmark_label_panel_get_entity_row (SpanmarkLabelPanel *self,
                                     const char         *entity_id)
{
  g_return_val_if_fail (SPANMARK_IS_LABEL_PANEL (self), NULL);
  g_return_val_if_fail (entity_id != NULL, NULL);

  return g_hash_table_lookup (self->entity_rows, entity_id);
}

GtkWidget *
spanmark_label_panel_get_unlinked_row (SpanmarkLabelPanel *self,
                                       const char         *text)
{
  UnlinkedGroup *group;

  g_return_val_if_fail (SPANMARK_IS_LABEL_PANEL (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  group = g_hash_table_lookup (self->unlinked, text);
  return group != NULL ? group->row : NULL;
}

guint
spanmark_label_panel_get_n_unlinked (SpanmarkLabelPanel *self,
                                     const char         *text)
{
  UnlinkedGroup *group;

  g_return_val_if_fail (SPANMARK_IS_LABEL_PANEL (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  group = g_hash_table_lookup (self->unlinked, text);
  return group != NULL ? group->n_mentions : 0;
}

const char *
spanmark_label_panel_get_page (SpanmarkLabelPanel *self)
{
  g_return_val_if_fail (SPANMARK_IS_LABEL_PANEL (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* The first entity (by name, then id) of a name wins: one key accepts
 * one proposal. */
static void
index_names (SpanmarkLabelPanel           *self,
             const SpanmarkRegistryEntity *entity)
{
  if (!g_hash_table_contains (self->names, entity->name))
    g_hash_table_insert (self->names, g_strdup (entity->name), g_strdup (entity->id));
  for (guint i = 0; i < entity->aliases->len; i++)
    if (!g_hash_table_contains (self->names, g_ptr_array_index (entity->aliases, i)))
      g_hash_table_insert (self->names, g_strdup (g_ptr_array_index (entity->aliases, i)), g_strdup (entity->id));
}

static void
add_item (SpanmarkLabelPanel           *self,
          const SpanmarkRegistryEntity *entity)
{
  g_autoptr(SpanmarkEntityItem) item = spanmark_entity_item_new (entity, 0, 0);

  g_hash_table_replace (self->items, (gpointer) spanmark_entity_item_get_id (item), item);
  spanmark_entity_matches_append (self->matches, item);
  index_names (self, entity);
  update_corpus_status (self);
}

void
spanmark_label_panel_set_registry (SpanmarkLabelPanel *self,
                                   SpanmarkRegistry   *registry,
                                   const char         *annotator)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (SPANMARK_IS_LABEL_PANEL (self));
  g_return_if_fail (registry == NULL || SPANMARK_IS_REGISTRY (registry));

  g_set_object (&self->registry, registry);
  g_free (self->annotator);
  self->annotator = g_strdup (annotator);

  g_hash_table_remove_all (self->items);
  g_hash_table_remove_all (self->names);
  g_ptr_array_set_size (self->here_items, 0);
  g_ptr_array_set_size (self->saved_items, 0);
  /* The registry just counted the files. */
  g_hash_table_remove_all (self->left);
  if (registry != NULL)
    {
      GPtrArray *entities = spanmark_registry_get_entities (registry);

      for (guint i = 0; i < entities->len; i++)
        {
          const SpanmarkRegistryEntity *entity = g_ptr_array_index (entities, i);
          SpanmarkEntityItem *item;

          if (!is_own_label (self, entity->label))
            continue;
          item = spanmark_entity_item_new (entity,
                                           spanmark_registry_get_n_mentions (registry, entity->id),
                                           spanmark_registry_count_documents (registry, entity->id));
          g_hash_table_insert (self->items, (gpointer) spanmark_entity_item_get_id (item), item);
          g_ptr_array_add (items, item);
          index_names (self, entity);
        }
    }
  /* The counts here first, so the list is ordered once, one change for
   * the whole list. */
  load_saved_here (self);
  refresh_here (self);
  spanmark_entity_matches_set_items (self->matches, items);
  update_corpus_status (self);
  update_proposal (self);
}

gboolean
spanmark_label_panel_accept_proposal (SpanmarkLabelPanel *self)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (SPANMARK_IS_LABEL_PANEL (self), FALSE);

  if (self->proposal_id == NULL)
    return FALSE;

  id = g_strdup (self->proposal_id);
  return attach_registry (self, id);
}

const char *
spanmark_label_panel_get_proposal (SpanmarkLabelPanel *self)
{
  g_return_val_if_fail (SPANMARK_IS_LABEL_PANEL (self), NULL);

  return self->proposal_id;
}

void
spanmark_label_panel_focus_search (SpanmarkLabelPanel *self)
{
  g_return_if_fail (SPANMARK_IS_LABEL_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entity_search));
}

GListModel *
spanmark_label_panel_get_registry_model (SpanmarkLabelPanel *self)
{
  g_return_val_if_fail (SPANMARK_IS_LABEL_PANEL (self), NULL);

  return G_LIST_MODEL (self->selection);
}

gboolean
spanmark_label_panel_is_listing (SpanmarkLabelPanel *self)
{
  g_return_val_if_fail (SPANMARK_IS_LABEL_PANEL (self), FALSE);

  return g_list_model_get_n_items (G_LIST_MODEL (self->matches)) <
         spanmark_entity_matches_get_n_matches (self->matches);
}

GtkWidget *
spanmark_label_panel_get_search_entry (SpanmarkLabelPanel *self)
{
  g_return_val_if_fail (SPANMARK_IS_LABEL_PANEL (self), NULL);

  return GTK_WIDGET (self->entity_search);
}

/* The registry's entity @id changed (a name, an alias): its item is made
 * again, with the same counts, at the same place. */
static void
refresh_item (SpanmarkLabelPanel *self,
              const char         *id)
{
  const SpanmarkRegistryEntity *entity = spanmark_registry_lookup (self->registry, id);
  SpanmarkEntityItem *old = g_hash_table_lookup (self->items, id);
  g_autoptr(SpanmarkEntityItem) item = NULL;

  if (entity == NULL || old == NULL)
    return;

  item = spanmark_entity_item_new (entity, 0, 0);
  spanmark_entity_item_copy_counts (item, old);
  for (GPtrArray **array = (GPtrArray *[]) { self->here_items, self->saved_items, NULL }; *array != NULL; array++)
    for (guint i = 0; i < (*array)->len; i++)
      if (g_ptr_array_index (*array, i) == old)
        {
          g_object_unref (old);
          g_ptr_array_index (*array, i) = g_object_ref (item);
        }
  /* The old item (in the table, and until now in the list) stays
   * alive until the list lets go of it. */
  g_object_ref (old);
  g_hash_table_replace (self->items, (gpointer) spanmark_entity_item_get_id (item), item);
  spanmark_entity_matches_replace (self->matches, old, item);
  g_object_unref (old);
}
