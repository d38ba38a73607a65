/*
 * html.c: a web page -> struct html_page (see html.h); the one home of
 * libxml2's HTML parser in tandem.
 *
 * libxml2 builds the tree, forgiving any tag soup, told the bytes are
 * UTF-8 whatever the page declares, and never allowed near the network.
 * Without XML_PARSE_HUGE it stops at 256 levels of nesting, which keeps
 * its own stack and ours small; our walks use no recursion at all.
 *
 * One walk over the whole tree (html_meta_enter) picks up the metadata
 * of html.h, the language versions, the comment policy and the
 * candidates for the main text; html-text.c then extracts the text.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

#include "html-int.h"
#include "lang.h"
#include "langid.h"
#include "page-markers.h"
#include "xmalloc.h"

#define HTML_MAX_INPUT		(64 * 1024 * 1024)	/* bytes parsed */
#define HTML_MAX_ALTERNATES	256	/* languages kept from one page */
#define HTML_LANGID_BYTES	4096	/* text langid looks at */

/* Sources of a field, best first; the first value found of each kept. */
enum { AUTHOR_META, AUTHOR_OG, AUTHOR_PROP, AUTHOR_REL, AUTHOR_N };
enum { DATE_OG, DATE_PROP, DATE_TIME_ARTICLE, DATE_TIME, DATE_N };

struct html_meta {
	struct html_page	*pg;
	struct html_cands	*c;
	const char		*base_url;
	char			*base_href;
	char			*og_title, *h1, *title, *og_url, *canonical;
	char			*author[AUTHOR_N], *date[DATE_N];
	char			*lang_html, *lang_meta;
	int			 in_article, in_switcher, in_body;
	int			 login, closed, open, form;
	size_t			 acap, ccap;
};

/* The separators of a " | Site" title suffix. */
static const char *const html_title_seps[] = { " | ", " - ", " \xe2\x80\x93 ",
    " \xe2\x80\x94 ", " :: ", " \xc2\xb7 ", NULL };

/* Set *field to a clean copy of s, unless it is set already. */
static void
html_meta_set(char **field, const char *s)
{
	if (*field == NULL && s != NULL)
		*field = html_clean(s, strlen(s));
}

/* href resolved against <base href> or the page's URL; NULL for a
   script, data or mail link, or one libxml2 cannot read. */
static char *
html_meta_url(struct html_meta *m, const char *href)
{
	static const char *const bad[] = { "javascript:", "data:", "mailto:",
	    "tel:", "about:", "file:", NULL };
	const char	*base = m->base_href ? m->base_href : m->base_url;
	const char *const *b;
	char		*h, *out;
	xmlChar		*u;

	if ((h = html_clean(href, href ? strlen(href) : 0)) == NULL)
		return NULL;
	u = xmlBuildURI((const xmlChar *)h, (const xmlChar *)base);
	free(h);
	if (u == NULL)
		return NULL;
	for (b = bad; *b != NULL; b++)
		if (strncasecmp((const char *)u, *b, strlen(*b)) == 0) {
			xmlFree(u);
			return NULL;
		}
	out = xstrdup((const char *)u);
	xmlFree(u);
	return out;
}

/* A language tag as written, checked for shape: letters, digits, "-"
   ("_" read as "-"), at most 35 bytes, the first part letters. */
static char *
html_meta_tag(const char *s)
{
	char	*t, *p;
	size_t	 n;

	if (s == NULL)
		return NULL;
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	n = strcspn(s, " \t\n,;");
	if (n == 0 || n > 35)
		return NULL;
	t = xstrndup(s, n);
	for (p = t; *p != '\0'; p++) {
		if (*p == '_')
			*p = '-';
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9' && p > t) || (*p == '-' && p > t))) {
			free(t);
			return NULL;
		}
	}
	return t;
}

static void
html_meta_alternate(struct html_meta *m, const char *hreflang,
    const char *href)
{
	struct html_page *pg = m->pg;
	char		 *tag, *url;
	size_t		  i;

	if ((tag = html_meta_tag(hreflang)) == NULL)
		return;
	if (strcasecmp(tag, "x-default") == 0) {
		if (pg->x_default == NULL)
			pg->x_default = html_meta_url(m, href);
		free(tag);
		return;
	}
	for (i = 0; i < pg->nalternates; i++)
		if (strcasecmp(pg->alternates[i].lang, tag) == 0)
			break;
	if (i < pg->nalternates || i >= HTML_MAX_ALTERNATES ||
	    (url = html_meta_url(m, href)) == NULL) {
		free(tag);
		return;
	}
	if (pg->nalternates == m->acap) {
		m->acap = m->acap ? m->acap * 2 : 8;
		pg->alternates = xreallocarray(pg->alternates, m->acap,
		    sizeof *pg->alternates);
	}
	pg->alternates[pg->nalternates].lang = tag;
	pg->alternates[pg->nalternates++].url = url;
}

static void
html_meta_tagmeta(struct html_meta *m, xmlNodePtr n)
{
	const char	*key = html_attr(n, "property"), *v;

	if ((v = html_attr(n, "content")) == NULL)
		return;
	if (key == NULL)
		key = html_attr(n, "name");
	if (key != NULL) {
		if (strcasecmp(key, "og:title") == 0)
			html_meta_set(&m->og_title, v);
		else if (strcasecmp(key, "og:site_name") == 0)
			html_meta_set(&m->pg->site_name, v);
		else if (strcasecmp(key, "og:url") == 0)
			html_meta_set(&m->og_url, v);
		else if (strcasecmp(key, "author") == 0)
			html_meta_set(&m->author[AUTHOR_META], v);
		else if (strcasecmp(key, "article:author") == 0 &&
		    strncasecmp(v, "http", 4) != 0)	/* a profile URL */
			html_meta_set(&m->author[AUTHOR_OG], v);
		else if (strcasecmp(key, "article:published_time") == 0)
			html_meta_set(&m->date[DATE_OG], v);
	}
	if ((key = html_attr(n, "http-equiv")) != NULL &&
	    strcasecmp(key, "content-language") == 0 && m->lang_meta == NULL)
		m->lang_meta = html_meta_tag(v);
}

static void
html_meta_link(struct html_meta *m, xmlNodePtr n)
{
	const char	*href = html_attr(n, "href"), *hl;

	if (href == NULL)
		return;
	if (html_attr_has(n, "rel", "canonical") && m->canonical == NULL)
		m->canonical = html_meta_url(m, href);
	if (html_attr_has(n, "rel", "https://api.w.org/") &&
	    m->pg->api_root == NULL)
		m->pg->api_root = html_meta_url(m, href);
	if (html_attr_has(n, "rel", "shortlink") && m->pg->shortlink == NULL)
		m->pg->shortlink = html_meta_url(m, href);
	if (html_attr_has(n, "rel", "alternate") &&
	    (hl = html_attr(n, "hreflang")) != NULL)
		html_meta_alternate(m, hl, href);
}

static void
html_meta_anchor(struct html_meta *m, xmlNodePtr n)
{
	const char	*href = html_attr(n, "href"), *hl;

	if (html_attr_has(n, "rel", "author") && m->author[AUTHOR_REL] == NULL)
		m->author[AUTHOR_REL] = html_text_upto(n, 256, 16);
	if (href == NULL)
		return;
	if ((hl = html_attr(n, "hreflang")) != NULL ||
	    (m->in_switcher && (hl = html_attr(n, "lang")) != NULL))
		html_meta_alternate(m, hl, href);
}

/* A comment notice of data/page-markers.tsv: trailing punctuation and
   ASCII case do not count. */
static enum page_marker_kind
html_meta_notice(const char *s)
{
	const struct page_marker *pm;
	size_t		 n = strlen(s), k;

	for (pm = page_markers; pm->text != NULL; pm++) {
		if (pm->kind == PAGE_MARKER_RELATED)
			continue;
		k = strlen(pm->text);
		while (k > 0 && strchr(".!:", pm->text[k - 1]) != NULL)
			k--;
		if (k > 3 && pm->text[k - 1] == '\x82' &&
		    strncmp(pm->text + k - 3, "\xe3\x80\x82", 3) == 0)
			k -= 3;		/* U+3002 IDEOGRAPHIC FULL STOP */
		if (n >= k && strncasecmp(s, pm->text, k) == 0 &&
		    strspn(s + k, ".!: \xe3\x80\x82") == n - k)
			return pm->kind;
	}
	return 0;
}

static void
html_meta_policy(struct html_meta *m, xmlNodePtr n)
{
	static const char *const comment[] = { "comment", NULL };
	const char	*action;
	char		*t;

	if (html_is(n, "form")) {
		action = html_attr(n, "action");
		if (html_class_has(n, comment) ||
		    (action != NULL && strstr(action, "wp-comments-post")))
			m->form = 1;
		return;
	}
	if (!html_is(n, "p") && !html_is(n, "div") && !html_is(n, "span") &&
	    !html_is(n, "li") && !html_is(n, "em") && !html_is(n, "strong") &&
	    !html_is(n, "small") && !html_is(n, "label") && !html_is_heading(n))
		return;
	if ((t = html_text_upto(n, 160, 32)) == NULL)
		return;
	switch (html_meta_notice(t)) {
	case PAGE_MARKER_LOGIN:
		m->login = 1;
		break;
	case PAGE_MARKER_CLOSED:
		m->closed = 1;
		break;
	case PAGE_MARKER_OPEN:
		m->open = 1;
		break;
	default:
		break;
	}
	free(t);
}

static int
html_meta_switcher(xmlNodePtr n)
{
	static const char *const lang[] = { "lang", NULL };

	return html_class_has(n, lang);
}

/* Where the metadata of an element may be: microdata. */
static void
html_meta_itemprop(struct html_meta *m, xmlNodePtr n)
{
	const char	*v;

	if (html_attr_has(n, "itemprop", "articleBody") && m->c->body_prop == NULL)
		m->c->body_prop = n;
	if (html_attr_has(n, "itemprop", "author") &&
	    m->author[AUTHOR_PROP] == NULL) {
		if ((v = html_attr(n, "content")) != NULL)
			html_meta_set(&m->author[AUTHOR_PROP], v);
		else
			m->author[AUTHOR_PROP] = html_text_upto(n, 256, 16);
	}
	if (html_attr_has(n, "itemprop", "datePublished")) {
		if ((v = html_attr(n, "content")) == NULL)
			v = html_attr(n, "datetime");
		html_meta_set(&m->date[DATE_PROP], v);
	}
}

static int
html_meta_enter(xmlNodePtr n, void *arg)
{
	struct html_meta *m = arg;
	struct html_cands *c = m->c;
	const char	 *v;

	if (n->type != XML_ELEMENT_NODE)
		return 1;
	if (html_is(n, "html") && m->lang_html == NULL) {
		if ((v = html_attr(n, "lang")) == NULL)
			v = html_attr(n, "xml:lang");
		m->lang_html = html_meta_tag(v);
	} else if (html_is(n, "body")) {
		c->body = n;
		m->in_body = 1;
	} else if (html_is(n, "base") && m->base_href == NULL &&
	    (v = html_attr(n, "href")) != NULL)
		m->base_href = html_meta_url(m, v);
	else if (html_is(n, "title") && m->title == NULL && !m->in_body)
		m->title = html_text_upto(n, 2048, 8);
	else if (html_is(n, "meta"))
		html_meta_tagmeta(m, n);
	else if (html_is(n, "link"))
		html_meta_link(m, n);
	else if (html_is(n, "a"))
		html_meta_anchor(m, n);
	else if (html_is(n, "h1") && m->in_body && m->h1 == NULL)
		m->h1 = html_text_upto(n, 2048, 64);
	else if (html_is(n, "time") && (v = html_attr(n, "datetime")) != NULL)
		html_meta_set(&m->date[m->in_article ? DATE_TIME_ARTICLE :
		    DATE_TIME], v);
	else if (html_is(n, "main") && c->main == NULL)
		c->main = n;
	else if (html_is(n, "article")) {
		if (c->narticles == m->ccap) {
			m->ccap = m->ccap ? m->ccap * 2 : 4;
			c->articles = xreallocarray(c->articles, m->ccap,
			    sizeof *c->articles);
		}
		c->articles[c->narticles++] = n;
	}
	if (html_is(n, "article") || html_is(n, "main"))
		m->in_article++;
	if (html_meta_switcher(n))
		m->in_switcher++;
	if (n->properties != NULL)
		html_meta_itemprop(m, n);
	if (m->in_body)
		html_meta_policy(m, n);
	return 0;
}

static void
html_meta_leave(xmlNodePtr n, void *arg)
{
	struct html_meta *m = arg;

	if (n->type != XML_ELEMENT_NODE)
		return;
	if (html_is(n, "article") || html_is(n, "main"))
		m->in_article--;
	if (html_meta_switcher(n))
		m->in_switcher--;
}

/* Where the suffix of a " | Site" title starts (at its separator), or
   NULL. */
static const char *
html_title_sep(const char *title, const char **suffix)
{
	const char *const *sep;
	const char	*p, *last = NULL;

	for (sep = html_title_seps; *sep != NULL; sep++)
		for (p = title; (p = strstr(p, *sep)) != NULL; p++)
			if (p > title && (last == NULL || p > last)) {
				last = p;
				*suffix = p + strlen(*sep);
			}
	return last != NULL && **suffix != '\0' ? last : NULL;
}

int
html_page_cut_suffix(struct html_page *pg, const char *suffix)
{
	const char	*sep, *s;

	if (pg->title == NULL || suffix == NULL ||
	    (sep = html_title_sep(pg->title, &s)) == NULL ||
	    strcasecmp(s, suffix) != 0)
		return 0;
	pg->title[sep - pg->title] = '\0';
	FREE(&pg->title_suffix);
	return 1;
}

static void
html_meta_title(struct html_meta *m)
{
	struct html_page *pg = m->pg;
	const char	 *suffix;

	if (m->og_title != NULL) {
		pg->title = m->og_title;
		m->og_title = NULL;
	} else if (m->h1 != NULL) {
		pg->title = m->h1;
		m->h1 = NULL;
	} else if (m->title != NULL) {
		pg->title = m->title;
		m->title = NULL;
		if (html_title_sep(pg->title, &suffix) != NULL) {
			pg->title_suffix = xstrdup(suffix);
			html_page_cut_suffix(pg, pg->site_name);
		}
	}
}

/* Move the best of the values found for a field into *field. */
static void
html_meta_pick(char **field, char **found, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (*field == NULL && found[i] != NULL) {
			*field = found[i];
			found[i] = NULL;
		}
		FREE(&found[i]);
	}
}

/* What the text says its language is, and whether the page lies. */
static void
html_meta_langid(struct html_page *pg)
{
	struct langid_result r;
	struct html_buf	 b = { NULL, 0, 0 };
	size_t		 i;

	for (i = 0; i < pg->nparas && b.len < HTML_LANGID_BYTES; i++) {
		html_buf_add(&b, pg->paras[i].text, pg->paras[i].len);
		html_buf_add(&b, "\n", 1);
	}
	if (b.len == 0 && pg->title != NULL)
		html_buf_add(&b, pg->title, strlen(pg->title));
	langid_guess(b.s != NULL ? b.s : "", b.len, &r);
	html_buf_free(&b);
	memcpy(pg->lang_found, r.tag, sizeof pg->lang_found);
	pg->lang_found[sizeof pg->lang_found - 1] = '\0';
	pg->lang_confidence = r.confidence;
	pg->lang_conflict = pg->lang != NULL &&
	    strcmp(pg->lang_found, "und") != 0 &&
	    r.confidence >= HTML_LANG_SURE && !lang_match(pg->lang, r.tag);
}

/* A heading that repeats the title is not text. */
static void
html_meta_untitle(struct html_page *pg)
{
	if (pg->nparas == 0 || pg->title == NULL ||
	    pg->paras[0].kind != HTML_PARA_HEADING ||
	    strcmp(pg->paras[0].text, pg->title) != 0)
		return;
	free(pg->paras[0].text);
	memmove(pg->paras, pg->paras + 1, --pg->nparas * sizeof *pg->paras);
}

static void
html_meta_finish(struct html_meta *m)
{
	struct html_page *pg = m->pg;

	html_meta_title(m);
	pg->lang = m->lang_html ? m->lang_html : m->lang_meta;
	if (pg->lang == m->lang_html)
		free(m->lang_meta);
	else
		free(m->lang_html);
	pg->canonical = m->canonical;
	if (pg->canonical == NULL && m->og_url != NULL)
		pg->canonical = html_meta_url(m, m->og_url);
	html_meta_pick(&pg->author, m->author, AUTHOR_N);
	html_meta_pick(&pg->date, m->date, DATE_N);
	if (m->login)
		pg->policy = IMPORT_POLICY_LOGIN;
	else if (m->form)
		pg->policy = IMPORT_POLICY_OPEN;
	else if (m->closed)
		pg->policy = IMPORT_POLICY_CLOSED;
	else if (m->open)
		pg->policy = IMPORT_POLICY_OPEN;
	free(m->og_title);
	free(m->h1);
	free(m->title);
	free(m->og_url);
	free(m->base_href);
}

int
html_parse(const char *s, size_t len, const char *base_url,
    struct html_page **pagep, char **cause)
{
	const int	 opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NODEFDTD |
	    HTML_PARSE_IGNORE_ENC;
	struct html_page *pg;
	struct html_cands c;
	struct html_meta  m;
	xmlDocPtr	  doc;
	xmlNodePtr	  root;

	*pagep = NULL;
	if (s == NULL || len == 0 || strspn(s, " \t\r\n\f") >= len) {
		*cause = xstrdup("empty document");
		return -1;
	}
	if (len > HTML_MAX_INPUT || len > INT_MAX) {
		xasprintf(cause, "page too large (%zu bytes, at most %d)", len,
		    HTML_MAX_INPUT);
		return -1;
	}
	xmlInitParser();
	doc = htmlReadMemory(s, (int)len, base_url, "UTF-8", opts);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		xmlFreeDoc(doc);
		*cause = xstrdup("not an HTML document");
		return -1;
	}
	pg = xcalloc(1, sizeof *pg);
	memset(&c, 0, sizeof c);
	memset(&m, 0, sizeof m);
	m.pg = pg;
	m.c = &c;
	m.base_url = base_url;
	html_walk(root, html_meta_enter, html_meta_leave, &m);
	if (c.body == NULL)
		c.body = root;
	html_text_extract(&c, pg);
	html_meta_finish(&m);
	html_meta_untitle(pg);
	html_meta_langid(pg);
	free(c.articles);
	xmlFreeDoc(doc);
	*pagep = pg;
	return 0;
}

void
html_page_free(struct html_page *pg)
{
	size_t	i;

	if (pg == NULL)
		return;
	free(pg->title);
	free(pg->title_suffix);
	free(pg->site_name);
	free(pg->lang);
	free(pg->canonical);
	free(pg->api_root);
	free(pg->shortlink);
	free(pg->author);
	free(pg->date);
	for (i = 0; i < pg->nalternates; i++) {
		free(pg->alternates[i].lang);
		free(pg->alternates[i].url);
	}
	free(pg->alternates);
	free(pg->x_default);
	for (i = 0; i < pg->nparas; i++)
		free(pg->paras[i].text);
	free(pg->paras);
	free(pg);
}
