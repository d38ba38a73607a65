/*
 * feed-store.h: a feed's entries as articles for the import sink.
 *
 * feed-update.c parses a feed with feed_parse() and keeps each entry as
 * a struct feed_store_entry (feed_store_collect()); entries that are
 * translations of each other (an Atom entry's alternates with another
 * hreflang naming another entry of the feed) are put in one group
 * (feed_store_group()); a group is one article, emitted from the feed's
 * own text with feed_store_emit(), or from its pages through story.c.
 * A struct feed_store_rec is a sink that records events to replay
 * later, so that pages are fetched outside the feed's transaction and
 * the cache holds its write lock only while storing.
 */
#ifndef TANDEM_FEED_STORE_H
#define TANDEM_FEED_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "feed.h"
#include "import.h"

struct feed_store_alt {
	char	*href;
	char	*lang;
};

struct feed_store_entry {
	char		*key;		/* id, else link: never NULL */
	char		*title;
	char		*link;
	char		*lang;
	char		*author;
	char		*date;		/* ISO 8601 UTC, or NULL */
	char		*text;		/* content, else summary, or NULL */
	enum feed_text	 text_type;
	int		 summary_only;	/* no content, a summary */
	struct feed_store_alt *alts;	/* alternates with hreflang */
	size_t		 nalts;
	uint64_t	 digest;	/* of everything above */
	char		*comments_feed;	/* wfw:commentRss, Atom replies */
	int		 comments;	/* it links comments of some kind */
	size_t		 group;		/* index of its group's first */
};

/* What feed_parse() gave, collected (feed_store_collect()). */
struct feed_store_feed {
	char			*title;
	char			*site;
	char			*lang;		/* entries' languages, "en fr" */
	struct feed_store_entry	*entries;
	size_t			 n;
	size_t			 skipped;	/* neither id nor link */
	void			(*warn)(void *, const char *);
	void			*warn_arg;
};

int	feed_store_collect(struct feed_store_feed *, const char *buf,
	    size_t len, const char *url, const char *charset, char **cause);
void	feed_store_feed_free(struct feed_store_feed *);
/* Set each entry's group: entries naming each other's pages in
   alternates with another language join the first's. */
void	feed_store_group(struct feed_store_feed *);
/* Emit the group of entry first (ents[first].group == first) as one
   article whose source is source, into sink. */
int	feed_store_emit(const struct feed_store_feed *, size_t first,
	    const char *source, struct import_sink *, char **cause);

/* A sink that records; replay into another sink, then free. */
struct feed_store_rec;
struct feed_store_rec *feed_store_rec_new(struct import_sink *);
int	feed_store_rec_replay(struct feed_store_rec *, struct import_sink *,
	    char **cause);
int	feed_store_rec_empty(const struct feed_store_rec *);
void	feed_store_rec_free(struct feed_store_rec *);

#endif
