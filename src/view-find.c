/*
 * view-find.c: the reader's search matcher and where else it matches.
 *
 * A search in an article folds the text and the needle with the library
 * search's own fold (utf8_fold_map(), utf8-fold.c), so "seoul" finds
 * "Séoul" here as tandem search finds it, then maps the match back to
 * the bytes of the text as shown.  span_find() still does the matching
 * on the folded text, so a line feed in a paragraph still matches a
 * space of the needle.  view_find_elsewhere() looks in the translations
 * that are not on screen and says which key shows one that matches.
 * view_row_span() hands the drawing code a row's text with its matches
 * marked.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "span.h"
#include "utf8.h"
#include "utf8-fold.h"
#include "view.h"
#include "xmalloc.h"

/* The needle as the matcher takes it: folded. */
char *
view_find_needle(const char *needle)
{
	size_t	len;

	return utf8_fold(needle, strlen(needle), &len);
}

/*
 * Prepare text (len bytes) for view_find_next(): fold it, keeping the
 * map from folded bytes back to the text's.
 */
void
view_find_text(struct view_find *f, const char *text, size_t len)
{
	f->orig = text;
	f->orig_len = len;
	f->folded = utf8_fold_map(text, len, &f->len, &f->map);
}

void
view_find_free(struct view_find *f)
{
	FREE(&f->folded);
	FREE(&f->map);
}

/*
 * The next match of the folded needle at or after byte from of the
 * text: 1 and its bytes of the original text [*start, *end), then
 * *next the folded offset to go on from; or 0.
 */
int
view_find_next(const struct view_find *f, size_t from, const char *fneedle,
    size_t *start, size_t *end, size_t *next)
{
	struct span	sp = { f->folded, f->len };
	size_t		s, e, last;
	uint32_t	c;

	if (!span_find(&sp, from, fneedle, &s, &e))
		return 0;
	*start = f->map[s];
	/* The end of the original character the last folded byte is of. */
	last = f->map[e - 1];
	*end = last + utf8_decode(f->orig + last, f->orig_len - last, &c);
	*next = e;
	return 1;
}

/* Whether needle (folded) is in translation i, read whole if it is not. */
static int
view_find_in(struct article *a, size_t i, const char *fneedle)
{
	const struct article_translation *t = &a->translations[i];
	struct view_find	f;
	size_t			p, s, e, n;
	int			found = 0;

	article_text_need(a, i, 0, t->nparagraphs, NULL);
	for (p = 0; p < t->nparagraphs && !found; p++) {
		view_find_text(&f, t->paragraphs[p].text, t->paragraphs[p].len);
		found = view_find_next(&f, 0, fneedle, &s, &e, &n);
		view_find_free(&f);
	}
	return found;
}

/*
 * Into buf, the languages not on screen that have needle, with the key
 * that shows each ("also in fr (4), ja (3)"); "" if none.  Returns how
 * many there are.
 */
int
view_find_elsewhere(const struct view *v, const char *needle, char *buf,
    size_t size)
{
	const struct article_translation	*t;
	char					*fneedle;
	size_t					 i, o = 0;
	int					 n = 0;

	buf[0] = '\0';
	if (v->article == NULL || needle == NULL || *needle == '\0')
		return 0;
	fneedle = view_find_needle(needle);
	for (i = 0; i < v->article->ntranslations && o + 1 < size; i++) {
		if (i == v->left || (v->sbs_on && i == v->right))
			continue;
		t = &v->article->translations[i];
		if (*fneedle == '\0' || !view_find_in(v->article, i, fneedle))
			continue;
		if (i < 9)
			o += (size_t)snprintf(buf + o, size - o, "%s%s (%zu)",
			    n ? ", " : "", t->lang, i + 1);
		else
			o += (size_t)snprintf(buf + o, size - o, "%s%s",
			    n ? ", " : "", t->lang);
		if (o >= size)
			o = size - 1;
		n++;
	}
	free(fneedle);
	return n;
}

/* Say in the message which hidden languages have the needle too. */
int
view_find_note(struct view *v, const char *lead)
{
	char	langs[120];

	if (view_find_elsewhere(v, v->needle, langs, sizeof langs) == 0)
		return 0;
	snprintf(v->message, sizeof v->message, "%s%s", lead, langs);
	return 1;
}

/*
 * A library search's result opened: its language on the left unless it
 * is on screen already, the needle's matches marked, the top at its
 * first matching paragraph at the next layout.
 */
void
view_show_match(struct view *v, size_t index, long long para,
    const char *needle)
{
	if (v->article == NULL || index >= v->article->ntranslations)
		return;
	free(v->needle);
	v->needle = needle != NULL ? xstrdup(needle) : NULL;
	if (index != v->left && !(v->sbs && index == v->right)) {
		if (v->sbs && v->right == v->left)
			v->sbs = 0;
		v->left = index;
		v->pairs_dirty = 1;
	}
	/* The match's paragraph is the left side's; else the top. */
	v->want_para = index == v->left && para >= 0 ? (size_t)para : 0;
	if (v->width > 0)
		view_relayout(v, v->width, v->height);
}

/*
 * The first match that can cover row: none starts more than hit_span
 * rows above it.  A binary search, so drawing a row costs the matches on
 * it, not every match in the article.
 */
static size_t
view_hit_first(const struct view *v, size_t row)
{
	size_t	lo = 0, hi = v->nhits, mid, from;

	from = row > v->hit_span ? row - v->hit_span : 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v->hits[mid].row < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
view_row_span(const struct view *v, size_t row, int right,
    struct view_span *out)
{
	const struct layout		*l = right ? &v->rows.right :
					    &v->rows.left;
	const struct layout_line	*ln;
	const struct view_hit		*h;
	struct span_range		*rg;
	size_t				 i, k;
	long				 w;

	memset(out, 0, sizeof *out);
	if ((w = view_window_local(v, row)) < 0)
		return -1;
	i = right ? v->rows.rows[w].right : v->rows.rows[w].left;
	if (i == LAYOUT_SBS_NONE)
		return -1;
	ln = &l->lines[i];
	out->text.text = l->text + ln->off;
	out->text.len = ln->len;
	out->width = ln->width;
	out->cells = l->cells + ln->off;
	for (k = view_hit_first(v, row); k < v->nhits && v->hits[k].row <= row;
	    k++) {
		h = &v->hits[k];
		if (h->side != right || i < h->lfirst || i > h->llast ||
		    out->nranges == VIEW_MAX_RANGES)
			continue;
		rg = &out->ranges[out->nranges];
		rg->start = i == h->lfirst ? h->lstart : 0;
		rg->end = i == h->llast ? h->lend : ln->len;
		rg->style = SPAN_MATCH;
		if (rg->end > rg->start)
			out->nranges++;
	}
	return 0;
}
