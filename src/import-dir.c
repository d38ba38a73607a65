/*
 * import-dir.c: what `tandem import DIR` reads: the regular files under
 * a directory, in an order that does not depend on the file system (the
 * byte order of names, as ls in the C locale shows them), so that
 * importing the same archive twice numbers its articles the same way.
 * Collected as a list before anything is imported, so that the caller
 * can show progress as "[i/n]".  See import.h for what is left out.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "xmalloc.h"

/* Where problems go; counted, since each one fails the import. */
struct import_dir_walk {
	struct import_dir_files	 *files;
	void			(*warn)(void *, const char *);
	void			 *warn_arg;
	int			  failed;
};

static void
import_dir_push(struct import_dir_files *f, char *path)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->path = xreallocarray(f->path, f->cap, sizeof *f->path);
	}
	f->path[f->n++] = path;
}

static void __attribute__((format(printf, 2, 3)))
import_dir_warn(struct import_dir_walk *w, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	w->failed++;
	if (w->warn == NULL)
		return;
	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	w->warn(w->warn_arg, msg);
	free(msg);
}

static int
import_dir_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Add the files under dir.  Its names are read and sorted first and
 * the directory closed before descending, so a deep tree holds one
 * open directory at a time, not one per level.
 */
static void
import_dir_walk(struct import_dir_walk *w, const char *dir, int depth)
{
	struct import_dir_files	 names = { NULL, 0, 0 };
	struct dirent		*de;
	struct stat		 sb;
	DIR			*d;
	char			*path;
	size_t			 i;

	if (depth > IMPORT_DIR_DEPTH) {
		import_dir_warn(w, "%s: directories nest too deep (more than "
		    "%d)", dir, IMPORT_DIR_DEPTH);
		return;
	}
	if ((d = opendir(dir)) == NULL) {
		import_dir_warn(w, "%s: %s", dir, strerror(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] != '.')
			import_dir_push(&names, xstrdup(de->d_name));
	}
	closedir(d);
	if (names.n > 1)	/* qsort(NULL, 0, ...) is undefined */
		qsort(names.path, names.n, sizeof *names.path, import_dir_cmp);
	for (i = 0; i < names.n; i++) {
		xasprintf(&path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ?
		    "" : "/", names.path[i]);
		if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
			import_dir_walk(w, path, depth + 1);
		else if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
			import_dir_push(w->files, path);
			path = NULL;
		}
		free(path);
		free(names.path[i]);
	}
	free(names.path);
}

int
import_dir_add(struct import_dir_files *files, const char *arg,
    void (*warn)(void *, const char *), void *warn_arg)
{
	struct import_dir_walk	 w = { files, warn, warn_arg, 0 };
	struct stat		 sb;
	size_t			 before = files->n;

	/* Not a directory: import_file() says what is wrong with it. */
	if (strcmp(arg, "-") == 0 || stat(arg, &sb) != 0 ||
	    !S_ISDIR(sb.st_mode)) {
		import_dir_push(files, xstrdup(arg));
		return 0;
	}
	import_dir_walk(&w, arg, 0);
	if (files->n == before && w.failed == 0)
		import_dir_warn(&w, "%s: no files to import in this directory",
		    arg);
	return w.failed;
}

void
import_dir_free(struct import_dir_files *files)
{
	size_t	i;

	for (i = 0; i < files->n; i++)
		free(files->path[i]);
	free(files->path);
	files->path = NULL;
	files->n = files->cap = 0;
}
