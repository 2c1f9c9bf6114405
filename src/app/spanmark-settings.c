/* spanmark-settings.c — the app's GSettings, in one object
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-project.h"
#include "spanmark-settings.h"

#define SCHEMA_ID "io.github.spanmark.Spanmark"
#define MAX_RECENT_PROJECTS 10

struct _SpanmarkSettings
{
  GObject    parent_instance;
  GSettings *settings;
  /* From `spanmark --annotator NAME`: wins over the key, for this run only. */
  char      *annotator_override;
};

G_DEFINE_FINAL_TYPE (SpanmarkSettings, spanmark_settings, G_TYPE_OBJECT)

static void
spanmark_settings_dispose (GObject *object)
{
  SpanmarkSettings *self = SPANMARK_SETTINGS (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->annotator_override, g_free);

  G_OBJECT_CLASS (spanmark_settings_parent_class)->dispose (object);
}

static void
spanmark_settings_class_init (SpanmarkSettingsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = spanmark_settings_dispose;
}

static void
spanmark_settings_init (SpanmarkSettings *self)
{
  self->settings = g_settings_new (SCHEMA_ID);
}

/**
 * spanmark_settings_get_default:
 *
 * Returns: (transfer none): the one settings object of the process.
 */
SpanmarkSettings *
spanmark_settings_get_default (void)
{
  static SpanmarkSettings *instance;

  if (instance == NULL)
    instance = g_object_new (SPANMARK_TYPE_SETTINGS, NULL);

  return instance;
}

GSettings *
spanmark_settings_get_gsettings (SpanmarkSettings *self)
{
  g_return_val_if_fail (SPANMARK_IS_SETTINGS (self), NULL);

  return self->settings;
}

/* Turns an arbitrary name into a valid annotator name: characters that are
 * not letters, digits or "-_." become "_", and a leading "." or "_" is
 * replaced so the reserved "_curated" cannot be produced. */
static char *
make_valid_annotator (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '-' || c == '_' || c == '.')
        g_string_append_unichar (out, c);
      else
        g_string_append_c (out, '_');
    }

  if (out->len > 0 && (out->str[0] == '.' || out->str[0] == '_'))
    out->str[0] = 'x';
  if (out->len > 200)
    g_string_truncate (out, 0);
  if (out->len == 0 || !spanmark_project_is_valid_annotator (out->str))
    {
      g_string_free (out, TRUE);
      return g_strdup ("annotator");
    }

  return g_string_free (out, FALSE);
}

char *
spanmark_settings_dup_annotator (SpanmarkSettings *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (SPANMARK_IS_SETTINGS (self), NULL);

  if (self->annotator_override != NULL)
    return g_strdup (self->annotator_override);

  name = g_settings_get_string (self->settings, "annotator-name");
  g_strstrip (name);
  if (name[0] == '\0')
    {
      g_free (name);
      name = g_strdup (g_get_user_name ());
    }

  if (spanmark_project_is_valid_annotator (name))
    return g_steal_pointer (&name);

  return make_valid_annotator (name);
}

void
spanmark_settings_set_annotator_override (SpanmarkSettings *self,
                                          const char       *annotator)
{
  g_return_if_fail (SPANMARK_IS_SETTINGS (self));
  g_return_if_fail (annotator == NULL || spanmark_project_is_valid_annotator (annotator));

  g_free (self->annotator_override);
  self->annotator_override = g_strdup (annotator);
}

int
spanmark_settings_get_font_size (SpanmarkSettings *self)
{
  g_return_val_if_fail (SPANMARK_IS_SETTINGS (self), 16);

  return g_settings_get_int (self->settings, "font-size");
}

double
spanmark_settings_get_line_spacing (SpanmarkSettings *self)
{
  g_return_val_if_fail (SPANMARK_IS_SETTINGS (self), 1.6);

  return g_settings_get_double (self->settings, "line-spacing");
}

guint
spanmark_settings_get_autosave_delay (SpanmarkSettings *self)
{
  g_return_val_if_fail (SPANMARK_IS_SETTINGS (self), 2);

  return g_settings_get_uint (self->settings, "autosave-delay");
}

guint
spanmark_settings_get_autosave_max_delay (SpanmarkSettings *self)
{
  g_return_val_if_fail (SPANMARK_IS_SETTINGS (self), 3);

  return g_settings_get_uint (self->settings, "autosave-max-delay");
}

GStrv
spanmark_settings_dup_recent_projects (SpanmarkSettings *self)
{
  g_return_val_if_fail (SPANMARK_IS_SETTINGS (self), NULL);

  return g_settings_get_strv (self->settings, "recent-projects");
}

void
spanmark_settings_add_recent_project (SpanmarkSettings *self,
                                      const char       *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_return_if_fail (SPANMARK_IS_SETTINGS (self));
  g_return_if_fail (path != NULL);

  old = g_settings_get_strv (self->settings, "recent-projects");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_PROJECTS; i++)
    {
      if (g_strcmp0 (old[i], path) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) recent);
}

void
spanmark_settings_remove_recent_project (SpanmarkSettings *self,
                                         const char       *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;

  g_return_if_fail (SPANMARK_IS_SETTINGS (self));
  g_return_if_fail (path != NULL);

  old = g_settings_get_strv (self->settings, "recent-projects");
  builder = g_strv_builder_new ();
  for (guint i = 0; old[i] != NULL; i++)
    if (g_strcmp0 (old[i], path) != 0)
      g_strv_builder_add (builder, old[i]);

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) recent);
}
