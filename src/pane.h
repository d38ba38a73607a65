/*
 * pane.h: where each pane goes on the screen; pure arithmetic, no curses.
 *
 *	+-----------------------------------------+
 *	| title bar                               |  row 0
 *	| article list            (top, when an   |
 *	|                          article is open|
 *	|                          and there is   |
 *	|                          room)          |
 *	|-----------------------------------------|
 *	| reader: header row, then text           |
 *	|                                         |
 *	|-----------------------------------------|
 *	| comments (when shown)                   |
 *	| status line                             |  last row
 *	+-----------------------------------------+
 *
 * Panes are stacked, each the full width: a full-width region is one the
 * terminal can scroll by itself, so scrolling the reader sends a line,
 * not a screen.  On a short terminal only the pane with the focus is
 * shown.  Below PANE_MIN_COLS x PANE_MIN_LINES nothing fits and the UI
 * shows a notice instead.
 */
#ifndef TANDEM_PANE_H
#define TANDEM_PANE_H

#define PANE_MIN_COLS	40
#define PANE_MIN_LINES	10
#define PANE_SPLIT_LINES 24	/* from here the list stays above the reader */
#define PANE_LIST_MAX	8	/* rows of list above an open article */
#define PANE_MARGIN	1	/* blank cells left and right of text */

enum pane_id { PANE_LIST, PANE_READER, PANE_COMMENTS, PANE_COUNT };

struct pane_rect {
	int	y, x, h, w;		/* h == 0: not shown */
};

struct pane_layout {
	int		 too_small;
	struct pane_rect title, status;
	struct pane_rect pane[PANE_COUNT];
};

struct pane_state {
	int		 cols, lines;
	int		 article_open;	/* reader has something to show */
	int		 comments;	/* comment pane wanted */
	int		 list_rows;	/* articles: the list needs no more */
	enum pane_id	 focus;
};

void	pane_compute(const struct pane_state *, struct pane_layout *);

/*
 * The pane Tab moves the focus to: the next one that has something to
 * show (the reader needs an open article, comments must be wanted),
 * whether or not the screen has room to show it beside the others.
 */
enum pane_id pane_next_focus(const struct pane_state *);

#endif
