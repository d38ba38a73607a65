/*
 * align-queue.c: a job list and one worker thread that aligns the jobs in
 * order (align-queue.h).
 *
 * The list runs from head (oldest, popped first) to tail; next points at
 * the first job the worker has not taken.  Jobs before next are running
 * or done; a job is popped only when done, so the worker never holds a
 * job the caller frees.  One mutex guards the list and the flags; "work"
 * wakes the worker, "done" wakes a caller waiting in pop.
 *
 *	push -> [ done | done | running | queued | queued ] <- tail
 *	         ^head                    ^next
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "align-queue.h"
#include "xmalloc.h"

struct align_queue {
	pthread_mutex_t		 lock;
	pthread_cond_t		 work;
	pthread_cond_t		 done;
	pthread_t		 thread;
	int			 threaded;	/* the worker runs */
	int			 stop;
	struct align_job	*head;
	struct align_job	*tail;
	struct align_job	*next;
	size_t			 held;
};

struct align_job *
align_job_new(long long id)
{
	struct align_job	*j;

	j = xcalloc(1, sizeof *j);
	j->id = id;
	return j;
}

void
align_job_free(struct align_job *j)
{
	size_t	i, k;

	if (j == NULL)
		return;
	for (i = 0; i < j->nsides; i++) {
		for (k = 0; k < j->side[i].n; k++)
			free((char *)j->side[i].para[k].text);
		free(j->side[i].para);
		free(j->side[i].lang);
		free(j->side[i].pairs);
	}
	free(j->side);
	free(j);
}

struct align_job_side *
align_job_side_add(struct align_job *j, const char *lang)
{
	struct align_job_side	*s;

	if (j->nsides == j->cap) {
		j->cap = j->cap ? j->cap * 2 : 4;
		j->side = xreallocarray(j->side, j->cap, sizeof *j->side);
	}
	s = &j->side[j->nsides++];
	memset(s, 0, sizeof *s);
	s->lang = xstrdup(lang);
	return s;
}

void
align_job_para_add(struct align_job *j, const char *text, size_t len)
{
	struct align_job_side	*s = &j->side[j->nsides - 1];
	char			*copy;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->para = xreallocarray(s->para, s->cap, sizeof *s->para);
	}
	copy = xmalloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	s->para[s->n].text = copy;
	s->para[s->n++].len = len;
}

size_t
align_job_base(const struct align_job *j, const char *original)
{
	size_t	i;

	for (i = 0; original != NULL && i < j->nsides; i++)
		if (strcmp(j->side[i].lang, original) == 0)
			return i;
	return 0;
}

void
align_job_run(struct align_job *j)
{
	struct align_side	*base, *other;
	struct align_job_side	*s;
	size_t			 i;

	if (j->nsides < 2)
		return;
	base = align_side_new(j->side[j->base].lang, j->side[j->base].para,
	    j->side[j->base].n);
	for (i = 0; i < j->nsides; i++) {
		s = &j->side[i];
		if (i == j->base || s->skip)
			continue;
		other = align_side_new(s->lang, s->para, s->n);
		s->rc = align_sides(base, other, 0, &s->pairs, &s->npairs,
		    &s->confidence);
		align_side_free(other);
	}
	align_side_free(base);
}

static void *
align_queue_main(void *arg)
{
	struct align_queue	*q = arg;
	struct align_job	*j;

	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (!q->stop && q->next == NULL)
			pthread_cond_wait(&q->work, &q->lock);
		if (q->stop)
			break;
		j = q->next;
		q->next = j->next;
		pthread_mutex_unlock(&q->lock);
		align_job_run(j);
		pthread_mutex_lock(&q->lock);
		j->done = 1;
		pthread_cond_broadcast(&q->done);
	}
	pthread_mutex_unlock(&q->lock);
	return NULL;
}

struct align_queue *
align_queue_new(void)
{
	struct align_queue	*q;

	q = xcalloc(1, sizeof *q);
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->work, NULL);
	pthread_cond_init(&q->done, NULL);
	q->threaded = pthread_create(&q->thread, NULL, align_queue_main,
	    q) == 0;
	return q;
}

void
align_queue_free(struct align_queue *q)
{
	struct align_job	*j;

	if (q == NULL)
		return;
	if (q->threaded) {
		pthread_mutex_lock(&q->lock);
		q->stop = 1;
		pthread_cond_signal(&q->work);
		pthread_mutex_unlock(&q->lock);
		pthread_join(q->thread, NULL);
	}
	while ((j = q->head) != NULL) {
		q->head = j->next;
		align_job_free(j);
	}
	pthread_cond_destroy(&q->done);
	pthread_cond_destroy(&q->work);
	pthread_mutex_destroy(&q->lock);
	free(q);
}

void
align_queue_push(struct align_queue *q, struct align_job *j)
{
	j->next = NULL;
	j->done = 0;
	if (!q->threaded) {
		align_job_run(j);
		j->done = 1;
	}
	pthread_mutex_lock(&q->lock);
	if (q->tail != NULL)
		q->tail->next = j;
	else
		q->head = j;
	q->tail = j;
	if (q->next == NULL && !j->done)
		q->next = j;
	q->held++;
	pthread_cond_signal(&q->work);
	pthread_mutex_unlock(&q->lock);
}

struct align_job *
align_queue_pop(struct align_queue *q, int wait)
{
	struct align_job	*j = NULL;

	pthread_mutex_lock(&q->lock);
	while (wait && q->head != NULL && !q->head->done)
		pthread_cond_wait(&q->done, &q->lock);
	if (q->head != NULL && q->head->done) {
		j = q->head;
		q->head = j->next;
		if (q->head == NULL)
			q->tail = NULL;
		j->next = NULL;
		q->held--;
	}
	pthread_mutex_unlock(&q->lock);
	return j;
}

size_t
align_queue_held(struct align_queue *q)
{
	size_t	n;

	pthread_mutex_lock(&q->lock);
	n = q->held;
	pthread_mutex_unlock(&q->lock);
	return n;
}
