/* spanmark-bench-corpus.c — generate a large project for the benchmarks
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * spanmark-bench-corpus DIR [N_DOCUMENTS [N_ANNOTATORS]]
 *
 * Creates a project in DIR with N_DOCUMENTS (default 10,000) documents of
 * about 2,000 characters of Chinese-like text — sentences made of
 * syllables from the list below, with commas, full stops, ideographic
 * spaces and line breaks — each with about 90 spans by the annotator
 * "bench", a few of them nested.  The output is the same for the same
 * arguments: everything comes from a GRand with a fixed seed.
 *
 * With N_ANNOTATORS > 1 (the agreement benchmark uses 3), annotators
 * "bench2", "bench3", … get perturbed copies of bench's work: most spans
 * kept, some relabelled, moved by a character, dropped, or new ones
 * added; a few documents left unannotated or in progress.  Those come
 * from a second GRand, so bench's files are the same whatever
 * N_ANNOTATORS is.
 */

#include "config.h"

#include <stdlib.h>

#include "spanmark-core.h"

#define TEXT_LENGTH 2000
#define ANNOTATOR   "bench"

/* Our own syllable list: common characters, nothing copied from any text. */
static const char *syllables[] = {
  "东", "南", "西", "北", "中", "山", "水", "河", "湖", "海", "江", "城", "市", "县", "乡",
  "村", "镇", "区", "路", "街", "桥", "港", "园", "林", "田", "新", "老", "大", "小", "高",
  "长", "平", "安", "和", "华", "兴", "明", "光", "春", "秋", "文", "武", "金", "石", "云",
  "风", "天", "地", "人", "民", "工", "农", "商", "学", "会", "议", "发", "展", "建", "设",
  "经", "济", "社", "生", "产", "业", "科", "技", "创", "改", "革", "开", "放", "合", "作",
  "服", "务", "管", "理", "推", "进", "实", "施", "方", "案", "计", "划", "项", "目", "重",
  "点", "工", "程", "质", "量", "效", "益", "研", "究", "调", "查", "考", "察", "指", "导",
  "部", "署", "落", "实", "完", "善", "加", "强", "提", "升", "坚", "持", "深", "化", "保",
};

static const char *labels[] = { "OFFICIAL", "PLACE", "INITIATIVE" };

/* A copy of @set by another annotator, changed here and there. */
static SpanmarkAnnotationSet *
perturb (SpanmarkAnnotationSet *set,
         const char            *annotator,
         GRand                 *rand)
{
  guint length = spanmark_annotation_set_get_length (set);
  SpanmarkAnnotationSet *copy = spanmark_annotation_set_new (spanmark_annotation_set_get_document_id (set),
                                                             annotator,
                                                             spanmark_annotation_set_get_text (set));
  guint span_number = 0;

  for (guint i = 0; i < spanmark_annotation_set_get_n_spans (set); i++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, i);
      guint start = span->start;
      guint end = span->end;
      const char *label = span->label;
      guint dice = g_rand_int_range (rand, 0, 100);
      g_autofree char *id = NULL;
      g_autoptr(SpanmarkSpan) changed = NULL;

      if (dice < 5)
        continue;                                                  /* dropped */
      else if (dice < 11)
        label = labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))];  /* relabelled */
      else if (dice < 15 && end + 1 < length)
        end++;                                                     /* one more character */
      else if (dice < 18 && end - start >= 2)
        start++;                                                   /* one fewer */

      id = g_strdup_printf ("s%u", ++span_number);
      changed = spanmark_span_new (id, start, end, label, NULL);
      spanmark_annotation_set_load_span (copy, changed);

      /* Now and then a span the first annotator did not make. */
      if (g_rand_int_range (rand, 0, 25) == 0 && end + 8 < length)
        {
          g_autofree char *extra_id = g_strdup_printf ("s%u", ++span_number);
          g_autoptr(SpanmarkSpan) extra = spanmark_span_new (extra_id, end + 2, end + 4 + g_rand_int_range (rand, 0, 4),
                                                             labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))],
                                                             NULL);

          spanmark_annotation_set_load_span (copy, extra);
        }
    }

  spanmark_annotation_set_load_status (copy, g_rand_int_range (rand, 0, 10) == 0
                                               ? SPANMARK_STATUS_IN_PROGRESS : SPANMARK_STATUS_DONE);
  return copy;
}

static void
append_sentence (GString *text,
                 GRand   *rand,
                 guint   *length)
{
  guint n_clauses = g_rand_int_range (rand, 1, 4);

  for (guint c = 0; c < n_clauses; c++)
    {
      guint n = g_rand_int_range (rand, 4, 14);

      for (guint i = 0; i < n; i++)
        {
          g_string_append (text, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
          (*length)++;
        }
      /* Now and then an ideographic space, as in real web text. */
      if (g_rand_int_range (rand, 0, 20) == 0)
        {
          g_string_append (text, "\xe3\x80\x80");  /* U+3000 */
          (*length)++;
        }
      g_string_append (text, c + 1 < n_clauses ? "，" : "。");
      (*length)++;
    }
}

static char *
make_text (GRand *rand,
           guint *out_length)
{
  GString *text = g_string_sized_new (TEXT_LENGTH * 3 + 64);
  guint length = 0;

  while (length < TEXT_LENGTH)
    {
      append_sentence (text, rand, &length);
      if (g_rand_int_range (rand, 0, 6) == 0)
        {
          g_string_append_c (text, '\n');
          length++;
        }
    }
  g_string_append_c (text, '\n');
  length++;

  *out_length = length;
  return g_string_free (text, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(SpanmarkProject) project = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);
  g_autoptr(GRand) perturbation = g_rand_new_with_seed (20261129);
  guint n_documents = 10000;
  guint n_annotators = 1;
  guint64 n_spans = 0;

  if (argc < 2 || argc > 4)
    {
      g_printerr ("Usage: %s DIR [N_DOCUMENTS [N_ANNOTATORS]]\n", argv[0]);
      return 2;
    }
  for (int i = 2; i < argc; i++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (argv[i], 10, 1, i == 2 ? 1000000 : 9, &value, &error))
        {
          g_printerr ("%s: %s\n", argv[0], error->message);
          return 2;
        }
      if (i == 2)
        n_documents = (guint) value;
      else
        n_annotators = (guint) value;
    }

  dir = g_file_new_for_commandline_arg (argv[1]);
  project = spanmark_project_create (dir, "Export benchmark", &error);
  if (project == NULL)
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return 1;
    }

  for (guint d = 0; d < n_documents; d++)
    {
      g_autofree char *id = g_strdup_printf ("news-%05u", d);
      g_autofree char *text = NULL;
      g_autoptr(SpanmarkAnnotationSet) set = NULL;
      SpanmarkDocument *document;
      guint length;
      guint position = 0;
      guint span_number = 0;

      text = make_text (rand, &length);
      document = spanmark_project_add_document (project, id, text, NULL, &error);
      if (document == NULL)
        {
          g_printerr ("%s: %s\n", argv[0], error->message);
          return 1;
        }

      set = spanmark_annotation_set_new (id, ANNOTATOR, text);
      /* About one span every 22 characters: ~90 per document. */
      for (;;)
        {
          guint start = position + g_rand_int_range (rand, 4, 36);
          guint end = start + g_rand_int_range (rand, 2, 7);
          const char *label = labels[g_rand_int_range (rand, 0, G_N_ELEMENTS (labels))];
          g_autofree char *span_id = NULL;
          g_autoptr(SpanmarkSpan) span = NULL;

          if (end > length - 1)
            break;

          span_id = g_strdup_printf ("s%u", ++span_number);
          span = spanmark_span_new (span_id, start, end, label, NULL);
          spanmark_annotation_set_load_span (set, span);
          n_spans++;

          /* One span in ten has a shorter one nested inside it, which a
           * flat export drops. */
          if (end - start >= 3 && g_rand_int_range (rand, 0, 10) == 0)
            {
              g_autofree char *inner_id = g_strdup_printf ("s%u", ++span_number);
              g_autoptr(SpanmarkSpan) inner = spanmark_span_new (inner_id, start + 1, end, "PLACE", NULL);

              spanmark_annotation_set_load_span (set, inner);
              n_spans++;
            }
          position = end;
        }
      spanmark_annotation_set_load_status (set, SPANMARK_STATUS_DONE);

      if (!spanmark_project_save_annotations (project, set, &error))
        {
          g_printerr ("%s: %s\n", argv[0], error->message);
          return 1;
        }

      for (guint a = 2; a <= n_annotators; a++)
        {
          g_autofree char *name = g_strdup_printf ("%s%u", ANNOTATOR, a);
          g_autoptr(SpanmarkAnnotationSet) copy = NULL;

          /* One document in fifty the annotator has not started. */
          if (g_rand_int_range (perturbation, 0, 50) == 0)
            continue;
          copy = perturb (set, name, perturbation);
          if (!spanmark_project_save_annotations (project, copy, &error))
            {
              g_printerr ("%s: %s\n", argv[0], error->message);
              return 1;
            }
        }
    }

  if (!spanmark_project_save (project, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return 1;
    }

  g_printerr ("%u documents, %" G_GUINT64_FORMAT " spans\n", n_documents, n_spans);
  return 0;
}
