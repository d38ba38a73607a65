/*
 * site-job.h: comments with a site on a worker thread (job.h), so that
 * the reader never waits on a server.
 *
 * site_job_send() sends one pending comment (the reader's C and r, once
 * the comment is in the cache with pending set); site_job_sync() reads
 * an article's comments from its site.  Each job opens a cache
 * connection of its own on the reader's file.  A password is taken only
 * from the account's command, variable or file: the terminal belongs to
 * the reader, so nothing is asked.  JOB_DONE carries the article's id
 * and the outcome in the user's words (site-wp.h); its text comes from
 * the network in part, and whoever shows it sanitises it.
 */
#ifndef TANDEM_SITE_JOB_H
#define TANDEM_SITE_JOB_H

struct job_queue;

unsigned int site_job_send(struct job_queue *, const char *db_path,
	    long long comment, char **cause);
unsigned int site_job_sync(struct job_queue *, const char *db_path,
	    long long article, char **cause);

#endif
