/*
 * ui.h: the curses front end.
 *
 * ui_run() owns the terminal from initscr() to endwin(): it draws the
 * panes, reads keys and returns when the user quits or a terminating
 * signal (SIGINT, SIGTERM, SIGHUP) arrives.  The terminal is restored
 * before it returns, whatever the reason.
 */
#ifndef TANDEM_UI_H
#define TANDEM_UI_H

struct cache;
struct conf;
struct lang_pref;

struct ui_options {
	struct cache		*cache;
	struct lang_pref	*pref;
	struct conf		*conf;
	const char		*notice;	/* first status message, or NULL */
	long long		 open;		/* article to open first, or 0 */
};

/*
 * Run the interactive reader.  Returns the process exit status: 0 after
 * a normal quit, 128 + signal number after a terminating signal.
 */
int	ui_run(const struct ui_options *);

/*
 * Whether the terminal TERM names can show the reader (it moves the
 * cursor and clears the screen); if not, -1 and *cause says why.
 */
int	ui_terminal_ok(char **cause);

#endif
