/*
 * feed-xml.c: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0 (and 0.3) on
 * libxml2's streaming reader.
 *
 * The reader hands over one node at a time and frees what lies behind,
 * so memory is the current entry, not the document.  The root decides
 * the kind; then every element is matched by namespace, name and where
 * it is (a channel field, an entry field, an Atom author's name) against
 * the table of feed-field.c.  A field's text is captured until its end tag:
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
 * what was read before it stands; an entry cut short is dropped.  The
 * reader parses ahead in chunks of 512 bytes and stops at a chunk that
 * does not parse, so the entries of the last half kilobyte before a
 * mid-document error are lost with it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>
#include <libxml/xmlreader.h>

#include "feed-int.h"
#include "feed-xml.h"
#include "sniff.h"
#include "utf8.h"
#include "xmalloc.h"

/* libxml2's errors, kept instead of printed: the first one counts. */
static void
feed_xml_error(void *arg, xmlErrorPtr err)
{
	struct feed_xml	*x = arg;
	const char	*m;
	char		*s;
	size_t		 n, k;

	if (x->error != NULL || err == NULL || err->level < XML_ERR_ERROR)
		return;
	/* libxml2 quotes the input, perhaps cut mid-character. */
	m = err->message != NULL ? err->message : "XML error";
	s = utf8_valid_or_replace(m, strlen(m), &n, &k);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
	x->error = s;
	x->error_line = err->line;
}

char *
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
char *
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

struct feed_acc *
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
			    "whose root is <%.*s>)", feed_cut(name, 40), name);
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
	const struct feed_field	*f;
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
	ns = feed_field_ns(xmlTextReaderConstNamespaceUri(x->r));
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
	if ((f = feed_field_find(x, ns, name, depth)) == NULL)
		return;
	a = feed_xml_acc(x);
	if (f->fld == F_AAUTHOR) {
		x->author_depth = depth;
		return;
	}
	if (f->mode == CAP_SKIP) {
		feed_field_attrs(x, f->fld, a);
		return;
	}
	if (f->fld == F_GUID && (s = feed_xml_attr(x, "isPermaLink")) != NULL) {
		a->guid_permalink = strcasecmp(s, "false") != 0;
		free(s);
	}
	x->cap_mode = f->ns == NS_ATOM && f->fld != F_ID &&
	    f->fld != F_UPDATED && f->fld != F_PUBLISHED ?
	    feed_field_mode(x) : f->mode;
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
		feed_field_store(x, x->cap_fld, x->cap_mode,
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
	cut = ret < 0 && x->error_line >= lines - 1;
	if (cut)
		feed_warn(x->h, "the feed is cut short at line %d; read up to "
		    "there", x->error_line);
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
	/* libxml2's reader gives nothing of a chunk with an error in it:
	   a small feed broken early has no root element to show. */
	if (x.cause == NULL && x.kind == 0 && sniff_format(text, len) ==
	    SNIFF_FEED)
		xasprintf(&x.cause, "a feed too broken to read (XML error at "
		    "line %d: %s)", x.error_line, x.error != NULL ? x.error :
		    "no root element");
	else if (x.cause == NULL && x.kind == 0)
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
