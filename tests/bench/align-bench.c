/*
 * align-bench.c: the aligner's time per paragraph as articles grow, and
 * that the banded search still finds the right pairs.
 *
 * An article of N paragraphs a side is built from the ten paragraphs of
 * tests/data/align/deletion.{en,de} (our own text) repeated, every
 * seventh paragraph carrying its number on both sides as a real article
 * carries dates and figures; on the German side every 97th paragraph is
 * deleted and every 89th is merged with the next.  The gold pairs follow,
 * so each size prints its time per paragraph, its pair F1 and, up to
 * -w paragraphs (default 1000), the F1 of the whole-grid search beside
 * it.  Usage: align-bench [-w N] DATADIR SIZE...
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "align.h"
#include "xmalloc.h"

#define BENCH_BASE	10

static char	*base[2][BENCH_BASE];

static int
bench_load(const char *dir, int side, const char *ext)
{
	FILE	*f;
	char	*path, line[4096];
	size_t	 n = 0;

	xasprintf(&path, "%s/deletion.%s", dir, ext);
	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "align-bench: %s: cannot open\n", path);
		free(path);
		return -1;
	}
	while (n < BENCH_BASE && fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		base[side][n++] = xstrdup(line);
	}
	fclose(f);
	free(path);
	return n == BENCH_BASE ? 0 : -1;
}

/* Paragraph k of a side, with its number when it carries one. */
static char *
bench_para(int side, size_t k)
{
	char	*s;

	if (k % 7 == 3)
		xasprintf(&s, "%s (%zu)", base[side][k % BENCH_BASE], k * 13);
	else
		s = xstrdup(base[side][k % BENCH_BASE]);
	return s;
}

struct bench_doc {
	struct span		*a;
	struct span		*b;
	size_t			 na;
	size_t			 nb;
	struct article_pair	*gold;
	size_t			 ngold;
};

static void
bench_make(struct bench_doc *d, size_t n)
{
	size_t	k, j = 0;
	char	*s, *t, *u;

	d->a = xcalloc(n + 1, sizeof *d->a);
	d->b = xcalloc(n + 1, sizeof *d->b);
	d->gold = xcalloc(n + 1, sizeof *d->gold);
	d->na = n;
	d->ngold = 0;
	for (k = 0; k < n; k++) {
		s = bench_para(0, k);
		d->a[k].text = s;
		d->a[k].len = strlen(s);
	}
	for (k = 0; k < n; k++) {
		struct article_pair	*g = &d->gold[d->ngold++];

		g->a_first = (int)k;
		g->b_first = (int)j;
		g->a_count = 1;
		if (k % 97 == 50) {		/* deleted */
			g->b_count = 0;
			continue;
		}
		s = bench_para(1, k);
		if (k % 89 == 40 && k + 1 < n && (k + 1) % 97 != 50) {
			t = bench_para(1, k + 1);	/* merged with the next */
			xasprintf(&u, "%s %s", s, t);
			free(s);
			free(t);
			s = u;
			g->a_count = 2;
			k++;
		}
		g->b_count = 1;
		d->b[j].text = s;
		d->b[j].len = strlen(s);
		j++;
	}
	d->nb = j;
}

static void
bench_free(struct bench_doc *d)
{
	size_t	k;

	for (k = 0; k < d->na; k++)
		free((char *)d->a[k].text);
	for (k = 0; k < d->nb; k++)
		free((char *)d->b[k].text);
	free(d->a);
	free(d->b);
	free(d->gold);
}

/* Pair F1 against the gold (both in order: one merge walk). */
static double
bench_f1(const struct bench_doc *d, const struct article_pair *p, size_t n)
{
	size_t	i = 0, j = 0, tp = 0;

	while (i < n && j < d->ngold) {
		if (p[i].a_first < d->gold[j].a_first ||
		    (p[i].a_first == d->gold[j].a_first &&
		    p[i].b_first < d->gold[j].b_first))
			i++;
		else if (p[i].a_first == d->gold[j].a_first &&
		    p[i].b_first == d->gold[j].b_first) {
			tp += p[i].a_count == d->gold[j].a_count &&
			    p[i].b_count == d->gold[j].b_count;
			i++;
			j++;
		} else
			j++;
	}
	return n + d->ngold ? 2.0 * (double)tp / (double)(n + d->ngold) : 1;
}

static double
bench_run(const struct bench_doc *d, int flags, double *f1)
{
	struct article_pair	*p;
	struct timespec		 t0, t1;
	size_t			 n;
	double			 conf;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (align_paragraphs_flags("en", d->a, d->na, "de", d->b, d->nb,
	    flags, &p, &n, &conf) != 0)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*f1 = bench_f1(d, p, n);
	free(p);
	return (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

int
main(int argc, char **argv)
{
	struct bench_doc	 d;
	size_t			 n, whole = 1000;
	double			 t, f1, f1w;
	int			 c, i;

	while ((c = getopt(argc, argv, "w:")) != -1) {
		if (c != 'w')
			return 2;
		whole = strtoul(optarg, NULL, 10);
	}
	if (argc - optind < 2 || bench_load(argv[optind], 0, "en") != 0 ||
	    bench_load(argv[optind], 1, "de") != 0) {
		fprintf(stderr, "usage: align-bench [-w N] DATADIR SIZE...\n");
		return 2;
	}
	printf("align: paragraphs a side, time, per paragraph, pair F1 "
	    "(banded; whole grid up to %zu)\n", whole);
	for (i = optind + 1; i < argc; i++) {
		n = strtoul(argv[i], NULL, 10);
		bench_make(&d, n);
		t = bench_run(&d, 0, &f1);
		printf("align %7zu  %8.3f s  %7.1f us/para  F1 %.4f", n, t,
		    t * 1e6 / (double)(d.na + d.nb), f1);
		if (n <= whole) {
			bench_run(&d, ALIGN_WHOLE_GRID, &f1w);
			printf("  whole grid F1 %.4f", f1w);
		}
		printf("\n");
		fflush(stdout);
		bench_free(&d);
	}
	return 0;
}
