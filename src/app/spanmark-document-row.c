/* spanmark-document-row.c — one document in the document list
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "spanmark-document-row.h"

struct _SpanmarkDocumentRow
{
  GtkWidget         parent_instance;

  GtkWidget        *title_label;
  GtkWidget        *detail_label;
  GtkWidget        *team_box;
  GtkWidget        *status_label;
  SpanmarkDocument *document;
  char             *team_text;  /* what team_box shows, NULL: nobody */
};

G_DEFINE_FINAL_TYPE (SpanmarkDocumentRow, spanmark_document_row, GTK_TYPE_WIDGET)

static const char * const status_classes[] = {
  "status-new", "status-in-progress", "status-done", "status-reviewed", "status-unreadable",
};

static void
spanmark_document_row_dispose (GObject *object)
{
  SpanmarkDocumentRow *self = SPANMARK_DOCUMENT_ROW (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->title_label, gtk_widget_unparent);
  g_clear_pointer (&self->detail_label, gtk_widget_unparent);
  g_clear_pointer (&self->team_box, gtk_widget_unparent);
  g_clear_pointer (&self->status_label, gtk_widget_unparent);
  g_clear_pointer (&self->team_text, g_free);

  G_OBJECT_CLASS (spanmark_document_row_parent_class)->dispose (object);
}

static void
spanmark_document_row_class_init (SpanmarkDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spanmark_document_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
spanmark_document_row_init (SpanmarkDocumentRow *self)
{
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *team = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_add_css_class (status, "document-status");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "numeric");
  gtk_widget_set_visible (detail, FALSE);
  gtk_widget_add_css_class (team, "document-team");
  gtk_widget_set_valign (team, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (team, FALSE);
  gtk_widget_set_parent (title, GTK_WIDGET (self));
  gtk_widget_set_parent (detail, GTK_WIDGET (self));
  gtk_widget_set_parent (team, GTK_WIDGET (self));
  gtk_widget_set_parent (status, GTK_WIDGET (self));
  self->title_label = title;
  self->detail_label = detail;
  self->team_box = team;
  self->status_label = status;
}

GtkWidget *
spanmark_document_row_new (void)
{
  return g_object_new (SPANMARK_TYPE_DOCUMENT_ROW, NULL);
}

SpanmarkDocument *
spanmark_document_row_get_document (SpanmarkDocumentRow *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_ROW (self), NULL);

  return self->document;
}

void
spanmark_document_row_set_document (SpanmarkDocumentRow *self,
                                    SpanmarkDocument    *document)
{
  g_return_if_fail (SPANMARK_IS_DOCUMENT_ROW (self));
  g_return_if_fail (document == NULL || SPANMARK_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  /* Titles are user data: plain text, never markup. */
  gtk_label_set_text (GTK_LABEL (self->title_label), document != NULL ? spanmark_document_get_display_title (document) : "");
}

static void
show_status (SpanmarkDocumentRow *self,
             const char          *text,
             const char          *css_class,
             const char          *tooltip)
{
  /* Rows are updated again on every refresh, and most updates change
   * nothing: setting a tooltip, even the same one, asks the display where
   * the pointer is (two round trips to the X server per row in GTK 4.8,
   * most of the list's cost at open), and a class taken off and put back
   * restyles the label.  Only what changed is set. */
  if (!gtk_widget_has_css_class (self->status_label, css_class))
    {
      for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
        gtk_widget_remove_css_class (self->status_label, status_classes[i]);
      gtk_widget_add_css_class (self->status_label, css_class);
    }
  gtk_label_set_text (GTK_LABEL (self->status_label), text);
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self)), tooltip) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
}

void
spanmark_document_row_update (SpanmarkDocumentRow *self,
                              SpanmarkStatusCache *statuses)
{
  SpanmarkProject *project;
  g_autoptr(GFile) file = NULL;
  g_autofree char *css_class = NULL;
  SpanmarkStatus status;

  g_return_if_fail (SPANMARK_IS_DOCUMENT_ROW (self));
  g_return_if_fail (SPANMARK_IS_STATUS_CACHE (statuses));

  if (self->document == NULL)
    return;

  /* An entry of spanmark.json that cannot be used stays in the list,
   * saying why, so nobody wonders where the document went. */
  if (spanmark_document_get_problem (self->document) != NULL)
    {
      show_status (self, C_("document status", "Broken"), "status-unreadable",
                   spanmark_document_get_problem (self->document));
      return;
    }

  /* A file that failed to load says so in the list too, not "New": a
   * reviewer scanning the list must see that work is there but unreadable. */
  project = spanmark_status_cache_get_project (statuses);
  if (spanmark_project_is_valid_annotator (spanmark_status_cache_get_annotator (statuses)))
    file = spanmark_project_get_annotation_file (project, self->document,
                                                 spanmark_status_cache_get_annotator (statuses));
  if (file != NULL && spanmark_project_is_file_broken (project, file))
    {
      show_status (self, C_("document status", "Unreadable"), "status-unreadable", NULL);
      return;
    }

  status = spanmark_status_cache_get (statuses, self->document);
  css_class = g_strconcat ("status-", spanmark_status_to_string (status), NULL);
  show_status (self, spanmark_status_get_title (status), css_class, NULL);
}

const char *
spanmark_document_row_get_status_text (SpanmarkDocumentRow *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_ROW (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->status_label));
}

void
spanmark_document_row_set_detail (SpanmarkDocumentRow *self,
                                  const char          *detail)
{
  g_return_if_fail (SPANMARK_IS_DOCUMENT_ROW (self));

  gtk_label_set_text (GTK_LABEL (self->detail_label), detail != NULL ? detail : "");
  gtk_widget_set_visible (self->detail_label, detail != NULL && detail[0] != '\0');
}

const char *
spanmark_document_row_get_detail (SpanmarkDocumentRow *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_ROW (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->detail_label));
}

/* One small avatar with the annotator's initials: full colour when they
 * are done, dimmed while in progress, and the words in its tooltip, so
 * the mark never rests on colour alone. */
/* A tooltip set on a visible widget makes GTK 4.8 ask the display where
 * the pointer is, two round trips to the X server: the team's marks,
 * which come for every bound row at once when the team's progress is
 * in, set theirs while the widget is hidden. */
static void
set_tooltip_hidden (GtkWidget  *widget,
                    const char *text)
{
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
}

static GtkWidget *
team_avatar_new (const char     *annotator,
                 SpanmarkStatus  status)
{
  gboolean done = status == SPANMARK_STATUS_DONE || status == SPANMARK_STATUS_REVIEWED;
  GtkWidget *avatar = adw_avatar_new (18, annotator, TRUE);
  /* Translators: an annotator and their status of a document, "alice: Done". */
  g_autofree char *text = g_strdup_printf (C_("annotator status", "%s: %s"), annotator, spanmark_status_get_title (status));

  gtk_widget_add_css_class (avatar, done ? "team-done" : "team-in-progress");
  if (!done)
    gtk_widget_add_css_class (avatar, "dim-label");
  set_tooltip_hidden (avatar, text);
  gtk_widget_set_visible (avatar, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (avatar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return avatar;
}

void
spanmark_document_row_set_team (SpanmarkDocumentRow  *self,
                                SpanmarkTeamProgress *team)
{
  g_autofree char *text = NULL;
  GtkWidget *child;

  g_return_if_fail (SPANMARK_IS_DOCUMENT_ROW (self));

  if (team != NULL && self->document != NULL)
    text = spanmark_team_progress_describe_document (team, spanmark_document_get_id (self->document));
  /* Rows are bound again on every refresh: rebuild only what changed. */
  if (g_strcmp0 (text, self->team_text) == 0)
    return;

  while ((child = gtk_widget_get_first_child (self->team_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->team_box), child);
  g_free (self->team_text);
  self->team_text = g_steal_pointer (&text);
  set_tooltip_hidden (self->team_box, self->team_text);
  if (self->team_text == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->team_box), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }
  gtk_widget_set_visible (self->team_box, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->team_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->team_text, -1);

  for (guint a = 0; a < spanmark_team_progress_get_n_annotators (team); a++)
    {
      SpanmarkStatus status;

      if (spanmark_team_progress_get_status (team, spanmark_document_get_id (self->document), a, &status))
        gtk_box_append (GTK_BOX (self->team_box),
                        team_avatar_new (spanmark_team_progress_get_annotator (team, a), status));
    }
}

const char *
spanmark_document_row_get_team_text (SpanmarkDocumentRow *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_ROW (self), NULL);

  return self->team_text;
}

GtkWidget *
spanmark_document_row_get_team_box (SpanmarkDocumentRow *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_ROW (self), NULL);

  return self->team_box;
}
