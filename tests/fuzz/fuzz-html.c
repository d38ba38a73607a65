/*
 * fuzz-html.c: any bytes through charset_to_utf8() and html_parse(), as
 * a web import will see them.  Every string of the page must be valid
 * UTF-8 without NUL, every paragraph non-empty, and the page must not
 * hold more than about 8 bytes of text per input byte; sniff_format()
 * must answer for the same bytes.
 */
#include "config.h"

#include <string.h>

#include <unistr.h>

#include "charset.h"
#include "html.h"
#include "sniff.h"
#include "fuzz.h"

static size_t
check_str(const char *s, int may_be_null)
{
	size_t	n;

	if (s == NULL) {
		fuzz_assert(may_be_null);
		return 0;
	}
	n = strlen(s);
	fuzz_assert(u8_check((const uint8_t *)s, n) == NULL);
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct charset_result	 r;
	struct html_page	*pg;
	char			*cause = NULL;
	size_t			 i, total = 0;

	(void)sniff_format((const char *)data, size);
	if (charset_to_utf8((const char *)data, size, NULL, &r, &cause) != 0)
		fuzz_fail("charset_to_utf8 failed: %s", cause);
	if (html_parse(r.text, r.len, "https://site.test/a/b", &pg,
	    &cause) != 0) {
		fuzz_assert(cause != NULL && *cause != '\0');
		free(cause);
		free(r.text);
		return 0;
	}
	total += check_str(pg->title, 1) + check_str(pg->title_suffix, 1) +
	    check_str(pg->site_name, 1) + check_str(pg->lang, 1) +
	    check_str(pg->canonical, 1) + check_str(pg->author, 1) +
	    check_str(pg->date, 1) + check_str(pg->x_default, 1) +
	    check_str(pg->lang_found, 0);
	for (i = 0; i < pg->nalternates; i++)
		total += check_str(pg->alternates[i].lang, 0) +
		    check_str(pg->alternates[i].url, 0);
	for (i = 0; i < pg->nparas; i++) {
		fuzz_assert(pg->paras[i].len > 0);
		fuzz_assert(strlen(pg->paras[i].text) == pg->paras[i].len);
		total += check_str(pg->paras[i].text, 0);
	}
	fuzz_assert(total <= 8 * size + 4096);
	html_page_free(pg);
	free(r.text);
	return 0;
}
