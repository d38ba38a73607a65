/*
 * layout-bench.c: how fast layout_wrap() turns text into lines.
 *
 * Builds a 100-paragraph article from the sample's paragraphs in all five
 * languages (Korean, English, Japanese, Chinese, French in turn), lays it
 * out again and again at widths 40, 60, ... 200 the way a resize does
 * (layout_clear, then layout_wrap per paragraph), and prints MB/s of input
 * text per width and overall.  The target is 50 MB/s.  Time is this
 * process's CPU time, so that other work on the machine (builds in other
 * trees) skews the figure less.  Run by `make bench`, not by `make check`:
 * timings do not belong in a pass/fail test.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../layout-sample.h"
#include "layout.h"
#include "xmalloc.h"

#define BENCH_PARAS 100
#define BENCH_SECONDS 0.5

static double
bench_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Lay the article out at width for BENCH_SECONDS of CPU; bytes/second. */
static double
bench_width(const struct span *paras, size_t n, size_t bytes,
    int width, const struct layout_opts *opts, size_t *nlines)
{
	struct layout	l;
	double		start, elapsed;
	size_t		i, rounds = 0;

	layout_init(&l);
	start = bench_now();
	do {
		layout_clear(&l);
		for (i = 0; i < n; i++)
			layout_wrap(&l, i, paras[i].text, paras[i].len, width,
			    opts);
		rounds++;
		elapsed = bench_now() - start;
	} while (elapsed < BENCH_SECONDS);
	*nlines = l.nlines;
	layout_free(&l);
	return (double)bytes * rounds / elapsed;
}

int
main(int argc, char **argv)
{
	struct layout_opts	 opts = { LAYOUT_AMBIGUOUS_NARROW,
	    LAYOUT_KOREAN_KEEP_ALL };
	struct span	 paras[BENCH_PARAS];
	struct sample		 s;
	size_t			 i, lang, bytes = 0, nlines, k[SAMPLE_NLANG];
	double			 rate, sum = 0;
	int			 width, nwidths = 0;

	if (argc != 2 || sample_load(&s, argv[1]) != 0) {
		fprintf(stderr, "usage: layout-bench SAMPLE.txt\n");
		return 1;
	}
	memset(k, 0, sizeof k);
	for (i = 0; i < BENCH_PARAS; i++) {
		lang = i % SAMPLE_NLANG;
		paras[i] = s.para[lang][k[lang]++ % s.n[lang]];
		bytes += paras[i].len;
	}
	printf("layout-bench: %d paragraphs, %zu bytes of ko/en/ja/zh/fr\n",
	    BENCH_PARAS, bytes);
	for (width = 40; width <= 200; width += 20) {
		rate = bench_width(paras, BENCH_PARAS, bytes, width, &opts,
		    &nlines);
		printf("  width %3d: %6zu lines  %7.1f MB/s\n", width, nlines,
		    rate / 1e6);
		sum += rate;
		nwidths++;
	}
	printf("layout-bench: mean %.1f MB/s (target 50 MB/s)\n",
	    sum / nwidths / 1e6);
	free(s.buf);
	return 0;
}
