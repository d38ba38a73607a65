/*
 * layout-sample.h: the bundled sample article split into its languages,
 * for the layout tests and the benchmark.
 *
 * data/sample/seoul-sba-zhongguancun.txt holds one article in Korean,
 * English, Japanese, Chinese and French, each version ending with a
 * "see more related articles" marker line in its own language; after the
 * last one comes a comment-policy line that is not article text.  Every
 * non-empty line between markers is a paragraph.
 */
#ifndef TANDEM_LAYOUT_SAMPLE_H
#define TANDEM_LAYOUT_SAMPLE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout-sbs.h"
#include "xmalloc.h"

#define SAMPLE_NLANG 5
#define SAMPLE_MAXPARA 64

__attribute__((unused)) static const char *sample_lang[SAMPLE_NLANG] = { "ko", "en", "ja", "zh", "fr" };
static const char *sample_marker[SAMPLE_NLANG] = {
	"- 관련 기사 더보기",
	"- See more related articles",
	"- 関連記事をもっと見る",
	"- 查看更多相关文章",
	"- Voir plus d'articles connexes",
};

struct sample {
	char			*buf;
	struct span	 para[SAMPLE_NLANG][SAMPLE_MAXPARA];
	size_t			 n[SAMPLE_NLANG];
};

static char *
sample_slurp(const char *path, size_t *lenp)
{
	FILE	*f;
	char	*buf;
	long	 size;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)size + 1);
	*lenp = fread(buf, 1, (size_t)size, f);
	buf[*lenp] = '\0';
	fclose(f);
	return buf;
}

/* Load and split the sample; 0 on success, -1 if it cannot be read. */
__attribute__((unused)) static int
sample_load(struct sample *s, const char *path)
{
	size_t	 len, lang = 0;
	char	*p, *nl, *end;

	memset(s, 0, sizeof *s);
	if ((s->buf = sample_slurp(path, &len)) == NULL)
		return -1;
	end = s->buf + len;
	for (p = s->buf; p < end && lang < SAMPLE_NLANG; p = nl + 1) {
		if ((nl = memchr(p, '\n', end - p)) == NULL)
			nl = end;
		if (nl > p && nl[-1] == '\r')
			nl[-1] = '\0';
		*nl = '\0';
		if (strcmp(p, sample_marker[lang]) == 0)
			lang++;
		else if (*p != '\0' && s->n[lang] < SAMPLE_MAXPARA) {
			s->para[lang][s->n[lang]].text = p;
			s->para[lang][s->n[lang]].len = strlen(p);
			s->n[lang]++;
		}
	}
	return lang == SAMPLE_NLANG ? 0 : -1;
}

#ifdef TANDEM_TAP_H
/*
 * Compare got with the golden file at path, or rewrite the file when
 * TANDEM_GOLDEN_UPDATE is set.  Include tap.h first.
 */
__attribute__((unused)) static void
sample_golden(const char *path, const char *got, const char *name)
{
	char	*want;
	size_t	 len;
	FILE	*f;

	if (getenv("TANDEM_GOLDEN_UPDATE") != NULL) {
		if ((f = fopen(path, "w")) == NULL || fputs(got, f) < 0 ||
		    fclose(f) != 0)
			ok(0, "golden: cannot write %s", path);
		else
			ok(1, "golden: %s rewritten", name);
		return;
	}
	if ((want = sample_slurp(path, &len)) == NULL) {
		ok(0, "golden: %s missing (TANDEM_GOLDEN_UPDATE=1 makes it)",
		    path);
		return;
	}
	is_str(got, want, "golden: %s", name);
	free(want);
}

#endif /* TANDEM_TAP_H */

#endif
