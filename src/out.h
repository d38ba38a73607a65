/*
 * out.h: the one layer through which the command line prints text that
 * came from outside (article fields, comment text, the login identity,
 * file names and URLs in messages).
 *
 * Whatever the destination (a terminal, a pipe into less -R, a file that
 * is later cat-ed), every byte goes through the sanitiser of utf8.h: no
 * escape sequence, C1 control, bidi control or invalid UTF-8 gets out.
 * A one-line field also loses its line and paragraph separators (LF,
 * CR, VT, FF, NEL, U+2028, U+2029), which become spaces, so it cannot
 * forge a row of a list or the header of a comment.  Machine formats
 * (JSON, tandem-article(5)) do not come here: they keep text exact and
 * escape it by their own rules.
 */
#ifndef TANDEM_OUT_H
#define TANDEM_OUT_H

#include <stdio.h>

/* A one-line field, s[0..len); NULL prints nothing. */
void	out_field(FILE *, const char *, size_t);

/* Body text, s[0..len): its line breaks are kept. */
void	out_text(FILE *, const char *, size_t);

/*
 * One line, from a format of ours and fields from anywhere: the whole
 * formatted line is sanitised as one field, then a newline follows.
 */
void	out_line(FILE *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
