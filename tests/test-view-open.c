/*
 * test-view-open.c: a long article opened for the reader without its
 * text (cache_article_open) reads only the paragraphs it lays out.
 *
 * One article of NPARA paragraphs in two languages is imported into a
 * fresh cache, then read twice: whole (cache_article_load) and opened
 * lazily.  Two views of them are opened, sent to the end, switched side
 * by side and to the other language, paged through, and searched for a
 * word near the end, in step; after each step both must show the same screen, and the
 * lazy one must have read and kept the text of a few screens only,
 * which fails if anything on the way reads the whole article.
 *
 * The open itself steps a few SQLite rows, the translations' packs of
 * lengths (cache-pack.c), not one a paragraph; a pack that a change
 * made through SQLite behind our back (as the sqlite3 shell would) left
 * stale is not used, the open reads the rows and gives the same as a
 * whole load, and packs the article again for the next open.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "cache.h"
#include "import.h"
#include "pairing.h"
#include "tap.h"
#include "view.h"
#include "xmalloc.h"

#define NPARA	3000
#define WIDTH	80
#define HEIGHT	24
/* Paragraphs of text a view may read or hold for one screen and moves. */
#define BOUND	(12 * HEIGHT)

static struct cache	*cache;
static char		*dbpath;

/* Paragraph i of language lang: a few words, more on some. */
static void
write_para(FILE *f, const char *lang, size_t i)
{
	size_t	w, words = 4 + (i * 7 + (lang[0] == 'f')) % 40;

	fprintf(f, "P%zu%s", i, lang);
	for (w = 0; w < words; w++)
		fprintf(f, " %s%zu", w % 3 ? "tala" : "rendo", (i + w) % 97);
	if (i == NPARA - 5)
		fprintf(f, " needleword");
	fprintf(f, ".\n\n");
}

static void
make_cache(const char *dir)
{
	struct import_sink	 sink;
	char			*path, *db, *cause = NULL;
	const char		*langs[] = { "en", "fr" };
	size_t			 i, k;
	FILE			*f;

	xasprintf(&path, "%s/long.txt", dir);
	xasprintf(&db, "%s/long.db", dir);
	dbpath = xstrdup(db);
	if ((f = fopen(path, "w")) == NULL)
		exit(1);
	fprintf(f, "url: https://long.test/\n\n");
	for (k = 0; k < 2; k++) {
		fprintf(f, "== %s\ntitle: Long %s\n\n", langs[k], langs[k]);
		for (i = 0; i < NPARA; i++)
			write_para(f, langs[k], i);
	}
	fclose(f);
	if (cache_open(db, CACHE_CREATE, &cache, &cause) != 0) {
		diag("%s", cause);
		exit(1);
	}
	cache_sink(cache, &sink);
	if (import_file(path, NULL, &sink, &cause) != 0) {
		diag("%s", cause);
		exit(1);
	}
	cache_close(cache);
	if (cache_open(db, 0, &cache, &cause) != 0) {
		diag("%s", cause);
		exit(1);
	}
	unlink(path);
	free(path);
	free(db);
}

/* As the reader does: the stored alignment, else paragraph i with i. */
static void
stored_pairs(void *arg, struct article *a, size_t l, size_t r,
    struct article_pair **pairs, size_t *n)
{
	(void)arg;
	if (pairing_find(cache, a->id, &a->translations[l],
	    &a->translations[r], pairs, n) != 0) {
		*pairs = NULL;
		*n = 0;
	}
}

/* The screen's text, rows joined by newlines, "|" between columns. */
static char *
screen(const struct view *v)
{
	char		*out = xstrdup(""), *next;
	const char	*l, *r;
	size_t		 row, ll, rl;
	int		 w;

	for (row = v->top; row < v->top + HEIGHT; row++) {
		if ((l = view_cell(v, row, 0, &ll, &w)) == NULL)
			ll = 0;
		if ((r = view_cell(v, row, 1, &rl, &w)) == NULL)
			rl = 0;
		xasprintf(&next, "%s%.*s|%.*s\n", out, (int)ll, l ? l : "",
		    (int)rl, r ? r : "");
		free(out);
		out = next;
	}
	return out;
}

/* Run sql on the cache through a connection of its own, as a shell would. */
static void
raw(const char *sql)
{
	sqlite3	*db;
	char	*err = NULL;

	if (sqlite3_open(dbpath, &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		diag("%s: %s", sql, err != NULL ? err : sqlite3_errmsg(db));
		exit(1);
	}
	sqlite3_close(db);
}

/* How many rows sql's first column counts. */
static long long
raw_count(const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*s;
	long long	 n = -1;

	if (sqlite3_open(dbpath, &db) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		diag("%s: %s", sql, sqlite3_errmsg(db));
		exit(1);
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

/* Every translation and paragraph length of a is those of b. */
static int
same_lengths(const struct article *a, const struct article *b)
{
	const struct article_translation	*s, *t;
	size_t					 i, k;

	if (a->ntranslations != b->ntranslations)
		return 0;
	for (i = 0; i < a->ntranslations; i++) {
		s = &a->translations[i];
		t = &b->translations[i];
		if (s->id != t->id || s->nparagraphs != t->nparagraphs)
			return 0;
		for (k = 0; k < s->nparagraphs; k++)
			if (s->paragraphs[k].len != t->paragraphs[k].len)
				return 0;
	}
	return 1;
}

/*
 * Open article 1 after what sql did behind the cache's back: the stale
 * pack is not used (steps: one a paragraph), the lengths are a whole
 * load's, and the open leaves a pack that the next open uses alone.
 */
static void
stale(const char *sql, const char *what)
{
	struct article	*whole, *a, *b;
	char		*cause = NULL;

	raw(sql);
	if (cache_article_load(cache, 1, &whole, &cause) != 0 ||
	    cache_article_open(cache, 1, &a, &cause) != 0 ||
	    cache_article_open(cache, 1, &b, &cause) != 0) {
		diag("%s", cause);
		exit(1);
	}
	ok(a->open_steps > NPARA, "%s: pack not used (%zu steps)", what,
	    a->open_steps);
	ok(same_lengths(a, whole), "%s: lengths are the rows'", what);
	is_int(raw_count("SELECT count(*) FROM paragraph_pack"), 2,
	    "%s: packed again by the open", what);
	ok(b->open_steps <= 8 && same_lengths(b, whole),
	    "%s: the next open uses the new pack (%zu steps), same lengths",
	    what, b->open_steps);
	article_free(whole);
	article_free(a);
	article_free(b);
}

/* Paragraphs of the article whose text is held now. */
static size_t
held(const struct article *a)
{
	size_t	i, k, n = 0;

	for (i = 0; i < a->ntranslations; i++)
		for (k = 0; k < a->translations[i].nparagraphs; k++)
			n += a->translations[i].paragraphs[k].text != NULL;
	return n;
}

static void
same(const struct view *w, const struct view *l, const char *what)
{
	char	*x = screen(w), *y = screen(l);

	if (!ok(strcmp(x, y) == 0 && strstr(x, "P") != NULL,
	    "%s: the same screen", what)) {
		diag("whole:\n%s", x);
		diag("lazy:\n%s", y);
	}
	free(x);
	free(y);
}

static void
bounded(const struct view *l, size_t reads, const char *what)
{
	const struct article	*a = l->article;

	ok(a->text_reads - reads <= BOUND && held(a) <= BOUND,
	    "%s: read %zu paragraphs, holds %zu (of %d)", what,
	    a->text_reads - reads, held(a), 2 * NPARA);
}

static void
setup(struct view *v, struct article *a)
{
	view_init(v, NULL);
	v->pairs_fn = stored_pairs;
	view_relayout(v, WIDTH, HEIGHT);
	view_open(v, a, 0, 1, 0);
}

int
main(void)
{
	char			 dir[] = "/tmp/tandem-open.XXXXXX", *cause = NULL,
				*last;
	struct article		*whole, *lazy;
	struct view		 w, l;
	size_t			 k, reads, lenok = 1, i;
	int			 rc;

	if (mkdtemp(dir) == NULL)
		return 1;
	make_cache(dir);
	if (cache_article_load(cache, 1, &whole, &cause) != 0 ||
	    cache_article_open(cache, 1, &lazy, &cause) != 0) {
		diag("%s", cause);
		return 1;
	}
	ok(lazy->ntranslations == 2 &&
	    lazy->translations[0].nparagraphs == NPARA &&
	    lazy->translations[1].nparagraphs == NPARA,
	    "opened: two languages of %d paragraphs", NPARA);
	for (i = 0; i < 2; i++)
		for (k = 0; k < NPARA; k++)
			if (lazy->translations[i].paragraphs[k].len !=
			    whole->translations[i].paragraphs[k].len)
				lenok = 0;
	ok(lenok, "every paragraph's stored length is its text's");
	ok(held(lazy) == 0 && lazy->text_reads == 0, "no text read to open");
	is_int(raw_count("SELECT count(*) FROM paragraph_pack"), 2,
	    "the import packed both translations");
	ok(lazy->open_steps <= 8, "the open stepped %zu SQLite rows",
	    lazy->open_steps);

	setup(&w, whole);
	setup(&l, lazy);
	same(&w, &l, "first screen");
	bounded(&l, 0, "first screen");
	reads = lazy->text_reads;
	view_end(&w);
	view_end(&l);
	same(&w, &l, "G");
	last = screen(&l);
	ok(strstr(last, "P2999en") != NULL, "G shows the last paragraph");
	free(last);
	bounded(&l, reads, "G");
	reads = lazy->text_reads;
	view_toggle_sbs(&w);
	view_toggle_sbs(&l);
	same(&w, &l, "s");
	bounded(&l, reads, "s");
	reads = lazy->text_reads;
	view_next_lang(&w);
	view_next_lang(&l);
	same(&w, &l, "l");
	bounded(&l, reads, "l");
	view_home(&w);
	view_home(&l);
	same(&w, &l, "g");
	reads = lazy->text_reads;
	for (k = 0; k < 150; k++) {
		view_page(&w, 1, 0);
		view_page(&l, 1, 0);
	}
	same(&w, &l, "150 pages down");
	ok(held(lazy) <= BOUND && lazy->text_reads - reads > BOUND,
	    "150 pages down: read %zu paragraphs, holds %zu",
	    lazy->text_reads - reads, held(lazy));
	view_home(&w);
	view_home(&l);
	ok(lazy->text_reads < 2 * NPARA, "all that read %zu paragraphs of %d",
	    lazy->text_reads, 2 * NPARA);

	/* A search reads the text whole, and finds what the whole one does. */
	is_int(view_search(&l, "needleword", 1), view_search(&w, "needleword",
	    1), "/ finds the word near the end");
	ok(l.top == w.top && l.top > 0, "at the same row, %zu", l.top);
	same(&w, &l, "/");

	view_free(&w);
	view_free(&l);	/* and the articles they own */

	stale("UPDATE paragraph SET text = 'changed by hand' WHERE idx = 7 AND"
	    " translation_id = (SELECT min(id) FROM translation)",
	    "a paragraph's text changed");
	ok(raw_count("SELECT bytes FROM paragraph WHERE idx = 7 AND"
	    " translation_id = (SELECT min(id) FROM translation)") == 15,
	    "and its new length is stored");
	stale("DELETE FROM paragraph WHERE idx = 2999 AND"
	    " translation_id = (SELECT max(id) FROM translation)",
	    "a paragraph removed");
	stale("INSERT INTO paragraph (translation_id, idx, text) SELECT"
	    " max(id), 2999, 'added by hand' FROM translation",
	    "a paragraph added");
	stale("DELETE FROM paragraph_pack", "no packs (an old cache)");
	stale("UPDATE paragraph_pack SET n = n + 1", "a pack of the wrong size");

	/* Text that went away since the article was opened is "", and said. */
	if (cache_article_open(cache, 1, &lazy, &cause) != 0 ||
	    cache_article_remove(cache, 1, &cause) != 0) {
		diag("%s", cause);
		return 1;
	}
	rc = article_text_need(lazy, 0, 0, 10, &cause);
	ok(rc == -1 && cause != NULL &&
	    strstr(cause, "changed since it was opened") != NULL &&
	    lazy->translations[0].paragraphs[9].text != NULL &&
	    lazy->translations[0].paragraphs[9].len == 0,
	    "text removed since: read as \"\", %s", cause ? cause : "no error");
	FREE(&cause);
	article_free(lazy);
	cache_close(cache);
	xasprintf(&cause, "rm -rf '%s'", dir);
	if (system(cause) != 0)
		diag("could not remove %s", dir);
	free(cause);
	return tap_done();
}
