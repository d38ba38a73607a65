/*
 * align-queue.h: align articles on a second thread while the cache
 * stores the next ones.
 *
 * A bulk import spends about half its time aligning and the other half in
 * SQLite; the two do not share anything but the article's text, so on a
 * machine with two cores they can run side by side.  The cache collects
 * each article's translations into a struct align_job as it stores them,
 * pushes the job, and later pops the finished job (in the order pushed)
 * to store its alignments before it commits.
 *
 * Ownership: align_job_side_add() and align_job_para_add() copy what they
 * are given; align_queue_push() takes the job; align_queue_pop() gives it
 * back, done, to be freed with align_job_free().  align_queue_free() waits
 * for the job being aligned and frees every job still held.
 *
 * Without a second thread (pthread_create failed) push aligns the job at
 * once; nothing else changes.
 */
#ifndef TANDEM_ALIGN_QUEUE_H
#define TANDEM_ALIGN_QUEUE_H

#include <stddef.h>

#include "align.h"
#include "article.h"

/* One translation of the job's article, and its alignment with the base. */
struct align_job_side {
	char			*lang;
	struct span	*para;		/* copies, owned */
	size_t			 n;
	size_t			 cap;
	int			 skip;		/* not aligned: kept as stored */

	struct article_pair	*pairs;		/* results, with the base */
	size_t			 npairs;
	double			 confidence;
	int			 rc;		/* align_sides()'s */
};

struct align_job {
	long long		 id;		/* the caller's, untouched */
	int			 updated;	/* likewise */
	size_t			 base;		/* aligned with every other side */
	struct align_job_side	*side;
	size_t			 nsides;
	size_t			 cap;

	int			 done;		/* the queue's */
	struct align_job	*next;
};

struct align_job *align_job_new(long long);
void	 align_job_free(struct align_job *);
/* A new last side in this language; returns it. */
struct align_job_side *align_job_side_add(struct align_job *, const char *);
/* A copy of len bytes of text as the last side's next paragraph. */
void	 align_job_para_add(struct align_job *, const char *, size_t);
/* The side in the language original (by strcmp), else the first. */
size_t	 align_job_base(const struct align_job *, const char *);
/* Align every side but the base and those skipped with the base. */
void	 align_job_run(struct align_job *);

struct align_queue;

struct align_queue *align_queue_new(void);
void	 align_queue_free(struct align_queue *);
void	 align_queue_push(struct align_queue *, struct align_job *);
/* The oldest job if it is done (waiting for it if wait), else NULL. */
struct align_job *align_queue_pop(struct align_queue *, int);
/* Jobs pushed and not yet popped. */
size_t	 align_queue_held(struct align_queue *);

#endif
