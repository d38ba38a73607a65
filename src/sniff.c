/*
 * sniff.c: guess a document's format from its first bytes (see sniff.h).
 *
 * Only ASCII is compared, so the bytes need not be UTF-8; UTF-16 text
 * (a BOM, or NULs between ASCII letters) is read through its low bytes.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "sniff.h"

/* A view of the first bytes as ASCII, NULs of UTF-16 dropped. */
struct sniff_buf {
	char	s[SNIFF_SCAN + 1];
	size_t	n;
};

static void
sniff_fill(struct sniff_buf *b, const char *p, size_t len)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t	 i = 0;

	if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		i = 3;
	else if (len >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff)))
		i = 2;
	b->n = 0;
	for (; i < len && b->n < SNIFF_SCAN && i < 2 * SNIFF_SCAN; i++)
		if (u[i] != '\0')
			b->s[b->n++] = (char)u[i];
	b->s[b->n] = '\0';
}

/* Skip whitespace and comments from *i; 0 at the end of the buffer. */
static int
sniff_skip(const struct sniff_buf *b, size_t *i)
{
	const char	*end;

	for (;;) {
		while (*i < b->n && strchr(" \t\r\n\f", b->s[*i]) != NULL)
			(*i)++;
		if (*i >= b->n)
			return 0;
		if (strncmp(b->s + *i, "<!--", 4) != 0)
			return 1;
		if ((end = strstr(b->s + *i + 4, "-->")) == NULL)
			return 0;
		*i = end + 3 - b->s;
	}
}

/* Does the tag name at s (after '<') equal one of names, case ignored? */
static int
sniff_tag(const char *s, const char *const *names)
{
	size_t	n;

	for (; *names != NULL; names++) {
		n = strlen(*names);
		if (strncasecmp(s, *names, n) == 0 &&
		    strchr(" \t\r\n\f/>", s[n]) != NULL)
			return 1;
	}
	return 0;
}

/* After an XML declaration (and perhaps a doctype or a stylesheet
   instruction): which root element comes? */
static enum sniff_kind
sniff_xml(const struct sniff_buf *b, size_t i)
{
	static const char *const feeds[] = { "rss", "feed", "rdf:RDF", NULL };
	static const char *const html[] = { "html", NULL };
	const char	*end;

	for (;;) {
		if ((end = strchr(b->s + i, '>')) == NULL)
			return SNIFF_XML;
		i = end + 1 - b->s;
		if (!sniff_skip(b, &i) || b->s[i] != '<')
			return SNIFF_XML;
		if (b->s[i + 1] != '?' && b->s[i + 1] != '!')
			break;
	}
	if (sniff_tag(b->s + i + 1, feeds))
		return SNIFF_FEED;
	if (sniff_tag(b->s + i + 1, html))
		return SNIFF_HTML;
	return SNIFF_XML;
}

/*
 * After '[': a text may open with "[1] A footnote" or "[Update]"; a
 * JSON array opens with an object, an array, a string, nothing, or
 * scalars a comma or the end follows ("[1, 2]").
 */
static enum sniff_kind
sniff_array(const struct sniff_buf *b, size_t i)
{
	static const char *const literals[] = { "true", "false", "null",
	    NULL };
	const char *const *lit;
	const char	*s;
	size_t		 n;

	while (++i < b->n && strchr(" \t\r\n", b->s[i]) != NULL)
		continue;
	if (i == b->n || strchr("{[\"]", b->s[i]) != NULL)
		return SNIFF_JSON;
	s = b->s + i;
	if ((n = strspn(s, "-+.0123456789eE")) == 0) {
		for (lit = literals; *lit != NULL; lit++)
			if (strncmp(s, *lit, strlen(*lit)) == 0)
				break;
		if (*lit == NULL)
			return SNIFF_TEXT;
		n = strlen(*lit);
	}
	s += n;
	s += strspn(s, " \t\r\n");
	if (*s == ',')
		return SNIFF_JSON;
	if (*s == ']') {
		s++;
		s += strspn(s, " \t\r\n");
		return *s == '\0' || *s == ',' || *s == ']' ? SNIFF_JSON :
		    SNIFF_TEXT;
	}
	return SNIFF_TEXT;
}

enum sniff_kind
sniff_format(const char *p, size_t len)
{
	/* Block and head elements only: a text may well open with <b>,
	   <i> or <a> around its first words and still be text. */
	static const char *const tags[] = { "html", "head", "body", "meta",
	    "title", "link", "script", "style", "div", "p", "h1", "h2",
	    "table", "article", "section", "header", "nav", "main", "ul",
	    "iframe", "base", NULL };
	static const char *const feeds[] = { "rss", "feed", "rdf:RDF", NULL };
	struct sniff_buf b;
	size_t		 i = 0;

	if (p == NULL || len == 0)
		return SNIFF_TEXT;
	sniff_fill(&b, p, len);
	if (!sniff_skip(&b, &i))
		return SNIFF_TEXT;
	if (b.s[i] == '{')
		return SNIFF_JSON;
	if (b.s[i] == '[')
		return sniff_array(&b, i);
	if (b.s[i] != '<')
		return SNIFF_TEXT;
	if (strncmp(b.s + i, "<?xml", 5) == 0)
		return sniff_xml(&b, i);
	/* A feed need not open with an XML declaration. */
	if (sniff_tag(b.s + i + 1, feeds))
		return SNIFF_FEED;
	if (strncasecmp(b.s + i, "<!doctype", 9) == 0)
		return strncasecmp(b.s + i + 9, " html", 5) == 0 ?
		    SNIFF_HTML : sniff_xml(&b, i);
	if (sniff_tag(b.s + i + 1, tags))
		return SNIFF_HTML;
	return SNIFF_TEXT;
}

const char *
sniff_name(enum sniff_kind k)
{
	switch (k) {
	case SNIFF_HTML:
		return "html";
	case SNIFF_FEED:
		return "feed";
	case SNIFF_XML:
		return "xml";
	case SNIFF_JSON:
		return "json";
	case SNIFF_TEXT:
		break;
	}
	return "text";
}
