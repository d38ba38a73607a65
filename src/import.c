/*
 * import.c: the common front of the importers.
 *
 * import_file() reads one input file with its hostile cases in mind (a
 * directory, a FIFO, a device, an empty or binary or huge file), splits
 * it into lines that are valid NFC UTF-8 (import-lines.c, warning with
 * the line number where bytes had to be replaced), recognises the format
 * and hands the lines to import-page.c or import-article.c, which emit
 * events into the sink.  Before that, sniff_format() (sniff.c) tells
 * by content what is not text: JSON goes whole to json-import.c, HTML
 * to story.c (one page, its translations not fetched); feeds, other
 * XML, UTF-16 and binary data are refused, never stored as text.
 * Memory is bounded by IMPORT_MAX_BYTES read and what import-lines.h
 * details: about twice the input for the lines (up to four times when
 * every byte is invalid), never a copy per line.  The
 * parsers call back only into import-lines.c, never into this file.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import-int.h"
#include "json-import.h"
#include "sniff.h"
#include "story.h"
#include "utf8.h"
#include "xmalloc.h"

#define IMPORT_MAX_BYTES	(64UL * 1024 * 1024)
#define IMPORT_BINARY_PROBE	8192

#define IMPORT_UTF8_PROBE	4096

/* More than a third of the first 4 KB in ill-formed UTF-8 sequences (a
   sequence cut by the end of the probe does not count). */
static int
import_not_utf8(const char *buf, size_t len)
{
	size_t		n = len < IMPORT_UTF8_PROBE ? len : IMPORT_UTF8_PROBE;
	size_t		i, k, bad = 0;
	uint32_t	uc;

	for (i = 0; i < n; i += k) {
		k = utf8_decode(buf + i, len - i, &uc);
		if (uc == UTF8_BAD)
			bad += k;
	}
	return bad * 3 > n;
}

/* Why bytes that look like no markup and no JSON are not text either,
   or NULL when they are. */
static const char *
import_not_text(const char *buf, size_t len)
{
	const unsigned char	*u = (const unsigned char *)buf;

	if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff)))
		return "UTF-16 text: convert it to UTF-8 "
		    "(iconv -f UTF-16 -t UTF-8)";
	if (memchr(buf, '\0', len < IMPORT_BINARY_PROBE ? len :
	    IMPORT_BINARY_PROBE) != NULL)
		return "binary data (NUL bytes), not text";
	if (import_not_utf8(buf, len))
		return "binary data (mostly not UTF-8), not text";
	return NULL;
}

/*
 * Hand JSON and HTML to their importers, or refuse what is not text;
 * returns 1 when the content was dealt with (rc set), 0 for text.  The
 * kind comes from sniff_format() (sniff.h), before any check of the
 * bytes as UTF-8: a page may be in any charset, which story.c decodes.
 */
static int
import_by_content(const char *name, const char *source, const char *buf,
    size_t len, const struct import_options *io, struct import_sink *sink,
    char **cause, int *rc)
{
	static const struct import_options	 none;
	struct story_opts			 so;
	enum sniff_kind				 kind;
	const char				*why;
	size_t					 bom;

	if (io == NULL)
		io = &none;
	kind = io->format == IMPORT_FORMAT_JSON ? SNIFF_JSON :
	    sniff_format(buf, len);
	*rc = -1;
	switch (kind) {
	case SNIFF_TEXT:
		if ((why = import_not_text(buf, len)) == NULL)
			return 0;
		xasprintf(cause, "%s: %s", name, why);
		return 1;
	case SNIFF_JSON:
		bom = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
		*rc = json_import(name, source, buf + bom, len - bom, io,
		    sink, cause);
		return 1;
	case SNIFF_HTML:
		memset(&so, 0, sizeof so);
		so.langs = io->langs;
		so.encoding = io->encoding;
		so.warn = io->warn;
		so.arg = io->warn_arg;
		*rc = story_import_html(name, source, buf, len, &so, sink,
		    cause);
		return 1;
	case SNIFF_FEED:
		xasprintf(cause, "%s: %s", name, SNIFF_FEED_REFUSAL);
		return 1;
	case SNIFF_XML:
		xasprintf(cause, "%s: an XML document, neither a feed nor "
		    "HTML, not an article", name);
		return 1;
	}
	return 1;
}

int
import_buffer(const char *name, const char *buf, size_t len,
    const struct import_options *io, struct import_sink *sink, char **cause)
{
	struct import_lines	 il;
	enum import_format	 fmt;
	int			 rc;

	il.name = name;
	il.source = (io != NULL && io->source != NULL) ? io->source : name;
	if (len == 0) {
		xasprintf(cause, "%s: empty file", name);
		return -1;
	}
	if (import_by_content(name, il.source, buf, len, io, sink, cause,
	    &rc))
		return rc;
	import_lines_split(&il, buf, len, io);
	if (!import_lines_has_text(&il)) {
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
