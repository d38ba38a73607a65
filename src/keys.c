/*
 * keys.c: the key -> operation table (see keys.h).
 *
 * The defaults follow less, mutt and vi habits.  One key may mean
 * different things in different panes: N toggles read/unread in the
 * article list (as in mutt) but finds the previous match in the reader
 * (as in less); n and p go to the next and previous unread article in
 * the list (newsboat), n to the next match in the reader.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "keys.h"
#include "utf8.h"
#include "xmalloc.h"

#define KEYS_MAX 256

static const struct keys_binding keys_defaults[] = {
	{ KEYS_ALL, 'j', OP_DOWN },		{ KEYS_ALL, KEYS_DOWN, OP_DOWN },
	{ KEYS_ALL, 'k', OP_UP },		{ KEYS_ALL, KEYS_UP, OP_UP },
	{ KEYS_ALL, ' ', OP_PAGE_DOWN },	{ KEYS_ALL, KEYS_PGDN, OP_PAGE_DOWN },
	{ KEYS_ALL, 'f', OP_PAGE_DOWN },
	{ KEYS_ALL, 'b', OP_PAGE_UP },		{ KEYS_ALL, KEYS_PGUP, OP_PAGE_UP },
	{ KEYS_ALL, 'd', OP_HALF_DOWN },	{ KEYS_ALL, 'u', OP_HALF_UP },
	{ KEYS_ALL, 'g', OP_TOP },		{ KEYS_ALL, KEYS_HOME, OP_TOP },
	{ KEYS_ALL, 'G', OP_BOTTOM },		{ KEYS_ALL, KEYS_END, OP_BOTTOM },
	{ KEYS_ALL, KEYS_ENTER, OP_OPEN },
	{ KEYS_ALL, 'q', OP_BACK },		{ KEYS_ALL, KEYS_ESC, OP_BACK },
	{ KEYS_ALL, 'Q', OP_QUIT },
	{ KEYS_ALL, KEYS_TAB, OP_FOCUS },
	{ KEYS_ALL, 'c', OP_COMMENTS },
	{ KEYS_COMMENTS, ' ', OP_COLLAPSE },
	{ KEYS_COMMENTS, 'K', OP_PARENT },
	{ KEYS_COMMENTS, 'J', OP_SIBLING },
	{ KEYS_COMMENTS, 'r', OP_REPLY },
	{ KEYS_ALL, 'C', OP_COMPOSE },
	{ KEYS_ALL, 'l', OP_LANG_NEXT },
	{ KEYS_ALL, '1', OP_LANG_1 },		{ KEYS_ALL, '2', OP_LANG_2 },
	{ KEYS_ALL, '3', OP_LANG_3 },		{ KEYS_ALL, '4', OP_LANG_4 },
	{ KEYS_ALL, '5', OP_LANG_5 },		{ KEYS_ALL, '6', OP_LANG_6 },
	{ KEYS_ALL, '7', OP_LANG_7 },		{ KEYS_ALL, '8', OP_LANG_8 },
	{ KEYS_ALL, '9', OP_LANG_9 },
	{ KEYS_ALL, 's', OP_SIDE_BY_SIDE },
	{ KEYS_ALL, 'L', OP_LANG2_NEXT },
	{ KEYS_ALL, 'x', OP_SWAP },
	{ KEYS_READER, '+', OP_PAIR_JOIN },
	{ KEYS_READER, '-', OP_PAIR_SPLIT },
	{ KEYS_READER, '=', OP_PAIR_RESET },
	{ KEYS_ALL, '/', OP_SEARCH },
	{ KEYS_ALL, 'n', OP_SEARCH_NEXT },
	{ KEYS_READER, 'N', OP_SEARCH_PREV },
	{ KEYS_COMMENTS, 'N', OP_SEARCH_PREV },
	{ KEYS_LIST, 'N', OP_TOGGLE_READ },
	{ KEYS_ALL, 'U', OP_TOGGLE_READ },
	{ KEYS_ALL, '*', OP_TOGGLE_STAR },
	{ KEYS_LIST, 'n', OP_NEXT_UNREAD },
	{ KEYS_LIST, 'p', OP_PREV_UNREAD },
	{ KEYS_LIST, 'A', OP_READ_ALL },
	{ KEYS_LIST, '=', OP_FILTER_LANGS },
	{ KEYS_ALL, '!', OP_FILTER_UNREAD },
	{ KEYS_ALL, 'S', OP_FILTER_STARRED },
	{ KEYS_ALL, 'O', OP_SORT },
	{ KEYS_ALL, 'o', OP_OPEN_URL },
	{ KEYS_LIST, 'a', OP_ADD_URL },
	{ KEYS_ALL, 'R', OP_UPDATE },		{ KEYS_ALL, 'F', OP_FEEDS },
	{ KEYS_ALL, '?', OP_HELP },		{ KEYS_ALL, KEYS_F1, OP_HELP },
	{ KEYS_ALL, KEYS_CTRL('l'), OP_REDRAW },
};

static struct keys_binding	keys_table[KEYS_MAX];
static size_t			keys_n;

#define KEYS_STR(name, str, help) str,
static const char *keys_op_names[] = { KEYS_OPS(KEYS_STR) };
#undef KEYS_STR
#define KEYS_HELP(name, str, help) help,
static const char *keys_op_helps[] = { KEYS_OPS(KEYS_HELP) };
#undef KEYS_HELP

static const char *keys_contexts[] = { "all", "list", "reader", "comments" };

/* Key names: the first of a key's names is the one help shows. */
static const struct {
	int		 key;
	const char	*name;
} keys_names[] = {
	{ KEYS_UP, "Up" }, { KEYS_DOWN, "Down" }, { KEYS_LEFT, "Left" },
	{ KEYS_RIGHT, "Right" }, { KEYS_PGUP, "PgUp" }, { KEYS_PGDN, "PgDn" },
	{ KEYS_PGUP, "PageUp" }, { KEYS_PGDN, "PageDown" },
	{ KEYS_HOME, "Home" }, { KEYS_END, "End" }, { KEYS_ENTER, "Enter" },
	{ KEYS_ENTER, "Return" }, { KEYS_ESC, "Esc" }, { KEYS_ESC, "Escape" },
	{ KEYS_TAB, "Tab" }, { KEYS_BTAB, "BTab" },
	{ KEYS_BACKSPACE, "BSpace" }, { KEYS_BACKSPACE, "Backspace" },
	{ KEYS_DC, "Delete" }, { KEYS_DC, "DC" }, { KEYS_IC, "Insert" },
	{ KEYS_IC, "IC" }, { ' ', "Space" },
};

void
keys_init(void)
{
	keys_n = sizeof keys_defaults / sizeof keys_defaults[0];
	memcpy(keys_table, keys_defaults, sizeof keys_defaults);
}

static void
keys_ready(void)
{
	if (keys_n == 0)
		keys_init();
}

enum op
keys_lookup(enum keys_context ctx, int key)
{
	size_t	i;

	keys_ready();
	for (i = 0; i < keys_n; i++)
		if (keys_table[i].context == ctx && keys_table[i].key == key)
			return keys_table[i].op;
	for (i = 0; i < keys_n; i++)
		if (keys_table[i].context == KEYS_ALL && keys_table[i].key == key)
			return keys_table[i].op;
	return OP_NONE;
}

const char *
keys_name(int key, char *buf, size_t len)
{
	size_t	i;

	for (i = 0; i < sizeof keys_names / sizeof keys_names[0]; i++)
		if (keys_names[i].key == key) {
			snprintf(buf, len, "%s", keys_names[i].name);
			return buf;
		}
	if (key >= KEYS_F(1) && key <= KEYS_F(KEYS_NFKEYS))
		snprintf(buf, len, "F%d", key - KEYS_F(1) + 1);
	else if (key > 0 && key < 0x20)
		snprintf(buf, len, "C-%c", key + 0x60);
	else if (key > 0 && key < 0x110000) {
		char	u[5];

		u[utf8_encode((uint32_t)key, u)] = '\0';
		snprintf(buf, len, "%s", u);
	} else
		snprintf(buf, len, "?");
	return buf;
}

/* The key a name means, or -1. */
int
keys_parse(const char *name)
{
	const unsigned char	*u = (const unsigned char *)name;
	uint32_t		 uc;
	size_t			 i;
	char			*end;
	long			 f;

	for (i = 0; i < sizeof keys_names / sizeof keys_names[0]; i++)
		if (strcasecmp(keys_names[i].name, name) == 0)
			return keys_names[i].key;
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' &&
	    name[1] <= '9') {
		f = strtol(name + 1, &end, 10);
		if (*end == '\0' && f >= 1 && f <= KEYS_NFKEYS)
			return KEYS_F(f);
	}
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' &&
	    name[2] >= '@' && name[2] <= 'z' && name[3] == '\0')
		return KEYS_CTRL(name[2]);
	/* Any one printable character stands for itself. */
	if (u[0] > 0x20 && u[0] != 0x7f && utf8_decode(name, strlen(name),
	    &uc) == strlen(name) && uc != UTF8_BAD && uc >= 0xa0)
		return (int)uc;
	if (u[0] > 0x20 && u[0] < 0x7f && u[1] == '\0')
		return u[0];
	return -1;
}

const char *
keys_op_name(enum op op)
{
	return op < OP_COUNT ? keys_op_names[op] : "?";
}

const char *
keys_op_help(enum op op)
{
	return op < OP_COUNT ? keys_op_helps[op] : "?";
}

const char *
keys_context_name(enum keys_context ctx)
{
	return ctx < KEYS_NCONTEXTS ? keys_contexts[ctx] : "?";
}

int
keys_bind(const char *context, const char *key, const char *op,
    char **cause)
{
	size_t	i, c, o;
	int	k;

	keys_ready();
	for (c = 0; c < KEYS_NCONTEXTS; c++)
		if (strcmp(keys_contexts[c], context) == 0)
			break;
	if (c == KEYS_NCONTEXTS) {
		xasprintf(cause, "unknown key context '%s' (all, list, reader, "
		    "comments)", context);
		return -1;
	}
	if ((k = keys_parse(key)) < 0) {
		xasprintf(cause, "unknown key '%s'", key);
		return -1;
	}
	for (o = 0; o < OP_COUNT; o++)
		if (strcmp(keys_op_names[o], op) == 0)
			break;
	if (o == OP_COUNT) {
		xasprintf(cause, "unknown operation '%s'", op);
		return -1;
	}
	for (i = 0; i < keys_n; i++)
		if (keys_table[i].context == c && keys_table[i].key == k)
			break;
	if (i == keys_n) {
		if (keys_n == KEYS_MAX) {
			xasprintf(cause, "too many key bindings");
			return -1;
		}
		keys_n++;
	}
	keys_table[i].context = (enum keys_context)c;
	keys_table[i].key = k;
	keys_table[i].op = (enum op)o;
	return 0;
}

const struct keys_binding *
keys_bindings(size_t *n)
{
	keys_ready();
	*n = keys_n;
	return keys_table;
}

/* Append s to buf (of len), cutting at the end. */
static void
keys_cat(char *buf, size_t len, const char *s)
{
	size_t	o = strlen(buf);

	if (o + 1 < len)
		snprintf(buf + o, len - o, "%s", s);
}

/*
 * The keys of op into buf: each key once, with the panes it is limited
 * to in parentheses ("N (reader, comments)"), none for a key bound in
 * every pane.
 */
static void
keys_help_keys(enum op op, char *buf, size_t len)
{
	const struct keys_binding	*b;
	size_t				 n, i, j;
	char				 name[32];
	int				 first;

	buf[0] = '\0';
	b = keys_bindings(&n);
	for (i = 0; i < n; i++) {
		if (b[i].op != op)
			continue;
		for (j = 0; j < i; j++)
			if (b[j].op == op && b[j].key == b[i].key)
				break;
		if (j < i)
			continue;	/* this key was named with its panes */
		if (buf[0] != '\0')
			keys_cat(buf, len, " ");
		keys_cat(buf, len, keys_name(b[i].key, name, sizeof name));
		for (j = i; j < n; j++)
			if (b[j].op == op && b[j].key == b[i].key &&
			    b[j].context == KEYS_ALL)
				break;
		if (j < n)
			continue;	/* bound in every pane */
		first = 1;
		for (j = i; j < n; j++) {
			if (b[j].op != op || b[j].key != b[i].key)
				continue;
			keys_cat(buf, len, first ? " (" : ", ");
			keys_cat(buf, len, keys_context_name(b[j].context));
			first = 0;
		}
		keys_cat(buf, len, ")");
	}
}

/* The nine language keys as "1-9" when they are still 1 to 9. */
static void
keys_help_langs(struct keys_help *h)
{
	char	one[96], want[2] = { 0, 0 };
	int	i, plain = 1;

	h->keys[0] = '\0';
	for (i = 0; i < 9; i++) {
		keys_help_keys((enum op)(OP_LANG_1 + i), one, sizeof one);
		want[0] = (char)('1' + i);
		if (strcmp(one, want) != 0)
			plain = 0;
		if (one[0] != '\0' && h->keys[0] != '\0')
			keys_cat(h->keys, sizeof h->keys, " ");
		keys_cat(h->keys, sizeof h->keys, one);
	}
	if (plain)
		snprintf(h->keys, sizeof h->keys, "1-9");
	snprintf(h->ops, sizeof h->ops, "lang-1 ... lang-9");
	h->help = "the article's 1st ... 9th language";
}

int
keys_help_row(size_t k, struct keys_help *h)
{
	size_t	n = 0;
	int	op;

	for (op = 1; op < OP_COUNT; op++) {
		if (op > OP_LANG_1 && op <= OP_LANG_9)
			continue;
		if (op == OP_LANG_1)
			keys_help_langs(h);
		else {
			keys_help_keys((enum op)op, h->keys, sizeof h->keys);
			snprintf(h->ops, sizeof h->ops, "%s",
			    keys_op_name((enum op)op));
			h->help = keys_op_help((enum op)op);
		}
		if (h->keys[0] == '\0')
			continue;
		if (n++ == k)
			return 1;
	}
	return 0;
}
