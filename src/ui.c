/*
 * ui.c: terminal set-up and teardown, the main loop, keys and signals.
 *
 * The ui*.c files are the only ones that include <curses.h>; they draw
 * what libtandem computes and read keys.  A key goes through two tables:
 * keys.c turns it into an operation for the pane with the focus, and the
 * pane's ui_*_op() handles it (or ui_op() here, for the global ones).
 * Handlers change the model and say what they changed (enum ui_result);
 * the loop alone turns that into work, once per key, in ui_update():
 * reload the list, recompute the panes, clear, draw.
 * Signal handlers only set a flag; the loop notices it when get_wch()
 * returns and gives the terminal back before exiting.
 *
 * Drawing is cheap to call: curses compares with what the terminal shows
 * and sends only the difference, and with idlok() a scroll of the reader
 * becomes a scroll of the terminal, a line of bytes instead of a screen.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <wchar.h>

#include "cache.h"
#include "layout.h"
#include "ui.h"
#include "ui-int.h"
#include "url.h"
#include "utf8.h"
#include "xmalloc.h"

extern char **environ;

volatile sig_atomic_t ui_signal;

static void
ui_on_signal(int sig)
{
	ui_signal = sig;
}

/* Catch the terminating signals without SA_RESTART so get_wch wakes. */
static void
ui_signals(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

void
ui_message(struct ui *u, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(u->message, sizeof u->message, fmt, ap);
	va_end(ap);
}

/* Recompute the panes for the terminal's size; lays the reader out. */
static void
ui_layout(struct ui *u)
{
	u->ps.cols = COLS;
	u->ps.lines = LINES;
	u->ps.list_rows = u->list.scroll.total > 1000 ? 1000 :
	    (int)u->list.scroll.total;
	pane_compute(&u->ps, &u->pl);
	if (u->pl.too_small)
		return;
	if (u->pl.pane[u->ps.focus].h == 0 && u->ps.focus != PANE_LIST &&
	    u->pl.pane[PANE_LIST].h > 0 && !u->ps.article_open)
		u->ps.focus = PANE_LIST;
	if (u->pl.pane[PANE_LIST].h > 0)
		list_set_height(&u->list, u->pl.pane[PANE_LIST].h);
	ui_reader_resize(u);
}

/*
 * Terminals that understand OSC 8 hyperlinks, by TERM or by their own
 * variables; elsewhere the URL is plain text.  TANDEM_HYPERLINKS=0/1
 * overrides the guess.
 */
static int
ui_hyperlinks_ok(void)
{
	static const char	*terms[] = { "xterm", "tmux", "foot",
	    "alacritty", "kitty", "wezterm", "contour", NULL };
	const char		*t = getenv("TERM"), *o = getenv("TANDEM_HYPERLINKS");
	size_t			 i;

	if (o != NULL && *o != '\0')
		return strcmp(o, "0") != 0;
	if (getenv("VTE_VERSION") != NULL || getenv("WT_SESSION") != NULL)
		return 1;
	for (i = 0; t != NULL && terms[i] != NULL; i++)
		if (strncmp(t, terms[i], strlen(terms[i])) == 0)
			return 1;
	return 0;
}

/*
 * Make the URL in the title bar a hyperlink: after curses has drawn it,
 * write the same text again wrapped in OSC 8, then tell curses where the
 * cursor is.  Only when the bar changed, so scrolling costs nothing.
 * The URL must pass url_for_program(), the check o uses too, unchanged
 * and in ASCII; one it refuses or would have to encode is plain text.
 */
static void
ui_hyperlink(struct ui *u, int x, const char *url, const char *shown)
{
	const char	*p;
	char		*link, *cause = NULL;
	int		 w, ok = 1;

	u->link_dirty = 0;
	if ((link = url_for_program(url, 0, &cause)) == NULL) {
		free(cause);
		return;
	}
	if (strcmp(link, url) != 0)
		ok = 0;		/* it had to be encoded: show it plain */
	for (p = link; *p != '\0'; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f)
			ok = 0;
	for (p = shown; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			ok = 0;
	if (ok) {
		mvcur(-1, -1, 0, x);
		printf("\033]8;;%s\033\\%s\033]8;;\033\\", link, shown);
		fflush(stdout);
		w = utf8_width(shown, strlen(shown), &u->opts);
		mvcur(-1, -1, 0, x + w);
	}
	free(link);
}

void
ui_draw(struct ui *u)
{
	char	small[64];

	if (u->pl.too_small) {
		snprintf(small, sizeof small, "terminal too small: need %dx%d",
		    PANE_MIN_COLS, PANE_MIN_LINES);
		erase();
		mvaddnstr(0, 0, small, COLS);
		refresh();
		return;
	}
	ui_title_draw(u);
	if (u->help)
		ui_help_draw(u);
	else if (u->feeds != NULL)
		ui_feeds_draw(u);
	else {
		ui_list_draw(u);
		ui_reader_draw(u);
		ui_comments_draw(u);
	}
	ui_status_draw(u);
	if (u->compose != NULL)
		ui_compose_draw(u);
	refresh();
	if (u->hyperlinks && u->link_dirty && u->link_shown != NULL)
		ui_hyperlink(u, u->link_x, u->view.article->url, u->link_shown);
}

/*
 * Do what a handler's result asks, cheapest last: reload, recompute,
 * clear, then draw, which every result but UI_HANDLED needs.  The only
 * place that lays out the panes or marks the title bar's link for
 * sending (its cells are rewritten after a relayout or a clear).
 */
void
ui_update(struct ui *u, enum ui_result res)
{
	size_t	 total = u->list.scroll.total;
	char	*cause = NULL;

	if (res & UI_RELOAD) {
		/* A list that cannot be read again keeps the rows it has. */
		list_reload(&u->list, &cause);
		free(cause);
		if (u->list.scroll.total != total)
			res |= UI_RELAYOUT;
	}
	if (res & UI_RELAYOUT)
		ui_layout(u);
	if (res & UI_CLEAR)
		clearok(curscr, TRUE);
	if (res & (UI_RELAYOUT | UI_CLEAR))
		u->link_dirty = 1;
	if (res & ~UI_HANDLED)
		ui_draw(u);
}

int
ui_terminal_ok(char **cause)
{
	const char	*term = getenv("TERM");
	char		*cup, *clear;
	SCREEN		*sp;
	FILE		*null;

	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0) {
		xasprintf(cause, "the reader needs a terminal that can move "
		    "the cursor, and TERM is %s; for plain text use tandem "
		    "list and tandem show ID", term && *term ? term : "not set");
		return -1;
	}
	/* A trial screen that writes nowhere: initscr() would exit. */
	if ((null = fopen("/dev/null", "w")) == NULL ||
	    (sp = newterm(NULL, null, stdin)) == NULL) {
		if (null != NULL)
			fclose(null);
		xasprintf(cause, "the terminal type '%s' is unknown here (no "
		    "terminfo entry); set TERM to one that is (for example "
		    "xterm-256color), or use tandem list and tandem show ID",
		    term);
		return -1;
	}
	cup = tigetstr("cup");
	clear = tigetstr("clear");
	endwin();
	delscreen(sp);
	fclose(null);
	if (cup == NULL || cup == (char *)-1 || clear == NULL ||
	    clear == (char *)-1) {
		xasprintf(cause, "the terminal '%s' cannot move the cursor, "
		    "which the reader needs; use tandem list and tandem show "
		    "ID", term);
		return -1;
	}
	return 0;
}

/* Our key code for what get_wch() returned. */
static int
ui_key(int rc, wint_t ch)
{
	static const struct {
		int	curses, ours;
	} map[] = {
		{ KEY_UP, KEYS_UP }, { KEY_DOWN, KEYS_DOWN },
		{ KEY_LEFT, KEYS_LEFT }, { KEY_RIGHT, KEYS_RIGHT },
		{ KEY_PPAGE, KEYS_PGUP }, { KEY_NPAGE, KEYS_PGDN },
		{ KEY_HOME, KEYS_HOME }, { KEY_END, KEYS_END },
		{ KEY_ENTER, KEYS_ENTER }, { KEY_BTAB, KEYS_BTAB },
		{ KEY_BACKSPACE, KEYS_BACKSPACE }, { KEY_DC, KEYS_DC },
		{ KEY_IC, KEYS_IC }, { KEY_RESIZE, KEYS_RESIZE },
	};
	size_t	i;

	if (rc == KEY_CODE_YES) {
		if ((int)ch >= KEY_F(1) && (int)ch <= KEY_F(KEYS_NFKEYS))
			return KEYS_F((int)ch - KEY_F(0));
		for (i = 0; i < sizeof map / sizeof map[0]; i++)
			if (map[i].curses == (int)ch)
				return map[i].ours;
		return -1;
	}
	switch (ch) {
	case '\r': case '\n':	return KEYS_ENTER;
	case 27:		return KEYS_ESC;
	case '\t':		return KEYS_TAB;
	case 127: case 8:	return KEYS_BACKSPACE;
	}
	return (int)ch;
}

/* Drop the last grapheme cluster of buf. */
void
ui_erase_grapheme(char *buf)
{
	size_t	len = strlen(buf), i, last = 0;
	char	*breaks;

	if (len == 0)
		return;
	breaks = xmalloc(len + 1);
	utf8_grapheme_breaks(buf, len, breaks);
	for (i = 0; i < len; i++)
		if (breaks[i])
			last = i;
	buf[last] = '\0';
	free(breaks);
}

/*
 * Read a line in the status row after prompt: wide characters and
 * combining input welcome, Backspace removes a whole grapheme, Enter
 * accepts, Esc or Ctrl-G cancels (returns -1).
 */
int
ui_prompt(struct ui *u, const char *prompt, char *buf, size_t len)
{
	wint_t	ch;
	size_t	o = 0;
	int	rc, key, x;
	char	enc[5];

	buf[0] = '\0';
	curs_set(1);
	leaveok(stdscr, FALSE);
	for (;;) {
		ui_fill(u, LINES - 1, 0, COLS, UI_STATUS, 0);
		x = ui_text(u, LINES - 1, 0, COLS, UI_SPAN(prompt,
		    strlen(prompt), UI_STATUS, 0));
		x += ui_text(u, LINES - 1, x, COLS - x - 1, UI_SPAN(buf, o,
		    UI_STATUS, 0));
		move(LINES - 1, x < COLS ? x : COLS - 1);
		refresh();
		rc = get_wch(&ch);
		if (ui_signal != 0 || rc == ERR)
			break;
		key = ui_key(rc, ch);
		if (key == KEYS_ENTER) {
			curs_set(0);
			leaveok(stdscr, TRUE);
			return 0;
		}
		if (key == KEYS_ESC || key == KEYS_CTRL('g'))
			break;
		if (key == KEYS_BACKSPACE) {
			ui_erase_grapheme(buf);
			o = strlen(buf);
		} else if (key == KEYS_RESIZE) {
			ui_update(u, UI_RELAYOUT);
		} else if (rc == OK && ch >= 0x20 && ch != 0x7f &&
		    (ch < 0x80 || ch >= 0xa0) && ch < 0x110000) {
			size_t	n = utf8_encode((uint32_t)ch, enc);

			if (o + n < len) {
				memcpy(buf + o, enc, n);
				o += n;
				buf[o] = '\0';
			}
		}
	}
	curs_set(0);
	leaveok(stdscr, TRUE);
	buf[0] = '\0';
	return -1;
}

/*
 * Run a program with the terminal handed over, as an argument vector,
 * never through a shell.  Returns its exit status, or -1 with a message.
 * The screen is the program's now: the caller's result is UI_CLEAR.
 */
int
ui_spawn(struct ui *u, char *const argv[])
{
	pid_t	pid;
	int	status = 0, rc;

	def_prog_mode();
	endwin();
	rc = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
	if (rc == 0)
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
	reset_prog_mode();
	if (rc != 0) {
		ui_message(u, "%s: %s", argv[0], strerror(rc));
		return -1;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/*
 * One $BROWSER entry as an argument vector: split at blanks (no quoting:
 * no shell is involved), each %s replaced by the URL and %% by %; with
 * no %s the URL is the last argument.  NULL for a blank entry.
 */
static char **
ui_browser_argv(const char *entry, size_t len, const char *url)
{
	char	**argv, *w, *o;
	size_t	  n = 0, i, k;
	int	  subst = 0;

	argv = xcalloc(len / 2 + 3, sizeof *argv);
	for (i = 0; i < len; i = k) {
		for (; i < len && (entry[i] == ' ' || entry[i] == '\t'); i++)
			;
		for (k = i; k < len && entry[k] != ' ' && entry[k] != '\t'; k++)
			;
		if (k == i)
			break;
		o = w = xmalloc((k - i) / 2 * strlen(url) + (k - i) + 1);
		for (; i < k; i++) {
			if (entry[i] == '%' && i + 1 < k && entry[i + 1] == 's') {
				o = stpcpy(o, url);
				subst = 1;
				i++;
			} else if (entry[i] == '%' && i + 1 < k &&
			    entry[i + 1] == '%')
				*o++ = entry[i++];
			else
				*o++ = entry[i];
		}
		*o = '\0';
		argv[n++] = w;
	}
	if (n > 0 && !subst)
		argv[n++] = xstrdup(url);
	if (n == 0) {
		free(argv);
		return NULL;
	}
	return argv;
}

/*
 * o: open the article's URL, checked by url_for_program(), with the
 * first $BROWSER entry (a colon-separated list, as xdg-open and
 * sensible-browser read it) that starts.
 */
static enum ui_result
ui_open_url(struct ui *u)
{
	const struct article	*a = u->view.article;
	const char		*browser = getenv("BROWSER"), *e;
	char			*url, *cause = NULL, **argv;
	size_t			 len, i;
	int			 rc = -1, tried = 0;

	if (a == NULL || a->url == NULL) {
		ui_message(u, "this article has no URL");
		return UI_REPAINT;
	}
	if (browser == NULL || *browser == '\0') {
		ui_message(u, "set BROWSER to open links");
		return UI_REPAINT;
	}
	if ((url = url_for_program(a->url, 0, &cause)) == NULL) {
		ui_message(u, "not opened: %s", cause);
		free(cause);
		return UI_REPAINT;
	}
	for (e = browser; rc == -1 && *e != '\0'; e += len + (e[len] == ':')) {
		len = strcspn(e, ":");
		if ((argv = ui_browser_argv(e, len, url)) == NULL)
			continue;
		tried = 1;
		rc = ui_spawn(u, argv);
		for (i = 0; argv[i] != NULL; i++)
			free(argv[i]);
		free(argv);
	}
	free(url);
	if (rc != -1)
		u->message[0] = '\0';	/* an earlier entry's failure */
	if (!tried) {
		ui_message(u, "set BROWSER to open links");
		return UI_REPAINT;
	}
	return UI_CLEAR;
}

/*
 * How many queued rows of each table the reader indexes between keys:
 * a step is a few hundredths of a second, so a key waits no longer.
 */
#define UI_INDEX_ROWS	200

/*
 * /: in the reader, the article (every translation, view.c); in the
 * list, the library (list-search.c), whose results the list then shows.
 * The prompt writes over the status line, so always a repaint.
 */
static enum ui_result
ui_search(struct ui *u)
{
	char		needle[256], *cause = NULL;
	long long	left;
	int		library;

	library = u->view.article == NULL || u->ps.focus == PANE_LIST;
	if (ui_prompt(u, library ? "search the library: " : "/", needle,
	    sizeof needle) != 0 || needle[0] == '\0')
		return UI_REPAINT;
	if (!library) {
		view_search(&u->view, needle, 1);
		if (u->view.message[0] != '\0')
			ui_message(u, "%s", u->view.message);
		return UI_REPAINT;
	}
	/* The search indexes what waits first: say so while it does. */
	if (!cache_readonly(u->cache) && cache_search_left(u->cache, &left,
	    &cause) == 0 && left > UI_INDEX_ROWS) {
		ui_message(u, "indexing %lld rows for the search...", left);
		ui_status_draw(u);
		refresh();
	}
	FREE(&cause);
	u->message[0] = '\0';
	if (list_search(&u->list, needle, &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
		return UI_REPAINT;
	}
	if (u->list.nfound == 0) {
		list_search_end(&u->list);
		ui_message(u, "no article matches: %s", needle);
	}
	if ((left = cache_search_unindexed(u->cache)) > 0)
		ui_message(u, "%s%lld rows are not indexed yet (read-only or"
		    " busy cache) and were not searched",
		    u->list.nfound == 0 ? "no match; " : "", left);
	u->ps.focus = PANE_LIST;
	return UI_RELAYOUT;
}

/* q: close the help, the comments, the article; quit from the list. */
static enum ui_result
ui_back(struct ui *u)
{
	if (u->ps.focus == PANE_COMMENTS) {
		ui_comments_leave(u);
		u->ps.comments = 0;
		u->ps.focus = PANE_READER;
		return UI_RELAYOUT;
	}
	if (u->ps.focus == PANE_READER || (u->article != 0 &&
	    u->pl.pane[PANE_LIST].h == 0))
		return ui_reader_close(u);
	if (u->list.query != NULL) {
		list_search_end(&u->list);
		return UI_RELAYOUT;
	}
	if (u->list_header != NULL)
		return ui_feeds_unfilter(u);
	u->quit = 1;
	return UI_HANDLED;
}

static enum ui_result
ui_toggle_comments(struct ui *u)
{
	if (u->article == 0) {
		ui_message(u, "open an article to see its comments");
		return UI_REPAINT;
	}
	if (u->ps.comments)
		ui_comments_leave(u);
	u->ps.comments = !u->ps.comments;
	u->ps.focus = u->ps.comments ? PANE_COMMENTS : PANE_READER;
	if (u->ps.comments)
		ui_site_sync(u);
	return UI_RELAYOUT;
}

/* The operations every pane shares, then the focused pane's own. */
static enum ui_result
ui_op(struct ui *u, enum op op)
{
	enum pane_id	f = u->ps.focus;
	enum ui_result	res;

	switch (op) {
	case OP_QUIT:		u->quit = 1; return UI_HANDLED;
	case OP_BACK:		return ui_back(u);
	case OP_HELP:		u->help = 1; return UI_REPAINT;
	case OP_REDRAW:		return UI_CLEAR;
	case OP_COMMENTS:	return ui_toggle_comments(u);
	case OP_SEARCH:		return ui_search(u);
	case OP_OPEN_URL:	return ui_open_url(u);
	case OP_COMPOSE:	return ui_compose(u, 0);
	case OP_ADD_URL:	return ui_fetch_add(u);
	case OP_UPDATE:
	case OP_FEEDS:		return ui_feeds_op(u, op);
	case OP_FOCUS:
		u->ps.focus = pane_next_focus(&u->ps);
		return UI_RELAYOUT;
	default:
		break;
	}
	if ((res = ui_list_state_op(u, op)) != UI_UNHANDLED)
		return res;
	if (f == PANE_LIST && (res = ui_list_op(u, op)) != UI_UNHANDLED)
		return res;
	if (f == PANE_COMMENTS &&
	    (res = ui_comments_op(u, op)) != UI_UNHANDLED)
		return res;
	/* Language keys work on the open article from any pane. */
	if ((res = ui_reader_op(u, op)) != UI_UNHANDLED)
		return res;
	if (op >= OP_LANG_NEXT && op <= OP_PAIR_SPLIT) {
		ui_message(u, "open an article first (Enter)");
		return UI_REPAINT;
	}
	return UI_UNHANDLED;
}

static enum keys_context
ui_context(const struct ui *u)
{
	switch (u->ps.focus) {
	case PANE_READER:	return KEYS_READER;
	case PANE_COMMENTS:	return KEYS_COMMENTS;
	default:		return KEYS_LIST;
	}
}

static void
ui_start(struct ui *u)
{
	initscr();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	idlok(stdscr, TRUE);
	/* The cursor is hidden: do not spend bytes putting it back. */
	leaveok(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	ui_colors_init(u);
	u->hyperlinks = ui_hyperlinks_ok();
}

/* A key to the handler it is for; a resize (SIGWINCH) is a key too. */
static enum ui_result
ui_dispatch(struct ui *u, int key)
{
	enum op	op;

	if (key == KEYS_RESIZE)
		return UI_RELAYOUT;
	if (u->pl.too_small) {
		if (key == 'q' || key == 'Q')
			u->quit = 1;
		return UI_HANDLED;
	}
	if (u->help)
		return ui_help_op(u, keys_lookup(KEYS_ALL, key));
	if (u->feeds != NULL)
		return ui_feeds_op(u, keys_lookup(KEYS_LIST, key));
	op = keys_lookup(ui_context(u), key);
	/* Over search results the reader's n and N step through them. */
	if (ui_context(u) == KEYS_LIST && u->list.query != NULL) {
		enum op	r = keys_lookup(KEYS_READER, key);

		if (r == OP_SEARCH_NEXT || r == OP_SEARCH_PREV)
			op = r;
	}
	return ui_op(u, op);
}

/* What ui_read() returns when a job, not the terminal, woke the loop. */
#define UI_NO_KEY	(-2)

/*
 * While no key waits, index what an import left queued, a step at a
 * time, so that a search later finds the index up to date.  Returns the
 * key that stopped it, or ERR when the index is up to date (or cannot
 * be written: a read-only cache, another process holding the lock;
 * then the reader stops trying, and a search says what it left out).
 */
static int
ui_index_idle(struct ui *u, wint_t *ch)
{
	long long	 done, left;
	char		*cause = NULL;
	int		 rc;

	/* Nothing waits (a job stored only comments): take no lock. */
	if (cache_readonly(u->cache) || cache_search_left(u->cache, &left,
	    &cause) != 0 || left == 0) {
		free(cause);
		u->index_idle = 0;
		return ERR;
	}
	for (;;) {
		nodelay(stdscr, TRUE);
		rc = get_wch(ch);
		nodelay(stdscr, FALSE);
		if (rc != ERR || ui_signal != 0)
			return rc;
		if (cache_search_step(u->cache, UI_INDEX_ROWS, 0, &done,
		    &cause) != 0 || done == 0) {
			free(cause);
			u->index_idle = 0;
			return ERR;
		}
	}
}

/*
 * The next key, as get_wch() returns it.  While a fetch runs, sleep on
 * the terminal and the job queue both and take the jobs' news into *res;
 * curses may have read ahead of poll() (the rest of an escape sequence),
 * so after a key the next read does not wait.
 */
static int
ui_read(struct ui *u, wint_t *ch, enum ui_result *res)
{
	int	rc;

	if (!ui_fetch_busy(u)) {
		u->key_pending = 0;
		if (u->index_idle && (rc = ui_index_idle(u, ch)) != ERR)
			return rc;
		return get_wch(ch);
	}
	rc = u->key_pending || ui_fetch_wait(u);
	*res |= ui_fetch_poll(u);
	if (!rc)
		return UI_NO_KEY;
	nodelay(stdscr, TRUE);
	rc = get_wch(ch);
	nodelay(stdscr, FALSE);
	u->key_pending = rc != ERR;
	if (rc == ERR && (ui_signal != 0 || *res != UI_HANDLED))
		return UI_NO_KEY;
	return rc;
}

/*
 * Read a key, let its handler change the model, then update the screen
 * from what the handler said changed.  The first screen is a layout.
 */
static int
ui_loop(struct ui *u, enum ui_result res)
{
	wint_t		ch;
	int		rc, errors = 0, shown;

	while (!u->quit) {
		ui_update(u, res);
		res = UI_HANDLED;
		rc = ui_read(u, &ch, &res);
		if (ui_signal != 0)
			return 128 + ui_signal;
		if (rc == UI_NO_KEY)
			continue;
		if (rc == ERR) {
			/* Input gone for good (the terminal closed): stop. */
			if (++errors > 100)
				return 1;
			continue;
		}
		errors = 0;
		shown = u->message[0] != '\0';
		u->message[0] = '\0';
		res = ui_dispatch(u, ui_key(rc, ch));
		if (shown || u->message[0] != '\0')
			res |= UI_REPAINT;
	}
	return 0;
}

int
ui_run(const struct ui_options *uo)
{
	struct ui	 u;
	char		*cause = NULL;
	int		 status;
	enum ui_result	 res;

	memset(&u, 0, sizeof u);
	u.cache = uo->cache;
	u.index_idle = 1;
	u.pref = uo->pref;
	u.conf = uo->conf;
	u.opts = uo->conf->layout;
	list_init(&u.list, u.cache, (const char *const *)u.pref->tags);
	view_init(&u.view, &u.opts);
	u.view.max_width = uo->conf->max_width;
	if (list_reload(&u.list, &cause) != 0) {
		fprintf(stderr, "tandem: %s\n", cause);
		free(cause);
		return 1;
	}
	u.comments = xcalloc(1, sizeof *u.comments);
	comment_view_init(u.comments, &u.opts);
	scroll_init(&u.help_scroll, 0);
	if (uo->notice != NULL)
		ui_message(&u, "%s", uo->notice);
	else if (cache_readonly(u.cache))
		ui_message(&u, "read-only cache%s: changes are not saved",
		    cache_last_error(u.cache) == CACHE_ERR_FULL ?
		    " (the disk is full)" : "");
	ui_signals();
	ui_start(&u);
	res = UI_RELAYOUT;
	if (uo->open != 0) {
		list_select_id(&u.list, uo->open);
		res |= ui_reader_open(&u, uo->open);
	}
	status = ui_loop(&u, res);
	curs_set(1);
	endwin();
	ui_fetch_free(&u);
	ui_feeds_close(&u);
	free(u.list_header);
	ui_comments_leave(&u);
	comment_view_free(u.comments);
	free(u.comments);
	free(u.link_shown);
	view_free(&u.view);
	list_free(&u.list);
	return status;
}
