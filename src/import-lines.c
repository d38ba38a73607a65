/*
 * import-lines.c: the input as clean lines, and what the parsers do with
 * it besides parsing: hash it, derive a title, name a position in an
 * error, end the article in the sink.  See import-lines.h.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import-lines.h"
#include "utf8-text.h"
#include "xmalloc.h"

/* Split into clean lines; warn once per line with invalid bytes. */
void
import_lines_split(struct import_lines *il, const char *buf, size_t len,
    const struct import_options *io)
{
	const char	*p = buf, *end = buf + len, *nl;
	size_t		 cap = 0, l, bad;
	char		*msg;

	il->n = 0;
	il->text = NULL;
	il->len = NULL;
	while (p < end) {
		nl = memchr(p, '\n', end - p);
		l = (nl ? nl : end) - p;
		if (l > 0 && p[l - 1] == '\r')
			l--;
		if (il->n == cap) {
			cap = cap ? cap * 2 : 64;
			il->text = xreallocarray(il->text, cap, sizeof *il->text);
			il->len = xreallocarray(il->len, cap, sizeof *il->len);
		}
		il->text[il->n] = utf8_text_clean(p, l, &il->len[il->n], &bad);
		il->n++;
		if (bad > 0 && io != NULL && io->warn != NULL) {
			xasprintf(&msg, "%s:%zu: invalid UTF-8 replaced with "
			    "U+FFFD (%zu sequence%s)", il->name, il->n, bad,
			    bad == 1 ? "" : "s");
			io->warn(io->warn_arg, msg);
			free(msg);
		}
		p += (nl ? (size_t)(nl - p) + 1 : l);
		if (nl == NULL)
			break;
	}
}

void
import_lines_free(struct import_lines *il)
{
	size_t	i;

	for (i = 0; i < il->n; i++)
		free(il->text[i]);
	free(il->text);
	free(il->len);
}

void
import_lines_error(char **cause, const struct import_lines *il, size_t line,
    const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	if (line > 0)
		xasprintf(cause, "%s:%zu: %s", il->name, line, msg);
	else
		xasprintf(cause, "%s: %s", il->name, msg);
	free(msg);
}

void
import_lines_sink_error(char **cause, const struct import_lines *il,
    size_t line)
{
	char	*inner = *cause;

	import_lines_error(cause, il, line, "%s",
	    inner ? inner : "storing failed");
	free(inner);
}

/*
 * Two independent 64-bit FNV-1a style hashes over the lines with their
 * separators: an identity for articles without a URL, not a defence.
 */
void
import_lines_key(const struct import_lines *il, char out[IMPORT_KEY_LEN + 1])
{
	uint64_t	a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
	size_t		i, j;

	for (i = 0; i < il->n; i++) {
		for (j = 0; j <= il->len[i]; j++) {
			unsigned char c = j < il->len[i] ?
			    (unsigned char)il->text[i][j] : '\n';

			a = (a ^ c) * 0x100000001b3ULL;
			b = (b ^ c) * 0x100000001b3ULL;
			b ^= b >> 29;
		}
	}
	snprintf(out, IMPORT_KEY_LEN + 1, "%016llx%016llx",
	    (unsigned long long)a, (unsigned long long)b);
}

char *
import_lines_title(const char *para, size_t len)
{
	const char	*t;
	size_t		 tlen;

	t = utf8_text_trim(para, len, &tlen);
	tlen = utf8_text_sentence(t, tlen);
	t = utf8_text_trim(t, tlen, &tlen);
	return utf8_text_shorten(t, tlen, IMPORT_TITLE_CELLS);
}

int
import_lines_begin(const struct import_lines *il, struct import_sink *sink,
    const struct import_article *ia, char **cause)
{
	if (sink->begin(sink->arg, ia, cause) != 0) {
		import_lines_sink_error(cause, il, 0);
		return -1;
	}
	return 0;
}

/*
 * End an article in the sink: keep it if every event went in (emitted
 * is 0), else throw it away.  Returns 0 or -1 with *cause set.
 */
int
import_lines_finish(const struct import_lines *il, struct import_sink *sink,
    int emitted, char **cause)
{
	char	*ignored = NULL;

	if (emitted != 0) {
		sink->end(sink->arg, 0, &ignored);
		free(ignored);
		return -1;
	}
	if (sink->end(sink->arg, 1, cause) != 0) {
		import_lines_sink_error(cause, il, 0);
		return -1;
	}
	return 0;
}
