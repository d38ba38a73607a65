/*
 * align-eval-driver.c: run align_paragraphs() over documents on stdin.
 *
 * The evaluation script (tests/bench/align-eval) writes documents as
 *
 *	doc ID LANG_A LANG_B NA NB
 *	NA lines, one paragraph each, then NB lines
 *
 * and reads back, per document, "doc ID CONFIDENCE", one line per pair
 * "A_FIRST A_COUNT B_FIRST B_COUNT CONFIDENCE" and "end".  Options:
 * -n no anchors, -r no ratio adaptation, -g the whole grid however long
 * (align.h's ablation flags).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "align.h"
#include "xmalloc.h"

/* Read n paragraph lines into t (the texts are allocated). */
static int
eval_read(struct span *t, size_t n, char **line, size_t *size)
{
	ssize_t	 len;
	size_t	 i;
	char	*text;

	for (i = 0; i < n; i++) {
		if ((len = getline(line, size, stdin)) < 0)
			return -1;
		while (len > 0 && ((*line)[len - 1] == '\n' ||
		    (*line)[len - 1] == '\r'))
			len--;
		text = xmalloc((size_t)len + 1);	/* NUL bytes included */
		memcpy(text, *line, (size_t)len);
		text[len] = '\0';
		t[i].text = text;
		t[i].len = (size_t)len;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct span	*a, *b;
	struct article_pair	*p;
	char			*line = NULL, id[128], la[32], lb[32];
	size_t			 size = 0, na, nb, n, i;
	double			 conf;
	int			 c, flags = 0;

	while ((c = getopt(argc, argv, "gnr")) != -1) {
		if (c == 'n')
			flags |= ALIGN_NO_ANCHORS;
		else if (c == 'r')
			flags |= ALIGN_NO_ADAPT;
		else if (c == 'g')
			flags |= ALIGN_WHOLE_GRID;
		else
			return 2;
	}
	while (getline(&line, &size, stdin) > 0) {
		if (sscanf(line, "doc %127s %31s %31s %zu %zu", id, la, lb, &na,
		    &nb) != 5)
			return 1;
		a = xcalloc(na + 1, sizeof *a);
		b = xcalloc(nb + 1, sizeof *b);
		if (eval_read(a, na, &line, &size) != 0 ||
		    eval_read(b, nb, &line, &size) != 0)
			return 1;
		if (align_paragraphs_flags(la, a, na, lb, b, nb, flags, &p, &n,
		    &conf) != 0)
			return 1;
		printf("doc %s %.4f\n", id, conf);
		for (i = 0; i < n; i++)
			printf("%d %d %d %d %.4f\n", p[i].a_first,
			    p[i].a_count, p[i].b_first, p[i].b_count,
			    p[i].confidence);
		printf("end\n");
		for (i = 0; i < na; i++)
			free((char *)a[i].text);
		for (i = 0; i < nb; i++)
			free((char *)b[i].text);
		free(a);
		free(b);
		free(p);
	}
	free(line);
	return 0;
}
