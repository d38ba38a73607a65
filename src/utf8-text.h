/*
 * utf8-text.h: making untrusted text fit to store, for the importers.
 *
 * Everything tandem stores is valid UTF-8 in NFC.  utf8_text_clean()
 * turns whatever bytes an input file holds into that: invalid sequences
 * become U+FFFD (counted, so the importer can warn with a line number)
 * and the result is normalised to NFC.  It does not remove control
 * characters: the store keeps the text as written and the layout engine
 * neutralises controls before anything reaches a terminal.
 *
 * utf8_text_shorten() cuts a string to a number of display cells at a
 * word boundary when there is one (else at a grapheme boundary) and adds
 * an ellipsis; importers use it to derive titles.
 */
#ifndef TANDEM_UTF8_TEXT_H
#define TANDEM_UTF8_TEXT_H

#include <stddef.h>

/*
 * Return an allocated, NUL-terminated, valid NFC copy of s[0..len).
 * *outlen gets its length; *nbad (if not NULL) the number of invalid
 * sequences replaced by U+FFFD; NUL bytes also count as invalid.
 */
char	*utf8_text_clean(const char *s, size_t len, size_t *outlen,
	    size_t *nbad);

/* Byte length of the first sentence of s (all of s if no end is found). */
size_t	 utf8_text_sentence(const char *s, size_t len);

/*
 * Allocated copy of s[0..len) no wider than cells display cells (East
 * Asian ambiguous characters counted narrow), cut at a word boundary
 * where one lies in the last third, else at a grapheme boundary, with
 * "…" appended when anything was cut.
 */
char	*utf8_text_shorten(const char *s, size_t len, int cells);

/* Whitespace-trimmed bounds of s[0..len): returns the start, sets *tlen. */
const char *utf8_text_trim(const char *s, size_t len, size_t *tlen);

/*
 * Allocated key for loose comparison of short labels: case-folded,
 * curly apostrophes made straight, runs of spaces made one.
 */
char	*utf8_text_fold(const char *s, size_t len);

#endif
