/* spanmark-export-format.h — the export formats, one table entry each
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every export format is one entry of one table (spanmark-export-format.c)
 * and one file that writes it (spanmark-export-<name>.c).  Everything
 * else — the command line's --format and its help, the export dialog's
 * format list and the controls it shows, the run — asks the table, so
 * adding a format means adding its file and its entry, nothing more.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The options of SpanmarkExportOptions that only some formats take. */
typedef enum
{
  SPANMARK_EXPORT_OPTION_NONE      = 0,
  SPANMARK_EXPORT_OPTION_SCHEME    = 1 << 0,  /* the tag scheme, BIO or BIOES */
  SPANMARK_EXPORT_OPTION_DOCSTART  = 1 << 1,  /* a -DOCSTART- line before each document */
  SPANMARK_EXPORT_OPTION_DELIMITER = 1 << 2,  /* a space or a tab between token and tag */
} SpanmarkExportOptionFlags;

/* One entry of the table; its fields are the format's own
 * (spanmark-export-format-private.h). */
typedef struct _SpanmarkExportFormat SpanmarkExportFormat;

/* The formats in the table's order (which the dialog and the help show). */
guint                       spanmark_export_format_get_n_formats         (void);
const SpanmarkExportFormat *spanmark_export_format_get                   (guint                       index);
/* The format named @name ("conll"…), or NULL. */
const SpanmarkExportFormat *spanmark_export_format_lookup                (const char                 *name);
/* The names, as a list for messages: "a, b, c" (@separator between
 * them), of every format, or of those that take @option (all when
 * @option is SPANMARK_EXPORT_OPTION_NONE).  Newly allocated. */
char                       *spanmark_export_format_list_names            (SpanmarkExportOptionFlags   option,
                                                                          const char                 *separator) G_GNUC_WARN_UNUSED_RESULT;

/* What --format takes. */
const char                 *spanmark_export_format_get_name              (const SpanmarkExportFormat *self);
/* A translated title for a list of formats ("CoNLL — one character per
 * line"). */
const char                 *spanmark_export_format_get_title             (const SpanmarkExportFormat *self);
/* A translated description of what it writes, a few lines of at most 70
 * columns (the command line's help). */
const char                 *spanmark_export_format_get_description       (const SpanmarkExportFormat *self);
/* The options it takes. */
SpanmarkExportOptionFlags   spanmark_export_format_get_options           (const SpanmarkExportFormat *self);
/* TRUE for the formats that cannot hold nested or overlapping spans: they
 * keep the outermost spans and report the rest. */
gboolean                    spanmark_export_format_is_flat               (const SpanmarkExportFormat *self);
/* TRUE if the export writes a folder (a format that always does, or any
 * with a split); FALSE if it writes one file (or standard output). */
gboolean                    spanmark_export_format_writes_folder         (const SpanmarkExportFormat *self,
                                                                          gboolean                    split);
/* The name of the file a one-file format writes into a chosen folder
 * (the export dialog): "data.conll"; NULL for a format that writes a
 * folder. */
const char                 *spanmark_export_format_get_default_file_name (const SpanmarkExportFormat *self);
/* A translated sentence saying what lands in the chosen folder ("Writes
 * data.conll into the folder."), with or without a split. */
const char                 *spanmark_export_format_get_layout            (const SpanmarkExportFormat *self,
                                                                          gboolean                    split);
/* An example of the arguments after "spanmark-cli export DIR" (the
 * command line's help), or NULL. */
const char                 *spanmark_export_format_get_example           (const SpanmarkExportFormat *self);

G_END_DECLS
