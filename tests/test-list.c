/*
 * test-list.c: the article list's window onto a cache: rows loaded a
 * window at a time over 150 articles, the selection at both ends, page
 * moves, selecting by id, and a cache with no articles.
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
	test_tmpdir_remove(tmpdir);
	return tap_done();
}
