/*
 * html-text.c: the main text of a page as paragraphs.
 *
 * Two walks.  The first (html_text_score) goes over the body once,
 * skipping what is never text (navigation, forms, scripts, share bars,
 * related lists, comments: html_text_dropped), and sums for every element
 * its text bytes, the part of them inside links and its commas.  A
 * paragraph-like block (<p>, <pre>, <td>, <dd>, or a <div> without block
 * children) of 25 bytes or more is worth 1 + its commas + one point per
 * 100 bytes (at most 3); that worth goes to its parent, and half of it
 * to its grandparent, so the container that holds many real paragraphs
 * scores best, not the <body> that holds everything.
 *
 * The text then comes from <article> (the one with most plain text),
 * <main>, itemprop=articleBody, or else the best container: its score
 * times 1 - link density, times 0.3 when its class or id sounds like page
 * furniture (nav, footer, sidebar, ad ...) or 1.5 when it sounds like
 * content (article, entry, post, story ...); its siblings that score a
 * fifth of that, or are long plain <p>s, come along.
 *
 * The second walk (html_text_emit) turns the chosen subtrees into one
 * paragraph per block: text of inline elements joined, whitespace
 * collapsed (not in <pre>), <br> a "\n", two <br>s a new paragraph.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "html-int.h"
#include "utf8.h"
#include "xmalloc.h"

/* What the scoring walk knows of one element, through node->_private. */
struct html_stat {
	size_t	text;		/* non-space bytes of text below */
	size_t	link;		/* of which inside <a> */
	size_t	commas;
	double	score;		/* worth of the paragraphs below */
	int	blocks;		/* has a block child */
};

struct html_score {
	struct html_stat *st;
	size_t		  n, cap;
	int		  in_link;
};

/* Elements that never hold article text. */
static const char *const html_text_never[] = { "nav", "header", "footer",
    "aside", "form", "script", "style", "noscript", "template", "svg",
    "iframe", "button", "select", "textarea", "input", "object", "embed",
    "canvas", "math", "head", "title", "dialog", "menu", NULL };

/* Class or id words of page furniture, dropped wherever they are. */
static const char *const html_text_furniture[] = { "related", "share",
    "social", "breadcrumb", "menu", "nav", "footer", "sidebar", "widget",
    "comment", NULL };

/* Class or id words that make a container less or more likely. */
static const char *const html_text_unlikely[] = { "header", "masthead",
    "banner", "promo", "sponsor", "advert", "ad", "ads", "popup",
    "cookie", "newsletter", "subscribe", "tags", NULL };
static const char *const html_text_likely[] = { "article", "entry",
    "content", "post", "story", "text", "body", "blog", "main", NULL };

static const char *const html_text_roles[] = { "navigation", "banner",
    "contentinfo", "complementary", "search", "menu", "menubar",
    "dialog", NULL };

static const char *const html_text_blocks[] = { "p", "div", "section",
    "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "dl", "dt", "dd", "blockquote", "figure", "figcaption", "pre",
    "table", "tr", "td", "th", "caption", "thead", "tbody", "tfoot",
    "address", "hr", "details", "summary", "center", "body", "header",
    "footer", "nav", "aside", "form", "fieldset", "legend", "html", NULL };

static int
html_text_in(xmlNodePtr n, const char *const *names)
{
	for (; *names != NULL; names++)
		if (html_is(n, *names))
			return 1;
	return 0;
}

static int
html_text_block(xmlNodePtr n)
{
	return html_text_in(n, html_text_blocks);
}

/* Whether n and everything below it is no part of the text.  The
   elements that name content are never dropped for their class, as
   <body class="has-sidebar"> is common. */
static int
html_text_dropped(xmlNodePtr n)
{
	const char	*role;

	if (n->type != XML_ELEMENT_NODE)
		return n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE;
	if (html_text_in(n, html_text_never))
		return 1;
	if (html_attr(n, "hidden") != NULL ||
	    html_attr_has(n, "aria-hidden", "true"))
		return 1;
	if ((role = html_attr(n, "role")) != NULL) {
		const char *const *r;

		for (r = html_text_roles; *r != NULL; r++)
			if (strcasecmp(role, *r) == 0)
				return 1;
	}
	if (html_is(n, "body") || html_is(n, "html") ||
	    html_is(n, "article") || html_is(n, "main"))
		return 0;
	return html_class_has(n, html_text_furniture);
}

static struct html_stat *
html_text_stat(xmlNodePtr n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->_private != NULL ?
	    n->_private : NULL;
}

static int
html_score_enter(xmlNodePtr n, void *arg)
{
	struct html_score *sc = arg;
	struct html_stat *p;
	const unsigned char *t;

	if (html_text_dropped(n))
		return 1;
	if (n->type == XML_ELEMENT_NODE) {
		if (sc->n == sc->cap)		/* cannot be: counted */
			return 1;
		n->_private = &sc->st[sc->n++];
		if (html_is(n, "a"))
			sc->in_link++;
		return 0;
	}
	if ((p = html_text_stat(n->parent)) == NULL || n->content == NULL)
		return 1;
	for (t = n->content; *t != '\0'; t++) {
		if (*t == ',' || (t[0] == 0xef && t[1] == 0xbc && t[2] == 0x8c) ||
		    (t[0] == 0xe3 && t[1] == 0x80 && t[2] == 0x81))
			p->commas++;
		if (*t > ' ') {
			p->text++;
			if (sc->in_link)
				p->link++;
		}
	}
	return 1;
}

static void
html_score_leave(xmlNodePtr n, void *arg)
{
	struct html_score *sc = arg;
	struct html_stat *s = html_text_stat(n), *p, *g;
	double		 worth;
	int		 para;

	if (s == NULL)
		return;
	if (html_is(n, "a"))
		sc->in_link--;
	if ((p = html_text_stat(n->parent)) == NULL)
		return;
	p->text += s->text;
	p->link += s->link;
	p->commas += s->commas;
	if (html_text_block(n))
		p->blocks = 1;
	para = html_is(n, "p") || html_is(n, "pre") || html_is(n, "td") ||
	    html_is(n, "dd") || (html_is(n, "div") && !s->blocks);
	if (!para || s->text < 25)
		return;
	worth = 1 + (double)s->commas + (s->text >= 300 ? 3 : s->text / 100);
	p->score += worth;
	if ((g = html_text_stat(n->parent->parent)) != NULL)
		g->score += worth / 2;
}

/* How many elements are below root, so the stat table never moves. */
static int
html_count_enter(xmlNodePtr n, void *arg)
{
	if (n->type == XML_ELEMENT_NODE)
		(*(size_t *)arg)++;
	return 0;
}

/* No pointer into the stat table may outlive it. */
static int
html_clear_enter(xmlNodePtr n, void *arg)
{
	if (n->type == XML_ELEMENT_NODE)
		n->_private = NULL;
	return 0;
}

static double
html_text_final(xmlNodePtr n)
{
	const struct html_stat *s = html_text_stat(n);
	double		 v;

	if (s == NULL || s->text == 0)
		return 0;
	v = s->score * (1 - (double)s->link / (double)s->text);
	if (html_class_has(n, html_text_unlikely))
		v *= 0.3;
	else if (html_class_has(n, html_text_likely))
		v *= 1.5;
	return v;
}

static size_t
html_text_plain(xmlNodePtr n)
{
	const struct html_stat *s = html_text_stat(n);

	return s == NULL ? 0 : s->text - s->link;
}

/* The best-scoring element below root, or NULL. */
static xmlNodePtr
html_text_best(struct html_score *sc, xmlNodePtr root)
{
	xmlNodePtr	 n = root, best = NULL;
	double		 v, top = 0;

	/* The same order as the walk; the stat table is indexed by it. */
	for (;;) {
		if ((v = html_text_final(n)) > top) {
			top = v;
			best = n;
		}
		if (n->children != NULL && html_text_stat(n) != NULL) {
			n = n->children;
			continue;
		}
		while (n != root && n->next == NULL)
			n = n->parent;
		if (n == root)
			break;
		n = n->next;
	}
	return best;
}

/* Whether sibling s of best is text too (see the top of the file). */
static int
html_text_sibling(xmlNodePtr s, double top)
{
	const struct html_stat *st = html_text_stat(s);
	double		 min = top / 5 > 10 ? top / 5 : 10;

	if (st == NULL)
		return 0;
	if (html_text_final(s) >= min)
		return 1;
	return html_is(s, "p") && st->text >= 80 && st->link * 4 < st->text;
}

/* The subtrees whose text is the article's, in document order. */
static size_t
html_text_roots(const struct html_cands *c, struct html_score *sc,
    xmlNodePtr **rootsp)
{
	xmlNodePtr	 best = NULL, s, *roots;
	size_t		 i, n = 0, most = 0;
	double		 top;

	for (i = 0; i < c->narticles; i++)
		if (html_text_plain(c->articles[i]) > most) {
			most = html_text_plain(c->articles[i]);
			best = c->articles[i];
		}
	if (best == NULL && html_text_plain(c->main) > 0)
		best = c->main;
	if (best == NULL && html_text_plain(c->body_prop) > 0)
		best = c->body_prop;
	if (best != NULL || (best = html_text_best(sc, c->body)) == NULL ||
	    best->parent == NULL || best == c->body) {
		*rootsp = xmalloc(sizeof **rootsp);
		(*rootsp)[0] = best != NULL ? best : c->body;
		return 1;
	}
	top = html_text_final(best);
	for (s = best->parent->children; s != NULL; s = s->next)
		n++;
	roots = xreallocarray(NULL, n, sizeof *roots);
	n = 0;
	for (s = best->parent->children; s != NULL; s = s->next)
		if (s == best || html_text_sibling(s, top))
			roots[n++] = s;
	*rootsp = roots;
	return n;
}

/* The emitting walk's state. */
struct html_emit {
	struct html_page	*page;
	size_t			 cap;
	struct html_buf		 buf;
	enum html_para_kind	 kind;
	int			 pending;	/* a space before the next text */
	int			 pre, heading, quote, item;
	xmlNodePtr		 root;
};

static int
html_emit_space(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*u == ' ' || *u == '\n' || *u == '\t' || *u == '\r' || *u == '\f')
		return 1;
	return u[0] == 0xc2 && u[1] == 0xa0 ? 2 : 0;	/* U+00A0 */
}

/* End the paragraph being built: trimmed, valid, kept when not empty. */
static void
html_emit_flush(struct html_emit *e)
{
	struct html_page *pg = e->page;
	struct html_para *p;
	char		 *s = e->buf.s, *end, *out;
	size_t		  k, len;
	int		  w;

	e->pending = 0;
	if (e->buf.len == 0)
		return;
	end = s + e->buf.len;
	/* <pre> keeps its indentation: only its newlines are trimmed. */
	while (s < end && (e->kind == HTML_PARA_PRE ? *s == '\n' :
	    (w = html_emit_space(s)) > 0))
		s += e->kind == HTML_PARA_PRE ? 1 : w;
	while (end > s && e->kind == HTML_PARA_PRE && end[-1] == '\n')
		end--;
	/* Trailing: step back over whitespace and U+00A0. */
	while (end > s && (end[-1] == ' ' || end[-1] == '\n' ||
	    end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\f' ||
	    (end - s >= 2 && (unsigned char)end[-1] == 0xa0 &&
	    (unsigned char)end[-2] == 0xc2)))
		end -= (unsigned char)end[-1] == 0xa0 ? 2 : 1;
	if (s < end) {
		out = utf8_valid_or_replace(s, end - s, &len, &k);
		if (pg->nparas == e->cap) {
			e->cap = e->cap ? e->cap * 2 : 16;
			pg->paras = xreallocarray(pg->paras, e->cap,
			    sizeof *pg->paras);
		}
		p = &pg->paras[pg->nparas++];
		p->text = out;
		p->len = len;
		p->kind = e->kind;
	}
	e->buf.len = 0;
}

static void
html_emit_text(struct html_emit *e, const char *t)
{
	const char	*start;
	int		 w;

	if (e->buf.len == 0)
		e->kind = e->pre ? HTML_PARA_PRE : e->heading ?
		    HTML_PARA_HEADING : e->quote ? HTML_PARA_QUOTE : e->item ?
		    HTML_PARA_ITEM : HTML_PARA_TEXT;
	if (e->pre) {
		for (start = t; *t != '\0'; t++)
			if (*t == '\r') {
				html_buf_add(&e->buf, start, t - start);
				start = t + 1;
			}
		html_buf_add(&e->buf, start, t - start);
		return;
	}
	while (*t != '\0') {
		if ((w = html_emit_space(t)) == 1) {
			e->pending = 1;
			t++;
			continue;
		}
		if (e->pending && e->buf.len > 0 &&
		    e->buf.s[e->buf.len - 1] != '\n')
			html_buf_add(&e->buf, " ", 1);
		e->pending = 0;
		for (start = t; *t != '\0' && html_emit_space(t) != 1; t++)
			;
		html_buf_add(&e->buf, start, t - start);
	}
}

/* Per-kind nesting counts, changed by d on entering and leaving n. */
static void
html_emit_nest(struct html_emit *e, xmlNodePtr n, int d)
{
	if (html_is(n, "pre"))
		e->pre += d;
	else if (html_is_heading(n))
		e->heading += d;
	else if (html_is(n, "blockquote"))
		e->quote += d;
	else if (html_is(n, "li") || html_is(n, "dt") || html_is(n, "dd"))
		e->item += d;
}

static int
html_emit_enter(xmlNodePtr n, void *arg)
{
	struct html_emit *e = arg;

	if (n != e->root && html_text_dropped(n))
		return 1;
	if (n->type != XML_ELEMENT_NODE) {
		if (n->content != NULL)
			html_emit_text(e, (const char *)n->content);
		return 1;
	}
	if (html_is(n, "br")) {
		if (e->buf.len > 0 && e->buf.s[e->buf.len - 1] == '\n')
			html_emit_flush(e);
		else if (e->buf.len > 0)
			html_buf_add(&e->buf, "\n", 1);
		e->pending = 0;
		return 1;
	}
	if (html_text_block(n))
		html_emit_flush(e);
	html_emit_nest(e, n, 1);
	return 0;
}

static void
html_emit_leave(xmlNodePtr n, void *arg)
{
	struct html_emit *e = arg;

	if (n->type != XML_ELEMENT_NODE || html_is(n, "br") ||
	    (n != e->root && html_text_dropped(n)))
		return;
	if (html_text_block(n))
		html_emit_flush(e);
	html_emit_nest(e, n, -1);
}

void
html_text_extract(const struct html_cands *c, struct html_page *pg)
{
	struct html_score sc;
	struct html_emit  e;
	xmlNodePtr	 *roots;
	size_t		  i, n;

	if (c->body == NULL)
		return;
	memset(&sc, 0, sizeof sc);
	html_walk(c->body, html_count_enter, NULL, &sc.cap);
	sc.st = xcalloc(sc.cap ? sc.cap : 1, sizeof *sc.st);
	html_walk(c->body, html_score_enter, html_score_leave, &sc);
	n = html_text_roots(c, &sc, &roots);

	memset(&e, 0, sizeof e);
	e.page = pg;
	for (i = 0; i < n; i++) {
		e.root = roots[i];
		html_walk(roots[i], html_emit_enter, html_emit_leave, &e);
		html_emit_flush(&e);
	}
	html_buf_free(&e.buf);
	free(roots);
	html_walk(c->body, html_clear_enter, NULL, NULL);
	free(sc.st);
}

/*
 * A fragment is all text: every block becomes a paragraph, with no
 * container chosen, but what is never text (scripts, forms, share bars)
 * is still dropped.
 */
int
html_fragment(const char *s, size_t len, struct html_page **pagep,
    char **cause)
{
	const int	 opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NODEFDTD |
	    HTML_PARSE_IGNORE_ENC;
	struct html_page *pg;
	struct html_emit  e;
	xmlDocPtr	  doc = NULL;
	xmlNodePtr	  n;

	*pagep = NULL;
	if (len > HTML_FRAGMENT_MAX || len > INT_MAX) {
		xasprintf(cause, "HTML too large (%zu bytes, at most %d)", len,
		    HTML_FRAGMENT_MAX);
		return -1;
	}
	pg = xcalloc(1, sizeof *pg);
	if (s != NULL && len > 0) {
		xmlInitParser();
		doc = htmlReadMemory(s, (int)len, NULL, "UTF-8", opts);
	}
	memset(&e, 0, sizeof e);
	e.page = pg;
	/* libxml2 puts the fragment in an implied <html><body>. */
	n = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	if (n != NULL && html_is(n, "html"))
		for (n = n->children; n != NULL && !html_is(n, "body");
		    n = n->next)
			;
	if (n != NULL) {
		e.root = n;
		html_walk(n, html_emit_enter, html_emit_leave, &e);
		html_emit_flush(&e);
	}
	html_buf_free(&e.buf);
	xmlFreeDoc(doc);
	*pagep = pg;
	return 0;
}
