/*
 * test-list.c: the article list's window onto a cache: rows loaded a
 * window at a time over 150 articles, the selection at both ends, page
 * moves, selecting by id, and a cache with no articles; then reading
 * state and filters over 30 articles in several languages: stars, the
 * counters kept by triggers, next and previous unread, mark all shown
 * read, languages present, unread and starred only, the orders, and a
 * cache migrated from the schema before reading state.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "import.h"
#include "list.h"
#include "tap.h"
#include "test-cache-util.h"
#include "test-util.h"
#include "xmalloc.h"

#include <sqlite3.h>

#define NARTICLES 150

static char	 tmpdir[] = "/tmp/tandem-list.XXXXXX";

/* A cache at name holding n one-paragraph articles, "Article 1" first. */
static struct cache *
make_cache(const char *name, int n)
{
	struct import_sink		 sink;
	struct import_article		 ia;
	struct import_translation	 it;
	struct cache			*c;
	char				*cause = NULL;
	char				 key[32], title[32];
	int				 i;

	if ((c = test_cache_new(tmpdir, name)) == NULL)
		exit(1);
	cache_sink(c, &sink);
	for (i = 1; i <= n; i++) {
		memset(&ia, 0, sizeof ia);
		memset(&it, 0, sizeof it);
		snprintf(key, sizeof key, "article-%d", i);
		snprintf(title, sizeof title, "Article %d", i);
		ia.source = ia.key = key;
		it.lang = "en";
		it.lang_confidence = 1;
		it.title = title;
		if (sink.begin(sink.arg, &ia, &cause) != 0 ||
		    sink.translation(sink.arg, &it, &cause) != 0 ||
		    sink.paragraph(sink.arg, "Text.", 5, &cause) != 0 ||
		    sink.end(sink.arg, 1, &cause) != 0) {
			diag("import %d: %s", i, cause);
			exit(1);
		}
	}
	return c;
}

/* The newest comes first: row i is article NARTICLES - i. */
static void
test_window(struct list *l)
{
	const struct article_summary	*a;
	size_t				 i, bad = 0;

	a = list_row(l, 0);
	ok(a != NULL && strcmp(a->title, "Article 150") == 0,
	    "row 0 is the newest article");
	ok(l->win_n > 0 && l->win_n <= 10 * 3, "a window of at most three "
	    "screens is loaded (%zu rows)", l->win_n);
	a = list_row(l, 120);
	ok(a != NULL && a->id == NARTICLES - 120, "row 120 is article 30");
	ok(l->win_first <= 120 && 120 < l->win_first + l->win_n,
	    "moving far loads the window around it (%zu+%zu)", l->win_first,
	    l->win_n);
	ok(l->win_first > 0, "... not from the start");
	for (i = 0; i < NARTICLES; i++)
		if ((a = list_row(l, i)) == NULL || a->id !=
		    (long long)(NARTICLES - i))
			bad++;
	is_int((long long)bad, 0, "every row is the right article");
	ok(list_row(l, NARTICLES) == NULL, "no row past the end");
}

static const struct {
	const char	*name;
	char		 key;		/* j k f b d u g G */
	size_t		 sel, top;	/* before */
	size_t		 want_sel, want_top;
} moves[] = {
	{ "k at the first row stays", 'k', 0, 0, 0, 0 },
	{ "g goes to the first", 'g', 77, 70, 0, 0 },
	{ "j moves down a row", 'j', 0, 0, 1, 0 },
	{ "j at the bottom row scrolls", 'j', 9, 0, 10, 1 },
	{ "G goes to the last, a full last page", 'G', 0, 0, 149, 140 },
	{ "j at the last row stays", 'j', 149, 140, 149, 140 },
	{ "Space: a page less one", 'f', 0, 0, 9, 0 },
	{ "Space again scrolls", 'f', 9, 0, 18, 9 },
	{ "Space near the end stops at the last", 'f', 145, 140, 149, 140 },
	{ "b: a page back", 'b', 149, 140, 140, 140 },
	{ "b near the top stops at the first", 'b', 3, 0, 0, 0 },
	{ "d: half a page", 'd', 0, 0, 5, 0 },
	{ "u: half a page back, scrolling", 'u', 50, 50, 45, 45 },
};

static void
test_moves(struct list *l)
{
	size_t	i;

	list_set_height(l, 10);
	for (i = 0; i < sizeof moves / sizeof moves[0]; i++) {
		l->scroll.sel = moves[i].sel;
		l->scroll.top = moves[i].top;
		switch (moves[i].key) {
		case 'j':	list_move(l, 1); break;
		case 'k':	list_move(l, -1); break;
		case 'f':	list_page(l, 1, 0); break;
		case 'b':	list_page(l, -1, 0); break;
		case 'd':	list_page(l, 1, 1); break;
		case 'u':	list_page(l, -1, 1); break;
		case 'g':	list_home(l); break;
		case 'G':	list_end(l); break;
		}
		ok(l->scroll.sel == moves[i].want_sel &&
		    l->scroll.top == moves[i].want_top, "%s", moves[i].name);
		if (l->scroll.sel != moves[i].want_sel ||
		    l->scroll.top != moves[i].want_top)
			diag("sel %zu top %zu, want sel %zu top %zu",
			    l->scroll.sel, l->scroll.top, moves[i].want_sel,
			    moves[i].want_top);
	}
}

static void
test_select(struct list *l)
{
	const struct article_summary	*a;

	list_set_height(l, 10);
	list_home(l);
	list_row(l, 0);		/* drawn: the window is at the top */
	list_select_id(l, 1);
	is_int((long long)l->scroll.sel, 0, "an id not loaded: no move");
	list_select_id(l, 145);
	is_int((long long)l->scroll.sel, 5, "select article 145: row 5");
	list_end(l);
	a = list_row(l, l->scroll.sel);
	ok(a != NULL && a->id == 1, "G selects the oldest");
	list_select_id(l, 3);
	is_int((long long)l->scroll.sel, 147, "select a loaded id at the end");
	list_set_height(l, 0);
	is_int((long long)l->scroll.height, 1, "a height of 0 is one row");
	is_int((long long)l->scroll.top, 147, "... showing the selection");
}

static void
test_empty(void)
{
	struct cache	*c = make_cache("empty.db", 0);
	struct list	 l;
	char		*cause = NULL;

	list_init(&l, c, NULL);
	is_int(list_reload(&l, &cause), 0, "an empty cache loads");
	is_int((long long)l.scroll.total, 0, "total 0");
	ok(list_row(&l, 0) == NULL, "no row 0");
	list_end(&l);
	list_page(&l, 1, 0);
	list_move(&l, 5);
	is_int((long long)(l.scroll.sel + l.scroll.top), 0,
	    "moves stay at row 0");
	list_free(&l);
	cache_close(c);
}


#define NSTATE 30

/*
 * Article i (1..30, imported in that order) is in en, plus ko when i is
 * even and fr (fr-CA for 30) when i is a multiple of 3; its date runs
 * the other way (article 1 newest), article 5 has none; titles are a
 * letter that makes the title order neither of the others.
 */
static struct cache *
make_state_cache(const char *name)
{
	struct import_sink		 sink;
	struct import_article		 ia;
	struct import_translation	 it;
	struct cache			*c;
	char				*cause = NULL;
	char				 key[32], title[32], date[32];
	const char			*langs[3];
	int				 i, k, n, rc;

	if ((c = test_cache_new(tmpdir, name)) == NULL)
		exit(1);
	cache_sink(c, &sink);
	for (i = 1; i <= NSTATE; i++) {
		memset(&ia, 0, sizeof ia);
		snprintf(key, sizeof key, "state-%d", i);
		snprintf(date, sizeof date, "2025-01-%02d", 31 - i);
		ia.source = ia.key = key;
		ia.date = i == 5 ? NULL : date;
		n = 0;
		langs[n++] = "en";
		if (i % 2 == 0)
			langs[n++] = "ko";
		if (i % 3 == 0)
			langs[n++] = i == 30 ? "fr-CA" : "fr";
		rc = sink.begin(sink.arg, &ia, &cause);
		for (k = 0; rc == 0 && k < n; k++) {
			memset(&it, 0, sizeof it);
			it.lang = langs[k];
			it.lang_confidence = 1;
			snprintf(title, sizeof title, "%c %d",
			    'A' + (i * 7) % 26, i);
			it.title = title;
			rc = sink.translation(sink.arg, &it, &cause);
			if (rc == 0)
				rc = sink.paragraph(sink.arg, "Text.", 5,
				    &cause);
		}
		if (rc != 0 || sink.end(sink.arg, 1, &cause) != 0) {
			diag("import %d: %s", i, cause);
			exit(1);
		}
	}
	return c;
}

/* The ids of the list as l shows it, "30 28 ..." */
static char *
list_ids(struct list *l)
{
	const struct article_summary	*a;
	char				*s = xstrdup(""), *n;
	size_t				 i;

	for (i = 0; i < l->scroll.total; i++) {
		if ((a = list_row(l, i)) == NULL)
			break;
		xasprintf(&n, "%s%s%lld", s, i ? " " : "", a->id);
		free(s);
		s = n;
	}
	return s;
}

static void
test_stars(struct cache *c)
{
	struct article	*a = NULL;
	struct list	 l;
	char		*cause = NULL, *ids;

	list_init(&l, c, NULL);
	list_set_height(&l, 4);
	is_int(list_reload(&l, &cause), 0, "state: the list loads");
	is_int(l.state.articles, NSTATE, "state: 30 articles counted");
	is_int(l.state.unread, NSTATE, "state: all unread at first");
	is_int(l.state.starred, 0, "state: none starred");
	is_int(l.state.max_id, NSTATE, "state: the largest id");
	ok(cache_article_set_starred(c, 4, 1, &cause) == 0 &&
	    cache_article_set_starred(c, 9, 1, &cause) == 0 &&
	    cache_article_set_starred(c, 9, 1, &cause) == 0 &&
	    cache_article_set_starred(c, 20, 1, &cause) == 0,
	    "state: star three (one twice)");
	ok(cache_article_set_starred(c, 999, 1, &cause) != 0 &&
	    strcmp(cause, "no article 999") == 0, "state: no article 999");
	FREE(&cause);
	ok(cache_article_set_read(c, 3, 1, &cause) == 0 &&
	    cache_article_set_read(c, 3, 1, &cause) == 0 &&
	    cache_article_set_read(c, 4, 1, &cause) == 0,
	    "state: mark two read (one twice)");
	list_reload(&l, &cause);
	is_int(l.state.starred, 3, "state: three starred");
	is_int(l.state.unread, NSTATE - 2, "state: 28 unread");
	ok(cache_article_load(c, 9, &a, &cause) == 0 && a->starred == 1 &&
	    a->read == 0, "state: article 9 loads starred and unread");
	article_free(a);
	list_toggle_starred(&l);
	ids = list_ids(&l);
	is_str(ids, "20 9 4", "state: starred only, newest first");
	free(ids);
	ok(list_row(&l, 0) != NULL && list_row(&l, 0)->starred,
	    "state: the row says starred");
	ok(cache_article_set_starred(c, 9, 0, &cause) == 0,
	    "state: unstar 9");
	ok(cache_article_remove(c, 20, &cause) == 0,
	    "state: remove a starred unread article");
	list_reload(&l, &cause);
	is_int(l.state.starred, 1, "state: one starred left");
	is_int(l.state.unread, NSTATE - 3, "state: 27 unread");
	is_int((long long)l.scroll.total, 1, "state: the starred list is one");
	list_toggle_starred(&l);
	is_int((long long)l.scroll.total, NSTATE - 1, "state: star filter off");
	list_free(&l);
}

static void
test_filters(struct cache *c)
{
	struct list	 l;
	char		*cause = NULL, *ids, buf[128];
	long long	 n;

	list_init(&l, c, NULL);
	list_set_height(&l, 3);
	list_reload(&l, &cause);
	ok(list_set_langs(&l, "ko,FR", &cause) == 0, "filter: has ko,FR");
	ids = list_ids(&l);
	is_str(ids, "30 24 18 12 6", "filter: the articles with both (fr-CA"
	    " counts as fr), newest first");
	free(ids);
	is_str(list_describe(&l, buf, sizeof buf), "has ko fr",
	    "filter: described");
	ok(list_set_langs(&l, "ko x1", &cause) != 0 &&
	    strcmp(cause, "not a language tag: 'x1'") == 0,
	    "filter: a word that is no tag is refused");
	FREE(&cause);
	ok(l.has[0] != NULL && strcmp(l.has[0], "fr") != 0 &&
	    l.scroll.total == 5, "filter: ... and the filter stays");
	list_toggle_unread(&l);
	ids = list_ids(&l);
	is_str(ids, "30 24 18 12 6", "filter: and unread: the same");
	free(ids);
	ok(cache_article_set_read(c, 24, 1, &cause) == 0, "filter: read 24");
	list_reload(&l, &cause);
	ids = list_ids(&l);
	is_str(ids, "30 18 12 6", "filter: unread with both, 24 gone");
	free(ids);
	is_str(list_describe(&l, buf, sizeof buf), "unread, has ko fr",
	    "filter: described");
	ok(list_set_langs(&l, "", &cause) == 0, "filter: any language");
	list_toggle_unread(&l);
	list_next_sort(&l);
	is_int(l.filter.sort, CACHE_SORT_DATE, "sort: by date next");
	ids = list_ids(&l);
	is_str(ids, "1 2 3 4 6 7 8 9 10 11 12 13 14 15 16 17 18 19 21 22 23"
	    " 24 25 26 27 28 29 30 5", "sort: by date, newest first, none last");
	free(ids);
	list_next_sort(&l);
	ids = list_ids(&l);
	/* Titles: letter (i * 7) % 26: A 26, B 15, C 30, C 4, D 19 ... */
	is_str(ids, "26 15 30 4 19 8 23 12 1 27 16 5 9 24 13 2 28 17 6 21 10"
	    " 25 14 29 3 18 7 22 11", "sort: by title, A to Z (\"C 30\""
	    " before \"C 4\")");
	free(ids);
	is_str(list_describe(&l, buf, sizeof buf), "by title",
	    "sort: described");
	list_next_sort(&l);
	is_int(l.filter.sort, CACHE_SORT_IMPORTED, "sort: back to import");
	is_str(list_describe(&l, buf, sizeof buf), "", "nothing to describe");
	l.filter.unread = 1;
	ok(cache_list_count(c, &l.filter, &n, &cause) == 0 &&
	    n == l.state.unread, "count: unread only comes from the counter");
	l.filter.unread = 0;
	list_free(&l);
}

static void
test_unread_moves(struct cache *c)
{
	const struct article_summary	*a;
	struct list			 l;
	char				*cause = NULL;
	long long			 changed = 0;
	int				 i;

	/* Read everything but 29, 17 and 2 (rows 0, 11 and 25 of 28). */
	for (i = 1; i <= NSTATE; i++)
		if (i != 20)
			cache_article_set_read(c, i, !(i == 29 || i == 17 ||
			    i == 2), &cause);
	list_init(&l, c, NULL);
	list_set_height(&l, 3);
	list_reload(&l, &cause);
	l.scroll.sel = 5;
	list_row(&l, 5);
	is_int(list_next_unread(&l, 1, &cause), 1, "n: found one");
	a = list_row(&l, l.scroll.sel);
	ok(a != NULL && a->id == 17, "n: the next unread is 17, past the"
	    " loaded rows");
	is_int(list_next_unread(&l, 1, &cause), 1, "n: again");
	a = list_row(&l, l.scroll.sel);
	ok(a != NULL && a->id == 2, "n: then 2");
	is_int(list_next_unread(&l, 1, &cause), 0, "n: none after the last");
	a = list_row(&l, l.scroll.sel);
	ok(a != NULL && a->id == 2, "n: and the selection stays");
	is_int(list_next_unread(&l, -1, &cause), 1, "p: found one");
	a = list_row(&l, l.scroll.sel);
	ok(a != NULL && a->id == 17, "p: back to 17");
	list_next_unread(&l, -1, &cause);
	a = list_row(&l, l.scroll.sel);
	ok(a != NULL && a->id == 29, "p: then 29");
	is_int(list_next_unread(&l, -1, &cause), 0, "p: none before the first");

	ok(list_set_langs(&l, "ko", &cause) == 0, "A: show those with ko");
	ok(list_mark_all_read(&l, &changed, &cause) == 0 && changed == 1,
	    "A: marks the one shown unread (2) read");
	is_int(l.state.unread, 2, "A: 29 and 17 stay unread");
	list_set_langs(&l, "", &cause);
	ok(list_mark_all_read(&l, &changed, &cause) == 0 && changed == 2 &&
	    l.state.unread == 0, "A: on the whole list, the rest");
	list_free(&l);
}

/* Old migrations name url_normalize(); no rows need it here. */
static void
null_function(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_null(ctx);
}

/*
 * A cache of the schema before reading state, with one article read and
 * two unread: migrated, its counters say so and the new column is 0.
 */
static void
test_state_migration(void)
{
	struct cache_state	 st;
	struct cache		*c;
	sqlite3			*db;
	char			*path, *cause = NULL, *sql;
	int			 v, i, rc = SQLITE_OK;

	xasprintf(&path, "%s/old.db", tmpdir);
	for (v = 1; v < cache_version() &&
	    strstr(cache_migration_sql(v + 1), "starred") == NULL; v++)
		;
	if (sqlite3_open(path, &db) != SQLITE_OK)
		exit(1);
	sqlite3_create_function(db, "url_normalize", 1, SQLITE_UTF8, NULL,
	    null_function, NULL, NULL);
	for (i = 1; rc == SQLITE_OK && i <= v; i++)
		rc = sqlite3_exec(db, cache_migration_sql(i), NULL, NULL, NULL);
	xasprintf(&sql, "PRAGMA user_version = %d;"
	    "INSERT INTO source VALUES (1, '/old', 0);"
	    "INSERT INTO article (id, source_id, key, read, imported_at,"
	    " updated_at) VALUES (1, 1, 'a', 1, 0, 0), (2, 1, 'b', 0, 1, 1),"
	    " (3, 1, 'c', 0, 2, 2);", v);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	free(sql);
	sqlite3_close(db);
	ok(rc == SQLITE_OK, "migration: a cache of version %d", v);
	if (cache_open(path, 0, &c, &cause) != 0) {
		ok(0, "migration: open: %s", cause);
		free(cause);
		free(path);
		return;
	}
	ok(cache_state(c, &st, &cause) == 0 && st.articles == 3 &&
	    st.unread == 2 && st.starred == 0, "migration: 3 articles, 2"
	    " unread, none starred");
	ok(cache_article_set_starred(c, 1, 1, &cause) == 0 &&
	    cache_article_set_read(c, 2, 1, &cause) == 0 &&
	    cache_state(c, &st, &cause) == 0 && st.unread == 1 &&
	    st.starred == 1, "migration: the triggers keep them");
	cache_close(c);
	free(path);
}

int
main(void)
{
	struct cache	*c;
	struct list	 l;
	char		*cause = NULL;

	if (test_tmpdir_make(tmpdir) == NULL)
		return 1;
	c = make_cache("list.db", NARTICLES);
	list_init(&l, c, NULL);
	list_set_height(&l, 10);
	is_int(list_reload(&l, &cause), 0, "the list loads");
	is_int((long long)l.scroll.total, NARTICLES, "it counts 150 articles");
	test_window(&l);
	test_moves(&l);
	test_select(&l);
	l.scroll.sel = 149;
	is_int(list_reload(&l, &cause), 0, "reload");
	is_int((long long)l.scroll.sel, 149, "a reload keeps the selection");
	list_free(&l);
	cache_close(c);
	test_empty();
	c = make_state_cache("state.db");
	test_stars(c);
	test_filters(c);
	test_unread_moves(c);
	cache_close(c);
	test_state_migration();
	test_tmpdir_remove(tmpdir);
	return tap_done();
}
