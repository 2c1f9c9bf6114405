/* app-test-util.c — helpers the widget tests share
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "app-test-util.h"
#include "spanmark-resources.h"

void
spanmark_test_init (int    *argc,
                    char ***argv)
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* Referencing the resource links it in (and registers it). */
  g_assert_nonnull (spanmark_get_resource ());
}

guint
spanmark_test_offset_of (const char *text,
                         const char *needle,
                         guint       nth)
{
  const char *p = text;

  for (;;)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (nth-- == 0)
        return (guint) g_utf8_pointer_to_offset (text, p);
      p += strlen (needle);
    }
}

GtkWidget *
spanmark_test_present (GtkWidget *child,
                       int        width,
                       int        height)
{
  GtkWidget *window = gtk_window_new ();

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

void
spanmark_test_destroy_window (GtkWidget *window,
                              gpointer   child)
{
  g_object_ref (child);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (child);
}

SpanmarkWindow *
spanmark_test_new_window (GFile *dir)
{
  SpanmarkWindow *window = spanmark_window_new (NULL);
  g_autoptr(GError) error = NULL;

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  if (dir != NULL)
    {
      g_assert_true (spanmark_window_open_project (window, dir, &error));
      g_assert_no_error (error);
    }
  return window;
}

GPtrArray *
spanmark_test_collect_of_type (GtkWidget *widget,
                               GType      type,
                               GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (out, child);
      spanmark_test_collect_of_type (child, type, out);
    }

  return out;
}

typedef gboolean (*Match) (GtkWidget  *widget,
                           const void *data);

static GtkWidget *
find (GtkWidget  *root,
      Match       match,
      const void *data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      if ((found = find (child, match, data)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_name (GtkWidget  *widget,
          const void *name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
has_type (GtkWidget  *widget,
          const void *type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) type);
}

static gboolean
has_action (GtkWidget  *widget,
            const void *action)
{
  return GTK_IS_ACTIONABLE (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* find(), failing the test when nothing matches. */
static GtkWidget *
find_some (GtkWidget  *root,
           Match       match,
           const void *data)
{
  GtkWidget *found = find (root, match, data);

  g_assert_nonnull (found);

  return found;
}

GtkWidget *
spanmark_test_find_named (GtkWidget  *root,
                          const char *name)
{
  return find_some (root, has_name, name);
}

GtkWidget *
spanmark_test_find_of_type (GtkWidget *root,
                            GType      type)
{
  return find_some (root, has_type, &type);
}

GtkWidget *
spanmark_test_find_action (GtkWidget  *root,
                           const char *action)
{
  return find_some (root, has_action, action);
}

const char *
spanmark_test_label_text (GtkWidget  *root,
                          const char *name)
{
  return gtk_label_get_text (GTK_LABEL (spanmark_test_find_named (root, name)));
}
