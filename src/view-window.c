/*
 * view-window.c: the reader's rows, laid out only where they are looked at.
 *
 * The rows of an article are the blocks of its pairs in order: block k is
 * pair k's rows and, but for the last pair, the blank separator after it.
 * v->block[k] holds a block's height, measured once it has been laid out
 * (v->known[k]) and estimated from its paragraphs' bytes before that;
 * v->start[k] is where it begins (a prefix sum, redone when a height
 * changes: a few microseconds for 20,000 pairs).  Only the blocks
 * [v->wfirst, v->wend) are laid out, into v->rows, whose row 0 is global
 * row v->start[v->wfirst]; view_window_ensure() moves that window so that
 * it covers a screen above the top and two below, which keeps opening a
 * long article and scrolling in it as cheap as for a short one, and the
 * memory to a few screens of lines besides the article's text.
 *
 * The text is held the same way: an article opened without it
 * (cache_article_open) has the paragraphs of the window read as it is
 * laid out, and every other paragraph's text freed (view_window_text),
 * so opening costs the lengths of the paragraphs and not their text.
 *
 * When a height changes from estimate to measurement above the top, the
 * top moves by the difference: what is on screen stays.  Articles whose
 * text is under v->lazy_bytes are laid out whole, as before (every row a
 * measured one, so rows, percentages and search are exact); so is any
 * article while a search is active, since a match's row must be known.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"
#include "xmalloc.h"

/* Estimated rows of paragraphs [first, first + n) of one side. */
static size_t
view_window_side_est(const struct article_translation *t, size_t first,
    size_t n, double bpl)
{
	size_t	j, rows = 0;

	for (j = first; j < first + n && j < t->nparagraphs; j++) {
		if (j > first)
			rows++;
		rows += 1 + (size_t)((double)t->paragraphs[j].len / bpl);
	}
	return rows;
}

static size_t
view_window_est(const struct view *v, size_t k)
{
	const struct layout_sbs_pair	*p = &v->lpairs[k];
	size_t				 l, r = 0;

	l = view_window_side_est(&v->article->translations[v->left], p->left,
	    p->nleft, v->bpl[0]);
	if (v->sbs_on)
		r = view_window_side_est(&v->article->translations[v->right],
		    p->right, p->nright, v->bpl[1]);
	return (l > r ? l : r) + (k + 1 < v->npairs ? 1 : 0);
}

static void
view_window_sums(struct view *v)
{
	size_t	k;

	v->start[0] = 0;
	for (k = 0; k < v->npairs; k++)
		v->start[k + 1] = v->start[k] + v->block[k];
}

/* The block global row r is in (npairs - 1 past the end). */
static size_t
view_window_block_of(const struct view *v, size_t r)
{
	size_t	lo = 0, hi = v->npairs, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (v->start[mid] <= r)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The text of blocks [first, end), read if the article came without it,
 * and no other text kept: a window's paragraphs are what is held.
 */
static void
view_window_text(struct view *v, size_t first, size_t end)
{
	struct article	*a = v->article;
	size_t		 i, k, lo[2], hi[2];
	char		*cause = NULL;

	if (a->text_fn == NULL)
		return;
	lo[0] = lo[1] = SIZE_MAX;
	hi[0] = hi[1] = 0;
	for (k = first; k < end; k++) {
		if (v->lpairs[k].left < lo[0])
			lo[0] = v->lpairs[k].left;
		if (v->lpairs[k].left + v->lpairs[k].nleft > hi[0])
			hi[0] = v->lpairs[k].left + v->lpairs[k].nleft;
		if (v->lpairs[k].right < lo[1])
			lo[1] = v->lpairs[k].right;
		if (v->lpairs[k].right + v->lpairs[k].nright > hi[1])
			hi[1] = v->lpairs[k].right + v->lpairs[k].nright;
	}
	if (!v->sbs_on)
		lo[1] = hi[1] = 0;
	for (i = 0; i < a->ntranslations; i++) {
		if (i == v->left && hi[0] > lo[0])
			article_text_keep(a, i, lo[0], hi[0] - lo[0]);
		else if (i == v->right && hi[1] > lo[1])
			article_text_keep(a, i, lo[1], hi[1] - lo[1]);
		else
			article_text_keep(a, i, 0, 0);
	}
	if (hi[0] > lo[0] && article_text_need(a, v->left, lo[0],
	    hi[0] - lo[0], &cause) != 0)
		snprintf(v->message, sizeof v->message, "%s", cause);
	FREE(&cause);
	if (hi[1] > lo[1] && article_text_need(a, v->right, lo[1],
	    hi[1] - lo[1], &cause) != 0)
		snprintf(v->message, sizeof v->message, "%s", cause);
	FREE(&cause);
}

/* Lay out blocks [first, end) and measure them; the top keeps its text. */
static void
view_window_build(struct view *v, size_t first, size_t end)
{
	const struct article_translation *lt, *rt = NULL;
	size_t	 k, r, at, into, lbytes = 0, rbytes = 0, j, *h;

	if (v->npairs == 0) {
		v->top = 0;
		return;
	}
	at = view_window_block_of(v, v->top);
	into = v->top - v->start[at];
	view_window_text(v, first, end);
	lt = &v->article->translations[v->left];
	if (v->sbs_on)
		rt = &v->article->translations[v->right];
	layout_sbs_build(&v->rows, lt->paragraphs, lt->nparagraphs,
	    rt != NULL ? rt->paragraphs : NULL, rt != NULL ? rt->nparagraphs :
	    0, v->lpairs + first, end - first, v->lw, v->rw, &v->opts);
	v->wfirst = first;
	v->wend = end;
	h = xcalloc(end - first + 1, sizeof *h);
	for (r = 0; r < v->rows.nrows; r++)
		h[v->rows.rows[r].pair]++;	/* a separator counts too */
	for (k = first; k < end; k++) {
		if (k + 1 == end && k + 1 < v->npairs)
			h[k - first]++;		/* its separator, not laid out */
		v->block[k] = h[k - first];
		v->known[k] = 1;
		for (j = 0; j < v->lpairs[k].nleft; j++)
			lbytes += lt->paragraphs[v->lpairs[k].left + j].len;
		for (j = 0; rt != NULL && j < v->lpairs[k].nright; j++)
			rbytes += rt->paragraphs[v->lpairs[k].right + j].len;
	}
	free(h);
	/* What a line holds here is the best guess for the rest. */
	if (v->rows.left.nlines > 0 && lbytes > 0)
		v->bpl[0] = (double)lbytes / (double)v->rows.left.nlines;
	if (v->rows.right.nlines > 0 && rbytes > 0)
		v->bpl[1] = (double)rbytes / (double)v->rows.right.nlines;
	for (k = 0; k < v->npairs; k++)
		if (!v->known[k])
			v->block[k] = view_window_est(v, k);
	view_window_sums(v);
	if (into >= v->block[at] && v->block[at] > 0)
		into = v->block[at] - 1;
	v->top = v->npairs > 0 ? v->start[at] + into : 0;
}

/*
 * A fresh start after the pairs or the widths changed: every height an
 * estimate, nothing laid out; a short article is laid out whole at once.
 */
void
view_window_reset(struct view *v, const struct layout_sbs_pair *lp,
    int lw, int rw)
{
	const struct article_translation *t;
	size_t	k, j, bytes = 0;

	free(v->lpairs);
	v->lpairs = xcalloc(v->npairs + 1, sizeof *v->lpairs);
	memcpy(v->lpairs, lp, v->npairs * sizeof *lp);
	v->block = xreallocarray(v->block, v->npairs + 1, sizeof *v->block);
	v->start = xreallocarray(v->start, v->npairs + 2, sizeof *v->start);
	free(v->known);
	v->known = xcalloc(v->npairs + 1, 1);
	v->lw = lw < 1 ? 1 : lw;
	v->rw = rw < 1 ? 1 : rw;
	v->bpl[0] = v->lw;	/* a cell is at least a byte: rows too many */
	v->bpl[1] = v->rw;
	for (k = 0; k < v->npairs; k++)
		v->block[k] = view_window_est(v, k);
	view_window_sums(v);
	v->wfirst = v->wend = 0;
	layout_sbs_build(&v->rows, NULL, 0, NULL, 0, NULL, 0, v->lw, v->rw,
	    &v->opts);
	for (j = 0; j < 2; j++) {
		t = &v->article->translations[j ? v->right : v->left];
		for (k = 0; k < t->nparagraphs && (j == 0 || v->sbs_on); k++)
			bytes += t->paragraphs[k].len;
	}
	v->whole = bytes <= v->lazy_bytes;
	if (v->whole)
		view_window_all(v);
}

/* Lay out every block: for a search, or a short article. */
void
view_window_all(struct view *v)
{
	if (v->wfirst == 0 && v->wend == v->npairs && v->npairs > 0)
		return;
	view_window_build(v, 0, v->npairs);
}

/*
 * Paragraph of the left column on row r, or (size_t)-1 for a blank or a
 * row outside the laid-out window.
 */
size_t
view_window_para(const struct view *v, size_t r)
{
	long	i = view_window_local(v, r);
	size_t	l;

	if (i < 0)
		return (size_t)-1;
	l = v->rows.rows[i].left;
	return l == LAYOUT_SBS_NONE ? (size_t)-1 : v->rows.left.lines[l].para;
}

/* Put the top on row into of left paragraph para, or on row 0. */
void
view_window_place(struct view *v, size_t para, size_t into)
{
	size_t	k, r;

	v->top = 0;
	for (k = 0; k < v->npairs; k++)
		if (para >= v->lpairs[k].left &&
		    para < v->lpairs[k].left + v->lpairs[k].nleft)
			break;
	if (k < v->npairs) {
		v->top = v->start[k];
		view_window_ensure(v);
		for (r = v->top; view_window_local(v, r) >= 0; r++)
			if (view_window_para(v, r) == para) {
				v->top = r + into;
				break;
			}
	}
	if (v->top > view_max_top(v))
		v->top = view_max_top(v);
	view_window_ensure(v);
}

/* Rows there are, laid out or estimated. */
size_t
view_nrows(const struct view *v)
{
	return v->start != NULL && v->npairs > 0 ? v->start[v->npairs] : 0;
}

/* Whether global rows [a, b) are all laid out in the window. */
static int
view_window_covers(const struct view *v, size_t a, size_t b)
{
	size_t	lo, hi;

	if (v->wend <= v->wfirst)
		return 0;
	lo = v->start[v->wfirst];
	hi = v->start[v->wfirst] + v->rows.nrows;
	if (v->wend == v->npairs)
		hi = v->start[v->wend];
	return a >= lo && b <= hi;
}

/*
 * Make the window cover a screen above the top and two below (the ends
 * of the text permitting), laying out four screens around the top when
 * it must move.  Measuring may move rows: then the top is checked again.
 */
void
view_window_ensure(struct view *v)
{
	size_t	h = v->height > 0 ? (size_t)v->height : 1, a, b, n, first,
		end, tries;

	for (tries = 0; tries < 4 && v->npairs > 0; tries++) {
		n = view_nrows(v);
		if (v->top >= n)
			v->top = n > 0 ? n - 1 : 0;
		a = v->top > h ? v->top - h : 0;
		b = v->top + 2 * h < n ? v->top + 2 * h : n;
		if (view_window_covers(v, a, b))
			return;
		first = view_window_block_of(v, v->top > 2 * h ?
		    v->top - 2 * h : 0);
		end = view_window_block_of(v, v->top + 4 * h) + 1;
		view_window_build(v, first, end);
	}
}

/* Row r of v->rows for global row r, or -1 if it is not laid out. */
long
view_window_local(const struct view *v, size_t r)
{
	size_t	base;

	if (v->wend <= v->wfirst)
		return -1;
	base = v->start[v->wfirst];
	if (r < base || r - base >= v->rows.nrows)
		return -1;
	return (long)(r - base);
}

/* Global row of local row i. */
size_t
view_window_global(const struct view *v, size_t i)
{
	return (v->wend > v->wfirst ? v->start[v->wfirst] : 0) + i;
}

void
view_window_free(struct view *v)
{
	FREE(&v->lpairs);
	FREE(&v->block);
	FREE(&v->start);
	FREE(&v->known);
	v->wfirst = v->wend = 0;
}
