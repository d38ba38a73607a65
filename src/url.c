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
#include <strings.h>

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

/*
 * Whether the character uc (from a host) may stay as it is: not a C1
 * control, a bidi or other invisible format control, a line separator
 * or a non-character.
 */
static int
url_host_char_ok(unsigned int uc)
{
	if (uc <= 0x9f || uc == 0xad || uc == 0x061c || uc == 0xfeff)
		return 0;
	if ((uc >= 0x200b && uc <= 0x200f) || (uc >= 0x2028 && uc <= 0x202e) ||
	    (uc >= 0x2060 && uc <= 0x206f) || (uc >= 0xfff0 && uc <= 0xffff))
		return 0;
	return 1;
}

/* Length of the valid UTF-8 character at s, its value in *uc; 0 if bad. */
static size_t
url_utf8(const unsigned char *s, unsigned int *uc)
{
	size_t		n, i;
	unsigned int	min;

	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, *uc = s[0] & 0x1f, min = 0x80;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, *uc = s[0] & 0x0f, min = 0x800;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, *uc = s[0] & 0x07, min = 0x10000;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*uc = (*uc << 6) | (s[i] & 0x3f);
	}
	if (*uc < min || *uc > 0x10ffff || (*uc >= 0xd800 && *uc <= 0xdfff))
		return 0;
	return n;
}

char *
url_for_program(const char *url, int flags, char **cause)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p = (const unsigned char *)url;
	size_t			 n, i, k, o = 0, host_end = 0;
	unsigned int		 uc;
	char			*out;
	int			 web;

	n = url_scheme_len(url);
	if (n == 0) {
		*cause = xstrdup("not a URL (no scheme such as https:)");
		return NULL;
	}
	web = (n == 4 && strncasecmp(url, "http", 4) == 0) ||
	    (n == 5 && strncasecmp(url, "https", 5) == 0);
	if (!web && (~flags & URL_ANY_SCHEME)) {
		xasprintf(cause, "only http and https URLs are opened, not "
		    "%.*s:", (int)(n > 16 ? 16 : n), url);
		return NULL;
	}
	if (web) {
		if (strncmp(url + n, "://", 3) != 0 ||
		    strchr("/?#", url[n + 3]) != NULL) {
			*cause = xstrdup("an http URL without a host");
			return NULL;
		}
		host_end = n + 3 + strcspn(url + n + 3, "/?#");
	}
	out = xmalloc(strlen(url) * 3 + 1);
	for (i = 0; p[i] != '\0'; i += k) {
		k = 1;
		if (p[i] > 0x20 && p[i] < 0x7f) {
			out[o++] = (char)p[i];
			continue;
		}
		if (p[i] >= 0x80 && i < host_end &&
		    (k = url_utf8(p + i, &uc)) != 0 && url_host_char_ok(uc)) {
			memcpy(out + o, p + i, k);
			o += k;
			continue;
		}
		if (k == 0)
			k = 1;
		for (; k > 0; k--, i++) {
			out[o++] = '%';
			out[o++] = hex[p[i] >> 4];
			out[o++] = hex[p[i] & 0xf];
		}
	}
	out[o] = '\0';
	return out;
}
