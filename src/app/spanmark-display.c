/* spanmark-display.c — how schema names and messages are shown in the window
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "spanmark-display.h"
#include "spanmark-text.h"

/* The attribute names of the default schema (src/core/model/spanmark-schema.c).
 * They are keys in the JSON files and never change there; the marks let
 * xgettext extract them so translators can name them for display. */
static const char * const known_attrs[] = {
  /* Translators: attribute of an official: the office held, e.g. 县委书记. */
  NC_("attribute", "title"),
  /* Translators: attribute of an official: the region governed. */
  NC_("attribute", "region"),
  /* Translators: attribute of a place: what kind of place, e.g. 县, 镇. */
  NC_("attribute", "kind"),
};

const char *
spanmark_display_attr_name (const char *attr)
{
  g_return_val_if_fail (attr != NULL, NULL);

  /* A project may define its own attributes: those have no translation
   * and are shown as the project spells them. */
  for (guint i = 0; i < G_N_ELEMENTS (known_attrs); i++)
    if (g_str_equal (attr, known_attrs[i]))
      return g_dpgettext2 (GETTEXT_PACKAGE, "attribute", attr);

  return attr;
}

static gboolean
has_value (GHashTable *attrs,
           const char *key)
{
  const char *value = g_hash_table_lookup (attrs, key);

  return value != NULL && *value != '\0';
}

GPtrArray *
spanmark_display_attr_keys (const SpanmarkLabel *label,
                            GHashTable          *attrs)
{
  GPtrArray *keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (attrs != NULL, keys);

  if (label != NULL)
    for (guint i = 0; label->attrs[i] != NULL; i++)
      if (g_hash_table_lookup_extended (attrs, label->attrs[i], &key, NULL)
          && has_value (attrs, key))
        g_ptr_array_add (keys, key);

  g_hash_table_iter_init (&iter, attrs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (has_value (attrs, key)
        && (label == NULL || !g_strv_contains ((const char * const *) label->attrs, key)))
      g_ptr_array_add (others, key);
  g_ptr_array_sort (others, spanmark_text_compare_strings);
  g_ptr_array_extend (keys, others, NULL, NULL);

  return keys;
}

char *
spanmark_display_menu_text (const char *text)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  parts = g_strsplit (text, "_", -1);
  return g_strjoinv ("__", parts);
}

AdwToast *
spanmark_display_new_toast (const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

/* The default widget is the safe response's button of the layout shown
 * (side by side, or stacked when the labels do not fit): it is set when
 * the dialog maps and again when the layout is chosen, after the dialog
 * has put the focus on the first button it found — in a stacked layout,
 * the last response added, often the destructive one. */
static void
focus_default (GtkWindow *dialog)
{
  GtkWidget *widget = gtk_window_get_default_widget (dialog);

  if (widget != NULL && gtk_widget_get_mapped (widget) && gtk_window_get_focus (dialog) != widget)
    gtk_widget_grab_focus (widget);
}

static void
default_widget_changed_cb (GtkWindow  *dialog,
                           GParamSpec *pspec,
                           gpointer    user_data)
{
  focus_default (dialog);
}

void
spanmark_display_present_dialog (AdwMessageDialog *dialog)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (adw_message_dialog_get_default_response (dialog) != NULL);

  g_signal_connect (dialog, "notify::default-widget", G_CALLBACK (default_widget_changed_cb), NULL);
  g_signal_connect_after (dialog, "map", G_CALLBACK (focus_default), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  gtk_tooltip_set_text (tooltip, spanmark_display_get_tooltip (widget));
  return TRUE;
}

void
spanmark_display_set_tooltip (GtkWidget  *widget,
                              const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  if (spanmark_display_get_tooltip (widget) == NULL)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_object_set_data (G_OBJECT (widget), "spanmark-tooltip", (gpointer) text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_widget_set_has_tooltip (widget, TRUE);
}

const char *
spanmark_display_get_tooltip (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), "spanmark-tooltip");
}

static void
status_page_map_cb (GtkWidget *widget,
                    gpointer   user_data)
{
  const char *icon_name = user_data;

  g_signal_handlers_disconnect_by_func (widget, status_page_map_cb, user_data);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (widget), icon_name);
}

void
spanmark_display_set_status_icon (AdwStatusPage *page,
                                  const char    *icon_name)
{
  g_return_if_fail (ADW_IS_STATUS_PAGE (page));
  g_return_if_fail (icon_name != NULL);

  g_signal_handlers_disconnect_matched (page, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, status_page_map_cb, NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (page)))
    adw_status_page_set_icon_name (page, icon_name);
  else
    g_signal_connect (page, "map", G_CALLBACK (status_page_map_cb), (gpointer) icon_name);
}
