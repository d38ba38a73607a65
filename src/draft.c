/*
 * draft.c: the fallback files of comment drafts (see draft.h).
 *
 * The comment editor writes here only when the cache refused a draft, and
 * removes the file once the cache has the text; the file is the last
 * copy of what someone typed, so every step that can fail says so and
 * nothing is replaced before the new text is safely on disk.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draft.h"
#include "xmalloc.h"

#define DRAFT_MAGIC	"tandem-draft 1\n"
#define DRAFT_MAX	(1024 * 1024)	/* bytes in a draft file */

/* $XDG_STATE_HOME/tandem/drafts, or ~/.local/state/tandem/drafts. */
char *
draft_dir(void)
{
	const char	*state = getenv("XDG_STATE_HOME"), *home;
	struct passwd	*pw;
	char		*dir;

	/* The XDG spec ignores a relative path. */
	if (state != NULL && state[0] == '/') {
		xasprintf(&dir, "%s/tandem/drafts", state);
		return dir;
	}
	home = getenv("HOME");
	if ((home == NULL || *home == '\0') &&
	    (pw = getpwuid(getuid())) != NULL)
		home = pw->pw_dir;
	xasprintf(&dir, "%s/.local/state/tandem/drafts", home != NULL ?
	    home : "");
	return dir;
}

/* The file of the draft on article (a reply to parent, or 0). */
char *
draft_path(const char *dir, long long article, long long parent)
{
	char	*path;

	if (parent != 0)
		xasprintf(&path, "%s/%lld-r%lld.txt", dir, article, parent);
	else
		xasprintf(&path, "%s/%lld.txt", dir, article);
	return path;
}

/* mkdir -p with mode 0700 for what it makes; a file in the way fails. */
static int
draft_mkdirs(const char *dir, char **cause)
{
	char		*p = xstrdup(dir), *s, was;
	struct stat	 sb;

	for (s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		was = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			goto fail;
		if (stat(p, &sb) != 0)
			goto fail;
		if (!S_ISDIR(sb.st_mode)) {
			errno = ENOTDIR;
			goto fail;
		}
		if (was == '\0')
			break;
		*s = '/';
	}
	free(p);
	return 0;
fail:
	xasprintf(cause, "cannot make the drafts directory %s: %s", p,
	    strerror(errno));
	free(p);
	return -1;
}

/* One header value on one line: controls become spaces. */
static void
draft_header(FILE *f, const char *key, const char *value)
{
	const char	*s;

	if (value == NULL)
		return;
	fprintf(f, "%s: ", key);
	for (s = value; *s != '\0'; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s, f);
	fputc('\n', f);
}

/* The whole file's text, for one write. */
static char *
draft_format(const struct draft *d, size_t *len)
{
	char	*buf = NULL;
	FILE	*f;

	if ((f = open_memstream(&buf, len)) == NULL)
		return NULL;
	fputs(DRAFT_MAGIC, f);
	draft_header(f, "cache", d->cache);
	fprintf(f, "article: %lld\n", d->article);
	draft_header(f, "url", d->url);
	fprintf(f, "parent: %lld\n", d->parent);
	draft_header(f, "saved", d->saved);
	fputc('\n', f);
	fputs(d->text != NULL ? d->text : "", f);
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

static int
draft_write_all(int fd, const char *buf, size_t len)
{
	ssize_t	n;

	while (len > 0) {
		if ((n = write(fd, buf, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Write the draft to its file in dir (made if need be), replacing any
 * older one atomically; *path is the file's name.
 */
int
draft_write(const char *dir, const struct draft *d, char **path,
    char **cause)
{
	char	*tmp, *buf;
	size_t	 len;
	int	 fd;

	*path = NULL;
	if (draft_mkdirs(dir, cause) != 0)
		return -1;
	if ((buf = draft_format(d, &len)) == NULL) {
		xasprintf(cause, "draft: %s", strerror(errno));
		return -1;
	}
	*path = draft_path(dir, d->article, d->parent);
	xasprintf(&tmp, "%s.XXXXXX", *path);
	if ((fd = mkstemp(tmp)) == -1) {
		xasprintf(cause, "%s: %s", tmp, strerror(errno));
		goto fail;
	}
	if (fchmod(fd, 0600) != 0 || draft_write_all(fd, buf, len) != 0 ||
	    fsync(fd) != 0) {
		xasprintf(cause, "%s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		goto fail;
	}
	if (close(fd) != 0 || rename(tmp, *path) != 0) {
		xasprintf(cause, "%s: %s", *path, strerror(errno));
		unlink(tmp);
		goto fail;
	}
	free(tmp);
	free(buf);
	return 0;
fail:
	free(tmp);
	free(buf);
	free(*path);
	*path = NULL;
	return -1;
}

/* The file's bytes, NUL-terminated; -1 with errno kept for ENOENT. */
static char *
draft_slurp(const char *path, size_t *len, char **cause)
{
	char	*buf = NULL;
	size_t	 n = 0, cap = 0, got;
	FILE	*f;

	if ((f = fopen(path, "r")) == NULL) {
		xasprintf(cause, "%s: %s", path, strerror(errno));
		return NULL;
	}
	do {
		if (n == cap)
			buf = xrealloc(buf, (cap = cap ? cap * 2 : 4096) + 1);
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0 && n <= DRAFT_MAX);
	fclose(f);
	if (n > DRAFT_MAX) {
		xasprintf(cause, "%s: larger than %d bytes", path, DRAFT_MAX);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Take one "key: value" line into d. */
static void
draft_parse_header(struct draft *d, const char *line, size_t len)
{
	const char	*colon = memchr(line, ':', len), *v;
	size_t		 klen, vlen;
	char		*value;

	if (colon == NULL)
		return;
	klen = (size_t)(colon - line);
	v = colon + 1;
	while (v < line + len && *v == ' ')
		v++;
	vlen = (size_t)(line + len - v);
	value = xstrndup(v, vlen);
	if (klen == 5 && memcmp(line, "cache", 5) == 0) {
		free(d->cache);
		d->cache = value;
		return;
	}
	if (klen == 3 && memcmp(line, "url", 3) == 0) {
		free(d->url);
		d->url = value;
		return;
	}
	if (klen == 5 && memcmp(line, "saved", 5) == 0) {
		free(d->saved);
		d->saved = value;
		return;
	}
	if (klen == 7 && memcmp(line, "article", 7) == 0)
		d->article = strtoll(value, NULL, 10);
	else if (klen == 6 && memcmp(line, "parent", 6) == 0)
		d->parent = strtoll(value, NULL, 10);
	free(value);
}

/* Read a draft file; -1 with *cause if it is missing or not a draft. */
int
draft_read(const char *path, struct draft *d, char **cause)
{
	char	*buf, *p, *nl;
	size_t	 len;

	memset(d, 0, sizeof *d);
	if ((buf = draft_slurp(path, &len, cause)) == NULL)
		return -1;
	if (strncmp(buf, DRAFT_MAGIC, strlen(DRAFT_MAGIC)) != 0 ||
	    memchr(buf, '\0', len) != NULL) {
		xasprintf(cause, "%s: not a tandem draft", path);
		free(buf);
		return -1;
	}
	p = buf + strlen(DRAFT_MAGIC);
	while ((nl = strchr(p, '\n')) != NULL && nl != p) {
		draft_parse_header(d, p, (size_t)(nl - p));
		p = nl + 1;
	}
	if (nl == NULL) {
		xasprintf(cause, "%s: not a tandem draft (no text)", path);
		draft_free(d);
		free(buf);
		return -1;
	}
	d->text = xstrdup(nl + 1);
	free(buf);
	return 0;
}

/*
 * The draft kept for article and parent of the given cache: 1 and *d,
 * *path; 0 when there is none (or the file is another cache's); -1 if
 * the file is there but cannot be read.
 */
int
draft_find(const char *dir, const char *cache, long long article,
    long long parent, struct draft *d, char **path, char **cause)
{
	*path = draft_path(dir, article, parent);
	if (access(*path, F_OK) != 0 && errno == ENOENT)
		goto none;
	if (draft_read(*path, d, cause) != 0) {
		free(*path);
		*path = NULL;
		return -1;
	}
	if (d->article == article && d->parent == parent && (cache == NULL ||
	    d->cache == NULL || strcmp(cache, d->cache) == 0))
		return 1;
	draft_free(d);
none:
	free(*path);
	*path = NULL;
	return 0;
}

static int
draft_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The draft files in dir, sorted by name; none if dir does not exist. */
int
draft_list(const char *dir, char ***paths, size_t *n, char **cause)
{
	DIR		*dp;
	struct dirent	*e;
	size_t		 len;

	*paths = NULL;
	*n = 0;
	if ((dp = opendir(dir)) == NULL) {
		if (errno == ENOENT)
			return 0;
		xasprintf(cause, "%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(dp)) != NULL) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 5 ||
		    strcmp(e->d_name + len - 4, ".txt") != 0)
			continue;
		*paths = xreallocarray(*paths, *n + 1, sizeof **paths);
		xasprintf(&(*paths)[(*n)++], "%s/%s", dir, e->d_name);
	}
	closedir(dp);
	if (*n > 1)
		qsort(*paths, *n, sizeof **paths, draft_cmp);
	return 0;
}

/* Remove a draft file; one already gone is no error. */
int
draft_remove(const char *path, char **cause)
{
	if (unlink(path) != 0 && errno != ENOENT) {
		xasprintf(cause, "%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

void
draft_free(struct draft *d)
{
	free(d->cache);
	free(d->url);
	free(d->saved);
	free(d->text);
	memset(d, 0, sizeof *d);
}

/* The path as a status line shows it: ~/ for the home directory. */
char *
draft_display_path(const char *path)
{
	const char	*home = getenv("HOME");
	size_t		 n;
	char		*s;

	if (home != NULL && (n = strlen(home)) > 1 &&
	    strncmp(path, home, n) == 0 && path[n] == '/') {
		xasprintf(&s, "~%s", path + n);
		return s;
	}
	return xstrdup(path);
}
