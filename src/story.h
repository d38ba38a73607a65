/*
 * story.h: a story from the web as one article.
 *
 * A story is a page and its translations.  story_import() fetches the
 * page (fetch.h), turns its bytes into UTF-8 (charset.h), extracts the
 * article (html.h), follows the page's hreflang alternates on the same
 * site, and emits the group into an import sink as ONE article with one
 * translation per language: the model the reader already has.  The
 * cache knows the article by its canonical URL and each translation by
 * its own (cache-sink.c), so importing any of them again updates it.
 *
 * It blocks on the network: the reader calls it on a worker thread of
 * its own with a sink on a cache connection of that thread; progress and
 * warnings come back through the callbacks, on the calling thread.
 * Nothing here prints.  The caller's cancel hook (story_opts) is how the
 * reader stops a worker that is still fetching: the transfer under way
 * ends within about a second and no further page is asked for.
 */
#ifndef TANDEM_STORY_H
#define TANDEM_STORY_H

#include <stddef.h>

#include "import.h"

/* At most this many pages in one story (the page and its alternates). */
#define STORY_MAX_PAGES	32

struct story_opts {
	const char *const	*langs;		/* preference, most wanted first,
						   NULL-terminated: the
						   original, Accept-Language */
	const char		*encoding;	/* --encoding: overrides every
						   charset, or NULL */
	int			 translations;	/* follow alternates (default 1:
						   --no-translations clears) */
	int			 follow_any;	/* --follow-any: alternates on
						   other sites too */
	size_t			 max_bytes;	/* per page; 0: fetch.h's */
	long			 timeout;	/* per page, s; 0: fetch.h's */
	long			 connect_timeout;

	/* Asked during each fetch and between pages, on the calling
	   thread; non-zero gives the story up: -1 "URL: cancelled" and
	   nothing stored.  NULL: never. */
	int			(*cancelled)(void *arg);
	void			*cancel_arg;

	/* Tests only: passed to fetch_opts. */
	const char		*ca_file;
	const char		*noproxy;

	/* "fetching URL", "found 4 translations"; may be NULL. */
	void	(*progress)(void *arg, const char *message);
	/* Non-fatal: "URL: declared en, reads as ja", a missing alternate. */
	void	(*warn)(void *arg, const char *message);
	void	 *arg;
};

/* What one story_import() did, for the command's summary line. */
struct story_report {
	char	*url;		/* the article's canonical URL (allocated) */
	size_t	 pages;		/* pages fetched */
	size_t	 translations;	/* translations emitted */
	size_t	 failed;	/* alternates that could not be fetched */
	size_t	 skipped;	/* alternates on another site, not
				   followed (no --follow-any) */
};

/*
 * Fetch url and its translations and emit them as one article into
 * sink.  Returns 0, or -1 with *cause a one-line message naming the URL
 * and what failed ("https://x/y: HTTP 404"); then the sink has seen
 * nothing or an end(ok = 0), so nothing of the article is stored.  An
 * alternate that fails is a warning, not an error, unless it was the
 * page asked for.
 */
int	story_import(const char *url, const struct story_opts *,
	    struct import_sink *, struct story_report *, char **cause);
void	story_report_free(struct story_report *);

/*
 * A local HTML file (buf, len bytes in any charset: opts->encoding, a
 * BOM or its <meta charset> say which) as an article of one
 * translation; its alternates are not fetched, and nothing else of opts
 * but langs, encoding and the callbacks counts.  name is for messages,
 * source is the article's source.  Known by the page's canonical URL
 * when it has one, so a saved page and the page on the web are one
 * article.  Returns 0, or -1 with *cause "NAME: ..." and nothing stored.
 */
int	story_import_html(const char *name, const char *source,
	    const char *buf, size_t len, const struct story_opts *,
	    struct import_sink *, char **cause);

/* Is s an http or https URL that story_import() would take? */
int	story_is_url(const char *s);

#endif
