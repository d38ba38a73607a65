/*
 * test-comment-view.c: the comment pane's model without a terminal:
 * reading order of a thread with replies and a reply whose parent was
 * deleted, folding and unfolding, the selection moving over folded
 * replies, new marks from the seen mark stored in a cache, and an
 * empty thread.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "comment-view.h"
#include "import.h"
#include "tap.h"
#include "xmalloc.h"

/*
 * The thread: Ann's comment has replies two deep, Eve's none, and Fay
 * answers comment 99, which is gone, so hers starts a thread of its own.
 */
static const struct {
	long long	 id, parent;
	const char	*author;
} thread[] = {
	{ 1, 0, "Ann" }, { 2, 1, "Bo" }, { 3, 2, "Cy" }, { 4, 1, "Dee" },
	{ 5, 0, "Eve" }, { 6, 99, "Fay" }, { 7, 6, "Gus" },
};
#define NTHREAD (sizeof thread / sizeof thread[0])

static struct article_comment *
make_thread(void)
{
	struct article_comment	*c = xcalloc(NTHREAD, sizeof *c);
	size_t			 i;

	for (i = 0; i < NTHREAD; i++) {
		c[i].id = thread[i].id;
		c[i].parent = thread[i].parent;
		c[i].author = xstrdup(thread[i].author);
		xasprintf(&c[i].body, "Comment %lld.", thread[i].id);
		c[i].created = xstrdup("2025-01-01");
	}
	return c;
}

/* "id:depth ..." in reading order, of the visible positions only. */
static char *
shown(const struct comment_view *cv)
{
	char	*s = xstrdup(""), *t;
	size_t	 k;

	for (k = 0; k < cv->n; k++) {
		if (!comment_view_visible(cv, k))
			continue;
		xasprintf(&t, "%s%s%lld:%d", s, *s ? " " : "",
		    comment_view_at(cv, k)->id, cv->depth[k]);
		free(s);
		s = t;
	}
	return s;
}

/* Keys as the pane takes them, a frame (a draw) before each. */
static void
press(struct comment_view *cv, const char *keys)
{
	for (; *keys != '\0'; keys++) {
		comment_view_frame(cv, 40, 6);
		switch (*keys) {
		case 'j':	comment_view_move(cv, 1); break;
		case 'k':	comment_view_move(cv, -1); break;
		case 'J':	comment_view_sibling(cv); break;
		case 'K':	comment_view_parent(cv); break;
		case ' ':	comment_view_collapse(cv); break;
		case 'f':	comment_view_page(cv, 1); break;
		case 'b':	comment_view_page(cv, -1); break;
		case 'g':	comment_view_end(cv, -1); break;
		case 'G':	comment_view_end(cv, 1); break;
		}
	}
}

static const struct {
	const char	*name, *keys;
	long long	 sel;		/* id selected after */
	const char	*shown;		/* visible "id:depth" after */
} scripts[] = {
	{ "reading order; a lost parent starts a thread", "", 1,
	    "1:0 2:1 3:2 4:1 5:0 6:0 7:1" },
	{ "j j: down to a reply's reply", "jj", 3, NULL },
	{ "K: to its parent", "jjK", 2, NULL },
	{ "K K: up to the top", "jjKK", 1, NULL },
	{ "K on a top-level comment stays", "K", 1, NULL },
	{ "J: the next top-level comment", "J", 5, NULL },
	{ "J from a reply: its sibling", "jJ", 4, NULL },
	{ "J with no sibling below stays", "jjJ", 3, NULL },
	{ "J from the lost parent's reply stays", "GJ", 7, NULL },
	{ "Space folds the thread", " ", 1, "1:0 5:0 6:0 7:1" },
	{ "Space again unfolds it", "  ", 1, "1:0 2:1 3:2 4:1 5:0 6:0 7:1" },
	{ "j skips the folded replies", " j", 5, NULL },
	{ "k skips them back", " jk", 1, NULL },
	{ "a fold in the middle", "j ", 2, "1:0 2:1 4:1 5:0 6:0 7:1" },
	{ "j over a folded reply", "j j", 4, NULL },
	{ "k over it back", "j jk", 2, NULL },
	{ "Space on the folded one unfolds it", "j jk ", 2,
	    "1:0 2:1 3:2 4:1 5:0 6:0 7:1" },
	{ "two folds, one inside the other", "j g ", 1, "1:0 5:0 6:0 7:1" },
	{ "unfolding the outer keeps the inner", "j g  ", 1,
	    "1:0 2:1 4:1 5:0 6:0 7:1" },
	{ "G: the last comment", "G", 7, NULL },
	{ "G with the last thread folded", "GK G", 6,
	    "1:0 2:1 3:2 4:1 5:0 6:0" },
	{ "g: the first", "jjjg", 1, NULL },
	{ "k at the first stays", "k", 1, NULL },
	{ "j at the last stays", "Gj", 7, NULL },
	{ "a page is a third of the rows", "f", 3, NULL },
	{ "two pages", "ff", 5, NULL },
	{ "a page back", "Gb", 5, NULL },
	{ "a page over a fold", " f", 6, NULL },
};

static void
test_scripts(void)
{
	struct comment_view	 cv;
	const struct article_comment *c;
	char			*s;
	size_t			 i;

	for (i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
		comment_view_init(&cv, NULL);
		comment_view_set(&cv, make_thread(), NTHREAD, 0);
		press(&cv, scripts[i].keys);
		c = comment_view_selected(&cv);
		is_int(c ? c->id : -1, scripts[i].sel, "%s: selected",
		    scripts[i].name);
		if (scripts[i].shown != NULL) {
			s = shown(&cv);
			is_str(s, scripts[i].shown, "%s: shown",
			    scripts[i].name);
			free(s);
		}
		comment_view_free(&cv);
	}
}

static void
test_heads(void)
{
	struct comment_view	 cv;
	const struct layout	*l;
	char			*h;

	comment_view_init(&cv, NULL);
	comment_view_set(&cv, make_thread(), NTHREAD, 0);
	h = comment_view_head(&cv, 0);
	is_str(h, "#1 Ann · 2025-01-01", "a head: number, author and date");
	free(h);
	is_int(comment_view_parent(&cv), -1, "K on top: refused");
	comment_view_collapse(&cv);
	h = comment_view_head(&cv, 0);
	is_str(h, "#1 Ann · 2025-01-01  [+3 replies]", "folded: replies counted");
	free(h);
	comment_view_move(&cv, 1);
	comment_view_move(&cv, 1);
	comment_view_collapse(&cv);
	h = comment_view_head(&cv, 5);
	is_str(h, "#6 Fay · 2025-01-01  [+1 reply]", "one reply");
	free(h);
	is_int((long long)comment_view_replies(&cv, 4), 0, "Eve: no replies");
	h = comment_view_head(&cv, 4);
	is_str(h, "#5 Eve · 2025-01-01", "no replies: no count, folded or not");
	free(h);

	/* Laid out: heads are even paragraphs, and G shows a whole body. */
	comment_view_collapse(&cv);
	comment_view_end(&cv, -1);
	comment_view_collapse(&cv);
	l = comment_view_frame(&cv, 40, 3);
	is_int((long long)l->nlines, 14, "7 comments: a head and a body each");
	is_int((long long)l->lines[0].para, 0, "first line: head of the first");
	comment_view_end(&cv, 1);
	l = comment_view_frame(&cv, 40, 3);
	is_int((long long)(cv.scroll.top + 3), (long long)l->nlines,
	    "G: the last body in view");
	comment_view_end(&cv, -1);
	comment_view_frame(&cv, 40, 3);
	is_int((long long)cv.scroll.top, 0, "g: back at the first line");
	comment_view_collapse(&cv);
	l = comment_view_frame(&cv, 40, 3);
	is_int((long long)l->nlines, 8, "a fold lays out again");
	comment_view_free(&cv);
}

static void
test_empty(void)
{
	struct comment_view	 cv;
	const struct layout	*l;

	comment_view_init(&cv, NULL);
	comment_view_set(&cv, NULL, 0, 5);
	press(&cv, "jkJKfbgG ");
	ok(comment_view_selected(&cv) == NULL, "empty: nothing selected");
	is_int(comment_view_sibling(&cv), -1, "empty: no sibling");
	is_int(comment_view_parent(&cv), -1, "empty: no parent");
	ok(!comment_view_is_new(&cv, 0), "empty: nothing new");
	l = comment_view_frame(&cv, 40, 5);
	is_int((long long)l->nlines, 0, "empty: no lines");
	is_int((long long)cv.scroll.top, 0, "empty: top 0");
	comment_view_free(&cv);
}

/* An article with the thread above, imported through the cache's sink. */
static long long
import_thread(struct cache *c)
{
	struct import_sink		 sink;
	struct import_article		 ia = { 0 };
	struct import_translation	 it = { 0 };
	struct import_comment		 ic;
	char				*cause = NULL;
	size_t				 i;
	long long			 n;

	ia.source = "test";
	ia.key = "thread";
	it.lang = "en";
	it.title = "Thread";
	it.lang_confidence = 1;
	cache_sink(c, &sink);
	if (sink.begin(sink.arg, &ia, &cause) != 0 ||
	    sink.translation(sink.arg, &it, &cause) != 0 ||
	    sink.paragraph(sink.arg, "Body.", 5, &cause) != 0)
		goto fail;
	for (i = 0; i < NTHREAD; i++) {
		memset(&ic, 0, sizeof ic);
		ic.id = (long)thread[i].id;
		ic.parent = thread[i].parent == 99 ? 0 : (long)thread[i].parent;
		ic.author = thread[i].author;
		ic.body = "Text.";
		if (sink.comment(sink.arg, &ic, &cause) != 0)
			goto fail;
	}
	if (sink.end(sink.arg, 1, &cause) != 0 || cache_count(c, &n,
	    &cause) != 0)
		goto fail;
	return n;
fail:
	diag("import: %s", cause);
	free(cause);
	return 0;
}

static void
test_seen(void)
{
	char			 dir[] = "/tmp/tandem-cview.XXXXXX", *path;
	char			*cause = NULL, *v = NULL;
	struct cache		*c;
	struct comment_view	 cv;
	size_t			 k, nnew;
	long long		 id;

	if (mkdtemp(dir) == NULL)
		return;
	xasprintf(&path, "%s/c.db", dir);
	if (cache_open(path, CACHE_CREATE, &c, &cause) != 0) {
		diag("%s", cause);
		return;
	}
	id = import_thread(c);
	ok(id == 1, "the thread is imported");
	comment_view_init(&cv, NULL);
	is_int(comment_view_load(&cv, c, id, &cause), 0, "load");
	is_int((long long)cv.n, NTHREAD, "every comment loaded");
	for (k = nnew = 0; k < cv.n; k++)
		nnew += comment_view_is_new(&cv, k);
	is_int((long long)nnew, 0, "first visit: nothing is marked new");

	is_int(comment_view_save_seen(&cv, c, id, &cause), 0, "leave");
	cache_setting_get(c, id, "comments.seen", &v, &cause);
	is_str(v ? v : "", "7", "the newest id is stored as seen");
	free(v);

	/* As if comments 5 and up arrived after the last visit. */
	cache_setting_set(c, id, "comments.seen", "4", &cause);
	comment_view_move(&cv, 3);
	is_int(comment_view_load(&cv, c, id, &cause), 0, "load again");
	is_int(cv.seen, 4, "the seen mark is read back");
	is_int(comment_view_selected(&cv)->id, 4, "a reload keeps the place");
	for (k = 0; k < cv.n; k++)
		ok(comment_view_is_new(&cv, k) ==
		    (comment_view_at(&cv, k)->id > 4), "comment %lld %s new",
		    comment_view_at(&cv, k)->id,
		    comment_view_at(&cv, k)->id > 4 ? "is" : "is not");
	k = 0;
	while (comment_view_at(&cv, k)->id != 5)
		k++;
	v = comment_view_head(&cv, k);
	ok(strstr(v, "  new") != NULL, "its head says new: %s", v);
	free(v);
	is_int(comment_view_load(&cv, c, 0, &cause), 0, "no article: empty");
	is_int((long long)cv.n, 0, "... no comments");
	comment_view_free(&cv);
	cache_close(c);
	unlink(path);
	free(path);
	rmdir(dir);
}

int
main(void)
{
	test_scripts();
	test_heads();
	test_empty();
	test_seen();
	return tap_done();
}
