/*
 * json-import.h: tandem's JSON export (json-export.h) read back, with
 * jansson, into an import sink.  import.c calls it for a file whose
 * content is JSON.
 */
#ifndef TANDEM_JSON_IMPORT_H
#define TANDEM_JSON_IMPORT_H

#include <stddef.h>

#include "import.h"

/*
 * Read a document json_export_article() wrote (buf need not end in NUL)
 * into the sink: exactly one article, with the import sink's contract.
 * name is for messages, source is the article's source when the
 * document has none.  Returns 0, or -1 with *cause set to a one-line
 * message starting with name ("NAME:3:14: ..." for a syntax error,
 * "NAME: not a tandem export: ..." for another document).  Problems that
 * do not stop the import (what the sink cannot keep) go to io->warn.
 */
int	json_import(const char *name, const char *source, const char *buf,
	    size_t len, const struct import_options *io,
	    struct import_sink *, char **cause);

/* jansson's error text made fit for a one-line message (allocated). */
char	*json_error_clean(const char *);

#endif
