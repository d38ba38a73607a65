/*
 * story-job.h: a story from the web imported on a worker thread (job.h),
 * so that the reader keeps reading while it comes.
 *
 * The job opens a cache connection of its own on the reader's file
 * (SQLite connections belong to one thread; WAL lets it write while the
 * reader reads), runs story_import() into that connection's sink and
 * closes it.  Its progress messages are story.h's ("fetching URL",
 * "found 4 translations") and its warnings, as they come; its JOB_DONE
 * carries the article's id and a summary, or the one-line reason
 * ("https://x/y: HTTP 404").  Text in the messages comes from the
 * network: whoever shows it sanitises it.
 */
#ifndef TANDEM_STORY_JOB_H
#define TANDEM_STORY_JOB_H

struct job_queue;

/*
 * Import url into the cache file db_path, Accept-Language from langs
 * (NULL-terminated, may be NULL).  Both are copied.  Returns the job's
 * number, or 0 with *cause (job_queue_start()'s).
 */
unsigned int story_job_start(struct job_queue *, const char *db_path,
	    const char *url, const char *const *langs, char **cause);

#endif
