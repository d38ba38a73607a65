/*
 * ui-comments.c: the comment pane: the article's comment policy, then
 * its comments as threads, each reply indented under its parent.  j and
 * k move between comments, Space collapses or expands the replies of
 * the selected one.  Bodies are wrapped by the layout engine like
 * article text.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "layout.h"
#include "ui-int.h"
#include "xmalloc.h"

#define UI_COMMENT_INDENT 2
#define UI_COMMENT_DEPTH_MAX 8	/* deeper replies stop indenting */

/*
 * Index of the comment with this id, or ncomments: a binary search, as
 * the cache loads comments in id order.
 */
static size_t
ui_comments_find(const struct ui *u, long long id)
{
	size_t	lo = 0, hi = u->ncomments, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (u->comments[mid].id == id)
			return mid;
		if (u->comments[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return u->ncomments;
}

void
ui_comments_load(struct ui *u)
{
	char	*cause = NULL;
	size_t	 i;

	article_comments_free(u->comments, u->ncomments);
	u->comments = NULL;
	u->ncomments = 0;
	FREE(&u->collapsed);
	FREE(&u->cparent);
	u->comment_sel = 0;
	u->comments_top = 0;
	if (u->article != 0 && cache_comments_load(u->cache, u->article,
	    &u->comments, &u->ncomments, &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
	}
	u->collapsed = xcalloc(u->ncomments + 1, 1);
	/* Parents by index, found once: walking up a thread 10,000 deep
	   with a search per step made each redraw take a minute.  A parent
	   that does not come first counts as none, so no walk can loop. */
	u->cparent = xreallocarray(NULL, u->ncomments + 1, sizeof *u->cparent);
	for (i = 0; i < u->ncomments; i++) {
		u->cparent[i] = u->comments[i].parent == 0 ? u->ncomments :
		    ui_comments_find(u, u->comments[i].parent);
		if (u->cparent[i] >= i)
			u->cparent[i] = u->ncomments;
	}
}

static const char *
ui_comments_policy(const struct ui *u)
{
	switch (u->view.article ? u->view.article->policy :
	    ARTICLE_POLICY_UNKNOWN) {
	case ARTICLE_POLICY_LOGIN:
		return "You must be logged in to post a comment.";
	case ARTICLE_POLICY_CLOSED:
		return "Comments are closed.";
	case ARTICLE_POLICY_OPEN:
		return "Comments are open.";
	default:
		return "Comments";
	}
}


/*
 * Depth of comment i in its thread; -1 if a collapsed comment above it
 * hides it.  Parents come before their replies.
 */
static int
ui_comments_depth(const struct ui *u, size_t i)
{
	int		depth = 0, hidden = 0;
	size_t		j;

	for (j = u->cparent[i]; j < u->ncomments && depth < 1000;
	    j = u->cparent[j]) {
		hidden |= u->collapsed[j];
		depth++;
	}
	if (hidden)
		return -1;
	return depth < UI_COMMENT_DEPTH_MAX ? depth : UI_COMMENT_DEPTH_MAX;
}

/* Replies (at any depth) under comment i. */
static size_t
ui_comments_replies(const struct ui *u, size_t i)
{
	size_t		j, k, n = 0;

	for (j = i + 1; j < u->ncomments; j++) {
		for (k = u->cparent[j]; k < u->ncomments; k = u->cparent[k]) {
			if (k == i) {
				n++;
				break;
			}
		}
	}
	return n;
}

/* The head line of comment i: author, time, hidden replies. */
static char *
ui_comments_head(const struct ui *u, size_t i)
{
	const struct article_comment	*c = &u->comments[i];
	char				*head, fold[48] = "";
	size_t				 n;

	if (u->collapsed[i] && (n = ui_comments_replies(u, i)) > 0)
		snprintf(fold, sizeof fold, "  [+%zu repl%s]", n,
		    n == 1 ? "y" : "ies");
	xasprintf(&head, "%s%s%s%s", c->author ? c->author : "anonymous",
	    c->created ? " · " : "", c->created ? c->created : "", fold);
	return head;
}

/*
 * Lay out the visible comments: a head line and the wrapped body each.
 * Layout paragraph 2i is comment i's head, 2i+1 its body.
 */
static void
ui_comments_lines(struct ui *u, int width, struct layout *l, int **indent)
{
	char	*head;
	size_t	 i, before, k;
	int	 ind, depth;

	*indent = xcalloc(1, sizeof **indent);
	for (i = 0; i < u->ncomments; i++) {
		if ((depth = ui_comments_depth(u, i)) < 0)
			continue;
		ind = depth * UI_COMMENT_INDENT;
		if (width - ind < 10)
			ind = width > 10 ? width - 10 : 0;
		head = ui_comments_head(u, i);
		before = l->nlines;
		layout_wrap(l, i * 2, head, strlen(head), width - ind, &u->opts);
		layout_wrap(l, i * 2 + 1, u->comments[i].body,
		    strlen(u->comments[i].body), width - ind, &u->opts);
		free(head);
		*indent = xreallocarray(*indent, l->nlines + 1, sizeof **indent);
		for (k = before; k < l->nlines; k++)
			(*indent)[k] = ind;
	}
}

/* Keep the selected comment's head line inside the pane. */
static void
ui_comments_follow(struct ui *u, const struct layout *l, int rows)
{
	size_t	k;

	for (k = 0; k < l->nlines; k++)
		if (l->lines[k].para == u->comment_sel * 2)
			break;
	if (k == l->nlines || rows <= 0)
		return;
	if (k < u->comments_top)
		u->comments_top = k;
	else if (k >= u->comments_top + (size_t)rows)
		u->comments_top = k - (size_t)rows + 1;
}

void
ui_comments_draw(struct ui *u)
{
	const struct pane_rect	*r = &u->pl.pane[PANE_COMMENTS];
	const char		*policy = ui_comments_policy(u);
	struct layout		 l;
	size_t			 k, para;
	int			*indent, i, sel, head;

	if (r->h == 0)
		return;
	move(r->y, 0);
	clrtoeol();
	mvhline(r->y, 0, ACS_HLINE, r->w);
	ui_text(u, r->y, 1, r->w - 1, policy, strlen(policy), UI_POLICY, 1,
	    NULL);
	layout_init(&l);
	ui_comments_lines(u, r->w - 2 * PANE_MARGIN, &l, &indent);
	ui_comments_follow(u, &l, r->h - 1);
	if (u->comments_top > l.nlines)
		u->comments_top = l.nlines;
	for (i = 1; i < r->h; i++) {
		move(r->y + i, 0);
		clrtoeol();
		k = u->comments_top + (size_t)(i - 1);
		if (u->ncomments == 0 && i == 1)
			ui_text(u, r->y + i, 1, r->w - 1, "No comments yet.",
			    16, UI_DIM, 1, NULL);
		if (k >= l.nlines)
			continue;
		para = l.lines[k].para;
		head = para % 2 == 0;
		sel = head && para / 2 == u->comment_sel &&
		    u->ps.focus == PANE_COMMENTS;
		ui_text(u, r->y + i, PANE_MARGIN + indent[k],
		    r->w - PANE_MARGIN - indent[k], layout_line_text(&l, k),
		    l.lines[k].len, sel ? UI_SELECTED : UI_HEADER, head, NULL);
	}
	free(indent);
	layout_free(&l);
}

/* Move the selection n visible comments down (up if negative). */
static void
ui_comments_move(struct ui *u, int n)
{
	size_t	i = u->comment_sel;

	while (n != 0 && u->ncomments > 0) {
		if (n > 0 && i + 1 >= u->ncomments)
			break;
		if (n < 0 && i == 0)
			break;
		i = n > 0 ? i + 1 : i - 1;
		if (ui_comments_depth(u, i) < 0)
			continue;
		u->comment_sel = i;
		n += n > 0 ? -1 : 1;
	}
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
	case OP_COLLAPSE:
		if (u->comment_sel < u->ncomments)
			u->collapsed[u->comment_sel] ^= 1;
		break;
	default:
		return 0;
	}
	return 1;
}
