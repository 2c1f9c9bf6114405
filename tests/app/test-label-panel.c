/* test-label-panel.c — the side panel for one label, driven through its actions
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "app-test-util.h"
#include "spanmark-annotation-set.h"
#include "spanmark-display.h"
#include "spanmark-entity-row.h"
#include "spanmark-history.h"
#include "spanmark-label-panel.h"
#include "spanmark-resources.h"

/* Emoji outside the BMP come first, so byte, UTF-16 and code point offsets
 * all differ; the second 陈敏尔 sits between spaces and is not tagged. */
static const char text[] =
  "🎉车俊来到涪陵区。车俊说：涪陵区的果园港很忙。"
  "🚢陈敏尔也来到涪陵区，见到车俊。 陈敏尔 笑了。";

typedef struct
{
  SpanmarkLabel         *official;
  SpanmarkLabel         *place;
  SpanmarkAnnotationSet *set;
  SpanmarkHistory       *history;
  GtkWidget             *window;
  SpanmarkLabelPanel    *panel;
  GPtrArray             *jumps;     /* span ids from "jump-to-span" */
  char                  *che;       /* entity id of 车俊 */
  char                  *che_spans[3];
  char                  *chen_span; /* the tagged 陈敏尔, no entity */
} Fixture;

/* Code point offset of the @nth (from 0) occurrence of @needle. */
static guint
offset_of (const char *needle,
           guint       nth)
{
  return spanmark_test_offset_of (text, needle, nth);
}

static void
process_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
jump_cb (SpanmarkLabelPanel *panel,
         const char         *span_id,
         Fixture            *fixture)
{
  g_ptr_array_add (fixture->jumps, g_strdup (span_id));
}

static const char *
add_span (Fixture    *fixture,
          const char *needle,
          guint       nth,
          const char *label)
{
  g_autoptr(GError) error = NULL;
  guint start = offset_of (needle, nth);
  const SpanmarkSpan *span;

  span = spanmark_annotation_set_add_span (fixture->set, start,
                                           start + g_utf8_strlen (needle, -1),
                                           label, &error);
  g_assert_no_error (error);
  g_assert_nonnull (span);
  g_assert_cmpstr (span->text, ==, needle);
  return span->id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *official_attrs[] = { "title", "region", NULL };
  const char *place_attrs[] = { "kind", NULL };

  fixture->official = spanmark_label_new ("OFFICIAL", "Officials", "#3584e4", "1", official_attrs);
  fixture->place = spanmark_label_new ("PLACE", "Places", "#33d17a", "2", place_attrs);
  fixture->set = spanmark_annotation_set_new ("doc", "tester", text);
  fixture->history = spanmark_annotation_set_get_history (fixture->set);
  fixture->jumps = g_ptr_array_new_with_free_func (g_free);

  /* 车俊 ×3 as one entity with two attributes, 陈敏尔 once without one. */
  fixture->che = g_strdup (spanmark_annotation_set_add_entity (fixture->set, "OFFICIAL", "车俊")->id);
  spanmark_annotation_set_set_entity_attr (fixture->set, fixture->che, "title", "浙江省委书记");
  spanmark_annotation_set_set_entity_attr (fixture->set, fixture->che, "region", "浙江");
  for (guint i = 0; i < 3; i++)
    {
      fixture->che_spans[i] = g_strdup (add_span (fixture, "车俊", i, "OFFICIAL"));
      g_assert_true (spanmark_annotation_set_set_span_entity (fixture->set, fixture->che_spans[i],
                                                              fixture->che));
    }
  fixture->chen_span = g_strdup (add_span (fixture, "陈敏尔", 0, "OFFICIAL"));
  add_span (fixture, "果园港", 0, "PLACE");
  spanmark_history_clear (fixture->history);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  fixture->panel = SPANMARK_LABEL_PANEL (spanmark_label_panel_new (fixture->official));
  g_object_add_weak_pointer (G_OBJECT (fixture->panel), (gpointer *) &fixture->panel);
  g_signal_connect (fixture->panel, "jump-to-span", G_CALLBACK (jump_cb), fixture);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->panel));
  gtk_window_present (GTK_WINDOW (fixture->window));

  spanmark_label_panel_set_annotation_set (fixture->panel, fixture->set, TRUE);
  process_events ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  process_events ();
  /* The window held the only reference to the panel. */
  g_assert_null (fixture->panel);

  g_assert_finalize_object (fixture->set);
  g_ptr_array_unref (fixture->jumps);
  for (guint i = 0; i < 3; i++)
    g_free (fixture->che_spans[i]);
  g_free (fixture->chen_span);
  g_free (fixture->che);
  spanmark_label_free (fixture->official);
  spanmark_label_free (fixture->place);
}

static SpanmarkEntityRow *
get_row (Fixture    *fixture,
         const char *entity_id)
{
  GtkWidget *row = spanmark_label_panel_get_entity_row (fixture->panel, entity_id);

  return row != NULL ? SPANMARK_ENTITY_ROW (row) : NULL;
}

static gboolean
activate (Fixture    *fixture,
          const char *action,
          const char *format,
          ...)
{
  g_autoptr(GVariant) param = NULL;
  gboolean ret;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      param = g_variant_ref_sink (g_variant_new_va (format, NULL, &args));
      va_end (args);
    }

  ret = gtk_widget_activate_action_variant (GTK_WIDGET (fixture->panel), action, param);
  process_events ();
  return ret;
}

static const char *
entity_attr (Fixture    *fixture,
             const char *entity_id,
             const char *key)
{
  const SpanmarkEntity *entity = spanmark_annotation_set_lookup_entity (fixture->set, entity_id);

  g_assert_nonnull (entity);
  return g_hash_table_lookup (entity->attrs, key);
}

/* Every label under @widget shows plain text, never markup. */
static guint
assert_no_markup (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_LABEL (widget))
    {
      g_assert_false (gtk_label_get_use_markup (GTK_LABEL (widget)));
      n++;
    }
  /* A status page's description is markup by design; the panel escapes
   * it (see test_escaped). */
  if (ADW_IS_STATUS_PAGE (widget))
    return n;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += assert_no_markup (child);

  return n;
}

/* Whether a label under @widget shows exactly @text. */
static gboolean
row_shows (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (row_shows (child, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_header_row (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_has_css_class (child, "header"))
        return child;
      found = find_header_row (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  SpanmarkEntityRow *row = get_row (fixture, fixture->che);
  GtkWidget *unlinked;
  GtkWidget *delete_button;
  GtkWidget *attach_button;
  GtkWidget *header;

  g_assert_cmpstr (spanmark_label_panel_get_page (fixture->panel), ==, "list");
  g_assert_nonnull (row);
  g_assert_cmpstr (spanmark_entity_row_get_title (row), ==, "车俊");
  g_assert_cmpuint (spanmark_entity_row_get_n_mentions (row), ==, 3);
  g_assert_cmpstr (spanmark_entity_row_get_mentions_text (row), ==, "3 mentions");
  g_assert_cmpstr (spanmark_entity_row_get_attrs_text (row), ==, "title 浙江省委书记 · region 浙江");
  g_assert_true (row_shows (GTK_WIDGET (row), "车俊"));
  g_assert_true (row_shows (GTK_WIDGET (row), "3 mentions"));
  g_assert_true (row_shows (GTK_WIDGET (row), "title 浙江省委书记 · region 浙江"));

  /* 陈敏尔 is tagged but belongs to no entity; 果园港 is another label's. */
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (fixture->panel, "陈敏尔"), ==, 1);
  unlinked = spanmark_label_panel_get_unlinked_row (fixture->panel, "陈敏尔");
  g_assert_nonnull (unlinked);
  g_assert_true (row_shows (unlinked, "陈敏尔"));
  g_assert_true (row_shows (unlinked, "×1, no entity"));
  g_assert_null (spanmark_label_panel_get_unlinked_row (fixture->panel, "果园港"));
  /* Its tooltip is given when asked for (a tooltip set on each of
   * hundreds of rows was a round trip to the X server each). */
  g_assert_true (gtk_widget_get_has_tooltip (unlinked));
  g_assert_cmpstr (spanmark_display_get_tooltip (unlinked), ==, "Go to the next of these mentions");
  g_assert_null (gtk_widget_get_tooltip_text (unlinked));

  /* Activating the header (click, Enter) expands the row; expanded, it
   * offers the name and one entry per attribute. */
  header = find_header_row (GTK_WIDGET (row));
  g_assert_nonnull (header);
  g_assert_false (spanmark_entity_row_get_expanded (row));
  g_assert_null (spanmark_entity_row_get_entry (row, NULL));
  g_assert_true (gtk_widget_activate (header));
  g_assert_true (spanmark_entity_row_get_expanded (row));
  g_assert_true (gtk_widget_activate (header));
  g_assert_false (spanmark_entity_row_get_expanded (row));
  spanmark_entity_row_set_expanded (row, TRUE);
  process_events ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spanmark_entity_row_get_entry (row, NULL))), ==, "车俊");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spanmark_entity_row_get_entry (row, "title"))), ==, "浙江省委书记");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spanmark_entity_row_get_entry (row, "region"))), ==, "浙江");
  g_assert_null (spanmark_entity_row_get_entry (row, "kind"));

  g_assert_cmpuint (assert_no_markup (GTK_WIDGET (fixture->panel)), >, 5);

  /* The row's buttons follow the panel's actions. */
  delete_button = find_button (GTK_WIDGET (row), "_Delete Entity");
  attach_button = find_button (GTK_WIDGET (row), "_Attach Selection");
  g_assert_nonnull (delete_button);
  g_assert_nonnull (attach_button);
  g_assert_true (gtk_widget_is_sensitive (delete_button));
  g_assert_false (gtk_widget_is_sensitive (attach_button));
  spanmark_label_panel_set_selection (fixture->panel, offset_of ("果园港", 0), offset_of ("果园港", 0) + 3);
  g_assert_true (gtk_widget_is_sensitive (attach_button));
  spanmark_label_panel_set_annotation_set (fixture->panel, fixture->set, FALSE);
  g_assert_false (gtk_widget_is_sensitive (delete_button));
  g_assert_false (gtk_widget_is_sensitive (attach_button));
  spanmark_label_panel_set_annotation_set (fixture->panel, fixture->set, TRUE);
  g_assert_true (gtk_widget_is_sensitive (delete_button));

  /* One more mention, tagged elsewhere, updates the count. */
  spanmark_annotation_set_set_span_entity (fixture->set, fixture->chen_span, fixture->che);
  g_assert_cmpstr (spanmark_entity_row_get_mentions_text (row), ==, "4 mentions");
  g_assert_null (spanmark_label_panel_get_unlinked_row (fixture->panel, "陈敏尔"));
  spanmark_history_undo (fixture->history);
  g_assert_cmpstr (spanmark_entity_row_get_mentions_text (row), ==, "3 mentions");
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (fixture->panel, "陈敏尔"), ==, 1);
}

static void
test_edit_attr (Fixture       *fixture,
                gconstpointer  data)
{
  SpanmarkEntityRow *row = get_row (fixture, fixture->che);
  AdwEntryRow *title_entry;
  AdwEntryRow *region_entry;

  /* Through the action. */
  g_assert_true (activate (fixture, "panel.set-entity-attr", "(sss)", fixture->che, "region", "重庆"));
  g_assert_cmpstr (entity_attr (fixture, fixture->che, "region"), ==, "重庆");
  g_assert_cmpstr (spanmark_entity_row_get_attrs_text (row), ==, "title 浙江省委书记 · region 重庆");
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (fixture->history), ==, 1);

  /* The same value again records nothing. */
  activate (fixture, "panel.set-entity-attr", "(sss)", fixture->che, "region", "重庆");
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (fixture->history), ==, 1);

  g_assert_true (spanmark_history_undo (fixture->history));
  g_assert_cmpstr (entity_attr (fixture, fixture->che, "region"), ==, "浙江");
  g_assert_cmpstr (spanmark_entity_row_get_attrs_text (row), ==, "title 浙江省委书记 · region 浙江");

  /* Through the entries: applying one leaves an edit in progress in
   * another alone. */
  spanmark_entity_row_set_expanded (row, TRUE);
  process_events ();
  title_entry = spanmark_entity_row_get_entry (row, "title");
  region_entry = spanmark_entity_row_get_entry (row, "region");
  gtk_editable_set_text (GTK_EDITABLE (region_entry), "半截");
  gtk_editable_set_text (GTK_EDITABLE (title_entry), "重庆市委书记 🏛");
  g_signal_emit_by_name (title_entry, "apply");
  process_events ();
  g_assert_cmpstr (entity_attr (fixture, fixture->che, "title"), ==, "重庆市委书记 🏛");
  g_assert_cmpstr (entity_attr (fixture, fixture->che, "region"), ==, "浙江");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (region_entry)), ==, "半截");
  g_assert_cmpstr (spanmark_entity_row_get_attrs_text (row), ==, "title 重庆市委书记 🏛 · region 浙江");

  /* Undo puts the old value into the entry; redo brings the new back. */
  g_assert_true (spanmark_history_undo (fixture->history));
  g_assert_cmpstr (entity_attr (fixture, fixture->che, "title"), ==, "浙江省委书记");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_entry)), ==, "浙江省委书记");
  g_assert_true (spanmark_history_redo (fixture->history));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_entry)), ==, "重庆市委书记 🏛");

  /* An empty value removes the attribute. */
  gtk_editable_set_text (GTK_EDITABLE (region_entry), "");
  g_signal_emit_by_name (region_entry, "apply");
  process_events ();
  g_assert_null (entity_attr (fixture, fixture->che, "region"));
  g_assert_cmpstr (spanmark_entity_row_get_attrs_text (row), ==, "title 重庆市委书记 🏛");

  /* Renaming through the name entry; an empty name is refused. */
  gtk_editable_set_text (GTK_EDITABLE (spanmark_entity_row_get_entry (row, NULL)), "车俊同志");
  g_signal_emit_by_name (spanmark_entity_row_get_entry (row, NULL), "apply");
  process_events ();
  g_assert_cmpstr (spanmark_annotation_set_lookup_entity (fixture->set, fixture->che)->name, ==, "车俊同志");
  g_assert_cmpstr (spanmark_entity_row_get_title (row), ==, "车俊同志");
  activate (fixture, "panel.rename-entity", "(ss)", fixture->che, "");
  g_assert_cmpstr (spanmark_annotation_set_lookup_entity (fixture->set, fixture->che)->name, ==, "车俊同志");

  /* Read-only: nothing changes. */
  spanmark_label_panel_set_annotation_set (fixture->panel, fixture->set, FALSE);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (title_entry)));
  activate (fixture, "panel.set-entity-attr", "(sss)", fixture->che, "title", "x");
  g_assert_cmpstr (entity_attr (fixture, fixture->che, "title"), ==, "重庆市委书记 🏛");
  spanmark_label_panel_set_annotation_set (fixture->panel, fixture->set, TRUE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (title_entry)));
}

static void
assert_jumps (Fixture           *fixture,
              const char * const expected[])
{
  g_assert_cmpuint (fixture->jumps->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (g_ptr_array_index (fixture->jumps, i), ==, expected[i]);
  g_ptr_array_set_size (fixture->jumps, 0);
}

static void
test_jump (Fixture       *fixture,
           gconstpointer  data)
{
  char **m = fixture->che_spans;

  /* From the caret at the start: first, second, third, around again. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (activate (fixture, "panel.next-mention", "s", fixture->che));
  assert_jumps (fixture, (const char *[]) { m[0], m[1], m[2], m[0], NULL });

  activate (fixture, "panel.prev-mention", "s", fixture->che);
  activate (fixture, "panel.prev-mention", "s", fixture->che);
  assert_jumps (fixture, (const char *[]) { m[2], m[1], NULL });

  /* The window selects the span it jumped to: the cycle goes on. */
  spanmark_label_panel_set_selection (fixture->panel, offset_of ("车俊", 1), offset_of ("车俊", 1) + 2);
  activate (fixture, "panel.next-mention", "s", fixture->che);
  assert_jumps (fixture, (const char *[]) { m[2], NULL });

  /* The user moves the caret elsewhere: the next jump starts there. */
  spanmark_label_panel_set_selection (fixture->panel, offset_of ("果园港", 0), offset_of ("果园港", 0));
  activate (fixture, "panel.next-mention", "s", fixture->che);
  activate (fixture, "panel.next-mention", "s", fixture->che);
  assert_jumps (fixture, (const char *[]) { m[2], m[0], NULL });

  spanmark_label_panel_set_selection (fixture->panel, offset_of ("果园港", 0), offset_of ("果园港", 0));
  activate (fixture, "panel.prev-mention", "s", fixture->che);
  assert_jumps (fixture, (const char *[]) { m[1], NULL });

  /* Unlinked mentions can be visited too. */
  activate (fixture, "panel.next-unlinked", "s", "陈敏尔");
  assert_jumps (fixture, (const char *[]) { fixture->chen_span, NULL });

  /* An unknown entity jumps nowhere. */
  activate (fixture, "panel.next-mention", "s", "e999");
  g_assert_cmpuint (fixture->jumps->len, ==, 0);
}

static void
test_create_from_text (Fixture       *fixture,
                       gconstpointer  data)
{
  SpanmarkLabelPanel *places = SPANMARK_LABEL_PANEL (spanmark_label_panel_new (fixture->place));
  GtkWidget *window = gtk_window_new ();
  guint start = offset_of ("涪陵区", 0);
  guint n_entities = spanmark_annotation_set_get_n_entities (fixture->set);
  const SpanmarkEntity *entity;
  g_autofree char *entity_id = NULL;
  g_autoptr(GPtrArray) mentions = NULL;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (places));
  gtk_window_present (GTK_WINDOW (window));
  spanmark_label_panel_set_annotation_set (places, fixture->set, TRUE);
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (places, "果园港"), ==, 1);

  /* Three occurrences, tagged in one go, group under one row. */
  g_assert_cmpuint (spanmark_annotation_set_tag_all (fixture->set, start, start + 3, "PLACE", NULL), ==, 3);
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (places, "涪陵区"), ==, 3);
  g_assert_true (row_shows (spanmark_label_panel_get_unlinked_row (places, "涪陵区"), "×3, no entity"));
  spanmark_history_clear (fixture->history);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (places), "panel.create-entity-from-text", "s", "涪陵区"));
  process_events ();
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (fixture->history), ==, 1);
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (fixture->set), ==, n_entities + 1);
  entity = spanmark_annotation_set_get_entity (fixture->set, n_entities);
  entity_id = g_strdup (entity->id);
  g_assert_cmpstr (entity->name, ==, "涪陵区");
  g_assert_cmpstr (entity->label, ==, "PLACE");
  mentions = spanmark_annotation_set_get_mentions (fixture->set, entity_id);
  g_assert_cmpuint (mentions->len, ==, 3);
  g_assert_null (spanmark_label_panel_get_unlinked_row (places, "涪陵区"));
  g_assert_cmpstr (spanmark_entity_row_get_mentions_text (SPANMARK_ENTITY_ROW (spanmark_label_panel_get_entity_row (places, entity_id))),
                   ==, "3 mentions");
  /* The officials panel is not concerned. */
  g_assert_null (spanmark_label_panel_get_entity_row (fixture->panel, entity_id));

  /* One undo step takes it all back, one redo brings it again. */
  g_assert_true (spanmark_history_undo (fixture->history));
  g_assert_null (spanmark_annotation_set_lookup_entity (fixture->set, entity_id));
  g_assert_null (spanmark_label_panel_get_entity_row (places, entity_id));
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (places, "涪陵区"), ==, 3);
  g_assert_true (spanmark_history_redo (fixture->history));
  g_assert_cmpstr (spanmark_entity_row_get_mentions_text (SPANMARK_ENTITY_ROW (spanmark_label_panel_get_entity_row (places, entity_id))),
                   ==, "3 mentions");
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (places, "涪陵区"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  process_events ();
}

static void
test_new_entity_and_attach (Fixture       *fixture,
                            gconstpointer  data)
{
  guint n_entities = spanmark_annotation_set_get_n_entities (fixture->set);
  guint n_spans = spanmark_annotation_set_get_n_spans (fixture->set);
  guint second = offset_of ("陈敏尔", 1);
  const SpanmarkSpan *span;
  g_autofree char *chen = NULL;
  SpanmarkEntityRow *row;

  /* Nothing selected: nothing to make an entity from. */
  spanmark_label_panel_set_selection (fixture->panel, 0, 0);
  activate (fixture, "panel.new-entity", NULL);
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (fixture->set), ==, n_entities);

  /* The caret inside the tagged 陈敏尔 designates it. */
  spanmark_label_panel_set_selection (fixture->panel, offset_of ("陈敏尔", 0) + 1, offset_of ("陈敏尔", 0) + 1);
  g_assert_true (activate (fixture, "panel.new-entity", NULL));
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (fixture->set), ==, n_entities + 1);
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (fixture->history), ==, 1);
  chen = g_strdup (spanmark_annotation_set_get_entity (fixture->set, n_entities)->id);
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (fixture->set, fixture->chen_span)->entity, ==, chen);
  row = get_row (fixture, chen);
  g_assert_nonnull (row);
  g_assert_true (spanmark_entity_row_get_expanded (row));
  g_assert_cmpstr (spanmark_entity_row_get_mentions_text (row), ==, "1 mention");
  g_assert_null (spanmark_label_panel_get_unlinked_row (fixture->panel, "陈敏尔"));
  /* The keyboard is in the first attribute, ready for the title. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    GtkWidget *title = GTK_WIDGET (spanmark_entity_row_get_entry (row, "title"));

    g_assert_nonnull (focus);
    g_assert_true (focus == title || gtk_widget_is_ancestor (focus, title));
  }

  /* The untagged second 陈敏尔, selected with its spaces: tagged (trimmed)
   * and attached in one step. */
  spanmark_label_panel_set_selection (fixture->panel, second - 1, second + 4);
  g_assert_true (activate (fixture, "panel.attach", "s", chen));
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (fixture->history), ==, 2);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (fixture->set), ==, n_spans + 1);
  span = spanmark_annotation_set_find_span (fixture->set, second, second + 3, "OFFICIAL");
  g_assert_nonnull (span);
  g_assert_cmpstr (span->entity, ==, chen);
  g_assert_cmpstr (spanmark_entity_row_get_mentions_text (row), ==, "2 mentions");

  /* Attach moves a mention from one entity to another. */
  spanmark_label_panel_set_selection (fixture->panel, second, second + 3);
  activate (fixture, "panel.attach", "s", fixture->che);
  g_assert_cmpstr (spanmark_entity_row_get_mentions_text (row), ==, "1 mention");
  g_assert_cmpstr (spanmark_entity_row_get_mentions_text (get_row (fixture, fixture->che)), ==, "4 mentions");
  g_assert_true (spanmark_history_undo (fixture->history));
  g_assert_cmpstr (spanmark_entity_row_get_mentions_text (row), ==, "2 mentions");

  /* Undoing the attach removes the span it tagged. */
  g_assert_true (spanmark_history_undo (fixture->history));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (fixture->set), ==, n_spans);
  g_assert_cmpstr (spanmark_entity_row_get_mentions_text (row), ==, "1 mention");

  /* Undoing the new entity leaves 陈敏尔 unlinked again. */
  g_assert_true (spanmark_history_undo (fixture->history));
  g_assert_null (get_row (fixture, chen));
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (fixture->panel, "陈敏尔"), ==, 1);

  /* New entity from an untagged selection tags it first. */
  spanmark_label_panel_set_selection (fixture->panel, second - 1, second + 4);
  activate (fixture, "panel.new-entity", NULL);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (fixture->set), ==, n_spans + 1);
  span = spanmark_annotation_set_find_span (fixture->set, second, second + 3, "OFFICIAL");
  g_assert_nonnull (span);
  g_assert_nonnull (span->entity);
  g_assert_cmpstr (spanmark_annotation_set_lookup_entity (fixture->set, span->entity)->name, ==, "陈敏尔");
  g_assert_true (spanmark_history_undo (fixture->history));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (fixture->set), ==, n_spans);
}

/* Regression: "New Entity" on a selection that is exactly another
 * label's span added a second span on the same characters.  It
 * relabels that span instead, in the same undo step. */
static void
test_new_entity_relabels (Fixture       *fixture,
                          gconstpointer  data)
{
  guint n_spans = spanmark_annotation_set_get_n_spans (fixture->set);
  guint port = offset_of ("果园港", 0);
  const SpanmarkSpan *span = spanmark_annotation_set_find_span (fixture->set, port, port + 3, "PLACE");
  g_autofree char *id = g_strdup (span->id);

  spanmark_label_panel_set_selection (fixture->panel, port, port + 3);
  g_assert_true (activate (fixture, "panel.new-entity", NULL));
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (fixture->set), ==, n_spans);
  span = spanmark_annotation_set_lookup_span (fixture->set, id);
  g_assert_cmpstr (span->label, ==, "OFFICIAL");
  g_assert_nonnull (span->entity);
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (fixture->history), ==, 1);

  g_assert_true (spanmark_history_undo (fixture->history));
  span = spanmark_annotation_set_lookup_span (fixture->set, id);
  g_assert_cmpstr (span->label, ==, "PLACE");
  g_assert_null (span->entity);
}

/* A group of unlinked mentions keeps one id until a second mention comes,
 * then a set of them: counts, the row and attaching hold at every step,
 * whichever mention goes first. */
static void
test_unlinked_one_then_more (Fixture       *fixture,
                             gconstpointer  data)
{
  SpanmarkLabelPanel *places = SPANMARK_LABEL_PANEL (spanmark_label_panel_new (fixture->place));
  GtkWidget *window = gtk_window_new ();
  guint a = offset_of ("涪陵区", 0), b = offset_of ("涪陵区", 1);
  g_autofree char *first = NULL, *second = NULL;
  const SpanmarkEntity *entity;
  g_autoptr(GPtrArray) mentions = NULL;
  guint n_entities = spanmark_annotation_set_get_n_entities (fixture->set);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (places));
  gtk_window_present (GTK_WINDOW (window));
  spanmark_label_panel_set_annotation_set (places, fixture->set, TRUE);
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (places, "涪陵区"), ==, 0);

  first = g_strdup (spanmark_annotation_set_add_span (fixture->set, a, a + 3, "PLACE", NULL)->id);
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (places, "涪陵区"), ==, 1);
  g_assert_true (row_shows (spanmark_label_panel_get_unlinked_row (places, "涪陵区"), "×1, no entity"));
  second = g_strdup (spanmark_annotation_set_add_span (fixture->set, b, b + 3, "PLACE", NULL)->id);
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (places, "涪陵区"), ==, 2);
  g_assert_true (row_shows (spanmark_label_panel_get_unlinked_row (places, "涪陵区"), "×2, no entity"));

  /* The first mention goes: the second one stays counted. */
  g_assert_true (spanmark_annotation_set_remove_span (fixture->set, first));
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (places, "涪陵区"), ==, 1);
  g_assert_true (row_shows (spanmark_label_panel_get_unlinked_row (places, "涪陵区"), "×1, no entity"));
  g_assert_true (spanmark_annotation_set_remove_span (fixture->set, second));
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (places, "涪陵区"), ==, 0);
  g_assert_null (spanmark_label_panel_get_unlinked_row (places, "涪陵区"));

  /* One mention again, attached to a new entity from its row. */
  g_clear_pointer (&first, g_free);
  first = g_strdup (spanmark_annotation_set_add_span (fixture->set, b, b + 3, "PLACE", NULL)->id);
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (places, "涪陵区"), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (places), "panel.create-entity-from-text", "s", "涪陵区"));
  process_events ();
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (fixture->set), ==, n_entities + 1);
  entity = spanmark_annotation_set_get_entity (fixture->set, n_entities);
  mentions = spanmark_annotation_set_get_mentions (fixture->set, entity->id);
  g_assert_cmpuint (mentions->len, ==, 1);
  g_assert_cmpstr (spanmark_annotation_set_lookup_span (fixture->set, first)->entity, ==, entity->id);
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (places, "涪陵区"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_delete_entity (Fixture       *fixture,
                    gconstpointer  data)
{
  g_assert_true (activate (fixture, "panel.delete-entity", "s", fixture->che));
  g_assert_null (spanmark_annotation_set_lookup_entity (fixture->set, fixture->che));
  g_assert_null (get_row (fixture, fixture->che));
  /* The mentions stay, detached. */
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (fixture->panel, "车俊"), ==, 3);
  g_assert_null (spanmark_annotation_set_lookup_span (fixture->set, fixture->che_spans[1])->entity);

  g_assert_true (spanmark_history_undo (fixture->history));
  g_assert_nonnull (get_row (fixture, fixture->che));
  g_assert_cmpstr (spanmark_entity_row_get_mentions_text (get_row (fixture, fixture->che)), ==, "3 mentions");
  g_assert_cmpstr (spanmark_entity_row_get_attrs_text (get_row (fixture, fixture->che)), ==,
                   "title 浙江省委书记 · region 浙江");
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (fixture->panel, "车俊"), ==, 0);

  g_assert_true (spanmark_history_redo (fixture->history));
  g_assert_null (get_row (fixture, fixture->che));
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (fixture->panel, "车俊"), ==, 3);
}

static void
test_states (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SpanmarkAnnotationSet) empty = spanmark_annotation_set_new ("empty", "tester", "😀 nothing here");
  g_autoptr(SpanmarkAnnotationSet) set = g_object_ref (fixture->set);

  spanmark_label_panel_set_annotation_set (fixture->panel, NULL, FALSE);
  g_assert_cmpstr (spanmark_label_panel_get_page (fixture->panel), ==, "no-document");
  g_assert_null (get_row (fixture, fixture->che));
  activate (fixture, "panel.delete-entity", "s", fixture->che);
  g_assert_nonnull (spanmark_annotation_set_lookup_entity (fixture->set, fixture->che));

  spanmark_label_panel_set_annotation_set (fixture->panel, empty, TRUE);
  g_assert_cmpstr (spanmark_label_panel_get_page (fixture->panel), ==, "empty");

  /* Tagging the first word fills the list; undo empties it again. */
  g_assert_nonnull (spanmark_annotation_set_add_span (empty, 2, 9, "OFFICIAL", NULL));
  g_assert_cmpstr (spanmark_label_panel_get_page (fixture->panel), ==, "list");
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (fixture->panel, "nothing"), ==, 1);
  spanmark_history_undo (spanmark_annotation_set_get_history (empty));
  g_assert_cmpstr (spanmark_label_panel_get_page (fixture->panel), ==, "empty");

  spanmark_label_panel_set_annotation_set (fixture->panel, set, TRUE);
  g_assert_cmpstr (spanmark_label_panel_get_page (fixture->panel), ==, "list");
  g_assert_cmpstr (spanmark_entity_row_get_mentions_text (get_row (fixture, fixture->che)), ==, "3 mentions");
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (fixture->panel, "陈敏尔"), ==, 1);
}

static GtkWidget *
find_labelled_button (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget)
      && gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   label);
      if (error == NULL)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_labelled_button (GtkWidget  *widget,
                     const char *label)
{
  return find_labelled_button (widget, label) != NULL;
}

static void
win_action_cb (GSimpleAction *action,
               GVariant      *param,
               GPtrArray     *calls)
{
  g_ptr_array_add (calls, g_strdup_printf ("%s %s", g_action_get_name (G_ACTION (action)),
                                           g_variant_get_string (param, NULL)));
}

/* The tag buttons and actions go to the window's "win.tag" and
 * "win.tag-all" with the label's name, and only with text selected in an
 * editable document. */
static void
test_tag_buttons (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_free);
  const char *names[] = { "tag", "tag-all" };
  GtkWidget *tag_button = find_labelled_button (GTK_WIDGET (fixture->panel), "Tag selection as Officials");
  GtkWidget *tag_all_button = find_labelled_button (GTK_WIDGET (fixture->panel), "Tag all occurrences as Officials");
  guint start = offset_of ("果园港", 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], G_VARIANT_TYPE_STRING);

      g_signal_connect (action, "activate", G_CALLBACK (win_action_cb), calls);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }
  gtk_widget_insert_action_group (fixture->window, "win", G_ACTION_GROUP (group));
  process_events ();

  g_assert_nonnull (tag_button);
  g_assert_nonnull (tag_all_button);
  g_assert_false (gtk_widget_is_sensitive (tag_button));
  g_assert_false (gtk_widget_is_sensitive (tag_all_button));

  spanmark_label_panel_set_selection (fixture->panel, start, start + 3);
  g_assert_true (gtk_widget_is_sensitive (tag_button));
  g_assert_true (gtk_widget_is_sensitive (tag_all_button));
  g_signal_emit_by_name (tag_button, "clicked");
  g_signal_emit_by_name (tag_all_button, "clicked");
  activate (fixture, "panel.tag-selection", NULL);
  activate (fixture, "panel.tag-all", NULL);
  g_assert_cmpuint (calls->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (calls, 0), ==, "tag OFFICIAL");
  g_assert_cmpstr (g_ptr_array_index (calls, 1), ==, "tag-all OFFICIAL");
  g_assert_cmpstr (g_ptr_array_index (calls, 2), ==, "tag OFFICIAL");
  g_assert_cmpstr (g_ptr_array_index (calls, 3), ==, "tag-all OFFICIAL");

  /* Read-only: the buttons go grey, though the window's actions are on. */
  spanmark_label_panel_set_annotation_set (fixture->panel, fixture->set, FALSE);
  g_assert_false (gtk_widget_is_sensitive (tag_button));
  spanmark_label_panel_set_annotation_set (fixture->panel, fixture->set, TRUE);
  g_assert_true (gtk_widget_is_sensitive (tag_button));

  /* A caret alone tags nothing. */
  spanmark_label_panel_set_selection (fixture->panel, start, start);
  g_assert_false (gtk_widget_is_sensitive (tag_button));

  gtk_widget_insert_action_group (fixture->window, "win", NULL);
}

/* A panel the view stack hides builds its rows when first shown, and
 * follows the set from then on. */
static void
test_deferred (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  SpanmarkLabelPanel *panel = SPANMARK_LABEL_PANEL (spanmark_label_panel_new (fixture->official));
  GtkWidget *row;

  gtk_widget_set_visible (GTK_WIDGET (panel), FALSE);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  gtk_window_present (GTK_WINDOW (window));
  spanmark_label_panel_set_annotation_set (panel, fixture->set, TRUE);
  spanmark_annotation_set_set_entity_attr (fixture->set, fixture->che, "region", "重庆");
  g_assert_null (spanmark_label_panel_get_entity_row (panel, fixture->che));

  gtk_widget_set_visible (GTK_WIDGET (panel), TRUE);
  process_events ();
  row = spanmark_label_panel_get_entity_row (panel, fixture->che);
  g_assert_nonnull (row);
  g_assert_cmpstr (spanmark_entity_row_get_attrs_text (SPANMARK_ENTITY_ROW (row)), ==,
                   "title 浙江省委书记 · region 重庆");
  g_assert_cmpstr (spanmark_entity_row_get_mentions_text (SPANMARK_ENTITY_ROW (row)), ==, "3 mentions");
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (panel, "陈敏尔"), ==, 1);

  /* Hidden again, it still follows. */
  gtk_widget_set_visible (GTK_WIDGET (panel), FALSE);
  spanmark_history_undo (fixture->history);
  g_assert_cmpstr (spanmark_entity_row_get_attrs_text (SPANMARK_ENTITY_ROW (row)), ==,
                   "title 浙江省委书记 · region 浙江");

  gtk_window_destroy (GTK_WINDOW (window));
  process_events ();
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (fixture->panel), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->panel),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Officials");
  g_assert_true (has_labelled_button (GTK_WIDGET (fixture->panel), "Tag selection as Officials"));
  g_assert_true (has_labelled_button (GTK_WIDGET (fixture->panel), "Tag all occurrences as Officials"));
  g_assert_true (spanmark_label_panel_get_label (fixture->panel) != fixture->official);
  g_assert_cmpstr (spanmark_label_panel_get_label (fixture->panel)->name, ==, "OFFICIAL");
}

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static gboolean
has_text (GPtrArray  *texts,
          const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), text))
      return TRUE;
  return FALSE;
}

/* Titles and keys come from the project file: shown as they are, even
 * where the widget underneath takes markup. */
static void
test_escaped (void)
{
  g_autoptr(SpanmarkLabel) label = spanmark_label_new ("RD", "R&D <b>Teams</b>", "#000", "<", NULL);
  GtkWidget *panel = g_object_ref_sink (spanmark_label_panel_new (label));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_texts (panel, texts);
  g_assert_true (has_text (texts, "R&D <b>Teams</b>"));
  g_assert_true (has_text (texts, "Open a document to see its r&d <b>teams</b>"));
  g_assert_true (has_text (texts, "No R&D <b>Teams</b> Yet"));
  g_assert_true (has_text (texts, "Select text and press < to tag it"));

  g_assert_finalize_object (panel);
}

static guint
count_unlinked_rows (SpanmarkLabelPanel *panel,
                     const char         *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char c[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), c);
      g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (panel, c), ==, 1);
      if (spanmark_label_panel_get_unlinked_row (panel, c) != NULL)
        n++;
    }

  return n;
}

/* Thousands of distinct untagged texts (a machine-tagged document) get a
 * bounded number of rows; the rest are counted. */
static void
test_many_unlinked (void)
{
  const char *attrs[] = { NULL };
  g_autoptr(SpanmarkLabel) label = spanmark_label_new ("OFFICIAL", "Officials", "#3584e4", "1", attrs);
  GString *str = g_string_new (NULL);
  g_autofree char *many = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  GtkWidget *window = gtk_window_new ();
  SpanmarkLabelPanel *panel = SPANMARK_LABEL_PANEL (spanmark_label_panel_new (label));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  char first[8] = { 0 };

  for (guint i = 0; i < 300; i++)
    g_string_append_unichar (str, 0x4E00 + i);
  many = g_string_free (str, FALSE);
  set = spanmark_annotation_set_new ("many", "tester", many);
  for (guint i = 0; i < 300; i++)
    g_assert_nonnull (spanmark_annotation_set_add_span (set, i, i + 1, "OFFICIAL", NULL));
  spanmark_history_clear (spanmark_annotation_set_get_history (set));

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  gtk_window_present (GTK_WINDOW (window));
  spanmark_label_panel_set_annotation_set (panel, set, TRUE);
  process_events ();

  g_assert_cmpuint (count_unlinked_rows (panel, many), ==, 25);
  collect_texts (GTK_WIDGET (panel), texts);
  g_assert_true (has_text (texts, "275 more texts without entity"));

  /* "Show More", three times: 25 more rows each. */
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *more = find_button (GTK_WIDGET (panel), "Show _More");

      g_assert_nonnull (more);
      g_assert_true (gtk_widget_get_visible (more));
      g_signal_emit_by_name (more, "clicked");
    }
  g_assert_cmpuint (count_unlinked_rows (panel, many), ==, 100);
  g_ptr_array_set_size (texts, 0);
  collect_texts (GTK_WIDGET (panel), texts);
  g_assert_true (has_text (texts, "200 more texts without entity"));

  /* A group with a row leaves: another takes its place. */
  g_unichar_to_utf8 (0x4E00, first);
  g_assert_nonnull (spanmark_label_panel_get_unlinked_row (panel, first));
  gtk_widget_activate_action (GTK_WIDGET (panel), "panel.create-entity-from-text", "s", first);
  g_assert_cmpuint (spanmark_label_panel_get_n_unlinked (panel, first), ==, 0);
  g_assert_nonnull (spanmark_label_panel_get_entity_row (panel, spanmark_annotation_set_get_entity (set, 0)->id));
  g_ptr_array_set_size (texts, 0);
  collect_texts (GTK_WIDGET (panel), texts);
  g_assert_true (has_text (texts, "199 more texts without entity"));

  /* Back again, it is counted whether or not it has a row. */
  g_assert_true (spanmark_history_undo (spanmark_annotation_set_get_history (set)));
  g_assert_cmpuint (count_unlinked_rows (panel, many), ==, 100);
  g_ptr_array_set_size (texts, 0);
  collect_texts (GTK_WIDGET (panel), texts);
  g_assert_true (has_text (texts, "200 more texts without entity"));

  /* Every text with a row: nothing more to show. */
  for (guint i = 0; i < 8; i++)
    g_signal_emit_by_name (find_button (GTK_WIDGET (panel), "Show _More"), "clicked");
  g_assert_cmpuint (count_unlinked_rows (panel, many), ==, 300);
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (panel), "Show _More")));

  gtk_window_destroy (GTK_WINDOW (window));
  process_events ();
}

int
main (int   argc,
      char *argv[])
{
  spanmark_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/label-panel/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("rows", test_rows);
  ADD ("edit-attr", test_edit_attr);
  ADD ("jump", test_jump);
  ADD ("create-from-text", test_create_from_text);
  ADD ("new-entity-and-attach", test_new_entity_and_attach);
  ADD ("new-entity-relabels", test_new_entity_relabels);
  ADD ("delete-entity", test_delete_entity);
  ADD ("unlinked-one-then-more", test_unlinked_one_then_more);
  ADD ("states", test_states);
  ADD ("accessible", test_accessible);
  ADD ("tag-buttons", test_tag_buttons);
  ADD ("deferred", test_deferred);
#undef ADD
  g_test_add_func ("/label-panel/escaped", test_escaped);
  g_test_add_func ("/label-panel/many-unlinked", test_many_unlinked);

  return g_test_run ();
}
