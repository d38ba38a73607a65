/*
 * cmd-site.c: comments with the site from the command line:
 * tandem comments ID --fetch (read the site's comments into the cache),
 * tandem comments --send (send every pending comment), and the posting
 * half of tandem comment ID -m TEXT when the article's site has an
 * account.  The work is site-wp.c's; this file asks for passwords and
 * prints outcomes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "article.h"
#include "cache.h"
#include "cmd.h"
#include "comment.h"
#include "out.h"
#include "site-feed.h"
#include "site-wp.h"
#include "xmalloc.h"

/* Read the site's comments on article id into the cache. */
int
cmd_site_fetch(struct cmd_ctx *ctx, long long id)
{
	struct cache	*cache;
	char		*cause = NULL;
	size_t		 n;
	int		 rc;

	(void)ctx;
	if (cmd_open_cache(ctx, 0, &cache) != 0)
		return CMD_EXIT_ERROR;
	rc = site_feed_any_sync(cache, id, NULL, &n, &cause);
	if (rc < 0)
		cmd_error("article %lld: %s", id, cause);
	else if (rc == 0)
		out_line(stderr, "tandem: article %lld: no site with an API "
		    "tandem knows; its comments are the local ones", id);
	else
		out_line(stderr, "tandem: article %lld: %zu comment%s from "
		    "the site", id, n, n == 1 ? "" : "s");
	free(cause);
	cache_close(cache);
	return rc < 0 ? CMD_EXIT_ERROR : 0;
}

/* Send one pending comment; 0 when it went or cannot go anywhere. */
static int
cmd_site_send_one(struct cache *cache, const struct article_comment *m,
    const struct site_wp_opts *o, int prompt)
{
	struct account		 acct;
	enum site_wp_outcome	 out;
	char			*cause = NULL, *pw, *msg = NULL, *site;
	long long		 parent;
	int			 rc;

	/* A reply that must wait for its parent asks for no password. */
	site = m->remote_url != NULL ? account_site(m->remote_url) : NULL;
	rc = site_wp_parent(cache, m, site != NULL ? site : "the site",
	    &parent, &msg);
	free(site);
	if (rc >= 0) {
		cmd_error("%s", msg);
		free(msg);
		return -1;
	}
	rc = account_for_url(cache, m->remote_url, &acct, &cause);
	if (rc != 0) {
		if (rc < 0)
			cmd_error("%s", cause);
		else
			cmd_error("comment %lld: no account for the site of "
			    "%s: tandem login SITE --user NAME", m->id,
			    m->remote_url ? m->remote_url : "its article");
		free(cause);
		return -1;
	}
	if ((pw = account_password(&acct, prompt, &cause)) == NULL) {
		cmd_error("%s; comment %lld stays pending", cause, m->id);
		free(cause);
		account_free(&acct);
		return -1;
	}
	out = site_wp_send(cache, m, &acct, pw, o, &msg);
	account_password_free(pw);
	if (out == SITE_WP_SENT)
		out_line(stdout, "%s", msg);
	else
		cmd_error("%s", msg);
	free(msg);
	account_free(&acct);
	return out == SITE_WP_SENT ? 0 : -1;
}

/* tandem comments --send: every pending comment, oldest first, so that
   a parent goes before its replies (a reply is newer than its parent). */
int
cmd_site_send(struct cmd_ctx *ctx, int insecure_http)
{
	struct site_wp_opts	 o = { 0 };
	struct cache		*cache;
	struct article_comment	*v;
	size_t			 n, i, bad = 0;
	char			*cause = NULL;

	o.insecure_http = insecure_http;
	if (cmd_open_cache(ctx, 0, &cache) != 0)
		return CMD_EXIT_ERROR;
	if (cache_comments_pending(cache, &v, &n, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		cache_close(cache);
		return CMD_EXIT_ERROR;
	}
	for (i = 0; i < n; i++)
		bad += cmd_site_send_one(cache, &v[i], &o, 1) != 0;
	if (n == 0)
		printf("no pending comments\n");
	article_comments_free(v, n);
	cache_close(cache);
	return bad > 0 ? CMD_EXIT_ERROR : 0;
}

/*
 * After tandem update: the comments of the n articles it added or
 * changed, one after another, then every pending comment that can go
 * without asking for a password.  A site that fails is a line on
 * standard error and a count in *r, never the update's failure.
 */
void
cmd_site_update(struct cache *cache, const long long *articles, size_t n,
    struct cmd_site_report *r)
{
	struct site_wp_opts	 o = { 0 };
	struct article_comment	*v;
	size_t			 i, found;
	char			*cause = NULL;
	int			 rc;

	memset(r, 0, sizeof *r);
	for (i = 0; i < n; i++) {
		rc = site_feed_any_sync(cache, articles[i], &o, &found,
		    &cause);
		if (rc < 0) {
			cmd_error("update: comments of article %lld: %s",
			    articles[i], cause);
			FREE(&cause);
			r->failed++;
		} else if (rc > 0) {
			r->articles++;
			r->comments += found;
		}
	}
	if (cache_comments_pending(cache, &v, &n, &cause) != 0) {
		cmd_error("update: %s", cause);
		free(cause);
		r->failed++;
		return;
	}
	for (i = 0; i < n; i++) {
		if (cmd_site_send_one(cache, &v[i], &o, 0) == 0)
			r->sent++;
		else
			r->unsent++;
	}
	article_comments_free(v, n);
}

/* The URL the comment goes to: lang's translation, else the first. */
static const char *
cmd_site_url(const struct article *a, const char *lang)
{
	const struct article_translation *t;
	size_t	 i;

	if (lang != NULL && (t = article_translation_find(a, lang)) != NULL &&
	    t->url != NULL)
		return t->url;
	if (a->original != NULL && (t = article_translation_find(a,
	    a->original)) != NULL && t->url != NULL)
		return t->url;
	for (i = 0; i < a->ntranslations; i++)
		if (a->translations[i].url != NULL)
			return a->translations[i].url;
	return a->url;
}

/*
 * Does article a's site have an account?  1 with *site and *url set
 * (the translation URL the comment goes to), 0 no, -1 error.
 */
int
cmd_site_account(struct cache *cache, const struct article *a,
    const char *lang, char **url)
{
	struct account	 acct;
	const char	*u = cmd_site_url(a, lang);
	char		*cause = NULL;
	int		 rc;

	*url = NULL;
	if (u == NULL)
		return 0;
	if ((rc = account_for_url(cache, u, &acct, &cause)) < 0) {
		cmd_error("%s", cause);
		free(cause);
		return -1;
	}
	account_free(&acct);
	if (rc == 0)
		*url = xstrdup(u);
	return rc == 0;
}

/*
 * Post text to the site of url as a reply to parent (a local id, or 0):
 * stored first as a pending comment, so nothing is lost whatever the
 * network does, then sent.
 */
int
cmd_site_comment(struct cache *cache, long long article, long long parent,
    const char *url, const char *text, int insecure_http)
{
	struct site_wp_opts	 o = { 0 };
	struct article_comment	 m, *v;
	struct account		 acct;
	char			 now[32], *cause = NULL;
	long long		 id;
	size_t			 n, i;
	int			 rc;

	o.insecure_http = insecure_http;
	if (account_for_url(cache, url, &acct, &cause) != 0) {
		cmd_error("%s", cause ? cause : "no account");
		free(cause);
		return CMD_EXIT_ERROR;
	}
	comment_now(now, sizeof now);
	memset(&m, 0, sizeof m);
	m.parent = parent;
	m.author = acct.user;
	m.body = (char *)text;
	m.created = now;
	m.state = ARTICLE_COMMENT_POSTED;
	rc = cache_comment_add(cache, article, &m, &id, &cause);
	account_free(&acct);
	if (rc != 0 ||
	    cache_comment_pending(cache, id, 1, url, &cause) != 0 ||
	    cache_comments_load(cache, article, &v, &n, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		return CMD_EXIT_ERROR;
	}
	for (i = 0; i < n && v[i].id != id; i++)
		;
	rc = i < n ? cmd_site_send_one(cache, &v[i], &o, 1) : -1;
	article_comments_free(v, n);
	return rc == 0 ? 0 : CMD_EXIT_ERROR;
}
