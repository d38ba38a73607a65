/*
 * fuzz-feed.c: any bytes through feed_parse() (XML and JSON alike, as
 * fetch hands them over), feed_sniff() and feed_discover().  Every
 * string a callback gets must be valid UTF-8 without NUL, every link
 * have an href and a rel, every date be one or FEED_NO_DATE, an error
 * name the URL; and what the entries hold must stay within a small
 * multiple of the input (inherited fields, shared with the channel, are
 * not counted again).  Each entry's HTML content also goes through
 * html_fragment(), as the subscription code will send it.
 */
#include "config.h"

#include <string.h>

#include <unistr.h>

#include "feed.h"
#include "html.h"
#include "fuzz.h"

#define URL "https://feed.test/a/feed.xml"

struct fuzz_feed {
	size_t		 total;
	const char	*chan_author;
	int		 channels, entries;
};

static size_t
check_str(const char *s)
{
	size_t	n;

	if (s == NULL)
		return 0;
	n = strlen(s);
	fuzz_assert(u8_check((const uint8_t *)s, n) == NULL);
	return n;
}

static size_t
check_links(const struct feed_link *l, size_t n)
{
	size_t	i, total = 0;

	for (i = 0; i < n; i++) {
		fuzz_assert(l[i].href != NULL && l[i].rel != NULL);
		fuzz_assert(l[i].length >= -1);
		total += check_str(l[i].href) + check_str(l[i].rel) +
		    check_str(l[i].type) + check_str(l[i].hreflang) +
		    check_str(l[i].title);
	}
	return total;
}

static void
check_date(long long t)
{
	/* Years 0 to 9999, with a day of zone either side. */
	fuzz_assert(t == FEED_NO_DATE || (t >= -62167305600LL &&
	    t <= 253402387200LL));
}

static int
on_channel(void *arg, const struct feed_channel *c, char **cause)
{
	struct fuzz_feed	*f = arg;

	(void)cause;
	fuzz_assert(f->channels++ == 0 && f->entries == 0);
	fuzz_assert(c->kind >= FEED_RSS && c->kind <= FEED_JSON);
	f->total += check_str(c->title) + check_str(c->link) +
	    check_str(c->self) + check_str(c->lang) +
	    check_str(c->description) + check_links(c->links, c->nlinks);
	check_date(c->updated);
	return 0;
}

static int
on_entry(void *arg, const struct feed_entry *e, char **cause)
{
	struct fuzz_feed	*f = arg;
	struct html_page	*pg;
	size_t			 i;
	char			*why = NULL;

	(void)cause;
	fuzz_assert(f->channels == 1);
	f->entries++;
	f->total += check_str(e->id) + check_str(e->title) +
	    check_str(e->link) + check_str(e->content) +
	    check_str(e->summary) + check_str(e->comments_page) +
	    check_str(e->comments_feed) + check_links(e->links, e->nlinks);
	(void)check_str(e->author);
	(void)check_str(e->lang);
	for (i = 0; i < e->ncategories; i++) {
		fuzz_assert(e->categories[i] != NULL &&
		    *e->categories[i] != '\0');
		f->total += check_str(e->categories[i]);
	}
	fuzz_assert((e->content == NULL) == (e->content_type ==
	    FEED_TEXT_NONE));
	fuzz_assert((e->summary == NULL) == (e->summary_type ==
	    FEED_TEXT_NONE));
	fuzz_assert(e->comment_count >= -1);
	check_date(e->published);
	check_date(e->updated);
	if (e->content != NULL && e->content_type == FEED_TEXT_HTML) {
		fuzz_assert(html_fragment(e->content, strlen(e->content), &pg,
		    &why) == 0);
		for (i = 0; i < pg->nparas; i++)
			fuzz_assert(pg->paras[i].len > 0 &&
			    strlen(pg->paras[i].text) == pg->paras[i].len);
		html_page_free(pg);
	}
	return 0;
}

static void
on_warn(void *arg, const char *msg)
{
	(void)arg;
	fuzz_assert(msg != NULL && *msg != '\0');
	(void)check_str(msg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_feed	 f;
	struct feed_handler	 h = { &f, on_channel, on_entry, on_warn };
	const char		*buf = (const char *)data;
	char			*cause = NULL, **urls;
	size_t			 i, n;

	memset(&f, 0, sizeof f);
	(void)feed_sniff(buf, size);
	if (feed_parse(buf, size, URL, NULL, &h, &cause) != 0) {
		fuzz_assert(cause != NULL &&
		    strncmp(cause, URL ": ", strlen(URL) + 2) == 0);
		(void)check_str(cause);
		free(cause);
	}
	fuzz_assert(f.total <= 16 * size + 4096);
	fuzz_assert(feed_discover(buf, size, URL, &urls, &n) == 0);
	for (i = 0; i < n; i++) {
		(void)check_str(urls[i]);
		free(urls[i]);
	}
	fuzz_assert(urls[n] == NULL);
	free(urls);
	return 0;
}
