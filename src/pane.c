/*
 * pane.c: screen rectangles for the panes (see pane.h).
 */
#include "config.h"

#include <string.h>

#include "pane.h"

static void
pane_set(struct pane_rect *r, int y, int h, int w)
{
	r->y = y;
	r->x = 0;
	r->h = h > 0 ? h : 0;
	r->w = h > 0 ? w : 0;
}

void
pane_compute(const struct pane_state *st, struct pane_layout *pl)
{
	int	body, y, list, comments, reader;

	memset(pl, 0, sizeof *pl);
	if (st->cols < PANE_MIN_COLS || st->lines < PANE_MIN_LINES) {
		pl->too_small = 1;
		return;
	}
	pane_set(&pl->title, 0, 1, st->cols);
	pane_set(&pl->status, st->lines - 1, 1, st->cols);
	body = st->lines - 2;
	y = 1;

	if (!st->article_open) {
		pane_set(&pl->pane[PANE_LIST], y, body, st->cols);
		return;
	}
	if (st->lines < PANE_SPLIT_LINES) {
		/* One pane at a time: the focused one. */
		enum pane_id f = st->focus;

		if (f == PANE_COMMENTS && !st->comments)
			f = PANE_READER;
		pane_set(&pl->pane[f], y, body, st->cols);
		return;
	}
	list = body / 4 < PANE_LIST_MAX ? body / 4 : PANE_LIST_MAX;
	if (st->list_rows > 0 && st->list_rows < list)
		list = st->list_rows;
	comments = st->comments ? (body - list) / 3 : 0;
	reader = body - list - comments;
	pane_set(&pl->pane[PANE_LIST], y, list, st->cols);
	pane_set(&pl->pane[PANE_READER], y + list, reader, st->cols);
	pane_set(&pl->pane[PANE_COMMENTS], y + list + reader, comments,
	    st->cols);
}

enum pane_id
pane_next_focus(const struct pane_state *st)
{
	int	i, p;

	for (i = 1; i <= PANE_COUNT; i++) {
		p = ((int)st->focus + i) % PANE_COUNT;
		if (p == PANE_LIST ||
		    (p == PANE_READER && st->article_open) ||
		    (p == PANE_COMMENTS && st->article_open && st->comments))
			return (enum pane_id)p;
	}
	return st->focus;
}
