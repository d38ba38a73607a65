/*
 * test-job.c: background jobs and their messages (job.h).
 *
 * Fake jobs stand in for the network: one reports steps and a result,
 * one fails, one waits until it is told to stop.  The loop here waits as
 * the reader does, in poll() on the queue's pipe, with a deadline, so a
 * missing wake-up fails instead of hanging.  Each job's messages must
 * come in the order it said them with its JOB_DONE last; freeing a
 * queue with a job still running must join it and free its argument
 * (the sanitizer build checks for leaks and races).
 */
#include "config.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "job.h"
#include "tap.h"
#include "xmalloc.h"

static int	freed;

static void
count_free(void *arg)
{
	freed++;
	free(arg);
}

static void
nap(long ms)
{
	struct timespec	ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* Report *steps steps, then give 42 and a summary. */
static int
job_steps(struct job *j, void *arg, long long *id, char **text)
{
	int	i, n = *(int *)arg;

	for (i = 1; i <= n; i++) {
		job_progress(j, "step %d of job %u", i, job_number(j));
		nap(1);
	}
	*id = 42;
	*text = xstrdup("all done");
	return 0;
}

static int
job_fail(struct job *j, void *arg, long long *id, char **text)
{
	(void)arg;
	job_progress(j, "fetching");
	*id = 7;		/* a failure's id is not passed on */
	xasprintf(text, "http://127.0.0.1/x: HTTP 404");
	return -1;
}

/* Run until told to stop, as a transfer does until its timeout. */
static int
job_wait_stop(struct job *j, void *arg, long long *id, char **text)
{
	(void)arg;
	(void)id;
	job_progress(j, "waiting");
	while (!job_stopped(j))
		nap(1);
	*text = xstrdup("stopped");
	return -1;
}

/* Wait up to 5 s for the next message (the pipe must wake us). */
static struct job_msg *
next_msg(struct job_queue *q)
{
	struct pollfd	 pfd = { job_queue_fd(q), POLLIN, 0 };
	struct job_msg	*m;
	int		 tries;

	for (tries = 0; tries < 100; tries++) {
		if ((m = job_queue_poll(q)) != NULL)
			return m;
		if (poll(&pfd, 1, 5000) <= 0)
			return NULL;
	}
	return NULL;
}

static int *
int_arg(int n)
{
	int	*p = xmalloc(sizeof *p);

	*p = n;
	return p;
}

static void
test_order(void)
{
	struct job_queue	*q = job_queue_new(1, NULL);
	struct job_msg		*m;
	char			*cause = NULL, want[64];
	unsigned int		 n;
	int			 i, inorder = 1;

	freed = 0;
	n = job_queue_start(q, job_steps, int_arg(5), count_free, &cause);
	is_int(n, 1, "the first job is number 1");
	is_int(job_queue_running(q), 1, "one job running");
	for (i = 1; i <= 5; i++) {
		m = next_msg(q);
		snprintf(want, sizeof want, "step %d of job 1", i);
		if (m == NULL || m->event != JOB_PROGRESS ||
		    strcmp(m->text, want) != 0)
			inorder = 0;
		job_msg_free(m);
	}
	ok(inorder, "five progress messages, in order");
	m = next_msg(q);
	ok(m != NULL && m->event == JOB_DONE, "then its JOB_DONE");
	if (m != NULL) {
		is_int(m->ok, 1, "done: ok");
		is_int(m->id, 42, "done: the job's id");
		is_str(m->text, "all done", "done: the job's summary");
		is_int(m->job, 1, "done: from job 1");
	}
	job_msg_free(m);
	is_int(job_queue_running(q), 0, "no job running after its JOB_DONE");
	is_int(freed, 1, "the argument is freed once the job is done");
	ok(job_queue_poll(q) == NULL, "nothing more in the queue");
	job_queue_free(q);
}

static void
test_error(void)
{
	struct job_queue	*q = job_queue_new(1, NULL);
	struct job_msg		*m;
	char			*cause = NULL;

	job_queue_start(q, job_fail, NULL, NULL, &cause);
	m = next_msg(q);
	ok(m != NULL && m->event == JOB_PROGRESS &&
	    strcmp(m->text, "fetching") == 0, "a failing job's progress");
	job_msg_free(m);
	m = next_msg(q);
	ok(m != NULL && m->event == JOB_DONE && !m->ok,
	    "a failing job's JOB_DONE is not ok");
	if (m != NULL) {
		is_str(m->text, "http://127.0.0.1/x: HTTP 404",
		    "with its reason");
		is_int(m->id, 0, "and no id");
	}
	job_msg_free(m);
	job_queue_free(q);
}

static void
test_two(void)
{
	struct job_queue	*q = job_queue_new(2, NULL);
	struct job_msg		*m;
	char			*cause = NULL;
	unsigned int		 a, b, c;
	int			 last[3] = { 0, 0, 0 }, done[3] = { 0, 0, 0 };
	int			 inorder = 1, k, step, i;

	freed = 0;
	a = job_queue_start(q, job_steps, int_arg(20), count_free, &cause);
	b = job_queue_start(q, job_steps, int_arg(20), count_free, &cause);
	ok(a == 1 && b == 2, "two jobs start: 1 and 2");
	c = job_queue_start(q, job_steps, int_arg(1), count_free, &cause);
	is_int(c, 0, "a third is refused while two run");
	is_str(cause, "2 jobs already running", "saying why");
	FREE(&cause);
	is_int(freed, 1, "a refused job's argument is freed");
	for (i = 0; i < 42 && (m = next_msg(q)) != NULL; i++) {
		k = (int)m->job;
		if (k < 1 || k > 2 || done[k])
			inorder = 0;
		else if (m->event == JOB_DONE)
			done[k] = last[k] == 20;
		else if (sscanf(m->text, "step %d", &step) != 1 ||
		    step != last[k] + 1)
			inorder = 0;
		else
			last[k] = step;
		job_msg_free(m);
	}
	ok(inorder, "each job's messages in its own order");
	ok(done[1] && done[2], "both jobs report done after 20 steps");
	is_int(freed, 3, "both arguments freed");
	is_int(job_queue_running(q), 0, "none running");
	job_queue_free(q);
}

static void
test_cancel(void)
{
	struct job_queue	*q = job_queue_new(1, NULL);
	struct job_msg		*m;
	char			*cause = NULL;

	job_queue_start(q, job_wait_stop, NULL, NULL, &cause);
	m = next_msg(q);
	ok(m != NULL && m->event == JOB_PROGRESS, "the waiting job started");
	job_msg_free(m);
	job_queue_cancel(q);
	m = next_msg(q);
	ok(m != NULL && m->event == JOB_DONE && !m->ok && m->text != NULL &&
	    strcmp(m->text, "stopped") == 0, "a cancelled job stops");
	job_msg_free(m);
	job_queue_free(q);
}

static void
test_free_running(void)
{
	struct job_queue	*q = job_queue_new(2, NULL);
	char			*cause = NULL;

	freed = 0;
	job_queue_start(q, job_wait_stop, int_arg(0), count_free, &cause);
	job_queue_start(q, job_steps, int_arg(50), count_free, &cause);
	nap(5);
	job_queue_free(q);
	is_int(freed, 2, "freeing the queue joins running jobs, frees args");
	job_queue_free(NULL);
	ok(1, "job_queue_free(NULL) is fine");
}

int
main(void)
{
	test_order();
	test_error();
	test_two();
	test_cancel();
	test_free_running();
	return tap_done();
}
