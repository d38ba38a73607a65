/*
 * list.c: the article list's window onto the cache (see list.h).
 *
 * Rows are numbered in list order (newest first).  The loaded window
 * is LIST_WINDOW screens tall, centred on what is shown; moving outside
 * it loads a new one with one query.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "list.h"
#include "xmalloc.h"

#define LIST_WINDOW 3	/* screens of rows kept loaded */

void
list_init(struct list *l, struct cache *cache, const char *const *pref)
{
	memset(l, 0, sizeof *l);
	l->cache = cache;
	l->pref = pref;
	scroll_init(&l->scroll, 1);
	l->scroll.height = 1;
}

static void
list_drop(struct list *l)
{
	article_summaries_free(l->win, l->win_n);
	l->win = NULL;
	l->win_n = 0;
	l->win_first = 0;
}

void
list_free(struct list *l)
{
	list_drop(l);
	list_search_end(l);
}

int
list_reload(struct list *l, char **cause)
{
	long long	n;

	list_drop(l);
	if (l->query != NULL)
		return list_search(l, NULL, cause);
	if (cache_count(l->cache, &n, cause) != 0)
		return -1;
	scroll_resize(&l->scroll, n > 0 ? (size_t)n : 0, l->scroll.height);
	return 0;
}

/* Load the window around row i. */
static void
list_load(struct list *l, size_t i)
{
	size_t	span = l->scroll.height * LIST_WINDOW, first;
	char	*cause = NULL;

	list_drop(l);
	first = i > span / 3 ? i - span / 3 : 0;
	if (cache_list_at(l->cache, l->pref, first, span, &l->win, &l->win_n,
	    &cause) != 0) {
		free(cause);
		return;
	}
	l->win_first = first;
}

const struct article_summary *
list_row(struct list *l, size_t i)
{
	if (i >= l->scroll.total)
		return NULL;
	if (l->query != NULL)
		return i < l->nfound ? &l->found[i] : NULL;
	if (l->win == NULL || i < l->win_first || i >= l->win_first + l->win_n)
		list_load(l, i);
	if (i < l->win_first || i >= l->win_first + l->win_n)
		return NULL;
	return &l->win[i - l->win_first];
}

void
list_set_height(struct list *l, int h)
{
	scroll_resize(&l->scroll, l->scroll.total, h > 0 ? (size_t)h : 1);
}

void
list_move(struct list *l, long delta)
{
	scroll_down(&l->scroll, delta);
}

void
list_page(struct list *l, int direction, int half)
{
	if (half)
		scroll_half(&l->scroll, direction);
	else
		scroll_page(&l->scroll, direction);
}

void
list_home(struct list *l)
{
	scroll_end(&l->scroll, -1);
}

void
list_end(struct list *l)
{
	scroll_end(&l->scroll, 1);
}

void
list_select_id(struct list *l, long long id)
{
	size_t	i;

	for (i = 0; l->query != NULL && i < l->nfound; i++)
		if (l->found[i].id == id) {
			scroll_select(&l->scroll, i);
			return;
		}
	for (i = 0; i < l->win_n; i++)
		if (l->win[i].id == id) {
			scroll_select(&l->scroll, l->win_first + i);
			return;
		}
}
