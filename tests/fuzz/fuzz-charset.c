/*
 * fuzz-charset.c: charset_to_utf8() on any bytes with any hints.  The
 * first byte, when there is one, picks an override and an HTTP charset
 * from small lists (NULL among them), so every step of the order is
 * reached.  The output must be valid UTF-8 without NUL, NUL-terminated,
 * at most about 4 bytes per input byte, and name an encoding; the
 * declaration sniffer must not read past its input either.
 */
#include "config.h"

#include <string.h>

#include <unistr.h>

#include "charset.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const labels[] = { NULL, "euc-kr", "shift_jis",
	    "utf-16le", "utf-8", "no-such-charset", "iso-2022-jp", "gb18030",
	    "big5", "windows-1252", "utf-32be", "euc-jp" };
	const size_t		 nlabels = sizeof labels / sizeof labels[0];
	struct charset_hint	 hint = { NULL, NULL };
	struct charset_result	 r;
	const char		*in = (const char *)data, *s;
	char			*cause = NULL, *w;
	size_t			 n = size;

	if (n > 0) {
		hint.override = labels[(data[0] & 0x0f) % nlabels];
		if (hint.override != NULL &&
		    strcmp(hint.override, "no-such-charset") == 0)
			hint.override = NULL;
		hint.http = labels[(data[0] >> 4) % nlabels];
		in++;
		n--;
	}
	if ((s = charset_sniff(in, n)) != NULL)
		fuzz_assert(charset_name(s) != NULL);
	if (charset_to_utf8(in, n, &hint, &r, &cause) != 0)
		fuzz_fail("charset_to_utf8 failed: %s", cause);
	fuzz_assert(r.text[r.len] == '\0');
	fuzz_assert(memchr(r.text, '\0', r.len) == NULL);
	fuzz_assert(u8_check((const uint8_t *)r.text, r.len) == NULL);
	fuzz_assert(r.len <= 4 * n + 64);
	fuzz_assert(r.name != NULL && charset_name(r.name) != NULL);
	fuzz_assert(r.invalid <= n);
	w = charset_warning(&r);
	fuzz_assert((w == NULL) == (r.invalid == 0));
	free(w);
	free(r.text);
	return 0;
}
