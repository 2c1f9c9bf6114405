/* test-display.c — how attribute names are shown
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "spanmark-display.h"

static GHashTable *
new_attrs (void)
{
  GHashTable *attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_insert (attrs, g_strdup ("zeta"), g_strdup ("Z"));
  g_hash_table_insert (attrs, g_strdup ("region"), g_strdup ("白沙县"));
  g_hash_table_insert (attrs, g_strdup ("alpha"), g_strdup ("A"));
  g_hash_table_insert (attrs, g_strdup ("title"), g_strdup ("县委书记"));
  g_hash_table_insert (attrs, g_strdup ("empty"), g_strdup (""));

  return attrs;
}

static void
assert_keys (GPtrArray          *keys,
             const char * const *expected)
{
  g_assert_cmpuint (keys->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < keys->len; i++)
    g_assert_cmpstr (g_ptr_array_index (keys, i), ==, expected[i]);
}

/* The schema's attributes first, in schema order; then the others
 * sorted; never one without a value. */
static void
test_attr_keys (void)
{
  const char *label_attrs[] = { "title", "region", "kind", NULL };
  const char *in_schema_order[] = { "title", "region", "alpha", "zeta", NULL };
  const char *sorted[] = { "alpha", "region", "title", "zeta", NULL };
  g_autoptr(SpanmarkLabel) label = spanmark_label_new ("OFFICIAL", "Officials", "#3584e4", "1", label_attrs);
  g_autoptr(GHashTable) attrs = new_attrs ();
  g_autoptr(GHashTable) none = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) keys = spanmark_display_attr_keys (label, attrs);
  g_autoptr(GPtrArray) keys_no_label = spanmark_display_attr_keys (NULL, attrs);
  g_autoptr(GPtrArray) no_keys = spanmark_display_attr_keys (label, none);

  assert_keys (keys, in_schema_order);
  assert_keys (keys_no_label, sorted);
  g_assert_cmpuint (no_keys->len, ==, 0);
}

/* A project's own attribute names are shown as they are. */
static void
test_attr_name_untranslated (void)
{
  const char *own = "税号";

  g_assert_true (spanmark_display_attr_name (own) == own);
  g_assert_cmpstr (spanmark_display_attr_name ("zeta"), ==, "zeta");
}

/* The default schema's names go through the catalogue with the
 * "attribute" context, here the build's Chinese catalogue. */
static void
test_attr_name_translated (void)
{
  g_autofree char *mo = g_build_filename (SPANMARK_BUILD_LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  /* The catalogue is built with the project, and build-aux/setup-debian
   * makes the locale: neither is optional. */
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    g_error ("%s is missing: the zh_CN catalogue was not built", mo);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    g_error ("no zh_CN.UTF-8 locale: run build-aux/setup-debian (or locale-gen)");
  g_unsetenv ("LANGUAGE");
  bindtextdomain (GETTEXT_PACKAGE, SPANMARK_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_assert_cmpstr (spanmark_display_attr_name ("title"), ==,
                   g_dpgettext2 (GETTEXT_PACKAGE, "attribute", "title"));
  g_assert_cmpstr (spanmark_display_attr_name ("title"), !=, "title");
  g_assert_cmpstr (spanmark_display_attr_name ("region"), !=, "region");
  g_assert_cmpstr (spanmark_display_attr_name ("kind"), !=, "kind");
  g_assert_cmpstr (spanmark_display_attr_name ("zeta"), ==, "zeta");

  setlocale (LC_ALL, "C.UTF-8");
}

/* Names and ids in menu labels: GTK reads "_" as the mark of a
 * mnemonic, so "doc_1" would show as "doc1". */
static void
test_menu_text (void)
{
  static const char * const cases[][2] = {
    { "news_001", "news__001" },
    { "_", "__" },
    { "a__b_", "a____b__" },
    { "李伟", "李伟" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = spanmark_display_menu_text (cases[i][0]);

      g_assert_cmpstr (shown, ==, cases[i][1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/display/attr-keys", test_attr_keys);
  g_test_add_func ("/display/menu-text", test_menu_text);
  g_test_add_func ("/display/attr-name-untranslated", test_attr_name_untranslated);
  g_test_add_func ("/display/attr-name-translated", test_attr_name_translated);

  return g_test_run ();
}
