/* spanmark-document-list.c — the project's documents, by status
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-document-list.h"

/* How many statuses are read per idle iteration: the list shows at once,
 * the progress label follows. */
#define STATUS_CHUNK 200

struct _SpanmarkDocumentList
{
  GtkWidget               parent_instance;

  /* Template widgets */
  GtkDropDown            *filter_dropdown;
  GtkDropDown            *order_dropdown;
  GtkLabel               *progress_label;
  GtkListView            *list_view;

  /* Owned references */
  SpanmarkStatusCache    *statuses;
  GtkFilterListModel     *filter_model;
  GtkSortListModel       *sort_model;     /* the filtered documents, in the chosen order */
  GtkSingleSelection     *selection;
  GtkCustomFilter        *status_filter;
  GtkCustomSorter        *rank_sorter;
  /* Review mode's ranking: SpanmarkDocument* -> rank + 1 and -> its
   * position in the project (ties), and -> the row's detail (char*). */
  GHashTable             *ranks;
  GHashTable             *positions;
  GHashTable             *details;
  SpanmarkTeamProgress   *team;
  SpanmarkDocumentOrder   order;
  GMenu                  *menu;
  GtkWidget              *popover;       /* shows the menu; a child of list_view */

  SpanmarkDocumentFilter  filter;
  guint                   read_idle_id;
};

G_DEFINE_ENUM_TYPE (SpanmarkDocumentFilter, spanmark_document_filter,
                    G_DEFINE_ENUM_VALUE (SPANMARK_DOCUMENT_FILTER_ALL, "all"),
                    G_DEFINE_ENUM_VALUE (SPANMARK_DOCUMENT_FILTER_NEW, "new"),
                    G_DEFINE_ENUM_VALUE (SPANMARK_DOCUMENT_FILTER_IN_PROGRESS, "in-progress"),
                    G_DEFINE_ENUM_VALUE (SPANMARK_DOCUMENT_FILTER_DONE, "done"))

G_DEFINE_ENUM_TYPE (SpanmarkDocumentOrder, spanmark_document_order,
                    G_DEFINE_ENUM_VALUE (SPANMARK_DOCUMENT_ORDER_PROJECT, "project"),
                    G_DEFINE_ENUM_VALUE (SPANMARK_DOCUMENT_ORDER_DISAGREEMENT, "disagreement"))

G_DEFINE_FINAL_TYPE (SpanmarkDocumentList, spanmark_document_list, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STATUSES,
  PROP_FILTER,
  PROP_ORDER,
  PROP_SELECTED_DOCUMENT,
  N_PROPS
};

enum
{
  DOCUMENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_progress (SpanmarkDocumentList *self)
{
  SpanmarkStatusCounts counts;
  g_autofree char *text = NULL;
  guint done;

  /* While the statuses are read (in idle chunks here, or by the
   * window's pass over the corpus), counting would read them all now. */
  if (self->statuses == NULL || self->read_idle_id != 0
      || spanmark_status_cache_get_expecting_fill (self->statuses))
    {
      gtk_label_set_text (self->progress_label, "");
      return;
    }

  spanmark_status_cache_count (self->statuses, &counts);
  done = counts.n_status[SPANMARK_STATUS_DONE] + counts.n_status[SPANMARK_STATUS_REVIEWED];
  if (g_strcmp0 (spanmark_status_cache_get_annotator (self->statuses), SPANMARK_CURATED_ANNOTATOR) == 0)
    /* Translators: "3 of 40 reviewed", the curated versions finished. */
    text = g_strdup_printf (ngettext ("%u of %u reviewed", "%u of %u reviewed", counts.n_documents),
                            done, counts.n_documents);
  else
    /* Translators: "12 of 40 done", the documents the annotator finished. */
    text = g_strdup_printf (ngettext ("%u of %u done", "%u of %u done", counts.n_documents),
                            done, counts.n_documents);
  gtk_label_set_text (self->progress_label, text);
}

/* The rows the list view shows, each inside a list item widget.  Found
 * in the widget tree rather than kept from "setup" to "teardown": a
 * list item can go without its child at teardown. */
static SpanmarkDocumentRow *
next_row (SpanmarkDocumentList *self,
          GtkWidget            *item)
{
  for (item = item != NULL ? gtk_widget_get_next_sibling (item) : gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *child = gtk_widget_get_first_child (item);

      if (child != NULL && SPANMARK_IS_DOCUMENT_ROW (child))
        return SPANMARK_DOCUMENT_ROW (child);
    }

  return NULL;
}

#define FOREACH_ROW(self, row) \
  for (SpanmarkDocumentRow *row = next_row ((self), NULL); \
       row != NULL; \
       row = next_row ((self), gtk_widget_get_parent (GTK_WIDGET (row))))

static void
update_row (SpanmarkDocumentList *self,
            SpanmarkDocumentRow  *row)
{
  SpanmarkDocument *document = spanmark_document_row_get_document (row);

  spanmark_document_row_set_detail (row, document != NULL ? g_hash_table_lookup (self->details, document) : NULL);
  if (self->statuses != NULL)
    spanmark_document_row_update (row, self->statuses);
  spanmark_document_row_set_team (row, self->team);
}

static void
update_rows (SpanmarkDocumentList *self)
{
  FOREACH_ROW (self, row)
    update_row (self, row);
}

/* The filter applied again.  Every document shown needs no filter at
 * all: a filter, even one that keeps everything, is asked about each
 * document of the project whenever the statuses or the project change
 * (50,000 calls, twice, at the opening of a large corpus). */
static void
refilter (SpanmarkDocumentList *self)
{
  if (self->filter == SPANMARK_DOCUMENT_FILTER_ALL || self->statuses == NULL)
    gtk_filter_list_model_set_filter (self->filter_model, NULL);
  else if (gtk_filter_list_model_get_filter (self->filter_model) == NULL)
    gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->status_filter));
  else
    gtk_filter_changed (GTK_FILTER (self->status_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
read_idle_cb (gpointer user_data)
{
  SpanmarkDocumentList *self = user_data;

  if (!spanmark_status_cache_read_some (self->statuses, STATUS_CHUNK))
    return G_SOURCE_CONTINUE;

  self->read_idle_id = 0;
  update_progress (self);

  return G_SOURCE_REMOVE;
}

/* The window's pass brought the statuses (or will not): the count shows,
 * or the reading here goes on. */
static void
statuses_filled_cb (SpanmarkDocumentList *self)
{
  if (!spanmark_status_cache_is_complete (self->statuses))
    {
      if (self->read_idle_id == 0)
        self->read_idle_id = g_idle_add (read_idle_cb, self);
      return;
    }
  g_clear_handle_id (&self->read_idle_id, g_source_remove);
  update_progress (self);
  refilter (self);
}

static gboolean
status_filter_func (gpointer item,
                    gpointer user_data)
{
  SpanmarkDocumentList *self = user_data;
  SpanmarkStatus status;

  if (self->filter == SPANMARK_DOCUMENT_FILTER_ALL || self->statuses == NULL)
    return TRUE;

  status = spanmark_status_cache_get (self->statuses, item);
  switch (self->filter)
    {
    case SPANMARK_DOCUMENT_FILTER_NEW:
      return status == SPANMARK_STATUS_NEW;
    case SPANMARK_DOCUMENT_FILTER_IN_PROGRESS:
      return status == SPANMARK_STATUS_IN_PROGRESS;
    case SPANMARK_DOCUMENT_FILTER_DONE:
    case SPANMARK_DOCUMENT_FILTER_ALL:
    default:
      return status == SPANMARK_STATUS_DONE || status == SPANMARK_STATUS_REVIEWED;
    }
}

/* The cache says a status changed (an edit, a save, a reload): the rows,
 * the filter and the count follow. */
static void
statuses_changed_cb (SpanmarkDocumentList *self)
{
  update_rows (self);
  update_progress (self);
  refilter (self);
}

static void
filter_dropdown_changed_cb (SpanmarkDocumentList *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  if (selected != GTK_INVALID_LIST_POSITION)
    spanmark_document_list_set_filter (self, (SpanmarkDocumentFilter) selected);
}

/* Review mode's order: the ranked documents first, worst first, then the
 * others; ties in the project's order. */
static int
rank_compare (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  SpanmarkDocumentList *self = user_data;
  guint rank_a = GPOINTER_TO_UINT (g_hash_table_lookup (self->ranks, a)) - 1;
  guint rank_b = GPOINTER_TO_UINT (g_hash_table_lookup (self->ranks, b)) - 1;
  guint position_a, position_b;

  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  position_a = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, a));
  position_b = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, b));
  return position_a < position_b ? -1 : position_a > position_b;
}

static void
apply_order (SpanmarkDocumentList *self)
{
  gboolean ranked = self->order == SPANMARK_DOCUMENT_ORDER_DISAGREEMENT && g_hash_table_size (self->ranks) > 0;

  gtk_sort_list_model_set_sorter (self->sort_model, ranked ? GTK_SORTER (self->rank_sorter) : NULL);
  if (ranked)
    gtk_sorter_changed (GTK_SORTER (self->rank_sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
order_dropdown_changed_cb (SpanmarkDocumentList *self)
{
  guint selected = gtk_drop_down_get_selected (self->order_dropdown);

  if (selected != GTK_INVALID_LIST_POSITION)
    spanmark_document_list_set_order (self, (SpanmarkDocumentOrder) selected);
}

static void
selected_item_changed_cb (SpanmarkDocumentList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DOCUMENT]);
}

static void
activate_cb (GtkListView          *list_view,
             guint                 position,
             SpanmarkDocumentList *self)
{
  g_autoptr(SpanmarkDocument) document = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (document != NULL)
    g_signal_emit (self, signals[DOCUMENT_ACTIVATED], 0, document);
}

static void
row_pressed_cb (GtkGestureClick      *gesture,
                int                   n_press,
                double                x,
                double                y,
                SpanmarkDocumentList *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  SpanmarkDocument *document = spanmark_document_row_get_document (SPANMARK_DOCUMENT_ROW (row));

  if (document != NULL)
    spanmark_document_list_popup_menu (self, document);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SpanmarkDocumentList     *self)
{
  GtkWidget *row = spanmark_document_row_new ();
  GtkGesture *gesture;

  /* A right click offers what can be done to that document. */
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (row_pressed_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (gesture));
  gtk_list_item_set_child (item, row);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SpanmarkDocumentList     *self)
{
  SpanmarkDocumentRow *row = SPANMARK_DOCUMENT_ROW (gtk_list_item_get_child (item));

  spanmark_document_row_set_document (row, gtk_list_item_get_item (item));
  update_row (self, row);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SpanmarkDocumentList     *self)
{
  spanmark_document_row_set_document (SPANMARK_DOCUMENT_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
spanmark_document_list_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SpanmarkDocumentList *self = SPANMARK_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STATUSES:
      g_value_set_object (value, self->statuses);
      break;
    case PROP_FILTER:
      g_value_set_enum (value, self->filter);
      break;
    case PROP_ORDER:
      g_value_set_enum (value, self->order);
      break;
    case PROP_SELECTED_DOCUMENT:
      g_value_set_object (value, spanmark_document_list_get_selected_document (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_document_list_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SpanmarkDocumentList *self = SPANMARK_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STATUSES:
      spanmark_document_list_set_statuses (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      spanmark_document_list_set_filter (self, g_value_get_enum (value));
      break;
    case PROP_ORDER:
      spanmark_document_list_set_order (self, g_value_get_enum (value));
      break;
    case PROP_SELECTED_DOCUMENT:
      spanmark_document_list_set_selected_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_document_list_dispose (GObject *object)
{
  SpanmarkDocumentList *self = SPANMARK_DOCUMENT_LIST (object);
  GtkWidget *child;

  g_clear_handle_id (&self->read_idle_id, g_source_remove);
  if (self->statuses != NULL)
    g_signal_handlers_disconnect_by_data (self->statuses, self);
  g_clear_object (&self->statuses);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->menu);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->status_filter);
  g_clear_object (&self->rank_sorter);
  g_clear_pointer (&self->ranks, g_hash_table_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->details, g_hash_table_unref);
  g_clear_pointer (&self->team, spanmark_team_progress_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPANMARK_TYPE_DOCUMENT_LIST);
  /* dispose_template() only unparents the children bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (spanmark_document_list_parent_class)->dispose (object);
}

static void
spanmark_document_list_class_init (SpanmarkDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = spanmark_document_list_get_property;
  object_class->set_property = spanmark_document_list_set_property;
  object_class->dispose = spanmark_document_list_dispose;

  properties[PROP_STATUSES] =
    g_param_spec_object ("statuses", NULL, NULL,
                         SPANMARK_TYPE_STATUS_CACHE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_enum ("filter", NULL, NULL,
                       SPANMARK_TYPE_DOCUMENT_FILTER, SPANMARK_DOCUMENT_FILTER_ALL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORDER] =
    g_param_spec_enum ("order", NULL, NULL,
                       SPANMARK_TYPE_DOCUMENT_ORDER, SPANMARK_DOCUMENT_ORDER_PROJECT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_DOCUMENT] =
    g_param_spec_object ("selected-document", NULL, NULL,
                         SPANMARK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DOCUMENT_ACTIVATED] =
    g_signal_new ("document-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SPANMARK_TYPE_DOCUMENT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/spanmark-document-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SpanmarkDocumentList, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkDocumentList, order_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkDocumentList, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkDocumentList, list_view);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

static void
spanmark_document_list_init (SpanmarkDocumentList *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->status_filter = gtk_custom_filter_new (status_filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, NULL);
  self->ranks = g_hash_table_new (NULL, NULL);
  self->positions = g_hash_table_new (NULL, NULL);
  self->details = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->rank_sorter = gtk_custom_sorter_new (rank_compare, self, NULL);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)), NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selected_item_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Documents"),
                                  -1);

  self->menu = g_menu_new ();
  self->popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (self->menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self->list_view));

  g_signal_connect_swapped (self->filter_dropdown, "notify::selected",
                            G_CALLBACK (filter_dropdown_changed_cb), self);
  g_signal_connect_swapped (self->order_dropdown, "notify::selected",
                            G_CALLBACK (order_dropdown_changed_cb), self);
}

GtkWidget *
spanmark_document_list_new (void)
{
  return g_object_new (SPANMARK_TYPE_DOCUMENT_LIST, NULL);
}

SpanmarkStatusCache *
spanmark_document_list_get_statuses (SpanmarkDocumentList *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_LIST (self), NULL);

  return self->statuses;
}

void
spanmark_document_list_set_statuses (SpanmarkDocumentList *self,
                                     SpanmarkStatusCache  *statuses)
{
  g_return_if_fail (SPANMARK_IS_DOCUMENT_LIST (self));
  g_return_if_fail (statuses == NULL || SPANMARK_IS_STATUS_CACHE (statuses));

  if (self->statuses == statuses)
    return;

  /* A ranking is of one project: switching between an annotator's
   * statuses and the curated ones keeps it, another project drops it. */
  if (statuses == NULL || self->statuses == NULL
      || spanmark_status_cache_get_project (statuses) != spanmark_status_cache_get_project (self->statuses))
    spanmark_document_list_set_ranking (self, NULL, NULL);

  g_clear_handle_id (&self->read_idle_id, g_source_remove);
  if (self->statuses != NULL)
    g_signal_handlers_disconnect_by_data (self->statuses, self);
  g_set_object (&self->statuses, statuses);

  if (statuses != NULL)
    {
      g_signal_connect_object (statuses, "changed", G_CALLBACK (statuses_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (statuses, "filled", G_CALLBACK (statuses_filled_cb), self, G_CONNECT_SWAPPED);
      if (!spanmark_status_cache_get_expecting_fill (statuses))
        self->read_idle_id = g_idle_add (read_idle_cb, self);
    }

  /* Another project or another annotator: every row says something else. */
  gtk_filter_list_model_set_model (self->filter_model,
                                   statuses != NULL
                                   ? spanmark_project_get_documents (spanmark_status_cache_get_project (statuses))
                                   : NULL);
  refilter (self);
  update_rows (self);
  update_progress (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUSES]);
}

SpanmarkDocumentFilter
spanmark_document_list_get_filter (SpanmarkDocumentList *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_LIST (self), SPANMARK_DOCUMENT_FILTER_ALL);

  return self->filter;
}

void
spanmark_document_list_set_filter (SpanmarkDocumentList   *self,
                                   SpanmarkDocumentFilter  filter)
{
  g_return_if_fail (SPANMARK_IS_DOCUMENT_LIST (self));
  g_return_if_fail (filter <= SPANMARK_DOCUMENT_FILTER_DONE);

  if (self->filter == filter)
    return;

  self->filter = filter;
  gtk_drop_down_set_selected (self->filter_dropdown, filter);
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

SpanmarkDocumentOrder
spanmark_document_list_get_order (SpanmarkDocumentList *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_LIST (self), SPANMARK_DOCUMENT_ORDER_PROJECT);

  return self->order;
}

void
spanmark_document_list_set_order (SpanmarkDocumentList  *self,
                                  SpanmarkDocumentOrder  order)
{
  g_return_if_fail (SPANMARK_IS_DOCUMENT_LIST (self));
  g_return_if_fail (order <= SPANMARK_DOCUMENT_ORDER_DISAGREEMENT);

  if (self->order == order)
    return;

  self->order = order;
  gtk_drop_down_set_selected (self->order_dropdown, order);
  apply_order (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}

void
spanmark_document_list_set_ranking (SpanmarkDocumentList *self,
                                    const char * const   *ids,
                                    const char * const   *details)
{
  SpanmarkProject *project;
  GListModel *documents;

  g_return_if_fail (SPANMARK_IS_DOCUMENT_LIST (self));
  g_return_if_fail (ids == NULL || self->statuses != NULL);

  g_hash_table_remove_all (self->ranks);
  g_hash_table_remove_all (self->positions);
  g_hash_table_remove_all (self->details);

  if (ids != NULL)
    {
      project = spanmark_status_cache_get_project (self->statuses);
      documents = spanmark_project_get_documents (project);
      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(SpanmarkDocument) document = g_list_model_get_item (documents, i);

          g_hash_table_insert (self->positions, document, GUINT_TO_POINTER (i));
        }
      for (guint i = 0; ids[i] != NULL; i++)
        {
          SpanmarkDocument *document = spanmark_project_lookup_document (project, ids[i]);

          if (document == NULL)
            continue;
          g_hash_table_insert (self->ranks, document, GUINT_TO_POINTER (i + 1));
          if (details != NULL && details[i] != NULL)
            g_hash_table_insert (self->details, document, g_strdup (details[i]));
        }
    }

  /* The order is offered once there is something to order by. */
  gtk_widget_set_visible (GTK_WIDGET (self->order_dropdown), ids != NULL);
  apply_order (self);
  update_rows (self);
}

SpanmarkDocument *
spanmark_document_list_get_selected_document (SpanmarkDocumentList *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
spanmark_document_list_set_selected_document (SpanmarkDocumentList *self,
                                              SpanmarkDocument     *document)
{
  GListModel *model;
  guint n;

  g_return_if_fail (SPANMARK_IS_DOCUMENT_LIST (self));
  g_return_if_fail (document == NULL || SPANMARK_IS_DOCUMENT (document));

  model = G_LIST_MODEL (self->sort_model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; document != NULL && i < n; i++)
    {
      g_autoptr(SpanmarkDocument) item = g_list_model_get_item (model, i);

      if (item == document)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

void
spanmark_document_list_set_team (SpanmarkDocumentList *self,
                                 SpanmarkTeamProgress *team)
{
  g_return_if_fail (SPANMARK_IS_DOCUMENT_LIST (self));

  if (team == self->team)
    return;
  g_clear_pointer (&self->team, spanmark_team_progress_unref);
  self->team = team != NULL ? spanmark_team_progress_ref (team) : NULL;
  /* Only the bound rows (what is on screen): the snapshot answers
   * without reading a file. */
  update_rows (self);
}

SpanmarkTeamProgress *
spanmark_document_list_get_team (SpanmarkDocumentList *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_LIST (self), NULL);

  return self->team;
}

void
spanmark_document_list_refresh (SpanmarkDocumentList *self)
{
  g_return_if_fail (SPANMARK_IS_DOCUMENT_LIST (self));

  update_rows (self);
}

GListModel *
spanmark_document_list_get_shown (SpanmarkDocumentList *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_LIST (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

const char *
spanmark_document_list_get_progress (SpanmarkDocumentList *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_LIST (self), NULL);

  return gtk_label_get_text (self->progress_label);
}

void
spanmark_document_list_popup_menu (SpanmarkDocumentList *self,
                                   SpanmarkDocument     *document)
{
  g_autoptr(GMenuItem) item = NULL;
  SpanmarkDocumentRow *row;
  graphene_rect_t bounds;
  GdkRectangle rect;

  g_return_if_fail (SPANMARK_IS_DOCUMENT_LIST (self));
  g_return_if_fail (SPANMARK_IS_DOCUMENT (document));

  g_menu_remove_all (self->menu);
  if (self->statuses == NULL || !spanmark_status_cache_is_finished (self->statuses, document))
    return;

  item = g_menu_item_new (_("_Reopen (Mark In Progress)"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.reopen-document",
                                           g_variant_new_string (spanmark_document_get_id (document)));
  g_menu_append_item (self->menu, item);

  row = spanmark_document_list_get_row (self, document);
  if (row == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list_view), &bounds))
    return;
  rect.x = (int) bounds.origin.x;
  rect.y = (int) bounds.origin.y;
  rect.width = (int) bounds.size.width;
  rect.height = (int) bounds.size.height;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

GtkListView *
spanmark_document_list_get_list_view (SpanmarkDocumentList *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_LIST (self), NULL);

  return self->list_view;
}

SpanmarkDocumentRow *
spanmark_document_list_get_row (SpanmarkDocumentList *self,
                                SpanmarkDocument     *document)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_LIST (self), NULL);

  FOREACH_ROW (self, row)
    if (spanmark_document_row_get_document (row) == document)
      return row;

  return NULL;
}

GtkPopover *
spanmark_document_list_get_menu (SpanmarkDocumentList *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_LIST (self), NULL);

  return GTK_POPOVER (self->popover);
}
