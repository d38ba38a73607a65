/*
 * span.c: finding a needle in a span (see span.h).
 *
 * Plain byte comparison after folding: ASCII case and LF as a space.  Both
 * the text and the needle are UTF-8, so a match of valid UTF-8 needle
 * bytes starts and ends on character boundaries of valid text.
 */
#include "config.h"

#include <string.h>

#include "span.h"

static unsigned char
span_fold(unsigned char c)
{
	if (c == '\n')
		return ' ';
	if (c >= 'A' && c <= 'Z')
		return (unsigned char)(c - 'A' + 'a');
	return c;
}

/*
 * Find needle in sp->text at or after byte from: 1 and its bytes
 * [*start, *end), or 0 if it is not there (or is empty).
 */
int
span_find(const struct span *sp, size_t from, const char *needle,
    size_t *start, size_t *end)
{
	const unsigned char	*t = (const unsigned char *)sp->text;
	const unsigned char	*n = (const unsigned char *)needle;
	size_t			 nl = strlen(needle), i, k;

	if (nl == 0 || nl > sp->len)
		return 0;
	for (i = from; i + nl <= sp->len; i++) {
		for (k = 0; k < nl; k++)
			if (span_fold(t[i + k]) != span_fold(n[k]))
				break;
		if (k == nl) {
			*start = i;
			*end = i + nl;
			return 1;
		}
	}
	return 0;
}
