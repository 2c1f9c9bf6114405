/* spanmark-history.c — undo and redo for an annotation set
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A command keeps copies of the state before and after one change; a step
 * is a list of commands (one, or a whole group).  Undo puts the "before"
 * states back in reverse order, redo the "after" states in order, both
 * through the set's private apply functions so the usual signals fire.
 */

#include "config.h"

#include "spanmark-annotation-set-private.h"
#include "spanmark-history-private.h"

typedef enum
{
  COMMAND_SPAN,
  COMMAND_ENTITY,
  COMMAND_STATUS,
  COMMAND_REJECTION,
} CommandKind;

typedef struct
{
  CommandKind     kind;
  /* COMMAND_SPAN and COMMAND_REJECTION: SpanmarkSpan*; COMMAND_ENTITY:
   * SpanmarkEntity*.
   * NULL before = added, NULL after = removed. */
  gpointer        before;
  gpointer        after;
  guint           index;          /* COMMAND_ENTITY: position in the set */
  SpanmarkStatus  status_before;  /* COMMAND_STATUS */
  SpanmarkStatus  status_after;
} Command;

struct _SpanmarkHistory
{
  GObject                parent_instance;

  /* Weak: the set owns the history. */
  SpanmarkAnnotationSet *set;

  /* GPtrArray of GPtrArray<Command*>: each inner array is one step. */
  GPtrArray             *undo_stack;
  GPtrArray             *redo_stack;

  /* The step being built while a group is open. */
  GPtrArray             *open_group;
  guint                  group_depth;

  /* TRUE while undo or redo apply a step, when nothing may be recorded. */
  gboolean               applying;
};

G_DEFINE_FINAL_TYPE (SpanmarkHistory, spanmark_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
command_free (Command *command)
{
  GDestroyNotify free_func = NULL;

  switch (command->kind)
    {
    case COMMAND_SPAN:
    case COMMAND_REJECTION:
      free_func = (GDestroyNotify) spanmark_span_free;
      break;
    case COMMAND_ENTITY:
      free_func = (GDestroyNotify) spanmark_entity_free;
      break;
    case COMMAND_STATUS:
    default:
      break;
    }

  if (free_func != NULL)
    {
      g_clear_pointer (&command->before, free_func);
      g_clear_pointer (&command->after, free_func);
    }

  g_free (command);
}

static GPtrArray *
step_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
}

static void
apply_command (SpanmarkHistory *self,
               Command         *command,
               gboolean         undo)
{
  gconstpointer from = undo ? command->after : command->before;
  gconstpointer to = undo ? command->before : command->after;

  switch (command->kind)
    {
    case COMMAND_SPAN:
      _spanmark_annotation_set_apply_span (self->set, from, to);
      break;
    case COMMAND_ENTITY:
      _spanmark_annotation_set_apply_entity (self->set, from, to, command->index);
      break;
    case COMMAND_REJECTION:
      _spanmark_annotation_set_apply_rejection (self->set, from, to);
      break;
    case COMMAND_STATUS:
      _spanmark_annotation_set_apply_status (self->set,
                                             undo ? command->status_before
                                                  : command->status_after);
      break;
    default:
      g_assert_not_reached ();
    }
}

typedef enum
{
  BATCH_NONE,
  BATCH_ADD,
  BATCH_REMOVE,
} BatchKind;

/* Whether @command, applied in this direction, adds or removes a span. */
static BatchKind
batch_kind (Command  *command,
            gboolean  undo)
{
  gconstpointer from = undo ? command->after : command->before;
  gconstpointer to = undo ? command->before : command->after;

  if (command->kind != COMMAND_SPAN)
    return BATCH_NONE;
  if (from == NULL)
    return BATCH_ADD;
  if (to == NULL)
    return BATCH_REMOVE;
  return BATCH_NONE;
}

/* Applies the commands of @step, last first for undo.  A run of span
 * additions or removals (undoing a big "tag all") goes to the set as one
 * batch: the spans of a run have distinct ids, so their order within the
 * run does not matter to the result. */
static void
apply_step (SpanmarkHistory *self,
            GPtrArray       *step,
            gboolean         undo)
{
  g_autoptr(GPtrArray) run = g_ptr_array_new ();
  guint n = step->len;
  guint i = 0;

  while (i < n)
    {
      Command *command = g_ptr_array_index (step, undo ? n - 1 - i : i);
      BatchKind kind = batch_kind (command, undo);

      if (kind == BATCH_NONE)
        {
          apply_command (self, command, undo);
          i++;
          continue;
        }

      g_ptr_array_set_size (run, 0);
      while (i < n)
        {
          Command *next = g_ptr_array_index (step, undo ? n - 1 - i : i);

          if (batch_kind (next, undo) != kind)
            break;
          g_ptr_array_add (run, kind == BATCH_ADD ? (undo ? next->before : next->after)
                                                  : (undo ? next->after : next->before));
          i++;
        }

      if (run->len == 1)
        apply_command (self, g_ptr_array_index (step, undo ? n - i : i - 1), undo);
      else if (kind == BATCH_ADD)
        _spanmark_annotation_set_add_spans (self->set, (const SpanmarkSpan * const *) run->pdata, run->len);
      else
        _spanmark_annotation_set_remove_spans (self->set, (const SpanmarkSpan * const *) run->pdata, run->len);
    }
}

/* Runs @changes, then notifies the properties whose value it changed. */
#define WITH_NOTIFY(self, changes)                                        \
  G_STMT_START {                                                          \
    gboolean _could_undo = spanmark_history_can_undo (self);              \
    gboolean _could_redo = spanmark_history_can_redo (self);              \
    changes;                                                              \
    if (_could_undo != spanmark_history_can_undo (self))                  \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]); \
    if (_could_redo != spanmark_history_can_redo (self))                  \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]); \
  } G_STMT_END

static void
push_step (SpanmarkHistory *self,
           GPtrArray       *step)
{
  WITH_NOTIFY (self, {
    g_ptr_array_add (self->undo_stack, step);
    /* A new edit makes the undone future unreachable. */
    g_ptr_array_set_size (self->redo_stack, 0);
  });
}

/* Takes ownership of @command. */
static void
record (SpanmarkHistory *self,
        Command         *command)
{
  if (self->applying)
    {
      /* A signal handler changed the set during undo or redo; recording
       * that would tangle the stacks, so it is not undoable. */
      g_debug ("Change made during undo or redo is not recorded");
      command_free (command);
      return;
    }

  if (self->group_depth > 0)
    {
      g_ptr_array_add (self->open_group, command);
    }
  else
    {
      GPtrArray *step = step_new ();

      g_ptr_array_add (step, command);
      push_step (self, step);
    }
}

static void
spanmark_history_finalize (GObject *object)
{
  SpanmarkHistory *self = SPANMARK_HISTORY (object);

  if (self->set != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->set), (gpointer *) &self->set);

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->open_group, g_ptr_array_unref);

  G_OBJECT_CLASS (spanmark_history_parent_class)->finalize (object);
}

static void
spanmark_history_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpanmarkHistory *self = SPANMARK_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, spanmark_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, spanmark_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_history_class_init (SpanmarkHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spanmark_history_finalize;
  object_class->get_property = spanmark_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spanmark_history_init (SpanmarkHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

SpanmarkHistory *
_spanmark_history_new (SpanmarkAnnotationSet *set)
{
  SpanmarkHistory *self;

  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (set), NULL);

  self = g_object_new (SPANMARK_TYPE_HISTORY, NULL);
  self->set = set;
  g_object_add_weak_pointer (G_OBJECT (set), (gpointer *) &self->set);

  return self;
}

void
_spanmark_history_record_span (SpanmarkHistory *self,
                               SpanmarkSpan    *before,
                               SpanmarkSpan    *after)
{
  Command *command;

  g_return_if_fail (SPANMARK_IS_HISTORY (self));
  g_return_if_fail (before != NULL || after != NULL);

  command = g_new0 (Command, 1);
  command->kind = COMMAND_SPAN;
  command->before = before;
  command->after = after;
  record (self, command);
}

void
_spanmark_history_record_entity (SpanmarkHistory *self,
                                 SpanmarkEntity  *before,
                                 SpanmarkEntity  *after,
                                 guint            index)
{
  Command *command;

  g_return_if_fail (SPANMARK_IS_HISTORY (self));
  g_return_if_fail (before != NULL || after != NULL);

  command = g_new0 (Command, 1);
  command->kind = COMMAND_ENTITY;
  command->before = before;
  command->after = after;
  command->index = index;
  record (self, command);
}

void
_spanmark_history_record_rejection (SpanmarkHistory *self,
                                    SpanmarkSpan    *before,
                                    SpanmarkSpan    *after)
{
  Command *command;

  g_return_if_fail (SPANMARK_IS_HISTORY (self));
  g_return_if_fail ((before == NULL) != (after == NULL));

  command = g_new0 (Command, 1);
  command->kind = COMMAND_REJECTION;
  command->before = before;
  command->after = after;
  record (self, command);
}

static Command *
status_command_new (SpanmarkStatus before,
                    SpanmarkStatus after)
{
  Command *command = g_new0 (Command, 1);

  command->kind = COMMAND_STATUS;
  command->status_before = before;
  command->status_after = after;
  return command;
}

void
_spanmark_history_record_status (SpanmarkHistory *self,
                                 SpanmarkStatus   before,
                                 SpanmarkStatus   after)
{
  g_return_if_fail (SPANMARK_IS_HISTORY (self));

  record (self, status_command_new (before, after));
}

void
_spanmark_history_amend_status (SpanmarkHistory *self,
                                SpanmarkStatus   before,
                                SpanmarkStatus   after)
{
  Command *command;

  g_return_if_fail (SPANMARK_IS_HISTORY (self));

  command = status_command_new (before, after);

  if (self->applying || self->group_depth > 0 || self->undo_stack->len == 0)
    {
      record (self, command);
      return;
    }

  g_ptr_array_add (g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1), command);
}

gboolean
spanmark_history_can_undo (SpanmarkHistory *self)
{
  g_return_val_if_fail (SPANMARK_IS_HISTORY (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
spanmark_history_can_redo (SpanmarkHistory *self)
{
  g_return_val_if_fail (SPANMARK_IS_HISTORY (self), FALSE);

  return self->redo_stack->len > 0;
}

/* Moves the top step of @from to @to, applying it forwards or backwards. */
static gboolean
move_step (SpanmarkHistory *self,
           GPtrArray       *from,
           GPtrArray       *to,
           gboolean         undo)
{
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  GPtrArray *step;

  if (self->set == NULL || from->len == 0 || self->applying)
    return FALSE;

  /* Undo in the middle of a group would apply half a step. */
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  /* Keep the set alive if a signal handler drops the last reference. */
  set = g_object_ref (self->set);

  WITH_NOTIFY (self, {
    step = g_ptr_array_steal_index (from, from->len - 1);
    g_ptr_array_add (to, step);
  });

  self->applying = TRUE;
  apply_step (self, step, undo);
  self->applying = FALSE;

  _spanmark_annotation_set_emit_changed (set);

  return TRUE;
}

gboolean
spanmark_history_undo (SpanmarkHistory *self)
{
  g_return_val_if_fail (SPANMARK_IS_HISTORY (self), FALSE);

  return move_step (self, self->undo_stack, self->redo_stack, TRUE);
}

gboolean
spanmark_history_redo (SpanmarkHistory *self)
{
  g_return_val_if_fail (SPANMARK_IS_HISTORY (self), FALSE);

  return move_step (self, self->redo_stack, self->undo_stack, FALSE);
}

void
spanmark_history_begin_group (SpanmarkHistory *self)
{
  g_return_if_fail (SPANMARK_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->open_group = step_new ();
}

void
spanmark_history_end_group (SpanmarkHistory *self)
{
  GPtrArray *step;

  g_return_if_fail (SPANMARK_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  step = g_steal_pointer (&self->open_group);
  if (step->len == 0)
    g_ptr_array_unref (step);
  else
    push_step (self, step);
}

void
spanmark_history_clear (SpanmarkHistory *self)
{
  g_return_if_fail (SPANMARK_IS_HISTORY (self));

  WITH_NOTIFY (self, {
    g_ptr_array_set_size (self->undo_stack, 0);
    g_ptr_array_set_size (self->redo_stack, 0);
  });

  /* An open group stays open, but forgets what it held. */
  if (self->open_group != NULL)
    g_ptr_array_set_size (self->open_group, 0);
}

guint
spanmark_history_get_n_undo_steps (SpanmarkHistory *self)
{
  g_return_val_if_fail (SPANMARK_IS_HISTORY (self), 0);

  return self->undo_stack->len;
}
