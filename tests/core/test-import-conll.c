/* test-import-conll.c — CoNLL-style import: schemes, repairs, joins, documents
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader is run on bytes with _spanmark_import_check_data(), which
 * writes nothing, and the spans are compared as "START-END LABEL TEXT"
 * lines; the expected spans are those seqeval's get_entities() reads
 * from the same tags.  One test reads a file larger than the reader's
 * block, through spanmark_import_run().
 */

#include "config.h"

#include <string.h>

#include "spanmark-core.h"
#include "spanmark-import-private.h"
#include "project-fixture.h"

typedef struct
{
  char                  *dir;
  SpanmarkProject       *project;
  SpanmarkImportOptions  options;
  GPtrArray             *documents;
  GPtrArray             *sets;
  GPtrArray             *messages;   /* warnings and notices */
  SpanmarkSchema        *schema;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = spanmark_test_make_tmpdir ();
  fixture->project = fixture_make_project (fixture->dir, FALSE);
  fixture->options.annotator = "alice";
  /* Most files here use labels of their own, as real datasets do. */
  fixture->options.add_labels = TRUE;
  fixture->documents = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->sets = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->messages = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->documents, g_ptr_array_unref);
  g_clear_pointer (&fixture->sets, g_ptr_array_unref);
  g_clear_pointer (&fixture->messages, g_ptr_array_unref);
  g_clear_object (&fixture->schema);
  g_clear_object (&fixture->project);
  spanmark_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Reads @data as the file @name with the fixture's options, forgetting
 * what an earlier call read. */
static gboolean
read_conll (Fixture     *fixture,
            const char  *name,
            const char  *data,
            GError     **error)
{
  g_ptr_array_set_size (fixture->documents, 0);
  g_ptr_array_set_size (fixture->sets, 0);
  g_ptr_array_set_size (fixture->messages, 0);
  g_clear_object (&fixture->schema);

  return _spanmark_import_check_data (fixture->project, &fixture->options, name, data, strlen (data),
                                      NULL, 0, fixture->documents, fixture->sets, fixture->messages,
                                      &fixture->schema, error);
}

/* The spans of document @i, one "START-END LABEL TEXT" line each. */
static char *
spans_of (Fixture *fixture,
          guint    i)
{
  SpanmarkAnnotationSet *set;
  GString *out = g_string_new (NULL);

  g_assert_cmpuint (i, <, fixture->sets->len);
  set = g_ptr_array_index (fixture->sets, i);
  for (guint j = 0; j < spanmark_annotation_set_get_n_spans (set); j++)
    {
      const SpanmarkSpan *span = spanmark_annotation_set_get_span (set, j);

      g_string_append_printf (out, "%u-%u %s %s\n", span->start, span->end, span->label, span->text);
    }
  return g_string_free (out, FALSE);
}

static const char *
text_of (Fixture *fixture,
         guint    i)
{
  g_assert_cmpuint (i, <, fixture->sets->len);
  return spanmark_annotation_set_get_text (g_ptr_array_index (fixture->sets, i));
}

static const char *
id_of (Fixture *fixture,
       guint    i)
{
  g_assert_cmpuint (i, <, fixture->documents->len);
  return spanmark_document_get_id (g_ptr_array_index (fixture->documents, i));
}

/* Asserts that exactly @n messages contain @needle, and returns the
 * first of them (or NULL). */
static const char *
assert_messages (Fixture    *fixture,
                 const char *needle,
                 guint       n)
{
  const char *first = NULL;
  guint found = 0;

  for (guint i = 0; i < fixture->messages->len; i++)
    {
      const char *message = g_ptr_array_index (fixture->messages, i);

      g_test_message ("message: %s", message);
      if (strstr (message, needle) != NULL)
        {
          if (found++ == 0)
            first = message;
        }
    }
  g_assert_cmpuint (found, ==, n);
  return first;
}

static void
assert_spans (Fixture    *fixture,
              guint       i,
              const char *expected)
{
  g_autofree char *spans = spans_of (fixture, i);

  g_assert_cmpstr (spans, ==, expected);
}

/* IOB2 a character a line, as MSRA and People's Daily write it. */
static void
test_iob2_characters (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (read_conll (fixture, "msra.bio",
                             "林 B-PER\n振 I-PER\n邦 I-PER\n到 O\n青 B-LOC\n溪 I-LOC\n市 I-LOC\n。 O\n"
                             "\n\n"
                             "🙂 O\n𠀋 B-LOC\n村 I-LOC\n",
                             &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->documents->len, ==, 1);
  g_assert_cmpstr (id_of (fixture, 0), ==, "msra");
  /* Joined with nothing; a sentence a line; offsets in code points. */
  g_assert_cmpstr (text_of (fixture, 0), ==, "林振邦到青溪市。\n🙂𠀋村");
  assert_spans (fixture, 0, "0-3 PER 林振邦\n4-7 LOC 青溪市\n10-12 LOC 𠀋村\n");
  assert_messages (fixture, "msra.bio: 1 document, 2 sentences, scheme IOB2 (detected), tokens joined with nothing", 1);
  assert_messages (fixture, "repaired", 0);
  /* The labels the file uses, added to the schema's copy in order. */
  g_assert_nonnull (spanmark_schema_lookup (fixture->schema, "PER"));
  g_assert_nonnull (spanmark_schema_lookup (fixture->schema, "LOC"));
  g_assert_null (spanmark_schema_lookup (spanmark_project_get_schema (fixture->project), "PER"));
}

/* Weibo NER's labels ("PER.NOM") have dots, which label names do not:
 * read as "PER_NOM", with a warning once per label. */
static void
test_label_names (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *message;

  g_assert_true (read_conll (fixture, "weibo.bio",
                             "我 O\n王 B-PER.NAM\n伟 I-PER.NAM\n和 O\n妈 B-PER.NOM\n妈 I-PER.NOM\n\n"
                             "李 B-PER.NAM\n在 O\n京 B-GPE.NAM\n",
                             &error));
  g_assert_no_error (error);
  assert_spans (fixture, 0, "1-3 PER_NAM 王伟\n4-6 PER_NOM 妈妈\n7-8 PER_NAM 李\n9-10 GPE_NAM 京\n");
  message = assert_messages (fixture, "the label “PER.NAM” is read as “PER_NAM”", 1);
  g_assert_true (g_str_has_prefix (message, "weibo.bio: line 2: B-PER.NAM: "));
  assert_messages (fixture, "the label “PER.NOM” is read as “PER_NOM”", 1);
  assert_messages (fixture, "is read as", 3);
  g_assert_nonnull (spanmark_schema_lookup (fixture->schema, "PER_NOM"));
  g_assert_null (spanmark_schema_lookup (fixture->schema, "PER.NOM"));

  /* Without --add-labels the name read is the one refused. */
  fixture->options.add_labels = FALSE;
  g_assert_false (read_conll (fixture, "weibo.bio", "王 B-PER.NAM\n", &error));
  g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "unknown label “PER_NAM”"));
}

/* CoNLL-2003: four columns, words joined with a space, IOB1. */
static void
test_iob1_words (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (read_conll (fixture, "eng.iob",
                             "EU NNP I-NP I-ORG\n"
                             "rejects VBZ I-VP O\n"
                             "German JJ I-NP I-MISC\n"
                             "call NN I-NP O\n"
                             "\n"
                             "Peter NNP I-NP I-PER\n"
                             "Blackburn NNP I-NP I-PER\n"
                             "Paris NNP I-NP I-LOC\n"
                             "London NNP I-NP B-LOC\n",
                             &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text_of (fixture, 0), ==, "EU rejects German call\nPeter Blackburn Paris London");
  /* In IOB1 a B- starts a span only right after one of its label. */
  assert_spans (fixture, 0, "0-2 ORG EU\n11-17 MISC German\n23-38 PER Peter Blackburn\n39-44 LOC Paris\n45-51 LOC London\n");
  assert_messages (fixture, "scheme IOB1 (detected), tokens joined with a space", 1);
  assert_messages (fixture, "line 1: 4 columns: the tokens from the first, the tags from the last", 1);
  /* I- is how IOB1 starts a span: nothing to repair. */
  assert_messages (fixture, "repaired", 0);

  /* --tag-column takes the tags from another column. */
  fixture->options.tag_column = 3;
  fixture->options.scheme = SPANMARK_IMPORT_SCHEME_IOB1;
  g_assert_true (read_conll (fixture, "chunks.conll", "EU NNP I-NP I-ORG\nrejects VBZ I-VP O\n", &error));
  g_assert_no_error (error);
  assert_spans (fixture, 0, "0-2 NP EU\n3-10 VP rejects\n");
  assert_messages (fixture, "scheme IOB1, tokens", 1);
}

/* BIOES (Spanmark's own --scheme bioes) and BMES (Resume NER). */
static void
test_bioes_bmes (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (read_conll (fixture, "w.conll",
                             "市 B-OFFICIAL\n长 I-OFFICIAL\n王 E-OFFICIAL\n在 O\n杭 S-PLACE\n",
                             &error));
  g_assert_no_error (error);
  assert_spans (fixture, 0, "0-3 OFFICIAL 市长王\n4-5 PLACE 杭\n");
  assert_messages (fixture, "scheme BIOES (detected)", 1);
  assert_messages (fixture, "repaired", 0);

  g_assert_true (read_conll (fixture, "resume.bmes",
                             "高 B-NAME\n勇 E-NAME\n， O\n男 O\n，O-less S-RACE\n"
                             "\n"
                             "中 B-CONT\n国 M-CONT\n国 M-CONT\n籍 E-CONT\n",
                             &error));
  g_assert_no_error (error);
  /* One token is longer than a character: joined with a space. */
  g_assert_cmpstr (text_of (fixture, 0), ==, "高 勇 ， 男 ，O-less\n中 国 国 籍");
  assert_spans (fixture, 0, "0-3 NAME 高 勇\n8-15 RACE ，O-less\n16-23 CONT 中 国 国 籍\n");
  assert_messages (fixture, "scheme BMES (detected)", 1);

  /* --join none forces characters together again. */
  fixture->options.join = SPANMARK_IMPORT_JOIN_NONE;
  g_assert_true (read_conll (fixture, "resume.bmes", "中 B-CONT\n国 M-CONT\n国 M-CONT\n籍 E-CONT\n", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text_of (fixture, 0), ==, "中国国籍");
  assert_spans (fixture, 0, "0-4 CONT 中国国籍\n");
  /* And --join space pulls characters apart. */
  fixture->options.join = SPANMARK_IMPORT_JOIN_SPACE;
  g_assert_true (read_conll (fixture, "resume.bmes", "中 B-CONT\n国 E-CONT\n", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text_of (fixture, 0), ==, "中 国");
  assert_spans (fixture, 0, "0-3 CONT 中 国\n");
}

/* Every repair seqeval makes, counted with the line of the first. */
static void
test_repairs (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *message;

  /* IOB2: an I- after O, an I- of another label, and one after a
   * sentence break, each start a span. */
  g_assert_true (read_conll (fixture, "iob2.bio",
                             "a B-PER\nb O\nc I-PER\nd I-PER\ne I-LOC\n\nf I-LOC\n",
                             &error));
  g_assert_no_error (error);
  assert_spans (fixture, 0, "0-1 PER a\n2-4 PER cd\n4-5 LOC e\n6-7 LOC f\n");
  message = assert_messages (fixture, "repaired 3 I- or M- tags that follow no B- of their label", 1);
  g_assert_true (g_str_has_prefix (message, "iob2.bio: line 3: "));
  assert_messages (fixture, "scheme IOB2 (detected)", 1);

  /* BIOES: an E- with no start is a span of its own; a span without
   * its E- ends at its last token; S- ends the span before it. */
  g_assert_true (read_conll (fixture, "bioes.conll",
                             "a O\nb E-PER\nc B-LOC\nd I-LOC\ne O\nf B-ORG\ng S-ORG\nh E-ORG\n",
                             &error));
  g_assert_no_error (error);
  assert_spans (fixture, 0, "1-2 PER b\n2-4 LOC cd\n5-6 ORG f\n6-7 ORG g\n7-8 ORG h\n");
  message = assert_messages (fixture, "repaired 2 E- tags with no start", 1);
  g_assert_true (g_str_has_prefix (message, "bioes.conll: line 2: "));
  message = assert_messages (fixture, "repaired 2 spans without their E- tag", 1);
  g_assert_true (g_str_has_prefix (message, "bioes.conll: line 3: "));

  /* A span of one B- at the end of the file, in BMES. */
  g_assert_true (read_conll (fixture, "end.bmes", "a M-X\nb E-X\nc B-Y\n", &error));
  g_assert_no_error (error);
  assert_spans (fixture, 0, "0-2 X ab\n2-3 Y c\n");
  g_assert_true (g_str_has_prefix (assert_messages (fixture, "repaired 1 I- or M- tag", 1), "end.bmes: line 1: "));
  g_assert_true (g_str_has_prefix (assert_messages (fixture, "repaired 1 span without its E- tag", 1), "end.bmes: line 3: "));
}

/* -DOCSTART- lines split documents; --sentences-per-document too. */
static void
test_documents (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (read_conll (fixture, "corpus.conll",
                             "-DOCSTART- -X- O O\n\n林 B-PER\n到 O\n\n市 B-LOC\n"
                             "\n-DOCSTART- -X- O O\n\n杭 B-LOC\n州 I-LOC\n",
                             &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->documents->len, ==, 2);
  g_assert_cmpstr (id_of (fixture, 0), ==, "corpus-1");
  g_assert_cmpstr (id_of (fixture, 1), ==, "corpus-2");
  g_assert_cmpstr (text_of (fixture, 0), ==, "林到\n市");
  g_assert_cmpstr (text_of (fixture, 1), ==, "杭州");
  assert_spans (fixture, 0, "0-1 PER 林\n3-4 LOC 市\n");
  assert_spans (fixture, 1, "0-2 LOC 杭州\n");
  assert_messages (fixture, "2 documents, 3 sentences", 1);
  /* A -DOCSTART- line ends a span too. */
  g_assert_true (read_conll (fixture, "cut.conll", "a B-X\n-DOCSTART-\nb I-X\n", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->documents->len, ==, 2);
  assert_spans (fixture, 0, "0-1 X a\n");
  assert_spans (fixture, 1, "0-1 X b\n");

  fixture->options.sentences_per_document = 2;
  g_assert_true (read_conll (fixture, "s.bio", "a B-X\n\nb O\n\nc B-X\n\n\nd O\n\ne O\n", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->documents->len, ==, 3);
  g_assert_cmpstr (id_of (fixture, 2), ==, "s-3");
  g_assert_cmpstr (text_of (fixture, 0), ==, "a\nb");
  g_assert_cmpstr (text_of (fixture, 1), ==, "c\nd");
  g_assert_cmpstr (text_of (fixture, 2), ==, "e");
  assert_spans (fixture, 1, "0-1 X c\n");

  /* No tokens at all: one empty document, like an empty .txt. */
  fixture->options.sentences_per_document = 0;
  g_assert_true (read_conll (fixture, "empty.conll", "\n\n", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->documents->len, ==, 1);
  g_assert_cmpstr (text_of (fixture, 0), ==, "");
}

/* Tabs when the first line of tokens has one (a token may then hold
 * spaces), else runs of spaces; CRLF and a BOM. */
static void
test_delimiters (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (read_conll (fixture, "tab.conll", "New York\tB-LOC\nis\tO\n", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text_of (fixture, 0), ==, "New York is");
  assert_spans (fixture, 0, "0-8 LOC New York\n");

  g_assert_true (read_conll (fixture, "spaces.conll", "\xef\xbb\xbfParis   B-LOC\r\nis\t O\r\n", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text_of (fixture, 0), ==, "Paris is");
  assert_spans (fixture, 0, "0-5 LOC Paris\n");

  /* A line of three tab-separated columns in a file of two. */
  g_assert_false (read_conll (fixture, "mixed.conll", "a\tB-X\nb\tNN\tO\n", &error));
  g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "mixed.conll: line 2: expected 2 columns, as on line 1, but found 3");
  g_clear_error (&error);
  g_assert_cmpuint (fixture->documents->len, ==, 0);
}

/* Bad input: named by file and line, nothing read. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct
  {
    const char *data;
    gssize      len;       /* -1: up to the NUL */
    const char *message;
  } cases[] = {
    { "a O\nb\n", -1, "bad.conll: line 2: expected 2 columns, as on line 1, but found 1" },
    { "a\n", -1, "bad.conll: line 1: expected a token and its tag, separated by a space" },
    { "a O\nb X-PER\n", -1, "bad.conll: line 2: “X-PER” is not a tag: expected O, or B-, I-, E-, S- or M- and a label (B-PER)" },
    { "a O\nb B-\n", -1, "bad.conll: line 2: “B-” is not a tag" },
    { "a O\nb o\n", -1, "bad.conll: line 2: “o” is not a tag" },
    { "a O\n\xff B-X\n", -1, "bad.conll: line 2: invalid UTF-8 at byte 0 of the line" },
    { "a O\nb\xed\xa0\x80 B-X\n", -1, "bad.conll: line 2: invalid UTF-8 at byte 1 of the line" },
    { "a O\n\nb\0 O\n", 10, "bad.conll: line 3: a NUL character at byte 1 of the line" },
    { "a O\nb B-a b\n", -1, "bad.conll: line 2: expected 2 columns" },
    { "a O\nb B-PER LOC\n", -1, "bad.conll: line 2: expected 2 columns" },
    { "a O\nb B-" "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n", -1,
      "bad.conll: line 2: B-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX: the label "
      "“XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX” cannot be added: " },
    /* Old Mac line ends: one line, which must not become one token. */
    { "a O\rb O\r", -1, "bad.conll: line 1: a carriage return inside the line" },
    { "a O\r\nb\rO\r\n", -1, "bad.conll: line 2: a carriage return inside the line" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize len = cases[i].len >= 0 ? (gsize) cases[i].len : strlen (cases[i].data);

      g_ptr_array_set_size (fixture->documents, 0);
      g_ptr_array_set_size (fixture->sets, 0);
      g_test_message ("case %u: %s", i, cases[i].message);
      g_assert_false (_spanmark_import_check_data (fixture->project, &fixture->options, "bad.conll",
                                                   cases[i].data, len, NULL, 0, fixture->documents,
                                                   fixture->sets, NULL, NULL, &error));
      g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
      g_test_message ("got: %s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
      g_assert_cmpuint (fixture->documents->len, ==, 0);
    }

  /* Without --add-labels a label the schema lacks is refused, and the
   * message names the flag. */
  {
    g_autoptr(GError) error = NULL;

    fixture->options.add_labels = FALSE;
    g_assert_false (read_conll (fixture, "bad.conll", "a B-PLACE\nb B-PER\n", &error));
    g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "bad.conll: line 2: B-PER: unknown label “PER” (not in the project’s schema; "
                                         "--add-labels adds the labels an import uses)");
  }

  /* A scheme that is asked for holds every tag to it. */
  {
    g_autoptr(GError) error = NULL;

    fixture->options.scheme = SPANMARK_IMPORT_SCHEME_IOB2;
    g_assert_false (read_conll (fixture, "bad.conll", "a B-X\nb O\nc S-X\n", &error));
    g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "bad.conll: line 3: “S-X” is not a tag of the scheme asked for (B-, I- and O)");
    g_clear_error (&error);
    fixture->options.scheme = SPANMARK_IMPORT_SCHEME_BMES;
    g_assert_false (read_conll (fixture, "bad.conll", "a B-X\nb I-X\n", &error));
    g_assert_error (error, SPANMARK_IMPORT_ERROR, SPANMARK_IMPORT_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "bad.conll: line 2: “I-X” is not a tag of the scheme asked for (B-, M-, E-, S-"));
  }
}

static void
progress_cb (SpanmarkImportStage  stage,
             const char          *file,
             guint64              done,
             guint64              total,
             gpointer             user_data)
{
  guint64 *last = user_data;

  /* Reading goes forward, and ends at its total. */
  if (stage == SPANMARK_IMPORT_STAGE_READ)
    {
      g_assert_true (g_str_has_suffix (file, "big.bio"));
      g_assert_cmpuint (done, >=, last[0]);
      g_assert_cmpuint (done, <=, total);
      last[0] = done;
      last[1] = total;
      last[2]++;
    }
  else
    last[3] = done;
}

/* A file of several read blocks, lines cut at their edges, through the
 * whole import: every sentence is read, and the progress is told. */
static void
test_large_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "big.bio", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(SpanmarkImportReport) report = { 0 };
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  SpanmarkDocument *document;
  guint64 progress[4] = { 0 };
  const guint n_sentences = 12000;

  /* About 440 KB: two blocks of the reader. */
  for (guint i = 0; i < n_sentences; i++)
    g_string_append (big, "云 B-LOC\n岚 I-LOC\n省 I-LOC\n好 O\n\n");
  spanmark_test_write_file (path, big->str, big->len);

  fixture->options.progress = progress_cb;
  fixture->options.progress_data = progress;
  spanmark_import_report_init (&report);
  g_assert_true (spanmark_import_run (fixture->project, &file, 1, &fixture->options, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.documents_added, ==, 1);
  g_assert_cmpuint (report.labels_added->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report.labels_added, 0), ==, "LOC");
  /* Two passes (the join is found first), each told. */
  g_assert_cmpuint (progress[0], ==, progress[1]);
  g_assert_cmpuint (progress[1], ==, 2 * big->len);
  g_assert_cmpuint (progress[2], >=, 4);
  g_assert_cmpuint (progress[3], ==, 1);

  document = spanmark_project_lookup_document (fixture->project, "big");
  g_assert_nonnull (document);
  set = spanmark_project_load_annotations (fixture->project, document, "alice", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spanmark_annotation_set_get_n_spans (set), ==, n_sentences);
  g_assert_cmpuint (spanmark_annotation_set_get_span (set, n_sentences - 1)->start, ==, (n_sentences - 1) * 5);
  g_assert_cmpstr (spanmark_annotation_set_get_span (set, n_sentences - 1)->text, ==, "云岚省");
  /* The label is in spanmark.json now. */
  g_assert_nonnull (spanmark_schema_lookup (spanmark_project_get_schema (fixture->project), "LOC"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/import-conll/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("iob2-characters", test_iob2_characters);
  ADD ("iob1-words", test_iob1_words);
  ADD ("label-names", test_label_names);
  ADD ("bioes-bmes", test_bioes_bmes);
  ADD ("repairs", test_repairs);
  ADD ("documents", test_documents);
  ADD ("delimiters", test_delimiters);
  ADD ("bad-input", test_bad_input);
  ADD ("large-file", test_large_file);
#undef ADD

  return g_test_run ();
}
