/*
 * test-align-queue.c: align jobs on the worker thread (align-queue.h).
 *
 * Every job the queue gives back must be the one pushed first, done, and
 * hold exactly what align_paragraphs() gives for the same text, however
 * pushes and pops interleave; skipped sides get nothing; freeing a queue
 * with jobs still waiting or running must neither crash nor leak (the
 * sanitizer build checks the latter).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "align-queue.h"
#include "tap.h"
#include "xmalloc.h"

static const char *langs[] = { "ko", "en", "fr" };
#define NSIDES	3

/* Paragraph k of side s of document d: lengths and numbers vary with d. */
static char *
para_text(int d, int s, int k)
{
	static const char *word[NSIDES] = { "협약 ", "agreement ", "accord " };
	char	*t;
	size_t	 n = (size_t)(3 + (d * 7 + k * 5) % 11) * (s == 0 ? 2 : 3), i;
	size_t	 len = 0;

	t = xmalloc(n * 16 + 64);
	len += (size_t)snprintf(t, 64, "SBA %d.%d ", d, k);
	for (i = 0; i < n; i++) {
		memcpy(t + len, word[s], strlen(word[s]));
		len += strlen(word[s]);
	}
	t[len] = '\0';
	return t;
}

/* Side s of document d has this many paragraphs: some merges, some not. */
static int
para_count(int d, int s)
{
	return 4 + (d % 5) + (s == 2 && d % 3 == 0);
}

static struct align_job *
job_make(int d)
{
	struct align_job	*j = align_job_new(1000 + d);
	char			*t;
	int			 s, k;

	for (s = 0; s < NSIDES; s++) {
		align_job_side_add(j, langs[s]);
		for (k = 0; k < para_count(d, s); k++) {
			t = para_text(d, s, k);
			align_job_para_add(j, t, strlen(t));
			free(t);
		}
	}
	j->base = align_job_base(j, d % 2 ? "en" : NULL);
	return j;
}

/* 1 if side s of the job holds what align_paragraphs() gives. */
static int
job_matches(const struct align_job *j, size_t s)
{
	const struct align_job_side	*b = &j->side[j->base], *o = &j->side[s];
	struct article_pair		*p;
	size_t				 n;
	double				 conf;
	int				 same;

	if (align_paragraphs(b->lang, b->para, b->n, o->lang, o->para, o->n,
	    &p, &n, &conf) != 0)
		return 0;
	same = o->rc == 0 && n == o->npairs && conf == o->confidence &&
	    (n == 0 || memcmp(p, o->pairs, n * sizeof *p) == 0);
	free(p);
	return same;
}

static int
job_all_match(const struct align_job *j)
{
	size_t	s;

	for (s = 0; s < j->nsides; s++)
		if (s != j->base && !job_matches(j, s))
			return 0;
	return j->side[j->base].pairs == NULL;
}

static void
test_job(void)
{
	struct align_job	*j = job_make(3);

	is_int((long long)align_job_base(j, "fr"), 2, "base: the original");
	is_int((long long)align_job_base(j, "de"), 0,
	    "base: the first when the original is not there");
	is_int((long long)align_job_base(j, NULL), 0,
	    "base: the first with no original");
	is_int((long long)j->side[2].n, 8, "paragraphs are added to the "
	    "last side");
	ok(strncmp(j->side[1].para[0].text, "SBA 3.0 agreement", 17) == 0 &&
	    j->side[1].para[0].text[j->side[1].para[0].len] == '\0',
	    "paragraphs are copied whole and terminated");
	j->base = 0;
	j->side[2].skip = 1;
	align_job_run(j);
	ok(job_matches(j, 1), "run: side 1 as align_paragraphs() has it");
	ok(j->side[2].pairs == NULL && j->side[2].npairs == 0,
	    "run: a skipped side is not aligned");
	ok(j->side[0].pairs == NULL, "run: the base has no pairs of its own");
	align_job_free(j);

	j = align_job_new(7);
	align_job_side_add(j, "en");
	align_job_para_add(j, "alone", 5);
	align_job_run(j);
	ok(j->side[0].pairs == NULL, "a job of one side aligns nothing");
	align_job_free(j);
	align_job_free(NULL);
}

static void
test_queue_order(void)
{
	struct align_queue	*q = align_queue_new();
	struct align_job	*j;
	int			 d, next = 0, order = 1, match = 1, done = 1;

	for (d = 0; d < 300; d++) {
		align_queue_push(q, job_make(d));
		while ((j = align_queue_pop(q, d % 7 == 0)) != NULL) {
			order &= j->id == 1000 + next++;
			done &= j->done;
			match &= job_all_match(j);
			align_job_free(j);
		}
	}
	is_int((long long)align_queue_held(q), 300 - next,
	    "held counts the jobs not popped");
	while ((j = align_queue_pop(q, 1)) != NULL) {
		order &= j->id == 1000 + next++;
		done &= j->done;
		match &= job_all_match(j);
		align_job_free(j);
	}
	is_int(next, 300, "every job comes back");
	ok(order, "jobs come back in the order they were pushed");
	ok(done, "only done jobs come back");
	ok(match, "every result is what align_paragraphs() gives");
	is_int((long long)align_queue_held(q), 0, "nothing held at the end");
	ok(align_queue_pop(q, 1) == NULL && align_queue_pop(q, 0) == NULL,
	    "an empty queue pops NULL, waiting or not");
	align_queue_free(q);
}

static void
test_queue_free(void)
{
	struct align_queue	*q = align_queue_new();
	int			 d;

	for (d = 0; d < 50; d++)
		align_queue_push(q, job_make(d));
	is_int((long long)align_queue_held(q), 50, "50 jobs held");
	/* Some done, one running, most waiting: the sanitizer build checks
	 * that freeing now neither crashes nor leaks. */
	align_queue_free(q);
	align_queue_free(NULL);
}

int
main(void)
{
	test_job();
	test_queue_order();
	test_queue_free();
	return tap_done();
}
