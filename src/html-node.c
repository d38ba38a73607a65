/*
 * html-node.c: the small tools on libxml2's tree that html.c (metadata),
 * html-text.c (the main text) and html-comment.c share: a growing
 * string, the walk without recursion, element and attribute tests, and
 * text collapsed to one clean line (html-int.h declares them).
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "html-int.h"
#include "utf8.h"
#include "xmalloc.h"

void
html_buf_add(struct html_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = b->cap ? b->cap : 64;
		while (b->len + n + 1 > b->cap)
			b->cap *= 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
html_buf_free(struct html_buf *b)
{
	FREE(&b->s);
	b->len = b->cap = 0;
}

void
html_walk(xmlNodePtr root, html_enter_cb enter, html_leave_cb leave,
    void *arg)
{
	xmlNodePtr	n = root;

	if (n == NULL)
		return;
	for (;;) {
		if (enter(n, arg) == 0 && n->children != NULL) {
			n = n->children;
			continue;
		}
		for (;;) {
			if (leave != NULL)
				leave(n, arg);
			if (n == root)
				return;
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
}

int
html_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    strcasecmp((const char *)n->name, name) == 0;
}

int
html_is_heading(xmlNodePtr n)
{
	const char	*s;

	if (n == NULL || n->type != XML_ELEMENT_NODE || n->name == NULL)
		return 0;
	s = (const char *)n->name;
	return (s[0] == 'h' || s[0] == 'H') && s[1] >= '1' && s[1] <= '6' &&
	    s[2] == '\0';
}

/* The value of attribute name, "" when it has none, NULL when absent;
   points into the tree. */
const char *
html_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr	a;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = n->properties; a != NULL; a = a->next) {
		if (a->name == NULL ||
		    strcasecmp((const char *)a->name, name) != 0)
			continue;
		if (a->children != NULL && a->children->content != NULL)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
}

/* Whether attribute name holds word among its space-separated words. */
int
html_attr_has(xmlNodePtr n, const char *name, const char *word)
{
	const char	*v = html_attr(n, name), *e;
	size_t		 len = strlen(word);

	for (; v != NULL && *v != '\0'; v = e) {
		while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
			v++;
		for (e = v; *e != '\0' && *e != ' ' && *e != '\t' &&
		    *e != '\n' && *e != '\r'; e++)
			;
		if ((size_t)(e - v) == len && strncasecmp(v, word, len) == 0)
			return 1;
	}
	return 0;
}

/* Does s hold word: as a part between space, "-" and "_" when word is
   short (so "ad" is not found in "header"), else anywhere? */
static int
html_word_in(const char *s, const char *word)
{
	size_t	len = strlen(word), i;

	if (len > 3) {
		for (; *s != '\0'; s++)
			if (strncasecmp(s, word, len) == 0)
				return 1;
		return 0;
	}
	while (*s != '\0') {
		for (i = 0; s[i] != '\0' && strchr(" \t\n-_", s[i]) == NULL; i++)
			;
		if (i == len && strncasecmp(s, word, len) == 0)
			return 1;
		s += i;
		while (*s != '\0' && strchr(" \t\n-_", *s) != NULL)
			s++;
	}
	return 0;
}

/* Whether the class or id of n holds one of words (see above). */
int
html_class_has(xmlNodePtr n, const char *const *words)
{
	const char	*cls = html_attr(n, "class"), *id = html_attr(n, "id");

	if (cls == NULL && id == NULL)
		return 0;
	for (; *words != NULL; words++)
		if ((cls != NULL && html_word_in(cls, *words)) ||
		    (id != NULL && html_word_in(id, *words)))
			return 1;
	return 0;
}

char *
html_clean(const char *s, size_t len)
{
	struct html_buf	 b = { NULL, 0, 0 };
	const char	*end, *start;
	char		*out;
	size_t		 n;

	if (s == NULL)
		return NULL;
	end = s + len;
	while (s < end) {
		if (*s != '\0' && strchr(" \t\n\r\f", *s) != NULL) {
			s++;
			continue;
		}
		if (b.len > 0)
			html_buf_add(&b, " ", 1);
		for (start = s; s < end && (*s == '\0' ||
		    strchr(" \t\n\r\f", *s) == NULL); s++)
			;
		html_buf_add(&b, start, s - start);
	}
	if (b.len == 0)
		return NULL;
	out = utf8_valid_or_replace(b.s, b.len, &n, NULL);
	html_buf_free(&b);
	return out;
}

struct html_upto {
	struct html_buf	b;
	size_t		max, nodes;
	int		over;
};

static int
html_upto_enter(xmlNodePtr n, void *arg)
{
	struct html_upto *u = arg;

	if (u->over || u->nodes-- == 0) {
		u->over = 1;
		return 1;
	}
	if (html_is(n, "script") || html_is(n, "style"))
		return 1;
	if (n->type == XML_TEXT_NODE && n->content != NULL) {
		size_t	len = strlen((const char *)n->content);

		if (u->b.len + len > u->max)
			u->over = 1;
		else
			html_buf_add(&u->b, (const char *)n->content, len);
	} else if (html_is(n, "br"))
		html_buf_add(&u->b, " ", 1);
	return 0;
}

char *
html_text_upto(xmlNodePtr n, size_t max, size_t maxnodes)
{
	struct html_upto u;
	char		*out;

	memset(&u, 0, sizeof u);
	u.max = max;
	u.nodes = maxnodes;
	html_walk(n, html_upto_enter, NULL, &u);
	out = u.over ? NULL : html_clean(u.b.s, u.b.len);
	html_buf_free(&u.b);
	return out;
}
