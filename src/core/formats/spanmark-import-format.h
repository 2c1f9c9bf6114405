/* spanmark-import-format.h — the import formats, one table entry each
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every import format is one entry of one table (spanmark-import-format.c)
 * and one file that reads it (spanmark-import-<name>.c).  A file is
 * imported by the format of its extension; the command line's help and
 * the folder expansion ask the table.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SpanmarkImportFormat SpanmarkImportFormat;

guint                       spanmark_import_format_get_n_formats    (void);
const SpanmarkImportFormat *spanmark_import_format_get              (guint                       index);
/* The format named @name ("plain-text"…), or NULL. */
const SpanmarkImportFormat *spanmark_import_format_lookup           (const char                 *name);
/* The format of a file named @basename, by its extension (without
 * case; a format may have several), or NULL. */
const SpanmarkImportFormat *spanmark_import_format_for_file          (const char                 *basename);

const char                 *spanmark_import_format_get_name         (const SpanmarkImportFormat *self);
/* Whether its files are read on their own (not beside another file, as
 * brat's .ann): what "import --format NAME" can name. */
gboolean                    spanmark_import_format_reads_alone      (const SpanmarkImportFormat *self);
/* ".txt": the files of the format, and of a folder that is imported. */
const char                 *spanmark_import_format_get_extension    (const SpanmarkImportFormat *self);
/* The files it reads, for the help: "NAME.txt", "NAME.txt + NAME.ann". */
const char                 *spanmark_import_format_get_usage        (const SpanmarkImportFormat *self);
/* A translated description, lines of at most 50 columns. */
const char                 *spanmark_import_format_get_description  (const SpanmarkImportFormat *self);
/* The usages of every format for a message: "NAME.txt, NAME.txt +
 * NAME.ann, NAME.jsonl" (@separator between them).  Newly allocated. */
char                       *spanmark_import_format_list_usages      (const char                 *separator) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
