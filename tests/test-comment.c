/*
 * test-comment.c: comments as tandem writes them (comment.h): the
 * identity kept in a temporary cache, what each policy lets each identity
 * do, threads put in reading order, and the timestamp a new comment gets.
 *
 * Threads are checked as a serialised string, one "id/depth" per comment
 * in reading order, so a table row shows the whole expected order.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache.h"
#include "comment.h"
#include "tap.h"
#include "test-cache-util.h"
#include "test-util.h"
#include "xmalloc.h"

static char	*tmpdir;

static struct cache *
db_open(const char *name)
{
	struct cache	*c;

	if ((c = test_cache_new(tmpdir, name)) == NULL)
		ok(0, "cache_open %s", name);
	return c;
}

/* Read the identity back and compare; NULL wants "nobody" / no e-mail. */
static void
identity_is(struct cache *c, const char *name, const char *email,
    const char *what)
{
	struct comment_identity	 id = { NULL, NULL };
	char			*cause = NULL;

	if (!is_int(comment_identity_get(c, &id, &cause), 0, "%s: get", what)) {
		diag("%s", cause ? cause : "(no cause)");
		FREE(&cause);
		return;
	}
	ok(name == NULL ? id.name == NULL :
	    id.name != NULL && strcmp(id.name, name) == 0,
	    "%s: name is %s", what, name ? name : "unset");
	ok(email == NULL ? id.email == NULL :
	    id.email != NULL && strcmp(id.email, email) == 0,
	    "%s: e-mail is %s", what, email ? email : "unset");
	comment_identity_free(&id);
	ok(id.name == NULL && id.email == NULL, "%s: free clears it", what);
}

static void
test_identity(void)
{
	struct cache	*c;
	char		*cause = NULL;

	if ((c = db_open("identity.db")) == NULL)
		return;
	identity_is(c, NULL, NULL, "a new cache");
	is_int(comment_identity_set(c, "민수 Kim", "minsu@site.test",
	    &cause), 0, "set a name and an e-mail");
	identity_is(c, "민수 Kim", "minsu@site.test", "after set");
	is_int(comment_identity_set(c, "Ann", "", &cause), 0,
	    "set a name with an empty e-mail");
	identity_is(c, "Ann", NULL, "an empty e-mail");

	is_int(comment_identity_set(c, "", "x@site.test", &cause), -1,
	    "an empty name is refused");
	is_str(cause, "a display name is needed", "and says why");
	FREE(&cause);
	is_int(comment_identity_set(c, NULL, NULL, &cause), -1,
	    "no name is refused");
	FREE(&cause);
	identity_is(c, "Ann", NULL, "after the refusals");

	is_int(comment_identity_set(c, "Bo", "bo@site.test", &cause), 0,
	    "set again");
	cache_close(c);
	if ((c = db_open("identity.db")) == NULL)
		return;
	identity_is(c, "Bo", "bo@site.test", "after reopening the cache");
	is_int(comment_identity_clear(c, &cause), 0, "clear");
	identity_is(c, NULL, NULL, "after clear");
	is_int(comment_identity_clear(c, &cause), 0, "clear twice");
	cache_close(c);
}

static void
test_refusal(void)
{
	static char			 name[] = "Ann", email[] = "a@site.test";
	static const struct comment_identity
					 nobody = { NULL, NULL },
					 email_only = { NULL, email },
					 named = { name, NULL };
	static const struct {
		enum article_policy		 policy;
		const char			*policy_name;
		const struct comment_identity	*id;
		const char			*id_name;
		const char			*want;
	} t[] = {
		{ ARTICLE_POLICY_UNKNOWN, "unknown", NULL, "no identity", NULL },
		{ ARTICLE_POLICY_UNKNOWN, "unknown", &nobody, "nobody", NULL },
		{ ARTICLE_POLICY_UNKNOWN, "unknown", &named, "a name", NULL },
		{ ARTICLE_POLICY_OPEN, "open", NULL, "no identity", NULL },
		{ ARTICLE_POLICY_OPEN, "open", &nobody, "nobody", NULL },
		{ ARTICLE_POLICY_OPEN, "open", &named, "a name", NULL },
		{ ARTICLE_POLICY_LOGIN, "login", NULL, "no identity",
		  COMMENT_LOGIN },
		{ ARTICLE_POLICY_LOGIN, "login", &nobody, "nobody",
		  COMMENT_LOGIN },
		{ ARTICLE_POLICY_LOGIN, "login", &email_only, "an e-mail only",
		  COMMENT_LOGIN },
		{ ARTICLE_POLICY_LOGIN, "login", &named, "a name", NULL },
		{ ARTICLE_POLICY_CLOSED, "closed", NULL, "no identity",
		  COMMENT_CLOSED },
		{ ARTICLE_POLICY_CLOSED, "closed", &nobody, "nobody",
		  COMMENT_CLOSED },
		{ ARTICLE_POLICY_CLOSED, "closed", &named, "a name",
		  COMMENT_CLOSED },
	};
	const char	*got;
	size_t		 i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		got = comment_refusal(t[i].policy, t[i].id);
		ok(t[i].want == NULL ? got == NULL :
		    got != NULL && strcmp(got, t[i].want) == 0,
		    "policy %s, %s: %s", t[i].policy_name, t[i].id_name,
		    t[i].want ? t[i].want : "may write");
		if (got != NULL && t[i].want == NULL)
			diag("refused: %s", got);
	}
}

/* "id/depth ..." for comments in the order comment_thread puts them. */
static char *
thread_string(const struct article_comment *c, size_t n)
{
	size_t	*order = xcalloc(n + 1, sizeof *order), i, len = 0;
	int	*depth = xcalloc(n + 1, sizeof *depth);
	char	*s = xmalloc(n * 48 + 1);

	comment_thread(c, n, order, depth);
	s[0] = '\0';
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(s + len, 48, "%s%lld/%d",
		    i ? " " : "", c[order[i]].id, depth[i]);
	free(order);
	free(depth);
	return s;
}

/* Up to 8 comments as id,parent pairs (0,0 ends), in cache order. */
#define THREAD_MAX	8
static const struct {
	const char	*what;
	long long	 ids[THREAD_MAX][2];
	const char	*want;
} thread_tests[] = {
	{ "no comments", { { 0, 0 } }, "" },
	{ "one comment", { { 7, 0 } }, "7/0" },
	{ "top-level comments keep their order",
	  { { 1, 0 }, { 2, 0 }, { 3, 0 } }, "1/0 2/0 3/0" },
	{ "a reply to a reply nests twice",
	  { { 1, 0 }, { 2, 1 }, { 3, 2 }, { 4, 0 } }, "1/0 2/1 3/2 4/0" },
	{ "replies follow their parent, oldest first",
	  { { 1, 0 }, { 2, 0 }, { 3, 1 }, { 4, 2 }, { 5, 1 }, { 6, 3 } },
	  "1/0 3/1 6/2 5/1 2/0 4/1" },
	{ "a reply stored before its parent",
	  { { 5, 9 }, { 9, 0 } }, "9/0 5/1" },
	{ "a reply to a missing comment is top level",
	  { { 1, 0 }, { 2, 42 }, { 3, 2 } }, "1/0 2/0 3/1" },
	{ "a cycle loses no comment",
	  { { 1, 2 }, { 2, 1 }, { 3, 0 } }, "3/0 1/0 2/1" },
	{ "a comment that is its own parent is kept",
	  { { 1, 1 }, { 2, 0 } }, "2/0 1/0" },
};

static void
test_thread_table(void)
{
	struct article_comment	 c[THREAD_MAX];
	size_t			 i, n;
	char			*got;

	for (i = 0; i < sizeof thread_tests / sizeof thread_tests[0]; i++) {
		memset(c, 0, sizeof c);
		for (n = 0; n < THREAD_MAX && thread_tests[i].ids[n][0] != 0;
		    n++) {
			c[n].id = thread_tests[i].ids[n][0];
			c[n].parent = thread_tests[i].ids[n][1];
		}
		got = thread_string(c, n);
		is_str(got, thread_tests[i].want, "thread: %s",
		    thread_tests[i].what);
		free(got);
	}
}

/*
 * A chain as deep as hostile-files.sh's.  Each comment's replies are
 * found by a scan of all of them, so a deeper one would cost seconds.
 */
static void
test_thread_deep(void)
{
	enum { N = 10000 };
	struct article_comment	*c = xcalloc(N, sizeof *c);
	size_t			*order = xcalloc(N, sizeof *order), i;
	int			*depth = xcalloc(N, sizeof *depth), bad = 0;

	for (i = 0; i < N; i++) {
		c[i].id = (long long)i + 1;
		c[i].parent = (long long)i;
	}
	comment_thread(c, N, order, depth);
	for (i = 0; i < N; i++)
		if (order[i] != i || depth[i] != (int)i)
			bad++;
	is_int(bad, 0, "a chain of %d replies, each one deeper", N);
	free(c);
	free(order);
	free(depth);
}

/* ISO 8601 UTC, whatever the local time zone: YYYY-MM-DDTHH:MM:SSZ. */
static int
is_iso_utc(const char *s)
{
	static const char	pat[] = "dddd-dd-ddTdd:dd:ddZ";
	size_t			i;

	if (strlen(s) != sizeof pat - 1)
		return 0;
	for (i = 0; pat[i] != '\0'; i++)
		if (pat[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != pat[i])
			return 0;
	return 1;
}

static void
test_now(void)
{
	char		before[32], got[32], after[32];
	time_t		t;
	struct tm	tm;

	setenv("TZ", "KST-9", 1);	/* UTC+9: local time is not UTC */
	tzset();
	t = time(NULL);
	strftime(before, sizeof before, "%Y-%m-%dT%H:%M:%SZ",
	    gmtime_r(&t, &tm));
	comment_now(got, sizeof got);
	t = time(NULL);
	strftime(after, sizeof after, "%Y-%m-%dT%H:%M:%SZ",
	    gmtime_r(&t, &tm));
	ok(is_iso_utc(got), "comment_now is YYYY-MM-DDTHH:MM:SSZ: %s", got);
	/* The format sorts as time does. */
	ok(strcmp(before, got) <= 0 && strcmp(got, after) <= 0,
	    "comment_now is now in UTC: %s <= %s <= %s", before, got, after);
}

/* Stored UTC times, as the pane and tandem comments show them. */
static void
test_time(void)
{
	static const struct {
		const char	*iso;
		long long	 ago;		/* seconds before now */
		const char	*want;
	} rows[] = {
		{ "2026-11-26T12:00:00Z", 0, "just now" },
		{ "2026-11-26T12:00:00Z", 59, "just now" },
		{ "2026-11-26T12:00:00Z", 60, "1 min ago" },
		{ "2026-11-26T12:00:00Z", 3599, "59 min ago" },
		{ "2026-11-26T12:00:00Z", 3 * 3600 + 5, "3 h ago" },
		{ "2026-11-26T12:00:00Z", 86400, "2026-11-26 21:00" },
		{ "2026-11-26T12:00:00Z", -7200, "2026-11-26 21:00" },
		{ "yesterday", 0, "yesterday" },
		{ "2026-11-26T12:00:00+01:00", 0, "2026-11-26T12:00:00+01:00" },
	};
	struct tm	tm;
	char		buf[64];
	size_t		i;
	time_t		t;

	/* Seoul, UTC+9 all year: the local time is the one shown. */
	setenv("TZ", "KST-9", 1);
	tzset();
	memset(&tm, 0, sizeof tm);
	strptime("2026-11-26T12:00:00", "%Y-%m-%dT%H:%M:%S", &tm);
	t = timegm(&tm);
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		comment_time(rows[i].iso, t + rows[i].ago, buf, sizeof buf);
		is_str(buf, rows[i].want, "%s, %lld s later", rows[i].iso,
		    rows[i].ago);
	}
	comment_time(NULL, t, buf, sizeof buf);
	is_str(buf, "", "no time: nothing");
	unsetenv("TZ");
	tzset();
}

int
main(void)
{
	char	dir[] = "/tmp/tandem-test-comment-XXXXXX";

	if ((tmpdir = test_tmpdir_make(dir)) == NULL)
		return 99;
	test_identity();
	test_refusal();
	test_thread_table();
	test_thread_deep();
	test_now();
	test_time();

	test_tmpdir_remove(tmpdir);
	return tap_done();
}
