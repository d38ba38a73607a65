/*
 * langid-classify.c: tandem's langid_guess() for tests/bench/langid-bench.
 * One text per input line, "TAG CONFIDENCE" per output line.  Built by
 * `make tests/bench/langid-classify` against libtandem.a; not a test.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "langid.h"

int
main(void)
{
	struct langid_result	 r;
	char			*line = NULL;
	size_t			 size = 0;
	ssize_t			 len;

	while ((len = getline(&line, &size, stdin)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			len--;
		langid_guess(line, len, &r);
		printf("%s %.3f\n", r.tag, r.confidence);
	}
	free(line);
	return 0;
}
