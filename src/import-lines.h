/*
 * import-lines.h: the input of an importer as clean lines, and the small
 * helpers every parser (import-page.c, import-article.c) needs on it:
 * an identity hash, a title from a first sentence, messages that carry
 * the file name and line, and beginning and ending an article in the
 * sink.
 *
 * import.c makes the lines and hands them to a parser; the parsers use
 * only this file and import.h, never import.c.  Not for use outside the
 * importers.
 */
#ifndef TANDEM_IMPORT_LINES_H
#define TANDEM_IMPORT_LINES_H

#include <stddef.h>

#include "import.h"

/* The input as lines: valid UTF-8, NFC, no line terminator. */
struct import_lines {
	const char	 *name;		/* file name for messages */
	const char	 *source;	/* struct import_article's source */
	char		**text;
	size_t		 *len;
	size_t		  n;
};

/*
 * Split buf into il's lines (il->name and il->source are left as they
 * are).  A line with invalid UTF-8 gets U+FFFD and one warning through
 * io->warn, if there is one.
 */
void	import_lines_split(struct import_lines *, const char *buf, size_t len,
	    const struct import_options *io);
void	import_lines_free(struct import_lines *);

/* Hex digest of the article's text: its identity when it has no URL. */
#define IMPORT_KEY_LEN 32
void	import_lines_key(const struct import_lines *,
	    char out[IMPORT_KEY_LEN + 1]);

/* Longest title derived from a first sentence, in display cells. */
#define IMPORT_TITLE_CELLS 60

/* A title made from the first sentence of a paragraph (allocated). */
char	*import_lines_title(const char *para, size_t len);

/* Set *cause to "NAME:LINE: message" (line 0: no line number). */
void	import_lines_error(char **cause, const struct import_lines *,
	    size_t line, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));

/* Prefix a sink's cause with the position: "NAME:LINE: cause". */
void	import_lines_sink_error(char **cause, const struct import_lines *,
	    size_t line);

/* begin() in the sink, its cause prefixed with the file name. */
int	import_lines_begin(const struct import_lines *, struct import_sink *,
	    const struct import_article *, char **cause);

/* end(ok) for an article whose events all went in (emitted == 0). */
int	import_lines_finish(const struct import_lines *, struct import_sink *,
	    int emitted, char **cause);

#endif
