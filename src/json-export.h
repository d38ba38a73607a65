/*
 * json-export.h: the export document written with jansson.
 *
 * json-export.c writes an article as the document `tandem export
 * --format json` prints (tandem(1) describes it); json-import.h reads it
 * back.  The json*.c files are the only ones that include <jansson.h>
 * (tests/layering.sh), so the writer and the reader agree on one
 * parser's idea of JSON.
 *
 * Strings in the output escape every control character (C0, DEL, C1)
 * and U+2028/U+2029, so the output is safe to print.  Writers return 0,
 * or -1 when the stream reports a write error (the caller names the
 * file).
 */
#ifndef TANDEM_JSON_EXPORT_H
#define TANDEM_JSON_EXPORT_H

#include <stdio.h>

#include "article.h"
#include "export.h"

/* The whole export document: the article, its alignments, its comments. */
int	json_export_article(FILE *, const struct article *,
	    const struct article_comment *, size_t,
	    const struct export_alignment *, size_t);

/* "alignment": [...] alone (no comma, no newline after it), indented as
   a member of a top-level object. */
int	json_export_alignments(FILE *, const struct export_alignment *,
	    size_t);

#endif
