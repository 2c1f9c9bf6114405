/* spanmark-export-output.h — the files an export writes, under temporary names until it succeeded
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the export (formats/).  Messages name the file first.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The files written piece by piece that an output holds at most: one per
 * part of a split. */
#define SPANMARK_EXPORT_OUTPUT_MAX_STREAMS 3

typedef struct _SpanmarkExportOutput SpanmarkExportOutput;

/* A one-file export, with its one stream (0): to @destination, or to
 * standard output when it is NULL.  A regular file (or a new one) is
 * replaced atomically, and so is the target of a symbolic link, not the
 * link; a FIFO or a device is written into directly; a folder or a
 * socket is refused. */
SpanmarkExportOutput *_spanmark_export_output_new_file      (GFile                 *destination,
                                                             GError               **error);
/* A folder export into @destination (created if missing): everything
 * goes to a temporary folder inside it until the commit, which moves it
 * into place, replacing files of the same names and merging folders. */
SpanmarkExportOutput *_spanmark_export_output_new_folder    (GFile                 *destination,
                                                             GError               **error);

/* A file @name in the folder, written piece by piece as stream @stream. */
gboolean              _spanmark_export_output_add_stream    (SpanmarkExportOutput  *self,
                                                             guint                  stream,
                                                             const char            *name,
                                                             GError               **error);
/* A folder @name in the folder. */
gboolean              _spanmark_export_output_add_folder    (SpanmarkExportOutput  *self,
                                                             const char            *name,
                                                             GError               **error);
/* What is still to be written to @stream: append to it (NULL when there
 * is no such stream). */
GString              *_spanmark_export_output_get_buffer    (SpanmarkExportOutput  *self,
                                                             guint                  stream);
/* Writes the buffer of @stream out once it is large, so memory stays
 * flat however long the file gets. */
gboolean              _spanmark_export_output_flush_if_full (SpanmarkExportOutput  *self,
                                                             guint                  stream,
                                                             GError               **error);
/* A whole file @name in the folder, or in its subfolder @folder (not
 * NULL: made by _spanmark_export_output_add_folder()). */
gboolean              _spanmark_export_output_write_file    (SpanmarkExportOutput  *self,
                                                             const char            *folder,
                                                             const char            *name,
                                                             const char            *data,
                                                             gsize                  len,
                                                             GError               **error);
/* Writes what is left, syncs and moves everything into place. */
gboolean              _spanmark_export_output_commit        (SpanmarkExportOutput  *self,
                                                             GError               **error);
/* Closes, and removes what was written unless it was committed. */
void                  _spanmark_export_output_free          (SpanmarkExportOutput  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpanmarkExportOutput, _spanmark_export_output_free)

G_END_DECLS
