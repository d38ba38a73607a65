/*
 * feed-xml.h: what feed-xml.c (the reader's walk) and feed-field.c (the
 * elements of RSS, RDF and Atom, and how each is stored) share.
 */
#ifndef TANDEM_FEED_XML_H
#define TANDEM_FEED_XML_H

#include <libxml/xmlreader.h>

#include "feed-int.h"

enum feed_ns {
	NS_OTHER = 0,
	NS_RSS,		/* none, RSS 1.0, RSS 0.90 */
	NS_ATOM,
	NS_RDF,
	NS_DC,
	NS_CONTENT,
	NS_WFW,
	NS_SLASH,
	NS_THR,
};

enum feed_fld {
	F_NONE = 0,
	F_TITLE,
	F_LINK,		/* RSS <link>: text */
	F_GUID,
	F_ID,
	F_PUBLISHED,
	F_UPDATED,
	F_DCDATE,
	F_RSSAUTHOR,	/* "mail (Name)" */
	F_AUTHOR,	/* dc:creator, Atom author/name */
	F_CATEGORY,
	F_CONTENT,
	F_DESCRIPTION,	/* RSS: an entry's summary, the channel's text */
	F_SUMMARY,	/* Atom */
	F_SUBTITLE,
	F_COMMENTS,
	F_COMMENTRSS,
	F_COUNT,
	F_LANGUAGE,
	/* Elements read from their attributes, not captured. */
	F_ALINK,	/* Atom link */
	F_ACATEGORY,
	F_ENCLOSURE,
	F_AAUTHOR,	/* Atom author: its name is a field */
	F_INREPLYTO,	/* thr:in-reply-to */
};

enum feed_mode { CAP_PLAIN, CAP_RAW, CAP_XHTML, CAP_SKIP };

#define W_CHAN		0x1
#define W_ITEM		0x2
#define W_BOTH		(W_CHAN | W_ITEM)
#define W_AUTHOR	0x4

/* One element the parser reads, and where. */
struct feed_field {
	enum feed_ns	 ns;
	const char	*name;
	int		 where;
	enum feed_fld	 fld;
	enum feed_mode	 mode;		/* Atom: from type= instead */
};

struct feed_xml {
	xmlTextReaderPtr	 r;
	const char		*url;
	const struct feed_handler *h;
	enum feed_kind		 kind;

	int			 chan_depth;	/* holds the channel fields */
	int			 item_depth;	/* -1: not in an entry */
	int			 author_depth;	/* -1: not in an author */
	int			 chan_sent;
	int			 in_chan;	/* inside the channel element */
	int			 empty;		/* the element has no end tag */
	struct feed_acc		 chan, item;

	int			 cap_depth;	/* -1: not capturing */
	enum feed_fld		 cap_fld;
	enum feed_mode		 cap_mode;
	struct feed_buf		 cap;

	char			*error;		/* libxml2's first */
	int			 error_line;
	char			*cause;		/* a callback's */
};

char	*feed_xml_attr(struct feed_xml *, const char *);
char	*feed_xml_resolve(struct feed_xml *, const char *);
struct feed_acc *feed_xml_acc(struct feed_xml *);

enum feed_ns	 feed_field_ns(const xmlChar *);
const struct feed_field *feed_field_find(struct feed_xml *, enum feed_ns,
		    const char *, int depth);
enum feed_mode	 feed_field_mode(struct feed_xml *);
void		 feed_field_attrs(struct feed_xml *, enum feed_fld,
		    struct feed_acc *);
void		 feed_field_store(struct feed_xml *, enum feed_fld,
		    enum feed_mode, char *);

#endif
