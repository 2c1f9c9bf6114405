/* spanmark-file.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* syncfs() */
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

#include "spanmark-file.h"

/* Reading */

/* A file that is not there "is missing": what the user must do about it
 * (restore it, or drop its entry) differs from a file that is there but
 * fails, which "cannot be read: <reason>". */
static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *what)
{
  if (saved_errno == ENOENT)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("is missing"));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 "%s: %s", what, g_strerror (saved_errno));
}

/* Refuses anything but a regular file, naming what it is instead. */
static gboolean
check_regular (const struct stat  *st,
               GError            **error)
{
  if (S_ISREG (st->st_mode))
    return TRUE;

  if (S_ISDIR (st->st_mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                         _("is a folder, not a file"));
  else if (S_ISFIFO (st->st_mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("is a named pipe (FIFO), not a regular file"));
  else if (S_ISCHR (st->st_mode) || S_ISBLK (st->st_mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("is a device, not a regular file"));
  else if (S_ISSOCK (st->st_mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("is a socket, not a regular file"));
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("is not a regular file"));
  return FALSE;
}

/* "256 MiB": exact, unlike g_format_size() ("268.4 MB"). */
static char *
format_limit (gsize size)
{
  if (size >= 1024 * 1024 && size % (1024 * 1024) == 0)
    return g_strdup_printf (_("%lu MiB"), (unsigned long) (size / (1024 * 1024)));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu byte", "%lu bytes", size),
                          (unsigned long) size);
}

static void
set_too_large_error (GError **error,
                     gsize    max_size)
{
  g_autofree char *limit = format_limit (max_size);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("is larger than %s, the most Spanmark reads"), limit);
}

/* read() on @fd, again when a signal interrupts it; -1 with @error (the
 * caller closes @fd). */
static gssize
read_some (int      fd,
           char    *buffer,
           gsize    length,
           GError **error)
{
  gssize n;

  do
    n = read (fd, buffer, length);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    set_errno_error (error, errno, _("cannot be read"));
  return n;
}

/* The local path of @file, or NULL with @error. */
static char *
local_path (GFile   *file,
            GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("cannot be read: only local files can be read"));
  return path;
}

/* Whether the open @fd is a regular file, and (unless @head: only the
 * start is read) not over the cap; fills @st.  Closes @fd when not. */
static gboolean
check_fd (int          fd,
          gsize        max_size,
          gboolean     head,
          struct stat *st,
          GError     **error)
{
  if (fstat (fd, st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      set_errno_error (error, saved_errno, _("cannot be read"));
      return FALSE;
    }
  if (!check_regular (st, error))
    {
      close (fd);
      return FALSE;
    }
  if (!head && (guint64) st->st_size > max_size)
    {
      close (fd);
      set_too_large_error (error, max_size);
      return FALSE;
    }
  return TRUE;
}

/* Reads the open @fd, if it is a regular file not over the cap, and
 * closes it. */
static gboolean
read_fd (int                     fd,
         gsize                   max_size,
         SpanmarkFileReadFlags   flags,
         char                  **contents,
         gsize                  *length,
         GError                **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize size, allocated;
  gboolean head = (flags & SPANMARK_FILE_READ_HEAD) != 0;

  if (!check_fd (fd, max_size, head, &st, error))
    return FALSE;

  /* Read up to one byte past the cap, to tell a file that grew past it
   * from one that is exactly that long. */
  allocated = MIN ((gsize) st.st_size, max_size) + 1;
  data = g_malloc (allocated + 1);
  size = 0;
  for (;;)
    {
      gssize n;

      if (size == allocated)
        {
          if (allocated > max_size)
            break;
          allocated = MIN (allocated * 2, max_size + 1);
          data = g_realloc (data, allocated + 1);
        }

      n = read_some (fd, data + size, allocated - size, error);
      if (n < 0)
        {
          close (fd);
          return FALSE;
        }
      if (n == 0)
        break;
      size += n;
      /* All fstat() promised: no read just to see the end (files that
       * say 0, like those in /proc, are read to the end). */
      if (st.st_size > 0 && size == (gsize) st.st_size)
        break;
    }
  close (fd);

  if (size > max_size)
    {
      if (!head)
        {
          set_too_large_error (error, max_size);
          return FALSE;
        }
      size = max_size;
    }

  data[size] = '\0';
  *contents = g_steal_pointer (&data);
  if (length != NULL)
    *length = size;
  return TRUE;
}

static int
open_for_reading (const char *path,
                  int         open_flags)
{
  int fd;

  /* O_NONBLOCK: opening a FIFO nobody writes to would block forever. */
  do
    fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | open_flags);
  while (fd < 0 && errno == EINTR);
  return fd;
}

/* Opens @path for reading, or returns -1 with @error.  stat() first, so
 * that a device is never even opened (that can rewind a tape); the
 * caller checks again on the open file (check_fd()), in case it was
 * replaced in between. */
static int
open_regular (const char  *path,
              int          open_flags,
              gsize        max_size,
              gboolean     head,
              GError     **error)
{
  struct stat st;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, errno, _("cannot be read"));
      return -1;
    }
  if (!check_regular (&st, error))
    return -1;
  if (!head && (guint64) st.st_size > max_size)
    {
      set_too_large_error (error, max_size);
      return -1;
    }

  fd = open_for_reading (path, open_flags);
  if (fd < 0)
    set_errno_error (error, errno, _("cannot be read"));
  return fd;
}

/* Opens and reads @path. */
static gboolean
read_regular (const char             *path,
              int                     open_flags,
              gsize                   max_size,
              SpanmarkFileReadFlags   flags,
              char                  **contents,
              gsize                  *length,
              GError                **error)
{
  int fd = open_regular (path, open_flags, max_size, (flags & SPANMARK_FILE_READ_HEAD) != 0, error);

  if (fd < 0)
    return FALSE;
  return read_fd (fd, max_size, flags, contents, length, error);
}

gboolean
spanmark_file_read (GFile                 *file,
                    gsize                  max_size,
                    SpanmarkFileReadFlags  flags,
                    char                 **contents,
                    gsize                 *length,
                    GError               **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = local_path (file, error);
  if (path == NULL)
    return FALSE;

  return read_regular (path, 0, max_size, flags, contents, length, error);
}

gboolean
spanmark_file_read_blocks (GFile                  *file,
                           gsize                   max_size,
                           gsize                   block_size,
                           SpanmarkFileBlockFunc   func,
                           gpointer                user_data,
                           GError                **error)
{
  g_autofree char *path = NULL;
  g_autofree char *block = NULL;
  struct stat st;
  guint64 done = 0;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (block_size > 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = local_path (file, error);
  if (path == NULL)
    return FALSE;

  /* The checks of spanmark_file_read(): a device is never opened, and
   * the open file is checked again. */
  fd = open_regular (path, 0, max_size, FALSE, error);
  if (fd < 0 || !check_fd (fd, max_size, FALSE, &st, error))
    return FALSE;

  block = g_malloc (block_size);
  for (;;)
    {
      gssize n = read_some (fd, block, block_size, error);

      if (n < 0)
        {
          close (fd);
          return FALSE;
        }
      if (n == 0)
        break;
      /* A file that grows while it is read is held to the cap too. */
      if (done + (guint64) n > max_size)
        {
          close (fd);
          set_too_large_error (error, max_size);
          return FALSE;
        }
      done += (guint64) n;
      if (!func (block, (gsize) n, done, MAX ((guint64) st.st_size, done), user_data, error))
        {
          close (fd);
          return FALSE;
        }
    }
  close (fd);

  return TRUE;
}

static gboolean
is_below (const char *path,
          const char *root)
{
  gsize n = strlen (root);

  if (g_str_equal (path, root))
    return TRUE;

  /* The root "/" ends in a separator already. */
  if (n > 0 && root[n - 1] == '/')
    return g_str_has_prefix (path, root);

  return g_str_has_prefix (path, root) && path[n] == '/';
}

gboolean
spanmark_file_check_inside (GFile      *dir,
                            const char *relative)
{
  g_autofree char *dir_path = NULL;
  g_autofree char *real_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *real = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (relative != NULL, FALSE);

  dir_path = g_file_get_path (dir);
  if (dir_path == NULL || (real_dir = realpath (dir_path, NULL)) == NULL)
    return FALSE;

  path = g_build_filename (dir_path, relative, NULL);
  while ((real = realpath (path, NULL)) == NULL)
    {
      char *parent;

      /* Not there (yet), or a file where a folder should be (which the
       * write will report): what matters is where it would be created. */
      if ((errno != ENOENT && errno != ENOTDIR) || g_str_equal (path, dir_path))
        return FALSE;

      parent = g_path_get_dirname (path);
      if (g_str_equal (parent, path))
        {
          g_free (parent);
          return FALSE;
        }
      g_free (path);
      path = parent;
    }

  return is_below (real, real_dir);
}

/* Whether the folders on the way from @full_path's first @dir_length
 * bytes (the project folder) to the file are plain: no symbolic link,
 * no "." or "..".  Then, opened with O_NOFOLLOW, the file cannot be
 * outside the project, and reading it needs no realpath() (which is most
 * of the cost of reading a small file).  1: so; 0: so, but a folder on
 * the way does not exist; -1: the path must be resolved. */
static int
walk_plain (const char *full_path,
            gsize       dir_length)
{
  g_autofree char *path = g_strdup (full_path);
  char *p = path + dir_length;

  if (*p != G_DIR_SEPARATOR)
    return -1;

  for (;;)
    {
      char *component = p + 1;
      char *next = strchr (component, G_DIR_SEPARATOR);
      gsize n = next != NULL ? (gsize) (next - component) : strlen (component);
      struct stat st;

      if (n == 0 || (n == 1 && component[0] == '.') || (n == 2 && component[0] == '.' && component[1] == '.'))
        return -1;
      if (next == NULL)
        return 1;

      *next = '\0';
      if (g_lstat (path, &st) != 0)
        return errno == ENOENT ? 0 : -1;
      if (!S_ISDIR (st.st_mode))
        return -1;
      *next = G_DIR_SEPARATOR;
      p = next;
    }
}

gboolean
spanmark_file_read_in_project (GFile                 *dir,
                               const char            *relative,
                               gsize                  max_size,
                               SpanmarkFileReadFlags  flags,
                               char                 **contents,
                               gsize                 *length,
                               GError               **error)
{
  g_autofree char *dir_path = NULL;
  g_autofree char *real_dir = NULL;
  g_autofree char *full_path = NULL;
  g_autofree char *real_path = NULL;
  struct stat st;

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (relative != NULL && !g_path_is_absolute (relative), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir_path = g_file_get_path (dir);
  if (dir_path != NULL)
    {
      full_path = g_build_filename (dir_path, relative, NULL);
      int plain = walk_plain (full_path, strlen (dir_path));
      int fd = plain == 1 ? open_for_reading (full_path, O_NOFOLLOW) : -1;

      if (fd >= 0)
        return read_fd (fd, max_size, flags, contents, length, error);
      /* The common case: plain folders, and a file opened without
       * following a link (read_fd() refuses anything but a regular file;
       * only root can put a device node here).  ELOOP: the file itself
       * is a link, resolved below. */
      if (plain == 0 || (plain == 1 && errno == ENOENT))
        {
          set_errno_error (error, ENOENT, _("cannot be read"));
          return FALSE;
        }
      if (plain == 1 && errno != ELOOP)
        {
          set_errno_error (error, errno, _("cannot be read"));
          return FALSE;
        }
    }

  if (dir_path == NULL || (real_dir = realpath (dir_path, NULL)) == NULL)
    {
      int saved_errno = dir_path != NULL ? errno : ENOTSUP;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("cannot be read: the project folder is not accessible (%s)"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  real_path = realpath (full_path, NULL);
  if (real_path == NULL)
    {
      int saved_errno = errno;

      /* A link to nothing is there, and must not be taken for a file
       * that does not exist yet (and so for empty annotations). */
      if (saved_errno == ENOENT && g_lstat (full_path, &st) == 0)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                             _("is a symbolic link that leads nowhere"));
      /* Nor a file missing behind a linked folder that leads out. */
      else if (saved_errno == ENOENT && !spanmark_file_check_inside (dir, relative))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             _("leads outside the project folder (through a symbolic link)"));
      else
        set_errno_error (error, saved_errno, _("cannot be read"));
      return FALSE;
    }

  /* Compare canonical paths, so that a symbolic link cannot lead out. */
  if (!is_below (real_path, real_dir) || g_str_equal (real_path, real_dir))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("leads outside the project folder (through a symbolic link)"));
      return FALSE;
    }

  /* The resolved path has no link left; O_NOFOLLOW makes sure none was
   * put in its place since. */
  return read_regular (real_path, O_NOFOLLOW, max_size, flags, contents, length, error);
}

/* A component that openat() may take as it is: not empty, no separator,
 * not "." or "..". */
static gboolean
is_plain_component (const char *name,
                    gsize       len)
{
  return len > 0 && memchr (name, G_DIR_SEPARATOR, len) == NULL &&
         !(len == 1 && name[0] == '.') && !(len == 2 && name[0] == '.' && name[1] == '.');
}

static int
openat_retry (int         dir_fd,
              const char *name,
              int         open_flags)
{
  int fd;

  do
    fd = openat (dir_fd, name, open_flags);
  while (fd < 0 && errno == EINTR);
  return fd;
}

int
spanmark_file_open_folder_in_project (GFile       *dir,
                                      const char  *relative,
                                      GError     **error)
{
  g_autofree char *dir_path = NULL;
  const char *p = relative;
  int fd;

  g_return_val_if_fail (G_IS_FILE (dir), -1);
  g_return_val_if_fail (relative != NULL && !g_path_is_absolute (relative), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  dir_path = local_path (dir, error);
  if (dir_path == NULL)
    return -1;

  /* The project folder itself may be reached through a link, as for
   * spanmark_file_read_in_project(): its real path is the reference. */
  fd = openat_retry (AT_FDCWD, dir_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    {
      set_errno_error (error, errno, _("cannot be read"));
      return -1;
    }

  while (*p != '\0')
    {
      const char *next = strchr (p, G_DIR_SEPARATOR);
      gsize n = next != NULL ? (gsize) (next - p) : strlen (p);
      g_autofree char *component = g_strndup (p, n);
      int child;

      if (!is_plain_component (p, n))
        {
          close (fd);
          set_errno_error (error, EINVAL, _("cannot be read"));
          return -1;
        }

      child = openat_retry (fd, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (child < 0)
        {
          int saved_errno = errno;

          close (fd);
          set_errno_error (error, saved_errno, _("cannot be read"));
          return -1;
        }
      close (fd);
      fd = child;
      p = next != NULL ? next + 1 : p + n;
    }

  return fd;
}

gboolean
spanmark_file_read_at (int                     folder_fd,
                       const char             *name,
                       gsize                   max_size,
                       SpanmarkFileReadFlags   flags,
                       char                  **contents,
                       gsize                  *length,
                       GError                **error)
{
  int fd;

  g_return_val_if_fail (folder_fd >= 0, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_plain_component (name, strlen (name)))
    {
      set_errno_error (error, EINVAL, _("cannot be read"));
      return FALSE;
    }

  /* O_NONBLOCK: a FIFO, which read_fd() then refuses, would block the
   * open; O_NOFOLLOW: a link is for the caller to resolve. */
  fd = openat_retry (folder_fd, name, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0)
    {
      set_errno_error (error, errno, _("cannot be read"));
      return FALSE;
    }

  return read_fd (fd, max_size, flags, contents, length, error);
}

/* Writing */

/* Temporary files are ".NAME" TEMPORARY_TAG "XXXXXX": hidden, and with a
 * tag nobody types, so that no file a user makes (a "NAME.json.backup",
 * say) is ever taken for one and removed.  Earlier builds wrote
 * "NAME.XXXXXX", which cannot be told from such a file: a leftover of
 * theirs is left alone. */
#define TEMPORARY_TAG ".spanmark-"

static SpanmarkFileStepFunc step_func;

void
spanmark_file_set_step_func (SpanmarkFileStepFunc func)
{
  step_func = func;
}

void
spanmark_file_step (const char *step,
                    const char *path)
{
  if (step_func != NULL)
    step_func (step, path);
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

/* Says why @path was not written. */
static gboolean
write_failed (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("%s: cannot write: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* Makes the temporary file for @target (a path relative to @dir_fd, or
 * to the working folder with AT_FDCWD): ".NAME" TEMPORARY_TAG and six
 * random letters or digits beside it, created with O_EXCL (never
 * through a link), as g_mkstemp() does.  Stores its path in *@tmp. */
static int
create_temporary (int          dir_fd,
                  const char  *target,
                  int          access,
                  char       **tmp)
{
  static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const char *base = strrchr (target, G_DIR_SEPARATOR);
  g_autoptr(GString) path = g_string_new_len (target, base != NULL ? base + 1 - target : 0);
  gsize at;

  base = base != NULL ? base + 1 : target;
  g_string_append_printf (path, ".%s" TEMPORARY_TAG "XXXXXX", base);
  at = path->len - 6;

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      int fd;

      for (gsize i = 0; i < 6; i++)
        path->str[at + i] = letters[g_random_int_range (0, sizeof letters - 1)];
      do
        fd = openat (dir_fd, path->str, access | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
      while (fd < 0 && errno == EINTR);
      if (fd >= 0 || errno != EEXIST)
        {
          *tmp = g_string_free (g_steal_pointer (&path), FALSE);
          return fd;
        }
    }
  errno = EEXIST;
  return -1;
}

/* Removes the temporary file, if any (@saved_errno is taken before the
 * removal can change errno), and says why @path was not written. */
static gboolean
write_at_failed (GError     **error,
                 const char  *path,
                 int          dir_fd,
                 const char  *tmp,
                 int          saved_errno)
{
  if (tmp != NULL)
    unlinkat (dir_fd, tmp, 0);
  return write_failed (error, path, saved_errno);
}

gboolean
spanmark_file_write_atomic_at (int          dir_fd,
                               const char  *name,
                               const char  *path,
                               const char  *data,
                               gsize        length,
                               gboolean     durable,
                               GError     **error)
{
  g_autofree char *tmp = NULL;
  gboolean ok;
  int saved_errno;
  int fd;

  g_return_val_if_fail (dir_fd >= 0 || dir_fd == AT_FDCWD, FALSE);
  g_return_val_if_fail (name != NULL && path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length > SPANMARK_FILE_MAX_SIZE)
    {
      g_autofree char *limit = format_limit (SPANMARK_FILE_MAX_SIZE);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("%s: not written, because it would be larger than %s, the most Spanmark reads"),
                   path, limit);
      return FALSE;
    }

  fd = create_temporary (dir_fd, name, O_WRONLY, &tmp);
  if (fd < 0)
    return write_at_failed (error, path, dir_fd, NULL, errno);

  ok = write_all (fd, data, length) && (!durable || fsync (fd) == 0);
  saved_errno = errno;
  if (close (fd) != 0 && ok)
    {
      ok = FALSE;
      saved_errno = errno;
    }
  if (!ok)
    return write_at_failed (error, path, dir_fd, tmp, saved_errno);

  spanmark_file_step ("written", path);

  /* A link at @name is replaced, never followed. */
  if (renameat (dir_fd, tmp, dir_fd, name) != 0)
    return write_at_failed (error, path, dir_fd, tmp, errno);

  spanmark_file_step ("renamed", path);
  return TRUE;
}

gboolean
spanmark_file_write_atomic (const char  *path,
                            const char  *data,
                            gsize        length,
                            gboolean     durable,
                            GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return spanmark_file_write_atomic_at (AT_FDCWD, path, path, data, length, durable, error);
}

/* The writer thread */

/* Writes wait while this many are queued: memory stays that of a few
 * files, whatever the number written. */
#define WRITER_MAX_PENDING 32
/* An idle writer is woken once this many are queued (or at the end). */
#define WRITER_WAKE_BATCH 8

typedef struct
{
  int    dir_fd;
  char  *name;
  char  *path;
  char  *data;
  gsize  length;
} WriteJob;

struct _SpanmarkFileWriter
{
  GThread *thread;
  GMutex   lock;
  GCond    jobs_cond;     /* the writer waits here for jobs */
  GCond    room_cond;     /* spanmark_file_writer_add() waits here for room */
  GQueue   jobs;
  guint    pending;       /* queued or being written */
  gboolean writer_idle;   /* waiting on jobs_cond */
  gboolean adder_waiting; /* waiting on room_cond */
  gboolean closing;
  GError  *error;         /* of the first write that failed */
};

static void
write_job_free (WriteJob *job)
{
  g_free (job->name);
  g_free (job->path);
  g_free (job->data);
  g_free (job);
}

/* Each side wakes the other only when it waits, and then only once there
 * is a batch to do (WRITER_WAKE_BATCH jobs, or half the queue written):
 * a wake-up is a system call on both threads, and several a file were
 * most of the lock's cost (issue 10: importing 10,000 documents made
 * 132,690 futex calls, 26,067 since). */
static gpointer
writer_thread (gpointer data)
{
  SpanmarkFileWriter *writer = data;

  for (;;)
    {
      WriteJob *job;
      GError *error = NULL;
      gboolean failed_before;

      g_mutex_lock (&writer->lock);
      while (writer->jobs.length == 0 && !writer->closing)
        {
          writer->writer_idle = TRUE;
          g_cond_wait (&writer->jobs_cond, &writer->lock);
          writer->writer_idle = FALSE;
        }
      job = g_queue_pop_head (&writer->jobs);
      failed_before = writer->error != NULL;
      g_mutex_unlock (&writer->lock);
      if (job == NULL)
        return NULL;

      /* After a failure the rest is not written: the batch is undone. */
      if (!failed_before)
        spanmark_file_write_atomic_at (job->dir_fd, job->name, job->path, job->data, job->length, FALSE, &error);
      write_job_free (job);

      g_mutex_lock (&writer->lock);
      writer->pending--;
      if (error != NULL && writer->error == NULL)
        writer->error = g_steal_pointer (&error);
      g_clear_error (&error);
      if (writer->adder_waiting && (writer->pending <= WRITER_MAX_PENDING / 2 || writer->error != NULL))
        g_cond_signal (&writer->room_cond);
      g_mutex_unlock (&writer->lock);
    }
}

SpanmarkFileWriter *
spanmark_file_writer_new (void)
{
  SpanmarkFileWriter *writer = g_new0 (SpanmarkFileWriter, 1);

  g_mutex_init (&writer->lock);
  g_cond_init (&writer->jobs_cond);
  g_cond_init (&writer->room_cond);
  g_queue_init (&writer->jobs);
  writer->thread = g_thread_new ("spanmark-writer", writer_thread, writer);
  return writer;
}

gboolean
spanmark_file_writer_add (SpanmarkFileWriter  *writer,
                          int                  dir_fd,
                          const char          *name,
                          const char          *path,
                          char                *data,
                          gsize                length,
                          GError             **error)
{
  WriteJob *job;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (name != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = g_new (WriteJob, 1);
  *job = (WriteJob) { dir_fd, g_strdup (name), g_strdup (path), data, length };

  g_mutex_lock (&writer->lock);
  while (writer->pending >= WRITER_MAX_PENDING && writer->error == NULL)
    {
      writer->adder_waiting = TRUE;
      g_cond_wait (&writer->room_cond, &writer->lock);
      writer->adder_waiting = FALSE;
    }
  if (writer->error != NULL)
    {
      g_propagate_error (error, g_error_copy (writer->error));
      g_mutex_unlock (&writer->lock);
      write_job_free (job);
      return FALSE;
    }
  g_queue_push_tail (&writer->jobs, job);
  writer->pending++;
  if (writer->writer_idle && writer->jobs.length >= WRITER_WAKE_BATCH)
    g_cond_signal (&writer->jobs_cond);
  g_mutex_unlock (&writer->lock);
  return TRUE;
}

gboolean
spanmark_file_writer_finish (SpanmarkFileWriter  *writer,
                             GError             **error)
{
  GError *failed;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_lock (&writer->lock);
  writer->closing = TRUE;
  g_cond_signal (&writer->jobs_cond);
  g_mutex_unlock (&writer->lock);
  g_thread_join (writer->thread);

  failed = writer->error;
  g_mutex_clear (&writer->lock);
  g_cond_clear (&writer->jobs_cond);
  g_cond_clear (&writer->room_cond);
  g_free (writer);
  if (failed == NULL)
    return TRUE;
  g_propagate_error (error, failed);
  return FALSE;
}

static gboolean syncfs_disabled;

void
spanmark_file_set_syncfs_disabled (gboolean disabled)
{
  syncfs_disabled = disabled;
}

gboolean
spanmark_file_fsync_at (int          dir_fd,
                        const char  *name,
                        const char  *path,
                        GError     **error)
{
  int fd;
  int saved_errno;

  g_return_val_if_fail (dir_fd >= 0 || dir_fd == AT_FDCWD, FALSE);
  g_return_val_if_fail (name != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  do
    fd = openat (dir_fd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    return write_failed (error, path, errno);
  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      return write_failed (error, path, saved_errno);
    }
  if (close (fd) != 0)
    return write_failed (error, path, errno);
  if (syncfs_disabled)
    spanmark_file_step ("fsynced", path);
  return TRUE;
}

gboolean
spanmark_file_syncfs (GFile *dir)
{
  g_autofree char *dir_path = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);

  dir_path = g_file_get_path (dir);
  if (dir_path == NULL || syncfs_disabled)
    return FALSE;

#ifdef HAVE_SYNCFS
  {
    int fd = open (dir_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    gboolean ok;

    /* One call for the whole file system is far cheaper than one fsync
     * (and one journal commit) per file. */
    if (fd < 0)
      return FALSE;
    ok = syncfs (fd) == 0;
    close (fd);
    return ok;
  }
#else
  return FALSE;
#endif
}

gboolean
spanmark_file_sync (GFile      *dir,
                    GPtrArray  *paths,
                    GError    **error)
{
  g_autoptr(GHashTable) folders = NULL;
  GHashTableIter iter;
  gpointer folder;

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_is_native (dir))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("only local files can be written"));
      return FALSE;
    }
  if (spanmark_file_syncfs (dir))
    return TRUE;

  folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; paths != NULL && i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      if (!spanmark_file_fsync_at (AT_FDCWD, path, path, error))
        return FALSE;
      g_hash_table_add (folders, g_path_get_dirname (path));
    }

  /* The renames are in the folders. */
  g_hash_table_iter_init (&iter, folders);
  while (g_hash_table_iter_next (&iter, &folder, NULL))
    if (!spanmark_file_fsync_at (AT_FDCWD, folder, folder, error))
      return FALSE;

  return TRUE;
}

/* The stream */

/* Appends are gathered up to this much before a write(). */
#define STREAM_BUFFER_SIZE (64 * 1024)

struct _SpanmarkFileStream
{
  int      dir_fd;     /* ours (duplicated), or AT_FDCWD */
  char    *name;       /* the target, in @dir_fd */
  char    *path;       /* for messages */
  char    *tmp;        /* the temporary file, in @dir_fd */
  int      fd;
  GString *buffer;     /* appended, not written yet */
  guint64  length;     /* appended in all */
  int      failed;     /* errno of a write that failed, or 0 */
};

static void
stream_free (SpanmarkFileStream *stream)
{
  if (stream->fd >= 0)
    close (stream->fd);
  if (stream->dir_fd >= 0)
    close (stream->dir_fd);
  g_free (stream->name);
  g_free (stream->path);
  g_free (stream->tmp);
  g_string_free (stream->buffer, TRUE);
  g_free (stream);
}

SpanmarkFileStream *
spanmark_file_stream_new (int          dir_fd,
                          const char  *name,
                          const char  *path,
                          GError     **error)
{
  SpanmarkFileStream *stream;

  g_return_val_if_fail (dir_fd >= 0 || dir_fd == AT_FDCWD, NULL);
  g_return_val_if_fail (name != NULL && path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_new0 (SpanmarkFileStream, 1);
  stream->dir_fd = AT_FDCWD;
  stream->fd = -1;
  stream->name = g_strdup (name);
  stream->path = g_strdup (path);
  stream->buffer = g_string_sized_new (STREAM_BUFFER_SIZE);
  if (dir_fd >= 0 && (stream->dir_fd = fcntl (dir_fd, F_DUPFD_CLOEXEC, 0)) < 0)
    {
      write_failed (error, path, errno);
      stream_free (stream);
      return NULL;
    }

  /* Read too: spanmark_file_stream_append_stream() copies it. */
  stream->fd = create_temporary (stream->dir_fd, name, O_RDWR, &stream->tmp);
  if (stream->fd < 0)
    {
      write_failed (error, path, errno);
      stream_free (stream);
      return NULL;
    }
  return stream;
}

/* Writes what is buffered; FALSE with errno in @stream->failed. */
static gboolean
stream_flush (SpanmarkFileStream *stream)
{
  if (stream->failed != 0)
    return FALSE;
  if (!write_all (stream->fd, stream->buffer->str, stream->buffer->len))
    {
      stream->failed = errno;
      return FALSE;
    }
  g_string_truncate (stream->buffer, 0);
  return TRUE;
}

gboolean
spanmark_file_stream_append (SpanmarkFileStream  *stream,
                             const char          *data,
                             gsize                length,
                             GError             **error)
{
  g_return_val_if_fail (stream != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (stream->failed != 0)
    return write_failed (error, stream->path, stream->failed);

  /* Nothing is written that could not be read back. */
  if (stream->length + length > SPANMARK_FILE_MAX_SIZE)
    {
      g_autofree char *limit = format_limit (SPANMARK_FILE_MAX_SIZE);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("%s: not written, because it would be larger than %s, the most Spanmark reads"),
                   stream->path, limit);
      return FALSE;
    }

  if (stream->buffer->len + length > STREAM_BUFFER_SIZE && !stream_flush (stream))
    return write_failed (error, stream->path, stream->failed);
  if (length >= STREAM_BUFFER_SIZE)
    {
      if (!write_all (stream->fd, data, length))
        {
          stream->failed = errno;
          return write_failed (error, stream->path, stream->failed);
        }
    }
  else
    g_string_append_len (stream->buffer, data, length);
  stream->length += length;

  spanmark_file_step ("stream-appended", stream->path);
  return TRUE;
}

gboolean
spanmark_file_stream_append_stream (SpanmarkFileStream  *stream,
                                    SpanmarkFileStream  *from,
                                    GError             **error)
{
  g_autofree char *block = NULL;
  guint64 offset = 0;

  g_return_val_if_fail (stream != NULL && from != NULL && stream != from, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!stream_flush (from))
    return write_failed (error, from->path, from->failed);

  block = g_malloc (STREAM_BUFFER_SIZE);
  while (offset < from->length)
    {
      gssize n = pread (from->fd, block, MIN (STREAM_BUFFER_SIZE, from->length - offset), (off_t) offset);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          /* A file shorter than what was written to it: as an I/O error,
           * named by the file that could not be read, the temporary one. */
          int saved_errno = n < 0 ? errno : EIO;
          g_autofree char *folder = g_path_get_dirname (from->path);
          g_autofree char *tmp_name = g_path_get_basename (from->tmp);
          g_autofree char *tmp_path = g_build_filename (folder, tmp_name, NULL);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("%s: cannot be read: %s"), tmp_path, g_strerror (saved_errno));
          return FALSE;
        }
      if (!spanmark_file_stream_append (stream, block, (gsize) n, error))
        return FALSE;
      offset += (guint64) n;
    }
  return TRUE;
}

guint64
spanmark_file_stream_get_length (SpanmarkFileStream *stream)
{
  g_return_val_if_fail (stream != NULL, 0);

  return stream->length;
}

const char *
spanmark_file_stream_get_temporary_name (SpanmarkFileStream *stream)
{
  g_return_val_if_fail (stream != NULL, NULL);

  return stream->tmp;
}

gboolean
spanmark_file_stream_commit (SpanmarkFileStream  *stream,
                             GError             **error)
{
  g_autofree char *folder = NULL;
  int saved_errno = 0;
  gboolean ok;

  g_return_val_if_fail (stream != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = stream_flush (stream) && fsync (stream->fd) == 0;
  if (!ok)
    saved_errno = stream->failed != 0 ? stream->failed : errno;
  if (close (stream->fd) != 0 && ok)
    {
      ok = FALSE;
      saved_errno = errno;
    }
  stream->fd = -1;
  if (!ok)
    {
      unlinkat (stream->dir_fd, stream->tmp, 0);
      write_failed (error, stream->path, saved_errno);
      stream_free (stream);
      return FALSE;
    }

  spanmark_file_step ("written", stream->path);

  /* A link at the name is replaced, never followed. */
  if (renameat (stream->dir_fd, stream->tmp, stream->dir_fd, stream->name) != 0)
    {
      saved_errno = errno;
      unlinkat (stream->dir_fd, stream->tmp, 0);
      write_failed (error, stream->path, saved_errno);
      stream_free (stream);
      return FALSE;
    }
  spanmark_file_step ("renamed", stream->path);

  /* The rename is in the folder: durable once the folder is.  The file
   * is in place by now, and what it names may not be undone, so this is
   * done as well as it can be, not an error. */
  if (stream->dir_fd >= 0)
    fsync (stream->dir_fd);
  else
    {
      const char *slash = strrchr (stream->name, G_DIR_SEPARATOR);

      folder = slash != NULL ? g_strndup (stream->name, MAX (slash - stream->name, 1)) : g_strdup (".");
      spanmark_file_fsync_at (AT_FDCWD, folder, folder, NULL);
    }
  stream_free (stream);
  return TRUE;
}

void
spanmark_file_stream_abort (SpanmarkFileStream *stream)
{
  if (stream == NULL)
    return;

  if (stream->fd >= 0)
    close (stream->fd);
  stream->fd = -1;
  unlinkat (stream->dir_fd, stream->tmp, 0);
  stream_free (stream);
}

gboolean
spanmark_file_is_temporary_name (const char  *name,
                                 char       **target)
{
  const gsize tag = strlen (TEMPORARY_TAG);
  g_autofree char *meant = NULL;
  gsize n, m;

  g_return_val_if_fail (name != NULL, FALSE);

  /* ".", the name, the tag, six characters. */
  n = strlen (name);
  if (name[0] != '.' || n < 1 + tag + 6 || strncmp (name + n - 6 - tag, TEMPORARY_TAG, tag) != 0)
    return FALSE;

  /* g_mkstemp() fills in letters and digits. */
  for (gsize i = n - 6; i < n; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;

  /* A name that is not hidden itself, then ".json" or ".txt". */
  m = n - 1 - tag - 6;
  meant = g_strndup (name + 1, m);
  if (meant[0] == '.' || strchr (meant, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  if (!(m > 5 && g_str_has_suffix (meant, ".json")) && !(m > 4 && g_str_has_suffix (meant, ".txt")))
    return FALSE;

  if (target != NULL)
    *target = g_steal_pointer (&meant);
  return TRUE;
}

const char *
spanmark_file_describe_error (const GError *error)
{
  /* GIO's messages repeat the path ("Error opening file /…: …"), which
   * ours give first already. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return g_strerror (EACCES);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return g_strerror (EISDIR);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_strerror (ENOENT);
  return error->message;
}
