/*
 * ui-comments.c: the comment pane: the article's comment policy, then
 * its comments as threads in reading order, each reply under its parent
 * behind a bar per level.  What is shown, selected, folded and new is
 * the model's (comment-view.c); this file draws it and turns keys into
 * its calls: j/k move between comments, K to the parent, J to the next
 * sibling, Space collapses a thread, r replies and C writes a new
 * comment (ui-compose.c).
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

void
ui_comments_load(struct ui *u)
{
	char	*cause = NULL;

	if (comment_view_load(u->comments, u->cache, u->article,
	    &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
	}
}

/* Leaving the article or the pane: what is there now has been seen. */
void
ui_comments_leave(struct ui *u)
{
	char	*cause = NULL;

	if (comment_view_save_seen(u->comments, u->cache, u->article,
	    &cause) != 0) {
		ui_message(u, "%s",
		    cache_error_string(cache_last_error(u->cache)));
		free(cause);
	}
}

static const char *
ui_comments_policy(const struct ui *u)
{
	switch (u->view.article ? u->view.article->policy :
	    ARTICLE_POLICY_UNKNOWN) {
	/* The site's words, then what C and r do here: local comments. */
	case ARTICLE_POLICY_LOGIN:
		return "Site: " COMMENT_LOGIN "  C, r: local comments (to post"
		    " there: tandem login SITE --user NAME)";
	case ARTICLE_POLICY_CLOSED:
		return "Site: " COMMENT_CLOSED "  C, r: local comments";
	case ARTICLE_POLICY_OPEN:
		return "Comments are open.  C, r: local comments, not sent";
	default:
		return "Comments.  C, r: local comments, not sent";
	}
}

/* The bars of a line at depth d: "| " per level, a colour per level. */
static int
ui_comments_bars(struct ui *u, int y, int x, int depth)
{
	static const enum ui_color bars[] = { UI_BAR1, UI_BAR2, UI_BAR3,
	    UI_BAR4 };
	int	i;

	if (depth > COMMENT_VIEW_DEPTH_MAX)
		depth = COMMENT_VIEW_DEPTH_MAX;
	for (i = 0; i < depth; i++)
		ui_text(u, y, x + i * COMMENT_VIEW_BAR, COMMENT_VIEW_BAR,
		    UI_SPAN("| ", 2, bars[i % 4], 1));
	return depth * COMMENT_VIEW_BAR;
}

void
ui_comments_draw(struct ui *u)
{
	const struct pane_rect	*r = &u->pl.pane[PANE_COMMENTS];
	struct comment_view	*cv = u->comments;
	char			 note[256];
	const char		*policy = ui_site_policy(u,
	    ui_comments_policy(u), note, sizeof note);
	const struct layout	*l;
	size_t			 k, pos;
	int			 i, x, head, sel;

	if (r->h == 0)
		return;
	move(r->y, 0);
	clrtoeol();
	mvhline(r->y, 0, ACS_HLINE, r->w);
	ui_text(u, r->y, 1, r->w - 1, UI_SPAN(policy, strlen(policy), UI_POLICY,
	    1));
	l = comment_view_frame(cv, r->w - 2 * PANE_MARGIN, r->h - 1);
	for (i = 1; i < r->h; i++) {
		move(r->y + i, 0);
		clrtoeol();
		k = cv->scroll.top + (size_t)(i - 1);
		if (cv->n == 0 && i == 1)
			ui_text(u, r->y + i, 1, r->w - 1,
			    UI_SPAN("No comments yet.", 16, UI_DIM, 1));
		if (k >= l->nlines)
			continue;
		pos = l->lines[k].para / 2;
		head = l->lines[k].para % 2 == 0;
		sel = head && pos == cv->sel && u->ps.focus == PANE_COMMENTS;
		x = PANE_MARGIN + ui_comments_bars(u, r->y + i, PANE_MARGIN,
		    cv->depth[pos]);
		ui_text(u, r->y + i, x, r->w - PANE_MARGIN - x,
		    UI_ROW(l, k, sel ? UI_SELECTED : UI_HEADER, head));
	}
}

/* The comment pane's keys, or UI_UNHANDLED. */
enum ui_result
ui_comments_op(struct ui *u, enum op op)
{
	struct comment_view	*cv = u->comments;

	switch (op) {
	case OP_DOWN:		comment_view_move(cv, 1); break;
	case OP_UP:		comment_view_move(cv, -1); break;
	case OP_PAGE_DOWN:	comment_view_page(cv, 1); break;
	case OP_PAGE_UP:	comment_view_page(cv, -1); break;
	case OP_TOP:		comment_view_end(cv, -1); break;
	case OP_BOTTOM:		comment_view_end(cv, 1); break;
	case OP_REPLY:		return ui_compose(u, 1);
	case OP_COLLAPSE:	comment_view_collapse(cv); break;
	case OP_PARENT:
		if (comment_view_parent(cv) != 0)
			ui_message(u, "a top-level comment has no parent");
		break;
	case OP_SIBLING:
		if (comment_view_sibling(cv) != 0)
			ui_message(u, "no next comment at this level");
		break;
	default:
		return UI_UNHANDLED;
	}
	return UI_REPAINT;
}
