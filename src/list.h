/*
 * list.h: the article list as the reader pane sees it: a selection and a
 * scroll position over all articles, with only a window of rows around
 * them loaded from the cache.  A cache of 100,000 articles costs what a
 * cache of 10 does: a count and one page.
 */
#ifndef TANDEM_LIST_H
#define TANDEM_LIST_H

#include <stddef.h>

#include "article.h"
#include "cache.h"
#include "scroll.h"

#define LIST_MAX_LANGS	8	/* languages a filter may ask for */
struct cache_search_hit;

struct list {
	struct cache		 *cache;
	const char *const	 *pref;		/* language preference */
	struct scroll		  scroll;	/* total: articles in the cache;
						   sel, top, height: rows */

	struct article_summary	 *win;		/* loaded rows */
	size_t			  win_first, win_n;

	struct cache_filter	  filter;	/* what is shown, in what order */
	char			 *has[LIST_MAX_LANGS + 1]; /* filter.has's */
	struct cache_state	  state;	/* the whole cache's counts */
	long long		 *order;	/* by title: every id, in order */
	char			 *tag;		/* filter.tag's */

	/* Search results shown instead of every article (list-search.c). */
	char			 *query;	/* or NULL: the whole list */
	struct cache_search_hit	 *hits;
	struct article_summary	 *found;	/* a row per hit */
	size_t			  nfound;
	struct scroll		  saved;	/* the whole list's place */
};

void	list_init(struct list *, struct cache *, const char *const *pref);
void	list_free(struct list *);

/* Count again and drop the loaded rows (after an import, a change). */
int	list_reload(struct list *, char **cause);

/* Show only feed's articles (0: all), or tag's (NULL: all); reload. */
int	list_set_feed(struct list *, long long feed, const char *tag,
	    char **cause);

/* Row i, loading its neighbourhood if needed; NULL past the end. */
const struct article_summary *list_row(struct list *, size_t i);

void	list_set_height(struct list *, int);
void	list_move(struct list *, long delta);
void	list_page(struct list *, int direction, int half);
void	list_home(struct list *);
void	list_end(struct list *);
/* Select the article with this id if it is loaded or near. */
void	list_select_id(struct list *, long long id);

/*
 * Filters and order (each reloads and goes to the top).  list_set_langs
 * takes "ko,fr" or "ko fr" (empty: every language); -1 and *cause for a
 * word that is not a language tag.
 */
int	list_set_langs(struct list *, const char *, char **cause);
/* Split and check such a list into out (NULL-terminated, lower case). */
int	list_langs_parse(const char *, char **out, size_t max, char **cause);
void	list_langs_free(char **);
void	list_toggle_unread(struct list *);
void	list_toggle_starred(struct list *);
void	list_next_sort(struct list *);
const char *list_sort_name(enum cache_sort);
/* "unread, has ko fr, by title", or "" for the whole list; into buf. */
const char *list_describe(const struct list *, char *buf, size_t len);

/* Select the next (dir 1) or previous (-1) unread row; 0 if none. */
int	list_next_unread(struct list *, int dir, char **cause);
/* Mark every article shown read, in one transaction; how many were. */
int	list_mark_all_read(struct list *, long long *, char **cause);

/*
 * list-search.c: the list shows the articles a library search found,
 * best first, until list_search_end(); list_reload() runs it again.
 */
#define LIST_SEARCH_MAX	500	/* rows a search shows */
int	list_search(struct list *, const char *query, char **cause);
void	list_search_end(struct list *);
const struct cache_search_hit *list_search_hit(const struct list *, size_t);
int	list_search_step(struct list *, int dir);

#endif
