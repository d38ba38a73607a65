/*
 * test-opml.c: feed_opml_parse() and feed_opml_write().
 *
 * A recording callback writes each outline as lines of text; the
 * fixture tests/data/feeds/subs.opml (OPML 1.0 in Latin-1, nested
 * folders, a category attribute, a title-only outline, outlines that
 * are not feeds) is compared whole, and what feed_opml_write() makes of
 * awkward outlines (quotes, ampersands, tabs, newlines, slashes in
 * tags, no title) must read back to the same outlines.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "test-util.h"
#include "xmalloc.h"

#ifndef FEED_DATA
#define FEED_DATA "tests/data/feeds"
#endif

static int
opml_rec(void *arg, const struct feed_outline *fo, char **cause)
{
	struct test_rec	*r = arg;
	size_t		 i;

	if (++r->entries == r->stop_at) {
		*cause = xstrdup("stop here");
		return -1;
	}
	test_rec_add(r, "outline %s\n", fo->url);
	test_rec_str(r, "title", fo->title);
	test_rec_str(r, "html", fo->html_url);
	test_rec_str(r, "lang", fo->lang);
	for (i = 0; i < fo->ntags; i++)
		test_rec_add(r, " tag=%s\n", fo->tags[i]);
	return 0;
}

static char *
opml_parse(const char *buf, size_t len, int stop_at)
{
	struct test_rec	 r = { NULL, 0, stop_at, 0 };
	char		*cause = NULL;

	test_rec_add(&r, "%s", "");
	if (feed_opml_parse(buf, len, "subs.opml", opml_rec, &r, &cause) != 0) {
		test_rec_add(&r, "error: %s\n", cause);
		free(cause);
	}
	return r.s;
}

/* OPML: folders and category as tags; what we write reads back. */
static void
test_opml(void)
{
	static const char cut[] = "<opml><body><outline xmlUrl=\"u\">";
	static const char *const tags_a[] = { "News", "a/b", "x & <y>",
	    "/slash", "tab\there" };
	static const char *const tags_b[] = { "caf\u00e9" };
	const struct feed_outline out[] = {
		{ "https://a.test/feed?x=1&y=\"2\"", "A \"quoted\" <title> &",
		    "https://a.test/", "en-GB", tags_a, 5 },
		{ "https://b.test/feed", NULL, NULL, NULL, tags_b, 1 },
		{ "https://c.test/feed", "Line\nbreak", NULL, "ko", NULL, 0 },
	};
	char	 path[1024], *buf, *got, *doc, *again;
	size_t	 len;

	snprintf(path, sizeof path, "%s/subs.opml", FEED_DATA);
	buf = test_slurp(path, &len);
	got = opml_parse(buf, len, 0);
	is_str(got, "outline https://monde.test/rss\n"
	    " title=Le Monde & co\n html=https://monde.test/\n lang=fr\n"
	    " tag=News\n tag=Europe\n"
	    "outline https://title.test/feed\n title=Only a title\n"
	    " tag=News\n tag=Daily\n tag=Politics/EU\n"
	    "outline https://cafe.test/feed\n title=Caf\u00e9\n",
	    "subs.opml: folders, category, a title only, Latin-1");
	free(got);
	got = opml_parse(buf, len, 2);
	ok(strstr(got, "error: subs.opml: stop here\n") != NULL &&
	    strstr(got, "cafe.test") == NULL, "a callback's error stops it");
	free(got);
	free(buf);

	doc = feed_opml_write("Mine & yours", out, 3);
	got = opml_parse(doc, strlen(doc), 0);
	is_str(got, "outline https://a.test/feed?x=1&y=\"2\"\n"
	    " title=A \"quoted\" <title> &\n html=https://a.test/\n"
	    " lang=en-GB\n tag=News\n tag=a/b\n tag=x & <y>\n tag=/slash\n"
	    " tag=tab here\n"
	    "outline https://b.test/feed\n tag=caf\u00e9\n"
	    "outline https://c.test/feed\n title=Line break\n lang=ko\n",
	    "written OPML reads back to the same outlines");
	again = feed_opml_write("Mine & yours", out, 3);
	ok(strncmp(doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">", 59) == 0 && strstr(doc, "<title>Mine "
	    "&amp; yours</title>") != NULL, "OPML 2.0 with an escaped title");
	ok(strcmp(doc, again) == 0, "writing is deterministic");
	free(again);
	free(got);
	free(doc);

	got = opml_parse("<rss/>", 6, 0);
	is_str(got, "error: subs.opml: not an OPML file (the root is <rss>)\n",
	    "an RSS file is not OPML");
	free(got);
	got = opml_parse(cut, strlen(cut), 0);
	ok(strstr(got, "error: subs.opml: broken OPML at line 1") != NULL,
	    "a cut OPML file is an error: %s", got);
	free(got);
	got = opml_parse("", 0, 0);
	is_str(got, "error: subs.opml: not an OPML file (empty)\n", "empty");
	free(got);
}

int
main(void)
{
	test_opml();
	return tap_done();
}
