/*
 * fuzz-opml.c: any bytes through feed_opml_parse(); every outline's
 * strings valid UTF-8 without NUL and its url set.  Then the outlines
 * are written with feed_opml_write() and read again: the second reading
 * must give the same outlines, but for the commas in tags, which OPML
 * cannot hold inside one category entry and the writer makes spaces.
 */
#include "config.h"

#include <string.h>

#include <unistr.h>

#include "feed.h"
#include "xmalloc.h"
#include "fuzz.h"

struct fuzz_opml {
	struct feed_outline	*o;
	size_t			 n;
};

static char *
dup0(const char *s)
{
	if (s == NULL)
		return NULL;
	fuzz_assert(u8_check((const uint8_t *)s, strlen(s)) == NULL);
	return xstrdup(s);
}

/* A tag as the writer and reader make it: commas as spaces, trimmed,
   spaces collapsed; NULL when nothing is left. */
static char *
norm_tag(const char *t)
{
	char	*s = xmalloc(strlen(t) + 1), *p = s;
	int	 space = 0;

	for (; *t != '\0'; t++) {
		if (*t == ',' || *t == ' ') {
			space = p > s;
			continue;
		}
		if (space)
			*p++ = ' ';
		space = 0;
		*p++ = *t;
	}
	*p = '\0';
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

static int
on_outline(void *arg, const struct feed_outline *fo, char **cause)
{
	struct fuzz_opml	*f = arg;
	struct feed_outline	*o;
	char			**tags, *t;
	size_t			 i, k, n = 0;

	(void)cause;
	fuzz_assert(fo->url != NULL && *fo->url != '\0');
	f->o = xreallocarray(f->o, f->n + 1, sizeof *f->o);
	o = &f->o[f->n++];
	o->url = dup0(fo->url);
	o->title = dup0(fo->title);
	o->html_url = dup0(fo->html_url);
	o->lang = dup0(fo->lang);
	tags = xcalloc(fo->ntags + 1, sizeof *tags);
	for (i = 0; i < fo->ntags; i++) {
		fuzz_assert(fo->tags[i] != NULL && *fo->tags[i] != '\0');
		free(dup0(fo->tags[i]));
		if ((t = norm_tag(fo->tags[i])) == NULL)
			continue;
		for (k = 0; k < n && strcmp(tags[k], t) != 0; k++)
			;
		if (k < n)
			free(t);
		else
			tags[n++] = t;
	}
	o->tags = (const char *const *)tags;
	o->ntags = n;
	return 0;
}

static void
free_all(struct fuzz_opml *f)
{
	size_t	i, k;

	for (i = 0; i < f->n; i++) {
		free((char *)f->o[i].url);
		free((char *)f->o[i].title);
		free((char *)f->o[i].html_url);
		free((char *)f->o[i].lang);
		for (k = 0; k < f->o[i].ntags; k++)
			free((char *)f->o[i].tags[k]);
		free((void *)f->o[i].tags);
	}
	free(f->o);
}

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL &&
	    strcmp(a, b) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_opml	 a, b;
	char			*cause = NULL, *doc;
	size_t			 i, k;

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	if (feed_opml_parse((const char *)data, size, "in.opml", on_outline,
	    &a, &cause) != 0) {
		fuzz_assert(cause != NULL && strncmp(cause, "in.opml: ", 9) == 0);
		free(cause);
		free_all(&a);
		return 0;
	}
	doc = feed_opml_write("fuzz", a.o, a.n);
	if (feed_opml_parse(doc, strlen(doc), "out.opml", on_outline, &b,
	    &cause) != 0)
		fuzz_fail("written OPML does not read back: %s", cause);
	fuzz_assert(a.n == b.n);
	for (i = 0; i < a.n; i++) {
		fuzz_assert(same(a.o[i].url, b.o[i].url));
		fuzz_assert(same(a.o[i].title, b.o[i].title));
		fuzz_assert(same(a.o[i].html_url, b.o[i].html_url));
		fuzz_assert(same(a.o[i].lang, b.o[i].lang));
		fuzz_assert(a.o[i].ntags == b.o[i].ntags);
		for (k = 0; k < a.o[i].ntags; k++)
			fuzz_assert(same(a.o[i].tags[k], b.o[i].tags[k]));
	}
	free(doc);
	free_all(&a);
	free_all(&b);
	return 0;
}
