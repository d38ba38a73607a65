/*
 * test-site.c: the pieces of comments with a site that need no site:
 * account_site() and account_loopback() on a table of URLs, the
 * password sources (a command split into words and run without a shell,
 * a variable, a file refused when others may read it), a comment's HTML
 * to text, json-wp.c on the REST API's shapes, and cache_remote_sync()
 * threading a site's comments that come in any order (a long chain
 * whose parents have the larger ids, cycles, a missing parent).  The
 * real site is tests/e2e/wp-*.sh's.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "account.h"
#include "article.h"
#include "cache.h"
#include "html.h"
#include "import.h"
#include "json-wp.h"
#include "tap.h"
#include "test-cache-util.h"
#include "xmalloc.h"

static void
test_sites(void)
{
	static const struct {
		const char	*url, *site;
		int		 loopback;
	} t[] = {
		{ "https://Blog.Example.test:443/2024/a/?p=3", "https://blog.example.test", 0 },
		{ "http://127.0.0.1:8080/x", "http://127.0.0.1:8080", 1 },
		{ "http://u:secret@h.test/x", "http://h.test", 0 },
		{ "http://localhost/", "http://localhost", 1 },
		{ "http://[::1]:9/", "http://[::1]:9", 1 },
		{ "http://127.example.test/", "http://127.example.test", 0 },
		{ "http://localhost.test/", "http://localhost.test", 0 },
		{ "HTTP://H.TEST:80", "http://h.test", 0 },
		{ "ftp://h.test/", NULL, 0 },
		{ "https:///x", NULL, 0 },
	};
	size_t	i;
	char	*s;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		s = account_site(t[i].url);
		ok(t[i].site == NULL ? s == NULL : s != NULL &&
		    strcmp(s, t[i].site) == 0, "site of %s: %s", t[i].url,
		    s ? s : "none");
		if (s != NULL)
			ok(account_loopback(s) == t[i].loopback,
			    "%s is %sloopback", s, t[i].loopback ? "" : "not ");
		free(s);
	}
}

static void
test_passwords(const char *dir)
{
	struct account	 a;
	char		*pw, *cause = NULL, path[512];
	FILE		*f;

	memset(&a, 0, sizeof a);
	a.site = "https://h.test";
	a.user = "u";
	a.password_command = "printf 'sec ret\\nsecond line'";
	pw = account_password(&a, 0, &cause);
	ok(pw != NULL && strcmp(pw, "sec ret") == 0,
	    "a command's first line, its quoted word kept whole");
	account_password_free(pw);
	a.password_command = "false";
	pw = account_password(&a, 0, &cause);
	ok(pw == NULL && cause != NULL && strcmp(cause,
	    "password command failed") == 0, "a failing command: %s", cause);
	FREE(&cause);
	a.password_command = "printf 'open";
	pw = account_password(&a, 0, &cause);
	ok(pw == NULL && cause != NULL && strstr(cause, "quote") != NULL,
	    "an open quote is refused");
	FREE(&cause);
	a.password_command = NULL;

	a.password_env = "TEST_SITE_PW";
	setenv("TEST_SITE_PW", "from-env", 1);
	pw = account_password(&a, 0, &cause);
	ok(pw != NULL && strcmp(pw, "from-env") == 0, "a named variable");
	account_password_free(pw);
	unsetenv("TEST_SITE_PW");
	pw = account_password(&a, 0, &cause);
	ok(pw == NULL && cause != NULL && strstr(cause, "$TEST_SITE_PW is "
	    "not set") != NULL, "an unset variable says so");
	FREE(&cause);
	a.password_env = NULL;

	snprintf(path, sizeof path, "%s/pw", dir);
	f = fopen(path, "w");
	fputs("file-secret\n", f);
	fclose(f);
	a.password_file = path;
	chmod(path, 0644);
	unsetenv("TANDEM_PASSWORD");
	pw = account_password(&a, 0, &cause);
	ok(pw == NULL && cause != NULL && strstr(cause, "others may read it "
	    "(mode 644)") != NULL, "a file of mode 644 is refused");
	ok(cause == NULL || strstr(cause, "file-secret") == NULL,
	    "and the refusal does not show its content");
	FREE(&cause);
	chmod(path, 0600);
	pw = account_password(&a, 0, &cause);
	ok(pw != NULL && strcmp(pw, "file-secret") == 0, "mode 600 is read");
	account_password_free(pw);
	a.password_file = NULL;
	pw = account_password(&a, 0, &cause);
	ok(pw == NULL && cause != NULL && strstr(cause, "tandem login") !=
	    NULL, "no source and no prompt: says how to give one");
	FREE(&cause);
	unlink(path);
}

static void
test_html(void)
{
	static const struct {
		const char	*html, *text;
	} t[] = {
		{ "<p>댓글 &amp; 감사 &lt;3</p>\n<p>二つ目&hellip;</p>\n",
		    "댓글 & 감사 <3\n\n二つ目…" },
		{ "one<br />\ntwo", "one\ntwo" },
		{ "<p>a   b\n c</p>", "a b c" },
		{ "<script>alert(1)</script><p>ok</p>", "ok" },
		{ "<blockquote><p>q</p></blockquote><p>after</p>", "q\n\nafter" },
		{ "", "" },
		{ "<p></p>", "" },
	};
	size_t	i;
	char	*s;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		s = html_comment_text(t[i].html, strlen(t[i].html));
		ok(strcmp(s, t[i].text) == 0, "html %zu: \"%s\"", i, s);
		free(s);
	}
}

static void
test_json(void)
{
	const char	*page = "[{\"id\":5,\"post\":9,\"parent\":4,"
	    "\"author_name\":\"민수\",\"date_gmt\":\"2026-12-01T10:00:00\","
	    "\"link\":\"http://h.test/a/#comment-5\",\"content\":{\"rendered\":"
	    "\"<p>hi</p>\"}},{\"id\":0},{\"post\":1},\"x\"]";
	const char	*err = "{\"code\":\"comment_duplicate\",\"message\":"
	    "\"Duplicate comment detected; it looks as though you&#8217;ve "
	    "already said that!\",\"data\":{\"status\":409}}";
	struct json_wp_comment	*v;
	size_t			 n;
	char			*cause = NULL, *code, *msg, *body;

	ok(json_wp_comments(page, strlen(page), &v, &n, &cause) == 0 && n == 1,
	    "a page: the one comment with an id is kept");
	if (n == 1) {
		ok(v[0].id == 5 && v[0].parent == 4 && v[0].post == 9,
		    "ids");
		ok(strcmp(v[0].author, "민수") == 0, "author");
		ok(strcmp(v[0].date, "2026-12-01T10:00:00Z") == 0,
		    "date_gmt in UTC");
		ok(strcmp(v[0].html, "<p>hi</p>") == 0, "content.rendered");
		json_wp_comments_free(v, n);
	}
	ok(json_wp_comments("{}", 2, &v, &n, &cause) != 0 && cause != NULL,
	    "an object is not a page of comments");
	FREE(&cause);
	ok(json_wp_comments("[1,", 3, &v, &n, &cause) != 0 && cause != NULL,
	    "broken JSON: %s", cause ? cause : "");
	FREE(&cause);
	ok(json_wp_error(err, strlen(err), &code, &msg) == 0 &&
	    strcmp(code, "comment_duplicate") == 0 && strstr(msg,
	    "Duplicate") != NULL, "an error's code and message");
	free(code);
	free(msg);
	ok(json_wp_error("[]", 2, &code, &msg) != 0, "an array is no error");
	ok(json_wp_first_id("[{\"id\":42},{\"id\":1}]", 20) == 42,
	    "the first post of a slug lookup");
	ok(json_wp_first_id("[]", 2) == 0, "no post: 0");
	body = json_wp_new_comment(9, 4, "답글 \"q\"");
	ok(body != NULL && strcmp(body, "{\"post\":9,\"parent\":4,"
	    "\"content\":\"답글 \\\"q\\\"\"}") == 0,
	    "a new comment's body: %s", body);
	free(body);
	body = json_wp_new_comment(9, 0, "top");
	ok(body != NULL && strstr(body, "parent") == NULL,
	    "a top-level comment names no parent");
	free(body);
}

/* A cache in dir with one article: its id, or 0. */
static long long
threads_article(const char *dir, struct cache **c)
{
	static const char *const paras[] = { "Text.", NULL };
	struct import_sink	 sink;
	struct import_article	 ia;
	char			*cause = NULL;

	if ((*c = test_cache_new(dir, "threads.db")) == NULL)
		return 0;
	cache_sink(*c, &sink);
	memset(&ia, 0, sizeof ia);
	ia.source = ia.key = ia.url = "https://t.test/a";
	ia.original = "en";
	if (sink.begin(sink.arg, &ia, &cause) != 0 ||
	    test_sink_translation(&sink, "en", "Threads", 0, 1,
	    "https://t.test/a", paras, &cause) != 0 ||
	    sink.end(sink.arg, 1, &cause) != 0) {
		diag("%s", cause);
		free(cause);
		return 0;
	}
	return test_cache_newest(*c);
}

/* The remote parent of remote id rid among v, or -1. */
static long long
threads_parent(const struct article_comment *v, size_t n, long long rid)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (v[i].remote_id == rid)
			return v[i].remote_parent;
	return -1;
}

#define CHAIN	3000

static void
test_threads(const char *dir)
{
	static const long long odd[][2] = {
		{ 10001, 10002 }, { 10002, 10003 }, { 10003, 10001 },
		{ 10010, 10010 }, { 10020, 99999 },
	};
	struct article_comment	 v[CHAIN + 5], *m;
	struct cache		*c;
	size_t			 n = CHAIN + 5, nm, i, k, bad, tops;
	long long		 id;
	char			*cause = NULL;
	int			 pass;

	if ((id = threads_article(dir, &c)) == 0) {
		ok(0, "a cache with an article for threads");
		return;
	}
	for (pass = 1; pass <= 2; pass++) {
		/* Comment k answers k + 1, and they come shuffled. */
		memset(v, 0, sizeof v);
		for (i = 0; i < n; i++) {
			k = (i * 7919) % n;
			v[k].body = "x";
			v[k].remote_id = i < CHAIN ? (long long)i + 1 :
			    odd[i - CHAIN][0];
			v[k].remote_parent = i + 1 < CHAIN ? (long long)i + 2 :
			    i < CHAIN ? 0 : odd[i - CHAIN][1];
		}
		ok(cache_remote_sync(c, id, "https://t.test/a", "en", v, n,
		    &cause) == 0, "sync %d of %d comments in any order", pass,
		    (int)n);
		if (cache_comments_load(c, id, &m, &nm, &cause) != 0) {
			diag("%s", cause);
			FREE(&cause);
			continue;
		}
		is_int(nm, n, "  every one stored once");
		for (i = 1, bad = 0; i <= CHAIN; i++)
			bad += threads_parent(m, nm, (long long)i) !=
			    (i < CHAIN ? (long long)i + 1 : 0);
		is_int(bad, 0, "  a chain %d deep whose parents have the "
		    "larger ids keeps every parent", CHAIN);
		for (i = 0, tops = 0; i < 3; i++)
			tops += threads_parent(m, nm, odd[i][0]) == 0;
		is_int(tops, 1, "  a cycle of three is cut once");
		ok(threads_parent(m, nm, 10010) == 0 &&
		    threads_parent(m, nm, 10020) == 0, "  one's own parent "
		    "and a parent not in the list: top level");
		article_comments_free(m, nm);
	}
	cache_close(c);
}

int
main(void)
{
	char	tmpl[] = "/tmp/test-site.XXXXXX", *dir, *rm;

	if ((dir = mkdtemp(tmpl)) == NULL)
		return 1;
	test_sites();
	test_passwords(dir);
	test_html();
	test_json();
	test_threads(dir);
	xasprintf(&rm, "rm -rf '%s'", dir);
	if (system(rm) != 0)
		diag("cannot remove %s", dir);
	free(rm);
	return tap_done();
}
