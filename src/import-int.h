/*
 * import-int.h: what the importers (import-*.c) share through import.c:
 * the input split into clean lines, and small helpers.  Not for use
 * outside the importers.
 */
#ifndef TANDEM_IMPORT_INT_H
#define TANDEM_IMPORT_INT_H

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

/* Longest title derived from a first sentence, in display cells. */
#define IMPORT_TITLE_CELLS 60

/* Hex digest of the article's text: its identity when it has no URL. */
#define IMPORT_KEY_LEN 32
void	import_key(const struct import_lines *, char out[IMPORT_KEY_LEN + 1]);

/* A title made from the first sentence of a paragraph (allocated). */
char	*import_derive_title(const char *para, size_t len);

/* Set *cause to "NAME:LINE: message" (line 0: no line number). */
void	import_error(char **cause, const struct import_lines *, size_t line,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Prefix a sink's cause with the position: "NAME:LINE: cause". */
void	import_sink_error(char **cause, const struct import_lines *,
	    size_t line);

/* end(ok) for an article whose events all went in (emitted == 0). */
int	import_finish(const struct import_lines *, struct import_sink *,
	    int emitted, char **cause);

int	import_page(const struct import_lines *, struct import_sink *,
	    char **cause);
int	import_article(const struct import_lines *, struct import_sink *,
	    char **cause);
int	import_article_detect(const struct import_lines *);

#endif
