/*
 * fuzz-search.c: the library search's query reader (search.c), the fold
 * and the tokens (utf8-fold.c) and the reader's matcher (view-find.c).
 * Input: a query, 0xff, then text.  The query is refused with a one-line
 * cause or made into an expression; the fold's map runs forward within
 * the text; tokens lie in the text, in order, and none is empty; a
 * match found maps to bytes of the text.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "search.h"
#include "utf8-fold.h"
#include "view.h"
#include "xmalloc.h"

struct fuzz_search_tok {
	size_t	n, last;
};

static int
fuzz_search_token(void *arg, const char *t, size_t len, size_t start,
    size_t end)
{
	struct fuzz_search_tok	*k = arg;

	(void)t;
	fuzz_assert(len > 0 && len <= UTF8_TOKEN_MAX * 2);
	fuzz_assert(start < end && end <= k->n && start >= k->last);
	k->last = start;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input	 in = { data, size };
	struct fuzz_search_tok	 k;
	struct view_find	 f;
	const char		*qs, *text;
	char			*q, *m, *cause = NULL, *fold, *w;
	size_t			 qlen, n, flen, i, s, e, next;

	qs = fuzz_chunk(&in, &qlen);
	q = xstrndup(qs, qlen);
	text = (const char *)in.p;
	n = in.n;
	if ((m = search_query(q, &cause)) == NULL)
		fuzz_assert(cause != NULL && strchr(cause, '\n') == NULL);
	free(m);
	free(cause);
	free(search_query_word(q));

	k.n = n;
	k.last = 0;
	utf8_tokenize(text, n, 0, fuzz_search_token, &k);
	k.last = 0;
	utf8_tokenize(text, n, 1, fuzz_search_token, &k);

	view_find_text(&f, text, n);
	for (i = 0; i < f.len; i++)
		fuzz_assert(f.map[i] < n && (i == 0 || f.map[i] >= f.map[i - 1]));
	fuzz_assert(f.map[f.len] == n);
	fold = view_find_needle(q);
	if (*fold != '\0') {
		for (next = 0; view_find_next(&f, next, fold, &s, &e, &next);)
			fuzz_assert(s < e && e <= n);
	}
	w = utf8_fold(text, n, &flen);
	fuzz_assert(flen == f.len && memcmp(w, f.folded, flen) == 0);
	free(w);
	free(fold);
	view_find_free(&f);
	free(q);
	return 0;
}
