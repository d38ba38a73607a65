/*
 * test-export.c: tandem export's two formats, byte for byte.
 *
 * A small article goes into a cache in a temporary directory through the
 * import sink, as an importer would put it; export_article() and
 * export_json() write it out (the JSON with the alignments tandem export
 * gathers, cmd_alignments()), and the output is compared with the text
 * expected here.  Then the same through `tandem export --format ...`
 * (cmd_export) into a file, and the article format imported again and
 * exported again, which must give the same bytes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "cmd.h"
#include "export.h"
#include "import.h"
#include "pairing.h"
#include "tap.h"
#include "test-cache-util.h"
#include "test-util.h"
#include "xmalloc.h"

static char	*tmpdir;

static const char *const en[] = {
	"The bridge reopens.",
	"== not a section",
	"\\a line that starts with a backslash",
	NULL
};
/* Controls, C1 and U+2028, which JSON must escape. */
static const char *const fr[] = {
	"Le pont \"rouvre\".",
	"Tab\there, bell \x07, NEL \xc2\x85, LS \xe2\x80\xa8 end.",
	NULL
};

static const char want_article[] =
	"url: https://site.test/bridge\n"
	"date: 2026-03-14\n"
	"author: Ana\n"
	"original: en\n"
	"comments: open\n"
	"\n"
	"== en\n"
	"title: The bridge\n"
	"url: https://site.test/bridge\n"
	"\n"
	"The bridge reopens.\n"
	"\n"
	"\\== not a section\n"
	"\n"
	"\\\\a line that starts with a backslash\n"
	"\n"
	"== fr\n"
	"url: https://site.test/fr/bridge\n"
	"\n"
	"Le pont \"rouvre\".\n"
	"\n"
	"Tab\there, bell \\u{0007}, NEL \\u{0085}, LS \\u{2028} end.\n"
	"\n"
	"== comment\n"
	"author: Kim\n"
	"date: 2026-03-15\n"
	"lang: en\n"
	"\n"
	"Nice.\n"
	"\n"
	"== comment\n"
	"author: Lee\n"
	"parent: 1\n"
	"\n"
	"Two lines,\n"
	"\\== the second like a section.\n";

static const char want_json[] =
	"{\n"
	"  \"id\": 1,\n"
	"  \"source\": \"test\",\n"
	"  \"url\": \"https://site.test/bridge\",\n"
	"  \"date\": \"2026-03-14\",\n"
	"  \"author\": \"Ana\",\n"
	"  \"original\": \"en\",\n"
	"  \"comment_policy\": \"open\",\n"
	"  \"read\": false,\n"
	"  \"translations\": [\n"
	"    {\n"
	"      \"lang\": \"en\",\n"
	"      \"title\": \"The bridge\",\n"
	"      \"title_derived\": false,\n"
	"      \"lang_confidence\": 1.0,\n"
	"      \"url\": \"https://site.test/bridge\",\n"
	"      \"paragraphs\": [\n"
	"        \"The bridge reopens.\",\n"
	"        \"== not a section\",\n"
	"        \"\\\\a line that starts with a backslash\"\n"
	"      ]\n"
	"    },\n"
	"    {\n"
	"      \"lang\": \"fr\",\n"
	"      \"title\": \"Le pont\",\n"
	"      \"title_derived\": true,\n"
	"      \"lang_confidence\": 0.75,\n"
	"      \"url\": \"https://site.test/fr/bridge\",\n"
	"      \"paragraphs\": [\n"
	"        \"Le pont \\\"rouvre\\\".\",\n"
	"        \"Tab\\there, bell \\u0007, NEL \\u0085, LS \\u2028 end.\"\n"
	"      ]\n"
	"    }\n"
	"  ],\n"
	"  \"alignment\": [\n"
	"    {\n"
	"      \"a\": \"en\",\n"
	"      \"b\": \"fr\",\n"
	"      \"pairs\": [\n"
	"        {\n"
	"          \"a\": [\n"
	"            0,\n"
	"            2\n"
	"          ],\n"
	"          \"b\": [\n"
	"            0,\n"
	"            1\n"
	"          ],\n"
	"          \"confidence\": 1.0,\n"
	"          \"manual\": true\n"
	"        },\n"
	"        {\n"
	"          \"a\": [\n"
	"            2,\n"
	"            1\n"
	"          ],\n"
	"          \"b\": [\n"
	"            1,\n"
	"            1\n"
	"          ],\n"
	"          \"confidence\": 0.25,\n"
	"          \"manual\": false\n"
	"        }\n"
	"      ]\n"
	"    }\n"
	"  ],\n"
	"  \"comments\": [\n"
	"    {\n"
	"      \"id\": 1,\n"
	"      \"parent\": null,\n"
	"      \"author\": \"Kim\",\n"
	"      \"created\": \"2026-03-15\",\n"
	"      \"lang\": \"en\",\n"
	"      \"state\": \"source\",\n"
	"      \"body\": \"Nice.\"\n"
	"    },\n"
	"    {\n"
	"      \"id\": 2,\n"
	"      \"parent\": 1,\n"
	"      \"author\": \"Lee\",\n"
	"      \"created\": null,\n"
	"      \"lang\": null,\n"
	"      \"state\": \"source\",\n"
	"      \"body\": \"Two lines,\\n== the second like a section.\"\n"
	"    }\n"
	"  ]\n"
	"}\n";

/* The article above, event by event. */
static int
import_bridge(struct cache *c)
{
	struct import_sink	 sink;
	struct import_article	 ia;
	struct import_comment	 ic;
	char			*cause = NULL;

	cache_sink(c, &sink);
	memset(&ia, 0, sizeof ia);
	ia.source = "test";
	ia.key = ia.url = "https://site.test/bridge";
	ia.date = "2026-03-14";
	ia.author = "Ana";
	ia.original = "en";
	ia.policy = IMPORT_POLICY_OPEN;
	if (sink.begin(sink.arg, &ia, &cause) != 0 ||
	    test_sink_translation(&sink, "en", "The bridge", 0, 1,
	    "https://site.test/bridge", en, &cause) != 0 ||
	    test_sink_translation(&sink, "fr", "Le pont", 1, 0.75,
	    "https://site.test/fr/bridge", fr, &cause) != 0)
		goto fail;
	memset(&ic, 0, sizeof ic);
	ic.id = 1;
	ic.author = "Kim";
	ic.created = "2026-03-15";
	ic.lang = "en";
	ic.body = "Nice.";
	if (sink.comment(sink.arg, &ic, &cause) != 0)
		goto fail;
	memset(&ic, 0, sizeof ic);
	ic.id = 2;
	ic.parent = 1;
	ic.author = "Lee";
	ic.body = "Two lines,\n== the second like a section.";
	if (sink.comment(sink.arg, &ic, &cause) != 0 ||
	    sink.end(sink.arg, 1, &cause) != 0)
		goto fail;
	return 0;
fail:
	return test_sink_abort(&sink, "import", cause);
}

/*
 * Article 1 exported as json or in the article format, the way tandem
 * export does it, into an allocated string (NULL on an error).
 */
static char *
export(struct cache *c, int json)
{
	struct article		*a;
	struct article_comment	*cm;
	struct export_alignment	*al;
	struct article_pair	**own;
	size_t			 nc, nal, i, size = 0;
	char			*cause = NULL, *buf = NULL;
	FILE			*f;
	int			 rc;

	if (cache_article_load(c, 1, &a, &cause) != 0 ||
	    cache_comments_load(c, 1, &cm, &nc, &cause) != 0) {
		diag("load: %s", cause);
		free(cause);
		return NULL;
	}
	if ((f = open_memstream(&buf, &size)) == NULL)
		return NULL;
	if (json) {
		cmd_alignments(c, a, &al, &nal, &own);
		rc = export_json(f, a, cm, nc, al, nal);
		for (i = 0; i < nal; i++)
			free(own[i]);
		free(own);
		free(al);
	} else
		rc = export_article(f, a, cm, nc);
	fclose(f);
	article_comments_free(cm, nc);
	article_free(a);
	if (rc != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* `tandem --db path export 1 --format format -o file`; the file's text. */
static char *
run_export(const char *path, const char *format, int *status)
{
	struct cmd_ctx	 ctx;
	char		*out, *text, *argv[7];

	memset(&ctx, 0, sizeof ctx);
	ctx.db_path = path;
	xasprintf(&out, "%s/export.%s", tmpdir, format);
	argv[0] = (char *)"export";
	argv[1] = (char *)"1";
	argv[2] = (char *)"--format";
	argv[3] = (char *)format;
	argv[4] = (char *)"-o";
	argv[5] = out;
	argv[6] = NULL;
	remove(out);
	*status = cmd_export(&ctx, 6, argv);
	text = test_slurp(out, NULL);
	free(out);
	return text;
}

static void
test_article(struct cache *c, const char *path)
{
	struct cache	*c2;
	struct import_sink sink;
	char		*got, *again, *cause = NULL, *path2;
	int		 status;

	got = export(c, 0);
	is_str(got, want_article, "article format: exact text");
	free(got);
	got = run_export(path, "article", &status);
	is_int(status, 0, "export --format article: exits 0");
	is_str(got, want_article, "export --format article: the same text");

	/* What export writes, import reads back to the same article. */
	xasprintf(&path2, "%s/again.db", tmpdir);
	if (got != NULL &&
	    (c2 = test_cache_open(path2, CACHE_CREATE)) != NULL) {
		cache_sink(c2, &sink);
		if (import_buffer("export.article", got, strlen(got), NULL,
		    &sink, &cause) != 0) {
			diag("import_buffer: %s", cause);
			free(cause);
		}
		again = export(c2, 0);
		is_str(again, want_article, "article format: imports back to "
		    "the same bytes");
		free(again);
		cache_close(c2);
	} else
		ok(0, "article format: imports back");
	free(path2);
	free(got);
}

/*
 * Every class of character the article format escapes, and the text
 * that looks like an escape, each as a paragraph of article 1 in a
 * cache of its own; the comment's lines start with an escape and with
 * a literal backslash.
 */
static const char *const tricky[] = {
	"C0 \x01\x08\x0b\x0c\r\x1b[2J\x1f end",
	"DEL \x7f C1 \xc2\x80\xc2\x85\xc2\x9b\xc2\x9f end",
	"bidi \xd8\x9c\xe2\x80\x8e\xe2\x80\x8f\xe2\x80\xaa\xe2\x80\xae"
	    "\xe2\x81\xa6\xe2\x81\xa9 LS \xe2\x80\xa8 PS \xe2\x80\xa9 end",
	"literal \\u{41} and \\u{1B} and \\\\u{1b} and \\u{ and \\x",
	"\\ a backslash first, then one before ESC \\\x1b and \\\\\x07",
	"\x1b first, \\u{41} last \\u{41}",
	NULL
};
static const char tricky_comment[] = "\x1b[31m red\n\\u{7}\n\\\\ two";
static const char want_tricky[] =
	"== en\n"
	"title: Tricky\n"
	"\n"
	"C0 \\u{0001}\\u{0008}\\u{000B}\\u{000C}\\u{000D}\\u{001B}[2J\\u{001F} end\n"
	"\n"
	"DEL \\u{007F} C1 \\u{0080}\\u{0085}\\u{009B}\\u{009F} end\n"
	"\n"
	"bidi \\u{061C}\\u{200E}\\u{200F}\\u{202A}\\u{202E}\\u{2066}\\u{2069} "
	    "LS \\u{2028} PS \\u{2029} end\n"
	"\n"
	"literal \\\\u{41} and \\\\u{1B} and \\\\\\\\u{1b} and \\\\u{ and \\x\n"
	"\n"
	"\\\\ a backslash first, then one before ESC \\\\\\u{001B} and "
	    "\\\\\\\\\\u{0007}\n"
	"\n"
	"\\\\u{001B} first, \\\\u{41} last \\\\u{41}\n"
	"\n"
	"== comment\n"
	"\n"
	"\\\\u{001B}[31m red\n"
	"\\\\\\u{7}\n"
	"\\\\\\ two\n";

/* Import s (an article file) into a new cache at path; NULL on error. */
static struct cache *
import_text(const char *path, const char *s)
{
	struct cache	*c;
	struct import_sink sink;
	char		*cause = NULL;

	if ((c = test_cache_open(path, CACHE_CREATE)) == NULL)
		return NULL;
	cache_sink(c, &sink);
	if (import_buffer("tricky.article", s, strlen(s), NULL, &sink,
	    &cause) != 0) {
		diag("import_buffer: %s", cause);
		free(cause);
		cache_close(c);
		return NULL;
	}
	return c;
}

/* Are article 1's paragraphs and comment in c exactly the tricky ones? */
static int
tricky_same(struct cache *c)
{
	struct article		*a;
	struct article_comment	*cm;
	size_t			 nc, k;
	char			*cause = NULL;
	int			 same;

	if (cache_article_load(c, 1, &a, &cause) != 0 ||
	    cache_comments_load(c, 1, &cm, &nc, &cause) != 0) {
		diag("load: %s", cause);
		free(cause);
		return 0;
	}
	same = nc == 1 && strcmp(cm[0].body, tricky_comment) == 0 &&
	    a->ntranslations == 1;
	for (k = 0; same && tricky[k] != NULL; k++)
		same = k < a->translations[0].nparagraphs &&
		    strcmp(a->translations[0].paragraphs[k].text,
		    tricky[k]) == 0;
	same = same && a->translations[0].nparagraphs == k;
	article_comments_free(cm, nc);
	article_free(a);
	return same;
}

static void
test_escapes(void)
{
	struct import_sink sink;
	struct import_article ia;
	struct import_comment ic;
	struct cache	*c, *c2;
	char		*path, *path2, *got = NULL, *again = NULL;
	char		*cause = NULL;

	xasprintf(&path, "%s/tricky.db", tmpdir);
	xasprintf(&path2, "%s/tricky2.db", tmpdir);
	if ((c = test_cache_open(path, CACHE_CREATE)) == NULL)
		goto out;
	cache_sink(c, &sink);
	memset(&ia, 0, sizeof ia);
	ia.source = "test";
	ia.key = "tricky";
	memset(&ic, 0, sizeof ic);
	ic.id = 1;
	ic.body = tricky_comment;
	if (sink.begin(sink.arg, &ia, &cause) != 0 ||
	    test_sink_translation(&sink, "en", "Tricky", 0, 1, NULL, tricky,
	    &cause) != 0 || sink.comment(sink.arg, &ic, &cause) != 0 ||
	    sink.end(sink.arg, 1, &cause) != 0)
		test_sink_abort(&sink, "import", cause);
	got = export(c, 0);
	is_str(got, want_tricky, "escapes: every class as \\u{XXXX}, "
	    "backslashes before u{ doubled");
	cache_close(c);
	if (got != NULL && (c2 = import_text(path2, got)) != NULL) {
		ok(tricky_same(c2), "escapes: import gives back the exact text");
		again = export(c2, 0);
		is_str(again, want_tricky, "escapes: export, import, export: "
		    "the same bytes");
		cache_close(c2);
	} else
		ok(0, "escapes: imports back");
out:
	free(again);
	free(got);
	free(path2);
	free(path);
}

/* Escapes only where export writes them; other backslashes are text. */
static void
test_unescape_strict(void)
{
	static const char in[] =
	    "== en\ntitle: T\n\n"
	    "x \\u{41} \\u{1b \\u{zz} \\u{} \\u{0000001B} \\u{110000} \\u{9}\n"
	    "\\\\u{1b} \\\\\\u{1b} \\\\x \\n\n";
	static const char want[] =
	    "x \\u{41} \\u{1b \\u{zz} \\u{} \\u{0000001B} \\u{110000} \\u{9} "
	    "\x1b \\\x1b \\\\x \\n";
	struct cache	*c;
	struct article	*a;
	char		*path, *cause = NULL;

	xasprintf(&path, "%s/strict.db", tmpdir);
	if ((c = import_text(path, in)) != NULL &&
	    cache_article_load(c, 1, &a, &cause) == 0) {
		is_str(a->translations[0].paragraphs[0].text, want,
		    "unescape: only \\u{XXXX} of an escaped character and "
		    "\\\\ before u{");
		article_free(a);
	} else
		ok(0, "unescape: imports");
	if (c != NULL)
		cache_close(c);
	free(path);
}

static void
test_json(struct cache *c, const char *path)
{
	static const struct article_pair p[] = {
		{ 0, 2, 0, 1, 1, 1 }, { 2, 1, 1, 1, 0.25, 0 }
	};
	static const struct article_pair stale[] = { { 0, 9, 0, 9, 1, 1 } };
	static const struct article_pair swapped[] = {
		{ 0, 1, 0, 2, 1, 1 }, { 1, 1, 2, 1, 0.25, 0 }
	};
	struct article	*a;
	char		*got, *cause = NULL;
	int		 status;

	/* A known alignment, so the numbers are the test's, not the
	 * aligner's of the day. */
	if (cache_article_load(c, 1, &a, &cause) != 0 ||
	    pairing_put(c, 1, &a->translations[0], &a->translations[1], p, 2,
	    &cause) != 0) {
		diag("%s", cause);
		free(cause);
		return;
	}
	got = export(c, 1);
	is_str(got, want_json, "json: exact text");
	free(got);

	/* The alignment is the reader's (pairing.h): a stale en|fr gives
	 * way to the fr|en that fits, swapped. */
	if (pairing_put(c, 1, &a->translations[0], &a->translations[1], stale,
	    1, &cause) != 0 || pairing_put(c, 1, &a->translations[1],
	    &a->translations[0], swapped, 2, &cause) != 0) {
		diag("%s", cause);
		free(cause);
	}
	article_free(a);
	got = export(c, 1);
	is_str(got, want_json, "json: the fr|en that fits, not the stale en|fr");
	free(got);
	got = run_export(path, "json", &status);
	is_int(status, 0, "export --format json: exits 0");
	is_str(got, want_json, "export --format json: the same text");
	free(got);
	got = run_export(path, "xml", &status);
	is_int(status, CMD_EXIT_USAGE, "export --format xml: a usage error");
	ok(got == NULL, "export --format xml: writes no file");
	free(got);
}

int
main(void)
{
	struct cache	*c;
	char		 dir[] = "/tmp/tandem-test-export-XXXXXX";
	char		*path;

	if ((tmpdir = test_tmpdir_make(dir)) == NULL)
		return 99;
	xasprintf(&path, "%s/e.db", tmpdir);
	if ((c = test_cache_open(path, CACHE_CREATE)) != NULL &&
	    import_bridge(c) == 0) {
		test_article(c, path);
		test_json(c, path);
		test_escapes();
		test_unescape_strict();
	} else
		ok(0, "set up the cache");
	if (c != NULL)
		cache_close(c);
	free(path);
	test_tmpdir_remove(tmpdir);
	return tap_done();
}
