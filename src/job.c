/*
 * job.c: worker threads and the message queue they report through
 * (job.h).
 *
 * One mutex guards everything shared: the list of jobs (started, their
 * JOB_DONE not yet polled), each job's stop flag and the message list,
 * oldest first.  A worker appends under the lock, then writes a byte to
 * the pipe; the polling side empties the pipe before it takes messages,
 * so a byte can be left over (a wake-up that finds nothing, harmless)
 * but never be missing for a message still queued.  Both ends are
 * non-blocking: a full pipe already means "wake up".
 *
 *	worker:  run ... post(PROGRESS) ... post(DONE), return
 *	queue:   poll -> PROGRESS ... DONE: unlink, join, free arg
 *
 * A job is joined when its JOB_DONE is polled (it has posted its last
 * message, so the join is immediate) or by job_queue_free().  Workers
 * start with every signal blocked so that SIGINT or SIGWINCH interrupt
 * the reader's poll(), not a transfer.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "job.h"
#include "xmalloc.h"

struct job {
	struct job_queue	*q;
	unsigned int		 number;
	pthread_t		 thread;
	int			 stop;		/* under q->lock */
	job_run_fn		*run;
	void			*arg;
	void			(*free_arg)(void *);
	struct job		*next;
};

struct job_queue {
	pthread_mutex_t		 lock;
	int			 fd[2];		/* the wake-up pipe */
	size_t			 max;
	unsigned int		 last;		/* the last job's number */
	struct job		*jobs;
	struct job_msg		*head;
	struct job_msg		*tail;
};

static int
job_nonblock(int fd)
{
	int	fl;

	if ((fl = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, fl | O_NONBLOCK) == -1 ||
	    fcntl(fd, F_SETFD, FD_CLOEXEC) == -1)
		return -1;
	return 0;
}

struct job_queue *
job_queue_new(size_t max, char **cause)
{
	struct job_queue	*q;

	q = xcalloc(1, sizeof *q);
	if (pipe(q->fd) != 0 || job_nonblock(q->fd[0]) != 0 ||
	    job_nonblock(q->fd[1]) != 0) {
		xasprintf(cause, "job queue: %s", strerror(errno));
		if (q->fd[0] > 0) {
			close(q->fd[0]);
			close(q->fd[1]);
		}
		free(q);
		return NULL;
	}
	pthread_mutex_init(&q->lock, NULL);
	q->max = max ? max : 1;
	return q;
}

/* Join a finished (or stopping) job and free it with its argument. */
static void
job_reap(struct job *j)
{
	pthread_join(j->thread, NULL);
	if (j->free_arg != NULL)
		j->free_arg(j->arg);
	free(j);
}

void
job_queue_free(struct job_queue *q)
{
	struct job	*j;
	struct job_msg	*m;

	if (q == NULL)
		return;
	job_queue_cancel(q);
	while ((j = q->jobs) != NULL) {
		q->jobs = j->next;
		job_reap(j);
	}
	while ((m = q->head) != NULL) {
		q->head = m->next;
		job_msg_free(m);
	}
	close(q->fd[0]);
	close(q->fd[1]);
	pthread_mutex_destroy(&q->lock);
	free(q);
}

int
job_queue_fd(const struct job_queue *q)
{
	return q->fd[0];
}

void
job_msg_free(struct job_msg *m)
{
	if (m == NULL)
		return;
	free(m->text);
	free(m);
}

/* Append m (from a worker) and wake the queue's thread. */
static void
job_post(struct job_queue *q, struct job_msg *m)
{
	ssize_t	n;

	m->next = NULL;
	pthread_mutex_lock(&q->lock);
	if (q->tail != NULL)
		q->tail->next = m;
	else
		q->head = m;
	q->tail = m;
	pthread_mutex_unlock(&q->lock);
	do
		n = write(q->fd[1], "", 1);
	while (n == -1 && errno == EINTR);
}

static void *
job_main(void *arg)
{
	struct job	*j = arg;
	struct job_msg	*m;
	long long	 id = 0;
	char		*text = NULL;
	int		 rc;

	rc = j->run(j, j->arg, &id, &text);
	m = xcalloc(1, sizeof *m);
	m->job = j->number;
	m->event = JOB_DONE;
	m->ok = rc == 0;
	m->id = rc == 0 ? id : 0;
	m->text = text;
	job_post(j->q, m);
	return NULL;
}

unsigned int
job_queue_start(struct job_queue *q, job_run_fn *run, void *arg,
    void (*free_arg)(void *), char **cause)
{
	struct job	*j;
	sigset_t	 all, old;
	size_t		 n = job_queue_running(q);
	int		 rc;

	if (n >= q->max) {
		xasprintf(cause, "%zu job%s already running", n,
		    n == 1 ? "" : "s");
		goto fail;
	}
	j = xcalloc(1, sizeof *j);
	j->q = q;
	j->run = run;
	j->arg = arg;
	j->free_arg = free_arg;
	pthread_mutex_lock(&q->lock);
	j->number = ++q->last;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&j->thread, NULL, job_main, j);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc == 0) {
		j->next = q->jobs;
		q->jobs = j;
	}
	pthread_mutex_unlock(&q->lock);
	if (rc == 0)
		return j->number;
	free(j);
	xasprintf(cause, "cannot start a thread: %s", strerror(rc));
fail:
	if (free_arg != NULL)
		free_arg(arg);
	return 0;
}

/* Take the job numbered n off the list (its JOB_DONE was polled). */
static struct job *
job_unlink(struct job_queue *q, unsigned int n)
{
	struct job	**jp, *j;

	for (jp = &q->jobs; (j = *jp) != NULL; jp = &j->next)
		if (j->number == n) {
			*jp = j->next;
			return j;
		}
	return NULL;
}

struct job_msg *
job_queue_poll(struct job_queue *q)
{
	struct job_msg	*m;
	struct job	*done = NULL;
	char		 buf[64];

	while (read(q->fd[0], buf, sizeof buf) > 0)
		;
	pthread_mutex_lock(&q->lock);
	if ((m = q->head) != NULL) {
		if ((q->head = m->next) == NULL)
			q->tail = NULL;
		m->next = NULL;
		if (m->event == JOB_DONE)
			done = job_unlink(q, m->job);
	}
	pthread_mutex_unlock(&q->lock);
	if (done != NULL)
		job_reap(done);
	return m;
}

size_t
job_queue_running(struct job_queue *q)
{
	struct job	*j;
	size_t		 n = 0;

	pthread_mutex_lock(&q->lock);
	for (j = q->jobs; j != NULL; j = j->next)
		n++;
	pthread_mutex_unlock(&q->lock);
	return n;
}

void
job_queue_cancel(struct job_queue *q)
{
	struct job	*j;

	pthread_mutex_lock(&q->lock);
	for (j = q->jobs; j != NULL; j = j->next)
		j->stop = 1;
	pthread_mutex_unlock(&q->lock);
}

void
job_progress(struct job *j, const char *fmt, ...)
{
	struct job_msg	*m;
	va_list		 ap;

	m = xcalloc(1, sizeof *m);
	m->job = j->number;
	m->event = JOB_PROGRESS;
	va_start(ap, fmt);
	xvasprintf(&m->text, fmt, ap);
	va_end(ap);
	job_post(j->q, m);
}

int
job_stopped(struct job *j)
{
	int	stop;

	pthread_mutex_lock(&j->q->lock);
	stop = j->stop;
	pthread_mutex_unlock(&j->q->lock);
	return stop;
}

unsigned int
job_number(const struct job *j)
{
	return j->number;
}
