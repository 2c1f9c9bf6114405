/* test-labels.c — label rules and changing a project's labels
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "spanmark-core.h"
#include "labels-fixture.h"

/* Rules */

static void
test_names (void)
{
  const char *good[] = { "PER", "LOC", "B2B", "per_son", "GPE-city", "人名", "व्यक्ति", "_X", NULL };
  const char *bad[] = { "", "A B", "-X", "a.b", "X/Y", "tab\there", "é\xff", NULL };
  g_autofree char *long_name = g_strnfill (SPANMARK_LABEL_MAX_NAME_CHARS + 1, 'A');
  g_autofree char *longest = g_strnfill (SPANMARK_LABEL_MAX_NAME_CHARS, 'A');

  for (guint i = 0; good[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (spanmark_label_rules_check_name (good[i], &error));
      g_assert_no_error (error);
      g_assert_true (spanmark_label_rules_check_attr (good[i], &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (spanmark_label_rules_check_name (bad[i], &error));
      g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
      g_assert_false (spanmark_label_rules_check_attr (bad[i], &error));
      g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID);
    }

  g_assert_true (spanmark_label_rules_check_name (longest, NULL));
  g_assert_false (spanmark_label_rules_check_name (long_name, NULL));

  /* The message shows the character that is not allowed. */
  {
    g_autoptr(GError) error = NULL;

    spanmark_label_rules_check_name ("A B", &error);
    g_assert_nonnull (strstr (error->message, "U+0020"));
    g_clear_error (&error);
    spanmark_label_rules_check_name ("a.b", &error);
    g_assert_nonnull (strstr (error->message, "“.”"));
  }
}

/* Names from other tools, made ones the rules take. */
static void
test_make_name (void)
{
  static const struct { const char *name; const char *made; } cases[] = {
    { "PER.NOM", "PER_NOM" },         /* Weibo NER */
    { "GPE.NAM", "GPE_NAM" },
    { "-X", "_X" },
    { "a b/c", "a_b_c" },
    { "人名", "人名" },
    { "e\xcc\x81x", "e\xcc\x81x" },  /* a combining mark after the first */
    { "\xcc\x81x", "_x" },
    { "", NULL },
    { "\xff", NULL },
  };
  g_autofree char *long_name = g_strnfill (SPANMARK_LABEL_MAX_NAME_CHARS + 1, 'A');
  g_autofree char *longest = g_strnfill (SPANMARK_LABEL_MAX_NAME_CHARS, '.');
  g_autofree char *made = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = spanmark_label_rules_make_name (cases[i].name);

      g_assert_cmpstr (result, ==, cases[i].made);
      if (result != NULL)
        g_assert_true (spanmark_label_rules_check_name (result, NULL));
    }
  g_assert_null (spanmark_label_rules_make_name (long_name));
  made = spanmark_label_rules_make_name (longest);
  g_assert_cmpuint (strlen (made), ==, SPANMARK_LABEL_MAX_NAME_CHARS);
  g_assert_true (spanmark_label_rules_check_name (made, NULL));
}

static void
test_keys (void)
{
  const char *good[] = { NULL, "", "1", "p", "P", "!", "é", "ß", NULL };
  const char *bad[] = { " ", "12", "\t", "\n", "\xcc\x81" /* a lone combining acute accent */, "\u3000", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (spanmark_label_rules_check_key (good[i], NULL));

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (spanmark_label_rules_check_key (bad[i], &error));
      g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID);
    }
}

static void
test_titles (void)
{
  g_autofree char *long_title = g_strnfill (SPANMARK_LABEL_MAX_TITLE_CHARS + 1, 'x');

  g_assert_true (spanmark_label_rules_check_title ("Persons 人物", NULL));
  g_assert_true (spanmark_label_rules_check_title (NULL, NULL));
  g_assert_false (spanmark_label_rules_check_title ("two\nlines", NULL));
  g_assert_false (spanmark_label_rules_check_title (long_title, NULL));
}

static void
test_colors (void)
{
  const struct {
    const char *given;
    const char *parsed;
  } good[] = {
    { "#3584E4", "#3584e4" },
    { " #abcdef ", "#abcdef" },
    { "blue3", "#3584e4" },
    { "Orange4", "#e66100" },
  };
  const char *bad[] = { "", "red", "#12345", "#1234567", "#ggg000", "3584e4", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *parsed = spanmark_label_rules_parse_color (good[i].given, NULL);

      g_assert_cmpstr (parsed, ==, good[i].parsed);
    }

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *parsed = spanmark_label_rules_parse_color (bad[i], &error);

      g_assert_null (parsed);
      g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID);
    }
}

static void
test_contrast (void)
{
  g_autoptr(SpanmarkSchema) schema = spanmark_schema_new_default ();
  const char * const *palette = spanmark_label_rules_get_palette ();
  g_autoptr(GError) error = NULL;

  /* WCAG's own extremes: white text on black is 21:1; the light style's
   * text (black at 80 %, so #333333) on white is 12.63:1. */
  g_assert_cmpfloat_with_epsilon (spanmark_label_rules_get_contrast ("#000000", SPANMARK_LABEL_STYLE_DARK, 1.0),
                                  21.0, 0.01);
  g_assert_cmpfloat_with_epsilon (spanmark_label_rules_get_contrast ("#ffffff", SPANMARK_LABEL_STYLE_LIGHT, 1.0),
                                  12.63, 0.01);
  g_assert_cmpfloat_with_epsilon (spanmark_label_rules_get_contrast ("#ffffff", SPANMARK_LABEL_STYLE_DARK, 1.0),
                                  1.0, 0.001);

  /* The default labels' colours are readable, of course. */
  for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
    {
      spanmark_label_rules_check_contrast (spanmark_schema_get_label (schema, i)->color, &error);
      g_assert_no_error (error);
    }

  /* Every colour new labels get, and all different. */
  g_assert_cmpuint (g_strv_length ((char **) palette), >=, 16);
  for (guint i = 0; palette[i] != NULL; i++)
    {
      spanmark_label_rules_check_contrast (palette[i], &error);
      g_assert_no_error (error);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (palette[i], !=, palette[j]);
    }

  /* Pale yellow under white text (dark style) is not; nor is black
   * under the light style's black text. */
  g_assert_false (spanmark_label_rules_check_contrast ("#f9f06b", &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "dark style"));
  g_assert_nonnull (strstr (error->message, "darker"));
  g_clear_error (&error);
  g_assert_false (spanmark_label_rules_check_contrast ("#000000", &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "light style"));
  g_clear_error (&error);
  g_assert_false (spanmark_label_rules_check_contrast ("#ffffff", NULL));
}

/* Every palette colour in each of the four styles: the text reads on
 * every shade, the marks stand out against the background and the
 * shades, and chips keep their text readable. */
static void
test_styles (void)
{
  const char * const *palette = spanmark_label_rules_get_palette ();

  for (guint style = 0; style < SPANMARK_LABEL_N_STYLES; style++)
    {
      gboolean hc = spanmark_label_rules_is_high_contrast (style);
      const char *background = spanmark_label_rules_get_background (style);

      g_assert_true (hc == (style == SPANMARK_LABEL_STYLE_HIGH_CONTRAST
                            || style == SPANMARK_LABEL_STYLE_HIGH_CONTRAST_DARK));
      g_assert_cmpfloat (spanmark_label_rules_get_min_contrast (style, SPANMARK_LABEL_SHADE_BASE), ==,
                         hc ? 7.0 : 4.5);

      for (guint i = 0; palette[i] != NULL; i++)
        {
          g_autofree char *mark = spanmark_label_rules_get_mark_color (palette[i], style);
          g_autofree char *fill = NULL;
          g_autofree char *ink = NULL;
          double last_alpha = 1.0;

          for (guint shade = 0; shade < SPANMARK_LABEL_N_SHADES; shade++)
            {
              double alpha = spanmark_label_rules_get_alpha (palette[i], style, shade);
              g_autofree char *blend = NULL;
              double rgb[3];

              /* Light and dark: the fixed shades; high contrast: no
               * stronger than those, and the text at 7:1 (4.5:1). */
              if (!hc)
                g_assert_cmpfloat (alpha, ==, shade == SPANMARK_LABEL_SHADE_BASE ? SPANMARK_LABEL_ALPHA_BASE
                                              : shade == SPANMARK_LABEL_SHADE_NEXT ? SPANMARK_LABEL_ALPHA_NEXT
                                              : SPANMARK_LABEL_ALPHA_CURRENT);
              g_assert_cmpfloat (alpha, <=, shade == SPANMARK_LABEL_SHADE_CURRENT ? SPANMARK_LABEL_ALPHA_CURRENT
                                            : shade == SPANMARK_LABEL_SHADE_NEXT ? SPANMARK_LABEL_ALPHA_NEXT
                                            : SPANMARK_LABEL_ALPHA_BASE);
              g_assert_cmpfloat (spanmark_label_rules_get_contrast (palette[i], style, alpha), >=,
                                 spanmark_label_rules_get_min_contrast (style, shade));
              /* Shades get stronger in order (the next one and the
               * current one stand out), or stay. */
              if (shade > 0)
                g_assert_cmpfloat (alpha, >=, last_alpha);
              last_alpha = alpha;

              /* The mark against the plain shades as drawn (the
               * current span's marks are in the text's colour). */
              if (shade == SPANMARK_LABEL_SHADE_CURRENT)
                continue;
              for (guint c = 0; c < 3; c++)
                {
                  char hex[3] = { palette[i][1 + 2 * c], palette[i][2 + 2 * c], '\0' };
                  char bg[3] = { background[1 + 2 * c], background[2 + 2 * c], '\0' };

                  rgb[c] = alpha * g_ascii_strtoull (hex, NULL, 16) + (1 - alpha) * g_ascii_strtoull (bg, NULL, 16);
                }
              blend = g_strdup_printf ("#%02x%02x%02x", (guint) (rgb[0] + 0.5), (guint) (rgb[1] + 0.5),
                                       (guint) (rgb[2] + 0.5));
              g_assert_cmpfloat (spanmark_label_rules_get_color_contrast (mark, blend), >=,
                                 hc ? SPANMARK_LABEL_MIN_CONTRAST_MARK_HC : SPANMARK_LABEL_MIN_CONTRAST_MARK);
            }
          g_assert_cmpfloat (spanmark_label_rules_get_color_contrast (mark, background), >=,
                             hc ? SPANMARK_LABEL_MIN_CONTRAST_MARK_HC : SPANMARK_LABEL_MIN_CONTRAST_MARK);

          spanmark_label_rules_get_chip_colors (palette[i], style, &fill, &ink);
          g_assert_true (g_str_equal (ink, "#000000") || g_str_equal (ink, "#ffffff"));
          g_assert_cmpfloat (spanmark_label_rules_get_color_contrast (fill, ink), >=, hc ? 7.0 : 4.5);
          /* Outside high contrast the chip is the label's own colour. */
          if (!hc)
            g_assert_cmpstr (fill, ==, palette[i]);
        }
    }

  /* A mark keeps its hue: blue stays bluish, darker in light, lighter in
   * dark. */
  {
    g_autofree char *light = spanmark_label_rules_get_mark_color ("#3584e4", SPANMARK_LABEL_STYLE_LIGHT);
    g_autofree char *dark = spanmark_label_rules_get_mark_color ("#3584e4", SPANMARK_LABEL_STYLE_DARK);

    g_assert_cmpstr (light, !=, "#000000");
    g_assert_cmpstr (dark, !=, "#ffffff");
    char red[3] = { light[1], light[2], '\0' };

    g_assert_cmpuint (g_ascii_strtoull (light + 5, NULL, 16), >, g_ascii_strtoull (red, NULL, 16));
    g_assert_cmpfloat (spanmark_label_rules_get_color_contrast (light, "#ffffff"), >,
                       spanmark_label_rules_get_color_contrast ("#3584e4", "#ffffff"));
    g_assert_cmpfloat (spanmark_label_rules_get_color_contrast (dark, "#1e1e1e"), >,
                       spanmark_label_rules_get_color_contrast ("#3584e4", "#1e1e1e"));
  }
  g_assert_cmpfloat_with_epsilon (spanmark_label_rules_get_color_contrast ("#000000", "#ffffff"), 21.0, 0.01);
}

static void
test_pick (void)
{
  g_autoptr(SpanmarkSchema) schema = spanmark_schema_new_default ();
  g_autofree char *key = spanmark_label_rules_pick_key (schema);
  g_autofree char *last = NULL;
  const char * const *palette = spanmark_label_rules_get_palette ();

  g_assert_cmpstr (key, ==, "4");
  /* The default's colours are the palette's first three. */
  g_assert_cmpstr (spanmark_label_rules_pick_color (schema), ==, palette[3]);

  /* 1…9, then a…z, then none. */
  for (guint i = 3; i < 35; i++)
    {
      g_autofree char *name = g_strdup_printf ("L%u", i);
      g_autofree char *next = spanmark_label_rules_pick_key (schema);
      g_autoptr(SpanmarkLabel) label = spanmark_label_new (name, NULL, spanmark_label_rules_pick_color (schema),
                                                           next, NULL);

      g_assert_nonnull (next);
      if (i == 9)
        g_assert_cmpstr (next, ==, "a");
      g_assert_true (spanmark_schema_add_label (schema, label));
      g_free (last);
      last = g_strdup (next);
    }
  g_assert_cmpstr (last, ==, "z");
  g_assert_null (spanmark_label_rules_pick_key (schema));
  /* Colours come round again. */
  g_assert_nonnull (spanmark_label_rules_pick_color (schema));
}

static void
test_check (void)
{
  g_autoptr(SpanmarkSchema) schema = spanmark_schema_new_default ();
  static const char * const twice[] = { "a", "a", NULL };
  static const char * const spaced[] = { "two words", NULL };
  const SpanmarkLabel *place = spanmark_schema_lookup (schema, "PLACE");
  g_autoptr(SpanmarkLabel) label = NULL;
  g_autoptr(SpanmarkLabel) legacy = NULL;
  g_autoptr(GError) error = NULL;

  label = spanmark_label_new ("PER", NULL, "#3584e4", "1", NULL);
  g_assert_false (spanmark_label_rules_check (schema, label, NULL, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "OFFICIAL"));
  g_clear_error (&error);
  g_clear_pointer (&label, spanmark_label_free);

  label = spanmark_label_new ("PLACE", NULL, "#3584e4", "4", NULL);
  g_assert_false (spanmark_label_rules_check (schema, label, NULL, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_EXISTS);
  g_clear_error (&error);
  /* As a change to PLACE itself, keeping its name and key is fine. */
  g_clear_pointer (&label, spanmark_label_free);
  label = spanmark_label_copy (place);
  g_free (label->title);
  label->title = g_strdup ("地点");
  g_assert_true (spanmark_label_rules_check (schema, label, place, &error));
  g_assert_no_error (error);

  g_strfreev (label->attrs);
  label->attrs = g_strdupv ((char **) twice);
  g_assert_false (spanmark_label_rules_check (schema, label, place, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID);
  g_clear_error (&error);

  /* A label from an older project keeps what it has: only what changes
   * is held to the rules. */
  legacy = spanmark_label_new ("OLD NAME", NULL, "#000000", NULL, spaced);
  g_clear_pointer (&label, spanmark_label_free);
  label = spanmark_label_copy (legacy);
  g_free (label->title);
  label->title = g_strdup ("Renamed title");
  g_assert_true (spanmark_label_rules_check (schema, label, legacy, &error));
  g_assert_no_error (error);
  g_free (label->color);
  label->color = g_strdup ("#ffffff");
  g_assert_false (spanmark_label_rules_check (schema, label, legacy, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_UNREADABLE);
}

static void
test_split_attrs (void)
{
  g_auto(GStrv) attrs = spanmark_label_rules_split_attrs (" title, region,,kind ");
  g_auto(GStrv) none = spanmark_label_rules_split_attrs ("");

  g_assert_cmpuint (g_strv_length (attrs), ==, 3);
  g_assert_cmpstr (attrs[0], ==, "title");
  g_assert_cmpstr (attrs[1], ==, "region");
  g_assert_cmpstr (attrs[2], ==, "kind");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

/* Schemas for new projects */

static void
test_from_names (void)
{
  static const char * const names[] = { "PER", "LOC", "ORG", "A", "B", "C", "D", "E", "F", "G", "H", NULL };
  static const char * const twice[] = { "PER", "PER", NULL };
  static const char * const spaced[] = { "PER", "TWO WORDS", NULL };
  static const char * const none[] = { NULL };
  g_autoptr(SpanmarkSchema) schema = NULL;
  g_autoptr(SpanmarkSchema) bad = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *palette = spanmark_label_rules_get_palette ();

  schema = spanmark_label_ops_schema_from_names (names, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spanmark_schema_get_n_labels (schema), ==, 11);
  for (guint i = 0; i < 11; i++)
    {
      const SpanmarkLabel *label = spanmark_schema_get_label (schema, i);

      g_assert_cmpstr (label->name, ==, names[i]);
      g_assert_cmpstr (label->title, ==, names[i]);
      g_assert_cmpstr (label->color, ==, palette[i]);
      g_assert_cmpuint (g_strv_length (label->attrs), ==, 0);
    }
  g_assert_cmpstr (spanmark_schema_get_label (schema, 0)->key, ==, "1");
  g_assert_cmpstr (spanmark_schema_get_label (schema, 8)->key, ==, "9");
  g_assert_cmpstr (spanmark_schema_get_label (schema, 9)->key, ==, "a");
  g_assert_cmpstr (spanmark_schema_get_label (schema, 10)->key, ==, "b");

  bad = spanmark_label_ops_schema_from_names (twice, &error);
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_EXISTS);
  g_assert_null (bad);
  g_clear_error (&error);
  bad = spanmark_label_ops_schema_from_names (spaced, &error);
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID);
  g_assert_null (bad);
  g_clear_error (&error);
  bad = spanmark_label_ops_schema_from_names (none, &error);
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID);
  g_assert_null (bad);
}

static SpanmarkSchema *
schema_from (const char  *json,
             GError     **error)
{
  return spanmark_label_ops_schema_from_json ("schema.json", json, strlen (json), error);
}

static void
test_from_json (void)
{
  g_autoptr(SpanmarkSchema) schema = NULL;
  g_autoptr(SpanmarkSchema) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  const SpanmarkLabel *label;

  /* A label's own key is never handed to an earlier one; null: no key. */
  schema = schema_from ("[{\"name\": \"PER\", \"title\": \"Persons\", \"attrs\": [\"title\"]},\n"
                        " {\"name\": \"LOC\", \"color\": \"green5\"},\n"
                        " {\"name\": \"ORG\", \"key\": \"1\"},\n"
                        " {\"name\": \"MISC\", \"key\": null}]", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spanmark_schema_get_n_labels (schema), ==, 4);
  label = spanmark_schema_get_label (schema, 0);
  g_assert_cmpstr (label->title, ==, "Persons");
  g_assert_cmpstr (label->key, ==, "2");
  g_assert_cmpstr (label->attrs[0], ==, "title");
  g_assert_cmpstr (label->color, ==, "#3584e4");
  label = spanmark_schema_get_label (schema, 1);
  g_assert_cmpstr (label->color, ==, "#26a269");
  g_assert_cmpstr (label->key, ==, "3");
  g_assert_cmpstr (label->title, ==, "LOC");
  g_assert_cmpstr (spanmark_schema_get_label (schema, 2)->key, ==, "1");
  g_assert_null (spanmark_schema_get_label (schema, 3)->key);

  /* What list --json writes reads back the same. */
  json = spanmark_label_ops_schema_to_json (schema, NULL);
  g_assert_true (g_str_has_prefix (json, "[\n  {\"name\": \"PER\", \"title\": \"Persons\", \"color\": \"#3584e4\", "
                                   "\"key\": \"2\", \"attrs\": [\"title\"]},\n"));
  g_assert_nonnull (strstr (json, "\"key\": null"));
  again = schema_from (json, &error);
  g_assert_no_error (error);
  json_again = spanmark_label_ops_schema_to_json (again, NULL);
  g_assert_cmpstr (json, ==, json_again);
  g_clear_object (&again);

  /* A whole spanmark.json gives its labels. */
  again = schema_from ("{\"spanmark\": 1, \"name\": \"x\", \"labels\": [{\"name\": \"X\"}], \"documents\": []}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (spanmark_schema_get_label (again, 0)->name, ==, "X");
}

static void
test_from_json_errors (void)
{
  const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "[{\"name\": \"PER\",}]", "schema.json: line 1, column" },
    { "{\"labels\": 3}", "schema.json: must hold a labels array" },
    { "[]", "schema.json: holds no labels" },
    { "[3]", "schema.json: labels[0]: must be an object" },
    { "[{\"title\": \"x\"}]", "schema.json: labels[0]: the label has no “name”" },
    { "[{\"name\": \"A\", \"colour\": \"#000000\"}]", "schema.json: labels[0] (name \"A\"): unknown member “colour”" },
    { "[{\"name\": \"A\"}, {\"name\": \"A\"}]", "schema.json: labels[1] (name \"A\"): there is a label “A” already" },
    { "[{\"name\": \"A\", \"key\": \"1\"}, {\"name\": \"B\", \"key\": \"1\"}]", "labels[1] (name \"B\"): the key “1” is the key of “A” already" },
    { "[{\"name\": \"A\", \"key\": \"12\"}]", "labels[0] (name \"A\"): the key “12” must be a single character" },
    { "[{\"name\": \"A\", \"color\": \"#fff\"}]", "labels[0] (name \"A\"): “#fff” is not a colour" },
    { "[{\"name\": \"A\", \"color\": \"yellow1\"}]", "labels[0] (name \"A\"): the colour #f9f06b makes span text hard to read" },
    { "[{\"name\": \"A B\"}]", "labels[0] (name \"A B\"): “A B” cannot be a label name" },
    { "[{\"name\": \"A\", \"attrs\": \"x\"}]", "labels[0] (name \"A\"): attrs: must be an array" },
    { "[{\"name\": \"A\", \"attrs\": [1]}]", "labels[0] (name \"A\"): attrs[0]: must be a string" },
    { "[{\"name\": 7}]", "labels[0]: name: must be a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpanmarkSchema) schema = schema_from (cases[i].json, &error);

      g_assert_null (schema);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].message);
    }
}

/* Changing a project's labels */

typedef struct
{
  char            *tmp;
  SpanmarkProject *project;
  guint            n_changed;
} Fixture;

static void
changed_cb (guint *counter)
{
  (*counter)++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->tmp = spanmark_test_make_tmpdir ();
  fixture->project = labels_fixture_make (fixture->tmp);
  g_signal_connect_swapped (spanmark_project_get_schema (fixture->project), "changed",
                            G_CALLBACK (changed_cb), &fixture->n_changed);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->project);
  spanmark_test_remove_tree (fixture->tmp);
  g_free (fixture->tmp);
}

/* The labels spanmark.json lists now, "A,B,C". */
static char *
names_on_disk (Fixture *fixture)
{
  g_autoptr(SpanmarkProject) project = fixture_open (fixture->tmp);
  SpanmarkSchema *schema = spanmark_project_get_schema (project);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
    g_string_append_printf (names, i > 0 ? ",%s" : "%s", spanmark_schema_get_label (schema, i)->name);
  return g_strdup (names->str);
}

static void
assert_valid (Fixture *fixture)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->tmp);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  problems = spanmark_validate_project (dir, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = spanmark_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("%s", text);
      g_assert_cmpint (((SpanmarkProblem *) g_ptr_array_index (problems, i))->severity, !=,
                       SPANMARK_PROBLEM_ERROR);
    }
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  static const char * const attrs[] = { "gender", NULL };
  g_autoptr(SpanmarkLabel) label = spanmark_label_new ("PERSON", "Persons", "#9141ac", "4", attrs);
  g_autoptr(SpanmarkLabel) clash = spanmark_label_new ("OTHER", NULL, "#9141ac", "1", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkProject) reopened = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names = NULL;
  const SpanmarkLabel *added;

  g_assert_true (spanmark_label_ops_add (fixture->project, label, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  names = names_on_disk (fixture);
  g_assert_cmpstr (names, ==, "OFFICIAL,PLACE,INITIATIVE,PERSON");
  reopened = fixture_open (fixture->tmp);
  added = spanmark_schema_lookup (spanmark_project_get_schema (reopened), "PERSON");
  g_assert_cmpstr (added->title, ==, "Persons");
  g_assert_cmpstr (added->color, ==, "#9141ac");
  g_assert_cmpstr (added->key, ==, "4");
  g_assert_cmpstr (added->attrs[0], ==, "gender");

  /* A clash writes nothing and changes nothing. */
  before = spanmark_test_snapshot_tree (fixture->tmp);
  g_assert_false (spanmark_label_ops_add (fixture->project, clash, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_EXISTS);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_suffix (strstr (error->message, "spanmark.json: label “OTHER”: "),
                                   "the key “1” is the key of “OFFICIAL” already"));
  g_clear_error (&error);
  g_assert_false (spanmark_label_ops_add (fixture->project, label, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_EXISTS);
  after = spanmark_test_snapshot_tree (fixture->tmp);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpuint (spanmark_schema_get_n_labels (spanmark_project_get_schema (fixture->project)), ==, 4);
}

static void
test_update_and_move (Fixture       *fixture,
                      gconstpointer  data)
{
  SpanmarkSchema *schema = spanmark_project_get_schema (fixture->project);
  g_autoptr(SpanmarkLabel) label = spanmark_label_copy (spanmark_schema_lookup (schema, "PLACE"));
  g_autoptr(SpanmarkProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  const SpanmarkLabel *place;

  g_free (label->title);
  label->title = g_strdup ("地点");
  g_free (label->key);
  label->key = g_strdup ("p");
  g_free (label->color);
  label->color = g_strdup ("#26a269");
  g_strfreev (label->attrs);
  label->attrs = spanmark_label_rules_split_attrs ("kind, level");
  g_assert_true (spanmark_label_ops_update (fixture->project, "PLACE", label, &error));
  g_assert_no_error (error);

  reopened = fixture_open (fixture->tmp);
  place = spanmark_schema_lookup (spanmark_project_get_schema (reopened), "PLACE");
  g_assert_cmpstr (place->title, ==, "地点");
  g_assert_cmpstr (place->key, ==, "p");
  g_assert_cmpstr (place->color, ==, "#26a269");
  g_assert_cmpuint (g_strv_length (place->attrs), ==, 2);
  g_assert_cmpstr (place->attrs[1], ==, "level");

  /* The key 1 is OFFICIAL's; and a name changes only by renaming. */
  g_free (label->key);
  label->key = g_strdup ("1");
  g_assert_false (spanmark_label_ops_update (fixture->project, "PLACE", label, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_EXISTS);
  g_clear_error (&error);
  g_free (label->name);
  label->name = g_strdup ("PLACES");
  g_assert_false (spanmark_label_ops_update (fixture->project, "PLACE", label, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spanmark_label_ops_update (fixture->project, "NOPE", label, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (spanmark_label_ops_move (fixture->project, "INITIATIVE", 0, &error));
  g_assert_no_error (error);
  names = names_on_disk (fixture);
  g_assert_cmpstr (names, ==, "INITIATIVE,OFFICIAL,PLACE");
  g_assert_cmpstr (spanmark_schema_get_label (schema, 0)->name, ==, "INITIATIVE");
  g_assert_false (spanmark_label_ops_move (fixture->project, "PLACE", 3, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
}

static guint
count_label (SpanmarkAnnotationSet *set,
             const char            *label)
{
  guint n = 0;

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    n += g_str_equal (spanmark_annotation_set_get_span (set, i)->label, label);
  for (guint i = 0; i < spanmark_annotation_set_get_n_entities (set); i++)
    n += g_str_equal (spanmark_annotation_set_get_entity (set, i)->label, label);
  return n;
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SpanmarkLabel) unused = spanmark_label_new ("UNUSED", NULL, "#9141ac", NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkProject) reopened = NULL;
  g_autoptr(SpanmarkAnnotationSet) bob = NULL;
  g_autoptr(SpanmarkAnnotationSet) alice = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names = NULL;
  SpanmarkLabelUses uses;

  g_assert_true (spanmark_label_ops_count_uses (fixture->project, "PLACE", &uses, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (uses.n_files, ==, 4);
  g_assert_cmpuint (uses.n_spans, ==, 4);
  g_assert_cmpuint (uses.n_entities, ==, 2);

  /* Refused while used, with the count; nothing written. */
  before = spanmark_test_snapshot_tree (fixture->tmp);
  g_assert_false (spanmark_label_ops_remove (fixture->project, "PLACE", FALSE, &uses, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_IN_USE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_suffix (error->message,
                                   "label “PLACE”: not removed, because 4 spans and 2 entities in 4 annotation files use it"));
  g_clear_error (&error);
  after = spanmark_test_snapshot_tree (fixture->tmp);
  g_assert_cmpstr (before, ==, after);

  /* With its spans: every annotator's files lose them, and mentions of
   * its entities their link. */
  g_assert_true (spanmark_label_ops_remove (fixture->project, "PLACE", TRUE, &uses, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (uses.n_spans, ==, 4);
  g_assert_cmpuint (uses.n_entities, ==, 2);
  names = names_on_disk (fixture);
  g_assert_cmpstr (names, ==, "OFFICIAL,INITIATIVE");
  assert_valid (fixture);

  reopened = fixture_open (fixture->tmp);
  bob = labels_fixture_load (reopened, "d1", "bob");
  alice = labels_fixture_load (reopened, "d1", "alice");
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (bob), ==, 1);
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (bob), ==, 0);
  g_assert_cmpint (spanmark_annotation_set_get_status (bob), ==, SPANMARK_STATUS_DONE);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (alice), ==, 2);
  g_assert_cmpuint (count_label (alice, "OFFICIAL"), ==, 2);
  g_assert_nonnull (spanmark_annotation_set_lookup_span (alice, "s1")->entity);

  /* An unused label goes at once; an unknown one is an error. */
  g_assert_true (spanmark_label_ops_add (fixture->project, unused, &error));
  g_assert_no_error (error);
  g_assert_true (spanmark_label_ops_remove (fixture->project, "UNUSED", FALSE, &uses, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (uses.n_files, ==, 0);
  g_clear_pointer (&names, g_free);
  names = names_on_disk (fixture);
  g_assert_cmpstr (names, ==, "OFFICIAL,INITIATIVE");
  g_assert_false (spanmark_label_ops_remove (fixture->project, "PLACE", FALSE, NULL, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_NOT_FOUND);
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  SpanmarkSchema *schema = spanmark_project_get_schema (fixture->project);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkProject) reopened = NULL;
  g_autofree char *names = NULL;
  g_autofree char *journal = g_build_filename (fixture->tmp, SPANMARK_LABEL_OPS_RENAME_FILE, NULL);
  g_auto(GStrv) annotators = NULL;
  const SpanmarkLabel *label;
  SpanmarkLabelUses uses;
  gboolean already = TRUE;

  g_assert_true (spanmark_label_ops_rename (fixture->project, "PLACE", "LOC", &uses, &already, &error));
  g_assert_no_error (error);
  g_assert_false (already);
  g_assert_cmpuint (uses.n_files, ==, 4);
  g_assert_cmpuint (uses.n_spans, ==, 4);
  g_assert_cmpuint (uses.n_entities, ==, 2);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  /* Same place, key, colour, title and attributes. */
  names = names_on_disk (fixture);
  g_assert_cmpstr (names, ==, "OFFICIAL,LOC,INITIATIVE");
  label = spanmark_schema_get_label (schema, 1);
  g_assert_cmpstr (label->name, ==, "LOC");
  g_assert_cmpstr (label->key, ==, "2");
  g_assert_cmpstr (label->color, ==, "#2ec27e");
  g_assert_cmpstr (label->title, ==, "Places");
  g_assert_cmpstr (label->attrs[0], ==, "kind");
  assert_valid (fixture);

  reopened = fixture_open (fixture->tmp);
  annotators = spanmark_project_list_annotators (reopened);
  g_assert_cmpuint (g_strv_length (annotators), ==, 3);
  for (guint a = 0; annotators[a] != NULL; a++)
    for (guint d = 0; d < 2; d++)
      {
        const char *id = d == 0 ? "d1" : "d2";
        g_autoptr(SpanmarkAnnotationSet) set = labels_fixture_load (reopened, id, annotators[a]);

        g_assert_cmpuint (count_label (set, "PLACE"), ==, 0);
      }
  {
    g_autoptr(SpanmarkAnnotationSet) bob = labels_fixture_load (reopened, "d1", "bob");
    const SpanmarkSpan *span = spanmark_annotation_set_get_span_at (bob, 7);

    /* The mention keeps its entity, which has the new label too. */
    g_assert_cmpstr (span->label, ==, "LOC");
    g_assert_cmpstr (spanmark_annotation_set_lookup_entity (bob, span->entity)->label, ==, "LOC");
    g_assert_cmpint (spanmark_annotation_set_get_status (bob), ==, SPANMARK_STATUS_DONE);
  }

  /* Again: nothing to do, and says so. */
  g_assert_true (spanmark_label_ops_rename (fixture->project, "PLACE", "LOC", &uses, &already, &error));
  g_assert_no_error (error);
  g_assert_true (already);
  g_assert_cmpuint (uses.n_files, ==, 0);

  /* Onto another label's name, or a bad one: refused. */
  g_assert_false (spanmark_label_ops_rename (fixture->project, "LOC", "OFFICIAL", NULL, NULL, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (spanmark_label_ops_rename (fixture->project, "LOC", "NEW NAME", NULL, NULL, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spanmark_label_ops_rename (fixture->project, "NOPE", "X", NULL, NULL, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_NOT_FOUND);
}

static void
reject (SpanmarkAnnotationSet *set,
        guint                  start,
        guint                  end,
        const char            *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (spanmark_annotation_set_add_rejection (set, start, end, label, &error));
  g_assert_no_error (error);
}

/* "LABEL START END, …": @set's rejections, in order. */
static char *
describe_rejections (SpanmarkProject *project,
                     const char      *document)
{
  g_autoptr(SpanmarkAnnotationSet) set = labels_fixture_load (project, document, SPANMARK_CURATED_ANNOTATOR);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spanmark_annotation_set_get_n_rejections (set); i++)
    {
      const SpanmarkSpan *rejection = spanmark_annotation_set_get_rejection (set, i);

      g_string_append_printf (out, "%s%s %u %u", i > 0 ? ", " : "", rejection->label,
                              rejection->start, rejection->end);
    }
  return g_string_free (out, FALSE);
}

/* Regression: renaming or removing a label dropped every rejection of a
 * curated file it rewrote, and left the "rejected" entries of the label
 * in a file it did not rewrite (one with only rejections of it), which
 * then no longer loaded. */
static void
test_rejections (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SpanmarkLabel) extra = spanmark_label_new ("EXTRA", NULL, "#9141ac", NULL, NULL);
  g_autoptr(SpanmarkAnnotationSet) d1 = labels_fixture_load (fixture->project, "d1", SPANMARK_CURATED_ANNOTATOR);
  g_autoptr(SpanmarkAnnotationSet) d2 = labels_fixture_load (fixture->project, "d2", SPANMARK_CURATED_ANNOTATOR);
  g_autoptr(GError) error = NULL;
  SpanmarkLabelUses uses;
  char *described;

  g_assert_true (spanmark_label_ops_add (fixture->project, extra, &error));
  g_assert_no_error (error);
  reject (d1, 2, 5, "OFFICIAL");
  reject (d1, 7, 9, "PLACE");
  reject (d1, 7, 9, "EXTRA");
  labels_fixture_save (fixture->project, d1);
  reject (d2, 0, 7, "PLACE");
  labels_fixture_save (fixture->project, d2);

  /* Renamed in both files, the others kept; rejections are no use that
   * counts as a file using the label. */
  g_assert_true (spanmark_label_ops_rename (fixture->project, "PLACE", "LOC", &uses, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (uses.n_files, ==, 4);
  g_assert_cmpuint (uses.n_rejections, ==, 2);
  assert_valid (fixture);
  described = describe_rejections (fixture->project, "d1");
  g_assert_cmpstr (described, ==, "OFFICIAL 2 5, EXTRA 7 9, LOC 7 9");
  g_free (described);
  described = describe_rejections (fixture->project, "d2");
  g_assert_cmpstr (described, ==, "LOC 0 7");
  g_free (described);

  /* Removed with the label, the others kept. */
  g_assert_true (spanmark_label_ops_remove (fixture->project, "LOC", TRUE, &uses, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (uses.n_rejections, ==, 2);
  assert_valid (fixture);
  described = describe_rejections (fixture->project, "d1");
  g_assert_cmpstr (described, ==, "OFFICIAL 2 5, EXTRA 7 9");
  g_free (described);
  described = describe_rejections (fixture->project, "d2");
  g_assert_cmpstr (described, ==, "");
  g_free (described);

  /* A label only rejections use is not in use: removed without
   * --delete-spans, and its rejections with it. */
  g_assert_true (spanmark_label_ops_remove (fixture->project, "EXTRA", FALSE, &uses, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (uses.n_files, ==, 0);
  g_assert_cmpuint (uses.n_rejections, ==, 1);
  assert_valid (fixture);
  described = describe_rejections (fixture->project, "d1");
  g_assert_cmpstr (described, ==, "OFFICIAL 2 5");
  g_free (described);
}

/* A label titled with its name (as --labels makes them) keeps that up. */
static void
test_rename_title (void)
{
  static const char * const names[] = { "PER", "LOC", NULL };
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(SpanmarkSchema) schema = spanmark_label_ops_schema_from_names (names, NULL);
  g_autoptr(SpanmarkProject) project = spanmark_project_create_with_schema (dir, "x", schema, NULL);
  g_autoptr(GError) error = NULL;
  const SpanmarkLabel *label;

  g_assert_true (spanmark_label_ops_rename (project, "PER", "PERSON", NULL, NULL, &error));
  g_assert_no_error (error);
  label = spanmark_schema_get_label (spanmark_project_get_schema (project), 0);
  g_assert_cmpstr (label->name, ==, "PERSON");
  g_assert_cmpstr (label->title, ==, "PERSON");
  g_assert_cmpstr (label->key, ==, "1");

  spanmark_test_remove_tree (tmp);
}

/* A file that fails to load stops everything before anything is
 * written, and the message names it. */
static void
test_broken_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fixture_write (fixture->tmp, "annotations/bob/d2.json", "{ not json", -1);
  fixture_write (fixture->tmp, "annotations/carol/d1.json", "[]", -1);
  before = spanmark_test_snapshot_tree (fixture->tmp);

  g_assert_false (spanmark_label_ops_rename (fixture->project, "PLACE", "LOC", NULL, NULL, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_FILES);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "2 annotation files fail to load"));
  g_assert_nonnull (strstr (error->message, "annotations/bob/d2.json: line 1"));
  g_assert_nonnull (strstr (error->message, "annotations/carol/d1.json"));
  g_clear_error (&error);

  g_assert_false (spanmark_label_ops_remove (fixture->project, "PLACE", TRUE, NULL, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_FILES);

  after = spanmark_test_snapshot_tree (fixture->tmp);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

/* The registry goes with a label: a rename rewrites the "label" line of
 * its entities of the label (and nothing else of theirs, nor the other
 * entities or the tombstone); a remove is refused while entities of the
 * registry have the label, even with the spans; a registry file that
 * fails to load stops both before anything is written. */
static void
test_registry (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *place_path = g_build_filename (fixture->tmp, "entities", "alice-0123456789.json", NULL);
  g_autofree char *official_path = g_build_filename (fixture->tmp, "entities", "alice-abcdef0123.json", NULL);
  g_autofree char *tombstone_path = g_build_filename (fixture->tmp, "entities", "alice-1111111111.json", NULL);
  g_autofree char *place = NULL;
  g_autofree char *official = NULL;
  g_autofree char *tombstone = NULL;
  g_autofree char *renamed = NULL;
  g_autoptr(GString) expected = NULL;
  SpanmarkLabelUses uses;

  labels_fixture_add_registry (fixture->project);
  place = spanmark_test_read_file (place_path, NULL);
  official = spanmark_test_read_file (official_path, NULL);
  tombstone = spanmark_test_read_file (tombstone_path, NULL);
  assert_valid (fixture);

  before = spanmark_test_snapshot_tree (fixture->tmp);
  g_assert_false (spanmark_label_ops_remove (fixture->project, "PLACE", TRUE, &uses, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_IN_REGISTRY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "spanmark.json: label “PLACE”: not removed, because 1 entity of the registry (entities/) has it"));
  g_clear_error (&error);
  after = spanmark_test_snapshot_tree (fixture->tmp);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  g_assert_true (spanmark_label_ops_rename (fixture->project, "PLACE", "LOC", &uses, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (uses.n_registry, ==, 1);
  g_assert_cmpuint (uses.n_files, ==, 5);
  renamed = spanmark_test_read_file (place_path, NULL);
  expected = g_string_new (place);
  g_assert_cmpuint (g_string_replace (expected, "\"label\": \"PLACE\",\n", "\"label\": \"LOC\",\n", 0), ==, 1);
  g_assert_cmpstr (renamed, ==, expected->str);
  g_clear_pointer (&renamed, g_free);
  renamed = spanmark_test_read_file (official_path, NULL);
  g_assert_cmpstr (renamed, ==, official);
  g_clear_pointer (&renamed, g_free);
  renamed = spanmark_test_read_file (tombstone_path, NULL);
  g_assert_cmpstr (renamed, ==, tombstone);
  assert_valid (fixture);

  /* A registry file that does not load: nothing is written. */
  fixture_write (fixture->tmp, "entities/bob-2222222222.json", "{\"spanmark\": 1,\n<<<<<<< HEAD\n", -1);
  g_clear_pointer (&before, g_free);
  before = spanmark_test_snapshot_tree (fixture->tmp);
  g_assert_false (spanmark_label_ops_rename (fixture->project, "OFFICIAL", "PER", NULL, NULL, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_FILES);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "1 file of the entity registry fails to load"));
  g_assert_nonnull (strstr (error->message, "entities/bob-2222222222.json: line 2"));
  g_clear_error (&error);
  g_assert_false (spanmark_label_ops_remove (fixture->project, "INITIATIVE", TRUE, NULL, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_FILES);
  after = spanmark_test_snapshot_tree (fixture->tmp);
  g_assert_cmpstr (after, ==, before);
}

/* spanmark.json with a problem is never rewritten. */
static void
test_index_problem (void)
{
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) created = labels_fixture_make (tmp);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkLabel) label = spanmark_label_new ("NEW", NULL, "#9141ac", NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp, "spanmark.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  spanmark_test_replace_in_file (path, "\"#e66100\"", "\"orange\"");
  project = fixture_open (tmp);
  before = spanmark_test_snapshot_tree (tmp);

  g_assert_false (spanmark_label_ops_add (project, label, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spanmark_label_ops_rename (project, "PLACE", "LOC", NULL, NULL, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (spanmark_label_ops_remove (project, "INITIATIVE", TRUE, NULL, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID);

  after = spanmark_test_snapshot_tree (tmp);
  g_assert_cmpstr (before, ==, after);
  spanmark_test_remove_tree (tmp);
}

/* While spanmark-rename.json says a rename is under way, only that
 * rename may run; validate warns. */
static void
test_interrupted (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SpanmarkLabel) label = spanmark_label_new ("NEW", NULL, "#9141ac", NULL, NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->tmp);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkProblem) problem = NULL;
  g_autofree char *text = NULL;

  fixture_write (fixture->tmp, SPANMARK_LABEL_OPS_RENAME_FILE, "{\"spanmark\": 1, \"from\": \"PLACE\", \"to\": \"LOC\"}\n", -1);

  problem = spanmark_label_ops_check_interrupted (dir);
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->severity, ==, SPANMARK_PROBLEM_WARNING);
  text = spanmark_problem_to_string (problem);
  g_assert_cmpstr (text, ==, "spanmark-rename.json: warning: a rename of the label “PLACE” to “LOC” was interrupted: "
                             "run “spanmark-cli labels DIR rename PLACE LOC” to finish it");
  assert_valid (fixture);
  problems = spanmark_validate_project (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);

  g_assert_false (spanmark_label_ops_add (fixture->project, label, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INTERRUPTED);
  g_clear_error (&error);
  g_assert_false (spanmark_label_ops_rename (fixture->project, "OFFICIAL", "PER", NULL, NULL, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INTERRUPTED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* Running the recorded rename finishes it and removes the record. */
  g_assert_true (spanmark_label_ops_rename (fixture->project, "PLACE", "LOC", NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&problem, spanmark_problem_free);
  problem = spanmark_label_ops_check_interrupted (dir);
  g_assert_null (problem);
  g_assert_true (spanmark_label_ops_add (fixture->project, label, &error));
  g_assert_no_error (error);

  /* A record that cannot be read stops every change. */
  fixture_write (fixture->tmp, SPANMARK_LABEL_OPS_RENAME_FILE, "{\"from\": 1}", -1);
  problem = spanmark_label_ops_check_interrupted (dir);
  g_assert_nonnull (problem);
  g_assert_false (spanmark_label_ops_move (fixture->project, "NEW", 0, &error));
  g_assert_error (error, SPANMARK_LABEL_ERROR, SPANMARK_LABEL_ERROR_INTERRUPTED);
}

static void
test_create_with_schema (void)
{
  static const char * const names[] = { "PER", "LOC", "ORG", NULL };
  g_autofree char *tmp = spanmark_test_make_tmpdir ();
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(SpanmarkSchema) schema = spanmark_label_ops_schema_from_names (names, NULL);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *index = NULL;

  project = spanmark_project_create_with_schema (dir, "NER", schema, &error);
  g_assert_no_error (error);
  index = fixture_read (tmp, "spanmark.json", NULL);
  g_assert_nonnull (strstr (index, "\n    {\"name\": \"PER\", \"title\": \"PER\", \"color\": \"#3584e4\", \"key\": \"1\", \"attrs\": []},"
                                   "\n    {\"name\": \"LOC\", \"title\": \"LOC\", \"color\": \"#2ec27e\", \"key\": \"2\", \"attrs\": []},"
                                   "\n    {\"name\": \"ORG\", \"title\": \"ORG\", \"color\": \"#e66100\", \"key\": \"3\", \"attrs\": []}\n"));
  reopened = fixture_open (tmp);
  g_assert_cmpuint (spanmark_schema_get_n_labels (spanmark_project_get_schema (reopened)), ==, 3);
  /* The project has its own copy. */
  g_assert_true (spanmark_project_get_schema (project) != schema);

  spanmark_test_remove_tree (tmp);
}

static void
test_schema_edits (void)
{
  g_autoptr(SpanmarkSchema) schema = spanmark_schema_new_default ();
  g_autoptr(SpanmarkSchema) copy = spanmark_schema_copy (schema);
  g_autoptr(SpanmarkLabel) label = spanmark_label_new ("X", NULL, "#9141ac", NULL, NULL);
  guint n_changed = 0;

  g_signal_connect_swapped (copy, "changed", G_CALLBACK (changed_cb), &n_changed);
  g_assert_true (spanmark_schema_insert_label (copy, 1, label));
  g_assert_false (spanmark_schema_insert_label (copy, 0, label));
  g_assert_cmpstr (spanmark_schema_get_label (copy, 1)->name, ==, "X");
  g_assert_false (spanmark_schema_replace_label (copy, 0, label));
  spanmark_schema_move_label (copy, 1, 3);
  g_assert_cmpstr (spanmark_schema_get_label (copy, 3)->name, ==, "X");
  spanmark_schema_remove_label (copy, 3);
  g_assert_cmpuint (spanmark_schema_get_n_labels (copy), ==, 3);
  spanmark_schema_assign (copy, copy);
  g_assert_cmpuint (spanmark_schema_get_n_labels (copy), ==, 3);
  g_assert_cmpuint (n_changed, ==, 4);
  g_assert_cmpuint (spanmark_schema_get_n_labels (schema), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/labels/rules/names", test_names);
  g_test_add_func ("/labels/rules/make-name", test_make_name);
  g_test_add_func ("/labels/rules/keys", test_keys);
  g_test_add_func ("/labels/rules/titles", test_titles);
  g_test_add_func ("/labels/rules/colors", test_colors);
  g_test_add_func ("/labels/rules/contrast", test_contrast);
  g_test_add_func ("/labels/rules/styles", test_styles);
  g_test_add_func ("/labels/rules/pick", test_pick);
  g_test_add_func ("/labels/rules/check", test_check);
  g_test_add_func ("/labels/rules/split-attrs", test_split_attrs);
  g_test_add_func ("/labels/schema/edits", test_schema_edits);
  g_test_add_func ("/labels/schema/from-names", test_from_names);
  g_test_add_func ("/labels/schema/from-json", test_from_json);
  g_test_add_func ("/labels/schema/from-json-errors", test_from_json_errors);
  g_test_add_func ("/labels/schema/create", test_create_with_schema);
  g_test_add ("/labels/ops/add", Fixture, NULL, fixture_setup, test_add, fixture_teardown);
  g_test_add ("/labels/ops/update-and-move", Fixture, NULL, fixture_setup, test_update_and_move, fixture_teardown);
  g_test_add ("/labels/ops/remove", Fixture, NULL, fixture_setup, test_remove, fixture_teardown);
  g_test_add ("/labels/ops/rename", Fixture, NULL, fixture_setup, test_rename, fixture_teardown);
  g_test_add_func ("/labels/ops/rename-title", test_rename_title);
  g_test_add ("/labels/ops/rejections", Fixture, NULL, fixture_setup, test_rejections, fixture_teardown);
  g_test_add ("/labels/ops/broken-file", Fixture, NULL, fixture_setup, test_broken_file, fixture_teardown);
  g_test_add ("/labels/ops/registry", Fixture, NULL, fixture_setup, test_registry, fixture_teardown);
  g_test_add_func ("/labels/ops/index-problem", test_index_problem);
  g_test_add ("/labels/ops/interrupted", Fixture, NULL, fixture_setup, test_interrupted, fixture_teardown);

  return g_test_run ();
}
