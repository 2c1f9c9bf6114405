/* test-window-entities.c — the corpus-wide entity panels in the real window
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture's project gets a registry: 李伟 (OFFICIAL, alias "Li Wei",
 * title 市长) with both mentions of "news" saved, 王芳 (OFFICIAL) with
 * none, 港湾镇 (PLACE); then the window opens it again and "emoji" is
 * opened.  Everything is driven through the window's actions and the
 * panels' widgets.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "app-test-util.h"
#include "spanmark-entity-cell.h"
#include "spanmark-entity-slot.h"
#include "spanmark-registry.h"
#include "spanmark-suggestion.h"
#include "window-test-fixture.h"

#define LI_WEI "tester-00000000a1"
#define WANG_FANG "tester-00000000b2"
#define HARBOUR "tester-00000000c3"

static void
add_registry_entity (SpanmarkRegistry *registry,
                     const char       *id,
                     const char       *label,
                     const char       *name,
                     const char       *alias,
                     const char       *title)
{
  g_autoptr(SpanmarkRegistryEntity) entity = spanmark_registry_entity_new (id, label, name);
  g_autoptr(GError) error = NULL;

  if (alias != NULL)
    spanmark_registry_entity_add_alias (entity, alias);
  if (title != NULL)
    spanmark_registry_entity_add_attr (entity, "title", title, NULL);
  g_assert_true (spanmark_registry_add (registry, entity, &error));
  g_assert_no_error (error);
}

static gboolean
registry_loaded (gpointer data)
{
  Fixture *fixture = data;

  return spanmark_window_get_registry (fixture->window) != NULL && !g_main_context_pending (NULL);
}

/* Both 李伟 of "news" tagged and linked to LI_WEI, saved as the tester's. */
static void
save_news_mentions (SpanmarkProject *project)
{
  SpanmarkDocument *news = spanmark_project_lookup_document (project, "news");
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  set = spanmark_project_load_annotations (project, news, ANNOTATOR, &error);
  g_assert_no_error (error);
  text = spanmark_annotation_set_get_text (set);
  g_assert_nonnull (spanmark_annotation_set_add_entity_with_id (set, LI_WEI, "OFFICIAL", "李伟"));
  for (guint nth = 0; nth < 2; nth++)
    {
      guint start = spanmark_test_offset_of (text, "李伟", nth);
      const SpanmarkSpan *span = spanmark_annotation_set_tag_range (set, start, start + 2, "OFFICIAL", NULL, &error);

      g_assert_no_error (error);
      g_assert_true (spanmark_annotation_set_set_span_entity (set, span->id, LI_WEI));
    }
  g_assert_true (spanmark_project_save_annotations (project, set, &error));
  g_assert_no_error (error);
}

/* A third document, "news_2" (an id with an underscore), holding one
 * saved mention of LI_WEI. */
static void
save_underscore_document (SpanmarkProject *project)
{
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GError) error = NULL;
  SpanmarkDocument *document;
  const SpanmarkSpan *span;

  document = spanmark_project_add_document (project, "news_2", "李伟到港湾镇。\n", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (spanmark_project_save (project, &error));
  g_assert_no_error (error);
  set = spanmark_project_load_annotations (project, document, ANNOTATOR, &error);
  g_assert_no_error (error);
  g_assert_nonnull (spanmark_annotation_set_add_entity_with_id (set, LI_WEI, "OFFICIAL", "李伟"));
  span = spanmark_annotation_set_tag_range (set, 0, 2, "OFFICIAL", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (spanmark_annotation_set_set_span_entity (set, span->id, LI_WEI));
  g_assert_true (spanmark_project_save_annotations (project, set, &error));
  g_assert_no_error (error);
}

static void
setup_full (Fixture       *fixture,
            gconstpointer  data,
            gboolean       underscore)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;

  fixture_set_up (fixture, data);

  dir = g_file_new_for_path (fixture->project_path);
  project = spanmark_project_open (dir, &error);
  g_assert_no_error (error);
  registry = spanmark_registry_load (project, &error);
  g_assert_no_error (error);
  add_registry_entity (registry, LI_WEI, "OFFICIAL", "李伟", "Li Wei", "市长");
  add_registry_entity (registry, WANG_FANG, "OFFICIAL", "王芳", NULL, "副市长");
  add_registry_entity (registry, HARBOUR, "PLACE", "港湾镇", "Harbour Town", NULL);
  save_news_mentions (project);
  if (underscore)
    save_underscore_document (project);

  /* Opened again, so the window reads the registry the test made. */
  g_assert_true (spanmark_window_open_project (fixture->window, dir, &error));
  g_assert_no_error (error);
  activate (fixture, "win.open-document", "emoji");
  g_assert_true (wait_for (registry_loaded, fixture));
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  setup_full (fixture, data, FALSE);
}

static void
setup_underscore (Fixture       *fixture,
                  gconstpointer  data)
{
  setup_full (fixture, data, TRUE);
}

static gboolean
suggestions_ready (gpointer data)
{
  Fixture *fixture = data;

  return !spanmark_window_get_corpus_pending (fixture->window) && !g_main_context_pending (NULL);
}

static SpanmarkLabelPanel *
panel (Fixture    *fixture,
       const char *label)
{
  SpanmarkLabelPanel *label_panel = spanmark_window_get_label_panel (fixture->window, label);

  g_assert_nonnull (label_panel);

  return label_panel;
}

/* The panel's rows as shown: "name here/corpus/documents", one a line. */
static char *
describe_rows (SpanmarkLabelPanel *label_panel)
{
  GListModel *model = spanmark_label_panel_get_registry_model (label_panel);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SpanmarkEntitySlot) slot = g_list_model_get_item (model, i);
      SpanmarkEntityItem *item = spanmark_entity_slot_get_item (slot);

      g_string_append_printf (out, "%s %u/%u/%u\n", spanmark_entity_item_get_name (item),
                              spanmark_entity_item_get_n_here (item),
                              spanmark_entity_item_get_n_corpus (item),
                              spanmark_entity_item_get_n_documents (item));
    }

  return g_string_free (out, FALSE);
}

static void
type_search (SpanmarkLabelPanel *label_panel,
             const char         *text)
{
  GtkWidget *entry = spanmark_label_panel_get_search_entry (label_panel);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
}

static gboolean
focus_in_text (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL &&
         gtk_widget_is_ancestor (focus, GTK_WIDGET (spanmark_window_get_document_view (fixture->window)));
}

static guint
offset_in_open (Fixture    *fixture,
                const char *needle,
                guint       nth)
{
  return spanmark_test_offset_of (spanmark_annotation_set_get_text (spanmark_window_get_annotation_set (fixture->window)),
                                  needle, nth);
}

static SpanmarkRegistry *
read_registry (Fixture *fixture)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->project_path);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GError) error = NULL;
  SpanmarkRegistry *registry;

  project = spanmark_project_open (dir, &error);
  g_assert_no_error (error);
  registry = spanmark_registry_load (project, &error);
  g_assert_no_error (error);

  return registry;
}

static void
test_registry_listed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *officials = describe_rows (panel (fixture, "OFFICIAL"));
  g_autofree char *places = describe_rows (panel (fixture, "PLACE"));

  g_assert_cmpstr (officials, ==, "李伟 0/2/1\n王芳 0/0/0\n");
  g_assert_cmpstr (places, ==, "港湾镇 0/0/0\n");
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  SpanmarkLabelPanel *officials = panel (fixture, "OFFICIAL");
  g_autofree char *by_alias = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *none = NULL;
  g_autofree char *all = NULL;

  /* An alias, in another case. */
  type_search (officials, "LI WEI");
  by_alias = describe_rows (officials);
  g_assert_cmpstr (by_alias, ==, "李伟 0/2/1\n");
  type_search (officials, "芳");
  by_name = describe_rows (officials);
  g_assert_cmpstr (by_name, ==, "王芳 0/0/0\n");
  type_search (officials, "港湾镇");
  none = describe_rows (officials);
  g_assert_cmpstr (none, ==, "");
  type_search (officials, "");
  all = describe_rows (officials);
  g_assert_cmpstr (all, ==, "李伟 0/2/1\n王芳 0/0/0\n");
}

/* Ctrl+K, type, Return: the selection is attached, with the registry's
 * id, name and title, and the keyboard is back in the text; this
 * document's entity comes first; one undo step. */
static void
test_attach_by_keyboard (Fixture       *fixture,
                         gconstpointer  data)
{
  SpanmarkLabelPanel *officials = panel (fixture, "OFFICIAL");
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  GtkWidget *entry = spanmark_label_panel_get_search_entry (officials);
  guint start = offset_in_open (fixture, "Li Wei", 1);
  const SpanmarkEntity *entity;
  const SpanmarkSpan *span;
  g_autofree char *rows = NULL;

  select_range (fixture, start, start + 6);
  g_assert_true (press (fixture, GDK_KEY_k, GDK_CONTROL_MASK) ||
                 gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find-entity", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), entry) ||
                 gtk_root_get_focus (GTK_ROOT (fixture->window)) == entry);

  /* 王芳 first in the list, 李伟 the only match. */
  type_search (officials, "wei");
  g_signal_emit_by_name (entry, "activate");

  entity = spanmark_annotation_set_lookup_entity (set, LI_WEI);
  g_assert_nonnull (entity);
  g_assert_cmpstr (entity->name, ==, "李伟");
  g_assert_cmpstr (entity->label, ==, "OFFICIAL");
  g_assert_cmpstr (g_hash_table_lookup (entity->attrs, "title"), ==, "市长");
  span = find (set, start, start + 6, "OFFICIAL");
  g_assert_nonnull (span);
  g_assert_cmpstr (span->entity, ==, LI_WEI);
  g_assert_true (focus_in_text (fixture));

  /* The corpus counts follow: news's two saved ones and this one. */
  type_search (officials, "");
  rows = describe_rows (officials);
  g_assert_cmpstr (rows, ==, "李伟 1/3/2\n王芳 0/0/0\n");

  /* The second official, to check the order follows the document. */
  start = offset_in_open (fixture, "Li Wei", 0);
  select_range (fixture, start, start + 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (officials), "panel.attach-registry", "s", WANG_FANG));
  g_clear_pointer (&rows, g_free);
  rows = describe_rows (officials);
  g_assert_cmpstr (rows, ==, "李伟 1/3/2\n王芳 1/1/1\n");

  activate (fixture, "win.undo", NULL);
  g_assert_null (spanmark_annotation_set_lookup_entity (set, WANG_FANG));
  g_assert_null (find (set, start, start + 6, "OFFICIAL"));
  activate (fixture, "win.undo", NULL);
  g_assert_null (spanmark_annotation_set_lookup_entity (set, LI_WEI));
  g_clear_pointer (&rows, g_free);
  rows = describe_rows (officials);
  g_assert_cmpstr (rows, ==, "李伟 0/2/1\n王芳 0/0/0\n");
}

/* Escape in the search goes back to the text, attaching nothing. */
static void
test_escape (Fixture       *fixture,
             gconstpointer  data)
{
  SpanmarkLabelPanel *officials = panel (fixture, "OFFICIAL");
  GtkWidget *entry = spanmark_label_panel_get_search_entry (officials);

  activate (fixture, "win.find-entity", NULL);
  g_assert_false (focus_in_text (fixture));
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_true (focus_in_text (fixture));
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (spanmark_window_get_annotation_set (fixture->window)), ==, 0);
}

/* A new entity is a registry entity: its file is in entities/, it is
 * listed, and the next project read sees it. */
static void
test_new_entity_in_registry (Fixture       *fixture,
                             gconstpointer  data)
{
  SpanmarkLabelPanel *places = panel (fixture, "PLACE");
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  guint start = offset_in_open (fixture, "Harbour Town", 0);
  const SpanmarkSpan *span;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *rows = NULL;
  g_autoptr(SpanmarkRegistry) registry = NULL;
  const SpanmarkRegistryEntity *entity;

  select_range (fixture, start, start + 12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (places), "panel.new-entity", NULL));
  span = find (set, start, start + 12, "PLACE");
  g_assert_nonnull (span);
  g_assert_nonnull (span->entity);
  g_assert_true (g_str_has_prefix (span->entity, ANNOTATOR "-"));
  g_assert_true (spanmark_registry_entity_is_registry_id (span->entity));

  name = g_strconcat (span->entity, ".json", NULL);
  path = g_build_filename (fixture->project_path, "entities", name, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  rows = describe_rows (places);
  /* This document's first; its mention counts in the corpus at once. */
  g_assert_cmpstr (rows, ==, "Harbour Town 1/1/1\n港湾镇 0/0/0\n");

  registry = read_registry (fixture);
  entity = spanmark_registry_lookup (registry, span->entity);
  g_assert_nonnull (entity);
  g_assert_cmpstr (entity->label, ==, "PLACE");
  g_assert_cmpstr (entity->name, ==, "Harbour Town");
}

/* "Show Mentions" → "news": that document opens with 李伟's first
 * mention selected. */
static void
test_open_mention (Fixture       *fixture,
                   gconstpointer  data)
{
  guint start, end, first;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-mention",
                                             "(ss)", "news", LI_WEI));
  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (fixture->window)), ==, "news");
  first = offset_in_open (fixture, "李伟", 0);
  spanmark_document_view_get_selection (spanmark_window_get_document_view (fixture->window), &start, &end);
  g_assert_cmpuint (start, ==, first);
  g_assert_cmpuint (end, ==, first + 2);
  g_assert_true (focus_in_text (fixture));
}

/* A registry file that does not load is said, and the others are
 * listed; the file is left as it was. */
static void
test_broken_registry_file (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->project_path, "entities", "tester-00000000ff.json", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->project_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *after = NULL;
  const char *broken = "{\"spanmark\": 1, \"id\": \"tester-00000000ff\", \"label\": \"OFFICIAL\", \"name\": 7}\n";

  g_assert_true (g_file_set_contents (path, broken, -1, &error));
  g_assert_no_error (error);
  g_assert_true (spanmark_window_open_project (fixture->window, dir, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for (registry_loaded, fixture));

  g_assert_true (toast_shown (fixture->window, "Entity registry: 1 problem: entities/tester-00000000ff.json: \"name\": must be a string, not an integer"));
  rows = describe_rows (panel (fixture, "OFFICIAL"));
  g_assert_cmpstr (rows, ==, "李伟 0/2/1\n王芳 0/0/0\n");
  g_assert_true (g_file_get_contents (path, &after, NULL, &error));
  g_assert_cmpstr (after, ==, broken);
}

static void
attach_li_wei (Fixture *fixture)
{
  guint start = offset_in_open (fixture, "Li Wei", 0);

  select_range (fixture, start, start + 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel (fixture, "OFFICIAL")), "panel.attach-registry",
                                             "s", LI_WEI));
}

/* Editing the title of a registry entity's appearance edits the
 * registry's file, with this document in the history (the old value
 * kept); the name too (the old name an alias). */
static void
test_attr_for_all_documents (Fixture       *fixture,
                             gconstpointer  data)
{
  SpanmarkLabelPanel *officials = panel (fixture, "OFFICIAL");
  g_autoptr(SpanmarkRegistry) registry = NULL;
  const SpanmarkRegistryEntity *entity;
  const SpanmarkRegistryAttr *last;
  g_autofree char *rows = NULL;

  attach_li_wei (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (officials), "panel.set-entity-attr", "(sss)",
                                             LI_WEI, "title", "市委书记"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (officials), "panel.rename-entity", "(ss)",
                                             LI_WEI, "李伟同志"));

  registry = read_registry (fixture);
  entity = spanmark_registry_lookup (registry, LI_WEI);
  g_assert_nonnull (entity);
  g_assert_cmpstr (spanmark_registry_entity_get_attr (entity, "title"), ==, "市委书记");
  g_assert_cmpuint (entity->attrs->len, ==, 2);
  last = g_ptr_array_index (entity->attrs, 1);
  g_assert_cmpstr (last->document, ==, "emoji");
  g_assert_cmpstr (entity->name, ==, "李伟同志");
  g_assert_true (spanmark_registry_entity_has_name (entity, "李伟"));
  g_assert_true (spanmark_registry_entity_has_name (entity, "Li Wei"));

  /* The list shows the new name, and the counts it had. */
  rows = describe_rows (officials);
  g_assert_cmpstr (rows, ==, "李伟同志 1/3/2\n王芳 0/0/0\n");
}

/* Split: the second mention of 李伟 leaves for a new entity; undo
 * brings it back. */
static void
test_split_undo (Fixture       *fixture,
                 gconstpointer  data)
{
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  guint first = offset_in_open (fixture, "Li Wei", 0);
  guint second = offset_in_open (fixture, "Li Wei", 1);
  const SpanmarkSpan *span;
  g_autofree char *split_id = NULL;

  attach_li_wei (fixture);
  select_range (fixture, second, second + 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel (fixture, "OFFICIAL")), "panel.attach-registry",
                                             "s", LI_WEI));
  g_assert_cmpuint (spanmark_annotation_set_get_n_mentions (set, LI_WEI), ==, 2);

  /* Just the caret in the mention. */
  select_range (fixture, second + 2, second + 2);
  activate (fixture, "win.split-mention", NULL);
  span = find (set, second, second + 6, "OFFICIAL");
  g_assert_nonnull (span);
  g_assert_cmpstr (span->entity, !=, LI_WEI);
  g_assert_true (spanmark_registry_entity_is_registry_id (span->entity));
  split_id = g_strdup (span->entity);
  g_assert_cmpstr (find (set, first, first + 6, "OFFICIAL")->entity, ==, LI_WEI);
  g_assert_cmpstr (spanmark_annotation_set_lookup_entity (set, split_id)->name, ==, "Li Wei");

  activate (fixture, "win.undo", NULL);
  g_assert_cmpstr (find (set, second, second + 6, "OFFICIAL")->entity, ==, LI_WEI);
  g_assert_null (spanmark_annotation_set_lookup_entity (set, split_id));
  g_assert_cmpuint (spanmark_annotation_set_get_n_mentions (set, LI_WEI), ==, 2);
}

static char *
read_project_file (Fixture    *fixture,
                   const char *relative)
{
  g_autofree char *path = g_build_filename (fixture->project_path, relative, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, &error));
  g_assert_no_error (error);

  return data;
}

/* Merge 王芳 into 李伟 (as the row menu's "Merge Into" does): the open
 * document's mentions move, 王芳 becomes a tombstone, the conflict of
 * their titles is said; Ctrl+Z puts back every file. */
static void
test_merge_undo (Fixture       *fixture,
                 gconstpointer  data)
{
  guint second = offset_in_open (fixture, "Li Wei", 1);
  g_autofree char *wang_before = NULL;
  g_autofree char *li_before = NULL;
  g_autofree char *emoji_before = NULL;
  g_autofree char *wang_after = NULL;
  g_autofree char *li_undone = NULL;
  g_autofree char *wang_undone = NULL;
  g_autofree char *emoji_undone = NULL;
  g_autofree char *rows = NULL;
  g_autoptr(SpanmarkRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  SpanmarkAnnotationSet *set;
  const SpanmarkRegistryEntity *entity;

  attach_li_wei (fixture);
  select_range (fixture, second, second + 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel (fixture, "OFFICIAL")), "panel.attach-registry",
                                             "s", WANG_FANG));
  g_assert_true (spanmark_window_save (fixture->window, &error));
  g_assert_no_error (error);
  wang_before = read_project_file (fixture, "entities/" WANG_FANG ".json");
  li_before = read_project_file (fixture, "entities/" LI_WEI ".json");
  emoji_before = read_project_file (fixture, "annotations/" ANNOTATOR "/emoji.json");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.merge-entities", "(ss)",
                                             LI_WEI, WANG_FANG));
  g_assert_true (toast_shown (fixture->window,
                              "“王芳” merged into “李伟” (1 file changed); title: “市长” (" LI_WEI ") or “副市长” ("
                              WANG_FANG "); both kept, “市长” is current"));
  set = spanmark_window_get_annotation_set (fixture->window);
  g_assert_cmpstr (find (set, second, second + 6, "OFFICIAL")->entity, ==, LI_WEI);
  g_assert_null (spanmark_annotation_set_lookup_entity (set, WANG_FANG));
  wang_after = read_project_file (fixture, "entities/" WANG_FANG ".json");
  g_assert_nonnull (strstr (wang_after, "\"merged_into\": \"" LI_WEI "\""));
  g_assert_true (wait_for (registry_loaded, fixture));
  rows = describe_rows (panel (fixture, "OFFICIAL"));
  g_assert_cmpstr (rows, ==, "李伟 2/4/2\n");

  activate (fixture, "win.undo", NULL);
  li_undone = read_project_file (fixture, "entities/" LI_WEI ".json");
  wang_undone = read_project_file (fixture, "entities/" WANG_FANG ".json");
  emoji_undone = read_project_file (fixture, "annotations/" ANNOTATOR "/emoji.json");
  g_assert_cmpstr (li_undone, ==, li_before);
  g_assert_cmpstr (wang_undone, ==, wang_before);
  g_assert_cmpstr (emoji_undone, ==, emoji_before);
  set = spanmark_window_get_annotation_set (fixture->window);
  g_assert_cmpstr (find (set, second, second + 6, "OFFICIAL")->entity, ==, WANG_FANG);

  registry = read_registry (fixture);
  entity = spanmark_registry_lookup (registry, WANG_FANG);
  g_assert_nonnull (entity);
  g_assert_null (entity->merged_into);
  g_assert_true (wait_for (registry_loaded, fixture));
  g_clear_pointer (&rows, g_free);
  rows = describe_rows (panel (fixture, "OFFICIAL"));
  g_assert_cmpstr (rows, ==, "李伟 1/3/2\n王芳 1/1/1\n");
}

/* The registry's names and aliases are suggested where untagged; Return
 * accepts the suggestion, and Return again the registry entity proposed
 * for the new span. */
static void
test_entity_suggestion (Fixture       *fixture,
                        gconstpointer  data)
{
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  SpanmarkLabelPanel *officials = panel (fixture, "OFFICIAL");
  guint start = offset_in_open (fixture, "Li Wei", 0);
  GPtrArray *suggestions;
  const SpanmarkSuggestion *suggestion;
  const SpanmarkSpan *span;

  g_assert_true (wait_for (suggestions_ready, fixture));
  suggestions = spanmark_window_get_suggestions (fixture->window);
  g_assert_nonnull (suggestions);
  suggestion = spanmark_suggestion_find_at (suggestions, start);
  g_assert_nonnull (suggestion);
  g_assert_cmpuint (suggestion->start, ==, start);
  g_assert_cmpuint (suggestion->end, ==, start + 6);

  select_range (fixture, start + 1, start + 1);
  g_assert_true (press (fixture, GDK_KEY_Return, 0));
  span = find (set, start, start + 6, "OFFICIAL");
  g_assert_nonnull (span);
  g_assert_null (span->entity);

  select_range (fixture, start + 1, start + 1);
  g_assert_cmpstr (spanmark_label_panel_get_proposal (officials), ==, LI_WEI);
  g_assert_true (press (fixture, GDK_KEY_Return, 0));
  span = find (set, start, start + 6, "OFFICIAL");
  g_assert_cmpstr (span->entity, ==, LI_WEI);
  g_assert_cmpstr (spanmark_annotation_set_lookup_entity (set, LI_WEI)->name, ==, "李伟");
  /* Linked: nothing more to propose. */
  g_assert_null (spanmark_label_panel_get_proposal (officials));
}

/* The labels of the "win.open-mention" items of @model, a line each. */
static void
append_mention_labels (GMenuModel *model,
                       GString    *out)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *action = NULL;
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_str_equal (action, "win.open-mention") &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_string_append_printf (out, "%s\n", label);
      if (section != NULL)
        append_mention_labels (section, out);
    }
}

/* Opens the menu of the entity at @position of the panel's list and
 * returns its documents' labels. */
static char *
entity_menu_documents (SpanmarkLabelPanel *label_panel,
                       guint               position)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (spanmark_label_panel_get_registry_model (label_panel));
  g_autoptr(GPtrArray) buttons = NULL;
  GString *out = g_string_new (NULL);

  g_assert_true (gtk_selection_model_select_item (model, position, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (label_panel), "panel.entity-menu", NULL));
  buttons = spanmark_test_collect_of_type (GTK_WIDGET (label_panel), GTK_TYPE_MENU_BUTTON, g_ptr_array_new ());
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (buttons, i);
      GMenuModel *menu = gtk_menu_button_get_menu_model (button);

      if (menu != NULL && gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))))
        {
          append_mention_labels (menu, out);
          gtk_menu_button_popdown (button);
        }
    }

  return g_string_free (out, FALSE);
}

/* A document id in the Show Mentions menu is shown as it is: GTK reads
 * "_" in a menu label as a mnemonic, which would show "news2". */
static void
test_menu_shows_underscores (Fixture       *fixture,
                             gconstpointer  data)
{
  SpanmarkLabelPanel *officials = panel (fixture, "OFFICIAL");
  g_autofree char *documents = NULL;

  g_assert_true (wait_for (suggestions_ready, fixture));
  documents = entity_menu_documents (officials, 0);
  g_assert_cmpstr (documents, ==, "news · 2 mentions\nnews__2 · 1 mention\n");
}

/* The corpus counts follow the open document as it is now, and keep
 * what it had when another opens: news has 李伟's two saved mentions. */
static void
test_counts_follow_documents (Fixture       *fixture,
                              gconstpointer  data)
{
  SpanmarkLabelPanel *officials = panel (fixture, "OFFICIAL");
  g_autofree char *here = NULL;
  g_autofree char *in_news = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *back = NULL;
  g_autofree char *documents = NULL;
  guint start = offset_in_open (fixture, "Li Wei", 0);

  select_range (fixture, start, start + 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (officials), "panel.attach-registry", "s", LI_WEI));
  here = describe_rows (officials);
  g_assert_cmpstr (here, ==, "李伟 1/3/2\n王芳 0/0/0\n");
  /* Show Mentions lists this document too, with the counts. */
  documents = entity_menu_documents (officials, 0);
  g_assert_cmpstr (documents, ==, "emoji · 1 mention\nnews · 2 mentions\n");

  /* In news: its two, as saved, and emoji's one. */
  activate (fixture, "win.open-document", "news");
  g_assert_cmpstr (spanmark_document_get_id (spanmark_window_get_document (fixture->window)), ==, "news");
  in_news = describe_rows (officials);
  g_assert_cmpstr (in_news, ==, "李伟 2/3/2\n王芳 0/0/0\n");

  /* One of news's removed: one fewer in the corpus at once. */
  {
    SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
    guint first = offset_in_open (fixture, "李伟", 0);
    const SpanmarkSpan *span = find (set, first, first + 2, "OFFICIAL");

    g_assert_nonnull (span);
    g_assert_true (spanmark_annotation_set_remove_span (set, span->id));
  }
  removed = describe_rows (officials);
  g_assert_cmpstr (removed, ==, "李伟 1/2/2\n王芳 0/0/0\n");

  activate (fixture, "win.open-document", "emoji");
  back = describe_rows (officials);
  g_assert_cmpstr (back, ==, "李伟 1/2/2\n王芳 0/0/0\n");
  g_clear_pointer (&documents, g_free);
  documents = entity_menu_documents (officials, 0);
  g_assert_cmpstr (documents, ==, "emoji · 1 mention\nnews · 1 mention\n");
  /* 王芳 has none. */
  g_clear_pointer (&documents, g_free);
  documents = entity_menu_documents (officials, 1);
  g_assert_cmpstr (documents, ==, "");
}

typedef struct
{
  guint n_before;
  guint n_at_front;   /* changes that did not start at the end of the shorter list */
  guint n_changes;
} ChangeWatch;

static void
registry_changed_cb (GListModel  *model,
                     guint        position,
                     guint        removed,
                     guint        added,
                     ChangeWatch *watch)
{
  guint n_after = g_list_model_get_n_items (model);

  if (position != MIN (watch->n_before, n_after) || removed + added != MAX (watch->n_before, n_after) - MIN (watch->n_before, n_after))
    watch->n_at_front++;
  watch->n_before = n_after;
  watch->n_changes++;
}

static gboolean
cells_show (GPtrArray  *cells,
            const char *needle)
{
  for (guint i = 0; i < cells->len; i++)
    if (strstr (spanmark_entity_cell_get_text (g_ptr_array_index (cells, i), 0), needle) == NULL)
      return FALSE;

  return cells->len > 0;
}

static gboolean
listed (gpointer data)
{
  return !spanmark_label_panel_is_listing (data) && !g_main_context_pending (NULL);
}

/* With 80 entities, typing keeps the list's row widgets: the list is
 * told only that it got shorter or longer at its end, and the rows
 * show the matches (GTK 4.8 makes a row widget for every position a
 * change names, 200 of them: that was 0.5 s a key). */
static void
test_rows_kept (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->project_path);
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(SpanmarkRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  SpanmarkLabelPanel *officials;
  GListModel *model;
  ChangeWatch watch = { 0 };

  project = spanmark_project_open (dir, &error);
  g_assert_no_error (error);
  registry = spanmark_registry_load (project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *id = g_strdup_printf ("tester-%010x", 0x1000 + i);
      g_autofree char *name = g_strdup_printf ("%s某%03u", i % 2 == 0 ? "王" : "林", i);

      add_registry_entity (registry, id, "OFFICIAL", name, NULL, NULL);
    }
  g_assert_true (spanmark_window_open_project (fixture->window, dir, &error));
  g_assert_no_error (error);
  activate (fixture, "win.open-document", "emoji");
  g_assert_true (wait_for (registry_loaded, fixture));
  officials = panel (fixture, "OFFICIAL");
  activate (fixture, "win.find-entity", NULL);
  g_assert_true (wait_for (main_loop_idle, fixture));

  g_assert_true (wait_for (listed, officials));
  model = spanmark_label_panel_get_registry_model (officials);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 82);
  before = spanmark_test_collect_of_type (GTK_WIDGET (officials), SPANMARK_TYPE_ENTITY_CELL, g_ptr_array_new ());
  g_assert_cmpuint (before->len, >, 10);

  watch.n_before = g_list_model_get_n_items (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (registry_changed_cb), &watch);
  type_search (officials, "林");
  g_assert_true (wait_for (main_loop_idle, fixture));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 40);
  after = spanmark_test_collect_of_type (GTK_WIDGET (officials), SPANMARK_TYPE_ENTITY_CELL, g_ptr_array_new ());
  for (guint i = 0; i < after->len; i++)
    g_assert_true (g_ptr_array_find (before, g_ptr_array_index (after, i), NULL));
  g_assert_true (cells_show (after, "林某"));

  type_search (officials, "王某");
  g_assert_true (wait_for (main_loop_idle, fixture));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = spanmark_test_collect_of_type (GTK_WIDGET (officials), SPANMARK_TYPE_ENTITY_CELL, g_ptr_array_new ());
  g_assert_true (cells_show (after, "王某"));
  type_search (officials, "");
  /* The list grows back a few rows a frame. */
  g_assert_true (wait_for (listed, officials));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 82);

  g_assert_cmpuint (watch.n_changes, >=, 2);
  g_assert_cmpuint (watch.n_at_front, ==, 0);
  g_signal_handlers_disconnect_by_data (model, &watch);
}

/* Whether @model (or a section of it) has an item activating @action
 * with @target (floating references are sunk). */
static gboolean
menu_has_item (GMenuModel *model,
               const char *action,
               GVariant   *target)
{
  g_autoptr(GVariant) wanted = g_variant_ref_sink (target);

  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GVariant) item_target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      g_autofree char *name = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action) && item_target != NULL && g_variant_equal (item_target, wanted))
        return TRUE;
      if (section != NULL && menu_has_item (section, action, g_variant_ref (wanted)))
        return TRUE;
    }

  return FALSE;
}


typedef struct
{
  GtkWidget        *view;
  GtkWidget        *cell;
  graphene_point_t  point;
} Pick;

static gboolean
cell_under_point (gpointer data)
{
  Pick *pick = data;

  return !g_main_context_pending (NULL) &&
         gtk_widget_compute_point (pick->cell, pick->view, &GRAPHENE_POINT_INIT (4, 4), &pick->point) &&
         gtk_widget_pick (pick->view, pick->point.x, pick->point.y, GTK_PICK_DEFAULT) == pick->cell;
}

/* A right click on another row than the selected one: that row's menu,
 * at the pointer, merging it into the selected entity. */
static void
test_row_menu (Fixture       *fixture,
               gconstpointer  data)
{
  SpanmarkLabelPanel *officials = panel (fixture, "OFFICIAL");
  GtkSelectionModel *model = GTK_SELECTION_MODEL (spanmark_label_panel_get_registry_model (officials));
  GtkWidget *view = spanmark_test_find_of_type (GTK_WIDGET (officials), GTK_TYPE_LIST_VIEW);
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GPtrArray) popovers = NULL;
  g_autoptr(GListModel) controllers = NULL;
  GtkGesture *gesture = NULL;
  GtkWidget *wang = NULL;
  graphene_point_t point;
  Pick pick;

  activate (fixture, "win.find-entity", NULL);
  g_assert_true (wait_for (main_loop_idle, fixture));
  g_assert_true (gtk_selection_model_select_item (model, 0, TRUE));
  cells = spanmark_test_collect_of_type (view, SPANMARK_TYPE_ENTITY_CELL, g_ptr_array_new ());
  for (guint i = 0; i < cells->len; i++)
    if (g_str_equal (spanmark_entity_cell_get_text (g_ptr_array_index (cells, i), 0), "王芳"))
      wang = g_ptr_array_index (cells, i);
  g_assert_nonnull (wang);
  /* Until the panel is laid out and no page transition runs, nothing
   * under the pointer is the row. */
  pick.view = view;
  pick.cell = wang;
  g_assert_true (wait_for (cell_under_point, &pick));
  point = pick.point;

  controllers = gtk_widget_observe_controllers (view);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && gesture == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        gesture = GTK_GESTURE (controller);
    }
  g_assert_nonnull (gesture);
  g_signal_emit_by_name (gesture, "pressed", 1, (double) point.x, (double) point.y);

  popovers = spanmark_test_collect_of_type (GTK_WIDGET (officials), GTK_TYPE_POPOVER_MENU, g_ptr_array_new ());
  g_assert_cmpuint (popovers->len, ==, 1);
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (popovers, 0)));
  g_assert_true (menu_has_item (gtk_popover_menu_get_menu_model (g_ptr_array_index (popovers, 0)), "win.merge-entities",
                                g_variant_new ("(ss)", LI_WEI, WANG_FANG)));
  /* The selection is what it merges into: unchanged. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==, 0);
  gtk_popover_popdown (g_ptr_array_index (popovers, 0));
}

/* The heading's buttons act on the selected row: its menu (Shift+F10)
 * shows where its mentions are; attach links the text's selection. */
static void
test_selected_entity_actions (Fixture       *fixture,
                              gconstpointer  data)
{
  SpanmarkLabelPanel *officials = panel (fixture, "OFFICIAL");
  GtkSelectionModel *model = GTK_SELECTION_MODEL (spanmark_label_panel_get_registry_model (officials));
  SpanmarkAnnotationSet *set = spanmark_window_get_annotation_set (fixture->window);
  g_autoptr(GPtrArray) buttons = NULL;
  const SpanmarkSpan *span;
  gboolean found = FALSE;
  guint start;

  g_assert_true (gtk_selection_model_select_item (model, 0, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (officials), "panel.entity-menu", NULL));
  g_assert_true (wait_for (main_loop_idle, fixture));
  buttons = spanmark_test_collect_of_type (GTK_WIDGET (officials), GTK_TYPE_MENU_BUTTON, g_ptr_array_new ());
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (buttons, i);
      GMenuModel *menu = gtk_menu_button_get_menu_model (button);

      if (menu != NULL && menu_has_item (menu, "win.open-mention", g_variant_new ("(ss)", "news", LI_WEI)))
        {
          found = TRUE;
          gtk_menu_button_popdown (button);
        }
    }
  g_assert_true (found);

  /* Nothing selected in the text: nothing to attach. */
  select_range (fixture, 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (officials), "panel.attach-selected", NULL);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, 0);
  start = offset_in_open (fixture, "Li Wei", 0);
  select_range (fixture, start, start + 6);
  g_assert_true (gtk_selection_model_select_item (model, 1, TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (officials), "panel.attach-selected", NULL));
  span = find (set, start, start + 6, "OFFICIAL");
  g_assert_nonnull (span);
  g_assert_cmpstr (span->entity, ==, WANG_FANG);
  g_assert_true (focus_in_text (fixture));
}

int
main (int   argc,
      char *argv[])
{
  spanmark_test_init (&argc, &argv);

  g_test_add ("/window-entities/registry-listed", Fixture, NULL, setup, test_registry_listed, fixture_tear_down);
  g_test_add ("/window-entities/filter", Fixture, NULL, setup, test_filter, fixture_tear_down);
  g_test_add ("/window-entities/menu-shows-underscores", Fixture, NULL, setup_underscore, test_menu_shows_underscores,
              fixture_tear_down);
  g_test_add ("/window-entities/counts-follow-documents", Fixture, NULL, setup, test_counts_follow_documents,
              fixture_tear_down);
  g_test_add ("/window-entities/row-menu", Fixture, NULL, setup, test_row_menu, fixture_tear_down);
  g_test_add ("/window-entities/rows-kept", Fixture, NULL, setup, test_rows_kept, fixture_tear_down);
  g_test_add ("/window-entities/selected-entity-actions", Fixture, NULL, setup, test_selected_entity_actions,
              fixture_tear_down);
  g_test_add ("/window-entities/attach-by-keyboard", Fixture, NULL, setup, test_attach_by_keyboard, fixture_tear_down);
  g_test_add ("/window-entities/escape", Fixture, NULL, setup, test_escape, fixture_tear_down);
  g_test_add ("/window-entities/new-entity-in-registry", Fixture, NULL, setup, test_new_entity_in_registry,
              fixture_tear_down);
  g_test_add ("/window-entities/open-mention", Fixture, NULL, setup, test_open_mention, fixture_tear_down);
  g_test_add ("/window-entities/broken-registry-file", Fixture, NULL, setup, test_broken_registry_file,
              fixture_tear_down);

  g_test_add ("/window-entities/attr-for-all-documents", Fixture, NULL, setup, test_attr_for_all_documents,
              fixture_tear_down);

  g_test_add ("/window-entities/split-undo", Fixture, NULL, setup, test_split_undo, fixture_tear_down);

  g_test_add ("/window-entities/merge-undo", Fixture, NULL, setup, test_merge_undo, fixture_tear_down);

  g_test_add ("/window-entities/entity-suggestion", Fixture, NULL, setup, test_entity_suggestion,
              fixture_tear_down);

  return g_test_run ();
}
