/* spanmark-project.c
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "spanmark-annotation-rules.h"
#include "spanmark-export-private.h"
#include "spanmark-file.h"
#include "spanmark-json.h"
#include "spanmark-project-private.h"
#include "spanmark-text.h"

#define INDEX_FILE "spanmark.json"
#define DOCUMENTS_DIR "documents"
#define ANNOTATIONS_DIR "annotations"

struct _SpanmarkProject
{
  GObject         parent_instance;

  GFile          *dir;
  char           *name;
  SpanmarkSchema *schema;
  GListStore     *documents;
  GHashTable     *documents_by_id;   /* borrowed id -> SpanmarkDocument */
  GHashTable     *documents_by_path; /* borrowed path -> SpanmarkDocument */
  /* Borrowed SpanmarkDocument -> GUINT_TO_POINTER (position + 1), so that
   * naming a document's entry does not scan the whole list. */
  GHashTable     *positions;
  /* Paths of annotation files that failed to load: they are never
   * overwritten until they load again. */
  GHashTable     *broken_files;
  /* What was wrong in spanmark.json when it was opened. */
  GPtrArray      *problems;
  /* Path -> FileStamp: what this project last read from or wrote to each
   * annotation file, to tell someone else's write from its own. */
  GHashTable     *stamps;

  /* An open batch of new documents (spanmark-project-private.h). */
  gboolean        batch;
  guint           batch_first;       /* documents in the index before it */
  GHashTable     *batch_folders;     /* borrowed folder -> BatchFolder: batch_folder() */
  GPtrArray      *batch_folder_list; /* BatchFolder, in the order the batch first wrote to them */
  SpanmarkFileWriter *batch_writer;  /* writes the files in those folders, or NULL */
  /* A streamed batch: the index entries of the documents it added, in
   * a temporary file beside spanmark.json, instead of the documents. */
  SpanmarkFileStream *index_entries;
  guint           n_streamed;
  GString        *entry;             /* one entry, reused */
  /* A streamed batch wrote spanmark.json with documents this project
   * does not hold: it must not be saved over it. */
  gboolean        index_streamed;
};

/* A folder the batch writes in, and the names of the files it wrote
 * there, rather than a list of paths that would grow by a path a file. */
typedef struct
{
  char    *relative;  /* "documents", "annotations/NAME" */
  int      fd;        /* opened without links, or -1: its files go by path */
  gboolean made;      /* the batch made it: undone, it is removed too */
  /* Each file written: '+' when the batch made it, '=' when it wrote
   * over one, then the name and a NUL. */
  GString *names;
  /* The names in it when the batch first looked: one read of the
   * folder, not a stat a file (an import looks for each file it writes,
   * while the writer thread makes files beside it).  Not those the batch
   * wrote since: a file it made is the batch's ('+') however often it is
   * written, and memory stays what the folder held.  NULL until then, or
   * when the folder cannot be read (then each name is looked for). */
  GHashTable *present;
} BatchFolder;

static void
batch_folder_free (BatchFolder *folder)
{
  if (folder->fd >= 0)
    close (folder->fd);
  g_clear_pointer (&folder->present, g_hash_table_unref);
  g_free (folder->relative);
  g_string_free (folder->names, TRUE);
  g_free (folder);
}

typedef struct
{
  gboolean  exists;
  gsize     size;
  char     *sha256;
} FileStamp;

static void
file_stamp_free (FileStamp *stamp)
{
  g_free (stamp->sha256);
  g_free (stamp);
}

G_DEFINE_FINAL_TYPE (SpanmarkProject, spanmark_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
spanmark_project_dispose (GObject *object)
{
  SpanmarkProject *self = (SpanmarkProject *)object;

  g_clear_object (&self->dir);
  g_clear_object (&self->schema);
  g_clear_object (&self->documents);
  g_clear_pointer (&self->documents_by_id, g_hash_table_unref);
  g_clear_pointer (&self->documents_by_path, g_hash_table_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (spanmark_project_parent_class)->dispose (object);
}

static void
spanmark_project_finalize (GObject *object)
{
  SpanmarkProject *self = (SpanmarkProject *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->broken_files, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->stamps, g_hash_table_unref);
  g_clear_pointer (&self->batch_folders, g_hash_table_unref);
  g_clear_pointer (&self->batch_folder_list, g_ptr_array_unref);
  g_clear_pointer (&self->index_entries, spanmark_file_stream_abort);
  if (self->entry != NULL)
    g_string_free (g_steal_pointer (&self->entry), TRUE);

  G_OBJECT_CLASS (spanmark_project_parent_class)->finalize (object);
}

static void
spanmark_project_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpanmarkProject *self = SPANMARK_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_project_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SpanmarkProject *self = SPANMARK_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      spanmark_project_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
spanmark_project_class_init (SpanmarkProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = spanmark_project_dispose;
  object_class->finalize = spanmark_project_finalize;
  object_class->get_property = spanmark_project_get_property;
  object_class->set_property = spanmark_project_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
spanmark_project_init (SpanmarkProject *self)
{
  self->name = g_strdup ("");
  self->documents = g_list_store_new (SPANMARK_TYPE_DOCUMENT);
  self->documents_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->documents_by_path = g_hash_table_new (g_str_hash, g_str_equal);
  self->positions = g_hash_table_new (NULL, NULL);
  self->broken_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) spanmark_problem_free);
  self->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) file_stamp_free);
}

/* Finds @document, at @position in the list (from 0), by itself, its id
 * and its path. */
static void
index_document (SpanmarkProject  *self,
                SpanmarkDocument *document,
                guint             position)
{
  const char *id = spanmark_document_get_id (document);

  g_hash_table_insert (self->positions, document, GUINT_TO_POINTER (position + 1));

  /* A broken entry still takes its id (an import may not reuse it), but
   * never from the good entry whose id it repeats. */
  if (spanmark_project_is_valid_id (id) && !g_hash_table_contains (self->documents_by_id, id))
    g_hash_table_insert (self->documents_by_id, (char *) id, document);
  if (spanmark_document_get_path (document) != NULL
      && !g_hash_table_contains (self->documents_by_path, spanmark_document_get_path (document)))
    g_hash_table_insert (self->documents_by_path,
                         (char *) spanmark_document_get_path (document), document);
}

static void
append_document (SpanmarkProject  *self,
                 SpanmarkDocument *document)
{
  g_list_store_append (self->documents, document);
  index_document (self, document, g_list_model_get_n_items (G_LIST_MODEL (self->documents)) - 1);
}

/* Creates the folders @file needs and writes it with
 * spanmark_file_write_atomic(). */
static gboolean
write_file (GFile       *file,
            const char  *data,
            gsize        length,
            gboolean     durable,
            GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *parent = NULL;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: only local files can be written"), uri);
      return FALSE;
    }

  parent = g_path_get_dirname (path);
  if (g_mkdir_with_parents (parent, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot create the folder: %s"), parent, g_strerror (saved_errno));
      return FALSE;
    }

  return spanmark_file_write_atomic (path, data != NULL ? data : "", length, durable, error);
}

/* In a batch, the folder @relative ("documents", "annotations/NAME"),
 * its files then checked and written by name in it, open without
 * following a link, made if missing (and removed again should the batch
 * be undone), so that its files cannot be outside the project; its fd is
 * -1 for a folder that cannot be opened so (a link, a folder above it
 * missing): its files go the way of any.  NULL outside a batch. */
static BatchFolder *
batch_folder (SpanmarkProject *self,
              const char      *relative)
{
  g_autofree char *parent = NULL;
  const char *leaf = strrchr (relative, G_DIR_SEPARATOR);
  BatchFolder *folder;
  int parent_fd;

  if (!self->batch)
    return NULL;
  folder = g_hash_table_lookup (self->batch_folders, relative);
  if (folder != NULL)
    return folder;

  folder = g_new0 (BatchFolder, 1);
  folder->relative = g_strdup (relative);
  folder->fd = -1;
  folder->names = g_string_new (NULL);

  parent = leaf != NULL ? g_strndup (relative, leaf - relative) : g_strdup ("");
  leaf = leaf != NULL ? leaf + 1 : relative;
  parent_fd = spanmark_file_open_folder_in_project (self->dir, parent, NULL);
  if (parent_fd >= 0)
    {
      folder->fd = openat (parent_fd, leaf, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (folder->fd < 0 && errno == ENOENT && mkdirat (parent_fd, leaf, 0755) == 0)
        {
          folder->made = TRUE;
          folder->fd = openat (parent_fd, leaf, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
      close (parent_fd);
    }

  g_ptr_array_add (self->batch_folder_list, folder);
  g_hash_table_insert (self->batch_folders, folder->relative, folder);
  return folder;
}

/* batch_folder() of the folder that holds @relative, or NULL. */
static BatchFolder *
batch_folder_of (SpanmarkProject *self,
                 const char      *relative)
{
  g_autofree char *folder = NULL;

  if (!self->batch || strchr (relative, G_DIR_SEPARATOR) == NULL)
    return NULL;
  folder = g_path_get_dirname (relative);
  return batch_folder (self, folder);
}

/* The names in the folder @folder_fd, or NULL if it cannot be read. */
static GHashTable *
list_folder (int folder_fd)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int fd = openat (folder_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  struct dirent *entry;
  DIR *dir;

  if (fd < 0)
    return NULL;
  dir = fdopendir (fd);
  if (dir == NULL)
    {
      close (fd);
      return NULL;
    }
  errno = 0;
  while ((entry = readdir (dir)) != NULL)
    if (strcmp (entry->d_name, ".") != 0 && strcmp (entry->d_name, "..") != 0)
      g_hash_table_add (names, g_strdup (entry->d_name));
  if (errno != 0)
    g_clear_pointer (&names, g_hash_table_unref);
  closedir (dir);
  return g_steal_pointer (&names);
}

/* Whether nothing is at @name in the batch's @folder (or it cannot be
 * looked at), as g_file_query_file_type() says G_FILE_TYPE_UNKNOWN. */
static gboolean
absent_at (BatchFolder *folder,
           const char  *name)
{
  struct stat st;

  g_assert (folder->fd >= 0);

  if (folder->present == NULL)
    folder->present = list_folder (folder->fd);
  if (folder->present != NULL)
    return !g_hash_table_contains (folder->present, name);
  return fstatat (folder->fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0;
}

/* Writes the file @relative of the project ("FOLDER/NAME"): durable at
 * once, or in an open batch noted in its folder for the one sync at its
 * end.  @data is taken (freed, or handed to the batch's writer). */
static gboolean
project_write_take (SpanmarkProject  *self,
                    const char       *relative,
                    char             *data,
                    gsize             length,
                    GError          **error)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (self->dir, relative);
  BatchFolder *folder = batch_folder_of (self, relative);
  const char *name = strrchr (relative, G_DIR_SEPARATOR);
  gboolean parent_existed = TRUE;
  gboolean existed;

  name = name != NULL ? name + 1 : relative;
  if (folder != NULL && folder->fd >= 0)
    {
      g_autofree char *path = g_file_get_path (file);

      existed = !absent_at (folder, name);
      if (self->batch_writer == NULL)
        self->batch_writer = spanmark_file_writer_new ();
      if (!spanmark_file_writer_add (self->batch_writer, folder->fd, name, path, data, length, error))
        return FALSE;
    }
  else
    {
      g_autoptr(GFile) parent = folder != NULL ? g_file_get_parent (file) : NULL;

      parent_existed = parent == NULL || g_file_query_exists (parent, NULL);
      existed = folder != NULL &&
                g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) != G_FILE_TYPE_UNKNOWN;
      gboolean written = write_file (file, data, length, !self->batch, error);

      g_free (data);
      if (!written)
        return FALSE;
    }

  if (folder != NULL)
    {
      /* A new annotator's folder goes too when the batch is undone. */
      if (!parent_existed)
        folder->made = TRUE;
      /* An annotator's file an import replaced is gone either way: undoing
       * the batch removes only the files it made. */
      g_string_append_c (folder->names, existed ? '=' : '+');
      g_string_append_len (folder->names, name, strlen (name) + 1);
    }
  return TRUE;
}

static SpanmarkProject *
project_new (GFile *dir)
{
  SpanmarkProject *self = g_object_new (SPANMARK_TYPE_PROJECT, NULL);

  self->dir = g_object_ref (dir);

  return self;
}

SpanmarkProject *
spanmark_project_create (GFile       *dir,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(SpanmarkSchema) schema = spanmark_schema_new_default ();

  return spanmark_project_create_with_schema (dir, name, schema, error);
}

SpanmarkProject *
spanmark_project_create_with_schema (GFile           *dir,
                                     const char      *name,
                                     SpanmarkSchema  *schema,
                                     GError         **error)
{
  g_autoptr(SpanmarkProject) self = NULL;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) documents = NULL;
  g_autoptr(GFile) annotations = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);
  g_return_val_if_fail (SPANMARK_IS_SCHEMA (schema), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_file_get_parse_name (dir);

  if (!g_file_make_directory_with_parents (dir, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_clear_error (&local_error);

      /* An existing folder is fine only if it is empty: never mix a new
       * project into someone's files. */
      enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                              G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                              NULL, error);
      if (enumerator == NULL)
        return NULL;

      info = g_file_enumerator_next_file (enumerator, NULL, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      if (info != NULL)
        {
          g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS,
                       _("%s: the folder is not empty"), display);
          return NULL;
        }
    }

  documents = g_file_get_child (dir, DOCUMENTS_DIR);
  annotations = g_file_get_child (dir, ANNOTATIONS_DIR);
  if (!g_file_make_directory (documents, NULL, error)
      || !g_file_make_directory (annotations, NULL, error))
    return NULL;

  self = project_new (dir);
  g_free (self->name);
  self->name = g_strdup (name != NULL ? name : "");
  self->schema = spanmark_schema_copy (schema);

  if (!spanmark_project_save (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* GIO's "Error opening file /…/spanmark.json: No such file or directory"
 * says little to someone who picked the wrong folder: say what is wrong
 * in Spanmark's terms, keeping GIO's error code. */
static void
explain_index_error (GFile        *dir,
                     const char   *display,
                     const GError *local_error,
                     GError      **error)
{
  int code = local_error->domain == G_IO_ERROR ? local_error->code : G_IO_ERROR_FAILED;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
      && g_file_query_file_type (dir, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_autofree char *folder = g_file_get_parse_name (dir);

      g_set_error (error, G_IO_ERROR, code, _("%s: there is no such folder"), folder);
    }
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, G_IO_ERROR, code, "%s: %s", display,
                 _("is missing: this folder is not a Spanmark project"));
  else
    g_set_error (error, G_IO_ERROR, code, "%s: %s", display, local_error->message);
}

SpanmarkProject *
spanmark_project_open (GFile   *dir,
                       GError **error)
{
  g_autoptr(SpanmarkProject) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  SpanmarkChecker checker;
  SpanmarkIndex index;
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Files are named relative to the project, as validation names them. */
  if (!spanmark_file_read_in_project (dir, INDEX_FILE, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                      &data, &length, &local_error))
    {
      explain_index_error (dir, INDEX_FILE, local_error, error);
      return NULL;
    }

  spanmark_checker_init (&checker);
  ok = spanmark_json_read_index (&checker, data, length, &index);

  /* One bad label or document entry does not close the project: it is
   * kept with its problem (see spanmark_project_get_problems()).  Only an
   * index that is wrong as a whole does. */
  if (!ok || !index.top_level_ok)
    {
      spanmark_checker_check (&checker, INDEX_FILE, error);
      spanmark_checker_clear (&checker);
      spanmark_index_clear (&index);
      return NULL;
    }

  self = project_new (dir);
  g_ptr_array_unref (self->problems);
  self->problems = spanmark_checker_steal_problems (&checker);
  spanmark_checker_clear (&checker);
  g_free (self->name);
  self->name = g_steal_pointer (&index.name);
  self->schema = g_steal_pointer (&index.schema);
  /* All at once: appended one by one, 50,000 documents took a fifth of
   * the opening, most of it the list store's signal for each. */
  g_list_store_splice (self->documents, 0, 0, index.documents->pdata, index.documents->len);
  for (guint i = 0; i < index.documents->len; i++)
    index_document (self, g_ptr_array_index (index.documents, i), i);
  spanmark_index_clear (&index);

  return g_steal_pointer (&self);
}

GPtrArray *
spanmark_project_get_problems (SpanmarkProject *self)
{
  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), NULL);

  return self->problems;
}

/* Written from memory, the index would lose the documents the streamed
 * import wrote to it and this project never held: nothing that needs
 * the index written may be done. */
static gboolean
check_not_streamed (SpanmarkProject  *self,
                    GError          **error)
{
  if (!self->index_streamed)
    return TRUE;
  g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
               _("%s: not changed, because an import wrote it with documents this open project does not hold; "
                 "open the project again first"),
               INDEX_FILE);
  return FALSE;
}

gboolean
spanmark_project_check_can_save (SpanmarkProject  *self,
                                 GError          **error)
{
  g_autofree char *first = NULL;
  const SpanmarkProblem *problem;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_not_streamed (self, error))
    return FALSE;

  if (self->problems->len == 0)
    return TRUE;

  /* Writing the index from memory would drop the entries that could not
   * be read, or replace a bad colour by the default: never silently. */
  problem = g_ptr_array_index (self->problems, 0);
  first = spanmark_problem_to_short_string (problem);
  g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
               ngettext ("%s: not changed, because it has %u problem that rewriting it would lose (%s); "
                         "fix spanmark.json first (spanmark-cli validate lists it)",
                         "%s: not changed, because it has %u problems that rewriting it would lose (the first: %s); "
                         "fix spanmark.json first (spanmark-cli validate lists them)",
                         self->problems->len),
               INDEX_FILE, self->problems->len, first);
  return FALSE;
}

gboolean
spanmark_project_save (SpanmarkProject  *self,
                       GError          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!spanmark_project_check_can_save (self, error))
    return FALSE;

  data = spanmark_json_write_index (self->name, self->schema,
                                    G_LIST_MODEL (self->documents), &length);
  file = g_file_get_child (self->dir, INDEX_FILE);

  /* Always durable: in a batch, the index is what commits it. */
  return write_file (file, data, length, TRUE, error);
}

GFile *
spanmark_project_get_dir (SpanmarkProject *self)
{
  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), NULL);

  return self->dir;
}

const char *
spanmark_project_get_name (SpanmarkProject *self)
{
  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), NULL);

  return self->name;
}

void
spanmark_project_set_name (SpanmarkProject *self,
                           const char      *name)
{
  g_return_if_fail (SPANMARK_IS_PROJECT (self));

  if (name == NULL)
    name = "";

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

SpanmarkSchema *
spanmark_project_get_schema (SpanmarkProject *self)
{
  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), NULL);

  return self->schema;
}

GListModel *
spanmark_project_get_documents (SpanmarkProject *self)
{
  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->documents);
}

guint
spanmark_project_get_n_documents (SpanmarkProject *self)
{
  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->documents));
}

SpanmarkDocument *
spanmark_project_get_document (SpanmarkProject *self,
                               guint            index)
{
  g_autoptr(SpanmarkDocument) document = NULL;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), NULL);

  /* The store keeps its own reference: hand out a borrowed pointer. */
  document = g_list_model_get_item (G_LIST_MODEL (self->documents), index);

  return document;
}

SpanmarkDocument *
spanmark_project_lookup_document (SpanmarkProject *self,
                                  const char      *id)
{
  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->documents_by_id, id);
}

static char *
annotation_path (const char *document_id,
                 const char *annotator)
{
  return g_strdup_printf (ANNOTATIONS_DIR "/%s/%s.json", annotator, document_id);
}

/* Checks that documents/<@id>.txt can become the text of a new document
 * holding @text: it must not exist, or be a file no document of the
 * index uses that holds exactly @text (left by an interrupted import),
 * which is then taken over (*@adopt). */
static gboolean
check_document_file (SpanmarkProject  *self,
                     const char       *id,
                     const char       *text,
                     gboolean         *adopt,
                     GError          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_strdup_printf (DOCUMENTS_DIR "/%s.txt", id);
  g_autofree char *data = NULL;
  gsize length = 0;
  BatchFolder *folder;

  *adopt = FALSE;

  if (g_hash_table_contains (self->documents_by_path, path))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS,
                   _("%s: the file already exists"), path);
      return FALSE;
    }

  file = g_file_resolve_relative_path (self->dir, path);
  folder = batch_folder (self, DOCUMENTS_DIR);
  if (folder != NULL && folder->fd >= 0 ? absent_at (folder, path + strlen (DOCUMENTS_DIR "/"))
                     : g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_UNKNOWN)
    {
      /* Written by name in a folder opened without links, it is inside. */
      if ((folder == NULL || folder->fd < 0) && !spanmark_file_check_inside (self->dir, path))
        {
          g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
                       _("%s: not written, because the path leads outside the project folder (through a symbolic link)"),
                       path);
          return FALSE;
        }
      return TRUE;
    }

  if (!spanmark_file_read_in_project (self->dir, path, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                      &data, &length, &local_error))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS,
                   _("%s: already exists, and %s"), path, local_error->message);
      return FALSE;
    }

  if (length != strlen (text) || memcmp (data, text, length) != 0)
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS,
                   _("%s: already exists with a different text, and spanmark.json does not list it "
                     "(left over from an interrupted import?); “spanmark-cli clean” removes such leftovers"),
                   path);
      return FALSE;
    }

  *adopt = TRUE;
  return TRUE;
}

static gboolean
check_new_id (SpanmarkProject  *self,
              const char       *id,
              GError          **error)
{
  if (!spanmark_project_is_valid_id (id))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
                   _("\"%s\" is not a valid document id (letters, digits, \"-\", \"_\" and \".\", not starting with \".\")"),
                   id);
      return FALSE;
    }

  if (g_hash_table_contains (self->documents_by_id, id))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS,
                   _("a document with the id \"%s\" already exists"), id);
      return FALSE;
    }

  return TRUE;
}

gboolean
_spanmark_project_check_new_document (SpanmarkProject  *self,
                                      const char       *id,
                                      const char       *text,
                                      const char       *annotator,
                                      gboolean         *adopt,
                                      GError          **error)
{
  g_auto(GStrv) annotators = NULL;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (adopt != NULL, FALSE);

  if (!check_new_id (self, id, error) || !check_document_file (self, id, text, adopt, error))
    return FALSE;
  if (!*adopt)
    return TRUE;

  /* The leftover text is the same; an annotation file left beside it is
   * fine only if this import writes it again.  Anything else may be
   * someone's work, which an import must not turn into the document's. */
  annotators = spanmark_project_list_annotators (self);
  for (guint i = 0; annotators[i] != NULL; i++)
    {
      g_autofree char *path = annotation_path (id, annotators[i]);
      g_autoptr(GFile) file = g_file_resolve_relative_path (self->dir, path);

      if (g_strcmp0 (annotators[i], annotator) == 0 ||
          g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_UNKNOWN)
        continue;

      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_EXISTS,
                   _("%s: already exists, and spanmark.json does not list its document "
                     "(left over from an interrupted import?); “spanmark-cli clean” removes such leftovers"),
                   path);
      return FALSE;
    }

  return TRUE;
}

SpanmarkDocument *
spanmark_project_add_document (SpanmarkProject  *self,
                               const char       *id,
                               const char       *text,
                               const char       *title,
                               GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean adopt;
  gsize bad;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Its text would be a file the index never names. */
  if (!check_not_streamed (self, error))
    return NULL;

  if (!check_new_id (self, id, error))
    return NULL;

  if (!spanmark_text_validate (text, strlen (text), &bad, &local_error))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_TEXT,
                   "%s: %s", id, local_error->message);
      return NULL;
    }

  if (!check_document_file (self, id, text, &adopt, error))
    return NULL;

  return _spanmark_project_add_new_document (self, id, text, title, adopt, error);
}

SpanmarkDocument *
_spanmark_project_add_new_document (SpanmarkProject  *self,
                                    const char       *id,
                                    const char       *text,
                                    const char       *title,
                                    gboolean          adopt,
                                    GError          **error)
{
  g_autoptr(SpanmarkDocument) document = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_strdup_printf (DOCUMENTS_DIR "/%s.txt", id);
  if (!adopt && !project_write_take (self, path, g_strdup (text), strlen (text), error))
    return NULL;

  document = spanmark_document_new (id, path, title);
  append_document (self, document);

  /* The project's, as spanmark_project_add_document() gives it. */
  return document;
}

/* A document whose index entry has a problem is neither read nor
 * written; the error names the entry and the problem. */
static gboolean
check_document_usable (SpanmarkProject   *self,
                       SpanmarkDocument  *document,
                       GError           **error)
{
  const char *problem = spanmark_document_get_problem (document);

  if (problem == NULL)
    return TRUE;

  g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
               "%s: %s", INDEX_FILE, problem);
  return FALSE;
}

char *
spanmark_project_load_text (SpanmarkProject   *self,
                            SpanmarkDocument  *document,
                            GError           **error)
{
  g_autofree char *location = NULL;
  SpanmarkChecker checker;
  char *text;
  guint position;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_document_usable (self, document, error))
    return NULL;

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, document));
  if (position > 0)
    location = g_strdup_printf ("documents[%u] (id \"%s\")", position - 1,
                                spanmark_document_get_id (document));
  else
    location = g_strdup_printf ("document \"%s\"", spanmark_document_get_id (document));

  spanmark_checker_init (&checker);
  text = spanmark_json_read_text (&checker, self->dir, location,
                                  spanmark_document_get_path (document), NULL);
  if (!spanmark_checker_check (&checker, INDEX_FILE, error))
    g_clear_pointer (&text, g_free);
  spanmark_checker_clear (&checker);

  return text;
}

GStrv
spanmark_project_list_annotators (SpanmarkProject *self)
{
  g_autoptr(GFile) annotations = NULL;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GStrv names;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), NULL);

  annotations = g_file_get_child (self->dir, ANNOTATIONS_DIR);
  enumerator = g_file_enumerate_children (annotations,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          NULL, NULL);

  while (enumerator != NULL)
    {
      GFileInfo *info = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, NULL) || info == NULL)
        break;

      /* The type of the entry itself (NOFOLLOW): a link is no
       * annotator, as spanmark_project_check_annotator_folder() says. */
      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
          && spanmark_project_is_valid_annotator (name))
        g_strv_builder_add (builder, name);
    }

  names = g_strv_builder_end (builder);
  qsort (names, g_strv_length (names), sizeof (char *), spanmark_text_compare_strings);

  return names;
}

gboolean
spanmark_project_check_annotator_folder (GFile       *dir,
                                         const char  *annotator,
                                         GError     **error)
{
  g_autofree char *relative = NULL;
  g_autofree char *dir_path = NULL;
  g_autofree char *path = NULL;
  struct stat st;

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (annotator != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Not through a link: the folder itself is what is judged. */
  relative = g_strconcat (ANNOTATIONS_DIR "/", annotator, NULL);
  dir_path = g_file_get_path (dir);
  if (dir_path == NULL)
    return TRUE;
  path = g_build_filename (dir_path, relative, NULL);
  if (g_lstat (path, &st) != 0 || S_ISDIR (st.st_mode))
    return TRUE;

  if (S_ISLNK (st.st_mode))
    g_set_error_literal (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
                         _("is a symbolic link, not a folder; an annotator’s folder must be a real folder, "
                           "so its files are neither read nor written"));
  else
    g_set_error_literal (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
                         _("is not a folder, so the annotator’s files are neither read nor written"));
  return FALSE;
}

/* spanmark_project_check_annotator_folder(), the folder named in front. */
static gboolean
check_annotator_folder (SpanmarkProject  *self,
                        const char       *annotator,
                        GError          **error)
{
  g_autofree char *relative = NULL;
  BatchFolder *folder;

  /* A batch's folder, once opened, is one (opened without links): an
   * import of 50,000 documents need not look again for each. */
  if (self->batch)
    {
      relative = g_strconcat (ANNOTATIONS_DIR "/", annotator, NULL);
      folder = g_hash_table_lookup (self->batch_folders, relative);
      if (folder != NULL && folder->fd >= 0)
        return TRUE;
    }
  if (spanmark_project_check_annotator_folder (self->dir, annotator, error))
    return TRUE;
  g_prefix_error (error, "%s/%s: ", ANNOTATIONS_DIR, annotator);
  return FALSE;
}

GFile *
spanmark_project_get_annotation_file (SpanmarkProject  *self,
                                      SpanmarkDocument *document,
                                      const char       *annotator)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (spanmark_project_is_valid_annotator (annotator), NULL);

  path = annotation_path (spanmark_document_get_id (document), annotator);

  return g_file_resolve_relative_path (self->dir, path);
}

/**
 * spanmark_project_is_file_broken:
 *
 * Whether @file is an annotation file that failed to load (and so will not
 * be overwritten by spanmark_project_save_annotations()).
 */
gboolean
spanmark_project_is_file_broken (SpanmarkProject *self,
                                 GFile           *file)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);

  return path != NULL && g_hash_table_contains (self->broken_files, path);
}

static void
set_file_broken (SpanmarkProject *self,
                 GFile           *file,
                 gboolean         broken)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    return;

  if (broken)
    g_hash_table_add (self->broken_files, path);
  else
    {
      g_hash_table_remove (self->broken_files, path);
      g_free (path);
    }
}

/* Remembers that @file holds @data (or, with @data NULL, that it does
 * not exist). */
static void
record_stamp (SpanmarkProject *self,
              GFile           *file,
              const char      *data,
              gsize            length)
{
  FileStamp *stamp;
  char *path = g_file_get_path (file);

  if (path == NULL)
    return;

  stamp = g_new0 (FileStamp, 1);
  stamp->exists = data != NULL;
  stamp->size = length;
  if (data != NULL)
    stamp->sha256 = spanmark_text_sha256 (data, (gssize) length);
  g_hash_table_replace (self->stamps, path, stamp);
}

typedef enum
{
  DISK_ABSENT,
  DISK_REGULAR,
  DISK_OTHER,    /* a folder, a FIFO, a dangling link, unreadable */
} DiskState;

/* What is at @file now, and its size when it is a regular file. */
static DiskState
query_current (GFile   *file,
               goffset *size)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_UNKNOWN
           ? DISK_ABSENT : DISK_OTHER;

  /* Only a regular file is ever read: reading a FIFO would block. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return DISK_OTHER;

  *size = g_file_info_get_size (info);

  return DISK_REGULAR;
}

gboolean
spanmark_project_is_file_changed (SpanmarkProject *self,
                                  GFile           *file)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *sha256 = NULL;
  const FileStamp *stamp;
  goffset size = 0;
  gsize length = 0;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), TRUE);
  g_return_val_if_fail (G_IS_FILE (file), TRUE);

  path = g_file_get_path (file);
  stamp = path != NULL ? g_hash_table_lookup (self->stamps, path) : NULL;

  switch (query_current (file, &size))
    {
    case DISK_ABSENT:
      return stamp != NULL && stamp->exists;
    case DISK_OTHER:
      return TRUE;
    case DISK_REGULAR:
    default:
      break;
    }

  /* Another size is another file, without reading it (it may be huge). */
  if (stamp == NULL || !stamp->exists || (goffset) stamp->size != size)
    return TRUE;
  if (!spanmark_file_read (file, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE, &data, &length, NULL)
      || length != stamp->size)
    return TRUE;

  sha256 = spanmark_text_sha256 (data, (gssize) length);

  return strcmp (sha256, stamp->sha256) != 0;
}

/* The set in @data as the export's fast reader reads it; NULL where it
 * leaves the file to the loader's reader. */
static SpanmarkAnnotationSet *
load_fast (SpanmarkProject  *self,
           SpanmarkDocument *document,
           const char       *annotator,
           const char       *text,
           const char       *data,
           gsize             length)
{
  const char *id = spanmark_document_get_id (document);
  SpanmarkAnnotationSet *set = NULL;
  ExportDoc doc;

  _spanmark_export_doc_init (&doc);
  if (_spanmark_export_doc_read_fast (&doc, text, strlen (text), data, length, id, annotator, self->schema) &&
      !doc.has_unexported)
    set = _spanmark_export_doc_to_set (&doc, id, annotator, text);
  _spanmark_export_doc_clear (&doc);

  return set;
}

SpanmarkAnnotationSet *
spanmark_project_load_annotations (SpanmarkProject   *self,
                                   SpanmarkDocument  *document,
                                   const char        *annotator,
                                   GError           **error)
{
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  SpanmarkChecker checker;
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (annotator != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!spanmark_project_is_valid_annotator (annotator))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_NOT_FOUND,
                   _("\"%s\" is not a valid annotator name"), annotator);
      return NULL;
    }

  text = spanmark_project_load_text (self, document, error);
  if (text == NULL)
    return NULL;

  path = annotation_path (spanmark_document_get_id (document), annotator);
  file = g_file_resolve_relative_path (self->dir, path);

  if (!check_annotator_folder (self, annotator, error))
    {
      set_file_broken (self, file, TRUE);
      return NULL;
    }

  if (!spanmark_file_read_in_project (self->dir, path, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                      &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          set_file_broken (self, file, FALSE);
          record_stamp (self, file, NULL, 0);
          return spanmark_annotation_set_new (spanmark_document_get_id (document),
                                              annotator, text);
        }

      /* Unreadable (a folder, a FIFO, a link out…) is as bad as invalid:
       * we cannot know what we would overwrite. */
      set_file_broken (self, file, TRUE);
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
                   "%s: %s", path, local_error->message);
      return NULL;
    }

  record_stamp (self, file, data, length);

  /* A large file reads several times faster, in a fraction of the
   * memory, through the export's reader, which builds no JSON tree; it
   * takes only files that the loader's reader would read the same
   * (tests/core/test-bad-input.c), and leaves the others, for their
   * messages, to it. */
  set = load_fast (self, document, annotator, text, data, length);
  if (set != NULL)
    ok = TRUE;
  else
    {
      spanmark_checker_init (&checker);
      set = spanmark_json_read_annotations (&checker, path, data, length,
                                            spanmark_document_get_id (document),
                                            annotator, text, self->schema);
      ok = spanmark_checker_check (&checker, NULL, error);
      spanmark_checker_clear (&checker);
    }

  set_file_broken (self, file, !ok || set == NULL);
  if (!ok)
    g_clear_object (&set);

  return g_steal_pointer (&set);
}

/* The path of @annotator's annotation file of @document_id, relative to
 * the project, after checking the document and the annotator; NULL with
 * @error otherwise. */
static char *
check_annotation_path (SpanmarkProject  *self,
                       const char       *document_id,
                       const char       *annotator,
                       GError          **error)
{
  if (document_id == NULL || spanmark_project_lookup_document (self, document_id) == NULL)
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_NOT_FOUND,
                   _("there is no document \"%s\" in the project"),
                   document_id != NULL ? document_id : "");
      return NULL;
    }

  if (!check_document_usable (self, spanmark_project_lookup_document (self, document_id), error))
    return FALSE;

  if (!spanmark_project_is_valid_annotator (annotator))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_NOT_FOUND,
                   _("\"%s\" is not a valid annotator name"), annotator != NULL ? annotator : "");
      return NULL;
    }

  if (!check_annotator_folder (self, annotator, error))
    return NULL;

  return annotation_path (document_id, annotator);
}

static char *
serialise_now (const SpanmarkAnnotationContent *content,
               char                           **modified,
               gsize                           *length)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  *modified = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  return spanmark_json_write_annotation_content (content, *modified, length);
}

gboolean
spanmark_project_save_annotations (SpanmarkProject        *self,
                                   SpanmarkAnnotationSet  *set,
                                   GError                **error)
{
  return spanmark_project_save_annotations_full (self, set, SPANMARK_SAVE_OVERWRITE, error);
}

/* Writes @content as its annotator's file of its document; *@modified is
 * the time the file says it was written. */
static gboolean
save_content (SpanmarkProject                  *self,
              const SpanmarkAnnotationContent  *content,
              SpanmarkSaveFlags                 flags,
              char                            **modified,
              GError                          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  BatchFolder *folder;
  gsize length;

  path = check_annotation_path (self, content->document_id, content->annotator, error);
  if (path == NULL)
    return FALSE;
  file = g_file_resolve_relative_path (self->dir, path);

  if (spanmark_project_is_file_broken (self, file))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
                   _("%s: not saved, because this file failed to load and would be overwritten; "
                     "fix or move the file, then open the document again"),
                   path);
      return FALSE;
    }

  /* In a batch, a folder opened without links holds it. */
  folder = batch_folder_of (self, path);
  if (!((folder != NULL && folder->fd >= 0) || spanmark_file_check_inside (self->dir, path)))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
                   _("%s: not saved, because the path leads outside the project folder (through a symbolic link)"),
                   path);
      return FALSE;
    }

  if ((flags & SPANMARK_SAVE_OVERWRITE) == 0 && spanmark_project_is_file_changed (self, file))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_CHANGED,
                   _("%s: not saved, because the file changed on disk after it was opened "
                     "(another annotator, or a git pull); nothing was written"),
                   path);
      return FALSE;
    }

  data = serialise_now (content, modified, &length);
  /* A streamed batch's documents are not kept, nor what their files
   * hold: the writer takes the bytes. */
  if (self->index_entries != NULL)
    {
      if (!project_write_take (self, path, g_steal_pointer (&data), length, error))
        return FALSE;
    }
  else
    {
      if (!project_write_take (self, path, g_memdup2 (data, length), length, error))
        return FALSE;
      record_stamp (self, file, data, length);
    }
  return TRUE;
}

gboolean
spanmark_project_save_annotations_full (SpanmarkProject        *self,
                                        SpanmarkAnnotationSet  *set,
                                        SpanmarkSaveFlags       flags,
                                        GError                **error)
{
  SpanmarkAnnotationContent content;
  g_autofree char *modified = NULL;
  gboolean saved;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (set), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  spanmark_annotation_content_init_from_set (&content, set);
  saved = save_content (self, &content, flags, &modified, error);
  spanmark_annotation_content_clear (&content);
  if (saved)
    spanmark_annotation_set_set_modified (set, modified);
  return saved;
}

gboolean
_spanmark_project_save_annotation_content (SpanmarkProject                  *self,
                                           const SpanmarkAnnotationContent  *content,
                                           GError                          **error)
{
  g_autofree char *modified = NULL;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (content != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return save_content (self, content, SPANMARK_SAVE_OVERWRITE, &modified, error);
}

char *
spanmark_project_new_conflict_path (GFile       *dir,
                                    const char  *annotator,
                                    const char  *document_id,
                                    GFile      **file)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *path = NULL;
  g_autoptr(GFile) child = NULL;

  g_autofree char *folder = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);
  g_return_val_if_fail (document_id != NULL, NULL);

  folder = annotator != NULL ? g_strconcat (SPANMARK_PROJECT_CONFLICTS_DIR "/", annotator, NULL)
                             : g_strdup (SPANMARK_PROJECT_CONFLICTS_DIR);
  /* Two copies within a second get a counter; never replace a copy. */
  for (guint i = 1; ; i++)
    {
      g_free (path);
      if (i == 1)
        path = g_strdup_printf ("%s/%s-%s.json", folder, document_id, stamp);
      else
        path = g_strdup_printf ("%s/%s-%s-%u.json", folder, document_id, stamp, i);
      g_clear_object (&child);
      child = g_file_resolve_relative_path (dir, path);
      if (g_file_query_file_type (child, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_UNKNOWN)
        break;
    }

  if (file != NULL)
    *file = g_steal_pointer (&child);
  return g_steal_pointer (&path);
}

GFile *
spanmark_project_save_annotations_copy (SpanmarkProject        *self,
                                        SpanmarkAnnotationSet  *set,
                                        GError                **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *path = NULL;
  g_autofree char *modified = NULL;
  g_autofree char *data = NULL;
  const char *document_id, *annotator;
  SpanmarkAnnotationContent content;
  gsize length;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (set), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  checked = check_annotation_path (self, spanmark_annotation_set_get_document_id (set),
                                   spanmark_annotation_set_get_annotator (set), error);
  if (checked == NULL)
    return NULL;

  document_id = spanmark_annotation_set_get_document_id (set);
  annotator = spanmark_annotation_set_get_annotator (set);
  path = spanmark_project_new_conflict_path (self->dir, annotator, document_id, &file);

  if (!spanmark_file_check_inside (self->dir, path))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_INVALID,
                   _("%s: not saved, because the path leads outside the project folder (through a symbolic link)"),
                   path);
      return NULL;
    }

  spanmark_annotation_content_init_from_set (&content, set);
  data = serialise_now (&content, &modified, &length);
  spanmark_annotation_content_clear (&content);
  if (!write_file (file, data, length, TRUE, error))
    return NULL;

  return g_steal_pointer (&file);
}

/* The status as written ("\"done\""), when it is a plain string (no
 * escapes) naming a status. */
static gboolean
parse_status (const char     *value,
              gsize           length,
              SpanmarkStatus *status)
{
  if (value == NULL || length < 2 || value[0] != '"' || memchr (value, '\\', length) != NULL)
    return FALSE;

  return spanmark_annotation_rules_check_status (value + 1, length - 2, status, NULL);
}

gboolean
spanmark_project_read_status (SpanmarkProject   *self,
                              SpanmarkDocument  *document,
                              const char        *annotator,
                              SpanmarkStatus    *status,
                              GError           **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SpanmarkAnnotationSet) set = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  SpanmarkJsonSyntax syntax = { .find_key = "status", .integer_keys = spanmark_annotation_rules_integer_keys };
  gsize length = 0;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *status = SPANMARK_STATUS_NEW;

  if (!spanmark_project_is_valid_annotator (annotator))
    {
      g_set_error (error, SPANMARK_PROJECT_ERROR, SPANMARK_PROJECT_ERROR_NOT_FOUND,
                   _("\"%s\" is not a valid annotator name"), annotator != NULL ? annotator : "");
      return FALSE;
    }

  path = annotation_path (spanmark_document_get_id (document), annotator);
  file = g_file_resolve_relative_path (self->dir, path);
  if (spanmark_document_get_problem (document) != NULL
      || !spanmark_project_check_annotator_folder (self->dir, annotator, NULL)
      || !spanmark_file_read_in_project (self->dir, path, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                         &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      /* The loader says why, in its words. */
      set = spanmark_project_load_annotations (self, document, annotator, error);
      return set != NULL;
    }

  /* The same strict check the loader runs, so a file the loader refuses
   * never gives a status here. */
  if (!spanmark_json_syntax_check (&syntax, data, length))
    {
      SpanmarkChecker checker;

      spanmark_checker_init (&checker);
      spanmark_checker_add_syntax (&checker, path, &syntax);
      spanmark_checker_check (&checker, NULL, error);
      spanmark_checker_clear (&checker);
      spanmark_json_syntax_clear (&syntax);
      set_file_broken (self, file, TRUE);
      return FALSE;
    }

  if (parse_status (syntax.found, syntax.found_length, status))
    return TRUE;

  /* Not the plain shape Spanmark writes: let the loader judge. */
  set = spanmark_project_load_annotations (self, document, annotator, error);
  if (set == NULL)
    return FALSE;
  *status = spanmark_annotation_set_get_status (set);
  return TRUE;
}

SpanmarkStatus
spanmark_project_peek_status (SpanmarkProject  *self,
                              SpanmarkDocument *document,
                              const char       *annotator)
{
  SpanmarkStatus status;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), SPANMARK_STATUS_NEW);
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT (document), SPANMARK_STATUS_NEW);

  if (!spanmark_project_read_status (self, document, annotator, &status, NULL))
    return SPANMARK_STATUS_NEW;

  return status;
}

char *
spanmark_annotation_set_to_json (SpanmarkAnnotationSet *set,
                                 gsize                 *length)
{
  g_return_val_if_fail (SPANMARK_IS_ANNOTATION_SET (set), NULL);

  return spanmark_json_write_annotations (set, spanmark_annotation_set_get_modified (set), length);
}

/* Opens a batch; with @streamed, its documents' index entries go to a
 * temporary file beside spanmark.json as they are added. */
static gboolean
begin_batch (SpanmarkProject  *self,
             gboolean          streamed,
             GError          **error)
{
  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (!self->batch, FALSE);

  if (streamed)
    {
      g_autoptr(GFile) file = g_file_get_child (self->dir, INDEX_FILE);
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (file);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("%s: only local files can be written"), uri);
          return FALSE;
        }
      self->index_entries = spanmark_file_stream_new (AT_FDCWD, path, path, error);
      if (self->index_entries == NULL)
        return FALSE;
      self->n_streamed = 0;
      if (self->entry == NULL)
        self->entry = g_string_new (NULL);
    }

  self->batch = TRUE;
  self->batch_first = spanmark_project_get_n_documents (self);
  self->batch_folder_list = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_folder_free);
  self->batch_folders = g_hash_table_new (g_str_hash, g_str_equal);
  return TRUE;
}

void
_spanmark_project_begin_batch (SpanmarkProject *self)
{
  begin_batch (self, FALSE, NULL);
}

gboolean
_spanmark_project_begin_streamed_batch (SpanmarkProject  *self,
                                        GError          **error)
{
  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (spanmark_project_get_n_documents (self) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!spanmark_project_check_can_save (self, error))
    return FALSE;
  return begin_batch (self, TRUE, error);
}

/* Takes @document out of the project's tables (not its list). */
static void
unindex_document (SpanmarkProject  *self,
                  SpanmarkDocument *document)
{
  g_hash_table_remove (self->documents_by_id, spanmark_document_get_id (document));
  g_hash_table_remove (self->documents_by_path, spanmark_document_get_path (document));
  g_hash_table_remove (self->positions, document);
}

gboolean
_spanmark_project_stream_document (SpanmarkProject   *self,
                                   SpanmarkDocument  *document,
                                   GError           **error)
{
  guint position;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (SPANMARK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (self->batch && self->index_entries != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, document));
  g_return_val_if_fail (position > self->batch_first, FALSE);

  /* The very bytes spanmark_json_write_index() gives the entry. */
  g_string_truncate (self->entry, 0);
  spanmark_json_append_index_document (self->entry, document, self->n_streamed == 0);
  if (!spanmark_file_stream_append (self->index_entries, self->entry->str, self->entry->len, error))
    return FALSE;
  self->n_streamed++;

  unindex_document (self, document);
  g_list_store_remove (self->documents, position - 1);
  return TRUE;
}

/* The full path of @name in @folder, for messages and the fallback. */
static char *
batch_file_path (SpanmarkProject *self,
                 BatchFolder     *folder,
                 const char      *name)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (self->dir, folder->relative);
  g_autoptr(GFile) child = name != NULL ? g_file_get_child (file, name) : g_object_ref (file);

  return g_file_get_path (child);
}

/* Makes every file of the batch durable: one syncfs(), or where that
 * fails an fsync() of each file it wrote, of their folders and of the
 * parents of the folders it made. */
static gboolean
batch_sync (SpanmarkProject  *self,
            GError          **error)
{
  if (spanmark_file_syncfs (self->dir))
    return TRUE;

  for (guint i = 0; i < self->batch_folder_list->len; i++)
    {
      BatchFolder *folder = g_ptr_array_index (self->batch_folder_list, i);
      const char *p = folder->names->str;
      const char *end = p + folder->names->len;
      g_autofree char *folder_path = batch_file_path (self, folder, NULL);

      for (; p < end; p += strlen (p) + 1)
        {
          g_autofree char *path = batch_file_path (self, folder, p + 1);

          if (!(folder->fd >= 0 ? spanmark_file_fsync_at (folder->fd, p + 1, path, error)
                                : spanmark_file_fsync_at (AT_FDCWD, path, path, error)))
            return FALSE;
        }
      if (folder->names->len == 0)
        continue;
      /* The renames are in the folder. */
      if (!(folder->fd >= 0 ? spanmark_file_fsync_at (folder->fd, ".", folder_path, error)
                            : spanmark_file_fsync_at (AT_FDCWD, folder_path, folder_path, error)))
        return FALSE;
      /* A folder the batch made (a new annotator's) is an entry in its
       * parent: without that, the files in it may be lost with it. */
      if (folder->made)
        {
          g_autofree char *parent_path = g_path_get_dirname (folder_path);

          if (!(folder->fd >= 0 ? spanmark_file_fsync_at (folder->fd, "..", parent_path, error)
                                : spanmark_file_fsync_at (AT_FDCWD, parent_path, parent_path, error)))
            return FALSE;
        }
    }
  return TRUE;
}

/* Removes the files and folders the batch made, last made first: a
 * folder is empty once its files are gone. */
static void
batch_undo (SpanmarkProject *self)
{
  for (guint i = self->batch_folder_list->len; i > 0; i--)
    {
      BatchFolder *folder = g_ptr_array_index (self->batch_folder_list, i - 1);
      const char *p = folder->names->str;
      const char *end = p + folder->names->len;

      for (; p < end; p += strlen (p) + 1)
        {
          if (p[0] != '+')
            continue;
          if (folder->fd >= 0)
            unlinkat (folder->fd, p + 1, 0);
          else
            {
              g_autofree char *path = batch_file_path (self, folder, p + 1);

              g_remove (path);
            }
        }
      if (folder->made)
        {
          g_autofree char *path = batch_file_path (self, folder, NULL);

          g_rmdir (path);
        }
    }
}

/* The streamed batch's spanmark.json: the head as the project is now, the
 * entries streamed, the tail, in a temporary file renamed over it. */
static gboolean
commit_streamed_index (SpanmarkProject  *self,
                       GError          **error)
{
  g_autoptr(GFile) file = g_file_get_child (self->dir, INDEX_FILE);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GString) part = g_string_new (NULL);
  SpanmarkFileStream *index;

  index = spanmark_file_stream_new (AT_FDCWD, path, path, error);
  if (index == NULL)
    return FALSE;

  spanmark_json_append_index_head (part, self->name, self->schema);
  if (!spanmark_file_stream_append (index, part->str, part->len, error) ||
      !spanmark_file_stream_append_stream (index, self->index_entries, error))
    {
      spanmark_file_stream_abort (index);
      return FALSE;
    }
  g_string_truncate (part, 0);
  spanmark_json_append_index_tail (part, self->n_streamed);
  if (!spanmark_file_stream_append (index, part->str, part->len, error))
    {
      spanmark_file_stream_abort (index);
      return FALSE;
    }
  return spanmark_file_stream_commit (index, error);
}

gboolean
_spanmark_project_end_batch (SpanmarkProject  *self,
                             gboolean          commit,
                             GError          **error)
{
  gboolean streamed;
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (SPANMARK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->batch, FALSE);

  streamed = self->index_entries != NULL;
  /* Every file written (or the first that could not be), then synced;
   * should the sync fail, the files may not be on disk: undo too.  Only
   * then the streamed index, which names them. */
  if (self->batch_writer != NULL)
    ok = spanmark_file_writer_finish (g_steal_pointer (&self->batch_writer), commit ? error : NULL);
  if (commit && ok)
    ok = batch_sync (self, error);
  if (commit && ok && streamed)
    ok = commit_streamed_index (self, error);
  g_clear_pointer (&self->index_entries, spanmark_file_stream_abort);
  self->batch = FALSE;

  if (!commit || !ok)
    {
      batch_undo (self);

      /* Out of the list in one change, which the window's list follows. */
      n = spanmark_project_get_n_documents (self);
      for (guint i = self->batch_first; i < n; i++)
        unindex_document (self, spanmark_project_get_document (self, i));
      g_list_store_splice (self->documents, self->batch_first, n - self->batch_first, NULL, 0);
    }
  else if (streamed)
    self->index_streamed = TRUE;

  g_clear_pointer (&self->batch_folders, g_hash_table_unref);
  g_clear_pointer (&self->batch_folder_list, g_ptr_array_unref);
  return ok;
}
