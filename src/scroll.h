/*
 * scroll.h: one scroller for every pane that shows rows of something:
 * the article list, the reader, the comment pane and the help screen.
 * No curses: a pane tells it how many rows there are and how many fit,
 * a key calls one function, and the pane draws from top.
 *
 * With a cursor (the list) keys move the selected row and the top
 * follows it, clamped so the last page is full; without one (the
 * reader, the help) keys move the top.  A pane of height 0 keeps its
 * place as if it showed one row.
 */
#ifndef TANDEM_SCROLL_H
#define TANDEM_SCROLL_H

#include <stddef.h>

struct scroll {
	size_t	total;		/* rows there are */
	size_t	height;		/* rows shown */
	size_t	top;		/* first row shown */
	size_t	sel;		/* selected row (with a cursor) */
	int	cursor;		/* keys move sel, else top */
};

void	scroll_init(struct scroll *, int cursor);

/* New total or height: clamp sel and top, keep sel in view. */
void	scroll_resize(struct scroll *, size_t total, size_t height);

/* The top that shows the last page. */
size_t	scroll_max_top(const struct scroll *);
/* Rows a page (all but one) or half a page moves; at least one. */
size_t	scroll_step(const struct scroll *, int half);

/* Move n rows (up if negative), a page or half a page, to an end. */
void	scroll_down(struct scroll *, long n);
void	scroll_page(struct scroll *, int direction);
void	scroll_half(struct scroll *, int direction);
void	scroll_end(struct scroll *, int direction);

/* Select row i (with a cursor) and bring it into view. */
void	scroll_select(struct scroll *, size_t i);
/* Top so that sel is shown, within the last page. */
void	scroll_show_sel(struct scroll *);

/*
 * Bring rows [first, end) into view as far as they fit, first before
 * the rest; moves top no further than needed and does not clamp it to
 * the last page (a pane of items taller than a row, like comments).
 */
void	scroll_show(struct scroll *, size_t first, size_t end);

#endif
