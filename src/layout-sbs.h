/*
 * layout-sbs.h: two language versions side by side, aligned by pairs.
 *
 * The reader pane shows, say, Korean on the left and English on the right.
 * Each column is laid out on its own (layout.h) at its own width; then the
 * lines are dealt into rows so that the paragraphs of one pair start on
 * the same row.  A pair is a range of left paragraphs and a range of right
 * paragraphs, either possibly empty (1-1, 1-2, 2-1, 1-0, 0-1 ...), as an
 * aligner or the importer found them; without pairs, paragraph i goes with
 * paragraph i.  The shorter side of a pair is padded with blank rows, a
 * blank separator row follows every pair but the last, and paragraphs on
 * the same side of one pair are separated by a blank line.
 *
 * The rows are what the pane scrolls: one index moves both columns.
 */
#ifndef TANDEM_LAYOUT_SBS_H
#define TANDEM_LAYOUT_SBS_H

#include <stddef.h>

#include "layout.h"

/* Left paragraphs [left, left + nleft) go with right [right, + nright). */
struct layout_sbs_pair {
	size_t	left;
	size_t	nleft;
	size_t	right;
	size_t	nright;
};

#define LAYOUT_SBS_NONE ((size_t)-1)

/* One screen row: a line of each column, or LAYOUT_SBS_NONE for blank. */
struct layout_sbs_row {
	size_t	left;		/* index into sbs->left.lines */
	size_t	right;		/* index into sbs->right.lines */
	size_t	pair;		/* which pair the row belongs to */
	int	sep;		/* 1 for the blank row after a pair */
};

struct layout_sbs {
	struct layout		 left;
	struct layout		 right;
	int			 lwidth;
	int			 rwidth;

	struct layout_sbs_row	*rows;
	size_t			 nrows;
	size_t			 cap;
};

void	 layout_sbs_init(struct layout_sbs *);
void	 layout_sbs_free(struct layout_sbs *);
void	 layout_sbs_build(struct layout_sbs *, const struct span *,
	     size_t, const struct span *, size_t,
	     const struct layout_sbs_pair *, size_t, int, int,
	     const struct layout_opts *);
char	*layout_sbs_render_row(const struct layout_sbs *, size_t,
	     const char *);
char	*layout_sbs_render(const struct layout_sbs *, const char *,
	     const char *);

#endif
