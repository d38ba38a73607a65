/*
 * feed.h: a syndication feed (RSS 0.9x/1.0/2.0, Atom 1.0, JSON Feed 1.1)
 * -> its channel and entries, one at a time.
 *
 * The parse stage of a subscription: fetch brings the bytes, feed_parse()
 * reads them (libxml2's streaming reader for the XML kinds, so a large
 * feed is never a tree in memory; the JSON library for JSON Feed, behind
 * json-feed.c) and calls the handler once for the channel and once per
 * entry, in document order.  Turning entries into articles (HTML content
 * to paragraphs, grouping translations) is the caller's: feed-store.c.
 *
 * Every string handed to a callback is valid UTF-8 without NUL, already
 * decoded from the feed's charset (the XML declaration, a BOM, the HTTP
 * charset, else detection; a declaration that lies is a warning), with
 * entities resolved, and URLs resolved against xml:base / the feed URL.
 * Pointers are valid only during the call.  Optional strings are NULL
 * when the feed does not say.  Broken real-world feeds are read as far
 * as they go (a blank line before <?xml, an undeclared entity, a feed cut
 * short) with one warning each through warn; a document that is not a
 * feed at all is an error naming what it is ("an HTML page").
 */
#ifndef TANDEM_FEED_H
#define TANDEM_FEED_H

#include <stddef.h>

/* A date the feed did not give, or that could not be read. */
#define FEED_NO_DATE	(-1LL - 0x7fffffffffffffffLL)

enum feed_kind {
	FEED_RSS = 1,		/* RSS 0.9x and 2.0 */
	FEED_RDF,		/* RSS 1.0 (and 0.90) */
	FEED_ATOM,
	FEED_JSON,		/* JSON Feed 1.x */
};

/* What a piece of text is: content and summary may be either. */
enum feed_text {
	FEED_TEXT_NONE = 0,
	FEED_TEXT_PLAIN,
	FEED_TEXT_HTML,
};

/* One link of an entry or channel: Atom <link>, RSS <enclosure>, ... */
struct feed_link {
	const char	*href;		/* resolved; never NULL */
	const char	*rel;		/* "alternate", "enclosure", "replies",
					   "self", ...; never NULL */
	const char	*type;		/* media type, or NULL */
	const char	*hreflang;	/* or NULL */
	const char	*title;		/* or NULL */
	long long	 length;	/* bytes, or -1 */
};

struct feed_channel {
	enum feed_kind	 kind;
	const char	*title;		/* or NULL */
	const char	*link;		/* the site, resolved, or NULL */
	const char	*self;		/* the feed's own URL if it says */
	const char	*lang;		/* <language>, dc:language, xml:lang
					   of the root, JSON "language" */
	const char	*description;	/* or NULL */
	long long	 updated;	/* seconds since the epoch, or
					   FEED_NO_DATE */
	const struct feed_link *links;	/* every channel link */
	size_t		 nlinks;
};

struct feed_entry {
	const char	*id;		/* guid / id / JSON id, or NULL */
	const char	*title;		/* or NULL */
	const char	*link;		/* the entry's page: the alternate
					   link without hreflang or with the
					   entry's own language, else the first
					   alternate, else a permalink guid */
	const char	*lang;		/* effective: xml:lang inherited,
					   dc:language, the channel's */
	const char	*author;	/* or NULL */
	long long	 published;	/* or FEED_NO_DATE */
	long long	 updated;	/* or FEED_NO_DATE */
	const char *const *categories;	/* distinct, at most 256 */
	size_t		 ncategories;
	const char	*content;	/* content:encoded, Atom content,
					   content_html/content_text */
	enum feed_text	 content_type;
	const char	*summary;	/* description, Atom summary */
	enum feed_text	 summary_type;
	const struct feed_link *links;	/* alternates (with hreflang),
					   enclosures, replies, ... */
	size_t		 nlinks;
	const char	*comments_page;	/* RSS <comments> */
	const char	*comments_feed;	/* wfw:commentRss; Atom rel=replies
					   of a feed type */
	long		 comment_count;	/* thr:total, slash:comments; -1 */
	const char	*in_reply_to;	/* the id of the entry this one
					   answers: the ref of Atom threading's
					   thr:in-reply-to (RFC 4685), or NULL */
};

struct feed_handler {
	void	*arg;
	/* Once, before the first entry (RSS items after the channel's
	   fields; what is known by then). */
	int	(*channel)(void *arg, const struct feed_channel *,
		    char **cause);
	/* Once per entry, in document order. */
	int	(*entry)(void *arg, const struct feed_entry *, char **cause);
	/* A non-fatal problem, one line, without the URL. */
	void	(*warn)(void *arg, const char *message);
};

/*
 * Parse len bytes fetched from url (for messages and relative links;
 * may be a file name) with the HTTP charset (or NULL).  Returns 0, or -1
 * with *cause "URL: ..." (not a feed, or a callback's error; then no
 * further callback is made).  Cost is linear in len.
 */
int	feed_parse(const char *buf, size_t len, const char *url,
	    const char *charset, const struct feed_handler *, char **cause);

/* Do these bytes look like a feed (for import's sniffer)?  0 or 1. */
int	feed_sniff(const char *buf, size_t len);

/*
 * RFC 822 (RSS: "Tue, 10 Jun 2003 04:00:00 GMT", "+0900", "EST", two-digit
 * years) or RFC 3339 / ISO 8601 (Atom, JSON Feed) -> seconds since the
 * epoch, UTC.  Returns 0, or -1 when s is neither.
 */
int	feed_date_parse(const char *s, long long *out);

/*
 * Feed autodiscovery: the feeds an HTML page names in
 * <link rel=alternate type=application/rss+xml|atom+xml|feed+json|json>
 * (and rel="alternate feed"), resolved against base, in page order,
 * without duplicates, at most 64.  *urls is a NULL-terminated allocated array of
 * allocated strings (free both); 0 found is not an error.
 */
int	feed_discover(const char *buf, size_t len, const char *base,
	    char ***urls, size_t *n);

/* One subscription in an OPML 2.0 file. */
struct feed_outline {
	const char	*url;		/* xmlUrl; never NULL */
	const char	*title;		/* text / title, or NULL */
	const char	*html_url;	/* htmlUrl, or NULL */
	const char	*lang;		/* language attribute, or NULL */
	const char *const *tags;	/* category="/a,/b" and the titles of
					   enclosing folder outlines */
	size_t		 ntags;
};

/*
 * Read an OPML file (name for messages): calls outline() once per
 * outline with an xmlUrl, in file order.  Returns 0, or -1 with *cause
 * "NAME: ...".  Write one: feed_opml_write() prints OPML 2.0 that
 * feed_opml_parse() reads back to the same outlines (tags as category).
 */
int	feed_opml_parse(const char *buf, size_t len, const char *name,
	    int (*outline)(void *, const struct feed_outline *, char **),
	    void *arg, char **cause);
char	*feed_opml_write(const char *title, const struct feed_outline *,
	    size_t n);		/* the whole document, allocated */

#endif
