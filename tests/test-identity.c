/*
 * test-identity.c: the cache knows an article by its URL.
 *
 * Articles go in through the sink as importers send them, from several
 * source paths; the rows are read back through cache.h.  The one place
 * that speaks SQL itself is the migration test, which builds a cache of
 * the previous schema version from the cache's own migrations, the way
 * an older tandem left it, and puts old rows in.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "cache.h"
#include "tap.h"
#include "test-cache-util.h"
#include "test-util.h"
#include "xmalloc.h"

static char	*tmpdir;

/* One translation to import: its language, URL (or NULL) and text. */
struct tr {
	const char	*lang;
	const char	*url;
	const char	*text;		/* paragraphs, split at '|' */
};

/*
 * Import one article: source path, article URL (or NULL; then key is
 * its text) and up to three translations.  Returns 0 or -1.
 */
static int
imp(struct cache *c, const char *source, const char *url,
    const struct tr *t, size_t nt)
{
	struct import_sink		 sink;
	struct import_article		 ia;
	struct import_translation	 it;
	char				*cause = NULL, *p, *copy, *save;
	size_t				 i;
	int				 rc;

	cache_sink(c, &sink);
	memset(&ia, 0, sizeof ia);
	ia.source = source;
	ia.key = url != NULL ? url : t[0].text;
	ia.url = url;
	ia.original = t[0].lang;
	rc = sink.begin(sink.arg, &ia, &cause);
	for (i = 0; rc == 0 && i < nt; i++) {
		memset(&it, 0, sizeof it);
		it.lang = t[i].lang;
		it.lang_confidence = 1;
		it.title = t[i].lang;
		it.url = t[i].url;
		rc = sink.translation(sink.arg, &it, &cause);
		copy = xstrdup(t[i].text);
		for (p = strtok_r(copy, "|", &save); rc == 0 && p != NULL;
		    p = strtok_r(NULL, "|", &save))
			rc = sink.paragraph(sink.arg, p, strlen(p), &cause);
		free(copy);
	}
	if (rc == 0)
		rc = sink.end(sink.arg, 1, &cause);
	else
		sink.end(sink.arg, 0, &p);
	if (rc != 0) {
		diag("import %s: %s", source, cause != NULL ? cause : "?");
		free(cause);
	}
	return rc;
}

static long long
narticles(struct cache *c)
{
	struct cache_counts	n;

	if (test_cache_counts(c, &n) != 0)
		return -1;
	return n.articles;
}

/* The ids of the two newest articles (0 when missing), newest first. */
static void
newest(struct cache *c, long long *a, long long *b)
{
	struct article_summary	*v = NULL;
	size_t			 n = 0;
	char			*cause = NULL;

	*a = *b = 0;
	if (cache_list(c, NULL, NULL, 2, &v, &n, &cause) != 0) {
		diag("%s", cause);
		free(cause);
	}
	if (n > 0)
		*a = v[0].id;
	if (n > 1)
		*b = v[1].id;
	article_summaries_free(v, n);
}

/* The text of the first paragraph of translation i, "" if none. */
static char *
first_para(struct cache *c, long long id, size_t i, char **source)
{
	struct article	*a;
	char		*s;

	if ((a = test_article_load(c, id)) == NULL)
		return xstrdup("");
	s = xstrdup(i < a->ntranslations &&
	    a->translations[i].nparagraphs > 0 ?
	    a->translations[i].paragraphs[0].text : "");
	if (source != NULL)
		*source = xstrdup(a->source);
	article_free(a);
	return s;
}

/* The same URL from two paths: one article, updated, its state kept. */
static void
test_same_url(void)
{
	struct tr		 one = { "en", NULL, "old one|old two" };
	struct tr		 two = { "en", NULL, "new one|new two|new three" };
	struct article_comment	 mine, *m = NULL;
	struct article_summary	*v = NULL;
	struct cache		*c;
	char			*cause = NULL, *s, *src;
	size_t			 nm = 0, n = 0;
	long long		 id, other, cid;

	if ((c = test_cache_new(tmpdir, "same.db")) == NULL) {
		ok(0, "open same.db");
		return;
	}
	ok(imp(c, "/d1/a.txt", "HTTPS://Example.test:443/story#top", &one,
	    1) == 0, "import from d1");
	newest(c, &id, &other);
	cache_article_set_read(c, id, 1, &cause);
	memset(&mine, 0, sizeof mine);
	mine.body = "my note";
	mine.state = ARTICLE_COMMENT_DRAFT;
	ok(cache_comment_add(c, id, &mine, &cid, &cause) == 0,
	    "mark it read and comment on it");
	ok(imp(c, "/d2/a.txt", "https://example.test/story", &two, 1) == 0,
	    "import the same URL, spelled otherwise, from d2");
	is_int(narticles(c), 1, "one article");
	is_int((long long)cache_import_stats(c)->articles_new, 1,
	    "counted new once");
	is_int((long long)cache_import_stats(c)->articles_updated, 1,
	    "and updated once");
	s = cache_import_summary(cache_import_stats(c));
	is_str(s, "imported 1 article, updated 1, 2 translations,"
	    " 5 paragraphs", "the summary says updated");
	free(s);
	newest(c, &other, &cid);
	is_int(other, id, "the same id");
	s = first_para(c, id, 0, &src);
	is_str(s, "new one", "the paragraphs are replaced");
	is_str(src, "/d1/a.txt", "the source is where it was first seen");
	free(s);
	free(src);
	ok(cache_list(c, NULL, NULL, 1, &v, &n, &cause) == 0 && n == 1 &&
	    v[0].read, "the read mark is kept");
	article_summaries_free(v, n);
	cache_comments_load(c, id, &m, &nm, &cause);
	ok(nm == 1 && strcmp(m[0].body, "my note") == 0, "the comment too");
	article_comments_free(m, nm);
	ok(imp(c, "-", "http://example.test/story", &one, 1) == 0,
	    "import it from stdin with http://");
	is_int(narticles(c), 2, "another scheme is another page");
	cache_close(c);
}

/* A translation's URL finds its article; the article's URL wins. */
static void
test_translation_url(void)
{
	struct tr	 a[] = {
		{ "ko", "https://e.kr.test/ko/1", "가|나" },
		{ "en", "https://e.kr.test/en/1", "a|b" },
	};
	struct tr	 b[] = {
		{ "ko", NULL, "다" },
		{ "en", "https://E.KR.test/en/1#c", "c" },
	};
	struct tr	 other = { "fr", "https://e.fr.test/2", "autre" };
	struct tr	 both[] = {
		{ "ko", NULL, "라" },
		{ "en", "https://e.fr.test/2", "d" },
	};
	struct cache	*c;
	char		*s, *src = NULL;
	long long	 id, x, y, n;

	if ((c = test_cache_new(tmpdir, "tr.db")) == NULL) {
		ok(0, "open tr.db");
		return;
	}
	imp(c, "/d1/a.txt", "https://e.kr.test/1", a, 2);
	newest(c, &id, &x);
	ok(imp(c, "/d2/b.txt", NULL, b, 2) == 0,
	    "import an article with no URL whose second translation has"
	    " the first's English URL");
	is_int(narticles(c), 1, "it is that article");
	is_int((long long)cache_import_stats(c)->articles_updated, 1,
	    "counted as updated");
	newest(c, &x, &y);
	is_int(x, id, "under its id");
	s = first_para(c, id, 0, &src);
	is_str(s, "다", "with the new text");
	is_str(src, "/d1/a.txt", "and its first source");
	free(s);
	free(src);
	s = first_para(c, id, 1, NULL);
	is_str(s, "c", "in every translation");
	free(s);
	is_int(cache_count(c, &n, NULL) == 0 ? n : -1, 1,
	    "the article count agrees");

	imp(c, "/d3/o.txt", "https://e.fr.test/2", &other, 1);
	is_int(narticles(c), 2, "a second article");
	ok(imp(c, "/d4/x.txt", "https://e.kr.test/1", both, 2) == 0,
	    "an article whose URL is the first's, a translation the"
	    " second's");
	is_int(narticles(c), 2, "still two");
	s = first_para(c, id, 0, NULL);
	is_str(s, "라", "the article's URL wins");
	free(s);
	newest(c, &x, &y);
	s = first_para(c, x, 0, NULL);
	is_str(s, "autre", "the other keeps its text");
	free(s);
	cache_close(c);
}

/* Without URLs an article is its (source, text), as before. */
static void
test_no_url(void)
{
	struct tr	 t = { "en", NULL, "plain" };
	struct cache	*c;

	if ((c = test_cache_new(tmpdir, "nourl.db")) == NULL) {
		ok(0, "open nourl.db");
		return;
	}
	imp(c, "/d1/a.txt", NULL, &t, 1);
	imp(c, "/d2/a.txt", NULL, &t, 1);
	is_int(narticles(c), 2, "no URL: two paths, two articles");
	imp(c, "/d1/a.txt", NULL, &t, 1);
	is_int(narticles(c), 2, "the same path again: the same article");
	is_int((long long)cache_import_stats(c)->articles_updated, 1,
	    "updated");
	cache_close(c);
}

/* In a batch, the same URL twice and an adoption are still one. */
static void
test_batch(void)
{
	struct tr	 t[] = { { "ko", "https://b.kr.test/ko", "가" },
	    { "en", "https://b.kr.test/en", "a" } };
	struct tr	 u[] = { { "en", "https://b.kr.test/en", "b" } };
	struct cache	*c;
	char		*cause = NULL, *s;
	long long	 id, x;

	if ((c = test_cache_new(tmpdir, "batch.db")) == NULL) {
		ok(0, "open batch.db");
		return;
	}
	cache_batch(c, 1, &cause);
	imp(c, "/d1/a.txt", "https://b.kr.test/1", t, 2);
	imp(c, "/d2/a.txt", "https://b.kr.test/1", t, 2);
	imp(c, "/d3/a.txt", "https://b.kr.test/other", u, 1);
	ok(cache_batch(c, 0, &cause) == 0, "a batch of three commits");
	is_int(narticles(c), 1, "one article");
	newest(c, &id, &x);
	s = first_para(c, id, 0, NULL);
	is_str(s, "b", "the last import's text");
	free(s);
	cache_close(c);
}

/* Run a migration's SQL on a raw SQLite handle. */
static int
raw_exec(sqlite3 *db, const char *sql)
{
	char	*err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		diag("%s", err);
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

/* A cache of the version before, with rows: the new one must find them. */
static void
test_migration(void)
{
	struct tr	 t = { "en", NULL, "new" };
	struct tr	 tu = { "en", "https://m.kr.test/en/1", "newer" };
	struct cache	*c;
	sqlite3		*db;
	char		*path, *cause = NULL, *sql, *s;
	int		 v, rc = 0;

	xasprintf(&path, "%s/old.db", tmpdir);
	/* The version before the URL columns (migration 3). */
	for (v = 1; v < cache_version(); v++)
		if (strstr(cache_migration_sql(v + 1), "url_norm") != NULL)
			break;
	if (sqlite3_open(path, &db) != SQLITE_OK) {
		ok(0, "create old.db");
		return;
	}
	for (int i = 1; rc == 0 && i <= v; i++)
		rc = raw_exec(db, cache_migration_sql(i));
	xasprintf(&sql, "PRAGMA user_version = %d;"
	    "INSERT INTO source VALUES (1, '/old/a.txt', 0);"
	    "INSERT INTO article (id, source_id, key, url, imported_at,"
	    " updated_at) VALUES (7, 1, 'k', 'HTTP://M.kr.test:80/1', 0, 0);"
	    "INSERT INTO translation (article_id, lang, position, title, url,"
	    " imported_at) VALUES (7, 'en', 0, 't', 'https://m.kr.test/en/1', 0);"
	    "INSERT INTO article (id, source_id, key, imported_at, updated_at)"
	    " VALUES (8, 1, 'no url', 0, 0);"
	    "INSERT INTO article (id, source_id, key, imported_at, updated_at)"
	    " VALUES (9, 1, 'k9', 0, 0);"
	    "INSERT INTO translation (article_id, lang, position, title, url,"
	    " imported_at) VALUES (9, 'ko', 0, 't', 'http://m.kr.test/1', 0);", v);
	if (rc == 0)
		rc = raw_exec(db, sql);
	free(sql);
	sqlite3_close(db);
	ok(rc == 0, "a cache of schema version %d with three articles, the"
	    " third with a translation at the first's URL", v);
	if (cache_open(path, 0, &c, &cause) != 0) {
		ok(0, "open it: %s", cause);
		free(cause);
		free(path);
		return;
	}
	ok(1, "opens, migrated to version %d", cache_version());
	ok(imp(c, "/new/b.txt", NULL, &tu, 1) == 0,
	    "import the old article's translation URL");
	is_int(narticles(c), 3, "no new article");
	s = first_para(c, 7, 0, NULL);
	is_str(s, "newer", "the old article has the new text");
	free(s);
	ok(imp(c, "/new/a.txt", "http://m.kr.test/1#x", &t, 1) == 0,
	    "import the old article's URL from another path");
	is_int(narticles(c), 3, "still no new article");
	s = first_para(c, 7, 0, NULL);
	is_str(s, "new", "the old article again, whose own URL it is");
	free(s);
	s = first_para(c, 9, 0, NULL);
	is_str(s, "", "not the one with a translation there");
	free(s);
	cache_close(c);
	free(path);
}

int
main(void)
{
	char	dir[] = "/tmp/tandem-test-identity-XXXXXX";

	if ((tmpdir = test_tmpdir_make(dir)) == NULL)
		return 99;
	test_same_url();
	test_translation_url();
	test_no_url();
	test_batch();
	test_migration();
	test_tmpdir_remove(tmpdir);
	return tap_done();
}
