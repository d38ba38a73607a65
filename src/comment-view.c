/*
 * comment-view.c: the comment pane's state (see comment-view.h).
 *
 * Reading order and depths come from comment_thread (comment.c); a fold
 * is a flag on the comment, so it stays with the comment whatever its
 * position.  What shows is worked out from the flags when needed: a
 * position is hidden when one of its ancestors, the nearest shallower
 * positions before it, is folded.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache.h"
#include "comment.h"
#include "comment-view.h"
#include "utf8.h"
#include "xmalloc.h"

void
comment_view_init(struct comment_view *cv, const struct layout_opts *opts)
{
	memset(cv, 0, sizeof *cv);
	if (opts != NULL)
		cv->opts = *opts;
	scroll_init(&cv->scroll, 0);
}

void
comment_view_stale(struct comment_view *cv)
{
	if (cv->lines != NULL) {
		layout_free(cv->lines);
		FREE(&cv->lines);
	}
}

/* Drop the comments, keeping the selection and scroll position. */
static void
comment_view_clear(struct comment_view *cv)
{
	article_comments_free(cv->comments, cv->n);
	cv->comments = NULL;
	cv->n = 0;
	FREE(&cv->order);
	FREE(&cv->depth);
	FREE(&cv->collapsed);
	comment_view_stale(cv);
}

void
comment_view_free(struct comment_view *cv)
{
	comment_view_clear(cv);
}

void
comment_view_set(struct comment_view *cv, struct article_comment *c,
    size_t n, long long seen)
{
	comment_view_clear(cv);
	cv->comments = c;
	cv->n = c != NULL ? n : 0;
	cv->order = xcalloc(cv->n + 1, sizeof *cv->order);
	cv->depth = xcalloc(cv->n + 1, sizeof *cv->depth);
	cv->collapsed = xcalloc(cv->n + 1, 1);
	comment_thread(cv->comments, cv->n, cv->order, cv->depth);
	if (cv->sel >= cv->n)
		cv->sel = 0;
	cv->seen = seen;
}

/*
 * On a failed load the pane shows no comments rather than stale ones;
 * the seen mark is read either way (it is only a setting).
 */
int
comment_view_load(struct comment_view *cv, struct cache *cache,
    long long article, char **cause)
{
	struct article_comment	*c = NULL;
	char			*seen = NULL, *ignore = NULL;
	long long		 s = 0;
	size_t			 n = 0;
	int			 rc = 0;

	if (article != 0 && cache_comments_load(cache, article, &c, &n,
	    cause) != 0) {
		c = NULL;
		n = 0;
		rc = -1;
	}
	if (article != 0 && cache_setting_get(cache, article, "comments.seen",
	    &seen, &ignore) == 0 && seen != NULL)
		s = strtoll(seen, NULL, 10);
	free(seen);
	free(ignore);
	comment_view_set(cv, c, n, s);
	return rc;
}

int
comment_view_save_seen(const struct comment_view *cv, struct cache *cache,
    long long article, char **cause)
{
	long long	max = 0;
	char		buf[32];
	size_t		i;

	for (i = 0; i < cv->n; i++)
		if (cv->comments[i].id > max)
			max = cv->comments[i].id;
	if (article == 0 || max <= cv->seen)
		return 0;
	snprintf(buf, sizeof buf, "%lld", max);
	return cache_setting_set(cache, article, "comments.seen", buf, cause);
}

void
comment_view_rewind(struct comment_view *cv)
{
	cv->sel = 0;
	cv->scroll.top = 0;
}

const struct article_comment *
comment_view_at(const struct comment_view *cv, size_t k)
{
	return k < cv->n ? &cv->comments[cv->order[k]] : NULL;
}

const struct article_comment *
comment_view_selected(const struct comment_view *cv)
{
	return comment_view_at(cv, cv->sel);
}

int
comment_view_visible(const struct comment_view *cv, size_t k)
{
	int	d;

	if (k >= cv->n)
		return 0;
	for (d = cv->depth[k]; k-- > 0 && d > 0;) {
		if (cv->depth[k] >= d)
			continue;
		if (cv->collapsed[cv->order[k]])
			return 0;
		d = cv->depth[k];
	}
	return 1;
}

/* Which positions show, all at once: O(n). */
static char *
comment_view_shown(const struct comment_view *cv)
{
	char	*vis = xcalloc(cv->n + 1, 1);
	size_t	 k;
	int	 hide = -1;	/* hide deeper than this, -1: nothing */

	for (k = 0; k < cv->n; k++) {
		if (hide >= 0 && cv->depth[k] > hide)
			continue;
		hide = cv->collapsed[cv->order[k]] ? cv->depth[k] : -1;
		vis[k] = 1;
	}
	return vis;
}

int
comment_view_is_new(const struct comment_view *cv, size_t k)
{
	const struct article_comment	*c = comment_view_at(cv, k);

	return c != NULL && cv->seen > 0 && c->id > cv->seen;
}

/* Replies below position k: the length of its subtree. */
size_t
comment_view_replies(const struct comment_view *cv, size_t k)
{
	size_t	j;

	if (k >= cv->n)
		return 0;
	for (j = k + 1; j < cv->n && cv->depth[j] > cv->depth[k]; j++)
		;
	return j - k - 1;
}

char *
comment_view_head(const struct comment_view *cv, size_t k)
{
	const struct article_comment	*c = comment_view_at(cv, k);
	char				*head, *safe, fold[48] = "";
	char				 where[32];
	char				 when[64];
	const char			*tag = "";
	size_t				 n;

	if (c == NULL)
		return xstrdup("");
	if (cv->collapsed[cv->order[k]] &&
	    (n = comment_view_replies(cv, k)) > 0)
		snprintf(fold, sizeof fold, "  [+%zu repl%s]", n,
		    n == 1 ? "y" : "ies");
	if (c->state == ARTICLE_COMMENT_DRAFT)
		tag = "  (draft)";
	else if (c->pending)
		tag = "  (pending: tandem comments --send)";
	else if (c->remote_id == 0 && comment_is_local(c))
		tag = comment_view_is_new(cv, k) ? "  local  new" : "  local";
	else if (comment_view_is_new(cv, k))
		tag = "  new";
	/* A site's comment says so, and on which language version. */
	where[0] = '\0';
	if (c->remote_id != 0)
		snprintf(where, sizeof where, "  [site%s%.16s]", c->lang ?
		    ", " : "", c->lang ? c->lang : "");
	comment_time(c->created, time(NULL), when, sizeof when);
	/* The number is what tandem comment rm takes. */
	xasprintf(&head, "#%lld %s%s%s%s%s%s", c->id, c->author ? c->author :
	    "anonymous", c->created ? " · " : "", when, where, fold, tag);
	/* One row, whatever separators the author's name carries. */
	safe = utf8_sanitize_line(head, strlen(head), &n, &cv->opts);
	free(head);
	return safe;
}

/* Lay out the visible comments, each narrower by its bars. */
static void
comment_view_lay_out(struct comment_view *cv, int width)
{
	const struct article_comment	*c;
	char				*vis, *head;
	size_t				 k;
	int				 w, depth;

	cv->lines = xcalloc(1, sizeof *cv->lines);
	layout_init(cv->lines);
	vis = comment_view_shown(cv);
	for (k = 0; k < cv->n; k++) {
		if (!vis[k])
			continue;
		c = comment_view_at(cv, k);
		depth = cv->depth[k] < COMMENT_VIEW_DEPTH_MAX ? cv->depth[k] :
		    COMMENT_VIEW_DEPTH_MAX;
		w = width - depth * COMMENT_VIEW_BAR;
		if (w < 10)
			w = 10;
		head = comment_view_head(cv, k);
		layout_wrap(cv->lines, k * 2, head, strlen(head), w, &cv->opts);
		layout_wrap(cv->lines, k * 2 + 1, c->body, strlen(c->body), w,
		    &cv->opts);
		free(head);
	}
	free(vis);
	cv->width = width;
}

/*
 * Keeping only the head in view left the body of the last comment
 * below the pane, where no key could reach it: show the body too.
 */
const struct layout *
comment_view_frame(struct comment_view *cv, int width, int rows)
{
	const struct layout	*l;
	size_t			 first, end;

	if (cv->lines == NULL || cv->width != width) {
		comment_view_stale(cv);
		comment_view_lay_out(cv, width);
	}
	l = cv->lines;
	cv->scroll.total = l->nlines;
	cv->scroll.height = rows > 0 ? (size_t)rows : 0;
	for (first = 0; first < l->nlines; first++)
		if (l->lines[first].para == cv->sel * 2)
			break;
	for (end = first; end < l->nlines &&
	    l->lines[end].para <= cv->sel * 2 + 1; end++)
		;
	scroll_show(&cv->scroll, first, end);
	return l;
}

void
comment_view_move(struct comment_view *cv, long n)
{
	char	*vis = comment_view_shown(cv);
	size_t	 k = cv->sel;

	while (n != 0 && cv->n > 0) {
		if ((n > 0 && k + 1 >= cv->n) || (n < 0 && k == 0))
			break;
		k = n > 0 ? k + 1 : k - 1;
		if (!vis[k])
			continue;
		cv->sel = k;
		n += n > 0 ? -1 : 1;
	}
	free(vis);
}

/* A page of comments: each takes about three rows of the pane. */
void
comment_view_page(struct comment_view *cv, int direction)
{
	size_t	step = cv->scroll.height / 3;

	comment_view_move(cv, direction * (long)(step > 0 ? step : 1));
}

void
comment_view_end(struct comment_view *cv, int direction)
{
	if (direction < 0)
		cv->sel = 0;
	else
		comment_view_move(cv, (long)cv->n);
}

int
comment_view_parent(struct comment_view *cv)
{
	size_t	j;

	if (cv->sel >= cv->n)
		return -1;
	for (j = cv->sel; j-- > 0;)
		if (cv->depth[j] < cv->depth[cv->sel]) {
			cv->sel = j;
			return 0;
		}
	return -1;
}

int
comment_view_sibling(struct comment_view *cv)
{
	size_t	j;
	int	d;

	if (cv->sel >= cv->n)
		return -1;
	d = cv->depth[cv->sel];
	for (j = cv->sel + 1; j < cv->n && cv->depth[j] >= d; j++)
		if (cv->depth[j] == d) {
			cv->sel = j;
			return 0;
		}
	return -1;
}

void
comment_view_collapse(struct comment_view *cv)
{
	if (cv->sel < cv->n)
		cv->collapsed[cv->order[cv->sel]] ^= 1;
	comment_view_stale(cv);
}
