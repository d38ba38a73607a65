/*
 * test-keys-man.c: the man page's KEYS section checked against the key
 * table: every bound key and every operation name must be documented, so
 * a new binding cannot ship undocumented.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

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

int
main(void)
{
	test_man();
	return tap_done();
}
