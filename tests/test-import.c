/*
 * test-import.c: the importers, through a sink that records every event
 * as a line of text.  No database: what the importers emit is checked
 * here, what the cache does with it in test-cache.c.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import.h"
#include "tap.h"
#include "test-util.h"
#include "xmalloc.h"

struct rec {
	char	*log;		/* one line per event */
	size_t	 len;
	int	 fail_at;	/* fail the Nth paragraph (1-based), 0 never */
	int	 fail_begin;	/* begin fails */
	int	 paragraphs;
	int	 ended, ended_ok;
	char	*warnings;
};

static void
rec_add(struct rec *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
rec_add(struct rec *r, const char *fmt, ...)
{
	va_list	 ap;
	char	*line;
	int	 n;

	va_start(ap, fmt);
	n = xvasprintf(&line, fmt, ap);
	va_end(ap);
	r->log = xrealloc(r->log, r->len + n + 2);
	memcpy(r->log + r->len, line, n);
	r->len += n;
	r->log[r->len++] = '\n';
	r->log[r->len] = '\0';
	free(line);
}

static const char *policies[] = { "unknown", "open", "login", "closed" };

static int
rec_begin(void *arg, const struct import_article *a, char **cause)
{
	struct rec	*r = arg;

	if (r->fail_begin) {
		*cause = xstrdup("cache locked");
		return -1;
	}
	rec_add(arg, "begin url=%s date=%s author=%s original=%s policy=%s "
	    "key=%s", a->url ? a->url : "-", a->date ? a->date : "-",
	    a->author ? a->author : "-", a->original ? a->original : "-",
	    policies[a->policy], strlen(a->key) == 32 ? "hash" : a->key);
	return 0;
}

static int
rec_translation(void *arg, const struct import_translation *t, char **cause)
{
	rec_add(arg, "translation %s%s title=%s", t->lang,
	    t->title_derived ? " derived" : "", t->title);
	return 0;
}

static int
rec_paragraph(void *arg, const char *text, size_t len, char **cause)
{
	struct rec	*r = arg;

	if (++r->paragraphs == r->fail_at) {
		*cause = xstrdup("disk on fire");
		return -1;
	}
	if (strlen(text) != len)
		rec_add(r, "BAD LENGTH");
	rec_add(r, "p %s", text);
	return 0;
}

static int
rec_comment(void *arg, const struct import_comment *c, char **cause)
{
	rec_add(arg, "comment %ld<-%ld by %s at %s: %s", c->id, c->parent,
	    c->author ? c->author : "-", c->created ? c->created : "-",
	    c->body);
	return 0;
}

static int
rec_end(void *arg, int ok, char **cause)
{
	struct rec	*r = arg;

	r->ended++;
	r->ended_ok = ok;
	rec_add(r, "end %d", ok);
	return 0;
}

static void
rec_warn(void *arg, const char *msg)
{
	struct rec	*r = arg;
	size_t		 old = r->warnings ? strlen(r->warnings) : 0;

	r->warnings = xrealloc(r->warnings, old + strlen(msg) + 2);
	strcpy(r->warnings + old, msg);
	strcat(r->warnings, "\n");
}

/* Import buf with a fresh recorder, as --encoding enc (or NULL) says;
   returns the importer's status. */
static int
run_enc(struct rec *r, const char *name, const char *buf, size_t len,
    enum import_format fmt, const char *enc, char **cause)
{
	struct import_sink	sink = { r, rec_begin, rec_translation,
	    rec_paragraph, rec_comment, rec_end };
	struct import_options	io = { fmt, "test", rec_warn, r, enc, NULL };
	int			fail_at = r->fail_at;
	int			fail_begin = r->fail_begin;

	memset(r, 0, sizeof *r);
	r->fail_at = fail_at;
	r->fail_begin = fail_begin;
	*cause = NULL;
	return import_buffer(name, buf, len, &io, &sink, cause);
}

static int
run(struct rec *r, const char *name, const char *buf, size_t len,
    enum import_format fmt, char **cause)
{
	return run_enc(r, name, buf, len, fmt, NULL, cause);
}

static void
rec_free(struct rec *r)
{
	free(r->log);
	free(r->warnings);
	memset(r, 0, sizeof *r);
}

static int
count(const char *hay, const char *needle)
{
	int	n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

/* The bundled sample: five versions, eight paragraphs each, no markers. */
static void
test_seed(void)
{
	static const char *langs[] = { "ko", "en", "ja", "zh", "fr" };
	static const char *markers[] = { "관련 기사", "related articles",
	    "関連記事", "相关文章", "articles connexes", "logged in" };
	struct rec	 r = { 0 };
	char		*buf, *cause, want[64];
	const char	*p, *q;
	size_t		 len, i;
	int		 rc;

	buf = test_slurp(SAMPLE, &len);
	if (!ok(buf != NULL, "sample readable: %s", SAMPLE))
		return;
	rc = run(&r, "sample.txt", buf, len, IMPORT_FORMAT_AUTO, &cause);
	is_int(rc, 0, "sample imports");
	if (rc != 0)
		diag("%s", cause);
	is_int(count(r.log, "\ntranslation "), 5, "five translations");
	is_int(count(r.log, "\np "), 40, "forty paragraphs");
	ok(strstr(r.log, "policy=login") != NULL, "comment policy: login");
	ok(strstr(r.log, "key=hash") != NULL, "identity: content hash");
	is_int(r.ended, 1, "end once");
	is_int(r.ended_ok, 1, "end ok");
	ok(r.warnings == NULL, "no warnings");
	/* Languages in order, each followed by exactly 8 paragraphs. */
	p = r.log;
	for (i = 0; i < 5; i++) {
		snprintf(want, sizeof want, "\ntranslation %s", langs[i]);
		p = strstr(p, want);
		if (!ok(p != NULL, "version %zu is %s", i + 1, langs[i]))
			break;
		q = strstr(p + 1, "\ntranslation ");
		if (q == NULL)
			q = strstr(p, "\nend ");
		{
			char	*part = xstrndup(p, (size_t)(q - p));

			is_int(count(part, "\np "), 8, "%s has 8 paragraphs",
			    langs[i]);
			free(part);
		}
		p = q;
	}
	for (i = 0; i < sizeof markers / sizeof markers[0]; i++)
		ok(strstr(r.log, markers[i]) == NULL, "no '%s' in any text",
		    markers[i]);
	ok(strstr(r.log, "translation ko derived title=서울시와 서울경제진흥원(SBA)이")
	    != NULL, "Korean title derived from its first sentence");
	p = strstr(r.log, "translation ko derived title=");
	if (p != NULL) {
		q = strchr(p, '\n');
		ok(q - p > 6 && memcmp(q - 3, "…", 3) == 0,
		    "derived title shortened with an ellipsis");
	}
	ok(strstr(r.log, "translation en title=The Seoul Economic Promotion "
	    "Agency signed an MOU with Zhongguancun International in China.\n")
	    != NULL, "English title line");
	ok(strstr(r.log, "translation ja title=ソウル経済振興院、中国中関村国際と"
	    "MOU締結\n") != NULL, "Japanese title line");
	ok(strstr(r.log, "p ソウル経済振興院") != NULL &&
	    strstr(r.log, "p イ・テフン") != NULL, "Japanese paragraphs kept");
	free(buf);
	rec_free(&r);
}

static void
test_article_format(void)
{
	static const char doc[] =
	    "# a hand-written article\n"
	    "url: https://site.test/a\n"
	    "Date: 2025-09-22\n"
	    "comments: closed\n"
	    "\n"
	    "== ko\n"
	    "title: 제목\n"
	    "\n"
	    "첫 문단은\n"
	    "두 줄입니다.\n"
	    "\n"
	    "\n"
	    "\\== 둘째 문단\n"
	    "== ja\n"
	    "これは日本語の\n"
	    "文です。\n"
	    "== en\n"
	    "title:\n"
	    "\n"
	    "No title here. So one is derived.\n"
	    "== comment\n"
	    "author: Kim\n"
	    "\n"
	    "Line one\n"
	    "line two\n"
	    "\n"
	    "Para two\n"
	    "== comment\n"
	    "parent: 1\n"
	    "date: 2025-09-23T10:00:00Z\n"
	    "\n"
	    "답글\n";
	static const char want[] =
	    "begin url=https://site.test/a date=2025-09-22 author=- "
	    "original=- policy=closed key=https://site.test/a\n"
	    "translation ko title=제목\n"
	    "p 첫 문단은 두 줄입니다.\n"
	    "p == 둘째 문단\n"
	    "translation ja derived title=これは日本語の文です。\n"
	    "p これは日本語の文です。\n"
	    "translation en derived title=No title here.\n"
	    "p No title here. So one is derived.\n"
	    "comment 1<-0 by Kim at -: Line one\nline two\n\nPara two\n"
	    "comment 2<-1 by - at 2025-09-23T10:00:00Z: 답글\n"
	    "end 1\n";
	struct rec	 r = { 0 };
	char		*cause;

	if (!is_int(run(&r, "a.txt", doc, strlen(doc), IMPORT_FORMAT_AUTO,
	    &cause), 0, "native format imports"))
		diag("%s", cause);
	is_str(r.log, want, "native format events");
	free(cause);
	rec_free(&r);
}

struct bad_case {
	const char	*name;
	const char	*text;
	enum import_format fmt;
	const char	*error;
};

static const struct bad_case bad_cases[] = {
	{ "empty", "", IMPORT_FORMAT_AUTO, "x.txt: empty file" },
	{ "blank", "\n  \n\t\n", IMPORT_FORMAT_AUTO,
	    "x.txt: no article text (only blank lines)" },
	{ "binary", "PK\003\004\0\0\0junk", IMPORT_FORMAT_AUTO,
	    "x.txt: binary data (NUL bytes), not text" },
	{ "markers only", "- See more related articles\n"
	    "You must be logged in to post a comment.\n", IMPORT_FORMAT_PAGE,
	    "x.txt: no article text, only markers and notices" },
	{ "unknown header", "== en\nsubtitle: x\n\ntext\n",
	    IMPORT_FORMAT_AUTO, "x.txt:2: unknown header 'subtitle' "
	    "(section headers: title, url)" },
	{ "bad tag", "== english language\n\ntext\n", IMPORT_FORMAT_AUTO,
	    "x.txt:1: 'english language' is not a language tag (like en, "
	    "ko, zh-Hant) or 'comment'" },
	{ "duplicate", "== en\n\na\n== fr\n\nb\n== EN\n\nc\n",
	    IMPORT_FORMAT_AUTO, "x.txt:7: a second 'EN' section (the first "
	    "is at line 1)" },
	{ "text first", "Hello\n== en\n\ntext\n", IMPORT_FORMAT_AUTO,
	    "x.txt:1: text before the first '== LANG' section" },
	{ "no text", "== en\ntitle: t\n\n== fr\n\nb\n", IMPORT_FORMAT_AUTO,
	    "x.txt:1: section 'en' has no text" },
	{ "orphan reply", "== en\n\na\n== comment\nparent: 7\n\nb\n",
	    IMPORT_FORMAT_AUTO, "x.txt:4: parent 7 is not an earlier comment" },
	{ "lang after comment", "== en\n\na\n== comment\n\nb\n== fr\n\nc\n",
	    IMPORT_FORMAT_AUTO, "x.txt:7: language section after a comment "
	    "(comments come last)" },
	{ "bad policy", "comments: maybe\n== en\n\na\n", IMPORT_FORMAT_AUTO,
	    "x.txt:1: comments: want open, login, closed or unknown, not "
	    "'maybe'" },
	{ "no sections", "url: x\n\nhello\n", IMPORT_FORMAT_ARTICLE,
	    "x.txt:3: text before the first '== LANG' section" },
};

static void
test_bad_input(void)
{
	struct rec	 r = { 0 };
	char		*cause;
	size_t		 i, len;
	int		 rc;

	for (i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		const struct bad_case *c = &bad_cases[i];

		len = strcmp(c->name, "binary") == 0 ? 11 : strlen(c->text);	/* its NULs */
		rc = run(&r, "x.txt", c->text, len, c->fmt, &cause);
		is_int(rc, -1, "%s: fails", c->name);
		is_str(cause, c->error, "%s: message", c->name);
		ok(r.ended == 0 || r.ended_ok == 0, "%s: nothing kept",
		    c->name);
		free(cause);
		rec_free(&r);
	}
}

static void
test_sink_failure(void)
{
	struct rec	 r = { 0 };
	char		*cause, *buf;
	size_t		 len;

	buf = test_slurp(SAMPLE, &len);
	r.fail_at = 3;
	is_int(run(&r, "s.txt", buf, len, IMPORT_FORMAT_PAGE, &cause), -1,
	    "a failing sink fails the import");
	is_str(cause, "s.txt:4: disk on fire", "sink error gets file:line");
	is_int(r.ended, 1, "end called once");
	is_int(r.ended_ok, 0, "with ok = 0 (roll back)");
	free(cause);
	free(buf);
	rec_free(&r);
}

/* A sink that refuses the article: both formats say where, none calls end. */
static void
test_begin_failure(void)
{
	static const char	 art[] = "url: https://site.test/b\n"
	    "== en\n\nHello there.\n";
	struct rec		 r = { 0 };
	char			*cause, *buf;
	size_t			 len;

	buf = test_slurp(SAMPLE, &len);
	r.fail_begin = 1;
	is_int(run(&r, "s.txt", buf, len, IMPORT_FORMAT_PAGE, &cause), -1,
	    "page: a refused begin fails the import");
	is_str(cause, "s.txt: cache locked", "page: begin error gets the file");
	is_int(r.ended, 0, "page: no end without a begin");
	free(cause);
	is_int(run(&r, "a.txt", art, sizeof art - 1, IMPORT_FORMAT_ARTICLE,
	    &cause), -1, "article: a refused begin fails the import");
	is_str(cause, "a.txt: cache locked",
	    "article: begin error gets the file");
	is_int(r.ended, 0, "article: no end without a begin");
	free(cause);
	free(buf);
	rec_free(&r);
}

static void
test_text_cleaning(void)
{
	static const char doc[] = "== fr\n\ncaf\x65\xcc\x81 cr\xe8me\r\n"
	    "\xed\xa0\x80 \xc0\xaf \x80 end\n";
	struct rec	 r = { 0 };
	char		*cause;

	is_int(run(&r, "u.txt", doc, sizeof doc - 1, IMPORT_FORMAT_AUTO,
	    &cause), 0, "invalid UTF-8 still imports");
	ok(strstr(r.log, "p café cr\xef\xbf\xbdme \xef\xbf\xbd\xef\xbf\xbd\xef"
	    "\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd \xef\xbf\xbd end\n") != NULL,
	    "NFC composed, bad bytes are U+FFFD, CR dropped");
	is_str(r.warnings, "u.txt:3: invalid UTF-8 replaced with U+FFFD "
	    "(1 sequence)\nu.txt:4: invalid UTF-8 replaced with U+FFFD "
	    "(6 sequences)\n", "warnings name file and line");
	rec_free(&r);
}

static void
test_files(void)
{
	struct import_sink	 sink = { NULL, rec_begin, rec_translation,
	    rec_paragraph, rec_comment, rec_end };
	struct rec		 r = { 0 };
	char			*cause = NULL, dir[] = "/tmp/tandem-imp.XXXXXX";
	char			 fifo[64];

	sink.arg = &r;
	if (mkdtemp(dir) == NULL)
		return;
	is_int(import_file(dir, NULL, &sink, &cause), -1, "directory fails");
	ok(cause && strstr(cause, ": is a directory"), "directory named");
	FREE(&cause);
	is_int(import_file("/nonexistent/x", NULL, &sink, &cause), -1,
	    "missing file fails");
	is_str(cause, "/nonexistent/x: No such file or directory",
	    "missing file named");
	FREE(&cause);
	snprintf(fifo, sizeof fifo, "%s/fifo", dir);
	if (mkfifo(fifo, 0600) == 0) {
		is_int(import_file(fifo, NULL, &sink, &cause), -1,
		    "FIFO fails without blocking");
		ok(cause && strstr(cause, ": not a regular file"),
		    "FIFO named");
		FREE(&cause);
		unlink(fifo);
	}
	rmdir(dir);
	is_int(r.ended, 0, "sink never called");
	rec_free(&r);
}

/* Append printf output to a growing buffer. */
static void
buf_add(char **b, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
buf_add(char **b, size_t *len, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 n;

	va_start(ap, fmt);
	n = xvasprintf(&s, fmt, ap);
	va_end(ap);
	*b = xrealloc(*b, *len + n + 1);
	memcpy(*b + *len, s, n + 1);
	*len += n;
	free(s);
}

/* n sections x-1 ... x-n, three lines each; the last tagged last if set. */
static char *
many_sections(size_t n, const char *last, size_t *len)
{
	char	*b = NULL;
	size_t	 i;

	*len = 0;
	for (i = 1; i <= n; i++) {
		if (i == n && last != NULL)
			buf_add(&b, len, "== %s\n\nText %zu.\n", last, i);
		else
			buf_add(&b, len, "== x-%zu\n\nText %zu.\n", i, i);
	}
	return b;
}

/*
 * The limits of import.h, each just reached and just passed, and the
 * hashed duplicate checks on many sections: right answers, lines named.
 */
static void
test_limits(void)
{
	struct rec	 r = { 0 };
	char		*cause, *b;
	size_t		 len, i;

	b = many_sections(IMPORT_MAX_TRANSLATIONS, NULL, &len);
	is_int(run(&r, "x.txt", b, len, IMPORT_FORMAT_AUTO, &cause), 0,
	    "64 language sections import");
	is_int(count(r.log, "translation "), IMPORT_MAX_TRANSLATIONS,
	    "all 64 of them");
	free(b);
	rec_free(&r);
	b = many_sections(IMPORT_MAX_TRANSLATIONS + 1, NULL, &len);
	is_int(run(&r, "x.txt", b, len, IMPORT_FORMAT_AUTO, &cause), -1,
	    "65 language sections fail");
	is_str(cause, "x.txt:193: more than 64 language sections",
	    "at the 65th, naming the limit");
	ok(r.ended == 0, "before the sink sees anything");
	FREE(&cause);
	free(b);
	rec_free(&r);
	b = many_sections(IMPORT_MAX_TRANSLATIONS, "X-3", &len);
	is_int(run(&r, "x.txt", b, len, IMPORT_FORMAT_AUTO, &cause), -1,
	    "a duplicate among 64 sections fails");
	is_str(cause, "x.txt:190: a second 'X-3' section (the first is at "
	    "line 7)", "naming both, case folded");
	FREE(&cause);
	free(b);
	rec_free(&r);

	/* Comments: a chain of 100,000, each the reply to the one before. */
	b = NULL;
	len = 0;
	buf_add(&b, &len, "== en\n\nBody.\n");
	for (i = 1; i <= IMPORT_MAX_COMMENTS; i++)
		buf_add(&b, &len, "== comment\nparent: %zu\n\nC%zu.\n", i - 1,
		    i);
	is_int(run(&r, "c.txt", b, len, IMPORT_FORMAT_AUTO, &cause), 0,
	    "100,000 chained comments import");
	is_int(count(r.log, "\ncomment "), IMPORT_MAX_COMMENTS,
	    "all of them");
	ok(strstr(r.log, "comment 100000<-99999 by - at -: C100000.\n") !=
	    NULL, "the last replying to the one before");
	rec_free(&r);
	buf_add(&b, &len, "== comment\n\nOne too many.\n");
	is_int(run(&r, "c.txt", b, len, IMPORT_FORMAT_AUTO, &cause), -1,
	    "100,001 comments fail");
	is_str(cause, "c.txt:400004: more than 100000 comments",
	    "at the one too many");
	FREE(&cause);
	free(b);
	rec_free(&r);

	/* Paragraphs in one translation. */
	b = NULL;
	len = 0;
	buf_add(&b, &len, "== en\n\n");
	for (i = 0; i < IMPORT_MAX_PARAGRAPHS; i++)
		buf_add(&b, &len, "p\n\n");
	is_int(run(&r, "p.txt", b, len, IMPORT_FORMAT_AUTO, &cause), 0,
	    "200,000 paragraphs import");
	is_int(r.paragraphs, IMPORT_MAX_PARAGRAPHS, "all of them");
	rec_free(&r);
	buf_add(&b, &len, "p\n");
	is_int(run(&r, "p.txt", b, len, IMPORT_FORMAT_AUTO, &cause), -1,
	    "200,001 paragraphs fail");
	is_str(cause, "p.txt:400003: more than 200000 paragraphs in section "
	    "'en'", "at the one too many");
	FREE(&cause);
	free(b);
	rec_free(&r);

	/* Versions of a page dump. */
	b = NULL;
	len = 0;
	for (i = 1; i <= IMPORT_MAX_TRANSLATIONS + 1; i++)
		buf_add(&b, &len, "Text %zu.\n- See more related articles\n",
		    i);
	is_int(run(&r, "g.txt", b, len, IMPORT_FORMAT_PAGE, &cause), -1,
	    "a page of 65 versions fails");
	is_str(cause, "g.txt:129: more than 64 language versions",
	    "at the 65th");
	FREE(&cause);
	free(b);
	rec_free(&r);
}

/*
 * Lines reached out of order (import_lines_get from marks, forwards,
 * backwards): a page whose versions lie far apart, its titles and text
 * right wherever they start.
 */
static void
test_lines_far(void)
{
	static const char *lang[] = { "en", "fr" };
	static const char *text[] = {
		"This is a story about the weather in the city today.",
		"Ceci est une histoire sur le temps qu'il fait en ville.",
	};
	struct rec	 r = { 0 };
	char		*cause, *b = NULL;
	size_t		 len = 0, i, k;

	for (k = 0; k < 2; k++) {
		buf_add(&b, &len, "Title %s\n\n", lang[k]);
		for (i = 0; i < 1000 + 7 * k; i++)
			buf_add(&b, &len, "%s %zu\n%s", text[k], i,
			    i % 3 ? "" : "\n\n");
		buf_add(&b, &len, "- See more related articles\n\n");
	}
	is_int(run(&r, "far.txt", b, len, IMPORT_FORMAT_PAGE, &cause), 0,
	    "two long versions import");
	ok(strstr(r.log, "translation en title=Title en\n") != NULL &&
	    strstr(r.log, "translation fr title=Title fr\n") != NULL,
	    "both titles found");
	is_int(r.paragraphs, 2007, "every line a paragraph");
	ok(strstr(r.log, "p Ceci est une histoire sur le temps qu'il fait "
	    "en ville. 1006\nend 1\n") != NULL, "the last one last");
	free(cause);
	free(b);
	rec_free(&r);
}

/* Lines from..to (1-based, inclusive) of s, or NULL. */
static char *
slice(const char *s, int from, int to)
{
	const char	*a = s, *b;
	int		 n = 1;

	for (; n < from && a != NULL; n++)
		if ((a = strchr(a, '\n')) != NULL)
			a++;
	for (b = a; b != NULL && n <= to; n++)
		if ((b = strchr(b, '\n')) != NULL)
			b++;
	if (a == NULL)
		return NULL;
	return b != NULL ? xstrndup(a, b - a) : xstrdup(a);
}

/* s in charset cs, after the prefix (a BOM) pre; NULL when iconv
   cannot (every character must be there). */
static char *
encode(const char *cs, const char *pre, const char *s, size_t *lenp)
{
	iconv_t	 cd;
	size_t	 plen = strlen(pre), left = strlen(s), room, rc;
	char	*out, *in = (char *)s, *o;

	if ((cd = iconv_open(cs, "UTF-8")) == (iconv_t)-1)
		return NULL;
	room = left * 4 + plen + 8;
	out = xmalloc(room);
	memcpy(out, pre, plen);
	o = out + plen;
	room -= plen;
	rc = iconv(cd, &in, &left, &o, &room);
	iconv_close(cd);
	if (rc != 0 || left != 0) {
		free(out);
		return NULL;
	}
	*lenp = o - out;
	return out;
}

/*
 * A plain Chinese marker over Traditional text: the text says zh-Hant;
 * over Simplified text the marker's "zh" stays (issue 19).
 */
static void
test_zh_forms(void)
{
	static const char hant[] = "首爾經濟振興院與中關村國際簽署合作備忘錄\n\n"
	    "首爾市與首爾經濟振興院在北京參加了世界科學園區協會年會。"
	    "雙方將共同建立跨境服務平台，支持企業進入海外市場。\n"
	    "- 查看更多相关文章\n";
	static const char hans[] = "首尔经济振兴院与中关村国际签署合作备忘录\n\n"
	    "首尔市与首尔经济振兴院在北京参加了世界科学园区协会年会。"
	    "双方将共同建立跨境服务平台，支持企业进入海外市场。\n"
	    "- 查看更多相关文章\n";
	struct rec	 r = { 0 };
	char		*cause;

	is_int(run(&r, "hant.txt", hant, strlen(hant), IMPORT_FORMAT_AUTO,
	    &cause), 0, "Traditional text, Simplified marker: imports");
	ok(r.log != NULL && strstr(r.log, "translation zh-Hant ") != NULL,
	    "Traditional text, Simplified marker: zh-Hant");
	rec_free(&r);
	is_int(run(&r, "hans.txt", hans, strlen(hans), IMPORT_FORMAT_AUTO,
	    &cause), 0, "Simplified text, Simplified marker: imports");
	ok(r.log != NULL && strstr(r.log, "translation zh ") != NULL,
	    "Simplified text, Simplified marker: zh, as the marker says");
	rec_free(&r);
}

/*
 * Page dumps in legacy charsets import as their UTF-8 originals do,
 * with one warning naming the guess; a BOM needs none.
 */
static void
test_charsets(void)
{
	static const char big5[] = "首爾經濟振興院與中關村國際簽署合作備忘錄\n\n"
	    "首爾市與首爾經濟振興院在北京參加了世界科學園區協會年會。\n"
	    "雙方將共同建立跨境服務平台，支持企業進入海外市場。\n"
	    "- 查看更多相關文章\n";
	static const struct {
		const char	*cs, *bom, *name;
		int		 from, to;	/* sample lines; 0: big5 + en */
		const char	*warning;
	} t[] = {
		{ "CP949", "", "EUC-KR", 1, 21,
		    "x.txt: read as euc-kr (detected)\n" },
		{ "CP932", "", "Shift_JIS", 11, 32,
		    "x.txt: read as shift_jis (detected)\n" },
		{ "GB18030", "", "GB18030", 33, 55,
		    "x.txt: read as gb18030 (detected)\n" },
		{ "BIG5", "", "Big5", 0, 0,
		    "x.txt: read as big5 (detected)\n" },
		{ "UTF-16LE", "\xff\xfe", "UTF-16LE with BOM", 1, 55, NULL },
	};
	struct rec	 want = { 0 }, got = { 0 };
	char		*sample, *u8, *en, *enc, *cause;
	size_t		 len, i;

	if ((sample = test_slurp(SAMPLE, &len)) == NULL)
		return;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		if (t[i].from != 0)
			u8 = slice(sample, t[i].from, t[i].to);
		else {
			en = slice(sample, 11, 21);
			xasprintf(&u8, "%s%s", big5, en);
			free(en);
		}
		enc = encode(t[i].cs, t[i].bom, u8, &len);
		if (!ok(u8 != NULL && enc != NULL, "%s: made with iconv",
		    t[i].name)) {
			free(u8);
			continue;
		}
		is_int(run(&want, "x.txt", u8, strlen(u8), IMPORT_FORMAT_AUTO,
		    &cause), 0, "%s: the UTF-8 original imports", t[i].name);
		FREE(&cause);
		is_int(run(&got, "x.txt", enc, len, IMPORT_FORMAT_AUTO,
		    &cause), 0, "%s: imports", t[i].name);
		FREE(&cause);
		is_str(got.log, want.log, "%s: the same events", t[i].name);
		if (t[i].warning != NULL)
			is_str(got.warnings, t[i].warning, "%s: one warning",
			    t[i].name);
		else
			ok(got.warnings == NULL, "%s: no warning", t[i].name);
		free(u8);
		free(enc);
		rec_free(&want);
		rec_free(&got);
	}
	free(sample);
}

/* --encoding is obeyed even when wrong; one nobody knows is an error. */
static void
test_encoding_override(void)
{
	struct rec	 r = { 0 };
	char		*sample, *u8, *enc, *cause;
	size_t		 len;

	if ((sample = test_slurp(SAMPLE, &len)) == NULL)
		return;
	u8 = slice(sample, 1, 21);
	enc = encode("CP949", "", u8, &len);
	if (ok(enc != NULL, "EUC-KR made with iconv")) {
		is_int(run_enc(&r, "x.txt", enc, len, IMPORT_FORMAT_AUTO,
		    "windows-1252", &cause), 0, "a wrong --encoding imports");
		FREE(&cause);
		ok(strstr(r.log, "서울") == NULL && strstr(r.log,
		    "p \xc2\xbc\xc2\xad\xc2\xbf\xc3\xaf") != NULL,
		    "as mojibake: 서울 read as windows-1252");
		ok(r.warnings == NULL, "without a warning");
		rec_free(&r);
		is_int(run_enc(&r, "x.txt", enc, len, IMPORT_FORMAT_AUTO,
		    "klingon", &cause), -1, "an unknown --encoding fails");
		is_str(cause, "x.txt: unknown encoding: klingon",
		    "and says so");
		is_int(r.ended, 0, "before the sink hears of it");
		FREE(&cause);
		rec_free(&r);
	}
	free(u8);
	free(enc);
	free(sample);
}

/* A feed file: an article per entry with text, in the sink's order. */
static void
test_feed(void)
{
	static const char feed[] = "<?xml version=\"1.0\"?>\n"
	    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/"
	    "modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/"
	    "\"><channel><title>T</title><language>en</language>\n"
	    "<item><title>Cafe\xcc\x81 one</title><link>https://f.test/1</link>"
	    "<dc:creator>Ana</dc:creator><pubDate>Tue, 10 Jun 2003 04:00:00 "
	    "+0200</pubDate><content:encoded><![CDATA[<p>First para.</p>"
	    "<script>x</script><ul><li>item</li></ul>]]></content:encoded>"
	    "<description>not this</description></item>\n"
	    "<item><guid isPermaLink=\"false\">id-2</guid><description>Plain "
	    "&lt;b&gt;HTML&lt;/b&gt;\n\n  here. </description></item>\n"
	    "<item><title>No text</title></item>\n"
	    "</channel></rss>\n";
	static const char json[] = "{\"version\": \"https://jsonfeed.org/"
	    "version/1.1\", \"language\": \"de\", \"items\": [{\"id\": \"1\", "
	    "\"url\": \"https://j.test/a\", \"title\": \"Zwei\", "
	    "\"content_text\": \"line one\\nline two\\n \\n  Second para. "
	    "\"}]}";
	struct rec	 r = { 0 };
	char		*cause;
	int		 rc;

	rc = run(&r, "f.xml", feed, sizeof feed - 1, IMPORT_FORMAT_AUTO,
	    &cause);
	is_int(rc, 0, "feed imports");
	is_str(r.log, "begin url=https://f.test/1 date=2003-06-10T02:00:00Z "
	    "author=Ana original=en policy=unknown key=https://f.test/1\n"
	    "translation en title=Caf\xc3\xa9 one\n"
	    "p First para.\n"
	    "p item\n"
	    "end 1\n"
	    "begin url=- date=- author=- original=en policy=unknown key=id-2\n"
	    "translation en derived title=Plain HTML here.\n"
	    "p Plain HTML here.\n"
	    "end 1\n", "an article per entry: NFC title, HTML content to "
	    "paragraphs, a description as HTML");
	is_str(r.warnings, "f.xml: 1 entry without text skipped\n",
	    "the entry without text, one warning");
	rec_free(&r);
	free(cause);
	rc = run(&r, "j.json", json, sizeof json - 1, IMPORT_FORMAT_AUTO,
	    &cause);
	is_int(rc, 0, "a JSON Feed imports");
	is_str(r.log, "begin url=https://j.test/a date=- author=- original=de "
	    "policy=unknown key=https://j.test/a\n"
	    "translation de title=Zwei\n"
	    "p line one\nline two\n"
	    "p Second para.\n"
	    "end 1\n", "  its text cut at blank lines");
	rec_free(&r);
	free(cause);
	rc = run(&r, "g.xml", "<rss><channel><item><title>x</title></item>"
	    "</channel></rss>", 58, IMPORT_FORMAT_AUTO, &cause);
	is_int(rc, -1, "a feed without text fails");
	is_str(cause, "g.xml: a feed without an entry to import (1 without "
	    "text)", "  and says so");
	ok(r.log == NULL, "  nothing reached the sink");
	rec_free(&r);
	free(cause);
}

/*
 * A marker is a version's end only where the language changes across
 * it: a Traditional Chinese page whose "related articles" line sits
 * between its boilerplate and its story is one version.
 */
static void
test_one_language_marker(void)
{
	static const char page[] =
	    "首爾經濟振興院與中關村簽署合作備忘錄\n\n"
	    "本報記者報導，首頁、新聞、財經、科技、生活、國際、評論。\n"
	    "相關文章\n"
	    "首爾經濟振興院九月二十二日表示，已與中國中關村國際簽署諒解"
	    "備忘錄，雙方將在技術交流、人才培育與企業進軍海外市場等方面"
	    "展開合作。\n\n"
	    "這次簽約在北京舉行的第四十二屆國際科技園區協會世界大會期間"
	    "進行，來自七十七個國家的代表出席了會議。\n";
	static const char two[] =
	    "The agency signed an agreement with the park on Monday, and both "
	    "sides said they would share staff and know-how.\n"
	    "Related articles\n"
	    "서울경제진흥원은 22일 중국 중관촌 국제와 업무협약을 맺었다고 "
	    "밝혔다. 두 기관은 기술 교류와 인재 양성에 협력한다.\n";
	static const char cat[] =
	    "Seoul agency signs agreement with Beijing park\n\n"
	    "The Seoul Business Agency signed an agreement with Zhongguancun "
	    "International on Monday, and both sides said they would share "
	    "staff and know-how.\n\n"
	    "The signing took place during the world congress of science "
	    "parks, which drew delegates from seventy-seven countries.\n"
	    "서울경제진흥원, 중관촌 국제와 업무협약\n\n"
	    "서울경제진흥원은 22일 중국 중관촌 국제와 업무협약을 맺었다고 "
	    "밝혔다. 두 기관은 기술 교류와 인재 양성에 협력한다.\n\n"
	    "협약식은 77개국 대표가 참석한 세계과학단지협회 총회 기간에 "
	    "베이징에서 열렸다.\n";
	struct rec	 r;
	char		*cause = NULL;

	memset(&r, 0, sizeof r);
	is_int(run(&r, "zh.txt", page, sizeof page - 1, IMPORT_FORMAT_PAGE,
	    &cause), 0, "a one-language page with a marker imports");
	is_int(count(r.log, "translation "), 1, "... as one translation");
	ok(strstr(r.log, "translation zh") != NULL, "... in Chinese: %s",
	    r.log);
	rec_free(&r);
	FREE(&cause);
	memset(&r, 0, sizeof r);
	is_int(run(&r, "two.txt", two, sizeof two - 1, IMPORT_FORMAT_PAGE,
	    &cause), 0, "a marker between two languages");
	is_int(count(r.log, "translation "), 2, "... still ends a version");
	rec_free(&r);
	FREE(&cause);
	memset(&r, 0, sizeof r);
	is_int(run(&r, "cat.txt", cat, sizeof cat - 1, IMPORT_FORMAT_PAGE,
	    &cause), 0, "English then Korean, no marker");
	is_int(count(r.log, "translation "), 2, "... two translations");
	ok(strstr(r.log, "translation en") != NULL &&
	    strstr(r.log, "translation ko") != NULL, "... en and ko: %s",
	    r.log);
	rec_free(&r);
	FREE(&cause);
}

int
main(void)
{
	test_seed();
	test_one_language_marker();
	test_article_format();
	test_bad_input();
	test_sink_failure();
	test_begin_failure();
	test_text_cleaning();
	test_files();
	test_limits();
	test_lines_far();
	test_charsets();
	test_zh_forms();
	test_encoding_override();
	test_feed();
	return tap_done();
}
