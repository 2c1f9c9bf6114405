/* spanmark-export-dialog.h — export a project as training data
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spanmark-export.h"
#include "spanmark-project.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_EXPORT_DIALOG (spanmark_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkExportDialog, spanmark_export_dialog, SPANMARK, EXPORT_DIALOG, AdwWindow)

/* A modal dialog (transient for @parent) with format, scheme, annotator,
 * documents, split and destination, and the options the chosen format
 * takes (spanmark_export_format_get_options()): the tag scheme, the
 * delimiter and document markers.  Export runs off the main thread with
 * a progress bar and Cancel.  When an export finished it emits
 *   "exported" (GFile *destination_folder, const char *summary)
 * where @summary is a translated one-line result ("Exported 12 documents;
 * 3 nested spans dropped") for the window's toast, then closes. */
SpanmarkExportDialog *spanmark_export_dialog_new (GtkWindow       *parent,
                                                  SpanmarkProject *project);

/* Actions (also what tests drive): "export-dialog.export" starts the
 * export, "export-dialog.cancel" cancels a running export or closes the
 * dialog, "export-dialog.choose-folder" opens the folder chooser. */

/* The destination folder, as if chosen in the folder chooser (tests). */
void                  spanmark_export_dialog_set_destination (SpanmarkExportDialog *self,
                                                              GFile                *folder);
/* One of the table's formats (spanmark-export-format.h). */
void                  spanmark_export_dialog_set_format      (SpanmarkExportDialog       *self,
                                                              const SpanmarkExportFormat *format);
/* An annotator from spanmark_project_list_annotators(); FALSE if unknown. */
gboolean              spanmark_export_dialog_set_annotator   (SpanmarkExportDialog *self,
                                                              const char           *annotator);
/* TRUE while an export runs. */
gboolean              spanmark_export_dialog_get_running     (SpanmarkExportDialog *self);

G_END_DECLS
