/* spanmark-review-panel.c — review mode's side panel: the unit at the cursor, the document's figures
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "spanmark-display.h"
#include "spanmark-review-panel.h"

struct _SpanmarkReviewPanel
{
  GtkWidget              parent_instance;

  /* Template widgets */
  GtkWidget             *scroller;
  GtkLabel              *progress_label;
  GtkWidget             *unit_box;
  GtkImage              *state_icon;
  GtkLabel              *state_label;
  GtkLabel              *unit_text_label;
  GtkListBox            *annotator_list;
  AdwActionRow          *curated_row;
  GtkWidget             *no_unit_label;
  GtkLabel              *status_label;
  GtkWidget             *take_button;
  GtkWidget             *reviewed_button;
  GtkWidget             *reopen_button;
  GtkWidget             *figures_box;
  GtkListBox            *figures_list;
  GMenu                 *take_menu;

  /* Owned references */
  SpanmarkSchema        *schema;
  SpanmarkCuration      *curation;
  guint                  unit;        /* G_MAXUINT: none */
  GHashTable            *progress;    /* annotator → documents done, after a sync; NULL: none */
  guint                  n_documents;
  guint                  refresh_id;
};

G_DEFINE_FINAL_TYPE (SpanmarkReviewPanel, spanmark_review_panel, GTK_TYPE_WIDGET)

static const char * const state_classes[] = { "success", "accent", "warning", "error" };

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
annotator_name (SpanmarkReviewPanel *self,
                guint                index)
{
  return spanmark_annotation_set_get_annotator (spanmark_curation_get_annotator_set (self->curation, index));
}

/* "Places · 12–15 · 青溪市": a version as the reviewer reads it. */
static char *
describe (SpanmarkReviewPanel *self,
          guint                start,
          guint                end,
          const char          *label_name)
{
  SpanmarkAnnotationSet *curated = spanmark_curation_get_curated (self->curation);
  const SpanmarkLabel *label = spanmark_schema_lookup (self->schema, label_name);
  g_autofree char *text = spanmark_text_index_slice (spanmark_annotation_set_get_text_index (curated), start, end);

  /* Translators: one version of a span in review mode: its label, its
   * offsets and the text it covers (which may have quotes of its own),
   * e.g. "Places · 12–15 · 青溪市". */
  return g_strdup_printf (C_("span version", "%s · %u–%u · %s"),
                          label != NULL ? spanmark_label_get_display_title (label) : label_name,
                          start, end, text);
}

/* The curated spans over @unit, and how many of them are none of its
 * versions (the reviewer's own). */
static GPtrArray *
curated_spans (SpanmarkReviewPanel *self,
               const SpanmarkUnit  *unit,
               guint               *n_own)
{
  GPtrArray *spans = spanmark_annotation_set_get_spans_in_range (spanmark_curation_get_curated (self->curation),
                                                                  unit->start, unit->end);

  *n_own = 0;
  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);
      gboolean version = FALSE;

      for (guint v = 0; !version && v < unit->n_versions; v++)
        version = unit->versions[v].start == span->start && unit->versions[v].end == span->end
                  && g_strcmp0 (unit->versions[v].label, span->label) == 0;
      *n_own += !version;
    }
  return spans;
}

static GtkWidget *
make_annotator_row (SpanmarkReviewPanel *self,
                    const SpanmarkUnit  *unit,
                    guint                annotator,
                    gboolean             is_curated)
{
  const char *name = annotator_name (self, annotator);
  g_autoptr(GString) versions = g_string_new (NULL);
  g_autofree char *tooltip = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *number = g_strdup_printf ("%u", annotator + 1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *lane = gtk_label_new (number);
  GtkWidget *take;

  for (guint v = 0; v < unit->n_versions; v++)
    if (spanmark_unit_version_has_annotator (&unit->versions[v], annotator))
      {
        g_autofree char *text = describe (self, unit->versions[v].start, unit->versions[v].end,
                                          unit->versions[v].label);

        g_string_append_printf (versions, "%s%s", versions->len > 0 ? "\n" : "", text);
      }

  /* Names and texts are user data: plain text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), versions->len > 0 ? versions->str : _("Nothing here"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  /* The lane number: the lanes below the text are in this order. */
  gtk_widget_add_css_class (lane, "lane-number");
  gtk_widget_add_css_class (lane, "numeric");
  gtk_widget_set_valign (lane, GTK_ALIGN_CENTER);
  /* Translators: the lane of an annotator below the text, e.g. "Lane 2". */
  accessible = g_strdup_printf (_("Lane %u"), annotator + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (lane), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), lane);

  if (is_curated)
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_add_css_class (check, "success");
      gtk_widget_set_tooltip_text (check, _("The curated version has this reading"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("The curated version has this reading"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
    }

  if (self->progress != NULL && g_hash_table_contains (self->progress, name))
    {
      guint done = GPOINTER_TO_UINT (g_hash_table_lookup (self->progress, name));
      /* TRANSLATORS: an annotator's progress after a team sync: documents done of all */
      g_autofree char *text = g_strdup_printf (_("Done: %u of %u"), done, self->n_documents);
      GtkWidget *progress = gtk_label_new (text);

      gtk_widget_set_name (progress, "review-annotator-progress");
      gtk_widget_add_css_class (progress, "dim-label");
      gtk_widget_add_css_class (progress, "numeric");
      gtk_widget_set_valign (progress, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), progress);
    }

  take = gtk_button_new_with_mnemonic (_("_Take"));
  gtk_widget_set_valign (take, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (take, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (take), "win.review-accept-annotator");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (take), "u", annotator);
  if (annotator < 9)
    /* Translators: %s is an annotator, %u their number (Alt+1 … Alt+9). */
    tooltip = g_strdup_printf (_("Take %s’s reading of this unit (Alt+%u)"), name, annotator + 1);
  else
    tooltip = g_strdup_printf (_("Take %s’s reading of this unit"), name);
  gtk_widget_set_tooltip_text (take, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (take), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), take);

  return row;
}

static void
show_state (SpanmarkReviewPanel *self,
            const SpanmarkUnit  *unit,
            gboolean             open)
{
  const char *state, *icon;
  g_autofree char *text = NULL;
  guint css;

  switch (unit->state)
    {
    case SPANMARK_UNIT_DISAGREED:
      state = _("Annotators disagree");
      break;
    case SPANMARK_UNIT_INCOMPLETE:
      state = _("Not everyone tagged this");
      break;
    case SPANMARK_UNIT_AGREED:
    default:
      state = _("Annotators agree");
      break;
    }

  if (!open)
    {
      icon = "emblem-ok-symbolic";
      css = 0;
    }
  else if (unit->state == SPANMARK_UNIT_DISAGREED)
    {
      icon = "dialog-warning-symbolic";
      css = 3;
    }
  else if (unit->state == SPANMARK_UNIT_INCOMPLETE)
    {
      icon = "dialog-question-symbolic";
      css = 2;
    }
  else
    {
      icon = "list-add-symbolic";
      css = 1;
    }

  /* Translators: a unit's state in review mode, then whether it is
   * decided, e.g. "Annotators disagree — open". */
  text = g_strdup_printf (open ? C_("unit state", "%s — open") : C_("unit state", "%s — decided"), state);
  gtk_label_set_text (self->state_label, text);
  gtk_image_set_from_icon_name (self->state_icon, icon);
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), state_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), state_classes[css]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_icon), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
show_curated (SpanmarkReviewPanel *self,
              const SpanmarkUnit  *unit)
{
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean all_rejected = unit->n_versions > 0;
  guint n_own;

  spans = curated_spans (self, unit, &n_own);
  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);
      g_autofree char *one = describe (self, span->start, span->end, span->label);

      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", one);
    }
  for (guint v = 0; v < unit->n_versions; v++)
    all_rejected &= unit->versions[v].rejected;

  if (text->len == 0)
    g_string_append (text, all_rejected ? _("Nothing: every version rejected") : _("Nothing yet"));
  adw_action_row_set_subtitle (self->curated_row, text->str);
}

static void
show_unit (SpanmarkReviewPanel *self)
{
  SpanmarkAnnotationSet *curated;
  const SpanmarkUnit *unit;
  g_autoptr(GPtrArray) spans = NULL;
  g_autofree char *covered = NULL;
  g_autofree char *text = NULL;
  guint n_own;

  remove_rows (self->annotator_list);
  if (self->curation == NULL || self->unit >= spanmark_curation_get_n_units (self->curation))
    {
      gtk_widget_set_visible (self->unit_box, FALSE);
      gtk_widget_set_visible (self->no_unit_label, self->curation != NULL);
      return;
    }

  curated = spanmark_curation_get_curated (self->curation);
  unit = spanmark_curation_get_unit (self->curation, self->unit);
  show_state (self, unit, spanmark_curation_is_unit_open (self->curation, self->unit));

  covered = spanmark_text_index_slice (spanmark_annotation_set_get_text_index (curated), unit->start, unit->end);
  /* Translators: the text of a unit and its offsets, e.g.
   * "青溪市市长 · characters 72–77". */
  text = g_strdup_printf (_("%s · characters %u–%u"), covered, unit->start, unit->end);
  gtk_label_set_text (self->unit_text_label, text);

  spans = curated_spans (self, unit, &n_own);
  for (guint a = 0; a < spanmark_curation_get_n_annotators (self->curation); a++)
    {
      /* The curated version reads the unit as this annotator does: the
       * same versions taken, nothing of the reviewer's own. */
      gboolean same = n_own == 0;

      for (guint v = 0; same && v < unit->n_versions; v++)
        same = spanmark_unit_version_has_annotator (&unit->versions[v], a) == unit->versions[v].curated;
      gtk_list_box_append (self->annotator_list, make_annotator_row (self, unit, a, same));
    }
  show_curated (self, unit);

  gtk_widget_set_visible (self->no_unit_label, FALSE);
  gtk_widget_set_visible (self->unit_box, TRUE);
}

static void
show_document (SpanmarkReviewPanel *self)
{
  SpanmarkStatus status;
  g_autofree char *text = NULL;
  guint n_units, n_open;

  if (self->curation == NULL)
    {
      /* Review mode on a document no annotator has a file for. */
      gtk_label_set_text (self->progress_label, _("No annotator has tagged this document yet"));
      gtk_label_set_text (self->status_label, "");
      return;
    }

  n_units = spanmark_curation_get_n_units (self->curation);
  n_open = spanmark_curation_get_n_open_units (self->curation);
  if (n_units == 0)
    text = g_strdup (_("No spans to compare"));
  else if (n_open == 0)
    text = g_strdup_printf (ngettext ("All %u unit decided", "All %u units decided", n_units), n_units);
  else
    /* Translators: review progress, e.g. "5 of 31 units open". */
    text = g_strdup_printf (ngettext ("%u of %u unit open", "%u of %u units open", n_units), n_open, n_units);
  gtk_label_set_text (self->progress_label, text);
  g_clear_pointer (&text, g_free);

  status = spanmark_annotation_set_get_status (spanmark_curation_get_curated (self->curation));
  /* Translators: the status of the curated version, e.g. "Curated
   * version: In progress". */
  text = g_strdup_printf (_("Curated version: %s"), spanmark_status_get_title (status));
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (self->reviewed_button, status != SPANMARK_STATUS_REVIEWED);
  gtk_widget_set_visible (self->reopen_button, status == SPANMARK_STATUS_REVIEWED);
}

static void
refresh (SpanmarkReviewPanel *self)
{
  show_document (self);
  show_unit (self);
}

static void
fill_take_menu (SpanmarkReviewPanel *self)
{
  g_menu_remove_all (self->take_menu);
  for (guint a = 0; self->curation != NULL && a < spanmark_curation_get_n_annotators (self->curation); a++)
    {
      g_autoptr(GMenuItem) item = NULL;
      /* A name is not a mnemonic: its underscores stay underscores. */
      g_autofree char *label = spanmark_display_menu_text (annotator_name (self, a));

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.review-take-annotator", g_variant_new_uint32 (a));
      g_menu_append_item (self->take_menu, item);
    }
}

static char *
format_figure (SpanmarkFigure figure)
{
  switch (figure.reason)
    {
    case SPANMARK_FIGURE_DEFINED:
      return g_strdup_printf ("%.2f", figure.value);
    case SPANMARK_FIGURE_NO_UNITS:
      /* Translators: an undefined agreement figure, and why. */
      return g_strdup (_("— (no characters)"));
    case SPANMARK_FIGURE_SINGLE_CATEGORY:
      return g_strdup (_("— (one category only)"));
    case SPANMARK_FIGURE_NO_SPANS:
      return g_strdup (_("— (no spans)"));
    case SPANMARK_FIGURE_NO_DOCUMENTS:
    case SPANMARK_FIGURE_TOO_FEW_ANNOTATORS:
    default:
      return g_strdup ("—");
    }
}

void
spanmark_review_panel_set_figures (SpanmarkReviewPanel *self,
                                   SpanmarkAgreement   *agreement)
{
  g_return_if_fail (SPANMARK_IS_REVIEW_PANEL (self));

  remove_rows (self->figures_list);
  gtk_widget_set_visible (self->figures_box, agreement != NULL);
  if (agreement == NULL)
    return;

  for (guint p = 0; p < spanmark_agreement_get_n_pairs (agreement); p++)
    {
      GtkWidget *row = adw_action_row_new ();
      SpanmarkPairFigures figures;
      g_autofree char *title = NULL;
      g_autofree char *kappa = NULL;
      g_autofree char *f1 = NULL;
      g_autofree char *subtitle = NULL;

      spanmark_agreement_get_pair (agreement, p, &figures);
      /* Translators: a pair of annotators, e.g. "wang – zhao". */
      title = g_strdup_printf (C_("annotator pair", "%s – %s"),
                               spanmark_agreement_get_annotator (agreement, figures.a),
                               spanmark_agreement_get_annotator (agreement, figures.b));
      kappa = format_figure (figures.kappa);
      f1 = format_figure (figures.span_f1);
      /* Translators: Cohen's kappa, exact span F1 and the span counts of
       * a pair on this document. */
      subtitle = g_strdup_printf (_("κ %s · span F1 %s\n%u spans alike, %u and %u not"), kappa, f1,
                                  (guint) figures.both, (guint) figures.a_only, (guint) figures.b_only);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->figures_list, row);
    }
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  SpanmarkReviewPanel *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* A decision is several changes of the curated set, and counting the
 * open units of a large document takes a few milliseconds: the panel
 * follows once, before the next frame is drawn. */
static void
curated_changed_cb (SpanmarkReviewPanel *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

void
spanmark_review_panel_set_curation (SpanmarkReviewPanel *self,
                                    SpanmarkSchema      *schema,
                                    SpanmarkCuration    *curation)
{
  g_return_if_fail (SPANMARK_IS_REVIEW_PANEL (self));
  g_return_if_fail (curation == NULL || SPANMARK_IS_SCHEMA (schema));

  if (self->curation != NULL)
    g_signal_handlers_disconnect_by_data (spanmark_curation_get_curated (self->curation), self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_set_object (&self->curation, curation);
  g_set_object (&self->schema, (curation != NULL ? schema : NULL));
  self->unit = G_MAXUINT;

  if (curation != NULL)
    {
      SpanmarkAnnotationSet *curated = spanmark_curation_get_curated (curation);

      g_signal_connect_object (curated, "changed", G_CALLBACK (curated_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (curated, "notify::status", G_CALLBACK (curated_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  fill_take_menu (self);
  spanmark_review_panel_set_figures (self, NULL);
  refresh (self);
}

void
spanmark_review_panel_set_unit (SpanmarkReviewPanel *self,
                                guint                unit)
{
  g_return_if_fail (SPANMARK_IS_REVIEW_PANEL (self));

  if (self->unit == unit && self->refresh_id == 0)
    return;
  self->unit = unit;
  show_unit (self);
}

static void
spanmark_review_panel_dispose (GObject *object)
{
  SpanmarkReviewPanel *self = SPANMARK_REVIEW_PANEL (object);

  if (self->curation != NULL)
    g_signal_handlers_disconnect_by_data (spanmark_curation_get_curated (self->curation), self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->curation);
  g_clear_object (&self->schema);
  g_clear_pointer (&self->progress, g_hash_table_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), SPANMARK_TYPE_REVIEW_PANEL);

  G_OBJECT_CLASS (spanmark_review_panel_parent_class)->dispose (object);
}

static void
spanmark_review_panel_class_init (SpanmarkReviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = spanmark_review_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/spanmark-review-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, unit_box);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, state_icon);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, state_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, unit_text_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, annotator_list);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, curated_row);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, no_unit_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, take_button);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, reviewed_button);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, figures_box);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, figures_list);
  gtk_widget_class_bind_template_child (widget_class, SpanmarkReviewPanel, take_menu);
  gtk_widget_class_set_css_name (widget_class, "spanmark-review-panel");
}

static void
spanmark_review_panel_init (SpanmarkReviewPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->unit = G_MAXUINT;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->take_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Take all of one annotator’s spans"), -1);
  refresh (self);
  spanmark_review_panel_set_figures (self, NULL);
}

GtkWidget *
spanmark_review_panel_new (void)
{
  return g_object_new (SPANMARK_TYPE_REVIEW_PANEL, NULL);
}

void
spanmark_review_panel_set_progress (SpanmarkReviewPanel *self,
                                    GHashTable          *done,
                                    guint                n_documents)
{
  g_return_if_fail (SPANMARK_IS_REVIEW_PANEL (self));

  g_clear_pointer (&self->progress, g_hash_table_unref);
  self->progress = done != NULL ? g_hash_table_ref (done) : NULL;
  self->n_documents = n_documents;
  if (self->curation != NULL)
    show_unit (self);
}
