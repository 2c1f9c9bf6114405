/* spanmark-sync.c — team sync of a project folder through git
 *
 * Copyright 2026 The Spanmark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "spanmark-file.h"
#include "spanmark-project.h"
#include "spanmark-sync-merge.h"
#include "spanmark-sync.h"

/* A push the remote did not take is fetched, merged and pushed again,
 * this many times in all. */
#define MAX_ATTEMPTS 3
/* In the repository's git folder, never in the project: when the last
 * sync pushed (ISO 8601). */
#define LAST_SYNC_FILE "spanmark-last-sync"
/* In the git folder too: held (flock) while a sync runs, by whichever
 * process; the kernel lets go of it when that process dies. */
#define SYNC_LOCK_FILE "spanmark-sync.lock"
#define DEFAULT_BRANCH "main"
#define CURATED "_curated"
#define INDEX_FILE "spanmark.json"
#define ANNOTATIONS_DIR "annotations"

struct _SpanmarkSync
{
  GObject                      parent_instance;

  GFile                       *dir;
  char                        *annotator;
  gboolean                     reviewer;
  SpanmarkSyncCredentialsFunc  credentials_func;
  gpointer                     credentials_data;
  GDestroyNotify               credentials_destroy;
  /* One operation at a time: a libgit2 repository belongs to one thread. */
  GMutex                       lock;
};

G_DEFINE_FINAL_TYPE (SpanmarkSync, spanmark_sync, G_TYPE_OBJECT)

G_DEFINE_QUARK (spanmark-sync-error-quark, spanmark_sync_error)

/* One operation's repository and what it works out. */
typedef struct
{
  SpanmarkSync   *sync;
  GgitRepository *repository;
  char           *branch;      /* "main" */
  char           *local_ref;   /* "refs/heads/main" */
  char           *remote_ref;  /* "refs/remotes/origin/main" */
  int             lock_fd;     /* SYNC_LOCK_FILE, or -1 */
} Op;

static void
op_clear (Op *op)
{
  g_clear_object (&op->repository);
  g_clear_pointer (&op->branch, g_free);
  g_clear_pointer (&op->local_ref, g_free);
  g_clear_pointer (&op->remote_ref, g_free);
  if (op->lock_fd >= 0)
    close (op->lock_fd);
  op->lock_fd = -1;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Op, op_clear)

static void
spanmark_sync_finalize (GObject *object)
{
  SpanmarkSync *self = SPANMARK_SYNC (object);

  if (self->credentials_destroy != NULL)
    self->credentials_destroy (self->credentials_data);
  g_clear_object (&self->dir);
  g_clear_pointer (&self->annotator, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (spanmark_sync_parent_class)->finalize (object);
}

static void
spanmark_sync_class_init (SpanmarkSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = spanmark_sync_finalize;
}

/* libgit2 is set up at the first operation that needs it, not with the
 * first SpanmarkSync: the window makes one for every project it opens,
 * and setting up libgit2 (OpenSSL with it) costs about 2.5 MiB resident
 * that a project outside git never needs.  ggit_init() itself is not
 * safe to call from two threads at once. */
static void
ensure_git (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      ggit_init ();
      g_once_init_leave (&done, 1);
    }
}

/* Whether @dir has an entry ".git" (folder, file or link), without which
 * no repository has @dir itself as its work tree, which is what
 * op_open() asks for (a repository found above @dir is not taken). */
static gboolean
has_git_entry (GFile *dir)
{
  g_autoptr(GFile) git = g_file_get_child (dir, ".git");

  return g_file_query_file_type (git, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) != G_FILE_TYPE_UNKNOWN;
}

static void
spanmark_sync_init (SpanmarkSync *self)
{
  g_mutex_init (&self->lock);
}

SpanmarkSync *
spanmark_sync_new (GFile      *dir,
                   const char *annotator,
                   gboolean    reviewer)
{
  SpanmarkSync *self;

  g_return_val_if_fail (G_IS_FILE (dir), NULL);
  g_return_val_if_fail (annotator != NULL, NULL);

  self = g_object_new (SPANMARK_TYPE_SYNC, NULL);
  self->dir = g_object_ref (dir);
  self->annotator = g_strdup (annotator);
  self->reviewer = reviewer;
  return self;
}

void
spanmark_sync_set_credentials_func (SpanmarkSync                *self,
                                    SpanmarkSyncCredentialsFunc  func,
                                    gpointer                     user_data,
                                    GDestroyNotify               destroy)
{
  g_return_if_fail (SPANMARK_IS_SYNC (self));

  if (self->credentials_destroy != NULL)
    self->credentials_destroy (self->credentials_data);
  self->credentials_func = func;
  self->credentials_data = user_data;
  self->credentials_destroy = destroy;
}

GFile *
spanmark_sync_get_dir (SpanmarkSync *self)
{
  g_return_val_if_fail (SPANMARK_IS_SYNC (self), NULL);

  return self->dir;
}

const char *
spanmark_sync_get_annotator (SpanmarkSync *self)
{
  g_return_val_if_fail (SPANMARK_IS_SYNC (self), NULL);

  return self->annotator;
}

/* Opening */

static char *
display_dir (SpanmarkSync *self)
{
  return g_file_get_parse_name (self->dir);
}

/* Opens the repository whose working folder is exactly the project's
 * (a project inside someone's bigger repository is not synced: its
 * commits would be theirs). */
static gboolean
op_open (Op            *op,
         SpanmarkSync  *self,
         GError       **error)
{
  g_autoptr(GgitRepository) repository = NULL;
  g_autoptr(GFile) workdir = NULL;
  g_autoptr(GgitRef) head = NULL;
  g_autofree char *display = display_dir (self);

  op->sync = self;
  if (has_git_entry (self->dir))
    {
      ensure_git ();
      repository = ggit_repository_open (self->dir, NULL);
    }
  if (repository != NULL)
    workdir = ggit_repository_get_workdir (repository);
  if (workdir == NULL || !g_file_equal (workdir, self->dir))
    {
      g_set_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_NOT_REPOSITORY,
                   _("%s: not shared with a team yet (not a git repository); share it first"), display);
      return FALSE;
    }

  head = ggit_repository_get_head (repository, NULL);
  if (head != NULL && ggit_ref_get_shorthand (head) != NULL && !ggit_repository_is_head_detached (repository, NULL))
    op->branch = g_strdup (ggit_ref_get_shorthand (head));
  else
    {
      /* An unborn branch: HEAD names it without a reference behind it.
       * (Read from the file: libgit2-glib 1.1's reference lookups leak
       * the reference.) */
      g_autoptr(GFile) git_dir = ggit_repository_get_location (repository);
      g_autoptr(GFile) file = g_file_get_child (git_dir, "HEAD");
      g_autofree char *data = NULL;
      const char *prefix = "ref: refs/heads/";

      if (g_file_load_contents (file, NULL, &data, NULL, NULL, NULL) && g_str_has_prefix (data, prefix))
        op->branch = g_strstrip (g_strdup (data + strlen (prefix)));
      else
        op->branch = g_strdup (DEFAULT_BRANCH);
    }
  op->local_ref = g_strconcat ("refs/heads/", op->branch, NULL);
  op->remote_ref = g_strconcat ("refs/remotes/" SPANMARK_SYNC_REMOTE "/", op->branch, NULL);
  op->repository = g_steal_pointer (&repository);
  return TRUE;
}

static GgitRemote *
op_lookup_remote (Op      *op,
                  GError **error)
{
  GgitRemote *remote = ggit_repository_lookup_remote (op->repository, SPANMARK_SYNC_REMOTE, NULL);

  if (remote == NULL)
    {
      g_autofree char *display = display_dir (op->sync);

      g_set_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_NO_REMOTE,
                   _("%s: no remote to sync with (set one with “Share with a team…”)"), display);
    }
  return remote;
}

/* The commit @name points to, or NULL when there is none. */
static GgitCommit *
op_lookup_commit (Op         *op,
                  const char *name)
{
  g_autoptr(GgitObject) object = ggit_repository_revparse (op->repository, name, NULL);

  /* revparse, not a reference lookup: libgit2-glib 1.1 leaks those. */
  return object != NULL && GGIT_IS_COMMIT (object) ? GGIT_COMMIT (g_steal_pointer (&object)) : NULL;
}

/* Which files are the annotator's */

/* The folders this annotator syncs: "annotations/alice/" (and
 * "annotations/_curated/"). */
static GPtrArray *
own_folders (SpanmarkSync *self)
{
  GPtrArray *folders = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (folders, g_strconcat (ANNOTATIONS_DIR "/", self->annotator, "/", NULL));
  if (self->reviewer && !g_str_equal (self->annotator, CURATED))
    g_ptr_array_add (folders, g_strdup (ANNOTATIONS_DIR "/" CURATED "/"));
  return folders;
}

/* Adds the relative paths of the regular "*.json" files of @folder (a
 * temporary file of an atomic write never ends in .json). */
static void
list_json_files (GFile      *dir,
                 const char *folder,
                 GPtrArray  *paths)
{
  g_autoptr(GFile) child = g_file_resolve_relative_path (dir, folder);
  g_autoptr(GFileEnumerator) files = NULL;
  GFileInfo *info;

  files = g_file_enumerate_children (child, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                     G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (files != NULL && (info = g_file_enumerator_next_file (files, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, ".json")
          && name[0] != '.')
        g_ptr_array_add (paths, g_strconcat (folder, name, NULL));
      g_object_unref (info);
    }
}

static GPtrArray *
own_files (SpanmarkSync *self)
{
  g_autoptr(GPtrArray) folders = own_folders (self);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < folders->len; i++)
    list_json_files (self->dir, g_ptr_array_index (folders, i), paths);
  return paths;
}

/* Whether the file @path differs from its version in @tree (NULL: no
 * version anywhere). */
static gboolean
differs_from_tree (Op         *op,
                   GgitTree   *tree,
                   const char *path)
{
  g_autoptr(GgitTreeEntry) entry = NULL;
  g_autoptr(GgitOId) id = NULL;
  g_autoptr(GgitBlob) blob = NULL;
  g_autofree char *data = NULL;
  const guchar *content;
  gsize length = 0, content_length = 0;

  if (tree == NULL || (entry = ggit_tree_get_by_path (tree, path, NULL)) == NULL)
    return TRUE;
  id = ggit_tree_entry_get_id (entry);
  blob = ggit_repository_lookup_blob (op->repository, id, NULL);
  if (blob == NULL
      || !spanmark_file_read_in_project (op->sync->dir, path, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                         &data, &length, NULL))
    return TRUE;
  content = ggit_blob_get_raw_content (blob, &content_length);
  return length != content_length || memcmp (data, content, length) != 0;
}

static GgitTree *
commit_tree (GgitCommit *commit)
{
  return commit != NULL ? ggit_commit_get_tree (commit) : NULL;
}

/* Status */

static GDateTime *
read_last_sync (Op *op)
{
  g_autoptr(GFile) git_dir = ggit_repository_get_location (op->repository);
  g_autoptr(GFile) file = g_file_get_child (git_dir, LAST_SYNC_FILE);
  g_autofree char *data = NULL;

  if (!g_file_load_contents (file, NULL, &data, NULL, NULL, NULL))
    return NULL;
  g_strstrip (data);
  return g_date_time_new_from_iso8601 (data, NULL);
}

static void
write_last_sync (Op *op)
{
  g_autoptr(GFile) git_dir = ggit_repository_get_location (op->repository);
  g_autoptr(GFile) file = g_file_get_child (git_dir, LAST_SYNC_FILE);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autofree char *line = g_strconcat (stamp, "\n", NULL);

  /* Only the status line reads it: a failure costs nothing but that. */
  spanmark_file_write_atomic (g_file_peek_path (file), line, strlen (line), FALSE, NULL);
}

SpanmarkSyncStatus *
spanmark_sync_get_status (SpanmarkSync *self)
{
  g_autoptr(SpanmarkSyncStatus) status = spanmark_sync_status_new ();
  g_autoptr(GMutexLocker) locker = NULL;
  g_auto(Op) op = { .lock_fd = -1 };
  g_autoptr(GgitRemote) remote = NULL;
  g_autoptr(GgitCommit) commit = NULL;
  g_autoptr(GgitTree) tree = NULL;
  g_autoptr(GPtrArray) files = NULL;

  g_return_val_if_fail (SPANMARK_IS_SYNC (self), NULL);

  locker = g_mutex_locker_new (&self->lock);
  status->state = SPANMARK_SYNC_STATE_NOT_REPOSITORY;
  if (!op_open (&op, self, NULL))
    return g_steal_pointer (&status);

  status->branch = g_strdup (op.branch);
  remote = ggit_repository_lookup_remote (op.repository, SPANMARK_SYNC_REMOTE, NULL);
  status->state = remote != NULL ? SPANMARK_SYNC_STATE_READY : SPANMARK_SYNC_STATE_NO_REMOTE;
  if (remote != NULL)
    status->remote_url = g_strdup (ggit_remote_get_url (remote));
  status->last_sync = read_last_sync (&op);

  /* Unsynced = not what the remote had at the last fetch, committed or not. */
  commit = op_lookup_commit (&op, op.remote_ref);
  tree = commit_tree (commit);
  files = own_files (self);
  for (guint i = 0; i < files->len; i++)
    if (differs_from_tree (&op, tree, g_ptr_array_index (files, i)))
      status->n_unsynced++;

  return g_steal_pointer (&status);
}

/* Committing */

static GgitSignature *
op_signature (Op      *op,
              GError **error)
{
  g_autoptr(GgitConfig) config = ggit_repository_get_config (op->repository, NULL);
  g_autoptr(GgitConfig) snapshot = config != NULL ? ggit_config_snapshot (config, NULL) : NULL;
  const char *email = snapshot != NULL ? ggit_config_get_string (snapshot, "user.email", NULL) : NULL;
  g_autofree char *fallback = g_strconcat (op->sync->annotator, "@spanmark.invalid", NULL);

  /* The annotator's name says whose work a commit is, whoever's machine
   * it is; git's own e-mail when there is one. */
  return ggit_signature_new_now (op->sync->annotator, email != NULL && *email != '\0' ? email : fallback, error);
}

/* "alice: 3 documents annotated, 1 done" */
static char *
default_message (SpanmarkSync *self,
                 guint         n_annotated,
                 guint         n_done)
{
  g_autofree char *annotated = NULL;

  if (n_annotated == 0)
    /* TRANSLATORS: a commit message of an import's index and texts alone */
    return g_strdup_printf (_("%s: documents added to the project"), self->annotator);

  annotated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document annotated",
                                            "%u documents annotated", n_annotated),
                               n_annotated);
  /* TRANSLATORS: a commit message: annotator, "3 documents annotated", number done */
  return g_strdup_printf (_("%s: %s, %u done"), self->annotator, annotated, n_done);
}

/* Adds the index and the texts it lists, when spanmark.json opens: an
 * import's new documents travel with the annotator who made it, and an
 * index that does not open is never pushed to the team. */
static void
add_shared_files (SpanmarkSync *self,
                  GPtrArray    *paths)
{
  g_autoptr(SpanmarkProject) project = spanmark_project_open (self->dir, NULL);

  if (project == NULL)
    return;

  g_ptr_array_add (paths, g_strdup (INDEX_FILE));
  for (guint i = 0; i < spanmark_project_get_n_documents (project); i++)
    {
      SpanmarkDocument *document = spanmark_project_get_document (project, i);
      const char *path = spanmark_document_get_path (document);
      g_autoptr(GFile) file = NULL;

      if (spanmark_document_get_problem (document) != NULL || path == NULL)
        continue;
      file = g_file_resolve_relative_path (self->dir, path);
      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_REGULAR
          && spanmark_file_check_inside (self->dir, path))
        g_ptr_array_add (paths, g_strdup (path));
    }
}

/* Every annotator's folder, for the first commit of a shared project. */
static void
add_all_annotations (SpanmarkSync *self,
                     GPtrArray    *paths)
{
  g_autoptr(GFile) annotations = g_file_get_child (self->dir, ANNOTATIONS_DIR);
  g_autoptr(GFileEnumerator) folders = NULL;
  GFileInfo *info;

  folders = g_file_enumerate_children (annotations, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                       G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (folders != NULL && (info = g_file_enumerator_next_file (folders, NULL, NULL)) != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY && g_file_info_get_name (info)[0] != '.')
        {
          g_autofree char *folder = g_strconcat (ANNOTATIONS_DIR "/",
                                                 g_file_info_get_name (info), "/", NULL);

          list_json_files (self->dir, folder, paths);
        }
      g_object_unref (info);
    }
}

/* Counts the annotator's files that differ from @tree, and those done. */
static void
count_own_changes (Op       *op,
                   GgitTree *tree,
                   guint    *n_annotated,
                   guint    *n_done)
{
  g_autoptr(SpanmarkProject) project = spanmark_project_open (op->sync->dir, NULL);
  g_autoptr(GPtrArray) files = own_files (op->sync);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *annotator = g_path_get_basename (folder);
      SpanmarkDocument *document;
      SpanmarkStatus status;

      if (!differs_from_tree (op, tree, path))
        continue;
      (*n_annotated)++;
      base[strlen (base) - strlen (".json")] = '\0';
      document = project != NULL ? spanmark_project_lookup_document (project, base) : NULL;
      status = document != NULL ? spanmark_project_peek_status (project, document, annotator) : SPANMARK_STATUS_NEW;
      if (status == SPANMARK_STATUS_DONE || status == SPANMARK_STATUS_REVIEWED)
        (*n_done)++;
    }
}

/* Stages the file @path (relative): its stat data first, so a write in
 * between looks changed to git and is hashed again.  (Not
 * ggit_index_add_path(), which leaks in libgit2-glib 1.1.) */
static gboolean
op_stage (Op          *op,
          GgitIndex   *index,
          const char  *path,
          GError     **error)
{
  g_autoptr(GFile) file = g_file_resolve_relative_path (op->sync->dir, path);
  g_autoptr(GgitIndexEntry) entry = ggit_repository_create_index_entry_for_file (op->repository, file, NULL, error);
  g_autoptr(GgitOId) id = NULL;

  if (entry == NULL || (id = ggit_repository_create_blob_from_file (op->repository, file, error)) == NULL)
    return FALSE;
  ggit_index_entry_set_id (entry, id);
  return ggit_index_add (index, entry, error);
}

/* Stages @paths (and the removal of the annotator's files that are
 * gone) and commits if anything changed; @report counts the documents. */
static gboolean
op_commit (Op                  *op,
           GPtrArray           *paths,
           const char          *message,
           SpanmarkSyncReport  *report,
           GError             **error)
{
  g_autoptr(GgitIndex) index = NULL;
  g_autoptr(GgitIndexEntries) entries = NULL;
  g_autoptr(GgitCommit) head = op_lookup_commit (op, op->local_ref);
  g_autoptr(GgitTree) head_tree = commit_tree (head);
  g_autoptr(GgitOId) tree_id = NULL;
  g_autoptr(GgitOId) head_tree_id = NULL;
  g_autoptr(GgitOId) commit_id = NULL;
  g_autoptr(GgitSignature) signature = NULL;
  g_autoptr(GPtrArray) folders = own_folders (op->sync);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;

  count_own_changes (op, head_tree, &report->n_committed, &report->n_done);

  index = ggit_repository_get_index (op->repository, error);
  if (index == NULL || !ggit_index_read (index, FALSE, error))
    return FALSE;

  for (guint i = 0; i < paths->len; i++)
    if (!op_stage (op, index, g_ptr_array_index (paths, i), error))
      return FALSE;

  /* A file the annotator deleted (only theirs) leaves the commit too. */
  entries = ggit_index_get_entries (index);
  for (guint i = 0; entries != NULL && i < ggit_index_entries_size (entries); i++)
    {
      g_autoptr(GgitIndexEntry) entry = ggit_index_entries_get_by_index (entries, i);
      const char *path = ggit_index_entry_get_path (entry);

      for (guint j = 0; j < folders->len; j++)
        if (g_str_has_prefix (path, g_ptr_array_index (folders, j)))
          {
            g_autoptr(GFile) file = g_file_resolve_relative_path (op->sync->dir, path);

            if (!g_file_query_exists (file, NULL))
              g_ptr_array_add (gone, g_steal_pointer (&file));
          }
    }
  for (guint i = 0; i < gone->len; i++)
    if (!ggit_index_remove (index, g_ptr_array_index (gone, i), 0, error))
      return FALSE;

  /* The index file is replaced through a lock file: atomic. */
  if (!ggit_index_write (index, error) || (tree_id = ggit_index_write_tree (index, error)) == NULL)
    return FALSE;

  head_tree_id = head != NULL ? ggit_commit_get_tree_id (head) : NULL;
  if (head_tree_id != NULL && ggit_oid_equal (tree_id, head_tree_id))
    {
      report->n_committed = report->n_done = 0;
      return TRUE;
    }

  signature = op_signature (op, error);
  if (signature == NULL)
    return FALSE;
  if (message == NULL || *message == '\0')
    message = text = default_message (op->sync, report->n_committed, report->n_done);

  {
    g_autoptr(GgitOId) parent = head != NULL ? ggit_object_get_id (GGIT_OBJECT (head)) : NULL;
    GgitOId *parents[] = { parent };

    commit_id = ggit_repository_create_commit_from_ids (op->repository, "HEAD", signature, signature, NULL,
                                                        message, tree_id, parents, head != NULL ? 1 : 0, error);
  }
  return commit_id != NULL;
}

/* Talking to the remote */

/* Turns a failure to talk to the remote into OFFLINE, AUTH or HOST_KEY,
 * keeping libgit2's words. */
static void
set_remote_error (Op                     *op,
                  GgitRemote             *remote,
                  SpanmarkSyncCallbacks  *callbacks,
                  GError                 *cause,
                  GError                **error)
{
  spanmark_sync_callbacks_describe_failure (callbacks, ggit_remote_get_url (remote), cause, error);
}

static SpanmarkSyncCallbacks *
op_callbacks (Op *op)
{
  return spanmark_sync_callbacks_new (op->sync->credentials_func, op->sync->credentials_data);
}

static gboolean
op_fetch (Op          *op,
          GgitRemote  *remote,
          GError     **error)
{
  g_autoptr(SpanmarkSyncCallbacks) callbacks = op_callbacks (op);
  g_autoptr(GError) local_error = NULL;
  GgitFetchOptions *options;
  gboolean ok;

  ggit_remote_connect (remote, GGIT_DIRECTION_FETCH, GGIT_REMOTE_CALLBACKS (callbacks), NULL, NULL, &local_error);
  if (local_error != NULL)
    {
      set_remote_error (op, remote, callbacks, local_error, error);
      return FALSE;
    }

  options = ggit_fetch_options_new ();
  ggit_fetch_options_set_remote_callbacks (options, GGIT_REMOTE_CALLBACKS (callbacks));
  ggit_fetch_options_set_download_tags (options, GGIT_REMOTE_DOWNLOAD_TAGS_NONE);
  ok = ggit_remote_download (remote, NULL, options, &local_error)
       && ggit_remote_update_tips (remote, GGIT_REMOTE_CALLBACKS (callbacks), TRUE,
                                   GGIT_REMOTE_DOWNLOAD_TAGS_NONE, "spanmark: fetch", &local_error);
  ggit_fetch_options_free (options);
  ggit_remote_disconnect (remote);
  if (!ok)
    set_remote_error (op, remote, callbacks, local_error, error);
  return ok;
}

/* What the folder holds at a path the sync changes, read once. */
typedef struct
{
  char     *data;     /* NULL: no regular file to compare */
  gsize     length;
  gboolean  present;  /* something is there (a file, a FIFO, a link) */
} WorkFile;

static void
work_file_clear (WorkFile *work)
{
  g_clear_pointer (&work->data, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WorkFile, work_file_clear)

/* Reads @relative by the project's rules (a FIFO never blocks, a link
 * out of the project is never followed).  A FIFO, a device or a link
 * leading nowhere is present but has no content: it holds neither
 * version and there is nothing of it to keep.  Any other failure (a link
 * out of the project, a file too large or not readable) stops the sync
 * in the first pass, before anything is written, so nothing is lost. */
static gboolean
op_read_work_file (Op          *op,
                   const char  *relative,
                   WorkFile    *work,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  spanmark_file_step ("sync-read", relative);
  if (spanmark_file_read_in_project (op->sync->dir, relative, SPANMARK_FILE_MAX_SIZE, SPANMARK_FILE_READ_NONE,
                                     &work->data, &work->length, &local_error))
    {
      work->present = TRUE;
      return TRUE;
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    {
      work->present = TRUE;
      return TRUE;
    }
  g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", relative,
               spanmark_file_describe_error (local_error));
  return FALSE;
}

/* Whether @work holds @blob's content (@blob NULL: nothing is there). */
static gboolean
work_file_holds (const WorkFile *work,
                 GgitBlob       *blob)
{
  const guchar *content;
  gsize blob_length = 0;

  if (blob == NULL)
    return !work->present;
  if (work->data == NULL)
    return FALSE;
  content = ggit_blob_get_raw_content (blob, &blob_length);
  return work->length == blob_length && (blob_length == 0 || memcmp (work->data, content, blob_length) == 0);
}

static GgitBlob *
op_lookup_blob (Op           *op,
                GgitDiffFile *file,
                gboolean      present)
{
  GgitOId *id = present ? ggit_diff_file_get_oid (file) : NULL;

  return id != NULL ? ggit_repository_lookup_blob (op->repository, id, NULL) : NULL;
}

/* Whether the repository has a blob with @data: git's id of a blob is the
 * SHA-1 of "blob LENGTH\0" and the content. */
static gboolean
op_has_content (Op         *op,
                const char *data,
                gsize       length)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree char *header = g_strdup_printf ("blob %" G_GSIZE_FORMAT, length);
  g_autoptr(GgitOId) id = NULL;
  g_autoptr(GgitBlob) blob = NULL;
  guint8 digest[20];
  gsize digest_length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) header, strlen (header) + 1);
  g_checksum_update (checksum, (const guchar *) data, length);
  g_checksum_get_digest (checksum, digest, &digest_length);
  id = ggit_oid_new_from_raw (digest);
  blob = ggit_repository_lookup_blob (op->repository, id, NULL);

  return blob != NULL;
}

/* Pass one for one changed file: reads it once, keeps what it holds
 * under conflicts/ when it holds neither version and git has no copy of
 * it, and says whether it must be replaced. */
static gboolean
op_prepare_file (Op             *op,
                 GgitDiffDelta  *delta,
                 gboolean       *replace,
                 GError        **error)
{
  GgitDeltaType type = ggit_diff_delta_get_status (delta);
  GgitDiffFile *new_file = ggit_diff_delta_get_new_file (delta);
  const char *relative = ggit_diff_file_get_path (new_file);
  g_autoptr(GgitBlob) old_blob = op_lookup_blob (op, ggit_diff_delta_get_old_file (delta), type != GGIT_DELTA_ADDED);
  g_autoptr(GgitBlob) new_blob = op_lookup_blob (op, new_file, type != GGIT_DELTA_DELETED);
  g_auto(WorkFile) work = { NULL, 0, FALSE };

  if (!op_read_work_file (op, relative, &work, error))
    return FALSE;
  *replace = !work_file_holds (&work, new_blob);
  if (*replace && !work_file_holds (&work, old_blob) && work.data != NULL &&
      !op_has_content (op, work.data, work.length))
    return spanmark_sync_keep_beside (op->sync->dir, relative, work.data, work.length, NULL, error);
  return TRUE;
}

/* Pass two for one changed file: puts the version @delta brings in
 * place, written whole, or removes the file. */
static gboolean
op_replace_file (Op             *op,
                 GgitDiffDelta  *delta,
                 const char     *workdir,
                 GError        **error)
{
  GgitDiffFile *new_file = ggit_diff_delta_get_new_file (delta);
  g_autoptr(GgitBlob) new_blob = op_lookup_blob (op, new_file, ggit_diff_delta_get_status (delta) != GGIT_DELTA_DELETED);
  g_autofree char *path = g_build_filename (workdir, ggit_diff_file_get_path (new_file), NULL);
  g_autofree char *parent = NULL;
  const guchar *content;
  gsize length = 0;

  if (new_blob == NULL)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "%s: %s", path, g_strerror (saved));
          return FALSE;
        }
      return TRUE;
    }
  parent = g_path_get_dirname (path);
  g_mkdir_with_parents (parent, 0777);
  content = ggit_blob_get_raw_content (new_blob, &length);
  return spanmark_file_write_atomic (path, (const char *) content, length, FALSE, error);
}

/* Puts the files that differ between @from (NULL: nothing) and @to into
 * the folder.  Not libgit2's checkout, which writes each file in place
 * (truncated, then written): a kill in the middle left an empty
 * annotation file.  Here each is written whole through a temporary file
 * and a rename.  A file that holds neither version (a change not
 * committed, or what a killed move left) is kept under conflicts/ first,
 * unless git has that content already.  Every file is read once, in the
 * first pass, which keeps all such copies before the second pass writes
 * anything. */
static gboolean
op_write_tree (Op        *op,
               GgitTree  *from,
               GgitTree  *to,
               GError   **error)
{
  g_autoptr(GgitDiff) diff = ggit_diff_new_tree_to_tree (op->repository, from, to, NULL, error);
  g_autoptr(GFile) workdir = ggit_repository_get_workdir (op->repository);
  g_autofree gboolean *replace = NULL;
  gsize n;

  if (diff == NULL)
    return FALSE;
  n = ggit_diff_get_num_deltas (diff);
  replace = g_new0 (gboolean, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GgitDiffDelta) delta = ggit_diff_get_delta (diff, i);

      if (!op_prepare_file (op, delta, &replace[i], error))
        return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GgitDiffDelta) delta = ggit_diff_get_delta (diff, i);

      if (replace[i] && !op_replace_file (op, delta, g_file_peek_path (workdir), error))
        return FALSE;
    }

  return TRUE;
}

/* Moves the folder, then the branch, to @commit (see the header's crash
 * safety).  A mixed reset then moves the branch HEAD names and the index
 * (making an unborn branch too, and, unlike libgit2-glib 1.1's reference
 * calls, without leaking). */
static gboolean
op_move_to (Op          *op,
            GgitCommit  *commit,
            GError     **error)
{
  g_autoptr(GgitCommit) head = op_lookup_commit (op, op->local_ref);
  g_autoptr(GgitTree) from = head != NULL ? ggit_commit_get_tree (head) : NULL;
  g_autoptr(GgitTree) tree = ggit_commit_get_tree (commit);
  GError *local_error = NULL;

  if (!op_write_tree (op, from, tree, error))
    return FALSE;

  ggit_repository_reset (op->repository, GGIT_OBJECT (commit), GGIT_RESET_MIXED, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* Brings the remote's branch into the local one. */
static gboolean
op_integrate (Op                  *op,
              SpanmarkSyncReport  *report,
              GError             **error)
{
  g_autoptr(GgitCommit) ours = op_lookup_commit (op, op->local_ref);
  g_autoptr(GgitCommit) theirs = op_lookup_commit (op, op->remote_ref);
  g_autoptr(GgitOId) our_id = NULL;
  g_autoptr(GgitOId) their_id = NULL;
  g_autoptr(GgitOId) base_id = NULL;
  g_autoptr(GgitCommit) base = NULL;
  g_autoptr(GgitTree) base_tree = NULL;
  g_autoptr(GgitTree) our_tree = NULL;
  g_autoptr(GgitTree) their_tree = NULL;
  g_autoptr(GgitOId) tree_id = NULL;
  g_autoptr(GgitOId) merge_id = NULL;
  g_autoptr(GgitCommit) merge = NULL;
  g_autoptr(GgitSignature) signature = NULL;
  g_autoptr(GgitTree) result_tree = NULL;
  g_autofree char *message = NULL;

  if (theirs == NULL)
    return TRUE;
  their_tree = ggit_commit_get_tree (theirs);
  their_id = ggit_object_get_id (GGIT_OBJECT (theirs));
  if (ours == NULL)
    {
      if (!spanmark_sync_diff_trees (NULL, their_tree, report->changed, error))
        return FALSE;
      return op_move_to (op, theirs, error);
    }

  our_id = ggit_object_get_id (GGIT_OBJECT (ours));
  our_tree = ggit_commit_get_tree (ours);
  if (ggit_oid_equal (our_id, their_id) || ggit_repository_get_descendant_of (op->repository, our_id, their_id, NULL))
    return TRUE;

  if (ggit_repository_get_descendant_of (op->repository, their_id, our_id, NULL))
    {
      if (!spanmark_sync_diff_trees (our_tree, their_tree, report->changed, error))
        return FALSE;
      return op_move_to (op, theirs, error);
    }

  /* Diverged: merge whole files in the object database. */
  base_id = ggit_repository_merge_base (op->repository, our_id, their_id, NULL);
  base = base_id != NULL ? ggit_repository_lookup_commit (op->repository, base_id, NULL) : NULL;
  base_tree = commit_tree (base);
  tree_id = spanmark_sync_merge_trees (op->repository, op->sync->dir, base_tree, our_tree, their_tree,
                                       report, error);
  if (tree_id == NULL)
    return FALSE;

  signature = op_signature (op, error);
  if (signature == NULL)
    return FALSE;
  /* TRANSLATORS: a merge commit's message; %s is the annotator */
  message = g_strdup_printf (_("%s: merged the team's work"), op->sync->annotator);
  {
    GgitOId *parents[] = { our_id, their_id };

    merge_id = ggit_repository_create_commit_from_ids (op->repository, NULL, signature, signature, NULL,
                                                       message, tree_id, parents, 2, error);
  }
  if (merge_id == NULL || (merge = ggit_repository_lookup_commit (op->repository, merge_id, error)) == NULL)
    return FALSE;

  result_tree = ggit_commit_get_tree (merge);
  if (!spanmark_sync_diff_trees (our_tree, result_tree, report->changed, error))
    return FALSE;
  return op_move_to (op, merge, error);
}

/* Whether the remote's branch is now the local one: servers can refuse
 * a push (a protected branch, a hook) and libgit2 still reports success
 * (libgit2 #3963), so the remote is asked. */
static gboolean
op_check_pushed (Op          *op,
                 GgitRemote  *remote,
                 GError     **error)
{
  g_autoptr(SpanmarkSyncCallbacks) callbacks = op_callbacks (op);
  g_autoptr(GgitCommit) ours = op_lookup_commit (op, op->local_ref);
  g_autoptr(GgitOId) our_id = ggit_object_get_id (GGIT_OBJECT (ours));
  g_autoptr(GError) local_error = NULL;
  GgitRemoteHead **heads;
  gboolean found = FALSE;

  ggit_remote_connect (remote, GGIT_DIRECTION_FETCH, GGIT_REMOTE_CALLBACKS (callbacks), NULL, NULL, &local_error);
  if (local_error != NULL)
    {
      set_remote_error (op, remote, callbacks, local_error, error);
      return FALSE;
    }
  heads = ggit_remote_list (remote, &local_error);
  for (guint i = 0; heads != NULL && heads[i] != NULL; i++)
    {
      if (g_str_equal (ggit_remote_head_get_name (heads[i]), op->local_ref))
        {
          GgitOId *id = ggit_remote_head_get_oid (heads[i]);

          found = id != NULL && ggit_oid_equal (id, our_id);
        }
      ggit_remote_head_unref (heads[i]);
    }
  g_free (heads);
  ggit_remote_disconnect (remote);

  if (!found)
    g_set_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_REJECTED,
                 _("%s: the remote did not take the changes (a protected branch or a server rule?); "
                   "your work is kept in this folder"), ggit_remote_get_url (remote));
  return found;
}

static gboolean
op_push (Op          *op,
         GgitRemote  *remote,
         GError     **error)
{
  g_autoptr(SpanmarkSyncCallbacks) callbacks = op_callbacks (op);
  g_autoptr(GgitPushOptions) options = ggit_push_options_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *spec = g_strconcat (op->local_ref, ":", op->local_ref, NULL);
  const char *specs[] = { spec, NULL };

  ggit_push_options_set_remote_callbacks (options, GGIT_REMOTE_CALLBACKS (callbacks));
  if (!ggit_remote_push (remote, specs, options, &local_error))
    {
      /* Refused (someone pushed first) or unreachable: the caller fetches
       * again, which tells the two apart. */
      g_set_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_REJECTED,
                   _("%s: the remote did not take the changes: %s"), ggit_remote_get_url (remote),
                   local_error->message);
      return FALSE;
    }
  return op_check_pushed (op, remote, error);
}

/* Fetch, merge and push, again when someone pushed in between. */
static gboolean
op_exchange (Op                  *op,
             GCancellable        *cancellable,
             SpanmarkSyncReport  *report,
             GError             **error)
{
  g_autoptr(GgitRemote) remote = op_lookup_remote (op, error);
  g_autoptr(GError) last_error = NULL;

  if (remote == NULL)
    return FALSE;

  for (guint attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
    {
      g_autoptr(GgitCommit) head = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_clear_error (&last_error);
      if (!op_fetch (op, remote, error) || !op_integrate (op, report, error))
        return FALSE;

      /* Nothing at all to push yet (a clone of an empty remote). */
      head = op_lookup_commit (op, op->local_ref);
      if (head == NULL || op_push (op, remote, &last_error))
        {
          report->pushed = head != NULL;
          write_last_sync (op);
          return TRUE;
        }
    }

  g_propagate_error (error, g_steal_pointer (&last_error));
  return FALSE;
}

/* Takes SYNC_LOCK_FILE.  Holding it means no other sync of this clone
 * runs, so the lock files libgit2 leaves when a sync is killed (git then
 * refuses to go on: "index.lock exists") are stale, and go. */
static gboolean
op_lock (Op      *op,
         GError **error)
{
  static const char * const stale[] = { "index.lock", "HEAD.lock", "config.lock", "packed-refs.lock" };
  g_autoptr(GFile) git_dir = ggit_repository_get_location (op->repository);
  g_autofree char *path = g_build_filename (g_file_peek_path (git_dir), SYNC_LOCK_FILE, NULL);
  const char *refs[2] = { op->local_ref, op->remote_ref };

  op->lock_fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (op->lock_fd < 0 || flock (op->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_autofree char *display = display_dir (op->sync);

      g_set_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_FAILED,
                   _("%s: another sync of this folder is under way; try again when it is done"), display);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *lock = g_build_filename (g_file_peek_path (git_dir), stale[i], NULL);

      g_unlink (lock);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    {
      g_autofree char *name = g_strconcat (refs[i], ".lock", NULL);
      g_autofree char *lock = g_build_filename (g_file_peek_path (git_dir), name, NULL);

      g_unlink (lock);
    }
  return TRUE;
}

/* Per annotator, the documents done, read off the statuses (on the
 * worker thread: every annotator's files are read). */
static void
count_progress (SpanmarkSync       *self,
                SpanmarkSyncReport *report)
{
  g_autoptr(SpanmarkProject) project = spanmark_project_open (self->dir, NULL);
  g_auto(GStrv) annotators = NULL;

  if (project == NULL)
    return;

  report->n_documents = spanmark_project_get_n_documents (project);
  annotators = spanmark_project_list_annotators (project);
  for (guint a = 0; annotators[a] != NULL; a++)
    {
      guint done = 0;

      for (guint i = 0; i < report->n_documents; i++)
        {
          SpanmarkStatus status = spanmark_project_peek_status (project, spanmark_project_get_document (project, i),
                                                                annotators[a]);

          done += status == SPANMARK_STATUS_DONE || status == SPANMARK_STATUS_REVIEWED;
        }
      g_hash_table_insert (report->done, g_strdup (annotators[a]), GUINT_TO_POINTER (done));
    }
}

static SpanmarkSyncReport *
run_locked (SpanmarkSync  *self,
            const char    *message,
            gboolean       everything,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(SpanmarkSyncReport) report = spanmark_sync_report_new ();
  g_autoptr(GPtrArray) paths = NULL;
  g_auto(Op) op = { .lock_fd = -1 };

  if (!op_open (&op, self, error) || !op_lock (&op, error))
    return NULL;

  paths = own_files (self);
  if (everything)
    add_all_annotations (self, paths);
  add_shared_files (self, paths);
  if (!op_commit (&op, paths, message, report, error) || !op_exchange (&op, cancellable, report, error))
    return NULL;

  count_progress (self, report);
  return g_steal_pointer (&report);
}

SpanmarkSyncReport *
spanmark_sync_run (SpanmarkSync  *self,
                   const char    *message,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (SPANMARK_IS_SYNC (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  return run_locked (self, message, FALSE, cancellable, error);
}

SpanmarkSyncReport *
spanmark_sync_share (SpanmarkSync  *self,
                     const char    *url,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GgitRepository) repository = NULL;
  g_autoptr(GgitRemote) remote = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (SPANMARK_IS_SYNC (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  display = display_dir (self);
  if (*url == '\0')
    {
      g_set_error (error, SPANMARK_SYNC_ERROR, SPANMARK_SYNC_ERROR_NO_REMOTE,
                   _("%s: no remote address given"), display);
      return NULL;
    }

  ensure_git ();
  repository = ggit_repository_open (self->dir, NULL);
  if (repository == NULL)
    {
      repository = ggit_repository_init_repository (self->dir, FALSE, error);
      if (repository == NULL || !ggit_repository_set_head (repository, "refs/heads/" DEFAULT_BRANCH, error))
        return NULL;
    }

  remote = ggit_repository_lookup_remote (repository, SPANMARK_SYNC_REMOTE, NULL);
  if (remote != NULL)
    {
      if (!ggit_repository_set_remote_url (repository, SPANMARK_SYNC_REMOTE, url, error))
        return NULL;
    }
  else
    {
      remote = ggit_repository_create_remote (repository, SPANMARK_SYNC_REMOTE, url, error);
      if (remote == NULL)
        return NULL;
    }
  g_clear_object (&remote);
  g_clear_object (&repository);

  return run_locked (self, NULL, TRUE, cancellable, error);
}

gboolean
spanmark_sync_clone (const char                   *url,
                     GFile                        *dest,
                     SpanmarkSyncCredentialsFunc   func,
                     gpointer                      user_data,
                     GCancellable                 *cancellable,
                     GError                      **error)
{
  g_autoptr(SpanmarkSyncCallbacks) callbacks = NULL;
  g_autoptr(GgitCloneOptions) options = NULL;
  g_autoptr(GgitRepository) repository = NULL;
  g_autoptr(GError) local_error = NULL;
  GgitFetchOptions *fetch;

  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ensure_git ();
  callbacks = spanmark_sync_callbacks_new (func, user_data);
  options = ggit_clone_options_new ();
  fetch = ggit_fetch_options_new ();
  ggit_fetch_options_set_remote_callbacks (fetch, GGIT_REMOTE_CALLBACKS (callbacks));
  ggit_clone_options_set_fetch_options (options, fetch);
  ggit_fetch_options_free (fetch);

  repository = ggit_repository_clone (url, dest, options, &local_error);
  if (repository == NULL)
    {
      g_autofree char *display = g_file_get_parse_name (dest);

      g_set_error (error, SPANMARK_SYNC_ERROR,
                   spanmark_sync_callbacks_get_gave_up (callbacks) ? SPANMARK_SYNC_ERROR_AUTH
                                                                    : SPANMARK_SYNC_ERROR_FAILED,
                   _("%s: could not copy %s here: %s"), display, url, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Asynchronous calls: one worker thread per operation, one operation at
 * a time per SpanmarkSync (the lock). */

typedef enum
{
  TASK_RUN,
  TASK_SHARE,
  TASK_STATUS,
  TASK_CLONE,
} TaskKind;

typedef struct
{
  TaskKind  kind;
  char     *text;  /* the message, or the URL */
  GFile    *dest;
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_free (data->text);
  g_clear_object (&data->dest);
  g_free (data);
}

static void
task_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SpanmarkSync *self = source_object;
  TaskData *data = task_data;
  GError *error = NULL;
  gpointer result = NULL;

  switch (data->kind)
    {
    case TASK_RUN:
      result = spanmark_sync_run (self, data->text, cancellable, &error);
      break;
    case TASK_SHARE:
      result = spanmark_sync_share (self, data->text, cancellable, &error);
      break;
    case TASK_STATUS:
      g_task_return_pointer (task, spanmark_sync_get_status (self), (GDestroyNotify) spanmark_sync_status_free);
      return;
    case TASK_CLONE:
      if (spanmark_sync_clone (data->text, data->dest, self->credentials_func, self->credentials_data,
                               cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    default:
      g_assert_not_reached ();
    }

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) spanmark_sync_report_free);
}

static void
start_task (SpanmarkSync        *self,
            TaskKind             kind,
            const char          *text,
            GFile               *dest,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  TaskData *data = g_new0 (TaskData, 1);

  data->kind = kind;
  data->text = g_strdup (text);
  data->dest = dest != NULL ? g_object_ref (dest) : NULL;
  g_task_set_source_tag (task, GINT_TO_POINTER (kind + 1));
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, task_thread_cb);
}

static gpointer
finish_task (SpanmarkSync  *self,
             GAsyncResult  *result,
             TaskKind       kind,
             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == GINT_TO_POINTER (kind + 1), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
spanmark_sync_run_async (SpanmarkSync        *self,
                         const char          *message,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (SPANMARK_IS_SYNC (self));

  start_task (self, TASK_RUN, message, NULL, cancellable, callback, user_data);
}

SpanmarkSyncReport *
spanmark_sync_run_finish (SpanmarkSync  *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return finish_task (self, result, TASK_RUN, error);
}

void
spanmark_sync_share_async (SpanmarkSync        *self,
                           const char          *url,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (SPANMARK_IS_SYNC (self));
  g_return_if_fail (url != NULL);

  start_task (self, TASK_SHARE, url, NULL, cancellable, callback, user_data);
}

SpanmarkSyncReport *
spanmark_sync_share_finish (SpanmarkSync  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return finish_task (self, result, TASK_SHARE, error);
}

void
spanmark_sync_get_status_async (SpanmarkSync        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (SPANMARK_IS_SYNC (self));

  start_task (self, TASK_STATUS, NULL, NULL, cancellable, callback, user_data);
}

SpanmarkSyncStatus *
spanmark_sync_get_status_finish (SpanmarkSync  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_task (self, result, TASK_STATUS, error);
}

void
spanmark_sync_clone_async (SpanmarkSync        *self,
                           const char          *url,
                           GFile               *dest,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (SPANMARK_IS_SYNC (self));
  g_return_if_fail (url != NULL && G_IS_FILE (dest));

  start_task (self, TASK_CLONE, url, dest, cancellable, callback, user_data);
}

gboolean
spanmark_sync_clone_finish (SpanmarkSync  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
