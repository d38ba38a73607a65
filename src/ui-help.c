/*
 * ui-help.c: the help overlay, made from the key table itself (keys.c),
 * so it always tells the truth about the bindings, rebound ones included.
 * It scrolls with the keys that scroll the panes (scroll.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-int.h"
#include "xmalloc.h"

#define UI_HELP_KEYS 22	/* cells for the key names column (ASCII) */

/*
 * Help line k into buf: a row of the key summary (keys.h), its keys in
 * a column of UI_HELP_KEYS cells; keys too long for the column get a
 * line of their own, the text following on the next one.
 */
static int
ui_help_line(int k, char *buf, size_t len)
{
	struct keys_help	h;
	size_t			r;
	int			n = 0;

	for (r = 0; keys_help_row(r, &h); r++) {
		if (strlen(h.keys) > UI_HELP_KEYS) {
			if (n++ == k) {
				snprintf(buf, len, "%s", h.keys);
				return 1;
			}
			h.keys[0] = '\0';
		}
		if (n++ == k) {
			snprintf(buf, len, "%-*s %s", UI_HELP_KEYS, h.keys,
			    h.help);
			return 1;
		}
	}
	return 0;
}

/* Help lines there are. */
static size_t
ui_help_count(void)
{
	char	line[256];
	size_t	n = 0;

	while (ui_help_line((int)n, line, sizeof line))
		n++;
	return n;
}

void
ui_help_draw(struct ui *u)
{
	static const char	 head[] = "Keys (any other key closes this "
	    "help; j/k, Space/b, d/u, g/G scroll)";
	struct scroll		*s = &u->help_scroll;
	char			 line[256], *cut;
	int			 y, top = u->pl.title.h, h, k;

	h = LINES - top - u->pl.status.h;
	for (y = top; y < top + h; y++) {
		move(y, 0);
		clrtoeol();
	}
	ui_text(u, top, 1, COLS - 1, UI_SPAN(head, strlen(head), UI_HEADER, 1));
	scroll_resize(s, ui_help_count(), h > 2 ? (size_t)(h - 2) : 0);
	for (y = top + 2, k = (int)s->top; y < top + h; y++, k++) {
		if (!ui_help_line(k, line, sizeof line))
			break;
		/* A line cut short says so with an ellipsis. */
		cut = layout_truncate(line, strlen(line), COLS - 3, &u->opts);
		ui_text(u, y, 2, COLS - 3, UI_SPAN(cut, strlen(cut),
		    UI_HEADER, 0));
		free(cut);
	}
}

/* The scrolling keys scroll, ^L redraws, any other key closes. */
enum ui_result
ui_help_op(struct ui *u, enum op op)
{
	struct scroll	*s = &u->help_scroll;

	switch (op) {
	case OP_DOWN:		scroll_down(s, 1); break;
	case OP_UP:		scroll_down(s, -1); break;
	case OP_PAGE_DOWN:	scroll_page(s, 1); break;
	case OP_PAGE_UP:	scroll_page(s, -1); break;
	case OP_HALF_DOWN:	scroll_half(s, 1); break;
	case OP_HALF_UP:	scroll_half(s, -1); break;
	case OP_TOP:		scroll_end(s, -1); break;
	case OP_BOTTOM:		scroll_end(s, 1); break;
	case OP_REDRAW:		break;
	default:
		u->help = 0;
		s->top = 0;
		break;
	}
	return UI_REPAINT;
}
