/*
 * html-comment.c: a comment's HTML body (a site's "content.rendered":
 * "<p>...</p>\n<p>...</p>", entities, links, <br>) -> plain text, one
 * paragraph per block, blank lines between them, <br> kept as a line
 * break.  libxml2 decodes the entities; runs of whitespace inside a
 * paragraph become one space.  Scripts and styles are dropped.  Linear
 * in the input, like html_parse().
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "html-int.h"
#include "xmalloc.h"

struct html_comment {
	struct html_buf	 out;	/* finished paragraphs */
	struct html_buf	 para;	/* the one being collected */
};

static int
html_comment_block(xmlNodePtr n)
{
	static const char *const blocks[] = {
		"p", "div", "blockquote", "li", "pre", "ul", "ol", "dl", "dt",
		"dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
		"figure", "figcaption", "section", "article", "hr", NULL
	};
	size_t	i;

	for (i = 0; blocks[i] != NULL; i++)
		if (html_is(n, blocks[i]))
			return 1;
	return 0;
}

/* End the paragraph being collected, if it holds any text. */
static void
html_comment_flush(struct html_comment *hc)
{
	struct html_buf	 b = { NULL, 0, 0 };
	char		*line, *start, *clean;

	if (hc->para.len == 0)
		return;
	/* Each <br> line is cleaned on its own so the break survives. */
	for (start = line = hc->para.s; ; line++) {
		if (*line != '\n' && *line != '\0')
			continue;
		if ((clean = html_clean(start, line - start)) != NULL) {
			if (b.len > 0)
				html_buf_add(&b, "\n", 1);
			html_buf_add(&b, clean, strlen(clean));
			free(clean);
		}
		if (*line == '\0')
			break;
		start = line + 1;
	}
	if (b.len > 0) {
		if (hc->out.len > 0)
			html_buf_add(&hc->out, "\n\n", 2);
		html_buf_add(&hc->out, b.s, b.len);
	}
	html_buf_free(&b);
	hc->para.len = 0;
	hc->para.s[0] = '\0';
}

/* Text as it comes: its line breaks are spaces; only <br> breaks. */
static void
html_comment_add(struct html_comment *hc, const char *s)
{
	size_t	n;

	while (*s != '\0') {
		n = strcspn(s, "\n\r");
		html_buf_add(&hc->para, s, n);
		s += n;
		if (*s != '\0') {
			html_buf_add(&hc->para, " ", 1);
			s++;
		}
	}
}

static int
html_comment_enter(xmlNodePtr n, void *arg)
{
	struct html_comment	*hc = arg;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			html_comment_add(hc, (const char *)n->content);
		return 0;
	}
	if (n->type != XML_ELEMENT_NODE)
		return 1;
	if (html_is(n, "script") || html_is(n, "style") ||
	    html_is(n, "noscript") || html_is(n, "template") ||
	    html_is(n, "head"))
		return 1;
	if (html_is(n, "br"))
		html_buf_add(&hc->para, "\n", 1);
	else if (html_comment_block(n))
		html_comment_flush(hc);
	return 0;
}

static void
html_comment_leave(xmlNodePtr n, void *arg)
{
	if (n->type == XML_ELEMENT_NODE && html_comment_block(n))
		html_comment_flush(arg);
}

char *
html_comment_text(const char *s, size_t len)
{
	const int		 opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NODEFDTD;
	struct html_comment	 hc;
	htmlDocPtr		 doc;
	xmlNodePtr		 n;
	char			*text;

	memset(&hc, 0, sizeof hc);
	if (len > 0 && len < (size_t)0x7fffffff) {
		xmlInitParser();
		doc = htmlReadMemory(s, (int)len, NULL, "UTF-8", opts);
		if (doc != NULL) {
			for (n = doc->children; n != NULL; n = n->next)
				html_walk(n, html_comment_enter,
				    html_comment_leave, &hc);
			html_comment_flush(&hc);
			xmlFreeDoc(doc);
		}
	}
	text = hc.out.len > 0 ? xstrdup(hc.out.s) : xstrdup("");
	html_buf_free(&hc.out);
	html_buf_free(&hc.para);
	return text;
}
