/*
 * fetch.c: one GET through libcurl (see fetch.h for the rules), and the
 * rules themselves for every transfer of fetch*.c (fetch-int.h).
 *
 * Each call builds its own
 * easy handle, so calls on different threads share nothing but
 * curl_global_init(), done once under pthread_once().  The body is
 * collected in memory up to the cap; the write callback refuses the
 * first byte past it, which makes curl abort the transfer at once
 * (curl's own CURLOPT_MAXFILESIZE catches an announced Content-Length
 * before any body arrives).  The cancel hook rides on curl's progress
 * callback, the one callback curl promises to call even while nothing
 * arrives (about once a second then).  Errors are turned into short
 * texts here so that no caller needs to know curl's codes.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "fetch.h"
#include "fetch-int.h"
#include "xmalloc.h"


static pthread_once_t	fetch_once = PTHREAD_ONCE_INIT;
static CURLcode		fetch_init_rc;

static void
fetch_init(void)
{
	fetch_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* curl_global_init() once for the process: 0, or its error's text. */
const char *
fetch_global_init(void)
{
	pthread_once(&fetch_once, fetch_init);
	return fetch_init_rc == CURLE_OK ? NULL :
	    curl_easy_strerror(fetch_init_rc);
}

char *
fetch_redact(const char *url)
{
	const char	*auth, *end, *p, *at = NULL;
	char		*s;

	if ((auth = strstr(url, "://")) == NULL)
		return xstrdup(url);
	auth += 3;
	end = auth + strcspn(auth, "/?#");
	for (p = auth; p < end; p++)
		if (*p == '@')
			at = p;
	if (at == NULL)
		return xstrdup(url);
	xasprintf(&s, "%.*s%s", (int)(auth - url), url, at + 1);
	return s;
}

/* A language tag that is safe in a header: letters, digits, '-'. */
static int
fetch_tag_ok(const char *tag)
{
	size_t	i;

	for (i = 0; tag[i] != '\0'; i++)
		if (!((tag[i] >= 'a' && tag[i] <= 'z') ||
		    (tag[i] >= 'A' && tag[i] <= 'Z') ||
		    (tag[i] >= '0' && tag[i] <= '9') || tag[i] == '-'))
			return 0;
	return i > 0 && i <= 35 && strcmp(tag, "und") != 0;
}

char *
fetch_accept_language(const char *const *langs)
{
	char	*s = NULL, *t;
	int	 q = 10;

	for (; langs != NULL && *langs != NULL; langs++) {
		if (!fetch_tag_ok(*langs))
			continue;
		if (s == NULL)
			s = xstrdup(*langs);
		else {
			xasprintf(&t, "%s,%s;q=0.%d", s, *langs, q);
			free(s);
			s = t;
		}
		if (q > 1)
			q--;
	}
	return s;
}

/* A header value that cannot smuggle in another header. */
static int
fetch_value_ok(const char *v)
{
	for (; *v != '\0'; v++)
		if ((unsigned char)*v < 0x20 || *v == 0x7f)
			return 0;
	return 1;
}

static size_t
fetch_write(char *p, size_t size, size_t n, void *arg)
{
	struct fetch_state	*st = arg;
	size_t			 k = size * n, cap;

	if (k > st->max - st->len) {
		st->too_big = 1;
		return 0;	/* anything but k aborts */
	}
	if (st->len + k + 1 > st->cap) {
		cap = st->cap != 0 ? st->cap : 16384;
		while (cap < st->len + k + 1)
			cap *= 2;
		if (cap > st->max + 1)
			cap = st->max + 1;
		st->body = xrealloc(st->body, cap);
		st->cap = cap;
	}
	memcpy(st->body + st->len, p, k);
	st->len += k;
	return k;
}

/* curl's progress callback, here only to ask the cancel hook. */
static int
fetch_progress(void *arg, curl_off_t dltotal, curl_off_t dlnow,
    curl_off_t ultotal, curl_off_t ulnow)
{
	struct fetch_state	*st = arg;

	(void)dltotal; (void)dlnow; (void)ultotal; (void)ulnow;
	if (st->hook != NULL && st->hook(st->hook_arg)) {
		st->cancelled = 1;
		return 1;	/* non-zero aborts */
	}
	return 0;
}

/* If the header line p (k bytes) is "name: value", keep the value. */
static void
fetch_keep_header(const char *p, size_t k, const char *name, char **out)
{
	size_t	nl = strlen(name);

	if (k <= nl || p[nl] != ':' || strncasecmp(p, name, nl) != 0)
		return;
	p += nl + 1;
	k -= nl + 1;
	while (k > 0 && (*p == ' ' || *p == '\t'))
		p++, k--;
	while (k > 0 && (p[k - 1] == '\r' || p[k - 1] == '\n' ||
	    p[k - 1] == ' ' || p[k - 1] == '\t'))
		k--;
	free(*out);
	*out = xstrndup(p, k);
}

/*
 * A status line of the redirect chain: the chain is permanent while
 * every redirect so far was (301, 308), so that a feed can follow it.
 */
static void
fetch_hop(struct fetch_state *st, const char *p, size_t k)
{
	const char	*sp;
	long		 code;

	if ((sp = memchr(p, ' ', k)) == NULL)
		return;
	code = strtol(sp + 1, NULL, 10);
	if (code == 301 || code == 308) {
		if (st->hops++ == 0)
			st->permanent = 1;
	} else if (code >= 300 && code < 400) {
		st->hops++;
		st->permanent = 0;
	}
}

static size_t
fetch_header(char *p, size_t size, size_t n, void *arg)
{
	struct fetch_state	*st = arg;
	size_t			 k = size * n;

	/* Each response of a redirect chain starts with its status line;
	   only the last one's validators count. */
	if (k >= 5 && strncmp(p, "HTTP/", 5) == 0) {
		FREE(&st->etag);
		FREE(&st->last_modified);
		FREE(&st->retry_after);
		FREE(&st->total_pages);
		fetch_hop(st, p, k);
	}
	fetch_keep_header(p, k, "etag", &st->etag);
	fetch_keep_header(p, k, "last-modified", &st->last_modified);
	fetch_keep_header(p, k, "retry-after", &st->retry_after);
	fetch_keep_header(p, k, "x-wp-totalpages", &st->total_pages);
	return k;
}

/* "text/html; charset="EUC-KR"" -> "text/html" and "EUC-KR". */
void
fetch_content_type(const char *ct, char **type, char **charset)
{
	const char	*p, *v;
	size_t		 n, i;

	n = strcspn(ct, ";");
	while (n > 0 && (ct[n - 1] == ' ' || ct[n - 1] == '\t'))
		n--;
	*type = xstrndup(ct, n);
	for (i = 0; i < n; i++)
		if ((*type)[i] >= 'A' && (*type)[i] <= 'Z')
			(*type)[i] += 'a' - 'A';
	for (p = strchr(ct, ';'); p != NULL; p = strchr(p + 1, ';')) {
		v = p + 1 + strspn(p + 1, " \t");
		if (strncasecmp(v, "charset=", 8) != 0)
			continue;
		v += 8;
		if (*v == '"') {
			v++;
			n = strcspn(v, "\"");
		} else
			n = strcspn(v, "; \t");
		if (n > 0)
			*charset = xstrndup(v, n);
		return;
	}
}

static char *
fetch_size(size_t n)
{
	char	*s;

	if (n >= 1024 * 1024 && n % (1024 * 1024) == 0)
		xasprintf(&s, "%zu MiB", n / (1024 * 1024));
	else if (n >= 1024 && n % 1024 == 0)
		xasprintf(&s, "%zu KiB", n / 1024);
	else
		xasprintf(&s, "%zu bytes", n);
	return s;
}

/* What went wrong, in a few words; caller frees. */
char *
fetch_what(CURL *c, CURLcode rc, const struct fetch_state *st,
    const struct fetch_opts *o, int https)
{
	static const struct {
		CURLcode	 rc;
		const char	*text;
	} texts[] = {
		{ CURLE_TOO_MANY_REDIRECTS, "too many redirects" },
		{ CURLE_PEER_FAILED_VERIFICATION, "certificate verify failed" },
		{ CURLE_SSL_CACERT_BADFILE, "cannot read the CA certificates" },
		{ CURLE_SSL_CONNECT_ERROR, "TLS handshake failed" },
		{ CURLE_COULDNT_RESOLVE_HOST, "cannot resolve the host name" },
		{ CURLE_COULDNT_RESOLVE_PROXY, "cannot resolve the proxy" },
		{ CURLE_COULDNT_CONNECT, "cannot connect" },
		{ CURLE_GOT_NOTHING, "empty reply from the server" },
		{ CURLE_RECV_ERROR, "connection broken" },
		{ CURLE_SEND_ERROR, "connection broken" },
		{ CURLE_PARTIAL_FILE, "transfer cut short" },
		{ CURLE_BAD_CONTENT_ENCODING, "bad content encoding" },
		{ CURLE_URL_MALFORMAT, "malformed URL" },
		{ CURLE_WEIRD_SERVER_REPLY, "not an HTTP reply" },
	};
	curl_off_t	 t = 0;
	long		 code = 0, redirs = 0;
	char		*s, *size;
	size_t		 i;

	if (st->cancelled)
		return xstrdup("cancelled");
	if (st->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		size = fetch_size(o->max_bytes);
		xasprintf(&s, "larger than %s", size);
		free(size);
		return s;
	}
	if (rc == CURLE_HTTP_RETURNED_ERROR) {
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
		xasprintf(&s, "HTTP %ld", code);
		return s;
	}
	if (rc == CURLE_OPERATION_TIMEDOUT) {
		/* Not yet connected (TLS included): the connect timeout. */
		curl_easy_getinfo(c, https ? CURLINFO_APPCONNECT_TIME_T :
		    CURLINFO_CONNECT_TIME_T, &t);
		if (t == 0 && o->connect_timeout <= o->timeout)
			xasprintf(&s, "connection timed out after %ld s",
			    o->connect_timeout);
		else
			xasprintf(&s, "timed out after %ld s", o->timeout);
		return s;
	}
	if (rc == CURLE_UNSUPPORTED_PROTOCOL) {
		curl_easy_getinfo(c, CURLINFO_REDIRECT_COUNT, &redirs);
		return xstrdup(redirs > 0 ?
		    "redirected to a URL that is not http or https" :
		    "not an http or https URL");
	}
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (texts[i].rc == rc)
			return xstrdup(texts[i].text);
	return xstrdup(curl_easy_strerror(rc));
}

void
fetch_defaults(struct fetch_opts *o)
{
	if (o->max_bytes == 0)
		o->max_bytes = FETCH_MAX_BYTES;
	if (o->connect_timeout <= 0)
		o->connect_timeout = FETCH_CONNECT_TIMEOUT;
	if (o->timeout <= 0)
		o->timeout = FETCH_TIMEOUT;
}

CURL *
fetch_begin(const char *url, const struct fetch_opts *o, int *https,
    char **what)
{
	const char	*init;
	CURL		*c = NULL;

	*https = strncasecmp(url, "https://", 8) == 0;
	init = fetch_global_init();
	if (!*https && strncasecmp(url, "http://", 7) != 0)
		*what = xstrdup("not an http or https URL");
	else if (o->cancelled != NULL && o->cancelled(o->cancel_arg))
		*what = xstrdup("cancelled");
	else if (init != NULL)
		*what = xstrdup(init);
	else if ((c = curl_easy_init()) == NULL)
		*what = xstrdup("cannot start libcurl");
	return c;
}

char *
fetch_cause(const char *url, const char *what)
{
	char	*shown, *s;

	shown = fetch_redact(url);
	xasprintf(&s, "%s: %s", shown, what);
	free(shown);
	return s;
}

/*
 * The rules every transfer obeys, on a fresh handle: http and https
 * only, redirects followed (a caller may turn that off, never on for
 * more), TLS verified, no cookies, the caps and timeouts of o, the
 * User-Agent, and the body, headers and cancel hook into st.
 */
void
fetch_rules(CURL *c, const char *url, const struct fetch_opts *o,
    struct fetch_state *st)
{
	st->max = o->max_bytes;
	curl_easy_setopt(c, CURLOPT_URL, url);
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
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRS);
	/* Credentials never follow a redirect to another host. */
	curl_easy_setopt(c, CURLOPT_UNRESTRICTED_AUTH, 0L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	if (o->ca_file != NULL)
		curl_easy_setopt(c, CURLOPT_CAINFO, o->ca_file);
	if (o->noproxy != NULL)
		curl_easy_setopt(c, CURLOPT_NOPROXY, o->noproxy);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, o->connect_timeout);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, o->timeout);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)o->max_bytes);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_USERAGENT, FETCH_USER_AGENT);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, fetch_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, st);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, fetch_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, st);
	if (o->cancelled != NULL) {
		st->hook = o->cancelled;
		st->hook_arg = o->cancel_arg;
		curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, fetch_progress);
		curl_easy_setopt(c, CURLOPT_XFERINFODATA, st);
		curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	}
}

void
fetch_state_free(struct fetch_state *st)
{
	FREE(&st->body);
	FREE(&st->etag);
	FREE(&st->last_modified);
	FREE(&st->retry_after);
	FREE(&st->total_pages);
}

/* fetch_rules, and what a GET of a page sends besides. */
struct curl_slist *
fetch_setup(CURL *c, const char *url, const struct fetch_opts *o,
    struct fetch_state *st)
{
	struct curl_slist	*h = NULL;
	char			*al, *line;

	fetch_rules(c, url, o, st);
	curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L);
	h = curl_slist_append(h, FETCH_ACCEPT);
	if ((al = fetch_accept_language(o->langs)) != NULL) {
		xasprintf(&line, "Accept-Language: %s", al);
		h = curl_slist_append(h, line);
		free(line);
		free(al);
	}
	if (o->if_none_match != NULL && fetch_value_ok(o->if_none_match)) {
		xasprintf(&line, "If-None-Match: %s", o->if_none_match);
		h = curl_slist_append(h, line);
		free(line);
	}
	if (o->if_modified_since != NULL &&
	    fetch_value_ok(o->if_modified_since)) {
		xasprintf(&line, "If-Modified-Since: %s", o->if_modified_since);
		h = curl_slist_append(h, line);
		free(line);
	}
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	return h;
}

/* A finished transfer's answer into *r; -1 for a status we refuse. */
int
fetch_answer(CURL *c, struct fetch_state *st, struct fetch_result *r,
    char **what)
{
	char	*s = NULL;

	memset(r, 0, sizeof *r);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	if (r->status == 304)
		r->not_modified = 1;
	else if (r->status < 200 || r->status > 299) {
		xasprintf(what, "HTTP %ld", r->status);
		return -1;
	}
	if (curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &s) == CURLE_OK &&
	    s != NULL)
		r->url = fetch_redact(s);
	s = NULL;
	if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &s) == CURLE_OK &&
	    s != NULL)
		fetch_content_type(s, &r->content_type, &r->charset);
	r->body = st->body != NULL ? st->body : xstrdup("");
	r->body[st->len] = '\0';
	r->len = st->len;
	r->etag = st->etag;
	r->last_modified = st->last_modified;
	st->body = st->etag = st->last_modified = NULL;
	return 0;
}

int
fetch_url(const char *url, const struct fetch_opts *opts,
    struct fetch_result *result, char **cause)
{
	struct fetch_opts	 o = { 0 };
	struct fetch_state	 st = { 0 };
	struct curl_slist	*h;
	CURL			*c;
	CURLcode		 rc;
	char			*what = NULL;
	int			 https, ret = -1;

	if (opts != NULL)
		o = *opts;
	fetch_defaults(&o);
	if ((c = fetch_begin(url, &o, &https, &what)) != NULL) {
		h = fetch_setup(c, url, &o, &st);
		rc = curl_easy_perform(c);
		if (rc != CURLE_OK)
			what = fetch_what(c, rc, &st, &o, https);
		else
			ret = fetch_answer(c, &st, result, &what);
		curl_slist_free_all(h);
		curl_easy_cleanup(c);
	}
	if (ret != 0)
		*cause = fetch_cause(url, what);
	free(what);
	fetch_state_free(&st);
	return ret;
}

void
fetch_result_free(struct fetch_result *r)
{
	FREE(&r->body);
	FREE(&r->url);
	FREE(&r->content_type);
	FREE(&r->charset);
	FREE(&r->etag);
	FREE(&r->last_modified);
}
