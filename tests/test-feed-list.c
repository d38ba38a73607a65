/*
 * test-feed-list.c: the article list's feed column and the list narrowed
 * to a feed or a tag (cache-feed.h): which feed a row names, counts and
 * pages of the filtered list by cursor and by row number agreeing with
 * each other and with what was stored, and the query plans (the list
 * index and feed_entry_article, no table scan).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "cache-feed.h"
#include "tap.h"
#include "test-cache-util.h"
#include "xmalloc.h"

#define NART	40	/* articles from feeds; NART / 4 more from none */

static long long feed_a, feed_b, feed_c;

static long long
test_add(struct cache *c, const char *url, const char *title, char *tag)
{
	struct cache_feed	 f = { 0 };
	char			*cause = NULL;
	long long		 id = 0;

	f.url = (char *)url;
	f.title = (char *)title;
	f.tags = tag != NULL ? &tag : NULL;
	f.ntags = tag != NULL;
	if (cache_feed_add(c, &f, &id, &cause) != 0) {
		diag("add %s: %s", url, cause);
		free(cause);
	}
	return id;
}

/* Article i, brought by feed (0: by none), in its own transaction. */
static int
test_article(struct cache *c, int i, long long feed, long long also)
{
	static const char *const paras[] = { "A paragraph.", NULL };
	struct import_sink	 sink;
	struct import_article	 a = { 0 };
	char			 key[32], title[32], *cause = NULL;

	snprintf(key, sizeof key, "k%d", i);
	snprintf(title, sizeof title, "Story %d", i);
	a.source = "http://feeds.test/";
	a.key = key;
	cache_sink(c, &sink);
	if (feed != 0 && cache_feed_begin(c, &cause) != 0)
		return test_sink_abort(&sink, "begin", cause);
	if (sink.begin(sink.arg, &a, &cause) != 0 ||
	    test_sink_translation(&sink, "en", title, 0, 1, NULL, paras,
	    &cause) != 0 || sink.end(sink.arg, 1, &cause) != 0)
		return test_sink_abort(&sink, "import", cause);
	if (feed == 0)
		return 0;
	if (cache_feed_entry_put(c, feed, key, 0, 1, &cause) != 0 ||
	    (also != 0 && cache_feed_entry_put(c, also, key, 0, 1,
	    &cause) != 0) || cache_feed_commit(c, &cause) != 0) {
		diag("entry %s: %s", key, cause);
		free(cause);
		cache_feed_abort(c);
		return -1;
	}
	return 0;
}

/* Feed of article i: a, b, c in turn, every fourth from none. */
static long long
test_feed_of(int i)
{
	static const long long *const which[] = { &feed_a, &feed_b, &feed_c };

	if (i % 5 == 4)
		return 0;
	return *which[i % 3];
}

static void
test_column(struct cache *c, int n)
{
	struct article_summary	*rows;
	size_t			 nr, i;
	char			*cause = NULL;
	int			 good = 1, idx;
	const char		*want;

	if (cache_list(c, NULL, NULL, (size_t)n, &rows, &nr, &cause) != 0) {
		ok(0, "list: %s", cause);
		free(cause);
		return;
	}
	is_int((long long)nr, n, "the whole list");
	for (i = 0; i < nr; i++) {
		idx = n - 1 - (int)i;	/* newest first */
		if (idx == 0 || test_feed_of(idx) == feed_a)
			want = "Alpha";
		else if (test_feed_of(idx) == feed_b)
			want = "tech";
		else if (test_feed_of(idx) == feed_c)
			want = "http://c.test/feed";
		else
			want = NULL;
		if (want == NULL ? rows[i].feed != NULL : rows[i].feed ==
		    NULL || strcmp(rows[i].feed, want) != 0) {
			diag("row %zu (%s): feed %s, want %s", i,
			    rows[i].title, rows[i].feed ? rows[i].feed :
			    "NULL", want ? want : "NULL");
			good = 0;
		}
	}
	ok(good, "each row names its feed: title, else tag, else URL; "
	    "none for an import; the first of two feeds");
	article_summaries_free(rows, nr);
}

/* What cache_list_each() gives, collected. */
struct test_ids {
	long long	*ids;
	size_t		 n, max;
};

static int
test_collect(const struct article_summary *a, void *arg)
{
	struct test_ids	*t = arg;

	if (t->n < t->max)
		t->ids[t->n++] = a->id;
	return 0;
}

/* The filtered list walked whole; its ids into ids. */
static size_t
test_walk(struct cache *c, const struct cache_filter *f, long long *ids,
    size_t max)
{
	struct test_ids	 t = { ids, 0, max };
	char		*cause = NULL;

	if (cache_list_each(c, f, NULL, test_collect, &t, &cause) != 0) {
		diag("filtered: %s", cause);
		free(cause);
		return 0;
	}
	return t.n;
}

static void
test_filter(struct cache *c, const char *name,
    const struct cache_filter *f, long long feed, int n)
{
	struct article_summary	*rows;
	long long		 ids[NART * 2], count = -1;
	size_t			 got, nr, i, want = 0;
	char			*cause = NULL;
	int			 good = 1, idx;

	for (idx = n - 1; idx >= 0; idx--)
		if (test_feed_of(idx) == feed || (idx == 0 && feed == feed_b))
			want++;
	if (cache_list_count(c, f, &count, &cause) != 0)
		FREE(&cause);
	is_int(count, (long long)want, "%s: counted", name);
	got = test_walk(c, f, ids, sizeof ids / sizeof ids[0]);
	is_int((long long)got, (long long)want, "%s: listed whole", name);
	for (i = 0, idx = n - 1; i < got && idx >= 0; idx--) {
		if (test_feed_of(idx) != feed && !(idx == 0 && feed == feed_b))
			continue;
		if (ids[i++] != idx + 1)	/* ids are 1.. in import order */
			good = 0;
	}
	ok(good, "%s: its articles, newest first", name);
	for (i = 0; i < got; i += 2) {
		if (cache_list_query(c, f, NULL, i, 2, &rows, &nr,
		    &cause) != 0) {
			FREE(&cause);
			good = 0;
			break;
		}
		if (nr == 0 || rows[0].id != ids[i] ||
		    (i + 1 < got && (nr != 2 || rows[1].id != ids[i + 1])))
			good = 0;
		article_summaries_free(rows, nr);
	}
	ok(good, "%s: at a row number, the same rows", name);
}

static void
test_plans(struct cache *c, const struct cache_filter *f)
{
	static const struct {
		enum cache_query	 q;
		const char		*name, *want;
	} t[] = {
		{ CACHE_QUERY_FILTERED, "feed page", "article_list" },
		{ CACHE_QUERY_FILTERED, "feed page's probe",
		    "feed_entry_article" },
		{ CACHE_QUERY_LIST, "list's feed column", "feed_entry_article" },
		{ CACHE_QUERY_FILTERED_COUNT, "feed count's probe",
		    "feed_entry_article" },
	};
	char	*plan, *cause = NULL, *line;
	size_t	 i;
	int	 scan;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		if ((t[i].q == CACHE_QUERY_LIST ? cache_explain(c, t[i].q,
		    &plan, &cause) : cache_explain_list(c, f, t[i].q, &plan,
		    &cause)) != 0) {
			ok(0, "explain %s: %s", t[i].name, cause);
			FREE(&cause);
			continue;
		}
		/* A scan of a table, not of an index or a subquery. */
		scan = 0;
		for (line = plan; line != NULL && *line != '\0';
		    line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
			if (strncmp(line, "SCAN ", 5) == 0 &&
			    strncmp(line, "SCAN feed_tag", 13) != 0 &&
			    strstr(line, "USING") == NULL &&
			    strstr(line, "subquery") == NULL)
				scan = 1;
		ok(!scan && strstr(plan, t[i].want) != NULL,
		    "%s: uses %s, no table scan", t[i].name, t[i].want);
		if (scan || strstr(plan, t[i].want) == NULL)
			diag("plan:\n%s", plan);
		free(plan);
	}
}

int
main(void)
{
	struct cache_filter		 fa, ft, fb, none;
	struct cache			*c;
	char				 dir[] = "/tmp/test-feed-list.XXXXXX";
	char				*cmd, *cause = NULL;
	long long			 n = -1;
	int				 i, total = NART + NART / 4, made = 0;

	if (mkdtemp(dir) == NULL || (c = test_cache_new(dir, "c.db")) ==
	    NULL)
		return ok(0, "a cache"), tap_done();
	feed_a = test_add(c, "http://a.test/feed", "Alpha", "news");
	feed_b = test_add(c, "http://b.test/feed", NULL, "tech");
	feed_c = test_add(c, "http://c.test/feed", NULL, NULL);
	ok(feed_a > 0 && feed_b > 0 && feed_c > 0, "three feeds");
	for (i = 0; i < total; i++)
		if (test_article(c, i, test_feed_of(i), i == 0 ? feed_b : 0) ==
		    0)
			made++;
	is_int(made, total, "%d articles stored", total);

	test_column(c, total);
	memset(&fa, 0, sizeof fa);
	ft = fb = none = fa;
	ft.tag = "news";
	none.tag = "nope";
	fa.feed = feed_a;
	fb.feed = feed_b;
	test_filter(c, "feed a", &fa, feed_a, total);
	test_filter(c, "tag news (feed a)", &ft, feed_a, total);
	test_filter(c, "feed b (and the article it shares with a)", &fb,
	    feed_b, total);
	if (cache_list_count(c, &none, &n, &cause) != 0)
		FREE(&cause);
	is_int(n, 0, "a tag no feed has: nothing");
	test_plans(c, &fa);

	cache_close(c);
	xasprintf(&cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		diag("cannot remove %s", dir);
	free(cmd);
	return tap_done();
}
