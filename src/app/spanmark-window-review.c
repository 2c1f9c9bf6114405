/* spanmark-window-review.c — the window's review mode: annotators side by side, the curated version
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In review mode the open document is its curated version ("_curated"),
 * opened in an ordinary SpanmarkDocumentSession (saving, autosave,
 * conflicts and read-only exactly as for an annotator's file), with a
 * SpanmarkCuration of the other annotators' files beside it: the
 * document view draws their lanes, the review panel lists the unit at
 * the cursor, and the actions below decide units through the curation,
 * each one undo step of the curated set.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-agreement.h"
#include "spanmark-history.h"
#include "spanmark-window-private.h"

const char *
spanmark_window_review_get_annotator (SpanmarkWindow *self)
{
  return self->review_mode ? SPANMARK_CURATED_ANNOTATOR : self->annotator;
}

/* The annotators but "_curated", in the project's (sorted) order. */
static GStrv
list_annotators (SpanmarkProject *project)
{
  g_auto(GStrv) all = spanmark_project_list_annotators (project);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; all[i] != NULL; i++)
    if (g_strcmp0 (all[i], SPANMARK_CURATED_ANNOTATOR) != 0)
      g_strv_builder_add (builder, all[i]);
  return g_strv_builder_end (builder);
}

static guint
count_annotators (SpanmarkProject    *project,
                  const char * const *names,
                  SpanmarkDocument   *document)
{
  guint n = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GFile) file = spanmark_project_get_annotation_file (project, document, names[i]);

      n += g_file_query_exists (file, NULL);
    }
  return n;
}

/* Seeds a curated version that has no file yet as `spanmark-cli curate`
 * would: the spans a majority of the document's annotators have. */
static void
seed_cb (SpanmarkAnnotationSet *set,
         gpointer               user_data)
{
  SpanmarkCuration *curation = user_data;

  spanmark_curation_accept_agreed (curation, spanmark_curation_get_majority (curation));
}

void
spanmark_window_review_load (SpanmarkWindow *self)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GString) failures = NULL;

  if (self->session == NULL)
    return;

  names = list_annotators (self->project);
  self->document_annotators = count_annotators (self->project, (const char * const *) names, self->document);
  if (!self->review_mode || self->document_annotators == 0)
    return;

  sets = g_ptr_array_new_with_free_func (g_object_unref);
  failures = g_string_new (NULL);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GFile) file = spanmark_project_get_annotation_file (self->project, self->document, names[i]);
      g_autoptr(GError) error = NULL;
      SpanmarkAnnotationSet *set;

      if (!g_file_query_exists (file, NULL))
        continue;
      set = spanmark_project_load_annotations (self->project, self->document, names[i], &error);
      if (set == NULL)
        {
          g_string_append_printf (failures, "%s%s", failures->len > 0 ? "\n" : "", error->message);
          continue;
        }
      g_ptr_array_add (sets, set);
    }

  /* A file that does not load is left out, and said so: the others can
   * still be compared. */
  if (failures->len > 0)
    {
      g_autofree char *message = g_strdup_printf (_("Left out of the comparison: %s"), failures->str);

      spanmark_window_toast (self, message);
    }
  if (sets->len == 0)
    return;

  self->curation = spanmark_curation_new (self->set, (SpanmarkAnnotationSet * const *) sets->pdata, sets->len);
  spanmark_document_session_seed (self->session, seed_cb, self->curation);
}

/* κ and span F1 of each pair, on this document alone. */
static SpanmarkAgreement *
document_figures (SpanmarkWindow *self)
{
  guint n = spanmark_curation_get_n_annotators (self->curation);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  SpanmarkAgreement *agreement;

  if (n < 2)
    return NULL;

  for (guint a = 0; a < n; a++)
    {
      SpanmarkAnnotationSet *set = spanmark_curation_get_annotator_set (self->curation, a);
      GPtrArray *list = g_ptr_array_new ();

      g_ptr_array_add (names, (gpointer) spanmark_annotation_set_get_annotator (set));
      for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
        g_ptr_array_add (list, (gpointer) spanmark_annotation_set_get_span (set, i));
      g_ptr_array_add (spans, list);
    }
  g_ptr_array_add (names, NULL);

  agreement = spanmark_agreement_new ((const char * const *) names->pdata,
                                      spanmark_project_get_schema (self->project), FALSE);
  spanmark_agreement_add_document (agreement, spanmark_document_get_id (self->document),
                                   spanmark_annotation_set_get_text (self->set), -1,
                                   (GPtrArray * const *) spans->pdata);
  return agreement;
}

static void
current_unit_cb (SpanmarkWindow *self)
{
  spanmark_review_panel_set_unit (self->review_panel,
                                  spanmark_document_view_get_current_unit (self->document_view));
}

void
spanmark_window_review_show (SpanmarkWindow *self)
{
  g_autoptr(SpanmarkAgreement) figures = NULL;
  SpanmarkSchema *schema = spanmark_project_get_schema (self->project);

  if (!self->review_mode || self->curation == NULL)
    {
      spanmark_review_panel_set_curation (self->review_panel, NULL, NULL);
      return;
    }

  spanmark_document_view_set_curation (self->document_view, self->curation);
  spanmark_review_panel_set_curation (self->review_panel, schema, self->curation);
  figures = document_figures (self);
  spanmark_review_panel_set_figures (self->review_panel, figures);
  g_signal_connect_object (self->document_view, "notify::current-unit",
                           G_CALLBACK (current_unit_cb), self, G_CONNECT_SWAPPED);
  current_unit_cb (self);
}

void
spanmark_window_review_close (SpanmarkWindow *self)
{
  g_signal_handlers_disconnect_by_func (self->document_view, current_unit_cb, self);
  spanmark_document_view_set_curation (self->document_view, NULL);
  spanmark_review_panel_set_curation (self->review_panel, NULL, NULL);
  g_clear_object (&self->curation);
  self->document_annotators = 0;
}

/* The documents' figures, for the list's order */

static void
ranking_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  SpanmarkAgreement *agreement;

  /* Core objects are not thread-safe: the thread reads its own project. */
  project = spanmark_project_open (task_data, &error);
  if (project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  agreement = spanmark_agreement_run (project, NULL, FALSE, TRUE, cancellable, &error);
  if (agreement == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, agreement, (GDestroyNotify) spanmark_agreement_unref);
}

static char *
format_lowest (double   lowest,
               gboolean defined)
{
  return defined ? g_strdup_printf ("%.2f", lowest) : g_strdup ("—");
}

/* "κ 0.42 · F1 0.35": the lowest figures of any pair on the document. */
static char *
describe_document (SpanmarkAgreement *agreement,
                   guint              index)
{
  double kappa = 1, f1 = 1;
  gboolean has_kappa = FALSE, has_f1 = FALSE;
  g_autofree char *kappa_text = NULL;
  g_autofree char *f1_text = NULL;

  for (guint p = 0; p < spanmark_agreement_get_n_pairs (agreement); p++)
    {
      SpanmarkPairFigures figures;

      if (!spanmark_agreement_get_document_pair (agreement, index, p, &figures))
        continue;
      if (figures.kappa.reason == SPANMARK_FIGURE_DEFINED)
        {
          kappa = has_kappa ? MIN (kappa, figures.kappa.value) : figures.kappa.value;
          has_kappa = TRUE;
        }
      if (figures.span_f1.reason == SPANMARK_FIGURE_DEFINED)
        {
          f1 = has_f1 ? MIN (f1, figures.span_f1.value) : figures.span_f1.value;
          has_f1 = TRUE;
        }
    }

  kappa_text = format_lowest (kappa, has_kappa);
  f1_text = format_lowest (f1, has_f1);
  /* Translators: a document's lowest Cohen's kappa and span F1 of any
   * pair of annotators, in the document list, e.g. "κ 0.42 · F1 0.35". */
  return g_strdup_printf (C_("document figures", "κ %s · F1 %s"), kappa_text, f1_text);
}

/* The task holds no reference to the window, which may close while the
 * figures are read: closing (or leaving review mode) cancels the task,
 * and then @user_data is not looked at. */
static void
ranking_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SpanmarkWindow *self;
  g_autoptr(SpanmarkAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) details = NULL;

  agreement = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SPANMARK_WINDOW (user_data);
  g_clear_object (&self->ranking_cancellable);
  if (!self->review_mode)
    return;
  if (agreement == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The documents cannot be ordered by disagreement: %s"),
                                                  error->message);

      spanmark_window_toast (self, message);
      return;
    }

  ids = g_ptr_array_new ();
  details = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < spanmark_agreement_get_n_documents (agreement); i++)
    {
      g_ptr_array_add (ids, (gpointer) spanmark_agreement_get_document (agreement, i));
      g_ptr_array_add (details, describe_document (agreement, i));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (details, NULL);
  spanmark_document_list_set_ranking (self->document_list, (const char * const *) ids->pdata,
                                      (const char * const *) details->pdata);
}

static void
start_ranking (SpanmarkWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->ranking_cancellable != NULL)
    g_cancellable_cancel (self->ranking_cancellable);
  g_clear_object (&self->ranking_cancellable);
  self->ranking_cancellable = g_cancellable_new ();

  task = g_task_new (NULL, self->ranking_cancellable, ranking_done_cb, self);
  g_task_set_task_data (task, g_object_ref (spanmark_project_get_dir (self->project)), g_object_unref);
  g_task_run_in_thread (task, ranking_thread);
}

static void
stop_ranking (SpanmarkWindow *self)
{
  if (self->ranking_cancellable != NULL)
    g_cancellable_cancel (self->ranking_cancellable);
  g_clear_object (&self->ranking_cancellable);
  spanmark_document_list_set_ranking (self->document_list, NULL, NULL);
}

gboolean
spanmark_window_get_ranking_pending (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);

  return self->ranking_cancellable != NULL;
}

/* Switching */

void
spanmark_window_review_show_page (SpanmarkWindow *self)
{
  GtkStackPage *page = gtk_stack_get_page (self->panel_stack, GTK_WIDGET (self->review_panel));

  gtk_stack_page_set_visible (page, self->review_mode);
  if (self->review_mode)
    gtk_stack_set_visible_child (self->panel_stack, GTK_WIDGET (self->review_panel));
  else if (self->panels->len > 0)
    gtk_stack_set_visible_child (self->panel_stack, g_ptr_array_index (self->panels, 0));
}

gboolean
spanmark_window_set_review_mode (SpanmarkWindow *self,
                                 gboolean        review_mode)
{
  g_autoptr(SpanmarkDocument) document = NULL;

  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);

  review_mode = !!review_mode;
  if (self->review_mode == review_mode)
    return TRUE;
  if (review_mode && (self->document == NULL || self->document_annotators < 2))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  if (!spanmark_window_save_before_leaving (self))
    return FALSE;

  if (self->document != NULL)
    document = g_object_ref (self->document);
  self->review_mode = review_mode;
  spanmark_document_list_set_statuses (self->document_list, spanmark_window_get_statuses (self));
  if (review_mode)
    start_ranking (self);
  else
    stop_ranking (self);
  spanmark_window_review_show_page (self);

  if (document != NULL)
    spanmark_window_open_document_now (self, document);
  spanmark_window_notify_review_mode (self);

  return TRUE;
}

gboolean
spanmark_window_get_review_mode (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), FALSE);

  return self->review_mode;
}

SpanmarkCuration *
spanmark_window_get_curation (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), NULL);

  return self->curation;
}

void
spanmark_window_review_dispose (SpanmarkWindow *self)
{
  if (self->ranking_cancellable != NULL)
    g_cancellable_cancel (self->ranking_cancellable);
  g_clear_object (&self->ranking_cancellable);
  self->review_mode = FALSE;
  g_clear_object (&self->curation);
  g_clear_object (&self->curated_statuses);
}

void
spanmark_window_review_reset (SpanmarkWindow *self)
{
  gboolean was = self->review_mode;

  stop_ranking (self);
  self->review_mode = FALSE;
  spanmark_window_review_show_page (self);
  if (was)
    spanmark_window_notify_review_mode (self);
}

/* Deciding units */

static gboolean
can_decide (SpanmarkWindow *self)
{
  return self->curation != NULL && !spanmark_window_get_read_only (self);
}

/* The unit at the cursor, which a decision is about; says so when there
 * is none. */
static gboolean
get_current_unit (SpanmarkWindow *self,
                  guint          *unit)
{
  if (!can_decide (self))
    return FALSE;

  *unit = spanmark_document_view_get_current_unit (self->document_view);
  if (*unit != G_MAXUINT)
    return TRUE;

  gtk_widget_error_bell (GTK_WIDGET (self));
  spanmark_window_toast (self, _("Put the cursor in a unit first: ] goes to the next open one"));
  return FALSE;
}

static void
accept_annotator_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  guint annotator = g_variant_get_uint32 (parameter);
  guint unit;

  if (!get_current_unit (self, &unit))
    return;
  if (annotator >= spanmark_curation_get_n_annotators (self->curation))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  spanmark_curation_choose_annotator (self->curation, unit, annotator);
}

static void
accept_agreed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  guint unit;

  if (!get_current_unit (self, &unit))
    return;

  if (!spanmark_curation_choose_majority (self->curation, unit, spanmark_curation_get_majority (self->curation)))
    {
      gtk_widget_error_bell (widget);
      spanmark_window_toast (self, _("No majority here: take one annotator’s version with Alt+1…9"));
    }
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  guint unit;

  if (get_current_unit (self, &unit))
    spanmark_curation_reject_unit (self->curation, unit);
}

static void
accept_all_agreed_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  g_autofree char *message = NULL;
  guint n;

  if (!can_decide (self))
    return;

  n = spanmark_curation_accept_agreed (self->curation, spanmark_curation_get_majority (self->curation));
  if (n == 0)
    message = g_strdup (_("No agreed spans left to accept"));
  else
    message = g_strdup_printf (ngettext ("Accepted %u agreed span", "Accepted %u agreed spans", n), n);
  spanmark_window_toast (self, message);
}

static void
take_annotator_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  guint annotator = g_variant_get_uint32 (parameter);
  g_autofree char *message = NULL;
  const char *name;
  guint n;

  if (!can_decide (self))
    return;
  if (annotator >= spanmark_curation_get_n_annotators (self->curation))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  name = spanmark_annotation_set_get_annotator (spanmark_curation_get_annotator_set (self->curation, annotator));
  n = spanmark_curation_take_annotator (self->curation, annotator);
  /* Translators: %u spans were added, %s is the annotator. */
  message = g_strdup_printf (ngettext ("Took %u span of %s", "Took %u spans of %s", n), n, name);
  spanmark_window_toast (self, message);
}

/* Going through the units */

static gboolean
is_open (SpanmarkCuration *curation,
         guint             unit)
{
  return spanmark_curation_is_unit_open (curation, unit);
}

static gboolean
is_disagreed (SpanmarkCuration *curation,
              guint             unit)
{
  return spanmark_curation_get_unit (curation, unit)->state == SPANMARK_UNIT_DISAGREED;
}

/* The next (@step 1) or previous (-1) unit from the cursor that
 * @matches, going round the document; selected, so the label keys,
 * Delete and the boundary keys act on it. */
static void
go_to_unit (SpanmarkWindow *self,
            int             step,
            gboolean      (*matches) (SpanmarkCuration *, guint),
            const char     *none)
{
  guint n, current, from, caret;

  if (self->curation == NULL)
    return;

  n = spanmark_curation_get_n_units (self->curation);
  current = spanmark_document_view_get_current_unit (self->document_view);
  spanmark_document_view_get_selection (self->document_view, &caret, NULL);
  /* From the unit at the cursor, or from where a unit would be. */
  from = current != G_MAXUINT ? current : spanmark_curation_find_unit (self->curation, caret);
  if (current == G_MAXUINT && step > 0)
    from = (from + n - 1) % MAX (n, 1);

  for (guint k = 1; k <= n; k++)
    {
      gint64 at = ((gint64) from + step * (gint64) k) % (gint64) n;
      guint u = (guint) (at < 0 ? at + n : at);

      if (matches (self->curation, u))
        {
          const SpanmarkUnit *unit = spanmark_curation_get_unit (self->curation, u);

          spanmark_document_view_select_range (self->document_view, unit->start, unit->end);
          return;
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
  spanmark_window_toast (self, none);
}

static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  int step = g_str_has_prefix (action_name, "win.review-next") ? 1 : -1;

  if (g_str_has_suffix (action_name, "-open"))
    go_to_unit (self, step, is_open, _("No open units left: Ctrl+Return marks the document reviewed"));
  else
    go_to_unit (self, step, is_disagreed, _("The annotators disagree nowhere in this document"));
}

/* Reviewed */

/* The next document to review after the open one in the list's order
 * (going round): not reviewed, two or more annotators. */
static SpanmarkDocument *
next_to_review (SpanmarkWindow *self)
{
  GListModel *shown = spanmark_document_list_get_shown (self->document_list);
  guint n = g_list_model_get_n_items (shown);
  g_auto(GStrv) names = list_annotators (self->project);
  guint from = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpanmarkDocument) document = g_list_model_get_item (shown, i);

      if (document == self->document)
        from = i;
    }

  for (guint k = 1; k < n; k++)
    {
      g_autoptr(SpanmarkDocument) document = g_list_model_get_item (shown, (from + k) % n);

      if (document != self->document && spanmark_document_get_problem (document) == NULL
          && !spanmark_status_cache_is_finished (self->curated_statuses, document)
          && count_annotators (self->project, (const char * const *) names, document) >= 2)
        return document;
    }
  return NULL;
}

void
spanmark_window_review_mark_reviewed (SpanmarkWindow *self)
{
  g_autoptr(GError) error = NULL;
  SpanmarkDocument *next;

  if (!can_decide (self))
    return;

  spanmark_window_set_status (self, SPANMARK_STATUS_REVIEWED);
  if (!spanmark_window_save (self, &error))
    {
      spanmark_window_report_save_error (self, error);
      return;
    }

  next = next_to_review (self);
  if (next != NULL)
    spanmark_window_open_document (self, next);
  else
    spanmark_window_toast (self, _("Every document with two or more annotators is reviewed"));
}

static void
mark_reviewed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  spanmark_window_review_mark_reviewed (SPANMARK_WINDOW (widget));
}

/* Keys */

/* The digit of a key (1 … 9), 0 for another key.  With Shift most
 * layouts give a symbol ("!" for 1): the key's unshifted symbol says. */
static guint
key_digit (guint keyval,
           guint keycode)
{
  guint plain;

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    return keyval - GDK_KEY_0;
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    return keyval - GDK_KEY_KP_0;
  if (keycode != 0
      && gdk_display_translate_key (gdk_display_get_default (), keycode, 0, 0, &plain, NULL, NULL, NULL)
      && plain >= GDK_KEY_1 && plain <= GDK_KEY_9)
    return plain - GDK_KEY_0;
  return 0;
}

gboolean
spanmark_window_review_key_pressed (SpanmarkWindow  *self,
                                    guint            keyval,
                                    guint            keycode,
                                    GdkModifierType  mods)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint digit;

  if (!self->review_mode)
    return FALSE;

  /* Alt+1…9: that annotator's reading of the unit; Alt+Shift+1…9: all of
   * that annotator's spans. */
  digit = key_digit (keyval, keycode);
  if (digit != 0 && mods == GDK_ALT_MASK)
    return gtk_widget_activate_action (widget, "win.review-accept-annotator", "u", digit - 1);
  if (digit != 0 && mods == (GDK_ALT_MASK | GDK_SHIFT_MASK))
    return gtk_widget_activate_action (widget, "win.review-take-annotator", "u", digit - 1);

  if ((mods & ~GDK_SHIFT_MASK) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_a:
      return gtk_widget_activate_action (widget, "win.review-accept-agreed", NULL);
    case GDK_KEY_A:
      return gtk_widget_activate_action (widget, "win.review-accept-all-agreed", NULL);
    case GDK_KEY_x:
      return gtk_widget_activate_action (widget, "win.review-reject", NULL);
    case GDK_KEY_bracketright:
      return gtk_widget_activate_action (widget, "win.review-next-open", NULL);
    case GDK_KEY_bracketleft:
      return gtk_widget_activate_action (widget, "win.review-prev-open", NULL);
    case GDK_KEY_n:
      return gtk_widget_activate_action (widget, "win.review-next-disagreement", NULL);
    case GDK_KEY_N:
      return gtk_widget_activate_action (widget, "win.review-prev-disagreement", NULL);
    default:
      return FALSE;
    }
}

void
spanmark_window_review_update_actions (SpanmarkWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean decide = can_decide (self);
  gboolean units = self->curation != NULL;

  gtk_widget_action_set_enabled (widget, "win.review-mode",
                                 self->review_mode || (self->document != NULL && self->document_annotators >= 2));
  gtk_widget_action_set_enabled (widget, "win.review-accept-annotator", decide);
  gtk_widget_action_set_enabled (widget, "win.review-accept-agreed", decide);
  gtk_widget_action_set_enabled (widget, "win.review-reject", decide);
  gtk_widget_action_set_enabled (widget, "win.review-accept-all-agreed", decide);
  gtk_widget_action_set_enabled (widget, "win.review-take-annotator", decide);
  gtk_widget_action_set_enabled (widget, "win.review-next-open", units);
  gtk_widget_action_set_enabled (widget, "win.review-prev-open", units);
  gtk_widget_action_set_enabled (widget, "win.review-next-disagreement", units);
  gtk_widget_action_set_enabled (widget, "win.review-prev-disagreement", units);
  gtk_widget_action_set_enabled (widget, "win.mark-reviewed", decide);
}

void
spanmark_window_class_init_review (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.review-mode", "review-mode");
  gtk_widget_class_install_action (widget_class, "win.review-accept-annotator", "u", accept_annotator_action);
  gtk_widget_class_install_action (widget_class, "win.review-accept-agreed", NULL, accept_agreed_action);
  gtk_widget_class_install_action (widget_class, "win.review-reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "win.review-accept-all-agreed", NULL, accept_all_agreed_action);
  gtk_widget_class_install_action (widget_class, "win.review-take-annotator", "u", take_annotator_action);
  gtk_widget_class_install_action (widget_class, "win.review-next-open", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "win.review-prev-open", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "win.review-next-disagreement", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "win.review-prev-disagreement", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "win.mark-reviewed", NULL, mark_reviewed_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.review-mode", NULL);
}
