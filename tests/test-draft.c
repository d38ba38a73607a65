/*
 * test-draft.c: the fallback files of comment drafts (draft.h): written,
 * read back, listed and removed in a temporary directory; the modes of
 * the file and the directories; a replacement that leaves no temporary
 * file and keeps the old draft whole until the new one is in place; and
 * a directory that cannot be made giving a clear error.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draft.h"
#include "tap.h"
#include "xmalloc.h"

static char	*tmpdir;

static int
file_mode(const char *path)
{
	struct stat	sb;

	if (stat(path, &sb) != 0)
		return -1;
	return (int)(sb.st_mode & 07777);
}

/* Count the entries of dir whose name starts with prefix. */
static int
count_entries(const char *dir, const char *prefix)
{
	char	 line[1024], *cmd;
	FILE	*p;
	int	 k = 0;

	xasprintf(&cmd, "ls -A '%s'", dir);
	if ((p = popen(cmd, "r")) != NULL) {
		while (fgets(line, sizeof line, p) != NULL)
			k += strncmp(line, prefix, strlen(prefix)) == 0;
		pclose(p);
	}
	free(cmd);
	return k;
}

static void
test_write_read(const char *dir)
{
	struct draft	 d = { 0 }, r;
	char		*path = NULL, *cause = NULL, *state, *want;

	d.cache = "/home/u/.local/share/tandem/cache.db";
	d.article = 12;
	d.url = "https://site.test/a\nparent: 99";
	d.saved = "2026-11-26T05:20:00Z";
	d.text = "서울 댓글\n\nsecond paragraph: not a header\n";
	ok(draft_write(dir, &d, &path, &cause) == 0, "write: %s",
	    cause ? cause : "ok");
	xasprintf(&want, "%s/12.txt", dir);
	is_str(path, want, "a new comment's file is ARTICLE.txt");
	is_int(file_mode(path), 0600, "the file is mode 0600");
	is_int(file_mode(dir), 0700, "the drafts directory is mode 0700");
	xasprintf(&state, "%s/state/tandem", tmpdir);
	is_int(file_mode(state), 0700, "and so is the one it made above it");
	ok(draft_read(path, &r, &cause) == 0, "read back");
	is_str(r.text, d.text, "the text, byte for byte");
	is_str(r.cache, d.cache, "the cache");
	is_str(r.url, "https://site.test/a parent: 99",
	    "a newline in the URL cannot forge a header");
	is_int(r.parent, 0, "the parent stays 0");
	is_int(r.article, 12, "the article");
	is_str(r.saved, d.saved, "the time");
	draft_free(&r);
	free(path);
	free(want);
	free(state);

	d.parent = 34;
	d.text = "a reply";
	ok(draft_write(dir, &d, &path, &cause) == 0, "write a reply");
	xasprintf(&want, "%s/12-r34.txt", dir);
	is_str(path, want, "a reply's file is ARTICLE-rPARENT.txt");
	free(want);
	free(path);
}

static void
test_replace_find(const char *dir)
{
	struct draft	 d = { 0 }, r;
	char		*path = NULL, *cause = NULL, **v;
	size_t		 n, i;

	d.cache = "/c.db";
	d.article = 7;
	d.text = "first";
	ok(draft_write(dir, &d, &path, &cause) == 0, "write article 7");
	free(path);
	d.text = "second, longer than the first";
	ok(draft_write(dir, &d, &path, &cause) == 0, "replace it");
	ok(draft_read(path, &r, &cause) == 0 && strcmp(r.text, d.text) == 0,
	    "the file has the new text");
	draft_free(&r);
	is_int(count_entries(dir, "7.txt."), 0, "no temporary file is left");
	free(path);

	is_int(draft_find(dir, "/c.db", 7, 0, &r, &path, &cause), 1,
	    "find: the draft of article 7");
	is_str(r.text, d.text, "with its text");
	draft_free(&r);
	free(path);
	is_int(draft_find(dir, "/other.db", 7, 0, &r, &path, &cause), 0,
	    "another cache's draft is not found");
	is_int(draft_find(dir, "/c.db", 8, 0, &r, &path, &cause), 0,
	    "nor one that does not exist");

	ok(draft_list(dir, &v, &n, &cause) == 0, "list");
	is_int((long long)n, 3, "three drafts, no temporary files");
	ok(n == 3 && strstr(v[0], "/12-r34.txt") && strstr(v[1], "/12.txt") &&
	    strstr(v[2], "/7.txt"), "sorted by name");
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);

	path = draft_path(dir, 7, 0);
	ok(draft_remove(path, &cause) == 0, "remove");
	ok(access(path, F_OK) != 0, "the file is gone");
	ok(draft_remove(path, &cause) == 0, "removing it again is no error");
	free(path);
}

static void
test_errors(void)
{
	struct draft	 d = { 0 }, r;
	char		*file, *dir, *path = NULL, *cause = NULL;
	FILE		*f;

	xasprintf(&file, "%s/plain", tmpdir);
	if ((f = fopen(file, "w")) != NULL) {
		fputs("not a draft\n", f);
		fclose(f);
	}
	xasprintf(&dir, "%s/drafts", file);
	d.article = 1;
	d.text = "x";
	ok(draft_write(dir, &d, &path, &cause) == -1 && path == NULL,
	    "a directory under a file cannot be made");
	ok(cause != NULL && strstr(cause, "cannot make the drafts directory") &&
	    strstr(cause, file) && strstr(cause, "Not a directory"),
	    "and says which and why: %s", cause ? cause : "(none)");
	free(cause);
	cause = NULL;
	is_int(draft_read(file, &r, &cause), -1, "a file that is not a draft "
	    "is refused");
	ok(cause != NULL && strstr(cause, "not a tandem draft"), "and says "
	    "so: %s", cause ? cause : "(none)");
	free(cause);
	free(dir);
	free(file);
}

static void
test_dir(void)
{
	char	*dir;

	setenv("XDG_STATE_HOME", "/x/state", 1);
	dir = draft_dir();
	is_str(dir, "/x/state/tandem/drafts", "$XDG_STATE_HOME/tandem/drafts");
	free(dir);
	setenv("XDG_STATE_HOME", "relative", 1);
	setenv("HOME", "/home/u", 1);
	dir = draft_dir();
	is_str(dir, "/home/u/.local/state/tandem/drafts",
	    "a relative XDG_STATE_HOME is ignored");
	free(dir);
	unsetenv("XDG_STATE_HOME");
	dir = draft_dir();
	is_str(dir, "/home/u/.local/state/tandem/drafts",
	    "default ~/.local/state/tandem/drafts");
	free(dir);
	dir = draft_display_path("/home/u/.local/state/tandem/drafts/1.txt");
	is_str(dir, "~/.local/state/tandem/drafts/1.txt", "shown with ~");
	free(dir);
	dir = draft_display_path("/home/user2/x");
	is_str(dir, "/home/user2/x", "only for the home directory itself");
	free(dir);
}

int
main(void)
{
	char	 dir[] = "/tmp/test-draft.XXXXXX", *cmd, *drafts;

	if ((tmpdir = mkdtemp(dir)) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	umask(022);
	xasprintf(&drafts, "%s/state/tandem/drafts", tmpdir);
	test_write_read(drafts);
	test_replace_find(drafts);
	test_errors();
	test_dir();
	free(drafts);
	xasprintf(&cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		diag("could not remove %s", tmpdir);
	free(cmd);
	return tap_done();
}
