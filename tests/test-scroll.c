/*
 * test-scroll.c: the scroller every pane shares: moves, pages, half
 * pages and ends, with and without a cursor, at the edges (nothing to
 * show, fewer rows than the pane, panes of height 0 and 1), and the
 * selection kept in view.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "scroll.h"
#include "tap.h"

enum step { DOWN, PAGE, HALF, END, SELECT, RESIZE };

/*
 * One row: a scroller in a state, one step (its argument n), and the
 * top and selection wanted after it.
 */
static const struct {
	const char	*name;
	int		 cursor;
	size_t		 total, height, top, sel;
	enum step	 step;
	long		 n;
	size_t		 want_top, want_sel;
} cases[] = {
	/* Without a cursor: the top moves, within the last page. */
	{ "j scrolls a row", 0, 100, 10, 0, 0, DOWN, 1, 1, 0 },
	{ "k at the top stays", 0, 100, 10, 0, 0, DOWN, -1, 0, 0 },
	{ "j at the last page stays", 0, 100, 10, 90, 0, DOWN, 1, 90, 0 },
	{ "a huge move stops at the end", 0, 100, 10, 5, 0, DOWN, 1L << 40,
	    90, 0 },
	{ "a huge move up stops at 0", 0, 100, 10, 5, 0, DOWN, -(1L << 40),
	    0, 0 },
	{ "Space: a page is the height less one", 0, 100, 10, 0, 0, PAGE, 1,
	    9, 0 },
	{ "b: a page back", 0, 100, 10, 20, 0, PAGE, -1, 11, 0 },
	{ "d: half a page", 0, 100, 10, 0, 0, HALF, 1, 5, 0 },
	{ "u: half a page back", 0, 100, 10, 3, 0, HALF, -1, 0, 0 },
	{ "G: the last page", 0, 100, 10, 0, 0, END, 1, 90, 0 },
	{ "g: the first", 0, 100, 10, 50, 0, END, -1, 0, 0 },
	{ "fewer rows than the pane: no scrolling", 0, 5, 10, 0, 0, DOWN, 1,
	    0, 0 },
	{ "fewer rows than the pane: G stays at 0", 0, 5, 10, 0, 0, END, 1,
	    0, 0 },
	{ "a stale top past the end comes back", 0, 20, 10, 50, 0, DOWN, 0,
	    10, 0 },
	{ "empty: j", 0, 0, 10, 0, 0, DOWN, 1, 0, 0 },
	{ "empty: Space", 0, 0, 10, 0, 0, PAGE, 1, 0, 0 },
	{ "empty: G", 0, 0, 10, 0, 0, END, 1, 0, 0 },
	{ "height 1: a page is one row", 0, 10, 1, 0, 0, PAGE, 1, 1, 0 },
	{ "height 1: half a page is one row", 0, 10, 1, 0, 0, HALF, 1, 1, 0 },
	{ "height 1: G shows the last row", 0, 10, 1, 0, 0, END, 1, 9, 0 },
	{ "height 0 acts as 1: G", 0, 10, 0, 0, 0, END, 1, 9, 0 },
	{ "height 0: a page is one row", 0, 10, 0, 0, 0, PAGE, 1, 1, 0 },
	{ "height 2: a page is one row", 0, 10, 2, 0, 0, PAGE, 1, 1, 0 },
	{ "height 3: a page is two", 0, 10, 3, 0, 0, PAGE, 1, 2, 0 },

	/* With a cursor: the selection moves and the top follows it. */
	{ "cursor: j moves the selection only", 1, 100, 10, 0, 0, DOWN, 1, 0,
	    1 },
	{ "cursor: j off the bottom scrolls one", 1, 100, 10, 0, 9, DOWN, 1,
	    1, 10 },
	{ "cursor: k off the top scrolls one", 1, 100, 10, 5, 5, DOWN, -1, 4,
	    4 },
	{ "cursor: k at the first row stays", 1, 100, 10, 0, 0, DOWN, -1, 0,
	    0 },
	{ "cursor: j at the last row stays", 1, 100, 10, 90, 99, DOWN, 1, 90,
	    99 },
	{ "cursor: Space moves a page", 1, 100, 10, 0, 0, PAGE, 1, 0, 9 },
	{ "cursor: Space twice scrolls", 1, 100, 10, 0, 9, PAGE, 1, 9, 18 },
	{ "cursor: b from the end", 1, 100, 10, 90, 99, PAGE, -1, 90, 90 },
	{ "cursor: d", 1, 100, 10, 0, 0, HALF, 1, 0, 5 },
	{ "cursor: u below the top", 1, 100, 10, 40, 42, HALF, -1, 37, 37 },
	{ "cursor: G selects the last, last page", 1, 100, 10, 0, 3, END, 1,
	    90, 99 },
	{ "cursor: g selects the first", 1, 100, 10, 50, 55, END, -1, 0, 0 },
	{ "cursor: fewer rows than the pane", 1, 3, 10, 0, 0, END, 1, 0, 2 },
	{ "cursor: empty, j", 1, 0, 10, 0, 0, DOWN, 1, 0, 0 },
	{ "cursor: empty, G", 1, 0, 10, 0, 0, END, 1, 0, 0 },
	{ "cursor: empty, b", 1, 0, 10, 0, 0, PAGE, -1, 0, 0 },
	{ "cursor: height 1 shows the selection", 1, 10, 1, 0, 0, DOWN, 3, 3,
	    3 },
	{ "cursor: height 0 acts as 1", 1, 10, 0, 0, 0, DOWN, 3, 3, 3 },
	{ "cursor: select a row far below", 1, 100, 10, 0, 0, SELECT, 50, 41,
	    50 },
	{ "cursor: select past the end", 1, 100, 10, 0, 0, SELECT, 500, 90,
	    99 },
	{ "cursor: select above the top", 1, 100, 10, 50, 55, SELECT, 20, 20,
	    20 },

	/* Resizing keeps the selection in view and the last page full. */
	{ "resize: fewer rows clamp sel and top", 1, 100, 10, 90, 99, RESIZE,
	    40, 30, 39 },
	{ "resize: a shorter pane follows sel", 1, 100, 10, 0, 9, RESIZE, -5,
	    5, 9 },
	{ "resize: to nothing", 1, 100, 10, 50, 55, RESIZE, 0, 0, 0 },
	{ "resize without a cursor clamps top", 0, 100, 10, 90, 0, RESIZE, 50,
	    40, 0 },
};

static void
test_table(void)
{
	struct scroll	s;
	size_t		i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		scroll_init(&s, cases[i].cursor);
		s.total = cases[i].total;
		s.height = cases[i].height;
		s.top = cases[i].top;
		s.sel = cases[i].sel;
		switch (cases[i].step) {
		case DOWN:	scroll_down(&s, cases[i].n); break;
		case PAGE:	scroll_page(&s, (int)cases[i].n); break;
		case HALF:	scroll_half(&s, (int)cases[i].n); break;
		case END:	scroll_end(&s, (int)cases[i].n); break;
		case SELECT:	scroll_select(&s, (size_t)cases[i].n); break;
		case RESIZE:
			/* n > 0: a new total; n <= 0: the height less -n. */
			if (cases[i].n > 0)
				scroll_resize(&s, (size_t)cases[i].n, s.height);
			else if (cases[i].n < 0)
				scroll_resize(&s, s.total, s.height -
				    (size_t)-cases[i].n);
			else
				scroll_resize(&s, 0, s.height);
			break;
		}
		ok(s.top == cases[i].want_top && s.sel == cases[i].want_sel,
		    "%s", cases[i].name);
		if (s.top != cases[i].want_top || s.sel != cases[i].want_sel)
			diag("top %zu sel %zu, want top %zu sel %zu", s.top,
			    s.sel, cases[i].want_top, cases[i].want_sel);
	}
}

/* Rows [first, end) brought into view, as the comment pane does. */
static const struct {
	const char	*name;
	size_t		 total, height, top, first, end, want_top;
} shows[] = {
	{ "already shown: top stays", 100, 10, 0, 2, 5, 0 },
	{ "below: its end comes to the bottom", 100, 10, 0, 12, 15, 5 },
	{ "above: its first row to the top", 100, 10, 50, 20, 23, 20 },
	{ "taller than the pane: its first row wins", 100, 10, 0, 30, 60, 30 },
	{ "top past the end comes back first", 20, 10, 50, 15, 17, 15 },
	{ "not clamped to the last page", 20, 10, 0, 18, 20, 10 },
	{ "a row past the end: only the clamp", 20, 10, 30, 25, 27, 20 },
	{ "empty", 0, 10, 3, 0, 0, 0 },
	{ "height 0 acts as 1: the first row", 100, 0, 0, 40, 42, 40 },
};

static void
test_show(void)
{
	struct scroll	s;
	size_t		i;

	for (i = 0; i < sizeof shows / sizeof shows[0]; i++) {
		scroll_init(&s, 0);
		s.total = shows[i].total;
		s.height = shows[i].height;
		s.top = shows[i].top;
		scroll_show(&s, shows[i].first, shows[i].end);
		is_int((long long)s.top, (long long)shows[i].want_top,
		    "show: %s", shows[i].name);
	}
}

/* Walk a cursor over every row: the selection is never off screen. */
static void
test_sel_visible(void)
{
	struct scroll	s;
	size_t		h, bad = 0;
	long		n;
	int		k;

	for (h = 0; h < 12; h++) {
		scroll_init(&s, 1);
		scroll_resize(&s, 37, h);
		for (k = 0; k < 200; k++) {
			n = (k * 7919) % 23 - 11;
			if (k % 5 == 0)
				scroll_page(&s, n < 0 ? -1 : 1);
			else if (k % 7 == 0)
				scroll_half(&s, n < 0 ? -1 : 1);
			else
				scroll_down(&s, n);
			if (s.sel < s.top || s.sel >= s.top + (h ? h : 1) ||
			    s.top > scroll_max_top(&s) || s.sel >= s.total)
				bad++;
		}
	}
	is_int((long long)bad, 0, "the selection stays on screen at every "
	    "height");
}

int
main(void)
{
	test_table();
	test_show();
	test_sel_visible();
	return tap_done();
}
