/*
 * test-keys.c: the key table, rebinding, the settings file, and the man
 * page's KEYS section checked against the table (every key and every
 * operation name must be documented), and the pane rectangles.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "keys.h"
#include "pane.h"
#include "tap.h"
#include "test-util.h"
#include "xmalloc.h"

/* The man page's way of writing s: '-' as '\-'. */
static char *
roff(const char *s)
{
	char	*out = xmalloc(strlen(s) * 2 + 1), *o = out;

	for (; *s != '\0'; s++) {
		if (*s == '-')
			*o++ = '\\';
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

static void
test_man(void)
{
	const struct keys_binding	*b;
	char				*page, *keys, *end, name[32], *r;
	size_t				 n, i;
	int				 op;

	page = test_slurp(MANPAGE, NULL);
	if (!ok(page != NULL, "man page readable"))
		return;
	keys = strstr(page, "\n.SH KEYS");
	end = keys ? strstr(keys + 1, "\n.SH ") : NULL;
	if (!ok(keys != NULL && end != NULL, "man page has KEYS"))
		return;
	*end = '\0';
	b = keys_bindings(&n);
	for (i = 0; i < n; i++) {
		if (b[i].op > OP_LANG_1 && b[i].op < OP_LANG_9)
			continue;	/* written as 1 ... 9 */
		keys_name(b[i].key, name, sizeof name);
		r = roff(name);
		ok(strstr(keys, r) != NULL, "KEYS documents key %s", name);
		free(r);
	}
	for (op = 1; op < OP_COUNT; op++) {
		if (strncmp(keys_op_name((enum op)op), "lang-", 5) == 0 &&
		    strcmp(keys_op_name((enum op)op), "lang-next") != 0 &&
		    strcmp(keys_op_name((enum op)op), "lang-1") != 0 &&
		    strcmp(keys_op_name((enum op)op), "lang-9") != 0)
			continue;	/* written as lang-1 ... lang-9 */
		r = roff(keys_op_name((enum op)op));
		ok(strstr(keys, r) != NULL, "KEYS names operation %s",
		    keys_op_name((enum op)op));
		free(r);
	}
	free(page);
}

static void
test_table(void)
{
	char	*cause = NULL, buf[32];

	keys_init();
	is_int(keys_lookup(KEYS_LIST, 'j'), OP_DOWN, "j moves down");
	is_int(keys_lookup(KEYS_READER, KEYS_PGDN), OP_PAGE_DOWN, "PgDn pages");
	is_int(keys_lookup(KEYS_LIST, 'N'), OP_TOGGLE_READ, "N in the list");
	is_int(keys_lookup(KEYS_READER, 'N'), OP_SEARCH_PREV, "N in the reader");
	is_int(keys_lookup(KEYS_READER, 'Z'), OP_NONE, "Z does nothing");
	is_int(keys_parse("C-l"), 12, "C-l parses");
	is_int(keys_parse("Space"), ' ', "Space parses");
	is_int(keys_parse("pgdn"), KEYS_PGDN, "names ignore case");
	is_int(keys_parse("한"), 0xd55c, "a Hangul key parses");
	is_int(keys_parse("ab"), -1, "two letters are not a key");
	is_str(keys_name(KEYS_CTRL('l'), buf, sizeof buf), "C-l", "C-l name");
	is_str(keys_name(0xd55c, buf, sizeof buf), "한", "Hangul name");
	is_int(keys_bind("reader", "J", "page-down", &cause), 0, "bind J");
	is_int(keys_lookup(KEYS_READER, 'J'), OP_PAGE_DOWN, "J pages in reader");
	is_int(keys_lookup(KEYS_LIST, 'J'), OP_NONE, "but not in the list");
	is_int(keys_bind("all", "j", "up", &cause), 0, "rebind j");
	is_int(keys_lookup(KEYS_LIST, 'j'), OP_UP, "j now goes up");
	is_int(keys_bind("pager", "j", "up", &cause), -1, "bad context");
	is_str(cause, "unknown key context 'pager' (all, list, reader, "
	    "comments)", "bad context named");
	FREE(&cause);
	is_int(keys_bind("all", "j", "fly", &cause), -1, "bad operation");
	is_str(cause, "unknown operation 'fly'", "bad operation named");
	FREE(&cause);
	keys_init();
	is_int(keys_lookup(KEYS_LIST, 'j'), OP_DOWN, "keys_init restores");
}

static void
test_conf(void)
{
	char		 path[] = "/tmp/tandem-conf.XXXXXX", *cause = NULL;
	struct conf	 c;
	FILE		*f;
	int		 fd;

	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL)
		return;
	fprintf(f, "# settings\nset lang ko,en\nset ambiguous-width 2\n"
	    "set view side-by-side  # comment\n\ncolor title red default bold\n"
	    "bind list x toggle-read\n");
	fclose(f);
	conf_init(&c);
	keys_init();
	is_int(conf_load(&c, path, &cause), 0, "settings file loads");
	is_str(c.lang, "ko,en", "set lang");
	is_int(c.layout.ambiguous, LAYOUT_AMBIGUOUS_WIDE, "ambiguous-width 2");
	is_int(c.side_by_side, 1, "view side-by-side");
	is_int((long long)c.ncolors, 1, "one colour line");
	is_int(keys_lookup(KEYS_LIST, 'x'), OP_TOGGLE_READ, "bind applied");
	conf_free(&c);

	f = fopen(path, "w");
	fprintf(f, "set lang ko\nset ambiguous-width 3\n");
	fclose(f);
	conf_init(&c);
	is_int(conf_load(&c, path, &cause), -1, "bad value refused");
	ok(cause != NULL && strstr(cause, ":2: '3' is not a value for "
	    "ambiguous-width") != NULL, "error names file and line: %s",
	    cause ? cause : "");
	FREE(&cause);
	conf_free(&c);
	f = fopen(path, "w");
	fprintf(f, "frobnicate\n");
	fclose(f);
	conf_init(&c);
	is_int(conf_load(&c, path, &cause), -1, "unknown command refused");
	FREE(&cause);
	conf_free(&c);
	unlink(path);
	conf_init(&c);
	is_int(conf_load(&c, "/nonexistent/tandem/config", &cause), 0,
	    "a missing file is fine");
	conf_free(&c);
	keys_init();
}

static void
test_pane(void)
{
	struct pane_state	st = { .cols = 120, .lines = 40, .article_open = 1,
	    .focus = PANE_READER, .list_rows = 100 };
	struct pane_layout	pl;

	pane_compute(&st, &pl);
	ok(!pl.too_small, "120x40 fits");
	is_int(pl.pane[PANE_LIST].h, 8, "list above the article: 8 rows");
	is_int(pl.pane[PANE_READER].y, 9, "reader below it");
	is_int(pl.pane[PANE_READER].h, 30, "reader takes the rest");
	is_int(pl.pane[PANE_COMMENTS].h, 0, "no comments unless asked");
	st.comments = 1;
	pane_compute(&st, &pl);
	is_int(pl.pane[PANE_COMMENTS].h, 10, "comments: a third below");
	is_int(pl.pane[PANE_COMMENTS].y + pl.pane[PANE_COMMENTS].h, 39,
	    "ending above the status line");
	st.list_rows = 1;
	pane_compute(&st, &pl);
	is_int(pl.pane[PANE_LIST].h, 1, "one article: one list row");
	st.lines = 20;
	pane_compute(&st, &pl);
	is_int(pl.pane[PANE_LIST].h, 0, "short terminal: list hidden");
	is_int(pl.pane[PANE_READER].h, 18, "the focused reader gets it all");
	st.focus = PANE_READER;
	is_int(pane_next_focus(&st), PANE_COMMENTS, "Tab: reader -> comments");
	st.focus = PANE_COMMENTS;
	is_int(pane_next_focus(&st), PANE_LIST, "Tab: comments -> list");
	st.cols = 39;
	pane_compute(&st, &pl);
	ok(pl.too_small, "39 columns is too small");
}

int
main(void)
{
	test_table();
	test_conf();
	test_pane();
	test_man();
	return tap_done();
}
