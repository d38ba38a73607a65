/*
 * ui-comments.c: the comment pane: the article's comment policy, then
 * its comments as threads in reading order (comment.c), each reply under
 * its parent behind a bar per level.  j/k move between comments, K to the
 * parent, J to the next sibling, Space collapses a thread, r replies and
 * C writes a new comment (ui-compose.c).  Comments newer than the last
 * visit are marked "new".
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "comment.h"
#include "layout.h"
#include "ui-int.h"
#include "xmalloc.h"

#define UI_COMMENT_DEPTH_MAX	8	/* deeper replies stop indenting */
#define UI_COMMENT_BAR		2	/* cells per level: "| " */

/* Remember the newest comment seen, for the next visit's "new" marks. */
static void
ui_comments_seen(struct ui *u)
{
	long long	max = 0;
	char		*cause = NULL, buf[32];
	size_t		 i;

	for (i = 0; i < u->ncomments; i++)
		if (u->comments[i].id > max)
			max = u->comments[i].id;
	if (u->article == 0 || max <= u->comments_seen)
		return;
	snprintf(buf, sizeof buf, "%lld", max);
	if (cache_setting_set(u->cache, u->article, "comments.seen", buf,
	    &cause) != 0) {
		ui_message(u, "%s",
		    cache_error_string(cache_last_error(u->cache)));
		free(cause);
	}
}

/*
 * Throw the laid-out comments away: on a load, a collapse or a width
 * change.  Otherwise every redraw (every key, even in the reader) would
 * lay out every comment again.
 */
void
ui_comments_stale(struct ui *u)
{
	if (u->clines != NULL) {
		layout_free(u->clines);
		FREE(&u->clines);
	}
}

void
ui_comments_load(struct ui *u)
{
	char	*cause = NULL, *seen = NULL;
	size_t	 keep = u->comment_sel;

	article_comments_free(u->comments, u->ncomments);
	u->comments = NULL;
	u->ncomments = 0;
	FREE(&u->collapsed);
	FREE(&u->corder);
	FREE(&u->cdepth);
	ui_comments_stale(u);
	if (u->article != 0 && cache_comments_load(u->cache, u->article,
	    &u->comments, &u->ncomments, &cause) != 0) {
		ui_message(u, "%s", cause);
		FREE(&cause);
	}
	u->collapsed = xcalloc(u->ncomments + 1, 1);
	u->corder = xcalloc(u->ncomments + 1, sizeof *u->corder);
	u->cdepth = xcalloc(u->ncomments + 1, sizeof *u->cdepth);
	comment_thread(u->comments, u->ncomments, u->corder, u->cdepth);
	u->comment_sel = keep < u->ncomments ? keep : 0;
	u->comments_seen = 0;
	if (u->article != 0 && cache_setting_get(u->cache, u->article,
	    "comments.seen", &seen, &cause) == 0 && seen != NULL)
		u->comments_seen = strtoll(seen, NULL, 10);
	free(seen);
	free(cause);
}

/* Leaving the article or the pane: what is there now has been seen. */
void
ui_comments_leave(struct ui *u)
{
	ui_comments_seen(u);
}

static const char *
ui_comments_policy(const struct ui *u)
{
	switch (u->view.article ? u->view.article->policy :
	    ARTICLE_POLICY_UNKNOWN) {
	case ARTICLE_POLICY_LOGIN:
		return COMMENT_LOGIN;
	case ARTICLE_POLICY_CLOSED:
		return COMMENT_CLOSED;
	case ARTICLE_POLICY_OPEN:
		return "Comments are open.  C writes one, r replies.";
	default:
		return "Comments.  C writes one, r replies.";
	}
}

/* Which positions show: all but those under a collapsed comment.  O(n). */
static char *
ui_comments_visible(const struct ui *u)
{
	char	*vis = xcalloc(u->ncomments + 1, 1);
	size_t	 k;
	int	 hide = -1;	/* hide deeper than this, -1: nothing */

	for (k = 0; k < u->ncomments; k++) {
		if (hide >= 0 && u->cdepth[k] > hide)
			continue;
		hide = u->collapsed[u->corder[k]] ? u->cdepth[k] : -1;
		vis[k] = 1;
	}
	return vis;
}

/* Replies below position k (the length of its subtree). */
static size_t
ui_comments_replies(const struct ui *u, size_t k)
{
	size_t	j;

	for (j = k + 1; j < u->ncomments && u->cdepth[j] > u->cdepth[k]; j++)
		;
	return j - k - 1;
}

static char *
ui_comments_head(const struct ui *u, size_t k)
{
	const struct article_comment	*c = &u->comments[u->corder[k]];
	char				*head, fold[48] = "";
	size_t				 n;
	const char			*tag = "";

	if (u->collapsed[u->corder[k]] && (n = ui_comments_replies(u, k)) > 0)
		snprintf(fold, sizeof fold, "  [+%zu repl%s]", n,
		    n == 1 ? "y" : "ies");
	if (c->state == ARTICLE_COMMENT_DRAFT)
		tag = "  (draft)";
	else if (c->id > u->comments_seen && u->comments_seen > 0)
		tag = "  new";
	xasprintf(&head, "%s%s%s%s%s", c->author ? c->author : "anonymous",
	    c->created ? " · " : "", c->created ? c->created : "", fold, tag);
	return head;
}

/*
 * Lay out the visible comments: head line and wrapped body.  Layout
 * paragraph 2k is the head of position k, 2k+1 its body.
 */
static void
ui_comments_lines(struct ui *u, int width, struct layout *l, const char *vis)
{
	char	*head;
	size_t	 k;
	int	 w, depth;

	for (k = 0; k < u->ncomments; k++) {
		if (!vis[k])
			continue;
		depth = u->cdepth[k] < UI_COMMENT_DEPTH_MAX ? u->cdepth[k] :
		    UI_COMMENT_DEPTH_MAX;
		w = width - depth * UI_COMMENT_BAR;
		if (w < 10)
			w = 10;
		head = ui_comments_head(u, k);
		layout_wrap(l, k * 2, head, strlen(head), w, &u->opts);
		layout_wrap(l, k * 2 + 1, u->comments[u->corder[k]].body,
		    strlen(u->comments[u->corder[k]].body), w, &u->opts);
		free(head);
	}
}

/*
 * Keep the selected comment inside rows rows: its head line always, and
 * its body as far as it fits.  Keeping only the head in view left the
 * body of the last comment below the pane, where no key could reach it.
 */
static void
ui_comments_follow(struct ui *u, const struct layout *l, int rows)
{
	size_t	k, end;

	for (k = 0; k < l->nlines; k++)
		if (l->lines[k].para == u->comment_sel * 2)
			break;
	if (k == l->nlines || rows <= 0)
		return;
	for (end = k + 1; end < l->nlines &&
	    l->lines[end].para <= u->comment_sel * 2 + 1; end++)
		;
	if (end > u->comments_top + (size_t)rows)
		u->comments_top = end - (size_t)rows;
	if (k < u->comments_top)
		u->comments_top = k;
}

/* The bars of a line at depth d: "| " per level, a colour per level. */
static int
ui_comments_bars(struct ui *u, int y, int x, int depth)
{
	static const enum ui_color bars[] = { UI_BAR1, UI_BAR2, UI_BAR3,
	    UI_BAR4 };
	int	i;

	if (depth > UI_COMMENT_DEPTH_MAX)
		depth = UI_COMMENT_DEPTH_MAX;
	for (i = 0; i < depth; i++)
		ui_text(u, y, x + i * UI_COMMENT_BAR, UI_COMMENT_BAR, "| ", 2,
		    bars[i % 4], 1, NULL);
	return depth * UI_COMMENT_BAR;
}

/* The visible comments laid out at width, from the last draw if it fits. */
static const struct layout *
ui_comments_layout(struct ui *u, int width)
{
	char	*vis;

	if (u->clines != NULL && u->clines_width == width)
		return u->clines;
	ui_comments_stale(u);
	u->clines = xcalloc(1, sizeof *u->clines);
	layout_init(u->clines);
	vis = ui_comments_visible(u);
	ui_comments_lines(u, width, u->clines, vis);
	free(vis);
	u->clines_width = width;
	return u->clines;
}

void
ui_comments_draw(struct ui *u)
{
	const struct pane_rect	*r = &u->pl.pane[PANE_COMMENTS];
	const char		*policy = ui_comments_policy(u);
	const struct layout	*l;
	size_t			 k, pos;
	int			 i, x, head, sel;

	if (r->h == 0)
		return;
	move(r->y, 0);
	clrtoeol();
	mvhline(r->y, 0, ACS_HLINE, r->w);
	ui_text(u, r->y, 1, r->w - 1, policy, strlen(policy), UI_POLICY, 1,
	    NULL);
	l = ui_comments_layout(u, r->w - 2 * PANE_MARGIN);
	ui_comments_follow(u, l, r->h - 1);
	if (u->comments_top > l->nlines)
		u->comments_top = l->nlines;
	for (i = 1; i < r->h; i++) {
		move(r->y + i, 0);
		clrtoeol();
		k = u->comments_top + (size_t)(i - 1);
		if (u->ncomments == 0 && i == 1)
			ui_text(u, r->y + i, 1, r->w - 1, "No comments yet.",
			    16, UI_DIM, 1, NULL);
		if (k >= l->nlines)
			continue;
		pos = l->lines[k].para / 2;
		head = l->lines[k].para % 2 == 0;
		sel = head && pos == u->comment_sel &&
		    u->ps.focus == PANE_COMMENTS;
		x = PANE_MARGIN + ui_comments_bars(u, r->y + i, PANE_MARGIN,
		    u->cdepth[pos]);
		ui_text(u, r->y + i, x, r->w - PANE_MARGIN - x,
		    layout_line_text(l, k), l->lines[k].len,
		    sel ? UI_SELECTED : UI_HEADER, head, NULL);
	}
}

/* Move the selection n visible comments down (up if negative). */
static void
ui_comments_move(struct ui *u, int n)
{
	char	*vis = ui_comments_visible(u);
	size_t	 k = u->comment_sel;

	while (n != 0 && u->ncomments > 0) {
		if ((n > 0 && k + 1 >= u->ncomments) || (n < 0 && k == 0))
			break;
		k = n > 0 ? k + 1 : k - 1;
		if (!vis[k])
			continue;
		u->comment_sel = k;
		n += n > 0 ? -1 : 1;
	}
	free(vis);
}

/* K: the parent; J: the next comment at the same level in the thread. */
static void
ui_comments_jump(struct ui *u, int parent)
{
	size_t	k = u->comment_sel, j;
	int	d;

	if (k >= u->ncomments)
		return;
	d = u->cdepth[k];
	if (parent) {
		for (j = k; j-- > 0;)
			if (u->cdepth[j] < d) {
				u->comment_sel = j;
				return;
			}
		ui_message(u, "a top-level comment has no parent");
		return;
	}
	for (j = k + 1; j < u->ncomments && u->cdepth[j] >= d; j++)
		if (u->cdepth[j] == d) {
			u->comment_sel = j;
			return;
		}
	ui_message(u, "no next comment at this level");
}

int
ui_comments_op(struct ui *u, enum op op)
{
	const struct pane_rect	*r = &u->pl.pane[PANE_COMMENTS];
	int			 step = r->h > 3 ? (r->h - 1) / 3 : 1;

	switch (op) {
	case OP_DOWN:		ui_comments_move(u, 1); break;
	case OP_UP:		ui_comments_move(u, -1); break;
	case OP_PAGE_DOWN:	ui_comments_move(u, step); break;
	case OP_PAGE_UP:	ui_comments_move(u, -step); break;
	case OP_TOP:		u->comment_sel = 0; break;
	case OP_BOTTOM:		ui_comments_move(u, (int)u->ncomments); break;
	case OP_PARENT:		ui_comments_jump(u, 1); break;
	case OP_SIBLING:	ui_comments_jump(u, 0); break;
	case OP_REPLY:		ui_compose(u, 1); break;
	case OP_COLLAPSE:
		if (u->comment_sel < u->ncomments)
			u->collapsed[u->corder[u->comment_sel]] ^= 1;
		ui_comments_stale(u);
		break;
	default:
		return 0;
	}
	return 1;
}
