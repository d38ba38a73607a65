/*
 * ui-comments.c: the comment pane: the article's comment policy, then
 * its comments as threads, each reply indented under its parent.  Bodies
 * are wrapped by the layout engine like article text.
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

void
ui_comments_load(struct ui *u)
{
	char	*cause = NULL;

	article_comments_free(u->comments, u->ncomments);
	u->comments = NULL;
	u->ncomments = 0;
	if (u->article != 0 && cache_comments_load(u->cache, u->article,
	    &u->comments, &u->ncomments, &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
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

/* Depth of comment i in its thread (parents come before children). */
static int
ui_comments_depth(const struct ui *u, size_t i)
{
	long long	parent = u->comments[i].parent;
	int		depth = 0;
	size_t		j;

	while (parent != 0 && depth < UI_COMMENT_DEPTH_MAX) {
		for (j = 0; j < u->ncomments; j++)
			if (u->comments[j].id == parent)
				break;
		if (j == u->ncomments)
			break;
		depth++;
		parent = u->comments[j].parent;
	}
	return depth;
}

/* Lay out every comment: a head line and the wrapped body. */
static void
ui_comments_lines(struct ui *u, int width, struct layout *l, int **indent)
{
	const struct article_comment	*c;
	char				*head;
	size_t				 i, before, k;
	int				 ind;

	*indent = NULL;
	for (i = 0; i < u->ncomments; i++) {
		c = &u->comments[i];
		ind = ui_comments_depth(u, i) * UI_COMMENT_INDENT;
		if (width - ind < 10)
			ind = width > 10 ? width - 10 : 0;
		xasprintf(&head, "%s%s%s", c->author ? c->author : "anonymous",
		    c->created ? " · " : "", c->created ? c->created : "");
		before = l->nlines;
		layout_wrap(l, i * 2, head, strlen(head), width - ind, &u->opts);
		layout_wrap(l, i * 2 + 1, c->body, strlen(c->body), width - ind,
		    &u->opts);
		free(head);
		*indent = xreallocarray(*indent, l->nlines + 1, sizeof **indent);
		for (k = before; k < l->nlines; k++)
			(*indent)[k] = ind;
	}
}

void
ui_comments_draw(struct ui *u)
{
	const struct pane_rect	*r = &u->pl.pane[PANE_COMMENTS];
	const char		*policy = ui_comments_policy(u);
	struct layout		 l;
	int			*indent, i;
	size_t			 k;

	if (r->h == 0)
		return;
	move(r->y, 0);
	clrtoeol();
	mvhline(r->y, 0, ACS_HLINE, r->w);
	ui_text(u, r->y, 1, r->w - 1, policy, strlen(policy), UI_POLICY, 1,
	    NULL);
	layout_init(&l);
	ui_comments_lines(u, r->w, &l, &indent);
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
		ui_text(u, r->y + i, indent[k], r->w - indent[k],
		    layout_line_text(&l, k), l.lines[k].len,
		    l.lines[k].para % 2 == 0 ? UI_HEADER : UI_DIM,
		    l.lines[k].para % 2 == 0, NULL);
	}
	free(indent);
	layout_free(&l);
}

int
ui_comments_op(struct ui *u, enum op op)
{
	const struct pane_rect	*r = &u->pl.pane[PANE_COMMENTS];
	long			 step = r->h > 2 ? r->h - 2 : 1;

	switch (op) {
	case OP_DOWN:		u->comments_top++; break;
	case OP_UP:		if (u->comments_top) u->comments_top--; break;
	case OP_PAGE_DOWN:	u->comments_top += (size_t)step; break;
	case OP_PAGE_UP:
		u->comments_top = u->comments_top > (size_t)step ?
		    u->comments_top - (size_t)step : 0;
		break;
	case OP_TOP:		u->comments_top = 0; break;
	default:
		return 0;
	}
	return 1;
}
