/*
 * feed.c: the front door of the feed parsers (see feed.h).
 *
 * Before a parser sees a feed, this file does what real feeds need:
 *
 *	1. whitespace before "<?xml" is dropped (the declaration must come
 *	   first, and a blank line from a PHP include often precedes it);
 *	2. the bytes become UTF-8 (charset.c).  A declared or HTTP charset
 *	   that lies is caught two ways: a declared single-byte charset
 *	   over bytes that are valid UTF-8 with non-ASCII in them, or a
 *	   declared charset that leaves invalid sequences where reading
 *	   the bytes undeclared leaves fewer; then the other reading wins,
 *	   with a warning (the same for an HTTP charset, against the
 *	   declaration first);
 *	3. HTML entities the document never declares (&nbsp; &eacute;) are
 *	   replaced by their characters, and a bare "&" becomes "&amp;",
 *	   outside comments and CDATA (libxml2 would stop there);
 *	4. by content: JSON goes to json-feed.c, an HTML page or anything
 *	   else that is not a feed is an error that says what it is, and
 *	   the rest goes to feed-xml.c.
 *
 * It also holds what both parsers share: a growing string, the
 * accumulator of one entry and text cleaning.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

#include "charset.h"
#include "feed-int.h"
#include "sniff.h"
#include "utf8.h"
#include "xmalloc.h"

void
feed_buf_add(struct feed_buf *b, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (b->cap - b->len <= n) {
		b->cap = b->cap * 2 > b->len + n + 1 ? b->cap * 2 :
		    b->len + n + 64;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
feed_buf_str(struct feed_buf *b, const char *s)
{
	feed_buf_add(b, s, strlen(s));
}

/* Text as HTML: & < > escaped, and " too in an attribute. */
void
feed_buf_html(struct feed_buf *b, const char *s, size_t n, int attr)
{
	size_t	i, start = 0;
	const char *rep;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = attr ? "&quot;" : NULL;
			break;
		default:
			rep = NULL;
		}
		if (rep == NULL)
			continue;
		feed_buf_add(b, s + start, i - start);
		feed_buf_str(b, rep);
		start = i + 1;
	}
	feed_buf_add(b, s + start, n - start);
}

char *
feed_buf_take(struct feed_buf *b)
{
	char	*s = b->s;

	if (b->len == 0) {
		free(b->s);
		s = NULL;
	}
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void
feed_buf_free(struct feed_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

int
feed_cut(const char *s, size_t max)
{
	size_t	n = strlen(s);

	if (n <= max)
		return (int)n;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return (int)max;
}

void
feed_warn(const struct feed_handler *h, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	if (h->warn == NULL)
		return;
	va_start(ap, fmt);
	xvasprintf(&s, fmt, ap);
	va_end(ap);
	h->warn(h->arg, s);
	free(s);
}

static int
feed_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char *
feed_resolve(const char *base, const char *href)
{
	xmlChar	*u;
	char	*s, *t;
	size_t	 n;

	while (feed_space(*href))
		href++;
	for (n = strlen(href); n > 0 && feed_space(href[n - 1]); n--)
		;
	t = xstrndup(href, n);
	if (base == NULL || (u = xmlBuildURI((const xmlChar *)t,
	    (const xmlChar *)base)) == NULL)
		return t;
	s = xstrdup((const char *)u);
	xmlFree(u);
	free(t);
	return s;
}

void
feed_acc_init(struct feed_acc *a)
{
	memset(a, 0, sizeof *a);
	a->guid_permalink = 1;
	a->published = a->updated = a->dc_date = FEED_NO_DATE;
	a->comment_count = -1;
}

void
feed_acc_clear(struct feed_acc *a)
{
	size_t	i;

	free(a->id);
	free(a->title);
	free(a->link);
	free(a->guid);
	free(a->lang);
	free(a->dc_lang);
	free(a->author);
	free(a->content);
	free(a->summary);
	free(a->comments_page);
	free(a->comments_feed);
	free(a->self);
	free(a->description);
	free(a->about);
	free(a->in_reply_to);
	for (i = 0; i < a->nlinks; i++) {
		free((char *)a->links[i].href);
		free((char *)a->links[i].rel);
		free((char *)a->links[i].type);
		free((char *)a->links[i].hreflang);
		free((char *)a->links[i].title);
	}
	free(a->links);
	for (i = 0; i < a->ncats; i++)
		free(a->cats[i]);
	free(a->cats);
	feed_acc_init(a);
}

void
feed_acc_set(char **field, char *s)
{
	if (*field == NULL)
		*field = s;
	else
		free(s);
}

static char *
feed_strdup0(const char *s)
{
	return s != NULL && *s != '\0' ? xstrdup(s) : NULL;
}

void
feed_acc_link(struct feed_acc *a, const char *href, const char *rel,
    const char *type, const char *hreflang, const char *title,
    long long length)
{
	struct feed_link	*l;

	if (href == NULL || *href == '\0')
		return;
	if (a->nlinks == a->caplinks) {
		a->caplinks = a->caplinks == 0 ? 4 : a->caplinks * 2;
		a->links = xreallocarray(a->links, a->caplinks, sizeof *l);
	}
	l = &a->links[a->nlinks++];
	l->href = xstrdup(href);
	l->rel = xstrdup(rel != NULL && *rel != '\0' ? rel : "alternate");
	l->type = feed_strdup0(type);
	l->hreflang = feed_strdup0(hreflang);
	l->title = feed_strdup0(title);
	l->length = length;
}

void
feed_acc_category(struct feed_acc *a, const char *s)
{
	char	*c;
	size_t	 i;

	/* The check for duplicates is quadratic: a bound keeps it cheap. */
	if (a->ncats >= FEED_MAX_CATEGORIES || (c = feed_text_clean(s, 0)) ==
	    NULL)
		return;
	for (i = 0; i < a->ncats; i++) {
		if (strcmp(a->cats[i], c) == 0) {
			free(c);
			return;
		}
	}
	if (a->ncats == a->capcats) {
		a->capcats = a->capcats == 0 ? 4 : a->capcats * 2;
		a->cats = xreallocarray(a->cats, a->capcats, sizeof *a->cats);
	}
	a->cats[a->ncats++] = c;
}

/* Do two language tags share their primary subtag? */
static int
feed_lang_match(const char *a, const char *b)
{
	size_t	na = strcspn(a, "-_"), nb = strcspn(b, "-_");

	return na == nb && strncasecmp(a, b, na) == 0;
}

/* The entry's page, as feed.h says. */
static const char *
feed_acc_page(const struct feed_acc *a, const char *lang)
{
	const struct feed_link	*l, *first = NULL;
	size_t			 i;

	if (a->link != NULL)
		return a->link;
	for (i = 0; i < a->nlinks; i++) {
		l = &a->links[i];
		if (strcmp(l->rel, "alternate") != 0)
			continue;
		if (l->hreflang == NULL || (lang != NULL &&
		    strcasecmp(l->hreflang, lang) == 0))
			return l->href;
		if (first == NULL)
			first = l;
	}
	for (i = 0; lang != NULL && i < a->nlinks; i++) {
		l = &a->links[i];
		if (strcmp(l->rel, "alternate") == 0 &&
		    feed_lang_match(l->hreflang, lang))
			return l->href;
	}
	if (first != NULL)
		return first->href;
	if (a->guid != NULL && a->guid_permalink &&
	    (strncasecmp(a->guid, "http://", 7) == 0 ||
	    strncasecmp(a->guid, "https://", 8) == 0))
		return a->guid;
	return NULL;
}

void
feed_acc_entry(struct feed_acc *a, const struct feed_acc *ch,
    struct feed_entry *e)
{
	memset(e, 0, sizeof *e);
	e->id = a->id != NULL ? a->id : a->guid != NULL ? a->guid : a->about;
	e->title = a->title;
	e->lang = a->lang != NULL ? a->lang : a->dc_lang != NULL ? a->dc_lang :
	    ch->dc_lang != NULL ? ch->dc_lang : ch->lang;
	e->link = feed_acc_page(a, e->lang);
	e->author = a->author != NULL ? a->author : ch->author;
	e->published = a->published != FEED_NO_DATE ? a->published :
	    a->dc_date;
	e->updated = a->updated;
	e->categories = (const char *const *)a->cats;
	e->ncategories = a->ncats;
	e->content = a->content;
	e->content_type = a->content != NULL ? a->content_type :
	    FEED_TEXT_NONE;
	e->summary = a->summary;
	e->summary_type = a->summary != NULL ? a->summary_type :
	    FEED_TEXT_NONE;
	e->links = a->links;
	e->nlinks = a->nlinks;
	e->comments_page = a->comments_page;
	e->comments_feed = a->comments_feed;
	e->comment_count = a->comment_count;
	e->in_reply_to = a->in_reply_to;
}

void
feed_acc_channel(struct feed_acc *a, enum feed_kind kind,
    struct feed_channel *c)
{
	size_t	i;

	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->title = a->title;
	c->link = a->link;
	for (i = 0; c->link == NULL && i < a->nlinks; i++)
		if (strcmp(a->links[i].rel, "alternate") == 0)
			c->link = a->links[i].href;
	c->self = a->self;
	for (i = 0; c->self == NULL && i < a->nlinks; i++)
		if (strcmp(a->links[i].rel, "self") == 0)
			c->self = a->links[i].href;
	c->lang = a->dc_lang != NULL ? a->dc_lang : a->lang;
	c->description = a->description;
	c->updated = a->updated != FEED_NO_DATE ? a->updated :
	    a->published != FEED_NO_DATE ? a->published : a->dc_date;
	c->links = a->links;
	c->nlinks = a->nlinks;
}

/* The character an entity name (without & and ;) stands for, or 0. */
static unsigned
feed_entity(const char *name, size_t n)
{
	const htmlEntityDesc	*d;
	char			 buf[32];

	if (n == 0 || n >= sizeof buf)
		return 0;
	memcpy(buf, name, n);
	buf[n] = '\0';
	d = htmlEntityLookup((const xmlChar *)buf);
	return d != NULL ? d->value : 0;
}

static int
feed_is_name(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' ||
	    c == ':';
}

/*
 * The length of a reference XML knows at s ("&amp;", "&#233;"), or 0;
 * *name and *nlen are the name of any other "&name;", else 0.
 */
static size_t
feed_ref(const char *s, const char *end, const char **name, size_t *nlen)
{
	static const char *const xml[] = { "amp", "lt", "gt", "quot", "apos" };
	const char	*p = s + 1;
	size_t		 i, n;

	*name = NULL;
	*nlen = 0;
	if (p < end && *p == '#') {
		for (p++; p < end && feed_is_name(*p); p++)
			;
		return p < end && *p == ';' && p > s + 2 ? (size_t)(p + 1 - s) :
		    0;
	}
	for (; p < end && feed_is_name(*p); p++)
		;
	if (p >= end || *p != ';' || p == s + 1)
		return 0;
	n = (size_t)(p - s - 1);
	for (i = 0; i < sizeof xml / sizeof xml[0]; i++)
		if (strlen(xml[i]) == n && strncmp(s + 1, xml[i], n) == 0)
			return n + 2;
	*name = s + 1;
	*nlen = n;
	return 0;
}

/* Where a comment, CDATA section or PI that starts at s ends, or s. */
static const char *
feed_skip_markup(const char *s, const char *end)
{
	static const struct {
		const char	*open, *close;
	} m[] = { { "<!--", "-->" }, { "<![CDATA[", "]]>" }, { "<?", "?>" } };
	const char	*p;
	size_t		 i, n;

	for (i = 0; i < sizeof m / sizeof m[0]; i++) {
		n = strlen(m[i].open);
		if ((size_t)(end - s) < n || memcmp(s, m[i].open, n) != 0)
			continue;
		p = memmem(s + n, (size_t)(end - s) - n, m[i].close,
		    strlen(m[i].close));
		return p != NULL ? p + strlen(m[i].close) : end;
	}
	return s;
}

/*
 * Step 3: a copy of text with undeclared entities and bare ampersands
 * repaired, or NULL when nothing needed it.  A document that declares
 * entities of its own is left to libxml2.
 */
static char *
feed_fix_entities(const char *text, size_t len, size_t *outlen,
    size_t *fixed)
{
	const char	*p = text, *end = text + len, *q, *name;
	struct feed_buf	 b = { NULL, 0, 0 };
	size_t		 n, nlen, done = 0;
	unsigned	 c;
	char		 u[8];

	*fixed = 0;
	if (memmem(text, len > 65536 ? 65536 : len, "<!ENTITY", 8) != NULL)
		return NULL;
	for (p = text; p < end; p++) {
		if (*p == '<') {
			q = feed_skip_markup(p, end);
			if (q != p)
				p = q - 1;
			continue;
		}
		if (*p != '&' || feed_ref(p, end, &name, &nlen) != 0)
			continue;
		if (b.s == NULL)
			b.cap = len + 64, b.s = xmalloc(b.cap);
		feed_buf_add(&b, text + done, (size_t)(p - text) - done);
		if (name != NULL && (c = feed_entity(name, nlen)) != 0) {
			n = utf8_encode(c, u);
			feed_buf_add(&b, u, n);
			done = (size_t)(p - text) + nlen + 2;
		} else {
			feed_buf_str(&b, "&amp;");
			done = (size_t)(p - text) + 1;
		}
		(*fixed)++;
	}
	if (b.s == NULL)
		return NULL;
	feed_buf_add(&b, text + done, len - done);
	*outlen = b.len;
	return b.s;
}

/* Decode the few entities a stripped HTML title keeps; s is NUL-ended. */
static void
feed_text_entity(struct feed_buf *b, const char **sp)
{
	const char	*s = *sp, *semi;
	unsigned long	 c = 0;
	char		 u[8], *end;

	semi = strchr(s, ';');
	if (semi == NULL || semi - s > 12 || semi == s + 1) {
		feed_buf_add(b, "&", 1);
		*sp = s + 1;
		return;
	}
	if (s[1] == '#') {
		if (s[2] == 'x' || s[2] == 'X')
			c = strtoul(s + 3, &end, 16);
		else
			c = strtoul(s + 2, &end, 10);
		if (end != semi)
			c = 0;
	} else
		c = feed_entity(s + 1, (size_t)(semi - s - 1));
	if (c == 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
		feed_buf_add(b, "&", 1);
		*sp = s + 1;
		return;
	}
	feed_buf_add(b, u, utf8_encode((uint32_t)c, u));
	*sp = semi + 1;
}

char *
feed_text_clean(const char *s, int html)
{
	struct feed_buf	 b = { NULL, 0, 0 };
	int		 space = 0;
	const char	*p;

	if (s == NULL)
		return NULL;
	for (p = s; *p != '\0';) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = b.len > 0;
			p++;
			continue;
		}
		if (html && *p == '<') {
			while (*p != '\0' && *p != '>')
				p++;
			if (*p == '>')
				p++;
			space = space || b.len > 0;
			continue;
		}
		if (space)
			feed_buf_add(&b, " ", 1);
		space = 0;
		if (html && *p == '&')
			feed_text_entity(&b, &p);
		else
			feed_buf_add(&b, p++, 1);
	}
	return feed_buf_take(&b);
}

/* Valid UTF-8 with something beyond ASCII in it? */
static int
feed_is_utf8(const char *s, size_t n)
{
	size_t		 i, k;
	uint32_t	 c;
	int		 wide = 0;

	for (i = 0; i < n; i += k) {
		if ((unsigned char)s[i] < 0x80) {
			k = 1;
			continue;
		}
		k = utf8_decode(s + i, n - i, &c);
		if (c == UTF8_BAD)
			return 0;
		wide = 1;
	}
	return wide;
}

/* After the XML declaration, if s starts with one. */
static size_t
feed_after_decl(const char *s, size_t n)
{
	const char	*e;

	if (n < 5 || memcmp(s, "<?xml", 5) != 0)
		return 0;
	if ((e = memmem(s, n > 512 ? 512 : n, "?>", 2)) == NULL)
		return 0;
	return (size_t)(e + 2 - s);
}

/*
 * Step 2 of the top comment.  Fills *r; warns when the declared or HTTP
 * charset was not believed, and once for sequences still invalid.
 */
static int
feed_decode(const char *buf, size_t len, const char *charset,
    const struct feed_handler *h, struct charset_result *r, char **cause)
{
	struct charset_hint	 hint = { NULL, charset };
	struct charset_result	 r2;
	size_t			 skip;
	char			*w;

	if (charset_to_utf8(buf, len, &hint, r, cause) != 0)
		return -1;
	if (r->source != CHARSET_DECLARED && r->source != CHARSET_HTTP)
		goto done;
	if (r->invalid == 0 && strcmp(r->name, "utf-8") == 0)
		goto done;
	if (r->invalid == 0 && !feed_is_utf8(buf, len))
		goto done;
	if (r->invalid == 0) {
		/* Valid UTF-8 beyond ASCII is never a single-byte text. */
		hint.http = NULL;
		hint.override = "utf-8";
		skip = 0;
	} else {
		/* Against a wrong HTTP charset the declaration is evidence
		   still; against a wrong declaration, only the bytes are. */
		hint.http = NULL;
		skip = r->source == CHARSET_HTTP ? 0 : feed_after_decl(buf, len);
	}
	if (charset_to_utf8(buf + skip, len - skip, &hint, &r2, cause) != 0) {
		free(r->text);
		return -1;
	}
	if (r->invalid == 0 || r2.invalid < r->invalid) {
		feed_warn(h, "the %s charset %s is wrong: read as %s",
		    r->source == CHARSET_HTTP ? "HTTP" : "declared", r->name,
		    r2.name);
		free(r->text);
		*r = r2;
	} else
		free(r2.text);
done:
	if ((w = charset_warning(r)) != NULL) {
		feed_warn(h, "%s", w);
		free(w);
	}
	return 0;
}

/* What a document that is not a feed is, for the error. */
static const char *
feed_what(const char *s, size_t n)
{
	switch (sniff_format(s, n)) {
	case SNIFF_HTML:
		return "an HTML page";
	case SNIFF_JSON:
		return "JSON, not a JSON Feed";
	case SNIFF_XML:
		return "an XML document of another kind";
	case SNIFF_FEED:
		return "a feed of an unknown kind";
	default:
		return n == 0 ? "empty" : "plain text";
	}
}

int
feed_parse(const char *buf, size_t len, const char *url,
    const char *charset, const struct feed_handler *h, char **cause)
{
	struct charset_result	 r;
	const char		*text;
	char			*fixed, *err = NULL;
	size_t			 n, nfixed, lead = 0, tlen;
	int			 rc;

	if (len == 0)
		buf = "";
	while (lead < len && feed_space(buf[lead]))
		lead++;
	if (lead > 0 && len - lead >= 5 && memcmp(buf + lead, "<?xml", 5) == 0)
		feed_warn(h, "whitespace before the XML declaration");
	else
		lead = 0;
	if (feed_decode(buf + lead, len - lead, charset, h, &r, &err) != 0) {
		xasprintf(cause, "%s: %s", url, err);
		free(err);
		return -1;
	}
	text = r.text;
	tlen = r.len;
	while (tlen > 0 && feed_space(*text))
		text++, tlen--;
	if (json_feed_sniff(text, tlen)) {
		rc = json_feed_parse(text, tlen, url, h, cause);
		free(r.text);
		return rc;
	}
	if (sniff_format(text, tlen) != SNIFF_FEED && sniff_format(text,
	    tlen) != SNIFF_XML) {
		xasprintf(cause, "%s: not a feed (%s)", url, feed_what(text,
		    tlen));
		free(r.text);
		return -1;
	}
	if ((fixed = feed_fix_entities(text, tlen, &n, &nfixed)) != NULL) {
		feed_warn(h, "%zu undeclared entit%s or bare '&' read as HTML",
		    nfixed, nfixed == 1 ? "y" : "ies");
		free(r.text);
		r.text = fixed;
		text = fixed;
		tlen = n;
	}
	rc = feed_xml_parse(text, tlen, url, h, cause);
	free(r.text);
	return rc;
}

int
feed_sniff(const char *buf, size_t len)
{
	size_t	i = 0;

	while (i < len && feed_space(buf[i]))
		i++;
	if (sniff_format(buf + i, len - i) == SNIFF_FEED)
		return 1;
	return json_feed_sniff(buf + i, len - i);
}
