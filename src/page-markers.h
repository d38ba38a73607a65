/*
 * page-markers.h: the table of lines that news pages put around the
 * language versions of an article ("see more related articles", comment
 * notices).  The rows live in data/page-markers.tsv and are compiled in
 * by page-markers.awk; the page importer (import-page.c) reads them.
 */
#ifndef TANDEM_PAGE_MARKERS_H
#define TANDEM_PAGE_MARKERS_H

enum page_marker_kind {
	PAGE_MARKER_RELATED = 1,	/* ends a language version */
	PAGE_MARKER_LOGIN,		/* comments need a login */
	PAGE_MARKER_CLOSED,		/* comments are closed */
	PAGE_MARKER_OPEN,		/* anyone may comment */
};

struct page_marker {
	enum page_marker_kind	 kind;
	const char		*lang;
	const char		*text;
};

/* Terminated by a row whose text is NULL. */
extern const struct page_marker page_markers[];

#endif
