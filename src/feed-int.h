/*
 * feed-int.h: what the feed parsers share.
 *
 * feed.c is the front door: it makes the bytes UTF-8 (charset.c),
 * repairs what real feeds get wrong before any parser sees them, and
 * hands the text to feed-xml.c and feed-field.c (RSS, RDF, Atom, on
 * libxml2's streaming reader) or json-feed.c (JSON Feed, on jansson).
 * Both build their entries in a struct feed_acc, owned strings that feed_acc_entry()
 * lends to the handler as a struct feed_entry.
 */
#ifndef TANDEM_FEED_INT_H
#define TANDEM_FEED_INT_H

#include <stddef.h>

#include "feed.h"

/* A growing string. */
struct feed_buf {
	char	*s;
	size_t	 len, cap;
};

void	 feed_buf_add(struct feed_buf *, const char *, size_t);
void	 feed_buf_str(struct feed_buf *, const char *);
void	 feed_buf_html(struct feed_buf *, const char *, size_t, int attr);
char	*feed_buf_take(struct feed_buf *);	/* NULL when empty */
void	 feed_buf_free(struct feed_buf *);

/* One entry or the channel, as it is read; every pointer owned. */
struct feed_acc {
	char		*id, *title, *link, *guid, *lang, *dc_lang, *author;
	char		*content, *summary, *comments_page, *comments_feed;
	char		*self, *description, *about, *in_reply_to;
	enum feed_text	 content_type, summary_type;
	int		 guid_permalink;
	long long	 published, updated, dc_date;
	long		 comment_count;
	struct feed_link *links;
	size_t		 nlinks, caplinks;
	char		**cats;
	size_t		 ncats, capcats;
};

void	 feed_acc_init(struct feed_acc *);
void	 feed_acc_clear(struct feed_acc *);
/* Set *field to s (taken) unless it already holds something. */
void	 feed_acc_set(char **field, char *s);
void	 feed_acc_link(struct feed_acc *, const char *href, const char *rel,
	    const char *type, const char *hreflang, const char *title,
	    long long length);
/* Categories past FEED_MAX_CATEGORIES (distinct) are dropped. */
#define FEED_MAX_CATEGORIES 256
void	 feed_acc_category(struct feed_acc *, const char *);
/* Lend a as an entry or the channel (pointers into a). */
void	 feed_acc_entry(struct feed_acc *, const struct feed_acc *channel,
	    struct feed_entry *);
void	 feed_acc_channel(struct feed_acc *, enum feed_kind,
	    struct feed_channel *);

/* s with whitespace collapsed and trimmed; markup stripped and
   entities decoded when html.  NULL when nothing is left. */
char	*feed_text_clean(const char *, int html);

/* How many bytes of s to show when showing at most max: a cut that
   never splits a character. */
int	 feed_cut(const char *s, size_t max);

/* href, trimmed, resolved against base (NULL: none), allocated. */
char	*feed_resolve(const char *base, const char *href);

void	 feed_warn(const struct feed_handler *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/* The XML kinds: text is UTF-8 and NUL-terminated. */
int	 feed_xml_parse(const char *text, size_t len, const char *url,
	    const struct feed_handler *, char **cause);
/* JSON Feed: the same contract. */
int	 json_feed_parse(const char *text, size_t len, const char *url,
	    const struct feed_handler *, char **cause);
/* Does this JSON look like a JSON Feed (its "version")? */
int	 json_feed_sniff(const char *, size_t);

#endif
