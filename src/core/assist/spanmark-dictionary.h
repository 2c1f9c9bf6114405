/* spanmark-dictionary.h — a dictionary file: TSV lines or spaCy patterns
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two formats, told apart by the file name (docs/assist.md):
 *
 *   *.tsv    text<TAB>LABEL[<TAB>key=value…], one entry a line, "#"
 *            starts a comment line (INCEpTION's string matcher format);
 *            key=value columns are attributes of the entity the text
 *            names (so the entry names an entity: the text itself);
 *   *.jsonl  spaCy EntityRuler patterns, one JSON object a line:
 *            {"label": "PLACE", "pattern": "涪陵区"}; token patterns
 *            (a list of token objects) are reported as unsupported.
 *
 * A bad line is a problem naming the file and the line; the other lines
 * still load.  A file that cannot be read at all is one problem and no
 * entries.  Loading never fails otherwise.
 */

#pragma once

#include <gio/gio.h>

#include "spanmark-dictionary-entry.h"
#include "spanmark-problem.h"
#include "spanmark-schema.h"

G_BEGIN_DECLS

/* The folder of a project that holds its dictionaries. */
#define SPANMARK_DICTIONARY_DIR "dictionaries"

/* At most this many problems are kept for one file; one more says how
 * many lines were left out (a binary file given by mistake). */
#define SPANMARK_DICTIONARY_MAX_PROBLEMS 100

/* The longest text an entry may have, in code points: names and terms,
 * not paragraphs (each code point of a text is a node of the automaton).
 * Longer ones are problems in a dictionary and left out of the corpus. */
#define SPANMARK_DICTIONARY_MAX_TEXT_LENGTH 1000

#define SPANMARK_TYPE_DICTIONARY (spanmark_dictionary_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkDictionary, spanmark_dictionary, SPANMARK, DICTIONARY, GObject)

/* Parses @length bytes of @data as the dictionary file @name (its
 * extension says the format; @name is also how messages and entries'
 * sources name the file).  With @schema, an entry whose label the schema
 * lacks, or whose attribute the label lacks, is a problem. */
SpanmarkDictionary *spanmark_dictionary_new_from_data (const char     *name,
                                                       const char     *data,
                                                       gsize           length,
                                                       SpanmarkSchema *schema);
/* Reads @file (anywhere: a dictionary given on the command line), safely
 * (spanmark_file_read(): regular files only, a size cap), and parses it
 * as @name. */
SpanmarkDictionary *spanmark_dictionary_load          (GFile          *file,
                                                       const char     *name,
                                                       SpanmarkSchema *schema);
/* Every *.tsv and *.jsonl file in DIR/dictionaries/ (none if there is no
 * such folder), in name order, read like any project file
 * (spanmark_file_read_in_project(): no link out of the project).  Their
 * names are "dictionaries/FILE".  A GPtrArray of SpanmarkDictionary. */
GPtrArray          *spanmark_dictionary_load_folder   (GFile          *dir,
                                                       SpanmarkSchema *schema) G_GNUC_WARN_UNUSED_RESULT;
/* Whether @name is a dictionary file by its extension (.tsv, .jsonl). */
gboolean            spanmark_dictionary_is_dictionary_name (const char *name);

const char         *spanmark_dictionary_get_name      (SpanmarkDictionary *self);
/* "dict:" and the file name without its folder: the source of every
 * entry, and the mark of the spans spanmark-cli pretag adds from it. */
const char         *spanmark_dictionary_get_source    (SpanmarkDictionary *self);
/* SpanmarkDictionaryEntry, in file order. */
GPtrArray          *spanmark_dictionary_get_entries   (SpanmarkDictionary *self);
/* SpanmarkProblem (file: the name, location "line N" or "line N,
 * column C"), in file order; empty when every line loaded. */
GPtrArray          *spanmark_dictionary_get_problems  (SpanmarkDictionary *self);

G_END_DECLS
