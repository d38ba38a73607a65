/*
 * test-util.h: small helpers the C unit tests share (static, like tap.h,
 * so each test stays one translation unit).
 */
#ifndef TANDEM_TEST_UTIL_H
#define TANDEM_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>

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

#endif
