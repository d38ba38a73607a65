/*
 * keys.h: what each key does, as data.
 *
 * Key handling is two tables.  This file holds the first: key -> operation,
 * per context (the pane with the focus), with the defaults below and
 * rebinding from the config file.  The UI holds the second: operation ->
 * handler.  The help overlay, `tandem --help` and a test that checks the
 * man page all read the same table, so they cannot drift apart.
 *
 * Keys are wide characters (what get_wch() returns) or KEY_* codes of
 * our own for the special keys, so that nothing here needs curses.
 */
#ifndef TANDEM_KEYS_H
#define TANDEM_KEYS_H

#include <stddef.h>

/* Special keys, above the Unicode range; ui.c maps curses codes to them. */
enum keys_special {
	KEYS_UP = 0x110000, KEYS_DOWN, KEYS_LEFT, KEYS_RIGHT, KEYS_PGUP,
	KEYS_PGDN, KEYS_HOME, KEYS_END, KEYS_ENTER, KEYS_ESC, KEYS_TAB,
	KEYS_BTAB, KEYS_BACKSPACE, KEYS_DC, KEYS_RESIZE, KEYS_IC,
	KEYS_F1,	/* F1 to F12 follow each other: KEYS_F(n) */
};
#define KEYS_F(n)	(KEYS_F1 + (n) - 1)
#define KEYS_NFKEYS	12

#define KEYS_CTRL(c)	((c) & 0x1f)

/* Where a binding applies; KEYS_ALL is tried after the pane's own. */
enum keys_context {
	KEYS_ALL = 0,
	KEYS_LIST,
	KEYS_READER,
	KEYS_COMMENTS,
	KEYS_NCONTEXTS
};

/* Operations, with their config-file names and help texts (keys.c). */
#define KEYS_OPS(X) \
	X(NONE,		"none",		"do nothing") \
	X(DOWN,		"down",		"next line, article or comment") \
	X(UP,		"up",		"previous line, article or comment") \
	X(PAGE_DOWN,	"page-down",	"next page") \
	X(PAGE_UP,	"page-up",	"previous page") \
	X(HALF_DOWN,	"half-down",	"half a page down") \
	X(HALF_UP,	"half-up",	"half a page up") \
	X(TOP,		"top",		"first line or article") \
	X(BOTTOM,	"bottom",	"last line or article") \
	X(OPEN,		"open",		"open the article") \
	X(BACK,		"back",		"close comments, then article; "	\
					"in the list, quit") \
	X(QUIT,		"quit",		"quit tandem") \
	X(FOCUS,	"focus",	"move the focus to the next pane") \
	X(COMMENTS,	"comments",	"show or hide the comments") \
	X(COLLAPSE,	"collapse",	"collapse or expand a comment's replies") \
	X(PARENT,	"parent",	"go to the comment this one answers") \
	X(SIBLING,	"sibling",	"go to the next comment at this level") \
	X(REPLY,	"reply",	"reply to the selected comment") \
	X(COMPOSE,	"compose",	"write a comment (sent to a site with an account)") \
	X(LANG_NEXT,	"lang-next",	"next language") \
	X(LANG_1,	"lang-1",	"the article's 1st language") \
	X(LANG_2,	"lang-2",	"the article's 2nd language") \
	X(LANG_3,	"lang-3",	"the article's 3rd language") \
	X(LANG_4,	"lang-4",	"the article's 4th language") \
	X(LANG_5,	"lang-5",	"the article's 5th language") \
	X(LANG_6,	"lang-6",	"the article's 6th language") \
	X(LANG_7,	"lang-7",	"the article's 7th language") \
	X(LANG_8,	"lang-8",	"the article's 8th language") \
	X(LANG_9,	"lang-9",	"the article's 9th language") \
	X(SIDE_BY_SIDE,	"side-by-side",	"two languages side by side, or one") \
	X(LANG2_NEXT,	"lang2-next",	"next language of the right column") \
	X(SWAP,		"swap",		"swap the left and right languages") \
	X(PAIR_JOIN,	"pair-join",	"join the top pair with the next") \
	X(PAIR_SPLIT,	"pair-split",	"split the top pair") \
	X(PAIR_RESET,	"pair-reset",	"back to the automatic alignment") \
	X(SEARCH,	"search",	"search the article, or the library from the list") \
	X(SEARCH_NEXT,	"search-next",	"next match") \
	X(SEARCH_PREV,	"search-prev",	"previous match") \
	X(TOGGLE_READ,	"toggle-read",	"mark read or unread") \
	X(TOGGLE_STAR,	"toggle-star",	"star or unstar the article") \
	X(NEXT_UNREAD,	"next-unread",	"next unread article") \
	X(PREV_UNREAD,	"prev-unread",	"previous unread article") \
	X(READ_ALL,	"read-all",	"mark every article shown read") \
	X(FILTER_LANGS,	"filter-langs",	"show articles that have these languages") \
	X(FILTER_UNREAD, "filter-unread", "show unread articles only, or all") \
	X(FILTER_STARRED, "filter-starred", "show starred articles only, or all") \
	X(SORT,		"sort",		"sort by import, date or title") \
	X(OPEN_URL,	"open-url",	"open the article's URL with $BROWSER") \
	X(ADD_URL,	"add-url",	"add an article from a URL") \
	X(UPDATE,	"update",	"update the feeds in the background") \
	X(FEEDS,	"feeds",	"list the feeds; Enter shows one's articles") \
	X(HELP,		"help",		"show the help screen") \
	X(REDRAW,	"redraw",	"redraw the screen")

#define KEYS_ENUM(name, str, help) OP_##name,
enum op { KEYS_OPS(KEYS_ENUM) OP_COUNT };
#undef KEYS_ENUM

struct keys_binding {
	enum keys_context	 context;
	int			 key;
	enum op			 op;
};

/* Reset the bindings to the defaults. */
void		 keys_init(void);

/* The operation of key in context (falling back to KEYS_ALL). */
enum op		 keys_lookup(enum keys_context, int key);

/*
 * Bind a key named like the help shows it ("j", "C-l", "Down", "Space")
 * to an operation named like "page-down", in context "all", "list",
 * "reader" or "comments".  Returns -1 and sets *cause if a name is wrong.
 */
int		 keys_bind(const char *context, const char *key, const char *op,
		     char **cause);

/* Names into buf (returned): "Down", "C-l", "Space", "j"; op names, help. */
const char	*keys_name(int key, char *buf, size_t len);
int		 keys_parse(const char *name);
const char	*keys_op_name(enum op);
const char	*keys_op_help(enum op);
const char	*keys_context_name(enum keys_context);

/* The current bindings, in the order help shows them. */
const struct keys_binding *keys_bindings(size_t *n);

/*
 * One row of the key summary that the help screen, `tandem --help` and
 * the man page's key table all print: an operation's keys ("j Down",
 * "N (reader, comments)"), its name for bind and what it does.  The nine
 * language keys are one row, "1-9".
 */
struct keys_help {
	char		 keys[96];
	char		 ops[32];
	const char	*help;
};

/* Row k of the summary into *h; 0 past the last row. */
int		 keys_help_row(size_t k, struct keys_help *h);

#endif
