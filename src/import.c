/*
 * import.c: the common front of the importers.
 *
 * import_file() reads one input file with its hostile cases in mind (a
 * directory, a FIFO, a device, an empty or binary or huge file), splits
 * it into lines that are valid NFC UTF-8 (warning, with the line number,
 * where bytes had to be replaced), recognises the format and hands the
 * lines to import-page.c or import-article.c, which emit events into
 * the sink.  Memory is bounded by IMPORT_MAX_BYTES.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import-int.h"
#include "utf8-text.h"
#include "xmalloc.h"

#define IMPORT_MAX_BYTES	(64UL * 1024 * 1024)
#define IMPORT_BINARY_PROBE	8192

void
import_error(char **cause, const struct import_lines *il, size_t line,
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
import_sink_error(char **cause, const struct import_lines *il, size_t line)
{
	char	*inner = *cause;

	import_error(cause, il, line, "%s", inner ? inner : "storing failed");
	free(inner);
}

/*
 * Two independent 64-bit FNV-1a style hashes over the lines with their
 * separators: an identity for articles without a URL, not a defence.
 */
void
import_key(const struct import_lines *il, char out[IMPORT_KEY_LEN + 1])
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
import_derive_title(const char *para, size_t len)
{
	const char	*t;
	size_t		 tlen;

	t = utf8_text_trim(para, len, &tlen);
	tlen = utf8_text_sentence(t, tlen);
	t = utf8_text_trim(t, tlen, &tlen);
	return utf8_text_shorten(t, tlen, IMPORT_TITLE_CELLS);
}

/*
 * End an article in the sink: keep it if every event went in (emitted
 * is 0), else throw it away.  Returns 0 or -1 with *cause set.
 */
int
import_finish(const struct import_lines *il, struct import_sink *sink,
    int emitted, char **cause)
{
	char	*ignored = NULL;

	if (emitted != 0) {
		sink->end(sink->arg, 0, &ignored);
		free(ignored);
		return -1;
	}
	if (sink->end(sink->arg, 1, cause) != 0) {
		import_sink_error(cause, il, 0);
		return -1;
	}
	return 0;
}

/* Split into clean lines; warn once per line with invalid bytes. */
static void
import_split(struct import_lines *il, const char *buf, size_t len,
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

static void
import_lines_free(struct import_lines *il)
{
	size_t	i;

	for (i = 0; i < il->n; i++)
		free(il->text[i]);
	free(il->text);
	free(il->len);
}

/* Looks like a binary file: NUL bytes early on. */
static int
import_is_binary(const char *buf, size_t len)
{
	return memchr(buf, '\0', len < IMPORT_BINARY_PROBE ? len :
	    IMPORT_BINARY_PROBE) != NULL;
}

int
import_buffer(const char *name, const char *buf, size_t len,
    const struct import_options *io, struct import_sink *sink, char **cause)
{
	struct import_lines	 il;
	enum import_format	 fmt;
	size_t			 i;
	int			 rc;

	il.name = name;
	il.source = (io != NULL && io->source != NULL) ? io->source : name;
	if (len == 0) {
		xasprintf(cause, "%s: empty file", name);
		return -1;
	}
	if (import_is_binary(buf, len)) {
		xasprintf(cause, "%s: binary data (NUL bytes), not text", name);
		return -1;
	}
	import_split(&il, buf, len, io);
	for (i = 0; i < il.n; i++)
		if (il.len[i] > 0 && il.text[i][strspn(il.text[i], " \t")] != 0)
			break;
	if (i == il.n) {
		xasprintf(cause, "%s: no article text (only blank lines)", name);
		import_lines_free(&il);
		return -1;
	}
	fmt = io != NULL ? io->format : IMPORT_FORMAT_AUTO;
	if (fmt == IMPORT_FORMAT_AUTO)
		fmt = import_article_detect(&il) ? IMPORT_FORMAT_ARTICLE :
		    IMPORT_FORMAT_PAGE;
	if (fmt == IMPORT_FORMAT_ARTICLE)
		rc = import_article(&il, sink, cause);
	else
		rc = import_page(&il, sink, cause);
	import_lines_free(&il);
	return rc;
}

/* Read a whole regular file (or stdin), bounded by IMPORT_MAX_BYTES. */
static int
import_read(const char *path, char **out, size_t *outlen, char **cause)
{
	struct stat	 sb;
	char		*buf = NULL;
	size_t		 len = 0, cap = 0;
	ssize_t		 n;
	int		 fd;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		xasprintf(cause, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fd != STDIN_FILENO) {
		if (fstat(fd, &sb) == -1) {
			xasprintf(cause, "%s: %s", path, strerror(errno));
			close(fd);
			return -1;
		}
		if (!S_ISREG(sb.st_mode)) {
			xasprintf(cause, "%s: %s", path, S_ISDIR(sb.st_mode) ?
			    "is a directory" : "not a regular file");
			close(fd);
			return -1;
		}
		/* Fail before reading a file already too large (a sparse
		   1 GB file would cost 64 MiB of reading first); one that
		   grows while read is still stopped by the loop below. */
		if ((uintmax_t)sb.st_size > IMPORT_MAX_BYTES) {
			xasprintf(cause, "%s: too large (the limit is %lu MiB)",
			    path, IMPORT_MAX_BYTES >> 20);
			close(fd);
			return -1;
		}
		/* Regular files never block; reads below may now wait. */
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	}
	for (;;) {
		if (len == cap) {
			if (cap >= IMPORT_MAX_BYTES) {
				xasprintf(cause, "%s: too large (the limit is "
				    "%lu MiB)", path, IMPORT_MAX_BYTES >> 20);
				goto fail;
			}
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap);
		}
		n = read(fd, buf + len, cap - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			xasprintf(cause, "%s: %s", path, strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	*out = buf;
	*outlen = len;
	return 0;
fail:
	if (fd != STDIN_FILENO)
		close(fd);
	free(buf);
	return -1;
}

int
import_file(const char *path, const struct import_options *io,
    struct import_sink *sink, char **cause)
{
	struct import_options	 o;
	char			*buf, *real = NULL;
	size_t			 len;
	int			 rc;

	if (import_read(path, &buf, &len, cause) != 0)
		return -1;
	if (io != NULL)
		o = *io;
	else
		memset(&o, 0, sizeof o);
	/* The source of a file is its absolute path, whatever the cwd. */
	if (o.source == NULL && strcmp(path, "-") != 0 &&
	    (real = realpath(path, NULL)) != NULL)
		o.source = real;
	rc = import_buffer(strcmp(path, "-") == 0 ? "(stdin)" : path, buf,
	    len, &o, sink, cause);
	free(real);
	free(buf);
	return rc;
}
