/* spanmark-export-hf.c — Hugging Face datasets: one sentence a line, numbered tags
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A folder: the sentences as JSON lines, {"id","tokens","ner_tags"}
 * (data.jsonl, or train/dev/test.jsonl), labels.json with the tag names
 * in the order of their numbers, and a dataset card, README.md, whose
 * YAML header tells the datasets library which files are the data (so
 * labels.json is not read as data) and that ner_tags are class labels
 * with those names (so they load as ClassLabel, with no cast).
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "spanmark-export-format-private.h"
#include "spanmark-export-tags.h"
#include "spanmark-json-writer.h"

typedef struct
{
  ExportTags *tags;
  guint       n_documents[SPANMARK_EXPORT_N_PARTS];
  guint       n_sentences[SPANMARK_EXPORT_N_PARTS];
} Hf;

static void
hf_free (gpointer data)
{
  Hf *hf = data;

  _spanmark_export_tags_free (hf->tags);
  g_free (hf);
}

static gboolean
hf_begin (SpanmarkExportContext  *context,
          GError                **error)
{
  Hf *hf = g_new0 (Hf, 1);

  /* A tag number must mean the same in every export of the project, so
   * only the schema's labels have one. */
  hf->tags = _spanmark_export_tags_new (context->schema, TRUE);
  context->state = hf;
  return TRUE;
}

/* The number of a tag of ExportTags: 0 for O, then each label's tags in
 * the order of labels.json. */
static guint
tag_number (SpanmarkExportScheme scheme,
            gint32               tag)
{
  if (tag < 0)
    return 0;

  if (scheme == SPANMARK_EXPORT_SCHEME_BIOES)
    return 1 + (guint) tag;

  /* In BIO the kinds are only B (0) and I (1). */
  return 1 + (guint) (tag / EXPORT_N_TAG_KINDS) * 2 + (guint) (tag % EXPORT_N_TAG_KINDS);
}

static gboolean
hf_write_document (SpanmarkExportContext     *context,
                   const SpanmarkExportItem  *item,
                   GError                   **error)
{
  const ExportDoc *doc = item->doc;
  GString *out = item->out;
  Hf *hf = context->state;
  SpanmarkExportScheme scheme = context->options->scheme;
  const char *text = doc->text;
  guint n = doc->char_bytes->len - 1;
  const guint32 *bytes = (const guint32 *) doc->char_bytes->data;
  g_autoptr(GString) tokens = g_string_new (NULL);
  g_autoptr(GString) numbers = g_string_new (NULL);
  const gint32 *tags;
  guint n_tokens = 0;
  guint sentence = 0;

  if (!_spanmark_export_tags_compute (hf->tags, doc, item->kept, scheme, error))
    return FALSE;
  tags = (const gint32 *) hf->tags->tags->data;

  for (guint i = 0; i <= n; i++)
    {
      gunichar c = i < n ? export_doc_char (doc, i) : '\n';

      if (c == '\n')
        {
          if (n_tokens > 0)
            {
              g_autofree char *id = g_strdup_printf ("%s-%u", item->id, sentence);

              g_string_append (out, "{\"id\":");
              spanmark_json_append_string (out, id);
              g_string_append (out, ",\"tokens\":[");
              g_string_append_len (out, tokens->str, tokens->len);
              g_string_append (out, "],\"ner_tags\":[");
              g_string_append_len (out, numbers->str, numbers->len);
              g_string_append (out, "]}\n");
              sentence++;
            }
          g_string_truncate (tokens, 0);
          g_string_truncate (numbers, 0);
          n_tokens = 0;
          continue;
        }
      if (export_is_white_space (c))
        continue;

      if (n_tokens > 0)
        {
          g_string_append_c (tokens, ',');
          g_string_append_c (numbers, ',');
        }
      spanmark_json_append_string_len (tokens, text + bytes[i], bytes[i + 1] - bytes[i]);
      g_string_append_printf (numbers, "%u", tag_number (scheme, tags[i]));
      n_tokens++;
    }

  hf->n_documents[item->part]++;
  hf->n_sentences[item->part] += sentence;
  return TRUE;
}

/* The tag names by number: "O", then B-X and I-X (and E-X and S-X in
 * BIOES) for each label of the schema. */
static GPtrArray *
tag_names (Hf                   *hf,
           SpanmarkExportScheme  scheme)
{
  guint n_kinds = scheme == SPANMARK_EXPORT_SCHEME_BIOES ? EXPORT_N_TAG_KINDS : 2;
  GPtrArray *names = g_ptr_array_new ();

  g_ptr_array_add (names, "O");
  for (guint label = 0; label < hf->tags->label_names->len; label++)
    for (guint kind = 0; kind < n_kinds; kind++)
      g_ptr_array_add (names, g_ptr_array_index (hf->tags->tag_names, label * EXPORT_N_TAG_KINDS + kind));

  return names;
}

/* A YAML string in double quotes: JSON's escapes, and escapes too for
 * what YAML does not take as it is (DEL and the C1 controls) or reads as
 * a line break (U+0085, U+2028, U+2029). */
static void
append_yaml_string (GString    *out,
                    const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 ||
               c == 0xfffe || c == 0xffff)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_string_append_c (out, '"');
}

/* The datasets library's name for a part: "validation" for dev. */
static const char *
split_name (SpanmarkExportPart part)
{
  return part == SPANMARK_EXPORT_PART_DEV ? "validation" : spanmark_export_part_to_string (part);
}

/* The card: YAML front matter for the datasets library, then a few lines
 * for people.  Always in English: it describes the data, not the program,
 * and the same export gives the same bytes in every language. */
static char *
dataset_card (SpanmarkExportContext *context,
              GPtrArray             *names)
{
  Hf *hf = context->state;
  const SpanmarkExportOptions *options = context->options;
  const char *project_name = spanmark_project_get_name (context->project);
  guint n_parts = options->split ? SPANMARK_EXPORT_N_PARTS : 1;
  GString *out = g_string_new ("---\n");

  if (project_name != NULL && project_name[0] != '\0')
    {
      g_string_append (out, "pretty_name: ");
      append_yaml_string (out, project_name);
      g_string_append_c (out, '\n');
    }
  g_string_append (out,
                   "task_categories:\n"
                   "- token-classification\n"
                   "task_ids:\n"
                   "- named-entity-recognition\n"
                   "configs:\n"
                   "- config_name: default\n"
                   "  data_files:\n");
  for (guint part = 0; part < n_parts; part++)
    {
      g_autofree char *file = options->split
                              ? g_strconcat (spanmark_export_part_to_string (part), context->format->extension, NULL)
                              : g_strdup (context->format->file_name);

      g_string_append_printf (out, "  - split: %s\n    path: %s\n", split_name (part), file);
    }
  g_string_append (out,
                   "dataset_info:\n"
                   "  config_name: default\n"
                   "  features:\n"
                   "  - name: id\n"
                   "    dtype: string\n"
                   "  - name: tokens\n"
                   "    sequence: string\n"
                   "  - name: ner_tags\n"
                   "    sequence:\n"
                   "      class_label:\n"
                   "        names:\n");
  for (guint i = 0; i < names->len; i++)
    {
      g_string_append_printf (out, "          \"%u\": ", i);
      append_yaml_string (out, g_ptr_array_index (names, i));
      g_string_append_c (out, '\n');
    }
  /* No "splits" with their sizes: the library would refuse the folder
   * once someone trimmed a data file. */
  g_string_append (out, "---\n\n");

  g_string_append_printf (out, "# %s\n\n", project_name != NULL && project_name[0] != '\0'
                                            ? project_name : "Spanmark export");
  g_string_append_printf (out,
                          "Named-entity recognition data exported by [Spanmark](%s): one\n"
                          "sentence a line, `{\"id\", \"tokens\", \"ner_tags\"}`, a token for\n"
                          "every character that is not white space, the tags numbered as in\n"
                          "`labels.json` (%s scheme). The work of annotator `%s`.\n\n",
                          PACKAGE_WEBSITE, options->scheme == SPANMARK_EXPORT_SCHEME_BIOES ? "BIOES" : "BIO",
                          context->annotator);
  g_string_append (out, "| split | documents | sentences |\n| --- | --- | --- |\n");
  for (guint part = 0; part < n_parts; part++)
    g_string_append_printf (out, "| %s | %u | %u |\n", split_name (part), hf->n_documents[part],
                            hf->n_sentences[part]);
  if (options->split)
    g_string_append_printf (out, "\nSplit by document, %u/%u/%u, seed %" G_GUINT64_FORMAT ".\n",
                            options->split_percent[SPANMARK_EXPORT_PART_TRAIN],
                            options->split_percent[SPANMARK_EXPORT_PART_DEV],
                            options->split_percent[SPANMARK_EXPORT_PART_TEST], options->seed);
  g_string_append (out, "\n```python\nfrom datasets import load_dataset\n"
                        "dataset = load_dataset(\"path/to/this/folder\")\n```\n");

  return g_string_free (out, FALSE);
}

static gboolean
hf_finish (SpanmarkExportContext  *context,
           GError                **error)
{
  g_autoptr(GPtrArray) names = tag_names (context->state, context->options->scheme);
  g_autoptr(GString) labels = g_string_new ("[");
  g_autofree char *card = NULL;

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append_c (labels, ',');
      spanmark_json_append_string (labels, g_ptr_array_index (names, i));
    }
  g_string_append (labels, "]\n");
  card = dataset_card (context, names);

  return _spanmark_export_output_write_file (context->output, NULL, "labels.json",
                                             labels->str, labels->len, error) &&
         _spanmark_export_output_write_file (context->output, NULL, "README.md",
                                             card, strlen (card), error);
}

const SpanmarkExportFormat _spanmark_export_format_hf = {
  .name = "hf",
  .title = N_("Hugging Face datasets"),
  .description = N_("OUT is a folder with data.jsonl (one sentence a line:\n"
                    "{\"id\",\"tokens\",\"ner_tags\"}), labels.json (the tag names) and\n"
                    "README.md, a dataset card: datasets.load_dataset(OUT) reads ner_tags\n"
                    "as class labels with those names"),
  .example = "--format hf --curated --status done \\\n      --split 80/10/10 --seed 42 -o hf-data",
  .extension = ".jsonl",
  .file_name = "data.jsonl",
  .layout = N_("Writes data.jsonl, labels.json and README.md into the folder."),
  .split_layout = N_("Writes train.jsonl, dev.jsonl, test.jsonl, labels.json and README.md into the folder."),
  .flags = SPANMARK_EXPORT_FORMAT_FLAT | SPANMARK_EXPORT_FORMAT_FOLDER,
  .options = SPANMARK_EXPORT_OPTION_SCHEME,
  .begin = hf_begin,
  .write_document = hf_write_document,
  .finish = hf_finish,
  .free_state = hf_free,
};
