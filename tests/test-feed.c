/*
 * test-feed.c: feed_parse() over the feeds of tests/data/feeds/.
 *
 * A recording handler writes what each callback got as lines of text
 * (the channel, then one block per entry, then the warnings), and each
 * fixture's record is compared whole with what we expect, so a field
 * read wrong, one too many or a missing warning all fail.  Then the
 * dates (a table), autodiscovery, broken and hostile feeds, and a 30 MB
 * feed for memory and time.  Run with a file name, it prints that
 * file's record (for writing expectations).  OPML: test-opml.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sys/resource.h>

#include "feed.h"
#include "test-util.h"
#include "xmalloc.h"

#ifndef FEED_DATA
#define FEED_DATA "tests/data/feeds"
#endif

static void
rec_date(struct test_rec *r, const char *name, long long t)
{
	time_t		 tt = (time_t)t;
	struct tm	 tm;
	char		 buf[64];

	if (t == FEED_NO_DATE)
		return;
	gmtime_r(&tt, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	test_rec_add(r, " %s=%s\n", name, buf);
}

static void
rec_links(struct test_rec *r, const struct feed_link *l, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		test_rec_add(r, " link=%s %s", l[i].rel, l[i].href);
		if (l[i].type != NULL)
			test_rec_add(r, " type=%s", l[i].type);
		if (l[i].hreflang != NULL)
			test_rec_add(r, " hreflang=%s", l[i].hreflang);
		if (l[i].title != NULL)
			test_rec_add(r, " title=%s", l[i].title);
		if (l[i].length >= 0)
			test_rec_add(r, " length=%lld", l[i].length);
		test_rec_add(r, "\n");
	}
}

static int
rec_channel(void *arg, const struct feed_channel *c, char **cause)
{
	static const char *const kinds[] = { "?", "rss", "rdf", "atom",
	    "json" };
	struct test_rec	*r = arg;

	(void)cause;
	test_rec_add(r, "channel %s\n", kinds[c->kind]);
	test_rec_str(r, "title", c->title);
	test_rec_str(r, "link", c->link);
	test_rec_str(r, "self", c->self);
	test_rec_str(r, "lang", c->lang);
	test_rec_str(r, "description", c->description);
	rec_date(r, "updated", c->updated);
	rec_links(r, c->links, c->nlinks);
	return 0;
}

static int
rec_entry(void *arg, const struct feed_entry *e, char **cause)
{
	static const char *const types[] = { "none", "text", "html" };
	struct test_rec	*r = arg;
	size_t		 i;

	if (++r->entries == r->stop_at) {
		*cause = xstrdup("the handler says stop");
		return -1;
	}
	test_rec_add(r, "entry\n");
	test_rec_str(r, "id", e->id);
	test_rec_str(r, "title", e->title);
	test_rec_str(r, "page", e->link);
	test_rec_str(r, "lang", e->lang);
	test_rec_str(r, "author", e->author);
	rec_date(r, "published", e->published);
	rec_date(r, "updated", e->updated);
	for (i = 0; i < e->ncategories; i++)
		test_rec_add(r, " category=%s\n", e->categories[i]);
	if (e->content != NULL)
		test_rec_add(r, " content(%s)=%s\n", types[e->content_type],
		    e->content);
	if (e->summary != NULL)
		test_rec_add(r, " summary(%s)=%s\n", types[e->summary_type],
		    e->summary);
	rec_links(r, e->links, e->nlinks);
	test_rec_str(r, "comments_page", e->comments_page);
	test_rec_str(r, "comments_feed", e->comments_feed);
	if (e->comment_count >= 0)
		test_rec_add(r, " comment_count=%ld\n", e->comment_count);
	test_rec_str(r, "in_reply_to", e->in_reply_to);
	return 0;
}

static void
rec_warn(void *arg, const char *msg)
{
	test_rec_add(arg, "warning: %s\n", msg);
}

/* The record of feed_parse() on buf; "error: ..." at the end if it
   failed.  Caller frees. */
static char *
parse_rec(const char *buf, size_t len, const char *url, const char *charset,
    int stop_at)
{
	struct test_rec		 r = { NULL, 0, stop_at, 0 };
	struct feed_handler	 h = { &r, rec_channel, rec_entry, rec_warn };
	char			*cause = NULL;

	test_rec_add(&r, "%s", "");
	if (feed_parse(buf, len, url, charset, &h, &cause) != 0) {
		test_rec_add(&r, "error: %s\n", cause);
		free(cause);
	}
	return r.s;
}

static char *
parse_file(const char *file, const char *url, const char *charset)
{
	char	 path[1024], *buf, *s;
	size_t	 len;

	snprintf(path, sizeof path, "%s/%s", FEED_DATA, file);
	if ((buf = test_slurp(path, &len)) == NULL)
		return xstrdup("cannot read the fixture\n");
	s = parse_rec(buf, len, url, charset, 0);
	free(buf);
	return s;
}

static void
check_file(const char *file, const char *url, const char *charset,
    const char *want)
{
	char	*got = parse_file(file, url, charset);

	if (!is_str(got, want, "%s", file))
		diag("got:\n%s", got);
	free(got);
}

/* Each fixture's whole record. */
static void
test_fixtures(void)
{
	check_file("rss2.xml", "https://notes.test/feed/", NULL,
	    "channel rss\n"
	    " title=Harbour Notes\n"
	    " link=https://notes.test/\n"
	    " self=https://notes.test/feed/\n"
	    " lang=en-GB\n"
	    " description=Letters from the harbour\n"
	    " updated=2025-01-06T09:30:00Z\n"
	    " link=self https://notes.test/feed/ type=application/rss+xml\n"
	    "entry\n"
	    " id=https://notes.test/?p=101\n"
	    " title=The ferry & the fog\n"
	    " page=https://notes.test/2025/01/ferry/\n"
	    " lang=en-GB\n"
	    " author=Ines Marlow\n"
	    " published=2025-01-05T17:04:10Z\n"
	    " category=Boats\n"
	    " category=Weather\n"
	    " content(html)=<p>The ferry left late.</p>\n"
	    "<p>Fog sat on the water &amp; nobody spoke.</p>\n"
	    " summary(html)=The ferry left late. [&#8230;]\n"
	    " comments_page=https://notes.test/2025/01/ferry/#comments\n"
	    " comments_feed=https://notes.test/2025/01/ferry/feed/\n"
	    " comment_count=4\n"
	    "entry\n"
	    " id=https://notes.test/2025/01/tide/\n"
	    " title=Night tide\n"
	    " page=https://notes.test/2025/01/tide/\n"
	    " lang=en-GB\n"
	    " author=Ines Marlow\n"
	    " published=2025-01-05T04:15:00Z\n"
	    " summary(html)=A <b>short</b> one.\n"
	    " link=enclosure https://notes.test/audio/tide.mp3 type=audio/mpeg length=123456\n"
	    "entry\n"
	    " id=https://notes.test/2025/01/untitled/\n"
	    " page=https://notes.test/2025/01/untitled/\n"
	    " lang=en-GB\n");
	check_file("rss1.rdf", "https://rdf.test/rss", NULL,
	    "channel rdf\n"
	    " title=Field Journal\n"
	    " link=https://rdf.test/\n"
	    " lang=de\n"
	    " description=Notes from the field\n"
	    " updated=2024-11-02T09:00:00Z\n"
	    "entry\n"
	    " id=https://rdf.test/moss\n"
	    " title=Moos\n"
	    " page=https://rdf.test/moss\n"
	    " lang=de\n"
	    " author=K. Brandt\n"
	    " published=2024-11-01T08:30:00Z\n"
	    " category=Botanik\n"
	    " content(html)=<p>Moos wächst langsam.</p>\n"
	    " summary(html)=Über das Moos.\n"
	    "entry\n"
	    " id=https://rdf.test/lichen\n"
	    " title=Flechten\n"
	    " page=https://rdf.test/lichen\n"
	    " lang=en\n");
	check_file("atom.xml", "https://atlas.test/fr/feed.atom", NULL,
	    "channel atom\n"
	    " title=Atlas des côtes\n"
	    " link=https://atlas.test/fr/\n"
	    " self=https://atlas.test/fr/feed.atom\n"
	    " lang=fr\n"
	    " description=Cartes & récits\n"
	    " updated=2024-12-20T08:00:00Z\n"
	    " link=alternate https://atlas.test/fr/ type=text/html\n"
	    " link=self https://atlas.test/fr/feed.atom\n"
	    "entry\n"
	    " id=tag:atlas.test,2024:phare\n"
	    " title=Le phare oublié\n"
	    " page=https://atlas.test/fr/phare-oublie\n"
	    " lang=fr\n"
	    " author=Atlas\n"
	    " published=2024-12-19T16:45:00Z\n"
	    " updated=2024-12-20T12:00:00Z\n"
	    " category=Phares\n"
	    " category=bretagne\n"
	    " content(html)=\n"
	    "      <div><p>Au bout de la <em>jetée</em> &amp; du quai.</p><p><img src=\"https://atlas.test/fr/phare-oublie/lamp.jpg\" alt=\"la lampe\">Le gardien est parti.<br>Fin.</p></div>\n"
	    "    \n"
	    " summary(text)=Un phare que plus personne ne garde.\n"
	    " link=alternate https://atlas.test/fr/phare-oublie type=text/html\n"
	    " link=alternate https://atlas.test/en/forgotten-lighthouse type=text/html hreflang=en title=The forgotten lighthouse\n"
	    " link=alternate https://atlas.test/de/vergessener-leuchtturm type=text/html hreflang=de\n"
	    " link=replies https://atlas.test/fr/phare-oublie/comments.atom type=application/atom+xml\n"
	    " link=replies https://atlas.test/fr/phare-oublie#comments type=text/html\n"
	    " comments_page=https://atlas.test/fr/phare-oublie#comments\n"
	    " comments_feed=https://atlas.test/fr/phare-oublie/comments.atom\n"
	    " comment_count=9\n"
	    "entry\n"
	    " id=tag:atlas.test,2024:tides\n"
	    " title=Tide tables\n"
	    " page=https://atlas.test/en/tides\n"
	    " lang=en-CA\n"
	    " author=Rémi\n"
	    " updated=2024-12-18T12:00:00Z\n"
	    " content(html)=<p>High water at noon.</p>\n"
	    " link=alternate https://atlas.test/fr/marees hreflang=fr\n"
	    " link=alternate https://atlas.test/en/tides hreflang=en\n");
	check_file("polylang-en.xml", "http://orchard.test/en/feed/", NULL,
	    "channel rss\n"
	    " title=Orchard Press\n"
	    " link=http://orchard.test/en/\n"
	    " self=http://orchard.test/en/feed/\n"
	    " lang=en-US\n"
	    " description=News from the orchard\n"
	    " link=self http://orchard.test/en/feed/ type=application/rss+xml\n"
	    "entry\n"
	    " id=http://orchard.test/?p=12\n"
	    " title=The first apples\n"
	    " page=http://orchard.test/en/2025/09/first-apples/\n"
	    " lang=en-US\n"
	    " author=Mara\n"
	    " published=2025-09-01T08:00:00Z\n"
	    " content(html)=<p>The first apples came in today.</p><p>They are small and sour.</p>\n"
	    "entry\n"
	    " id=http://orchard.test/?p=10\n"
	    " title=Pruning\n"
	    " page=http://orchard.test/en/2025/08/pruning/\n"
	    " lang=en-US\n"
	    " published=2025-08-15T08:00:00Z\n"
	    " content(html)=<p>We pruned the old trees.</p>\n");
	check_file("polylang-fr.xml", "http://orchard.test/fr/feed/", NULL,
	    "channel rss\n"
	    " title=Presse du verger\n"
	    " link=http://orchard.test/fr/\n"
	    " self=http://orchard.test/fr/feed/\n"
	    " lang=fr-FR\n"
	    " description=Nouvelles du verger\n"
	    " link=self http://orchard.test/fr/feed/ type=application/rss+xml\n"
	    "entry\n"
	    " id=http://orchard.test/?p=13\n"
	    " title=Les premières pommes\n"
	    " page=http://orchard.test/fr/2025/09/premieres-pommes/\n"
	    " lang=fr-FR\n"
	    " author=Mara\n"
	    " published=2025-09-01T08:05:00Z\n"
	    " content(html)=<p>Les premières pommes sont arrivées aujourd’hui.</p><p>Elles sont petites et acides.</p>\n"
	    "entry\n"
	    " id=http://orchard.test/?p=11\n"
	    " title=La taille\n"
	    " page=http://orchard.test/fr/2025/08/taille/\n"
	    " lang=fr-FR\n"
	    " published=2025-08-15T08:05:00Z\n"
	    " content(html)=<p>Nous avons taillé les vieux arbres.</p>\n");
	check_file("euc-kr.xml", "https://seoul.test/feed", NULL,
	    "channel rss\n"
	    " title=서울 소식\n"
	    " link=https://seoul.test/\n"
	    " lang=ko\n"
	    "entry\n"
	    " title=한강 다리\n"
	    " page=https://seoul.test/bridge\n"
	    " lang=ko\n"
	    " summary(html)=다리 위의 아침.\n");
	check_file("euc-kr.xml", "https://seoul.test/feed", "utf-8",
	    "warning: the HTTP charset utf-8 is wrong: read as euc-kr\n"
	    "channel rss\n"
	    " title=서울 소식\n"
	    " link=https://seoul.test/\n"
	    " lang=ko\n"
	    "entry\n"
	    " title=한강 다리\n"
	    " page=https://seoul.test/bridge\n"
	    " lang=ko\n"
	    " summary(html)=다리 위의 아침.\n");
	check_file("lying-charset.xml", "https://lies.test/feed", NULL,
	    "warning: the declared charset windows-1252 is wrong: read as utf-8\n"
	    "channel rss\n"
	    " title=Überall Ünïcode\n"
	    " link=https://lies.test/\n"
	    "entry\n"
	    " title=Größe\n"
	    " page=https://lies.test/a\n");
	check_file("blank-line.xml", "https://blank.test/feed", NULL,
	    "warning: whitespace before the XML declaration\n"
	    "channel rss\n"
	    " title=Blank first\n"
	    " link=https://blank.test/\n"
	    "entry\n"
	    " title=Still read\n"
	    " page=https://blank.test/a\n");
	check_file("truncated.xml", "https://cut.test/feed", NULL,
	    "channel rss\n"
	    " title=Cut\n"
	    " link=https://cut.test/\n"
	    "entry\n"
	    " title=One\n"
	    " page=https://cut.test/1\n"
	    "entry\n"
	    " title=Two\n"
	    " page=https://cut.test/2\n"
	    "warning: the feed is cut short at line 6; read up to there\n");
	check_file("entity.xml", "https://cafe.test/feed", NULL,
	    "warning: 7 undeclared entities or bare '&' read as HTML\n"
	    "channel rss\n"
	    " title=Café Notes\n"
	    " link=https://cafe.test/?a=1&b=2\n"
	    "entry\n"
	    " title=Crème & café &bogus; AT&T\n"
	    " page=https://cafe.test/creme\n"
	    " summary(html)=<p>&nbsp;kept as HTML</p>\n");
	check_file("feed.json", "https://kites.test/feed.json", NULL,
	    "channel json\n"
	    " title=Kite Log\n"
	    " link=https://kites.test/\n"
	    " self=https://kites.test/feed.json\n"
	    " lang=nl\n"
	    " description=Flying notes\n"
	    " link=self https://kites.test/feed.json type=application/feed+json\n"
	    "entry\n"
	    " id=https://kites.test/2025/03/wind\n"
	    " title=Wind from the west\n"
	    " page=https://kites.test/2025/03/wind\n"
	    " lang=nl\n"
	    " author=Joost\n"
	    " published=2025-03-02T09:00:00Z\n"
	    " updated=2025-03-03T08:00:00Z\n"
	    " category=wind\n"
	    " category=beach\n"
	    " content(html)=<p>The wind turned <em>west</em>.</p><p>We flew all day.</p>\n"
	    " summary(text)=A windy day.\n"
	    " link=related https://weather.test/march\n"
	    " link=enclosure https://kites.test/media/wind.ogg type=audio/ogg title=The sound length=5120\n"
	    "entry\n"
	    " id=42\n"
	    " title=Repairing a spar\n"
	    " page=https://kites.test/en/2025/02/repair\n"
	    " lang=en\n"
	    " author=Old author field\n"
	    " content(text)=Glue, then wait.\n"
	    "entry\n"
	    " id=only-id\n"
	    " lang=nl\n"
	    " author=Joost\n");
	check_file("page.html", "http://orchard.test/en/", NULL,
	    "error: http://orchard.test/en/: not a feed (an HTML page)\n");
}

/* An HTTP charset that lies: the bytes and declaration say UTF-8. */
static void
test_http_lies(void)
{
	char	*got = parse_file("polylang-fr.xml",
	    "http://orchard.test/fr/feed/", "iso-8859-1");

	ok(strncmp(got, "warning: the HTTP charset windows-1252 is wrong: "
	    "read as utf-8\nchannel rss\n", 72) == 0 &&
	    strstr(got, " title=Les premières pommes\n") != NULL,
	    "HTTP iso-8859-1 over UTF-8: read as UTF-8, one warning");
	free(got);
}

/* Atom threading (RFC 4685): an entry's thr:in-reply-to ref. */
static void
test_threads(void)
{
	static const char feed[] =
	    "<feed xmlns='http://www.w3.org/2005/Atom'"
	    " xmlns:t='http://purl.org/syndication/thread/1.0'>"
	    "<title>Comments</title>"
	    "<t:in-reply-to ref='tag:x.test,2026:post'/>"
	    "<entry><id>tag:x.test,2026:c2</id>"
	    "<t:in-reply-to ref='  tag:x.test,2026:c1 '"
	    " href='http://x.test/c1' type='text/html'/>"
	    "<t:in-reply-to ref='tag:x.test,2026:c9'/></entry>"
	    "<entry><id>tag:x.test,2026:c1</id>"
	    "<t:in-reply-to href='http://x.test/post'/></entry>"
	    "<entry><id>tag:x.test,2026:c3</id>"
	    "<in-reply-to ref='not-threading'/>"
	    "<t:in-reply-to ref='tag:x.test,2026:c1'>"
	    "<t:in-reply-to ref='nested'/></t:in-reply-to></entry>"
	    "</feed>";
	char	*got;

	got = parse_rec(feed, sizeof feed - 1, "http://x.test/c.atom", NULL,
	    0);
	if (!is_str(got, "channel atom\n title=Comments\n"
	    "entry\n id=tag:x.test,2026:c2\n in_reply_to=tag:x.test,2026:c1\n"
	    "entry\n id=tag:x.test,2026:c1\n"
	    "entry\n id=tag:x.test,2026:c3\n in_reply_to=tag:x.test,2026:c1\n",
	    "thr:in-reply-to: the first ref of an entry, trimmed; none "
	    "without ref, on the feed, in Atom's namespace or nested"))
		diag("got:\n%s", got);
	free(got);
}

/* Documents that are not feeds say what they are. */
static void
test_not_feeds(void)
{
	static const struct {
		const char	*in, *want;
	} t[] = {
		{ "", "error: u.test: not a feed (empty)\n" },
		{ "  \n", "error: u.test: not a feed (empty)\n" },
		{ "Just some words.", "error: u.test: not a feed (plain text)\n" },
		{ "<!DOCTYPE html><html><body><p>x</p></body></html>",
		    "error: u.test: not a feed (an HTML page)\n" },
		{ "<?xml version=\"1.0\"?><opml version=\"2.0\"><body/></opml>",
		    "error: u.test: not a feed (an OPML file)\n" },
		{ "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/"
		    "svg\"/>", "error: u.test: not a feed (an XML document "
		    "whose root is <svg>)\n" },
		{ "<?xml version=\"1.0\"?><html><body>x</body></html>",
		    "error: u.test: not a feed (an HTML page)\n" },
		{ "{\"items\": []}",
		    "error: u.test: not a feed (JSON, not a JSON Feed)\n" },
		{ "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [",
		    "error: u.test: not a feed (broken JSON at line 1: ']' "
		    "expected near end of file)\n" },
		{ "{\"title\": \"jsonfeed.org/version/ in a title\"}",
		    "error: u.test: not a feed (JSON without a JSON Feed "
		    "version)\n" },
		{ "<?xml version=\"1.0\"?>\n<<<",
		    "error: u.test: not a feed (not well-formed XML: "
		    "StartTag: invalid element name)\n" },
	};
	size_t	 i;
	char	*got;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		got = parse_rec(t[i].in, strlen(t[i].in), "u.test", NULL, 0);
		is_str(got, t[i].want, "not a feed: %s", t[i].in);
		free(got);
	}
}

/* A handler's error stops the parse: no further callback, -1. */
static void
test_stop(void)
{
	char	 path[1024], *buf, *got;
	size_t	 len;

	snprintf(path, sizeof path, "%s/rss2.xml", FEED_DATA);
	buf = test_slurp(path, &len);
	got = parse_rec(buf, len, "https://notes.test/feed/", NULL, 2);
	ok(strstr(got, "error: https://notes.test/feed/: the handler says "
	    "stop\n") != NULL, "a handler's error is the parse's");
	ok(strstr(got, "Night tide") == NULL && strstr(got, "untitled") ==
	    NULL, "no entry after the failed one");
	ok(strstr(got, "The ferry") != NULL, "the entries before it came");
	free(got);
	free(buf);
}

/* UTF-16 with a byte order mark, as some Windows tools write feeds. */
static void
test_utf16(void)
{
	const char	*ascii = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Wide"
	    "</title><entry><id>e1</id><title>One</title></entry></feed>";
	char		*buf, *got;
	size_t		 i, n = strlen(ascii);

	buf = xmalloc(2 * n + 2);
	buf[0] = (char)0xff;
	buf[1] = (char)0xfe;
	for (i = 0; i < n; i++) {
		buf[2 + 2 * i] = ascii[i];
		buf[3 + 2 * i] = 0;
	}
	got = parse_rec(buf, 2 * n + 2, "w.test", NULL, 0);
	is_str(got, "channel atom\n title=Wide\nentry\n id=e1\n title=One\n",
	    "UTF-16LE with a BOM");
	free(got);
	free(buf);
}

/* feed_date_parse() on a table: RFC 822 and RFC 3339 as feeds write
   them; FEED_NO_DATE marks an input that must be refused. */
static void
test_dates(void)
{
	static const struct {
		const char	*in;
		long long	 want;
	} t[] = {
		{ "Tue, 10 Jun 2003 04:00:00 GMT", 1055217600LL },
		{ "Tue, 10 Jun 2003 04:00:00 +0900", 1055185200LL },
		{ "Tue, 10 Jun 2003 04:00:00 -0530", 1055237400LL },
		{ "10 Jun 2003 04:00 EST", 1055235600LL },
		{ "Sat, 4 Jan 25 23:15 PDT", 1736057700LL },
		{ "Fri, 31 Dec 99 23:59:59 UT", 946684799LL },
		{ "thursday, 01 february 2024 12:00:00 z", 1706788800LL },
		{ "Mon, 06 Jan 2025 09:30:00 +01:00", 1736152200LL },
		{ "Sun, 29 Feb 2004 10:00:00 A", 1078048800LL },
		{ "2003-12-13T18:30:02Z", 1071340202LL },
		{ "2003-12-13T18:30:02.25+01:00", 1071336602LL },
		{ "2003-12-13t18:30:02.123456789-05:00", 1071358202LL },
		{ "2003-12-13 18:30:02+0100", 1071336602LL },
		{ "2003-12-13T18:30Z", 1071340200LL },
		{ "2003-12-13T18:30:02", 1071340202LL },
		{ "2003-12-13", 1071273600LL },
		{ "1969-12-31T23:59:59Z", -1LL },
		{ "  2024-02-29T00:00:00Z  ", 1709164800LL },
		{ "", FEED_NO_DATE },
		{ "not a date", FEED_NO_DATE },
		{ "2003-02-29T00:00:00Z", FEED_NO_DATE },
		{ "2003-13-01", FEED_NO_DATE },
		{ "Tue, 32 Jan 2003 00:00:00 GMT", FEED_NO_DATE },
		{ "Tue, 10 Foo 2003 04:00:00 GMT", FEED_NO_DATE },
		{ "2003-12-13T25:00:00Z", FEED_NO_DATE },
		{ "2003-12-13T18:30:02+2500", FEED_NO_DATE },
		{ "2003-12-13T18:30:02 junk", FEED_NO_DATE },
		{ "10 Jun 2003 04:00:00 NOWHERE", FEED_NO_DATE },
		{ "2003-12-13T18:30:02.", FEED_NO_DATE },
	};
	size_t		i;
	long long	got;
	int		rc;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		got = FEED_NO_DATE;
		rc = feed_date_parse(t[i].in, &got);
		if (t[i].want == FEED_NO_DATE)
			ok(rc == -1, "date refused: \"%s\"", t[i].in);
		else
			ok(rc == 0 && got == t[i].want, "date \"%s\": %lld",
			    t[i].in, got);
	}
}

static int
count_entry(void *arg, const struct feed_entry *e, char **cause)
{
	(void)cause;
	if (e->content != NULL && e->title != NULL)
		(*(size_t *)arg)++;
	return 0;
}

/* A feed of about mb megabytes: entries of 1 KB of content each. */
static char *
big_feed(size_t mb, size_t *len, size_t *n)
{
	struct big {
		char	*s;
		size_t	 len, cap;
	}		 b;
	char		 item[2048], para[1100];
	size_t		 k;

	memset(para, 'a', 1000);
	memcpy(para, "<p>", 3);
	para[1000] = '\0';
	b.cap = mb * 1024 * 1024 + 4096;
	b.s = xmalloc(b.cap);
	b.len = (size_t)snprintf(b.s, b.cap, "<?xml version=\"1.0\"?>\n"
	    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/"
	    "modules/content/\"><channel><title>Big</title>\n");
	for (*n = 0; b.len + 2048 < b.cap - 64; (*n)++) {
		k = (size_t)snprintf(item, sizeof item, "<item><title>Entry "
		    "%zu</title><link>https://big.test/%zu</link><content:"
		    "encoded><![CDATA[%s]]></content:encoded></item>\n", *n,
		    *n, para);
		memcpy(b.s + b.len, item, k);
		b.len += k;
	}
	b.len += (size_t)snprintf(b.s + b.len, b.cap - b.len,
	    "</channel></rss>\n");
	*len = b.len;
	return b.s;
}

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The best of three parses of len bytes of buf; *got the entries. */
static double
time_parse(const char *buf, size_t len, size_t *got)
{
	struct feed_handler	 h = { NULL, NULL, count_entry, NULL };
	char			*cause = NULL;
	double			 t, best = 1e9;
	int			 i;

	h.arg = got;
	for (i = 0; i < 3; i++) {
		*got = 0;
		t = now();
		(void)feed_parse(buf, len, "big.test", NULL, &h, &cause);
		t = now() - t;
		best = t < best ? t : best;
		free(cause);
		cause = NULL;
	}
	return best;
}

/*
 * 30 MB: every entry read and memory a small multiple of the input; time
 * linear: a quarter of 16 MB takes about a quarter (best of three each;
 * quadratic would be 16 times the quarter, the bound is 12 plus 0.5 s;
 * small enough that a sanitizer's quarantine does not swamp the count).
 * A sanitizer's shadow memory is not ours: the memory check is skipped
 * there.
 */
#if defined(__SANITIZE_ADDRESS__)
#define TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_SANITIZED 1
#endif
#endif
static void
test_big(void)
{
	struct feed_handler	 h = { NULL, NULL, count_entry, NULL };
	struct rusage		 ru;
	char			*buf, *cause = NULL;
	size_t			 len, n, got = 0, qn;
	long			 before;
	double			 tq, tall;

	buf = big_feed(30, &len, &n);
	getrusage(RUSAGE_SELF, &ru);
	before = ru.ru_maxrss;
	h.arg = &got;
	ok(feed_parse(buf, len, "big.test", NULL, &h, &cause) == 0,
	    "30 MB feed parses");
	is_int((long long)got, (long long)n, "every entry of the 30 MB feed");
	getrusage(RUSAGE_SELF, &ru);
#ifdef TEST_SANITIZED
	diag("memory: %ld KB more for %zu KB of feed", ru.ru_maxrss -
	    before, len / 1024);
	skip("memory a small multiple of the feed",
	    "a sanitizer's shadow memory and quarantine are not ours");
#else
	ok((ru.ru_maxrss - before) * 1024 < (long)(4 * len),
	    "memory: %ld KB more for %zu KB of feed", ru.ru_maxrss - before,
	    len / 1024);
#endif
	free(cause);
	free(buf);
	buf = big_feed(16, &len, &n);
	tq = time_parse(buf, len / 4, &qn);
	tall = time_parse(buf, len, &got);
	ok(qn > 0 && got == n && tall < 12 * tq + 0.5, "time linear: %.3f s "
	    "for a quarter (%zu entries), %.3f s for the whole", tq, qn, tall);
	free(buf);
}

static char *
discover(const char *buf, size_t len, const char *base)
{
	char	**urls, *out = xstrdup(""), *t;
	size_t	  i, n;

	if (feed_discover(buf, len, base, &urls, &n) != 0)
		return out;
	for (i = 0; i < n; i++) {
		xasprintf(&t, "%s%s\n", out, urls[i]);
		free(out);
		out = t;
		free(urls[i]);
	}
	ok(urls[n] == NULL, "discovered list ends with NULL");
	free(urls);
	return out;
}

/* Autodiscovery: feed links of the head in order, no duplicate, no
   language alternate, no <a>, <base href> honoured. */
static void
test_discover(void)
{
	char	 path[1024], *buf, *got;
	size_t	 len;
	const char *based = "<html><head><base href=\"https://cdn.test/x/\">"
	    "<link rel=\"Alternate\" type=\"application/atom+xml; "
	    "charset=utf-8\" href=\" a.atom \"></head></html>";

	snprintf(path, sizeof path, "%s/page.html", FEED_DATA);
	buf = test_slurp(path, &len);
	got = discover(buf, len, "http://orchard.test/en/");
	is_str(got, "http://orchard.test/en/feed/\n"
	    "http://orchard.test/en/comments/feed/\n"
	    "http://orchard.test/en/feed/atom/\n"
	    "http://orchard.test/en/feed/json/\n"
	    "http://orchard.test/en/feed2.xml\n", "page.html's feeds");
	free(got);
	free(buf);
	got = discover(based, strlen(based), "https://page.test/");
	is_str(got, "https://cdn.test/x/a.atom\n", "<base href>, type "
	    "parameters, rel in capitals");
	free(got);
	got = discover("", 0, "https://page.test/");
	is_str(got, "", "an empty page names no feed");
	free(got);
	got = discover("\xff\xfe<\x00", 4, NULL);
	is_str(got, "", "junk names no feed");
	free(got);
}

static int
count_cats(void *arg, const struct feed_entry *e, char **cause)
{
	(void)cause;
	*(size_t *)arg = e->ncategories;
	return 0;
}

/* Broken in the middle: what came before stands, with one warning; a
   flood of categories is cut at the bound, in linear time. */
static void
test_broken(void)
{
	struct feed_handler	 h = { NULL, NULL, count_cats, NULL };
	struct {
		char	*s;
		size_t	 len;
	}			 b = { NULL, 0 };
	char			*got, *cause = NULL, item[128];
	size_t			 i, n, ncats = 0;
	double			 t0;

	b.s = xstrdup("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"
	    "<channel><title>M</title>\n");
	for (i = 0; i < 100; i++) {
		n = (size_t)snprintf(item, sizeof item, "<item><title>t%zu"
		    "</title><link>https://m.test/%zu</link></item>\n", i, i);
		b.s = xrealloc(b.s, strlen(b.s) + n + 1);
		strcat(b.s, item);
	}
	b.s = xrealloc(b.s, strlen(b.s) + 200);
	strcat(b.s, "<item><title>bad</title><description><p>x<br></p>"
	    "</description></item>\n<item><title>after</title></item>\n"
	    "</channel></rss>\n");
	got = parse_rec(b.s, strlen(b.s), "m.test", NULL, 0);
	ok(strstr(got, " title=t80\n") != NULL && strstr(got, "after") ==
	    NULL, "a mid-document error: the entries well before it read");
	ok(strstr(got, "warning: XML error at line 103 (Opening and ending "
	    "tag mismatch: br line 103 and p); read up to there\n") != NULL &&
	    strstr(got, "error:") == NULL, "  one warning, no error");
	free(got);
	free(b.s);

	b.s = xstrdup("<rss><channel><item>");
	b.len = strlen(b.s);
	for (i = 0; i < 200000; i++) {
		n = (size_t)snprintf(item, sizeof item,
		    "<category>c%zu</category>", i);
		b.s = i % 1024 == 0 ? xrealloc(b.s, b.len + 1024 * 32 + 64) :
		    b.s;
		memcpy(b.s + b.len, item, n + 1);
		b.len += n;
	}
	memcpy(b.s + b.len, "</item></channel></rss>", 24);
	b.len += 23;
	h.arg = &ncats;
	t0 = now();
	ok(feed_parse(b.s, b.len, "c.test", NULL, &h, &cause) == 0,
	    "200,000 categories parse");
	is_int((long long)ncats, 256, "  cut at 256");
	ok(now() - t0 < 5, "  quickly: %.2f s", now() - t0);
	free(cause);
	free(b.s);
}

int
main(int argc, char **argv)
{
	char	*buf, *s;
	size_t	 len;

	if (argc > 1) {
		if ((buf = test_slurp(argv[1], &len)) == NULL)
			return 1;
		s = parse_rec(buf, len, argc > 2 ? argv[2] : argv[1],
		    argc > 3 ? argv[3] : NULL, 0);
		fputs(s, stdout);
		free(s);
		free(buf);
		return 0;
	}
	test_fixtures();
	test_http_lies();
	test_threads();
	test_not_feeds();
	test_stop();
	test_utf16();
	test_dates();
	test_discover();
	test_big();
	test_broken();
	return tap_done();
}
