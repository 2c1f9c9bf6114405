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
