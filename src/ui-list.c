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
#include "search.h"
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

/* Over search results, a header row: the query, the count, the way out. */
static int
ui_list_header(struct ui *u, const struct pane_rect *r)
{
	char	*line;
	int	 x;

	if (u->list.query == NULL || r->h < 2)
		return 0;
	xasprintf(&line, "Search: %s", u->list.query);
	move(r->y, 0);
	clrtoeol();
	x = ui_text(u, r->y, 0, r->w, UI_SPAN(line, strlen(line), UI_HEADER,
	    1));
	free(line);
	xasprintf(&line, "  %zu article%s%s, best first  n N: step  q: all"
	    " articles", u->list.nfound, u->list.nfound == 1 ? "" : "s",
	    u->list.nfound == LIST_SEARCH_MAX ? " or more" : "");
	ui_text(u, r->y, x, r->w - x, UI_SPAN(line, strlen(line), UI_DIM, 1));
	free(line);
	return 1;
}

void
ui_list_draw(struct ui *u)
{
	const struct pane_rect		*r = &u->pl.pane[PANE_LIST];
	const struct article_summary	*a;
	int				 i, y0;

	if (r->h == 0)
		return;
	y0 = ui_list_header(u, r);
	list_set_height(&u->list, r->h - y0);
	for (i = 0; i < r->h - y0; i++) {
		move(r->y + y0 + i, 0);
		clrtoeol();
		if ((a = list_row(&u->list, u->list.scroll.top + i)) == NULL)
			continue;
		ui_list_row(u, r, r->y + y0 + i, a,
		    u->list.scroll.top + i == u->list.scroll.sel &&
		    (u->ps.focus == PANE_LIST || u->article == 0));
	}
	if (u->list.scroll.total == 0 && r->h > 2 && u->list.query == NULL) {
		static const char *empty[] = { "No articles yet.",
		    "Import some with:  tandem import FILE..." };

		for (i = 0; i < 2; i++)
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

/*
 * Enter on a search result: the article, in the language that matched
 * best, from its first matching paragraph, the query's first word
 * marked (n goes on from there).
 */
static enum ui_result
ui_list_open_hit(struct ui *u, size_t i)
{
	const struct cache_search_hit	*h = list_search_hit(&u->list, i);
	const struct article		*a;
	enum ui_result			 res;
	char				*needle;
	size_t				 k;

	if (h == NULL)
		return UI_HANDLED;
	res = ui_reader_open(u, h->id);
	if ((a = u->view.article) == NULL || u->article != h->id)
		return res;
	for (k = 0; k < a->ntranslations; k++)
		if (h->lang != NULL && strcmp(a->translations[k].lang,
		    h->lang) == 0)
			break;
	needle = search_query_word(u->list.query);
	if (k < a->ntranslations)
		view_show_match(&u->view, k, h->paragraph, needle);
	free(needle);
	return res | UI_RELAYOUT;
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
		if (u->list.query != NULL)
			return ui_list_open_hit(u, u->list.scroll.sel);
		return ui_reader_open(u, a->id);
	case OP_SEARCH_NEXT:
	case OP_SEARCH_PREV:
		if (u->list.query == NULL)
			return UI_UNHANDLED;
		if (list_search_step(&u->list, op == OP_SEARCH_NEXT ? 1 :
		    -1) != 0) {
			ui_message(u, "%s result", op == OP_SEARCH_NEXT ?
			    "no later" : "no earlier");
			return UI_REPAINT;
		}
		break;
	default:
		return UI_UNHANDLED;
	}
	return UI_REPAINT;
}
