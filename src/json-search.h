/*
 * json-search.h: tandem search --json (json-search.c, jansson).
 *
 * One JSON array, an object per article found, best first: id, the
 * matching languages, the best one's language, title, the first
 * matching paragraph (null: the title), the snippet with its matches as
 * [start, end) byte offsets, the score (bm25, lower is better), date
 * and read.  Non-ASCII is written as \u escapes, so the output is safe
 * on any terminal.  Returns 0, or -1 on a write error.
 */
#ifndef TANDEM_JSON_SEARCH_H
#define TANDEM_JSON_SEARCH_H

#include <stdio.h>

#include "cache.h"

int	json_search_write(FILE *, const struct cache_search_hit *, size_t);

#endif
