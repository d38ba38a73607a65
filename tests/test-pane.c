/*
 * test-pane.c: the pane rectangles (list, reader, comments) computed for
 * a terminal size and focus, and Tab's order between the panes.
 */
#include "config.h"

#include "pane.h"
#include "tap.h"

static void
test_pane(void)
{
	struct pane_state	st = { .cols = 120, .lines = 40, .article_open = 1,
	    .focus = PANE_READER, .list_rows = 100 };
	struct pane_layout	pl;

	pane_compute(&st, &pl);
	ok(!pl.too_small, "120x40 fits");
	is_int(pl.pane[PANE_LIST].h, 8, "list above the article: 8 rows");
	is_int(pl.pane[PANE_READER].y, 9, "reader below it");
	is_int(pl.pane[PANE_READER].h, 30, "reader takes the rest");
	is_int(pl.pane[PANE_COMMENTS].h, 0, "no comments unless asked");
	st.comments = 1;
	pane_compute(&st, &pl);
	is_int(pl.pane[PANE_COMMENTS].h, 10, "comments: a third below");
	is_int(pl.pane[PANE_COMMENTS].y + pl.pane[PANE_COMMENTS].h, 39,
	    "ending above the status line");
	st.list_rows = 1;
	pane_compute(&st, &pl);
	is_int(pl.pane[PANE_LIST].h, 1, "one article: one list row");
	st.lines = 20;
	pane_compute(&st, &pl);
	is_int(pl.pane[PANE_LIST].h, 0, "short terminal: list hidden");
	is_int(pl.pane[PANE_READER].h, 18, "the focused reader gets it all");
	st.focus = PANE_READER;
	is_int(pane_next_focus(&st), PANE_COMMENTS, "Tab: reader -> comments");
	st.focus = PANE_COMMENTS;
	is_int(pane_next_focus(&st), PANE_LIST, "Tab: comments -> list");
	st.cols = 39;
	pane_compute(&st, &pl);
	ok(pl.too_small, "39 columns is too small");
}

int
main(void)
{
	test_pane();
	return tap_done();
}
