/*
 * fetch-http.c: one API request through libcurl (see fetch-http.h).
 *
 * A sibling of fetch.c with its own small callbacks: the body is
 * collected up to the cap, one header (X-WP-TotalPages) is kept.  Basic
 * auth goes through CURLOPT_USERNAME and CURLOPT_PASSWORD, so the
 * secret is never part of a URL that a message could show.  Which curl
 * errors mean "never sent" is decided here: resolving and connecting
 * fail before a byte of the request leaves, everything later may have
 * delivered it.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "fetch.h"
#include "fetch-http.h"
#include "xmalloc.h"

#define FETCH_HTTP_AGENT "tandem/" PACKAGE_VERSION " (+man tandem)"

struct fetch_http_state {
	char	*body;
	size_t	 len, cap, max;
	int	 too_big;
	long	 total_pages;
	int	 cancelled;
	int	(*hook)(void *);
	void	*hook_arg;
};

static int
fetch_http_progress(void *arg, curl_off_t dltotal, curl_off_t dlnow,
    curl_off_t ultotal, curl_off_t ulnow)
{
	struct fetch_http_state	*st = arg;

	(void)dltotal; (void)dlnow; (void)ultotal; (void)ulnow;
	if (st->hook != NULL && st->hook(st->hook_arg)) {
		st->cancelled = 1;
		return 1;
	}
	return 0;
}

static pthread_once_t	fetch_http_once = PTHREAD_ONCE_INIT;
static CURLcode		fetch_http_init_rc;

/* curl_global_init() is reference-counted: this one and fetch.c's may
   both run, each once. */
static void
fetch_http_init(void)
{
	fetch_http_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

static size_t
fetch_http_write(char *p, size_t size, size_t n, void *arg)
{
	struct fetch_http_state	*st = arg;
	size_t			 k = size * n;

	if (k > st->max - st->len) {
		st->too_big = 1;
		return 0;
	}
	if (st->len + k + 1 > st->cap) {
		st->cap = st->cap != 0 ? st->cap : 4096;
		while (st->cap < st->len + k + 1)
			st->cap *= 2;
		st->body = xrealloc(st->body, st->cap);
	}
	memcpy(st->body + st->len, p, k);
	st->len += k;
	return k;
}

static size_t
fetch_http_header(char *p, size_t size, size_t n, void *arg)
{
	struct fetch_http_state	*st = arg;
	size_t			 k = size * n;
	const char		*name = "x-wp-totalpages:";
	char			 num[24];

	if (k > strlen(name) && k - strlen(name) < sizeof num &&
	    strncasecmp(p, name, strlen(name)) == 0) {
		memcpy(num, p + strlen(name), k - strlen(name));
		num[k - strlen(name)] = '\0';
		st->total_pages = strtol(num, NULL, 10);
	}
	return k;
}

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

static const char *
fetch_http_what(CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
		return "cannot resolve the host name";
	case CURLE_COULDNT_CONNECT:
		return "cannot connect";
	case CURLE_PEER_FAILED_VERIFICATION:
		return "certificate verify failed";
	case CURLE_SSL_CONNECT_ERROR:
		return "TLS handshake failed";
	case CURLE_GOT_NOTHING:
		return "empty reply from the server";
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
		return "connection broken";
	case CURLE_UNSUPPORTED_PROTOCOL:
		return "not an http or https URL";
	default:
		return curl_easy_strerror(rc);
	}
}

static struct curl_slist *
fetch_http_setup(CURL *c, const struct fetch_http_req *q,
    struct fetch_http_state *st)
{
	struct curl_slist	*h = NULL;
	char			*line;
	int			 get = q->method == NULL ||
	    strcmp(q->method, "GET") == 0;

	curl_easy_setopt(c, CURLOPT_URL, q->url);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(c, CURLOPT_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, get ? 1L : 0L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRS);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	if (q->ca_file != NULL)
		curl_easy_setopt(c, CURLOPT_CAINFO, q->ca_file);
	if (q->noproxy != NULL)
		curl_easy_setopt(c, CURLOPT_NOPROXY, q->noproxy);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, q->connect_timeout > 0 ?
	    q->connect_timeout : (long)FETCH_CONNECT_TIMEOUT);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, q->timeout > 0 ? q->timeout :
	    (long)FETCH_TIMEOUT);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_USERAGENT, FETCH_HTTP_AGENT);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, fetch_http_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, st);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, fetch_http_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, st);
	if (q->cancelled != NULL) {
		st->hook = q->cancelled;
		st->hook_arg = q->cancel_arg;
		curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION,
		    fetch_http_progress);
		curl_easy_setopt(c, CURLOPT_XFERINFODATA, st);
		curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	}
	if (!get)
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, q->method);
	if (q->body != NULL) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
		    (curl_off_t)q->len);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, q->body);
	}
	if (q->user != NULL && q->password != NULL) {
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

int
fetch_http(const struct fetch_http_req *q, struct fetch_http_res *res,
    enum fetch_http_fail *fail, char **cause)
{
	struct fetch_http_state	 st = { 0 };
	struct curl_slist	*h;
	CURL			*c;
	CURLcode		 rc;
	char			*shown, *ct = NULL;
	const char		*what = NULL;
	char			 buf[64];

	memset(res, 0, sizeof *res);
	st.max = q->max_bytes > 0 ? q->max_bytes : FETCH_MAX_BYTES;
	st.total_pages = -1;
	*fail = FETCH_HTTP_NOT_SENT;
	pthread_once(&fetch_http_once, fetch_http_init);
	if (strncasecmp(q->url, "http://", 7) != 0 &&
	    strncasecmp(q->url, "https://", 8) != 0)
		what = "not an http or https URL";
	else if (fetch_http_init_rc != CURLE_OK ||
	    (c = curl_easy_init()) == NULL)
		what = "cannot start libcurl";
	else {
		h = fetch_http_setup(c, q, &st);
		rc = curl_easy_perform(c);
		if (rc == CURLE_OK) {
			curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE,
			    &res->status);
			if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct) ==
			    CURLE_OK && ct != NULL)
				res->content_type = xstrdup(ct);
		} else if (st.cancelled) {
			*fail = FETCH_HTTP_UNSURE;
			what = "cancelled";
		} else if (st.too_big || rc == CURLE_FILESIZE_EXCEEDED) {
			*fail = FETCH_HTTP_UNSURE;
			what = "answer too large";
		} else if (rc == CURLE_OPERATION_TIMEDOUT) {
			*fail = FETCH_HTTP_UNSURE;
			snprintf(buf, sizeof buf, "timed out after %ld s",
			    q->timeout > 0 ? q->timeout : (long)FETCH_TIMEOUT);
			what = buf;
		} else {
			*fail = fetch_http_not_sent(rc) ? FETCH_HTTP_NOT_SENT :
			    FETCH_HTTP_UNSURE;
			what = fetch_http_what(rc);
		}
		curl_slist_free_all(h);
		curl_easy_cleanup(c);
	}
	if (what != NULL) {
		shown = fetch_redact(q->url);
		xasprintf(cause, "%s: %s", shown, what);
		free(shown);
		free(st.body);
		return -1;
	}
	res->body = st.body != NULL ? st.body : xstrdup("");
	res->body[st.len] = '\0';
	res->len = st.len;
	res->total_pages = st.total_pages;
	return 0;
}

void
fetch_http_res_free(struct fetch_http_res *r)
{
	FREE(&r->body);
	FREE(&r->content_type);
}
