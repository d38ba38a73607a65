/*
 * fuzz-langid.c: language identification on any bytes.  The answer must
 * be a short NUL-terminated tag: a primary subtag of lowercase letters
 * (or "und"), perhaps a script subtag ("zh-Hant"), and a confidence in
 * 0..1; "und" has confidence 0.  The first byte, when the input is long
 * enough, picks a candidate list for langid_guess_among(), whose answer
 * must be one of them (or a script of one: zh-Hant for zh).
 */
#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "langid.h"

static void
fuzz_langid_check(const struct langid_result *r)
{
	size_t	i, n, p;

	n = strnlen(r->tag, sizeof r->tag);
	fuzz_assert(n >= 2 && n < sizeof r->tag);
	for (p = 0; p < n && r->tag[p] != '-'; p++)
		fuzz_assert(r->tag[p] >= 'a' && r->tag[p] <= 'z');
	fuzz_assert(p == 2 || p == 3);
	if (p < n) {		/* "-Hans": a script, Titlecase */
		fuzz_assert(n == p + 5);
		fuzz_assert(r->tag[p + 1] >= 'A' && r->tag[p + 1] <= 'Z');
		for (i = p + 2; i < n; i++)
			fuzz_assert(r->tag[i] >= 'a' && r->tag[i] <= 'z');
	}
	fuzz_assert(r->confidence >= 0 && r->confidence <= 1);
	if (strcmp(r->tag, "und") == 0)
		fuzz_assert(r->confidence == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const cands[] = { "ko", "en", "ja", "zh", "fr",
	    "de", "ru", "uk", "ar", "xx" };
	struct langid_result	r;
	size_t			first, n;

	langid_guess((const char *)data, size, &r);
	fuzz_langid_check(&r);
	if (size > 0) {
		first = data[0] % 10;
		n = (data[0] >> 4) % (10 - first + 1);
		langid_guess_among((const char *)data + 1, size - 1,
		    cands + first, n, &r);
		fuzz_langid_check(&r);
		if (strcmp(r.tag, "und") != 0) {
			size_t	i;

			/* "zh" allows either script: zh-Hans, zh-Hant. */
			for (i = 0; i < n; i++)
				if (strcmp(r.tag, cands[first + i]) == 0 ||
				    (strncmp(r.tag, cands[first + i], 2) == 0 &&
				    r.tag[2] == '-'))
					break;
			if (i == n)
				fuzz_fail("%s is not a candidate", r.tag);
		}
	}
	return 0;
}
