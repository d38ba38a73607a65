/*
 * test-fold.c: the search fold and tokens (utf8-fold.c), then the
 * library search through a real cache (cache-search.c), each on a table
 * of cases, one per script or trap: Korean particles after a noun,
 * Japanese kana and kanji mixed, Simplified against Traditional Han,
 * French accents and apostrophes, German ß, Turkish dotted and dotless
 * i, an emoji, and one- and two-character Han and Hangul queries.  Then
 * the index follows a re-import and a removal, a cache of the previous
 * schema gets its index built, and a bad query gets our message.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "cache.h"
#include "tap.h"
#include "test-cache-util.h"
#include "test-util.h"
#include "utf8-fold.h"
#include "xmalloc.h"

static const struct {
	const char	*in, *out;
} folds[] = {
	{ "Séoul", "seoul" },
	{ "SÉOUL", "seoul" },
	{ "Straße", "strasse" },
	{ "STRASSE", "strasse" },
	{ "İstanbul", "istanbul" },
	{ "ılık", "ilik" },
	{ "l’été", "l'ete" },
	{ "Ｓｅｏｕｌ", "seoul" },		/* fullwidth */
	{ "e\xcc\x81t\xc3\xa9", "ete" },	/* combining acute, then NFC */
	{ "Москва́", "москва" },
	{ "서울에서", "서울에서" },		/* Hangul untouched */
	{ "がっこう", "がっこう" },		/* kana keep their dakuten */
	{ "हिंदी", "हिंदी" },			/* Devanagari keeps its signs */
	{ "😀 ok", "😀 ok" },
};

/* The tokens of s joined with '|'. */
struct toks {
	char	buf[512];
};

static int
toks_add(void *arg, const char *t, size_t n, size_t start, size_t end)
{
	struct toks	*k = arg;
	size_t		 len = strlen(k->buf);

	(void)start;
	(void)end;
	snprintf(k->buf + len, sizeof k->buf - len, "%s%.*s",
	    len ? "|" : "", (int)n, t);
	return 0;
}

static const struct {
	const char	*in;
	int		 query;
	const char	*out;
} tokens[] = {
	{ "Séoul, l'été!", 0, "seoul|l|ete" },
	{ "서울에서 왔다", 0, "서울|울에|에서|서|왔다|다" },
	{ "서울에서", 1, "서울|울에|에서" },
	{ "서", 1, "서" },
	{ "東京へ行く", 0, "東京|京へ|へ行|行く|く" },
	{ "SBA(서울)", 0, "sba|서울|울" },
	{ "a😀b", 0, "a|b" },
	{ "Zürich2024", 0, "zurich2024" },
};

static void
test_folds(void)
{
	char	*f;
	size_t	 i, len, *map;

	for (i = 0; i < sizeof folds / sizeof folds[0]; i++) {
		f = utf8_fold(folds[i].in, strlen(folds[i].in), &len);
		is_str(f, folds[i].out, "fold %s", folds[i].in);
		free(f);
	}
	f = utf8_fold_map("Aé b", 5, &len, &map);
	ok(len == 4 && map[0] == 0 && map[1] == 1 && map[2] == 3 &&
	    map[3] == 4 && map[4] == 5, "fold map: folded bytes to the"
	    " original's");
	free(f);
	free(map);
}

static void
test_tokens(void)
{
	struct toks	k;
	size_t		i;

	for (i = 0; i < sizeof tokens / sizeof tokens[0]; i++) {
		k.buf[0] = '\0';
		utf8_tokenize(tokens[i].in, strlen(tokens[i].in),
		    tokens[i].query, toks_add, &k);
		is_str(k.buf, tokens[i].out, "tokens of %s%s", tokens[i].in,
		    tokens[i].query ? " (query)" : "");
	}
}

/* One article of one translation per (lang, text) pair. */
static int
add_article(struct cache *c, const char *key, const char *const *lt)
{
	struct import_sink	 sink;
	struct import_article	 ia;
	const char		*paras[2] = { NULL, NULL };
	char			*cause = NULL;
	size_t			 i;

	cache_sink(c, &sink);
	memset(&ia, 0, sizeof ia);
	ia.source = "test";
	ia.key = key;
	if (sink.begin(sink.arg, &ia, &cause) != 0)
		return test_sink_abort(&sink, "begin", cause);
	for (i = 0; lt[i] != NULL; i += 2) {
		paras[0] = lt[i + 1];
		if (test_sink_translation(&sink, lt[i], "title", 0, 1, NULL,
		    paras, &cause) != 0)
			return test_sink_abort(&sink, "translation", cause);
	}
	if (sink.end(sink.arg, 1, &cause) != 0) {
		diag("end: %s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* The number of articles q finds (-1 on an error); *langs the first's. */
static int
found(struct cache *c, const char *q, char *langs, size_t size)
{
	struct cache_search_opts o = { NULL, 0, NULL, 50, 1, 8, 0, NULL };
	struct cache_search_hit	*h;
	size_t			 n;
	char			*cause = NULL;

	if (cache_search(c, q, &o, &h, &n, &cause) != 0) {
		diag("search %s: %s", q, cause);
		free(cause);
		return -1;
	}
	if (langs != NULL)
		snprintf(langs, size, "%s", n > 0 && h[0].langs != NULL ?
		    h[0].langs : "");
	cache_search_free(h, n);
	return (int)n;
}

static const struct {
	const char	*q;
	int		 n;		/* articles found */
	const char	*why;
} queries[] = {
	{ "서울", 1, "Korean noun before a particle (서울시에서)" },
	{ "서울시", 1, "Korean noun with its suffix" },
	{ "서", 1, "one Hangul syllable" },
	{ "협약식", 1, "Korean word inside a longer one" },
	{ "東京", 1, "two kanji" },
	{ "調印式", 1, "kanji compound" },
	{ "出席しました", 1, "kanji and kana mixed" },
	{ "都", 1, "one kanji" },
	{ "中关村", 1, "Simplified Chinese inside an unspaced run" },
	{ "中關村", 0, "Traditional does not find Simplified (no mapping)" },
	{ "国", 1, "one Simplified character" },
	{ "seoul", 1, "Séoul without its accent" },
	{ "SÉOUL", 1, "capitals and accent" },
	{ "ete", 1, "été after l' without accent" },
	{ "l'été", 1, "l'été as typed" },
	{ "l’agence", 1, "typographic apostrophe" },
	{ "pekin", 1, "Pékin" },
	{ "strasse", 1, "Straße as ss" },
	{ "STRASSE", 1, "capital SS" },
	{ "istanbul", 1, "İstanbul with a dotted capital" },
	{ "grusst", 1, "grüßt" },
	{ "menschen", 1, "German noun in lower case" },
	{ "🎉", 0, "an emoji is not a word" },
	{ "\"Die Menschen\"", 1, "a phrase" },
	{ "\"Menschen Die\"", 0, "a phrase in the wrong order" },
	{ "mensch*", 1, "a prefix" },
	{ "menschen AND strasse", 1, "AND in one paragraph" },
	{ "menschen NOT strasse", 0, "NOT" },
	{ "menschen OR 東京", 2, "OR across languages" },
	{ "NEAR(Menschen feiern, 3)", 1, "NEAR" },
	{ "pyongyang", 0, "a word nowhere" },
};

/*
 * A writer without our tokenizer (sqlite3, a script) changes a
 * paragraph: the triggers only queue it, and the next import indexes it.
 */
static void
test_outside_writer(const char *dir)
{
	static const char *const a3[] = { "en", "Another story.", NULL };
	struct cache	*c;
	sqlite3		*db;
	char		*path, *err = NULL;
	int		 rc;

	xasprintf(&path, "%s/fold.db", dir);
	rc = sqlite3_open(path, &db);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "UPDATE paragraph SET text = 'A word:"
		    " xylophone.' WHERE id = (SELECT min(id) FROM paragraph)",
		    NULL, NULL, &err);
	ok(rc == SQLITE_OK, "sqlite3 without the tokenizer may change a"
	    " paragraph (%s)", err != NULL ? err : "ok");
	sqlite3_free(err);
	sqlite3_close(db);
	if ((c = test_cache_open(path, 0)) != NULL) {
		ok(add_article(c, "a3", a3) == 0, "another import");
		is_int(found(c, "xylophone", NULL, 0), 1, "... indexes the"
		    " change");
		is_int(found(c, "서울시", NULL, 0), 0, "... and the old text"
		    " is gone");
		cache_close(c);
	}
	free(path);
}

static void
test_search(const char *dir)
{
	struct cache	*c;
	char		 langs[64], *cause = NULL;
	size_t		 i;
	static const char *const a1[] = { "ko", "서울경제진흥원은 서울시에서"
	    " 열린 협약식에 참석했다.", "ja", "東京都庁で行われた調印式に"
	    "出席しました。", "zh", "首尔经济振兴院与中国中关村国际签署了谅解"
	    "备忘录。", "fr", "L'été dernier, l’agence de Séoul a signé à"
	    " Pékin.", NULL };
	static const char *const a2[] = { "de", "Die Menschen in der Straße"
	    " feiern. İstanbul grüßt 🎉.", NULL };
	static const char *const a2b[] = { "de", "Ganz andere Worte.", NULL };

	if ((c = test_cache_new(dir, "fold.db")) == NULL) {
		ok(0, "cache");
		return;
	}
	ok(add_article(c, "a1", a1) == 0 && add_article(c, "a2", a2) == 0,
	    "two articles imported");
	for (i = 0; i < sizeof queries / sizeof queries[0]; i++)
		is_int(found(c, queries[i].q, NULL, 0), queries[i].n,
		    "%s: %s", queries[i].q, queries[i].why);
	found(c, "seoul", langs, sizeof langs);
	is_str(langs, "fr", "the matching language is named");
	is_int(found(c, "(menschen", NULL, 0), -1, "an open '(' fails");
	{
		struct cache_search_opts o = { NULL, 0, NULL, 5, 0, 0, 0, NULL };
		struct cache_search_hit	*h;
		size_t			 n;

		ok(cache_search(c, "\"menschen", &o, &h, &n, &cause) != 0 &&
		    cause != NULL && strstr(cause, "fts5") == NULL &&
		    strstr(cause, "quote") != NULL, "a bad query: our message"
		    " (%s)", cause != NULL ? cause : "none");
		FREE(&cause);
	}
	ok(add_article(c, "a2", a2b) == 0, "a2 imported again, new text");
	is_int(found(c, "menschen", NULL, 0), 0, "old text gone from the"
	    " index");
	is_int(found(c, "andere", NULL, 0), 1, "new text in the index");
	ok(cache_article_remove(c, 2, &cause) == 0, "a2 removed");
	FREE(&cause);
	is_int(found(c, "andere", NULL, 0), 0, "removed text gone");
	ok(cache_integrity_check(c, &cause) == 0, "integrity");
	FREE(&cause);
	cache_close(c);
	test_outside_writer(dir);
}

/* Migration 3's SQL function, for a raw connection: old rows have none. */
static void
raw_url_normalize(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_value(ctx, argv[0]);
}

/*
 * A cache of the schema before the index (whichever entry of the
 * migrations makes it), with a paragraph: opening it builds the index.
 */
static void
test_migration(const char *dir)
{
	struct cache	*c;
	sqlite3		*db;
	char		*path, *sql, *err = NULL;
	int		 v, i, rc = SQLITE_OK;

	for (v = 1; v <= cache_version(); v++)
		if (strstr(cache_migration_sql(v), "search_text USING fts5"))
			break;
	xasprintf(&path, "%s/old.db", dir);
	if (sqlite3_open(path, &db) != SQLITE_OK) {
		ok(0, "old.db");
		free(path);
		return;
	}
	sqlite3_create_function(db, "url_normalize", 1, SQLITE_UTF8, NULL,
	    raw_url_normalize, NULL, NULL);
	for (i = 1; rc == SQLITE_OK && i < v; i++)
		rc = sqlite3_exec(db, cache_migration_sql(i), NULL, NULL, &err);
	xasprintf(&sql, "PRAGMA user_version = %d;"
	    "INSERT INTO source VALUES (1, '/old', 0);"
	    "INSERT INTO article (id, source_id, key, imported_at, updated_at)"
	    " VALUES (1, 1, 'k', 0, 0);"
	    "INSERT INTO translation (id, article_id, lang, position, title,"
	    " imported_at) VALUES (1, 1, 'fr', 0, 'Vieux titre', 0);"
	    "INSERT INTO paragraph (translation_id, idx, text)"
	    " VALUES (1, 0, 'Un été à Séoul.');", v - 1);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	free(sql);
	if (err != NULL)
		diag("%s", err);
	sqlite3_free(err);
	sqlite3_close(db);
	ok(rc == SQLITE_OK, "a cache of schema version %d, one article", v - 1);
	if ((c = test_cache_open(path, 0)) == NULL) {
		ok(0, "migrated");
		free(path);
		return;
	}
	is_int(found(c, "seoul", NULL, 0), 1, "migration indexed old text");
	is_int(found(c, "vieux", NULL, 0), 1, "... and old titles");
	cache_close(c);
	free(path);
}

/* The rows waiting for the index, or -1. */
static long long
left(struct cache *c)
{
	long long	 n;
	char		*cause = NULL;

	if (cache_search_left(c, &n, &cause) != 0) {
		diag("%s", cause);
		free(cause);
		return -1;
	}
	return n;
}

/*
 * An import only queues its text for the index; a step indexes the
 * oldest rows; a search indexes the rest first; a read-only cache is
 * searched as far as it is indexed, and says how much it left out.
 */
static void
test_deferred(const char *dir)
{
	static const char *const a1[] = { "en", "Quokka one.", "fr",
	    "Quokka deux.", NULL };
	static const char *const a2[] = { "en", "Wombat three.", NULL };
	struct cache	*c, *ro;
	long long	 done;
	char		*path, *cause = NULL;

	if ((c = test_cache_new(dir, "deferred.db")) == NULL) {
		ok(0, "cache");
		return;
	}
	ok(add_article(c, "d1", a1) == 0, "an article imported");
	is_int((int)left(c), 4, "its 2 paragraphs and 2 titles wait");
	if (cache_search_step(c, 1, 1, &done, &cause) != 0) {
		diag("%s", cause);
		done = -1;
	}
	FREE(&cause);
	is_int((int)done, 2, "a step of 1 row a table takes 2");
	is_int((int)left(c), 2, "2 rows still wait");
	is_int(found(c, "quokka", NULL, 0), 1, "a search indexes the rest"
	    " first and finds the article");
	is_int((int)left(c), 0, "... and nothing waits");
	is_int((int)cache_search_unindexed(c), 0, "... nothing left out");
	ok(add_article(c, "d2", a2) == 0, "a second article imported");
	is_int((int)left(c), 2, "its paragraph and title wait");
	xasprintf(&path, "%s/deferred.db", dir);
	if (cache_open(path, CACHE_READONLY, &ro, &cause) != 0) {
		ok(0, "read-only open: %s", cause);
		FREE(&cause);
	} else {
		is_int(found(ro, "wombat", NULL, 0), 0, "read-only: the"
		    " unindexed article is not found");
		is_int((int)cache_search_unindexed(ro), 2, "... and the"
		    " search says 2 rows were left out");
		is_int(found(ro, "quokka", NULL, 0), 1, "... the indexed one"
		    " is");
		cache_close(ro);
	}
	free(path);
	is_int(found(c, "wombat", NULL, 0), 1, "writable: found");
	is_int((int)cache_search_unindexed(c), 0, "... nothing left out");
	ok(cache_integrity_check(c, &cause) == 0, "integrity");
	FREE(&cause);
	cache_close(c);
}

int
main(void)
{
	char	 template[] = "/tmp/test-fold-XXXXXX", *dir;

	test_folds();
	test_tokens();
	if ((dir = test_tmpdir_make(template)) == NULL)
		return 1;
	test_search(dir);
	test_deferred(dir);
	test_migration(dir);
	test_tmpdir_remove(dir);
	return tap_done();
}
