/* spanmark-consistency-panel.c — the side panel of suggestions and inconsistent places
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-consistency-panel.h"
#include "spanmark-inconsistency.h"

struct _SpanmarkConsistencyPanel
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkLabel      *count_label;
  GtkStack      *stack;
  GtkListView   *list_view;
  GtkStringList *model;            /* (owned) one item per place; the row reads @places */
  GtkNoSelection *selection;       /* of @model once the panel has been shown, empty before */

  GPtrArray     *places;           /* of SpanmarkInconsistency; NULL: no document */
  GHashTable    *label_titles;     /* label name -> title */
};

G_DEFINE_FINAL_TYPE (SpanmarkConsistencyPanel, spanmark_consistency_panel, GTK_TYPE_WIDGET)

enum { JUMP, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
label_title (SpanmarkConsistencyPanel *self,
             const char               *label)
{
  const char *title = self->label_titles != NULL ? g_hash_table_lookup (self->label_titles, label) : NULL;

  return title != NULL ? title : label;
}

/* "Place elsewhere (3 times)", or with two labels elsewhere
 * "Place (3 times), Official (1 time) elsewhere". */
static char *
describe_others (SpanmarkConsistencyPanel    *self,
                 const SpanmarkInconsistency *place)
{
  g_autoptr(GString) others = g_string_new (NULL);

  for (guint i = 0; place->other_labels[i] != NULL; i++)
    {
      guint n = g_array_index (place->other_counts, guint, i);

      if (i > 0)
        /* Translators: between the labels a text has elsewhere. */
        g_string_append (others, C_("label list", ", "));
      /* Translators: a label and how many spans have it elsewhere,
       * e.g. "Place (3 times)". */
      g_string_append_printf (others, ngettext ("%s (%u time)", "%s (%u times)", n),
                              label_title (self, place->other_labels[i]), n);
    }
  return g_string_free (g_steal_pointer (&others), FALSE);
}

static char *
describe (SpanmarkConsistencyPanel    *self,
          const SpanmarkInconsistency *place)
{
  g_autofree char *others = describe_others (self, place);

  if (place->kind == SPANMARK_INCONSISTENCY_UNTAGGED)
    /* Translators: a text untagged in this document, and the labels it
     * has elsewhere, e.g. "Untagged here; Place (3 times) elsewhere". */
    return g_strdup_printf (_("Untagged here; %s elsewhere"), others);

  /* Translators: a text tagged with one label here and others elsewhere,
   * e.g. "Official here; Place (2 times) elsewhere". */
  return g_strdup_printf (_("%s here; %s elsewhere"), label_title (self, place->label), others);
}

char *
spanmark_consistency_panel_describe (SpanmarkConsistencyPanel *self,
                                     guint                     position)
{
  const SpanmarkInconsistency *place;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (SPANMARK_IS_CONSISTENCY_PANEL (self), NULL);
  g_return_val_if_fail (self->places != NULL && position < self->places->len, NULL);

  place = g_ptr_array_index (self->places, position);
  detail = describe (self, place);
  return g_strdup_printf ("%s — %s", place->text, detail);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  /* Document text and label titles are plain text, never markup. */
  gtk_label_set_use_markup (GTK_LABEL (text), FALSE);
  gtk_label_set_use_markup (GTK_LABEL (detail), FALSE);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (text, "heading");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SpanmarkConsistencyPanel *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  guint position = gtk_list_item_get_position (item);
  const SpanmarkInconsistency *place;
  g_autofree char *detail = NULL;

  if (self->places == NULL || position >= self->places->len)
    return;
  place = g_ptr_array_index (self->places, position);
  detail = describe (self, place);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), place->text);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), detail);
}

static void
activate_cb (GtkListView              *list_view,
             guint                     position,
             SpanmarkConsistencyPanel *self)
{
  const SpanmarkInconsistency *place;

  if (self->places == NULL || position >= self->places->len)
    return;
  place = g_ptr_array_index (self->places, position);
  g_signal_emit (self, signals[JUMP], 0, place->start, place->end);
}

void
spanmark_consistency_panel_set_places (SpanmarkConsistencyPanel *self,
                                       GPtrArray                *inconsistencies,
                                       GHashTable               *label_titles)
{
  guint n_old;
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();

  g_return_if_fail (SPANMARK_IS_CONSISTENCY_PANEL (self));

  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->label_titles, g_hash_table_unref);
  if (inconsistencies != NULL)
    self->places = g_ptr_array_ref (inconsistencies);
  if (label_titles != NULL)
    self->label_titles = g_hash_table_ref (label_titles);

  /* The model only counts: each row reads its place when it is bound,
   * so a long list costs one string per place, no widget. */
  for (guint i = 0; self->places != NULL && i < self->places->len; i++)
    g_ptr_array_add (strings, ((SpanmarkInconsistency *) g_ptr_array_index (self->places, i))->text);
  g_ptr_array_add (strings, NULL);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gtk_string_list_splice (self->model, 0, n_old, (const char * const *) strings->pdata);

  gtk_stack_set_visible_child_name (self->stack, strings->len > 1 ? "list" : "empty");
}

void
spanmark_consistency_panel_set_counts (SpanmarkConsistencyPanel *self,
                                       guint                     n_suggestions,
                                       guint                     n_to_review)
{
  g_autofree char *suggestions = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (SPANMARK_IS_CONSISTENCY_PANEL (self));

  suggestions = g_strdup_printf (ngettext ("%u suggestion", "%u suggestions", n_suggestions), n_suggestions);
  if (n_to_review > 0)
    /* Translators: the suggestions of the document, then how many spans
     * spanmark-cli pretag added are still to review, e.g. "12
     * suggestions, 3 spans to review". */
    text = g_strdup_printf (ngettext ("%s, %u span to review", "%s, %u spans to review", n_to_review),
                            suggestions, n_to_review);
  else
    text = g_steal_pointer (&suggestions);
  gtk_label_set_text (self->count_label, text);
}

guint
spanmark_consistency_panel_get_n_places (SpanmarkConsistencyPanel *self)
{
  g_return_val_if_fail (SPANMARK_IS_CONSISTENCY_PANEL (self), 0);

  return self->places != NULL ? self->places->len : 0;
}

/* The list gets its model when the panel first shows: a list view makes
 * rows for up to 200 items as soon as it has them, even on a stack's
 * hidden page, and the Check page is hidden while a document opens. */
static void
spanmark_consistency_panel_map (GtkWidget *widget)
{
  SpanmarkConsistencyPanel *self = SPANMARK_CONSISTENCY_PANEL (widget);

  if (gtk_no_selection_get_model (self->selection) == NULL)
    gtk_no_selection_set_model (self->selection, G_LIST_MODEL (self->model));

  GTK_WIDGET_CLASS (spanmark_consistency_panel_parent_class)->map (widget);
}

static void
spanmark_consistency_panel_dispose (GObject *object)
{
  SpanmarkConsistencyPanel *self = SPANMARK_CONSISTENCY_PANEL (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->model);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->label_titles, g_hash_table_unref);

  G_OBJECT_CLASS (spanmark_consistency_panel_parent_class)->dispose (object);
}

static void
spanmark_consistency_panel_class_init (SpanmarkConsistencyPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spanmark_consistency_panel_dispose;
  widget_class->map = spanmark_consistency_panel_map;

  signals[JUMP] =
    g_signal_new ("jump", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "spanmark-consistency-panel");
}

static void
spanmark_consistency_panel_init (SpanmarkConsistencyPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *heading = gtk_label_new (_("Inconsistent places"));
  GtkWidget *empty = gtk_label_new (_("Nothing here is tagged differently from the rest of the corpus."));
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->count_label), "assist-count");
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->count_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->count_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->count_label), 6);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->count_label));
  spanmark_consistency_panel_set_counts (self, 0, 0);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_start (heading, 12);
  gtk_widget_set_margin_top (heading, 6);
  gtk_box_append (GTK_BOX (self->box), heading);

  self->model = gtk_string_list_new (NULL);
  self->selection = gtk_no_selection_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (self->selection), factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->list_view), "consistency-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Inconsistent places"), -1);
  g_signal_connect (self->list_view, "activate", G_CALLBACK (activate_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));

  gtk_widget_set_name (empty, "consistency-empty");
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_start (empty, 12);
  gtk_widget_set_margin_end (empty, 12);
  gtk_widget_set_valign (empty, GTK_ALIGN_START);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
}

GtkWidget *
spanmark_consistency_panel_new (void)
{
  return g_object_new (SPANMARK_TYPE_CONSISTENCY_PANEL, NULL);
}
