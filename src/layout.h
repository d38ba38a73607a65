/*
 * layout.h: UTF-8 paragraphs -> display lines at a width in cells.
 *
 * layout_wrap() sanitises one paragraph (utf8.h), breaks it into lines no
 * wider than the width and appends one struct layout_line per line to a
 * struct layout.  The layout owns the bytes of every line, sanitised and
 * with tabs already expanded, so the curses layer prints
 * layout->text[off .. off + len) of a line and knows it is `width' cells:
 * it never measures, sanitises or wraps again: layout->cells says, for
 * each byte of layout->text, 1 + the cells of the grapheme cluster that
 * starts there, or 0 inside a cluster.  Nothing here draws.
 *
 * Breaking follows UAX #14 (libunistring): Latin breaks at spaces, CJK
 * between characters but never before closing punctuation such as 。、，」）
 * or after opening punctuation such as 「（ .  Korean breaks only at spaces
 * unless korean_break is LAYOUT_KOREAN_NORMAL.  Spaces at the end of a line
 * are not counted and not kept.  A word with no break opportunity that does
 * not fit (a URL, a long Korean word) is broken between grapheme clusters;
 * a cluster is never split.  The one line allowed to be wider than the
 * width is a single cluster wider than the whole width (a wide character in
 * a 1-cell pane): it gets a line to itself and its true width.
 *
 * Ambiguous width.  Some characters -- ▲ ‘ ’ “ ” … ° ± × § and most Greek
 * and Cyrillic letters among them -- are "East Asian Ambiguous": a
 * terminal draws them one cell wide or two, depending on how it was set
 * up, and tandem has no way to ask.  If tandem's idea differs from the
 * terminal's, lines overrun the pane or columns of side-by-side text drift
 * apart.  The "ambiguous width" setting (struct layout_opts, field
 * ambiguous) says what your terminal does: 1 for narrow, 2 for wide, or
 * auto, which means 2 when the LC_CTYPE locale's language is Korean,
 * Japanese or Chinese (ko, ja, zh) and 1 otherwise, the choice most
 * terminals make by default.  To check your terminal, print |▲▲| on one
 * line and |abcd| below it: if the bars line up, it draws ambiguous
 * characters two cells wide and the setting should be 2; if the first
 * line is two cells shorter, 1.  Terminals with a switch
 * for it: xterm (the cjkWidth resource), GNOME Terminal and other VTE
 * terminals (Profile, Compatibility, ambiguous-width characters), iTerm2
 * (a profile setting for double-width ambiguous characters).  Inside tmux
 * or screen, what counts is their own idea of the width, normally the C
 * library's wcwidth(), which is 1 on glibc: choose 1 there.
 */
#ifndef TANDEM_LAYOUT_H
#define TANDEM_LAYOUT_H

#include <stddef.h>

#include "span.h"
#include "utf8.h"

/* One display line: bytes of layout->text and what they look like. */
struct layout_line {
	size_t	para;		/* paragraph index given to layout_wrap() */
	size_t	off;		/* first byte in layout->text */
	size_t	len;		/* bytes; no trailing spaces, no LF */
	size_t	poff;		/* the same bytes in the sanitised paragraph */
	size_t	plen;		/*   (utf8_sanitize_keep_tabs), before tabs
				     were expanded: for search and selection */
	int	width;		/* cells */
	int	cont;		/* 0 for a paragraph's first line, else 1 */
};

/* A growing list of lines and the text they point into. */
struct layout {
	struct layout_line	*lines;
	size_t			 nlines;
	size_t			 cap;

	char			*text;	/* every line's bytes, NUL after each */
	unsigned char		*cells;	/* per byte of text: see above */
	size_t			 textlen;
	size_t			 textcap;

	char			*scratch;	/* per-paragraph break flags */
	size_t			 scratchcap;
};

void	 layout_init(struct layout *);
void	 layout_clear(struct layout *);
void	 layout_free(struct layout *);
void	 layout_wrap(struct layout *, size_t, const char *, size_t, int,
	     const struct layout_opts *);
const char *layout_line_text(const struct layout *, size_t);

char	*layout_truncate(const char *, size_t, int,
	     const struct layout_opts *);
char	*layout_pad(const char *, size_t, int, const struct layout_opts *);
char	*layout_render(const struct layout *, int, const char *);

#endif
