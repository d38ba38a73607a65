/*
 * article.c: freeing and looking into the article model.
 *
 * The structs are filled by the cache (cache-read.c); this file only
 * knows their shape, so code that never touches the database (layout,
 * tests) can use them too.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"

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
