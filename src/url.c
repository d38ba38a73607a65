/*
 * url.c: the normal form under which tandem compares URLs.
 *
 * Only what RFC 3986 (section 6.2.2 and 6.2.3) calls equivalent without
 * knowing the site: case of scheme and host, a default port, an empty
 * path.  The fragment goes because it names a place in the page, not
 * another page.  Percent-encoding is not decoded and IDNs are not
 * converted to punycode: either would take a table or a library, and a
 * site gives one page the same spelling from one day to the next.
 */
#include "config.h"

#include <string.h>

#include "url.h"
#include "xmalloc.h"

static int
url_lower(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

static int
url_alpha(int ch)
{
	ch = url_lower(ch);
	return ch >= 'a' && ch <= 'z';
}

/* Length of the scheme before its ':', or 0 if url has none. */
static size_t
url_scheme_len(const char *url)
{
	size_t	i;

	if (!url_alpha((unsigned char)url[0]))
		return 0;
	for (i = 1; url[i] != '\0' && url[i] != ':'; i++) {
		if (!url_alpha((unsigned char)url[i]) &&
		    strchr("0123456789+-.", url[i]) == NULL)
			return 0;
	}
	return url[i] == ':' ? i : 0;
}

/*
 * Copy the authority a[0..n) to out in normal form: the host lowered
 * (but the two digits after a '%'), a default or empty port dropped.
 */
static char *
url_authority(char *out, const char *a, size_t n, const char *port)
{
	const char	*host, *colon = NULL;
	size_t		 i;

	host = a;
	for (i = 0; i < n; i++) {
		if (a[i] == '@')
			host = a + i + 1;
	}
	for (i = (size_t)(host - a); i < n; i++) {
		if (a[i] == ']')
			colon = NULL;		/* inside an IPv6 literal */
		else if (a[i] == ':')
			colon = a + i;
	}
	if (colon != NULL && (colon + 1 == a + n || (port != NULL &&
	    (size_t)(a + n - colon - 1) == strlen(port) &&
	    memcmp(colon + 1, port, strlen(port)) == 0)))
		n = (size_t)(colon - a);
	for (i = 0; i < n; i++) {
		if (a + i < host)
			*out++ = a[i];
		else if (a[i] == '%' && i + 2 < n) {
			memcpy(out, a + i, 3);
			out += 3;
			i += 2;
		} else
			*out++ = (char)url_lower((unsigned char)a[i]);
	}
	return out;
}

char *
url_normalize(const char *url)
{
	const char	*p, *port = NULL;
	char		*s, *out;
	size_t		 i, n, len;
	int		 web;

	len = strcspn(url, "#");
	s = out = xmalloc(len + 2);	/* + the '/' of an empty path */
	n = url_scheme_len(url);
	for (i = 0; i < n; i++)
		*out++ = (char)url_lower((unsigned char)url[i]);
	p = url + n;
	if (n != 0 && strncmp(p, "://", 3) == 0) {
		memcpy(out, "://", 3);
		out += 3;
		p += 3;
		web = (n == 4 && strncmp(s, "http", 4) == 0) ||
		    (n == 5 && strncmp(s, "https", 5) == 0);
		if (web)
			port = n == 4 ? "80" : "443";
		i = strcspn(p, "/?#");
		out = url_authority(out, p, i, port);
		p += i;
		if (web && (*p == '\0' || *p == '?' || *p == '#'))
			*out++ = '/';
	}
	i = (size_t)(url + len - p);
	memcpy(out, p, i);
	out[i] = '\0';
	return s;
}
