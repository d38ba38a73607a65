/*
 * layout-sbs.c: deal two laid-out columns into aligned rows.
 *
 * For each pair, each side's paragraphs are wrapped and their line indices
 * collected in a column list (LAYOUT_SBS_NONE for the blank line between
 * two paragraphs of one side); the two lists are then zipped into rows,
 * the shorter padded with LAYOUT_SBS_NONE.  Everything is appended, so the
 * work is linear in the text, and the lists are reused from pair to pair.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout-sbs.h"
#include "xmalloc.h"

/* Line indices of one side of the current pair. */
struct layout_sbs_col {
	size_t	*v;
	size_t	 n;
	size_t	 cap;
};

void
layout_sbs_init(struct layout_sbs *sbs)
{
	memset(sbs, 0, sizeof *sbs);
	layout_init(&sbs->left);
	layout_init(&sbs->right);
}

void
layout_sbs_free(struct layout_sbs *sbs)
{
	layout_free(&sbs->left);
	layout_free(&sbs->right);
	free(sbs->rows);
	layout_sbs_init(sbs);
}

static void
layout_sbs_col_add(struct layout_sbs_col *c, size_t v)
{
	if (c->n == c->cap) {
		c->cap = c->cap < 16 ? 16 : c->cap * 2;
		c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
	}
	c->v[c->n++] = v;
}

/* Wrap paragraphs [first, first + count) of one side into column c. */
static void
layout_sbs_side(struct layout *l, struct layout_sbs_col *c,
    const struct span *paras, size_t np, size_t first, size_t count,
    int width, const struct layout_opts *opts)
{
	size_t	j, k, before;

	c->n = 0;
	for (j = first; j < first + count && j < np; j++) {
		if (j > first)
			layout_sbs_col_add(c, LAYOUT_SBS_NONE);
		before = l->nlines;
		layout_wrap(l, j, paras[j].text, paras[j].len, width, opts);
		for (k = before; k < l->nlines; k++)
			layout_sbs_col_add(c, k);
	}
}

static void
layout_sbs_row_add(struct layout_sbs *sbs, size_t left, size_t right,
    size_t pair, int sep)
{
	struct layout_sbs_row	*r;

	if (sbs->nrows == sbs->cap) {
		sbs->cap = sbs->cap < 64 ? 64 : sbs->cap * 2;
		sbs->rows = xreallocarray(sbs->rows, sbs->cap, sizeof *sbs->rows);
	}
	r = &sbs->rows[sbs->nrows++];
	r->left = left;
	r->right = right;
	r->pair = pair;
	r->sep = sep;
}

/* Zip the two columns of pair p into rows. */
static void
layout_sbs_zip(struct layout_sbs *sbs, const struct layout_sbs_col *lc,
    const struct layout_sbs_col *rc, size_t p)
{
	size_t	k;

	for (k = 0; k < lc->n || k < rc->n; k++) {
		layout_sbs_row_add(sbs,
		    k < lc->n ? lc->v[k] : LAYOUT_SBS_NONE,
		    k < rc->n ? rc->v[k] : LAYOUT_SBS_NONE, p, 0);
	}
}

/*
 * Lay out left and right paragraphs in columns of lwidth and rwidth
 * cells, row-aligned by pairs (NULL: the i-th with the i-th, the longer
 * side's extra paragraphs alone).  Widths below 1 count as 1.  Replaces
 * whatever sbs held.
 */
void
layout_sbs_build(struct layout_sbs *sbs, const struct span *left,
    size_t nleft, const struct span *right, size_t nright,
    const struct layout_sbs_pair *pairs, size_t npairs, int lwidth,
    int rwidth, const struct layout_opts *opts)
{
	struct layout_sbs_col	lc = { NULL, 0, 0 }, rc = { NULL, 0, 0 };
	struct layout_sbs_pair	dflt;
	const struct layout_sbs_pair *pp;
	size_t			p;

	layout_clear(&sbs->left);
	layout_clear(&sbs->right);
	sbs->nrows = 0;
	/* As layout_wrap(): a column is at least one cell.  Rendering sizes
	   rows by these widths, so a negative one would under-allocate. */
	sbs->lwidth = lwidth < 1 ? 1 : lwidth;
	sbs->rwidth = rwidth < 1 ? 1 : rwidth;
	lwidth = sbs->lwidth;
	rwidth = sbs->rwidth;
	if (pairs == NULL)
		npairs = nleft > nright ? nleft : nright;
	for (p = 0; p < npairs; p++) {
		if (pairs == NULL) {
			dflt.left = dflt.right = p;
			dflt.nleft = p < nleft;
			dflt.nright = p < nright;
			pp = &dflt;
		} else
			pp = &pairs[p];
		if (p > 0)
			layout_sbs_row_add(sbs, LAYOUT_SBS_NONE,
			    LAYOUT_SBS_NONE, p - 1, 1);
		layout_sbs_side(&sbs->left, &lc, left, nleft, pp->left,
		    pp->nleft, lwidth, opts);
		layout_sbs_side(&sbs->right, &rc, right, nright, pp->right,
		    pp->nright, rwidth, opts);
		layout_sbs_zip(sbs, &lc, &rc, p);
	}
	free(lc.v);
	free(rc.v);
}

/* Append line i of l (or blanks) padded to width cells at out + *o. */
static void
layout_sbs_cell(char *out, size_t *o, const struct layout *l, size_t i,
    int width)
{
	const struct layout_line	*ln;
	int				 pad = width;

	if (i != LAYOUT_SBS_NONE) {
		ln = &l->lines[i];
		memcpy(out + *o, l->text + ln->off, ln->len);
		*o += ln->len;
		pad = ln->width < width ? width - ln->width : 0;
	}
	if (pad > 0) {
		memset(out + *o, ' ', pad);
		*o += pad;
	}
}

/* Bytes a rendered row needs at most, without NUL. */
static size_t
layout_sbs_row_size(const struct layout_sbs *sbs, size_t row, size_t glen)
{
	const struct layout_sbs_row	*r = &sbs->rows[row];
	size_t				 size = glen;

	size += sbs->lwidth + sbs->rwidth;
	if (r->left != LAYOUT_SBS_NONE)
		size += sbs->left.lines[r->left].len;
	if (r->right != LAYOUT_SBS_NONE)
		size += sbs->right.lines[r->right].len;
	return size;
}

/*
 * Row row as one string: the left line padded to lwidth cells, the gutter
 * (" │ " say), the right line padded to rwidth cells.
 */
char *
layout_sbs_render_row(const struct layout_sbs *sbs, size_t row,
    const char *gutter)
{
	const struct layout_sbs_row	*r = &sbs->rows[row];
	size_t				 glen = strlen(gutter), o = 0;
	char				*out;

	out = xmalloc(layout_sbs_row_size(sbs, row, glen) + 1);
	layout_sbs_cell(out, &o, &sbs->left, r->left, sbs->lwidth);
	memcpy(out + o, gutter, glen);
	o += glen;
	layout_sbs_cell(out, &o, &sbs->right, r->right, sbs->rwidth);
	out[o] = '\0';
	return out;
}

/* Every row, between two copies of edge, one per text line. */
char *
layout_sbs_render(const struct layout_sbs *sbs, const char *gutter,
    const char *edge)
{
	size_t	 i, size = 1, o = 0, elen = strlen(edge), glen = strlen(gutter);
	char	*out, *row;

	for (i = 0; i < sbs->nrows; i++)
		size += layout_sbs_row_size(sbs, i, glen) + 2 * elen + 1;
	out = xmalloc(size);
	for (i = 0; i < sbs->nrows; i++) {
		row = layout_sbs_render_row(sbs, i, gutter);
		o += (size_t)sprintf(out + o, "%s%s%s\n", edge, row, edge);
		free(row);
	}
	out[o] = '\0';
	return out;
}
