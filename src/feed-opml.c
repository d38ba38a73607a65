/*
 * feed-opml.c: subscription lists in OPML 1.0 and 2.0, read and written.
 *
 * Reading walks the file with libxml2's streaming reader, as feed-xml.c
 * does: every <outline> with an xmlUrl is a subscription, and its tags
 * are the titles of the outlines it sits in (folders, as feed readers
 * export them) followed by the entries of its category attribute
 * ("/News,/Tech/Linux" -> "News", "Tech/Linux": OPML 2.0 writes paths
 * from a leading slash), each tag once, at most 256 of them.
 *
 * Writing gives OPML 2.0 with one flat outline per subscription and its
 * tags in category, which this reader reads back to the same outlines:
 * a missing title is written as text="" and read back as none.  A comma
 * cannot be written inside one category entry, so a tag's commas are
 * written as spaces; control characters that XML cannot hold are left
 * out, and tabs and newlines are written as references so that
 * attribute normalisation keeps them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlreader.h>

#include "charset.h"
#include "feed-int.h"
#include "utf8.h"
#include "xmalloc.h"

#define FEED_OPML_MAX_TAGS 256

struct feed_opml {
	xmlTextReaderPtr	  r;
	char			**folders;	/* by depth; NULL: not one */
	size_t			  nfolders;
	char			**tags;		/* of the outline at hand */
	size_t			  ntags, captags;
	char			 *error;
	int			  error_line;
};

static void
feed_opml_error(void *arg, xmlErrorPtr err)
{
	struct feed_opml	*o = arg;
	const char		*m;
	size_t			 n, k;

	if (o->error != NULL || err == NULL || err->level < XML_ERR_ERROR)
		return;
	m = err->message != NULL ? err->message : "XML error";
	o->error = utf8_valid_or_replace(m, strlen(m), &n, &k);
	while (n > 0 && (o->error[n - 1] == '\n' || o->error[n - 1] == ' '))
		o->error[--n] = '\0';
	o->error_line = err->line;
}

/* An attribute by name, in any case (OPML files disagree). */
static char *
feed_opml_attr(struct feed_opml *o, const char *name)
{
	const char	*an, *v;
	char		*s = NULL;

	while (s == NULL && xmlTextReaderMoveToNextAttribute(o->r) == 1) {
		an = (const char *)xmlTextReaderConstLocalName(o->r);
		v = (const char *)xmlTextReaderConstValue(o->r);
		if (an != NULL && v != NULL && strcasecmp(an, name) == 0)
			s = feed_text_clean(v, 0);
	}
	xmlTextReaderMoveToElement(o->r);
	return s;
}

static void
feed_opml_tag(struct feed_opml *o, const char *tag)
{
	size_t	i;

	/* A bound on tags keeps the check for duplicates cheap. */
	if (tag == NULL || *tag == '\0' || o->ntags >= FEED_OPML_MAX_TAGS)
		return;
	for (i = 0; i < o->ntags; i++)
		if (strcmp(o->tags[i], tag) == 0)
			return;
	if (o->ntags == o->captags) {
		o->captags = o->captags == 0 ? 8 : o->captags * 2;
		o->tags = xreallocarray(o->tags, o->captags, sizeof *o->tags);
	}
	o->tags[o->ntags++] = xstrdup(tag);
}

/* The tags of an outline at depth: its folders, then its category. */
static void
feed_opml_tags(struct feed_opml *o, int depth, const char *category)
{
	const char	*p, *e;
	char		*t, *c;
	size_t		 i;

	for (i = 0; i < o->ntags; i++)
		free(o->tags[i]);
	o->ntags = 0;
	for (i = 0; i < o->nfolders && i < (size_t)depth; i++)
		feed_opml_tag(o, o->folders[i]);
	for (p = category; p != NULL && *p != '\0'; p = *e == ',' ? e + 1 : e) {
		e = p + strcspn(p, ",");
		t = xstrndup(p, (size_t)(e - p));
		c = feed_text_clean(t, 0);
		if (c != NULL)
			feed_opml_tag(o, c[0] == '/' ? c + 1 : c);
		free(c);
		free(t);
	}
}

/* Remember (or forget) the folder title at depth. */
static void
feed_opml_folder(struct feed_opml *o, int depth, char *title)
{
	size_t	i;

	if ((size_t)depth >= o->nfolders) {
		o->folders = xreallocarray(o->folders, depth + 1,
		    sizeof *o->folders);
		for (i = o->nfolders; i <= (size_t)depth; i++)
			o->folders[i] = NULL;
		o->nfolders = depth + 1;
	}
	free(o->folders[depth]);
	o->folders[depth] = title;
}

static int
feed_opml_outline(struct feed_opml *o, int depth,
    int (*cb)(void *, const struct feed_outline *, char **), void *arg,
    char **why)
{
	struct feed_outline	 fo;
	char			*url, *text, *html, *lang, *cat;
	int			 rc = 0;

	if ((url = feed_opml_attr(o, "xmlUrl")) == NULL) {
		if (xmlTextReaderIsEmptyElement(o->r) != 1) {
			if ((text = feed_opml_attr(o, "text")) == NULL)
				text = feed_opml_attr(o, "title");
			feed_opml_folder(o, depth, text);
		}
		return 0;
	}
	if ((text = feed_opml_attr(o, "text")) == NULL)
		text = feed_opml_attr(o, "title");
	html = feed_opml_attr(o, "htmlUrl");
	lang = feed_opml_attr(o, "language");
	cat = feed_opml_attr(o, "category");
	feed_opml_tags(o, depth, cat);
	fo.url = url;
	fo.title = text;
	fo.html_url = html;
	fo.lang = lang;
	fo.tags = (const char *const *)o->tags;
	fo.ntags = o->ntags;
	if (cb != NULL)
		rc = cb(arg, &fo, why);
	if (xmlTextReaderIsEmptyElement(o->r) != 1)
		feed_opml_folder(o, depth, NULL);
	free(url);
	free(text);
	free(html);
	free(lang);
	free(cat);
	return rc;
}

/* The walk; returns 0, or -1 with *why (without the name). */
static int
feed_opml_walk(struct feed_opml *o,
    int (*cb)(void *, const struct feed_outline *, char **), void *arg,
    char **why)
{
	const char	*name;
	int		 ret, depth, root = 0;

	while ((ret = xmlTextReaderRead(o->r)) == 1) {
		depth = xmlTextReaderDepth(o->r);
		if (xmlTextReaderNodeType(o->r) == XML_READER_TYPE_END_ELEMENT) {
			if (depth >= 0 && (size_t)depth < o->nfolders)
				feed_opml_folder(o, depth, NULL);
			continue;
		}
		if (xmlTextReaderNodeType(o->r) != XML_READER_TYPE_ELEMENT)
			continue;
		name = (const char *)xmlTextReaderConstLocalName(o->r);
		if (name == NULL)
			continue;
		if (depth == 0) {
			if (strcasecmp(name, "opml") != 0) {
				xasprintf(why, "not an OPML file (the root is "
				    "<%.*s>)", feed_cut(name, 40), name);
				return -1;
			}
			root = 1;
		} else if (strcasecmp(name, "outline") == 0 &&
		    feed_opml_outline(o, depth, cb, arg, why) != 0)
			return -1;
	}
	if (!root) {
		xasprintf(why, "not an OPML file (%s)", o->error != NULL ?
		    o->error : "no root element");
		return -1;
	}
	if (ret < 0 || o->error != NULL) {
		xasprintf(why, "broken OPML at line %d: %s", o->error_line,
		    o->error != NULL ? o->error : "cannot read");
		return -1;
	}
	return 0;
}

int
feed_opml_parse(const char *buf, size_t len, const char *name,
    int (*cb)(void *, const struct feed_outline *, char **), void *arg,
    char **cause)
{
	struct feed_opml	 o;
	struct charset_result	 r;
	char			*why = NULL;
	size_t			 i;
	int			 rc;

	if (charset_to_utf8(len > 0 ? buf : "", len, NULL, &r, &why) != 0) {
		xasprintf(cause, "%s: %s", name, why);
		free(why);
		return -1;
	}
	if (r.len > 0x7fffffff) {
		free(r.text);
		xasprintf(cause, "%s: too large for an OPML file", name);
		return -1;
	}
	if (strspn(r.text, " \t\r\n") == r.len) {
		free(r.text);
		xasprintf(cause, "%s: not an OPML file (empty)", name);
		return -1;
	}
	memset(&o, 0, sizeof o);
	xmlInitParser();
	o.r = xmlReaderForMemory(r.text, (int)r.len, name, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC);
	if (o.r == NULL) {
		free(r.text);
		xasprintf(cause, "%s: not an OPML file (empty)", name);
		return -1;
	}
	xmlTextReaderSetStructuredErrorHandler(o.r, feed_opml_error, &o);
	rc = feed_opml_walk(&o, cb, arg, &why);
	if (rc != 0)
		xasprintf(cause, "%s: %s", name, why != NULL ? why : "failed");
	free(why);
	xmlFreeTextReader(o.r);
	for (i = 0; i < o.nfolders; i++)
		free(o.folders[i]);
	free(o.folders);
	for (i = 0; i < o.ntags; i++)
		free(o.tags[i]);
	free(o.tags);
	free(o.error);
	free(r.text);
	return rc;
}

/* An attribute value as XML; what XML 1.0 cannot hold is left out. */
static void
feed_opml_value(struct feed_buf *b, const char *s, int comma)
{
	const unsigned char	*p;
	char			 ref[8];

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '&':
			feed_buf_str(b, "&amp;");
			break;
		case '<':
			feed_buf_str(b, "&lt;");
			break;
		case '>':
			feed_buf_str(b, "&gt;");
			break;
		case '"':
			feed_buf_str(b, "&quot;");
			break;
		case '\t':
		case '\n':
		case '\r':
			snprintf(ref, sizeof ref, "&#%u;", *p);
			feed_buf_str(b, ref);
			break;
		case ',':
			feed_buf_add(b, comma ? " " : ",", 1);
			break;
		default:
			if (*p >= 0x20)
				feed_buf_add(b, (const char *)p, 1);
		}
	}
}

static void
feed_opml_write_attr(struct feed_buf *b, const char *name, const char *v)
{
	if (v == NULL)
		return;
	feed_buf_add(b, " ", 1);
	feed_buf_str(b, name);
	feed_buf_add(b, "=\"", 2);
	feed_opml_value(b, v, 0);
	feed_buf_add(b, "\"", 1);
}

char *
feed_opml_write(const char *title, const struct feed_outline *fo, size_t n)
{
	struct feed_buf	 b = { NULL, 0, 0 };
	size_t		 i, k;

	feed_buf_str(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n<head>\n<title>");
	feed_opml_value(&b, title != NULL ? title : "tandem", 0);
	feed_buf_str(&b, "</title>\n</head>\n<body>\n");
	for (i = 0; i < n; i++) {
		feed_buf_str(&b, "<outline type=\"rss\"");
		feed_opml_write_attr(&b, "text", fo[i].title != NULL ?
		    fo[i].title : "");
		feed_opml_write_attr(&b, "title", fo[i].title);
		feed_opml_write_attr(&b, "xmlUrl", fo[i].url);
		feed_opml_write_attr(&b, "htmlUrl", fo[i].html_url);
		feed_opml_write_attr(&b, "language", fo[i].lang);
		if (fo[i].ntags > 0) {
			feed_buf_str(&b, " category=\"");
			for (k = 0; k < fo[i].ntags; k++) {
				feed_buf_str(&b, k > 0 ? ",/" : "/");
				feed_opml_value(&b, fo[i].tags[k], 1);
			}
			feed_buf_add(&b, "\"", 1);
		}
		feed_buf_str(&b, "/>\n");
	}
	feed_buf_str(&b, "</body>\n</opml>\n");
	return b.s;
}
