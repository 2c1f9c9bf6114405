/* main.c — the spanmark executable
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "spanmark-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpanmarkApplication) app = NULL;

  spanmark_application_tune_malloc ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Spanmark"));

  app = spanmark_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
