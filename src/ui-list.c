/*
 * ui-list.c: the article list pane: one row per article, an unread mark,
 * its languages, its date and its title in the preferred language, cut
 * with an ellipsis at a grapheme boundary so nothing overflows the row.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "layout.h"
#include "ui-int.h"
#include "xmalloc.h"

#define UI_LIST_LANGS	14	/* "ko en ja zh fr" */
#define UI_LIST_DATE	10	/* 2025-09-22 */

static void
ui_list_row(struct ui *u, const struct pane_rect *r, int y,
    const struct article_summary *a, int selected)
{
	enum ui_color	 c = selected ? UI_SELECTED : UI_UNREAD;
	int		 use = selected || !a->read, x = 0, w = r->w;
	char		*cell;

	if (selected)
		ui_fill(u, y, 0, w, UI_SELECTED, 1);
	x += ui_text(u, y, x, w - x, UI_SPAN(a->read ? "  " : "N ", 2, c, use));
	if (w - x > UI_LIST_LANGS + 4) {
		cell = layout_pad(a->langs, strlen(a->langs), UI_LIST_LANGS,
		    &u->opts);
		x += ui_text(u, y, x, w - x, UI_SPAN(cell, strlen(cell),
		    selected ? UI_SELECTED : UI_LANG, 1)) + 2;
		free(cell);
	}
	if (w - x > UI_LIST_DATE + 20 && a->date != NULL) {
		cell = layout_pad(a->date, strlen(a->date), UI_LIST_DATE,
		    &u->opts);
		x += ui_text(u, y, x, w - x, UI_SPAN(cell, strlen(cell), c,
		    selected)) + 2;
		free(cell);
	}
	cell = layout_truncate(a->title, strlen(a->title), w - x, &u->opts);
	ui_text(u, y, x, w - x, UI_SPAN(cell, strlen(cell), c, use));
	free(cell);
}

void
ui_list_draw(struct ui *u)
{
	const struct pane_rect		*r = &u->pl.pane[PANE_LIST];
	const struct article_summary	*a;
	int				 i;

	if (r->h == 0)
		return;
	list_set_height(&u->list, r->h);
	for (i = 0; i < r->h; i++) {
		move(r->y + i, 0);
		clrtoeol();
		if ((a = list_row(&u->list, u->list.scroll.top + i)) == NULL)
			continue;
		ui_list_row(u, r, r->y + i, a,
		    u->list.scroll.top + i == u->list.scroll.sel &&
		    (u->ps.focus == PANE_LIST || u->article == 0));
	}
	if (u->list.scroll.total == 0 && r->h > 2) {
		static const char *empty[] = { "No articles yet.",
		    "Import some with:  tandem import FILE|DIR|URL",
		    "or press a here to add one from a URL." };

		for (i = 0; i < 3 && i < r->h - 1; i++)
			ui_text(u, r->y + r->h / 2 - 1 + i, 2, r->w - 2,
			    UI_SPAN(empty[i], strlen(empty[i]), UI_DIM, 1));
	}
}

/* N: the row's read mark is the cache's, so the rows are reloaded. */
static enum ui_result
ui_list_toggle_read(struct ui *u)
{
	const struct article_summary	*a;
	char				*cause = NULL;

	if ((a = list_row(&u->list, u->list.scroll.sel)) == NULL)
		return UI_HANDLED;
	if (cache_article_set_read(u->cache, a->id, !a->read, &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
		return UI_REPAINT;
	}
	return UI_RELOAD;
}

/* Handle op for the list, or UI_UNHANDLED if it is not the list's. */
enum ui_result
ui_list_op(struct ui *u, enum op op)
{
	const struct article_summary	*a;

	switch (op) {
	case OP_DOWN:		list_move(&u->list, 1); break;
	case OP_UP:		list_move(&u->list, -1); break;
	case OP_PAGE_DOWN:	list_page(&u->list, 1, 0); break;
	case OP_PAGE_UP:	list_page(&u->list, -1, 0); break;
	case OP_HALF_DOWN:	list_page(&u->list, 1, 1); break;
	case OP_HALF_UP:	list_page(&u->list, -1, 1); break;
	case OP_TOP:		list_home(&u->list); break;
	case OP_BOTTOM:		list_end(&u->list); break;
	case OP_TOGGLE_READ:	return ui_list_toggle_read(u);
	case OP_OPEN:
		if ((a = list_row(&u->list, u->list.scroll.sel)) == NULL)
			return UI_HANDLED;
		return ui_reader_open(u, a->id);
	default:
		return UI_UNHANDLED;
	}
	return UI_REPAINT;
}
