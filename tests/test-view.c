/*
 * test-view.c: the reader pane's state on the real sample: languages,
 * side by side, scrolling, search and keeping the place on relayout.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "import.h"
#include "tap.h"
#include "view.h"
#include "xmalloc.h"

static struct article *
load_sample(const char *dir)
{
	struct cache		*c;
	struct import_sink	 sink;
	struct article		*a = NULL;
	char			*path, *cause = NULL;

	xasprintf(&path, "%s/v.db", dir);
	if (cache_open(path, CACHE_CREATE, &c, &cause) != 0) {
		diag("%s", cause);
		exit(1);
	}
	cache_sink(c, &sink);
	if (import_file(SAMPLE, NULL, &sink, &cause) != 0 ||
	    cache_article_load(c, 1, &a, &cause) != 0) {
		diag("%s", cause);
		exit(1);
	}
	cache_close(c);
	free(path);
	return a;
}

static size_t
lang_index(const struct article *a, const char *lang)
{
	size_t	i;

	for (i = 0; i < a->ntranslations; i++)
		if (strcmp(a->translations[i].lang, lang) == 0)
			return i;
	return (size_t)-1;
}

/* Each pair's first row has text on both sides (both sides have some). */
static int
pairs_start_together(const struct view *v)
{
	size_t	r, p, len;
	int	w, seen = -1;

	for (r = 0; r < v->rows.nrows; r++) {
		p = v->rows.rows[r].pair;
		if ((int)p == seen || v->rows.rows[r].sep)
			continue;
		seen = (int)p;
		if (view_cell(v, r, 0, &len, &w) == NULL ||
		    view_cell(v, r, 1, &len, &w) == NULL)
			return 0;
	}
	return seen >= 0;
}

static int
max_width(const struct view *v, int right)
{
	size_t	r, len;
	int	w, m = 0;

	for (r = 0; r < v->rows.nrows; r++)
		if (view_cell(v, r, right, &len, &w) != NULL && w > m)
			m = w;
	return m;
}

static int saves, saved_manual;

/* Record whether every pair saved was manual (1), none (0) or some (-1). */
static int
save_pairs(void *arg, const struct article *a, size_t l, size_t r,
    const struct article_pair *p, size_t n)
{
	size_t	i, m = 0;

	(void)arg; (void)a; (void)l; (void)r;
	saves++;
	for (i = 0; i < n; i++)
		m += p[i].manual != 0;
	saved_manual = m == n ? 1 : m == 0 ? 0 : -1;
	return 0;
}

/* Join and split at the top of a side-by-side view. */
static void
test_corrections(struct view *v, size_t ko, size_t en)
{
	const struct article_pair	*p;

	v->save_fn = save_pairs;
	view_set_lang(v, ko);
	if (!v->sbs)
		view_toggle_sbs(v);
	v->right = en;
	view_relayout(v, 100, 30);
	view_home(v);
	is_int((long long)v->npairs, 8, "8 pairs to start with");
	is_int(view_pair_join(v), 0, "+ joins the top pair with the next");
	is_int((long long)v->npairs, 7, "7 pairs");
	p = view_row_pair(v, 0);
	ok(p != NULL && p->a_count == 2 && p->b_count == 2 && p->manual,
	    "the top pair is now 2-2 and manual");
	is_int(saves, 1, "saved once");
	is_int(saved_manual, 1, "... as manual");
	is_int(view_pair_split(v), 0, "- splits it again");
	is_int((long long)v->npairs, 8, "8 pairs");
	p = view_row_pair(v, 0);
	ok(p != NULL && p->a_count == 1 && p->b_count == 1, "top pair 1-1");
	is_int(saved_manual, 0, "+ then - saves the automatic pairs");
	ok(p != NULL && !p->manual, "... not manual");
	is_str(v->message, "back to the automatic alignment (saved)",
	    "... and says so");
	is_int(view_pair_join(v), 0, "+ once more");
	is_int(view_pair_reset(v), 0, "= resets");
	is_int((long long)v->npairs, 8, "... to the 8 automatic pairs");
	is_int(saved_manual, 0, "... saved as automatic");
	is_int(view_pair_split(v), -1, "a 1-1 pair cannot split");
	is_str(v->message, "this pair has one paragraph a side", "says so");
	while (v->npairs > 1 && view_pair_join(v) == 0)
		;
	is_int((long long)v->npairs, 1, "joins down to one pair");
	is_int(view_pair_join(v), -1, "the last pair has no next");
	is_str(v->message, "no next pair to join with", "says so");
	view_toggle_sbs(v);
	is_int(view_pair_join(v), -1, "joining needs side by side");
}

int
main(void)
{
	char			 dir[] = "/tmp/tandem-view.XXXXXX", st[64], *p;
	struct layout_opts	 opts = { LAYOUT_AMBIGUOUS_NARROW,
	    LAYOUT_KOREAN_KEEP_ALL };
	struct view		 v;
	struct article		*a;
	size_t			 ko, en, fr, top;

	if (mkdtemp(dir) == NULL)
		return 1;
	a = load_sample(dir);
	ko = lang_index(a, "ko");
	en = lang_index(a, "en");
	fr = lang_index(a, "fr");
	view_init(&v, &opts);
	view_relayout(&v, 80, 10);
	view_open(&v, a, ko, en, 0);

	view_status(&v, st, sizeof st);
	{
		char	want[64];

		snprintf(want, sizeof want, "ko  1/8  %zu%%",
		    (size_t)1000 / v.rows.nrows);
		is_str(st, want, "status: language, paragraph, %% at the bottom");
	}
	ok(v.rows.nrows > 30, "Korean text takes more than three screens");
	ok(max_width(&v, 0) <= 80, "no line wider than 80");
	view_end(&v);
	is_int((long long)v.top, (long long)v.rows.nrows - 10, "End shows the last page");
	view_status(&v, st, sizeof st);
	ok(strstr(st, "/8  100%") != NULL, "status at the end: %s", st);
	view_home(&v);
	view_scroll(&v, -5);
	is_int((long long)v.top, 0, "scrolling up at the top stays");
	view_page(&v, 1, 0);
	is_int((long long)v.top, 9, "a page is the height less one");
	view_page(&v, -1, 1);
	is_int((long long)v.top, 4, "half a page back");

	is_int(view_toggle_sbs(&v), 0, "side by side on");
	view_status(&v, st, sizeof st);
	ok(strncmp(st, "ko|en  ", 7) == 0, "status says ko|en: %s", st);
	ok(pairs_start_together(&v), "paired paragraphs start on one row");
	ok(max_width(&v, 0) <= 38 && max_width(&v, 1) <= 39,
	    "columns within (80 - 3) / 2 cells");

	/* Keep the place: paragraph 5 at the top survives a relayout. */
	for (top = 0; top < v.rows.nrows; top++) {
		v.top = top;
		if (view_top_paragraph(&v) == 4)
			break;
	}
	view_relayout(&v, 120, 30);
	is_int((long long)view_top_paragraph(&v), 4,
	    "relayout at 120 keeps paragraph 5 at the top");
	view_relayout(&v, 50, 10);
	ok(!v.sbs_on, "50 columns is too narrow for side by side");
	is_str(v.message, "too narrow for side by side: ko only",
	    "and says so");
	is_int((long long)view_top_paragraph(&v), 4, "... keeping paragraph 5");
	view_relayout(&v, 100, 30);
	ok(v.sbs_on, "side by side again at 100 columns");

	is_int(view_swap(&v), 0, "swap");
	view_status(&v, st, sizeof st);
	ok(strncmp(st, "en|ko", 5) == 0, "swapped: %s", st);
	is_int(view_next_lang2(&v), 0, "L: next right language");
	view_status(&v, st, sizeof st);
	ok(strncmp(st, "en|ja", 5) == 0, "right is now ja: %s", st);
	is_int(view_set_lang(&v, fr), 0, "5: French on the left");
	view_status(&v, st, sizeof st);
	ok(strncmp(st, "fr|ja", 5) == 0, "fr|ja: %s", st);
	is_int(view_set_lang(&v, 7), -1, "8: no such language");
	is_str(v.message, "no language 8: this article has 5", "and says so");
	is_int(view_toggle_sbs(&v), 0, "side by side off");
	view_status(&v, st, sizeof st);
	ok(strncmp(st, "fr  ", 4) == 0, "one language: %s", st);
	is_int(view_next_lang(&v), 0, "l: next language");
	view_status(&v, st, sizeof st);
	ok(strncmp(st, "ko  ", 4) == 0, "wraps around to ko: %s", st);

	/* Search. */
	view_set_lang(&v, en);
	view_home(&v);
	is_int(view_search(&v, "magok", 1), 0, "finds Magok (any case)");
	p = NULL;
	{
		size_t	len;
		int	w;
		const char *s = view_cell(&v, v.match, 0, &len, &w);

		p = s ? xstrndup(s, len) : NULL;
	}
	ok(p != NULL && strstr(p, "Magok") != NULL, "match row has it: %s",
	    p ? p : "(none)");
	free(p);
	top = v.match;
	is_int(view_search(&v, NULL, 1), 0, "n finds the next one");
	ok(v.match > top, "further down (%zu > %zu)", v.match, top);
	is_int(view_search(&v, NULL, -1), 0, "N goes back");
	is_int((long long)v.match, (long long)top, "to the first");
	is_int(view_search(&v, "no such words", 1), -1, "missing text");
	is_str(v.message, "pattern not found: no such words", "says so");

	/* max-width: one language is capped, side by side is not. */
	v.max_width = 60;
	view_relayout(&v, 250, 30);
	ok(!v.sbs_on && v.rows.lwidth == 60 && max_width(&v, 0) <= 60 &&
	    max_width(&v, 0) > 50, "max-width 60 at 250 columns: lines of"
	    " at most 60 cells (%d)", max_width(&v, 0));
	view_toggle_sbs(&v);
	ok(v.sbs_on && max_width(&v, 0) > 100 && max_width(&v, 1) > 100,
	    "side by side takes the whole width");
	view_toggle_sbs(&v);
	v.max_width = 0;
	view_relayout(&v, 250, 30);
	ok(max_width(&v, 0) > 200, "max-width 0: the whole width (%d)",
	    max_width(&v, 0));
	view_relayout(&v, 100, 30);

	test_corrections(&v, ko, en);
	view_free(&v);
	{
		char	cmd[128];

		snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
		if (system(cmd) != 0)
			diag("could not remove %s", dir);
	}
	return tap_done();
}
