/*
 * out.c: sanitised output for the command line (see out.h).
 *
 * The old rule sanitised only when stdout or stderr was a terminal; but a
 * pipe into less -R or a file cat-ed later reaches a terminal too, and
 * /dev/tty named with -o is not stdout.  So there is no test of the
 * destination here: everything is sanitised, always.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>

#include "out.h"
#include "utf8.h"
#include "xmalloc.h"

/* Write s through one of utf8.h's sanitisers. */
static void
out_put(FILE *f, const char *s, size_t len,
    char *(*clean)(const char *, size_t, size_t *,
    const struct layout_opts *))
{
	char	*t;
	size_t	 n;

	if (s == NULL)
		return;
	t = clean(s, len, &n, NULL);
	fwrite(t, 1, n, f);
	free(t);
}

void
out_field(FILE *f, const char *s, size_t len)
{
	out_put(f, s, len, utf8_sanitize_line);
}

void
out_text(FILE *f, const char *s, size_t len)
{
	out_put(f, s, len, utf8_sanitize);
}

void
out_line(FILE *f, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 n;

	va_start(ap, fmt);
	n = xvasprintf(&s, fmt, ap);
	va_end(ap);
	out_field(f, s, (size_t)n);
	fputc('\n', f);
	free(s);
}
