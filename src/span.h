/*
 * span.h: a run of UTF-8 text with its length, and styles over parts of it.
 *
 * Every layer passes paragraphs and display rows around as struct span:
 * the article model (article.h), the layout engine (layout.h), the
 * aligner (align.h), the reader model (view.h) and the curses layer.  A
 * span's bytes are not necessarily NUL-terminated and never modified
 * through it.  A span does not say who owns its bytes: the struct it sits
 * in does (an article's paragraphs own theirs and article_free() frees
 * them; a layout owns its rows' bytes; the aligner and the layout only
 * borrow what they are given).  This header includes nothing of ours, so
 * any header may include it.
 *
 * struct span_range marks bytes [start, end) of a span with a style the
 * model chose (a search match, a pair the aligner is unsure of, dim
 * filler); the UI maps each style to its colours.  Ranges do not overlap
 * and come in order.
 *
 * span_find() is the one search matcher: the reader model finds matches
 * with it and the UI only draws the ranges it is handed.  It compares
 * bytes with ASCII letters folded to lower case, and a line feed in the
 * text matches a space in the needle, so a phrase found in a paragraph is
 * found whether the paragraph breaks it across rows or across lines.
 */
#ifndef TANDEM_SPAN_H
#define TANDEM_SPAN_H

#include <stddef.h>

struct span {
	const char	*text;
	size_t		 len;		/* bytes, without any NUL */
};

enum span_style {
	SPAN_PLAIN = 0,
	SPAN_MATCH,			/* a search match */
	SPAN_LOW,			/* a pair the aligner is unsure of */
	SPAN_DIM,			/* filler, such as ~ past the end */
};

struct span_range {
	size_t		 start;		/* bytes into the span */
	size_t		 end;
	enum span_style	 style;
};

int	 span_find(const struct span *, size_t from, const char *needle,
	     size_t *start, size_t *end);

#endif
