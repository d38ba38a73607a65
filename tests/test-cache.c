/*
 * test-cache.c: the SQLite cache, through its public API only.
 *
 * Each test works in a fresh directory under /tmp.  Articles go in the
 * way importers put them in, as begin/translation/paragraph/comment/end
 * events on the sink; the database is read back with the cache's own read
 * functions, and the file itself is looked at byte for byte where the
 * point is that it was not touched.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "tap.h"
#include "test-cache-util.h"
#include "test-util.h"
#include "xmalloc.h"

static char	*tmpdir;

/* A new database path under the test directory. */
static char *
db_path(const char *name)
{
	char	*p;

	xasprintf(&p, "%s/%s", tmpdir, name);
	return p;
}

/* A four-byte big-endian field of the database header (offset 60: the
 * user_version). */
static long
header_int(const char *path, long offset)
{
	unsigned char	b[4];
	FILE		*f;
	long		 v = -1;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	if (fseek(f, offset, SEEK_SET) == 0 && fread(b, 1, 4, f) == 4)
		v = (long)b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3];
	fclose(f);
	return v;
}

static void
header_set_int(const char *path, long offset, unsigned long v)
{
	unsigned char	b[4];
	int		fd;

	b[0] = (v >> 24) & 0xff;
	b[1] = (v >> 16) & 0xff;
	b[2] = (v >> 8) & 0xff;
	b[3] = v & 0xff;
	if ((fd = open(path, O_WRONLY)) == -1 ||
	    pwrite(fd, b, 4, offset) != 4)
		diag("patching %s: %s", path, strerror(errno));
	if (fd != -1)
		close(fd);
}

/*
 * Import one article as an importer would: one translation per language
 * in langs (space separated), nparas paragraphs each, ncomments comments
 * (each replying to the one before), then end(ok).  Returns 0 or -1.
 */
static int
import_article(struct import_sink *sink, const char *source, const char *key,
    const char *langs, int nparas, int ncomments, int ok)
{
	struct import_article		 ia;
	struct import_translation	 it;
	struct import_comment		 ic;
	char				*copy, *lang, *save, *title, *text;
	char				*cause = NULL;
	int				 i, rc = -1;

	memset(&ia, 0, sizeof ia);
	ia.source = source;
	ia.key = key;
	ia.url = key;
	ia.date = "2026-11-26";
	ia.author = "기자";
	ia.original = "ko";
	ia.policy = IMPORT_POLICY_LOGIN;
	if (sink->begin(sink->arg, &ia, &cause) != 0)
		goto fail;
	copy = xstrdup(langs);
	for (lang = strtok_r(copy, " ", &save); lang != NULL;
	    lang = strtok_r(NULL, " ", &save)) {
		memset(&it, 0, sizeof it);
		it.lang = lang;
		it.lang_confidence = 1;
		xasprintf(&title, "%s title %s", lang, key);
		it.title = title;
		rc = sink->translation(sink->arg, &it, &cause);
		free(title);
		for (i = 0; rc == 0 && i < nparas; i++) {
			xasprintf(&text, "%s paragraph %d", lang, i);
			rc = sink->paragraph(sink->arg, text, strlen(text),
			    &cause);
			free(text);
		}
		if (rc != 0)
			break;
	}
	free(copy);
	for (i = 1; rc == 0 && i <= ncomments; i++) {
		memset(&ic, 0, sizeof ic);
		ic.id = i;
		ic.parent = i - 1;
		ic.author = "reader";
		ic.body = "좋은 기사";
		rc = sink->comment(sink->arg, &ic, &cause);
	}
	if (rc != 0) {
		sink->end(sink->arg, 0, NULL);
		goto fail;
	}
	if (sink->end(sink->arg, ok, &cause) != 0)
		goto fail;
	return 0;
fail:
	diag("import %s: %s", key, cause);
	free(cause);
	return -1;
}

static struct cache_counts
counts(struct cache *c)
{
	struct cache_counts	n;

	test_cache_counts(c, &n);
	return n;
}

static int
counts_equal(const struct cache_counts *a, const struct cache_counts *b)
{
	return memcmp(a, b, sizeof *a) == 0;
}

/* The id of the newest article. */
static long long
newest(struct cache *c)
{
	return test_cache_newest(c);
}

static void
test_default_path(void)
{
	char	*p, *cause = NULL;

	setenv("TANDEM_DB", "/x/my.db", 1);
	p = cache_default_path(&cause);
	is_str(p, "/x/my.db", "TANDEM_DB wins");
	free(p);
	unsetenv("TANDEM_DB");
	setenv("XDG_DATA_HOME", "/xdg", 1);
	setenv("HOME", "/home/u", 1);
	p = cache_default_path(&cause);
	is_str(p, "/xdg/tandem/tandem.db", "then XDG_DATA_HOME");
	free(p);
	setenv("XDG_DATA_HOME", "relative", 1);
	p = cache_default_path(&cause);
	is_str(p, "/home/u/.local/share/tandem/tandem.db",
	    "a relative XDG_DATA_HOME is ignored for ~/.local/share");
	free(p);
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	p = cache_default_path(&cause);
	ok(p == NULL && cause != NULL, "no HOME is an error");
	free(cause);
}

/* A read-only cache lists but refuses imports and changes. */
static void
test_readonly(struct cache *c)
{
	struct import_sink	 sink;
	struct import_article	 ia;
	struct article_summary	*v;
	struct article		*a;
	size_t			 n;
	long long		 count = -1;
	char			*cause = NULL;

	ok(cache_list(c, NULL, NULL, 10, &v, &n, &cause) == 0 && n == 0,
	    "read-only: list works");
	article_summaries_free(v, n);
	ok(cache_count(c, &count, &cause) == 0 && count == 0,
	    "read-only: count works");
	cache_sink(c, &sink);
	memset(&ia, 0, sizeof ia);
	ia.source = "s";
	ia.key = "k";
	ok(sink.begin(sink.arg, &ia, &cause) == -1 && cause != NULL,
	    "read-only: import refused");
	is_int(cache_last_error(c), CACHE_ERR_READONLY,
	    "read-only: the refused import is of kind read-only");
	FREE(&cause);
	ok(cache_article_load(c, 999, &a, &cause) == -1,
	    "read-only: a missing article is an error");
	is_int(cache_last_error(c), CACHE_ERR_OTHER, "of another kind");
	FREE(&cause);
	ok(cache_setting_set(c, 0, "k", "v", &cause) == -1 && cause != NULL,
	    "read-only: setting refused");
	is_str(cause, "saving setting: attempt to write a readonly database",
	    "with SQLite's reason");
	is_int(cache_last_error(c), CACHE_ERR_READONLY,
	    "SQLite's refusal is of kind read-only");
	is_str(cache_error_string(cache_last_error(c)),
	    "cache is read-only: not saved", "the status line says so");
	FREE(&cause);
	ok(cache_comment_discard(c, 1, &cause) == -1,
	    "read-only: discarding a draft refused");
	is_str(cause, "discarding draft: attempt to write a readonly database",
	    "saying what failed");
	FREE(&cause);
}

/*
 * A second connection holding the write lock (an import begun, not
 * ended) makes a write give up after the busy timeout: of kind busy, so
 * that the reader can say "try again" rather than "read-only".
 */
static void
test_busy(void)
{
	struct import_sink	 sink;
	struct import_article	 ia;
	struct cache		*c, *other;
	char			*path, *cause = NULL;

	path = db_path("busy.db");
	c = test_cache_open(path, CACHE_CREATE);
	other = test_cache_open(path, 0);
	if (c == NULL || other == NULL) {
		ok(0, "open %s twice", path);
		goto out;
	}
	cache_sink(other, &sink);
	memset(&ia, 0, sizeof ia);
	ia.source = "s";
	ia.key = "held";
	ok(sink.begin(sink.arg, &ia, &cause) == 0,
	    "busy: another connection begins an import");
	FREE(&cause);
	ok(cache_setting_set(c, 0, "k", "v", &cause) == -1,
	    "busy: a write meanwhile gives up");
	is_int(cache_last_error(c), CACHE_ERR_BUSY, "busy: of kind busy");
	is_str(cache_error_string(cache_last_error(c)),
	    "cache busy: try again", "busy: the status line says so");
	FREE(&cause);
	sink.end(sink.arg, 0, &cause);
	FREE(&cause);
	ok(cache_setting_set(c, 0, "k", "v", &cause) == 0,
	    "busy: once the import ends, the write goes through");
	FREE(&cause);
out:
	cache_close(other);
	cache_close(c);
	free(path);
}

static void
test_create(void)
{
	struct cache	*c;
	struct stat	 st;
	char		*path, *dir;

	xasprintf(&dir, "%s/new/dir", tmpdir);
	xasprintf(&path, "%s/tandem.db", dir);
	c = test_cache_open(path, CACHE_CREATE);
	ok(c != NULL, "create a cache in a missing directory");
	memset(&st, 0, sizeof st);
	stat(path, &st);
	ok((st.st_mode & 0777) == 0600, "database file mode is 0600 (%o)",
	    (unsigned)st.st_mode & 0777);
	memset(&st, 0, sizeof st);
	stat(dir, &st);
	ok((st.st_mode & 0777) == 0700, "new directory mode is 0700 (%o)",
	    (unsigned)st.st_mode & 0777);
	cache_close(c);
	is_int(header_int(path, 60), cache_version(),
	    "user_version is the number of migrations");
	is_int(header_int(path, 16) >> 8 & 0xff, 2,
	    "file is in WAL mode (header byte 18)");
	c = test_cache_open(path, 0);
	ok(c != NULL, "reopen without CACHE_CREATE");
	cache_close(c);
	c = test_cache_open(path, CACHE_READONLY);
	ok(c != NULL, "reopen read-only");
	if (c != NULL)
		test_readonly(c);
	cache_close(c);
	is_int(header_int(path, 60), cache_version(),
	    "reopening leaves user_version alone");
	free(path);
	free(dir);
}

/* A file from a newer tandem is refused and left exactly as it was. */
static void
test_newer(void)
{
	struct cache	*c;
	char		*path, *wal, *before, *after, *cause = NULL, *want;
	size_t		 nbefore, nafter;

	path = db_path("newer.db");
	c = test_cache_open(path, CACHE_CREATE);
	cache_close(c);
	header_set_int(path, 60, 99);
	before = test_slurp(path, &nbefore);
	ok(cache_open(path, 0, &c, &cause) == -1 && c == NULL,
	    "newer schema version is refused");
	xasprintf(&want, "%s: database schema version 99 is newer than this"
	    " tandem supports (%d); upgrade tandem", path, cache_version());
	is_str(cause, want, "with a clear message");
	FREE(&cause);
	ok(cache_open(path, CACHE_CREATE, &c, &cause) == -1,
	    "also with CACHE_CREATE");
	FREE(&cause);
	ok(cache_open(path, CACHE_READONLY, &c, &cause) == -1,
	    "also read-only");
	FREE(&cause);
	after = test_slurp(path, &nafter);
	ok(before != NULL && after != NULL && nbefore == nafter &&
	    memcmp(before, after, nbefore) == 0,
	    "the file is byte-identical afterwards");
	xasprintf(&wal, "%s-wal", path);
	ok(access(wal, F_OK) == -1, "and no WAL file was left");
	free(wal);
	free(want);
	free(before);
	free(after);
	free(path);
}

static void
test_not_tandem(void)
{
	struct cache	*c;
	char		*path, *cause = NULL;
	FILE		*f;

	path = db_path("garbage.db");
	f = fopen(path, "w");
	fputs("this is not a database, it is a text file long enough to"
	    " have a header of one hundred bytes or so, at least I hope it"
	    " is by now.\n", f);
	fclose(f);
	ok(cache_open(path, 0, &c, &cause) == -1 && cause != NULL,
	    "a text file is refused");
	diag("%s", cause);
	FREE(&cause);
	free(path);
	path = db_path("missing.db");
	ok(cache_open(path, 0, &c, &cause) == -1 && cause != NULL,
	    "a missing file without CACHE_CREATE is refused");
	FREE(&cause);
	ok(access(path, F_OK) == -1, "and not created");
	free(path);
}

static void
test_sink(struct cache *c)
{
	struct import_sink		 sink;
	struct cache_counts		 n;
	struct article			*a = NULL;
	struct article_comment		*m = NULL;
	const struct article_translation *t;
	size_t				 nm = 0;
	char				*cause = NULL, *s;
	long long			 id;

	cache_sink(c, &sink);
	ok(import_article(&sink, "/tmp/a.txt", "https://e.kr.test/1", "ko en", 3, 2,
	    1) == 0, "import one article through the sink");
	n = counts(c);
	ok(n.sources == 1 && n.articles == 1 && n.translations == 2 &&
	    n.paragraphs == 6 && n.comments == 2,
	    "rows: 1 source, 1 article, 2 translations, 6 paragraphs,"
	    " 2 comments");
	s = cache_import_summary(cache_import_stats(c));
	is_str(s, "imported 1 article, 2 translations, 6 paragraphs",
	    "summary line");
	free(s);

	id = newest(c);
	ok(cache_article_load(c, id, &a, &cause) == 0, "load it back");
	if (a == NULL)
		return;
	is_str(a->source, "/tmp/a.txt", "source");
	is_str(a->author, "기자", "author");
	is_int(a->policy, ARTICLE_POLICY_LOGIN, "comment policy");
	is_int((long long)a->ntranslations, 2, "two translations");
	is_str(a->translations[0].lang, "ko", "in import order");
	t = article_translation_find(a, "en");
	ok(t != NULL && t->nparagraphs == 3, "en has 3 paragraphs");
	if (t != NULL && t->nparagraphs == 3) {
		is_str(t->paragraphs[2].text, "en paragraph 2", "text");
		is_int((long long)t->paragraphs[2].len, 14, "length");
		is_str(t->title, "en title https://e.kr.test/1", "title");
	}
	article_free(a);

	ok(cache_comments_load(c, id, &m, &nm, &cause) == 0 && nm == 2,
	    "two comments");
	if (nm == 2) {
		ok(m[0].parent == 0 && m[1].parent == m[0].id,
		    "the second replies to the first");
		ok(m[0].state == ARTICLE_COMMENT_SOURCE, "state is source");
		is_str(m[1].body, "좋은 기사", "body");
	}
	article_comments_free(m, nm);
	ok(cache_integrity_check(c, &cause) == 0, "integrity_check ok");
	FREE(&cause);
}

/* end(ok = 0), for a new article and for a re-import, changes nothing. */
static void
test_rollback(struct cache *c)
{
	struct import_sink	 sink;
	struct cache_counts	 before, after;
	struct article		*a = NULL;
	char			*cause = NULL;
	long long		 id = newest(c);

	cache_sink(c, &sink);
	before = counts(c);
	ok(import_article(&sink, "/tmp/b.txt", "new", "ko en ja", 5, 3, 0) ==
	    0, "import a new article with end(ok = 0)");
	after = counts(c);
	ok(counts_equal(&before, &after), "no rows added, not even the source");
	ok(import_article(&sink, "/tmp/a.txt", "https://e.kr.test/1", "fr", 1, 0,
	    0) == 0, "re-import the first article with end(ok = 0)");
	after = counts(c);
	ok(counts_equal(&before, &after), "counts unchanged");
	ok(cache_article_load(c, id, &a, &cause) == 0 && a != NULL &&
	    a->ntranslations == 2 && strcmp(a->translations[0].lang, "ko") == 0,
	    "the article still has its ko and en translations");
	article_free(a);
	ok(cache_integrity_check(c, &cause) == 0, "integrity_check ok");
	FREE(&cause);
	is_int((long long)cache_import_stats(c)->rolled_back, 2,
	    "two articles rolled back");
}

/* Events out of order are refused; the article is then thrown away. */
static void
test_misuse(struct cache *c)
{
	struct import_sink		sink;
	struct import_article		ia;
	struct import_translation	it;
	struct cache_counts		before, after;
	char				*cause = NULL;

	cache_sink(c, &sink);
	before = counts(c);
	memset(&ia, 0, sizeof ia);
	ia.source = "/tmp/c.txt";
	ia.key = "bad";
	memset(&it, 0, sizeof it);
	it.lang = "ko";
	it.title = "제목";
	ok(sink.paragraph(sink.arg, "x", 1, &cause) == -1 && cause != NULL,
	    "paragraph before begin is refused");
	FREE(&cause);
	ok(sink.begin(sink.arg, &ia, &cause) == 0, "begin");
	ok(sink.paragraph(sink.arg, "x", 1, &cause) == -1,
	    "paragraph before translation is refused");
	FREE(&cause);
	ok(sink.translation(sink.arg, &it, &cause) == 0, "translation");
	ok(sink.translation(sink.arg, &it, &cause) == -1 && cause != NULL,
	    "the same language twice is refused");
	is_str(cause, "two translations in 'ko'", "and says so");
	FREE(&cause);
	ok(sink.begin(sink.arg, &ia, &cause) == -1, "nested begin is refused");
	FREE(&cause);
	ok(sink.end(sink.arg, 0, &cause) == 0, "end(ok = 0)");
	after = counts(c);
	ok(counts_equal(&before, &after), "nothing kept");
	ok(sink.end(sink.arg, 1, &cause) == -1, "end without begin is refused");
	FREE(&cause);
}

/*
 * Drafts belong to the cache: two readers may save the same one.  Once
 * it is sent, saving it again must not write over the sent comment.
 */
static void
test_drafts(struct cache *c)
{
	struct article_comment	 d, *m = NULL;
	size_t			 nm = 0, i;
	long long		 id = newest(c), did = 0;
	char			*cause = NULL;
	const char		*body = NULL;

	memset(&d, 0, sizeof d);
	d.body = "draft";
	d.state = ARTICLE_COMMENT_DRAFT;
	ok(cache_comment_add(c, id, &d, &did, &cause) == 0, "a draft");
	is_int(cache_comment_update(c, did, "more", ARTICLE_COMMENT_DRAFT,
	    "t", &cause), 0, "saved");
	is_int(cache_comment_update(c, did, "sent", ARTICLE_COMMENT_POSTED,
	    "t", &cause), 0, "sent");
	is_int(cache_comment_update(c, did, "other", ARTICLE_COMMENT_DRAFT,
	    "t", &cause), 1, "a sent comment is no draft to save over");
	ok(cache_comment_discard(c, did, &cause) == 0, "nor to discard");
	cache_comments_load(c, id, &m, &nm, &cause);
	for (i = 0; i < nm; i++)
		if (m[i].id == did)
			body = m[i].body;
	is_str(body, "sent", "the sent text stays");
	article_comments_free(m, nm);
	ok(cache_comment_remove(c, did, NULL, &cause) == 0,
	    "comment rm removes it");
	is_int(cache_comment_update(c, did, "x", ARTICLE_COMMENT_DRAFT, "t",
	    &cause), 1, "a removed draft is no draft either");
}

/*
 * comment rm: only one's own comment goes, and never one with replies
 * (its replies would lose their place in the thread).
 */
static void
test_comment_rm(struct cache *c)
{
	struct article_comment	 m, *got = NULL;
	size_t			 n = 0, i;
	long long		 id = newest(c), kim = 0, reply = 0;
	long long		 parent = -1;
	char			*cause = NULL;

	memset(&m, 0, sizeof m);
	m.author = "Kim";
	m.body = "first";
	m.created = "2024-05-01T10:00:00Z";
	m.state = ARTICLE_COMMENT_POSTED;
	ok(cache_comment_add(c, id, &m, &kim, &cause) == 0, "Kim's comment");
	m.author = "Lee";
	m.body = "a reply";
	m.parent = kim;
	ok(cache_comment_add(c, id, &m, &reply, &cause) == 0, "Lee's reply");
	is_int(cache_comment_remove(c, reply, "Kim", &cause), -1,
	    "Kim cannot remove Lee's reply");
	ok(cause != NULL && strstr(cause, "is by Lee") != NULL,
	    "... told whose it is: %s", cause ? cause : "");
	FREE(&cause);
	is_int(cache_comment_remove(c, kim, "Kim", &cause), -1,
	    "Kim's comment with a reply stays");
	ok(cause != NULL && strstr(cause, "has replies") != NULL,
	    "... told why: %s", cause ? cause : "");
	FREE(&cause);
	cache_comments_load(c, id, &got, &n, &cause);
	for (i = 0; i < n; i++)
		if (got[i].id == reply)
			parent = got[i].parent;
	is_int(parent, kim, "the reply still answers Kim's comment");
	article_comments_free(got, n);
	is_int(cache_comment_remove(c, reply, "Lee", &cause), 0,
	    "Lee removes Lee's reply");
	is_int(cache_comment_remove(c, kim, "Kim", &cause), 0,
	    "then Kim's, without replies, goes");
	FREE(&cause);
}

static void
test_reimport(struct cache *c)
{
	struct import_sink	 sink;
	struct cache_counts	 before, after;
	struct article		*a = NULL;
	struct article_comment	*m = NULL, local;
	struct article_pair	 pairs[3], *got = NULL;
	size_t			 nm = 0, ngot = 0, i, nsource = 0;
	long long		 id = newest(c), lid = 0;
	char			*cause = NULL;
	int			 kept = 0;

	cache_sink(c, &sink);
	ok(cache_article_set_read(c, id, 1, &cause) == 0, "mark it read");
	ok(cache_article_set_starred(c, id, 1, &cause) == 0, "and star it");
	ok(cache_comments_load(c, id, &m, &nm, &cause) == 0 && nm == 2,
	    "it has two source comments");
	memset(&local, 0, sizeof local);
	local.parent = nm > 0 ? m[0].id : 0;
	local.body = "my reply";
	local.state = ARTICLE_COMMENT_DRAFT;
	ok(cache_comment_add(c, id, &local, &lid, &cause) == 0 && lid > 0,
	    "add a local draft replying to the first");
	article_comments_free(m, nm);
	/* A manual alignment that fits the new text, a stale automatic one. */
	memset(pairs, 0, sizeof pairs);
	pairs[0].a_count = 2;
	pairs[0].b_count = 2;
	pairs[0].manual = 1;
	pairs[1].a_first = pairs[1].b_first = 1;
	pairs[1].a_count = 1;
	pairs[1].b_count = 2;
	ok(cache_alignment_put(c, id, "ko", "en", &pairs[0], 1, &cause) == 0 &&
	    cache_alignment_put(c, id, "ko", "ja", &pairs[1], 1, &cause) == 0,
	    "store a manual and an automatic alignment");
	before = counts(c);

	ok(import_article(&sink, "/tmp/a.txt", "https://e.kr.test/1", "ko en ja", 2,
	    1, 1) == 0, "re-import the same key with three languages");
	after = counts(c);
	is_int(after.articles, before.articles, "no duplicate article");
	is_int(after.translations, before.translations + 1,
	    "translations replaced (2 -> 3)");
	is_int(after.paragraphs, before.paragraphs, "paragraphs replaced");
	is_int(newest(c), id, "same id");
	ok(cache_article_load(c, id, &a, &cause) == 0 && a != NULL &&
	    a->read == 1 && a->ntranslations == 3, "read flag kept");
	ok(a != NULL && a->starred == 1, "star kept");
	article_free(a);
	cache_comments_load(c, id, &m, &nm, &cause);
	for (i = 0; i < nm; i++) {
		if (m[i].state == ARTICLE_COMMENT_SOURCE)
			nsource++;
		if (m[i].id == lid && nm > 0 && m[i].parent == m[0].id)
			kept = 1;
	}
	is_int((long long)nsource, 1, "source comments replaced (2 -> 1)");
	ok(kept, "local reply kept, still under the first comment");
	article_comments_free(m, nm);
	ok(cache_alignment_get(c, id, "ko", "en", &got, &ngot, &cause) == 0 &&
	    ngot == 1 && got[0].manual == 1 && got[0].a_count == 2,
	    "manual alignment kept (it still fits)");
	free(got);
	ok(cache_alignment_get(c, id, "ko", "ja", &got, &ngot, &cause) == 0 &&
	    ngot == 2 && !got[0].manual && got[0].a_first == 0 &&
	    got[1].a_first == 1, "stale automatic alignment made again");
	free(got);
	is_int((long long)cache_import_stats(c)->articles_updated, 1,
	    "counted as updated");
	ok(cache_integrity_check(c, &cause) == 0, "integrity_check ok");
	FREE(&cause);
}

/* The list title is in the first preferred language the article has. */
static void
test_title(struct cache *c)
{
	static const struct {
		const char	*pref[3];
		const char	*lang;
	} t[] = {
		{ { "ko", "en", NULL }, "ko" },
		{ { "ja", "ko", NULL }, "ja" },
		{ { "fr", "en", NULL }, "en" },
		{ { "fr", NULL, NULL }, "zh-Hant" },
		{ { NULL, NULL, NULL }, "zh-Hant" },
		/* as lang_rank(): exact tags first, then primary subtags */
		{ { "zh", "en", NULL }, "zh-Hant" },
		{ { "ZH-hant", NULL, NULL }, "zh-Hant" },
		{ { "zh-Hans", "en", NULL }, "zh-Hant" },
		{ { "en", "zh", NULL }, "en" },
		{ { "ko-KR", "ja", NULL }, "ko" },
		{ { "ja-JP", "ko", NULL }, "ja" },
	};
	struct import_sink	 sink;
	struct article_summary	*v;
	size_t			 i, n;
	char			*cause = NULL;

	cache_sink(c, &sink);
	import_article(&sink, "/tmp/t.txt", "titles", "zh-Hant en ko ja", 1, 0,
	    1);
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		if (cache_list(c, t[i].pref, NULL, 1, &v, &n, &cause) != 0) {
			ok(0, "list: %s", cause);
			FREE(&cause);
			continue;
		}
		ok(n == 1 && v[0].title_lang != NULL &&
		    strcmp(v[0].title_lang, t[i].lang) == 0 &&
		    strncmp(v[0].title, t[i].lang, strlen(t[i].lang)) == 0,
		    "title for preference %s,%s is in %s", t[i].pref[0],
		    t[i].pref[1], t[i].lang);
		if (i == 0)
			is_str(v[0].langs, "zh-Hant en ko ja",
			    "langs in order");
		article_summaries_free(v, n);
	}
}

static void
test_remove(struct cache *c)
{
	struct cache_counts	 n;
	struct article_pair	 p;
	long long		 id = newest(c), count = -1;
	char			*cause = NULL, *value = NULL;

	memset(&p, 0, sizeof p);
	p.a_count = 1;
	cache_alignment_put(c, id, "zh", "en", &p, 1, &cause);
	ok(cache_setting_set(c, id, "langs", "ko en", &cause) == 0,
	    "set an article setting");
	ok(cache_setting_get(c, id, "langs", &value, &cause) == 0 &&
	    value != NULL && strcmp(value, "ko en") == 0, "and read it");
	FREE(&value);
	ok(cache_setting_set(c, 0, "identity", "me", &cause) == 0 &&
	    cache_setting_set(c, 0, "identity", "still me", &cause) == 0 &&
	    cache_setting_get(c, 0, "identity", &value, &cause) == 0 &&
	    value != NULL && strcmp(value, "still me") == 0,
	    "global setting overwritten");
	FREE(&value);
	ok(cache_setting_get(c, 0, "nothing", &value, &cause) == 0 &&
	    value == NULL, "unset setting is NULL");

	ok(cache_article_remove(c, id, &cause) == 0, "remove an article");
	ok(cache_setting_get(c, id, "langs", &value, &cause) == 0 &&
	    value == NULL, "its setting went with it");
	ok(cache_article_remove(c, id, &cause) == -1, "removing twice fails");
	FREE(&cause);
	id = newest(c);
	ok(cache_article_remove(c, id, &cause) == 0, "remove the other");
	n = counts(c);
	ok(n.articles == 0 && n.translations == 0 && n.paragraphs == 0 &&
	    n.comments == 0 && n.alignments == 0 && n.settings == 1,
	    "everything cascades; the global setting stays");
	ok(cache_count(c, &count, &cause) == 0 && count == 0,
	    "the article counter is back to 0");
	ok(cache_setting_set(c, 0, "identity", NULL, &cause) == 0 &&
	    counts(c).settings == 0, "a NULL value removes a setting");
	ok(cache_integrity_check(c, &cause) == 0, "integrity_check ok");
	FREE(&cause);
}

#define NPAGING	1000
#define PAGE	37

static int
import_many(struct cache *c, const char *tag, int n)
{
	struct import_sink	 sink;
	char			 key[64];
	int			 i, errors = 0;

	cache_sink(c, &sink);
	for (i = 0; i < n; i++) {
		snprintf(key, sizeof key, "%s-%d", tag, i);
		if (import_article(&sink, "feed", key, "ko en", 1, 0, 1) != 0)
			errors++;
	}
	return errors;
}

/* Page through 1,000 articles: every one once, in order, no gaps. */
/* Windows by row number agree with the cursor pages, wherever they start. */
static void
test_paging_at(struct cache *c)
{
	struct article_summary	*all, *v;
	struct cache_cursor	 cur;
	size_t			 n, got, at, i;
	char			*cause = NULL;
	int			 same = 1, empty;

	memset(&cur, 0, sizeof cur);
	if (cache_list(c, NULL, &cur, NPAGING, &all, &n, &cause) != 0) {
		diag("%s", cause);
		FREE(&cause);
		return;
	}
	for (at = 0; at < n; at += 97) {
		if (cache_list_at(c, NULL, at, 40, &v, &got, &cause) != 0) {
			FREE(&cause);
			same = 0;
			break;
		}
		for (i = 0; i < got; i++)
			if (v[i].id != all[at + i].id ||
			    strcmp(v[i].title, all[at + i].title) != 0)
				same = 0;
		if (got != (n - at < 40 ? n - at : 40))
			same = 0;
		article_summaries_free(v, got);
	}
	ok(same, "cache_list_at windows match the cursor pages");
	ok(cache_list_at(c, NULL, n + 5, 10, &v, &got, &cause) == 0 &&
	    got == 0, "a window past the end is empty");
	free(v);
	ok(cache_is_empty(c, &empty, &cause) == 0 && !empty,
	    "cache_is_empty: no");
	article_summaries_free(all, n);
}

static void
test_paging(void)
{
	struct cache		*c;
	struct cache_cursor	 cur;
	struct article_summary	*v, *w;
	struct cache_counts	 n;
	char			*path, *cause = NULL, *seen;
	size_t			 got, got2, i, total = 0, dups = 0;
	int			 pages = 0, ordered = 1, stable = 1;
	long long		 last_t = 0, last_id = 0;

	path = db_path("paging.db");
	c = test_cache_open(path, CACHE_CREATE);
	is_int(import_many(c, "p", NPAGING), 0, "import %d articles", NPAGING);
	n = counts(c);
	is_int(n.articles, NPAGING, "%d articles", NPAGING);
	seen = xcalloc(NPAGING + 1, 1);
	memset(&cur, 0, sizeof cur);
	for (;;) {
		if (cache_list(c, NULL, &cur, PAGE, &v, &got, &cause) != 0) {
			diag("%s", cause);
			FREE(&cause);
			break;
		}
		/* Asking again for the same page gives the same page. */
		cache_list(c, NULL, &cur, PAGE, &w, &got2, &cause);
		if (got2 != got || (got > 0 && w[0].id != v[0].id))
			stable = 0;
		article_summaries_free(w, got2);
		for (i = 0; i < got; i++) {
			if (v[i].id < 1 || v[i].id > NPAGING || seen[v[i].id])
				dups++;
			else
				seen[v[i].id] = 1;
			if (total > 0 && (v[i].imported_at > last_t ||
			    (v[i].imported_at == last_t && v[i].id >= last_id)))
				ordered = 0;
			last_t = v[i].imported_at;
			last_id = v[i].id;
			total++;
		}
		if (got > 0)
			cache_cursor_set(&cur, &v[got - 1]);
		article_summaries_free(v, got);
		if (got == 0)
			break;
		pages++;
	}
	is_int((long long)total, NPAGING, "every article listed");
	is_int((long long)dups, 0, "no duplicates");
	is_int(pages, (NPAGING + PAGE - 1) / PAGE, "in %d pages of %d",
	    (NPAGING + PAGE - 1) / PAGE, PAGE);
	ok(ordered, "newest first, ties broken by id");
	ok(stable, "pages are stable");
	test_paging_at(c);
	free(seen);
	cache_close(c);
	free(path);
}

/* Every plan line that scans must scan an index or a subquery. */
static int
plan_ok(const char *plan)
{
	const char	*line, *end;

	for (line = plan; *line != '\0'; line = end + 1) {
		end = strchr(line, '\n');
		if (strncmp(line, "SCAN ", 5) == 0 &&
		    strstr(line, "USING") == NULL &&
		    strstr(line, "subquery") == NULL)
			return 0;
		if (end == NULL)
			break;
	}
	return 1;
}

/* Each filter of the list walks the index that serves it. */
static void
test_filter_plans(struct cache *c)
{
	static const char *const ko_fr[] = { "ko", "fr", NULL };
	static const struct {
		struct cache_filter	 f;
		enum cache_query	 q;
		const char		*name;
		const char		*index;
	} t[] = {
		{ { 1, 0, NULL, 0, 0, NULL }, CACHE_QUERY_FILTERED, "unread",
		    "INDEX article_unread" },
		{ { 1, 0, NULL, 0, 0, NULL }, CACHE_QUERY_FILTERED_COUNT,
		    "unread count", "INDEX article_unread" },
		{ { 0, 1, NULL, 0, 0, NULL }, CACHE_QUERY_FILTERED, "starred",
		    "INDEX article_starred" },
		{ { 0, 0, NULL, CACHE_SORT_DATE, 0, NULL }, CACHE_QUERY_FILTERED,
		    "by date", "INDEX article_date" },
		{ { 0, 0, ko_fr, 0, 0, NULL }, CACHE_QUERY_FILTERED, "has ko fr",
		    "INDEX sqlite_autoindex_translation_1 (article_id=?)" },
		{ { 1, 0, ko_fr, 0, 0, NULL }, CACHE_QUERY_FILTERED_COUNT,
		    "unread, has ko fr: count", "INDEX article_unread" },
	};
	char	*plan, *cause = NULL;
	size_t	 i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		if (cache_explain_list(c, &t[i].f, t[i].q, &plan, &cause) != 0) {
			ok(0, "explain %s: %s", t[i].name, cause);
			FREE(&cause);
			continue;
		}
		ok(plan_ok(plan) && strstr(plan, t[i].index) != NULL,
		    "list filter %s uses an index (%s), no table scan",
		    t[i].name, t[i].index);
		if (!plan_ok(plan) || strstr(plan, t[i].index) == NULL)
			diag("plan:\n%s", plan);
		free(plan);
	}
}

static void
test_plans(struct cache *c)
{
	static const struct {
		enum cache_query	 q;
		const char		*name;
		const char		*index;
	} t[] = {
		{ CACHE_QUERY_LIST, "list", "USING INDEX article_list" },
		{ CACHE_QUERY_ARTICLE, "article", "translation_order" },
		{ CACHE_QUERY_PARAGRAPHS, "paragraphs", "USING INDEX" },
		/* Opening reads the index alone, never a paragraph's text. */
		{ CACHE_QUERY_PARAGRAPH_SIZES, "paragraph lengths",
		    "USING COVERING INDEX paragraph_bytes" },
		{ CACHE_QUERY_PARAGRAPH_RANGE, "a range of paragraphs",
		    "(translation_id=? AND idx>? AND idx<?)" },
		{ CACHE_QUERY_COMMENTS, "comments", "USING INDEX" },
		{ CACHE_QUERY_ALIGNMENT, "alignment", "USING INDEX" },
		{ CACHE_QUERY_BY_URL, "article by URL", "INDEX article_url" },
		{ CACHE_QUERY_BY_URL, "translation by URL",
		    "INDEX translation_url" },
	};
	char	*plan, *cause = NULL;
	size_t	 i;

	test_filter_plans(c);
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		if (cache_explain(c, t[i].q, &plan, &cause) != 0) {
			ok(0, "explain %s: %s", t[i].name, cause);
			FREE(&cause);
			continue;
		}
		ok(plan_ok(plan) && strstr(plan, t[i].index) != NULL,
		    "%s query uses an index (%s), no table scan", t[i].name,
		    t[i].index);
		if (!plan_ok(plan) || strstr(plan, t[i].index) == NULL)
			diag("plan:\n%s", plan);
		free(plan);
	}
}

#define NCHILD	200

/*
 * Two processes on one file: a child imports 200 articles, one
 * transaction each, while the parent lists and marks articles read as
 * fast as it can.  busy_timeout and WAL must keep SQLITE_BUSY from ever
 * reaching either of them.
 */
static void
test_two_processes(void)
{
	struct cache		*c;
	struct article_summary	*v;
	char			*path, *cause = NULL;
	size_t			 n;
	pid_t			 pid;
	int			 status = -1, lists = 0, errors = 0, done = 0;
	long long		 count = 0;

	path = db_path("shared.db");
	c = test_cache_open(path, CACHE_CREATE);
	cache_close(c);
	fflush(stdout);
	if ((pid = fork()) == -1) {
		ok(0, "fork: %s", strerror(errno));
		free(path);
		return;
	}
	if (pid == 0) {
		c = test_cache_open(path, 0);
		_exit(c == NULL ? 100 : import_many(c, "child", NCHILD) != 0);
	}
	c = test_cache_open(path, 0);
	while (c != NULL && !done) {
		done = waitpid(pid, &status, WNOHANG) == pid;
		if (cache_list(c, NULL, NULL, 50, &v, &n, &cause) != 0) {
			diag("parent list: %s", cause);
			FREE(&cause);
			errors++;
			continue;
		}
		if (n > 0 && cache_article_set_read(c, v[0].id, 1, &cause) != 0) {
			diag("parent write: %s", cause);
			FREE(&cause);
			errors++;
		}
		article_summaries_free(v, n);
		lists++;
	}
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "child imported %d articles without an error", NCHILD);
	is_int(errors, 0, "parent listed and wrote %d times without an error",
	    lists);
	ok(c != NULL && cache_count(c, &count, &cause) == 0 &&
	    count == NCHILD, "all %d articles are there", NCHILD);
	cache_close(c);
	free(path);
}

/*
 * A batch: articles are savepoints in one transaction.  A failed article
 * (end(ok = 0), or two translations in one language) takes nothing else
 * with it; a second connection sees nothing until the batch commits;
 * closing without cache_batch(c, 0) loses what the batch held.
 */
/*
 * The batch aligns on a second thread and stores the alignments later:
 * the same articles imported one transaction each must give the same
 * rows, alignments included.
 */
static void
batch_same_as_plain(const struct cache_counts *batched)
{
	struct import_sink	 sink;
	struct cache		*c;
	struct cache_counts	 n;
	char			*path = db_path("plain.db"), key[32];
	int			 i;

	if ((c = test_cache_open(path, CACHE_CREATE)) == NULL) {
		ok(0, "open %s", path);
		free(path);
		return;
	}
	cache_sink(c, &sink);
	for (i = 0; i < 10; i++) {
		snprintf(key, sizeof key, "batch-%d", i);
		import_article(&sink, "/tmp/batch.txt", key, "ko en", 3, 1,
		    i != 4);
	}
	import_article(&sink, "/tmp/batch.txt", "twice", "ko ko", 1, 0, 1);
	import_article(&sink, "/tmp/batch.txt", "after", "en", 2, 0, 1);
	n = counts(c);
	ok(batched->alignments >= 9 && counts_equal(&n, batched),
	    "a batch stores what one transaction an article does, "
	    "alignments included (%lld)", batched->alignments);
	cache_close(c);
	free(path);
}

/*
 * An article imported twice in one batch, the second time without its
 * French: the first import's alignments may still be on the worker when
 * the second begins.  What is stored must be what importing only the
 * second would store, with no alignment left for the French.
 */
static void
test_batch_twice(void)
{
	struct import_sink	 sink;
	struct cache		*c, *plain;
	struct cache_counts	 n, want;
	char			*path = db_path("twice.db");
	char			*path2 = db_path("twice-plain.db");
	char			*cause = NULL, key[32];
	int			 i, fails = 0;

	c = test_cache_open(path, CACHE_CREATE);
	plain = test_cache_open(path2, CACHE_CREATE);
	if (c == NULL || plain == NULL) {
		ok(0, "open %s and %s", path, path2);
		goto out;
	}
	cache_sink(c, &sink);
	ok(cache_batch(c, 1, &cause) == 0, "batch on");
	for (i = 0; i < 20; i++) {
		snprintf(key, sizeof key, "twice-%d", i);
		fails += import_article(&sink, "/tmp/t.txt", key, "ko en fr",
		    4, 1, 1) != 0;
		fails += import_article(&sink, "/tmp/t.txt", key, "ko en", 4, 1,
		    1) != 0;
	}
	ok(fails == 0 && cache_batch(c, 0, &cause) == 0,
	    "20 articles imported twice in one batch");
	FREE(&cause);
	cache_sink(plain, &sink);
	for (i = 0; i < 20; i++) {
		snprintf(key, sizeof key, "twice-%d", i);
		import_article(&sink, "/tmp/t.txt", key, "ko en", 4, 1, 1);
	}
	n = counts(c);
	want = counts(plain);
	is_int(n.alignments, want.alignments,
	    "as many alignments as importing the second version alone");
	ok(counts_equal(&n, &want), "and the same rows altogether");
out:
	cache_close(c);
	cache_close(plain);
	free(path);
	free(path2);
}

/* An article of no translations, imported twice: nothing to align. */
static void
test_no_translations(void)
{
	struct import_sink	 sink;
	struct import_article	 ia;
	struct cache		*c;
	char			*path = db_path("bare.db"), *cause = NULL;
	int			 i, rc = 0;

	if ((c = test_cache_open(path, CACHE_CREATE)) == NULL) {
		ok(0, "open %s", path);
		free(path);
		return;
	}
	cache_sink(c, &sink);
	memset(&ia, 0, sizeof ia);
	ia.source = "/tmp/bare.txt";
	ia.key = "bare";
	for (i = 0; i < 2; i++) {
		rc |= sink.begin(sink.arg, &ia, &cause);
		rc |= sink.end(sink.arg, 1, &cause);
		FREE(&cause);
	}
	ok(rc == 0 && counts(c).articles == 1, "an article without "
	    "translations imports, and re-imports");
	cache_close(c);
	free(path);
}

static void
test_batch(void)
{
	struct import_sink	 sink;
	struct cache		*c, *other;
	struct cache_counts	 n;
	char			*path = db_path("batch.db"), *cause = NULL;
	char			 key[32];
	long long		 count;
	int			 i, fails = 0;

	if ((c = test_cache_open(path, CACHE_CREATE)) == NULL ||
	    (other = test_cache_open(path, 0)) == NULL) {
		ok(0, "open %s", path);
		cache_close(c);
		free(path);
		return;
	}
	cache_sink(c, &sink);
	ok(cache_batch(c, 1, &cause) == 0, "batch on");
	for (i = 0; i < 10; i++) {
		snprintf(key, sizeof key, "batch-%d", i);
		fails += import_article(&sink, "/tmp/batch.txt", key, "ko en", 3,
		    1, i != 4) != 0;
	}
	ok(import_article(&sink, "/tmp/batch.txt", "twice", "ko ko", 1, 0,
	    1) != 0, "an article with two ko translations fails");
	ok(import_article(&sink, "/tmp/batch.txt", "after", "en", 2, 0,
	    1) == 0, "the next article imports");
	is_int(fails, 0, "ten articles went through the sink");
	n = counts(other);
	is_int(n.articles, 0, "another connection sees none before the commit");
	ok(cache_batch(c, 0, &cause) == 0, "batch off commits");
	n = counts(other);
	is_int(n.articles, 10, "9 of the 10 (one ended not ok) and 'after'");
	is_int(n.translations, 9 * 2 + 1, "their translations, no more");
	is_int(n.paragraphs, 9 * 2 * 3 + 2, "their paragraphs, no more");
	is_int(n.comments, 9, "their comments, no more");
	ok(cache_count(other, &count, &cause) == 0 && count == n.articles,
	    "the article counter agrees with the rows");
	FREE(&cause);
	is_int((long long)cache_import_stats(c)->articles_new, 10,
	    "stats count the committed articles");
	is_int((long long)cache_import_stats(c)->rolled_back, 2,
	    "and the two rolled back");
	ok(cache_integrity_check(other, &cause) == 0, "integrity_check ok");
	FREE(&cause);
	batch_same_as_plain(&n);

	ok(cache_batch(c, 1, &cause) == 0, "batch on again");
	ok(import_article(&sink, "/tmp/batch.txt", "lost", "fr", 1, 0, 1) ==
	    0, "one more article");
	cache_close(c);
	n = counts(other);
	is_int(n.articles, 10, "closing without batch off keeps it out");
	cache_close(other);
	free(path);
}

/*
 * A batch whose commit fails (a file size limit stands in for a full
 * disk: SQLite sees EFBIG as SQLITE_FULL) loses its articles; the cache
 * counts them for cache_batch_lost() even when the importer frees the
 * message unseen, and counts them once.  An article that fails on its
 * own is not among them.
 */
static void
test_batch_lost(void)
{
	struct import_sink	 sink;
	struct cache		*c;
	struct rlimit		 rl, old;
	struct stat		 sb;
	char			*path = db_path("lost.db"), *wal, *cause = NULL;
	char			 key[32];
	unsigned long		 commits;
	int			 i, fails = 0, pending;

	xasprintf(&wal, "%s-wal", path);
	if ((c = test_cache_open(path, CACHE_CREATE)) == NULL) {
		ok(0, "open %s", path);
		goto out;
	}
	cache_sink(c, &sink);
	ok(cache_batch(c, 1, &cause) == 0, "batch on");
	for (i = 0; i < 6; i++) {
		snprintf(key, sizeof key, "lost-%d", i);
		fails += import_article(&sink, "/tmp/lost.txt", key, "ko en", 3,
		    1, i != 2) != 0;
	}
	is_int(fails, 0, "six articles through the sink, one ended not ok");
	is_int((long long)cache_batch_lost(c, NULL), 0,
	    "an article that fails alone loses nothing else");
	commits = cache_batch_state(c, &pending);
	ok(pending, "five articles wait in the batch");
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	rl = old;
	rl.rlim_cur = stat(wal, &sb) == 0 ? (rlim_t)sb.st_size : 0;
	setrlimit(RLIMIT_FSIZE, &rl);
	i = cache_batch(c, 0, &cause);
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, SIG_DFL);
	ok(i != 0, "the commit fails: %s", cause != NULL ? cause : "(none)");
	FREE(&cause);
	is_int((long long)cache_batch_lost(c, &cause), 5,
	    "cache_batch_lost() counts the five");
	ok(cause != NULL && strstr(cause, "5 more articles") != NULL,
	    "and says why: %s", cause != NULL ? cause : "(none)");
	FREE(&cause);
	is_int((long long)cache_batch_lost(c, &cause), 0, "once");
	ok(cause == NULL, "with no message the second time");
	is_int((long long)cache_import_stats(c)->articles_new, 0,
	    "none counted stored");
	is_int(counts(c).articles, 0, "none stored");
	ok(cache_batch_state(c, &pending) == commits && !pending,
	    "no commit counted, nothing pending");
	ok(cache_batch(c, 1, &cause) == 0, "batch on again");
	ok(import_article(&sink, "/tmp/lost.txt", "after", "en", 2, 0, 1) == 0 &&
	    cache_batch(c, 0, &cause) == 0, "the next article is stored");
	ok(cache_batch_state(c, &pending) == commits + 1 && !pending,
	    "and its commit counted");
	ok(!cache_readonly(c), "the cache is not read-only");
out:
	FREE(&cause);
	cache_close(c);
	free(wal);
	free(path);
}

/* cache_article_by_url(): the article's URL or a translation's, normalised. */
static void
test_by_url(struct cache *c)
{
	struct import_sink		 sink;
	struct import_article		 ia;
	struct import_translation	 it;
	char				*cause = NULL;
	long long			 id = -1, want;
	int				 rc;

	cache_sink(c, &sink);
	memset(&ia, 0, sizeof ia);
	ia.source = "web";
	ia.key = "https://example.invalid/by-url";
	ia.url = ia.key;
	memset(&it, 0, sizeof it);
	it.lang = "fr";
	it.lang_confidence = 1;
	it.title = "titre";
	it.url = "https://example.invalid/fr/by-url";
	rc = sink.begin(sink.arg, &ia, &cause);
	if (rc == 0)
		rc = sink.translation(sink.arg, &it, &cause);
	if (rc == 0)
		rc = sink.paragraph(sink.arg, "texte", 5, &cause);
	if (rc == 0)
		rc = sink.end(sink.arg, 1, &cause);
	ok(rc == 0, "by url: imported (%s)", cause ? cause : "");
	FREE(&cause);
	want = newest(c);
	rc = cache_article_by_url(c, "HTTPS://Example.INVALID:443/by-url#top", &id,
	    &cause);
	ok(rc == 0 && id == want && id > 0,
	    "by url: the article's URL, in another spelling");
	rc = cache_article_by_url(c, "https://example.invalid/fr/by-url", &id,
	    &cause);
	ok(rc == 0 && id == want, "by url: a translation's URL");
	rc = cache_article_by_url(c, "https://example.invalid/elsewhere", &id,
	    &cause);
	ok(rc == 0 && id == 0, "by url: an unknown URL gives 0");
	free(cause);
}

int
main(void)
{
	struct cache	*c;
	char		 dir[] = "/tmp/tandem-test-cache-XXXXXX";
	char		*path;

	umask(022);
	if ((tmpdir = test_tmpdir_make(dir)) == NULL)
		return 99;
	test_default_path();
	test_create();
	test_newer();
	test_not_tandem();

	path = db_path("main.db");
	if ((c = test_cache_open(path, CACHE_CREATE)) != NULL) {
		test_sink(c);
		test_rollback(c);
		test_misuse(c);
		test_reimport(c);
		test_drafts(c);
		test_comment_rm(c);
		test_title(c);
		test_remove(c);
		test_plans(c);
		test_by_url(c);
		cache_close(c);
	} else
		ok(0, "open %s", path);
	free(path);

	test_batch();
	test_batch_twice();
	test_batch_lost();
	test_no_translations();
	test_paging();
	test_two_processes();
	test_busy();

	test_tmpdir_remove(tmpdir);
	return tap_done();
}
