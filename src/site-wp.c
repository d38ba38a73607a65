/*
 * site-wp.c: the WordPress REST API's comments (see site-wp.h).
 *
 * Speaks through fetch (fetch_url for the article's page, fetch_http for
 * the API), reads the JSON through json-wp.c, makes HTML text through
 * html_comment_text and stores through the cache.  Messages carry the
 * site's own words only after utf8_sanitize_line and a length cap: a
 * site cannot put escapes or a second line on the terminal.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "account.h"
#include "article.h"
#include "cache.h"
#include "charset.h"
#include "fetch.h"
#include "fetch-http.h"
#include "html.h"
#include "json-wp.h"
#include "site-wp.h"
#include "utf8.h"
#include "xmalloc.h"

#define SITE_WP_MAX_PAGES	1000	/* of 100 comments each */
#define SITE_WP_MSG_MAX		200	/* bytes of a site's message shown */

/* Where one translation's comments live. */
struct site_wp_post {
	char		*api;	/* "http://host/wp-json/" */
	long long	 post;
};

/* fetch.h's options for a request to the site: its timeout, the hook. */
static void
site_wp_fetch_opts(const struct site_wp_opts *o, struct fetch_opts *fo)
{
	const char	*e = getenv("TANDEM_SITE_TIMEOUT");

	memset(fo, 0, sizeof *fo);
	if (o != NULL && o->timeout > 0)
		fo->timeout = o->timeout;
	else if (e != NULL && atol(e) > 0)
		fo->timeout = atol(e);
	if (o != NULL) {
		fo->cancelled = o->cancelled;
		fo->cancel_arg = o->cancel_arg;
	}
}

/* api + path + query, whether the API root has a query of its own. */
static char *
site_wp_endpoint(const char *api, const char *path, const char *query)
{
	char	*s;

	xasprintf(&s, "%s%s%s%s%s", api, api[strlen(api) - 1] == '/' ? "" :
	    "/", path, *query == '\0' ? "" : strchr(api, '?') ? "&" : "?",
	    query);
	return s;
}

static int
site_wp_get(const char *url, const struct site_wp_opts *o,
    struct fetch_http_res *res, char **cause)
{
	struct fetch_http_req	q = { 0 };
	enum fetch_http_fail	fail;

	q.url = url;
	site_wp_fetch_opts(o, &q.opts);
	if (fetch_http(&q, res, &fail, cause) != 0)
		return -1;
	if (res->status != 200) {
		xasprintf(cause, "%s: HTTP %ld", url, res->status);
		fetch_http_res_free(res);
		return -1;
	}
	return 0;
}

/* The number after "p=" in url's query, or 0. */
static long long
site_wp_query_p(const char *url)
{
	const char	*q;

	if (url == NULL || (q = strchr(url, '?')) == NULL)
		return 0;
	for (q++; *q != '\0'; q += strcspn(q, "&"), q += *q == '&')
		if (strncmp(q, "p=", 2) == 0)
			return strtoll(q + 2, NULL, 10);
	return 0;
}

/* The last non-empty path segment of url, or NULL. */
static char *
site_wp_slug(const char *url)
{
	const char	*p = strstr(url, "://"), *end, *seg = NULL;
	size_t		 n = 0;

	if (p == NULL || (p = strchr(p + 3, '/')) == NULL)
		return NULL;
	end = p + strcspn(p, "?#");
	while (p < end) {
		p++;
		if (strcspn(p, "/?#") > 0 && p < end) {
			seg = p;
			n = strcspn(p, "/?#");
		}
		p += strcspn(p, "/?#");
	}
	if (seg == NULL || n > 200 || strspn(seg, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_%.") < n)
		return NULL;
	return xstrndup(seg, n);
}

/* The post's id from the REST lookup of its slug (posts, then pages). */
static long long
site_wp_by_slug(const char *api, const char *url,
    const struct site_wp_opts *o)
{
	static const char *const kinds[] = { "wp/v2/posts", "wp/v2/pages" };
	struct fetch_http_res	 res;
	char			*slug, *q, *e, *cause = NULL;
	long long		 id = 0;
	size_t			 i;

	if ((slug = site_wp_slug(url)) == NULL)
		return 0;
	xasprintf(&q, "slug=%s&_fields=id", slug);
	for (i = 0; i < 2 && id == 0; i++) {
		e = site_wp_endpoint(api, kinds[i], q);
		if (site_wp_get(e, o, &res, &cause) == 0) {
			id = json_wp_first_id(res.body, res.len);
			fetch_http_res_free(&res);
		}
		FREE(&cause);
		free(e);
	}
	free(q);
	free(slug);
	return id;
}

/* The page's API link, shortlink and final URL. */
static int
site_wp_page(const char *url, const struct site_wp_opts *o, char **api,
    char **shortlink, char **final, char **cause)
{
	struct fetch_opts	 fo = { 0 };
	struct fetch_result	 r;
	struct charset_result	 cr;
	struct charset_hint	 hint = { NULL, NULL };
	struct html_page	*pg;
	int			 rc;

	*api = *shortlink = *final = NULL;
	site_wp_fetch_opts(o, &fo);
	if (fetch_url(url, &fo, &r, cause) != 0)
		return -1;
	hint.http = r.charset;
	rc = charset_to_utf8(r.body, r.len, &hint, &cr, cause);
	if (rc == 0) {
		rc = html_parse(cr.text, cr.len, r.url ? r.url : url, &pg,
		    cause);
		free(cr.text);
	}
	if (rc == 0) {
		*api = pg->api_root;
		*shortlink = pg->shortlink;
		pg->api_root = pg->shortlink = NULL;
		html_page_free(pg);
		*final = xstrdup(r.url ? r.url : url);
	}
	fetch_result_free(&r);
	return rc;
}

/*
 * The API behind the page at url (*final: where it ended, *shortlink:
 * its shortlink or NULL): 0, 1 when the site has no API tandem knows,
 * -1 with *cause when it cannot be reached.
 */
static int
site_wp_api(const char *url, const struct site_wp_opts *o, char **api,
    char **shortlink, char **final, char **cause)
{
	struct fetch_http_res	 res;
	char			*site, *e = NULL;

	if (site_wp_page(url, o, api, shortlink, final, cause) != 0)
		return -1;
	if (*api == NULL && (site = account_site(*final)) != NULL) {
		/* No link in the page: the API's usual place. */
		xasprintf(&e, "%s/wp-json/", site);
		free(site);
		if (site_wp_get(e, o, &res, cause) == 0) {
			if (memmem(res.body, res.len, "wp\\/v2", 6) != NULL ||
			    memmem(res.body, res.len, "wp/v2", 5) != NULL)
				*api = e, e = NULL;
			fetch_http_res_free(&res);
		}
		FREE(cause);
		free(e);
	}
	if (*api != NULL && strncasecmp(*api, "http", 4) != 0)
		FREE(api);
	if (*api == NULL) {
		FREE(shortlink);
		FREE(final);
		return 1;
	}
	return 0;
}

/* The API and post id behind the page at url; as site_wp_api(). */
static int
site_wp_find(const char *url, const struct site_wp_opts *o,
    struct site_wp_post *p, char **cause)
{
	char	*shortlink, *final;
	int	 rc;

	memset(p, 0, sizeof *p);
	if ((rc = site_wp_api(url, o, &p->api, &shortlink, &final,
	    cause)) != 0)
		return rc;
	if ((p->post = site_wp_query_p(shortlink)) == 0 &&
	    (p->post = site_wp_query_p(final)) == 0)
		p->post = site_wp_by_slug(p->api, final, o);
	free(shortlink);
	free(final);
	if (p->post <= 0) {
		FREE(&p->api);
		return 1;
	}
	return 0;
}

/* One site comment as the cache keeps it. */
static void
site_wp_convert(const struct json_wp_comment *w, struct article_comment *m)
{
	memset(m, 0, sizeof *m);
	m->remote_id = w->id;
	m->remote_parent = w->parent;
	m->author = w->author != NULL ? xstrdup(w->author) : NULL;
	m->body = html_comment_text(w->html, strlen(w->html));
	m->created = w->date != NULL ? xstrdup(w->date) : NULL;
	m->link = w->link != NULL ? xstrdup(w->link) : NULL;
}

/* Every comment of the post, all pages. */
static int
site_wp_list(const struct site_wp_post *p, const struct site_wp_opts *o,
    struct article_comment **vp, size_t *np, char **cause)
{
	struct fetch_http_res	 res;
	struct json_wp_comment	*w;
	size_t			 nw, i, n = 0, cap = 0;
	long			 page, pages = 1;
	char			*q, *e;
	int			 rc = 0;

	*vp = NULL;
	for (page = 1; page <= pages && page <= SITE_WP_MAX_PAGES && rc == 0;
	    page++) {
		xasprintf(&q, "post=%lld&per_page=100&page=%ld&orderby=id&"
		    "order=asc", p->post, page);
		e = site_wp_endpoint(p->api, "wp/v2/comments", q);
		free(q);
		if ((rc = site_wp_get(e, o, &res, cause)) == 0) {
			pages = res.total_pages > 0 ? res.total_pages : 1;
			if ((rc = json_wp_comments(res.body, res.len, &w, &nw,
			    cause)) != 0) {
				free(*cause);
				xasprintf(cause, "%s: not a list of comments",
				    e);
			}
			fetch_http_res_free(&res);
		}
		free(e);
		if (rc != 0)
			break;
		if (n + nw > cap)
			*vp = xreallocarray(*vp, cap = (n + nw) * 2 + 16,
			    sizeof **vp);
		for (i = 0; i < nw; i++)
			site_wp_convert(&w[i], &(*vp)[n++]);
		json_wp_comments_free(w, nw);
	}
	*np = n;
	if (rc != 0) {
		article_comments_free(*vp, n);
		*vp = NULL;
		*np = 0;
	}
	return rc;
}

/* Sync the comments of one translation URL. */
static int
site_wp_sync_url(struct cache *c, long long article, const char *url,
    const char *lang, const struct site_wp_opts *o, size_t *nfound,
    char **cause)
{
	struct site_wp_post	 p;
	struct article_comment	*v;
	size_t			 n;
	int			 rc;

	if ((rc = site_wp_find(url, o, &p, cause)) != 0)
		return rc;
	if ((rc = site_wp_list(&p, o, &v, &n, cause)) == 0) {
		rc = cache_remote_sync(c, article, url, lang, v, n, cause);
		*nfound += n;
		article_comments_free(v, n);
	}
	free(p.api);
	return rc;
}

int
site_wp_sync(struct cache *c, long long id, const struct site_wp_opts *o,
    size_t *nfound, char **cause)
{
	struct article	*a;
	size_t		 i;
	int		 rc, synced = 0, failed = 0;
	char		*why = NULL;

	*nfound = 0;
	if (cache_article_load(c, id, &a, cause) != 0)
		return -1;
	for (i = 0; i < a->ntranslations; i++) {
		if (a->translations[i].url == NULL)
			continue;
		rc = site_wp_sync_url(c, id, a->translations[i].url,
		    a->translations[i].lang, o, nfound, &why);
		if (rc == 0)
			synced++;
		else if (rc < 0 && !failed++)
			*cause = why, why = NULL;
		FREE(&why);
	}
	if (a->ntranslations == 0 && a->url != NULL) {
		rc = site_wp_sync_url(c, id, a->url, a->original, o, nfound,
		    cause);
		synced += rc == 0;
		failed += rc < 0;
	}
	article_free(a);
	return failed ? -1 : synced;
}

/* The site's message of an error body, as one safe, short line. */
static char *
site_wp_said(const char *body, size_t len, char **code)
{
	char	*message, *text, *line;
	size_t	 n;

	if (json_wp_error(body, len, code, &message) != 0)
		return NULL;
	if (message == NULL)
		return NULL;
	/* Messages may hold markup ("<strong>Error</strong>: ..."). */
	text = html_comment_text(message, strlen(message));
	free(message);
	n = strlen(text);
	if (n > SITE_WP_MSG_MAX) {
		n = SITE_WP_MSG_MAX;
		while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
			n--;
	}
	line = utf8_sanitize_line(text, n, &n, NULL);
	free(text);
	return line;
}

/* "a  b\n c" and "a b c" are one text: whitespace runs count as one. */
static int
site_wp_same_text(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ' || *a == '\n' || *a == '\t' || *a == '\r')
			a++;
		while (*b == ' ' || *b == '\n' || *b == '\t' || *b == '\r')
			b++;
		if (*a == '\0' || *b == '\0')
			return *a == *b;
		if (*a++ != *b++)
			return 0;
	}
}

/*
 * Is m already on the site (a send that timed out may have arrived)?
 * 1 with *found, 0 no, -1 cannot tell.  The newest 100 comments are
 * compared by author and text.
 */
static int
site_wp_lookup(const struct site_wp_post *p, const struct article_comment *m,
    const struct account *acct, const struct site_wp_opts *o,
    struct json_wp_comment *found)
{
	struct fetch_http_res	 res;
	struct json_wp_comment	*w;
	size_t			 nw, i;
	char			*q, *e, *cause = NULL, *text;
	int			 rc = -1;

	xasprintf(&q, "post=%lld&per_page=100&orderby=id&order=desc",
	    p->post);
	e = site_wp_endpoint(p->api, "wp/v2/comments", q);
	free(q);
	if (site_wp_get(e, o, &res, &cause) == 0) {
		if (json_wp_comments(res.body, res.len, &w, &nw, &cause) == 0) {
			for (i = 0, rc = 0; i < nw && rc == 0; i++) {
				text = html_comment_text(w[i].html,
				    strlen(w[i].html));
				if (w[i].parent == m->remote_parent &&
				    site_wp_same_text(text, m->body)) {
					*found = w[i];
					memset(&w[i], 0, sizeof w[i]);
					rc = 1;
				}
				free(text);
			}
			json_wp_comments_free(w, nw);
		}
		fetch_http_res_free(&res);
	}
	(void)acct;
	free(cause);
	free(e);
	return rc;
}

/* The site has it: the local row becomes the site's comment. */
static enum site_wp_outcome
site_wp_keep_sent(struct cache *c, const struct article_comment *m,
    struct json_wp_comment *w, const char *site, char **msg)
{
	struct article_comment	 r;
	char			*cause = NULL;

	memset(&r, 0, sizeof r);
	r.remote_id = w->id;
	r.link = w->link;
	r.created = w->date;
	r.author = w->author;
	if (cache_comment_sent(c, m->id, m->remote_url, &r, &cause) != 0) {
		xasprintf(msg, "comment %lld was posted to %s as #%lld, but "
		    "the cache could not record it: %s", m->id, site, w->id,
		    cause);
		free(cause);
	} else
		xasprintf(msg, "comment %lld posted to %s (#%lld)", m->id, site,
		    w->id);
	json_wp_comment_free(w);
	return SITE_WP_SENT;
}

/* Record what happened: still pending (1, 2) or a draft again (0). */
static enum site_wp_outcome
site_wp_mark(struct cache *c, const struct article_comment *m, int pending,
    enum site_wp_outcome out, char **msg)
{
	char	*cause = NULL, *s;

	if (cache_comment_pending(c, m->id, pending, m->remote_url,
	    &cause) != 0) {
		xasprintf(&s, "%s (and the cache could not record it: %s)",
		    *msg, cause);
		free(*msg);
		*msg = s;
		free(cause);
	}
	return out;
}

int
site_wp_check_login(const char *url, const char *user, const char *pw,
    const struct site_wp_opts *o, char **cause)
{
	struct fetch_http_req	 q = { 0 };
	struct fetch_http_res	 res;
	enum fetch_http_fail	 fail;
	char			*said, *code = NULL, *api, *sl, *final;
	int			 rc;

	if ((rc = site_wp_api(url, o, &api, &sl, &final, cause)) != 0) {
		if (rc > 0)
			xasprintf(cause, "%s offers no API tandem knows (no "
			    "WordPress REST API)", url);
		return -1;
	}
	free(sl);
	free(final);
	q.url = site_wp_endpoint(api, "wp/v2/users/me", "context=edit");
	q.user = user;
	q.password = pw;
	site_wp_fetch_opts(o, &q.opts);
	rc = fetch_http(&q, &res, &fail, cause);
	if (rc == 0 && res.status != 200) {
		said = site_wp_said(res.body, res.len, &code);
		xasprintf(cause, "the site refused the application password "
		    "of %s (HTTP %ld%s%s)", user, res.status, said ? ": " : "",
		    said ? said : "");
		free(said);
		free(code);
		rc = -1;
	}
	fetch_http_res_free(&res);
	free((char *)q.url);
	free(api);
	return rc;
}

/* A 4xx answer in the user's words; the comment goes back to a draft. */
static enum site_wp_outcome
site_wp_refused(struct cache *c, const struct article_comment *m,
    const struct account *acct, const char *pw, const struct site_wp_opts *o,
    const struct fetch_http_res *res, char **msg)
{
	char	*code = NULL, *said, *why = NULL;

	said = site_wp_said(res->body, res->len, &code);
	if (code == NULL)
		code = xstrdup("");
	if (res->status == 401 && (strcmp(code, "rest_comment_login_required")
	    != 0 || site_wp_check_login(m->remote_url, acct->user, pw, o,
	    &why) != 0))
		/* WordPress 6.1 says "login required" for a wrong password
		   too; users/me tells the two apart. */
		xasprintf(msg, "%s refused the application password of %s "
		    "(wrong password?): tandem login %s --user %s; comment "
		    "%lld is kept as a draft", acct->site, acct->user,
		    acct->site, acct->user, m->id);
	else if (res->status == 401)
		xasprintf(msg, "This site requires login to comment: tandem "
		    "login %s --user NAME", acct->site);
	else if (strcmp(code, "rest_comment_closed") == 0)
		xasprintf(msg, "Comments are closed on %s; comment %lld is "
		    "kept as a draft", acct->site, m->id);
	else if (res->status == 409 || strcmp(code, "comment_duplicate") == 0)
		xasprintf(msg, "%s already has this comment (a duplicate); "
		    "comment %lld is kept as a draft", acct->site, m->id);
	else if (res->status == 400 && strstr(code, "content") != NULL)
		xasprintf(msg, "%s refused an empty comment (comment %lld)",
		    acct->site, m->id);
	else
		xasprintf(msg, "%s refused comment %lld: %s (HTTP %ld)",
		    acct->site, m->id, said != NULL ? said : "no reason given",
		    res->status);
	free(why);
	free(said);
	free(code);
	return site_wp_mark(c, m, 0, SITE_WP_REFUSED, msg);
}

/* POST the comment; what the site answered decides. */
static enum site_wp_outcome
site_wp_post(struct cache *c, const struct article_comment *m,
    const struct site_wp_post *p, const struct account *acct, const char *pw,
    const struct site_wp_opts *o, char **msg)
{
	struct fetch_http_req	 q = { 0 };
	struct fetch_http_res	 res;
	struct json_wp_comment	 w;
	enum fetch_http_fail	 fail;
	enum site_wp_outcome	 out;
	char			*body, *cause = NULL;

	if ((body = json_wp_new_comment(p->post, m->remote_parent,
	    m->body)) == NULL) {
		xasprintf(msg, "comment %lld is not valid UTF-8", m->id);
		return site_wp_mark(c, m, 0, SITE_WP_REFUSED, msg);
	}
	q.method = "POST";
	q.url = site_wp_endpoint(p->api, "wp/v2/comments", "");
	q.body = body;
	q.len = strlen(body);
	q.content_type = "application/json; charset=utf-8";
	q.user = acct->user;
	q.password = pw;
	site_wp_fetch_opts(o, &q.opts);
	if (fetch_http(&q, &res, &fail, &cause) != 0) {
		xasprintf(msg, "%s; comment %lld is pending: tandem comments "
		    "--send", cause, m->id);
		out = site_wp_mark(c, m, fail == FETCH_HTTP_UNSURE ? 2 : 1,
		    SITE_WP_KEPT, msg);
	} else if (res.status == 201 || res.status == 200) {
		if (json_wp_comment(res.body, res.len, &w, &cause) == 0)
			out = site_wp_keep_sent(c, m, &w, acct->site, msg);
		else {
			xasprintf(msg, "%s: the answer to comment %lld is %s; "
			    "it is pending and looked up before it is sent "
			    "again", acct->site, m->id, cause);
			out = site_wp_mark(c, m, 2, SITE_WP_KEPT, msg);
		}
		fetch_http_res_free(&res);
	} else if (res.status >= 500 || res.status == 429) {
		xasprintf(msg, "%s answered HTTP %ld; comment %lld is pending: "
		    "tandem comments --send", acct->site, res.status, m->id);
		out = site_wp_mark(c, m, 1, SITE_WP_KEPT, msg);
		fetch_http_res_free(&res);
	} else {
		out = site_wp_refused(c, m, acct, pw, o, &res, msg);
		fetch_http_res_free(&res);
	}
	free(cause);
	free(body);
	free((char *)q.url);
	return out;
}

/* What m's parent, local row pp, means for m: see site_wp_parent(). */
static int
site_wp_parent_says(struct cache *c, const struct article_comment *m,
    const struct article_comment *pp, const char *site, char **msg)
{
	if (pp->pending > 0) {
		xasprintf(msg, "comment %lld answers comment %lld, which is "
		    "not on %s yet; it is pending and goes after it: tandem "
		    "comments --send", m->id, pp->id, site);
		return site_wp_mark(c, m, m->pending > 0 ? m->pending : 1,
		    SITE_WP_KEPT, msg);
	}
	if (pp->state == ARTICLE_COMMENT_DRAFT) {
		xasprintf(msg, "comment %lld answers comment %lld, a draft "
		    "that is not on %s; it is kept as a draft too", m->id,
		    pp->id, site);
		return site_wp_mark(c, m, 0, SITE_WP_REFUSED, msg);
	}
	xasprintf(msg, "comment %lld answers comment %lld, which is kept "
	    "here and never sent to %s; the reply stays local too", m->id,
	    pp->id, site);
	return site_wp_mark(c, m, -1, SITE_WP_LOCAL_PARENT, msg);
}

int
site_wp_parent(struct cache *c, const struct article_comment *m,
    const char *site, long long *remote_parent, char **msg)
{
	struct article_comment	*v;
	size_t			 n, i;
	char			*cause = NULL;
	int			 out = -1;

	*remote_parent = 0;
	*msg = NULL;
	if (m->parent == 0)
		return -1;
	/* Read now: a parent sent a moment ago has its site id since. */
	if (cache_comments_load(c, m->article, &v, &n, &cause) != 0) {
		xasprintf(msg, "comment %lld: %s; it stays pending", m->id,
		    cause);
		free(cause);
		return SITE_WP_KEPT;
	}
	for (i = 0; i < n && v[i].id != m->parent; i++)
		;
	if (i < n && v[i].remote_id > 0)
		*remote_parent = v[i].remote_id;
	else if (i < n)
		out = site_wp_parent_says(c, m, &v[i], site, msg);
	article_comments_free(v, n);
	return out;
}

enum site_wp_outcome
site_wp_send(struct cache *c, const struct article_comment *orig,
    const struct account *acct, const char *pw, const struct site_wp_opts *o,
    char **msg)
{
	struct article_comment	 mm = *orig, *m = &mm;
	struct site_wp_post	 p;
	struct json_wp_comment	 w;
	enum site_wp_outcome	 out;
	char			*cause = NULL;
	int			 rc;

	if ((rc = site_wp_parent(c, orig, acct->site, &mm.remote_parent,
	    msg)) >= 0)
		return rc;
	if (strncmp(acct->site, "https://", 8) != 0 &&
	    !account_loopback(acct->site) && (o == NULL || !o->insecure_http)) {
		xasprintf(msg, "%s is plain HTTP: the password would travel "
		    "unencrypted; comment %lld is pending (--insecure-http to "
		    "send it anyway)", acct->site, m->id);
		return SITE_WP_KEPT;
	}
	if ((rc = site_wp_find(m->remote_url, o, &p, &cause)) != 0) {
		if (rc > 0) {
			xasprintf(msg, "%s offers no API tandem knows; comment "
			    "%lld stays local", acct->site, m->id);
			return site_wp_mark(c, m, -1, SITE_WP_NO_API, msg);
		}
		xasprintf(msg, "%s; comment %lld is pending: tandem comments "
		    "--send", cause, m->id);
		free(cause);
		return site_wp_mark(c, m, m->pending == 2 ? 2 : 1, SITE_WP_KEPT,
		    msg);
	}
	if (m->pending == 2) {
		rc = site_wp_lookup(&p, m, acct, o, &w);
		if (rc == 1) {
			free(p.api);
			return site_wp_keep_sent(c, m, &w, acct->site, msg);
		}
		if (rc < 0) {
			free(p.api);
			xasprintf(msg, "%s: cannot tell whether comment %lld "
			    "arrived; it stays pending", acct->site, m->id);
			return SITE_WP_KEPT;
		}
	}
	out = site_wp_post(c, m, &p, acct, pw, o, msg);
	free(p.api);
	return out;
}
