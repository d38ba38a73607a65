/*
 * list.c: the article list's window onto the cache (see list.h).
 *
 * Rows are numbered in list order (newest first unless a sort says
 * otherwise), over the articles the filter shows.  The loaded window
 * is LIST_WINDOW screens tall, centred on what is shown; moving outside
 * it loads a new one with one query.  The filter and the reading state
 * live in the cache (cache-list.c); this file keeps what is asked for
 * and where the selection is.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "cache-feed.h"
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
	list_langs_free(l->has);
	FREE(&l->order);
	free(l->tag);
	l->tag = NULL;
}

int
list_set_feed(struct list *l, long long feed, const char *tag, char **cause)
{
	free(l->tag);
	l->tag = tag != NULL ? xstrdup(tag) : NULL;
	l->filter.feed = feed;
	l->filter.tag = l->tag;
	scroll_select(&l->scroll, 0);
	return list_reload(l, cause);
}

int
list_reload(struct list *l, char **cause)
{
	long long	n;
	size_t		norder;

	list_drop(l);
	if (l->query != NULL)
		return list_search(l, NULL, cause);
	FREE(&l->order);
	if (cache_state(l->cache, &l->state, cause) != 0)
		return -1;
	if (l->filter.sort == CACHE_SORT_TITLE) {
		if (cache_list_ids(l->cache, &l->filter, l->pref, &l->order,
		    &norder, cause) != 0)
			return -1;
		n = (long long)norder;
	} else if (cache_list_count(l->cache, &l->filter, &n, cause) != 0)
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
	int	 rc;

	list_drop(l);
	first = i > span / 3 ? i - span / 3 : 0;
	if (l->order != NULL && first + span > l->scroll.total)
		span = first < l->scroll.total ? l->scroll.total - first : 0;
	if (l->order != NULL)
		rc = cache_list_by_ids(l->cache, l->pref, l->order + first,
		    span, &l->win, &l->win_n, &cause);
	else
		rc = cache_list_query(l->cache, &l->filter, l->pref, first,
		    span, &l->win, &l->win_n, &cause);
	if (rc != 0) {
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

void
list_langs_free(char **v)
{
	size_t	i;

	for (i = 0; v[i] != NULL; i++)
		FREE(&v[i]);
}

/*
 * Is w (len bytes) shaped like a language tag: a primary subtag of 2-8
 * letters, then subtags of letters and digits after '-' or '_'?
 */
static int
list_lang_ok(const char *w, size_t len)
{
	size_t	i, primary = 0, sub = 0;

	if (len > 35)
		return 0;
	for (i = 0; i < len; i++) {
		if (w[i] == '-' || w[i] == '_') {
			if (sub == 0)
				return 0;
			if (primary == 0)
				primary = i;
			sub = 0;
		} else if (isalpha((unsigned char)w[i]) ||
		    (primary != 0 && isdigit((unsigned char)w[i])))
			sub++;
		else
			return 0;
	}
	if (primary == 0)
		primary = len;
	return sub > 0 && primary >= 2 && primary <= 8;
}

int
list_langs_parse(const char *s, char **out, size_t max, char **cause)
{
	size_t	n = 0, len, i;
	char	*w;

	out[0] = NULL;
	for (; *s != '\0'; s += len) {
		s += strspn(s, ", \t");
		if ((len = strcspn(s, ", \t")) == 0)
			continue;
		if (!list_lang_ok(s, len)) {
			xasprintf(cause, "not a language tag: '%.*s'",
			    (int)(len > 40 ? 40 : len), s);
			goto fail;
		}
		if (n == max) {
			xasprintf(cause, "at most %zu languages", max);
			goto fail;
		}
		w = xmalloc(len + 1);
		for (i = 0; i < len; i++)
			w[i] = s[i] == '_' ? '-' :
			    (char)tolower((unsigned char)s[i]);
		w[len] = '\0';
		out[n++] = w;
		out[n] = NULL;
	}
	return 0;
fail:
	list_langs_free(out);
	return -1;
}

/* The filter changed: count again, from the top. */
static void
list_refilter(struct list *l)
{
	char	*cause = NULL;

	if (list_reload(l, &cause) != 0)
		free(cause);
	list_home(l);
}

int
list_set_langs(struct list *l, const char *s, char **cause)
{
	char	*v[LIST_MAX_LANGS + 1];
	size_t	 i;

	if (list_langs_parse(s, v, LIST_MAX_LANGS, cause) != 0)
		return -1;
	list_langs_free(l->has);
	for (i = 0; i <= LIST_MAX_LANGS; i++)
		l->has[i] = i < LIST_MAX_LANGS ? v[i] : NULL;
	l->filter.has = l->has[0] != NULL ? (const char *const *)l->has : NULL;
	list_refilter(l);
	return 0;
}

void
list_toggle_unread(struct list *l)
{
	l->filter.unread = !l->filter.unread;
	list_refilter(l);
}

void
list_toggle_starred(struct list *l)
{
	l->filter.starred = !l->filter.starred;
	list_refilter(l);
}

/* Import order, then date, then title, then import order again. */
void
list_next_sort(struct list *l)
{
	l->filter.sort = l->filter.sort == CACHE_SORT_TITLE ?
	    CACHE_SORT_IMPORTED : l->filter.sort + 1;
	list_refilter(l);
}

const char *
list_sort_name(enum cache_sort sort)
{
	switch (sort) {
	case CACHE_SORT_DATE:	return "date";
	case CACHE_SORT_TITLE:	return "title";
	default:		return "imported";
	}
}

const char *
list_describe(const struct list *l, char *buf, size_t len)
{
	size_t	i, o = 0;

	buf[0] = '\0';
#define LIST_ADD(...) do {						\
	if (o < len)							\
		o += (size_t)snprintf(buf + o, len - o, __VA_ARGS__);	\
} while (0)
	if (l->filter.unread)
		LIST_ADD("unread");
	if (l->filter.starred)
		LIST_ADD("%sstarred", o ? ", " : "");
	for (i = 0; l->has[i] != NULL; i++)
		LIST_ADD("%s%s", i == 0 ? (o ? ", has " : "has ") : " ",
		    l->has[i]);
	if (l->filter.sort != CACHE_SORT_IMPORTED)
		LIST_ADD("%sby %s", o ? ", " : "", list_sort_name(
		    l->filter.sort));
#undef LIST_ADD
	return buf;
}

/*
 * n and p: the rows loaded are looked at first; past them the cache
 * walks the list's read marks.
 */
int
list_next_unread(struct list *l, int dir, char **cause)
{
	const struct article_summary	*a;
	size_t				 i = l->scroll.sel, pos;
	int				 found;

	if (l->scroll.total == 0)
		return 0;
	while (l->win != NULL && i + dir >= l->win_first &&
	    i + dir < l->win_first + l->win_n && i + dir < l->scroll.total) {
		i += dir;
		a = &l->win[i - l->win_first];
		if (!a->read) {
			scroll_select(&l->scroll, i);
			return 1;
		}
	}
	if (cache_list_find_unread(l->cache, &l->filter, l->pref,
	    l->scroll.sel, dir, &pos, &found, cause) != 0)
		return -1;
	if (found)
		scroll_select(&l->scroll, pos);
	return found;
}

int
list_mark_all_read(struct list *l, long long *changed, char **cause)
{
	if (cache_list_mark_read(l->cache, &l->filter, changed, cause) != 0)
		return -1;
	return list_reload(l, cause);
}
