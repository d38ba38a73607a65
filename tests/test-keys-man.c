/*
 * test-keys-man.c: the key table (keys.c) is the one source of every key
 * list: the man page's KEYS section documents every bound key and every
 * operation name, its key table is the summary generated from the table
 * (`make update-keys` rewrites it: test-keys-man --write MANPAGE), the
 * README's Keys section names every key, and `tandem --help` prints the
 * same summary as the ? screen.  So a new binding cannot ship
 * undocumented, and no two of them can disagree.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "keys.h"
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

#define TABLE_BEGIN ".\\\" BEGIN KEY TABLE"
#define TABLE_END ".\\\" END KEY TABLE"

/* Append s to *buf, as roff text (backslash and minus escaped). */
static void
roff_cat(char **buf, size_t *len, const char *s, int escape)
{
	size_t	n = strlen(s);

	*buf = xrealloc(*buf, *len + n * 2 + 1);
	for (; *s != '\0'; s++) {
		if (escape && *s == '\\') {
			(*buf)[(*len)++] = '\\';
			(*buf)[(*len)++] = 'e';
			continue;
		}
		if (escape && *s == '-')
			(*buf)[(*len)++] = '\\';
		(*buf)[(*len)++] = *s;
	}
	(*buf)[*len] = '\0';
}

/* The man page's key table, generated from the key summary. */
static char *
man_table(void)
{
	struct keys_help	 h;
	size_t			 k, len = 0;
	char			*buf = xstrdup("");

	roff_cat(&buf, &len, TABLE_BEGIN ": make update-keys writes it from "
	    "src/keys.c\n", 0);
	for (k = 0; keys_help_row(k, &h); k++) {
		roff_cat(&buf, &len, ".TP\n.B \"", 0);
		roff_cat(&buf, &len, h.keys, 1);
		roff_cat(&buf, &len, "\"\n", 0);
		roff_cat(&buf, &len, h.help, 1);
		roff_cat(&buf, &len, "\n.RB ( ", 0);
		roff_cat(&buf, &len, h.ops, 1);
		roff_cat(&buf, &len, " ).\n", 0);
	}
	roff_cat(&buf, &len, TABLE_END "\n", 0);
	return buf;
}

/* The generated table in page, from its first line to after its last. */
static int
man_table_find(char *page, char **start, char **end)
{
	*start = strstr(page, TABLE_BEGIN);
	*end = *start ? strstr(*start, TABLE_END) : NULL;
	if (*end == NULL || (*end = strchr(*end, '\n')) == NULL)
		return -1;
	(*end)++;
	return 0;
}

/* --write PATH: put the generated table into the man page at PATH. */
static int
man_write(const char *path)
{
	char	*page, *start, *end, *table;
	FILE	*f;

	if ((page = test_slurp(path, NULL)) == NULL ||
	    man_table_find(page, &start, &end) != 0) {
		fprintf(stderr, "%s: no key table markers\n", path);
		return 1;
	}
	table = man_table();
	if ((f = fopen(path, "w")) == NULL)
		return 1;
	fprintf(f, "%.*s%s%s", (int)(start - page), page, table, end);
	fclose(f);
	free(table);
	free(page);
	return 0;
}

static void
test_man_table(void)
{
	char	*page, *start, *end, *table;

	if ((page = test_slurp(MANPAGE, NULL)) == NULL)
		return;
	table = man_table();
	if (ok(man_table_find(page, &start, &end) == 0, "man page has a "
	    "generated key table")) {
		*end = '\0';
		if (!ok(strcmp(start, table) == 0, "the man page's key table is "
		    "the key table's (make update-keys rewrites it)"))
			diag("want:\n%s", table);
	}
	free(table);
	free(page);
}

/* Each key of a summary row ("N (reader, comments)" gives N), by f. */
static void
row_keys(const struct keys_help *h, void (*f)(const char *, void *),
    void *arg)
{
	char	 keys[sizeof h->keys], *p, *word;
	int	 paren = 0;

	snprintf(keys, sizeof keys, "%s", h->keys);
	for (p = keys; (word = strsep(&p, " ")) != NULL;) {
		if (*word == '(')
			paren = 1;
		if (!paren && *word != '\0')
			f(word, arg);
		if (strchr(word, ')') != NULL)
			paren = 0;
	}
}

/* Whether word stands alone (between blanks or punctuation) in text. */
static int
has_word(const char *text, const char *word)
{
	const char	*p = text;
	size_t		 n = strlen(word);

	while ((p = strstr(p, word)) != NULL) {
		if ((p == text || strchr(" \t\n,;(", p[-1]) != NULL) &&
		    (p[n] == '\0' || strchr(" \t\n,;)", p[n]) != NULL))
			return 1;
		p++;
	}
	return 0;
}

static void
readme_key(const char *key, void *arg)
{
	ok(has_word(arg, key), "README's Keys names %s", key);
}

static void
test_readme(void)
{
	struct keys_help	 h;
	char			*readme, *keys, *end;
	size_t			 k;

	readme = test_slurp(README, NULL);
	if (!ok(readme != NULL, "README readable"))
		return;
	keys = strstr(readme, "\nKeys\n----\n");
	end = keys ? strstr(keys + 10, "\n----") : NULL;
	if (!ok(keys != NULL && end != NULL, "README has Keys"))
		return;
	*end = '\0';
	for (k = 0; keys_help_row(k, &h); k++)
		row_keys(&h, readme_key, keys);
	free(readme);
}

/* tandem --help prints every row of the summary, keys and text. */
static void
test_usage(void)
{
	struct keys_help	 h;
	const char		*bin = getenv("TANDEM");
	char			*cmd, buf[32768];
	size_t			 n, k;
	FILE			*p;

	if (!ok(bin != NULL, "TANDEM names the binary (make check sets it)"))
		return;
	xasprintf(&cmd, "'%s' --help", bin);
	p = popen(cmd, "r");
	n = p ? fread(buf, 1, sizeof buf - 1, p) : 0;
	buf[n] = '\0';
	if (p != NULL)
		pclose(p);
	free(cmd);
	for (k = 0; keys_help_row(k, &h); k++)
		ok(strstr(buf, h.keys) != NULL && strstr(buf, h.help) != NULL,
		    "--help: %s  %s", h.keys, h.help);
	ok(strstr(buf, CMD_LIST_COLUMNS) != NULL, "--help names the list's "
	    "columns as cmd.h does");
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--write") == 0)
		return man_write(argv[2]);
	test_man();
	test_man_table();
	test_readme();
	test_usage();
	return tap_done();
}
