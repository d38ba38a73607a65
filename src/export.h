/*
 * export.h: writing an article out of the cache, as JSON or in the
 * native article format (tandem-article(5)) that import reads back.
 *
 * Both writers take the plain structs of article.h and a stdio stream;
 * they return 0, or -1 when the stream reports a write error (the
 * caller names the file).  The JSON is written by json-export.c
 * (json-export.h), with every control character (C0, DEL, C1) and
 * U+2028/U+2029 escaped, so the output is safe to print; the article
 * format sanitises its one-line headers and keeps body text exact but
 * escaped by its own rules (export.c, tandem-article(5)).
 */
#ifndef TANDEM_EXPORT_H
#define TANDEM_EXPORT_H

#include <stdint.h>
#include <stdio.h>

#include "article.h"

/* The stored alignment of one language pair, for the JSON export. */
struct export_alignment {
	const char		*a, *b;		/* language tags */
	const struct article_pair *pairs;
	size_t			 npairs;
};

int	export_article(FILE *, const struct article *,
	    const struct article_comment *, size_t);
/* Is uc one that article body text writes as \u{XXXX}? (The importer's
   test as well, so the two agree.) */
int	export_article_escapes(uint32_t);
int	export_json(FILE *, const struct article *,
	    const struct article_comment *, size_t,
	    const struct export_alignment *, size_t);

/* Write "alignment": [...] (no comma after it), indented for a top level. */
void	export_json_alignments(FILE *, const struct export_alignment *,
	    size_t);

#endif
