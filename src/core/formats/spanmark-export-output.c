/* spanmark-export-output.c — the files an export writes, under temporary names until it succeeded
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A one-file export goes to a temporary file beside the destination,
 * renamed over it at the end; a folder export goes to a temporary folder
 * inside the destination, whose files are moved into place at the end.
 * Until then nothing at the destination changed, and a failed or
 * cancelled export removes what it wrote.  A FIFO or a device is the
 * exception: it is written into directly, as a shell's ">" would.
 */

/* sync_file_range() */
#define _GNU_SOURCE

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
#include "spanmark-export-output.h"
#include "spanmark-file.h"

/* Buffers are written out once they pass this size, so a single-file
 * export needs only one buffer's worth of memory however big it gets. */
#define FLUSH_THRESHOLD (256 * 1024)

/* A file under a temporary name is handed to the disk every so many
 * bytes (sync_file_range(), which does not wait), so that the fsync of
 * the commit waits for the last stretch only, not for the whole file:
 * for a 150 MB export that was a tenth of the run. */
#define WRITE_OUT_STRETCH (8 * 1024 * 1024)

typedef struct
{
  int      fd;
  gboolean owns_fd;     /* FALSE for standard output */
  char    *tmp_path;    /* NULL when written straight into the destination */
  char    *final_path;  /* where it goes; NULL for standard output */
  GString *buffer;
  guint64  written;     /* bytes written so far */
  guint64  written_out; /* of those, bytes handed to the disk */
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

/* Writes @path without an fsync: the commit makes all such files
 * durable at once (spanmark_file_sync()), before any is moved into
 * place.  An fsync per file made a brat export, two files per document,
 * eleven times slower than a one-file export. */
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

  if (close (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot write: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
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
  sink->written += sink->buffer->len;
  g_string_truncate (sink->buffer, 0);

#ifdef HAVE_SYNC_FILE_RANGE
  /* Only a hint: the fsync at the end is what makes the file durable,
   * so a failure here changes nothing. */
  if (sink->tmp_path != NULL && sink->written - sink->written_out >= WRITE_OUT_STRETCH)
    {
      (void) sync_file_range (sink->fd, (off_t) sink->written_out, (off_t) (sink->written - sink->written_out),
                              SYNC_FILE_RANGE_WRITE);
      sink->written_out = sink->written;
    }
#endif

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

struct _SpanmarkExportOutput
{
  /* Folder output: the destination and the temporary folder inside it. */
  char     *dest_dir;
  char     *tmp_dir;
  gboolean  whole;     /* tmp_dir is beside dest_dir, which did not exist: renamed onto it */

  /* The files written piece by piece: the one file of a one-file export,
   * or one per part in a folder. */
  Sink     *sinks[SPANMARK_EXPORT_OUTPUT_MAX_STREAMS];

  /* Full paths of the whole files written in the temporary folder, not
   * yet synced. */
  GPtrArray *written;
};

SpanmarkExportOutput *
_spanmark_export_output_new_file (GFile   *destination,
                                  GError **error)
{
  g_autoptr(SpanmarkExportOutput) self = g_new0 (SpanmarkExportOutput, 1);
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  gboolean stream = FALSE;
  int fd;

  if (destination == NULL)
    {
      self->sinks[0] = sink_new (STDOUT_FILENO, NULL, NULL);
      return g_steal_pointer (&self);
    }

  path = g_file_get_path (destination);
  if (path == NULL)
    {
      g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_OPTIONS,
                   _("The destination must be a local file"));
      return NULL;
    }
  if (!resolve_destination (path, &target, &stream, error))
    return NULL;

  /* A device or a FIFO is written into, as a shell's ">" would:
   * replacing it with a file would lose the data (a reader waiting on
   * the FIFO would wait forever). */
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
          return NULL;
        }
      self->sinks[0] = sink_new (fd, NULL, target);
      return g_steal_pointer (&self);
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
          return NULL;
        }
    }
  self->sinks[0] = sink_new (fd, tmpl, target);
  return g_steal_pointer (&self);
}

/* Makes the temporary folder from @template (taken), or says why not with
 * @message ("%s: …: %s", the destination and the reason). */
static gboolean
make_tmp_dir (SpanmarkExportOutput  *self,
              char                  *template,
              const char            *message,
              GError               **error)
{
  self->tmp_dir = template;
  if (g_mkdtemp_full (self->tmp_dir, 0777) != NULL)
    return TRUE;

  {
    int saved_errno = errno;

    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), message, self->dest_dir,
                 g_strerror (saved_errno));
  }
  g_clear_pointer (&self->tmp_dir, g_free);
  return FALSE;
}

SpanmarkExportOutput *
_spanmark_export_output_new_folder (GFile   *destination,
                                    GError **error)
{
  g_autoptr(SpanmarkExportOutput) self = g_new0 (SpanmarkExportOutput, 1);

  self->written = g_ptr_array_new_with_free_func (g_free);
  self->dest_dir = g_file_get_path (destination);
  if (self->dest_dir == NULL)
    {
      g_set_error (error, SPANMARK_EXPORT_ERROR, SPANMARK_EXPORT_ERROR_OPTIONS,
                   _("The destination must be a local folder"));
      return NULL;
    }

  /* A new folder is made under a temporary name beside it and renamed
   * into place whole: one rename, not one per file, and a kill leaves no
   * half of it. */
  if (!g_file_test (self->dest_dir, G_FILE_TEST_EXISTS) && !g_file_test (self->dest_dir, G_FILE_TEST_IS_SYMLINK))
    {
      g_autofree char *parent = g_path_get_dirname (self->dest_dir);
      g_autofree char *base = g_path_get_basename (self->dest_dir);
      g_autofree char *name = g_strdup_printf (".%s.spanmark-export-XXXXXX", base);

      self->whole = TRUE;
      if (!make_tmp_dir (self, g_build_filename (parent, name, NULL), _("%s: cannot create the folder: %s"),
                         error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (!g_file_test (self->dest_dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("%s: cannot create the folder: %s"), self->dest_dir, g_strerror (ENOTDIR));
      return NULL;
    }

  if (!make_tmp_dir (self, g_build_filename (self->dest_dir, ".spanmark-export-XXXXXX", NULL),
                     _("%s: cannot create a temporary folder: %s"), error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
_spanmark_export_output_add_stream (SpanmarkExportOutput  *self,
                                    guint                  stream,
                                    const char            *name,
                                    GError               **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *final_path = NULL;
  int fd;

  g_assert (self->tmp_dir != NULL);
  g_assert (stream < SPANMARK_EXPORT_OUTPUT_MAX_STREAMS && self->sinks[stream] == NULL);

  tmp_path = g_build_filename (self->tmp_dir, name, NULL);
  final_path = g_build_filename (self->dest_dir, name, NULL);
  fd = open_new_file (tmp_path, error);
  if (fd < 0)
    return FALSE;

  self->sinks[stream] = sink_new (fd, tmp_path, final_path);
  return TRUE;
}

gboolean
_spanmark_export_output_add_folder (SpanmarkExportOutput  *self,
                                    const char            *name,
                                    GError               **error)
{
  g_autofree char *path = g_build_filename (self->tmp_dir, name, NULL);

  g_assert (self->tmp_dir != NULL);

  if (g_mkdir (path, 0777) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot create the folder: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

GString *
_spanmark_export_output_get_buffer (SpanmarkExportOutput *self,
                                    guint                 stream)
{
  g_assert (stream < SPANMARK_EXPORT_OUTPUT_MAX_STREAMS);

  return self->sinks[stream] != NULL ? self->sinks[stream]->buffer : NULL;
}

gboolean
_spanmark_export_output_flush_if_full (SpanmarkExportOutput  *self,
                                       guint                  stream,
                                       GError               **error)
{
  g_assert (stream < SPANMARK_EXPORT_OUTPUT_MAX_STREAMS);

  return self->sinks[stream] == NULL || sink_maybe_flush (self->sinks[stream], error);
}

gboolean
_spanmark_export_output_write_file (SpanmarkExportOutput  *self,
                                    const char            *folder,
                                    const char            *name,
                                    const char            *data,
                                    gsize                  len,
                                    GError               **error)
{
  g_autofree char *path = g_build_filename (self->tmp_dir, folder != NULL ? folder : name,
                                            folder != NULL ? name : NULL, NULL);

  g_assert (self->tmp_dir != NULL);

  if (!write_whole_file (path, data, len, error))
    return FALSE;
  g_ptr_array_add (self->written, g_steal_pointer (&path));
  return TRUE;
}

gboolean
_spanmark_export_output_commit (SpanmarkExportOutput  *self,
                                GError               **error)
{
  for (guint i = 0; i < SPANMARK_EXPORT_OUTPUT_MAX_STREAMS; i++)
    if (self->sinks[i] != NULL && !sink_finish (self->sinks[i], error))
      return FALSE;

  if (self->tmp_dir != NULL)
    {
      /* One sync for every file, then the moves: a kill leaves each file
       * old or new, never new and empty. */
      if (self->written->len > 0)
        {
          g_autoptr(GFile) tmp_dir = g_file_new_for_path (self->tmp_dir);

          if (!spanmark_file_sync (tmp_dir, self->written, error))
            return FALSE;
          spanmark_file_step ("export-synced", self->tmp_dir);
        }
      spanmark_file_step ("export-written", self->dest_dir);
      if (self->whole && g_rename (self->tmp_dir, self->dest_dir) == 0)
        spanmark_file_step ("export-renamed", self->dest_dir);
      else if (self->whole && errno != EEXIST && errno != ENOTEMPTY)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("%s: cannot move into place: %s"), self->dest_dir, g_strerror (saved_errno));
          return FALSE;
        }
      /* A folder made there meanwhile gets the files one by one. */
      else if (!move_into (self->tmp_dir, self->dest_dir, error))
        return FALSE;
      g_clear_pointer (&self->tmp_dir, g_free);
      for (guint i = 0; i < SPANMARK_EXPORT_OUTPUT_MAX_STREAMS; i++)
        if (self->sinks[i] != NULL)
          g_clear_pointer (&self->sinks[i]->tmp_path, g_free);
    }
  else if (self->sinks[0] != NULL && self->sinks[0]->tmp_path != NULL)
    {
      Sink *sink = self->sinks[0];

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

void
_spanmark_export_output_free (SpanmarkExportOutput *self)
{
  for (guint i = 0; i < SPANMARK_EXPORT_OUTPUT_MAX_STREAMS; i++)
    g_clear_pointer (&self->sinks[i], sink_free);

  if (self->tmp_dir != NULL)
    remove_recursively (self->tmp_dir);

  g_free (self->tmp_dir);
  g_free (self->dest_dir);
  g_clear_pointer (&self->written, g_ptr_array_unref);
  g_free (self);
}
