/*
 * ui-reader.c: the reader pane.  A header row names the language(s) and
 * title(s); below it, the rows of the view (view.c): one language, or two
 * columns with a divider, paired paragraphs starting on the same row.
 * The languages chosen are remembered per article in the cache.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "layout.h"
#include "pairing.h"
#include "ui-int.h"
#include "xmalloc.h"

/*
 * The alignment for side by side (pairing.h: stored either way round,
 * else made now and stored, so the next time is instant).  A cache that
 * cannot keep it is fine: the pairs are shown all the same.  Only
 * aligning now needs the two texts whole.
 */
static void
ui_reader_pairs(void *arg, struct article *a, size_t left,
    size_t right, struct article_pair **pairs, size_t *n)
{
	struct ui	*u = arg;
	char		*cause = NULL;

	if (pairing_find(u->cache, a->id, &a->translations[left],
	    &a->translations[right], pairs, n) == 0)
		return;
	if (article_text_need(a, left, 0, a->translations[left].nparagraphs,
	    &cause) != 0 || article_text_need(a, right, 0,
	    a->translations[right].nparagraphs, &cause) != 0) {
		ui_message(u, "%s", cause);
		FREE(&cause);
	}
	if (pairing_get(u->cache, a->id, &a->translations[left],
	    &a->translations[right], pairs, n, &cause) != 0) {
		/* Shown as it is, just not kept for next time. */
		if (*pairs != NULL)
			ui_message(u, "%s",
			    cache_error_string(cache_last_error(u->cache)));
		free(cause);
	}
}

/* Store a corrected alignment. */
static int
ui_reader_save_pairs(void *arg, const struct article *a, size_t left,
    size_t right, const struct article_pair *pairs, size_t n)
{
	struct ui	*u = arg;
	char		*cause = NULL;

	if (pairing_put(u->cache, a->id, &a->translations[left],
	    &a->translations[right], pairs, n, &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* Translation index for a tag stored as a setting, or the best by rank. */
static size_t
ui_reader_pick(const struct article *a, const struct lang_pref *pref,
    const char *stored, size_t skip)
{
	size_t	i, best = skip == 0 && a->ntranslations > 1 ? 1 : 0, r, br;

	for (i = 0; stored != NULL && i < a->ntranslations; i++)
		if (strcmp(a->translations[i].lang, stored) == 0 && i != skip)
			return i;
	br = (size_t)-1;
	for (i = 0; i < a->ntranslations; i++) {
		if (i == skip)
			continue;
		r = lang_rank(pref, a->translations[i].lang);
		if (r < br) {
			br = r;
			best = i;
		}
	}
	return best;
}

/* Remember the article's languages and mode. */
static void
ui_reader_save(struct ui *u)
{
	const struct view	*v = &u->view;
	char			*cause = NULL;

	if (v->article == NULL)
		return;
	if (cache_setting_set(u->cache, u->article, "view.left",
	    v->article->translations[v->left].lang, &cause) != 0 ||
	    cache_setting_set(u->cache, u->article, "view.right",
	    v->article->translations[v->right].lang, &cause) != 0 ||
	    cache_setting_set(u->cache, u->article, "view.sbs",
	    v->sbs ? "1" : "0", &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
	}
}

static char *
ui_reader_setting(struct ui *u, long long id, const char *key)
{
	char	*value = NULL, *cause = NULL;

	if (cache_setting_get(u->cache, id, key, &value, &cause) != 0) {
		free(cause);
		return NULL;
	}
	return value;
}

/*
 * Open article id in the reader, in the languages it was last read in.
 * Opening marks it read, which changes the list's rows.
 */
enum ui_result
ui_reader_open(struct ui *u, long long id)
{
	struct article	*a;
	char		*cause = NULL, *l, *r, *s;
	size_t		 left, right;
	int		 sbs;
	enum ui_result	 res = UI_RELAYOUT;

	/* The text is read as it is laid out (view-window.c). */
	if (cache_article_open(u->cache, id, &a, &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
		return UI_REPAINT;
	}
	if (a->ntranslations == 0) {
		article_free(a);
		ui_message(u, "article %lld has no text", id);
		return UI_REPAINT;
	}
	l = ui_reader_setting(u, id, "view.left");
	r = ui_reader_setting(u, id, "view.right");
	s = ui_reader_setting(u, id, "view.sbs");
	left = ui_reader_pick(a, u->pref, l, (size_t)-1);
	right = ui_reader_pick(a, u->pref, r, left);
	sbs = s != NULL ? strcmp(s, "1") == 0 : u->conf->side_by_side;
	free(l);
	free(r);
	free(s);

	u->view.pairs_fn = ui_reader_pairs;
	u->view.save_fn = ui_reader_save_pairs;
	u->view.pairs_arg = u;
	u->article = id;
	view_open(&u->view, a, left, right, sbs);
	if (!a->read && cache_article_set_read(u->cache, id, 1, &cause) != 0)
		ui_message(u, "%s",
		    cache_error_string(cache_last_error(u->cache)));
	else if (!a->read) {
		a->read = 1;
		res |= UI_RELOAD;
	}
	free(cause);
	u->ps.article_open = 1;
	u->ps.focus = PANE_READER;
	comment_view_rewind(u->comments);
	ui_comments_load(u);
	return res;
}

enum ui_result
ui_reader_close(struct ui *u)
{
	ui_comments_leave(u);
	view_close(&u->view);
	u->article = 0;
	u->ps.article_open = 0;
	u->ps.comments = 0;
	u->ps.focus = PANE_LIST;
	return UI_RELAYOUT;
}

/* The pane's text area: everything below the header row. */
void
ui_reader_resize(struct ui *u)
{
	const struct pane_rect	*r = &u->pl.pane[PANE_READER];

	if (u->view.article == NULL || r->h <= 1)
		return;
	u->view.message[0] = '\0';
	view_relayout(&u->view, r->w - 2 * PANE_MARGIN, r->h - 1);
	if (u->view.message[0] != '\0')
		ui_message(u, "%s", u->view.message);
}

/* "ko  Title…" in w cells at (y, x). */
static void
ui_reader_title(struct ui *u, int y, int x, int w,
    const struct article_translation *t)
{
	char	*title;
	int	 used;

	used = ui_text(u, y, x, w, UI_SPAN(t->lang, strlen(t->lang), UI_LANG,
	    1));
	if (w - used - 1 <= 0)
		return;
	title = layout_truncate(t->title, strlen(t->title), w - used - 1,
	    &u->opts);
	ui_text(u, y, x + used + 1, w - used - 1, UI_SPAN(title, strlen(title),
	    UI_HEADER, 1));
	free(title);
}

/*
 * Where one language's column starts: centred when max-width makes it
 * narrower than the pane; side by side takes the pane's width.
 */
static int
ui_reader_left(const struct ui *u)
{
	const struct view	*v = &u->view;
	int			 free_cells;

	if (v->sbs_on)
		return PANE_MARGIN;
	free_cells = v->width - v->rows.lwidth;
	return PANE_MARGIN + (free_cells > 0 ? free_cells / 2 : 0);
}

static void
ui_reader_header(struct ui *u, const struct pane_rect *r)
{
	const struct view	*v = &u->view;
	int			 lw = v->rows.lwidth;

	const int		 m = PANE_MARGIN;

	move(r->y, 0);
	clrtoeol();
	if (!v->sbs_on) {
		ui_reader_title(u, r->y, ui_reader_left(u), lw,
		    &v->article->translations[v->left]);
		return;
	}
	ui_reader_title(u, r->y, m, lw, &v->article->translations[v->left]);
	ui_text(u, r->y, m + lw, VIEW_GUTTER_WIDTH, UI_SPAN(VIEW_GUTTER,
	    VIEW_GUTTER_WIDTH, UI_GUTTER, 1));
	ui_reader_title(u, r->y, m + lw + VIEW_GUTTER_WIDTH,
	    v->rows.rwidth, &v->article->translations[v->right]);
}

/* One row of a column, as the model styled it. */
static void
ui_reader_cell(struct ui *u, int y, int x, int w, const struct view_span *vs,
    enum ui_color c, int use_color)
{
	struct ui_span	sp;

	sp.text = vs->text;
	sp.color = c;
	sp.use_color = use_color;
	sp.cells = vs->cells;
	sp.ranges = vs->ranges;
	sp.nranges = vs->nranges;
	ui_text(u, y, x, w, &sp);
}

void
ui_reader_draw(struct ui *u)
{
	const struct pane_rect	*r = &u->pl.pane[PANE_READER];
	const struct view	*v = &u->view;
	struct view_span	 vs;
	const int		 m = PANE_MARGIN;
	size_t			 row;
	int			 i, lw, x;

	if (r->h == 0 || v->article == NULL)
		return;
	ui_reader_header(u, r);
	lw = v->rows.lwidth;
	x = ui_reader_left(u);
	for (i = 1; i < r->h; i++) {
		row = v->top + (size_t)(i - 1);
		move(r->y + i, 0);
		clrtoeol();
		if (row >= view_nrows(v)) {
			if (i == 1 || row == view_nrows(v))
				continue;
			ui_text(u, r->y + i, x, 1, UI_SPAN("~", 1, UI_DIM, 1));
			continue;
		}
		if (view_row_span(v, row, 0, &vs) == 0)
			ui_reader_cell(u, r->y + i, x, lw, &vs, UI_HEADER, 0);
		if (!v->sbs_on)
			continue;
		view_row_gutter(v, row, &vs);
		ui_reader_cell(u, r->y + i, m + lw, VIEW_GUTTER_WIDTH, &vs,
		    UI_GUTTER, 1);
		if (view_row_span(v, row, 1, &vs) == 0)
			ui_reader_cell(u, r->y + i, m + lw + VIEW_GUTTER_WIDTH,
			    v->rows.rwidth, &vs, UI_HEADER, 0);
	}
}

/* After a language op: remember it, and say what happened. */
static void
ui_reader_changed(struct ui *u, int rc)
{
	if (rc == 0)
		ui_reader_save(u);
	if (u->view.message[0] != '\0')
		ui_message(u, "%s", u->view.message);
}

/*
 * Scrolls and language changes of the open article, or UI_UNHANDLED.
 * All are repaints: view.c reflows the rows itself when the languages
 * change, and the panes stay as they are.
 */
enum ui_result
ui_reader_op(struct ui *u, enum op op)
{
	struct view	*v = &u->view;

	if (v->article == NULL)
		return UI_UNHANDLED;
	switch (op) {
	case OP_DOWN:		view_scroll(v, 1); break;
	case OP_UP:		view_scroll(v, -1); break;
	case OP_PAGE_DOWN:	view_page(v, 1, 0); break;
	case OP_PAGE_UP:	view_page(v, -1, 0); break;
	case OP_HALF_DOWN:	view_page(v, 1, 1); break;
	case OP_HALF_UP:	view_page(v, -1, 1); break;
	case OP_TOP:		view_home(v); break;
	case OP_BOTTOM:		view_end(v); break;
	case OP_LANG_NEXT:	ui_reader_changed(u, view_next_lang(v)); break;
	case OP_LANG2_NEXT:	ui_reader_changed(u, view_next_lang2(v)); break;
	case OP_SWAP:		ui_reader_changed(u, view_swap(v)); break;
	case OP_SIDE_BY_SIDE:	ui_reader_changed(u, view_toggle_sbs(v)); break;
	case OP_PAIR_JOIN:	ui_reader_changed(u, view_pair_join(v)); break;
	case OP_PAIR_SPLIT:	ui_reader_changed(u, view_pair_split(v)); break;
	case OP_PAIR_RESET:	ui_reader_changed(u, view_pair_reset(v)); break;
	case OP_SEARCH_NEXT:
	case OP_SEARCH_PREV:
		if (view_search(v, NULL, op == OP_SEARCH_NEXT ? 1 : -1) != 0)
			ui_message(u, "%s", v->message);
		break;
	default:
		if (op >= OP_LANG_1 && op <= OP_LANG_9) {
			ui_reader_changed(u, view_set_lang(v,
			    (size_t)(op - OP_LANG_1)));
			break;
		}
		return UI_UNHANDLED;
	}
	return UI_REPAINT;
}
