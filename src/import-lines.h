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
#include <stdint.h>

#include "import.h"

/*
 * The input as lines: valid UTF-8, NFC, no line terminator.  They lie
 * one after another in one buffer, each ended by a NUL (cleaning turns
 * NUL bytes into U+FFFD, so a NUL always ends a line), and are reached
 * through import_lines_get().  The only record kept per line is the
 * offset of every IMPORT_LINES_STEP'th line, so memory is bounded by the
 * text, not by how many lines hold it:
 *
 *	cleaned text	the input's size, less CRs (invalid bytes grow to
 *			3 bytes of U+FFFD, so never above 3 times it)
 *	line marks	8 bytes per IMPORT_LINES_STEP lines (1/2 byte a line)
 *	cleaning	a transient copy of at most IMPORT_LINES_CHUNK bytes
 *			of a line (a line of one script with no ASCII in it
 *			is cleaned whole: see import_lines_split)
 *
 * A 64 MiB file of newlines thus costs 96 MiB over the 64 MiB its
 * caller read it into; the parsers add a bit per line (import-page.c)
 * or a little per section (import-article.c), never a copy per line.
 */
#define IMPORT_LINES_STEP	16
#define IMPORT_LINES_CHUNK	65536

struct import_lines_at;

struct import_lines {
	const char	*name;		/* file name for messages */
	const char	*source;	/* struct import_article's source */
	char		*buf;		/* the lines, each ended by a NUL */
	size_t		 size;		/* bytes in buf, NULs included */
	size_t		 n;		/* lines */
	size_t		*mark;		/* offset of line k * IMPORT_LINES_STEP */
	struct import_lines_at *at;	/* the line looked up last */
	const struct import_options *io; /* its warn, or NULL */
};

/*
 * Split buf into il's lines (il->name and il->source are left as they
 * are).  A line with invalid UTF-8 gets U+FFFD and one warning through
 * io->warn, if there is one.
 */
void	import_lines_split(struct import_lines *, const char *buf, size_t len,
	    const struct import_options *io);
void	import_lines_free(struct import_lines *);

/*
 * Line i (< il->n), NUL-terminated; *len (if not NULL) gets its length.
 * The next, the previous and the same line are found at once; any other
 * from the nearest mark, at most IMPORT_LINES_STEP - 1 lines away.  The
 * pointer stays valid until import_lines_free().
 */
const char *import_lines_get(const struct import_lines *, size_t i,
	    size_t *len);

/* Is there a line with anything but spaces and tabs? */
int	import_lines_has_text(const struct import_lines *);

/*
 * Entries found by a 64-bit hash: the duplicate checks look up each new
 * section here instead of comparing it with every earlier one.  The set
 * keeps hashes and the caller's indices (16 bytes an entry); the caller
 * keeps the entries and says which are equal.
 */
struct import_index {
	uint64_t	*hash;
	size_t		*entry;
	size_t		 cap, n;
};

#define IMPORT_INDEX_NONE ((size_t)-1)

/* FNV-1a of s[0..len), ASCII letters folded to lower case if fold. */
uint64_t import_index_hash(const char *s, size_t len, int fold);
/* An entry added with hash h for which same(arg, entry), else NONE. */
size_t	import_index_find(const struct import_index *, uint64_t h,
	    int (*same)(void *, size_t), void *arg);
void	import_index_add(struct import_index *, uint64_t h, size_t entry);
void	import_index_free(struct import_index *);

/* Hex digest of the article's text: its identity when it has no URL. */
#define IMPORT_KEY_LEN 32
void	import_lines_key(const struct import_lines *,
	    char out[IMPORT_KEY_LEN + 1]);
/* The same hash over lines given as text, each ended by a NUL. */
void	import_lines_key_text(const char *, size_t, char [IMPORT_KEY_LEN + 1]);

/* Longest title derived from a first sentence, in display cells. */
#define IMPORT_TITLE_CELLS 160

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
