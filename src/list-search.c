/*
 * list-search.c: the article list showing a library search's results.
 *
 * The reader's / in the list asks cache_search() (ranked by bm25, at
 * most LIST_SEARCH_MAX articles) and the list's rows become the hits,
 * each an article_summary like any row: the matching languages in the
 * languages column, the best translation's title.  The whole list's
 * place is kept and comes back with list_search_end().  A reload (an
 * article opened is marked read) runs the same query again.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "list.h"
#include "xmalloc.h"

static void
list_search_drop(struct list *l)
{
	size_t	i;

	for (i = 0; i < l->nfound; i++) {
		free(l->found[i].source);
		free(l->found[i].langs);
		free(l->found[i].title);
	}
	free(l->found);
	l->found = NULL;
	cache_search_free(l->hits, l->nfound);
	l->hits = NULL;
	l->nfound = 0;
}

/* The hits as list rows (titles and dates borrowed from the hits). */
static void
list_search_rows(struct list *l)
{
	struct cache_search_hit	*h;
	size_t			 i;

	l->found = xcalloc(l->nfound > 0 ? l->nfound : 1, sizeof *l->found);
	for (i = 0; i < l->nfound; i++) {
		h = &l->hits[i];
		l->found[i].id = h->id;
		l->found[i].langs = xstrdup(h->langs != NULL ? h->langs : "");
		l->found[i].title = xstrdup(h->title != NULL ? h->title : "");
		l->found[i].title_lang = h->lang;
		l->found[i].date = h->date;
		l->found[i].source = xstrdup("");
		l->found[i].read = h->read;
	}
}

/*
 * Show the articles query finds (NULL: the current query again, keeping
 * the selection's article).  On an error the list is as it was.
 */
int
list_search(struct list *l, const char *query, char **cause)
{
	struct cache_search_opts o = { NULL, 0, NULL, LIST_SEARCH_MAX, 0, 0, 0, NULL };
	struct cache_search_hit	*hits;
	size_t			 n, height = l->scroll.height;
	long long		 keep = 0;
	char			*q;

	q = xstrdup(query != NULL ? query : l->query);
	if (cache_search(l->cache, q, &o, &hits, &n, cause) != 0) {
		free(q);
		return -1;
	}
	if (query == NULL && l->scroll.sel < l->nfound)
		keep = l->found[l->scroll.sel].id;
	if (l->query == NULL)
		l->saved = l->scroll;
	list_search_drop(l);
	free(l->query);
	l->query = q;
	l->hits = hits;
	l->nfound = n;
	list_search_rows(l);
	scroll_init(&l->scroll, 1);
	scroll_resize(&l->scroll, n, height > 0 ? height : 1);
	if (keep != 0)
		list_select_id(l, keep);
	return 0;
}

/* Back to the whole list, where it was. */
void
list_search_end(struct list *l)
{
	size_t	height = l->scroll.height;

	if (l->query == NULL)
		return;
	list_search_drop(l);
	FREE(&l->query);
	l->scroll = l->saved;
	scroll_resize(&l->scroll, l->scroll.total, height);
}

/* The hit of row i of the results, or NULL. */
const struct cache_search_hit *
list_search_hit(const struct list *l, size_t i)
{
	if (l->query == NULL || i >= l->nfound)
		return NULL;
	return &l->hits[i];
}

/* Select the next (dir 1) or previous result; -1 at either end. */
int
list_search_step(struct list *l, int dir)
{
	size_t	sel = l->scroll.sel;

	if (l->query == NULL || l->nfound == 0)
		return -1;
	if (dir > 0 ? sel + 1 >= l->nfound : sel == 0)
		return -1;
	scroll_select(&l->scroll, dir > 0 ? sel + 1 : sel - 1);
	return 0;
}
