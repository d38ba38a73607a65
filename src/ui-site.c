/*
 * ui-site.c: the reader's side of comments with a site.  Opening the
 * comment pane of an article from the web reads its site's comments in
 * the background; C and r, once the comment is saved, send it there
 * when the site has an account (tandem login SITE --user NAME).  Both
 * are jobs (site-job.h) on the reader's queue; their last word reloads
 * the pane and goes to the status line.  The pane's policy line names
 * the account, or the command that would make one.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "cache.h"
#include "comment.h"
#include "comment-view.h"
#include "job.h"
#include "site-job.h"
#include "ui-int.h"
#include "xmalloc.h"

/* The URL comments go to and come from: the open language's, else the
   article's. */
static const char *
ui_site_url(const struct ui *u)
{
	const struct article	*a = u->view.article;

	if (a == NULL)
		return NULL;
	if (a->ntranslations > (size_t)u->view.left &&
	    a->translations[u->view.left].url != NULL)
		return a->translations[u->view.left].url;
	return a->url;
}

static int
ui_site_queue(struct ui *u)
{
	char	*cause = NULL;

	if (u->jobs == NULL && (u->jobs = job_queue_new(1, &cause)) == NULL) {
		ui_message(u, "%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

static void
ui_site_track(struct ui *u, unsigned int job)
{
	size_t	i;

	for (i = 0; i < UI_SITE_JOBS; i++)
		if (u->site_jobs[i] == 0) {
			u->site_jobs[i] = job;
			return;
		}
}

/* Is job one of ours?  It is forgotten once asked about. */
int
ui_site_owns(struct ui *u, unsigned int job)
{
	size_t	i;

	for (i = 0; i < UI_SITE_JOBS; i++)
		if (u->site_jobs[i] == job && job != 0) {
			u->site_jobs[i] = 0;
			return 1;
		}
	return 0;
}

/* The site's account for the open article: 1 with *user, else 0. */
int
ui_site_account(struct ui *u, char **user)
{
	struct account	 a;
	char		*cause = NULL;
	int		 rc;

	*user = NULL;
	rc = account_for_url(u->cache, ui_site_url(u), &a, &cause);
	free(cause);
	if (rc == 0)
		*user = xstrdup(a.user);
	account_free(&a);
	return rc == 0;
}

/* Start sending comment id; a failure to start is said. */
static void
ui_site_start_send(struct ui *u, long long id)
{
	char	*cause = NULL;

	ui_site_track(u, site_job_send(u->jobs, cache_path(u->cache), id,
	    &cause));
	if (cause != NULL) {
		ui_message(u, "%s; comment %lld is pending: tandem comments "
		    "--send", cause, id);
		free(cause);
	}
}

/*
 * The comment id was saved as sent: send it to the site, if any.  The
 * queue runs one job at a time, so while another runs (a fetch, the
 * comment before it) the comment waits its turn: ui_site_next() starts
 * it when that job is done, and a reply goes after its parent.  Marked
 * pending first, it is in the cache for tandem comments --send if the
 * reader quits before.
 */
void
ui_site_send(struct ui *u, long long id)
{
	const char	*url = ui_site_url(u);
	char		*cause = NULL, *user;

	if (id == 0 || url == NULL || !ui_site_account(u, &user))
		return;
	free(user);
	if (cache_comment_pending(u->cache, id, 1, url, &cause) != 0 ||
	    ui_site_queue(u) != 0) {
		ui_message(u, "%s", cause ? cause : "cannot send");
		free(cause);
		return;
	}
	if (u->nsite_wait == UI_SITE_WAIT) {
		ui_message(u, "comment %lld is pending: tandem comments --send",
		    id);
		return;
	}
	if (ui_fetch_busy(u) || u->nsite_wait > 0)
		ui_message(u, "comment %lld is sent when the job before it is "
		    "done", id);
	else
		ui_message(u, "sending comment %lld", id);
	u->site_wait[u->nsite_wait++] = id;
	ui_site_next(u);
}

/* A job is done: start what waits for the queue, oldest first. */
void
ui_site_next(struct ui *u)
{
	char		*cause = NULL;
	long long	 a;

	if (u->jobs == NULL)
		return;
	/* A send that cannot start says so, and the next one is tried. */
	while (!ui_fetch_busy(u) && u->nsite_wait > 0) {
		a = u->site_wait[0];
		memmove(u->site_wait, u->site_wait + 1,
		    --u->nsite_wait * sizeof u->site_wait[0]);
		ui_site_start_send(u, a);
	}
	if (!ui_fetch_busy(u) && (a = u->site_sync_wait) != 0) {
		u->site_sync_wait = 0;
		ui_site_track(u, site_job_sync(u->jobs, cache_path(u->cache),
		    a, &cause));
		free(cause);
	}
}

/*
 * The pane opens: read the site's comments behind the reader's back,
 * for an article whose site is known to have them (an account, or
 * comments read from it before: tandem comments --fetch or update), so
 * that no page is fetched for an article from elsewhere.
 */
void
ui_site_sync(struct ui *u)
{
	struct comment_view	*cv = u->comments;
	char			*user;
	size_t			 i;
	int			 known;

	if (ui_site_url(u) == NULL)
		return;
	ui_comments_load(u);
	for (i = 0, known = 0; i < cv->n && !known; i++)
		known = cv->comments[i].remote_id != 0;
	if (!known && ui_site_account(u, &user)) {
		free(user);
		known = 1;
	}
	if (!known || ui_site_queue(u) != 0)
		return;
	/* Now, or after the job running and the sends waiting. */
	u->site_sync_wait = u->article;
	ui_site_next(u);
}

/* A site job's last word. */
enum ui_result
ui_site_done(struct ui *u, const struct job_msg *m)
{
	char	text[sizeof u->message];
	size_t	i, n = 0;

	/* One line of the network's words, controls made visible. */
	for (i = 0; m->text != NULL && m->text[i] != '\0' &&
	    n + 1 < sizeof text; i++)
		text[n++] = (unsigned char)m->text[i] < 0x20 ? '?' : m->text[i];
	text[n] = '\0';
	if (n > 0)
		ui_message(u, "%s", text);
	if (m->id == 0 || m->id == u->article)
		ui_comments_load(u);
	return UI_RELAYOUT;
}

/* The pane's policy line: who comments go to the site as, or how to. */
const char *
ui_site_policy(struct ui *u, const char *fallback, char *buf, size_t len)
{
	const char	*url = ui_site_url(u);
	char		*site, *user;

	if (url == NULL || (site = account_site(url)) == NULL)
		return fallback;
	if (ui_site_account(u, &user)) {
		snprintf(buf, len, "Comments go to %s as %s.  C writes one, "
		    "r replies.", site, user);
		free(user);
	} else if (u->view.article != NULL &&
	    u->view.article->policy == ARTICLE_POLICY_LOGIN)
		snprintf(buf, len, "%s  Yours stay local; to post to the site:"
		    " tandem login %s --user NAME", COMMENT_LOGIN, site);
	else {
		free(site);
		return fallback;
	}
	free(site);
	return buf;
}
