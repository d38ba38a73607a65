/*
 * test-search.c: the reader's search (view_search, view_row_span) on small
 * articles made here: a phrase the layout wraps or a line break splits,
 * case, the end of a paragraph, no match, and the order n and N take over
 * several matches on both sides of a side-by-side view.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "view.h"
#include "xmalloc.h"

/* An article of one or two translations, paragraphs NULL-terminated. */
static struct article *
make_article(const char **a, const char **b)
{
	struct article			*art = xcalloc(1, sizeof *art);
	struct article_translation	*t;
	const char			**src[2] = { a, b };
	size_t				 i, k, n;

	art->ntranslations = b != NULL ? 2 : 1;
	art->translations = xcalloc(2, sizeof *art->translations);
	for (i = 0; i < art->ntranslations; i++) {
		t = &art->translations[i];
		t->lang = xstrdup(i == 0 ? "en" : "fr");
		t->title = xstrdup("t");
		for (n = 0; src[i][n] != NULL; n++)
			;
		t->paragraphs = xcalloc(n + 1, sizeof *t->paragraphs);
		for (k = 0; k < n; k++) {
			t->paragraphs[k].text = xstrdup(src[i][k]);
			t->paragraphs[k].len = strlen(src[i][k]);
		}
		t->nparagraphs = n;
	}
	return art;
}

/* The text of row's styled range, or "" if it has none. */
static char *
row_hit(const struct view *v, size_t row, int side)
{
	struct view_span	vs;

	if (view_row_span(v, row, side, &vs) != 0 || vs.nranges == 0)
		return xstrdup("");
	return xstrndup(vs.text.text + vs.ranges[0].start,
	    vs.ranges[0].end - vs.ranges[0].start);
}

static void
check_hit(const struct view *v, size_t row, int side, const char *want,
    const char *what)
{
	char	*got = row_hit(v, row, side);

	is_str(got, want, "%s", what);
	free(got);
}

static void
test_single(void)
{
	static const char	*paras[] = { "intro", "aaaa bbbb UNIQA UNIQB "
	    "cccc", "first line UNIQC\nUNIQD rest", "Mixed UniqE case",
	    "it ends with ENDWORD", NULL };
	struct view		 v;

	view_init(&v, NULL);
	view_relayout(&v, 20, 10);
	view_open(&v, make_article(paras, NULL), 0, 0, 0);

	is_int(view_search(&v, "uniqa uniqb", 1), 0, "a phrase across a wrap");
	check_hit(&v, v.match, 0, "UNIQA", "its first row shows the start");
	check_hit(&v, v.match + 1, 0, "UNIQB", "the next row the rest");
	ok(v.top <= v.match && v.match + 1 < v.top + 10, "both rows on "
	    "screen (top %zu)", v.top);

	is_int(view_search(&v, "UNIQC UNIQD", 1), 0, "across a line break");
	check_hit(&v, v.match, 0, "UNIQC", "before the break");
	check_hit(&v, v.match + 1, 0, "UNIQD", "after it");

	view_home(&v);
	is_int(view_search(&v, "uniqe", 1), 0, "ASCII case folded");
	check_hit(&v, v.match, 0, "UniqE", "the text as written");

	view_home(&v);
	is_int(view_search(&v, "endword", 1), 0, "at the end of a paragraph");
	check_hit(&v, v.match, 0, "ENDWORD", "up to its last byte");

	view_home(&v);
	is_int(view_search(&v, "uniqa  uniqb", 1), -1, "no match");
	is_str(v.message, "pattern not found: uniqa  uniqb", "says so");
	check_hit(&v, 2, 0, "", "and nothing is highlighted");
	view_free(&v);
}

static void
test_sides(void)
{
	static const char	*left[] = { "intro", "KEY one", "two",
	    "KEY three", NULL };
	static const char	*right[] = { "intro", "un KEY", "deux",
	    "trois", NULL };
	struct view		 v;
	size_t			 row;

	view_init(&v, NULL);
	view_relayout(&v, 80, 30);
	view_open(&v, make_article(left, right), 0, 1, 1);
	ok(v.sbs_on, "side by side");
	is_int(view_search(&v, "key", 1), 0, "first match");
	is_int(v.hits[v.hit].side, 0, "on the left");
	row = v.match;
	check_hit(&v, row, 0, "KEY", "left highlighted");
	check_hit(&v, row, 1, "KEY", "right on the same row too");
	is_int(view_search(&v, NULL, 1), 0, "n");
	is_int(v.hits[v.hit].side, 1, "then the right side of that row");
	is_int((long long)v.match, (long long)row, "same row");
	is_int(view_search(&v, NULL, 1), 0, "n again");
	ok(v.match > row && v.hits[v.hit].side == 0, "then the next row, "
	    "left (%zu)", v.match);
	is_int(view_search(&v, NULL, 1), -1, "n past the last");
	is_int(view_search(&v, NULL, -1), 0, "N");
	ok(v.match == row && v.hits[v.hit].side == 1, "back to the right");
	is_int(view_search(&v, NULL, -1), 0, "N again");
	ok(v.match == row && v.hits[v.hit].side == 0, "then the left");
	view_free(&v);
}

int
main(void)
{
	test_single();
	test_sides();
	return tap_done();
}
