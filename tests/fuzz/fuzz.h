/*
 * fuzz.h: what the fuzz targets under tests/fuzz/ share.
 *
 * Each fuzz-*.c defines LLVMFuzzerTestOneInput() for one parser or layout
 * stage of outside input.  With ./configure --enable-fuzzing they link
 * against libFuzzer (clang, ASan, UBSan); in every build replay.c links
 * them into a unit test that runs the seed corpus and the regression
 * files, so whatever fuzzing once found stays fixed.  A broken invariant
 * calls fuzz_fail(), which aborts: libFuzzer saves the input, the replay
 * test fails.
 */
#ifndef TANDEM_FUZZ_H
#define TANDEM_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define fuzz_fail(...) do {						\
	fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);			\
	fprintf(stderr, __VA_ARGS__);					\
	fputc('\n', stderr);						\
	abort();							\
} while (0)

#define fuzz_assert(c) do {						\
	if (!(c))							\
		fuzz_fail("assertion failed: %s", #c);			\
} while (0)

/*
 * A cursor over the fuzzer's bytes: targets that need numbers as well
 * as text take them from the front of the input.
 */
struct fuzz_input {
	const uint8_t	*p;
	size_t		 n;
};

static inline unsigned
fuzz_byte(struct fuzz_input *in)
{
	unsigned	c;

	if (in->n == 0)
		return 0;
	c = *in->p++;
	in->n--;
	return c;
}

/* The next chunk of text: up to the next 0xff byte, or the rest. */
static inline const char *
fuzz_chunk(struct fuzz_input *in, size_t *len)
{
	const char	*s = (const char *)in->p;
	size_t		 i;

	for (i = 0; i < in->n && in->p[i] != 0xff; i++)
		;
	*len = i;
	in->p += i < in->n ? i + 1 : i;
	in->n -= i < in->n ? i + 1 : i;
	return s;
}

#endif
