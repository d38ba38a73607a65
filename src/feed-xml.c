/*
 * feed-xml.c: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0 (and 0.3) on
 * libxml2's streaming reader.
 *
 * The reader hands over one node at a time and frees what lies behind,
 * so memory is the current entry, not the document.  The root decides
 * the kind; then every element is matched by namespace, name and where
 * it is (a channel field, an entry field, an Atom author's name) against
 * feed_xml_fields[].  A field's text is captured until its end tag:
 *
 *	PLAIN	text only (titles, ids, dates, links);
 *	RAW	text that is HTML source (RSS description, content:encoded,
 *		Atom type="html"); an element a feed left unescaped in it is
 *		written back as a tag;
 *	XHTML	Atom type="xhtml": elements and escaped text, i.e. the
 *		subtree serialised as HTML.
 *
 * An entry goes to the handler at its end tag; the channel before the
 * first entry, or at the end when there is none.  libxml2's errors are
 * caught (nothing reaches stderr): the first one is the one warning, and
 * what was read before it stands; an entry cut short is dropped.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>
#include <libxml/xmlreader.h>

#include "feed-int.h"
#include "xmalloc.h"

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
};

enum feed_mode { CAP_PLAIN, CAP_RAW, CAP_XHTML, CAP_SKIP };

#define W_CHAN		0x1
#define W_ITEM		0x2
#define W_BOTH		(W_CHAN | W_ITEM)
#define W_AUTHOR	0x4

static const struct feed_xml_field {
	enum feed_ns	 ns;
	const char	*name;
	int		 where;
	enum feed_fld	 fld;
	enum feed_mode	 mode;		/* Atom: from type= instead */
} feed_xml_fields[] = {
	{ NS_RSS, "title", W_BOTH, F_TITLE, CAP_PLAIN },
	{ NS_RSS, "link", W_BOTH, F_LINK, CAP_PLAIN },
	{ NS_RSS, "guid", W_ITEM, F_GUID, CAP_PLAIN },
	{ NS_RSS, "pubDate", W_BOTH, F_PUBLISHED, CAP_PLAIN },
	{ NS_RSS, "lastBuildDate", W_CHAN, F_UPDATED, CAP_PLAIN },
	{ NS_RSS, "author", W_ITEM, F_RSSAUTHOR, CAP_PLAIN },
	{ NS_RSS, "category", W_BOTH, F_CATEGORY, CAP_PLAIN },
	{ NS_RSS, "description", W_BOTH, F_DESCRIPTION, CAP_RAW },
	{ NS_RSS, "comments", W_ITEM, F_COMMENTS, CAP_PLAIN },
	{ NS_RSS, "language", W_CHAN, F_LANGUAGE, CAP_PLAIN },
	{ NS_RSS, "enclosure", W_ITEM, F_ENCLOSURE, CAP_SKIP },
	{ NS_DC, "creator", W_BOTH, F_AUTHOR, CAP_PLAIN },
	{ NS_DC, "date", W_BOTH, F_DCDATE, CAP_PLAIN },
	{ NS_DC, "subject", W_BOTH, F_CATEGORY, CAP_PLAIN },
	{ NS_DC, "language", W_BOTH, F_LANGUAGE, CAP_PLAIN },
	{ NS_DC, "title", W_BOTH, F_TITLE, CAP_PLAIN },
	{ NS_DC, "description", W_BOTH, F_DESCRIPTION, CAP_RAW },
	{ NS_CONTENT, "encoded", W_ITEM, F_CONTENT, CAP_RAW },
	{ NS_WFW, "commentRss", W_ITEM, F_COMMENTRSS, CAP_PLAIN },
	{ NS_WFW, "commentRSS", W_ITEM, F_COMMENTRSS, CAP_PLAIN },
	{ NS_SLASH, "comments", W_ITEM, F_COUNT, CAP_PLAIN },
	{ NS_THR, "total", W_ITEM, F_COUNT, CAP_PLAIN },
	{ NS_ATOM, "title", W_BOTH, F_TITLE, CAP_PLAIN },
	{ NS_ATOM, "id", W_BOTH, F_ID, CAP_PLAIN },
	{ NS_ATOM, "updated", W_BOTH, F_UPDATED, CAP_PLAIN },
	{ NS_ATOM, "modified", W_BOTH, F_UPDATED, CAP_PLAIN },
	{ NS_ATOM, "published", W_ITEM, F_PUBLISHED, CAP_PLAIN },
	{ NS_ATOM, "issued", W_ITEM, F_PUBLISHED, CAP_PLAIN },
	{ NS_ATOM, "content", W_ITEM, F_CONTENT, CAP_PLAIN },
	{ NS_ATOM, "summary", W_ITEM, F_SUMMARY, CAP_PLAIN },
	{ NS_ATOM, "subtitle", W_CHAN, F_SUBTITLE, CAP_PLAIN },
	{ NS_ATOM, "tagline", W_CHAN, F_SUBTITLE, CAP_PLAIN },
	{ NS_ATOM, "link", W_BOTH, F_ALINK, CAP_SKIP },
	{ NS_ATOM, "category", W_BOTH, F_ACATEGORY, CAP_SKIP },
	{ NS_ATOM, "author", W_BOTH, F_AAUTHOR, CAP_SKIP },
	{ NS_ATOM, "name", W_AUTHOR, F_AUTHOR, CAP_PLAIN },
};

static const struct {
	const char	*uri;
	enum feed_ns	 ns;
} feed_xml_nss[] = {
	{ "http://purl.org/rss/1.0/", NS_RSS },
	{ "http://my.netscape.com/rdf/simple/0.9/", NS_RSS },
	{ "http://backend.userland.com/rss2", NS_RSS },
	{ "http://www.w3.org/2005/Atom", NS_ATOM },
	{ "http://purl.org/atom/ns#", NS_ATOM },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF },
	{ "http://purl.org/dc/elements/1.1/", NS_DC },
	{ "http://purl.org/rss/1.0/modules/content/", NS_CONTENT },
	{ "http://wellformedweb.org/CommentAPI/", NS_WFW },
	{ "http://purl.org/rss/1.0/modules/slash/", NS_SLASH },
	{ "http://purl.org/syndication/thread/1.0", NS_THR },
};

#define THR_NS "http://purl.org/syndication/thread/1.0"

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

static enum feed_ns
feed_xml_ns(const xmlChar *uri)
{
	size_t	i;

	if (uri == NULL || *uri == '\0')
		return NS_RSS;
	for (i = 0; i < sizeof feed_xml_nss / sizeof feed_xml_nss[0]; i++)
		if (strcmp((const char *)uri, feed_xml_nss[i].uri) == 0)
			return feed_xml_nss[i].ns;
	return NS_OTHER;
}

/* libxml2's errors, kept instead of printed: the first one counts. */
static void
feed_xml_error(void *arg, xmlErrorPtr err)
{
	struct feed_xml	*x = arg;
	char		*s;
	size_t		 n;

	if (x->error != NULL || err == NULL || err->level < XML_ERR_ERROR)
		return;
	s = xstrdup(err->message != NULL ? err->message : "XML error");
	n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
	x->error = s;
	x->error_line = err->line;
}

static char *
feed_xml_attr(struct feed_xml *x, const char *name)
{
	xmlChar	*v = xmlTextReaderGetAttribute(x->r, (const xmlChar *)name);
	char	*s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* href (trimmed) resolved against xml:base and the document's URL. */
static char *
feed_xml_resolve(struct feed_xml *x, const char *href)
{
	xmlChar	*base, *u;
	char	*s, *t;
	size_t	 n;

	if (href == NULL)
		return NULL;
	while (*href == ' ' || *href == '\t' || *href == '\n' || *href == '\r')
		href++;
	n = strlen(href);
	while (n > 0 && (href[n - 1] == ' ' || href[n - 1] == '\t' ||
	    href[n - 1] == '\n' || href[n - 1] == '\r'))
		n--;
	if (n == 0)
		return NULL;
	t = xstrndup(href, n);
	base = xmlTextReaderBaseUri(x->r);
	u = base != NULL ? xmlBuildURI((const xmlChar *)t, base) : NULL;
	xmlFree(base);
	if (u == NULL)
		return t;
	s = xstrdup((const char *)u);
	xmlFree(u);
	free(t);
	return s;
}

/* The element's xml:lang, inherited, or NULL. */
static char *
feed_xml_attr_lang(struct feed_xml *x)
{
	const xmlChar	*l = xmlTextReaderConstXmlLang(x->r);

	return l != NULL && *l != '\0' ? xstrdup((const char *)l) : NULL;
}

static struct feed_acc *
feed_xml_acc(struct feed_xml *x)
{
	return x->item_depth >= 0 ? &x->item : &x->chan;
}

static int
feed_xml_send_channel(struct feed_xml *x)
{
	struct feed_channel	c;

	if (x->chan_sent)
		return 0;
	x->chan_sent = 1;
	if (x->h->channel == NULL)
		return 0;
	feed_acc_channel(&x->chan, x->kind, &c);
	return x->h->channel(x->h->arg, &c, &x->cause);
}

static int
feed_xml_send_entry(struct feed_xml *x)
{
	struct feed_entry	e;
	int			rc = 0;

	if (x->h->entry != NULL) {
		feed_acc_entry(&x->item, &x->chan, &e);
		rc = x->h->entry(x->h->arg, &e, &x->cause);
	}
	feed_acc_clear(&x->item);
	return rc;
}

/* The capture mode of an Atom text construct, from its type and src. */
static enum feed_mode
feed_xml_atom_mode(struct feed_xml *x)
{
	char		*type, *src;
	enum feed_mode	 m = CAP_PLAIN;

	if ((src = feed_xml_attr(x, "src")) != NULL) {
		free(src);
		return CAP_SKIP;
	}
	if ((type = feed_xml_attr(x, "type")) == NULL)
		return CAP_PLAIN;
	if (strcasecmp(type, "html") == 0 || strcasecmp(type, "text/html") == 0)
		m = CAP_RAW;
	else if (strcasecmp(type, "xhtml") == 0 ||
	    strcasecmp(type, "application/xhtml+xml") == 0)
		m = CAP_XHTML;
	else if (strcasecmp(type, "text") != 0 &&
	    strncasecmp(type, "text/", 5) != 0)
		m = CAP_SKIP;		/* base64 or an XML vocabulary */
	free(type);
	return m;
}

static long long
feed_xml_length(const char *s)
{
	char		*end;
	long long	 v;

	if (s == NULL)
		return -1;
	v = strtoll(s, &end, 10);
	return end != s && v >= 0 ? v : -1;
}

/* <atom:link>: a link of the entry or channel, and the comment links. */
static void
feed_xml_alink(struct feed_xml *x, struct feed_acc *a)
{
	char		*href, *rel, *type, *lang, *title, *len, *count;
	char		*u;

	if ((href = feed_xml_attr(x, "href")) == NULL)
		return;
	u = feed_xml_resolve(x, href);
	rel = feed_xml_attr(x, "rel");
	type = feed_xml_attr(x, "type");
	lang = feed_xml_attr(x, "hreflang");
	title = feed_xml_attr(x, "title");
	len = feed_xml_attr(x, "length");
	feed_acc_link(a, u, rel, type, lang, title, feed_xml_length(len));
	if (u != NULL && rel != NULL && strcmp(rel, "replies") == 0) {
		if (type != NULL && strstr(type, "xml") != NULL)
			feed_acc_set(&a->comments_feed, xstrdup(u));
		else
			feed_acc_set(&a->comments_page, xstrdup(u));
		count = (char *)xmlTextReaderGetAttributeNs(x->r,
		    (const xmlChar *)"count", (const xmlChar *)THR_NS);
		if (count != NULL && a->comment_count < 0)
			a->comment_count = (long)feed_xml_length(count);
		xmlFree(count);
	}
	free(href);
	free(u);
	free(rel);
	free(type);
	free(lang);
	free(title);
	free(len);
}

/* The elements read from their attributes. */
static void
feed_xml_attrs(struct feed_xml *x, enum feed_fld fld, struct feed_acc *a)
{
	char	*s, *t, *u, *len;

	switch (fld) {
	case F_ALINK:
		feed_xml_alink(x, a);
		break;
	case F_ACATEGORY:
		if ((s = feed_xml_attr(x, "label")) == NULL)
			s = feed_xml_attr(x, "term");
		if (s != NULL)
			feed_acc_category(a, s);
		free(s);
		break;
	case F_ENCLOSURE:
		if ((s = feed_xml_attr(x, "url")) == NULL)
			break;
		u = feed_xml_resolve(x, s);
		t = feed_xml_attr(x, "type");
		len = feed_xml_attr(x, "length");
		feed_acc_link(a, u, "enclosure", t, NULL, NULL,
		    feed_xml_length(len));
		free(s);
		free(u);
		free(t);
		free(len);
		break;
	default:
		break;
	}
}

static void
feed_xml_date(const char *s, long long *out)
{
	long long	t;

	if (*out == FEED_NO_DATE && feed_date_parse(s, &t) == 0)
		*out = t;
}

/* "jo@example.org (Jo Doe)" -> "Jo Doe"; s is taken. */
static char *
feed_xml_rss_author(char *s)
{
	char	*open = strchr(s, '('), *close = strrchr(s, ')'), *t;

	if (open == NULL || close == NULL || close < open + 2 ||
	    memchr(s, '@', (size_t)(open - s)) == NULL)
		return s;
	t = xstrndup(open + 1, (size_t)(close - open - 1));
	free(s);
	return t;
}

static int
feed_xml_blank(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return *s == '\0';
}

/* A captured field is complete: store it (s is taken). */
static void
feed_xml_store(struct feed_xml *x, enum feed_fld fld, enum feed_mode mode,
    char *s)
{
	struct feed_acc	*a = feed_xml_acc(x);
	int		 item = x->item_depth >= 0, html = mode != CAP_PLAIN;
	enum feed_text	 type = html ? FEED_TEXT_HTML : FEED_TEXT_PLAIN;
	char		*t;

	switch (fld) {
	case F_TITLE:
		feed_acc_set(&a->title, feed_text_clean(s, html));
		break;
	case F_LINK:
		feed_acc_set(&a->link, feed_xml_resolve(x, s));
		break;
	case F_GUID:
		feed_acc_set(&a->guid, feed_text_clean(s, 0));
		break;
	case F_ID:
		feed_acc_set(&a->id, feed_text_clean(s, 0));
		break;
	case F_PUBLISHED:
		feed_xml_date(s, &a->published);
		break;
	case F_UPDATED:
		feed_xml_date(s, &a->updated);
		break;
	case F_DCDATE:
		feed_xml_date(s, &a->dc_date);
		break;
	case F_RSSAUTHOR:
		if ((t = feed_text_clean(s, 0)) != NULL)
			feed_acc_set(&a->author, feed_xml_rss_author(t));
		break;
	case F_AUTHOR:
		feed_acc_set(&a->author, feed_text_clean(s, 0));
		break;
	case F_CATEGORY:
		feed_acc_category(a, s);
		break;
	case F_CONTENT:
		if (a->content == NULL && !feed_xml_blank(s)) {
			a->content = s;
			a->content_type = type;
			return;
		}
		break;
	case F_DESCRIPTION:
	case F_SUMMARY:
		if (!item) {
			feed_acc_set(&a->description, feed_text_clean(s, html));
			break;
		}
		if (a->summary == NULL && !feed_xml_blank(s)) {
			a->summary = s;
			a->summary_type = type;
			return;
		}
		break;
	case F_SUBTITLE:
		feed_acc_set(&a->description, feed_text_clean(s, html));
		break;
	case F_COMMENTS:
		feed_acc_set(&a->comments_page, feed_xml_resolve(x, s));
		break;
	case F_COMMENTRSS:
		feed_acc_set(&a->comments_feed, feed_xml_resolve(x, s));
		break;
	case F_COUNT:
		if ((t = feed_text_clean(s, 0)) != NULL &&
		    feed_xml_length(t) >= 0)
			a->comment_count = (long)feed_xml_length(t);
		free(t);
		break;
	case F_LANGUAGE:
		feed_acc_set(&a->dc_lang, feed_text_clean(s, 0));
		break;
	default:
		break;
	}
	free(s);
}

/* Void elements of HTML, written without an end tag. */
static int
feed_xml_void(const char *name)
{
	static const char *const v[] = { "br", "img", "hr", "input", "meta",
	    "link", "area", "base", "col", "embed", "source", "track", "wbr",
	    "param", NULL };
	size_t	i;

	for (i = 0; v[i] != NULL; i++)
		if (strcasecmp(name, v[i]) == 0)
			return 1;
	return 0;
}

/* An element inside a RAW or XHTML capture, as an HTML start tag. */
static void
feed_xml_cap_start(struct feed_xml *x, const char *name, int empty)
{
	struct feed_buf	*b = &x->cap;
	const char	*an, *av;
	xmlChar		*base = NULL, *u;

	feed_buf_add(b, "<", 1);
	feed_buf_str(b, name);
	if (x->cap_mode == CAP_XHTML && xmlTextReaderHasAttributes(x->r) == 1)
		base = xmlTextReaderBaseUri(x->r);
	while (xmlTextReaderMoveToNextAttribute(x->r) == 1) {
		if (xmlTextReaderIsNamespaceDecl(x->r) == 1)
			continue;
		an = (const char *)xmlTextReaderConstLocalName(x->r);
		if ((av = (const char *)xmlTextReaderConstValue(x->r)) == NULL)
			av = "";
		/* Links in XHTML content are resolved like the feed's. */
		u = NULL;
		if (base != NULL && (strcmp(an, "href") == 0 ||
		    strcmp(an, "src") == 0))
			u = xmlBuildURI((const xmlChar *)av, base);
		if (u != NULL)
			av = (const char *)u;
		feed_buf_add(b, " ", 1);
		feed_buf_str(b, an);
		feed_buf_add(b, "=\"", 2);
		feed_buf_html(b, av, strlen(av), 1);
		feed_buf_add(b, "\"", 1);
		xmlFree(u);
	}
	xmlFree(base);
	xmlTextReaderMoveToElement(x->r);
	feed_buf_add(b, ">", 1);
	if (empty && !feed_xml_void(name)) {
		feed_buf_add(b, "</", 2);
		feed_buf_str(b, name);
		feed_buf_add(b, ">", 1);
	}
}

/* The field an element is at this depth, or NULL. */
static const struct feed_xml_field *
feed_xml_field(struct feed_xml *x, enum feed_ns ns, const char *name,
    int depth)
{
	const struct feed_xml_field	*f;
	int				 where;
	size_t				 i;

	if (x->author_depth >= 0 && depth == x->author_depth + 1)
		where = W_AUTHOR;
	else if (x->item_depth >= 0 && depth == x->item_depth + 1)
		where = W_ITEM;
	else if (x->item_depth < 0 && x->in_chan &&
	    depth == x->chan_depth + 1)
		where = W_CHAN;
	else
		return NULL;
	for (i = 0; i < sizeof feed_xml_fields / sizeof feed_xml_fields[0];
	    i++) {
		f = &feed_xml_fields[i];
		if (f->ns == ns && (f->where & where) &&
		    strcmp(f->name, name) == 0)
			return f;
	}
	return NULL;
}

/* Is this element an entry of the feed? */
static int
feed_xml_is_item(struct feed_xml *x, enum feed_ns ns, const char *name,
    int depth)
{
	if (x->item_depth >= 0)
		return 0;
	switch (x->kind) {
	case FEED_ATOM:
		return depth == 1 && ns == NS_ATOM &&
		    strcmp(name, "entry") == 0;
	case FEED_RSS:
		return (depth == 1 || depth == 2) && ns == NS_RSS &&
		    strcmp(name, "item") == 0;
	default:
		return (depth == 1 || depth == 2) && ns == NS_RSS &&
		    strcmp(name, "item") == 0;
	}
}

/* The root element: which kind of feed, or what else the document is. */
static int
feed_xml_root(struct feed_xml *x, enum feed_ns ns, const char *name)
{
	const char	*what = NULL;

	if (strcmp(name, "rss") == 0) {
		x->kind = FEED_RSS;
		x->chan_depth = 1;
	} else if (strcmp(name, "RDF") == 0 && ns == NS_RDF) {
		x->kind = FEED_RDF;
		x->chan_depth = 1;
	} else if (strcmp(name, "feed") == 0 && ns == NS_ATOM) {
		x->kind = FEED_ATOM;
		x->chan_depth = 0;
		x->in_chan = 1;
	} else if (strcasecmp(name, "html") == 0)
		what = "an HTML page";
	else if (strcasecmp(name, "opml") == 0)
		what = "an OPML file";
	else if (strcmp(name, "entry") == 0 && ns == NS_ATOM)
		what = "an Atom entry, not a feed";
	if (what != NULL || x->kind == 0) {
		if (what != NULL)
			xasprintf(&x->cause, "not a feed (%s)", what);
		else
			xasprintf(&x->cause, "not a feed (an XML document "
			    "whose root is <%.40s>)", name);
		return -1;
	}
	feed_acc_set(&x->chan.lang, feed_xml_attr_lang(x));
	return 0;
}

static void
feed_xml_start(struct feed_xml *x, int depth)
{
	const char			*name;
	enum feed_ns			 ns;
	const struct feed_xml_field	*f;
	struct feed_acc			*a;
	char				*s;

	name = (const char *)xmlTextReaderConstLocalName(x->r);
	if (name == NULL)
		return;
	if (x->cap_depth >= 0) {
		if (x->cap_mode == CAP_RAW || x->cap_mode == CAP_XHTML)
			feed_xml_cap_start(x, name, x->empty);
		return;
	}
	ns = feed_xml_ns(xmlTextReaderConstNamespaceUri(x->r));
	if (depth == 0) {
		(void)feed_xml_root(x, ns, name);
		return;
	}
	if (depth == x->chan_depth && x->item_depth < 0 && ns == NS_RSS &&
	    strcmp(name, "channel") == 0) {
		x->in_chan = 1;
		feed_acc_set(&x->chan.lang, feed_xml_attr_lang(x));
		return;
	}
	if (feed_xml_is_item(x, ns, name, depth)) {
		if (feed_xml_send_channel(x) != 0)
			return;
		x->item_depth = depth;
		x->item.lang = feed_xml_attr_lang(x);
		if ((s = feed_xml_attr(x, "rdf:about")) != NULL) {
			x->item.about = feed_xml_resolve(x, s);
			free(s);
		}
		return;
	}
	if (x->item_depth < 0 && x->chan_sent)
		return;		/* channel fields after the entries */
	if ((f = feed_xml_field(x, ns, name, depth)) == NULL)
		return;
	a = feed_xml_acc(x);
	if (f->fld == F_AAUTHOR) {
		x->author_depth = depth;
		return;
	}
	if (f->mode == CAP_SKIP) {
		feed_xml_attrs(x, f->fld, a);
		return;
	}
	if (f->fld == F_GUID && (s = feed_xml_attr(x, "isPermaLink")) != NULL) {
		a->guid_permalink = strcasecmp(s, "false") != 0;
		free(s);
	}
	x->cap_mode = f->ns == NS_ATOM && f->fld != F_ID &&
	    f->fld != F_UPDATED && f->fld != F_PUBLISHED ?
	    feed_xml_atom_mode(x) : f->mode;
	if (x->cap_mode == CAP_SKIP)
		return;
	x->cap_depth = depth;
	x->cap_fld = f->fld;
}

static void
feed_xml_end(struct feed_xml *x, int depth)
{
	const char	*name;

	if (x->cap_depth >= 0 && depth > x->cap_depth) {
		name = (const char *)xmlTextReaderConstLocalName(x->r);
		if ((x->cap_mode == CAP_RAW || x->cap_mode == CAP_XHTML) &&
		    !x->empty && name != NULL && !feed_xml_void(name)) {
			feed_buf_add(&x->cap, "</", 2);
			feed_buf_str(&x->cap, name);
			feed_buf_add(&x->cap, ">", 1);
		}
		return;
	}
	if (x->cap_depth >= 0 && depth == x->cap_depth) {
		x->cap_depth = -1;
		feed_xml_store(x, x->cap_fld, x->cap_mode,
		    x->cap.s != NULL ? feed_buf_take(&x->cap) : xstrdup(""));
		return;
	}
	if (depth == x->author_depth)
		x->author_depth = -1;
	else if (depth == x->item_depth) {
		x->item_depth = -1;
		(void)feed_xml_send_entry(x);
	} else if (depth == x->chan_depth && x->item_depth < 0)
		x->in_chan = x->kind == FEED_ATOM;
}

static void
feed_xml_text(struct feed_xml *x)
{
	const char	*v;

	if (x->cap_depth < 0)
		return;
	if ((v = (const char *)xmlTextReaderConstValue(x->r)) == NULL)
		return;
	if (x->cap_mode == CAP_XHTML)
		feed_buf_html(&x->cap, v, strlen(v), 0);
	else
		feed_buf_add(&x->cap, v, strlen(v));
}

/* Walk the document; returns xmlTextReaderRead()'s last answer. */
static int
feed_xml_walk(struct feed_xml *x)
{
	int	ret, depth;

	while ((ret = xmlTextReaderRead(x->r)) == 1) {
		depth = xmlTextReaderDepth(x->r);
		switch (xmlTextReaderNodeType(x->r)) {
		case XML_READER_TYPE_ELEMENT:
			x->empty = xmlTextReaderIsEmptyElement(x->r) == 1;
			feed_xml_start(x, depth);
			if (x->empty && x->cause == NULL)
				feed_xml_end(x, depth);
			x->empty = 0;
			break;
		case XML_READER_TYPE_END_ELEMENT:
			feed_xml_end(x, depth);
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			feed_xml_text(x);
			break;
		default:
			break;
		}
		if (x->cause != NULL)
			break;
	}
	return ret;
}

/* The one warning for libxml2's first error. */
static void
feed_xml_warn(struct feed_xml *x, const char *text, size_t len, int ret)
{
	const char	*p;
	int		 lines = 1, cut;

	for (p = text; (p = memchr(p, '\n', len - (size_t)(p - text))) !=
	    NULL; p++)
		lines++;
	cut = x->item_depth >= 0 || (ret < 0 && x->error_line >= lines);
	if (cut)
		feed_warn(x->h, "the feed is cut short at line %d (%s); read "
		    "up to there", x->error_line, x->error);
	else if (ret < 0)
		feed_warn(x->h, "XML error at line %d (%s); read up to there",
		    x->error_line, x->error);
	else
		feed_warn(x->h, "XML error at line %d (%s)", x->error_line,
		    x->error);
}

int
feed_xml_parse(const char *text, size_t len, const char *url,
    const struct feed_handler *h, char **cause)
{
	struct feed_xml	 x;
	int		 ret, rc = 0;

	if (len > 0x7fffffff) {
		xasprintf(cause, "%s: too large for a feed", url);
		return -1;
	}
	memset(&x, 0, sizeof x);
	x.url = url;
	x.h = h;
	x.item_depth = x.author_depth = x.cap_depth = -1;
	feed_acc_init(&x.chan);
	feed_acc_init(&x.item);
	xmlInitParser();
	x.r = xmlReaderForMemory(text, (int)len, url, "UTF-8",
	    XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOCDATA |
	    XML_PARSE_IGNORE_ENC | XML_PARSE_COMPACT);
	if (x.r == NULL) {
		xasprintf(cause, "%s: cannot read the XML", url);
		return -1;
	}
	xmlTextReaderSetStructuredErrorHandler(x.r, feed_xml_error, &x);
	ret = feed_xml_walk(&x);
	if (x.cause == NULL && x.kind == 0)
		xasprintf(&x.cause, "not a feed (not well-formed XML: %s)",
		    x.error != NULL ? x.error : "no root element");
	if (x.cause == NULL && x.error != NULL)
		feed_xml_warn(&x, text, len, ret);
	if (x.cause == NULL)
		(void)feed_xml_send_channel(&x);
	if (x.cause != NULL) {
		xasprintf(cause, "%s: %s", url, x.cause);
		rc = -1;
	}
	xmlFreeTextReader(x.r);
	free(x.cause);
	free(x.error);
	feed_buf_free(&x.cap);
	feed_acc_clear(&x.chan);
	feed_acc_clear(&x.item);
	return rc;
}
