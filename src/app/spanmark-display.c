/* spanmark-display.c — how schema names are shown in the window
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "spanmark-display.h"

/* The attribute names of the default schema (src/core/spanmark-schema.c).
 * They are keys in the JSON files and never change there; the marks let
 * xgettext extract them so translators can name them for display. */
static const char * const known_attrs[] = {
  /* Translators: attribute of an official: the office held, e.g. 县委书记. */
  NC_("attribute", "title"),
  /* Translators: attribute of an official: the region governed. */
  NC_("attribute", "region"),
  /* Translators: attribute of a place: what kind of place, e.g. 县, 镇. */
  NC_("attribute", "kind"),
};

const char *
spanmark_display_attr_name (const char *attr)
{
  g_return_val_if_fail (attr != NULL, NULL);

  /* A project may define its own attributes: those have no translation
   * and are shown as the project spells them. */
  for (guint i = 0; i < G_N_ELEMENTS (known_attrs); i++)
    if (g_str_equal (attr, known_attrs[i]))
      return g_dpgettext2 (GETTEXT_PACKAGE, "attribute", attr);

  return attr;
}
