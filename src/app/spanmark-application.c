/* spanmark-application.c — the Spanmark application
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#ifdef HAVE_MALLOPT
#include <malloc.h>
#endif

#include <glib/gi18n.h>

#include "spanmark-about.h"
#include "spanmark-application.h"
#include "spanmark-preferences-window.h"
#include "spanmark-project.h"
#include "spanmark-settings.h"
#include "spanmark-window.h"

struct _SpanmarkApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (SpanmarkApplication, spanmark_application, ADW_TYPE_APPLICATION)

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (spanmark_preferences_window_new (parent)));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  /* GtkApplication gives every application window the Keyboard Shortcuts
   * window from gtk/help-overlay.ui as win.show-help-overlay. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  spanmark_show_about (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing (not destroying) each window lets it save first. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action, NULL, NULL, NULL },
  { "shortcuts", shortcuts_action, NULL, NULL, NULL },
  { "about", about_action, NULL, NULL, NULL },
  { "quit", quit_action, NULL, NULL, NULL },
};

static void
spanmark_application_startup (GApplication *application)
{
  static const char *no_accels[] = { NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (spanmark_application_parent_class)->startup (application);

  /* The application icon (About) is installed under our prefix, which
   * need not be in XDG_DATA_DIRS (a build installed into a folder of its
   * own); look there too. */
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  SPANMARK_ICONDIR);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay", no_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences", preferences_accels);
}

static void
spanmark_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (spanmark_window_new (GTK_APPLICATION (application)));

  gtk_window_present (window);
}

static void
spanmark_application_open (GApplication  *application,
                           GFile        **files,
                           int            n_files,
                           const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      SpanmarkWindow *window = spanmark_window_new (GTK_APPLICATION (application));
      g_autoptr(GError) error = NULL;

      gtk_window_present (GTK_WINDOW (window));
      if (!spanmark_window_open_project (window, files[i], &error))
        spanmark_window_show_error (window, _("Could Not Open Project"), error);
    }
}

static int
spanmark_application_handle_local_options (GApplication *application,
                                           GVariantDict *options)
{
  const char *annotator = NULL;

  if (g_variant_dict_lookup (options, "annotator", "&s", &annotator))
    {
      if (!spanmark_project_is_valid_annotator (annotator))
        {
          /* TRANSLATORS: %s is the name given with --annotator */
          g_printerr (_("“%s” is not a valid annotator name: use letters, digits, “-”, “_” and “.”\n"),
                      annotator);
          return 2;
        }
      spanmark_settings_set_annotator_override (spanmark_settings_get_default (), annotator);
    }

  return -1;
}

static void
spanmark_application_class_init (SpanmarkApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = spanmark_application_startup;
  app_class->activate = spanmark_application_activate;
  app_class->open = spanmark_application_open;
  app_class->handle_local_options = spanmark_application_handle_local_options;
}

static void
spanmark_application_init (SpanmarkApplication *self)
{
  static const GOptionEntry entries[] = {
    { "annotator", 'a', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Annotate as NAME in this run (default: the name in Preferences)"), N_("NAME") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PROJECT-FOLDER]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Annotate text corpora: tag officials, places and initiatives."));
}

void
spanmark_application_tune_malloc (void)
{
#ifdef HAVE_MALLOPT
  /* Opening a long document goes through blocks of megabytes that live
   * for a moment (the file read, its text as code points, the search's
   * arrays, the automaton's while it grows).  glibc raises its mmap
   * threshold to the largest such block freed, so the next ones come
   * from the heap and their pages stay resident once freed; a threshold
   * set once is not raised, and blocks above it go back to the system
   * when freed.  Peak resident memory opening the 1M-character bench
   * document: 196 -> 185 MiB (docs/benchmarks.md). */
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

SpanmarkApplication *
spanmark_application_new (void)
{
  return g_object_new (SPANMARK_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}
