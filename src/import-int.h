/*
 * import-int.h: the parsers import.c calls, one per input format.  Each
 * takes the input as clean lines (import-lines.h) and emits exactly one
 * article into the sink, or fails with *cause set.  Not for use outside
 * the importers.
 */
#ifndef TANDEM_IMPORT_INT_H
#define TANDEM_IMPORT_INT_H

#include "import-lines.h"

int	import_page(const struct import_lines *, struct import_sink *,
	    char **cause);
int	import_article(const struct import_lines *, struct import_sink *,
	    char **cause);
int	import_article_detect(const struct import_lines *);
/* A feed file: an article per entry (import-feed.c). */
int	import_feed(const char *name, const char *source, const char *buf,
	    size_t len, const struct import_options *, struct import_sink *,
	    char **cause);

#endif
