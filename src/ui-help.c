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

#define UI_HELP_KEYS 22	/* cells for the key names column */

/* "j Down" for op: its keys, with "(list)" etc. for pane-only ones. */
static void
ui_help_keys(enum op op, char *buf, size_t len)
{
	const struct keys_binding	*b;
	size_t				 n, i, o = 0;
	char				 name[32];

	buf[0] = '\0';
	b = keys_bindings(&n);
	for (i = 0; i < n && o + 1 < len; i++) {
		if (b[i].op != op)
			continue;
		keys_name(b[i].key, name, sizeof name);
		o += (size_t)snprintf(buf + o, len - o, "%s%s%s%s%s",
		    o ? " " : "", name, b[i].context ? " (" : "",
		    b[i].context ? keys_context_name(b[i].context) : "",
		    b[i].context ? ")" : "");
		if (o >= len)
			o = len - 1;
	}
}

/* Help lines: one per operation that has a key. */
static int
ui_help_line(int k, char *buf, size_t len)
{
	char	keys[128];
	int	op, n = 0;

	for (op = 1; op < OP_COUNT; op++) {
		ui_help_keys((enum op)op, keys, sizeof keys);
		if (keys[0] == '\0')
			continue;
		if (n++ == k) {
			snprintf(buf, len, "%-*s %s", UI_HELP_KEYS, keys,
			    keys_op_help((enum op)op));
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
	char			 line[256];
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
		ui_text(u, y, 2, COLS - 2, UI_SPAN(line, strlen(line),
		    UI_HEADER, 0));
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
