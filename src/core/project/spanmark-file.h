/* spanmark-file.h — reading and writing files safely
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every reader of a project's files (spanmark.json, document texts,
 * annotation files) and of import inputs goes through spanmark_file_read()
 * or spanmark_file_read_in_project(), so one rule holds everywhere:
 *
 *   - inside a project, a path may pass through symbolic links only if it
 *     resolves to a place inside the project folder;
 *   - only regular files are read: a folder, a named pipe (FIFO), a device
 *     or a socket is refused, and opening never blocks (a FIFO nobody
 *     writes to would hang a reader forever);
 *   - a file larger than the cap is refused before it is read.
 *
 * Every write of a project file goes through spanmark_file_write_atomic():
 * a temporary file ".NAME.spanmark-XXXXXX" beside NAME (hidden, and six
 * letters or digits at the end),
 * written, optionally fsynced, then renamed over NAME, so a kill at any
 * moment leaves either the old or the new file (and perhaps the temporary
 * file, which spanmark_file_is_temporary_name() recognises).
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest document text, annotation file or spanmark.json that is
 * read (and written: nothing is written that could not be read back). */
#define SPANMARK_FILE_MAX_SIZE ((gsize) 256 * 1024 * 1024)
/* The largest input file an import reads. */
#define SPANMARK_FILE_MAX_IMPORT_SIZE ((gsize) 1024 * 1024 * 1024)

typedef enum
{
  SPANMARK_FILE_READ_NONE = 0,
  /* Read at most @max_size bytes; a longer file is not an error. */
  SPANMARK_FILE_READ_HEAD = 1 << 0,
} SpanmarkFileReadFlags;

/* Reads @file (anywhere: import inputs), following symbolic links.
 * Errors are in G_IO_ERROR: NOT_FOUND, IS_DIRECTORY, NOT_REGULAR_FILE
 * (named pipe, device, socket), MESSAGE_TOO_LARGE (larger than
 * @max_size), or the code of the system error.  Messages say what is
 * wrong without naming the file ("is a named pipe (FIFO), not a regular
 * file"): callers put the file in front, each in its own way.
 * @contents is NUL-terminated. */
gboolean spanmark_file_read            (GFile                 *file,
                                        gsize                  max_size,
                                        SpanmarkFileReadFlags  flags,
                                        char                 **contents,
                                        gsize                 *length,
                                        GError               **error);

/* Reads @file by the rules of spanmark_file_read(), in blocks of at most
 * @block_size bytes, each handed to @func as it is read (with the bytes
 * read so far and the file's size), so that a large input is never held
 * in memory whole.  Returns FALSE with the error of @func when it returns
 * FALSE, or with a G_IO_ERROR as spanmark_file_read() would. */
typedef gboolean (*SpanmarkFileBlockFunc) (const char  *data,
                                           gsize        length,
                                           guint64      done,
                                           guint64      size,
                                           gpointer     user_data,
                                           GError     **error);

gboolean spanmark_file_read_blocks     (GFile                 *file,
                                        gsize                  max_size,
                                        gsize                  block_size,
                                        SpanmarkFileBlockFunc  func,
                                        gpointer               user_data,
                                        GError               **error);

/* Reads @relative (a path below the project folder @dir) like
 * spanmark_file_read(), but refuses, with G_IO_ERROR_PERMISSION_DENIED,
 * a path that symbolic links lead outside @dir, and reports a symbolic
 * link that leads nowhere as G_IO_ERROR_NOT_REGULAR_FILE (so that only a
 * file that is really missing is G_IO_ERROR_NOT_FOUND). */
gboolean spanmark_file_read_in_project (GFile                 *dir,
                                        const char            *relative,
                                        gsize                  max_size,
                                        SpanmarkFileReadFlags  flags,
                                        char                 **contents,
                                        gsize                 *length,
                                        GError               **error);

/* For a reader of many files in one folder of a project: opens the
 * folder @relative below @dir ("" for @dir itself) one folder at a time,
 * never following a symbolic link nor taking "." or "..", so that the
 * folder is inside the project.  Returns its descriptor (the caller
 * closes it), or -1 with @error: a linked folder is left to
 * spanmark_file_read_in_project(), which resolves it. */
int      spanmark_file_open_folder_in_project (GFile                 *dir,
                                               const char            *relative,
                                               GError               **error);

/* Reads the file @name (one component: no "/", not "." or "..") in the
 * folder @folder_fd that spanmark_file_open_folder_in_project() opened,
 * as spanmark_file_read_in_project() reads it, with one openat(), one
 * fstat() and the reads.  A symbolic link is not followed and fails
 * (G_IO_ERROR_TOO_MANY_LINKS): spanmark_file_read_in_project() says
 * whether it leads outside.  A missing file is G_IO_ERROR_NOT_FOUND. */
gboolean spanmark_file_read_at        (int                    folder_fd,
                                       const char            *name,
                                       gsize                  max_size,
                                       SpanmarkFileReadFlags  flags,
                                       char                 **contents,
                                       gsize                 *length,
                                       GError               **error);

/* Whether @relative (below @dir, existing or not) stays inside @dir once
 * symbolic links are resolved: the nearest part of the path that exists
 * must resolve inside @dir.  Guards writes of project files against a
 * linked folder or file leading elsewhere. */
gboolean spanmark_file_check_inside    (GFile                 *dir,
                                        const char            *relative);

/* Writes @path atomically (see above).  With @durable the data is
 * fsynced before the rename; bulk writers pass FALSE and call
 * spanmark_file_sync() once for all their files.  Refuses data larger
 * than SPANMARK_FILE_MAX_SIZE.  Error messages start with @path. */
gboolean spanmark_file_write_atomic    (const char            *path,
                                        const char            *data,
                                        gsize                  length,
                                        gboolean               durable,
                                        GError               **error);

/* spanmark_file_write_atomic() of @name in the folder @dir_fd (one
 * component, or with AT_FDCWD a path), for a writer of many files in
 * one folder that spanmark_file_open_folder_in_project() opened: no
 * path is resolved, the temporary file is created without following a
 * link, and a link at @name is replaced, never written through.
 * Messages name @path. */
gboolean spanmark_file_write_atomic_at (int                    dir_fd,
                                        const char            *name,
                                        const char            *path,
                                        const char            *data,
                                        gsize                  length,
                                        gboolean               durable,
                                        GError               **error);

/* A thread that writes files with spanmark_file_write_atomic_at() (not
 * durable: the writer of many files syncs them all once), one after the
 * other in the order given, so that a writer of many files builds the
 * next while the file system makes the last.  spanmark_file_writer_add()
 * takes @data (g_free()) and waits while a few dozen writes are queued;
 * it fails with the error of an earlier write that failed (after which
 * nothing more is written).  @dir_fd must stay open until
 * spanmark_file_writer_finish(), which waits for every write, frees the
 * writer and says whether all were written (or the first error). */
typedef struct _SpanmarkFileWriter SpanmarkFileWriter;

SpanmarkFileWriter *spanmark_file_writer_new    (void);
gboolean            spanmark_file_writer_add    (SpanmarkFileWriter    *writer,
                                                 int                    dir_fd,
                                                 const char            *name,
                                                 const char            *path,
                                                 char                  *data,
                                                 gsize                  length,
                                                 GError               **error);
gboolean            spanmark_file_writer_finish (SpanmarkFileWriter    *writer,
                                                 GError               **error);

/* Why a file could not be read, without GIO's "Error opening file PATH"
 * (messages name the file first already): "Permission denied", "No such
 * file or directory"…, or @error's own message. */
const char *spanmark_file_describe_error (const GError *error);

/* Makes every file written so far below @dir durable: one syncfs() of the
 * file system that holds @dir where the system has it, otherwise an
 * fsync() of each of @paths (full paths) and of their folders. */
gboolean spanmark_file_sync            (GFile                 *dir,
                                        GPtrArray             *paths,
                                        GError               **error);

/* The two halves of spanmark_file_sync(), for a writer that keeps its
 * files by name in folders rather than as a list of paths: one syncfs()
 * of the file system that holds @dir (FALSE where the system lacks it or
 * it fails: the caller then fsyncs each file it wrote, and the folders
 * that hold them, with spanmark_file_fsync_at()), and the fsync() of
 * @name in the folder @dir_fd (or, with AT_FDCWD, of the path @name),
 * without following a link.  Messages name @path. */
gboolean spanmark_file_syncfs          (GFile                 *dir);
gboolean spanmark_file_fsync_at        (int                    dir_fd,
                                        const char            *name,
                                        const char            *path,
                                        GError               **error);

/* A file written as it is made, too large to be held whole (an import's
 * index): a temporary file ".NAME.spanmark-XXXXXX" beside @name in the
 * folder @dir_fd (or, with AT_FDCWD, beside the path @name), created
 * with O_EXCL and O_NOFOLLOW (a link at the temporary name is never
 * written through: another name is taken), appended to, then either
 * committed — fsynced, renamed over @name (a link there is replaced) and
 * its folder fsynced — or aborted: removed.  Until the commit, @name is
 * what it was; a kill leaves the temporary file, which
 * spanmark_file_is_temporary_name() recognises.  @dir_fd is duplicated:
 * the caller may close its own.  Commit and abort free the stream.
 * Messages name @path.  Appends are buffered; each calls the step
 * function ("stream-appended"), the commit does as an atomic write does
 * ("written", "renamed"). */
typedef struct _SpanmarkFileStream SpanmarkFileStream;

SpanmarkFileStream *spanmark_file_stream_new    (int                    dir_fd,
                                                 const char            *name,
                                                 const char            *path,
                                                 GError               **error);
gboolean            spanmark_file_stream_append (SpanmarkFileStream    *stream,
                                                 const char            *data,
                                                 gsize                  length,
                                                 GError               **error);
/* Appends everything appended to @from so far (which stays open). */
gboolean            spanmark_file_stream_append_stream (SpanmarkFileStream *stream,
                                                        SpanmarkFileStream *from,
                                                        GError            **error);
guint64             spanmark_file_stream_get_length (SpanmarkFileStream *stream);
/* The temporary file's name in its folder (for tests). */
const char         *spanmark_file_stream_get_temporary_name (SpanmarkFileStream *stream);
gboolean            spanmark_file_stream_commit (SpanmarkFileStream    *stream,
                                                 GError               **error);
void                spanmark_file_stream_abort  (SpanmarkFileStream    *stream);

/* Whether @name is a temporary file of spanmark_file_write_atomic()
 * (".NAME.spanmark-XXXXXX") for a file NAME named like "*.json" or
 * "*.txt"; if so, and @target is not NULL, stores NAME, the file it was
 * meant to become.  Names a user could have given a file of their own
 * ("NAME.json.backup", "NAME.json.Ab12Cd") are never temporary. */
gboolean spanmark_file_is_temporary_name (const char          *name,
                                          char               **target);

/* For the kill tests: @func is called at each step of every atomic write
 * ("written": the temporary file is complete; "renamed": it is in place)
 * and of every export ("export-synced": the whole files of a folder export
 * are durable; "export-written", "export-renamed"), so a test can
 * end the process right there as a kill would.  NULL turns it off. */
typedef void (*SpanmarkFileStepFunc) (const char *step,
                                      const char *path);

void     spanmark_file_set_step_func   (SpanmarkFileStepFunc   func);
/* For the tests of the fallback: with @disabled, spanmark_file_syncfs()
 * fails as it does where the system has no syncfs(), and every fsync()
 * of the fallback is a step ("fsynced"). */
void     spanmark_file_set_syncfs_disabled (gboolean           disabled);
void     spanmark_file_step            (const char            *step,
                                        const char            *path);

G_END_DECLS
