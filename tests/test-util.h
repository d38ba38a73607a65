/*
 * test-util.h: small helpers the C unit tests share (static, like tap.h,
 * so each test stays one translation unit).
 */
#ifndef TANDEM_TEST_UTIL_H
#define TANDEM_TEST_UTIL_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "xmalloc.h"

/* The whole file, NUL-terminated, or NULL if it cannot be read. */
__attribute__((unused)) static char *
test_slurp(const char *path, size_t *lenp)
{
	FILE	*f;
	char	*buf;
	long	 n;
	size_t	 len;

	if (lenp != NULL)
		*lenp = 0;
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)(n > 0 ? n : 0) + 1);
	len = n > 0 ? fread(buf, 1, (size_t)n, f) : 0;
	buf[len] = '\0';
	fclose(f);
	if (lenp != NULL)
		*lenp = len;
	return buf;
}

/*
 * Make the test's directory from template (".../name-XXXXXX", filled in
 * place); NULL, with the reason on stderr, if it cannot be made.
 */
__attribute__((unused)) static char *
test_tmpdir_make(char *template)
{
	char	*dir;

	if ((dir = mkdtemp(template)) == NULL)
		perror("mkdtemp");
	return dir;
}

/* Remove dir and all under it; a failure is only worth a diag line. */
__attribute__((unused)) static void
test_tmpdir_remove(const char *dir)
{
	char	*cmd;

	xasprintf(&cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		diag("could not remove %s", dir);
	free(cmd);
}

/*
 * A record: what a parser's callbacks were handed, as lines of text, so
 * that a test compares it whole with the record it expects.  stop_at
 * makes the callback fail on that item (1-based; 0 never), entries
 * counts the items so far.  s is NULL until the first test_rec_add();
 * the caller frees it.
 */
struct test_rec {
	char	*s;
	size_t	 len;
	int	 stop_at;
	int	 entries;
};

/* Append a printf-formatted piece to the record. */
__attribute__((format(printf, 2, 3), unused)) static void
test_rec_add(struct test_rec *r, const char *fmt, ...)
{
	va_list	 ap;
	char	*line;
	size_t	 n;

	va_start(ap, fmt);
	xvasprintf(&line, fmt, ap);
	va_end(ap);
	n = strlen(line);
	r->s = xrealloc(r->s, r->len + n + 1);
	memcpy(r->s + r->len, line, n + 1);
	r->len += n;
	free(line);
}

/* " name=v" on a line of its own; nothing when v is NULL. */
__attribute__((unused)) static void
test_rec_str(struct test_rec *r, const char *name, const char *v)
{
	if (v != NULL)
		test_rec_add(r, " %s=%s\n", name, v);
}

#endif
