/* spanmark-document-session.c — one open document: its annotations, saving, conflicts
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-document-session.h"

/* Seconds between two attempts after a failed save. */
#define SAVE_RETRY_SECONDS 5

struct _SpanmarkDocumentSession
{
  GObject                parent_instance;

  SpanmarkProject       *project;
  SpanmarkDocument      *document;
  SpanmarkAnnotationSet *set;
  GFile                 *file;
  GFileMonitor          *monitor;
  GError                *load_error;     /* why it is read-only; NULL: editable */

  guint                  autosave_delay;
  guint                  autosave_max_delay;
  guint                  autosave_id;
  /* Clock times (microseconds, see get_now()): the first change not
   * saved yet (0: none), when the pending autosave is due (0: none), and
   * the test clock's time when tests drive it. */
  gint64                 dirty_since;
  gint64                 autosave_due;
  gint64                 test_now;
  gboolean               use_test_clock;

  gboolean               dirty;
  gboolean               external_change;
  gboolean               save_failing;
  gboolean               saving;         /* the set changes as part of a save or a seed */
};

G_DEFINE_FINAL_TYPE (SpanmarkDocumentSession, spanmark_document_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DIRTY,
  PROP_EXTERNAL_CHANGE,
  PROP_SAVE_FAILING,
  PROP_AUTOSAVE_DELAY,
  PROP_AUTOSAVE_MAX_DELAY,
  N_PROPS
};

enum
{
  EDITED,
  AUTOSAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean autosave_cb (gpointer user_data);

static gint64
get_now (SpanmarkDocumentSession *self)
{
  return self->use_test_clock ? self->test_now : g_get_monotonic_time ();
}

/* Arms the autosave for clock time @due (0: none).  Under the test clock
 * no timer is armed: moving the clock runs it. */
static void
schedule_autosave (SpanmarkDocumentSession *self,
                   gint64                   due)
{
  gint64 wait;

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_due = due;
  if (due == 0 || self->use_test_clock)
    return;

  wait = MAX (0, due - get_now (self));
  self->autosave_id = g_timeout_add ((guint) MIN (wait / 1000, G_MAXUINT), autosave_cb, self);
}

static void
set_flag (SpanmarkDocumentSession *self,
          gboolean                *flag,
          gboolean                 value,
          guint                    prop)
{
  if (*flag == value)
    return;

  *flag = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* The outcome of a save. */
static void
saved (SpanmarkDocumentSession *self)
{
  self->dirty_since = 0;
  schedule_autosave (self, 0);
  set_flag (self, &self->save_failing, FALSE, PROP_SAVE_FAILING);
  /* Whatever the other version was, the file holds this one now. */
  set_flag (self, &self->external_change, FALSE, PROP_EXTERNAL_CHANGE);
  set_flag (self, &self->dirty, FALSE, PROP_DIRTY);
}

static void
save_failed (SpanmarkDocumentSession *self,
             const GError            *error)
{
  if (g_error_matches (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED))
    {
      /* No retry: only the annotator can settle which version wins. */
      schedule_autosave (self, 0);
      set_flag (self, &self->external_change, TRUE, PROP_EXTERNAL_CHANGE);
      return;
    }

  /* The next change tries again at most autosave-max-delay from now. */
  self->dirty_since = get_now (self);
  schedule_autosave (self, get_now (self) + SAVE_RETRY_SECONDS * G_USEC_PER_SEC);
  set_flag (self, &self->save_failing, TRUE, PROP_SAVE_FAILING);
}

static gboolean
write_annotations (SpanmarkDocumentSession  *self,
                   SpanmarkSaveFlags         flags,
                   GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  /* Status and "modified" change as part of saving: that is not a new
   * edit, so the "changed" they cause must not schedule another save,
   * and the status is no undo step (Ctrl+Z after an autosave would
   * undo nothing the annotator did). */
  self->saving = TRUE;
  if (spanmark_annotation_set_get_status (self->set) == SPANMARK_STATUS_NEW
      && spanmark_annotation_set_get_n_spans (self->set) > 0)
    spanmark_annotation_set_settle_status (self->set, SPANMARK_STATUS_IN_PROGRESS);
  ok = spanmark_project_save_annotations_full (self->project, self->set, flags, &local_error);
  self->saving = FALSE;

  if (!ok)
    {
      save_failed (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  saved (self);

  return TRUE;
}

static gboolean
autosave_cb (gpointer user_data)
{
  SpanmarkDocumentSession *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean was_failing = self->save_failing;

  self->autosave_id = 0;
  self->autosave_due = 0;
  if (self->load_error != NULL)
    return G_SOURCE_REMOVE;

  if (!spanmark_document_session_save (self, &error) && !was_failing
      && !g_error_matches (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED))
    g_signal_emit (self, signals[AUTOSAVE_FAILED], 0, error);

  return G_SOURCE_REMOVE;
}

static void
set_changed_cb (SpanmarkDocumentSession *self)
{
  gint64 now;

  if (self->saving)
    return;

  now = get_now (self);
  if (!self->dirty)
    self->dirty_since = now;
  set_flag (self, &self->dirty, TRUE, PROP_DIRTY);

  /* Nothing is written over another version until the annotator chose;
   * nothing at all when read-only. */
  if (!self->external_change && self->load_error == NULL)
    schedule_autosave (self, MIN (now + (gint64) self->autosave_delay * G_USEC_PER_SEC,
                                  self->dirty_since + (gint64) self->autosave_max_delay * G_USEC_PER_SEC));

  g_signal_emit (self, signals[EDITED], 0);
}

static void
monitor_changed_cb (GFileMonitor            *monitor,
                    GFile                   *file,
                    GFile                   *other_file,
                    GFileMonitorEvent        event,
                    SpanmarkDocumentSession *self)
{
  gboolean changed;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT
      && event != G_FILE_MONITOR_EVENT_CREATED
      && event != G_FILE_MONITOR_EVENT_DELETED
      && event != G_FILE_MONITOR_EVENT_MOVED_IN
      && event != G_FILE_MONITOR_EVENT_RENAMED)
    return;

  /* Atomic writes (ours and others') show up as a temporary file renamed
   * over ours: only events that touch our file itself count. */
  if (!g_file_equal (file, self->file)
      && (other_file == NULL || !g_file_equal (other_file, self->file)))
    return;

  /* Our own saves show up here too; the project knows what it wrote. */
  changed = spanmark_project_is_file_changed (self->project, self->file);
  if (changed == self->external_change)
    return;

  set_flag (self, &self->external_change, changed, PROP_EXTERNAL_CHANGE);
  /* Changed back to the version we know: what waited can be saved. */
  if (!changed && self->dirty && self->load_error == NULL)
    schedule_autosave (self, get_now (self));
}

static void
spanmark_document_session_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  SpanmarkDocumentSession *self = SPANMARK_DOCUMENT_SESSION (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_EXTERNAL_CHANGE:
      g_value_set_boolean (value, self->external_change);
      break;
    case PROP_SAVE_FAILING:
      g_value_set_boolean (value, self->save_failing);
      break;
    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay);
      break;
    case PROP_AUTOSAVE_MAX_DELAY:
      g_value_set_uint (value, self->autosave_max_delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_document_session_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  SpanmarkDocumentSession *self = SPANMARK_DOCUMENT_SESSION (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE_DELAY:
      self->autosave_delay = g_value_get_uint (value);
      break;
    case PROP_AUTOSAVE_MAX_DELAY:
      self->autosave_max_delay = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_document_session_dispose (GObject *object)
{
  SpanmarkDocumentSession *self = SPANMARK_DOCUMENT_SESSION (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->set != NULL)
    g_signal_handlers_disconnect_by_data (self->set, self);
  g_clear_object (&self->set);
  g_clear_object (&self->document);
  g_clear_object (&self->project);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (spanmark_document_session_parent_class)->dispose (object);
}

static void
spanmark_document_session_finalize (GObject *object)
{
  SpanmarkDocumentSession *self = SPANMARK_DOCUMENT_SESSION (object);

  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (spanmark_document_session_parent_class)->finalize (object);
}

static void
spanmark_document_session_class_init (SpanmarkDocumentSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = spanmark_document_session_get_property;
  object_class->set_property = spanmark_document_session_set_property;
  object_class->dispose = spanmark_document_session_dispose;
  object_class->finalize = spanmark_document_session_finalize;

  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXTERNAL_CHANGE] =
    g_param_spec_boolean ("external-change", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVE_FAILING] =
    g_param_spec_boolean ("save-failing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The defaults are the settings' (data/…gschema.xml). */
  properties[PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL, 0, G_MAXUINT, 2,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTOSAVE_MAX_DELAY] =
    g_param_spec_uint ("autosave-max-delay", NULL, NULL, 0, G_MAXUINT, 3,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EDITED] =
    g_signal_new ("edited",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[AUTOSAVE_FAILED] =
    g_signal_new ("autosave-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
spanmark_document_session_init (SpanmarkDocumentSession *self)
{
  self->autosave_delay = 2;
  self->autosave_max_delay = 3;
}

SpanmarkDocumentSession *
spanmark_document_session_new (SpanmarkProject   *project,
                               SpanmarkDocument  *document,
                               const char        *annotator,
                               GError           **error)
{
  g_autoptr(SpanmarkDocumentSession) self = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) load_error = NULL;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (spanmark_project_is_valid_annotator (annotator), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  set = spanmark_project_load_annotations (project, document, annotator, &load_error);
  if (set == NULL)
    {
      g_autoptr(GError) text_error = NULL;
      g_autofree char *text = spanmark_project_load_text (project, document, &text_error);

      /* A broken index entry opens read-only too, empty, its error naming
       * the problem. */
      if (text == NULL && spanmark_document_get_problem (document) == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&text_error));
          return NULL;
        }

      /* Show the text, but never write over the file that failed. */
      set = spanmark_annotation_set_new (spanmark_document_get_id (document), annotator,
                                         text != NULL ? text : "");
    }

  self = g_object_new (SPANMARK_TYPE_DOCUMENT_SESSION, NULL);
  self->project = g_object_ref (project);
  self->document = g_object_ref (document);
  self->set = g_steal_pointer (&set);
  self->load_error = g_steal_pointer (&load_error);
  self->file = spanmark_project_get_annotation_file (project, document, annotator);
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
  g_signal_connect_swapped (self->set, "changed", G_CALLBACK (set_changed_cb), self);

  return g_steal_pointer (&self);
}

SpanmarkProject *
spanmark_document_session_get_project (SpanmarkDocumentSession *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self), NULL);

  return self->project;
}

SpanmarkDocument *
spanmark_document_session_get_document (SpanmarkDocumentSession *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self), NULL);

  return self->document;
}

SpanmarkAnnotationSet *
spanmark_document_session_get_annotation_set (SpanmarkDocumentSession *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self), NULL);

  return self->set;
}

GFile *
spanmark_document_session_get_file (SpanmarkDocumentSession *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self), NULL);

  return self->file;
}

gboolean
spanmark_document_session_get_read_only (SpanmarkDocumentSession *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self), TRUE);

  return self->load_error != NULL;
}

const GError *
spanmark_document_session_get_load_error (SpanmarkDocumentSession *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self), NULL);

  return self->load_error;
}

gboolean
spanmark_document_session_get_dirty (SpanmarkDocumentSession *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self), FALSE);

  return self->dirty;
}

gboolean
spanmark_document_session_get_external_change (SpanmarkDocumentSession *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self), FALSE);

  return self->external_change;
}

gboolean
spanmark_document_session_get_save_failing (SpanmarkDocumentSession *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self), FALSE);

  return self->save_failing;
}

gboolean
spanmark_document_session_save (SpanmarkDocumentSession  *self,
                                GError                  **error)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->load_error != NULL)
    {
      g_autofree char *path = g_file_get_path (self->file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("%s failed to load, so the document is read-only and was not saved"),
                   path != NULL ? path : spanmark_document_get_id (self->document));
      return FALSE;
    }

  return write_annotations (self, SPANMARK_SAVE_IF_UNCHANGED, error);
}

gboolean
spanmark_document_session_keep_mine (SpanmarkDocumentSession  *self,
                                     GError                  **error)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->load_error != NULL)
    return TRUE;

  return write_annotations (self, SPANMARK_SAVE_OVERWRITE, error);
}

GFile *
spanmark_document_session_save_copy (SpanmarkDocumentSession  *self,
                                     GError                  **error)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_return_val_if_fail (self->load_error == NULL, NULL);

  return spanmark_project_save_annotations_copy (self->project, self->set, error);
}

gboolean
spanmark_document_session_seed (SpanmarkDocumentSession         *self,
                                SpanmarkDocumentSessionSeedFunc  func,
                                gpointer                         user_data)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->load_error != NULL || self->dirty || g_file_query_exists (self->file, NULL))
    return FALSE;

  /* Not an edit: "changed" schedules no save. */
  self->saving = TRUE;
  func (self->set, user_data);
  self->saving = FALSE;
  spanmark_history_clear (spanmark_annotation_set_get_history (self->set));

  return TRUE;
}

void
spanmark_document_session_set_test_clock (SpanmarkDocumentSession *self,
                                          gint64                   now)
{
  g_return_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self));

  if (!self->use_test_clock)
    {
      self->use_test_clock = TRUE;
      /* Times taken from the real clock mean nothing on the test one. */
      self->dirty_since = self->dirty ? now : 0;
      schedule_autosave (self, self->autosave_due != 0 ? now : 0);
    }
  self->test_now = now;

  if (self->autosave_due != 0 && now >= self->autosave_due)
    autosave_cb (self);
}

gint64
spanmark_document_session_get_autosave_due (SpanmarkDocumentSession *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self), 0);

  return self->autosave_due;
}

GFileMonitor *
spanmark_document_session_get_monitor (SpanmarkDocumentSession *self)
{
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT_SESSION (self), NULL);

  return self->monitor;
}
