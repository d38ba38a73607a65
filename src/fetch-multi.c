/*
 * fetch-multi.c: many GETs at once through libcurl's multi interface.
 *
 * Each request is an easy handle set up by fetch.c's fetch_setup(), so
 * it keeps fetch.h's rules; only CURLOPT_FAILONERROR is turned off, so
 * that an error answer's headers (Retry-After) are read before the
 * status is judged.  The multi handle caps connections in all and per
 * host and queues what is over the cap itself.  fetch_multi_next()
 * waits in curl_multi_poll() no longer than asked, then takes one
 * finished transfer from curl_multi_info_read() and turns it into a
 * struct fetch_multi_done.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "fetch-int.h"
#include "fetch-multi.h"
#include "xmalloc.h"

struct fetch_multi_xfer {
	CURL			*easy;
	struct curl_slist	*headers;
	struct fetch_state	 st;
	struct fetch_opts	 o;
	char			*url;
	char			*etag, *last_modified;
	void			*tag;
	double			 started;
	int			 https;
	struct fetch_multi_xfer	*prev, *next;	/* under way */
};

struct fetch_multi {
	CURLM			*multi;
	struct fetch_opts	 base;
	size_t			 pending;	/* added, not handed back */
	int			 running;
	const char		*init_error;
	struct fetch_multi_xfer	*xfers;		/* under way */
	/* Requests that could not even start, handed back first. */
	struct fetch_multi_done	*early;
	size_t			 nearly;
};

static double
fetch_multi_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

struct fetch_multi *
fetch_multi_new(const struct fetch_opts *base, int max_total, int max_host)
{
	struct fetch_multi	*m;

	m = xcalloc(1, sizeof *m);
	if (base != NULL)
		m->base = *base;
	fetch_defaults(&m->base);
	if (max_total <= 0)
		max_total = FETCH_MULTI_CONNECTIONS;
	if (max_host <= 0)
		max_host = FETCH_MULTI_PER_HOST;
	m->init_error = fetch_global_init();
	if (m->init_error == NULL && (m->multi = curl_multi_init()) == NULL)
		m->init_error = "cannot start libcurl";
	if (m->multi != NULL) {
		curl_multi_setopt(m->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
		    (long)max_total);
		curl_multi_setopt(m->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
		    (long)max_host);
	}
	return m;
}

/* A request that failed before curl saw it: handed back by next(). */
static void
fetch_multi_early(struct fetch_multi *m, const char *url, const char *what,
    void *tag)
{
	struct fetch_multi_done	*d;

	m->early = xreallocarray(m->early, m->nearly + 1, sizeof *m->early);
	d = &m->early[m->nearly++];
	memset(d, 0, sizeof *d);
	d->tag = tag;
	d->failed = 1;
	d->error = fetch_cause(url, what);
}

void
fetch_multi_add(struct fetch_multi *m, const char *url, const char *etag,
    const char *last_modified, void *tag)
{
	struct fetch_multi_xfer	*x;
	CURL			*easy;
	char			*what = NULL;
	int			 https;

	m->pending++;
	if (m->init_error != NULL) {
		fetch_multi_early(m, url, m->init_error, tag);
		return;
	}
	if ((easy = fetch_begin(url, &m->base, &https, &what)) == NULL) {
		fetch_multi_early(m, url, what, tag);
		free(what);
		return;
	}
	x = xcalloc(1, sizeof *x);
	x->easy = easy;
	x->url = xstrdup(url);
	x->tag = tag;
	x->https = https;
	x->o = m->base;
	if (etag != NULL)
		x->o.if_none_match = x->etag = xstrdup(etag);
	if (last_modified != NULL)
		x->o.if_modified_since = x->last_modified =
		    xstrdup(last_modified);
	x->headers = fetch_setup(x->easy, url, &x->o, &x->st);
	curl_easy_setopt(x->easy, CURLOPT_FAILONERROR, 0L);
	curl_easy_setopt(x->easy, CURLOPT_PRIVATE, x);
	x->started = fetch_multi_now();
	if ((x->next = m->xfers) != NULL)
		x->next->prev = x;
	m->xfers = x;
	curl_multi_add_handle(m->multi, x->easy);
}

size_t
fetch_multi_pending(const struct fetch_multi *m)
{
	return m->pending;
}

long long
fetch_multi_retry_after(const char *v, long long now)
{
	char		*end;
	long long	 n;
	time_t		 t;

	while (*v == ' ' || *v == '\t')
		v++;
	n = strtoll(v, &end, 10);
	if (end != v && (*end == '\0' || *end == ' ')) {
		if (n < 0 || n > 366LL * 86400)
			return 0;
		return now + n;
	}
	if ((t = curl_getdate(v, NULL)) == -1)
		return 0;
	return (long long)t;
}

/* The end of one transfer, as a struct fetch_multi_done. */
static void
fetch_multi_finish(struct fetch_multi_xfer *x, CURLcode rc,
    struct fetch_multi_done *d)
{
	char	*what = NULL, *eff = NULL;

	memset(d, 0, sizeof *d);
	d->tag = x->tag;
	d->seconds = fetch_multi_now() - x->started;
	curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &d->status);
	if (rc != CURLE_OK)
		what = fetch_what(x->easy, rc, &x->st, &x->o, x->https);
	else if (fetch_answer(x->easy, &x->st, &d->result, &what) != 0) {
		d->gone = d->status == 410;
		if (x->st.retry_after != NULL &&
		    (d->status == 429 || d->status == 503))
			d->retry_after = fetch_multi_retry_after(
			    x->st.retry_after, (long long)time(NULL));
	}
	if (what != NULL) {
		d->failed = 1;
		d->error = fetch_cause(x->url, what);
		free(what);
	}
	if (x->st.permanent && x->st.hops > 0 &&
	    curl_easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL, &eff) ==
	    CURLE_OK && eff != NULL && strcmp(eff, x->url) != 0)
		d->moved_to = fetch_redact(eff);
}

static void
fetch_multi_xfer_free(struct fetch_multi *m, struct fetch_multi_xfer *x)
{
	if (x->prev != NULL)
		x->prev->next = x->next;
	else
		m->xfers = x->next;
	if (x->next != NULL)
		x->next->prev = x->prev;
	curl_multi_remove_handle(m->multi, x->easy);
	curl_easy_cleanup(x->easy);
	curl_slist_free_all(x->headers);
	fetch_state_free(&x->st);
	free(x->url);
	free(x->etag);
	free(x->last_modified);
	free(x);
}

/* One finished transfer into *d, if curl has one: 1, else 0. */
static int
fetch_multi_take(struct fetch_multi *m, struct fetch_multi_done *d)
{
	struct fetch_multi_xfer	*x;
	CURLMsg			*msg;
	int			 left;
	char			*p;

	while ((msg = curl_multi_info_read(m->multi, &left)) != NULL) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &p);
		x = (struct fetch_multi_xfer *)p;
		fetch_multi_finish(x, msg->data.result, d);
		fetch_multi_xfer_free(m, x);
		m->pending--;
		return 1;
	}
	return 0;
}

int
fetch_multi_next(struct fetch_multi *m, int timeout_ms,
    struct fetch_multi_done *d)
{
	double	until = fetch_multi_now() + timeout_ms / 1e3, left;

	if (m->nearly > 0) {
		*d = m->early[--m->nearly];
		m->pending--;
		return 1;
	}
	if (m->pending == 0)
		return -1;
	for (;;) {
		curl_multi_perform(m->multi, &m->running);
		if (fetch_multi_take(m, d))
			return 1;
		left = until - fetch_multi_now();
		if (left <= 0)
			return 0;
		curl_multi_poll(m->multi, NULL, 0,
		    left > 1 ? 1000 : (int)(left * 1e3) + 1, NULL);
	}
}

void
fetch_multi_done_free(struct fetch_multi_done *d)
{
	FREE(&d->error);
	FREE(&d->moved_to);
	fetch_result_free(&d->result);
}

void
fetch_multi_free(struct fetch_multi *m)
{
	size_t	i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nearly; i++)
		fetch_multi_done_free(&m->early[i]);
	free(m->early);
	while (m->xfers != NULL)
		fetch_multi_xfer_free(m, m->xfers);
	if (m->multi != NULL)
		curl_multi_cleanup(m->multi);
	free(m);
}
