/* spanmark-export-dialog.h — export a project as training data
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "spanmark-project.h"

G_BEGIN_DECLS

#define SPANMARK_TYPE_EXPORT_DIALOG (spanmark_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SpanmarkExportDialog, spanmark_export_dialog, SPANMARK, EXPORT_DIALOG, AdwWindow)

/* A modal dialog (transient for @parent) with format, scheme, annotator,
 * documents, split and destination.  Export runs off the main thread with
 * a progress bar and Cancel.  When an export finished it emits
 *   "exported" (GFile *destination_folder, const char *summary)
 * where @summary is a translated one-line result ("Exported 12 documents;
 * 3 nested spans dropped") for the window's toast, then closes. */
SpanmarkExportDialog *spanmark_export_dialog_new (GtkWindow       *parent,
                                                  SpanmarkProject *project);

G_END_DECLS
