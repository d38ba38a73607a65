/*
 * fetch-int.h: what fetch.c, fetch-multi.c and fetch-http.c share, curl
 * types and all.
 *
 * Only fetch*.c include it (tests/layering.sh: curl has one home).  A
 * page (fetch_url), many pages at once (fetch-multi.c) and an API
 * request (fetch-http.c) start the same way (fetch_begin), get the same
 * rules on their easy handles (fetch_rules: protocols, redirects, TLS,
 * proxies, caps, timeouts, User-Agent, the callbacks into struct
 * fetch_state) and the same texts for failures (fetch_what,
 * fetch_cause), so the rules of fetch.h hold for all three.  What only
 * a GET of a page sends (Accept, Accept-Language, the validators, fail
 * on an error status) is fetch_setup's; what only an API request sends
 * is fetch-http.c's.
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
	char	*total_pages;	/* its X-WP-TotalPages, as sent */
	int	 hops;		/* redirects seen */
	int	 permanent;	/* every one of them 301 or 308 */
};

const char	*fetch_global_init(void);
/* Zeros in o -> the defaults of fetch.h. */
void		 fetch_defaults(struct fetch_opts *o);
/* A handle for url, or NULL with *what ("not an http or https URL",
   "cancelled"); *https says which. */
CURL		*fetch_begin(const char *url, const struct fetch_opts *,
		     int *https, char **what);
/* "url (redacted): what", allocated. */
char		*fetch_cause(const char *url, const char *what);
void		 fetch_content_type(const char *, char **, char **);
char		*fetch_what(CURL *, CURLcode, const struct fetch_state *,
		     const struct fetch_opts *, int);
void		 fetch_rules(CURL *, const char *, const struct fetch_opts *,
		     struct fetch_state *);
void		 fetch_state_free(struct fetch_state *);
struct curl_slist *fetch_setup(CURL *, const char *, const struct fetch_opts *,
		     struct fetch_state *);
int		 fetch_answer(CURL *, struct fetch_state *,
		     struct fetch_result *, char **);

#endif
