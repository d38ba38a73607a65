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
	{ "HTTP://Example.COM:80/a#x", "http://example.com/a",
	    "scheme and host lowered, port 80 and fragment dropped" },
	{ "https://example.com:443/a", "https://example.com/a",
	    "https drops 443" },
	{ "https://example.com:80/a", "https://example.com:80/a",
	    "https keeps 80" },
	{ "http://example.com:443/a", "http://example.com:443/a",
	    "http keeps 443" },
	{ "http://example.com:8080/a", "http://example.com:8080/a",
	    "another port stays" },
	{ "http://example.com:/a", "http://example.com/a",
	    "an empty port goes" },
	{ "https://example.com/A/B?Q=1&r=X#frag",
	    "https://example.com/A/B?Q=1&r=X",
	    "path and query keep their case; the query stays" },
	{ "https://example.com?q=1", "https://example.com/?q=1",
	    "an empty path before a query becomes /" },
	{ "https://Example.com", "https://example.com/",
	    "an empty path becomes /" },
	{ "https://example.com#top", "https://example.com/",
	    "and before a fragment" },
	{ "https://example.com/%7Ea%2f", "https://example.com/%7Ea%2f",
	    "percent-encoding in the path left as is" },
	{ "https://EX.%C3%A9.com/", "https://ex.%C3%A9.com/",
	    "percent-encoding in the host keeps its digits" },
	{ "https://B\xc3\xbc" "cher.DE/", "https://b\xc3\xbc" "cher.de/",
	    "an IDN host: ASCII lowered, the rest as is" },
	{ "https://xn--bcher-KVA.de/", "https://xn--bcher-kva.de/",
	    "punycode is ASCII" },
	{ "https://User:PW@Example.com:443/", "https://User:PW@example.com/",
	    "user information keeps its case" },
	{ "http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a",
	    "an IPv6 literal, its colons not a port" },
	{ "http://[2001:db8::1]/a", "http://[2001:db8::1]/a",
	    "an IPv6 literal without a port" },
	{ "FTP://Example.com:21/f", "ftp://example.com:21/f",
	    "other schemes: no default port known" },
	{ "mailto:Someone@Example.com", "mailto:Someone@Example.com",
	    "no authority: only the scheme lowered" },
	{ "example.com/a#b", "example.com/a", "no scheme: the fragment goes" },
	{ "1http://x/", "1http://x/", "not a scheme: starts with a digit" },
	{ "", "", "empty" },
	{ "#", "", "a bare fragment" },
};

int
main(void)
{
	size_t	 i;
	char	*s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = url_normalize(cases[i].in);
		is_str(s, cases[i].want, "%s", cases[i].why);
		free(s);
	}
	return tap_done();
}
