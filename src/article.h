/*
 * article.h: articles as the reader sees them, read back from the cache.
 *
 * These are plain structs with no database types in them: the cache
 * (cache-read.c) fills them, the UI and the CLI read them and give them
 * back to the free functions here.  Every string is an allocated, NUL-terminated UTF-8
 * copy owned by the struct it sits in; optional strings are NULL when the
 * source did not say.  Ids are the cache's row ids (long long, > 0).
 */
#ifndef TANDEM_ARTICLE_H
#define TANDEM_ARTICLE_H

#include <stddef.h>

#include "span.h"

/* Who may comment on an article; the same values as enum import_policy. */
enum article_policy {
	ARTICLE_POLICY_UNKNOWN = 0,
	ARTICLE_POLICY_OPEN,
	ARTICLE_POLICY_LOGIN,
	ARTICLE_POLICY_CLOSED,
};

/* Where a comment came from and what became of it. */
enum article_comment_state {
	ARTICLE_COMMENT_SOURCE = 0,	/* imported with the article */
	ARTICLE_COMMENT_DRAFT,		/* written here, not sent */
	ARTICLE_COMMENT_POSTED,		/* written here and sent */
};

/* One row of the article list. */
struct article_summary {
	long long	 id;
	char		*langs;		/* "ko en ja zh fr", in import order */
	char		*title;		/* in the preferred language, else the
					   first translation; "" if none */
	char		*title_lang;	/* language of title, or NULL */
	char		*date;		/* or NULL */
	char		*source;
	int		 read;
	int		 starred;	/* the reader's star (bookmark) */
	long long	 imported_at;	/* Unix time; with id, the list order */
	char		*feed;		/* its feed's title (else tag, URL), or
					   NULL if no feed brought it */
};

struct article_translation {
	long long			 id;
	char				*lang;
	char				*title;
	int				 title_derived;
	double				 lang_confidence;
	char				*url;
	struct span			*paragraphs;	/* own their text
							   (NUL-terminated) */
	size_t				 nparagraphs;
};

struct article {
	long long			 id;
	char				*source;
	char				*key;
	char				*url;
	char				*date;
	char				*author;
	char				*original;	/* language tag */
	enum article_policy		 policy;
	int				 read;
	int				 starred;
	long long			 imported_at;
	long long			 updated_at;
	struct article_translation	*translations;	/* in import order */
	size_t				 ntranslations;
};

struct article_comment {
	long long			 id;
	long long			 parent;	/* 0 for top level */
	char				*author;
	char				*body;
	char				*lang;
	char				*created;
	enum article_comment_state	 state;

	/* With a site (site-wp.c); 0 and NULL for a comment that stays
	   here. */
	long long			 article;
	long long			 remote_id;	/* the site's id */
	long long			 remote_parent;	/* the parent's */
	char				*remote_url;	/* the translation URL
							   it belongs to */
	char				*link;
	int				 pending;	/* 1: to send; 2: may
							   have gone, look
							   first */
};

/*
 * One aligned group of paragraphs between two translations: a_count
 * paragraphs of language a from a_first face b_count paragraphs of
 * language b from b_first.  1-1, 1-2, 2-1, 1-0 and 0-1 all fit.
 */
struct article_pair {
	int		 a_first;
	int		 a_count;
	int		 b_first;
	int		 b_count;
	double		 confidence;	/* 0..1 */
	int		 manual;	/* set by the reader, kept on re-import */
};

void	 article_free(struct article *);
void	 article_summaries_free(struct article_summary *, size_t);
void	 article_comments_free(struct article_comment *, size_t);
const struct article_translation *
	 article_translation_find(const struct article *, const char *);
const char *article_policy_name(enum article_policy);

#endif
