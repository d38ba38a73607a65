/*
 * ui-draw.c: colours and drawing UTF-8 at the curses boundary.
 *
 * Text arrives here already sanitised and measured by the layout engine.
 * ui_text() walks it grapheme cluster by grapheme cluster, places each at
 * the column the layout engine's widths say (so a terminal or a libc
 * that disagrees about a width cannot push the rest of the line out of
 * place), and converts it to a cchar_t only here.  A cluster curses
 * cannot hold in one cell (more than CCHARW_MAX code points, as in some
 * emoji ZWJ sequences) is drawn as its first character.  The title bar
 * (version, counts, a filter or feed, the open article's URL) and the
 * status line (a message, a fetch's progress, the view's place, the key
 * hint) are drawn here too.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "ui-int.h"
#include "utf8.h"
#include "xmalloc.h"

struct ui_color_def {
	const char	*name;
	short		 fg, bg;
	attr_t		 attr, mono;
};

#define UI_COLOR_ROW(n, str, fg, bg, attr, mono) { str, fg, bg, attr, mono },
static struct ui_color_def ui_colors[UI_NCOLORS] = { UI_COLORS(UI_COLOR_ROW) };
#undef UI_COLOR_ROW

static const char *ui_color_names[] = { "black", "red", "green", "yellow",
    "blue", "magenta", "cyan", "white" };

/* A colour name, a number, or "default" (-1); -2 if unknown. */
static short
ui_color_parse(const char *s)
{
	char	*end;
	long	 n;
	size_t	 i;

	if (strcasecmp(s, "default") == 0)
		return -1;
	for (i = 0; i < 8; i++)
		if (strcasecmp(s, ui_color_names[i]) == 0)
			return (short)i;
	n = strtol(s, &end, 10);
	if (*s != '\0' && *end == '\0' && n >= 0 && n < 256)
		return (short)n;
	return -2;
}

static attr_t
ui_attrs_parse(const char *s)
{
	attr_t	a = 0;

	if (s == NULL)
		return 0;
	if (strstr(s, "bold")) a |= A_BOLD;
	if (strstr(s, "underline")) a |= A_UNDERLINE;
	if (strstr(s, "reverse")) a |= A_REVERSE;
	if (strstr(s, "dim")) a |= A_DIM;
	if (strstr(s, "blink")) a |= A_BLINK;
	return a;
}

/* Apply the config file's colour lines; unknown names are reported. */
static void
ui_colors_conf(struct ui *u)
{
	const struct conf_color	*cc;
	size_t			 i;
	int			 k;
	short			 fg, bg;

	for (i = 0; u->conf != NULL && i < u->conf->ncolors; i++) {
		cc = &u->conf->colors[i];
		for (k = 0; k < UI_NCOLORS; k++)
			if (strcmp(ui_colors[k].name, cc->element) == 0)
				break;
		fg = ui_color_parse(cc->fg);
		bg = ui_color_parse(cc->bg);
		if (k == UI_NCOLORS || fg == -2 || bg == -2) {
			ui_message(u, "%s:%d: bad color line", u->conf->path,
			    cc->line);
			continue;
		}
		ui_colors[k].fg = fg;
		ui_colors[k].bg = bg;
		ui_colors[k].attr = ui_attrs_parse(cc->attrs);
	}
}

void
ui_colors_init(struct ui *u)
{
	const char	*nc = getenv("NO_COLOR");
	int		 k;

	u->colour = has_colors() && (nc == NULL || *nc == '\0');
	if (!u->colour)
		return;
	start_color();
	use_default_colors();
	ui_colors_conf(u);
	for (k = 0; k < UI_NCOLORS; k++)
		init_pair((short)(k + 1), ui_colors[k].fg, ui_colors[k].bg);
}

attr_t
ui_attr(const struct ui *u, enum ui_color c)
{
	return u->colour ? ui_colors[c].attr : ui_colors[c].mono;
}

short
ui_pair(const struct ui *u, enum ui_color c)
{
	return u->colour ? (short)(c + 1) : 0;
}

/* Fill w cells from (y, x) with blanks in colour c (or plain). */
void
ui_fill(struct ui *u, int y, int x, int w, enum ui_color c, int use_color)
{
	cchar_t	blank;
	wchar_t	sp[2] = { L' ', 0 };
	int	i;

	setcchar(&blank, sp, use_color ? ui_attr(u, c) : A_NORMAL,
	    use_color ? ui_pair(u, c) : 0, NULL);
	for (i = 0; i < w; i++)
		mvadd_wch(y, x + i, &blank);
}

/* The colour of what the model styled st, over a span of colour base. */
static enum ui_color
ui_style_color(enum span_style st, enum ui_color base)
{
	switch (st) {
	case SPAN_MATCH:
		return UI_MATCH;
	case SPAN_LOW:
		return UI_LOWCONF;
	case SPAN_DIM:
		return UI_DIM;
	case SPAN_PLAIN:
		break;
	}
	return base;
}

/* Draw one cell-group (utf8_cluster_part) at (y, x); 0, or -1 if refused. */
static int
ui_cell(int y, int x, const char *s, size_t len, attr_t a, short pair)
{
	wchar_t		 wc[CCHARW_MAX + 1];
	cchar_t		 cc;
	uint32_t	 uc;
	size_t		 i = 0, k;
	int		 n = 0;

	while (i < len && n < CCHARW_MAX) {
		k = utf8_decode(s + i, len - i, &uc);
		wc[n++] = uc == UTF8_BAD ? 0xfffd : (wchar_t)uc;
		i += k;
	}
	wc[n] = 0;
	if (i < len || setcchar(&cc, wc, a, pair, NULL) == ERR) {
		wc[1] = 0;
		if (setcchar(&cc, wc, a, pair, NULL) == ERR)
			return -1;
	}
	return mvadd_wch(y, x, &cc) == ERR ? -1 : 0;
}

/*
 * Draw one cluster at (y, x), a curses cell per cell-group: curses keeps
 * only nonspacing characters after a cell's first, so a spacing vowel
 * sign (क + ा) handed over in the same cell would be dropped.
 */
static int
ui_cluster(int y, int x, const char *s, size_t len, int amb, attr_t a,
    short pair)
{
	size_t	k;
	int	w, rc = 0;

	while (len > 0) {
		k = utf8_cluster_part(s, len, amb, &w);
		if (w > 0 && ui_cell(y, x, s, k, a, pair) != 0)
			rc = -1;
		x += w;
		s += k;
		len -= k;
	}
	return rc;
}

/*
 * Draw sp at (y, x) in at most maxw cells, its styled ranges in their
 * colours.  A laid-out row brings its widths (sp->cells): then nothing is
 * measured here.  Returns the cells used.
 */
int
ui_text(struct ui *u, int y, int x, int maxw, const struct ui_span *sp)
{
	const char	*s = sp->text.text;
	size_t		 len = sp->text.len, i, j, r = 0;
	char		*breaks = NULL;
	int		 w, used = 0, amb = utf8_ambiguous_cells(&u->opts);
	attr_t		 a = sp->use_color ? ui_attr(u, sp->color) : A_NORMAL;
	short		 pair = sp->use_color ? ui_pair(u, sp->color) : 0;
	enum ui_color	 c;

	if (len == 0 || maxw <= 0)
		return 0;
	if (sp->cells == NULL) {
		breaks = xmalloc(len + 1);
		utf8_grapheme_breaks(s, len, breaks);
	}
	for (i = 0; i < len; i = j) {
		for (j = i + 1; j < len && (breaks != NULL ? !breaks[j] :
		    sp->cells[j] == 0); j++)
			;
		if (breaks != NULL)
			w = utf8_cluster_width(s + i, j - i, amb);
		else
			w = sp->cells[i] - 1;
		if (used + w > maxw)
			break;
		while (r < sp->nranges && sp->ranges[r].end <= i)
			r++;
		if (w > 0 && r < sp->nranges && sp->ranges[r].start <= i) {
			c = ui_style_color(sp->ranges[r].style, sp->color);
			ui_cluster(y, x + used, s + i, j - i, amb,
			    ui_attr(u, c), ui_pair(u, c));
		} else if (w > 0)
			ui_cluster(y, x + used, s + i, j - i, amb, a, pair);
		used += w;
	}
	free(breaks);
	return used;
}

/*
 * " tandem 1.0  120 articles, 3 unread, 2 starred ", or with a filter
 * " tandem 1.0  5 of 120 articles (unread, has ko fr), 3 unread ", and
 * for one feed's " tandem 1.0  3 of 120 articles, 3 unread  feed: X".
 */
static void
ui_title_counts(struct ui *u, char *buf, size_t len)
{
	const struct cache_state	*st = &u->list.state;
	char				 what[128], star[32] = "";
	int				 o;

	if (st->starred > 0)
		snprintf(star, sizeof star, ", %lld starred", st->starred);
	o = snprintf(buf, len, " tandem %s  ", PACKAGE_VERSION);
	if (o < 0 || (size_t)o >= len)
		return;
	list_describe(&u->list, what, sizeof what);
	if (what[0] == '\0' && u->list.filter.feed == 0 &&
	    u->list.filter.tag == NULL)
		snprintf(buf + o, len - o, "%zu article%s, %lld unread%s ",
		    u->list.scroll.total, u->list.scroll.total == 1 ? "" : "s",
		    st->unread, star);
	else	/* a feed's articles: list_header names it after this */
		snprintf(buf + o, len - o, "%zu of %lld article%s%s%s%s, %lld"
		    " unread%s ", u->list.scroll.total, st->articles,
		    st->articles == 1 ? "" : "s", what[0] ? " (" : "", what,
		    what[0] ? ")" : "", st->unread, star);
}

void
ui_title_draw(struct ui *u)
{
	const struct article	*a = u->view.article;
	char			 buf[256];
	int			 x;

	FREE(&u->link_shown);
	ui_fill(u, 0, 0, COLS, UI_TITLE, 1);
	if (u->list.scroll.total == 0 && u->list.state.articles == 0)
		/* the list says what to do */
		snprintf(buf, sizeof buf, " tandem %s ", PACKAGE_VERSION);
	else
		ui_title_counts(u, buf, sizeof buf);
	x = ui_text(u, 0, 0, COLS, UI_SPAN(buf, strlen(buf), UI_TITLE, 1));
	if (u->list_header != NULL && a == NULL)
		x += ui_text(u, 0, x + 1, COLS - x - 1, UI_SPAN(u->list_header,
		    strlen(u->list_header), UI_TITLE, 1)) + 1;
	if (a != NULL && a->url != NULL && COLS - x > 10) {
		char	*url = layout_truncate(a->url, strlen(a->url),
		    COLS - x - 2, &u->opts);

		ui_text(u, 0, x + 1, COLS - x - 2, UI_SPAN(url, strlen(url),
		    UI_TITLE, 1));
		free(u->link_shown);
		u->link_shown = url;
		u->link_x = x + 1;
	}
}

void
ui_status_draw(struct ui *u)
{
	static const char	 hint[] = "?:help q:back Q:quit ";
	char			 buf[192];
	int			 y = LINES - 1, w = COLS, hw, lw;
	const char		*left = buf;

	ui_fill(u, y, 0, w, UI_STATUS, 1);
	if (u->message[0] != '\0')
		left = u->message;
	else if (u->fetch_status[0] != '\0')
		left = u->fetch_status;
	else if (u->ps.focus != PANE_LIST && u->view.article != NULL)
		view_status(&u->view, buf, sizeof buf);
	else if (u->list.scroll.total == 0)
		snprintf(buf, sizeof buf, "no articles yet: a adds one from a "
		    "URL%s", cache_readonly(u->cache) ? "  read-only cache" : "");
	else
		snprintf(buf, sizeof buf, "%zu/%zu%s", u->list.scroll.sel + 1,
		    u->list.scroll.total,
		    cache_readonly(u->cache) ? "  read-only cache" : "");
	/*
	 * The hint gives way to what is said: first to "?:help", then
	 * altogether, when the message would not fit beside it.
	 */
	lw = utf8_width(left, strlen(left), &u->opts);
	hw = (int)strlen(hint);
	if (w - hw < 20 || lw > w - hw - 2)
		hw = (int)strlen(hint) - (int)strlen("q:back Q:quit ");
	if (w - hw < 20 || lw > w - hw - 2)
		hw = 0;
	ui_text(u, y, 1, w - hw - 2, UI_SPAN(left, strlen(left),
	    u->message[0] ? UI_MESSAGE : UI_STATUS, 1));
	if (hw > 0)
		ui_text(u, y, w - hw, hw, UI_SPAN(hint, (size_t)hw, UI_STATUS,
		    1));
}
