/* spanmark-labels-page.c — the Labels page of Preferences: edit the project's labels
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-display.h"
#include "spanmark-label-ops.h"
#include "spanmark-labels-page.h"

struct _SpanmarkLabelsPage
{
  AdwPreferencesPage   parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *labels_group;
  AdwEntryRow         *new_label_row;

  /* Owned references */
  SpanmarkProject     *project;
  SpanmarkWindow      *window;    /* weak: the window outlives its Preferences */
  GPtrArray           *rows;      /* AdwExpanderRow, in schema order, borrowed from labels_group */
  GHashTable          *expanded;  /* names of the labels whose rows are open */
  AdwMessageDialog    *dialog;    /* weak: "delete its spans?" while shown */
  char                *message;
  guint                rebuild_id;
};

G_DEFINE_FINAL_TYPE (SpanmarkLabelsPage, spanmark_labels_page, ADW_TYPE_PREFERENCES_PAGE)

/* What the widgets of a label's row carry, to say which label and field
 * they edit. */
#define LABEL_KEY  "spanmark-label-name"
#define ACTION_KEY "spanmark-action"
#define TARGET_KEY "spanmark-action-target"

static void
show_message (SpanmarkLabelsPage *self,
              const char         *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_free (self->message);
  self->message = g_strdup (text);
  /* Messages name files and hold what the user typed: plain text. */
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), spanmark_display_new_toast (text));
}

/* The toast for a change that was refused; FALSE when it was. */
static gboolean
report (SpanmarkLabelsPage *self,
        gboolean            ok,
        const GError       *error)
{
  if (!ok)
    show_message (self, error->message);
  return ok;
}

/* The rows */

static void
color_set_cb (GtkColorButton     *button,
              SpanmarkLabelsPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), LABEL_KEY);
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (guint) (CLAMP (rgba.red, 0.0, 1.0) * 255.0 + 0.5),
                           (guint) (CLAMP (rgba.green, 0.0, 1.0) * 255.0 + 0.5),
                           (guint) (CLAMP (rgba.blue, 0.0, 1.0) * 255.0 + 0.5));
  gtk_widget_activate_action (GTK_WIDGET (self), "labels.set-color", "(ss)", name, color);
}

static void
entry_apply_cb (AdwEntryRow        *entry,
                SpanmarkLabelsPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (entry), LABEL_KEY);
  const char *action = g_object_get_data (G_OBJECT (entry), ACTION_KEY);

  gtk_widget_activate_action (GTK_WIDGET (self), action, "(ss)", name,
                              gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static GtkWidget *
make_entry (SpanmarkLabelsPage  *self,
            const SpanmarkLabel *label,
            const char          *title,
            const char          *text,
            const char          *action)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  g_object_set_data_full (G_OBJECT (entry), LABEL_KEY, g_strdup (label->name), g_free);
  g_object_set_data (G_OBJECT (entry), ACTION_KEY, (gpointer) action);
  g_signal_connect (entry, "apply", G_CALLBACK (entry_apply_cb), self);

  return entry;
}

static void
button_clicked_cb (GtkButton          *button,
                   SpanmarkLabelsPage *self)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (self), g_object_get_data (G_OBJECT (button), ACTION_KEY),
                                      g_object_get_data (G_OBJECT (button), TARGET_KEY));
}

/* A button that runs @action with @target (floating, taken), showing
 * @icon_name or, when NULL, @text.  Not a GtkActionable, whose action
 * would decide its sensitivity: the first row cannot move up although
 * labels.move is enabled. */
static GtkWidget *
make_button (SpanmarkLabelsPage *self,
             const char         *name,
             const char         *icon_name,
             const char         *text,
             const char         *action,
             GVariant           *target)
{
  GtkWidget *button = icon_name != NULL ? gtk_button_new_from_icon_name (icon_name)
                                        : gtk_button_new_with_mnemonic (text);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (icon_name != NULL)
    {
      gtk_widget_set_tooltip_text (button, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
  g_object_set_data (G_OBJECT (button), ACTION_KEY, (gpointer) action);
  g_object_set_data_full (G_OBJECT (button), TARGET_KEY, g_variant_ref_sink (target),
                          (GDestroyNotify) g_variant_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (button_clicked_cb), self);

  return button;
}

/* An action row of a label's expanded part, with @suffix. */
static GtkWidget *
make_action_row (const char *title,
                 const char *subtitle,
                 GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);

  return row;
}

static GtkWidget *
make_color_button (SpanmarkLabelsPage  *self,
                   const SpanmarkLabel *label)
{
  const char * const *palette = spanmark_label_rules_get_palette ();
  g_autoptr(GArray) colors = g_array_new (FALSE, FALSE, sizeof (GdkRGBA));
  g_autofree char *title = g_strdup_printf (_("Colour of %s"), label->name);
  GtkWidget *button = gtk_color_button_new ();
  GdkRGBA rgba;

  /* The chooser offers the colours known to keep text readable first. */
  for (guint i = 0; palette[i] != NULL; i++)
    if (gdk_rgba_parse (&rgba, palette[i]))
      g_array_append_val (colors, rgba);
  gtk_color_chooser_add_palette (GTK_COLOR_CHOOSER (button), GTK_ORIENTATION_HORIZONTAL, 7,
                                 (int) colors->len, (GdkRGBA *) colors->data);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
  if (label->color != NULL && gdk_rgba_parse (&rgba, label->color))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (button), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (button), LABEL_KEY, g_strdup (label->name), g_free);
  g_signal_connect (button, "color-set", G_CALLBACK (color_set_cb), self);

  return button;
}

/* Open rows stay open when the rows are made again. */
static void
expanded_cb (SpanmarkLabelsPage *self,
             GParamSpec         *pspec,
             AdwExpanderRow     *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), LABEL_KEY);

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (name));
  else
    g_hash_table_remove (self->expanded, name);
}

static GtkWidget *
make_row (SpanmarkLabelsPage  *self,
          const SpanmarkLabel *label,
          guint                index,
          guint                n)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *order, *button;
  g_autofree char *subtitle = NULL;
  g_autofree char *position = NULL;
  g_autofree char *attrs = g_strjoinv (", ", label->attrs);

  if (label->key != NULL)
    /* Translators: a label's name and its key, e.g. "PLACE · key 2" */
    subtitle = g_strdup_printf (_("%s · key %s"), label->name, label->key);
  else
    /* Translators: a label's name, for a label without a key */
    subtitle = g_strdup_printf (_("%s · no key"), label->name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), spanmark_label_get_display_title (label));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), make_color_button (self, label));

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            make_entry (self, label, _("Name (renaming rewrites the annotations)"),
                                        label->name, "labels.rename"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            make_entry (self, label, _("Title"), label->title, "labels.set-title"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            make_entry (self, label, _("Key (one character, empty for none)"), label->key,
                                        "labels.set-key"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            make_entry (self, label, _("Attributes (separated by commas)"), attrs,
                                        "labels.set-attrs"));

  /* Up and down, side by side, as one control. */
  order = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (order, "linked");
  gtk_widget_set_valign (order, GTK_ALIGN_CENTER);
  button = make_button (self, "move-up", "go-up-symbolic", _("Move Up"), "labels.move",
                        g_variant_new ("(si)", label->name, -1));
  gtk_widget_set_sensitive (button, index > 0);
  gtk_box_append (GTK_BOX (order), button);
  button = make_button (self, "move-down", "go-down-symbolic", _("Move Down"), "labels.move",
                        g_variant_new ("(si)", label->name, 1));
  gtk_widget_set_sensitive (button, index + 1 < n);
  gtk_box_append (GTK_BOX (order), button);
  /* Translators: where a label is in the list, e.g. "2 of 3" */
  position = g_strdup_printf (_("%u of %u, as in the side panels"), index + 1, n);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), make_action_row (_("Position"), position, order));

  button = make_button (self, "remove", NULL, _("_Remove…"), "labels.remove", g_variant_new_string (label->name));
  gtk_widget_add_css_class (button, "destructive-action");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            make_action_row (_("Remove Label"),
                                             _("While spans use it, you are asked whether to delete them too"),
                                             button));

  g_object_set_data_full (G_OBJECT (row), LABEL_KEY, g_strdup (label->name), g_free);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, label->name));

  return row;
}

/* The rows are made again after every change: few labels, and a change
 * may rename, add, remove or reorder them.  Never at once: the change
 * comes from a widget of a row (its signal still running), and a rename
 * changes the schema twice. */
static void
rebuild_rows (SpanmarkLabelsPage *self)
{
  SpanmarkSchema *schema = spanmark_project_get_schema (self->project);
  guint n = spanmark_schema_get_n_labels (schema);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      g_signal_handlers_disconnect_by_data (row, self);
      adw_preferences_group_remove (self->labels_group, row);
    }
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = make_row (self, spanmark_schema_get_label (schema, i), i, n);

      g_signal_connect_swapped (row, "notify::expanded", G_CALLBACK (expanded_cb), self);
      adw_preferences_group_add (self->labels_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  SpanmarkLabelsPage *self = data;

  self->rebuild_id = 0;
  rebuild_rows (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (SpanmarkLabelsPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

/* Changes that rewrite annotation files: the window's open document is
 * saved before (its unsaved edits would be lost, or overwrite the
 * rewrite) and loaded again after. */

static gboolean
save_open_document (SpanmarkLabelsPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->window == NULL || !spanmark_window_get_dirty (self->window))
    return TRUE;

  ok = spanmark_window_save (self->window, &error);
  return report (self, ok, error);
}

static void
reload_open_document (SpanmarkLabelsPage *self)
{
  if (self->window != NULL && spanmark_window_get_document (self->window) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.reload", NULL);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SpanmarkLabelsPage *self = SPANMARK_LABELS_PAGE (widget);
  SpanmarkSchema *schema = spanmark_project_get_schema (self->project);
  g_autofree char *name = g_strstrip (g_strdup (g_variant_get_string (parameter, NULL)));
  g_autofree char *key = spanmark_label_rules_pick_key (schema);
  g_autoptr(SpanmarkLabel) label = NULL;
  g_autoptr(GError) error = NULL;
  gboolean opened, ok;

  label = spanmark_label_new (name, name, spanmark_label_rules_pick_color (schema), key, NULL);
  /* The new label's row opens, to be filled in. */
  opened = g_hash_table_add (self->expanded, g_strdup (name));
  ok = spanmark_label_ops_add (self->project, label, &error);
  if (!report (self, ok, error))
    {
      if (opened)
        g_hash_table_remove (self->expanded, name);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_label_row), "");
}

/* A copy of the label called @name, or NULL after a toast. */
static SpanmarkLabel *
copy_label (SpanmarkLabelsPage *self,
            const char         *name)
{
  const SpanmarkLabel *label = spanmark_schema_lookup (spanmark_project_get_schema (self->project), name);
  g_autofree char *message = NULL;

  if (label != NULL)
    return spanmark_label_copy (label);

  message = g_strdup_printf (_("There is no label “%s”"), name);
  show_message (self, message);
  return NULL;
}

static void
set_field_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SpanmarkLabelsPage *self = SPANMARK_LABELS_PAGE (widget);
  g_autoptr(SpanmarkLabel) label = NULL;
  g_autoptr(GError) error = NULL;
  const char *name, *value;
  char **field;

  g_variant_get (parameter, "(&s&s)", &name, &value);
  label = copy_label (self, name);
  if (label == NULL)
    return;

  if (g_str_equal (action_name, "labels.set-attrs"))
    {
      g_strfreev (label->attrs);
      label->attrs = spanmark_label_rules_split_attrs (value);
    }
  else
    {
      field = g_str_equal (action_name, "labels.set-title") ? &label->title
              : g_str_equal (action_name, "labels.set-key") ? &label->key
              : &label->color;
      g_free (*field);
      *field = g_strstrip (g_strdup (value));
      /* No key; no title: the name. */
      if (**field == '\0')
        g_clear_pointer (field, g_free);
      if (label->title == NULL)
        label->title = g_strdup (label->name);
    }

  /* A refused colour or key shows the label's own again. */
  if (!spanmark_label_ops_update (self->project, name, label, &error))
    {
      report (self, FALSE, error);
      queue_rebuild (self);
    }
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpanmarkLabelsPage *self = SPANMARK_LABELS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *new_name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *described = NULL;
  SpanmarkLabelUses uses;
  const char *old_name, *value;
  gboolean opened, ok;

  g_variant_get (parameter, "(&s&s)", &old_name, &value);
  new_name = g_strstrip (g_strdup (value));
  if (g_str_equal (old_name, new_name) || !save_open_document (self))
    return;

  /* The row stays open under its new name. */
  opened = g_hash_table_contains (self->expanded, old_name)
           && g_hash_table_add (self->expanded, g_strdup (new_name));
  ok = spanmark_label_ops_rename (self->project, old_name, new_name, &uses, NULL, &error);
  reload_open_document (self);
  if (!report (self, ok, error))
    {
      if (opened)
        g_hash_table_remove (self->expanded, new_name);
      queue_rebuild (self);
      return;
    }

  described = spanmark_label_ops_describe_uses (&uses);
  message = uses.n_files > 0 ? g_strdup_printf (_("Renamed “%s” to “%s”: rewrote %s"), old_name, new_name, described)
                             : g_strdup_printf (_("Renamed “%s” to “%s”"), old_name, new_name);
  show_message (self, message);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SpanmarkLabelsPage *self = SPANMARK_LABELS_PAGE (widget);
  SpanmarkSchema *schema = spanmark_project_get_schema (self->project);
  g_autoptr(GError) error = NULL;
  const char *name;
  int delta, index;

  g_variant_get (parameter, "(&si)", &name, &delta);
  index = spanmark_schema_get_index (schema, name) + delta;
  if (spanmark_schema_get_index (schema, name) < 0 || index < 0
      || index >= (int) spanmark_schema_get_n_labels (schema))
    return;

  if (!spanmark_label_ops_move (self->project, name, (guint) index, &error))
    report (self, FALSE, error);
}

static void
remove_now (SpanmarkLabelsPage *self,
            const char         *name,
            gboolean            with_spans)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *described = NULL;
  SpanmarkLabelUses deleted;
  gboolean ok;

  /* Even a label no span uses may be in a curated file's rejections,
   * which go with it. */
  if (!save_open_document (self))
    return;

  ok = spanmark_label_ops_remove (self->project, name, with_spans, &deleted, &error);
  if (with_spans || deleted.n_rejections > 0)
    reload_open_document (self);
  if (!report (self, ok, error))
    return;

  described = spanmark_label_ops_describe_uses (&deleted);
  message = deleted.n_files > 0 ? g_strdup_printf (_("Removed “%s” and deleted %s"), name, described)
                                : g_strdup_printf (_("Removed “%s”"), name);
  show_message (self, message);
}

static void
remove_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    SpanmarkLabelsPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), LABEL_KEY);

  /* Answered: the dialog closes. */
  if (self->dialog == dialog)
    g_clear_weak_pointer (&self->dialog);
  if (g_str_equal (response, "delete"))
    gtk_widget_activate_action (GTK_WIDGET (self), "labels.remove-with-spans", "s", name);
}

/* A label in use goes only with its spans, and only when the user says
 * so: deleting annotations cannot be undone. */
static void
ask_remove (SpanmarkLabelsPage      *self,
            const char              *name,
            const SpanmarkLabelUses *uses)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = g_strdup_printf (_("Delete the Spans of “%s”?"), name);
  g_autofree char *described = spanmark_label_ops_describe_uses (uses);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, NULL));
  adw_message_dialog_format_body (dialog,
                                  _("The label is used by %s, of every annotator. Removing it deletes them "
                                    "from the annotation files; this cannot be undone."),
                                  described);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Spans and Label"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), LABEL_KEY, g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);

  g_set_weak_pointer (&self->dialog, dialog);
  spanmark_display_present_dialog (dialog);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpanmarkLabelsPage *self = SPANMARK_LABELS_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  SpanmarkLabelUses uses;

  if (g_str_equal (action_name, "labels.remove-with-spans"))
    {
      remove_now (self, name, TRUE);
      return;
    }

  /* The open document counts as it is on disk. */
  if (!save_open_document (self))
    return;
  if (!spanmark_label_ops_count_uses (self->project, name, &uses, &error))
    {
      report (self, FALSE, error);
      return;
    }

  if (uses.n_files == 0)
    remove_now (self, name, FALSE);
  else
    ask_remove (self, name, &uses);
}

static void
new_label_apply_cb (SpanmarkLabelsPage *self,
                    AdwEntryRow        *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "labels.add", "s",
                              gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
schema_changed_cb (SpanmarkLabelsPage *self)
{
  queue_rebuild (self);
}

static void
spanmark_labels_page_dispose (GObject *object)
{
  SpanmarkLabelsPage *self = SPANMARK_LABELS_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->window);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (spanmark_project_get_schema (self->project), self);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (spanmark_labels_page_parent_class)->dispose (object);
}

static void
spanmark_labels_page_finalize (GObject *object)
{
  SpanmarkLabelsPage *self = SPANMARK_LABELS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (spanmark_labels_page_parent_class)->finalize (object);
}

static void
spanmark_labels_page_class_init (SpanmarkLabelsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spanmark_labels_page_dispose;
  object_class->finalize = spanmark_labels_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/spanmark-labels-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelsPage, labels_group);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkLabelsPage, new_label_row);
  gtk_widget_class_bind_template_callback (widget_class, new_label_apply_cb);

  gtk_widget_class_install_action (widget_class, "labels.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "labels.rename", "(ss)", rename_action);
  gtk_widget_class_install_action (widget_class, "labels.set-title", "(ss)", set_field_action);
  gtk_widget_class_install_action (widget_class, "labels.set-key", "(ss)", set_field_action);
  gtk_widget_class_install_action (widget_class, "labels.set-color", "(ss)", set_field_action);
  gtk_widget_class_install_action (widget_class, "labels.set-attrs", "(ss)", set_field_action);
  gtk_widget_class_install_action (widget_class, "labels.move", "(si)", move_action);
  gtk_widget_class_install_action (widget_class, "labels.remove", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "labels.remove-with-spans", "s", remove_action);
}

static void
spanmark_labels_page_init (SpanmarkLabelsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->message = g_strdup ("");
}

GtkWidget *
spanmark_labels_page_new (SpanmarkWindow *window)
{
  SpanmarkLabelsPage *self;

  g_return_val_if_fail (SPANMARK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (spanmark_window_get_project (window) != NULL, NULL);

  self = g_object_new (SPANMARK_TYPE_LABELS_PAGE, NULL);
  self->project = g_object_ref (spanmark_window_get_project (window));
  g_set_weak_pointer (&self->window, window);
  g_signal_connect_object (spanmark_project_get_schema (self->project), "changed",
                           G_CALLBACK (schema_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_rows (self);

  return GTK_WIDGET (self);
}

GtkWidget *
spanmark_labels_page_get_row (SpanmarkLabelsPage *self,
                              const char         *name)
{
  g_return_val_if_fail (SPANMARK_IS_LABELS_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (self->rows->pdata[i]), LABEL_KEY), name) == 0)
      return self->rows->pdata[i];

  return NULL;
}

const char *
spanmark_labels_page_get_message (SpanmarkLabelsPage *self)
{
  g_return_val_if_fail (SPANMARK_IS_LABELS_PAGE (self), NULL);

  return self->message;
}

GtkWidget *
spanmark_labels_page_get_dialog (SpanmarkLabelsPage *self)
{
  g_return_val_if_fail (SPANMARK_IS_LABELS_PAGE (self), NULL);

  return self->dialog != NULL ? GTK_WIDGET (self->dialog) : NULL;
}
