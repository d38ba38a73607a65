/*
 * test-import-dir.c: import_dir_add(), the list of files `tandem import
 * DIR` reads, on trees the test builds in a temporary directory: name
 * order, what is left out (dot files, FIFOs, links to directories), the
 * depth limit, and a directory that cannot be read.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import.h"
#include "tap.h"
#include "xmalloc.h"

/* What one import_dir_add() gave, with the tree's root cut to "T". */
struct walk {
	int	 rc;
	char	*files;		/* relative paths, one per line */
	char	*warns;		/* messages, one per line */
};

static char	root[] = "/tmp/tandem-import-dir.XXXXXX";

/* root/rel, allocated. */
static char *
at(const char *rel)
{
	char	*path;

	xasprintf(&path, "%s/%s", root, rel);
	return path;
}

/* Append s to *buf as a line, with the root replaced by "T". */
static void
walk_line(char **buf, const char *s)
{
	size_t	 rlen = strlen(root);
	char	*old = *buf;

	if (strncmp(s, root, rlen) == 0)
		xasprintf(buf, "%sT%s\n", old ? old : "", s + rlen);
	else
		xasprintf(buf, "%s%s\n", old ? old : "", s);
	free(old);
}

static void
walk_warn(void *arg, const char *msg)
{
	walk_line(arg, msg);
}

static void
walk_run(const char *arg, struct walk *w)
{
	struct import_dir_files	 files = { NULL, 0, 0 };
	size_t			 i;

	w->files = w->warns = NULL;
	w->rc = import_dir_add(&files, arg, walk_warn, &w->warns);
	for (i = 0; i < files.n; i++)
		walk_line(&w->files, files.path[i]);
	import_dir_free(&files);
	if (w->files == NULL)
		w->files = xstrdup("");
	if (w->warns == NULL)
		w->warns = xstrdup("");
}

/*
 * The same as an unprivileged user, in a child: root reads directories
 * whatever their mode.  Returns -1 if the child cannot become "nobody".
 */
static int
walk_run_unprivileged(const char *arg, struct walk *w)
{
	char	 buf[4096], *sep, *warns;
	ssize_t	 n;
	size_t	 len = 0;
	int	 fd[2], status;
	pid_t	 pid;

	if (geteuid() != 0) {
		walk_run(arg, w);
		return 0;
	}
	if (pipe(fd) == -1 || (pid = fork()) == -1)
		return -1;
	if (pid == 0) {
		close(fd[0]);
		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(3);
		walk_run(arg, w);
		dprintf(fd[1], "%d\v%s\v%s", w->rc, w->files, w->warns);
		_exit(0);
	}
	close(fd[1]);
	while (len < sizeof buf - 1 &&
	    (n = read(fd[0], buf + len, sizeof buf - 1 - len)) > 0)
		len += (size_t)n;
	buf[len] = '\0';
	close(fd[0]);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0 || (sep = strchr(buf, '\v')) == NULL)
		return -1;
	*sep++ = '\0';
	if ((warns = strchr(sep, '\v')) == NULL)
		return -1;
	*warns++ = '\0';
	w->rc = atoi(buf);
	w->files = xstrdup(sep);
	w->warns = xstrdup(warns);
	return 0;
}

static void
walk_free(struct walk *w)
{
	free(w->files);
	free(w->warns);
}

static void
mkdir_at(const char *rel)
{
	char	*path = at(rel);

	if (mkdir(path, 0755) != 0)
		diag("mkdir %s: %s", path, strerror(errno));
	free(path);
}

static void
file_at(const char *rel)
{
	char	*path = at(rel);
	FILE	*f;

	if ((f = fopen(path, "w")) == NULL)
		diag("%s: %s", path, strerror(errno));
	else {
		fputs("Some text.\n", f);
		fclose(f);
	}
	free(path);
}

static void
symlink_at(const char *target, const char *rel)
{
	char	*path = at(rel);

	if (symlink(target, path) != 0)
		diag("symlink %s: %s", path, strerror(errno));
	free(path);
}

/* rel made of n directories named name, one inside the other. */
static char *
nest(const char *top, const char *name, int n)
{
	char	*rel = xstrdup(top), *next;
	int	 i;

	for (i = 0; i < n; i++) {
		xasprintf(&next, "%s/%s", rel, name);
		free(rel);
		rel = next;
		mkdir_at(rel);
	}
	return rel;
}

static void
test_order(void)
{
	struct walk	 w;
	char		*dir, *fifo, *slash;

	mkdir_at("order");
	mkdir_at("order/a-sub");
	mkdir_at("order/.dotdir");
	file_at("order/b.txt");
	file_at("order/a.txt");
	file_at("order/C.txt");
	file_at("order/ab.txt");
	file_at("order/a-sub/x.txt");
	file_at("order/a-sub/.hidden");
	file_at("order/.dot.txt");
	file_at("order/.dotdir/y.txt");
	dir = at("order");
	symlink_at(dir, "order/a-sub/loop");
	symlink_at("b.txt", "order/link.txt");
	symlink_at("nowhere", "order/dangling");
	fifo = at("order/fifo");
	if (mkfifo(fifo, 0600) != 0)
		diag("mkfifo %s: %s", fifo, strerror(errno));
	free(fifo);

	walk_run(dir, &w);
	is_int(w.rc, 0, "a tree of files: no problem");
	is_str(w.warns, "", "and no message");
	is_str(w.files, "T/order/C.txt\nT/order/a-sub/x.txt\nT/order/a.txt\n"
	    "T/order/ab.txt\nT/order/b.txt\nT/order/link.txt\n",
	    "byte order of names, the subdirectory where it sorts");
	ok(strstr(w.files, "/.") == NULL, "dot files and dot directories "
	    "left out");
	ok(strstr(w.files, "fifo") == NULL, "a FIFO left out");
	ok(strstr(w.files, "loop") == NULL, "a link back to the top is not "
	    "followed");
	ok(strstr(w.files, "dangling") == NULL, "a dangling link left out");
	walk_free(&w);

	xasprintf(&slash, "%s/", dir);
	walk_run(slash, &w);
	ok(strncmp(w.files, "T/order/C.txt\n", 14) == 0,
	    "a trailing slash does not double");
	walk_free(&w);
	free(slash);
	free(dir);
}

static void
test_depth(void)
{
	struct walk	 w;
	char		*ok64, *deep65, *dir, *want;

	mkdir_at("nest");
	file_at("nest/top.txt");
	ok64 = nest("nest", "d", IMPORT_DIR_DEPTH);
	deep65 = nest("nest", "e", IMPORT_DIR_DEPTH + 1);
	xasprintf(&want, "%s/in.txt", ok64);
	file_at(want);
	free(want);
	xasprintf(&want, "%s/in.txt", deep65);
	file_at(want);
	free(want);

	dir = at("nest");
	walk_run(dir, &w);
	is_int(w.rc, 1, "65 directories deep: one problem");
	xasprintf(&want, "T/%s: directories nest too deep (more than 64)\n",
	    deep65);
	is_str(w.warns, want, "named in one line");
	free(want);
	xasprintf(&want, "T/%s/in.txt\nT/nest/top.txt\n", ok64);
	is_str(w.files, want, "64 deep is fine, and the rest is listed");
	free(want);
	walk_free(&w);
	free(dir);
	free(ok64);
	free(deep65);
}

static void
test_unreadable(void)
{
	struct walk	 w;
	char		*dir, *locked;

	mkdir_at("locked");
	mkdir_at("locked/a");
	mkdir_at("locked/b");
	mkdir_at("locked/c");
	file_at("locked/a/x.txt");
	file_at("locked/b/y.txt");
	file_at("locked/c/z.txt");
	locked = at("locked/b");
	chmod(locked, 0);
	dir = at("locked");
	if (walk_run_unprivileged(dir, &w) != 0)
		ok(1, "# SKIP unreadable directory: cannot drop root");
	else {
		is_int(w.rc, 1, "an unreadable directory: one problem");
		is_str(w.warns, "T/locked/b: Permission denied\n",
		    "named in one line with the reason");
		is_str(w.files, "T/locked/a/x.txt\nT/locked/c/z.txt\n",
		    "the walk goes on past it");
		walk_free(&w);
	}
	chmod(locked, 0755);
	free(locked);
	free(dir);
}

static void
test_arguments(void)
{
	struct walk	 w;
	char		*dir;

	mkdir_at("empty");
	file_at("empty/.only-a-dot-file");
	dir = at("empty");
	walk_run(dir, &w);
	is_int(w.rc, 1, "a directory without files is a problem");
	is_str(w.warns, "T/empty: no files to import in this directory\n",
	    "which says so");
	is_str(w.files, "", "and adds nothing");
	walk_free(&w);
	free(dir);

	walk_run("-", &w);
	ok(w.rc == 0 && strcmp(w.files, "-\n") == 0, "\"-\" stands for "
	    "itself");
	walk_free(&w);
	walk_run("/nonexistent/x", &w);
	ok(w.rc == 0 && strcmp(w.files, "/nonexistent/x\n") == 0,
	    "so does a missing file (import_file says what is wrong)");
	walk_free(&w);
}

static int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

int
main(void)
{
	if (mkdtemp(root) == NULL || chmod(root, 0755) != 0) {
		ok(0, "temporary directory: %s", strerror(errno));
		return tap_done();
	}
	test_order();
	test_depth();
	test_unreadable();
	test_arguments();
	nftw(root, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	return tap_done();
}
