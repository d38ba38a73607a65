/*
 * feed-discover.c: the feeds an HTML page names (feed autodiscovery).
 *
 * A page names its feeds with <link rel="alternate" type="application/
 * rss+xml" href="...">, and Atom, JSON Feed (application/feed+json, or
 * the older application/json) likewise; rel="feed" and "alternate feed"
 * count too.  A <link rel=alternate> without a feed type is a language
 * version, not a feed, and <a> links are never feeds here.  The bytes
 * become UTF-8 through charset.c, libxml2's forgiving HTML parser makes
 * the tree (it never reads the network), and one walk without recursion
 * collects the links, resolved against <base href> or the page's URL.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

#include "charset.h"
#include "feed-int.h"
#include "xmalloc.h"

#define FEED_DISCOVER_MAX 64

struct feed_found {
	char	**urls;
	size_t	  n, cap;
	char	 *base;		/* <base href>, resolved, or NULL */
};

/* Does the space-separated list s hold word (any case)? */
static int
feed_discover_word(const char *s, const char *word)
{
	size_t	n = strlen(word), k;

	while (s != NULL && *s != '\0') {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
		    *s == '\f')
			s++;
		for (k = 0; s[k] != '\0' && strchr(" \t\n\r\f", s[k]) == NULL;
		    k++)
			;
		if (k == n && strncasecmp(s, word, n) == 0)
			return 1;
		s += k;
	}
	return 0;
}

/* A media type of a feed, parameters ignored? */
static int
feed_discover_type(const char *t)
{
	static const char *const types[] = { "application/rss+xml",
	    "application/atom+xml", "application/feed+json",
	    "application/json", "application/rdf+xml", NULL };
	size_t	i, n;

	if (t == NULL)
		return 0;
	while (*t == ' ')
		t++;
	for (n = 0; t[n] != '\0' && t[n] != ';' && t[n] != ' '; n++)
		;
	for (i = 0; types[i] != NULL; i++)
		if (strlen(types[i]) == n && strncasecmp(t, types[i], n) == 0)
			return 1;
	return 0;
}

static char *
feed_discover_attr(xmlNodePtr n, const char *name)
{
	xmlChar	*v = xmlGetProp(n, (const xmlChar *)name);
	char	*s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

static void
feed_discover_add(struct feed_found *f, const char *base, const char *href)
{
	char	*u;
	size_t	 i;

	while (*href == ' ' || *href == '\t' || *href == '\n' || *href == '\r')
		href++;
	/* No page names that many feeds; the bound keeps dedup linear. */
	if (*href == '\0' || f->n >= FEED_DISCOVER_MAX)
		return;
	u = feed_resolve(f->base != NULL ? f->base : base, href);
	for (i = 0; i < f->n; i++) {
		if (strcmp(f->urls[i], u) == 0) {
			free(u);
			return;
		}
	}
	if (f->n + 1 >= f->cap) {
		f->cap = f->cap == 0 ? 4 : f->cap * 2;
		f->urls = xreallocarray(f->urls, f->cap, sizeof *f->urls);
	}
	f->urls[f->n++] = u;
	f->urls[f->n] = NULL;
}

static void
feed_discover_node(struct feed_found *f, xmlNodePtr n, const char *base)
{
	char	*rel, *type, *href;

	if (strcasecmp((const char *)n->name, "base") == 0 && f->base == NULL) {
		if ((href = feed_discover_attr(n, "href")) != NULL)
			f->base = feed_resolve(base, href);
		free(href);
		return;
	}
	if (strcasecmp((const char *)n->name, "link") != 0)
		return;
	rel = feed_discover_attr(n, "rel");
	type = feed_discover_attr(n, "type");
	href = feed_discover_attr(n, "href");
	if (href != NULL && (feed_discover_word(rel, "feed") ||
	    (feed_discover_word(rel, "alternate") &&
	    feed_discover_type(type))))
		feed_discover_add(f, base, href);
	free(rel);
	free(type);
	free(href);
}

int
feed_discover(const char *buf, size_t len, const char *base, char ***urls,
    size_t *n)
{
	const int		 opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC;
	struct feed_found	 f;
	struct charset_result	 r;
	xmlDocPtr		 doc = NULL;
	xmlNodePtr		 node;
	char			*cause = NULL;

	memset(&f, 0, sizeof f);
	f.cap = 1;
	f.urls = xcalloc(1, sizeof *f.urls);
	if (len > 0 && len < INT_MAX &&
	    charset_to_utf8(buf, len, NULL, &r, &cause) == 0) {
		xmlInitParser();
		if (r.len > 0)
			doc = htmlReadMemory(r.text, (int)r.len, base, "UTF-8",
			    opts);
		free(r.text);
	}
	free(cause);
	node = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	while (node != NULL) {
		if (node->type == XML_ELEMENT_NODE)
			feed_discover_node(&f, node, base);
		if (node->type == XML_ELEMENT_NODE && node->children != NULL) {
			node = node->children;
			continue;
		}
		while (node != NULL && node->next == NULL)
			node = node->parent != (xmlNodePtr)doc ? node->parent :
			    NULL;
		if (node != NULL)
			node = node->next;
	}
	xmlFreeDoc(doc);
	free(f.base);
	*urls = f.urls;
	*n = f.n;
	return 0;
}
