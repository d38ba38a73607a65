/*
 * test-cache-util.h: setting up the caches the C unit tests read back:
 * opening one, feeding an article to it through cache_sink() the way an
 * importer would, and loading the article again.  Static, like tap.h and
 * test-util.h, so each test stays one translation unit; the failures are
 * diag lines and the caller decides what check fails.
 */
#ifndef TANDEM_TEST_CACHE_UTIL_H
#define TANDEM_TEST_CACHE_UTIL_H

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "cache.h"
#include "import.h"
#include "tap.h"
#include "xmalloc.h"

/* The cache at path opened with flags, or NULL (and a diag line). */
__attribute__((unused)) static struct cache *
test_cache_open(const char *path, int flags)
{
	struct cache	*c;
	char		*cause = NULL;

	if (cache_open(path, flags, &c, &cause) != 0) {
		diag("cache_open %s: %s", path, cause);
		free(cause);
		return NULL;
	}
	return c;
}

/* A new cache called name in dir, or NULL (and a diag line). */
__attribute__((unused)) static struct cache *
test_cache_new(const char *dir, const char *name)
{
	struct cache	*c;
	char		*path;

	xasprintf(&path, "%s/%s", dir, name);
	c = test_cache_open(path, CACHE_CREATE);
	free(path);
	return c;
}

/* The cache's counts into n (zeroed, with a diag line, on an error). */
__attribute__((unused)) static int
test_cache_counts(struct cache *c, struct cache_counts *n)
{
	char	*cause = NULL;

	if (cache_counts(c, n, &cause) != 0) {
		diag("counts: %s", cause);
		free(cause);
		memset(n, 0, sizeof *n);
		return -1;
	}
	return 0;
}

/*
 * One translation and its paragraphs (a NULL-terminated array) sent to
 * sink between its begin and end.
 */
__attribute__((unused)) static int
test_sink_translation(struct import_sink *sink, const char *lang,
    const char *title, int derived, double conf, const char *url,
    const char *const *paras, char **cause)
{
	struct import_translation	it;
	size_t				k;

	memset(&it, 0, sizeof it);
	it.lang = lang;
	it.title = title;
	it.title_derived = derived;
	it.lang_confidence = conf;
	it.url = url;
	if (sink->translation(sink->arg, &it, cause) != 0)
		return -1;
	for (k = 0; paras[k] != NULL; k++)
		if (sink->paragraph(sink->arg, paras[k], strlen(paras[k]),
		    cause) != 0)
			return -1;
	return 0;
}

/* Give up an import that failed with cause: say why, roll it back, -1. */
__attribute__((unused)) static int
test_sink_abort(struct import_sink *sink, const char *what, char *cause)
{
	diag("%s: %s", what, cause);
	free(cause);
	sink->end(sink->arg, 0, NULL);
	return -1;
}

/* The id of c's newest article, or 0 (and a diag line on an error). */
__attribute__((unused)) static long long
test_cache_newest(struct cache *c)
{
	struct article_summary	*v;
	size_t			 n;
	long long		 id = 0;
	char			*cause = NULL;

	if (cache_list(c, NULL, NULL, 1, &v, &n, &cause) != 0) {
		diag("list: %s", cause);
		free(cause);
		return 0;
	}
	if (n == 1)
		id = v[0].id;
	article_summaries_free(v, n);
	return id;
}

/* Article id of c, or NULL (and a diag line). */
__attribute__((unused)) static struct article *
test_article_load(struct cache *c, long long id)
{
	struct article	*a;
	char		*cause = NULL;

	if (cache_article_load(c, id, &a, &cause) != 0) {
		diag("load %lld: %s", id, cause);
		free(cause);
		return NULL;
	}
	return a;
}

#endif
