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
 * to story.c (one page, its translations not fetched), a feed (RSS,
 * Atom, JSON Feed) to import-feed.c (an article per entry); other XML
 * and binary data are refused, never stored as text.  Text that is
 * not UTF-8 (UTF-16 with a byte order mark, EUC-KR, Shift_JIS ...) or
 * that --encoding names is first converted by charset.c, with one
 * warning for the file when its charset was guessed; valid UTF-8 is
 * read in place, as it is.
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

#include "charset.h"
#include "feed.h"
#include "import-int.h"
#include "json-import.h"
#include "sniff.h"
#include "story.h"
#include "utf8.h"
#include "xmalloc.h"

#define IMPORT_MAX_BYTES	(64UL * 1024 * 1024)
#define IMPORT_BINARY_PROBE	8192

static const struct import_options import_none;

/*
 * Is the text in some other charset than UTF-8?  Yes when the ill-formed
 * sequences outnumber the well-formed multibyte ones: a UTF-8 file with
 * a few stray bytes stays UTF-8 (import-lines.c replaces them, line by
 * line), while in EUC-KR, Shift_JIS, GB18030 or Big5 only a pair here
 * and there happens to be UTF-8.  One pass, ASCII a word at a time:
 * valid UTF-8 costs no more than reading it.
 */
static int
import_legacy(const char *buf, size_t len)
{
	size_t		i = 0, k, good = 0, bad = 0;
	uint64_t	w;
	uint32_t	uc;

	while (i < len) {
		if (len - i >= 8) {
			memcpy(&w, buf + i, 8);
			if ((w & 0x8080808080808080ULL) == 0) {
				i += 8;
				continue;
			}
		}
		if ((unsigned char)buf[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_decode(buf + i, len - i, &uc);
		if (uc == UTF8_BAD)
			bad++;
		else
			good++;
		i += k;
	}
	return bad > good;
}

/*
 * Is the text UTF-16 or UTF-32, where NUL bytes are part of the text: a
 * byte order mark says so, or --encoding does.
 */
static int
import_wide(const char *buf, size_t len, const char *encoding)
{
	const unsigned char	*u = (const unsigned char *)buf;
	const char		*name;

	if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff)))
		return 1;
	if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xfe && u[3] == 0xff)
		return 1;
	if (encoding == NULL || (name = charset_name(encoding)) == NULL)
		return 0;
	return strncmp(name, "utf-16", 6) == 0 || strncmp(name, "utf-32", 6) == 0;
}

/*
 * More than one byte in 50 of the first 8 KB a C0 control that no text
 * in an ASCII-compatible charset has: not tab, newlines, form feed, ESC
 * or SO/SI (ISO-2022 switches with those).  Random bytes have one in
 * ten.
 */
static int
import_controls(const char *buf, size_t len)
{
	const unsigned char	*u = (const unsigned char *)buf;
	size_t			 n = len < IMPORT_BINARY_PROBE ? len :
				     IMPORT_BINARY_PROBE;
	size_t			 i, bad = 0;

	for (i = 0; i < n; i++) {
		if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' &&
		    u[i] != '\v' && u[i] != '\f' && u[i] != '\r' &&
		    u[i] != 0x0e && u[i] != 0x0f && u[i] != 0x1b) ||
		    u[i] == 0x7f)
			bad++;
	}
	return bad * 50 > n;
}

/*
 * Why bytes that look like no markup and no JSON are not text either,
 * or NULL when they are; *convert says whether they must go through
 * charset_to_utf8() first.  Binary means NUL bytes outside UTF-16 or
 * UTF-32, or, in bytes that are not UTF-8, many control bytes.
 */
static const char *
import_not_text(const char *buf, size_t len, const char *encoding,
    int *convert)
{
	int	wide = import_wide(buf, len, encoding);

	*convert = wide || encoding != NULL;
	if (!wide && memchr(buf, '\0', len < IMPORT_BINARY_PROBE ? len :
	    IMPORT_BINARY_PROBE) != NULL)
		return "binary data (NUL bytes), not text";
	if (*convert || !import_legacy(buf, len))
		return NULL;
	if (import_controls(buf, len))
		return "binary data (control bytes, not text in any charset)";
	*convert = 1;
	return NULL;
}

/*
 * Replace the C1 controls (U+0080-U+009F) of decoded text with U+FFFD,
 * counted as invalid: ISO-8859 maps bytes 0x80-0x9f to them, but no
 * text has them, and on a terminal an 8-bit OSC or APC would swallow
 * the words after it.  UTF-8 input keeps its own (the view drops them).
 */
static void
import_no_c1(struct charset_result *res)
{
	const unsigned char	*u = (const unsigned char *)res->text;
	size_t			 i, j, n = 0;
	char			*out;

	for (i = 0; i + 1 < res->len; i++)
		if (u[i] == 0xc2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9f)
			n++;
	if (n == 0)
		return;
	out = xmalloc(res->len + n + 1);
	for (i = j = 0; i < res->len; i++) {
		if (u[i] == 0xc2 && i + 1 < res->len && u[i + 1] >= 0x80 &&
		    u[i + 1] <= 0x9f) {
			memcpy(out + j, "\xef\xbf\xbd", 3);
			j += 3;
			i++;
		} else
			out[j++] = res->text[i];
	}
	out[j] = '\0';
	free(res->text);
	res->text = out;
	res->len = j;
	res->invalid += n;
}

/*
 * Text in another charset as UTF-8 in res->text, with the file's one
 * warning: a guessed charset, or bytes replaced.  res->text is NULL when
 * uchardet calls it UTF-8 after all.  An unknown --encoding fails.
 */
static int
import_convert(const char *name, const char *buf, size_t len,
    const struct import_options *io, struct charset_result *res,
    char **cause)
{
	struct charset_hint	 hint = { io->encoding, NULL };
	char			*msg, *why = NULL;

	if (charset_to_utf8(buf, len, &hint, res, &why) != 0) {
		xasprintf(cause, "%s: %s", name, why);
		free(why);
		return -1;
	}
	/* Damaged UTF-8: import-lines.c says where, line by line. */
	if (res->source == CHARSET_DETECTED &&
	    strcmp(res->name, "utf-8") == 0) {
		free(res->text);
		res->text = NULL;
		return 0;
	}
	import_no_c1(res);
	if (io->warn == NULL)
		return 0;
	if (res->invalid != 0)
		xasprintf(&why, ", %zu invalid sequence%s replaced",
		    res->invalid, res->invalid == 1 ? "" : "s");
	if (res->source == CHARSET_DETECTED)
		xasprintf(&msg, "%s: read as %s (detected)%s", name,
		    res->name, why != NULL ? why : "");
	else if (res->source == CHARSET_DEFAULT)
		xasprintf(&msg, "%s: read as %s (no charset recognised)%s",
		    name, res->name, why != NULL ? why : "");
	else if (why != NULL)
		xasprintf(&msg, "%s: read as %s%s", name, res->name, why);
	else
		return 0;
	free(why);
	io->warn(io->warn_arg, msg);
	free(msg);
	return 0;
}

/*
 * Hand JSON and HTML to their importers, or refuse what is not text;
 * returns 1 when the content was dealt with (rc set), 0 for text, with
 * *convert set when it is not UTF-8.  The kind comes from sniff_format()
 * (sniff.h), before any check of the bytes as UTF-8: a page may be in
 * any charset, which story.c decodes.
 */
static int
import_by_content(const char *name, const char *source, const char *buf,
    size_t len, const struct import_options *io, struct import_sink *sink,
    char **cause, int *convert, int *rc)
{
	struct story_opts	 so;
	enum sniff_kind		 kind;
	const char		*why;
	size_t			 bom;

	kind = io->format == IMPORT_FORMAT_JSON ? SNIFF_JSON :
	    sniff_format(buf, len);
	*rc = -1;
	switch (kind) {
	case SNIFF_TEXT:
		why = import_not_text(buf, len, io->encoding, convert);
		if (why == NULL)
			return 0;
		xasprintf(cause, "%s: %s", name, why);
		return 1;
	case SNIFF_JSON:
		if (feed_sniff(buf, len)) {
			*rc = import_feed(name, source, buf, len, io, sink,
			    cause);
			return 1;
		}
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
		*rc = import_feed(name, source, buf, len, io, sink, cause);
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
	struct charset_result	 cr;
	enum import_format	 fmt;
	int			 rc, convert;

	if (io == NULL)
		io = &import_none;
	il.name = name;
	il.source = io->source != NULL ? io->source : name;
	if (len == 0) {
		xasprintf(cause, "%s: empty file", name);
		return -1;
	}
	if (import_by_content(name, il.source, buf, len, io, sink, cause,
	    &convert, &rc))
		return rc;
	cr.text = NULL;
	if (convert) {
		if (import_convert(name, buf, len, io, &cr, cause) != 0)
			return -1;
		if (cr.text != NULL) {
			buf = cr.text;
			len = cr.len;
		}
	}
	import_lines_split(&il, buf, len, io);
	if (!import_lines_has_text(&il)) {
		xasprintf(cause, "%s: no article text (only blank lines)", name);
		rc = -1;
		goto out;
	}
	fmt = io->format;
	if (fmt == IMPORT_FORMAT_AUTO)
		fmt = import_article_detect(&il) ? IMPORT_FORMAT_ARTICLE :
		    IMPORT_FORMAT_PAGE;
	if (fmt == IMPORT_FORMAT_ARTICLE)
		rc = import_article(&il, sink, cause);
	else
		rc = import_page(&il, sink, cause);
out:
	import_lines_free(&il);
	free(cr.text);
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
