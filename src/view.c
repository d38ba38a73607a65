/*
 * view.c: the reader pane's state (see view.h).
 *
 * One language is laid out as the left column of a side-by-side layout
 * with an empty right column, so single and double views share the rows,
 * the scrolling and the search.  Every row belongs to a pair; a pair
 * covers a range of left paragraphs, which is how the place in the text
 * survives a relayout: the top row is remembered as (left paragraph,
 * rows into it) and found again afterwards.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "pairing.h"
#include "scroll.h"
#include "view.h"
#include "xmalloc.h"

void
view_init(struct view *v, const struct layout_opts *opts)
{
	memset(v, 0, sizeof *v);
	if (opts != NULL)
		v->opts = *opts;
	v->lazy_bytes = VIEW_LAZY_BYTES;
	layout_sbs_init(&v->rows);
	v->want_para = (size_t)-1;
}

void
view_close(struct view *v)
{
	if (v->article != NULL)
		article_free(v->article);
	v->article = NULL;
	free(v->pairs);
	v->pairs = NULL;
	v->npairs = 0;
	layout_sbs_free(&v->rows);
	view_window_free(v);
	FREE(&v->hits);
	v->nhits = 0;
	v->hit = v->match = (size_t)-1;
	v->top = 0;
	v->want_para = (size_t)-1;
	v->message[0] = '\0';
}

void
view_free(struct view *v)
{
	view_close(v);
	FREE(&v->needle);
}

void
view_open(struct view *v, struct article *a, size_t left, size_t right,
    int sbs)
{
	view_close(v);
	v->article = a;
	v->left = left < a->ntranslations ? left : 0;
	v->right = right < a->ntranslations ? right : v->left;
	v->sbs = sbs;
	v->top = 0;
	v->pairs_dirty = 1;
	if (v->width > 0)
		view_relayout(v, v->width, v->height);
}

static const struct article_translation *
view_tr(const struct view *v, size_t i)
{
	return &v->article->translations[i];
}

/* Where the top is, as (paragraph, rows into it). */
static void
view_anchor(const struct view *v, size_t *para, size_t *into)
{
	size_t	r, first;

	*para = 0;
	*into = 0;
	for (r = v->top; view_window_local(v, r) >= 0; r++)
		if (view_window_para(v, r) != (size_t)-1)
			break;
	if (view_window_local(v, r) < 0)
		return;
	*para = view_window_para(v, r);
	if (r != v->top)
		return;
	for (first = r; first > 0 && view_window_para(v, first - 1) == *para;)
		first--;
	*into = r - first;
}

static void	view_hits_find(struct view *);
static void	view_show_para(struct view *);

/* Effective pairs: the supplier's, or paragraph i with paragraph i. */
static void
view_make_pairs(struct view *v, size_t nl, size_t nr)
{
	size_t	k, n;

	free(v->pairs);
	v->pairs = NULL;
	v->npairs = 0;
	if (v->sbs_on && v->pairs_fn != NULL)
		v->pairs_fn(v->pairs_arg, v->article, v->left, v->right,
		    &v->pairs, &v->npairs);
	if (v->pairs != NULL)
		return;
	n = nl > nr ? nl : nr;
	v->pairs = xcalloc(n + 1, sizeof *v->pairs);
	for (k = 0; k < n; k++) {
		v->pairs[k].a_first = v->pairs[k].b_first = (int)k;
		v->pairs[k].a_count = k < nl;
		v->pairs[k].b_count = k < nr;
		v->pairs[k].confidence = 1;
	}
	v->npairs = n;
}

struct layout_sbs_pair *
view_layout_pairs(const struct article_pair *ap, size_t n)
{
	struct layout_sbs_pair	*lp;
	size_t			 k;

	lp = xcalloc(n + 1, sizeof *lp);
	for (k = 0; k < n; k++) {
		lp[k].left = (size_t)ap[k].a_first;
		lp[k].nleft = (size_t)ap[k].a_count;
		lp[k].right = (size_t)ap[k].b_first;
		lp[k].nright = (size_t)ap[k].b_count;
	}
	return lp;
}

void
view_relayout(struct view *v, int width, int height)
{
	struct layout_sbs_pair	*pairs;
	size_t			 para, into, nr = 0;
	int			 lw = width, rw = 0;

	view_anchor(v, &para, &into);
	v->width = width;
	v->height = height;
	if (v->article == NULL || width <= 0)
		return;
	v->sbs_on = 0;
	if (v->sbs && v->article->ntranslations > 1 && v->left != v->right) {
		if ((width - VIEW_GUTTER_WIDTH) / 2 >= VIEW_SBS_MIN_COLUMN) {
			v->sbs_on = 1;
			lw = (width - VIEW_GUTTER_WIDTH) / 2;
			rw = width - VIEW_GUTTER_WIDTH - lw;
		} else
			snprintf(v->message, sizeof v->message, "too narrow for "
			    "side by side: %s only",
			    view_tr(v, v->left)->lang);
	}
	if (!v->sbs_on && v->max_width > 0 && lw > v->max_width)
		lw = v->max_width;
	if (v->sbs_on)
		nr = view_tr(v, v->right)->nparagraphs;
	/* A resize keeps the alignment; new languages need a new one. */
	if (v->pairs_dirty || v->pairs == NULL || v->sbs_on != v->pairs_sbs)
		view_make_pairs(v, view_tr(v, v->left)->nparagraphs, nr);
	v->pairs_dirty = 0;
	v->pairs_sbs = v->sbs_on;
	pairs = view_layout_pairs(v->pairs, v->npairs);
	view_window_reset(v, pairs, lw, rw);
	free(pairs);

	view_hits_find(v);
	if (v->want_para != (size_t)-1)
		view_show_para(v);
	else
		view_window_place(v, para, into);
}

/*
 * The scroller over the rows; v->top stays the view's own field (tests
 * and the UI read it), the arithmetic is scroll.c's.
 */
static struct scroll
view_scroller(const struct view *v)
{
	struct scroll	s;

	scroll_init(&s, 0);
	s.total = view_nrows(v);
	s.height = v->height > 0 ? (size_t)v->height : 0;
	s.top = v->top;
	return s;
}

size_t
view_max_top(const struct view *v)
{
	struct scroll	s = view_scroller(v);

	return scroll_max_top(&s);
}

void
view_scroll(struct view *v, long rows)
{
	struct scroll	s = view_scroller(v);

	scroll_down(&s, rows);
	v->top = s.top;
	view_window_ensure(v);
}

void
view_page(struct view *v, int direction, int half)
{
	struct scroll	s = view_scroller(v);

	if (half)
		scroll_half(&s, direction);
	else
		scroll_page(&s, direction);
	v->top = s.top;
	view_window_ensure(v);
}

void
view_home(struct view *v)
{
	struct scroll	s = view_scroller(v);

	scroll_end(&s, -1);
	v->top = s.top;
	view_window_ensure(v);
}

/* Measuring the last page may change its rows: settle on them. */
void
view_end(struct view *v)
{
	struct scroll	s;
	int		i;

	for (i = 0; i < 4; i++) {
		s = view_scroller(v);
		scroll_end(&s, 1);
		if (i > 0 && s.top == v->top)
			break;
		v->top = s.top;
		view_window_ensure(v);
	}
}

static int
view_refuse(struct view *v, const char *msg)
{
	snprintf(v->message, sizeof v->message, "%s", msg);
	return -1;
}

static void
view_redo(struct view *v)
{
	v->message[0] = '\0';
	v->pairs_dirty = 1;
	view_relayout(v, v->width, v->height);
}

/* The next translation after i, skipping skip (if another exists). */
static size_t
view_next(const struct view *v, size_t i, size_t skip)
{
	size_t	n = v->article->ntranslations, j;

	for (j = (i + 1) % n; j != i; j = (j + 1) % n)
		if (j != skip || n < 2)
			return j;
	return i;
}

int
view_set_lang(struct view *v, size_t index)
{
	char	msg[80];

	if (v->article == NULL)
		return -1;
	if (index >= v->article->ntranslations) {
		snprintf(msg, sizeof msg, "no language %zu: this article has "
		    "%zu", index + 1, v->article->ntranslations);
		return view_refuse(v, msg);
	}
	if (v->sbs && index == v->right)
		v->right = v->left;
	v->left = index;
	view_redo(v);
	return 0;
}

int
view_next_lang(struct view *v)
{
	if (v->article == NULL || v->article->ntranslations < 2)
		return view_refuse(v, "this article has one language");
	return view_set_lang(v, view_next(v, v->left, v->sbs ? v->right :
	    v->left));
}

int
view_next_lang2(struct view *v)
{
	if (v->article == NULL || v->article->ntranslations < 2)
		return view_refuse(v, "this article has one language");
	if (!v->sbs || v->right == v->left)
		v->right = v->left;
	v->right = view_next(v, v->right, v->left);
	v->sbs = 1;
	view_redo(v);
	return 0;
}

int
view_swap(struct view *v)
{
	size_t	t;

	if (v->article == NULL || !v->sbs || v->left == v->right)
		return view_refuse(v, "swap needs two languages side by side "
		    "(press s)");
	t = v->left;
	v->left = v->right;
	v->right = t;
	view_redo(v);
	return 0;
}

int
view_toggle_sbs(struct view *v)
{
	if (v->article == NULL || v->article->ntranslations < 2)
		return view_refuse(v, "this article has one language");
	v->sbs = !v->sbs;
	if (v->sbs && v->right == v->left)
		v->right = view_next(v, v->left, v->left);
	view_redo(v);
	return 0;
}

const char *
view_cell(const struct view *v, size_t row, int right, size_t *len,
    int *width)
{
	const struct layout		*l;
	const struct layout_line	*ln;
	size_t				 i;
	long				 w = view_window_local(v, row);

	if (w < 0)
		return NULL;
	i = right ? v->rows.rows[w].right : v->rows.rows[w].left;
	if (i == LAYOUT_SBS_NONE)
		return NULL;
	l = right ? &v->rows.right : &v->rows.left;
	ln = &l->lines[i];
	*len = ln->len;
	*width = ln->width;
	return l->text + ln->off;
}

void
view_row_gutter(const struct view *v, size_t row, struct view_span *out)
{
	const struct article_pair	*p = view_row_pair(v, row);

	memset(out, 0, sizeof *out);
	out->width = VIEW_GUTTER_WIDTH;
	out->text.len = VIEW_GUTTER_WIDTH;
	out->text.text = VIEW_GUTTER;
	if (p != NULL && p->confidence < VIEW_LOW_CONFIDENCE && !p->manual) {
		out->text.text = VIEW_GUTTER_LOW;
		out->ranges[0].end = VIEW_GUTTER_WIDTH;
		out->ranges[0].style = SPAN_LOW;
		out->nranges = 1;
	}
}

const struct article_pair *
view_row_pair(const struct view *v, size_t row)
{
	size_t	p;
	long	w = view_window_local(v, row);

	if (!v->sbs_on || w < 0)
		return NULL;
	p = v->wfirst + v->rows.rows[w].pair;
	return p < v->npairs ? &v->pairs[p] : NULL;
}

/* The pair the top row belongs to (the next one on a separator). */
static size_t
view_top_pair(const struct view *v)
{
	long	w = view_window_local(v, v->top);

	if (w >= 0 && v->rows.rows[w].sep)
		return v->wfirst + v->rows.rows[w].pair + 1;
	return w >= 0 ? v->wfirst + v->rows.rows[w].pair : 0;
}

/*
 * The aligner's own pairs in place of v's when they pair the same
 * paragraphs, or always if force: a correction undone (+ then -) is no
 * correction.  Returns 1 if v now holds the automatic alignment.
 */
static int
view_pairs_auto(struct view *v, int force)
{
	struct article_pair	*auto_pairs = NULL;
	size_t			 n = 0;
	double			 conf;

	/* The aligner reads both texts whole; the next layout lets go. */
	if (article_text_need(v->article, v->left, 0,
	    view_tr(v, v->left)->nparagraphs, NULL) != 0 ||
	    article_text_need(v->article, v->right, 0,
	    view_tr(v, v->right)->nparagraphs, NULL) != 0)
		return 0;
	if (align_translations(view_tr(v, v->left), view_tr(v, v->right),
	    &auto_pairs, &n, &conf) != 0)
		return 0;
	if (!force && !pairing_same(auto_pairs, n, v->pairs, v->npairs)) {
		free(auto_pairs);
		return 0;
	}
	free(v->pairs);
	v->pairs = auto_pairs;
	v->npairs = n;
	return 1;
}

/* Mark every pair manual (unless back to automatic), save, lay out. */
static int
view_pairs_changed(struct view *v, const char *what, int reset)
{
	size_t	k;

	if (view_pairs_auto(v, reset))
		what = "back to the automatic alignment (saved)";
	else if (reset)
		return view_refuse(v, "could not align the paragraphs again");
	else for (k = 0; k < v->npairs; k++)
		v->pairs[k].manual = 1;
	if (v->save_fn != NULL && v->save_fn(v->pairs_arg, v->article,
	    v->left, v->right, v->pairs, v->npairs) != 0)
		return view_refuse(v, "could not save the alignment");
	view_relayout(v, v->width, v->height);
	snprintf(v->message, sizeof v->message, "%s", what);
	return 0;
}

int
view_pair_join(struct view *v)
{
	struct article_pair	*p;
	size_t			 k;

	if (!v->sbs_on)
		return view_refuse(v, "joining pairs needs side by side (s)");
	k = view_top_pair(v);
	if (k + 1 >= v->npairs)
		return view_refuse(v, "no next pair to join with");
	p = &v->pairs[k];
	p->a_count += p[1].a_count;
	p->b_count += p[1].b_count;
	p->confidence = 1;
	memmove(p + 1, p + 2, (v->npairs - k - 2) * sizeof *p);
	v->npairs--;
	return view_pairs_changed(v, "joined with the next pair (saved)", 0);
}

int
view_pair_split(struct view *v)
{
	struct article_pair	*p, add;
	size_t			 k;

	if (!v->sbs_on)
		return view_refuse(v, "splitting pairs needs side by side (s)");
	k = view_top_pair(v);
	if (k >= v->npairs || (v->pairs[k].a_count < 2 &&
	    v->pairs[k].b_count < 2))
		return view_refuse(v, "this pair has one paragraph a side");
	p = &v->pairs[k];
	memset(&add, 0, sizeof add);
	add.confidence = 1;
	add.a_first = p->a_first + p->a_count;
	add.b_first = p->b_first + p->b_count;
	if (p->a_count >= p->b_count && p->a_count > 1) {
		p->a_count--;
		add.a_first--;
		add.a_count = 1;
	}
	if (p->b_count >= 2 && p->b_count >= p->a_count + (add.a_count ?
	    0 : 1)) {
		p->b_count--;
		add.b_first--;
		add.b_count = 1;
	}
	p->confidence = 1;
	v->pairs = xreallocarray(v->pairs, v->npairs + 1, sizeof *v->pairs);
	p = &v->pairs[k];
	memmove(p + 2, p + 1, (v->npairs - k - 1) * sizeof *p);
	p[1] = add;
	v->npairs++;
	return view_pairs_changed(v, "split the pair (saved)", 0);
}

int
view_pair_reset(struct view *v)
{
	if (!v->sbs_on)
		return view_refuse(v, "the alignment is reset side by side (s)");
	return view_pairs_changed(v, "", 1);
}

/* Which row shows each line of one side. */
static size_t *
view_line_rows(const struct view *v, int side)
{
	const struct layout	*l = side ? &v->rows.right : &v->rows.left;
	size_t			*map, r, i;

	map = xcalloc(l->nlines + 1, sizeof *map);
	for (r = 0; r < v->rows.nrows; r++) {
		i = side ? v->rows.rows[r].right : v->rows.rows[r].left;
		if (i != LAYOUT_SBS_NONE)
			map[i] = view_window_global(v, r);
	}
	return map;
}

/* The line of the paragraph whose lines start at first that holds pos. */
static size_t
view_line_at(const struct layout *l, size_t first, size_t pos)
{
	size_t	i = first;

	while (i + 1 < l->nlines && l->lines[i + 1].para ==
	    l->lines[first].para && l->lines[i + 1].poff <= pos)
		i++;
	return i;
}

/*
 * Byte pos of the paragraph t (sanitised, tabs kept) as a byte of line
 * ln's text, where tabs are spaces: the same unless a tab comes first.
 */
static size_t
view_line_byte(const struct view *v, const struct layout *l, size_t ln,
    const char *t, size_t pos)
{
	const struct layout_line	*line = &l->lines[ln];
	const char			*text = l->text + line->off;
	size_t				 i, j = 0;
	int				 col;

	if (pos <= line->poff)
		return 0;
	if (pos >= line->poff + line->plen)
		return line->len;
	if (line->len == line->plen)
		return pos - line->poff;
	for (i = line->poff; i < pos && j < line->len; i++) {
		if (t[i] != '\t') {
			j++;
			continue;
		}
		col = utf8_width(text, j, &v->opts);
		j += (size_t)(UTF8_TABSTOP - col % UTF8_TABSTOP);
	}
	return j < line->len ? j : line->len;
}

static void
view_hit_add(struct view *v, size_t *cap, const struct view_hit *h)
{
	if (v->nhits == *cap) {
		*cap = *cap < 16 ? 16 : *cap * 2;
		v->hits = xreallocarray(v->hits, *cap, sizeof *v->hits);
	}
	v->hits[v->nhits++] = *h;
}

/* Every match in one side's paragraphs, mapped to its lines and rows. */
static void
view_hits_side(struct view *v, int side, size_t *cap)
{
	const struct article_translation *t = view_tr(v, side ? v->right :
	    v->left);
	const struct layout	*l = side ? &v->rows.right : &v->rows.left;
	struct view_hit		 h;
	struct view_find	 f;
	char			*clean, *fneedle;
	size_t			*rows, li = 0, p, at, n;

	rows = view_line_rows(v, side);
	fneedle = view_find_needle(v->needle);
	for (p = 0; p < t->nparagraphs; p++) {
		while (li < l->nlines && l->lines[li].para < p)
			li++;
		if (li == l->nlines || l->lines[li].para != p)
			continue;
		clean = utf8_sanitize_keep_tabs(t->paragraphs[p].text,
		    t->paragraphs[p].len, &n);
		memset(&h, 0, sizeof h);
		h.side = side;
		h.para = p;
		view_find_text(&f, clean, n);
		for (at = 0; view_find_next(&f, at, fneedle, &h.start, &h.end,
		    &at);) {
			h.lfirst = view_line_at(l, li, h.start);
			h.llast = view_line_at(l, li, h.end - 1);
			h.lstart = view_line_byte(v, l, h.lfirst, clean, h.start);
			h.lend = view_line_byte(v, l, h.llast, clean, h.end);
			h.row = rows[h.lfirst];
			/* A match lies in one paragraph, on consecutive rows. */
			if (h.llast - h.lfirst > v->hit_span)
				v->hit_span = h.llast - h.lfirst;
			view_hit_add(v, cap, &h);
		}
		view_find_free(&f);
		free(clean);
	}
	free(fneedle);
	free(rows);
}

static int
view_hit_cmp(const void *a, const void *b)
{
	const struct view_hit	*x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->side != y->side)
		return x->side - y->side;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* Find every match of the needle in the text as laid out now. */
static void
view_hits_find(struct view *v)
{
	size_t	cap = 0;

	FREE(&v->hits);
	v->nhits = 0;
	v->hit_span = 0;
	v->hit = (size_t)-1;
	v->match = (size_t)-1;
	if (v->needle == NULL || *v->needle == '\0' || v->article == NULL ||
	    v->npairs == 0)
		return;
	view_window_all(v);	/* a match's row must be known */
	view_hits_side(v, 0, &cap);
	if (v->sbs_on)
		view_hits_side(v, 1, &cap);
	/* qsort() must not see NULL, even for no elements. */
	if (v->nhits > 1)
		qsort(v->hits, v->nhits, sizeof *v->hits, view_hit_cmp);
}

/* The next match from the current one, or from the top; -1 if none. */
static size_t
view_hit_next(const struct view *v, int dir)
{
	size_t	k;

	if (v->hit < v->nhits && v->match >= v->top &&
	    v->match < v->top + (size_t)v->height) {
		if (dir > 0)
			return v->hit + 1 < v->nhits ? v->hit + 1 : (size_t)-1;
		return v->hit > 0 ? v->hit - 1 : (size_t)-1;
	}
	if (dir > 0) {
		for (k = 0; k < v->nhits; k++)
			if (v->hits[k].row > v->top)
				return k;
		return (size_t)-1;
	}
	for (k = v->nhits; k > 0; k--)
		if (v->hits[k - 1].row < v->top)
			return k - 1;
	return (size_t)-1;
}

int
view_search(struct view *v, const char *needle, int dir)
{
	size_t	k;

	if (needle != NULL) {
		free(v->needle);
		v->needle = xstrdup(needle);
		view_hits_find(v);
	}
	if (v->needle == NULL || *v->needle == '\0')
		return view_refuse(v, "no previous search");
	if (v->article == NULL)
		return -1;
	if ((k = view_hit_next(v, dir)) != (size_t)-1) {
		v->hit = k;
		v->match = v->hits[k].row;
		/* Below a clamped top the match is still on screen. */
		v->top = v->match > view_max_top(v) ? view_max_top(v) :
		    v->match;
		v->message[0] = '\0';
		view_find_note(v, "also in ");
		return 0;
	}
	if (view_find_note(v, "not shown; found in "))
		return -1;
	snprintf(v->message, sizeof v->message, "pattern not found: %s",
	    v->needle);
	return -1;
}

/* The top at want_para's first row; the first match from there. */
static void
view_show_para(struct view *v)
{
	size_t	k;

	view_window_place(v, v->want_para, 0);
	v->want_para = (size_t)-1;
	for (k = 0; k < v->nhits && v->hits[k].row < v->top; k++)
		;
	if (k < v->nhits) {
		v->hit = k;
		v->match = v->hits[k].row;
	}
}

size_t
view_top_paragraph(const struct view *v)
{
	size_t	para, into;

	view_anchor(v, &para, &into);
	return para;
}

void
view_status(const struct view *v, char *buf, size_t len)
{
	size_t	n, pct, rows;

	if (v->article == NULL) {
		snprintf(buf, len, "%s", "");
		return;
	}
	n = view_tr(v, v->left)->nparagraphs;
	rows = view_nrows(v);
	pct = rows <= (size_t)v->height || rows == 0 ? 100 :
	    (v->top + (size_t)v->height) * 100 / rows;
	if (pct > 100)
		pct = 100;
	if (v->sbs_on)
		snprintf(buf, len, "%s|%s  %zu/%zu  %zu%%",
		    view_tr(v, v->left)->lang, view_tr(v, v->right)->lang,
		    n ? view_top_paragraph(v) + 1 : 0, n, pct);
	else
		snprintf(buf, len, "%s  %zu/%zu  %zu%%",
		    view_tr(v, v->left)->lang, n ? view_top_paragraph(v) + 1 :
		    0, n, pct);
}
