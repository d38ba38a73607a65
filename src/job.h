/*
 * job.h: slow work (the network) on worker threads, its news through a
 * queue that the reader's loop reads without blocking.
 *
 * The reader must never wait on a server.  It starts a job: a function
 * and its argument, run on a thread of its own.  The function reports
 * as it goes (job_progress) and ends with a result, and each of these
 * becomes a message in the queue, in the order the job said them; the
 * last message of every job is its JOB_DONE.  A pipe carries a byte per
 * message so that the loop can sleep in poll() on job_queue_fd() beside
 * the terminal and wake the moment something arrives: no busy waiting,
 * no timer.  Nothing here knows curses or what the jobs do.
 *
 * Call order, on the thread that made the queue:
 *
 *	job_queue_new -> job_queue_start ... -> job_queue_poll until NULL
 *	(whenever job_queue_fd is readable) -> job_queue_free
 *
 * job_queue_free() tells the jobs still running to stop (job_stopped()
 * becomes true) and waits for them, so no thread outlives the queue: a
 * job should ask job_stopped() often enough to end soon (a story job's
 * fetches ask about once a second).  On the worker thread a job may call only job_progress(),
 * job_stopped() and job_number() on the struct job it is given.
 *
 * Ownership: job_queue_start() takes arg and frees it with free_arg (if
 * not NULL) on the queue's thread once the job has finished; a popped
 * message is the caller's, for job_msg_free().
 */
#ifndef TANDEM_JOB_H
#define TANDEM_JOB_H

#include <stddef.h>

struct job;
struct job_queue;

/*
 * What a job does, on its thread.  Returns 0 with *id (0 if it has none
 * to give) and perhaps *text, a summary; or -1 with *text the one-line
 * reason.  *text is allocated, or left NULL.
 */
typedef int job_run_fn(struct job *, void *arg, long long *id, char **text);

enum job_event {
	JOB_PROGRESS,		/* text: what the job is doing now */
	JOB_DONE		/* the job's last word: ok, id, text */
};

struct job_msg {
	unsigned int	 job;		/* job_queue_start()'s number */
	enum job_event	 event;
	int		 ok;		/* JOB_DONE: the function returned 0 */
	long long	 id;		/* JOB_DONE: its *id */
	char		*text;		/* progress, summary, reason, or NULL */
	struct job_msg	*next;		/* the queue's */
};

/* A queue that runs at most max jobs at once (0: one). */
struct job_queue *job_queue_new(size_t max, char **cause);
void	 job_queue_free(struct job_queue *);
/* Readable when a message may be waiting; the caller only polls it. */
int	 job_queue_fd(const struct job_queue *);
/*
 * Run fn(job, arg) on a new thread.  Returns the job's number (1, 2, ...)
 * or 0 with *cause: max jobs already running, no thread to be had.  On
 * failure arg is freed too.
 */
unsigned int job_queue_start(struct job_queue *, job_run_fn *, void *arg,
	    void (*free_arg)(void *), char **cause);
/* The oldest message, or NULL at once if there is none. */
struct job_msg *job_queue_poll(struct job_queue *);
/* Jobs started whose JOB_DONE has not been polled yet. */
size_t	 job_queue_running(struct job_queue *);
/* Ask every running job to stop; job_queue_free() does it too. */
void	 job_queue_cancel(struct job_queue *);
void	 job_msg_free(struct job_msg *);

/* On the job's thread: say what it is doing, as a JOB_PROGRESS. */
void	 job_progress(struct job *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* On the job's thread: whether the queue asked it to stop. */
int	 job_stopped(struct job *);
unsigned int job_number(const struct job *);

#endif
