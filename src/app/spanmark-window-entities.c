/* spanmark-window-entities.c — the corpus-wide entity registry in the window
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registry (entities/<id>.json) and its mention counts are read off
 * the main thread when a project opens or the annotator changes: opening
 * a project stays as fast as before, and the label panels show the
 * open document's own entities at once and the registry's when the read
 * ends.  From then on the window's registry is the one the panels add
 * entities to (docs/entities.md, "In the window").
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-history.h"
#include "spanmark-window-private.h"

static void clear_merge_undo (SpanmarkWindow *self);
static void start_load (SpanmarkWindow *self);

typedef struct
{
  GFile *dir;
  char  *annotator;
} RegistryTask;

static void
registry_task_free (RegistryTask *task)
{
  g_object_unref (task->dir);
  g_free (task->annotator);
  g_free (task);
}

static void
registry_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  RegistryTask *data = task_data;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;

  /* Core objects are not thread-safe: the thread reads its own project,
   * and the registry it makes is the main thread's once returned. */
  project = spanmark_project_open (data->dir, &error);
  if (project != NULL)
    registry = spanmark_registry_load (project, &error);
  if (registry == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The annotator's files: the counts say what the annotator sees when
   * opening those documents.  Files that fail to load are the document
   * list's to report. */
  spanmark_registry_count_mentions (registry, data->annotator, NULL);

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&registry), g_object_unref);
}

static void
set_panels_registry (SpanmarkWindow *self)
{
  for (guint i = 0; i < self->panels->len; i++)
    spanmark_label_panel_set_registry (g_ptr_array_index (self->panels, i), self->registry, self->annotator);
}

/* The registry read (or why not): the panels get it. */
static void
take_registry (SpanmarkWindow   *self,
               SpanmarkRegistry *registry,
               const GError     *error)
{
  GPtrArray *problems;

  if (registry == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The entity registry did not load: %s"), error->message);

      spanmark_window_toast (self, message);
      return;
    }

  self->registry = registry;
  set_panels_registry (self);
  spanmark_window_entities_feed_suggester (self);

  problems = spanmark_registry_get_problems (self->registry);
  if (problems->len > 0)
    {
      g_autofree char *first = spanmark_problem_to_string (g_ptr_array_index (problems, 0));
      g_autofree char *message = g_strdup_printf (ngettext ("Entity registry: %u problem: %s",
                                                            "Entity registry: %u problems, the first: %s",
                                                            problems->len),
                                                  problems->len, first);

      spanmark_window_toast (self, message);
    }
}

/* The task holds no reference to the window; closing it or another
 * project cancels the task, and then @user_data is not looked at. */
static void
registry_done_cb (GObject      *source,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  SpanmarkRegistry *registry;
  g_autoptr(GError) error = NULL;
  SpanmarkWindow *self;

  registry = g_task_propagate_pointer (G_TASK (res), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SPANMARK_WINDOW (user_data);
  g_clear_object (&self->registry_cancellable);
  take_registry (self, registry, error);
}

/* Merge, and its undo.  A merge changes files of other documents (and
 * other annotators'), which no document's history holds: the files it
 * changes are kept as they were before and as it left them, and Ctrl+Z
 * (while nothing was done in the open document since) writes the first
 * back where the second is still on disk (docs/entities.md, "In the
 * window"). */

static void
reopen_document (SpanmarkWindow *self)
{
  if (self->document != NULL)
    spanmark_window_open_document_now (self, self->document);
}

static void
merge_entities_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) message = g_string_new (NULL);
  g_autofree char *keep_name = NULL;
  g_autofree char *gone_name = NULL;
  const SpanmarkRegistryEntity *kept, *gone_entity;
  const char *keep, *gone;
  guint n_files = 0;
  gboolean ok;

  g_variant_get (param, "(&s&s)", &keep, &gone);
  if (self->registry == NULL || spanmark_window_get_read_only (self))
    return;
  kept = spanmark_registry_resolve (self->registry, keep);
  gone_entity = spanmark_registry_resolve (self->registry, gone);
  if (kept == NULL || gone_entity == NULL)
    return;
  keep_name = g_strdup (kept->name);
  gone_name = g_strdup (gone_entity->name);

  /* The open document's work is on disk first: the merge rewrites its
   * file like any other. */
  if (self->session != NULL && spanmark_window_get_dirty (self) && !spanmark_window_save (self, &error))
    {
      spanmark_window_report_save_error (self, error);
      return;
    }

  clear_merge_undo (self);
  self->merge_before = spanmark_registry_snapshot_merge (self->registry, keep, gone);
  ok = spanmark_registry_merge (self->registry, keep, gone, conflicts, &n_files, &error);
  self->merge_after = spanmark_registry_snapshot_files (self->registry, self->merge_before);
  self->merge_registry = g_object_ref (self->registry);
  self->merge_document = self->document;

  if (ok)
    /* Translators: "李伟同志" merged into "李伟" (3 files changed). */
    g_string_append_printf (message, ngettext ("“%s” merged into “%s” (%u file changed)",
                                               "“%s” merged into “%s” (%u files changed)", n_files),
                            gone_name, keep_name, n_files);
  else
    g_string_append (message, error->message);
  for (guint i = 0; i < conflicts->len; i++)
    g_string_append_printf (message, "; %s", (const char *) g_ptr_array_index (conflicts, i));

  reopen_document (self);
  start_load (self);
  spanmark_window_update_actions (self);
  spanmark_window_toast (self, message->str);
}

gboolean
spanmark_window_entities_can_undo (SpanmarkWindow *self)
{
  return self->merge_before != NULL && self->set != NULL && self->document == self->merge_document &&
         !spanmark_history_can_undo (spanmark_annotation_set_get_history (self->set));
}

gboolean
spanmark_window_entities_undo (SpanmarkWindow *self)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (!spanmark_window_entities_can_undo (self))
    return FALSE;

  if (!spanmark_registry_restore (self->merge_registry, self->merge_before, self->merge_after, kept, &error))
    {
      /* Translators: %s says which file could not be written. */
      g_autofree char *message = g_strdup_printf (_("The merge could not be undone: %s"), error->message);

      spanmark_window_toast (self, message);
      return TRUE;
    }
  clear_merge_undo (self);
  reopen_document (self);
  start_load (self);
  spanmark_window_update_actions (self);

  if (kept->len > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Merge undone, except %u file changed since: %s",
                                                            "Merge undone, except %u files changed since, the first: %s",
                                                            kept->len),
                                                  kept->len, (const char *) g_ptr_array_index (kept, 0));

      spanmark_window_toast (self, message);
    }
  else
    spanmark_window_toast (self, _("Merge undone"));

  return TRUE;
}

/* The text's context menu gets the entity items (GtkTextView adds its
 * own: copy, select all). */
static void
set_context_menu (SpanmarkWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  g_menu_append (menu, _("Split Mention Off Its Entity"), "win.split-mention");
  g_menu_append (menu, _("Find Entity…"), "win.find-entity");
  gtk_text_view_set_extra_menu (spanmark_document_view_get_text_view (self->document_view), G_MENU_MODEL (menu));
}

static void
clear_merge_undo (SpanmarkWindow *self)
{
  g_clear_pointer (&self->merge_before, g_hash_table_unref);
  g_clear_pointer (&self->merge_after, g_hash_table_unref);
  g_clear_object (&self->merge_registry);
  self->merge_document = NULL;
}

/* Drops the registry and any read of it under way. */
static void
reset_registry (SpanmarkWindow *self)
{
  if (self->registry_cancellable != NULL)
    g_cancellable_cancel (self->registry_cancellable);
  g_clear_object (&self->registry_cancellable);
  self->registry_from_pass = FALSE;
  g_clear_object (&self->registry);
  set_panels_registry (self);
  if (self->project != NULL)
    set_context_menu (self);
}

/* Reads the registry and its counts again, off the main thread. */
static void
start_load (SpanmarkWindow *self)
{
  g_autoptr(GTask) task = NULL;
  RegistryTask *data;

  reset_registry (self);
  if (self->project == NULL)
    return;

  data = g_new0 (RegistryTask, 1);
  data->dir = g_object_ref (spanmark_project_get_dir (self->project));
  data->annotator = g_strdup (self->annotator);
  self->registry_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->registry_cancellable, registry_done_cb, self);
  g_task_set_task_data (task, data, (GDestroyNotify) registry_task_free);
  g_task_run_in_thread (task, registry_thread);
}

void
spanmark_window_entities_set_project (SpanmarkWindow *self)
{
  clear_merge_undo (self);
  start_load (self);
}

void
spanmark_window_entities_expect_pass (SpanmarkWindow *self)
{
  clear_merge_undo (self);
  reset_registry (self);
  self->registry_from_pass = self->project != NULL;
}

gboolean
spanmark_window_entities_pass_done (SpanmarkWindow   *self,
                                    SpanmarkRegistry *registry,
                                    const GError     *error)
{
  g_autoptr(SpanmarkRegistry) owned = registry;

  /* Read again since (another annotator, a merge): that read answers. */
  if (!self->registry_from_pass)
    return FALSE;
  self->registry_from_pass = FALSE;
  take_registry (self, g_steal_pointer (&owned), error);

  return self->registry != NULL;
}

void
spanmark_window_entities_dispose (SpanmarkWindow *self)
{
  if (self->registry_cancellable != NULL)
    g_cancellable_cancel (self->registry_cancellable);
  g_clear_object (&self->registry_cancellable);
  self->registry_from_pass = FALSE;
  g_clear_object (&self->registry);
  clear_merge_undo (self);
}

SpanmarkRegistry *
spanmark_window_get_registry (SpanmarkWindow *self)
{
  g_return_val_if_fail (SPANMARK_IS_WINDOW (self), NULL);

  return self->registry;
}

void
spanmark_window_entities_feed_suggester (SpanmarkWindow *self)
{
  if (self->registry == NULL || self->suggester == NULL)
    return;

  spanmark_suggester_add_registry (self->suggester, self->registry, spanmark_project_get_schema (self->project));
  /* The list is asked for again: the suggester's generation moved. */
  spanmark_window_assist_update_actions (self);
}

gboolean
spanmark_window_entities_key_pressed (SpanmarkWindow  *self,
                                      guint            keyval,
                                      GdkModifierType  mods)
{
  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter) ||
      (mods & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) != 0 || self->registry == NULL)
    return FALSE;

  for (guint i = 0; i < self->panels->len; i++)
    if (spanmark_label_panel_accept_proposal (g_ptr_array_index (self->panels, i)))
      return TRUE;

  return FALSE;
}

/* Actions */

/* The label panel in front, or the first one (the Check or Review page
 * may be in front). */
static SpanmarkLabelPanel *
front_panel (SpanmarkWindow *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->panel_stack);

  if (SPANMARK_IS_LABEL_PANEL (visible))
    return SPANMARK_LABEL_PANEL (visible);
  if (self->panels->len == 0)
    return NULL;

  gtk_stack_set_visible_child (self->panel_stack, g_ptr_array_index (self->panels, 0));
  return g_ptr_array_index (self->panels, 0);
}

static void
find_entity_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SpanmarkLabelPanel *panel = front_panel (SPANMARK_WINDOW (widget));

  if (panel != NULL)
    spanmark_label_panel_focus_search (panel);
}

static void
focus_text_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

/* The first mention, in text order, of the registry entity @id in the
 * open set: its own appearance, or one of an entity merged into it. */
static const SpanmarkSpan *
first_mention (SpanmarkWindow *self,
               const char     *id)
{
  const SpanmarkSpan *first = NULL;
  guint n_entities = spanmark_annotation_set_get_n_entities (self->set);

  for (guint i = 0; i < n_entities; i++)
    {
      const SpanmarkEntity *entity = spanmark_annotation_set_get_entity (self->set, i);
      const SpanmarkRegistryEntity *resolved = spanmark_registry_resolve (self->registry, entity->id);
      g_autoptr(GPtrArray) mentions = NULL;

      if (!g_str_equal (entity->id, id) && (resolved == NULL || !g_str_equal (resolved->id, id)))
        continue;

      mentions = spanmark_annotation_set_get_mentions (self->set, entity->id);
      for (guint m = 0; m < mentions->len; m++)
        {
          const SpanmarkSpan *span = g_ptr_array_index (mentions, m);

          if (first == NULL || span->start < first->start)
            first = span;
        }
    }

  return first;
}

static void
open_mention_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  const char *document_id, *entity_id;
  SpanmarkDocument *document;
  const SpanmarkSpan *span;

  g_variant_get (param, "(&s&s)", &document_id, &entity_id);
  if (self->project == NULL || self->registry == NULL)
    return;

  document = spanmark_project_lookup_document (self->project, document_id);
  if (document == NULL)
    {
      /* Translators: %s is a document id. */
      g_autofree char *message = g_strdup_printf (_("The project has no document “%s” any more"), document_id);

      spanmark_window_toast (self, message);
      return;
    }
  if (document != self->document && !spanmark_window_open_document (self, document))
    return;
  if (self->set == NULL)
    return;

  span = first_mention (self, entity_id);
  if (span == NULL)
    {
      spanmark_window_toast (self, _("This document has no mention of the entity any more"));
      return;
    }
  spanmark_document_view_select_range (self->document_view, span->start, span->end);
  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

/* The span "Split Off" works on: the one the selection covers exactly,
 * else the innermost with an entity under the caret. */
static const SpanmarkSpan *
span_to_split (SpanmarkWindow *self)
{
  g_autoptr(GPtrArray) spans = NULL;
  const SpanmarkSpan *best = NULL;
  guint start, end;

  spanmark_document_view_get_selection (self->document_view, &start, &end);
  spans = spanmark_annotation_set_get_spans_in_range (self->set, start, end);
  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);

      if (span->entity == NULL || span->start > start || span->end < end)
        continue;
      if (span->start == start && span->end == end)
        return span;
      if (best == NULL || span->end - span->start < best->end - best->start)
        best = span;
    }

  return best;
}

/* Split: the mention leaves its entity for a new one named after it (a
 * registry entity when the registry is read), one undo step of the
 * document's history.  The label's panel makes it, as "New Entity from
 * Selection" does, with the mention selected. */
static void
split_mention_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SpanmarkWindow *self = SPANMARK_WINDOW (widget);
  const SpanmarkSpan *span;
  SpanmarkLabelPanel *panel;

  if (self->set == NULL || spanmark_window_get_read_only (self))
    return;
  span = span_to_split (self);
  if (span == NULL)
    {
      spanmark_window_toast (self, _("No mention of an entity is selected"));
      return;
    }
  panel = spanmark_window_get_label_panel (self, span->label);
  if (panel == NULL)
    return;

  spanmark_document_view_select_range (self->document_view, span->start, span->end);
  gtk_widget_activate_action (GTK_WIDGET (panel), "panel.new-entity", NULL);
}

void
spanmark_window_class_init_entities (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.find-entity", NULL, find_entity_action);
  gtk_widget_class_install_action (widget_class, "win.focus-text", NULL, focus_text_action);
  gtk_widget_class_install_action (widget_class, "win.open-mention", "(ss)", open_mention_action);
  gtk_widget_class_install_action (widget_class, "win.split-mention", NULL, split_mention_action);
  gtk_widget_class_install_action (widget_class, "win.merge-entities", "(ss)", merge_entities_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.find-entity", NULL);
}
