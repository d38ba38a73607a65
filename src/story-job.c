/*
 * story-job.c: story_import() as a job (story-job.h).
 *
 * Everything the worker touches is its own: a copy of the URL and the
 * languages, a cache connection it opens and closes, the report.  It
 * speaks to the reader only through job_progress() and its result, and
 * hears from it only through job_stopped(), which every fetch asks about
 * once a second so that a reader quitting does not wait on a server.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "job.h"
#include "lang.h"
#include "story.h"
#include "story-job.h"
#include "xmalloc.h"

struct story_job {
	char	*db_path;
	char	*url;
	char	*langs[LANG_MAX + 1];
};

static void
story_job_free(void *arg)
{
	struct story_job	*sj = arg;
	size_t			 i;

	for (i = 0; sj->langs[i] != NULL; i++)
		free(sj->langs[i]);
	free(sj->db_path);
	free(sj->url);
	free(sj);
}

/* Progress and warnings alike go to the status line, as they come. */
static void
story_job_say(void *arg, const char *message)
{
	job_progress(arg, "%s", message);
}

/* The fetches' cancel hook: has the reader asked this job to stop? */
static int
story_job_stopped(void *arg)
{
	return job_stopped(arg);
}

static int
story_job_run(struct job *j, void *arg, long long *id, char **text)
{
	struct story_job	*sj = arg;
	struct story_opts	 so;
	struct story_report	 report;
	struct import_sink	 sink;
	struct cache		*c;
	int			 rc = -1;

	if (cache_open(sj->db_path, 0, &c, text) != 0)
		return -1;
	cache_sink(c, &sink);
	memset(&so, 0, sizeof so);
	so.langs = (const char *const *)sj->langs;
	so.translations = 1;
	so.progress = so.warn = story_job_say;
	so.arg = j;
	so.cancelled = story_job_stopped;
	so.cancel_arg = j;
	memset(&report, 0, sizeof report);
	if (job_stopped(j))
		xasprintf(text, "%s: cancelled", sj->url);
	else if (story_import(sj->url, &so, &sink, &report, text) == 0 &&
	    cache_article_by_url(c, report.url != NULL ? report.url :
	    sj->url, id, text) == 0) {
		if (*id == 0)
			xasprintf(text, "%s: imported, but not in the cache",
			    sj->url);
		else {
			xasprintf(text, "%zu translation%s from %s",
			    report.translations, report.translations == 1 ?
			    "" : "s", sj->url);
			rc = 0;
		}
	}
	story_report_free(&report);
	cache_close(c);
	return rc;
}

unsigned int
story_job_start(struct job_queue *q, const char *db_path, const char *url,
    const char *const *langs, char **cause)
{
	struct story_job	*sj;
	size_t			 i;

	sj = xcalloc(1, sizeof *sj);
	sj->db_path = xstrdup(db_path);
	sj->url = xstrdup(url);
	for (i = 0; langs != NULL && langs[i] != NULL && i < LANG_MAX; i++)
		sj->langs[i] = xstrdup(langs[i]);
	return job_queue_start(q, story_job_run, sj, story_job_free, cause);
}
