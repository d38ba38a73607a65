/*
 * layout.c: greedy line breaking of sanitised UTF-8, in one pass.
 *
 * Per paragraph: sanitise (keeping tabs), ask libunistring for the UAX #14
 * break opportunities and the grapheme cluster boundaries (one flag byte
 * per text byte each, in a scratch buffer the layout keeps), adjust the
 * opportunities for Korean keep-all, then walk the clusters:
 *
 *	cluster fits		-> add it; a space may hang past the edge
 *	overflow, have an	-> end the line at the last opportunity,
 *	  opportunity		   without its trailing spaces; resume there
 *	overflow, a weak one	-> the same at a Korean syllable boundary
 *	overflow, none		-> end the line before this cluster (one
 *				   cluster earlier if that keeps closing
 *				   punctuation off the next line's start)
 *	overflow, only spaces	-> an empty line, the cluster starts the next
 *	overflow, empty line	-> the cluster is wider than the width: it
 *				   gets the line to itself
 *	LF			-> end the line
 *
 * Resuming re-walks the clusters carried to the new line, which is at most
 * one line's worth, so the whole is linear in the paragraph.
 *
 * u8_grapheme_next() of libunistring 1.0 does not join ZWJ emoji sequences
 * or flag pairs (it only looks at two characters at a time), so clusters
 * come from utf8_grapheme_breaks(), a fast path around libunistring's
 * u8_grapheme_breaks(), which does; see the conformance test.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>

#include "layout.h"
#include "xmalloc.h"

/* The walk over one paragraph; see the top of the file. */
struct layout_walk {
	struct layout	*l;
	size_t		 para;
	size_t		 first;		/* l->nlines before this paragraph */
	const char	*t;		/* sanitised text, tabs kept */
	size_t		 n;
	const char	*lb;		/* UC_BREAK_* before each byte */
	const char	*gb;		/* 1 where a cluster starts */
	unsigned char	*cw;		/* 1 + cells, where the walk measured */
	int		 width;
	int		 amb;

	size_t		 ls;		/* where the line starts */
	int		 col;		/* cells so far, hanging spaces too */
	size_t		 end;		/* end of the last non-space cluster */
	int		 endw;		/* cells up to end */
	size_t		 cand;		/* last break opportunity, or ls */
	size_t		 cand_end;	/* end and endw at cand */
	int		 cand_w;
	size_t		 weak;		/* the same for a weak opportunity */
	size_t		 weak_end;
	int		 weak_w;
};

void
layout_init(struct layout *l)
{
	memset(l, 0, sizeof *l);
}

/* Forget the lines but keep the memory, for a relayout. */
void
layout_clear(struct layout *l)
{
	l->nlines = 0;
	l->textlen = 0;
}

void
layout_free(struct layout *l)
{
	free(l->lines);
	free(l->text);
	free(l->cells);
	free(l->scratch);
	layout_init(l);
}

const char *
layout_line_text(const struct layout *l, size_t i)
{
	return l->text + l->lines[i].off;
}

/* Room for n more bytes of line text. */
static void
layout_text_grow(struct layout *l, size_t n)
{
	if (l->textlen + n <= l->textcap)
		return;
	while (l->textlen + n > l->textcap)
		l->textcap = l->textcap < 256 ? 256 : l->textcap * 2;
	l->text = xrealloc(l->text, l->textcap);
	l->cells = xrealloc(l->cells, l->textcap);
}

/* Append t[from..to), tabs expanded from the line start, as a line. */
static void
layout_emit(struct layout_walk *w, size_t from, size_t to, int width)
{
	struct layout		*l = w->l;
	struct layout_line	*ln;
	size_t			 i, j;
	int			 col = 0, k;

	if (l->nlines == l->cap) {
		l->cap = l->cap < 16 ? 16 : l->cap * 2;
		l->lines = xreallocarray(l->lines, l->cap, sizeof *l->lines);
	}
	ln = &l->lines[l->nlines++];
	ln->para = w->para;
	ln->poff = from;
	ln->plen = to - from;
	ln->off = l->textlen;
	ln->width = width;
	ln->cont = l->nlines - 1 > w->first;

	if (memchr(w->t + from, '\t', to - from) == NULL) {
		layout_text_grow(l, to - from + 1);
		memcpy(l->text + l->textlen, w->t + from, to - from);
		memcpy(l->cells + l->textlen, w->cw + from, to - from);
		l->textlen += to - from;
	} else {
		layout_text_grow(l, (to - from) * UTF8_TABSTOP + 1);
		for (i = from; i < to; i = j) {
			for (j = i + 1; j < to && !w->gb[j]; j++)
				/* nothing */;
			if (w->t[i] == '\t') {
				k = UTF8_TABSTOP - col % UTF8_TABSTOP;
				memset(l->text + l->textlen, ' ', k);
				memset(l->cells + l->textlen, 2, k);
				l->textlen += k;
				col += k;
				continue;
			}
			memcpy(l->text + l->textlen, w->t + i, j - i);
			memcpy(l->cells + l->textlen, w->cw + i, j - i);
			l->textlen += j - i;
			col += w->cw[i] - 1;
		}
	}
	ln->len = l->textlen - ln->off;
	l->cells[l->textlen] = 0;
	l->text[l->textlen++] = '\0';
}

/* Start a new line at from. */
static void
layout_walk_reset(struct layout_walk *w, size_t from)
{
	w->ls = w->end = w->cand = w->cand_end = from;
	w->weak = w->weak_end = from;
	w->col = w->endw = w->cand_w = w->weak_w = 0;
}

/* Does s (a UTF-8 list) hold the character uc? */
static int
layout_in_set(const char *set, uint32_t uc)
{
	char	buf[5];

	buf[utf8_encode(uc, buf)] = '\0';
	return strstr(set, buf) != NULL;
}

/* Characters that must not start a line (kinsoku), for forced breaks. */
static int
layout_no_start(uint32_t uc)
{
	return layout_in_set(")]},.:;!?%»›"
	    "、。，．・：；？！）」』】〕〉》〙〗｝］｣”’…‥ー々ゝゞ〻"
	    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳ", uc);
}

/* Characters that must not end a line, for forced breaks. */
static int
layout_no_end(uint32_t uc)
{
	return layout_in_set("([{«‹「『【〔〈《〘〖｛［（｢“‘", uc);
}

/* An opportunity keep-all took away, still good for a forced break. */
#define LAYOUT_BREAK_WEAK 16

/*
 * Korean keep-all: drop the opportunities between a Hangul character and
 * anything but a space or a dash, so words (with their particles, quotes
 * and brackets) stay whole, as CSS word-break: keep-all does.  Those
 * between syllables or before a bracket are kept as weak ones, for a word
 * too long for the line; a particle after Latin or a bracket ("MOU를",
 * "(SBA)이") is never split off.
 */
static void
layout_keep_all(const char *t, size_t n, char *lb)
{
	const unsigned char	*p = (const unsigned char *)t;
	uint32_t		 prev = ' ', uc;
	size_t			 i, k;

	/* No lead byte of Hangul (U+1100-11FF, 3130-318F, A960-D7FF)? */
	for (i = 0; i < n; i++) {
		if (p[i] == 0xe1 || (p[i] >= 0xea && p[i] <= 0xed) ||
		    (p[i] == 0xe3 && i + 1 < n && p[i + 1] >= 0x84 &&
		    p[i + 1] <= 0x86))
			break;
	}
	if (i == n)
		return;
	for (i = 0; i < n; i += k) {
		k = utf8_decode(t + i, n - i, &uc);
		if (lb[i] == UC_BREAK_POSSIBLE &&
		    (utf8_is_hangul(uc) || utf8_is_hangul(prev)) &&
		    prev != ' ' && prev != '\t' && prev != 0x3000 &&
		    prev != '-' && prev != '/' && !(prev >= 0x2010 &&
		    prev <= 0x2015)) {
			if (utf8_is_hangul(uc) && !utf8_is_hangul(prev))
				lb[i] = UC_BREAK_PROHIBITED;
			else
				lb[i] = LAYOUT_BREAK_WEAK;
		}
		prev = uc;
	}
}

/*
 * French puts a space inside guillemets, often a plain one: "« mot »".
 * UAX #14 allows a break after any space (LB18 comes before LB19), so
 * keep "« " with the word after it and " »" with the word before it.
 */
static void
layout_keep_guillemets(const char *t, size_t n, char *lb)
{
	const char	*p = t, *end = t + n, *q;

	while ((p = memchr(p, 0xc2, end - p)) != NULL && p + 1 < end) {
		p++;
		if ((unsigned char)*p == 0xab) {
			for (q = p + 1; q < end && *q == ' '; q++)
				/* nothing */;
			if (q < end && lb[q - t] == UC_BREAK_POSSIBLE)
				lb[q - t] = UC_BREAK_PROHIBITED;
		} else if ((unsigned char)*p == 0xbb && p - 1 > t &&
		    p[-2] == ' ' && lb[p - 1 - t] == UC_BREAK_POSSIBLE)
			lb[p - 1 - t] = UC_BREAK_PROHIBITED;
	}
}

/* The first character of the cluster at a. */
static uint32_t
layout_first(const struct layout_walk *w, size_t a)
{
	uint32_t	uc;

	utf8_decode(w->t + a, w->n - a, &uc);
	return uc;
}

/* Start of the cluster before the one at a (a > 0). */
static size_t
layout_prev(const struct layout_walk *w, size_t a)
{
	while (--a > 0 && !w->gb[a])
		/* nothing */;
	return a;
}

/* Cells of t[from..to), tabs counted from from. */
static int
layout_measure(const struct layout_walk *w, size_t from, size_t to)
{
	size_t	a, b;
	int	col = 0;

	for (a = from; a < to; a = b) {
		for (b = a + 1; b < to && !w->gb[b]; b++)
			/* nothing */;
		if (w->t[a] == '\t')
			col += UTF8_TABSTOP - col % UTF8_TABSTOP;
		else
			col += utf8_cluster_width(w->t + a, b - a, w->amb);
	}
	return col;
}

/*
 * Nothing fits and there is no opportunity: end the line before the
 * cluster at a, or a few clusters earlier so that neither a closing mark
 * nor a space starts the next line and no opening mark ends this one.
 * Return where the next line starts.
 */
static size_t
layout_force(struct layout_walk *w, size_t a)
{
	size_t	brk = a, p, end;
	int	steps;

	for (steps = 0;; steps++) {
		p = layout_prev(w, brk);
		if (!layout_no_start(layout_first(w, brk)) &&
		    w->t[brk] != ' ' && w->t[brk] != '\t' &&
		    !layout_no_end(layout_first(w, p)))
			break;
		if (p <= w->ls || steps == 8) {
			brk = a;	/* no better place: cut at a */
			break;
		}
		brk = p;
	}
	if (brk == a) {
		layout_emit(w, w->ls, w->end, w->endw);
		return a;
	}
	for (end = brk; end > w->ls && (w->t[end - 1] == ' ' ||
	    w->t[end - 1] == '\t'); end--)
		/* nothing */;
	layout_emit(w, w->ls, end, layout_measure(w, w->ls, end));
	return brk;
}

/* Walk the clusters of one paragraph; see the top of the file. */
static void
layout_walk_para(struct layout_walk *w)
{
	size_t	a, b;
	int	cw, space;

	layout_walk_reset(w, 0);
	for (a = 0; a < w->n; a = b) {
		for (b = a + 1; b < w->n && !w->gb[b]; b++)
			/* nothing */;
		if (w->t[a] == '\n') {
			layout_emit(w, w->ls, w->end, w->endw);
			layout_walk_reset(w, b);
			continue;
		}
		if (a > w->ls && w->lb[a] == UC_BREAK_POSSIBLE) {
			w->cand = a;
			w->cand_end = w->end;
			w->cand_w = w->endw;
		} else if (a > w->ls && w->lb[a] == LAYOUT_BREAK_WEAK) {
			w->weak = a;
			w->weak_end = w->end;
			w->weak_w = w->endw;
		}
		space = w->t[a] == ' ' || w->t[a] == '\t';
		if (w->t[a] == '\t')
			cw = UTF8_TABSTOP - w->col % UTF8_TABSTOP;
		else if (b == a + 1)
			cw = 1;		/* printable ASCII: all else is gone */
		else
			cw = utf8_cluster_width(w->t + a, b - a, w->amb);
		w->cw[a] = (unsigned char)(1 + (w->t[a] == '\t' ? 1 : cw));

		if (!space && w->col + cw > w->width) {
			if (w->cand > w->ls) {
				layout_emit(w, w->ls, w->cand_end, w->cand_w);
				b = w->cand;
				layout_walk_reset(w, b);
				continue;
			}
			if (w->weak > w->ls) {
				layout_emit(w, w->ls, w->weak_end, w->weak_w);
				b = w->weak;
				layout_walk_reset(w, b);
				continue;
			}
			if (w->end > w->ls) {
				b = layout_force(w, a);
				layout_walk_reset(w, b);
				continue;
			}
			if (a > w->ls) {
				/* Only spaces before it: leave them behind. */
				layout_emit(w, w->ls, w->ls, 0);
				b = a;
				layout_walk_reset(w, b);
				continue;
			}
			/* Wider than the width: alone on its line. */
		}
		if (!space) {
			w->end = b;
			w->endw = w->col + cw;
		}
		w->col += cw;
	}
	layout_emit(w, w->ls, w->end, w->endw);
}

/*
 * Lay out paragraph para, text[0..len) in any state (it is sanitised
 * here), at width cells, appending its lines to l.  An empty paragraph
 * gives one empty line; LF in the text ends a line.
 */
void
layout_wrap(struct layout *l, size_t para, const char *text, size_t len,
    int width, const struct layout_opts *opts)
{
	struct layout_walk	 w;
	char			*t;
	size_t			 n;

	t = utf8_sanitize_keep_tabs(text, len, &n);
	/* At least one byte: scratch + n must point into an allocation even
	   for an empty paragraph (NULL + 0 is undefined). */
	if (l->scratchcap < 3 * n + 1) {
		l->scratchcap = 3 * n + 1;
		free(l->scratch);
		l->scratch = xmalloc(l->scratchcap);
	}
	u8_possible_linebreaks((const uint8_t *)t, n, "UTF-8", l->scratch);
	utf8_grapheme_breaks(t, n, l->scratch + n);
	if (opts == NULL || opts->korean_break == LAYOUT_KOREAN_KEEP_ALL)
		layout_keep_all(t, n, l->scratch);
	layout_keep_guillemets(t, n, l->scratch);

	memset(&w, 0, sizeof w);
	w.l = l;
	w.para = para;
	w.first = l->nlines;
	w.t = t;
	w.n = n;
	w.lb = l->scratch;
	w.gb = l->scratch + n;
	w.cw = (unsigned char *)l->scratch + 2 * n;
	memset(w.cw, 0, n);
	w.width = width < 1 ? 1 : width;
	w.amb = utf8_ambiguous_cells(opts);
	layout_walk_para(&w);
	free(t);
}

/*
 * Cut s[0..len) to at most cells cells at a grapheme boundary, ending in
 * "…" if anything was cut; the ellipsis is left out if it alone is wider
 * than cells (an ambiguous-wide "…" in one cell).  The result is sanitised
 * and on one line (LF becomes a space).
 */
char *
layout_truncate(const char *s, size_t len, int cells,
    const struct layout_opts *opts)
{
	char	*t, *brk, *out;
	size_t	 n, i, a, b, cut = 0;
	int	 amb, ew, w = 0;

	amb = utf8_ambiguous_cells(opts);
	t = utf8_sanitize(s, len, &n, opts);
	for (i = 0; i < n; i++) {
		if (t[i] == '\n')
			t[i] = ' ';
	}
	ew = amb <= cells ? amb : 0;
	brk = xmalloc(n + 1);
	utf8_grapheme_breaks(t, n, brk);
	for (a = 0; a < n; a = b) {
		for (b = a + 1; b < n && !brk[b]; b++)
			/* nothing */;
		w += utf8_cluster_width(t + a, b - a, amb);
		if (w + ew <= cells)
			cut = b;
	}
	free(brk);
	if (w <= cells)
		return t;
	out = xmalloc(cut + 4);
	memcpy(out, t, cut);
	if (ew > 0)
		memcpy(out + cut, "…", 3);
	out[cut + (ew > 0 ? 3 : 0)] = '\0';
	free(t);
	return out;
}

/* s fitted to exactly cells cells: truncated if wider, else space-padded. */
char *
layout_pad(const char *s, size_t len, int cells,
    const struct layout_opts *opts)
{
	char	*t;
	size_t	 n;
	int	 w;

	t = layout_truncate(s, len, cells, opts);
	n = strlen(t);
	w = utf8_width(t, n, opts);
	if (w >= cells)
		return t;
	t = xrealloc(t, n + (cells - w) + 1);
	memset(t + n, ' ', cells - w);
	t[n + (cells - w)] = '\0';
	return t;
}

/*
 * Every line, padded to width and between two copies of edge, one per
 * text line: "|서울시와 서울경제진흥원  |".  For tests and debugging.
 */
char *
layout_render(const struct layout *l, int width, const char *edge)
{
	const struct layout_line	*ln;
	size_t				 i, size = 1, elen = strlen(edge), o = 0;
	char				*out;
	int				 pad;

	for (i = 0; i < l->nlines; i++) {
		ln = &l->lines[i];
		pad = ln->width < width ? width - ln->width : 0;
		size += ln->len + pad + 2 * elen + 1;
	}
	out = xmalloc(size);
	for (i = 0; i < l->nlines; i++) {
		ln = &l->lines[i];
		pad = ln->width < width ? width - ln->width : 0;
		memcpy(out + o, edge, elen);
		memcpy(out + o + elen, l->text + ln->off, ln->len);
		o += elen + ln->len;
		memset(out + o, ' ', pad);
		memcpy(out + o + pad, edge, elen);
		o += pad + elen;
		out[o++] = '\n';
	}
	out[o] = '\0';
	return out;
}
