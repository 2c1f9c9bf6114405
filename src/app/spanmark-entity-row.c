/* spanmark-entity-row.c — one entity in a label panel
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-display.h"
#include "spanmark-entity-row.h"

/* Built like AdwExpanderRow (and styled by libadwaita's rules for it:
 * row.expander, row.header, list.nested, image.expander-row-arrow), but
 * from plain labels: an AdwExpanderRow costs about 4 ms to create and lay
 * out, twenty times more, which a document with hundreds of entities
 * feels. */
struct _SpanmarkEntityRow
{
  GtkListBoxRow   parent_instance;

  /* Owned references */
  SpanmarkLabel  *label;
  SpanmarkEntity *entity;       /* a copy of what the row shows */
  char           *mentions_text;
  char           *attrs_text;

  /* Widgets */
  GtkWidget      *header_row;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkLabel       *mentions_label;
  GtkRevealer    *revealer;
  GtkListBox     *nested_list;
  AdwEntryRow    *name_row;     /* NULL until first expanded */
  GPtrArray      *attr_rows;    /* AdwEntryRow*, parallel to label->attrs */

  guint           n_mentions;
  guint           editable : 1;
  guint           expanded : 1;
};

G_DEFINE_FINAL_TYPE (SpanmarkEntityRow, spanmark_entity_row, GTK_TYPE_LIST_BOX_ROW)

static const char *
lookup_attr (const SpanmarkEntity *entity,
             const char           *key)
{
  const char *value = g_hash_table_lookup (entity->attrs, key);

  return value != NULL ? value : "";
}

static void
append_attr (GString    *str,
             const char *key,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (str->len > 0)
    /* Translators: separates attributes in a list such as
     * "title 浙江省委书记 · region 浙江". */
    g_string_append (str, C_("attribute list", " · "));
  /* Translators: an attribute name and its value, e.g. "region 浙江". */
  g_string_append_printf (str, C_("attribute list", "%s %s"), spanmark_display_attr_name (key), value);
}

/* The entity's attributes in the order they are shown everywhere. */
static char *
format_attrs (const SpanmarkLabel  *label,
              const SpanmarkEntity *entity)
{
  GString *str = g_string_new (NULL);
  g_autoptr(GPtrArray) keys = spanmark_display_attr_keys (label, entity->attrs);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      append_attr (str, key, g_hash_table_lookup (entity->attrs, key));
    }

  return g_string_free (str, FALSE);
}

static void
name_apply_cb (SpanmarkEntityRow *self,
               AdwEntryRow       *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  gtk_widget_activate_action (GTK_WIDGET (self), "panel.rename-entity", "(ss)",
                              self->entity->id, text);
}

static void
attr_apply_cb (SpanmarkEntityRow *self,
               AdwEntryRow       *entry)
{
  const char *key = g_object_get_data (G_OBJECT (entry), "spanmark-attr-key");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_assert (key != NULL);

  gtk_widget_activate_action (GTK_WIDGET (self), "panel.set-entity-attr", "(sss)",
                              self->entity->id, key, text);
}

static AdwEntryRow *
create_entry_row (SpanmarkEntityRow *self,
                  const char        *title,
                  const char        *text)
{
  AdwEntryRow *entry = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  adw_entry_row_set_show_apply_button (entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_set_sensitive (GTK_WIDGET (entry), self->editable);
  gtk_list_box_append (self->nested_list, GTK_WIDGET (entry));

  return entry;
}

static GtkWidget *
create_icon_button (const char *icon_name,
                    const char *tooltip,
                    const char *action_name,
                    const char *entity_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", entity_id);

  return button;
}

/* The expanded part is built on first expansion: a document may have
 * hundreds of entities, and most are never expanded. */
static void
build_content (SpanmarkEntityRow *self)
{
  AdwActionRow *mentions_row;
  GtkWidget *actions_row;
  GtkWidget *box;
  GtkWidget *button;

  if (self->name_row != NULL)
    return;

  self->name_row = create_entry_row (self, C_("entity", "Name"), self->entity->name);
  g_signal_connect_object (self->name_row, "apply",
                           G_CALLBACK (name_apply_cb), self, G_CONNECT_SWAPPED);

  for (guint i = 0; self->label->attrs[i] != NULL; i++)
    {
      const char *key = self->label->attrs[i];
      AdwEntryRow *entry = create_entry_row (self, spanmark_display_attr_name (key),
                                             lookup_attr (self->entity, key));

      g_object_set_data_full (G_OBJECT (entry), "spanmark-attr-key",
                              g_strdup (key), g_free);
      g_signal_connect_object (entry, "apply",
                               G_CALLBACK (attr_apply_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->attr_rows, entry);
    }

  mentions_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (mentions_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (mentions_row),
                                 C_("entity", "Mentions"));
  adw_action_row_add_suffix (mentions_row,
                             create_icon_button ("go-up-symbolic",
                                                 _("Previous Mention"),
                                                 "panel.prev-mention",
                                                 self->entity->id));
  adw_action_row_add_suffix (mentions_row,
                             create_icon_button ("go-down-symbolic",
                                                 _("Next Mention"),
                                                 "panel.next-mention",
                                                 self->entity->id));
  gtk_list_box_append (self->nested_list, GTK_WIDGET (mentions_row));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  /* Clicking keeps the keyboard in the text, where the annotator works. */
  button = gtk_button_new_with_mnemonic (_("_Attach Selection"));
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_tooltip_text (button, _("Make the selected mention refer to this entity"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "panel.attach");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", self->entity->id);
  gtk_box_append (GTK_BOX (box), button);

  button = gtk_button_new_with_mnemonic (_("_Delete Entity"));
  gtk_widget_set_tooltip_text (button, _("Delete the entity; its mentions stay tagged"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "error");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "panel.delete-entity");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", self->entity->id);
  gtk_box_append (GTK_BOX (box), button);

  actions_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (actions_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (actions_row), box);
  gtk_list_box_append (self->nested_list, actions_row);
}

static void
header_activated_cb (SpanmarkEntityRow *self)
{
  spanmark_entity_row_set_expanded (self, !self->expanded);
}

/* As in AdwExpanderRow: arrow keys leave the inner lists for the next or
 * previous row instead of stopping at their ends. */
static gboolean
keynav_failed_cb (SpanmarkEntityRow *self,
                  GtkDirectionType   direction)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  if (root == NULL || (direction != GTK_DIR_UP && direction != GTK_DIR_DOWN))
    return FALSE;

  return gtk_widget_child_focus (root, direction == GTK_DIR_UP ? GTK_DIR_TAB_BACKWARD
                                                               : GTK_DIR_TAB_FORWARD);
}

static void
spanmark_entity_row_finalize (GObject *object)
{
  SpanmarkEntityRow *self = (SpanmarkEntityRow *) object;

  g_clear_pointer (&self->label, spanmark_label_free);
  g_clear_pointer (&self->entity, spanmark_entity_free);
  g_clear_pointer (&self->mentions_text, g_free);
  g_clear_pointer (&self->attrs_text, g_free);
  g_clear_pointer (&self->attr_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (spanmark_entity_row_parent_class)->finalize (object);
}

static void
spanmark_entity_row_class_init (SpanmarkEntityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spanmark_entity_row_finalize;
}

static GtkLabel *
create_label (const char *css_class)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_use_markup (label, FALSE);
  gtk_label_set_xalign (label, 0);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (label), css_class);

  return label;
}

static void
spanmark_entity_row_init (SpanmarkEntityRow *self)
{
  GtkWidget *box;
  GtkWidget *header_list;
  GtkWidget *header;
  GtkWidget *title_box;
  GtkWidget *arrow;

  self->attr_rows = g_ptr_array_new ();
  self->editable = TRUE;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "expander");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  /* The header is a row of its own list, so that it can be focused and
   * activated (click, Enter, Space) to expand. */
  header_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (header_list), GTK_SELECTION_NONE);
  g_signal_connect_object (header_list, "row-activated",
                           G_CALLBACK (header_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (header_list, "keynav-failed",
                           G_CALLBACK (keynav_failed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), header_list);

  self->header_row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (self->header_row, "header");
  gtk_list_box_append (GTK_LIST_BOX (header_list), self->header_row);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (header, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (header, "header");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->header_row), header);

  title_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (title_box, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (title_box, TRUE);
  gtk_widget_add_css_class (title_box, "title");
  gtk_box_append (GTK_BOX (header), title_box);

  self->title_label = create_label ("title");
  gtk_box_append (GTK_BOX (title_box), GTK_WIDGET (self->title_label));
  self->subtitle_label = create_label ("subtitle");
  gtk_box_append (GTK_BOX (title_box), GTK_WIDGET (self->subtitle_label));

  self->mentions_label = create_label ("dim-label");
  gtk_label_set_ellipsize (self->mentions_label, PANGO_ELLIPSIZE_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->mentions_label), "numeric");
  gtk_widget_set_valign (GTK_WIDGET (self->mentions_label), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->mentions_label));

  arrow = gtk_image_new_from_icon_name ("adw-expander-arrow-symbolic");
  gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (arrow, "expander-row-arrow");
  gtk_box_append (GTK_BOX (header), arrow);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->header_row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->mentions_label,
                                  self->subtitle_label, NULL,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->header_row),
                               GTK_ACCESSIBLE_STATE_EXPANDED, FALSE,
                               -1);

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->revealer));

  self->nested_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->nested_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->nested_list), "nested");
  g_signal_connect_object (self->nested_list, "keynav-failed",
                           G_CALLBACK (keynav_failed_cb), self, G_CONNECT_SWAPPED);
  gtk_revealer_set_child (self->revealer, GTK_WIDGET (self->nested_list));
}

GtkWidget *
spanmark_entity_row_new (const SpanmarkLabel  *label,
                         const SpanmarkEntity *entity)
{
  SpanmarkEntityRow *self;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  self = g_object_new (SPANMARK_TYPE_ENTITY_ROW, NULL);
  self->label = spanmark_label_copy (label);
  spanmark_entity_row_update (self, entity);
  spanmark_entity_row_set_n_mentions (self, 0);

  return GTK_WIDGET (self);
}

const char *
spanmark_entity_row_get_entity_id (SpanmarkEntityRow *self)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_ROW (self), NULL);

  return self->entity->id;
}

static void
update_entry (AdwEntryRow *entry,
              const char  *old_value,
              const char  *new_value)
{
  /* Only a value that really changed (undo, redo, another entry) replaces
   * the text, so an edit in progress in this entry is kept. */
  if (entry == NULL || g_strcmp0 (old_value, new_value) == 0)
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), new_value) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), new_value);
}

void
spanmark_entity_row_update (SpanmarkEntityRow    *self,
                            const SpanmarkEntity *entity)
{
  g_autoptr(SpanmarkEntity) old = NULL;

  g_return_if_fail (SPANMARK_IS_ENTITY_ROW (self));
  g_return_if_fail (entity != NULL);

  old = g_steal_pointer (&self->entity);
  self->entity = spanmark_entity_copy (entity);

  /* Translators: shown for an entity whose name is empty. */
  gtk_label_set_text (self->title_label,
                      *entity->name != '\0' ? entity->name : _("Unnamed"));
  g_free (self->attrs_text);
  self->attrs_text = format_attrs (self->label, entity);
  gtk_label_set_text (self->subtitle_label, self->attrs_text);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), *self->attrs_text != '\0');
  /* Long attribute lists are ellipsized; the tooltip has them all. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label),
                               *self->attrs_text != '\0' ? self->attrs_text : NULL);

  if (old != NULL && self->name_row != NULL)
    {
      update_entry (self->name_row, old->name, entity->name);
      for (guint i = 0; i < self->attr_rows->len; i++)
        {
          const char *key = self->label->attrs[i];

          update_entry (g_ptr_array_index (self->attr_rows, i),
                        lookup_attr (old, key), lookup_attr (entity, key));
        }
    }
}

guint
spanmark_entity_row_get_n_mentions (SpanmarkEntityRow *self)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_ROW (self), 0);

  return self->n_mentions;
}

void
spanmark_entity_row_set_n_mentions (SpanmarkEntityRow *self,
                                    guint              n_mentions)
{
  g_return_if_fail (SPANMARK_IS_ENTITY_ROW (self));

  self->n_mentions = n_mentions;
  g_free (self->mentions_text);
  self->mentions_text = g_strdup_printf (ngettext ("%u mention", "%u mentions", n_mentions),
                                         n_mentions);
  gtk_label_set_text (self->mentions_label, self->mentions_text);
}

void
spanmark_entity_row_set_editable (SpanmarkEntityRow *self,
                                  gboolean           editable)
{
  g_return_if_fail (SPANMARK_IS_ENTITY_ROW (self));

  self->editable = !!editable;
  if (self->name_row != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), editable);
  for (guint i = 0; i < self->attr_rows->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->attr_rows, i), editable);
}

const char *
spanmark_entity_row_get_mentions_text (SpanmarkEntityRow *self)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_ROW (self), NULL);

  return self->mentions_text;
}

const char *
spanmark_entity_row_get_attrs_text (SpanmarkEntityRow *self)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_ROW (self), NULL);

  return self->attrs_text;
}

AdwEntryRow *
spanmark_entity_row_get_entry (SpanmarkEntityRow *self,
                               const char        *key)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_ROW (self), NULL);

  if (key == NULL)
    return self->name_row;
  for (guint i = 0; i < self->attr_rows->len; i++)
    if (g_strcmp0 (self->label->attrs[i], key) == 0)
      return g_ptr_array_index (self->attr_rows, i);

  return NULL;
}

const char *
spanmark_entity_row_get_title (SpanmarkEntityRow *self)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_ROW (self), NULL);

  return gtk_label_get_text (self->title_label);
}

gboolean
spanmark_entity_row_get_expanded (SpanmarkEntityRow *self)
{
  g_return_val_if_fail (SPANMARK_IS_ENTITY_ROW (self), FALSE);

  return self->expanded;
}

void
spanmark_entity_row_set_expanded (SpanmarkEntityRow *self,
                                  gboolean           expanded)
{
  g_return_if_fail (SPANMARK_IS_ENTITY_ROW (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;

  self->expanded = expanded;
  if (expanded)
    {
      build_content (self);
      gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED, FALSE);
    }
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED);
  gtk_revealer_set_reveal_child (self->revealer, expanded);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->header_row),
                               GTK_ACCESSIBLE_STATE_EXPANDED, expanded,
                               -1);
}
