/*
 * test-json.c: tandem's JSON export read back by import, and the
 * content detection that sends a file to the JSON importer.
 *
 * Round trips go through real caches in a temporary directory: import
 * (the sample, or a hand-made article emitted into the cache sink),
 * export as JSON, import that JSON into a fresh cache, export again; the
 * two exports must be the same bytes.  Malformed documents must fail
 * with a message naming the file and store nothing.  import_sniff() is
 * checked against a table.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "cmd.h"
#include "export.h"
#include "import.h"
#include "tap.h"
#include "test-cache-util.h"
#include "test-util.h"
#include "xmalloc.h"

static char	*tmpdir;
static int	 ndb;

/* A fresh cache of its own. */
static struct cache *
db_new(void)
{
	char	name[32];

	snprintf(name, sizeof name, "%d.db", ++ndb);
	return test_cache_new(tmpdir, name);
}

/* Article 1 as export --format json writes it (NULL if there is none). */
static char *
export(struct cache *c)
{
	struct article		*a;
	struct article_comment	*cm;
	struct export_alignment	*al;
	struct article_pair	**own;
	size_t			 nc, nal, i, size = 0;
	char			*cause = NULL, *buf = NULL;
	FILE			*f;
	int			 rc;

	if (cache_article_load(c, 1, &a, &cause) != 0) {
		free(cause);
		return NULL;
	}
	if (cache_comments_load(c, 1, &cm, &nc, &cause) != 0) {
		diag("comments: %s", cause);
		free(cause);
		article_free(a);
		return NULL;
	}
	if ((f = open_memstream(&buf, &size)) == NULL)
		return NULL;
	cmd_alignments(c, a, &al, &nal, &own);
	rc = export_json(f, a, cm, nc, al, nal);
	for (i = 0; i < nal; i++)
		free(own[i]);
	free(own);
	free(al);
	fclose(f);
	article_comments_free(cm, nc);
	article_free(a);
	if (rc != 0)
		FREE(&buf);
	return buf;
}

/* Import doc as a file named name into a fresh cache; *cause on error. */
static struct cache *
import_json(const char *doc, size_t len, char **cause)
{
	struct cache		*c;
	struct import_sink	 sink;

	if ((c = db_new()) == NULL)
		return NULL;
	cache_sink(c, &sink);
	if (import_buffer("a.json", doc, len, NULL, &sink, cause) != 0)
		return c;
	*cause = NULL;
	return c;
}

/* export -> import -> export of c's article 1 gives the same bytes. */
static void
round_trip(struct cache *c, const char *what)
{
	struct cache	*c2;
	char		*j1, *j2 = NULL, *cause = NULL;

	j1 = export(c);
	if (!ok(j1 != NULL, "%s: exports", what))
		return;
	if ((c2 = import_json(j1, strlen(j1), &cause)) != NULL) {
		if (cause != NULL)
			diag("import: %s", cause);
		j2 = export(c2);
		cache_close(c2);
	}
	is_str(j2, j1, "%s: export -> import -> export is byte-identical",
	    what);
	free(cause);
	free(j1);
	free(j2);
}

static void
test_sample(void)
{
	struct cache		*c;
	struct import_sink	 sink;
	char			*cause = NULL;

	if ((c = db_new()) == NULL)
		return;
	cache_sink(c, &sink);
	if (import_file(SAMPLE, NULL, &sink, &cause) != 0) {
		diag("%s", cause);
		free(cause);
	}
	round_trip(c, "the sample");
	cache_close(c);
}

static const char *const en[] = {
	"Ünïcödé ✓ 한국어 日本語 中文 emoji 👍🏽 and a ZWJ 👩‍👩‍👧",
	"C0 \x01\x07\x08\x0c\x1b[31m, DEL \x7f, C1 \xc2\x85\xc2\x9b" ", "
	    "LS \xe2\x80\xa8 PS \xe2\x80\xa9, \"quotes\" \\ and\ttab",
	"== not a section",
	NULL
};
static const char *const ko[] = { "다리가 다시 열린다.", "둘째 문단.", NULL };

/* A comment thread: 1, 2 replying to 1, 3 replying to 2, 4 alone. */
static int
add_comments(struct import_sink *sink, char **cause)
{
	static const long parents[] = { 0, 1, 2, 0 };
	struct import_comment	ic;
	long			i;

	for (i = 0; i < 4; i++) {
		memset(&ic, 0, sizeof ic);
		ic.id = i + 1;
		ic.parent = parents[i];
		ic.author = i == 1 ? "이영희 \xe2\x80\xae evil" : "Kim";
		ic.created = i == 3 ? NULL : "2026-03-15T10:00:00Z";
		ic.lang = i == 2 ? "ko" : NULL;
		ic.body = i == 0 ? "First,\n\nwith \x1b and \xc2\x9b." :
		    "답글 ✓";
		if (sink->comment(sink->arg, &ic, cause) != 0)
			return -1;
	}
	return 0;
}

/* The hand-made article with policy p, into a fresh cache. */
static struct cache *
handmade(enum import_policy p)
{
	struct cache		*c;
	struct import_sink	 sink;
	struct import_article	 ia;
	char			*cause = NULL;

	if ((c = db_new()) == NULL)
		return NULL;
	cache_sink(c, &sink);
	memset(&ia, 0, sizeof ia);
	ia.source = "hand ✓";
	ia.key = "key-1";
	ia.url = p == IMPORT_POLICY_OPEN ? "https://site.test/ü" : NULL;
	ia.date = "2026-03-14";
	ia.author = "Ana Ñ";
	ia.original = "en";
	ia.policy = p;
	if (sink.begin(sink.arg, &ia, &cause) != 0 ||
	    test_sink_translation(&sink, "en", "", 0, 0.5, NULL, en,
	    &cause) != 0 ||
	    test_sink_translation(&sink, "ko", "다리", 1, 0.123456, NULL, ko,
	    &cause) != 0 ||
	    add_comments(&sink, &cause) != 0 ||
	    sink.end(sink.arg, 1, &cause) != 0)
		test_sink_abort(&sink, "handmade", cause);
	return c;
}

static void
test_handmade(void)
{
	static const char *const names[] = { "unknown", "open", "login",
	    "closed" };
	struct cache	*c;
	char		*j, what[64];
	int		 p;

	for (p = IMPORT_POLICY_UNKNOWN; p <= IMPORT_POLICY_CLOSED; p++) {
		if ((c = handmade((enum import_policy)p)) == NULL)
			continue;
		snprintf(what, sizeof what, "hand-made, policy %s", names[p]);
		round_trip(c, what);
		if (p == IMPORT_POLICY_UNKNOWN) {
			j = export(c);
			ok(j != NULL && strstr(j, "\"title\": \"\",") != NULL,
			    "the empty title is exported as \"\"");
			ok(j != NULL && strstr(j, "\\u007F, C1 \\u0085\\u009B"
			    ", LS \\u2028 PS \\u2029") != NULL,
			    "DEL, C1 and U+2028/9 are escaped");
			ok(j != NULL && strstr(j, "\"parent\": 2,") != NULL,
			    "the thread is exported");
			free(j);
		}
		cache_close(c);
	}
}

/* Each document fails with a message holding want; nothing is stored. */
static void
test_malformed(void)
{
	static const struct {
		const char	*doc;
		const char	*want;
	} t[] = {
		{ "{\"translations\": [{\"lang\": \"en\", \"paragraphs\": "
		    "[\"x\"", "a.json:1:" },
		{ "{\"translations\": [{\"lang\": \"en\", \"paragraphs\": "
		    "[\"x\"]}]} trailing", "a.json:1:" },
		{ "{\"id\": 1}", "a.json: not a tandem export: no "
		    "'translations' array" },
		{ "[{\"translations\": []}]", "a.json: not a tandem export" },
		{ "{\"translations\": []}", "'translations' is empty" },
		{ "{\"translations\": [{\"lang\": 7, \"paragraphs\": [\"x\"]}]}",
		    "translations[0].'lang': want a language tag" },
		{ "{\"translations\": [{\"lang\": \"en\", \"paragraphs\": "
		    "[\"x\", 3]}]}", "translations[0].'paragraphs'[1]" },
		{ "{\"translations\": [{\"lang\": \"en\", \"title\": 5, "
		    "\"paragraphs\": [\"x\"]}]}", "'title': want a string" },
		{ "{\"translations\": [{\"lang\": \"en\", \"lang_confidence\": "
		    "7, \"paragraphs\": [\"x\"]}]}", "'lang_confidence'" },
		{ "{\"comment_policy\": \"maybe\", \"translations\": [{\"lang\":"
		    " \"en\", \"paragraphs\": [\"x\"]}]}", "'comment_policy'" },
		{ "{\"translations\": [{\"lang\": \"en\", \"paragraphs\": "
		    "[\"x\"]}], \"comments\": [{\"id\": 1, \"parent\": 2, "
		    "\"body\": \"b\"}, {\"id\": 2, \"body\": \"c\"}]}",
		    "comments[0].'parent': want null or the id of an earlier" },
		{ "{\"translations\": [{\"lang\": \"en\", \"paragraphs\": "
		    "[\"x\"]}], \"comments\": [{\"id\": 1, \"body\": 2}]}",
		    "comments[0].'body': want a string" },
		{ "{\"translations\": [{\"lang\": \"en\", \"paragraphs\": "
		    "[\"x\"]}], \"comments\": [{\"id\": 1, \"body\": \"b\"}, "
		    "{\"id\": 1, \"body\": \"c\"}]}", "id 1 twice" },
		{ "{\"a\": 1, \"a\": 2, \"translations\": []}",
		    "duplicate object key" },
		{ "{\"translations\": [{\"lang\": \"en\", \"paragraphs\": "
		    "[\"\\u0000\"]}]}", "a.json:1:" },
	};
	struct cache	*c;
	struct article	*a;
	char		*cause, *deep, *ignored = NULL;
	size_t		 i, n;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		cause = NULL;
		c = import_json(t[i].doc, strlen(t[i].doc), &cause);
		ok(cause != NULL && strstr(cause, t[i].want) != NULL &&
		    strncmp(cause, "a.json", 6) == 0 && !strchr(cause, '\n'),
		    "malformed %zu: '%s'", i, t[i].want);
		if (cause == NULL || strstr(cause, t[i].want) == NULL)
			diag("got: %s", cause ? cause : "(success)");
		ok(c != NULL && cache_article_load(c, 1, &a, &ignored) != 0,
		    "malformed %zu: nothing stored", i);
		FREE(&ignored);
		free(cause);
		if (c != NULL)
			cache_close(c);
	}

	/* 10,000 arrays deep: jansson's depth bound, not the stack. */
	n = 10000;
	deep = xmalloc(2 * n + 1);
	memset(deep, '[', n);
	memset(deep + n, ']', n);
	deep[2 * n] = '\0';
	cause = NULL;
	c = import_json(deep, 2 * n, &cause);
	ok(cause != NULL && strstr(cause, "a.json:1:") != NULL &&
	    strstr(cause, "depth") != NULL, "10,000-deep nesting: %s",
	    cause ? cause : "(success)");
	free(cause);
	free(deep);
	if (c != NULL)
		cache_close(c);
}

/*
 * What sniff_format() (tests/test-html.c holds its table) calls text
 * but is not: refused by import_buffer() with a message saying what it
 * is, never stored.
 */
static void
test_not_text(void)
{
	static const struct {
		const char	*in;
		size_t		 len;	/* 0: strlen */
		const char	*want;
	} t[] = {
		{ "\177ELF\002\001\001\000\000", 9, "binary data (NUL bytes)" },
		{ "\x89\x01\xfa\x02\x28\x03\xa1\x04 x", 0,
		    "binary data (control bytes" },
		{ "<?xml version=\"1.0\"?>\n<svg/>", 0, "an XML document" },
		{ "<rss version=\"2.0\"><channel>", 0,
		    "a feed without an entry to import" },
	};
	struct import_sink	 sink;
	struct cache		*c;
	char			*cause;
	size_t			 i;

	if ((c = db_new()) == NULL)
		return;
	cache_sink(c, &sink);
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		cause = NULL;
		is_int(import_buffer("x", t[i].in, t[i].len ? t[i].len :
		    strlen(t[i].in), NULL, &sink, &cause), -1,
		    "refused: %s", t[i].want);
		ok(cause != NULL && strncmp(cause, "x: ", 3) == 0 &&
		    strstr(cause, t[i].want) != NULL, "  says %s", cause ?
		    cause : "(nothing)");
		free(cause);
	}
	cache_close(c);
}

static void
warn_collect(void *arg, const char *msg)
{
	char	**all = arg, *prev = *all;

	xasprintf(all, "%s%s\n", prev ? prev : "", msg);
	free(prev);
}

/* What the sink cannot keep is said, and the rest imports. */
static void
test_warnings(void)
{
	static const char doc[] = "{\"translations\": [{\"lang\": \"en\", "
	    "\"paragraphs\": [\"x\"]}, {\"lang\": \"fr\", \"paragraphs\": "
	    "[\"y\"]}], \"alignment\": [{\"a\": \"en\", \"b\": \"fr\", "
	    "\"pairs\": [{\"a\": [0, 1], \"b\": [0, 1], \"confidence\": 1, "
	    "\"manual\": true}]}], \"comments\": [{\"id\": 9, \"body\": "
	    "\"mine\", \"state\": \"draft\"}, {\"id\": 12, \"parent\": 9, "
	    "\"body\": \"reply\"}]}";
	struct import_options	 io;
	struct import_sink	 sink;
	struct cache		*c;
	char			*warnings = NULL, *cause = NULL, *j;

	if ((c = db_new()) == NULL)
		return;
	memset(&io, 0, sizeof io);
	io.warn = warn_collect;
	io.warn_arg = &warnings;
	cache_sink(c, &sink);
	is_int(import_buffer("w.json", doc, strlen(doc), &io, &sink, &cause),
	    0, "a document with a draft and a manual pair imports");
	free(cause);
	is_str(warnings, "w.json: 1 comment written here imported as the "
	    "source's (drafts and posted replies are not kept apart)\n"
	    "w.json: manual alignments are not imported (the alignment is "
	    "computed again)\n", "and says what it could not keep");
	j = export(c);
	ok(j != NULL && strstr(j, "\"title\": \"x\"") != NULL &&
	    strstr(j, "\"title_derived\": true") != NULL,
	    "a missing title is derived");
	ok(j != NULL && strstr(j, "\"body\": \"reply\"") != NULL,
	    "comments renumbered, the reply kept");
	free(j);
	free(warnings);
	cache_close(c);
}

int
main(void)
{
	char	dir[] = "/tmp/tandem-test-json-XXXXXX";

	if ((tmpdir = test_tmpdir_make(dir)) == NULL)
		return 99;
	test_not_text();
	test_sample();
	test_handmade();
	test_malformed();
	test_warnings();
	test_tmpdir_remove(tmpdir);
	return tap_done();
}
