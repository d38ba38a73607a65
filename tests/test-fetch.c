/*
 * test-fetch.c: fetch_url() against tests/fetch-server.py on 127.0.0.1.
 *
 * The test starts two servers itself, plain HTTP and HTTPS with a
 * throwaway CA made by openssl(1) in a temporary directory, and stops
 * them by PID at exit; each server also quits when its stdin (a pipe
 * from here) closes, so not even a crash here leaves one behind.
 * Proxies are bypassed for every request so that a proxy in the
 * environment cannot catch the traffic.  story_import()'s cancel hook is
 * tried here too, on a story of the same server, into a counting sink.
 * fetch_http() (the API requests of site-wp.c) is tried against the
 * same server and a second one, another origin, which must never see a
 * request that a password went with.  Skips without python3 or openssl.
 */
#include "config.h"

#include <netinet/in.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "charset.h"
#include "fetch.h"
#include "fetch-http.h"
#include "import.h"
#include "story.h"
#include "tap.h"
#include "xmalloc.h"

struct server {
	pid_t	pid;
	int	in;		/* its stdin; closing it stops it */
	int	port;
};

static struct server	plain = { -1, -1, 0 }, tls = { -1, -1, 0 },
			other = { -1, -1, 0 };
static char		tmpdir[] = "/tmp/tandem-fetch.XXXXXX";
static int		have_tmpdir;
static char		base[64], tbase[64], ca[128];

static void
server_stop(struct server *s)
{
	if (s->in != -1)
		close(s->in);
	if (s->pid > 0) {
		kill(s->pid, SIGTERM);
		waitpid(s->pid, NULL, 0);
	}
	s->pid = -1;
	s->in = -1;
}

static void
cleanup(void)
{
	char	*cmd;

	server_stop(&plain);
	server_stop(&tls);
	server_stop(&other);
	if (have_tmpdir) {
		xasprintf(&cmd, "rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			fprintf(stderr, "cannot remove %s\n", tmpdir);
		free(cmd);
	}
}

/* Start the server (with --tls cert key if cert); 0 on success. */
static int
server_start(struct server *s, const char *cert, const char *key)
{
	int	in[2], out[2];
	char	line[32];
	ssize_t	n;
	size_t	got = 0;
	struct pollfd pfd;

	if (pipe(in) != 0 || pipe(out) != 0)
		return -1;
	if ((s->pid = fork()) == -1)
		return -1;
	if (s->pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[0]); close(in[1]); close(out[0]); close(out[1]);
		if (cert != NULL)
			execlp("python3", "python3", FETCH_SERVER, "--tls",
			    cert, key, (char *)NULL);
		else
			execlp("python3", "python3", FETCH_SERVER, (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	s->in = in[1];
	pfd.fd = out[0];
	pfd.events = POLLIN;
	while (got < sizeof line - 1 && memchr(line, '\n', got) == NULL) {
		if (poll(&pfd, 1, 10000) != 1 ||
		    (n = read(out[0], line + got, sizeof line - 1 - got)) <= 0)
			break;
		got += n;
	}
	close(out[0]);
	line[got] = '\0';
	s->port = atoi(line);
	return s->port > 0 ? 0 : -1;
}

/* A CA and a certificate for IP 127.0.0.1 that it signed. */
static int
make_certs(void)
{
	char	*cmd;
	int	 rc;

	if (mkdtemp(tmpdir) == NULL)
		return -1;
	have_tmpdir = 1;
	xasprintf(&cmd, "cd '%s' && ("
	    "printf 'subjectAltName=IP:127.0.0.1\\nbasicConstraints=CA:FALSE\\n'"
	    " > ext.cnf && "
	    "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 "
	    "-nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=tandem-test-ca "
	    "-addext basicConstraints=critical,CA:TRUE "
	    "-addext keyUsage=critical,keyCertSign,cRLSign && "
	    "openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes "
	    "-keyout srv.key -out srv.csr -subj /CN=127.0.0.1 && "
	    "openssl x509 -req -in srv.csr -CA ca.pem -CAkey ca.key "
	    "-CAcreateserial -out srv.pem -days 2 -extfile ext.cnf) "
	    ">openssl.log 2>&1 || { cat openssl.log >&2; exit 1; }",
	    tmpdir);
	rc = system(cmd);
	free(cmd);
	snprintf(ca, sizeof ca, "%s/ca.pem", tmpdir);
	return rc == 0 ? 0 : -1;
}

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static struct fetch_opts
opts(void)
{
	struct fetch_opts	o;

	memset(&o, 0, sizeof o);
	o.noproxy = "*";
	return o;
}

/* Fetch base+path, expecting failure with cause "URL: want". */
static void
fails(const char *b, const char *path, const struct fetch_opts *o,
    const char *want, const char *what)
{
	struct fetch_result	 r;
	char			*url, *cause = NULL, *full;

	xasprintf(&url, "%s%s", b, path);
	xasprintf(&full, "%s: %s", url, want);
	if (fetch_url(url, o, &r, &cause) == 0) {
		ok(0, "%s: fails", what);
		fetch_result_free(&r);
	} else
		is_str(cause, full, "%s", what);
	free(cause);
	free(full);
	free(url);
}

/* Fetch base+path, expecting success; 0 if so. */
static int
get(const char *b, const char *path, const struct fetch_opts *o,
    struct fetch_result *r)
{
	char	*url, *cause = NULL;
	int	 rc;

	xasprintf(&url, "%s%s", b, path);
	if ((rc = fetch_url(url, o, r, &cause)) != 0) {
		diag("%s", cause);
		free(cause);
	}
	free(url);
	return rc;
}

static void
test_page(void)
{
	struct fetch_opts	 o = opts();
	struct fetch_result	 r;
	struct charset_hint	 hint = { NULL, NULL };
	struct charset_result	 text;
	char			*cause = NULL;

	if (!ok(get(base, "/page", &o, &r) == 0, "GET /page"))
		return;
	is_int(r.status, 200, "status");
	is_str(r.content_type, "text/html", "media type, lowercase");
	is_str(r.charset, "EUC-KR", "charset parameter, unquoted");
	is_str(r.etag, "\"v1\"", "ETag");
	is_str(r.last_modified, "Mon, 01 Jan 2024 00:00:00 GMT",
	    "Last-Modified");
	ok(r.url != NULL && strstr(r.url, "/page") != NULL, "final URL");
	ok(r.body[r.len] == '\0' && r.len > 40, "body, NUL-terminated");
	hint.http = r.charset;
	if (charset_to_utf8(r.body, r.len, &hint, &text, &cause) == 0) {
		ok(strstr(text.text, "<title>서울</title>") != NULL &&
		    strstr(text.text, "한국어") != NULL,
		    "the body decodes through charset.c");
		free(text.text);
	}
	fetch_result_free(&r);

	o.if_none_match = "\"v1\"";
	if (get(base, "/page", &o, &r) == 0) {
		ok(r.not_modified && r.status == 304 && r.len == 0,
		    "If-None-Match: 304 is not modified");
		fetch_result_free(&r);
	}
	o.if_none_match = NULL;
	o.if_modified_since = "Mon, 01 Jan 2024 00:00:00 GMT";
	if (get(base, "/page", &o, &r) == 0) {
		ok(r.not_modified, "If-Modified-Since: 304 is not modified");
		fetch_result_free(&r);
	}
	o.if_modified_since = NULL;
	o.if_none_match = "\"v0\"";
	if (get(base, "/page", &o, &r) == 0) {
		ok(!r.not_modified && r.status == 200, "a stale ETag: 200");
		fetch_result_free(&r);
	}
}

static void
test_redirects(void)
{
	struct fetch_opts	o = opts();
	struct fetch_result	r;

	if (get(base, "/redirect/3", &o, &r) == 0) {
		is_str(r.body, "landed", "a chain of 3 redirects is followed");
		ok(strstr(r.url, "/redirect/0") != NULL, "... to its end");
		is_str(r.etag, "\"end\"", "... whose ETag counts");
		fetch_result_free(&r);
	}
	if (ok(get(base, "/redirect/10", &o, &r) == 0, "10 redirects are fine"))
		fetch_result_free(&r);
	fails(base, "/redirect/11", &o, "too many redirects", "11 are not");
	fails(base, "/loop", &o, "too many redirects", "a redirect loop");
	fails(base, "/to-file", &o,
	    "redirected to a URL that is not http or https",
	    "no redirect to file://");
}

static void
test_limits(void)
{
	struct fetch_opts	o = opts();
	double			t;

	fails(base, "/missing", &o, "HTTP 404", "404");
	t = now();
	fails(base, "/huge-chunked", &o, "larger than 32 MiB",
	    "a chunked body over the default cap");
	o.max_bytes = 1024 * 1024;
	fails(base, "/huge-chunked", &o, "larger than 1 MiB",
	    "a chunked body over a 1 MiB cap");
	o.max_bytes = 0;
	fails(base, "/huge-length", &o, "larger than 32 MiB",
	    "a Content-Length over the cap");
	ok(now() - t < 4, "... each aborted at once (%.1f s)", now() - t);
	o.timeout = 1;
	t = now();
	fails(base, "/slow", &o, "timed out after 1 s", "total timeout");
	ok(now() - t < 3, "... after about 1 s (%.1f s)", now() - t);
}

/* A cancel hook: yes once arg's deadline (a now() value) has passed. */
static int	hook_calls;

static int
after(void *arg)
{
	hook_calls++;
	return now() > *(double *)arg;
}

static void
test_cancel(void)
{
	struct fetch_opts	 o = opts();
	struct fetch_result	 r;
	double			 t, deadline;

	o.cancelled = after;
	o.cancel_arg = &deadline;
	t = now();
	deadline = t + 0.3;
	fails(base, "/slow", &o, "cancelled",
	    "a hook that says cancelled during a trickling body");
	ok(now() - t < 5, "... ends the 10 s transfer at once (%.1f s)",
	    now() - t);
	t = now();
	deadline = t + 0.3;
	fails(base, "/stall", &o, "cancelled",
	    "a hook that says cancelled while the server says nothing");
	ok(now() - t < 5, "... ends the 20 s wait at once (%.1f s)",
	    now() - t);
	hook_calls = 0;
	deadline = t - 1;
	fails(base, "/page", &o, "cancelled", "a hook cancelled from the start");
	ok(hook_calls > 0, "... is asked before anything is sent");

	hook_calls = 0;
	deadline = now() + 3600;
	if (ok(get(base, "/redirect/3", &o, &r) == 0,
	    "a hook that never cancels changes nothing")) {
		is_str(r.body, "landed", "... the body arrives");
		fetch_result_free(&r);
	}
	ok(hook_calls > 0, "... though it was asked (%d times)", hook_calls);
	o.timeout = 1;
	fails(base, "/slow", &o, "timed out after 1 s",
	    "... nor the timeout's message");
}

/* A story's progress and its sink, counted; cancels at the nth fetch. */
struct story_count {
	int	fetches, cancel_at, begun, ended_ok;
};

static void
story_said(void *arg, const char *message)
{
	struct story_count	*sc = arg;

	if (strncmp(message, "fetching ", 9) == 0)
		sc->fetches++;
}

static int
story_stop(void *arg)
{
	struct story_count	*sc = arg;

	return sc->cancel_at != 0 && sc->fetches >= sc->cancel_at;
}

static int
sink_begin(void *arg, const struct import_article *ia, char **cause)
{
	(void)ia; (void)cause;
	((struct story_count *)arg)->begun++;
	return 0;
}

static int
sink_translation(void *arg, const struct import_translation *it,
    char **cause)
{
	(void)arg; (void)it; (void)cause;
	return 0;
}

static int
sink_paragraph(void *arg, const char *text, size_t len, char **cause)
{
	(void)arg; (void)text; (void)len; (void)cause;
	return 0;
}

static int
sink_end(void *arg, int ok, char **cause)
{
	(void)cause;
	if (ok)
		((struct story_count *)arg)->ended_ok++;
	return 0;
}

static void
test_story_cancel(void)
{
	static const char *const langs[] = { "en", NULL };
	struct story_count	 sc;
	struct story_opts	 so;
	struct story_report	 rep;
	struct import_sink	 sink = { &sc, sink_begin, sink_translation,
	    sink_paragraph, NULL, sink_end };
	char			*url, *cause = NULL, *want;
	int			 rc;

	memset(&so, 0, sizeof so);
	so.langs = langs;
	so.translations = 1;
	so.noproxy = "*";
	so.progress = story_said;
	so.cancelled = story_stop;
	so.arg = so.cancel_arg = &sc;
	xasprintf(&url, "%s/story/en", base);

	memset(&sc, 0, sizeof sc);
	rc = story_import(url, &so, &sink, &rep, &cause);
	if (!ok(rc == 0, "a story with a hook that never cancels"))
		diag("%s", cause);
	ok(sc.fetches == 3 && sc.ended_ok == 1,
	    "... is fetched and stored whole (%d pages)", sc.fetches);
	story_report_free(&rep);
	FREE(&cause);

	memset(&sc, 0, sizeof sc);
	sc.cancel_at = 2;
	rc = story_import(url, &so, &sink, &rep, &cause);
	xasprintf(&want, "%s: cancelled", url);
	ok(rc == -1 && cause != NULL && strcmp(cause, want) == 0,
	    "a story cancelled at its second page fails: %s", cause);
	ok(sc.fetches == 2, "... asks for no further page (%d)", sc.fetches);
	ok(sc.begun == 0 && sc.ended_ok == 0, "... and stores nothing");
	story_report_free(&rep);
	free(cause);
	free(want);
	free(url);
}

static void
test_headers(void)
{
	static const char *const langs[] = { "ko", "en", "fr", NULL };
	static const char *const bad[] = { "ko\r\nX-Evil: 1", "", "und",
	    "ja", NULL };
	struct fetch_opts	 o = opts();
	struct fetch_result	 r;
	char			*al;

	if (get(base, "/gzip", &o, &r) == 0) {
		ok(r.len == 11 + 7 * 200 &&
		    strncmp(r.body, "gzip body: tandem tandem", 24) == 0,
		    "a gzip body arrives decoded");
		fetch_result_free(&r);
	}
	o.langs = langs;
	if (get(base, "/echo", &o, &r) == 0) {
		ok(strstr(r.body, "User-Agent: tandem/" PACKAGE_VERSION
		    " (+man tandem)\n") != NULL, "User-Agent");
		ok(strstr(r.body, "Accept-Language: ko,en;q=0.9,fr;q=0.8\n")
		    != NULL, "Accept-Language from the preference");
		ok(strstr(r.body, "Accept-Encoding: ") != NULL &&
		    strstr(r.body, "gzip") != NULL, "Accept-Encoding");
		ok(strstr(r.body, "Cookie") == NULL, "no cookies");
		if (tap_failed)
			tap_show("request headers", r.body);
		fetch_result_free(&r);
	}
	al = fetch_accept_language(bad);
	is_str(al, "ja", "tags that could break the header are dropped");
	free(al);
	ok(fetch_accept_language(NULL) == NULL, "no preference, no header");
}

static void
test_refused(void)
{
	struct fetch_opts	 o = opts();
	struct fetch_result	 r;
	char			*s, *b, *cause = NULL;

	fails("", "file:///etc/passwd", &o, "not an http or https URL",
	    "file:// refused");
	fails("", "ftp://127.0.0.1/", &o, "not an http or https URL",
	    "ftp:// refused");
	o.timeout = 20;
	fails("", "http://example.invalid/", &o,
	    "cannot resolve the host name", ".invalid does not resolve");

	s = fetch_redact("https://user:secret@site.test:8080/a@b?c");
	is_str(s, "https://site.test:8080/a@b?c", "userinfo redacted");
	free(s);
	s = fetch_redact("http://site.test/a@b");
	is_str(s, "http://site.test/a@b", "an @ in the path stays");
	free(s);
	xasprintf(&b, "http://user:secret@127.0.0.1:%d/missing", plain.port);
	if (fetch_url(b, &o, &r, &cause) == 0)
		fetch_result_free(&r);
	else
		ok(strstr(cause, "secret") == NULL &&
		    strcmp(cause + strlen(cause) - 18, "/missing: HTTP 404") == 0
		    && strncmp(cause, "http://127.0.0.1:", 17) == 0,
		    "an error names the URL without the password: %s", cause);
	free(cause);
	free(b);
}

static void
test_tls(void)
{
	struct fetch_opts	o = opts();
	struct fetch_result	r;

	o.ca_file = ca;
	if (get(tbase, "/page", &o, &r) == 0) {
		ok(r.status == 200 && r.len > 40, "HTTPS with the test CA");
		fetch_result_free(&r);
	} else
		ok(0, "HTTPS with the test CA");
	o.ca_file = NULL;
	fails(tbase, "/page", &o, "certificate verify failed",
	    "HTTPS without the test CA");
}

#define HTTP_PW		"s3cret pw"

/* fetch_http() of url (a printf format, then its arguments). */
static int
http(const char *method, const char *user, long timeout,
    struct fetch_http_res *res, enum fetch_http_fail *fail, char **cause,
    const char *fmt, ...)
{
	struct fetch_http_req	 q = { 0 };
	va_list			 ap;
	char			*url;
	int			 rc;

	va_start(ap, fmt);
	xvasprintf(&url, fmt, ap);
	va_end(ap);
	q.method = method;
	q.url = url;
	q.user = user;
	q.password = user != NULL ? HTTP_PW : NULL;
	q.opts.timeout = timeout;
	q.opts.max_bytes = 1024 * 1024;
	q.opts.noproxy = "*";
	if (method != NULL && strcmp(method, "POST") == 0) {
		q.body = "{\"content\":\"서울\"}";
		q.len = strlen(q.body);
		q.content_type = "application/json; charset=utf-8";
	}
	*cause = NULL;
	rc = fetch_http(&q, res, fail, cause);
	if (*cause != NULL && strstr(*cause, HTTP_PW) != NULL) {
		ok(0, "the password is in a message: %s", *cause);
		rc = -2;
	}
	free(url);
	return rc;
}

/* What server s was asked so far (its /seen), allocated. */
static char *
seen(const struct server *s)
{
	struct fetch_opts	 o = opts();
	struct fetch_result	 r;
	char			*url, *cause = NULL, *text;

	xasprintf(&url, "http://127.0.0.1:%d/seen", s->port);
	if (fetch_url(url, &o, &r, &cause) != 0) {
		diag("%s", cause);
		free(cause);
		free(url);
		return xstrdup("?");
	}
	text = r.body;
	r.body = NULL;
	fetch_result_free(&r);
	free(url);
	return text;
}

static void
test_http_answers(void)
{
	struct fetch_http_res	 res;
	enum fetch_http_fail	 fail;
	char			*cause;

	if (ok(http("POST", "admin", 0, &res, &fail, &cause,
	    "%s/api/echo", base) == 0, "fetch_http: a POST with a password")) {
		is_int(res.status, 201, "... its status, 201");
		ok(strstr(res.body, "POST /api/echo\n") != NULL &&
		    strstr(res.body, "\n{\"content\":\"서울\"}") != NULL,
		    "... the method and the body went");
		ok(strstr(res.body, "Authorization: Basic "
		    "YWRtaW46czNjcmV0IHB3\n") != NULL, "... Basic auth went");
		ok(strstr(res.body, "Content-Type: application/json; "
		    "charset=utf-8\n") != NULL && strstr(res.body,
		    "Accept: application/json\n") != NULL,
		    "... Content-Type and Accept");
		ok(strstr(res.body, "User-Agent: tandem/" PACKAGE_VERSION
		    " (+man tandem)\n") != NULL && strstr(res.body, "Cookie")
		    == NULL, "... fetch_url's User-Agent, no cookies");
		is_int(res.total_pages, 7, "... X-WP-TotalPages");
		if (tap_failed)
			tap_show("the request", res.body);
		fetch_http_res_free(&res);
	}
	if (ok(http(NULL, NULL, 0, &res, &fail, &cause, "%s/missing",
	    base) == 0, "a 404 is an answer")) {
		ok(res.status == 404 && res.total_pages == -1 &&
		    strcmp(res.body, "not here") == 0,
		    "... with its status and body, no page count");
		fetch_http_res_free(&res);
	}
	if (ok(http(NULL, NULL, 0, &res, &fail, &cause, "%s/gzip", base) ==
	    0, "a gzip answer")) {
		ok(strncmp(res.body, "gzip body: tandem", 17) == 0,
		    "... arrives decoded");
		fetch_http_res_free(&res);
	}
}

static void
test_http_redirects(void)
{
	struct fetch_http_res	 res;
	enum fetch_http_fail	 fail;
	char			*cause, *want, *log;

	if (ok(http(NULL, "admin", 0, &res, &fail, &cause, "%s/redirect/3",
	    base) == 0, "a GET with a password follows redirects on its "
	    "origin")) {
		is_str(res.body, "landed", "... to their end");
		fetch_http_res_free(&res);
	}
	log = seen(&plain);
	ok(strstr(log, "GET /redirect/0 Basic YWRtaW46czNjcmV0IHB3\n") !=
	    NULL, "... with the password at each hop");
	free(log);

	xasprintf(&want, "%s/away?to=http://127.0.0.1:%d/api/echo: "
	    "redirected to http://127.0.0.1:%d/api/echo, another site; the "
	    "password is not sent there", base, other.port, other.port);
	if (http(NULL, "admin", 0, &res, &fail, &cause,
	    "%s/away?to=http://127.0.0.1:%d/api/echo", base, other.port) == 0) {
		ok(0, "a redirect to another origin with a password fails");
		fetch_http_res_free(&res);
	} else
		is_str(cause, want, "a redirect to another origin with a "
		    "password is not followed");
	ok(fail == FETCH_HTTP_NOT_SENT, "... and nothing is unsure");
	log = seen(&other);
	is_str(log, "", "... the other origin was not even asked");
	free(log);
	free(cause);
	free(want);

	if (ok(http(NULL, NULL, 0, &res, &fail, &cause,
	    "%s/away?to=http://127.0.0.1:%d/api/echo", base, other.port) == 0,
	    "without a password a GET is redirected anywhere, as fetch_url")) {
		ok(res.status == 200 && strstr(res.body, "GET /api/echo\n") !=
		    NULL, "... and lands");
		fetch_http_res_free(&res);
	}
	log = seen(&other);
	ok(strcmp(log, "GET /api/echo -\n") == 0, "... without any "
	    "Authorization: %s", log);
	free(log);

	if (ok(http("POST", "admin", 0, &res, &fail, &cause,
	    "%s/away?to=/api/echo", base) == 0, "a POST is not redirected")) {
		is_int(res.status, 302, "... its 302 is the answer");
		fetch_http_res_free(&res);
	}
	if (http(NULL, "admin", 0, &res, &fail, &cause, "%s/loop", base) == 0)
		fetch_http_res_free(&res);
	ok(cause != NULL && strstr(cause, ": too many redirects") != NULL,
	    "an endless redirect on the origin: %s", cause);
	free(cause);
}

/* A port on 127.0.0.1 that nothing listens on (just closed). */
static int
closed_port(void)
{
	struct sockaddr_in	sa;
	socklen_t		len = sizeof sa;
	int			fd, port = 1;

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return port;
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0 &&
	    getsockname(fd, (struct sockaddr *)&sa, &len) == 0)
		port = ntohs(sa.sin_port);
	close(fd);
	return port;
}

/* fetch_http of path fails as "URL: want" with fail f. */
static void
http_fails(const char *method, const char *url, long timeout,
    const char *want, enum fetch_http_fail f, const char *what)
{
	struct fetch_http_res	 res;
	enum fetch_http_fail	 fail = 0;
	char			*cause, *full, *shown;

	shown = fetch_redact(url);
	xasprintf(&full, "%s: %s", shown, want);
	if (http(method, "admin", timeout, &res, &fail, &cause, "%s", url) ==
	    0) {
		ok(0, "%s: fails", what);
		fetch_http_res_free(&res);
	} else {
		is_str(cause, full, "%s", what);
		ok(fail == f, "... %s", f == FETCH_HTTP_NOT_SENT ?
		    "never sent" : "may have arrived");
	}
	free(cause);
	free(full);
	free(shown);
}

static void
test_http_failures(void)
{
	char	*url;

	xasprintf(&url, "http://127.0.0.1:%d/api/echo", closed_port());
	http_fails("POST", url, 0, "cannot connect", FETCH_HTTP_NOT_SENT,
	    "fetch_http to a closed port");
	free(url);
	http_fails("POST", "ftp://127.0.0.1/", 0, "not an http or https URL",
	    FETCH_HTTP_NOT_SENT, "fetch_http of ftp://");
	xasprintf(&url, "http://admin:%s@127.0.0.1:%d/stall", "s3cret",
	    plain.port);
	http_fails("POST", url, 1, "timed out after 1 s", FETCH_HTTP_UNSURE,
	    "a POST that is not answered in time (user:password redacted)");
	free(url);
	xasprintf(&url, "%s/huge-chunked", base);
	http_fails(NULL, url, 0, "larger than 1 MiB", FETCH_HTTP_UNSURE,
	    "an answer over the cap");
	free(url);
}

int
main(void)
{
	char	cert[128], key[128];

	signal(SIGPIPE, SIG_IGN);
	if (system("command -v python3 >/dev/null 2>&1") != 0) {
		printf("1..0 # SKIP python3 not found: install the Debian "
		    "package python3\n");
		return 0;
	}
	if (system("command -v openssl >/dev/null 2>&1") != 0) {
		printf("1..0 # SKIP openssl not found: install the Debian "
		    "package openssl\n");
		return 0;
	}
	atexit(cleanup);
	if (make_certs() != 0 || server_start(&plain, NULL, NULL) != 0) {
		printf("Bail out! cannot set up the test servers\n");
		return 1;
	}
	snprintf(cert, sizeof cert, "%s/srv.pem", tmpdir);
	snprintf(key, sizeof key, "%s/srv.key", tmpdir);
	if (server_start(&tls, cert, key) != 0 ||
	    server_start(&other, NULL, NULL) != 0) {
		printf("Bail out! cannot start the HTTPS server\n");
		return 1;
	}
	snprintf(base, sizeof base, "http://127.0.0.1:%d", plain.port);
	snprintf(tbase, sizeof tbase, "https://127.0.0.1:%d", tls.port);

	test_page();
	test_redirects();
	test_limits();
	test_cancel();
	test_story_cancel();
	test_headers();
	test_refused();
	test_tls();
	test_http_answers();
	test_http_redirects();
	test_http_failures();
	return tap_done();
}
