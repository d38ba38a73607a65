/*
 * json-feed.c: JSON Feed 1.0 and 1.1 (jsonfeed.org) on jansson.
 *
 * feed.c sends here what starts with "{" and names a jsonfeed.org
 * version near its start.  jansson reads the document whole (a JSON
 * Feed is a page of recent items, not an archive; jansson bounds the
 * nesting itself), then each item becomes a struct feed_acc and goes to
 * the handler like an RSS or Atom entry:
 *
 *	id			the id (a number is written as one)
 *	url, external_url	the page; external_url as rel="related"
 *	content_html/_text	content, HTML or text; summary as text
 *	date_published/_modified  RFC 3339
 *	authors[0] (1.1), author (1.0)   the name; else the feed's
 *	tags			categories
 *	language (1.1)		the item's, else the feed's
 *	attachments		links rel="enclosure" with type, title and
 *				size_in_bytes as length
 *
 * A member of the wrong type is ignored as if absent; an item that is
 * not an object is skipped.  Strings stop at an escaped NUL.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "feed-int.h"
#include "json-import.h"
#include "xmalloc.h"

int
json_feed_sniff(const char *s, size_t n)
{
	size_t	i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
	    s[i] == '\r'))
		i++;
	if (i == n || s[i] != '{')
		return 0;
	return memmem(s, n > 4096 ? 4096 : n, "jsonfeed.org/version/", 21) !=
	    NULL;
}

/* The member's string, or NULL when absent, empty or not a string. */
static const char *
json_feed_str(json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return s != NULL && *s != '\0' ? s : NULL;
}

static char *
json_feed_dup(json_t *o, const char *key)
{
	const char	*s = json_feed_str(o, key);

	return s != NULL ? xstrdup(s) : NULL;
}

static char *
json_feed_url(json_t *o, const char *key, const char *base)
{
	const char	*s = json_feed_str(o, key);

	return s != NULL ? feed_resolve(base, s) : NULL;
}

static void
json_feed_date(json_t *o, const char *key, long long *out)
{
	const char	*s = json_feed_str(o, key);
	long long	 t;

	if (s != NULL && feed_date_parse(s, &t) == 0)
		*out = t;
}

/* The first author's name: "authors" (1.1), else "author" (1.0). */
static char *
json_feed_author(json_t *o)
{
	json_t	*a = json_object_get(o, "authors"), *v;
	size_t	 i;
	char	*s;

	json_array_foreach(a, i, v) {
		if ((s = feed_text_clean(json_feed_str(v, "name"), 0)) != NULL)
			return s;
	}
	return feed_text_clean(json_feed_str(json_object_get(o, "author"),
	    "name"), 0);
}

static void
json_feed_attachments(json_t *item, const char *base, struct feed_acc *a)
{
	json_t		*v, *size;
	size_t		 i;
	char		*u;
	long long	 len;

	json_array_foreach(json_object_get(item, "attachments"), i, v) {
		if ((u = json_feed_url(v, "url", base)) == NULL)
			continue;
		size = json_object_get(v, "size_in_bytes");
		len = json_is_integer(size) && json_integer_value(size) >= 0 ?
		    json_integer_value(size) : -1;
		feed_acc_link(a, u, "enclosure", json_feed_str(v, "mime_type"),
		    NULL, json_feed_str(v, "title"), len);
		free(u);
	}
}

static void
json_feed_item(json_t *item, const char *base, struct feed_acc *a)
{
	json_t		*id = json_object_get(item, "id"), *v;
	const char	*s;
	size_t		 i;
	char		*u;

	if (json_is_string(id))
		a->id = json_feed_dup(item, "id");
	else if (json_is_integer(id))
		xasprintf(&a->id, "%lld", (long long)json_integer_value(id));
	a->link = json_feed_url(item, "url", base);
	if ((u = json_feed_url(item, "external_url", base)) != NULL) {
		feed_acc_link(a, u, "related", NULL, NULL, NULL, -1);
		free(u);
	}
	a->title = feed_text_clean(json_feed_str(item, "title"), 0);
	if ((a->content = json_feed_dup(item, "content_html")) != NULL)
		a->content_type = FEED_TEXT_HTML;
	else if ((a->content = json_feed_dup(item, "content_text")) != NULL)
		a->content_type = FEED_TEXT_PLAIN;
	if ((a->summary = json_feed_dup(item, "summary")) != NULL)
		a->summary_type = FEED_TEXT_PLAIN;
	json_feed_date(item, "date_published", &a->published);
	json_feed_date(item, "date_modified", &a->updated);
	a->author = json_feed_author(item);
	json_array_foreach(json_object_get(item, "tags"), i, v) {
		if ((s = json_string_value(v)) != NULL)
			feed_acc_category(a, s);
	}
	a->lang = feed_text_clean(json_feed_str(item, "language"), 0);
	json_feed_attachments(item, base, a);
}

/* The feed's own fields, as the channel. */
static void
json_feed_channel(json_t *doc, const char *url, struct feed_acc *ch)
{
	ch->title = feed_text_clean(json_feed_str(doc, "title"), 0);
	ch->link = json_feed_url(doc, "home_page_url", url);
	ch->self = json_feed_url(doc, "feed_url", url);
	ch->description = feed_text_clean(json_feed_str(doc, "description"),
	    0);
	ch->lang = feed_text_clean(json_feed_str(doc, "language"), 0);
	ch->author = json_feed_author(doc);
	if (ch->self != NULL)
		feed_acc_link(ch, ch->self, "self", "application/feed+json",
		    NULL, NULL, -1);
}

static int
json_feed_items(json_t *doc, const char *url, const struct feed_acc *ch,
    const struct feed_handler *h, char **cause)
{
	struct feed_acc		 a;
	struct feed_entry	 e;
	json_t			*item;
	size_t			 i;
	int			 rc = 0;

	json_array_foreach(json_object_get(doc, "items"), i, item) {
		if (!json_is_object(item))
			continue;
		feed_acc_init(&a);
		json_feed_item(item, url, &a);
		feed_acc_entry(&a, ch, &e);
		if (h->entry != NULL)
			rc = h->entry(h->arg, &e, cause);
		feed_acc_clear(&a);
		if (rc != 0)
			break;
	}
	return rc;
}

int
json_feed_parse(const char *text, size_t len, const char *url,
    const struct feed_handler *h, char **cause)
{
	struct feed_acc		 ch;
	struct feed_channel	 c;
	json_error_t		 err;
	json_t			*doc;
	const char		*v;
	char			*why = NULL;
	int			 rc = 0;

	if ((doc = json_loadb(text, len, 0, &err)) == NULL) {
		why = json_error_clean(err.text);
		xasprintf(cause, "%s: not a feed (broken JSON at line %d: %s)",
		    url, err.line, why);
		free(why);
		return -1;
	}
	v = json_feed_str(doc, "version");
	if (v == NULL || strstr(v, "jsonfeed.org/version/") == NULL) {
		xasprintf(cause, "%s: not a feed (JSON without a JSON Feed "
		    "version)", url);
		json_decref(doc);
		return -1;
	}
	if (!json_is_array(json_object_get(doc, "items")))
		feed_warn(h, "no \"items\" array");
	feed_acc_init(&ch);
	json_feed_channel(doc, url, &ch);
	feed_acc_channel(&ch, FEED_JSON, &c);
	if (h->channel != NULL)
		rc = h->channel(h->arg, &c, &why);
	if (rc == 0)
		rc = json_feed_items(doc, url, &ch, h, &why);
	if (rc != 0) {
		xasprintf(cause, "%s: %s", url, why != NULL ? why : "failed");
		rc = -1;
	}
	free(why);
	feed_acc_clear(&ch);
	json_decref(doc);
	return rc;
}
