/*
 * fetch.h: one HTTP or HTTPS request, bytes out.
 *
 * fetch_url() gets a URL the way a careful browser would and hands back
 * the body's bytes, undecoded (charset.c turns them into UTF-8), with
 * what the caller needs to decode and cache them: the final URL after
 * redirects, the status, the media type and its charset parameter, and
 * the validators for a later conditional GET.  The rules are fixed here,
 * not by callers: http and https only (redirects too, at most
 * FETCH_MAX_REDIRS), TLS always verified, no cookies kept, the proxy
 * variables libcurl reads ($http_proxy, $https_proxy, $no_proxy) obeyed,
 * and every body capped in size and every transfer in time.
 *
 * curl is an implementation detail: no curl type appears here, and
 * only fetch*.c include <curl/curl.h>; the API requests of
 * fetch-http.h and the parallel GETs of fetch-multi.h get these same
 * rules from the same code.  fetch_url()
 * blocks; it is safe to call from several threads at once, each with its
 * own result.  A caller that must be able to give up (a reader quitting
 * while its worker fetches) passes a cancel hook: it is asked about once
 * a second or more often for the whole transfer, connecting and waiting
 * for data included, and a yes ends the transfer at once.
 */
#ifndef TANDEM_FETCH_H
#define TANDEM_FETCH_H

#include <stddef.h>

#define FETCH_MAX_BYTES		(32 * 1024 * 1024)
#define FETCH_CONNECT_TIMEOUT	10	/* seconds */
#define FETCH_TIMEOUT		60	/* seconds, the whole transfer */
#define FETCH_MAX_REDIRS	10

/* Zero (or NULL) in any field means the default. */
struct fetch_opts {
	const char *const	*langs;	/* Accept-Language, most wanted
					   first, NULL-terminated (a struct
					   lang_pref's tags) */
	const char		*if_none_match;	/* an earlier ETag */
	const char		*if_modified_since; /* an earlier
						       Last-Modified */
	size_t			 max_bytes;	/* FETCH_MAX_BYTES */
	long			 connect_timeout; /* FETCH_CONNECT_TIMEOUT */
	long			 timeout;	/* FETCH_TIMEOUT */

	/* Asked during the transfer, on the calling thread; non-zero
	   abandons it ("URL: cancelled").  NULL: never. */
	int			(*cancelled)(void *arg);
	void			*cancel_arg;

	/* For the tests only: trust this CA file instead of the system's,
	   and bypass proxies for these hosts ("*": all). */
	const char		*ca_file;
	const char		*noproxy;
};

/* What came back; every string is NULL when the server did not say. */
struct fetch_result {
	long	 status;	/* the final HTTP status: 2xx or 304 */
	int	 not_modified;	/* 304: the cached copy is still good */
	char	*body;		/* len bytes, plus a NUL not counted */
	size_t	 len;
	char	*url;		/* where the redirects ended */
	char	*content_type;	/* media type, lowercase: "text/html" */
	char	*charset;	/* its charset parameter, as sent */
	char	*etag;
	char	*last_modified;
};

/*
 * GET url.  Returns 0 with *result filled (free it with
 * fetch_result_free) for a 2xx answer or a 304 to a conditional GET; else
 * -1 with *cause one line naming the URL (without any user:password) and
 * what failed: "https://example.org/x: HTTP 404", "...: certificate
 * verify failed", "...: larger than 32 MiB", "...: timed out after 60 s",
 * "...: too many redirects", "...: not an http or https URL",
 * "...: cancelled" (the hook said so).
 * opts may be NULL.
 */
int	fetch_url(const char *url, const struct fetch_opts *,
	    struct fetch_result *, char **cause);
void	fetch_result_free(struct fetch_result *);

/* url without the user:password@ part, for messages and logs. */
char	*fetch_redact(const char *url);

/* The Accept-Language value for langs: "ko,en;q=0.9,fr;q=0.8", or NULL
   when there is no usable tag. */
char	*fetch_accept_language(const char *const *langs);

#endif
