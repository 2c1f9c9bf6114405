/* export-fixture.c — the fixture project shared by the export tests
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "export-fixture.h"

#define EMOJI "\xf0\x9f\x98\x80"   /* U+1F600 */
#define ACUTE "\xcc\x81"           /* U+0301 */
#define IDSP  "\xe3\x80\x80"       /* U+3000 */

static SpanmarkAnnotationSet *
load_set (SpanmarkProject *project,
          const char      *id,
          const char      *annotator)
{
  g_autoptr(GError) error = NULL;
  SpanmarkDocument *document = spanmark_project_lookup_document (project, id);
  SpanmarkAnnotationSet *set;

  g_assert_nonnull (document);
  set = spanmark_project_load_annotations (project, document, annotator, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set);
  return set;
}

/* Entities and spans with attributes go in through the loader API, as
 * they would come from a file; attrs are key, value pairs ending in NULL. */
static void
load_entity (SpanmarkAnnotationSet *set,
             const char            *id,
             const char            *label,
             const char            *name,
             ...)
{
  g_autoptr(SpanmarkEntity) entity = spanmark_entity_new (id, label, name);
  const char *key;
  va_list args;

  va_start (args, name);
  while ((key = va_arg (args, const char *)) != NULL)
    g_hash_table_insert (entity->attrs, g_strdup (key), g_strdup (va_arg (args, const char *)));
  va_end (args);

  spanmark_annotation_set_load_entity (set, entity);
}

static void
load_span (SpanmarkAnnotationSet *set,
           const char            *id,
           guint                  start,
           guint                  end,
           const char            *label,
           const char            *entity,
           ...)
{
  g_autoptr(SpanmarkSpan) span = spanmark_span_new (id, start, end, label, NULL);
  const char *key;
  va_list args;

  span->entity = g_strdup (entity);
  va_start (args, entity);
  while ((key = va_arg (args, const char *)) != NULL)
    g_hash_table_insert (span->attrs, g_strdup (key), g_strdup (va_arg (args, const char *)));
  va_end (args);

  spanmark_annotation_set_load_span (set, span);
}

static void
save_set (SpanmarkProject       *project,
          SpanmarkAnnotationSet *set)
{
  g_autoptr(GError) error = NULL;

  spanmark_project_save_annotations (project, set, &error);
  g_assert_no_error (error);
}

static void
add_document (SpanmarkProject *project,
              const char      *id,
              const char      *text)
{
  g_autoptr(GError) error = NULL;

  spanmark_project_add_document (project, id, text, NULL, &error);
  g_assert_no_error (error);
}

void
export_fixture_build (SpanmarkProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *b2_text = NULL;
  const char *b2_raw = "Jose" ACUTE " in S\xc3\xa3o Paulo\r\nJose" ACUTE " met 车俊.\r\n";

  b2_text = spanmark_text_normalize (b2_raw, strlen (b2_raw), SPANMARK_TEXT_ENCODING_UTF8, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b2_text, ==, "Jose" ACUTE " in S\xc3\xa3o Paulo\nJose" ACUTE " met 车俊.\n");

  add_document (project, "a1", "车俊" EMOJI "在浙江省杭州市。\n陈" IDSP "敏尔到了涪陵。");
  add_document (project, "b2", b2_text);
  add_document (project, "c3", "");
  add_document (project, "d4", " \n" IDSP "\n");
  add_document (project, "e5", "甲\n乙 丙");
  spanmark_project_save (project, &error);
  g_assert_no_error (error);

  {
    g_autoptr(SpanmarkAnnotationSet) set = load_set (project, "a1", "alice");

    load_entity (set, "e1", "OFFICIAL", "车俊", "title", "浙江省委书记", NULL);
    load_entity (set, "e2", "OFFICIAL", "陈敏尔", NULL);

    /* Added out of order on purpose: exports sort. */
    load_span (set, "k1", 18, 20, "PLACE", NULL, "kind", "区", NULL);
    spanmark_test_add_span (set, 4, 7, "PLACE");
    spanmark_test_add_span (set, 7, 10, "PLACE");
    spanmark_test_add_span (set, 4, 10, "PLACE");
    load_span (set, "k9", 0, 2, "OFFICIAL", "e1", NULL);
    spanmark_test_add_span (set, 2, 3, "INITIATIVE");
    load_span (set, "k10", 12, 16, "OFFICIAL", "e2", NULL);
    spanmark_test_add_span (set, 15, 17, "INITIATIVE");
    spanmark_annotation_set_set_status (set, SPANMARK_STATUS_DONE);
    save_set (project, set);
  }

  {
    g_autoptr(SpanmarkAnnotationSet) set = load_set (project, "b2", "alice");

    load_entity (set, "e1", "OFFICIAL", "Jose" ACUTE, "title", "President", "region", "Dili", NULL);
    load_span (set, "k1", 0, 5, "OFFICIAL", "e1", NULL);
    load_span (set, "k2", 9, 18, "PLACE", NULL, "kind", "city", NULL);
    load_span (set, "k3", 19, 24, "OFFICIAL", "e1", "title", "Minister", NULL);
    spanmark_test_add_span (set, 29, 31, "OFFICIAL");
    spanmark_annotation_set_set_status (set, SPANMARK_STATUS_DONE);
    save_set (project, set);
  }

  {
    g_autoptr(SpanmarkAnnotationSet) set = load_set (project, "e5", "alice");

    spanmark_test_add_span (set, 0, 5, "OFFICIAL");
    spanmark_annotation_set_set_status (set, SPANMARK_STATUS_IN_PROGRESS);
    save_set (project, set);
  }

  {
    g_autoptr(SpanmarkAnnotationSet) set = load_set (project, "a1", "bob");

    spanmark_test_add_span (set, 0, 2, "OFFICIAL");
    save_set (project, set);
  }
}
