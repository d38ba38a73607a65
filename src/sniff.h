/*
 * sniff.h: what kind of document a run of bytes looks like, cheaply.
 *
 * The one sniffer of the importers: import.c picks a parser for a file
 * with it, story.c checks a response with it, as names and Content-Types
 * may lie or be missing.  sniff_format()
 * looks only at the start of the bytes: it skips a UTF-8/UTF-16 byte
 * order mark, whitespace and <!-- comments -->, then decides by what
 * comes first.  No allocation, no library; any bytes accepted.
 */
#ifndef TANDEM_SNIFF_H
#define TANDEM_SNIFF_H

#include <stddef.h>

enum sniff_kind {
	SNIFF_TEXT = 0,		/* none of the below: plain text */
	SNIFF_HTML,		/* <!doctype html>, <html, <head, <body, or
				   a common block or head tag first (not an
				   inline one: "<b>Bold</b> words" is text) */
	SNIFF_FEED,		/* <rss, <feed or <rdf:RDF, perhaps after
				   <?xml ...?> */
	SNIFF_XML,		/* <?xml, but not a feed we know */
	SNIFF_JSON,		/* { first, or [ and what a JSON array
				   holds: "[1] A footnote" is text */
};

/* What a feed given to import is told, after "NAME: ". */
#define SNIFF_FEED_REFUSAL "an RSS or Atom feed: feeds are read by " \
	"subscriptions (not in this version)"

#define SNIFF_SCAN 1024		/* bytes looked at, at most */

enum sniff_kind	 sniff_format(const char *, size_t);
const char	*sniff_name(enum sniff_kind);

#endif
