/*
 * comment-view.h: the comment pane's state, without curses, as view.h
 * is the reader's and list.h the article list's.
 *
 * A comment view holds one article's comments in reading order
 * (comment_thread), which of them have their replies folded away, the
 * selected one, the newest comment id seen at the last visit (newer
 * ones are "new"), and the visible comments laid out at the pane's
 * width with a scroller over the laid-out lines.  The UI draws the
 * lines and turns keys into the calls below.
 *
 * Positions are indices into the reading order: order[k] is the k-th
 * comment shown (an index into comments), depth[k] its depth.  The
 * selection is always a visible position: a fold hides the replies of
 * the selected comment, never the comment itself.
 *
 * Layout paragraph 2k is the head line of position k ("author · date
 * [+n replies] new"), 2k+1 its body; hidden positions have none.  The
 * layout is kept between draws and thrown away by a load, a fold or a
 * new width.
 */
#ifndef TANDEM_COMMENT_VIEW_H
#define TANDEM_COMMENT_VIEW_H

#include <stddef.h>

#include "article.h"
#include "layout.h"
#include "scroll.h"

#define COMMENT_VIEW_DEPTH_MAX	8	/* deeper replies stop indenting */
#define COMMENT_VIEW_BAR	2	/* cells per level: "| " */

struct cache;

struct comment_view {
	struct article_comment	*comments;	/* owned */
	size_t			 n;
	size_t			*order;		/* comments in thread order */
	int			*depth;		/* ... and their depths */
	char			*collapsed;	/* per comment: folded */
	size_t			 sel;		/* selected position */
	long long		 seen;		/* newest id seen, or 0 */

	struct layout_opts	 opts;
	struct layout		*lines;		/* laid out, or NULL */
	int			 width;		/* ... at this width */
	struct scroll		 scroll;	/* over lines; no cursor */
};

void	comment_view_init(struct comment_view *, const struct layout_opts *);
void	comment_view_free(struct comment_view *);

/*
 * Show these comments (the view takes the array), seen the newest id of
 * the last visit.  Folds are undone; the selected position is kept if it
 * still exists.
 */
void	comment_view_set(struct comment_view *, struct article_comment *,
	    size_t n, long long seen);
/* The same from the cache: article's comments and its "comments.seen". */
int	comment_view_load(struct comment_view *, struct cache *,
	    long long article, char **cause);
/* Store the newest id shown as seen, if newer than the stored one. */
int	comment_view_save_seen(const struct comment_view *, struct cache *,
	    long long article, char **cause);
/* A new article: back to the first comment and line. */
void	comment_view_rewind(struct comment_view *);

/* What position k shows, and what the pane says of it. */
const struct article_comment *comment_view_at(const struct comment_view *,
	    size_t k);
const struct article_comment *comment_view_selected(
	    const struct comment_view *);
int	comment_view_visible(const struct comment_view *, size_t k);
int	comment_view_is_new(const struct comment_view *, size_t k);
size_t	comment_view_replies(const struct comment_view *, size_t k);
char	*comment_view_head(const struct comment_view *, size_t k);

/*
 * The visible comments laid out for a pane width cells wide and rows
 * tall, scrolled so the selected comment shows: its head line always,
 * its body as far as it fits.  Draw lines from scroll.top.
 */
const struct layout *comment_view_frame(struct comment_view *, int width,
	    int rows);
void	comment_view_stale(struct comment_view *);

/* Keys.  Moves skip folded replies; parent/sibling -1 if there is none. */
void	comment_view_move(struct comment_view *, long n);
void	comment_view_page(struct comment_view *, int direction);
void	comment_view_end(struct comment_view *, int direction);
int	comment_view_parent(struct comment_view *);
int	comment_view_sibling(struct comment_view *);
void	comment_view_collapse(struct comment_view *);

#endif
