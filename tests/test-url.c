/* test-url.c: url_normalize(), as a table of URL in, normal form out. */
#include "config.h"

#include <stdlib.h>

#include "tap.h"
#include "url.h"

static const struct {
	const char	*in;
	const char	*want;
	const char	*why;
} cases[] = {
	{ "HTTP://Example.TEST:80/a#x", "http://example.test/a",
	    "scheme and host lowered, port 80 and fragment dropped" },
	{ "https://example.test:443/a", "https://example.test/a",
	    "https drops 443" },
	{ "https://example.test:80/a", "https://example.test:80/a",
	    "https keeps 80" },
	{ "http://example.test:443/a", "http://example.test:443/a",
	    "http keeps 443" },
	{ "http://example.test:8080/a", "http://example.test:8080/a",
	    "another port stays" },
	{ "http://example.test:/a", "http://example.test/a",
	    "an empty port goes" },
	{ "https://example.test/A/B?Q=1&r=X#frag",
	    "https://example.test/A/B?Q=1&r=X",
	    "path and query keep their case; the query stays" },
	{ "https://example.test?q=1", "https://example.test/?q=1",
	    "an empty path before a query becomes /" },
	{ "https://Example.test", "https://example.test/",
	    "an empty path becomes /" },
	{ "https://example.test#top", "https://example.test/",
	    "and before a fragment" },
	{ "https://example.test/%7Ea%2f", "https://example.test/%7Ea%2f",
	    "percent-encoding in the path left as is" },
	{ "https://EX.%C3%A9.test/", "https://ex.%C3%A9.test/",
	    "percent-encoding in the host keeps its digits" },
	{ "https://B\xc3\xbc" "cher.DE.test/", "https://b\xc3\xbc" "cher.de.test/",
	    "an IDN host: ASCII lowered, the rest as is" },
	{ "https://xn--bcher-KVA.de.test/", "https://xn--bcher-kva.de.test/",
	    "punycode is ASCII" },
	{ "https://User:PW@Example.test:443/", "https://User:PW@example.test/",
	    "user information keeps its case" },
	{ "http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a",
	    "an IPv6 literal, its colons not a port" },
	{ "http://[2001:db8::1]/a", "http://[2001:db8::1]/a",
	    "an IPv6 literal without a port" },
	{ "FTP://Example.test:21/f", "ftp://example.test:21/f",
	    "other schemes: no default port known" },
	{ "mailto:Someone@Example.test", "mailto:Someone@Example.test",
	    "no authority: only the scheme lowered" },
	{ "example.test/a#b", "example.test/a", "no scheme: the fragment goes" },
	{ "1http://x/", "1http://x/", "not a scheme: starts with a digit" },
	{ "", "", "empty" },
	{ "#", "", "a bare fragment" },
};

/* url_for_program(): the argument handed to a browser, or NULL. */
static const struct {
	const char	*in;
	int		 flags;
	const char	*want;		/* NULL: refused */
	const char	*why;
} progs[] = {
	{ "https://example.test/a?b=c#d", 0, "https://example.test/a?b=c#d",
	    "a plain https URL passes unchanged" },
	{ "HTTP://example.test/", 0, "HTTP://example.test/",
	    "the scheme's case does not matter" },
	{ "--gpu-launcher=touch pwned", 0, NULL,
	    "an option for the browser is not a URL" },
	{ "-https://example.test/", 0, NULL, "a leading '-' is refused" },
	{ "-x:y", URL_ANY_SCHEME, NULL, "even with any scheme allowed" },
	{ "file:///etc/passwd", 0, NULL, "file: is refused" },
	{ "javascript:alert(1)", 0, NULL, "javascript: is refused" },
	{ "JavaScript:alert(1)", 0, NULL, "in any case" },
	{ "file:///tmp/a b", URL_ANY_SCHEME, "file:///tmp/a%20b",
	    "other schemes when asked for, encoded the same way" },
	{ "https:/example.test/", 0, NULL, "https without // is refused" },
	{ "https:///path", 0, NULL, "https without a host is refused" },
	{ "https://example.test/a b", 0, "https://example.test/a%20b",
	    "a space is encoded" },
	{ "https://example.test/\033]0;x\007", 0,
	    "https://example.test/%1B]0;x%07", "ESC and BEL are encoded" },
	{ "https://example.test/\xc2\x9b" "31m", 0,
	    "https://example.test/%C2%9B31m", "a C1 CSI is encoded" },
	{ "https://example.test/\x9b" "1m", 0, "https://example.test/%9B1m",
	    "a raw 0x9b byte is encoded" },
	{ "https://example.test/a\nb\rc\x7f", 0,
	    "https://example.test/a%0Ab%0Dc%7F", "LF, CR and DEL are encoded" },
	{ "https://example.test/\xe2\x80\xa8", 0,
	    "https://example.test/%E2%80%A8", "U+2028 in the path is encoded" },
	{ "https://example.test/caf\xc3\xa9" "", 0,
	    "https://example.test/caf%C3%A9", "non-ASCII in the path is encoded" },
	{ "https://b\xc3\xbc" "cher.de.test/x", 0,
	    "https://b\xc3\xbc" "cher.de.test/x", "an IDN host is left alone" },
	{ "https://ex\xe2\x80\xae" "ample.test/", 0,
	    "https://ex%E2%80%AEample.test/", "a bidi override in a host is not" },
	{ "https://ex\xc2\x85" "a.test/", 0, "https://ex%C2%85a.test/",
	    "nor a NEL in a host" },
	{ "https://ex\xff" "a.test/", 0, "https://ex%FFa.test/",
	    "invalid UTF-8 in a host is encoded" },
	{ "", 0, NULL, "empty" },
	{ "example.test", 0, NULL, "no scheme" },
};

int
main(void)
{
	size_t	 i;
	char	*s, *cause;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = url_normalize(cases[i].in);
		is_str(s, cases[i].want, "%s", cases[i].why);
		free(s);
	}
	for (i = 0; i < sizeof progs / sizeof progs[0]; i++) {
		cause = NULL;
		s = url_for_program(progs[i].in, progs[i].flags, &cause);
		if (progs[i].want == NULL)
			ok(s == NULL && cause != NULL && *cause != '\0', "%s",
			    progs[i].why);
		else
			is_str(s, progs[i].want, "%s", progs[i].why);
		free(s);
		free(cause);
	}
	cause = NULL;
	s = url_for_program("file:///etc/passwd", 0, &cause);
	is_str(cause, "only http and https URLs are opened, not file:",
	    "the refusal names the scheme");
	free(cause);
	return tap_done();
}
