/* test-curation.c — units, their states, and building the curated set
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "../core/project-fixture.h"

/* The golden case of test-agreement.c plus a span all three agree on:
 *   a: P 1 3, F 6 9,          I 13 15
 *   b: P 1 3, F 6 8,          I 13 15
 *   c: P 1 4, F 6 9, I 11 12, I 13 15
 * Units: [1,4) disagreed, [6,9) disagreed, [11,12) incomplete (only c),
 * [13,15) agreed. */
#define TEXT "abcdefghijklmnop"

static const char *golden[] = {
  "PLACE 1 3, OFFICIAL 6 9, INITIATIVE 13 15",
  "PLACE 1 3, OFFICIAL 6 8, INITIATIVE 13 15",
  "PLACE 1 4, OFFICIAL 6 9, INITIATIVE 11 12, INITIATIVE 13 15",
};

/* A set from "LABEL START END [key=value…] [@ENTITY[:key=value]], …". */
static SpanmarkAnnotationSet *
make_set (const char *annotator,
          const char *text,
          const char *spec)
{
  SpanmarkAnnotationSet *set = spanmark_annotation_set_new ("d1", annotator, text);

  spanmark_test_load_spec (set, spec, "e-");
  return set;
}

typedef struct
{
  SpanmarkAnnotationSet *sets[3];
  SpanmarkAnnotationSet *curated;
  SpanmarkCuration      *curation;
} Fixture;

static void
fixture_setup (Fixture            *fixture,
               const char         *text,
               const char * const *specs,
               guint               n)
{
  const char *names[] = { "a", "b", "c" };

  g_assert_cmpuint (n, <=, 3);
  for (guint i = 0; i < n; i++)
    fixture->sets[i] = make_set (names[i], text, specs[i]);
  fixture->curated = spanmark_annotation_set_new ("d1", SPANMARK_CURATED_ANNOTATOR, text);
  fixture->curation = spanmark_curation_new (fixture->curated, fixture->sets, n);
}

static void
fixture_teardown (Fixture *fixture)
{
  g_assert_finalize_object (fixture->curation);
  g_assert_finalize_object (fixture->curated);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->sets); i++)
    if (fixture->sets[i] != NULL)
      g_assert_finalize_object (fixture->sets[i]);
}

static void
assert_version (const SpanmarkUnitVersion *version,
                guint                      start,
                guint                      end,
                const char                *label,
                const char                *annotators)
{
  g_autoptr(GString) who = g_string_new (NULL);

  for (guint i = 0; i < version->n_annotators; i++)
    {
      g_string_append_c (who, "abc"[version->annotators[i]]);
      /* Each holder's own span. */
      g_assert_cmpuint (version->spans[i]->start, ==, start);
      g_assert_cmpuint (version->spans[i]->end, ==, end);
      g_assert_cmpstr (version->spans[i]->label, ==, label);
    }
  g_assert_cmpuint (version->start, ==, start);
  g_assert_cmpuint (version->end, ==, end);
  g_assert_cmpstr (version->label, ==, label);
  g_assert_cmpstr (who->str, ==, annotators);
}

static void
test_units (void)
{
  Fixture f = { 0 };
  const SpanmarkUnit *unit;

  fixture_setup (&f, TEXT, golden, 3);
  g_assert_cmpuint (spanmark_curation_get_n_annotators (f.curation), ==, 3);
  g_assert_true (spanmark_curation_get_annotator_set (f.curation, 1) == f.sets[1]);
  g_assert_true (spanmark_curation_get_curated (f.curation) == f.curated);
  g_assert_cmpuint (spanmark_curation_get_n_units (f.curation), ==, 4);

  unit = spanmark_curation_get_unit (f.curation, 0);
  g_assert_cmpuint (unit->start, ==, 1);
  g_assert_cmpuint (unit->end, ==, 4);
  g_assert_cmpint (unit->state, ==, SPANMARK_UNIT_DISAGREED);
  g_assert_cmpuint (unit->n_versions, ==, 2);
  /* Longer first. */
  assert_version (&unit->versions[0], 1, 4, "PLACE", "c");
  assert_version (&unit->versions[1], 1, 3, "PLACE", "ab");
  g_assert_false (unit->versions[1].curated);

  unit = spanmark_curation_get_unit (f.curation, 1);
  g_assert_cmpint (unit->state, ==, SPANMARK_UNIT_DISAGREED);
  assert_version (&unit->versions[0], 6, 9, "OFFICIAL", "ac");
  assert_version (&unit->versions[1], 6, 8, "OFFICIAL", "b");

  unit = spanmark_curation_get_unit (f.curation, 2);
  g_assert_cmpint (unit->state, ==, SPANMARK_UNIT_INCOMPLETE);
  g_assert_cmpuint (unit->n_versions, ==, 1);
  assert_version (&unit->versions[0], 11, 12, "INITIATIVE", "c");

  unit = spanmark_curation_get_unit (f.curation, 3);
  g_assert_cmpint (unit->state, ==, SPANMARK_UNIT_AGREED);
  assert_version (&unit->versions[0], 13, 15, "INITIATIVE", "abc");

  g_assert_cmpuint (spanmark_curation_get_n_open_units (f.curation), ==, 4);

  fixture_teardown (&f);
}

/* Nested spans of one annotator, duplicates, adjacent spans, a label
 * difference on the same offsets. */
static void
test_unit_shapes (void)
{
  const char *specs[] = {
    "PLACE 0 6, OFFICIAL 1 3, PLACE 8 10, PLACE 10 12, OFFICIAL 14 16, OFFICIAL 14 16",
    "PLACE 0 6, PLACE 8 10, PLACE 10 12, OFFICIAL 14 16",
  };
  Fixture f = { 0 };
  const SpanmarkUnit *unit;

  fixture_setup (&f, TEXT, specs, 2);
  g_assert_cmpuint (spanmark_curation_get_n_units (f.curation), ==, 4);

  /* b lacks a's nested span: they read the unit differently. */
  unit = spanmark_curation_get_unit (f.curation, 0);
  g_assert_cmpint (unit->state, ==, SPANMARK_UNIT_DISAGREED);
  assert_version (&unit->versions[0], 0, 6, "PLACE", "ab");
  assert_version (&unit->versions[1], 1, 3, "OFFICIAL", "a");

  /* Adjacent spans do not overlap: two units. */
  unit = spanmark_curation_get_unit (f.curation, 1);
  g_assert_cmpuint (unit->end, ==, 10);
  g_assert_cmpint (unit->state, ==, SPANMARK_UNIT_AGREED);
  unit = spanmark_curation_get_unit (f.curation, 2);
  g_assert_cmpuint (unit->start, ==, 10);

  /* a's duplicate span counts once. */
  unit = spanmark_curation_get_unit (f.curation, 3);
  g_assert_cmpint (unit->state, ==, SPANMARK_UNIT_AGREED);
  g_assert_cmpuint (unit->n_versions, ==, 1);
  assert_version (&unit->versions[0], 14, 16, "OFFICIAL", "ab");

  /* Taking everything leaves nothing open: a has the nested pair. */
  g_assert_cmpuint (spanmark_curation_get_n_open_units (f.curation), ==, 4);
  g_assert_cmpuint (spanmark_curation_accept_agreed (f.curation, 1), ==, 5);
  g_assert_cmpuint (spanmark_curation_get_n_open_units (f.curation), ==, 0);

  fixture_teardown (&f);

  {
    const char *relabelled[] = { "PLACE 2 5", "OFFICIAL 2 5" };
    Fixture g = { 0 };

    fixture_setup (&g, TEXT, relabelled, 2);
    unit = spanmark_curation_get_unit (g.curation, 0);
    g_assert_cmpint (unit->state, ==, SPANMARK_UNIT_DISAGREED);
    /* Same offsets: by label. */
    assert_version (&unit->versions[0], 2, 5, "OFFICIAL", "b");
    assert_version (&unit->versions[1], 2, 5, "PLACE", "a");
    fixture_teardown (&g);
  }
}

static void
assert_curated (SpanmarkAnnotationSet *set,
                const char            *expected)
{
  g_autoptr(GString) spans = g_string_new (NULL);

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);

      g_string_append_printf (spans, "%s%s %u %u", i > 0 ? ", " : "", span->label, span->start, span->end);
    }
  g_assert_cmpstr (spans->str, ==, expected);
}

static void
test_accept_agreed (void)
{
  Fixture f = { 0 };
  SpanmarkHistory *history;

  fixture_setup (&f, TEXT, golden, 3);
  history = spanmark_annotation_set_get_history (f.curated);

  /* At least two of three: P 1 3 (a, b), F 6 9 (a, c), I 13 15 (all). */
  g_assert_cmpuint (spanmark_curation_accept_agreed (f.curation, 2), ==, 3);
  assert_curated (f.curated, "PLACE 1 3, OFFICIAL 6 9, INITIATIVE 13 15");
  /* The spans carry their text, as any span made through the mutators. */
  g_assert_cmpstr (spanmark_annotation_set_get_span (f.curated, 0)->text, ==, "bc");

  /* The units see the change: the agreed one is closed, three still have
   * a version nobody took. */
  g_assert_true (spanmark_curation_get_unit (f.curation, 1)->versions[0].curated);
  g_assert_false (spanmark_curation_get_unit (f.curation, 1)->versions[1].curated);
  g_assert_cmpuint (spanmark_curation_get_n_open_units (f.curation), ==, 3);

  /* Again: nothing more to add. */
  g_assert_cmpuint (spanmark_curation_accept_agreed (f.curation, 2), ==, 0);

  /* One undo step. */
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 1);
  g_assert_true (spanmark_history_undo (history));
  assert_curated (f.curated, "");
  g_assert_cmpuint (spanmark_curation_get_n_open_units (f.curation), ==, 4);
  g_assert_true (spanmark_history_redo (history));
  assert_curated (f.curated, "PLACE 1 3, OFFICIAL 6 9, INITIATIVE 13 15");

  fixture_teardown (&f);

  /* All three must agree: only the agreed unit; one of three: everything. */
  {
    Fixture all = { 0 }, any = { 0 };

    fixture_setup (&all, TEXT, golden, 3);
    g_assert_cmpuint (spanmark_curation_accept_agreed (all.curation, 3), ==, 1);
    assert_curated (all.curated, "INITIATIVE 13 15");
    fixture_teardown (&all);

    fixture_setup (&any, TEXT, golden, 3);
    g_assert_cmpuint (spanmark_curation_accept_agreed (any.curation, 1), ==, 6);
    /* Everything is in, but [1,4) and [6,9) now hold conflicting spans
     * no one annotator has together: still open. */
    g_assert_cmpuint (spanmark_curation_get_n_open_units (any.curation), ==, 2);
    fixture_teardown (&any);
  }
}

/* Attributes and entities come along where the annotators agree. */
static void
test_merge (void)
{
  const char *specs[] = {
    "PLACE 0 2 kind=市 note=x @杭州:region=浙江, OFFICIAL 3 5 @车俊:title=书记, OFFICIAL 6 8 @陈敏尔, PLACE 9 11 @西湖",
    "PLACE 0 2 kind=市 note=y @杭州:region=浙江, OFFICIAL 3 5 @车俊:title=省长, OFFICIAL 6 8 @陈敏, PLACE 9 11",
  };
  Fixture f = { 0 };
  const SpanmarkSpan *span;
  const SpanmarkEntity *entity;

  fixture_setup (&f, "杭州 车俊 陈敏尔 西湖", specs, 2);
  g_assert_cmpuint (spanmark_curation_accept_agreed (f.curation, 2), ==, 4);

  /* kind agrees, note does not. */
  span = spanmark_annotation_set_get_span (f.curated, 0);
  g_assert_cmpstr (g_hash_table_lookup (span->attrs, "kind"), ==, "市");
  g_assert_false (g_hash_table_contains (span->attrs, "note"));
  /* Both link 杭州 with region 浙江. */
  entity = spanmark_annotation_set_lookup_entity (f.curated, span->entity);
  g_assert_nonnull (entity);
  g_assert_cmpstr (entity->name, ==, "杭州");
  g_assert_cmpstr (entity->label, ==, "PLACE");
  g_assert_cmpstr (g_hash_table_lookup (entity->attrs, "region"), ==, "浙江");

  /* Same entity, different title: the entity, without the title. */
  span = spanmark_annotation_set_get_span (f.curated, 1);
  entity = spanmark_annotation_set_lookup_entity (f.curated, span->entity);
  g_assert_cmpstr (entity->name, ==, "车俊");
  g_assert_cmpuint (g_hash_table_size (entity->attrs), ==, 0);

  /* Different names, or one without an entity: no entity. */
  g_assert_null (spanmark_annotation_set_get_span (f.curated, 2)->entity);
  g_assert_null (spanmark_annotation_set_get_span (f.curated, 3)->entity);
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (f.curated), ==, 2);

  /* Still one undo step, entities included. */
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (spanmark_annotation_set_get_history (f.curated)), ==, 1);

  fixture_teardown (&f);
}

/* Two mentions of one entity give one curated entity. */
static void
test_merge_one_entity (void)
{
  const char *specs[] = {
    "OFFICIAL 0 2 @车俊:title=书记, OFFICIAL 4 6 @车俊",
    "OFFICIAL 0 2 @车俊:title=书记, OFFICIAL 4 6 @车俊",
  };
  Fixture f = { 0 };

  fixture_setup (&f, "车俊说，车俊", specs, 2);
  g_assert_cmpuint (spanmark_curation_accept_agreed (f.curation, 2), ==, 2);
  g_assert_cmpuint (spanmark_annotation_set_get_n_entities (f.curated), ==, 1);
  g_assert_cmpstr (spanmark_annotation_set_get_span (f.curated, 0)->entity, ==,
                   spanmark_annotation_set_get_span (f.curated, 1)->entity);
  g_assert_cmpuint (spanmark_annotation_set_get_n_mentions (f.curated,
                                                            spanmark_annotation_set_get_entity (f.curated, 0)->id),
                    ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (spanmark_annotation_set_get_entity (f.curated, 0)->attrs, "title"),
                   ==, "书记");

  fixture_teardown (&f);
}

static void
test_accept_reject_take (void)
{
  Fixture f = { 0 };
  SpanmarkHistory *history;

  fixture_setup (&f, TEXT, golden, 3);
  history = spanmark_annotation_set_get_history (f.curated);

  /* c's longer P. */
  g_assert_true (spanmark_curation_accept_version (f.curation, 0, 0));
  g_assert_false (spanmark_curation_accept_version (f.curation, 0, 0));
  assert_curated (f.curated, "PLACE 1 4");
  g_assert_true (spanmark_curation_get_unit (f.curation, 0)->versions[0].curated);

  /* Rejecting it takes it out again. */
  g_assert_cmpuint (spanmark_curation_reject_version (f.curation, 0, 0), ==, 1);
  assert_curated (f.curated, "");
  g_assert_cmpuint (spanmark_curation_reject_version (f.curation, 0, 0), ==, 0);
  g_assert_true (spanmark_history_undo (history));
  assert_curated (f.curated, "PLACE 1 4");

  /* All of b, in one step; what is there already is not doubled. */
  g_assert_cmpuint (spanmark_curation_take_annotator (f.curation, 1), ==, 3);
  assert_curated (f.curated, "PLACE 1 4, PLACE 1 3, OFFICIAL 6 8, INITIATIVE 13 15");
  g_assert_cmpuint (spanmark_curation_take_annotator (f.curation, 1), ==, 0);
  g_assert_true (spanmark_history_undo (history));
  assert_curated (f.curated, "PLACE 1 4");

  fixture_teardown (&f);
}

static void
assert_rejected (SpanmarkAnnotationSet *set,
                 const char            *expected)
{
  g_autoptr(GString) rejected = g_string_new (NULL);

  for (guint i = 0; i < spanmark_annotation_set_get_n_rejections (set); i++)
    {
      const SpanmarkSpan *rejection = spanmark_annotation_set_get_rejection (set, i);

      g_string_append_printf (rejected, "%s%s %u %u", i > 0 ? ", " : "", rejection->label,
                              rejection->start, rejection->end);
    }
  g_assert_cmpstr (rejected->str, ==, expected);
}

/* Units are found by offset: they never overlap. */
static void
test_find_unit (void)
{
  Fixture f = { 0 };

  fixture_setup (&f, TEXT, golden, 3);
  g_assert_cmpuint (spanmark_curation_find_unit (f.curation, 0), ==, 0);
  g_assert_cmpuint (spanmark_curation_find_unit (f.curation, 3), ==, 0);
  g_assert_cmpuint (spanmark_curation_find_unit (f.curation, 4), ==, 1);
  g_assert_cmpuint (spanmark_curation_find_unit (f.curation, 10), ==, 2);
  g_assert_cmpuint (spanmark_curation_find_unit (f.curation, 12), ==, 3);
  g_assert_cmpuint (spanmark_curation_find_unit (f.curation, 15), ==, 4);
  g_assert_cmpuint (spanmark_curation_get_majority (f.curation), ==, 2);
  fixture_teardown (&f);
}

/* One annotator's reading of a unit, the majority's, or none: each one
 * undo step that leaves the unit decided; rejections are remembered. */
static void
test_decisions (void)
{
  Fixture f = { 0 };
  SpanmarkHistory *history;

  fixture_setup (&f, TEXT, golden, 3);
  history = spanmark_annotation_set_get_history (f.curated);

  /* c's longer P: taken, a's and b's rejected. */
  g_assert_true (spanmark_curation_choose_annotator (f.curation, 0, 2));
  assert_curated (f.curated, "PLACE 1 4");
  assert_rejected (f.curated, "PLACE 1 3");
  g_assert_true (spanmark_curation_get_unit (f.curation, 0)->versions[1].rejected);
  g_assert_false (spanmark_curation_is_unit_open (f.curation, 0));
  g_assert_cmpuint (spanmark_curation_get_n_open_units (f.curation), ==, 3);
  g_assert_false (spanmark_curation_choose_annotator (f.curation, 0, 2));
  g_assert_cmpuint (spanmark_history_get_n_undo_steps (history), ==, 1);
  g_assert_true (spanmark_history_undo (history));
  assert_curated (f.curated, "");
  assert_rejected (f.curated, "");
  g_assert_true (spanmark_curation_is_unit_open (f.curation, 0));

  /* The majority: F 6 9 (a, c) in, F 6 8 (b) out. */
  g_assert_true (spanmark_curation_choose_majority (f.curation, 1, 2));
  assert_curated (f.curated, "OFFICIAL 6 9");
  assert_rejected (f.curated, "OFFICIAL 6 8");
  /* Two of three have nothing at [11,12): that is the majority's reading. */
  g_assert_true (spanmark_curation_choose_majority (f.curation, 2, 2));
  assert_rejected (f.curated, "OFFICIAL 6 8, INITIATIVE 11 12");
  g_assert_false (spanmark_curation_is_unit_open (f.curation, 2));

  /* Rejecting the agreed unit settles it; accept_agreed leaves it out. */
  g_assert_true (spanmark_curation_reject_unit (f.curation, 3));
  g_assert_false (spanmark_curation_reject_unit (f.curation, 3));
  g_assert_false (spanmark_curation_is_unit_open (f.curation, 3));
  g_assert_cmpuint (spanmark_curation_accept_agreed (f.curation, 2), ==, 1);
  assert_curated (f.curated, "PLACE 1 3, OFFICIAL 6 9");
  g_assert_cmpuint (spanmark_curation_get_n_open_units (f.curation), ==, 1);

  /* Accepting a rejected version takes the rejection back, in one step. */
  g_assert_true (spanmark_curation_accept_version (f.curation, 3, 0));
  assert_rejected (f.curated, "OFFICIAL 6 8, INITIATIVE 11 12");
  g_assert_true (spanmark_history_undo (history));
  assert_rejected (f.curated, "OFFICIAL 6 8, INITIATIVE 11 12, INITIATIVE 13 15");
  g_assert_true (spanmark_history_redo (history));

  /* Rejecting one version removes its curated copy and remembers it. */
  g_assert_cmpuint (spanmark_curation_reject_version (f.curation, 0, 1), ==, 1);
  assert_curated (f.curated, "OFFICIAL 6 9, INITIATIVE 13 15");
  g_assert_true (spanmark_annotation_set_is_rejected (f.curated, 1, 3, "PLACE"));
  /* [1,4) still has c's version undecided. */
  g_assert_true (spanmark_curation_is_unit_open (f.curation, 0));

  /* Taking all of c overrides the rejections of c's spans. */
  g_assert_cmpuint (spanmark_curation_take_annotator (f.curation, 2), ==, 2);
  assert_curated (f.curated, "PLACE 1 4, OFFICIAL 6 9, INITIATIVE 11 12, INITIATIVE 13 15");
  assert_rejected (f.curated, "PLACE 1 3, OFFICIAL 6 8");

  fixture_teardown (&f);
}

/* A curated span of the reviewer's own (relabelled here) decides its
 * unit; choosing an annotator afterwards replaces it. */
static void
test_own_spans (void)
{
  Fixture f = { 0 };
  const SpanmarkSpan *span;
  g_autofree char *id = NULL;

  fixture_setup (&f, TEXT, golden, 3);
  g_assert_true (spanmark_curation_choose_annotator (f.curation, 0, 0));
  assert_curated (f.curated, "PLACE 1 3");
  span = spanmark_annotation_set_get_span (f.curated, 0);
  id = g_strdup (span->id);
  g_assert_true (spanmark_annotation_set_set_span_label (f.curated, id, "INITIATIVE", NULL));
  g_assert_false (spanmark_curation_get_unit (f.curation, 0)->versions[1].curated);
  g_assert_false (spanmark_curation_is_unit_open (f.curation, 0));

  g_assert_true (spanmark_curation_choose_annotator (f.curation, 0, 1));
  assert_curated (f.curated, "PLACE 1 3");
  assert_rejected (f.curated, "PLACE 1 4");

  /* No majority: three readings of [0,2). */
  {
    const char *three[] = { "PLACE 0 2", "OFFICIAL 0 2", "INITIATIVE 0 2" };
    Fixture g = { 0 };

    fixture_setup (&g, TEXT, three, 3);
    g_assert_false (spanmark_curation_choose_majority (g.curation, 0, 2));
    assert_curated (g.curated, "");
    g_assert_cmpuint (spanmark_history_get_n_undo_steps (spanmark_annotation_set_get_history (g.curated)), ==, 0);
    g_assert_true (spanmark_curation_is_unit_open (g.curation, 0));
    fixture_teardown (&g);
  }

  fixture_teardown (&f);
}

/* spanmark_curation_curate_project() on a project folder. */

typedef struct
{
  GString *log;
} Report;

static void
report_cb (const char           *document_id,
           SpanmarkCurateResult  result,
           guint                 n_agreed,
           guint                 n_open,
           gpointer              user_data)
{
  GString *log = user_data;

  g_string_append_printf (log, "%s:%d:%u:%u ", document_id, result, n_agreed, n_open);
}

static void
save_set (SpanmarkProject *project,
          const char      *document_id,
          const char      *annotator,
          const char      *spec)
{
  SpanmarkDocument *document = spanmark_project_lookup_document (project, document_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = spanmark_project_load_text (project, document, &error);
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(SpanmarkAnnotationSet) renamed = NULL;

  g_assert_no_error (error);
  set = make_set (annotator, text, spec);
  /* make_set names the document d1. */
  renamed = spanmark_annotation_set_new (document_id, annotator, text);
  for (guint i = 0; i < spanmark_annotation_set_get_n_entities (set); i++)
    spanmark_annotation_set_load_entity (renamed, spanmark_annotation_set_get_entity (set, i));
  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    spanmark_annotation_set_load_span (renamed, spanmark_annotation_set_get_span (set, i));
  spanmark_annotation_set_load_status (renamed, SPANMARK_STATUS_DONE);
  spanmark_project_save_annotations (project, renamed, &error);
  g_assert_no_error (error);
}

static SpanmarkProject *
make_project (const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  SpanmarkProject *project = spanmark_project_create (file, "Curation", &error);

  g_assert_no_error (error);
  spanmark_project_add_document (project, "d1", TEXT, NULL, &error);
  g_assert_no_error (error);
  spanmark_project_add_document (project, "d2", "车俊到杭州。", NULL, &error);
  g_assert_no_error (error);
  spanmark_project_add_document (project, "d3", "nobody", NULL, &error);
  g_assert_no_error (error);
  spanmark_project_save (project, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    save_set (project, "d1", (const char *[]) { "a", "b", "c" }[i], golden[i]);
  save_set (project, "d2", "a", "OFFICIAL 0 2, PLACE 3 5");
  save_set (project, "d2", "b", "OFFICIAL 0 2");
  return project;
}

static void
test_curate_project (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = make_project (dir);
  const char *annotators[] = { "a", "b", "c", NULL };
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpanmarkAnnotationSet) curated = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *d3 = g_build_filename (dir, "annotations", "_curated", "d3.json", NULL);

  g_assert_true (spanmark_curation_curate_project (project, annotators, 2, NULL, FALSE, report_cb, log, &error));
  g_assert_no_error (error);
  /* d1: 3 agreed, 3 open; d2 (only a and b): O 0 2 agreed, P 3 5 open;
   * d3: no annotations. */
  g_assert_cmpstr (log->str, ==, "d1:0:3:3 d2:0:1:1 d3:3:0:0 ");

  curated = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d1"),
                                               SPANMARK_CURATED_ANNOTATOR, &error);
  g_assert_no_error (error);
  assert_curated (curated, "PLACE 1 3, OFFICIAL 6 9, INITIATIVE 13 15");
  g_assert_cmpint (spanmark_annotation_set_get_status (curated), ==, SPANMARK_STATUS_IN_PROGRESS);
  g_assert_false (g_file_test (d3, G_FILE_TEST_EXISTS));

  /* A second run keeps the curated files, byte for byte. */
  first = fixture_read (dir, "annotations/_curated/d1.json", NULL);
  g_string_truncate (log, 0);
  g_assert_true (spanmark_curation_curate_project (project, annotators, 3, NULL, FALSE, report_cb, log, &error));
  g_assert_cmpstr (log->str, ==, "d1:2:0:0 d2:2:0:0 d3:3:0:0 ");
  again = fixture_read (dir, "annotations/_curated/d1.json", NULL);
  g_assert_cmpstr (first, ==, again);

  /* With replace, and only d1: all three must agree now. */
  g_string_truncate (log, 0);
  g_assert_true (spanmark_curation_curate_project (project, annotators, 3, (const char *[]) { "d1", NULL }, TRUE,
                                                   report_cb, log, &error));
  g_assert_cmpstr (log->str, ==, "d1:1:1:3 ");
  g_clear_object (&curated);
  curated = spanmark_project_load_annotations (project, spanmark_project_lookup_document (project, "d1"),
                                               SPANMARK_CURATED_ANNOTATOR, &error);
  assert_curated (curated, "INITIATIVE 13 15");

  spanmark_test_remove_tree (dir);
}

/* A bad file anywhere: an error naming it, and nothing written. */
static void
test_curate_bad_file (void)
{
  g_autofree char *dir = spanmark_test_make_tmpdir ();
  g_autoptr(SpanmarkProject) project = make_project (dir);
  const char *annotators[] = { "a", "b", "c", NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *good = fixture_read (dir, "annotations/b/d2.json", NULL);

  /* d2 is broken for b: d1 must not be written either. */
  fixture_write (dir, "annotations/b/d2.json", "{\"spanmark\": 1,", -1);
  before = spanmark_test_snapshot_tree (dir);
  g_assert_false (spanmark_curation_curate_project (project, annotators, 2, NULL, FALSE, NULL, NULL, &error));
  g_assert_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "annotations/b/d2.json: "));
  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);

  /* A curated file that does not load is never replaced. */
  fixture_write (dir, "annotations/b/d2.json", good, -1);
  fixture_write (dir, "annotations/_curated/d1.json", "not json", -1);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = spanmark_test_snapshot_tree (dir);
  g_assert_false (spanmark_curation_curate_project (project, annotators, 2, NULL, TRUE, NULL, NULL, &error));
  g_assert_true (g_str_has_prefix (error->message, "annotations/_curated/d1.json: "));
  after = spanmark_test_snapshot_tree (dir);
  g_assert_cmpstr (after, ==, before);

  spanmark_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/curation/units", test_units);
  g_test_add_func ("/curation/unit-shapes", test_unit_shapes);
  g_test_add_func ("/curation/accept-agreed", test_accept_agreed);
  g_test_add_func ("/curation/merge", test_merge);
  g_test_add_func ("/curation/merge-one-entity", test_merge_one_entity);
  g_test_add_func ("/curation/accept-reject-take", test_accept_reject_take);
  g_test_add_func ("/curation/find-unit", test_find_unit);
  g_test_add_func ("/curation/decisions", test_decisions);
  g_test_add_func ("/curation/own-spans", test_own_spans);
  g_test_add_func ("/curation/curate-project", test_curate_project);
  g_test_add_func ("/curation/curate-bad-file", test_curate_bad_file);

  return g_test_run ();
}
