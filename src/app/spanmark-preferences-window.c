/* spanmark-preferences-window.c — Preferences (AdwPreferencesWindow)
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-display.h"
#include "spanmark-labels-page.h"
#include "spanmark-preferences-window.h"
#include "spanmark-project.h"
#include "spanmark-settings.h"

struct _SpanmarkPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *annotator_group;
  AdwEntryRow          *annotator_row;
  GtkSpinButton        *font_size_spin;
  GtkSpinButton        *line_spacing_spin;
  GtkSwitch            *label_chips_switch;
  GtkSpinButton        *autosave_spin;
  GtkSpinButton        *auto_sync_spin;

  /* Owned references */
  SpanmarkSettings     *settings;
  GtkWidget            *labels_page;  /* borrowed; NULL without a project */
};

G_DEFINE_FINAL_TYPE (SpanmarkPreferencesWindow, spanmark_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
annotator_name_is_acceptable (const char *name)
{
  /* Empty means "use my login name", which the settings object handles. */
  return name[0] == '\0' || spanmark_project_is_valid_annotator (name);
}

/* Shows, under the group title, the folder the annotations really go to,
 * so the annotator sees the effect of an empty name too. */
static void
update_annotator_description (SpanmarkPreferencesWindow *self)
{
  g_autofree char *annotator = spanmark_settings_dup_annotator (self->settings);
  g_autofree char *description = NULL;

  description = g_strdup_printf (_("Your annotations are saved in each project under annotations/%s/. "
                                   "Leave the name empty to use your login name."),
                                 annotator);
  adw_preferences_group_set_description (self->annotator_group, description);
}

static void
annotator_name_changed_cb (SpanmarkPreferencesWindow *self,
                           const char                *key,
                           GSettings                 *gsettings)
{
  update_annotator_description (self);
}

static void
annotator_row_changed_cb (SpanmarkPreferencesWindow *self,
                          GtkEditable               *editable)
{
  const char *text = gtk_editable_get_text (editable);

  if (annotator_name_is_acceptable (text))
    gtk_widget_remove_css_class (GTK_WIDGET (self->annotator_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->annotator_row), "error");
}

/* The name is stored only when applied (Enter or the apply button), not
 * on every key press: the name picks the folder autosave writes to, and
 * half-typed names must not create folders. */
static void
annotator_row_apply_cb (SpanmarkPreferencesWindow *self,
                        AdwEntryRow               *row)
{
  GSettings *gsettings = spanmark_settings_get_gsettings (self->settings);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (!annotator_name_is_acceptable (name))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the name the user typed. */
      message = g_strdup_printf (_("“%s” cannot be an annotator name: use letters, digits, “-”, “_” or “.”, not starting with “.”"),
                                 name);
      /* The name as typed, "<b>" and "&" included: plain text. */
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), spanmark_display_new_toast (message));
      return;
    }

  g_settings_set_string (gsettings, "annotator-name", name);
  gtk_editable_set_text (GTK_EDITABLE (row), name);
}

static void
spanmark_preferences_window_dispose (GObject *object)
{
  SpanmarkPreferencesWindow *self = SPANMARK_PREFERENCES_WINDOW (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (spanmark_settings_get_gsettings (self->settings), self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (spanmark_preferences_window_parent_class)->dispose (object);
}

static void
spanmark_preferences_window_class_init (SpanmarkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spanmark_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/spanmark-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpanmarkPreferencesWindow, annotator_group);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkPreferencesWindow, annotator_row);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkPreferencesWindow, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkPreferencesWindow, line_spacing_spin);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkPreferencesWindow, label_chips_switch);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkPreferencesWindow, auto_sync_spin);
  gtk_widget_class_bind_template_callback (widget_class, annotator_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, annotator_row_changed_cb);
}

static void
spanmark_preferences_window_init (SpanmarkPreferencesWindow *self)
{
  GSettings *gsettings;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_object_ref (spanmark_settings_get_default ());
  gsettings = spanmark_settings_get_gsettings (self->settings);

  /* The numbers follow the settings both ways; GSettings converts between
   * the keys' integer types and the spin buttons' doubles. */
  g_settings_bind (gsettings, "font-size",
                   gtk_spin_button_get_adjustment (self->font_size_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (gsettings, "line-spacing",
                   gtk_spin_button_get_adjustment (self->line_spacing_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (gsettings, "show-label-chips", self->label_chips_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (gsettings, "autosave-delay",
                   gtk_spin_button_get_adjustment (self->autosave_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (gsettings, "auto-sync-minutes",
                   gtk_spin_button_get_adjustment (self->auto_sync_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);

  /* The name follows the key; writing back happens on apply (above). */
  g_settings_bind (gsettings, "annotator-name",
                   self->annotator_row, "text",
                   G_SETTINGS_BIND_GET);

  g_signal_connect_object (gsettings, "changed::annotator-name",
                           G_CALLBACK (annotator_name_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_annotator_description (self);
}

GtkWidget *
spanmark_preferences_window_new (GtkWindow *parent)
{
  SpanmarkPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (SPANMARK_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);

  /* The labels are the project's (spanmark.json), not the user's: the
   * page is there when Preferences opens over a window with a project. */
  if (SPANMARK_IS_WINDOW (parent) && spanmark_window_get_project (SPANMARK_WINDOW (parent)) != NULL)
    {
      self->labels_page = spanmark_labels_page_new (SPANMARK_WINDOW (parent));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->labels_page));
    }

  return GTK_WIDGET (self);
}

SpanmarkLabelsPage *
spanmark_preferences_window_get_labels_page (SpanmarkPreferencesWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_PREFERENCES_WINDOW (self), NULL);

  return self->labels_page != NULL ? SPANMARK_LABELS_PAGE (self->labels_page) : NULL;
}
