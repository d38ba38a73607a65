/*
 * fetch-http.c: one API request through libcurl (see fetch-http.h).
 *
 * The handle gets fetch.c's rules (fetch_rules: protocols, TLS, caps,
 * timeouts, User-Agent, the callbacks into struct fetch_state, which
 * keeps X-WP-TotalPages too) and the failure texts of fetch_what; what
 * is the API's own is here: the method and body, Basic auth, the
 * redirect policy for them, and which failures mean "never sent".
 *
 * Basic auth goes through CURLOPT_USERNAME and CURLOPT_PASSWORD, so the
 * secret is never part of a URL that a message could show.  A request
 * that carries it does not let curl follow redirects at all: a GET is
 * followed here, hop by hop, while the next URL has the same origin
 * (scheme, host, port) as the first, and stops with an error before a
 * hop to any other; a POST follows nothing.  Resolving and connecting
 * fail before a byte of the request leaves, so those are "never sent";
 * everything later may have delivered it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fetch-int.h"
#include "fetch-http.h"
#include "xmalloc.h"

static int
fetch_http_not_sent(CURLcode rc)
{
	return rc == CURLE_COULDNT_RESOLVE_HOST ||
	    rc == CURLE_COULDNT_RESOLVE_PROXY || rc == CURLE_COULDNT_CONNECT ||
	    rc == CURLE_SSL_CONNECT_ERROR ||
	    rc == CURLE_PEER_FAILED_VERIFICATION ||
	    rc == CURLE_SSL_CACERT_BADFILE || rc == CURLE_URL_MALFORMAT ||
	    rc == CURLE_UNSUPPORTED_PROTOCOL;
}

/* One part of url as curl's URL parser sees it; NULL if none. */
static char *
fetch_http_part(CURLU *u, CURLUPart part)
{
	char	*v = NULL, *s;

	if (curl_url_get(u, part, &v, part == CURLUPART_PORT ?
	    CURLU_DEFAULT_PORT : 0) != CURLUE_OK || v == NULL)
		return NULL;
	s = xstrdup(v);
	curl_free(v);
	return s;
}

/* Do a and b have one origin: scheme, host and port (RFC 6454)? */
static int
fetch_http_same_origin(const char *a, const char *b)
{
	static const CURLUPart parts[] = { CURLUPART_SCHEME, CURLUPART_HOST,
	    CURLUPART_PORT };
	CURLU	*ua, *ub;
	char	*pa, *pb;
	size_t	 i;
	int	 same = 0;

	ua = curl_url();
	ub = curl_url();
	if (ua != NULL && ub != NULL &&
	    curl_url_set(ua, CURLUPART_URL, a, 0) == CURLUE_OK &&
	    curl_url_set(ub, CURLUPART_URL, b, 0) == CURLUE_OK) {
		for (i = 0, same = 1; i < 3 && same; i++) {
			pa = fetch_http_part(ua, parts[i]);
			pb = fetch_http_part(ub, parts[i]);
			same = pa != NULL && pb != NULL &&
			    strcasecmp(pa, pb) == 0;
			free(pa);
			free(pb);
		}
	}
	curl_url_cleanup(ua);
	curl_url_cleanup(ub);
	return same;
}

/* fetch_rules, and what an API request sends besides. */
static struct curl_slist *
fetch_http_setup(CURL *c, const struct fetch_http_req *q,
    const struct fetch_opts *o, struct fetch_state *st, int get, int auth)
{
	struct curl_slist	*h = NULL;
	char			*line;

	fetch_rules(c, q->url, o, st);
	if (!get || auth)
		curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	if (!get)
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, q->method);
	if (q->body != NULL) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
		    (curl_off_t)q->len);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, q->body);
	}
	if (auth) {
		curl_easy_setopt(c, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		curl_easy_setopt(c, CURLOPT_USERNAME, q->user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, q->password);
	}
	xasprintf(&line, "Accept: %s", q->accept != NULL ? q->accept :
	    "application/json");
	h = curl_slist_append(h, line);
	free(line);
	if (q->content_type != NULL && strpbrk(q->content_type, "\r\n") ==
	    NULL) {
		xasprintf(&line, "Content-Type: %s", q->content_type);
		h = curl_slist_append(h, line);
		free(line);
	}
	h = curl_slist_append(h, "Expect:");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	return h;
}

/*
 * Run the request, following an authenticated GET's redirects while
 * they stay on the origin.  NULL when the server answered; else what
 * went wrong, with *fail.
 */
static char *
fetch_http_run(CURL *c, const struct fetch_http_req *q,
    const struct fetch_opts *o, struct fetch_state *st, int https,
    int follow, enum fetch_http_fail *fail)
{
	CURLcode	 rc;
	long		 status;
	char		*next = NULL, *what = NULL, *shown;
	int		 hops;

	for (hops = 0;; hops++) {
		if ((rc = curl_easy_perform(c)) != CURLE_OK) {
			*fail = fetch_http_not_sent(rc) && !st->cancelled &&
			    !st->too_big ? FETCH_HTTP_NOT_SENT :
			    FETCH_HTTP_UNSURE;
			what = fetch_what(c, rc, st, o, https);
			break;
		}
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
		if (!follow || status < 300 || status > 399 ||
		    curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &next) !=
		    CURLE_OK || next == NULL)
			break;
		*fail = FETCH_HTTP_NOT_SENT;
		if (!fetch_http_same_origin(q->url, next)) {
			shown = fetch_redact(next);
			xasprintf(&what, "redirected to %s, another site; the "
			    "password is not sent there", shown);
			free(shown);
			break;
		}
		if (hops == FETCH_MAX_REDIRS) {
			what = xstrdup("too many redirects");
			break;
		}
		curl_easy_setopt(c, CURLOPT_URL, next);
		st->len = 0;
	}
	return what;
}

int
fetch_http(const struct fetch_http_req *q, struct fetch_http_res *res,
    enum fetch_http_fail *fail, char **cause)
{
	struct fetch_opts	 o;
	struct fetch_state	 st = { 0 };
	struct curl_slist	*h;
	CURL			*c;
	char			*what = NULL, *ct = NULL;
	int			 https, get, auth;

	memset(res, 0, sizeof *res);
	*fail = FETCH_HTTP_NOT_SENT;
	o = q->opts;
	fetch_defaults(&o);
	get = q->method == NULL || strcmp(q->method, "GET") == 0;
	auth = q->user != NULL && q->password != NULL;
	if ((c = fetch_begin(q->url, &o, &https, &what)) != NULL) {
		h = fetch_http_setup(c, q, &o, &st, get, auth);
		what = fetch_http_run(c, q, &o, &st, https, get && auth, fail);
		if (what == NULL) {
			curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE,
			    &res->status);
			if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct) ==
			    CURLE_OK && ct != NULL)
				res->content_type = xstrdup(ct);
		}
		curl_slist_free_all(h);
		curl_easy_cleanup(c);
	}
	if (what != NULL) {
		*cause = fetch_cause(q->url, what);
		free(what);
		fetch_state_free(&st);
		return -1;
	}
	res->body = st.body != NULL ? st.body : xstrdup("");
	res->body[st.len] = '\0';
	res->len = st.len;
	res->total_pages = st.total_pages != NULL ?
	    strtol(st.total_pages, NULL, 10) : -1;
	st.body = NULL;
	fetch_state_free(&st);
	return 0;
}

void
fetch_http_res_free(struct fetch_http_res *r)
{
	FREE(&r->body);
	FREE(&r->content_type);
}
