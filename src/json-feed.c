/*
 * json-feed.c: JSON Feed 1.0 and 1.1 (https://jsonfeed.org) on jansson.
 */
#include "config.h"

#include <string.h>

#include <jansson.h>

#include "feed-int.h"
#include "xmalloc.h"

int
json_feed_sniff(const char *s, size_t n)
{
	size_t	i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
	    s[i] == '\r'))
		i++;
	if (i == n || s[i] != '{')
		return 0;
	return memmem(s, n > 4096 ? 4096 : n, "jsonfeed.org/version/", 21) !=
	    NULL;
}

int
json_feed_parse(const char *text, size_t len, const char *url,
    const struct feed_handler *h, char **cause)
{
	(void)text; (void)len; (void)h;
	xasprintf(cause, "%s: JSON Feed is not read yet", url);
	return -1;
}
