/*
 * article.c: freeing and looking into the article model.
 *
 * The structs are filled by the cache (cache-read.c); this file only
 * knows their shape, so code that never touches the database (layout,
 * tests) can use them too.  An article the reader opens comes without
 * its text (cache_article_open): the article_text_* functions read the
 * paragraphs the reader lays out, through the article's text_fn, and
 * free those it no longer does, so a long article costs the memory of a
 * few screens of text besides a length and a pointer a paragraph.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "xmalloc.h"

static void
article_translation_clear(struct article_translation *t)
{
	size_t	i;

	for (i = 0; i < t->nparagraphs; i++)
		free((char *)t->paragraphs[i].text);
	free(t->paragraphs);
	free(t->lang);
	free(t->title);
	free(t->url);
}

void
article_free(struct article *a)
{
	size_t	i;

	if (a == NULL)
		return;
	for (i = 0; i < a->ntranslations; i++)
		article_translation_clear(&a->translations[i]);
	free(a->translations);
	free(a->source);
	free(a->key);
	free(a->url);
	free(a->date);
	free(a->author);
	free(a->original);
	free(a);
}

void
article_summaries_free(struct article_summary *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].langs);
		free(v[i].title);
		free(v[i].title_lang);
		free(v[i].date);
		free(v[i].source);
		free(v[i].feed);
	}
	free(v);
}

void
article_comments_free(struct article_comment *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].author);
		free(v[i].body);
		free(v[i].lang);
		free(v[i].created);
		free(v[i].remote_url);
		free(v[i].link);
	}
	free(v);
}

/* The translation in language lang, or NULL. */
const struct article_translation *
article_translation_find(const struct article *a, const char *lang)
{
	size_t	i;

	for (i = 0; i < a->ntranslations; i++) {
		if (strcmp(a->translations[i].lang, lang) == 0)
			return &a->translations[i];
	}
	return NULL;
}

const char *
article_policy_name(enum article_policy p)
{
	switch (p) {
	case ARTICLE_POLICY_OPEN:
		return "open";
	case ARTICLE_POLICY_LOGIN:
		return "login";
	case ARTICLE_POLICY_CLOSED:
		return "closed";
	case ARTICLE_POLICY_UNKNOWN:
		break;
	}
	return "unknown";
}

/* Read one run of missing paragraphs; what the store lacks becomes "". */
static int
article_text_run(struct article *a, size_t tr, size_t first, size_t n,
    char **cause)
{
	struct span	*p = a->translations[tr].paragraphs;
	size_t		 i;
	int		 rc;

	rc = a->text_fn(a->text_arg, a, tr, first, n, cause);
	a->text_reads += n;
	for (i = first; i < first + n; i++)
		if (p[i].text == NULL) {
			p[i].text = xstrdup("");
			p[i].len = 0;
		}
	return rc;
}

int
article_text_need(struct article *a, size_t tr, size_t first, size_t n,
    char **cause)
{
	struct article_translation	*t;
	size_t				 i, j, end;
	char				*why = NULL;
	int				 rc = 0;

	if (a->text_fn == NULL || tr >= a->ntranslations)
		return 0;
	t = &a->translations[tr];
	if (first >= t->nparagraphs)
		return 0;
	end = n < t->nparagraphs - first ? first + n : t->nparagraphs;
	for (i = first; i < end; i = j) {
		for (; i < end && t->paragraphs[i].text != NULL; i++)
			;
		for (j = i; j < end && t->paragraphs[j].text == NULL; j++)
			;
		if (j > i && article_text_run(a, tr, i, j - i, &why) != 0) {
			if (rc == 0 && cause != NULL) {
				*cause = why;
				why = NULL;
			}
			rc = -1;
		}
		free(why);
		why = NULL;
	}
	return rc;
}

int
article_text_all(struct article *a, char **cause)
{
	size_t	i;
	int	rc = 0;

	for (i = 0; i < a->ntranslations; i++)
		if (article_text_need(a, i, 0, a->translations[i].nparagraphs,
		    rc == 0 ? cause : NULL) != 0)
			rc = -1;
	return rc;
}

void
article_text_keep(struct article *a, size_t tr, size_t first, size_t n)
{
	struct article_translation	*t;
	size_t				 i;

	if (a->text_fn == NULL || tr >= a->ntranslations)
		return;
	t = &a->translations[tr];
	for (i = 0; i < t->nparagraphs; i++)
		if ((i < first || i - first >= n) &&
		    t->paragraphs[i].text != NULL) {
			free((char *)t->paragraphs[i].text);
			t->paragraphs[i].text = NULL;
		}
}
