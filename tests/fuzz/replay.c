/*
 * replay.c: a fuzz target as a unit test.  Linked with one fuzz-*.c, it
 * feeds the target every file of tests/fuzz/corpus/TARGET (the seeds)
 * and tests/fuzz/regress/TARGET (inputs that once broke something, each
 * named for what it broke) and prints one TAP line per file.  A broken
 * invariant aborts, which the TAP driver reports as an error.  Any
 * arguments are replayed instead (files, e.g. a crash libFuzzer saved).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "tap.h"

static char *
replay_read(const char *path, size_t *len)
{
	FILE	*f;
	char	*buf = NULL;
	size_t	 cap = 0, n;

	*len = 0;
	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	for (;;) {
		if (*len == cap) {
			cap = cap ? cap * 2 : 4096;
			if ((buf = realloc(buf, cap)) == NULL)
				abort();
		}
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
		if (n == 0)
			break;
	}
	fclose(f);
	return buf;
}

static void
replay_file(const char *path)
{
	char	*buf;
	size_t	 len;

	if ((buf = replay_read(path, &len)) == NULL) {
		ok(0, "%s: %s", path, strerror(errno));
		return;
	}
	/* The fuzzer never passes NULL; an exact-size copy lets ASan see
	   reads past the end. */
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	ok(1, "%s", path);
}

static int
replay_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file of dir, in name order. */
static void
replay_dir(const char *dir)
{
	DIR		 *d;
	struct dirent	 *de;
	char		**names = NULL;
	size_t		  n = 0, i;

	if ((d = opendir(dir)) == NULL) {
		ok(0, "%s: %s", dir, strerror(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if ((names = realloc(names, (n + 1) * sizeof *names)) == NULL)
			abort();
		if (asprintf(&names[n++], "%s/%s", dir, de->d_name) == -1)
			abort();
	}
	closedir(d);
	qsort(names, n, sizeof *names, replay_cmp);
	for (i = 0; i < n; i++) {
		replay_file(names[i]);
		free(names[i]);
	}
	free(names);
}

int
main(int argc, char **argv)
{
	struct stat	sb;
	int		i;

	if (argc > 1) {
		for (i = 1; i < argc; i++)
			replay_file(argv[i]);
		return tap_done();
	}
	replay_dir(FUZZ_DIR "/corpus/" FUZZ_TARGET);
	if (stat(FUZZ_DIR "/regress/" FUZZ_TARGET, &sb) == 0)
		replay_dir(FUZZ_DIR "/regress/" FUZZ_TARGET);
	/* The empty input, which no corpus file can be. */
	LLVMFuzzerTestOneInput((const uint8_t *)"", 0);
	ok(1, "empty input");
	return tap_done();
}
