/*
 * fetch-int.h: what fetch.c and fetch-multi.c share, curl types and all.
 *
 * Only fetch*.c include it (tests/layering.sh: curl has one home).  One
 * request (fetch_url) and many at once (fetch-multi.c) set their easy
 * handles up the same way, with the same callbacks and the same texts
 * for failures, so the rules of fetch.h hold for both.
 */
#ifndef TANDEM_FETCH_INT_H
#define TANDEM_FETCH_INT_H

#include <stddef.h>

#include <curl/curl.h>

#include "fetch.h"

#define FETCH_USER_AGENT "tandem/" PACKAGE_VERSION " (+man tandem)"
#define FETCH_ACCEPT "Accept: text/html,application/xhtml+xml," \
	"application/xml;q=0.9,*/*;q=0.8"

/* One transfer's state, shared with curl's callbacks. */
struct fetch_state {
	char	*body;
	size_t	 len, cap, max;
	int	 too_big;
	int	 cancelled;
	int	(*hook)(void *);
	void	*hook_arg;
	char	*etag;
	char	*last_modified;
	char	*retry_after;	/* the last response's, as sent */
	int	 hops;		/* redirects seen */
	int	 permanent;	/* every one of them 301 or 308 */
};

const char	*fetch_global_init(void);
size_t		 fetch_write(char *, size_t, size_t, void *);
size_t		 fetch_header(char *, size_t, size_t, void *);
void		 fetch_content_type(const char *, char **, char **);
char		*fetch_what(CURL *, CURLcode, const struct fetch_state *,
		     const struct fetch_opts *, int);
struct curl_slist *fetch_setup(CURL *, const char *, const struct fetch_opts *,
		     struct fetch_state *);
int		 fetch_answer(CURL *, struct fetch_state *,
		     struct fetch_result *, char **);

#endif
