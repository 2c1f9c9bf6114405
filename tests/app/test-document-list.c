/* test-document-list.c — the document list: rows, statuses, filter, menu
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "app-test-util.h"
#include "spanmark-document-list.h"

typedef struct
{
  char                 *tmp;
  char                 *path;
  SpanmarkProject      *project;
  SpanmarkStatusCache  *statuses;
  GtkWindow            *window;
  SpanmarkDocumentList *list;
} Fixture;

/* alice: d1 done, d2 in progress, d3 untouched, d4 a file that is no
 * JSON; d5's index entry leads out of the folder. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const SpanmarkStatus statuses[] = { SPANMARK_STATUS_DONE, SPANMARK_STATUS_IN_PROGRESS };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *index = NULL;
  g_autofree char *broken = NULL;

  g_clear_object (&fixture->project);
  fixture->tmp = spanmark_test_make_project ("project", "List", &fixture->path, &fixture->project);
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i);
      g_autofree char *title = g_strdup_printf ("Document <%u>", i);

      spanmark_project_add_document (fixture->project, id, "Mayor Li Wei.\n", title, &error);
      g_assert_no_error (error);
    }
  spanmark_project_save (fixture->project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i + 1);
      SpanmarkDocument *document = spanmark_project_lookup_document (fixture->project, id);
      g_autoptr(SpanmarkAnnotationSet) set = spanmark_project_load_annotations (fixture->project, document, "alice", &error);

      g_assert_no_error (error);
      spanmark_annotation_set_set_status (set, statuses[i]);
      spanmark_project_save_annotations (fixture->project, set, &error);
      g_assert_no_error (error);
    }
  broken = g_build_filename (fixture->path, "annotations", "alice", "d4.json", NULL);
  spanmark_test_write_file (broken, "{ not json", -1);
  index = g_build_filename (fixture->path, "spanmark.json", NULL);
  spanmark_test_replace_in_file (index, "\"documents/d5.txt\"", "\"../d5.txt\"");

  g_clear_object (&fixture->project);
  dir = g_file_new_for_path (fixture->path);
  fixture->project = spanmark_project_open (dir, &error);
  g_assert_no_error (error);
  fixture->statuses = spanmark_status_cache_new (fixture->project, "alice");

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->list = SPANMARK_DOCUMENT_LIST (spanmark_document_list_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->list));
  gtk_window_set_default_size (fixture->window, 300, 600);
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->statuses);
  g_assert_finalize_object (fixture->project);
  spanmark_test_remove_tree (fixture->tmp);
  g_free (fixture->tmp);
  g_free (fixture->path);
}

/* Runs what is pending: the idle pass over the statuses, the rows. */
static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static SpanmarkDocument *
doc (Fixture    *fixture,
     const char *id)
{
  return spanmark_project_lookup_document (fixture->project, id);
}

static const char *
status_of (Fixture    *fixture,
           const char *id)
{
  SpanmarkDocumentRow *row = spanmark_document_list_get_row (fixture->list, doc (fixture, id));

  g_assert_nonnull (row);

  return spanmark_document_row_get_status_text (row);
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  GListModel *shown = spanmark_document_list_get_shown (fixture->list);
  SpanmarkDocumentRow *row;
  g_autoptr(GPtrArray) labels = NULL;
  gboolean title_shown = FALSE;

  /* Nothing to list yet. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_cmpstr (spanmark_document_list_get_progress (fixture->list), ==, "");

  /* The rows come at once, the count once every status is read. */
  spanmark_document_list_set_statuses (fixture->list, fixture->statuses);
  g_assert_true (spanmark_document_list_get_statuses (fixture->list) == fixture->statuses);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  g_assert_cmpstr (spanmark_document_list_get_progress (fixture->list), ==, "");
  settle ();
  g_assert_true (spanmark_status_cache_is_complete (fixture->statuses));
  g_assert_cmpstr (spanmark_document_list_get_progress (fixture->list), ==, "1 of 5 done");

  g_assert_cmpstr (status_of (fixture, "d1"), ==, "Done");
  g_assert_cmpstr (status_of (fixture, "d2"), ==, "In progress");
  g_assert_cmpstr (status_of (fixture, "d3"), ==, "New");
  /* The broken entry says so, and why. */
  row = spanmark_document_list_get_row (fixture->list, doc (fixture, "d5"));
  g_assert_cmpstr (spanmark_document_row_get_status_text (row), ==, "Broken");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), "outside the project folder"));
  /* A file that does not load says so: reading its status tried. */
  g_assert_cmpstr (status_of (fixture, "d4"), ==, "Unreadable");
  /* One that breaks later, once the window fails to open it. */
  {
    g_autofree char *d2 = g_build_filename (fixture->path, "annotations", "alice", "d2.json", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(SpanmarkAnnotationSet) set = NULL;

    spanmark_test_write_file (d2, "{ not json", -1);
    set = spanmark_project_load_annotations (fixture->project, doc (fixture, "d2"), "alice", &error);
    g_assert_null (set);
    g_assert_nonnull (error);
    g_assert_cmpstr (status_of (fixture, "d2"), ==, "In progress");
    spanmark_document_list_refresh (fixture->list);
    g_assert_cmpstr (status_of (fixture, "d2"), ==, "Unreadable");
  }

  /* Titles are plain text. */
  labels = spanmark_test_collect_of_type (GTK_WIDGET (spanmark_document_list_get_row (fixture->list, doc (fixture, "d1"))),
                                          GTK_TYPE_LABEL, g_ptr_array_new ());
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), "Document <1>"))
      title_shown = TRUE;
  g_assert_true (title_shown);

  /* What the open document says now shows everywhere. */
  spanmark_status_cache_set (fixture->statuses, doc (fixture, "d3"), SPANMARK_STATUS_DONE);
  g_assert_cmpstr (status_of (fixture, "d3"), ==, "Done");
  g_assert_cmpstr (spanmark_document_list_get_progress (fixture->list), ==, "2 of 5 done");

  /* Another annotator: other files. */
  {
    g_autoptr(SpanmarkStatusCache) bob = spanmark_status_cache_new (fixture->project, "bob");

    spanmark_document_list_set_statuses (fixture->list, bob);
    settle ();
    g_assert_cmpstr (status_of (fixture, "d1"), ==, "New");
    g_assert_cmpstr (spanmark_document_list_get_progress (fixture->list), ==, "0 of 5 done");
    spanmark_document_list_set_statuses (fixture->list, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  }
}

static void
notified_cb (guint *count)
{
  (*count)++;
}

/* Statuses that come from the window's pass over the corpus: the list
 * does not read them itself meanwhile (no count, nothing read in idle
 * chunks), shows the count when they come, and reads them itself when
 * the pass will not come. */
static void
test_filled (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkCorpusPass) pass = spanmark_corpus_pass_run (fixture->project, NULL, NULL, NULL, NULL, &error);
  g_autoptr(SpanmarkStatusCache) other = spanmark_status_cache_new (fixture->project, "alice");

  g_assert_no_error (error);
  spanmark_status_cache_expect_fill (fixture->statuses);
  spanmark_document_list_set_statuses (fixture->list, fixture->statuses);
  settle ();
  g_assert_false (spanmark_status_cache_is_complete (fixture->statuses));
  g_assert_cmpstr (spanmark_document_list_get_progress (fixture->list), ==, "");
  /* A status that changes meanwhile (the open document) is no reason to
   * read them all. */
  spanmark_status_cache_set (fixture->statuses, spanmark_project_lookup_document (fixture->project, "d2"),
                             SPANMARK_STATUS_DONE);
  g_assert_cmpstr (spanmark_document_list_get_progress (fixture->list), ==, "");
  g_assert_false (spanmark_status_cache_is_complete (fixture->statuses));

  spanmark_status_cache_fill (fixture->statuses, pass);
  g_assert_true (spanmark_status_cache_is_complete (fixture->statuses));
  g_assert_cmpstr (spanmark_document_list_get_progress (fixture->list), ==, "2 of 5 done");
  g_assert_cmpstr (status_of (fixture, "d1"), ==, "Done");

  /* No pass after all: the list reads as before. */
  spanmark_status_cache_expect_fill (other);
  spanmark_document_list_set_statuses (fixture->list, other);
  settle ();
  g_assert_cmpstr (spanmark_document_list_get_progress (fixture->list), ==, "");
  spanmark_status_cache_fill (other, NULL);
  settle ();
  g_assert_true (spanmark_status_cache_is_complete (other));
  g_assert_cmpstr (spanmark_document_list_get_progress (fixture->list), ==, "1 of 5 done");
}

/* Rows are updated again on every refresh and status change; one whose
 * status did not change sets nothing again: in GTK 4.8 setting even the
 * same tooltip asks the display where the pointer is, two round trips
 * to the X server per row (most of the list's cost at the opening of a
 * large corpus). */
static void
test_unchanged_rows (Fixture       *fixture,
                     gconstpointer  data)
{
  const char * const ids[] = { "d1", "d3", "d5" };
  guint notified = 0;

  spanmark_document_list_set_statuses (fixture->list, fixture->statuses);
  settle ();
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_signal_connect_swapped (spanmark_document_list_get_row (fixture->list, doc (fixture, ids[i])),
                              "notify::tooltip-text", G_CALLBACK (notified_cb), &notified);

  spanmark_document_list_refresh (fixture->list);
  spanmark_status_cache_set (fixture->statuses, doc (fixture, "d2"), SPANMARK_STATUS_DONE);
  g_assert_cmpuint (notified, ==, 0);
  g_assert_cmpstr (status_of (fixture, "d1"), ==, "Done");
  g_assert_cmpstr (status_of (fixture, "d2"), ==, "Done");
  g_assert_cmpstr (status_of (fixture, "d3"), ==, "New");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (spanmark_document_list_get_row (fixture->list, doc (fixture, "d5")))),
                            "outside the project folder"));
  /* What did change still shows, its style too. */
  spanmark_status_cache_set (fixture->statuses, doc (fixture, "d1"), SPANMARK_STATUS_IN_PROGRESS);
  g_assert_cmpstr (status_of (fixture, "d1"), ==, "In progress");
  {
    g_autoptr(GPtrArray) labels = spanmark_test_collect_of_type (GTK_WIDGET (spanmark_document_list_get_row (fixture->list, doc (fixture, "d1"))),
                                                                 GTK_TYPE_LABEL, g_ptr_array_new ());
    guint in_progress = 0, done = 0;

    for (guint i = 0; i < labels->len; i++)
      {
        in_progress += gtk_widget_has_css_class (g_ptr_array_index (labels, i), "status-in-progress");
        done += gtk_widget_has_css_class (g_ptr_array_index (labels, i), "status-done");
      }
    g_assert_cmpuint (in_progress, ==, 1);
    g_assert_cmpuint (done, ==, 0);
  }
}

/* Showing every document, the list has no filter to ask about each of
 * them (50,000 calls whenever the statuses change); the others filter. */
static void
test_all_unfiltered (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *shown = spanmark_document_list_get_shown (fixture->list);
  GtkFilterListModel *filtered = GTK_FILTER_LIST_MODEL (gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (shown)));

  spanmark_document_list_set_statuses (fixture->list, fixture->statuses);
  settle ();
  g_assert_null (gtk_filter_list_model_get_filter (filtered));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);

  spanmark_document_list_set_filter (fixture->list, SPANMARK_DOCUMENT_FILTER_DONE);
  g_assert_nonnull (gtk_filter_list_model_get_filter (filtered));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  /* A status change while filtering filters again. */
  spanmark_status_cache_set (fixture->statuses, doc (fixture, "d3"), SPANMARK_STATUS_DONE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);

  spanmark_document_list_set_filter (fixture->list, SPANMARK_DOCUMENT_FILTER_ALL);
  g_assert_null (gtk_filter_list_model_get_filter (filtered));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  spanmark_status_cache_set (fixture->statuses, doc (fixture, "d2"), SPANMARK_STATUS_DONE);
  g_assert_null (gtk_filter_list_model_get_filter (filtered));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);

  /* A filter chosen before the statuses come applies when they do. */
  spanmark_document_list_set_statuses (fixture->list, NULL);
  spanmark_document_list_set_filter (fixture->list, SPANMARK_DOCUMENT_FILTER_DONE);
  spanmark_document_list_set_statuses (fixture->list, fixture->statuses);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *shown = spanmark_document_list_get_shown (fixture->list);
  GtkDropDown *drop_down;
  guint notified = 0;

  spanmark_document_list_set_statuses (fixture->list, fixture->statuses);
  settle ();
  drop_down = GTK_DROP_DOWN (spanmark_test_find_named (GTK_WIDGET (fixture->list), "document-filter"));
  g_signal_connect_swapped (fixture->list, "notify::filter", G_CALLBACK (notified_cb), &notified);

  /* The property and the drop-down say the same. */
  spanmark_document_list_set_filter (fixture->list, SPANMARK_DOCUMENT_FILTER_DONE);
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), ==, 3);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  /* The annotator's choice in the drop-down. */
  gtk_drop_down_set_selected (drop_down, 2);
  g_assert_cmpint (spanmark_document_list_get_filter (fixture->list), ==, SPANMARK_DOCUMENT_FILTER_IN_PROGRESS);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  /* "New": no file, one that does not load, the broken entry. */
  gtk_drop_down_set_selected (drop_down, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  /* A status that changes moves the document in or out. */
  spanmark_status_cache_set (fixture->statuses, doc (fixture, "d3"), SPANMARK_STATUS_IN_PROGRESS);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);

  spanmark_document_list_set_filter (fixture->list, SPANMARK_DOCUMENT_FILTER_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
}

static void
activated_cb (SpanmarkDocumentList  *list,
              SpanmarkDocument      *document,
              SpanmarkDocument     **out)
{
  *out = document;
}

static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  SpanmarkDocument *activated = NULL;
  guint notified = 0;

  spanmark_document_list_set_statuses (fixture->list, fixture->statuses);
  settle ();
  g_signal_connect (fixture->list, "document-activated", G_CALLBACK (activated_cb), &activated);
  g_signal_connect_swapped (fixture->list, "notify::selected-document", G_CALLBACK (notified_cb), &notified);

  g_assert_null (spanmark_document_list_get_selected_document (fixture->list));
  spanmark_document_list_set_selected_document (fixture->list, doc (fixture, "d2"));
  g_assert_true (spanmark_document_list_get_selected_document (fixture->list) == doc (fixture, "d2"));
  g_assert_cmpuint (notified, ==, 1);

  /* Hidden by the filter: nothing is highlighted. */
  spanmark_document_list_set_filter (fixture->list, SPANMARK_DOCUMENT_FILTER_DONE);
  spanmark_document_list_set_selected_document (fixture->list, doc (fixture, "d2"));
  g_assert_null (spanmark_document_list_get_selected_document (fixture->list));
  spanmark_document_list_set_filter (fixture->list, SPANMARK_DOCUMENT_FILTER_ALL);

  /* A click on the third row says which document it shows. */
  g_signal_emit_by_name (spanmark_document_list_get_list_view (fixture->list), "activate", 2u);
  g_assert_true (activated == doc (fixture, "d3"));

  gtk_test_accessible_assert_property (spanmark_document_list_get_list_view (fixture->list),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Documents");
}

static void
test_menu (Fixture       *fixture,
           gconstpointer  data)
{
  GtkPopover *popover = spanmark_document_list_get_menu (fixture->list);
  GMenuModel *menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;

  spanmark_document_list_set_statuses (fixture->list, fixture->statuses);
  settle ();

  /* Nothing to offer for a document that is not done. */
  spanmark_document_list_popup_menu (fixture->list, doc (fixture, "d2"));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* A done one can be reopened, by the window. */
  spanmark_document_list_popup_menu (fixture->list, doc (fixture, "d1"));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "win.reopen-document");
  target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "d1");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_popover_popdown (popover);
}

static const char *
shown_id (Fixture *fixture,
          guint    position)
{
  g_autoptr(SpanmarkDocument) document = g_list_model_get_item (spanmark_document_list_get_shown (fixture->list),
                                                                position);

  return spanmark_document_get_id (document);
}

/* Review mode's order: the ranked documents first, worst first, with
 * their figures; the curated statuses say "reviewed". */
static void
test_ranking (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *order = spanmark_test_find_named (GTK_WIDGET (fixture->list), "document-order");
  const char *ids[] = { "d3", "d1", NULL };
  const char *details[] = { "κ 0.10 · F1 0.20", "κ 0.50 · F1 0.60", NULL };
  g_autoptr(SpanmarkStatusCache) curated = NULL;

  spanmark_document_list_set_statuses (fixture->list, fixture->statuses);
  settle ();
  g_assert_false (gtk_widget_get_visible (order));

  spanmark_document_list_set_ranking (fixture->list, ids, details);
  settle ();
  g_assert_true (gtk_widget_get_visible (order));
  /* Offered, not imposed: the project's order until chosen. */
  g_assert_cmpstr (shown_id (fixture, 0), ==, "d1");
  g_assert_cmpstr (spanmark_document_row_get_detail (spanmark_document_list_get_row (fixture->list, doc (fixture, "d3"))),
                   ==, "κ 0.10 · F1 0.20");
  g_assert_cmpstr (spanmark_document_row_get_detail (spanmark_document_list_get_row (fixture->list, doc (fixture, "d2"))),
                   ==, "");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (order), 1);
  g_assert_cmpint (spanmark_document_list_get_order (fixture->list), ==, SPANMARK_DOCUMENT_ORDER_DISAGREEMENT);
  g_assert_cmpstr (shown_id (fixture, 0), ==, "d3");
  g_assert_cmpstr (shown_id (fixture, 1), ==, "d1");
  g_assert_cmpstr (shown_id (fixture, 2), ==, "d2");
  g_assert_cmpstr (shown_id (fixture, 4), ==, "d5");
  /* The filter still applies, in that order. */
  spanmark_document_list_set_filter (fixture->list, SPANMARK_DOCUMENT_FILTER_NEW);
  g_assert_cmpstr (shown_id (fixture, 0), ==, "d3");
  spanmark_document_list_set_filter (fixture->list, SPANMARK_DOCUMENT_FILTER_ALL);

  /* The curated statuses of the same project keep the ranking. */
  curated = spanmark_status_cache_new (fixture->project, SPANMARK_CURATED_ANNOTATOR);
  spanmark_document_list_set_statuses (fixture->list, curated);
  settle ();
  g_assert_cmpstr (spanmark_document_list_get_progress (fixture->list), ==, "0 of 5 reviewed");
  g_assert_cmpstr (shown_id (fixture, 0), ==, "d3");

  spanmark_document_list_set_ranking (fixture->list, NULL, NULL);
  g_assert_false (gtk_widget_get_visible (order));
  g_assert_cmpstr (shown_id (fixture, 0), ==, "d1");
  g_assert_cmpstr (spanmark_document_row_get_detail (spanmark_document_list_get_row (fixture->list, doc (fixture, "d3"))),
                   ==, "");
  spanmark_document_list_set_statuses (fixture->list, NULL);
}

int
main (int   argc,
      char *argv[])
{
  spanmark_test_init (&argc, &argv);

  SPANMARK_TEST_ADD ("/document-list/rows", test_rows);
  SPANMARK_TEST_ADD ("/document-list/filled", test_filled);
  SPANMARK_TEST_ADD ("/document-list/filter", test_filter);
  SPANMARK_TEST_ADD ("/document-list/unchanged-rows", test_unchanged_rows);
  SPANMARK_TEST_ADD ("/document-list/all-unfiltered", test_all_unfiltered);
  SPANMARK_TEST_ADD ("/document-list/selection", test_selection);
  SPANMARK_TEST_ADD ("/document-list/menu", test_menu);
  SPANMARK_TEST_ADD ("/document-list/ranking", test_ranking);

  return g_test_run ();
}
