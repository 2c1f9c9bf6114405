/* spanmark-search-bar.c — find text in the open document
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "spanmark-search-bar.h"

struct _SpanmarkSearchBar
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *entry;
  GtkLabel             *count_label;

  SpanmarkDocumentView *view;   /* weak: the window owns both */
};

G_DEFINE_FINAL_TYPE (SpanmarkSearchBar, spanmark_search_bar, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How many times @needle occurs in @text, overlapping occurrences too (as
 * Ctrl+G visits them), and in @position the 1-based rank of the one at
 * @at. */
static guint
count_matches (const char *text,
               const char *needle,
               const char *at,
               guint      *position)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (g_utf8_next_char (p), needle))
    {
      n++;
      if (p == at)
        *position = n;
    }

  return n;
}

/* Selects the first match of the search text at the selection (while
 * typing, and Enter, which keeps the match typing found) or after it
 * (Ctrl+G), wrapping round at the end, and says which of how many it is.
 * No match rings the bell and marks the entry. */
static gboolean
find_match (SpanmarkSearchBar *self,
            gboolean           after_selection)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  SpanmarkAnnotationSet *set = self->view != NULL ? spanmark_document_view_get_annotation_set (self->view) : NULL;
  g_autofree char *count = NULL;
  SpanmarkTextIndex *index;
  const char *text, *found;
  guint start, end, position = 0, n;
  gsize byte;

  gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  gtk_label_set_text (self->count_label, "");
  if (set == NULL || needle[0] == '\0')
    return FALSE;

  spanmark_document_view_get_selection (self->view, &start, &end);
  if (after_selection && start < end)
    start++;

  index = spanmark_annotation_set_get_text_index (set);
  text = spanmark_annotation_set_get_text (set);
  byte = spanmark_text_index_char_to_byte (index, MIN (start, spanmark_annotation_set_get_length (set)));
  found = strstr (text + byte, needle);
  if (found == NULL)
    found = strstr (text, needle);
  if (found == NULL)
    {
      gtk_label_set_text (self->count_label, _("No matches"));
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  start = spanmark_text_index_byte_to_char (index, (gsize) (found - text));
  spanmark_document_view_select_range (self->view, start, start + (guint) g_utf8_strlen (needle, -1));

  n = count_matches (text, needle, found, &position);
  /* Translators: which search match is selected, e.g. "2 of 5". */
  count = g_strdup_printf (C_("search matches", "%u of %u"), position, n);
  gtk_label_set_text (self->count_label, count);

  return TRUE;
}

static void
search_changed_cb (GtkSearchEntry    *entry,
                   SpanmarkSearchBar *self)
{
  find_match (self, FALSE);
}

/* Enter: keep the match typing selected (the first one from the caret,
 * not the one after it) and hand the keyboard to the text, so the match
 * can be tagged with its key at once; Ctrl+G goes on to the next. */
static void
activate_cb (GtkSearchEntry    *entry,
             SpanmarkSearchBar *self)
{
  find_match (self, FALSE);
  if (self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
stop_search_cb (GtkSearchEntry    *entry,
                SpanmarkSearchBar *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
spanmark_search_bar_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SpanmarkSearchBar *self = SPANMARK_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_search_bar_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SpanmarkSearchBar *self = SPANMARK_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      spanmark_search_bar_set_view (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_search_bar_dispose (GObject *object)
{
  SpanmarkSearchBar *self = SPANMARK_SEARCH_BAR (object);

  g_clear_weak_pointer (&self->view);
  gtk_widget_dispose_template (GTK_WIDGET (self), SPANMARK_TYPE_SEARCH_BAR);

  G_OBJECT_CLASS (spanmark_search_bar_parent_class)->dispose (object);
}

static void
spanmark_search_bar_class_init (SpanmarkSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = spanmark_search_bar_get_property;
  object_class->set_property = spanmark_search_bar_set_property;
  object_class->dispose = spanmark_search_bar_dispose;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL,
                         SPANMARK_TYPE_DOCUMENT_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/spanmark-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, SpanmarkSearchBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkSearchBar, entry);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkSearchBar, count_label);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
spanmark_search_bar_init (SpanmarkSearchBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->entry));
}

GtkWidget *
spanmark_search_bar_new (void)
{
  return g_object_new (SPANMARK_TYPE_SEARCH_BAR, NULL);
}

SpanmarkDocumentView *
spanmark_search_bar_get_view (SpanmarkSearchBar *self)
{
  g_return_val_if_fail (SPANMARK_IS_SEARCH_BAR (self), NULL);

  return self->view;
}

void
spanmark_search_bar_set_view (SpanmarkSearchBar    *self,
                              SpanmarkDocumentView *view)
{
  g_return_if_fail (SPANMARK_IS_SEARCH_BAR (self));
  g_return_if_fail (view == NULL || SPANMARK_IS_DOCUMENT_VIEW (view));

  if (g_set_weak_pointer (&self->view, view))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

void
spanmark_search_bar_start (SpanmarkSearchBar *self)
{
  g_return_if_fail (SPANMARK_IS_SEARCH_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

gboolean
spanmark_search_bar_find_next (SpanmarkSearchBar *self)
{
  g_return_val_if_fail (SPANMARK_IS_SEARCH_BAR (self), FALSE);

  return find_match (self, TRUE);
}
