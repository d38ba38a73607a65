/*
 * fetch-http.h: one request to a site's API: any method, a body, a
 * header or two, HTTP Basic authentication; every answer handed back.
 *
 * fetch_url() (fetch.h) is for pages: GET only, a 2xx or it is an
 * error.  An API speaks in its statuses (401, 409 and their JSON
 * bodies), so fetch_http() returns whatever status came back, and it
 * tells a request that never left (no connection: safe to send again)
 * from one whose fate is unknown (a timeout or a broken connection after
 * sending: look before sending again).  The rules of fetch.h hold, set
 * by the same code (fetch-int.h): http and https only, TLS verified, no
 * cookies, bodies capped, transfers timed, the same User-Agent and the
 * same texts for failures.  Redirects are followed for GET only: a POST
 * is not re-sent somewhere else, and its 30x is the answer.  A GET with
 * a password follows redirects only while they stay on the first URL's
 * origin (scheme, host, port); one to another origin is not requested
 * at all ("URL: redirected to URL2, another site; the password is not
 * sent there", FETCH_HTTP_NOT_SENT).
 *
 * The password goes to libcurl in memory (CURLOPT_PASSWORD) and nowhere
 * else: not into the URL, a message, a log or a child's argv.  No curl
 * type appears here.  Blocking; safe from several threads.
 */
#ifndef TANDEM_FETCH_HTTP_H
#define TANDEM_FETCH_HTTP_H

#include <stddef.h>

#include "fetch.h"

struct fetch_http_req {
	const char	*method;	/* "GET" (NULL), "POST", ... */
	const char	*url;
	const char	*body;		/* or NULL */
	size_t		 len;
	const char	*content_type;	/* of body: "application/json" */
	const char	*accept;	/* NULL: "application/json" */
	const char	*user;		/* Basic auth when both are set */
	const char	*password;
	/* fetch.h's caps, timeouts, cancel hook and test knobs, zero for
	   the defaults; its languages and validators are a page's, not
	   sent.  A cancel during the transfer is FETCH_HTTP_UNSURE. */
	struct fetch_opts opts;
};

struct fetch_http_res {
	long	 status;	/* the HTTP status */
	char	*body;		/* len bytes, plus a NUL not counted */
	size_t	 len;
	char	*content_type;	/* as sent, or NULL */
	long	 total_pages;	/* X-WP-TotalPages, or -1 */
};

/* Why there is no answer. */
enum fetch_http_fail {
	FETCH_HTTP_NOT_SENT = 1,	/* never reached the server */
	FETCH_HTTP_UNSURE,		/* may have arrived: look first */
};

/*
 * Returns 0 with *res (free with fetch_http_res_free) when the server
 * answered, whatever the status; -1 with *fail and *cause ("URL: cannot
 * connect", "URL: timed out after 60 s", "URL: larger than 32 MiB", as
 * fetch_url's) otherwise.
 */
int	fetch_http(const struct fetch_http_req *, struct fetch_http_res *,
	    enum fetch_http_fail *fail, char **cause);
void	fetch_http_res_free(struct fetch_http_res *);

#endif
