/*
 * fuzz-align.c: align_paragraphs() on random paragraph lists.
 * Input: a byte choosing the two language tags, a byte giving how many
 * of the paragraphs are on side a, then paragraphs separated by 0xff.
 * The pairs must cover both sides completely and in order, each with
 * 0..3 paragraphs a side and not 0-0, confidences in 0..1.
 */
#include "config.h"

#include <stdlib.h>

#include "align.h"
#include "fuzz.h"

#define FUZZ_ALIGN_MAXPARAS	200

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const tags[] = { "ko", "en", "zh-Hans", "ja",
	    "fr_FR", "ar", "xx", NULL };
	struct fuzz_input	 in = { data, size };
	static struct span paras[FUZZ_ALIGN_MAXPARAS];
	struct article_pair	*pairs = NULL;
	size_t			 npairs = 0, na, n = 0, i;
	int			 t, a = 0, b = 0;
	double			 conf = -1;
	const char		*ta, *tb;

	t = (int)fuzz_byte(&in);
	ta = tags[t % 8];
	tb = tags[(t >> 3) % 8];
	na = fuzz_byte(&in);
	while (in.n > 0 && n < FUZZ_ALIGN_MAXPARAS)
		paras[n].text = fuzz_chunk(&in, &paras[n].len), n++;
	if (na > n)
		na = n;

	if (align_paragraphs(ta, paras, na, tb, paras + na, n - na, &pairs,
	    &npairs, &conf) != 0)
		fuzz_fail("align_paragraphs failed");
	fuzz_assert(conf >= 0 && conf <= 1);
	fuzz_assert((npairs == 0) == (n == 0));
	for (i = 0; i < npairs; i++) {
		fuzz_assert(pairs[i].a_first == a && pairs[i].b_first == b);
		fuzz_assert(pairs[i].a_count >= 0 && pairs[i].a_count <= 3);
		fuzz_assert(pairs[i].b_count >= 0 && pairs[i].b_count <= 3);
		fuzz_assert(pairs[i].a_count + pairs[i].b_count > 0);
		fuzz_assert(pairs[i].confidence >= 0 &&
		    pairs[i].confidence <= 1);
		fuzz_assert(pairs[i].manual == 0);
		a += pairs[i].a_count;
		b += pairs[i].b_count;
	}
	fuzz_assert((size_t)a == na && (size_t)b == n - na);
	fuzz_assert(align_pairs_valid(pairs, npairs, na, n - na));
	free(pairs);
	return 0;
}
