/*
 * site-job.c: sending and reading comments on a worker (site-job.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "article.h"
#include "cache.h"
#include "job.h"
#include "site-feed.h"
#include "site-job.h"
#include "site-wp.h"
#include "xmalloc.h"

struct site_job {
	char		*db_path;
	long long	 id;		/* the comment, or the article */
};

/* The fetches' cancel hook: has the reader asked this job to stop? */
static int
site_job_stopped(void *arg)
{
	return job_stopped(arg);
}

static void
site_job_free(void *arg)
{
	struct site_job	*sj = arg;

	free(sj->db_path);
	free(sj);
}

/* Send comment sj->id if it still waits. */
static int
site_job_run_send(struct job *j, void *arg, long long *id, char **text)
{
	struct site_job		*sj = arg;
	struct site_wp_opts	 o = { 0 };
	struct article_comment	*v;
	struct account		 acct;
	struct cache		*c;
	size_t			 n, i;
	char			*pw;
	int			 rc = -1;

	o.cancelled = site_job_stopped;
	o.cancel_arg = j;
	if (cache_open(sj->db_path, 0, &c, text) != 0)
		return -1;
	if (cache_comments_pending(c, &v, &n, text) != 0) {
		cache_close(c);
		return -1;
	}
	for (i = 0; i < n && v[i].id != sj->id; i++)
		;
	if (i == n)
		*text = xstrdup("the comment was sent meanwhile");
	else if (account_for_url(c, v[i].remote_url, &acct, text) != 0) {
		if (*text == NULL)
			*text = xstrdup("no account for the site");
	} else {
		*id = v[i].article;
		if ((pw = account_password(&acct, 0, text)) != NULL) {
			rc = site_wp_send(c, &v[i], &acct, pw, &o, text) ==
			    SITE_WP_SENT ? 0 : -1;
			account_password_free(pw);
		} else {
			pw = *text;
			xasprintf(text, "%s; comment %lld is pending: tandem "
			    "comments --send", pw, v[i].id);
			free(pw);
		}
		account_free(&acct);
	}
	article_comments_free(v, n);
	cache_close(c);
	return rc;
}

static int
site_job_run_sync(struct job *j, void *arg, long long *id, char **text)
{
	struct site_job		*sj = arg;
	struct site_wp_opts	 o = { 0 };
	struct cache		*c;
	size_t			 n;
	int			 rc;

	o.cancelled = site_job_stopped;
	o.cancel_arg = j;
	*id = sj->id;
	if (cache_open(sj->db_path, 0, &c, text) != 0)
		return -1;
	rc = site_feed_any_sync(c, sj->id, &o, &n, text);
	cache_close(c);
	if (rc > 0)
		xasprintf(text, "%zu comment%s from the site", n,
		    n == 1 ? "" : "s");
	return rc < 0 ? -1 : 0;
}

static unsigned int
site_job_start(struct job_queue *q, job_run_fn *fn, const char *db_path,
    long long id, char **cause)
{
	struct site_job	*sj = xcalloc(1, sizeof *sj);

	sj->db_path = xstrdup(db_path);
	sj->id = id;
	return job_queue_start(q, fn, sj, site_job_free, cause);
}

unsigned int
site_job_send(struct job_queue *q, const char *db_path, long long comment,
    char **cause)
{
	return site_job_start(q, site_job_run_send, db_path, comment, cause);
}

unsigned int
site_job_sync(struct job_queue *q, const char *db_path, long long article,
    char **cause)
{
	return site_job_start(q, site_job_run_sync, db_path, article, cause);
}
