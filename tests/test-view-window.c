/*
 * test-view-window.c: a long article laid out lazily (view-window.c)
 * shows the same screens as laid out whole.  Two views of one made-up
 * article, one with lazy_bytes 0 and one with it past the text, are
 * scrolled, paged, sent to the end, searched, resized and switched side
 * by side in step; after each step their screens must be the same text,
 * and the lazy one must hold only a few screens of lines.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "view.h"
#include "xmalloc.h"

#define NPARA	600
#define HEIGHT	20

static unsigned long rng = 12345;

static unsigned
next_rand(void)
{
	rng = rng * 1103515245UL + 12345UL;
	return (unsigned)(rng >> 8) & 0xffff;
}

/* Paragraph i of a side: words of made-up syllables, Hangul on side 1. */
static char *
make_para(int side, size_t i)
{
	static const char *lat[] = { "ta", "ren", "do", "mi", "sal", "ko" };
	static const char *han[] = { "가", "나", "다", "라", "마", "바" };
	char	*p = xmalloc(4096);
	size_t	 n = 0, words = 3 + next_rand() % 60, w, k;

	n += (size_t)snprintf(p, 4096, "P%zu", i);
	for (w = 0; w < words; w++) {
		p[n++] = ' ';
		for (k = 0; k < 1 + next_rand() % 4; k++) {
			strcpy(p + n, side ? han[next_rand() % 6] :
			    lat[next_rand() % 6]);
			n += strlen(p + n);
		}
	}
	if (i % 7 == 3)
		n += (size_t)snprintf(p + n, 4096 - n, " needle%zu", i);
	p[n] = '\0';
	return p;
}

static struct article *
make_article(void)
{
	struct article			*a = xcalloc(1, sizeof *a);
	struct article_translation	*t;
	size_t				 s, i;

	a->ntranslations = 2;
	a->translations = xcalloc(2, sizeof *a->translations);
	for (s = 0; s < 2; s++) {
		t = &a->translations[s];
		t->lang = xstrdup(s ? "ko" : "en");
		t->title = xstrdup("long");
		t->nparagraphs = NPARA - s * 7;
		t->paragraphs = xcalloc(t->nparagraphs, sizeof *t->paragraphs);
		for (i = 0; i < t->nparagraphs; i++) {
			t->paragraphs[i].text = make_para((int)s, i);
			t->paragraphs[i].len = strlen(t->paragraphs[i].text);
		}
	}
	return a;
}

/* Uneven pairs: 1-1, 2-1, 1-2, 1-0 in turn, the rest 1-1. */
static void
make_pairs(void *arg, struct article *a, size_t l, size_t r,
    struct article_pair **out, size_t *n)
{
	const size_t	 nl = a->translations[l].nparagraphs,
			 nr = a->translations[r].nparagraphs;
	size_t		 i = 0, j = 0, k = 0;
	static const int shape[4][2] = { { 1, 1 }, { 2, 1 }, { 1, 2 },
					 { 1, 0 } };

	(void)arg;
	*out = xcalloc(nl + nr + 1, sizeof **out);
	while (i < nl || j < nr) {
		(*out)[k].a_first = (int)i;
		(*out)[k].b_first = (int)j;
		(*out)[k].a_count = (int)(i + (size_t)shape[k % 4][0] <= nl ?
		    (size_t)shape[k % 4][0] : nl - i);
		(*out)[k].b_count = (int)(j + (size_t)shape[k % 4][1] <= nr ?
		    (size_t)shape[k % 4][1] : nr - j);
		if ((*out)[k].a_count == 0 && (*out)[k].b_count == 0)
			(*out)[k].b_count = 1;
		(*out)[k].confidence = (k % 5) ? 0.9 : 0.2;
		i += (size_t)(*out)[k].a_count;
		j += (size_t)(*out)[k].b_count;
		k++;
	}
	*n = k;
}

/* The screen as text: each row's left | gutter | right. */
static char *
screen(const struct view *v)
{
	struct view_span	 vs;
	char			*out = xmalloc(65536);
	size_t			 n = 0, r;

	for (r = v->top; r < v->top + HEIGHT && n < 60000; r++) {
		if (view_row_span(v, r, 0, &vs) == 0)
			n += (size_t)snprintf(out + n, 65536 - n, "%.*s",
			    (int)vs.text.len, vs.text.text);
		if (v->sbs_on) {
			view_row_gutter(v, r, &vs);
			n += (size_t)snprintf(out + n, 65536 - n, "%s",
			    vs.text.text);
			if (view_row_span(v, r, 1, &vs) == 0)
				n += (size_t)snprintf(out + n, 65536 - n,
				    "%.*s%s", (int)vs.text.len, vs.text.text,
				    vs.nranges ? "*" : "");
		}
		out[n++] = '\n';
	}
	out[n] = '\0';
	return out;
}

static int
same(const struct view *a, const struct view *b, const char *what)
{
	char	*x = screen(a), *y = screen(b);
	int	 r = strcmp(x, y) == 0;

	if (!ok(r, "%s: the same screen", what)) {
		tap_show("whole", x);
		tap_show("lazy", y);
	}
	free(x);
	free(y);
	return r;
}

static void
setup(struct view *v, size_t lazy, int width)
{
	view_init(v, NULL);
	v->lazy_bytes = lazy;
	v->pairs_fn = make_pairs;
	v->width = width;
	v->height = HEIGHT;
	view_open(v, make_article(), 0, 1, 1);
}

int
main(void)
{
	struct view	w, l;
	size_t		i, text = 0, p;
	int		all = 1;
	char		st[80];

	rng = 1;
	setup(&w, SIZE_MAX, 100);
	rng = 1;
	setup(&l, 0, 100);
	ok(w.whole && !l.whole, "one view whole, one lazy");
	for (p = 0; p < 2; p++)
		for (i = 0; i < l.article->translations[p].nparagraphs; i++)
			text += l.article->translations[p].paragraphs[i].len;
	ok(l.rows.left.textlen + l.rows.right.textlen < text / 10,
	    "the lazy view lays out a few screens (%zu of %zu bytes)",
	    l.rows.left.textlen + l.rows.right.textlen, text);
	same(&w, &l, "open");

	for (i = 0; i < 400 && all; i++) {
		view_page(&w, 1, 0);
		view_page(&l, 1, 0);
		all = same(&w, &l, "page down") && all;
		if (w.top == view_max_top(&w))
			break;
	}
	ok(all && i < 400, "paging to the end keeps the screens equal");
	view_home(&w);
	view_home(&l);
	same(&w, &l, "home");
	view_end(&w);
	view_end(&l);
	same(&w, &l, "end");
	is_int((long long)view_nrows(&l), (long long)view_nrows(&w),
	    "at the end every row has been counted the same");
	view_status(&l, st, sizeof st);
	ok(strstr(st, "100%") != NULL, "the end is 100%% (%s)", st);
	for (i = 0; i < 30; i++) {
		view_scroll(&w, -3);
		view_scroll(&l, -3);
	}
	same(&w, &l, "scrolling back up");

	/* Jump into the middle from the top, as after a search. */
	view_home(&l);
	view_home(&w);
	view_search(&w, "needle290", 1);
	view_search(&l, "needle290", 1);
	same(&w, &l, "search");
	is_int((long long)view_top_paragraph(&l), 290, "search finds the "
	    "paragraph");
	view_search(&w, "needle297", 1);
	view_search(&l, "needle297", 1);
	same(&w, &l, "search next");

	/* From the end up: the rows above are estimates until reached. */
	view_free(&w);
	view_free(&l);
	rng = 1;
	setup(&w, SIZE_MAX, 100);
	rng = 1;
	setup(&l, 0, 100);
	view_end(&w);
	view_end(&l);
	same(&w, &l, "a fresh lazy view's end");
	for (i = 0, all = 1; i < 400 && all && w.top > 0; i++) {
		view_page(&w, -1, 0);
		view_page(&l, -1, 0);
		all = same(&w, &l, "page up") && all;
	}
	ok(all && w.top == 0 && l.top == 0, "paging up to the top keeps the "
	    "screens equal");

	/* A fresh lazy view: the middle, then a resize keeps its place. */
	view_free(&l);
	rng = 1;
	setup(&l, 0, 100);
	view_page(&w, 1, 1);
	for (i = 0; i < 40; i++)
		view_page(&l, 1, 0);
	p = view_top_paragraph(&l);
	view_relayout(&l, 70, HEIGHT);
	is_int((long long)view_top_paragraph(&l), (long long)p,
	    "a resize keeps the paragraph at the top");
	view_toggle_sbs(&l);
	is_int((long long)view_top_paragraph(&l), (long long)p,
	    "side by side off keeps the paragraph at the top");
	ok(!l.whole && l.rows.left.textlen < text / 10,
	    "and lays out a few screens only");
	view_free(&w);
	view_free(&l);

	/* No paragraphs at all: nothing to lay out, nothing to read. */
	view_init(&l, NULL);
	l.lazy_bytes = 0;
	l.width = 80;
	l.height = HEIGHT;
	{
		struct article	*a = make_article();

		for (p = 0; p < 2; p++) {
			for (i = 0; i < a->translations[p].nparagraphs; i++)
				free((char *)a->translations[p].paragraphs[i].text);
			a->translations[p].nparagraphs = 0;
		}
		view_open(&l, a, 0, 1, 1);
	}
	view_end(&l);
	view_page(&l, -1, 0);
	is_int((long long)view_nrows(&l), 0, "an empty article has no rows");
	view_free(&l);
	return tap_done();
}
