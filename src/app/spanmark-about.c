/* spanmark-about.c — the About window
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "spanmark-about.h"

/* The notes of this version, in AppStream markup.  The strings are those
 * of the metainfo file, so translators see each of them only once. */
static char *
build_release_notes (void)
{
  const char *items[] = {
    N_("Annotation window with side panels for officials, places and initiatives"),
    N_("Export to CoNLL, Hugging Face, spaCy-style JSON Lines, doccano and brat"),
    N_("The spanmark-cli command-line tool"),
    N_("English and Simplified Chinese user interface"),
  };
  GString *notes = g_string_new (NULL);
  g_autofree char *intro = g_markup_escape_text (_("The first release."), -1);

  g_string_append_printf (notes, "<p>%s</p><ul>", intro);
  for (gsize i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *item = g_markup_escape_text (_(items[i]), -1);

      g_string_append_printf (notes, "<li>%s</li>", item);
    }
  g_string_append (notes, "</ul>");

  return g_string_free (notes, FALSE);
}

/* What a bug report needs: versions of the libraries actually loaded. */
static char *
build_debug_info (void)
{
  return g_strdup_printf ("Spanmark %s (%s, %s)\n"
                          "GLib %u.%u.%u\n"
                          "GTK %u.%u.%u\n"
                          "libadwaita %u.%u.%u\n"
                          "json-glib %s\n",
                          PACKAGE_VERSION, APPLICATION_ID, PROFILE,
                          glib_major_version, glib_minor_version, glib_micro_version,
                          gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                          adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                          JSON_VERSION_S);
}

void
spanmark_show_about (GtkWindow *parent)
{
  const char *developers[] = { "The Spanmark authors", NULL };
  g_autofree char *release_notes = build_release_notes ();
  g_autofree char *debug_info = build_debug_info ();
  AdwAboutWindow *about;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), parent != NULL);

  adw_about_window_set_application_name (about, PACKAGE_NAME);
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Spanmark authors"));
  adw_about_window_set_comments (about, _("Annotate text for named-entity recognition"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, PACKAGE_WEBSITE);
  adw_about_window_set_issue_url (about, PACKAGE_WEBSITE "/issues");
  adw_about_window_set_developers (about, developers);
  /* Translators: put your names here, one a line, e.g. "Name <email>". */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_set_copyright (about, _("© 2026 The Spanmark authors"));
  adw_about_window_set_release_notes_version (about, PACKAGE_VERSION);
  adw_about_window_set_release_notes (about, release_notes);
  adw_about_window_set_debug_info (about, debug_info);
  adw_about_window_set_debug_info_filename (about, "spanmark-debug-info.txt");

  gtk_window_present (GTK_WINDOW (about));
}
