/* spanmark-export.c — training-data export: CoNLL, JSONL, doccano, HF, brat
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "spanmark-export.h"
#include "spanmark-export-private.h"
#include "spanmark-file.h"
#include "spanmark-json.h"

G_DEFINE_QUARK (spanmark-export-error-quark, spanmark_export_error)

/* Buffers are written out once they pass this size, so a single-file
 * export needs only one buffer's worth of memory however big it gets. */
#define FLUSH_THRESHOLD (256 * 1024)

static const char *format_names[SPANMARK_EXPORT_N_FORMATS] = {
  "conll", "jsonl", "doccano", "hf", "brat",
};

static const char *part_names[SPANMARK_EXPORT_N_PARTS] = {
  "train", "dev", "test",
};

const char *
spanmark_export_format_to_string (SpanmarkExportFormat format)
{
  g_return_val_if_fail ((guint) format < SPANMARK_EXPORT_N_FORMATS, NULL);

  return format_names[format];
}

gboolean
spanmark_export_format_from_string (const char           *str,
                                    SpanmarkExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < SPANMARK_EXPORT_N_FORMATS; i++)
    {
      if (g_str_equal (str, format_names[i]))
        {
          *format = (SpanmarkExportFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
spanmark_export_scheme_to_string (SpanmarkExportScheme scheme)
{
  return scheme == SPANMARK_EXPORT_SCHEME_BIOES ? "bioes" : "bio";
}

gboolean
spanmark_export_scheme_from_string (const char           *str,
                                    SpanmarkExportScheme *scheme)
{
  g_return_val_if_fail (scheme != NULL, FALSE);

  if (g_strcmp0 (str, "bio") == 0)
    *scheme = SPANMARK_EXPORT_SCHEME_BIO;
  else if (g_strcmp0 (str, "bioes") == 0)
    *scheme = SPANMARK_EXPORT_SCHEME_BIOES;
  else
    return FALSE;

  return TRUE;
}

const char *
spanmark_export_part_to_string (SpanmarkExportPart part)
{
  g_return_val_if_fail ((guint) part < SPANMARK_EXPORT_N_PARTS, NULL);

  return part_names[part];
}

gboolean
spanmark_export_format_is_flat (SpanmarkExportFormat format)
{
  return format == SPANMARK_EXPORT_FORMAT_CONLL || format == SPANMARK_EXPORT_FORMAT_HF;
}

gboolean
spanmark_export_format_writes_folder (SpanmarkExportFormat format,
                                      gboolean             split)
{
  return split || format == SPANMARK_EXPORT_FORMAT_HF || format == SPANMARK_EXPORT_FORMAT_BRAT;
}

const char *
spanmark_export_format_get_default_file_name (SpanmarkExportFormat format)
{
  switch (format)
    {
    case SPANMARK_EXPORT_FORMAT_CONLL:
      return "data.conll";
    case SPANMARK_EXPORT_FORMAT_JSONL:
      return "data.jsonl";
    case SPANMARK_EXPORT_FORMAT_DOCCANO:
      return "doccano.jsonl";
    case SPANMARK_EXPORT_FORMAT_HF:
    case SPANMARK_EXPORT_FORMAT_BRAT:
    default:
      return NULL;
    }
}

static const char *
format_extension (SpanmarkExportFormat format)
{
  return format == SPANMARK_EXPORT_FORMAT_CONLL ? ".conll" : ".jsonl";
}

void
spanmark_export_options_init (SpanmarkExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = SPANMARK_EXPORT_FORMAT_CONLL;
  options->scheme = SPANMARK_EXPORT_SCHEME_BIO;
  options->split_percent[SPANMARK_EXPORT_PART_TRAIN] = 80;
  options->split_percent[SPANMARK_EXPORT_PART_DEV] = 10;
  options->split_percent[SPANMARK_EXPORT_PART_TEST] = 10;
}

gboolean
spanmark_export_parse_split (const char  *str,
                             guint        percent[SPANMARK_EXPORT_N_PARTS],
                             GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint values[SPANMARK_EXPORT_N_PARTS];
  guint sum = 0;

  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (percent != NULL, FALSE);

  parts = g_strsplit (str, "/", -1);
  if (g_strv_length (parts) != SPANMARK_EXPORT_N_PARTS)
    goto bad;

  for (guint i = 0; i < SPANMARK_EXPORT_N_PARTS; i++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, 100, &value, NULL))
        goto bad;
      values[i] = (guint) value;
      sum += values[i];
    }

  if (sum != 100)
    goto bad;

  memcpy (percent, values, sizeof values);
  return TRUE;

bad:
  g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_OPTIONS,
               _("Invalid split “%s”: give three percentages that sum to 100, such as 80/10/10"),
               str);
  return FALSE;
}

static gboolean
is_exportable_annotator (const char *name)
{
  return g_strcmp0 (name, SPANMARK_CURATED_ANNOTATOR) != 0;
}

char *
spanmark_export_pick_annotator (SpanmarkProject  *project,
                                GError          **error)
{
  g_auto(GStrv) annotators = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  const char *only = NULL;
  guint n = 0;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), NULL);

  annotators = spanmark_project_list_annotators (project);
  for (guint i = 0; annotators != NULL && annotators[i] != NULL; i++)
    {
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, annotators[i]);

      if (is_exportable_annotator (annotators[i]))
        {
          only = annotators[i];
          n++;
        }
    }

  if (n == 1)
    return g_strdup (only);

  if (list->len == 0)
    g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_ANNOTATOR,
                 _("The project has no annotations yet"));
  else
    g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_ANNOTATOR,
                 _("Choose an annotator (--annotator NAME or --curated); the project has: %s"),
                 list->str);
  return NULL;
}

/* Split assignment. */

typedef struct
{
  guint64     key;
  const char *id;
  guint       index;
} SplitEntry;

static int
split_entry_compare (gconstpointer a,
                     gconstpointer b)
{
  const SplitEntry *ea = a;
  const SplitEntry *eb = b;

  if (ea->key != eb->key)
    return ea->key < eb->key ? -1 : 1;
  return strcmp (ea->id, eb->id);
}

static guint64
split_key (guint64     seed,
           const char *id)
{
  g_autofree char *input = g_strdup_printf ("%" G_GUINT64_FORMAT ":%s", seed, id);
  guint8 digest[SPANMARK_TEXT_SHA256_SIZE];
  guint64 key = 0;

  spanmark_text_sha256_digest (input, strlen (input), digest);
  for (guint i = 0; i < 8; i++)
    key = (key << 8) | digest[i];

  return key;
}

SpanmarkExportPart *
spanmark_export_assign_parts (const char * const *document_ids,
                              guint               n_documents,
                              const guint         percent[SPANMARK_EXPORT_N_PARTS],
                              guint64             seed)
{
  g_autofree SplitEntry *entries = NULL;
  SpanmarkExportPart *parts;
  guint n_train, n_train_dev;

  g_return_val_if_fail (document_ids != NULL || n_documents == 0, NULL);
  g_return_val_if_fail (percent != NULL, NULL);

  entries = g_new0 (SplitEntry, MAX (n_documents, 1));
  for (guint i = 0; i < n_documents; i++)
    {
      entries[i].key = split_key (seed, document_ids[i]);
      entries[i].id = document_ids[i];
      entries[i].index = i;
    }
  qsort (entries, n_documents, sizeof (SplitEntry), split_entry_compare);

  /* Rounding the cumulative shares keeps the three counts summing to n. */
  n_train = (guint) (((guint64) n_documents * percent[0] + 50) / 100);
  n_train_dev = (guint) (((guint64) n_documents * (percent[0] + percent[1]) + 50) / 100);

  parts = g_new0 (SpanmarkExportPart, MAX (n_documents, 1));
  for (guint rank = 0; rank < n_documents; rank++)
    {
      SpanmarkExportPart part;

      if (rank < n_train)
        part = SPANMARK_EXPORT_PART_TRAIN;
      else if (rank < n_train_dev)
        part = SPANMARK_EXPORT_PART_DEV;
      else
        part = SPANMARK_EXPORT_PART_TEST;
      parts[entries[rank].index] = part;
    }

  return parts;
}

/* Report. */

typedef struct
{
  char  *document_id;
  guint  n_dropped;
} DroppedEntry;

struct _SpanmarkExportReport
{
  gatomicrefcount  ref_count;
  char            *annotator;
  guint            n_documents;
  guint            n_part_documents[SPANMARK_EXPORT_N_PARTS];
  guint            n_spans;
  guint            n_dropped;
  GArray          *dropped;  /* DroppedEntry */
};

G_DEFINE_BOXED_TYPE (SpanmarkExportReport, spanmark_export_report,
                     spanmark_export_report_ref, spanmark_export_report_unref)

static void
dropped_entry_clear (gpointer data)
{
  DroppedEntry *entry = data;

  g_clear_pointer (&entry->document_id, g_free);
}

static SpanmarkExportReport *
spanmark_export_report_new (const char *annotator)
{
  SpanmarkExportReport *self = g_new0 (SpanmarkExportReport, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->annotator = g_strdup (annotator);
  self->dropped = g_array_new (FALSE, TRUE, sizeof (DroppedEntry));
  g_array_set_clear_func (self->dropped, dropped_entry_clear);

  return self;
}

SpanmarkExportReport *
spanmark_export_report_ref (SpanmarkExportReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
spanmark_export_report_unref (SpanmarkExportReport *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->annotator);
      g_array_unref (self->dropped);
      g_free (self);
    }
}

const char *
spanmark_export_report_get_annotator (SpanmarkExportReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->annotator;
}

guint
spanmark_export_report_get_n_documents (SpanmarkExportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_documents;
}

guint
spanmark_export_report_get_n_part_documents (SpanmarkExportReport *self,
                                             SpanmarkExportPart    part)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail ((guint) part < SPANMARK_EXPORT_N_PARTS, 0);

  return self->n_part_documents[part];
}

guint
spanmark_export_report_get_n_spans (SpanmarkExportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_spans;
}

guint
spanmark_export_report_get_n_dropped (SpanmarkExportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_dropped;
}

guint
spanmark_export_report_get_n_dropped_documents (SpanmarkExportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->dropped->len;
}

const char *
spanmark_export_report_get_dropped_document (SpanmarkExportReport *self,
                                             guint                 index,
                                             guint                *n_dropped)
{
  const DroppedEntry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->dropped->len, NULL);

  entry = &g_array_index (self->dropped, DroppedEntry, index);
  if (n_dropped != NULL)
    *n_dropped = entry->n_dropped;
  return entry->document_id;
}

/* Flattening. */

GPtrArray *
spanmark_export_flatten_spans (GPtrArray *spans,
                               guint     *n_dropped)
{
  GPtrArray *kept;
  guint kept_end = 0;
  guint dropped = 0;

  g_return_val_if_fail (spans != NULL, NULL);

  kept = g_ptr_array_sized_new (spans->len);
  for (guint i = 0; i < spans->len; i++)
    {
      const SpanmarkSpan *span = g_ptr_array_index (spans, i);

      /* Spans come sorted by start, then longest first, so the first span
       * at any place is the outermost one; anything starting before the
       * end of the last kept span overlaps it. */
      if (kept->len > 0 && span->start < kept_end)
        {
          dropped++;
          continue;
        }

      g_ptr_array_add (kept, (gpointer) span);
      kept_end = span->end;
    }

  if (n_dropped != NULL)
    *n_dropped = dropped;
  return kept;
}

/* Output files. */

typedef struct
{
  int      fd;
  gboolean owns_fd;     /* FALSE for standard output */
  char    *tmp_path;    /* NULL when written straight into the destination */
  char    *final_path;  /* where it goes; NULL for standard output */
  GString *buffer;
} Sink;

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        len,
           const char  *path,
           GError     **error)
{
  while (len > 0)
    {
      gssize written = write (fd, data, len);

      if (written < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("%s: cannot write: %s"), path ? path : _("standard output"),
                       g_strerror (saved_errno));
          return FALSE;
        }
      data += written;
      len -= written;
    }

  return TRUE;
}

static gboolean
sync_and_close (int          fd,
                const char  *path,
                GError     **error)
{
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot write: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static int
open_new_file (const char  *path,
               GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot create: %s"), path, g_strerror (saved_errno));
    }

  return fd;
}

static gboolean
write_whole_file (const char  *path,
                  const char  *data,
                  gsize        len,
                  GError     **error)
{
  int fd = open_new_file (path, error);

  if (fd < 0)
    return FALSE;

  if (!write_all (fd, data, len, path, error))
    {
      close (fd);
      return FALSE;
    }

  return sync_and_close (fd, path, error);
}

static Sink *
sink_new (int         fd,
          const char *tmp_path,
          const char *final_path)
{
  Sink *sink = g_new0 (Sink, 1);

  sink->fd = fd;
  sink->owns_fd = fd != STDOUT_FILENO;
  sink->tmp_path = g_strdup (tmp_path);
  sink->final_path = g_strdup (final_path);
  sink->buffer = g_string_sized_new (FLUSH_THRESHOLD + 64 * 1024);

  return sink;
}

static gboolean
sink_flush (Sink    *sink,
            GError **error)
{
  if (sink->buffer->len == 0)
    return TRUE;

  if (!write_all (sink->fd, sink->buffer->str, sink->buffer->len, sink->final_path, error))
    return FALSE;

  g_string_truncate (sink->buffer, 0);
  return TRUE;
}

static gboolean
sink_maybe_flush (Sink    *sink,
                  GError **error)
{
  if (sink->buffer->len < FLUSH_THRESHOLD)
    return TRUE;

  return sink_flush (sink, error);
}

/* Flushes, syncs and closes; the file stays under its temporary name.
 * A device or FIFO is only closed: it cannot be synced. */
static gboolean
sink_finish (Sink    *sink,
             GError **error)
{
  int fd = sink->fd;

  if (!sink_flush (sink, error))
    return FALSE;

  if (!sink->owns_fd)
    return TRUE;

  sink->fd = -1;
  if (sink->tmp_path != NULL)
    return sync_and_close (fd, sink->tmp_path, error);

  if (close (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot write: %s"), sink->final_path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Closes and removes what a failed export wrote. */
static void
sink_free (Sink *sink)
{
  if (sink->owns_fd && sink->fd >= 0)
    close (sink->fd);
  if (sink->tmp_path != NULL)
    g_unlink (sink->tmp_path);

  g_free (sink->tmp_path);
  g_free (sink->final_path);
  g_string_free (sink->buffer, TRUE);
  g_free (sink);
}

static void
remove_recursively (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_recursively (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

/* Moves everything in @src into @dst (which exists), replacing files of
 * the same name and merging folders, then removes @src. */
static gboolean
move_into (const char  *src,
           const char  *dst,
           GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (src, 0, error);
  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (src, name, NULL);
      g_autofree char *to = g_build_filename (dst, name, NULL);

      if (g_file_test (from, G_FILE_TEST_IS_DIR) && g_file_test (to, G_FILE_TEST_IS_DIR))
        {
          if (!move_into (from, to, error))
            return FALSE;
        }
      else if (g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("%s: cannot move into place: %s"), to, g_strerror (saved_errno));
          return FALSE;
        }
      else
        spanmark_file_step ("export-renamed", to);
    }

  g_rmdir (src);
  return TRUE;
}

/* One export in progress. */

typedef struct
{
  SpanmarkProject             *project;
  const SpanmarkExportOptions *options;
  SpanmarkSchema              *schema;
  const char                  *annotator;
  SpanmarkExportReport        *report;

  /* Folder output: the destination and the temporary folder inside it. */
  char                        *dest_dir;
  char                        *tmp_dir;
  gboolean                     created_dest_dir;

  /* One sink per part for file formats (only [0] without a split). */
  Sink                        *sinks[SPANMARK_EXPORT_N_PARTS];

  /* Tag names and label indices: schema labels first, then any label a
   * span uses that the schema does not know (conll only). */
  GHashTable                  *label_index;  /* name -> index + 1 */
  GPtrArray                   *label_names;
  GPtrArray                   *tag_names;    /* 4 per label: B, I, E, S */
  GPtrArray                   *tag_lines;    /* GString " B-X\n", the same order */

  /* Per-document data and scratch, reused. */
  gboolean                     allow_fast;
  ExportDoc                   *current;      /* the document being written */
  GArray                      *tags;         /* gint32: -1 for O, else label * 4 + kind */
  GString                     *scratch;
} Export;

enum { TAG_B, TAG_I, TAG_E, TAG_S };

static void
free_gstring (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
export_clear (Export *export)
{
  for (guint i = 0; i < SPANMARK_EXPORT_N_PARTS; i++)
    g_clear_pointer (&export->sinks[i], sink_free);

  if (export->tmp_dir != NULL)
    remove_recursively (export->tmp_dir);
  if (export->created_dest_dir && export->dest_dir != NULL)
    g_rmdir (export->dest_dir);

  g_clear_pointer (&export->tmp_dir, g_free);
  g_clear_pointer (&export->dest_dir, g_free);
  g_clear_pointer (&export->report, spanmark_export_report_unref);
  g_clear_pointer (&export->label_index, g_hash_table_unref);
  g_clear_pointer (&export->label_names, g_ptr_array_unref);
  g_clear_pointer (&export->tag_names, g_ptr_array_unref);
  g_clear_pointer (&export->tag_lines, g_ptr_array_unref);
  g_clear_pointer (&export->tags, g_array_unref);
  if (export->scratch != NULL)
    g_string_free (export->scratch, TRUE);
  export->scratch = NULL;
}

static void
export_add_label (Export     *export,
                  const char *name)
{
  char *owned = g_strdup (name);

  g_ptr_array_add (export->label_names, owned);
  g_hash_table_insert (export->label_index, owned,
                       GUINT_TO_POINTER (export->label_names->len));
  g_ptr_array_add (export->tag_names, g_strconcat ("B-", name, NULL));
  g_ptr_array_add (export->tag_names, g_strconcat ("I-", name, NULL));
  g_ptr_array_add (export->tag_names, g_strconcat ("E-", name, NULL));
  g_ptr_array_add (export->tag_names, g_strconcat ("S-", name, NULL));
  for (guint i = export->tag_names->len - 4; i < export->tag_names->len; i++)
    {
      GString *line = g_string_new (" ");

      g_string_append (line, g_ptr_array_index (export->tag_names, i));
      g_string_append_c (line, '\n');
      g_ptr_array_add (export->tag_lines, line);
    }
}

/* Index of @name among the labels, or -1 with an error (hf only). */
static int
export_label_index (Export      *export,
                    const char  *name,
                    GError     **error)
{
  gpointer value = g_hash_table_lookup (export->label_index, name);

  if (value != NULL)
    return GPOINTER_TO_INT (value) - 1;

  if (export->options->format == SPANMARK_EXPORT_FORMAT_HF)
    {
      g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_LABEL,
                   _("Label “%s” is not in the project’s schema, so it has no tag number"),
                   name);
      return -1;
    }

  export_add_label (export, name);
  return (int) export->label_names->len - 1;
}

/* Keeps the outermost spans, as spanmark_export_flatten_spans(). */
static GPtrArray *
flatten_export_spans (GArray *spans,
                      guint  *n_dropped)
{
  GPtrArray *kept = g_ptr_array_sized_new (spans->len);
  guint kept_end = 0;
  guint dropped = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      ExportSpan *span = &g_array_index (spans, ExportSpan, i);

      if (kept->len > 0 && span->start < kept_end)
        {
          dropped++;
          continue;
        }
      g_ptr_array_add (kept, span);
      kept_end = span->end;
    }

  *n_dropped = dropped;
  return kept;
}

static inline gunichar
doc_char (const ExportDoc *doc,
          guint            i)
{
  const guint32 *bytes = (const guint32 *) doc->char_bytes->data;
  const guchar *p = (const guchar *) doc->text + bytes[i];

  /* Most characters of most corpora are ASCII or in the BMP: decode
   * those inline. */
  if (p[0] < 0x80)
    return p[0];
  if ((p[0] & 0xf0) == 0xe0)
    return ((gunichar) (p[0] & 0x0f) << 12) | ((gunichar) (p[1] & 0x3f) << 6) | (p[2] & 0x3f);
  return g_utf8_get_char ((const char *) p);
}

/* spanmark_text_is_white_space(), the token rule, with the common
 * characters answered inline: none above U+3000 (CJK) and no printable
 * ASCII character but the space is white space. */
static inline gboolean
is_white_space (gunichar c)
{
  if (c > 0x3000 || (c > 0x20 && c < 0x7f))
    return FALSE;
  return spanmark_text_is_white_space (c);
}

/* Computes each code point's tag from the kept (flat) spans.  A span's
 * tokens are its characters minus white space; a line break inside a
 * span starts a new piece, since a sentence never continues an entity
 * from the previous one. */
static gboolean
export_compute_tags (Export      *export,
                     GPtrArray   *kept,
                     GError     **error)
{
  const ExportDoc *doc = export->current;
  gboolean bioes = export->options->scheme == SPANMARK_EXPORT_SCHEME_BIOES;
  guint n = doc->char_bytes->len - 1;
  gint32 *tags;

  g_array_set_size (export->tags, n);
  tags = (gint32 *) export->tags->data;
  for (guint i = 0; i < n; i++)
    tags[i] = -1;

  for (guint k = 0; k < kept->len; k++)
    {
      const ExportSpan *span = g_ptr_array_index (kept, k);
      int label = export_label_index (export, span->label, error);
      guint end = MIN (span->end, n);
      gint32 first = -1;
      gint32 last = -1;

      if (label < 0)
        return FALSE;

      for (guint i = span->start; i <= end; i++)
        {
          gunichar c = i < end ? doc_char (doc, i) : '\n';

          if (c == '\n')
            {
              /* Close the current piece. */
              if (first >= 0)
                {
                  if (first == last)
                    tags[first] = label * 4 + (bioes ? TAG_S : TAG_B);
                  else
                    {
                      /* White space in between gets a tag too, but is
                       * never written. */
                      tags[first] = label * 4 + TAG_B;
                      for (gint32 j = first + 1; j < last; j++)
                        tags[j] = label * 4 + TAG_I;
                      tags[last] = label * 4 + (bioes ? TAG_E : TAG_I);
                    }
                }
              first = last = -1;
              continue;
            }

          if (is_white_space (c))
            continue;

          if (first < 0)
            first = (gint32) i;
          last = (gint32) i;
        }
    }

  return TRUE;
}

static void
write_conll (Export  *export,
             GString *out)
{
  const ExportDoc *doc = export->current;
  const char *text = doc->text;
  guint n = doc->char_bytes->len - 1;
  const guint32 *bytes = (const guint32 *) doc->char_bytes->data;
  const gint32 *tags = (const gint32 *) export->tags->data;
  gsize old_len = out->len;
  gsize longest_tag = 3;  /* " O\n" */
  guint n_tokens = 0;
  char *w;

  for (guint i = 0; i < export->tag_lines->len; i++)
    longest_tag = MAX (longest_tag, ((GString *) g_ptr_array_index (export->tag_lines, i))->len);

  /* Every character gives at most itself, a tag line and a blank line:
   * grow once and write with a pointer, which is several times faster
   * than appending piece by piece. */
  g_string_set_size (out, old_len + doc->text_len + (gsize) n * (longest_tag + 1) + 1);
  w = out->str + old_len;

  for (guint i = 0; i < n; i++)
    {
      gunichar c = doc_char (doc, i);

      if (c == '\n')
        {
          if (n_tokens > 0)
            *w++ = '\n';
          n_tokens = 0;
          continue;
        }
      if (is_white_space (c))
        continue;

      memcpy (w, text + bytes[i], bytes[i + 1] - bytes[i]);
      w += bytes[i + 1] - bytes[i];
      if (tags[i] < 0)
        {
          memcpy (w, " O\n", 3);
          w += 3;
        }
      else
        {
          const GString *tag = g_ptr_array_index (export->tag_lines, tags[i]);

          memcpy (w, tag->str, tag->len);
          w += tag->len;
        }
      n_tokens++;
    }

  if (n_tokens > 0)
    *w++ = '\n';

  g_string_truncate (out, w - out->str);
}

/* JSON writing.  Exports write JSON by hand so the bytes are exactly the
 * documented ones: compact separators, keys in a fixed order, strings
 * through spanmark_json_append_string() (non-ASCII characters as UTF-8,
 * control characters escaped). */

static guint
hf_tag_number (Export *export,
               gint32  tag)
{
  if (tag < 0)
    return 0;

  if (export->options->scheme == SPANMARK_EXPORT_SCHEME_BIOES)
    return 1 + (guint) tag;

  /* In BIO the kinds are only B (0) and I (1). */
  return 1 + (guint) (tag / 4) * 2 + (guint) (tag % 4);
}

static void
write_hf (Export     *export,
          const char *document_id,
          GString    *out)
{
  const ExportDoc *doc = export->current;
  const char *text = doc->text;
  guint n = doc->char_bytes->len - 1;
  const guint32 *bytes = (const guint32 *) doc->char_bytes->data;
  const gint32 *tags = (const gint32 *) export->tags->data;
  GString *tokens = g_string_new (NULL);
  GString *numbers = g_string_new (NULL);
  guint n_tokens = 0;
  guint sentence = 0;

  for (guint i = 0; i <= n; i++)
    {
      gunichar c = i < n ? doc_char (doc, i) : '\n';

      if (c == '\n')
        {
          if (n_tokens > 0)
            {
              g_autofree char *id = g_strdup_printf ("%s-%u", document_id, sentence);

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
      if (is_white_space (c))
        continue;

      if (n_tokens > 0)
        {
          g_string_append_c (tokens, ',');
          g_string_append_c (numbers, ',');
        }
      spanmark_json_append_string_len (tokens, text + bytes[i], bytes[i + 1] - bytes[i]);
      g_string_append_printf (numbers, "%u", hf_tag_number (export, tags[i]));
      n_tokens++;
    }

  g_string_free (tokens, TRUE);
  g_string_free (numbers, TRUE);
}

static void
append_json_attr_pairs (GString   *out,
                        GPtrArray *attrs)
{
  g_string_append_c (out, '{');
  for (guint i = 0; attrs != NULL && i + 1 < attrs->len; i += 2)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      spanmark_json_append_string (out, g_ptr_array_index (attrs, i));
      g_string_append_c (out, ':');
      spanmark_json_append_string (out, g_ptr_array_index (attrs, i + 1));
    }
  g_string_append_c (out, '}');
}

/* The start of a JSONL or doccano line: {"id":ID,"text":TEXT,"KEY":[ */
static void
append_json_doc_start (GString         *out,
                       const ExportDoc *doc,
                       const char      *document_id,
                       const char      *spans_key)
{
  g_string_append (out, "{\"id\":");
  spanmark_json_append_string (out, document_id);
  g_string_append (out, ",\"text\":");
  spanmark_json_append_string_len (out, doc->text, doc->text_len);
  g_string_append (out, ",\"");
  g_string_append (out, spans_key);
  g_string_append (out, "\":[");
}

static void
write_jsonl (const ExportDoc *doc,
             const char      *document_id,
             GString         *out)
{
  append_json_doc_start (out, doc, document_id, "spans");
  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ExportSpan *span = &g_array_index (doc->spans, ExportSpan, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (out, "{\"start\":%u,\"end\":%u,\"label\":", span->start, span->end);
      spanmark_json_append_string (out, span->label);
      g_string_append (out, ",\"text\":");
      {
        gsize len;
        const char *text = export_doc_span_text (doc, span, &len);

        spanmark_json_append_string_len (out, text, len);
      }
      if (span->entity != NULL)
        {
          g_string_append (out, ",\"entity\":");
          spanmark_json_append_string (out, span->entity);
        }
      if (span->attrs != NULL && span->attrs->len > 0)
        {
          g_string_append (out, ",\"attrs\":");
          append_json_attr_pairs (out, span->attrs);
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"entities\":[");
  for (guint i = 0; i < doc->entities->len; i++)
    {
      const ExportEntity *entity = &g_array_index (doc->entities, ExportEntity, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"id\":");
      spanmark_json_append_string (out, entity->id);
      g_string_append (out, ",\"label\":");
      spanmark_json_append_string (out, entity->label);
      g_string_append (out, ",\"name\":");
      spanmark_json_append_string (out, entity->name);
      g_string_append (out, ",\"attrs\":");
      append_json_attr_pairs (out, entity->attrs);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
}

static void
write_doccano (const ExportDoc *doc,
               const char      *document_id,
               GString         *out)
{
  append_json_doc_start (out, doc, document_id, "label");
  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ExportSpan *span = &g_array_index (doc->spans, ExportSpan, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (out, "[%u,%u,", span->start, span->end);
      spanmark_json_append_string (out, span->label);
      g_string_append_c (out, ']');
    }
  g_string_append (out, "]}\n");
}

static void append_brat_field_len (GString *out, const char *str, gsize len);

static void
append_brat_field (GString    *out,
                   const char *str)
{
  append_brat_field_len (out, str, strlen (str));
}

/* brat's .ann is line- and tab-separated: line breaks and tabs inside a
 * field become spaces. */
static void
append_brat_field_len (GString    *out,
                       const char *str,
                       gsize       len)
{
  for (const char *p = str; p < str + len; p++)
    {
      if (*p == '\n' || *p == '\t' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

static const ExportEntity *
lookup_entity (const ExportDoc *doc,
               const char      *id)
{
  for (guint i = 0; i < doc->entities->len; i++)
    {
      const ExportEntity *entity = &g_array_index (doc->entities, ExportEntity, i);

      if (g_str_equal (entity->id, id))
        return entity;
    }
  return NULL;
}

static void
append_brat_note (GString    *out,
                  guint      *note,
                  guint       t,
                  const char *key,
                  const char *value)
{
  g_string_append_printf (out, "#%u\tAnnotatorNotes T%u\t", ++(*note), t);
  append_brat_field (out, key);
  g_string_append_c (out, '=');
  append_brat_field (out, value);
  g_string_append_c (out, '\n');
}

static void
write_brat_ann (const ExportDoc *doc,
                GString         *out)
{
  guint note = 0;

  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ExportSpan *span = &g_array_index (doc->spans, ExportSpan, i);

      g_string_append_printf (out, "T%u\t", i + 1);
      append_brat_field (out, span->label);
      g_string_append_printf (out, " %u %u\t", span->start, span->end);
      {
        gsize len;
        const char *text = export_doc_span_text (doc, span, &len);

        append_brat_field_len (out, text, len);
      }
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < doc->spans->len; i++)
    {
      const ExportSpan *span = &g_array_index (doc->spans, ExportSpan, i);
      const ExportEntity *entity = span->entity != NULL ? lookup_entity (doc, span->entity) : NULL;
      GPtrArray *own = span->attrs;
      GPtrArray *inherited = entity != NULL ? entity->attrs : NULL;
      guint a = 0, b = 0;

      /* Merge the two sorted lists; the span's own value wins. */
      while ((own != NULL && a + 1 < own->len) || (inherited != NULL && b + 1 < inherited->len))
        {
          const char *ka = own != NULL && a + 1 < own->len ? g_ptr_array_index (own, a) : NULL;
          const char *kb = inherited != NULL && b + 1 < inherited->len ? g_ptr_array_index (inherited, b) : NULL;
          int cmp = ka == NULL ? 1 : kb == NULL ? -1 : strcmp (ka, kb);

          if (cmp <= 0)
            {
              append_brat_note (out, &note, i + 1, ka, g_ptr_array_index (own, a + 1));
              a += 2;
              if (cmp == 0)
                b += 2;
            }
          else
            {
              append_brat_note (out, &note, i + 1, kb, g_ptr_array_index (inherited, b + 1));
              b += 2;
            }
        }
    }

  for (guint e = 0; e < doc->entities->len; e++)
    {
      const ExportEntity *entity = &g_array_index (doc->entities, ExportEntity, e);
      guint n_mentions = 0;

      for (guint i = 0; i < doc->spans->len; i++)
        if (g_strcmp0 (g_array_index (doc->spans, ExportSpan, i).entity, entity->id) == 0)
          n_mentions++;
      if (n_mentions < 2)
        continue;

      g_string_append (out, "*\tEquiv");
      for (guint i = 0; i < doc->spans->len; i++)
        if (g_strcmp0 (g_array_index (doc->spans, ExportSpan, i).entity, entity->id) == 0)
          g_string_append_printf (out, " T%u", i + 1);
      g_string_append_c (out, '\n');
    }
}

static gboolean
write_brat_document (Export      *export,
                     const char  *document_id,
                     const char  *folder,
                     GError     **error)
{
  g_autofree char *txt_name = g_strconcat (document_id, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (document_id, ".ann", NULL);
  g_autofree char *txt_path = g_build_filename (folder, txt_name, NULL);
  g_autofree char *ann_path = g_build_filename (folder, ann_name, NULL);

  g_string_truncate (export->scratch, 0);
  write_brat_ann (export->current, export->scratch);

  return write_whole_file (txt_path, export->current->text, export->current->text_len, error) &&
         write_whole_file (ann_path, export->scratch->str, export->scratch->len, error);
}

static char *
brat_annotation_conf (SpanmarkSchema *schema)
{
  GString *out = g_string_new ("[entities]\n");

  for (guint i = 0; i < spanmark_schema_get_n_labels (schema); i++)
    {
      g_string_append (out, spanmark_schema_get_label (schema, i)->name);
      g_string_append_c (out, '\n');
    }
  /* Declaring Equiv (entity groups) and overlaps lets brat open the
   * folder without complaining about either. */
  g_string_append (out,
                   "\n[relations]\n"
                   "# Mentions of one entity (Spanmark entities)\n"
                   "Equiv\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive\n"
                   "# Spans may nest and overlap\n"
                   "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
                   "\n[events]\n\n[attributes]\n");

  return g_string_free (out, FALSE);
}

static char *
hf_labels_json (Export *export)
{
  gboolean bioes = export->options->scheme == SPANMARK_EXPORT_SCHEME_BIOES;
  guint n_kinds = bioes ? 4 : 2;
  GString *out = g_string_new ("[\"O\"");

  for (guint label = 0; label < export->label_names->len; label++)
    for (guint kind = 0; kind < n_kinds; kind++)
      {
        g_string_append_c (out, ',');
        spanmark_json_append_string (out, g_ptr_array_index (export->tag_names, label * 4 + kind));
      }
  g_string_append (out, "]\n");

  return g_string_free (out, FALSE);
}

static gboolean
is_finished (SpanmarkStatus status)
{
  return status == SPANMARK_STATUS_DONE || status == SPANMARK_STATUS_REVIEWED;
}

static gboolean
check_annotator (SpanmarkProject  *project,
                 const char       *annotator,
                 GError          **error)
{
  g_auto(GStrv) annotators = spanmark_project_list_annotators (project);

  if (annotators != NULL && g_strv_contains ((const char * const *) annotators, annotator))
    return TRUE;

  if (annotators == NULL || annotators[0] == NULL)
    g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_ANNOTATOR,
                 _("No annotations by “%s”: the project has no annotations yet"), annotator);
  else
    {
      g_autofree char *list = g_strjoinv (", ", annotators);

      g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_ANNOTATOR,
                   _("No annotations by “%s”; the project has: %s"), annotator, list);
    }
  return FALSE;
}

/* Where a one-file export to @path goes.  A regular file (or a new one)
 * is replaced atomically, and so is the target of a symbolic link, not
 * the link; a link to nothing yet makes its target.  A FIFO or a device
 * is written into directly (*@stream).  Folders and sockets are
 * refused. */
static gboolean
resolve_destination (const char  *path,
                     char       **target,
                     gboolean    *stream,
                     GError     **error)
{
  g_autofree char *current = g_strdup (path);
  struct stat st;
  int saved_errno;

  *stream = FALSE;

  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("%s: is a folder; give the name of the file to write"), path);
          return FALSE;
        }
      if (S_ISSOCK (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("%s: is a socket; give the name of the file to write"), path);
          return FALSE;
        }
      if (!S_ISREG (st.st_mode))
        {
          /* Opened by the name given: /dev/stdout and the like are links
           * that only open() understands. */
          *stream = TRUE;
          *target = g_steal_pointer (&current);
          return TRUE;
        }
      *target = realpath (path, NULL);
      if (*target != NULL)
        return TRUE;
      saved_errno = errno;
    }
  else if (errno != ENOENT)
    saved_errno = errno;
  else
    {
      /* Nothing there, or a link to nothing: follow the links to the
       * name the file gets. */
      for (guint hops = 0; hops < 40; hops++)
        {
          g_autofree char *link = NULL;

          if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
            {
              *target = g_steal_pointer (&current);
              return TRUE;
            }

          link = g_file_read_link (current, NULL);
          if (link == NULL)
            break;
          if (!g_path_is_absolute (link))
            {
              g_autofree char *parent = g_path_get_dirname (current);

              g_free (current);
              current = g_build_filename (parent, link, NULL);
            }
          else
            {
              g_free (current);
              current = g_steal_pointer (&link);
            }
        }
      saved_errno = ELOOP;
    }

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("%s: cannot create: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* Sets up the temporary outputs. */
static gboolean
export_prepare (Export  *export,
                GFile   *destination,
                GError **error)
{
  const SpanmarkExportOptions *options = export->options;
  gboolean folder = spanmark_export_format_writes_folder (options->format, options->split);

  if (!folder)
    {
      g_autofree char *path = NULL;
      g_autofree char *target = NULL;
      gboolean stream = FALSE;
      g_autofree char *dir = NULL;
      g_autofree char *base = NULL;
      g_autofree char *tmpl = NULL;
      int fd;

      if (destination == NULL)
        {
          export->sinks[0] = sink_new (STDOUT_FILENO, NULL, NULL);
          return TRUE;
        }

      path = g_file_get_path (destination);
      if (path == NULL)
        {
          g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_OPTIONS,
                       _("The destination must be a local file"));
          return FALSE;
        }
      if (!resolve_destination (path, &target, &stream, error))
        return FALSE;

      /* A device or a FIFO is written into, as a shell's ">" would:
       * replacing it with a file would lose the data (a reader waiting
       * on the FIFO would wait forever). */
      if (stream)
        {
          do
            fd = open (target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
          while (fd < 0 && errno == EINTR);
          if (fd < 0)
            {
              int saved_errno = errno;

              g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           _("%s: cannot write: %s"), path, g_strerror (saved_errno));
              return FALSE;
            }
          export->sinks[0] = sink_new (fd, NULL, target);
          return TRUE;
        }

      dir = g_path_get_dirname (target);
      base = g_path_get_basename (target);
      /* O_EXCL on a random name rather than mkstemp, which makes the file
       * private: an export is an ordinary file. */
      for (guint attempt = 0; ; attempt++)
        {
          g_clear_pointer (&tmpl, g_free);
          tmpl = g_strdup_printf ("%s%c.%s.%08x.tmp", dir, G_DIR_SEPARATOR, base, g_random_int ());
          fd = g_open (tmpl, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
          if (fd >= 0)
            break;
          if (errno != EEXIST || attempt >= 100)
            {
              int saved_errno = errno;

              g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           _("%s: cannot create: %s"), path, g_strerror (saved_errno));
              return FALSE;
            }
        }
      export->sinks[0] = sink_new (fd, tmpl, target);
      return TRUE;
    }

  if (destination == NULL)
    {
      g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_OPTIONS,
                   _("The %s format writes a folder: give an output folder"),
                   spanmark_export_format_to_string (options->format));
      return FALSE;
    }

  export->dest_dir = g_file_get_path (destination);
  if (export->dest_dir == NULL)
    {
      g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_OPTIONS,
                   _("The destination must be a local folder"));
      return FALSE;
    }

  if (!g_file_test (export->dest_dir, G_FILE_TEST_IS_DIR))
    {
      if (g_file_test (export->dest_dir, G_FILE_TEST_EXISTS) ||
          g_mkdir (export->dest_dir, 0777) != 0)
        {
          int saved_errno = g_file_test (export->dest_dir, G_FILE_TEST_EXISTS) ? ENOTDIR : errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("%s: cannot create the folder: %s"), export->dest_dir,
                       g_strerror (saved_errno));
          return FALSE;
        }
      export->created_dest_dir = TRUE;
    }

  export->tmp_dir = g_build_filename (export->dest_dir, ".spanmark-export-XXXXXX", NULL);
  if (g_mkdtemp_full (export->tmp_dir, 0777) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot create a temporary folder: %s"), export->dest_dir,
                   g_strerror (saved_errno));
      g_clear_pointer (&export->tmp_dir, g_free);
      return FALSE;
    }

  if (options->format == SPANMARK_EXPORT_FORMAT_BRAT)
    {
      if (options->split)
        for (guint part = 0; part < SPANMARK_EXPORT_N_PARTS; part++)
          {
            g_autofree char *sub = g_build_filename (export->tmp_dir, part_names[part], NULL);

            if (g_mkdir (sub, 0777) != 0)
              {
                int saved_errno = errno;

                g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                             _("%s: cannot create the folder: %s"), sub, g_strerror (saved_errno));
                return FALSE;
              }
          }
      return TRUE;
    }

  for (guint part = 0; part < (options->split ? SPANMARK_EXPORT_N_PARTS : 1); part++)
    {
      g_autofree char *name = NULL;
      g_autofree char *tmp_path = NULL;
      g_autofree char *final_path = NULL;
      int fd;

      if (options->split)
        name = g_strconcat (part_names[part], format_extension (options->format), NULL);
      else
        name = g_strdup ("data.jsonl");  /* hf without a split */

      tmp_path = g_build_filename (export->tmp_dir, name, NULL);
      final_path = g_build_filename (export->dest_dir, name, NULL);
      fd = open_new_file (tmp_path, error);
      if (fd < 0)
        return FALSE;
      export->sinks[part] = sink_new (fd, tmp_path, final_path);
    }

  return TRUE;
}

/* Writes the last files and moves everything into place. */
static gboolean
export_commit (Export  *export,
               GError **error)
{
  const SpanmarkExportOptions *options = export->options;

  for (guint part = 0; part < SPANMARK_EXPORT_N_PARTS; part++)
    if (export->sinks[part] != NULL && !sink_finish (export->sinks[part], error))
      return FALSE;

  if (options->format == SPANMARK_EXPORT_FORMAT_HF)
    {
      g_autofree char *labels = hf_labels_json (export);
      g_autofree char *path = g_build_filename (export->tmp_dir, "labels.json", NULL);

      if (!write_whole_file (path, labels, strlen (labels), error))
        return FALSE;
    }
  else if (options->format == SPANMARK_EXPORT_FORMAT_BRAT)
    {
      g_autofree char *conf = brat_annotation_conf (export->schema);
      g_autofree char *path = g_build_filename (export->tmp_dir, "annotation.conf", NULL);

      if (!write_whole_file (path, conf, strlen (conf), error))
        return FALSE;
    }

  if (export->tmp_dir != NULL)
    {
      spanmark_file_step ("export-written", export->dest_dir);
      if (!move_into (export->tmp_dir, export->dest_dir, error))
        return FALSE;
      g_clear_pointer (&export->tmp_dir, g_free);
      export->created_dest_dir = FALSE;
      for (guint part = 0; part < SPANMARK_EXPORT_N_PARTS; part++)
        if (export->sinks[part] != NULL)
          g_clear_pointer (&export->sinks[part]->tmp_path, g_free);
    }
  else if (export->sinks[0] != NULL && export->sinks[0]->tmp_path != NULL)
    {
      Sink *sink = export->sinks[0];

      spanmark_file_step ("export-written", sink->final_path);
      if (g_rename (sink->tmp_path, sink->final_path) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("%s: cannot move into place: %s"), sink->final_path,
                       g_strerror (saved_errno));
          return FALSE;
        }
      g_clear_pointer (&sink->tmp_path, g_free);
      spanmark_file_step ("export-renamed", sink->final_path);
    }

  return TRUE;
}

/* Reading ahead.  Reading and checking a document (files, JSON, hash)
 * takes about as long as writing it, so a second thread reads the next
 * few documents while this one writes: on two cores the export takes
 * about half the time.  At most PIPELINE_DEPTH documents are in memory,
 * so memory still does not grow with the corpus.  The reader thread is
 * the only one that touches the project during the loop. */

#define PIPELINE_DEPTH 4

typedef struct
{
  ExportDoc  doc;
  GError    *error;     /* set if this document failed to load */
} Slot;

typedef struct
{
  SpanmarkProject *project;
  const char      *annotator;
  gboolean         allow_fast;
  GPtrArray       *documents;
  Slot             slots[PIPELINE_DEPTH];
  GMutex           mutex;
  GCond            cond;
  guint            n_loaded;     /* documents loaded so far */
  guint            n_consumed;   /* documents written so far */
  gboolean         stop;
  GThread         *thread;
} Pipeline;

static gpointer
pipeline_thread (gpointer data)
{
  Pipeline *pipeline = data;

  for (guint i = 0; i < pipeline->documents->len; i++)
    {
      Slot *slot = &pipeline->slots[i % PIPELINE_DEPTH];
      gboolean ok;

      g_mutex_lock (&pipeline->mutex);
      while (!pipeline->stop && i - pipeline->n_consumed >= PIPELINE_DEPTH)
        g_cond_wait (&pipeline->cond, &pipeline->mutex);
      if (pipeline->stop)
        {
          g_mutex_unlock (&pipeline->mutex);
          break;
        }
      g_mutex_unlock (&pipeline->mutex);

      g_clear_error (&slot->error);
      ok = _spanmark_export_doc_load (&slot->doc, pipeline->project,
                                      g_ptr_array_index (pipeline->documents, i),
                                      pipeline->annotator, pipeline->allow_fast, &slot->error);

      g_mutex_lock (&pipeline->mutex);
      pipeline->n_loaded = i + 1;
      g_cond_broadcast (&pipeline->cond);
      g_mutex_unlock (&pipeline->mutex);

      if (!ok)
        break;
    }

  return NULL;
}

static void
pipeline_start (Pipeline        *pipeline,
                SpanmarkProject *project,
                const char      *annotator,
                gboolean         allow_fast,
                GPtrArray       *documents)
{
  memset (pipeline, 0, sizeof *pipeline);
  pipeline->project = project;
  pipeline->annotator = annotator;
  pipeline->allow_fast = allow_fast;
  pipeline->documents = documents;
  for (guint i = 0; i < PIPELINE_DEPTH; i++)
    _spanmark_export_doc_init (&pipeline->slots[i].doc);
  g_mutex_init (&pipeline->mutex);
  g_cond_init (&pipeline->cond);
  if (documents->len > 0)
    pipeline->thread = g_thread_new ("spanmark-export-reader", pipeline_thread, pipeline);
}

/* Waits for document @i; returns it, or NULL with @error set. */
static ExportDoc *
pipeline_get (Pipeline  *pipeline,
              guint      i,
              GError   **error)
{
  Slot *slot = &pipeline->slots[i % PIPELINE_DEPTH];

  g_mutex_lock (&pipeline->mutex);
  while (pipeline->n_loaded <= i)
    g_cond_wait (&pipeline->cond, &pipeline->mutex);
  g_mutex_unlock (&pipeline->mutex);

  if (slot->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&slot->error));
      return NULL;
    }
  return &slot->doc;
}

/* Document @i is written: its slot may be reused. */
static void
pipeline_release (Pipeline *pipeline,
                  guint     i)
{
  g_mutex_lock (&pipeline->mutex);
  pipeline->n_consumed = i + 1;
  g_cond_broadcast (&pipeline->cond);
  g_mutex_unlock (&pipeline->mutex);
}

static void
pipeline_finish (Pipeline *pipeline)
{
  g_mutex_lock (&pipeline->mutex);
  pipeline->stop = TRUE;
  g_cond_broadcast (&pipeline->cond);
  g_mutex_unlock (&pipeline->mutex);

  if (pipeline->thread != NULL)
    g_thread_join (pipeline->thread);
  pipeline->thread = NULL;

  for (guint i = 0; i < PIPELINE_DEPTH; i++)
    {
      _spanmark_export_doc_clear (&pipeline->slots[i].doc);
      g_clear_error (&pipeline->slots[i].error);
    }
  g_mutex_clear (&pipeline->mutex);
  g_cond_clear (&pipeline->cond);
}

static gboolean
export_document (Export                *export,
                 SpanmarkDocument      *document,
                 SpanmarkExportPart     part,
                 GError               **error)
{
  const SpanmarkExportOptions *options = export->options;
  const char *document_id = spanmark_document_get_id (document);
  Sink *sink = options->split ? export->sinks[part] : export->sinks[0];
  guint n_written;
  guint n_dropped = 0;

  n_written = export->current->spans->len;

  switch (options->format)
    {
    case SPANMARK_EXPORT_FORMAT_CONLL:
    case SPANMARK_EXPORT_FORMAT_HF:
      {
        g_autoptr(GPtrArray) kept = flatten_export_spans (export->current->spans, &n_dropped);

        n_written = kept->len;
        if (!export_compute_tags (export, kept, error))
          return FALSE;
        if (options->format == SPANMARK_EXPORT_FORMAT_CONLL)
          write_conll (export, sink->buffer);
        else
          write_hf (export, document_id, sink->buffer);
      }
      break;

    case SPANMARK_EXPORT_FORMAT_JSONL:
      write_jsonl (export->current, document_id, sink->buffer);
      break;

    case SPANMARK_EXPORT_FORMAT_DOCCANO:
      write_doccano (export->current, document_id, sink->buffer);
      break;

    case SPANMARK_EXPORT_FORMAT_BRAT:
      {
        g_autofree char *folder = options->split
          ? g_build_filename (export->tmp_dir, part_names[part], NULL)
          : g_strdup (export->tmp_dir);

        if (!write_brat_document (export, document_id, folder, error))
          return FALSE;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (sink != NULL && !sink_maybe_flush (sink, error))
    return FALSE;

  export->report->n_documents++;
  export->report->n_part_documents[options->split ? part : SPANMARK_EXPORT_PART_TRAIN]++;
  export->report->n_spans += n_written;
  if (n_dropped > 0)
    {
      DroppedEntry entry = { g_strdup (document_id), n_dropped };

      g_array_append_val (export->report->dropped, entry);
      export->report->n_dropped += n_dropped;
    }

  return TRUE;
}

gboolean
spanmark_export_run (SpanmarkProject             *project,
                     const SpanmarkExportOptions *options,
                     GFile                       *destination,
                     SpanmarkExportProgressFunc   progress,
                     gpointer                     user_data,
                     SpanmarkExportReport       **report,
                     GCancellable                *cancellable,
                     GError                     **error)
{
  Export export = { 0 };
  Pipeline pipeline;
  gboolean pipeline_started = FALSE;
  g_autofree char *picked = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree SpanmarkExportPart *parts = NULL;
  guint n_documents;
  gboolean ok = FALSE;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail ((guint) options->format < SPANMARK_EXPORT_N_FORMATS, FALSE);
  g_return_val_if_fail (destination == NULL || G_IS_FILE (destination), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (report == NULL || *report == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->split)
    {
      guint sum = 0;

      for (guint i = 0; i < SPANMARK_EXPORT_N_PARTS; i++)
        sum += options->split_percent[i];
      if (sum != 100)
        {
          g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_OPTIONS,
                       _("The split percentages must sum to 100"));
          return FALSE;
        }
    }

  export.project = project;
  export.options = options;
  export.schema = spanmark_project_get_schema (project);

  if (options->annotator != NULL)
    {
      if (!check_annotator (project, options->annotator, error))
        return FALSE;
      export.annotator = options->annotator;
    }
  else
    {
      picked = spanmark_export_pick_annotator (project, error);
      if (picked == NULL)
        return FALSE;
      export.annotator = picked;
    }

  /* Which documents, decided up front from the index and the cheap status
   * peek, so a split knows the whole set before writing. */
  n_documents = spanmark_project_get_n_documents (project);
  documents = g_ptr_array_new ();
  for (guint i = 0; i < n_documents; i++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (project, i);
      SpanmarkStatus status;

      /* A file that cannot be read is an error, never silently "not
       * done": the loader would refuse it too. */
      if (options->done_only &&
          !spanmark_project_read_status (project, document, export.annotator, &status, error))
        return FALSE;
      if (options->done_only && !is_finished (status))
        continue;
      g_ptr_array_add (documents, document);
    }

  if (options->split)
    {
      g_autofree const char **ids = g_new0 (const char *, documents->len + 1);

      for (guint i = 0; i < documents->len; i++)
        ids[i] = spanmark_document_get_id (g_ptr_array_index (documents, i));
      parts = spanmark_export_assign_parts (ids, documents->len, options->split_percent, options->seed);
    }

  export.report = spanmark_export_report_new (export.annotator);
  export.label_index = g_hash_table_new (g_str_hash, g_str_equal);
  export.label_names = g_ptr_array_new_with_free_func (g_free);
  export.tag_names = g_ptr_array_new_with_free_func (g_free);
  export.tag_lines = g_ptr_array_new_with_free_func (free_gstring);
  /* SPANMARK_EXPORT_SLOW=1 reads every file with the project's loader
   * (tests compare both ways). */
  export.allow_fast = g_getenv ("SPANMARK_EXPORT_SLOW") == NULL;
  export.tags = g_array_new (FALSE, FALSE, sizeof (gint32));
  export.scratch = g_string_new (NULL);
  for (guint i = 0; i < spanmark_schema_get_n_labels (export.schema); i++)
    export_add_label (&export, spanmark_schema_get_label (export.schema, i)->name);

  if (!export_prepare (&export, destination, error))
    goto out;

  if (progress != NULL)
    progress (0, documents->len, NULL, user_data);

  pipeline_start (&pipeline, project, export.annotator, export.allow_fast, documents);
  pipeline_started = TRUE;
  for (guint i = 0; i < documents->len; i++)
    {
      SpanmarkDocument *document = g_ptr_array_index (documents, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      export.current = pipeline_get (&pipeline, i, error);
      if (export.current == NULL)
        goto out;

      if (!export_document (&export, document, parts ? parts[i] : SPANMARK_EXPORT_PART_TRAIN, error))
        goto out;

      export.current = NULL;
      pipeline_release (&pipeline, i);

      if (progress != NULL)
        progress (i + 1, documents->len, spanmark_document_get_id (document), user_data);
    }
  pipeline_finish (&pipeline);
  pipeline_started = FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  if (!export_commit (&export, error))
    goto out;

  if (report != NULL)
    *report = spanmark_export_report_ref (export.report);
  ok = TRUE;

out:
  if (pipeline_started)
    pipeline_finish (&pipeline);
  export_clear (&export);
  return ok;
}
