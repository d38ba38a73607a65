/*
 * ui-int.h: what the curses front end's files (ui*.c) share.  Only ui*.c
 * include it, and with it <curses.h>.
 */
#ifndef TANDEM_UI_INT_H
#define TANDEM_UI_INT_H

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <signal.h>

#include "article.h"
#include "comment-view.h"
#include "conf.h"
#include "keys.h"
#include "lang.h"
#include "list.h"
#include "pane.h"
#include "scroll.h"
#include "view.h"

/*
 * Colours and attributes, one row each: name (for the config file),
 * foreground, background, attribute with colour, attribute without.
 */
#define UI_COLORS(X) \
	X(TITLE,	"title",	COLOR_WHITE,	COLOR_BLUE,	A_BOLD,	A_REVERSE) \
	X(STATUS,	"status",	COLOR_WHITE,	COLOR_BLUE,	0,	A_REVERSE) \
	X(SELECTED,	"selected",	COLOR_BLACK,	COLOR_CYAN,	0,	A_REVERSE) \
	X(UNREAD,	"unread",	COLOR_YELLOW,	-1,		A_BOLD,	A_BOLD) \
	X(HEADER,	"header",	COLOR_CYAN,	-1,		A_BOLD,	A_BOLD) \
	X(LANG,		"lang",		COLOR_GREEN,	-1,		A_BOLD,	A_BOLD) \
	X(GUTTER,	"gutter",	COLOR_BLUE,	-1,		0,	0) \
	X(LOWCONF,	"low-confidence", COLOR_RED,	-1,		A_DIM,	A_DIM) \
	X(MATCH,	"match",	COLOR_BLACK,	COLOR_YELLOW,	0,	A_REVERSE) \
	X(POLICY,	"policy",	COLOR_MAGENTA,	-1,		A_BOLD,	A_BOLD) \
	X(MESSAGE,	"message",	COLOR_YELLOW,	COLOR_BLUE,	A_BOLD,	A_REVERSE) \
	X(BAR1,		"bar1",		COLOR_BLUE,	-1,		0,	0) \
	X(BAR2,		"bar2",		COLOR_GREEN,	-1,		0,	0) \
	X(BAR3,		"bar3",		COLOR_MAGENTA,	-1,		0,	0) \
	X(BAR4,		"bar4",		COLOR_CYAN,	-1,		0,	0) \
	X(NEW,		"new",		COLOR_GREEN,	-1,		A_BOLD,	A_BOLD) \
	X(DIM,		"dim",		-1,		-1,		A_DIM,	A_DIM)

#define UI_COLOR_ENUM(name, str, fg, bg, attr, mono) UI_##name,
enum ui_color { UI_COLORS(UI_COLOR_ENUM) UI_NCOLORS };
#undef UI_COLOR_ENUM

/*
 * What a key's handler changed, so that the loop (ui_update) does the
 * work once, in one place.  Flags: a handler ORs together what applies,
 * and each flag brings the cheaper work after it.
 *
 *	UI_UNHANDLED	not this handler's operation: the caller tries the
 *			next one
 *	UI_HANDLED	done, and nothing on the screen changed (quit, a
 *			key with nothing to do)
 *	UI_REPAINT	the model changed: draw it again.  Curses sends
 *			only the difference, so a scroll of the reader is
 *			about a line of bytes; never more than this for a
 *			move.  A language switch is one too: view.c
 *			reflows the reader's rows itself.
 *	UI_RELAYOUT	the panes changed (one opened or closed, the focus,
 *			the terminal's size): recompute them, reflow the
 *			reader to its new width, send the title bar's link
 *			again, repaint
 *	UI_RELOAD	the cache changed under the list: reload its rows
 *			(relayout too if their number changed), repaint
 *	UI_CLEAR	what the terminal shows is unknown (^L, a program
 *			ran in it): clear it, send the link, repaint
 *
 * A status line message, set or cleared, is a visible change the loop
 * notices by itself; a handler that sets one says UI_REPAINT anyway.
 * ui_prompt() and the comment editor read keys in loops of their own
 * and go through ui_update() too.
 */
enum ui_result {
	UI_UNHANDLED = 0,
	UI_HANDLED = 0x1,
	UI_REPAINT = 0x2,
	UI_RELAYOUT = 0x4,
	UI_RELOAD = 0x8,
	UI_CLEAR = 0x10
};

struct cache;
struct job_msg;
struct job_queue;
struct ui_feeds;

struct ui {
	struct cache		*cache;
	struct lang_pref	*pref;
	struct conf		*conf;
	struct layout_opts	 opts;

	struct pane_state	 ps;
	struct pane_layout	 pl;

	struct list		 list;
	struct view		 view;
	long long		 article;	/* id open in the reader, or 0 */

	struct comment_view	*comments;	/* the comment pane's model */

	struct ui_compose	*compose;	/* comment being written */
	int			 help;		/* help overlay shown */
	struct scroll		 help_scroll;	/* over the help lines */
	int			 quit;
	int			 colour;	/* colours in use */
	int			 hyperlinks;	/* terminal takes OSC 8 */
	int			 link_dirty;	/* link to send (ui_update) */
	int			 link_x;	/* where the URL is shown */
	char			*link_shown;	/* the URL as shown, or NULL */
	char			 message[256];

	struct ui_feeds		*feeds;		/* the feeds view, or NULL */
	unsigned int		 update_job;	/* the feed update's, or 0 */
	char			*list_header;	/* "feed: X" if narrowed */

	struct job_queue	*jobs;		/* fetches under way, or NULL */
	char			 fetch_status[256]; /* their last progress */
#define UI_SITE_JOBS 8
	unsigned int		 site_jobs[UI_SITE_JOBS]; /* ui-site.c's */
#define UI_SITE_WAIT 32
	long long		 site_wait[UI_SITE_WAIT]; /* comments to send */
	size_t			 nsite_wait;	/* after the job running now */
	long long		 site_sync_wait; /* an article to read, or 0 */
	int			 key_pending;	/* curses may hold more keys */
	int			 index_idle;	/* index between keys: 0 no, 1 yes */
};

/* ui-draw.c */
void	ui_title_draw(struct ui *);
void	ui_status_draw(struct ui *);
void	ui_colors_init(struct ui *);
attr_t	ui_attr(const struct ui *, enum ui_color);
short	ui_pair(const struct ui *, enum ui_color);
/*
 * Text to draw: its bytes, the colour of the whole (or none), the layout's
 * widths if it is a laid-out row (else ui_text measures), and the ranges
 * the model styled.  UI_SPAN() makes a plain one in place.
 */
struct ui_span {
	struct span		 text;
	enum ui_color		 color;
	int			 use_color;	/* 0: plain, color unused */
	const unsigned char	*cells;		/* layout.h, or NULL */
	const struct span_range	*ranges;
	size_t			 nranges;
};
#define UI_SPAN(s, len, c, use) \
	(&(const struct ui_span){ { (s), (len) }, (c), (use), NULL, NULL, 0 })
/* Line k of layout l, with the widths the layout measured. */
#define UI_ROW(l, k, c, use) \
	(&(const struct ui_span){ { layout_line_text((l), (k)), \
	    (l)->lines[(k)].len }, (c), (use), (l)->cells + (l)->lines[(k)].off, \
	    NULL, 0 })
int	ui_text(struct ui *, int y, int x, int maxw, const struct ui_span *);
void	ui_fill(struct ui *, int y, int x, int w, enum ui_color, int use_color);

/* ui-list.c */
void	ui_list_draw(struct ui *);
enum ui_result ui_list_op(struct ui *, enum op);
enum ui_result ui_list_state_op(struct ui *, enum op);

/* ui-reader.c */
void	ui_reader_draw(struct ui *);
enum ui_result ui_reader_op(struct ui *, enum op);
enum ui_result ui_reader_open(struct ui *, long long id);
enum ui_result ui_reader_close(struct ui *);
void	ui_reader_resize(struct ui *);

/* ui-comments.c */
void	ui_comments_draw(struct ui *);
enum ui_result ui_comments_op(struct ui *, enum op);
void	ui_comments_load(struct ui *);
void	ui_comments_leave(struct ui *);

/* ui-compose.c */
enum ui_result ui_compose(struct ui *, int reply);
void	ui_compose_draw(struct ui *);

/* ui-fetch.c */
int	ui_fetch_busy(struct ui *);
enum ui_result ui_fetch_add(struct ui *);
enum ui_result ui_fetch_poll(struct ui *);
int	ui_fetch_wait(struct ui *);
void	ui_fetch_free(struct ui *);

/* ui-site.c */
struct job_msg;
int	ui_site_owns(struct ui *, unsigned int);
int	ui_site_account(struct ui *, char **);
void	ui_site_send(struct ui *, long long);
void	ui_site_sync(struct ui *);
void	ui_site_next(struct ui *);
enum ui_result ui_site_done(struct ui *, const struct job_msg *);
const char *ui_site_policy(struct ui *, const char *, char *, size_t);

/* ui-feeds.c */
void	ui_feeds_draw(struct ui *);
enum ui_result ui_feeds_op(struct ui *, enum op);
enum ui_result ui_feeds_done(struct ui *, const struct job_msg *);
enum ui_result ui_feeds_unfilter(struct ui *);
void	ui_feeds_close(struct ui *);

/* ui-help.c */
void	ui_help_draw(struct ui *);
enum ui_result ui_help_op(struct ui *, enum op);

/* ui.c */
extern volatile sig_atomic_t ui_signal;
void	ui_draw(struct ui *);
int	ui_spawn(struct ui *, char *const argv[]);
void	ui_erase_grapheme(char *);
void	ui_message(struct ui *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
int	ui_prompt(struct ui *, const char *prompt, char *buf, size_t len);
void	ui_update(struct ui *, enum ui_result);

#endif
