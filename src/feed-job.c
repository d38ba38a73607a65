/*
 * feed-job.c: the feeds updated on a worker thread (see feed-job.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "feed-job.h"
#include "feed-update.h"
#include "job.h"
#include "lang.h"
#include "xmalloc.h"

struct feed_job {
	char		*db_path;
	long long	 feed;
	char		*langs[LANG_MAX + 1];
};

static void
feed_job_free(void *arg)
{
	struct feed_job	*fj = arg;
	size_t		 i;

	for (i = 0; fj->langs[i] != NULL; i++)
		free(fj->langs[i]);
	free(fj->db_path);
	free(fj);
}

static void
feed_job_progress(void *arg, size_t done, size_t total, const char *name)
{
	job_progress(arg, "[%zu/%zu] %s", done, total, name);
}

/* Polled by feed_update() about once a second: quitting stops it. */
static int
feed_job_stopped(void *arg)
{
	return job_stopped(arg);
}

char *
feed_job_summary(const struct feed_update_report *r)
{
	char	*s, held[64];

	/* A feed gone or told to wait is not tried: say why nothing came. */
	snprintf(held, sizeof held, ", %zu held back (gone or Retry-After)",
	    r->held);
	xasprintf(&s, "%zu feed%s, %zu new article%s, %zu failed%s", r->feeds,
	    r->feeds == 1 ? "" : "s", r->articles_new,
	    r->articles_new == 1 ? "" : "s", r->failed,
	    r->held > 0 ? held : "");
	return s;
}

static int
feed_job_run(struct job *j, void *arg, long long *id, char **text)
{
	struct feed_job			*fj = arg;
	struct feed_update_opts		 o;
	struct feed_update_report	 r;
	struct cache			*c;
	int				 rc;

	*id = 0;
	if (cache_open(fj->db_path, 0, &c, text) != 0)
		return -1;
	memset(&o, 0, sizeof o);
	o.langs = (const char *const *)fj->langs;
	o.ca_file = getenv("TANDEM_TEST_CA_FILE");
	o.progress = feed_job_progress;
	o.stopped = feed_job_stopped;
	o.arg = j;
	rc = feed_update(c, fj->feed != 0 ? &fj->feed : NULL,
	    fj->feed != 0 ? 1 : 0, &o, &r, text);
	cache_close(c);
	if (rc != 0)
		return -1;
	if (job_stopped(j)) {
		*text = xstrdup("update cancelled");
		return -1;
	}
	*text = feed_job_summary(&r);
	return 0;
}

unsigned int
feed_job_start(struct job_queue *q, const char *db_path, long long feed,
    const char *const *langs, char **cause)
{
	struct feed_job	*fj;
	size_t		 i;

	fj = xcalloc(1, sizeof *fj);
	fj->db_path = xstrdup(db_path);
	fj->feed = feed;
	for (i = 0; langs != NULL && langs[i] != NULL && i < LANG_MAX; i++)
		fj->langs[i] = xstrdup(langs[i]);
	return job_queue_start(q, feed_job_run, fj, feed_job_free, cause);
}
