/*
 * view.h: the reader pane's state, without curses.
 *
 * A view holds one article, which of its translations are shown (one, or
 * a left and a right one side by side), the rows the layout engine made
 * of them at the pane's width, where the pane is scrolled to and what is
 * being searched for.  The UI asks it for rows and draws them; every
 * key the reader handles is a call here, so the behaviour is unit-tested
 * without a terminal.
 *
 * Recompute is not repaint: changing the width, a language or the
 * side-by-side mode lays the text out again (view_relayout), keeping the
 * paragraph at the top of the pane where it was; scrolling only moves
 * view->top.  A long article is laid out only around the rows on screen
 * (view-window.c): v->rows then holds a window of the rows, and row
 * numbers everywhere else are the whole text's, some of them estimated.
 */
#ifndef TANDEM_VIEW_H
#define TANDEM_VIEW_H

#include <stddef.h>

#include "article.h"
#include "layout-sbs.h"

/* Narrowest column side-by-side will lay text out in. */
#define VIEW_SBS_MIN_COLUMN	24
#define VIEW_GUTTER		" | "
#define VIEW_GUTTER_LOW		" : "	/* a pair the aligner is unsure of */
#define VIEW_GUTTER_WIDTH	3

/* Below this a pair's divider is drawn as a warning. */
#define VIEW_LOW_CONFIDENCE	0.5

/*
 * An article with more text than this (the sides shown) is laid out
 * around the visible rows only, heights below and above estimated until
 * they are looked at: see view-window.c.
 */
#define VIEW_LAZY_BYTES		(64 * 1024)

/*
 * Supplies the alignment of two translations' paragraphs (the stored one,
 * or one made now): sets *pairs (allocated, or NULL for paragraph i with
 * paragraph i) and *n.  Making one reads the texts whole
 * (article_text_need), hence the article that is not const.  save stores a corrected one (all pairs manual).
 */
typedef void (*view_pairs_fn)(void *arg, struct article *,
    size_t left, size_t right, struct article_pair **pairs, size_t *n);
typedef int (*view_save_fn)(void *arg, const struct article *,
    size_t left, size_t right, const struct article_pair *pairs, size_t n);

/*
 * One match of the search in a paragraph's text (sanitised, tabs kept,
 * the bytes layout_line's poff and plen count): it may run over several
 * rows, and is found and shown from the first.
 */
struct view_hit {
	size_t			 row;		/* first row it is on */
	int			 side;		/* 0 left, 1 right */
	size_t			 para;
	size_t			 start, end;	/* bytes in the paragraph */
	size_t			 lfirst, llast;	/* the lines it is on */
	size_t			 lstart, lend;	/* bytes into their text */
};

/* The most styled ranges one row's text carries. */
#define VIEW_MAX_RANGES		8

/* What the UI draws for one row of one column. */
struct view_span {
	struct span		 text;		/* the line's bytes */
	int			 width;		/* cells */
	const unsigned char	*cells;		/* layout.h: per byte */
	struct span_range	 ranges[VIEW_MAX_RANGES];
	size_t			 nranges;
};

struct view {
	struct article		*article;	/* owned */
	size_t			 left, right;	/* translation indices */
	int			 sbs;		/* side by side wanted */
	int			 sbs_on;	/* ... and shown (room enough) */
	struct layout_opts	 opts;
	view_pairs_fn		 pairs_fn;
	view_save_fn		 save_fn;
	void			*pairs_arg;

	int			 width, height;	/* of the text area */
	int			 max_width;	/* of one language's text; 0:
						   the area's (side by side
						   always has the area) */
	struct layout_sbs	 rows;		/* single: right side empty */
	struct article_pair	*pairs;		/* effective alignment */
	size_t			 npairs;
	int			 pairs_dirty;	/* languages changed: ask again */
	int			 pairs_sbs;	/* pairs were made for sbs_on */
	size_t			 top;		/* first row shown */

	/* The laid-out window (view-window.c); rows are global. */
	struct layout_sbs_pair	*lpairs;	/* v->pairs, for layout */
	size_t			*block;		/* rows of each pair's block */
	size_t			*start;		/* ... where each begins */
	unsigned char		*known;		/* measured, not estimated */
	size_t			 wfirst, wend;	/* blocks in v->rows */
	double			 bpl[2];	/* bytes a line, each side */
	int			 lw, rw;	/* column widths */
	int			 whole;		/* every block laid out */
	size_t			 lazy_bytes;	/* more text: lay out lazily */

	char			*needle;	/* last search, or NULL */
	struct view_hit		*hits;		/* every match of needle */
	size_t			 nhits;
	size_t			 hit;		/* the current one, or -1 */
	size_t			 hit_span;	/* most rows one match covers, - 1 */
	size_t			 match;		/* its first row, or -1 */
	char			 message[160];	/* for the status line */
	size_t			 want_para;	/* scroll here at the next
						   layout, or -1 */
};

/* view-find.c: the matcher, on text folded as the library search folds. */
struct view_find {
	const char	*orig;
	size_t		 orig_len;
	char		*folded;
	size_t		 len;
	size_t		*map;		/* folded byte -> orig byte */
};
char	*view_find_needle(const char *);
void	 view_find_text(struct view_find *, const char *, size_t);
int	 view_find_next(const struct view_find *, size_t, const char *,
	     size_t *, size_t *, size_t *);
void	 view_find_free(struct view_find *);
int	 view_find_elsewhere(const struct view *, const char *, char *,
	     size_t);
int	 view_find_note(struct view *, const char *);

void	view_init(struct view *, const struct layout_opts *);
void	view_free(struct view *);

/* Show article (the view takes it), left in translation left. */
void	view_open(struct view *, struct article *, size_t left, size_t right,
	    int sbs);
void	view_close(struct view *);

/* view-window.c: the laid-out window over the rows. */
void	view_window_reset(struct view *, const struct layout_sbs_pair *,
	    int, int);
void	view_window_all(struct view *);
void	view_window_ensure(struct view *);
void	view_window_place(struct view *, size_t, size_t);
size_t	view_window_para(const struct view *, size_t);
void	view_window_free(struct view *);
long	view_window_local(const struct view *, size_t);
size_t	view_window_global(const struct view *, size_t);
/* Rows of the whole text, measured or (outside the window) estimated. */
size_t	view_nrows(const struct view *);

/* Lay out again for a text area of width x height, keeping the place. */
void	view_relayout(struct view *, int width, int height);

/* Scrolling; all clamp to the text. */
void	view_scroll(struct view *, long rows);
void	view_page(struct view *, int direction, int half);
void	view_home(struct view *);
void	view_end(struct view *);
size_t	view_max_top(const struct view *);

/* Languages; each lays out again.  Return -1 (and set message) if refused. */
int	view_set_lang(struct view *, size_t index);
int	view_next_lang(struct view *);
int	view_next_lang2(struct view *);
int	view_swap(struct view *);
int	view_toggle_sbs(struct view *);

/*
 * Search the paragraphs (span_find) for needle, or the last one if NULL:
 * from the current match if it is on screen, else from the row after the
 * top (dir 1) or before it (-1).  Matches go in row order, left before
 * right, and a match that wraps is found from its first row.
 */
int	view_search(struct view *, const char *needle, int dir);
/*
 * Show translation index (on the left unless it is shown already) from
 * paragraph para (-1: the top), needle's matches marked, as a library
 * search's result is opened.
 */
void	view_show_match(struct view *, size_t index, long long para,
	    const char *needle);

/*
 * A row of the left or right column as the UI draws it: its text, widths
 * and the search matches on it.  0, or -1 for a blank.
 */
int	view_row_span(const struct view *, size_t row, int right,
	    struct view_span *);
/* The divider of a side-by-side row: SPAN_LOW if the pair is doubtful. */
void	view_row_gutter(const struct view *, size_t row, struct view_span *);
/* A row's text: line bytes of the left/right column, or NULL if blank. */
const char *view_cell(const struct view *, size_t row, int right,
	    size_t *len, int *width);
/* The pair a row belongs to, or NULL (single language, past the end). */
const struct article_pair *view_row_pair(const struct view *, size_t row);

/*
 * Correct the alignment at the top of the pane: join the pair with the
 * next one, or split it (the side with more paragraphs gives up its
 * last).  The result is saved as manual, unless it pairs the paragraphs
 * as the aligner does (a join undone by a split): then it is the
 * automatic alignment again.  Reset goes back to the aligner's pairs.
 * -1 and a message if refused.
 */
int	view_pair_join(struct view *);
int	view_pair_split(struct view *);
int	view_pair_reset(struct view *);

/* An alignment as layout-sbs takes it. */
struct layout_sbs_pair *view_layout_pairs(const struct article_pair *, size_t);

/* "ko|en  3/8  42%" */
void	view_status(const struct view *, char *, size_t);
/* First paragraph (0-based) of the left side at the top row. */
size_t	view_top_paragraph(const struct view *);

#endif
