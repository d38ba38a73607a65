/*
 * test-feed-store.c: a feed's entries as articles, and subscriptions in
 * the cache, without the network: entries collected from a feed in
 * memory, grouped by their hreflang alternates (but never two of one
 * language), emitted through a recording sink that forgets an article
 * thrown away; a feed's update as one transaction that an abort leaves
 * untouched; entries seen again found by key with their digest;
 * unsubscribe --purge keeping articles another feed has; Retry-After
 * read as seconds or as a date.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "cache-feed.h"
#include "feed-store.h"
#include "fetch-multi.h"
#include "tap.h"
#include "test-cache-util.h"
#include "xmalloc.h"

static const char atom[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"
    "<title>T</title><id>urn:t</id><updated>2026-05-04T10:00:00Z</updated>"
    "<entry><title>Bridge</title><id>e1</id>"
    "<updated>2026-05-04T10:00:00Z</updated>"
    "<link rel=\"alternate\" hreflang=\"en\" href=\"http://t.test/en/b\"/>"
    "<link rel=\"alternate\" hreflang=\"de\" href=\"http://t.test/de/b\"/>"
    "<content type=\"html\">&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;"
    "</content></entry>"
    "<entry xml:lang=\"de\"><title>Br\xc3\xbc" "cke</title><id>e2</id>"
    "<updated>2026-05-04T10:00:00Z</updated>"
    "<link rel=\"alternate\" hreflang=\"de\" href=\"http://t.test/de/b\"/>"
    "<link rel=\"alternate\" hreflang=\"en\" href=\"http://t.test/en/b\"/>"
    "<content type=\"html\">&lt;p&gt;Eins.&lt;/p&gt;</content></entry>"
    /* Names e1's page but is in e1's language: not a translation. */
    "<entry><title>Bridge again</title><id>e3</id>"
    "<updated>2026-05-04T10:00:00Z</updated>"
    "<link rel=\"alternate\" href=\"http://t.test/en/b2\"/>"
    "<link rel=\"alternate\" hreflang=\"fr\" href=\"http://t.test/en/b\"/>"
    "<summary>Again.</summary></entry>"
    "</feed>\n";

static void
test_collect_group(struct feed_store_feed *f)
{
	char	*cause = NULL;

	memset(f, 0, sizeof *f);
	ok(feed_store_collect(f, atom, sizeof atom - 1, "http://t.test/f",
	    NULL, &cause) == 0, "collect: parses (%s)", cause ? cause : "");
	free(cause);
	is_int((long long)f->n, 3, "collect: three entries");
	if (f->n != 3)
		return;
	is_str(f->title, "T", "collect: the channel's title");
	is_str(f->lang, "en de", "collect: the entries' languages");
	ok(f->entries[2].summary_only, "collect: a summary only is said so");
	ok(f->entries[0].digest != f->entries[1].digest,
	    "collect: entries have their own digests");
	feed_store_group(f);
	is_int((long long)f->entries[1].group, 0,
	    "group: the de entry joins the en one that names it");
	is_int((long long)f->entries[2].group, 2,
	    "group: a third entry in en stays apart");
}

static void
test_rec(struct feed_store_feed *f)
{
	struct import_sink	 rs;
	struct feed_store_rec	*r;
	struct cache		*c;
	struct cache_counts	 n;
	char			 dir[] = "/tmp/test-feed-store.XXXXXX";
	char			*cause = NULL, *path;

	r = feed_store_rec_new(&rs);
	ok(feed_store_emit(f, 0, "http://t.test/f", &rs, &cause) == 0,
	    "emit: the group into the recorder");
	rs.begin(rs.arg, &(struct import_article){ .source = "s",
	    .key = "k" }, &cause);
	rs.end(rs.arg, 0, &cause);
	if (mkdtemp(dir) == NULL || (c = test_cache_new(dir, "c.db")) ==
	    NULL) {
		ok(0, "a cache");
		feed_store_rec_free(r);
		return;
	}
	cache_sink(c, &rs);
	ok(feed_store_rec_replay(r, &rs, &cause) == 0, "replay: stored");
	test_cache_counts(c, &n);
	is_int(n.articles, 1, "replay: one article (the thrown one is gone)");
	is_int(n.translations, 2, "replay: en and de");
	is_int(n.paragraphs, 3, "replay: every paragraph");
	feed_store_rec_free(r);
	cache_close(c);
	xasprintf(&path, "rm -rf '%s'", dir);
	if (system(path) != 0)
		diag("cannot remove %s", dir);
	free(path);
	free(cause);
}

/* Add a feed called url; 0 on failure. */
static long long
test_add(struct cache *c, const char *url)
{
	struct cache_feed	 f = { 0 };
	char			*tags[] = { "b", "a" }, *cause = NULL;
	long long		 id = 0;

	f.url = (char *)url;
	f.alternates = 1;
	f.tags = tags;
	f.ntags = 2;
	if (cache_feed_add(c, &f, &id, &cause) != 0) {
		diag("add: %s", cause);
		free(cause);
	}
	return id;
}

static void
test_cache_feeds(struct feed_store_feed *ff)
{
	struct cache		*c;
	struct cache_feed	*f;
	struct cache_feed_result res = { 0 };
	struct import_sink	 sink;
	struct cache_counts	 n;
	char			 dir[] = "/tmp/test-feed-cache.XXXXXX";
	char			*cause = NULL, *cmd;
	long long		 a, b, art, id, purged;
	uint64_t		 digest;
	size_t			 nf;

	if (mkdtemp(dir) == NULL || (c = test_cache_new(dir, "c.db")) ==
	    NULL) {
		ok(0, "a cache");
		return;
	}
	a = test_add(c, "http://t.test/a");
	b = test_add(c, "http://t.test/b");
	ok(a > 0 && b > 0, "feeds added");
	ok(cache_feed_add(c, &(struct cache_feed){ .url = "http://t.test/a" },
	    &id, &cause) != 0 && strstr(cause, "already subscribed") != NULL,
	    "the same URL again: already subscribed");
	FREE(&cause);
	cache_feed_find(c, "http://T.TEST/b", &id, &cause);
	is_int(id, b, "find by URL, normalised");

	/* An update aborted stores nothing; a committed one everything. */
	cache_sink(c, &sink);
	res.etag = "\"e1\"";
	ok(cache_feed_begin(c, &cause) == 0 &&
	    feed_store_emit(ff, 0, "http://t.test/a", &sink, &cause) == 0 &&
	    cache_feed_entry_put(c, a, "e1", 0, 42, &cause) == 0 &&
	    cache_feed_result(c, a, &res, &cause) == 0, "an update stored");
	cache_feed_abort(c);
	test_cache_counts(c, &n);
	is_int(n.articles, 0, "abort: no article");
	cache_feed_entry_get(c, a, "e1", &art, &digest, &cause);
	is_int(art, 0, "abort: no entry");
	ok(cache_feed_begin(c, &cause) == 0 &&
	    feed_store_emit(ff, 0, "http://t.test/a", &sink, &cause) == 0 &&
	    cache_feed_entry_put(c, a, "e1", 0, 42, &cause) == 0 &&
	    cache_feed_result(c, a, &res, &cause) == 0 &&
	    cache_feed_commit(c, &cause) == 0, "the update again, committed");
	cache_feed_entry_get(c, a, "e1", &art, &digest, &cause);
	ok(art > 0 && digest == 42, "commit: the entry and its digest");
	ok(cache_feed_begin(c, &cause) == 0 &&
	    cache_feed_entry_put(c, b, "x", art, 7, &cause) == 0 &&
	    cache_feed_commit(c, &cause) == 0, "feed b has the article too");

	/* One article failing inside an update loses only itself. */
	{
		struct import_article		ia = { .source = "s", .key = "bad" };
		struct import_translation	it = { .lang = "en", .title = "t" };
		long long			before = 0;

		test_cache_counts(c, &n);
		before = n.articles;
		ok(cache_feed_begin(c, &cause) == 0 &&
		    sink.begin(sink.arg, &ia, &cause) == 0 &&
		    sink.translation(sink.arg, &it, &cause) == 0 &&
		    sink.translation(sink.arg, &it, &cause) != 0,
		    "a second translation in en fails");
		FREE(&cause);
		sink.end(sink.arg, 0, &cause);
		FREE(&cause);
		ok(cache_feed_pending(c), "  the feed's transaction stays open");
		ok(cache_feed_entry_put(c, b, "y", art, 8, &cause) == 0 &&
		    cache_feed_commit(c, &cause) == 0, "  and commits the rest");
		test_cache_counts(c, &n);
		is_int(n.articles, before, "  without the failed article");
		cache_feed_entry_get(c, b, "y", &id, &digest, &cause);
		is_int(id, art, "  with the other entry's row");
	}
	cache_feed_list(c, &f, &nf, &cause);
	ok(nf == 2 && f[0].articles == 1 && f[0].unread == 1 &&
	    f[0].etag != NULL && strcmp(f[0].etag, "\"e1\"") == 0 &&
	    f[0].ntags == 2 && strcmp(f[0].tags[0], "a") == 0,
	    "list: counts, validators, sorted tags");
	cache_feed_free_all(f, nf);

	cache_feed_remove(c, a, 1, &purged, &cause);
	is_int(purged, 0, "purge keeps an article another feed has");
	cache_feed_remove(c, b, 1, &purged, &cause);
	is_int(purged, 1, "purge of its last feed removes it");
	test_cache_counts(c, &n);
	is_int(n.articles, 0, "no article is left");
	cache_close(c);
	xasprintf(&cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		diag("cannot remove %s", dir);
	free(cmd);
	free(cause);
}

int
main(void)
{
	struct feed_store_feed	f;

	test_collect_group(&f);
	if (f.n == 3) {
		test_rec(&f);
		test_cache_feeds(&f);
	}
	feed_store_feed_free(&f);
	is_int(fetch_multi_retry_after("120", 1000), 1120,
	    "Retry-After in seconds");
	is_int(fetch_multi_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 0),
	    1445412480, "Retry-After as a date");
	is_int(fetch_multi_retry_after("soon", 0), 0,
	    "Retry-After unreadable: 0");
	return tap_done();
}
