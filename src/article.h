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
							   (NUL-terminated);
							   text NULL: not
							   read yet, len its
							   stored length */
	size_t				 nparagraphs;
};

struct article;

/*
 * Reads the text of paragraphs [first, first + n) of translation tr into
 * their spans (text allocated, len its length); a paragraph the store no
 * longer has is given "".  0, or -1 and *cause.
 */
typedef int (*article_text_fn)(void *arg, struct article *, size_t tr,
    size_t first, size_t n, char **cause);

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

	/*
	 * An article opened without its text (cache_article_open) reads it
	 * through text_fn as article_text_need() asks; NULL: every text is
	 * there (cache_article_load, or made by hand).
	 */
	article_text_fn			 text_fn;
	void				*text_arg;
	size_t				 text_reads;	/* paragraphs read, ever */
	size_t				 open_steps;	/* SQLite rows stepped to
							   open it */
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

/*
 * The text of an article opened lazily: need reads what is missing of
 * paragraphs [first, first + n) of translation tr (a failed read leaves
 * them "", and returns -1 with *cause if cause is not NULL); all reads
 * every paragraph of every translation; keep frees the text of every
 * paragraph outside [first, first + n) of tr (n 0: all of it), so
 * that what is held stays what the reader lays out.  On an article with
 * no text_fn, need and all do nothing and keep keeps everything.
 */
int	 article_text_need(struct article *, size_t tr, size_t first, size_t n,
	     char **cause);
int	 article_text_all(struct article *, char **cause);
void	 article_text_keep(struct article *, size_t tr, size_t first,
	     size_t n);

#endif
