/*
 * feed-job.h: an update of the feeds (feed-update.h) on a worker thread
 * (job.h), so that the reader keeps reading while they come.
 *
 * As a story job, it opens a cache connection of its own on the
 * reader's file and closes it at the end.  Its progress messages are
 * "[12/200] feed title", one per feed done; its JOB_DONE carries a
 * summary ("200 feeds, 37 new articles, 2 failed"), or the reason it
 * could not run, or "update cancelled" when the queue stopped it (the
 * feeds stored by then stay, the others are untouched: each feed is one
 * transaction).  Titles come from the network: whoever shows a message
 * sanitises it.
 */
#ifndef TANDEM_FEED_JOB_H
#define TANDEM_FEED_JOB_H

struct feed_update_report;
struct job_queue;

/*
 * Update feed (0: every feed) in the cache file db_path, Accept-Language
 * from langs (NULL-terminated, may be NULL); both are copied.  Returns
 * the job's number, or 0 with *cause (job_queue_start()'s).
 */
unsigned int feed_job_start(struct job_queue *, const char *db_path,
	    long long feed, const char *const *langs, char **cause);

/* The summary line of an update, allocated. */
char	*feed_job_summary(const struct feed_update_report *);

#endif
