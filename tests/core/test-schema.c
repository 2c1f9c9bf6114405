/* test-schema.c — labels and the label schema
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-schema.h"

static void
assert_attrs (const SpanmarkLabel *label,
              const char * const  *expected)
{
  g_assert_nonnull (label->attrs);
  g_assert_cmpuint (g_strv_length (label->attrs), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (label->attrs[i], ==, expected[i]);
}

static void
test_default (void)
{
  g_autoptr(SpanmarkSchema) schema = spanmark_schema_new_default ();
  static const char * const official_attrs[] = { "title", "region", NULL };
  static const char * const place_attrs[] = { "kind", NULL };
  static const char * const no_attrs[] = { NULL };
  const SpanmarkLabel *label;

  g_assert_cmpuint (spanmark_schema_get_n_labels (schema), ==, 3);

  label = spanmark_schema_get_label (schema, 0);
  g_assert_cmpstr (label->name, ==, "OFFICIAL");
  g_assert_cmpstr (label->title, ==, "Officials");
  g_assert_cmpstr (label->color, ==, "#3584e4");
  g_assert_cmpstr (label->key, ==, "1");
  assert_attrs (label, official_attrs);

  label = spanmark_schema_get_label (schema, 1);
  g_assert_cmpstr (label->name, ==, "PLACE");
  g_assert_cmpstr (label->title, ==, "Places");
  g_assert_cmpstr (label->color, ==, "#2ec27e");
  g_assert_cmpstr (label->key, ==, "2");
  assert_attrs (label, place_attrs);

  label = spanmark_schema_get_label (schema, 2);
  g_assert_cmpstr (label->name, ==, "INITIATIVE");
  g_assert_cmpstr (label->title, ==, "Initiatives");
  g_assert_cmpstr (label->color, ==, "#e66100");
  g_assert_cmpstr (label->key, ==, "3");
  assert_attrs (label, no_attrs);

  /* Without a translation the display title is the stored title. */
  g_assert_cmpstr (spanmark_label_get_display_title (label), ==, "Initiatives");
}

static void
test_lookup (void)
{
  g_autoptr(SpanmarkSchema) schema = spanmark_schema_new_default ();

  g_assert_cmpint (spanmark_schema_get_index (schema, "OFFICIAL"), ==, 0);
  g_assert_cmpint (spanmark_schema_get_index (schema, "INITIATIVE"), ==, 2);
  g_assert_cmpint (spanmark_schema_get_index (schema, "official"), ==, -1);
  g_assert_cmpint (spanmark_schema_get_index (schema, NULL), ==, -1);

  g_assert_true (spanmark_schema_lookup (schema, "PLACE") == spanmark_schema_get_label (schema, 1));
  g_assert_null (spanmark_schema_lookup (schema, "PERSON"));

  g_assert_true (spanmark_schema_lookup_key (schema, "3") == spanmark_schema_get_label (schema, 2));
  g_assert_null (spanmark_schema_lookup_key (schema, "4"));
  g_assert_null (spanmark_schema_lookup_key (schema, ""));
  g_assert_null (spanmark_schema_lookup_key (schema, NULL));
}

static void
test_add_label (void)
{
  g_autoptr(SpanmarkSchema) schema = spanmark_schema_new ();
  static const char * const attrs[] = { "时代", NULL };
  g_autoptr(SpanmarkLabel) label = spanmark_label_new ("事件", "重大事件", "#c061cb", "e", attrs);
  g_autoptr(SpanmarkLabel) other = spanmark_label_new ("事件", "Other", "#000000", NULL, NULL);
  const SpanmarkLabel *stored;

  g_assert_cmpuint (spanmark_schema_get_n_labels (schema), ==, 0);
  g_assert_true (spanmark_schema_add_label (schema, label));

  /* The schema keeps its own copy. */
  stored = spanmark_schema_get_label (schema, 0);
  g_assert_true (stored != label);
  g_assert_cmpstr (stored->name, ==, "事件");
  g_assert_cmpstr (stored->title, ==, "重大事件");
  g_assert_cmpstr (stored->attrs[0], ==, "时代");
  g_assert_true (spanmark_schema_lookup_key (schema, "e") == stored);

  /* A second label of the same name is refused and nothing changes. */
  g_assert_false (spanmark_schema_add_label (schema, other));
  g_assert_cmpuint (spanmark_schema_get_n_labels (schema), ==, 1);
  g_assert_cmpstr (spanmark_schema_get_label (schema, 0)->title, ==, "重大事件");
}

static void
test_label_boxed (void)
{
  g_autoptr(SpanmarkLabel) label = spanmark_label_new ("PLACE", "Places", "#2ec27e", "2", NULL);
  SpanmarkLabel *copy;

  /* attrs is never NULL. */
  g_assert_nonnull (label->attrs);
  g_assert_null (label->attrs[0]);

  copy = g_boxed_copy (SPANMARK_TYPE_LABEL, label);
  g_assert_true (copy != label);
  g_assert_cmpstr (copy->name, ==, "PLACE");
  g_assert_cmpstr (copy->title, ==, "Places");
  g_assert_cmpstr (copy->color, ==, "#2ec27e");
  g_assert_cmpstr (copy->key, ==, "2");
  g_assert_nonnull (copy->attrs);
  g_boxed_free (SPANMARK_TYPE_LABEL, copy);
}

static void
test_label_titles (void)
{
  g_autoptr(SpanmarkLabel) untitled = spanmark_label_new ("ORG", NULL, "#000000", NULL, NULL);
  g_autoptr(SpanmarkLabel) empty = spanmark_label_new ("ORG", "", "#000000", NULL, NULL);

  /* A label without a title shows its name; an empty title must never
   * be looked up (gettext would answer with the catalogue header). */
  g_assert_cmpstr (spanmark_label_get_display_title (untitled), ==, "ORG");
  g_assert_cmpstr (spanmark_label_get_display_title (empty), ==, "ORG");
  g_assert_null (untitled->key);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema/default", test_default);
  g_test_add_func ("/schema/lookup", test_lookup);
  g_test_add_func ("/schema/add-label", test_add_label);
  g_test_add_func ("/schema/label-boxed", test_label_boxed);
  g_test_add_func ("/schema/label-titles", test_label_titles);

  return g_test_run ();
}
