/*
 * feed-field.c: the elements of RSS 0.9x/1.0/2.0, Atom and the modules
 * feeds use with them (Dublin Core, content, wfw, slash, thr), and how
 * each one's text or attributes go into the entry or the channel.
 *
 * An element is known by its namespace (RSS 2.0 has none; RSS 1.0 and
 * 0.90 count as RSS), its local name and where it stands: a child of
 * the channel, of an entry, or of an Atom author.  The first value of
 * a field wins, except a comment count, where the last does.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>

#include "feed-xml.h"
#include "xmalloc.h"

#define THR_NS "http://purl.org/syndication/thread/1.0"

static const struct feed_field feed_fields[] = {
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
	{ NS_THR, "in-reply-to", W_ITEM, F_INREPLYTO, CAP_SKIP },
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
} feed_field_nss[] = {
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

enum feed_ns
feed_field_ns(const xmlChar *uri)
{
	size_t	i;

	if (uri == NULL || *uri == '\0')
		return NS_RSS;
	for (i = 0; i < sizeof feed_field_nss / sizeof feed_field_nss[0]; i++)
		if (strcmp((const char *)uri, feed_field_nss[i].uri) == 0)
			return feed_field_nss[i].ns;
	return NS_OTHER;
}

/* The capture mode of an Atom text construct, from its type and src. */
enum feed_mode
feed_field_mode(struct feed_xml *x)
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
feed_field_length(const char *s)
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
feed_field_alink(struct feed_xml *x, struct feed_acc *a)
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
	feed_acc_link(a, u, rel, type, lang, title, feed_field_length(len));
	if (u != NULL && rel != NULL && strcmp(rel, "replies") == 0) {
		if (type != NULL && strstr(type, "xml") != NULL)
			feed_acc_set(&a->comments_feed, xstrdup(u));
		else
			feed_acc_set(&a->comments_page, xstrdup(u));
		count = (char *)xmlTextReaderGetAttributeNs(x->r,
		    (const xmlChar *)"count", (const xmlChar *)THR_NS);
		if (count != NULL && a->comment_count < 0)
			a->comment_count = (long)feed_field_length(count);
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
void
feed_field_attrs(struct feed_xml *x, enum feed_fld fld, struct feed_acc *a)
{
	char	*s, *t, *u, *len;

	switch (fld) {
	case F_ALINK:
		feed_field_alink(x, a);
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
		    feed_field_length(len));
		free(s);
		free(u);
		free(t);
		free(len);
		break;
	case F_INREPLYTO:
		/* ref is the parent's id, compared as the ids are read. */
		if ((s = feed_xml_attr(x, "ref")) != NULL)
			feed_acc_set(&a->in_reply_to, feed_text_clean(s, 0));
		free(s);
		break;
	default:
		break;
	}
}

static void
feed_field_date(const char *s, long long *out)
{
	long long	t;

	if (*out == FEED_NO_DATE && feed_date_parse(s, &t) == 0)
		*out = t;
}

/* "jo@example.org (Jo Doe)" -> "Jo Doe"; s is taken. */
static char *
feed_field_rss_author(char *s)
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
feed_field_blank(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return *s == '\0';
}

/* A captured field is complete: store it (s is taken). */
void
feed_field_store(struct feed_xml *x, enum feed_fld fld, enum feed_mode mode,
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
		feed_field_date(s, &a->published);
		break;
	case F_UPDATED:
		feed_field_date(s, &a->updated);
		break;
	case F_DCDATE:
		feed_field_date(s, &a->dc_date);
		break;
	case F_RSSAUTHOR:
		if ((t = feed_text_clean(s, 0)) != NULL)
			feed_acc_set(&a->author, feed_field_rss_author(t));
		break;
	case F_AUTHOR:
		feed_acc_set(&a->author, feed_text_clean(s, 0));
		break;
	case F_CATEGORY:
		feed_acc_category(a, s);
		break;
	case F_CONTENT:
		if (a->content == NULL && !feed_field_blank(s)) {
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
		if (a->summary == NULL && !feed_field_blank(s)) {
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
		    feed_field_length(t) >= 0)
			a->comment_count = (long)feed_field_length(t);
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

/* The field an element is at this depth, or NULL. */
const struct feed_field *
feed_field_find(struct feed_xml *x, enum feed_ns ns, const char *name,
    int depth)
{
	const struct feed_field	*f;
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
	for (i = 0; i < sizeof feed_fields / sizeof feed_fields[0];
	    i++) {
		f = &feed_fields[i];
		if (f->ns == ns && (f->where & where) &&
		    strcmp(f->name, name) == 0)
			return f;
	}
	return NULL;
}

