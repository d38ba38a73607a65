/*
 * import.c: the common front of the importers.
 *
 * import_file() reads one input file with its hostile cases in mind (a
 * directory, a FIFO, a device, an empty or binary or huge file), splits
 * it into lines that are valid NFC UTF-8 (import-lines.c, warning with
 * the line number where bytes had to be replaced), recognises the format
 * and hands the lines to import-page.c or import-article.c, which emit
 * events into the sink.  Memory is bounded by IMPORT_MAX_BYTES read and
 * what import-lines.h details: about twice the input for the lines (up
 * to four times when every byte is invalid), never a copy per line.  The
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
#include "xmalloc.h"

#define IMPORT_MAX_BYTES	(64UL * 1024 * 1024)
#define IMPORT_BINARY_PROBE	8192

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
