/*
 * ui.c: terminal set-up and teardown, the main loop, signals.
 *
 * This is one of the two kinds of file that include <curses.h> (the
 * other is ui-*.c).  It only draws and reads keys; everything it shows
 * comes from libtandem.  The terminal is always given back: on a normal
 * quit, and on SIGINT/SIGTERM/SIGHUP, whose handlers only set a flag that
 * the loop notices when get_wch() returns.
 */
#include "config.h"

#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui.h"

static volatile sig_atomic_t ui_signal;

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

/* Write a plain ASCII string clipped to the screen width. */
static void
ui_put(int y, int x, const char *s)
{
	int	cols = COLS;

	if (y < 0 || y >= LINES || x >= cols)
		return;
	mvaddnstr(y, x, s, cols - x);
}

static void
ui_draw(const struct ui_options *opts)
{
	static const char	*empty[] = {
		"No articles yet.",
		"",
		"Import some with:  tandem import FILE...",
		"Press q to quit.",
	};
	size_t	i;
	int	y;

	erase();
	if (LINES < 3 || COLS < 10) {
		ui_put(0, 0, "terminal too small");
		refresh();
		return;
	}
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	ui_put(0, 1, "tandem " PACKAGE_VERSION);
	mvhline(LINES - 1, 0, ' ', COLS);
	ui_put(LINES - 1, 1, "q:quit");
	attroff(A_REVERSE);
	(void)opts;

	y = (LINES - (int)(sizeof empty / sizeof empty[0])) / 2;
	for (i = 0; i < sizeof empty / sizeof empty[0]; i++, y++) {
		int	x = (COLS - (int)strlen(empty[i])) / 2;

		ui_put(y, x < 0 ? 0 : x, empty[i]);
	}
	refresh();
}

int
ui_run(const struct ui_options *opts)
{
	wint_t	ch;
	int	rc, status = 0, errors = 0;

	ui_signals();
	if (initscr() == NULL)
		return 1;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);

	ui_draw(opts);
	for (;;) {
		rc = get_wch(&ch);
		if (ui_signal != 0) {
			status = 128 + ui_signal;
			break;
		}
		if (rc == ERR) {
			/* Input gone for good (the terminal closed): stop. */
			if (++errors > 100) {
				status = 1;
				break;
			}
			continue;
		}
		errors = 0;
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
			ui_draw(opts);
			continue;
		}
		if (rc == OK && (ch == L'q' || ch == L'Q'))
			break;
		if (rc == OK && ch == 12) {	/* Ctrl-L */
			clearok(curscr, TRUE);
			ui_draw(opts);
		}
	}
	curs_set(1);
	endwin();
	return status;
}
