/*
 * ui-list.c: the article list pane: one row per article, its id (what
 * the command line takes), an unread and a star mark, its languages,
 * its date and its title in the preferred language, cut with an
 * ellipsis at a grapheme boundary so nothing overflows the row; unread
 * rows are bold.  Also the keys of the reading state and the filters,
 * which work from every pane: the list model (list.c) does the work;
 * the feed it came from, if one did, between date and title.
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
#define UI_LIST_FEED	16	/* a feed's title, cut */

/* The feed (title, else tag) an article came from, before its title. */
static int
ui_list_feed(struct ui *u, int y, int x, int w,
    const struct article_summary *a, int selected)
{
	char	*cell;
	int	 n;

	if (a->feed == NULL || w - x <= UI_LIST_FEED + 20)
		return 0;
	cell = layout_pad(a->feed, strlen(a->feed), UI_LIST_FEED, &u->opts);
	n = ui_text(u, y, x, UI_LIST_FEED, UI_SPAN(cell, strlen(cell),
	    selected ? UI_SELECTED : UI_DIM, 1));
	free(cell);
	return n + 2;
}

static void
ui_list_row(struct ui *u, const struct pane_rect *r, int y,
    const struct article_summary *a, int selected)
{
	enum ui_color	 c = selected ? UI_SELECTED : UI_UNREAD;
	int		 use = selected || !a->read, x = 0, w = r->w, idw;
	char		*cell, id[32], mark[3];

	if (selected)
		ui_fill(u, y, 0, w, UI_SELECTED, 1);
	idw = snprintf(NULL, 0, "%lld", u->list.state.max_id);
	if (w > idw + 30) {
		snprintf(id, sizeof id, "%*lld ", idw, a->id);
		x += ui_text(u, y, x, w - x, UI_SPAN(id, strlen(id),
		    selected ? UI_SELECTED : UI_DIM, 1));
	}
	mark[0] = a->read ? ' ' : 'N';
	mark[1] = a->starred ? '*' : ' ';
	mark[2] = '\0';
	x += ui_text(u, y, x, w - x, UI_SPAN(mark, 2, c, use)) + 1;
	if (w - x > UI_LIST_LANGS + 4) {
		cell = layout_pad(a->langs, strlen(a->langs), UI_LIST_LANGS,
		    &u->opts);
		x += ui_text(u, y, x, w - x, UI_SPAN(cell, strlen(cell),
		    selected ? UI_SELECTED : UI_LANG, 1)) + 2;
		free(cell);
	}
	if (w - x > UI_LIST_DATE + 20) {
		cell = layout_pad(a->date != NULL ? a->date : "-", a->date !=
		    NULL ? strlen(a->date) : 1, UI_LIST_DATE, &u->opts);
		x += ui_text(u, y, x, w - x, UI_SPAN(cell, strlen(cell), c,
		    selected)) + 2;
		free(cell);
	}
	x += ui_list_feed(u, y, x, w, a, selected);
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
		    "Import some with:  tandem import FILE|DIR|URL",
		    "or press a here to add one from a URL." };
		static const char *none[] = { "No article is shown:",
		    "change the filter with =, ! or S", "" };
		const char *const *lines = u->list.state.articles > 0 ?
		    none : empty;

		for (i = 0; i < 3 && i < r->h - 1; i++)
			ui_text(u, r->y + r->h / 2 - 1 + i, 2, r->w - 2,
			    UI_SPAN(lines[i], strlen(lines[i]), UI_DIM, 1));
	}
}

/* The article a state key is for: the open one, else the selected. */
static long long
ui_list_target(struct ui *u, const struct article_summary **ap)
{
	const struct article_summary	*a;

	*ap = NULL;
	if (u->ps.focus != PANE_LIST && u->view.article != NULL)
		return u->article;
	if ((a = list_row(&u->list, u->list.scroll.sel)) == NULL)
		return 0;
	*ap = a;
	return a->id;
}

/*
 * N, U and *: the marks are the cache's, so the rows are reloaded.  The
 * open article's marks are its struct's, kept up to date here.
 */
static enum ui_result
ui_list_toggle(struct ui *u, int star)
{
	const struct article_summary	*a;
	struct article			*open = u->view.article;
	long long			 id;
	char				*cause = NULL;
	int				 flag, rc;

	if ((id = ui_list_target(u, &a)) == 0)
		return UI_HANDLED;
	if (a != NULL)
		flag = star ? !a->starred : !a->read;
	else
		flag = star ? !open->starred : !open->read;
	rc = star ? cache_article_set_starred(u->cache, id, flag, &cause) :
	    cache_article_set_read(u->cache, id, flag, &cause);
	if (rc != 0) {
		ui_message(u, "%s", cause);
		free(cause);
		return UI_REPAINT;
	}
	if (open != NULL && u->article == id) {
		if (star)
			open->starred = flag;
		else
			open->read = flag;
	}
	if (a == NULL)
		ui_message(u, "article %lld %s", id, star ? (flag ? "starred" :
		    "unstarred") : (flag ? "marked read" : "marked unread"));
	return UI_RELOAD;
}

/* A: every article the list shows, in one transaction. */
static enum ui_result
ui_list_read_all(struct ui *u)
{
	long long	 n;
	char		*cause = NULL;

	if (list_mark_all_read(&u->list, &n, &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
		return UI_RELOAD;
	}
	ui_message(u, "%lld article%s marked read", n, n == 1 ? "" : "s");
	return UI_RELOAD | UI_RELAYOUT;
}

/* n and p. */
static enum ui_result
ui_list_unread(struct ui *u, int dir)
{
	char	*cause = NULL;
	int	 rc;

	if ((rc = list_next_unread(&u->list, dir, &cause)) < 0) {
		ui_message(u, "%s", cause);
		free(cause);
	} else if (rc == 0)
		ui_message(u, "no unread article %s", dir > 0 ? "below" :
		    "above");
	return UI_REPAINT;
}

/* =: the languages every article shown must have. */
static enum ui_result
ui_list_langs(struct ui *u)
{
	char	 buf[128], *cause = NULL;

	if (ui_prompt(u, "articles that have (e.g. ko fr; empty: all): ", buf,
	    sizeof buf) != 0)
		return UI_REPAINT;
	if (list_set_langs(&u->list, buf, &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
	}
	return UI_RELAYOUT;
}

/*
 * The reading state and the filters, from any pane: the open article's
 * marks in the reader, the selected row's in the list.  UI_UNHANDLED
 * for the other operations.
 */
enum ui_result
ui_list_state_op(struct ui *u, enum op op)
{
	switch (op) {
	case OP_TOGGLE_READ:	return ui_list_toggle(u, 0);
	case OP_TOGGLE_STAR:	return ui_list_toggle(u, 1);
	case OP_FILTER_LANGS:	return ui_list_langs(u);
	case OP_FILTER_UNREAD:	list_toggle_unread(&u->list); break;
	case OP_FILTER_STARRED:	list_toggle_starred(&u->list); break;
	case OP_SORT:		list_next_sort(&u->list); break;
	default:
		return UI_UNHANDLED;
	}
	return UI_RELAYOUT;
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
	case OP_NEXT_UNREAD:	return ui_list_unread(u, 1);
	case OP_PREV_UNREAD:	return ui_list_unread(u, -1);
	case OP_READ_ALL:	return ui_list_read_all(u);
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
